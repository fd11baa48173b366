"""WhatIfPage: presets and their assumptions, sliders, the comparison table and chart, six
scenarios in a 1024×768 room, blitting while dragging, the wheel that never moves a slider."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QWheelEvent
from PySide6.QtWidgets import QApplication

from budget_tutor.charts import money_kept
from budget_tutor.horizon import HORIZON_SETTING
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
#: Presets that make six scenarios together (the cow preset makes two).
SIX = ("rouble-falls", "migrant-home", "wedding", "cow-or-deposit", "save-tenth")


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
    store.set_setting(HORIZON_SETTING, "24")
    s = AppSession(store)
    s.open_household(store.create_household(family_plan()))
    yield s
    store.close()


def make_page(qtbot, session, size=(1366, 768)) -> WhatIfPage:
    widget = WhatIfPage(session)
    widget.today = Month(2027, 2)  # "next month" is March 2027
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.canvas.full_draws >= 1)
    qtbot.wait(40)
    return widget


@pytest.fixture
def page(qtbot, session):
    return make_page(qtbot, session)


def table_rows(page: WhatIfPage) -> list[list[str]]:
    t = page.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def settle(qtbot, canvas, draws: int) -> None:
    qtbot.waitUntil(lambda: canvas.full_draws >= draws)
    qtbot.wait(40)


def test_applying_a_preset_fills_the_comparison_table(page, qtbot) -> None:
    assert page.table.rowCount() == 1
    click(qtbot, page.presets.buttons["wedding"])
    rows = table_rows(page)
    assert [r[0] for r in rows] == ["Your plan now", "A wedding in October 2027"]
    assert rows[1][2] == "40,000 TJS less"
    assert rows[1][3] == "Oct 2027"
    assert rows[0][3] == "No"
    words = page.words_label.text()
    # School's box held its money from August 2027, but the money runs out in October 2027
    # (every savings place empty then) and is still short in March 2028: a goal counts only
    # while it stays reached, and this one is not held again by the end of the 24 months.
    assert "“School” is no longer reached in 24 months." in words
    assert "A wedding in October 2027\nWith this, you have 40,000 TJS less at the end." in words
    assert "The money runs out in October 2027: short by " in words
    chart = page.canvas.chart
    assert [ln.get_label() for ln in chart.lines if ln.get_visible()] == [
        "Your plan now",
        "A wedding in October 2027",
    ]
    # its assumptions are shown under the button while it is chosen
    assert page.presets.editors["wedding"].isVisible()
    click(qtbot, page.presets.buttons["wedding"])
    assert page.table.rowCount() == 1
    assert not page.presets.editors["wedding"].isVisible()
    assert "Choose a scenario" in page.words_label.text()


def test_editing_an_assumption_changes_the_comparison_by_the_hand_computed_amount(
    page, qtbot
) -> None:
    click(qtbot, page.presets.buttons["cow-or-deposit"])
    deposit = page.rows[2]
    # 24 months from January 2027: 9,000 on deposit in March, 12% = 90 a month for 21 months
    assert deposit.worth_difference == 21 * major(90)
    rate = page.presets.fields["cow-or-deposit"]["rate"]
    rate.setFocus()
    rate.selectAll()
    qtbot.keyClicks(rate, "20")
    qtbot.keyClick(rate, Qt.Key.Key_Return)
    # 20% a year on 9,000 is 150 a month
    assert page.rows[2].worth_difference == 21 * major(150)
    price = page.presets.fields["cow-or-deposit"]["cow_price"]
    price.setValue(6000)
    # the deposit takes the same money as the cow: 6,000 at 20% is 100 a month; 6,000 locked
    assert page.rows[2].worth_difference == 21 * major(100)
    assert page.rows[2].difference == -major(6000) + 21 * major(100)
    assert table_rows(page)[2][2] == "3,900 TJS less\ncounting what you own: 2,100 TJS more"
    # the cow's sentences and its table row say the same numbers
    cow = page.rows[1]
    words = page.words_label.text()
    assert f"you have {format_money(-cow.difference, 'en', decimals=False)} less" in words
    assert table_rows(page)[1][2].startswith(format_money(-cow.difference, "en", decimals=False))


def test_the_wedding_month_and_cost_are_the_trainers(page, qtbot) -> None:
    click(qtbot, page.presets.buttons["wedding"])
    fields = page.presets.fields["wedding"]
    fields["cost"].setValue(25000)
    fields["month"].setCurrentIndex(5)  # June
    assert page.presets.buttons["wedding"].title() == "A wedding"
    assert table_rows(page)[1][0] == "A wedding in June 2027"
    assert table_rows(page)[1][2] == "25,000 TJS less"


def show_comparison(page, qtbot) -> None:
    """The table: under the chart, or in its own tab when they do not fit together."""
    if page.results.tabbed:
        page.results.tabs.setCurrentWidget(page.results.comparison_tab)
        qtbot.wait(50)


def test_six_scenarios_fit_a_1024_by_768_room(qtbot, session) -> None:
    page = make_page(qtbot, session, (1024, 700))
    for preset_id in SIX:
        click(qtbot, page.presets.buttons[preset_id])
    qtbot.wait(50)
    # the chart is shown at a readable height (together with the table, or in its tab)
    assert page.canvas.height() >= 250
    show_comparison(page, qtbot)
    table = page.table
    assert table.rowCount() == 7
    viewport = table.viewport().rect()
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            cell = table.visualRect(table.model().index(r, c))
            assert viewport.contains(cell), f"cell {r},{c} is not wholly visible"
            text = table.item(r, c).text()
            for line in text.split("\n"):
                for word in line.split(" "):  # an amount with no-break spaces is one word
                    assert table.fontMetrics().horizontalAdvance(word) <= cell.width(), word
    # the table is inside the page, with no scroll bar
    bottom = table.mapTo(page, table.rect().bottomLeft()).y()
    assert bottom <= page.height()
    assert not table.verticalScrollBar().isVisible()
    assert not table.horizontalScrollBar().isVisible()
    # the chart has no legend squeezing the plot: the table is the legend (an icon per row)
    assert page.canvas.chart.ax.get_legend() is None
    assert all(not table.item(r, 0).icon().isNull() for r in range(7))
    # three scenarios at 1366×768: chart and table together, every row seen
    wide = make_page(qtbot, session, (1366, 740))
    for preset_id in ("wedding", "cow-or-deposit"):
        click(qtbot, wide.presets.buttons[preset_id])
    qtbot.wait(50)
    assert not wide.results.tabbed
    assert wide.table.mapTo(wide, wide.table.rect().bottomLeft()).y() <= wide.height()
    assert wide.canvas.height() >= 250


def test_six_scenarios_fit_in_presentation_mode(qtbot, session) -> None:
    app = QApplication.instance()
    saved = QFont(app.font())
    big = QFont(saved)
    big.setPointSizeF((saved.pointSizeF() if saved.pointSizeF() > 0 else 10.0) * 1.5)
    app.setFont(big)
    try:
        session.set_presentation(True)
        page = make_page(qtbot, session, (1024, 660))
        for preset_id in SIX:
            click(qtbot, page.presets.buttons[preset_id])
        qtbot.wait(50)
        # chart and table do not both fit one above the other: they become tabs, each whole
        results = page.results
        assert results.tabbed
        assert page.canvas.height() >= 250
        results.tabs.setCurrentWidget(results.comparison_tab)
        qtbot.wait(50)
        table = page.table
        assert table.isVisible() and table.rowCount() == 7
        for r in range(table.rowCount()):
            cell = table.visualRect(table.model().index(r, 0))
            assert table.viewport().rect().contains(cell)
        assert table.mapTo(page, table.rect().bottomLeft()).y() <= page.height()
        # preset titles and slider values are not cut
        for button in page.presets.buttons.values():  # titles wrap: every line fits
            label = button.label
            assert label.wordWrap() and label.heightForWidth(label.width()) <= label.height()
            for word in label.text().split():
                assert label.fontMetrics().horizontalAdvance(word) <= label.width()
        for label in page.sliders.values:
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
        assert page.left_scroll.width() >= page.left_scroll.widget().minimumSizeHint().width()
    finally:
        app.setFont(saved)
        session.set_presentation(False)
    # back in normal mode, with room, the chart and the table are together again
    page.resize(1366, 768)
    qtbot.waitUntil(lambda: not page.results.tabbed)


def test_colours_follow_the_scenario_when_presets_are_toggled(page, qtbot) -> None:
    for preset_id in ("rouble-falls", "wedding", "save-tenth"):
        click(qtbot, page.presets.buttons[preset_id])
    lines = page.canvas.chart.lines

    def style_of(name_start: str) -> tuple[object, object]:
        line = next(
            ln for ln in lines if ln.get_visible() and ln.get_label().startswith(name_start)
        )
        return line.get_color(), line.get_linestyle()

    saving = style_of("Save 10%")
    wedding = style_of("A wedding")
    click(qtbot, page.presets.buttons["wedding"])  # off: "Save 10%" moves up a place
    assert style_of("Save 10%") == saving
    click(qtbot, page.presets.buttons["wedding"])  # on again: its own colour back
    assert style_of("A wedding") == wedding
    assert style_of("Save 10%") == saving
    styles = {style_of(n) for n in ("Your plan", "The rouble", "A wedding", "Save 10%")}
    assert len(styles) == 4


def test_money_runs_out_notes_do_not_overlap_on_the_page(page, qtbot) -> None:
    for preset_id in ("migrant-home", "wedding", "cow-or-deposit"):
        click(qtbot, page.presets.buttons[preset_id])
    settle(qtbot, page.canvas, page.canvas.full_draws)
    chart = page.canvas.chart
    renderer = chart.figure._get_renderer()
    notes = [n for n in chart.short_notes if n.get_visible()]
    assert len(notes) == 4  # migrant, wedding, cow and deposit all run short
    boxes = [n.get_bbox_patch().get_window_extent(renderer) for n in notes]
    for i, a in enumerate(boxes):
        for b in boxes[:i]:
            assert not (a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1)


def send_wheel(widget, delta: int = -120) -> None:
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_mouse_wheel_scrolls_the_panel_and_never_moves_a_slider(qtbot, session) -> None:
    page = make_page(qtbot, session, (1024, 500))
    click(qtbot, page.presets.buttons["cow-or-deposit"])  # a long left column
    bar = page.left_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    slider = page.sliders.remittance_slider
    spin = page.presets.fields["cow-or-deposit"]["cow_price"]
    before = bar.value()
    for widget in (slider, spin, page.chart.horizon_combo):
        widget.clearFocus()
        send_wheel(widget)
    assert slider.value() == 0
    assert spin.value() == 9000
    assert page.chart.horizon_combo.currentText() == "24 months"
    assert bar.value() > before, "the wheel did not scroll the panel"
    assert [r[0] for r in table_rows(page)] == [
        "Your plan now",
        "Buy a cow",
        "Put the same money on deposit",
    ]
    assert session.plan.scenarios == ()
    # once the slider has the focus (a click or Tab), the wheel is deliberate input
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    send_wheel(slider, 120)
    assert slider.value() != 0


def test_slider_drag_blits_and_draws_once_on_release(page, session, qtbot) -> None:
    canvas, slider = page.canvas, page.sliders.remittance_slider
    slider.setSliderDown(True)  # pressed: the line of the family's own change appears
    settle(qtbot, canvas, canvas.full_draws + 1)
    draws, blits = canvas.full_draws, canvas.blits
    for value in (-5, -10, -20, -30, -40):
        slider.setValue(value)
        qtbot.wait(5)
    qtbot.wait(60)
    assert canvas.full_draws == draws, "a slider step made a full draw"
    assert canvas.blits == blits + 5
    assert table_rows(page)[1][2] == "the same"  # the table waits for the release
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
    end = expected.summary.end_savings + expected.summary.end_cash
    assert table_rows(page)[1][1] == format_money(end, "en")
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
    page.sliders.saving_slider.setFocus()
    qtbot.keyClick(page.sliders.saving_slider, Qt.Key.Key_Right)
    settle(qtbot, canvas, draws + 1)
    assert canvas.full_draws == draws + 1
    assert page.sliders.saving_slider.value() == 1
    assert page.sliders.values[5].text() == "1%"


def test_keeping_a_scenario_saves_it_in_the_plan(page, session, qtbot) -> None:
    sliders = page.sliders
    sliders.one_off_slider.setValue(20)
    sliders.one_off_month_slider.setValue(5)
    assert sliders.values[3].text() == "20,000 TJS"
    assert sliders.values[4].text() == "July 2027"
    # no name yet: a clear message, nothing saved
    click(qtbot, sliders.save_button)
    assert sliders.message_label.text() == "Give this scenario a name first."
    assert session.plan.scenarios == ()
    qtbot.keyClicks(sliders.name_edit, "<b>Roof</b> repair")
    click(qtbot, sliders.save_button)
    (kept,) = session.plan.scenarios
    assert kept.name == "<b>Roof</b> repair"
    assert kept.changes[0].amount == major(20000)
    assert kept.changes[0].month == Month(2027, 7)
    stored = session.store.load_plan(session.household_id)
    assert stored.scenarios == session.plan.scenarios
    # the kept scenario is ticked and compared; the sliders are back at rest
    assert page.kept.list.count() == 1
    assert page.kept.list.item(0).text() == "<b>Roof</b> repair"
    assert page.kept.list.item(0).checkState() == Qt.CheckState.Checked
    assert sliders.one_off_slider.value() == 0
    rows = table_rows(page)
    assert [r[0] for r in rows] == ["Your plan now", "<b>Roof</b> repair"]
    assert rows[1][2] == "20,000 TJS less"
    # undo takes it out of the plan and the list
    session.undo()
    assert session.plan.scenarios == ()
    assert page.kept.list.count() == 0
    assert page.table.rowCount() == 1


def test_keeping_without_a_change_says_so(page, session, qtbot) -> None:
    qtbot.keyClicks(page.sliders.name_edit, "Nothing")
    click(qtbot, page.sliders.save_button)
    assert (
        page.sliders.message_label.text() == "Move a slider first: there is no change to keep yet."
    )
    assert session.plan.scenarios == ()


def test_removing_a_kept_scenario(page, session, qtbot) -> None:
    kept = Scenario(
        "scenario-1", "Son earns less", (RemittanceChange(Decimal(-20), Month(2027, 3)),)
    )
    session.apply_edit(session.plan.replace(scenarios=(kept,)), "add")
    listing = page.kept.list
    assert listing.count() == 1
    assert listing.item(0).checkState() == Qt.CheckState.Unchecked
    listing.item(0).setCheckState(Qt.CheckState.Checked)
    assert [r[0] for r in table_rows(page)] == ["Your plan now", "Son earns less"]
    listing.setCurrentRow(0)
    click(qtbot, page.kept.remove_button)
    assert session.plan.scenarios == ()
    assert page.table.rowCount() == 1


def test_the_horizon_is_one_setting_for_every_screen(page, session, qtbot) -> None:
    from budget_tutor.horizon import read_horizon
    from budget_tutor.ui.horizon_combo import HorizonCombo

    other = HorizonCombo(session)  # e.g. the one on My plan
    qtbot.addWidget(other)
    assert other.currentText() == "24 months"
    combo = page.chart.horizon_combo
    combo.setCurrentIndex(0)
    assert combo.currentText() == "12 months"
    assert page.comparison is not None and len(page.comparison.baseline.rows) == 12
    assert len(page.canvas.chart.lines[0].get_xdata()) == 12
    assert read_horizon(session.store) == 12
    assert session.store.get_setting(HORIZON_SETTING) == "12"
    assert other.currentText() == "12 months"
    # and back from the other screen's combo
    other.setCurrentIndex(2)
    assert combo.currentText() == "36 months"
    assert len(page.comparison.baseline.rows) == 36


def test_language_switch_redraws_the_chart_once(page, session, qtbot) -> None:
    click(qtbot, page.presets.buttons["wedding"])
    qtbot.wait(150)
    draws = page.canvas.full_draws
    session.set_language("ru")
    qtbot.waitUntil(lambda: table_rows(page)[1][3].lower().startswith("окт"))
    settle(qtbot, page.canvas, draws + 1)
    assert page.canvas.full_draws >= draws + 1
    ticks = [t.get_text() for t in page.canvas.chart.ax.get_xticklabels()]
    assert ticks[0].startswith("янв.")
    assert not any("\u2212" in cell for row in table_rows(page) for cell in row)


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

    click(qtbot, page.presets.buttons["wedding"])
    target = tmp_path / "compare"
    monkeypatch.setattr(messages, "choose_file_to_save", lambda *a, **k: str(target))
    page.chart.export_png()
    assert (tmp_path / "compare.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert page.canvas.chart.ax.get_legend() is None  # the legend was only for the picture
    monkeypatch.setattr(
        messages, "choose_file_to_save", lambda *a, **k: str(tmp_path / "no" / "x.png")
    )
    page.chart.export_png()
    assert session.last_error.startswith("The picture could not be saved: ")


def test_a_plan_at_the_end_of_the_calendar_gives_a_message_not_a_crash(page, session, qtbot):
    late = session.plan.replace(
        household=Household(name="Karimov", start_month=Month(2200, 6), opening_cash=major(10))
    )
    session.apply_edit(late, "late")
    assert page.sliders.message_label.text() == (
        "The scenarios cannot be compared for this plan. Check its amounts and months."
    )
    page.sliders.one_off_month_slider.setValue(12)
    page.sliders.one_off_slider.setValue(5)
    qtbot.keyClicks(page.sliders.name_edit, "Late")
    assert not page.save_composed()
    assert session.plan.scenarios == ()


def test_a_hidden_page_compares_only_when_it_is_shown(page, session, qtbot) -> None:
    click(qtbot, page.presets.buttons["wedding"])
    before = page.comparison
    page.hide()
    richer = session.plan.with_line(
        "incomes",
        Income("r1", "Son", IncomeKind.REMITTANCE, Schedule.monthly(major(5000), SUMMER)),
    )
    session.apply_edit(richer, "more")
    assert page.comparison is before  # nothing done while hidden
    page.show()
    qtbot.waitUntil(lambda: page.comparison is not before)
    assert page.comparison.baseline.rows[3].remittance_income == major(5000)
    assert [r[0] for r in table_rows(page)] == ["Your plan now", "A wedding in October 2027"]
