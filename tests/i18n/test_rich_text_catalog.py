"""Issue 16, item 8: a translator's catalog cannot turn the app's texts into rich text.

Qt renders a text that merely looks like HTML as rich text, so a msgstr such as
``<img src="/some/file">`` would load a local file and restyle a widget. Entries whose msgstr
adds markup the English text does not have are refused when the catalog is loaded (the English,
or the built-in translation behind the override, is shown instead) and named by the check.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from budget_tutor import i18n, translations
from budget_tutor.i18n import _, pgettext

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: tg\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def hostile_catalog(folder: Path, image: Path) -> Path:
    """A translator's override folder whose Tajik msgstrs carry markup."""
    target = folder / "tg" / "LC_MESSAGES"
    target.mkdir(parents=True)
    entries = {
        ("Month", None): f'<img src=\\"{image}\\">Моҳ',
        ("Income", None): '<b style=\\"font-size:60pt\\">Даромад</b>',
        ("Help", "button"): '<a href=\\"file:///etc/passwd\\">Кӯмак</a>',
        ("{count} month", None): None,
    }
    body = HEADER
    for (msgid, ctx), msgstr in entries.items():
        if msgstr is None:
            continue
        if ctx:
            body += f'msgctxt "{ctx}"\n'
        body += f'msgid "{msgid}"\nmsgstr "{msgstr}"\n\n'
    body += (
        'msgid "{count} month"\nmsgid_plural "{count} months"\n'
        'msgstr[0] "{count} <img src=\\"/x.png\\">моҳ"\nmsgstr[1] "{count} моҳ"\n'
    )
    (target / "budget_tutor.po").write_text(body, encoding="utf-8")
    return folder


@pytest.fixture
def hostile(tmp_path):
    image = tmp_path / "canary.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    folder = hostile_catalog(tmp_path / "override", image)
    i18n.set_override_dir(folder)
    i18n.clear_cache()
    i18n.set_language("tg")
    yield folder
    i18n.set_override_dir(None)
    i18n.set_language("en")


def test_markup_in_a_translation_is_refused_at_load(hostile):
    # The built-in Tajik behind the override is used: plain text, no tags.
    for text in (_("Month"), _("Income"), pgettext("button", "Help")):
        assert "<" not in text and text
    assert _("Month") == "Моҳ"
    from budget_tutor.i18n import ngettext

    assert "<" not in ngettext("{count} month", "{count} months", 1)
    refused = {p.msgid for p in i18n.problems() if "markup" in p.reason}
    assert refused == {"Month", "Income", "Help", "{count} month"}


def test_the_check_names_each_entry_with_markup(hostile, capsys):
    po = hostile / "tg" / "LC_MESSAGES" / "budget_tutor.po"
    result = translations.check_catalog(po, "tg", "budget_tutor", None, [])
    lines = po.read_text(encoding="utf-8").split("\n")
    for msgid in ("Month", "Income", "Help", "{count} month"):
        line = lines.index(f'msgid "{msgid}"') + 1
        if msgid == "Help":
            line -= 1  # the entry starts at its msgctxt
        assert any(
            p.startswith(f"{po}:{line}: ") and "the translation adds markup" in p
            for p in result.problems
        ), (msgid, result.problems)


def test_markup_the_english_has_may_stay():
    assert i18n.check_translation("Read <b>this</b> first", "Аввал <b>инро</b> хонед") is None
    assert i18n.check_translation("Read <b>this</b>", "<b>Инро</b> <i>хонед</i>") is not None
    assert i18n.check_translation("a < b, c > d", "а < б, в > г") is None
    assert i18n.check_translation("Month", "<!-- x -->Моҳ") is not None


def test_no_widget_shows_the_hostile_markup(hostile, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from tests.i18n.ui_tour import (
        cyrillic_plan,
        start_app,
        stop_app,
        visible_widgets,
        widget_texts,
    )

    window = start_app(qtbot, tmp_path / "data", "tg")
    try:
        assert i18n.override_dir() == hostile  # the hostile catalog is the one in use
        assert i18n.current_language() == "tg"
        page = window.household_page
        assert page._create_and_open(cyrillic_plan(page.sample_plans()[0])) is not None
        window.session.set_trainer_mode(True)
        for key in ("plan", "whatif", "lessons"):
            window.show_page(key)
            QApplication.processEvents()
            shown = [t for w in visible_widgets(window) for t in widget_texts(w)]
            assert not [t for t in shown if "<img" in t or "font-size:60pt" in t], key
            if key == "plan":  # the texts the hostile catalog targets are on screen
                assert "Даромад" in shown or "Моҳ" in shown, (key, shown[:40])
    finally:
        stop_app(window)
