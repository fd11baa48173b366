"""How many months every screen looks ahead: one default for My plan, What if? and the handout.

The trainer sets it once (the "Look ahead" box on My plan and on What if?); it is kept in the
store's settings table under :data:`HORIZON_SETTING`, so it is the same on every screen and after
a restart. Code without a store (the command line) uses :data:`DEFAULT_HORIZON`.
"""

from __future__ import annotations

from typing import Protocol

#: The months a trainer can choose from.
HORIZONS: tuple[int, ...] = (12, 24, 36, 60)
#: One year: a family plans a year of seasons (remittances in summer, coal in winter).
DEFAULT_HORIZON = 12
HORIZON_SETTING = "default_horizon"


class SettingsStore(Protocol):
    def get_setting(self, key: str, default: str | None = None) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...


def parse_horizon(text: str | None) -> int:
    """The horizon a stored or typed text names; :data:`DEFAULT_HORIZON` for anything that is
    not one of :data:`HORIZONS` (a damaged setting never stops a screen)."""
    try:
        months = int(str(text).strip())
    except (TypeError, ValueError):
        return DEFAULT_HORIZON
    return months if months in HORIZONS else DEFAULT_HORIZON


def read_horizon(store: SettingsStore) -> int:
    """The default horizon kept in ``store`` (months)."""
    return parse_horizon(store.get_setting(HORIZON_SETTING))


def save_horizon(store: SettingsStore, months: int) -> None:
    """Keep ``months`` as the default horizon (raises ValueError if it is not a choice)."""
    if months not in HORIZONS:
        raise ValueError(f"the horizon must be one of {HORIZONS}, not {months}")
    store.set_setting(HORIZON_SETTING, str(months))
