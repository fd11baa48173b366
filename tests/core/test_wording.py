"""The written rules of docs/wording.md, pinned with examples checked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from budget_tutor import i18n, wording
from budget_tutor.model import Month

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("lang", "month", "expected"),
    [
        ("en", Month(2027, 3), "in March 2027"),
        ("ru", Month(2027, 3), "в марте 2027 г."),
        ("ru", Month(2027, 5), "в мае 2027 г."),
        ("tg", Month(2027, 3), "дар моҳи марти 2027"),
        ("tg", Month(2027, 10), "дар моҳи октябри 2027"),
    ],
)
def test_month_inside_a_sentence(lang, month, expected):
    i18n.set_language(lang)
    assert wording.in_month(month) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "by May 2027"), ("ru", "к маю 2027 г."), ("tg", "то моҳи майи 2027")],
)
def test_deadline_inside_a_sentence(lang, expected):
    i18n.set_language(lang)
    assert wording.by_month(Month(2027, 5)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "March 5, 2027"),
        ("ru", "5 марта 2027 г."),  # one stop, no leading zero
        ("tg", "5 марти 2027"),  # lower case, izofa, no leading zero
    ],
)
def test_long_date(lang, expected):
    i18n.set_language(lang)
    assert wording.long_date(date(2027, 3, 5)) == expected
    assert ".." not in wording.long_date(date(2027, 3, 5))


@pytest.mark.parametrize(
    ("lang", "minor", "expected"),
    [
        ("ru", -207000, f"не хватает 2{NBSP}070 сомони"),
        ("tg", -207000, f"2{NBSP}070 сомонӣ намерасад"),
        ("en", -207000, "short by 2,070 TJS"),
        ("ru", 30000, "300 сомони"),
        ("ru", 0, "0 сомони"),
    ],
)
def test_balance_is_words_not_a_negative_number(lang, minor, expected):
    i18n.set_language(lang)
    text = wording.balance_text(minor, lang)
    assert text.replace("\u202f", NBSP).replace(NBSP, " ") == expected.replace(NBSP, " ")
    assert "-" not in text and "\u2212" not in text


def test_balance_sentence():
    i18n.set_language("ru")
    assert wording.shortfall_sentence(-50, "ru").replace(NBSP, " ") == "Не хватает 0,50 сомони"
    assert wording.shortfall_sentence(50, "ru").replace(NBSP, " ") == "Остаток: 0,50 сомони"
