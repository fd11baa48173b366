"""From a lesson's planner task to the family's plan: the amount a suggestion stands for.

A planner task suggests a line (``add_goal`` "Emergency fund") with either a fixed ``amount`` or
an ``amount_rule`` computed from the family's own plan:

- ``months_of_food``: the plan's average monthly spending on food × ``months``;
- ``months_of_essentials``: the average monthly spending on essential expenses × ``months``.

Averages are yearly totals / 12, rounded once to the diram with the core's rule.
"""

from __future__ import annotations

from decimal import Decimal

from budget_tutor.lessons.model import Suggestion
from budget_tutor.model import ExpenseCategory, Plan
from budget_tutor.money import round_minor, to_minor


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
