"""Reading a lesson file safely: size limit, UTF-8, YAML safe loader with alias and depth limits.

A lesson file comes from a USB stick and is not trusted. :func:`load_yaml` never runs code
(``yaml.SafeLoader`` only: ``!!python/object`` and other unknown tags are refused), never reads a
file over :data:`MAX_FILE_BYTES` into memory, refuses alias bombs (too many aliases, or a document
that would expand to more than :data:`MAX_NODES` values) and deep nesting (:data:`MAX_DEPTH`).
It returns the data with the line of every value, so the validator can say where a problem is.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from budget_tutor.i18n import N_

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_ALIASES = 100
#: Values in the document once every alias is expanded.
MAX_NODES = 100_000

Path_ = tuple[str | int, ...]


class LessonLoadError(Exception):
    """A file that cannot be read as a lesson document at all."""

    def __init__(self, file: str, line: int | None, msgid: str, **params: str) -> None:
        super().__init__(msgid.format(**params))
        self.file = file
        self.line = line
        self.msgid = msgid
        self.params = params


_TOO_BIG = N_("the file is {size} bytes; a lesson file may be at most {limit} bytes")
_NOT_UTF8 = N_("the file is not UTF-8 text (bad byte at position {position})")
_YAML_SYNTAX = N_("this is not valid YAML: {detail}")
_UNSAFE_TAG = N_("the tag {tag} is not allowed in a lesson file (only plain YAML)")
_TOO_DEEP = N_("the data is nested more than {limit} levels deep")
_TOO_MANY_ALIASES = N_("the file uses more than {limit} YAML aliases")
_TOO_LARGE_EXPANDED = N_("the file expands to more than {limit} values (an alias bomb?)")
_RECURSIVE = N_("the file refers to itself (a recursive YAML alias)")
_CANNOT_READ = N_("the file cannot be read: {detail}")
_UNPRINTABLE = N_("the file contains a control character ({code}) that is not allowed in text")
_NOT_ONE_DOCUMENT = N_("the file must hold exactly one YAML document")
_NOT_REGULAR = N_("the file is not a regular file (a device, a pipe or a folder): it was not read")
_OUTSIDE_PACK = N_("the file is a link to a file outside the pack: it was not read")


class _LimitedLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML has no type stubs here
    """A SafeLoader that counts aliases and nesting while it composes the node graph."""

    def __init__(self, stream: str, file: str) -> None:
        super().__init__(stream)
        self._file = file
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                event = self.peek_event()
                raise LessonLoadError(
                    self._file,
                    event.start_mark.line + 1,
                    _TOO_MANY_ALIASES,
                    limit=str(MAX_ALIASES),
                )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()
                raise LessonLoadError(
                    self._file, event.start_mark.line + 1, _TOO_DEEP, limit=str(MAX_DEPTH)
                )
            return super().compose_node(parent, index)  # type: ignore[no-any-return,unused-ignore]
        finally:
            self._depth -= 1


@dataclass
class Document:
    """A loaded YAML document: the data and the line (1-based) of every value, by path."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """The line of the value at ``path``, or of its nearest parent that has one."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), 1)


def _expanded_size(node: Node, file: str) -> int:
    """How many values the node graph holds when aliases are expanded (raises past the limit)."""
    memo: dict[int, int] = {}
    active: set[int] = set()

    def size(n: Node) -> int:
        key = id(n)
        if key in memo:
            return memo[key]
        if key in active:
            raise LessonLoadError(file, n.start_mark.line + 1, _RECURSIVE)
        active.add(key)
        total = 1
        if isinstance(n, SequenceNode):
            for child in n.value:
                total += size(child)
                if total > MAX_NODES:
                    break
        elif isinstance(n, MappingNode):
            for k, v in n.value:
                total += size(k) + size(v)
                if total > MAX_NODES:
                    break
        active.discard(key)
        if total > MAX_NODES:
            raise LessonLoadError(
                file, n.start_mark.line + 1, _TOO_LARGE_EXPANDED, limit=str(MAX_NODES)
            )
        memo[key] = total
        return total

    return size(node)


def _record_lines(node: Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, SequenceNode):
        for i, child in enumerate(node.value):
            _record_lines(child, (*path, i), lines)
    elif isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode):
                lines[(*path, k.value)] = v.start_mark.line + 1
                # a key's own line, for "unknown key" messages
                lines[(*path, "\x00key", k.value)] = k.start_mark.line + 1
                if isinstance(v, (SequenceNode, MappingNode)):
                    _record_lines(v, (*path, k.value), lines)
                    lines[(*path, k.value)] = v.start_mark.line + 1


def read_limited(path: Path, limit: int = MAX_FILE_BYTES, root: Path | None = None) -> bytes:
    """Read at most ``limit`` bytes of a regular file; a bigger file is refused without reading
    it whole. Opened with ``O_NONBLOCK`` and checked with ``fstat`` before any read, so a FIFO
    or a device named ``*.yaml`` is refused at once instead of waiting forever; with ``root``
    (a pack folder), a link that leads outside it is refused without being opened."""
    name = str(path)
    try:
        real = path.resolve()
        if root is not None and not real.is_relative_to(root.resolve()):
            raise LessonLoadError(name, None, _OUTSIDE_PACK)
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
        fd = os.open(real, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise LessonLoadError(name, None, _NOT_REGULAR)
            if info.st_size > limit:
                raise LessonLoadError(
                    name, None, _TOO_BIG, size=str(info.st_size), limit=str(limit)
                )
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = fh.read(limit + 1)
        finally:
            os.close(fd)
    except (OSError, RuntimeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise LessonLoadError(name, None, _CANNOT_READ, detail=detail) from exc
    if len(data) > limit:  # the file grew while it was read
        raise LessonLoadError(name, None, _TOO_BIG, size=f">{limit}", limit=str(limit))
    return data


def decode_utf8(raw: bytes, file: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LessonLoadError(file, line, _NOT_UTF8, position=str(exc.start)) from exc
    return text.removeprefix("\ufeff")


#: libyaml's parser when PyYAML was built with it (about ten times faster), else None.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)


def _precheck_events(text: str, file: str) -> None:
    """Count nesting and aliases over libyaml's flat event stream (no recursion), so the tree is
    composed only for documents within the limits."""
    depth = 0
    aliases = 0
    for event in yaml.parse(text, Loader=_FAST_LOADER):
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise LessonLoadError(
                    file, event.start_mark.line + 1, _TOO_DEEP, limit=str(MAX_DEPTH)
                )
        elif isinstance(event, (SequenceEndEvent, MappingEndEvent)):
            depth -= 1
        elif isinstance(event, AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise LessonLoadError(
                    file, event.start_mark.line + 1, _TOO_MANY_ALIASES, limit=str(MAX_ALIASES)
                )


def _printable_check(text: str, file: str) -> None:
    """The pure-Python reader's rule for characters (libyaml is laxer): refuse the same."""
    match = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if match is not None:
        line = text[: match.start()].count("\n") + 1
        raise LessonLoadError(file, line, _UNPRINTABLE, code=f"U+{ord(match.group()):04X}")


def parse_yaml(text: str, file: str, *, fast: bool = True) -> Document:
    """Parse YAML text into a :class:`Document` (raises :class:`LessonLoadError`).

    With ``fast`` (and libyaml available) the events are first checked for depth and aliases,
    then composed by libyaml; otherwise the pure-Python :class:`_LimitedLoader` counts them while
    it composes. Both construct with PyYAML's safe constructor only.
    """
    loader: Any = None
    try:
        if fast and _FAST_LOADER is not None:
            _printable_check(text, file)
            _precheck_events(text, file)
            loader = _FAST_LOADER(text)
        else:
            loader = _LimitedLoader(text, file)  # its reader refuses unprintable characters
        try:
            node = loader.get_single_node()
        except yaml.composer.ComposerError as exc:
            if "expected a single document" in str(exc):
                line = exc.problem_mark.line + 1 if exc.problem_mark else None
                raise LessonLoadError(file, line, _NOT_ONE_DOCUMENT) from exc
            raise
        if node is None:
            return Document(file, None, {(): 1})
        _expanded_size(node, file)
        try:
            data = loader.construct_document(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            tag = _tag_of(exc)
            if tag:
                raise LessonLoadError(file, line, _UNSAFE_TAG, tag=tag) from exc
            raise LessonLoadError(file, line, _YAML_SYNTAX, detail=_one_line(exc)) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if "nesting depth" in str(exc):  # libyaml's own limit (deeper than ours)
            raise LessonLoadError(file, line, _TOO_DEEP, limit=str(MAX_DEPTH)) from exc
        raise LessonLoadError(file, line, _YAML_SYNTAX, detail=_one_line(exc)) from exc
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise LessonLoadError(file, line, _UNPRINTABLE, code=f"U+{exc.character:04X}") from exc
    except yaml.YAMLError as exc:
        raise LessonLoadError(file, None, _YAML_SYNTAX, detail=_one_line(exc)) from exc
    except RecursionError as exc:  # a pathological document the depth count did not catch
        raise LessonLoadError(file, None, _TOO_DEEP, limit=str(MAX_DEPTH)) from exc
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[Path_, int] = {}
    _record_lines(node, (), lines)
    return Document(file, data, lines)


def load_yaml(path: Path, *, display_name: str | None = None, root: Path | None = None) -> Document:
    """Read, decode and parse one lesson, course or pack file (inside ``root`` when given)."""
    name = display_name or str(path)
    raw = read_limited(path, root=root)
    return parse_yaml(decode_utf8(raw, name), name)


def _tag_of(exc: yaml.constructor.ConstructorError) -> str:
    problem = exc.problem or ""
    marker = "tag "
    if "constructor for the tag" in problem or "tag" in problem:
        at = problem.rfind(marker)
        if at >= 0:
            tag = problem[at + len(marker) :].strip().strip("'\"")
            return tag.replace("tag:yaml.org,2002:", "!!")
    return ""


def _one_line(exc: Exception) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        parts = [exc.context or "", exc.problem or ""]
        text = "; ".join(p for p in parts if p)
        if text:
            return text
    return " ".join(str(exc).split())[:200]
