"""The preset what-if scenarios: what each one changes, checked through the projection."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget_tutor import i18n, presets
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
from budget_tutor.money import Currency, major
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


def test_cow_and_deposit_use_the_same_money() -> None:
    plan = rouble_family()
    cow, deposit = presets.preset_scenarios("cow-or-deposit", plan, TODAY)
    march = Month(2027, 3)
    base = rows_by_month(plan, None)
    with_cow, with_deposit = rows_by_month(plan, cow), rows_by_month(plan, deposit)
    assert with_cow[march].investment_costs == presets.COW_PRICE + presets.COW_WINTER_FEED
    assert with_deposit[march].contributions - base[march].contributions == presets.COW_PRICE
    # the cow gives milk from the month after it is bought; the deposit earns interest
    assert with_cow[march].investment_income == 0
    assert with_cow[Month(2027, 5)].investment_income == presets.COW_MILK[4]
    assert with_deposit[Month(2027, 5)].interest_earned > 0
    cow_end = project(plan, 24, cow).summary
    dep_end = project(plan, 24, deposit).summary
    assert cow_end.investment_value == presets.COW_RESALE
    assert dep_end.end_savings > presets.COW_PRICE


def test_save_tenth_uses_the_familys_own_savings_place() -> None:
    box = SavingsPlace("box", "Tin box", SavingsKind.CASH)
    plan = rouble_family((box,))
    scenario = only("save-tenth", plan)
    assert scenario.changes[0].place_id == "box"
    assert scenario.changes[0].percent_of_remittance == Decimal(10)
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
    assert presets.scenario_display_name(scenario) == "Повтор марта 2022"
    assert presets.preset_title("replay-2022-03") == "Повтор марта 2022"
    # the stored name stays English, so it follows the next language switch
    assert scenario.name == "Replay March 2022"
    # a one-off the family keeps in its plan is named in the language it was made in
    assert only("wedding", plan).changes[0].name == "Свадьба"
    # names the family typed are shown as they are
    own = Scenario("s-1", "Replay March 2022", ())
    assert presets.scenario_display_name(own) == "Replay March 2022"


# -- results in words ------------------------------------------------------------------------------


def _with_goal() -> Plan:
    from budget_tutor.model import SavingsGoal

    box = SavingsPlace("box", "Box", SavingsKind.CASH, contribution=Schedule.monthly(major(500)))
    return rouble_family((box,)).replace(goals=(SavingsGoal("g", "School", major(3000), "box"),))


def test_wedding_is_described_in_plain_words() -> None:
    from budget_tutor.projection import compare

    plan = _with_goal()
    comparison = compare(plan, [only("wedding", plan)], 24)
    (diff,) = comparison.differences
    (proj,) = comparison.scenarios
    words = presets.describe_difference(diff, comparison.baseline, proj, "en")
    assert words[0] == "With this, you have 40,000 TJS less at the end."
    assert words[1] == "The money runs out in October 2027."
    assert words[2].startswith("The hardest month is October 2027, with -")
    assert presets.goal_month_text(proj, "en") == "School: Jun 2027"


def test_cow_counts_what_the_cow_is_worth() -> None:
    from budget_tutor.projection import compare

    plan = _with_goal()
    comparison = compare(plan, presets.preset_scenarios("cow-or-deposit", plan, TODAY), 24)
    cow_words = presets.describe_difference(
        comparison.differences[0], comparison.baseline, comparison.scenarios[0], "en"
    )
    cow_diff = comparison.differences[0]
    less = presets.money_at_end(comparison.baseline) - presets.money_at_end(comparison.scenarios[0])
    assert cow_words[0] == f"With this, you have {presets._money(less, 'en')} less at the end."
    assert cow_diff.net_worth_end > 0
    assert cow_words[1] == (
        "Counting investments and debts, you are "
        f"{presets._money(cow_diff.net_worth_end, 'en')} better off."
    )
    deposit_words = presets.describe_difference(
        comparison.differences[1], comparison.baseline, comparison.scenarios[1], "en"
    )
    assert deposit_words[0].endswith("more at the end.")
    assert not any(w.startswith("Counting") for w in deposit_words)


def test_goal_and_short_month_moves_are_counted_with_plurals() -> None:
    import dataclasses

    from budget_tutor.projection import compare

    plan = _with_goal()
    comparison = compare(plan, [only("wedding", plan)], 24)
    base_diff = comparison.differences[0]
    aug, oct_, sep = Month(2027, 8), Month(2027, 10), Month(2027, 9)

    def words(**changes: object) -> tuple[str, ...]:
        diff = dataclasses.replace(base_diff, **changes)
        return presets.describe_difference(diff, comparison.baseline, comparison.scenarios[0], "en")

    assert "“School” is reached 2 months later, in October 2027." in words(
        goal_months={"g": (aug, oct_)}
    )
    assert "“School” is reached 1 month earlier, in August 2027." in words(
        goal_months={"g": (sep, aug)}
    )
    assert "“School” is no longer reached in 24 months." in words(goal_months={"g": (aug, None)})
    assert "“School” is now reached, in August 2027." in words(goal_months={"g": (None, aug)})
    assert not any("School" in w for w in words(goal_months={"g": (aug, aug)}))
    assert "The money runs out in October 2027 instead of August 2027." in words(
        first_short_month=oct_, baseline_first_short_month=aug
    )
    assert "The money still runs out in August 2027." in words(
        first_short_month=aug, baseline_first_short_month=aug
    )
    assert "The money no longer runs out." in words(
        first_short_month=None, baseline_first_short_month=aug
    )
