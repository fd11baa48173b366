"""Smoke test: the app in Tajik shows no English on any page, plan part, lesson step or dialog."""

from __future__ import annotations

from tests.i18n.ui_tour import english_on_screen, file_dialog_tour, start_app, stop_app, tour


def test_no_english_left_on_screen(qtbot, tmp_path):
    window = start_app(qtbot, tmp_path / "data", "tg")
    found: dict[str, str] = {}
    screens = 0
    try:
        for screen in tour(window, qtbot):
            screens += 1
            english_on_screen(screen, found, window)
    finally:
        stop_app(window)
    assert screens > 30
    report = [f"{where}: {text[:100]!r}" for text, where in found.items()]
    assert report == [], f"{len(report)} English texts:\n" + "\n".join(report[:60])


def test_no_english_in_file_dialogs(qtbot, tmp_path):
    """Qt draws its own file dialog; Qt has no Tajik translation, so the app must set its texts."""
    window = start_app(qtbot, tmp_path / "data", "tg")
    found: dict[str, str] = {}
    screens = 0
    try:
        for screen in file_dialog_tour(window, qtbot):
            screens += 1
            english_on_screen(screen, found, window)
    finally:
        stop_app(window)
    assert screens == 4
    report = [f"{where}: {text[:100]!r}" for text, where in found.items()]
    assert report == [], f"{len(report)} English texts:\n" + "\n".join(report[:60])
