"""Wrong PIN tries slow down: the privacy PIN of a household cannot be guessed at 47 ms a try.

After ``n`` wrong tries in a row the next try is allowed only after :func:`delay_after` ``(n)``
seconds: 0, 1, 2, 4, 8, … up to :data:`MAX_DELAY_SECONDS`. The count and the time of the last
wrong try are kept per household in the store's settings (``pin-failures/<id>``), so quitting and
starting Budget Tutor again does not reset them; a right PIN clears them. A try that comes too
early is refused without being checked, so hammering the button gains nothing.

The PIN stays a privacy screen, not encryption (``docs/storage.md``): anyone who copies the data
file can read it. The clock is injected, so the delay is tested without waiting.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from budget_tutor.storage import StorageError

if TYPE_CHECKING:
    from budget_tutor.storage import Store

#: The longest wait between two tries (5 minutes: 10,000 four-digit PINs take over a month).
MAX_DELAY_SECONDS = 300
SETTING_PREFIX = "pin-failures/"


def delay_after(failures: int) -> int:
    """Seconds to wait before the next try after ``failures`` wrong tries in a row."""
    if failures <= 0:
        return 0
    if failures > 20:  # 2**19 is far beyond the cap already
        return MAX_DELAY_SECONDS
    return min(MAX_DELAY_SECONDS, int(2 ** (failures - 1)))


@dataclass(frozen=True)
class PinCheck:
    """The result of one try: ``ok`` (the PIN is right); ``refused`` (too early: not checked);
    ``wait`` (seconds before the next try is allowed); ``failures`` (wrong tries in a row)."""

    ok: bool
    wait: int = 0
    refused: bool = False
    failures: int = 0


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PinGuard:
    """Checks PINs for one store, counting wrong tries per household."""

    def __init__(self, store: Store, clock: Callable[[], datetime] | None = None) -> None:
        self.store = store
        self.clock = clock or _utc_now
        #: Failures also kept here, for a read-only store (or a store that cannot write now).
        self._memory: dict[int, tuple[int, datetime]] = {}

    # -- the record ---------------------------------------------------------------------------

    def _key(self, household_id: int) -> str:
        return f"{SETTING_PREFIX}{int(household_id)}"

    def failures(self, household_id: int) -> tuple[int, datetime | None]:
        """Wrong tries in a row and the time of the last one (0, None: none)."""
        stored: tuple[int, datetime | None] = (0, None)
        try:
            raw = self.store.get_setting(self._key(household_id))
        except StorageError:
            raw = None
        if raw:
            count_text, _sep, when_text = raw.partition(" ")
            try:
                when = datetime.fromisoformat(when_text)
                if when.tzinfo is None:
                    when = when.replace(tzinfo=UTC)
                stored = (max(0, int(count_text)), when)
            except ValueError:  # a damaged record counts as one wrong try just now
                stored = (1, self.clock())
        memory = self._memory.get(household_id)
        if memory is not None and memory[0] > stored[0]:
            return memory
        return stored

    def _record(self, household_id: int, count: int, when: datetime | None) -> None:
        if count <= 0 or when is None:
            self._memory.pop(household_id, None)
            value = ""
        else:
            self._memory[household_id] = (count, when)
            value = f"{count} {when.isoformat()}"
        if getattr(self.store, "read_only", False):
            return
        try:
            self.store.set_setting(self._key(household_id), value)
        except StorageError:
            pass  # kept in memory: the delay still holds while Budget Tutor runs

    # -- tries --------------------------------------------------------------------------------

    def wait_seconds(self, household_id: int) -> int:
        """Seconds before the next try of this household's PIN is allowed (0: now)."""
        count, last = self.failures(household_id)
        if count == 0 or last is None:
            return 0
        now = self.clock()
        if now < last:  # the clock was set back: the wait starts again from now
            self._record(household_id, count, now)
            last = now
        remaining = delay_after(count) - (now - last).total_seconds()
        return max(0, math.ceil(remaining))

    def try_pin(self, household_id: int, pin: str) -> PinCheck:
        """Check ``pin``: right clears the count; wrong counts and sets the next wait; a try
        before the wait is over is refused without checking."""
        count, _last = self.failures(household_id)
        wait = self.wait_seconds(household_id)
        if wait > 0:
            return PinCheck(ok=False, wait=wait, refused=True, failures=count)
        if self.store.verify_pin(household_id, pin):
            if count:
                self._record(household_id, 0, None)
            return PinCheck(ok=True)
        count += 1
        self._record(household_id, count, self.clock())
        return PinCheck(ok=False, wait=delay_after(count), failures=count)

    def clear_forgotten_pin(self, household_id: int) -> None:
        """Remove a forgotten PIN (a trainer's action; the UI warns first) and its count."""
        self.store.set_pin(household_id, None)
        self._record(household_id, 0, None)
