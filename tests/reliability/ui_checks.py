"""Checks on what the real widgets show: a local HTTP server that records requests, and a walk over
every widget that finds text rendered as HTML when it should be literal."""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

#: Tags that load or run something, or show a picture: never in rich text made from user text.
ACTIVE_TAG = re.compile(r"<\s*(img|a|script|iframe|style|object|embed|link|meta)\b", re.I)


@contextmanager
def http_spy() -> Iterator[tuple[int, list[str]]]:
    """A server on 127.0.0.1 that records every request: (port, the paths requested)."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the http.server API
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        do_POST = do_HEAD = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port, requests
    finally:
        server.shutdown()
        server.server_close()


def _is_rich(text: str, fmt: Qt.TextFormat) -> bool:
    if fmt == Qt.TextFormat.RichText:
        return True
    if fmt == Qt.TextFormat.MarkdownText:
        return True
    return fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)


def shown_texts(widgets: Iterable[QWidget]) -> Iterator[tuple[QWidget, str, str, bool]]:
    """(widget, where, text, rendered as rich text) for everything the widgets display."""
    for w in widgets:
        tip = w.toolTip()
        if tip:
            yield w, "tooltip", tip, bool(QtGui.Qt.mightBeRichText(tip))
        if w.isWindow() and w.windowTitle():
            yield w, "title", w.windowTitle(), False
        if isinstance(w, QLabel):
            yield w, "label", w.text(), _is_rich(w.text(), w.textFormat())
        elif isinstance(w, QAbstractButton):
            yield w, "button", w.text(), False
        elif isinstance(w, QLineEdit):
            yield w, "line edit", w.text(), False
        elif isinstance(w, QTextEdit):
            yield w, "text edit", w.toHtml(), True
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            root = QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # a list model keeps columnCount private
                columns = 1
            for row in range(min(model.rowCount(root), 300)):
                for col in range(min(columns, 30)):
                    index = model.index(row, col)
                    for role, rich in (
                        (Qt.ItemDataRole.DisplayRole, False),
                        (Qt.ItemDataRole.ToolTipRole, None),
                    ):
                        value = model.data(index, role)
                        if isinstance(value, str) and value:
                            is_rich = (
                                bool(QtGui.Qt.mightBeRichText(value)) if rich is None else rich
                            )
                            yield w, f"item {row},{col}", value, is_rich


def html_problems(widgets: Iterable[QWidget], needle: str) -> list[str]:
    """Places where ``needle`` (user text with markup) is rendered as markup, or where rich text
    holds an active tag at all."""
    problems = []
    for w, where, text, rich in shown_texts(widgets):
        if not rich:
            continue
        if needle in text:
            problems.append(f"{type(w).__name__} {w.objectName()} {where}: {text[:120]!r}")
        elif where != "text edit" and ACTIVE_TAG.search(text):
            problems.append(
                f"{type(w).__name__} {w.objectName()} {where} active tag: {text[:120]!r}"
            )
        elif where == "text edit" and re.search(r'<img[^>]*src="(http|file)', text, re.I):
            problems.append(f"{type(w).__name__} {where} loads an image: {text[:200]!r}")
    return problems


def all_widgets() -> list[QWidget]:
    return list(QApplication.allWidgets())
