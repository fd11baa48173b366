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


# -- the line a task enters ----------------------------------------------------------------


def _task(section: str, suggestion: Suggestion, p: Plan, amount: int | None = None):  # type: ignore[no-untyped-def]
    from budget_tutor.lessons.planner_link import plan_task

    return plan_task(
        p,
        section,
        suggestion,
        name=suggestion.name,
        amount=suggested_amount(suggestion, p) if amount is None else amount,
        place_name="Cash at home",
    )


def test_an_income_task_enters_kind_currency_months_and_amount() -> None:
    from budget_tutor.model import Income, IncomeKind
    from budget_tutor.money import Currency

    s = Suggestion(
        "add_income",
        "Money from abroad",
        amount=Decimal("2300"),
        kind="remittance",
        currency="TJS",
        in_months=(4, 5, 6, 7, 8, 9, 10, 11),
    )
    task = _task("incomes", s, plan())
    line = task.line
    assert isinstance(line, Income) and task.existing is None and task.prerequisite is None
    assert (line.kind, line.currency, line.name) == (
        IncomeKind.REMITTANCE,
        Currency.TJS,
        "Money from abroad",
    )
    assert [line.schedule.amount_in(m) for m in range(1, 13)] == [0] * 3 + [230000] * 8 + [0]


def test_defaults_by_kind_where_the_task_names_none() -> None:
    from budget_tutor.model import Expense, Income
    from budget_tutor.money import Currency

    pension = _task(
        "incomes", Suggestion("add_income", "Pension", Decimal(700), kind="pension"), plan()
    )
    assert isinstance(pension.line, Income) and pension.line.currency is Currency.TJS
    abroad = _task(
        "incomes", Suggestion("add_income", "Abroad", Decimal(1), kind="remittance"), plan()
    )
    assert isinstance(abroad.line, Income) and abroad.line.currency is Currency.RUB
    coal = _task(
        "expenses",
        Suggestion("add_expense", "Coal", Decimal(900), kind="heating"),
        Plan(Household("New")),
    )
    assert isinstance(coal.line, Expense) and coal.line.schedule.active_months() == (
        1,
        2,
        3,
        11,
        12,
    )
    school = _task(
        "expenses",
        Suggestion("add_expense", "School", Decimal(9), kind="education"),
        Plan(Household("New")),
    )
    assert isinstance(school.line, Expense) and school.line.schedule.active_months() == (8, 9)


def test_a_task_updates_the_line_of_that_kind_instead_of_adding_another() -> None:
    from budget_tutor.model import Expense

    p = plan()
    s = Suggestion("add_expense", "Food for the month", Decimal(1120), kind="food")
    task = _task("expenses", s, p)
    assert task.existing is p.expenses[0]
    line = task.line
    assert isinstance(line, Expense)
    # The family's line keeps its id and name; the task's amount and months go in.
    assert (line.id, line.name, line.schedule.amount) == ("f", "Flour and oil", 112000)
    assert p.with_line("expenses", line).expenses[0] == line
    assert len(p.with_line("expenses", line).expenses) == len(p.expenses)


def test_a_goal_without_a_savings_place_brings_one() -> None:
    from budget_tutor.model import Month, SavingsGoal, SavingsKind

    p = plan().replace(household=Household("Rahimov", start_month=Month(2027, 9)))
    s = Suggestion("add_goal", "Emergency fund", amount_rule="months_of_food", months=3)
    task = _task("goals", s, p)
    place = task.prerequisite
    assert place is not None and place.kind is SavingsKind.CASH and place.name == "Cash at home"
    goal = task.line
    assert isinstance(goal, SavingsGoal) and goal.place_id == place.id
    assert goal.target == 3 * 158333
    stored = p.with_line("savings", place).with_line("goals", goal)
    assert stored.goals == (goal,)
    school = _task("goals", Suggestion("add_goal", "School", Decimal(2800), in_months=(8,)), stored)
    assert school.prerequisite is None and school.line.place_id == place.id  # type: ignore[attr-defined]
    assert school.line.target_month == Month(2028, 8)  # type: ignore[attr-defined]


def test_a_one_off_falls_in_the_next_such_month() -> None:
    from budget_tutor.lessons.planner_link import next_month
    from budget_tutor.model import Month, OneOffCost

    p = Plan(Household("New", start_month=Month(2027, 3)))
    s = Suggestion("add_one_off", "Wedding", Decimal(40000), kind="ceremonies", in_months=(10,))
    line = _task("one_offs", s, p).line
    assert (
        isinstance(line, OneOffCost) and line.month == Month(2027, 10) and line.amount == 4_000_000
    )
    assert next_month(Month(2027, 10), 10) == Month(2027, 10)
    assert next_month(Month(2027, 11), 10) == Month(2028, 10)


def test_every_builtin_task_names_its_line_completely() -> None:
    """Each built-in planner task names a currency, an amount (or a rule) and, where the section
    has kinds, its kind; the line it makes is one the plan accepts."""
    from budget_tutor.lessons.library import builtin_lessons_dir, load_library
    from budget_tutor.lessons.model import SECTION_KINDS, PlannerTaskStep

    library = load_library(builtin_lessons_dir())
    tasks = [
        s for lesson in library.lessons for s in lesson.steps if isinstance(s, PlannerTaskStep)
    ]
    assert len(tasks) == 11
    p = plan()
    for step in tasks:
        s = step.suggestion
        assert s is not None, step.id
        assert s.currency is not None, step.id
        assert s.amount is not None or s.amount_rule is not None, step.id
        assert (s.kind is not None) == (step.section in SECTION_KINDS), step.id
        task = _task(step.section, s, p)
        if task.prerequisite is not None:
            p = p.with_line("savings", task.prerequisite)
        if step.section != "debts":  # a debt also needs the payment the family types
            p = p.with_line(step.section, task.line)


def test_a_goal_task_finds_the_goal_the_family_named_longer() -> None:
    from budget_tutor.lessons.planner_link import matching_line
    from budget_tutor.model import SavingsGoal, SavingsKind, SavingsPlace

    p = Plan(
        Household("Karimov"),
        savings=(SavingsPlace("box", "Box", SavingsKind.CASH),),
        goals=(
            SavingsGoal("g1", "Cow", 800000, "box"),
            SavingsGoal("g2", "Emergency fund: food for three months", 675000, "box"),
        ),
    )
    s = Suggestion("add_goal", "Emergency fund", amount_rule="months_of_food", months=3)
    assert matching_line(p, "goals", s, "Emergency  FUND") is p.goals[1]
    assert matching_line(p, "goals", s, "School") is None
