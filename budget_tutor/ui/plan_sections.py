"""The sections of My plan: tables of lines with Add/Edit/Remove, and the household and
exchange-rate forms. Every change goes through :meth:`AppSession.apply_edit` (saved at once,
undoable)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _, pgettext
from budget_tutor.lessons.model import Suggestion
from budget_tutor.lessons.planner_link import plan_task, suggested_amount
from budget_tutor.model import (
    ALL_MONTHS,
    EXPENSE_CATEGORY_NAMES,
    INCOME_KIND_NAMES,
    INVESTMENT_KIND_NAMES,
    LENDER_KIND_NAMES,
    SAVINGS_KIND_NAMES,
    Debt,
    Expense,
    Income,
    Investment,
    OneOffCost,
    Per,
    Plan,
    RateSettings,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
    month_label,
    month_name,
)
from budget_tutor.money import Currency, format_money
from budget_tutor.ui import icons, messages
from budget_tutor.ui.amount_edit import AmountEdit, DecimalEdit
from budget_tutor.ui.line_dialog import LineDialog
from budget_tutor.ui.season_calendar import MonthPicker
from budget_tutor.ui.session import AppSession

# -- cell texts --------------------------------------------------------------------------------


def _loc() -> str:
    return i18n.babel_locale()


#: The no-break space between an amount and its currency's name (not inside the number).
_CURRENCY_SPACE = re.compile(r"(?<=\d)\u00a0(?=[^\d\s])|(?<=[^\d\s])\u00a0(?=\d)")


def money(amount: int, currency: Currency = Currency.TJS) -> str:
    """An amount for a table cell: a narrow column may wrap between the number and the
    currency's name, never inside the number."""
    return _CURRENCY_SPACE.sub(" ", format_money(amount, _loc(), currency))


def percent(value: Decimal) -> str:
    # Translators: a percentage, e.g. "12,5 %". Keep {value}.
    return _("{value} %").format(value=format_decimal(value, locale=_loc()))


def month_runs(months: tuple[int, ...]) -> list[tuple[int, int]]:
    """Calendar months as runs of consecutive months (first, last), across the new year too:
    ``(1, 2, 3, 11, 12)`` → ``[(11, 3)]``; ``(4, 5, 9)`` → ``[(4, 5), (9, 9)]``."""
    chosen = sorted(set(months))
    if not chosen or len(chosen) == 12:
        return [(1, 12)] if chosen else []
    runs: list[list[int]] = []
    for m in chosen:
        if runs and runs[-1][1] == m - 1:
            runs[-1][1] = m
        else:
            runs.append([m, m])
    if len(runs) > 1 and runs[0][0] == 1 and runs[-1][1] == 12:
        first = runs.pop(0)
        runs[-1][1] = first[1]
        runs.insert(0, runs.pop())  # the run across the new year starts the year's list
    return [(a, b) for a, b in runs]


def months_text(months: tuple[int, ...]) -> str:
    """``all year``, or the months as short names, three or more in a row as a range
    ("Nov–Mar", "Apr–Nov, Jan")."""
    if tuple(sorted(months)) == ALL_MONTHS:
        return _("all year")
    if not months:
        return _("no months")
    parts = []
    for first, last in month_runs(months):
        length = (last - first) % 12 + 1
        if length >= 3:
            # Translators: a range of months, e.g. "Nov–Mar". Keep {first} and {last}.
            parts.append(
                _("{first}–{last}").format(
                    first=month_name(first, _loc(), short=True),
                    last=month_name(last, _loc(), short=True),
                )
            )
        else:
            parts.extend(
                month_name((first - 1 + i) % 12 + 1, _loc(), short=True) for i in range(length)
            )
    return ", ".join(parts)


def schedule_text(schedule: Schedule, currency: Currency = Currency.TJS) -> str:
    if schedule.by_month is not None:
        # Translators: a yearly total of an amount that differs month by month.
        return _("{amount} a year (varies by month)").format(
            amount=money(schedule.yearly_total(), currency)
        )
    if schedule.per is Per.YEAR:
        return _("{amount} a year").format(amount=money(schedule.amount, currency))
    return _("{amount} a month").format(amount=money(schedule.amount, currency))


Cell = tuple[str, QIcon | None]
Column = tuple[Callable[[], str], Callable[[Any, Plan], Cell]]


def _columns(section: str) -> list[Column]:
    name_col: dict[str, Callable[[Any, Plan], Cell]] = {
        "incomes": lambda x, p: (x.name, icons.income_icon(x.kind)),
        "expenses": lambda x, p: (x.name, icons.category_icon(x.category)),
        "one_offs": lambda x, p: (x.name, icons.category_icon(x.category)),
        "savings": lambda x, p: (x.name, icons.savings_icon(x.kind)),
        "goals": lambda x, p: (x.name, icons.icon("goal")),
        "debts": lambda x, p: (x.name, icons.icon("debt")),
        "investments": lambda x, p: (x.name, icons.investment_icon(x.kind)),
    }
    first: Column = (lambda: _("Name"), name_col[section])
    table: dict[str, list[Column]] = {
        "incomes": [
            (lambda: _("Kind"), lambda x, p: (_(INCOME_KIND_NAMES[x.kind]), None)),
            (lambda: _("Amount"), lambda x, p: (schedule_text(x.schedule, x.currency), None)),
            (lambda: _("Months"), lambda x, p: (months_text(x.schedule.active_months()), None)),
        ],
        "expenses": [
            (lambda: _("Category"), lambda x, p: (_(EXPENSE_CATEGORY_NAMES[x.category]), None)),
            (lambda: _("Amount"), lambda x, p: (schedule_text(x.schedule), None)),
            (lambda: _("Months"), lambda x, p: (months_text(x.schedule.active_months()), None)),
            (
                lambda: _("Need or want"),
                lambda x, p: (_("need") if x.essential else _("want"), None),
            ),
        ],
        "one_offs": [
            (lambda: _("Category"), lambda x, p: (_(EXPENSE_CATEGORY_NAMES[x.category]), None)),
            (lambda: _("Amount"), lambda x, p: (money(x.amount), None)),
            (lambda: _("Month"), lambda x, p: (month_label(x.month, _loc()), None)),
        ],
        "savings": [
            (lambda: _("Kind"), lambda x, p: (_(SAVINGS_KIND_NAMES[x.kind]), None)),
            (lambda: _("Saved now"), lambda x, p: (money(x.opening_balance), None)),
            (lambda: _("Interest a year"), lambda x, p: (percent(x.annual_rate), None)),
            (lambda: _("Put aside"), lambda x, p: (schedule_text(x.contribution), None)),
        ],
        "goals": [
            (lambda: _("Target"), lambda x, p: (money(x.target), None)),
            (lambda: _("Saved in"), lambda x, p: (_place_name(p, x.place_id), None)),
            (
                lambda: _("Wanted by"),
                lambda x, p: (month_label(x.target_month, _loc()) if x.target_month else "—", None),
            ),
        ],
        "debts": [
            (lambda: _("Lender"), lambda x, p: (_(LENDER_KIND_NAMES[x.lender]), None)),
            (lambda: _("Borrowed"), lambda x, p: (money(x.principal), None)),
            (lambda: _("Interest a year"), lambda x, p: (percent(x.annual_rate), None)),
            (lambda: _("Repayment"), lambda x, p: (_repayment(x), None)),
            (lambda: _("Starts"), lambda x, p: (month_label(x.start_month, _loc()), None)),
        ],
        "investments": [
            (lambda: _("Kind"), lambda x, p: (_(INVESTMENT_KIND_NAMES[x.kind]), None)),
            (lambda: _("Cost"), lambda x, p: (money(x.cost), None)),
            (lambda: _("Starts"), lambda x, p: (month_label(x.start_month, _loc()), None)),
            (lambda: _("Income"), lambda x, p: (schedule_text(x.income), None)),
        ],
    }
    return [first, *table[section]]


def _place_name(plan: Plan, place_id: str) -> str:
    place = plan.place(place_id)
    return place.name if place is not None else _("(no longer in the plan)")


def _repayment(debt: Debt) -> str:
    if debt.monthly_payment:
        return _("{amount} a month").format(amount=money(debt.monthly_payment))
    months = debt.term_months or 0
    return i18n.ngettext("in {n} month", "in {n} months", months).format(n=months)


def column_widths(natural: list[int], minimal: list[int], available: int) -> list[int]:
    """Widths for columns that want ``natural`` pixels and cannot go below ``minimal``: all
    natural when they fit in ``available``; else every column its minimum plus a share of the
    room left in proportion to how much more it wants (never above its natural width)."""
    minimal = [min(m, n) for m, n in zip(minimal, natural, strict=True)]
    if sum(natural) <= available:
        return list(natural)
    room = available - sum(minimal)
    if room < 0:
        # Not even the longest words fit (large presentation text): share the width in
        # proportion to the minimums rather than scroll sideways; a cut text ends in "…" and
        # its cell's tooltip has it whole.
        total_min = sum(minimal) or 1
        return [max(24, m * available // total_min) for m in minimal]
    if room == 0:
        return list(minimal)
    wants = [n - m for n, m in zip(natural, minimal, strict=True)]
    total = sum(wants) or 1
    return [m + w * room // total for m, w in zip(minimal, wants, strict=True)]


#: Columns a narrow table hides, first to last (the name's tooltip then says what they said):
#: the kind (its icon is beside the name), then what matters least for reading the plan.
DROPPABLE_COLUMNS: dict[str, tuple[int, ...]] = {
    "incomes": (1,),
    "expenses": (1, 4),
    "one_offs": (1,),
    "savings": (1, 3),
    "goals": (2,),
    "debts": (1, 5, 3),
    "investments": (1, 3),
}

LINE_TYPES = {
    "incomes": Income,
    "expenses": Expense,
    "one_offs": OneOffCost,
    "savings": SavingsPlace,
    "goals": SavingsGoal,
    "debts": Debt,
    "investments": Investment,
}


class LineSection(QWidget):
    """A table of the lines of one plan section, with Add, Edit and Remove."""

    def __init__(self, session: AppSession, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.section = section
        self.columns = _columns(section)
        self.dialog: LineDialog | None = None
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet("font-weight: bold;")
        self.title_label.setWordWrap(True)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Long column titles (Tajik, Russian) wrap onto two lines instead of being cut off.
        header.setDefaultAlignment(
            Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value)
        )
        self._fitted_width = -1
        self._refit_pending = False
        self._fitting = False
        self.table.viewport().installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(icons.icon("action-add"), "", self)
        self.edit_button = QPushButton(icons.icon("action-edit"), "", self)
        self.remove_button = QPushButton(icons.icon("action-remove"), "", self)
        self.add_button.clicked.connect(self.add_line)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        # Keyboard: Enter edits the selected line, Delete removes it, Insert adds one.
        for key, slot in (
            (QKeySequence(Qt.Key.Key_Return), self.edit_selected),
            (QKeySequence(Qt.Key.Key_Delete), self.remove_selected),
            (QKeySequence(Qt.Key.Key_Insert), self.add_line),
        ):
            action = QAction(self.table)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.table.addAction(action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        session.household_changed.connect(self._close_dialog)
        self.retranslate_ui()
        self.refresh()

    def _close_dialog(self, *_args: object) -> None:
        """A dialog opened for one household never saves into another."""
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.reject()
            dialog.deleteLater()

    def lines(self) -> tuple[Any, ...]:
        plan = self.session.plan
        return getattr(plan, self.section) if plan is not None else ()

    def refresh(self) -> None:
        plan = self.session.plan
        selected = self.selected_id()
        lines = self.lines() if plan is not None else ()
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for col, (_title, cell) in enumerate(self.columns):
                text, icon = cell(line, plan)  # type: ignore[arg-type]
                item = QTableWidgetItem(text)  # items are always plain text
                if icon is not None:
                    item.setIcon(icon)
                tip = text
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, line.id)
                if col == 0:
                    # What the columns a narrow table hides say, too.
                    hidden = [
                        self.columns[c][1](line, plan)[0]  # type: ignore[arg-type]
                        for c in DROPPABLE_COLUMNS[self.section]
                    ]
                    tip = "\n".join([text, *hidden])
                # Plain text stays plain (Qt shows it as it is); only a text that could be
                # taken for markup is converted, so a name like "<b>x</b>" shows literally.
                rich = QtGui.Qt.mightBeRichText(tip)  # type: ignore[attr-defined]
                item.setToolTip(messages.plain_tooltip(tip) if rich else tip)
                self.table.setItem(row, col, item)
            if line.id == selected:
                self.table.selectRow(row)
        self._fit_columns()
        self.empty_label.setVisible(not lines)
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Columns as wide as their texts when the table has room; otherwise each column keeps
        at least its longest unbreakable piece ("1 800,50 сомонӣ": the amount and its currency
        are joined by no-break spaces) and the rest of the room goes to the columns that need
        it most, whose texts wrap at their spaces. A text is never cut; every cell has its text
        as a tooltip."""
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit_columns_now()
        finally:
            self._fitting = False
            self._fitted_width = self.table.viewport().width()

    def _fit_columns_now(self) -> None:
        count = len(self.columns)
        metrics = self.table.fontMetrics()
        pad = 18  # the cell's margins and the grid line
        icon = self.table.iconSize().width()
        if icon <= 0:
            icon = self.table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        natural = [0] * count
        minimal = [0] * count
        for col in range(count):
            header = self.table.horizontalHeaderItem(col)
            words = header.text().split() if header is not None else []
            minimal[col] = max((metrics.horizontalAdvance(w) for w in words), default=0) + pad
            natural[col] = minimal[col]
            for row in range(self.table.rowCount()):
                item = self.table.item(row, col)
                if item is None:
                    continue
                extra = pad + (icon + 6 if not item.icon().isNull() else 0)
                text = item.text()
                natural[col] = max(natural[col], metrics.horizontalAdvance(text) + extra)
                longest = max((metrics.horizontalAdvance(w) for w in text.split(" ")), default=0)
                minimal[col] = max(minimal[col], longest + extra)
        available = max(200, self.table.viewport().width())
        # Too narrow for every column (a long language, a projector): the kind or category
        # column goes first (the name's icon shows it), then the least needed one; the name's
        # tooltip says what they said.
        shown = list(range(count))
        for col in DROPPABLE_COLUMNS[self.section]:
            if sum(minimal[c] for c in shown) <= available:
                break
            shown.remove(col)
        for col in range(count):
            self.table.setColumnHidden(col, col not in shown)
        widths = column_widths([natural[c] for c in shown], [minimal[c] for c in shown], available)
        for col, width in zip(shown, widths, strict=True):
            self.table.setColumnWidth(col, width)
        self.table.resizeRowsToContents()
        # The header does not grow for wrapped titles by itself: give it the tallest one.
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignCenter.value) | int(Qt.TextFlag.TextWordWrap.value)
        titles = [(col, self.table.horizontalHeaderItem(col)) for col in range(count)]
        tallest = max(
            metrics.boundingRect(
                QRect(0, 0, max(20, self.table.columnWidth(col) - 10), 400), flags, item.text()
            ).height()
            for col, item in titles
            if item is not None
        )
        header.setMinimumHeight(tallest + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()
        self._fit_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The table's own width changes without this section changing size (a scroll bar
        # comes or goes, a language switch while the section was hidden): fit again.
        if watched is self.table.viewport() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            # (Shown: rows sized while the table was hidden did not get their heights.)
            width = self.table.viewport().width()
            changed = width != self._fitted_width or event.type() == QEvent.Type.Show
            if changed and not self._refit_pending:
                self._refit_pending = True  # later: never inside the table's own layout
                QTimer.singleShot(0, self, self._refit)
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        self._refit_pending = False
        self._fit_columns()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_line(self, line_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == line_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        editable = self.session.plan is not None and not self.session.read_only
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(has and editable)
        self.remove_button.setEnabled(has and editable)

    def add_line(self) -> None:
        self._open_dialog(None)

    def add_suggested(self, suggestion: dict[str, Any]) -> None:
        """Open the dialog filled with the line a lesson's task names (the core builds it); when
        the plan already has that kind of line, the dialog offers to update it instead."""
        plan = self.session.plan
        if plan is None:
            return
        task_suggestion = Suggestion.from_dict(suggestion)
        amount = suggestion.get("amount_minor")
        if not isinstance(amount, int) or isinstance(amount, bool):
            amount = suggested_amount(task_suggestion, plan)
        name = task_suggestion.name or ""
        task = plan_task(
            plan,
            self.section,
            task_suggestion,
            name=name,
            amount=amount,
            place_name=_(SAVINGS_KIND_NAMES[SavingsKind.CASH]),
        )
        self._open_dialog(task.existing)
        if self.dialog is not None:
            self.dialog.load_task(task, name)

    def edit_selected(self) -> None:
        line_id = self.selected_id()
        plan = self.session.plan
        if line_id is None or plan is None:
            return
        self._open_dialog(plan.find(self.section, line_id))

    def _open_dialog(self, line: object | None) -> None:
        plan = self.session.plan
        if plan is None:
            return
        self._close_dialog()
        self.dialog = LineDialog(self.section, plan, line, self)
        self.dialog.household_id = self.session.household_id  # type: ignore[attr-defined]
        self.dialog.accepted.connect(self._dialog_accepted)
        self.dialog.open()

    def _dialog_accepted(self) -> None:
        dialog = self.dialog
        plan = self.session.plan
        if dialog is None or plan is None or dialog.result_line is None:
            return
        if getattr(dialog, "household_id", None) != self.session.household_id:
            return
        line = dialog.result_line
        adding = dialog.line is None
        description = (
            _("Add {name}").format(name=line.name)  # type: ignore[attr-defined]
            if adding
            else _("Change {name}").format(name=line.name)  # type: ignore[attr-defined]
        )
        place = dialog.new_place
        if place is not None and getattr(line, "place_id", None) == place.id:
            plan = plan.with_line("savings", place)  # the goal's new place, in the same edit
        if not self.session.apply_edit(plan.with_line(self.section, line), description):
            # Not saved (a full disk …; the session said why): the form comes back with what
            # was typed, so that OK saves it again once the problem is solved.
            dialog.open()
            return
        self.select_line(line.id)  # type: ignore[attr-defined]
        self.dialog = None
        dialog.deleteLater()

    def remove_selected(self) -> None:
        line_id = self.selected_id()
        plan = self.session.plan
        if line_id is None or plan is None:
            return
        line = plan.find(self.section, line_id)
        name = getattr(line, "name", "")
        # The core removes a savings place's goals with it (undo brings both back).
        new_plan = plan.without_line(self.section, line_id)
        self.session.apply_edit(new_plan, _("Remove {name}").format(name=name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refresh()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        titles = {
            "incomes": _("Money that comes in"),
            "expenses": _("Regular spending"),
            "one_offs": _("Large costs that come once"),
            "savings": _("Where savings are kept"),
            "goals": _("Goals"),
            "debts": _("Debts being repaid"),
            "investments": _("Investments in a livelihood"),
        }
        empty = {
            "incomes": _(
                "No income yet. Press Add to enter money from abroad, wages or a pension."
            ),
            "expenses": _("No spending yet. Press Add to enter food, housing, heating…"),
            "one_offs": _("No one-off costs. A wedding, a roof repair or school fees go here."),
            "savings": _("No savings yet. Cash at home, a deposit or livestock go here."),
            "goals": _("No goals yet. What is the family saving for?"),
            "debts": _("No debts. Loans from a shop, relatives or a bank go here."),
            "investments": _("No investments. A cow, a greenhouse or a sewing machine go here."),
        }
        self.title_label.setText(titles[self.section])
        self.empty_label.setText(empty[self.section])
        for col, (title, _cell) in enumerate(self.columns):
            item = QTableWidgetItem(title())
            item.setToolTip(title())
            self.table.setHorizontalHeaderItem(col, item)
        self.table.setAccessibleName(titles[self.section])
        for button, text, tip in (
            (self.add_button, _("&Add"), _("Add a line (Insert)")),
            (self.edit_button, pgettext("button", "&Edit"), _("Change the selected line (Enter)")),
            (self.remove_button, _("&Remove"), _("Remove the selected line (Delete)")),
        ):
            button.setProperty("full_text", text)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("&", ""))
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        """Icons only on Add, Edit and Remove when their texts do not fit side by side (large
        presentation text on a narrow screen); the tooltips and accessible names keep the
        words."""
        buttons = (self.add_button, self.edit_button, self.remove_button)
        metrics = self.add_button.fontMetrics()
        icon = self.add_button.iconSize().width()
        needed = sum(
            metrics.horizontalAdvance(str(b.property("full_text") or "").replace("&", ""))
            + icon
            + 40
            for b in buttons
        )
        compact = needed > self.width()
        for button in buttons:
            text = str(button.property("full_text") or "")
            button.setText("" if compact else text)


class SavingsSection(QWidget):
    """Savings places and the goals saved in them, one above the other."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.places = LineSection(session, "savings", self)
        self.goals = LineSection(session, "goals", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.places, 1)
        layout.addWidget(self.goals, 1)

    def refresh(self) -> None:
        self.places.refresh()
        self.goals.refresh()


class HouseholdSection(QWidget):
    """The household's name, size, region, the month the plan starts and the cash at hand."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(80)
        self.people_spin = QSpinBox(self)
        self.people_spin.setRange(1, 40)
        self.people_spin.setKeyboardTracking(False)
        self.region_edit = QLineEdit(self)
        self.region_edit.setMaxLength(80)
        self.start_picker = MonthPicker(self)
        self.cash_edit = AmountEdit(self)
        self.problem_label = QLabel(self)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels = [QLabel(self) for _i in range(5)]
        for label, field in zip(
            self.labels,
            (self.name_edit, self.people_spin, self.region_edit, self.start_picker, self.cash_edit),
            strict=True,
        ):
            label.setBuddy(field)
            label.setWordWrap(True)
            self.form.addRow(label, field)
        self.form.addRow(self.problem_label)
        self.name_edit.editingFinished.connect(self._commit_name)
        self.people_spin.valueChanged.connect(self._commit_people)
        self.region_edit.editingFinished.connect(self._commit_region)
        self.start_picker.month_changed.connect(self._commit_start)
        self.cash_edit.value_committed.connect(self._commit_cash)
        self._loading = False
        self.retranslate_ui()
        self.refresh()

    def refresh(self) -> None:
        plan = self.session.plan
        if plan is None:
            return
        h = plan.household
        self._loading = True
        try:
            if not self.name_edit.hasFocus() or self.name_edit.text().strip() == "":
                self.name_edit.setText(h.name)
            self.people_spin.setValue(h.people)
            if not self.region_edit.hasFocus():
                self.region_edit.setText(h.region)
            self.start_picker.set_month(h.start_month)
            if self.cash_edit.is_valid():
                self.cash_edit.set_value(h.opening_cash)
        finally:
            self._loading = False

    def _edit(self, description: str, **changes: Any) -> None:
        plan = self.session.plan
        if self._loading or plan is None:
            return
        household = dataclasses.replace(plan.household, **changes)
        if household != plan.household:
            self.session.apply_edit(plan.replace(household=household), description)

    def _commit_name(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if not name:
            self.problem_label.setText(_("The household needs a name."))
            self.problem_label.show()
            return
        self.problem_label.hide()
        self._edit(_("Rename the household"), name=name)

    def _commit_people(self, value: int) -> None:
        self._edit(_("Change the number of people"), people=value)

    def _commit_region(self) -> None:
        self._edit(_("Change the region"), region=" ".join(self.region_edit.text().split()))

    def _commit_start(self, month: object) -> None:
        self._edit(_("Change the start month"), start_month=month)

    def _commit_cash(self, value: object) -> None:
        self._edit(_("Change the cash at hand"), opening_cash=value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        texts = (
            _("Household &name:"),
            _("&People in the household:"),
            _("&Region or village:"),
            _("The plan &starts in:"),
            _("&Cash at hand at the start:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        names = [t.replace("&", "").rstrip(":") for t in texts]
        self.name_edit.setAccessibleName(names[0])
        self.people_spin.setAccessibleName(names[1])
        self.region_edit.setAccessibleName(names[2])
        self.start_picker.set_accessible_name(names[3])
        self.cash_edit.set_accessible_name(names[4])


class RatesSection(QWidget):
    """The exchange rates the family uses (empty: the National Bank's rate of each month)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.explain_label = QLabel(self)
        self.explain_label.setWordWrap(True)
        self.rub_edit = DecimalEdit(
            self, places=4, minimum=Decimal("0.0001"), maximum=Decimal(1000), optional=True
        )
        self.usd_edit = DecimalEdit(
            self, places=4, minimum=Decimal("0.0001"), maximum=Decimal(1000), optional=True
        )
        self.rub_label = QLabel(self)
        self.usd_label = QLabel(self)
        self.rub_label.setBuddy(self.rub_edit)
        self.usd_label.setBuddy(self.usd_edit)
        for label in (self.rub_label, self.usd_label):
            label.setWordWrap(True)  # a long label wraps instead of widening the form
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.rub_label, self.rub_edit)
        form.addRow(self.usd_label, self.usd_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain_label)
        layout.addLayout(form)
        layout.addStretch(1)
        self.rub_edit.value_committed.connect(self._commit)
        self.usd_edit.value_committed.connect(self._commit)
        self.retranslate_ui()
        self.refresh()

    def refresh(self) -> None:
        plan = self.session.plan
        if plan is None:
            return
        if self.rub_edit.is_valid():
            self.rub_edit.set_value(plan.rates.tjs_per_rub)
        if self.usd_edit.is_valid():
            self.usd_edit.set_value(plan.rates.tjs_per_usd)

    def _commit(self, _value: object) -> None:
        plan = self.session.plan
        if plan is None:
            return
        rates = RateSettings(tjs_per_rub=self.rub_edit.value(), tjs_per_usd=self.usd_edit.value())
        if rates != plan.rates:
            self.session.apply_edit(plan.replace(rates=rates), _("Change the exchange rates"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.explain_label.setText(
            _(
                "How many somoni the family gets for one rouble or one dollar. "
                "Leave a field empty to use the National Bank's rate for each month."
            )
        )
        self.rub_label.setText(_("Somoni for one &rouble:"))
        self.usd_label.setText(_("Somoni for one &dollar:"))
        self.rub_edit.set_accessible_name(_("Somoni for one rouble"))
        self.usd_edit.set_accessible_name(_("Somoni for one dollar"))
