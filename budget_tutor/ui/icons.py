"""The UI's icons: simple SVG drawings in ``assets/icons/`` (found in a wheel or a checkout)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from budget_tutor.model import ExpenseCategory, IncomeKind, InvestmentKind, SavingsKind
from budget_tutor.resources import assets_dir


def icon_path(name: str) -> Path:
    return assets_dir() / "icons" / f"{name}.svg"


@cache
def icon(name: str) -> QIcon:
    """The icon ``assets/icons/<name>.svg``; an empty icon (never an error) if it is missing."""
    path = icon_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()


def category_icon(category: ExpenseCategory) -> QIcon:
    return icon(f"cat-{category.value}")


def income_icon(kind: IncomeKind) -> QIcon:
    return icon(f"income-{kind.value}")


def savings_icon(kind: SavingsKind) -> QIcon:
    return icon(f"savings-{kind.value}")


def investment_icon(kind: InvestmentKind) -> QIcon:
    return icon(f"investment-{kind.value}")
