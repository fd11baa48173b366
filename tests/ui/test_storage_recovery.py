"""What the app does with what the store finds at start (a stale or damaged WAL, data behind the
newest backup, a write-protected disk) and with a save that fails on a full disk (issue 16:
findings 3 and 11)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from budget_tutor import storage
from budget_tutor.model import Household, IncomeKind, Plan
from budget_tutor.storage import DiskFull, Store
from budget_tutor.ui import messages
from budget_tutor.ui.app import run_app
from budget_tutor.ui.plan_page import PlanPage
from budget_tutor.ui.session import AppSession


def plan(name: str) -> Plan:
    return Plan(household=Household(name=name, people=3))


@pytest.fixture
def start(qtbot):
    windows = []

    def _start(data: Path, *extra: str):
        code = run_app(["--data-dir", str(data), "--lang", "en", *extra], exec_loop=False)
        if code != 0:
            return None
        window = run_app.last_window
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield _start
    for window in windows:
        window.close()
        run_app.last_error_handler.uninstall()
        window.session.store.close()


def crash_copy(data: Path, target: Path) -> None:
    shutil.copytree(data, target, ignore=shutil.ignore_patterns(storage.LOCK_NAME))


def three_households_then_a_cut_wal(tmp_path: Path) -> Path:
    """Three households saved and backed up, then a crash leaves a WAL cut to a quarter."""
    data = tmp_path / "data"
    store = Store.open(data)
    store.conn.execute("PRAGMA wal_autocheckpoint=0")
    for name in ("Aliev", "Boboev", "Davlatov"):
        store.create_household(plan(name))
    store.set_setting("language", "en")
    store.backup("manual")
    crashed = tmp_path / "crashed"
    crash_copy(data, crashed)
    store.close()
    wal = Path(f"{crashed / storage.DB_NAME}-wal")
    wal.write_bytes(wal.read_bytes()[: wal.stat().st_size // 4])
    return crashed


def names_in(data: Path) -> list[str]:
    with Store.open(data, read_only=True) as viewer:
        return [h.name for h in viewer.list_households()]


def test_data_behind_the_backup_is_offered_and_restored(start, tmp_path, monkeypatch):
    crashed = three_households_then_a_cut_wal(tmp_path)
    asked: list[tuple[str, list[str]]] = []

    def choose(parent, title, text, choices, cancel=True):
        asked.append((text, list(choices)))
        return 0  # Restore the backup

    monkeypatch.setattr(messages, "ask_choice", choose)
    window = start(crashed)
    assert window is not None
    ((text, choices),) = asked
    assert "less than the newest backup" in text and "Households now:" in text
    assert choices == ["Restore the backup", "Keep the data as it is", "Quit"]
    assert [h.name for h in window.session.store.list_households()] == [
        "Aliev",
        "Boboev",
        "Davlatov",
    ]
    assert window.session.store.newest_backup().reason == "before-restore"


def test_keeping_the_data_is_remembered(start, tmp_path, monkeypatch):
    crashed = three_households_then_a_cut_wal(tmp_path)
    answers = iter([1])
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: next(answers))
    window = start(crashed)
    assert window is not None
    kept = [h.name for h in window.session.store.list_households()]
    assert len(kept) < 3
    window.close()
    run_app.last_error_handler.uninstall()
    window.session.store.close()
    monkeypatch.setattr(
        messages, "ask_choice", lambda *a, **k: pytest.fail("asked again after Keep")
    )
    assert names_in(crashed) == kept
    again = start(crashed)
    assert again is not None


def test_quitting_at_the_offer_does_not_start(start, tmp_path, monkeypatch):
    crashed = three_households_then_a_cut_wal(tmp_path)
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: 2)
    assert start(crashed) is None
    with Store.open(crashed) as store:  # nothing was decided: asked again next time
        assert store.behind_backup is not None


def test_a_stale_wal_is_said_after_start(start, tmp_path):
    data = tmp_path / "data"
    db = data / storage.DB_NAME
    with Store.open(data) as store:
        store.set_setting("language", "en")
        store.create_household(plan("Aliev"))
        old = {s: Path(f"{db}{s}").read_bytes() for s in ("-wal", "-shm")}
        store.create_household(plan("Boboev"))
    for suffix, content in old.items():
        Path(f"{db}{suffix}").write_bytes(content)
    window = start(data)
    assert window is not None
    assert [h.name for h in window.session.store.list_households()] == ["Aliev", "Boboev"]
    assert "was not applied" in (window.session.last_error or "").replace("so it was", "was")


def test_read_only_as_asked_names_that_reason(start, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.set_setting("language", "en")
        store.create_household(plan("Aliev"))
    window = start(data, "--read-only")
    assert window is not None
    message = window.statusBar().currentMessage()
    assert "as asked" in message and "another Budget Tutor" not in message


def test_read_only_beside_another_instance_names_it(start, tmp_path, monkeypatch):
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.set_setting("language", "en")
    holder = Store.open(data)
    try:
        monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: 0)  # Open read-only
        window = start(data)
        assert window is not None
        assert "another Budget Tutor" in window.statusBar().currentMessage()
    finally:
        holder.close()


@pytest.fixture
def write_protected(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    source, mount = tmp_path / "stick", tmp_path / "mounted"
    source.mkdir()
    mount.mkdir()
    if subprocess.run(["mount", "--bind", str(source), str(mount)], capture_output=True).returncode:
        pytest.skip("cannot make a read-only bind mount here")
    try:
        if subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(mount)], capture_output=True
        ).returncode:
            pytest.skip("cannot make a read-only bind mount here")
        yield source, mount
    finally:
        if subprocess.run(["umount", str(mount)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_write_protected_stick_offers_read_only_and_says_why(start, write_protected, monkeypatch):
    """Before the fix: --read-only failed ("may not write") and the status bar of a read-only
    start always blamed another Budget Tutor."""
    source, mounted = write_protected
    with Store.open(source) as store:
        store.set_setting("language", "en")
        store.create_household(plan("Aliev"))
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: asked.append(a[2]) or 0)
    window = start(mounted)
    assert window is not None
    assert "cannot be written" in asked[0]
    message = window.statusBar().currentMessage()
    assert "cannot be written" in message and "another Budget Tutor" not in message
    assert [h.name for h in window.session.store.list_households()] == ["Aliev"]
    window.close()
    run_app.last_error_handler.uninstall()
    window.session.store.close()
    window = start(mounted, "--read-only")
    assert window is not None
    assert "cannot be written" in window.statusBar().currentMessage()


# -- a failed save keeps what was typed ----------------------------------------------------------


@pytest.fixture
def plan_page(qtbot, tmp_path):
    store = Store.open(tmp_path / "data")
    session = AppSession(store)
    session.open_household(store.create_household(plan("Rahimovs")))
    page = PlanPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    yield page
    store.close()


def type_income(qtbot, page: PlanPage, name: str, amount: str):
    section = page.section("incomes")
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    qtbot.keyClicks(dialog.name_edit, name)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(IncomeKind.REMITTANCE))
    dialog.amount_edit.line_edit.selectAll()
    qtbot.keyClicks(dialog.amount_edit.line_edit, amount)
    return section, dialog


def test_a_full_disk_keeps_the_typed_line_for_another_try(qtbot, plan_page, monkeypatch):
    """Before the fix the dialog closed and the typed line was gone."""
    store = plan_page.session.store
    real_save = Store.save_plan
    full = [True]

    def save(self, household_id, new_plan):
        if full[0]:
            raise DiskFull()
        real_save(self, household_id, new_plan)

    monkeypatch.setattr(Store, "save_plan", save)
    section, dialog = type_income(qtbot, plan_page, "Son in Moscow", "1500")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "disk is full" in (plan_page.session.last_error or "")
    assert dialog.isVisible() and section.dialog is dialog
    assert dialog.name_edit.text() == "Son in Moscow"
    assert plan_page.session.failed_edit is not None
    assert store.load_plan(plan_page.session.household_id).incomes == ()
    full[0] = False  # space was freed
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (income,) = store.load_plan(plan_page.session.household_id).incomes
    assert (income.name, income.schedule.amount) == ("Son in Moscow", 150_000)
    assert plan_page.session.failed_edit is None
    assert not dialog.isVisible()


def test_the_session_can_retry_a_failed_edit(qtbot, plan_page, monkeypatch):
    session = plan_page.session
    real_save = Store.save_plan
    monkeypatch.setattr(Store, "save_plan", lambda *a: (_ for _ in ()).throw(DiskFull()))
    new_plan = session.plan.replace(household=Household(name="Rahimovs", people=5))
    assert not session.apply_edit(new_plan, "People")
    assert session.failed_edit == (new_plan, "People")
    monkeypatch.setattr(Store, "save_plan", real_save)
    assert session.retry_failed_edit()
    assert session.store.load_plan(session.household_id).household.people == 5
    assert session.can_undo()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "small"
    point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(point)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_a_real_full_disk_keeps_the_typed_line(qtbot, small_disk):
    store = Store.open(small_disk / "data")
    try:
        session = AppSession(store)
        session.open_household(store.create_household(plan("Rahimovs")))
        page = PlanPage(session)
        qtbot.addWidget(page)
        page.show()
        filler = small_disk / "filler.bin"
        with open(filler, "wb") as fh:
            try:
                fh.write(b"\0" * (8 << 20))
            except OSError:
                pass
        _section, dialog = type_income(qtbot, page, "Son in Moscow", "1500")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert "disk is full" in (session.last_error or ""), session.last_error
        assert dialog.isVisible() and dialog.name_edit.text() == "Son in Moscow"
        os.unlink(filler)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        (income,) = store.load_plan(session.household_id).incomes
        assert income.name == "Son in Moscow"
    finally:
        store.close()
