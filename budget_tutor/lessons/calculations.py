"""The calculation exercises' functions, mapped onto the core's own formulas.

A lesson's ``compute`` block names a function from :data:`FUNCTIONS` and gives its arguments as
decimal strings (money in major units, rates in somoni per unit, percentages as numbers). The
engine recomputes the answer here, with :mod:`budget_tutor.finance` and :mod:`budget_tutor.money`,
so a stated answer can never drift from what the planner computes. Results are ``Decimal`` in the
exercise's unit: money in major units with two decimals, months as whole numbers, percentages to
one decimal.

Formulas that are *not* in the core yet are marked ``# NOT IN CORE`` below (simple arithmetic that
a lesson needs: sums, differences, products, a year spread over twelve months).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from budget_tutor import finance, money
from budget_tutor.i18n import N_

#: Largest money argument: the same maximum a person may type.
_MAX_MINOR = money.MAX_AMOUNT
_MAX_MONTHS = 1200
_MAX_YEARS = 100


class CalculationError(ValueError):
    """Arguments a function cannot use; ``msgid``/``params`` give a translatable message."""

    def __init__(self, msgid: str, **params: str) -> None:
        super().__init__(msgid.format(**params))
        self.msgid = msgid
        self.params = params


_MISSING_ARG = N_("the function {function} needs the argument {arg}")
_UNKNOWN_ARG = N_("the function {function} has no argument {arg}")
_NOT_DECIMAL = N_('the argument {arg} must be a number written as text, like "12.5", not "{value}"')
_NOT_WHOLE = N_("the argument {arg} must be a whole number, not {value}")
_OUT_OF_RANGE = N_("the argument {arg} is out of range: {value}")
_NEVER = N_("with these numbers the goal is never reached (the monthly amount is zero or less)")
_BAD_VALUES = N_("the argument values must be a list of numbers written as text")
_IMPOSSIBLE = N_("these numbers cannot be computed: {detail}")

Kind = str  # "money" | "rate" | "percent" | "months" | "years" | "number" | "values"


@dataclass(frozen=True)
class Function:
    name: str
    required: tuple[tuple[str, Kind], ...]
    optional: tuple[tuple[str, Kind], ...]
    #: "TJS": somoni; "money": same currency as the amount; "months"; "percent"; "any".
    result_unit: str
    compute: Callable[[dict[str, object]], Decimal]

    @property
    def arg_kinds(self) -> dict[str, Kind]:
        return dict(self.required + self.optional)

    def unit_allowed(self, unit: str) -> bool:
        if self.result_unit == "any":
            return True
        if self.result_unit == "money":
            return unit in ("TJS", "RUB", "USD")
        return unit == self.result_unit


def _major(minor: int) -> Decimal:
    return (Decimal(minor) / money.MINOR_PER_MAJOR).quantize(Decimal("0.01"))


def _m(args: dict[str, object], name: str) -> int:
    value = args[name]
    assert isinstance(value, int)
    return value


def _d(args: dict[str, object], name: str) -> Decimal:
    value = args[name]
    assert isinstance(value, Decimal)
    return value


def _transfer(a: dict[str, object]) -> finance.TransferResult:
    return finance.remittance_received(
        _m(a, "amount"),
        _d(a, "rate"),
        fee_percent=_d(a, "fee_percent"),
        fee_fixed=_m(a, "fee_fixed"),
        margin_percent=_d(a, "margin_percent"),
    )


def _months_to_goal(a: dict[str, object]) -> Decimal:
    months = finance.months_to_goal(_m(a, "target"), _m(a, "monthly"), _m(a, "start"))
    if months is None:
        raise CalculationError(_NEVER)
    return Decimal(months)


def _break_even(a: dict[str, object]) -> Decimal:
    months = finance.break_even_months(_m(a, "cost"), _m(a, "monthly_profit"))
    if months is None:
        raise CalculationError(_NEVER)
    return Decimal(months)


def _sum(a: dict[str, object]) -> Decimal:
    values = a["values"]
    assert isinstance(values, list)
    return _major(sum(values))  # NOT IN CORE: plain addition of minor units


def _difference(a: dict[str, object]) -> Decimal:
    return _major(_m(a, "a") - _m(a, "b"))  # NOT IN CORE: plain subtraction


def _multiply(a: dict[str, object]) -> Decimal:
    # NOT IN CORE: amount × factor, rounded once to the minor unit with the core's rule.
    return _major(money.round_minor(Decimal(_m(a, "amount")) * _d(a, "factor")))


def _yearly_to_monthly(a: dict[str, object]) -> Decimal:
    # NOT IN CORE: a yearly amount / 12, rounded once to the minor unit with the core's rule.
    return _major(money.round_minor(Decimal(_m(a, "amount")) / 12))


_TRANSFER_OPTIONAL = (
    ("fee_percent", "percent"),
    ("fee_fixed", "money"),
    ("margin_percent", "percent"),
)

FUNCTIONS: dict[str, Function] = {
    f.name: f
    for f in (
        Function(
            "remittance_received",
            (("amount", "money"), ("rate", "rate")),
            _TRANSFER_OPTIONAL,
            "TJS",
            lambda a: _major(_transfer(a).received),
        ),
        Function(
            "transfer_cost",
            (("amount", "money"), ("rate", "rate")),
            _TRANSFER_OPTIONAL,
            "TJS",
            lambda a: _major(_transfer(a).cost),
        ),
        Function(
            "convert",
            (("amount", "money"), ("rate", "rate")),
            (),
            "TJS",
            lambda a: _major(money.convert(_m(a, "amount"), _d(a, "rate"))),
        ),
        Function(
            "percent_of",
            (("amount", "money"), ("percent", "percent")),
            (),
            "money",
            lambda a: _major(money.percent_of(_m(a, "amount"), _d(a, "percent"))),
        ),
        Function(
            "share_percent",
            (("part", "money"), ("whole", "money")),
            (),
            "percent",
            lambda a: finance.share_percent(_m(a, "part"), _m(a, "whole")),
        ),
        Function(
            "months_to_goal",
            (("target", "money"), ("monthly", "money")),
            (("start", "money"),),
            "months",
            _months_to_goal,
        ),
        Function(
            "monthly_saving_for_goal",
            (("target", "money"), ("months", "months")),
            (("start", "money"),),
            "money",
            lambda a: _major(
                finance.monthly_saving_for_goal(_m(a, "target"), _m(a, "months"), _m(a, "start"))
            ),
        ),
        Function(
            "deposit_after",
            (("balance", "money"), ("annual_rate", "percent"), ("months", "months")),
            (("monthly_addition", "money"),),
            "money",
            lambda a: _major(
                finance.deposit_after(
                    _m(a, "balance"),
                    _d(a, "annual_rate"),
                    _m(a, "months"),
                    _m(a, "monthly_addition"),
                )
            ),
        ),
        Function(
            "annuity_payment",
            (("principal", "money"), ("annual_rate", "percent"), ("months", "months")),
            (),
            "money",
            lambda a: _major(
                finance.annuity_payment(_m(a, "principal"), _d(a, "annual_rate"), _m(a, "months"))
            ),
        ),
        Function(
            "loan_total_cost",
            (("principal", "money"), ("annual_rate", "percent"), ("months", "months")),
            (),
            "money",
            lambda a: _major(
                finance.loan_total_cost(_m(a, "principal"), _d(a, "annual_rate"), _m(a, "months"))
            ),
        ),
        Function(
            "break_even_months",
            (("cost", "money"), ("monthly_profit", "money")),
            (),
            "months",
            _break_even,
        ),
        Function(
            "real_value_after",
            (("amount", "money"), ("inflation", "percent"), ("years", "years")),
            (),
            "money",
            lambda a: _major(
                finance.real_value_after(_m(a, "amount"), _d(a, "inflation"), _m(a, "years"))
            ),
        ),
        Function("sum", (("values", "values"),), (), "any", _sum),
        Function("difference", (("a", "money"), ("b", "money")), (), "any", _difference),
        Function("multiply", (("amount", "money"), ("factor", "number")), (), "any", _multiply),
        Function("yearly_to_monthly", (("amount", "money"),), (), "any", _yearly_to_monthly),
    )
}

_DEFAULTS: dict[Kind, object] = {"money": 0, "percent": Decimal(0)}


def _decimal(arg: str, value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise CalculationError(_NOT_DECIMAL, arg=arg, value=str(value)[:40])
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if not text or len(text) > 30:
        raise CalculationError(_NOT_DECIMAL, arg=arg, value=str(value)[:40])
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise CalculationError(_NOT_DECIMAL, arg=arg, value=text[:40]) from exc
    if not number.is_finite():
        raise CalculationError(_NOT_DECIMAL, arg=arg, value=text[:40])
    return number


def _money_arg(arg: str, value: object) -> int:
    number = _decimal(arg, value)
    if abs(number) > Decimal(_MAX_MINOR) / 100:
        raise CalculationError(_OUT_OF_RANGE, arg=arg, value=str(number))
    return money.to_minor(number)


def _whole(arg: str, value: object, low: int, high: int) -> int:
    number = _decimal(arg, value)
    if number != number.to_integral_value():
        raise CalculationError(_NOT_WHOLE, arg=arg, value=str(number))
    if not low <= number <= high:
        raise CalculationError(_OUT_OF_RANGE, arg=arg, value=str(number))
    return int(number)


def parse_args(function: Function, raw: Mapping[str, object]) -> dict[str, object]:
    """Check and convert a ``compute.args`` mapping (raises :class:`CalculationError`)."""
    kinds = function.arg_kinds
    for name in raw:
        if name not in kinds:
            raise CalculationError(_UNKNOWN_ARG, function=function.name, arg=str(name))
    out: dict[str, object] = {}
    for name, kind in kinds.items():
        if name not in raw:
            if any(name == r for r, _k in function.required):
                raise CalculationError(_MISSING_ARG, function=function.name, arg=name)
            out[name] = _DEFAULTS[kind]
            continue
        value = raw[name]
        if kind == "money":
            out[name] = _money_arg(name, value)
        elif kind in ("rate", "number"):
            number = _decimal(name, value)
            if not Decimal(0) <= number <= Decimal(1_000_000):
                raise CalculationError(_OUT_OF_RANGE, arg=name, value=str(number))
            out[name] = number
        elif kind == "percent":
            number = _decimal(name, value)
            if not Decimal(-100) <= number <= Decimal(1000):
                raise CalculationError(_OUT_OF_RANGE, arg=name, value=str(number))
            out[name] = number
        elif kind == "months":
            out[name] = _whole(name, value, 1, _MAX_MONTHS)
        elif kind == "years":
            out[name] = _whole(name, value, 0, _MAX_YEARS)
        elif kind == "values":
            if not isinstance(value, list) or not value or len(value) > 100:
                raise CalculationError(_BAD_VALUES)
            out[name] = [_money_arg(name, v) for v in value]
    return out


def compute(function_name: str, raw_args: Mapping[str, object]) -> Decimal:
    """The result of a calculation exercise, in its unit (raises :class:`CalculationError` or
    ``KeyError`` for an unknown function)."""
    function = FUNCTIONS[function_name]
    args = parse_args(function, raw_args)
    try:
        return function.compute(args)
    except CalculationError:
        raise
    except (ValueError, ArithmeticError) as exc:
        raise CalculationError(_IMPOSSIBLE, detail=str(exc)[:80]) from exc
