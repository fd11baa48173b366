"""Battery 11: hostile lesson packs and files, shown in the real LessonPlayer.

Every hostile pack of tests/fixtures/packs/ (unsafe YAML tags, an alias bomb, deep nesting,
invalid UTF-8, ``<script>``/remote images/``file://``/``javascript:`` in every text field, pictures
whose paths climb out of the pack or whose SVG links outside itself), plus a huge lesson file and a
pack whose lesson list points outside it, is loaded together with a good pack. Each lesson that
loads is shown step by step in the real LessonPlayer (painted), while a local HTTP server
records requests. (The lesson helper's tests/core/test_lesson_loader.py and
tests/ui/test_lesson_player.py check each hostile input on its own; this is the whole set at once
through the same path the app uses.)

Pass figures: every hostile file refused or sanitised with a problem listed, 0 HTTP requests,
0 rich-text labels holding an active tag, 0 pictures shown from outside their pack.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from budget_tutor.lessons.library import load_library
from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui.lesson_player import LessonPlayer
from budget_tutor.ui.lesson_steps import step_widget as lesson_steps
from budget_tutor.ui.session import AppSession

from .helpers import REPO
from .ui_checks import html_problems, http_spy

PACKS = REPO / "tests" / "fixtures" / "packs"
HOSTILE = sorted(p.name for p in PACKS.iterdir() if p.name.startswith("hostile-"))


def make_packs(root: Path, port: int) -> list[Path]:
    folders = []
    for name in [*HOSTILE, "good"]:
        target = root / name
        shutil.copytree(PACKS / name, target)
        for path in target.rglob("*"):
            if path.suffix in (".yaml", ".svg", ".po"):
                raw = path.read_bytes()
                path.write_bytes(raw.replace(b"PORT", str(port).encode()))
        folders.append(target)
    huge = root / "hostile-huge"
    huge.mkdir()
    (huge / "pack.yaml").write_text("format: 1\nid: hostile-huge\ntitle: Huge\n", encoding="utf-8")
    (huge / "x08-huge.yaml").write_bytes(b"format: 1\nid: x08-huge\n" + b"# padding\n" * 300_000)
    climb = root / "hostile-list"
    climb.mkdir()
    (climb / "pack.yaml").write_text(
        "format: 1\nid: hostile-list\ntitle: List\nlessons:\n  - ../good/p01-every-step.yaml\n"
        "  - /etc/passwd\n",
        encoding="utf-8",
    )
    return [*folders, huge, climb]


@pytest.fixture
def session(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "store")
    s = AppSession(store)
    s.open_household(store.create_household(Plan(Household("Karimov"))))
    yield s
    store.close()


def test_hostile_packs_in_the_lesson_player(
    qtbot, session: AppSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown_pictures: list[Path] = []
    real_picture = lesson_steps.picture_widget

    def picture_widget(path: Any, parent: QWidget, height: int = 180) -> Any:
        if path is not None:
            shown_pictures.append(Path(path))
        return real_picture(path, parent, height)

    monkeypatch.setattr(lesson_steps, "picture_widget", picture_widget)
    with http_spy() as (port, requests):
        folders = make_packs(tmp_path / "packs", port)
        library = load_library(PACKS / "builtin", folders, assets_dir=PACKS / "assets")
        statuses = {Path(status.path).name: status for status in library.packs}
        for name in [*HOSTILE, "hostile-huge", "hostile-list"]:
            if name == "hostile-script":  # markup in text is sanitised, not refused
                assert statuses[name].lessons
            else:
                assert statuses[name].problems, f"{name}: nothing was refused"
        assert not statuses["hostile-huge"].lessons
        assert not statuses["hostile-list"].lessons  # a list entry outside the pack is refused
        assert statuses["good"].lessons
        pack_roots = {lesson.id: Path(s.path) for s in library.packs for lesson in s.lessons}
        player = LessonPlayer(session, library)
        qtbot.addWidget(player)
        player.resize(1000, 800)
        player.show()
        shown_steps = 0
        for lesson_id, root in pack_roots.items():
            lesson = library.lesson(lesson_id)
            assert lesson is not None
            player.open_lesson(lesson)
            # card pictures become list icons: the paths the validator let through
            for step in lesson.steps:
                for card in getattr(step, "cards", ()):
                    if card.picture is not None:
                        assert Path(card.picture).resolve().is_relative_to(root.resolve())
            for index in range(len(lesson.steps)):
                shown_pictures.clear()
                player.show_step(index)
                QApplication.processEvents()
                player.grab()
                shown_steps += 1
                widgets = [player, *player.findChildren(QWidget)]
                problems = html_problems(widgets, "<script")
                assert problems == [], f"{lesson_id} step {index}: {problems}"
                for picture in shown_pictures:
                    assert picture.resolve().is_relative_to(root.resolve()), (
                        f"{lesson_id} step {index} shows {picture}"
                    )
                    assert picture.suffix == ".svg"
        assert shown_steps > 10
        QApplication.processEvents()
        qtbot.wait(300)
    assert requests == []


# -- the freezing picture and files that are not files (issue 16, item 2) --------------------------


@pytest.mark.timeout(120)
def test_the_freezing_picture_and_a_fifo_pack_on_the_lessons_page(
    qtbot, session: AppSession, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The attack's pack (a 2 KB picture whose ``<use>`` references fan out ten-fold over nine
    levels, a FIFO and a device named ``*.yaml``, a link out of the pack) added on the Lessons
    page: the page loads at once, the lesson works, the picture is a translated note, Qt never
    renders the picture (it would draw 10^9 rectangles) and nothing waits on the FIFO."""
    import json
    import time

    from PySide6.QtSvgWidgets import QSvgWidget

    from budget_tutor import i18n
    from budget_tutor.ui.lesson_steps.step_widget import RefusedPictureNote
    from budget_tutor.ui.lessons_page import PACKS_SETTING, LessonsPage
    from tests.core.test_lesson_loader import hostile_pack

    pack = hostile_pack(tmp_path / "usb")
    session.store.set_setting(PACKS_SETTING, json.dumps([str(pack)]))
    i18n.set_language("ru")
    start = time.perf_counter()
    page = LessonsPage(session)
    qtbot.addWidget(page)
    page.show()
    QApplication.processEvents()
    assert time.perf_counter() - start < 20
    lesson = page.library.lesson("x10-bomb")
    assert lesson is not None, "the lesson with a refused picture must still work"
    player = LessonPlayer(session, page.library)
    qtbot.addWidget(player)
    player.resize(1000, 800)
    player.show()
    player.open_lesson(lesson)
    notes: list[int] = []  # steps that show a note instead of their picture
    for index in range(len(lesson.steps)):
        started = time.perf_counter()
        player.show_step(index)
        QApplication.processEvents()
        player.grab()  # paints: a rendered bomb would take minutes here
        assert time.perf_counter() - started < 10, f"step {index} took too long"
        if player.findChildren(RefusedPictureNote):
            notes.append(index)
        for svg in player.findChildren(QSvgWidget):
            assert svg.renderer().defaultSize().width() < 1000  # no widget got the bomb
    assert notes, "the refused picture is replaced by a note"
    player.show_step(notes[0])
    note = player.findChildren(RefusedPictureNote)[0]
    assert note.text() == (
        "Картинка не показана: ссылки в файле разворачиваются больше чем в 50000 элементов"
    )
    session.set_language("en")  # swaps the catalogs and posts LanguageChange, as the menu does
    qtbot.waitUntil(lambda: note.text().startswith("Picture not shown: its references expand"))
