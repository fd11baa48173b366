"""The sort step: cards into groups by dragging, number keys or "Put here" buttons.

The card list (``_CardList``) is the sort step's own helper and lives beside it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _
from budget_tutor.lessons import checking
from budget_tutor.lessons.model import (
    Lesson,
    SortStep,
)
from budget_tutor.lessons.sanitize import to_html
from budget_tutor.ui.lesson_steps.step_widget import (
    StepWidget,
    Translate,
    plain_label,
    rich_label,
)

CARD_ROLE = Qt.ItemDataRole.UserRole + 1


#: The smallest picture on a sort card (issue 12: families who read little sort by the picture).
CARD_PICTURE_MIN = 96


class _CardList(QListWidget):
    """Picture cards (the picture, the text beneath it, wrapped) that flow in rows, accept drops
    from the other lists and number keys. The list is as tall as its cards need, so that no card
    hides behind a scroll bar (the lesson page scrolls down instead)."""

    number_pressed = Signal(object, int)  # (this list, group number 1..9)
    dropped = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        # Static: cards do not float around inside a basket; set before the drag and drop mode,
        # because Qt turns dragging off for a static icon view.
        self.setMovement(QListWidget.Movement.Static)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Long card texts wrap under the picture instead of hiding behind a scroll bar.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(4)
        self.set_card_size(QSize(CARD_PICTURE_MIN, CARD_PICTURE_MIN), QSize(140, 180))
        model = self.model()
        model.rowsInserted.connect(self._fit_height)
        model.rowsRemoved.connect(self._fit_height)

    def set_card_size(self, picture: QSize, cell: QSize) -> None:
        """The picture's size and the cell each card takes (picture and wrapped text)."""
        self.setIconSize(picture)
        self.setGridSize(cell)
        self._fit_height()

    def _fit_height(self, *_args: object) -> None:
        cell = self.gridSize()
        frame = 2 * self.frameWidth() + 2 * self.spacing() + 4
        per_row = max(1, (self.width() - frame) // max(1, cell.width()))
        rows = max(1, -(-self.count() // per_row))
        self.setMinimumHeight(rows * cell.height() + frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

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
        # The baskets flow into as many columns as the width holds (two rows on a 1024-pixel
        # projector in presentation mode), so no basket is ever beyond the right edge.
        self.baskets = QGridLayout()
        self.pool_box, self.pool_title, pool_layout = self.titled_box()
        self.pool = _CardList(self.pool_box)
        pool_layout.addWidget(self.pool)
        self.group_boxes: list[QGroupBox] = []
        self.group_titles: list[QLabel] = []
        self.group_lists: list[_CardList] = []
        self.group_buttons: list[QPushButton] = []
        for i, _group in enumerate(step.groups):
            box, title, inner = self.titled_box()
            lst = _CardList(box)
            button = QPushButton(box)
            button.clicked.connect(lambda _c=False, n=i + 1: self.move_selected_to(n))
            inner.addWidget(lst)
            inner.addWidget(button)
            self.group_boxes.append(box)
            self.group_titles.append(title)
            self.group_lists.append(lst)
            self.group_buttons.append(button)
        self.columns = 0
        self.layout_.addLayout(self.baskets)
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
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            if card.picture is not None:
                from budget_tutor.ui.lesson_steps.step_widget import picture_icon

                # checked bytes, never the file itself; drawn large so presentation mode is sharp
                item.setIcon(picture_icon(card.picture, 2 * CARD_PICTURE_MIN))
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
        self.pool_title.setText(_("Cards to sort"))
        self.pool_box.setAccessibleName(self.pool_title.text())
        for i, (group, box, title, button) in enumerate(
            zip(
                self.sort.groups,
                self.group_boxes,
                self.group_titles,
                self.group_buttons,
                strict=True,
            )
        ):
            label = self.t(group.label)
            title.setText(f"{i + 1}. {label}")
            box.setAccessibleName(title.text())
            button.setText(_("Put here ({number})").format(number=i + 1))
            button.setAccessibleName(_("Put the chosen card in {group}").format(group=label))
        self.check_button.setText(_("Check (Enter)"))
        self._paint()
        self._size_cards()
        self.columns = 0
        self._reflow()

    def card_picture_size(self) -> int:
        """The cards' picture: at least 96 px, larger with the font (presentation mode)."""
        return max(CARD_PICTURE_MIN, 6 * self.fontMetrics().height())

    def _size_cards(self) -> None:
        """One cell size for every card of the step: the picture and the longest text wrapped
        under it (with its ✓/✗ mark), so cards line up in rows and no text is cut."""
        picture = self.card_picture_size()
        metrics = self.fontMetrics()
        width = max(picture + 16, metrics.averageCharWidth() * 16)
        text_height = metrics.height()
        for card in self.sort.cards:
            rect = metrics.boundingRect(
                QRect(0, 0, width - 12, 10_000),
                int(Qt.TextFlag.TextWordWrap),
                f"✓ {self.t(card.text)}",
            )
            text_height = max(text_height, rect.height())
        cell = QSize(width, picture + text_height + 16)
        for lst in self.all_lists():
            lst.set_card_size(QSize(picture, picture), cell)

    def baskets_in_order(self) -> list[QGroupBox]:
        return [self.pool_box, *self.group_boxes]

    def _reflow(self) -> None:
        """The cards to sort across the whole width on top (picture cards flow in rows there),
        the groups below in as many columns as fit the width (at least one)."""
        boxes = self.group_boxes
        comfortable = max(
            [box.minimumSizeHint().width() for box in boxes]
            + [self.fontMetrics().averageCharWidth() * 18, self.pool.gridSize().width() + 40]
        )
        spacing = max(self.baskets.spacing(), 0)
        margins = self.layout_.contentsMargins()
        available = self.width() - margins.left() - margins.right()
        columns = max(1, min(len(boxes), (available + spacing) // (comfortable + spacing)))
        if columns == self.columns:
            return
        self.columns = columns
        for box in self.baskets_in_order():
            self.baskets.removeWidget(box)
        self.baskets.addWidget(self.pool_box, 0, 0, 1, columns)
        for index, box in enumerate(boxes):
            self.baskets.addWidget(box, 1 + index // columns, index % columns)
        for column in range(len(boxes) + 1):
            self.baskets.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_cards()
            self.columns = 0
            self._reflow()
