"""Workshops: who came, which days, and what they answered in the pre- and post-test.

Plain data and rules; the tables are in ``storage_workshops`` and the screens in
``ui/workshops_dialog``. A trainer creates a workshop (name, place, region, dates, trainer), adds
participants (a household of this laptop, or a participant code for someone who has none here),
ticks attendance per day, and records the tests: taken on the laptop, or typed in from the paper
answer grid of the trainer's kit.

The test's two forms: an item of the course's assessment bank may say ``form: A`` or ``form: B``;
an item that says neither is in both forms. The pre-test is given as form A and the post-test as
form B (the trainer may choose). The options of each item are shown in an order drawn at random
per participant and test (``option_order``), and that order is stored with the answer, so a
position effect can be checked and the answer read back; the stored answer is the option's number
in the course file (0-based), so answers of different orders compare.

Results for the donor (:func:`result_rows`) carry no name: the participant code is hashed with the
laptop's own salt (``results.participant_hash``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from budget_tutor import results
from budget_tutor.lessons.model import AssessmentItem

PHASES = results.PHASES
FORMS = results.FORMS
#: A workshop's code goes into the donor's file as it is: Latin letters, digits, "_ . -".
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}\Z")
#: A participant's code is hashed before it leaves the laptop: any letters (КЛ-01 too).
PARTICIPANT_CODE = re.compile(r"[^\W_][\w.-]{0,31}\Z")
_MODULE = re.compile(r"a-(m[0-9]{2})-")


@dataclass(frozen=True)
class Workshop:
    id: int
    code: str  # short and unique on this laptop: "kulob-2026-11"
    name: str
    place: str
    region: str
    trainer: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Participant:
    id: int
    workshop_id: int
    code: str
    household_id: int | None = None


@dataclass(frozen=True)
class TestAnswer:
    """One answered item: ``answer`` is the option's number in the course file (None: left
    blank), ``order`` the course-file numbers of the options in the order they were shown."""

    participant_id: int
    phase: str
    form: str
    item_id: str
    order: tuple[int, ...]
    answer: int | None
    correct: bool
    answered_on: datetime


def objective_of(item: AssessmentItem) -> str:
    """The learning objective an item measures: its ``objective`` when the bank names one,
    else the module its id names (``a-m04-transfer`` → ``m04``)."""
    explicit = getattr(item, "objective", None)
    if explicit:
        return str(explicit)
    found = _MODULE.match(item.id)
    return found.group(1) if found else "course"


def form_items(items: Sequence[AssessmentItem], form: str) -> list[AssessmentItem]:
    """The items of form ``A`` or ``B`` (an item without a form is in both)."""
    if form not in FORMS:
        raise ValueError(form)
    return [i for i in items if getattr(i, "form", None) in (None, "", form)]


def option_order(item: AssessmentItem, rng: random.Random) -> tuple[int, ...]:
    order = list(range(len(item.options)))
    rng.shuffle(order)
    return tuple(order)


def answer_for(
    item: AssessmentItem, order: Sequence[int], shown: int | None
) -> tuple[int | None, bool]:
    """The course-file number of the option shown at ``shown`` (0-based on screen or paper) and
    whether it is right; ``shown`` None: left blank (wrong)."""
    if shown is None:
        return None, False
    if not 0 <= shown < len(order):
        raise ValueError(f"option {shown} of {len(order)}")
    chosen = order[shown]
    return chosen, bool(item.options[chosen].correct)


def valid_code(code: str) -> bool:
    return bool(CODE.match(code))


def valid_participant_code(code: str) -> bool:
    return bool(PARTICIPANT_CODE.match(code))


def score(answers: Iterable[TestAnswer]) -> tuple[int, int]:
    """(right, asked)."""
    items = list(answers)
    return sum(a.correct for a in items), len(items)


def result_rows(
    workshop: Workshop,
    participants: Sequence[Participant],
    answers: Sequence[TestAnswer],
    items: Sequence[AssessmentItem],
    laptop_salt: str,
) -> list[results.ResultRow]:
    """The anonymous rows of ``docs/results-format.md`` for one workshop."""
    laptop = results.participant_hash("laptop", laptop_salt)
    by_id = {p.id: p for p in participants}
    objectives = {i.id: objective_of(i) for i in items}
    rows = []
    for a in answers:
        participant = by_id.get(a.participant_id)
        if participant is None or a.item_id not in objectives:
            continue
        rows.append(results.ResultRow(
            schema=results.SCHEMA, laptop=laptop, workshop=workshop.code,
            workshop_name=workshop.name, region=workshop.region, place=workshop.place,
            start_date=workshop.start.isoformat(), end_date=workshop.end.isoformat(),
            participant=results.participant_hash(participant.code, laptop_salt),
            phase=a.phase, form=a.form, item=a.item_id, objective=objectives[a.item_id],
            answer="-" if a.answer is None else str(a.answer), correct=int(a.correct),
            answered_on=a.answered_on.strftime("%Y-%m-%dT%H:%M:%SZ"),
        ))  # fmt: skip
    return sorted(rows, key=lambda r: (r.participant, r.phase, r.item))
