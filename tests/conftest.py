"""Shared test setup: Qt offscreen, data in tmp_path, English after every test."""

from __future__ import annotations

import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="run the long sweeps")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long sweep: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path, monkeypatch):
    """Every test gets its own data directory and starts and ends in English."""
    from budget_tutor import i18n

    monkeypatch.setenv("BUDGET_TUTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(i18n.OVERRIDE_ENV, raising=False)
    i18n.set_override_dir(None)
    i18n.set_language("en")
    yield
    i18n.set_override_dir(None)
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _no_unmocked_modal_dialogs(monkeypatch):
    """A modal dialog nobody mocked would wait for a click forever (and a Qt event loop does not
    let pytest-timeout's signal through): make it fail the test at once, naming the dialog.
    Only where Qt is already loaded: the core tests never import it."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None:

        def refuse(self, *args, **kwargs):
            raise AssertionError(
                f"a modal {type(self).__name__} ({self.windowTitle()!r}) was opened in a test "
                "without being mocked"
            )

        for cls in (
            widgets.QDialog,
            widgets.QMessageBox,
            widgets.QFileDialog,
            widgets.QInputDialog,
        ):
            monkeypatch.setattr(cls, "exec", refuse)
    yield
