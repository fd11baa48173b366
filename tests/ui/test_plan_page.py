"""My plan: lines added through real dialogs are saved at once, undo/redo, bad amounts refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from budget_tutor import i18n
from budget_tutor.model import Household, IncomeKind, Plan
from budget_tutor.storage import Store
from budget_tutor.ui.plan_page import PlanPage
from budget_tutor.ui.session import AppSession


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def page(qtbot, store):
    session = AppSession(store)
    hid = store.create_household(Plan(household=Household(name="Rahimovs", people=4)))
    session.open_household(hid)
    p = PlanPage(session)
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    return p


def _clear_and_type(qtbot, line_edit, text: str) -> None:
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


def _add_remittance(qtbot, page, amount_text: str):
    section = page.section("incomes")
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Son in Moscow")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(IncomeKind.REMITTANCE))
    _clear_and_type(qtbot, dialog.amount_edit.line_edit, amount_text)
    return section, dialog


def test_russian_remittance_amount_is_stored_in_minor_units(qtbot, page, store):
    i18n.set_language("ru")
    page.session.set_language("ru")
    section, dialog = _add_remittance(qtbot, page, "1 234,50")
    # remittance fields are shown for a remittance
    assert dialog.fee_percent_edit.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    plan = store.load_plan(page.session.household_id)
    assert len(plan.incomes) == 1
    income = plan.incomes[0]
    assert income.kind is IncomeKind.REMITTANCE
    assert income.schedule.amount == 123450
    assert income.name == "Son in Moscow"
    assert section.table.rowCount() == 1
    assert section.table.item(0, 0).text() == "Son in Moscow"


def test_bad_amount_keeps_dialog_open_and_stores_nothing(qtbot, page, store):
    _section, dialog = _add_remittance(qtbot, page, "abc")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    # The error is in the summary (and the field's tooltip), not under the field: the fields
    # below it do not move.
    assert dialog.amount_edit.error_label.isHidden()
    from PySide6.QtGui import QTextDocumentFragment

    tip = QTextDocumentFragment.fromHtml(dialog.amount_edit.line_edit.toolTip()).toPlainText()
    assert '"abc" is not an amount' in tip
    assert '"abc" is not an amount' in dialog.problem_label.text()
    assert store.load_plan(page.session.household_id).incomes == ()
    # correct it: the summary forgets the error at once, before OK
    _clear_and_type(qtbot, dialog.amount_edit.line_edit, "2000")
    assert dialog.problem_label.text() == ""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert store.load_plan(page.session.household_id).incomes[0].schedule.amount == 200000


def test_edit_in_place_keeps_stored_value_while_text_is_invalid(qtbot, page, store):
    page.show_section("household")
    household = page.section("household")
    _clear_and_type(qtbot, household.cash_edit.line_edit, "500")
    qtbot.keyClick(household.cash_edit.line_edit, Qt.Key.Key_Return)
    hid = page.session.household_id
    assert store.load_plan(hid).household.opening_cash == 50000
    _clear_and_type(qtbot, household.cash_edit.line_edit, "abc")
    qtbot.keyClick(household.cash_edit.line_edit, Qt.Key.Key_Return)
    assert household.cash_edit.error_label.isVisible()
    assert store.load_plan(hid).household.opening_cash == 50000


def test_undo_redo_across_the_plan(qtbot, page, store):
    hid = page.session.household_id
    section, dialog = _add_remittance(qtbot, page, "1000")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    household = page.section("household")
    household.people_spin.setValue(6)
    assert store.load_plan(hid).household.people == 6
    page.session.undo()
    assert store.load_plan(hid).household.people == 4
    assert household.people_spin.value() == 4
    page.session.undo()
    assert store.load_plan(hid).incomes == ()
    assert section.table.rowCount() == 0
    page.session.redo()
    assert len(store.load_plan(hid).incomes) == 1
    assert section.table.rowCount() == 1


def test_remove_and_edit_line(qtbot, page, store):
    hid = page.session.household_id
    section, dialog = _add_remittance(qtbot, page, "1000")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    section.table.selectRow(0)
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    _clear_and_type(qtbot, dialog.amount_edit.line_edit, "1500")
    dialog.calendar.set_months((3, 4, 5))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    income = store.load_plan(hid).incomes[0]
    assert income.schedule.amount == 150000
    assert income.schedule.months == (3, 4, 5)
    section.table.selectRow(0)
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert store.load_plan(hid).incomes == ()


def test_expense_goal_debt_and_rates(qtbot, page, store):
    hid = page.session.household_id
    page.show_section("expenses")
    expenses = page.section("expenses")
    qtbot.mouseClick(expenses.add_button, Qt.MouseButton.LeftButton)
    d = expenses.dialog
    _clear_and_type(qtbot, d.amount_edit.line_edit, "300")
    d.calendar.set_months((11, 12, 1, 2))
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    exp = store.load_plan(hid).expenses[0]
    assert exp.schedule.amount == 30000 and exp.schedule.months == (1, 2, 11, 12)
    assert exp.name == "Food"  # the category's name when no name was typed
    # a goal needs a savings place: with none in the plan, the dialog offers cash at home,
    # added together with the goal
    goals = page.section("savings").goals
    qtbot.mouseClick(goals.add_button, Qt.MouseButton.LeftButton)
    assert goals.dialog.ok_button.isEnabled()
    assert "Cash at home (new)" == goals.dialog.place_combo.currentText()
    _clear_and_type(qtbot, goals.dialog.target_edit.line_edit, "5000")
    qtbot.mouseClick(goals.dialog.ok_button, Qt.MouseButton.LeftButton)
    plan = store.load_plan(hid)
    assert [(p.name, p.kind.value) for p in plan.savings] == [("Cash at home", "cash")]
    assert plan.goals[0].target == 500000 and plan.goals[0].place_id == plan.savings[0].id
    # a second goal goes into the place the plan has now: no second new place
    qtbot.mouseClick(goals.add_button, Qt.MouseButton.LeftButton)
    assert goals.dialog.new_place is None
    assert goals.dialog.place_combo.currentData() == plan.savings[0].id
    goals.dialog.reject()
    # a debt without a payment or a term is refused with a message
    debts = page.section("debts")
    qtbot.mouseClick(debts.add_button, Qt.MouseButton.LeftButton)
    _clear_and_type(qtbot, debts.dialog.principal_edit.line_edit, "1000")
    qtbot.mouseClick(debts.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "monthly payment" in debts.dialog.problem_label.text()
    debts.dialog.term_spin.setValue(10)
    qtbot.mouseClick(debts.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert store.load_plan(hid).debts[0].term_months == 10
    rates = page.section("rates")
    _clear_and_type(qtbot, rates.rub_edit.line_edit, "0,1234")
    qtbot.keyClick(rates.rub_edit.line_edit, Qt.Key.Key_Return)
    assert str(store.load_plan(hid).rates.tjs_per_rub) == "0.1234"


def test_cancel_does_not_save(qtbot, page, store):
    _section, dialog = _add_remittance(qtbot, page, "1000")
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert store.load_plan(page.session.household_id).incomes == ()
    assert not page.session.can_undo()


def test_household_name_is_plain_text(qtbot, store):
    session = AppSession(store)
    evil = "<b>x</b><img src=http://example.com/a.png>"
    hid = store.create_household(Plan(household=Household(name=evil)))
    session.open_household(hid)
    page = PlanPage(session)
    qtbot.addWidget(page)
    assert page.title_label.textFormat() == Qt.TextFormat.PlainText
    assert page.title_label.text() == evil


def test_open_dialog_never_saves_into_another_household(qtbot, page, store):
    section, dialog = _add_remittance(qtbot, page, "1000")
    other = store.create_household(Plan(household=Household(name="Other family")))
    page.session.open_household(other)
    assert section.dialog is None and not dialog.isVisible()
    assert store.load_plan(other).incomes == ()
    assert page.title_label.text() == "Other family"
    assert section.table.rowCount() == 0


def test_removing_a_savings_place_takes_its_goals_and_undo_survives_a_failed_save(
    qtbot, page, store
):
    """The cascade is the core's (Plan.without_line); a save that fails at COMMIT in the real
    store leaves the history as it was, and the same undo works once the store recovers."""
    import sqlite3

    from budget_tutor.model import SavingsGoal, SavingsKind, SavingsPlace

    hid = page.session.household_id
    plan = page.session.plan
    place = SavingsPlace("box", "Cash box", SavingsKind.CASH)
    plan = plan.with_line("savings", place).with_line(
        "goals", SavingsGoal("cow", "Cow", 800000, "box")
    )
    assert page.session.apply_edit(plan, "Add the box and the cow")
    places = page.section("savings").places
    places.select_line("box")
    qtbot.mouseClick(places.remove_button, Qt.MouseButton.LeftButton)
    stored = store.load_plan(hid)
    assert stored.savings == () and stored.goals == ()
    assert page.section("savings").goals.table.rowCount() == 0

    real = store._conn

    class CommitFails:
        def execute(self, sql, *args):
            if sql.strip().upper() == "COMMIT":
                raise sqlite3.OperationalError("database or disk is full")
            return real.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(real, name)

    store._conn = CommitFails()
    page.session.undo()
    store._conn = real
    assert page.session.last_error  # the family was told, in words
    assert store.load_plan(hid).savings == ()
    assert page.session.can_undo() and page.session.undo_description() == "Remove Cash box"
    page.session.undo()
    stored = store.load_plan(hid)
    assert [p.id for p in stored.savings] == ["box"] and [g.id for g in stored.goals] == ["cow"]
    assert page.section("savings").goals.table.rowCount() == 1


def test_a_narrow_page_with_large_text_shows_icons_with_their_names_as_tooltips(qtbot, page):
    """A projector at 1024 px with presentation mode's large text: the section list and the
    Add/Edit/Remove buttons keep their icons and say their names in tooltips; at normal size
    the names are shown."""
    from PySide6.QtGui import QFont

    page.resize(1000, 700)
    qtbot.waitUntil(lambda: not page.compact)
    assert page.section_list.item(0).text() == "Income"
    incomes = page.section("incomes")
    assert incomes.add_button.text() == "&Add"
    font = QFont(page.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    page.setFont(font)
    page.resize(1000, 700)
    page.resize(600, 700)
    qtbot.waitUntil(lambda: page.compact)
    assert [page.section_list.item(r).text() for r in range(page.section_list.count())] == [""] * 8
    assert page.section_list.item(0).toolTip() == "Income"
    assert page.section_list.item(0).data(Qt.ItemDataRole.AccessibleTextRole) == "Income"
    assert page.section_list.width() < 100
    qtbot.waitUntil(lambda: incomes.add_button.text() == "")
    assert incomes.add_button.accessibleName() == "Add" and incomes.add_button.toolTip()
    page.resize(1400, 700)
    qtbot.waitUntil(lambda: not page.compact)
    assert page.section_list.item(3).text() == "Savings & goals"
    qtbot.waitUntil(lambda: incomes.add_button.text() == "&Add")


def test_every_plan_section_retranslates_on_a_language_switch(qtbot, page, store):
    from budget_tutor import i18n

    english = {key: section.title_label.text() for key, section in page.sections.items()
               if hasattr(section, "title_label")}  # fmt: skip
    assert english["incomes"] == "Money that comes in"
    page.session.set_language("ru")
    qtbot.waitUntil(lambda: page.sections["incomes"].title_label.text() == "Поступления")
    russian = {key: page.sections[key].title_label.text() for key in english}
    assert all(russian[key] != english[key] for key in english), russian
    assert i18n.current_language() == "ru"
