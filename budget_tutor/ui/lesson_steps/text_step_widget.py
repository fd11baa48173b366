"""story, key_message, discussion and summary steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.lessons.model import (
    DiscussionStep,
    KeyMessageStep,
    Lesson,
    Step,
    SummaryStep,
)
from budget_tutor.lessons.sanitize import escape, to_html
from budget_tutor.text_pages import WORDS_PER_SCREEN, count_words, split_pages
from budget_tutor.ui.lesson_steps import step_widget as base
from budget_tutor.ui.lesson_steps.step_widget import (
    StepWidget,
    Translate,
    plain_label,
    rich_label,
)


class TextStepWidget(StepWidget):
    """story, key_message, discussion and summary: text, and a picture or a take-home list."""

    def __init__(
        self, step: Step, lesson: Lesson, translate: Translate, parent: QWidget | None = None
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.kind_label = plain_label(self)
        self.text_label = rich_label(self)
        picture = getattr(step, "picture", None)
        self.picture = base.picture_widget(picture, self)
        if isinstance(step, KeyMessageStep):
            self.text_label.setStyleSheet(
                "QLabel { font-size: 140%; font-weight: bold; padding: 12px;"
                " border-left: 6px solid #2e7d32; }"
            )
        self.layout_.addWidget(self.kind_label)
        if self.picture is not None:
            self.layout_.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.layout_.addWidget(self.text_label)
        self.take_home_label = rich_label(self)
        self.layout_.addWidget(self.take_home_label)
        # A text longer than one screen pages: "1 / 3" between big Back and Next buttons
        # (also the Left and Right arrow keys); shown only when there is more than one page.
        self.pages: list[tuple[str, tuple[str, ...]]] = [("", ())]
        self.page_index = 0
        self.page_row = QWidget(self)
        row = QHBoxLayout(self.page_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.page_back_button = QPushButton(self.page_row)
        self.page_next_button = QPushButton(self.page_row)
        self.page_label = plain_label(self.page_row)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.page_back_button, self.page_label, self.page_next_button):
            font = widget.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            font.setBold(widget is self.page_label)
            widget.setFont(font)
        for button in (self.page_back_button, self.page_next_button):
            button.setMinimumHeight(button.fontMetrics().height() * 2 + 8)
        self.page_back_button.clicked.connect(self.previous_page)
        self.page_next_button.clicked.connect(self.next_page)
        row.addWidget(self.page_back_button)
        row.addWidget(self.page_label, 1)
        row.addWidget(self.page_next_button)
        self.layout_.addWidget(self.page_row)
        self.page_shortcuts: list[QShortcut] = []
        for key, slot in (
            (Qt.Key.Key_Right, self.next_page),
            (Qt.Key.Key_Left, self.previous_page),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.page_shortcuts.append(shortcut)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def _make_pages(self, title: str, kind: str) -> list[tuple[str, tuple[str, ...]]]:
        """The translated text in pages of about :data:`WORDS_PER_SCREEN` words, counting the
        title and the kind shown above it; a take-home list goes on the last page when it
        fits there, else on pages of its own."""
        step = self.step
        budget = max(20, WORDS_PER_SCREEN - count_words(title) - count_words(kind))
        text = self.t(getattr(step, "text", ""))
        pages: list[tuple[str, tuple[str, ...]]] = [(p, ()) for p in split_pages(text, budget)]
        items = tuple(self.t(x) for x in step.take_home) if isinstance(step, SummaryStep) else ()
        if not items:
            return pages
        heading = count_words(_("To do at home"))
        last_text, _none = pages[-1]
        words = count_words(last_text) + heading + sum(count_words(x) for x in items)
        if words <= budget:
            pages[-1] = (last_text, items)
            return pages
        chunk: list[str] = []
        used = heading
        for item in items:
            size = count_words(item)
            if chunk and used + size > budget:
                pages.append(("", tuple(chunk)))
                chunk, used = [], heading
            chunk.append(item)
            used += size
        pages.append(("", tuple(chunk)))
        return pages

    def show_page(self, index: int) -> None:
        """Show page ``index`` (0-based) of the step's text."""
        self.page_index = max(0, min(index, len(self.pages) - 1))
        text, items = self.pages[self.page_index]
        self.text_label.setText(to_html(text))
        self.text_label.setVisible(bool(text))
        if items:
            rows = "".join(f"<li>{escape(item)}</li>" for item in items)
            heading = _("To do at home")
            self.take_home_label.setText(f"<p><b>{escape(heading)}</b></p><ul>{rows}</ul>")
        self.take_home_label.setVisible(bool(items))
        count = len(self.pages)
        self.page_row.setVisible(count > 1)
        # Translators: which page of a long text is shown, e.g. "1 / 3".
        self.page_label.setText(_("{page} / {pages}").format(page=self.page_index + 1, pages=count))
        self.page_label.setAccessibleName(
            _("Page {page} of {pages}").format(page=self.page_index + 1, pages=count)
        )
        self.page_back_button.setEnabled(self.page_index > 0)
        self.page_next_button.setEnabled(self.page_index < count - 1)

    def next_page(self) -> None:
        if self.page_index < len(self.pages) - 1:
            self.show_page(self.page_index + 1)

    def previous_page(self) -> None:
        if self.page_index > 0:
            self.show_page(self.page_index - 1)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        step = self.step
        kind = ""
        if isinstance(step, DiscussionStep):
            kind = _("Role play") if step.role_play else _("Discussion")
        elif isinstance(step, KeyMessageStep):
            kind = _("Remember")
        elif isinstance(step, SummaryStep):
            kind = _("What we learnt")
        self.kind_label.setText(kind)
        self.kind_label.setVisible(bool(kind))
        if self.picture is not None:
            self.picture.setAccessibleName(_("Picture"))
        self.page_back_button.setText(_("◀ Back"))
        self.page_back_button.setAccessibleName(_("Previous page"))
        self.page_next_button.setText(_("Next ▶"))
        self.page_next_button.setAccessibleName(_("Next page"))
        # the translation decides the length: a new language is paged again, from its start
        self.pages = self._make_pages(self.title_label.text() if step.title else "", kind)
        self.show_page(0)
