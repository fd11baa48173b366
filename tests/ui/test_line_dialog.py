"""The line dialog: defaults by kind the family can override, errors that never move the form,
and My plan's table columns that fit their texts at 1024×768."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from pytestqt.exceptions import TimeoutError as qt_timeout

from budget_tutor import i18n
from budget_tutor.model import (
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Plan,
    Schedule,
)
from budget_tutor.money import Currency
from budget_tutor.storage import Store
from budget_tutor.ui.plan_page import PlanPage
from budget_tutor.ui.plan_sections import DROPPABLE_COLUMNS, column_widths
from budget_tutor.ui.session import AppSession


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


def _page(qtbot, store, plan: Plan | None = None) -> PlanPage:  # type: ignore[no-untyped-def]
    session = AppSession(store)
    hid = store.create_household(plan or Plan(household=Household(name="Rahimovs", people=6)))
    session.open_household(hid)
    page = PlanPage(session)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    return page


def _add(qtbot, page, section: str):  # type: ignore[no-untyped-def]
    page.show_section(section)
    widget = page.section(section)
    qtbot.mouseClick(widget.add_button, Qt.MouseButton.LeftButton)
    assert widget.dialog is not None and widget.dialog.isVisible()
    return widget.dialog


def _stored(page) -> Plan:  # type: ignore[no-untyped-def]
    return page.session.store.load_plan(page.session.household_id)


def _choose(combo, value) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


# -- defaults by kind ------------------------------------------------------------------------


def test_an_income_takes_the_currency_of_its_kind(qtbot, store) -> None:
    page = _page(qtbot, store)
    d = _add(qtbot, page, "incomes")
    assert d.kind_combo.currentData() == IncomeKind.REMITTANCE
    assert d.currency_combo.currentData() == Currency.RUB
    _choose(d.kind_combo, IncomeKind.PENSION)
    assert d.currency_combo.currentData() == Currency.TJS
    _choose(d.kind_combo, IncomeKind.WAGES)
    assert d.currency_combo.currentData() == Currency.TJS
    _choose(d.kind_combo, IncomeKind.REMITTANCE)
    assert d.currency_combo.currentData() == Currency.RUB
    _choose(d.kind_combo, IncomeKind.BENEFITS)
    qtbot.keyClicks(d.amount_edit.line_edit, "650")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    (stored,) = _stored(page).incomes
    assert (stored.kind, stored.currency) == (IncomeKind.BENEFITS, Currency.TJS)


def test_a_currency_the_family_chose_is_kept_when_the_kind_changes(qtbot, store) -> None:
    page = _page(qtbot, store)
    d = _add(qtbot, page, "incomes")
    # choose dollars the way a person does: open the list and pick
    d.currency_combo.setFocus()
    index = d.currency_combo.findData(Currency.USD)
    d.currency_combo.setCurrentIndex(index)
    d.currency_combo.activated.emit(index)
    _choose(d.kind_combo, IncomeKind.PENSION)
    assert d.currency_combo.currentData() == Currency.USD
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert _stored(page).incomes[0].currency is Currency.USD


def test_editing_an_income_in_roubles_then_choosing_pension_switches_to_somoni(
    qtbot, store
) -> None:
    plan = Plan(
        household=Household(name="Rahimovs"),
        incomes=(
            Income("i1", "Mavluda", IncomeKind.REMITTANCE, Schedule.monthly(65000), Currency.RUB),
        ),
    )
    page = _page(qtbot, store, plan)
    incomes = page.section("incomes")
    incomes.select_line("i1")
    qtbot.mouseClick(incomes.edit_button, Qt.MouseButton.LeftButton)
    d = incomes.dialog
    _choose(d.kind_combo, IncomeKind.PENSION)
    assert d.currency_combo.currentData() == Currency.TJS
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    stored = _stored(page).incomes[0]
    assert (stored.kind, stored.currency, stored.schedule.amount) == (
        IncomeKind.PENSION,
        Currency.TJS,
        65000,
    )


def test_heating_and_school_preselect_their_months_and_the_family_can_change_them(
    qtbot, store
) -> None:
    page = _page(qtbot, store)
    d = _add(qtbot, page, "expenses")
    assert d.calendar.months() == tuple(range(1, 13))  # food: all year
    _choose(d.category_combo, ExpenseCategory.HEATING)
    assert d.calendar.months() == (1, 2, 3, 11, 12)
    _choose(d.category_combo, ExpenseCategory.EDUCATION)
    assert d.calendar.months() == (8, 9)
    _choose(d.category_combo, ExpenseCategory.HEATING)
    # the family adds October by clicking it; a later category change keeps their months
    qtbot.mouseClick(d.calendar.buttons[9], Qt.MouseButton.LeftButton)
    assert d.calendar.months() == (1, 2, 3, 10, 11, 12)
    _choose(d.category_combo, ExpenseCategory.EDUCATION)
    assert d.calendar.months() == (1, 2, 3, 10, 11, 12)
    _choose(d.category_combo, ExpenseCategory.HEATING)
    qtbot.keyClicks(d.amount_edit.line_edit, "400")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    (coal,) = _stored(page).expenses
    assert coal.category is ExpenseCategory.HEATING
    assert coal.schedule.months == (1, 2, 3, 10, 11, 12) and coal.schedule.amount == 40000


def test_school_months_when_the_dialog_opens_on_education(qtbot, store) -> None:
    page = _page(qtbot, store)
    d = _add(qtbot, page, "expenses")
    _choose(d.category_combo, ExpenseCategory.EDUCATION)
    qtbot.keyClicks(d.amount_edit.line_edit, "700")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert _stored(page).expenses[0].schedule.months == (8, 9)


# -- errors never move the form --------------------------------------------------------------


def _positions(dialog) -> list[QPoint]:  # type: ignore[no-untyped-def]
    return [b.mapTo(dialog, QPoint(0, 0)) for b in dialog.calendar.buttons]


@pytest.mark.parametrize("lang", ["en", "ru", "tg"])
def test_an_amount_error_does_not_move_the_months_under_the_click(qtbot, store, lang) -> None:
    i18n.set_language(lang)
    page = _page(qtbot, store)
    d = _add(qtbot, page, "incomes")
    qtbot.waitExposed(d)
    d.amount_edit.line_edit.setFocus()
    qtbot.keyClicks(d.amount_edit.line_edit, "abc")
    before = _positions(d)
    ok_before = d.ok_button.mapTo(d, QPoint(0, 0))
    height_before = d.height()
    # Leaving the amount for the April button shows the error at that moment (the press
    # takes the focus: the field's editing is finished).
    april = d.calendar.buttons[3]
    d.amount_edit.line_edit.editingFinished.emit()
    april.setFocus()
    assert not d.amount_edit.is_valid()
    assert d.problem_label.text() != ""
    assert _positions(d) == before
    assert d.ok_button.mapTo(d, QPoint(0, 0)) == ok_before and d.height() == height_before
    qtbot.mouseClick(april, Qt.MouseButton.LeftButton)
    assert 4 not in d.calendar.months()  # the click toggled April, not May
    assert d.calendar.months() == (1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12)


def test_a_corrected_field_leaves_the_summary_at_once(qtbot, store) -> None:
    page = _page(qtbot, store)
    d = _add(qtbot, page, "incomes")
    _choose(d.kind_combo, IncomeKind.REMITTANCE)
    qtbot.keyClicks(d.amount_edit.line_edit, "abc")
    d.fee_fixed_edit.line_edit.setText("xyz")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.isVisible()
    lines = d.problem_label.text().splitlines()
    assert len(lines) == 2 and "abc" in lines[0] and "xyz" in lines[1]
    d.amount_edit.line_edit.selectAll()
    qtbot.keyClicks(d.amount_edit.line_edit, "2300")
    assert d.problem_label.text().splitlines() == [lines[1]]  # no OK pressed in between
    # a rule problem (no month) also goes as soon as it is put right
    d.fee_fixed_edit.line_edit.selectAll()
    qtbot.keyClicks(d.fee_fixed_edit.line_edit, "0")
    d.calendar.set_months(())
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.problem_label.text() == "Choose at least one month."
    qtbot.mouseClick(d.calendar.buttons[4], Qt.MouseButton.LeftButton)
    assert d.problem_label.text() == ""
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert _stored(page).incomes[0].schedule.months == (5,)


# -- My plan's table -------------------------------------------------------------------------


def test_column_widths_share_the_room_and_never_go_below_the_minimum() -> None:
    assert column_widths([100, 200], [50, 80], 400) == [100, 200]
    # 300 px for columns wanting 100 and 300: minimums 50 and 80, 170 px shared 50:220
    assert column_widths([100, 300], [50, 80], 300) == [50 + 50 * 170 // 270, 80 + 220 * 170 // 270]
    # not even the minimums fit: shared in proportion, never wider than the table
    assert column_widths([100, 300], [90, 250], 170) == [45, 125]


@pytest.mark.parametrize("lang", ["ru", "tg"])
def test_plan_cells_show_their_whole_text_at_1024(qtbot, store, lang) -> None:
    i18n.set_language(lang)
    plan = Plan(
        household=Household(name="Rahimovs", people=6),
        incomes=(
            Income(
                "i1",
                "Фаррух из Москвы",
                IncomeKind.REMITTANCE,
                Schedule.monthly(180050, (4, 5, 6, 7, 8, 9, 10, 11)),
                Currency.TJS,
            ),
            Income("i2", "Пенсия", IncomeKind.PENSION, Schedule.yearly(780000), Currency.TJS),
        ),
        expenses=(
            Expense(
                "e1",
                "Уголь",
                ExpenseCategory.HEATING,
                Schedule.monthly(123456, (1, 2, 3, 11, 12)),
            ),
        ),
    )
    page = _page(qtbot, store, plan)
    # At 1024×768 the charts take two fifths of the window: the editor has about 600 px.
    page.resize(600, 700)
    for key in ("incomes", "expenses"):
        page.show_section(key)
        section = page.section(key)
        table = section.table
        qtbot.waitUntil(lambda t=table: t.viewport().width() > 100)
        section._fit_columns()
        metrics = table.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap.value)
        for row in range(table.rowCount()):
            for col in range(table.columnCount()):
                item = table.item(row, col)
                text = item.text()
                if table.isColumnHidden(col):
                    # only a droppable column goes, and the name's tooltip says what it said
                    tip = table.item(row, 0).toolTip()  # rich text: spaces become no-break
                    assert col in DROPPABLE_COLUMNS[key]
                    assert all(word in tip for word in text.split())
                    continue
                assert item.toolTip()  # the whole text on hover too
                width = table.columnWidth(col) - 6 - (22 if not item.icon().isNull() else 0)
                needed = metrics.boundingRect(QRect(0, 0, width, 2000), flags, text)
                assert needed.width() <= width, (key, text, needed.width(), width)
                assert needed.height() <= table.rowHeight(row), (
                    key,
                    text,
                    needed,
                    width,
                    table.rowHeight(row),
                )
        total = sum(
            table.columnWidth(c) for c in range(table.columnCount()) if not table.isColumnHidden(c)
        )
        assert total <= table.viewport().width() + 1  # no horizontal scrolling


def test_months_in_the_table_are_short_ranges() -> None:
    from budget_tutor.ui.plan_sections import month_runs, months_text

    assert month_runs((1, 2, 3, 11, 12)) == [(11, 3)]
    assert month_runs((4, 5, 9)) == [(4, 5), (9, 9)]
    assert month_runs(tuple(range(1, 13))) == [(1, 12)]
    i18n.set_language("en")
    assert months_text((4, 5, 6, 7, 8, 9, 10, 11)) == "Apr–Nov"
    assert months_text((1, 2, 3, 11, 12)) == "Nov–Mar"
    assert months_text((4, 5, 9)) == "Apr, May, Sep"
    assert months_text((1, 3, 4, 5, 12)) == "Dec, Jan, Mar–May"
    assert months_text(tuple(range(1, 13))) == "all year"


@pytest.mark.parametrize("lang", ["ru", "tg"])
@pytest.mark.parametrize("section", ["incomes", "expenses", "investments", "goals", "debts"])
def test_every_row_of_the_dialog_gets_its_height(qtbot, store, lang, section) -> None:
    """The months' second row was cut: the dialog was sized as if every label sat beside its
    field, and narrower it put long labels above them. A lesson's note on top made it worse."""
    i18n.set_language(lang)
    page = _page(qtbot, store)
    page.resize(1024, 700)
    holder = page.section("savings").goals if section == "goals" else page.section(section)
    holder.add_suggested({"action": "x", "name": "Food", "amount": "1120"})
    d = holder.dialog
    qtbot.waitExposed(d)
    qtbot.wait(20)

    def fits() -> bool:
        for row in range(d.form.rowCount()):
            field = d.form.itemAt(row, d.form.ItemRole.FieldRole)
            widget = field.widget() if field is not None else None
            if widget is not None and widget.isVisibleTo(d):
                if widget.height() < widget.minimumSizeHint().height():
                    return False
        return True

    qtbot.waitUntil(fits, timeout=2000)
    # Narrower, as on a 1024 px screen where long labels go above their fields.
    d.resize(520, d.height())
    qtbot.waitUntil(fits, timeout=2000)
    if hasattr(d, "calendar"):
        assert d.calendar.height() >= d.calendar.sizeHint().height()
        for button in d.calendar.buttons:
            assert button.geometry().bottom() < d.calendar.height()
    assert d.note_label.isVisible()


def _check_table(table) -> list[str]:  # type: ignore[no-untyped-def]
    """Every shown cell's text fits its cell; the shown columns fit the table."""
    problems = []
    metrics = table.fontMetrics()
    flags = int(Qt.TextFlag.TextWordWrap.value)
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            if table.isColumnHidden(col):
                continue
            item = table.item(row, col)
            width = table.columnWidth(col) - 6 - (22 if not item.icon().isNull() else 0)
            needed = metrics.boundingRect(QRect(0, 0, max(1, width), 2000), flags, item.text())
            if needed.width() > width or needed.height() > table.rowHeight(row):
                problems.append(
                    f"{item.text()!r}: {needed.width()}>{width} or {needed.height()}>{table.rowHeight(row)} cw={table.columnWidth(col)}"
                )
    total = sum(
        table.columnWidth(c) for c in range(table.columnCount()) if not table.isColumnHidden(c)
    )
    if total > table.viewport().width() + 1:
        problems.append(f"columns {total} px in a {table.viewport().width()} px table")
    return problems


@pytest.mark.parametrize("lang", ["ru", "tg"])
def test_the_sample_plan_fits_my_plan_at_1024x768(qtbot, tmp_path, lang) -> None:
    from budget_tutor.samples import build_sample, localized
    from budget_tutor.ui.main_window import MainWindow

    i18n.set_language(lang)
    store = Store.open(tmp_path / "data")
    store.set_setting("language", lang)
    hid = store.create_household(localized(build_sample("karimov-kulob")))
    session = AppSession(store)
    window = MainWindow(session)
    qtbot.addWidget(window)
    session.open_household(hid)
    window.resize(1024, 768)
    window.show()
    window.show_page("plan")
    page = window.page("plan")
    qtbot.waitUntil(lambda: page.charts_panel is not None, timeout=5000)
    try:
        # Then the other language, switched while the sections are hidden.
        for language in (lang, "tg" if lang == "ru" else "ru"):
            if language != lang:
                session.set_language(language)
                qtbot.wait(50)
            for key in ("incomes", "expenses", "one_offs", "savings", "debts", "investments"):
                page.show_section(key)
                widget = page.section(key)
                sections = (widget.places, widget.goals) if key == "savings" else (widget,)
                for section in sections:
                    try:
                        qtbot.waitUntil(lambda s=section: not _check_table(s.table), timeout=2000)
                    except qt_timeout:
                        problems = _check_table(section.table)
                        raise AssertionError((language, key, problems)) from None
    finally:
        window.close()
        store.close()
