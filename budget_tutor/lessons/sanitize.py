"""Lesson rich text to safe HTML: paragraphs and **bold**, nothing else.

Lesson text comes from files people pass around. Every character is escaped first, so ``<script>``,
``<img src=http://…>``, ``<a href="file:///…">`` and ``javascript:`` show as the literal text
they are; then blank lines become paragraphs, single line breaks ``<br>``, and ``**…**`` bold.
The result contains no tag other than ``<p>``, ``<br>`` and ``<b>``, no attribute, and so no
image, link or URL a Qt text widget could load.

Lesson pictures are checked here too (:func:`load_svg`): read only as a regular file, parsed
without DTDs or entities, refused if they link anywhere outside themselves or would make a
renderer draw too much (reference fan-out, total elements, nesting).
"""

from __future__ import annotations

import html
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from budget_tutor.i18n import N_

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
#: Control characters other than tab and newline are dropped (they confuse text widgets).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of lesson text (separated by blank lines), each stripped."""
    clean = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [p.strip() for p in _PARAGRAPH_BREAK.split(clean.strip()) if p.strip()]


def _inline(paragraph: str) -> str:
    escaped = html.escape(paragraph, quote=True)
    bolded = _BOLD.sub(lambda m: f"<b>{m.group(1)}</b>", escaped)
    return "<br>".join(line.strip() for line in bolded.split("\n"))


def to_html(text: str) -> str:
    """Safe HTML for a Qt rich-text label: ``<p>`` paragraphs with ``<b>`` and ``<br>`` only."""
    return "".join(f"<p>{_inline(p)}</p>" for p in paragraphs(text))


def to_plain(text: str) -> str:
    """The text without markup: bold markers removed, paragraphs joined by blank lines."""
    return "\n\n".join(_BOLD.sub(r"\1", p) for p in paragraphs(text))


def escape(text: str) -> str:
    """Escape plain text (a card, an option, a name) for a rich-text widget."""
    return html.escape(_CONTROL.sub("", text), quote=True)


# ------------------------------------------------------------------------------------------------
# pictures: a lesson SVG is checked completely before Qt ever renders it
# ------------------------------------------------------------------------------------------------

#: The largest picture file (bytes).
MAX_SVG_BYTES = 2_000_000
#: Elements in the file as written.
MAX_SVG_ELEMENTS = 20_000
#: Elements a renderer draws once every ``<use>`` and ``url(#…)`` reference is expanded: a 2 KB
#: file whose references fan out ten-fold over nine levels asks for 10^9 and froze the app.
MAX_SVG_EXPANDED = 50_000
#: Nesting of elements, counting the levels that references add.
MAX_SVG_DEPTH = 64

SVG_NAMESPACES = ("http://www.w3.org/2000/svg", "")
_XLINK = "http://www.w3.org/1999/xlink"
#: Elements that run code, embed other documents or pull in other files: never in a lesson.
_FORBIDDEN_ELEMENTS = {
    "script": N_("it contains a script"),
    "foreignObject": N_("it contains foreign content"),
    "iframe": N_("it contains foreign content"),
    "object": N_("it contains foreign content"),
    "embed": N_("it contains foreign content"),
    "handler": N_("it contains a script"),
    "listener": N_("it contains event handlers"),
    "image": N_("it links to another file or address"),
    "feImage": N_("it links to another file or address"),
}
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_IMPORT = re.compile(r"@import", re.I)

_M_TOO_BIG = N_("it is larger than 2 MB")
_M_UNREADABLE = N_("it cannot be read")
_M_NOT_REGULAR = N_("it is not a regular file (a device, a pipe or a folder)")
_M_OUTSIDE = N_("it is a link to a file outside the pack")
_M_NOT_SVG = N_("it is not an SVG drawing")
_M_NOT_XML = N_("it is not well-formed XML (line {line})")
_M_DOCTYPE = N_("it declares a DOCTYPE or entities")
_M_EXTERNAL = N_("it links to another file or address")
_M_EXTERNAL_CSS = N_("it refers to another file or address")
_M_EVENTS = N_("it contains event handlers")
_M_TOO_MANY = N_("it has more than {limit} elements")
_M_FAN_OUT = N_("its references expand to more than {limit} elements")
_M_TOO_DEEP = N_("it is nested more than {limit} levels deep")
_M_LOOP = N_("it refers to itself in a loop")
_M_MISSING_REF = N_("it refers to a part “{id}” that it does not contain")


@dataclass(frozen=True)
class PictureProblem:
    """Why a picture is refused: an English ``msgid`` (marked with ``N_``) and its values."""

    msgid: str
    params: tuple[tuple[str, str], ...] = ()

    def english(self) -> str:
        return self.msgid.format(**dict(self.params))

    def message(self) -> str:
        from budget_tutor.i18n import _, safe_format

        return safe_format(_(self.msgid), self.msgid, **dict(self.params))


class _Refused(Exception):
    def __init__(self, msgid: str, **params: object) -> None:
        super().__init__(msgid)
        self.problem = PictureProblem(msgid, tuple((k, str(v)) for k, v in params.items()))


class _Element:
    __slots__ = ("children", "refs", "tag")

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.children: list[_Element] = []
        self.refs: list[str] = []  # ids this element draws again (<use href>, url(#id))


def _local(name: str) -> tuple[str, str]:
    """(namespace, local name) of an expat name ``"ns local"``."""
    if " " in name:
        ns, _sep, local = name.partition(" ")
        return ns, local
    return "", name


def _local_refs(value: str) -> list[str]:
    """The ids that ``url(#id)`` values in an attribute or style refer to; raises on any other
    address (a file, ``http:``, ``data:``)."""
    refs = []
    for match in _URL.finditer(value):
        target = match.group(2).strip()
        if not target.startswith("#"):
            raise _Refused(_M_EXTERNAL_CSS)
        refs.append(target[1:])
    return refs


def _parse_svg(data: bytes) -> tuple[_Element, dict[str, _Element]]:
    """Parse with expat (no DTD, no entities, no network) into a light tree, refusing anything
    that is not a self-contained drawing; counts elements and depth while it reads."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    stack: list[_Element] = []
    ids: dict[str, _Element] = {}
    root: list[_Element] = []
    count = 0
    in_style = 0

    def refuse_doctype(*_args: object) -> None:
        raise _Refused(_M_DOCTYPE)

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal count, in_style
        count += 1
        if count > MAX_SVG_ELEMENTS:
            raise _Refused(_M_TOO_MANY, limit=MAX_SVG_ELEMENTS)
        if len(stack) >= MAX_SVG_DEPTH:
            raise _Refused(_M_TOO_DEEP, limit=MAX_SVG_DEPTH)
        ns, tag = _local(name)
        if tag in _FORBIDDEN_ELEMENTS:
            raise _Refused(_FORBIDDEN_ELEMENTS[tag])
        if ns not in SVG_NAMESPACES and not stack:
            raise _Refused(_M_NOT_SVG)
        element = _Element(tag)
        for key, value in attrs.items():
            attr_ns, attr = _local(key)
            if attr.lower().startswith("on"):
                raise _Refused(_M_EVENTS)
            if attr == "href" and attr_ns in ("", _XLINK):
                target = value.strip()
                if not target.startswith("#"):
                    raise _Refused(_M_EXTERNAL)
                element.refs.append(target[1:])
            elif attr == "id" and attr_ns == "":
                ids.setdefault(value, element)
            else:
                if _IMPORT.search(value):
                    raise _Refused(_M_EXTERNAL_CSS)
                element.refs.extend(_local_refs(value))
        if tag == "style":
            in_style += 1
        if stack:
            stack[-1].children.append(element)
        else:
            if tag != "svg":
                raise _Refused(_M_NOT_SVG)
            root.append(element)
        stack.append(element)

    def end(name: str) -> None:
        nonlocal in_style
        if _local(name)[1] == "style":
            in_style -= 1
        stack.pop()

    def text(data_: str) -> None:
        if in_style and stack:  # CSS: no @import, url() only to parts of this drawing
            if _IMPORT.search(data_):
                raise _Refused(_M_EXTERNAL_CSS)
            stack[-1].refs.extend(_local_refs(data_))

    def refuse_external(*_args: object) -> int:
        raise _Refused(_M_DOCTYPE)

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.ExternalEntityRefHandler = refuse_external
    parser.ProcessingInstructionHandler = lambda target, _data: (
        None if target.lower() == "xml" else refuse_doctype()
    )
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise _Refused(_M_NOT_XML, line=exc.lineno) from None
    if not root:
        raise _Refused(_M_NOT_SVG)
    return root[0], ids


def _check_expansion(root: _Element, ids: dict[str, _Element]) -> None:
    """Count what a renderer draws with every reference expanded (memoised, so a fan-out is
    priced without being expanded), refusing loops, missing parts and too much."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    active: set[int] = set()

    def visit(element: _Element, level: int) -> tuple[int, int]:
        key = id(element)
        if key in size:
            return size[key], depth[key]
        if key in active:
            raise _Refused(_M_LOOP)
        if level >= MAX_SVG_DEPTH:  # ``level`` is this element's depth once expanded
            raise _Refused(_M_TOO_DEEP, limit=MAX_SVG_DEPTH)
        active.add(key)
        total, deepest = 1, 0
        parts = [*element.children]
        for ref in element.refs:
            target = ids.get(ref)
            if target is None:
                raise _Refused(_M_MISSING_REF, id=ref[:40])
            parts.append(target)
        for part in parts:
            n, d = visit(part, level + 1)
            total += n
            deepest = max(deepest, d)
            if total > MAX_SVG_EXPANDED:
                raise _Refused(_M_FAN_OUT, limit=MAX_SVG_EXPANDED)
        if deepest + 1 > MAX_SVG_DEPTH:
            raise _Refused(_M_TOO_DEEP, limit=MAX_SVG_DEPTH)
        active.discard(key)
        size[key], depth[key] = total, deepest + 1
        return total, deepest + 1

    visit(root, 0)


def svg_data_problem(data: bytes) -> PictureProblem | None:
    """Why these SVG bytes may not be shown (None: a self-contained drawing within the limits).

    Refused: more than :data:`MAX_SVG_BYTES`; anything that is not well-formed XML with an ``<svg>``
    root; a DOCTYPE, entities or processing instructions; scripts, event handlers, foreign
    content, ``<image>``; any ``href`` or CSS ``url()`` that is not ``#part-of-this-drawing`` (so
    no ``file:``, ``http:``, ``data:`` or bare path) and CSS ``@import``; more than
    :data:`MAX_SVG_ELEMENTS` elements, more than :data:`MAX_SVG_EXPANDED` once references are
    expanded, more than :data:`MAX_SVG_DEPTH` levels; references in a loop or to a missing part.
    """
    if len(data) > MAX_SVG_BYTES:
        return PictureProblem(_M_TOO_BIG)
    try:
        root, ids = _parse_svg(data)
        _check_expansion(root, ids)
    except _Refused as refused:
        return refused.problem
    except RecursionError:  # pragma: no cover - the depth limits come first
        return PictureProblem(_M_TOO_DEEP, (("limit", str(MAX_SVG_DEPTH)),))
    return None


def read_regular_file(
    path: Path, limit: int, root: Path | None = None
) -> tuple[bytes | None, PictureProblem | None]:
    """Read a file from a pack without ever blocking: only a regular file (never a FIFO, a
    device or a folder, which ``open`` could wait on forever), inside ``root`` when given (a link
    that leads outside is refused), at most ``limit`` bytes. Returns (data, None) or
    (None, why)."""
    try:
        real = path.resolve()
        if root is not None and not real.is_relative_to(root.resolve()):
            return None, PictureProblem(_M_OUTSIDE)
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
        flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(real, flags)
    except (OSError, RuntimeError):
        return None, PictureProblem(_M_UNREADABLE)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, PictureProblem(_M_NOT_REGULAR)
        if info.st_size > limit:
            return None, PictureProblem(_M_TOO_BIG)
        chunks = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError:
        return None, PictureProblem(_M_UNREADABLE)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        return None, PictureProblem(_M_TOO_BIG)
    return data, None


def load_svg(path: Path, root: Path | None = None) -> tuple[bytes | None, PictureProblem | None]:
    """A picture's bytes if they are safe to render, else (None, why). The one gate every lesson
    and pack picture passes before Qt sees it (``lessons check``, the validator, the Lessons page)."""
    data, problem = read_regular_file(path, MAX_SVG_BYTES, root)
    if data is None:
        return None, problem
    problem = svg_data_problem(data)
    return (None, problem) if problem is not None else (data, None)
