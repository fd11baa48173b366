"""A workshop run in the real dialog on a real store: three participants, attendance, the
pre-test typed in from paper (form A), the post-test (form B), the group report checked against
counts worked out by hand, the export of two laptops merged, a damaged file refused."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from budget_tutor import i18n, resources, results
from budget_tutor.lessons.library import builtin_lessons_dir, load_library
from budget_tutor.samples import build_sample
from budget_tutor.storage import StorageError, Store
from budget_tutor.ui.session import AppSession
from budget_tutor.ui.workshops_dialog import WorkshopsDialog
from budget_tutor.workshops import form_items


@pytest.fixture
def library():
    return load_library(builtin_lessons_dir(), assets_dir=resources.assets_dir())


def open_dialog(qtbot, tmp_path, name, library):
    store = Store.open(tmp_path / name)
    session = AppSession(store)
    dialog = WorkshopsDialog(session, library)
    qtbot.addWidget(dialog)
    return store, dialog


def right_letter(item) -> str:
    return "ABCD"[next(i for i, o in enumerate(item.options) if o.correct)]


def wrong_letter(item) -> str:
    return "ABCD"[next(i for i, o in enumerate(item.options) if not o.correct)]


def run_workshop(dialog, store, code: str, pre_right: dict[str, int], post_right: dict[str, int]):
    """Create the workshop, three participants (one a household of the laptop), attendance, and
    the two tests: participant k gets the first pre_right[k] / post_right[k] items right."""
    i18n.set_language("ru")
    dialog.code_edit.setText(code)
    dialog.name_edit.setText("Куляб, ноябрь")
    dialog.place_edit.setText("Куляб")
    dialog.region_edit.setText("Хатлон")
    dialog.trainer_edit.setText("Зарина Саидова")
    dialog.start_edit.setDate(QDate(2026, 11, 2))
    dialog.end_edit.setDate(QDate(2026, 11, 5))
    assert dialog.create_workshop() is not None
    household = store.create_household(build_sample("karimov-kulob"))
    dialog.load_workshops(select=dialog.workshop_combo.currentData())
    for participant in ("KL-01", "KL-02"):
        dialog.participant_edit.setText(participant)
        assert dialog.add_participant() is not None
    dialog.household_combo.setCurrentIndex(dialog.household_combo.findData(household))
    assert dialog.add_participant() is not None  # code made from the household
    # attendance: everybody on day 1, KL-02 not on day 2
    table = dialog.people_table
    assert table.columnCount() == 2 + 4  # four days
    for row in range(table.rowCount()):
        for day in (1, 2):
            if table.item(row, 0).text() == "KL-02" and day == 2:
                continue
            table.item(row, 1 + day).setCheckState(Qt.CheckState.Checked)
    for phase_index, answers in ((0, pre_right), (1, post_right)):
        dialog.phase_combo.setCurrentIndex(phase_index)
        assert dialog.form_combo.currentText() == ("A" if phase_index == 0 else "B")
        items = dialog.test_items()
        grid = dialog.tests_table
        for row in range(grid.rowCount()):
            who = grid.verticalHeaderItem(row).text()
            for col, item in enumerate(items):
                letter = right_letter(item) if col < answers[who] else wrong_letter(item)
                if phase_index == 0 and who == "KL-01" and col == len(items) - 1:
                    letter = "в"  # Cyrillic, as typed on a Russian keyboard: B
                    letter = "в".upper()
                grid.item(row, col).setText(letter)
        assert dialog.save_answers(), dialog.message_label.text()
    return household


def test_a_workshop_from_first_day_to_the_group_report(qtbot, tmp_path, library):
    store, dialog = open_dialog(qtbot, tmp_path, "laptop-1", library)
    try:
        items = dialog.items
        n = len(items)
        pre_items, post_items = form_items(items, "A"), form_items(items, "B")
        per_laptop = 3 * (len(pre_items) + len(post_items))  # each participant, each form
        household_code = None
        household = run_workshop(dialog, store, "kulob-2026-11", {"KL-01": 3, "KL-02": 6, "H001": 0},
                                 {"KL-01": n, "KL-02": 9, "H001": 6})  # fmt: skip
        workshop = store.workshops()[0]
        people = store.participants(workshop.id)
        household_code = next(p.code for p in people if p.household_id == household)
        assert sorted(p.code for p in people) == sorted(["KL-01", "KL-02", household_code])
        attendance = store.attendance(workshop.id)
        by_code = {p.code: p.id for p in people}
        assert (by_code["KL-02"], 2) not in attendance and (by_code["KL-01"], 2) in attendance
        assert len(attendance) == 5
        answers = store.test_answers(workshop.id)
        assert len(answers) == per_laptop  # form A before, form B after
        report = dialog.report()
        assert report.participants == 3
        first = next(line for line in report.items if line.key == pre_items[0].id)
        # form A's item 1: pre right for KL-01 and KL-02 (1 of 3 wrong: H001) -> 2 of 3 = 67 %;
        # not in the post-test (form B), so no gain per item: the gain is per objective
        assert (first.pre.percent, first.post.percent, first.gain) == (67, None, None)
        # an objective measured in both forms: pre right for those with more than its position
        # in form A right (KL-01 3, KL-02 6, H001 0), post likewise (KL-01 all, KL-02 9, H001 6)
        twin = next(i for i in post_items if i.id.endswith("-b"))
        pair = next(i for i in pre_items if i.objective == twin.objective)
        pre_a, post_b = pre_items.index(pair), post_items.index(twin)
        pre_share = sum(k > pre_a for k in (3, 6, 0)), sum(k > post_b for k in (n, 9, 6))
        goal = next(line for line in report.objectives if line.key == twin.objective)
        assert (goal.pre.correct, goal.post.correct) == pre_share
        assert (goal.pre.answered, goal.post.answered) == (3, 3)
        last = next(line for line in report.items if line.key == post_items[-1].id)
        # last item (n >= 10): pre nobody right except... KL-01 typed "В" (wrong unless B is right)
        assert last.post.correct == 1 and last.post.answered == 3
        assert dialog.report_table.rowCount() == len(report.objectives) + len(report.items)
        assert dialog.difficult_label.text()
        # export, then merge with a second laptop's
        export_1 = tmp_path / "laptop-1.csv"
        assert dialog.export_results(str(export_1))
        rows_1 = results.read_results_file(export_1)
        assert len(rows_1) == per_laptop
        assert not any("KL-01" in r.participant or "Карим" in r.workshop_name for r in rows_1)
        pdf = tmp_path / "report.pdf"
        assert dialog.save_report_pdf(str(pdf))
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
    finally:
        store.close()

    store_2, dialog_2 = open_dialog(qtbot, tmp_path, "laptop-2", library)
    try:
        run_workshop(dialog_2, store_2, "isfara-2026-11", {"KL-01": 2, "KL-02": 2, "H001": 2},
                     {"KL-01": 5, "KL-02": 5, "H001": 5})  # fmt: skip
        export_2 = tmp_path / "laptop-2.xlsx"
        assert dialog_2.export_results(str(export_2))
    finally:
        store_2.close()
    merged = results.merge_files([export_1, export_2, export_1], tmp_path / "all.csv")
    assert len(merged.rows) == 2 * per_laptop  # the copy of laptop 1 counted once
    assert merged.duplicates == per_laptop and merged.conflicts == []
    damaged = tmp_path / "damaged.csv"
    damaged.write_text(export_1.read_text(encoding="utf-8").replace(",pre,", ",maybe,", 1),
                       encoding="utf-8")  # fmt: skip
    with pytest.raises(results.ResultsFileError):
        results.merge_files([export_2, damaged], tmp_path / "none.csv")
    assert not (tmp_path / "none.csv").exists()


def test_a_bad_grid_cell_is_named_and_nothing_is_saved(qtbot, tmp_path, library):
    store, dialog = open_dialog(qtbot, tmp_path, "laptop", library)
    try:
        i18n.set_language("tg")
        dialog.code_edit.setText("rasht-1")
        dialog.start_edit.setDate(QDate(2026, 12, 1))
        dialog.end_edit.setDate(QDate(2026, 12, 2))
        assert dialog.create_workshop()
        dialog.participant_edit.setText("R-1")
        dialog.add_participant()
        dialog.tests_table.item(0, 0).setText("Z")
        assert not dialog.save_answers()
        assert "R-1" in dialog.message_label.text() and "1" in dialog.message_label.text()
        assert store.test_answers(store.workshops()[0].id) == []
        dialog.code_edit.setText("rasht-1")  # the same code again
        assert dialog.create_workshop() is None
        assert "rasht-1" in dialog.message_label.text()
    finally:
        store.close()


def test_store_refuses_bad_workshops(tmp_path):
    with Store.open(tmp_path / "d") as store:
        with pytest.raises(StorageError):
            store.create_workshop("bad code!", "x", "", "", "", date(2026, 1, 1), date(2026, 1, 2))
        with pytest.raises(StorageError):
            store.create_workshop("w", "x\u202e", "", "", "", date(2026, 1, 1), date(2026, 1, 2))
        with pytest.raises(StorageError):
            store.create_workshop("w", "x", "", "", "", date(2026, 1, 3), date(2026, 1, 2))
        salt = store.laptop_salt()
        assert salt == store.laptop_salt() and len(salt) == 32


def test_damaged_lesson_answers_are_left_out_and_percent_follows_the_language(
    qtbot, tmp_path, library
):
    store, dialog = open_dialog(qtbot, tmp_path, "laptop", library)
    try:
        i18n.set_language("ru")
        dialog.code_edit.setText("w-1")
        assert dialog.create_workshop()
        household = store.create_household(build_sample("karimov-kulob"))
        dialog.load_workshops(select=dialog.workshop_combo.currentData())
        dialog.household_combo.setCurrentIndex(dialog.household_combo.findData(household))
        assert dialog.add_participant()
        # the lessons' pre-test stored with damaged answers: a list, a text, a dict of nonsense
        for n, answer in enumerate(({"phase": "pre", "answers": ["x"]},
                                    {"phase": "pre", "answers": "abc"},
                                    {"phase": "pre", "answers": {"no-such-item": "B"}})):  # fmt: skip
            store.record_step(
                household, "m00-welcome", f"pre-{n}", answer=answer, score=None, done=True
            )
        assert dialog.take_from_lessons() == 0  # nothing usable, and no crash
        assert dialog._percent(results.Share(2, 3)) == "67\u00a0%"
        i18n.set_language("tg")
        assert dialog._percent(results.Share(2, 3)) == "67%"
    finally:
        store.close()
