"""Add or edit one line of the plan: an income, an expense, a one-off cost, a savings place, a
goal, a debt or an investment.

The dialog builds a new frozen line (keeping fields it does not show, such as per-month amounts a
sample plan may carry) and hands it back; the page saves it through the session. It is opened with
``open()`` (window-modal, not blocking) so tests can type into it like a person.

A new line starts with the defaults of its kind (``budget_tutor.model``: money from abroad in
roubles, a pension in somoni; winter heating November to March, school August and September)
until the family chooses a currency or months themselves. A lesson's planner task fills the form
with the line the core builds for it (:func:`budget_tutor.lessons.planner_link.plan_task`).

Errors are listed in one summary above the buttons, in a space kept for them, and the fields
under a wrong amount never move (fields show their error as a red border and a tooltip): a
click meant for a month lands on that month. A corrected field leaves the summary at once.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import text_rules
from budget_tutor.i18n import _
from budget_tutor.lessons.planner_link import PlannerTask, default_savings_place
from budget_tutor.model import (
    ALL_MONTHS,
    EXPENSE_CATEGORY_NAMES,
    INCOME_KIND_NAMES,
    INVESTMENT_KIND_NAMES,
    LENDER_KIND_NAMES,
    SAVINGS_KIND_NAMES,
    Debt,
    Expense,
    ExpenseCategory,
    Income,
    IncomeKind,
    Investment,
    InvestmentKind,
    LenderKind,
    OneOffCost,
    Per,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
    default_currency,
    default_months,
    new_id,
)
from budget_tutor.money import Currency, currency_name, major
from budget_tutor.ui import icons, messages
from budget_tutor.ui.amount_edit import AmountEdit, DecimalEdit, _CheckedEdit
from budget_tutor.ui.season_calendar import MonthPicker, SeasonCalendar

MAX_NAME = 80

#: The field a lesson's suggested amount goes into, per section.
SUGGESTED_AMOUNT_FIELD = {
    "incomes": "amount_edit",
    "expenses": "amount_edit",
    "one_offs": "amount_edit",
    "savings": "contribution_edit",
    "goals": "target_edit",
    "debts": "principal_edit",
    "investments": "cost_edit",
}

#: Which field of a plan holds each section's lines, and the id prefix of new lines.
SECTION_PREFIX = {
    "incomes": "inc-",
    "expenses": "exp-",
    "one_offs": "one-",
    "savings": "sav-",
    "goals": "goal-",
    "debts": "debt-",
    "investments": "inv-",
}


def _enum_combo(parent: QWidget, values: list[Any], icon_for: Any = None) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        if icon_for is not None:
            combo.addItem(icon_for(value), "", value)
        else:
            combo.addItem("", value)
    return combo


def _select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class LineDialog(QDialog):
    """A form for one plan line of ``section``; ``line`` None adds a new one."""

    def __init__(
        self, section: str, plan: Plan, line: object | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if section not in SECTION_PREFIX:
            raise ValueError(f"unknown plan section {section!r}")
        self.section = section
        self.plan = plan
        self.line = line
        self.result_line: object | None = None
        #: The lesson task the form was filled from (None: opened by Add or Edit).
        self.task: PlannerTask | None = None
        #: A savings place made for a goal when the plan has none; added with the goal.
        self.new_place: SavingsPlace | None = None
        self._task_name = ""
        self._currency_chosen = False
        self._months_chosen = False
        self._tried_ok = False
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._labels: dict[str, QLabel] = {}
        self._checked_edits: list[_CheckedEdit] = []
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem_label = QLabel(self)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.problem_label.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding
        )
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.new_line_button = QPushButton(self)
        self.buttons.addButton(self.new_line_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.new_line_button.clicked.connect(self.add_as_new_line)
        self.new_line_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addLayout(self.form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_NAME)
        self._row("name", self.name_edit)
        getattr(self, f"_build_{section}")()
        for edit in self._checked_edits:
            edit.set_inline_errors(False)
            edit.validity_changed.connect(self._update_summary)
        self._load(line)
        self.retranslate_ui()
        self._reserve_problem_space()
        self.name_edit.setFocus()

    # -- building -------------------------------------------------------------------------

    def _row(self, key: str, widget: QWidget) -> None:
        label = QLabel(self)
        label.setBuddy(widget)
        # No word wrap: QFormLayout sizes wrapped labels too short; a long label moves above
        # its field instead (WrapLongRows).
        self._labels[key] = label
        self.form.addRow(label, widget)
        if isinstance(widget, _CheckedEdit):
            self._checked_edits.append(widget)

    def _amount(self, key: str, **kwargs: Any) -> AmountEdit:
        edit = AmountEdit(self, **kwargs)
        self._row(key, edit)
        return edit

    def _decimal(self, key: str, **kwargs: Any) -> DecimalEdit:
        edit = DecimalEdit(self, **kwargs)
        self._row(key, edit)
        return edit

    def _month(self, key: str) -> MonthPicker:
        picker = MonthPicker(self, self.plan.household.start_month)
        self._row(key, picker)
        return picker

    def _schedule_fields(self) -> None:
        self.amount_edit = self._amount("amount")
        self.per_combo = QComboBox(self)
        self.per_combo.addItem("", Per.MONTH)
        self.per_combo.addItem("", Per.YEAR)
        self._row("per", self.per_combo)
        self.calendar = SeasonCalendar(self)
        self.calendar.set_months(ALL_MONTHS)
        self._row("months", self.calendar)
        self.calendar.months_changed.connect(self._on_months_chosen)

    def _on_months_chosen(self, _months: object) -> None:
        self._months_chosen = True
        self._update_summary()

    def _build_incomes(self) -> None:
        self.kind_combo = _enum_combo(self, list(IncomeKind), icons.income_icon)
        self._row("kind", self.kind_combo)
        self._schedule_fields()
        self.currency_combo = QComboBox(self)
        for c in Currency:
            self.currency_combo.addItem("", c)
        self._row("currency", self.currency_combo)
        self.fee_percent_edit = self._decimal("fee_percent", places=2, maximum=Decimal(50))
        self.fee_fixed_edit = self._amount("fee_fixed")
        self.margin_edit = self._decimal("margin", places=2, maximum=Decimal(50))
        self.kind_combo.currentIndexChanged.connect(self._on_income_kind_changed)
        self.currency_combo.activated.connect(self._on_currency_chosen)

    def _on_income_kind_changed(self, _index: int) -> None:
        """A new kind brings its usual currency, unless the family chose one themselves."""
        self._update_remittance_rows()
        if not self._currency_chosen:
            _select_data(self.currency_combo, default_currency(self.kind_combo.currentData()))

    def _on_currency_chosen(self, _index: int) -> None:
        self._currency_chosen = True

    def _build_expenses(self) -> None:
        self.category_combo = _enum_combo(self, list(ExpenseCategory), icons.category_icon)
        self._row("category", self.category_combo)
        self._schedule_fields()
        self.category_combo.currentIndexChanged.connect(self._on_category_changed)
        self.essential_check = QCheckBox(self)
        self.essential_check.setChecked(True)
        self._row("essential", self.essential_check)

    def _on_category_changed(self, _index: int) -> None:
        """A new category brings its usual months (heating in winter, school in August and
        September), unless the family chose the months themselves."""
        if not self._months_chosen:
            self.calendar.set_months(default_months(self.category_combo.currentData()))

    def _build_one_offs(self) -> None:
        self.category_combo = _enum_combo(self, list(ExpenseCategory), icons.category_icon)
        self._row("category", self.category_combo)
        self.amount_edit = self._amount("amount")
        self.month_picker = self._month("month")
        self.essential_check = QCheckBox(self)
        self.essential_check.setChecked(True)
        self._row("essential", self.essential_check)

    def _build_savings(self) -> None:
        self.kind_combo = _enum_combo(self, list(SavingsKind), icons.savings_icon)
        self._row("kind", self.kind_combo)
        self.opening_edit = self._amount("opening")
        self.rate_edit = self._decimal("annual_rate", places=2, maximum=Decimal(100))
        self.contribution_edit = self._amount("contribution")
        self.remittance_share_edit = self._decimal("share", places=1, maximum=Decimal(100))

    def _build_goals(self) -> None:
        self.target_edit = self._amount("target")
        self.place_combo = QComboBox(self)
        for place in self.plan.savings:
            self.place_combo.addItem(icons.savings_icon(place.kind), place.name, place.id)
        if not self.plan.savings:
            # A goal needs a place: offer cash at home, added together with the goal.
            self._use_new_place(default_savings_place(_(SAVINGS_KIND_NAMES[SavingsKind.CASH])))
        self._row("place", self.place_combo)
        self.has_target_month = QCheckBox(self)
        self._row("has_month", self.has_target_month)
        self.month_picker = self._month("month")
        self.month_picker.setEnabled(False)
        self.has_target_month.toggled.connect(self.month_picker.setEnabled)
        self.priority_spin = QSpinBox(self)
        self.priority_spin.setRange(1, 20)
        self._row("priority", self.priority_spin)

    def _use_new_place(self, place: SavingsPlace) -> None:
        """Offer ``place`` (not in the plan yet) as where the goal is saved."""
        if self.new_place is not None:
            index = self.place_combo.findData(self.new_place.id)
            if index >= 0:
                self.place_combo.removeItem(index)
        self.new_place = place
        self.place_combo.addItem(icons.savings_icon(place.kind), "", place.id)
        _select_data(self.place_combo, place.id)

    def _build_debts(self) -> None:
        self.lender_combo = _enum_combo(self, list(LenderKind))
        self._row("lender", self.lender_combo)
        self.principal_edit = self._amount("principal")
        self.rate_edit = self._decimal("annual_rate", places=2, maximum=Decimal(300))
        self.month_picker = self._month("start")
        self.payment_edit = self._amount("payment", optional=True)
        self.term_spin = QSpinBox(self)
        self.term_spin.setRange(0, 360)
        self._row("term", self.term_spin)
        self.term_spin.valueChanged.connect(lambda _v: self._update_summary())
        self.received_check = QCheckBox(self)
        self._row("received", self.received_check)

    def _build_investments(self) -> None:
        self.kind_combo = _enum_combo(self, list(InvestmentKind), icons.investment_icon)
        self._row("kind", self.kind_combo)
        self.cost_edit = self._amount("cost")
        self.month_picker = self._month("start")
        self.running_edit = self._amount("running")
        self.income_edit = self._amount("income")
        self.calendar = SeasonCalendar(self)
        self.calendar.set_months(ALL_MONTHS)
        self._row("income_months", self.calendar)
        self.delay_spin = QSpinBox(self)
        self.delay_spin.setRange(0, 60)
        self._row("delay", self.delay_spin)
        self.resale_edit = self._amount("resale")

    # -- a lesson's suggestion -------------------------------------------------------------

    def prefill(self, suggestion: dict[str, Any]) -> None:
        """Fill only the name and amount of a suggestion given as a dictionary (a lesson pack's
        task of the older kind); :meth:`load_task` fills the whole line."""
        name = suggestion.get("name")
        if isinstance(name, str) and name:
            self.name_edit.setText(name[:MAX_NAME])
        amount: int | None = None
        if isinstance(suggestion.get("amount_minor"), int):
            amount = suggestion["amount_minor"]
        elif isinstance(suggestion.get("amount"), str):
            try:
                amount = major(suggestion["amount"])
            except ValueError:
                amount = None
        field = getattr(self, SUGGESTED_AMOUNT_FIELD.get(self.section, ""), None)
        if amount is not None and isinstance(field, AmountEdit):
            field.set_value(amount)
        self._show_note(_("The lesson suggests this. Change anything you like, then press OK."))

    def load_task(self, task: PlannerTask, name: str) -> None:
        """Fill the form with the line a lesson's task enters (``task.line``, built by the core).

        When the plan already has that kind of line (``task.existing``, the line this dialog
        edits), OK updates it and "Add as a new line" adds the task's line beside it instead.
        """
        self.task = task
        self._task_name = name
        if task.prerequisite is not None and self.section == "goals":
            self._use_new_place(task.prerequisite)
        self._load(task.line)
        # What the task names is chosen, not a default to replace when the kind changes.
        self._currency_chosen = True
        self._months_chosen = True
        self.new_line_button.setVisible(task.existing is not None)
        self.retranslate_ui()

    def add_as_new_line(self) -> None:
        """Keep the plan's line as it is and add the task's line as a new one."""
        if self.task is None or self.line is None:
            return
        self.line = None
        self.name_edit.setText(self._task_name[:MAX_NAME])
        self.new_line_button.hide()
        self.retranslate_ui()

    def _task_note(self) -> None:
        task = self.task
        if task is None:
            return
        if task.existing is not None and self.line is not None:
            # Translators: {name} is the family's own line, e.g. "Food".
            text = _(
                "Your plan already has “{name}”. The lesson's amounts are filled in: press OK "
                "to change that line, or “Add as a new line” to keep it and add another."
            ).format(name=getattr(task.existing, "name", ""))
        elif task.existing is not None:
            text = _("A new line is added; “{name}” stays as it is.").format(
                name=getattr(task.existing, "name", "")
            )
        else:
            text = _("The lesson suggests this. Change anything you like, then press OK.")
        self._show_note(text)

    def _show_note(self, text: str | None) -> None:
        notes = [text] if text else []
        if self.new_place is not None:
            notes.append(self._new_place_note())
        self.note_label.setText("\n".join(notes))
        self.note_label.show()
        self._refit_later()

    def _new_place_note(self) -> str:
        assert self.new_place is not None
        # Translators: {place} is a place for savings, "Cash at home".
        return _(
            "There is no place for savings yet: “{place}” is added with this goal. "
            "You can change it later under Savings & goals."
        ).format(place=self.new_place.name)

    # -- loading and saving ----------------------------------------------------------------

    def _load_schedule(self, schedule: Schedule) -> None:
        if schedule.by_month is not None:
            # A sample plan may give each month its own amount; show the typical one.
            active = [a for a in schedule.by_month if a]
            self.amount_edit.set_value(max(active) if active else 0)
            self.calendar.set_months(schedule.active_months())
            self.note_label.setText(
                _(
                    "This line has a different amount in each month. "
                    "Saving here sets one amount for the chosen months."
                )
            )
            self.note_label.show()
            return
        self.amount_edit.set_value(schedule.amount)
        _select_data(self.per_combo, schedule.per)
        self.calendar.set_months(schedule.months)

    def _load(self, line: object | None) -> None:
        if line is None:
            if self.section == "incomes":
                _select_data(self.currency_combo, default_currency(self.kind_combo.currentData()))
            if self.section == "expenses":
                self.calendar.set_months(default_months(self.category_combo.currentData()))
            self._after_load()
            return
        self.name_edit.setText(getattr(line, "name", ""))
        if isinstance(line, Income):
            _select_data(self.kind_combo, line.kind)
            _select_data(self.currency_combo, line.currency)
            # A currency other than the kind's usual one was chosen by the family: keep it.
            self._currency_chosen = line.currency != default_currency(line.kind)
            self._load_schedule(line.schedule)
            self.fee_percent_edit.set_value(line.fee_percent)
            self.fee_fixed_edit.set_value(line.fee_fixed)
            self.margin_edit.set_value(line.rate_margin_percent)
        elif isinstance(line, Expense):
            _select_data(self.category_combo, line.category)
            self._load_schedule(line.schedule)
            self._months_chosen = line.schedule.active_months() != default_months(line.category)
            self.essential_check.setChecked(line.essential)
        elif isinstance(line, OneOffCost):
            _select_data(self.category_combo, line.category)
            self.amount_edit.set_value(line.amount)
            self.month_picker.set_month(line.month)
            self.essential_check.setChecked(line.essential)
        elif isinstance(line, SavingsPlace):
            _select_data(self.kind_combo, line.kind)
            self.opening_edit.set_value(line.opening_balance)
            self.rate_edit.set_value(line.annual_rate)
            self.contribution_edit.set_value(line.contribution.amount)
            self.remittance_share_edit.set_value(line.percent_of_remittance)
        elif isinstance(line, SavingsGoal):
            self.target_edit.set_value(line.target)
            _select_data(self.place_combo, line.place_id)
            self.has_target_month.setChecked(line.target_month is not None)
            if line.target_month is not None:
                self.month_picker.set_month(line.target_month)
            self.priority_spin.setValue(line.priority)
        elif isinstance(line, Debt):
            _select_data(self.lender_combo, line.lender)
            self.principal_edit.set_value(line.principal)
            self.rate_edit.set_value(line.annual_rate)
            self.month_picker.set_month(line.start_month)
            self.payment_edit.set_value(line.monthly_payment)
            self.term_spin.setValue(line.term_months or 0)
            self.received_check.setChecked(line.received)
        elif isinstance(line, Investment):
            _select_data(self.kind_combo, line.kind)
            self.cost_edit.set_value(line.cost)
            self.month_picker.set_month(line.start_month)
            self.running_edit.set_value(line.running_costs.amount)
            self.income_edit.set_value(line.income.amount)
            self.calendar.set_months(line.income.active_months() or line.income.months)
            self.delay_spin.setValue(line.income_delay_months)
            self.resale_edit.set_value(line.resale_value)
        self._after_load()

    def _after_load(self) -> None:
        if self.section == "incomes":
            self._update_remittance_rows()
        if self.new_place is not None and self.task is None:
            self._show_note(None)

    def _update_remittance_rows(self) -> None:
        remittance = self.kind_combo.currentData() == IncomeKind.REMITTANCE.value
        for widget in (self.fee_percent_edit, self.fee_fixed_edit, self.margin_edit):
            self.form.setRowVisible(widget, remittance)
        self._refit_later()

    # -- size -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit_later()  # narrower: labels may move above their fields

    def _refit_later(self) -> None:
        if self.isVisible():
            QTimer.singleShot(0, self, self._fit_height)  # not after the dialog is gone

    def _fit_height(self) -> None:
        """Tall enough for every row at the dialog's width. The first size is computed as if
        each label sat beside its field; when the dialog is narrower, long labels move above
        their fields and the rows were squeezed (the second row of months was cut). Only ever
        grows, so nothing moves under the pointer."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = self.width()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(width)
        else:
            needed = layout.totalSizeHint().height()
        screen = self.screen()
        room = screen.availableGeometry().height() - 40 if screen is not None else needed
        height = min(max(self.height(), needed), max(room, self.minimumHeight()))
        if height > self.height():
            self.resize(width, height)

    def _schedule(self) -> Schedule:
        months = self.calendar.months()
        amount = self.amount_edit.value() or 0
        per = Per(self.per_combo.currentData())
        return Schedule(amount=amount, per=per, months=tuple(sorted(months)), by_month=None)

    def _default_name(self) -> str:
        tables: dict[str, tuple[dict[Any, str], QComboBox | None]] = {
            "incomes": (INCOME_KIND_NAMES, getattr(self, "kind_combo", None)),
            "expenses": (EXPENSE_CATEGORY_NAMES, getattr(self, "category_combo", None)),
            "one_offs": (EXPENSE_CATEGORY_NAMES, getattr(self, "category_combo", None)),
            "savings": (SAVINGS_KIND_NAMES, getattr(self, "kind_combo", None)),
            "debts": (LENDER_KIND_NAMES, getattr(self, "lender_combo", None)),
            "investments": (INVESTMENT_KIND_NAMES, getattr(self, "kind_combo", None)),
        }
        names, combo = tables.get(self.section, ({}, None))
        if combo is not None and combo.currentData() in names:
            return _(names[combo.currentData()])
        return _("Goal")

    def _field_problems(self, *, check: bool) -> list[str]:
        """One line per field with a wrong value (``check``: parse every field now)."""
        problems = []
        for edit in self._checked_edits:
            if not edit.isVisibleTo(self):
                continue
            if (not edit.check()) if check else (not edit.is_valid()):
                label = self.form.labelForField(edit)
                field = (
                    label.text().replace("&", "").rstrip(":") if isinstance(label, QLabel) else ""
                )
                # Translators: a problem in one field of a form, e.g. "Amount: Enter an amount."
                problems.append(
                    _("{field}: {problem}").format(field=field, problem=edit.error_text())
                )
        return problems

    def _rule_problems(self) -> list[str]:
        problems = []
        name_problem = text_rules.text_problem(self.name_edit.text())  # the one rule for names
        if name_problem is not None:
            field = self._labels["name"].text().replace("&", "").rstrip(":")
            problems.append(name_problem.message_for(field))
        if self.section in ("incomes", "expenses") and not self.calendar.months():
            problems.append(_("Choose at least one month."))
        if self.section == "debts" and not self.payment_edit.value() and not self.term_spin.value():
            problems.append(_("Give the monthly payment or the number of months to repay."))
        return problems

    def _problems(self) -> list[str]:
        return self._field_problems(check=True) + self._rule_problems()

    def _update_summary(self, *_args: object) -> None:
        """The summary lists what is wrong now: a corrected field leaves it at once."""
        problems = self._field_problems(check=False)
        if self._tried_ok:
            problems += self._rule_problems()
        self.problem_label.setText("\n".join(problems))

    def _reserve_problem_space(self) -> None:
        """Room for two lines of problems, kept when there are none, so the buttons and the
        fields never move when a problem appears."""
        self.problem_label.setMinimumHeight(self.problem_label.fontMetrics().lineSpacing() * 2)

    def build_line(self) -> object:
        """The line the form describes now (fields must be valid)."""
        name = " ".join(self.name_edit.text().split()) or self._default_name()
        old = self.line
        line_id = getattr(old, "id", None) or new_id(SECTION_PREFIX[self.section])
        values: dict[str, Any]
        cls: type
        if self.section == "incomes":
            cls = Income
            values = dict(
                kind=IncomeKind(self.kind_combo.currentData()),
                currency=Currency(self.currency_combo.currentData()),
                schedule=self._schedule(),
                fee_percent=self.fee_percent_edit.value(),
                fee_fixed=self.fee_fixed_edit.value(),
                rate_margin_percent=self.margin_edit.value(),
            )
        elif self.section == "expenses":
            cls = Expense
            values = dict(
                category=ExpenseCategory(self.category_combo.currentData()),
                schedule=self._schedule(),
                essential=self.essential_check.isChecked(),
            )
        elif self.section == "one_offs":
            cls = OneOffCost
            values = dict(
                category=ExpenseCategory(self.category_combo.currentData()),
                amount=self.amount_edit.value(),
                month=self.month_picker.month(),
                essential=self.essential_check.isChecked(),
            )
        elif self.section == "savings":
            cls = SavingsPlace
            old_contribution = getattr(old, "contribution", Schedule())
            values = dict(
                kind=SavingsKind(self.kind_combo.currentData()),
                opening_balance=self.opening_edit.value(),
                annual_rate=self.rate_edit.value(),
                contribution=dataclasses.replace(
                    old_contribution,
                    amount=self.contribution_edit.value(),
                    per=Per.MONTH,
                    by_month=None,
                ),
                percent_of_remittance=self.remittance_share_edit.value(),
            )
        elif self.section == "goals":
            cls = SavingsGoal
            values = dict(
                target=self.target_edit.value(),
                place_id=str(self.place_combo.currentData()),
                target_month=(
                    self.month_picker.month() if self.has_target_month.isChecked() else None
                ),
                priority=self.priority_spin.value(),
            )
        elif self.section == "debts":
            cls = Debt
            values = dict(
                lender=LenderKind(self.lender_combo.currentData()),
                principal=self.principal_edit.value(),
                annual_rate=self.rate_edit.value(),
                start_month=self.month_picker.month(),
                monthly_payment=self.payment_edit.value() or None,
                term_months=self.term_spin.value() or None,
                received=self.received_check.isChecked(),
            )
        else:
            cls = Investment
            months = self.calendar.months() or ALL_MONTHS
            values = dict(
                kind=InvestmentKind(self.kind_combo.currentData()),
                cost=self.cost_edit.value(),
                start_month=self.month_picker.month(),
                running_costs=Schedule.monthly(self.running_edit.value() or 0),
                income=Schedule.monthly(self.income_edit.value() or 0, tuple(months)),
                income_delay_months=self.delay_spin.value(),
                resale_value=self.resale_edit.value(),
            )
        values["name"] = name
        if old is not None:
            return dataclasses.replace(old, **values)  # type: ignore[type-var]
        return cls(id=line_id, **values)

    def _on_ok(self) -> None:
        self._tried_ok = True
        problems = self._problems()
        if problems:
            self.problem_label.setText("\n".join(problems))
            return
        try:
            self.result_line = self.build_line()
        except ValueError:  # a model rule the form did not foresee
            self.problem_label.setText(_("These values do not fit together. Check them."))
            return
        self.accept()

    # -- texts ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _title(self) -> str:
        adding = self.line is None
        titles = {
            "incomes": (_("Add income"), _("Edit income")),
            "expenses": (_("Add regular spending"), _("Edit regular spending")),
            "one_offs": (_("Add a one-off cost"), _("Edit a one-off cost")),
            "savings": (_("Add a place for savings"), _("Edit a place for savings")),
            "goals": (_("Add a goal"), _("Edit a goal")),
            "debts": (_("Add a debt"), _("Edit a debt")),
            "investments": (_("Add an investment"), _("Edit an investment")),
        }
        return titles[self.section][0 if adding else 1]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._title())
        if self.task is not None:
            self._task_note()
        elif self.new_place is not None:
            self._show_note(None)
        texts = {
            "name": _("&Name:"),
            "kind": _("&Kind:"),
            "category": _("&Category:"),
            "amount": _("&Amount:"),
            "per": _("&Per:"),
            "months": _("In these &months:"),
            "currency": _("C&urrency:"),
            "fee_percent": _("Transfer &fee, %:"),
            "fee_fixed": _("Fixed fee per transfer:"),
            "margin": _("Exchange rate margin, %:"),
            "essential": _("A need (not a want):"),
            "month": _("&Month:"),
            "opening": _("Saved &now:"),
            "annual_rate": _("Interest, % a &year:"),
            "contribution": _("Put aside each &month:"),
            "share": _("Share of each remittance, %:"),
            "target": _("&Target amount:"),
            "place": _("Saved &in:"),
            "has_month": _("Wanted by a month:"),
            "priority": _("&Priority (1 first):"),
            "lender": _("&Lender:"),
            "principal": _("Amount &borrowed:"),
            "start": _("&Starts in:"),
            "payment": _("Monthly &payment:"),
            "term": _("Months to &repay:"),
            "received": _("Money arrives in the start month:"),
            "cost": _("&Cost:"),
            "running": _("Running costs a month:"),
            "income": _("&Income a month:"),
            "income_months": _("Income in these months:"),
            "delay": _("Months before income starts:"),
            "resale": _("Value if &sold:"),
        }
        for key, label in self._labels.items():
            label.setText(texts[key])
            buddy = label.buddy()
            name = texts[key].replace("&", "").rstrip(":")
            if isinstance(buddy, _CheckedEdit):
                buddy.set_accessible_name(name)
            elif isinstance(buddy, MonthPicker):
                buddy.set_accessible_name(name)
            elif buddy is not None:
                buddy.setAccessibleName(name)
        self.name_edit.setPlaceholderText(self._default_name())
        if self.section in ("incomes", "expenses"):
            self.per_combo.setItemText(0, _("a month"))
            self.per_combo.setItemText(1, _("a year, spread over the months"))
            self.calendar.setToolTip(_("Click the months when this money comes or goes."))
        if self.section == "incomes":
            for i in range(self.currency_combo.count()):
                code = self.currency_combo.itemData(i)
                self.currency_combo.setItemText(i, currency_name(code))
        combos: list[tuple[str, dict[Any, str]]] = []
        if self.section == "incomes":
            combos.append(("kind_combo", INCOME_KIND_NAMES))
        if self.section in ("expenses", "one_offs"):
            combos.append(("category_combo", EXPENSE_CATEGORY_NAMES))
        if self.section == "savings":
            combos.append(("kind_combo", SAVINGS_KIND_NAMES))
        if self.section == "debts":
            combos.append(("lender_combo", LENDER_KIND_NAMES))
        if self.section == "investments":
            combos.append(("kind_combo", INVESTMENT_KIND_NAMES))
        for attr, names in combos:
            combo: QComboBox = getattr(self, attr)
            for i in range(combo.count()):
                combo.setItemText(i, _(names[combo.itemData(i)]))
        self.new_line_button.setText(_("Add as a new line"))
        if self.new_place is not None:
            index = self.place_combo.findData(self.new_place.id)
            if index >= 0:
                # Translators: a place for savings that is not in the plan yet.
                self.place_combo.setItemText(
                    index, _("{place} (new)").format(place=self.new_place.name)
                )
        if self.section == "investments":
            self.calendar.setToolTip(_("Click the months when this money comes or goes."))
        messages.translate_button_box(self.buttons)
        self.ok_button.setAccessibleName(self.ok_button.text().replace("&", ""))
        self.setAccessibleName(self.windowTitle())
