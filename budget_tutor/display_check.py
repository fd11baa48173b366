"""Can Qt show a window here? Answered before Qt is loaded, so that a laptop without a screen or
without one of Qt's system libraries gets a short message in its language and exit code 2, not
Qt's own abort ("could not connect to display … xcb-cursor0 …", rc 134).

Only Linux/BSD desktops need the check: Windows and macOS always have their platform plugin.
"""

from __future__ import annotations

import ctypes.util
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

#: Libraries Qt's xcb (X11) plugin loads, with the Debian package that ships each.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-xkb", "libxcb-xkb1"),
)


@dataclass(frozen=True)
class DisplayProblem:
    """Why no window can be shown: ``no_display`` or ``missing_packages`` (Debian names)."""

    kind: str
    packages: tuple[str, ...] = ()


def find_problem(
    environ: Mapping[str, str],
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
) -> DisplayProblem | None:
    """None when a window can be shown (or the platform is chosen explicitly)."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, vnc…: the user chose; Qt reports its own faults
    wayland = bool(environ.get("WAYLAND_DISPLAY", "").strip()) and not chosen
    if not environ.get("DISPLAY", "").strip() and not wayland:
        return DisplayProblem("no_display")
    if wayland:
        return None
    missing = tuple(pkg for lib, pkg in XCB_LIBRARIES if find_library(lib) is None)
    return DisplayProblem("missing_packages", missing) if missing else None


def describe(problem: DisplayProblem) -> str:
    """The message for the terminal, in the active language."""
    from budget_tutor.i18n import _

    if problem.kind == "no_display":
        return _(
            "Budget Tutor cannot open a window: this computer has no screen it can use "
            "(no display is set). Start it on the desktop, or without a screen with "
            "QT_QPA_PLATFORM=offscreen budget-tutor."
        )
    return _(
        "Budget Tutor cannot open a window: some system libraries are missing. "
        "Install them with: sudo apt-get install {packages}"
    ).format(packages=" ".join(problem.packages))


def environment_language(environ: Mapping[str, str], known: tuple[str, ...]) -> str:
    """The first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` naming a known language
    (``ru_RU.UTF-8`` → ``ru``), else English: for messages shown before the settings are read."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in environ.get(name, "").split(":"):
            code = part.strip().split("_")[0].split(".")[0].lower()
            if code in known:
                return code
    return "en"
