"""Presentation (projector) mode: full screen, larger text, optional high contrast; leaving it
puts the window, fonts and colours back exactly as they were."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow

from budget_tutor.ui.session import AppSession


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


class PresentationController(QObject):
    """Follows ``session.presentation_changed`` for one main window."""

    def __init__(self, window: QMainWindow, session: AppSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.high_contrast = False
        self._saved_geometry: QByteArray | None = None
        self._saved_state: Qt.WindowState | None = None
        self._saved_font: QFont | None = None
        self._saved_palette: QPalette | None = None
        session.presentation_changed.connect(self._apply)

    def _app(self) -> QApplication:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return app

    def _apply(self, on: bool) -> None:
        app = self._app()
        if on:
            self._saved_geometry = self.window.saveGeometry()
            self._saved_state = self.window.windowState()
            self._saved_font = QFont(app.font())
            font = QFont(app.font())
            size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
            font.setPointSizeF(size * self.session.font_scale)
            app.setFont(font)
            repolish_styled_widgets(app)
            self.window.showFullScreen()
        else:
            if self._saved_font is not None:
                app.setFont(self._saved_font)
                repolish_styled_widgets(app)
            self.window.showNormal()
            if self._saved_state is not None and self._saved_state & Qt.WindowState.WindowMaximized:
                self.window.showMaximized()
            if self._saved_geometry is not None:
                self.window.restoreGeometry(self._saved_geometry)
            self._saved_font = None

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
