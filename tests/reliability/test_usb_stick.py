"""USB-stick mode: data beside the program, a stick that refuses locks, a stick that fills up.

What this machine allows: a real FAT32/exFAT stick cannot be mounted here (the sandbox's kernel
has no vfat module), so a stick's two traits are tested apart: a filesystem that refuses POSIX
locks (``flock`` fails with ENOLCK, as on some FAT and network mounts) and a small filesystem that
fills up (a 384 KiB tmpfs, mounted when the test runs as root; skipped otherwise).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from budget_tutor import paths, samples, storage
from budget_tutor.storage import StorageError, Store

ROOT = Path(__file__).resolve().parents[2]


def test_marker_beside_the_program_puts_the_data_beside_it(tmp_path, monkeypatch):
    program = tmp_path / "stick" / "Budget Tutor"
    program.mkdir(parents=True)
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    assert paths.portable_data_dir(program) is None
    (program / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.portable_data_dir(program) == program / "budget-tutor-data"
    monkeypatch.setattr(paths, "program_dir", lambda argv0=None: program)
    assert paths.data_dir() == program / "budget-tutor-data"
    assert (program / "budget-tutor-data").is_dir()
    # The environment variable still wins (tests, scripts).
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"


def test_a_launcher_with_the_marker_is_portable_from_the_command_line(tmp_path):
    program = tmp_path / "stick"
    program.mkdir()
    (program / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    launcher = program / "budget-tutor"
    launcher.write_text(
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from budget_tutor import paths; print(paths.data_dir())\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != paths.DATA_DIR_ENV}
    out = subprocess.run([sys.executable, str(launcher)], env=env, capture_output=True,
                         text=True, timeout=60, check=True)  # fmt: skip
    assert Path(out.stdout.strip()) == program / "budget-tutor-data"


def test_a_stick_that_refuses_locks_still_opens_and_keeps_the_data(tmp_path, monkeypatch):
    if storage._fcntl is None:
        pytest.skip("no POSIX locks on this platform")

    def refuse(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(storage._fcntl, "flock", refuse)
    data = tmp_path / "stick-data"
    store = Store.open(data)
    household = store.create_household(samples.build_sample("karimov-kulob"))
    store.close()
    again = Store.open(data)
    assert [h.id for h in again.list_households()] == [household]
    assert again.load_plan(household).household.name == "Karimov family (Kulob)"
    again.close()


@pytest.fixture
def small_stick(tmp_path):
    mount = tmp_path / "stick"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=384k", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_stick_says_so_and_loses_nothing_saved(small_stick):
    data = small_stick / "budget-tutor-data"
    store = Store.open(data)
    saved: list[int] = []
    failure: StorageError | None = None
    plan = samples.build_sample("karimov-kulob")
    for _ in range(2000):
        try:
            saved.append(store.create_household(plan))
        except StorageError as exc:
            failure = exc
            break
    assert failure is not None, "the 384 KiB stick never filled up"
    assert saved, "not even one household fitted"
    message = failure.user_message() if hasattr(failure, "user_message") else str(failure)
    assert "full" in message.lower() or "space" in message.lower(), message
    try:
        store.close()
    except StorageError:
        pass
    # Make room as a trainer would (delete a file from the stick), then open again.
    reopened = Store.open(data, read_only=True)
    ids = [h.id for h in reopened.list_households()]
    assert ids == saved, (len(ids), len(saved))
    reopened.close()
