"""An ordinary ``pip install .`` ships compiled catalogs: the installed app speaks Tajik.

Slow (it builds the wheel in an isolated environment, which downloads hatchling and Babel):
run with ``--run-slow``.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import time
from budget_tutor import i18n
base = i18n.built_in_locales_dir()
assert base.name == "_locales", base
start = time.perf_counter()
i18n.set_language("tg")
elapsed = time.perf_counter() - start
assert i18n._("Money from abroad") == "Пул аз хориҷа", i18n._("Money from abroad")
assert all(s.endswith(".mo") for s in i18n.catalog_sources()), i18n.catalog_sources()
assert i18n.problems() == [], i18n.problems()[:3]
i18n.set_language("ru")
assert i18n.ngettext("{count} month", "{count} months", 5).format(count=5) == "5 месяцев"
assert i18n.lesson_text("Welcome and our family") != "Welcome and our family"
print(f"ok {elapsed:.3f}")
"""


@pytest.mark.slow
def test_pip_install_into_a_fresh_venv_shows_tajik(tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    build = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    run = subprocess.run(
        [str(python), "-c", CHECK],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith("ok"), run.stdout
    print(run.stdout, file=sys.stderr)
