"""Issue 11, points 1 and 4: every built-in module has measurable objectives and timed steps that
add up to its minutes; every pre/post-test item measures one objective and belongs to form A or B,
and each form's right answers are spread over the option positions.

The built-in files are read here as plain YAML (not through the model), so a fault in the loader
cannot hide a fault in the data; the validator's own rules are checked on small files."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from budget_tutor.lessons import validate
from budget_tutor.lessons.library import load_library
from budget_tutor.lessons.model import AssessmentItem, QuizOption, Severity, items_for_phase
from budget_tutor.lessons.validate import validate_course, validate_lesson

BUILTIN = Path(__file__).resolve().parents[2] / "budget_tutor" / "lessons" / "builtin"


def raw(name: str) -> Any:
    return yaml.safe_load((BUILTIN / f"{name}.yaml").read_text(encoding="utf-8"))


COURSE = raw("course")
LESSONS = {name: raw(name) for name in COURSE["lessons"]}
BANK = COURSE["assessment"]
OBJECTIVES = {o["id"]: name for name, data in LESSONS.items() for o in data["objectives"]}


def errors(problems):  # type: ignore[no-untyped-def]
    return [p.english for p in problems if p.severity is Severity.ERROR]


@pytest.mark.parametrize("name", list(LESSONS))
def test_every_module_has_two_to_four_objectives_named_after_it(name: str) -> None:
    data = LESSONS[name]
    ids = [o["id"] for o in data["objectives"]]
    assert 2 <= len(ids) <= 4
    assert all(re.fullmatch(rf"m{data['module']:02d}-o\d", i) for i in ids), ids
    assert all(len(o["text"].split()) >= 5 for o in data["objectives"])


def test_objective_ids_are_unique_across_the_course() -> None:
    ids = [o["id"] for data in LESSONS.values() for o in data["objectives"]]
    assert len(ids) == len(set(ids)) == len(OBJECTIVES) >= 22


@pytest.mark.parametrize("name", list(LESSONS))
def test_every_step_is_timed_and_the_steps_add_up_to_the_lesson(name: str) -> None:
    data = LESSONS[name]
    minutes = [s.get("minutes") for s in data["steps"]]
    assert all(isinstance(m, int) and 1 <= m <= 30 for m in minutes), minutes
    assert sum(minutes) == data["minutes"]


def test_a_step_time_written_in_the_trainer_notes_agrees_with_its_minutes() -> None:
    """The notes say "(5 min)" to the trainer; the printed timing table must say the same."""
    disagree = []
    for name, data in LESSONS.items():
        for step in data["steps"]:
            said = re.findall(r"\((\d+) min\)", step.get("trainer_notes") or "")
            if said and int(said[0]) != step["minutes"]:
                disagree.append((name, step["id"], said[0], step["minutes"]))
    assert disagree == []


def test_the_model_carries_objectives_and_step_minutes() -> None:
    library = load_library(BUILTIN)
    m04 = library.lesson("m04-receiving-remittances")
    assert m04 is not None
    assert [o.id for o in m04.objectives] == [o["id"] for o in LESSONS[m04.id]["objectives"]]
    assert m04.objectives[0].text.startswith("Compare two transfer services")
    assert [s.minutes for s in m04.steps] == [s["minutes"] for s in LESSONS[m04.id]["steps"]]
    assert library.course is not None
    forms = {i.id: (i.objective, i.form) for i in library.course.assessment}
    assert forms["a-m04-transfer"] == ("m04-o1", "A")
    assert forms["a-m04-transfer-b"] == ("m04-o1", "B")


# ------------------------------------------------------------------------------------------------
# the pre/post-test bank
# ------------------------------------------------------------------------------------------------


def test_every_item_measures_an_objective_of_its_module_and_has_a_form() -> None:
    for item in BANK:
        assert item["objective"] in OBJECTIVES, item["id"]
        module = re.match(r"a-(m\d\d)-", item["id"])
        assert module and item["objective"].startswith(module.group(1)), item["id"]
        assert item["form"] in ("A", "B"), item["id"]
        assert 3 <= len(item["options"]) <= 4, item["id"]
        assert sum(1 for o in item["options"] if o.get("correct")) == 1, item["id"]


def test_the_bank_has_twenty_items_in_two_forms_of_equal_length() -> None:
    forms = Counter(i["form"] for i in BANK)
    assert len(BANK) >= 20 and forms["A"] == forms["B"]


@pytest.mark.parametrize("form", ["A", "B"])
def test_the_right_answer_is_at_no_position_in_more_than_40_percent_of_a_form(form: str) -> None:
    keys = Counter(
        next(n for n, o in enumerate(i["options"]) if o.get("correct"))
        for i in BANK
        if i["form"] == form
    )
    total = sum(keys.values())
    assert max(keys.values()) * 100 <= 40 * total, keys
    assert len(keys) == 3  # every position is the right one somewhere


def test_parallel_items_measure_the_same_objective_in_both_forms() -> None:
    """Each ``…-b`` item is the form-B twin of a form-A item of the same objective, each ``…-a``
    the form-A twin of a form-B item; ten of the fourteen first items have one."""
    by_id = {i["id"]: i for i in BANK}
    twins = [i for i in BANK if i["id"].endswith(("-a", "-b"))]
    assert len(twins) >= 10  # a-m01-income, a-m05-emergency, a-m05-stops, a-m09-purses: no twin yet
    for twin in twins:
        first = by_id[twin["id"][:-2]]
        assert {first["form"], twin["form"]} == {"A", "B"} and twin["form"] == twin["id"][
            -1
        ].upper()
        assert first["objective"] == twin["objective"]
        assert first["question"] != twin["question"]


@pytest.mark.xfail(
    strict=True,
    reason="bank not complete: 24 items (10 twin pairs, 4 without a twin) measure 14 of the 33 objectives; the "
    "other 19 objectives need 38 more items (a twin in each form)",
)
def test_every_objective_is_measured_by_an_item_of_each_form() -> None:
    for form in ("A", "B"):
        measured = {i["objective"] for i in BANK if i["form"] == form}
        assert set(OBJECTIVES) <= measured, sorted(set(OBJECTIVES) - measured)


def test_the_pre_test_asks_form_a_and_the_post_test_form_b() -> None:
    def item(aid: str, form: str | None) -> AssessmentItem:
        return AssessmentItem(aid, "Q", (QuizOption("Y", True), QuizOption("N")), form=form)

    bank = (item("a", "A"), item("b", "B"), item("both", None))
    assert [i.id for i in items_for_phase(bank, "pre")] == ["a", "both"]
    assert [i.id for i in items_for_phase(bank, "post")] == ["b", "both"]


# ------------------------------------------------------------------------------------------------
# the validator's rules
# ------------------------------------------------------------------------------------------------

STEPS = """\
  - {id: a, type: story, text: A, minutes: 3}
  - {id: b, type: quiz, question: Q, options: [{text: Y, correct: true}, {text: N}], minutes: 3}
  - {id: c, type: quiz, question: Q, options: [{text: Y, correct: true}, {text: N}], minutes: 3}
  - {id: d, type: season_calendar, prompt: P, tokens: [{id: t, label: L, months: [1]}], minutes: 3}
  - {id: e, type: discussion, text: D, minutes: 3}
  - {id: f, type: summary, text: S, minutes: 3}
"""


def lesson_file(folder: Path, minutes: int, objectives: str, steps: str = STEPS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "t01-x.yaml"
    text = (
        "format: 1\nid: t01-x\nmodule: 1\ntitle: T\nsummary: S\n"
        f"minutes: {minutes}\nplanner_section: goals\n{objectives}steps:\n{steps}"
    )
    path.write_text(text, encoding="utf-8")
    return path


TWO = "objectives:\n  - {id: m01-o1, text: Do one thing}\n  - {id: m01-o2, text: Do another}\n"


def test_a_lesson_whose_steps_do_not_add_up_is_refused(tmp_path: Path) -> None:
    lesson, problems = validate_lesson(lesson_file(tmp_path, 20, TWO))
    assert lesson is None
    assert errors(problems) == ["the steps add up to 18 minutes, but the lesson's 'minutes' is 20"]
    lesson, problems = validate_lesson(lesson_file(tmp_path, 18, TWO))
    assert errors(problems) == [] and lesson is not None
    assert [o.id for o in lesson.objectives] == ["m01-o1", "m01-o2"]
    assert sum(s.minutes or 0 for s in lesson.steps) == 18


def test_a_pack_lesson_may_omit_objectives_and_step_times(tmp_path: Path) -> None:
    untimed = re.sub(r", minutes: 3", "", STEPS)
    lesson, problems = validate_lesson(lesson_file(tmp_path, 20, "", untimed))
    assert errors(problems) == [] and lesson is not None and lesson.objectives == ()
    assert all(s.minutes is None for s in lesson.steps)


def test_a_built_in_lesson_needs_objectives_and_every_step_timed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validate, "BUILTIN_DIR", tmp_path.resolve())
    half = STEPS.replace(", minutes: 3}", "}", 2)
    one = "objectives:\n  - {id: m01-o1, text: Do one thing}\n"
    _lesson, problems = validate_lesson(lesson_file(tmp_path, 18, one, half))
    assert errors(problems) == [
        "a module of the built-in course has 2 to 4 learning objectives; this one has 1",
        "the step has no 'minutes': every step of a built-in lesson says how long it takes",
        "the step has no 'minutes': every step of a built-in lesson says how long it takes",
    ]


def test_objective_ids_must_be_unique(tmp_path: Path) -> None:
    twice = TWO.replace("m01-o2", "m01-o1")
    _lesson, problems = validate_lesson(lesson_file(tmp_path, 18, twice))
    assert errors(problems) == ["the id 'm01-o1' is used twice (first on line 9)"]


def course_file(folder: Path, item_extra: str) -> Path:
    lesson_file(folder, 18, TWO)
    path = folder / "course.yaml"
    item = textwrap.indent(
        "- id: a-m01-x\n  question: Q\n"
        "  options: [{text: Y, correct: true}, {text: N}, {text: M}]\n" + item_extra,
        "  ",
    )
    path.write_text(
        f"format: 1\nid: c\ntitle: C\nlessons: [t01-x]\nassessment:\n{item}", encoding="utf-8"
    )
    return path


def test_an_item_must_measure_an_existing_objective_and_name_form_a_or_b(tmp_path: Path) -> None:
    good = course_file(tmp_path, "  objective: m01-o2\n  form: B\n")
    course, problems = validate_course(good, ["t01-x"])
    assert errors(problems) == [] and course is not None
    assert (course.assessment[0].objective, course.assessment[0].form) == ("m01-o2", "B")
    assert course.form_items("A") == () and len(course.form_items("B")) == 1

    bad = course_file(tmp_path, "  objective: m01-o9\n  form: C\n")
    course, problems = validate_course(bad, ["t01-x"])
    assert course is None
    found = errors(problems)
    assert "the assessment item measures 'm01-o9', which is no lesson's objective" in found
    assert "'form' must be one of: A, B (not 'C')" in found


def test_the_trainer_kit_prints_the_objectives_and_each_steps_minutes() -> None:
    from budget_tutor import i18n
    from budget_tutor.trainer_kit import module_kit

    library = load_library(BUILTIN)
    lesson = library.lesson("m04-receiving-remittances")
    assert lesson is not None
    i18n.set_language("tg")
    try:
        kit = module_kit(lesson, library, "tg")
    finally:
        i18n.set_language("en")
    assert (
        kit.objectives[0]
        == "Ду хадамоти интиқолро аз рӯи он ки чанд сомонӣ мерасад, муқоиса кардан."
    )
    assert len(kit.objectives) == len(LESSONS[lesson.id]["objectives"])
    assert [s.minutes for s in kit.steps] == [s["minutes"] for s in LESSONS[lesson.id]["steps"]]
    assert sum(s.minutes or 0 for s in kit.steps) == kit.minutes == 58
