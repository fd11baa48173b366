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
from decimal import Decimal, getcontext
from functools import lru_cache

from budget_tutor import finance
from budget_tutor.model import (
    MAX_HORIZON,
    WITHDRAWAL_ORDER,
    Debt,
    ExpenseCategory,
    Income,
    IncomeKind,
    Month,
    OneOffCost,
    Plan,
)
from budget_tutor.money import Currency, convert, percent_of, round_minor
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

    # A purse below zero is money the family had to find from others: credit at the shop, help
    # from relatives and neighbours. It is shown as informal borrowing; the projection charges no
    # interest on it and repays it from the first money left over. ``cash_close`` stays negative
    # (the charts and the handout read it as the shortfall); these only name it.

    @property
    def owed_to_others(self) -> int:
        """What the family owes the shop, relatives or neighbours at the end of the month."""
        return -self.cash_close if self.cash_close < 0 else 0

    @property
    def borrowed_from_others(self) -> int:
        """How much more the family had to find from others this month (informal borrowing)."""
        owed_before = -self.cash_open if self.cash_open < 0 else 0
        more = self.owed_to_others - owed_before
        return more if more > 0 else 0

    @property
    def repaid_to_others(self) -> int:
        """How much of what it owed others the family paid back this month."""
        owed_before = -self.cash_open if self.cash_open < 0 else 0
        less = owed_before - self.owed_to_others
        return less if less > 0 else 0


@dataclass(frozen=True)
class GoalResult:
    goal_id: str
    name: str
    target: int
    #: The month from which the goal's place holds enough to the end of the horizon (None: not
    #: reached, or drawn below it again before the end). A goal touched and then spent is not
    #: reached: what counts is the money still there.
    reached: Month | None
    target_month: Month | None
    #: The first month the place held enough, even if the money was drawn down again later.
    first_reached: Month | None = None

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
    #: Σ of the months' ``borrowed_from_others``: all the money found from others (informal).
    borrowed_from_others: int = 0
    #: The most the family owed others at the end of any month, and the first month it did.
    most_owed_to_others: int = 0
    most_owed_month: Month | None = None


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


#: The most that a scenario's changes together can multiply a remittance or an exchange rate by
#: in one month: 11, what one change of +1000 % (the largest a plan file allows) does. Changes
#: of one kind compound up to it, so that 1000 changes of +1000 % in a file give numbers that
#: charts can still draw (11^1000 would not fit a float) instead of a crash.
MAX_CHANGE_FACTOR = Decimal(11)


def build_adjustments(
    plan: Plan, scenario: Scenario | None, table: RateTable, months: int
) -> Adjustments:
    """The per-month multipliers a scenario's changes of circumstance amount to (each at most
    :data:`MAX_CHANGE_FACTOR`)."""
    adj = Adjustments()
    if scenario is None:
        return adj
    # Month indexes instead of Month objects: the same months, without building 120 of them.
    start_index = plan.household.start_month.index
    horizon = range(start_index, start_index + months)
    for change in scenario.changes:
        if isinstance(change, RemittanceChange):
            factor = 1 + change.percent / 100
            remittance = adj.remittance_factor
            for mi in horizon[max(0, change.from_month.index - start_index) :]:
                remittance[mi] = min(remittance.get(mi, _ONE) * factor, MAX_CHANGE_FACTOR)
        elif isinstance(change, ExchangeRateShock):
            factor = 1 + change.percent / 100
            rates = adj.rate_factor
            for mi in horizon[max(0, change.from_month.index - start_index) :]:
                key = (change.currency, mi)
                rates[key] = min(rates.get(key, _ONE) * factor, MAX_CHANGE_FACTOR)
        elif isinstance(change, ReplayEpisode):
            from_index = change.from_month.index
            for currency in (Currency.RUB, Currency.USD):
                factors = table.episode_factors(change.episode, currency)
                last = len(factors) - 1
                rates = adj.rate_factor
                for mi in horizon[max(0, from_index - start_index) :]:
                    key = (currency, mi)
                    factor = factors[min(mi - from_index + 1, last)]
                    rates[key] = min(rates.get(key, _ONE) * factor, MAX_CHANGE_FACTOR)
        elif isinstance(change, MigrantReturns):
            from_index = change.from_month.index
            for mi in horizon[max(0, from_index - start_index) :]:
                if change.months is None or mi - from_index < change.months:
                    adj.remittance_factor[mi] = Decimal(0)
                    if change.new_local_income:
                        adj.extra_income[mi] = adj.extra_income.get(mi, 0) + change.new_local_income
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


class _MonthlyInterest:
    """:func:`finance.monthly_interest` for one annual rate, in integers where that is exact.

    ``round(balance × annual% / 1200)``: the monthly rate is the Decimal ``finance.monthly_rate``
    gives, ``coefficient × 10^exponent``. While ``balance × coefficient`` has no more digits than
    the Decimal context keeps, Decimal's product is exact, so rounding it half up equals
    ``(2N + q) // 2q`` in integers (N the product, q = 10^-exponent); otherwise (a long repeating
    rate such as 13 % / 1200, or a huge balance) the Decimal formula itself is used.
    """

    __slots__ = ("annual", "coefficient", "exact_below", "monthly", "scale")

    def __init__(self, annual: Decimal, exact_below: int) -> None:
        self.annual = annual
        self.monthly = finance.monthly_rate(annual)
        sign, digits, exponent = self.monthly.as_tuple()
        coefficient = int("".join(map(str, digits)) or "0")
        usable = sign == 0 and isinstance(exponent, int) and exponent <= 0
        self.coefficient = coefficient if usable else -1
        self.scale = 10 ** -int(exponent) if usable else 1
        self.exact_below = exact_below

    def on(self, balance: int) -> int:
        """Interest on a positive balance (the caller checks balance > 0)."""
        product = balance * self.coefficient
        if 0 <= product < self.exact_below:
            scale = self.scale
            return (2 * product + scale) // (2 * scale)
        return round_minor(Decimal(balance) * self.monthly)


#: income, is a remittance, calendar amounts, per month (received, cost) with no scenario factor
_IncomeLine = tuple[Income, bool, tuple[int, ...], list[tuple[int, int] | None]]


class _Horizon:
    """What every projection of one plan over one horizon shares, computed once.

    A scenario never changes the plan's household, incomes, expenses or own rates
    (:func:`budget_tutor.scenarios.apply_to_plan` adds one-offs, savings, debts and investments),
    so :func:`compare` computes this for the baseline and reuses it for every scenario: the
    months, the rates of each month, the spending calendar, and what each income brings in each
    month when no scenario factor applies. :meth:`fits` checks that a plan shares these parts.
    """

    __slots__ = (
        "base_income",
        "base_rates",
        "cals",
        "expense_cal",
        "expenses",
        "household",
        "income_lines",
        "incomes",
        "month_objs",
        "months",
        "rates",
        "rub",
        "shares",
        "start_index",
        "table",
        "usd",
    )

    def __init__(self, plan: Plan, months: int, table: RateTable) -> None:
        self.household = plan.household
        self.incomes = plan.incomes
        self.expenses = plan.expenses
        self.rates = plan.rates
        self.months = months
        self.table = table
        start = self.start_index = plan.household.start_month.index
        indexes = range(start, start + months)
        self.month_objs = [Month.from_index(mi) for mi in indexes]
        self.cals = [m.month - 1 for m in self.month_objs]
        rub_fixed = plan.rates.fixed(Currency.RUB)
        usd_fixed = plan.rates.fixed(Currency.USD)
        # ``* _ONE``: exactly the Decimal the per-month formula gives when no factor applies.
        self.rub = [(rub_fixed or table.official_at(Currency.RUB, mi)) * _ONE for mi in indexes]
        self.usd = [(usd_fixed or table.official_at(Currency.USD, mi)) * _ONE for mi in indexes]
        self.base_rates = [
            {Currency.TJS: _ONE, Currency.RUB: rub, Currency.USD: usd}
            for rub, usd in zip(self.rub, self.usd, strict=True)
        ]
        self.expense_cal = _expense_calendar(plan)
        # Per income: (income, is remittance, calendar amounts, per month (received, cost) at the
        # month's own rate with no scenario factor; None where nothing arrives).
        lines: list[_IncomeLine] = []
        for inc in plan.incomes:
            amounts = _calendar(inc.schedule)
            remittance = inc.kind is IncomeKind.REMITTANCE
            base: list[tuple[int, int] | None] = []
            for k, cal in enumerate(self.cals):
                gross = amounts[cal]
                if gross == 0:
                    base.append(None)
                    continue
                rate = self.base_rates[k][inc.currency]
                if remittance:
                    base.append(
                        _transfer(
                            gross, rate, inc.fee_percent, inc.fee_fixed, inc.rate_margin_percent
                        )
                    )
                elif inc.currency is Currency.TJS:
                    base.append((gross, 0))
                else:
                    base.append((convert(gross, rate), 0))
            lines.append((inc, remittance, amounts, base))
        self.income_lines = lines
        # Per month, the income totals when no scenario factor applies (the baseline's months
        # and most of every scenario's): (income, remittances, transfer cost, by source).
        self.base_income: list[tuple[int, int, int, dict[str, int]]] = []
        for k in range(months):
            income = remittance_income = transfer_cost = 0
            by_source: dict[str, int] = {}
            for inc, remittance, _amounts, base in lines:
                at_base = base[k]
                if at_base is None:
                    continue
                received, cost = at_base
                if remittance:
                    transfer_cost += cost
                    remittance_income += received
                by_source[inc.id] = by_source.get(inc.id, 0) + received
                income += received
            self.base_income.append((income, remittance_income, transfer_cost, by_source))
        #: percent_of(remittance received, share) memoised: the same remittance recurs.
        self.shares: dict[tuple[int, Decimal], int] = {}

    def fits(self, plan: Plan, months: int, table: RateTable) -> bool:
        return (
            plan.household is self.household
            and plan.incomes is self.incomes
            and plan.expenses is self.expenses
            and plan.rates is self.rates
            and months == self.months
            and table is self.table
        )


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
    return _project(plan, months, scenario, table, None)


def _project(
    plan: Plan,
    months: int,
    scenario: Scenario | None,
    table: RateTable,
    horizon: _Horizon | None,
) -> Projection:
    if scenario is not None:
        plan = apply_to_plan(plan, scenario.changes)
    if horizon is None or not horizon.fits(plan, months, table):
        horizon = _Horizon(plan, months, table)
    adj = build_adjustments(plan, scenario, table, months)

    one_offs: dict[int, list[OneOffCost]] = {}
    for planned_cost in plan.one_offs:
        one_offs.setdefault(planned_cost.month.index, []).append(planned_cost)
    places = list(plan.savings)
    exact_below = 10 ** getcontext().prec
    # (id, monthly rate or None, calendar contributions, habit start, lump sums, % of remittance)
    savings_plan = [
        (
            p.id,
            # only a bank deposit pays interest (model.INTEREST_PAYING_KINDS)
            _MonthlyInterest(p.interest_rate, exact_below) if p.interest_rate else None,
            _calendar(p.contribution),
            p.habit_from.index if p.habit_from else -1,
            {when.index: amount for when, amount in p.lump_sums},
            p.percent_of_remittance,
        )
        for p in places
    ]
    balances = {p.id: p.opening_balance for p in places}
    withdrawal_order = [p.id for p in sorted(places, key=lambda p: WITHDRAWAL_ORDER.index(p.kind))]
    # Per debt: (debt, payment, first month repaid, month taken); its balance in debt_balances.
    # A debt taken before the plan starts and not yet being repaid still counts as owed.
    debts: list[tuple[Debt, int, int, int, _MonthlyInterest]] = []
    debt_balances: list[int] = []
    for d in plan.debts:
        if d.monthly_payment is not None:
            payment = d.monthly_payment
        else:
            payment = finance.annuity_payment(d.principal, d.annual_rate, d.term_months or 12)
        first_payment = d.start_month.index + (1 if d.received else 0)
        debts.append(
            (
                d,
                payment,
                first_payment,
                d.start_month.index,
                _MonthlyInterest(d.annual_rate, exact_below),
            )
        )
        debt_balances.append(0 if d.received else d.principal)
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
    goal_thresholds: list[tuple[str, int, str]] = []
    for place_id, entries in goals_by_place.items():
        running = 0
        for _prio, _order, goal in sorted(entries, key=lambda e: (e[0], e[1])):
            running += goal.target
            goal_thresholds.append((place_id, running, goal.id))
    # Per goal: the month from which it has been held without a break (removed when the place
    # falls below its threshold again) and the first month it was ever held.
    reached: dict[str, Month] = {}
    first_reached: dict[str, Month] = {}

    active_debts = list(range(len(debts)))
    rows: list[MonthRow] = []
    append_row = rows.append
    cash = plan.household.opening_cash
    start_index = horizon.start_index
    month_objs = horizon.month_objs
    cals = horizon.cals
    base_rates = horizon.base_rates
    base_rub = horizon.rub
    base_usd = horizon.usd
    income_lines = horizon.income_lines
    base_income = horizon.base_income
    expense_cal = horizon.expense_cal
    rate_factor = adj.rate_factor
    remittance_factor = adj.remittance_factor
    extra_income = adj.extra_income
    shares = horizon.shares
    RUB, USD, TJS = Currency.RUB, Currency.USD, Currency.TJS
    for k in range(months):
        mi = start_index + k
        m = month_objs[k]
        cal = cals[k]
        if rate_factor:
            rub_factor = rate_factor.get((RUB, mi))
            usd_factor = rate_factor.get((USD, mi))
        else:
            rub_factor = usd_factor = None
        if rub_factor is None and usd_factor is None:
            rate_now = base_rates[k].copy()
        else:
            rate_now = {
                TJS: _ONE,
                RUB: base_rub[k] if rub_factor is None else base_rub[k] * rub_factor,
                USD: base_usd[k] if usd_factor is None else base_usd[k] * usd_factor,
            }
        cash_open = cash

        # -- income ------------------------------------------------------------------------
        remit_factor = remittance_factor.get(mi, _ONE) if remittance_factor else _ONE
        if remit_factor == 1 and rub_factor is None and usd_factor is None:
            income, remittance_income, transfer_cost, base_sources = base_income[k]
            by_source = base_sources.copy()
            income_lines_now: list[_IncomeLine] = []
        else:
            income = remittance_income = transfer_cost = 0
            by_source = {}
            income_lines_now = income_lines
        for inc, remittance, amounts, base in income_lines_now:
            at_base = base[k]
            if at_base is None:
                continue
            currency = inc.currency
            own_rate = (
                (rub_factor is None if currency is RUB else usd_factor is None)
                if currency is not TJS
                else True
            )
            if remittance:
                if remit_factor == 1 and own_rate:
                    received, cost = at_base
                else:
                    gross = amounts[cal]
                    if remit_factor != 1:
                        gross = round_minor(Decimal(gross) * remit_factor)  # half up
                    received, cost = _transfer(
                        gross,
                        rate_now[currency],
                        inc.fee_percent,
                        inc.fee_fixed,
                        inc.rate_margin_percent,
                    )
                transfer_cost += cost
                remittance_income += received
            elif own_rate:
                received = at_base[0]
            else:
                received = convert(amounts[cal], rate_now[currency])
            by_source[inc.id] = by_source.get(inc.id, 0) + received
            income += received
        if extra_income:
            extra = extra_income.get(mi, 0)
            if extra:
                by_source[SCENARIO_INCOME_ID] = extra
                income += extra

        # -- spending ----------------------------------------------------------------------
        spending, essential, cat_totals = expense_cal[cal]
        by_category = cat_totals.copy()
        if one_offs:
            for one_off in one_offs.get(mi, ()):
                by_category[one_off.category] = (
                    by_category.get(one_off.category, 0) + one_off.amount
                )
                spending += one_off.amount
                if one_off.essential:
                    essential += one_off.amount

        # -- debts -------------------------------------------------------------------------
        debt_service = 0
        debt_interest = 0
        loans_received = 0
        debt_balance = 0
        repaid = False
        for j in active_debts:
            d, payment, first_payment, taken, debt_rate = debts[j]
            owed = debt_balances[j]
            if d.received and taken == mi:
                loans_received += d.principal
                owed = d.principal
            elif mi >= first_payment and owed > 0:
                interest = debt_rate.on(owed)  # finance.monthly_interest
                paid = min(payment, owed + interest)
                owed = owed + interest - paid
                debt_service += paid
                debt_interest += interest
            debt_balances[j] = owed
            debt_balance += owed
            if owed <= 0 and mi >= first_payment and mi >= taken:
                repaid = True
        if repaid:  # a repaid debt changes nothing any more: leave it out of later months
            active_debts = [
                j
                for j in active_debts
                if not (debt_balances[j] <= 0 and mi >= debts[j][2] and mi >= debts[j][3])
            ]

        # -- investments -------------------------------------------------------------------
        investment_costs = 0
        investment_income = 0
        for inv, bought, earning, running_costs, inv_income in investments:
            if mi < bought:
                continue
            if mi == bought:
                investment_costs += inv.cost
            investment_costs += running_costs[cal]
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
        for place_id, rate, contribution, habit_from, lump_sums, share in savings_plan:
            balance = balances[place_id]
            interest = rate.on(balance) if rate is not None and balance > 0 else 0
            planned = lump_sums.get(mi, 0) if lump_sums else 0
            if mi >= habit_from:
                planned += contribution[cal]
                if share and remittance_income:
                    key = (remittance_income, share)
                    part = shares.get(key)
                    if part is None:
                        part = shares[key] = percent_of(remittance_income, share)
                    planned += part
            moved = (planned if planned < cash else cash) if cash > 0 else 0
            cash -= moved
            balances[place_id] = balance + interest + moved
            contributions += moved
            interest_earned += interest

        withdrawals = 0
        if cash < 0:
            need = -cash
            for place_id in withdrawal_order:
                balance = balances[place_id]
                if balance > 0:
                    take = need if need < balance else balance
                    balances[place_id] = balance - take
                    withdrawals += take
                    need -= take
                    if need == 0:
                        break
            cash += withdrawals

        for place_id, threshold, gid in goal_thresholds:
            if balances.get(place_id, 0) >= threshold:
                if gid not in reached:
                    reached[gid] = m
                    if gid not in first_reached:
                        first_reached[gid] = m
            elif gid in reached:
                del reached[gid]  # drawn below the target again: not reached (yet)

        # Positional (in MonthRow's field order): keyword matching of 21 arguments costs more
        # than the rest of the row.
        append_row(
            MonthRow(
                m,  # month
                cash_open,
                income,
                by_source,  # income_by_source
                remittance_income,
                transfer_cost,
                spending,
                by_category,  # spending_by_category
                essential,  # essential_spending
                debt_service,
                debt_interest,
                loans_received,
                contributions,
                withdrawals,
                interest_earned,
                investment_costs,
                investment_income,
                cash,  # cash_close
                balances.copy(),  # savings_close
                debt_balance,
                rate_now,  # rates
            )
        )

    summary = _summarise(plan, rows, reached, first_reached)
    return Projection(
        scenario_id=scenario.id if scenario else None,
        scenario_name=scenario.name if scenario else "",
        rows=tuple(rows),
        summary=summary,
    )


def _summarise(
    plan: Plan,
    rows: list[MonthRow],
    reached: dict[str, Month],
    first_reached: dict[str, Month],
) -> Summary:
    # One pass over the rows (this runs once per scenario in every comparison).
    total_income = total_spending = total_debt_service = total_contributions = net_saved = 0
    by_category: dict[ExpenseCategory, int] = {}
    cost_by_year: dict[int, int] = {}
    lowest = rows[0]
    first_short: Month | None = None
    first_withdrawal: Month | None = None
    borrowed = most_owed = 0
    most_owed_month: Month | None = None
    for r in rows:
        total_income += r.income + r.investment_income
        total_spending += r.spending
        total_debt_service += r.debt_service
        total_contributions += r.contributions
        withdrawn = r.withdrawals
        net_saved += r.contributions - withdrawn
        for cat, amount in r.spending_by_category.items():
            by_category[cat] = by_category.get(cat, 0) + amount
        close = r.cash_close
        if close < lowest.cash_close:  # the first of equally low months, as min() picks
            lowest = r
        if close < 0:
            if first_short is None:
                first_short = r.month
            if -close > most_owed:
                most_owed, most_owed_month = -close, r.month
            borrowed += r.borrowed_from_others
        if withdrawn > 0 and first_withdrawal is None:
            first_withdrawal = r.month
        year = r.month.year
        cost_by_year[year] = cost_by_year.get(year, 0) + r.transfer_cost
    end = rows[-1]
    investment_value = sum(
        inv.resale_value for inv in plan.investments if inv.start_month <= end.month
    )
    goals = tuple(
        GoalResult(
            g.id, g.name, g.target, reached.get(g.id), g.target_month, first_reached.get(g.id)
        )
        for g in plan.goals
    )
    return Summary(
        months=len(rows),
        total_income=total_income,
        total_spending=total_spending,
        total_debt_service=total_debt_service,
        total_contributions=total_contributions,
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
        borrowed_from_others=borrowed,
        most_owed_to_others=most_owed,
        most_owed_month=most_owed_month,
    )


def compare(
    plan: Plan,
    scenarios: Sequence[Scenario],
    months: int = 12,
    rate_table: RateTable | None = None,
) -> Comparison:
    """The baseline and each scenario, and how each differs from the baseline."""
    if not 1 <= months <= MAX_HORIZON:
        raise ValueError(f"the horizon must be 1 to {MAX_HORIZON} months, not {months}")
    table = rate_table or bundled_rates()
    # The months, rates, spending calendar and incomes are the same for every scenario.
    horizon = _Horizon(plan, months, table)
    baseline = _project(plan, months, None, table, horizon)
    projections = tuple(_project(plan, months, s, table, horizon) for s in scenarios)
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
