"""Trainer mode → Workshops…: a workshop's participants and attendance, the pre- and post-test
answers (typed in from the paper grid, or taken from the lessons' own test), the group report
(per objective and per item, before and after, the gain, the difficult questions; printable) and
the anonymous results file for the donor."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import results
from budget_tutor.i18n import _, ngettext
from budget_tutor.storage import StorageError
from budget_tutor.trainer_kit import LETTERS
from budget_tutor.workshops import (
    TestAnswer,
    Workshop,
    answer_for,
    form_items,
    result_rows,
)

if TYPE_CHECKING:
    from budget_tutor.lessons.library import Library
    from budget_tutor.lessons.model import AssessmentItem
    from budget_tutor.ui.session import AppSession


def _cell(text: str, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if len(text) > 12:
        item.setToolTip(text)  # a long title may be cut by a narrow column: the whole text
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class WorkshopsDialog(QDialog):
    def __init__(
        self, session: AppSession, library: Library, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library
        self.items: tuple[AssessmentItem, ...] = library.course.assessment if library.course else ()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.workshop_label = QLabel(self)
        self.workshop_combo = QComboBox(self)
        self.workshop_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.workshop_label)
        top.addWidget(self.workshop_combo, 1)
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._build_new_tab()
        self._build_people_tab()
        self._build_tests_tab()
        self._build_report_tab()
        self.resize(980, 640)
        self.retranslate_ui()
        self.load_workshops()

    # -- building ------------------------------------------------------------------------------

    def _build_new_tab(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.code_edit = QLineEdit(page)
        self.name_edit = QLineEdit(page)
        self.place_edit = QLineEdit(page)
        self.region_edit = QLineEdit(page)
        self.trainer_edit = QLineEdit(page)
        self.start_edit = QDateEdit(page)
        self.end_edit = QDateEdit(page)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDate(QDate.currentDate())
        self.create_button = QPushButton(page)
        self.create_button.clicked.connect(self.create_workshop)
        self.new_labels = [QLabel(page) for _ in range(7)]
        for label, field in zip(self.new_labels, (self.code_edit, self.name_edit, self.place_edit,
                                                  self.region_edit, self.trainer_edit,
                                                  self.start_edit, self.end_edit), strict=True):  # fmt: skip
            form.addRow(label, field)
        form.addRow(self.create_button)
        self.tabs.addTab(page, "")

    def _build_people_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.participant_edit = QLineEdit(page)
        self.household_combo = QComboBox(page)
        self.add_button = QPushButton(page)
        self.add_button.clicked.connect(self.add_participant)
        row.addWidget(self.participant_edit, 1)
        row.addWidget(self.household_combo, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.people_table = QTableWidget(page)
        self.people_table.itemChanged.connect(self._attendance_changed)
        layout.addWidget(self.people_table, 1)
        self.tabs.addTab(page, "")

    def _build_tests_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.phase_combo = QComboBox(page)
        self.form_combo = QComboBox(page)
        self.form_combo.addItems(["A", "B"])
        self.phase_combo.currentIndexChanged.connect(self._phase_changed)
        self.form_combo.currentIndexChanged.connect(lambda _i: self.fill_tests())
        self.save_answers_button = QPushButton(page)
        self.save_answers_button.clicked.connect(self.save_answers)
        self.from_lessons_button = QPushButton(page)
        self.from_lessons_button.clicked.connect(self.take_from_lessons)
        for widget in (self.phase_combo, self.form_combo, self.save_answers_button,
                       self.from_lessons_button):  # fmt: skip
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.grid_hint = QLabel(page)
        self.grid_hint.setWordWrap(True)
        layout.addWidget(self.grid_hint)
        self.tests_table = QTableWidget(page)
        layout.addWidget(self.tests_table, 1)
        self.tabs.addTab(page, "")

    def _build_report_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.report_table = QTableWidget(page)
        self.report_table.setColumnCount(4)
        header = self.report_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.report_table, 1)
        self.difficult_label = QLabel(page)
        self.difficult_label.setWordWrap(True)
        self.difficult_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.difficult_label)
        row = QHBoxLayout()
        self.report_pdf_button = QPushButton(page)
        self.report_pdf_button.clicked.connect(lambda: self.save_report_pdf())
        self.export_button = QPushButton(page)
        self.export_button.clicked.connect(lambda: self.export_results())
        row.addWidget(self.report_pdf_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.tabs.addTab(page, "")

    # -- data ----------------------------------------------------------------------------------

    @property
    def store(self) -> Any:
        return self.session.store

    def current(self) -> Workshop | None:
        workshop_id = self.workshop_combo.currentData()
        if workshop_id is None:
            return None
        try:
            return self.store.workshop(int(workshop_id))
        except KeyError:
            return None

    def load_workshops(self, select: int | None = None) -> None:
        self.workshop_combo.blockSignals(True)
        self.workshop_combo.clear()
        for w in self.store.workshops():
            self.workshop_combo.addItem(
                f"{w.name} ({w.start.isoformat()} – {w.end.isoformat()})", w.id
            )
        if select is not None:
            self.workshop_combo.setCurrentIndex(max(self.workshop_combo.findData(select), 0))
        self.workshop_combo.blockSignals(False)
        self.household_combo.clear()
        self.household_combo.addItem(_("(no household on this laptop)"), None)
        for info in self.store.list_households():
            self.household_combo.addItem(info.name, info.id)
        self.refresh()

    def _say(self, text: str) -> None:
        self.message_label.setText(text)

    def create_workshop(self) -> int | None:
        try:
            new_id = self.store.create_workshop(
                self.code_edit.text().strip(), self.name_edit.text().strip() or self.code_edit.text().strip(),
                self.place_edit.text(), self.region_edit.text(), self.trainer_edit.text(),
                self.start_edit.date().toPython(), self.end_edit.date().toPython(),
            )  # fmt: skip
        except StorageError as exc:
            self._say(str(exc))
            return None
        self.load_workshops(select=new_id)
        self._say(_("The workshop is saved."))
        self.tabs.setCurrentIndex(1)
        return int(new_id)

    def add_participant(self) -> int | None:
        workshop = self.current()
        if workshop is None:
            self._say(_("Create a workshop first."))
            return None
        household_id = self.household_combo.currentData()
        code = self.participant_edit.text().strip()
        if not code and household_id is not None:
            code = f"H{int(household_id):03d}"
        try:
            new_id = self.store.add_participant(workshop.id, code, household_id)
        except StorageError as exc:
            self._say(str(exc))
            return None
        self.participant_edit.clear()
        self.refresh()
        return int(new_id)

    def refresh(self) -> None:
        self.fill_people()
        self.fill_tests()
        self.fill_report()

    def fill_people(self) -> None:
        workshop = self.current()
        table = self.people_table
        table.blockSignals(True)
        table.clear()
        if workshop is None:
            table.setRowCount(0)
            table.blockSignals(False)
            return
        people = self.store.participants(workshop.id)
        present = self.store.attendance(workshop.id)
        names = {info.id: info.name for info in self.store.list_households()}
        table.setColumnCount(2 + workshop.days)
        table.setHorizontalHeaderLabels(
            [_("Code"), _("Household")] + [_("Day {number}").format(number=d) for d in range(1, workshop.days + 1)]
        )  # fmt: skip
        table.setRowCount(len(people))
        for r, person in enumerate(people):
            table.setItem(r, 0, _cell(person.code))
            table.setItem(
                r, 1, _cell(names.get(person.household_id, "") if person.household_id else "")
            )
            for day in range(1, workshop.days + 1):
                cell = _cell("")
                cell.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                on = (person.id, day) in present
                cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                cell.setData(Qt.ItemDataRole.UserRole, (person.id, day))
                table.setItem(r, 1 + day, cell)
        table.resizeColumnsToContents()
        table.blockSignals(False)

    def _attendance_changed(self, item: QTableWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if not key:
            return
        try:
            self.store.set_attendance(
                int(key[0]), int(key[1]), item.checkState() == Qt.CheckState.Checked
            )
        except StorageError as exc:
            self._say(str(exc))

    # -- tests -----------------------------------------------------------------------------

    def phase(self) -> str:
        return "post" if self.phase_combo.currentIndex() == 1 else "pre"

    def _phase_changed(self, index: int) -> None:
        self.form_combo.blockSignals(True)
        self.form_combo.setCurrentIndex(1 if index == 1 else 0)  # pre: form A, post: form B
        self.form_combo.blockSignals(False)
        self.fill_tests()

    def test_items(self) -> list[AssessmentItem]:
        return form_items(self.items, self.form_combo.currentText() or "A")

    def fill_tests(self) -> None:
        workshop = self.current()
        table = self.tests_table
        table.clear()
        if workshop is None:
            table.setRowCount(0)
            return
        items = self.test_items()
        people = self.store.participants(workshop.id)
        stored = {(a.participant_id, a.item_id): a for a in self.store.test_answers(workshop.id)
                  if a.phase == self.phase()}  # fmt: skip
        table.setColumnCount(len(items))
        table.setHorizontalHeaderLabels([str(n) for n in range(1, len(items) + 1)])
        table.setRowCount(len(people))
        table.setVerticalHeaderLabels([p.code for p in people])
        for r, person in enumerate(people):
            for c, item in enumerate(items):
                answer = stored.get((person.id, item.id))
                text = ""
                if answer is not None and answer.answer is not None:
                    text = LETTERS[answer.order.index(answer.answer)]
                table.setItem(r, c, _cell(text, editable=True))
        table.resizeColumnsToContents()

    def grid_answers(self) -> dict[int, list[TestAnswer]] | None:
        """The grid read as answers (paper: options in the course file's order); None and a
        message naming the cell when a cell is not a letter of that item."""
        workshop = self.current()
        if workshop is None:
            return None
        items = self.test_items()
        people = self.store.participants(workshop.id)
        now = datetime.now(UTC)
        out: dict[int, list[TestAnswer]] = {}
        for r, person in enumerate(people):
            answers = []
            for c, item in enumerate(items):
                cell = self.tests_table.item(r, c)
                text = (cell.text() if cell else "").strip().upper()
                if not text:
                    continue  # not answered on paper: not recorded
                order = tuple(range(len(item.options)))
                letters = LETTERS[: len(order)]
                # Cyrillic А/В/С typed on a Russian keyboard are the same letters
                text = {"А": "A", "В": "B", "С": "C", "Д": "D"}.get(text, text)
                if text not in letters:
                    self._say(_("Participant {code}, question {number}: write {letters} or leave it empty.")
                              .format(code=person.code, number=c + 1, letters=", ".join(letters)))  # fmt: skip
                    self.tests_table.setCurrentCell(r, c)
                    return None
                chosen, right = answer_for(item, order, letters.index(text))
                answers.append(TestAnswer(person.id, self.phase(), self.form_combo.currentText(),
                                          item.id, order, chosen, right, now))  # fmt: skip
            out[person.id] = answers
        return out

    def save_answers(self) -> bool:
        answers = self.grid_answers()
        if answers is None:
            return False
        try:
            for participant_id, rows in answers.items():
                self.store.record_test(participant_id, self.phase(), rows)
        except StorageError as exc:
            self._say(str(exc))
            return False
        count = sum(len(v) for v in answers.values())
        self._say(
            ngettext("{count} answer saved.", "{count} answers saved.", count).format(count=count)
        )
        self.fill_report()
        return True

    def take_from_lessons(self) -> int:
        """Answers the participants with a household gave in the lessons' own test."""
        workshop = self.current()
        if workshop is None:
            return 0
        phase = self.phase()
        items = {i.id: i for i in self.test_items()}
        try:
            taken = self._take_from_lessons(workshop, phase, items)
        except StorageError as exc:
            self._say(str(exc))
            return 0
        self._say(ngettext("Answers taken from the lessons for {count} participant.",
                           "Answers taken from the lessons for {count} participants.", taken).format(count=taken))  # fmt: skip
        self.fill_tests()
        self.fill_report()
        return taken

    def _take_from_lessons(self, workshop: Workshop, phase: str, items: dict[str, Any]) -> int:
        taken = 0
        for person in self.store.participants(workshop.id):
            if person.household_id is None:
                continue
            for steps in self.store.progress(person.household_id).values():
                for record in steps.values():
                    answer = record.answer
                    if not isinstance(answer, dict):
                        continue  # a damaged record: left out, never a crash
                    given = answer.get("answers")
                    if (
                        answer.get("phase") != phase
                        or answer.get("draft")
                        or not isinstance(given, dict)
                    ):
                        continue
                    rows = []
                    for item_id, chosen in given.items():
                        item = items.get(item_id)
                        if item is None or not isinstance(chosen, list):
                            continue
                        order = tuple(range(len(item.options)))
                        pick = (
                            chosen[0] if len(chosen) == 1 and isinstance(chosen[0], int) else None
                        )
                        index, right = (
                            answer_for(item, order, pick)
                            if pick is not None and 0 <= pick < len(order)
                            else (None, False)
                        )
                        rows.append(TestAnswer(person.id, phase, self.form_combo.currentText(),
                                               item_id, order, index, right, datetime.now(UTC)))  # fmt: skip
                    if rows:
                        self.store.record_test(person.id, phase, rows)
                        taken += 1
        return taken

    # -- report and export -----------------------------------------------------------------

    def rows(self) -> list[results.ResultRow]:
        workshop = self.current()
        if workshop is None:
            return []
        return result_rows(workshop, self.store.participants(workshop.id),
                           self.store.test_answers(workshop.id), self.items, self.store.laptop_salt())  # fmt: skip

    def report(self) -> results.GroupReport:
        return results.group_report(self.rows())

    def _percent(self, share: results.Share) -> str:
        from decimal import Decimal

        from budget_tutor import i18n
        from budget_tutor.money import format_percent

        value = share.percent
        return "—" if value is None else format_percent(Decimal(value), i18n.babel_locale())

    def fill_report(self) -> None:
        try:
            report = self.report()
        except StorageError as exc:  # the laptop's salt cannot be made (a read-only store)
            self._say(str(exc))
            return
        titles = {i.id: self.library.text(i.question) for i in self.items}
        modules = {lesson.id.split("-")[0]: self.library.text(lesson.title, lesson)
                   for lesson in self.library.course_lessons()}  # fmt: skip
        lines = [(modules.get(line.key, line.key), line, True) for line in report.objectives]
        lines += [(f"{n}. {titles.get(line.key, line.key)}", line, False)
                  for n, line in enumerate(report.items, start=1)]  # fmt: skip
        table = self.report_table
        table.setRowCount(len(lines))
        for r, (title, line, bold) in enumerate(lines):
            cells = [title, self._percent(line.pre), self._percent(line.post),
                     "—" if line.gain is None else f"{line.gain:+d}"]  # fmt: skip
            for c, text in enumerate(cells):
                cell = _cell(text)
                if bold:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(r, c, cell)
        table.resizeRowsToContents()
        if report.difficult:
            names = "; ".join(titles.get(k, k) for k in report.difficult)
            self.difficult_label.setText(
                _("Difficult questions (fewer than 60 % right after the course): {items}").format(
                    items=names
                )
            )
        else:
            self.difficult_label.setText(
                ngettext("{count} participant in the report.", "{count} participants in the report.",
                         report.participants).format(count=report.participants)
            )  # fmt: skip

    def export_results(self, path: str | None = None) -> bool:
        from budget_tutor.safe_write import ExportError

        workshop = self.current()
        if workshop is None:
            return False
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.export_button.text(), str(Path.home() / f"results-{workshop.code}.xlsx"),
                _("Results (*.xlsx *.csv)"),
            )  # fmt: skip
            if not path:
                return False
        rows = self.rows()
        try:
            results.write_results_file(Path(path), rows)
        except ExportError as exc:
            self._say(exc.message())
            return False
        self._say(ngettext("{count} answer written to {path}.", "{count} answers written to {path}.",
                           len(rows)).format(count=len(rows), path=path))  # fmt: skip
        return True

    def save_report_pdf(self, path: str | None = None) -> bool:
        from budget_tutor.safe_write import ExportError
        from budget_tutor.ui import trainer_kit_pdf

        workshop = self.current()
        if workshop is None:
            return False
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.report_pdf_button.text(), str(Path.home() / f"report-{workshop.code}.pdf"),
                "PDF (*.pdf)",
            )  # fmt: skip
            if not path:
                return False
        report = self.report()
        headers = [_("Objective or question"), _("Before"), _("After"), _("Gain")]
        parts = [trainer_kit_pdf._tag("h1", _("Group report: {name}").format(name=workshop.name)),
                 trainer_kit_pdf._tag("p", f"{workshop.place}, {workshop.region} · {workshop.start.isoformat()} – "
                                            f"{workshop.end.isoformat()} · {workshop.trainer}"),
                 trainer_kit_pdf._tag("p", ngettext("{count} participant.", "{count} participants.",
                                                    report.participants).format(count=report.participants)),
                 trainer_kit_pdf._TABLE, trainer_kit_pdf._row([trainer_kit_pdf._e(h) for h in headers], True, (64, 12, 12, 12))]  # fmt: skip
        for r in range(self.report_table.rowCount()):
            cells = [self.report_table.item(r, c).text() for c in range(4)]
            parts.append(trainer_kit_pdf._row([trainer_kit_pdf._e(x) for x in cells]))
        parts.append("</table>")
        parts.append(trainer_kit_pdf._tag("p", self.difficult_label.text()))
        try:
            trainer_kit_pdf._write_html(Path(path), workshop.name, "".join(parts))
        except ExportError as exc:
            self._say(exc.message())
            return False
        self._say(_("Written: {path}").format(path=path))
        return True

    # -- language --------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Workshops"))
        self.workshop_label.setText(_("Workshop:"))
        for i, text in enumerate((_("New workshop"), _("Participants and attendance"),
                                  _("Test answers"), _("Group report"))):  # fmt: skip
            self.tabs.setTabText(i, text)
        for label, text in zip(self.new_labels, (_("Short code:"), _("Name:"), _("Place:"), _("Region:"),
                                                 _("Trainer:"), _("First day:"), _("Last day:")), strict=True):  # fmt: skip
            label.setText(text)
        self.code_edit.setPlaceholderText(_("e.g. kulob-2026-11"))
        self.create_button.setText(_("Create the workshop"))
        self.participant_edit.setPlaceholderText(_("Participant code, e.g. KL-01"))
        self.add_button.setText(_("Add the participant"))
        current = self.phase_combo.currentIndex()
        self.phase_combo.blockSignals(True)
        self.phase_combo.clear()
        self.phase_combo.addItems([_("Pre-test"), _("Post-test")])
        self.phase_combo.setCurrentIndex(max(current, 0))
        self.phase_combo.blockSignals(False)
        self.save_answers_button.setText(_("Save the answers"))
        self.from_lessons_button.setText(_("Take the answers from the lessons"))
        self.grid_hint.setText(
            _(
                "Type the letter each participant ticked on the paper answer grid (A, B, C…); leave a question empty if it was not answered."
            )
        )
        self.report_table.setHorizontalHeaderLabels(
            [_("Objective or question"), _("Before"), _("After"), _("Gain")]
        )
        self.report_pdf_button.setText(_("Save the report as PDF…"))
        self.export_button.setText(_("Save the results for the donor…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.isVisible():
                self.refresh()
        super().changeEvent(event)
