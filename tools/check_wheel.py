"""Build the wheel, install it into a fresh virtualenv WITH its dependencies, and use it.

CI runs this (``.ci/run``) so that what a trainer installs with ``pip install`` is proved, not
only the source checkout::

    .venv/bin/python tools/check_wheel.py            # build, install, check; exit 1 on a fault

What it checks, in the fresh environment (no source folder on ``sys.path``):

* the wheel holds compiled catalogs (``.mo``) for tg and ru, icons, lesson pictures, the fonts,
  the built-in lessons, the rates table, the sample households and the GPL-3.0 LICENSE;
* ``budget-tutor plan <sample> --lang tg`` prints Tajik;
* the desktop app starts offscreen in Tajik, builds its main window, opens a lesson list and
  quits cleanly.

Dependencies come from the pip cache when they are there (the same versions as
``constraints.txt``), so the check takes well under a minute on a warm machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REQUIRED_IN_WHEEL = {
    "Tajik interface catalog": "budget_tutor/_locales/tg/LC_MESSAGES/budget_tutor.mo",
    "Tajik lessons catalog": "budget_tutor/_locales/tg/LC_MESSAGES/lessons.mo",
    "Russian interface catalog": "budget_tutor/_locales/ru/LC_MESSAGES/budget_tutor.mo",
    "Russian lessons catalog": "budget_tutor/_locales/ru/LC_MESSAGES/lessons.mo",
    "font": "budget_tutor/_assets/fonts/DejaVuSans.ttf",
    "asset licences": "budget_tutor/_assets/LICENSES.md",
    "rates table": "budget_tutor/data/rates.csv",
    "course": "budget_tutor/lessons/builtin/course.yaml",
    "sample household": "budget_tutor/data/samples/karimov-kulob.json",
}
REQUIRED_PREFIXES = {
    "icons": ("budget_tutor/_assets/icons/", ".svg"),
    "lesson pictures": ("budget_tutor/_assets/pictures/", ".svg"),
    "lessons": ("budget_tutor/lessons/builtin/m", ".yaml"),
}

GUI_CHECK = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
import budget_tutor
assert "site-packages" in budget_tutor.__file__, budget_tutor.__file__
from budget_tutor import i18n
from budget_tutor.ui import app as app_module
code = app_module.run_app(["--lang", "tg", "--data-dir", sys.argv[1]], exec_loop=False)
assert code == 0, code
window = app_module.run_app.last_window
from PySide6.QtWidgets import QApplication
QApplication.processEvents()
assert i18n.current_language() == "tg", i18n.current_language()
assert all(s.endswith(".mo") for s in i18n.catalog_sources()), i18n.catalog_sources()
assert i18n.problems() == [], i18n.problems()[:3]
title = window.windowTitle()
from budget_tutor import resources
from budget_tutor.lessons.library import builtin_lessons_dir, load_library
library = load_library(builtin_lessons_dir(), assets_dir=resources.assets_dir())
assert len(library.course_lessons()) >= 11, len(library.course_lessons())
assert not library.problems, library.problems[:3]
assert i18n.lesson_text("Welcome and our family") != "Welcome and our family"
window.close()
QApplication.processEvents()
print("gui ok", title)
"""


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


def fail(message: str) -> int:
    print(f"wheel check FAILED: {message}", file=sys.stderr)
    return 1


def check_contents(wheel: Path) -> list[str]:
    names = set(zipfile.ZipFile(wheel).namelist())
    problems = [f"{what} missing ({path})" for what, path in REQUIRED_IN_WHEEL.items()
                if path not in names]  # fmt: skip
    for what, (prefix, suffix) in REQUIRED_PREFIXES.items():
        if not any(n.startswith(prefix) and n.endswith(suffix) for n in names):
            problems.append(f"no {what} ({prefix}*{suffix})")
    if not any(n.endswith(".dist-info/licenses/LICENSE") for n in names):
        problems.append("LICENSE missing from the wheel's metadata")
    if any(n.startswith("locales/") or n.startswith("tests/") for n in names):
        problems.append("source folders leaked into the wheel")
    return problems


def main() -> int:
    before = sorted(p for p in (ROOT / "locales").rglob("*.mo"))
    before_stamp = {p: p.stat().st_mtime_ns for p in before}
    with tempfile.TemporaryDirectory(prefix="bt-wheel-") as tmp_name:
        tmp = Path(tmp_name)
        built = run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"),
                     str(ROOT)])  # fmt: skip
        if built.returncode != 0:
            return fail(f"the wheel does not build:\n{built.stderr[-3000:]}")
        after = {p: p.stat().st_mtime_ns for p in (ROOT / "locales").rglob("*.mo")}
        if after != before_stamp:
            return fail("the build wrote .mo files into the source tree")
        wheels = list((tmp / "dist").glob("budget_tutor-*.whl"))
        if len(wheels) != 1:
            return fail(f"expected one wheel, found {wheels}")
        problems = check_contents(wheels[0])
        if problems:
            return fail("; ".join(problems))
        print(f"wheel: {wheels[0].name}, {wheels[0].stat().st_size // 1024} KiB, contents ok")

        env_dir = tmp / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        install = run([str(python), "-m", "pip", "install", "-q", "-c", str(ROOT / "constraints.txt"),
                       str(wheels[0])])  # fmt: skip
        if install.returncode != 0:
            return fail(
                f"the wheel does not install with its dependencies:\n{install.stderr[-3000:]}"
            )

        clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
        clean_env["BUDGET_TUTOR_DATA_DIR"] = str(tmp / "data")
        sample = run([str(python), "-c", "from budget_tutor import resources; "
                      "print(resources.data_dir() / 'samples' / 'karimov-kulob.json')"],
                     cwd=tmp, env=clean_env)  # fmt: skip
        if sample.returncode != 0:
            return fail(sample.stderr[-2000:])
        plan = run([str(env_dir / "bin" / "budget-tutor"), "plan", sample.stdout.strip(),
                    "--lang", "tg", "--months", "12"], cwd=tmp, env=clean_env)  # fmt: skip
        if plan.returncode != 0:
            return fail(f"`budget-tutor plan --lang tg` failed:\n{plan.stderr[-2000:]}")
        if "сомонӣ" not in plan.stdout:
            return fail(f"`budget-tutor plan --lang tg` printed no Tajik:\n{plan.stdout[:500]}")
        print("cli ok: budget-tutor plan --lang tg prints Tajik")

        gui = run([str(python), "-c", GUI_CHECK, str(tmp / "gui-data")], cwd=tmp, env=clean_env,
                  timeout=120)  # fmt: skip
        if gui.returncode != 0 or "gui ok" not in gui.stdout:
            return fail(f"the app does not start from the wheel:\n{gui.stdout[-1000:]}"
                        f"\n{gui.stderr[-3000:]}")  # fmt: skip
        print(gui.stdout.strip())
    print("wheel check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
