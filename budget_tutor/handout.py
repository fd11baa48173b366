"""What the family takes home: the content of the printed handout, as plain translated data.

:func:`build_handout` reads a :class:`~budget_tutor.projection.Comparison` (the plan and up to
three What if? scenarios the trainer chose) and returns a :class:`Handout` of short sentences and
table cells in the active language (the caller renders it: ``budget_tutor/ui/handout_export.py``
makes a PDF). Every figure in it comes from the projection by the rules of ``docs/handout.md``;
a balance below zero is always said in words ("short by …"), never shown as money the family
has. Names the family typed (the household, the goals) are kept literally; the renderer must
show them as plain text.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from budget_tutor import finance
from budget_tutor.i18n import _, ngettext, pgettext, safe_format
from budget_tutor.model import IncomeKind, Plan, month_label
from budget_tutor.money import MINOR_PER_MAJOR, format_money
from budget_tutor.projection import Comparison, MonthRow, Projection
from budget_tutor.wording import balance_text, by_month, in_month, long_date

#: Amounts in next steps are rounded to this many somoni, so they are easy to remember: money to
#: find is rounded up (the family needs at least that), money to put aside is rounded down (the
#: family has at least that).
ROUND_TO = 10 * MINOR_PER_MAJOR
#: At most this many What if? scenarios are printed.
MAX_SCENARIOS = 3


@dataclass(frozen=True)
class GoalLine:
    name: str  # as the family typed it
    target: str  # "1 500 TJS"
    when: str  # "Reached in September 2027" / "Not reached in 12 months"
    wanted: str  # "Wanted by October 2027: on time" / "No month chosen"
    on_time: bool | None


@dataclass(frozen=True)
class MonthLine:
    """One row of the month-by-month table."""

    month: str  # "March 2027"
    money_in: str
    money_out: str
    savings: str
    end_of_month: str  # the purse at the month's end: "300 TJS" or "short by 2,070 TJS"
    short: bool


@dataclass(frozen=True)
class ScenarioLine:
    """One row of the What if? table: the plan as it is first, then each chosen scenario."""

    name: str
    at_end: str  # savings + purse at the end, in words when below zero
    compared: str  # "1,200 TJS more than our plan" / "—" for the plan itself
    runs_out: str  # "March 2027" / "No"


@dataclass(frozen=True)
class Handout:
    language: str
    title: str
    household_name: str  # literal user text
    subtitle: str
    made_on: str
    summary_heading: str
    summary: tuple[str, ...]
    chart_caption: str
    months_heading: str
    months_headers: tuple[str, str, str, str, str]
    months: tuple[MonthLine, ...]
    goals_heading: str
    goals_headers: tuple[str, str, str, str]
    goals: tuple[GoalLine, ...]
    no_goals: str
    scenarios_heading: str
    scenarios_headers: tuple[str, str, str, str]
    scenarios: tuple[ScenarioLine, ...]  # empty when the trainer chose none
    steps_heading: str
    next_steps: tuple[str, ...]
    footer: str


def one_final_stop(text: str) -> str:
    """A sentence that ends with an abbreviation's stop ("… в марте 2027 г.") takes no second
    stop, whatever the template adds: "г.." becomes "г." (an ellipsis "..." is left alone)."""
    if text.endswith("..") and not text.endswith("..."):
        return text[:-1]
    return text


def _fmt(template: str, english: str, **values: object) -> str:
    return one_final_stop(safe_format(template, english, **values))


def round_up(amount: int, unit: int = ROUND_TO) -> int:
    """``amount`` rounded up to a whole ``unit`` (0 and less stay 0)."""
    if amount <= 0:
        return 0
    return -(-amount // unit) * unit


def round_down(amount: int, unit: int = ROUND_TO) -> int:
    """``amount`` rounded down to a whole ``unit`` (less than one unit is 0)."""
    if amount <= 0:
        return 0
    return amount // unit * unit


def _months_phrase(count: int) -> str:
    return _fmt(ngettext("{count} month", "{count} months", count), "{count} months", count=count)


def _money(amount: int, locale: str) -> str:
    return format_money(amount, locale, decimals=False)


def _money_and_words(amount: int, locale: str) -> str:
    """A total as a figure and, for those who read numbers with difficulty, in words:
    "2 070 сомонӣ (ду ҳазору ҳафтод сомонӣ)" (whole somoni, as the figure shows)."""
    from budget_tutor.amount_words import MAX_WORDS, somoni_in_words

    whole = round_whole(max(amount, 0))
    if whole == 0 or whole > MAX_WORDS * MINOR_PER_MAJOR:  # "0 TJS (zero somoni)" helps no one
        return _money(amount, locale)
    return _fmt(
        # Translators: a total followed by the same amount in words, e.g.
        # "2 070 сомонӣ (ду ҳазору ҳафтод сомонӣ)". Keep {amount} and {amount_in_words}.
        _("{amount} ({amount_in_words})"),
        "{amount} ({amount_in_words})",
        amount=_money(amount, locale),
        amount_in_words=somoni_in_words(whole, locale.split("_")[0]),
    )


# -- the figures, from the projection (docs/handout.md) -----------------------------------------


def money_in(row: MonthRow) -> int:
    """What comes into the purse in a month: income, investment income, loans received."""
    return row.income + row.investment_income + row.loans_received


def money_out(row: MonthRow) -> int:
    """What goes out of the purse in a month (before saving): spending, debt payments,
    investment costs."""
    return row.spending + row.debt_service + row.investment_costs


@dataclass(frozen=True)
class Figures:
    """The numbers the next steps are made of (see ``docs/handout.md``), in dirams."""

    first_short: MonthRow | None  # the first month the purse ends below zero
    first_shortfall: int  # how much it is short at the end of that month (> 0), else 0
    deepest: MonthRow | None  # the month the purse is lowest, when that is below zero
    good_months: tuple[MonthRow, ...]  # months with a surplus of at least ROUND_TO
    bad_months: tuple[MonthRow, ...]  # months where more goes out than comes in
    need: int  # Σ (out − in) over the bad months
    monthly_saving: int  # what to put aside in each good month (0: no step)


def figures(projection: Projection) -> Figures:
    rows = projection.rows
    first_short = next((r for r in rows if r.cash_close < 0), None)
    deepest: MonthRow | None = None
    for r in rows:  # the first of equally low months
        if r.cash_close < 0 and (deepest is None or r.cash_close < deepest.cash_close):
            deepest = r
    surplus = [(r, money_in(r) - money_out(r)) for r in rows]
    good = tuple(r for r, s in surplus if s >= ROUND_TO)
    bad = tuple(r for r, s in surplus if s < 0)
    need = sum(-s for _r, s in surplus if s < 0)
    saving = 0
    if need > 0 and good:
        smallest = min(money_in(r) - money_out(r) for r in good)
        saving = round_down(min(-(-need // len(good)), smallest))
    return Figures(
        first_short=first_short,
        first_shortfall=-first_short.cash_close if first_short is not None else 0,
        deepest=deepest,
        good_months=good,
        bad_months=bad,
        need=need,
        monthly_saving=saving,
    )


# -- the parts of the handout --------------------------------------------------------------------


def summary_lines(plan: Plan, projection: Projection, locale: str) -> tuple[str, ...]:
    s = projection.summary
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
            amount=_money_and_words(s.total_income, locale),
        ),
        _fmt(
            ngettext(
                "Money going out over {count} month: {amount}",
                "Money going out over {count} months: {amount}",
                n,
            ),
            "Money going out over {count} months: {amount}",
            count=n,
            amount=_money_and_words(s.total_spending + s.total_debt_service, locale),
        ),
        _fmt(
            _("Put into savings: {amount}"),
            "Put into savings: {amount}",
            amount=_money_and_words(s.total_contributions, locale),
        ),
        _fmt(
            _("Food is {percent}% of the spending."),
            "Food is {percent}% of the spending.",
            percent=f"{s.food_share:.0f}",
        ),
    ]
    if s.lowest_balance >= 0:
        lines.append(
            _fmt(
                _("The purse is lowest {in_month}: {amount} left."),
                "The purse is lowest {in_month}: {amount} left.",
                in_month=in_month(s.lowest_month),
                amount=_money(s.lowest_balance, locale),
            )
        )
    else:
        lines.append(
            _fmt(
                _("The purse is lowest {in_month}: short by {amount}."),
                "The purse is lowest {in_month}: short by {amount}.",
                in_month=in_month(s.lowest_month),
                amount=_money(-s.lowest_balance, locale),
            )
        )
    withdrawals = sum(r.withdrawals for r in projection.rows)
    if withdrawals > 0:
        lines.append(
            _fmt(
                _("Taken back out of savings when the purse was empty: {amount}"),
                "Taken back out of savings when the purse was empty: {amount}",
                amount=_money(withdrawals, locale),
            )
        )
    if s.first_short_month is not None:
        lines.append(
            _fmt(
                _("The money runs out {in_month}."),
                "The money runs out {in_month}.",
                in_month=in_month(s.first_short_month),
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
                amount=_money(transfer_cost, locale),
            )
        )
    if s.end_cash >= 0:
        lines.append(
            _fmt(
                _("At the end: {savings} in savings, {cash} in the purse, {debt} still owed."),
                "At the end: {savings} in savings, {cash} in the purse, {debt} still owed.",
                savings=_money(s.end_savings, locale),
                cash=_money(s.end_cash, locale),
                debt=_money(s.end_debt, locale),
            )
        )
    else:
        lines.append(
            _fmt(
                _(
                    "At the end: {savings} in savings, {debt} still owed, and the purse is "
                    "short by {amount}."
                ),
                "At the end: {savings} in savings, {debt} still owed, and the purse is "
                "short by {amount}.",
                savings=_money(s.end_savings, locale),
                debt=_money(s.end_debt, locale),
                amount=_money(-s.end_cash, locale),
            )
        )
    return tuple(lines)


def month_lines(projection: Projection, locale: str) -> tuple[MonthLine, ...]:
    return tuple(
        MonthLine(
            month=month_label(r.month, locale),
            money_in=_money(money_in(r), locale),
            money_out=_money(money_out(r), locale),
            savings=_money(r.savings_total, locale),
            end_of_month=balance_text(round_whole(r.cash_close), locale),
            short=r.cash_close < 0,
        )
        for r in projection.rows
    )


def round_whole(amount: int) -> int:
    """To a whole somoni, halves away from zero (as the table shows no dirams)."""
    sign = -1 if amount < 0 else 1
    return sign * ((abs(amount) + MINOR_PER_MAJOR // 2) // MINOR_PER_MAJOR) * MINOR_PER_MAJOR


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
        if goal.target_month is not None:
            status = _("on time") if goal.on_time else _("late")
            # Translators: a cell under the heading "Wanted by": the month and "on time"/"late".
            wanted = _fmt(
                pgettext("goal wanted by", "{month}: {status}"),
                "{month}: {status}",
                month=month_label(goal.target_month, locale),
                status=status,
            )
        else:
            wanted = _("No month chosen")
        out.append(
            GoalLine(
                name=goal.name,
                target=_money(goal.target, locale),
                when=when,
                wanted=wanted,
                on_time=goal.on_time,
            )
        )
    return tuple(out)


def _money_kept_by(projection: Projection, month: object) -> int | None:
    """Savings and purse together at the end of ``month`` (None when it is not projected)."""
    for r in projection.rows:
        if r.month == month:
            return r.savings_total + r.cash_close
    return None


def _needed_on_place(plan: Plan, goal_id: str) -> int:
    """The goal's target plus the targets of the goals filled before it on the same place
    (priority, then plan order: step 10 of docs/projection.md)."""
    order = {g.id: i for i, g in enumerate(plan.goals)}
    goal = next((g for g in plan.goals if g.id == goal_id), None)
    if goal is None:
        return 0
    key = (goal.priority, order[goal.id])
    return sum(
        g.target
        for g in plan.goals
        if g.place_id == goal.place_id and (g.priority, order[g.id]) <= key
    )


def _goal_steps(plan: Plan, projection: Projection, locale: str) -> list[str]:
    steps: list[str] = []
    s = projection.summary
    start = projection.rows[0].month if projection.rows else plan.household.start_month
    for goal in s.goals:
        if goal.reached is not None and goal.on_time is not False:
            steps.append(
                _fmt(
                    _("“{goal}” ({amount}) is reached {in_month}."),
                    "“{goal}” ({amount}) is reached {in_month}.",
                    goal=goal.name,
                    amount=_money(goal.target, locale),
                    in_month=in_month(goal.reached),
                )
            )
            continue
        if goal.target_month is None:
            steps.append(
                _fmt(
                    ngettext(
                        "“{goal}” is not reached in {count} month: save more each month or "
                        "choose a smaller amount.",
                        "“{goal}” is not reached in {count} months: save more each month or "
                        "choose a smaller amount.",
                        s.months,
                    ),
                    "“{goal}” is not reached in {count} months: save more each month or "
                    "choose a smaller amount.",
                    goal=goal.name,
                    count=s.months,
                )
            )
            continue
        months_left = max(1, goal.target_month.minus(start) + 1)
        place_id = next((g.place_id for g in plan.goals if g.id == goal.goal_id), "")
        place = plan.place(place_id)
        opening = place.opening_balance if place is not None else 0
        monthly = round_up(finance.monthly_saving_for_goal(goal.target, months_left, opening))
        kept = _money_kept_by(projection, goal.target_month)
        if kept is not None and kept < _needed_on_place(plan, goal.goal_id):
            if kept > 0:
                steps.append(
                    _fmt(
                        _(
                            "“{goal}” cannot be reached {by_month} with this plan: by then "
                            "savings and purse hold only {amount} together. Choose a later "
                            "month or a smaller amount."
                        ),
                        "“{goal}” cannot be reached {by_month} with this plan: by then "
                        "savings and purse hold only {amount} together. Choose a later "
                        "month or a smaller amount.",
                        goal=goal.name,
                        by_month=by_month(goal.target_month),
                        amount=_money(round_down(kept), locale),
                    )
                )
            else:
                steps.append(
                    _fmt(
                        _(
                            "“{goal}” cannot be reached {by_month} with this plan: by then "
                            "no money is left over. Choose a later month or a smaller amount."
                        ),
                        "“{goal}” cannot be reached {by_month} with this plan: by then "
                        "no money is left over. Choose a later month or a smaller amount.",
                        goal=goal.name,
                        by_month=by_month(goal.target_month),
                    )
                )
            continue
        steps.append(
            _fmt(
                _("To have “{goal}” {by_month}, save {amount} every month."),
                "To have “{goal}” {by_month}, save {amount} every month.",
                goal=goal.name,
                by_month=by_month(goal.target_month),
                amount=_money(monthly, locale),
            )
        )
    return steps


def next_steps(plan: Plan, projection: Projection, locale: str) -> tuple[str, ...]:
    """Concrete things the family can do, from what the projection shows, most urgent first.

    The rules are written down in ``docs/handout.md``."""
    s = projection.summary
    fig = figures(projection)
    steps: list[str] = []
    if fig.first_short is not None:
        steps.append(
            _fmt(
                _(
                    "The money runs out {in_month}: that month you are short by {amount}. "
                    "Find this money {by_month} or spend less."
                ),
                "The money runs out {in_month}: that month you are short by {amount}. "
                "Find this money {by_month} or spend less.",
                in_month=in_month(fig.first_short.month),
                by_month=by_month(fig.first_short.month),
                amount=_money(round_up(fig.first_shortfall), locale),
            )
        )
    if (
        fig.deepest is not None
        and fig.first_short is not None
        and fig.deepest is not fig.first_short
    ):
        steps.append(
            _fmt(
                _(
                    "The gap is deepest {in_month}: by the end of that month you are short by {amount} in all."
                ),
                "The gap is deepest {in_month}: by the end of that month you are short by {amount} in all.",
                in_month=in_month(fig.deepest.month),
                amount=_money(round_up(-fig.deepest.cash_close), locale),
            )
        )
    if fig.monthly_saving > 0:
        count = len(fig.good_months)
        steps.append(
            _fmt(
                ngettext(
                    "In {count} month more comes in than goes out: put {amount} aside that "
                    "month for the months when more goes out than comes in.",
                    "In {count} months more comes in than goes out: put {amount} aside in "
                    "each of them for the months when more goes out than comes in.",
                    count,
                ),
                "In {count} months more comes in than goes out: put {amount} aside in "
                "each of them for the months when more goes out than comes in.",
                count=count,
                amount=_money(fig.monthly_saving, locale),
            )
        )
    steps += _goal_steps(plan, projection, locale)
    if (
        s.total_contributions == 0
        and s.total_income > 0
        and fig.first_short is None
        and fig.good_months
    ):
        smallest = min(money_in(r) - money_out(r) for r in fig.good_months)
        habit = min(round_up(s.total_income // max(s.months, 1) // 20), round_down(smallest))
        if habit > 0:
            steps.append(
                _fmt(
                    _("Start a saving habit: even {amount} a month adds up."),
                    "Start a saving habit: even {amount} a month adds up.",
                    amount=_money(habit, locale),
                )
            )
    transfer_cost = sum(s.transfer_cost_by_year.values())
    if transfer_cost > 0:
        steps.append(
            _fmt(
                _("Compare money transfer services: this plan pays {amount} in fees and margins."),
                "Compare money transfer services: this plan pays {amount} in fees and margins.",
                amount=_money(transfer_cost, locale),
            )
        )
    if s.end_debt > 0:
        steps.append(
            _fmt(
                _("Pay back the most expensive debt first: {amount} is still owed at the end."),
                "Pay back the most expensive debt first: {amount} is still owed at the end.",
                amount=_money(s.end_debt, locale),
            )
        )
    if any(inc.kind is IncomeKind.REMITTANCE for inc in plan.incomes):
        steps.append(_("Look at this plan together each month when the money from abroad arrives."))
    else:
        steps.append(_("Look at this plan together every month."))
    return tuple(steps)


def scenario_lines(comparison: Comparison, locale: str) -> tuple[ScenarioLine, ...]:
    """The plan as it is, then each scenario of the comparison (at most :data:`MAX_SCENARIOS`)."""
    if not comparison.scenarios:
        return ()

    def at_end(p: Projection) -> int:
        return p.summary.end_savings + p.summary.end_cash

    def runs_out(p: Projection) -> str:
        m = p.summary.first_short_month
        return month_label(m, locale) if m is not None else pgettext("money runs out", "No")

    base = comparison.baseline
    lines = [
        ScenarioLine(
            name=_("Our plan as it is"),
            at_end=balance_text(round_whole(at_end(base)), locale),
            compared="\u2014",  # an em dash: the plan is what the others are compared with
            runs_out=runs_out(base),
        )
    ]
    for proj in comparison.scenarios[:MAX_SCENARIOS]:
        name = proj.scenario_name or _("Scenario")
        delta = round_whole(at_end(proj)) - round_whole(at_end(base))
        if delta > 0:
            compared = _fmt(
                _("{amount} more than our plan"),
                "{amount} more than our plan",
                amount=_money(delta, locale),
            )
        elif delta < 0:
            compared = _fmt(
                _("{amount} less than our plan"),
                "{amount} less than our plan",
                amount=_money(-delta, locale),
            )
        else:
            compared = _("the same as our plan")
        lines.append(
            ScenarioLine(
                name=name,
                at_end=balance_text(round_whole(at_end(proj)), locale),
                compared=compared,
                runs_out=runs_out(proj),
            )
        )
    return tuple(lines)


def comparison_for_handout(plan: Plan, scenarios: Sequence[object], months: int) -> Comparison:
    """The comparison the handout prints: the plan and the first :data:`MAX_SCENARIOS`
    of ``scenarios`` over ``months`` months."""
    from budget_tutor.projection import compare
    from budget_tutor.scenarios import Scenario

    chosen = [s for s in scenarios if isinstance(s, Scenario)][:MAX_SCENARIOS]
    return compare(plan, chosen, months)


def build_handout(
    plan: Plan,
    comparison: Comparison | Projection,
    locale: str,
    language: str,
    made_on: _dt.date,
) -> Handout:
    """The handout in the active language (``language``; ``locale`` for numbers and labels).

    ``comparison`` is the plan's projection, or a comparison with the What if? scenarios the
    trainer chose (:func:`comparison_for_handout`)."""
    if isinstance(comparison, Projection):
        comparison = Comparison(comparison, ())
    projection = comparison.baseline
    rows = projection.rows
    first = rows[0].month if rows else plan.household.start_month
    last = rows[-1].month if rows else first
    subtitle = _fmt(
        _("Plan for {months}: {first} – {last}"),
        "Plan for {months}: {first} – {last}",
        months=_months_phrase(projection.summary.months),
        first=month_label(first, locale),
        last=month_label(last, locale),
    )
    # Translators: under the title of the handout; {date} is a whole date such as
    # "5 марта 2027 г." (it already ends with its own stop in Russian: add none).
    made = _fmt(_("Made on {date}"), "Made on {date}", date=long_date(made_on))
    return Handout(
        language=language,
        title=_("Our family budget plan"),
        household_name=plan.household.name,
        subtitle=subtitle,
        made_on=made,
        summary_heading=_("Our plan in short"),
        summary=summary_lines(plan, projection, locale),
        chart_caption=_("Money kept each month: savings and cash. Dashed lines are our goals."),
        months_heading=_("Month by month"),
        months_headers=(
            pgettext("handout table", "Month"),
            pgettext("handout table", "Coming in"),
            pgettext("handout table", "Going out"),
            pgettext("handout table", "Savings"),
            pgettext("handout table", "In the purse at the month's end"),
        ),
        months=month_lines(projection, locale),
        goals_heading=_("Our goals"),
        goals_headers=(
            pgettext("handout table", "Goal"),
            pgettext("handout table", "Amount"),
            pgettext("handout table", "When"),
            pgettext("handout table", "Wanted by"),
        ),
        goals=goal_lines(projection, locale),
        no_goals=_("No savings goals yet. Choose one together: it makes saving easier."),
        scenarios_heading=_("What if…?"),
        scenarios_headers=(
            pgettext("handout table", "What if…?"),
            pgettext("handout table", "Savings and purse at the end"),
            pgettext("handout table", "Compared with our plan"),
            pgettext("handout table", "Money runs out"),
        ),
        scenarios=scenario_lines(comparison, locale),
        steps_heading=_("Our next steps"),
        next_steps=next_steps(plan, projection, locale),
        footer=_("Made with Budget Tutor. Amounts are estimates: check them every month."),
    )
