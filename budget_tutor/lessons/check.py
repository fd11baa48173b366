"""``budget-tutor lessons check PATH...``: every problem of lesson files, packs and the course.

Each PATH is a lesson file, ``course.yaml``, a pack folder (with ``pack.yaml``) or a folder of
lessons (like ``budget_tutor/lessons/builtin``). Every problem is printed as ``file:line: message``;
missing translations are warnings. The exit status is 1 when there is an error (or, with
``--strict``, a warning), 0 when clean, 2 for a bad command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from budget_tutor import i18n
from budget_tutor.i18n import _
from budget_tutor.lessons.library import COURSE_FILE, PACK_FILE, load_pack
from budget_tutor.lessons.loader import LessonLoadError, load_yaml
from budget_tutor.lessons.model import Problem, Severity
from budget_tutor.lessons.translations import (
    TRANSLATED_LANGUAGES,
    builtin_catalog_files,
    load_error_problem,
    missing_translations,
    pack_catalog_files,
    translated_msgids,
)
from budget_tutor.lessons.validate import validate_course, validate_lesson


class _Checker:
    def __init__(self, locales_dir: Path | None, translations: bool) -> None:
        self.translations = translations
        self._locales_dir = locales_dir
        self._cache: dict[tuple[str, str], set[str]] = {}

    def _translated(self, key: str, files_for: dict[str, list[Path]]) -> dict[str, set[str]]:
        out = {}
        for lang, files in files_for.items():
            if (key, lang) not in self._cache:
                self._cache[(key, lang)] = translated_msgids(files, lang)
            out[lang] = self._cache[(key, lang)]
        return out

    def builtin_translated(self) -> dict[str, set[str]]:
        from budget_tutor.resources import locales_dir

        base = self._locales_dir or locales_dir()
        files = {lang: builtin_catalog_files(base, lang) for lang in TRANSLATED_LANGUAGES}
        return self._translated(f"builtin:{base}", files)

    def pack_translated(self, pack_root: Path) -> dict[str, set[str]]:
        files = {lang: pack_catalog_files(pack_root, lang) for lang in TRANSLATED_LANGUAGES}
        return self._translated(f"pack:{pack_root}", files)

    def coverage(self, path: Path, translated: dict[str, set[str]]) -> list[Problem]:
        if not self.translations:
            return []
        try:
            doc = load_yaml(path)
        except LessonLoadError:
            return []  # already reported by validation
        return missing_translations(doc, translated)

    def check_file(self, path: Path) -> list[Problem]:
        pack_root = path.parent if (path.parent / PACK_FILE).is_file() else None
        if path.name == COURSE_FILE:
            ids = [p.stem for p in path.parent.glob("*.yaml") if p.name != COURSE_FILE]
            _course, problems = validate_course(path, ids)
        elif path.name == PACK_FILE and pack_root is not None:
            return self.check_pack(pack_root)
        else:
            _lesson, problems = validate_lesson(path, pack_root=pack_root)
        translated = (
            self.pack_translated(pack_root) if pack_root is not None else self.builtin_translated()
        )
        return problems + self.coverage(path, translated)

    def check_pack(self, folder: Path) -> list[Problem]:
        status, _catalogs = load_pack(folder)
        problems = list(status.problems)
        translated = self.pack_translated(folder)
        for lesson in status.lessons:
            problems += self.coverage(lesson.path, translated)
        return problems

    def check_folder(self, folder: Path) -> list[Problem]:
        if (folder / PACK_FILE).is_file():
            return self.check_pack(folder)
        problems: list[Problem] = []
        files = sorted(folder.glob("*.yaml"))
        for path in files:
            problems += self.check_file(path)
        return problems

    def check(self, path: Path) -> list[Problem]:
        if path.is_dir():
            return self.check_folder(path)
        if not path.exists():
            return [Problem(str(path), None, _("no such file or folder"))]
        try:
            return self.check_file(path)
        except LessonLoadError as exc:  # pragma: no cover - validate_* catch these
            return [load_error_problem(exc)]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="budget-tutor lessons check",
        description=_("Check lesson files, lesson packs and the course; print every problem."),
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help=_("lesson files, pack folders or folders"),
    )
    parser.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))
    parser.add_argument(
        "--no-translations", action="store_true", help=_("do not report missing translations")
    )
    parser.add_argument(
        "--locales",
        type=Path,
        default=None,
        help=_("the locales folder to check built-in lessons against"),
    )
    parser.add_argument(
        "--lang", choices=i18n.LANGUAGES, default=None, help=_("the language of the messages")
    )
    return parser


def run(argv: list[str], out: TextIO | None = None) -> int:
    """Check ``argv``'s paths, print ``file:line: message`` lines, return the exit status."""
    stream = out if out is not None else sys.stdout
    for i, arg in enumerate(argv):  # the language first: help and errors are translated too
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else value
        if value in i18n.LANGUAGES:
            i18n.set_language(value)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    checker = _Checker(args.locales, not args.no_translations)
    problems: list[Problem] = []
    for path in args.paths:
        problems += checker.check(path)
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    for problem in problems:
        print(problem.describe(), file=stream)
    print(
        _("{errors} errors, {warnings} warnings").format(errors=errors, warnings=warnings),
        file=stream,
    )
    if errors or (args.strict and warnings):
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv[1:]))
