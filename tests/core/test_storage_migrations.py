"""Schema migrations from the fixture database of every past version (tests/fixtures/db/)."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor import planfile, storage
from budget_tutor.storage import DatabaseTooNew, StorageError, Store

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "db"
PAST_VERSIONS = range(1, storage.SCHEMA_VERSION)


def fixture(version: int) -> Path:
    return FIXTURES / f"budget-v{version}.sqlite"


def install(version: int, data: Path) -> Path:
    data.mkdir(parents=True, exist_ok=True)
    db = data / storage.DB_NAME
    shutil.copyfile(fixture(version), db)
    return db


def columns(db: Path, table: str) -> set[str]:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def user_version(db: Path) -> int:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_past_version() -> None:
    for version in PAST_VERSIONS:
        assert fixture(version).is_file(), f"make tests/fixtures/db/budget-v{version}.sqlite"
        assert storage._header_version(fixture(version)) == version


@pytest.mark.parametrize("version", PAST_VERSIONS)
def test_upgrade_keeps_every_record(tmp_path: Path, version: int) -> None:
    data = tmp_path / "data"
    install(version, data)
    old = sqlite3.connect(fixture(version))
    documents = dict(old.execute("SELECT household_id, document FROM plans"))
    old_progress = old.execute(
        "SELECT household_id, lesson_id, step_id, answer, score, done FROM progress"
    ).fetchall()
    old_settings = dict(old.execute("SELECT key, value FROM settings"))
    old_columns = {row[1] for row in old.execute("PRAGMA table_info(households)")}
    old_pins = (
        {h: p is not None for h, p in old.execute("SELECT id, pin_hash FROM households")}
        if "pin_hash" in old_columns
        else dict.fromkeys(documents, False)
    )
    old_deleted = (
        sorted(h for (h,) in old.execute("SELECT id FROM households WHERE deleted_at IS NOT NULL"))
        if "deleted_at" in old_columns
        else []
    )
    old.close()

    with Store.open(data) as s:
        assert s.schema_version() == storage.SCHEMA_VERSION
        households = s.list_households()
        deleted = s.deleted_households()
        assert sorted(h.id for h in households + deleted) == sorted(documents)
        assert {h.id: h.has_pin for h in households + deleted} == old_pins
        assert [h.id for h in deleted] == old_deleted
        for hid, document in documents.items():
            assert s.load_plan(hid) == planfile.plan_from_dict(json.loads(document))
        for hid, lesson, step, answer, score, done in old_progress:
            record = s.progress(hid)[lesson][step]
            assert record.answer == (None if answer is None else json.loads(answer))
            assert record.score == (None if score is None else Decimal(score))
            assert record.done is bool(done)
        for key, value in old_settings.items():
            assert s.get_setting(key) == value
        # the new features work on the upgraded data
        first = households[0].id
        s.set_pin(first, "1357")
        assert s.verify_pin(first, "1357")
        s.delete_household(first)
        assert sorted(h.id for h in s.deleted_households()) == sorted([first, *old_deleted])
        workshop = s.create_workshop("w-1", "Kulob", "Kulob", "Khatlon", "Zarina",
                                     date(2026, 11, 2), date(2026, 11, 5))  # fmt: skip
        s.add_participant(workshop, "KL-01", households[-1].id)
        assert [p.code for p in s.participants(workshop)] == ["KL-01"]
        history = [v for (v,) in s.conn.execute("SELECT version FROM schema_history")]
        assert history == list(range(1, storage.SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", PAST_VERSIONS)
def test_a_backup_is_forced_before_migrating(tmp_path: Path, version: int) -> None:
    data = tmp_path / "data"
    install(version, data)
    with Store.open(data) as s:
        [backup] = [b for b in s.backups() if b.reason == "before-migration"]
        assert backup.schema_version == version
        conn = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
        original = sqlite3.connect(f"{fixture(version).as_uri()}?mode=ro", uri=True)
        try:
            for table in ("households", "plans", "progress", "settings"):
                query = f"SELECT * FROM {table} ORDER BY 1, 2"
                assert conn.execute(query).fetchall() == original.execute(query).fetchall()
        finally:
            conn.close()
            original.close()
        # and restoring it brings the old data back, upgraded again
        hid = s.list_households()[0].id
        s.rename_household(hid, "Renamed after the upgrade")
        s.restore(backup)
        assert s.schema_version() == storage.SCHEMA_VERSION
        assert s.household(hid).name != "Renamed after the upgrade"


def test_a_failed_migration_leaves_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    db = install(1, data)
    failing = (*storage.MIGRATIONS[2], "ALTER TABLE no_such_table ADD COLUMN x TEXT")
    monkeypatch.setitem(storage.MIGRATIONS, 2, failing)
    with pytest.raises(StorageError):
        Store.open(data)
    assert user_version(db) == 1
    assert "pin_hash" not in columns(db, "households")
    monkeypatch.undo()
    with Store.open(data) as s:
        assert s.schema_version() == storage.SCHEMA_VERSION
        assert len(s.list_households()) == 2


KILL_DURING_MIGRATION = """
import os, signal, sqlite3, sys
from budget_tutor import storage

real_connect = sqlite3.connect

def connect(*args, **kwargs):
    conn = real_connect(*args, **kwargs)
    conn.create_function("die", 0, lambda: os.kill(os.getpid(), signal.SIGKILL))
    return conn

storage.sqlite3.connect = connect
storage.MIGRATIONS[2] = (*storage.MIGRATIONS[2][:AFTER], "SELECT die()", *storage.MIGRATIONS[2][AFTER:])
storage.Store.open(sys.argv[1])
print("survived")
"""


@pytest.mark.parametrize("after", range(len(storage.MIGRATIONS[2]) + 1))
def test_a_kill_during_migration_leaves_exactly_the_old_version(tmp_path: Path, after: int) -> None:
    data = tmp_path / "data"
    db = install(1, data)
    code = KILL_DURING_MIGRATION.replace("AFTER", str(after))
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert "survived" not in done.stdout
    assert user_version(db) == 1
    assert "pin_hash" not in columns(db, "households")
    assert "deleted_at" not in columns(db, "households")
    with Store.open(data) as s:  # the next start migrates cleanly
        assert s.schema_version() == storage.SCHEMA_VERSION
        assert len(s.list_households()) == 2
        conn = s.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_newer_database_is_refused_and_left_byte_identical(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = install(1, data)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {storage.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    listing = sorted(p.name for p in data.iterdir())
    with pytest.raises(DatabaseTooNew) as info:
        Store.open(data)
    assert info.value.found == storage.SCHEMA_VERSION + 1
    assert "newer Budget Tutor" in str(info.value)
    assert "left unchanged" in str(info.value)
    assert db.read_bytes() == before
    assert sorted(p.name for p in data.iterdir() if p.name != storage.LOCK_NAME) == listing
    with pytest.raises(DatabaseTooNew):
        Store.open(data, read_only=True)
    assert db.read_bytes() == before
    with pytest.raises(DatabaseTooNew):
        Store.open(data)


def test_migrations_are_forward_only_and_complete() -> None:
    assert sorted(storage.MIGRATIONS) == list(range(2, storage.SCHEMA_VERSION + 1))
