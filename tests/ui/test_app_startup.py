"""Start-up: the first window is built and shown before matplotlib is imported."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys, time
    t0 = time.perf_counter()
    from budget_tutor.storage import Store
    from budget_tutor.model import Household, Plan
    from budget_tutor.ui.app import run_app
    data = sys.argv[1]
    store = Store.open(data)
    store.set_setting("language", "tg")
    hid = store.create_household(Plan(household=Household(name="Start family")))
    store.set_setting("last_household", str(hid))
    store.close()
    code = run_app(["--data-dir", data], exec_loop=False)
    window = run_app.last_window
    print("code", code)
    print("shown", window.isVisible(), window.current_page)
    print("mpl-before-paint", "matplotlib" in sys.modules)
    print("seconds", round(time.perf_counter() - t0, 3))
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    window.close()
    window.session.store.close()
    """
)


def test_window_shows_before_matplotlib_is_imported(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("MPLBACKEND", None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "code 0" in result.stdout
    assert "shown True plan" in result.stdout
    assert "mpl-before-paint False" in result.stdout
