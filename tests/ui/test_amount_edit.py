"""AmountEdit/DecimalEdit: typed in the user's locale, inline translated errors, never a silent 0."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from budget_tutor import i18n
from budget_tutor.ui.amount_edit import AmountEdit, DecimalEdit
from budget_tutor.ui.season_calendar import MonthPicker, SeasonCalendar


def write_catalog(base: Path, lang: str, entries: dict[str, str]) -> None:
    folder = base / lang / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    plural = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Language: {lang}\\n"',
        f'"Plural-Forms: {plural}\\n"',
        "",
    ]
    for msgid, msgstr in entries.items():
        esc_id = msgid.replace('"', '\\"')
        esc_str = msgstr.replace('"', '\\"')
        lines += [f'msgid "{esc_id}"', f'msgstr "{esc_str}"', ""]
    (folder / "budget_tutor.po").write_text("\n".join(lines), encoding="utf-8")


def _type(qtbot, edit, text: str) -> None:
    edit.line_edit.selectAll()
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit.line_edit, text)
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_Return)


def test_russian_amount_with_space_and_comma(qtbot):
    i18n.set_language("ru")
    edit = AmountEdit()
    qtbot.addWidget(edit)
    with qtbot.waitSignal(edit.value_committed) as blocker:
        _type(qtbot, edit, "1 234,50")
    assert blocker.args == [123450]
    assert edit.value() == 123450
    assert edit.error_label.isHidden()
    # shown back the Russian way (no-break space between groups)
    assert edit.line_edit.text().replace("\u00a0", " ").replace("\u202f", " ") == "1 234,50"


def test_bad_text_shows_error_and_keeps_value(qtbot):
    edit = AmountEdit()
    qtbot.addWidget(edit)
    edit.set_value(5000)
    with qtbot.assertNotEmitted(edit.value_committed):
        _type(qtbot, edit, "abc")
    assert edit.value() == 5000
    assert not edit.is_valid()
    assert not edit.error_label.isHidden()
    assert '"abc" is not an amount' in edit.error_label.text()
    assert "abc" in edit.line_edit.accessibleDescription()
    # fixing the text clears the error as soon as it parses
    edit.line_edit.selectAll()
    qtbot.keyClicks(edit.line_edit, "12")
    assert edit.error_label.isHidden()


def test_empty_and_negative_are_rejected_not_zero(qtbot):
    edit = AmountEdit()
    qtbot.addWidget(edit)
    edit.set_value(700)
    _type(qtbot, edit, "")
    assert edit.value() == 700 and "Enter an amount" in edit.error_text()
    _type(qtbot, edit, "-5")
    assert edit.value() == 700 and "below zero" in edit.error_text()


def test_optional_amount_may_be_empty(qtbot):
    edit = AmountEdit(optional=True)
    qtbot.addWidget(edit)
    edit.set_value(100)
    with qtbot.waitSignal(edit.value_committed) as blocker:
        _type(qtbot, edit, "")
    assert blocker.args == [None]


def test_error_message_follows_language_switch(qtbot, tmp_path):
    write_catalog(
        tmp_path / "po",
        "ru",
        {'"{text}" is not an amount. Type digits, for example 1 234,50.': "«{text}» — не сумма."},
    )
    i18n.set_override_dir(tmp_path / "po")
    edit = AmountEdit()
    qtbot.addWidget(edit)
    _type(qtbot, edit, "abc")
    assert "is not an amount" in edit.error_label.text()
    i18n.set_language("ru")
    edit.retranslate_ui()
    assert edit.error_label.text() == "«abc» — не сумма."


def test_valid_value_is_reformatted_for_new_language(qtbot):
    edit = AmountEdit()
    qtbot.addWidget(edit)
    edit.set_value(123450)
    assert edit.line_edit.text() == "1,234.50"
    i18n.set_language("ru")
    edit.retranslate_ui()
    assert edit.line_edit.text().replace("\u00a0", " ").replace("\u202f", " ") == "1 234,50"


def test_decimal_edit_accepts_comma_and_checks_range(qtbot):
    i18n.set_language("tg")
    edit = DecimalEdit(places=4, maximum=Decimal(10))
    qtbot.addWidget(edit)
    _type(qtbot, edit, "0,1234")
    assert edit.value() == Decimal("0.1234")
    assert edit.line_edit.text() == "0,1234"  # shown back with every digit, in Tajik style
    _type(qtbot, edit, "12")
    assert edit.value() == Decimal("0.1234")
    # the message (in Tajik here) quotes what was typed and names the largest value
    assert "12" in edit.error_text() and "10" in edit.error_text()
    assert not edit.error_label.isHidden()
    i18n.set_language("en")
    _type(qtbot, edit, "1.23456")
    assert edit.value() == Decimal("0.1234")
    assert "too many digits" in edit.error_text() and "4" in edit.error_text()


def test_season_calendar_toggles(qtbot):
    cal = SeasonCalendar()
    qtbot.addWidget(cal)
    cal.set_months((1, 2))
    with qtbot.waitSignal(cal.months_changed) as blocker:
        qtbot.mouseClick(cal.buttons[11], Qt.MouseButton.LeftButton)
    assert blocker.args == [(1, 2, 12)]
    assert cal.buttons[0].text() == "Jan"
    i18n.set_language("ru")
    cal.retranslate_ui()
    assert cal.buttons[0].text().lower().startswith("янв")
    assert cal.buttons[11].accessibleName().startswith("декабрь")


def test_month_picker(qtbot):
    picker = MonthPicker()
    qtbot.addWidget(picker)
    picker.year_spin.setValue(2028)
    picker.month_combo.setCurrentIndex(3)
    assert picker.month().iso() == "2028-04"
