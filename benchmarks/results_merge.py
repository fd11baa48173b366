"""Merging the donor results of 50 laptops, 40 participants each, and building the group report.

    .venv/bin/python -m benchmarks.results_merge [--quick]

Writes 50 CSV files (40 participants × 24 items × pre and post = 1,920 rows each, 96,000 in all,
with every tenth laptop also holding a copy of another laptop's first participant, so that
duplicates are exercised), then times ``results.merge_files`` (read and validate every file,
merge, write the merged CSV) plus ``results.group_report`` over the merged rows. Goal: ≤ 2 s.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks._common import Figure, main_for, median

LAPTOPS, PARTICIPANTS, ITEMS = 50, 40, 24


def _files(folder: Path, laptops: int) -> list[Path]:
    from budget_tutor import results

    paths = []
    for laptop in range(laptops):
        salt = f"laptop-{laptop}"
        laptop_id = results.participant_hash("laptop", salt)
        rows = []
        for person in range(PARTICIPANTS):
            code = f"P{laptop:02d}-{person:02d}"
            participant = results.participant_hash(code, salt)
            for phase in results.PHASES:
                for item in range(ITEMS):
                    correct = (person + item + (phase == "post") * 3) % 4 != 0
                    rows.append(results.ResultRow(
                        results.SCHEMA, laptop_id, f"w-{laptop // 5}", f"Workshop {laptop // 5}",
                        "Khatlon", "Kulob", "2026-11-02", "2026-11-05", participant, phase,
                        "A" if phase == "pre" else "B", f"q{item:02d}", f"o{item // 3}",
                        str(item % 4), int(correct), "2026-11-02T09:00:00Z",
                    ))  # fmt: skip
        if laptop % 10 == 9:
            rows.extend(rows[: ITEMS * 2])  # a copied participant: duplicates of its own rows
        path = folder / f"laptop-{laptop:02d}.csv"
        results.write_results_file(path, rows)
        paths.append(path)
    return paths


def run(quick: bool) -> list[Figure]:
    from budget_tutor import results

    laptops = 5 if quick else LAPTOPS
    runs = 1 if quick else 5
    times = []
    with tempfile.TemporaryDirectory(prefix="bt-results-bench-") as tmp_name:
        tmp = Path(tmp_name)
        paths = _files(tmp, laptops)
        for _ in range(runs):
            start = time.perf_counter()
            merged = results.merge_files(paths, tmp / "merged.csv")
            report = results.group_report(merged.rows)
            times.append(time.perf_counter() - start)
    expected = laptops * PARTICIPANTS * ITEMS * 2
    return [
        Figure(
            f"merge {laptops} laptops' results x {PARTICIPANTS} participants and build the group report",
            median(times),
            max_value=2.0,
            runs=runs,
            checks={
                "every answer kept once": (len(merged.rows), len(merged.rows) == expected),
                "every participant counted": (
                    report.participants,
                    report.participants == laptops * PARTICIPANTS,
                ),
            },
            note=f"{len(merged.rows)} rows, {merged.duplicates} duplicates",
        )
    ]


if __name__ == "__main__":
    main_for(run)
