"""Trainer ▸ Backups…: the list (date, size, reason, households read from each backup), restore
after a safety backup, back up now, and the full database check with a plain result."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from budget_tutor import i18n, storage, storage_wal
from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui import messages
from budget_tutor.ui.app import run_app
from budget_tutor.ui.backups_dialog import (
    COL_DATE,
    COL_HOUSEHOLDS,
    COL_REASON,
    COL_SIZE,
    BackupsDialog,
)
from budget_tutor.ui.session import AppSession
from tests.core.test_storage_wal import index_damaged_copy


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def plan(name: str) -> Plan:
    return Plan(household=Household(name=name, people=3))


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 2, 9, 30, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: Clock):
    """Two backups: one with Aliev only (Nov 2), one with Aliev and Boboev (Nov 5)."""
    s = Store.open(tmp_path / "data", clock=clock)
    s.create_household(plan("Aliev"))
    s.backup("manual")
    clock.now += timedelta(days=3)
    s.create_household(plan("Boboev"))
    s.backup("before-import")
    clock.now += timedelta(hours=1)
    s.create_household(plan("Valiev"))  # only in the data, in no backup
    yield s
    s.close()


@pytest.fixture
def dialog(qtbot, store):
    session = AppSession(store)
    session.set_trainer_mode(True)
    d = BackupsDialog(session)
    qtbot.addWidget(d)
    d.show()
    return d


def cell(dialog: BackupsDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    assert item is not None
    return item.text()


def test_each_backup_is_listed_with_date_size_reason_and_households(dialog, store):
    assert dialog.table.rowCount() == 2
    local = datetime(2026, 11, 5, 9, 30, tzinfo=UTC).astimezone()
    assert cell(dialog, 0, COL_DATE).startswith(f"November {local.day}, 2026, ")
    assert cell(dialog, 0, COL_DATE).endswith(local.strftime("%H:%M"))
    assert cell(dialog, 0, COL_HOUSEHOLDS) == "Aliev, Boboev"
    assert cell(dialog, 1, COL_HOUSEHOLDS) == "Aliev"
    assert cell(dialog, 0, COL_REASON) == "before a plan file was imported"
    assert cell(dialog, 1, COL_REASON) == "made by hand"
    size_kb = round(store.backups()[0].path.stat().st_size / 1024)
    assert cell(dialog, 0, COL_SIZE) == f"{size_kb} KB"


def test_restore_puts_the_backup_back_after_a_safety_backup(qtbot, dialog, store, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: asked.append(a[2]) or True)
    dialog.table.selectRow(1)  # Nov 2: Aliev only
    with qtbot.waitSignal(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "backed up first" in asked[0]
    assert [h.name for h in store.list_households()] == ["Aliev"]
    newest = store.newest_backup()
    assert newest is not None and newest.reason == "before-restore"
    assert storage.backup_households(newest.path) == ["Aliev", "Boboev", "Valiev"]
    assert "was restored" in dialog.result_label.text()
    assert dialog.table.rowCount() == 3
    assert cell(dialog, 0, COL_REASON) == "before a restore"
    # and the restore can be undone from the same list
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [h.name for h in store.list_households()] == ["Aliev", "Boboev", "Valiev"]


def test_declining_the_restore_changes_nothing(qtbot, dialog, store, monkeypatch):
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: False)
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [h.name for h in store.list_households()] == ["Aliev", "Boboev", "Valiev"]
    assert len(store.backups()) == 2


def test_restore_closes_the_open_household(qtbot, dialog, store, monkeypatch):
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    valiev = next(h.id for h in store.list_households() if h.name == "Valiev")
    dialog.session.open_household(valiev)
    dialog.table.selectRow(0)  # Nov 5: no Valiev
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.session.household_id is None and dialog.session.plan is None


def test_back_up_now_adds_a_backup_with_every_household(qtbot, dialog, store, clock):
    clock.now += timedelta(minutes=5)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 3
    assert cell(dialog, 0, COL_HOUSEHOLDS) == "Aliev, Boboev, Valiev"
    assert storage.backup_households(store.newest_backup().path) == ["Aliev", "Boboev", "Valiev"]


def test_check_database_on_sound_data(qtbot, dialog):
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "no problem was found" in dialog.result_label.text()


def test_check_database_finds_index_damage(qtbot, tmp_path):
    """A copy damaged where quick_check does not look (an index page), opened the same day after
    a clean close (so the start-up used quick_check): the full check in the dialog finds it."""
    probe, _damaged = index_damaged_copy(tmp_path)
    data = tmp_path / "damaged"
    data.mkdir()
    shutil.copyfile(probe, data / storage.DB_NAME)
    size, sha = storage_wal.file_digest(data / storage.DB_NAME) or (0, "")
    today = datetime.now(UTC).date().isoformat()
    storage_wal.write_state(
        data, {"state": "closed", "db_size": size, "db_sha256": sha, "integrity_checked": today}
    )
    store = Store.open(data)
    try:
        d = BackupsDialog(AppSession(store))
        qtbot.addWidget(d)
        qtbot.mouseClick(d.check_button, Qt.MouseButton.LeftButton)
        text = d.result_label.text()
        assert "problem" in text and "was found" in text and "damaged" in text
        assert "no problem" not in text
    finally:
        store.close()


def test_a_damaged_backup_is_listed_as_such(qtbot, store, tmp_path):
    broken = store.backups()[1].path
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    d = BackupsDialog(AppSession(store))
    qtbot.addWidget(d)
    assert "cannot be used" in cell(d, 1, COL_HOUSEHOLDS)
    assert cell(d, 0, COL_HOUSEHOLDS) == "Aliev, Boboev"


def test_read_only_can_check_but_not_restore(qtbot, store, tmp_path):
    viewer = Store.open(store.data_dir, read_only=True)
    try:
        d = BackupsDialog(AppSession(viewer))
        qtbot.addWidget(d)
        assert d.table.rowCount() == 2
        assert not d.restore_button.isEnabled() and not d.backup_button.isEnabled()
        qtbot.mouseClick(d.check_button, Qt.MouseButton.LeftButton)
        assert "no problem was found" in d.result_label.text()
    finally:
        viewer.close()


def test_russian_texts(qtbot, dialog):
    i18n.set_language("ru")
    dialog.retranslate_ui()
    dialog.refresh()
    assert dialog.windowTitle() == "Резервные копии"
    assert "ноября 2026" in cell(dialog, 0, COL_DATE)
    assert "КБ" in cell(dialog, 0, COL_SIZE)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "проблем" in dialog.result_label.text()


def test_the_trainer_menu_opens_the_dialog(qtbot, tmp_path):
    data = tmp_path / "appdata"
    with Store.open(data) as seed:
        seed.create_household(plan("Aliev"))
        seed.set_setting("language", "en")
        seed.backup("manual")
    assert run_app(["--data-dir", str(data), "--lang", "en"], exec_loop=False) == 0
    window = run_app.last_window
    qtbot.addWidget(window)
    try:
        assert not window.backups_action.isEnabled()
        window.session.set_trainer_mode(True)
        assert window.backups_action.isEnabled()
        assert window.backups_action in window.trainer_menu.actions()
        window.backups_action.trigger()
        dialog = window.backups_dialog
        assert dialog.isVisible()
        assert cell(dialog, 0, COL_HOUSEHOLDS) == "Aliev"
        dialog.close()
        window.session.set_trainer_mode(False)
    finally:
        window.close()
        run_app.last_error_handler.uninstall()
        window.session.store.close()
