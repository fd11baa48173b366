"""Ready-made what-if scenarios a trainer can show with one click, and edit.

Each preset is a function of the family's :class:`~budget_tutor.model.Plan`, of ``today`` (the
calendar month the app is used in; the core never reads the clock) and of its **assumptions**:
the numbers behind it (the cow's price, the deposit's rate, the wedding's cost and month…). The
assumptions are data (:class:`Assumption`, with a default, a unit and a range); the What if? page
shows them in a small editor per preset, and every value reaches the scenario through
:meth:`Preset.scenarios`. "Next month" is the month after ``today``, but never before the plan
starts. Titles are translated and filled in when shown (:meth:`Preset.title`).

The defaults are realistic for a rural Tajik household in 2024–2026 (somoni):

* a wedding ("туй") costs a family 30,000–60,000 somoni: the preset uses 40,000 in October;
* a milk cow costs about 9,000 somoni; hay and bran in the five winter months (November–March)
  cost about 300 somoni a month (grazing the rest of the year, 50 somoni); from the second month
  the milk the family does not drink sells for about 500 somoni a month from April to October
  and 250 in winter; later a cow still sells for about 7,000 somoni;
* a somoni term deposit in a Tajik bank pays about 12% a year, the interest paid out each month;
  the money itself is locked until the end, like the money put into a cow. So "put the same money
  on deposit" takes the same 9,000 somoni out of the purse in the same month as the cow, and the
  two differ only in what they give back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from budget_tutor.i18n import N_, _, safe_format
from budget_tutor.model import (
    ExpenseCategory,
    Investment,
    InvestmentKind,
    Month,
    Plan,
    SavingsKind,
    Schedule,
)
from budget_tutor.money import major, round_minor
from budget_tutor.scenarios import (
    AddInvestment,
    ExchangeRateShock,
    MigrantReturns,
    OneOffExpense,
    ReplayEpisode,
    SavingHabit,
    Scenario,
)
from budget_tutor.wording import in_month

PRESET_PREFIX = "preset-"
#: The winter months: hay and bran for the cow, less milk.
WINTER = (1, 2, 3, 11, 12)


class Unit(StrEnum):
    MONEY = "money"  # dirams, edited in whole somoni
    PERCENT = "percent"  # whole percent
    MONTH = "month"  # a calendar month 1..12: the first such month from next month on


@dataclass(frozen=True)
class Assumption:
    """One number behind a preset, which the trainer may change."""

    key: str
    label: str  # English, marked with N_
    unit: Unit
    default: int
    low: int
    high: int

    def clamp(self, value: int) -> int:
        return min(self.high, max(self.low, int(value)))


Values = Mapping[str, int]


def _money(key: str, label: str, somoni: int, low: int, high: int) -> Assumption:
    return Assumption(key, label, Unit.MONEY, major(somoni), major(low), major(high))


ROUBLE_FALL = Assumption("fall", N_("How much the rouble falls"), Unit.PERCENT, 30, 5, 90)
HOME_MONTH = Assumption("month", N_("Month he comes home"), Unit.MONTH, 9, 1, 12)
WEDDING_COST = _money("cost", N_("What the wedding costs"), 40_000, 1_000, 300_000)
WEDDING_MONTH = Assumption("month", N_("Month of the wedding"), Unit.MONTH, 10, 1, 12)
COW_PRICE = _money("cow_price", N_("Price of the cow"), 9_000, 500, 100_000)
COW_MILK_SUMMER = _money("milk_summer", N_("Milk sold a month, April–October"), 500, 0, 10_000)
COW_MILK_WINTER = _money("milk_winter", N_("Milk sold a month, November–March"), 250, 0, 10_000)
COW_FEED_WINTER = _money("feed_winter", N_("Hay and bran a month, November–March"), 300, 0, 5_000)
COW_FEED_SUMMER = _money("feed_summer", N_("Feed a month, April–October"), 50, 0, 5_000)
COW_RESALE = _money("resale", N_("What the cow sells for later"), 7_000, 0, 100_000)
DEPOSIT_RATE = Assumption("rate", N_("Deposit interest a year"), Unit.PERCENT, 12, 0, 40)
SAVE_SHARE = Assumption("share", N_("Share of each remittance saved"), Unit.PERCENT, 10, 1, 50)


def next_month(plan: Plan, today: Month) -> Month:
    """The month after ``today``, or the plan's first month if that is later."""
    return max(today.plus(1), plan.household.start_month)


def first_calendar_month(after: Month, calendar_month: int) -> Month:
    """The first ``calendar_month`` (1..12) on or after ``after``."""
    year = after.year if after.month <= calendar_month else after.year + 1
    return Month(year, calendar_month)


# ------------------------------------------------------------------------------------------------
# the presets
# ------------------------------------------------------------------------------------------------


def _rouble_falls(plan: Plan, today: Month, v: Values) -> tuple[Scenario, ...]:
    fall = v["fall"]
    return (
        Scenario(
            id=f"{PRESET_PREFIX}rouble-falls",
            name=safe_format(
                _("The rouble falls {percent}%"), "The rouble falls {percent}%", percent=fall
            ),
            changes=(ExchangeRateShock(Decimal(-fall), next_month(plan, today)),),
        ),
    )


def _migrant_home(plan: Plan, today: Month, v: Values) -> tuple[Scenario, ...]:
    month = first_calendar_month(next_month(plan, today), v["month"])
    return (
        Scenario(
            id=f"{PRESET_PREFIX}migrant-home",
            name=safe_format(
                # Translators: {in_month} is e.g. "in September 2027" (wording.in_month).
                _("The migrant comes home {in_month}"),
                "The migrant comes home {in_month}",
                in_month=in_month(month),
            ),
            changes=(MigrantReturns(month),),
        ),
    )


def _wedding(plan: Plan, today: Month, v: Values) -> tuple[Scenario, ...]:
    month = first_calendar_month(next_month(plan, today), v["month"])
    return (
        Scenario(
            id=f"{PRESET_PREFIX}wedding",
            name=safe_format(
                # Translators: {in_month} is e.g. "in October 2027" (wording.in_month).
                _("A wedding {in_month}"),
                "A wedding {in_month}",
                in_month=in_month(month),
            ),
            changes=(OneOffExpense(_("Wedding"), v["cost"], month, ExpenseCategory.CEREMONIES),),
        ),
    )


def _by_season(winter: int, summer: int) -> Schedule:
    return Schedule(by_month=tuple(winter if m in WINTER else summer for m in range(1, 13)))


def cow(start: Month, v: Values | None = None) -> Investment:
    """The cow of the "buy a cow" preset, bought in ``start``."""
    v = PRESETS_BY_ID["cow-or-deposit"].resolve(v)
    return Investment(
        id=f"{PRESET_PREFIX}cow",
        name=_("Cow"),
        kind=InvestmentKind.COW,
        cost=v["cow_price"],
        start_month=start,
        running_costs=_by_season(v["feed_winter"], v["feed_summer"]),
        income=_by_season(v["milk_winter"], v["milk_summer"]),
        income_delay_months=1,
        resale_value=v["resale"],
    )


def monthly_interest(amount: int, annual_percent: int) -> int:
    """A month's interest on ``amount`` at ``annual_percent`` a year (simple, paid out each
    month), rounded half-up to the diram: 9,000 somoni at 12% is 90 somoni a month."""
    return round_minor(Decimal(amount) * annual_percent / 1200)


def term_deposit(start: Month, amount: int, annual_percent: int) -> Investment:
    """``amount`` put on a term deposit in ``start``: the money is locked until the end (held
    as what the family owns, like the cow) and the interest is paid into the purse each month
    from the month after."""
    return Investment(
        id=f"{PRESET_PREFIX}term-deposit",
        name=_("Bank deposit"),
        kind=InvestmentKind.OTHER,
        cost=amount,
        start_month=start,
        income=Schedule.monthly(monthly_interest(amount, annual_percent)),
        income_delay_months=1,
        resale_value=amount,
    )


def _cow_or_deposit(plan: Plan, today: Month, v: Values) -> tuple[Scenario, ...]:
    start = next_month(plan, today)
    return (
        Scenario(
            id=f"{PRESET_PREFIX}buy-cow",
            name=_("Buy a cow"),
            changes=(AddInvestment(cow(start, v)),),
        ),
        Scenario(
            id=f"{PRESET_PREFIX}deposit",
            name=_("Put the same money on deposit"),
            changes=(AddInvestment(term_deposit(start, v["cow_price"], v["rate"])),),
        ),
    )


def _save_share(plan: Plan, today: Month, v: Values) -> tuple[Scenario, ...]:
    # Save into the family's first deposit or cash place; a new cash place when there is none.
    place_id = ""
    for kind in (SavingsKind.DEPOSIT, SavingsKind.CASH, SavingsKind.SAVINGS_GROUP):
        place = next((p for p in plan.savings if p.kind is kind), None)
        if place is not None:
            place_id = place.id
            break
    share = v["share"]
    return (
        Scenario(
            id=f"{PRESET_PREFIX}save-tenth",
            name=safe_format(
                _("Save {percent}% of each remittance"),
                "Save {percent}% of each remittance",
                percent=share,
            ),
            changes=(
                SavingHabit(
                    percent_of_remittance=Decimal(share),
                    place_id=place_id,
                    from_month=next_month(plan, today),
                ),
            ),
        ),
    )


def _replay(episode: str, name: str) -> Callable[[Plan, Month, Values], tuple[Scenario, ...]]:
    def build(plan: Plan, today: Month, _v: Values) -> tuple[Scenario, ...]:
        return (
            Scenario(
                id=f"{PRESET_PREFIX}replay-{episode}",
                name=_(name),
                changes=(ReplayEpisode(episode, next_month(plan, today)),),
            ),
        )

    return build


@dataclass(frozen=True)
class Preset:
    id: str
    #: The button's title, English, marked with N_; it may name an assumption ({percent}).
    name: str
    build: Callable[[Plan, Month, Values], tuple[Scenario, ...]]
    assumptions: tuple[Assumption, ...] = ()
    #: What the preset does, in one sentence (English, N_), shown as the button's tooltip.
    description: str = ""

    def defaults(self) -> dict[str, int]:
        return {a.key: a.default for a in self.assumptions}

    def resolve(self, values: Values | None = None) -> dict[str, int]:
        """The defaults with ``values`` laid over them, each kept within its range (unknown
        keys are left out)."""
        out = self.defaults()
        for a in self.assumptions:
            if values is not None and a.key in values:
                out[a.key] = a.clamp(values[a.key])
        return out

    def title(self, values: Values | None = None) -> str:
        v = self.resolve(values)
        return safe_format(_(self.name), self.name, percent=v.get("fall", v.get("share", "")))

    def scenarios(
        self, plan: Plan, today: Month, values: Values | None = None
    ) -> tuple[Scenario, ...]:
        return self.build(plan, today, self.resolve(values))


PRESETS: tuple[Preset, ...] = (
    Preset(
        "rouble-falls",
        N_("The rouble falls {percent}%"),
        _rouble_falls,
        (ROUBLE_FALL,),
        N_("From next month the rouble buys fewer somoni."),
    ),
    Preset(
        "migrant-home",
        N_("The migrant comes home"),
        _migrant_home,
        (HOME_MONTH,),
        N_("From that month no more money comes from abroad."),
    ),
    Preset(
        "wedding",
        N_("A wedding"),
        _wedding,
        (WEDDING_COST, WEDDING_MONTH),
        N_("A wedding costs a large sum at once."),
    ),
    Preset(
        "cow-or-deposit",
        N_("Buy a cow or put the money on deposit"),
        _cow_or_deposit,
        (
            COW_PRICE,
            COW_MILK_SUMMER,
            COW_MILK_WINTER,
            COW_FEED_WINTER,
            COW_FEED_SUMMER,
            COW_RESALE,
            DEPOSIT_RATE,
        ),
        N_(
            "Next month the same money buys a cow that gives milk, or goes on a term deposit "
            "that pays interest each month."
        ),
    ),
    Preset(
        "save-tenth",
        N_("Save {percent}% of each remittance"),
        _save_share,
        (SAVE_SHARE,),
        N_("Put a share of every transfer aside as soon as it arrives."),
    ),
    Preset(
        "replay-2022-03",
        N_("Replay March 2022"),
        _replay("2022-03", N_("Replay March 2022")),
        (),
        N_("The rouble moves as it did from February 2022: down, then back up."),
    ),
    Preset(
        "replay-2014-15",
        N_("Replay 2014–2015"),
        _replay("2014-15", N_("Replay 2014–2015")),
        (),
        N_("The rouble moves as it did in the crisis of 2014–2015."),
    ),
)
PRESETS_BY_ID = {p.id: p for p in PRESETS}


def preset_scenarios(
    preset_id: str, plan: Plan, today: Month, values: Values | None = None
) -> tuple[Scenario, ...]:
    """The scenarios of one preset for this plan (raises KeyError for an unknown id)."""
    return PRESETS_BY_ID[preset_id].scenarios(plan, today, values)


def preset_title(preset_id: str, values: Values | None = None) -> str:
    return PRESETS_BY_ID[preset_id].title(values)


def is_preset(scenario: Scenario) -> bool:
    return scenario.id.startswith(PRESET_PREFIX)


def scenario_display_name(scenario: Scenario) -> str:
    """The name to show: a preset's scenario is named in the active language when it is built
    (it is built again after a language switch); a name the family typed is shown as it is."""
    return scenario.name or _("Scenario")
