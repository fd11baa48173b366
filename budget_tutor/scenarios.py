"""What-if scenarios: named, composable sets of changes on top of the baseline plan.

A :class:`Scenario` is a list of changes applied in order. Changes of the plan itself (a one-off
expense, a saving habit, an investment, a loan) are applied by :func:`apply_to_plan`; changes of
circumstances (remittances, exchange rates, the migrant coming home) become per-month adjustments
that the projection reads (:class:`Adjustments`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from budget_tutor.i18n import N_
from budget_tutor.model import (
    Debt,
    ExpenseCategory,
    Investment,
    Month,
    OneOffCost,
    Plan,
    SavingsKind,
    SavingsPlace,
    Schedule,
    new_id,
)
from budget_tutor.money import Currency


@dataclass(frozen=True)
class RemittanceChange:
    """Remittances change by ``percent`` (``-20`` = a fifth less) from ``from_month`` on."""

    percent: Decimal
    from_month: Month
    kind: str = "remittance_change"


@dataclass(frozen=True)
class ExchangeRateShock:
    """The currency gains or loses ``percent`` against the somoni from ``from_month`` on
    (``-30``: the rouble buys 30% fewer somoni)."""

    percent: Decimal
    from_month: Month
    currency: Currency = Currency.RUB
    kind: str = "exchange_rate_shock"


@dataclass(frozen=True)
class ReplayEpisode:
    """Replay a real episode from the bundled National Bank rates, starting at ``from_month``:
    the rouble (and dollar) move against the somoni as they did month by month then."""

    episode: str  # an id from budget_tutor.rates.EPISODES
    from_month: Month
    kind: str = "replay_episode"


@dataclass(frozen=True)
class MigrantReturns:
    """The migrant comes home in ``from_month``: no remittances for ``months`` months
    (None: for the rest of the horizon). ``new_local_income`` (somoni a month) is what he earns
    at home meanwhile."""

    from_month: Month
    months: int | None = None
    new_local_income: int = 0
    kind: str = "migrant_returns"


@dataclass(frozen=True)
class OneOffExpense:
    name: str
    amount: int
    month: Month
    category: ExpenseCategory = ExpenseCategory.CEREMONIES
    kind: str = "one_off_expense"


@dataclass(frozen=True)
class SavingHabit:
    """Save ``monthly_amount`` somoni each month and/or ``percent_of_remittance`` % of every
    remittance into the place ``place_id`` (a new cash place when it is empty or unknown)."""

    monthly_amount: int = 0
    percent_of_remittance: Decimal = Decimal(0)
    place_id: str = ""
    from_month: Month | None = None
    kind: str = "saving_habit"


@dataclass(frozen=True)
class AddInvestment:
    investment: Investment
    kind: str = "add_investment"


@dataclass(frozen=True)
class PutOnDeposit:
    """Put ``amount`` on a bank deposit at ``annual_rate`` in ``month`` (the other side of
    "buy a cow or put the money on deposit")."""

    amount: int
    month: Month
    annual_rate: Decimal
    kind: str = "put_on_deposit"


@dataclass(frozen=True)
class TakeLoan:
    debt: Debt
    kind: str = "take_loan"


Change = (
    RemittanceChange
    | ExchangeRateShock
    | ReplayEpisode
    | MigrantReturns
    | OneOffExpense
    | SavingHabit
    | AddInvestment
    | PutOnDeposit
    | TakeLoan
)

CHANGE_TYPES: dict[str, type] = {
    "remittance_change": RemittanceChange,
    "exchange_rate_shock": ExchangeRateShock,
    "replay_episode": ReplayEpisode,
    "migrant_returns": MigrantReturns,
    "one_off_expense": OneOffExpense,
    "saving_habit": SavingHabit,
    "add_investment": AddInvestment,
    "put_on_deposit": PutOnDeposit,
    "take_loan": TakeLoan,
}

CHANGE_NAMES = {
    "remittance_change": N_("Money from abroad changes"),
    "exchange_rate_shock": N_("The rouble rises or falls"),
    "replay_episode": N_("Replay a real rouble crisis"),
    "migrant_returns": N_("The migrant comes home"),
    "one_off_expense": N_("A large one-off expense"),
    "saving_habit": N_("A new saving habit"),
    "add_investment": N_("An investment"),
    "put_on_deposit": N_("Money on a bank deposit"),
    "take_loan": N_("Taking a loan"),
}


@dataclass(frozen=True)
class Scenario:
    id: str
    name: str
    changes: tuple[Change, ...] = ()
    description: str = ""


@dataclass
class Adjustments:
    """Per-month multipliers the projection applies, built from a scenario's changes.

    Keys are month indexes (:attr:`Month.index`); missing months mean 1 (no change).
    """

    remittance_factor: dict[int, Decimal] = field(default_factory=dict)
    rate_factor: dict[tuple[Currency, int], Decimal] = field(default_factory=dict)
    extra_income: dict[int, int] = field(default_factory=dict)


def apply_to_plan(plan: Plan, changes: tuple[Change, ...] | list[Change]) -> Plan:
    """The plan with the scenario's plan-level changes made (the baseline is unchanged)."""
    for change in changes:
        if isinstance(change, OneOffExpense):
            cost = OneOffCost(
                id=new_id("oneoff-"),
                name=change.name,
                category=change.category,
                amount=change.amount,
                month=change.month,
            )
            plan = plan.replace(one_offs=(*plan.one_offs, cost))
        elif isinstance(change, SavingHabit):
            place = plan.place(change.place_id) if change.place_id else None
            if place is None:
                place = SavingsPlace(
                    id=change.place_id or new_id("habit-"), name="", kind=SavingsKind.CASH
                )
                plan = plan.replace(savings=(*plan.savings, place))
            contribution = place.contribution
            if change.monthly_amount:
                contribution = Schedule(
                    by_month=tuple(
                        contribution.amount_in(m) + change.monthly_amount for m in range(1, 13)
                    )
                )
            updated = dataclasses.replace(
                place,
                contribution=contribution,
                percent_of_remittance=place.percent_of_remittance + change.percent_of_remittance,
                habit_from=change.from_month or place.habit_from,
            )
            plan = plan.with_line("savings", updated)
        elif isinstance(change, AddInvestment):
            plan = plan.replace(investments=(*plan.investments, change.investment))
        elif isinstance(change, PutOnDeposit):
            place = SavingsPlace(
                id=new_id("deposit-"),
                name="",
                kind=SavingsKind.DEPOSIT,
                annual_rate=change.annual_rate,
                lump_sums=((change.month, change.amount),),
            )
            plan = plan.replace(savings=(*plan.savings, place))
        elif isinstance(change, TakeLoan):
            plan = plan.replace(debts=(*plan.debts, change.debt))
    return plan
