"""PlanHistory against the real store: undo/redo commit only after the plan was saved, and every
plan the core's edit functions make is one the store accepts."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget_tutor.history import PlanHistory
from budget_tutor.model import (
    SECTIONS,
    Expense,
    ExpenseCategory,
    Household,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.storage import StorageError, Store

from .strategies import plans


class _CommitFails:
    """Stands in for the store's sqlite connection: the next COMMITs raise the error SQLite
    gives on a full disk; everything else (BEGIN, the UPDATEs, ROLLBACK) goes to the real
    database, so the store rolls back for real."""

    def __init__(self, conn: sqlite3.Connection, times: int = 1) -> None:
        self._conn = conn
        self.times = times

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.strip().upper() == "COMMIT" and self.times > 0:
            self.times -= 1
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


def _food(amount: int) -> Expense:
    return Expense("food", "Food", ExpenseCategory.FOOD, Schedule.monthly(amount))


def _history(store: Store) -> tuple[PlanHistory, int]:
    plan = Plan(household=Household(name="Rahimovs", people=6))
    hid = store.create_household(plan)
    return PlanHistory(plan, lambda p: store.save_plan(hid, p)), hid


def _fail_commits(store: Store, times: int = 1) -> _CommitFails:
    proxy = _CommitFails(store._conn, times)  # type: ignore[arg-type]
    store._conn = proxy  # type: ignore[assignment]
    return proxy


def _heal(store: Store, proxy: _CommitFails) -> None:
    store._conn = proxy._conn


def test_edits_undo_and_redo_are_saved(store: Store) -> None:
    history, hid = _history(store)
    empty = history.plan
    assert history.apply(empty.with_line("expenses", _food(150_000)), "Add Food")
    assert history.apply(history.plan.with_line("expenses", _food(200_000)), "Change Food")
    assert store.load_plan(hid).expenses[0].schedule.amount == 200_000
    assert history.undo_description() == "Change Food"
    history.undo()
    assert store.load_plan(hid).expenses[0].schedule.amount == 150_000
    assert history.redo_description() == "Change Food"
    history.undo()
    assert store.load_plan(hid) == empty
    assert not history.can_undo() and history.undo() is None
    history.redo()
    history.redo()
    assert store.load_plan(hid).expenses[0].schedule.amount == 200_000
    assert history.plan == store.load_plan(hid)
    assert not history.can_redo() and history.redo() is None


def test_same_plan_is_no_edit(store: Store) -> None:
    history, _hid = _history(store)
    assert not history.apply(history.plan, "Nothing")
    assert not history.can_undo()


def test_a_failed_undo_keeps_the_history_and_the_stored_plan(store: Store) -> None:
    history, hid = _history(store)
    history.apply(history.plan.with_line("expenses", _food(150_000)), "Add Food")
    history.apply(history.plan.with_line("expenses", _food(200_000)), "Change Food")
    proxy = _fail_commits(store)
    with pytest.raises(StorageError):
        history.undo()
    _heal(store, proxy)
    # Nothing moved: the plan shown, the stored plan and both stacks are as before.
    assert history.plan.expenses[0].schedule.amount == 200_000
    assert store.load_plan(hid).expenses[0].schedule.amount == 200_000
    assert history.can_undo() and history.undo_description() == "Change Food"
    assert not history.can_redo()
    # And the same undo works once the disk has room again.
    history.undo()
    assert store.load_plan(hid).expenses[0].schedule.amount == 150_000
    assert history.can_redo()


def test_a_failed_redo_can_be_redone(store: Store) -> None:
    history, hid = _history(store)
    history.apply(history.plan.with_line("expenses", _food(150_000)), "Add Food")
    history.undo()
    proxy = _fail_commits(store)
    with pytest.raises(StorageError):
        history.redo()
    _heal(store, proxy)
    assert store.load_plan(hid).expenses == ()
    assert history.can_redo() and history.redo_description() == "Add Food"
    history.redo()
    assert store.load_plan(hid).expenses[0].schedule.amount == 150_000


def test_a_failed_edit_changes_nothing_and_keeps_redo(store: Store) -> None:
    history, hid = _history(store)
    history.apply(history.plan.with_line("expenses", _food(150_000)), "Add Food")
    history.undo()
    before = history.plan
    proxy = _fail_commits(store)
    with pytest.raises(StorageError):
        history.apply(before.with_line("expenses", _food(90_000)), "Add cheap food")
    _heal(store, proxy)
    assert history.plan == before == store.load_plan(hid)
    assert history.can_redo() and not history.can_undo()


def test_a_read_only_database_refuses_and_undo_still_works(tmp_path: Path) -> None:
    writer = Store.open(tmp_path / "data")
    history, hid = _history(writer)
    history.apply(history.plan.with_line("expenses", _food(150_000)), "Add Food")
    writer.close()
    reader = Store.open(tmp_path / "data", read_only=True)
    try:
        plan = reader.load_plan(hid)
        ro = PlanHistory(plan, lambda p: reader.save_plan(hid, p))
        with pytest.raises(StorageError):
            ro.apply(plan.with_line("expenses", _food(1)), "Change Food")
        assert ro.plan == plan and not ro.can_undo()
    finally:
        reader.close()


def test_the_undo_limit_drops_the_oldest(store: Store) -> None:
    plan = Plan(household=Household(name="Rahimovs"))
    hid = store.create_household(plan)
    history = PlanHistory(plan, lambda p: store.save_plan(hid, p), limit=3)
    for amount in (1, 2, 3, 4, 5):
        history.apply(history.plan.with_line("expenses", _food(amount)), f"food {amount}")
    assert len(history) == 3
    while history.can_undo():
        history.undo()
    assert history.plan.expenses[0].schedule.amount == 2
    with pytest.raises(ValueError):
        PlanHistory(plan, lambda p: None, limit=0)


# -- rules in the core ---------------------------------------------------------------------


def test_removing_a_savings_place_removes_its_goals_and_the_store_accepts_it(
    store: Store,
) -> None:
    box = SavingsPlace("box", "Cash box", SavingsKind.CASH)
    bank = SavingsPlace("bank", "Deposit", SavingsKind.DEPOSIT)
    plan = Plan(
        household=Household(name="Rahimovs"),
        savings=(box, bank),
        goals=(
            SavingsGoal("g1", "Cow", 800_000, "box"),
            SavingsGoal("g2", "School", 280_000, "bank"),
        ),
    )
    hid = store.create_household(plan)
    assert [g.id for g in plan.goals_in("box")] == ["g1"]
    smaller = plan.without_line("savings", "box")
    assert [p.id for p in smaller.savings] == ["bank"]
    assert [g.id for g in smaller.goals] == ["g2"]
    store.save_plan(hid, smaller)
    assert store.load_plan(hid) == smaller


def test_a_goal_without_its_place_cannot_be_added() -> None:
    plan = Plan(household=Household(name="Rahimovs"))
    with pytest.raises(ValueError, match="no savings place"):
        plan.with_line("goals", SavingsGoal("g1", "Cow", 800_000, "nowhere"))


@st.composite
def _edits(draw: st.DrawFn) -> tuple[Plan, list[tuple[str, str, Any]]]:
    """A plan and a list of edits: ("remove", section, index) or ("add", section, line)."""
    start = draw(plans())
    pool = draw(plans())
    ops: list[tuple[str, str, Any]] = []
    for i in range(draw(st.integers(1, 8))):
        # Savings places and goals more often: removing a place that holds goals is the edit
        # the store used to refuse.
        section = draw(st.sampled_from((*SECTIONS, "savings", "savings", "goals")))
        if draw(st.booleans()):
            ops.append(("remove", section, draw(st.integers(0, 3))))
        else:
            lines = getattr(pool, section)
            if lines:
                ops.append(("add", section, (draw(st.sampled_from(lines)), i)))
    return start, ops


_STORE_DIR = tempfile.TemporaryDirectory(prefix="bt-history-")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_edits())
def test_every_plan_the_edit_functions_make_is_one_the_store_accepts(
    case: tuple[Plan, list[tuple[str, str, Any]]],
) -> None:
    import dataclasses

    start, ops = case
    with Store.open(Path(_STORE_DIR.name) / "data") as store:
        hid = store.create_household(start)
        plan = start
        for op, section, arg in ops:
            if op == "remove":
                lines = getattr(plan, section)
                if not lines:
                    continue
                plan = plan.without_line(section, lines[arg % len(lines)].id)
            else:
                line, n = arg
                line = dataclasses.replace(line, id=f"new-{n}")
                if isinstance(line, SavingsGoal):
                    if plan.savings:
                        line = dataclasses.replace(line, place_id=plan.savings[0].id)
                    else:
                        with pytest.raises(ValueError):
                            plan.with_line(section, line)
                        continue
                plan = plan.with_line(section, line)
            store.save_plan(hid, plan)  # raises if the store refuses the plan
            assert store.load_plan(hid) == plan
