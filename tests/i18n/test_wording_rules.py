"""docs/wording.md, pinned: one percent style per language (CLDR), month phrases used whole (no
preposition doubled around them), and no two numbers run together in a sentence."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor import i18n
from budget_tutor.money import format_percent

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("ru", Decimal("62.4"), f"62,4{NBSP}%"),
        ("ru", Decimal("0"), f"0{NBSP}%"),
        ("ru", 30, f"30{NBSP}%"),
        ("ru", Decimal("12.25"), f"12,3{NBSP}%"),  # one decimal, half up
        ("tg", Decimal("62.4"), "62,4%"),
        ("tg", 0, "0%"),
        ("tg", Decimal("1234.5"), f"1{NBSP}234,5%"),
        ("en", Decimal("62.4"), "62.4%"),
        ("en", 30, "30%"),
    ],
)
def test_percent_style_per_language(lang, value, expected):
    assert format_percent(value, lang) == expected


def _catalog_texts(lang: str) -> list[tuple[int, str, str]]:
    po = i18n.parse_po((ROOT / f"locales/{lang}/LC_MESSAGES/budget_tutor.po").read_bytes())
    out = []
    for e in po.entries:
        if not e.msgid or e.obsolete or e.fuzzy:
            continue
        forms = e.msgstr if isinstance(e.msgstr, tuple) else (e.msgstr,)
        out += [(e.line or 0, e.msgid, f) for f in forms if f]
    return out


#: A month phrase brings its own preposition: "в {in_month}" would read "в в марте".
DOUBLED = {
    "ru": re.compile(r"\b(?:в|во|к|до|с)\s+\{(?:in_month|by_month)\}", re.IGNORECASE),
    "tg": re.compile(r"\b(?:дар|то|аз)\s+\{(?:in_month|by_month)\}", re.IGNORECASE),
}
#: Two numbers side by side ("То Март 2027 2 070 сомонӣ"): placeholders of a month or date next
#: to an amount or a count with nothing but spaces between them ("{month} {year}" is a month).
NUMBERS = r"(?:month|in_month|by_month|date|amount|count|percent|shortfall|months)"
RUN_TOGETHER = re.compile(r"\{" + NUMBERS + r"\}[ \u00a0]+\{" + NUMBERS + r"\}")


@pytest.mark.parametrize("lang", ["tg", "ru"])
def test_month_phrases_are_used_whole(lang):
    bad = [
        f"{line}: {text!r}"
        for line, _id, text in _catalog_texts(lang)
        if DOUBLED[lang].search(text)
    ]
    assert bad == []


@pytest.mark.parametrize("lang", ["en", "tg", "ru"])
def test_no_two_numbers_run_together(lang):
    if lang == "en":
        texts = [(0, t, t) for _l, t, _s in _catalog_texts("ru")]
    else:
        texts = _catalog_texts(lang)
    bad = [f"{line}: {text!r}" for line, _id, text in texts if RUN_TOGETHER.search(text)]
    assert bad == []


def test_the_rules_can_fail():
    assert DOUBLED["tg"].search("Пул дар {in_month} тамом мешавад")
    assert DOUBLED["ru"].search("Деньги кончатся в {in_month}")
    assert RUN_TOGETHER.search("То {month} {amount}")
    assert not RUN_TOGETHER.search("{amount} {by_month}.".replace(" ", " ҷамъ кунед "))
