"""Check the part-A pictures: valid for Qt, a viewBox, no text, no scripts, no external references,
under 20 KB. ``--png DIR`` also renders each one to a PNG for a look."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: TID251 - a developer tool that renders SVGs, not core code
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251
from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ["m00-welcome", "m01-where-money-comes-from", "m02-needs-and-wants", "m03-family-budget"]
FORBIDDEN = re.compile(
    r"<text|<script|<image|<foreignObject|href=\"(?!#)|url\((?!#)|javascript:", re.I
)


def pictures() -> list[Path]:
    found: list[Path] = []
    for lesson in LESSONS:
        found += sorted((ROOT / "assets" / "pictures").glob(f"{lesson}-*.svg"))
        icon = ROOT / "assets" / "icons" / f"lesson-{lesson}.svg"
        if icon.exists():
            found.append(icon)
    return found


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    out = Path(argv[argv.index("--png") + 1]) if "--png" in argv else None
    failed = False
    for path in pictures():
        text = path.read_text(encoding="utf-8")
        renderer = QSvgRenderer(str(path))
        problems = []
        if not renderer.isValid():
            problems.append("not valid")
        if "viewBox" not in text:
            problems.append("no viewBox")
        if FORBIDDEN.search(text):
            problems.append("text, script or external reference")
        if path.stat().st_size >= 20_000:
            problems.append("20 KB or larger")
        print(
            f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes {'; '.join(problems) or 'ok'}"
        )
        failed |= bool(problems)
        if out is not None:
            size = renderer.defaultSize() * 2
            image = QImage(size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
            out.mkdir(parents=True, exist_ok=True)
            image.save(str(out / (path.stem + ".png")))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
