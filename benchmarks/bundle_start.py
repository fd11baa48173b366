"""Start of the bundled app against a bare PySide6 window bundled the same way.

    .venv/bin/python -m benchmarks.bundle_start [--runs 7]

Builds two probe bundles with ``packaging/budget-tutor.spec`` (same excludes, same data, only the
entry point differs) into ``build/bench-dist``:

* ``bt-probe``: ``benchmarks/_app_probe.py`` — the real app (``budget_tutor.__main__.main``),
  reporting at the main window's first paint, a returning user's data prepared first;
* ``bt-floor``: ``benchmarks/_floor_window.py bare`` — a bare PySide6 window, reporting at its
  first paint.

Each is started ``--runs`` times with an empty environment (``env -i``, offscreen) from a copy
outside the source tree; prints the medians, the ratio (goal ≤ 2×) and both bundles' sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "build" / "bench-dist"


def build(name: str, entry: Path) -> Path:
    target = OUT / name
    if (target / name).is_file():
        return target
    env = dict(os.environ, BUDGET_TUTOR_BUNDLE_ENTRY=str(entry), BUDGET_TUTOR_BUNDLE_NAME=name)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(OUT), "--workpath", str(REPO / "build" / f"bench-{name}"),
         str(REPO / "packaging" / "budget-tutor.spec")],
        cwd=REPO, env=env, check=True,
    )  # fmt: skip
    return target


def size_mib(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        / 2**20
    )


def first_paint(program: Path, args: list[str], home: Path) -> float:
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "BENCH_T0": repr(time.time())}
    run = subprocess.run(["env", "-i", *(f"{k}={v}" for k, v in env.items()), str(program), *args],
                         capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    lines = [json.loads(x) for x in run.stdout.splitlines() if x.startswith("{")]
    if not lines or "seconds" not in lines[-1]:
        raise RuntimeError(f"{program.name} reported nothing:\n{run.stderr[-2000:]}")
    return float(lines[-1]["seconds"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    probe = build("bt-probe", REPO / "benchmarks" / "_app_probe.py")
    floor = build("bt-floor", REPO / "benchmarks" / "_floor_window.py")
    with tempfile.TemporaryDirectory(prefix="bt-bundle-bench-") as tmp_name:
        tmp = Path(tmp_name)
        probe_copy = tmp / "bt-probe"
        floor_copy = tmp / "bt-floor"
        shutil.copytree(probe, probe_copy, symlinks=True)
        shutil.copytree(floor, floor_copy, symlinks=True)
        data = tmp / "data"
        subprocess.run(["env", "-i", f"HOME={tmp}", "QT_QPA_PLATFORM=offscreen",
                        str(probe_copy / "bt-probe"), "prepare", str(data), "tg"], check=True)  # fmt: skip
        app_times, floor_times = [], []
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            floor_times.append(first_paint(floor_copy / "bt-floor", ["bare"], tmp))
            app_times.append(first_paint(probe_copy / "bt-probe", ["paint", str(data)], tmp))
    app_s, floor_s = statistics.median(app_times), statistics.median(floor_times)
    print(f"bundle start to first paint: {app_s * 1000:.0f} ms (median of {args.runs})")
    print(f"bare PySide6 window, bundled the same way: {floor_s * 1000:.0f} ms")
    print(f"ratio: {app_s / floor_s:.2f}x (goal <= 2x)")
    print(
        f"sizes: app bundle {size_mib(probe):.0f} MiB, bare-window bundle {size_mib(floor):.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
