"""The preset what-if scenarios: what each one changes, checked through the projection."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget_tutor import i18n, presets
from budget_tutor import whatif_summary as summary
from budget_tutor.model import (
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Month,
    Plan,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import Currency, format_amount, major
from budget_tutor.projection import project
from budget_tutor.scenarios import ExchangeRateShock, ReplayEpisode, Scenario

START = Month(2027, 1)
TODAY = Month(2027, 2)  # so "next month" is March 2027


def rouble_family(savings: tuple[SavingsPlace, ...] = ()) -> Plan:
    return Plan(
        household=Household(name="Rahimova", start_month=START, opening_cash=major(20000)),
        incomes=(
            Income(
                "r1",
                "Husband in Russia",
                IncomeKind.REMITTANCE,
                Schedule.monthly(major(25000)),
                currency=Currency.RUB,
            ),
        ),
        expenses=(Expense("e1", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(1800))),),
        savings=savings,
    )


def rows_by_month(plan: Plan, scenario: Scenario | None, months: int = 24) -> dict[Month, object]:
    return {r.month: r for r in project(plan, months, scenario).rows}


def only(preset_id: str, plan: Plan, today: Month = TODAY) -> Scenario:
    (scenario,) = presets.preset_scenarios(preset_id, plan, today)
    return scenario


def test_every_preset_projects_and_has_a_unique_id() -> None:
    plan = rouble_family()
    ids = []
    for preset in presets.PRESETS:
        for scenario in preset.scenarios(plan, TODAY):
            ids.append(scenario.id)
            assert presets.is_preset(scenario)
            proj = project(plan, 24, scenario)
            assert len(proj.rows) == 24
    assert len(ids) == len(set(ids)) == 8


def test_next_month_is_never_before_the_plan_starts() -> None:
    plan = rouble_family()
    assert presets.next_month(plan, Month(2027, 5)) == Month(2027, 6)
    assert presets.next_month(plan, Month(2025, 3)) == START
    assert presets.first_calendar_month(Month(2027, 3), 9) == Month(2027, 9)
    assert presets.first_calendar_month(Month(2027, 10), 9) == Month(2028, 9)
    assert presets.first_calendar_month(Month(2027, 9), 9) == Month(2027, 9)


def test_rouble_falls_30_percent_from_next_month() -> None:
    plan = rouble_family()
    scenario = only("rouble-falls", plan)
    assert scenario.changes == (ExchangeRateShock(Decimal(-30), Month(2027, 3)),)
    base, shock = rows_by_month(plan, None), rows_by_month(plan, scenario)
    assert shock[Month(2027, 2)].income == base[Month(2027, 2)].income
    for m in (Month(2027, 3), Month(2027, 8), Month(2028, 6)):
        assert shock[m].income == pytest.approx(base[m].income * 0.7, rel=0.01)


def test_migrant_comes_home_in_september() -> None:
    plan = rouble_family()
    base, home = rows_by_month(plan, None), rows_by_month(plan, only("migrant-home", plan))
    assert home[Month(2027, 8)].remittance_income == base[Month(2027, 8)].remittance_income > 0
    assert home[Month(2027, 9)].remittance_income == 0
    assert home[Month(2028, 5)].remittance_income == 0
    # asked in October, he comes home the September after
    late = only("migrant-home", plan, today=Month(2027, 10))
    assert late.changes[0].from_month == Month(2028, 9)


def test_wedding_next_autumn_costs_40000_in_october() -> None:
    plan = rouble_family()
    scenario = only("wedding", plan)
    base, wed = rows_by_month(plan, None), rows_by_month(plan, scenario)
    oct_ = Month(2027, 10)
    assert wed[oct_].spending - base[oct_].spending == major(40000)
    assert wed[oct_].spending_by_category[ExpenseCategory.CEREMONIES] == major(40000)
    assert sum(r.spending for r in wed.values()) - sum(r.spending for r in base.values()) == major(
        40000
    )


def test_cow_and_deposit_take_the_same_money_in_the_same_month() -> None:
    plan = rouble_family()
    cow, deposit = presets.preset_scenarios("cow-or-deposit", plan, TODAY)
    march, april, may = Month(2027, 3), Month(2027, 4), Month(2027, 5)
    with_cow, with_deposit = rows_by_month(plan, cow), rows_by_month(plan, deposit)
    # March is a winter month: 9,000 for the cow and 300 of hay; the deposit takes 9,000 too
    assert with_cow[march].investment_costs == major(9000) + major(300)
    assert with_deposit[march].investment_costs == major(9000)
    # milk from the month after (500 from April to October); 12% a year on 9,000 is 90 a month
    assert with_cow[march].investment_income == 0 == with_deposit[march].investment_income
    assert with_cow[may].investment_income == major(500)
    assert with_cow[may].investment_costs == major(50)
    assert with_deposit[april].investment_income == major(90)
    cow_end = project(plan, 24, cow).summary
    dep_end = project(plan, 24, deposit).summary
    assert cow_end.investment_value == major(7000)
    assert dep_end.investment_value == major(9000)


def test_put_the_same_money_on_deposit_differs_from_the_plan() -> None:
    from budget_tutor.projection import compare

    plan = rouble_family()
    deposit = presets.preset_scenarios("cow-or-deposit", plan, TODAY)[1]
    rows = summary.comparison_rows(compare(plan, [deposit], 24), ["Now", "Deposit"])
    # 24 months from January 2027: paid in March 2027, interest April 2027 – December 2028,
    # 21 months × 90 = 1,890 somoni; the 9,000 are locked in the deposit until the end
    assert rows[1].difference == -major(9000) + 21 * major(90)
    assert rows[1].owned_difference == major(9000)
    assert rows[1].worth_difference == 21 * major(90)
    # a trainer's rate of 6%: 45 a month
    six = presets.preset_scenarios("cow-or-deposit", plan, TODAY, {"rate": 6})[1]
    rows = summary.comparison_rows(compare(plan, [six], 24), ["Now", "Deposit"])
    assert rows[1].worth_difference == 21 * major(45)


def test_editing_a_presets_assumptions_changes_its_scenario() -> None:
    plan = rouble_family()
    wedding = presets.PRESETS_BY_ID["wedding"]
    assert wedding.defaults() == {"cost": major(40000), "month": 10}
    (scenario,) = wedding.scenarios(plan, TODAY, {"cost": major(25000), "month": 6})
    assert scenario.name == "A wedding in June 2027"
    base, wed = rows_by_month(plan, None), rows_by_month(plan, scenario)
    assert wed[Month(2027, 6)].spending - base[Month(2027, 6)].spending == major(25000)
    assert wed[Month(2027, 10)].spending == base[Month(2027, 10)].spending
    # out of range values are held at the edge; unknown keys are ignored
    assert wedding.resolve({"cost": major(10**7), "month": 13, "colour": 1}) == {
        "cost": major(300_000),
        "month": 12,
    }
    (fall,) = presets.preset_scenarios("rouble-falls", plan, TODAY, {"fall": 20})
    assert fall.name == "The rouble falls 20%"
    assert presets.preset_title("rouble-falls", {"fall": 20}) == "The rouble falls 20%"
    assert fall.changes[0].percent == Decimal(-20)
    (home,) = presets.preset_scenarios("migrant-home", plan, TODAY, {"month": 2})
    assert home.changes[0].from_month == Month(2028, 2)  # February is past: the next one
    assert home.name == "The migrant comes home in February 2028"
    (cow, _deposit) = presets.preset_scenarios(
        "cow-or-deposit",
        plan,
        TODAY,
        {"cow_price": major(12000), "milk_summer": major(600), "feed_winter": major(400)},
    )
    with_cow = rows_by_month(plan, cow)
    assert with_cow[Month(2027, 3)].investment_costs == major(12000) + major(400)
    assert with_cow[Month(2027, 5)].investment_income == major(600)
    assert with_cow[Month(2027, 12)].investment_income == major(250)  # winter milk unchanged
    # every assumption has a label to show and a default inside its range
    for preset in presets.PRESETS:
        for a in preset.assumptions:
            assert a.label and a.low <= a.default <= a.high


def test_save_tenth_uses_the_familys_own_savings_place() -> None:
    box = SavingsPlace("box", "Tin box", SavingsKind.CASH)
    plan = rouble_family((box,))
    scenario = only("save-tenth", plan)
    assert scenario.changes[0].place_id == "box"
    assert scenario.changes[0].percent_of_remittance == Decimal(10)
    assert scenario.name == "Save 10% of each remittance"
    base, saving = rows_by_month(plan, None), rows_by_month(plan, scenario)
    feb, mar = Month(2027, 2), Month(2027, 3)
    assert saving[feb].contributions == base[feb].contributions
    added = saving[mar].contributions - base[mar].contributions
    assert added == pytest.approx(saving[mar].remittance_income / 10, abs=2)
    # no savings place yet: a new cash place is made
    assert only("save-tenth", rouble_family()).changes[0].place_id == ""
    assert project(rouble_family(), 12, only("save-tenth", rouble_family())).summary.end_savings > 0


@pytest.mark.parametrize(
    ("preset_id", "episode"), [("replay-2022-03", "2022-03"), ("replay-2014-15", "2014-15")]
)
def test_replays_move_the_rouble_like_the_real_episode(preset_id: str, episode: str) -> None:
    from budget_tutor.rates import EPISODES, bundled_rates

    plan = rouble_family()
    scenario = only(preset_id, plan)
    assert scenario.changes == (ReplayEpisode(episode, Month(2027, 3)),)
    assert episode in EPISODES
    base, replay = rows_by_month(plan, None), rows_by_month(plan, scenario)
    assert replay[Month(2027, 2)].income == base[Month(2027, 2)].income
    factors = bundled_rates().episode_factors(episode, Currency.RUB)
    changed = [m for m in replay if replay[m].income != base[m].income]
    assert changed, "the replay changed nothing"
    assert min(changed) >= Month(2027, 3)
    # each month's money from abroad moves with the rouble as it moved then (fees aside)
    for k in range(4):
        m = Month(2027, 3).plus(k)
        ratio = replay[m].income / base[m].income
        assert ratio == pytest.approx(float(factors[min(k + 1, len(factors) - 1)]), rel=0.01)


def test_names_are_translated_when_shown(tmp_path) -> None:
    po = tmp_path / "ru" / "LC_MESSAGES" / "budget_tutor.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
        '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "Replay March 2022"\nmsgstr "Повтор марта 2022"\n\n'
        'msgid "Wedding"\nmsgstr "Свадьба"\n',
        encoding="utf-8",
    )
    i18n.set_override_dir(tmp_path)
    plan = rouble_family()
    scenario = only("replay-2022-03", plan)
    assert presets.scenario_display_name(scenario) == "Replay March 2022"
    i18n.set_language("ru")
    # a preset's scenarios are built again after a language switch, named in the new language
    assert presets.scenario_display_name(only("replay-2022-03", plan)) == "Повтор марта 2022"
    assert presets.preset_title("replay-2022-03") == "Повтор марта 2022"
    # a one-off the family keeps in its plan is named in the language it was made in
    assert only("wedding", plan).changes[0].name == "Свадьба"
    # names the family typed are shown as they are
    own = Scenario("s-1", "Replay March 2022", ())
    assert presets.scenario_display_name(own) == "Replay March 2022"


# -- results in words: one comparison row, read by the table and the sentences --------------------


def _with_goal() -> Plan:
    from budget_tutor.model import SavingsGoal

    box = SavingsPlace("box", "Box", SavingsKind.CASH, contribution=Schedule.monthly(major(500)))
    return rouble_family((box,)).replace(goals=(SavingsGoal("g", "School", major(3000), "box"),))


def _rows(plan: Plan, scenarios: list[Scenario], months: int = 24) -> tuple:
    from budget_tutor.projection import compare

    comparison = compare(plan, scenarios, months)
    return summary.comparison_rows(comparison, ["Now", *[s.name for s in scenarios]])


def test_the_cows_sentences_and_table_cells_tell_one_story() -> None:
    plan = rouble_family()
    rows = _rows(plan, list(presets.preset_scenarios("cow-or-deposit", plan, TODAY)))
    cow = rows[1]
    # by hand, March 2027 – December 2028: −9,000 for the cow; hay 8 winter months × 300 = 2,400;
    # grazing 14 summer months × 50 = 700; milk from April: 14 × 500 + 7 winter months × 250
    # = 8,750. So 9,000 + 2,400 + 700 − 8,750 = 3,350 less; plus the cow, worth 7,000: 3,650.
    assert cow.difference == -major(3350)
    assert cow.owned_difference == major(7000)
    assert cow.worth_difference == major(3650)
    words = summary.row_sentences(cow, "en")
    assert words[0] == "With this, you have 3,350 TJS less at the end."
    assert words[1] == (
        "But you also own something worth 7,000 TJS: counting it, you are 3,650 TJS better off."
    )
    cells = summary.row_cells(cow, "en")
    assert cells[2] == "3,350 TJS less\ncounting what you own: 3,650 TJS more"


def test_wedding_in_words_and_cells_never_shows_a_negative_amount() -> None:
    plan = _with_goal()
    (row,) = _rows(plan, [only("wedding", plan)])[1:]
    assert row.first_short_month == Month(2027, 10)
    words = summary.row_sentences(row, "en")
    assert words[0] == "With this, you have 40,000 TJS less at the end."
    short = f"short by {format_amount(row.short_by, 'en')} TJS"
    assert words[1] == f"The money runs out in October 2027: {short}."
    assert words[2].startswith("The hardest month is ") and ": short by " in words[2]
    cells = summary.row_cells(row, "en")
    assert cells[3] == "Oct 2027"
    # The box (500 a month) held the 3,000 for School from June 2027, but the wedding empties it
    # in October 2027: School counts as reached only from the month it is held again for good.
    # The purse is back above zero in June 2028 (its first contribution); 6 × 500 = 3,000 in
    # November 2028, 17 months after June 2027.
    (school,) = row.goals
    assert school.first_reached == Month(2027, 6)
    assert school.reached == Month(2028, 11)
    assert "“School” is reached 17 months later, in November 2028." in words
    for text in (*words, *cells):
        assert "-" not in text and "\u2212" not in text, text


@pytest.mark.parametrize("lang", ["en", "ru", "tg"])
def test_no_preset_on_a_poor_plan_shows_money_below_zero(lang: str) -> None:
    poor = Plan(
        household=Household(name="Poor", start_month=START, opening_cash=major(100)),
        incomes=(Income("p", "Pension", IncomeKind.PENSION, Schedule.monthly(major(600))),),
        expenses=(Expense("e1", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(1800))),),
    )
    i18n.set_language(lang)
    scenarios = [s for p in presets.PRESETS for s in p.scenarios(poor, TODAY)]
    rows = _rows(poor, scenarios)
    assert all(r.money_at_end < 0 for r in rows)
    locale = i18n.babel_locale()
    for row in rows:
        texts = [*summary.row_cells(row, locale)]
        if not row.is_baseline:
            texts += summary.row_sentences(row, locale)
        for text in texts:
            assert "\u2212" not in text and not any(
                text[i] == "-" and text[i + 1 : i + 2].isdigit() for i in range(len(text))
            ), text


def test_goal_and_short_month_moves_are_counted_with_plurals() -> None:
    import dataclasses

    from budget_tutor.projection import GoalResult

    plan = _with_goal()
    row = _rows(plan, [only("wedding", plan)])[1]
    aug, oct_, sep = Month(2027, 8), Month(2027, 10), Month(2027, 9)

    def words(before: Month | None = None, after: Month | None = None, **changes: object):
        goal = row.goals[0]
        if before is not None or after is not None:
            changes["baseline_goals"] = (dataclasses.replace(goal, reached=before),)
            changes["goals"] = (dataclasses.replace(goal, reached=after),)
        return summary.row_sentences(dataclasses.replace(row, **changes), "en")

    assert isinstance(row.goals[0], GoalResult)
    assert "“School” is reached 2 months later, in October 2027." in words(aug, oct_)
    assert "“School” is reached 1 month earlier, in August 2027." in words(sep, aug)
    assert "“School” is no longer reached in 24 months." in words(
        baseline_goals=(dataclasses.replace(row.goals[0], reached=aug),),
        goals=(dataclasses.replace(row.goals[0], reached=None),),
    )
    assert "“School” is now reached, in August 2027." in words(
        baseline_goals=(dataclasses.replace(row.goals[0], reached=None),),
        goals=(dataclasses.replace(row.goals[0], reached=aug),),
    )
    assert [w for w in words(aug, aug) if "School" in w] == [
        "“School” is reached as before, in August 2027."
    ]
    moved = words(first_short_month=oct_, baseline_first_short_month=aug, short_by=major(70))
    assert "The money runs out in October 2027 instead of August 2027: short by 70 TJS." in moved
    assert "The money still runs out in August 2027: short by 70 TJS." in words(
        first_short_month=aug, baseline_first_short_month=aug, short_by=major(70)
    )
    assert "The money no longer runs out." in words(
        first_short_month=None, baseline_first_short_month=aug
    )
