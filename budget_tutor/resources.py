"""Where the shipped data lives: locales, assets and bundled data, in a wheel or a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str, checkout_name: str) -> Path:
    packaged = resources.files("budget_tutor") / name
    if packaged.is_dir():
        return Path(str(packaged))
    # A source checkout or editable install: the folder beside the package.
    return _PACKAGE_DIR.parent / checkout_name


def locales_dir() -> Path:
    """The built-in gettext catalogs (``locales/`` in a checkout, ``_locales`` in a wheel)."""
    return _shipped("_locales", "locales")


def assets_dir() -> Path:
    """Icons, pictures and fonts (``assets/`` in a checkout, ``_assets`` in a wheel)."""
    return _shipped("_assets", "assets")


def data_dir() -> Path:
    """Data files that are part of the package itself (rate tables, sample households)."""
    return _PACKAGE_DIR / "data"


def font_path(bold: bool = False) -> Path:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return assets_dir() / "fonts" / name
