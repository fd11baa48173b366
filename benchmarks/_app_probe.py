"""Run Budget Tutor as a user would start it, and report when it reached a point.

``python benchmarks/_app_probe.py prepare DATA_DIR [LANG]``: a returning user's data (the Karimov
sample household, opened last, language chosen) — done untimed, before the measured starts.

``python benchmarks/_app_probe.py paint|chart|tour DATA_DIR [--quiet-hook]``: start the app
(``budget_tutor.__main__.main``) and print one JSON line when

* ``paint``: the main window gets its first paint event;
* ``chart``: the first chart has been drawn and its canvas painted;
* ``tour``: every screen has been shown (households, each page, every chart tab, a lesson
  opened, a what-if preset) — for peak memory.

Times are seconds from process start (``BENCH_T0``); memory is VmHWM at that moment. Nothing is
added to the product for this: a wrapper around ``ui.app.get_application`` installs an event
filter on the application as soon as it exists. ``--quiet-hook`` first replaces PySide6's
per-module source scan (see docs/performance.md) to measure what it costs.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def _hwm() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _elapsed() -> float:
    t0 = float(os.environ.get("BENCH_T0", "0") or 0)
    return time.time() - t0 if t0 else float("nan")


#: (mark, seconds from process start, VmHWM MiB): where the start-up time and memory go.
TIMELINE: list[tuple[str, float, float]] = []


def mark(name: str) -> None:
    TIMELINE.append((name, round(_elapsed(), 4), round(_hwm(), 1)))


def _report(what: str, **extra: Any) -> None:
    data = {"what": what, "seconds": _elapsed(), "vm_hwm_mib": _hwm()}
    data["timeline"] = TIMELINE
    data["matplotlib_loaded"] = "matplotlib" in sys.modules
    data.update(extra)
    print(json.dumps(data), flush=True)


def prepare(data_dir: str, lang: str = "en", last_page: str = "plan") -> None:
    from budget_tutor.planfile import load_plan_file
    from budget_tutor.resources import data_dir as package_data
    from budget_tutor.storage import Store

    store = Store.open(Path(data_dir))
    try:
        store.set_setting("language", lang)
        plan = load_plan_file(package_data() / "samples" / "karimov-kulob.json")
        household = store.create_household(plan)
        store.set_setting("last_household", str(household))
    finally:
        store.close()
    from budget_tutor.ui.settings import UiSettings

    settings = UiSettings(Path(data_dir))
    settings.set_last_page(last_page)
    settings.sync()


def quiet_pyside_hook() -> None:
    """Answer PySide6's "does this module use PySide?" from the module's name instead of reading
    its source (no module here uses ``from __feature__ import``)."""
    import PySide6.QtCore  # noqa: F401  (installs the hook)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        return

    def uses_pyside(module: Any) -> bool:
        name = getattr(module, "__name__", "") or ""
        return name.startswith(("budget_tutor.ui", "PySide6", "shiboken6")) or "qt" in name

    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


def start(until: str, data_dir: str) -> int:
    mark("interpreter started, probe running")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    mark("PySide6 imported")
    from budget_tutor.ui import app as app_module

    mark("budget_tutor.ui.app imported")

    state: dict[str, Any] = {"done": False}

    def finish(what: str, **extra: Any) -> None:
        if not state["done"]:
            state["done"] = True
            _report(what, **extra)
            os._exit(0)  # the figure is taken; closing down is not part of it

    def main_window() -> Any:
        return getattr(app_module.run_app, "last_window", None)

    class Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or not isinstance(obj, QWidget):
                return False
            window = main_window()
            if window is None or obj.window() is not window:
                return False
            if until == "paint":
                finish("paint", page=getattr(window, "current_page", ""))
            elif until in ("chart", "tour") and type(obj).__name__ == "CountingCanvas":
                owner = obj._owner  # type: ignore[attr-defined]
                if owner.full_draws > 0 and "chart_seconds" not in state:
                    state["chart_seconds"] = _elapsed()
                    if until == "chart":
                        finish("chart", full_draws=owner.full_draws)
                    else:
                        QTimer.singleShot(0, lambda: tour(window))
            return False

    watcher = Watcher()
    original = app_module.get_application

    def get_application(argv: list[str]) -> QApplication:
        application = original(argv)
        application.installEventFilter(watcher)
        mark("QApplication created")
        return application

    app_module.get_application = get_application
    original_open = app_module.open_store

    def open_store(*args: Any, **kwargs: Any) -> Any:
        mark("font installed, opening the data")
        store = original_open(*args, **kwargs)
        mark("data opened")
        return store

    app_module.open_store = open_store
    from budget_tutor.ui import main_window as main_window_module

    mark("main_window module imported")
    window_class = main_window_module.MainWindow
    original_show = window_class.show

    def show(self: Any) -> None:
        mark("MainWindow built (pages for the start included), show()")
        original_show(self)

    window_class.show = show  # type: ignore[method-assign]

    def tour(window: Any) -> None:
        from budget_tutor.ui.main_window import NAV_PAGES

        def settle(rounds: int = 3) -> None:
            for _ in range(rounds):
                QApplication.processEvents()

        visited = []
        window.show_households()
        settle()
        window.show_page("plan")
        settle()
        plan_page = window.pages["plan"]
        panel = getattr(plan_page, "charts_panel", None)
        if panel is not None:
            for index in range(panel.tabs.count()):
                panel.tabs.setCurrentIndex(index)
                settle()
        for key, *_rest in NAV_PAGES:
            window.show_page(key)
            settle()
            visited.append(key)
        lessons = window.pages.get("lessons")
        if lessons is not None and lessons.library.lessons:
            window.show_page("lessons")
            lessons.open_lesson(lessons.library.lessons[0].id)
            settle()
            lessons.player.go_next()
            settle()
        whatif = window.pages.get("whatif")
        if whatif is not None and whatif.preset_buttons:
            window.show_page("whatif")
            next(iter(whatif.preset_buttons.values())).setChecked(True)
            settle(5)
        finish("tour", chart_seconds=state.get("chart_seconds"), visited=visited)

    from budget_tutor.__main__ import main

    code = main(["--data-dir", data_dir])
    if not state["done"]:
        print(json.dumps({"what": until, "error": f"exited ({code}) before {until}"}), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "prepare":
        prepare(*args[1:4])
        sys.exit(0)
    if "--quiet-hook" in args:
        args.remove("--quiet-hook")
        quiet_pyside_hook()
    sys.exit(start(args[0], args[1]))
