"""The JSON of `budget-tutor plan` reconciles month by month from the output alone, for every
sample and every scenario (docs/plan-output.md); CSV carries the same numbers."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor.cli import run_captured
from budget_tutor.resources import data_dir

SAMPLES = sorted((data_dir() / "samples").glob("*.json"))


def d(text: str) -> Decimal:
    return Decimal(text)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_month_reconciles_from_the_json_alone(sample: Path) -> None:
    code, out, err = run_captured(["plan", str(sample), "--months", "36", "--scenario", "all",
                                   "--format", "json"])  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert len(data["projections"]) >= 2
    for projection in data["projections"]:
        savings = d(projection["opening"]["savings"])
        cash = d(projection["opening"]["cash"])
        total_income = Decimal(0)
        for m in projection["months"]:
            assert d(m["cash_open"]) == cash, (projection["scenario"], m["month"])
            cash = (d(m["cash_open"]) + d(m["income"]) + d(m["investment_income"])
                    + d(m["loans_received"]) - d(m["spending"]) - d(m["debt_service"])
                    - d(m["investment_costs"]) - d(m["saved"]) + d(m["from_savings"]))  # fmt: skip
            assert cash == d(m["cash"]), (projection["scenario"], m["month"])
            savings = savings + d(m["saved"]) - d(m["from_savings"]) + d(m["interest_earned"])
            assert savings == d(m["savings"]), (projection["scenario"], m["month"])
            assert d(m["remittance_income"]) <= d(m["income"])
            assert d(m["debt_interest"]) <= d(m["debt_service"])
            owed = max(-d(m["cash"]), Decimal(0))
            assert d(m["owed_to_others"]) == owed  # a purse below zero is money found from others
            total_income += d(m["income"]) + d(m["investment_income"])
        assert total_income == d(projection["summary"]["total_income"])


def test_csv_carries_the_same_numbers_as_the_json() -> None:
    sample = SAMPLES[0]
    _code, out_json, _err = run_captured(
        ["plan", str(sample), "--months", "24", "--format", "json"]
    )
    _code, out_csv, _err = run_captured(["plan", str(sample), "--months", "24", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out_csv)))
    months = json.loads(out_json)["projections"][0]["months"]
    assert len(rows) == len(months)
    for row, month in zip(rows, months, strict=True):
        assert row["scenario"] == "baseline"
        for key, value in month.items():
            assert row[key] == value, key
