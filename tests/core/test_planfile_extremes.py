"""No validated plan can fail: the projection and the CLI over the whole validated input space.

The attack (issue 16, item 6) found three valid plan files that crashed ``budget-tutor plan`` with
``decimal.InvalidOperation`` in ``money.round_minor``: a debt at 1000 % repaid 0.01 a month over
96 months or more, savings at 1000 % over 120 months, and 25 exchange-rate shocks of +1000 % even at
12 months. Here those files are rebuilt exactly, and a hypothesis property draws plans from the
whole range a plan file accepts (biased to its limits: 0, 0.01 and 99,999,999.99; 0 % and 1000 %;
-100 % and +1000 % changes; rates of 0.0001 and 1,000,000; up to 40 changes per scenario), reads
them back through the validator, projects 120 months and prints them in every format.
"""

from __future__ import annotations

import csv
import io
import json
import math
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget_tutor import planfile
from budget_tutor.cli import run_captured
from budget_tutor.model import (
    MAX_HORIZON,
    Debt,
    Household,
    Income,
    IncomeKind,
    LenderKind,
    Month,
    Plan,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import MAX_AMOUNT, Currency, to_chart
from budget_tutor.projection import MAX_CHANGE_FACTOR, compare
from budget_tutor.scenarios import ExchangeRateShock, RemittanceChange, Scenario

from . import test_planfile_roundtrip as rt

START = Month(2027, 1)
HOUSEHOLD = Household("Karimovs", start_month=START, opening_cash=MAX_AMOUNT)
THOUSAND = Decimal(1000)


def _write(tmp_path: Path, plan: Plan) -> Path:
    path = tmp_path / "plan.json"
    planfile.save_plan_file(path, plan)
    return path


ALL_FORMATS = (("table", "en"), ("table", "ru"), ("table", "tg"), ("csv", "en"), ("json", "en"))


def run_every_format(
    path: Path, months: int, formats: tuple[tuple[str, str], ...] = ALL_FORMATS
) -> dict[str, str]:
    """``budget-tutor plan`` in each format and language; fails on any traceback."""
    outputs = {}
    for fmt, lang in formats:
        code, out, err = run_captured(
            ["plan", str(path), "--months", str(months), "--scenario", "all", "--format", fmt,
             "--lang", lang]
        )  # fmt: skip
        assert code == 0, err
        assert err == ""
        outputs[f"{fmt}-{lang}"] = out
    return outputs


def assert_csv_equals_json(csv_text: str, json_text: str) -> None:
    """Every amount of every month agrees exactly (as text) between CSV and JSON."""
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    months = [(p["scenario"], m) for p in json.loads(json_text)["projections"] for m in p["months"]]
    assert len(rows) == len(months)
    for row, (scenario, month) in zip(rows, months, strict=True):
        assert row["scenario"] == scenario
        for key, value in month.items():
            assert row[key] == value, (key, row[key], value)


# -- the three files of the attack ----------------------------------------------------------------


@pytest.mark.parametrize("months", [96, 120])
def test_a_debt_at_1000_percent_repaid_one_diram_a_month(tmp_path: Path, months: int) -> None:
    debt = Debt(
        "d", "Loan", LenderKind.MICROFINANCE, MAX_AMOUNT, THOUSAND, START, monthly_payment=1
    )
    path = _write(tmp_path, Plan(HOUSEHOLD, debts=(debt,)))
    out = run_every_format(path, months)
    assert_csv_equals_json(out["csv-en"], out["json-en"])
    last = json.loads(out["json-en"])["projections"][0]["months"][-1]
    # The balance grows by 1000/1200 a month: more than 10^30 somoni after 96 months.
    owed = compare(planfile.load_plan_file(path), [], months).baseline.rows[-1].debt_balance
    assert owed > 10**32
    assert last["debt_service"] == "0.01"


def test_savings_at_1000_percent_over_120_months(tmp_path: Path) -> None:
    place = SavingsPlace("s", "Deposit", SavingsKind.DEPOSIT, MAX_AMOUNT, THOUSAND)
    path = _write(tmp_path, Plan(HOUSEHOLD, savings=(place,)))
    out = run_every_format(path, MAX_HORIZON)
    assert_csv_equals_json(out["csv-en"], out["json-en"])
    savings = json.loads(out["json-en"])["projections"][0]["months"][-1]["savings"]
    assert len(savings.split(".")[0]) >= 39  # over 10^38 somoni: exact digits, no exponent
    assert "E" not in savings and "e" not in savings


@pytest.mark.parametrize("count", [25, 1000])
def test_many_exchange_rate_shocks_of_1000_percent(tmp_path: Path, count: int) -> None:
    remittance = Income(
        "r", "From Moscow", IncomeKind.REMITTANCE, Schedule.monthly(MAX_AMOUNT), Currency.RUB
    )
    shocks = tuple(ExchangeRateShock(THOUSAND, START, Currency.RUB) for _ in range(count))
    raises = tuple(RemittanceChange(THOUSAND, START) for _ in range(count))
    plan = Plan(
        HOUSEHOLD,
        incomes=(remittance,),
        scenarios=(Scenario("shock", "Rouble x11", shocks), Scenario("more", "Sent x11", raises)),
    )
    path = _write(tmp_path, plan)
    out = run_every_format(path, 12)
    assert_csv_equals_json(out["csv-en"], out["json-en"])
    comparison = compare(planfile.load_plan_file(path), plan.scenarios, 12)
    base, shocked, sent = (p.rows[0].income for p in comparison.all)
    # Together the changes multiply by 11 at most (MAX_CHANGE_FACTOR), not by 11^count.
    assert MAX_CHANGE_FACTOR == 11
    assert 10 * base < shocked <= 11 * base + 11
    assert 10 * base < sent <= 11 * base + 11


def test_a_plan_at_the_end_of_the_calendar_is_refused_with_a_message(tmp_path: Path) -> None:
    path = _write(tmp_path, Plan(Household("Late", start_month=Month(2200, 6))))
    code, out, err = run_captured(["plan", str(path), "--months", "120"])
    assert (code, out) == (2, "")
    assert err == (
        "The plan starts in June 2200: only 7 months fit before the end of the calendar "
        "(December 2200). Use --months 7 or fewer.\n"
    )
    assert run_captured(["plan", str(path), "--months", "7"])[0] == 0


# -- the property -------------------------------------------------------------------------------

#: Every bound at its limits half of the time, anywhere in the valid range otherwise; start months
#: from 1995 so that most plans have the whole 120 months (later ones get what fits).
EXTREMES = rt.Bounds(
    amounts=st.sampled_from([0, 1, MAX_AMOUNT - 1, MAX_AMOUNT]) | rt.amounts,
    rates=st.sampled_from([Decimal(0), Decimal("0.001"), Decimal("999.999"), THOUSAND]) | rt.rates,
    changes_pct=st.sampled_from([Decimal(-100), Decimal("-99.99"), THOUSAND]) | rt.changes_pct,
    exchange=st.sampled_from([Decimal("0.0001"), Decimal(1_000_000)]) | rt.exchange,
    months=st.builds(Month, st.integers(1995, 2200), st.integers(1, 12)),
    max_lines=3,
    max_changes=40,
)


def check_plan(plan: Plan, lang: str) -> None:
    import tempfile

    validated = planfile.plan_from_json(planfile.plan_to_json(plan))  # only valid plans
    start = validated.household.start_month
    months = min(MAX_HORIZON, Month(2200, 12).index - start.index + 1)
    comparison = compare(validated, list(validated.scenarios), months)
    for projection in comparison.all:
        assert len(projection.rows) == months
        for row in projection.rows:
            for value in (row.cash_close, row.savings_total, row.debt_balance, row.income):
                assert isinstance(value, int)
                assert math.isfinite(to_chart(value))  # a chart can draw it
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.json"
        planfile.save_plan_file(path, validated)
        out = run_every_format(
            path, months, formats=(("table", lang), ("csv", "en"), ("json", "en"))
        )
    assert_csv_equals_json(out["csv-en"], out["json-en"])


_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


@settings(max_examples=25, **_SETTINGS)  # type: ignore[arg-type]
@given(plan=rt.plans(EXTREMES), lang=st.sampled_from(["en", "ru", "tg"]))
def test_no_validated_plan_fails_in_the_projection_or_the_cli(plan: Plan, lang: str) -> None:
    check_plan(plan, lang)


@pytest.mark.slow
@settings(max_examples=500, **_SETTINGS)  # type: ignore[arg-type]
@given(plan=rt.plans(EXTREMES), lang=st.sampled_from(["en", "ru", "tg"]))
def test_no_validated_plan_fails_long_sweep(plan: Plan, lang: str) -> None:
    check_plan(plan, lang)
