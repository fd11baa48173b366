"""The household database: profiles, plans, PIN, progress, settings, lock, backups, bad files."""

from __future__ import annotations

import dataclasses
import errno
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from budget_tutor import paths, storage
from budget_tutor.model import (
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Plan,
    Schedule,
)
from budget_tutor.storage import (
    AlreadyOpen,
    BackupInfo,
    DatabaseCorrupt,
    DiskFull,
    HouseholdNotFound,
    InvalidValue,
    ReadOnlyStore,
    StorageError,
    Store,
)

REPO = Path(__file__).resolve().parents[2]


def family(name: str = "Rahimovs", people: int = 6, region: str = "Kulob", lines: int = 1) -> Plan:
    return Plan(
        Household(name, people=people, region=region),
        incomes=(
            Income("inc", "Husband", IncomeKind.REMITTANCE, Schedule.monthly(200_000, (4, 5, 6))),
        ),
        expenses=tuple(
            Expense(f"exp{i}", f"Food {i}", ExpenseCategory.FOOD, Schedule.monthly(150_000 + i))
            for i in range(lines)
        ),
    )


class Clock:
    """A settable clock for the store."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data: Path) -> Iterator[Store]:
    s = Store.open(data)
    yield s
    s.close()


# -- paths --------------------------------------------------------------------------------------


def test_data_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "portable" / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(target))
    assert paths.data_dir() == target
    assert target.is_dir()
    assert paths.log_dir() == target / "logs"
    assert (target / "logs").is_dir()
    assert paths.log_dir(tmp_path) == tmp_path / "logs"


def test_data_dir_defaults_to_the_platform_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.setattr(
        paths.platformdirs, "user_data_dir", lambda app, appauthor: str(tmp_path / app)
    )
    assert paths.data_dir() == tmp_path / "budget-tutor"


def test_open_without_a_folder_uses_the_data_dir(tmp_path: Path) -> None:
    with Store.open() as s:
        assert s.db_path == tmp_path / "data" / "budget.sqlite"


# -- the database itself ------------------------------------------------------------------------


def test_new_database_is_wal_at_the_current_schema(store: Store) -> None:
    assert store.schema_version() == storage.SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    history = store.conn.execute("SELECT version FROM schema_history ORDER BY version").fetchall()
    assert [v for (v,) in history] == list(range(1, storage.SCHEMA_VERSION + 1))


def test_no_money_column_is_real(store: Store) -> None:
    tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    types = {
        (table, col[1]): col[2].upper()
        for table in tables
        for col in store.conn.execute(f"PRAGMA table_info({table})")
    }
    assert types
    assert not [key for key, kind in types.items() if kind not in ("INTEGER", "TEXT")]


# -- households ---------------------------------------------------------------------------------


def test_create_load_save(store: Store) -> None:
    plan = family()
    hid = store.create_household(plan)
    assert store.load_plan(hid) == plan
    changed = plan.replace(household=Household("Rahimov family", people=7, region="Vose"))
    store.save_plan(hid, changed)
    assert store.load_plan(hid) == changed
    [info] = store.list_households()
    assert (info.id, info.name, info.people, info.region, info.has_pin) == (
        hid,
        "Rahimov family",
        7,
        "Vose",
        False,
    )


def test_plan_is_one_json_document(store: Store) -> None:
    hid = store.create_household(family())
    (document,) = store.conn.execute(
        "SELECT document FROM plans WHERE household_id = ?", (hid,)
    ).fetchone()
    assert '"format":"budget-tutor-plan"' in document
    assert '"amount":"2000.00"' in document


def test_households_are_listed_by_name(store: Store) -> None:
    for name in (
        "Юсуповҳо",
        "azimovs",
        "Ғаффоров",
        "Boboevs",
        "Ёров",
        "Гулов",
        "Дилшод",
        "Ермаков",
    ):
        store.create_household(family(name))
    assert [h.name for h in store.list_households()] == [
        "azimovs",
        "Boboevs",
        "Гулов",
        "Ғаффоров",
        "Дилшод",
        "Ермаков",
        "Ёров",
        "Юсуповҳо",
    ]


def test_data_survives_closing(data: Path) -> None:
    with Store.open(data) as s:
        hid = s.create_household(family())
        s.set_setting("language", "tg")
    with Store.open(data) as s:
        assert s.load_plan(hid) == family()
        assert s.get_setting("language") == "tg"


def test_rename_changes_the_plan_too(store: Store) -> None:
    hid = store.create_household(family())
    store.rename_household(hid, "  Karimovs  ")
    assert store.load_plan(hid).household.name == "Karimovs"
    assert store.list_households()[0].name == "Karimovs"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Enter a name."),
        ("   ", "Enter a name."),
        ("x" * 201, "at most 200"),
        ("a\x00b", "control character (U+0000)"),
        ("Roof \udfff", "broken character (U+DFFF)"),
        ("Rent\u202egnirts", "reading direction (U+202E)"),
        ("\u2800\u200b", "only invisible characters"),
    ],
)
def test_bad_names_are_refused(store: Store, name: str, message: str) -> None:
    hid = store.create_household(family())
    with pytest.raises(InvalidValue) as info:
        store.rename_household(hid, name)
    assert message in str(info.value)
    with pytest.raises(StorageError):
        store.create_household(family(name))
    assert store.load_plan(hid) == family()
    assert len(store.list_households()) == 1


def test_invalid_plan_is_not_stored(store: Store) -> None:
    hid = store.create_household(family())
    bad = family().replace(goals=(storage_goal_to_nowhere(),))
    with pytest.raises(StorageError) as info:
        store.save_plan(hid, bad)
    assert "goals[0].place_id" in str(info.value)
    assert store.load_plan(hid) == family()


def storage_goal_to_nowhere() -> Any:
    from budget_tutor.model import SavingsGoal

    return SavingsGoal("g", "Roof", 1000, "no-such-place")


def test_duplicate_copies_the_plan_and_pin_not_progress(store: Store) -> None:
    hid = store.create_household(family())
    store.set_pin(hid, "4321")
    store.record_step(hid, "m01", "s1", answer={"a": 1}, score=Decimal(1), done=True)
    copy_id = store.duplicate_household(hid, "Copy")
    assert copy_id != hid
    assert store.load_plan(copy_id) == family("Copy")
    assert store.progress(copy_id) == {}
    assert store.household(copy_id).has_pin is True  # a copy is as private as the original
    assert store.verify_pin(copy_id, "4321") and not store.verify_pin(copy_id, "0000")
    assert store.household(hid).has_pin is True
    plain = store.create_household(family("Plain"))
    assert store.household(store.duplicate_household(plain, "Plain 2")).has_pin is False


def test_soft_delete_and_undelete(store: Store) -> None:
    keep = store.create_household(family("Keep"))
    gone = store.create_household(family("Gone"))
    store.record_step(gone, "m01", "s1", answer=None, score=None, done=True)
    store.delete_household(gone)
    assert [h.id for h in store.list_households()] == [keep]
    assert [h.id for h in store.deleted_households()] == [gone]
    assert store.backups()[0].reason == "before-delete"
    store.undelete_household(gone)
    assert sorted(h.id for h in store.list_households()) == [keep, gone]
    assert store.deleted_households() == []
    assert store.load_plan(gone) == family("Gone")
    assert store.progress(gone)["m01"]["s1"].done


def test_unknown_household(store: Store) -> None:
    for call in (
        lambda: store.load_plan(99),
        lambda: store.save_plan(99, family()),
        lambda: store.rename_household(99, "x"),
        lambda: store.delete_household(99),
        lambda: store.undelete_household(99),
        lambda: store.set_pin(99, "1234"),
        lambda: store.verify_pin(99, "1234"),
        lambda: store.record_step(99, "m", "s", answer=None, score=None, done=True),
    ):
        with pytest.raises(HouseholdNotFound) as info:
            call()
        assert "number 99" in str(info.value)


def test_import_makes_a_backup_first(store: Store) -> None:
    hid = store.import_plan(family("Imported"))
    assert store.load_plan(hid) == family("Imported")
    assert store.backups()[0].reason == "before-import"


# -- PIN ----------------------------------------------------------------------------------------


def test_pin(store: Store) -> None:
    a = store.create_household(family("A"))
    b = store.create_household(family("B"))
    assert store.verify_pin(a, "anything")  # no PIN: nothing to check
    store.set_pin(a, "2468")
    store.set_pin(b, "2468")
    assert store.verify_pin(a, "2468")
    assert not store.verify_pin(a, "2469")
    assert not store.verify_pin(a, "")
    assert store.household(a).has_pin
    hashes = [r[0] for r in store.conn.execute("SELECT pin_hash FROM households ORDER BY id")]
    assert all(h.startswith("scrypt$16384$8$1$") and "2468" not in h for h in hashes)
    assert hashes[0] != hashes[1]  # salted
    store.set_pin(a, None)
    assert not store.household(a).has_pin
    assert store.verify_pin(a, "0000")


@pytest.mark.parametrize("pin", ["", "123", "1234567890123"])
def test_pin_length(store: Store, pin: str) -> None:
    hid = store.create_household(family())
    with pytest.raises(InvalidValue) as info:
        store.set_pin(hid, pin)
    assert "4 to 12 characters" in str(info.value)
    assert not store.household(hid).has_pin


# -- settings and progress ----------------------------------------------------------------------


def test_settings(store: Store) -> None:
    assert store.get_setting("language") is None
    assert store.get_setting("language", "en") == "en"
    store.set_setting("language", "ru")
    store.set_setting("language", "tg")
    assert store.get_setting("language") == "tg"
    with pytest.raises(InvalidValue):
        store.set_setting("", "x")


def test_progress(store: Store) -> None:
    hid = store.create_household(family())
    other = store.create_household(family("Other"))
    store.record_step(
        hid,
        "m01",
        "quiz",
        answer={"choice": "b", "amount": Decimal("12.50")},
        score=Decimal("0.5"),
        done=False,
    )
    store.record_step(hid, "m01", "intro", answer=None, score=None, done=True)
    store.record_step(hid, "m02", "count", answer={"n": 3}, score=Decimal(1), done=True)
    progress = store.progress(hid)
    assert set(progress) == {"m01", "m02"}
    quiz = progress["m01"]["quiz"]
    assert quiz.answer == {"choice": "b", "amount": "12.50"}
    assert quiz.score == Decimal("0.5")
    assert quiz.done is False
    assert progress["m01"]["intro"].answer is None
    assert store.progress(other) == {}
    # a later answer replaces the earlier one; done never goes back
    store.record_step(hid, "m01", "quiz", answer={"choice": "c"}, score=Decimal(1), done=True)
    store.record_step(hid, "m01", "quiz", answer={"choice": "a"}, score=Decimal(0), done=False)
    quiz = store.progress(hid)["m01"]["quiz"]
    assert (quiz.answer, quiz.score, quiz.done) == ({"choice": "a"}, Decimal(0), True)
    store.reset_progress(hid, "m01")
    assert set(store.progress(hid)) == {"m02"}
    store.reset_progress(hid)
    assert store.progress(hid) == {}


# -- lock ---------------------------------------------------------------------------------------


def test_second_open_is_refused_with_a_message(data: Path) -> None:
    first = Store.open(data)
    try:
        with pytest.raises(AlreadyOpen) as info:
            Store.open(data)
        assert "already open" in str(info.value)
        assert str(data) in str(info.value)
    finally:
        first.close()
    Store.open(data).close()  # free again once closed


def test_read_only_view_beside_the_writer(data: Path) -> None:
    with Store.open(data) as writer:
        hid = writer.create_household(family())
        with Store.open(data, read_only=True) as viewer:
            assert viewer.load_plan(hid) == family()
            assert viewer.list_households()[0].id == hid
            for call in (
                lambda: viewer.save_plan(hid, family("X")),
                lambda: viewer.set_setting("a", "b"),
                lambda: viewer.backup("manual"),
                lambda: viewer.create_household(family()),
            ):
                with pytest.raises(ReadOnlyStore) as info:
                    call()
                assert "read-only" in str(info.value)
        writer.save_plan(hid, family("Still writable"))


def test_read_only_without_data(data: Path) -> None:
    with pytest.raises(StorageError) as info:
        Store.open(data, read_only=True)
    assert "no Budget Tutor data" in str(info.value)


def test_stale_lock_after_kill_9_does_not_block(data: Path) -> None:
    code = (
        "import os, signal, sys\n"
        "from budget_tutor.storage import Store\n"
        "s = Store.open(sys.argv[1])\n"
        "s.set_setting('k', 'v')\n"
        "print('locked', flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", code, str(data)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == -signal.SIGKILL, done.stderr
        assert "locked" in done.stdout
        with Store.open(data) as s:
            assert s.get_setting("k") == "v"
    assert (data / storage.LOCK_NAME).exists()


# -- backups ------------------------------------------------------------------------------------


def test_backup_is_a_consistent_standalone_copy(store: Store) -> None:
    hid = store.create_household(family())
    info = store.backup("Manual: before the lesson!")
    assert info.reason == "manual-before-the-lesson"
    assert info.path.parent == store.data_dir / "backups"
    assert info.path.name.startswith("budget-tutor-backup-")
    assert info.schema_version == storage.SCHEMA_VERSION
    assert not Path(f"{info.path}-wal").exists()
    conn = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT id FROM households").fetchall() == [(hid,)]
    finally:
        conn.close()
    assert store.backups() == [info]


def test_restore_and_undo(store: Store) -> None:
    hid = store.create_household(family("Before"))
    good = store.backup("manual")
    store.save_plan(hid, family("After", lines=3))
    other = store.create_household(family("Second"))
    undo = store.restore(good)
    assert undo.reason == "before-restore"
    assert store.load_plan(hid) == family("Before")
    assert [h.id for h in store.list_households()] == [hid]
    store.restore(undo)
    assert store.load_plan(hid) == family("After", lines=3)
    assert store.load_plan(other) == family("Second")


def test_restore_refuses_a_damaged_backup(store: Store) -> None:
    hid = store.create_household(family())
    info = store.backup("manual")
    raw = bytearray(info.path.read_bytes())
    raw[4096 : 4096 * 2] = b"\xff" * 4096
    info.path.write_bytes(bytes(raw))
    count = len(store.backups())
    with pytest.raises(StorageError) as info_error:
        store.restore(info)
    assert "cannot be used" in str(info_error.value)
    assert store.load_plan(hid) == family()
    assert len(store.backups()) == count


def test_restore_refuses_a_missing_or_foreign_backup(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        store.restore(BackupInfo(tmp_path / "none.sqlite", "2026-01-01T00:00:00Z", "manual", 2))
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as info:
        store.restore(BackupInfo(foreign, "2026-01-01T00:00:00Z", "manual", 1))
    assert "not a Budget Tutor backup" in str(info.value)


def test_rotation_policy_on_names() -> None:
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    infos = []
    for hours in range(0, 24 * 30, 6):  # four a day for thirty days
        moment = now - timedelta(hours=hours)
        stamp = moment.strftime("%Y%m%dT%H%M%S%fZ")
        reason = "before-migration" if hours == 24 * 25 else "auto"
        info = BackupInfo.from_path(Path(f"budget-tutor-backup-{stamp}-{reason}.sqlite"))
        assert info is not None
        infos.append(info)
    infos.sort(key=lambda i: i.path.name, reverse=True)
    doomed = {i.path for i in storage.backups_to_delete(infos, now)}
    kept = [i for i in infos if i.path not in doomed]
    assert infos[:10] == kept[:10]
    days = {i.created[:10] for i in kept}
    expected_days = {(now - timedelta(days=d)).strftime("%Y-%m-%d") for d in range(14)}
    assert expected_days <= days
    assert any(i.reason == "before-migration" for i in kept)
    # nothing older than 14 days except the migration backup
    old = [i for i in kept if i.created[:10] < min(expected_days)]
    assert [i.reason for i in old] == ["before-migration"]
    assert len(kept) == 10 + (14 - 3) + 1  # the newest 10 cover the last 2.5 days


def test_rotation_deletes_only_its_own_files(data: Path) -> None:
    clock = Clock(datetime(2026, 11, 1, 8, 0, tzinfo=UTC))
    with Store.open(data, clock=clock) as s:
        s.create_household(family())
        folder = s.data_dir / "backups"
        folder.mkdir(exist_ok=True)
        strangers = ["notes.txt", "budget-tutor-backup-old.sqlite", "my-copy.sqlite"]
        for name in strangers:
            (folder / name).write_text("keep me")
        for _ in range(40):
            s.backup("auto")
            clock.advance(hours=12)
        kept = s.backups()
        assert len(kept) <= storage.KEEP_NEWEST + storage.KEEP_DAYS
        assert len(kept) >= storage.KEEP_NEWEST
        for name in strangers:
            assert (folder / name).read_text() == "keep me"
        for info in kept:
            conn = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            conn.close()


def test_half_written_backup_is_cleaned_up(data: Path) -> None:
    Store.open(data).close()
    folder = data / "backups"
    folder.mkdir()
    (folder / ".budget-tutor-backup-20261128T000000000000Z-auto.sqlite.tmp").write_bytes(b"half")
    (folder / "other.tmp").write_bytes(b"not ours")
    Store.open(data).close()
    assert sorted(os.listdir(folder)) == ["other.tmp"]


# -- disk full and other write failures ---------------------------------------------------------


def test_disk_full_while_saving_loses_nothing(store: Store) -> None:
    hid = store.create_household(family())
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    big = family("Big", lines=400)
    with pytest.raises(DiskFull) as info:
        store.save_plan(hid, big)
    assert str(info.value) == "The disk is full. Nothing was lost: free some space and try again."
    assert store.load_plan(hid) == family()
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    store.save_plan(hid, big)
    assert store.load_plan(hid) == big


def test_disk_full_while_backing_up(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.create_household(family())
    before = store.backups()

    def full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", full)
    with pytest.raises(DiskFull):
        store.backup("auto")
    monkeypatch.undo()
    assert store.backups() == before
    assert [n for n in os.listdir(store.backup_dir) if n.endswith(".tmp")] == []


def test_delete_is_refused_when_its_backup_fails(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    hid = store.create_household(family())
    monkeypatch.setattr(
        storage.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error"))
    )
    with pytest.raises(StorageError) as info:
        store.delete_household(hid)
    assert "could not save" in str(info.value)
    monkeypatch.undo()
    assert [h.id for h in store.list_households()] == [hid]


def test_sqlite_errors_become_storage_errors() -> None:
    db, base = Path("/x/budget.sqlite"), Path("/x")

    def error(code: int, text: str) -> sqlite3.Error:
        exc = sqlite3.OperationalError(text)
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]
        return exc

    assert isinstance(storage._translate(error(13, "database or disk is full"), db, base), DiskFull)
    assert isinstance(storage._translate(error(11, "malformed"), db, base), DatabaseCorrupt)
    assert "another program" in str(storage._translate(error(5, "database is locked"), db, base))
    assert "may not write" in str(storage._translate(error(8, "readonly"), db, base))
    assert "disk I/O error" in str(storage._translate(error(10, "disk I/O error"), db, base))


# -- damaged and foreign databases --------------------------------------------------------------


def _populated(data: Path, with_backup: bool) -> tuple[int, BackupInfo | None]:
    with Store.open(data) as s:
        hid = s.create_household(family(lines=60))
        for i in range(20):
            s.create_household(family(f"Family {i}", lines=20))
        info = s.backup("auto") if with_backup else None
    return hid, info


def _damage_garbage(db: Path) -> None:
    db.write_bytes(b"This is a shopping list, not a database.\n" * 100)


def _damage_truncate(db: Path) -> None:
    raw = db.read_bytes()
    db.write_bytes(raw[: len(raw) // 3])


def _damage_zero_pages(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    raw[4096 * 2 : 4096 * 6] = bytes(4096 * 4)
    db.write_bytes(bytes(raw))


def _damage_header(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    raw[0:16] = b"SQLite format 4\x00"
    db.write_bytes(bytes(raw))


def _damage_foreign(db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()


DAMAGES = {
    "garbage": _damage_garbage,
    "truncated": _damage_truncate,
    "zeroed-pages": _damage_zero_pages,
    "bad-header": _damage_header,
    "foreign-sqlite": _damage_foreign,
}


@pytest.mark.parametrize("kind", list(DAMAGES))
@pytest.mark.parametrize("with_backup", [True, False])
def test_damaged_database_is_kept_aside_and_a_backup_offered(
    data: Path, kind: str, with_backup: bool
) -> None:
    hid, good = _populated(data, with_backup)
    db = data / "budget.sqlite"
    DAMAGES[kind](db)
    damaged_bytes = db.read_bytes()
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(data)
    error = info.value
    assert error.path == db
    assert error.damaged_copy is not None
    assert error.damaged_copy.name.startswith("budget.sqlite.damaged-")
    assert error.damaged_copy.read_bytes() == damaged_bytes
    assert not db.exists()
    assert str(error.damaged_copy) in str(error)
    if with_backup:
        assert error.newest_backup == good
        assert "newest good backup" in str(error)
        assert good is not None
        with Store.restore_from_backup(data, error.newest_backup) as s:
            assert s.load_plan(hid) == family(lines=60)
            assert len(s.list_households()) == 21
    else:
        assert error.newest_backup is None
        assert "no backup yet" in str(error)
        with Store.open(data) as s:  # starts empty; the damaged file stays aside
            assert s.list_households() == []
        assert error.damaged_copy.read_bytes() == damaged_bytes


def test_garbage_wal_is_ignored_and_data_kept(data: Path) -> None:
    hid, _ = _populated(data, with_backup=False)
    Path(f"{data / 'budget.sqlite'}-wal").write_bytes(os.urandom(20_000))
    with Store.open(data) as s:
        assert s.load_plan(hid) == family(lines=60)


def test_empty_database_file_without_backups_starts_fresh(data: Path) -> None:
    data.mkdir(parents=True)
    (data / "budget.sqlite").write_bytes(b"")
    with Store.open(data) as s:
        assert s.list_households() == []


def test_empty_database_file_with_backups_is_damage(data: Path) -> None:
    _populated(data, with_backup=True)
    (data / "budget.sqlite").write_bytes(b"")
    Path(f"{data / 'budget.sqlite'}-wal").unlink(missing_ok=True)
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(data)
    assert info.value.newest_backup is not None


def test_error_messages_carry_no_traceback(data: Path) -> None:
    data.mkdir(parents=True)
    (data / "budget.sqlite").write_bytes(b"\x00" * 5000)
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(data)
    assert "Traceback" not in str(info.value)
    assert "sqlite3" not in str(info.value)


def test_open_where_no_folder_can_be_made_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError) as info:
        Store.open(blocker / "data")
    assert "could not save" in str(info.value)
    assert blocker.read_text() == "not a folder"


def test_household_info_is_frozen(store: Store) -> None:
    store.create_household(family())
    info = store.list_households()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.name = "x"  # type: ignore[misc]


def test_a_wal_without_its_database_is_set_aside_not_replayed(data: Path) -> None:
    with Store.open(data) as s:
        s.create_household(family())
        s.conn.execute("PRAGMA wal_autocheckpoint = 0")
        s.create_household(family("Only in the WAL"))
        wal = Path(f"{s.db_path}-wal").read_bytes()
    assert len(wal) > 0
    (data / "budget.sqlite").rename(data / "moved-away.sqlite")
    Path(f"{data / 'budget.sqlite'}-wal").write_bytes(wal)
    with Store.open(data) as s:
        assert s.list_households() == []
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [orphan] = list(data.glob("budget.sqlite.orphan-*-wal"))
    assert orphan.read_bytes() == wal


def test_a_crash_right_after_the_first_save_loses_nothing(data: Path) -> None:
    code = (
        "import os, signal, sys\n"
        "from budget_tutor.model import Household, Plan\n"
        "from budget_tutor.storage import Store\n"
        "s = Store.open(sys.argv[1])\n"
        "s.create_household(Plan(Household('First family')))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert Path(f"{data / 'budget.sqlite'}-wal").stat().st_size > 0
    with Store.open(data) as s:
        assert [h.name for h in s.list_households()] == ["First family"]


@pytest.mark.parametrize(
    ("answer", "score"),
    [({"x": object()}, None), ({"x": 1}, Decimal("NaN")), ({"x": 1}, "abc"), ("not a dict", None)],
)
def test_unstorable_answers_are_refused_cleanly(store: Store, answer: Any, score: Any) -> None:
    hid = store.create_household(family())
    with pytest.raises(InvalidValue) as info:
        store.record_step(hid, "m01", "s1", answer=answer, score=score, done=True)
    assert "cannot be saved" in str(info.value)
    assert store.progress(hid) == {}


def test_an_automatic_backup_is_made_at_open_once_a_day(data: Path) -> None:
    clock = Clock(datetime(2026, 11, 2, 8, 0, tzinfo=UTC))
    Store.open(data, clock=clock).close()
    with Store.open(data, clock=clock) as s:
        assert s.backups() == []  # nothing to protect yet
        s.create_household(family())
    clock.advance(minutes=5)
    with Store.open(data, clock=clock) as s:
        assert [b.reason for b in s.backups()] == ["auto"]
    clock.advance(hours=23)
    with Store.open(data, clock=clock) as s:
        assert len(s.backups()) == 1
    clock.advance(hours=2)
    with Store.open(data, clock=clock) as s:
        assert [b.reason for b in s.backups()] == ["auto", "auto"]
        assert s.auto_backup_error is None


def test_a_failed_automatic_backup_does_not_stop_opening(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(data) as s:
        hid = s.create_household(family())

    def full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", full)
    with Store.open(data) as s:
        assert isinstance(s.auto_backup_error, DiskFull)
        assert s.load_plan(hid) == family()


def test_a_filesystem_without_locks_still_opens(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    assert storage._fcntl is not None
    monkeypatch.setattr(storage._fcntl, "flock", no_locks)
    with Store.open(data) as s:
        s.set_setting("k", "v")
        assert s.get_setting("k") == "v"


def test_disk_full_during_restore_changes_nothing(store: Store) -> None:
    hid = store.create_household(family())
    big = store.create_household(family("Big", lines=400))
    backup = store.backup("manual")
    store.save_plan(big, family("Small again"))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.execute("VACUUM")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DiskFull):
        store.restore(backup)
    assert store.load_plan(big) == family("Small again")
    assert store.load_plan(hid) == family()
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    store.restore(backup)
    assert store.load_plan(big) == family("Big", lines=400)


def test_a_damaged_database_with_a_wal_is_kept_aside_exactly_as_found(data: Path) -> None:
    code = (
        "import os, signal, sys\n"
        "from budget_tutor.storage import Store\n"
        "from tests.core.test_storage import family\n"
        "s = Store.open(sys.argv[1])\n"
        "for i in range(30):\n"
        "    s.create_household(family(f'Family {i}', lines=20))\n"
        "s.conn.execute('PRAGMA wal_checkpoint(TRUNCATE)')\n"
        "s.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "s.create_household(family('Only in the WAL'))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    db = data / "budget.sqlite"
    wal = Path(f"{db}-wal")
    assert wal.stat().st_size > 0
    _damage_zero_pages(db)
    db_bytes, wal_bytes = db.read_bytes(), wal.read_bytes()
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(data)
    damaged = info.value.damaged_copy
    assert damaged is not None
    assert damaged.read_bytes() == db_bytes
    assert Path(f"{damaged}-wal").read_bytes() == wal_bytes
    assert not db.exists() and not wal.exists()


def test_restoring_the_oldest_kept_backup_works_although_rotation_would_drop_it(
    data: Path,
) -> None:
    clock = Clock(datetime(2026, 10, 1, 8, 0, tzinfo=UTC))
    with Store.open(data, clock=clock) as s:
        hid = s.create_household(family("Back then"))
        oldest = s.backup("manual")
        s.save_plan(hid, family("Now"))
        clock.advance(days=20)
        for _ in range(storage.KEEP_NEWEST - 1):
            clock.advance(minutes=1)
            s.backup("auto")
        assert s.backups()[-1] == oldest  # kept only as one of the newest ten
        clock.advance(minutes=1)
        undo = s.restore(oldest)
        assert s.load_plan(hid) == family("Back then")
        assert oldest not in s.backups()  # rotated away once it was no longer needed
        s.restore(undo)
        assert s.load_plan(hid) == family("Now")
