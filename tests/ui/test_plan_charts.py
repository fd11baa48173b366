"""PlanChartsPanel: the charts follow edits with one draw, switch language with one draw each."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from budget_tutor.charts import cash_flow, category_totals
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
from budget_tutor.money import major, to_chart
from budget_tutor.projection import project
from budget_tutor.storage import Store
from budget_tutor.ui import messages
from budget_tutor.ui.plan_charts_panel import PlanChartsPanel
from budget_tutor.ui.session import AppSession

SUMMER = (4, 5, 6, 7, 8, 9, 10)


def family_plan(remittance: int = 4000, opening: int = 6000) -> Plan:
    return Plan(
        household=Household(
            name="Karimov", start_month=Month(2027, 1), opening_cash=major(opening)
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
        goals=(SavingsGoal("g1", "School", major(1500), "s1", Month(2027, 9)),),
    )


@pytest.fixture
def session(qtbot, tmp_path):
    store = Store.open(tmp_path / "store")
    s = AppSession(store)
    hid = store.create_household(family_plan())
    s.open_household(hid)
    yield s
    store.close()


@pytest.fixture
def panel(qtbot, session):
    widget = PlanChartsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    canvas = widget.cash_flow_canvas
    qtbot.waitUntil(lambda: canvas.full_draws >= 1)
    qtbot.wait(30)
    return widget


def settle(qtbot, canvas, draws: int) -> None:
    qtbot.waitUntil(lambda: canvas.full_draws >= draws)
    qtbot.wait(40)


def test_charts_show_the_plan(panel, session) -> None:
    chart = panel.cash_flow_canvas.chart
    flow = cash_flow(project(session.plan, 12))
    assert [b.get_height() for b in chart.income_bars] == [to_chart(v) for v in flow.money_in]
    assert [i for i, b in enumerate(chart.gap_bars) if b.get_visible()] == [0, 1, 2, 10, 11]
    assert panel.tabs.tabText(0) == "Money in and out"


def test_an_edit_redraws_the_visible_chart_once_and_the_hidden_ones_not_at_all(
    panel, session, qtbot
) -> None:
    flow_canvas, spending_canvas = panel.cash_flow_canvas, panel.spending_canvas
    before = flow_canvas.full_draws
    assert spending_canvas.full_draws == 0 and not spending_canvas.is_built
    richer = session.plan.with_line(
        "incomes",
        Income("r1", "Son", IncomeKind.REMITTANCE, Schedule.monthly(major(7000), SUMMER)),
    )
    assert session.apply_edit(richer, "remittance")
    settle(qtbot, flow_canvas, before + 1)
    assert flow_canvas.full_draws == before + 1
    assert flow_canvas.chart.income_bars[4].get_height() == 7600.0
    assert spending_canvas.full_draws == 0
    # opening the spending tab draws it once, with the plan as it is now
    panel.tabs.setCurrentWidget(spending_canvas)
    settle(qtbot, spending_canvas, 1)
    assert spending_canvas.full_draws == 1
    totals = category_totals(project(session.plan, 12))
    widths = [b.get_width() for b in spending_canvas.chart.bars if b.get_visible()]
    assert widths == [to_chart(a) for _c, a in totals]


def test_undo_brings_the_chart_back(panel, session, qtbot) -> None:
    canvas = panel.cash_flow_canvas
    original = [b.get_height() for b in canvas.chart.out_bars]
    cheaper = session.plan.without_line("expenses", "e2")
    session.apply_edit(cheaper, "no coal")
    settle(qtbot, canvas, canvas.full_draws + 1)
    assert canvas.chart.out_bars[0].get_height() == 1500.0
    session.undo()
    settle(qtbot, canvas, canvas.full_draws + 1)
    assert [b.get_height() for b in canvas.chart.out_bars] == original


def test_running_short_is_marked_in_red_after_an_edit(panel, session, qtbot) -> None:
    canvas = panel.cash_flow_canvas
    poor = session.plan.replace(household=Household(name="Karimov", start_month=Month(2027, 1)))
    session.apply_edit(poor, "no opening cash")
    settle(qtbot, canvas, canvas.full_draws + 1)
    assert canvas.chart.short_line.get_visible()
    assert canvas.chart.short_text.get_text() == "Money runs out: January 2027"


def test_language_switch_redraws_each_visible_chart_exactly_once(panel, session, qtbot) -> None:
    flow_canvas = panel.cash_flow_canvas
    before = flow_canvas.full_draws
    session.set_language("ru")
    qtbot.waitUntil(lambda: flow_canvas.chart.ax.get_xticklabels()[0].get_text() == "янв.\n2027")
    settle(qtbot, flow_canvas, before + 1)
    assert flow_canvas.full_draws == before + 1
    assert panel.spending_canvas.full_draws == 0
    formatter = flow_canvas.chart.ax.yaxis.get_major_formatter()
    assert formatter(2400.0, 0) == "2\u00a0400"


def test_presentation_mode_makes_chart_text_larger(panel, session, qtbot) -> None:
    chart = panel.cash_flow_canvas.chart
    normal = chart.title_text().get_fontsize()
    session.set_presentation(True)
    assert chart.title_text().get_fontsize() == pytest.approx(normal * session.font_scale)
    assert session.font_scale > 1


def test_closing_the_household_leaves_no_chart(panel, session) -> None:
    session.close_household()
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == "Open a household to see its charts."
    assert not panel.export_button.isEnabled()


def test_export_png(panel, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "chart"
    monkeypatch.setattr(messages, "choose_file_to_save", lambda *a, **k: str(target))
    panel.export_png()
    data = (tmp_path / "chart.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000
    # animated artists are in the picture and back to animated for blitting afterwards
    assert all(a.get_animated() for a in panel.cash_flow_canvas.chart.dynamic_artists())


def test_export_png_to_a_missing_folder_says_so(panel, session, tmp_path, monkeypatch) -> None:
    target = tmp_path / "no such folder" / "chart.png"
    monkeypatch.setattr(messages, "choose_file_to_save", lambda *a, **k: str(target))
    panel.export_png()
    assert session.last_error is not None
    assert session.last_error == (
        "“chart.png” could not be saved: the folder does not exist. "
        "The old file, if any, is unchanged."
    )
    assert not target.exists()


def test_matplotlib_is_not_imported_until_a_chart_is_shown(tmp_path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from budget_tutor.storage import Store
        from budget_tutor.ui.session import AppSession
        from budget_tutor.ui.plan_charts_panel import PlanChartsPanel
        session = AppSession(Store.open({str(tmp_path / "s")!r}))
        panel = PlanChartsPanel(session)
        assert "matplotlib" not in sys.modules, "imported before a chart was needed"
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_hidden_chart_changes_language_when_it_is_shown(panel, session, qtbot) -> None:
    spending = panel.spending_canvas
    panel.tabs.setCurrentWidget(spending)
    settle(qtbot, spending, 1)
    panel.tabs.setCurrentWidget(panel.cash_flow_canvas)
    qtbot.wait(40)
    draws = spending.full_draws
    session.set_language("ru")
    flow = panel.cash_flow_canvas
    qtbot.waitUntil(lambda: flow.chart.ax.get_xticklabels()[0].get_text() == "янв.\n2027")
    qtbot.wait(60)
    assert spending.full_draws == draws  # hidden: no work yet
    assert spending.chart.locale == "en"
    panel.tabs.setCurrentWidget(spending)
    settle(qtbot, spending, draws + 1)
    assert spending.full_draws == draws + 1
    assert spending.chart.locale == "ru"
    assert spending.chart.value_texts[0].get_text() == "18\u00a0000"


def test_the_charts_look_as_far_ahead_as_the_one_default_horizon(panel, session, qtbot) -> None:
    from budget_tutor.horizon import HORIZON_SETTING

    assert panel.horizon_combo.currentText() == "12 months"  # nothing stored yet: one year
    assert len(panel.flow.rows) == 12
    panel.horizon_combo.setCurrentIndex(1)
    assert session.store.get_setting(HORIZON_SETTING) == "24"
    assert len(panel.flow.rows) == len(panel.long.rows) == 24
    canvas = panel.cash_flow_canvas
    settle(qtbot, canvas, canvas.full_draws)
    assert len(canvas.chart.income_bars) == 24
    # a new panel (the next start) reads the same setting
    again = PlanChartsPanel(session)
    qtbot.addWidget(again)
    assert again.horizon_combo.currentText() == "24 months"
    assert len(again.flow.rows) == 24
