"""Ready-made what-if scenarios a trainer can show with one click.

Each preset is a function of the family's :class:`~budget_tutor.model.Plan` and of ``today`` (the
calendar month the app is used in; the core never reads the clock). "Next month" is the month
after ``today``, but never before the plan starts. Names are marked with ``N_`` and translated
when shown (:func:`preset_title`, :func:`scenario_display_name`); a scenario built from a preset
keeps the English name, so it reads correctly after a language switch.

The amounts are realistic for a rural Tajik household in 2024–2026 (somoni):

* a wedding ("туй") costs a family 30,000–60,000 somoni: the preset uses 40,000;
* a milk cow costs about 9,000 somoni; hay and bran in the five winter months cost about
  300 somoni a month (grazing the rest of the year, 50 somoni); from the second month the milk
  the family does not drink sells for about 450 somoni a month, less in winter; after three
  years a cow still sells for about 7,000 somoni;
* a somoni deposit in a Tajik bank pays about 12% a year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from budget_tutor.i18n import N_, _, ngettext, safe_format
from budget_tutor.model import (
    ExpenseCategory,
    Investment,
    InvestmentKind,
    Month,
    Plan,
    SavingsKind,
    Schedule,
    month_label,
)
from budget_tutor.money import format_money, major
from budget_tutor.projection import Projection, ScenarioDifference
from budget_tutor.scenarios import (
    AddInvestment,
    ExchangeRateShock,
    MigrantReturns,
    OneOffExpense,
    PutOnDeposit,
    ReplayEpisode,
    SavingHabit,
    Scenario,
)

PRESET_PREFIX = "preset-"

WEDDING_COST = major(40_000)
COW_PRICE = major(9_000)
COW_WINTER_FEED = major(300)
COW_SUMMER_FEED = major(50)
COW_RESALE = major(7_000)
#: Milk sold per calendar month, January first (less while the cow is dry in winter).
COW_MILK = tuple(major(v) for v in (250, 250, 350, 450, 550, 550, 550, 500, 450, 400, 300, 250))
DEPOSIT_RATE = Decimal(12)
ROUBLE_FALL = Decimal(-30)
SAVE_SHARE = Decimal(10)
WINTER = (1, 2, 3, 11, 12)


def next_month(plan: Plan, today: Month) -> Month:
    """The month after ``today``, or the plan's first month if that is later."""
    return max(today.plus(1), plan.household.start_month)


def first_calendar_month(after: Month, calendar_month: int) -> Month:
    """The first ``calendar_month`` (1..12) on or after ``after``."""
    year = after.year if after.month <= calendar_month else after.year + 1
    return Month(year, calendar_month)


def _rouble_falls(plan: Plan, today: Month) -> tuple[Scenario, ...]:
    return (
        Scenario(
            id=f"{PRESET_PREFIX}rouble-falls",
            name=N_("The rouble falls 30%"),
            changes=(ExchangeRateShock(ROUBLE_FALL, next_month(plan, today)),),
            description=N_("From next month the rouble buys 30% fewer somoni."),
        ),
    )


def _migrant_home(plan: Plan, today: Month) -> tuple[Scenario, ...]:
    return (
        Scenario(
            id=f"{PRESET_PREFIX}migrant-home",
            name=N_("The migrant comes home in September"),
            changes=(MigrantReturns(first_calendar_month(next_month(plan, today), 9)),),
            description=N_("From September no more money comes from abroad."),
        ),
    )


def _wedding(plan: Plan, today: Month) -> tuple[Scenario, ...]:
    month = first_calendar_month(next_month(plan, today), 10)
    return (
        Scenario(
            id=f"{PRESET_PREFIX}wedding",
            name=N_("A wedding next autumn"),
            changes=(OneOffExpense(_("Wedding"), WEDDING_COST, month, ExpenseCategory.CEREMONIES),),
            description=N_("A wedding in October costs 40,000 somoni at once."),
        ),
    )


def cow(start: Month) -> Investment:
    winter_or_summer = tuple(
        COW_WINTER_FEED if m in WINTER else COW_SUMMER_FEED for m in range(1, 13)
    )
    return Investment(
        id=f"{PRESET_PREFIX}cow",
        name=_("Cow"),
        kind=InvestmentKind.COW,
        cost=COW_PRICE,
        start_month=start,
        running_costs=Schedule(by_month=winter_or_summer),
        income=Schedule(by_month=COW_MILK),
        income_delay_months=1,
        resale_value=COW_RESALE,
    )


def _cow_or_deposit(plan: Plan, today: Month) -> tuple[Scenario, ...]:
    start = next_month(plan, today)
    return (
        Scenario(
            id=f"{PRESET_PREFIX}buy-cow",
            name=N_("Buy a cow"),
            changes=(AddInvestment(cow(start)),),
            description=N_("Buy a cow for 9,000 somoni next month and sell the milk."),
        ),
        Scenario(
            id=f"{PRESET_PREFIX}deposit",
            name=N_("Put the same money on deposit"),
            changes=(PutOnDeposit(COW_PRICE, start, DEPOSIT_RATE),),
            description=N_("Put 9,000 somoni on a bank deposit at 12% a year next month."),
        ),
    )


def _save_tenth(plan: Plan, today: Month) -> tuple[Scenario, ...]:
    # Save into the family's first deposit or cash place; a new cash place when there is none.
    place_id = ""
    for kind in (SavingsKind.DEPOSIT, SavingsKind.CASH, SavingsKind.SAVINGS_GROUP):
        place = next((p for p in plan.savings if p.kind is kind), None)
        if place is not None:
            place_id = place.id
            break
    return (
        Scenario(
            id=f"{PRESET_PREFIX}save-tenth",
            name=N_("Save 10% of each remittance"),
            changes=(
                SavingHabit(
                    percent_of_remittance=SAVE_SHARE,
                    place_id=place_id,
                    from_month=next_month(plan, today),
                ),
            ),
            description=N_("Put a tenth of every transfer aside as soon as it arrives."),
        ),
    )


def _replay_2022(plan: Plan, today: Month) -> tuple[Scenario, ...]:
    return (
        Scenario(
            id=f"{PRESET_PREFIX}replay-2022-03",
            name=N_("Replay March 2022"),
            changes=(ReplayEpisode("2022-03", next_month(plan, today)),),
            description=N_("The rouble moves as it did from February 2022: down, then back up."),
        ),
    )


def _replay_2014(plan: Plan, today: Month) -> tuple[Scenario, ...]:
    return (
        Scenario(
            id=f"{PRESET_PREFIX}replay-2014-15",
            name=N_("Replay 2014–2015"),
            changes=(ReplayEpisode("2014-15", next_month(plan, today)),),
            description=N_("The rouble moves as it did in the crisis of 2014–2015."),
        ),
    )


@dataclass(frozen=True)
class Preset:
    id: str
    name: str  # English, marked with N_
    build: Callable[[Plan, Month], tuple[Scenario, ...]]

    def title(self) -> str:
        return _(self.name)

    def scenarios(self, plan: Plan, today: Month) -> tuple[Scenario, ...]:
        return self.build(plan, today)


PRESETS: tuple[Preset, ...] = (
    Preset("rouble-falls", N_("The rouble falls 30%"), _rouble_falls),
    Preset("migrant-home", N_("The migrant comes home in September"), _migrant_home),
    Preset("wedding", N_("A wedding next autumn"), _wedding),
    Preset("cow-or-deposit", N_("Buy a cow or put the money on deposit"), _cow_or_deposit),
    Preset("save-tenth", N_("Save 10% of each remittance"), _save_tenth),
    Preset("replay-2022-03", N_("Replay March 2022"), _replay_2022),
    Preset("replay-2014-15", N_("Replay 2014–2015"), _replay_2014),
)
PRESETS_BY_ID = {p.id: p for p in PRESETS}


def preset_scenarios(preset_id: str, plan: Plan, today: Month) -> tuple[Scenario, ...]:
    """The scenarios of one preset for this plan (raises KeyError for an unknown id)."""
    return PRESETS_BY_ID[preset_id].scenarios(plan, today)


def preset_title(preset_id: str) -> str:
    return PRESETS_BY_ID[preset_id].title()


def is_preset(scenario: Scenario) -> bool:
    return scenario.id.startswith(PRESET_PREFIX)


def scenario_display_name(scenario: Scenario) -> str:
    """The name to show: preset names (and descriptions) are translated into the active
    language; a name the family typed is shown as it is."""
    if is_preset(scenario):
        return _(scenario.name)
    return scenario.name or _("Scenario")


def scenario_display_description(scenario: Scenario) -> str:
    if is_preset(scenario) and scenario.description:
        return _(scenario.description)
    return scenario.description


# ------------------------------------------------------------------------------------------------
# a scenario's result in words a family can read
# ------------------------------------------------------------------------------------------------


def _money(amount: int, locale: str) -> str:
    return format_money(amount, locale, decimals=False)


def money_at_end(projection: Projection) -> int:
    """Savings plus the purse at the end of the projection."""
    return projection.summary.end_savings + projection.summary.end_cash


def describe_difference(
    difference: ScenarioDifference,
    baseline: Projection,
    scenario: Projection,
    locale: str,
) -> tuple[str, ...]:
    """Plain sentences: how much more or less at the end, whether and when the money runs out,
    the hardest month, and how each goal moves."""
    sentences: list[str] = []
    delta = money_at_end(scenario) - money_at_end(baseline)
    if delta > 0:
        sentences.append(
            safe_format(
                _("With this, you have {amount} more at the end."),
                "With this, you have {amount} more at the end.",
                amount=_money(delta, locale),
            )
        )
    elif delta < 0:
        sentences.append(
            safe_format(
                _("With this, you have {amount} less at the end."),
                "With this, you have {amount} less at the end.",
                amount=_money(-delta, locale),
            )
        )
    else:
        sentences.append(_("With this, you have the same money at the end."))
    worth = difference.net_worth_end
    if worth != delta:
        template, english, amount = (
            (
                _("Counting investments and debts, you are {amount} better off."),
                "Counting investments and debts, you are {amount} better off.",
                worth,
            )
            if worth >= 0
            else (
                _("Counting investments and debts, you are {amount} worse off."),
                "Counting investments and debts, you are {amount} worse off.",
                -worth,
            )
        )
        sentences.append(safe_format(template, english, amount=_money(amount, locale)))
    short, base_short = difference.first_short_month, difference.baseline_first_short_month
    if short is not None and base_short is None:
        sentences.append(
            safe_format(
                _("The money runs out in {month}."),
                "The money runs out in {month}.",
                month=month_label(short, locale),
            )
        )
    elif short is not None and base_short is not None and short != base_short:
        sentences.append(
            safe_format(
                _("The money runs out in {month} instead of {base_month}."),
                "The money runs out in {month} instead of {base_month}.",
                month=month_label(short, locale),
                base_month=month_label(base_short, locale),
            )
        )
    elif short is not None:
        sentences.append(
            safe_format(
                _("The money still runs out in {month}."),
                "The money still runs out in {month}.",
                month=month_label(short, locale),
            )
        )
    elif base_short is not None:
        sentences.append(_("The money no longer runs out."))
    sentences.append(
        safe_format(
            _("The hardest month is {month}, with {amount} in the purse."),
            "The hardest month is {month}, with {amount} in the purse.",
            month=month_label(difference.lowest_month, locale),
            amount=_money(difference.lowest_balance, locale),
        )
    )
    names = {g.goal_id: g.name for g in baseline.summary.goals}
    for goal_id, (before, after) in difference.goal_months.items():
        name = names.get(goal_id, "")
        if before == after:
            continue
        if before is not None and after is not None:
            moved = after.minus(before)
            count = abs(moved)
            if moved > 0:
                english = "“{goal}” is reached {count} months later, in {month}."
                template = ngettext(
                    "“{goal}” is reached {count} month later, in {month}.",
                    "“{goal}” is reached {count} months later, in {month}.",
                    count,
                )
            else:
                english = "“{goal}” is reached {count} months earlier, in {month}."
                template = ngettext(
                    "“{goal}” is reached {count} month earlier, in {month}.",
                    "“{goal}” is reached {count} months earlier, in {month}.",
                    count,
                )
            sentences.append(
                safe_format(
                    template, english, goal=name, count=count, month=month_label(after, locale)
                )
            )
        elif after is None:
            months = scenario.summary.months
            sentences.append(
                safe_format(
                    ngettext(
                        "“{goal}” is no longer reached in {count} month.",
                        "“{goal}” is no longer reached in {count} months.",
                        months,
                    ),
                    "“{goal}” is no longer reached in {count} months.",
                    goal=name,
                    count=months,
                )
            )
        else:
            sentences.append(
                safe_format(
                    _("“{goal}” is now reached, in {month}."),
                    "“{goal}” is now reached, in {month}.",
                    goal=name,
                    month=month_label(after, locale),
                )
            )
    return tuple(sentences)


def goal_month_text(projection: Projection, locale: str) -> str:
    """One line per goal: "School: August 2027" or "School: not reached"."""
    lines = []
    for goal in projection.summary.goals:
        when = (
            month_label(goal.reached, locale, short=True)
            if goal.reached is not None
            else _("not reached")
        )
        lines.append(
            safe_format(
                # Translators: a goal and when it is reached, in a table cell.
                _("{goal}: {month}"),
                "{goal}: {month}",
                goal=goal.name,
                month=when,
            )
        )
    return "\n".join(lines)
