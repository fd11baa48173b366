"""`budget-tutor translations extract|update|compile|check|all` on a copy of the catalogs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from budget_tutor import i18n, translations

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"


@pytest.fixture
def work(tmp_path) -> Path:
    """A translator's folder holding a copy of the shipped catalogs."""
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("*.mo"))
    return target


def entries(path: Path) -> dict[tuple[str, str | None], i18n.RawEntry]:
    po = i18n.parse_po(path.read_bytes())
    return {(e.msgid, e.context): e for e in po.entries if e.msgid and not e.obsolete}


def test_extract_finds_python_strings_with_translator_comments(work):
    assert translations.run(["extract", "--locales", str(work), "--quiet"]) == 0
    pot = entries(work / "budget_tutor.pot")
    assert ("Money from abroad", None) in pot
    assert ("{amount} TJS", "currency format") in pot
    plural = pot[("{count} month", None)]
    assert plural.msgid_plural == "{count} months"
    assert any("Keep {amount}" in c for c in pot[("{amount} TJS", "currency format")].auto_comments)
    assert "python-brace-format" in pot[("Money runs out: {month}", None)].flags
    # "5% of" is prose, not a %-placeholder: no python-format flag for msgfmt to trip on.
    assert all(
        "python-format" not in e.flags for e in pot.values() if not i18n.percent_fields(e.msgid)
    )
    lessons = entries(work / "lessons.pot")
    assert len(lessons) > 100
    assert any(e.locations and e.locations[0].startswith("budget_tutor/lessons/builtin/")
               for e in lessons.values())  # fmt: skip


def test_update_adds_new_strings_and_keeps_translations(work):
    pot = work / "budget_tutor.pot"
    text = pot.read_text(encoding="utf-8")
    pot.write_text(text + '\nmsgid "A brand new button"\nmsgstr ""\n', encoding="utf-8")
    assert translations.run(["update", "--locales", str(work), "--quiet"]) == 0
    for lang in ("tg", "ru"):
        po = entries(work / lang / "LC_MESSAGES" / "budget_tutor.po")
        assert po[("A brand new button", None)].msgstr == ""
        assert po[("Wages", None)].msgstr in ("Маош", "Зарплата")
        headers = i18n.parse_po(
            (work / lang / "LC_MESSAGES" / "budget_tutor.po").read_bytes()
        ).headers
        assert headers["plural-forms"] == i18n.PLURAL_FORMS[lang]
    # The check now fails: one string is untranslated in each language.
    assert translations.run(["check", "--locales", str(work), "--domain", "budget_tutor",
                             "--quiet"]) == 1  # fmt: skip


def test_update_merges_lesson_parts_and_they_win(work):
    parts = work / "tg" / "LC_MESSAGES" / "lessons.d"
    parts.mkdir(exist_ok=True)
    lessons = entries(work / "lessons.pot")
    msgid = next(iter(lessons))[0]
    (parts / "zz-test.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: tg\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        f'msgid "{msgid}"\nmsgstr "МАТНИ САНҶИШӢ"\n',
        encoding="utf-8",
    )
    assert translations.run(["update", "--locales", str(work), "--lang", "tg", "--quiet"]) == 0
    merged = entries(work / "tg" / "LC_MESSAGES" / "lessons.po")
    assert merged[(msgid, None)].msgstr == "МАТНИ САНҶИШӢ"
    assert not merged[(msgid, None)].fuzzy


def test_compile_writes_mo_files_the_app_reads(work):
    assert translations.run(["compile", "--locales", str(work), "--quiet"]) == 0
    for lang in ("tg", "ru"):
        for domain in i18n.DOMAINS:
            assert (work / lang / "LC_MESSAGES" / f"{domain}.mo").is_file()
    i18n.set_override_dir(work)
    i18n.set_language("ru")
    assert i18n._("Wages") == "Зарплата"


def test_installed_app_fills_an_empty_translator_folder(tmp_path, monkeypatch):
    folder = tmp_path / "my-translation"
    folder.mkdir()
    monkeypatch.setenv(i18n.OVERRIDE_ENV, str(folder))
    assert translations.run(["update", "--lang", "tg", "--quiet"]) == 0
    po = folder / "tg" / "LC_MESSAGES" / "budget_tutor.po"
    assert entries(po)[("Wages", None)].msgstr == "Маош"


def test_bad_usage_exits_with_two():
    assert translations.run(["frobnicate"]) == 2
    assert translations.run(["check", "--lang", "de"]) == 2


def test_wrapper_script_runs_the_check(work):
    out = subprocess.run(
        ["bash", str(ROOT / "scripts" / "translations.sh"), "check", "--locales", str(work),
         "--domain", "budget_tutor", "--quiet"],
        capture_output=True, text=True, check=False, cwd=ROOT,
        env={"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"},
    )  # fmt: skip
    assert out.returncode in (0, 1), out.stderr
    assert "check:" in out.stdout + out.stderr


def test_check_reports_a_broken_lesson_part(work):
    parts = work / "ru" / "LC_MESSAGES" / "lessons.d"
    parts.mkdir(exist_ok=True)
    (parts / "zz-broken.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Plural-Forms: {i18n.PLURAL_FORMS["ru"]}\\n"\n\n'
        'msgid "Save {amount} a month"\nmsgstr "Откладывайте {sum} в месяц"\n',
        encoding="utf-8",
    )
    results = translations.cmd_check(
        work, translations.Report(quiet=True), ["ru"], ["lessons"], verbose=False
    )
    assert any("zz-broken.po" in p and "{sum}" in p for r in results for p in r.problems)


def test_fallback_lesson_rule_finds_the_same_strings_as_the_lesson_engine():
    from budget_tutor.lessons.extract import extract_messages

    files = translations._lesson_files(translations.lessons_source_dir())
    assert files
    engine = {m[0] for m in extract_messages(files)}
    rule = {m[0] for m in translations._extract_lessons_by_rule(files)}
    assert rule == engine
