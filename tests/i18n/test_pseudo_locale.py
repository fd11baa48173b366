"""A pseudo-locale whose every string is 40 % longer still fits a 1366×768 screen: no window
grows past it and no label or button is cut off."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from budget_tutor import i18n
from tests.i18n.ui_tour import start_app, stop_app, tour, visible_widgets

POT = Path(__file__).resolve().parents[2] / "locales" / "budget_tutor.pot"
SCREEN = (1366, 768)
GROWTH = 0.4


def lengthen(text: str) -> str:
    """``text`` made 40 % longer with Tajik letters in short words; placeholders, mnemonics and
    line breaks kept."""
    if not text:
        return text
    extra = math.ceil(len(text) * GROWTH)
    words = []
    while extra > 0:
        size = min(5, extra)
        words.append("ҷӯқ"[: min(size, 3)] + "ғ" * max(0, size - 3))
        extra -= size + 1
    if text.endswith(":"):
        return text[:-1] + " " + " ".join(words) + ":"
    return text + " " + " ".join(words)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_pseudo_catalog(folder: Path) -> int:
    po = i18n.parse_po(POT.read_bytes())
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Language: tg\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
        "",
    ]
    count = 0
    for e in po.entries:
        if not e.msgid:
            continue
        if e.context:
            lines.append(f"msgctxt {_quote(e.context)}")
        lines.append(f"msgid {_quote(e.msgid)}")
        if e.msgid_plural is not None:
            lines.append(f"msgid_plural {_quote(e.msgid_plural)}")
            lines.append(f"msgstr[0] {_quote(lengthen(e.msgid))}")
            lines.append(f"msgstr[1] {_quote(lengthen(e.msgid_plural))}")
        else:
            lines.append(f"msgstr {_quote(lengthen(e.msgid))}")
        lines.append("")
        count += 1
    target = folder / "tg" / "LC_MESSAGES" / "budget_tutor.po"
    target.parent.mkdir(parents=True)
    target.write_text("\n".join(lines), encoding="utf-8")
    return count


def clipped(widget: QWidget) -> str | None:
    """Why ``widget``'s text does not fit (None when it does)."""
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                return f"needs {need} px of height, has {widget.height()}"
        elif widget.sizeHint().width() > widget.width() + 1:
            return f"needs {widget.sizeHint().width()} px of width, has {widget.width()}"
    elif isinstance(widget, QAbstractButton) and widget.text():
        if widget.sizeHint().width() > widget.width() + 1:
            return f"needs {widget.sizeHint().width()} px of width, has {widget.width()}"
    return None


def test_pseudo_catalog_is_longer_and_keeps_placeholders(tmp_path):
    assert write_pseudo_catalog(tmp_path) > 300
    i18n.set_override_dir(tmp_path)
    i18n.set_language("tg")
    assert i18n.problems() == []
    text = i18n._("Goal: {name}, {amount}")
    assert len(text) >= 1.4 * len("Goal: {name}, {amount}")
    assert text.format(name="x", amount="y").startswith("Goal: x, y")


def test_nothing_is_clipped_at_1366x768(qtbot, tmp_path):
    write_pseudo_catalog(tmp_path / "pseudo")
    i18n.set_override_dir(tmp_path / "pseudo")
    window = start_app(qtbot, tmp_path / "data", "tg")
    assert i18n._("Households").startswith("Households ")
    problems: dict[str, str] = {}
    screens = 0
    try:
        window.resize(*SCREEN)
        for screen in tour(window, qtbot, lessons=False):
            screens += 1
            for top in QApplication.topLevelWidgets():
                if top.isVisible() and (top.width() > SCREEN[0] or top.height() > SCREEN[1]):
                    key = f"{type(top).__name__} {top.windowTitle()[:40]!r}"
                    problems.setdefault(
                        key, f"{screen}: {top.width()}×{top.height()} does not fit {SCREEN}"
                    )
            for widget in visible_widgets(window):
                reason = clipped(widget)
                if reason:
                    text = widget.text()[:50]
                    problems.setdefault(f"{type(widget).__name__} {text!r}", f"{screen}: {reason}")
    finally:
        stop_app(window)
    assert screens > 15
    report = [f"{k}: {v}" for k, v in problems.items()]
    assert report == [], f"{len(report)} clipped:\n" + "\n".join(report[:50])
