"""Run every benchmark and print each figure: median, floor (same run), ratio, peak memory.

    .venv/bin/python -m benchmarks.run            # everything (several minutes)
    .venv/bin/python -m benchmarks.run --quick    # each benchmark once, tiny sizes
    .venv/bin/python -m benchmarks.run --only projection_bench --json results.json
    .venv/bin/python -m benchmarks.run --baseline benchmarks/results/2026-11-28-run8.json

Each benchmark runs in its own process, so the peak memory shown is that process's own. The
machine's load moves absolute times; ratios against a floor measured in the same run are what
the goals are about. Results and their history: docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
from typing import TextIO

from benchmarks._common import Figure, run_child

BENCHMARKS = ("projection_bench", "interaction", "startup", "results_merge")


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def _goal(fig: Figure) -> str:
    parts = []
    if fig.max_ratio is not None:
        parts.append(f"<= {fig.max_ratio:g}x")
    if fig.max_value is not None:
        parts.append(f"<= {_fmt(fig.max_value, fig.unit)}")
    return ", ".join(parts) or "-"


def print_table(figures: list[Figure], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    header = (
        f"{'figure':<74} {'median':>10} {'floor':>10} {'ratio':>6} {'goal':>16} {'peak':>10}  ok"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    for fig in figures:
        ratio = f"{fig.ratio:.2f}" if fig.ratio is not None else "-"
        peak = f"{fig.peak_mib:.0f} MiB" if fig.peak_mib is not None else "-"
        mark = "yes" if fig.ok else "NO"
        print(
            f"{fig.name[:74]:<74} {_fmt(fig.median, fig.unit):>10} {_fmt(fig.floor, fig.unit):>10}"
            f" {ratio:>6} {_goal(fig):>16} {peak:>10}  {mark}",
            file=out,
        )
        detail = []
        if fig.floor_name:
            detail.append(f"floor: {fig.floor_name}")
        for check, (value, passed) in fig.checks.items():
            detail.append(f"{check}: {value} ({'ok' if passed else 'MISSED'})")
        if fig.note:
            detail.append(fig.note)
        detail.append(f"runs: {fig.runs}")
        print("      " + "; ".join(detail), file=out)


def markdown_table(figures: list[Figure]) -> str:
    """The figures as a Markdown table, for docs/performance.md."""
    lines = [
        "| figure | median | floor | ratio | goal | peak | ok |",
        "|---|---|---|---|---|---|---|",
    ]
    for fig in figures:
        ratio = f"{fig.ratio:.2f}" if fig.ratio is not None else "–"
        peak = f"{fig.peak_mib:.0f} MiB" if fig.peak_mib is not None else "–"
        checks = "; ".join(
            f"{name}: {value}" + ("" if passed else " **missed**")
            for name, (value, passed) in fig.checks.items()
        )
        name = fig.name + (f" ({checks})" if checks else "")
        lines.append(
            f"| {name} | {_fmt(fig.median, fig.unit)} | {_fmt(fig.floor, fig.unit)} | {ratio} "
            f"| {_goal(fig)} | {peak} | {'yes' if fig.ok else '**no**'} |"
        )
    return "\n".join(lines)


def _score(fig: Figure) -> float | None:
    """The number a goal is about: the ratio when there is a floor, else the median."""
    return fig.ratio if fig.ratio is not None else fig.median


def compare_with(figures: list[Figure], saved: list[Figure], tolerance: float) -> list[str]:
    """One line per figure: its ratio (or median) now and in a saved run; the names of the
    figures that got worse by more than ``tolerance`` (0.2: 20 %) are returned."""
    before = {f.name: f for f in saved}
    worse = []
    print("\nAgainst the saved run:")
    for fig in figures:
        old = before.get(fig.name)
        now_score, old_score = _score(fig), _score(old) if old is not None else None
        if old is None or old_score is None or now_score is None or old_score <= 0:
            print(f"  {fig.name[:74]:<74} new figure")
            continue
        change = now_score / old_score - 1
        flag = ""
        if change > tolerance:
            worse.append(fig.name)
            flag = "  WORSE"
        kind = "ratio" if fig.ratio is not None else "median"
        print(
            f"  {fig.name[:74]:<74} {kind} {old_score:.3g} -> {now_score:.3g} ({change:+.0%}){flag}"
        )
        lost = [
            c for c, (_v, ok) in fig.checks.items() if not ok and old.checks.get(c, (0, False))[1]
        ]
        for check in lost:
            worse.append(f"{fig.name}: {check}")
            print(f"      check no longer met: {check}")
    return worse


def run_all(names: tuple[str, ...], quick: bool) -> list[Figure]:
    figures: list[Figure] = []
    for name in names:
        args = ["-m", f"benchmarks.{name}"] + (["--quick"] if quick else [])
        result = run_child(args, timeout=1800)
        lines = result.json_lines()
        if result.returncode != 0 or not lines:
            raise SystemExit(
                f"benchmark {name} failed (exit {result.returncode}):\n{result.stderr[-4000:]}"
            )
        figures.extend(Figure.from_json(line) for line in lines)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="each benchmark once, tiny sizes")
    parser.add_argument("--only", action="append", choices=BENCHMARKS, help="run only these")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    parser.add_argument(
        "--markdown", metavar="FILE", help="print the figures saved with --json as a Markdown table"
    )
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="compare with a run saved with --json (e.g. benchmarks/results/*.json); exit 1 if a"
        " ratio got more than --tolerance worse or a counted check is lost",
    )
    parser.add_argument("--tolerance", type=float, default=0.25, help="for --baseline (0.25)")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when any figure misses its goal"
    )
    args = parser.parse_args(argv)
    if args.markdown:
        with open(args.markdown, encoding="utf-8") as fh:
            saved = json.load(fh)
        print(markdown_table([Figure.from_json(f) for f in saved["figures"]]))
        return 0
    names = tuple(args.only or BENCHMARKS)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"Budget Tutor benchmarks, {started}; Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {load:.2f} at the start"
    )
    figures = run_all(names, args.quick)
    print_table(figures)
    missed = [f.name for f in figures if not f.ok]
    print(f"\n{len(figures) - len(missed)} of {len(figures)} figures meet their goal.")
    code = 1 if args.strict and missed else 0
    if args.baseline:
        with open(args.baseline, encoding="utf-8") as fh:
            saved = [Figure.from_json(f) for f in json.load(fh)["figures"]]
        if compare_with(figures, saved, args.tolerance):
            code = 1
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(
                {
                    "date": started,
                    "quick": args.quick,
                    "load": load,
                    "figures": [f.to_json() for f in figures],
                },
                fh,
                indent=1,
            )
    return code


if __name__ == "__main__":
    sys.exit(main())
