"""Translations: one module that exports ``_``, ``N_``, ``ngettext``, ``pgettext``.

English is the source language; ``tg`` and ``ru`` come from gettext catalogs in ``locales/``.
Two domains: ``budget_tutor`` (interface and core messages) and ``lessons`` (lesson content).

Catalogs are read from, in order of precedence:

1. a translator's folder of ``.po`` files (``BUDGET_TUTOR_LOCALE_DIR`` or :func:`set_override_dir`),
   laid out as ``<dir>/<lang>/LC_MESSAGES/<domain>.po``;
2. the built-in ``locales/`` folder: its ``.po`` when it is newer than the compiled ``.mo`` (a
   source checkout being edited), otherwise the ``.mo``.

Every entry is checked when it is loaded. An entry whose placeholders differ from the English
string (renamed, dropped, added, or using attribute/index access such as ``{0.__class__}``), whose
braces do not parse, or whose plural forms are missing is *not used*: the English text is shown
instead and the entry is listed by :func:`problems`. So ``_("...").format(**values)`` is safe with
any catalog a translator can write. Fuzzy entries are ignored, as ``msgfmt`` does.
"""

from __future__ import annotations

import gettext as _gettext
import os
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("tg", "ru", "en")
SOURCE_LANGUAGE = "en"
DOMAINS: tuple[str, ...] = ("budget_tutor", "lessons")
OVERRIDE_ENV = "BUDGET_TUTOR_LOCALE_DIR"

#: Names of the languages in themselves, for the language chooser (not translated).
LANGUAGE_NAMES = {"tg": "Тоҷикӣ", "ru": "Русский", "en": "English"}

_CONTEXT_SEP = "\x04"


@dataclass(frozen=True)
class CatalogProblem:
    """An entry that was not used, and why."""

    language: str
    domain: str
    source: str
    msgid: str
    reason: str
    line: int | None = None

    def describe(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.reason}: {self.msgid[:60]!r}"


# --------------------------------------------------------------------------------------------
# placeholder checking
# --------------------------------------------------------------------------------------------

_PERCENT_RE = re.compile(r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
_SIMPLE_SPEC = re.compile(r"[<>^=]?[-+ ]?,?(?:\.\d{1,2})?[dfs%]?")


class PlaceholderError(ValueError):
    pass


def brace_fields(text: str) -> list[tuple[str, str, str]]:
    """The ``{name!conv:spec}`` fields of a format string; raises PlaceholderError if unusable."""
    fields = []
    try:
        parsed = list(string.Formatter().parse(text))
    except (ValueError, IndexError) as exc:
        raise PlaceholderError(f"braces do not parse ({exc})") from exc
    for _literal, name, spec, conv in parsed:
        if name is None:
            continue
        if not name.isidentifier():
            raise PlaceholderError(f"placeholder {{{name}}} is not a plain name")
        if spec and (len(spec) > 6 or not _SIMPLE_SPEC.fullmatch(spec)):
            raise PlaceholderError(f"placeholder {{{name}:{spec}}} has an unsafe format")
        if "{" in (spec or ""):
            raise PlaceholderError(f"placeholder {{{name}}} nests another placeholder")
        fields.append((name, conv or "", spec or ""))
    return fields


def percent_fields(text: str) -> list[str]:
    return [m.group(0) for m in _PERCENT_RE.finditer(text) if m.group(0) != "%%"]


def placeholder_signature(text: str) -> tuple[frozenset[tuple[str, str, str]], tuple[str, ...]]:
    return frozenset(brace_fields(text)), tuple(sorted(percent_fields(text)))


def check_translation(msgid: str, msgstr: str) -> str | None:
    """Why ``msgstr`` cannot stand in for ``msgid`` (None when it can)."""
    try:
        want = placeholder_signature(msgid)
    except PlaceholderError:
        # The English text itself is not a format string (e.g. literal braces): compare literally.
        want = None
    try:
        got = placeholder_signature(msgstr)
    except PlaceholderError as exc:
        return str(exc)
    if want is None:
        return None if not got[0] else "the translation adds placeholders"
    if got[0] != want[0]:
        missing = sorted(n for n, _c, _s in want[0] - got[0])
        extra = sorted(n for n, _c, _s in got[0] - want[0])
        parts = []
        if missing:
            parts.append("missing " + ", ".join("{" + m + "}" for m in missing))
        if extra:
            parts.append("unknown " + ", ".join("{" + e + "}" for e in extra))
        return "placeholders differ from the English text: " + "; ".join(parts)
    if got[1] != want[1]:
        return "%-placeholders differ from the English text"
    return None


# --------------------------------------------------------------------------------------------
# catalogs
# --------------------------------------------------------------------------------------------

PluralFn = Callable[[int], int]


@dataclass
class Catalog:
    """The usable entries of one language and domain."""

    language: str
    domain: str
    messages: dict[str, str]
    plurals: dict[str, tuple[str, ...]]
    plural_fn: PluralFn
    nplurals: int
    source: str

    def get(self, key: str) -> str | None:
        return self.messages.get(key)

    def get_plural(self, key: str, n: int) -> str | None:
        forms = self.plurals.get(key)
        if forms is None:
            return None
        try:
            index = int(self.plural_fn(n))
        except Exception:  # a broken Plural-Forms expression
            return None
        if not 0 <= index < len(forms):
            return None
        return forms[index]


_PLURAL_RE = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$")


def _plural_rule(header: str | None, problems: list[CatalogProblem], lang: str, domain: str,
                 source: str) -> tuple[int, PluralFn]:
    default_n, default_fn = 2, (lambda n: int(n != 1))
    if not header:
        return default_n, default_fn
    m = _PLURAL_RE.search(header.strip())
    if not m:
        problems.append(CatalogProblem(lang, domain, source, header, "Plural-Forms header does not parse"))
        return default_n, default_fn
    try:
        fn = _gettext.c2py(m.group(2))
    except (ValueError, SyntaxError) as exc:
        problems.append(CatalogProblem(lang, domain, source, header, f"bad plural expression ({exc})"))
        return default_n, default_fn
    return int(m.group(1)), fn


@dataclass
class RawEntry:
    msgid: str
    msgstr: str | tuple[str, ...]
    context: str | None = None
    msgid_plural: str | None = None
    fuzzy: bool = False
    line: int | None = None


def build_catalog(lang: str, domain: str, source: str, entries: Iterable[RawEntry],
                  plural_header: str | None, problems: list[CatalogProblem]) -> Catalog:
    nplurals, plural_fn = _plural_rule(plural_header, problems, lang, domain, source)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for e in entries:
        if not e.msgid or e.fuzzy:
            continue
        key = f"{e.context}{_CONTEXT_SEP}{e.msgid}" if e.context else e.msgid

        def bad(reason: str, e: RawEntry = e) -> None:
            problems.append(CatalogProblem(lang, domain, source, e.msgid, reason, e.line))

        if e.msgid_plural is not None:
            forms = tuple(e.msgstr) if isinstance(e.msgstr, (tuple, list)) else (e.msgstr,)
            if all(not f for f in forms):
                continue  # untranslated
            if len(forms) != nplurals:
                bad(f"has {len(forms)} plural forms, the language needs {nplurals}")
                continue
            if any(not f for f in forms):
                bad("a plural form is empty")
                continue
            reasons = [r for r in (check_translation(e.msgid_plural, f) for f in forms) if r]
            if reasons:
                bad(reasons[0])
                continue
            plurals[key] = forms
        else:
            text = e.msgstr if isinstance(e.msgstr, str) else (e.msgstr[0] if e.msgstr else "")
            if not text:
                continue
            reason = check_translation(e.msgid, text)
            if reason:
                bad(reason)
                continue
            messages[key] = text
    return Catalog(lang, domain, messages, plurals, plural_fn, nplurals, source)


def read_po_entries(path: Path) -> tuple[list[RawEntry], str | None]:
    """Entries and the Plural-Forms header of a ``.po`` file (Babel's reader, tolerant)."""
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        catalog = read_po(fh, ignore_obsolete=True, abort_invalid=False)
    entries: list[RawEntry] = []
    for msg in catalog:
        if not msg.id:
            continue
        if isinstance(msg.id, (tuple, list)):
            msgstr = tuple(s or "" for s in (msg.string or ()))
            entries.append(RawEntry(msg.id[0], msgstr, msg.context, msg.id[1], msg.fuzzy,
                                    msg.lineno))
        else:
            entries.append(RawEntry(msg.id, msg.string or "", msg.context, None, msg.fuzzy,
                                    msg.lineno))
    header = None
    for name, value in catalog.mime_headers:
        if name.lower() == "plural-forms":
            header = value
    return entries, header


def read_mo_entries(path: Path) -> tuple[list[RawEntry], str | None]:
    with open(path, "rb") as fh:
        trans = _gettext.GNUTranslations(fh)
    raw: dict[Any, str] = trans._catalog  # type: ignore[attr-defined]
    header = trans.info().get("plural-forms")
    singles: list[RawEntry] = []
    plural_forms: dict[str, dict[int, str]] = {}
    for key, value in raw.items():
        if isinstance(key, tuple):
            plural_forms.setdefault(key[0], {})[key[1]] = value
        elif key:
            ctx, _sep, msgid = key.rpartition(_CONTEXT_SEP)
            singles.append(RawEntry(msgid, value, ctx or None))
    # .mo files keep only the singular msgid of a plural entry; the plural English is unknown
    # here, so plural placeholders are checked against the singular msgid.
    for key, forms in plural_forms.items():
        ctx, _sep, msgid = key.rpartition(_CONTEXT_SEP)
        ordered = tuple(forms[i] for i in sorted(forms))
        singles.append(RawEntry(msgid, ordered, ctx or None, msgid_plural=msgid))
    return singles, header


def built_in_locales_dir() -> Path:
    from budget_tutor.resources import locales_dir

    return locales_dir()


def _catalog_sources(base: Path, lang: str, domain: str) -> Path | None:
    folder = base / lang / "LC_MESSAGES"
    po, mo = folder / f"{domain}.po", folder / f"{domain}.mo"
    if po.is_file() and (not mo.is_file() or po.stat().st_mtime > mo.stat().st_mtime):
        return po
    if mo.is_file():
        return mo
    return None


def load_catalog(path: Path, lang: str, domain: str, problems: list[CatalogProblem]) -> Catalog | None:
    try:
        if path.suffix == ".po":
            entries, header = read_po_entries(path)
        else:
            entries, header = read_mo_entries(path)
    except Exception as exc:  # a catalog that cannot be read at all: English for the whole domain
        problems.append(CatalogProblem(lang, domain, str(path), "", f"cannot be read ({exc})"))
        return None
    return build_catalog(lang, domain, str(path), entries, header, problems)


class _State:
    def __init__(self) -> None:
        self.language = SOURCE_LANGUAGE
        self.override_dir: Path | None = None
        self.catalogs: dict[str, list[Catalog]] = {}
        self.problems: list[CatalogProblem] = []
        self.listeners: list[Callable[[str], None]] = []


_state = _State()


def set_override_dir(path: Path | str | None) -> None:
    """Use a translator's folder of ``.po`` files over the built-in catalogs (None: stop)."""
    _state.override_dir = Path(path) if path else None


def override_dir() -> Path | None:
    if _state.override_dir is not None:
        return _state.override_dir
    env = os.environ.get(OVERRIDE_ENV)
    return Path(env) if env else None


def load_language(lang: str) -> tuple[dict[str, list[Catalog]], list[CatalogProblem]]:
    """Read the catalogs of ``lang`` (no global state touched)."""
    problems: list[CatalogProblem] = []
    catalogs: dict[str, list[Catalog]] = {}
    if lang == SOURCE_LANGUAGE:
        return catalogs, problems
    bases = [b for b in (override_dir(), built_in_locales_dir()) if b is not None]
    for domain in DOMAINS:
        chain: list[Catalog] = []
        for base in bases:
            path = _catalog_sources(base, lang, domain)
            if path is not None:
                cat = load_catalog(path, lang, domain, problems)
                if cat is not None:
                    chain.append(cat)
        catalogs[domain] = chain
    return catalogs, problems


def set_language(lang: str) -> None:
    """Make ``lang`` the active language (reads its catalogs; English needs none)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    catalogs, problems = load_language(lang)
    _state.language = lang
    _state.catalogs = catalogs
    _state.problems = problems
    for listener in list(_state.listeners):
        listener(lang)


def reload() -> None:
    """Read the active language's catalogs again (after a translator edited them)."""
    set_language(_state.language)


def current_language() -> str:
    return _state.language


def problems() -> list[CatalogProblem]:
    """Entries of the active language that were not used, and why."""
    return list(_state.problems)


def add_language_listener(callback: Callable[[str], None]) -> None:
    _state.listeners.append(callback)


def remove_language_listener(callback: Callable[[str], None]) -> None:
    if callback in _state.listeners:
        _state.listeners.remove(callback)


def _lookup(domain: str, key: str) -> str | None:
    for cat in _state.catalogs.get(domain, ()):
        text = cat.get(key)
        if text is not None:
            return text
    return None


def _lookup_plural(domain: str, key: str, n: int) -> str | None:
    for cat in _state.catalogs.get(domain, ()):
        text = cat.get_plural(key, n)
        if text is not None:
            return text
    return None


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


def _(message: str) -> str:
    return _lookup("budget_tutor", message) or message


def gettext(message: str) -> str:
    return _(message)


def pgettext(context: str, message: str) -> str:
    return _lookup("budget_tutor", f"{context}{_CONTEXT_SEP}{message}") or message


def ngettext(singular: str, plural: str, n: int) -> str:
    text = _lookup_plural("budget_tutor", singular, n)
    if text is not None:
        return text
    return singular if n == 1 else plural


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    text = _lookup_plural("budget_tutor", f"{context}{_CONTEXT_SEP}{singular}", n)
    if text is not None:
        return text
    return singular if n == 1 else plural


def lesson_text(message: str) -> str:
    """Translate lesson content (the ``lessons`` domain)."""
    if not message:
        return message
    return _lookup("lessons", message) or message


def safe_format(template: str, fallback: str, **values: Any) -> str:
    """Format a translated template; if it still fails, format the English ``fallback``."""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return fallback.format(**values)


def babel_locale(lang: str | None = None) -> str:
    """The Babel/CLDR locale name for a language code."""
    return {"tg": "tg", "ru": "ru", "en": "en"}.get(lang or _state.language, "en")
