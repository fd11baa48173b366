"""Take screenshots of every screen in Tajik and Russian (and English) at 1366x768 and 1024x768.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py [OUT_DIR]

Starts the real app (``run_app``) on a fresh data folder with the Kulob sample household, walks
every page and a few dialogs, and saves PNGs named ``<lang>-<size>-<screen>.png`` (default
``docs/screenshots/``). In presentation mode (F11, the window at the projector's size) it shows the
lessons page, one step of every type and the trainer's notes window (N). Works with
``QT_QPA_PLATFORM=offscreen`` too.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = {"1366x768": (1366, 768), "1024x768": (1024, 768)}


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    langs = os.environ.get("SHOT_LANGS", "tg,ru").split(",")
    data = Path(tempfile.mkdtemp(prefix="bt-shots-"))
    os.environ["BUDGET_TUTOR_DATA_DIR"] = str(data)
    os.environ.setdefault("BUDGET_TUTOR_SETTINGS_DIR", str(data / "settings"))

    from PySide6.QtWidgets import QApplication

    from budget_tutor import i18n
    from budget_tutor.samples import build_sample, localized
    from budget_tutor.storage import Store

    # The sample household as a family would open it in each language.
    store = Store.open(data)
    households = {}
    for lang in langs:
        i18n.set_language(lang)
        households[lang] = store.create_household(localized(build_sample("karimov-kulob")))
    store.set_setting("language", langs[0])
    store.close()

    from budget_tutor.ui.app import run_app

    run_app(["--lang", langs[0]], exec_loop=False)
    window = run_app.last_window  # type: ignore[attr-defined]
    app = QApplication.instance()
    session = window.session

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
        settle()
        target = widget or window
        path = out / f"{name}.png"
        target.grab().save(str(path))
        print(path)

    def presentation(on: bool, w: int, h: int) -> None:
        """Presentation mode as on a projector of ``w``×``h`` (the screen here may be larger)."""
        session.set_presentation(on)
        settle()
        window.showNormal()
        window.resize(w, h)
        settle()

    def presentation_lessons(prefix: str) -> None:
        """F11: the lessons page, one step of every type, and the trainer's notes window (N)."""
        window.show_page("lessons")
        lessons = window.page("lessons")
        session.set_trainer_mode(True)
        shot(f"{prefix}-presentation-lessons")
        seen: set[str] = set()
        try:
            for lesson in lessons.library.lessons:
                lessons.open_lesson(lesson.id)
                for index, step in enumerate(lesson.steps):
                    kind = step.type
                    if kind == "sort" and len(getattr(step, "groups", ())) > 3:
                        kind = "sort-four-groups"
                    if kind in seen:
                        continue
                    seen.add(kind)
                    lessons.player.show_step(index)
                    shot(f"{prefix}-presentation-step-{kind}")
            lessons.open_lesson("m00-welcome")
            window.presentation.toggle_notes()  # N: the notes, only for the trainer
            presenter = window.presentation.presenter
            if presenter is not None:
                shot(f"{prefix}-presentation-notes", presenter)
                presenter.hide()
        except Exception as exc:  # a screenshot run reports, it does not stop
            print(f"presentation screenshots failed: {exc!r}", file=sys.stderr)
        lessons.show_browser()
        session.set_trainer_mode(False)

    for lang in langs:
        session.set_language(lang)
        settle()
        for size_name, (w, h) in SIZES.items():
            window.showNormal()
            window.resize(w, h)
            prefix = f"{lang}-{size_name}"
            window.stack.setCurrentWidget(window.start_page)
            shot(f"{prefix}-start")
            window.show_households()
            shot(f"{prefix}-households")
            session.open_household(households[lang])
            for key in ("lessons", "plan", "whatif", "progress"):
                window.show_page(key)
                shot(f"{prefix}-{key}")
            plan_page = window.page("plan")
            for section in ("incomes", "expenses", "savings", "debts", "investments", "rates"):
                try:
                    plan_page.show_section(section)
                except (KeyError, ValueError, AttributeError):
                    continue
                shot(f"{prefix}-plan-{section}")
            section = plan_page.section("incomes")
            plan_page.show_section("incomes")
            section.add_line()
            if section.dialog is not None:
                section.dialog.resize(560, 560)
                shot(f"{prefix}-dialog-add-income", section.dialog)
                section.dialog.reject()
            window.show_help()
            if window.help_dialog is not None:
                shot(f"{prefix}-dialog-help", window.help_dialog)
                window.help_dialog.close()
            from budget_tutor.ui.handout_export import HandoutDialog

            handout_dialog = HandoutDialog(session.plan, parent=window)  # the PDF handout's save
            handout_dialog.show()
            shot(f"{prefix}-dialog-handout", handout_dialog)
            handout_dialog.reject()
            window.show_page("plan")
            presentation(True, w, h)
            shot(f"{prefix}-presentation-plan")
            presentation_lessons(prefix)
            presentation(False, w, h)
            window.show_page("lessons")
            lessons = window.page("lessons")
            try:
                # Trainer mode unlocks every lesson and shows the facilitation notes.
                session.set_trainer_mode(True)
                lessons.open_lesson("m02-needs-and-wants")
                shot(f"{prefix}-lesson-m02")
                player = lessons.player
                for step in (2, 4, 6):
                    player.show_step(step)
                    shot(f"{prefix}-lesson-m02-step{step + 1}")
                lessons.show_browser()
                session.set_trainer_mode(False)
            except Exception as exc:  # a screenshot run reports, it does not stop
                print(f"lesson screenshots failed: {exc!r}", file=sys.stderr)
            window.show_page("whatif")
            whatif = window.page("whatif")
            buttons = list(whatif.preset_buttons.values())
            buttons[0].click()
            buttons[2].click()
            shot(f"{prefix}-whatif-presets")
            buttons[0].click()
            buttons[2].click()
    i18n.set_language("en")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
