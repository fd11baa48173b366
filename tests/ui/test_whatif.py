"""WhatIfPage: presets and sliders, the comparison table and chart, blitting while dragging."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from budget_tutor import presets
from budget_tutor.charts import money_kept
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
from budget_tutor.money import format_money, major, to_chart
from budget_tutor.projection import project
from budget_tutor.scenarios import RemittanceChange, Scenario
from budget_tutor.storage import Store
from budget_tutor.ui.session import AppSession
from budget_tutor.ui.whatif_page import COMPOSED_ID, WhatIfPage

SUMMER = (4, 5, 6, 7, 8, 9, 10)


def family_plan() -> Plan:
    return Plan(
        household=Household(name="Karimov", start_month=Month(2027, 1), opening_cash=major(6000)),
        incomes=(
            Income("r1", "Son", IncomeKind.REMITTANCE, Schedule.monthly(major(4000), SUMMER)),
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
        goals=(SavingsGoal("g1", "School", major(1500), "s1", Month(2027, 9)),),
    )


@pytest.fixture
def session(qtbot, tmp_path):
    store = Store.open(tmp_path / "store")
    s = AppSession(store)
    s.open_household(store.create_household(family_plan()))
    yield s
    store.close()


@pytest.fixture
def page(qtbot, session):
    widget = WhatIfPage(session)
    widget.today = Month(2027, 2)  # "next month" is March 2027
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.canvas.full_draws >= 1)
    qtbot.wait(40)
    return widget


def table_rows(page: WhatIfPage) -> list[list[str]]:
    t = page.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def settle(qtbot, canvas, draws: int) -> None:
    qtbot.waitUntil(lambda: canvas.full_draws >= draws)
    qtbot.wait(40)


def test_applying_a_preset_fills_the_comparison_table(page, qtbot) -> None:
    assert page.table.rowCount() == 1
    qtbot.mouseClick(page.preset_buttons["wedding"], Qt.MouseButton.LeftButton)
    rows = table_rows(page)
    assert [r[0] for r in rows] == ["Your plan now", "A wedding next autumn"]
    assert rows[1][2] == "\u221240,000 TJS"
    assert rows[1][4] == "October 2027"
    assert rows[0][4] == "No"
    assert rows[0][5] == "School: Aug 2027"
    words = page.words_label.text()
    assert "A wedding next autumn\nWith this, you have 40,000 TJS less at the end." in words
    assert "The money runs out in October 2027." in words
    chart = page.canvas.chart
    assert [ln.get_label() for ln in chart.lines if ln.get_visible()] == [
        "Your plan now",
        "A wedding next autumn",
    ]
    # a second click takes it away again
    qtbot.mouseClick(page.preset_buttons["wedding"], Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 1
    assert "Choose a scenario" in page.words_label.text()


def test_cow_or_deposit_compares_two_scenarios_side_by_side(page, qtbot) -> None:
    qtbot.mouseClick(page.preset_buttons["cow-or-deposit"], Qt.MouseButton.LeftButton)
    rows = table_rows(page)
    assert [r[0] for r in rows] == ["Your plan now", "Buy a cow", "Put the same money on deposit"]
    assert sum(1 for ln in page.canvas.chart.lines if ln.get_visible()) == 3
    comparison = page.comparison
    assert comparison is not None and len(comparison.scenarios) == 2
    assert "Counting investments and debts" in page.words_label.text()


def test_slider_drag_blits_and_draws_once_on_release(page, session, qtbot) -> None:
    canvas, slider = page.canvas, page.remittance_slider
    slider.setSliderDown(True)  # pressed: the line of the family's own change appears
    settle(qtbot, canvas, canvas.full_draws + 1)
    draws, blits = canvas.full_draws, canvas.blits
    for value in (-5, -10, -20, -30, -40):
        slider.setValue(value)
        qtbot.wait(5)
    qtbot.wait(60)
    assert canvas.full_draws == draws, "a slider step made a full draw"
    assert canvas.blits == blits + 5
    assert table_rows(page)[1][2] == "0 TJS"  # the table waits for the release
    slider.setSliderDown(False)
    settle(qtbot, canvas, draws + 1)
    assert canvas.full_draws == draws + 1
    expected = project(
        session.plan,
        24,
        Scenario(COMPOSED_ID, "x", (RemittanceChange(Decimal(-40), Month(2027, 3)),)),
    )
    line = page.canvas.chart.lines[1]
    assert list(line.get_ydata()) == [to_chart(v) for v in money_kept(expected)]
    assert line.get_label() == "Your changes"
    assert table_rows(page)[1][0] == "Your changes"
    assert table_rows(page)[1][1] == format_money(
        presets.money_at_end(expected), "en", decimals=False
    )
    # a second drag: the line is there already, so pressing draws nothing
    assert page.composed_line_shown
    draws = canvas.full_draws
    slider.setSliderDown(True)
    slider.setValue(-10)
    qtbot.wait(60)
    assert canvas.full_draws == draws
    slider.setSliderDown(False)
    settle(qtbot, canvas, draws + 1)
    assert canvas.full_draws == draws + 1


def test_a_keyboard_slider_step_is_one_full_draw(page, qtbot) -> None:
    canvas = page.canvas
    draws = canvas.full_draws
    page.saving_slider.setFocus()
    qtbot.keyClick(page.saving_slider, Qt.Key.Key_Right)
    settle(qtbot, canvas, draws + 1)
    assert canvas.full_draws == draws + 1
    assert page.saving_slider.value() == 1
    assert page.slider_values[5].text() == "1%"


def test_keeping_a_scenario_saves_it_in_the_plan(page, session, qtbot) -> None:
    page.one_off_slider.setValue(20)
    page.one_off_month_slider.setValue(5)
    assert page.slider_values[3].text() == "20,000 TJS"
    assert page.slider_values[4].text() == "July 2027"
    # no name yet: a clear message, nothing saved
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message_label.text() == "Give this scenario a name first."
    assert session.plan.scenarios == ()
    qtbot.keyClicks(page.name_edit, "<b>Roof</b> repair")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    (kept,) = session.plan.scenarios
    assert kept.name == "<b>Roof</b> repair"
    assert kept.changes[0].amount == major(20000)
    assert kept.changes[0].month == Month(2027, 7)
    stored = session.store.load_plan(session.household_id)
    assert stored.scenarios == session.plan.scenarios
    # the kept scenario is ticked and compared; the sliders are back at rest
    assert page.saved_list.count() == 1
    assert page.saved_list.item(0).text() == "<b>Roof</b> repair"
    assert page.saved_list.item(0).checkState() == Qt.CheckState.Checked
    assert page.one_off_slider.value() == 0
    rows = table_rows(page)
    assert [r[0] for r in rows] == ["Your plan now", "<b>Roof</b> repair"]
    assert rows[1][2] == "\u221220,000 TJS"
    assert page.table.item(1, 0).text() == "<b>Roof</b> repair"
    # undo takes it out of the plan and the list
    session.undo()
    assert session.plan.scenarios == ()
    assert page.saved_list.count() == 0
    assert page.table.rowCount() == 1


def test_keeping_without_a_change_says_so(page, session, qtbot) -> None:
    qtbot.keyClicks(page.name_edit, "Nothing")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message_label.text() == "Move a slider first: there is no change to keep yet."
    assert session.plan.scenarios == ()


def test_removing_a_kept_scenario(page, session, qtbot) -> None:
    kept = Scenario(
        "scenario-1", "Son earns less", (RemittanceChange(Decimal(-20), Month(2027, 3)),)
    )
    session.apply_edit(session.plan.replace(scenarios=(kept,)), "add")
    assert page.saved_list.count() == 1
    assert page.saved_list.item(0).checkState() == Qt.CheckState.Unchecked
    page.saved_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert [r[0] for r in table_rows(page)] == ["Your plan now", "Son earns less"]
    page.saved_list.setCurrentRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert session.plan.scenarios == ()
    assert page.table.rowCount() == 1


def test_horizon_changes_the_comparison(page, qtbot) -> None:
    page.horizon_combo.setCurrentIndex(0)
    assert page.horizon_combo.currentText() == "12 months"
    assert page.comparison is not None
    assert len(page.comparison.baseline.rows) == 12
    assert len(page.canvas.chart.lines[0].get_xdata()) == 12


def test_language_switch_redraws_the_chart_once(page, session, qtbot) -> None:
    qtbot.mouseClick(page.preset_buttons["wedding"], Qt.MouseButton.LeftButton)
    settle(qtbot, page.canvas, page.canvas.full_draws + 1)
    draws = page.canvas.full_draws
    session.set_language("ru")
    qtbot.waitUntil(lambda: table_rows(page)[1][4] == "октябрь 2027")
    settle(qtbot, page.canvas, draws + 1)
    assert page.canvas.full_draws == draws + 1
    ticks = [t.get_text() for t in page.canvas.chart.ax.get_xticklabels()]
    assert ticks[0].startswith("янв.")


def test_without_a_household_the_page_says_what_to_do(qtbot, session) -> None:
    session.close_household()
    widget = WhatIfPage(session)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.empty_label.isVisible()
    assert widget.empty_label.text() == "Open a household to try what-if scenarios."
    assert not widget.canvas.isVisible()
    assert not widget.save_composed()


def test_export_the_comparison_chart_as_png(page, session, qtbot, tmp_path, monkeypatch) -> None:
    from budget_tutor.ui import messages

    qtbot.mouseClick(page.preset_buttons["wedding"], Qt.MouseButton.LeftButton)
    target = tmp_path / "compare"
    monkeypatch.setattr(messages, "choose_file_to_save", lambda *a, **k: str(target))
    page.export_png()
    assert (tmp_path / "compare.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setattr(
        messages, "choose_file_to_save", lambda *a, **k: str(tmp_path / "no" / "x.png")
    )
    page.export_png()
    assert session.last_error == (
        "“x.png” could not be saved: the folder does not exist. The old file, if any, is unchanged."
    )


def test_a_plan_at_the_end_of_the_calendar_gives_a_message_not_a_crash(page, session, qtbot):
    late = session.plan.replace(
        household=Household(name="Karimov", start_month=Month(2200, 6), opening_cash=major(10))
    )
    session.apply_edit(late, "late")
    assert page.message_label.text() == (
        "The scenarios cannot be compared for this plan. Check its amounts and months."
    )
    page.one_off_month_slider.setValue(12)
    page.one_off_slider.setValue(5)
    qtbot.keyClicks(page.name_edit, "Late")
    assert not page.save_composed()
    assert session.plan.scenarios == ()
