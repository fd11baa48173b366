"""The Qt desktop application (PySide6). Everything outside this package is the Qt-free core.

Importing this package quiets one PySide6 start-up cost (:func:`quiet_pyside_import_hook`): it is
the one piece of work done at import time here, because it is about imports themselves.
"""

from __future__ import annotations

import sys

import PySide6  # noqa: F401 - installs PySide6's import hook, which is then quieted below


def quiet_pyside_import_hook() -> bool:
    """PySide6 replaces ``__import__`` and, after every later import, reads the imported module's
    whole source (``inspect.getsource``, kept in ``linecache``) to find out whether it uses
    ``from __feature__ import …``. Nothing here uses that, and reading the source of Babel,
    numpy and ~270 matplotlib files cost ~0.2 s of start-up and ~24 MiB (docs/performance.md §1).
    Answer from the module's name instead. True when the hook was found and quieted."""
    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get(
        "PySide6.support.feature"
    )
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        return False  # a PySide6 without this hook: nothing to do

    def uses_pyside(module: object) -> bool:
        name = getattr(module, "__name__", "") or ""
        return name.startswith(("budget_tutor.ui", "PySide6", "shiboken6"))

    feature._mod_uses_pyside = uses_pyside
    return True


quiet_pyside_import_hook()
