"""The lesson model: a course, its lessons and their steps, as read from the lesson files.

Everything here is plain frozen data. Text fields hold the English msgid (``value.strip()``); the UI
translates them with :func:`budget_tutor.lessons.library.Library.text` when it shows them.
The file format is documented in ``docs/lesson-format.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from budget_tutor.i18n import _, safe_format
from budget_tutor.model import (
    ExpenseCategory,
    IncomeKind,
    InvestmentKind,
    LenderKind,
    SavingsKind,
)

FORMAT_VERSION = 1

#: Step types whose answer the learner gives (the rest are read or discussed).
INTERACTIVE_TYPES = frozenset({"quiz", "sort", "calculation", "season_calendar", "planner_task"})
STEP_TYPES = (
    "story",
    "key_message",
    "quiz",
    "sort",
    "calculation",
    "season_calendar",
    "planner_task",
    "discussion",
    "summary",
    "assessment",
)
PLANNER_SECTIONS = ("incomes", "expenses", "one_offs", "savings", "goals", "debts", "investments")
#: The planner action that belongs to each section.
SECTION_ACTIONS = {
    "incomes": "add_income",
    "expenses": "add_expense",
    "one_offs": "add_one_off",
    "savings": "add_savings",
    "goals": "add_goal",
    "debts": "add_debt",
    "investments": "add_investment",
}
AMOUNT_RULES = ("months_of_food", "months_of_essentials")
#: The kinds a planner task may name for the line it adds, per section (``goals`` have none):
#: the values of the plan's own enums (``budget_tutor.model``).
SECTION_KINDS: dict[str, tuple[str, ...]] = {
    "incomes": tuple(k.value for k in IncomeKind),
    "expenses": tuple(c.value for c in ExpenseCategory),
    "one_offs": tuple(c.value for c in ExpenseCategory),
    "savings": tuple(k.value for k in SavingsKind),
    "debts": tuple(k.value for k in LenderKind),
    "investments": tuple(k.value for k in InvestmentKind),
}
#: Sections whose task may name calendar months (``in_months``), and those that take exactly one
#: (a one-off cost falls in one month; a goal is wanted by one month).
MONTH_SECTIONS = ("incomes", "expenses", "one_offs", "goals", "investments")
ONE_MONTH_SECTIONS = ("one_offs", "goals")
UNITS = ("TJS", "RUB", "USD", "months", "percent")
MONEY_UNITS = ("TJS", "RUB", "USD")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a lesson file, with where it is.

    ``msgid`` is an English message marked with ``N_``; :attr:`message` translates it in the
    language active when it is shown. ``category`` groups warnings (``"missing translation"``).
    """

    file: str
    line: int | None
    msgid: str
    params: tuple[tuple[str, str], ...] = ()
    severity: Severity = Severity.ERROR
    category: str = ""

    @property
    def message(self) -> str:
        # ``what`` names a part of the file ("a step"): an English msgid, translated too;
        # ``detail`` is an English msgid with placeholders of its own among the params (why a
        # picture is refused: "it has more than {limit} elements"), translated and filled in.
        values = {k: (_(v) if k in ("what", "detail") else v) for k, v in self.params}
        if "detail" in values:
            english = dict(self.params)["detail"]
            values["detail"] = safe_format(values["detail"], english, **dict(self.params))
        try:
            return _(self.msgid).format(**values)
        except (KeyError, IndexError, ValueError, AttributeError):
            return self.msgid.format(**values)

    @property
    def english(self) -> str:
        values = dict(self.params)
        if "detail" in values:
            values["detail"] = safe_format(values["detail"], values["detail"], **values)
        return self.msgid.format(**values)

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def describe(self) -> str:
        """``file:line: message`` as ``lessons check`` prints it (warnings say so)."""
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.location()}: {prefix}{self.message}"


# ------------------------------------------------------------------------------------------------
# steps
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    id: str
    type: str
    line: int
    title: str = ""
    trainer_notes: str = ""
    minutes: int | None = None  # the time it takes in the room (None: not timed, a pack's step)

    @property
    def interactive(self) -> bool:
        return self.type in INTERACTIVE_TYPES


@dataclass(frozen=True)
class StoryStep(Step):
    text: str = ""
    picture: Path | None = None


@dataclass(frozen=True)
class KeyMessageStep(Step):
    text: str = ""
    picture: Path | None = None


@dataclass(frozen=True)
class QuizOption:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class QuizStep(Step):
    question: str = ""
    options: tuple[QuizOption, ...] = ()
    picture: Path | None = None

    @property
    def multiple(self) -> bool:
        """Several right answers: the learner ticks boxes instead of choosing one."""
        return sum(1 for o in self.options if o.correct) > 1


@dataclass(frozen=True)
class SortGroup:
    id: str
    label: str


@dataclass(frozen=True)
class SortCard:
    text: str
    group: str
    picture: Path | None = None


@dataclass(frozen=True)
class SortStep(Step):
    prompt: str = ""
    groups: tuple[SortGroup, ...] = ()
    cards: tuple[SortCard, ...] = ()


@dataclass(frozen=True)
class CalculationStep(Step):
    prompt: str = ""
    function: str = ""
    args: tuple[tuple[str, object], ...] = ()
    answer: Decimal = Decimal(0)  # recomputed by the engine (equal to the stated answer)
    stated_answer: Decimal = Decimal(0)
    tolerance: Decimal = Decimal(0)
    unit: str = "TJS"
    solution: str = ""

    @property
    def money(self) -> bool:
        return self.unit in MONEY_UNITS


@dataclass(frozen=True)
class CalendarToken:
    id: str
    label: str
    months: frozenset[int]


@dataclass(frozen=True)
class SeasonCalendarStep(Step):
    prompt: str = ""
    tokens: tuple[CalendarToken, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """The line a planner task asks the family to enter.

    ``amount`` (or ``amount_rule`` with ``months``, the number of months it counts) is per month
    for incomes, spending and savings; ``kind`` is the income kind, expense category, savings
    kind, lender or investment kind (a value of the plan's enum); ``currency`` a currency code;
    ``in_months`` the calendar months (1..12) the money comes or goes.
    """

    action: str
    name: str
    amount: Decimal | None = None
    amount_rule: str | None = None
    months: int | None = None
    kind: str | None = None
    currency: str | None = None
    in_months: tuple[int, ...] | None = None

    def as_dict(self) -> dict[str, object]:
        """What the planner receives with ``open_planner`` (amount as a decimal string)."""
        out: dict[str, object] = {"action": self.action, "name": self.name}
        if self.amount is not None:
            out["amount"] = str(self.amount)
        if self.amount_rule is not None:
            out["amount_rule"] = self.amount_rule
        if self.months is not None:
            out["months"] = self.months
        if self.kind is not None:
            out["kind"] = self.kind
        if self.currency is not None:
            out["currency"] = self.currency
        if self.in_months is not None:
            out["in_months"] = list(self.in_months)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Suggestion:
        """Read back :meth:`as_dict` (as the planner receives it); values of the wrong type
        are left out, never raised on."""

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value else None

        amount: Decimal | None = None
        if isinstance(data.get("amount"), str):
            try:
                amount = Decimal(str(data["amount"]))
            except ArithmeticError:
                amount = None
            if amount is not None and not amount.is_finite():
                amount = None
        months = data.get("months")
        raw = data.get("in_months")
        in_months: tuple[int, ...] | None = None
        if isinstance(raw, (list, tuple)) and raw:
            picked = [m for m in raw if isinstance(m, int) and not isinstance(m, bool)]
            in_months = tuple(sorted({m for m in picked if 1 <= m <= 12})) or None
        return cls(
            action=text("action") or "",
            name=text("name") or "",
            amount=amount,
            amount_rule=text("amount_rule"),
            months=months if isinstance(months, int) and not isinstance(months, bool) else None,
            kind=text("kind"),
            currency=text("currency"),
            in_months=in_months,
        )


@dataclass(frozen=True)
class PlannerTaskStep(Step):
    text: str = ""
    section: str = ""
    suggestion: Suggestion | None = None


@dataclass(frozen=True)
class DiscussionStep(Step):
    text: str = ""
    role_play: bool = False


@dataclass(frozen=True)
class SummaryStep(Step):
    text: str = ""
    take_home: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessmentStep(Step):
    phase: str = "pre"
    text: str = ""


# ------------------------------------------------------------------------------------------------
# lessons and the course
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Objective:
    """A measurable learning objective of a module: ``m04-o1`` and its English text."""

    id: str
    text: str
    line: int = 0


@dataclass(frozen=True)
class Lesson:
    id: str
    module: int
    title: str
    summary: str
    minutes: int
    planner_section: str
    steps: tuple[Step, ...]
    path: Path
    icon: str | None = None
    sources: tuple[str, ...] = ()
    pack_id: str | None = None  # None: built in
    objectives: tuple[Objective, ...] = ()

    def step(self, step_id: str) -> Step | None:
        for s in self.steps:
            if s.id == step_id:
                return s
        return None

    def step_index(self, step_id: str) -> int | None:
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        return None


@dataclass(frozen=True)
class AssessmentItem:
    id: str
    question: str
    options: tuple[QuizOption, ...]
    line: int = 0
    objective: str | None = None  # the id of the module objective the item measures
    form: str | None = None  # "A" (the pre-test) or "B" (the post-test); None: both

    @property
    def multiple(self) -> bool:
        return sum(1 for o in self.options if o.correct) > 1


#: The two parallel forms of the pre/post test: form A before the course, form B after it.
ASSESSMENT_FORMS = ("A", "B")
FORM_OF_PHASE = {"pre": "A", "post": "B"}


def items_for_phase(items: tuple[AssessmentItem, ...], phase: str) -> tuple[AssessmentItem, ...]:
    """The items a lesson's assessment step asks: form A before the course (``pre``), form B
    after it (``post``); an item that names no form is asked in both."""
    form = FORM_OF_PHASE.get(phase)
    return tuple(i for i in items if i.form in (None, form))


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    lesson_ids: tuple[str, ...]
    assessment: tuple[AssessmentItem, ...]
    path: Path

    def form_items(self, form: str) -> tuple[AssessmentItem, ...]:
        """The items of one form (``A``/``B``); an item that names no form is in both."""
        return tuple(i for i in self.assessment if i.form in (None, form))


@dataclass
class PackStatus:
    """A lesson pack as loaded: its good lessons and every problem found."""

    path: Path
    id: str
    title: str
    lessons: list[Lesson] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors
