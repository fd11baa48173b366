"""The lesson extractor: the translatable text of lesson files and the course, for ``lessons.pot``.

The English msgid of an entry is exactly ``value.strip()`` of every string under the keys in
:data:`TRANSLATABLE_KEYS`, each item of ``take_home`` and ``name`` inside ``suggestion``. ``id``,
``sources``, ``unit``, ``function`` and ``args`` are not translated. Each entry carries its
``file:line`` references and a translator comment naming the lesson and step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from budget_tutor.lessons.loader import Document, LessonLoadError, Path_, load_yaml

TRANSLATABLE_KEYS = frozenset(
    {
        "title",
        "summary",
        "text",
        "question",
        "feedback",
        "label",
        "prompt",
        "solution",
        "trainer_notes",
    }
)
#: Keys whose values are never translated and never searched for text.
UNTRANSLATED_KEYS = frozenset({"id", "sources", "unit", "function", "args", "compute", "format"})

Message = tuple[str, list[tuple[str, int]], list[str]]


@dataclass(frozen=True)
class Found:
    msgid: str
    line: int
    comment: str


def _context(data: Any, path: Path_) -> str:
    """``lesson m03-family-budget, step q-first`` for a value at ``path``."""
    doc_id = data.get("id") if isinstance(data, dict) else None
    is_course = isinstance(data, dict) and "assessment" in data and "steps" not in data
    parts = [f"{'course' if is_course else 'lesson'} {doc_id}"]
    if len(path) >= 2 and path[0] in ("steps", "assessment") and isinstance(path[1], int):
        items = data.get(path[0])
        if isinstance(items, list) and path[1] < len(items) and isinstance(items[path[1]], dict):
            item = items[path[1]]
            kind = "step" if path[0] == "steps" else "assessment item"
            parts.append(f"{kind} {item.get('id')}")
            if path[0] == "steps" and item.get("type"):
                parts.append(f"({item.get('type')})")
    field = next((p for p in reversed(path) if isinstance(p, str)), "")
    if field == "trainer_notes":
        parts.append("- trainer notes, shown to trainers only")
    return " ".join(parts[:1]) + (", " + " ".join(parts[1:]) if len(parts) > 1 else "")


def document_messages(doc: Document) -> list[Found]:
    """Every translatable string of one loaded document, in file order."""
    found: list[Found] = []

    def emit(value: Any, path: Path_) -> None:
        if isinstance(value, str) and value.strip():
            found.append(Found(value.strip(), doc.line(path), _context(doc.data, path)))

    def walk(value: Any, path: Path_) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if not isinstance(key, str) or key in UNTRANSLATED_KEYS:
                    continue
                here = (*path, key)
                if key in TRANSLATABLE_KEYS:
                    emit(child, here)
                elif key == "take_home" and isinstance(child, list):
                    for i, item in enumerate(child):
                        emit(item, (*here, i))
                elif key == "suggestion" and isinstance(child, dict):
                    emit(child.get("name"), (*here, "name"))
                elif isinstance(child, (dict, list)):
                    walk(child, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    walk(item, (*path, i))

    walk(doc.data, ())
    return found


def _iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.glob("*.yaml") if p.name != "pack.yaml")
        else:
            yield path


def extract_messages(
    paths: Iterable[Path | str],
    *,
    base: Path | None = None,
    errors: list[LessonLoadError] | None = None,
) -> list[Message]:
    """``(msgid, [(file, line), ...], [comment, ...])`` for every lesson string in ``paths``
    (files, or folders whose ``*.yaml`` are read), merged by msgid in order of first use.

    File names in references are relative to ``base`` when given. A file that cannot be loaded
    is skipped and its error appended to ``errors`` (raised when ``errors`` is None).
    """
    merged: dict[str, tuple[list[tuple[str, int]], list[str]]] = {}
    for path in _iter_files(Path(p) for p in paths):
        name = str(path)
        if base is not None:
            try:
                name = path.resolve().relative_to(base.resolve()).as_posix()
            except ValueError:
                name = str(path)
        try:
            doc = load_yaml(path, display_name=name)
        except LessonLoadError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        for item in document_messages(doc):
            locations, comments = merged.setdefault(item.msgid, ([], []))
            locations.append((name, item.line))
            if item.comment not in comments:
                comments.append(item.comment)
    return [(msgid, locs, comments) for msgid, (locs, comments) in merged.items()]


def to_catalog(messages: Iterable[Message], *, project: str = "Budget Tutor lessons"):  # type: ignore[no-untyped-def]
    """A Babel ``Catalog`` of the messages (write it with ``babel.messages.pofile.write_po``)."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(project=project, charset="UTF-8", fuzzy=False)
    for msgid, locations, comments in messages:
        catalog.add(msgid, locations=locations, auto_comments=comments)
    return catalog


def write_pot(paths: Iterable[Path | str], out: Path, *, base: Path | None = None) -> int:
    """Write ``lessons.pot`` for ``paths``; returns the number of entries."""
    from babel.messages.pofile import write_po

    messages = extract_messages(paths, base=base)
    catalog = to_catalog(messages)
    tmp = out.with_suffix(out.suffix + ".tmp")
    with open(tmp, "wb") as fh:
        write_po(fh, catalog, width=100, sort_output=False)
    tmp.replace(out)
    return len(messages)
