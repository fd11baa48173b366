"""Layout audit (issue 10, point 1): every screen fits a 1024×768 projector and a 1366×768 laptop.

Walks the start page, households, every page and part of My plan, every step of every built-in
lesson, What if?, Progress and the app's dialogs, in normal and presentation (F11) mode, in Tajik,
Russian and the +40 % pseudo-locale (every interface and lesson string 40 % longer, made as in
``tests/i18n/test_pseudo_locale.py``), and reports, per screen:

- text that does not fit its widget: labels by their size hint (wrapped labels by
  ``heightForWidth``), buttons, group-box titles, combo boxes, tabs, table cells and headers by
  font metrics. Elided text (with "…") passes only with a tooltip that holds the full text;
- a widget whose rectangle leaves its window, or leaves a scroll area sideways (scrolling down is
  fine, sideways is not), and a window or dialog larger than the screen;
- any visible horizontal scroll bar;
- the language selector or Help not reachable (hidden in the toolbar's overflow, or off the window).

Qt's offscreen platform gets one screen of the audited size (``offscreen:configfile=…``), so F11
goes full screen exactly as on that projector. Each size runs once in a subprocess (a Qt
application's screens are fixed when it starts); one window per language is reused for both modes.
The tests are split by the owner of the screen so that a failure names who fixes it.

Run one walk by hand: ``.venv/bin/python -m tests.ui.test_layout_audit 1024x768 [tg|ru|pseudo]``.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"1024x768": (1024, 768), "1366x768": (1366, 768)}
LANGUAGES = ("tg", "ru", "pseudo")
MODES = ("normal", "presentation")

#: Who fixes a screen (issue 10's split of the work).
OWNERS = {
    "F": "lessons, progress, start page, main window, help, presentation",
    "D": "What if?",
    "G": "My plan and the line dialog",
    "B": "households, PIN and new-household dialogs",
    "other": "handout, backups, narration, workshops and translation-problem dialogs (their authors)",
}
#: Dialogs of other parts, by class name (the rest of a dialog's owner follows its page).
OTHER_DIALOGS = (
    "HandoutDialog",
    "BackupsDialog",
    "NarrationDialog",
    "WorkshopsDialog",
    "RejectedTranslationsDialog",
)

#: Known failures in screens owned by others: (owner, screen prefix, widget class, reason
#: prefix, why). A test whose only failures match entries here is marked xfail with their
#: reasons (each names who fixes it); any other failure fails it. Remove an entry once fixed.
KNOWN: list[tuple[str, str, str, str, str]] = []

GROWTH = 0.4


# ------------------------------------------------------------------------------------------------
# the pseudo-locale
# ------------------------------------------------------------------------------------------------


def lengthen(text: str) -> str:
    """``text`` 40 % longer with Tajik letters (the same rule as the pseudo-locale test)."""
    if not text:
        return text
    extra = math.ceil(len(text) * GROWTH)
    words = []
    while extra > 0:
        size = min(5, extra)
        words.append("ҷӯқ"[: min(size, 3)] + "ғ" * max(0, size - 3))
        extra -= size + 1
    if text.endswith(":"):
        return text[:-1] + " " + " ".join(words) + ":"
    return text + " " + " ".join(words)


def write_pseudo_catalogs(folder: Path) -> None:
    """Tajik catalogs of both domains (interface and lessons) with every text 40 % longer."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    for domain in ("budget_tutor", "lessons"):
        with (ROOT / "locales" / f"{domain}.pot").open("rb") as f:
            template = read_po(f)
        catalog = Catalog(locale="tg", domain=domain)
        for message in template:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                string: Any = tuple(lengthen(s) for s in message.id)
            else:
                string = lengthen(message.id)
            catalog.add(message.id, string, context=message.context)
        target = folder / "tg" / "LC_MESSAGES" / f"{domain}.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as f:
            write_po(f, catalog)


# ------------------------------------------------------------------------------------------------
# the checks (run inside the walking process)
# ------------------------------------------------------------------------------------------------


def _mnemonic_free(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _elided_with_tooltip(widget: Any, shown: str) -> bool:
    tip = widget.toolTip() if hasattr(widget, "toolTip") else ""
    return "…" in shown and bool(tip) and len(tip) >= len(shown.replace("…", ""))


def text_problem(widget: Any) -> str | None:
    """Why ``widget``'s own text does not fit its rectangle (None when it fits)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QPushButton,
        QStyle,
        QStyleOptionComboBox,
        QTabBar,
    )

    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or not widget.pixmap().isNull():
            return None
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                return f"wrapped text needs {need} px of height, has {widget.height()}"
            return None
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1 and not _elided_with_tooltip(widget, text):
            return f"needs {hint.width()} px of width, has {widget.width()}"
        lines = text.count("\n") + 1 if widget.textFormat() == Qt.TextFormat.PlainText else 1
        need = widget.fontMetrics().height() * lines
        if need > widget.contentsRect().height() + 1:
            return f"needs {need} px of height, has {widget.contentsRect().height()}"
        return None
    if isinstance(widget, QAbstractButton):
        text = _mnemonic_free(widget.text())
        if not text:
            return None
        hint = widget.sizeHint()
        need = hint.width()
        if isinstance(widget, QPushButton) and need <= 80:  # Fusion's minimum button width
            icon = 0 if widget.icon().isNull() else widget.iconSize().width() + 4
            need = widget.fontMetrics().horizontalAdvance(text) + icon + 14
        if need > widget.width() + 1 and not _elided_with_tooltip(widget, text):
            return f"needs {need} px of width, has {widget.width()}"
        need = widget.fontMetrics().height() * (text.count("\n") + 1) + 2
        if need > widget.height():
            return f"needs {need} px of height, has {widget.height()}"
        return None
    if isinstance(widget, QGroupBox):
        title = _mnemonic_free(widget.title())
        if title:
            need = widget.fontMetrics().horizontalAdvance(title) + 16
            if widget.isCheckable():
                need += widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 4
            if need > widget.width() + 1:
                return f"title needs {need} px of width, has {widget.width()}"
        return None
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        if text and not widget.isEditable():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field = widget.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                widget,
            )
            icon = 0 if option.currentIcon.isNull() else option.iconSize.width() + 4
            need = widget.fontMetrics().horizontalAdvance(text) + icon + 4
            if need > field.width() + 1:
                return f"{text!r} needs {need} px, its field has {field.width()}"
        return None
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            text = _mnemonic_free(widget.tabText(i))
            need = widget.fontMetrics().horizontalAdvance(text) + 16
            if need > widget.tabRect(i).width() + 1:
                return f"tab {text!r} needs {need} px, has {widget.tabRect(i).width()}"
        return None
    del Qt
    return None


def item_view_problems(view: Any) -> Iterator[str]:
    """Cells and headers of a table or tree whose text is cut (no wrapping, no full tooltip)."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QHeaderView, QListView, QStyle, QTableView, QTreeView

    model = view.model()
    if model is None or isinstance(view, QListView):
        return
    if not isinstance(view, (QTableView, QTreeView)):
        return
    fm = view.fontMetrics()
    style = view.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    header_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, view)
    wraps = False
    rows = min(model.rowCount(QModelIndex()), 60)
    cols = min(model.columnCount(QModelIndex()), 30)
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    for c in range(cols):
        if view.isColumnHidden(c):
            continue
        width = view.columnWidth(c)
        title = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(header, QHeaderView) and header.isVisible() and isinstance(title, str):
            wrap = int(Qt.TextFlag.TextWordWrap.value)
            if int(header.defaultAlignment().value) & wrap:
                # A header that wraps its titles: the title must fit in lines of the column's
                # width and in the header's height.
                from PySide6.QtCore import QRect

                room = max(1, width - header_margin)
                box = fm.boundingRect(QRect(0, 0, room, 2000), wrap, title)
                if box.width() > room + 1 or box.height() > header.height():
                    yield (
                        f"column title {title!r} needs {box.width()}x{box.height()} px, "
                        f"has {room}x{header.height()}"
                    )
            else:
                lines = title.split("\n")
                need = max(fm.horizontalAdvance(line) for line in lines) + header_margin
                if need > width + 1:
                    yield f"column title {title!r} needs {need} px, has {width}"
        for r in range(rows):
            index = model.index(r, c)
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text or wraps:
                continue
            need = max(fm.horizontalAdvance(line) for line in text.split("\n")) + margin
            if model.data(index, Qt.ItemDataRole.DecorationRole) is not None:
                need += view.iconSize().width() + 4
            if need > width + 1:
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and text.replace("…", "") in tip:
                    continue
                yield f"cell {text!r} needs {need} px, column has {width}"
                break


def chart_problems(figure: Any) -> Iterator[str]:
    """Chart texts (titles, labels, legend entries, annotations) that stick out of the chart."""
    canvas = getattr(figure, "canvas", None)
    get_renderer = getattr(canvas, "get_renderer", None)
    if get_renderer is None:
        return
    from matplotlib.text import Text

    try:
        canvas.draw()
        renderer = get_renderer()
    except Exception as exc:  # a chart that cannot draw is reported, not hidden
        yield f"the chart cannot be drawn: {exc!r}"
        return
    width, height = figure.bbox.width, figure.bbox.height
    for text in figure.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1:
            yield (
                f"chart text {text.get_text()[:40]!r} leaves the chart "
                f"(x {box.x0:.0f}–{box.x1:.0f} of {width:.0f}, y {box.y0:.0f}–{box.y1:.0f} "
                f"of {height:.0f})"
            )


def _scroll_viewport(widget: Any) -> Any:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return parent
    return None


def geometry_problem(widget: Any) -> str | None:
    """Whether ``widget`` sticks out of its window, or sideways out of a scroll area."""
    from PySide6.QtCore import QPoint, QRect

    window = widget.window()
    top_left = widget.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, widget.size())
    if rect.width() <= 0 or rect.height() <= 0:
        return None
    bounds = QRect(QPoint(0, 0), window.size())
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not window:
        area = _scroll_viewport(ancestor)
        if area is not None:
            origin = ancestor.mapTo(window, QPoint(0, 0))
            if rect.left() < origin.x() - 1 or rect.right() > origin.x() + ancestor.width() + 1:
                return (
                    f"x {rect.left()}–{rect.right()} leaves its scroll area "
                    f"(x {origin.x()}–{origin.x() + ancestor.width()}) sideways"
                )
            return None  # vertical scrolling inside the area is fine
        ancestor = ancestor.parentWidget()
    if not bounds.adjusted(-1, -1, 1, 1).contains(rect):
        return f"{rect.getRect()} leaves the window {bounds.width()}×{bounds.height()}"
    return None


# ------------------------------------------------------------------------------------------------
# the walk (inside the subprocess)
# ------------------------------------------------------------------------------------------------


class _Bot:
    """The few qtbot calls ``tests.i18n.ui_tour`` needs, without pytest."""

    def addWidget(self, _widget: Any) -> None:
        pass

    def wait(self, ms: int) -> None:
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(ms)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, ms)
        while not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)


def owner_of(widget: Any, main_window: Any) -> str:
    """Who owns the screen ``widget`` is on (see :data:`OWNERS`)."""
    from budget_tutor.ui.household_page import NameDialog
    from budget_tutor.ui.line_dialog import LineDialog
    from budget_tutor.ui.pin_dialog import PinDialog

    window = widget.window()
    if type(window).__name__ in OTHER_DIALOGS:
        return "other"
    if isinstance(window, LineDialog):
        return "G"
    if isinstance(window, (PinDialog, NameDialog)):
        return "B"
    pages = main_window.pages
    node = widget
    while node is not None:
        if node is pages.get("whatif"):
            return "D"
        if node is pages.get("plan"):
            return "G"
        if node is main_window.household_page:
            return "B"
        node = node.parentWidget()
    return "F"


def _describe(widget: Any) -> str:
    for attr in ("text", "title", "currentText", "windowTitle"):
        getter = getattr(widget, attr, None)
        if callable(getter):
            try:
                value = getter()
            except TypeError:
                continue
            if isinstance(value, str) and value:
                return value.replace("\n", " ")[:70]
    return widget.objectName() or widget.accessibleName()[:70]


def check_screen(main_window: Any, screen_size: tuple[int, int]) -> Iterator[dict[str, str]]:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QApplication,
        QMenu,
        QScrollBar,
        QToolTip,
        QWidget,
    )

    screen = QRect(0, 0, *screen_size)
    tops = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and not isinstance(w, QMenu) and w.windowType() != Qt.WindowType.ToolTip
    ]
    del QToolTip
    for top in tops:
        frame = top.frameGeometry()
        if not screen.adjusted(-1, -1, 1, 1).contains(frame):
            yield {
                "widget": f"{type(top).__name__} {_describe(top)!r}",
                "owner": owner_of(top, main_window),
                "reason": f"window {frame.getRect()} does not fit the screen {screen_size}",
            }
        overflowing: set[int] = (
            set()
        )  # report the outermost widget that sticks out, not its children
        for widget in [top, *top.findChildren(QWidget)]:
            if widget is not top and not widget.isVisible():
                continue
            reasons = []
            parent = widget.parentWidget()
            if parent is not None and id(parent) in overflowing:
                overflowing.add(id(widget))
            elif widget is not top:
                geometry = geometry_problem(widget)
                if geometry:
                    overflowing.add(id(widget))
                    reasons.append(geometry)
            text = text_problem(widget)
            if text:
                reasons.append(text)
            if isinstance(widget, QAbstractItemView):
                reasons.extend(item_view_problems(widget))
            figure = getattr(widget, "figure", None)  # a matplotlib canvas (not its wrapper)
            if hasattr(widget, "get_renderer") and figure is not None and widget.width() > 0:
                reasons.extend(chart_problems(figure))
            if isinstance(widget, QScrollBar) and widget.orientation() == Qt.Orientation.Horizontal:
                if widget.maximum() > widget.minimum():
                    reasons.append("a horizontal scroll bar is shown")
            for reason in reasons:
                yield {
                    "widget": f"{type(widget).__name__} {_describe(widget)!r}",
                    "owner": owner_of(widget, main_window),
                    "reason": reason,
                }
    yield from reachability_problems(main_window)


def reachability_problems(window: Any) -> Iterator[dict[str, str]]:
    """The language selector and Help are on the toolbar, visible and inside the window."""
    from PySide6.QtCore import QPoint, QRect

    if not window.toolbar.isVisible():
        return
    help_button = window.toolbar.widgetForAction(window.help_action)
    for name, widget in (("language selector", window.language_combo), ("Help", help_button)):
        ok = widget is not None and widget.isVisible()
        if ok:
            rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            ok = QRect(QPoint(0, 0), window.size()).contains(rect)
        if not ok:
            yield {
                "widget": name,
                "owner": "F",
                "reason": "not reachable: hidden in the toolbar's overflow or off the window",
            }


def _start_screen(window: Any, bot: _Bot) -> Iterator[str]:
    """The first-run language chooser, then back to the households."""
    window.stack.setCurrentWidget(window.start_page)
    window._update_nav()
    bot.wait(5)
    yield "start page"
    window.show_households()
    bot.wait(5)


def _lesson_extras(window: Any, bot: _Bot) -> Iterator[str]:
    """The "not finished yet" notice of Finish and, in presentation mode, the notes window."""
    window.show_page("lessons")
    lessons = window.page("lessons")
    lesson = lessons.library.lessons[-1]
    lessons.open_lesson(lesson.id)
    player = lessons.player
    player.show_step(len(lesson.steps) - 1)
    player.go_next()  # Finish with steps not done: the notice
    bot.wait(5)
    yield f"lesson {lesson.id}: Finish with steps not done"
    if window.session.presentation:
        window.presentation.toggle_notes()
        bot.wait(5)
        yield f"lesson {lesson.id}: trainer notes window (N)"
        window.presentation.toggle_notes()
    lessons.show_browser()


def _more_dialogs(window: Any, bot: _Bot) -> Iterator[str]:
    """The dialogs the tour does not open (each shown without waiting, like the tour's)."""
    import importlib

    from PySide6.QtCore import Qt

    session = window.session

    def library() -> Any:
        return window.page("lessons").library

    openers = (
        ("handout", "handout_export", "HandoutDialog", lambda c: c(session.plan, None, None, window)),
        ("backups", "backups_dialog", "BackupsDialog", lambda c: c(session, window)),
        ("narration", "narration_dialog", "NarrationDialog", lambda c: c(session, library(), window)),
        ("workshops", "workshops_dialog", "WorkshopsDialog", lambda c: c(session, library(), window)),
        ("rejected translations", "rejected_translations_dialog", "RejectedTranslationsDialog",
         lambda c: c([], window)),
    )  # fmt: skip
    for name, module_name, class_name, make in openers:
        try:
            cls = getattr(importlib.import_module(f"budget_tutor.ui.{module_name}"), class_name)
            dialog = make(cls)
        except Exception as exc:  # a dialog that is not there (yet) or changed its arguments
            print(f"layout audit: dialog {name} not opened: {exc!r}", file=sys.stderr)
            continue
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()
        bot.wait(5)
        yield f"dialog {name}"
        dialog.close()
        dialog.deleteLater()
        bot.wait(5)


def _close_dialogs(window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    for top in QApplication.topLevelWidgets():
        if top is not window and top.isVisible():
            top.close()
    QApplication.processEvents()


def _chain(*walks: Iterator[str]) -> Iterator[str]:
    for one in walks:
        yield from one


#: The tour's household gets a long name (as real families' names are) once it exists.
LONG_NAME = "Оилаи Каримовҳо аз деҳаи Сарихосори ноҳияи Кӯлоб"


def _with_long_name(window: Any, screens: Iterator[str]) -> Iterator[str]:
    import dataclasses

    for screen in screens:
        plan = window.session.plan
        if plan is not None and plan.household.name != LONG_NAME:
            household = dataclasses.replace(plan.household, name=LONG_NAME)
            window.session.apply_edit(dataclasses.replace(plan, household=household), "name")
        yield screen


def walk(size: str, languages: tuple[str, ...] = LANGUAGES) -> list[dict[str, str]]:
    """Every screen in every mode for each language at ``size``: the problems found."""
    from PySide6.QtWidgets import QApplication

    from budget_tutor import i18n
    from tests.i18n.ui_tour import start_app, stop_app, tour

    width, height = SIZES[size]
    problems: list[dict[str, str]] = []
    seen: set[tuple[str, ...]] = set()
    bot = _Bot()
    with tempfile.TemporaryDirectory(prefix="bt-audit-") as tmp:
        root = Path(tmp)
        write_pseudo_catalogs(root / "pseudo")
        for lang in languages:
            i18n.set_override_dir(root / "pseudo" if lang == "pseudo" else None)
            window = start_app(bot, root / f"data-{lang}", "tg" if lang == "pseudo" else lang)
            try:
                window.showNormal()
                window.setGeometry(0, 0, width, height)
                for mode in MODES:
                    window.session.set_presentation(mode == "presentation")
                    if mode == "normal":
                        window.setGeometry(0, 0, width, height)
                    bot.wait(20)
                    screens = _chain(
                        _start_screen(window, bot),
                        tour(window, bot),
                        _lesson_extras(window, bot),
                        _more_dialogs(window, bot),
                    )
                    for screen in _with_long_name(window, screens):
                        QApplication.processEvents()
                        found = list(check_screen(window, (width, height)))
                        if found:  # judge the settled layout, not a relayout half done
                            bot.wait(60)
                            found = list(check_screen(window, (width, height)))
                        for problem in found:
                            reason = re.sub(r"-?\d+", "#", problem["reason"])
                            key = (lang, mode, problem["widget"], reason)
                            if key in seen:
                                continue
                            seen.add(key)
                            problems.append(
                                {"size": size, "lang": lang, "mode": mode, "screen": screen}
                                | problem
                            )
                    window.session.set_trainer_mode(False)
                    _close_dialogs(window)
                window.session.set_presentation(False)
            finally:
                stop_app(window)
                i18n.set_override_dir(None)
    return problems


def _screen_config(size: str, folder: Path) -> Path:
    width, height = SIZES[size]
    path = folder / f"screen-{size}.json"
    config = {
        "windowFrameMargins": False,
        "screens": [
            {"name": f"projector-{size}", "x": 0, "y": 0, "width": width, "height": height}
        ],
    }
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def run_walk_subprocess(size: str, folder: Path) -> list[dict[str, str]]:
    config = _screen_config(size, folder)
    out = folder / f"audit-{size}.json"
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["BUDGET_TUTOR_DATA_DIR"] = str(folder / f"data-{size}")
    env.pop("BUDGET_TUTOR_LOCALE_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.test_layout_audit", size, "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"the {size} walk failed:\n{result.stdout}\n{result.stderr}"
    return json.loads(out.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------------
# the tests
# ------------------------------------------------------------------------------------------------

_RESULTS: dict[str, list[dict[str, str]]] = {}


@pytest.fixture(scope="module")
def audit_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("layout-audit")


def audit(size: str, folder: Path) -> list[dict[str, str]]:
    if size not in _RESULTS:
        _RESULTS[size] = run_walk_subprocess(size, folder)
    return _RESULTS[size]


def format_problem(p: dict[str, str]) -> str:
    return f"[{p['mode']}] {p['screen']}: {p['widget']}: {p['reason']}"


def _known(problem: dict[str, str]) -> str | None:
    widget_class = problem["widget"].split(" ", 1)[0]
    for owner, screen, cls, reason, why in KNOWN:
        if (
            problem["owner"] == owner
            and problem["screen"].startswith(screen)
            and widget_class == cls
            and problem["reason"].startswith(reason)
        ):
            return why
    return None


@pytest.mark.parametrize("owner", list(OWNERS))
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", list(SIZES))
def test_every_screen_fits(size: str, lang: str, owner: str, audit_folder: Path) -> None:
    problems = [p for p in audit(size, audit_folder) if p["lang"] == lang and p["owner"] == owner]
    unknown = [p for p in problems if _known(p) is None]
    report = "\n".join(format_problem(p) for p in unknown)
    assert not unknown, (
        f"{len(unknown)} layout problems at {size} in {lang} on screens of {owner} "
        f"({OWNERS[owner]}):\n{report}"
    )
    if problems:
        reasons = sorted({r for p in problems if (r := _known(p))})
        pytest.xfail("; ".join(reasons))


def test_the_audit_sees_a_clipped_label(qtbot) -> None:
    """The checks themselves: a label too narrow for its text, a wrapped label too short, an
    elided label with and without its tooltip, a button cut short."""
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host)
    plain = QLabel("A long sentence that cannot fit into sixty pixels", host)
    plain.setGeometry(0, 0, 60, 30)
    wrapped = QLabel("word " * 40, host)
    wrapped.setWordWrap(True)
    wrapped.setGeometry(0, 40, 100, 20)
    elided = QLabel("A long sent…", host)
    elided.setGeometry(0, 70, 40, 30)
    button = QPushButton("Continue the lesson", host)
    button.setGeometry(0, 100, 50, 30)
    assert "width" in (text_problem(plain) or "")
    assert "height" in (text_problem(wrapped) or "")
    assert text_problem(elided) is not None
    elided.setToolTip("A long sentence")
    assert text_problem(elided) is None
    assert text_problem(button) is not None
    button.setGeometry(0, 100, 400, 40)
    assert text_problem(button) is None
    host.resize(300, 200)
    inside = QLabel("x", host)
    inside.setGeometry(250, 10, 100, 20)
    assert "leaves the window" in (geometry_problem(inside) or "")


def main(argv: list[str]) -> int:
    size = argv[0]
    languages = tuple(a for a in argv[1:] if a in LANGUAGES) or LANGUAGES
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MPLBACKEND", "Agg")
    started = time.monotonic()
    problems = walk(size, languages)
    if out is not None:
        out.write_text(json.dumps(problems, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        for p in problems:
            print(p["owner"], p["lang"], format_problem(p))
    print(f"{len(problems)} problems in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
