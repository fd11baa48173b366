"""The common part of every lesson step widget: title, retranslation, the answered
signal, and the label and picture helpers the step types share.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.lessons.model import (
    Lesson,
    Step,
)

Translate = Callable[[str], str]
RIGHT_COLOUR = "#2e7d32"
WRONG_COLOUR = "#c62828"


def picture_icon(path: Any, size: int = 64) -> QIcon:
    """A card's picture as an icon, drawn from checked bytes (an empty icon if refused)."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    from budget_tutor.lessons.sanitize import load_svg

    data, _problem = load_svg(Path(path))
    if data is None:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(data))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return QIcon(pixmap)


def rich_label(parent: QWidget) -> QLabel:
    """A label for sanitised lesson HTML: no links are followed, nothing is loaded."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class RefusedPictureNote(QLabel):
    """Shown instead of a picture that failed the check: the lesson goes on without it."""

    def __init__(self, problem: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("color: #555555; border: 1px dashed #999999; padding: 6px;")
        self.setFixedWidth(self.WIDTH)
        self.retranslate_ui()

    #: Wide enough for the reason on two or three lines at 1024 px; the height follows the text.
    WIDTH = 460

    def retranslate_ui(self) -> None:
        from budget_tutor.i18n import _

        self.setText(_("Picture not shown: {reason}").format(reason=self.problem.message()))
        self.setFixedHeight(self.heightForWidth(self.WIDTH))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.FontChange:  # presentation mode: bigger text, taller note
            self.setFixedHeight(self.heightForWidth(self.WIDTH))
        super().changeEvent(event)


def picture_widget(path: Any, parent: QWidget, height: int = 180) -> QWidget | None:
    """The picture, drawn from bytes that passed :func:`budget_tutor.lessons.sanitize.load_svg`
    (read once, checked, then given to Qt: Qt never opens the file itself); a
    :class:`RefusedPictureNote` saying why when the check fails."""
    from PySide6.QtCore import QByteArray

    from budget_tutor.lessons.sanitize import load_svg

    if path is None:
        return None
    data, problem = load_svg(Path(path))
    if data is None:
        return RefusedPictureNote(problem, parent)
    widget = QSvgWidget(parent)
    widget.load(QByteArray(data))
    size = widget.renderer().defaultSize()
    if size.isValid() and size.height() > 0:
        width = max(1, size.width() * height // size.height())
        widget.setFixedSize(QSize(min(width, 3 * height), height))
    else:
        widget.setFixedSize(QSize(height, height))
    return widget


class StepWidget(QWidget):
    """The common part: the step's title, retranslation and the answered signal."""

    #: (answer, score) after the learner checked an exercise (score None: not scored).
    answered = Signal(object, object)
    #: An answer chosen but not checked yet (kept so that leaving the step does not lose it).
    answer_drafted = Signal(object)

    def __init__(
        self, step: Step, lesson: Lesson, translate: Translate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.step = step
        self.lesson = lesson
        self.t = translate
        self.checked = False
        self.last_answer: dict[str, Any] | None = None
        self.last_score: Decimal | None = None
        self.layout_ = QVBoxLayout(self)
        self.title_label = plain_label(self)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title_label.setFont(font)
        self.layout_.addWidget(self.title_label)

    @property
    def interactive(self) -> bool:
        return self.step.interactive

    def check(self) -> bool:
        """Check the answer (Enter); False when there is nothing to check or it is not valid."""
        return False

    def restore(self, answer: dict[str, Any] | None) -> None:
        """Show an answer recorded earlier (resume)."""

    def titled_box(self) -> tuple[QGroupBox, QLabel, QVBoxLayout]:
        """A framed group whose title is a word-wrapped bold label inside it (a group box's own
        title never wraps, so a long question would be cut at the frame)."""
        box = QGroupBox(self)
        layout = QVBoxLayout(box)
        title = plain_label(box)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        return box, title, layout

    def _add_check_row(self) -> QPushButton:
        """The exercise's check button and the result line under it, at the end of the step."""
        button = QPushButton(self)
        button.clicked.connect(self.check)
        self.result_label = plain_label(self)
        self.layout_.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.result_label)
        self.layout_.addStretch(1)
        return button

    def _emit(self, answer: dict[str, Any], score: Decimal | None) -> None:
        self.checked = True
        self.last_answer = answer
        self.last_score = score
        self.answered.emit(answer, score)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.t(self.step.title))
        self.title_label.setVisible(bool(self.step.title))
