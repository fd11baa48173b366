"""The handout's content: summary, goals with their months, next steps, in the active language."""

from __future__ import annotations

import dataclasses
import datetime as dt

from budget_tutor import i18n
from budget_tutor.handout import build_handout, goal_lines, next_steps, round_up, summary_lines
from budget_tutor.model import (
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Month,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import Currency, major
from budget_tutor.projection import project

SUMMER = (4, 5, 6, 7, 8, 9, 10)
DAY = dt.date(2026, 11, 28)


def plan(remittance: int = 4000, opening: int = 6000, goal_by: Month | None = None) -> Plan:
    return Plan(
        household=Household(
            name="<b>Karimov</b> & sons", start_month=Month(2027, 1), opening_cash=major(opening)
        ),
        incomes=(
            Income("r1", "Son", IncomeKind.REMITTANCE, Schedule.monthly(major(remittance), SUMMER)),
            Income("p1", "Pension", IncomeKind.PENSION, Schedule.monthly(major(600))),
        ),
        expenses=(
            Expense("e1", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(1500))),
            Expense(
                "e2", "Coal", ExpenseCategory.HEATING, Schedule.monthly(major(900), (1, 2, 11, 12))
            ),
        ),
        savings=(
            SavingsPlace(
                "s1", "Box", SavingsKind.CASH, contribution=Schedule.monthly(major(300), SUMMER)
            ),
        ),
        goals=(SavingsGoal("g1", "Ҷиҳози мактаб", major(1500), "s1", goal_by),),
    )


def test_round_up_to_ten_somoni() -> None:
    assert round_up(0) == 0
    assert round_up(1) == major(10)
    assert round_up(major(10)) == major(10)
    assert round_up(major(123)) == major(130)


def test_summary_lines_give_the_numbers_of_the_projection() -> None:
    p = plan()
    proj = project(p, 12)
    assert summary_lines(p, proj, "en") == (
        "Money coming in over 12 months: 35,200 TJS",
        "Money going out over 12 months: 21,600 TJS",
        "Put into savings: 2,100 TJS",
        "Food is 83% of the spending.",
        "The hardest month is March 2027: 1,500 TJS left in the purse.",
        "The money lasts the whole 12 months.",
        "At the end: 2,100 TJS in savings, 17,500 TJS in the purse, 0 TJS still owed.",
    )


def test_running_short_is_said_with_its_month_and_the_amount_to_find() -> None:
    p = plan(remittance=1500, opening=0)
    box = dataclasses.replace(p.savings[0], opening_balance=major(1000))
    p = p.replace(savings=(box,))
    proj = project(p, 12)
    assert proj.summary.first_short_month == Month(2027, 1)
    assert sum(r.withdrawals for r in proj.rows) == major(1400)
    lines = summary_lines(p, proj, "en")
    assert "The money runs out in January 2027." in lines
    assert "The hardest month is March 2027: -3,500 TJS left in the purse." in lines
    assert "Taken back out of savings when the purse was empty: 1,400 TJS" in lines
    steps = next_steps(p, proj, "en")
    assert steps[0] == (
        "Find 3,500 TJS by January 2027, or spend less: that is when the money runs out."
    )
    assert not any(s.startswith("Start a saving habit") for s in steps)
    assert steps[-1] == "Look at this plan together each month when the money from abroad arrives."


def test_a_family_that_can_save_is_told_to_start_a_habit() -> None:
    p = plan().replace(savings=(), goals=())
    steps = next_steps(p, project(p, 12), "en")
    # 35,200 TJS a year is 2,933 a month; a twentieth is 146.67, rounded up to 150
    assert "Start a saving habit: even 150 TJS a month adds up." in steps


def test_winter_gap_step_spreads_the_gap_over_the_good_months() -> None:
    p = plan()
    steps = next_steps(p, project(p, 12), "en")
    # Jan, Feb, Nov, Dec: 2,400 out, 600 in; March 1,500 out: 8,100 over the 7 summer months,
    # 1,157.14 a month, rounded up to 1,160
    assert steps == (
        "In the good months put 1,160 TJS aside each month: "
        "in 5 months more goes out than comes in.",
        "Look at this plan together each month when the money from abroad arrives.",
    )


def test_goal_lines_say_when_each_goal_is_reached() -> None:
    p = plan(goal_by=Month(2027, 6))
    proj = project(p, 12)
    assert proj.summary.goals[0].reached == Month(2027, 8)
    (line,) = goal_lines(proj, "en")
    assert line.name == "Ҷиҳози мактаб"
    assert line.target == "1,500 TJS"
    assert line.when == "Reached in August 2027"
    assert line.wanted == "Wanted by June 2027: late"
    assert line.on_time is False
    # a late goal gets a step with the monthly amount that reaches it in time (1,500 / 6)
    steps = next_steps(p, proj, "en")
    assert "To have “Ҷиҳози мактаб” by June 2027, save 250 TJS every month." in steps
    (on_time,) = goal_lines(project(plan(goal_by=Month(2027, 9)), 12), "en")
    assert on_time.wanted == "Wanted by September 2027: on time"


def test_unreached_goal_counts_the_months() -> None:
    p = plan(remittance=1000, opening=0)
    proj = project(p, 12)
    (line,) = goal_lines(proj, "en")
    assert line.when == "Not reached in 12 months"
    assert line.wanted == ""


def test_the_handout_keeps_user_text_literal_and_is_in_the_active_language(tmp_path) -> None:
    po = tmp_path / "ru" / "LC_MESSAGES" / "budget_tutor.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
        '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "Our family budget plan"\nmsgstr "Бюджет нашей семьи"\n\n'
        'msgid "{count} month"\nmsgid_plural "{count} months"\n'
        'msgstr[0] "{count} месяц"\nmsgstr[1] "{count} месяца"\nmsgstr[2] "{count} месяцев"\n',
        encoding="utf-8",
    )
    i18n.set_override_dir(tmp_path)
    i18n.set_language("ru")
    p = plan()
    h = build_handout(p, project(p, 12), "ru", "ru", DAY)
    assert h.title == "Бюджет нашей семьи"
    assert h.household_name == "<b>Karimov</b> & sons"
    assert h.language == "ru"
    assert "12 месяцев" in h.subtitle
    assert "28 ноября 2026" in h.subtitle
    assert h.goals and h.next_steps and h.summary


def test_handout_without_currency_mixups_for_roubles() -> None:
    p = plan().replace(
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
    proj = project(p, 12)
    h = build_handout(p, proj, "en", "en", DAY)
    assert any(line.startswith("Transfer fees and exchange margins cost ") for line in h.summary)
    assert any(s.startswith("Compare money transfer services") for s in h.next_steps)
