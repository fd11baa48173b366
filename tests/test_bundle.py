"""The self-contained bundle starts from a copied folder with an empty environment.

Slow (PyInstaller takes about a minute): run with ``--run-slow``. It builds the bundle with
``scripts/build-bundle.sh`` when ``dist/budget-tutor`` is missing, copies the folder elsewhere
(no virtualenv, no Python on PATH: ``env -i``), and runs ``budget-tutor selfcheck --lang tg``:
Tajik, a sample household, the first lesson, a chart, What if? and a PDF handout. Recorded in
docs/install-windows.md ("What was run").
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "budget-tutor"


@pytest.mark.slow
def test_copied_bundle_runs_without_python(tmp_path):
    if not (DIST / "budget-tutor").is_file():
        build = subprocess.run(["sh", "scripts/build-bundle.sh"], cwd=ROOT, capture_output=True,
                               text=True, timeout=900, check=False)  # fmt: skip
        assert build.returncode == 0, build.stderr[-3000:]
    copy = tmp_path / "stick" / "budget-tutor"
    shutil.copytree(DIST, copy, symlinks=True)
    out = tmp_path / "check"
    run = subprocess.run(
        ["env", "-i", f"HOME={tmp_path}", str(copy / "budget-tutor"), "selfcheck", "--lang", "tg",
         "--out", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "Пул аз хориҷа" in run.stdout  # the Tajik catalog is inside the bundle
    assert "[FAILED]" not in run.stdout
    pdf = (out / "handout.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    assert (out / "chart.png").read_bytes().startswith(b"\x89PNG")
