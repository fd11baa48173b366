"""Floors for the start-up figures, run as their own process.

``python benchmarks/_floor_window.py bare``: a bare PySide6 window (1280x720, a label), exit at
its first paint. ``chart``: the same window with a matplotlib canvas (900x560, 12 months of 5
stacked bars and 3 lines, like the plan's cash-flow chart) and Babel formatting the tick labels;
exit when the drawn canvas is first painted. Prints one JSON line: seconds from process start
(``BENCH_T0``), peak memory (VmHWM, MiB) at that moment.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _report(what: str) -> None:
    t0 = float(os.environ.get("BENCH_T0", "0") or 0)
    elapsed = time.time() - t0 if t0 else float("nan")
    hwm = 0.0
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
    print(json.dumps({"what": what, "seconds": elapsed, "vm_hwm_mib": hwm}), flush=True)
    os._exit(0)


def main(mode: str) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 720)
    target: list[object] = []

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and (not target or obj is target[0]):
                _report(mode)
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    if mode == "bare":
        window.setCentralWidget(QLabel("Budget Tutor"))
    else:
        from babel.numbers import format_decimal
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(9.0, 5.6), dpi=100)
        ax = fig.add_subplot()
        months = list(range(12))
        bottom = [0.0] * 12
        for k in range(5):
            heights = [200.0 + 40 * k + 15 * m for m in months]
            ax.bar(months, heights, bottom=bottom, width=0.7)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        for k in range(3):
            ax.plot(months, [900.0 + 300 * k + 50 * m for m in months], linewidth=2)
        ax.set_xticks(months, [f"{m + 1:02d}" for m in months])
        ax.yaxis.set_major_formatter(lambda v, _pos: format_decimal(v, locale="ru"))
        ax.set_title("Money in and out")
        canvas = FigureCanvasQTAgg(fig)
        target.append(canvas)
        window.setCentralWidget(canvas)
    window.show()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bare")
