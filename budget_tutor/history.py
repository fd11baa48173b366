"""Undo and redo of whole-plan edits, committed only after the plan was saved.

:class:`PlanHistory` holds the plan the family sees and the snapshots before and after it. Every
move (an edit, an undo, a redo) first hands the plan it would make current to ``save`` (in the
app: ``Store.save_plan`` for the open household). Only when ``save`` returns without raising does
the history change; if it raises, the history and the current plan stay exactly as they were, the
error goes to the caller, and the same undo or redo can be tried again.

Plain Python: the UI (``ui/session.py``) wraps it and adds the Qt signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from budget_tutor.model import Plan

#: How many plan snapshots undo keeps.
UNDO_LIMIT = 200

Save = Callable[[Plan], None]


@dataclass(frozen=True)
class Snapshot:
    """A plan and the description of the edit that leads away from it ("Add Food")."""

    plan: Plan
    description: str


class PlanHistory:
    """The current plan with its undo and redo stacks.

    ``save(plan)`` stores a plan or raises; the history changes only after it returned.
    """

    def __init__(self, plan: Plan, save: Save, *, limit: int = UNDO_LIMIT) -> None:
        if limit < 1:
            raise ValueError("the undo limit must be at least 1")
        self._plan = plan
        self._save = save
        self._limit = limit
        self._undo: list[Snapshot] = []
        self._redo: list[Snapshot] = []

    @property
    def plan(self) -> Plan:
        """The plan as last saved."""
        return self._plan

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_description(self) -> str:
        return self._undo[-1].description if self._undo else ""

    def redo_description(self) -> str:
        return self._redo[-1].description if self._redo else ""

    def __len__(self) -> int:
        """How many edits can be undone."""
        return len(self._undo)

    def apply(self, new_plan: Plan, description: str) -> bool:
        """Save ``new_plan`` and make it current; False if it equals the current plan (nothing
        saved, nothing remembered). A failed save raises and changes nothing."""
        if new_plan == self._plan:
            return False
        self._save(new_plan)
        self._undo.append(Snapshot(self._plan, description))
        del self._undo[: -self._limit]
        self._redo.clear()
        self._plan = new_plan
        return True

    def undo(self) -> Plan | None:
        """Save the plan before the last edit and make it current; None if there is nothing to
        undo. A failed save raises and the edit can still be undone."""
        if not self._undo:
            return None
        snapshot = self._undo[-1]
        self._save(snapshot.plan)
        self._undo.pop()
        self._redo.append(Snapshot(self._plan, snapshot.description))
        self._plan = snapshot.plan
        return self._plan

    def redo(self) -> Plan | None:
        """Save the plan of the last undone edit again; None if there is nothing to redo. A
        failed save raises and the edit can still be redone."""
        if not self._redo:
            return None
        snapshot = self._redo[-1]
        self._save(snapshot.plan)
        self._redo.pop()
        self._undo.append(Snapshot(self._plan, snapshot.description))
        self._plan = snapshot.plan
        return self._plan
