"""Check content part C (lessons m08-m10 and course.yaml) and write their lessons-domain .po files.

English lives only in the lesson YAML. Translations live in
``tools/content_C/translations/<id>.yaml`` as a list of ``{en, ru, tg}`` entries keyed by the
English text itself, so a msgid can never drift from the YAML: the msgids written to the .po are
``value.strip()`` read from the lesson file, and every one of them must have an entry whose ``en``
is exactly that text (a changed English sentence fails the check until it is translated again).

    .venv/bin/python tools/content_C/build_po.py            # check everything, write the .po files
    .venv/bin/python tools/content_C/build_po.py --check    # check only, write nothing

It exits 1 when a string lacks a translation, a translation has no English string any more, a
calculation's stated answer differs from the core's result, a picture is missing or unsafe, ids
repeat, a lesson is too short, or a number or a **bold** marker of the English text is missing
from a translation. In ru and tg, digit groups are joined with a no-break space (8 000).
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
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from budget_tutor import finance, money  # noqa: E402

BUILTIN = ROOT / "budget_tutor" / "lessons" / "builtin"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LESSONS = ["m08-borrowing", "m09-investing", "m10-action-plan"]
COURSE = "course"
COURSE_LESSONS = [
    "m00-welcome",
    "m01-where-money-comes-from",
    "m02-needs-and-wants",
    "m03-family-budget",
    "m04-receiving-remittances",
    "m05-when-money-stops",
    "m06-saving",
    "m07-big-life-events",
    "m08-borrowing",
    "m09-investing",
    "m10-action-plan",
]
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
SECTION_ACTIONS = {
    "incomes": "add_income",
    "expenses": "add_expense",
    "one_offs": "add_one_off",
    "savings": "add_savings",
    "goals": "add_goal",
    "debts": "add_debt",
    "investments": "add_investment",
}
LANGS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "tg": "nplurals=2; plural=(n != 1);",
}
BUILT = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
NBSP = "\u00a0"
MAX_SVG_BYTES = 20_000


# ------------------------------------------------------------------------------------------------
# collecting strings
# ------------------------------------------------------------------------------------------------


def collect(node: Any, where: str = "") -> list[tuple[str, str]]:
    """(where, msgid) for every translatable string, in document order."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("sources", "compute", "args", "lessons"):
                continue
            sub = f"{where}.{key}" if where else str(key)
            if key in TRANSLATABLE and isinstance(value, str):
                found.append((sub, value.strip()))
            elif key == "take_home" and isinstance(value, list):
                found.extend((f"{sub}.{i}", str(item).strip()) for i, item in enumerate(value))
            elif key == "suggestion" and isinstance(value, dict):
                if "name" in value:
                    found.append((f"{sub}.name", str(value["name"]).strip()))
            elif isinstance(value, (dict, list)):
                found.extend(collect(value, sub))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            name = item.get("id", i) if isinstance(item, dict) else i
            found.extend(collect(item, f"{where}[{name}]"))
    return found


# ------------------------------------------------------------------------------------------------
# recomputing calculations with the core (independently of the lesson engine)
# ------------------------------------------------------------------------------------------------


def _d(value: Any) -> Decimal:
    return Decimal(str(value))


def compute(function: str, args: dict[str, Any]) -> Decimal:
    m = money.major
    a = dict(args)
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
    if function in ("months_to_goal", "break_even_months"):
        if function == "months_to_goal":
            months = finance.months_to_goal(
                m(_d(a["target"])), m(_d(a["monthly"])), m(_d(a.get("start", 0)))
            )
        else:
            months = finance.break_even_months(m(_d(a["cost"])), m(_d(a["monthly_profit"])))
        if months is None:
            raise ValueError("the goal is never reached")
        return Decimal(months)
    if function == "monthly_saving_for_goal":
        per_month = finance.monthly_saving_for_goal(
            m(_d(a["target"])), int(a["months"]), m(_d(a.get("start", 0)))
        )
        return Decimal(per_month) / 100
    if function == "deposit_after":
        balance = finance.deposit_after(
            m(_d(a["balance"])),
            _d(a["annual_rate"]),
            int(a["months"]),
            m(_d(a.get("monthly_addition", 0))),
        )
        return Decimal(balance) / 100
    if function == "annuity_payment":
        return (
            Decimal(
                finance.annuity_payment(
                    m(_d(a["principal"])), _d(a["annual_rate"]), int(a["months"])
                )
            )
            / 100
        )
    if function == "loan_total_cost":
        return (
            Decimal(
                finance.loan_total_cost(
                    m(_d(a["principal"])), _d(a["annual_rate"]), int(a["months"])
                )
            )
            / 100
        )
    if function == "real_value_after":
        return (
            Decimal(
                finance.real_value_after(m(_d(a["amount"])), _d(a["inflation"]), int(a["years"]))
            )
            / 100
        )
    if function == "sum":
        return sum((_d(v) for v in a["values"]), Decimal(0))
    if function == "difference":
        return _d(a["a"]) - _d(a["b"])
    if function == "multiply":
        return Decimal(money.round_minor(Decimal(m(_d(a["amount"]))) * _d(a["factor"]))) / 100
    if function == "yearly_to_monthly":
        return (_d(a["amount"]) / 12).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    raise ValueError(f"unknown calculation function {function!r}")


# ------------------------------------------------------------------------------------------------
# checks
# ------------------------------------------------------------------------------------------------


def numbers(text: str, english: bool) -> list[str]:
    """The numbers in a text, thousands separators removed (8,000 / 8 000 → 8000), sorted."""
    sep = "," if english else " " + NBSP
    pattern = r"\d{1,3}(?:[" + sep + r"]\d{3})+(?!\d)|\d+"
    return sorted(re.sub(r"\D", "", n) for n in re.findall(pattern, text))


def join_digit_groups(text: str) -> str:
    """``8 000`` → ``8<NBSP>000`` so a projector never wraps a number across two lines."""
    return re.sub(r"(?<=\d) (?=\d{3}(?!\d))", NBSP, text)


def check_svg(rel: str) -> list[str]:
    path = ROOT / "assets" / rel
    if not path.is_file():
        return [f"picture {rel} does not exist"]
    errors = []
    raw = path.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    if len(raw) > MAX_SVG_BYTES:
        errors.append(f"{rel} is {len(raw)} bytes (limit {MAX_SVG_BYTES})")
    if "viewBox" not in text:
        errors.append(f"{rel} has no viewBox")
    for bad in ("<script", "<text", "href", "<image", "<foreignObject", "url(http", "javascript:"):
        if bad.lower() in text.lower():
            errors.append(f"{rel} contains {bad!r}")
    return errors


ITEM_KEYS = {
    "cards": {"text", "group", "picture"},
    "groups": {"id", "label"},
    "tokens": {"id", "label", "months"},
    "options": {"text", "correct", "feedback"},
}


def check_shapes(where: str, node: Any) -> list[str]:
    """Empty values and unknown keys in list items: the sign of an unquoted comma or colon
    (``{label: Seeds, film}`` silently becomes two keys)."""
    errors: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if value is None:
                errors.append(f"{where}: {key!r} has no value (an unquoted comma or colon?)")
            if key in ITEM_KEYS and isinstance(value, list):
                for item in value:
                    extra = set(item) - ITEM_KEYS[key] if isinstance(item, dict) else set()
                    if extra:
                        errors.append(f"{where}: unknown keys {sorted(extra)} in {key}")
            errors.extend(check_shapes(where, value))
    elif isinstance(node, list):
        for item in node:
            errors.extend(check_shapes(where, item))
    return errors


def check_steps(lesson_id: str, data: dict[str, Any]) -> list[str]:
    errors: list[str] = check_shapes(lesson_id, data)
    if data.get("format") != 1:
        errors.append(f"{lesson_id}: format must be 1")
    if data.get("id") != lesson_id:
        errors.append(f"{lesson_id}: id {data.get('id')!r} does not match the file name")
    steps = data.get("steps") or []
    ids = [s.get("id") for s in steps]
    if len(ids) != len(set(ids)):
        errors.append(f"{lesson_id}: step ids repeat")
    for sid in ids:
        if not isinstance(sid, str) or not re.fullmatch(r"[a-z0-9-]+", sid):
            errors.append(f"{lesson_id}: bad step id {sid!r}")
    if len(steps) < 6:
        errors.append(f"{lesson_id}: fewer than 6 steps")
    if sum(1 for s in steps if s.get("type") in INTERACTIVE) < 3:
        errors.append(f"{lesson_id}: fewer than 3 interactive steps")
    for needed in ("key_message", "summary", "planner_task", "discussion"):
        if not any(s.get("type") == needed for s in steps):
            errors.append(f"{lesson_id}: no {needed} step")
    pictures = [f"icons/{data['icon']}.svg"] if data.get("icon") else []
    for step in steps:
        where = f"{lesson_id}/{step.get('id')}"
        kind = step.get("type")
        if kind == "story" and not step.get("picture"):
            errors.append(f"{where}: a story step without a picture")
        if step.get("picture"):
            pictures.append(str(step["picture"]))
        pictures.extend(c["picture"] for c in step.get("cards", []) if c.get("picture"))
        if kind == "calculation":
            got = compute(step["compute"]["function"], step["compute"]["args"])
            if got != _d(step["answer"]):
                errors.append(f"{where}: answer {step['answer']} but the core computes {got}")
        if kind == "quiz":
            errors.extend(check_options(where, step.get("options") or []))
        if kind == "sort":
            groups = {g["id"] for g in step["groups"]}
            for card in step["cards"]:
                if card["group"] not in groups:
                    errors.append(f"{where}: card {card['text']!r} in unknown group")
            for group in groups:
                if not any(c["group"] == group for c in step["cards"]):
                    errors.append(f"{where}: group {group!r} has no card")
        if kind == "season_calendar":
            for token in step["tokens"]:
                if not token.get("months") or any(not 1 <= mo <= 12 for mo in token["months"]):
                    errors.append(f"{where}: token {token.get('id')!r} has bad months")
        if kind == "planner_task":
            action = (step.get("suggestion") or {}).get("action")
            if SECTION_ACTIONS.get(step.get("section", "")) != action:
                errors.append(
                    f"{where}: action {action!r} does not belong to section {step.get('section')!r}"
                )
    for pic in pictures:
        errors.extend(f"{lesson_id}: {e}" for e in check_svg(pic))
    return errors


def check_options(where: str, options: list[dict[str, Any]]) -> list[str]:
    errors = []
    if len(options) < 2:
        errors.append(f"{where}: fewer than two options")
    if not any(o.get("correct") for o in options):
        errors.append(f"{where}: no right answer")
    if any(not o.get("feedback") for o in options):
        errors.append(f"{where}: an option without feedback")
    return errors


def check_course(data: dict[str, Any]) -> list[str]:
    errors = check_shapes("course", data)
    if data.get("format") != 1:
        errors.append("course: format must be 1")
    if data.get("lessons") != COURSE_LESSONS:
        errors.append(f"course: lessons must be {COURSE_LESSONS}")
    items = data.get("assessment") or []
    if len(items) != 12:
        errors.append(f"course: {len(items)} assessment items, expected 12")
    ids = [i.get("id") for i in items]
    if len(ids) != len(set(ids)):
        errors.append("course: assessment ids repeat")
    modules = {int(m) for i in items for m in re.findall(r"^a-m(\d\d)-", str(i.get("id")))}
    missing = set(range(1, 10)) - modules
    if missing:
        errors.append(f"course: no assessment item for modules {sorted(missing)}")
    for item in items:
        errors.extend(check_options(f"course/{item.get('id')}", item.get("options") or []))
    return errors


def load_translations(name: str) -> tuple[dict[str, dict[str, str]], list[str]]:
    path = TRANSLATIONS / f"{name}.yaml"
    errors: list[str] = []
    table: dict[str, dict[str, str]] = {}
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        en = str(entry.get("en", "")).strip()
        if en in table:
            errors.append(f"{path.name}: {en[:50]!r}… is translated twice")
        table[en] = {lang: join_digit_groups(str(entry.get(lang) or "").strip()) for lang in LANGS}
    return table, errors


def check_translations(
    name: str, strings: list[tuple[str, str]]
) -> tuple[dict[str, dict[str, str]], list[str]]:
    table, errors = load_translations(name)
    wanted = {msgid for _, msgid in strings}
    for stale in sorted(set(table) - wanted):
        errors.append(f"{name}: translation of {stale[:60]!r}… has no English string any more")
    for where, msgid in strings:
        entry = table.get(msgid)
        if entry is None:
            errors.append(f"{name}: {where} has no translation: {msgid[:60]!r}…")
            continue
        for lang in LANGS:
            text = entry[lang]
            if not text:
                errors.append(f"{name}: {where} has no {lang} translation")
                continue
            if numbers(msgid, True) != numbers(text, False):
                errors.append(
                    f"{name}: {where} ({lang}) numbers differ: {numbers(msgid, True)} vs {numbers(text, False)}"
                )
            if text.count("**") != msgid.count("**"):
                errors.append(f"{name}: {where} ({lang}) bold markers differ")
            if text.count("\n\n") != msgid.count("\n\n"):
                errors.append(f"{name}: {where} ({lang}) paragraph count differs")
            if re.search(r"\d,\d{3}(?!\d)", text):
                errors.append(f"{name}: {where} ({lang}) uses a comma between digit groups")
            if re.search(r"[A-Za-z]", text):
                errors.append(f"{name}: {where} ({lang}) contains Latin letters")
            if lang == "ru" and re.search(r"[ғӣқӯҳҷҒӢҚӮҲҶ]", text):
                errors.append(f"{name}: {where} (ru) contains Tajik letters")
    return table, errors


# ------------------------------------------------------------------------------------------------
# writing
# ------------------------------------------------------------------------------------------------


def build_catalog(
    name: str, lang: str, strings: list[tuple[str, str]], table: dict[str, dict[str, str]]
) -> bytes:
    language = {"ru": "Russian", "tg": "Tajik"}[lang]
    catalog = Catalog(
        locale=lang,
        header_comment=(
            f"# {language} translation of the Budget Tutor lesson content: {name}.\n"
            f"# Written with tools/content_C/build_po.py from tools/content_C/translations/{name}.yaml;\n"
            "# change a translation there (or here, then copy it there) and run the script again.\n"
            "# This file is distributed under the same licence as the Budget Tutor project."
        ),
        domain="lessons",
        project="Budget Tutor",
        version="1",
        creation_date=BUILT,
        revision_date=BUILT,
        last_translator="Budget Tutor content team",
        language_team="Budget Tutor content team",
        charset="utf-8",
        fuzzy=False,
    )
    headers = dict(catalog.mime_headers)
    headers["Plural-Forms"] = LANGS[lang]
    headers.pop("Report-Msgid-Bugs-To", None)
    catalog.mime_headers = list(headers.items())
    for where, msgid in strings:
        if msgid in catalog:
            catalog[msgid].locations.append((where, None))
        else:
            message = catalog.add(msgid, table[msgid][lang], locations=[(where, None)])
            # Lesson text is never a %-format string: Babel guesses "python-format" from "1% fee",
            # and msgfmt --check then rejects a translation such as "1% комиссии".
            message.flags.discard("python-format")
    out = io.BytesIO()
    write_po(out, catalog, width=0, include_lineno=False)
    # Babel always writes its placeholder bug address; this content has none.
    return re.sub(rb'"Report-Msgid-Bugs-To: [^"]*"\n', b"", out.getvalue())


def check_other_catalogs(
    name: str, strings: list[tuple[str, str]], table: dict[str, dict[str, str]]
) -> list[str]:
    """The i18n tooling merges every lessons.d/*.po into one catalog: a msgid that another lesson
    translates differently would conflict there."""
    errors = []
    wanted = {msgid for _, msgid in strings}
    for lang in LANGS:
        folder = ROOT / "locales" / lang / "LC_MESSAGES" / "lessons.d"
        for other in sorted(folder.glob("*.po")):
            if other.stem == name:
                continue
            with other.open("rb") as handle:
                catalog = read_po(handle)
            for message in catalog:
                if (
                    message.id in wanted
                    and message.string
                    and message.string != table[message.id][lang]
                ):
                    errors.append(
                        f"{name}: {message.id[:50]!r} ({lang}) is translated differently in {other.name}"
                    )
    return errors


def process(name: str, write: bool) -> bool:
    path = BUILTIN / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = check_course(data) if name == COURSE else check_steps(name, data)
    strings = collect(data)
    table, tr_errors = check_translations(name, strings)
    errors += tr_errors or check_other_catalogs(name, strings, table)
    for error in errors:
        print(error)
    if errors:
        return False
    ok = True
    for lang in LANGS:
        po = build_catalog(name, lang, strings, table)
        target = ROOT / "locales" / lang / "LC_MESSAGES" / "lessons.d" / f"{name}.po"
        if write:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(po)
        elif not target.is_file() or target.read_bytes() != po:
            print(f"{target.relative_to(ROOT)} is out of date: run tools/content_C/build_po.py")
            ok = False
    print(f"{name}: {len({m for _, m in strings})} strings, {'ok' if ok else 'FAILED'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("names", nargs="*", default=[*LESSONS, COURSE])
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    args = parser.parse_args(argv)
    results = [process(name, write=not args.check) for name in args.names]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
