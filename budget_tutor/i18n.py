"""Translations: one module that exports ``_``, ``N_``, ``ngettext``, ``pgettext``.

English is the source language; ``tg`` and ``ru`` come from gettext catalogs in ``locales/``.
Two domains: ``budget_tutor`` (interface and core messages) and ``lessons`` (lesson content).

Catalogs are read from, in order of precedence:

1. a translator's folder (``BUDGET_TUTOR_LOCALE_DIR`` or :func:`set_override_dir`), laid out
   like ``locales/``: ``<dir>/<lang>/LC_MESSAGES/<domain>.po`` (or ``.mo``);
2. the built-in ``locales/`` folder (``budget_tutor/_locales`` in an installed wheel).

In each folder a ``.po`` is used when it is newer than the compiled ``.mo`` beside it (or when
there is no ``.mo``), so a translator's edit shows after :func:`reload` without a build step. For
the lessons domain the per-lesson files ``lessons.d/*.po`` of a folder come before its
``lessons.po`` (the workflow merges them into ``lessons.po``; they are the source while present).

Every entry is checked when it is loaded. An entry whose placeholders differ from the English
string (renamed, dropped, added, or using attribute/index access such as ``{0.__class__}``, or a
width such as ``{amount:>999999}``), whose braces do not parse, or whose plural forms are missing
or too many is *not used*: the English text is shown instead and the entry is listed by
:func:`problems`. So ``_("...").format(**values)`` is safe with any catalog a translator can
write. Fuzzy entries are ignored, as ``msgfmt`` does.

The ``.po`` and ``.mo`` readers are our own (small, tolerant, line-numbered): a syntax error in
one entry costs that entry, not the language. Parsed catalogs are cached by file path, size and
modification time, so switching language back and forth does not re-read files.
"""

from __future__ import annotations

import ast
import functools
import os
import re
import string
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("tg", "ru", "en")
SOURCE_LANGUAGE = "en"
DOMAINS: tuple[str, ...] = ("budget_tutor", "lessons")
OVERRIDE_ENV = "BUDGET_TUTOR_LOCALE_DIR"

#: Names of the languages in themselves, for the language chooser (not translated).
LANGUAGE_NAMES = {"tg": "Тоҷикӣ", "ru": "Русский", "en": "English"}

#: The plural rule every catalog of a language must declare (``Plural-Forms`` header).
#: Tajik nouns stay singular after numerals, so both Tajik forms are usually the same text;
#: two forms keep the catalogs compatible with Babel's CLDR data for ``tg`` (Babel 2.17-2.19).
PLURAL_FORMS = {
    "tg": "nplurals=2; plural=(n != 1);",
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "en": "nplurals=2; plural=(n != 1);",
}

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

#: %-placeholders as Python formats them: ``%(name)s`` or a bare ``%s``/``%d``/``%.2f``. A
#: space flag is not accepted, so prose such as "5% of income" or "10 % от" is not a placeholder.
_PERCENT_RE = re.compile(
    r"%(?:\((?P<name>[A-Za-z_]\w*)\))?[-#0+]*(?:\d+)?(?:\.\d+)?[diouxXeEfFgGcrsa]|%%"
)
#: Format specs a translation may use: alignment, sign, grouping and up to two decimals; no
#: widths (``{amount:>999999}`` would allocate a huge string) and no nested fields.
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
        if spec and "{" in spec:
            raise PlaceholderError(f"placeholder {{{name}}} nests another placeholder")
        if spec and (len(spec) > 6 or not _SIMPLE_SPEC.fullmatch(spec)):
            raise PlaceholderError(f"placeholder {{{name}:{spec}}} has an unsafe format")
        if conv and conv not in "rsa":
            raise PlaceholderError(f"placeholder {{{name}!{conv}}} has an unknown conversion")
        fields.append((name, conv or "", spec or ""))
    return fields


def percent_fields(text: str) -> list[str]:
    return [m.group(0) for m in _PERCENT_RE.finditer(text) if m.group(0) != "%%"]


def placeholder_signature(text: str) -> tuple[frozenset[tuple[str, str, str]], tuple[str, ...]]:
    return frozenset(brace_fields(text)), tuple(sorted(percent_fields(text)))


def _describe_difference(
    want: frozenset[tuple[str, str, str]], got: frozenset[tuple[str, str, str]]
) -> str:
    want_names = {n for n, _c, _s in want}
    got_names = {n for n, _c, _s in got}
    missing = sorted(want_names - got_names)
    extra = sorted(got_names - want_names)
    parts = []
    if missing:
        parts.append("missing " + ", ".join("{" + m + "}" for m in missing))
    if extra:
        parts.append("unknown " + ", ".join("{" + e + "}" for e in extra))
    if not parts:
        parts.append("a placeholder's format or conversion changed")
    return "placeholders differ from the English text: " + "; ".join(parts)


#: A tag as Qt's rich text would read it: ``<b>``, ``</p>``, ``<img src=…>``, ``<!-- … -->``.
_TAG_RE = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>")


def markup_tags(text: str) -> set[str]:
    """The tags in ``text``, spaces squeezed and lower-cased, as Qt would read them."""
    return {re.sub(r"\s+", " ", m.group(0)).lower() for m in _TAG_RE.finditer(text)}


def markup_problem(msgid: str, msgstr: str) -> str | None:
    """Why ``msgstr`` would be rendered as rich text although ``msgid`` is not (None: fine).

    Qt shows a text as rich text when it merely looks like markup, so a translation could load
    a local image (``<img src="/some/file">``) or restyle a widget. A translation may only use
    the tags its English text uses (``<b>`` where the English has ``<b>``), nothing else."""
    if "<" not in msgstr:
        return None
    extra = markup_tags(msgstr) - markup_tags(msgid)
    if not extra:
        return None
    return f"the translation adds markup the English text does not have: {sorted(extra)[0]}"


def check_translation(msgid: str, msgstr: str) -> str | None:
    """Why ``msgstr`` cannot stand in for ``msgid`` (None when it can)."""
    markup = markup_problem(msgid, msgstr)
    if markup:
        return markup
    if not any(c in msgid or c in msgstr for c in "{}%"):
        return None  # plain text on both sides (most lesson prose): nothing to compare
    try:
        want = placeholder_signature(msgid)
    except PlaceholderError:
        # The English text itself is not a format string (e.g. literal braces): the translation
        # must not be one either.
        want = None
    try:
        got = placeholder_signature(msgstr)
    except PlaceholderError as exc:
        if want is None:
            return None  # neither is a format string; nothing is formatted with them
        return str(exc)
    if want is None:
        return None if not got[0] else "the translation adds placeholders"
    if got[0] != want[0]:
        return _describe_difference(want[0], got[0])
    if got[1] != want[1]:
        return "%-placeholders differ from the English text"
    return None


# --------------------------------------------------------------------------------------------
# plural rules
# --------------------------------------------------------------------------------------------

PluralFn = Callable[[int], int]

_PLURAL_HEADER_RE = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")
_C_TOKEN_RE = re.compile(r"\s*(\d+|n|==|!=|<=|>=|&&|\|\||[()?:<>%!+\-*/])")


def compile_plural(expression: str) -> PluralFn:
    """A function for a C plural expression (``n%10==1 && n%100!=11 ? 0 : 1``).

    Only ``n``, integers, comparison, arithmetic, ``!``, ``&&``, ``||`` and ``?:`` are allowed;
    anything else raises ValueError. The expression is turned into Python, parsed with ``ast`` and
    checked node by node against that whitelist, then compiled and run with ``eval`` (no builtins,
    only ``n`` in scope); so ``eval`` is used, guarded by the AST whitelist.
    """
    tokens: list[str] = []
    pos = 0
    text = expression.strip()
    while pos < len(text):
        m = _C_TOKEN_RE.match(text, pos)
        if not m:
            raise ValueError(f"unexpected character {text[pos]!r} in plural expression")
        tokens.append(m.group(1))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    if not tokens or len(tokens) > 200:
        raise ValueError("plural expression is empty or too long")
    for i, tok in enumerate(tokens[:-1]):
        if tok.isdigit() and tokens[i + 1].isdigit():
            raise ValueError("two numbers in a row in plural expression")
    source = _ternaries_to_python(tokens)
    tree = ast.parse(source, mode="eval")
    allowed = (
        ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.USub, ast.BinOp, ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.Compare, ast.Eq,
        ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.IfExp, ast.Name, ast.Load, ast.Constant,
    )  # fmt: skip
    for node in ast.walk(tree):
        if not isinstance(node, allowed):
            raise ValueError(f"plural expression uses {type(node).__name__}")
        if isinstance(node, ast.Name) and node.id != "n":
            raise ValueError(f"plural expression uses {node.id!r}")
        if isinstance(node, ast.Constant) and not isinstance(node.value, int):
            raise ValueError("plural expression uses a non-integer constant")
    code = compile(tree, "<plural>", "eval")

    def plural(n: int) -> int:
        try:
            result = eval(code, {"__builtins__": {}}, {"n": abs(int(n))})
        except ZeroDivisionError:
            return 0
        return int(result)

    plural(1)  # fail now, not at lookup time
    return plural


def _ternaries_to_python(tokens: list[str]) -> str:
    """Rewrite C tokens (with ``a ? b : c``) as a Python expression string."""
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def take(expected: str | None = None) -> str:
        nonlocal pos
        if pos >= len(tokens):
            raise ValueError("plural expression ends too early")
        tok = tokens[pos]
        if expected is not None and tok != expected:
            raise ValueError(f"expected {expected!r} in plural expression, found {tok!r}")
        pos += 1
        return tok

    def ternary() -> str:
        cond = logical_or()
        if peek() == "?":
            take("?")
            yes = ternary()
            take(":")
            no = ternary()
            return f"(({yes}) if (({cond}) != 0) else ({no}))"
        return cond

    def logical_or() -> str:
        left = logical_and()
        while peek() == "||":
            take()
            left = f"((({left}) != 0) or (({logical_and()}) != 0))"
        return left

    def logical_and() -> str:
        left = comparison()
        while peek() == "&&":
            take()
            left = f"((({left}) != 0) and (({comparison()}) != 0))"
        return left

    def comparison() -> str:
        left = additive()
        while peek() in ("==", "!=", "<", ">", "<=", ">="):
            op = take()
            left = f"(({left}) {op} ({additive()}))"
        return left

    def additive() -> str:
        left = term()
        while peek() in ("+", "-"):
            op = take()
            left = f"(({left}) {op} ({term()}))"
        return left

    def term() -> str:
        left = unary()
        while peek() in ("*", "/", "%"):
            op = take()
            left = f"(({left}) {'//' if op == '/' else op} ({unary()}))"
        return left

    def unary() -> str:
        if peek() == "!":
            take()
            return f"(({unary()}) == 0)"
        if peek() == "-":
            take()
            return f"(-({unary()}))"
        if peek() == "(":
            take("(")
            inner = ternary()
            take(")")
            return f"({inner})"
        tok = take()
        if tok == "n" or tok.isdigit():
            return tok
        raise ValueError(f"unexpected {tok!r} in plural expression")

    result = ternary()
    if pos != len(tokens):
        raise ValueError(f"unexpected {tokens[pos]!r} in plural expression")
    return result


@functools.lru_cache(maxsize=64)
def parse_plural_header(header: str) -> tuple[int, PluralFn]:
    """``nplurals`` and the plural function of a ``Plural-Forms`` header; ValueError if bad."""
    m = _PLURAL_HEADER_RE.match(header)
    if not m:
        raise ValueError("Plural-Forms header does not parse")
    nplurals = int(m.group(1))
    if not 1 <= nplurals <= 6:
        raise ValueError(f"nplurals={nplurals} is out of range")
    fn = compile_plural(m.group(2))
    for n in range(0, 200):
        index = fn(n)
        if not 0 <= index < nplurals:
            raise ValueError(f"plural expression gives {index} for n={n}, beyond nplurals")
    return nplurals, fn


@functools.lru_cache(maxsize=64)
def singular_only_forms(nplurals: int, fn: PluralFn) -> frozenset[int]:
    """Forms the rule uses only for n == 1 (those may drop a ``{count}``, like the English)."""
    users: dict[int, set[int]] = {}
    for n in range(0, 1001):
        users.setdefault(fn(n), set()).add(n)
    return frozenset(i for i in range(nplurals) if users.get(i, set()) <= {1})


# --------------------------------------------------------------------------------------------
# .po and .mo readers
# --------------------------------------------------------------------------------------------


@dataclass
class RawEntry:
    msgid: str
    msgstr: str | tuple[str, ...]
    context: str | None = None
    msgid_plural: str | None = None
    fuzzy: bool = False
    line: int | None = None
    flags: frozenset[str] = frozenset()
    obsolete: bool = False
    comments: tuple[str, ...] = ()
    auto_comments: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()


@dataclass
class PoFile:
    """What a ``.po``/``.mo`` file says: entries, the header and the syntax errors met."""

    entries: list[RawEntry]
    headers: dict[str, str]
    errors: list[tuple[int | None, str]] = field(default_factory=list)

    @property
    def plural_header(self) -> str | None:
        return self.headers.get("plural-forms")


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}  # fmt: skip


_ESCAPE_RE = re.compile(r'\\([0-7]{1,3}|.?)|"', re.DOTALL)


def _unescape(match: re.Match[str]) -> str:
    if match.group(0) == '"':
        raise ValueError('a double quote inside a string must be written \\"')
    code = match.group(1)
    if not code:
        raise ValueError("a backslash ends the string")
    if code[0] in "01234567":
        return chr(int(code, 8))
    if code in _ESCAPES:
        return _ESCAPES[code]
    raise ValueError(f"unknown escape \\{code}")


def _unquote(text: str) -> str:
    """The value of a quoted ``.po`` string; ValueError when it is not one."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError("a string must be in double quotes")
    body = text[1:-1]
    if "\\" not in body and '"' not in body:
        return body
    return _ESCAPE_RE.sub(_unescape, body)


def parse_header(text: str) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip():
            headers[name.strip().lower()] = value.strip()
    return headers


_KEYWORD_RE = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)$")


def parse_po(data: bytes | str, source: str = "<po>") -> PoFile:
    """Read a ``.po`` file. Tolerant: an entry with a syntax error is dropped and reported."""
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        text = data.decode("utf-8")  # UnicodeDecodeError: the whole file is unreadable
    else:
        text = data
    entries: list[RawEntry] = []
    errors: list[tuple[int | None, str]] = []
    headers: dict[str, str] = {}

    cur: dict[str, Any] = {}
    last_key: str | None = None
    broken = False
    flags: set[str] = set()
    comments: list[str] = []
    auto_comments: list[str] = []
    locations: list[str] = []

    def finish() -> None:
        nonlocal cur, last_key, broken, flags, comments, auto_comments, locations
        if cur and not broken:
            if "msgid" not in cur:
                errors.append((cur.get("line"), "an entry has no msgid"))
            elif "msgstr" not in cur and "msgstr[]" not in cur:
                errors.append((cur.get("line"), "an entry has no msgstr"))
            else:
                obsolete = bool(cur.get("obsolete"))
                if "msgid_plural" in cur:
                    forms_map: dict[int, str] = cur.get("msgstr[]", {})
                    if "msgstr" in cur or not forms_map:
                        errors.append((cur["line"], "a plural entry needs msgstr[0], msgstr[1]…"))
                        forms: tuple[str, ...] | None = None
                    elif sorted(forms_map) != list(range(len(forms_map))):
                        errors.append((cur["line"], "plural forms are not numbered 0, 1, 2…"))
                        forms = None
                    else:
                        forms = tuple(forms_map[i] for i in range(len(forms_map)))
                    if forms is not None:
                        entries.append(
                            RawEntry(cur["msgid"], forms, cur.get("msgctxt"), cur["msgid_plural"],
                                     "fuzzy" in flags, cur["line"], frozenset(flags), obsolete,
                                     tuple(comments), tuple(auto_comments), tuple(locations))
                        )  # fmt: skip
                elif "msgstr[]" in cur:
                    errors.append((cur["line"], "msgstr[N] without msgid_plural"))
                elif cur["msgid"] == "" and not cur.get("msgctxt") and not obsolete:
                    headers.update(parse_header(cur["msgstr"]))
                    entries.append(RawEntry("", cur["msgstr"], None, None, "fuzzy" in flags,
                                            cur["line"], frozenset(flags)))  # fmt: skip
                else:
                    entries.append(
                        RawEntry(cur["msgid"], cur["msgstr"], cur.get("msgctxt"), None,
                                 "fuzzy" in flags, cur["line"], frozenset(flags), obsolete,
                                 tuple(comments), tuple(auto_comments), tuple(locations))
                    )  # fmt: skip
        cur = {}
        last_key = None
        broken = False
        flags = set()
        comments = []
        auto_comments = []
        locations = []

    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        obsolete = False
        if line.startswith("#~"):
            obsolete = True
            line = line[2:].strip()
            if not line:
                continue
        elif line.startswith("#"):
            if cur and ("msgstr" in cur or "msgstr[]" in cur):
                finish()
            if line.startswith("#,"):
                flags.update(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("#."):
                auto_comments.append(line[2:].strip())
            elif line.startswith("#:"):
                locations.extend(line[2:].split())
            elif line.startswith("#|"):
                pass
            else:
                comments.append(line[1:].strip())
            continue
        if not line:
            continue
        if line.startswith('"'):
            if broken:
                continue
            if last_key is None:
                errors.append((lineno, "a string continues nothing"))
                broken = True
                continue
            try:
                value = _unquote(line)
            except ValueError as exc:
                errors.append((lineno, str(exc)))
                broken = True
                continue
            if last_key.startswith("msgstr["):
                index = int(last_key[7:-1])
                cur["msgstr[]"][index] += value
            else:
                cur[last_key] += value
            continue
        m = _KEYWORD_RE.match(line)
        if not m:
            errors.append((lineno, f"cannot understand {line[:40]!r}"))
            broken = bool(cur)
            continue
        keyword, index_text, rest = m.group(1), m.group(2), m.group(3)
        starts_entry = keyword in ("msgctxt", "msgid")
        if starts_entry and cur and (broken or keyword == "msgctxt" or "msgid" in cur):
            finish()
        if not cur:
            cur = {"line": lineno}
        if obsolete:
            cur["obsolete"] = True
        if broken:
            continue
        try:
            value = _unquote(rest)
        except ValueError as exc:
            errors.append((lineno, str(exc)))
            broken = True
            continue
        if keyword.startswith("msgstr["):
            index = int(index_text)
            forms_map = cur.setdefault("msgstr[]", {})
            if index in forms_map:
                errors.append((lineno, f"msgstr[{index}] appears twice"))
                broken = True
                continue
            forms_map[index] = value
            last_key = f"msgstr[{index}]"
        else:
            if keyword in cur:
                errors.append((lineno, f"{keyword} appears twice in one entry"))
                broken = True
                continue
            cur[keyword] = value
            last_key = keyword
    finish()
    return PoFile(entries, headers, errors)


def parse_mo(data: bytes, source: str = "<mo>") -> PoFile:
    """Read a compiled ``.mo`` catalog (either byte order). ValueError when it is not one."""
    if len(data) < 28:
        raise ValueError("too short to be a .mo file")
    magic = struct.unpack("<I", data[:4])[0]
    if magic == 0x950412DE:
        order = "<"
    elif magic == 0xDE120495:
        order = ">"
    else:
        raise ValueError("not a .mo file (bad magic number)")
    _revision, count, orig_offset, trans_offset = struct.unpack(order + "4I", data[4:20])
    if (
        count > 1_000_000
        or orig_offset + 8 * count > len(data)
        or trans_offset + 8 * count > len(data)
    ):
        raise ValueError(".mo file tables run past its end")
    entries: list[RawEntry] = []
    errors: list[tuple[int | None, str]] = []
    headers: dict[str, str] = {}

    def string_at(table: int, i: int) -> bytes:
        length, offset = struct.unpack(order + "2I", data[table + 8 * i : table + 8 * i + 8])
        if offset + length > len(data):
            raise ValueError(".mo file string runs past its end")
        return data[offset : offset + length]

    for i in range(count):
        raw_id = string_at(orig_offset, i)
        raw_str = string_at(trans_offset, i)
        try:
            msgid_full = raw_id.decode("utf-8")
            msgstr_full = raw_str.decode("utf-8")
        except UnicodeDecodeError:
            errors.append((None, f"entry {i} is not UTF-8"))
            continue
        context = None
        if _CONTEXT_SEP in msgid_full:
            context, _sep, msgid_full = msgid_full.partition(_CONTEXT_SEP)
        if "\x00" in msgid_full:
            msgid, _sep, msgid_plural = msgid_full.partition("\x00")
            entries.append(RawEntry(msgid, tuple(msgstr_full.split("\x00")), context,
                                    msgid_plural))  # fmt: skip
        else:
            if msgid_full == "" and context is None:
                headers = parse_header(msgstr_full)
            entries.append(RawEntry(msgid_full, msgstr_full, context))
    return PoFile(entries, headers, errors)


def read_catalog_file(path: Path) -> PoFile:
    """Read a ``.po`` or ``.mo`` file (raises OSError/ValueError when it cannot be read at all)."""
    data = path.read_bytes()
    if path.suffix == ".mo":
        return parse_mo(data, str(path))
    return parse_po(data, str(path))


# --------------------------------------------------------------------------------------------
# catalogs
# --------------------------------------------------------------------------------------------


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
        except Exception:  # defensive: rules are checked at load time
            return None
        if not 0 <= index < len(forms):
            return None
        return forms[index]


def entry_key(msgid: str, context: str | None) -> str:
    return f"{context}{_CONTEXT_SEP}{msgid}" if context else msgid


def plural_form_problem(
    msgid: str,
    msgid_plural: str,
    forms: tuple[str, ...],
    nplurals: int,
    singular_forms: frozenset[int],
) -> str | None:
    """Why the plural ``forms`` cannot be used (None when they can)."""
    if len(forms) != nplurals:
        return f"has {len(forms)} plural forms, the language needs {nplurals}"
    if any(not f for f in forms):
        return "a plural form is empty"
    for i, form in enumerate(forms):
        reason = check_translation(msgid_plural, form)
        if reason and i in singular_forms and check_translation(msgid, form) is None:
            reason = None  # a form only used for n == 1 may read like the English singular
        if reason:
            return f"plural form {i}: {reason}"
    return None


def build_catalog(
    lang: str,
    domain: str,
    source: str,
    entries: Iterable[RawEntry],
    plural_header: str | None,
    problems: list[CatalogProblem],
) -> Catalog:
    """Keep the entries that are safe to use; list the others in ``problems``."""
    nplurals, plural_fn = 2, (lambda n: int(n != 1))
    plural_ok = True
    if plural_header:
        try:
            nplurals, plural_fn = parse_plural_header(plural_header)
        except (ValueError, SyntaxError, RecursionError) as exc:
            plural_ok = False
            problems.append(CatalogProblem(lang, domain, source, plural_header,
                                           f"bad Plural-Forms header ({exc})"))  # fmt: skip
    else:
        plural_ok = False
    singular_forms = singular_only_forms(nplurals, plural_fn)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for e in entries:
        if not e.msgid or e.fuzzy or e.obsolete:
            continue
        key = entry_key(e.msgid, e.context)

        def bad(reason: str, e: RawEntry = e) -> None:
            problems.append(CatalogProblem(lang, domain, source, e.msgid, reason, e.line))

        if e.msgid_plural is not None:
            forms = tuple(e.msgstr) if isinstance(e.msgstr, tuple | list) else (e.msgstr,)
            if all(not f for f in forms):
                continue  # untranslated
            if not plural_ok:
                bad("plural entry unusable: the catalog has no valid Plural-Forms header")
                continue
            reason = plural_form_problem(e.msgid, e.msgid_plural, forms, nplurals, singular_forms)
            if reason:
                bad(reason)
                continue
            plurals[key] = forms
        else:
            if not isinstance(e.msgstr, str):
                bad("msgstr[N] given for an entry without msgid_plural")
                continue
            text = e.msgstr
            if not text:
                continue
            reason = check_translation(e.msgid, text)
            if reason:
                bad(reason)
                continue
            messages[key] = text
    return Catalog(lang, domain, messages, plurals, plural_fn, nplurals, source)


def built_in_locales_dir() -> Path:
    from budget_tutor.resources import locales_dir

    return locales_dir()


def _is_installed_copy(base: Path) -> bool:
    """True for the catalogs inside an installed wheel (``budget_tutor/_locales``): there the
    files' times say when pip unpacked them, not which is newer, and the ``.mo`` is the build's
    own compilation of the ``.po`` (lessons.d included)."""
    return base.name == "_locales"


def catalog_file(base: Path, lang: str, domain: str) -> Path | None:
    """The ``.po`` or ``.mo`` to read for ``domain`` in ``base`` (the newer wins; None: neither)."""
    folder = base / lang / "LC_MESSAGES"
    po, mo = folder / f"{domain}.po", folder / f"{domain}.mo"
    try:
        po_time = po.stat().st_mtime_ns if po.is_file() else None
        mo_time = mo.stat().st_mtime_ns if mo.is_file() else None
    except OSError:
        return None
    if mo_time is not None and _is_installed_copy(base):
        return mo
    if po_time is not None and (mo_time is None or po_time > mo_time):
        return po
    if mo_time is not None:
        return mo
    return None


def catalog_files(base: Path, lang: str, domain: str) -> list[Path]:
    """Every file to read for ``domain`` in ``base``, most important first."""
    files: list[Path] = []
    main = catalog_file(base, lang, domain)
    if domain == "lessons":
        # Per-lesson files are merged into lessons.po by the workflow; one edited since (newer
        # than the merged catalog) is read first, so the edit shows without running the workflow.
        parts = base / lang / "LC_MESSAGES" / "lessons.d"
        if parts.is_dir() and not (
            main is not None and main.suffix == ".mo" and _is_installed_copy(base)
        ):
            try:
                main_time = main.stat().st_mtime_ns if main is not None else -1
                files.extend(
                    p for p in sorted(parts.glob("*.po")) if p.stat().st_mtime_ns > main_time
                )
            except OSError:
                pass
    if main is not None:
        files.append(main)
    return files


_cache: dict[
    tuple[str, str, str], tuple[tuple[int, int], Catalog | None, list[CatalogProblem]]
] = {}


def load_catalog(
    path: Path, lang: str, domain: str, problems: list[CatalogProblem]
) -> Catalog | None:
    """The usable entries of one file (cached by size and modification time)."""
    key = (str(path), lang, domain)
    try:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError as exc:
        problems.append(CatalogProblem(lang, domain, str(path), "", f"cannot be read ({exc})"))
        return None
    cached = _cache.get(key)
    if cached is not None and cached[0] == stamp:
        problems.extend(cached[2])
        return cached[1]
    found: list[CatalogProblem] = []
    catalog: Catalog | None
    try:
        po = read_catalog_file(path)
    except (OSError, ValueError, UnicodeDecodeError, struct.error) as exc:
        found.append(CatalogProblem(lang, domain, str(path), "", f"cannot be read ({exc})"))
        catalog = None
    else:
        for line, reason in po.errors:
            found.append(
                CatalogProblem(lang, domain, str(path), "", f"syntax error: {reason}", line)
            )
        catalog = build_catalog(lang, domain, str(path), po.entries, po.plural_header, found)
    _cache[key] = (stamp, catalog, found)
    problems.extend(found)
    return catalog


def clear_cache() -> None:
    _cache.clear()


class _State:
    def __init__(self) -> None:
        self.language = SOURCE_LANGUAGE
        self.override_dir: Path | None = None
        self.catalogs: dict[str, list[Catalog]] = {}
        self.problems: list[CatalogProblem] = []
        self.listeners: list[Callable[[str], None]] = []


_state = _State()


def set_override_dir(path: Path | str | None) -> None:
    """Use a translator's folder of ``.po`` files over the built-in catalogs (None: stop).

    Takes effect at the next :func:`set_language` or :func:`reload`.
    """
    _state.override_dir = Path(path) if path else None


def override_dir() -> Path | None:
    if _state.override_dir is not None:
        return _state.override_dir
    env = os.environ.get(OVERRIDE_ENV)
    return Path(env) if env else None


def load_language(lang: str) -> tuple[dict[str, list[Catalog]], list[CatalogProblem]]:
    """Read the catalogs of ``lang`` (the cache aside, no global state touched)."""
    problems: list[CatalogProblem] = []
    catalogs: dict[str, list[Catalog]] = {}
    if lang == SOURCE_LANGUAGE:
        return catalogs, problems
    bases: list[Path] = []
    for base in (override_dir(), built_in_locales_dir()):
        if base is not None and base not in bases:
            bases.append(base)
    for domain in DOMAINS:
        chain: list[Catalog] = []
        for base in bases:
            for path in catalog_files(base, lang, domain):
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
    """Read the active language's catalogs again from disk (after a translator edited them)."""
    clear_cache()
    set_language(_state.language)


def current_language() -> str:
    return _state.language


def problems() -> list[CatalogProblem]:
    """Entries of the active language that were not used, and why."""
    return list(_state.problems)


def catalog_sources() -> list[str]:
    """The files the active language was read from, most important first (for an About box)."""
    return [c.source for chain in _state.catalogs.values() for c in chain]


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


def NP_(context: str, message: str) -> tuple[str, str]:
    """Mark a text with its context for extraction; translate it later with :func:`pgettext`."""
    return context, message


def _(message: str) -> str:
    return _lookup("budget_tutor", message) or message


def gettext(message: str) -> str:
    return _(message)


def pgettext(context: str, message: str) -> str:
    return _lookup("budget_tutor", entry_key(message, context)) or message


def ngettext(singular: str, plural: str, n: int) -> str:
    text = _lookup_plural("budget_tutor", singular, n)
    if text is not None:
        return text
    return singular if n == 1 else plural


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    text = _lookup_plural("budget_tutor", entry_key(singular, context), n)
    if text is not None:
        return text
    return singular if n == 1 else plural


#: The texts of Python's argparse (help headings, usage and error messages) in our catalog, so the
#: command line's help and errors are in the user's language (see :func:`translate_argparse`).
_ARGPARSE_TEXTS = (
    NP_("argparse", "usage: "),
    NP_("argparse", "positional arguments"),
    NP_("argparse", "options"),
    NP_("argparse", "show this help message and exit"),
    NP_("argparse", "argument %(argument_name)s: %(message)s"),
    NP_("argparse", "unrecognized arguments: %s"),
    NP_("argparse", "not allowed with argument %s"),
    NP_("argparse", "the following arguments are required: %s"),
    NP_("argparse", "one of the arguments %s is required"),
    NP_("argparse", "expected one argument"),
    NP_("argparse", "expected at most one argument"),
    NP_("argparse", "expected at least one argument"),
    NP_("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    NP_("argparse", "invalid %(type)s value: %(value)r"),
    NP_("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    NP_("argparse", "%(prog)s: error: %(message)s\n"),
    NP_("argparse", "can't open '%(filename)s': %(error)s"),
    NP_("argparse", "ignored explicit argument %r"),
)


def _argparse_gettext(message: str) -> str:
    return pgettext("argparse", message) if message else message


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return npgettext("argparse", "expected %s argument", "expected %s arguments", n)
    return npgettext("argparse", singular, plural, n)


def translate_argparse() -> None:
    """Let Python's argparse show its own texts ("usage:", "options", its errors) from our
    catalog in the active language. argparse looks its ``_``/``ngettext`` up when it shows a
    text, so this takes effect for parsers built before and after."""
    import argparse

    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]


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
