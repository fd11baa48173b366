"""Battery 11b: a local-file canary (issue 16: the "0 HTTP requests" guards cannot fail, because Qt
never fetches ``http:`` in a label, while it does load local files).

A 24×24 PNG of one colour that appears nowhere in the app (#13579B) is referenced as
``<img src="/abs/path/canary.png">`` (a bare path) and ``<img src="file:///abs/path/canary.png">``
from three places people control: every name of a household's plan, the texts of a lesson pack,
and every Russian translation (interface and lessons, from a translator's folder). The real app
shows every page and every lesson step; each window is painted and its pixels are searched for the
canary colour. A positive control proves the detector sees the canary when a label does load it.

Pass figure: the canary is found 0 times on any page or step (and once in the control).
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from budget_tutor import i18n
from budget_tutor.lessons.library import load_library
from budget_tutor.storage import Store
from budget_tutor.ui.app import run_app
from budget_tutor.ui.lesson_player import LessonPlayer

from .helpers import REPO, base_plan

CANARY = QColor(0x13, 0x57, 0x9B)
PAGES = ("plan", "whatif", "progress", "lessons")


def make_canary(folder: Path) -> tuple[Path, str]:
    """The canary PNG and the markup that would show it twice (bare path and file URL)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "canary.png"
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(CANARY)
    assert image.save(str(path))
    return path, f'<img src="{path}"><img src="{path.as_uri()}">'


def shows_canary(widget: QWidget) -> bool:
    """Whether the painted widget holds a run of canary-coloured pixels."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixel = bytes([CANARY.blue(), CANARY.green(), CANARY.red(), 0xFF])
    return pixel * 8 in bytes(image.constBits())


def test_the_detector_sees_a_label_that_loads_the_canary(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The positive control: without it a canary test could pass by never looking."""
    path, markup = make_canary(tmp_path / "c")
    for src in (str(path), path.as_uri()):
        label = QLabel(f'x<img src="{src}">')
        label.setTextFormat(Qt.TextFormat.RichText)
        qtbot.addWidget(label)
        label.resize(120, 60)
        label.show()
        QApplication.processEvents()
        assert shows_canary(label), src
    plain = QLabel(markup)
    plain.setTextFormat(Qt.TextFormat.PlainText)
    qtbot.addWidget(plain)
    plain.show()
    assert not shows_canary(plain)


@pytest.fixture
def app_window(qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    windows = []

    def start(data: Path):  # type: ignore[no-untyped-def]
        assert run_app(["--data-dir", str(data)], exec_loop=False) == 0
        window = run_app.last_window  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        if getattr(window.session.store, "_conn", None) is not None:
            window.close()
            run_app.last_error_handler.uninstall()  # type: ignore[attr-defined]
            window.session.store.close()


def pages_showing_canary(window) -> list[str]:  # type: ignore[no-untyped-def]
    window.resize(1100, 750)
    found = []
    for key in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        if shows_canary(window):
            found.append(key)
    window.show_households()
    QApplication.processEvents()
    if shows_canary(window):
        found.append("households")
    return found


def lesson_steps_showing_canary(session, library) -> list[str]:  # type: ignore[no-untyped-def]
    player = LessonPlayer(session, library)
    player.resize(1000, 760)
    player.show()
    found = []
    try:
        for lesson in library.lessons:
            player.open_lesson(lesson)
            for index in range(len(lesson.steps)):
                player.show_step(index)
                QApplication.processEvents()
                if shows_canary(player):
                    found.append(f"{lesson.id} step {index}")
    finally:
        player.close()
        player.deleteLater()
    return found


def test_names_never_load_a_local_file(qtbot, app_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _path, markup = make_canary(tmp_path / "c")
    plan = base_plan()

    def each(lines: tuple) -> tuple:  # type: ignore[type-arg]
        return tuple(dataclasses.replace(x, name=f"{markup} {n}") for n, x in enumerate(lines))

    plan = plan.replace(
        household=dataclasses.replace(plan.household, name=f"Karimov {markup}"),
        incomes=each(plan.incomes),
        expenses=each(plan.expenses),
        savings=each(plan.savings),
        goals=each(plan.goals),
        debts=each(plan.debts),
        scenarios=each(plan.scenarios),
    )
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.set_setting("language", "en")
        household = store.create_household(plan)
        store.set_setting("last_household", str(household))
    window = app_window(data)
    assert window.session.household_id == household
    assert pages_showing_canary(window) == []


def test_lesson_texts_never_load_a_local_file(qtbot, app_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _path, markup = make_canary(tmp_path / "c")
    pack = tmp_path / "pack"
    shutil.copytree(REPO / "tests" / "fixtures" / "packs" / "good", pack)
    for lesson_file in pack.glob("*.yaml"):
        if lesson_file.name != "pack.yaml":
            data = yaml.safe_load(lesson_file.read_text(encoding="utf-8"))
            lesson_file.write_text(
                yaml.safe_dump(with_markup(data, markup), allow_unicode=True), encoding="utf-8"
            )
    library = load_library(REPO / "tests" / "fixtures" / "packs" / "builtin", [pack])
    status = library.packs[0]
    assert status.lessons, [p.describe() for p in status.problems]
    assert any(markup in step_text(s) for s in status.lessons[0].steps)
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.set_setting("language", "en")
    window = app_window(data)
    assert lesson_steps_showing_canary(window.session, library) == []


TEXT_KEYS = {"text", "question", "prompt", "title", "summary", "label", "solution", "explanation"}


def with_markup(value: Any, markup: str, key: str = "") -> Any:
    """Every lesson text in ``value`` with the canary markup in front of it."""
    if isinstance(value, dict):
        return {k: with_markup(v, markup, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [with_markup(v, markup, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return f"{markup} {value}"
    return value


def step_text(step: object) -> str:
    return " ".join(str(getattr(step, k, "")) for k in ("text", "question", "prompt", "title"))


def override_catalogs(folder: Path, markup: str) -> tuple[Path, str]:
    """A translator's folder: every Russian translation (interface and lessons) with the canary
    markup after it."""
    from babel.messages.pofile import read_po, write_po

    sample = ""
    for domain in ("budget_tutor", "lessons"):
        source = REPO / "locales" / "ru" / "LC_MESSAGES" / f"{domain}.po"
        with open(source, "rb") as fh:
            catalog = read_po(fh, locale="ru")
        for message in catalog:
            if message.id and isinstance(message.string, str) and message.string:
                message.string = f"{message.string} {markup}"
                if domain == "budget_tutor" and not sample and "{" not in message.id:
                    sample = message.id
        target = folder / "ru" / "LC_MESSAGES" / f"{domain}.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as fh:
            write_po(fh, catalog, width=0)
    return folder, sample


def test_translations_never_load_a_local_file(
    qtbot, app_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _path, markup = make_canary(tmp_path / "c")
    folder, sample = override_catalogs(tmp_path / "translator", markup)
    monkeypatch.setenv(i18n.OVERRIDE_ENV, str(folder))
    i18n.set_override_dir(folder)
    i18n.set_language("ru")
    # The translator's catalog is read, and its entries are refused at load because they add
    # markup their English lacks (i18n.markup_problem): the English is shown. The canary below
    # is what fails if that barrier, or the plain-text labels behind it, ever give way.
    assert markup not in i18n._(sample)
    assert any("markup" in problem.reason for problem in i18n.problems())
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.set_setting("language", "ru")
        household = store.create_household(base_plan())
        store.set_setting("last_household", str(household))
    window = app_window(data)
    assert i18n.current_language() == "ru"
    assert pages_showing_canary(window) == []
    library = load_library(REPO / "budget_tutor" / "lessons" / "builtin")
    library.lessons = library.lessons[:3]
    assert lesson_steps_showing_canary(window.session, library) == []
