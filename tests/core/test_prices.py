"""The course's price sheet: every row named, dated and sourced; the figures of the course review
(issue 11) as written there."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget_tutor import i18n
from budget_tutor.prices import ITEMS, PER, bundled_prices, read_prices


def test_every_row_has_a_name_a_date_and_a_source():
    prices = bundled_prices()
    assert {p.id for p in prices} == set(ITEMS)
    assert {p.per for p in prices} <= set(PER)
    assert all(p.source and p.as_of for p in prices)


def test_the_reviewed_figures():
    by_id = {p.id: p for p in bundled_prices()}
    assert (by_id["flour-50kg"].low, by_id["flour-50kg"].high) == (Decimal(230), Decimal(290))
    assert (by_id["cow"].low, by_id["cow"].high) == (Decimal(10000), Decimal(15000))
    assert by_id["electricity"].low == Decimal("0.3536")
    assert by_id["minimum-wage-2026-09"].low == Decimal(1300)
    assert by_id["deposit-insurance"].low == Decimal(35000)


def test_names_are_translated():
    i18n.set_language("tg")
    by_id = {p.id: p for p in bundled_prices()}
    assert by_id["cow"].item == "Гови ширдеҳ"
    assert by_id["cow"].per_text() == "як сар"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("cow,15000,10000,TJS,head,2026-11,market,no", "out of order"),
        ("cow,ten,15000,TJS,head,2026-11,market,no", "numbers"),
        ("cow,1,2,TJS,head,11.2026,market,no", "YYYY-MM"),
        ("cow,1,2,TJS,head,2026-11,,no", "source"),
        ("goat,1,2,TJS,head,2026-11,market,no", "no name"),
    ],
)
def test_a_bad_sheet_is_refused_with_its_line(tmp_path, row, problem):
    sheet = tmp_path / "prices.csv"
    sheet.write_text("id,low,high,unit,per,as_of,source,checked\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        read_prices(sheet)
    assert "prices.csv:2" in str(caught.value) and problem in str(caught.value)
