"""Every shipped asset has its origin and licence recorded in assets/LICENSES.md."""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def recorded_patterns() -> list[str]:
    text = (ASSETS / "LICENSES.md").read_text(encoding="utf-8")
    patterns = []
    for line in text.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            patterns += re.findall(r"`([^`]+)`", first_cell)
    return patterns


def test_every_asset_is_recorded():
    patterns = recorded_patterns()
    assert "icons/*.svg" in patterns and "fonts/DejaVuSans.ttf" in patterns
    files = [p.relative_to(ASSETS).as_posix() for p in ASSETS.rglob("*") if p.is_file()]
    assert files
    unrecorded = [f for f in files if not any(fnmatch(f, pat) for pat in patterns)]
    assert unrecorded == []


def test_an_unrecorded_file_would_be_found():
    patterns = recorded_patterns()
    assert not any(fnmatch("sounds/bell.ogg", pat) for pat in patterns)
