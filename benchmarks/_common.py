"""Shared helpers: figures, medians, child processes with their own peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass
class Figure:
    """One measured figure: the median, the floor measured in the same run, and the goal."""

    name: str
    median: float  # seconds, or MiB when unit == "MiB"
    unit: str = "s"
    floor: float | None = None
    floor_name: str = ""
    max_ratio: float | None = None  # goal: median / floor <= max_ratio
    max_value: float | None = None  # goal: median <= max_value (same unit)
    runs: int = 0
    peak_mib: float | None = None  # peak memory of the process that measured it
    checks: dict[str, Any] = field(default_factory=dict)  # other goals: name -> (value, ok)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.median / self.floor

    @property
    def ok(self) -> bool:
        good = True
        if self.max_ratio is not None and self.ratio is not None:
            good = good and self.ratio <= self.max_ratio
        if self.max_value is not None:
            good = good and self.median <= self.max_value
        for _value, passed in self.checks.values():
            good = good and bool(passed)
        return good

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["ok"] = self.ok
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figure:
        data = {k: v for k, v in data.items() if k not in ("ratio", "ok")}
        return cls(**data)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def time_calls(fn: Callable[[], object], runs: int, *, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of ``runs`` calls of ``fn`` (after ``warmup`` calls)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def vm_hwm_mib() -> float:
    """This process's peak resident memory (VmHWM), MiB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")  # pragma: no cover - Linux only


@dataclass
class ChildResult:
    returncode: int
    stdout: str
    stderr: str
    wall: float  # seconds from just before the process was started until it ended
    peak_mib: float  # ru_maxrss of this child
    started: float  # time.time() just before the start (the child reads it from BENCH_T0)

    def json_lines(self) -> list[dict[str, Any]]:
        out = []
        for line in self.stdout.splitlines():
            if line.startswith("{"):
                out.append(json.loads(line))
        return out

    def last_json(self) -> dict[str, Any]:
        lines = self.json_lines()
        if self.returncode != 0 or not lines:
            raise RuntimeError(
                f"benchmark child failed (exit {self.returncode}):\n{self.stderr[-3000:]}"
            )
        return lines[-1]


def run_child(
    args: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 300
) -> ChildResult:
    """Run ``python args...`` and measure it; the child may read ``BENCH_T0`` (time.time() just
    before the start) to report times from process start."""
    full_env = dict(os.environ)
    full_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    full_env.pop("MPLBACKEND", None)
    # An installed app has its bytecode compiled (pip writes the .pyc files); with
    # PYTHONDONTWRITEBYTECODE set, every start would compile our ~30 modules from source again
    # while matplotlib's and PySide6's .pyc files exist, which is not what a laptop sees.
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    if env:
        full_env.update(env)
    started = time.time()
    full_env["BENCH_T0"] = repr(started)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [PYTHON, *args], stdout=out, stderr=err, text=True, env=full_env, cwd=str(REPO)
        )
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            # wait4: this child's own peak memory (ru_maxrss, KiB on Linux).
            _pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ChildResult(
            proc.returncode, out.read(), err.read(), wall, usage.ru_maxrss / 1024, started
        )


def emit(figures: Sequence[Figure]) -> None:
    """Print figures as JSON lines (what run.py reads from each benchmark process)."""
    for fig in figures:
        if fig.peak_mib is None:
            fig.peak_mib = round(vm_hwm_mib(), 1)
        print(json.dumps(fig.to_json()), flush=True)


def main_for(run: Callable[[bool], list[Figure]]) -> None:
    """``python -m benchmarks.<name> [--quick]``: run and print the figures as JSON lines."""
    quick = "--quick" in sys.argv[1:]
    emit(run(quick))
