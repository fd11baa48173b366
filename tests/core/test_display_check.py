"""No screen, or a missing xcb library: a message and exit 2 instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from budget_tutor import i18n
from budget_tutor.display_check import XCB_LIBRARIES, DisplayProblem, describe, find_problem

ROOT = Path(__file__).resolve().parents[2]


def _all_found(_name: str) -> str:
    return "/usr/lib/libfound.so"


def test_no_display_is_found():
    assert find_problem({}, "linux", _all_found) == DisplayProblem("no_display")
    assert find_problem({"DISPLAY": "  "}, "linux", _all_found) == DisplayProblem("no_display")


def test_a_display_with_every_library_is_fine():
    assert find_problem({"DISPLAY": ":0"}, "linux", _all_found) is None
    assert find_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", _all_found) is None


def test_an_explicit_platform_is_trusted():
    assert find_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", _all_found) is None
    assert find_problem({}, "win32", _all_found) is None


def test_missing_xcb_libraries_are_named_by_their_debian_package():
    def without_cursor(name: str) -> str | None:
        return None if name in ("xcb-cursor", "xcb-xkb") else "/usr/lib/x.so"

    problem = find_problem({"DISPLAY": ":0"}, "linux", without_cursor)
    assert problem == DisplayProblem("missing_packages", ("libxcb-cursor0", "libxcb-xkb1"))
    assert len(XCB_LIBRARIES) == 9


def test_the_message_is_translated():
    i18n.set_language("ru")
    text = describe(DisplayProblem("missing_packages", ("libxcb-cursor0",)))
    assert "libxcb-cursor0" in text and "apt-get" in text
    assert "cannot" not in text
    i18n.set_language("tg")
    assert "cannot" not in describe(DisplayProblem("no_display"))


def test_the_app_exits_2_with_the_message_when_there_is_no_display(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["BUDGET_TUTOR_DATA_DIR"] = str(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "budget_tutor", "--lang", "ru"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2, (run.returncode, run.stderr[-2000:])
    assert "QT_QPA_PLATFORM=offscreen" in run.stderr
    assert "Budget Tutor не может" in run.stderr, run.stderr


def test_the_language_of_an_early_message_comes_from_the_environment():
    from budget_tutor.display_check import environment_language

    known = ("tg", "ru", "en")
    assert environment_language({"LANG": "ru_RU.UTF-8"}, known) == "ru"
    assert environment_language({"LANGUAGE": "tg:ru", "LANG": "ru_RU.UTF-8"}, known) == "tg"
    assert environment_language({"LANG": "de_DE.UTF-8"}, known) == "en"
    assert environment_language({}, known) == "en"
