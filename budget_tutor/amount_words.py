"""Amounts in words, for families who read numbers with difficulty: "2 070 сомонӣ" is also
"ду ҳазору ҳафтод сомонӣ" / "две тысячи семьдесят сомони".

Written here rather than taken from ``num2words``: its Tajik disagrees with Tajik grammar on
common numbers (30 "си" for "сӣ", 34 "сию чор" for "сиву чор", 101 "яксаду як" for "саду як").
The rules, checked by hand against the table in ``tests/core/test_amount_words.py``:

* **Tajik**: groups joined with the izofa-like conjunction *-у* (after a vowel *-ву*, and
  *сӣ* becomes *си-* before it: 34 = *сиву чор*); 100 = *сад*, 1000 = *як ҳазор*; a multiplier
  stands before its scale word without a joiner (*се ҳазор*); the noun after a number stays
  singular (*сомонӣ*, *дирам*).
* **Russian**: the usual cardinal words; *тысяча* is feminine (*одна тысяча, две тысячи*),
  *миллион* and *миллиард* masculine, each scale word in its plural form; *сомони* does not
  decline, *дирам* does (*один дирам, два дирама, пять дирамов*).
* **English**: short scale, no "and" ("two thousand seventy").

Whole somoni are written in words; dirams, when there are any, follow as a number of dirams in
words too. Amounts are integers of dirams (``money``), never floats.
"""

from __future__ import annotations

from budget_tutor.money import MINOR_PER_MAJOR

MAX_WORDS = 999_999_999_999  # up to 999 billion: beyond any household amount

# --------------------------------------------------------------------------------------------
# Tajik
# --------------------------------------------------------------------------------------------

_TG_UNITS = ("", "як", "ду", "се", "чор", "панҷ", "шаш", "ҳафт", "ҳашт", "нӯҳ")
_TG_TEENS = (
    "даҳ", "ёздаҳ", "дувоздаҳ", "сенздаҳ", "чордаҳ", "понздаҳ", "шонздаҳ", "ҳабдаҳ", "ҳаждаҳ",
    "нуздаҳ",
)  # fmt: skip
_TG_TENS = ("", "", "бист", "сӣ", "чил", "панҷоҳ", "шаст", "ҳафтод", "ҳаштод", "навад")
_TG_HUNDREDS = (
    "", "сад", "дусад", "сесад", "чорсад", "панҷсад", "шашсад", "ҳафтсад", "ҳаштсад", "нӯҳсад",
)  # fmt: skip
_TG_SCALES = ("", "ҳазор", "миллион", "миллиард")
_TG_VOWELS = set("аеёиӣоуӯэюя")


def _tg_join(words: list[str]) -> str:
    """Join the parts of a number with -у / -ву: every part but the last takes the conjunction."""
    out = []
    for i, word in enumerate(words):
        if i < len(words) - 1:
            if word[-1] in _TG_VOWELS:
                word = (word[:-1] + "и" if word.endswith("ӣ") else word) + "ву"
            else:
                word += "у"
        out.append(word)
    return " ".join(out)


def _tg_below_thousand(n: int) -> list[str]:
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(_TG_HUNDREDS[hundreds])
    if 10 <= rest < 20:
        parts.append(_TG_TEENS[rest - 10])
    else:
        tens, units = divmod(rest, 10)
        if tens:
            parts.append(_TG_TENS[tens])
        if units:
            parts.append(_TG_UNITS[units])
    return parts


def _tajik(n: int) -> str:
    if n == 0:
        return "сифр"
    parts: list[str] = []
    groups = _groups(n)
    for scale in range(len(groups) - 1, -1, -1):
        group = groups[scale]
        if not group:
            continue
        words = _tg_below_thousand(group)
        if scale:
            # "як ҳазор", "се ҳазор", "бисту шаш ҳазор": the multiplier before its scale word
            parts.append(f"{_tg_join(words)} {_TG_SCALES[scale]}")
        else:
            parts.extend(words)
    return _tg_join(parts)


# --------------------------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------------------------

_RU_UNITS_M = ("", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять")
_RU_UNITS_F = ("", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять")
_RU_TEENS = (
    "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
    "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать",
)  # fmt: skip
_RU_TENS = (
    "", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят",
    "девяносто",
)  # fmt: skip
_RU_HUNDREDS = (
    "", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот",
    "девятьсот",
)  # fmt: skip
#: scale word forms for 1, 2–4, 5–20; and whether the scale is feminine
_RU_SCALES = (
    (("", "", ""), False),
    (("тысяча", "тысячи", "тысяч"), True),
    (("миллион", "миллиона", "миллионов"), False),
    (("миллиард", "миллиарда", "миллиардов"), False),
)


def russian_plural_form(n: int) -> int:
    """0 for 1, 21, 31…; 1 for 2–4, 22–24…; 2 for 0, 5–20, 25…"""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def _ru_below_thousand(n: int, feminine: bool) -> list[str]:
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(_RU_HUNDREDS[hundreds])
    if 10 <= rest < 20:
        parts.append(_RU_TEENS[rest - 10])
    else:
        tens, units = divmod(rest, 10)
        if tens:
            parts.append(_RU_TENS[tens])
        if units:
            parts.append((_RU_UNITS_F if feminine else _RU_UNITS_M)[units])
    return parts


def _russian(n: int) -> str:
    if n == 0:
        return "ноль"
    parts: list[str] = []
    groups = _groups(n)
    for scale in range(len(groups) - 1, -1, -1):
        group = groups[scale]
        if not group:
            continue
        forms, feminine = _RU_SCALES[scale]
        parts.extend(_ru_below_thousand(group, feminine))
        if scale:
            parts.append(forms[russian_plural_form(group)])
    return " ".join(parts)


# --------------------------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------------------------

_EN_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_TEENS = (
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_SCALES = ("", "thousand", "million", "billion")


def _en_below_thousand(n: int) -> list[str]:
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts += [_EN_UNITS[hundreds], "hundred"]
    if 10 <= rest < 20:
        parts.append(_EN_TEENS[rest - 10])
    else:
        tens, units = divmod(rest, 10)
        if tens and units:
            parts.append(f"{_EN_TENS[tens]}-{_EN_UNITS[units]}")
        elif tens:
            parts.append(_EN_TENS[tens])
        elif units:
            parts.append(_EN_UNITS[units])
    return parts


def _english(n: int) -> str:
    if n == 0:
        return "zero"
    parts: list[str] = []
    groups = _groups(n)
    for scale in range(len(groups) - 1, -1, -1):
        if groups[scale]:
            parts += _en_below_thousand(groups[scale])
            if scale:
                parts.append(_EN_SCALES[scale])
    return " ".join(parts)


# --------------------------------------------------------------------------------------------
# the API
# --------------------------------------------------------------------------------------------


def _groups(n: int) -> list[int]:
    """``1 234 567`` → ``[567, 234, 1]`` (groups of three digits, lowest first)."""
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    return groups or [0]


def number_in_words(n: int, lang: str) -> str:
    """A whole number ``0 ≤ n ≤ 999 999 999 999`` in words (``tg``, ``ru``; English otherwise)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"a whole number is needed, not {type(n).__name__}")
    if not 0 <= n <= MAX_WORDS:
        raise ValueError(f"{n} is outside 0…{MAX_WORDS}")
    if lang == "tg":
        return _tajik(n)
    if lang == "ru":
        return _russian(n)
    return _english(n)


def somoni_in_words(minor: int, lang: str) -> str:
    """An amount of dirams in words with its currency: ``207000`` → "ду ҳазору ҳафтод сомонӣ",
    "две тысячи семьдесят сомони", "two thousand seventy somoni"; dirams, when any, follow.
    A negative amount is written by its size (the sentence around it says "short by")."""
    if isinstance(minor, bool) or not isinstance(minor, int):
        raise TypeError(f"money must be an int of dirams, not {type(minor).__name__}")
    somoni, dirams = divmod(abs(minor), MINOR_PER_MAJOR)
    if lang == "tg":
        text = f"{_tajik(somoni)} сомонӣ"
        return _tg_join([text, f"{_tajik(dirams)} дирам"]) if dirams else text
    if lang == "ru":
        text = f"{_russian(somoni)} сомони"
        if dirams:
            diram = ("дирам", "дирама", "дирамов")[russian_plural_form(dirams)]
            text += f" {_russian(dirams)} {diram}"
        return text
    text = f"{_english(somoni)} somoni"
    if dirams:
        text += f" {_english(dirams)} diram" + ("s" if dirams != 1 else "")
    return text
