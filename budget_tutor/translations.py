"""The translator workflow: ``budget-tutor translations extract|update|compile|check|all``.

It works in a source checkout and in an installed app alike:

* ``extract`` reads the English strings from the package's Python sources (domain
  ``budget_tutor``) and from the built-in lesson files (domain ``lessons``) into
  ``<locales>/budget_tutor.pot`` and ``<locales>/lessons.pot``;
* ``update`` brings every ``<locales>/<lang>/LC_MESSAGES/<domain>.po`` in line with its template
  (new strings appear untranslated, changed ones fuzzy, removed ones dropped) and, for lessons,
  merges the per-lesson files ``lessons.d/*.po`` into ``lessons.po``;
* ``compile`` writes the ``.mo`` beside each ``.po``;
* ``check`` reports, per language and domain, coverage, untranslated and fuzzy entries,
  placeholder mismatches, rich-text markup the English lacks, wrong plural counts, header
  problems (first), letters of the wrong alphabet (Russian-only letters in Tajik, Tajik letters in
  Russian, Latin look-alikes inside Cyrillic words), glossary terms translated differently,
  Russian spelling (hunspell with ``ru_RU``, when installed, against ``spelling-ru.txt``) and
  obsolete entries; the per-lesson files ``lessons.d/*.po`` are checked as fully as the rest. It
  exits with 1 when it found errors (2 for bad usage).

``<locales>`` is ``--locales DIR``, else ``$BUDGET_TUTOR_LOCALE_DIR``, else the built-in folder.
A translator with an installed app points ``BUDGET_TUTOR_LOCALE_DIR`` at an empty folder and runs
``update``: the folder is filled with copies of the built-in catalogs, ready to edit.

This is a tool for translators and developers: its own messages are in English.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import struct
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from budget_tutor import i18n

PROJECT = "Budget Tutor"
VERSION = "0.1.0"
BUGS_ADDRESS = "translators@budget-tutor.invalid"
TRANSLATED_LANGUAGES: tuple[str, ...] = ("tg", "ru")
#: Names that stay as they are in every language (not checked against the glossary).
PROPER_NAMES: tuple[str, ...] = ("Budget Tutor", "budget-tutor")
KEYWORDS = ["_", "N_", "NP_:1c,2", "gettext", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3"]
COMMENT_TAGS = ["Translators:"]
LANGUAGE_TEAMS = {
    "tg": "Tajik <tg@budget-tutor.invalid>",
    "ru": "Russian <ru@budget-tutor.invalid>",
}

#: Keys of the lesson file format whose string values are translated (see docs/lesson-format.md).
LESSON_TEXT_KEYS = frozenset(
    {"title", "summary", "text", "question", "feedback", "label", "prompt", "solution",
     "trainer_notes"}
)  # fmt: skip


def package_dir() -> Path:
    return Path(i18n.__file__).resolve().parent


def default_locales_dir() -> Path:
    env = os.environ.get(i18n.OVERRIDE_ENV)
    return Path(env) if env else i18n.built_in_locales_dir()


def glossary_path(locales: Path) -> Path:
    own = locales / "glossary.csv"
    return own if own.is_file() else i18n.built_in_locales_dir() / "glossary.csv"


# --------------------------------------------------------------------------------------------
# catalogs (Babel) helpers
# --------------------------------------------------------------------------------------------


def _new_catalog(locale: str | None, domain: str) -> Any:
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        locale=locale,
        domain=domain,
        project=PROJECT,
        version=VERSION,
        msgid_bugs_address=BUGS_ADDRESS,
        copyright_holder="Budget Tutor translators",
        language_team=LANGUAGE_TEAMS.get(locale or "", "LANGUAGE <LL@li.org>"),
        charset="utf-8",
        fuzzy=False,
    )
    return catalog


def read_babel_po(path: Path, locale: str | None = None) -> Any:
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        return read_po(fh, locale=locale, abort_invalid=False)


def _fix_flags(catalog: Any) -> None:
    """``python-brace-format`` on strings with ``{name}`` fields, ``python-format`` only on real
    %-placeholders (Babel also flags prose like "5% of"), so ``msgfmt --check`` checks the right
    thing."""
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        try:
            braces = any(i18n.brace_fields(text) for text in ids)
        except i18n.PlaceholderError:
            braces = False
        percents = any(i18n.percent_fields(text) for text in ids)
        message.flags.discard("python-format")
        message.flags.discard("python-brace-format")
        if braces:
            message.flags.add("python-brace-format")
        if percents:
            message.flags.add("python-format")


def _set_headers(catalog: Any, lang: str | None) -> None:
    catalog.project = PROJECT
    catalog.version = VERSION
    catalog.msgid_bugs_address = BUGS_ADDRESS
    catalog.charset = "utf-8"
    catalog.fuzzy = False
    if not isinstance(catalog.revision_date, datetime):
        catalog.revision_date = datetime.now(UTC)
    if not catalog.last_translator or "FULL NAME" in catalog.last_translator:
        catalog.last_translator = f"Budget Tutor translators <{BUGS_ADDRESS}>"
    if lang:
        catalog.language_team = LANGUAGE_TEAMS.get(lang, catalog.language_team)
        nplurals, expr = _plural_parts(lang)
        catalog._num_plurals = nplurals
        catalog._plural_expr = expr


def _plural_parts(lang: str) -> tuple[int, str]:
    m = re.match(r"nplurals=(\d+); plural=(.+);$", i18n.PLURAL_FORMS[lang])
    assert m is not None
    return int(m.group(1)), m.group(2)


def write_babel_po(path: Path, catalog: Any, *, template: bool = False) -> None:
    """Write a catalog atomically, with headers Poedit and Weblate expect."""
    from babel.messages.pofile import write_po

    _fix_flags(catalog)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=False, ignore_obsolete=False,
             include_previous=False)  # fmt: skip
    data = buf.getvalue()
    if not template:
        lang = str(catalog.locale) if catalog.locale else None
        data = _ensure_header_lines(data, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _ensure_header_lines(data: bytes, lang: str | None) -> bytes:
    """Babel writes ``charset=utf-8``; Poedit and Weblate write it in capitals: match them."""
    text = data.decode("utf-8")
    text = text.replace(
        '"Content-Type: text/plain; charset=utf-8\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        1,
    )
    return text.encode("utf-8")


# --------------------------------------------------------------------------------------------
# extract
# --------------------------------------------------------------------------------------------


def extract_python(source_dir: Path) -> Any:
    """The ``budget_tutor`` domain template from the package's Python sources."""
    from babel.messages.extract import extract_from_file
    from babel.messages.frontend import parse_keywords

    keywords = parse_keywords(KEYWORDS)
    catalog = _new_catalog(None, "budget_tutor")
    files = sorted(p for p in source_dir.rglob("*.py") if "__pycache__" not in p.parts)
    for path in files:
        rel = path.relative_to(source_dir.parent).as_posix()
        results = extract_from_file(
            "python", path, keywords=keywords, comment_tags=COMMENT_TAGS, strip_comment_tags=True
        )
        for lineno, message, comments, context in results:
            catalog.add(message, None, [(rel, lineno)], auto_comments=comments, context=context)
    return catalog


def _lesson_files(lessons_dir: Path) -> list[Path]:
    return sorted(lessons_dir.glob("*.yaml")) if lessons_dir.is_dir() else []


def extract_lessons(lessons_dir: Path) -> Any:
    """The ``lessons`` domain template from the built-in lesson files.

    Uses the lesson engine's extractor (``budget_tutor.lessons.extract``) when it is there; its
    results may be ``(msgid, locations, comments)`` tuples or a Babel catalog. Without it, the
    documented rule of the lesson format is applied directly.
    """
    catalog = _new_catalog(None, "lessons")
    files = _lesson_files(lessons_dir)
    results: Any
    try:
        from budget_tutor.lessons.extract import extract_messages
        from budget_tutor.lessons.loader import LessonLoadError
    except ImportError:  # a build without the lesson engine: apply the documented rule
        results = _extract_lessons_by_rule(files)
    else:
        errors: list[LessonLoadError] = []
        results = extract_messages(files, base=package_dir().parent, errors=errors)
        for exc in errors:
            print(f"warning: lesson file skipped: {exc}", file=sys.stderr)
    if hasattr(results, "mime_headers"):  # a Babel catalog
        for message in results:
            if message.id:
                catalog.add(message.id, None, list(message.locations),
                            auto_comments=list(message.auto_comments), context=message.context)  # fmt: skip
        return catalog
    for item in results:
        msgid, locations, comments = item[0], item[1], item[2]
        locs = []
        for loc in locations or ():
            if isinstance(loc, tuple | list):
                locs.append((_relative(str(loc[0]), lessons_dir), int(loc[1]) if loc[1] else None))
            else:
                name, _sep, line = str(loc).rpartition(":")
                locs.append((_relative(name or str(loc), lessons_dir),
                             int(line) if line.isdigit() else None))  # fmt: skip
        catalog.add(msgid, None, locs, auto_comments=list(comments or ()))
    return catalog


def _relative(path: str, lessons_dir: Path) -> str:
    p = Path(path)
    if not p.is_absolute():
        return p.as_posix()
    try:
        return p.resolve().relative_to(lessons_dir.resolve().parents[2]).as_posix()
    except ValueError:
        return p.as_posix()


def _extract_lessons_by_rule(
    files: Iterable[Path],
) -> list[tuple[str, list[tuple[str, int]], list[str]]]:
    import yaml

    found: dict[str, tuple[str, list[tuple[str, int]], list[str]]] = {}

    def add(text: Any, where: tuple[str, int], comment: str) -> None:
        if not isinstance(text, str) or not text.strip():
            return
        msgid = text.strip()
        entry = found.setdefault(msgid, (msgid, [], []))
        entry[1].append(where)
        if comment not in entry[2]:
            entry[2].append(comment)

    for path in files:
        try:
            node = yaml.compose(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            print(f"warning: {path}: cannot read ({exc})", file=sys.stderr)
            continue
        rel = path.name

        def walk(n: Any, trail: list[str], rel: str = rel) -> None:
            if isinstance(n, yaml.MappingNode):
                for key_node, value_node in n.value:
                    key = key_node.value
                    where = (rel, value_node.start_mark.line + 1)
                    label = "/".join([*trail, str(key)])
                    if key in LESSON_TEXT_KEYS and isinstance(value_node, yaml.ScalarNode):
                        add(value_node.value, where, f"{rel}: {label}")
                    elif key == "take_home" and isinstance(value_node, yaml.SequenceNode):
                        for item in value_node.value:
                            if isinstance(item, yaml.ScalarNode):
                                add(item.value, (rel, item.start_mark.line + 1), f"{rel}: {label}")
                    elif key == "suggestion" and isinstance(value_node, yaml.MappingNode):
                        for k2, v2 in value_node.value:
                            if k2.value == "name" and isinstance(v2, yaml.ScalarNode):
                                add(v2.value, (rel, v2.start_mark.line + 1), f"{rel}: {label}/name")
                    elif key in ("sources", "id", "args", "compute"):
                        continue
                    else:
                        walk(value_node, [*trail, str(key)])
            elif isinstance(n, yaml.SequenceNode):
                for i, item in enumerate(n.value):
                    step_id = None
                    if isinstance(item, yaml.MappingNode):
                        for k, v in item.value:
                            if k.value == "id" and isinstance(v, yaml.ScalarNode):
                                step_id = v.value
                    walk(item, [*trail, step_id or str(i)])

        walk(node, [])
    return list(found.values())


def lessons_source_dir() -> Path:
    return package_dir() / "lessons" / "builtin"


def cmd_extract(locales: Path, out: Report) -> None:
    py = extract_python(package_dir())
    write_babel_po(locales / "budget_tutor.pot", py, template=True)
    out.info(f"budget_tutor.pot: {len(py)} strings from the Python sources")
    lessons = extract_lessons(lessons_source_dir())
    write_babel_po(locales / "lessons.pot", lessons, template=True)
    out.info(f"lessons.pot: {len(lessons)} strings from {len(_lesson_files(lessons_source_dir()))} "
             "lesson files")  # fmt: skip


# --------------------------------------------------------------------------------------------
# update (and the lessons.d merge)
# --------------------------------------------------------------------------------------------


def _template(locales: Path, domain: str) -> Path:
    own = locales / f"{domain}.pot"
    return own if own.is_file() else i18n.built_in_locales_dir() / f"{domain}.pot"


def po_path(locales: Path, lang: str, domain: str) -> Path:
    return locales / lang / "LC_MESSAGES" / f"{domain}.po"


def cmd_update(locales: Path, out: Report, languages: Sequence[str]) -> None:
    for domain in i18n.DOMAINS:
        pot = _template(locales, domain)
        if not pot.is_file():
            out.error(f"{pot}: no template; run `extract` first")
            continue
        template = read_babel_po(pot)
        for lang in languages:
            path = po_path(locales, lang, domain)
            if not path.is_file():
                built_in = po_path(i18n.built_in_locales_dir(), lang, domain)
                if built_in.is_file() and built_in.resolve() != path.resolve():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(built_in, path)
                    out.info(f"{path}: started from the built-in catalog")
            if path.is_file():
                catalog = read_babel_po(path, locale=lang)
            else:
                catalog = _new_catalog(lang, domain)
                out.info(f"{path}: new catalog")
            catalog.update(template, no_fuzzy_matching=(domain == "lessons"),
                           update_creation_date=False)  # fmt: skip
            # Texts gone from the sources are dropped, not kept as obsolete `#~` entries: a
            # changed text comes back fuzzy with its old translation, and git keeps the rest.
            catalog.obsolete.clear()
            _set_headers(catalog, lang)
            if domain == "lessons":
                merged = merge_lesson_parts(catalog, path.parent / "lessons.d", out)
                if merged:
                    out.info(f"{path}: {merged} entries from lessons.d/")
            write_babel_po(path, catalog)
            out.info(f"{path}: updated ({len(catalog)} entries, {len(catalog.obsolete)} obsolete)")


def merge_lesson_parts(catalog: Any, parts_dir: Path, out: Report) -> int:
    """Copy the translations of ``lessons.d/*.po`` into ``catalog`` (they win: they are the
    source for their lessons). Two parts translating one English text differently are reported."""
    if not parts_dir.is_dir():
        return 0
    chosen: dict[tuple[str, str | None], tuple[str, str]] = {}
    for part in sorted(parts_dir.glob("*.po")):
        try:
            po = i18n.parse_po(part.read_bytes(), str(part))
        except (OSError, UnicodeDecodeError) as exc:
            out.error(f"{part}: cannot be read ({exc})")
            continue
        for line, reason in po.errors:
            out.error(f"{part}:{line}: syntax error: {reason}")
        for entry in po.entries:
            if (
                not entry.msgid
                or entry.fuzzy
                or entry.obsolete
                or not isinstance(entry.msgstr, str)
            ):
                continue
            if not entry.msgstr:
                continue
            key = (entry.msgid, entry.context)
            if key in chosen and chosen[key][0] != entry.msgstr:
                out.warning(f"{part}:{entry.line}: {entry.msgid[:50]!r} is translated differently in "
                            f"{chosen[key][1]}")  # fmt: skip
            chosen[key] = (entry.msgstr, part.name)
    merged = 0
    for message in catalog:
        if not message.id or isinstance(message.id, tuple | list):
            continue
        found = chosen.get((message.id, message.context))
        if found is None:
            continue
        if message.string != found[0] or message.fuzzy:
            message.string = found[0]
            message.flags.discard("fuzzy")
            merged += 1
    return merged


# --------------------------------------------------------------------------------------------
# compile
# --------------------------------------------------------------------------------------------


def compile_po(po: Path, mo: Path | None = None) -> Path:
    """Compile one ``.po`` into a ``.mo`` with Babel (fuzzy entries left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo

    catalog = read_babel_po(po)
    target = mo or po.with_suffix(".mo")
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "wb") as fh:
        write_mo(fh, catalog, use_fuzzy=False)
    os.replace(tmp, target)
    return target


def cmd_compile(locales: Path, out: Report, languages: Sequence[str]) -> None:
    for lang in languages:
        for domain in i18n.DOMAINS:
            po = po_path(locales, lang, domain)
            if not po.is_file():
                out.error(f"{po}: missing")
                continue
            try:
                mo = compile_po(po)
            except Exception as exc:  # report and go on with the other catalogs
                out.error(f"{po}: does not compile ({exc})")
                continue
            out.info(f"{mo}: written")


# --------------------------------------------------------------------------------------------
# glossary
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryTerm:
    english: tuple[str, ...]
    #: What the check looks for in a translation, per language: the words of the ``tajik`` /
    #: ``russian`` columns, or the match stems of ``tajik_match`` / ``russian_match`` when given.
    translations: dict[str, tuple[str, ...]]
    note: str
    checked: bool
    #: The words a translator reads and writes (the ``tajik`` / ``russian`` columns).
    display: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def words(self, lang: str) -> str:
        return " / ".join(self.display.get(lang) or self.translations.get(lang, ()))


def read_glossary(path: Path) -> list[GlossaryTerm]:
    """``english,tajik,russian,tajik_match,russian_match,note,checked``; alternatives are
    separated by `` / ``. ``tajik``/``russian`` hold the words to use, as a translator writes
    them; ``*_match`` (optional) the stems the check looks for (``пенси`` finds пенсия, пенсии,
    пенсионный), so that stems never stand in the columns translators read."""
    terms = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):

            def alts(text: str | None) -> tuple[str, ...]:
                return tuple(a.strip() for a in (text or "").split(" / ") if a.strip())

            display = {"tg": alts(row.get("tajik")), "ru": alts(row.get("russian"))}
            match = {
                "tg": alts(row.get("tajik_match")) or display["tg"],
                "ru": alts(row.get("russian_match")) or display["ru"],
            }
            terms.append(
                GlossaryTerm(
                    english=alts(row.get("english")),
                    translations=match,
                    note=(row.get("note") or "").strip(),
                    checked=(row.get("checked") or "yes").strip().lower() != "no",
                    display=display,
                )
            )
    return terms


def _stem(word: str, lang: str) -> str:
    word = word.lower().replace("ё", "е").strip("«»\"'()…?.,!")
    if lang == "ru":
        return word[: max(3, len(word) - 2)]
    # Tajik adds suffixes (-и, -ҳо, -ро, -ӣ…): the bare word, less a final vowel, is the stem.
    if len(word) > 3 and word[-1] in "аеиоуӣӯ":
        return word[:-1]
    return word


def _english_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in term.lower().split()]
    return re.compile(r"\b" + r"\s+".join(words) + r"(?:s|es)?\b")


def term_is_translated(msgstr: str, alternatives: Sequence[str], lang: str) -> bool:
    text = msgstr.lower().replace("ё", "е")
    for alt in alternatives:
        core = re.sub(r"\(.*?\)|«.*?»", " ", alt).strip() or alt
        stems = [_stem(w, lang) for w in core.split()]
        if stems and all(s in text for s in stems):
            return True
    return False


def glossary_mismatches(
    terms: Sequence[GlossaryTerm], lang: str, msgid: str, msgstr: str
) -> list[GlossaryTerm]:
    found = []
    lowered = re.sub(r"\{[^{}]*\}", " ", msgid)  # placeholders are not words
    for name in PROPER_NAMES:
        lowered = lowered.replace(name, " ")
    lowered = lowered.lower()
    for term in terms:
        if not term.checked or not term.translations.get(lang):
            continue
        if any(_english_pattern(e).search(lowered) for e in term.english):
            if not term_is_translated(msgstr, term.translations[lang], lang):
                found.append(term)
    return found


# --------------------------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------------------------


@dataclass
class Report:
    quiet: bool = False
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)

    def error(self, text: str) -> None:
        self.errors.append(text)
        print(f"error: {text}", file=sys.stderr)

    def warning(self, text: str) -> None:
        self.warnings.append(text)
        print(f"warning: {text}", file=sys.stderr)

    def info(self, text: str) -> None:
        self.infos.append(text)
        if not self.quiet:
            print(text)


@dataclass
class CheckResult:
    language: str
    domain: str
    total: int = 0
    translated: int = 0
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    glossary: list[str] = field(default_factory=list)
    obsolete: int = 0
    missing_from_template: list[str] = field(default_factory=list)
    script: list[str] = field(default_factory=list)
    spelling: list[str] = field(default_factory=list)
    #: Translated texts by place, for the spelling check: (where, msgstr).
    texts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def error_count(self) -> int:
        return (len(self.untranslated) + len(self.fuzzy) + len(self.problems) + len(self.header)
                + len(self.script))  # fmt: skip

    def absorb(self, part: CheckResult) -> None:
        """Add a lesson part's findings. Its entries were counted as translated in the merged
        catalog (the part is their source), so the part's gaps lower the coverage."""
        self.translated = max(0, self.translated - len(part.untranslated) - len(part.fuzzy))
        self.header.extend(part.header)
        self.problems.extend(part.problems)
        self.untranslated.extend(part.untranslated)
        self.fuzzy.extend(part.fuzzy)
        self.glossary.extend(part.glossary)
        self.script.extend(part.script)
        self.texts.extend(part.texts)
        self.obsolete += part.obsolete


# --------------------------------------------------------------------------------------------
# script checks: the right alphabet for each language
# --------------------------------------------------------------------------------------------

#: Letters of the Russian alphabet that Tajik does not have (э only starts a Tajik word).
RUSSIAN_ONLY_LETTERS = "ыщцьЫЩЦЬ"
#: Letters of the Tajik alphabet that Russian does not have.
TAJIK_ONLY_LETTERS = "ғӣқӯҳҷҒӢҚӮҲҶ"
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _prose(text: str) -> str:
    """``text`` without placeholders and markup (they are not words of the language)."""
    text = re.sub(r"\{[^{}]*\}", " ", text)
    text = re.sub(r"%\(\w+\)[a-z]|%[a-z]", " ", text)
    text = i18n._TAG_RE.sub(" ", text)
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    return text.replace("&", "")


def script_problems(lang: str, msgstr: str) -> list[str]:
    """Letters of the wrong alphabet in a translation: Russian-only letters in Tajik, Tajik
    letters in Russian, Latin look-alikes inside a Cyrillic word."""
    found = []
    for word in _WORD_RE.findall(_prose(msgstr)):
        cyrillic = _CYRILLIC_RE.search(word)
        latin = _LATIN_RE.findall(word)
        if cyrillic and latin:
            found.append(f"Latin letter {latin[0]!r} inside the Cyrillic word {word!r}")
            continue
        if lang == "tg":
            bad = [c for c in word if c in RUSSIAN_ONLY_LETTERS]
            if bad:
                found.append(f"Russian letter {bad[0]!r} in the Tajik word {word!r}")
            elif "э" in word[1:].lower():
                found.append(f"Russian letter 'э' inside the Tajik word {word!r}")
        elif lang == "ru":
            bad = [c for c in word if c in TAJIK_ONLY_LETTERS]
            if bad:
                found.append(f"Tajik letter {bad[0]!r} in the Russian word {word!r}")
    return found


def spelling_word_list(locales: Path, lang: str) -> set[str]:
    """The project's own words (names, terms) that a dictionary does not know."""
    own = locales / f"spelling-{lang}.txt"
    path = own if own.is_file() else i18n.built_in_locales_dir() / f"spelling-{lang}.txt"
    if not path.is_file():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower().replace("ё", "е"))
    return words


HUNSPELL_DICTIONARIES = {"ru": "ru_RU"}


def hunspell_unknown_words(lang: str, texts: Sequence[str]) -> set[str] | None:
    """The words hunspell does not know, or None when hunspell or the dictionary is missing."""
    import subprocess

    dictionary = HUNSPELL_DICTIONARIES.get(lang)
    program = shutil.which("hunspell")
    if dictionary is None or program is None:
        return None
    words = sorted(
        {w for t in texts for w in _WORD_RE.findall(_prose(t)) if _CYRILLIC_RE.search(w)}
    )
    try:
        done = subprocess.run(
            [program, "-d", dictionary, "-l", "-i", "utf-8"],
            input="\n".join(words), capture_output=True, text=True, encoding="utf-8",
            timeout=120, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0 or "Can't open affix or dictionary" in done.stderr:
        return None
    return {w for w in done.stdout.split() if w}


def check_spelling(result: CheckResult, locales: Path) -> bool:
    """Fill ``result.spelling``; False when no spelling checker is installed for the language."""
    unknown = hunspell_unknown_words(result.language, [t for _w, t in result.texts])
    if unknown is None:
        return False
    allowed = spelling_word_list(locales, result.language)
    for where, text in result.texts:
        for word in dict.fromkeys(_WORD_RE.findall(_prose(text))):
            if word in unknown and word.lower().replace("ё", "е") not in allowed:
                result.spelling.append(f"{where}: unknown word {word!r}")
    return True


def check_header(headers: dict[str, str], lang: str) -> list[str]:
    found = []
    if headers.get("language") != lang:
        found.append(f"Language header is {headers.get('language')!r}, should be {lang!r}")
    content_type = headers.get("content-type", "")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        found.append(f"Content-Type header {content_type!r} must say charset=UTF-8")
    if not headers.get("project-id-version"):
        found.append("Project-Id-Version header is missing")
    plural = headers.get("plural-forms")
    if not plural:
        found.append("Plural-Forms header is missing")
    else:
        try:
            n, fn = i18n.parse_plural_header(plural)
        except (ValueError, SyntaxError, RecursionError) as exc:
            found.append(f"Plural-Forms header is broken ({exc})")
        else:
            want_n, want_fn = i18n.parse_plural_header(i18n.PLURAL_FORMS[lang])
            if n != want_n or any(fn(k) != want_fn(k) for k in range(1001)):
                found.append(f"Plural-Forms should be {i18n.PLURAL_FORMS[lang]!r}, is {plural!r}")
    return found


def _read_for_check(po_file: Path) -> tuple[i18n.PoFile | None, str | None]:
    """The catalog, or a plain reason (with the line) why it cannot be read at all."""
    try:
        data = po_file.read_bytes()
    except OSError as exc:
        return None, f"{po_file}: cannot be read ({exc.strerror or exc})"
    try:
        if po_file.suffix == ".mo":
            return i18n.parse_mo(data, str(po_file)), None
        return i18n.parse_po(data, str(po_file)), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, (f"{po_file}:{line}: the file is not saved as UTF-8 (a character on this line "
                      "is in another encoding, e.g. Windows-1251); save it as UTF-8")  # fmt: skip
    except (ValueError, struct.error) as exc:
        return None, f"{po_file}: cannot be read ({exc})"


def check_catalog(
    po_file: Path,
    lang: str,
    domain: str,
    template_ids: set[tuple[str, str | None]] | None,
    glossary: Sequence[GlossaryTerm],
    skip_keys: set[tuple[str, str | None]] | None = None,
) -> CheckResult:
    """Check one catalog. ``skip_keys``: entries whose translation lives in another file (a
    lesson part), checked there."""
    result = CheckResult(lang, domain)
    po, unreadable = _read_for_check(po_file)
    if po is None:
        result.header.append(unreadable or f"{po_file}: cannot be read")
        return result
    header = check_header(po.headers, lang)
    result.header = [f"{po_file}: {h}" for h in header]
    for line, reason in po.errors:
        result.problems.append(f"{po_file}:{line}: syntax error: {reason}")
    found: list[i18n.CatalogProblem] = []
    i18n.build_catalog(lang, domain, str(po_file), po.entries, po.plural_header, found)
    plural_header_bad = any(h.startswith(("Plural-Forms", "Language")) for h in header)
    for p in found:
        if plural_header_bad and (p.msgid == po.plural_header or "plural" in p.reason):
            continue  # a consequence of the header problem reported above
        result.problems.append(p.describe())
    present: set[tuple[str, str | None]] = set()
    for e in po.entries:
        if not e.msgid:
            continue
        if e.obsolete:
            result.obsolete += 1
            continue
        key = (e.msgid, e.context)
        present.add(key)
        if template_ids is not None and key not in template_ids:
            result.missing_from_template.append(f"{po_file}:{e.line}: {e.msgid[:60]!r}")
            continue
        if skip_keys and key in skip_keys:
            result.total += 1
            result.translated += 1
            continue
        result.total += 1
        where = f"{po_file}:{e.line}: {e.msgid[:60]!r}"
        forms = e.msgstr if isinstance(e.msgstr, tuple) else (e.msgstr,)
        if not all(forms):
            result.untranslated.append(where)
        elif e.fuzzy:
            result.fuzzy.append(where)
        else:
            result.translated += 1
            for form in forms:
                result.texts.append((where, form))
                for reason in script_problems(lang, form):
                    result.script.append(f"{where}: {reason}")
            for form in forms:
                for term in glossary_mismatches(glossary, lang, e.msgid_plural or e.msgid, form):
                    want = term.words(lang)
                    result.glossary.append(f"{where}: {term.english[0]!r} should be {want!r}")
                    break
    if template_ids is not None:
        # After a syntax error the entries it cost are missing too: that is not a reason to run
        # `update`, which would not bring them back.
        advice = "" if po.errors else " (run update)"
        for msgid, _ctx in sorted(template_ids - present, key=lambda k: k[0]):
            result.total += 1
            result.untranslated.append(f"{po_file}: not in the catalog{advice}: {msgid[:60]!r}")
    return result


def lesson_part_keys(parts: Path) -> set[tuple[str, str | None]]:
    """The entries the per-lesson files translate (they are the source for their lessons)."""
    keys: set[tuple[str, str | None]] = set()
    for part in sorted(parts.glob("*.po")) if parts.is_dir() else []:
        po, _reason = _read_for_check(part)
        if po is None:
            continue
        for e in po.entries:
            if e.msgid and not e.obsolete:
                keys.add((e.msgid, e.context))
    return keys


def template_keys(pot: Path) -> set[tuple[str, str | None]] | None:
    if not pot.is_file():
        return None
    po = i18n.parse_po(pot.read_bytes(), str(pot))
    return {(e.msgid, e.context) for e in po.entries if e.msgid and not e.obsolete}


def cmd_check(
    locales: Path,
    out: Report,
    languages: Sequence[str],
    domains: Sequence[str],
    verbose: bool,
    spelling: bool = True,
) -> list[CheckResult]:
    glossary_file = glossary_path(locales)
    glossary = read_glossary(glossary_file) if glossary_file.is_file() else []
    if not glossary:
        out.warning(f"{glossary_file}: no glossary, terms not checked")
    results = []
    for domain in domains:
        ids = template_keys(_template(locales, domain))
        if ids is None:
            out.warning(f"{domain}.pot: no template; coverage counts the catalog's own entries")
        for lang in languages:
            path = po_path(locales, lang, domain)
            if not path.is_file():
                out.error(f"{path}: missing")
                continue
            parts = path.parent / "lessons.d"
            from_parts = lesson_part_keys(parts) if domain == "lessons" else set()
            r = check_catalog(path, lang, domain, ids, glossary, skip_keys=from_parts)
            results.append(r)
            if domain == "lessons" and parts.is_dir():
                # The per-lesson files are the source of lessons.po: every check runs on them.
                for part in sorted(parts.glob("*.po")):
                    r.absorb(check_catalog(part, lang, domain, None, glossary))
            spell_checked = spelling and check_spelling(r, locales)
            out.info(
                f"{lang}/{domain}: {r.coverage:.1f}% translated ({r.translated}/{r.total}), "
                f"{len(r.untranslated)} untranslated, {len(r.fuzzy)} fuzzy, "
                f"{len(r.problems)} broken, {len(r.header)} header problems, "
                f"{len(r.script)} wrong letters, "
                + (f"{len(r.spelling)} unknown words, " if spell_checked else "")
                + f"{len(r.glossary)} glossary differences, {r.obsolete} obsolete"
            )
            limit = None if verbose else 20
            # Header problems first: a wrong header explains the errors after it.
            for kind, items in (("header", r.header), ("untranslated", r.untranslated),
                                ("fuzzy", r.fuzzy), ("broken", r.problems),
                                ("wrong letters", r.script)):  # fmt: skip
                for item in items[:limit]:
                    out.error(f"{kind}: {item}")
                if limit is not None and len(items) > limit:
                    out.error(f"{kind}: … and {len(items) - limit} more (use --verbose)")
            for item in r.glossary[:limit]:
                out.warning(f"glossary: {item}")
            for item in r.spelling[:limit]:
                out.warning(f"spelling: {item} (add it to locales/spelling-{lang}.txt if right)")
            for item in r.missing_from_template[:limit]:
                out.warning(f"not in the template (becomes obsolete at update): {item}")
            if r.obsolete:
                out.warning(f"{path}: {r.obsolete} obsolete entries (kept for reference)")
    return results


# --------------------------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="budget-tutor translations",
        description="Translator workflow: extract -> update -> compile -> check.",
    )
    parser.add_argument("command", choices=["extract", "update", "compile", "check", "all"])
    parser.add_argument("--locales", type=Path, default=None,
                        help="folder of catalogs (default: $BUDGET_TUTOR_LOCALE_DIR, "
                             "else the built-in locales)")  # fmt: skip
    parser.add_argument("--lang", action="append", choices=TRANSLATED_LANGUAGES,
                        help="only this language (repeatable)")  # fmt: skip
    parser.add_argument("--domain", action="append", choices=i18n.DOMAINS,
                        help="check only this domain (repeatable)")  # fmt: skip
    parser.add_argument("--strict", action="store_true",
                        help="check: glossary differences and obsolete entries are errors too")  # fmt: skip
    parser.add_argument("--verbose", action="store_true", help="list every entry found")
    parser.add_argument("--quiet", action="store_true", help="print only errors and warnings")
    return parser


def run(argv: Sequence[str]) -> int:
    """Run a translations command; 0 when it went well, 1 on errors, 2 on bad usage."""
    args_list = list(argv)
    if args_list and args_list[0] == "translations":
        args_list = args_list[1:]
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    locales = (args.locales or default_locales_dir()).resolve()
    languages = tuple(args.lang or TRANSLATED_LANGUAGES)
    domains = tuple(args.domain or i18n.DOMAINS)
    out = Report(quiet=args.quiet)
    started = datetime.now(UTC)
    try:
        if args.command in ("extract", "all"):
            cmd_extract(locales, out)
        if args.command in ("update", "all"):
            cmd_update(locales, out, languages)
        if args.command in ("compile", "all"):
            cmd_compile(locales, out, languages)
        if args.command in ("check", "all"):
            results = cmd_check(locales, out, languages, domains, args.verbose)
            if args.strict:
                for r in results:
                    if r.glossary or r.obsolete or r.spelling:
                        out.error(f"{r.language}/{r.domain}: glossary differences, unknown words "
                                  "or obsolete entries (--strict)")  # fmt: skip
    except OSError as exc:
        out.error(f"{exc}")
    elapsed = (datetime.now(UTC) - started).total_seconds()
    print(
        f"{args.command}: {len(out.errors)} errors, {len(out.warnings)} warnings ({elapsed:.1f} s)"
    )
    i18n.clear_cache()
    return 1 if out.errors else 0


def main() -> None:  # pragma: no cover - thin wrapper
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":  # pragma: no cover
    main()
