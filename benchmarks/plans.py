"""The plans the benchmarks measure: a realistic 30-line household plan and 10 scenarios.

Nothing here is random: every run measures the same plan, so runs can be compared.
"""

from __future__ import annotations

from decimal import Decimal

from budget_tutor.model import (
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
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import Currency, major
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
SEASON = (4, 5, 6, 7, 8, 9, 10, 11)
WINTER = (1, 2, 3, 11, 12)

_EXPENSES = (
    ("Flour and bread", ExpenseCategory.FOOD, 400, (), True),
    ("Rice and oil", ExpenseCategory.FOOD, 300, (), True),
    ("Meat", ExpenseCategory.FOOD, 250, (), False),
    ("Vegetables and fruit", ExpenseCategory.FOOD, 200, (), True),
    ("Tea and sugar", ExpenseCategory.FOOD, 80, (), True),
    ("Electricity", ExpenseCategory.HOUSING, 90, (), True),
    ("Water", ExpenseCategory.HOUSING, 30, (), True),
    ("Coal", ExpenseCategory.HEATING, 700, WINTER, True),
    ("Firewood", ExpenseCategory.HEATING, 250, WINTER, True),
    ("School clothes and books", ExpenseCategory.EDUCATION, 1800, (9,), True),
    ("School fees", ExpenseCategory.EDUCATION, 100, (1, 2, 3, 4, 5, 9, 10, 11, 12), True),
    ("Medicine", ExpenseCategory.HEALTH, 150, (), True),
    ("Bus to the market", ExpenseCategory.TRANSPORT, 80, (), True),
    ("Phone credit", ExpenseCategory.COMMUNICATION, 60, (), False),
    ("Clothes", ExpenseCategory.CLOTHING, 2400, (3, 9), False),
    ("Nowruz", ExpenseCategory.CEREMONIES, 900, (3,), False),
    ("Eid", ExpenseCategory.CEREMONIES, 700, (4,), False),
)


def thirty_line_plan() -> Plan:
    """4 incomes, 17 expenses, 2 one-off costs, 3 savings places, 2 goals, 1 debt, 1 investment."""
    incomes = (
        Income(
            "rem-rub",
            "Husband in Russia",
            IncomeKind.REMITTANCE,
            Schedule.monthly(major(30_000), SEASON),
            Currency.RUB,
            fee_percent=Decimal("1.5"),
            rate_margin_percent=Decimal("2"),
        ),
        Income(
            "rem-usd",
            "Son in Kazakhstan",
            IncomeKind.REMITTANCE,
            Schedule.monthly(major(80), (3, 6, 9, 12)),
            Currency.USD,
            fee_fixed=major(2),
            rate_margin_percent=Decimal("1"),
        ),
        Income(
            "pension", "Grandmother's pension", IncomeKind.PENSION, Schedule.monthly(major(450))
        ),
        Income(
            "garden", "Garden sales", IncomeKind.GARDEN, Schedule.yearly(major(3600), (7, 8, 9))
        ),
    )
    expenses = tuple(
        Expense(
            f"exp-{i}",
            name,
            category,
            Schedule.yearly(major(amount), months)
            if len(months) in (1, 2)
            else Schedule.monthly(major(amount), months or tuple(range(1, 13))),
            essential,
        )
        for i, (name, category, amount, months, essential) in enumerate(_EXPENSES)
    )
    one_offs = (
        OneOffCost(
            "wedding",
            "Daughter's wedding",
            ExpenseCategory.CEREMONIES,
            major(30_000),
            Month(2028, 9),
        ),
        OneOffCost("roof", "Roof repair", ExpenseCategory.HOUSING, major(4_000), Month(2027, 6)),
    )
    savings = (
        SavingsPlace(
            "cash",
            "Cash at home",
            SavingsKind.CASH,
            major(1_500),
            contribution=Schedule.monthly(major(200), SEASON),
        ),
        SavingsPlace(
            "deposit",
            "Bank deposit",
            SavingsKind.DEPOSIT,
            major(5_000),
            Decimal(12),
            percent_of_remittance=Decimal(5),
        ),
        SavingsPlace(
            "gap",
            "Savings group",
            SavingsKind.SAVINGS_GROUP,
            0,
            contribution=Schedule.monthly(major(100)),
        ),
    )
    goals = (
        SavingsGoal("goal-wedding", "Wedding", major(25_000), "deposit", Month(2028, 8), 1),
        SavingsGoal("goal-school", "School start", major(1_500), "cash", Month(2027, 8), 1),
    )
    debts = (
        Debt(
            "mfi",
            "Microfinance loan",
            LenderKind.MICROFINANCE,
            major(6_000),
            Decimal(30),
            Month(2026, 11),
            term_months=18,
        ),
    )
    investments = (
        Investment(
            "cow",
            "Cow",
            InvestmentKind.COW,
            major(9_000),
            Month(2027, 5),
            running_costs=Schedule.monthly(major(150)),
            income=Schedule.monthly(major(400)),
            income_delay_months=2,
            resale_value=major(7_000),
        ),
    )
    plan = Plan(
        household=Household("Benchmark family", 7, "Khatlon", Currency.TJS, START, major(6_000)),
        incomes=incomes,
        expenses=expenses,
        one_offs=one_offs,
        savings=savings,
        goals=goals,
        debts=debts,
        investments=investments,
    )
    lines = sum(
        len(getattr(plan, s))
        for s in ("incomes", "expenses", "one_offs", "savings", "goals", "debts", "investments")
    )
    assert lines == 30, lines
    return plan


def ten_scenarios() -> list[Scenario]:
    """One scenario of every kind of change, and one that composes several."""
    cow = Investment(
        "cow2",
        "Second cow",
        InvestmentKind.COW,
        major(9_000),
        Month(2027, 6),
        running_costs=Schedule.monthly(major(150), WINTER),
        income=Schedule.monthly(major(450)),
        income_delay_months=1,
        resale_value=major(7_000),
    )
    loan = Debt(
        "bank",
        "Bank loan",
        LenderKind.BANK,
        major(10_000),
        Decimal(24),
        Month(2027, 3),
        term_months=24,
        received=True,
    )
    return [
        Scenario("less", "Remittances fall 20%", (RemittanceChange(Decimal(-20), Month(2027, 4)),)),
        Scenario(
            "rouble", "The rouble falls 30%", (ExchangeRateShock(Decimal(-30), Month(2027, 2)),)
        ),
        Scenario("replay", "2014-15 again", (ReplayEpisode("2014-15", Month(2027, 1)),)),
        Scenario("home", "Comes home", (MigrantReturns(Month(2027, 9), None, major(900)),)),
        Scenario("home6", "Home six months", (MigrantReturns(Month(2027, 12), 6),)),
        Scenario("toi", "A wedding", (OneOffExpense("Wedding", major(40_000), Month(2027, 10)),)),
        Scenario(
            "save", "Save 10%", (SavingHabit(percent_of_remittance=Decimal(10), place_id="cash"),)
        ),
        Scenario("cow", "Buy a cow", (AddInvestment(cow),)),
        Scenario(
            "deposit", "Deposit instead", (PutOnDeposit(major(9_000), Month(2027, 6), Decimal(12)),)
        ),
        Scenario(
            "mixed",
            "Loan, falling rouble, saving",
            (
                TakeLoan(loan),
                ExchangeRateShock(Decimal(-15), Month(2027, 8)),
                SavingHabit(monthly_amount=major(150), place_id="gap"),
                RemittanceChange(Decimal(10), Month(2028, 1)),
            ),
        ),
    ]
