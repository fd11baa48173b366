"""Validation of lesson files and the course: every problem, with its file and line.

:func:`validate_lesson` and :func:`validate_course` never raise for a bad file: they return the
model built from what is usable (``None`` when there is an error) and the list of
:class:`~budget_tutor.lessons.model.Problem`. The format is described in ``docs/lesson-format.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from budget_tutor.i18n import N_
from budget_tutor.lessons import calculations
from budget_tutor.lessons.loader import Document, LessonLoadError, Path_, load_yaml
from budget_tutor.lessons.model import (
    AMOUNT_RULES,
    ASSESSMENT_FORMS,
    FORMAT_VERSION,
    INTERACTIVE_TYPES,
    MONEY_UNITS,
    MONTH_SECTIONS,
    ONE_MONTH_SECTIONS,
    PLANNER_SECTIONS,
    SECTION_ACTIONS,
    SECTION_KINDS,
    STEP_TYPES,
    UNITS,
    AssessmentItem,
    AssessmentStep,
    CalculationStep,
    CalendarToken,
    Course,
    DiscussionStep,
    KeyMessageStep,
    Lesson,
    Objective,
    PlannerTaskStep,
    Problem,
    QuizOption,
    QuizStep,
    SeasonCalendarStep,
    Severity,
    SortCard,
    SortGroup,
    SortStep,
    Step,
    StoryStep,
    Suggestion,
    SummaryStep,
)
from budget_tutor.lessons.sanitize import PictureProblem

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
MIN_STEPS = 6
MIN_INTERACTIVE = 3
MAX_MODULE = 10
MAX_PICTURE_BYTES = 2_000_000
MAX_TEXT_CHARS = 20_000

# -- messages (English msgids, translated when shown) ------------------------------------------
M_NOT_MAPPING = N_("{what} must be a mapping of keys and values")
M_NOT_LIST = N_("{key} must be a list")
M_MISSING_KEY = N_("{what} is missing the key '{key}'")
M_UNKNOWN_KEY = N_("{what} has an unknown key '{key}'")
M_NOT_TEXT = N_("'{key}' must be text")
M_EMPTY_TEXT = N_("'{key}' is empty")
M_TEXT_TOO_LONG = N_("'{key}' is longer than {limit} characters")
M_BAD_ID = N_("'{value}' is not a valid id: use lower-case letters, digits and '-'")
M_DUPLICATE_ID = N_("the id '{value}' is used twice (first on line {first})")
M_FORMAT = N_("format must be {version}, not '{value}'")
M_FILE_NAME = N_("the file name must be the lesson id: expected {expected}")
M_BAD_INT = N_("'{key}' must be a whole number from {low} to {high}")
M_BAD_BOOL = N_("'{key}' must be true or false")
M_BAD_CHOICE = N_("'{key}' must be one of: {choices} (not '{value}')")
M_UNKNOWN_STEP_TYPE = N_("unknown step type '{value}'; the types are: {choices}")
M_FEW_STEPS = N_("a lesson needs at least {minimum} steps, this one has {count}")
M_FEW_INTERACTIVE = N_(
    "a lesson needs at least {minimum} interactive steps (quiz, sort, calculation, season_calendar, planner_task), this one has {count}"
)
M_FEW_OPTIONS = N_("a question needs at least two options")
M_NO_RIGHT_ANSWER = N_("no option is marked 'correct: true'")
M_FEW_GROUPS = N_("a sort exercise needs at least two groups")
M_NO_CARDS = N_("a sort exercise needs at least one card")
M_UNKNOWN_GROUP = N_("the card '{card}' points at the group '{value}', which is not defined")
M_UNKNOWN_FUNCTION = N_("unknown calculation function '{value}'; the functions are: {choices}")
M_CALC_ERROR = N_("the calculation cannot be done: {detail}")
M_BAD_DECIMAL = N_("'{key}' must be a number written as text, like \"901.25\", not '{value}'")
M_WRONG_ANSWER = N_(
    "the stated answer {stated} differs from the computed answer {computed} (tolerance {tolerance})"
)
M_UNIT_MISMATCH = N_("the function {function} gives a result in {expected}, not in {value}")
M_NO_TOKENS = N_("a season calendar needs at least one token")
M_BAD_MONTH = N_("'{value}' is not a month: use numbers from 1 to 12")
M_ACTION_SECTION = N_(
    "the action {value} does not belong to the section {section} (use {expected})"
)
M_AMOUNT_BOTH = N_("give either 'amount' or 'amount_rule', not both")
M_RULE_MONTHS = N_("'amount_rule' {rule} needs 'months' (a whole number from 1 to 36)")
M_BAD_KIND = N_(
    "'{value}' is not a kind of line in the section {section}; the kinds are: {choices}"
)
M_NO_KIND = N_("lines in the section {section} have no kind: remove 'kind'")
M_CURRENCY_SECTION = N_(
    "only an income can be in {value}; lines in the section {section} are in somoni (TJS)"
)
M_MONTHS_LIST = N_("'in_months' must be a list of months from 1 to 12, like [4, 5, 6]")
M_MONTH_TWICE = N_("the month {value} is listed twice in 'in_months'")
M_ONE_MONTH = N_("a line in the section {section} falls in one month: give exactly one month")
M_NO_MONTHS = N_("lines in the section {section} have no months: remove 'in_months'")
M_BAD_AMOUNT = N_(
    '\'{value}\' is not an amount of money: use a number above 0 with at most two decimals, like "2300" or "901.25"'
)
M_PICTURE_PATH = N_(
    "the picture path '{value}' is not allowed: use a relative path inside the pack, like pictures/flour.svg"
)
M_PICTURE_TYPE = N_("the picture '{value}' must be an SVG file (.svg)")
M_PICTURE_MISSING = N_("the picture '{value}' does not exist")
M_PICTURE_UNSAFE = N_("the picture '{value}' is not allowed: {detail}")
#: The category of a refused picture's error: the lesson stays usable without the picture.
PICTURE_REFUSED = "picture refused"
M_ICON_MISSING = N_("the icon '{value}' does not exist in assets/icons")
M_COURSE_LESSON_MISSING = N_("the course lists the lesson '{value}', which does not exist")
M_NO_ASSESSMENT = N_("the course has no assessment items for the pre-test and post-test")
M_ASSESSMENT_TWICE = N_("the lesson has more than one '{value}' assessment step")
M_OBJECTIVE_COUNT = N_(
    "a module of the built-in course has {low} to {high} learning objectives; this one has {count}"
)
M_STEP_UNTIMED = N_(
    "the step has no 'minutes': every step of a built-in lesson says how long it takes"
)
M_MINUTES_SUM = N_("the steps add up to {total} minutes, but the lesson's 'minutes' is {minutes}")
M_UNKNOWN_OBJECTIVE = N_("the assessment item measures '{value}', which is no lesson's objective")


# ------------------------------------------------------------------------------------------------
# checking context
# ------------------------------------------------------------------------------------------------


@dataclass
class _Checker:
    doc: Document
    picture_root: Path | None  # a pack folder (None: built-in, pictures/ under assets/)
    assets_dir: Path
    problems: list[Problem] = field(default_factory=list)
    _svg_cache: dict[Path, PictureProblem | None] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return self.doc.file

    def error(self, path: Path_, msgid: str, **params: object) -> None:
        self.problems.append(
            Problem(self.file, self.doc.line(path), msgid, _params(params), Severity.ERROR)
        )

    def warning(self, path: Path_, msgid: str, category: str = "", **params: object) -> None:
        self.problems.append(
            Problem(
                self.file, self.doc.line(path), msgid, _params(params), Severity.WARNING, category
            )
        )

    def key_line_error(self, path: Path_, key_name: str, msgid: str, **params: object) -> None:
        line = self.doc.lines.get((*path, "\x00key", key_name)) or self.doc.line(path)
        self.problems.append(Problem(self.file, line, msgid, _params(params), Severity.ERROR))

    # -- shapes ---------------------------------------------------------------------------------

    def mapping(self, value: Any, path: Path_, what: str) -> Mapping[str, Any] | None:
        if not isinstance(value, dict):
            self.error(path, M_NOT_MAPPING, what=what)
            return None
        return value

    def keys(
        self,
        m: Mapping[Any, Any],
        path: Path_,
        what: str,
        required: Iterable[str],
        optional: Iterable[str] = (),
    ) -> bool:
        req = tuple(required)
        allowed = set(req) | set(optional)
        ok = True
        for key in m:
            if not isinstance(key, str) or key not in allowed:
                self.key_line_error(path, str(key), M_UNKNOWN_KEY, what=what, key=str(key)[:40])
        for key in req:
            if key not in m:
                self.error(path, M_MISSING_KEY, what=what, key=key)
                ok = False
        return ok

    def text(self, m: Mapping[str, Any], key: str, path: Path_, *, required: bool = True) -> str:
        if key not in m:
            return ""
        value = m[key]
        if not isinstance(value, str):
            if value is None and not required:
                return ""
            self.error((*path, key), M_NOT_TEXT, key=key)
            return ""
        text = value.strip()
        if not text and required:
            self.error((*path, key), M_EMPTY_TEXT, key=key)
        if len(text) > MAX_TEXT_CHARS:
            self.error((*path, key), M_TEXT_TOO_LONG, key=key, limit=MAX_TEXT_CHARS)
            return text[:MAX_TEXT_CHARS]
        return text

    def ident(self, value: Any, path: Path_) -> str | None:
        if not isinstance(value, str) or not ID_RE.fullmatch(value):
            self.error(path, M_BAD_ID, value=str(value)[:40])
            return None
        return value

    def integer(
        self, m: Mapping[str, Any], key: str, path: Path_, low: int, high: int
    ) -> int | None:
        value = m.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.error((*path, key), M_BAD_INT, key=key, low=low, high=high)
            return None
        return value

    def boolean(self, m: Mapping[str, Any], key: str, path: Path_) -> bool:
        value = m.get(key, False)
        if not isinstance(value, bool):
            self.error((*path, key), M_BAD_BOOL, key=key)
            return False
        return value

    def choice(
        self, m: Mapping[str, Any], key: str, path: Path_, choices: Iterable[str]
    ) -> str | None:
        options = tuple(choices)
        value = m.get(key)
        if value not in options:
            self.error(
                (*path, key),
                M_BAD_CHOICE,
                key=key,
                choices=", ".join(options),
                value=str(value)[:40],
            )
            return None
        return str(value)

    def listing(self, m: Mapping[str, Any], key: str, path: Path_) -> list[Any]:
        value = m.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error((*path, key), M_NOT_LIST, key=key)
            return []
        return value

    def decimal(self, m: Mapping[str, Any], key: str, path: Path_) -> Decimal | None:
        value = m.get(key)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.error((*path, key), M_BAD_DECIMAL, key=key, value=str(value)[:40])
            return None
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            self.error((*path, key), M_BAD_DECIMAL, key=key, value=str(value)[:40])
            return None
        return number

    # -- pictures -------------------------------------------------------------------------------

    def picture(self, m: Mapping[str, Any], key: str, path: Path_) -> Path | None:
        if key not in m or m[key] is None:
            return None
        value = m[key]
        where = (*path, key)
        if not isinstance(value, str):
            self.error(where, M_NOT_TEXT, key=key)
            return None
        root = self.picture_root or self.assets_dir
        resolved = resolve_picture(value, root)
        if resolved is None:
            self.error(where, M_PICTURE_PATH, value=value[:80])
            return None
        if resolved.suffix.lower() != ".svg":
            self.error(where, M_PICTURE_TYPE, value=value[:80])
            return None
        if not resolved.exists():  # a FIFO or device "exists": load_svg refuses it without opening
            self.error(where, M_PICTURE_MISSING, value=value[:80])
            return None
        if resolved not in self._svg_cache:
            self._svg_cache[resolved] = svg_problem(resolved, self.picture_root)
        detail = self._svg_cache[resolved]
        if detail is not None:
            # An error (``lessons check`` fails) that leaves the lesson usable: the player shows
            # a "picture not shown" note in its place (it checks the file again before drawing).
            self.problems.append(
                Problem(
                    self.file,
                    self.doc.line(where),
                    M_PICTURE_UNSAFE,
                    # the reason's own values (a limit, a line) travel with it, for translation
                    _params({**dict(detail.params), "value": value[:80], "detail": detail.msgid}),
                    Severity.ERROR,
                    PICTURE_REFUSED,
                )
            )
        return resolved


def _params(params: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(v)) for k, v in params.items())


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def resolve_picture(value: str, root: Path) -> Path | None:
    """The file a picture path names inside ``root``, or None if the path may not be used
    (absolute, a URL or ``file://``, a ``..`` that climbs out, a link that leads outside)."""
    text = value.strip()
    if (
        not text
        or len(text) > 200
        or _SCHEME.match(text)
        or text.startswith(("/", "\\", "~"))
        or "\\" in text
        or "\x00" in text
    ):
        return None
    parts = text.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return None
    candidate = root.joinpath(*parts)
    try:
        real_root = root.resolve()
        real = candidate.resolve()
    except (OSError, RuntimeError):
        return None
    if not real.is_relative_to(real_root):
        return None
    return real


def svg_problem(path: Path, root: Path | None = None) -> PictureProblem | None:
    """Why an SVG picture may not be shown (None: it is a self-contained drawing within the
    limits): :func:`budget_tutor.lessons.sanitize.load_svg`, the one check every picture passes
    (regular file only, inside ``root``; no links out; bounded fan-out, elements and depth)."""
    from budget_tutor.lessons.sanitize import load_svg

    _data, problem = load_svg(path, root)
    return problem


# ------------------------------------------------------------------------------------------------
# steps
# ------------------------------------------------------------------------------------------------

_COMMON = ("id", "type", "title", "trainer_notes", "minutes")
#: How many learning objectives a built-in module has, and how long one step may take.
OBJECTIVES_RANGE = (2, 4)
MAX_STEP_MINUTES = 120
#: The folder of the built-in lessons, whose files must have objectives and timed steps.
BUILTIN_DIR = Path(__file__).resolve().parent / "builtin"
_STEP_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # type: (required, optional) besides id/type/title/trainer_notes
    "story": (("text",), ("picture",)),
    "key_message": (("text",), ("picture",)),
    "quiz": (("question", "options"), ("picture",)),
    "sort": (("prompt", "groups", "cards"), ()),
    "calculation": (("prompt", "compute", "answer", "unit", "solution"), ("tolerance",)),
    "season_calendar": (("prompt", "tokens"), ()),
    "planner_task": (("text", "section", "suggestion"), ()),
    "discussion": (("text",), ("role_play",)),
    "summary": (("text",), ("take_home",)),
    "assessment": (("phase",), ("text",)),
}


def _options(c: _Checker, raw: list[Any], path: Path_) -> tuple[QuizOption, ...]:
    options = []
    for i, item in enumerate(raw):
        p = (*path, i)
        m = c.mapping(item, p, N_("an option"))
        if m is None:
            continue
        c.keys(m, p, N_("an option"), ("text",), ("correct", "feedback"))
        options.append(
            QuizOption(
                c.text(m, "text", p),
                c.boolean(m, "correct", p),
                c.text(m, "feedback", p, required=False),
            )
        )
    if len(raw) < 2:
        c.error(path, M_FEW_OPTIONS)
    elif options and not any(o.correct for o in options):
        c.error(path, M_NO_RIGHT_ANSWER)
    return tuple(options)


def _step(
    c: _Checker, m: Mapping[str, Any], path: Path_, step_id: str, step_type: str
) -> Step | None:
    required, optional = _STEP_KEYS[step_type]
    c.keys(m, path, N_("a step"), ("id", "type", *required), (*_COMMON, *optional))
    line = c.doc.line(path)
    base: dict[str, Any] = {
        "id": step_id,
        "type": step_type,
        "line": line,
        "title": c.text(m, "title", path, required=False),
        "trainer_notes": c.text(m, "trainer_notes", path, required=False),
        "minutes": (c.integer(m, "minutes", path, 1, MAX_STEP_MINUTES) if "minutes" in m else None),
    }
    if step_type in ("story", "key_message"):
        cls = StoryStep if step_type == "story" else KeyMessageStep
        return cls(**base, text=c.text(m, "text", path), picture=c.picture(m, "picture", path))
    if step_type == "quiz":
        return QuizStep(
            **base,
            question=c.text(m, "question", path),
            options=_options(c, c.listing(m, "options", path), (*path, "options")),
            picture=c.picture(m, "picture", path),
        )
    if step_type == "sort":
        return _sort(c, m, path, base)
    if step_type == "calculation":
        return _calculation(c, m, path, base)
    if step_type == "season_calendar":
        return _calendar(c, m, path, base)
    if step_type == "planner_task":
        return _planner(c, m, path, base)
    if step_type == "discussion":
        return DiscussionStep(
            **base, text=c.text(m, "text", path), role_play=c.boolean(m, "role_play", path)
        )
    if step_type == "summary":
        take_home = []
        for i, item in enumerate(c.listing(m, "take_home", path)):
            if not isinstance(item, str) or not item.strip():
                c.error((*path, "take_home", i), M_NOT_TEXT, key="take_home")
            else:
                take_home.append(item.strip())
        return SummaryStep(**base, text=c.text(m, "text", path), take_home=tuple(take_home))
    phase = c.choice(m, "phase", path, ("pre", "post"))
    return AssessmentStep(
        **base, phase=phase or "pre", text=c.text(m, "text", path, required=False)
    )


def _sort(c: _Checker, m: Mapping[str, Any], path: Path_, base: dict[str, Any]) -> SortStep:
    groups: list[SortGroup] = []
    seen: dict[str, int] = {}
    gpath = (*path, "groups")
    raw_groups = c.listing(m, "groups", path)
    for i, item in enumerate(raw_groups):
        p = (*gpath, i)
        g = c.mapping(item, p, N_("a group"))
        if g is None:
            continue
        c.keys(g, p, N_("a group"), ("id", "label"))
        gid = c.ident(g.get("id"), (*p, "id")) if "id" in g else None
        if gid is not None:
            if gid in seen:
                c.error((*p, "id"), M_DUPLICATE_ID, value=gid, first=seen[gid])
            seen[gid] = c.doc.line((*p, "id"))
            groups.append(SortGroup(gid, c.text(g, "label", p)))
    if len(raw_groups) < 2:
        c.error(gpath, M_FEW_GROUPS)
    cards: list[SortCard] = []
    cpath = (*path, "cards")
    raw_cards = c.listing(m, "cards", path)
    for i, item in enumerate(raw_cards):
        p = (*cpath, i)
        card = c.mapping(item, p, N_("a card"))
        if card is None:
            continue
        c.keys(card, p, N_("a card"), ("text", "group"), ("picture",))
        text = c.text(card, "text", p)
        group = card.get("group")
        if "group" in card and not (isinstance(group, str) and group in seen):
            c.error((*p, "group"), M_UNKNOWN_GROUP, card=text[:40], value=str(group)[:40])
        cards.append(SortCard(text, str(group), c.picture(card, "picture", p)))
    if not raw_cards:
        c.error(cpath, M_NO_CARDS)
    return SortStep(
        **base, prompt=c.text(m, "prompt", path), groups=tuple(groups), cards=tuple(cards)
    )


def _calculation(
    c: _Checker, m: Mapping[str, Any], path: Path_, base: dict[str, Any]
) -> CalculationStep | None:
    prompt = c.text(m, "prompt", path)
    solution = c.text(m, "solution", path)
    unit = c.choice(m, "unit", path, UNITS) if "unit" in m else None
    stated = c.decimal(m, "answer", path) if "answer" in m else None
    tolerance = c.decimal(m, "tolerance", path) if "tolerance" in m else Decimal(0)
    if tolerance is not None and tolerance < 0:
        c.error((*path, "tolerance"), M_BAD_DECIMAL, key="tolerance", value=str(tolerance))
        tolerance = None
    cpath = (*path, "compute")
    comp = c.mapping(m.get("compute"), cpath, N_("the compute block")) if "compute" in m else None
    computed: Decimal | None = None
    function_name = ""
    args: dict[str, Any] = {}
    if comp is not None:
        c.keys(comp, cpath, N_("the compute block"), ("function", "args"))
        function_name = str(comp.get("function"))
        function = calculations.FUNCTIONS.get(function_name)
        raw_args = comp.get("args", {})
        if function is None:
            c.error(
                (*cpath, "function"),
                M_UNKNOWN_FUNCTION,
                value=function_name[:40],
                choices=", ".join(calculations.FUNCTIONS),
            )
        elif not isinstance(raw_args, dict):
            c.error((*cpath, "args"), M_NOT_MAPPING, what=N_("the args"))
        else:
            args = raw_args
            if unit is not None and not function.unit_allowed(unit):
                c.error(
                    (*path, "unit"),
                    M_UNIT_MISMATCH,
                    function=function_name,
                    expected=function.result_unit,
                    value=unit,
                )
            try:
                computed = calculations.compute(function_name, raw_args)
            except calculations.CalculationError as exc:
                c.error((*cpath, "args"), M_CALC_ERROR, detail=exc)
    if computed is not None and stated is not None and tolerance is not None:
        if abs(computed - stated) > tolerance:
            c.error(
                (*path, "answer"),
                M_WRONG_ANSWER,
                stated=stated,
                computed=computed,
                tolerance=tolerance,
            )
    if computed is None or stated is None or tolerance is None or unit is None:
        return None
    return CalculationStep(
        **base,
        prompt=prompt,
        function=function_name,
        args=tuple(sorted(args.items())),
        answer=computed,
        stated_answer=stated,
        tolerance=tolerance,
        unit=unit,
        solution=solution,
    )


def _calendar(
    c: _Checker, m: Mapping[str, Any], path: Path_, base: dict[str, Any]
) -> SeasonCalendarStep:
    tokens: list[CalendarToken] = []
    seen: dict[str, int] = {}
    tpath = (*path, "tokens")
    raw = c.listing(m, "tokens", path)
    for i, item in enumerate(raw):
        p = (*tpath, i)
        t = c.mapping(item, p, N_("a token"))
        if t is None:
            continue
        c.keys(t, p, N_("a token"), ("id", "label", "months"))
        tid = c.ident(t.get("id"), (*p, "id")) if "id" in t else None
        if tid is not None and tid in seen:
            c.error((*p, "id"), M_DUPLICATE_ID, value=tid, first=seen[tid])
        if tid is not None:
            seen[tid] = c.doc.line((*p, "id"))
        months: set[int] = set()
        for j, month in enumerate(c.listing(t, "months", p)):
            if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
                c.error((*p, "months", j), M_BAD_MONTH, value=str(month)[:20])
            else:
                months.add(month)
        if tid is not None:
            tokens.append(CalendarToken(tid, c.text(t, "label", p), frozenset(months)))
    if not raw:
        c.error(tpath, M_NO_TOKENS)
    return SeasonCalendarStep(**base, prompt=c.text(m, "prompt", path), tokens=tuple(tokens))


_SUGGESTION_OPTIONAL = ("amount", "amount_rule", "months", "kind", "currency", "in_months")


def _amount(c: _Checker, s: Mapping[str, Any], spath: Path_) -> Decimal | None:
    """A suggested amount: a number above 0 with at most two decimals, no more than the
    largest amount the planner takes."""
    from budget_tutor.money import MAX_AMOUNT

    number = c.decimal(s, "amount", spath)
    if number is None:
        return None
    exponent = number.as_tuple().exponent
    if number <= 0 or (isinstance(exponent, int) and exponent < -2) or number * 100 > MAX_AMOUNT:
        c.error((*spath, "amount"), M_BAD_AMOUNT, value=str(s["amount"])[:40])
        return None
    return number


def _kind(c: _Checker, s: Mapping[str, Any], spath: Path_, section: str | None) -> str | None:
    if section is None:
        return None
    kinds = SECTION_KINDS.get(section)
    if kinds is None:
        c.error((*spath, "kind"), M_NO_KIND, section=section)
        return None
    value = s.get("kind")
    if value not in kinds:
        c.error(
            (*spath, "kind"),
            M_BAD_KIND,
            value=str(value)[:40],
            section=section,
            choices=", ".join(kinds),
        )
        return None
    return str(value)


def _currency(c: _Checker, s: Mapping[str, Any], spath: Path_, section: str | None) -> str | None:
    value = c.choice(s, "currency", spath, MONEY_UNITS)
    if value is None or section is None:
        return None
    if section != "incomes" and value != "TJS":
        c.error((*spath, "currency"), M_CURRENCY_SECTION, value=value, section=section)
        return None
    return value


def _in_months(
    c: _Checker, s: Mapping[str, Any], spath: Path_, section: str | None
) -> tuple[int, ...] | None:
    where = (*spath, "in_months")
    raw = s.get("in_months")
    if section is not None and section not in MONTH_SECTIONS:
        c.error(where, M_NO_MONTHS, section=section)
        return None
    if not isinstance(raw, list) or not raw:
        c.error(where, M_MONTHS_LIST)
        return None
    months: list[int] = []
    for i, value in enumerate(raw):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
            c.error((*where, i), M_BAD_MONTH, value=str(value)[:40])
        elif value in months:
            c.error((*where, i), M_MONTH_TWICE, value=value)
        else:
            months.append(value)
    if section in ONE_MONTH_SECTIONS and len(raw) != 1:
        c.error(where, M_ONE_MONTH, section=section)
        return None
    if len(months) != len(raw):
        return None
    return tuple(sorted(months))


def _planner(
    c: _Checker, m: Mapping[str, Any], path: Path_, base: dict[str, Any]
) -> PlannerTaskStep:
    section = c.choice(m, "section", path, PLANNER_SECTIONS) if "section" in m else None
    spath = (*path, "suggestion")
    s = c.mapping(m.get("suggestion"), spath, N_("the suggestion")) if "suggestion" in m else None
    suggestion = None
    if s is not None:
        c.keys(s, spath, N_("the suggestion"), ("action", "name"), _SUGGESTION_OPTIONAL)
        action = c.choice(s, "action", spath, SECTION_ACTIONS.values()) if "action" in s else None
        if action and section and SECTION_ACTIONS[section] != action:
            c.error(
                (*spath, "action"),
                M_ACTION_SECTION,
                value=action,
                section=section,
                expected=SECTION_ACTIONS[section],
            )
        amount = _amount(c, s, spath) if "amount" in s else None
        rule = c.choice(s, "amount_rule", spath, AMOUNT_RULES) if "amount_rule" in s else None
        months = None
        if "amount" in s and "amount_rule" in s:
            c.error(spath, M_AMOUNT_BOTH)
        if rule is not None:
            value = s.get("months")
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 36:
                c.error((*spath, "months"), M_RULE_MONTHS, rule=rule)
            else:
                months = value
        elif "months" in s:
            months = c.integer(s, "months", spath, 1, 120)
        suggestion = Suggestion(
            action or "",
            c.text(s, "name", spath),
            amount,
            rule,
            months,
            kind=_kind(c, s, spath, section) if "kind" in s else None,
            currency=_currency(c, s, spath, section) if "currency" in s else None,
            in_months=_in_months(c, s, spath, section) if "in_months" in s else None,
        )
    return PlannerTaskStep(
        **base, text=c.text(m, "text", path), section=section or "", suggestion=suggestion
    )


# ------------------------------------------------------------------------------------------------
# lessons and the course
# ------------------------------------------------------------------------------------------------

_LESSON_REQUIRED = (
    "format",
    "id",
    "module",
    "title",
    "summary",
    "minutes",
    "planner_section",
    "steps",
)
_LESSON_OPTIONAL = ("icon", "sources", "objectives")


def _objectives(c: _Checker, m: Mapping[str, Any], builtin: bool) -> list[Objective]:
    """The lesson's ``objectives``: ids unique, each with a text; 2-4 in a built-in lesson."""
    found: list[Objective] = []
    seen: dict[str, int] = {}
    raw = c.listing(m, "objectives", ())
    for i, item in enumerate(raw):
        p: Path_ = ("objectives", i)
        o = c.mapping(item, p, N_("a learning objective"))
        if o is None:
            continue
        c.keys(o, p, N_("a learning objective"), ("id", "text"))
        oid = c.ident(o.get("id"), (*p, "id")) if "id" in o else None
        text = c.text(o, "text", p)
        if oid is None:
            continue
        if oid in seen:
            c.error((*p, "id"), M_DUPLICATE_ID, value=oid, first=seen[oid])
            continue
        seen[oid] = c.doc.line((*p, "id"))
        found.append(Objective(oid, text, c.doc.line(p)))
    low, high = OBJECTIVES_RANGE
    if builtin and not low <= len(raw) <= high:
        c.error(("objectives",) if raw else (), M_OBJECTIVE_COUNT, low=low, high=high,
                count=len(raw))  # fmt: skip
    return found


def objective_ids_in(folder: Path) -> list[str]:
    """The objective ids the lesson files of ``folder`` declare (unreadable files skipped)."""
    ids: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = load_yaml(path).data
        except LessonLoadError:
            continue
        items = data.get("objectives") if isinstance(data, dict) else None
        if isinstance(items, list):
            ids.extend(str(o["id"]) for o in items if isinstance(o, dict) and "id" in o)
    return ids


def _load(
    path: Path, display_name: str | None, root: Path | None = None
) -> tuple[Document | None, list[Problem]]:
    try:
        return load_yaml(path, display_name=display_name, root=root), []
    except LessonLoadError as exc:
        return None, [Problem(exc.file, exc.line, exc.msgid, _params(exc.params))]


def validate_lesson(
    path: Path,
    *,
    pack_root: Path | None = None,
    pack_id: str | None = None,
    assets_dir: Path | None = None,
    display_name: str | None = None,
) -> tuple[Lesson | None, list[Problem]]:
    """Read and check one lesson file. Pictures are looked up in ``pack_root`` (a pack) or in
    ``assets_dir`` (built-in lessons: ``pictures/<name>.svg``)."""
    from budget_tutor.resources import assets_dir as default_assets

    doc, problems = _load(path, display_name, pack_root)  # a pack's file stays inside the pack
    if doc is None:
        return None, problems
    return check_lesson_document(
        doc, path, pack_root=pack_root, pack_id=pack_id, assets_dir=assets_dir or default_assets()
    )


def check_lesson_document(
    doc: Document,
    path: Path,
    *,
    pack_root: Path | None,
    pack_id: str | None,
    assets_dir: Path,
) -> tuple[Lesson | None, list[Problem]]:
    c = _Checker(doc, pack_root, assets_dir)
    m = c.mapping(doc.data, (), N_("a lesson file"))
    if m is None:
        return None, c.problems
    c.keys(m, (), N_("the lesson"), _LESSON_REQUIRED, _LESSON_OPTIONAL)
    if "format" in m and (m["format"] != FORMAT_VERSION or isinstance(m["format"], bool)):
        c.error(("format",), M_FORMAT, version=FORMAT_VERSION, value=str(m["format"])[:20])
    lesson_id = c.ident(m.get("id"), ("id",)) if "id" in m else None
    if lesson_id is not None and path.name != f"{lesson_id}.yaml":
        c.error(("id",), M_FILE_NAME, expected=f"{lesson_id}.yaml")
    module = c.integer(m, "module", (), 0, MAX_MODULE) if "module" in m else None
    minutes = c.integer(m, "minutes", (), 1, 600) if "minutes" in m else None
    section = (
        c.choice(m, "planner_section", (), PLANNER_SECTIONS) if "planner_section" in m else None
    )
    title = c.text(m, "title", ())
    summary = c.text(m, "summary", ())
    icon = None
    if "icon" in m:
        icon = c.ident(m["icon"], ("icon",))
        if icon is not None and not (assets_dir / "icons" / f"{icon}.svg").is_file():
            c.warning(("icon",), M_ICON_MISSING, value=icon)
    sources = []
    for i, item in enumerate(c.listing(m, "sources", ())):
        if not isinstance(item, str):
            c.error(("sources", i), M_NOT_TEXT, key="sources")
        else:
            sources.append(item.strip())
    builtin = pack_root is None and path.resolve().parent == BUILTIN_DIR
    objectives = _objectives(c, m, builtin)
    steps: list[Step] = []
    broken = False
    seen: dict[str, int] = {}
    raw_steps = c.listing(m, "steps", ())
    phases: set[str] = set()
    for i, item in enumerate(raw_steps):
        p: Path_ = ("steps", i)
        s = c.mapping(item, p, N_("a step"))
        if s is None:
            broken = True
            continue
        step_id = c.ident(s.get("id"), (*p, "id")) if "id" in s else None
        if "id" not in s:
            c.error(p, M_MISSING_KEY, what=N_("a step"), key="id")
        if step_id is not None:
            if step_id in seen:
                c.error((*p, "id"), M_DUPLICATE_ID, value=step_id, first=seen[step_id])
            else:
                seen[step_id] = c.doc.line((*p, "id"))
        step_type = s.get("type")
        if step_type not in STEP_TYPES:
            if "type" not in s:
                c.error(p, M_MISSING_KEY, what=N_("a step"), key="type")
            else:
                c.error(
                    (*p, "type"),
                    M_UNKNOWN_STEP_TYPE,
                    value=str(step_type)[:40],
                    choices=", ".join(STEP_TYPES),
                )
            broken = True
            continue
        step = _step(c, s, p, step_id or f"step-{i + 1}", str(step_type))
        if step is None:
            broken = True
            continue
        if isinstance(step, AssessmentStep):
            if step.phase in phases:
                c.error(p, M_ASSESSMENT_TWICE, value=step.phase)
            phases.add(step.phase)
        steps.append(step)
    if isinstance(m.get("steps"), list):
        count = len(raw_steps)
        interactive = sum(
            1
            for s in raw_steps
            if isinstance(s, dict)
            and isinstance(s.get("type"), str)
            and s["type"] in INTERACTIVE_TYPES
        )
        if count < MIN_STEPS:
            c.error(("steps",), M_FEW_STEPS, minimum=MIN_STEPS, count=count)
        timed = [s for s in raw_steps if isinstance(s, dict) and "minutes" in s]
        if builtin:
            for i, s in enumerate(raw_steps):
                if isinstance(s, dict) and "minutes" not in s:
                    c.error(("steps", i), M_STEP_UNTIMED)
        if raw_steps and len(timed) == count and minutes is not None:
            total = sum(s["minutes"] for s in timed if isinstance(s["minutes"], int))
            if total != minutes:
                c.error(("minutes",), M_MINUTES_SUM, total=total, minutes=minutes)
        if interactive < MIN_INTERACTIVE:
            c.error(("steps",), M_FEW_INTERACTIVE, minimum=MIN_INTERACTIVE, count=interactive)
    if broken or any(
        p.severity is Severity.ERROR and p.category != PICTURE_REFUSED for p in c.problems
    ):
        return None, c.problems
    assert lesson_id is not None and module is not None and minutes is not None and section
    lesson = Lesson(
        id=lesson_id,
        module=module,
        title=title,
        summary=summary,
        minutes=minutes,
        planner_section=section,
        steps=tuple(steps),
        path=path,
        icon=icon,
        sources=tuple(sources),
        pack_id=pack_id,
        objectives=tuple(objectives),
    )
    return lesson, c.problems


def validate_course(
    path: Path,
    lesson_ids: Iterable[str] | None = None,
    *,
    display_name: str | None = None,
    objective_ids: Iterable[str] | None = None,
) -> tuple[Course | None, list[Problem]]:
    """Read and check ``course.yaml``; ``lesson_ids`` are the lessons that exist (None: unchecked).

    Each assessment item's ``objective`` must be one of ``objective_ids``; when they are not given
    but ``lesson_ids`` are, they are read from the lesson files beside the course file."""
    from budget_tutor.resources import assets_dir

    doc, problems = _load(path, display_name)
    if doc is None:
        return None, problems
    c = _Checker(doc, None, assets_dir())
    m = c.mapping(doc.data, (), N_("the course file"))
    if m is None:
        return None, c.problems
    c.keys(m, (), N_("the course"), ("format", "id", "title", "lessons", "assessment"))
    if "format" in m and (m["format"] != FORMAT_VERSION or isinstance(m["format"], bool)):
        c.error(("format",), M_FORMAT, version=FORMAT_VERSION, value=str(m["format"])[:20])
    course_id = c.ident(m.get("id"), ("id",)) if "id" in m else None
    title = c.text(m, "title", ())
    known = set(lesson_ids) if lesson_ids is not None else None
    ids: list[str] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(c.listing(m, "lessons", ())):
        lid = c.ident(item, ("lessons", i))
        if lid is None:
            continue
        if lid in seen:
            c.error(("lessons", i), M_DUPLICATE_ID, value=lid, first=seen[lid])
            continue
        seen[lid] = c.doc.line(("lessons", i))
        if known is not None and lid not in known:
            c.error(("lessons", i), M_COURSE_LESSON_MISSING, value=lid)
        ids.append(lid)
    if objective_ids is None and lesson_ids is not None:
        objective_ids = objective_ids_in(path.parent)
    objectives = set(objective_ids) if objective_ids is not None else None
    items: list[AssessmentItem] = []
    item_ids: dict[str, int] = {}
    raw_items = c.listing(m, "assessment", ())
    for i, item in enumerate(raw_items):
        p: Path_ = ("assessment", i)
        a = c.mapping(item, p, N_("an assessment item"))
        if a is None:
            continue
        c.keys(a, p, N_("an assessment item"), ("id", "question", "options"), ("objective", "form"))
        objective = c.ident(a.get("objective"), (*p, "objective")) if "objective" in a else None
        if objective is not None and objectives is not None and objective not in objectives:
            c.error((*p, "objective"), M_UNKNOWN_OBJECTIVE, value=objective)
        form = c.choice(a, "form", p, ASSESSMENT_FORMS) if "form" in a else None
        aid = c.ident(a.get("id"), (*p, "id")) if "id" in a else None
        if aid is not None and aid in item_ids:
            c.error((*p, "id"), M_DUPLICATE_ID, value=aid, first=item_ids[aid])
        if aid is not None:
            item_ids[aid] = c.doc.line((*p, "id"))
        options = _options(c, c.listing(a, "options", p), (*p, "options"))
        if aid is not None:
            items.append(
                AssessmentItem(
                    aid, c.text(a, "question", p), options, c.doc.line(p), objective, form
                )
            )
    if "assessment" in m and not raw_items:
        c.error(("assessment",), M_NO_ASSESSMENT)
    if any(p.severity is Severity.ERROR for p in c.problems) or course_id is None:
        return None, c.problems
    return Course(course_id, title, tuple(ids), tuple(items), path), c.problems
