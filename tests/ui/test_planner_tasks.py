"""Every built-in planner task, done by a family from the lesson's "Open my plan" button: the
dialog opens with exactly the line the task names, OK stores it, a second task of the same kind
updates the line instead of adding a duplicate, and a goal brings the savings place it needs.

The expected lines are written out by hand from the lesson files (amounts in dirams)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from budget_tutor.lessons.model import PlannerTaskStep
from budget_tutor.model import (
    ALL_MONTHS,
    Debt,
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Investment,
    InvestmentKind,
    LenderKind,
    Month,
    OneOffCost,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
)
from budget_tutor.money import Currency
from budget_tutor.storage import Store
from budget_tutor.ui.main_window import MainWindow
from budget_tutor.ui.session import AppSession

APRIL_TO_NOVEMBER = (4, 5, 6, 7, 8, 9, 10, 11)


@pytest.fixture
def window(qtbot, tmp_path: Path):
    store = Store.open(tmp_path / "data")
    store.set_setting("language", "en")
    hid = store.create_household(
        Plan(household=Household(name="Rahimovs", people=6, start_month=Month(2027, 1)))
    )
    session = AppSession(store)
    w = MainWindow(session)
    qtbot.addWidget(w)
    session.open_household(hid)
    w.resize(1024, 768)
    w.show()
    yield w
    w.close()
    store.close()


def _open_task(qtbot, window, lesson_id: str):  # type: ignore[no-untyped-def]
    """Open the lesson at its planner task and press "Open my plan"; the dialog it opens."""
    window.show_page("lessons")
    lessons = window.page("lessons")
    lesson = next(x for x in lessons.library.lessons if x.id == lesson_id)
    index = next(i for i, s in enumerate(lesson.steps) if isinstance(s, PlannerTaskStep))
    lessons.player.open_lesson(lesson, index)
    widget = lessons.player.step_widget
    qtbot.mouseClick(widget.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page == "plan"
    plan_page = window.page("plan")
    section = lesson.steps[index].section
    holder = plan_page.section("savings" if section in ("savings", "goals") else section)
    line_section = getattr(holder, section, holder) if section == "goals" else holder
    if section == "savings":
        line_section = holder.places
    dialog = line_section.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.problem_label.text()


def _stored(window) -> Plan:  # type: ignore[no-untyped-def]
    return window.session.store.load_plan(window.session.household_id)


def _months(schedule) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    return tuple(m for m in ALL_MONTHS if schedule.amount_in(m))


def test_every_builtin_planner_task_enters_its_line(qtbot, window) -> None:
    # m00: money from abroad, 2 300 SOMONI (what arrives), April to November.
    d = _open_task(qtbot, window, "m00-welcome")
    assert d.kind_combo.currentData() == IncomeKind.REMITTANCE
    assert d.currency_combo.currentData() == Currency.TJS
    assert d.calendar.months() == APRIL_TO_NOVEMBER
    assert d.amount_edit.value() == 230000
    assert not d.new_line_button.isVisible()
    _ok(qtbot, d)
    (abroad,) = _stored(window).incomes
    assert isinstance(abroad, Income)
    assert (abroad.name, abroad.kind, abroad.currency) == (
        "Money from abroad",
        IncomeKind.REMITTANCE,
        Currency.TJS,
    )
    assert [abroad.schedule.amount_in(m) for m in ALL_MONTHS] == [0, 0, 0] + [230000] * 8 + [0]

    # m01: a pension of 700 somoni in every month.
    _ok(qtbot, _open_task(qtbot, window, "m01-where-money-comes-from"))
    pension = _stored(window).incomes[1]
    assert (pension.kind, pension.currency, pension.schedule.amount) == (
        IncomeKind.PENSION,
        Currency.TJS,
        70000,
    )
    assert _months(pension.schedule) == ALL_MONTHS

    # m02 and m03: food 1 120 and utilities 260 a month, all year.
    _ok(qtbot, _open_task(qtbot, window, "m02-needs-and-wants"))
    _ok(qtbot, _open_task(qtbot, window, "m03-family-budget"))
    food, utilities = _stored(window).expenses
    assert isinstance(food, Expense)
    assert (food.name, food.category, food.schedule.amount) == (
        "Food for the month",
        ExpenseCategory.FOOD,
        112000,
    )
    assert (utilities.category, utilities.schedule.amount) == (ExpenseCategory.HOUSING, 26000)
    assert _months(food.schedule) == _months(utilities.schedule) == ALL_MONTHS

    # m04: money from abroad again: the plan has it, so the task updates that line.
    d = _open_task(qtbot, window, "m04-receiving-remittances")
    assert d.line is abroad or d.line == abroad
    assert d.new_line_button.isVisible()
    assert "Money from abroad" in d.note_label.text()
    assert d.name_edit.text() == "Money from abroad"  # the family's own name stays
    assert d.amount_edit.value() == 237600
    _ok(qtbot, d)
    incomes = _stored(window).incomes
    assert len(incomes) == 2
    assert incomes[0].id == abroad.id
    assert (incomes[0].schedule.amount, incomes[0].currency) == (237600, Currency.TJS)
    assert _months(incomes[0].schedule) == APRIL_TO_NOVEMBER

    # m05: an emergency fund of 3 months of food (3 x 1 120) before any savings place exists:
    # the dialog offers cash at home and OK adds both.
    d = _open_task(qtbot, window, "m05-when-money-stops")
    assert d.ok_button.isEnabled()
    assert d.target_edit.value() == 336000
    assert "Cash at home" in d.note_label.text()
    _ok(qtbot, d)
    plan = _stored(window)
    (box,) = plan.savings
    assert isinstance(box, SavingsPlace)
    assert (box.name, box.kind) == ("Cash at home", SavingsKind.CASH)
    (fund,) = plan.goals
    assert (fund.name, fund.target, fund.place_id) == ("Emergency fund", 336000, box.id)
    window.session.undo()  # one step: the goal and its place go together
    assert _stored(window).savings == () and _stored(window).goals == ()
    window.session.redo()

    # m06: 500 a month put aside: the plan has cash at home, so that place is updated.
    d = _open_task(qtbot, window, "m06-saving")
    assert d.new_line_button.isVisible()
    _ok(qtbot, d)
    (box,) = _stored(window).savings
    assert (box.name, box.kind, box.contribution.amount) == (
        "Cash at home",
        SavingsKind.CASH,
        50000,
    )
    assert _months(box.contribution) == ALL_MONTHS

    # m07: a family wedding of 40 000 somoni in October (the next October from the start).
    _ok(qtbot, _open_task(qtbot, window, "m07-big-life-events"))
    (wedding,) = _stored(window).one_offs
    assert isinstance(wedding, OneOffCost)
    assert (wedding.category, wedding.amount, wedding.month) == (
        ExpenseCategory.CEREMONIES,
        4_000_000,
        Month(2027, 10),
    )

    # m08: a microfinance loan of 6 000; the family types the months to repay.
    d = _open_task(qtbot, window, "m08-borrowing")
    assert d.lender_combo.currentData() == LenderKind.MICROFINANCE
    d.term_spin.setValue(12)
    _ok(qtbot, d)
    (loan,) = _stored(window).debts
    assert isinstance(loan, Debt)
    assert (loan.lender, loan.principal, loan.term_months) == (LenderKind.MICROFINANCE, 600000, 12)

    # m09: a cow for 8 000.
    _ok(qtbot, _open_task(qtbot, window, "m09-investing"))
    (cow,) = _stored(window).investments
    assert isinstance(cow, Investment)
    assert (cow.name, cow.kind, cow.cost) == ("Cow", InvestmentKind.COW, 800000)

    # m10: school in September: 2 800 wanted by August, saved in the place the plan has.
    _ok(qtbot, _open_task(qtbot, window, "m10-action-plan"))
    plan = _stored(window)
    assert len(plan.savings) == 1
    school = plan.goals[1]
    assert isinstance(school, SavingsGoal)
    assert (school.name, school.target, school.target_month, school.place_id) == (
        "School start in September",
        280000,
        Month(2027, 8),
        box.id,
    )
    assert [g.name for g in plan.goals] == ["Emergency fund", "School start in September"]


def test_a_task_can_add_a_new_line_beside_the_one_the_plan_has(qtbot, window) -> None:
    _ok(qtbot, _open_task(qtbot, window, "m00-welcome"))
    first = _stored(window).incomes[0]
    d = _open_task(qtbot, window, "m04-receiving-remittances")
    assert d.windowTitle() == "Edit income"
    qtbot.mouseClick(d.new_line_button, Qt.MouseButton.LeftButton)
    assert d.windowTitle() == "Add income" and not d.new_line_button.isVisible()
    assert d.name_edit.text() == "Money from abroad (what arrives)"
    _ok(qtbot, d)
    incomes = _stored(window).incomes
    assert incomes[0] == first  # unchanged
    assert (incomes[1].name, incomes[1].schedule.amount) == (
        "Money from abroad (what arrives)",
        237600,
    )
    assert incomes[1].id != first.id


@pytest.mark.parametrize("lang", ["tg", "ru"])
def test_tasks_in_the_familys_language(qtbot, window, lang) -> None:
    """The line's name is the task's name in the family's language; the second remittance task
    still updates the first line."""
    window.session.set_language(lang)
    d = _open_task(qtbot, window, "m00-welcome")
    assert d.currency_combo.currentData() == Currency.TJS
    _ok(qtbot, d)
    (abroad,) = _stored(window).incomes
    assert abroad.name == {"tg": "Пул аз хориҷа", "ru": "Деньги из-за рубежа"}[lang]
    d = _open_task(qtbot, window, "m04-receiving-remittances")
    assert d.new_line_button.isVisible() and d.new_line_button.text() != "Add as a new line"
    _ok(qtbot, d)
    (abroad,) = _stored(window).incomes
    assert abroad.schedule.amount == 237600
    d = _open_task(qtbot, window, "m05-when-money-stops")
    _ok(qtbot, d)
    (place,) = _stored(window).savings
    assert place.name == {"tg": "Пули нақд дар хона", "ru": "Наличные дома"}[lang]
