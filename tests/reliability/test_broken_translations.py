"""Battery 10: broken translations.

tests/i18n/test_broken_catalog.py (the i18n helper's) covers the Tajik fixture: renamed and dropped
placeholders, ``{0.__class__}``, ``{month[0]}``, a width of 999999, nested specs, wrong plural
counts, a bad Plural-Forms header — caught by the check, English at runtime, no attribute or index
access. This extends it to the exact figures of the battery in a Russian catalog (three plural
forms): a width of 99999999, ``{x[0]}`` and ``{0.__class__}``, two plural forms instead of three
and four instead of three, and a conversion (``!r``), each in .po and compiled .mo form.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from budget_tutor import i18n, translations
from budget_tutor.i18n import _, ngettext
from tests.i18n.test_broken_catalog import Recorder, _override, only_override  # noqa: F401

PO = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: ru\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "Wages"
msgstr "Зарплата"

msgid "Goal reached: {amount}"
msgstr "Цель достигнута: {amount:>99999999}"

msgid "Put into savings: {amount}"
msgstr "В сбережения: {x[0]} {amount}"

msgid "Money runs out: {month}"
msgstr "{0.__class__} {month}"

msgid "Hardest month: {month}"
msgstr "Самый трудный месяц: {month!r}"

msgid "Saved {amount} of {target}"
msgstr "Накоплено {amount} из {goal}"

msgid "{count} month"
msgid_plural "{count} months"
msgstr[0] "{count} месяц"
msgstr[1] "{count} месяца"

msgid "{count} lesson"
msgid_plural "{count} lessons"
msgstr[0] "{count} урок"
msgstr[1] "{count} урока"
msgstr[2] "{count} уроков"
msgstr[3] "{count} уроков!"

msgid "{count} goal"
msgid_plural "{count} goals"
msgstr[0] "{count} цель"
msgstr[1] "{count.real} цели"
msgstr[2] "{count} целей"
"""

SINGLE = [
    "Goal reached: {amount}",
    "Put into savings: {amount}",
    "Money runs out: {month}",
    "Hardest month: {month}",
    "Saved {amount} of {target}",
]
PLURAL = [
    ("{count} month", "{count} months"),
    ("{count} lesson", "{count} lessons"),
    ("{count} goal", "{count} goals"),
]


@pytest.fixture
def broken_ru(tmp_path: Path) -> Path:
    source = tmp_path / "broken_ru.po"
    source.write_text(PO, encoding="utf-8")
    return source


def test_the_check_names_every_broken_entry(broken_ru: Path, tmp_path: Path) -> None:
    locales = _override(tmp_path, "ru", broken_ru)
    result = translations.check_catalog(
        locales / "ru" / "LC_MESSAGES" / "budget_tutor.po", "ru", "budget_tutor", None, []
    )
    text = "\n".join(result.problems)
    for msgid in [*SINGLE, *(m for m, _p in PLURAL)]:
        assert repr(msgid[:60]) in text, f"the check does not name {msgid!r}"
    assert "Wages" not in text
    command = ["check", "--locales", str(locales), "--lang", "ru", "--domain", "budget_tutor"]
    assert translations.run(command) == 1


@pytest.mark.parametrize("compiled", [False, True], ids=["po", "mo"])
def test_runtime_falls_back_to_english_touching_nothing(
    broken_ru: Path,
    tmp_path: Path,
    compiled: bool,
    only_override: None,  # noqa: F811
) -> None:
    i18n.set_override_dir(_override(tmp_path, "ru", broken_ru, compiled=compiled))
    i18n.set_language("ru")
    assert _("Wages") == "Зарплата"
    log: list[str] = []
    for msgid in SINGLE:
        text = _(msgid)
        assert text == msgid
        names = [n for n, _c, _s in i18n.brace_fields(msgid)]
        text.format(**{n: Recorder(log) for n in names})
    for msgid, plural in PLURAL:
        for n in (1, 2, 5, 11, 21, 22, 25):
            text = ngettext(msgid, plural, n)
            assert text == (msgid if n == 1 else plural), (msgid, n, text)
            text.format(count=Recorder(log))
    assert log == []
    reported = {p.msgid for p in i18n.problems()}
    assert set(SINGLE) <= reported


def test_a_storage_message_is_translated_with_its_reason(
    tmp_path: Path,
    only_override: None,  # noqa: F811
) -> None:
    """A refused backup's message names the reason in the reader's language too (the reason was
    English inside a Russian sentence)."""
    from budget_tutor import storage
    from budget_tutor.storage import Store

    po = tmp_path / "ru.po"
    po.write_text(
        PO.split("\n\n")[0]
        + "\n\n"
        + 'msgid "'
        + storage._MSG_BAD_BACKUP.replace('"', '\\"')
        + '"\n'
        + 'msgstr "Резервную копию «{path}» нельзя использовать: {reason}."\n\n'
        + 'msgid "it is damaged"\nmsgstr "она повреждена"\n',
        encoding="utf-8",
    )
    i18n.set_override_dir(_override(tmp_path, "ru", po))
    i18n.set_language("ru")
    with Store.open(tmp_path / "data") as store:
        info = store.backup("manual")
        raw = bytearray(info.path.read_bytes())
        raw[4096:4104] = b"\xff" * 8  # the second page's b-tree header
        info.path.write_bytes(bytes(raw))
        with pytest.raises(storage.StorageError) as refused:
            store.restore(info)
    message = refused.value.user_message()
    assert message.startswith("Резервную копию") and message.endswith("она повреждена."), message
