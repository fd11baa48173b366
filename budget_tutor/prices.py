"""The course's price sheet (``budget_tutor/data/prices.csv``): one row per figure a lesson or
the trainer's guide relies on, with its range, unit, date and source, and whether it was checked
against the source. The guide prints it as the "check these prices before the workshop" page, so
a trainer compares it with today's bazaar before teaching; lessons cite a row by its id in their
``sources`` ("prices.csv: flour-50kg").
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from budget_tutor.i18n import N_

COLUMNS = ("id", "low", "high", "unit", "per", "as_of", "source", "checked")

#: What each row is, in words a trainer reads (translated when shown); every row needs one.
ITEMS = {
    "flour-50kg": N_("A 50 kg bag of first-grade flour"),
    "cow": N_("A milk cow"),
    "pension": N_("The average old-age pension"),
    "minimum-wage": N_("The minimum monthly wage (until 31 August 2026)"),
    "minimum-wage-2026-09": N_("The minimum monthly wage from 1 September 2026"),
    "electricity": N_("Electricity for households"),
    "social-assistance": N_("Targeted social assistance for a poor family"),
    "deposit-insurance": N_("Deposit insurance: the most that is paid back"),
    "wedding-guests": N_("Guests allowed at a wedding"),
    "somoni-per-dollar-2025-01": N_("Somoni per US dollar, January 2025"),
    "somoni-per-dollar-2025-09": N_("Somoni per US dollar, September 2025"),
}
#: The "per" column in words.
PER = {
    "bag": N_("a bag"),
    "head": N_("an animal"),
    "month": N_("a month"),
    "kWh": N_("a kWh"),
    "year": N_("a year"),
    "depositor per bank": N_("a depositor in one bank"),
    "wedding": N_("a wedding"),
    "USD": N_("a dollar"),
}
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}\Z")
_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])\Z")


@dataclass(frozen=True)
class Price:
    id: str
    low: Decimal
    high: Decimal
    unit: str
    per: str
    as_of: str  # YYYY-MM
    source: str
    checked: bool

    @property
    def item(self) -> str:
        from budget_tutor.i18n import _

        return _(ITEMS[self.id])

    def per_text(self) -> str:
        from budget_tutor.i18n import _

        return _(PER[self.per])


def read_prices(path: Path) -> list[Price]:
    """Read and check the sheet; raises ValueError naming the line and the column."""
    text = path.read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    if tuple(header) != COLUMNS:
        raise ValueError(f"{path.name}: the header must be {','.join(COLUMNS)}")
    prices: list[Price] = []
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != len(COLUMNS):
            raise ValueError(f"{path.name}:{line}: {len(row)} columns, not {len(COLUMNS)}")
        values = dict(zip(COLUMNS, row, strict=True))
        if not _ID.match(values["id"]) or values["id"] in seen:
            raise ValueError(f"{path.name}:{line}: id {values['id']!r} is not valid or repeated")
        seen.add(values["id"])
        try:
            low, high = Decimal(values["low"]), Decimal(values["high"])
        except InvalidOperation:
            raise ValueError(f"{path.name}:{line}: low/high must be numbers") from None
        if not (low.is_finite() and high.is_finite()) or low < 0 or high < low:
            raise ValueError(f"{path.name}:{line}: low/high out of order")
        if not _MONTH.match(values["as_of"]):
            raise ValueError(f"{path.name}:{line}: as_of must be YYYY-MM")
        if values["checked"] not in ("yes", "no") or not values["source"].strip():
            raise ValueError(f"{path.name}:{line}: a source and checked yes/no are needed")
        if values["id"] not in ITEMS or values["per"] not in PER:
            raise ValueError(
                f"{path.name}:{line}: {values['id']!r} has no name in prices.ITEMS/PER"
            )
        prices.append(Price(values["id"], low, high, values["unit"],
                            values["per"], values["as_of"], values["source"],
                            values["checked"] == "yes"))  # fmt: skip
    return prices


def bundled_prices() -> list[Price]:
    from budget_tutor.resources import data_dir

    return read_prices(data_dir() / "prices.csv")
