"""Where Budget Tutor keeps a user's data on this computer.

The data directory holds the database (``budget.sqlite``), its backups (``backups/``), the lock
file and the logs. ``$BUDGET_TUTOR_DATA_DIR`` overrides the platform's user data directory: tests
point it at a temporary folder and a portable install (a USB stick) at a folder beside the app.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "BUDGET_TUTOR_DATA_DIR"
APP_NAME = "budget-tutor"


def data_dir() -> Path:
    """``$BUDGET_TUTOR_DATA_DIR`` if set, else the platform's user data directory; created if
    missing."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        path = Path(override).expanduser()
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir(base: Path | None = None) -> Path:
    """``<data_dir>/logs`` (of ``base`` when given); created if missing."""
    path = (base if base is not None else data_dir()) / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
