"""The one object every page shares: the open store, the current household and its plan.

Pages never talk to the store behind the session's back for plan edits: they build a new
:class:`~budget_tutor.model.Plan` and call :meth:`AppSession.apply_edit`, which saves it at once
(one transaction), remembers the previous plan for undo and tells every page with
:attr:`AppSession.plan_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from budget_tutor import i18n, samples
from budget_tutor.history import PlanHistory
from budget_tutor.i18n import _
from budget_tutor.model import Plan

if TYPE_CHECKING:
    from budget_tutor.pin_guard import PinGuard
    from budget_tutor.storage import Store

#: Font scale in presentation (projector) mode.
PRESENTATION_SCALE = 1.5
LANGUAGE_SETTING = "language"


def _storage_errors() -> tuple[type[BaseException], ...]:
    """The storage errors a user can meet (imported late: the session must load without them)."""
    try:
        from budget_tutor.storage import StorageError
    except ImportError:  # pragma: no cover - only while the storage module is being written
        return (OSError,)
    return (StorageError, OSError)


class _ReadOnly(Exception):
    """Raised by the history's save when the app is open read-only."""


class AppSession(QObject):
    """State shared by the main window and its pages."""

    plan_changed = Signal(object)  # the new Plan, after every edit/undo/redo/household switch
    household_changed = Signal(int)  # household id (-1: none open)
    language_changed = Signal(str)  # after i18n.set_language + QEvent.LanguageChange posted
    presentation_changed = Signal(bool)  # presentation (projector) mode on/off
    trainer_mode_changed = Signal(bool)
    #: Undo/redo availability changed (an addition to the contract, for the Edit menu).
    history_changed = Signal()
    #: A message was shown to the user (an addition: tests and the status bar read it).
    error_shown = Signal(str)

    def __init__(
        self, store: Store, parent: QObject | None = None, *, read_only: bool | None = None
    ):
        super().__init__(parent)
        self.store = store
        self.read_only = (
            bool(getattr(store, "read_only", False)) if read_only is None else read_only
        )
        self.household_id: int | None = None
        self.plan: Plan | None = None
        self.presentation = False
        self.trainer_mode = False
        self.high_contrast = False
        self.font_scale = 1.0
        self.last_error: str | None = None
        #: The last edit that could not be saved (plan, description), kept so that it can be
        #: saved again once the problem (a full disk) is solved; None after a successful save.
        self.failed_edit: tuple[Plan, str] | None = None
        #: Undo/redo of the open household's plan (core :class:`PlanHistory`); None: none open.
        self.history: PlanHistory | None = None
        self._boxes: list[QWidget] = []  # open non-modal message boxes (kept alive)
        self._pin_guard: PinGuard | None = None

    # -- households ---------------------------------------------------------------------------

    @property
    def pin_guard(self) -> PinGuard:
        """Checks PINs with a growing wait after wrong tries (core :class:`PinGuard`)."""
        if self._pin_guard is None:
            from budget_tutor.pin_guard import PinGuard

            self._pin_guard = PinGuard(self.store)
        return self._pin_guard

    def has_pin(self, household_id: int) -> bool:
        """Whether the household is behind a PIN (a store without PINs: never)."""
        lookup = getattr(self.store, "household", None)
        if lookup is None:
            return False
        return bool(lookup(household_id).has_pin)

    def pin_allows(self, household_id: int, pin: str | None) -> bool:
        """True when the household has no PIN or ``pin`` opens it now (wrong tries count and
        slow the next ones down); otherwise the user is told why and the result is False."""
        try:
            if not self.has_pin(household_id):
                return True
            if pin is None:
                self.show_error(_("This household has a PIN. Enter it first."))
                return False
            result = self.pin_guard.try_pin(household_id, pin)
        except _storage_errors() as exc:
            self.show_error(str(exc))
            return False
        if not result.ok:
            self.show_error(_("That PIN is not right. Try again."))
        return result.ok

    def open_household(self, household_id: int, *, pin: str | None = None) -> None:
        """Load a household's plan and make it current (the undo history starts afresh).
        A household with a PIN opens only with its ``pin``."""
        if not self.pin_allows(household_id, pin):
            return
        try:
            plan = self.store.load_plan(household_id)
        except _storage_errors() as exc:
            self.show_error(str(exc))
            return
        self.household_id = household_id
        self.failed_edit = None
        self.history = PlanHistory(plan, self._store_plan)
        self.plan = plan = samples.follow_language(plan)  # a sample's texts in this language
        self.household_changed.emit(household_id)
        self.plan_changed.emit(plan)
        self.history_changed.emit()

    def close_household(self) -> None:
        """Back to the household chooser: nothing of this household stays in the session."""
        if self.household_id is None:
            return
        self.household_id = None
        self.plan = None
        self.failed_edit = None
        self.history = None
        self.household_changed.emit(-1)
        self.history_changed.emit()

    def current_household_name(self) -> str:
        return self.plan.household.name if self.plan is not None else ""

    # -- editing ------------------------------------------------------------------------------

    def _store_plan(self, plan: Plan) -> None:
        """The history's save: store ``plan`` for the open household, or raise."""
        if self.household_id is None or self.read_only:
            raise _ReadOnly
        self.store.save_plan(self.household_id, plan)

    def _move(self, step: Callable[[PlanHistory], object]) -> bool:
        """Run one history move (edit, undo, redo); on a failed save the user sees why and the
        history is unchanged (the core commits only after the store saved)."""
        history = self.history
        if history is None:
            return False
        try:
            step(history)
        except _ReadOnly:
            self.show_error(_("Budget Tutor is open read-only, so this change cannot be saved."))
            return False
        except _storage_errors() as exc:
            self.show_error(str(exc))
            return False
        if history.plan is not self.plan:
            self.plan = samples.follow_language(history.plan)
            self.plan_changed.emit(self.plan)
            self.history_changed.emit()
        return True

    def apply_edit(self, new_plan: Plan, description: str) -> bool:
        """Save ``new_plan`` now, remember the old one for undo and tell every page.

        On a storage error the user sees a translated message, the plan stays as stored, the
        edit is kept in :attr:`failed_edit` (:meth:`retry_failed_edit` saves it again) and the
        result is False.
        """
        if self.plan is None or self.history is None:
            return False
        if self._move(lambda h: h.apply(new_plan, description)):
            self.failed_edit = None
            return True
        self.failed_edit = (new_plan, description)
        return False

    def retry_failed_edit(self) -> bool:
        """Save the edit that could not be saved again (after space was freed); True if saved."""
        if self.failed_edit is None:
            return False
        plan, description = self.failed_edit
        return self.apply_edit(plan, description)

    def can_undo(self) -> bool:
        return self.history is not None and self.history.can_undo()

    def can_redo(self) -> bool:
        return self.history is not None and self.history.can_redo()

    def undo_description(self) -> str:
        return self.history.undo_description() if self.history is not None else ""

    def redo_description(self) -> str:
        return self.history.redo_description() if self.history is not None else ""

    def undo(self) -> None:
        self._move(PlanHistory.undo)

    def redo(self) -> None:
        self._move(PlanHistory.redo)

    # -- language and modes -------------------------------------------------------------------

    @property
    def language(self) -> str:
        return i18n.current_language()

    def set_language(self, lang: str, *, remember: bool = True) -> None:
        """Switch every text of the running app to ``lang`` and remember the choice."""
        from budget_tutor.ui import translator

        i18n.set_language(lang)
        broadcast = translator.swap_qt_translators(lang)
        if remember:
            try:
                self.store.set_setting(LANGUAGE_SETTING, lang)
            except _storage_errors() as exc:
                self.show_error(str(exc))
        if not broadcast:  # no Qt translator changed, so Qt sent nothing: tell the widgets
            translator.post_language_change()
        self.language_changed.emit(lang)
        if self.plan is not None:  # a sample's texts follow the language until edited
            followed = samples.follow_language(self.plan)
            if followed is not self.plan:
                self.plan = followed
                self.plan_changed.emit(followed)

    def reload_translations(self) -> None:
        """Read the catalogs again (a translator edited a ``.po``) and redraw every text."""
        from budget_tutor.ui import translator

        i18n.reload()
        translator.post_language_change()
        self.language_changed.emit(i18n.current_language())

    def set_presentation(self, on: bool) -> None:
        if on == self.presentation:
            return
        self.presentation = on
        self.font_scale = PRESENTATION_SCALE if on else 1.0
        self.presentation_changed.emit(on)

    def set_trainer_mode(self, on: bool) -> None:
        if on == self.trainer_mode:
            return
        self.trainer_mode = on
        self.trainer_mode_changed.emit(on)

    # -- messages -----------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        """A calm message box that does not block (safe in tests); also kept in ``last_error``."""
        from budget_tutor.ui import messages

        self.last_error = message
        self.error_shown.emit(message)
        if QCoreApplication.instance() is None or not isinstance(
            QCoreApplication.instance(), QApplication
        ):
            return
        self._boxes = [b for b in self._boxes if shiboken6.isValid(b) and b.isVisible()]
        if any(getattr(b, "text", lambda: None)() == message for b in self._boxes):
            return  # the same message is already on screen
        box = messages.error_box(QApplication.activeWindow(), message)
        self._boxes.append(box)
        box.open()
