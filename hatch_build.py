"""Build hook: compile every ``locales/<lang>/LC_MESSAGES/*.po`` into a ``.mo`` inside the build
(a temporary folder mapped into the wheel), so wheels ship compiled catalogs. Nothing is written
into the source tree: ``.mo`` files are build outputs and are not committed.

The lessons catalog is compiled from ``lessons.po`` with the per-lesson files
``lessons.d/*.po`` laid over it (they win, as in ``budget-tutor translations update``), so a
wheel has every lesson translation even if the merge was not run before the build.
Fuzzy and untranslated entries are left out, as ``msgfmt`` does.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # scripts/build-bundle.sh uses compile_catalog() without hatchling
    BuildHookInterface = object


def _read(path: Path, locale: str | None = None):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        return read_po(fh, locale=locale, abort_invalid=False)


def compile_catalog(po: Path, mo: Path | None = None) -> Path:
    from babel.messages.mofile import write_mo

    lang = po.parent.parent.name
    catalog = _read(po)
    parts = po.parent / "lessons.d"
    if po.stem == "lessons" and parts.is_dir():
        for part in sorted(parts.glob("*.po")):
            for message in _read(part, lang):
                if not message.id or message.fuzzy or isinstance(message.id, tuple | list):
                    continue
                if not message.string:
                    continue
                existing = catalog.get(message.id, message.context)
                if existing is None:
                    catalog.add(message.id, message.string, context=message.context)
                else:
                    existing.string = message.string
                    existing.flags.discard("fuzzy")
    mo = mo or po.with_suffix(".mo")
    mo.parent.mkdir(parents=True, exist_ok=True)
    tmp = mo.with_name(mo.name + ".tmp")
    with open(tmp, "wb") as fh:
        write_mo(fh, catalog, use_fuzzy=False)
    os.replace(tmp, mo)
    return mo


class CompileCatalogsHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root) / "locales"
        self._out = Path(tempfile.mkdtemp(prefix="budget-tutor-mo-"))
        force_include = build_data.setdefault("force_include", {})
        for po in sorted(root.glob("*/LC_MESSAGES/*.po")):
            rel = po.relative_to(root).with_suffix(".mo")
            mo = compile_catalog(po, self._out / rel)
            force_include[str(mo)] = f"budget_tutor/_locales/{rel.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        shutil.rmtree(getattr(self, "_out", ""), ignore_errors=True)
