"""Check lessons m04–m07 and write their Russian and Tajik catalogs (lessons.d/<id>.po).

Usage: ``.venv/bin/python tools/content_B/build.py [--check]``

For every lesson this script:

* reads ``budget_tutor/lessons/builtin/<id>.yaml`` with ``yaml.safe_load``;
* checks the parts of the format-1 contract that content can get wrong (ids, step counts, quiz
  answers, pictures, calculation answers recomputed with :mod:`budget_tutor.finance`);
* collects every translatable string (``value.strip()`` of title, summary, text, question, feedback,
  label, prompt, solution, trainer_notes, take_home items and suggestion.name) with a path such as
  ``calc-fee.solution`` or ``q-cheaper.o1.feedback``;
* looks each path up in ``tools/content_B/tr_<id>.py`` (``TR = {path: (ru, tg)}``) and fails if a
  string has no translation, or a translation has no string;
* writes the two ``.po`` files with Babel (``--check`` only compares them with what is on disk).

Numbers in the ru/tg text are written "8 000"; this script turns the space inside a number into a
no-break space so a number never breaks across lines.
"""

from __future__ import annotations

import importlib.util
import io
import re
import subprocess
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from budget_tutor import finance, money  # noqa: E402

LESSONS = (
    "m04-receiving-remittances",
    "m05-when-money-stops",
    "m06-saving",
    "m07-big-life-events",
)
TRANSLATABLE = (
    "title",
    "summary",
    "text",
    "question",
    "feedback",
    "label",
    "prompt",
    "solution",
    "trainer_notes",
)
INTERACTIVE = {"quiz", "sort", "calculation", "season_calendar", "planner_task"}
STEP_TYPES = INTERACTIVE | {"story", "key_message", "discussion", "summary", "assessment"}
PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "tg": "nplurals=2; plural=(n != 1);",
}
ID_RE = re.compile(r"^[a-z0-9-]+$")
#: Fixed so that re-running the script on unchanged text gives identical files.
FIXED_DATE = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
NUMBER_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


class ContentError(Exception):
    pass


# ------------------------------------------------------------------------------------------------
# collecting strings
# ------------------------------------------------------------------------------------------------


def collect(lesson: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, msgid) for every translatable string of a lesson, in file order."""
    out: list[tuple[str, str]] = []

    def add(path: str, value: Any) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ContentError(f"{path}: expected non-empty text, got {value!r}")
        out.append((path, value.strip()))

    for key in ("title", "summary"):
        add(key, lesson.get(key))
    for step in lesson["steps"]:
        sid = step["id"]
        for key in TRANSLATABLE:
            if key in step:
                add(f"{sid}.{key}", step[key])
        for i, option in enumerate(step.get("options", [])):
            add(f"{sid}.o{i}.text", option.get("text"))
            if "feedback" in option:
                add(f"{sid}.o{i}.feedback", option["feedback"])
        for group in step.get("groups", []):
            add(f"{sid}.g.{group['id']}", group.get("label"))
        for i, card in enumerate(step.get("cards", [])):
            add(f"{sid}.c{i}", card.get("text"))
        for token in step.get("tokens", []):
            add(f"{sid}.t.{token['id']}", token.get("label"))
        for i, item in enumerate(step.get("take_home", [])):
            add(f"{sid}.th{i}", item)
        if "suggestion" in step and "name" in step["suggestion"]:
            add(f"{sid}.name", step["suggestion"]["name"])
    return out


# ------------------------------------------------------------------------------------------------
# calculations, recomputed with the core
# ------------------------------------------------------------------------------------------------


def _m(value: str) -> int:
    return money.major(Decimal(value))


def _major(minor: int) -> Decimal:
    return Decimal(minor) / 100


def compute(function: str, args: dict[str, Any]) -> Decimal:
    a = {k: v for k, v in args.items()}
    d = Decimal
    if function in ("remittance_received", "transfer_cost"):
        r = finance.remittance_received(
            _m(a["amount"]),
            d(a["rate"]),
            d(a.get("fee_percent", "0")),
            _m(a.get("fee_fixed", "0")),
            d(a.get("margin_percent", "0")),
        )
        return _major(r.received if function == "remittance_received" else r.cost)
    if function == "convert":
        return _major(money.convert(_m(a["amount"]), d(a["rate"])))
    if function == "percent_of":
        return _major(money.percent_of(_m(a["amount"]), d(a["percent"])))
    if function == "share_percent":
        return finance.share_percent(_m(a["part"]), _m(a["whole"]))
    if function == "months_to_goal":
        n = finance.months_to_goal(_m(a["target"]), _m(a["monthly"]), _m(a.get("start", "0")))
        if n is None:
            raise ContentError("months_to_goal never reaches the goal")
        return Decimal(n)
    if function == "monthly_saving_for_goal":
        return _major(
            finance.monthly_saving_for_goal(
                _m(a["target"]), int(a["months"]), _m(a.get("start", "0"))
            )
        )
    if function == "deposit_after":
        return _major(
            finance.deposit_after(
                _m(a["balance"]),
                d(a["annual_rate"]),
                int(a["months"]),
                _m(a.get("monthly_addition", "0")),
            )
        )
    if function == "real_value_after":
        return _major(finance.real_value_after(_m(a["amount"]), d(a["inflation"]), int(a["years"])))
    if function == "sum":
        return _major(sum(_m(v) for v in a["values"]))
    if function == "difference":
        return _major(_m(a["a"]) - _m(a["b"]))
    if function == "multiply":
        return _major(money.round_minor(Decimal(_m(a["amount"])) * d(a["factor"])))
    if function == "yearly_to_monthly":
        return _major(money.round_minor(Decimal(_m(a["amount"])) / 12))
    raise ContentError(f"function {function!r} is not used by these lessons")


# ------------------------------------------------------------------------------------------------
# structure
# ------------------------------------------------------------------------------------------------


def check_lesson(lesson_id: str, lesson: dict[str, Any]) -> list[str]:
    errors: list[str] = []
    if lesson.get("format") != 1:
        errors.append("format must be 1")
    if lesson.get("id") != lesson_id:
        errors.append(f"id {lesson.get('id')!r} differs from file name")
    steps = lesson.get("steps", [])
    ids = [s.get("id") for s in steps]
    if len(set(ids)) != len(ids) or not all(isinstance(i, str) and ID_RE.match(i) for i in ids):
        errors.append(f"step ids must be unique [a-z0-9-]: {ids}")
    if len(steps) < 6:
        errors.append("fewer than 6 steps")
    if sum(s.get("type") in INTERACTIVE for s in steps) < 3:
        errors.append("fewer than 3 interactive steps")
    icon = lesson.get("icon")
    if icon and not (ROOT / "assets" / "icons" / f"{icon}.svg").is_file():
        errors.append(f"icon {icon} missing")
    for step in steps:
        sid, kind = step.get("id"), step.get("type")
        if kind not in STEP_TYPES:
            errors.append(f"{sid}: unknown type {kind}")
        for key, allowed in (
            ("cards", {"text", "group", "picture"}),
            ("tokens", {"id", "label", "months"}),
        ):
            for item in step.get(key, []):
                if set(item) - allowed or any(v is None for v in item.values()):
                    errors.append(f"{sid}: {key} item with unknown or empty keys: {sorted(item)}")
        for group in step.get("groups", []):
            if set(group) != {"id", "label"}:
                errors.append(f"{sid}: group with keys {sorted(group)}")
        pictures = [step.get("picture")] + [c.get("picture") for c in step.get("cards", [])]
        for pic in filter(None, pictures):
            if not (ROOT / "assets" / pic).is_file():
                errors.append(f"{sid}: picture {pic} missing")
        if kind == "quiz":
            options = step.get("options", [])
            if len(options) < 2 or not any(o.get("correct") for o in options):
                errors.append(f"{sid}: a quiz needs 2+ options and a right answer")
            if not all("feedback" in o for o in options):
                errors.append(f"{sid}: every option should have feedback")
        if kind == "sort":
            groups = {g["id"] for g in step.get("groups", [])}
            for card in step.get("cards", []):
                if card.get("group") not in groups:
                    errors.append(f"{sid}: card {card.get('text')!r} in unknown group")
        if kind == "season_calendar":
            for token in step.get("tokens", []):
                if not token.get("months") or not all(1 <= m <= 12 for m in token["months"]):
                    errors.append(f"{sid}: token {token.get('id')} has bad months")
        if kind == "calculation":
            c = step["compute"]
            try:
                got = compute(c["function"], c["args"])
            except (ContentError, KeyError, ArithmeticError) as exc:
                errors.append(f"{sid}: cannot compute: {exc}")
                continue
            if Decimal(step["answer"]) != got:
                errors.append(f"{sid}: answer {step['answer']} but the core computes {got}")
            if step.get("unit") not in {"TJS", "RUB", "USD", "months", "percent"}:
                errors.append(f"{sid}: bad unit")
        if kind == "planner_task":
            sug = step.get("suggestion", {})
            if "amount" not in sug and "amount_rule" not in sug:
                errors.append(f"{sid}: suggestion needs amount or amount_rule")
    return errors


# ------------------------------------------------------------------------------------------------
# catalogs
# ------------------------------------------------------------------------------------------------


def load_translations(lesson_id: str) -> dict[str, tuple[str, str]]:
    name = "tr_" + lesson_id.split("-")[0]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(name + ".py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TR


def build_po(
    lesson_id: str, strings: list[tuple[str, str]], tr: dict[str, tuple[str, str]], lang: str
) -> bytes:
    index = 0 if lang == "ru" else 1
    catalog = Catalog(
        locale=lang,
        domain="lessons",
        project="Budget Tutor",
        version="1",
        copyright_holder="Budget Tutor contributors",
        charset="utf-8",
        fuzzy=False,
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        last_translator="Budget Tutor lesson authors (m04-m07)",
        language_team=f"{lang} <budget-tutor translators>",
    )
    seen: dict[str, str] = {}
    for path, msgid in strings:
        msgstr = NUMBER_SPACE.sub("\u00a0", tr[path][index].strip())
        if msgid in seen and seen[msgid] != msgstr:
            raise ContentError(
                f"{lesson_id}:{path}: same English text, different {lang} translations"
            )
        seen[msgid] = msgstr
        if msgid in catalog:
            catalog[msgid].locations.append((f"{lesson_id}.yaml", 0))
            continue
        message = catalog.add(
            msgid, msgstr, locations=[(f"{lesson_id}.yaml", 0)], auto_comments=[path]
        )
        if "python-format" in message.flags:
            # "2% and" looks like a %-directive to Babel; lesson text has no placeholders at all.
            message.flags.discard("python-format")
            message.flags.add("no-python-format")
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, omit_header=False, include_previous=False, no_location=True)
    text = buf.getvalue().decode("utf-8")
    # Babel derives Plural-Forms from CLDR; the project's headers are fixed (see locales/README.md).
    text = re.sub(r'"Plural-Forms: [^"]*\\n"', f'"Plural-Forms: {PLURAL_FORMS[lang]}\\\\n"', text)
    text = text.replace("charset=utf-8", "charset=UTF-8")
    text = re.sub(
        r"^# FIRST AUTHOR.*\n",
        "# Written with tools/content_B/build.py from tools/content_B/tr_*.py.\n",
        text,
        flags=re.M,
    )
    return text.encode("utf-8")


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    problems: list[str] = []
    for lesson_id in LESSONS:
        path = ROOT / "budget_tutor" / "lessons" / "builtin" / f"{lesson_id}.yaml"
        if not path.is_file():
            problems.append(f"{lesson_id}: not written yet")
            continue
        lesson = yaml.safe_load(path.read_text(encoding="utf-8"))
        problems += [f"{lesson_id}: {e}" for e in check_lesson(lesson_id, lesson)]
        try:
            strings = collect(lesson)
            tr = load_translations(lesson_id)
        except (ContentError, FileNotFoundError) as exc:
            problems.append(f"{lesson_id}: {exc}")
            continue
        paths = {p for p, _ in strings}
        problems += [f"{lesson_id}: no translation for {p}" for p, _ in strings if p not in tr]
        problems += [f"{lesson_id}: translation for unknown {p}" for p in tr if p not in paths]
        if any(p not in tr for p in paths):
            continue
        for lang in ("ru", "tg"):
            po = ROOT / "locales" / lang / "LC_MESSAGES" / "lessons.d" / f"{lesson_id}.po"
            try:
                data = build_po(lesson_id, strings, tr, lang)
            except ContentError as exc:
                problems.append(str(exc))
                continue
            if check_only:
                if not po.is_file() or po.read_bytes() != data:
                    problems.append(f"{po.relative_to(ROOT)} is out of date")
                continue
            po.parent.mkdir(parents=True, exist_ok=True)
            if not po.is_file() or po.read_bytes() != data:
                po.write_bytes(data)  # only when changed, so the file's date means an edit
            result = subprocess.run(
                ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
            )
            if result.returncode:
                problems.append(f"{po}: msgfmt: {result.stderr.strip()}")
    for p in problems:
        print(p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
