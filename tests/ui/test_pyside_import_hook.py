"""PySide6's import hook no longer reads the source of every module imported after it."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_modules_imported_after_the_ui_are_not_read(tmp_path):
    (tmp_path / "probe_module_xyz.py").write_text("VALUE = 1\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import linecache, sys
        sys.path.insert(0, {str(tmp_path)!r})
        import budget_tutor.ui
        assert budget_tutor.ui.quiet_pyside_import_hook()
        import probe_module_xyz
        print(any(k.endswith("probe_module_xyz.py") for k in linecache.cache))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip() == "False"


def test_the_hook_would_read_sources_without_the_fix(tmp_path):
    # The cost the fix removes is real in this PySide6 (so the test above can fail).
    (tmp_path / "probe_module_abc.py").write_text("VALUE = 1\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import linecache, sys
        sys.path.insert(0, {str(tmp_path)!r})
        import PySide6.QtCore
        import probe_module_abc
        print(any(k.endswith("probe_module_abc.py") for k in linecache.cache))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip() == "True"
