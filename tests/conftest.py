"""Shared test setup: Qt offscreen, data in tmp_path, English after every test."""

from __future__ import annotations

import os

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
