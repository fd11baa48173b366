"""Add Tajik and Russian translations of interface strings to the catalogs, safely.

Several people (or sessions) may add strings at once. This script takes a lock, refreshes the
template from the sources (``translations extract`` + ``update`` for the interface domain), sets
the translations given in a YAML file, writes both catalogs and compiles them::

    .venv/bin/python tools/po_set.py my-strings.yaml

The YAML file is a list of entries::

    - en: "Short by {amount}"
      ctx: "balance"              # optional msgctxt (pgettext)
      tg: "Камбуд: {amount}"
      ru: "Не хватает {amount}"
    - en: ["{count} month", "{count} months"]   # a plural (ngettext): singular and plural
      tg: ["{count} моҳ", "{count} моҳ"]
      ru: ["{count} месяц", "{count} месяца", "{count} месяцев"]

An entry whose English text is not (any more) in the sources is reported and skipped. Placeholders
are checked with the app's own rule before anything is written; one bad entry stops the run.
"""

from __future__ import annotations

import fcntl
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from budget_tutor import i18n, translations  # noqa: E402

LOCK = Path("/tmp/bt-po.lock")
LANGS = ("tg", "ru")


def _key(entry: dict[str, Any]) -> tuple[Any, str | None]:
    en = entry["en"]
    return (tuple(en) if isinstance(en, list) else en, entry.get("ctx"))


def _check(entry: dict[str, Any]) -> list[str]:
    problems = []
    en = entry["en"]
    singular = en[0] if isinstance(en, list) else en
    for lang in LANGS:
        value = entry.get(lang)
        if value is None:
            problems.append(f"{singular!r}: no {lang}")
            continue
        forms = value if isinstance(value, list) else [value]
        want = (
            int(i18n.PLURAL_FORMS[lang].split(";")[0].split("=")[1]) if isinstance(en, list) else 1
        )
        if len(forms) != want:
            problems.append(f"{singular!r}: {lang} needs {want} form(s), has {len(forms)}")
        for form in forms:
            reason = i18n.check_translation(singular, form)
            if reason:
                problems.append(f"{singular!r} ({lang}): {reason}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    entries = yaml.safe_load(Path(argv[0]).read_text(encoding="utf-8")) or []
    problems = [p for e in entries for p in _check(e)]
    if problems:
        print("\n".join(problems))
        return 1
    locales = translations.default_locales_dir().resolve()
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        report = translations.Report(quiet=True)
        translations.cmd_extract(locales, report)
        translations.cmd_update(locales, report, LANGS)
        wanted = {_key(e): e for e in entries}
        for lang in LANGS:
            path = translations.po_path(locales, lang, "budget_tutor")
            catalog = translations.read_babel_po(path, locale=lang)
            found = set()
            for message in catalog:
                mid = tuple(message.id) if isinstance(message.id, list | tuple) else message.id
                entry = wanted.get((mid, message.context))
                if entry is None:
                    continue
                value = entry[lang]
                message.string = tuple(value) if isinstance(value, list) else value
                message.flags.discard("fuzzy")
                found.add((mid, message.context))
            translations.write_babel_po(path, catalog)
            translations.compile_po(path)
            for key in wanted.keys() - found:
                print(f"{lang}: not in the sources (skipped): {key[0]!r}")
        print(f"set {len(entries)} entries in {', '.join(LANGS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
