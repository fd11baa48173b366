"""WhatIfChartPanel: the comparison chart, how far it looks ahead, and saving it as a picture.

The chart has no legend of its own on the page (the comparison table under it shows each line's
colour and dash), so with six scenarios the plot keeps its whole height; a saved picture has the
legend, since it travels without the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from budget_tutor.i18n import _, safe_format
from budget_tutor.ui.chart_canvas import ChartCanvas, override
from budget_tutor.ui.horizon_combo import HorizonCombo

if TYPE_CHECKING:
    from budget_tutor.ui.session import AppSession


def _savings_chart(ax: Any, locale: str, scale: float) -> Any:
    from budget_tutor.charts import SavingsChart

    return SavingsChart(ax, locale, scale, legend=False)


class WhatIfChartPanel(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.horizon_label = QLabel()
        self.horizon_combo = HorizonCombo(session)
        self.horizon_label.setBuddy(self.horizon_combo)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_png)
        self.canvas = ChartCanvas(_savings_chart, font_scale=session.font_scale)
        self.canvas.setMinimumHeight(190)
        top = QHBoxLayout()
        top.addWidget(self.horizon_label)
        top.addWidget(self.horizon_combo)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        session.presentation_changed.connect(
            lambda _on: self.canvas.set_font_scale(self.session.font_scale)
        )
        self.retranslate_ui()

    @property
    def months(self) -> int:
        return self.horizon_combo.months

    def export_png(self) -> None:
        """Save the comparison chart, with its legend, as a PNG picture (a dialog asks where)."""
        from budget_tutor.ui import messages

        if self.session.plan is None:
            return
        path = messages.choose_file_to_save(
            self,
            _("Save the chart as a picture"),
            [_("PNG picture (*.png)")],
            "what-if.png",
            "png",
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        chart = self.canvas.ensure_built()
        chart.set_legend(True)
        try:
            self.canvas.save_png(path)
        except OSError as exc:
            self.session.show_error(
                safe_format(
                    _("The picture could not be saved: {reason}"),
                    "The picture could not be saved: {reason}",
                    reason=exc.strerror or str(exc),
                )
            )
        finally:
            chart.set_legend(False)
            self.canvas.redraw()

    def retranslate_ui(self) -> None:
        self.horizon_label.setText(_("Look ahead"))
        self.export_button.setText(_("Save chart as picture…"))
        self.export_button.setToolTip(_("Save the chart you see as a PNG picture"))
        self.export_button.setAccessibleName(_("Save chart as picture"))
        self.canvas.setAccessibleName(_("Chart: money kept in each scenario"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
