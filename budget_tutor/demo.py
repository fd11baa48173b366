"""Which households on this laptop are sample households, and "Reset the demo".

A household made from a sample is remembered in the store's settings
(``sample-households/<sample id>`` = comma-separated household ids), so that opening the same
sample again can switch to it instead of silently making a second copy, and so that a trainer can
put every sample back as it was before the next workshop. Households made from a sample before
this was remembered are recognised by their name (in English or in the language of the screen).

:func:`reset_demo` makes a backup first (``before-demo-reset``; restoring it undoes the reset),
then gives each sample household its original plan (names in the given language), no PIN and no
lesson progress; a sample with no household yet gets one. Households that are not samples are
never touched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from budget_tutor.pin_guard import SETTING_PREFIX as PIN_FAILURES_PREFIX
from budget_tutor.storage import StorageError

if TYPE_CHECKING:
    from budget_tutor.model import Plan
    from budget_tutor.storage import BackupInfo, Store

SETTING_PREFIX = "sample-households/"
BACKUP_REASON = "before-demo-reset"


def _key(sample_id: str) -> str:
    return f"{SETTING_PREFIX}{sample_id}"


def _recorded(store: Store, sample_id: str) -> list[int]:
    raw = store.get_setting(_key(sample_id)) or ""
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]


def remember_sample(store: Store, sample_id: str, household_id: int) -> None:
    """Remember that ``household_id`` was made from the sample ``sample_id``."""
    ids = _recorded(store, sample_id)
    if household_id not in ids:
        ids.append(household_id)
    store.set_setting(_key(sample_id), ",".join(str(i) for i in ids))


def sample_households(store: Store, sample_id: str, names: Iterable[str] = ()) -> list[int]:
    """The households (not deleted) made from ``sample_id``: the remembered ones, then any other
    household called by one of ``names`` (the sample's name in English and on screen), that is
    not remembered as another sample."""
    present = {info.id: info for info in store.list_households()}
    result = [hid for hid in _recorded(store, sample_id) if hid in present]
    wanted = {name for name in names if name}
    if wanted:
        from budget_tutor.samples import SAMPLES

        others = {hid for other in SAMPLES if other != sample_id for hid in _recorded(store, other)}
        for hid, info in present.items():
            if info.name in wanted and hid not in result and hid not in others:
                result.append(hid)
    return result


@dataclass
class DemoReset:
    """What :func:`reset_demo` did: the backup made first, the households put back and the
    ones created (ids)."""

    backup: BackupInfo
    reset: list[int] = field(default_factory=list)
    created: list[int] = field(default_factory=list)


def reset_demo(
    store: Store, plans: Mapping[str, Plan], names: Mapping[str, Iterable[str]] | None = None
) -> DemoReset:
    """Back up, then put every sample household back to ``plans[sample_id]`` (its original
    plan): the plan, the name, no PIN, no lesson progress. ``names`` are the other names each
    sample is known by (see :func:`sample_households`). Raises :class:`StorageError`; what was
    done before a failure stays done and the backup holds the state before the reset."""
    backup = store.backup(BACKUP_REASON)
    done = DemoReset(backup)
    for sample_id, plan in plans.items():
        known = [plan.household.name, *((names or {}).get(sample_id, ()))]
        ids = sample_households(store, sample_id, known)
        if not ids:
            hid = store.create_household(plan)
            remember_sample(store, sample_id, hid)
            done.created.append(hid)
            continue
        for hid in ids:
            store.save_plan(hid, plan)
            store.reset_progress(hid)
            store.set_pin(hid, None)
            try:
                store.set_setting(f"{PIN_FAILURES_PREFIX}{hid}", "")
            except StorageError:
                pass  # the PIN is gone, so the count of wrong tries no longer matters
            remember_sample(store, sample_id, hid)
            done.reset.append(hid)
    return done
