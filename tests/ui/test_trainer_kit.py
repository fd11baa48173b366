"""The printed trainer's kit builds for every module in Tajik and Russian, and says what the
lessons say: checked in the PDFs' own text (pdftotext), not in the code that made them."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor import i18n, resources
from budget_tutor.cli import run_captured
from budget_tutor.lessons.library import builtin_lessons_dir, load_library
from budget_tutor.lessons.model import CalculationStep, SortStep
from budget_tutor.money import format_number
from budget_tutor.ui import trainer_kit_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                         check=True)  # fmt: skip
    return " ".join(out.stdout.split())


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


@pytest.fixture(scope="module")
def library():
    return load_library(builtin_lessons_dir(), assets_dir=resources.assets_dir())


@pytest.mark.parametrize("lang", ["tg", "ru"])
def test_materials_build_for_every_module(qapp, tmp_path, lang, library):
    i18n.set_language(lang)
    code, _out, err = run_captured(["materials", "--module", "all", "--lang", lang,
                                   "--out", str(tmp_path)])  # fmt: skip
    assert code == 0, err
    for lesson in library.course_lessons():
        script = tmp_path / f"{lesson.id}-script.pdf"
        take_home = tmp_path / f"{lesson.id}-take-home.pdf"
        for made in (script, take_home, tmp_path / f"{lesson.id}-answer-key.pdf"):
            data = made.read_bytes()
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), made
        text = pdf_text(script)
        assert i18n.lesson_text(lesson.title).split()[0] in text
        assert "Step by step" not in text and "Notes for the trainer" not in text
        sorts = [s for s in lesson.steps if isinstance(s, SortStep)]
        if sorts:
            cards = sum(len(s.cards) + len(s.groups) for s in sorts)
            assert pages(tmp_path / f"{lesson.id}-cards.pdf") == -(-cards // 6)  # six a page
        # every calculation's answer (recomputed by the engine) is in the answer key
        key = pdf_text(tmp_path / f"{lesson.id}-answer-key.pdf").replace("\u00a0", " ")
        for step in lesson.steps:
            if isinstance(step, CalculationStep):
                value = (
                    step.answer.normalize()
                    if step.answer == step.answer.to_integral()
                    else step.answer
                )
                expected = format_number(Decimal(value), lang).replace("\u00a0", " ")
                assert expected in key, (lesson.id, step.id, expected)


@pytest.mark.parametrize("lang", ["tg", "ru"])
@pytest.mark.parametrize("module", ["m06", "m10"])
def test_every_printed_card_has_its_picture_and_its_whole_text(
    qapp, tmp_path, lang, module, library
):
    """m06 and m10 have the longest card texts: under a 50 mm picture they must still print
    whole (a clipped line is missing from the PDF's text)."""
    i18n.set_language(lang)
    code, _out, err = run_captured(["materials", "--module", module, "--lang", lang,
                                   "--out", str(tmp_path)])  # fmt: skip
    assert code == 0, err
    (lesson,) = [le for le in library.course_lessons() if le.id.startswith(module)]
    out = subprocess.run(["pdftotext", str(tmp_path / f"{lesson.id}-cards.pdf"), "-"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    text = " ".join(out.stdout.split())
    cards = [c for s in lesson.steps if isinstance(s, SortStep) for c in s.cards]
    assert len(cards) >= 7
    for card in cards:
        assert card.picture is not None and card.picture.is_file(), card.text
        assert " ".join(i18n.lesson_text(card.text).split()) in text, card.text


def test_guide_in_tajik_has_the_agenda_every_module_and_the_paper_test(qapp, tmp_path, library):
    i18n.set_language("tg")
    target = tmp_path / "guide.pdf"
    trainer_kit_pdf.write_guide(target, library)
    text = pdf_text(target)
    assert "Идоракунии самараноки буҷети оила: дастури тренер" in text
    for day in range(1, 5):
        assert f"Рӯзи {day}" in text
    for lesson in library.course_lessons():
        assert f"Модули {lesson.module}" in text, lesson.id
    assert "Ҷадвали ҷавобҳо" in text and "Калид барои тренер" in text
    assert "Пеш аз семинар ин нархҳоро санҷед" in text and "Гови ширдеҳ" in text
    assert "Key message" not in text and "Day 1" not in text
    # the four days hold every module's minutes exactly once
    minutes = sum(x.minutes for x in library.course_lessons())
    assert minutes > 0
    assert pages(target) > len(library.course_lessons())


def test_agenda_places_every_module_once_within_the_days(library):
    from budget_tutor.trainer_kit import DAY_MINUTES, agenda

    days = agenda(library.course_lessons(), library)
    assert len(days) == 4
    placed = [item.lesson_id for day in days for item in day if item.lesson_id]
    assert placed == [x.id for x in library.course_lessons()]
    for day in days[:3]:
        assert sum(item.minutes for item in day) <= DAY_MINUTES + 90, day


def test_unknown_module_is_named(qapp, tmp_path):
    code, _out, err = run_captured(["materials", "--module", "m99", "--lang", "ru",
                                    "--out", str(tmp_path)])  # fmt: skip
    assert code == 2 and "m99" in err
    assert not list(tmp_path.iterdir())
