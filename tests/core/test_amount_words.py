"""Amounts in words: a table written and checked by hand (Tajik grammar: -у/-ву joiners, сӣ,
сад; Russian: feminine тысяча and plural forms), not computed by the code under test."""

from __future__ import annotations

import pytest

from budget_tutor.amount_words import number_in_words, russian_plural_form, somoni_in_words

TAJIK = {
    0: "сифр",
    1: "як",
    7: "ҳафт",
    10: "даҳ",
    12: "дувоздаҳ",
    15: "понздаҳ",
    19: "нуздаҳ",
    20: "бист",
    21: "бисту як",
    30: "сӣ",
    34: "сиву чор",
    40: "чил",
    45: "чилу панҷ",
    99: "наваду нӯҳ",
    100: "сад",
    101: "саду як",
    110: "саду даҳ",
    130: "саду сӣ",
    135: "саду сиву панҷ",
    200: "дусад",
    215: "дусаду понздаҳ",
    300: "сесад",
    1000: "як ҳазор",
    1001: "як ҳазору як",
    1500: "як ҳазору панҷсад",
    2070: "ду ҳазору ҳафтод",
    3000: "се ҳазор",
    26060: "бисту шаш ҳазору шаст",
    30000: "сӣ ҳазор",
    34500: "сиву чор ҳазору панҷсад",
    100000: "сад ҳазор",
    1000000: "як миллион",
    1500000: "як миллиону панҷсад ҳазор",
    2000001: "ду миллиону як",
}

RUSSIAN = {
    0: "ноль",
    1: "один",
    2: "два",
    11: "одиннадцать",
    21: "двадцать один",
    40: "сорок",
    99: "девяносто девять",
    100: "сто",
    101: "сто один",
    200: "двести",
    1000: "одна тысяча",
    1001: "одна тысяча один",
    2000: "две тысячи",
    2070: "две тысячи семьдесят",
    5000: "пять тысяч",
    11000: "одиннадцать тысяч",
    21000: "двадцать одна тысяча",
    22000: "двадцать две тысячи",
    26060: "двадцать шесть тысяч шестьдесят",
    1000000: "один миллион",
    2000000: "два миллиона",
    5000000: "пять миллионов",
    1500000: "один миллион пятьсот тысяч",
}

ENGLISH = {0: "zero", 21: "twenty-one", 2070: "two thousand seventy",
           115: "one hundred fifteen", 1500000: "one million five hundred thousand"}  # fmt: skip


@pytest.mark.parametrize(("n", "words"), sorted(TAJIK.items()))
def test_tajik(n, words):
    assert number_in_words(n, "tg") == words


@pytest.mark.parametrize(("n", "words"), sorted(RUSSIAN.items()))
def test_russian(n, words):
    assert number_in_words(n, "ru") == words


@pytest.mark.parametrize(("n", "words"), sorted(ENGLISH.items()))
def test_english(n, words):
    assert number_in_words(n, "en") == words


def test_amounts_with_their_currency():
    assert somoni_in_words(207000, "tg") == "ду ҳазору ҳафтод сомонӣ"
    assert somoni_in_words(207000, "ru") == "две тысячи семьдесят сомони"
    assert somoni_in_words(207000, "en") == "two thousand seventy somoni"
    assert somoni_in_words(150050, "tg") == "як ҳазору панҷсад сомониву панҷоҳ дирам"
    assert somoni_in_words(150050, "ru") == "одна тысяча пятьсот сомони пятьдесят дирамов"
    assert somoni_in_words(102, "ru") == "один сомони два дирама"
    assert somoni_in_words(121, "ru") == "один сомони двадцать один дирам"
    # a shortfall is written by its size; the sentence says "short by"
    assert somoni_in_words(-207000, "tg") == "ду ҳазору ҳафтод сомонӣ"


def test_russian_plural_forms():
    assert [russian_plural_form(n) for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 111, 101)] == [
        0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 2, 0,
    ]  # fmt: skip


def test_bad_input_is_refused():
    with pytest.raises(TypeError):
        number_in_words(1.5, "tg")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        number_in_words(-1, "ru")
    with pytest.raises(ValueError):
        number_in_words(10**12, "tg")
    with pytest.raises(TypeError):
        somoni_in_words(True, "tg")
