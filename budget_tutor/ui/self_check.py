"""``budget-tutor selfcheck``: check this laptop before a workshop.

It starts the real app in a throw-away data folder (offscreen when there is no screen), opens a
sample household, the first lesson, My plan's chart and What if?, and writes a chart picture and
the family handout (PDF) into ``--out``. Each check prints one line in the chosen language; the
exit code is 0 when all passed. The bundle test (``tests/test_bundle.py``) runs it from a copied
bundle with an empty environment::

    budget-tutor selfcheck --lang tg --out ~/check
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from budget_tutor import i18n
from budget_tutor.i18n import _, pgettext


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="budget-tutor selfcheck")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="en")
    parser.add_argument("--out", type=Path, required=True)
    return parser.parse_args(argv)


def run(argv: list[str]) -> int:
    args = _parse(argv)
    no_screen = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and no_screen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out: Path = args.out.expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="budget-tutor-check-") as data:
        return _run_checks(args.lang, out, Path(data))


def _run_checks(lang: str, out: Path, data: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from budget_tutor import samples
    from budget_tutor.ui import app as app_module

    results: list[tuple[bool, str]] = []

    def check(name: str, step: Callable[[], str | None]) -> None:
        try:
            detail = step()
            results.append((True, f"{name}{': ' + detail if detail else ''}"))
        except Exception as exc:  # a check reports, it never stops the others
            results.append((False, f"{name}: {type(exc).__name__}: {exc}"))

    code = app_module.run_app(["--lang", lang, "--data-dir", str(data)], exec_loop=False)
    if code != 0:
        print(_("The app did not start (exit code {code}).").format(code=code), file=sys.stderr)
        return 1
    window = app_module.run_app.last_window  # type: ignore[attr-defined]
    session = window.session
    QApplication.processEvents()

    def language() -> str:
        if i18n.current_language() != lang or i18n.problems():
            raise RuntimeError(
                f"language {i18n.current_language()}, {len(i18n.problems())} problems"
            )
        return _("Money from abroad")

    def household() -> str:
        plan = samples.localized(samples.build_sample("karimov-kulob"))
        household_id = session.store.create_household(plan)
        session.open_household(household_id)
        QApplication.processEvents()
        return plan.household.name

    def lesson() -> str:
        window.show_page("lessons")
        page = window.page("lessons")
        first = page.library.course_lessons()[0]
        page.open_lesson(first.id)
        QApplication.processEvents()
        if page.stack.currentWidget() is not page.player:
            raise RuntimeError("the lesson did not open")
        return i18n.lesson_text(first.title)

    def chart() -> str:
        from budget_tutor.projection import project
        from budget_tutor.ui.handout_export import chart_png

        window.show_page("plan")
        QApplication.processEvents()
        data_png = chart_png(project(session.plan, months=12), i18n.babel_locale())
        target = out / "chart.png"
        target.write_bytes(data_png)
        if not data_png.startswith(b"\x89PNG"):
            raise RuntimeError("not a PNG")
        return str(target)

    def whatif() -> str | None:
        window.show_page("whatif")
        QApplication.processEvents()
        return None

    def handout() -> str:
        from budget_tutor.ui.handout_export import HandoutExport

        target = out / "handout.pdf"
        pages = HandoutExport(session.plan).write_pdf(target)
        return _("{path}, {count} pages").format(path=target, count=pages)

    check(_("Language"), language)
    check(_("Sample household"), household)
    check(_("Lesson"), lesson)
    check(_("Chart"), chart)
    check(pgettext("navigation", "What if?"), whatif)
    check(_("Handout (PDF)"), handout)
    window.close()
    QApplication.processEvents()
    session.store.close()
    for ok, line in results:
        print(("[ok] " if ok else "[FAILED] ") + line)
    passed = all(ok for ok, _line in results)
    print(_("All checks passed.") if passed else _("Some checks failed."))
    return 0 if passed else 1
