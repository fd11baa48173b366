"""Validation reports every problem of a lesson or course file with its line."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor.lessons.model import (
    AssessmentStep,
    CalculationStep,
    PlannerTaskStep,
    QuizStep,
    SeasonCalendarStep,
    Severity,
    SortStep,
)
from budget_tutor.lessons.validate import resolve_picture, validate_course, validate_lesson

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"
GOOD = PACKS / "good" / "p01-every-step.yaml"
ASSETS = PACKS / "assets"


def errors(problems):  # type: ignore[no-untyped-def]
    return [p for p in problems if p.severity is Severity.ERROR]


def test_good_lesson_builds_every_step_type() -> None:
    lesson, problems = validate_lesson(GOOD, pack_root=GOOD.parent, pack_id="good-pack")
    assert problems == []
    assert lesson is not None
    assert lesson.id == "p01-every-step" and lesson.module == 1 and lesson.minutes == 30
    types = [s.type for s in lesson.steps]
    assert types == [
        "story", "key_message", "quiz", "quiz", "sort", "calculation", "season_calendar",
        "planner_task", "discussion", "summary",
    ]  # fmt: skip
    story = lesson.steps[0]
    assert story.trainer_notes == "Ask who keeps a notebook. (5 min)"
    assert story.picture == (GOOD.parent / "pictures" / "flour.svg").resolve()
    quiz = lesson.steps[2]
    assert isinstance(quiz, QuizStep) and not quiz.multiple
    assert quiz.options[0].feedback == "Yes: food comes first."
    assert isinstance(lesson.steps[3], QuizStep) and lesson.steps[3].multiple
    sort = lesson.steps[4]
    assert isinstance(sort, SortStep) and [c.group for c in sort.cards] == ["need", "want", "need"]
    calc = lesson.steps[5]
    assert isinstance(calc, CalculationStep)
    assert calc.answer == Decimal("897.14") and calc.tolerance == Decimal(1) and calc.unit == "TJS"
    cal = lesson.steps[6]
    assert isinstance(cal, SeasonCalendarStep) and cal.tokens[1].months == {10, 11}
    task = lesson.steps[7]
    assert isinstance(task, PlannerTaskStep) and task.section == "goals"
    assert task.suggestion is not None
    assert task.suggestion.as_dict() == {
        "action": "add_goal", "name": "Emergency fund", "amount_rule": "months_of_food", "months": 3,
    }  # fmt: skip


def test_builtin_fixture_course_and_assessment() -> None:
    folder = PACKS / "builtin"
    lesson, problems = validate_lesson(folder / "m00-welcome.yaml", assets_dir=ASSETS)
    assert errors(problems) == [] and lesson is not None
    assert isinstance(lesson.steps[1], AssessmentStep) and lesson.steps[1].phase == "pre"
    course, problems = validate_course(
        folder / "course.yaml", ["m00-welcome", "m01-money", "m10-action"]
    )
    assert problems == [] and course is not None
    assert course.lesson_ids == ("m00-welcome", "m01-money", "m10-action")
    assert [i.id for i in course.assessment] == ["a-needs", "a-fee", "a-save"]
    assert course.assessment[1].multiple


def test_course_with_missing_lesson() -> None:
    course, problems = validate_course(PACKS / "builtin" / "course.yaml", ["m00-welcome"])
    assert course is None
    messages = [(p.line, p.english) for p in problems]
    assert (4, "the course lists the lesson 'm01-money', which does not exist") in messages


def test_every_problem_is_reported_with_its_line() -> None:
    path = PACKS / "mixed" / "p03-broken.yaml"
    lesson, problems = validate_lesson(path, pack_root=path.parent)
    assert lesson is None
    found = {(p.line, p.english) for p in problems}
    expected = {
        (
            7,
            "'planner_section' must be one of: incomes, expenses, one_offs, savings, goals, debts, investments (not 'wallet')",
        ),
        (8, "the lesson has an unknown key 'colour'"),
        (13, "the picture 'pictures/missing.svg' does not exist"),
        (14, "the id 'story' is used twice (first on line 10)"),
        (21, "no option is marked 'correct: true'"),
        (30, "the card 'Flour' points at the group 'needs', which is not defined"),
        (37, "the stated answer 901.25 differs from the computed answer 897.14 (tolerance 1)"),
    }
    assert expected <= found
    assert any(line == 15 and "unknown step type 'video'" in m for line, m in found)
    assert any(line == 44 and "unknown calculation function 'magic'" in m for line, m in found)
    assert all(p.file == str(path) for p in problems)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


LESSON_HEAD = """\
format: 1
id: t01-x
module: 1
title: T
summary: S
minutes: 10
planner_section: goals
steps:
"""
SIX_STEPS = """\
  - {id: a, type: story, text: A}
  - {id: b, type: quiz, question: Q, options: [{text: Y, correct: true}, {text: N}]}
  - {id: c, type: quiz, question: Q, options: [{text: Y, correct: true}, {text: N}]}
  - {id: d, type: season_calendar, prompt: P, tokens: [{id: t, label: L, months: [1]}]}
  - {id: e, type: discussion, text: D}
  - {id: f, type: summary, text: S}
"""


def test_minimal_valid_lesson(tmp_path: Path) -> None:
    lesson, problems = validate_lesson(write(tmp_path, "t01-x.yaml", LESSON_HEAD + SIX_STEPS))
    assert problems == [] and lesson is not None and len(lesson.steps) == 6


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "  - {id: g, type: quiz, question: Q, options: [{text: only, correct: true}]}\n",
            "a question needs at least two options",
        ),
        ("  - {id: g, type: story}\n", "a step is missing the key 'text'"),
        ("  - {id: g, type: story, text: A, colour: red}\n", "a step has an unknown key 'colour'"),
        ("  - {id: G_1, type: story, text: A}\n", "'G_1' is not a valid id"),
        (
            "  - {id: g, type: season_calendar, prompt: P, tokens: [{id: t, label: L, months: [13]}]}\n",
            "'13' is not a month",
        ),
        (
            '  - {id: g, type: calculation, prompt: P, compute: {function: sum, args: {values: ["1"]}}, answer: "1", unit: months, solution: S}\n',
            None,
        ),
        (
            '  - {id: g, type: calculation, prompt: P, compute: {function: months_to_goal, args: {target: "10", monthly: "1"}}, answer: "10", unit: TJS, solution: S}\n',
            "the function months_to_goal gives a result in months, not in TJS",
        ),
        (
            '  - {id: g, type: calculation, prompt: P, compute: {function: convert, args: {amount: "lots", rate: "1"}}, answer: "1", unit: TJS, solution: S}\n',
            "the calculation cannot be done",
        ),
        (
            '  - {id: g, type: calculation, prompt: P, compute: {function: convert, args: {amount: "1"}}, answer: "1", unit: TJS, solution: S}\n',
            "needs the argument rate",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: goals, suggestion: {action: add_debt, name: N, amount: "5"}}\n',
            "the action add_debt does not belong to the section goals (use add_goal)",
        ),
        (
            "  - {id: g, type: planner_task, text: T, section: goals, suggestion: {action: add_goal, name: N, amount_rule: months_of_food}}\n",
            "'amount_rule' months_of_food needs 'months'",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "5", kind: lottery}}\n',
            "'lottery' is not a kind of line in the section incomes; the kinds are: remittance, wages, pension",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: goals, suggestion: {action: add_goal, name: N, amount: "5", kind: cash}}\n',
            "lines in the section goals have no kind: remove 'kind'",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "5", currency: EUR}}\n',
            "'currency' must be one of: TJS, RUB, USD (not 'EUR')",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: expenses, suggestion: {action: add_expense, name: N, amount: "5", currency: RUB}}\n',
            "only an income can be in RUB; lines in the section expenses are in somoni (TJS)",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "5", in_months: [4, 13]}}\n',
            "'13' is not a month: use numbers from 1 to 12",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "5", in_months: [0]}}\n',
            "'0' is not a month",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "5", in_months: [4, 4]}}\n',
            "the month 4 is listed twice in 'in_months'",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "5", in_months: 4}}\n',
            "'in_months' must be a list of months from 1 to 12",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: one_offs, suggestion: {action: add_one_off, name: N, amount: "5", in_months: [9, 10]}}\n',
            "a line in the section one_offs falls in one month: give exactly one month",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: savings, suggestion: {action: add_savings, name: N, amount: "5", in_months: [9]}}\n',
            "lines in the section savings have no months: remove 'in_months'",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "-5"}}\n',
            "'-5' is not an amount of money: use a number above 0 with at most two decimals",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "0"}}\n',
            "'0' is not an amount of money",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "12.345"}}\n',
            "'12.345' is not an amount of money",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "a lot"}}\n',
            "'amount' must be a number written as text",
        ),
        (
            '  - {id: g, type: planner_task, text: T, section: incomes, suggestion: {action: add_income, name: N, amount: "2300", kind: remittance, currency: TJS, in_months: [4, 5, 6]}}\n',
            None,
        ),
        ("  - {id: g, type: assessment, phase: mid}\n", "'phase' must be one of: pre, post"),
        ("  - {id: g, type: story, text: 42}\n", "'text' must be text"),
    ],
)
def test_step_problems(tmp_path: Path, extra: str, message: str | None) -> None:
    lesson, problems = validate_lesson(
        write(tmp_path, "t01-x.yaml", LESSON_HEAD + SIX_STEPS + extra)
    )
    if message is None:
        assert errors(problems) == [] and lesson is not None
        return
    assert lesson is None
    assert any(message in p.english and p.line == 15 for p in problems), [
        (p.line, p.english) for p in problems
    ]


def test_too_few_steps_and_interactive(tmp_path: Path) -> None:
    text = LESSON_HEAD + "  - {id: a, type: story, text: A}\n  - {id: b, type: summary, text: S}\n"
    lesson, problems = validate_lesson(write(tmp_path, "t01-x.yaml", text))
    assert lesson is None
    english = [p.english for p in problems]
    assert "a lesson needs at least 6 steps, this one has 2" in english
    assert any(m.startswith("a lesson needs at least 3 interactive steps") for m in english)


def test_lesson_level_problems(tmp_path: Path) -> None:
    text = LESSON_HEAD.replace("format: 1", "format: 2").replace("module: 1", "module: 11")
    lesson, problems = validate_lesson(write(tmp_path, "other-name.yaml", text + SIX_STEPS))
    english = {p.english for p in problems}
    assert lesson is None
    assert "format must be 1, not '2'" in english
    assert "'module' must be a whole number from 0 to 10" in english
    assert "the file name must be the lesson id: expected t01-x.yaml" in english


def test_not_a_mapping(tmp_path: Path) -> None:
    lesson, problems = validate_lesson(write(tmp_path, "t01-x.yaml", "- just\n- a list\n"))
    assert (
        lesson is None
        and problems[0].english == "a lesson file must be a mapping of keys and values"
    )


def test_load_error_becomes_a_problem(tmp_path: Path) -> None:
    lesson, problems = validate_lesson(write(tmp_path, "t01-x.yaml", "a: [1\n"))
    assert lesson is None and len(problems) == 1 and problems[0].line is not None


@pytest.mark.parametrize(
    "value",
    [
        "../x.svg",
        "pictures/../../x.svg",
        "/etc/passwd",
        "file:///etc/passwd",
        "http://x/y.svg",
        "javascript:alert(1)",
        "C:/x.svg",
        "pictures\\x.svg",
        "~/x.svg",
        "",
        "./x.svg",
        "a//b.svg",
    ],
)
def test_picture_paths_that_are_refused(tmp_path: Path, value: str) -> None:
    assert resolve_picture(value, tmp_path) is None


def test_picture_symlink_out_of_the_pack_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.svg"
    outside.write_text("<svg/>")
    pack = tmp_path / "pack"
    (pack / "pictures").mkdir(parents=True)
    (pack / "pictures" / "link.svg").symlink_to(outside)
    assert resolve_picture("pictures/link.svg", pack) is None
    (pack / "pictures" / "ok.svg").write_text("<svg/>")
    assert resolve_picture("pictures/ok.svg", pack) == (pack / "pictures" / "ok.svg").resolve()


def test_hostile_pictures_are_all_reported() -> None:
    path = PACKS / "hostile-paths" / "x05-paths.yaml"
    lesson, problems = validate_lesson(path, pack_root=path.parent)
    assert lesson is None
    lines = sorted(p.line for p in problems)
    assert lines == [12, 16, 20, 31, 32, 36, 40, 44]
    assert all("picture" in p.english for p in problems)


def test_problem_messages_are_translated_when_shown() -> None:
    from budget_tutor.lessons.model import Problem

    problem = Problem(
        "f.yaml", 3, "{what} is missing the key '{key}'", (("what", "a step"), ("key", "text"))
    )
    assert problem.describe() == "f.yaml:3: a step is missing the key 'text'"


def test_a_planner_task_names_kind_currency_months_and_amount(tmp_path: Path) -> None:
    extra = (
        "  - {id: g, type: planner_task, text: T, section: incomes, suggestion: "
        '{action: add_income, name: Money from abroad, amount: "2300.50", kind: remittance, '
        "currency: TJS, in_months: [11, 4, 5]}}\n"
    )
    lesson, problems = validate_lesson(
        write(tmp_path, "t01-x.yaml", LESSON_HEAD + SIX_STEPS + extra)
    )
    assert errors(problems) == [] and lesson is not None
    task = lesson.steps[-1]
    assert isinstance(task, PlannerTaskStep) and task.suggestion is not None
    s = task.suggestion
    assert (s.kind, s.currency, s.in_months, s.amount) == (
        "remittance",
        "TJS",
        (4, 5, 11),
        Decimal("2300.50"),
    )
    assert s.as_dict() == {
        "action": "add_income",
        "name": "Money from abroad",
        "amount": "2300.50",
        "kind": "remittance",
        "currency": "TJS",
        "in_months": [4, 5, 11],
    }


def test_lessons_check_names_the_file_and_line_of_a_bad_planner_task(tmp_path: Path) -> None:
    import io

    from budget_tutor.lessons import check

    extra = (
        "  - id: g\n    type: planner_task\n    text: T\n    section: incomes\n"
        "    suggestion:\n      action: add_income\n      name: N\n"
        '      amount: "2300"\n      kind: remittance\n      currency: TJS\n'
        "      in_months: [4, 14]\n"
    )
    path = write(tmp_path, "t01-x.yaml", LESSON_HEAD + SIX_STEPS + extra)
    out = io.StringIO()
    assert check.run([str(path), "--no-translations"], out) == 1
    assert f"{path}:25: '14' is not a month: use numbers from 1 to 12" in out.getvalue()
