"""The handout's content: every figure of "next steps" by the rules of docs/handout.md, checked on
small plans whose numbers are computed by hand in the comments (never by the code under test)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from budget_tutor import i18n
from budget_tutor.handout import (
    build_handout,
    comparison_for_handout,
    figures,
    goal_lines,
    month_lines,
    next_steps,
    round_down,
    round_up,
    scenario_lines,
    summary_lines,
)
from budget_tutor.model import (
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Month,
    OneOffCost,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import Currency, major
from budget_tutor.projection import project
from budget_tutor.scenarios import OneOffExpense, Scenario

DAY = dt.date(2026, 12, 4)
WINTER = (1, 2, 11, 12)
APR_SEP = (4, 5, 6, 7, 8, 9)


def seasons_plan(toi: bool = True) -> Plan:
    """Somoni only (no exchange rates), from January 2027, nothing in the purse at the start.

    month      in      out     net     purse at the month's end
    Jan        500   2,500  -2,000    -2,000   <- first short month, short by 2,000
    Feb        500   2,500  -2,000    -4,000
    Mar        500   1,500  -1,000    -5,000   <- lowest (without the toi)
    Apr-Sep  3,500   1,500  +2,000    -3,000, -1,000, 1,000, 3,000, 5,000, 7,000
    Oct      3,500   7,500  -4,000     3,000   (toi 6,000; without it +2,000 -> 9,000)
    Nov        500   2,500  -2,000     1,000
    Dec        500   2,500  -2,000    -1,000
    in: wages 3,000 Apr-Oct + pension 500; out: food 1,500 + coal 1,000 Jan, Feb, Nov, Dec.
    """
    return Plan(
        household=Household(name="Оилаи Раҳимов", people=6, start_month=Month(2027, 1)),
        incomes=(
            Income("w", "Wages", IncomeKind.WAGES, Schedule.monthly(major(3000), (*APR_SEP, 10))),
            Income("p", "Pension", IncomeKind.PENSION, Schedule.monthly(major(500))),
        ),
        expenses=(
            Expense("f", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(1500))),
            Expense("c", "Coal", ExpenseCategory.HEATING, Schedule.monthly(major(1000), WINTER)),
        ),
        one_offs=(
            (OneOffCost("t", "Toi", ExpenseCategory.CEREMONIES, major(6000), Month(2027, 10)),)
            if toi
            else ()
        ),
    )


def goals_plan() -> Plan:
    """Pension 2,000 a month, food 1,500: 500 left each month, 400 of it into the box.

    The box holds 400, 800, 1,200, 1,600, 2,000 (May), 2,400 (June) … 4,800 (December).
    Goals on the box fill in priority order:
    - "Bicycle" 2,000 (priority 1), wanted by April 2027: reached in May, late. In time it needs
      2,000 / 4 months (Jan-Apr) = 500 a month, which a month has (500 left each month).
    - "Phone" 400 (priority 2), no month: reached when the box holds 2,400, in June 2027.
    - "Cow" 20,000 (priority 3), wanted by June 2027: never reached. By the end of June the
      box holds 2,400 and the purse 600 (100 a month): 3,000, less than the 22,400 the three
      goals need together, so the cow cannot be had by June, whatever is saved.
    """
    return Plan(
        household=Household(name="Goals", start_month=Month(2027, 1)),
        incomes=(Income("p", "Pension", IncomeKind.PENSION, Schedule.monthly(major(2000))),),
        expenses=(Expense("f", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(1500))),),
        savings=(
            SavingsPlace("b", "Box", SavingsKind.CASH, contribution=Schedule.monthly(major(400))),
        ),
        goals=(
            SavingsGoal("g1", "Bicycle", major(2000), "b", Month(2027, 4), priority=1),
            SavingsGoal("g2", "Phone", major(400), "b", None, priority=2),
            SavingsGoal("g3", "Cow", major(20000), "b", Month(2027, 6), priority=3),
        ),
    )


NEGATIVE_MONEY = re.compile(r"[-\u2212\u2012\u2013]\s*\d")


def all_texts(h) -> list[str]:
    texts = [h.title, h.subtitle, h.made_on, *h.summary, *h.next_steps]
    for line in h.months:
        texts += [line.month, line.money_in, line.money_out, line.savings, line.end_of_month]
    for goal in h.goals:
        texts += [goal.name, goal.target, goal.when, goal.wanted]
    for sc in h.scenarios:
        texts += [sc.name, sc.at_end, sc.compared, sc.runs_out]
    return texts


def test_rounding_for_money_to_find_and_money_to_put_aside() -> None:
    assert round_up(0) == 0
    assert round_up(1) == major(10)
    assert round_up(major(10)) == major(10)
    assert round_up(major(123)) == major(130)
    assert round_down(major(9)) == 0
    assert round_down(major(129)) == major(120)
    assert round_down(major(130)) == major(130)


def test_the_first_short_month_and_its_own_shortfall_not_the_years() -> None:
    p = seasons_plan()
    fig = figures(project(p, 12))
    assert fig.first_short is not None and fig.first_short.month == Month(2027, 1)
    assert fig.first_shortfall == major(2000)  # January alone, not the 5,000 of March
    assert fig.deepest is not None and fig.deepest.month == Month(2027, 3)
    steps = next_steps(p, project(p, 12), "en")
    assert steps[0] == (
        "The money runs out in January 2027: that month you are short by 2,000 TJS. "
        "Find this money by January 2027 or spend less."
    )
    assert steps[1] == (
        "The gap is deepest in March 2027: by the end of that month you are short by "
        "5,000 TJS in all."
    )


def test_saving_in_good_months_is_never_more_than_their_surplus() -> None:
    p = seasons_plan()
    fig = figures(project(p, 12))
    # good months: April-September, 2,000 left in each; bad months: Jan 2,000 + Feb 2,000 +
    # Mar 1,000 + Oct 4,000 + Nov 2,000 + Dec 2,000 = 13,000; 13,000 / 6 = 2,166.67 is more than
    # the 2,000 a good month has: the step says 2,000 (the old rule said 2,170).
    assert [r.month.month for r in fig.good_months] == list(APR_SEP)
    assert fig.need == major(13000)
    assert fig.monthly_saving == major(2000)
    assert (
        "In 6 months more comes in than goes out: put 2,000 TJS aside in each of them for the "
        "months when more goes out than comes in."
    ) in next_steps(p, project(p, 12), "en")
    # without the toi: 9,000 / 6 = 1,500 a month, less than the 2,000 a good month has
    # (October is a good month then too: 7 months, 9,000 / 7 = 1,285.72 -> 1,280 rounded down)
    q = seasons_plan(toi=False)
    fig = figures(project(q, 12))
    assert len(fig.good_months) == 7
    assert fig.need == major(9000)
    assert fig.monthly_saving == major(1280)
    assert all(fig.monthly_saving <= r.income - r.spending for r in fig.good_months)


def test_a_good_month_with_a_few_somoni_left_is_not_counted() -> None:
    # September wages 1,005 instead of 3,000: 1,505 in (with the pension), 1,500 out, 5 left: not a good
    # month (less than 10 somoni). Good months April-August (5), each 2,000.
    # Bad months 13,000 -> 13,000 / 5 = 2,600 > 2,000: the step says 2,000.
    p = seasons_plan()
    september = tuple(
        major(3000) if m in (4, 5, 6, 7, 8, 10) else major(1005) if m == 9 else 0
        for m in range(1, 13)
    )
    wages = dataclasses.replace(p.incomes[0], schedule=Schedule(by_month=september))
    p = p.replace(incomes=(wages, p.incomes[1]))
    fig = figures(project(p, 12))
    assert [r.month.month for r in fig.good_months] == [4, 5, 6, 7, 8]
    assert fig.monthly_saving == major(2000)


def test_month_by_month_table_says_short_by_in_words() -> None:
    lines = month_lines(project(seasons_plan(), 12), "en")
    assert len(lines) == 12
    jan, mar, jun = lines[0], lines[2], lines[5]
    assert (jan.month, jan.money_in, jan.money_out) == ("January 2027", "500 TJS", "2,500 TJS")
    assert jan.end_of_month == "short by 2,000 TJS" and jan.short
    assert mar.end_of_month == "short by 5,000 TJS"
    assert jun.end_of_month == "1,000 TJS" and not jun.short
    assert lines[9].money_out == "7,500 TJS"  # October: food 1,500 + toi 6,000
    assert lines[11].end_of_month == "short by 1,000 TJS"


def test_summary_never_shows_a_negative_amount_as_money() -> None:
    p = seasons_plan()
    lines = summary_lines(p, project(p, 12), "en")
    assert "The purse is lowest in March 2027: short by 5,000 TJS." in lines
    assert "The money runs out in January 2027." in lines
    assert lines[-1] == (
        "At the end: 0 TJS in savings, 0 TJS still owed, and the purse is short by 1,000 TJS."
    )
    assert not any(NEGATIVE_MONEY.search(line) for line in lines)


def test_goal_steps_and_complete_goal_rows() -> None:
    p = goals_plan()
    proj = project(p, 12)
    rows = goal_lines(proj, "en")
    assert [(g.name, g.target, g.when, g.wanted) for g in rows] == [
        ("Bicycle", "2,000 TJS", "Reached in May 2027", "April 2027: late"),
        ("Phone", "400 TJS", "Reached in June 2027", "No month chosen"),
        ("Cow", "20,000 TJS", "Not reached in 12 months", "June 2027: late"),
    ]
    steps = next_steps(p, proj, "en")
    assert steps == (
        "To have “Bicycle” by April 2027, save 500 TJS every month.",
        "“Phone” (400 TJS) is reached in June 2027.",
        "“Cow” cannot be reached by June 2027 with this plan: by then savings and purse hold "
        "only 3,000 TJS together. Choose a later month or a smaller amount.",
        "Look at this plan together every month.",
    )


def test_a_goal_the_money_is_there_for_gets_a_monthly_amount() -> None:
    # 30,000 at the start: by the end of June savings and purse hold 30,000 + 6 x 500 = 33,000,
    # enough for the 22,400 of the three goals: put aside 20,000 / 6 = 3,333.34 -> 3,340 a month
    p = goals_plan()
    p = p.replace(household=dataclasses.replace(p.household, opening_cash=major(30000)))
    steps = next_steps(p, project(p, 12), "en")
    assert "To have “Cow” by June 2027, save 3,340 TJS every month." in steps
    # a goal wanted by March in the seasons plan: the purse is 5,000 short by then
    q = seasons_plan().replace(
        savings=(SavingsPlace("b", "Box", SavingsKind.CASH),),
        goals=(SavingsGoal("g", "Carpet", major(800), "b", Month(2027, 3)),),
    )
    assert (
        "“Carpet” cannot be reached by March 2027 with this plan: by then no money is left "
        "over. Choose a later month or a smaller amount."
    ) in next_steps(q, project(q, 12), "en")


def test_a_saving_habit_is_no_more_than_a_month_has_left() -> None:
    p = goals_plan().replace(savings=(), goals=())
    # 24,000 a year, 2,000 a month; a twentieth is 100; each month has 500 left
    assert "Start a saving habit: even 100 TJS a month adds up." in next_steps(
        p, project(p, 12), "en"
    )
    pension = dataclasses.replace(p.incomes[0], schedule=Schedule.monthly(major(1550)))
    q = p.replace(incomes=(pension,))
    # a twentieth of 1,550 is 77.50 (80 rounded up) but a month has only 50 left
    assert "Start a saving habit: even 50 TJS a month adds up." in next_steps(
        q, project(q, 12), "en"
    )


def test_what_if_rows_compare_with_the_plan_in_words() -> None:
    p = seasons_plan()
    extra = Scenario("s1", "Roof repair", (OneOffExpense("Roof", major(1000), Month(2027, 7)),))
    wedding = Scenario("s2", "Big toi", (OneOffExpense("Toi", major(9000), Month(2027, 5)),))
    more = Scenario("s3", "Three", ())
    ignored = Scenario("s4", "Fourth", ())
    comparison = comparison_for_handout(p, [extra, wedding, more, ignored], 12)
    assert len(comparison.scenarios) == 3  # at most three on a handout
    lines = scenario_lines(comparison, "en")
    # the plan ends 1,000 short; the roof makes it 2,000 short; the big toi 10,000 short and
    # the money runs out in January already (the first short month does not move)
    assert [(s.name, s.at_end, s.compared, s.runs_out) for s in lines] == [
        ("Our plan as it is", "short by 1,000 TJS", "\u2014", "January 2027"),
        ("Roof repair", "short by 2,000 TJS", "1,000 TJS less than our plan", "January 2027"),
        ("Big toi", "short by 10,000 TJS", "9,000 TJS less than our plan", "January 2027"),
        ("Three", "short by 1,000 TJS", "the same as our plan", "January 2027"),
    ]
    assert scenario_lines(comparison_for_handout(p, [], 12), "en") == ()


def test_a_plan_that_lasts_has_no_shortfall_steps() -> None:
    p = seasons_plan(toi=False).replace(
        household=Household(name="Rich", start_month=Month(2027, 1), opening_cash=major(6000))
    )
    # with 6,000 at the start the purse ends March at 1,000 (lowest), never below zero
    proj = project(p, 12)
    assert proj.summary.first_short_month is None
    steps = next_steps(p, proj, "en")
    assert not any("runs out" in s or "short by" in s for s in steps)
    assert "The purse is lowest in March 2027: 1,000 TJS left." in summary_lines(p, proj, "en")


@pytest.mark.parametrize(
    ("lang", "made_on", "month_phrase"),
    [
        ("ru", "Составлен 4 декабря 2026 г.", "в январе 2027 г."),
        ("tg", "4 декабри 2026", "дар моҳи январи 2027"),
    ],
)
def test_handout_in_tajik_and_russian_has_correct_dates(lang, made_on, month_phrase) -> None:
    i18n.set_language(lang)
    p = seasons_plan()
    h = build_handout(p, comparison_for_handout(p, [], 12), lang, lang, DAY)
    assert made_on in h.made_on
    assert not h.made_on.endswith("..")
    assert month_phrase in h.next_steps[0]
    texts = all_texts(h)
    assert not any(NEGATIVE_MONEY.search(t) for t in texts), [
        t for t in texts if NEGATIVE_MONEY.search(t)
    ]
    assert all(g.wanted for g in h.goals)
    # nothing is left in English
    assert not any(re.search(r"\b(the|and|short|month|money)\b", t) for t in texts), texts


def test_the_handout_keeps_user_text_literal() -> None:
    p = goals_plan().replace(household=Household(name="<b>Karimov</b> & sons"))
    h = build_handout(p, project(p, 12), "en", "en", DAY)
    assert h.household_name == "<b>Karimov</b> & sons"
    assert h.made_on == "Made on December 4, 2026"
    assert h.subtitle == "Plan for 12 months: January 2027 – December 2027"
    assert h.goals and h.next_steps and h.summary and len(h.months) == 12
    assert h.scenarios == ()


def test_handout_with_roubles_mentions_the_cost_of_sending() -> None:
    p = seasons_plan().replace(
        incomes=(
            Income(
                "r1",
                "Son",
                IncomeKind.REMITTANCE,
                Schedule.monthly(major(20000)),
                currency=Currency.RUB,
                fee_fixed=major(100),
            ),
        )
    )
    h = build_handout(p, project(p, 12), "en", "en", DAY)
    assert any(line.startswith("Transfer fees and exchange margins cost ") for line in h.summary)
    assert any(s.startswith("Compare money transfer services") for s in h.next_steps)
    assert h.next_steps[-1] == (
        "Look at this plan together each month when the money from abroad arrives."
    )


def test_a_sentence_ending_with_an_abbreviation_takes_one_stop() -> None:
    from budget_tutor.handout import one_final_stop

    assert one_final_stop("Деньги кончатся в марте 2027 г..") == "Деньги кончатся в марте 2027 г."
    assert one_final_stop("Пул тамом мешавад.") == "Пул тамом мешавад."
    assert one_final_stop("Wait...") == "Wait..."
