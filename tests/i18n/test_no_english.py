"""Smoke test: the app in Tajik and in Russian shows no English on any page, plan part, lesson
step or dialog (proper names and digits are allowed; see ``ui_tour.english_on_screen``)."""

from __future__ import annotations

import pytest

from tests.i18n.ui_tour import (
    english_on_screen,
    file_dialog_tour,
    print_dialog_tour,
    start_app,
    stop_app,
    tour,
)


def _english_found(qtbot, tmp_path, lang: str, walk) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    window = start_app(qtbot, tmp_path / "data", lang)
    found: dict[str, str] = {}
    screens = 0
    try:
        for screen in walk(window, qtbot):
            screens += 1
            english_on_screen(screen, found, window)
    finally:
        stop_app(window)
    return screens, [f"{where}: {text[:100]!r}" for text, where in found.items()]


@pytest.mark.parametrize("lang", ["tg", "ru"])
def test_no_english_left_on_screen(qtbot, tmp_path, lang: str) -> None:
    screens, report = _english_found(qtbot, tmp_path, lang, tour)
    assert screens > 30
    assert report == [], f"{len(report)} English texts:\n" + "\n".join(report[:60])


@pytest.mark.parametrize("lang", ["tg", "ru"])
def test_no_english_in_file_dialogs(qtbot, tmp_path, lang: str) -> None:
    """Qt draws its own file dialog; Qt has no Tajik translation, so the app must set its texts."""
    screens, report = _english_found(qtbot, tmp_path, lang, file_dialog_tour)
    assert screens == 4
    assert report == [], f"{len(report)} English texts:\n" + "\n".join(report[:60])


@pytest.mark.parametrize("lang", ["tg", "ru"])
def test_no_english_in_the_print_dialog(qtbot, tmp_path, lang: str) -> None:
    """Ctrl+P shows Qt's print dialog, its options and page setup: Tajik comes from our catalog
    (Qt has none), Russian from Qt's qtbase_ru.qm with our catalog filling its gaps."""
    screens, report = _english_found(qtbot, tmp_path, lang, print_dialog_tour)
    assert screens == 3
    assert report == [], f"{len(report)} English texts:\n" + "\n".join(report[:60])


def test_russian_uses_qt_s_own_translation(qtbot) -> None:
    from budget_tutor.ui import translator

    try:
        assert translator.install_qt_translator("ru") is True  # qtbase_ru.qm, shipped by PySide6
    finally:
        translator.install_qt_translator("en")
