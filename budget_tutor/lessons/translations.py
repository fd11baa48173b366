"""Lesson translations: which msgids are translated, and a pack's own catalogs.

Built-in lessons are translated in the ``lessons`` gettext domain
(``locales/<lang>/LC_MESSAGES/lessons.po``, or the per-lesson ``lessons.d/<id>.po`` files that the
translator tooling merges into it). A lesson pack carries ``locales/<lang>.po`` beside its lessons.
Entries are checked like every catalog (:func:`budget_tutor.i18n.build_catalog`): one whose
placeholders differ from the English is not used.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from budget_tutor import i18n
from budget_tutor.i18n import N_
from budget_tutor.lessons.extract import document_messages
from budget_tutor.lessons.loader import MAX_FILE_BYTES, Document, LessonLoadError
from budget_tutor.lessons.model import Problem, Severity

TRANSLATED_LANGUAGES = tuple(lang for lang in i18n.LANGUAGES if lang != i18n.SOURCE_LANGUAGE)
CATEGORY = "missing translation"
_LANGUAGE_NAMES = {"tg": N_("Tajik"), "ru": N_("Russian")}
M_MISSING = N_("missing translation ({language}): {msgid}")
M_CATALOG = N_("the translation file cannot be used: {detail}")


def read_catalog(path: Path, lang: str, problems: list[i18n.CatalogProblem]) -> i18n.Catalog | None:
    """One ``.po``/``.mo`` file as a checked catalog (None if it cannot be read or is too big)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES * 5:
            problems.append(i18n.CatalogProblem(lang, "lessons", str(path), "", "file too large"))
            return None
    except OSError as exc:
        problems.append(i18n.CatalogProblem(lang, "lessons", str(path), "", str(exc)))
        return None
    return i18n.load_catalog(path, lang, "lessons", problems)


def builtin_catalog_files(locales_dir: Path, lang: str) -> list[Path]:
    folder = locales_dir / lang / "LC_MESSAGES"
    files = [folder / "lessons.po"] if (folder / "lessons.po").is_file() else []
    if not files and (folder / "lessons.mo").is_file():
        files.append(folder / "lessons.mo")
    files.extend(sorted((folder / "lessons.d").glob("*.po")))
    return files


def pack_catalog_files(pack_root: Path, lang: str) -> list[Path]:
    path = pack_root / "locales" / f"{lang}.po"
    return [path] if path.is_file() else []


def translated_msgids(files: Iterable[Path], lang: str) -> set[str]:
    """The msgids with a usable translation in any of ``files``."""
    done: set[str] = set()
    problems: list[i18n.CatalogProblem] = []
    for path in files:
        catalog = read_catalog(path, lang, problems)
        if catalog is not None:
            done.update(catalog.messages)
    return done


def missing_translations(doc: Document, translated: dict[str, set[str]]) -> list[Problem]:
    """A warning (category ``missing translation``) for every string of ``doc`` that a language
    has no usable translation for."""
    out = []
    for found in document_messages(doc):
        for lang, msgids in translated.items():
            if found.msgid not in msgids:
                out.append(
                    Problem(
                        doc.file,
                        found.line,
                        M_MISSING,
                        (("language", lang), ("msgid", _short(found.msgid))),
                        Severity.WARNING,
                        CATEGORY,
                    )
                )
    return out


def _short(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= 70 else one_line[:67] + "..."


class PackCatalogs:
    """The catalogs of one pack, read once, looked up in the active language."""

    def __init__(self, pack_root: Path) -> None:
        self.catalogs: dict[str, i18n.Catalog] = {}
        self.problems: list[i18n.CatalogProblem] = []
        for lang in TRANSLATED_LANGUAGES:
            for path in pack_catalog_files(pack_root, lang):
                catalog = read_catalog(path, lang, self.problems)
                if catalog is not None:
                    self.catalogs[lang] = catalog

    def lookup(self, msgid: str, lang: str) -> str | None:
        catalog = self.catalogs.get(lang)
        return catalog.get(msgid) if catalog is not None else None

    def msgids(self, lang: str) -> set[str]:
        catalog = self.catalogs.get(lang)
        return set(catalog.messages) if catalog is not None else set()


def load_error_problem(exc: LessonLoadError) -> Problem:
    return Problem(exc.file, exc.line, exc.msgid, tuple((k, str(v)) for k, v in exc.params.items()))
