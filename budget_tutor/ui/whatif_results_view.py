"""WhatIfResultsView: the chart, the comparison table and the sentences, together or in tabs.

When there is room (1366×768, or 1024×768 with a few scenarios) the chart, the table under it and
the sentences are seen together. When the table's rows and a readable chart do not fit one above
the other (six scenarios on a 1024×768 projector in presentation mode's larger font), the view
shows them as tabs — "Chart", "Comparison" and "In words" — each at the full height, so the plot
keeps a readable height and every row of the table is still seen without scrolling.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.ui.chart_canvas import override

#: The least height the chart panel (the plot and its top bar) needs to be read in a room.
CHART_READABLE = 300


class WhatIfResultsView(QWidget):
    def __init__(self, chart: QWidget, table: QWidget) -> None:
        super().__init__()
        self.chart, self.table = chart, table
        #: The differences in plain sentences (from the same rows as the table).
        self.words_label = QLabel()
        self.words_label.setWordWrap(True)
        self.words_label.setTextFormat(Qt.TextFormat.PlainText)
        self.words_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.words = QScrollArea()
        self.words.setWidgetResizable(True)
        self.words.setWidget(self.words_label)
        self.words.setMinimumHeight(56)
        self.together = QWidget()
        self._together_layout = QVBoxLayout(self.together)
        self._together_layout.setContentsMargins(0, 0, 0, 0)
        self.comparison_tab = QWidget()
        self._comparison_layout = QVBoxLayout(self.comparison_tab)
        self.tabs = QTabWidget()
        self.chart_tab = QWidget()
        self._chart_layout = QVBoxLayout(self.chart_tab)
        self.words_tab = QWidget()
        self._words_layout = QVBoxLayout(self.words_tab)
        self.tabs.addTab(self.chart_tab, "")
        self.tabs.addTab(self.comparison_tab, "")
        self.tabs.addTab(self.words_tab, "")
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.together)
        self.stack.addWidget(self.tabs)
        self.tabbed = True  # so that the first arrange() puts everything together
        self._arrange(False)
        self.retranslate_ui()

    def arrange(self) -> None:
        """Together when chart, table and sentences fit one above the other; else tabs."""
        if self.height() <= 0:
            return
        spacing = 3 * max(self._together_layout.spacing(), 6)
        need = CHART_READABLE + self.table.height() + self.words.minimumHeight() + spacing
        self._arrange(self.height() < need)
        # Lay the inner layouts out now (the table's height may have changed), so the chart
        # gets its new size before it draws, not after.
        for layout in (self._together_layout, self._comparison_layout, self.stack):
            layout.activate()

    def _arrange(self, tabbed: bool) -> None:
        if tabbed == self.tabbed:
            return
        self.tabbed = tabbed
        if tabbed:
            self._chart_layout.addWidget(self.chart)
            self._comparison_layout.addWidget(self.table)
            self._comparison_layout.addStretch(1)
            self._words_layout.addWidget(self.words)
            self.stack.setCurrentWidget(self.tabs)
        else:
            self._together_layout.addWidget(self.chart, 5)
            self._together_layout.addWidget(self.table)
            self._together_layout.addWidget(self.words, 2)
            self.stack.setCurrentWidget(self.together)

    @override
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.arrange()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, _("Chart"))
        self.tabs.setTabText(1, _("Comparison"))
        self.tabs.setTabText(2, _("In words"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
