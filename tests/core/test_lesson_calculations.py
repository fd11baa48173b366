"""Calculation exercises use the core's formulas: the table agrees with budget_tutor.finance."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor import finance, money
from budget_tutor.lessons.calculations import FUNCTIONS, CalculationError, compute
from budget_tutor.lessons.library import builtin_lessons_dir
from budget_tutor.lessons.model import CalculationStep, Severity
from budget_tutor.lessons.validate import validate_lesson

D = Decimal


def tjs(minor: int) -> Decimal:
    return D(minor) / 100


TRANSFER = {"amount": "8000", "rate": "0.1150", "fee_percent": "1", "margin_percent": "1.5"}


def test_transfer_functions_match_the_core() -> None:
    core = finance.remittance_received(800000, D("0.1150"), D(1), 0, D("1.5"))
    assert compute("remittance_received", TRANSFER) == tjs(core.received) == D("897.14")
    assert compute("transfer_cost", TRANSFER) == tjs(core.cost) == D("22.86")
    with_fixed = dict(TRANSFER, fee_fixed="50")
    core2 = finance.remittance_received(800000, D("0.1150"), D(1), 5000, D("1.5"))
    assert compute("remittance_received", with_fixed) == tjs(core2.received)


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        ("convert", {"amount": "1000", "rate": "0.1150"}, tjs(money.convert(100000, D("0.1150")))),
        ("percent_of", {"amount": "2500", "percent": "12"}, tjs(money.percent_of(250000, D(12)))),
        ("share_percent", {"part": "1200", "whole": "3000"}, finance.share_percent(120000, 300000)),
        ("months_to_goal", {"target": "3000", "monthly": "400"}, D(finance.months_to_goal(300000, 40000) or 0)),
        ("months_to_goal", {"target": "3000", "monthly": "400", "start": "1000"}, D(5)),
        ("monthly_saving_for_goal", {"target": "5000", "months": "7"}, tjs(finance.monthly_saving_for_goal(500000, 7))),
        ("deposit_after", {"balance": "10000", "annual_rate": "12", "months": "12", "monthly_addition": "100"},
         tjs(finance.deposit_after(1000000, D(12), 12, 10000))),
        ("annuity_payment", {"principal": "10000", "annual_rate": "30", "months": "12"},
         tjs(finance.annuity_payment(1000000, D(30), 12))),
        ("loan_total_cost", {"principal": "10000", "annual_rate": "30", "months": "12"},
         tjs(finance.loan_total_cost(1000000, D(30), 12))),
        ("break_even_months", {"cost": "9000", "monthly_profit": "700"}, D(13)),
        ("real_value_after", {"amount": "1000", "inflation": "5", "years": "3"},
         tjs(finance.real_value_after(100000, D(5), 3))),
        ("sum", {"values": ["1200.50", "300", "0.25"]}, D("1500.75")),
        ("difference", {"a": "1000", "b": "1250.5"}, D("-250.50")),
        ("multiply", {"amount": "333.33", "factor": "3"}, D("999.99")),
        ("multiply", {"amount": "10", "factor": "0.125"}, D("1.25")),
        ("yearly_to_monthly", {"amount": "1000"}, D("83.33")),
    ],
)  # fmt: skip
def test_every_function_agrees_with_the_core(function: str, args: dict, expected: Decimal) -> None:  # type: ignore[type-arg]
    assert compute(function, args) == expected


def test_the_table_has_every_function_of_the_format() -> None:
    assert set(FUNCTIONS) == {
        "remittance_received", "transfer_cost", "convert", "percent_of", "share_percent",
        "months_to_goal", "monthly_saving_for_goal", "deposit_after", "annuity_payment",
        "loan_total_cost", "break_even_months", "real_value_after", "sum", "difference",
        "multiply", "yearly_to_monthly",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("function", "args", "fragment"),
    [
        ("convert", {"amount": "1e6", "rate": "1"}, None),
        ("convert", {"amount": "NaN", "rate": "1"}, "number"),
        ("convert", {"amount": "Infinity", "rate": "1"}, "number"),
        ("convert", {"amount": 1.5, "rate": "1"}, "number"),
        ("convert", {"amount": "1", "rate": "1", "extra": "2"}, "no argument extra"),
        ("convert", {"amount": "1000000000", "rate": "1"}, "out of range"),
        ("deposit_after", {"balance": "1", "annual_rate": "1", "months": "1.5"}, "whole number"),
        ("annuity_payment", {"principal": "1", "annual_rate": "1", "months": "0"}, "out of range"),
        ("months_to_goal", {"target": "100", "monthly": "0"}, "never reached"),
        ("sum", {"values": "12"}, "list of numbers"),
        ("sum", {"values": []}, "list of numbers"),
    ],
)
def test_bad_arguments_raise_calculation_error(
    function: str, args: dict, fragment: str | None
) -> None:  # type: ignore[type-arg]
    if fragment is None:  # exponent notation is a valid decimal: 1e6 = 1 000 000
        assert compute(function, args) == D("1000000.00")
        return
    with pytest.raises(CalculationError) as info:
        compute(function, args)
    assert fragment in str(info.value)


BUILTIN = sorted(p for p in builtin_lessons_dir().glob("*.yaml") if p.name != "course.yaml")


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.stem)
def test_builtin_calculations_agree_with_the_engine(path: Path) -> None:
    """Every calculation step of a built-in lesson: its stated answer is what the core computes."""
    lesson, problems = validate_lesson(path)
    calc_problems = [
        p for p in problems
        if p.severity is Severity.ERROR and ("calculation" in p.msgid or "stated answer" in p.msgid
                                              or "function" in p.msgid)
    ]  # fmt: skip
    assert calc_problems == [], [p.describe() for p in calc_problems]
    if lesson is not None:
        for step in lesson.steps:
            if isinstance(step, CalculationStep):
                assert (
                    abs(step.stated_answer - compute(step.function, dict(step.args)))
                    <= step.tolerance
                )
