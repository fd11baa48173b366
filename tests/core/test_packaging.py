"""What is pinned stays pinned: PySide6, Babel's range in the build and at run time, the licence."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _requirement(requirements: list[str], name: str) -> str:
    found = [r for r in requirements if re.match(rf"{name}\b", r, re.IGNORECASE)]
    assert len(found) == 1, (name, requirements)
    return found[0].replace(" ", "")


def _constraint(name: str) -> str:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in lines if line.lower().startswith(name.lower() + "==")]
    assert len(pins) == 1, name
    return pins[0].split("==", 1)[1]


def test_pyside6_is_pinned_to_the_version_known_to_be_clean():
    # 6.12.0 aborts with "deallocating None" (tests/ui/test_pyside_refcount.py).
    assert _requirement(PYPROJECT["project"]["dependencies"], "PySide6-Essentials") == (
        "PySide6-Essentials==6.11.3"
    )
    assert _constraint("PySide6_Essentials") == "6.11.3"
    assert metadata.version("PySide6-Essentials") == "6.11.3"


def test_babel_range_is_the_same_for_the_build_and_the_app():
    runtime = _requirement(PYPROJECT["project"]["dependencies"], "Babel")
    build = _requirement(PYPROJECT["build-system"]["requires"], "babel")
    assert runtime.lower() == build.lower() == "babel>=2.17,<2.20"
    pinned = tuple(int(x) for x in _constraint("babel").split("."))
    assert (2, 17) <= pinned[:2] < (2, 20)


def test_licence_text_is_in_the_repository():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert PYPROJECT["project"]["license"] == {"text": "GPL-3.0-or-later"}
