"""WheelGuard: a slider, spin box or combo box changes only on deliberate input.

Scrolling a panel with the mouse wheel must scroll the panel, not move whichever slider happens
to pass under the pointer (in a workshop that silently made a "Your change" scenario). A guarded
widget takes focus only by a click or Tab (``Qt.StrongFocus``), and while it has no focus a
wheel event is given to the scroll area the widget sits in, which scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from budget_tutor.ui.chart_canvas import override


class WheelGuard(QObject):
    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            area = watched.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:
                # The panel the widget sits in scrolls, as if the widget were not there.
                QApplication.sendEvent(area.viewport(), event)
                event.accept()
            else:
                event.ignore()  # Qt passes an ignored (real) wheel event on to the parent
            return True
        return False


_GUARD: WheelGuard | None = None


def guard_wheel(*widgets: QWidget) -> None:
    """Let ``widgets`` react to the wheel only when they have the focus."""
    global _GUARD
    if _GUARD is None:
        _GUARD = WheelGuard()
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_GUARD)
