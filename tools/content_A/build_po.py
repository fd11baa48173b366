"""Build and check the lessons-domain .po files for content part A (lessons m00-m03).

English lives only in the lesson YAML. Translations live in
``tools/content_A/translations/<lesson-id>.yaml``, keyed by the *path* of each string in the lesson
(``title``, ``story.text``, ``q-first.options.1.feedback``, ``sort-needs.cards.3.text``...), so a
msgid can never drift from the YAML: the msgid written to the .po is always ``value.strip()`` read
from the lesson file itself.

    .venv/bin/python tools/content_A/build_po.py            # check everything, write the .po files
    .venv/bin/python tools/content_A/build_po.py --check    # check only, write nothing

It fails (exit 1) when a string lacks a translation, a translation has no string any more, a
calculation's stated answer differs from the core's result, a picture is missing, ids repeat, or a
number in the English text is missing from a translation.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from budget_tutor import finance, money  # noqa: E402

LESSONS = ["m00-welcome", "m01-where-money-comes-from", "m02-needs-and-wants", "m03-family-budget"]
TRANSLATABLE = {
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
INTERACTIVE = {"quiz", "sort", "calculation", "season_calendar", "planner_task"}
LANGS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "tg": "nplurals=2; plural=(n != 1);",
}
BUILT = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def collect(node: Any, path: str = "") -> list[tuple[str, str]]:
    """(path, msgid) for every translatable string, in document order."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            sub = f"{path}.{key}" if path else str(key)
            if key in ("sources", "args", "compute"):
                continue
            if key in TRANSLATABLE and isinstance(value, str):
                found.append((sub, value.strip()))
            elif key == "take_home" and isinstance(value, list):
                found.extend((f"{sub}.{i}", str(item).strip()) for i, item in enumerate(value))
            elif key == "suggestion" and isinstance(value, dict) and "name" in value:
                found.append((f"{sub}.name", str(value["name"]).strip()))
            elif key == "steps" and isinstance(value, list):
                for step in value:
                    found.extend(collect(step, str(step.get("id"))))
            elif isinstance(value, (dict, list)):
                found.extend(collect(value, sub))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            sub = (
                f"{path}.{item['id']}" if isinstance(item, dict) and "id" in item else f"{path}.{i}"
            )
            found.extend(collect(item, sub))
    return found


def _d(value: Any) -> Decimal:
    return Decimal(str(value))


def compute(function: str, args: dict[str, Any]) -> Decimal:
    """An independent recomputation of a calculation step with the core's finance functions."""
    m = money.major
    a = {k: v for k, v in args.items()}
    if function in ("remittance_received", "transfer_cost"):
        r = finance.remittance_received(
            m(_d(a["amount"])),
            _d(a["rate"]),
            _d(a.get("fee_percent", 0)),
            m(_d(a.get("fee_fixed", 0))),
            _d(a.get("margin_percent", 0)),
        )
        return Decimal(r.received if function == "remittance_received" else r.cost) / 100
    if function == "convert":
        return Decimal(money.convert(m(_d(a["amount"])), _d(a["rate"]))) / 100
    if function == "percent_of":
        return Decimal(money.percent_of(m(_d(a["amount"])), _d(a["percent"]))) / 100
    if function == "share_percent":
        return finance.share_percent(m(_d(a["part"])), m(_d(a["whole"])))
    if function == "months_to_goal":
        result = finance.months_to_goal(
            m(_d(a["target"])), m(_d(a["monthly"])), m(_d(a.get("start", 0)))
        )
        if result is None:
            raise ValueError("never reaches the goal")
        return Decimal(result)
    if function == "monthly_saving_for_goal":
        result = finance.monthly_saving_for_goal(
            m(_d(a["target"])), int(a["months"]), m(_d(a.get("start", 0)))
        )
        return Decimal(result) / 100
    if function == "sum":
        return sum((_d(v) for v in a["values"]), Decimal(0))
    if function == "difference":
        return _d(a["a"]) - _d(a["b"])
    if function == "multiply":
        return Decimal(money.round_minor(Decimal(m(_d(a["amount"]))) * _d(a["factor"]))) / 100
    if function == "yearly_to_monthly":
        return (_d(a["amount"]) / 12).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    raise ValueError(f"no recomputation for {function}")


def numbers(text: str, english: bool) -> list[str]:
    """Numbers in a text, with thousands separators removed (8,000 / 8 000 → 8000)."""
    sep = "," if english else " \u00a0"
    pattern = r"\d{1,3}(?:[" + sep + r"]\d{3})+|\d+"
    return sorted(re.sub(r"\D", "", n) for n in re.findall(pattern, text))


def check_lesson(
    lesson_id: str,
) -> tuple[list[str], list[tuple[str, str]], dict[str, dict[str, str]]]:
    errors: list[str] = []
    path = ROOT / "budget_tutor" / "lessons" / "builtin" / f"{lesson_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data.get("id") != lesson_id:
        errors.append(f"{path.name}: id {data.get('id')!r} does not match the file name")
    steps = data.get("steps", [])
    ids = [s.get("id") for s in steps]
    if len(ids) != len(set(ids)):
        errors.append(f"{lesson_id}: step ids repeat")
    if len(steps) < 6:
        errors.append(f"{lesson_id}: fewer than 6 steps")
    if sum(1 for s in steps if s.get("type") in INTERACTIVE) < 3:
        errors.append(f"{lesson_id}: fewer than 3 interactive steps")
    pictures = [data.get("icon") and f"icons/{data['icon']}.svg"]
    for step in steps:
        pictures.append(step.get("picture"))
        pictures.extend(c.get("picture") for c in step.get("cards", []))
        if step.get("type") == "calculation":
            got = compute(step["compute"]["function"], step["compute"]["args"])
            if got != _d(step["answer"]):
                errors.append(
                    f"{lesson_id}/{step['id']}: answer {step['answer']} but the core computes {got}"
                )
        if step.get("type") == "quiz" and not any(o.get("correct") for o in step["options"]):
            errors.append(f"{lesson_id}/{step['id']}: no right answer")
        if step.get("type") == "sort":
            groups = {g["id"] for g in step["groups"]}
            for card in step["cards"]:
                if card["group"] not in groups:
                    errors.append(
                        f"{lesson_id}/{step['id']}: card {card['text']!r} in unknown group"
                    )
    for pic in filter(None, pictures):
        if not (ROOT / "assets" / pic).is_file():
            errors.append(f"{lesson_id}: picture {pic} does not exist")

    try:  # the engine's own validator, when it exists
        from budget_tutor.lessons.validate import validate_lesson
    except ImportError:
        print("note: budget_tutor.lessons.validate is not importable; skipped the engine's checks")
    else:
        _, problems = validate_lesson(path)
        errors.extend(f"{lesson_id}: engine: {problem}" for problem in problems)

    strings = collect(data)
    tr_path = ROOT / "tools" / "content_A" / "translations" / f"{lesson_id}.yaml"
    translations: dict[str, dict[str, str]] = (
        yaml.safe_load(tr_path.read_text(encoding="utf-8")) or {}
    )
    keys = {p for p, _ in strings}
    glossary: list[Any] = []
    try:  # the shared glossary and its checker (the i18n helper's), when they exist
        from budget_tutor.translations import glossary_mismatches, read_glossary

        glossary = read_glossary(ROOT / "locales" / "glossary.csv")
    except (ImportError, OSError):
        print("note: no glossary checker or locales/glossary.csv; skipped the glossary check")
    for extra in sorted(set(translations) - keys):
        errors.append(f"{tr_path.name}: {extra} has no English string any more")
    for key, msgid in strings:
        entry = translations.get(key)
        for lang in LANGS:
            text = (entry or {}).get(lang)
            if not text or not str(text).strip():
                errors.append(f"{lesson_id}: {key} has no {lang} translation")
                continue
            if numbers(msgid, True) != numbers(str(text), False):
                errors.append(
                    f"{lesson_id}: {key} ({lang}) numbers differ: en {numbers(msgid, True)} "
                    f"vs {numbers(str(text), False)}"
                )
            if re.search(r"[A-Za-z]{3,}", str(text)) and lang == "tg":
                errors.append(f"{lesson_id}: {key} (tg) contains Latin letters")
            for term in glossary_mismatches(glossary, lang, msgid, str(text)) if glossary else []:
                errors.append(
                    f"{lesson_id}: {key} ({lang}) does not use the glossary term for {term.english[0]!r}"
                )
            if str(text).count("**") != msgid.count("**"):
                errors.append(f"{lesson_id}: {key} ({lang}) bold markers differ")
    return errors, strings, translations


def build_catalog(
    lesson_id: str,
    lang: str,
    strings: list[tuple[str, str]],
    translations: dict[str, dict[str, str]],
) -> bytes:
    catalog = Catalog(
        locale=lang,
        domain="lessons",
        project="Budget Tutor",
        version="1",
        creation_date=BUILT,
        revision_date=BUILT,
        last_translator="Budget Tutor content team",
        language_team="Budget Tutor content team",
        charset="utf-8",
        fuzzy=False,
        msgid_bugs_address="Budget Tutor content team",
        header_comment=(
            f"# {'Russian' if lang == 'ru' else 'Tajik'} translation of the Budget Tutor lesson {lesson_id}.\n"
            "# This file is distributed under the same license as the Budget Tutor project.\n"
            f"# Generated by tools/content_A/build_po.py from tools/content_A/translations/{lesson_id}.yaml\n"
            "# and the English lesson file; fix a translation there and run the script again."
        ),
    )
    headers = dict(catalog.mime_headers)
    headers["Plural-Forms"] = LANGS[lang]
    catalog.mime_headers = list(headers.items())
    seen: dict[str, str] = {}
    for key, msgid in strings:
        text = str(translations[key][lang]).strip()
        if msgid in seen and seen[msgid] != text:
            raise SystemExit(f"{key}: the same English string is translated two ways into {lang}")
        seen[msgid] = text
        if msgid in catalog:
            catalog[msgid].locations.append((f"{lesson_id}.yaml#{key}", None))
            continue
        catalog.add(msgid, text, locations=[(f"{lesson_id}.yaml#{key}", None)])
    out = io.BytesIO()
    write_po(out, catalog, width=0, include_lineno=False)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", default=LESSONS)
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    args = parser.parse_args(argv)
    failed = False
    # The i18n tooling merges every lessons.d/*.po into one catalog: a msgid shared by two lessons
    # must have one translation.
    shared: dict[tuple[str, str], tuple[str, str]] = {}
    for lesson_id in args.lessons:
        errors, strings, translations = check_lesson(lesson_id)
        for key, msgid in strings:
            for lang in LANGS:
                text = str((translations.get(key) or {}).get(lang, "")).strip()
                first = shared.setdefault((lang, msgid), (f"{lesson_id}#{key}", text))
                if first[1] != text:
                    errors.append(
                        f"{lesson_id}#{key} ({lang}) is translated differently in {first[0]}"
                    )
        for error in errors:
            print(error)
        if errors:
            failed = True
            continue
        for lang in LANGS:
            po = build_catalog(lesson_id, lang, strings, translations)
            target = ROOT / "locales" / lang / "LC_MESSAGES" / "lessons.d" / f"{lesson_id}.po"
            if args.check:
                if not target.is_file() or target.read_bytes() != po:
                    print(f"{target.relative_to(ROOT)} is out of date: run build_po.py")
                    failed = True
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(po)
        print(f"{lesson_id}: {len(strings)} strings, ok")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
