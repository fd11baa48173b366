"""Trainer mode → Reload translations: the entries that were not used, where they are and why,
in the user's language (a translator sees them without a terminal)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _, ngettext, pgettext, safe_format

#: The reasons :mod:`budget_tutor.i18n` gives (English, for the command line and logs), each
#: with the words a translator reads in the app. Groups are passed on by name.
_REASONS: tuple[tuple[re.Pattern[str], Callable[[], str]], ...] = (
    (
        re.compile(r"^plural form (?P<index>\d+): (?P<rest>.+)$"),
        lambda: _("plural form {index}: {rest}"),
    ),
    (
        re.compile(r"^placeholders differ from the English text: (?P<detail>.+)$"),
        lambda: _("the placeholders differ from the English text ({detail})"),
    ),
    (
        re.compile(r"^the translation adds markup the English text does not have: (?P<tag>.+)$"),
        lambda: _("the translation adds markup the English text does not have: {tag}"),
    ),
    (
        re.compile(r"^has (?P<found>\d+) plural forms, the language needs (?P<needed>\d+)$"),
        lambda: _("it has {found} plural forms; the language needs {needed}"),
    ),
    (re.compile(r"^a plural form is empty$"), lambda: _("a plural form is empty")),
    (
        re.compile(r"^%-placeholders differ from the English text$"),
        lambda: _("the %-placeholders differ from the English text"),
    ),
    (
        re.compile(r"^the translation adds placeholders$"),
        lambda: _("the translation adds placeholders"),
    ),
    (
        re.compile(r"^plural entry unusable: .+$"),
        lambda: _("a plural entry cannot be used: the catalog has no valid Plural-Forms header"),
    ),
    (
        re.compile(r"^bad Plural-Forms header \((?P<detail>.*)\)$"),
        lambda: _("the Plural-Forms header is wrong ({detail})"),
    ),
    (re.compile(r"^syntax error: (?P<detail>.+)$"), lambda: _("syntax error: {detail}")),
    (re.compile(r"^cannot be read \((?P<detail>.*)\)$"), lambda: _("cannot be read ({detail})")),
    (
        re.compile(r"^braces do not parse \((?P<detail>.*)\)$"),
        lambda: _("the curly brackets do not pair up ({detail})"),
    ),
    (
        re.compile(r"^placeholder (?P<field>\{.*\}) (?P<what>.+)$"),
        lambda: _("the placeholder {field} is not allowed here"),
    ),
    (
        re.compile(r"^missing (?P<names>.+)$"),
        lambda: pgettext("placeholders", "missing {names}"),
    ),
    (
        re.compile(r"^unknown (?P<names>.+)$"),
        lambda: pgettext("placeholders", "unknown {names}"),
    ),
)


def translated_reason(reason: str) -> str:
    """``reason`` (English, from the catalog loader) in the active language; parts that are
    reasons themselves ("plural form 1: …", "missing {a}; unknown {b}") are translated too."""
    for pattern, template in _REASONS:
        match = pattern.match(reason)
        if match is None:
            continue
        values = dict(match.groupdict())
        for key in ("rest", "detail"):
            if key in values:
                values[key] = "; ".join(translated_reason(p) for p in values[key].split("; "))
        return safe_format(template(), pattern.pattern, **values)
    return reason


class RejectedTranslationsDialog(QDialog):
    """A table of the entries that were not used: file, line, English text, what is wrong."""

    def __init__(self, problems: Sequence[i18n.CatalogProblem], parent: QWidget | None = None):
        super().__init__(parent)
        self.problems = list(problems)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(self.problems), 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Translations that were not used"))
        count = len(self.problems)
        self.summary.setText(
            ngettext(
                "{n} entry was not used: the app shows the English text (or the built-in "
                "translation) instead. Fix it in the file, save, and reload the translations.",
                "{n} entries were not used: the app shows the English text (or the built-in "
                "translation) instead. Fix them in the files, save, and reload the translations.",
                count,
            ).format(n=count)
        )
        self.table.setHorizontalHeaderLabels(
            [pgettext("translation problem", "File"), pgettext("translation problem", "Line"),
             pgettext("translation problem", "English text"),
             pgettext("translation problem", "What is wrong")]
        )  # fmt: skip
        for row, problem in enumerate(self.problems):
            cells = (
                problem.source,
                str(problem.line) if problem.line else "",
                problem.msgid[:120],
                translated_reason(problem.reason),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(pgettext("button", "Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
