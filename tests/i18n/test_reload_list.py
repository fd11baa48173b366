"""Issue 15.7: in trainer mode, Reload translations lists every entry that was not used — file,
line, English text and what is wrong — in the user's language."""

from __future__ import annotations

import re

from budget_tutor import i18n
from budget_tutor.ui.rejected_translations_dialog import translated_reason
from tests.i18n.ui_tour import english_words, start_app, stop_app

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    f'"Plural-Forms: {i18n.PLURAL_FORMS["ru"]}\\n"\n\n'
)


def test_reload_shows_the_rejected_entries_in_russian(qtbot, tmp_path):
    folder = tmp_path / "override" / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "budget_tutor.po"
    po.write_text(
        HEADER
        + 'msgid "Goal: {name}, {amount}"\nmsgstr "Цель: {имя}, {amount}"\n\n'
        + 'msgid "Month"\nmsgstr "<img src=\\"/x.png\\">Месяц"\n\n'
        + 'msgid "{count} month"\nmsgid_plural "{count} months"\n'
        + 'msgstr[0] "{count} месяц"\nmsgstr[1] "{count} месяца"\n',
        encoding="utf-8",
    )
    window = start_app(qtbot, tmp_path / "data", "ru")
    try:
        window.session.set_trainer_mode(True)
        i18n.set_override_dir(tmp_path / "override")
        window.reload_translations()
        dialog = window.rejected_dialog
        assert dialog is not None and dialog.isVisible()
        table = dialog.table
        rows = {
            table.item(r, 2).text(): [table.item(r, c).text() for c in range(4)]
            for r in range(table.rowCount())
        }
        assert set(rows) == {"Goal: {name}, {amount}", "Month", "{count} month"}
        text = po.read_text(encoding="utf-8").split("\n")
        for msgid, (source, line, _english, reason) in rows.items():
            assert source == str(po)
            assert int(line) == text.index(f'msgid "{msgid}"') + 1
            plain = re.sub(r"\{[^}]*\}|<[^>]*>|Plural-Forms", " ", reason)
            assert not english_words(plain), reason
        assert "подстановки отличаются от английского текста" in rows["Goal: {name}, {amount}"][3]
        assert "разметка" in rows["Month"][3]
        assert "форм множественного числа: 2, а в языке их 3" in rows["{count} month"][3]
        headers = [table.horizontalHeaderItem(c).text() for c in range(4)]
        assert headers == ["Файл", "Строка", "Английский текст", "Что не так"]
    finally:
        i18n.set_override_dir(None)
        stop_app(window)
        i18n.set_language("en")


def test_every_reason_the_loader_gives_is_translated():
    i18n.set_language("tg")
    try:
        for reason in (
            "placeholders differ from the English text: missing {a}; unknown {b}",
            "plural form 1: placeholders differ from the English text: missing {count}",
            "has 2 plural forms, the language needs 3",
            "a plural form is empty",
            "syntax error: a string must be in double quotes",
            "the translation adds markup the English text does not have: <b>",
            "bad Plural-Forms header (unexpected token)",
        ):
            shown = translated_reason(reason)
            assert shown != reason
            head = shown.split("(")[0].split(":")[0]
            assert not english_words(head.replace("Plural-Forms", "")), shown
    finally:
        i18n.set_language("en")
