"""Build hook: compile every locales/**/*.po into a .mo beside it, so wheels ship compiled
catalogs (the .mo files are build outputs and are not committed)."""

from __future__ import annotations

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root) / "locales"
        for po in sorted(root.glob("*/LC_MESSAGES/*.po")):
            with open(po, "rb") as fh:
                catalog = read_po(fh, abort_invalid=False)
            mo = po.with_suffix(".mo")
            tmp = mo.with_suffix(".mo.tmp")
            with open(tmp, "wb") as fh:
                write_mo(fh, catalog, use_fuzzy=False)
            tmp.replace(mo)
