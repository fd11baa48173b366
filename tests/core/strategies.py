"""Hypothesis strategies for plans and scenarios, shared by the core and reliability tests."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from budget_tutor.model import (
    ALL_MONTHS,
    Debt,
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Investment,
    InvestmentKind,
    LenderKind,
    Month,
    OneOffCost,
    Per,
    Plan,
    RateSettings,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import Currency
from budget_tutor.scenarios import (
    AddInvestment,
    ExchangeRateShock,
    MigrantReturns,
    OneOffExpense,
    PutOnDeposit,
    RemittanceChange,
    ReplayEpisode,
    SavingHabit,
    Scenario,
    TakeLoan,
)

START = Month(2027, 1)

amounts = st.integers(min_value=0, max_value=5_000_000)  # up to 50,000.00
percents = st.decimals(min_value=0, max_value=10, places=2)
months_in = st.integers(min_value=0, max_value=35).map(START.plus)


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    kind = draw(st.sampled_from(["month", "year", "by_month"]))
    if kind == "by_month":
        return Schedule(by_month=tuple(draw(st.lists(amounts, min_size=12, max_size=12))))
    chosen = draw(st.sets(st.sampled_from(ALL_MONTHS), min_size=1))
    return Schedule(amount=draw(amounts), per=Per(kind), months=tuple(sorted(chosen)))


@st.composite
def plans(draw: st.DrawFn, max_lines: int = 4) -> Plan:
    n = 0

    def uid(prefix: str) -> str:
        nonlocal n
        n += 1
        return f"{prefix}{n}"

    incomes = tuple(
        Income(
            uid("inc"),
            "income",
            draw(st.sampled_from(list(IncomeKind))),
            draw(schedules()),
            draw(st.sampled_from(list(Currency))),
            draw(percents),
            draw(st.integers(min_value=0, max_value=50_000)),
            draw(percents),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=max_lines)))
    )
    expenses = tuple(
        Expense(
            uid("exp"),
            "expense",
            draw(st.sampled_from(list(ExpenseCategory))),
            draw(schedules()),
            draw(st.booleans()),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=max_lines)))
    )
    one_offs = tuple(
        OneOffCost(
            uid("one"),
            "one-off",
            draw(st.sampled_from(list(ExpenseCategory))),
            draw(amounts),
            draw(months_in),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=2)))
    )
    savings = tuple(
        SavingsPlace(
            uid("sav"),
            "place",
            draw(st.sampled_from(list(SavingsKind))),
            draw(amounts),
            draw(st.decimals(min_value=0, max_value=20, places=1)),
            draw(schedules()),
            draw(percents),
            tuple((draw(months_in), draw(amounts)) for _ in range(draw(st.integers(0, 1)))),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=3)))
    )
    goals = tuple(
        SavingsGoal(
            uid("goal"),
            "goal",
            draw(amounts) + 1,
            draw(st.sampled_from(savings)).id,
            draw(st.none() | months_in),
            draw(st.integers(1, 3)),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=2) if savings else st.just(0)))
    )
    debts = tuple(
        Debt(
            uid("debt"),
            "debt",
            draw(st.sampled_from(list(LenderKind))),
            draw(amounts),
            draw(st.decimals(min_value=0, max_value=60, places=1)),
            draw(months_in),
            term_months=draw(st.integers(1, 36)),
            received=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=2)))
    )
    investments = tuple(
        Investment(
            uid("inv"),
            "investment",
            draw(st.sampled_from(list(InvestmentKind))),
            draw(amounts),
            draw(months_in),
            draw(schedules()),
            draw(schedules()),
            draw(st.integers(0, 12)),
            draw(amounts),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=2)))
    )
    rates = RateSettings(
        draw(st.none() | st.decimals(min_value="0.05", max_value="0.3", places=4)),
        draw(st.none() | st.decimals(min_value="5", max_value="15", places=2)),
    )
    household = Household(
        "Test family",
        draw(st.integers(1, 12)),
        "Kulob",
        start_month=START,
        opening_cash=draw(amounts),
    )
    return Plan(household, incomes, expenses, one_offs, savings, goals, debts, investments, rates)


@st.composite
def changes(draw: st.DrawFn, plan: Plan | None = None):  # type: ignore[no-untyped-def]
    kind = draw(st.sampled_from(range(9)))
    month = draw(months_in)
    if kind == 0:
        return RemittanceChange(draw(st.decimals(min_value=-100, max_value=100, places=0)), month)
    if kind == 1:
        return ExchangeRateShock(
            draw(st.decimals(min_value=-90, max_value=100, places=0)),
            month,
            draw(st.sampled_from([Currency.RUB, Currency.USD])),
        )
    if kind == 2:
        return ReplayEpisode(draw(st.sampled_from(["2014-15", "2022-03", "2022-12"])), month)
    if kind == 3:
        return MigrantReturns(month, draw(st.none() | st.integers(1, 24)), draw(amounts))
    if kind == 4:
        return OneOffExpense("wedding", draw(amounts), month)
    if kind == 5:
        return SavingHabit(draw(amounts), draw(percents))
    if kind == 6:
        return AddInvestment(
            Investment(
                "cow",
                "cow",
                InvestmentKind.COW,
                draw(amounts),
                month,
                income=Schedule.monthly(draw(amounts)),
            )
        )
    if kind == 7:
        return PutOnDeposit(draw(amounts), month, Decimal(12))
    return TakeLoan(
        Debt(
            "loan",
            "loan",
            LenderKind.MICROFINANCE,
            draw(amounts),
            Decimal(36),
            month,
            term_months=12,
            received=True,
        )
    )


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    return Scenario("s", "scenario", tuple(draw(st.lists(changes(), min_size=1, max_size=3))))
