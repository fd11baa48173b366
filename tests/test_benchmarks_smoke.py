"""Each benchmark runs once with tiny sizes, so the benchmarks do not rot.

Timings are not asserted here (they are noisy; ``python -m benchmarks.run`` reports them); what is
asserted is that every figure is produced, with a floor where the goal is a ratio, and that the
counted goals (no matplotlib before the first paint, no full redraw during a drag, one draw per
visible chart on a language switch) hold.
"""

from __future__ import annotations

import math

import pytest

from benchmarks._common import Figure, run_child
from benchmarks.run import print_table, run_all


def _by_name(figures: list[Figure]) -> dict[str, Figure]:
    return {f.name: f for f in figures}


def _well_formed(fig: Figure) -> None:
    assert fig.median > 0 and math.isfinite(fig.median), fig
    assert fig.runs >= 1
    assert fig.peak_mib is not None and fig.peak_mib > 10
    if fig.max_ratio is not None:
        assert fig.floor is not None and fig.floor > 0, fig.name
        assert fig.ratio is not None and math.isfinite(fig.ratio)


def test_projection_benchmark_runs_and_matches_the_plan_size() -> None:
    from benchmarks.plans import ten_scenarios, thirty_line_plan

    assert len(ten_scenarios()) == 10
    plan = thirty_line_plan()  # asserts its 30 lines itself
    assert plan.household.start_month.year == 2027
    (fig,) = run_all(("projection_bench",), quick=True)
    _well_formed(fig)
    assert fig.max_value == 0.020
    assert "CPU time" in fig.note


def test_interaction_benchmark_counts_draws(capsys: pytest.CaptureFixture[str]) -> None:
    figures = _by_name(run_all(("interaction",), quick=True))
    assert len(figures) == 6
    for fig in figures.values():
        _well_formed(fig)
    drag = figures["slider drag step -> chart pixels updated (What if?)"]
    assert drag.checks["full redraws during the drag"] == [0, True]
    assert figures["slider release -> chart updated (What if?)"].checks["redraws on each release"][
        1
    ]
    assert figures["language switch of the whole window with charts"].checks[
        "draws per visible chart"
    ][1]
    print_table(list(figures.values()))
    assert "slider drag step" in capsys.readouterr().out


@pytest.mark.timeout(240)
def test_startup_benchmark_reports_every_start_figure() -> None:
    figures = _by_name(run_all(("startup",), quick=True))
    assert len(figures) == 7
    for fig in figures.values():
        _well_formed(fig)
    start = figures["start: process start -> main window painted"]
    assert start.checks["no matplotlib before first paint (plan page)"][1]
    assert figures["memory at first paint"].unit == "MiB"
    cold = figures["first start on a new machine: first chart (empty matplotlib cache)"]
    assert cold.checks["font cache written once, not rebuilt on the second start"][1]


def test_a_failing_child_is_reported_not_hidden() -> None:
    result = run_child(["-c", "import sys; print('{\"x\": 1}'); sys.exit(3)"])
    assert result.returncode == 3
    with pytest.raises(RuntimeError, match="exit 3"):
        result.last_json()
    assert result.peak_mib > 1


# -- the optimisation made for the compare() figure stays exact ------------------------------------

from decimal import Decimal, getcontext  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**15),
    st.decimals(min_value=Decimal("-50"), max_value=Decimal("2500"), places=4),
)
def test_integer_interest_equals_the_decimal_formula(balance: int, annual: Decimal) -> None:
    """projection._MonthlyInterest computes in integers where Decimal's product is exact
    (12 %/1200 = 0.01) and falls back to the Decimal formula otherwise (13 %/1200 repeats):
    either way it must equal finance.monthly_interest to the diram."""
    from budget_tutor import finance
    from budget_tutor.projection import _MonthlyInterest

    if annual == 0:
        return  # the projection never asks for interest at 0 %
    rate = _MonthlyInterest(annual, 10 ** getcontext().prec)
    assert rate.on(balance) == finance.monthly_interest(balance, annual)


def test_integer_interest_at_exact_halves() -> None:
    """A balance whose interest is exactly half a diram rounds up, as ROUND_HALF_UP does."""
    from budget_tutor import finance
    from budget_tutor.projection import _MonthlyInterest

    exact_below = 10 ** getcontext().prec
    for annual, balance in ((Decimal(12), 50), (Decimal(6), 100), (Decimal(13), 7800)):
        assert _MonthlyInterest(annual, exact_below).on(balance) == finance.monthly_interest(
            balance, annual
        )


def test_a_regression_against_a_saved_run_is_flagged(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.run import compare_with

    saved = [
        Figure("start", 1.0, floor=0.5, max_ratio=1.5),
        Figure("drag", 0.02, floor=0.01, checks={"no full redraw": (0, True)}),
        Figure("compare", 0.015, max_value=0.02),
    ]
    now = [
        Figure("start", 1.1, floor=0.5, max_ratio=1.5),  # ratio 2.0 -> 2.2: within 25 %
        Figure("drag", 0.02, floor=0.01, checks={"no full redraw": (3, False)}),  # check lost
        Figure("compare", 0.030, max_value=0.02),  # median doubled
        Figure("new figure", 1.0),
    ]
    worse = compare_with(now, saved, 0.25)
    assert worse == ["drag: no full redraw", "compare"]
    out = capsys.readouterr().out
    assert "new figure" in out and "WORSE" in out
