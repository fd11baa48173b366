"""Finance formulas, the bundled rate table and the scenario changes of the plan."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget_tutor import finance
from budget_tutor.model import Month, Plan, RateSettings, SavingsKind
from budget_tutor.money import Currency, major
from budget_tutor.rates import EPISODES, RateTableError, bundled_rates, read_rate_table
from budget_tutor.scenarios import (
    OneOffExpense,
    PutOnDeposit,
    SavingHabit,
    apply_to_plan,
)
from tests.core.test_projection import kulob_family


def test_remittance_by_hand() -> None:
    r = finance.remittance_received(major(8000), Decimal("0.1150"), Decimal(1), 0, Decimal("1.5"))
    # fee 80 RUB; 7,920 * 0.1150 * 0.985 = 897.138 -> 897.14
    assert r.fee == major(80)
    assert r.received == 89714
    assert r.mid_value == major(920)
    assert r.cost == major(920) - 89714


@given(
    st.integers(1, 10**8),
    st.decimals("0.01", "1", places=4),
    st.decimals(0, 10, places=2),
    st.integers(0, 10**5),
    st.decimals(0, 10, places=2),
)
def test_transfer_cost_is_never_negative(amount, rate, fee, fixed, margin) -> None:  # type: ignore[no-untyped-def]
    r = finance.remittance_received(amount, rate, fee, fixed, margin)
    assert 0 <= r.received <= r.mid_value + 1
    assert r.cost == r.mid_value - r.received
    assert r.fee <= amount


def test_annuity_repays_in_term() -> None:
    payment = finance.annuity_payment(major(10000), Decimal(24), 12)
    assert payment == 94560  # 945.60 rounded up from 945.5960
    schedule = finance.loan_schedule(major(10000), Decimal(24), payment)
    assert len(schedule.payments) == 12
    assert schedule.balances[-1] == 0
    assert finance.loan_total_cost(major(10000), Decimal(24), 12) == schedule.total_interest
    assert finance.annuity_payment(major(1200), Decimal(0), 12) == major(100)


def test_payment_below_interest_is_refused() -> None:
    with pytest.raises(ValueError):
        finance.loan_schedule(major(10000), Decimal(36), major(100))


def test_goal_and_break_even() -> None:
    assert finance.months_to_goal(major(6000), major(500)) == 12
    assert finance.months_to_goal(major(6001), major(500)) == 13
    assert finance.months_to_goal(major(100), 0) is None
    assert finance.monthly_saving_for_goal(major(1000), 3) == 33334
    assert finance.break_even_months(major(8000), major(300)) == 27
    assert finance.deposit_after(major(1000), Decimal(12), 2) == major(1000) + 1000 + 1010
    assert finance.real_value_after(major(1000), Decimal(5), 1) == 95238
    assert finance.share_percent(1, 3) == Decimal("33.3")


def test_bundled_table_covers_2014_to_2025_without_gaps() -> None:
    table = bundled_rates()
    assert table.first == Month(2014, 1)
    assert table.last >= Month(2025, 12)
    for episode in EPISODES.values():
        factors = table.episode_factors(episode.id, Currency.RUB)
        assert factors[0] == 1
        assert len(factors) == episode.months + 1
    # 2014-15: the rouble lost more than a third against the somoni
    assert min(table.episode_factors("2014-15", Currency.RUB)) < Decimal("0.66")
    assert table.rate(
        Currency.RUB, Month(2030, 1), RateSettings(tjs_per_rub=Decimal("0.2"))
    ) == Decimal("0.2")
    assert table.official(Currency.RUB, Month(2030, 1)) == table.latest(Currency.RUB)
    assert table.official(Currency.TJS, Month(2030, 1)) == 1


@pytest.mark.parametrize(
    "content",
    [
        "month,tjs_per_usd,tjs_per_rub\n2014-01,abc,0.1\n",
        "month,tjs_per_usd,tjs_per_rub\n2014-01,5,0.1\n2014-03,5,0.1\n",
        "month,tjs_per_usd,tjs_per_rub\n2014-01,-5,0.1\n",
        "month,tjs_per_usd,tjs_per_rub\n",
        "month,tjs_per_usd\n2014-01,5\n",
    ],
)
def test_bad_rate_table_is_refused_with_a_line(tmp_path: Path, content: str) -> None:
    path = tmp_path / "rates.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RateTableError):
        read_rate_table(path)


def test_plan_changes_leave_the_baseline_alone() -> None:
    plan: Plan = kulob_family()
    changed = apply_to_plan(
        plan,
        [
            OneOffExpense("Wedding", major(40000), Month(2027, 10)),
            SavingHabit(monthly_amount=major(100), place_id="box"),
            PutOnDeposit(major(1000), Month(2027, 5), Decimal(11)),
            SavingHabit(percent_of_remittance=Decimal(5)),
        ],
    )
    assert plan.one_offs == () and len(changed.one_offs) == 1
    box = changed.place("box")
    assert box is not None and box.contribution.amount_in(1) == major(100)
    kinds = [p.kind for p in changed.savings]
    assert kinds.count(SavingsKind.DEPOSIT) == 1 and len(changed.savings) == 3
    assert kulob_family() == plan
