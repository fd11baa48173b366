"""Words a family reads: balances as "short by …", months and dates inside sentences.

One rule per language, decided by the translators (see ``docs/wording.md``):

* A balance below zero is never shown as money the family has: ``balance_text(-207000, "ru")``
  is "не хватает 2 070 сомони", not "−2 070".
* A month inside running text is a whole phrase with its preposition, so each language can put
  the month in the case it needs: Russian "в марте 2027 г." (prepositional), "к марту 2027 г."
  (dative); Tajik "дар моҳи марти 2027", "то моҳи марти 2027" (lower case, izofa). A label on its
  own (a table column, a chart axis) keeps :func:`budget_tutor.model.month_label`.
* A long date is "5 марта 2027 г." / "5 марти 2027" / "March 5, 2027": no leading zero, one stop.

Every phrase is a separate msgid, so a translator can fix the grammar of a
single month without a programmer.
"""

from __future__ import annotations

from datetime import date

from budget_tutor.i18n import N_, _, pgettext, safe_format
from budget_tutor.model import Month
from budget_tutor.money import Currency, format_money

# Translators: a month inside a sentence, with its year: "Money runs out {in_month}".
# Russian: "в марте {year} г."; Tajik: "дар моҳи марти {year}". Keep {year}.
_IN_MONTH = (
    N_("in January {year}"),
    N_("in February {year}"),
    N_("in March {year}"),
    N_("in April {year}"),
    N_("in May {year}"),
    N_("in June {year}"),
    N_("in July {year}"),
    N_("in August {year}"),
    N_("in September {year}"),
    N_("in October {year}"),
    N_("in November {year}"),
    N_("in December {year}"),
)
# Translators: a deadline inside a sentence: "Put aside 300 somoni {by_month}".
# Russian: "к марту {year} г."; Tajik: "то моҳи марти {year}". Keep {year}.
_BY_MONTH = (
    N_("by January {year}"),
    N_("by February {year}"),
    N_("by March {year}"),
    N_("by April {year}"),
    N_("by May {year}"),
    N_("by June {year}"),
    N_("by July {year}"),
    N_("by August {year}"),
    N_("by September {year}"),
    N_("by October {year}"),
    N_("by November {year}"),
    N_("by December {year}"),
)
# Translators: a full date, e.g. on a handout. Russian: "{day} марта {year} г."; Tajik:
# "{day} марти {year}". Keep {day} and {year}; no leading zero is added to {day}.
_LONG_DATE = (
    N_("January {day}, {year}"),
    N_("February {day}, {year}"),
    N_("March {day}, {year}"),
    N_("April {day}, {year}"),
    N_("May {day}, {year}"),
    N_("June {day}, {year}"),
    N_("July {day}, {year}"),
    N_("August {day}, {year}"),
    N_("September {day}, {year}"),
    N_("October {day}, {year}"),
    N_("November {day}, {year}"),
    N_("December {day}, {year}"),
)


def in_month(month: Month) -> str:
    """``in March 2027`` as the active language writes it inside a sentence."""
    msgid = _IN_MONTH[month.month - 1]
    return safe_format(_(msgid), msgid, year=month.year)


def by_month(month: Month) -> str:
    """``by March 2027`` (a deadline) as the active language writes it inside a sentence."""
    msgid = _BY_MONTH[month.month - 1]
    return safe_format(_(msgid), msgid, year=month.year)


def long_date(day: date) -> str:
    """``March 5, 2027`` / ``5 марта 2027 г.`` / ``5 марти 2027``."""
    msgid = _LONG_DATE[day.month - 1]
    return safe_format(_(msgid), msgid, day=day.day, year=day.year)


def balance_text(minor: int, locale: str, currency: Currency | str = Currency.TJS) -> str:
    """A balance as a family reads it: the amount when there is money, "short by …" when not."""
    if minor >= 0:
        return format_money(minor, locale, currency)
    amount = format_money(-minor, locale, currency)
    # Translators: a balance below zero, read to a family: "short by 2 070 somoni".
    # Russian: "не хватает {amount}"; Tajik: "камбуд: {amount}". Keep {amount}.
    template = pgettext("balance below zero", "short by {amount}")
    return safe_format(template, "short by {amount}", amount=amount)


def shortfall_sentence(minor: int, locale: str, currency: Currency | str = Currency.TJS) -> str:
    """A whole sentence for a table cell or a summary: "Money left: 300 somoni" or
    "Short by 2 070 somoni" (capitalised, as a sentence starts)."""
    if minor >= 0:
        # Translators: money the family still has at the end of a month. Keep {amount}.
        template = pgettext("balance sentence", "Money left: {amount}")
        english = "Money left: {amount}"
        amount = format_money(minor, locale, currency)
    else:
        # Translators: the family is short of money. Russian: "Не хватает {amount}". Keep {amount}.
        template = pgettext("balance sentence", "Short by {amount}")
        english = "Short by {amount}"
        amount = format_money(-minor, locale, currency)
    return safe_format(template, english, amount=amount)
