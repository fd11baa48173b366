"""WhatIfPage: try ready-made scenarios or compose one with sliders, and compare them.

Left (:class:`WhatIfLeftColumn`): presets with their assumptions, sliders, kept scenarios.
Right (:class:`WhatIfResultsView`): the chart, one row per scenario (the table is the chart's
legend) and the sentences, all from the same rows (:func:`~budget_tutor.whatif_summary.comparison_rows`);
each scenario keeps its line's colour and dash whatever else is switched on or off.

While a slider is dragged only the scenario lines are blitted (no full draw); releasing it draws
the chart once with new axes.
"""

from __future__ import annotations

import datetime as _dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from budget_tutor import presets
from budget_tutor.i18n import _, babel_locale
from budget_tutor.model import Month
from budget_tutor.scenarios import Scenario
from budget_tutor.ui.chart_canvas import override
from budget_tutor.ui.whatif_chart_panel import WhatIfChartPanel
from budget_tutor.ui.whatif_comparison_table import WhatIfComparisonTable
from budget_tutor.ui.whatif_kept_panel import WhatIfKeptPanel
from budget_tutor.ui.whatif_left_column import WhatIfLeftColumn
from budget_tutor.ui.whatif_presets_panel import WhatIfPresetsPanel
from budget_tutor.ui.whatif_results_view import WhatIfResultsView
from budget_tutor.ui.whatif_sliders_panel import CANNOT_COMPARE, WhatIfSlidersPanel
from budget_tutor.whatif_summary import ScenarioRow, comparison_rows, row_sentences

if TYPE_CHECKING:
    from budget_tutor.model import Plan
    from budget_tutor.projection import Comparison
    from budget_tutor.ui.session import AppSession

log = logging.getLogger(__name__)

COMPOSED_ID = "composed"


class WhatIfPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        from budget_tutor.charts import ScenarioStyles

        super().__init__(parent)
        self.session = session
        today = _dt.date.today()
        self.today = Month(today.year, today.month)
        self.comparison: Comparison | None = None
        self.rows: tuple[ScenarioRow, ...] = ()
        self.styles = ScenarioStyles()  # keyed by scenario id: toggling never swaps colours
        self._dragging = False
        self._show_composed_line = False
        self._stale = True

        self.presets = WhatIfPresetsPanel()
        self.preset_buttons = self.presets.buttons  # tools/screenshots.py, the start-up probe
        self.sliders = WhatIfSlidersPanel()
        self.kept = WhatIfKeptPanel(session)
        self.left_scroll = WhatIfLeftColumn(self.presets, self.sliders, self.kept)

        self.chart = WhatIfChartPanel(session)
        self.canvas = self.chart.canvas
        self.table = WhatIfComparisonTable()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.results = WhatIfResultsView(self.chart, self.table)
        self.words_label = self.results.words_label
        right = QVBoxLayout()
        right.addWidget(self.empty_label)
        right.addWidget(self.results, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.left_scroll)
        layout.addLayout(right, 1)

        self.presets.selection_changed.connect(self.refresh)
        self.kept.ticks_changed.connect(self.refresh)
        self.sliders.moved.connect(lambda: self.refresh(blit=self._dragging))
        self.sliders.drag_started.connect(self._drag_started)
        self.sliders.drag_finished.connect(self._drag_finished)
        self.sliders.keep_requested.connect(self.save_composed)
        self.chart.horizon_combo.horizon_changed.connect(lambda _m: self.refresh())
        session.plan_changed.connect(self._plan_changed)
        session.presentation_changed.connect(lambda _on: self.left_scroll.fit(self.width()))
        self.retranslate_ui()
        self.kept.fill()
        self.refresh()

    @override
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @override
    def resizeEvent(self, event: Any) -> None:
        self.left_scroll.fit(self.width())
        super().resizeEvent(event)

    # -- what is compared -----------------------------------------------------------------------

    def scenarios(self, plan: Plan) -> list[Scenario]:
        """The scenarios to compare: the chosen presets, the ticked kept ones, the sliders'."""
        self.sliders.start = presets.next_month(plan, self.today)
        out = [
            scenario
            for preset_id in self.presets.selected
            for scenario in presets.preset_scenarios(
                preset_id, plan, self.today, self.presets.values(preset_id)
            )
        ]
        out += self.kept.ticked()
        changes = self.sliders.changes(plan)
        if changes or self._show_composed_line:
            out.append(Scenario(COMPOSED_ID, self.sliders.scenario_name(), changes))
        return out

    def refresh(self, blit: bool = False) -> None:
        """Compare again and show it: the chart (blitted during a drag), the table, the words.
        A hidden page only remembers to do it when it is shown (an edit on My plan or a
        language switch costs nothing here)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        plan = self.session.plan
        self.empty_label.setVisible(plan is None)
        self.results.setVisible(plan is not None)
        if plan is None:
            self.comparison, self.rows = None, ()
            return
        from budget_tutor.projection import compare

        try:
            chosen = self.scenarios(plan)
            comparison = compare(plan, chosen, self.chart.months)
        except (ValueError, KeyError, ArithmeticError) as exc:
            log.warning("the scenarios could not be compared: %s", exc)
            self.sliders.show_message(CANNOT_COMPARE)
            return
        self.comparison = comparison
        names = [_("Your plan now"), *[presets.scenario_display_name(s) for s in chosen]]
        styles = self.styles.styles([None, *[s.id for s in chosen]])
        if blit:
            # A drag step: only the chart follows; the table and the words when it ends.
            self.canvas.blit_data(comparison.all, names, styles=styles)
            return
        self.canvas.set_data(comparison.all, names, styles=styles)
        locale = babel_locale()
        self.rows = comparison_rows(comparison, names)
        self.table.show_rows(self.rows, styles, locale)
        paragraphs = [
            f"{row.name}\n" + "\n".join(row_sentences(row, locale)) for row in self.rows[1:]
        ]
        self.words_label.setText(
            "\n\n".join(paragraphs)
            or _("Choose a scenario on the left, or move a slider, to see what would change.")
        )
        # The table's height follows its rows: arrange and lay the page out now, so the chart is
        # resized before its one draw (not drawn, then resized and drawn again).
        self.results.arrange()
        self.layout().activate()

    def _plan_changed(self, _plan: object) -> None:
        self.kept.fill()
        self.refresh()

    # -- sliders --------------------------------------------------------------------------------

    @property
    def composed_line_shown(self) -> bool:
        """Whether the line of the sliders' own scenario is on the chart. Pressing a slider
        draws the chart once only when it is not (so the drag itself can blit)."""
        return self._show_composed_line

    def _drag_started(self) -> None:
        self._dragging = True
        if not self._show_composed_line and self.session.plan is not None:
            # The line of the family's own change exists before the drag moves it, so every
            # step of the drag is a blit.
            self._show_composed_line = True
            self.refresh()

    def _drag_finished(self) -> None:
        self._dragging = False
        plan = self.session.plan
        self._show_composed_line = bool(plan is not None and self.sliders.changes(plan))
        self.refresh()

    def save_composed(self) -> bool:
        """Keep the slider scenario in the plan (saved at once, undoable)."""
        plan = self.session.plan
        if plan is None:
            return False
        self.sliders.start = presets.next_month(plan, self.today)
        scenario = self.sliders.scenario_to_keep(plan)
        if scenario is None or not self.kept.keep(scenario):
            return False
        self.sliders.name_edit.clear()
        self._show_composed_line = False
        self.sliders.reset()
        return True

    def retranslate_ui(self) -> None:
        self.empty_label.setText(_("Open a household to try what-if scenarios."))
        self.left_scroll.fit(self.width())

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.kept.fill()
            self.refresh()
        super().changeEvent(event)
