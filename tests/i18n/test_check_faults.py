"""`translations check` finds each kind of fault a translator can make, with its file and line.

Every test plants one fault in a COPY of the shipped catalogs and looks for it in the report.
The expected line is found by searching the edited text, not by the parser under test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from budget_tutor import translations

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"


@pytest.fixture
def work(tmp_path) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("*.mo"))
    return target


def set_msgstr(path: Path, msgid: str, new: str) -> int:
    """Replace the one-line msgstr of the one-line ``msgid`` entry; its ``msgid`` line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    want = f'msgid "{msgid}"'
    index = lines.index(want)
    assert lines[index + 1].startswith('msgstr "'), lines[index + 1]
    lines[index + 1] = f'msgstr "{new}"'
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def check(work: Path, lang: str, domain: str, capsys) -> tuple[list, str]:
    report = translations.Report()
    results = translations.cmd_check(work, report, [lang], [domain], verbose=True)
    captured = capsys.readouterr()
    return results, captured.err


def test_the_shipped_catalogs_pass_strict(capsys):
    assert translations.run(["check", "--strict", "--quiet", "--locales", str(LOCALES)]) == 0
    out = capsys.readouterr()
    assert "check: 0 errors" in out.out


def test_an_emptied_lesson_entry_is_untranslated(work, capsys):
    part = work / "tg" / "LC_MESSAGES" / "lessons.d" / "m06-saving.po"
    line = set_msgstr(part, "Savings group", "")
    results, err = check(work, "tg", "lessons", capsys)
    assert f"untranslated: {part}:{line}: 'Savings group'" in err
    assert results[0].coverage < 100.0


def test_a_glossary_violation_in_a_lesson_part(work, capsys):
    part = work / "tg" / "LC_MESSAGES" / "lessons.d" / "m06-saving.po"
    line = set_msgstr(part, "Savings group", "Гурӯҳи ҷамъ кардани пул")
    _results, err = check(work, "tg", "lessons", capsys)
    assert f"glossary: {part}:{line}: 'Savings group': 'savings" in err
    assert "should be 'пасандоз'" in err


def test_a_wrong_plural_header_is_reported_first(work, capsys):
    po = work / "ru" / "LC_MESSAGES" / "budget_tutor.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    index = next(i for i, row in enumerate(lines) if row.startswith('"Plural-Forms:'))
    while not lines[index].endswith('\\n"'):  # the header line is wrapped: join it
        lines[index] = lines[index][:-1] + lines.pop(index + 1)[1:]
    lines[index] = '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"'
    po.write_text("\n".join(lines), encoding="utf-8")
    _results, err = check(work, "ru", "budget_tutor", capsys)
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert errors, err
    assert errors[0].startswith(f"error: header: {po}: Plural-Forms should be"), errors[:3]
    # Its consequences (every plural entry "has 3 forms, needs 2") are not listed one by one.
    assert not any("plural forms, the language needs" in line for line in errors), errors[:5]


def test_a_cp1251_file_names_the_line_plainly(work, capsys):
    part = work / "ru" / "LC_MESSAGES" / "lessons.d" / "m06-saving.po"
    text = part.read_text(encoding="utf-8")
    part.write_bytes(text.encode("cp1251", errors="replace"))
    first = next(i for i, row in enumerate(text.split("\n"), 1) if any(ord(c) > 127 for c in row))
    _results, err = check(work, "ru", "lessons", capsys)
    assert f"{part}:{first}: the file is not saved as UTF-8" in err
    assert "codec" not in err and "0x" not in err


def test_a_russian_letter_in_tajik(work, capsys):
    po = work / "tg" / "LC_MESSAGES" / "budget_tutor.po"
    line = set_msgstr(po, "Month", "Мыоҳ")
    _results, err = check(work, "tg", "budget_tutor", capsys)
    assert (
        f"wrong letters: {po}:{line}: 'Month': Russian letter 'ы' in the Tajik word 'Мыоҳ'" in err
    )


def test_a_tajik_letter_in_russian(work, capsys):
    po = work / "ru" / "LC_MESSAGES" / "budget_tutor.po"
    line = set_msgstr(po, "Month", "Меҳсяц")
    _results, err = check(work, "ru", "budget_tutor", capsys)
    assert f"{po}:{line}: 'Month': Tajik letter 'ҳ' in the Russian word 'Меҳсяц'" in err


def test_a_latin_look_alike_inside_a_cyrillic_word(work, capsys):
    po = work / "ru" / "LC_MESSAGES" / "budget_tutor.po"
    line = set_msgstr(po, "Money out", "Pacходы")  # Latin P and a
    _results, err = check(work, "ru", "budget_tutor", capsys)
    assert f"{po}:{line}: 'Money out': Latin letter 'P' inside the Cyrillic word 'Pacходы'" in err


def test_markup_the_english_lacks_is_rejected(work, capsys):
    po = work / "tg" / "LC_MESSAGES" / "budget_tutor.po"
    line = set_msgstr(po, "Month", '<img src=\\"/etc/hostname\\">Моҳ')
    _results, err = check(work, "tg", "budget_tutor", capsys)
    assert f"{po}:{line}: the translation adds markup the English text does not have" in err


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="hunspell is not installed")
def test_a_russian_misspelling(work, capsys):
    po = work / "ru" / "LC_MESSAGES" / "budget_tutor.po"
    line = set_msgstr(po, "Money out", "Рассходы")
    results, err = check(work, "ru", "budget_tutor", capsys)
    if not any(r.spelling for r in results) and "unknown words" not in err:
        pytest.skip("hunspell has no ru_RU dictionary here")
    assert f"spelling: {po}:{line}: 'Money out': unknown word 'Рассходы'" in err
    # A name from the project's word list is not reported.
    assert "'Каримовых'" not in err


def test_no_run_update_advice_after_a_syntax_error(work, capsys):
    po = work / "tg" / "LC_MESSAGES" / "budget_tutor.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    index = lines.index('msgid "Month"')
    lines[index] = 'msgid "Month'  # the closing quote is missing
    po.write_text("\n".join(lines), encoding="utf-8")
    _results, err = check(work, "tg", "budget_tutor", capsys)
    assert f"{po}:{index + 1}: syntax error" in err
    assert "not in the catalog: 'Month'" in err
    assert "run update" not in err
