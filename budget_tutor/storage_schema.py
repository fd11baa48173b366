"""The database schema: the version this code writes, the first release's tables, the
forward-only migrations (``MIGRATIONS[n]`` turns version n - 1 into n) and the version read from a
file's header without SQLite. Split out of ``storage.py`` (issue 13); see docs/storage.md, "Schema
versions and migrations"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: The database file in the data directory.
DB_NAME = "budget.sqlite"
#: The schema this code writes. History: 1 = first release; 2 = PIN and trash (``pin_hash``,
#: ``deleted_at`` on ``households``); 3 = workshops (``workshops``, ``participants``,
#: ``attendance``, ``test_answers``: see ``storage_workshops``).
SCHEMA_VERSION = 3


#: A schema version this far ahead is a damaged header (a flipped bit), not a future release: it
#: is treated as damage, so that the newest good backup is offered.
IMPLAUSIBLE_VERSION = SCHEMA_VERSION + 64


_SQLITE_MAGIC = b"SQLite format 3\x00"


_OUR_TABLES = {"households", "plans", "progress", "settings", "schema_history"}


#: Schema version 1, exactly as the first release created it (tests/fixtures/db/ has a copy).
SCHEMA_V1 = (
    """CREATE TABLE households (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        people INTEGER NOT NULL DEFAULT 1,
        region TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE plans (
        household_id INTEGER PRIMARY KEY REFERENCES households(id),
        document TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE progress (
        household_id INTEGER NOT NULL REFERENCES households(id),
        lesson_id TEXT NOT NULL,
        step_id TEXT NOT NULL,
        answer TEXT,
        score TEXT,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        updated TEXT NOT NULL,
        PRIMARY KEY (household_id, lesson_id, step_id)
    ) STRICT""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
    "CREATE TABLE schema_history (version INTEGER PRIMARY KEY, applied TEXT NOT NULL) STRICT",
)


#: Schema 3: the tables of workshops (``storage_workshops`` reads and writes them).
WORKSHOP_DDL: tuple[str, ...] = (
    """CREATE TABLE workshops (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '',
        trainer TEXT NOT NULL DEFAULT '',
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        created TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE participants (
        id INTEGER PRIMARY KEY,
        workshop_id INTEGER NOT NULL REFERENCES workshops(id),
        code TEXT NOT NULL,
        household_id INTEGER REFERENCES households(id),
        UNIQUE (workshop_id, code)
    ) STRICT""",
    """CREATE TABLE attendance (
        participant_id INTEGER NOT NULL REFERENCES participants(id),
        day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
        PRIMARY KEY (participant_id, day)
    ) STRICT""",
    """CREATE TABLE test_answers (
        participant_id INTEGER NOT NULL REFERENCES participants(id),
        phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
        form TEXT NOT NULL CHECK (form IN ('A', 'B')),
        item_id TEXT NOT NULL,
        option_order TEXT NOT NULL,
        answer INTEGER,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        answered_on TEXT NOT NULL,
        PRIMARY KEY (participant_id, phase, item_id)
    ) STRICT""",
)


#: Forward-only migrations: MIGRATIONS[n] turns version n - 1 into version n.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (
        "ALTER TABLE households ADD COLUMN pin_hash TEXT",
        "ALTER TABLE households ADD COLUMN deleted_at TEXT",
        "CREATE INDEX households_deleted ON households(deleted_at)",
    ),
    3: WORKSHOP_DDL,
}


def _header_version(path: Path) -> int | None:
    """``PRAGMA user_version`` read from the file header without opening it with SQLite."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return None
    return int.from_bytes(header[60:64], "big")


def migrate(conn: sqlite3.Connection, version: int, now: str) -> None:
    """Bring the schema from ``version`` to SCHEMA_VERSION inside the caller's transaction
    (``Store._migrate`` runs it as ONE transaction), ending with ``PRAGMA user_version``."""
    if version == 0:
        for statement in SCHEMA_V1:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_history (version, applied) VALUES (1, ?)", (now,))
        version = 1
    for target in range(version + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS[target]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_history (version, applied) VALUES (?, ?)", (target, now))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
