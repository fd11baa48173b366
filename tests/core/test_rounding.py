"""Half up wherever docs/projection.md says so: the cases an outside check found rounding half
even (a remittance scaled by a scenario, savings rate and food share), worked out by hand, and a
property over many amounts and factors with the expected value from integer arithmetic."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from budget_tutor import finance
from budget_tutor.model import Household, Income, IncomeKind, Month, Plan, Schedule
from budget_tutor.money import Currency, round_to_places
from budget_tutor.projection import project
from budget_tutor.scenarios import RemittanceChange, Scenario

START = Month(2027, 1)


def remittance_plan(minor: int) -> Plan:
    return Plan(
        household=Household("Test", 4, "Kulob", start_month=START, opening_cash=0),
        incomes=(
            Income(
                "remit",
                "Money from abroad",
                IncomeKind.REMITTANCE,
                Schedule.monthly(minor),
                Currency.TJS,
            ),
        ),
    )


def scaled_first_month(minor: int, percent: Decimal) -> int:
    scenario = Scenario("s", "less", (RemittanceChange(percent, START),), "")
    plan = remittance_plan(minor)
    return project(plan.replace(scenarios=(scenario,)), 1, scenario).rows[0].remittance_income


def test_a_scaled_remittance_rounds_half_up() -> None:
    # 200.20 somoni less 7.5 %: 20,020 x 0.925 = 18,518.5 dirams -> 18,519 (half up), not 18,518
    assert scaled_first_month(20020, Decimal("-7.5")) == 18519


def test_shares_round_half_up() -> None:
    assert finance.share_percent(1225, 10000) == Decimal("12.3")  # 12.25 %
    assert finance.share_percent(1, 8) == Decimal("12.5")
    assert finance.share_percent(1, 16) == Decimal("6.3")  # 6.25 %
    assert round_to_places(Decimal("2.5"), 0) == 3
    assert round_to_places(Decimal("0.125"), 2) == Decimal("0.13")


@settings(max_examples=300, deadline=None)
@given(
    minor=st.integers(min_value=1, max_value=10**9),
    tenths=st.integers(min_value=-999, max_value=5000),  # -99.9 % … +500 %
)
def test_scaled_remittance_is_half_up_for_any_amount(minor: int, tenths: int) -> None:
    # exact: minor x (1000 + tenths) / 1000, rounded half up with integers only
    numerator = minor * (1000 + tenths)
    expected = (2 * numerator + 1000) // 2000
    assert scaled_first_month(minor, Decimal(tenths) / 10) == expected
