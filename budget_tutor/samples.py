"""The sample households: invented families with realistic figures, to practise with.

Each sample is built here in Python, with every name marked for translation, so that a family
opened from "Open a sample household" speaks the language of the screen (:func:`localized`).
``tools/make_samples.py`` writes the same plans, in English, as plan files into
``budget_tutor/data/samples/`` (for the command line and as examples of the format). Where the
figures come from: ``docs/samples.md``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal as D
from typing import Any, cast

from budget_tutor.i18n import N_, _
from budget_tutor.model import (
    Debt,
    Expense,
    Household,
    Income,
    IncomeKind,
    Investment,
    InvestmentKind,
    LenderKind,
    Month,
    OneOffCost,
    Plan,
    RateSettings,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.model import ExpenseCategory as C
from budget_tutor.money import Currency, major
from budget_tutor.scenarios import (
    AddInvestment,
    ExchangeRateShock,
    MigrantReturns,
    OneOffExpense,
    PutOnDeposit,
    ReplayEpisode,
    SavingHabit,
    Scenario,
    TakeLoan,
)

START = Month(2027, 1)
SEASON = tuple(range(4, 12))  # April to November: the migration season
WINTER = (11, 12, 1, 2, 3)


def by_month(values: dict[int, int]) -> Schedule:
    return Schedule(by_month=tuple(major(values.get(m, 0)) for m in range(1, 13)))


def kulob() -> Plan:
    """A family of six in Kulob; Komil works on building sites near Moscow."""
    plan = Plan(
        household=Household(
            N_("Karimov family (Kulob)"),
            6,
            N_("Khatlon, Kulob"),
            Currency.TJS,
            START,
            opening_cash=major(2500),
        ),
        incomes=(
            Income(
                "farrukh",
                N_("Komil, from Russia"),
                IncomeKind.REMITTANCE,
                Schedule.monthly(major(20000), SEASON),
                Currency.RUB,
                fee_percent=D("1"),
                rate_margin_percent=D("1.5"),
            ),
            Income(
                "pension",
                N_("Grandmother's pension"),
                IncomeKind.PENSION,
                Schedule.monthly(major(650)),
            ),
            Income(
                "milk",
                N_("Milk and yoghurt sold to neighbours"),
                IncomeKind.LIVESTOCK,
                Schedule.monthly(major(300), tuple(range(4, 11))),
            ),
        ),
        expenses=(
            Expense("food", N_("Food"), C.FOOD, Schedule.monthly(major(1500))),
            Expense(
                "power",
                N_("Electricity and water"),
                C.HOUSING,
                by_month(
                    {
                        1: 260,
                        2: 260,
                        3: 200,
                        4: 140,
                        5: 110,
                        6: 110,
                        7: 110,
                        8: 110,
                        9: 110,
                        10: 140,
                        11: 220,
                        12: 260,
                    }
                ),
            ),
            Expense(
                "coal",
                N_("Coal for winter (1.2 t)"),
                C.HEATING,
                Schedule.yearly(major(1400), (10, 11)),
            ),
            Expense(
                "school",
                N_("School: uniforms, books, fees (3 children)"),
                C.EDUCATION,
                Schedule.yearly(major(1200), (8, 9)),
            ),
            Expense("health", N_("Medicines and clinic"), C.HEALTH, Schedule.monthly(major(80))),
            Expense("bus", N_("Bus and taxi"), C.TRANSPORT, Schedule.monthly(major(60))),
            Expense(
                "phone",
                N_("Phones and internet"),
                C.COMMUNICATION,
                Schedule.monthly(major(60)),
                False,
            ),
            Expense(
                "clothes",
                N_("Clothes and shoes"),
                C.CLOTHING,
                Schedule.yearly(major(1000), (3, 9)),
                False,
            ),
            Expense("nowruz", N_("Nowruz"), C.CEREMONIES, Schedule.yearly(major(600), (3,))),
            Expense("eid", N_("Eid and guests"), C.CEREMONIES, Schedule.yearly(major(700), (3, 5))),
            Expense(
                "gifts",
                N_("Weddings and funerals of relatives (gifts)"),
                C.CEREMONIES,
                Schedule.yearly(major(1500), tuple(range(8, 12))),
            ),
        ),
        savings=(
            SavingsPlace(
                "box",
                N_("Cash box at home"),
                SavingsKind.CASH,
                major(1500),
                contribution=Schedule.monthly(major(250), SEASON),
            ),
        ),
        goals=(
            SavingsGoal(
                "fund",
                N_("Emergency fund: three months of food"),
                major(4500),
                "box",
                Month(2027, 12),
                1,
            ),
        ),
        debts=(
            Debt(
                "shop",
                N_("Shop credit (flour and oil)"),
                LenderKind.SHOP,
                major(1500),
                D(0),
                START,
                monthly_payment=major(250),
            ),
        ),
        rates=RateSettings(tjs_per_rub=D("0.1180"), tjs_per_usd=D("9.40")),
    )
    scenarios = (
        Scenario(
            "rouble-30",
            N_("The rouble falls 30% in March"),
            (ExchangeRateShock(D(-30), Month(2027, 3)),),
            N_("As in March 2022: the same roubles buy 30% fewer somoni."),
        ),
        Scenario(
            "home-sept",
            N_("Komil comes home in September"),
            (MigrantReturns(Month(2027, 9), None, major(1200)),),
            N_("He finds day work at home for about 1,200 somoni a month."),
        ),
        Scenario(
            "save-10",
            N_("Save 10% of every transfer"),
            (SavingHabit(percent_of_remittance=D(10), place_id="box"),),
            "",
        ),
    )
    return plan.replace(scenarios=scenarios)


def sughd() -> Plan:
    """A family of five near Isfara with an apricot garden; the son Nodir works in Yekaterinburg."""
    plan = Plan(
        household=Household(
            N_("Sharipov family (Isfara)"),
            5,
            N_("Sughd, Isfara"),
            Currency.TJS,
            START,
            opening_cash=major(1200),
        ),
        incomes=(
            Income(
                "nodir",
                N_("Nodir, from Russia"),
                IncomeKind.REMITTANCE,
                Schedule.monthly(major(15000), SEASON),
                Currency.RUB,
                fee_percent=D("0"),
                rate_margin_percent=D("2"),
            ),
            Income(
                "salary",
                N_("Father's salary (school teacher)"),
                IncomeKind.WAGES,
                Schedule.monthly(major(2400)),
            ),
            Income(
                "apricots",
                N_("Dried apricots sold"),
                IncomeKind.GARDEN,
                by_month({7: 3500, 8: 2500}),
            ),
        ),
        expenses=(
            Expense("food", N_("Food"), C.FOOD, Schedule.monthly(major(2000))),
            Expense(
                "power",
                N_("Electricity, gas and water"),
                C.HOUSING,
                by_month(
                    {
                        1: 350,
                        2: 350,
                        3: 250,
                        4: 150,
                        5: 120,
                        6: 120,
                        7: 120,
                        8: 120,
                        9: 120,
                        10: 180,
                        11: 300,
                        12: 350,
                    }
                ),
            ),
            Expense(
                "coal", N_("Coal and firewood"), C.HEATING, Schedule.yearly(major(1500), (10, 11))
            ),
            Expense(
                "school",
                N_("School and college fees"),
                C.EDUCATION,
                Schedule.yearly(major(2600), (8, 9)),
            ),
            Expense("health", N_("Health"), C.HEALTH, Schedule.monthly(major(150))),
            Expense(
                "garden",
                N_("Garden: water, fertiliser, boxes"),
                C.OTHER,
                by_month({3: 300, 4: 300, 5: 200, 6: 400}),
            ),
            Expense("transport", N_("Transport"), C.TRANSPORT, Schedule.monthly(major(150))),
            Expense(
                "phone",
                N_("Phones and internet"),
                C.COMMUNICATION,
                Schedule.monthly(major(100)),
                False,
            ),
            Expense(
                "clothes", N_("Clothes"), C.CLOTHING, Schedule.yearly(major(1500), (3, 9)), False
            ),
            Expense(
                "feasts",
                N_("Nowruz, Eid, family events"),
                C.CEREMONIES,
                Schedule.yearly(major(3000), (3, 5, 10)),
            ),
        ),
        savings=(
            SavingsPlace(
                "deposit",
                N_("Deposit at the bank (12% a year)"),
                SavingsKind.DEPOSIT,
                major(5000),
                D(12),
                contribution=Schedule.monthly(major(1000), SEASON),
            ),
        ),
        goals=(
            SavingsGoal(
                "wedding", N_("Nodir's wedding"), major(30000), "deposit", Month(2028, 10), 1
            ),
        ),
        rates=RateSettings(tjs_per_rub=D("0.1180"), tjs_per_usd=D("9.40")),
    )
    greenhouse = Investment(
        "greenhouse",
        N_("Greenhouse 6 × 20 m (tomatoes, cucumbers)"),
        InvestmentKind.GREENHOUSE,
        major(12000),
        Month(2027, 2),
        running_costs=by_month(
            {2: 400, 3: 400, 4: 300, 5: 300, 6: 200, 7: 200, 8: 200, 9: 200, 10: 200}
        ),
        income=by_month({4: 1200, 5: 2000, 6: 2000, 7: 1500, 8: 1500, 9: 1500, 10: 1000}),
        income_delay_months=2,
        resale_value=major(6000),
    )
    scenarios = (
        Scenario(
            "replay-2022",
            N_("Replay March 2022"),
            (ReplayEpisode("2022-03", Month(2027, 3)),),
            N_("The rouble moves as it did from March 2022."),
        ),
        Scenario(
            "toi-autumn",
            N_("Nodir's wedding next autumn"),
            (OneOffExpense(N_("Nodir's wedding"), major(45000), Month(2027, 10)),),
            "",
        ),
        Scenario(
            "greenhouse", N_("Build a greenhouse in February"), (AddInvestment(greenhouse),), ""
        ),
    )
    return plan.replace(scenarios=scenarios)


def rasht() -> Plan:
    """A family of four in Rasht whose remittances stopped: Sino came home with a re-entry ban."""
    plan = Plan(
        household=Household(
            N_("Nazarov family (Rasht)"),
            4,
            N_("Rasht valley, Gharm"),
            Currency.TJS,
            START,
            opening_cash=major(300),
        ),
        incomes=(
            Income("sewing", N_("Saodat's sewing"), IncomeKind.OTHER, Schedule.monthly(major(900))),
            Income(
                "davlat",
                N_("Sino's day work"),
                IncomeKind.WAGES,
                Schedule.monthly(major(1100), tuple(range(4, 11))),
            ),
            Income(
                "pension",
                N_("Father-in-law's pension"),
                IncomeKind.PENSION,
                Schedule.monthly(major(700)),
            ),
            Income(
                "potatoes", N_("Potatoes sold"), IncomeKind.GARDEN, by_month({9: 1500, 10: 1000})
            ),
        ),
        expenses=(
            Expense("food", N_("Food"), C.FOOD, Schedule.monthly(major(1700))),
            Expense(
                "power",
                N_("Electricity"),
                C.HOUSING,
                by_month(
                    {
                        1: 200,
                        2: 200,
                        3: 150,
                        4: 90,
                        5: 80,
                        6: 80,
                        7: 80,
                        8: 80,
                        9: 80,
                        10: 120,
                        11: 180,
                        12: 200,
                    }
                ),
            ),
            Expense(
                "wood", N_("Firewood and coal"), C.HEATING, Schedule.yearly(major(1600), (9, 10))
            ),
            Expense(
                "school",
                N_("School (2 children)"),
                C.EDUCATION,
                Schedule.yearly(major(1000), (8, 9)),
            ),
            Expense("health", N_("Health"), C.HEALTH, Schedule.monthly(major(100))),
            Expense("phone", N_("Phone"), C.COMMUNICATION, Schedule.monthly(major(50)), False),
            Expense("clothes", N_("Clothes"), C.CLOTHING, Schedule.yearly(major(800), (9,)), False),
            Expense(
                "feasts", N_("Nowruz and Eid"), C.CEREMONIES, Schedule.yearly(major(900), (3, 5))
            ),
        ),
        one_offs=(
            OneOffCost(
                "roof", N_("Roof repair before winter"), C.HOUSING, major(2500), Month(2027, 9)
            ),
        ),
        savings=(
            SavingsPlace("sheep", N_("Two sheep"), SavingsKind.LIVESTOCK, major(4000)),
            SavingsPlace(
                "group",
                N_("Women's savings group"),
                SavingsKind.SAVINGS_GROUP,
                major(600),
                contribution=Schedule.monthly(major(100)),
            ),
        ),
        goals=(
            SavingsGoal(
                "winter",
                N_("Money for the winter months"),
                major(3000),
                "group",
                Month(2027, 11),
                1,
            ),
        ),
        debts=(
            Debt(
                "mfi",
                N_("Microloan (36% a year)"),
                LenderKind.MICROFINANCE,
                major(6000),
                D(36),
                START,
                monthly_payment=major(600),
            ),
        ),
        rates=RateSettings(tjs_per_rub=D("0.1180"), tjs_per_usd=D("9.40")),
    )
    sewing_machine = Investment(
        "machine",
        N_("Second sewing machine"),
        InvestmentKind.SEWING,
        major(4500),
        Month(2027, 3),
        income=Schedule.monthly(major(500)),
        income_delay_months=1,
        resale_value=major(2500),
    )
    scenarios = (
        Scenario(
            "loan-machine",
            N_("Borrow for a second sewing machine"),
            (
                TakeLoan(
                    Debt(
                        "loan2",
                        N_("Second microloan"),
                        LenderKind.MICROFINANCE,
                        major(4500),
                        D(36),
                        Month(2027, 3),
                        term_months=12,
                        received=True,
                    )
                ),
                AddInvestment(sewing_machine),
            ),
            "",
        ),
        Scenario(
            "save-first",
            N_("Save first, buy the machine in October"),
            (
                PutOnDeposit(major(1000), Month(2027, 4), D(11)),
                AddInvestment(
                    Investment(
                        "machine",
                        N_("Second sewing machine"),
                        InvestmentKind.SEWING,
                        major(4500),
                        Month(2027, 10),
                        income=Schedule.monthly(major(500)),
                        income_delay_months=1,
                        resale_value=major(2500),
                    )
                ),
            ),
            "",
        ),
        Scenario(
            "doctor",
            N_("A hospital stay in February"),
            (OneOffExpense(N_("Hospital"), major(3000), Month(2027, 2), C.HEALTH),),
            "",
        ),
    )
    return plan.replace(scenarios=scenarios)


SAMPLES: dict[str, Callable[[], Plan]] = {
    "karimov-kulob": kulob,
    "sharipov-isfara": sughd,
    "nazarov-rasht": rasht,
}


def build_sample(sample_id: str) -> Plan:
    """A sample household's plan, in English (raises KeyError for an unknown id)."""
    return SAMPLES[sample_id]()


def _named(obj: Any, text: Callable[[str], str] = _) -> Any:
    changes: dict[str, object] = {}
    for name in ("name", "description"):
        value = getattr(obj, name, None)
        if isinstance(value, str) and value:
            new = text(value)
            if new != value:
                changes[name] = new
    for part in ("investment", "debt"):
        inner = getattr(obj, part, None)
        if inner is not None:
            new_inner = _named(inner, text)
            if new_inner is not inner:
                changes[part] = new_inner
    return dataclasses.replace(obj, **changes) if changes else obj


def _map_texts(plan: Plan, text: Callable[[str], str]) -> Plan:
    """``plan`` with ``text`` applied to every name, description and region (the texts of a
    sample); the same object when nothing changed."""
    sections: dict[str, Any] = {}
    for section in ("incomes", "expenses", "one_offs", "savings", "goals", "debts", "investments"):
        lines = getattr(plan, section)
        new = tuple(_named(line, text) for line in lines)
        if any(a is not b for a, b in zip(new, lines, strict=True)):
            sections[section] = new
    scenarios = []
    for s in cast("tuple[Any, ...]", plan.scenarios):
        changes = tuple(_named(c, text) for c in s.changes)
        named = _named(s, text)
        if any(a is not b for a, b in zip(changes, s.changes, strict=True)):
            named = dataclasses.replace(named, changes=changes)
        scenarios.append(named)
    if any(a is not b for a, b in zip(scenarios, plan.scenarios, strict=True)):
        sections["scenarios"] = tuple(scenarios)
    household = plan.household
    name, region = text(household.name), text(household.region) if household.region else ""
    if name != household.name or (household.region and region != household.region):
        sections["household"] = dataclasses.replace(
            household, name=name, region=region or household.region
        )
    return plan.replace(**sections) if sections else plan


def localized(plan: Plan) -> Plan:
    """The plan with every name of a sample translated into the active language."""
    return _map_texts(plan, _)


def localized_if_sample(plan: Plan) -> Plan:
    """A sample household's plan file (English names, as ``budget_tutor/data/samples/`` holds
    them) with its names in the active language; any other plan as it is (the command line)."""
    for build in SAMPLES.values():
        if plan == build():
            return localized(plan)
    return plan


def sample_texts() -> frozenset[str]:
    """Every English text (msgid) of the sample households."""
    found: set[str] = set()

    def collect(text: str) -> str:
        found.add(text)
        return text

    for build in SAMPLES.values():
        _map_texts(build(), collect)
    return frozenset(found)


def _texts_by_language() -> dict[str, str]:
    """Each sample text as any language writes it -> its English msgid."""
    from budget_tutor import i18n

    msgids = sample_texts()
    table = {m: m for m in msgids}
    for lang in i18n.LANGUAGES:
        if lang == i18n.SOURCE_LANGUAGE:
            continue
        catalogs, _problems = i18n.load_language(lang)
        for msgid in msgids:
            for catalog in catalogs.get("budget_tutor", ()):
                text = catalog.get(msgid)
                if text is not None:
                    table.setdefault(text, msgid)
                    break
    return table


def follow_text(value: str) -> str:
    """One stored text (a household's name or region in a list) as :func:`follow_language`
    shows it: a sample's text in the active language, anything else as it is."""
    if not value:
        return value
    msgid = _texts_by_language().get(value)
    return _(msgid) if msgid is not None else value


def follow_language(plan: Plan) -> Plan:
    """A sample's texts in the active language, whatever language they were stored in.

    A stored text keeps its msgid as long as it still reads as a sample's text in one of the
    languages (English, Tajik, Russian): "Karimov family (Kulob)" stored in Tajik shows in
    Russian after a switch. A text the user has edited is no sample text any more and stays
    exactly as typed. The same object comes back when nothing changes."""
    table = _texts_by_language()

    def text(value: str) -> str:
        msgid = table.get(value)
        return _(msgid) if msgid is not None else value

    return _map_texts(plan, text)


def localized_samples() -> list[Plan]:
    """Every sample household, in the active language."""
    return [localized(build()) for build in SAMPLES.values()]
