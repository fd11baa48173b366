"""My plan: the household's income, spending, savings and goals, debts, investments, exchange
rates and household details, beside the live charts."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.ui import icons
from budget_tutor.ui.plan_sections import (
    HouseholdSection,
    LineSection,
    RatesSection,
    SavingsSection,
)
from budget_tutor.ui.session import AppSession

log = logging.getLogger(__name__)

#: The sections in the order they are listed, with their icons.
SECTIONS = (
    ("incomes", "income"),
    ("expenses", "expense"),
    ("one_offs", "one-off"),
    ("savings", "savings"),
    ("debts", "debt"),
    ("investments", "investment"),
    ("rates", "rates"),
    ("household", "household"),
)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class PlanPage(QWidget):
    """The plan editor: a list of sections, the chosen section, and the charts panel."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.charts_panel: QWidget | None = None
        self._charts_tried = False
        #: Icons only in the section list: the page is too narrow for the names (a projector
        #: at 1024 px with presentation mode's large text); the names are the tooltips.
        self.compact = False
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # the household's own name
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-weight: bold;")
        self.section_list = QListWidget(self)
        self.section_list.setIconSize(QSize(32, 32))
        self.section_list.setWordWrap(True)
        self.section_list.setUniformItemSizes(False)
        self.section_list.setSpacing(2)
        self.stack = QStackedWidget(self)
        self.sections: dict[str, QWidget] = {}
        for key, icon_name in SECTIONS:
            item = QListWidgetItem(icons.icon(icon_name), "")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.section_list.addItem(item)
            widget = self._make_section(key)
            self.sections[key] = widget
            self.stack.addWidget(_scrolled(widget) if key in ("rates", "household") else widget)
        self.section_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.section_list.setCurrentRow(0)

        editor = QWidget(self)
        editor_layout = QHBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.section_list, 0)
        editor_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(editor)
        self.charts_holder = QWidget(self)
        self.charts_layout = QVBoxLayout(self.charts_holder)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.charts_holder)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.splitter, 1)

        session.plan_changed.connect(self.refresh)
        session.household_changed.connect(lambda _hid: self.refresh())
        self.retranslate_ui()
        self.refresh()

    def _make_section(self, key: str) -> QWidget:
        if key == "savings":
            return SavingsSection(self.session, self)
        if key == "household":
            return HouseholdSection(self.session, self)
        if key == "rates":
            return RatesSection(self.session, self)
        return LineSection(self.session, key, self)

    def section(self, key: str) -> QWidget:
        return self.sections[key]

    def show_section(self, key: str) -> None:
        for row, (k, _icon) in enumerate(SECTIONS):
            if k == key:
                self.section_list.setCurrentRow(row)

    def open_suggestion(self, section: str, suggestion: dict[str, object]) -> None:
        """Show ``section`` and open its add dialog with a lesson's suggestion filled in."""
        key = "savings" if section == "goals" else section
        self.show_section(key)
        widget = self.sections.get(key)
        if isinstance(widget, SavingsSection):
            widget = widget.goals if section == "goals" else widget.places
        if isinstance(widget, LineSection) and suggestion:
            widget.add_suggested(dict(suggestion))

    def current_section(self) -> str:
        row = max(0, self.section_list.currentRow())
        return SECTIONS[row][0]

    def refresh(self, *_args: object) -> None:
        plan = self.session.plan
        self.title_label.setText(plan.household.name if plan is not None else "")
        for widget in self.sections.values():
            widget.refresh()  # type: ignore[attr-defined]

    # -- the charts panel (matplotlib) is loaded after the page is first shown ----------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._charts_tried:
            self._charts_tried = True
            QTimer.singleShot(0, self.load_charts_panel)

    def load_charts_panel(self) -> QWidget | None:
        """Create the charts panel if the charts module is installed; nothing if it is not."""
        if self.charts_panel is not None:
            return self.charts_panel
        try:
            from budget_tutor.ui.plan_charts_panel import PlanChartsPanel
        except ImportError:
            log.info("charts panel not available")
            return None
        try:
            panel = PlanChartsPanel(self.session)
        except Exception:  # a broken panel must not take the plan editor down
            from budget_tutor.ui.app import log_current_error

            log_current_error(log, "charts panel failed to start")
            return None
        self.charts_panel = panel
        self.charts_layout.addWidget(panel)
        total = sum(self.splitter.sizes()) or self.width()
        self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])
        return panel

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_section_list()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_section_list()

    def _names_width(self) -> int:
        metrics = self.section_list.fontMetrics()
        names = [
            self.section_list.item(r).data(Qt.ItemDataRole.AccessibleTextRole) or ""
            for r in range(self.section_list.count())
        ]
        return max(metrics.horizontalAdvance(n) for n in names)

    def retranslate_ui(self) -> None:
        names = {
            "incomes": _("Income"),
            "expenses": _("Expenses"),
            "one_offs": _("One-off costs"),
            "savings": _("Savings & goals"),
            "debts": _("Debts"),
            "investments": _("Investments"),
            "rates": _("Exchange rates"),
            "household": _("Household"),
        }
        for row in range(self.section_list.count()):
            item = self.section_list.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, names[key])
            item.setText("" if self.compact else names[key])
            item.setToolTip(names[key])
        self.section_list.setAccessibleName(_("Parts of the plan"))
        self.stack.setAccessibleName(_("The chosen part of the plan"))
        self._fit_section_list()

    def _fit_section_list(self) -> None:
        """Room for the longest section name in this language and font, with its icon; icons
        only when the names would take more than a quarter of the page."""
        width = self._names_width()
        compact = width + 70 > self.width() // 4
        if compact != self.compact:
            self.compact = compact
            for row in range(self.section_list.count()):
                item = self.section_list.item(row)
                name = item.data(Qt.ItemDataRole.AccessibleTextRole) or ""
                item.setText("" if compact else name)
        if compact:
            icon = self.section_list.iconSize().width()
            self.section_list.setMinimumWidth(icon + 28)
            self.section_list.setMaximumWidth(icon + 28)
            return
        self.section_list.setMaximumWidth(min(340, width + 70))
        self.section_list.setMinimumWidth(min(260, width + 60))
