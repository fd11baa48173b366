"""The lesson library: the built-in course plus lesson packs from folders (a USB stick).

:func:`load_library` never fails because of a bad file. A built-in lesson with an error is left out
and listed in :attr:`Library.problems`; a pack with problems is listed in :attr:`Library.packs`
with them, and only its good lessons are offered.

A pack is a folder holding ``pack.yaml``::

    format: 1            # optional
    id: water-and-health
    title: Water and health
    lessons: [w01-clean-water, w02-doctor-costs]   # optional: else every *.yaml but pack.yaml

with its lessons (``<id>.yaml``), its pictures (``pictures/…svg``) and optional translations
``locales/<lang>.po``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from budget_tutor import i18n
from budget_tutor.i18n import N_
from budget_tutor.lessons.loader import LessonLoadError, load_yaml
from budget_tutor.lessons.model import Course, Lesson, PackStatus, Problem, Severity
from budget_tutor.lessons.translations import PackCatalogs, load_error_problem
from budget_tutor.lessons.validate import ID_RE, validate_course, validate_lesson

COURSE_FILE = "course.yaml"
PACK_FILE = "pack.yaml"
MAX_PACK_LESSONS = 200

M_NO_PACK_FILE = N_("this folder is not a lesson pack: it has no pack.yaml")
M_PACK_NOT_MAPPING = N_("pack.yaml must be a mapping with 'id' and 'title'")
M_PACK_KEY = N_("pack.yaml: '{key}' is missing or not valid")
M_PACK_UNKNOWN_KEY = N_("pack.yaml has an unknown key '{key}'")
M_PACK_LESSON_MISSING = N_("the pack lists the lesson '{value}', but {file} does not exist")
M_PACK_TOO_MANY = N_("the pack has more than {limit} lessons")
M_DUPLICATE_LESSON = N_("the lesson id '{value}' is already used by another lesson")
M_NO_COURSE = N_("the built-in course file is missing")


@dataclass
class Library:
    """Every lesson the app can offer, in course order, and what went wrong loading the rest."""

    course: Course | None
    lessons: list[Lesson]
    packs: list[PackStatus] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pack_catalogs: dict[str, PackCatalogs] = field(default_factory=dict)

    def lesson(self, lesson_id: str) -> Lesson | None:
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        return None

    def course_lessons(self) -> list[Lesson]:
        """The built-in course's lessons in course order (lessons that failed are left out)."""
        if self.course is None:
            return [x for x in self.lessons if x.pack_id is None]
        by_id = {x.id: x for x in self.lessons}
        return [by_id[i] for i in self.course.lesson_ids if i in by_id]

    def text(self, msgid: str, lesson: Lesson | None = None) -> str:
        """Lesson text in the active language: the pack's own catalog first, then ``lessons``."""
        if not msgid:
            return msgid
        if lesson is not None and lesson.pack_id is not None:
            catalogs = self.pack_catalogs.get(lesson.pack_id)
            if catalogs is not None:
                found = catalogs.lookup(msgid, i18n.current_language())
                if found is not None:
                    return found
        return i18n.lesson_text(msgid)


def _builtin(
    builtin_dir: Path, assets_dir: Path | None
) -> tuple[Course | None, list[Lesson], list[Problem]]:
    problems: list[Problem] = []
    lessons: list[Lesson] = []
    for path in sorted(builtin_dir.glob("*.yaml")):
        if path.name == COURSE_FILE:
            continue
        lesson, found = validate_lesson(path, assets_dir=assets_dir)
        problems.extend(found)
        if lesson is not None:
            lessons.append(lesson)
    course = None
    course_path = builtin_dir / COURSE_FILE
    if course_path.is_file():
        ids = [p.stem for p in builtin_dir.glob("*.yaml") if p.name != COURSE_FILE]
        course, found = validate_course(course_path, ids)
        problems.extend(found)
    elif builtin_dir.is_dir() and lessons:
        problems.append(Problem(str(course_path), None, M_NO_COURSE))
    if course is not None:
        order = {lid: i for i, lid in enumerate(course.lesson_ids)}
        lessons.sort(key=lambda x: (order.get(x.id, len(order)), x.module, x.id))
    else:
        lessons.sort(key=lambda x: (x.module, x.id))
    return course, lessons, problems


def read_pack_manifest(folder: Path) -> tuple[str, str, list[Path], list[Problem]]:
    """The pack's id, title and lesson files, and any problem with ``pack.yaml``."""
    manifest = folder / PACK_FILE
    problems: list[Problem] = []
    fallback_id = folder.name
    if not manifest.is_file():
        return fallback_id, fallback_id, [], [Problem(str(folder), None, M_NO_PACK_FILE)]
    try:
        doc = load_yaml(manifest, root=folder)
    except LessonLoadError as exc:
        return fallback_id, fallback_id, [], [load_error_problem(exc)]
    data: Any = doc.data
    if not isinstance(data, dict):
        return fallback_id, fallback_id, [], [Problem(doc.file, 1, M_PACK_NOT_MAPPING)]
    for key in data:
        if key not in ("format", "id", "title", "lessons"):
            problems.append(
                Problem(doc.file, doc.line((key,)), M_PACK_UNKNOWN_KEY, (("key", str(key)[:40]),))
            )
    pack_id = data.get("id")
    if not isinstance(pack_id, str) or not ID_RE.fullmatch(pack_id):
        problems.append(Problem(doc.file, doc.line(("id",)), M_PACK_KEY, (("key", "id"),)))
        pack_id = fallback_id
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem(doc.file, doc.line(("title",)), M_PACK_KEY, (("key", "title"),)))
        title = pack_id
    if data.get("format", 1) != 1:
        problems.append(Problem(doc.file, doc.line(("format",)), M_PACK_KEY, (("key", "format"),)))
    files: list[Path] = []
    listed = data.get("lessons")
    if listed is None:
        files = sorted(p for p in folder.glob("*.yaml") if p.name != PACK_FILE)
    elif not isinstance(listed, list):
        problems.append(
            Problem(doc.file, doc.line(("lessons",)), M_PACK_KEY, (("key", "lessons"),))
        )
    else:
        for i, item in enumerate(listed):
            if not isinstance(item, str) or not ID_RE.fullmatch(item):
                problems.append(
                    Problem(doc.file, doc.line(("lessons", i)), M_PACK_KEY, (("key", "lessons"),))
                )
                continue
            path = folder / f"{item}.yaml"
            if not path.is_file():
                problems.append(
                    Problem(
                        doc.file,
                        doc.line(("lessons", i)),
                        M_PACK_LESSON_MISSING,
                        (("value", item), ("file", path.name)),
                    )
                )
                continue
            files.append(path)
    if len(files) > MAX_PACK_LESSONS:
        problems.append(Problem(doc.file, 1, M_PACK_TOO_MANY, (("limit", str(MAX_PACK_LESSONS)),)))
        files = files[:MAX_PACK_LESSONS]
    return pack_id, title.strip(), files, problems


def load_pack(
    folder: Path, taken_ids: set[str] | None = None
) -> tuple[PackStatus, PackCatalogs | None]:
    """Load one pack folder: its good lessons, every problem, and its translations."""
    taken = set() if taken_ids is None else taken_ids
    pack_id, title, files, problems = read_pack_manifest(folder)
    status = PackStatus(folder, pack_id, title, [], problems)
    if not files:
        return status, None
    for path in files:
        try:
            lesson, found = validate_lesson(path, pack_root=folder, pack_id=pack_id)
        except Exception as exc:  # never let one file stop the app  # pragma: no cover
            status.problems.append(
                Problem(
                    str(path),
                    None,
                    N_("this lesson cannot be read: {detail}"),
                    (("detail", str(exc)[:100]),),
                )
            )
            continue
        status.problems.extend(found)
        if lesson is None:
            continue
        if lesson.id in taken:
            status.problems.append(
                Problem(str(path), 1, M_DUPLICATE_LESSON, (("value", lesson.id),))
            )
            continue
        taken.add(lesson.id)
        status.lessons.append(lesson)
    status.lessons.sort(key=lambda x: (x.module, x.id))
    catalogs = PackCatalogs(folder)
    for problem in catalogs.problems:
        status.problems.append(
            Problem(
                problem.source,
                problem.line,
                N_("translation not used: {detail}"),
                (("detail", problem.reason),),
                Severity.WARNING,
            )
        )
    return status, catalogs


def load_library(
    builtin_dir: Path, pack_dirs: Iterable[Path] = (), *, assets_dir: Path | None = None
) -> Library:
    """The built-in lessons from ``builtin_dir`` and every pack in ``pack_dirs``."""
    course, lessons, problems = _builtin(builtin_dir, assets_dir)
    library = Library(course, lessons, [], problems)
    taken = {x.id for x in lessons}
    for folder in pack_dirs:
        status, catalogs = load_pack(Path(folder), taken)
        library.packs.append(status)
        library.lessons.extend(status.lessons)
        if catalogs is not None:
            library.pack_catalogs[status.id] = catalogs
    return library


def builtin_lessons_dir() -> Path:
    """``budget_tutor/lessons/builtin``."""
    return Path(__file__).resolve().parent / "builtin"
