"""Shared pieces of the reliability battery: realistic plans, numbered edits and database checks.

Used both by the tests and by ``driver.py`` (the child process that is killed while saving), so
that the parent can rebuild exactly the plan the child saved as edit number ``n``.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from decimal import Decimal
from pathlib import Path

from budget_tutor import planfile
from budget_tutor.model import Investment, InvestmentKind, Month, Plan, RateSettings, Schedule

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "budget_tutor" / "data" / "samples"
FIXTURE_V1 = REPO / "tests" / "fixtures" / "db" / "budget-v1.sqlite"

#: Every part of a plan the edit path changes, in turn.
EDITED_PARTS = (
    "incomes",
    "expenses",
    "one_offs",
    "savings",
    "goals",
    "debts",
    "investments",
    "rates",
    "scenarios",
)


def sample_plans() -> list[Plan]:
    """The three bundled sample households."""
    return [planfile.load_plan_file(p) for p in sorted(SAMPLES.glob("*.json"))]


def base_plan() -> Plan:
    """The sample with a line in most sections (Nazarov, Rasht)."""
    return planfile.load_plan_file(SAMPLES / "nazarov-rasht.json")


def plan_for(n: int) -> Plan:
    """Edit number ``n`` of the base plan: the household is renamed ``Family n`` (a second row in
    the database) and one part of the plan, chosen by ``n``, carries the number too."""
    plan = base_plan()
    part = EDITED_PARTS[n % len(EDITED_PARTS)]
    amount = 100 * (n + 1)
    if part == "incomes":
        first = plan.incomes[0]
        line = dataclasses.replace(
            first, schedule=dataclasses.replace(first.schedule, amount=amount)
        )
        plan = plan.with_line("incomes", line)
    elif part == "expenses":
        first = plan.expenses[0]
        line = dataclasses.replace(
            first, schedule=dataclasses.replace(first.schedule, amount=amount)
        )
        plan = plan.with_line("expenses", line)
    elif part == "one_offs":
        plan = plan.with_line("one_offs", dataclasses.replace(plan.one_offs[0], amount=amount))
    elif part == "savings":
        plan = plan.with_line(
            "savings", dataclasses.replace(plan.savings[0], opening_balance=amount)
        )
    elif part == "goals":
        plan = plan.with_line("goals", dataclasses.replace(plan.goals[0], target=amount))
    elif part == "debts":
        plan = plan.with_line("debts", dataclasses.replace(plan.debts[0], principal=amount))
    elif part == "investments":
        cow = Investment(
            "inv-cow",
            "Cow",
            InvestmentKind.COW,
            cost=amount,
            start_month=Month(2027, 3),
            income=Schedule.monthly(5_000),
        )
        plan = plan.with_line("investments", cow)
    elif part == "rates":
        plan = plan.replace(rates=RateSettings(Decimal("0.11") + Decimal(n) / 10**6, None))
    else:  # scenarios: drop all but the first k
        plan = plan.replace(scenarios=plan.scenarios[: n % (len(plan.scenarios) + 1)])
    household = dataclasses.replace(plan.household, name=f"Family {n}")
    return plan.replace(household=household)


def integrity_ok(db: Path) -> bool:
    """``PRAGMA integrity_check`` on a closed database file (read-only)."""
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def columns(db: Path, table: str) -> set[str]:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative name -> bytes)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
