"""The main window: navigation (Lessons, My plan, What if?, Progress), the household's name, the
language switch, Help, presentation and trainer modes."""

from __future__ import annotations

import importlib
import logging
import re
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _, pgettext
from budget_tutor.storage import StorageError
from budget_tutor.ui import icons, messages
from budget_tutor.ui.household_page import HouseholdPage
from budget_tutor.ui.presentation import PresentationController
from budget_tutor.ui.session import LANGUAGE_SETTING, AppSession
from budget_tutor.ui.settings import UiSettings
from budget_tutor.ui.start_page import StartPage

log = logging.getLogger(__name__)

LAST_HOUSEHOLD_SETTING = "last_household"
#: The widest the family's name gets on the toolbar (pixels); narrower when the toolbar is full.
HOUSEHOLD_LABEL_WIDTH = 260
LOCALE_DIR_SETTING = "translator_locale_dir"

#: The navigation: page key, icon, module and class (imported when first shown).
NAV_PAGES = (
    ("lessons", "nav-lessons", "budget_tutor.ui.lessons_page", "LessonsPage"),
    ("plan", "nav-plan", "budget_tutor.ui.plan_page", "PlanPage"),
    ("whatif", "nav-whatif", "budget_tutor.ui.whatif_page", "WhatIfPage"),
    ("progress", "nav-progress", "budget_tutor.ui.progress_page", "ProgressPage"),
)


def plain_title(text: str) -> str:
    """A window title shows ``[*]`` as a modification mark; keep a user's text literal."""
    return text.replace("[*]", "[\u200b*]")


def safe_file_name(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)
    cleaned = " ".join(cleaned.split()).strip(" .")
    return (cleaned or "plan")[:60]


class UnavailablePage(QWidget):
    """Shown for a part of the app whose module is not installed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.label.setText(_("This part of Budget Tutor is not available in this version."))


class HelpDialog(QDialog):
    """A short, translated explanation of the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_label = QLabel(self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(self.text_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text_label.setMargin(8)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 460)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Help"))
        self.text_label.setText(
            "\n\n".join(
                [
                    _("Budget Tutor helps a family plan its money month by month."),
                    _(
                        "Lessons: short lessons with exercises about remittances, spending, "
                        "saving, debts and investments."
                    ),
                    _(
                        "My plan: enter the money that comes in, regular spending, large "
                        "one-off costs, savings and goals, debts and investments. Every "
                        "change is saved at once. Ctrl+Z undoes a change, Ctrl+Y redoes it."
                    ),
                    _(
                        "What if?: try what happens if the rouble falls, the migrant comes "
                        "home, or the family saves a part of each remittance."
                    ),
                    _("Progress: the lessons done and the exercises answered."),
                    _(
                        "F11 switches presentation mode for a projector: full screen and "
                        "larger text. Ctrl+Shift+T switches trainer mode."
                    ),
                    _(
                        "The family's data stays on this computer. A PIN hides a household's "
                        "plan from others on a shared laptop; it is not encryption."
                    ),
                ]
            )
        )
        self.setAccessibleName(self.windowTitle())
        messages.translate_button_box(self.buttons)


class MainWindow(QMainWindow):
    """The application window. Pages are created when first shown."""

    def __init__(
        self,
        session: AppSession,
        settings: UiSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings or UiSettings(getattr(session.store, "data_dir", None))
        self.pages: dict[str, QWidget] = {}
        self.current_page = ""
        self.help_dialog: HelpDialog | None = None
        self.rejected_dialog: QDialog | None = None  # the translations not used, after a reload
        self.presentation = PresentationController(self, session)

        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.start_page = StartPage(session, self)
        self.start_page.language_chosen.connect(self._first_language_chosen)
        self.household_page = HouseholdPage(session, self)
        self.household_page.household_opened.connect(self._household_opened)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.household_page)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self.statusBar()
        # Trainer mode is visible at a glance (it unlocks lessons and shows the trainer notes).
        self.trainer_indicator = QLabel(self)
        self.trainer_indicator.setStyleSheet(
            "QLabel { background: #fff8e1; color: #5d4037; font-weight: bold; padding: 0 8px; }"
        )
        self.trainer_indicator.setVisible(False)
        self.statusBar().addPermanentWidget(self.trainer_indicator)

        session.household_changed.connect(self._on_household_changed)
        session.plan_changed.connect(self._on_plan_changed)
        session.history_changed.connect(self._update_history_actions)
        session.language_changed.connect(self._on_language_changed)
        session.trainer_mode_changed.connect(self._on_trainer_mode)
        session.presentation_changed.connect(self.presentation_action.setChecked)
        session.error_shown.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.setMinimumSize(QSize(800, 560))
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        self._fit_screen()
        if self.settings.trainer_mode():  # remembered on this laptop
            self.session.set_trainer_mode(True)
        if self.settings.high_contrast():
            self.presentation.set_high_contrast(True)
            self.high_contrast_action.setChecked(True)
        self.retranslate_ui()
        self._start()

    # -- building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.nav_group = QActionGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_actions: dict[str, QAction] = {}
        for index, (key, icon_name, _module, _cls) in enumerate(NAV_PAGES):
            action = QAction(icons.icon(icon_name), "", self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _c=False, key=key: self.show_page(key))
            self.nav_group.addAction(action)
            self.nav_actions[key] = action
        self.households_action = QAction(icons.icon("nav-households"), "", self)
        self.households_action.setShortcut(QKeySequence("Ctrl+H"))
        self.households_action.triggered.connect(self.show_households)
        self.new_household_action = QAction(icons.icon("action-add"), "", self)
        self.new_household_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_household_action.triggered.connect(self.new_household)
        self.reset_demo_action = QAction(self)
        self.reset_demo_action.triggered.connect(self.reset_demo)
        self.reset_demo_action.setEnabled(False)
        self.import_action = QAction(icons.icon("action-import"), "", self)
        self.import_action.triggered.connect(self.household_page.import_plan_file)
        self.export_action = QAction(icons.icon("action-export"), "", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_plan_file)
        self.handout_action = QAction(icons.icon("action-export"), "", self)
        self.handout_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.handout_action.triggered.connect(self.save_handout)
        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(self.print_handout)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.undo_action = QAction(icons.icon("action-undo"), "", self)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(self.session.undo)
        self.redo_action = QAction(icons.icon("action-redo"), "", self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.session.redo)
        self.presentation_action = QAction(icons.icon("action-presentation"), "", self)
        self.presentation_action.setCheckable(True)
        self.presentation_action.setShortcut(QKeySequence("F11"))
        self.presentation_action.triggered.connect(self.session.set_presentation)
        self.leave_presentation_action = QAction(self)
        self.leave_presentation_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_presentation_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.leave_presentation_action.triggered.connect(
            lambda: self.session.set_presentation(False)
        )
        self.leave_presentation_action.setEnabled(False)
        self.addAction(self.leave_presentation_action)
        self.high_contrast_action = QAction(self)
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.triggered.connect(self._set_high_contrast)
        self.trainer_action = QAction(self)
        self.trainer_action.setCheckable(True)
        self.trainer_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.trainer_action.triggered.connect(self.session.set_trainer_mode)
        self.reload_translations_action = QAction(self)
        self.reload_translations_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.reload_translations_action.triggered.connect(self.reload_translations)
        self.reload_translations_action.setEnabled(False)
        self.translation_folder_action = QAction(self)
        self.translation_folder_action.triggered.connect(self.choose_translation_folder)
        self.translation_folder_action.setEnabled(False)
        self.backups_action = QAction(self)
        self.backups_action.triggered.connect(self.show_backups)
        self.backups_action.setEnabled(False)
        self.narration_action = QAction(icons.icon("action-record"), "", self)
        self.narration_action.triggered.connect(self.show_narration)
        self.narration_action.setEnabled(False)
        self.trainer_kit_action = QAction(self)
        self.trainer_kit_action.triggered.connect(self.print_trainer_kit)
        self.trainer_kit_action.setEnabled(False)
        self.workshops_action = QAction(self)
        self.workshops_action.triggered.connect(self.show_workshops)
        self.workshops_action.setEnabled(False)
        self.help_action = QAction(icons.icon("nav-help"), "", self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.triggered.connect(self.show_help)
        for action in (self.undo_action, self.redo_action, self.trainer_action):
            self.addAction(action)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.setIconSize(QSize(32, 32))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        for key, *_rest in NAV_PAGES:
            bar.addAction(self.nav_actions[key])
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        # Undo and Redo show their icons only (their tooltips say what they undo): with their
        # long words the toolbar pushed the language selector and Help into its overflow at
        # 1024 pixels in presentation mode.
        for action in (self.undo_action, self.redo_action):
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.household_label = QLabel(bar)
        self.household_label.setTextFormat(Qt.TextFormat.PlainText)  # the family's own name
        self.household_label.setStyleSheet("font-weight: bold; padding: 0 8px;")
        self.household_label.setMaximumWidth(HOUSEHOLD_LABEL_WIDTH)
        bar.addWidget(self.household_label)
        bar.addAction(self.households_action)
        self.language_combo = QComboBox(bar)
        for lang in i18n.LANGUAGES:
            self.language_combo.addItem(icons.icon("nav-language"), i18n.LANGUAGE_NAMES[lang], lang)
        self.language_combo.setMinimumContentsLength(8)
        self.language_combo.activated.connect(self._language_picked)
        bar.addWidget(self.language_combo)
        bar.addAction(self.help_action)
        self.toolbar = bar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menus(self) -> None:
        menubar = self.menuBar()
        self.file_menu = QMenu(self)
        self.file_menu.addAction(self.new_household_action)
        self.file_menu.addAction(self.households_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.handout_action)
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = QMenu(self)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = QMenu(self)
        self.view_menu.addActions(list(self.nav_actions.values()))
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.presentation_action)
        self.view_menu.addAction(self.high_contrast_action)
        self.language_menu = QMenu(self)
        self.language_group = QActionGroup(self)
        for lang in i18n.LANGUAGES:
            action = QAction(i18n.LANGUAGE_NAMES[lang], self)
            action.setCheckable(True)
            action.setData(lang)
            action.triggered.connect(lambda _c=False, lang=lang: self.session.set_language(lang))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
        self.view_menu.addMenu(self.language_menu)
        self.trainer_menu = QMenu(self)
        self.trainer_menu.addAction(self.trainer_action)
        self.trainer_menu.addAction(self.reload_translations_action)
        self.trainer_menu.addAction(self.translation_folder_action)
        self.trainer_menu.addSeparator()
        self.trainer_menu.addAction(self.backups_action)
        self.trainer_menu.addAction(self.narration_action)
        self.trainer_menu.addAction(self.trainer_kit_action)
        self.trainer_menu.addAction(self.workshops_action)
        self.trainer_menu.addAction(self.reset_demo_action)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.help_action)
        for menu in (
            self.file_menu,
            self.edit_menu,
            self.view_menu,
            self.trainer_menu,
            self.help_menu,
        ):
            menubar.addMenu(menu)

    # -- start ------------------------------------------------------------------------------

    def _start(self) -> None:
        try:
            language = self.session.store.get_setting(LANGUAGE_SETTING)
        except StorageError:
            language = None
        if language not in i18n.LANGUAGES:
            self.stack.setCurrentWidget(self.start_page)
            self._update_nav()
            return
        if i18n.current_language() != language:
            self.session.set_language(language, remember=False)
        self._sync_language_widgets()
        folder = self._setting(LOCALE_DIR_SETTING)
        if folder and Path(folder).is_dir() and i18n.override_dir() is None:
            i18n.set_override_dir(folder)
            i18n.reload()
        last = self._setting(LAST_HOUSEHOLD_SETTING)
        reopened = False
        if last and last.isdigit():
            infos = {info.id: info for info in self.household_page.households()}
            info = infos.get(int(last))
            if info is not None and not info.has_pin:
                self.session.open_household(info.id)
                reopened = self.session.household_id == info.id
        if reopened:
            self.show_page(self.settings.last_page())
        else:
            self.show_households()

    def _setting(self, key: str) -> str | None:
        try:
            return self.session.store.get_setting(key)
        except StorageError:
            return None

    def _first_language_chosen(self, lang: str) -> None:
        self.session.set_language(lang)
        self.show_households()

    # -- navigation -------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for ``key``, created (and its module imported) on first use."""
        if key in self.pages:
            return self.pages[key]
        spec = next((p for p in NAV_PAGES if p[0] == key), None)
        if spec is None:
            raise KeyError(key)
        _key, _icon, module_name, class_name = spec
        widget: QWidget
        try:
            module = importlib.import_module(module_name)
            widget = getattr(module, class_name)(self.session)
        except ImportError:
            log.info("%s is not available", module_name)
            widget = UnavailablePage()
        except Exception:  # a broken page must not take the whole app down
            from budget_tutor.ui.app import log_current_error

            log_current_error(log, f"{module_name} failed to start")
            widget = UnavailablePage()
        self.pages[key] = widget
        self.stack.addWidget(widget)
        open_planner = getattr(widget, "open_planner", None)
        if open_planner is not None:  # a lesson's planner task opens My plan at the right place
            open_planner.connect(self.open_planner)
        section_list = getattr(widget, "section_list", None)
        if section_list is not None:  # My plan: come back to the part last looked at
            row = self.settings.last_plan_section()
            if 0 <= row < section_list.count():
                section_list.setCurrentRow(row)
            section_list.currentRowChanged.connect(self.settings.set_last_plan_section)
        return widget

    def show_page(self, key: str) -> None:
        if key not in self.nav_actions:
            key = "plan"
        if self.session.household_id is None:
            self.show_households()
            return
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        self.current_page = key
        self.nav_actions[key].setChecked(True)
        self.settings.set_last_page(key)
        self._update_nav()

    def open_planner(self, section: str, suggestion: dict[str, object]) -> None:
        """Open My plan at ``section`` with a lesson's suggested line ready to add."""
        self.show_page("plan")
        plan_page = self.pages.get("plan")
        opener = getattr(plan_page, "open_suggestion", None)
        if opener is not None:
            opener(section, suggestion)

    def show_households(self) -> None:
        hid = self.session.household_id
        try:
            private = hid is not None and self.session.has_pin(hid)
        except StorageError:
            private = True
        if private:  # back at the chooser a PIN household locks: its pages need the PIN again
            self.session.close_household()
        self.household_page.refresh()
        self.stack.setCurrentWidget(self.household_page)
        self.current_page = "households"
        checked = self.nav_group.checkedAction()
        if checked is not None:
            self.nav_group.setExclusive(False)
            checked.setChecked(False)
            self.nav_group.setExclusive(True)
        self._update_nav()

    def _household_opened(self, _household_id: int) -> None:
        last = self.settings.last_page()
        self.show_page(last if last in self.nav_actions else "plan")

    def _on_household_changed(self, household_id: int) -> None:
        if household_id >= 0:
            try:
                self.session.store.set_setting(LAST_HOUSEHOLD_SETTING, str(household_id))
            except StorageError as exc:
                log.warning("cannot remember the last household: %s", exc)
        elif self.current_page != "households":
            self.show_households()
        self.fit_toolbar()
        self._update_nav()

    def _on_plan_changed(self, _plan: object) -> None:
        self.fit_toolbar()  # the family's name may have changed: it is shown elided to fit
        self._update_history_actions()

    def _update_nav(self) -> None:
        open_ = self.session.household_id is not None
        first_run = self.stack.currentWidget() is self.start_page
        for action in self.nav_actions.values():
            action.setEnabled(open_ and not first_run)
        self.households_action.setEnabled(not first_run)
        self.export_action.setEnabled(open_)
        self.handout_action.setEnabled(open_)
        self.print_action.setEnabled(open_)
        self.import_action.setEnabled(not first_run and not self.session.read_only)
        self.new_household_action.setEnabled(not first_run and not self.session.read_only)
        self.toolbar.setVisible(not first_run)
        self.menuBar().setVisible(not first_run)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.undo_action.setEnabled(self.session.can_undo())
        self.redo_action.setEnabled(self.session.can_redo())
        undo, redo = self.session.undo_description(), self.session.redo_description()
        self.undo_action.setToolTip(
            messages.plain_tooltip(
                _("Undo: {change} (Ctrl+Z)").format(change=undo) if undo else _("Undo (Ctrl+Z)")
            )
        )
        self.redo_action.setToolTip(
            messages.plain_tooltip(
                _("Redo: {change} (Ctrl+Y)").format(change=redo) if redo else _("Redo (Ctrl+Y)")
            )
        )

    def _update_title(self) -> None:
        name = self.session.current_household_name()
        # A long family name is elided on the toolbar; its tooltip holds the whole name.
        room = max(self.household_label.maximumWidth() - 16, 40)
        metrics = self.household_label.fontMetrics()
        self.household_label.setText(metrics.elidedText(name, Qt.TextElideMode.ElideRight, room))
        self.household_label.setToolTip(messages.plain_tooltip(name))
        self.household_label.setAccessibleName(
            _("Household: {name}").format(name=name) if name else _("No household open")
        )
        if name:
            # Translators: the window title, e.g. "Rahimov family — Budget Tutor".
            title = _("{household} — Budget Tutor").format(household=plain_title(name))
        else:
            title = _("Budget Tutor")
        self.setWindowTitle(title)

    # -- language, modes --------------------------------------------------------------------

    def _language_picked(self, index: int) -> None:
        lang = self.language_combo.itemData(index)
        if lang and lang != i18n.current_language():
            self.session.set_language(lang)

    def _on_language_changed(self, _lang: str) -> None:
        self._sync_language_widgets()

    def _sync_language_widgets(self) -> None:
        lang = i18n.current_language()
        index = self.language_combo.findData(lang)
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.setCurrentIndex(index)
        for action in self.language_group.actions():
            action.setChecked(action.data() == lang)

    def _on_trainer_mode(self, on: bool) -> None:
        self.trainer_action.setChecked(on)
        self.trainer_indicator.setVisible(on)
        self.settings.set_trainer_mode(on)
        self.reload_translations_action.setEnabled(on)
        self.translation_folder_action.setEnabled(on)
        self.backups_action.setEnabled(on)
        self.narration_action.setEnabled(on)
        self.trainer_kit_action.setEnabled(on)
        self.workshops_action.setEnabled(on and not self.session.read_only)
        self.reset_demo_action.setEnabled(on and not self.session.read_only)
        self.statusBar().showMessage(
            _("Trainer mode is on.") if on else _("Trainer mode is off."), 4000
        )

    def show_workshops(self) -> None:
        """Trainer mode: workshops, their tests and the group report."""
        from budget_tutor.ui.workshops_dialog import WorkshopsDialog

        dialog = WorkshopsDialog(self.session, self.page("lessons").library, self)
        dialog.finished.connect(dialog.deleteLater)
        self.workshops_dialog = dialog
        dialog.open()

    def show_narration(self) -> None:
        """Trainer mode: which steps are recorded, narration packs."""
        from budget_tutor.ui.narration_dialog import NarrationDialog

        dialog = NarrationDialog(self.session, self.page("lessons").library, self)
        dialog.finished.connect(dialog.deleteLater)
        self.narration_dialog = dialog
        dialog.open()

    def print_trainer_kit(self, folder: str | None = None) -> list[Path]:
        """Trainer mode: the guide and every module's materials as PDFs in a chosen folder, in
        the current language; a confirmation offers to open the folder."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from budget_tutor.i18n import ngettext
        from budget_tutor.safe_write import ExportError
        from budget_tutor.ui import trainer_kit_pdf
        from budget_tutor.ui.handout_export import documents_folder, open_folder

        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self, _("Where to save the trainer's kit"), str(documents_folder())
            )
            if not folder:
                return []
        target = Path(folder) / f"budget-tutor-kit-{i18n.current_language()}"
        library = self.page("lessons").library
        written: list[Path] = []
        try:
            guide = target / "guide.pdf"
            target.mkdir(parents=True, exist_ok=True)
            trainer_kit_pdf.write_guide(guide, library)
            written.append(guide)
            for lesson in library.course_lessons():
                written += trainer_kit_pdf.write_materials(target, lesson.id, library)
        except (ExportError, OSError) as exc:
            text = exc.message() if isinstance(exc, ExportError) else str(exc)
            messages.warning(self, _("The trainer's kit"), text)
            return written
        box = QMessageBox(QMessageBox.Icon.Information, _("The trainer's kit"),
                          ngettext("{count} file saved in {folder}.", "{count} files saved in {folder}.",
                                   len(written)).format(count=len(written), folder=target), parent=self)  # fmt: skip
        open_button = box.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.finished.connect(lambda _r: box.clickedButton() is open_button and open_folder(target))
        self.kit_message = box
        box.open()
        return written

    def show_backups(self) -> None:
        """Trainer mode: the Backups dialog (see, restore, check)."""
        from budget_tutor.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.session, self)
        dialog.restored.connect(self.household_page.refresh)
        dialog.finished.connect(dialog.deleteLater)
        self.backups_dialog = dialog
        dialog.open()

    def reload_translations(self) -> None:
        self.session.reload_translations()
        problems = i18n.problems()
        if problems:
            from budget_tutor.ui.rejected_translations_dialog import RejectedTranslationsDialog

            count = len(problems)
            self.statusBar().showMessage(
                i18n.ngettext(
                    "Translations reloaded; {n} entry was not used (see the list).",
                    "Translations reloaded; {n} entries were not used (see the list).",
                    count,
                ).format(n=count),
                8000,
            )
            if self.rejected_dialog is not None:
                self.rejected_dialog.close()
            self.rejected_dialog = RejectedTranslationsDialog(problems, self)
            self.rejected_dialog.show()
        else:
            self.statusBar().showMessage(_("Translations reloaded."), 4000)

    def choose_translation_folder(self) -> None:
        folder = messages.choose_folder(self, _("Folder with translation files"))
        if not folder:
            return
        i18n.set_override_dir(folder)
        try:
            self.session.store.set_setting(LOCALE_DIR_SETTING, folder)
        except StorageError as exc:
            self.session.show_error(str(exc))
        self.reload_translations()

    def _set_high_contrast(self, on: bool) -> None:
        self.presentation.set_high_contrast(on)
        self.settings.set_high_contrast(on)

    def show_help(self) -> None:
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()

    # -- households -------------------------------------------------------------------------

    def new_household(self) -> None:
        """Ctrl+N from anywhere: the household list with the new-household dialog open."""
        if self.session.read_only or self.stack.currentWidget() is self.start_page:
            return
        self.show_households()
        self.household_page.new_household()

    def reset_demo(self) -> None:
        """Trainer mode: every sample household back as it was at first (after a backup)."""
        from budget_tutor import demo
        from budget_tutor.samples import SAMPLES, localized

        if not self.session.trainer_mode or self.session.read_only:
            return
        store = self.session.store
        plans = {sample_id: localized(build()) for sample_id, build in SAMPLES.items()}
        english = {sample_id: [build().household.name] for sample_id, build in SAMPLES.items()}
        try:
            names = {info.id: info.name for info in store.list_households()}
            affected = sorted(
                {
                    names[hid]
                    for sample_id, plan in plans.items()
                    for hid in demo.sample_households(
                        store, sample_id, [plan.household.name, *english[sample_id]]
                    )
                }
            )
        except StorageError as exc:
            self.session.show_error(str(exc))
            return
        # Translators: one household's name in a list of names, quoted as in your language.
        quoted = _('"{name}"')
        listed = ", ".join(quoted.format(name=name) for name in affected) or "—"
        question = _(
            "Reset the demo? The sample households on this computer ({households}) are put back "
            "as they were at first: their plans, names and scenarios, with no PIN and no lesson "
            "progress. Samples that are missing are added again. Other households are not "
            "changed. A backup is made first, so the reset can be undone by restoring it."
        ).format(households=listed)
        if not messages.confirm(self, _("Reset the demo"), question, danger=True):
            return
        try:
            result = demo.reset_demo(store, plans, english)
        except StorageError as exc:
            self.session.show_error(str(exc))
            self.household_page.refresh()
            return
        if self.session.household_id in result.reset:  # show the fresh plan, a fresh undo
            self.session.open_household(self.session.household_id)
        self.household_page.refresh()
        count = len(result.reset) + len(result.created)
        self.statusBar().showMessage(
            i18n.ngettext(
                "The demo was reset: {n} sample household is as it was at first. A backup was "
                "made first.",
                "The demo was reset: {n} sample households are as they were at first. A backup "
                "was made first.",
                count,
            ).format(n=count),
            8000,
        )

    # -- files ------------------------------------------------------------------------------

    def save_handout(self) -> None:
        from budget_tutor.ui import handout_export

        handout_export.export_pdf_with_dialog(self.session, self)

    def print_handout(self) -> None:
        from budget_tutor.ui import handout_export

        handout_export.print_with_dialog(self.session, self)

    def export_plan_file(self) -> None:
        from budget_tutor.planfile import save_plan_file

        plan = self.session.plan
        if plan is None:
            return
        path = messages.choose_file_to_save(
            self,
            _("Export the plan"),
            messages.plan_file_filters(),
            safe_file_name(plan.household.name) + ".json",
            "json",
        )
        if not path:
            return
        try:
            save_plan_file(path, plan)
        except StorageError as exc:
            self.session.show_error(str(exc))
            return
        except OSError as exc:
            self.session.show_error(
                _("The plan could not be saved as {file}: {reason}").format(
                    file=Path(path).name, reason=exc.strerror or str(exc)
                )
            )
            return
        self.statusBar().showMessage(
            _("The plan was saved as {file}.").format(file=Path(path).name), 6000
        )

    # -- events -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.WindowStateChange:
            full = bool(self.windowState() & Qt.WindowState.WindowFullScreen)
            self.leave_presentation_action.setEnabled(full)
        super().changeEvent(event)

    def _fit_screen(self) -> None:
        """Never larger than the screen (a 1024×768 projector laptop): the first start's size
        and a size remembered from a bigger screen shrink to the screen's free area."""
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        width = min(self.width(), area.width() - frame.width())
        height = min(self.height(), area.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))
            self.move(area.topLeft())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_toolbar()

    def fit_toolbar(self) -> None:
        """Households shows only its icon (its tooltip names it) when the toolbar would not fit
        otherwise (a 1024-pixel projector with the larger font, long translations), so the
        language selector and Help stay on the toolbar instead of in its overflow."""
        button = self.toolbar.widgetForAction(self.households_action)
        if not isinstance(button, QToolButton):
            return
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.household_label.setMaximumWidth(HOUSEHOLD_LABEL_WIDTH)
        self._update_title()
        if self.toolbar.sizeHint().width() > self.width():
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        excess = self.toolbar.sizeHint().width() - self.width()
        if excess > 0:  # then the family's name gives up room (elided, whole in its tooltip)
            width = max(HOUSEHOLD_LABEL_WIDTH - excess - 8, 80)
            self.household_label.setMaximumWidth(width)
            self._update_title()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.presentation:
            self.session.set_presentation(False)
        self.settings.set_geometry(self.saveGeometry())
        if self.current_page in self.nav_actions:
            self.settings.set_last_page(self.current_page)
        self.settings.sync()
        super().closeEvent(event)

    def retranslate_ui(self) -> None:
        nav = {
            # Translators: the four big navigation buttons; short, they sit under icons.
            "lessons": (
                pgettext("navigation", "Lessons"),
                _("Short lessons about the family's money"),
            ),
            "plan": (
                pgettext("navigation", "My plan"),
                _("The family's income, spending, savings and goals"),
            ),
            "whatif": (
                pgettext("navigation", "What if?"),
                _("Try changes and compare what happens"),
            ),
            "progress": (
                pgettext("navigation", "Progress"),
                _("Lessons done and exercises answered"),
            ),
        }
        for key, (text, tip) in nav.items():
            action = self.nav_actions[key]
            action.setText(text)
            action.setToolTip(f"{tip} ({action.shortcut().toString()})")
            action.setStatusTip(tip)
        texts = (
            (self.households_action, _("&Households"), _("Choose another household (Ctrl+H)")),
            (self.new_household_action, _("&New household…"), _("Create a new household (Ctrl+N)")),
            (
                self.reset_demo_action,
                _("Reset the &demo…"),
                _("Put the sample households back as they were at first (a backup is made first)"),
            ),
            (self.import_action, _("&Import a plan file…"), _("Add a household from a plan file")),
            (self.export_action, _("&Export the plan file…"), _("Save this plan to a file")),
            (
                self.handout_action,
                _("Save the &handout as PDF…"),
                _("One or two pages for the family to take home (Ctrl+Shift+P)"),
            ),
            (self.print_action, _("&Print the handout…"), _("Print the family's handout (Ctrl+P)")),
            (self.quit_action, _("&Quit"), _("Close Budget Tutor (Ctrl+Q)")),
            (self.undo_action, _("&Undo"), _("Undo (Ctrl+Z)")),
            (self.redo_action, _("&Redo"), _("Redo (Ctrl+Y)")),
            (
                self.presentation_action,
                _("&Presentation mode"),
                _("Full screen and larger text for a projector (F11)"),
            ),
            (self.leave_presentation_action, _("Leave presentation mode"), ""),
            (self.high_contrast_action, _("High &contrast"), _("Light text on a dark background")),
            (self.trainer_action, _("&Trainer mode"), _("Tools for trainers (Ctrl+Shift+T)")),
            (
                self.reload_translations_action,
                _("&Reload translations"),
                _("Read the translation files again (Ctrl+Shift+R)"),
            ),
            (
                self.translation_folder_action,
                _("Use a &folder of translations…"),
                _("Use .po files from a translator's folder"),
            ),
            (
                self.backups_action,
                _("&Backups…"),
                _("See the backups, restore one, or check the database"),
            ),
            (
                self.narration_action,
                _("&Narration…"),
                _("Which steps have a recording; carry recordings to another laptop"),
            ),
            (
                self.trainer_kit_action,
                _("Print the &trainer's kit…"),
                _("The trainer's guide and every module's cards, worksheets and take-home sheets"),
            ),
            (
                self.workshops_action,
                _("&Workshops…"),
                _(
                    "Participants, attendance, pre- and post-test, the group report, results for the donor"
                ),
            ),
            (self.help_action, _("&Help"), _("How to use Budget Tutor (F1)")),
        )
        for action, text, tip in texts:
            action.setText(text)
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(pgettext("menu", "&Edit"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.trainer_menu.setTitle(_("&Trainer"))
        self.help_menu.setTitle(_("&Help"))
        self.trainer_indicator.setText(_("Trainer mode"))
        self.trainer_indicator.setToolTip(_("Trainer mode is on (Ctrl+Shift+T switches it off)"))
        self.toolbar.setWindowTitle(_("Navigation"))
        self.toolbar.setAccessibleName(_("Navigation"))
        self.language_combo.setToolTip(_("Language of Budget Tutor"))
        self.language_combo.setAccessibleName(_("Language"))
        self.stack.setAccessibleName(_("Current page"))
        # Tool buttons take their accessible names from their actions' texts.
        for action in [*self.nav_actions.values(), self.households_action, self.help_action]:
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", ""))
        for action in (self.undo_action, self.redo_action):
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", ""))
        self._update_title()
        self._update_history_actions()
        self.fit_toolbar()
