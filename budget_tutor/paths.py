"""Where Budget Tutor keeps a user's data on this computer.

The data directory holds the database (``budget.sqlite``), its backups (``backups/``), the lock
file and the logs. It is, in this order:

1. ``$BUDGET_TUTOR_DATA_DIR`` when set (tests, scripts);
2. **USB-stick mode**: when a file named ``budget-tutor-portable.txt`` (:data:`PORTABLE_MARKER`)
   sits beside the program (``Budget Tutor.exe`` / ``budget-tutor`` of a bundle, or the
   ``budget-tutor`` launcher of an install), the folder ``budget-tutor-data`` beside it, so a
   trainer carries the app and every household from laptop to laptop;
3. the platform's user data directory (``%LOCALAPPDATA%\\budget-tutor`` on Windows,
   ``~/.local/share/budget-tutor`` on Linux).

See ``docs/install-windows.md`` for how a trainer sets up a stick.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "BUDGET_TUTOR_DATA_DIR"
APP_NAME = "budget-tutor"
#: A file of this name beside the program switches on USB-stick mode (its content is ignored).
PORTABLE_MARKER = "budget-tutor-portable.txt"
#: The data folder beside the program in USB-stick mode.
PORTABLE_DATA = "budget-tutor-data"


def program_dir(argv0: str | None = None) -> Path:
    """The folder of the running program: the bundle's executable when frozen (PyInstaller),
    else the launcher script that started us (``sys.argv[0]``)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    first = argv0 if argv0 is not None else (sys.argv[0] if sys.argv and sys.argv[0] else "")
    return Path(first).resolve().parent if first else Path.cwd()


def portable_data_dir(program: Path | None = None) -> Path | None:
    """``<program dir>/budget-tutor-data`` when the USB-stick marker is there, else None."""
    folder = program if program is not None else program_dir()
    if (folder / PORTABLE_MARKER).is_file():
        return folder / PORTABLE_DATA
    return None


def data_dir() -> Path:
    """The data directory (see the module's docstring for the order); created if missing."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        path = Path(override).expanduser()
    else:
        path = portable_data_dir() or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir(base: Path | None = None) -> Path:
    """``<data_dir>/logs`` (of ``base`` when given); created if missing."""
    path = (base if base is not None else data_dir()) / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
