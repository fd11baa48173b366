"""WAL files that do not belong, damaged WALs, data behind the newest backup, integrity_check,
write-protected disks and disk-full variants (issue 16, findings 3, 4, 7, 11)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor import storage, storage_backups, storage_errors, storage_wal
from budget_tutor.model import Household, Income, IncomeKind, Plan, Schedule
from budget_tutor.storage import (
    BehindBackup,
    DatabaseCorrupt,
    DiskFull,
    ReadOnlyStore,
    StorageError,
    Store,
)


def family(name: str) -> Plan:
    return Plan(
        Household(name, people=4, region="Kulob"),
        incomes=(Income("inc", "Salary", IncomeKind.WAGES, Schedule.monthly(250_000)),),
    )


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def sides(db: Path) -> dict[str, bytes]:
    return {
        s: Path(f"{db}{s}").read_bytes() for s in ("", "-wal", "-shm") if Path(f"{db}{s}").exists()
    }


def names(store: Store) -> list[str]:
    return [h.name for h in store.list_households()]


def crash_copy(data: Path, target: Path) -> None:
    """What a power cut leaves: every file of the open data folder as it is now."""
    shutil.copytree(data, target, ignore=shutil.ignore_patterns(storage.LOCK_NAME))


# -- inspect_wal ---------------------------------------------------------------------------------


@pytest.fixture
def wal_file(tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "x.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x BLOB)")
    for _ in range(5):
        conn.execute("INSERT INTO t VALUES (?)", (b"z" * 3000,))
    copy = tmp_path / "copy-wal"
    copy.write_bytes(Path(f"{db}-wal").read_bytes())
    conn.close()
    yield copy


def test_a_sound_wal_is_replayed_whole(wal_file: Path) -> None:
    report = storage_wal.inspect_wal(wal_file)
    assert report is not None and report.header_ok
    assert report.replayed_commits == 6  # CREATE TABLE and five INSERTs
    assert report.replayed_frames == report.frames
    assert not report.damaged


def test_a_flipped_bit_in_a_frame_is_damage_with_commits_lost(wal_file: Path) -> None:
    data = bytearray(wal_file.read_bytes())
    data[32 + 24 + 100] ^= 0x01  # inside the first frame's page
    wal_file.write_bytes(bytes(data))
    report = storage_wal.inspect_wal(wal_file)
    assert report is not None
    assert report.replayed_commits == 0 and report.commits_after_damage == 6
    assert report.damaged


def test_a_torn_tail_is_not_damage(wal_file: Path) -> None:
    """A cut inside the last transaction (what a power cut can do) loses only that one."""
    data = wal_file.read_bytes()
    wal_file.write_bytes(data[:-100])
    report = storage_wal.inspect_wal(wal_file)
    assert report is not None and not report.damaged
    assert report.replayed_commits == 5


def test_a_wal_with_a_broken_header_is_damage(wal_file: Path) -> None:
    data = bytearray(wal_file.read_bytes())
    data[13] ^= 0x10  # checkpoint sequence: the header checksum no longer matches
    wal_file.write_bytes(bytes(data))
    report = storage_wal.inspect_wal(wal_file)
    assert report is not None and not report.header_ok and report.damaged


def test_sqlite_agrees_with_the_inspection(wal_file: Path, tmp_path: Path) -> None:
    """The count of commits SQLite replays is what inspect_wal says (a copy of the database with
    a cut WAL)."""
    db = wal_file.parent / "x.sqlite"
    data = wal_file.read_bytes()
    frame = 24 + 4096
    for keep in range(1, 7):
        case = tmp_path / f"case{keep}"
        case.mkdir()
        shutil.copyfile(db, case / "x.sqlite")
        (case / "x.sqlite-wal").write_bytes(data[: 32 + frame * 16][: 32 + frame * (keep + 2)])
        report = storage_wal.inspect_wal(case / "x.sqlite-wal")
        assert report is not None
        conn = sqlite3.connect(f"{(case / 'x.sqlite').as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT COUNT(*) FROM t").fetchone()[0]
        except sqlite3.OperationalError:
            rows = None  # the CREATE TABLE is not replayed yet
        finally:
            conn.close()
        expected = None if report.replayed_commits == 0 else report.replayed_commits - 1
        assert rows == expected


# -- the state file -------------------------------------------------------------------------------


def test_a_clean_close_records_the_database_it_left(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.create_household(family("Karimovs"))
        assert storage_wal.read_state(data)["state"] == storage_wal.STATE_OPEN
    state = storage_wal.read_state(data)
    db = data / storage.DB_NAME
    assert state["state"] == storage_wal.STATE_CLOSED
    assert not Path(f"{db}-wal").exists()
    assert (state["db_size"], state["db_sha256"]) == storage_wal.file_digest(db)


def test_a_store_killed_while_open_leaves_state_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    store.create_household(family("Karimovs"))
    crash_copy(data, tmp_path / "crashed")
    store.close()
    assert storage_wal.read_state(tmp_path / "crashed")["state"] == storage_wal.STATE_OPEN
    with Store.open(tmp_path / "crashed") as again:  # the WAL is genuine: replayed
        assert names(again) == ["Karimovs"]
        assert again.notices == []
        assert again.fully_checked  # after a crash: the full integrity_check


# -- finding 3: a stale WAL beside a cleanly closed database ------------------------------------------


def test_an_older_wal_beside_a_newer_cleanly_closed_database_is_not_replayed(
    tmp_path: Path,
) -> None:
    """The attack: copy -wal/-shm while one household is saved, add two more, close, put the old
    -wal/-shm back, start. Before the fix the old state opened (1 household) with no message and
    nothing kept."""
    data = tmp_path / "data"
    db = data / storage.DB_NAME
    with Store.open(data) as store:
        store.create_household(family("Aliev"))
        old = sides(db)
        assert "-wal" in old and "-shm" in old
        store.create_household(family("Boboev"))
        store.create_household(family("Davlatov"))
    newer = db.read_bytes()
    Path(f"{db}-wal").write_bytes(old["-wal"])
    Path(f"{db}-shm").write_bytes(old["-shm"])
    with Store.open(data) as store:
        assert names(store) == ["Aliev", "Boboev", "Davlatov"]
        (notice,) = store.notices
        assert "budget.sqlite-wal" in notice.user_message()
        assert "not applied" in notice.user_message()
    (kept,) = storage.kept_copies(data)
    assert kept.name.endswith("-stale-wal")
    assert (kept / "budget.sqlite-wal").read_bytes() == old["-wal"]
    assert (kept / "budget.sqlite-shm").read_bytes() == old["-shm"]
    assert (kept / "budget.sqlite").read_bytes() == newer
    with Store.open(data) as store:  # and the next start is quiet
        assert names(store) == ["Aliev", "Boboev", "Davlatov"]
        assert store.notices == []


def test_a_stale_wal_is_not_read_by_a_read_only_open_either(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = data / storage.DB_NAME
    with Store.open(data) as store:
        store.create_household(family("Aliev"))
        old = sides(db)
        store.create_household(family("Boboev"))
    Path(f"{db}-wal").write_bytes(old["-wal"])
    Path(f"{db}-shm").write_bytes(old["-shm"])
    with Store.open(data, read_only=True) as viewer:
        assert names(viewer) == ["Aliev", "Boboev"]
    assert Path(f"{db}-wal").read_bytes() == old["-wal"]  # looking changes nothing


def test_a_genuine_wal_after_a_crash_is_copied_aside_then_replayed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    store.create_household(family("Aliev"))
    crashed = tmp_path / "crashed"
    crash_copy(data, crashed)
    store.close()
    found = sides(crashed / storage.DB_NAME)
    with Store.open(crashed) as again:
        assert names(again) == ["Aliev"]
    (kept,) = storage.kept_copies(crashed)
    assert kept.name.endswith("-before-wal-replay")
    assert {f"{p.name}": p.read_bytes() for p in kept.iterdir()} == {
        f"budget.sqlite{s}": b for s, b in found.items()
    }


def test_copies_before_replay_are_rotated_stale_ones_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    folder = data / storage.BACKUP_DIR
    folder.mkdir(parents=True)
    for n in range(storage.KEEP_WAL_COPIES + 3):
        (folder / f"kept-20261101T0000{n:02d}000000Z-before-wal-replay").mkdir()
    (folder / "kept-20261001T000000000000Z-stale-wal").mkdir()
    store = Store.open(data)
    store.create_household(family("Aliev"))
    crash_copy(data, tmp_path / "crashed")
    store.close()
    with Store.open(tmp_path / "crashed"):
        pass
    kept = [p.name for p in storage.kept_copies(tmp_path / "crashed")]
    assert len([k for k in kept if k.endswith("before-wal-replay")]) == storage.KEEP_WAL_COPIES
    assert "kept-20261001T000000000000Z-stale-wal" in kept


# -- finding 3: a damaged WAL, data behind the newest backup ----------------------------------------


def three_households_crashed(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """Three households saved and backed up, never checkpointed; then the power goes."""
    data = tmp_path / "data"
    store = Store.open(data)
    store.conn.execute("PRAGMA wal_autocheckpoint=0")
    store.create_household(family("Aliev"))
    store.create_household(family("Boboev"))
    store.create_household(family("Davlatov"))
    store.backup("manual")
    crashed = tmp_path / "crashed"
    crash_copy(data, crashed)
    store.close()
    return crashed, sides(crashed / storage.DB_NAME)


def test_a_truncated_wal_offers_the_backup_that_holds_more(tmp_path: Path) -> None:
    """The attack: a truncated WAL started the app with 0 households while a backup held 3, with
    no message and no backup offered."""
    crashed, found = three_households_crashed(tmp_path)
    wal = Path(f"{crashed / storage.DB_NAME}-wal")
    wal.write_bytes(found["-wal"][: len(found["-wal"]) // 4])
    with Store.open(crashed) as store:
        assert len(names(store)) < 3
        offer = store.behind_backup
        assert isinstance(offer, BehindBackup)
        assert offer.households_backup == 3 and offer.households_now < 3
        assert "less than the newest backup" in offer.user_message()
        safety = store.restore(offer.backup)  # what the UI's "Restore the backup" does
        assert names(store) == ["Aliev", "Boboev", "Davlatov"]
        assert safety.reason == "before-restore"
    with Store.open(crashed) as store:  # the restore is not "behind" its own safety copy
        assert store.behind_backup is None
        assert names(store) == ["Aliev", "Boboev", "Davlatov"]
    (kept,) = storage.kept_copies(crashed)  # the truncated WAL, as found
    assert (kept / "budget.sqlite-wal").read_bytes() == found["-wal"][: len(found["-wal"]) // 4]


def test_four_flipped_bits_in_the_wal_are_reported_and_the_backup_offered(tmp_path: Path) -> None:
    """The attack: four flipped bits in the WAL lost 2 of 3 households silently."""
    crashed, found = three_households_crashed(tmp_path)
    wal = bytearray(found["-wal"])
    frame = 24 + 4096
    middle = 32 + frame * ((len(wal) - 32) // frame // 2) + 24 + 2000
    for bit in range(4):
        wal[middle + bit * 7] ^= 1 << bit
    Path(f"{crashed / storage.DB_NAME}-wal").write_bytes(bytes(wal))
    with Store.open(crashed) as store:
        offer = store.behind_backup
        assert offer is not None and offer.damaged_wal is not None
        assert "is damaged" in offer.user_message()
        assert (offer.damaged_wal / "budget.sqlite-wal").read_bytes() == bytes(wal)
        store.restore(offer.backup)
        assert names(store) == ["Aliev", "Boboev", "Davlatov"]


def test_a_damaged_wal_without_a_better_backup_is_still_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    store.conn.execute("PRAGMA wal_autocheckpoint=0")
    store.create_household(family("Aliev"))
    store.create_household(family("Boboev"))
    crashed = tmp_path / "crashed"
    crash_copy(data, crashed)
    store.close()
    wal_path = Path(f"{crashed / storage.DB_NAME}-wal")
    wal = bytearray(wal_path.read_bytes())
    wal[32 + 24 + 50] ^= 0x08
    wal_path.write_bytes(bytes(wal))
    with Store.open(crashed) as again:
        assert again.behind_backup is None
        (notice,) = again.notices
        assert "damaged" in notice.user_message() and "no backup" in notice.user_message()


def test_keeping_the_data_stops_the_offer(tmp_path: Path) -> None:
    crashed, found = three_households_crashed(tmp_path)
    Path(f"{crashed / storage.DB_NAME}-wal").write_bytes(found["-wal"][:32])
    with Store.open(crashed) as store:
        assert store.behind_backup is not None
        store.keep_current_data()
    with Store.open(crashed) as store:
        assert store.behind_backup is None


def test_deleting_a_household_is_not_less_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        first = store.create_household(family("Aliev"))
        store.create_household(family("Boboev"))
        store.backup("manual")
        store.delete_household(first)  # to the trash: still stored
    with Store.open(data) as store:
        assert store.behind_backup is None
        assert names(store) == ["Boboev"]


def test_an_older_last_change_is_less_data(tmp_path: Path) -> None:
    """Same number of households, but the backup has a later change (an edit rolled back)."""
    clock = Clock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
    data = tmp_path / "data"
    with Store.open(data, clock=clock) as store:
        household = store.create_household(family("Aliev"))
        store.conn.execute("PRAGMA wal_autocheckpoint=0")
        db = data / storage.DB_NAME
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = sides(db)
        clock.now += timedelta(hours=2)
        store.record_step(household, "m01", "s1", answer={}, score=Decimal(1), done=True)
        store.backup("manual")
        crash_copy(data, tmp_path / "crashed")
    crashed = tmp_path / "crashed"
    (crashed / storage.DB_NAME).write_bytes(before[""])
    Path(f"{crashed / storage.DB_NAME}-wal").unlink()
    Path(f"{crashed / storage.DB_NAME}-shm").unlink(missing_ok=True)
    with Store.open(crashed, clock=clock) as store:
        offer = store.behind_backup
        assert offer is not None
        assert offer.households_now == offer.households_backup == 1
        assert offer.changed_backup > offer.changed_now


# -- finding 4: integrity_check ---------------------------------------------------------------------


def index_damaged_copy(tmp_path: Path) -> tuple[Path, bytes]:
    """A database with one flipped byte in an index page that quick_check accepts and
    integrity_check refuses (found by trying the bytes of the index's root page)."""
    data = tmp_path / "source"
    with Store.open(data) as store:
        for n in range(3):
            household = store.create_household(family(f"Family {n}"))
            for step in range(20):
                store.record_step(
                    household, f"m{step % 4}", f"s{step}", answer={}, score=None, done=True
                )
    db = data / storage.DB_NAME
    original = db.read_bytes()
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'progress'"
    ).fetchone()[0]
    conn.close()
    start = (root - 1) * page_size
    probe = tmp_path / "probe.sqlite"
    for offset in range(start + page_size - 1, start + page_size // 2, -1):
        damaged = bytearray(original)
        damaged[offset] ^= 0x01
        probe.write_bytes(bytes(damaged))
        conn = sqlite3.connect(f"{probe.as_uri()}?mode=ro", uri=True)
        try:
            quick = conn.execute("PRAGMA quick_check").fetchall()
            full = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError:
            continue
        finally:
            conn.close()
        if quick == [("ok",)] and full != [("ok",)]:
            return probe, bytes(damaged)
    raise AssertionError("no byte of the index page passes quick_check and fails integrity_check")


def test_index_damage_that_quick_check_misses_is_found_on_the_first_open_of_the_day(
    tmp_path: Path,
) -> None:
    probe, damaged = index_damaged_copy(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(probe, data / storage.DB_NAME)
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(data)
    assert info.value.damaged_copy is not None
    assert info.value.damaged_copy.read_bytes() == damaged


def test_a_second_open_the_same_day_after_a_clean_close_uses_quick_check(tmp_path: Path) -> None:
    """The documented trade-off: the full check runs once a day and after a crash. The Backups
    dialog's "Check database" runs it at any time (check_integrity)."""
    probe, _damaged = index_damaged_copy(tmp_path)
    clock = Clock(datetime(2026, 11, 3, 9, 0, tzinfo=UTC))
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(probe, data / storage.DB_NAME)
    size, sha = storage_wal.file_digest(data / storage.DB_NAME) or (0, "")
    storage_wal.write_state(
        data,
        {"state": "closed", "db_size": size, "db_sha256": sha, "integrity_checked": "2026-11-03"},
    )
    with Store.open(data, clock=clock) as store:
        assert not store.fully_checked
        problems = store.check_integrity()
        assert problems and problems != ["ok"]
    clock.now += timedelta(days=1)  # the next day: found
    with pytest.raises(DatabaseCorrupt):
        Store.open(data, clock=clock)


def test_after_a_crash_the_full_check_runs_even_the_same_day(tmp_path: Path) -> None:
    probe, _damaged = index_damaged_copy(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(probe, data / storage.DB_NAME)
    today = datetime.now(UTC).date().isoformat()
    storage_wal.write_state(data, {"state": "open", "integrity_checked": today})
    with pytest.raises(DatabaseCorrupt):
        Store.open(data)


def test_the_check_runs_once_a_day(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 11, 3, 9, 0, tzinfo=UTC))
    data = tmp_path / "data"
    with Store.open(data, clock=clock) as store:
        store.create_household(family("Aliev"))
        assert store.fully_checked
    with Store.open(data, clock=clock) as store:
        assert not store.fully_checked
    clock.now += timedelta(days=1)
    with Store.open(data, clock=clock) as store:
        assert store.fully_checked
    assert storage_wal.read_state(data)["integrity_checked"] == "2026-11-04"


def test_check_integrity_on_a_sound_database(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        store.create_household(family("Aliev"))
        assert store.check_integrity() == []


# -- finding 7: disk full variants and leftovers -------------------------------------------------------


def sqlite_error(code: int, text: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


def test_shm_size_error_is_disk_full(tmp_path: Path) -> None:
    shmsize = 10 | (19 << 8)  # SQLITE_IOERR_SHMSIZE
    error = storage._translate(sqlite_error(shmsize, "disk I/O error"), tmp_path, tmp_path)
    assert isinstance(error, DiskFull)


def test_a_write_error_on_a_disk_with_no_room_is_disk_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_error = sqlite_error(10 | (3 << 8), "disk I/O error")  # SQLITE_IOERR_WRITE
    monkeypatch.setattr(storage_errors, "_free_bytes", lambda where: 4096)
    assert isinstance(storage._translate(write_error, tmp_path, tmp_path), DiskFull)
    monkeypatch.setattr(storage_errors, "_free_bytes", lambda where: 10 << 30)
    plain = storage._translate(write_error, tmp_path, tmp_path)
    assert not isinstance(plain, DiskFull) and "could not save" in plain.user_message()


def test_a_failed_backup_leaves_no_journal_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup's temporary file is in WAL mode for a moment (it is a page copy of a WAL
    database): its -wal and -shm went to backups/ and stayed there forever."""
    with Store.open(tmp_path / "data") as store:
        store.create_household(family("Aliev"))
        real_fsync = storage._fsync_path

        def failing_fsync(path: Path, *, directory: bool = False) -> None:
            if not directory and path.name.endswith(".tmp"):
                for suffix in ("-wal", "-shm"):
                    Path(f"{path}{suffix}").write_bytes(b"left by SQLite")
                raise OSError(28, "No space left on device")
            real_fsync(path, directory=directory)

        monkeypatch.setattr(storage_backups, "_fsync_path", failing_fsync)
        with pytest.raises(DiskFull):
            store.backup("manual")
        assert sorted(p.name for p in store.backup_dir.iterdir()) == []


def test_leftover_journal_files_of_a_temporary_backup_are_removed_at_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.create_household(family("Aliev"))
        store.backup("manual")
    folder = data / storage.BACKUP_DIR
    for suffix in (".tmp", ".tmp-wal", ".tmp-shm", ".tmp-journal"):
        (folder / f".budget-tutor-backup-20261101T000000000000Z-manual.sqlite{suffix}").write_bytes(
            b"x"
        )
    (folder / "notes.tmp-wal").write_bytes(b"not ours")
    with Store.open(data):
        pass
    leftovers = sorted(p.name for p in folder.iterdir() if not p.name.endswith(".sqlite"))
    assert leftovers == ["notes.tmp-wal"]


# -- finding 11: read-only on a write-protected disk ---------------------------------------------------


@pytest.fixture
def write_protected(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(source folder, the same folder mounted read-only). Needs a read-only bind mount."""
    source = tmp_path / "stick"
    mount = tmp_path / "mounted"
    source.mkdir()
    mount.mkdir()
    done = subprocess.run(["mount", "--bind", str(source), str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot make a read-only bind mount here")
    try:
        remount = subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(mount)], capture_output=True
        )
        if remount.returncode != 0:
            pytest.skip("cannot make a read-only bind mount here")
        yield source, mount
    finally:
        if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_read_only_works_on_a_write_protected_disk_after_a_clean_close(
    write_protected: tuple[Path, Path],
) -> None:
    source, mounted = write_protected
    with Store.open(source) as store:
        store.create_household(family("Aliev"))
    with Store.open(mounted, read_only=True) as viewer:
        assert names(viewer) == ["Aliev"]
        assert viewer.read_only_reason == storage.READ_ONLY_WRITE_PROTECTED
        with pytest.raises(ReadOnlyStore) as refused:
            viewer.set_setting("language", "tg")
        assert "write-protected" in refused.value.user_message()
        assert "another Budget Tutor" not in refused.value.user_message()


def test_a_write_protected_disk_after_a_crash_says_why(write_protected: tuple[Path, Path]) -> None:
    source, mounted = write_protected
    store = Store.open(source)
    store.create_household(family("Aliev"))
    try:
        try:
            viewer = Store.open(mounted, read_only=True)
        except StorageError as exc:
            assert "write-protected" in exc.user_message()
            assert "another Budget Tutor" not in exc.user_message()
        else:  # SQLite could read the WAL through the existing -shm: also fine
            assert names(viewer) == ["Aliev"]
            viewer.close()
    finally:
        store.close()


def test_read_only_on_a_writable_folder_says_it_was_asked(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.create_household(family("Aliev"))
    with Store.open(data, read_only=True) as viewer:
        assert viewer.read_only_reason == storage.READ_ONLY_ASKED
        with pytest.raises(ReadOnlyStore) as refused:
            viewer.set_setting("x", "y")
        assert "--read-only" in refused.value.user_message()


def test_the_state_file_is_plain_json(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        store.create_household(family("Aliev"))
    raw = json.loads((tmp_path / "data" / storage_wal.STATE_NAME).read_text(encoding="utf-8"))
    assert raw["format"] == storage_wal.STATE_FORMAT and raw["state"] == "closed"


def test_a_damaged_schema_with_invalid_utf8_in_sqlite_s_message_is_damage(tmp_path: Path) -> None:
    """Found by the full corpus (case 792): a flipped bit turned a space of the progress table's
    schema into 0xA0; SQLite's error text then holds invalid UTF-8 and Python raised
    UnicodeDecodeError instead of sqlite3.Error, which escaped Store.open as a crash."""
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.create_household(family("Aliev"))
        store.backup("manual")
    db = data / storage.DB_NAME
    raw = bytearray(db.read_bytes())
    where = raw.find(b" updated TEXT NOT NULL,\n        PRIMARY KEY")
    assert where > 0
    raw[where - 1] ^= 0x80  # " " -> 0xA0: a column named 0xA0 of type "updated TEXT"
    db.write_bytes(bytes(raw))
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(data)
    assert info.value.damaged_copy is not None
    assert info.value.damaged_copy.read_bytes() == bytes(raw)
    assert info.value.newest_backup is not None


def test_a_header_version_lower_than_the_schema_history_is_damage(tmp_path: Path) -> None:
    """Found by the full corpus (case 543): one flipped bit made the header's version 1 on a
    newer database; the start "migrated" it, failed on a column that was already there ("could
    not save (duplicate column name: pin_hash)") and had checkpointed the WAL into the file."""
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.create_household(family("Aliev"))
        store.backup("manual")
    db = data / storage.DB_NAME
    raw = bytearray(db.read_bytes())
    raw[63] = 1  # user_version -> 1: a flipped bit of 3 (or any older number)
    db.write_bytes(bytes(raw))
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(data)
    assert info.value.damaged_copy is not None
    assert info.value.damaged_copy.read_bytes() == bytes(raw)
    assert info.value.newest_backup is not None
    with Store.restore_from_backup(data, info.value.newest_backup) as restored:
        assert names(restored) == ["Aliev"]
