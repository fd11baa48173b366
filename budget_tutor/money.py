"""Money: exact amounts, one parser and one formatter.

Every amount in Budget Tutor is an ``int`` of minor units (dirams for the somoni, kopecks for the
rouble, cents for the dollar). Exchange rates and percentages are ``Decimal``. A value is rounded to
minor units once, explicitly, with :data:`ROUNDING` ("commercial" rounding: halves away from zero).
Binary floats appear only when a value reaches a chart axis (:func:`to_chart`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from enum import StrEnum

from babel.numbers import format_decimal

from budget_tutor.i18n import N_, _, pgettext

#: The one rounding rule for converting a Decimal to minor units.
ROUNDING = ROUND_HALF_UP
#: Minor units per major unit, for every currency we handle (all have two decimals).
MINOR_PER_MAJOR = 100
#: The largest amount a person may type: 99,999,999.99 (in minor units).
MAX_AMOUNT = 99_999_999_99


class Currency(StrEnum):
    TJS = "TJS"
    RUB = "RUB"
    USD = "USD"


#: Separators people type between digit groups: space, no-break space, narrow no-break space,
#: thin space, figure space.
GROUP_SPACES = " \u00a0\u202f\u2009\u2007"
_MINUS_SIGNS = "-\u2212\u2012\u2013"


@dataclass(eq=False)
class AmountError(ValueError):
    """A typed amount that is not acceptable.

    ``msgid`` is an English message marked with ``N_``; ``str(error)`` translates it into the
    language active *when it is shown*, so a message outlives a language switch.
    """

    msgid: str
    text: str
    params: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.msgid)

    def __str__(self) -> str:
        return _(self.msgid).format(text=self.text, **self.params)


_EMPTY = N_("Enter an amount.")
_NOT_A_NUMBER = N_('"{text}" is not an amount. Type digits, for example 1 234,50.')
_TOO_MANY_DECIMALS = N_('"{text}" has more than two digits after the comma.')
_NEGATIVE = N_('"{text}" is below zero. Type an amount of zero or more.')
_TOO_LARGE = N_('"{text}" is too large. The largest amount is {maximum}.')
_BAD_GROUPS = N_('"{text}" has its digits grouped wrongly. Group by three: 1 234 567.')


def parse_amount(
    text: str,
    locale: str,
    *,
    allow_negative: bool = False,
    maximum: int = MAX_AMOUNT,
) -> int:
    """Parse what a person typed into minor units.

    Accepts ``1 234,50``, ``1234.5``, ``1234`` and group separators that are any kind of space.
    In Russian and Tajik both ``,`` and ``.`` are decimal separators; in English ``.`` is the
    decimal separator and ``,`` may separate groups of three. Raises :class:`AmountError`.
    """
    raw = text
    s = text.strip().strip(GROUP_SPACES)
    if not s:
        raise AmountError(_EMPTY, raw)
    negative = False
    if s[0] in _MINUS_SIGNS:
        negative = True
        s = s[1:].lstrip(GROUP_SPACES)
    english = locale.split("_")[0].split("-")[0] == "en"
    group_chars = GROUP_SPACES + ("," if english else "")
    decimal_chars = "." if english else ",."
    pattern = (
        r"(?P<int>[0-9]+(?:[" + re.escape(group_chars) + r"][0-9]+)*)"
        r"(?:[" + re.escape(decimal_chars) + r"](?P<frac>[0-9]*))?"
    )
    match = re.fullmatch(pattern, s)
    if match is None:
        raise AmountError(_NOT_A_NUMBER, raw)
    int_part = match.group("int")
    groups = re.split("[" + re.escape(group_chars) + "]", int_part)
    if len(groups) > 1:
        if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
            raise AmountError(_BAD_GROUPS, raw)
    frac = match.group("frac") or ""
    if len(frac) > 2:
        raise AmountError(_TOO_MANY_DECIMALS, raw)
    digits = "".join(groups)
    if len(digits) > 15:
        raise AmountError(_TOO_LARGE, raw, {"maximum": format_amount(maximum, locale)})
    value = int(digits) * MINOR_PER_MAJOR + int(frac.ljust(2, "0"))
    if negative and value:
        if not allow_negative:
            raise AmountError(_NEGATIVE, raw)
        value = -value
    if abs(value) > maximum:
        raise AmountError(_TOO_LARGE, raw, {"maximum": format_amount(maximum, locale)})
    return value


_NOT_A_NUMBER_DECIMAL = N_('"{text}" is not a number. Type digits, for example 12,5.')
_TOO_MANY_PLACES = N_('"{text}" has too many digits after the comma (at most {places}).')
_OUT_OF_RANGE = N_('"{text}" is outside the allowed range, from {low} to {high}.')
_EMPTY_NUMBER = N_("Enter a number.")


def parse_decimal(
    text: str,
    *,
    places: int,
    minimum: Decimal,
    maximum: Decimal,
    locale: str | None = None,
) -> Decimal:
    """A rate or a percentage as people type it (``12,5`` or ``12.5``, spaces between groups).

    Raises :class:`AmountError` naming what is wrong: not a number (``abc``, ``1e3``, ``NaN``),
    more than ``places`` decimals, or outside ``minimum``..``maximum``.
    """
    raw = text
    s = text.strip().strip(GROUP_SPACES)
    if not s:
        raise AmountError(_EMPTY_NUMBER, raw)
    s = re.sub("[" + re.escape(GROUP_SPACES) + "]", "", s)
    if s[0] in _MINUS_SIGNS:
        s = "-" + s[1:]
    if not re.fullmatch(r"-?[0-9]+(?:[.,][0-9]*)?|-?[.,][0-9]+", s):
        raise AmountError(_NOT_A_NUMBER_DECIMAL, raw)
    s = s.replace(",", ".")
    frac = s.split(".", 1)[1] if "." in s else ""
    if len(frac) > places:
        raise AmountError(_TOO_MANY_PLACES, raw, {"places": str(places)})
    value = Decimal(s)
    if not minimum <= value <= maximum:
        where = locale or "en"
        raise AmountError(
            _OUT_OF_RANGE,
            raw,
            {"low": format_number(minimum, where), "high": format_number(maximum, where)},
        )
    return value


def format_number(value: Decimal, locale: str) -> str:
    """A rate or percentage in the locale, every digit kept, no group separator."""
    with localcontext(_exact_context(value, 2)):  # Babel rounds in the current context
        return format_decimal(
            value, locale=locale, group_separator=False, decimal_quantization=False
        )


def format_amount(
    minor: int,
    locale: str,
    *,
    decimals: bool | None = None,
) -> str:
    """Format minor units as a number in the locale, without a currency.

    ``decimals=None`` shows the decimals only when the amount has a fractional part.
    """
    if not isinstance(minor, int) or isinstance(minor, bool):
        raise TypeError(f"money must be an int of minor units, not {type(minor).__name__}")
    value = minor_to_major(minor)
    show = decimals if decimals is not None else minor % MINOR_PER_MAJOR != 0
    pattern = "#,##0.00" if show else "#,##0"
    with localcontext(_exact_context(value, 2)):  # Babel rounds in the current context
        return format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)


def format_money(
    minor: int,
    locale: str,
    currency: Currency | str = Currency.TJS,
    *,
    decimals: bool | None = None,
) -> str:
    """Format an amount with its currency, the way the translators decided it is written."""
    number = format_amount(minor, locale, decimals=decimals)
    code = Currency(currency)
    if code is Currency.TJS:
        # Translators: how an amount of somoni is written. Keep {amount}. Tajik: "{amount} сомонӣ".
        template = pgettext("currency format", "{amount} TJS")
    elif code is Currency.RUB:
        # Translators: how an amount of Russian roubles is written. Keep {amount}.
        template = pgettext("currency format", "{amount} RUB")
    else:
        # Translators: how an amount of US dollars is written. Keep {amount}.
        template = pgettext("currency format", "{amount} USD")
    return template.format(amount=number)


def currency_name(currency: Currency | str) -> str:
    """The short name of a currency in the active language."""
    code = Currency(currency)
    names = {
        Currency.TJS: pgettext("currency name", "somoni"),
        Currency.RUB: pgettext("currency name", "roubles"),
        Currency.USD: pgettext("currency name", "dollars"),
    }
    return names[code]


def minor_to_major(minor: int) -> Decimal:
    """Minor units as an exact Decimal of major units, however many digits (``12345 -> 123.45``).

    Never ``Decimal(minor) / 100``: division rounds to the context's 28 digits."""
    return Decimal(minor).scaleb(-2, context=_exact_context(Decimal(minor), 2))


def minor_to_text(minor: int) -> str:
    """Minor units as plain text of major units with two decimals (``-5 -> "-0.05"``), exactly,
    for files (CSV, JSON): integer arithmetic, no float, no exponent, any size."""
    sign = "-" if minor < 0 else ""
    whole, cents = divmod(abs(minor), MINOR_PER_MAJOR)
    return f"{sign}{whole}.{cents:02d}"


def _exact_context(value: Decimal, places: int) -> Context:
    """A context with digits enough to hold ``value`` with ``places`` decimals exactly (at least
    the default 28), so that rounding it can never signal ``InvalidOperation``."""
    digits = max(value.adjusted(), 0) + places + 2
    return Context(prec=max(28, digits), rounding=ROUNDING, Emin=-999999, Emax=999999)


def round_to_places(value: Decimal, places: int, rounding: str | None = None) -> Decimal:
    """``value`` rounded to ``places`` decimals, for any finite value, however large.

    ``Decimal.quantize`` in the default context fails (``InvalidOperation``) as soon as the result
    has more than 28 digits, which a 1000 % deposit over 120 months reaches; this never does.
    ``rounding`` defaults to :data:`ROUNDING` (half up), the one rule docs/projection.md promises;
    never the context's half-even.
    """
    rule = rounding if rounding is not None else ROUNDING
    return value.quantize(
        Decimal(1).scaleb(-places), rounding=rule, context=_exact_context(value, places)
    )


def to_minor(value: Decimal) -> int:
    """Round a Decimal amount of *major* units to minor units with :data:`ROUNDING`."""
    return int(round_to_places(value.scaleb(2, context=_exact_context(value, 2)), 0, ROUNDING))


def round_minor(value: Decimal) -> int:
    """Round a Decimal amount of *minor* units to a whole minor unit with :data:`ROUNDING`.

    Works for every finite value, however large (see :func:`round_to_places`): a projection of a
    valid plan never fails here. The products it rounds are computed in the default context, so
    amounts beyond 28 significant digits (10^26 somoni) carry the context's rounding there."""
    return int(round_to_places(value, 0, ROUNDING))


def major(amount: int | str | Decimal) -> int:
    """Minor units for a whole-number or Decimal amount of major units: ``major(2000) == 200000``."""
    try:
        return to_minor(Decimal(amount))
    except InvalidOperation as exc:  # pragma: no cover - programming error
        raise ValueError(f"not an amount: {amount!r}") from exc


def percent_of(minor: int, percent: Decimal) -> int:
    """``percent`` % of an amount, rounded once."""
    return round_minor(Decimal(minor) * percent / 100)


def convert(minor: int, rate: Decimal) -> int:
    """Convert minor units of one currency into another at ``rate`` (target units per source unit)."""
    return round_minor(Decimal(minor) * rate)


def spread(total: int, parts: int) -> list[int]:
    """Split ``total`` into ``parts`` whole minor units that add up exactly (larger parts first)."""
    if parts <= 0:
        return []
    base, rest = divmod(abs(total), parts)
    sign = -1 if total < 0 else 1
    return [sign * (base + (1 if i < rest else 0)) for i in range(parts)]


def to_chart(minor: int) -> float:
    """The only place money becomes a float: a value of major units for a chart axis."""
    return minor / MINOR_PER_MAJOR


def format_percent(value: Decimal | int, locale: str) -> str:
    """A percentage (``Decimal("12.5")`` is 12.5 %) as the locale writes it, by CLDR's percent
    pattern with up to one decimal: ``12,5 %`` (ru, a no-break space before the sign), ``12,5%``
    (tg), ``12.5%`` (en); ``0 %`` / ``0%`` alike. One style per language, everywhere."""
    from babel import Locale
    from babel.numbers import format_percent as babel_percent

    value = Decimal(value)
    pattern = Locale.parse(locale).percent_formats[None].pattern.split(";")[0]
    pattern = pattern.replace("#,##0", "#,##0.#", 1) if ".#" not in pattern else pattern
    with localcontext(_exact_context(value, 3)):  # Babel rounds in the current context
        return babel_percent(value / 100, format=pattern, locale=locale)
