"""What the projection models, checked against numbers worked out by hand (issue 13, point 6):
a goal's month only while it stays reached, interest only where a place can pay it, a negative
purse shown as money found from others."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget_tutor.model import (
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Month,
    OneOffCost,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import major
from budget_tutor.planfile import plan_from_json, plan_to_json
from budget_tutor.projection import project
from tests.core.strategies import plans

START = Month(2027, 1)


def _box_plan(*one_offs: OneOffCost) -> Plan:
    """A pension of 100 a month, all of it put in a cash box (empty at the start), a goal of 300
    on the box, no other spending: the box holds 100, 200, 300, … until a one-off is paid."""
    return Plan(
        household=Household("Test", 1, start_month=START),
        incomes=(Income("pension", "Pension", IncomeKind.PENSION, Schedule.monthly(major(100))),),
        savings=(
            SavingsPlace(
                "box", "Box", SavingsKind.CASH, 0, contribution=Schedule.monthly(major(100))
            ),
        ),
        goals=(SavingsGoal("roof", "Roof", major(300), "box"),),
        one_offs=one_offs,
    )


def test_goal_that_stays_reached_keeps_its_first_month() -> None:
    p = project(_box_plan(), 6)
    goal = p.summary.goals[0]
    # Jan 100, Feb 200, Mar 300: reached in March and never drawn down.
    assert goal.reached == Month(2027, 3)
    assert goal.first_reached == Month(2027, 3)


def test_goal_drawn_below_its_target_counts_from_when_it_is_held_again() -> None:
    # May: the purse gets 100 and pays 250, so it is 150 short; no contribution (nothing to move)
    # and the box pays the 150: 400 -> 250, below the 300 of the goal. June: 250 + 100 = 350.
    p = project(
        _box_plan(OneOffCost("w", "Wedding", ExpenseCategory.OTHER, major(250), Month(2027, 5))), 8
    )
    box = [r.savings_close["box"] for r in p.rows]
    assert box == [major(x) for x in (100, 200, 300, 400, 250, 350, 450, 550)]
    goal = p.summary.goals[0]
    assert goal.first_reached == Month(2027, 3)
    assert goal.reached == Month(2027, 6)


def test_goal_drawn_down_before_the_end_is_not_reached() -> None:
    # The same wedding in May, but the horizon ends in May: the box holds 250 < 300 at the end.
    p = project(
        _box_plan(OneOffCost("w", "Wedding", ExpenseCategory.OTHER, major(250), Month(2027, 5))), 5
    )
    goal = p.summary.goals[0]
    assert p.rows[-1].savings_close["box"] == major(250)
    assert goal.reached is None
    assert goal.first_reached == Month(2027, 3)
    assert goal.on_time is None  # no target month


def test_goal_with_a_target_month_is_late_when_its_money_was_spent() -> None:
    plan = _box_plan(OneOffCost("w", "Wedding", ExpenseCategory.OTHER, major(250), Month(2027, 5)))
    plan = plan.replace(goals=(SavingsGoal("roof", "Roof", major(300), "box", Month(2027, 4)),))
    goal = project(plan, 8).summary.goals[0]
    # Held in March and April (on time), spent in May, held again from June: late.
    assert goal.first_reached == Month(2027, 3)
    assert goal.reached == Month(2027, 6)
    assert goal.on_time is False


# -- interest only where a place can pay it ----------------------------------------------------


def _four_places_at_12_percent() -> Plan:
    """Each kind of place holds 10,000 with 12 % a year typed on it; nothing comes in or goes out."""
    return Plan(
        household=Household("Test", 1, start_month=START),
        savings=tuple(
            SavingsPlace(kind.value, kind.value, kind, major(10000), Decimal(12))
            for kind in (
                SavingsKind.CASH,
                SavingsKind.DEPOSIT,
                SavingsKind.SAVINGS_GROUP,
                SavingsKind.LIVESTOCK,
            )
        ),
    )


def test_only_a_bank_deposit_earns_interest() -> None:
    p = project(_four_places_at_12_percent(), 2)
    jan, feb = p.rows
    # 10,000 × 12 / 1200 = 100 in January; (10,100) × 1 % = 101 in February.
    assert jan.interest_earned == major(100)
    assert feb.interest_earned == major(101)
    assert feb.savings_close == {
        "cash": major(10000),
        "deposit": major(10201),
        "savings_group": major(10000),
        "livestock": major(10000),
    }
    assert p.summary.net_worth_end == 3 * major(10000) + major(10201)


def test_a_rate_typed_on_cash_or_livestock_loads_and_saves_unchanged_but_earns_nothing() -> None:
    plan = _four_places_at_12_percent()
    again = plan_from_json(plan_to_json(plan))
    assert [p.annual_rate for p in again.savings] == [Decimal(12)] * 4
    assert [p.interest_rate for p in again.savings] == [0, Decimal(12), 0, 0]
    assert project(again, 12).rows[-1].savings_close["cash"] == major(10000)


# -- a negative purse is money found from others -----------------------------------------------


def _winter_plan(*savings: SavingsPlace) -> Plan:
    """A pension of 100 a month; food costs 250 in January, February and March only."""
    return Plan(
        household=Household("Test", 1, start_month=START),
        incomes=(Income("pension", "Pension", IncomeKind.PENSION, Schedule.monthly(major(100))),),
        expenses=(
            Expense("food", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(250), (1, 2, 3))),
        ),
        savings=savings,
    )


def test_a_negative_purse_is_shown_as_money_borrowed_from_others() -> None:
    p = project(_winter_plan(), 8)
    # Jan 0 + 100 − 250 = −150, Feb −300, Mar −450; then +100 a month: −350, −250, −150, −50, +50.
    assert [r.cash_close for r in p.rows] == [
        major(x) for x in (-150, -300, -450, -350, -250, -150, -50, 50)
    ]
    assert [r.owed_to_others for r in p.rows] == [
        major(x) for x in (150, 300, 450, 350, 250, 150, 50, 0)
    ]
    assert [r.borrowed_from_others for r in p.rows] == [
        major(x) for x in (150, 150, 150, 0, 0, 0, 0, 0)
    ]
    assert [r.repaid_to_others for r in p.rows] == [
        major(x) for x in (0, 0, 0, 100, 100, 100, 100, 50)
    ]
    s = p.summary
    assert s.borrowed_from_others == major(450)
    assert s.most_owed_to_others == major(450)
    assert s.most_owed_month == Month(2027, 3)
    assert s.first_short_month == Month(2027, 1)
    assert s.lowest_balance == major(-450)  # cash_close keeps its sign for the charts


def test_savings_are_used_before_anything_is_borrowed() -> None:
    box = SavingsPlace("box", "Box", SavingsKind.CASH, major(200))
    p = project(_winter_plan(box), 3)
    jan, feb, mar = p.rows
    # Jan: short 150, the box pays it (200 -> 50): nothing borrowed.
    assert (jan.withdrawals, jan.borrowed_from_others) == (major(150), 0)
    # Feb: short 150, the box pays its last 50, 100 is found from others; Mar: 150 more.
    assert (feb.withdrawals, feb.borrowed_from_others) == (major(50), major(100))
    assert (mar.withdrawals, mar.borrowed_from_others, mar.owed_to_others) == (
        0,
        major(150),
        major(250),
    )
    assert p.summary.borrowed_from_others == major(250)


def test_a_plan_that_never_runs_short_borrows_nothing() -> None:
    s = project(_box_plan(), 6).summary
    assert (s.borrowed_from_others, s.most_owed_to_others, s.most_owed_month) == (0, 0, None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.integers(min_value=1, max_value=36))
def test_money_owed_to_others_reconciles_and_comes_after_savings(plan: Plan, months: int) -> None:
    p = project(plan, months)
    owed = -plan.household.opening_cash if plan.household.opening_cash < 0 else 0
    for r in p.rows:
        assert r.owed_to_others == owed + r.borrowed_from_others - r.repaid_to_others
        assert not (r.borrowed_from_others and r.repaid_to_others)
        if r.borrowed_from_others:
            assert r.savings_total == 0  # nothing is borrowed while savings could pay
        owed = r.owed_to_others
    assert p.summary.borrowed_from_others == sum(r.borrowed_from_others for r in p.rows)
    assert p.summary.most_owed_to_others == max(r.owed_to_others for r in p.rows)
    # A goal's month: its place holds the goal's target plus those filled before it (lower
    # priority number, then plan order) in that month and every later one, not in the month before.
    order = {g.id: (g.priority, k) for k, g in enumerate(plan.goals)}
    for k, g in enumerate(plan.goals):
        result = p.summary.goals[k]
        need = sum(
            x.target for x in plan.goals if x.place_id == g.place_id and order[x.id] <= order[g.id]
        )
        held = [r.savings_close.get(g.place_id, 0) >= need for r in p.rows]
        if result.reached is None:
            assert not held[-1]
            continue
        start = result.reached.minus(p.rows[0].month)
        assert all(held[start:]) and (start == 0 or not held[start - 1])
        assert result.first_reached is not None and result.first_reached <= result.reached
