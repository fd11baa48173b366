"""The household plan: what a family and a trainer enter, in the domain's own words.

Every class is a frozen dataclass: an edit makes a new plan (``dataclasses.replace`` or the
``with_…`` helpers), which is what undo/redo, scenarios and storage rely on. Amounts are ``int``
minor units (dirams, kopecks, cents) in the currency named beside them; rates and percentages are
``Decimal``.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from budget_tutor.i18n import N_, pgettext
from budget_tutor.money import Currency, spread

ALL_MONTHS: tuple[int, ...] = tuple(range(1, 13))
#: Longest projection horizon, in months.
MAX_HORIZON = 120


def new_id(prefix: str = "") -> str:
    """A short random identifier for a plan line."""
    return f"{prefix}{uuid.uuid4().hex[:10]}"


# ------------------------------------------------------------------------------------------------
# months
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month: ``Month(2027, 4)`` is April 2027."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, not {self.month}")
        if not 1900 <= self.year <= 2200:
            raise ValueError(f"year out of range: {self.year}")

    @property
    def index(self) -> int:
        """Months since year 0; differences of indexes count months."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> Month:
        return cls(index // 12, index % 12 + 1)

    def plus(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    def minus(self, other: Month) -> int:
        """How many months ``self`` is after ``other``."""
        return self.index - other.index

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read ``YYYY-MM``; raises ValueError."""
        parts = text.strip().split("-")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"{text!r} is not a month (YYYY-MM)")
        return cls(int(parts[0]), int(parts[1]))

    def __str__(self) -> str:
        return self.iso()


# ------------------------------------------------------------------------------------------------
# schedules: how an amount is spread over the calendar
# ------------------------------------------------------------------------------------------------


class Per(StrEnum):
    MONTH = "month"  # ``amount`` in every active month
    YEAR = "year"  # ``amount`` a year, spread evenly over the active months


@dataclass(frozen=True)
class Schedule:
    """When and how much: an amount per month or per year over chosen calendar months.

    ``by_month`` (12 values, January first) sets an individual amount for each calendar month and
    then takes precedence over ``amount``/``per``/``months``.
    """

    amount: int = 0
    per: Per = Per.MONTH
    months: tuple[int, ...] = ALL_MONTHS
    by_month: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        if any(not 1 <= m <= 12 for m in self.months):
            raise ValueError("months must be 1..12")
        if len(set(self.months)) != len(self.months):
            raise ValueError("months repeat")
        if self.by_month is not None and len(self.by_month) != 12:
            raise ValueError("by_month needs 12 values")

    def amount_in(self, calendar_month: int) -> int:
        """The amount that falls in one calendar month (1..12)."""
        if self.by_month is not None:
            return self.by_month[calendar_month - 1]
        if calendar_month not in self.months:
            return 0
        if self.per is Per.MONTH:
            return self.amount
        active = sorted(self.months)
        return spread(self.amount, len(active))[active.index(calendar_month)]

    def yearly_total(self) -> int:
        return sum(self.amount_in(m) for m in ALL_MONTHS)

    def active_months(self) -> tuple[int, ...]:
        return tuple(m for m in ALL_MONTHS if self.amount_in(m) != 0)

    @classmethod
    def monthly(cls, amount: int, months: tuple[int, ...] = ALL_MONTHS) -> Schedule:
        return cls(amount=amount, per=Per.MONTH, months=tuple(sorted(months)))

    @classmethod
    def yearly(cls, amount: int, months: tuple[int, ...] = ALL_MONTHS) -> Schedule:
        return cls(amount=amount, per=Per.YEAR, months=tuple(sorted(months)))


# ------------------------------------------------------------------------------------------------
# income
# ------------------------------------------------------------------------------------------------


class IncomeKind(StrEnum):
    REMITTANCE = "remittance"
    WAGES = "wages"
    PENSION = "pension"
    BENEFITS = "benefits"
    GARDEN = "garden"
    LIVESTOCK = "livestock"
    OTHER = "other"


INCOME_KIND_NAMES = {
    IncomeKind.REMITTANCE: N_("Money from abroad"),
    IncomeKind.WAGES: N_("Wages"),
    IncomeKind.PENSION: N_("Pension"),
    IncomeKind.BENEFITS: N_("Social benefits"),
    IncomeKind.GARDEN: N_("Garden sales"),
    IncomeKind.LIVESTOCK: N_("Livestock sales"),
    IncomeKind.OTHER: N_("Other income"),
}


#: The currency an income of each kind is usually paid in: what a new income line starts with
#: when its kind is chosen (the family can change it). Money from abroad comes in roubles; a
#: pension, wages and benefits are paid in somoni.
INCOME_KIND_CURRENCY = {
    IncomeKind.REMITTANCE: Currency.RUB,
    IncomeKind.WAGES: Currency.TJS,
    IncomeKind.PENSION: Currency.TJS,
    IncomeKind.BENEFITS: Currency.TJS,
    IncomeKind.GARDEN: Currency.TJS,
    IncomeKind.LIVESTOCK: Currency.TJS,
    IncomeKind.OTHER: Currency.TJS,
}


def default_currency(kind: IncomeKind) -> Currency:
    """The currency a new income of ``kind`` is entered in unless the family chooses another."""
    return INCOME_KIND_CURRENCY.get(IncomeKind(kind), Currency.TJS)


@dataclass(frozen=True)
class Income:
    """A source of money. ``schedule`` amounts are in ``currency``.

    For a remittance, ``fee_percent`` and ``fee_fixed`` (in ``currency``) are what the transfer
    service charges, and ``rate_margin_percent`` is how far the payout rate is below the National
    Bank's rate.
    """

    id: str
    name: str
    kind: IncomeKind
    schedule: Schedule
    currency: Currency = Currency.TJS
    fee_percent: Decimal = Decimal(0)
    fee_fixed: int = 0
    rate_margin_percent: Decimal = Decimal(0)

    @property
    def is_remittance(self) -> bool:
        return self.kind is IncomeKind.REMITTANCE


# ------------------------------------------------------------------------------------------------
# expenses
# ------------------------------------------------------------------------------------------------


class ExpenseCategory(StrEnum):
    FOOD = "food"
    HOUSING = "housing"
    HEATING = "heating"
    EDUCATION = "education"
    HEALTH = "health"
    TRANSPORT = "transport"
    COMMUNICATION = "communication"
    CLOTHING = "clothing"
    CEREMONIES = "ceremonies"
    DEBT = "debt"
    OTHER = "other"


EXPENSE_CATEGORY_NAMES = {
    ExpenseCategory.FOOD: N_("Food"),
    ExpenseCategory.HOUSING: N_("Housing and utilities"),
    ExpenseCategory.HEATING: N_("Winter heating"),
    ExpenseCategory.EDUCATION: N_("Education"),
    ExpenseCategory.HEALTH: N_("Health"),
    ExpenseCategory.TRANSPORT: N_("Transport"),
    ExpenseCategory.COMMUNICATION: N_("Phone and internet"),
    ExpenseCategory.CLOTHING: N_("Clothing"),
    ExpenseCategory.CEREMONIES: N_("Ceremonies and celebrations"),
    ExpenseCategory.DEBT: N_("Debt repayments"),
    ExpenseCategory.OTHER: N_("Other spending"),
}

#: The calendar months a new expense of these categories falls in, unless the family changes
#: them: winter heating November to March, school costs in August and September. Every other
#: category starts with the whole year.
EXPENSE_CATEGORY_MONTHS: dict[ExpenseCategory, tuple[int, ...]] = {
    ExpenseCategory.HEATING: (1, 2, 3, 11, 12),
    ExpenseCategory.EDUCATION: (8, 9),
}


def default_months(category: ExpenseCategory) -> tuple[int, ...]:
    """The calendar months (sorted, 1..12) a new expense of ``category`` starts with."""
    return EXPENSE_CATEGORY_MONTHS.get(ExpenseCategory(category), ALL_MONTHS)


#: Icon id (a file ``assets/icons/<id>.svg``) for every expense category.
EXPENSE_CATEGORY_ICONS = {c: f"cat-{c.value}" for c in ExpenseCategory}


@dataclass(frozen=True)
class Expense:
    """Spending on one thing, in somoni."""

    id: str
    name: str
    category: ExpenseCategory
    schedule: Schedule
    essential: bool = True

    @property
    def icon(self) -> str:
        return EXPENSE_CATEGORY_ICONS[self.category]


@dataclass(frozen=True)
class OneOffCost:
    """A large cost that falls once, in one month: a wedding, a funeral, a roof repair."""

    id: str
    name: str
    category: ExpenseCategory
    amount: int
    month: Month
    essential: bool = True

    @property
    def icon(self) -> str:
        return EXPENSE_CATEGORY_ICONS[self.category]


# ------------------------------------------------------------------------------------------------
# savings and goals
# ------------------------------------------------------------------------------------------------


class SavingsKind(StrEnum):
    CASH = "cash"  # cash kept at home
    DEPOSIT = "deposit"  # bank deposit with an annual rate
    LIVESTOCK = "livestock"  # animals, valued in somoni
    SAVINGS_GROUP = "savings_group"  # a community savings group (e.g. a "gap"/rotating group)


SAVINGS_KIND_NAMES = {
    SavingsKind.CASH: N_("Cash at home"),
    SavingsKind.DEPOSIT: N_("Bank deposit"),
    SavingsKind.LIVESTOCK: N_("Livestock"),
    SavingsKind.SAVINGS_GROUP: N_("Savings group"),
}

#: Order in which savings are drawn on when the family's purse runs short (most liquid first).
WITHDRAWAL_ORDER = (
    SavingsKind.CASH,
    SavingsKind.SAVINGS_GROUP,
    SavingsKind.DEPOSIT,
    SavingsKind.LIVESTOCK,
)


#: The only kind of savings place that pays interest. Cash at home and livestock earn none, and a
#: savings group pays none either (members get back what they put in): an ``annual_rate`` typed
#: on one of them is kept in the plan (old plan files load unchanged) but not used.
INTEREST_PAYING_KINDS = frozenset({SavingsKind.DEPOSIT})


@dataclass(frozen=True)
class SavingsPlace:
    """Where savings are kept. ``contribution`` is moved there from the purse each month;
    ``percent_of_remittance`` of every remittance received is moved there too. Only a bank
    deposit earns its ``annual_rate`` (:data:`INTEREST_PAYING_KINDS`)."""

    id: str
    name: str
    kind: SavingsKind
    opening_balance: int = 0
    annual_rate: Decimal = Decimal(0)
    contribution: Schedule = field(default_factory=Schedule)
    percent_of_remittance: Decimal = Decimal(0)
    #: (month, amount) sums moved from the purse into this place once, in that month.
    lump_sums: tuple[tuple[Month, int], ...] = ()
    #: Contributions and the remittance share start in this month (None: from the plan start).
    habit_from: Month | None = None

    @property
    def interest_rate(self) -> Decimal:
        """The annual rate the projection pays on this place: ``annual_rate`` for a bank
        deposit, 0 for any other kind (whatever rate was typed)."""
        return self.annual_rate if self.kind in INTEREST_PAYING_KINDS else Decimal(0)


@dataclass(frozen=True)
class SavingsGoal:
    """Something the family saves for. Goals on the same place fill in order of ``priority``
    (1 first): a goal is reached when the place holds its target plus the targets before it."""

    id: str
    name: str
    target: int
    place_id: str
    target_month: Month | None = None
    priority: int = 1


# ------------------------------------------------------------------------------------------------
# debts and investments
# ------------------------------------------------------------------------------------------------


class LenderKind(StrEnum):
    SHOP = "shop"
    RELATIVE = "relative"
    MICROFINANCE = "microfinance"
    BANK = "bank"


LENDER_KIND_NAMES = {
    LenderKind.SHOP: N_("Shop credit"),
    LenderKind.RELATIVE: N_("Relative or friend"),
    LenderKind.MICROFINANCE: N_("Microfinance"),
    LenderKind.BANK: N_("Bank"),
}


@dataclass(frozen=True)
class Debt:
    """A loan being repaid. Give ``monthly_payment`` or ``term_months`` (an annuity is computed).

    ``received`` true means the principal is paid into the purse in ``start_month`` (a new loan);
    false means the money was received before the plan starts and only repayment is planned.
    """

    id: str
    name: str
    lender: LenderKind
    principal: int
    annual_rate: Decimal
    start_month: Month
    monthly_payment: int | None = None
    term_months: int | None = None
    received: bool = False


class InvestmentKind(StrEnum):
    COW = "cow"
    SHEEP = "sheep"
    GREENHOUSE = "greenhouse"
    SHOP = "shop"
    SEWING = "sewing"
    OTHER = "other"


INVESTMENT_KIND_NAMES = {
    InvestmentKind.COW: N_("Cow"),
    InvestmentKind.SHEEP: N_("Sheep"),
    InvestmentKind.GREENHOUSE: N_("Greenhouse"),
    InvestmentKind.SHOP: N_("Small shop"),
    InvestmentKind.SEWING: N_("Sewing machine"),
    InvestmentKind.OTHER: N_("Other investment"),
}


@dataclass(frozen=True)
class Investment:
    """Money put into a livelihood: paid once in ``start_month``, then running costs, and
    income that starts ``income_delay_months`` later (and may be seasonal)."""

    id: str
    name: str
    kind: InvestmentKind
    cost: int
    start_month: Month
    running_costs: Schedule = field(default_factory=Schedule)
    income: Schedule = field(default_factory=Schedule)
    income_delay_months: int = 0
    resale_value: int = 0


# ------------------------------------------------------------------------------------------------
# exchange rates and the household
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateSettings:
    """Exchange rates the family uses, somoni per one unit of the currency.

    A rate left as None comes from the bundled National Bank table for each month (the latest
    known month for months after the table ends).
    """

    tjs_per_rub: Decimal | None = None
    tjs_per_usd: Decimal | None = None

    def fixed(self, currency: Currency) -> Decimal | None:
        if currency is Currency.TJS:
            return Decimal(1)
        if currency is Currency.RUB:
            return self.tjs_per_rub
        return self.tjs_per_usd


@dataclass(frozen=True)
class Household:
    name: str
    people: int = 1
    region: str = ""
    currency: Currency = Currency.TJS
    start_month: Month = Month(2027, 1)
    opening_cash: int = 0


T = TypeVar("T")


@dataclass(frozen=True)
class Plan:
    """One household's whole plan. Scenarios (``budget_tutor.scenarios``) are stored with it."""

    household: Household
    incomes: tuple[Income, ...] = ()
    expenses: tuple[Expense, ...] = ()
    one_offs: tuple[OneOffCost, ...] = ()
    savings: tuple[SavingsPlace, ...] = ()
    goals: tuple[SavingsGoal, ...] = ()
    debts: tuple[Debt, ...] = ()
    investments: tuple[Investment, ...] = ()
    rates: RateSettings = field(default_factory=RateSettings)
    scenarios: tuple[object, ...] = ()  # tuple[Scenario, ...]; typed loosely to avoid a cycle

    # -- editing helpers: each returns a new plan ---------------------------------------------

    def replace(self, **changes: object) -> Plan:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def with_line(self, section: str, line: object) -> Plan:
        """Add ``line`` to ``section`` (``"incomes"``, ``"expenses"``…), or replace the line with
        the same id.

        Raises ValueError for a line the plan could not be stored with: a goal saved in a place
        the plan does not have, or a debt with neither a monthly payment nor a term.
        """
        if isinstance(line, SavingsGoal) and self.place(line.place_id) is None:
            raise ValueError(f"goal {line.id!r}: no savings place {line.place_id!r} in the plan")
        if isinstance(line, Debt) and line.monthly_payment is None and line.term_months is None:
            raise ValueError(f"debt {line.id!r}: give a monthly payment or a term")
        lines: tuple[object, ...] = getattr(self, section)
        line_id = line.id  # type: ignore[attr-defined]
        if any(x.id == line_id for x in lines):  # type: ignore[attr-defined]
            new = tuple(line if x.id == line_id else x for x in lines)  # type: ignore[attr-defined]
        else:
            new = (*lines, line)
        return dataclasses.replace(self, **{section: new})  # type: ignore[arg-type]

    def without_line(self, section: str, line_id: str) -> Plan:
        """The plan without the line ``line_id`` of ``section``. Removing a savings place also
        removes the goals saved in it (a goal cannot be kept without its place); undo brings
        both back, since it restores the whole plan."""
        lines: tuple[object, ...] = getattr(self, section)
        new = tuple(x for x in lines if x.id != line_id)  # type: ignore[attr-defined]
        changes: dict[str, object] = {section: new}
        if section == "savings":
            changes["goals"] = tuple(g for g in self.goals if g.place_id != line_id)
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def goals_in(self, place_id: str) -> tuple[SavingsGoal, ...]:
        """The goals saved in the place ``place_id`` (removed with it)."""
        return tuple(g for g in self.goals if g.place_id == place_id)

    def find(self, section: str, line_id: str) -> object | None:
        for x in getattr(self, section):
            if x.id == line_id:
                return x  # type: ignore[no-any-return]
        return None

    def place(self, place_id: str) -> SavingsPlace | None:
        for p in self.savings:
            if p.id == place_id:
                return p
        return None


SECTIONS = ("incomes", "expenses", "one_offs", "savings", "goals", "debts", "investments")


def display_name(names: dict[T, str], key: T) -> str:
    """Translate an enum's display name from one of the ``…_NAMES`` tables."""
    from budget_tutor.i18n import _

    return _(names[key])


def month_name(month: int, locale: str, *, standalone: bool = True, short: bool = False) -> str:
    """A month's name in the locale, from CLDR (``month_name(4, "tg") == "Апрел"``)."""
    from babel import Locale

    loc = Locale.parse(locale)
    width = "abbreviated" if short else "wide"
    context = "stand-alone" if standalone else "format"
    return str(loc.months[context][width][month])


def month_label(m: Month, locale: str, *, short: bool = False) -> str:
    """``April 2027`` in the locale, as a label under a chart or in a table."""
    # Translators: a month and its year, e.g. "April 2027". Keep {month} and {year}.
    return pgettext("month and year", "{month} {year}").format(
        month=month_name(m.month, locale, short=short), year=m.year
    )
