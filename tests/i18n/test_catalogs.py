"""The shipped catalogs: they compile (Babel and GNU msgfmt), their headers suit Poedit and
Weblate, every translation keeps the English placeholders, Russian has three plural forms,
coverage of tg and ru is complete in both domains, and glossary terms are used consistently."""

from __future__ import annotations

import gettext
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from budget_tutor import i18n, translations

LOCALES = Path(__file__).resolve().parents[2] / "locales"
LANGS = ("tg", "ru")
CATALOGS = [(lang, domain) for lang in LANGS for domain in i18n.DOMAINS]
IDS = [f"{lang}-{domain}" for lang, domain in CATALOGS]
MSGFMT = shutil.which("msgfmt")


def po_file(lang: str, domain: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"


def parsed(lang: str, domain: str) -> i18n.PoFile:
    return i18n.parse_po(po_file(lang, domain).read_bytes(), str(po_file(lang, domain)))


def translated_entries(lang: str, domain: str) -> list[i18n.RawEntry]:
    return [
        e
        for e in parsed(lang, domain).entries
        if e.msgid and not e.obsolete and not e.fuzzy
        and all(e.msgstr if isinstance(e.msgstr, tuple) else (e.msgstr,))
    ]  # fmt: skip


def test_templates_exist_and_are_not_empty():
    for domain in i18n.DOMAINS:
        pot = LOCALES / f"{domain}.pot"
        entries = [e for e in i18n.parse_po(pot.read_bytes()).entries if e.msgid]
        assert len(entries) > 50, pot


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=IDS)
def test_catalog_parses_without_syntax_errors(lang, domain):
    po = parsed(lang, domain)
    assert po.errors == []


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=IDS)
def test_catalog_compiles_with_babel(lang, domain, tmp_path):
    mo = translations.compile_po(po_file(lang, domain), tmp_path / f"{domain}.mo")
    with open(mo, "rb") as fh:
        trans = gettext.GNUTranslations(fh)
    assert trans.info()["language"] == lang


@pytest.mark.skipif(MSGFMT is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=IDS)
def test_msgfmt_check_is_clean(lang, domain, tmp_path):
    out = subprocess.run(
        [MSGFMT, "--check", "-o", str(tmp_path / "x.mo"), str(po_file(lang, domain))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "warning" not in out.stderr, out.stderr


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=IDS)
def test_headers_suit_poedit_and_weblate(lang, domain):
    headers = parsed(lang, domain).headers
    assert translations.check_header(headers, lang) == []
    assert headers["plural-forms"] == i18n.PLURAL_FORMS[lang]
    assert headers["content-type"] == "text/plain; charset=UTF-8"
    assert headers["project-id-version"].startswith("Budget Tutor")


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=IDS)
def test_every_translation_keeps_the_placeholders(lang, domain):
    po = parsed(lang, domain)
    problems: list[i18n.CatalogProblem] = []
    i18n.build_catalog(lang, domain, "x", po.entries, po.plural_header, problems)
    assert [p.describe() for p in problems] == []
    # And, independently of the loader, every msgstr/plural form against the English:
    for e in translated_entries(lang, domain):
        forms = e.msgstr if isinstance(e.msgstr, tuple) else (e.msgstr,)
        english = e.msgid_plural or e.msgid
        for form in forms:
            assert i18n.check_translation(english, form) is None or (
                e.msgid_plural and i18n.check_translation(e.msgid, form) is None
            ), (e.msgid, form)


@pytest.mark.parametrize("domain", i18n.DOMAINS)
def test_plural_entries_have_the_right_number_of_forms(domain):
    for lang, want in (("ru", 3), ("tg", 2)):
        for e in parsed(lang, domain).entries:
            if e.msgid_plural is not None and not e.obsolete:
                assert len(e.msgstr) == want, (lang, e.msgid)


def test_russian_plural_forms_follow_the_numbers():
    i18n.set_language("ru")
    got = [i18n.ngettext("{count} month", "{count} months", n).format(count=n)
           for n in (1, 2, 5, 11, 21, 22, 25, 111)]  # fmt: skip
    assert got == ["1 месяц", "2 месяца", "5 месяцев", "11 месяцев", "21 месяц", "22 месяца",
                   "25 месяцев", "111 месяцев"]  # fmt: skip


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=IDS)
def test_coverage_is_complete(lang, domain):
    """Green only when every English string of the template is translated, none fuzzy."""
    ids = translations.template_keys(LOCALES / f"{domain}.pot")
    assert ids, "empty template"
    result = translations.check_catalog(po_file(lang, domain), lang, domain, ids, [])
    missing = result.untranslated + result.fuzzy
    assert not missing, f"{len(missing)} of {result.total} not translated, e.g.:\n" + "\n".join(
        missing[:15]
    )
    assert result.coverage == 100.0


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=IDS)
def test_glossary_terms_are_used_consistently(lang, domain):
    glossary = translations.read_glossary(LOCALES / "glossary.csv")
    result = translations.check_catalog(po_file(lang, domain), lang, domain, None, glossary)
    assert result.glossary == []


def test_glossary_check_catches_a_term_translated_differently():
    glossary = translations.read_glossary(LOCALES / "glossary.csv")
    terms = {t.english[0] for t in glossary}
    assert {"income", "exchange rate", "savings", "emergency fund", "remittance"} <= terms
    bad = translations.glossary_mismatches(
        glossary, "ru", "Your income this month", "Ваш заработок"
    )
    assert [t.english[0] for t in bad] == ["income"]
    good = translations.glossary_mismatches(glossary, "ru", "Your income this month", "Ваш доход")
    assert good == []
    bad_tg = translations.glossary_mismatches(glossary, "tg", "Emergency fund", "Фонди захира")
    assert [t.english[0] for t in bad_tg] == ["emergency fund"]


@pytest.mark.skipif(MSGFMT is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=IDS)
def test_msgfmt_compiled_catalog_works_like_babels(lang, domain, tmp_path):
    gnu = tmp_path / "gnu.mo"
    subprocess.run([MSGFMT, "-o", str(gnu), str(po_file(lang, domain))], check=True)
    babel = translations.compile_po(po_file(lang, domain), tmp_path / "babel.mo")
    catalogs = []
    for path in (gnu, babel):
        problems: list[i18n.CatalogProblem] = []
        catalogs.append(i18n.load_catalog(path, lang, domain, problems))
        assert problems == []
    a, b = catalogs
    assert a is not None and b is not None
    assert a.messages == b.messages
    assert a.plurals == _translated_plurals(b, lang, domain)
    assert a.messages, "nothing translated"
    # The standard library reads the GNU file to the same texts as our loader.
    with open(gnu, "rb") as fh:
        std = gettext.GNUTranslations(fh)
    for key, text in a.messages.items():
        assert std.gettext(key) == text
    for key, forms in a.plurals.items():
        for n in (1, 2, 5, 21):
            assert std.ngettext(key, key + " (plural)", n) == forms[a.plural_fn(n)]


def _translated_plurals(compiled: i18n.Catalog, lang: str, domain: str) -> dict:
    """Babel's compiler writes an untranslated plural entry with the English texts as its forms;
    drop those (they show English at runtime, as an absent entry does)."""
    english = {
        i18n.entry_key(e.msgid, e.context): (e.msgid, e.msgid_plural)
        for e in parsed(lang, domain).entries
        if e.msgid_plural is not None
    }
    kept = {}
    for key, forms in compiled.plurals.items():
        if key in english and set(forms) <= set(english[key]):
            continue
        kept[key] = forms
    return kept


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=IDS)
def test_mo_and_po_give_the_same_entries(lang, domain, tmp_path):
    mo = translations.compile_po(po_file(lang, domain), tmp_path / "c.mo")
    from_po = i18n.load_catalog(po_file(lang, domain), lang, domain, [])
    from_mo = i18n.load_catalog(mo, lang, domain, [])
    assert from_po is not None and from_mo is not None
    assert from_po.messages == from_mo.messages
    assert from_po.plurals == _translated_plurals(from_mo, lang, domain)


def test_babel_series_is_pinned_for_the_plural_rules():
    import tomllib

    pyproject = tomllib.loads((LOCALES.parent / "pyproject.toml").read_text(encoding="utf-8"))
    deps = pyproject["project"]["dependencies"]
    assert any(d.replace(" ", "").startswith("Babel>=2.17,<2.20") for d in deps)
    from babel.messages.plurals import get_plural

    assert get_plural("tg").num_plurals == 2
    assert get_plural("ru").num_plurals == 3


def test_written_catalog_round_trips_through_babel(tmp_path):
    """The workflow's writer keeps our headers exactly (Babel would write its own)."""
    catalog = translations.read_babel_po(po_file("ru", "budget_tutor"), locale="ru")
    out = tmp_path / "ru.po"
    translations._set_headers(catalog, "ru")
    translations.write_babel_po(out, catalog)
    headers = i18n.parse_po(out.read_bytes()).headers
    assert headers["plural-forms"] == i18n.PLURAL_FORMS["ru"]
    assert headers["language"] == "ru"
    buf = io.BytesIO(out.read_bytes())
    assert b"charset=UTF-8" in buf.getvalue()
