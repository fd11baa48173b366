"""The projection: month by month, what a plan (and a scenario) does to the family's money.

Every chart, comparison, lesson calculation and handout reads :func:`project`. The formulas are
documented in ``docs/projection.md``. The invariant, checked by property tests, for every month::

    cash_close = cash_open + income + investment_income + loans_received + withdrawals
                 - spending - debt_service - contributions - investment_costs

and for every savings place ``close = open + contributions + interest - withdrawals``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from budget_tutor import finance
from budget_tutor.model import (
    MAX_HORIZON,
    WITHDRAWAL_ORDER,
    ExpenseCategory,
    IncomeKind,
    Month,
    OneOffCost,
    Plan,
)
from budget_tutor.money import Currency, convert, percent_of
from budget_tutor.rates import RateTable, bundled_rates
from budget_tutor.scenarios import (
    Adjustments,
    ExchangeRateShock,
    MigrantReturns,
    RemittanceChange,
    ReplayEpisode,
    Scenario,
    apply_to_plan,
)


@dataclass(slots=True)
class MonthRow:
    """One projected month. Every amount is somoni in minor units (dirams).

    Not frozen only for speed (a frozen dataclass sets each field through object.__setattr__);
    treat rows as read-only."""

    month: Month
    cash_open: int
    income: int  # received, after fees and exchange margin
    income_by_source: dict[str, int]  # income id -> received
    remittance_income: int
    transfer_cost: int  # fees + exchange-rate margin on remittances this month
    spending: int  # expenses + one-off costs
    spending_by_category: dict[ExpenseCategory, int]
    essential_spending: int
    debt_service: int  # debt payments (principal + interest)
    debt_interest: int
    loans_received: int
    contributions: int  # moved from the purse into savings (incl. lump sums, % of remittances)
    withdrawals: int  # taken from savings because the purse ran short
    interest_earned: int
    investment_costs: int  # upfront + running costs
    investment_income: int
    cash_close: int
    savings_close: dict[str, int]  # place id -> balance
    debt_balance: int
    rates: dict[Currency, Decimal]  # official somoni per unit used this month

    @property
    def savings_total(self) -> int:
        return sum(self.savings_close.values())

    @property
    def net_flow(self) -> int:
        """What came in minus what went out this month (before moving money into savings)."""
        return (
            self.income
            + self.investment_income
            + self.loans_received
            - self.spending
            - self.debt_service
            - self.investment_costs
        )

    @property
    def short(self) -> bool:
        """The family ran out: the purse is below zero even after drawing on all savings."""
        return self.cash_close < 0


@dataclass(frozen=True)
class GoalResult:
    goal_id: str
    name: str
    target: int
    reached: Month | None  # the first month the goal's place holds enough (None: not in horizon)
    target_month: Month | None

    @property
    def on_time(self) -> bool | None:
        if self.target_month is None:
            return None
        return self.reached is not None and self.reached <= self.target_month


@dataclass(frozen=True)
class Summary:
    months: int
    total_income: int
    total_spending: int
    total_debt_service: int
    total_contributions: int
    spending_by_category: dict[ExpenseCategory, int]
    savings_rate: Decimal  # % of income moved into savings (net of withdrawals)
    food_share: Decimal  # % of spending that is food
    lowest_balance: int  # lowest end-of-month purse balance
    lowest_month: Month
    first_short_month: Month | None  # first month the purse is below zero (savings exhausted)
    first_withdrawal_month: Month | None  # first month savings had to be drawn on
    goals: tuple[GoalResult, ...]
    transfer_cost_by_year: dict[int, int]
    end_cash: int
    end_savings: int
    end_debt: int
    investment_value: int  # resale value of investments held at the end
    net_worth_end: int  # cash + savings + investments - debt


@dataclass(frozen=True)
class Projection:
    scenario_id: str | None
    scenario_name: str
    rows: tuple[MonthRow, ...]
    summary: Summary

    def series(self, attribute: str) -> list[int]:
        """One column of the rows, e.g. ``projection.series("cash_close")``."""
        return [getattr(row, attribute) for row in self.rows]


@dataclass(frozen=True)
class ScenarioDifference:
    """One scenario against the baseline: positive means the scenario leaves more."""

    scenario_id: str
    scenario_name: str
    end_savings: int
    end_cash: int
    net_worth_end: int
    lowest_balance: int
    lowest_month: Month
    first_short_month: Month | None
    baseline_first_short_month: Month | None
    goal_months: dict[str, tuple[Month | None, Month | None]]  # goal id -> (baseline, scenario)


@dataclass(frozen=True)
class Comparison:
    baseline: Projection
    scenarios: tuple[Projection, ...]
    differences: tuple[ScenarioDifference, ...] = field(default_factory=tuple)

    @property
    def all(self) -> tuple[Projection, ...]:
        return (self.baseline, *self.scenarios)


def build_adjustments(
    plan: Plan, scenario: Scenario | None, table: RateTable, months: int
) -> Adjustments:
    """The per-month multipliers a scenario's changes of circumstance amount to."""
    adj = Adjustments()
    if scenario is None:
        return adj
    start = plan.household.start_month
    horizon = [start.plus(k) for k in range(months)]
    for change in scenario.changes:
        if isinstance(change, RemittanceChange):
            factor = 1 + change.percent / 100
            for m in horizon:
                if m >= change.from_month:
                    adj.remittance_factor[m.index] = adj.remittance(m) * factor
        elif isinstance(change, ExchangeRateShock):
            factor = 1 + change.percent / 100
            for m in horizon:
                if m >= change.from_month:
                    key = (change.currency, m.index)
                    adj.rate_factor[key] = adj.rate_factor.get(key, Decimal(1)) * factor
        elif isinstance(change, ReplayEpisode):
            for currency in (Currency.RUB, Currency.USD):
                factors = table.episode_factors(change.episode, currency)
                for m in horizon:
                    k = m.minus(change.from_month)
                    if k < 0:
                        continue
                    key = (currency, m.index)
                    factor = factors[min(k + 1, len(factors) - 1)]
                    adj.rate_factor[key] = adj.rate_factor.get(key, Decimal(1)) * factor
        elif isinstance(change, MigrantReturns):
            for m in horizon:
                k = m.minus(change.from_month)
                if k >= 0 and (change.months is None or k < change.months):
                    adj.remittance_factor[m.index] = Decimal(0)
                    if change.new_local_income:
                        adj.extra_income[m.index] = (
                            adj.extra_income.get(m.index, 0) + change.new_local_income
                        )
    return adj


_ONE = Decimal(1)


@lru_cache(maxsize=4096)
def _transfer(
    gross: int, rate: Decimal, fee_percent: Decimal, fee_fixed: int, margin: Decimal
) -> tuple[int, int]:
    """Somoni received and the cost of sending, memoised: the same transfer at the same rate
    recurs month after month and scenario after scenario."""
    result = finance.remittance_received(gross, rate, fee_percent, fee_fixed, margin)
    return result.received, result.cost


def _expense_calendar(plan: Plan) -> list[tuple[int, int, dict[ExpenseCategory, int]]]:
    """For each calendar month: total spending, essential spending and totals by category."""
    out = []
    for cal in range(1, 13):
        total = essential = 0
        by_category: dict[ExpenseCategory, int] = {}
        for exp in plan.expenses:
            amount = exp.schedule.amount_in(cal)
            if amount:
                by_category[exp.category] = by_category.get(exp.category, 0) + amount
                total += amount
                if exp.essential:
                    essential += amount
        out.append((total, essential, by_category))
    return out


#: Income id under which a scenario's extra local income is reported.
SCENARIO_INCOME_ID = "scenario-local-income"


def _calendar(schedule_amounts: object) -> tuple[int, ...]:
    return tuple(schedule_amounts.amount_in(m) for m in range(1, 13))  # type: ignore[attr-defined]


def project(
    plan: Plan,
    months: int = 12,
    scenario: Scenario | None = None,
    rate_table: RateTable | None = None,
) -> Projection:
    """Project ``plan`` (with ``scenario`` applied, if given) for ``months`` months (1..120)."""
    if not 1 <= months <= MAX_HORIZON:
        raise ValueError(f"the horizon must be 1 to {MAX_HORIZON} months, not {months}")
    table = rate_table or bundled_rates()
    if scenario is not None:
        plan = apply_to_plan(plan, scenario.changes)
    adj = build_adjustments(plan, scenario, table, months)
    start = plan.household.start_month

    # Per-line calendars, computed once (schedule.amount_in spreads yearly amounts).
    incomes = [(inc, _calendar(inc.schedule)) for inc in plan.incomes]
    expense_cal = _expense_calendar(plan)
    one_offs: dict[int, list[OneOffCost]] = {}
    for cost in plan.one_offs:
        one_offs.setdefault(cost.month.index, []).append(cost)
    places = list(plan.savings)
    savings_plan = [
        (
            p,
            _calendar(p.contribution),
            p.habit_from.index if p.habit_from else -1,
            {when.index: amount for when, amount in p.lump_sums},
        )
        for p in places
    ]
    balances = {p.id: p.opening_balance for p in places}
    withdrawal_order = sorted(places, key=lambda p: WITHDRAWAL_ORDER.index(p.kind))
    debts = []
    for d in plan.debts:
        if d.monthly_payment is not None:
            payment = d.monthly_payment
        else:
            payment = finance.annuity_payment(d.principal, d.annual_rate, d.term_months or 12)
        first_payment = d.start_month.index + (1 if d.received else 0)
        debts.append(
            [d, payment, first_payment, 0 if d.received else d.principal, d.start_month.index]
        )
    # A debt taken before the plan starts and not yet being repaid still counts as owed.
    investments = [
        (
            inv,
            inv.start_month.index,
            inv.start_month.index + inv.income_delay_months,
            _calendar(inv.running_costs),
            _calendar(inv.income),
        )
        for inv in plan.investments
    ]
    goals_by_place: dict[str, list] = {}  # type: ignore[type-arg]
    for order, goal in enumerate(plan.goals):
        goals_by_place.setdefault(goal.place_id, []).append((goal.priority, order, goal))
    goal_thresholds: list[tuple[str, int, object]] = []
    for place_id, entries in goals_by_place.items():
        running = 0
        for _prio, _order, goal in sorted(entries, key=lambda e: (e[0], e[1])):
            running += goal.target
            goal_thresholds.append((place_id, running, goal))
    reached: dict[str, Month] = {}

    rows: list[MonthRow] = []
    cash = plan.household.opening_cash
    start_index = start.index
    rate_factor = adj.rate_factor
    rub_fixed = plan.rates.fixed(Currency.RUB)
    usd_fixed = plan.rates.fixed(Currency.USD)
    for k in range(months):
        mi = start_index + k
        m = Month.from_index(mi)
        cal = m.month - 1
        rate_now = {
            Currency.TJS: _ONE,
            Currency.RUB: (rub_fixed or table.official_at(Currency.RUB, mi))
            * rate_factor.get((Currency.RUB, mi), _ONE),
            Currency.USD: (usd_fixed or table.official_at(Currency.USD, mi))
            * rate_factor.get((Currency.USD, mi), _ONE),
        }
        cash_open = cash

        # -- income ------------------------------------------------------------------------
        income = 0
        remittance_income = 0
        transfer_cost = 0
        by_source: dict[str, int] = {}
        remit_factor = adj.remittance_factor.get(mi, _ONE)
        for inc, amounts in incomes:
            gross = amounts[cal]
            if gross == 0:
                continue
            if inc.kind is IncomeKind.REMITTANCE:
                if remit_factor != 1:
                    gross = int((Decimal(gross) * remit_factor).to_integral_value())
                received, cost = _transfer(
                    gross,
                    rate_now[inc.currency],
                    inc.fee_percent,
                    inc.fee_fixed,
                    inc.rate_margin_percent,
                )
                transfer_cost += cost
                remittance_income += received
            elif inc.currency is Currency.TJS:
                received = gross
            else:
                received = convert(gross, rate_now[inc.currency])
            by_source[inc.id] = by_source.get(inc.id, 0) + received
            income += received
        extra = adj.extra_income.get(mi, 0)
        if extra:
            by_source[SCENARIO_INCOME_ID] = extra
            income += extra

        # -- spending ----------------------------------------------------------------------
        spending, essential, cat_totals = expense_cal[cal]
        by_category = dict(cat_totals)
        for cost in one_offs.get(mi, ()):
            by_category[cost.category] = by_category.get(cost.category, 0) + cost.amount
            spending += cost.amount
            if cost.essential:
                essential += cost.amount

        # -- debts -------------------------------------------------------------------------
        debt_service = 0
        debt_interest = 0
        loans_received = 0
        for state in debts:
            d, payment, first_payment, balance, taken = state
            if d.received and taken == mi:
                loans_received += d.principal
                balance = d.principal
            elif mi >= first_payment and balance > 0:
                interest = finance.monthly_interest(balance, d.annual_rate)
                paid = min(payment, balance + interest)
                balance = balance + interest - paid
                debt_service += paid
                debt_interest += interest
            state[3] = balance
        debt_balance = sum(state[3] for state in debts)

        # -- investments -------------------------------------------------------------------
        investment_costs = 0
        investment_income = 0
        for inv, bought, earning, running, inv_income in investments:
            if mi < bought:
                continue
            if mi == bought:
                investment_costs += inv.cost
            investment_costs += running[cal]
            if mi >= earning:
                investment_income += inv_income[cal]

        # -- savings -----------------------------------------------------------------------
        # Money is moved into savings only when the purse has it: a planned contribution is cut
        # to what is left after this month's spending (a family cannot save money it does not
        # have), and skipped when the purse is empty.
        cash = (
            cash_open
            + income
            + investment_income
            + loans_received
            - spending
            - debt_service
            - investment_costs
        )
        contributions = 0
        interest_earned = 0
        for place, contribution, habit_from, lump_sums in savings_plan:
            balance = balances[place.id]
            interest = (
                finance.monthly_interest(balance, place.annual_rate)
                if place.annual_rate and balance > 0
                else 0
            )
            planned = lump_sums.get(mi, 0)
            if mi >= habit_from:
                planned += contribution[cal]
                if place.percent_of_remittance:
                    planned += percent_of(remittance_income, place.percent_of_remittance)
            moved = min(planned, cash) if cash > 0 else 0
            cash -= moved
            balances[place.id] = balance + interest + moved
            contributions += moved
            interest_earned += interest

        withdrawals = 0
        if cash < 0:
            need = -cash
            for place in withdrawal_order:
                take = min(need, max(balances[place.id], 0))
                if take:
                    balances[place.id] -= take
                    withdrawals += take
                    need -= take
                if need == 0:
                    break
            cash += withdrawals

        if len(reached) < len(goal_thresholds):
            for place_id, threshold, goal in goal_thresholds:
                gid = goal.id  # type: ignore[attr-defined]
                if gid not in reached and balances.get(place_id, 0) >= threshold:
                    reached[gid] = m

        rows.append(
            MonthRow(
                month=m,
                cash_open=cash_open,
                income=income,
                income_by_source=by_source,
                remittance_income=remittance_income,
                transfer_cost=transfer_cost,
                spending=spending,
                spending_by_category=by_category,
                essential_spending=essential,
                debt_service=debt_service,
                debt_interest=debt_interest,
                loans_received=loans_received,
                contributions=contributions,
                withdrawals=withdrawals,
                interest_earned=interest_earned,
                investment_costs=investment_costs,
                investment_income=investment_income,
                cash_close=cash,
                savings_close=dict(balances),
                debt_balance=debt_balance,
                rates=rate_now,
            )
        )

    summary = _summarise(plan, rows, reached)
    return Projection(
        scenario_id=scenario.id if scenario else None,
        scenario_name=scenario.name if scenario else "",
        rows=tuple(rows),
        summary=summary,
    )


def _summarise(plan: Plan, rows: list[MonthRow], reached: dict[str, Month]) -> Summary:
    total_income = sum(r.income + r.investment_income for r in rows)
    total_spending = sum(r.spending for r in rows)
    by_category: dict[ExpenseCategory, int] = {}
    for r in rows:
        for cat, amount in r.spending_by_category.items():
            by_category[cat] = by_category.get(cat, 0) + amount
    net_saved = sum(r.contributions - r.withdrawals for r in rows)
    lowest = min(rows, key=lambda r: r.cash_close)
    first_short = next((r.month for r in rows if r.cash_close < 0), None)
    first_withdrawal = next((r.month for r in rows if r.withdrawals > 0), None)
    cost_by_year: dict[int, int] = {}
    for r in rows:
        cost_by_year[r.month.year] = cost_by_year.get(r.month.year, 0) + r.transfer_cost
    end = rows[-1]
    investment_value = sum(
        inv.resale_value for inv in plan.investments if inv.start_month <= end.month
    )
    goals = tuple(
        GoalResult(g.id, g.name, g.target, reached.get(g.id), g.target_month) for g in plan.goals
    )
    return Summary(
        months=len(rows),
        total_income=total_income,
        total_spending=total_spending,
        total_debt_service=sum(r.debt_service for r in rows),
        total_contributions=sum(r.contributions for r in rows),
        spending_by_category=by_category,
        savings_rate=finance.share_percent(net_saved, total_income),
        food_share=finance.share_percent(by_category.get(ExpenseCategory.FOOD, 0), total_spending),
        lowest_balance=lowest.cash_close,
        lowest_month=lowest.month,
        first_short_month=first_short,
        first_withdrawal_month=first_withdrawal,
        goals=goals,
        transfer_cost_by_year=cost_by_year,
        end_cash=end.cash_close,
        end_savings=end.savings_total,
        end_debt=end.debt_balance,
        investment_value=investment_value,
        net_worth_end=end.cash_close + end.savings_total + investment_value - end.debt_balance,
    )


def compare(
    plan: Plan,
    scenarios: Sequence[Scenario],
    months: int = 12,
    rate_table: RateTable | None = None,
) -> Comparison:
    """The baseline and each scenario, and how each differs from the baseline."""
    table = rate_table or bundled_rates()
    baseline = project(plan, months, None, table)
    projections = tuple(project(plan, months, s, table) for s in scenarios)
    base = baseline.summary
    base_goals = {g.goal_id: g.reached for g in base.goals}
    differences = []
    for proj in projections:
        s = proj.summary
        differences.append(
            ScenarioDifference(
                scenario_id=proj.scenario_id or "",
                scenario_name=proj.scenario_name,
                end_savings=s.end_savings - base.end_savings,
                end_cash=s.end_cash - base.end_cash,
                net_worth_end=s.net_worth_end - base.net_worth_end,
                lowest_balance=s.lowest_balance,
                lowest_month=s.lowest_month,
                first_short_month=s.first_short_month,
                baseline_first_short_month=base.first_short_month,
                goal_months={g.goal_id: (base_goals.get(g.goal_id), g.reached) for g in s.goals},
            )
        )
    return Comparison(baseline, projections, tuple(differences))
