"""The printed trainer's kit, as content: the training-of-trainers agenda, each module's script and
answer key, sort cards, worksheets, take-home sheets and the paper pre/post forms.

Plain data built from the lesson library in the active language; ``budget_tutor/ui/trainer_kit_pdf``
lays it out on A4 pages. Nothing here is invented per print: every text is a lesson's own
(translated with the lessons catalog) or an interface string of this module (the ``budget_tutor``
catalog), and every time comes from the lessons' minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from budget_tutor.i18n import N_, _, ngettext
from budget_tutor.lessons.library import Library
from budget_tutor.lessons.model import (
    AssessmentItem,
    CalculationStep,
    DiscussionStep,
    KeyMessageStep,
    Lesson,
    PlannerTaskStep,
    QuizStep,
    SeasonCalendarStep,
    SortStep,
    Step,
    StoryStep,
    SummaryStep,
)
from budget_tutor.money import format_number

#: What a step type is called in the trainer's script.
STEP_KIND = {
    "story": N_("Story (read aloud)"),
    "key_message": N_("Key message"),
    "quiz": N_("Quiz"),
    "sort": N_("Sorting cards"),
    "calculation": N_("Calculation"),
    "season_calendar": N_("Season calendar"),
    "planner_task": N_("Apply it to your plan"),
    "discussion": N_("Discussion"),
    "summary": N_("Summary"),
    "assessment": N_("Test"),
}
ROLE_PLAY = N_("Role play")
LETTERS = "ABCDEFGH"

#: Minutes of teaching per training day, and the fixed parts of the four days (minutes).
DAY_MINUTES = 360
OPENING = (N_("Opening, introductions, aims of the training"), 45, N_("plenary"))
PRE_TEST = (N_("Pre-test (paper or laptop)"), 25, N_("individual"))
ADULT_LEARNING = (N_("How adults learn; using Budget Tutor with one laptop and a projector"), 60,
                  N_("demonstration, practice in pairs"))  # fmt: skip
PRACTICE = (N_("Practice teaching: each pair teaches one step, the group gives feedback"), 90,
            N_("practice, feedback form"))  # fmt: skip
EVALUATION = (N_("Daily evaluation"), 15, N_("evaluation form"))
POST_TEST = (N_("Post-test and its answers"), 40, N_("individual, then plenary"))
PLANNING = (N_("Planning the village workshops; reporting results to the donor"), 60,
            N_("group work"))  # fmt: skip
CLOSING = (N_("Closing: certificates, what we take home"), 30, N_("plenary"))
MODULE_METHOD = N_("the module as the families will have it")

#: The practice-teaching feedback form and the daily evaluation (one line each on paper).
FEEDBACK_QUESTIONS = (
    N_("Did the trainer say the aim of the step at the start?"),
    N_("Could everybody see and hear (the projector, the voice)?"),
    N_("Did the participants talk more than the trainer?"),
    N_("Were the numbers right and explained with local examples?"),
    N_("Did the trainer check that everybody understood?"),
    N_("What was good? What would you change?"),
)
EVALUATION_QUESTIONS = (
    N_("What was the most useful thing today?"),
    N_("What was not clear?"),
    N_("What will you do differently in your own workshop?"),
    N_("The pace today was: too slow / right / too fast"),
)


@dataclass(frozen=True)
class AgendaItem:
    title: str
    minutes: int
    method: str
    lesson_id: str | None = None


@dataclass(frozen=True)
class ScriptStep:
    number: int
    kind: str
    title: str
    body: tuple[str, ...]  # paragraphs / lines the trainer reads or shows
    trainer_notes: str
    answer: tuple[str, ...] = ()  # the answer key lines for this step (empty: nothing to check)
    minutes: int | None = None  # the step's time in the room (None: a pack's untimed step)


@dataclass(frozen=True)
class Card:
    text: str
    group: str
    picture: Path | None


@dataclass(frozen=True)
class WorksheetTask:
    number: int
    question: str
    options: tuple[str, ...] = ()  # a quiz: the options to tick; a calculation: none
    unit: str = ""


@dataclass(frozen=True)
class ModuleKit:
    lesson_id: str
    module: int
    title: str
    summary: str
    minutes: int
    steps: tuple[ScriptStep, ...]
    cards: tuple[Card, ...]
    groups: tuple[str, ...]
    worksheet: tuple[WorksheetTask, ...]
    take_home: tuple[str, ...]
    key_messages: tuple[str, ...]
    calendar: tuple[tuple[str, tuple[int, ...]], ...] = ()  # token label, its months
    sources: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()  # the module's learning objectives, translated


@dataclass(frozen=True)
class TestForm:
    """A paper pre/post form: the questions with lettered options, and the key."""

    items: tuple[tuple[str, tuple[str, ...]], ...]
    key: tuple[str, ...]  # the right letter per item


@dataclass
class Guide:
    title: str
    days: list[list[AgendaItem]] = field(default_factory=list)
    modules: list[ModuleKit] = field(default_factory=list)
    test: TestForm | None = None


def _unit(unit: str) -> str:
    return {"TJS": _("somoni"), "RUB": _("roubles"), "USD": _("dollars"),
            "months": _("months"), "percent": "%"}.get(unit, unit)  # fmt: skip


def _number(value: Decimal, locale: str) -> str:
    return format_number(value.normalize() if value == value.to_integral() else value, locale)


def _translator(lib: Library, lesson: Lesson) -> Callable[[str], str]:
    def t(msgid: str) -> str:
        return lib.text(msgid, lesson) if msgid else ""

    return t


def _script_step(n: int, step: Step, lesson: Lesson, lib: Library, locale: str) -> ScriptStep:
    t = _translator(lib, lesson)
    kind = _(STEP_KIND.get(step.type, step.type))
    body: list[str] = []
    answer: list[str] = []
    if isinstance(step, StoryStep | KeyMessageStep | DiscussionStep | PlannerTaskStep):
        body.append(t(step.text))
        if isinstance(step, DiscussionStep) and step.role_play:
            kind = _(ROLE_PLAY)
    elif isinstance(step, QuizStep):
        body.append(t(step.question))
        for i, option in enumerate(step.options):
            body.append(f"{LETTERS[i]}. {t(option.text)}")
            if option.correct:
                answer.append(f"{LETTERS[i]}. {t(option.text)}")
    elif isinstance(step, SortStep):
        body.append(t(step.prompt))
        labels = {g.id: t(g.label) for g in step.groups}
        for group in step.groups:
            cards = [t(c.text) for c in step.cards if c.group == group.id]
            answer.append(f"{labels[group.id]}: {', '.join(cards)}")
    elif isinstance(step, CalculationStep):
        body.append(t(step.prompt))
        answer.append(f"{_number(step.answer, locale)} {_unit(step.unit)}")
        if step.solution:
            answer.append(t(step.solution))
    elif isinstance(step, SeasonCalendarStep):
        body.append(t(step.prompt))
        for token in step.tokens:
            months = ", ".join(str(m) for m in sorted(token.months))
            answer.append(f"{t(token.label)}: {months}")
    elif isinstance(step, SummaryStep):
        body.append(t(step.text))
        body.extend(f"• {t(x)}" for x in step.take_home)
    return ScriptStep(n, kind, t(step.title), tuple(b for b in body if b), t(step.trainer_notes),
                      tuple(answer), step.minutes)  # fmt: skip


def module_kit(lesson: Lesson, lib: Library, locale: str) -> ModuleKit:
    t = _translator(lib, lesson)
    steps = tuple(_script_step(i + 1, s, lesson, lib, locale) for i, s in enumerate(lesson.steps))
    cards: list[Card] = []
    groups: list[str] = []
    worksheet: list[WorksheetTask] = []
    take_home: list[str] = []
    keys: list[str] = []
    calendar: list[tuple[str, tuple[int, ...]]] = []
    for step in lesson.steps:
        if isinstance(step, SortStep):
            labels = {g.id: t(g.label) for g in step.groups}
            groups.extend(labels.values())
            cards.extend(Card(t(c.text), labels.get(c.group, ""), c.picture) for c in step.cards)
        elif isinstance(step, QuizStep):
            worksheet.append(WorksheetTask(len(worksheet) + 1, t(step.question),
                                           tuple(t(o.text) for o in step.options)))  # fmt: skip
        elif isinstance(step, CalculationStep):
            worksheet.append(WorksheetTask(len(worksheet) + 1, t(step.prompt), (),
                                           _unit(step.unit)))  # fmt: skip
        elif isinstance(step, SummaryStep):
            take_home.extend(t(x) for x in step.take_home)
        elif isinstance(step, KeyMessageStep):
            keys.append(t(step.text))
        elif isinstance(step, SeasonCalendarStep):
            calendar.extend((t(k.label), tuple(sorted(k.months))) for k in step.tokens)
    return ModuleKit(lesson.id, lesson.module, t(lesson.title), t(lesson.summary), lesson.minutes,
                     steps, tuple(cards), tuple(groups), tuple(worksheet), tuple(take_home),
                     tuple(keys), tuple(calendar), lesson.sources,
                     tuple(t(o.text) for o in lesson.objectives))  # fmt: skip


def test_form(items: tuple[AssessmentItem, ...], lib: Library) -> TestForm:
    questions = []
    key = []
    for item in items:
        options = tuple(lib.text(o.text) for o in item.options)
        questions.append((lib.text(item.question), options))
        key.append(next((LETTERS[i] for i, o in enumerate(item.options) if o.correct), "?"))
    return TestForm(tuple(questions), tuple(key))


def agenda(lessons: list[Lesson], lib: Library) -> list[list[AgendaItem]]:
    """Four days: opening and pre-test first, the modules in course order filling the days to
    about :data:`DAY_MINUTES` of teaching, practice teaching every afternoon from day 2, and
    the post-test, planning and closing on the last day."""

    def fixed(part: tuple[str, int, str]) -> AgendaItem:
        return AgendaItem(_(part[0]), part[1], _(part[2]))

    days: list[list[AgendaItem]] = [[fixed(OPENING), fixed(PRE_TEST), fixed(ADULT_LEARNING)]]
    tail_by_day = {0: [fixed(EVALUATION)], 1: [fixed(PRACTICE), fixed(EVALUATION)],
                   2: [fixed(PRACTICE), fixed(EVALUATION)]}  # fmt: skip
    last = [fixed(PRACTICE), fixed(POST_TEST), fixed(PLANNING), fixed(EVALUATION), fixed(CLOSING)]
    queue = list(lessons)
    for day in range(3):
        if day:
            days.append([])
        budget = DAY_MINUTES - sum(x.minutes for x in days[day] + tail_by_day[day])
        while queue and (queue[0].minutes <= budget or not any(x.lesson_id for x in days[day])):
            lesson = queue.pop(0)
            title = _("Module {number}: {title}").format(number=lesson.module,
                                                          title=lib.text(lesson.title, lesson))  # fmt: skip
            days[day].append(AgendaItem(title, lesson.minutes, _(MODULE_METHOD), lesson.id))
            budget -= lesson.minutes
        days[day].extend(tail_by_day[day])
    final: list[AgendaItem] = []
    for lesson in queue:  # what did not fit in three days opens the fourth
        title = _("Module {number}: {title}").format(number=lesson.module,
                                                      title=lib.text(lesson.title, lesson))  # fmt: skip
        final.append(AgendaItem(title, lesson.minutes, _(MODULE_METHOD), lesson.id))
    days.append(final + last)
    return days


def build_guide(lib: Library, locale: str) -> Guide:
    lessons = lib.course_lessons()
    guide = Guide(title=_("Effective family budget management: the trainer's guide"))
    guide.days = agenda(lessons, lib)
    guide.modules = [module_kit(lesson, lib, locale) for lesson in lessons]
    if lib.course is not None and lib.course.assessment:
        guide.test = test_form(lib.course.assessment, lib)
    return guide


def minutes_text(minutes: int) -> str:
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
