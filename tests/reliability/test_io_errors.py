"""Batteries 2 and 3: disk full and I/O errors.

Battery 3 injects EIO, EACCES or ENOSPC at the n-th write, replace, fsync or SQL call of each user
action, sweeping n until the action no longer reaches the fault. Battery 2 puts the data folder on
a real small filesystem (a tmpfs, where mounting is allowed) and sweeps the free space around each
save; where it cannot mount, battery 3's injected ENOSPC stands in for it.

Pass figures: every failure is a StorageError with a translatable message (0 other exceptions,
0 tracebacks in messages), ENOSPC is always reported as a full disk, earlier data and backups are
unchanged (rows and bytes), 0 temporary files left, and the same action succeeds once the fault
is gone.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor import planfile
from budget_tutor.storage import KEEP_NEWEST, BackupInfo, DiskFull, StorageError, Store

from . import faults
from .faults import ERRNOS, SITES, Injected
from .helpers import plan_for, sample_plans

MAX_N = 400


@dataclasses.dataclass
class World:
    store: Store
    household: int
    export: Path
    spare: int
    round: int = 0


def _actions() -> dict[str, Callable[[World], None]]:
    def create(w: World) -> None:
        w.store.create_household(plan_for(w.round))

    def save(w: World) -> None:
        w.store.save_plan(w.household, plan_for(w.round))

    def progress(w: World) -> None:
        w.store.record_step(
            w.household, "m01", f"s{w.round}", answer={"n": w.round}, score=Decimal(1), done=True
        )

    def setting(w: World) -> None:
        w.store.set_setting("language", ("ru", "tg")[w.round % 2])

    def backup(w: World) -> None:
        w.store.backup("manual")

    def export(w: World) -> None:
        planfile.save_plan_file(w.export / "plan.json", plan_for(w.round))

    def restore(w: World) -> None:
        w.store.restore(w.store.backups()[-1])

    def delete(w: World) -> None:
        w.store.delete_household(w.spare)
        w.store.undelete_household(w.spare)

    def import_plan(w: World) -> None:
        w.store.import_plan(plan_for(w.round))

    return {
        "create": create,
        "save": save,
        "progress": progress,
        "setting": setting,
        "backup": backup,
        "export": export,
        "restore": restore,
        "delete": delete,
        "import": import_plan,
    }


ACTIONS = _actions()


def make_world(data: Path) -> World:
    store = Store.open(data)
    ids = [store.create_household(plan) for plan in sample_plans()]
    store.backup("manual")
    export = data.parent / "usb"
    export.mkdir(exist_ok=True)
    planfile.save_plan_file(export / "plan.json", plan_for(0))
    return World(store, ids[0], export, ids[2])


def check_failure(exc: BaseException, err: int) -> None:
    assert isinstance(exc, StorageError), f"{type(exc).__name__} escaped: {exc!r}"
    message = exc.user_message()
    assert message and "Traceback" not in message and "Errno" not in message, message
    assert exc.msgid in faults.marked_msgids(), f"message not marked for translation: {exc.msgid}"
    if err == errno.ENOSPC:
        assert isinstance(exc, DiskFull), f"a full disk was reported as {message!r}"


def check_files_kept(before: dict[Path, bytes], after: dict[Path, bytes]) -> None:
    """Earlier backups and exports are byte-identical; only rotation may drop old backups."""
    for path, content in before.items():
        if path in after:
            assert after[path] == content, f"{path.name} changed"
        else:
            assert BackupInfo.from_path(path) is not None, f"{path.name} vanished"
            kept = [p for p in after if BackupInfo.from_path(p) is not None]
            assert len(kept) >= KEEP_NEWEST, f"{path.name} deleted below the rotation policy"


def temp_files(*folders: Path) -> list[Path]:
    return [p for f in folders for p in f.rglob("*") if p.name.endswith(".tmp")]


def sweep_action(world: World, action: str, site: str, errnos: tuple[int, ...]) -> int:
    """Fail ``action`` at every n-th call of ``site``; the number of failures checked."""
    data = world.store.data_dir
    failures = 0
    for n in range(1, MAX_N):
        err = errnos[n % len(errnos)]
        rows = faults.logical_dump(world.store)
        before = faults.files_under(world.store.backup_dir, world.export)
        fault = Injected(site, err, n)
        stop = faults.install(pytest.MonkeyPatch(), world.store, fault)
        raised: BaseException | None = None
        try:
            ACTIONS[action](world)
        except Exception as exc:  # checked below: only StorageError may come out
            raised = exc
        finally:
            stop()
        if not fault.fired:
            assert raised is None, repr(raised)
            world.round += 1
            return failures
        if raised is None:
            # the fault was absorbed (e.g. a directory fsync, or the lock file's pid note)
            world.round += 1
            continue
        failures += 1
        check_failure(raised, err)
        check_files_kept(before, faults.files_under(world.store.backup_dir, world.export))
        assert not temp_files(data, world.export), f"temp files left by {action}"
        if action != "delete":  # delete-and-undelete is two actions: the first may stand
            assert faults.logical_dump(world.store) == rows, f"data changed by a failed {action}"
        # once the fault is gone the same action works
        ACTIONS[action](world)
        world.round += 1
    raise AssertionError(f"{action} still reaches call {MAX_N} of {site}")


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_injected_errors_reach_the_user_as_messages(tmp_path: Path, action: str, site: str) -> None:
    world = make_world(tmp_path / "data")
    try:
        sweep_action(world, action, site, ERRNOS)
    finally:
        world.store.close()
    with Store.open(tmp_path / "data") as store:  # and the data still opens
        assert store.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_injection_really_fails_a_save(tmp_path: Path) -> None:
    world = make_world(tmp_path / "data")
    try:
        fault = Injected("sql", errno.ENOSPC, 1)
        stop = faults.install(pytest.MonkeyPatch(), world.store, fault)
        try:
            with pytest.raises(DiskFull):
                world.store.save_plan(world.household, plan_for(5))
        finally:
            stop()
        assert world.store.load_plan(world.household).household.name != "Family 5"
    finally:
        world.store.close()


# ------------------------------------------------------------------------------------------------
# battery 2 on a real small filesystem
# ------------------------------------------------------------------------------------------------


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root: battery 3's injected ENOSPC covers this")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()})")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """A filler file that leaves about ``leave`` bytes free."""
    filler = folder / "filler.bin"
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with open(filler, "wb") as fh:
        try:
            fh.write(b"\0" * max(0, free - leave))
        except OSError:
            pass
    return filler


DISK_ACTIONS = ("save", "create", "progress", "backup", "export", "import")


def test_disk_full_on_a_small_filesystem(small_fs: Path) -> None:
    data = small_fs / "data"
    world = make_world(data)
    world.export = small_fs / "usb"
    failures = 0
    try:
        for leave in range(0, 192 * 1024, 12 * 1024):
            for action in DISK_ACTIONS:
                rows = faults.logical_dump(world.store)
                before = faults.files_under(world.store.backup_dir, world.export)
                filler = fill(small_fs, leave)
                try:
                    ACTIONS[action](world)
                except Exception as exc:
                    failures += 1
                    check_failure(exc, errno.ENOSPC)
                    check_files_kept(
                        before, faults.files_under(world.store.backup_dir, world.export)
                    )
                    assert faults.logical_dump(world.store) == rows, action
                    assert not temp_files(data, world.export), action
                    filler.unlink()
                    ACTIONS[action](world)  # space freed: the same action works
                finally:
                    filler.unlink(missing_ok=True)
                world.round += 1
                # keep the folder small: only the newest backups stay (rotation keeps 10)
    finally:
        world.store.close()
    assert failures > 0, "the sweep never ran out of space"
    with Store.open(data) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# -- exports on a full disk (issue 16, item 5) -----------------------------------------------------

EXPORT_KINDS = ("handout", "chart", "plan", "csv")
#: What the family is told, by language (the reason inside "“file” could not be saved: …").
DISK_FULL = {"en": "the disk is full", "ru": "диск заполнен", "tg": "диск пур аст"}


def test_exports_on_a_small_filesystem(small_fs: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every export (handout PDF, chart picture from the Plan page, plan file, CLI CSV) at 0 to
    256 KiB free, on a real tmpfs: a failure names the file and says the disk is full in the
    family's language (never the OS's English, never "an error (?)"), the old file is byte for
    byte the same, no temporary file is left, and the same export works once space is freed."""
    from budget_tutor import i18n
    from budget_tutor.cli import run_captured
    from budget_tutor.safe_write import ExportError
    from budget_tutor.ui import messages
    from budget_tutor.ui.handout_export import HandoutExport
    from budget_tutor.ui.plan_charts_panel import PlanChartsPanel
    from budget_tutor.ui.session import AppSession

    from .helpers import SAMPLES

    store = Store.open(small_fs.parent / "store")  # the database lives elsewhere: exports only
    session = AppSession(store)
    session.open_household(store.create_household(plan_for(1)))
    panel = PlanChartsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitUntil(lambda: panel.cash_flow_canvas.full_draws >= 1)
    out = small_fs / "usb"
    out.mkdir()
    targets = {
        "handout": out / "handout.pdf",
        "chart": out / "chart.png",
        "plan": out / "plan.json",
        "csv": out / "plan.csv",
    }
    sample = sorted(SAMPLES.glob("*.json"))[0]

    def export(kind: str) -> str | None:
        """Run one export; the message shown (None: it worked)."""
        target = targets[kind]
        session.last_error = None
        if kind == "handout":
            try:
                HandoutExport(session.plan).write_pdf(target)
            except ExportError as exc:
                return exc.message()
        elif kind == "chart":
            messages_choose = messages.choose_file_to_save
            messages.choose_file_to_save = lambda *a, **k: str(target)  # type: ignore[assignment]
            try:
                panel.export_png()
            finally:
                messages.choose_file_to_save = messages_choose  # type: ignore[assignment]
            return session.last_error
        elif kind == "plan":
            try:
                planfile.save_plan_file(target, session.plan)
            except StorageError as exc:
                return exc.user_message()
        else:
            lang_now = i18n.current_language()
            code, _out, err = run_captured(
                ["plan", str(sample), "--format", "csv", "-o", str(target), "--lang", lang_now]
            )
            i18n.set_language(lang_now)
            return err.strip() if code else None
        return None

    for kind in EXPORT_KINDS:  # the old files, written while there is room
        assert export(kind) is None, kind
    failures: dict[str, int] = dict.fromkeys(EXPORT_KINDS, 0)
    try:
        for n, leave in enumerate(range(0, 256 * 1024, 16 * 1024)):
            lang = ("en", "ru", "tg")[n % 3]
            i18n.set_language(lang)
            for kind in EXPORT_KINDS:
                before = {k: p.read_bytes() for k, p in targets.items()}
                filler = fill(small_fs, leave)
                try:
                    message = export(kind)
                    if message is not None:
                        failures[kind] += 1
                        assert targets[kind].name in message, message
                        assert DISK_FULL[lang] in message.lower(), message
                        assert "No space" not in message and "(?)" not in message, message
                        assert {k: p.read_bytes() for k, p in targets.items()} == before, kind
                        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")], kind
                        filler.unlink()
                        assert export(kind) is None, f"{kind} fails with space freed"
                finally:
                    filler.unlink(missing_ok=True)
    finally:
        i18n.set_language("en")
        store.close()
    assert all(failures.values()), f"some export never ran out of space: {failures}"
    print(f"export failures by kind over {n + 1} free-space steps: {failures}")
