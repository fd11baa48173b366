"""When the purse runs short, savings are drawn on most liquid first: the cash box, then the
savings group, then the deposit, then livestock (model.WITHDRAWAL_ORDER). Worked out by hand."""

from __future__ import annotations

from budget_tutor.model import (
    Expense,
    ExpenseCategory,
    Household,
    Month,
    Plan,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import major
from budget_tutor.projection import project

START = Month(2027, 1)


def plan_with_every_kind(spending: int) -> Plan:
    # Listed in the opposite order on purpose: the order of the lines must not matter.
    return Plan(
        household=Household("Test", 4, "Kulob", start_month=START, opening_cash=0),
        expenses=(Expense("food", "Food", ExpenseCategory.FOOD, Schedule.monthly(spending)),),
        savings=(
            SavingsPlace("cow", "The cow", SavingsKind.LIVESTOCK, major(300)),
            SavingsPlace("bank", "Deposit", SavingsKind.DEPOSIT, major(300)),
            SavingsPlace("group", "Savings group", SavingsKind.SAVINGS_GROUP, major(300)),
            SavingsPlace("box", "Cash box", SavingsKind.CASH, major(300)),
        ),
    )


def test_the_cash_box_first_then_the_group():
    first = project(plan_with_every_kind(major(500)), 1).rows[0]
    # 500 short: the cash box gives its 300, the group 200 of its 300; the rest untouched
    assert first.withdrawals == major(500)
    assert first.savings_close == {
        "cow": major(300),
        "bank": major(300),
        "group": major(100),
        "box": 0,
    }


def test_the_deposit_before_the_livestock():
    first = project(plan_with_every_kind(major(800)), 1).rows[0]
    # 800 short: box 300, group 300, deposit 200; the cow is sold last
    assert first.savings_close == {"cow": major(300), "bank": major(100), "group": 0, "box": 0}
