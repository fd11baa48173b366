"""ChartCanvas: a matplotlib canvas in a widget, built the first time it is shown.

matplotlib is imported here only, and only when the first chart is built, so the first window
appears before it loads. The chart object (``budget_tutor.charts``) owns the artists; this
widget only decides *when* to draw:

* :meth:`set_data` after an edit updates the artists and asks for one ``draw_idle`` (Qt
  coalesces requests, so one edit is one full draw); a hidden canvas only remembers the data and
  draws once when it is shown;
* :meth:`blit_data` during a slider drag updates the artists and blits them over the background
  saved at the last full draw (no full draw); the caller does one :meth:`set_data` on release;
* a language switch (``QEvent.LanguageChange``) changes the chart's words and redraws once.

``full_draws`` and ``blits`` count what happened, for tests and benchmarks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from budget_tutor import i18n

_F = TypeVar("_F")

try:  # Python 3.12+
    from typing import override
except ImportError:  # Python 3.11: the marker only documents the Qt override

    def override(method: _F) -> _F:
        return method


ChartFactory = Callable[[Any, str, float], Any]  # (Axes, locale, font_scale) -> chart

_CANVAS_CLASS: type | None = None
_FONT_FAMILY: str | None = None


def _canvas_class() -> type:
    """FigureCanvasQTAgg with a draw counter (matplotlib imported on the first call)."""
    global _CANVAS_CLASS
    if _CANVAS_CLASS is None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        class CountingCanvas(FigureCanvasQTAgg):  # type: ignore[misc]
            def __init__(self, figure: Any, owner: ChartCanvas) -> None:
                super().__init__(figure)
                self._owner = owner

            @override
            def draw(self) -> None:
                self._owner.full_draws += 1
                super().draw()
                self._owner.drawn.emit()

        _CANVAS_CLASS = CountingCanvas
    return _CANVAS_CLASS


def ensure_font() -> str:
    """Register the bundled DejaVu Sans (every Tajik letter) with matplotlib, once."""
    global _FONT_FAMILY
    if _FONT_FAMILY is None:
        from budget_tutor.charts import install_font
        from budget_tutor.resources import font_path

        _FONT_FAMILY = install_font(str(font_path()))
    return _FONT_FAMILY


class ChartCanvas(QWidget):
    """One chart. ``factory(ax, locale, font_scale)`` makes the chart object when first shown."""

    #: After every full draw.
    drawn = Signal()

    def __init__(
        self,
        factory: ChartFactory,
        parent: QWidget | None = None,
        *,
        figsize: tuple[float, float] = (9.0, 5.6),
        font_scale: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self.factory = factory
        self.figsize = figsize
        self.font_scale = font_scale
        self.figure: Any = None
        self.canvas: Any = None
        self.chart: Any = None
        self.full_draws = 0
        self.blits = 0
        self._data: tuple[tuple[Any, ...], dict[str, Any]] | None = None
        self._stale = False
        self._background: Any = None
        self._animated: list[Any] = []
        self._exporting = False
        self._locale_stale = False
        self._build_pending = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._layout = layout
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- building -----------------------------------------------------------------------------

    @property
    def is_built(self) -> bool:
        return self.chart is not None

    def ensure_built(self) -> Any:
        """Import matplotlib, make the figure, the canvas and the chart (once)."""
        if self.chart is None:
            from matplotlib.figure import Figure

            ensure_font()
            self.figure = Figure(figsize=self.figsize, dpi=100)
            self.canvas = _canvas_class()(self.figure, self)
            self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.canvas.setMinimumSize(300, 200)
            self.canvas.setAccessibleName(self.accessibleName())
            self._layout.addWidget(self.canvas)
            ax = self.figure.add_subplot()
            self.chart = self.factory(ax, i18n.babel_locale(), self.font_scale)
            self.canvas.mpl_connect("draw_event", self._on_draw)
            # Margins are points, not fractions: fit them to the new size before it is drawn.
            self.canvas.mpl_connect("resize_event", lambda _event: self.chart.relayout())
            if self._data is not None:
                self._apply()
        return self.chart

    # -- data and drawing -----------------------------------------------------------------------

    def set_data(self, *args: Any, **kwargs: Any) -> None:
        """Show new data: update the artists and draw once (later, if hidden)."""
        self._data = (args, kwargs)
        if self.chart is not None and self.isVisible():
            self._apply()
            self.redraw()
        else:
            self._stale = True

    def blit_data(self, *args: Any, **kwargs: Any) -> bool:
        """Update the dynamic artists and blit them (a slider step); the axes keep their
        limits. Falls back to a full draw (returns False) when there is no background yet or
        the chart had to add artists."""
        self._data = (args, {**kwargs, "rescale": False})
        if self.chart is None or not self.isVisible() or self._background is None:
            self.set_data(*args, **{**kwargs, "rescale": False})
            return False
        changed = self._apply()
        if changed:
            self.redraw()
            return False
        self.canvas.restore_region(self._background)
        for artist in self._animated:
            if artist.get_visible():
                self.figure.draw_artist(artist)
        self.canvas.blit(self.figure.bbox)
        self.blits += 1
        return True

    def _apply(self) -> bool:
        """Give the data to the chart; True when it added artists (a full draw is needed)."""
        self._stale = False
        if self._data is None or self.chart is None:
            return False
        args, kwargs = self._data
        result = self.chart.update(*args, **kwargs)
        animated = list(self.chart.dynamic_artists())
        if animated != self._animated:
            for artist in self._animated:
                artist.set_animated(False)
            for artist in animated:
                artist.set_animated(True)
            self._animated = animated
            self._background = None
            return True
        return bool(result)

    def redraw(self) -> None:
        """One full draw, when Qt is next idle (several requests make one draw)."""
        if self.canvas is not None:
            self.canvas.draw_idle()

    def _on_draw(self, _event: Any) -> None:
        # After every full draw (animated artists are left out of it): keep the background for
        # blitting, then paint the animated artists on top so the picture is complete.
        if self._exporting:
            return
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        for artist in self._animated:
            if artist.get_visible():
                self.figure.draw_artist(artist)

    # -- sizes and language ---------------------------------------------------------------------

    def set_font_scale(self, scale: float) -> None:
        self.font_scale = scale
        if self.chart is not None:
            self.chart.set_font_scale(scale)
            self._redraw_or_mark()

    def _redraw_or_mark(self) -> None:
        if self.isVisible():
            self.redraw()
        else:
            self._stale = True

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.chart is not None:
            if self.isVisible():
                self.chart.set_locale(i18n.babel_locale())
                self.redraw()
            else:  # a hidden chart changes its words when it is shown
                self._locale_stale = True
        super().changeEvent(event)

    @override
    def showEvent(self, event: Any) -> None:
        if self.chart is None:
            # Built after this widget's first paint (see paintEvent), so that no page, whichever
            # is shown first, makes the window's first paint wait for matplotlib.
            super().showEvent(event)
            return
        if self._locale_stale:
            self._locale_stale = False
            self.chart.set_locale(i18n.babel_locale())
            self._stale = True
        if self._stale:
            self._apply()
            self.redraw()
        super().showEvent(event)

    @override
    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self.chart is None and not self._build_pending:
            self._build_pending = True
            QTimer.singleShot(0, self._build_after_paint)

    def _build_after_paint(self) -> None:
        self._build_pending = False
        if self.chart is None and self.isVisible():
            self.ensure_built()  # applies the data it was given meanwhile, then draws
            self._locale_stale = self._stale = False
            self.redraw()

    # -- export -------------------------------------------------------------------------------

    def png_bytes(self, dpi: int = 150) -> bytes:
        """The chart as a PNG (with every artist, at ``dpi``)."""
        import io

        self.ensure_built()
        if self._locale_stale:
            self._locale_stale = False
            self.chart.set_locale(i18n.babel_locale())
        if self._data is not None and self._stale:
            self._apply()
        buffer = io.BytesIO()
        self._exporting = True
        for artist in self._animated:
            artist.set_animated(False)
        try:
            self.figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
        finally:
            for artist in self._animated:
                artist.set_animated(True)
            self._exporting = False
            self._background = None
            self.redraw()
        return buffer.getvalue()

    def save_png(self, path: str | Path, dpi: int = 150) -> None:
        """Write the chart as a PNG file (temp file, verified, fsynced, renamed; raises
        :class:`budget_tutor.safe_write.ExportError`, an ``OSError``, with a translated reason)."""
        from budget_tutor.safe_write import verify_png, write_bytes

        write_bytes(path, self.png_bytes(dpi), verify_png)


def export_chart_png(
    canvas: ChartCanvas, session: Any, parent: QWidget | None, suggested: str
) -> Path | None:
    """Save the chart as a picture: ask where, write the PNG safely, show a translated message
    naming the file and the reason on failure (the old file is then untouched). The one PNG
    export of every page with a chart."""
    from budget_tutor.i18n import _
    from budget_tutor.safe_write import ExportError, os_error_reason
    from budget_tutor.ui import messages

    chosen = messages.choose_file_to_save(
        parent,
        _("Save the chart as a picture"),
        [_("PNG picture (*.png)")],
        suggested,
        "png",
    )
    if not chosen:
        return None
    if not chosen.lower().endswith(".png"):
        chosen += ".png"
    path = Path(chosen)
    try:
        canvas.save_png(path)
    except ExportError as exc:
        session.show_error(exc.message())
        return None
    except OSError as exc:  # raised before the export began (e.g. by matplotlib)
        session.show_error(ExportError(path, os_error_reason(exc), exc.errno).message())
        return None
    return path
