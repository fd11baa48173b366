"""Exchange rates: the bundled monthly table and the real episodes a scenario can replay.

``data/rates.csv`` holds one row a month from January 2014: somoni per US dollar (the National
Bank of Tajikistan's official rate, monthly average), somoni per rouble, and roubles per dollar
(the Bank of Russia's monthly average) from which the rouble rate is derived as
``tjs_per_usd / usd_rub``. Where each figure comes from, and how exact it is, is written in
``docs/exchange-rates.md``. The family can always type its own rate instead (``RateSettings``).
"""

from __future__ import annotations

import csv
import itertools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from budget_tutor.i18n import N_
from budget_tutor.model import Month, RateSettings
from budget_tutor.money import Currency


@dataclass(frozen=True)
class Episode:
    id: str
    name: str  # N_-marked; translate when shown
    start: Month  # the last month before the shock: the rates of later months are compared to it
    months: int  # how many months the replay runs; after it the last level stays


#: Real episodes from the bundled table that a scenario can replay.
EPISODES: dict[str, Episode] = {
    e.id: e
    for e in (
        Episode("2014-15", N_("The rouble crisis of 2014–2015"), Month(2014, 6), 9),
        Episode("2022-03", N_("March 2022: the rouble falls, then recovers"), Month(2022, 2), 6),
        Episode("2022-12", N_("December 2022: the rouble slides for a year"), Month(2022, 11), 10),
    )
}


class RateTableError(ValueError):
    pass


@dataclass(frozen=True)
class RateTable:
    """Official somoni per unit of a currency, by month."""

    rates: dict[tuple[Currency, int], Decimal]  # (currency, Month.index) -> somoni per unit
    first: Month
    last: Month

    def official(self, currency: Currency, month: Month) -> Decimal:
        """The table's rate for ``month``; the first/last known month outside the table."""
        return self.official_at(currency, month.index)

    def official_at(self, currency: Currency, index: int) -> Decimal:
        """:meth:`official` by month index (the projection's hot path)."""
        if currency is Currency.TJS:
            return Decimal(1)
        return self.rates[(currency, min(max(index, self.first.index), self.last.index))]

    def rate(
        self, currency: Currency, month: Month, settings: RateSettings | None = None
    ) -> Decimal:
        """The rate the family uses: its own if it set one, else the table's."""
        if settings is not None:
            fixed = settings.fixed(currency)
            if fixed is not None:
                return fixed
        return self.official(currency, month)

    def latest(self, currency: Currency) -> Decimal:
        return self.official(currency, self.last)

    def episode_factors(self, episode_id: str, currency: Currency) -> list[Decimal]:
        """How the currency's value moved, month by month, relative to the month before the
        episode: ``[1, 0.79, 1.06, ...]`` (index 0 is the base month)."""
        episode = EPISODES[episode_id]
        base = self.official(currency, episode.start)
        return [
            self.official(currency, episode.start.plus(k)) / base for k in range(episode.months + 1)
        ]


def read_rate_table(path: Path) -> RateTable:
    rates: dict[tuple[Currency, int], Decimal] = {}
    months: list[Month] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            try:
                month = Month.parse(row["month"])
                usd = Decimal(row["tjs_per_usd"])
                rub = Decimal(row["tjs_per_rub"])
            except (KeyError, ValueError, InvalidOperation, TypeError) as exc:
                raise RateTableError(f"{path.name}:{lineno}: bad row ({exc})") from exc
            if usd <= 0 or rub <= 0:
                raise RateTableError(f"{path.name}:{lineno}: rates must be positive")
            rates[(Currency.USD, month.index)] = usd
            rates[(Currency.RUB, month.index)] = rub
            months.append(month)
    if not months:
        raise RateTableError(f"{path.name}: no rates")
    months.sort()
    for a, b in itertools.pairwise(months):
        if b.minus(a) != 1:
            raise RateTableError(f"{path.name}: months missing between {a} and {b}")
    return RateTable(rates, months[0], months[-1])


@lru_cache(maxsize=1)
def bundled_rates() -> RateTable:
    """The rate table shipped with the app (read once)."""
    from budget_tutor.resources import data_dir

    return read_rate_table(data_dir() / "rates.csv")
