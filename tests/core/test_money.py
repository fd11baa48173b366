"""The one amount parser and formatter: what people type in ru/tg/en, and what is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budget_tutor import i18n
from budget_tutor.money import (
    MAX_AMOUNT,
    AmountError,
    Currency,
    convert,
    format_amount,
    format_money,
    major,
    parse_amount,
    percent_of,
    spread,
    to_minor,
)


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("1 234,50", "ru", 123450),
        ("1\u00a0234,50", "ru", 123450),
        ("1\u202f234,50", "tg", 123450),
        ("1234.5", "ru", 123450),
        ("1234,5", "tg", 123450),
        ("1234", "tg", 123400),
        ("  1234  ", "ru", 123400),
        ("0", "ru", 0),
        ("0,05", "ru", 5),
        ("1,234.50", "en", 123450),
        ("1234.50", "en", 123450),
        ("1 234.50", "en", 123450),
        ("12 345 678,99", "ru", 1234567899),
        ("7,", "ru", 700),
    ],
)
def test_accepts_what_people_type(text: str, locale: str, expected: int) -> None:
    assert parse_amount(text, locale) == expected


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "1e6",
        "NaN",
        "nan",
        "Infinity",
        "inf",
        "1_000",
        "1 23 4,5",
        "12,345",  # three decimals in ru
        "1,234,5",
        "",
        "   ",
        "-5",
        "1.2.3",
        "٣",  # Arabic-Indic digit
        "１２",  # full-width digits
        "100000000",  # above the maximum
        "0x10",
        "+-1",
        "1 ,5",
    ],
)
def test_rejects_the_rest_with_a_message(text: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(text, "ru")
    assert str(info.value)  # a message, never a silent 0


def test_three_decimals_named() -> None:
    with pytest.raises(AmountError) as info:
        parse_amount("1,234", "ru")
    assert "two digits" in str(info.value)


def test_negative_only_when_allowed() -> None:
    assert parse_amount("-1 500", "ru", allow_negative=True) == -150000
    assert parse_amount("\u22121 500", "ru", allow_negative=True) == -150000
    with pytest.raises(AmountError):
        parse_amount("-1 500", "ru")


def test_maximum_is_inclusive_and_message_shows_it() -> None:
    assert parse_amount("99 999 999,99", "ru") == MAX_AMOUNT
    with pytest.raises(AmountError) as info:
        parse_amount("100 000 000", "ru")
    assert "99" in str(info.value)


def test_error_message_follows_language(tmp_path) -> None:
    # A message made in English is shown in the language active when displayed.
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    cat = Catalog(locale="ru")
    cat.add(
        '"{text}" is not an amount. Type digits, for example 1 234,50.',
        "«{text}» — это не сумма. Введите цифры, например 1 234,50.",
    )
    with open(folder / "budget_tutor.po", "wb") as fh:
        write_po(fh, cat)
    with pytest.raises(AmountError) as info:
        parse_amount("abc", "ru")
    i18n.set_override_dir(tmp_path)
    i18n.set_language("ru")
    assert str(info.value) == "«abc» — это не сумма. Введите цифры, например 1 234,50."


def test_format_uses_locale_separators() -> None:
    assert format_amount(123450, "ru") == "1\u00a0234,50"
    assert format_amount(123400, "ru") == "1\u00a0234"
    assert format_amount(123450, "en") == "1,234.50"
    assert format_amount(-5, "tg") == "-0,05"
    assert format_amount(123400, "ru", decimals=True) == "1\u00a0234,00"


def test_format_refuses_floats() -> None:
    with pytest.raises(TypeError):
        format_amount(12.5, "ru")  # type: ignore[arg-type]


def test_format_money_uses_translatable_template() -> None:
    assert format_money(200000, "en") == "2,000 TJS"
    assert format_money(150, "en", Currency.RUB) == "1.50 RUB"


spaces = st.sampled_from([" ", "\u00a0", "\u202f"])


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=MAX_AMOUNT),
    st.sampled_from(["en", "ru", "tg"]),
    spaces,
    st.sampled_from([None, True]),
)
def test_format_parse_round_trip(
    value: int, locale: str, space: str, decimals: bool | None
) -> None:
    text = format_amount(value, locale, decimals=decimals)
    if locale != "en":
        text = text.replace("\u00a0", space)
    assert parse_amount(text, locale) == value


def test_rounding_is_half_up_once() -> None:
    assert to_minor(Decimal("0.005")) == 1
    assert to_minor(Decimal("0.004999")) == 0
    assert convert(100, Decimal("0.125")) == 13  # 12.5 dirams -> 13
    assert percent_of(1000, Decimal("1.5")) == 15
    assert major(2000) == 200000
    assert major("12.34") == 1234


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=1, max_value=12))
def test_spread_adds_up_exactly(total: int, parts: int) -> None:
    pieces = spread(total, parts)
    assert sum(pieces) == total
    assert len(pieces) == parts
    assert max(pieces) - min(pieces) <= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12,5", "12.5"), ("12.5", "12.5"), ("0", "0"), (" 1 000,25 ", "1000.25"), (",5", "0.5")],
)
def test_parse_decimal_accepts_rates_and_percentages(text: str, expected: str) -> None:
    from budget_tutor.money import parse_decimal

    assert parse_decimal(text, places=2, minimum=Decimal(0), maximum=Decimal(10000)) == Decimal(
        expected
    )


@pytest.mark.parametrize(
    "text", ["abc", "1e3", "NaN", "Infinity", "", "12,345", "٣", "-1", "101", "1_0"]
)
def test_parse_decimal_rejects_with_a_message(text: str) -> None:
    from budget_tutor.money import parse_decimal

    with pytest.raises(AmountError) as info:
        parse_decimal(text, places=2, minimum=Decimal(0), maximum=Decimal(100), locale="ru")
    assert str(info.value) and "{" not in str(info.value)
