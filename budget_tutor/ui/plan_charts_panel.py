"""PlanChartsPanel: the family's charts on the My plan page, following every edit live.

Three tabs: money in and out month by month (the winter gap hatched, the month the money runs
out in red), spending by category, and money kept over time with the goals. Only the visible
chart draws after an edit; the others draw once when their tab is opened. All three look as far
ahead as the one default horizon (the "Look ahead" box here and on What if?, kept in the store:
:mod:`budget_tutor.horizon`), which the handout uses too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.ui.chart_canvas import ChartCanvas, override
from budget_tutor.ui.horizon_combo import HorizonCombo

if TYPE_CHECKING:
    from budget_tutor.model import Plan
    from budget_tutor.projection import Projection
    from budget_tutor.ui.session import AppSession

log = logging.getLogger(__name__)


def _cash_flow_chart(ax: Any, locale: str, scale: float) -> Any:
    from budget_tutor.charts import CashFlowChart

    return CashFlowChart(ax, locale, scale)


def _spending_chart(ax: Any, locale: str, scale: float) -> Any:
    from budget_tutor.charts import SpendingChart

    return SpendingChart(ax, locale, scale)


def _savings_chart(ax: Any, locale: str, scale: float) -> Any:
    from budget_tutor.charts import SavingsChart

    return SavingsChart(ax, locale, scale)


class PlanChartsPanel(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.flow: Projection | None = None
        self.long: Projection | None = None

        scale = session.font_scale
        self.cash_flow_canvas = ChartCanvas(_cash_flow_chart, font_scale=scale)
        self.spending_canvas = ChartCanvas(_spending_chart, font_scale=scale)
        self.savings_canvas = ChartCanvas(_savings_chart, font_scale=scale)
        self.canvases = (self.cash_flow_canvas, self.spending_canvas, self.savings_canvas)

        self.tabs = QTabWidget()
        for canvas in self.canvases:
            self.tabs.addTab(canvas, "")
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.tabs)

        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_png)
        self.horizon_label = QLabel()
        self.horizon_combo = HorizonCombo(session)
        self.horizon_label.setBuddy(self.horizon_combo)
        self.horizon_combo.horizon_changed.connect(lambda _m: self.show_plan(self.session.plan))
        buttons = QHBoxLayout()
        buttons.addWidget(self.horizon_label)
        buttons.addWidget(self.horizon_combo)
        buttons.addWidget(self.message_label, 1)
        buttons.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        session.plan_changed.connect(self.show_plan)
        session.household_changed.connect(self._household_changed)
        session.presentation_changed.connect(self._presentation_changed)
        self.retranslate_ui()
        self.show_plan(session.plan)

    # -- data -------------------------------------------------------------------------------

    def show_plan(self, plan: Plan | None) -> None:
        """Project ``plan`` and give the numbers to each chart (the visible one draws once)."""
        if plan is None:
            self.flow = self.long = None
            self.stack.setCurrentWidget(self.empty_label)
            self.export_button.setEnabled(False)
            return
        from budget_tutor.projection import project

        try:
            self.flow = self.long = project(plan, self.horizon_combo.months)
        except (ValueError, KeyError, ArithmeticError) as exc:
            log.warning("the plan could not be projected: %s", exc)
            self.message_label.show()
            return
        self.message_label.hide()
        self.stack.setCurrentWidget(self.tabs)
        self.export_button.setEnabled(True)
        self.cash_flow_canvas.set_data(self.flow)
        self.spending_canvas.set_data(self.flow)
        self.savings_canvas.set_data([self.long])

    def _household_changed(self, household_id: int) -> None:
        if household_id < 0:
            self.show_plan(None)

    def _presentation_changed(self, _on: bool) -> None:
        for canvas in self.canvases:
            canvas.set_font_scale(self.session.font_scale)

    def current_canvas(self) -> ChartCanvas:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, ChartCanvas)
        return widget

    # -- export -----------------------------------------------------------------------------

    def export_png(self) -> None:
        """Ask where to save the visible chart as a PNG picture, then write it."""
        from budget_tutor.ui.chart_canvas import export_chart_png

        export_chart_png(self.current_canvas(), self.session, self, self._suggested_name())

    def _suggested_name(self) -> str:
        index = self.tabs.currentIndex()
        return ("cash-flow.png", "spending.png", "savings.png")[index]

    # -- words --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, _("Money in and out"))
        self.tabs.setTabText(1, _("Spending"))
        self.tabs.setTabText(2, _("Savings and goals"))
        self.cash_flow_canvas.setAccessibleName(_("Chart: money in and money out, month by month"))
        self.spending_canvas.setAccessibleName(_("Chart: spending by category"))
        self.savings_canvas.setAccessibleName(_("Chart: money kept, savings and goals"))
        self.empty_label.setText(_("Open a household to see its charts."))
        self.horizon_label.setText(_("Look ahead"))
        self.message_label.setText(
            _("The charts cannot be drawn for this plan. Check the amounts and months.")
        )
        self.export_button.setText(_("Save chart as picture…"))
        self.export_button.setToolTip(_("Save the chart you see as a PNG picture"))
        self.export_button.setAccessibleName(_("Save chart as picture"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
