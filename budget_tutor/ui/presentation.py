"""Presentation (projector) mode: full screen, larger text, optional high contrast; leaving it
puts the window, fonts and colours back exactly as they were, on every page (shown or not).

With a second screen the lesson goes to the projector and the laptop shows the presenter view;
with one screen the trainer notes stay hidden until N is pressed (never projected by surprise)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPalette, QScreen, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow

from budget_tutor.ui.session import AppSession

if TYPE_CHECKING:
    from budget_tutor.ui.presenter_view import PresenterView


def high_contrast_palette() -> QPalette:
    """White on black, yellow highlights: readable from the back of a room."""
    p = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffeb3b")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, black)
        p.setColor(group, QPalette.ColorRole.WindowText, white)
        p.setColor(group, QPalette.ColorRole.Base, black)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#1a1a1a"))
        p.setColor(group, QPalette.ColorRole.Text, white)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#111111"))
        p.setColor(group, QPalette.ColorRole.ButtonText, white)
        p.setColor(group, QPalette.ColorRole.Highlight, yellow)
        p.setColor(group, QPalette.ColorRole.HighlightedText, black)
        p.setColor(group, QPalette.ColorRole.ToolTipBase, black)
        p.setColor(group, QPalette.ColorRole.ToolTipText, yellow)
        p.setColor(group, QPalette.ColorRole.Link, QColor("#80d8ff"))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#bdbdbd"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#9e9e9e"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9e9e9e"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9e9e9e"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, black)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, black)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#111111"))
    return p


def repolish_styled_widgets(app: QApplication) -> None:
    """Widgets with their own style sheet keep the palette and font they were polished with;
    set their sheets again so they follow a new application palette or font."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


#: ``QFont::SizeResolved``: the widget's font has a point size of its own (a bold title made 1.3×
#: larger), so it does not follow the application font and is scaled here instead.
SIZE_RESOLVED = 0x0002
#: The size a widget's own font had before presentation mode scaled it.
BASE_SIZE_PROPERTY = "budget_tutor_base_point_size"


def scale_own_fonts(app: QApplication, scale: float) -> None:
    """Entering presentation mode: every widget whose font has a size of its own grows by
    ``scale`` (the others follow the application font); its size before is remembered."""
    for widget in app.allWidgets():
        font = widget.font()
        if not font.resolveMask() & SIZE_RESOLVED or font.pointSizeF() <= 0:
            continue
        widget.setProperty(BASE_SIZE_PROPERTY, font.pointSizeF())
        font.setPointSizeF(font.pointSizeF() * scale)
        widget.setFont(font)


def restore_own_fonts(app: QApplication, scale: float) -> None:
    """Leaving presentation mode: every page, shown or not, gets its own font sizes back; a
    widget made while presenting (its size taken from the larger fonts) shrinks by ``scale``."""
    for widget in app.allWidgets():
        font = widget.font()
        if not font.resolveMask() & SIZE_RESOLVED or font.pointSizeF() <= 0:
            continue
        base = widget.property(BASE_SIZE_PROPERTY)
        size = float(base) if isinstance(base, (int, float)) and base > 0 else None
        font.setPointSizeF(size if size is not None else font.pointSizeF() / scale)
        widget.setProperty(BASE_SIZE_PROPERTY, None)
        widget.setFont(font)


class PresentationController(QObject):
    """Follows ``session.presentation_changed`` for one main window.

    With two screens or more (a laptop and a projector) the window goes full screen on the
    screen it is not on, and the laptop shows the :class:`PresenterView` (trainer notes, the time
    on the step against its share of the lesson's minutes, the next step). With one screen the
    notes are never projected: N shows or hides them in a small window.
    """

    def __init__(
        self,
        window: QMainWindow,
        session: AppSession,
        screens: Callable[[], list[QScreen]] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.screens = screens or QGuiApplication.screens
        self.high_contrast = False
        self.presenter: PresenterView | None = None
        self.projector: QScreen | None = None
        self.laptop: QScreen | None = None
        self._saved_geometry: QByteArray | None = None
        self._saved_state: Qt.WindowState | None = None
        self._saved_font: QFont | None = None
        self._saved_palette: QPalette | None = None
        self._scale = 1.0
        self.notes_shortcut = QShortcut(QKeySequence(Qt.Key.Key_N), window)
        self.notes_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.notes_shortcut.activated.connect(self.toggle_notes)
        self.notes_shortcut.setEnabled(False)
        session.presentation_changed.connect(self._apply)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self.screen_removed)

    def _app(self) -> QApplication:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return app

    @property
    def two_screens(self) -> bool:
        return self.projector is not None

    def _presenter(self) -> PresenterView:
        if self.presenter is None:
            from budget_tutor.ui.presenter_view import PresenterView

            self.presenter = PresenterView(self.window)
        return self.presenter

    def _apply(self, on: bool) -> None:
        app = self._app()
        if on:
            self._saved_geometry = self.window.saveGeometry()
            self._saved_state = self.window.windowState()
            self._saved_font = QFont(app.font())
            self._scale = self.session.font_scale
            font = QFont(app.font())
            size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
            font.setPointSizeF(size * self._scale)
            app.setFont(font)
            scale_own_fonts(app, self._scale)
            repolish_styled_widgets(app)
            self._choose_screens()
            if self.projector is not None:
                handle = self.window.windowHandle()
                if handle is not None:
                    handle.setScreen(self.projector)
                self.window.move(self.projector.geometry().topLeft())
            self.window.showFullScreen()
            self._fit_window()
            self.notes_shortcut.setEnabled(True)
            if self.laptop is not None and self.projector is not None:
                self._presenter().show_on(self.laptop, compact=False)
        else:
            self.notes_shortcut.setEnabled(False)
            if self.presenter is not None:
                self.presenter.hide()
            self.projector = self.laptop = None
            if self._saved_font is not None:
                app.setFont(self._saved_font)
                restore_own_fonts(app, self._scale)
                repolish_styled_widgets(app)
            self.window.showNormal()
            if self._saved_state is not None and self._saved_state & Qt.WindowState.WindowMaximized:
                self.window.showMaximized()
            if self._saved_geometry is not None:
                self.window.restoreGeometry(self._saved_geometry)
            self._saved_font = None
            self._fit_window()

    def _fit_window(self) -> None:
        """Let the window fit its toolbar to the new fonts (once they reached every widget)."""
        fit = getattr(self.window, "fit_toolbar", None)
        if callable(fit):
            QApplication.sendPostedEvents()
            fit()

    def _choose_screens(self) -> None:
        """The projector is a screen the window is not on; the laptop is the window's screen."""
        screens = list(self.screens())
        self.projector = self.laptop = None
        if len(screens) < 2:
            return
        current = self.window.screen()
        laptop = current if current in screens else screens[0]
        others = [s for s in screens if s is not laptop]
        self.laptop, self.projector = laptop, others[0]

    def screen_removed(self, screen: QScreen) -> None:
        """The projector (or the laptop's screen) went away while presenting: the lesson goes
        full screen on the screen that is left and the notes are hidden again (N shows them)."""
        if not self.session.presentation or screen not in (self.projector, self.laptop):
            return
        if self.presenter is not None:
            self.presenter.hide()
        self.projector = self.laptop = None
        remaining = [s for s in self.screens() if s is not screen]
        self.window.showNormal()  # a full-screen window moves to another screen only when normal
        if remaining:
            handle = self.window.windowHandle()
            if handle is not None:
                handle.setScreen(remaining[0])
            self.window.move(remaining[0].geometry().topLeft())
        self.window.showFullScreen()

    def toggle_notes(self) -> None:
        """N in presentation mode: the presenter view (notes, timer, next step); on one screen
        a small window in a corner, so the notes are shown only when the trainer asks."""
        if not self.session.presentation:
            return
        presenter = self._presenter()
        if presenter.isVisible():
            presenter.hide()
        elif self.laptop is not None and self.projector is not None:
            presenter.show_on(self.laptop, compact=False)
        else:
            presenter.show_on(self.window.screen(), compact=True)

    def set_high_contrast(self, on: bool) -> None:
        if on == self.high_contrast:
            return
        app = self._app()
        self.high_contrast = on
        self.session.high_contrast = on
        if on:
            self._saved_palette = QPalette(app.palette())
            app.setPalette(high_contrast_palette())
        elif self._saved_palette is not None:
            app.setPalette(self._saved_palette)
            self._saved_palette = None
        repolish_styled_widgets(app)
