"""Start-up figures, each measured in fresh processes against a floor process run alongside.

* start: process start -> main window painted, against a bare PySide6 window process;
* memory at first paint, against the same bare process;
* first chart shown (the plan opened at start), against PySide6 + a matplotlib canvas + Babel;
* first start on a new machine (empty matplotlib cache, empty data folder): the window against
  the bare floor, the first chart against a warm start, and no cache rebuild on the next start;
* peak memory after visiting every screen, against PySide6 + matplotlib canvas + Babel;
* what PySide6's import hook costs (the same start with the hook's source scan replaced).

Runs are interleaved (floor, app, floor, app…) so that the machine's load hits both alike.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from benchmarks._common import Figure, main_for, median, run_child

PROBE = ["-m", "benchmarks._app_probe"]
FLOOR = ["-m", "benchmarks._floor_window"]


def _prepared(template: Path, into: Path) -> str:
    """A fresh copy of a returning user's data (each start changes the saved UI state)."""
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(template, into)
    return str(into)


def _font_cache_state(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("fontlist-*.json")
    }


def run(quick: bool) -> list[Figure]:
    runs = 1 if quick else 5
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bt-bench-") as tmp_name:
        tmp = Path(tmp_name)
        template = tmp / "template"
        prep = run_child([*PROBE, "prepare", str(template)])
        if prep.returncode != 0:
            raise RuntimeError(prep.stderr[-3000:])
        whatif_template = tmp / "template-whatif"
        prep = run_child([*PROBE, "prepare", str(whatif_template), "en", "whatif"])
        if prep.returncode != 0:
            raise RuntimeError(prep.stderr[-3000:])
        if not quick:
            # Warm up once: caches (matplotlib's font list, .pyc files) as on a used laptop.
            run_child([*PROBE, "chart", _prepared(template, tmp / "warm")]).last_json()

        bare, bare_mem, paint, paint_mem, mpl_at_paint = [], [], [], [], []
        timeline: list[tuple[str, float, float]] = []
        quiet, quiet_mem = [], []
        chart_floor, chart_floor_mem, chart, chart_mem, tour_mem = [], [], [], [], []
        for i in range(runs):
            r = run_child([*FLOOR, "bare"]).last_json()
            bare.append(r["seconds"])
            bare_mem.append(r["vm_hwm_mib"])
            r = run_child([*PROBE, "paint", _prepared(template, tmp / f"p{i}")]).last_json()
            paint.append(r["seconds"])
            paint_mem.append(r["vm_hwm_mib"])
            timeline = r.get("timeline", [])
            mpl_at_paint.append(r["matplotlib_loaded"])
            r = run_child(
                [*PROBE, "paint", _prepared(template, tmp / f"q{i}"), "--quiet-hook"]
            ).last_json()
            quiet.append(r["seconds"])
            quiet_mem.append(r["vm_hwm_mib"])
            r = run_child([*FLOOR, "chart"]).last_json()
            chart_floor.append(r["seconds"])
            chart_floor_mem.append(r["vm_hwm_mib"])
            r = run_child([*PROBE, "chart", _prepared(template, tmp / f"c{i}")]).last_json()
            chart.append(r["seconds"])
            chart_mem.append(r["vm_hwm_mib"])
            if not quick or i == 0:
                r = run_child([*PROBE, "tour", _prepared(template, tmp / f"t{i}")]).last_json()
                tour_mem.append(r["vm_hwm_mib"])

        whatif = run_child([*PROBE, "paint", _prepared(whatif_template, tmp / "w")]).last_json()

        figures.append(
            Figure(
                "start: process start -> main window painted",
                median(paint),
                floor=median(bare),
                floor_name="bare PySide6 window process",
                max_ratio=1.5,
                runs=runs,
                peak_mib=median(paint_mem),
                note="last run (seconds, MiB): "
                + ", ".join(f"{name} {at:.2f} s {mib:.0f}" for name, at, mib in timeline)
                + f", painted {paint[-1]:.2f} s {paint_mem[-1]:.0f}",
                checks={
                    "no matplotlib before first paint (plan page)": (
                        not any(mpl_at_paint),
                        not any(mpl_at_paint),
                    ),
                    "no matplotlib before first paint (reopened on What if?)": (
                        not whatif["matplotlib_loaded"],
                        not whatif["matplotlib_loaded"],
                    ),
                },
            )
        )
        figures.append(
            Figure(
                "memory at first paint",
                median(paint_mem),
                unit="MiB",
                floor=median(bare_mem),
                floor_name="bare PySide6 window process",
                max_ratio=1.3,
                runs=runs,
                peak_mib=median(paint_mem),
            )
        )
        figures.append(
            Figure(
                "start with PySide6's source scan replaced (--quiet-hook), for comparison",
                median(quiet),
                floor=median(paint),
                floor_name="the same start as shipped",
                runs=runs,
                peak_mib=median(quiet_mem),
                note=f"memory at paint {median(quiet_mem):.1f} MiB vs {median(paint_mem):.1f} MiB",
            )
        )
        figures.append(
            Figure(
                "first chart shown (plan opened at start)",
                median(chart),
                floor=median(chart_floor),
                floor_name="PySide6 + matplotlib canvas + Babel process",
                max_ratio=1.15,
                runs=runs,
                peak_mib=median(chart_mem),
            )
        )
        figures.append(
            Figure(
                "peak memory after visiting every screen",
                median(tour_mem),
                unit="MiB",
                floor=median(chart_floor_mem),
                floor_name="PySide6 + matplotlib canvas + Babel process",
                max_ratio=1.2,
                runs=len(tour_mem),
                peak_mib=max(tour_mem),
            )
        )

        # -- a new machine: no matplotlib cache, no data ------------------------------------------
        cold_window, cold_chart, second_chart, rebuilt = [], [], [], []
        cold_window_mem, cold_chart_mem = [], []
        for i in range(1 if quick else 3):
            mpl_dir = tmp / f"mpl{i}"
            mpl_dir.mkdir()
            env = {"MPLCONFIGDIR": str(mpl_dir)}
            r = run_child([*PROBE, "paint", str(tmp / f"empty{i}")], env=env).last_json()
            cold_window.append(r["seconds"])
            cold_window_mem.append(r["vm_hwm_mib"])
            mpl_dir2 = tmp / f"mplc{i}"
            mpl_dir2.mkdir()
            env2 = {"MPLCONFIGDIR": str(mpl_dir2)}
            data = _prepared(template, tmp / f"cold{i}")
            r = run_child([*PROBE, "chart", data], env=env2).last_json()
            cold_chart.append(r["seconds"])
            cold_chart_mem.append(r["vm_hwm_mib"])
            before = _font_cache_state(mpl_dir2)
            again = run_child([*PROBE, "chart", _prepared(template, tmp / f"again{i}")], env=env2)
            second_chart.append(again.last_json()["seconds"])
            rebuilt.append(not before or _font_cache_state(mpl_dir2) != before)
        cold_runs = len(cold_window)
        figures.append(
            Figure(
                "first start on a new machine: window (empty data, empty matplotlib cache)",
                median(cold_window),
                floor=median(bare),
                floor_name="bare PySide6 window process",
                max_ratio=1.5,
                runs=cold_runs,
                peak_mib=median(cold_window_mem),
            )
        )
        figures.append(
            Figure(
                "first start on a new machine: first chart (empty matplotlib cache)",
                median(cold_chart),
                floor=median(chart),
                floor_name="the same start, warm",
                max_ratio=1.3,
                runs=cold_runs,
                peak_mib=median(cold_chart_mem),
                checks={
                    "font cache written once, not rebuilt on the second start": (
                        not any(rebuilt),
                        not any(rebuilt),
                    )
                },
                note=f"second start's chart: {median(second_chart):.2f} s",
            )
        )
    return figures


if __name__ == "__main__":
    main_for(run)
