"""The whole app: first run, language, households, restart, store errors, unexpected errors."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from budget_tutor import i18n
from budget_tutor.model import Household, IncomeKind, Plan
from budget_tutor.storage import DB_NAME, SCHEMA_VERSION, Store
from budget_tutor.ui import app as app_module
from budget_tutor.ui import messages
from budget_tutor.ui.app import EXIT_NOT_STARTED, run_app


def write_catalog(base: Path, lang: str, entries: dict[str, str]) -> None:
    folder = base / lang / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Language: {lang}\\n"',
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
        "",
    ]
    for key, msgstr in entries.items():
        context, _sep, msgid = key.rpartition("|")
        if context:
            lines.append(f'msgctxt "{context}"')
        lines += [f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    (folder / "budget_tutor.po").write_text("\n".join(lines), encoding="utf-8")


def type_text(widget, text: str) -> None:
    """Type any text, Cyrillic too, as key events (QTest.keyClicks only knows Latin-1)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def start(qtbot, tmp_path):
    """Start the app on a data directory without running the event loop; closes it after."""
    windows = []

    def _start(*extra: str, data: Path | None = None):
        data_dir = data or tmp_path / "appdata"
        code = run_app(["--data-dir", str(data_dir), *extra], exec_loop=False)
        if code != 0:
            return None
        window = run_app.last_window
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield _start
    for window in windows:
        _stop(window)


def _stop(window) -> None:
    if window.session.store is not None and getattr(window.session.store, "_conn", 1):
        window.close()
        run_app.last_error_handler.uninstall()
        window.session.store.close()


def test_first_run_asks_language_and_remembers_it(qtbot, start, tmp_path):
    window = start()
    assert window.stack.currentWidget() is window.start_page
    assert not window.toolbar.isVisible()
    qtbot.mouseClick(window.start_page.buttons["ru"], Qt.MouseButton.LeftButton)
    assert i18n.current_language() == "ru"
    assert window.stack.currentWidget() is window.household_page
    assert window.session.store.get_setting("language") == "ru"
    _stop(window)
    i18n.set_language("en")
    window = start()
    assert window.stack.currentWidget() is window.household_page
    assert i18n.current_language() == "ru"
    assert window.language_combo.currentData() == "ru"


def test_create_household_edit_restart_finds_everything(qtbot, start):
    window = start("--lang", "ru")
    hp = window.household_page
    qtbot.mouseClick(hp.new_button, Qt.MouseButton.LeftButton)
    type_text(hp.name_dialog.name_edit, "Семья Рахимовых")
    qtbot.mouseClick(hp.name_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.current_page == "plan"
    plan_page = window.page("plan")
    section = plan_page.section("incomes")
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    d = section.dialog
    d.kind_combo.setCurrentIndex(d.kind_combo.findData(IncomeKind.REMITTANCE))
    d.amount_edit.line_edit.selectAll()
    qtbot.keyClicks(d.amount_edit.line_edit, "1 234,50")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    hid = window.session.household_id
    assert window.session.store.load_plan(hid).incomes[0].schedule.amount == 123450
    assert "Семья Рахимовых" in window.windowTitle()
    assert window.household_label.text() == "Семья Рахимовых"
    window.resize(800, 580)
    window.show_page("whatif")  # a page that may not be installed yet: never a crash
    window.show_page("plan")
    plan_before = window.session.plan
    _stop(window)
    i18n.set_language("en")

    window = start()
    assert window.session.household_id == hid
    assert window.session.plan == plan_before
    assert window.current_page == "plan"
    assert (window.size().width(), window.size().height()) == (800, 580)
    assert i18n.current_language() == "ru"


def test_undo_redo_shortcuts(qtbot, start):
    window = start("--lang", "en")
    store = window.session.store
    hid = store.create_household(Plan(household=Household(name="Undo family", people=2)))
    window.household_page.refresh()
    window.household_page.select(hid)
    qtbot.mouseClick(window.household_page.open_button, Qt.MouseButton.LeftButton)
    window.activateWindow()
    plan = window.session.plan
    window.session.apply_edit(plan.replace(household=Household(name="Undo family", people=7)), "x")
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert store.load_plan(hid).household.people == 2
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert store.load_plan(hid).household.people == 7
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() == "Ctrl+Y"


def test_switching_language_changes_texts(qtbot, start, tmp_path):
    write_catalog(
        tmp_path / "po",
        "ru",
        {
            "navigation|My plan": "Мой план",
            "Households on this computer": "Семьи на этом компьютере",
        },
    )
    i18n.set_override_dir(tmp_path / "po")
    window = start("--lang", "en")
    assert window.nav_actions["plan"].text() == "My plan"
    index = window.language_combo.findData("ru")
    window.language_combo.setCurrentIndex(index)
    window.language_combo.activated.emit(index)
    qtbot.waitUntil(lambda: window.nav_actions["plan"].text() == "Мой план", timeout=3000)
    qtbot.waitUntil(
        lambda: window.household_page.title_label.text() == "Семьи на этом компьютере",
        timeout=3000,
    )
    assert window.session.store.get_setting("language") == "ru"


def test_trainer_mode_and_reload_translations(qtbot, start, tmp_path):
    po = tmp_path / "po"
    write_catalog(po, "ru", {"navigation|My plan": "Мой план"})
    i18n.set_override_dir(po)
    window = start("--lang", "ru")
    assert not window.reload_translations_action.isEnabled()
    window.trainer_action.trigger()
    assert window.session.trainer_mode
    assert window.reload_translations_action.isEnabled()
    write_catalog(po, "ru", {"navigation|My plan": "Мой семейный план"})
    window.reload_translations_action.trigger()
    qtbot.waitUntil(lambda: window.nav_actions["plan"].text() == "Мой семейный план", timeout=3000)


def test_navigation_texts_differ_between_english_and_shipped_russian(qtbot, start):
    i18n.set_language("ru")
    if i18n.pgettext("navigation", "My plan") == "My plan":
        pytest.skip("the shipped Russian catalog has no navigation entries yet")
    i18n.set_language("en")
    window = start("--lang", "en")
    english = [a.text() for a in window.nav_actions.values()]
    window.session.set_language("ru")
    qtbot.waitUntil(
        lambda: [a.text() for a in window.nav_actions.values()] != english, timeout=3000
    )
    russian = [a.text() for a in window.nav_actions.values()]
    assert all(any("а" <= ch.lower() <= "я" for ch in text) for text in russian), russian


def test_household_name_literal_in_title(qtbot, start):
    window = start("--lang", "en")
    evil = "<b>x</b><img src=http://example.com/a.png> [*]"
    hid = window.session.store.create_household(Plan(household=Household(name=evil)))
    window.session.open_household(hid)
    assert window.household_label.textFormat() == Qt.TextFormat.PlainText
    shown = window.household_label.text()  # literal, elided to the toolbar's room
    assert shown == evil or (shown.endswith("…") and evil.startswith(shown[:-1]))
    assert "&lt;b&gt;x&lt;/b&gt;&lt;img" in window.household_label.toolTip()  # whole, literal
    assert "<b>x</b><img src=http://example.com/a.png>" in window.windowTitle()
    assert "[*]" not in window.windowTitle()  # Qt would hide it as a modification mark


def test_help_dialog(qtbot, start):
    window = start("--lang", "en")
    window.help_action.trigger()
    assert window.help_dialog.isVisible()
    assert "Ctrl+Z" in window.help_dialog.text_label.text()


def test_already_open_quit_or_read_only(qtbot, start, tmp_path, monkeypatch):
    data = tmp_path / "appdata"
    holder = Store.open(data)
    hid = holder.create_household(Plan(household=Household(name="Held")))
    holder.set_setting("language", "en")
    asked = []
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: asked.append(a[1]) or 1)
    assert run_app(["--data-dir", str(data)], exec_loop=False) == EXIT_NOT_STARTED
    assert asked == ["Budget Tutor is already open on this computer"]
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: 0)
    window = start(data=data)
    assert window.session.read_only
    window.session.open_household(hid)
    plan = window.session.plan
    assert not window.session.apply_edit(plan.replace(household=Household(name="New")), "x")
    assert not window.page("plan").section("incomes").add_button.isEnabled()
    assert not window.household_page.new_button.isEnabled()
    assert window.session.last_error
    holder.close()


def test_database_too_new_exits_without_touching(qtbot, tmp_path, monkeypatch):
    data = tmp_path / "appdata"
    Store.open(data).close()
    db = data / DB_NAME
    with sqlite3.connect(db) as conn:
        # a plausible newer version (far-off numbers are treated as a damaged header)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    shown = []
    monkeypatch.setattr(messages, "warning", lambda parent, title, text: shown.append(text))
    assert run_app(["--data-dir", str(data)], exec_loop=False) == EXIT_NOT_STARTED
    assert shown and "newer Budget Tutor" in shown[0]
    assert db.read_bytes() == before


def test_damaged_database_offers_the_backup(qtbot, start, tmp_path, monkeypatch):
    data = tmp_path / "appdata"
    store = Store.open(data)
    store.create_household(Plan(household=Household(name="Saved family")))
    store.set_setting("language", "en")
    store.backup("manual")
    store.close()
    (data / DB_NAME).write_bytes(b"this is not a database" * 100)
    for side in ("-wal", "-shm"):
        Path(f"{data / DB_NAME}{side}").unlink(missing_ok=True)
    offered = []

    def choose(parent, title, text, choices, cancel=True):
        offered.append((title, text, choices))
        return 0

    monkeypatch.setattr(messages, "ask_choice", choose)
    window = start(data=data)
    assert offered[0][2][0] == "Restore the backup"
    assert "damaged" in offered[0][1]
    assert [i.name for i in window.session.store.list_households()] == ["Saved family"]
    assert any(p.name.startswith(f"{DB_NAME}.damaged-") for p in data.iterdir())


def test_unexpected_error_is_calm_and_logged_without_family_data(qtbot, start, tmp_path):
    window = start("--lang", "en")
    handler = run_app.last_error_handler
    assert sys.excepthook is handler
    try:
        raise ValueError("Secret Family Name 12345")
    except ValueError:
        handler(*sys.exc_info())
    assert "data is safe" in window.session.last_error
    for h in logging.getLogger("budget_tutor").handlers:
        h.flush()
    log_text = (tmp_path / "appdata" / "logs" / app_module.LOG_FILE).read_text()
    assert "ValueError" in log_text
    assert "Secret Family Name" not in log_text
    assert window.isVisible()  # the app keeps running

    # an error raised inside a Qt slot reaches the same handler
    from PySide6.QtCore import QTimer

    def broken_slot():
        raise RuntimeError("Another Secret 999")

    before = handler.count
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: handler.count == before + 1, timeout=3000)
    for h in logging.getLogger("budget_tutor").handlers:
        h.flush()
    log_text = (tmp_path / "appdata" / "logs" / app_module.LOG_FILE).read_text()
    assert "RuntimeError" in log_text and "Another Secret" not in log_text


def test_text_field_context_menu_is_translated(qtbot, tmp_path):
    write_catalog(
        tmp_path / "po", "tg", {"text menu|&Copy": "&Нусха", "text menu|&Paste": "&Гузоштан"}
    )
    from PySide6.QtWidgets import QLineEdit, QSpinBox

    i18n.set_override_dir(tmp_path / "po")
    i18n.set_language("tg")
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = messages.text_menu_for(edit)
    names = {a.objectName(): a.text() for a in menu.actions() if a.objectName()}
    assert names["edit-copy"].split("\t")[0] == "&Нусха"
    assert names["edit-paste"].split("\t")[0] == "&Гузоштан"
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin_menu = messages.text_menu_for(spin)
    assert any(a.text().startswith("&Нусха") for a in spin_menu.actions())
    assert QApplication.instance() is not None


def test_every_category_and_kind_has_an_icon(qtbot):
    from budget_tutor.model import ExpenseCategory, IncomeKind, InvestmentKind, SavingsKind
    from budget_tutor.ui import icons

    for category in ExpenseCategory:
        assert not icons.category_icon(category).isNull(), category
        assert icons.icon_path(f"cat-{category.value}").is_file()
    for kind in IncomeKind:
        assert not icons.income_icon(kind).isNull(), kind
    for kind in SavingsKind:
        assert not icons.savings_icon(kind).isNull(), kind
    for kind in InvestmentKind:
        assert not icons.investment_icon(kind).isNull(), kind
    for name in ("nav-lessons", "nav-plan", "nav-whatif", "nav-progress", "nav-help"):
        pixmap = icons.icon(name).pixmap(32, 32)
        assert not pixmap.isNull() and pixmap.width() == 32, name
    assert icons.icon("no-such-icon").isNull()  # a missing icon is empty, not an error


def test_plan_section_is_remembered(qtbot, start):
    window = start("--lang", "en")
    hid = window.session.store.create_household(Plan(household=Household(name="Section family")))
    window.session.open_household(hid)
    window.show_page("plan")
    window.page("plan").show_section("debts")
    _stop(window)
    window = start()
    assert window.page("plan").current_section() == "debts"


def test_standard_buttons_use_our_translations(qtbot, tmp_path):
    write_catalog(
        tmp_path / "po", "tg", {"button|OK": "Хуб", "button|Cancel": "Бекор", "button|Yes": "Ҳа"}
    )
    i18n.set_override_dir(tmp_path / "po")
    i18n.set_language("tg")
    box = messages.error_box(None, "<b>not bold</b>")
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] == ["Хуб"]
    assert box.textFormat() == Qt.TextFormat.PlainText
    from PySide6.QtWidgets import QDialogButtonBox

    bb = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(bb)
    messages.translate_button_box(bb)
    assert sorted(b.text() for b in bb.buttons()) == ["Бекор", "Хуб"]


def test_export_plan_file_round_trips(qtbot, start, tmp_path, monkeypatch):
    from budget_tutor.planfile import load_plan_file

    window = start("--lang", "en")
    hid = window.session.store.create_household(
        Plan(household=Household(name='Export "family" / 1', people=3))
    )
    window.session.open_household(hid)
    suggested = []
    target = tmp_path / "exported.json"

    def choose(parent, title, filters, name, suffix):
        suggested.append(name)
        return str(target)

    monkeypatch.setattr(messages, "choose_file_to_save", choose)
    window.export_action.trigger()
    assert suggested == ["Export family 1.json"]
    assert load_plan_file(target) == window.session.plan
    # a folder that cannot be written: a message, no crash
    monkeypatch.setattr(messages, "choose_file_to_save", lambda *a: str(tmp_path / "no" / "x.json"))
    window.export_action.trigger()
    assert window.session.last_error


def test_qt_own_texts_come_from_our_catalog(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from budget_tutor.ui import translator

    # Only the catalog written here, not the shipped ones (which may translate more).
    (tmp_path / "empty").mkdir()
    monkeypatch.setattr(i18n, "built_in_locales_dir", lambda: tmp_path / "empty")

    write_catalog(
        tmp_path / "po",
        "tg",
        {"file dialog|Back": "Ба ақиб", "file dialog|Date changed": "Санаи тағйир"},
    )
    i18n.set_override_dir(tmp_path / "po")
    i18n.set_language("tg")
    translator.install_qt_translator("tg")
    try:
        assert QCoreApplication.translate("QFileDialog", "Back") == "Ба ақиб"
        assert QCoreApplication.translate("QFileSystemModel", "Date Modified") == "Санаи тағйир"
        # not in our catalog: Qt keeps its own text rather than getting a wrong one
        assert QCoreApplication.translate("QFileDialog", "Forward") == "Forward"
        assert QCoreApplication.translate("SomeOtherContext", "Back") == "Back"
        assert QCoreApplication.translate("QShortcut", "Ctrl") == "Ctrl"
        # a reload of the catalogs is seen at once
        write_catalog(tmp_path / "po", "tg", {"file dialog|Back": "Пас"})
        i18n.reload()
        assert QCoreApplication.translate("QFileDialog", "Back") == "Пас"
        # Russian: where our catalog is silent, Qt's own Russian catalog answers
        i18n.set_language("ru")
        translator.install_qt_translator("ru")
        assert QCoreApplication.translate("QFileDialog", "Forward") not in ("", "Forward")
    finally:
        i18n.set_language("en")
        translator.install_qt_translator("en")
    assert QCoreApplication.translate("QFileDialog", "Back") == "Back"


def test_failed_daily_backup_is_said_and_the_app_still_opens(qtbot, start, monkeypatch, tmp_path):
    from budget_tutor.storage import DiskFull, Store

    store = Store.open(tmp_path / "appdata")
    store.create_household(Plan(household=Household(name="Karimovs")))
    store.close()

    def no_space(self, reason):
        raise DiskFull()

    monkeypatch.setattr(Store, "backup", no_space)
    window = start("--lang", "en")
    assert window is not None
    message = window.statusBar().currentMessage()
    assert message.startswith("Today's automatic backup could not be made")
    assert "disk is full" in message.lower()
