"""Render the part C pictures to PNG (for looking at them) and check Qt accepts every one.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/content_C/render.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
PREFIXES = ("m08-", "m09-", "m10-", "lesson-m08-", "lesson-m09-", "lesson-m10-")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    _app = QGuiApplication.instance() or QGuiApplication([])
    bad = 0
    files = [p for d in ("pictures", "icons") for p in sorted((ROOT / "assets" / d).glob("*.svg"))]
    for path in (p for p in files if p.name.startswith(PREFIXES)):
        renderer = QSvgRenderer(str(path))
        ok = renderer.isValid()
        print(
            f"{path.relative_to(ROOT)}: {'valid' if ok else 'INVALID'}, {path.stat().st_size} bytes"
        )
        bad += not ok
        if out and ok:
            size = renderer.defaultSize() * (1 if path.parent.name == "pictures" else 4)
            image = QImage(size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
            out.mkdir(parents=True, exist_ok=True)
            image.save(str(out / (path.stem + ".png")))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
