"""Answer checking for every exercise type, and pre/post-test scoring."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor import i18n
from budget_tutor.lessons.checking import (
    AnswerError,
    check_calculation,
    check_calendar,
    check_quiz,
    check_sort,
    improvement,
    score_assessment,
)
from budget_tutor.lessons.model import CalculationStep, QuizStep, SeasonCalendarStep, SortStep
from budget_tutor.lessons.validate import validate_course, validate_lesson
from budget_tutor.money import AmountError

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"
D = Decimal


@pytest.fixture(scope="module")
def steps():  # type: ignore[no-untyped-def]
    path = PACKS / "good" / "p01-every-step.yaml"
    lesson, _ = validate_lesson(path, pack_root=path.parent)
    assert lesson is not None
    return {s.id: s for s in lesson.steps}


def test_single_answer_quiz(steps) -> None:  # type: ignore[no-untyped-def]
    quiz = steps["q-first"]
    assert isinstance(quiz, QuizStep)
    right = check_quiz(quiz, {0})
    assert right.correct and right.score == 1
    assert right.feedback == ((0, True, "Yes: food comes first."),)
    wrong = check_quiz(quiz, {1})
    assert not wrong.correct and wrong.score == 0 and wrong.missed == (0,)
    assert wrong.feedback == ((1, False, "It can wait until food and rent are covered."),)
    assert check_quiz(quiz, set()).score == 0
    assert check_quiz(quiz, {7, -1}).feedback == ()  # out-of-range choices are ignored


def test_multiple_answer_quiz_partial_credit(steps) -> None:  # type: ignore[no-untyped-def]
    quiz = steps["q-many"]
    assert check_quiz(quiz, {0, 1}).score == 1 and check_quiz(quiz, {0, 1}).correct
    half = check_quiz(quiz, {0})
    assert half.score == D("0.50") and not half.correct and half.missed == (1,)
    assert check_quiz(quiz, {0, 2}).score == 0  # one right, one wrong
    assert check_quiz(quiz, {0, 1, 2}).score == D("0.50")
    assert check_quiz(quiz, {2}).score == 0  # never below zero


def test_sort_per_card(steps) -> None:  # type: ignore[no-untyped-def]
    sort = steps["sort-needs"]
    assert isinstance(sort, SortStep)
    result = check_sort(sort, {0: "need", 1: "need", 2: "need"})
    assert result.per_card == (True, False, True)
    assert result.score == D("0.67") and not result.correct
    partial = check_sort(sort, {0: "need"})
    assert partial.unplaced == (1, 2) and partial.per_card == (True, False, False)
    assert check_sort(sort, {0: "need", 1: "want", 2: "need"}).correct


@pytest.mark.parametrize(
    ("lang", "typed", "ok"),
    [
        ("en", "897.14", True),
        ("en", "897", True),  # within the tolerance of 1
        ("en", "896.14", True),
        ("en", "895", False),
        ("ru", "897,14", True),
        ("tg", "897,5", True),
        ("ru", "1 897,14", False),
    ],
)
def test_calculation_money_in_each_locale(steps, lang: str, typed: str, ok: bool) -> None:  # type: ignore[no-untyped-def]
    calc = steps["calc-fee"]
    assert isinstance(calc, CalculationStep)
    result = check_calculation(calc, typed, lang)
    assert result.correct is ok
    assert result.expected == D("897.14")


@pytest.mark.parametrize("typed", ["", "abc", "1e3", "NaN", "12,345,6", "1.234"])
def test_calculation_rejects_what_is_not_an_amount(steps, typed: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AmountError) as info:
        check_calculation(steps["calc-fee"], typed, "en")
    assert str(info.value)  # a message the UI can show


def test_calculation_error_message_is_translated(steps) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("ru")
    with pytest.raises(AmountError) as info:
        check_calculation(steps["calc-fee"], "abc", "ru")
    english = i18n.N_('"{text}" is not an amount. Type digits, for example 1 234,50.')
    translated = i18n._(english)
    assert str(info.value) == translated.format(text="abc")


def test_calculation_months_and_percent() -> None:
    folder = PACKS / "builtin"
    m01, _ = validate_lesson(folder / "m01-money.yaml")
    assert m01 is not None
    months = m01.step("calc-months")
    assert isinstance(months, CalculationStep) and months.unit == "months"
    assert check_calculation(months, "8", "en").correct
    assert not check_calculation(months, "7,5", "ru").correct
    for bad in ("", "eight", "1e1", "8 months"):
        with pytest.raises(AnswerError):
            check_calculation(months, bad, "en")
    m00, _ = validate_lesson(folder / "m00-welcome.yaml", assets_dir=PACKS / "assets")
    assert m00 is not None
    share = m00.step("calc-share")
    assert isinstance(share, CalculationStep)
    assert check_calculation(share, "40 %", "en").correct
    assert check_calculation(share, "40,0", "tg").correct
    assert not check_calculation(share, "45", "en").correct


def test_season_calendar_per_token_and_month(steps) -> None:  # type: ignore[no-untyped-def]
    cal = steps["calendar"]
    assert isinstance(cal, SeasonCalendarStep)
    perfect = check_calendar(cal, {"remit": range(4, 12), "coal": [10, 11]})
    assert perfect.correct and perfect.score == 1 and perfect.per_month == (2,) * 12
    result = check_calendar(cal, {"remit": [4, 5, 6, 12], "coal": [10, 11]})
    remit, coal = result.tokens
    assert remit.right_months == (4, 5, 6)
    assert remit.missing_months == (7, 8, 9, 10, 11) and remit.extra_months == (12,)
    assert remit.score == D("0.33") and coal.correct
    assert result.score == D("0.67") and not result.correct
    assert result.per_month[0] == 2 and result.per_month[11] == 1 and result.per_month[6] == 1
    everything = check_calendar(cal, {"remit": range(1, 13), "coal": range(1, 13)})
    assert everything.score < D("0.5")  # ticking every month does not pay
    assert check_calendar(cal, {}).score == 0


def test_assessment_scoring_and_improvement() -> None:
    course, _ = validate_course(PACKS / "builtin" / "course.yaml")
    assert course is not None
    pre = score_assessment(course.assessment, {"a-needs": [1], "a-fee": [0]})
    assert pre.per_item == (("a-needs", D(0)), ("a-fee", D("0.50")), ("a-save", D(0)))
    assert pre.right == 0 and pre.total == 3 and pre.score == D("0.17") and pre.percent == 17
    post = score_assessment(course.assessment, {"a-needs": [0], "a-fee": [0, 1], "a-save": [0]})
    assert post.right == 3 and post.percent == 100
    assert improvement(pre, post).points == 83
    assert improvement(pre, None).points is None
