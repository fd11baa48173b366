"""Battery 14: long random use.

A hypothesis state machine uses the model and the store the way a workshop does: add, edit and
remove lines, switch household, change exchange rates, record lesson steps, back up, restore,
let days pass, close and reopen. After every step:

- the stored plan is exactly the plan the user last saved;
- the projection's totals equal the sum of the plan's lines (spending, by category too);
- lesson progress never goes backwards (except by an explicit restore of an older backup);
- the backups are exactly what the rotation policy keeps — checked against the machine's own
  record of every backup made and a reading of the policy written from docs/storage.md
  (:func:`policy_keeps`), not with the store's ``backups_to_delete`` — and each restores the
  state it was made from.

Pass figure: 0 broken invariants over MAX_EXAMPLES_FAST runs (slow: MAX_EXAMPLES_SLOW).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from budget_tutor import storage
from budget_tutor.model import Expense, ExpenseCategory, Plan, RateSettings, Schedule
from budget_tutor.projection import project
from budget_tutor.storage import Store

from .helpers import sample_plans

MAX_EXAMPLES_FAST = 30
MAX_EXAMPLES_SLOW = 400
SAMPLES = sample_plans()


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def expected_spending(plan: Plan, months: int = 12) -> tuple[int, dict[ExpenseCategory, int]]:
    """Spending summed straight from the plan's lines (expenses and one-off costs)."""
    total = 0
    by_category: dict[ExpenseCategory, int] = {}
    start = plan.household.start_month
    for i in range(months):
        month = start.plus(i)
        for expense in plan.expenses:
            amount = expense.schedule.amount_in(month.month)
            total += amount
            by_category[expense.category] = by_category.get(expense.category, 0) + amount
        for cost in plan.one_offs:
            if cost.month == month:
                total += cost.amount
                by_category[cost.category] = by_category.get(cost.category, 0) + cost.amount
    return total, {k: v for k, v in by_category.items() if v}


_NAME = re.compile(r"budget-tutor-backup-(\d{8}T\d{12})Z-([a-z0-9-]+)\.sqlite")


def policy_keeps(names: set[str], now: datetime) -> set[str]:
    """What rotation keeps, as docs/storage.md words it: the newest 10 backups, the newest backup
    of each of the last 14 days (UTC, by the time in the name), and the newest before-migration
    backup. Written from the document, independently of ``storage.backups_to_delete``."""
    made = []
    for name in names:
        match = _NAME.fullmatch(name)
        assert match is not None, name
        moment = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
        made.append((moment, match.group(2), name))
    made.sort(reverse=True)
    keep = {name for _moment, _reason, name in made[:10]}
    newest_of_day: dict[object, str] = {}
    for moment, _reason, name in made:
        if (now.date() - moment.date()).days < 14:
            newest_of_day.setdefault(moment.date(), name)
    keep |= set(newest_of_day.values())
    migrations = [name for _moment, reason, name in made if reason == "before-migration"]
    if migrations:
        keep.add(migrations[0])
    return keep


class WorkshopLaptop(RuleBasedStateMachine):
    households = Bundle("households")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="budget-tutor-long-use-"))
        self.data = self.folder / "data"
        self.clock = Clock()
        self.store: Store | None = Store.open(self.data, clock=self.clock)
        self.plans: dict[int, Plan] = {}
        self.done: dict[int, set[str]] = {}
        self.snapshots: dict[Path, tuple[dict[int, Plan], dict[int, set[str]]]] = {}
        self.current: int | None = None
        self.counter = 0
        #: Rotation runs after each backup (and restore): the policy holds as of that moment.
        self.rotated_at = self.clock.now
        #: The backups the policy should have left, by this machine's own count.
        self.expected_backups: set[str] = set()

    # -- helpers ------------------------------------------------------------------------------

    @property
    def s(self) -> Store:
        assert self.store is not None
        return self.store

    def _state(self) -> tuple[dict[int, Plan], dict[int, set[str]]]:
        return dict(self.plans), {k: set(v) for k, v in self.done.items()}

    def _note_new_backups(self, before: tuple[dict[int, Plan], dict[int, set[str]]]) -> None:
        """Backups the last action made hold the state from before it ('before-…') or after."""
        made = False
        for info in self.s.backups():
            if info.path not in self.snapshots:
                made = True
                self.rotated_at = self.clock.now
                self.expected_backups.add(info.path.name)
                self.snapshots[info.path] = (
                    before if info.reason.startswith("before-") else self._state()
                )
        if made:  # the store rotated after the new backup: so does the expected list
            self.expected_backups = policy_keeps(self.expected_backups, self.rotated_at)

    def _save(self, household: int, plan: Plan) -> None:
        before = self._state()
        self.s.save_plan(household, plan)
        self.plans[household] = plan
        self._note_new_backups(before)

    # -- rules --------------------------------------------------------------------------------

    @initialize(target=households, sample=st.sampled_from(range(len(SAMPLES))))
    def first_household(self, sample: int) -> int:
        return self.add_household(sample)

    @rule(target=households, sample=st.sampled_from(range(len(SAMPLES))))
    def add_household(self, sample: int) -> int:
        before = self._state()
        household = self.s.create_household(SAMPLES[sample])
        self.plans[household] = SAMPLES[sample]
        self.done[household] = set()
        self.current = household
        self._note_new_backups(before)
        return household

    @rule(household=households)
    def switch(self, household: int) -> None:
        if household in self.plans:  # not one a restore took away
            self.current = household

    @rule(amount=st.integers(0, 5_000_000), category=st.sampled_from(list(ExpenseCategory)))
    def add_line(self, amount: int, category: ExpenseCategory) -> None:
        assert self.current is not None
        self.counter += 1
        line = Expense(f"x{self.counter}", f"Line {self.counter}", category, Schedule(amount))
        self._save(self.current, self.plans[self.current].with_line("expenses", line))

    @rule(data=st.data())
    def edit_line(self, data: st.DataObject) -> None:
        assert self.current is not None
        plan = self.plans[self.current]
        if not plan.expenses:
            return
        line = data.draw(st.sampled_from(plan.expenses))
        amount = data.draw(st.integers(0, 5_000_000))
        edited = Expense(line.id, line.name, line.category, Schedule(amount), line.essential)
        self._save(self.current, plan.with_line("expenses", edited))

    @rule(data=st.data())
    def remove_line(self, data: st.DataObject) -> None:
        assert self.current is not None
        plan = self.plans[self.current]
        if not plan.expenses:
            return
        line = data.draw(st.sampled_from(plan.expenses))
        self._save(self.current, plan.without_line("expenses", line.id))

    @rule(rub=st.decimals(Decimal("0.05"), Decimal("0.30"), places=4))
    def change_rates(self, rub: Decimal) -> None:
        assert self.current is not None
        plan = self.plans[self.current]
        self._save(self.current, plan.replace(rates=RateSettings(rub, plan.rates.tjs_per_usd)))

    @rule(step=st.integers(0, 6), done=st.booleans())
    def record_step(self, step: int, done: bool) -> None:
        assert self.current is not None
        self.s.record_step(
            self.current, "m01", f"s{step}", answer={"step": step}, score=None, done=done
        )
        if done:
            self.done[self.current].add(f"s{step}")

    @rule(hours=st.integers(1, 24 * 5))
    def time_passes(self, hours: int) -> None:
        self.clock.now += timedelta(hours=hours)

    @rule()
    def back_up(self) -> None:
        before = self._state()
        self.s.backup("manual")
        self._note_new_backups(before)

    @precondition(lambda self: self.store is not None and bool(self.store.backups()))
    @rule(data=st.data())
    def restore(self, data: st.DataObject) -> None:
        info = data.draw(st.sampled_from(self.s.backups()))
        before = self._state()
        self.s.restore(info)
        self.rotated_at = self.clock.now
        self.plans, self.done = self.snapshots[info.path]
        self.plans = dict(self.plans)
        self.done = {k: set(v) for k, v in self.done.items()}
        self._note_new_backups(before)
        if self.current not in self.plans:
            self.current = next(iter(self.plans), None)

    @rule()
    def close_and_reopen(self) -> None:
        before = self._state()
        self.s.close()
        self.store = Store.open(self.data, clock=self.clock)
        self._note_new_backups(before)

    # -- invariants ---------------------------------------------------------------------------

    @invariant()
    def stored_plans_are_what_was_saved(self) -> None:
        if self.store is None:
            return
        stored = {h.id for h in self.s.list_households()}
        assert stored == set(self.plans)
        if self.current is not None:
            assert self.s.load_plan(self.current) == self.plans[self.current]

    @invariant()
    def totals_equal_the_sum_of_lines(self) -> None:
        if self.store is None or self.current is None:
            return
        plan = self.plans[self.current]
        summary = project(plan, 12).summary
        total, by_category = expected_spending(plan)
        assert summary.total_spending == total
        assert {k: v for k, v in summary.spending_by_category.items() if v} == by_category

    @invariant()
    def progress_never_goes_backwards(self) -> None:
        if self.store is None:
            return
        for household, steps in self.done.items():
            stored = self.s.progress(household).get("m01", {})
            assert steps <= {s for s, r in stored.items() if r.done}

    @invariant()
    def backups_follow_the_rotation_policy(self) -> None:
        if self.store is None:
            return
        backups = self.s.backups()
        assert {b.path.name for b in backups} == self.expected_backups
        assert (storage.KEEP_NEWEST, storage.KEEP_DAYS) == (10, 14)  # as the docs say
        assert len(backups) <= storage.KEEP_NEWEST + storage.KEEP_DAYS + 1
        assert not [p for p in self.s.backup_dir.glob("*") if p.name.endswith(".tmp")]

    def teardown(self) -> None:
        if self.store is not None:
            self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _run(examples: int, steps: int) -> None:
    WorkshopLaptop.TestCase.settings = settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        derandomize=os.environ.get("RELIABILITY_RANDOM") is None,
    )
    WorkshopLaptop.TestCase().runTest()


def test_long_random_use() -> None:
    _run(MAX_EXAMPLES_FAST, 15)


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_long_random_use_full() -> None:
    _run(MAX_EXAMPLES_SLOW, 50)
