"""What the family takes home: the content of the printed handout, as plain translated data.

:func:`build_handout` reads a projection and returns a :class:`Handout` of short sentences in the
active language (the caller renders it: ``budget_tutor/ui/handout_export.py`` makes a PDF).
Names the family typed (the household, the goals) are kept literally; the renderer must show
them as plain text.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from budget_tutor import finance
from budget_tutor.charts import cash_flow
from budget_tutor.i18n import _, ngettext, safe_format
from budget_tutor.model import Month, Plan, month_label
from budget_tutor.money import MINOR_PER_MAJOR, format_money
from budget_tutor.projection import Projection

#: Amounts in next steps are rounded up to this many somoni, so they are easy to remember.
ROUND_TO = 10 * MINOR_PER_MAJOR


@dataclass(frozen=True)
class GoalLine:
    name: str  # as the family typed it
    target: str  # "1 500 TJS"
    when: str  # "Reached in September 2027" / "Not reached in 12 months"
    wanted: str  # "Wanted by October 2027: on time" / "" when no month was set
    on_time: bool | None


@dataclass(frozen=True)
class Handout:
    language: str
    title: str
    household_name: str  # literal user text
    subtitle: str
    summary_heading: str
    summary: tuple[str, ...]
    chart_caption: str
    goals_heading: str
    goals: tuple[GoalLine, ...]
    no_goals: str
    steps_heading: str
    next_steps: tuple[str, ...]
    footer: str


def _fmt(template: str, english: str, **values: object) -> str:
    return safe_format(template, english, **values)


def round_up(amount: int, unit: int = ROUND_TO) -> int:
    """``amount`` rounded up to a whole ``unit`` (0 stays 0)."""
    if amount <= 0:
        return 0
    return -(-amount // unit) * unit


def _months_phrase(count: int) -> str:
    return _fmt(ngettext("{count} month", "{count} months", count), "{count} months", count=count)


def summary_lines(plan: Plan, projection: Projection, locale: str) -> tuple[str, ...]:
    s = projection.summary

    def money(amount: int) -> str:
        return format_money(amount, locale, decimals=False)

    n = s.months
    lines = [
        _fmt(
            ngettext(
                "Money coming in over {count} month: {amount}",
                "Money coming in over {count} months: {amount}",
                n,
            ),
            "Money coming in over {count} months: {amount}",
            count=n,
            amount=money(s.total_income),
        ),
        _fmt(
            ngettext(
                "Money going out over {count} month: {amount}",
                "Money going out over {count} months: {amount}",
                n,
            ),
            "Money going out over {count} months: {amount}",
            count=n,
            amount=money(s.total_spending + s.total_debt_service),
        ),
        _fmt(
            _("Put into savings: {amount}"),
            "Put into savings: {amount}",
            amount=money(s.total_contributions),
        ),
        _fmt(
            _("Food is {percent}% of the spending."),
            "Food is {percent}% of the spending.",
            percent=f"{s.food_share:.0f}",
        ),
        _fmt(
            _("The hardest month is {month}: {amount} left in the purse."),
            "The hardest month is {month}: {amount} left in the purse.",
            month=month_label(s.lowest_month, locale),
            amount=money(s.lowest_balance),
        ),
    ]
    withdrawals = sum(r.withdrawals for r in projection.rows)
    if withdrawals > 0:
        lines.append(
            _fmt(
                _("Taken back out of savings when the purse was empty: {amount}"),
                "Taken back out of savings when the purse was empty: {amount}",
                amount=money(withdrawals),
            )
        )
    if s.first_short_month is not None:
        lines.append(
            _fmt(
                _("The money runs out in {month}."),
                "The money runs out in {month}.",
                month=month_label(s.first_short_month, locale),
            )
        )
    else:
        lines.append(
            _fmt(
                ngettext(
                    "The money lasts the whole {count} month.",
                    "The money lasts the whole {count} months.",
                    n,
                ),
                "The money lasts the whole {count} months.",
                count=n,
            )
        )
    transfer_cost = sum(s.transfer_cost_by_year.values())
    if transfer_cost > 0:
        lines.append(
            _fmt(
                _("Transfer fees and exchange margins cost {amount}."),
                "Transfer fees and exchange margins cost {amount}.",
                amount=money(transfer_cost),
            )
        )
    lines.append(
        _fmt(
            _("At the end: {savings} in savings, {cash} in the purse, {debt} still owed."),
            "At the end: {savings} in savings, {cash} in the purse, {debt} still owed.",
            savings=money(s.end_savings),
            cash=money(s.end_cash),
            debt=money(s.end_debt),
        )
    )
    return tuple(lines)


def goal_lines(projection: Projection, locale: str) -> tuple[GoalLine, ...]:
    out = []
    for goal in projection.summary.goals:
        if goal.reached is not None:
            when = _fmt(
                _("Reached in {month}"),
                "Reached in {month}",
                month=month_label(goal.reached, locale),
            )
        else:
            when = _fmt(
                ngettext(
                    "Not reached in {count} month",
                    "Not reached in {count} months",
                    projection.summary.months,
                ),
                "Not reached in {count} months",
                count=projection.summary.months,
            )
        wanted = ""
        if goal.target_month is not None:
            status = _("on time") if goal.on_time else _("late")
            wanted = _fmt(
                _("Wanted by {month}: {status}"),
                "Wanted by {month}: {status}",
                month=month_label(goal.target_month, locale),
                status=status,
            )
        out.append(
            GoalLine(
                name=goal.name,
                target=format_money(goal.target, locale, decimals=False),
                when=when,
                wanted=wanted,
                on_time=goal.on_time,
            )
        )
    return tuple(out)


def next_steps(plan: Plan, projection: Projection, locale: str) -> tuple[str, ...]:
    """Concrete things the family can do, from what the projection shows, most urgent first."""
    s = projection.summary

    def money(amount: int) -> str:
        return format_money(amount, locale, decimals=False)

    steps: list[str] = []
    rows = projection.rows
    if s.first_short_month is not None:
        shortfall = -min(r.cash_close for r in rows)
        steps.append(
            _fmt(
                _("Find {amount} by {month}, or spend less: that is when the money runs out."),
                "Find {amount} by {month}, or spend less: that is when the money runs out.",
                amount=money(round_up(shortfall)),
                month=month_label(s.first_short_month, locale),
            )
        )
    flow = cash_flow(projection)
    gap_total = sum(flow.gap)
    good_months = sum(
        1 for inn, out in zip(flow.money_in, flow.money_out, strict=True) if inn > out
    )
    if gap_total > 0 and good_months > 0:
        steps.append(
            _fmt(
                ngettext(
                    "In the good months put {amount} aside each month: in {count} month "
                    "more goes out than comes in.",
                    "In the good months put {amount} aside each month: in {count} months "
                    "more goes out than comes in.",
                    len(flow.gap_months),
                ),
                "In the good months put {amount} aside each month: in {count} months "
                "more goes out than comes in.",
                amount=money(round_up(-(-gap_total // good_months))),
                count=len(flow.gap_months),
            )
        )
    start = rows[0].month if rows else plan.household.start_month
    for goal in s.goals:
        if goal.on_time is False and goal.target_month is not None:
            months_left = max(1, goal.target_month.minus(start) + 1)
            place = plan.place(next((g.place_id for g in plan.goals if g.id == goal.goal_id), ""))
            opening = place.opening_balance if place is not None else 0
            monthly = finance.monthly_saving_for_goal(goal.target, months_left, opening)
            steps.append(
                _fmt(
                    _("To have “{goal}” by {month}, save {amount} every month."),
                    "To have “{goal}” by {month}, save {amount} every month.",
                    goal=goal.name,
                    month=month_label(goal.target_month, locale),
                    amount=money(round_up(monthly)),
                )
            )
    if s.total_contributions == 0 and s.total_income > 0 and s.first_short_month is None:
        habit = round_up(s.total_income // max(s.months, 1) // 20)
        steps.append(
            _fmt(
                _("Start a saving habit: even {amount} a month adds up."),
                "Start a saving habit: even {amount} a month adds up.",
                amount=money(habit),
            )
        )
    transfer_cost = sum(s.transfer_cost_by_year.values())
    if transfer_cost > 0:
        steps.append(
            _fmt(
                _("Compare money transfer services: this plan pays {amount} in fees and margins."),
                "Compare money transfer services: this plan pays {amount} in fees and margins.",
                amount=money(transfer_cost),
            )
        )
    if s.end_debt > 0:
        steps.append(
            _fmt(
                _("Pay back the most expensive debt first: {amount} is still owed at the end."),
                "Pay back the most expensive debt first: {amount} is still owed at the end.",
                amount=money(s.end_debt),
            )
        )
    steps.append(_("Look at this plan together each month when the money from abroad arrives."))
    return tuple(steps)


def build_handout(
    plan: Plan, projection: Projection, locale: str, language: str, made_on: _dt.date
) -> Handout:
    """The handout in the active language (``language``; ``locale`` for months and numbers)."""
    from babel.dates import format_date

    rows = projection.rows
    first: Month = rows[0].month if rows else plan.household.start_month
    subtitle = _fmt(
        _("Plan for {months} from {month}. Made on {date}."),
        "Plan for {months} from {month}. Made on {date}.",
        months=_months_phrase(projection.summary.months),
        month=month_label(first, locale),
        date=format_date(made_on, format="long", locale=locale),
    )
    return Handout(
        language=language,
        title=_("Our family budget plan"),
        household_name=plan.household.name,
        subtitle=subtitle,
        summary_heading=_("Our plan in short"),
        summary=summary_lines(plan, projection, locale),
        chart_caption=_("Money kept each month: savings and cash. Dashed lines are our goals."),
        goals_heading=_("Our goals"),
        goals=goal_lines(projection, locale),
        no_goals=_("No savings goals yet. Choose one together: it makes saving easier."),
        steps_heading=_("Our next steps"),
        next_steps=next_steps(plan, projection, locale),
        footer=_("Made with Budget Tutor. Amounts are estimates: check them every month."),
    )
