"""Starting the desktop app: the Qt application, the bundled font, the data store (and what to
do when it cannot be opened), the language, and a calm answer to unexpected errors."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from budget_tutor import display_check, i18n, paths
from budget_tutor.i18n import _
from budget_tutor.resources import font_path
from budget_tutor.storage import (
    READ_ONLY_ASKED,
    READ_ONLY_OTHER_INSTANCE,
    READ_ONLY_WRITE_PROTECTED,
    AlreadyOpen,
    DatabaseCorrupt,
    DatabaseTooNew,
    StorageError,
    Store,
    WriteProtected,
)
from budget_tutor.ui import messages, translator

log = logging.getLogger("budget_tutor")

#: Exit codes when the app does not start.
EXIT_NOT_STARTED = 2
LOG_FILE = "budget-tutor.log"

_ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def parse_args(argv: list[str]) -> argparse.Namespace:
    for i, arg in enumerate(argv):  # --lang first: the help and errors below are translated
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else value
        if value in i18n.LANGUAGES:
            i18n.set_language(value)
    i18n.translate_argparse()
    parser = argparse.ArgumentParser(
        prog="budget-tutor",
        add_help=True,
        description=_(
            "Budget Tutor: family budget lessons and planner. Without a command, the app starts."
        ),
    )
    parser.add_argument("--data-dir", type=Path, help=_("folder for the data (portable install)"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of the interface"))
    parser.add_argument(
        "--read-only", action="store_true", help=_("open the data for looking only")
    )
    args, _qt_args = parser.parse_known_args(argv)
    return args


# -- logging: details for the developer, nothing about the family -------------------------------


def setup_logging(data_dir: Path) -> Path | None:
    """A rotating log in ``<data_dir>/logs`` (None if it cannot be written: the app goes on)."""
    try:
        folder = paths.log_dir(data_dir)
        handler = RotatingFileHandler(
            folder / LOG_FILE, maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("budget_tutor")
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return folder / LOG_FILE


def describe_error(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The error's type and where it happened — but not its message, which may quote what a
    family typed (names, amounts)."""
    frames = traceback.extract_tb(tb)
    lines = [f"unexpected error: {exc_type.__module__}.{exc_type.__qualname__}"]
    for frame in frames:
        where = Path(frame.filename)
        short = "/".join(where.parts[-3:])
        lines.append(f"  at {short}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def log_current_error(logger: logging.Logger, what: str) -> None:
    """Log the exception being handled (type and place only, see :func:`describe_error`)."""
    exc_type, exc, tb = sys.exc_info()
    if exc_type is None or exc is None:
        logger.error(what)
        return
    logger.error("%s\n%s", what, describe_error(exc_type, exc, tb))


class ErrorHandler:
    """``sys.excepthook``: log the details, tell the family calmly, keep the app running."""

    def __init__(self, show: Callable[[str], None]) -> None:
        self.show = show
        self.count = 0
        self._inside = False
        self.previous: _ExceptHook = sys.excepthook

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        self.count += 1
        log.error(describe_error(exc_type, exc, tb))
        if self._inside:  # an error while showing the error: log only
            return
        self._inside = True
        try:
            self.show(
                _(
                    "Something went wrong in Budget Tutor. The family's data is safe: "
                    "everything shown as saved is saved. You can go on working; if this "
                    "happens again, restart Budget Tutor."
                )
            )
        except Exception:  # never raise from the hook
            log.error("could not show the error message")
        finally:
            self._inside = False

    def install(self) -> None:
        self.previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous


# -- the application ---------------------------------------------------------------------------


def get_application(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(["budget-tutor", *argv])
    app.setApplicationName("Budget Tutor")
    app.setOrganizationName("budget-tutor")
    return app


def install_font(app: QApplication) -> str | None:
    """Make the bundled font (all Tajik letters) the application font; its family or None."""
    family = None
    for bold in (False, True):
        path = font_path(bold=bold)
        if not path.is_file():
            log.warning("bundled font missing: %s", path.name)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and not bold:
            family = families[0]
    if family:
        font = QFont(family)
        size = app.font().pointSizeF()
        font.setPointSizeF(size if size > 0 else 10.0)
        app.setFont(font)
    return family


def remembered_language(data_dir: Path) -> str | None:
    """The language chosen last time, read from the data without opening it for use, so it
    works while another Budget Tutor holds the data and before a damaged file is looked at.

    While another Budget Tutor runs (its ``-wal`` and ``-shm`` are there), a read-only reader
    sees its latest setting; otherwise only the main file is read (``immutable``: no lock, no
    journal replayed, nothing written beside it)."""
    import sqlite3

    from budget_tutor.storage import DB_NAME
    from budget_tutor.ui.session import LANGUAGE_SETTING

    db = data_dir / DB_NAME
    if not db.is_file():
        return None
    live = Path(f"{db}-wal").is_file() and Path(f"{db}-shm").is_file()
    modes = ("mode=ro", "immutable=1") if live else ("immutable=1",)
    for mode in modes:
        try:
            con = sqlite3.connect(f"{db.resolve().as_uri()}?{mode}", uri=True, timeout=0.5)
            try:
                query = "SELECT value FROM settings WHERE key = ?"
                found = con.execute(query, (LANGUAGE_SETTING,)).fetchone()
            finally:
                con.close()
        except (sqlite3.Error, OSError, ValueError):
            continue
        value = found[0] if found else None
        if value in i18n.LANGUAGES:
            return str(value)
    return None


def open_store(data_dir: Path, read_only: bool = False) -> Store | None:
    """Open the data; on a known problem tell the user and offer what can be done.

    None means the app must not start (the user chose to quit, or nothing can be done).
    """
    try:
        return _offer_newer_backup(Store.open(data_dir, read_only=read_only))
    except WriteProtected as exc:
        log.warning("data directory is write-protected")
        choice = messages.ask_choice(
            None,
            _("The data cannot be written here"),
            str(exc),
            [_("Open read-only"), _("Quit")],
            cancel=False,
        )
        if choice != 0:
            return None
        try:
            return Store.open(data_dir, read_only=True)
        except StorageError as again:
            messages.warning(None, _("Budget Tutor"), str(again))
            return None
    except AlreadyOpen as exc:
        log.warning("data directory already in use")
        choice = messages.ask_choice(
            None,
            _("Budget Tutor is already open on this computer"),
            str(exc),
            [_("Open read-only"), _("Quit")],
            cancel=False,
        )
        if choice != 0:
            return None
        try:
            viewer = Store.open(data_dir, read_only=True)
        except StorageError as again:
            messages.warning(None, _("Budget Tutor"), str(again))
            return None
        if viewer.read_only_reason == READ_ONLY_ASKED:
            viewer.read_only_reason = READ_ONLY_OTHER_INSTANCE
        return viewer
    except DatabaseCorrupt as exc:
        log.error("database damaged; moved aside: %s", exc.damaged_copy is not None)
        return _recover_from_corruption(data_dir, exc)
    except DatabaseTooNew as exc:
        log.error("database made by a newer version (%s)", exc.found)
        messages.warning(None, _("Budget Tutor"), str(exc))
        return None
    except StorageError as exc:
        log.error("cannot open the data: %s", type(exc).__name__)
        messages.warning(None, _("Budget Tutor"), str(exc))
        return None


def _offer_newer_backup(store: Store) -> Store | None:
    """The data opened but holds less than the newest backup (a rolled-back or damaged record
    of changes): offer that backup, as for a damaged file. None: the user chose to quit."""
    offer = store.behind_backup
    if offer is None:
        return store
    log.warning("the data holds less than the newest backup")
    choices = [_("Restore the backup"), _("Keep the data as it is"), _("Quit")]
    choice = messages.ask_choice(
        None, _("A backup holds newer data"), str(offer), choices, cancel=False
    )
    try:
        if choice == 0:
            store.restore(offer.backup)  # the data as it is now is backed up first
            log.info("restored the newest backup: the data was behind it")
        elif choice == 1:
            store.keep_current_data()
        else:
            store.close()
            return None
    except StorageError as again:
        messages.warning(None, _("Budget Tutor"), str(again))
    return store


def read_only_status(store: Store) -> str:
    """The status bar's line for a read-only store: the real reason it is read-only."""
    reason = getattr(store, "read_only_reason", None)
    if reason == READ_ONLY_WRITE_PROTECTED:
        return _(
            "Open read-only: the disk or folder of the data cannot be written, so changes are "
            "not saved."
        )
    if reason == READ_ONLY_ASKED:
        return _("Open read-only, as asked when Budget Tutor was started: changes are not saved.")
    return _("Open read-only: changes are not saved while another Budget Tutor is open.")


def _recover_from_corruption(data_dir: Path, exc: DatabaseCorrupt) -> Store | None:
    backup = exc.newest_backup
    choices = []
    if backup is not None:
        choices.append(_("Restore the backup"))
    if exc.damaged_copy is not None:
        choices.append(_("Start with empty data"))
    choices.append(_("Quit"))
    choice = messages.ask_choice(
        None, _("The data file is damaged"), str(exc), choices, cancel=False
    )
    picked = choices[choice] if 0 <= choice < len(choices) else _("Quit")
    try:
        if backup is not None and picked == _("Restore the backup"):
            store = Store.restore_from_backup(data_dir, backup)
            log.info("restored the newest backup after damage")
            return store
        if picked == _("Start with empty data"):
            return Store.open(data_dir)
    except StorageError as again:
        messages.warning(None, _("Budget Tutor"), str(again))
    return None


def run_app(argv: list[str], *, exec_loop: bool = True) -> int:
    """Start the desktop app and run it until the window closes; the exit code.

    ``exec_loop=False`` builds everything and returns at once (the window stays open in
    ``run_app.last_window`` — for tests and benchmarks).
    """
    args = parse_args(argv)
    problem = display_check.find_problem(os.environ)
    if problem is not None:
        # Before Qt is loaded: Qt's own answer would be an English abort (rc 134).
        i18n.set_language(
            args.lang or display_check.environment_language(os.environ, i18n.LANGUAGES)
        )
        print(display_check.describe(problem), file=sys.stderr)
        return EXIT_NOT_STARTED
    if args.data_dir is not None:
        os.environ[paths.DATA_DIR_ENV] = str(args.data_dir.expanduser().resolve())
    try:
        data_dir = paths.data_dir()
    except OSError as exc:
        i18n.set_language(
            args.lang or display_check.environment_language(os.environ, i18n.LANGUAGES)
        )
        from budget_tutor.safe_write import os_error_reason

        reason = os_error_reason(exc)
        folder = exc.filename or os.environ.get(paths.DATA_DIR_ENV, "")
        # Translators: {folder} is a path; {problem} says why ("the disk is full").
        text = _("Budget Tutor cannot use its data folder {folder}: {problem}")
        print(text.format(folder=folder, problem=reason), file=sys.stderr)
        return EXIT_NOT_STARTED
    setup_logging(data_dir)
    log.info("starting")
    app = get_application(argv)
    install_font(app)
    messages.install_text_menus(app)
    # The questions asked while the data opens (already open, write-protected, damaged) are
    # in the family's language: --lang, else the one remembered in the data, else the system's.
    early = args.lang or remembered_language(data_dir)
    i18n.set_language(early or display_check.environment_language(os.environ, i18n.LANGUAGES))
    translator.install_qt_translator(i18n.current_language())

    store = open_store(data_dir, read_only=args.read_only)
    if store is None:
        log.info("not started")
        return EXIT_NOT_STARTED
    if early is None and i18n.current_language() != i18n.SOURCE_LANGUAGE:
        # No language chosen yet: the start page asks, in the source language as before.
        i18n.set_language(i18n.SOURCE_LANGUAGE)
        translator.install_qt_translator(i18n.SOURCE_LANGUAGE)

    from budget_tutor.ui.main_window import MainWindow
    from budget_tutor.ui.session import LANGUAGE_SETTING, AppSession

    session = AppSession(store)
    handler = ErrorHandler(session.show_error)
    handler.install()
    if args.lang and not session.read_only:
        try:
            store.set_setting(LANGUAGE_SETTING, args.lang)
        except StorageError as exc:
            log.warning("cannot remember the language: %s", type(exc).__name__)
    window = MainWindow(session)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if session.read_only:
        window.statusBar().showMessage(read_only_status(store))
    backup_problem = getattr(store, "auto_backup_error", None)
    if backup_problem is not None:
        # The family's data opened fine; only today's automatic backup could not be made.
        window.statusBar().showMessage(
            _("Today's automatic backup could not be made: {problem}").format(
                problem=str(backup_problem)
            )
        )
    window.show()
    for notice in getattr(store, "notices", ()):
        # what the start found and dealt with (a stale or damaged record of changes kept aside)
        log.warning("at open: %s", type(notice).__name__)
        session.show_error(str(notice))
    run_app.last_window = window  # type: ignore[attr-defined]
    run_app.last_error_handler = handler  # type: ignore[attr-defined]
    if not exec_loop:
        return 0
    try:
        code = app.exec()
    finally:
        handler.uninstall()
        store.close()
        log.info("stopped")
    return int(code)
