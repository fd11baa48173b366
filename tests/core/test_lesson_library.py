"""Lesson packs: a broken or hostile pack never stops the app; packs bring their translations."""

from __future__ import annotations

import shutil
from pathlib import Path

from budget_tutor import i18n
from budget_tutor.lessons.library import load_library, load_pack
from budget_tutor.lessons.model import Severity

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"
HOSTILE = ["hostile-tags", "hostile-bomb", "hostile-deep", "hostile-paths", "hostile-utf8"]


def test_broken_and_hostile_packs_leave_the_good_lessons(tmp_path: Path) -> None:
    big = tmp_path / "huge"
    big.mkdir()
    (big / "pack.yaml").write_text("id: huge\ntitle: Huge\n")
    with open(big / "x07-huge.yaml", "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    folders = [PACKS / "good", *(PACKS / h for h in HOSTILE), PACKS / "mixed", PACKS / "no-manifest",
               big, tmp_path / "does-not-exist"]  # fmt: skip
    lib = load_library(PACKS / "builtin", folders, assets_dir=PACKS / "assets")
    ids = [x.id for x in lib.lessons]
    assert ids == ["m00-welcome", "m01-money", "m10-action", "p01-every-step", "p02-good"]
    status = {p.path.name: p for p in lib.packs}
    assert status["good"].ok and status["good"].problems == []
    for name in [*HOSTILE, "mixed", "no-manifest", "huge", "does-not-exist"]:
        assert not status[name].ok, name
        assert all(p.message for p in status[name].errors)
    assert any("at most 1000000 bytes" in p.english for p in status["huge"].errors)
    assert [x.id for x in status["mixed"].lessons] == ["p02-good"]


def test_script_in_text_loads_and_is_only_text() -> None:
    status, _ = load_pack(PACKS / "hostile-script")
    assert status.ok and [x.id for x in status.lessons] == ["x06-script"]
    lesson = status.lessons[0]
    assert lesson.title.startswith("<b>Bold title</b><script>")  # kept as the author wrote it
    from budget_tutor.lessons.sanitize import to_html

    html = to_html(lesson.steps[0].text)  # type: ignore[attr-defined]
    assert "<script" not in html and "<img" not in html and "&lt;img" in html


def test_duplicate_lesson_id_in_a_pack_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "copy"
    shutil.copytree(PACKS / "good", pack)
    (pack / "pack.yaml").write_text("id: copy\ntitle: Copy\n")
    lib = load_library(PACKS / "builtin", [PACKS / "good", pack], assets_dir=PACKS / "assets")
    assert [x.id for x in lib.lessons].count("p01-every-step") == 1
    copy = lib.packs[1]
    assert copy.lessons == []
    assert (
        copy.errors[0].english == "the lesson id 'p01-every-step' is already used by another lesson"
    )


def test_pack_manifest_problems(tmp_path: Path) -> None:
    pack = tmp_path / "p"
    shutil.copytree(PACKS / "good", pack)
    (pack / "pack.yaml").write_text("id: Bad Id\nlessons: [p01-every-step, gone]\nextra: 1\n")
    status, _ = load_pack(pack)
    english = {(p.line, p.english) for p in status.problems}
    assert (1, "pack.yaml: 'id' is missing or not valid") in english
    assert (2, "the pack lists the lesson 'gone', but gone.yaml does not exist") in english
    assert (3, "pack.yaml has an unknown key 'extra'") in english
    assert [x.id for x in status.lessons] == ["p01-every-step"]  # the good lesson still loads


def test_pack_translations_are_used_for_pack_lessons() -> None:
    lib = load_library(PACKS / "builtin", [PACKS / "good"], assets_dir=PACKS / "assets")
    lesson = lib.lesson("p01-every-step")
    assert lesson is not None
    assert lib.text("Every kind of step", lesson) == "Every kind of step"
    i18n.set_language("ru")
    assert lib.text("Every kind of step", lesson) == "Все виды шагов"
    assert lib.text("Nilufar's notebook", lesson) == "Nilufar's notebook"  # untranslated: English
    assert lib.text("", lesson) == ""


def test_pack_translation_with_bad_placeholder_is_not_used(tmp_path: Path) -> None:
    pack = tmp_path / "p"
    shutil.copytree(PACKS / "good", pack)
    po = pack / "locales" / "ru.po"
    po.write_text(
        po.read_text(encoding="utf-8") + '\nmsgid "Every kind of step"\nmsgstr "{0.__class__}"\n',
        encoding="utf-8",
    )
    status, catalogs = load_pack(pack)
    assert catalogs is not None
    assert catalogs.lookup("Every kind of step", "ru") != "{0.__class__}"
    assert any(p.severity is Severity.WARNING for p in status.problems)
