"""WhatIfKeptPanel: the scenarios kept in the plan; tick one to compare it, or remove it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from budget_tutor import presets
from budget_tutor.i18n import _, pgettext, safe_format
from budget_tutor.scenarios import Scenario
from budget_tutor.ui.chart_canvas import override

if TYPE_CHECKING:
    from budget_tutor.ui.session import AppSession


class WhatIfKeptPanel(QGroupBox):
    #: A scenario was ticked or unticked.
    ticks_changed = Signal()

    def __init__(self, session: AppSession) -> None:
        super().__init__()
        self.session = session
        #: A scenario id to tick when the list is next filled (one just kept).
        self.pending_check: str | None = None
        layout = QVBoxLayout(self)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        self.list = QListWidget()
        self.list.setMinimumHeight(80)
        self.list.itemChanged.connect(lambda _item: self.ticks_changed.emit())
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        layout.addWidget(self.list)
        layout.addWidget(self.remove_button)
        self.retranslate_ui()

    def ticked(self) -> list[Scenario]:
        """The kept scenarios that are ticked, in the plan's order."""
        plan = self.session.plan
        kept = {s.id: s for s in plan.scenarios if isinstance(s, Scenario)} if plan else {}
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            scenario = kept.get(item.data(Qt.ItemDataRole.UserRole))
            if scenario is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(scenario)
        return out

    def fill(self) -> None:
        """List the plan's kept scenarios again, keeping the ticks."""
        plan = self.session.plan
        checked = {
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        }
        if self.pending_check:
            checked.add(self.pending_check)
            self.pending_check = None
        self.list.blockSignals(True)
        self.list.clear()
        for scenario in plan.scenarios if plan is not None else ():
            if not isinstance(scenario, Scenario):
                continue
            item = QListWidgetItem(presets.scenario_display_name(scenario))
            item.setData(Qt.ItemDataRole.UserRole, scenario.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if scenario.id in checked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.remove_button.setEnabled(self.list.count() > 0)

    def keep(self, scenario: Scenario) -> bool:
        """Keep ``scenario`` in the plan (saved at once, undoable) and tick it."""
        plan = self.session.plan
        if plan is None:
            return False
        self.pending_check = scenario.id
        description = safe_format(
            _("Keep the scenario “{name}”"), "Keep the scenario “{name}”", name=scenario.name
        )
        if not self.session.apply_edit(
            plan.replace(scenarios=(*plan.scenarios, scenario)), description
        ):
            self.pending_check = None
            return False
        return True

    def remove_selected(self) -> None:
        plan = self.session.plan
        item = self.list.currentItem()
        if plan is None or item is None:
            return
        scenario_id = item.data(Qt.ItemDataRole.UserRole)
        kept = tuple(s for s in plan.scenarios if getattr(s, "id", None) != scenario_id)
        self.session.apply_edit(plan.replace(scenarios=kept), _("Remove a kept scenario"))

    def retranslate_ui(self) -> None:
        self.setTitle(_("Kept scenarios"))
        self.hint_label.setText(_("Tick a scenario to compare it."))
        self.remove_button.setText(pgettext("kept scenario", "Remove"))
        self.remove_button.setToolTip(_("Remove the selected scenario"))
        self.remove_button.setAccessibleName(_("Remove the selected scenario"))
        self.list.setAccessibleName(_("Kept scenarios"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
