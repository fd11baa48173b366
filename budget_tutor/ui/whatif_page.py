"""WhatIfPage: try ready-made scenarios or compose one with sliders, and compare them.

Left: preset buttons (each adds its scenario(s) to the comparison, click again to take it away),
sliders for the family's own change, a name and a button to keep it in the plan, and the kept
scenarios (tick to compare). Right: one chart with a line per scenario, a table of differences
and the differences in plain sentences.

While a slider is dragged only the scenario lines are blitted (no full draw); releasing it draws
the chart once with new axes.
"""

from __future__ import annotations

import datetime as _dt
import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import presets
from budget_tutor.i18n import N_, _, babel_locale, ngettext, pgettext, safe_format
from budget_tutor.model import Month, month_label, new_id
from budget_tutor.money import MINOR_PER_MAJOR, format_money
from budget_tutor.scenarios import (
    ExchangeRateShock,
    MigrantReturns,
    OneOffExpense,
    RemittanceChange,
    SavingHabit,
    Scenario,
)
from budget_tutor.ui.chart_canvas import ChartCanvas, override

if TYPE_CHECKING:
    from budget_tutor.model import Plan
    from budget_tutor.projection import Comparison
    from budget_tutor.ui.session import AppSession

log = logging.getLogger(__name__)

HORIZONS = (12, 24, 36, 60)
DEFAULT_HORIZON = 24
COMPOSED_ID = "composed"
#: One step of the one-off cost slider, in somoni.
ONE_OFF_STEP = 1000


def _savings_chart(ax: Any, locale: str, scale: float) -> Any:
    from budget_tutor.charts import SavingsChart

    return SavingsChart(ax, locale, scale)


def _signed_percent(value: int) -> str:
    return f"+{value}%" if value > 0 else f"\u2212{-value}%" if value < 0 else "0%"


class WhatIfPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        today = _dt.date.today()
        self.today = Month(today.year, today.month)
        self.months = DEFAULT_HORIZON
        self.selected_presets: list[str] = []
        self.comparison: Comparison | None = None
        self._dragging = False
        self._show_composed_line = False
        self._message_key: tuple[str, dict[str, str]] | None = None
        self._pending_check: str | None = None

        # -- presets ----------------------------------------------------------------------------
        self.presets_box = QGroupBox()
        grid = QGridLayout(self.presets_box)
        self.preset_buttons: dict[str, QPushButton] = {}
        for i, preset in enumerate(presets.PRESETS):
            button = QPushButton()
            button.setCheckable(True)
            button.setMinimumHeight(36)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.toggled.connect(lambda on, pid=preset.id: self._preset_toggled(pid, on))
            grid.addWidget(button, i, 0)
            self.preset_buttons[preset.id] = button

        # -- own changes ------------------------------------------------------------------------
        self.own_box = QGroupBox()
        form = QVBoxLayout(self.own_box)
        self.remittance_slider = self._slider(-100, 50, 5)
        self.rouble_slider = self._slider(-50, 50, 5)
        self.home_slider = self._slider(0, 12, 1)
        self.one_off_slider = self._slider(0, 100, 1)
        self.one_off_month_slider = self._slider(1, 12, 1)
        self.saving_slider = self._slider(0, 30, 1)
        self.sliders = (
            self.remittance_slider,
            self.rouble_slider,
            self.home_slider,
            self.one_off_slider,
            self.one_off_month_slider,
            self.saving_slider,
        )
        self.slider_captions = [QLabel() for _s in self.sliders]
        self.slider_values = [QLabel() for _s in self.sliders]
        for caption, slider, value in zip(
            self.slider_captions, self.sliders, self.slider_values, strict=True
        ):
            caption.setWordWrap(True)
            caption.setBuddy(slider)
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            value.setMinimumWidth(110)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(value)
            form.addWidget(caption)
            form.addLayout(row)
        self.name_label = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(80)
        self.name_label.setBuddy(self.name_edit)
        form.addWidget(self.name_label)
        form.addWidget(self.name_edit)
        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_composed)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_sliders)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        form.addLayout(buttons)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("color: #A00000; font-weight: bold;")
        self.message_label.hide()
        form.addWidget(self.message_label)

        # -- kept scenarios ---------------------------------------------------------------------
        self.saved_box = QGroupBox()
        saved_layout = QVBoxLayout(self.saved_box)
        self.saved_list = QListWidget()
        self.saved_list.setMinimumHeight(80)
        self.saved_list.itemChanged.connect(lambda _item: self.refresh())
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_saved)
        saved_layout.addWidget(self.saved_list)
        saved_layout.addWidget(self.remove_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.presets_box)
        left_layout.addWidget(self.own_box)
        left_layout.addWidget(self.saved_box)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        self._left = left
        self._left_scroll = scroll

        # -- comparison -------------------------------------------------------------------------
        self.horizon_label = QLabel()
        self.horizon_combo = QComboBox()
        for months in HORIZONS:
            self.horizon_combo.addItem("", months)
        self.horizon_combo.setCurrentIndex(HORIZONS.index(DEFAULT_HORIZON))
        self.horizon_combo.currentIndexChanged.connect(self._horizon_changed)
        self.horizon_label.setBuddy(self.horizon_combo)
        top = QHBoxLayout()
        top.addWidget(self.horizon_label)
        top.addWidget(self.horizon_combo)
        top.addStretch(1)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_png)
        top.addWidget(self.export_button)
        self.canvas = ChartCanvas(_savings_chart, font_scale=session.font_scale)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.words_label = QLabel()
        self.words_label.setWordWrap(True)
        self.words_label.setTextFormat(Qt.TextFormat.PlainText)
        self.words_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words_scroll = QScrollArea()
        words_scroll.setWidgetResizable(True)
        words_scroll.setWidget(self.words_label)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)

        self.canvas.setMinimumHeight(260)
        self.table.setMinimumHeight(90)
        words_scroll.setMinimumHeight(80)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(self.canvas)
        right_split.addWidget(self.table)
        right_split.addWidget(words_scroll)
        right_split.setStretchFactor(0, 5)
        right_split.setStretchFactor(1, 2)
        right_split.setStretchFactor(2, 2)
        right_split.setChildrenCollapsible(False)
        right_split.setSizes([520, 150, 130])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(top)
        right_layout.addWidget(self.empty_label)
        right_layout.addWidget(right_split, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for slider in self.sliders:
            slider.valueChanged.connect(self._slider_moved)
            slider.sliderPressed.connect(self._drag_started)
            slider.sliderReleased.connect(self._drag_finished)
        session.plan_changed.connect(self._plan_changed)
        session.presentation_changed.connect(
            lambda _on: self.canvas.set_font_scale(self.session.font_scale)
        )
        self.retranslate_ui()
        self._fill_saved_list()
        self.refresh()

    def _fit_left_column(self) -> None:
        """Make the left column as wide as its texts need (they change with the language), up
        to 40% of the page, so presets and slider values are not cut off."""
        bar = self._left_scroll.verticalScrollBar().sizeHint().width()
        want = self._left.sizeHint().width() + bar + 6
        self._left_scroll.setMinimumWidth(min(want, max(300, int(self.width() * 0.4))))

    @override
    def resizeEvent(self, event: Any) -> None:
        self._fit_left_column()
        super().resizeEvent(event)

    @staticmethod
    def _slider(low: int, high: int, step: int) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(low, high)
        slider.setSingleStep(step)
        slider.setPageStep(step * 2)
        slider.setValue(0 if low <= 0 <= high else low)
        slider.setTracking(True)
        slider.setMinimumHeight(28)
        return slider

    # -- what is compared -----------------------------------------------------------------------

    def start_month(self, plan: Plan) -> Month:
        return presets.next_month(plan, self.today)

    def composed_changes(self, plan: Plan) -> tuple[Any, ...]:
        """The changes the sliders describe (empty when every slider is at rest)."""
        start = self.start_month(plan)
        changes: list[Any] = []
        if self.remittance_slider.value():
            changes.append(RemittanceChange(Decimal(self.remittance_slider.value()), start))
        if self.rouble_slider.value():
            changes.append(ExchangeRateShock(Decimal(self.rouble_slider.value()), start))
        if self.home_slider.value():
            changes.append(MigrantReturns(start.plus(self.home_slider.value() - 1)))
        if self.one_off_slider.value():
            changes.append(
                OneOffExpense(
                    self.one_off_name(),
                    self.one_off_slider.value() * ONE_OFF_STEP * MINOR_PER_MAJOR,
                    start.plus(self.one_off_month_slider.value() - 1),
                )
            )
        if self.saving_slider.value():
            place_id = next((p.id for p in plan.savings), "")
            changes.append(
                SavingHabit(
                    percent_of_remittance=Decimal(self.saving_slider.value()),
                    place_id=place_id,
                    from_month=start,
                )
            )
        return tuple(changes)

    def one_off_name(self) -> str:
        return self.name_edit.text().strip() or _("A large expense")

    def composed_name(self) -> str:
        return self.name_edit.text().strip() or _("Your changes")

    def scenarios(self, plan: Plan) -> list[tuple[Scenario, str]]:
        """The scenarios to compare, with the name to show for each."""
        out: list[tuple[Scenario, str]] = []
        for preset_id in self.selected_presets:
            for scenario in presets.preset_scenarios(preset_id, plan, self.today):
                out.append((scenario, presets.scenario_display_name(scenario)))
        kept = {s.id: s for s in plan.scenarios if isinstance(s, Scenario)}
        for i in range(self.saved_list.count()):
            item = self.saved_list.item(i)
            scenario = kept.get(item.data(Qt.ItemDataRole.UserRole))
            if scenario is not None and item.checkState() == Qt.CheckState.Checked:
                out.append((scenario, presets.scenario_display_name(scenario)))
        changes = self.composed_changes(plan)
        if changes or self._show_composed_line:
            out.append((Scenario(COMPOSED_ID, self.composed_name(), changes), self.composed_name()))
        return out

    # -- updating -------------------------------------------------------------------------------

    def refresh(self, blit: bool = False) -> None:
        """Compare again and show it: the chart (blitted during a drag), the table, the words."""
        plan = self.session.plan
        has_plan = plan is not None
        self.empty_label.setVisible(not has_plan)
        self.canvas.setVisible(has_plan)
        self.table.setEnabled(has_plan)
        self.export_button.setEnabled(has_plan)
        if plan is None:
            self.comparison = None
            self.table.setRowCount(0)
            self.words_label.setText("")
            return
        from budget_tutor.projection import compare

        try:
            chosen = self.scenarios(plan)
            comparison = compare(plan, [s for s, _n in chosen], self.months)
        except (ValueError, KeyError, ArithmeticError) as exc:
            log.warning("the scenarios could not be compared: %s", exc)
            self._show_message(
                N_("The scenarios cannot be compared for this plan. Check its amounts and months.")
            )
            return
        self.comparison = comparison
        names: list[str | None] = [None, *[n for _s, n in chosen]]
        if blit:
            # A drag step: only the chart follows (repainting the table and the sentences on
            # every step would cost more than the blit); they follow when the drag ends.
            self.canvas.blit_data(comparison.all, names)
            return
        self.canvas.set_data(comparison.all, names)
        self._fill_table(comparison, names)
        self._fill_words(comparison, names)

    def _fill_table(self, comparison: Comparison, names: list[str | None]) -> None:
        locale = babel_locale()
        base_end = presets.money_at_end(comparison.baseline)
        self.table.setRowCount(len(comparison.all))
        for row, proj in enumerate(comparison.all):
            s = proj.summary
            end = presets.money_at_end(proj)
            delta = end - base_end
            if row == 0:
                delta_text = "\u2014"
            else:
                sign = "+" if delta > 0 else "\u2212" if delta < 0 else ""
                delta_text = sign + format_money(abs(delta), locale, decimals=False)
            cells = (
                names[row] or _("Your plan now"),
                format_money(end, locale, decimals=False),
                delta_text,
                safe_format(
                    _("{month}: {amount}"),
                    "{month}: {amount}",
                    month=month_label(s.lowest_month, locale, short=True),
                    amount=format_money(s.lowest_balance, locale, decimals=False),
                ),
                month_label(s.first_short_month, locale)
                if s.first_short_month is not None
                else pgettext("money runs out", "No"),
                presets.goal_month_text(proj, locale) or "\u2014",
            )
            for column, text in enumerate(cells):
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                item.setText(text)
                if column == 4 and s.first_short_month is not None:
                    item.setForeground(Qt.GlobalColor.darkRed)
                elif column == 4:
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
        self.table.resizeRowsToContents()

    def _fill_words(self, comparison: Comparison, names: list[str | None]) -> None:
        locale = babel_locale()
        if not comparison.scenarios:
            self.words_label.setText(
                _("Choose a scenario on the left, or move a slider, to see what would change.")
            )
            return
        paragraphs = []
        for i, (diff, proj) in enumerate(
            zip(comparison.differences, comparison.scenarios, strict=True)
        ):
            sentences = presets.describe_difference(diff, comparison.baseline, proj, locale)
            paragraphs.append(f"{names[i + 1]}\n" + "\n".join(sentences))
        self.words_label.setText("\n\n".join(paragraphs))

    def _plan_changed(self, _plan: object) -> None:
        self._fill_saved_list()
        self.refresh()

    def _preset_toggled(self, preset_id: str, on: bool) -> None:
        if on and preset_id not in self.selected_presets:
            self.selected_presets.append(preset_id)
        elif not on and preset_id in self.selected_presets:
            self.selected_presets.remove(preset_id)
        self.refresh()

    def _horizon_changed(self, index: int) -> None:
        self.months = int(self.horizon_combo.itemData(index))
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
            # Make the line of the family's own change exist before the drag moves it, so every
            # step of the drag is a blit.
            self._show_composed_line = True
            self.refresh()
        # Otherwise the line is there already: no draw at all until the drag moves it.

    def _drag_finished(self) -> None:
        self._dragging = False
        self._show_composed_line = bool(
            self.session.plan is not None and self.composed_changes(self.session.plan)
        )
        self.refresh()

    def _slider_moved(self, _value: int) -> None:
        self._update_slider_values()
        self._hide_message()
        self.refresh(blit=self._dragging)

    def _update_slider_values(self) -> None:
        plan = self.session.plan
        start = self.start_month(plan) if plan is not None else self.today.plus(1)
        locale = babel_locale()
        home = self.home_slider.value()

        def month_after(months: int) -> str:
            try:
                return month_label(start.plus(months), locale)
            except ValueError:  # a plan that starts at the very end of the calendar
                return "\u2014"

        texts = (
            _signed_percent(self.remittance_slider.value()),
            _signed_percent(self.rouble_slider.value()),
            month_after(home - 1) if home else _("Stays abroad"),
            format_money(
                self.one_off_slider.value() * ONE_OFF_STEP * MINOR_PER_MAJOR, locale, decimals=False
            ),
            month_after(self.one_off_month_slider.value() - 1),
            _signed_percent(self.saving_slider.value()).lstrip("+"),
        )
        for label, text in zip(self.slider_values, texts, strict=True):
            label.setText(text)

    def reset_sliders(self) -> None:
        for slider in self.sliders:
            slider.blockSignals(True)
            slider.setValue(1 if slider is self.one_off_month_slider else 0)
            slider.blockSignals(False)
        self._show_composed_line = False
        self._update_slider_values()
        self.refresh()

    # -- keeping scenarios in the plan ----------------------------------------------------------

    def save_composed(self) -> bool:
        """Keep the slider scenario in the plan (saved at once, undoable)."""
        plan = self.session.plan
        if plan is None:
            return False
        try:
            changes = self.composed_changes(plan)
        except ValueError:  # months past the end of the calendar
            self._show_message(
                N_("The scenarios cannot be compared for this plan. Check its amounts and months.")
            )
            return False
        if not changes:
            self._show_message(N_("Move a slider first: there is no change to keep yet."))
            return False
        name = self.name_edit.text().strip()
        if not name:
            self._show_message(N_("Give this scenario a name first."))
            self.name_edit.setFocus()
            return False
        scenario = Scenario(new_id("scenario-"), name, changes)
        new_plan = plan.replace(scenarios=(*plan.scenarios, scenario))
        description = safe_format(
            _("Keep the scenario “{name}”"), "Keep the scenario “{name}”", name=name
        )
        self._pending_check = scenario.id
        if not self.session.apply_edit(new_plan, description):
            self._pending_check = None
            return False
        self.name_edit.clear()
        self.reset_sliders()
        return True

    def export_png(self) -> None:
        """Save the comparison chart as a PNG picture (a file dialog asks where)."""
        from budget_tutor.ui.chart_canvas import export_chart_png

        if self.session.plan is None:
            return
        export_chart_png(self.canvas, self.session, self, "what-if.png")

    def remove_saved(self) -> None:
        plan = self.session.plan
        item = self.saved_list.currentItem()
        if plan is None or item is None:
            return
        scenario_id = item.data(Qt.ItemDataRole.UserRole)
        kept = tuple(s for s in plan.scenarios if getattr(s, "id", None) != scenario_id)
        self.session.apply_edit(plan.replace(scenarios=kept), _("Remove a kept scenario"))

    def _fill_saved_list(self) -> None:
        plan = self.session.plan
        checked = {
            self.saved_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.saved_list.count())
            if self.saved_list.item(i).checkState() == Qt.CheckState.Checked
        }
        if self._pending_check:
            checked.add(self._pending_check)
            self._pending_check = None
        self.saved_list.blockSignals(True)
        self.saved_list.clear()
        for scenario in plan.scenarios if plan is not None else ():
            if not isinstance(scenario, Scenario):
                continue
            item = QListWidgetItem(presets.scenario_display_name(scenario))
            item.setData(Qt.ItemDataRole.UserRole, scenario.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if scenario.id in checked else Qt.CheckState.Unchecked
            )
            self.saved_list.addItem(item)
        self.saved_list.blockSignals(False)
        self.remove_button.setEnabled(self.saved_list.count() > 0)

    # -- messages and words ---------------------------------------------------------------------

    def _show_message(self, msgid: str) -> None:
        self._message_key = (msgid, {})
        self.message_label.setText(_(msgid))
        self.message_label.show()

    def _hide_message(self) -> None:
        self._message_key = None
        self.message_label.hide()

    def retranslate_ui(self) -> None:
        for preset_id, button in self.preset_buttons.items():
            title = presets.preset_title(preset_id)
            button.setText(title)
            button.setAccessibleName(title)
            button.setToolTip(_("Add this scenario to the comparison; click again to remove it"))
        self.presets_box.setTitle(_("Ready-made scenarios"))
        self.own_box.setTitle(_("Your own change"))
        self.saved_box.setTitle(_("Kept scenarios (tick to compare)"))
        captions = (
            _("Money from abroad changes by"),
            _("The rouble rises or falls by"),
            _("The migrant comes home in"),
            _("A large one-off expense"),
            _("Month of the large expense"),
            _("Save this share of each remittance"),
        )
        for label, slider, text in zip(self.slider_captions, self.sliders, captions, strict=True):
            label.setText(text)
            slider.setAccessibleName(text)
        self.name_label.setText(_("Name of this scenario"))
        self.name_edit.setPlaceholderText(_("For example: Son works in Kazan"))
        self.name_edit.setAccessibleName(_("Name of this scenario"))
        self.save_button.setText(_("Keep in the plan"))
        self.save_button.setAccessibleName(_("Keep this scenario in the plan"))
        self.reset_button.setText(_("Start again"))
        self.reset_button.setAccessibleName(_("Put every slider back"))
        self.remove_button.setText(_("Remove the selected scenario"))
        self.saved_list.setAccessibleName(_("Kept scenarios"))
        self.horizon_label.setText(_("Look ahead"))
        for i, months in enumerate(HORIZONS):
            self.horizon_combo.setItemText(
                i,
                safe_format(
                    ngettext("{count} month", "{count} months", months),
                    "{count} months",
                    count=months,
                ),
            )
        self.horizon_combo.setAccessibleName(_("How many months to look ahead"))
        self.export_button.setText(_("Save chart as picture…"))
        self.export_button.setToolTip(_("Save the chart you see as a PNG picture"))
        self.export_button.setAccessibleName(_("Save chart as picture"))
        self.canvas.setAccessibleName(_("Chart: money kept in each scenario"))
        self.table.setHorizontalHeaderLabels(
            [
                _("Scenario"),
                _("Money at the end"),
                _("Difference"),
                _("Hardest month"),
                _("Money runs out"),
                _("Goals reached"),
            ]
        )
        self.table.setAccessibleName(_("Differences between the scenarios"))
        self.empty_label.setText(_("Open a household to try what-if scenarios."))
        if self._message_key is not None:
            self.message_label.setText(_(self._message_key[0]))
        self._update_slider_values()
        self._fit_left_column()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._fill_saved_list()
            self.refresh()
        super().changeEvent(event)
