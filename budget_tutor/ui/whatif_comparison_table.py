"""WhatIfComparisonTable: one row per scenario, every row visible, the row's line as its legend.

The table is exactly as tall as its rows (no scroll bar: with six scenarios every row is still
seen at 1024×768 and in presentation mode); its columns share the width it has, and long words
wrap instead of being cut. The first cell of each row shows the colour and dash of that scenario's
line on the chart, so the table is the chart's legend and the plot keeps its whole height.
The cells come from :func:`budget_tutor.whatif_summary.row_cells`, the same numbers as the
sentences under the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.ui.chart_canvas import override
from budget_tutor.whatif_summary import ScenarioRow, row_cells

#: Share of the width each column gets beyond what its longest word needs.
COLUMN_WEIGHTS = (3.0, 2.0, 2.5, 2.0, 2.0)
#: matplotlib's named dash patterns, in units of the line width, as Qt wants them.
_NAMED_DASHES = {"--": (3.7, 1.6), "-.": (6.4, 1.6, 1.0, 1.6), ":": (1.0, 1.65)}


def line_icon(colour: str, dash: Any, width: float, size: QSize) -> QIcon:
    """A short piece of a chart line: ``colour``, ``dash`` (a matplotlib linestyle), ``width``."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour))
    pen.setWidthF(width)
    pattern = _NAMED_DASHES.get(dash) if isinstance(dash, str) else dash[1]
    if pattern:
        pen.setDashPattern([float(v) for v in pattern])
    painter.setPen(pen)
    y = size.height() / 2
    painter.drawLine(2, int(y), size.width() - 2, int(y))
    painter.end()
    return QIcon(pixmap)


class WhatIfComparisonTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMN_WEIGHTS), parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.rows: tuple[ScenarioRow, ...] = ()
        self.retranslate_ui()

    def show_rows(self, rows: Sequence[ScenarioRow], styles: Sequence[Any], locale: str) -> None:
        """One row per scenario (the plan as it is first), with its line's style."""
        self.rows = tuple(rows)
        self.setRowCount(len(rows))
        icon_size = QSize(34, 14)
        self.setIconSize(icon_size)
        for r, (row, style) in enumerate(zip(rows, styles, strict=True)):
            for column, text in enumerate(row_cells(row, locale)):
                item = self.item(r, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(r, column, item)
                item.setText(text)
                item.setToolTip(text)
                if column == 0:
                    item.setIcon(line_icon(style.colour, style.dash, style.width, icon_size))
                if column == 3:
                    short = row.first_short_month is not None
                    item.setData(
                        Qt.ItemDataRole.ForegroundRole, QColor("#A00000") if short else None
                    )
        self.fit()

    def fit(self) -> None:
        """Share the width between the columns, wrap, and be as tall as the rows."""
        width = self.viewport().width()
        if width <= 0:
            return
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        need = []
        for column in range(self.columnCount()):
            words = self.horizontalHeaderItem(column).text().split()
            for r in range(self.rowCount()):
                words += self.item(r, column).text().split()
            longest = max((metrics.horizontalAdvance(w) for w in words), default=20)
            extra = self.iconSize().width() + 8 if column == 0 else 0
            need.append(longest + extra + 14)
        spare = width - sum(need)
        total = sum(COLUMN_WEIGHTS)
        if spare >= 0:
            widths = [int(n + spare * w / total) for n, w in zip(need, COLUMN_WEIGHTS, strict=True)]
        else:  # narrower than the longest words: every column gives up the same share
            widths = [int(n * width / sum(need)) for n in need]
        widths[-1] += width - sum(widths)
        for column, w in enumerate(widths):
            header.resizeSection(column, max(w, 10))
        self.resizeRowsToContents()
        height = header.height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

    @override
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.FontChange:
            self.fit()

    def retranslate_ui(self) -> None:
        headers = (
            _("Scenario"),
            _("Money at the end"),
            _("Difference"),
            _("Money runs out"),
            _("Goals reached"),
        )
        self.setHorizontalHeaderLabels(list(headers))
        self.setAccessibleName(_("Differences between the scenarios"))
        self.fit()
