"""Battery 5: damaged databases.

A realistic database (the three sample households, lesson progress, settings, a backup) is damaged
in many ways: flipped bytes, truncation, a zero-filled tail, a missing WAL, a WAL from another
database, a torn WAL. Each damaged copy is opened with the real start-up code and must either open
(``quick_check`` ok, every household, plan and progress record readable or refused with a
StorageError) or raise DatabaseCorrupt that offers the newest good backup, with the damaged file
kept aside byte for byte. Nothing but StorageError subclasses may escape.

Since issue 16 the corpus also holds the attacks that found silent losses: bytes flipped inside
an index page (which ``quick_check`` does not see; the first open of a day runs
``integrity_check``), and an older WAL put beside the cleanly closed database ("stale-wal", with
the state file the clean close wrote). A WAL whose committed frames SQLite would drop must be
reported (a notice, or the newest backup offered), never replayed in silence.

Pass figure: 0 crashes, 0 damaged files overwritten, 0 refusals without the backup on offer,
0 damaged WALs replayed without a word, 0 stale WALs applied, over CORPUS_FAST copies on every
run and CORPUS_SLOW with ``--run-slow``.
"""

from __future__ import annotations

import collections
import json
import random
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor import storage, storage_wal
from budget_tutor.storage import DatabaseCorrupt, DatabaseTooNew, StorageError, Store

from .helpers import sample_plans

CORPUS_FAST = 150
CORPUS_SLOW = 1200
DAMAGES = (
    "flip",
    "flip-page",
    "truncate",
    "zero-tail",
    "header",
    "missing-wal",
    "foreign-wal",
    "torn-wal",
    "flip-wal",
    "flip-index",
    "stale-wal",
)


def build_original(folder: Path) -> dict[str, bytes]:
    """A realistic data folder: database, an uncheckpointed WAL, and one good backup. Returns the
    files that make up the database (``db``, ``wal``) and the foreign WAL."""
    data = folder / "data"
    db = data / storage.DB_NAME
    with Store.open(data) as store:
        ids = [store.create_household(plan) for plan in sample_plans()[:1]]
        old_wal = Path(f"{db}-wal").read_bytes()  # an older WAL, for "stale-wal"
        ids += [store.create_household(plan) for plan in sample_plans()[1:]]
        for n, household in enumerate(ids):
            for step in range(12):
                store.record_step(
                    household,
                    f"m{step % 4:02d}",
                    f"step-{step}",
                    answer={"choice": step, "text": "Маблағ ҳисоб"},
                    score=Decimal(step) / 12,
                    done=step % 3 != n,
                )
        store.set_setting("language", "tg")
        store.backup("manual")
    # later edits stay in the WAL (no checkpoint): a copy taken now is "database + WAL"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE settings SET value = 'ru' WHERE key = 'language'")
    conn.execute("UPDATE households SET region = region || ' (edited)'")
    files = {"db": db.read_bytes(), "wal": Path(f"{db}-wal").read_bytes()}
    conn.close()  # checkpoints; the copies above keep the WAL state
    # the same data closed cleanly by Budget Tutor (the state file records it)
    Store.open(data).close()
    files["clean-db"] = db.read_bytes()
    files["state"] = (data / storage_wal.STATE_NAME).read_bytes()
    files["old-wal"] = old_wal
    check = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        page_size = check.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            r[0] for r in check.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index'")
        ]
    finally:
        check.close()
    files["index-pages"] = json.dumps({"size": page_size, "roots": roots}).encode()
    backups = data / storage.BACKUP_DIR
    shutil.copytree(backups, folder / "backups-original")
    other = folder / "other"
    with Store.open(other) as store:
        store.create_household(sample_plans()[0])
    conn = sqlite3.connect(other / storage.DB_NAME, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE households SET name = 'Someone else'")
    files["foreign-wal"] = Path(f"{other / storage.DB_NAME}-wal").read_bytes()
    conn.close()
    return files


def damage(kind: str, files: dict[str, bytes], rng: random.Random) -> dict[str, bytes]:
    """The files of one damaged copy: ``db`` and maybe ``wal`` and ``state``."""
    db = bytearray(files["db"])
    wal: bytes | None = files["wal"]
    if kind == "flip-index":  # index pages: quick_check does not compare them with the tables
        db = bytearray(files["clean-db"])
        pages = json.loads(files["index-pages"])
        start = (rng.choice(pages["roots"]) - 1) * pages["size"]
        for _ in range(rng.randint(1, 4)):
            db[start + rng.randrange(pages["size"] // 2, pages["size"])] ^= 1 << rng.randrange(8)
        return {"db": bytes(db)}
    if kind == "stale-wal":  # an older WAL beside the cleanly closed, newer database
        return {"db": files["clean-db"], "wal": files["old-wal"], "state": files["state"]}
    if kind == "flip":
        for _ in range(rng.randint(1, 8)):
            db[rng.randrange(len(db))] ^= 1 << rng.randrange(8)
    elif kind == "flip-page":  # a burst of garbage inside one page
        page = 4096
        start = rng.randrange(len(db) // page) * page + rng.randrange(page - 64)
        for i in range(start, start + rng.randint(4, 64)):
            db[i] = rng.randrange(256)
    elif kind == "truncate":
        del db[rng.randrange(len(db)) :]
    elif kind == "zero-tail":
        cut = rng.randrange(100, len(db))
        db[cut:] = bytes(len(db) - cut)
    elif kind == "header":
        db[rng.randrange(100)] ^= 1 << rng.randrange(8)
    elif kind == "missing-wal":
        wal = None
    elif kind == "foreign-wal":
        wal = files["foreign-wal"]
    elif kind == "torn-wal":
        assert wal is not None
        wal = wal[: rng.randrange(len(wal))]
    elif kind == "flip-wal":
        assert wal is not None
        w = bytearray(wal)
        for _ in range(rng.randint(1, 8)):
            w[rng.randrange(len(w))] ^= 1 << rng.randrange(8)
        wal = bytes(w)
    out = {"db": bytes(db)}
    if wal is not None:
        out["wal"] = wal
    return out


def read_everything(store: Store) -> None:
    """What the app reads at start and on the household page; StorageError is a fine answer."""
    for info in store.list_households() + store.deleted_households():
        try:
            store.load_plan(info.id)
        except StorageError:
            pass
        store.progress(info.id)
    store.get_setting("language")
    store.backups()


def open_damaged(
    case: Path, damaged: dict[str, bytes], backup_names: list[str], kind: str = ""
) -> str:
    """Open one damaged copy; the outcome. Fails the test on any rule broken."""
    data = case / "data"
    db = data / storage.DB_NAME
    wal_report = None
    if "wal" in damaged:
        wal_report = storage_wal.inspect_wal(Path(f"{db}-wal"))
    try:
        store = Store.open(data)
    except DatabaseCorrupt as exc:
        assert exc.damaged_copy is not None, "the damaged file was not kept aside"
        assert exc.damaged_copy.read_bytes() == damaged["db"], "the damaged file was changed"
        assert not db.exists()
        assert exc.newest_backup is not None and exc.newest_backup.path.name == backup_names[0]
        assert exc.user_message() and "Traceback" not in exc.user_message()
        return "refused, backup offered"
    except DatabaseTooNew:
        assert db.read_bytes() == damaged["db"], "a refused file was changed"
        version = storage._header_version(db)
        assert version is not None
        assert storage.SCHEMA_VERSION < version <= storage.IMPLAUSIBLE_VERSION
        return "refused as too new (header version damaged)"
    except StorageError as exc:
        assert db.read_bytes() == damaged["db"], "a refused file was changed"
        return f"refused: {type(exc).__name__}"
    try:
        assert store.conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        if kind == "stale-wal":  # the newer data, the old WAL kept aside and said
            regions = [h.region for h in store.list_households()]
            assert len(regions) == 3 and all(r.endswith("(edited)") for r in regions), regions
            assert store.notices, "a stale WAL was set aside without a word"
            (kept,) = [k for k in storage.kept_copies(data) if k.name.endswith("stale-wal")]
            assert (kept / f"{storage.DB_NAME}-wal").read_bytes() == damaged["wal"]
            return "opened, stale WAL kept aside and said"
        said = bool(store.notices) or store.behind_backup is not None
        if wal_report is not None and wal_report.damaged:
            assert said, "committed changes in a damaged WAL were dropped without a word"
        try:
            read_everything(store)
        except StorageError:
            return "opened, a record refused" + (", reported" if said else "")
        if store.behind_backup is not None:
            return "opened, newer backup offered"
        return "opened" + (", damaged WAL reported" if said else "")
    finally:
        store.close()


def run_corpus(tmp_path: Path, count: int, seed: int, restore_every: int) -> collections.Counter:
    files = build_original(tmp_path)
    backup_names = sorted((p.name for p in (tmp_path / "backups-original").iterdir()), reverse=True)
    rng = random.Random(seed)
    outcomes: collections.Counter = collections.Counter()
    for n in range(count):
        kind = DAMAGES[n % len(DAMAGES)]
        damaged = damage(kind, files, rng)
        case = tmp_path / f"case-{n}"
        data = case / "data"
        shutil.copytree(tmp_path / "backups-original", data / storage.BACKUP_DIR)
        (data / storage.DB_NAME).write_bytes(damaged["db"])
        if "wal" in damaged:
            Path(f"{data / storage.DB_NAME}-wal").write_bytes(damaged["wal"])
        if "state" in damaged:
            (data / storage_wal.STATE_NAME).write_bytes(damaged["state"])
        try:
            outcome = open_damaged(case, damaged, backup_names, kind)
        except AssertionError:
            raise
        except Exception as exc:  # a crash: report which damage caused it
            raise AssertionError(f"case {n} ({kind}) crashed: {exc!r}") from exc
        outcomes[f"{kind}: {outcome}"] += 1
        if outcome == "refused, backup offered" and n % restore_every == 0:
            info = storage.BackupInfo.from_path(data / storage.BACKUP_DIR / backup_names[0])
            assert info is not None
            with Store.restore_from_backup(data, info) as restored:
                assert len(restored.list_households()) == 3
        shutil.rmtree(case)
    return outcomes


def test_damaged_copies_never_crash_and_keep_the_damage_aside(tmp_path: Path) -> None:
    outcomes = run_corpus(tmp_path, CORPUS_FAST, seed=5, restore_every=10)
    assert sum(outcomes.values()) == CORPUS_FAST
    refused = sum(v for k, v in outcomes.items() if "backup offered" in k)
    opened = sum(v for k, v in outcomes.items() if "opened" in k)
    assert refused > 0 and opened > 0, outcomes  # the corpus really damages, and not only


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_damaged_copies_full_corpus(tmp_path: Path) -> None:
    outcomes = run_corpus(tmp_path, CORPUS_SLOW, seed=2026, restore_every=25)
    assert sum(outcomes.values()) == CORPUS_SLOW
    print("CORRUPT-CORPUS", json.dumps(dict(sorted(outcomes.items())), ensure_ascii=False))


def test_a_damaged_file_with_a_wal_is_kept_aside_unchanged(tmp_path: Path) -> None:
    """Found by the corpus: closing the checking connection used to checkpoint the WAL into the
    damaged file before it was moved aside."""
    files = build_original(tmp_path)
    data = tmp_path / "case" / "data"
    shutil.copytree(tmp_path / "backups-original", data / storage.BACKUP_DIR)
    damaged_db = files["db"][: len(files["db"]) // 2]
    (data / storage.DB_NAME).write_bytes(damaged_db)
    Path(f"{data / storage.DB_NAME}-wal").write_bytes(files["wal"])
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(data)
    assert info.value.damaged_copy is not None
    assert info.value.damaged_copy.read_bytes() == damaged_db
    assert Path(f"{info.value.damaged_copy}-wal").read_bytes() == files["wal"]


def test_an_absurd_schema_version_is_damage_with_the_backup_offered(tmp_path: Path) -> None:
    """Found by the corpus: a flipped bit in the header's version said "made by a newer Budget
    Tutor" (update the app) instead of offering the backup."""
    files = build_original(tmp_path)
    data = tmp_path / "case" / "data"
    shutil.copytree(tmp_path / "backups-original", data / storage.BACKUP_DIR)
    damaged = bytearray(files["db"])
    damaged[61] ^= 0x04  # user_version 2 -> 262146
    (data / storage.DB_NAME).write_bytes(bytes(damaged))
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(data)
    assert info.value.newest_backup is not None
    assert info.value.damaged_copy is not None
    assert info.value.damaged_copy.read_bytes() == bytes(damaged)
