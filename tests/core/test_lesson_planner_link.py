"""A planner task's suggested amount, from a fixed amount or from the family's own plan."""

from __future__ import annotations

from decimal import Decimal

from budget_tutor.lessons.model import Suggestion
from budget_tutor.lessons.planner_link import monthly_essentials, monthly_food, suggested_amount
from budget_tutor.model import Expense, ExpenseCategory, Household, Plan, Schedule


def plan() -> Plan:
    return Plan(
        Household("Rahimov"),
        expenses=(
            Expense("f", "Flour and oil", ExpenseCategory.FOOD, Schedule.monthly(150000)),
            Expense("m", "Meat", ExpenseCategory.FOOD, Schedule.yearly(100000, (11, 12))),
            Expense("c", "Coal", ExpenseCategory.HEATING, Schedule.yearly(240000, (10, 11))),
            Expense(
                "p", "New phone", ExpenseCategory.OTHER, Schedule.monthly(5000), essential=False
            ),
        ),
    )


def test_monthly_averages() -> None:
    p = plan()
    assert monthly_food(p) == 150000 + 8333  # 1 000 somoni a year / 12 = 83.33
    assert monthly_essentials(p) == 150000 + 8333 + 20000


def test_suggested_amounts() -> None:
    p = plan()
    assert (
        suggested_amount(Suggestion("add_goal", "Fund", amount_rule="months_of_food", months=3), p)
        == 3 * 158333
    )
    assert (
        suggested_amount(
            Suggestion("add_goal", "Fund", amount_rule="months_of_essentials", months=2), p
        )
        == 2 * 178333
    )
    assert suggested_amount(Suggestion("add_savings", "Save", amount=Decimal("300.5")), p) == 30050
    assert suggested_amount(Suggestion("add_savings", "Save", amount=Decimal("300")), None) == 30000
    assert (
        suggested_amount(
            Suggestion("add_goal", "Fund", amount_rule="months_of_food", months=3), None
        )
        is None
    )
    empty = Plan(Household("New"))
    assert (
        suggested_amount(
            Suggestion("add_goal", "Fund", amount_rule="months_of_food", months=3), empty
        )
        is None
    )
    assert suggested_amount(Suggestion("add_goal", "Fund"), p) is None
