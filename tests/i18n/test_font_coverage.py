"""The bundled font has a glyph for every character of every catalog (and the test catches a
font that does not)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QRawFont

from budget_tutor import i18n
from budget_tutor.resources import font_path

LOCALES = Path(__file__).resolve().parents[2] / "locales"
#: Characters the interface shows besides the catalogs: Tajik letters (both cases), the rouble
#: sign, the no-break and narrow no-break spaces Babel puts in numbers, the dash and quotes.
REQUIRED = "ғӣқӯҳҷҒӢҚӮҲҶёЁ₽\u00a0\u202f–—«»“”…№"


def catalog_characters() -> dict[str, str]:
    """Every character of every msgstr, with the first entry that uses it."""
    seen: dict[str, str] = {}
    files = sorted(LOCALES.glob("*/LC_MESSAGES/*.po")) + sorted(
        LOCALES.glob("*/LC_MESSAGES/lessons.d/*.po")
    )
    assert files
    for path in files:
        for e in i18n.parse_po(path.read_bytes()).entries:
            if not e.msgid:
                continue
            forms = e.msgstr if isinstance(e.msgstr, tuple) else (e.msgstr,)
            for form in forms:
                for ch in form:
                    seen.setdefault(ch, f"{path.name}: {e.msgid[:40]!r}")
    return seen


def missing_glyphs(font: QRawFont, chars: dict[str, str]) -> list[str]:
    missing = []
    for ch, where in sorted(chars.items()):
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            continue  # line breaks and tabs are layout, not glyphs
        if not font.supportsCharacter(ord(ch)):
            missing.append(f"U+{ord(ch):04X} {unicodedata.name(ch, '?')} (first in {where})")
    return missing


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_bundled_font_covers_every_catalog_character(qapp, bold):
    path = font_path(bold=bold)
    font = QRawFont(str(path), 14, QFont.HintingPreference.PreferDefaultHinting)
    assert font.isValid(), path
    chars = catalog_characters()
    for ch in REQUIRED:
        chars.setdefault(ch, "required by the interface")
    assert len(chars) > 100  # Cyrillic, Tajik letters, digits and punctuation at least
    assert missing_glyphs(font, chars) == []


def test_the_coverage_check_finds_a_missing_glyph(qapp):
    """A character outside DejaVu Sans (a Tangut ideograph) is reported: the test can fail."""
    font = QRawFont(str(font_path()), 14, QFont.HintingPreference.PreferDefaultHinting)
    found = missing_glyphs(font, {"\U00017000": "made up", "ҷ": "made up"})
    assert len(found) == 1 and found[0].startswith("U+17000 "), found


def test_font_licence_is_shipped():
    licence = font_path().parent / "LICENSE"
    text = licence.read_text(encoding="utf-8")
    assert "Bitstream Vera" in text and "DejaVu" in text
