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

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.ui.chart_canvas import override
from budget_tutor.whatif_summary import ScenarioRow, row_cells

COLUMNS = 4
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


def _wrap(text: str, width: int, metrics: Any) -> str:
    """``text`` broken into lines of at most ``width`` pixels, at spaces."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


class WhatIfComparisonTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
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
        self._headers: list[str] = []
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
        """Share the width between the columns, wrap, and be as tall as the rows.

        Each column first gets its longest word (an amount with its non-breaking spaces is
        one word); the rest of the width goes where the text is longest, so the rows need as
        few lines as they can. Headers wrap too (by hand: a header does not wrap by itself)."""
        width = self.viewport().width()
        if width <= 0 or not self._headers:
            return
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        head_metrics = header.fontMetrics()
        head_pad = (
            2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
        )
        need, want = [], []
        for column in range(self.columnCount()):
            texts = [self.item(r, column).text() for r in range(self.rowCount())]
            lines = [line for text in texts for line in text.split("\n")]
            words = [word for line in lines for word in line.split(" ")]
            extra = self.iconSize().width() + 10 if column == 0 else 0
            pad = 14 + extra
            head = max(
                max(head_metrics.horizontalAdvance(w), metrics.horizontalAdvance(w))
                for w in self._headers[column].split(" ")
            )
            cells = max((metrics.horizontalAdvance(w) for w in words), default=20) + pad
            need.append(max(cells, head + head_pad))
            lines_width = max((metrics.horizontalAdvance(line) for line in lines), default=20)
            want.append(max(lines_width + pad, need[-1]))
        room = width - sum(need)
        if room < 0:  # narrower than the longest words: every column gives up the same share
            widths = [int(n * width / sum(need)) for n in need]
        elif sum(want) <= width:
            widths = [int(w + (width - sum(want)) * w / sum(want)) for w in want]
        else:
            gain = [w - n for w, n in zip(want, need, strict=True)]
            widths = [
                int(n + room * g / max(sum(gain), 1)) for n, g in zip(need, gain, strict=True)
            ]
        widths[-1] += width - sum(widths)
        for column, w in enumerate(widths):
            header.resizeSection(column, max(w, 10))
            item = self.horizontalHeaderItem(column)
            title = self._headers[column]
            wider = max(metrics, head_metrics, key=lambda m: m.horizontalAdvance(title))
            item.setText(_wrap(title, w - head_pad, wider))
        self.resizeRowsToContents()
        height = header.sizeHint().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

    @override
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    @override
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.fit()  # the fonts may have changed while it was hidden (presentation mode)

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.FontChange:
            self.fit()
            QTimer.singleShot(0, self.fit)  # again once the header has its new font too

    def retranslate_ui(self) -> None:
        headers = (
            _("Scenario"),
            _("Money at the end"),
            _("Difference"),
            _("Money runs out"),
        )
        self._headers = list(headers)
        self.setHorizontalHeaderLabels(self._headers)
        self.setAccessibleName(_("Differences between the scenarios"))
        self.fit()
