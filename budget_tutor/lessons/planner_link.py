"""From a lesson's planner task to the family's plan: the amount a suggestion stands for.

A planner task suggests a line (``add_goal`` "Emergency fund") with either a fixed ``amount`` or
an ``amount_rule`` computed from the family's own plan:

- ``months_of_food``: the plan's average monthly spending on food × ``months``;
- ``months_of_essentials``: the average monthly spending on essential expenses × ``months``.

Averages are yearly totals / 12, rounded once to the diram with the core's rule.

:func:`plan_task` turns a task into the line the planner's dialog opens with: the kind,
currency, calendar months and amount the task names (defaults by kind where it names none),
the family's existing line of that kind to update instead of a duplicate, and a savings place
to add first when a goal has none to be saved in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from budget_tutor.lessons.model import Suggestion
from budget_tutor.model import (
    ALL_MONTHS,
    Debt,
    Expense,
    ExpenseCategory,
    Income,
    IncomeKind,
    Investment,
    InvestmentKind,
    LenderKind,
    Month,
    OneOffCost,
    Per,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
    default_currency,
    default_months,
    new_id,
)
from budget_tutor.money import Currency, round_minor, to_minor


def monthly_food(plan: Plan) -> int:
    """Average monthly food spending of the plan, in dirams."""
    yearly = sum(
        e.schedule.yearly_total() for e in plan.expenses if e.category is ExpenseCategory.FOOD
    )
    return round_minor(Decimal(yearly) / 12)


def monthly_essentials(plan: Plan) -> int:
    """Average monthly spending on the plan's essential expenses, in dirams."""
    yearly = sum(e.schedule.yearly_total() for e in plan.expenses if e.essential)
    return round_minor(Decimal(yearly) / 12)


def suggested_amount(suggestion: Suggestion, plan: Plan | None) -> int | None:
    """The suggestion's amount in dirams (None: no amount, or the rule needs a plan that has
    no matching spending yet, so the family types it)."""
    if suggestion.amount is not None:
        return to_minor(suggestion.amount)
    if suggestion.amount_rule is None or suggestion.months is None or plan is None:
        return None
    if suggestion.amount_rule == "months_of_food":
        monthly = monthly_food(plan)
    else:
        monthly = monthly_essentials(plan)
    if monthly <= 0:
        return None
    return monthly * suggestion.months


# ------------------------------------------------------------------------------------------------
# the line a task enters
# ------------------------------------------------------------------------------------------------

#: The kind a task's line gets when the task names none (the first choice of the line dialog).
DEFAULT_KINDS: dict[str, str] = {
    "incomes": IncomeKind.REMITTANCE.value,
    "expenses": ExpenseCategory.FOOD.value,
    "one_offs": ExpenseCategory.CEREMONIES.value,
    "savings": SavingsKind.CASH.value,
    "debts": LenderKind.SHOP.value,
    "investments": InvestmentKind.COW.value,
}
#: The attribute that holds a line's kind, per section.
KIND_FIELDS = {
    "incomes": "kind",
    "expenses": "category",
    "one_offs": "category",
    "savings": "kind",
    "debts": "lender",
    "investments": "kind",
}
ID_PREFIXES = {
    "incomes": "inc-",
    "expenses": "exp-",
    "one_offs": "one-",
    "savings": "sav-",
    "goals": "goal-",
    "debts": "debt-",
    "investments": "inv-",
}


@dataclass(frozen=True)
class PlannerTask:
    """What the planner does for a lesson's task.

    ``line`` is the line the dialog opens with: a new line, or, when the plan already has a line
    of that kind (``existing``), that line with the task's values (same id and name), so OK
    updates it instead of adding a duplicate. ``prerequisite`` is a line the task needs first
    (a goal needs a place for savings): it is added together with the line.
    """

    section: str
    line: object
    existing: object | None = None
    prerequisite: SavingsPlace | None = None


def next_month(start: Month, calendar_month: int) -> Month:
    """The first ``calendar_month`` (1..12) at or after ``start``."""
    month = Month(start.year, calendar_month)
    return month if month >= start else Month(start.year + 1, calendar_month)


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def matching_line(plan: Plan, section: str, suggestion: Suggestion, name: str) -> object | None:
    """The plan's line that a task for ``section`` would duplicate: the first line of the same
    kind (for goals, which have no kind: the same name, ignoring case and spaces, or else the
    first goal whose name contains the task's name)."""
    lines: tuple[object, ...] = getattr(plan, section)
    if section == "goals":
        wanted = _plain(name)
        names = [(line, _plain(getattr(line, "name", ""))) for line in lines]
        for line, have in names:
            if have == wanted:
                return line
        for line, have in names:  # "Emergency fund: three months of food"
            if wanted and wanted in have:
                return line
        return None
    field_name = KIND_FIELDS[section]
    kind = suggestion.kind or DEFAULT_KINDS[section]
    for line in lines:
        if str(getattr(line, field_name)) == kind:
            return line
    return None


def default_savings_place(name: str) -> SavingsPlace:
    """The place for savings a goal gets when the plan has none: cash at home, named ``name``
    (translated by the caller)."""
    return SavingsPlace(new_id(ID_PREFIXES["savings"]), name, SavingsKind.CASH)


def plan_task(
    plan: Plan,
    section: str,
    suggestion: Suggestion,
    *,
    name: str,
    amount: int | None,
    place_name: str,
) -> PlannerTask:
    """The line a task for ``section`` enters in ``plan``, exactly as the task names it.

    ``name`` is the task's line name in the learner's language; ``amount`` the amount in minor
    units (:func:`suggested_amount`, None: 0 for the family to type); ``place_name`` the name
    of the savings place made for a goal when the plan has none.
    """
    if section not in ID_PREFIXES:
        raise ValueError(f"unknown plan section {section!r}")
    minor = amount or 0
    kind = suggestion.kind or DEFAULT_KINDS.get(section, "")
    existing = matching_line(plan, section, suggestion, name)
    start = plan.household.start_month
    months = suggestion.in_months
    prerequisite: SavingsPlace | None = None
    values: dict[str, object]
    if section == "incomes":
        income_kind = IncomeKind(kind)
        cls: type = Income
        values = {
            "kind": income_kind,
            "currency": Currency(suggestion.currency or default_currency(income_kind)),
            "schedule": Schedule.monthly(minor, months or ALL_MONTHS),
        }
    elif section == "expenses":
        category = ExpenseCategory(kind)
        cls = Expense
        values = {
            "category": category,
            "schedule": Schedule.monthly(minor, months or default_months(category)),
        }
    elif section == "one_offs":
        cls = OneOffCost
        values = {
            "category": ExpenseCategory(kind),
            "amount": minor,
            "month": next_month(start, months[0]) if months else start,
        }
    elif section == "savings":
        cls = SavingsPlace
        old = getattr(existing, "contribution", Schedule())
        values = {
            "kind": SavingsKind(kind),
            "contribution": dataclasses.replace(old, amount=minor, per=Per.MONTH, by_month=None),
        }
    elif section == "goals":
        cls = SavingsGoal
        if existing is not None:
            place_id = existing.place_id  # type: ignore[attr-defined]
        elif plan.savings:
            place_id = plan.savings[0].id
        else:
            prerequisite = default_savings_place(place_name)
            place_id = prerequisite.id
        values = {
            "target": minor,
            "place_id": place_id,
            "target_month": next_month(start, months[0]) if months else None,
        }
    elif section == "debts":
        cls = Debt
        values = {
            "lender": LenderKind(kind),
            "principal": minor,
            "annual_rate": Decimal(0),
            "start_month": start,
        }
    else:
        cls = Investment
        values = {
            "kind": InvestmentKind(kind),
            "cost": minor,
            "start_month": start,
            "income": Schedule.monthly(0, months or ALL_MONTHS),
        }
    if existing is not None:
        if section == "debts":  # keep the rate and the start of the debt the family has
            values = {k: v for k, v in values.items() if k in ("lender", "principal")}
        if section == "investments":
            old_income = existing.income  # type: ignore[attr-defined]
            values["income"] = Schedule.monthly(old_income.amount, months or old_income.months)
        line = dataclasses.replace(existing, **values)  # type: ignore[type-var]
    else:
        line = cls(id=new_id(ID_PREFIXES[section]), name=name, **values)
    return PlannerTask(section, line, existing, prerequisite)
