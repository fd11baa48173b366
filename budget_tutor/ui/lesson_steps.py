"""One widget per lesson step type. Each shows its step and, for exercises, checks the answer
with the core (:mod:`budget_tutor.lessons.checking`) and emits :attr:`StepWidget.answered`.

Every text goes through the library (the pack's catalog, then ``lesson_text``) and, for rich
text, through :func:`budget_tutor.lessons.sanitize.to_html`; plain labels are set as plain text.
Every exercise works with the mouse and with the keyboard alone.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _
from budget_tutor.lessons import checking
from budget_tutor.lessons.model import (
    AssessmentItem,
    AssessmentStep,
    CalculationStep,
    DiscussionStep,
    KeyMessageStep,
    Lesson,
    PlannerTaskStep,
    QuizOption,
    QuizStep,
    SeasonCalendarStep,
    SortStep,
    Step,
    StoryStep,
    SummaryStep,
)
from budget_tutor.lessons.sanitize import escape, to_html
from budget_tutor.ui.season_calendar import SeasonCalendar

Translate = Callable[[str], str]
_RIGHT = "#2e7d32"
_WRONG = "#c62828"


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


def picture_widget(path: Any, parent: QWidget, height: int = 180) -> QSvgWidget | None:
    """A validated SVG picture (the validator refused anything that links outside itself)."""
    if path is None:
        return None
    widget = QSvgWidget(str(path), parent)
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


# ------------------------------------------------------------------------------------------------
# text steps
# ------------------------------------------------------------------------------------------------


class TextStepWidget(StepWidget):
    """story, key_message, discussion and summary: text, and a picture or a take-home list."""

    def __init__(
        self, step: Step, lesson: Lesson, translate: Translate, parent: QWidget | None = None
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.kind_label = plain_label(self)
        self.text_label = rich_label(self)
        picture = getattr(step, "picture", None)
        self.picture = picture_widget(picture, self)
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
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        step = self.step
        self.text_label.setText(to_html(self.t(getattr(step, "text", ""))))
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
        items = step.take_home if isinstance(step, SummaryStep) else ()
        if items:
            rows = "".join(f"<li>{escape(self.t(item))}</li>" for item in items)
            heading = _("To do at home")
            self.take_home_label.setText(f"<p><b>{escape(heading)}</b></p><ul>{rows}</ul>")
        self.take_home_label.setVisible(bool(items))


# ------------------------------------------------------------------------------------------------
# quiz
# ------------------------------------------------------------------------------------------------


class _OptionsBox(QWidget):
    """Radio buttons (one right answer) or tick boxes (several) with a feedback line each."""

    def __init__(
        self, options: tuple[QuizOption, ...], multiple: bool, translate: Translate, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.t = translate
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not multiple)
        self.buttons: list[QAbstractButton] = []
        self.feedback_labels: list[QLabel] = []
        for i, _option in enumerate(options):
            button: QAbstractButton = QCheckBox(self) if multiple else QRadioButton(self)
            self.group.addButton(button, i)
            self.buttons.append(button)
            feedback = plain_label(self)
            feedback.setVisible(False)
            feedback.setContentsMargins(24, 0, 0, 4)
            layout.addWidget(button)
            layout.addWidget(feedback)
            self.feedback_labels.append(feedback)

    def chosen(self) -> list[int]:
        return [i for i, b in enumerate(self.buttons) if b.isChecked()]

    def set_chosen(self, chosen: list[int]) -> None:
        for i, button in enumerate(self.buttons):
            button.setChecked(i in chosen)

    def show_result(self, result: checking.QuizResult) -> None:
        shown = {i for i, _ok, _f in result.feedback}
        for i, label in enumerate(self.feedback_labels):
            option = self.options[i]
            if i in shown:
                mark = _("Right.") if option.correct else _("Not right.")
                text = mark + (" " + self.t(option.feedback) if option.feedback else "")
                label.setStyleSheet(f"color: {_RIGHT if option.correct else _WRONG};")
                label.setText(text)
                label.setVisible(True)
            else:
                label.setVisible(False)

    def retranslate(self) -> None:
        for option, button in zip(self.options, self.buttons, strict=True):
            button.setText(self.t(option.text))


class QuizWidget(StepWidget):
    def __init__(
        self, step: QuizStep, lesson: Lesson, translate: Translate, parent: QWidget | None = None
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.quiz = step
        self.picture = picture_widget(step.picture, self, 140)
        if self.picture is not None:
            self.layout_.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.question_label = rich_label(self)
        self.hint_label = plain_label(self)
        self.options_box = _OptionsBox(step.options, step.multiple, translate, self)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check)
        self.result_label = plain_label(self)
        for w in (self.question_label, self.hint_label, self.options_box):
            self.layout_.addWidget(w)
        self.layout_.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.result_label)
        self.layout_.addStretch(1)
        self.result: checking.QuizResult | None = None
        self.retranslate_ui()

    def check(self) -> bool:
        chosen = self.options_box.chosen()
        if not chosen:
            self.result_label.setText(_("Choose an answer first."))
            return False
        self.result = checking.check_quiz(self.quiz, chosen)
        self.options_box.show_result(self.result)
        self._show_result()
        self._emit({"chosen": chosen}, self.result.score)
        return True

    def _show_result(self) -> None:
        if self.result is None:
            self.result_label.setText("")
        elif self.result.correct:
            self.result_label.setText(_("Well done: that is right."))
        else:
            self.result_label.setText(_("Not quite. Read the notes and try again."))

    def restore(self, answer: dict[str, Any] | None) -> None:
        chosen = answer.get("chosen") if answer else None
        if isinstance(chosen, list):
            self.options_box.set_chosen([c for c in chosen if isinstance(c, int)])
            if self.options_box.chosen():
                self.result = checking.check_quiz(self.quiz, self.options_box.chosen())
                self.options_box.show_result(self.result)
                self._show_result()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.question_label.setText(to_html(self.t(self.quiz.question)))
        self.hint_label.setText(
            _("Tick every right answer.") if self.quiz.multiple else _("Choose one answer.")
        )
        self.options_box.retranslate()
        if self.result is not None:
            self.options_box.show_result(self.result)
        self.check_button.setText(_("Check (Enter)"))
        self._show_result()


# ------------------------------------------------------------------------------------------------
# sort
# ------------------------------------------------------------------------------------------------

CARD_ROLE = Qt.ItemDataRole.UserRole + 1


class _CardList(QListWidget):
    """A list of cards that accepts drops from the other lists and number keys."""

    number_pressed = Signal(object, int)  # (this list, group number 1..9)
    dropped = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(200)
        # Long card texts wrap inside the column instead of hiding behind a scroll bar.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if (
            text.isdigit()
            and text != "0"
            and event.modifiers()
            in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
        ):
            self.number_pressed.emit(self, int(text))
            event.accept()
            return
        super().keyPressEvent(event)

    def dropEvent(self, event: Any) -> None:
        super().dropEvent(event)
        self.dropped.emit()


class SortWidget(StepWidget):
    """Cards start in "Cards to sort"; drag each to a group, or select it and press the group's
    number (1, 2, …) or click the group's "Put here" button."""

    def __init__(
        self, step: SortStep, lesson: Lesson, translate: Translate, parent: QWidget | None = None
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.sort = step
        self.prompt_label = rich_label(self)
        self.hint_label = plain_label(self)
        self.layout_.addWidget(self.prompt_label)
        self.layout_.addWidget(self.hint_label)
        row = QHBoxLayout()
        self.pool_box = QGroupBox(self)
        self.pool = _CardList(self.pool_box)
        QVBoxLayout(self.pool_box).addWidget(self.pool)
        row.addWidget(self.pool_box)
        self.group_boxes: list[QGroupBox] = []
        self.group_lists: list[_CardList] = []
        self.group_buttons: list[QPushButton] = []
        for i, _group in enumerate(step.groups):
            box = QGroupBox(self)
            lst = _CardList(box)
            button = QPushButton(box)
            button.clicked.connect(lambda _c=False, n=i + 1: self.move_selected_to(n))
            inner = QVBoxLayout(box)
            inner.addWidget(lst)
            inner.addWidget(button)
            row.addWidget(box)
            self.group_boxes.append(box)
            self.group_lists.append(lst)
            self.group_buttons.append(button)
        self.layout_.addLayout(row)
        self._active_list: _CardList | None = None
        for lst in self.all_lists():
            lst.number_pressed.connect(self._number_pressed)
            lst.dropped.connect(self._changed)
            lst.itemPressed.connect(lambda _item, lst=lst: self._activate(lst))
            lst.currentItemChanged.connect(
                lambda cur, _prev, lst=lst: (
                    self._activate(lst) if cur is not None and lst.hasFocus() else None
                )
            )
        for index, card in enumerate(step.cards):
            item = QListWidgetItem()
            item.setData(CARD_ROLE, index)
            if card.picture is not None:
                from PySide6.QtGui import QIcon

                item.setIcon(QIcon(str(card.picture)))
            self.pool.addItem(item)
        self.pool.setCurrentRow(0)
        self.check_button = self._add_check_row()
        self.result: checking.SortResult | None = None
        self.retranslate_ui()

    def all_lists(self) -> list[_CardList]:
        return [self.pool, *self.group_lists]

    def placement(self) -> dict[int, str]:
        out = {}
        for group, lst in zip(self.sort.groups, self.group_lists, strict=True):
            for row in range(lst.count()):
                out[int(lst.item(row).data(CARD_ROLE))] = group.id
        return out

    def _find(self, card_index: int) -> tuple[_CardList, int] | None:
        for lst in self.all_lists():
            for row in range(lst.count()):
                if lst.item(row).data(CARD_ROLE) == card_index:
                    return lst, row
        return None

    def move_card(self, card_index: int, group_number: int) -> None:
        """Put a card in group ``group_number`` (1-based); 0 puts it back among the cards."""
        found = self._find(card_index)
        if found is None or not 0 <= group_number <= len(self.group_lists):
            return
        source, row = found
        target = self.pool if group_number == 0 else self.group_lists[group_number - 1]
        if source is target:
            return
        item = source.takeItem(row)
        target.addItem(item)
        self._active_list = source if source.count() else target
        if source.count():
            source.setCurrentRow(min(row, source.count() - 1))
        self._changed()

    def move_selected_to(self, group_number: int) -> None:
        """Move the card chosen last (in any list) to a group; else the first card to sort."""
        lst = self._active_list
        item = lst.currentItem() if lst is not None else None
        if item is None and self.pool.count():
            item = self.pool.currentItem() or self.pool.item(0)
        if item is not None:
            self.move_card(int(item.data(CARD_ROLE)), group_number)

    def _activate(self, lst: _CardList) -> None:
        self._active_list = lst

    def _number_pressed(self, lst: _CardList, number: int) -> None:
        item = lst.currentItem()
        if item is None or number > len(self.group_lists):
            return
        self.move_card(int(item.data(CARD_ROLE)), number)
        lst.setFocus()

    def _changed(self) -> None:
        self.result = None
        self._paint()

    def check(self) -> bool:
        placement = self.placement()
        self.result = checking.check_sort(self.sort, placement)
        self._paint()
        answer = {"placement": {str(k): v for k, v in sorted(placement.items())}}
        self._emit(answer, self.result.score)
        return True

    def restore(self, answer: dict[str, Any] | None) -> None:
        placement = answer.get("placement") if answer else None
        if not isinstance(placement, dict):
            return
        ids = [g.id for g in self.sort.groups]
        for key, group_id in placement.items():
            if str(key).isdigit() and group_id in ids:
                self.move_card(int(key), ids.index(group_id) + 1)
        self.result = checking.check_sort(self.sort, self.placement())
        self._paint()

    def _paint(self) -> None:
        for lst in self.all_lists():
            for row in range(lst.count()):
                item = lst.item(row)
                index = int(item.data(CARD_ROLE))
                text = self.t(self.sort.cards[index].text)
                if self.result is not None and lst is not self.pool:
                    right = self.result.per_card[index]
                    mark = "✓" if right else "✗"
                    item.setText(f"{mark} {text}")
                    item.setForeground(Qt.GlobalColor.darkGreen if right else Qt.GlobalColor.red)
                    verdict = _("right") if right else _("not right")
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text}: {verdict}")
                else:
                    item.setText(text)
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        if self.result is None:
            self.result_label.setText("")
        elif self.result.correct:
            self.result_label.setText(_("Well done: every card is in the right group."))
        else:
            wrong = sum(1 for ok in self.result.per_card if not ok)
            self.result_label.setText(
                i18n.ngettext(
                    "{count} card is not in the right group yet.",
                    "{count} cards are not in the right group yet.",
                    wrong,
                ).format(count=wrong)
            )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.prompt_label.setText(to_html(self.t(self.sort.prompt)))
        self.hint_label.setText(
            _("Drag each card into a group, or choose a card and press the group's number.")
        )
        self.pool_box.setTitle(_("Cards to sort"))
        for i, (group, box, button) in enumerate(
            zip(self.sort.groups, self.group_boxes, self.group_buttons, strict=True)
        ):
            label = self.t(group.label)
            box.setTitle(f"{i + 1}. {label}")
            button.setText(_("Put here ({number})").format(number=i + 1))
            button.setAccessibleName(_("Put the chosen card in {group}").format(group=label))
        self.check_button.setText(_("Check (Enter)"))
        self._paint()


# ------------------------------------------------------------------------------------------------
# calculation
# ------------------------------------------------------------------------------------------------


def unit_name(unit: str) -> str:
    names = {
        "TJS": i18n.pgettext("currency name", "somoni"),
        "RUB": i18n.pgettext("currency name", "roubles"),
        "USD": i18n.pgettext("currency name", "dollars"),
        "months": _("months"),
        "percent": "%",
    }
    return names.get(unit, unit)


class CalculationWidget(StepWidget):
    def __init__(
        self,
        step: CalculationStep,
        lesson: Lesson,
        translate: Translate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.calc = step
        self.prompt_label = rich_label(self)
        self.layout_.addWidget(self.prompt_label)
        row = QHBoxLayout()
        self.answer_edit = QLineEdit(self)
        self.answer_edit.returnPressed.connect(self.check)
        self.answer_edit.textEdited.connect(lambda _t: self.error_label.setVisible(False))
        self.unit_label = plain_label(self)
        row.addWidget(self.answer_edit, 1)
        row.addWidget(self.unit_label)
        self.layout_.addLayout(row)
        self.error_label = plain_label(self)
        self.error_label.setStyleSheet(f"color: {_WRONG};")
        self.error_label.setVisible(False)
        self.layout_.addWidget(self.error_label)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check)
        self.layout_.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result_label = plain_label(self)
        self.layout_.addWidget(self.result_label)
        self.solution_button = QPushButton(self)
        self.solution_button.setCheckable(True)
        self.solution_button.toggled.connect(self._toggle_solution)
        self.layout_.addWidget(self.solution_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.solution_label = rich_label(self)
        self.solution_label.setVisible(False)
        self.layout_.addWidget(self.solution_label)
        self.layout_.addStretch(1)
        self.result: checking.CalculationResult | None = None
        self.error: Exception | None = None
        self.retranslate_ui()

    def check(self) -> bool:
        text = self.answer_edit.text()
        try:
            self.result = checking.check_calculation(self.calc, text, i18n.babel_locale())
        except (checking.AnswerError, checking.AmountError) as exc:
            self.error = exc
            self.result = None
            self._show()
            return False
        self.error = None
        self._show()
        self._emit({"typed": text, "value": str(self.result.value)}, self.result.score)
        return True

    def restore(self, answer: dict[str, Any] | None) -> None:
        typed = answer.get("typed") if answer else None
        if isinstance(typed, str):
            self.answer_edit.setText(typed)
            try:
                self.result = checking.check_calculation(self.calc, typed, i18n.babel_locale())
            except (checking.AnswerError, checking.AmountError):
                self.result = None
            self._show()

    def _toggle_solution(self, on: bool) -> None:
        self.solution_label.setVisible(on)
        self.solution_button.setText(_("Hide the solution") if on else _("Show the solution"))

    def _show(self) -> None:
        if self.error is not None:
            self.error_label.setText(checking.calculation_error(self.error))
            self.error_label.setVisible(True)
            self.answer_edit.setAccessibleDescription(self.error_label.text())
        else:
            self.error_label.setVisible(False)
            self.answer_edit.setAccessibleDescription("")
        if self.result is None:
            self.result_label.setText("")
        elif self.result.correct:
            self.result_label.setText(
                _("Right! The answer is {answer} {unit}.").format(
                    answer=self._number(self.result.expected), unit=unit_name(self.calc.unit)
                )
            )
            self.result_label.setStyleSheet(f"color: {_RIGHT};")
        else:
            self.result_label.setText(_("Not quite. Look at the solution and try again."))
            self.result_label.setStyleSheet(f"color: {_WRONG};")
            if not self.solution_button.isChecked():
                self.solution_button.setChecked(True)

    def _number(self, value: Decimal) -> str:
        from babel.numbers import format_decimal

        pattern = "#,##0.##" if self.calc.money else "#,##0.#"
        return format_decimal(value, format=pattern, locale=i18n.babel_locale())

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.prompt_label.setText(to_html(self.t(self.calc.prompt)))
        self.unit_label.setText(unit_name(self.calc.unit))
        self.answer_edit.setAccessibleName(
            _("Your answer in {unit}").format(unit=unit_name(self.calc.unit))
        )
        self.answer_edit.setPlaceholderText(_("Type your answer"))
        self.check_button.setText(_("Check (Enter)"))
        self.solution_label.setText(to_html(self.t(self.calc.solution)))
        self._toggle_solution(self.solution_button.isChecked())
        self._show()


# ------------------------------------------------------------------------------------------------
# season calendar
# ------------------------------------------------------------------------------------------------


class CalendarWidget(StepWidget):
    """A row of twelve month toggles for each token."""

    def __init__(
        self,
        step: SeasonCalendarStep,
        lesson: Lesson,
        translate: Translate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.calendar_step = step
        self.prompt_label = rich_label(self)
        self.layout_.addWidget(self.prompt_label)
        grid = QGridLayout()
        self.token_labels: list[QLabel] = []
        self.calendars: list[SeasonCalendar] = []
        self.token_results: list[QLabel] = []
        for row, _token in enumerate(step.tokens):
            label = plain_label(self)
            calendar = SeasonCalendar(self)
            calendar.months_changed.connect(self._changed)
            result = plain_label(self)
            grid.addWidget(label, row * 2, 0)
            grid.addWidget(calendar, row * 2, 1)
            grid.addWidget(result, row * 2 + 1, 1)
            self.token_labels.append(label)
            self.calendars.append(calendar)
            self.token_results.append(result)
        self.layout_.addLayout(grid)
        self.check_button = self._add_check_row()
        self.result: checking.CalendarResult | None = None
        self.retranslate_ui()

    def placed(self) -> dict[str, list[int]]:
        return {
            token.id: list(cal.months())
            for token, cal in zip(self.calendar_step.tokens, self.calendars, strict=True)
        }

    def _changed(self, _months: object) -> None:
        self.result = None
        self._show()

    def check(self) -> bool:
        placed = self.placed()
        self.result = checking.check_calendar(self.calendar_step, placed)
        self._show()
        self._emit({"placed": placed}, self.result.score)
        return True

    def restore(self, answer: dict[str, Any] | None) -> None:
        placed = answer.get("placed") if answer else None
        if not isinstance(placed, dict):
            return
        for token, cal in zip(self.calendar_step.tokens, self.calendars, strict=True):
            months = placed.get(token.id)
            if isinstance(months, list):
                cal.set_months([m for m in months if isinstance(m, int) and 1 <= m <= 12])
        self.result = checking.check_calendar(self.calendar_step, self.placed())
        self._show()

    def _show(self) -> None:
        locale = i18n.babel_locale()
        from budget_tutor.model import month_name

        for i, label in enumerate(self.token_results):
            if self.result is None:
                label.setText("")
                continue
            token = self.result.tokens[i]
            if token.correct:
                label.setText(_("Right."))
                label.setStyleSheet(f"color: {_RIGHT};")
                continue
            parts = []
            if token.missing_months:
                names = ", ".join(month_name(m, locale) for m in token.missing_months)
                parts.append(_("Also: {months}.").format(months=names))
            if token.extra_months:
                names = ", ".join(month_name(m, locale) for m in token.extra_months)
                parts.append(_("Not in: {months}.").format(months=names))
            label.setText(" ".join(parts))
            label.setStyleSheet(f"color: {_WRONG};")
        if self.result is None:
            self.result_label.setText("")
        else:
            self.result_label.setText(
                _("Your calendar is {percent} % right.").format(
                    percent=int(self.result.score * 100)
                )
            )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.prompt_label.setText(to_html(self.t(self.calendar_step.prompt)))
        for token, label, cal in zip(
            self.calendar_step.tokens, self.token_labels, self.calendars, strict=True
        ):
            text = self.t(token.label)
            label.setText(text)
            cal.setAccessibleName(text)
        self.check_button.setText(_("Check (Enter)"))
        self._show()


# ------------------------------------------------------------------------------------------------
# planner task
# ------------------------------------------------------------------------------------------------


class PlannerTaskWidget(StepWidget):
    """A button that opens "My plan" at the step's section with the suggested line."""

    open_planner = Signal(str, dict)

    def __init__(
        self,
        step: PlannerTaskStep,
        lesson: Lesson,
        translate: Translate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.task = step
        #: The suggestion's amount in dirams for this family (set by the player from the plan).
        self.amount_minor: int | None = None
        self.text_label = rich_label(self)
        self.suggestion_label = plain_label(self)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_plan)
        self.done_label = plain_label(self)
        self.open_button.setMinimumHeight(44)
        for w in (self.text_label, self.suggestion_label, self.open_button, self.done_label):
            align = Qt.AlignmentFlag.AlignLeft if w is self.open_button else Qt.AlignmentFlag(0)
            self.layout_.addWidget(w, 0, align)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def suggestion(self) -> dict[str, Any]:
        """The suggestion for the planner, its name translated into the current language."""
        if self.task.suggestion is None:
            return {}
        data = self.task.suggestion.as_dict()
        data["name"] = self.t(self.task.suggestion.name)
        if self.amount_minor is not None:
            data["amount_minor"] = self.amount_minor
        return data

    def set_amount(self, minor: int | None) -> None:
        """Show (and pass on to the planner) the amount this family's plan gives the rule."""
        self.amount_minor = minor
        self.retranslate_ui()

    def open_plan(self) -> None:
        self.open_planner.emit(self.task.section, self.suggestion())
        self._emit({"opened": True}, None)
        self.done_label.setText(_("My plan is open. Come back here when you are done."))

    def check(self) -> bool:
        self.open_plan()
        return True

    def restore(self, answer: dict[str, Any] | None) -> None:
        if answer and answer.get("opened"):
            self.done_label.setText(_("You added this to your plan before."))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.text_label.setText(to_html(self.t(self.task.text)))
        s = self.task.suggestion
        if s is None:
            self.suggestion_label.setText("")
        elif s.amount_rule is not None and s.months is not None:
            rule = (
                _("{months} months of food")
                if s.amount_rule == "months_of_food"
                else _("{months} months of essential spending")
            ).format(months=s.months)
            if self.amount_minor is not None:
                from budget_tutor.money import format_money

                # Translators: e.g. "3 months of food (4 500 TJS)".
                rule = _("{rule} ({amount})").format(
                    rule=rule, amount=format_money(self.amount_minor, i18n.babel_locale())
                )
            self.suggestion_label.setText(
                _("Suggested: {name}, {amount}").format(name=self.t(s.name), amount=rule)
            )
        elif s.amount is not None:
            from budget_tutor.money import format_money, to_minor

            self.suggestion_label.setText(
                _("Suggested: {name}, {amount}").format(
                    name=self.t(s.name),
                    amount=format_money(to_minor(s.amount), i18n.babel_locale()),
                )
            )
        else:
            self.suggestion_label.setText(_("Suggested: {name}").format(name=self.t(s.name)))
        self.open_button.setText(_("Open my plan"))


# ------------------------------------------------------------------------------------------------
# assessment (pre-test and post-test)
# ------------------------------------------------------------------------------------------------


class AssessmentWidget(StepWidget):
    """Every item of the course's assessment bank; "Finish the test" scores them all."""

    def __init__(
        self,
        step: AssessmentStep,
        lesson: Lesson,
        translate: Translate,
        items: tuple[AssessmentItem, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.assessment = step
        self.items = items
        self.intro_label = rich_label(self)
        self.layout_.addWidget(self.intro_label)
        self.item_boxes: list[QGroupBox] = []
        self.option_boxes: list[_OptionsBox] = []
        for item in items:
            box = QGroupBox(self)
            options = _OptionsBox(item.options, item.multiple, translate, box)
            QVBoxLayout(box).addWidget(options)
            self.layout_.addWidget(box)
            self.item_boxes.append(box)
            self.option_boxes.append(options)
        self.finish_button = self._add_check_row()
        self.result: checking.AssessmentResult | None = None
        self.retranslate_ui()

    def answers(self) -> dict[str, list[int]]:
        return {
            item.id: box.chosen() for item, box in zip(self.items, self.option_boxes, strict=True)
        }

    def check(self) -> bool:
        if not self.items:
            return False
        answers = self.answers()
        self.result = checking.score_assessment(self.items, answers)
        self._show()
        self._emit({"phase": self.assessment.phase, "answers": answers}, self.result.score)
        return True

    def restore(self, answer: dict[str, Any] | None) -> None:
        answers = answer.get("answers") if answer else None
        if not isinstance(answers, dict):
            return
        for item, box in zip(self.items, self.option_boxes, strict=True):
            chosen = answers.get(item.id)
            if isinstance(chosen, list):
                box.set_chosen([c for c in chosen if isinstance(c, int)])
        self.result = checking.score_assessment(self.items, self.answers())
        self._show()

    def _show(self) -> None:
        if not self.items:
            self.result_label.setText(_("This course has no test questions."))
        elif self.result is None:
            self.result_label.setText("")
        else:
            self.result_label.setText(
                _("{right} of {total} answers right ({percent} %).").format(
                    right=self.result.right, total=self.result.total, percent=self.result.percent
                )
            )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        intro = (
            self.t(self.assessment.text)
            if self.assessment.text
            else (
                _(
                    "Before the course: what do you know already? There is no mark; answer as you think."
                )
                if self.assessment.phase == "pre"
                else _("After the course: the same questions again. See what you have learnt.")
            )
        )
        self.intro_label.setText(to_html(intro))
        for n, (item, box, options) in enumerate(
            zip(self.items, self.item_boxes, self.option_boxes, strict=True), start=1
        ):
            box.setTitle(f"{n}. {self.t(item.question)}")
            options.retranslate()
        self.finish_button.setText(_("Finish the test (Enter)"))
        self._show()


def make_step_widget(
    step: Step,
    lesson: Lesson,
    translate: Translate,
    assessment_items: tuple[AssessmentItem, ...] = (),
    parent: QWidget | None = None,
) -> StepWidget:
    """The widget for one step."""
    if isinstance(step, QuizStep):
        return QuizWidget(step, lesson, translate, parent)
    if isinstance(step, SortStep):
        return SortWidget(step, lesson, translate, parent)
    if isinstance(step, CalculationStep):
        return CalculationWidget(step, lesson, translate, parent)
    if isinstance(step, SeasonCalendarStep):
        return CalendarWidget(step, lesson, translate, parent)
    if isinstance(step, PlannerTaskStep):
        return PlannerTaskWidget(step, lesson, translate, parent)
    if isinstance(step, AssessmentStep):
        return AssessmentWidget(step, lesson, translate, assessment_items, parent)
    assert isinstance(step, (StoryStep, KeyMessageStep, DiscussionStep, SummaryStep))
    return TextStepWidget(step, lesson, translate, parent)
