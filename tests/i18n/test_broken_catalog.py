"""Issue 6, item 10: broken translations are caught by the check and fall back to English at
runtime, with no attribute or index access performed on the values being formatted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from budget_tutor import i18n, translations
from budget_tutor.i18n import _, ngettext

FIXTURES = Path(__file__).parent / "fixtures"

#: Every broken entry of fixtures/broken_tg.po: (msgid, msgid_plural or None).
BROKEN = [
    ("Goal: {name}, {amount}", None),
    ("Money runs out: {month}", None),
    ("Reached in {month}", None),
    ("Our goals for {month}", None),
    ("Wanted by {month}: {status}", None),
    ("Put into savings: {amount}", None),
    ("Goal reached: {amount}", None),
    ("Enter an amount.", None),
    ("The money runs out in {month}.", None),
    ("Hardest month: {month}", None),
    ("Saved %(amount)s this month", None),
    ("{count} month", "{count} months"),
    ("{count} lesson", "{count} lessons"),
    ("{count} goal", "{count} goals"),
]


class Recorder:
    """A value that records every attribute or item access made on it."""

    accesses: list[str]

    def __init__(self, log: list[str]) -> None:
        object.__setattr__(self, "accesses", log)

    def __getattribute__(self, name: str) -> object:
        if name not in ("accesses", "__class__", "__format__", "__str__", "__repr__"):
            object.__getattribute__(self, "accesses").append(f".{name}")
        elif name == "__class__":
            object.__getattribute__(self, "accesses").append(".__class__")
        return object.__getattribute__(self, name)

    def __getattr__(self, name: str) -> object:
        object.__getattribute__(self, "accesses").append(f"getattr {name}")
        raise AttributeError(name)

    def __getitem__(self, key: object) -> object:
        object.__getattribute__(self, "accesses").append(f"[{key!r}]")
        return "item"

    def __format__(self, spec: str) -> str:
        return "VALUE"

    def __str__(self) -> str:
        return "VALUE"


@pytest.fixture
def only_override(tmp_path, monkeypatch):
    """No built-in catalogs behind the override folder: a rejected entry shows the English."""
    empty = tmp_path / "no-built-in"
    empty.mkdir()
    monkeypatch.setattr(i18n, "built_in_locales_dir", lambda: empty)
    i18n.clear_cache()


def _override(tmp_path: Path, lang: str, source: Path, *, compiled: bool = False) -> Path:
    folder = tmp_path / "override" / lang / "LC_MESSAGES"
    folder.mkdir(parents=True)
    target = folder / "budget_tutor.po"
    shutil.copyfile(source, target)
    if compiled:
        # Written byte for byte (Babel's compiler would silently drop a surplus plural form).
        write_raw_mo(i18n.parse_po(target.read_bytes()), target.with_suffix(".mo"))
        target.unlink()
    return tmp_path / "override"


def write_raw_mo(po: i18n.PoFile, path: Path) -> None:
    """A GNU .mo file holding exactly the entries of ``po`` (fuzzy ones left out)."""
    import struct

    pairs = []
    for e in po.entries:
        if e.fuzzy:
            continue
        key = e.msgid if e.msgid_plural is None else f"{e.msgid}\x00{e.msgid_plural}"
        if e.context:
            key = f"{e.context}\x04{key}"
        value = e.msgstr if isinstance(e.msgstr, str) else "\x00".join(e.msgstr)
        pairs.append((key.encode(), value.encode()))
    pairs.sort()
    n = len(pairs)
    ids_start = 28
    strs_start = ids_start + 8 * n
    data_start = strs_start + 8 * n
    ids_table, strs_table, blob = b"", b"", b""
    for key, _value in pairs:
        ids_table += struct.pack("<2I", len(key), data_start + len(blob))
        blob += key + b"\x00"
    for _key, value in pairs:
        strs_table += struct.pack("<2I", len(value), data_start + len(blob))
        blob += value + b"\x00"
    header = struct.pack("<7I", 0x950412DE, 0, n, ids_start, strs_start, 0, 0)
    path.write_bytes(header + ids_table + strs_table + blob)


def _names(text: str) -> list[str]:
    return [n for n, _c, _s in i18n.brace_fields(text)]


@pytest.mark.parametrize("compiled", [False, True], ids=["po", "mo"])
def test_broken_entries_fall_back_to_english_without_touching_values(
    tmp_path, compiled, only_override
):
    i18n.set_override_dir(_override(tmp_path, "tg", FIXTURES / "broken_tg.po", compiled=compiled))
    i18n.set_language("tg")
    assert _("Wages") == "Маош"  # the good entry of the same file is used
    assert _("Pension") == "Pension"  # fuzzy: ignored
    log: list[str] = []
    assert BROKEN, "the fixture list is empty"
    for msgid, plural in BROKEN:
        if plural is None:
            text = _(msgid)
            assert text == msgid, msgid
            if "%(" in msgid:
                continue  # not a str.format template; only checked for the right placeholders
            values = {n: Recorder(log) for n in _names(msgid)}
            assert text.format(**values) == msgid.format(**values)
        else:
            for n in (1, 2, 5, 21):
                text = ngettext(msgid, plural, n)
                assert text == (msgid if n == 1 else plural), (msgid, n)
                values = {name: Recorder(log) for name in _names(plural)}
                text.format(**values)
    assert log == []
    reported = {p.msgid for p in i18n.problems()}
    for msgid, _plural in BROKEN:
        assert msgid in reported, f"{msgid!r} not reported by i18n.problems()"


def test_the_recorder_does_see_attribute_and_index_access():
    """The instrument works: formatting the broken Tajik texts directly would touch the values."""
    log: list[str] = []
    r = Recorder(log)
    broken = ["Ба даст меояд: {month.__class__}", "Мӯҳлат: {month[0]}"]
    for template in broken:
        template.format(month=r)
    assert ".__class__" in log
    assert "[0]" in log


def test_check_names_every_broken_entry(tmp_path, capsys):
    locales = _override(tmp_path, "tg", FIXTURES / "broken_tg.po")
    result = translations.check_catalog(
        locales / "tg" / "LC_MESSAGES" / "budget_tutor.po", "tg", "budget_tutor", None, []
    )
    text = "\n".join(result.problems)
    for msgid, _plural in BROKEN:
        assert repr(msgid[:60]) in text, f"check does not name {msgid!r}"
    assert any("Pension" in f for f in result.fuzzy)
    assert result.error_count >= len(BROKEN) + 1
    # And the command exits non-zero on it.
    assert translations.run(["check", "--locales", str(locales), "--lang", "tg",
                             "--domain", "budget_tutor"]) == 1  # fmt: skip


def test_bad_plural_header_is_reported_and_plurals_fall_back(tmp_path, only_override):
    i18n.set_override_dir(_override(tmp_path, "ru", FIXTURES / "bad_plural_header_ru.po"))
    i18n.set_language("ru")
    assert _("Wages") == "Зарплата"
    assert [ngettext("{count} month", "{count} months", n) for n in (1, 5)] == [
        "{count} month",
        "{count} months",
    ]
    reasons = " ".join(p.reason for p in i18n.problems())
    assert "Plural-Forms" in reasons
    header_problems = translations.check_header(
        {"language": "ru", "plural-forms": "nplurals=3; plural=n.__class__.__mro__;",
         "content-type": "text/plain; charset=UTF-8", "project-id-version": "x"}, "ru"
    )  # fmt: skip
    assert header_problems and "Plural-Forms" in header_problems[0]


@pytest.mark.parametrize(
    "expression",
    [
        "n.__class__",
        "__import__('os').system('true')",
        "n ? 1",
        "(n",
        "n % 10 == 1 ? 0 : 1 2",
        "lambda: 1",
        "n if n else 1",
        "9" * 400,
    ],
)
def test_unsafe_or_broken_plural_expressions_are_rejected(expression):
    with pytest.raises((ValueError, SyntaxError)):
        i18n.parse_plural_header(f"nplurals=2; plural={expression};")


def test_plural_index_beyond_nplurals_is_rejected():
    with pytest.raises(ValueError):
        i18n.parse_plural_header("nplurals=2; plural=n%10;")


def test_russian_rule_matches_gnu_gettext():
    import gettext

    n_forms, ours = i18n.parse_plural_header(i18n.PLURAL_FORMS["ru"])
    reference = gettext.c2py(i18n.PLURAL_FORMS["ru"].split("plural=", 1)[1].rstrip(";"))
    assert n_forms == 3
    assert all(ours(n) == reference(n) for n in range(0, 3000))


def test_syntax_errors_cost_only_their_entry():
    text = (
        'msgid ""\nmsgstr ""\n"Language: tg\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Wages"\nmsgstr "Маош\n\n'  # unterminated string
        'msgid "Pension"\nmsgstr "Нафақа"\n\n'
        'msgid "Food"\nmsgstr "Хӯрок" trailing\n\n'
        'msgid "Health"\nmsgstr "Саломатӣ"\n'
    )
    po = i18n.parse_po(text.encode())
    problems: list[i18n.CatalogProblem] = []
    cat = i18n.build_catalog("tg", "budget_tutor", "t.po", po.entries, po.plural_header, problems)
    assert cat.get("Pension") == "Нафақа"
    assert cat.get("Health") == "Саломатӣ"
    assert cat.get("Wages") is None
    assert cat.get("Food") is None
    assert len(po.errors) == 2


def test_unreadable_catalog_falls_back_for_the_whole_domain(tmp_path):
    folder = tmp_path / "o" / "tg" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "budget_tutor.po").write_bytes(b'msgid "Wages"\nmsgstr "\xff\xfe bad"\n')
    (folder / "lessons.mo").write_bytes(b"not a mo file at all, just some bytes here")
    i18n.set_override_dir(tmp_path / "o")
    i18n.set_language("tg")  # must not raise
    reasons = [p.reason for p in i18n.problems()]
    assert any("cannot be read" in r for r in reasons)
    # The built-in catalogs still answer.
    assert _("Wages") != "Wages"
