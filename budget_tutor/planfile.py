"""Plan files: one household's plan as a versioned JSON document (``docs/plan-format.md``).

The same document is what the database keeps in its ``plans`` table, so a plan file and a stored
plan can never drift apart. Reading validates every field before anything is used and names the
bad one (``incomes[2].schedule.amount: "abc" is not an amount``); writing is atomic (a temporary
file in the same folder, ``fsync``, ``os.replace``, ``fsync`` of the folder).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from budget_tutor import text_rules
from budget_tutor.i18n import N_
from budget_tutor.model import (
    MAX_HORIZON,
    Debt,
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Investment,
    InvestmentKind,
    LenderKind,
    Month,
    OneOffCost,
    Per,
    Plan,
    RateSettings,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import MAX_AMOUNT, MINOR_PER_MAJOR, Currency
from budget_tutor.scenarios import CHANGE_TYPES, Change, Scenario
from budget_tutor.storage import DiskFull, StorageError

FORMAT_NAME = "budget-tutor-plan"
#: The plan-file version this code writes and the newest it reads.
FORMAT_VERSION = 1
#: Plan files larger than this are refused before they are read.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Longest name or id accepted in a plan file.
MAX_NAME_LENGTH = 200
MAX_ID_LENGTH = 64
MAX_DESCRIPTION_LENGTH = 4000
#: Most lines accepted in one section, scenarios in a plan and changes in a scenario.
MAX_LINES = 1000

_AMOUNT_RE = re.compile(r"(-?)(\d{1,13})(?:\.(\d{1,2}))?")
_DECIMAL_RE = re.compile(r"-?\d{1,12}(?:\.\d{1,10})?")

# -- messages (English msgids, translated when shown) ------------------------------------------

_MSG_NOT_AMOUNT = N_('"{text}" is not an amount')
_MSG_AMOUNT_TYPE = N_('an amount must be written in quotes, like "1234.50"')
_MSG_AMOUNT_NEGATIVE = N_('"{text}" is below zero')
_MSG_AMOUNT_TOO_LARGE = N_('"{text}" is too large (the largest amount is {maximum})')
_MSG_NOT_NUMBER = N_('"{text}" is not a number')
_MSG_NUMBER_TYPE = N_('a rate or percentage must be written in quotes, like "2.5"')
_MSG_OUT_OF_RANGE = N_("{text} is outside the allowed range {low} to {high}")
_MSG_NOT_POSITIVE = N_("{text} must be above zero")
_MSG_NOT_INTEGER = N_("{text} is not a whole number")
_MSG_NOT_BOOL = N_("{text} is not true or false")
_MSG_NOT_TEXT = N_("{text} is not text")
_MSG_TEXT_TOO_LONG = N_("the text is longer than {maximum} characters")
_MSG_EMPTY_NAME = N_("a name is needed")
_MSG_BAD_ID = N_("an id must be text of 1 to {maximum} characters")
_MSG_NOT_CHOICE = N_('"{text}" is not one of: {choices}')
_MSG_NOT_MONTH = N_('"{text}" is not a month (write it as YYYY-MM, e.g. 2027-04)')
_MSG_NOT_OBJECT = N_("{text} is not an object")
_MSG_NOT_LIST = N_("{text} is not a list")
_MSG_TOO_MANY = N_("there are more than {maximum} entries")
_MSG_MISSING = N_("this field is missing")
_MSG_UNKNOWN_FIELD = N_("this field is not part of a Budget Tutor plan")
_MSG_DUPLICATE_ID = N_('the id "{text}" is used twice')
_MSG_UNKNOWN_PLACE = N_('"{text}" is not the id of a savings place in this plan')
_MSG_MONTHS_REPEAT = N_("month {text} appears twice")
_MSG_MONTH_NUMBER = N_("{text} is not a calendar month from 1 to 12")
_MSG_BY_MONTH_LENGTH = N_("there must be 12 amounts, one for each month from January")
_MSG_DEBT_TERMS = N_("give a monthly payment or a term in months")
_MSG_UNKNOWN_KIND = N_('"{text}" is not a kind of change: {choices}')
_MSG_FILE_TOO_LARGE = N_(
    "The file is {size} bytes; a plan file can be at most {maximum} bytes. Is it really a plan?"
)
_MSG_NOT_UTF8 = N_("The file is not a text file in UTF-8. Is it really a Budget Tutor plan?")
_MSG_NOT_JSON = N_(
    "The file is damaged or not a plan: it stops making sense at line {line}, column {column}."
)
_MSG_BAD_NUMBER = N_(
    "The file is damaged or not a plan: it contains a number Budget Tutor cannot read "
    "(NaN, Infinity or thousands of digits)."
)
_MSG_TOO_DEEP = N_("The file is nested too deeply to be a Budget Tutor plan.")
_MSG_DUPLICATE_KEY = N_('The key "{text}" appears twice in one object.')
_MSG_NOT_A_PLAN = N_("The file does not hold a Budget Tutor plan.")
_MSG_WRONG_FORMAT = N_('"{text}" is not a Budget Tutor plan file ("{expected}" expected)')
_MSG_NEWER_VERSION = N_(
    "This plan was saved by a newer Budget Tutor (file version {found}; this version reads up "
    "to {supported}). Update Budget Tutor to open it."
)
_MSG_BAD_VERSION = N_("{text} is not a plan-file version")
#: Messages that show the bad value without quotes of their own: the value is shown as JSON.
_AS_JSON = frozenset(
    {
        _MSG_OUT_OF_RANGE,
        _MSG_NOT_POSITIVE,
        _MSG_NOT_INTEGER,
        _MSG_NOT_BOOL,
        _MSG_NOT_TEXT,
        _MSG_NOT_OBJECT,
        _MSG_NOT_LIST,
        _MSG_MONTH_NUMBER,
        _MSG_MONTHS_REPEAT,
        _MSG_BAD_VERSION,
    }
)
_MSG_CANNOT_READ = N_('The file "{path}" could not be read: {reason}.')
_MSG_CANNOT_WRITE = N_(
    'The file "{path}" could not be written: {reason}. The old file is unchanged.'
)
_MSG_WRITE_DISK_FULL = N_(
    'The disk is full: "{path}" could not be written. Nothing was changed: free some space and '
    "try again."
)


class PlanFileError(StorageError):
    """A plan file (or stored plan document) that cannot be used.

    ``field`` is where the problem is (``incomes[2].schedule.amount``; empty for the whole file).
    ``str(error)`` is ``field: message`` in the language active when it is shown.
    """

    default_msgid = _MSG_NOT_A_PLAN

    def __init__(self, field: str, msgid: str, **params: object) -> None:
        self.field = field
        super().__init__(msgid, **params)

    def user_message(self) -> str:
        message = super().user_message()
        return f"{self.field}: {message}" if self.field else message


# ------------------------------------------------------------------------------------------------
# value converters: each reads a JSON value (validating it) and writes one
# ------------------------------------------------------------------------------------------------


def _shown(value: Any, *, as_json: bool = False) -> str:
    """A short, safe rendering of a bad value for a message (strings bare, unless ``as_json``:
    then as JSON, so that ``"1"`` and ``1`` differ)."""
    if isinstance(value, str) and not as_json:
        text = value
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            text = type(value).__name__
    return text if len(text) <= 40 else text[:37] + "..."


def _fail(path: str, msgid: str, value: Any = None, **params: object) -> PlanFileError:
    return PlanFileError(path, msgid, text=_shown(value, as_json=msgid in _AS_JSON), **params)


def amount_to_text(minor: int) -> str:
    """Minor units as a decimal string of major units: ``123450 -> "1234.50"``."""
    sign = "-" if minor < 0 else ""
    whole, cents = divmod(abs(minor), MINOR_PER_MAJOR)
    return f"{sign}{whole}.{cents:02d}"


def amount_from_text(value: Any, path: str, *, allow_negative: bool = False) -> int:
    """Read a decimal string of major units (``"1234.5"``) into minor units, strictly."""
    if not isinstance(value, str):
        raise _fail(path, _MSG_AMOUNT_TYPE, value)
    match = _AMOUNT_RE.fullmatch(value)
    if match is None:
        raise _fail(path, _MSG_NOT_AMOUNT, value)
    sign, whole, frac = match.groups()
    minor = int(whole) * MINOR_PER_MAJOR + int((frac or "").ljust(2, "0"))
    if sign and minor:
        if not allow_negative:
            raise _fail(path, _MSG_AMOUNT_NEGATIVE, value)
        minor = -minor
    if abs(minor) > MAX_AMOUNT:
        raise _fail(path, _MSG_AMOUNT_TOO_LARGE, value, maximum=amount_to_text(MAX_AMOUNT))
    return minor


def decimal_to_text(value: Decimal) -> str:
    """A Decimal as plain digits (never an exponent): ``Decimal("2.5") -> "2.5"``."""
    return format(value, "f")


@dataclass(frozen=True)
class _Conv:
    read: Callable[[Any, str], Any]
    write: Callable[[Any], Any]


def _optional(conv: _Conv) -> _Conv:
    return _Conv(
        read=lambda v, p: None if v is None else conv.read(v, p),
        write=lambda v: None if v is None else conv.write(v),
    )


def _amount() -> _Conv:
    return _Conv(read=amount_from_text, write=amount_to_text)


def _decimal(low: Decimal, high: Decimal, *, positive: bool = False) -> _Conv:
    def read(value: Any, path: str) -> Decimal:
        if not isinstance(value, str):
            raise _fail(path, _MSG_NUMBER_TYPE, value)
        if _DECIMAL_RE.fullmatch(value) is None:
            raise _fail(path, _MSG_NOT_NUMBER, value)
        try:
            number = Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern admits only plain digits
            raise _fail(path, _MSG_NOT_NUMBER, value) from None
        if positive and number <= 0:
            raise _fail(path, _MSG_NOT_POSITIVE, value)
        if not low <= number <= high:
            raise _fail(path, _MSG_OUT_OF_RANGE, value, low=str(low), high=str(high))
        return number

    return _Conv(read=read, write=decimal_to_text)


def _int(low: int, high: int) -> _Conv:
    def read(value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(path, _MSG_NOT_INTEGER, value)
        if not low <= value <= high:
            raise _fail(path, _MSG_OUT_OF_RANGE, value, low=str(low), high=str(high))
        return value

    return _Conv(read=read, write=lambda v: v)


def _bool() -> _Conv:
    def read(value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise _fail(path, _MSG_NOT_BOOL, value)
        return value

    return _Conv(read=read, write=lambda v: v)


def _has_control(text: str) -> bool:
    """Anything :func:`budget_tutor.text_rules.text_problem` refuses (ids use this)."""
    return text_rules.text_problem(text, multiline=True) is not None


def _text(maximum: int = MAX_NAME_LENGTH, *, required: bool = False) -> _Conv:
    def read(value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise _fail(path, _MSG_NOT_TEXT, value)
        if len(value) > maximum:
            raise _fail(path, _MSG_TEXT_TOO_LONG, value, maximum=maximum)
        problem = text_rules.text_problem(value, multiline=True)
        if problem is not None:  # the one rule for user text: docs/plan-format.md
            raise PlanFileError(path, problem.msgid, char=problem.char)
        if required and not value.strip():
            raise _fail(path, _MSG_EMPTY_NAME, value)
        return value

    return _Conv(read=read, write=lambda v: v)


def _ident(*, allow_empty: bool = False) -> _Conv:
    def read(value: Any, path: str) -> str:
        if (
            not isinstance(value, str)
            or len(value) > MAX_ID_LENGTH
            or (not value and not allow_empty)
            or _has_control(value)
        ):
            raise _fail(path, _MSG_BAD_ID, value, maximum=MAX_ID_LENGTH)
        return value

    return _Conv(read=read, write=lambda v: v)


def _episode() -> _Conv:
    """The id of one of the currency episodes the app knows (``rates.EPISODES``)."""
    from budget_tutor.rates import EPISODES

    ident = _ident()

    def read(value: Any, path: str) -> str:
        episode: str = ident.read(value, path)
        if episode not in EPISODES:
            raise _fail(path, _MSG_NOT_CHOICE, value, choices=", ".join(EPISODES))
        return episode

    return _Conv(read=read, write=lambda v: v)


def _enum(cls: type[StrEnum]) -> _Conv:
    choices = ", ".join(member.value for member in cls)

    def read(value: Any, path: str) -> StrEnum:
        if isinstance(value, str):
            for member in cls:
                if member.value == value:
                    return member
        raise _fail(path, _MSG_NOT_CHOICE, value, choices=choices)

    return _Conv(read=read, write=lambda v: v.value)


def _month_read(value: Any, path: str) -> Month:
    if not isinstance(value, str) or len(value) != 7:
        raise _fail(path, _MSG_NOT_MONTH, value)
    try:
        return Month.parse(value)
    except ValueError:
        raise _fail(path, _MSG_NOT_MONTH, value) from None


def _month() -> _Conv:
    return _Conv(read=_month_read, write=lambda m: m.iso())


def _list_of(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(path, _MSG_NOT_LIST, value)
    if len(value) > MAX_LINES:
        raise _fail(path, _MSG_TOO_MANY, value, maximum=MAX_LINES)
    return value


def _calendar_months() -> _Conv:
    def read(value: Any, path: str) -> tuple[int, ...]:
        items = _list_of(value, path)
        seen: set[int] = set()
        for i, item in enumerate(items):
            where = f"{path}[{i}]"
            if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= 12:
                raise _fail(where, _MSG_MONTH_NUMBER, item)
            if item in seen:
                raise _fail(where, _MSG_MONTHS_REPEAT, item)
            seen.add(item)
        return tuple(items)

    return _Conv(read=read, write=list)


def _by_month() -> _Conv:
    def read(value: Any, path: str) -> tuple[int, ...]:
        items = _list_of(value, path)
        if len(items) != 12:
            raise _fail(path, _MSG_BY_MONTH_LENGTH, value)
        return tuple(amount_from_text(item, f"{path}[{i}]") for i, item in enumerate(items))

    return _Conv(read=read, write=lambda v: [amount_to_text(a) for a in v])


def _lump_sums() -> _Conv:
    def read(value: Any, path: str) -> tuple[tuple[Month, int], ...]:
        result = []
        for i, item in enumerate(_list_of(value, path)):
            where = f"{path}[{i}]"
            data = _object(item, where, {"month", "amount"}, set())
            result.append(
                (
                    _month_read(data["month"], f"{where}.month"),
                    amount_from_text(data["amount"], f"{where}.amount"),
                )
            )
        return tuple(result)

    def write(value: tuple[tuple[Month, int], ...]) -> list[dict[str, str]]:
        return [{"month": m.iso(), "amount": amount_to_text(a)} for m, a in value]

    return _Conv(read=read, write=write)


def _record(cls: type) -> _Conv:
    return _Conv(read=lambda v, p: _read_record(cls, v, p), write=lambda v: _write_record(cls, v))


# ------------------------------------------------------------------------------------------------
# records: every field of every plan dataclass, with its converter
# ------------------------------------------------------------------------------------------------

_PERCENT = _decimal(Decimal(0), Decimal(100))
_RATE = _decimal(Decimal(0), Decimal(1000))
_CHANGE_PERCENT = _decimal(Decimal(-100), Decimal(1000))
_EXCHANGE_RATE = _decimal(Decimal(0), Decimal(1_000_000), positive=True)

_SPECS: dict[type, dict[str, _Conv]] = {}


def _register() -> None:
    """Fill :data:`_SPECS` (a function so that nothing is built before the converters exist)."""
    from budget_tutor.scenarios import (
        AddInvestment,
        ExchangeRateShock,
        MigrantReturns,
        OneOffExpense,
        PutOnDeposit,
        RemittanceChange,
        ReplayEpisode,
        SavingHabit,
        TakeLoan,
    )

    schedule = _record(Schedule)
    _SPECS.update(
        {
            Household: {
                "name": _text(required=True),
                "people": _int(1, 100),
                "region": _text(),
                "currency": _enum(Currency),
                "start_month": _month(),
                "opening_cash": _amount(),
            },
            Schedule: {
                "amount": _amount(),
                "per": _enum(Per),
                "months": _calendar_months(),
                "by_month": _optional(_by_month()),
            },
            Income: {
                "id": _ident(),
                "name": _text(),
                "kind": _enum(IncomeKind),
                "schedule": schedule,
                "currency": _enum(Currency),
                "fee_percent": _PERCENT,
                "fee_fixed": _amount(),
                "rate_margin_percent": _PERCENT,
            },
            Expense: {
                "id": _ident(),
                "name": _text(),
                "category": _enum(ExpenseCategory),
                "schedule": schedule,
                "essential": _bool(),
            },
            OneOffCost: {
                "id": _ident(),
                "name": _text(),
                "category": _enum(ExpenseCategory),
                "amount": _amount(),
                "month": _month(),
                "essential": _bool(),
            },
            SavingsPlace: {
                "id": _ident(),
                "name": _text(),
                "kind": _enum(SavingsKind),
                "opening_balance": _amount(),
                "annual_rate": _RATE,
                "contribution": schedule,
                "percent_of_remittance": _PERCENT,
                "lump_sums": _lump_sums(),
                "habit_from": _optional(_month()),
            },
            SavingsGoal: {
                "id": _ident(),
                "name": _text(),
                "target": _amount(),
                "place_id": _ident(),
                "target_month": _optional(_month()),
                "priority": _int(1, 1000),
            },
            Debt: {
                "id": _ident(),
                "name": _text(),
                "lender": _enum(LenderKind),
                "principal": _amount(),
                "annual_rate": _RATE,
                "start_month": _month(),
                "monthly_payment": _optional(_amount()),
                "term_months": _optional(_int(1, 600)),
                "received": _bool(),
            },
            Investment: {
                "id": _ident(),
                "name": _text(),
                "kind": _enum(InvestmentKind),
                "cost": _amount(),
                "start_month": _month(),
                "running_costs": schedule,
                "income": schedule,
                "income_delay_months": _int(0, MAX_HORIZON),
                "resale_value": _amount(),
            },
            RateSettings: {
                "tjs_per_rub": _optional(_EXCHANGE_RATE),
                "tjs_per_usd": _optional(_EXCHANGE_RATE),
            },
            RemittanceChange: {"percent": _CHANGE_PERCENT, "from_month": _month()},
            ExchangeRateShock: {
                "percent": _CHANGE_PERCENT,
                "from_month": _month(),
                "currency": _enum(Currency),
            },
            ReplayEpisode: {"episode": _episode(), "from_month": _month()},
            MigrantReturns: {
                "from_month": _month(),
                "months": _optional(_int(1, MAX_HORIZON)),
                "new_local_income": _amount(),
            },
            OneOffExpense: {
                "name": _text(),
                "amount": _amount(),
                "month": _month(),
                "category": _enum(ExpenseCategory),
            },
            SavingHabit: {
                "monthly_amount": _amount(),
                "percent_of_remittance": _PERCENT,
                "place_id": _ident(allow_empty=True),
                "from_month": _optional(_month()),
            },
            AddInvestment: {"investment": _record(Investment)},
            PutOnDeposit: {"amount": _amount(), "month": _month(), "annual_rate": _RATE},
            TakeLoan: {"debt": _record(Debt)},
        }
    )


def _specs() -> dict[type, dict[str, _Conv]]:
    if not _SPECS:
        _register()
    return _SPECS


def record_fields(cls: type) -> tuple[str, ...]:
    """The JSON keys of a record type (every dataclass field; a change's ``kind`` is its tag)."""
    return tuple(_specs()[cls])


def _object(value: Any, path: str, required: set[str], optional: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, _MSG_NOT_OBJECT, value)
    for key in value:
        if key not in required and key not in optional:
            raise PlanFileError(_join(path, key), _MSG_UNKNOWN_FIELD)
    for key in sorted(required):
        if key not in value:
            raise PlanFileError(_join(path, key), _MSG_MISSING)
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _read_record(cls: type, value: Any, path: str, extra: frozenset[str] = frozenset()) -> Any:
    spec = _specs()[cls]
    defaults = {
        f.name
        for f in dataclasses.fields(cls)
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
    }
    required = {name for name in spec if name not in defaults}
    data = _object(value, path, required, (set(spec) - required) | set(extra))
    values = {
        name: conv.read(data[name], _join(path, name))
        for name, conv in spec.items()
        if name in data
    }
    try:
        return cls(**values)
    except (ValueError, TypeError):  # pragma: no cover - every rule is checked above
        raise PlanFileError(path, _MSG_NOT_A_PLAN) from None


def _write_record(cls: type, obj: Any) -> dict[str, Any]:
    return {name: conv.write(getattr(obj, name)) for name, conv in _specs()[cls].items()}


# ------------------------------------------------------------------------------------------------
# the whole plan
# ------------------------------------------------------------------------------------------------

_SECTIONS: tuple[tuple[str, type], ...] = (
    ("incomes", Income),
    ("expenses", Expense),
    ("one_offs", OneOffCost),
    ("savings", SavingsPlace),
    ("goals", SavingsGoal),
    ("debts", Debt),
    ("investments", Investment),
)
_TOP_LEVEL = {"format", "version", "household", "rates", "scenarios"} | {s for s, _ in _SECTIONS}


def _write_change(change: object) -> dict[str, Any]:
    kind = getattr(change, "kind", None)
    if kind not in CHANGE_TYPES or not isinstance(change, CHANGE_TYPES[kind]):
        raise TypeError(f"not a scenario change: {change!r}")
    return {"kind": kind, **_write_record(CHANGE_TYPES[kind], change)}


def _write_scenario(scenario: object) -> dict[str, Any]:
    if not isinstance(scenario, Scenario):
        raise TypeError(f"not a scenario: {scenario!r}")
    return {
        "id": scenario.id,
        "name": scenario.name,
        "description": scenario.description,
        "changes": [_write_change(c) for c in scenario.changes],
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as a JSON-ready document (format ``budget-tutor-plan``, version 1)."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "household": _write_record(Household, plan.household),
    }
    for section, cls in _SECTIONS:
        document[section] = [_write_record(cls, line) for line in getattr(plan, section)]
    document["rates"] = _write_record(RateSettings, plan.rates)
    document["scenarios"] = [_write_scenario(s) for s in plan.scenarios]
    return document


def _read_change(value: Any, path: str) -> Change:
    if not isinstance(value, dict):
        raise _fail(path, _MSG_NOT_OBJECT, value)
    if "kind" not in value:
        raise PlanFileError(_join(path, "kind"), _MSG_MISSING)
    kind = value["kind"]
    if not isinstance(kind, str) or kind not in CHANGE_TYPES:
        raise _fail(_join(path, "kind"), _MSG_UNKNOWN_KIND, kind, choices=", ".join(CHANGE_TYPES))
    change: Change = _read_record(CHANGE_TYPES[kind], value, path, extra=frozenset({"kind"}))
    return change


def _read_scenario(value: Any, path: str) -> Scenario:
    data = _object(value, path, {"id", "name"}, {"description", "changes"})
    changes = tuple(
        _read_change(item, f"{path}.changes[{i}]")
        for i, item in enumerate(_list_of(data.get("changes", []), f"{path}.changes"))
    )
    return Scenario(
        id=_ident().read(data["id"], f"{path}.id"),
        name=_text().read(data["name"], f"{path}.name"),
        changes=changes,
        description=_text(MAX_DESCRIPTION_LENGTH).read(
            data.get("description", ""), f"{path}.description"
        ),
    )


def _check_unique(lines: tuple[Any, ...], section: str) -> None:
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line.id in seen:
            raise _fail(f"{section}[{i}].id", _MSG_DUPLICATE_ID, line.id)
        seen.add(line.id)


def plan_from_dict(data: Any) -> Plan:
    """Validate a plan document completely and build the plan; raises :class:`PlanFileError`."""
    if not isinstance(data, dict):
        raise PlanFileError("", _MSG_NOT_A_PLAN)
    if "format" not in data:
        raise PlanFileError("format", _MSG_MISSING)
    if data["format"] != FORMAT_NAME:
        raise _fail("format", _MSG_WRONG_FORMAT, data["format"], expected=FORMAT_NAME)
    if "version" not in data:
        raise PlanFileError("version", _MSG_MISSING)
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _fail("version", _MSG_BAD_VERSION, version)
    if version > FORMAT_VERSION:
        raise PlanFileError(
            "version", _MSG_NEWER_VERSION, found=str(version), supported=str(FORMAT_VERSION)
        )
    _object(data, "", {"format", "version", "household"}, _TOP_LEVEL)
    household = _read_record(Household, data["household"], "household")
    sections: dict[str, tuple[Any, ...]] = {}
    for section, cls in _SECTIONS:
        items = _list_of(data.get(section, []), section)
        lines = tuple(_read_record(cls, item, f"{section}[{i}]") for i, item in enumerate(items))
        _check_unique(lines, section)
        sections[section] = lines
    places = {place.id for place in sections["savings"]}
    for i, goal in enumerate(sections["goals"]):
        if goal.place_id not in places:
            raise _fail(f"goals[{i}].place_id", _MSG_UNKNOWN_PLACE, goal.place_id)
    for i, debt in enumerate(sections["debts"]):
        if debt.monthly_payment is None and debt.term_months is None:
            raise PlanFileError(f"debts[{i}].monthly_payment", _MSG_DEBT_TERMS)
    rates = _read_record(RateSettings, data.get("rates", {}), "rates")
    scenarios = tuple(
        _read_scenario(item, f"scenarios[{i}]")
        for i, item in enumerate(_list_of(data.get("scenarios", []), "scenarios"))
    )
    _check_unique(scenarios, "scenarios")
    for i, scenario in enumerate(scenarios):
        for j, change in enumerate(scenario.changes):
            debt = getattr(change, "debt", None)
            if isinstance(debt, Debt) and debt.monthly_payment is None and debt.term_months is None:
                raise PlanFileError(
                    f"scenarios[{i}].changes[{j}].debt.monthly_payment", _MSG_DEBT_TERMS
                )
    return Plan(household=household, rates=rates, scenarios=scenarios, **sections)


# ------------------------------------------------------------------------------------------------
# text and files
# ------------------------------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _fail("", _MSG_DUPLICATE_KEY, key)
        result[key] = value
    return result


# A list of whole numbers spread over lines by ``indent``; raw newlines never occur inside JSON
# strings, so this cannot match text inside a name.
_NUMBER_LIST_RE = re.compile(r"\[\n\s+(-?\d+(?:,\n\s+-?\d+)*)\n\s*\]")


def plan_to_json(plan: Plan) -> str:
    """The plan document as JSON text (UTF-8, indented, keys in a stable order; lists of
    calendar months on one line)."""
    text = json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2)
    text = _NUMBER_LIST_RE.sub(lambda m: "[" + re.sub(r",\n\s+", ", ", m.group(1)) + "]", text)
    return text + "\n"


def plan_from_json(raw: bytes | str) -> Plan:
    """Read a plan from JSON text or bytes, validating size, encoding, syntax and every field."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise PlanFileError("", _MSG_FILE_TOO_LARGE, size=len(raw), maximum=MAX_FILE_BYTES)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise PlanFileError("", _MSG_NOT_UTF8) from None
    else:
        text = raw
        if len(text) > MAX_FILE_BYTES:
            raise PlanFileError("", _MSG_FILE_TOO_LARGE, size=len(text), maximum=MAX_FILE_BYTES)
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
        )
    except json.JSONDecodeError as exc:
        raise PlanFileError("", _MSG_NOT_JSON, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise PlanFileError("", _MSG_TOO_DEEP) from None
    except ValueError:  # NaN/Infinity, or an integer with thousands of digits
        raise PlanFileError("", _MSG_BAD_NUMBER) from None
    return plan_from_dict(data)


def load_plan_file(path: str | os.PathLike[str]) -> Plan:
    """Read and validate a plan file; raises :class:`PlanFileError` naming what is wrong."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise PlanFileError("", _MSG_FILE_TOO_LARGE, size=size, maximum=MAX_FILE_BYTES)
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise PlanFileError(
            "", _MSG_CANNOT_READ, path=str(path), reason=exc.strerror or str(exc)
        ) from None
    return plan_from_json(raw)


def save_plan_file(path: str | os.PathLike[str], plan: Plan) -> None:
    """Write the plan as a plan file, atomically; raises :class:`PlanFileError` (nothing changed)."""
    import errno

    from budget_tutor.i18n import _
    from budget_tutor.safe_write import ExportError, write_bytes

    path = Path(path)
    data = plan_to_json(plan).encode("utf-8", errors="replace")

    def complete(written: bytes) -> str | None:
        # the bytes read back are the ones written (checked by write_bytes) and they parse
        try:
            json.loads(written)
        except ValueError:
            return _("the file came out incomplete")
        return None

    try:
        write_bytes(path, data, complete)
    except ExportError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(_MSG_WRITE_DISK_FULL, path=str(path)) from None
        raise PlanFileError("", _MSG_CANNOT_WRITE, path=str(path), reason=exc.reason) from None
