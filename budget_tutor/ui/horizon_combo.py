"""HorizonCombo: "Look ahead 12 months" — one default horizon for My plan, What if? and the
handout.

The choice is kept in the store (:mod:`budget_tutor.horizon`), so the handout and the next start
use it too. Every combo in the window follows a change made in any of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from budget_tutor.horizon import HORIZONS, read_horizon, save_horizon
from budget_tutor.i18n import _, ngettext, safe_format
from budget_tutor.storage import StorageError
from budget_tutor.ui.chart_canvas import override
from budget_tutor.ui.wheel_guard import guard_wheel

if TYPE_CHECKING:
    from budget_tutor.ui.session import AppSession


class _HorizonNotifier(QObject):
    horizon_set = Signal(int)


_NOTIFIER: _HorizonNotifier | None = None


def _notifier() -> _HorizonNotifier:
    global _NOTIFIER
    if _NOTIFIER is None:
        _NOTIFIER = _HorizonNotifier()
    return _NOTIFIER


class HorizonCombo(QComboBox):
    #: The months to look ahead, after the user (here or in another combo) chose them.
    horizon_changed = Signal(int)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        for months in HORIZONS:
            self.addItem("", months)
        self.months = read_horizon(session.store)
        self.setCurrentIndex(HORIZONS.index(self.months))
        guard_wheel(self)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(self._chosen)
        _notifier().horizon_set.connect(self._follow)
        self.retranslate_ui()

    def _chosen(self, index: int) -> None:
        months = int(self.itemData(index))
        if months == self.months:
            return
        self.months = months
        try:
            save_horizon(self.session.store, months)
        except (
            OSError,
            ValueError,
            StorageError,
        ) as exc:  # storage errors: the choice still holds now
            self.session.show_error(
                safe_format(
                    _("The setting could not be saved: {reason}"),
                    "The setting could not be saved: {reason}",
                    reason=str(exc),
                )
            )
        self.horizon_changed.emit(months)
        _notifier().horizon_set.emit(months)

    def _follow(self, months: int) -> None:
        if months == self.months or months not in HORIZONS:
            return
        self.months = months
        self.blockSignals(True)
        self.setCurrentIndex(HORIZONS.index(months))
        self.blockSignals(False)
        self.horizon_changed.emit(months)

    def retranslate_ui(self) -> None:
        for i, months in enumerate(HORIZONS):
            self.setItemText(
                i,
                safe_format(
                    ngettext("{count} month", "{count} months", months),
                    "{count} months",
                    count=months,
                ),
            )
        self.setAccessibleName(_("How many months to look ahead"))
        self.setMinimumWidth(self.sizeHint().width())  # never squeezed below its longest text
        self.setToolTip(_("How many months every chart, comparison and handout looks ahead"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:  # presentation mode's larger font
            self.setMinimumWidth(0)
            result = super().event(event)
            self.setMinimumWidth(self.sizeHint().width())
            return result
        return super().event(event)
