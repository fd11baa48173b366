"""Write the sample households as plan files into budget_tutor/data/samples/ (run from the repo root).

    .venv/bin/python tools/make_samples.py

The households themselves are built in ``budget_tutor/samples.py``; where the figures come from is
in ``docs/samples.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from budget_tutor.planfile import save_plan_file  # noqa: E402
from budget_tutor.samples import SAMPLES, build_sample  # noqa: E402


def main() -> None:
    out = ROOT / "budget_tutor" / "data" / "samples"
    out.mkdir(parents=True, exist_ok=True)
    for sample_id in SAMPLES:
        save_plan_file(out / f"{sample_id}.json", build_sample(sample_id))
        print(out / f"{sample_id}.json")


if __name__ == "__main__":
    main()
