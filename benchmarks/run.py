"""Run every benchmark and print each figure: median, floor (same run), ratio, peak memory.

    .venv/bin/python -m benchmarks.run            # everything (several minutes)
    .venv/bin/python -m benchmarks.run --quick    # each benchmark once, tiny sizes
    .venv/bin/python -m benchmarks.run --only projection_bench --json results.json

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

from benchmarks._common import Figure, run_child

BENCHMARKS = ("projection_bench", "interaction", "startup")


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


def print_table(figures: list[Figure], out: object = None) -> None:
    out = out or sys.stdout
    header = (
        f"{'figure':<74} {'median':>10} {'floor':>10} {'ratio':>6} {'goal':>16} {'peak':>10}  ok"
    )
    print(header, file=out)  # type: ignore[call-overload]
    print("-" * len(header), file=out)  # type: ignore[call-overload]
    for fig in figures:
        ratio = f"{fig.ratio:.2f}" if fig.ratio is not None else "-"
        peak = f"{fig.peak_mib:.0f} MiB" if fig.peak_mib is not None else "-"
        mark = "yes" if fig.ok else "NO"
        print(
            f"{fig.name[:74]:<74} {_fmt(fig.median, fig.unit):>10} {_fmt(fig.floor, fig.unit):>10}"
            f" {ratio:>6} {_goal(fig):>16} {peak:>10}  {mark}",
            file=out,  # type: ignore[call-overload]
        )
        detail = []
        if fig.floor_name:
            detail.append(f"floor: {fig.floor_name}")
        for check, (value, passed) in fig.checks.items():
            detail.append(f"{check}: {value} ({'ok' if passed else 'MISSED'})")
        if fig.note:
            detail.append(fig.note)
        detail.append(f"runs: {fig.runs}")
        print("      " + "; ".join(detail), file=out)  # type: ignore[call-overload]


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
    return 0


if __name__ == "__main__":
    sys.exit(main())
