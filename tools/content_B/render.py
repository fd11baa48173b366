"""Render the SVG pictures of lessons m04-m07 to PNG (to look at them) and check they are valid.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/content_B/render.py OUTDIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt  # noqa: TID251 - a developer tool, not the core
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251 - a developer tool, not the core
from PySide6.QtSvg import QSvgRenderer  # noqa: TID251 - a developer tool, not the core

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ("m04-receiving-remittances", "m05-when-money-stops", "m06-saving", "m07-big-life-events")


def main(out: Path) -> int:
    QGuiApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    bad = 0
    files = []
    for lesson in LESSONS:
        files += sorted((ROOT / "assets" / "pictures").glob(f"{lesson}-*.svg"))
        files += sorted((ROOT / "assets" / "icons").glob(f"lesson-{lesson}.svg"))
    for svg in files:
        data = svg.read_bytes()
        renderer = QSvgRenderer(str(svg))
        problems = []
        if not renderer.isValid():
            problems.append("invalid")
        if len(data) >= 20_000:
            problems.append(f"{len(data)} bytes")
        if b"<text" in data or b"<script" in data or b"href" in data or b"viewBox" not in data:
            problems.append("text/script/link or no viewBox")
        size = renderer.defaultSize() * 2
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(out / (svg.stem + ".png")))
        print(svg.name, len(data), "OK" if not problems else problems)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
