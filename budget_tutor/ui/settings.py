"""Window size and position, the last page and similar UI state, in QSettings.

The settings live in an INI file in the data directory (``ui-settings.ini``), so a portable
install keeps them beside its data and tests (which point the data directory at a temporary
folder) never touch the real user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

FILE_NAME = "ui-settings.ini"


class UiSettings:
    """A thin typed wrapper over QSettings."""

    def __init__(self, data_dir: Path | None = None) -> None:
        if data_dir is None:
            from budget_tutor.paths import data_dir as default_data_dir

            data_dir = default_data_dir()
        self.path = Path(data_dir) / FILE_NAME
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    def last_page(self) -> str:
        value = self._qs.value("window/last_page", "plan")
        return str(value) if value else "plan"

    def set_last_page(self, page: str) -> None:
        self._qs.setValue("window/last_page", page)

    def last_plan_section(self) -> int:
        try:
            return int(str(self._qs.value("plan/section", 0)))
        except (TypeError, ValueError):
            return 0

    def set_last_plan_section(self, index: int) -> None:
        self._qs.setValue("plan/section", index)

    def high_contrast(self) -> bool:
        return str(self._qs.value("view/high_contrast", "false")).lower() == "true"

    def set_high_contrast(self, on: bool) -> None:
        self._qs.setValue("view/high_contrast", "true" if on else "false")

    def trainer_mode(self) -> bool:
        """Trainer mode is a property of the laptop (the trainer's), not of a household."""
        return str(self._qs.value("view/trainer_mode", "false")).lower() == "true"

    def set_trainer_mode(self, on: bool) -> None:
        self._qs.setValue("view/trainer_mode", "true" if on else "false")

    def sync(self) -> None:
        self._qs.sync()
