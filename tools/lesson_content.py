"""Check the built-in course and write its Russian and Tajik lesson catalogs.

English lives only in the lesson files (``budget_tutor/lessons/builtin/<id>.yaml`` and
``course.yaml``). The translations live in ``tools/content_{A,B,C}/translations/<id>.yaml``, one
file per lesson, as a list of ``{en, ru, tg}`` entries keyed by the English text itself: a changed
English sentence fails the check until it is translated again, so a msgid can never drift from
its lesson. This script writes ``locales/{ru,tg}/LC_MESSAGES/lessons.d/<id>.po`` from them (the
i18n tooling merges those files into ``lessons.po``)::

    .venv/bin/python tools/lesson_content.py              # check everything, write the .po files
    .venv/bin/python tools/lesson_content.py --check      # check only; stale .po files are errors
    .venv/bin/python tools/lesson_content.py --pull       # take edits made in lessons.d/*.po back
    .venv/bin/python tools/lesson_content.py --draw-cards # redraw the sort-card pictures
    .venv/bin/python tools/lesson_content.py --png DIR    # also render every lesson picture (Qt)
    .venv/bin/python tools/lesson_content.py m03-family-budget course   # only some files

It exits 1 when anything is wrong:

* the lesson engine's own validation (``budget_tutor.lessons.validate``) reports an error or a
  warning, or the course's lesson order or pre/post-test bank is incomplete;
* a lesson has fewer than 6 steps, fewer than 3 exercises, no planner task, no key message, no
  summary or no discussion; a story has no picture; a card is in an unknown group;
* a sort card has no picture, or one that is not its lesson's card glyph
  (``pictures/<lesson>-card-<glyph>.svg``), or shares its picture with another card of the sort;
* a calculation's stated answer differs from the engine's result or from an independent
  recomputation with :mod:`budget_tutor.finance` and :mod:`budget_tutor.money`;
* a picture or icon is missing, unsafe (text, script, links), over 20 KB, or a card picture differs
  from its glyph in ``tools/content_{A,B}/card_pictures.py``; a lesson picture is used by no lesson;
* a string has no translation, a translation has no string any more, or one English text is
  translated two ways (the merged catalog keeps only one);
* a translation loses a number (``8,000`` is written ``8 000``) or a **bold** marker of the
  English, changes the paragraphs, keeps Latin letters, mixes Tajik letters into Russian, misses a
  glossary term (``locales/glossary.csv`` and :data:`LESSON_TERMS`) or uses a known bad form
  (:data:`AVOID`);
* a person of the course appears in a lesson that is not theirs or is named differently in a
  translation (:data:`CAST`), or the Rahimov family of m00 and m10 does not agree
  (:data:`FAMILY`).

A translator may edit ``lessons.d/<id>.po`` directly (Poedit, a text editor): ``--pull`` copies
every changed translation from there into the source file, and the next run writes the same .po.

Digit groups in ru and tg are joined with a no-break space (``8 000``) when the .po is written, so a
projector never wraps a number across two lines.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import write_po  # noqa: E402

from budget_tutor import finance, money  # noqa: E402
from budget_tutor.lessons import calculations  # noqa: E402
from budget_tutor.lessons.extract import document_messages  # noqa: E402
from budget_tutor.lessons.loader import Document, load_yaml  # noqa: E402
from budget_tutor.lessons.model import Severity  # noqa: E402
from budget_tutor.lessons.validate import check_lesson_document, validate_course  # noqa: E402
from budget_tutor.resources import assets_dir  # noqa: E402
from budget_tutor.translations import (  # noqa: E402
    GlossaryTerm,
    glossary_mismatches,
    read_glossary,
)

BUILTIN = ROOT / "budget_tutor" / "lessons" / "builtin"
ASSETS = ROOT / "assets"
LOCALES = ROOT / "locales"
TOOLS = ROOT / "tools"
TRANSLATION_DIRS = tuple(
    TOOLS / part / "translations" for part in ("content_A", "content_B", "content_C")
)
CARD_SOURCES = (TOOLS / "content_A" / "card_pictures.py", TOOLS / "content_B" / "card_pictures.py")
COURSE = "course"
LANGS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "tg": "nplurals=2; plural=(n != 1);",
}
LANGUAGE_NAMES = {"ru": "Russian", "tg": "Tajik"}
#: Fixed, so that writing unchanged text gives identical files.
BUILT = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
NBSP = "\u00a0"
MAX_SVG_BYTES = 20_000
MIN_STEPS = 6
MIN_EXERCISES = 3
EXERCISES = frozenset({"quiz", "sort", "calculation", "season_calendar", "planner_task"})
REQUIRED_STEPS = ("key_message", "summary", "planner_task", "discussion")
SECTION_ACTIONS = {
    "incomes": "add_income",
    "expenses": "add_expense",
    "one_offs": "add_one_off",
    "savings": "add_savings",
    "goals": "add_goal",
    "debts": "add_debt",
    "investments": "add_investment",
}
TAJIK_LETTERS = "ғӣқӯҳҷҒӢҚӮҲҶ"


@dataclass(frozen=True)
class Person:
    """A person of the course: the English name, the Russian stem (it declines: Нилуфар,
    Мавлюд|а|ы|ой), the Tajik form, and the only files it may appear in."""

    english: str
    russian: str
    tajik: str
    files: frozenset[str]


def _cast(*rows: tuple[str, str, str, str]) -> tuple[Person, ...]:
    return tuple(Person(en, ru, tg, frozenset(files.split())) for en, ru, tg, files in rows)


#: One name, one person. Every name belongs to the lesson(s) that tell that person's story, so a
#: family's details can never disagree between two lessons: a new lesson takes new names.
CAST = _cast(
    ("Rahimov", "Рахимов", "Раҳимов", "m00-welcome"),
    ("Nilufar", "Нилуфар", "Нилуфар", "m00-welcome m10-action-plan"),
    ("Farrukh", "Фаррух", "Фаррух", "m00-welcome m10-action-plan course"),
    ("Mavluda", "Мавлюд", "Мавлуда", "m00-welcome m10-action-plan"),
    ("Umed", "Умед", "Умед", "m00-welcome m10-action-plan"),
    ("Gulnora", "Гульнор", "Гулнора", "m01-where-money-comes-from"),
    ("Davlat", "Давлат", "Давлат", "m01-where-money-comes-from course"),
    ("Bakhtiyor", "Бахтиёр", "Бахтиёр", "m01-where-money-comes-from"),
    ("Sitora", "Ситор", "Ситора", "m02-needs-and-wants"),
    ("Rustam", "Рустам", "Рустам", "m02-needs-and-wants"),
    ("Jamshed", "Джамшед", "Ҷамшед", "m02-needs-and-wants"),
    ("Shahnoza", "Шахноз", "Шаҳноза", "m02-needs-and-wants"),
    ("Parvina", "Парвин", "Парвина", "m03-family-budget"),
    ("Firuz", "Фируз", "Фируз", "m03-family-budget"),
    ("Malika", "Малик", "Малика", "m03-family-budget"),
    ("Zarina", "Зарин", "Зарина", "m04-receiving-remittances"),
    ("Behruz", "Бехруз", "Беҳрӯз", "m04-receiving-remittances"),
    ("Karim", "Карим", "Карим", "m04-receiving-remittances"),
    ("Madina", "Мадин", "Мадина", "m05-when-money-stops"),
    ("Sharif", "Шариф", "Шариф", "m05-when-money-stops"),
    ("Munira", "Мунир", "Мунира", "m05-when-money-stops"),
    ("Dilnoza", "Дильноз", "Дилноза", "m06-saving"),
    ("Alisher", "Алишер", "Алишер", "m06-saving"),
    ("Nigina", "Нигин", "Нигина", "m06-saving"),
    ("Tahmina", "Тахмин", "Таҳмина", "m07-big-life-events"),
    ("Khurshed", "Хуршед", "Хуршед", "m07-big-life-events"),
    ("Suhrob", "Сухроб", "Суҳроб", "m07-big-life-events"),
    ("Mohira", "Мохир", "Моҳира", "m08-borrowing"),
    ("Bahrom", "Бахром", "Баҳром", "m08-borrowing"),
    ("Nodira", "Нодир", "Нодира", "m09-investing"),
    ("Anvar", "Анвар", "Анвар", "m09-investing"),
    ("Gulchehra", "Гульчехр", "Гулчеҳра", "m09-investing"),
    ("Daler", "Далер", "Далер", "m09-investing"),
    ("Farzona", "Фарзон", "Фарзона", "m09-investing"),
)

#: The Rahimov family as m00 introduces it; m10 is the same family's action plan, so every fact
#: must be in the story of both lessons, in every language: (English, Russian, Tajik).
FAMILY: tuple[tuple[str, str, str], ...] = (
    ("Nilufar", "Нилуфар", "Нилуфар"),
    ("village near Kulob", "в кишлаке под Кулябом", "деҳаи назди Кӯлоб"),
    ("four children", "четырьмя детьми", "чаҳор фарзанд"),
    ("mother-in-law, Mavluda", "свекровью Мавлюдой", "хушдоманаш Мавлуда"),
    (
        "Farrukh works on building sites in Moscow",
        "Фаррух работает на стройках в Москве",
        "Фаррух дар сохтмонҳои Маскав",
    ),
    ("20,000 roubles", "20 000 рублей", "20 000 рубл"),
    ("2,300 somoni", "2 300 сомони", "2 300 сомонӣ"),
)
FAMILY_FILES = ("m00-welcome", "m10-action-plan")
FAMILY_STEP = "story"


def _terms(*rows: tuple[str, str, str]) -> tuple[GlossaryTerm, ...]:
    def alts(text: str) -> tuple[str, ...]:
        return tuple(a.strip() for a in text.split(" / "))

    return tuple(
        GlossaryTerm(alts(en), {"ru": alts(ru), "tg": alts(tg)}, "lesson vocabulary", True)
        for en, ru, tg in rows
    )


#: The course's own vocabulary, on top of ``locales/glossary.csv`` (same matching rules: each
#: word of one alternative must appear, Russian by its stem). Proposed for the glossary too.
LESSON_TERMS = _terms(
    ("key message", "главная мысль / главную мысль", "фикри асосӣ"),
    ("role play", "ролевая игра", "бозии нақшҳо"),
    ("spending diary", "дневник расходов", "дафтари хароҷот"),
    ("mark-up", "наценка", "устама"),
    ("profit", "прибыль", "фоида"),
    ("break-even", "окупаемость", "безарарӣ"),
    ("flipchart", "флипчарт", "флипчарт"),
    ("My plan", "«Мой план» / «Моём плане»", "«Нақшаи ман»"),
    ("jamoat", "джамоат", "ҷамоат"),
    ("Nowruz", "Навруз", "Наврӯз"),
    ("transfer code", "код перевода / коды переводов", "рамзи интиқол"),
    ("receipt", "квитанция", "квитансия"),
)

#: Forms a translation must not use, with the reason (misspellings and words the course replaced).
AVOID: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (
        (r"\bдепозит", "the glossary says вклад"),
        (r"подушк\w* безопасности", "the course says резервный фонд"),
    ),
    "tg": (
        (r"қимат(?!и)", "қиммат is written with two м"),
        (r"(?<![ӯ])\bтуҳфа", "тӯҳфа is written with ӯ"),
        (r"[Бб]озии нақшӣ", "the course says бозии нақшҳо"),
        (r"паёми асосӣ|паёми асосиро", "the course says фикри асосӣ"),
        (r"^Ҳа\.", "feedback starts with Бале."),
        (r"\bдепозит", "the glossary says амонат"),
        (r"рӯзномаи хароҷот", "the course says дафтари хароҷот"),
    ),
}

#: Feedback that starts "Yes." starts the same way in every translation.
YES = {"ru": "Да.", "tg": "Бале."}


# ------------------------------------------------------------------------------------------------
# reading
# ------------------------------------------------------------------------------------------------


def read_yaml(path: Path) -> Any:
    """Plain data of a YAML file (libyaml when present: the translation files are large)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def course_lessons() -> list[str]:
    data = read_yaml(BUILTIN / f"{COURSE}.yaml")
    return [str(name) for name in data.get("lessons") or []]


def all_names() -> list[str]:
    return [*course_lessons(), COURSE]


def shown(path: Path) -> str:
    """A path as messages show it: relative to the repository when it is inside it."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def lesson_path(name: str) -> Path:
    return BUILTIN / f"{name}.yaml"


def translation_path(name: str) -> Path:
    found = [
        folder / f"{name}.yaml"
        for folder in TRANSLATION_DIRS
        if (folder / f"{name}.yaml").is_file()
    ]
    if len(found) != 1:
        raise FileNotFoundError(
            f"{name}: expected one translation file in tools/content_*/translations, found {len(found)}"
        )
    return found[0]


@dataclass
class Entry:
    msgid: str
    lines: list[int] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


def messages(doc: Document) -> list[Entry]:
    """The engine's extraction of one file (what ``lessons.pot`` holds), merged by msgid."""
    merged: dict[str, Entry] = {}
    for found in document_messages(doc):
        entry = merged.setdefault(found.msgid, Entry(found.msgid))
        entry.lines.append(found.line)
        if found.comment not in entry.comments:
            entry.comments.append(found.comment)
    return list(merged.values())


def join_digit_groups(text: str) -> str:
    """``8 000`` → ``8<NBSP>000``."""
    return re.sub(r"(?<=\d) (?=\d{3}(?!\d))", NBSP, text)


def load_translations(name: str) -> tuple[dict[str, dict[str, str]], list[str]]:
    path = translation_path(name)
    errors: list[str] = []
    table: dict[str, dict[str, str]] = {}
    raw = read_yaml(path) or []
    if not isinstance(raw, list):
        return {}, [f"{shown(path)}: must be a list of {{en, ru, tg}} entries"]
    for entry in raw:
        if not isinstance(entry, dict) or set(entry) - {"en", *LANGS}:
            errors.append(f"{shown(path)}: bad entry {str(entry)[:60]!r}")
            continue
        en = str(entry.get("en") or "").strip()
        if en in table:
            errors.append(f"{shown(path)}: {en[:50]!r}… is translated twice")
        table[en] = {lang: join_digit_groups(str(entry.get(lang) or "").strip()) for lang in LANGS}
    return table, errors


# ------------------------------------------------------------------------------------------------
# calculations: the engine's result and an independent recomputation must both match the answer
# ------------------------------------------------------------------------------------------------


def _d(value: Any) -> Decimal:
    return Decimal(str(value))


def recompute(function: str, args: dict[str, Any]) -> Decimal:
    """The stated answer's value computed straight from the core's money and finance functions,
    without the lesson engine (so a mistake in the engine's argument handling shows too)."""
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
    if function in ("annuity_payment", "loan_total_cost"):
        compute = (
            finance.annuity_payment if function == "annuity_payment" else finance.loan_total_cost
        )
        return Decimal(compute(m(_d(a["principal"])), _d(a["annual_rate"]), int(a["months"]))) / 100
    if function == "real_value_after":
        value = finance.real_value_after(m(_d(a["amount"])), _d(a["inflation"]), int(a["years"]))
        return Decimal(value) / 100
    if function == "sum":
        return sum((_d(v) for v in a["values"]), Decimal(0))
    if function == "difference":
        return _d(a["a"]) - _d(a["b"])
    if function == "multiply":
        return Decimal(money.round_minor(Decimal(m(_d(a["amount"]))) * _d(a["factor"]))) / 100
    if function == "yearly_to_monthly":
        return (_d(a["amount"]) / 12).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    raise ValueError(f"unknown calculation function {function!r}")


def check_calculation(where: str, step: dict[str, Any]) -> list[str]:
    compute = step.get("compute") or {}
    function, args = compute.get("function"), compute.get("args") or {}
    try:
        answer = _d(step["answer"])
        by_engine = calculations.compute(str(function), args)
        by_core = recompute(str(function), args)
    except (KeyError, ValueError, ArithmeticError) as exc:
        return [f"{where}: the calculation cannot be computed: {exc}"]
    errors = []
    if by_engine != answer:
        errors.append(f"{where}: answer {answer} but the lesson engine computes {by_engine}")
    if by_core != answer:
        errors.append(f"{where}: answer {answer} but the core's finance functions give {by_core}")
    return errors


# ------------------------------------------------------------------------------------------------
# structure and pictures
# ------------------------------------------------------------------------------------------------


def engine_problems(name: str, doc: Document) -> list[str]:
    """The lesson engine's validation, errors and warnings alike, as ``file:line: message``."""
    path = lesson_path(name)
    if name == COURSE:
        _course, problems = validate_course(path, course_lessons())
    else:
        _lesson, problems = check_lesson_document(
            doc, path, pack_root=None, pack_id=None, assets_dir=assets_dir()
        )
    return [
        f"{shown(path)}:{p.line or 0}: engine {'error' if p.severity is Severity.ERROR else 'warning'}: {p.english}"
        for p in problems
    ]


def check_svg(rel: str) -> list[str]:
    path = ASSETS / rel
    if not path.is_file():
        return [f"picture {rel} does not exist"]
    raw = path.read_bytes()
    text = raw.decode("utf-8", errors="replace").lower()
    errors = []
    if len(raw) > MAX_SVG_BYTES:
        errors.append(f"{rel} is {len(raw)} bytes (limit {MAX_SVG_BYTES})")
    if "viewbox" not in text:
        errors.append(f"{rel} has no viewBox")
    for bad in ("<script", "<text", "<image", "<foreignobject", "url(http", "javascript:"):
        if bad in text:
            errors.append(f"{rel} contains {bad!r}")
    if re.search(r"href\s*=\s*[\"'](?!#)", text):
        errors.append(f"{rel} links outside itself")
    return errors


def lesson_pictures(data: dict[str, Any]) -> list[str]:
    pictures = [f"icons/{data['icon']}.svg"] if data.get("icon") else []
    for step in data.get("steps") or []:
        if step.get("picture"):
            pictures.append(str(step["picture"]))
        pictures.extend(str(c["picture"]) for c in step.get("cards") or [] if c.get("picture"))
    return pictures


def check_card_pictures(name: str, where: str, cards: list[dict[str, Any]]) -> list[str]:
    """Every card of a built-in sort has its own picture, drawn from a glyph of
    ``tools/content_{A,B}/card_pictures.py`` (``pictures/<lesson>-card-<glyph>.svg``): families
    who read little sort the cards by their pictures."""
    errors = []
    drawn = {f"pictures/{path.name}" for path in card_pictures()}
    seen: dict[str, str] = {}
    for card in cards:
        text = str(card.get("text"))
        picture = card.get("picture")
        if not picture:
            errors.append(f"{where}: the card {text!r} has no picture")
            continue
        if not str(picture).startswith(f"pictures/{name}-card-") or picture not in drawn:
            errors.append(
                f"{where}: the card {text!r} shows {picture}, which no glyph of "
                f"tools/content_{{A,B}}/card_pictures.py draws for {name}"
            )
        if picture in seen:
            errors.append(f"{where}: the cards {seen[picture]!r} and {text!r} share {picture}")
        seen.setdefault(str(picture), text)
    return errors


def check_steps(name: str, data: dict[str, Any]) -> list[str]:
    errors: list[str] = []
    steps = data.get("steps") or []
    kinds = [s.get("type") for s in steps]
    if len(steps) < MIN_STEPS:
        errors.append(f"{name}: {len(steps)} steps, at least {MIN_STEPS} needed")
    exercises = sum(kind in EXERCISES for kind in kinds)
    if exercises < MIN_EXERCISES:
        errors.append(f"{name}: {exercises} exercises, at least {MIN_EXERCISES} needed")
    for needed in REQUIRED_STEPS:
        if needed not in kinds:
            errors.append(f"{name}: no {needed} step")
    for step in steps:
        where = f"{name}/{step.get('id')}"
        kind = step.get("type")
        if kind == "story" and not step.get("picture"):
            errors.append(f"{where}: a story step without a picture")
        if kind == "calculation":
            errors.extend(check_calculation(where, step))
        if kind == "quiz":
            options = step.get("options") or []
            if not any(o.get("correct") for o in options) or any(
                not o.get("feedback") for o in options
            ):
                errors.append(f"{where}: a quiz needs a right answer and feedback on every option")
        if kind == "sort":
            groups = {g["id"] for g in step.get("groups") or []}
            used = {c.get("group") for c in step.get("cards") or []}
            for missing in sorted(used - groups):
                errors.append(f"{where}: a card is in the unknown group {missing!r}")
            for empty in sorted(groups - used):
                errors.append(f"{where}: the group {empty!r} has no card")
            errors.extend(check_card_pictures(name, where, step.get("cards") or []))
        if kind == "planner_task":
            action = (step.get("suggestion") or {}).get("action")
            if SECTION_ACTIONS.get(str(step.get("section"))) != action:
                errors.append(
                    f"{where}: the action {action!r} does not belong to section {step.get('section')!r}"
                )
    for picture in lesson_pictures(data):
        errors.extend(f"{name}: {e}" for e in check_svg(picture))
    return errors


def check_course(data: dict[str, Any]) -> list[str]:
    errors = []
    items = data.get("assessment") or []
    if len(items) < 20:
        errors.append(f"course: {len(items)} pre/post-test items, at least 20 expected")
    for form in ("A", "B"):
        keys = [
            next((n for n, o in enumerate(i.get("options") or []) if o.get("correct")), -1)
            for i in items
            if i.get("form") in (None, form)
        ]
        for position in set(keys):
            if keys.count(position) * 5 > len(keys) * 2:  # over 40 % of the form
                errors.append(
                    f"course: form {form}: the right answer is option {position + 1} in "
                    f"{keys.count(position)} of {len(keys)} items (at most 40 %)"
                )
    modules = {int(m) for i in items for m in re.findall(r"^a-m(\d\d)-", str(i.get("id")))}
    missing = set(range(1, 10)) - modules
    if missing:
        errors.append(f"course: no pre/post-test item for modules {sorted(missing)}")
    lessons = set(course_lessons())
    on_disk = {p.stem for p in BUILTIN.glob("*.yaml")} - {COURSE}
    if lessons != on_disk:
        errors.append(
            f"course: the lesson list and the lesson files differ: {sorted(lessons ^ on_disk)}"
        )
    return errors


def load_card_sources() -> list[ModuleType]:
    modules = []
    for path in CARD_SOURCES:
        spec = importlib.util.spec_from_file_location(f"cards_{path.parent.name}", path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {path}")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    return modules


def card_svg(body: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">\n'
        f"{body}\n"
        "</svg>\n"
    )


def card_pictures() -> dict[Path, str]:
    """Every sort-card picture drawn from its glyph: ``assets/pictures/<lesson>-card-<name>.svg``."""
    out: dict[Path, str] = {}
    for module in load_card_sources():
        for lesson, names in module.USES.items():
            for name in names:
                out[ASSETS / "pictures" / f"{lesson}-card-{name}.svg"] = card_svg(
                    module.GLYPHS[name]
                )
    return out


def check_assets(lessons: dict[str, dict[str, Any]]) -> list[str]:
    """Card pictures match their glyphs; every lesson picture and icon is used by a lesson."""
    errors = []
    for path, text in card_pictures().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            errors.append(f"{shown(path)} differs from its glyph: run --draw-cards")
    used = {picture for data in lessons.values() for picture in lesson_pictures(data)}
    for path in sorted((ASSETS / "pictures").glob("m[0-9][0-9]-*.svg")):
        if f"pictures/{path.name}" not in used:
            errors.append(f"{shown(path)} is used by no lesson")
    for path in sorted((ASSETS / "icons").glob("lesson-*.svg")):
        if f"icons/{path.name}" not in used:
            errors.append(f"{shown(path)} is used by no lesson")
    return errors


# ------------------------------------------------------------------------------------------------
# translations
# ------------------------------------------------------------------------------------------------


def numbers(text: str, english: bool) -> list[str]:
    """The numbers in a text, thousands separators removed (8,000 / 8 000 → 8000), sorted."""
    sep = "," if english else " " + NBSP
    pattern = r"\d{1,3}(?:[" + sep + r"]\d{3})+(?!\d)|\d+"
    return sorted(re.sub(r"\D", "", n) for n in re.findall(pattern, text))


def glossary() -> list[GlossaryTerm]:
    return [*read_glossary(LOCALES / "glossary.csv"), *LESSON_TERMS]


def check_text(
    where: str, lang: str, msgid: str, text: str, terms: Sequence[GlossaryTerm]
) -> list[str]:
    errors = []
    if numbers(msgid, True) != numbers(text, False):
        errors.append(
            f"{where} ({lang}): numbers differ: {numbers(msgid, True)} vs {numbers(text, False)}"
        )
    if text.count("**") != msgid.count("**"):
        errors.append(f"{where} ({lang}): bold markers differ")
    if text.count("\n\n") != msgid.count("\n\n"):
        errors.append(f"{where} ({lang}): the number of paragraphs differs")
    latin = re.sub(r"\bA4\b", "", text)
    if re.search(r"[A-Za-z]", latin):
        errors.append(f"{where} ({lang}): Latin letters")
    if lang == "ru" and re.search(f"[{TAJIK_LETTERS}]", text):
        errors.append(f"{where} (ru): Tajik letters")
    for term in glossary_mismatches(terms, lang, msgid, text):
        want = term.words(lang)
        errors.append(f"{where} ({lang}): {term.english[0]!r} should be {want!r}")
    for pattern, reason in AVOID[lang]:
        if re.search(pattern, text, re.M):
            errors.append(f"{where} ({lang}): {reason}")
    if msgid.startswith("Yes.") and not text.startswith(YES[lang]):
        errors.append(f"{where} ({lang}): a 'Yes.' starts with {YES[lang]!r}")
    return errors


def check_translations(
    name: str,
    entries: Sequence[Entry],
    table: dict[str, dict[str, str]],
    terms: Sequence[GlossaryTerm],
) -> list[str]:
    errors = []
    rel = lesson_path(name).relative_to(ROOT)
    wanted = {e.msgid for e in entries}
    for stale in sorted(set(table) - wanted):
        errors.append(
            f"{shown(translation_path(name))}: {stale[:60]!r}… has no English string any more"
        )
    for entry in entries:
        where = f"{rel}:{entry.lines[0]}"
        row = table.get(entry.msgid)
        if row is None:
            errors.append(f"{where}: no translation of {entry.msgid[:60]!r}…")
            continue
        for lang in LANGS:
            if not row[lang]:
                errors.append(f"{where}: no {lang} translation of {entry.msgid[:60]!r}…")
            else:
                errors.extend(check_text(where, lang, entry.msgid, row[lang], terms))
    return errors


def check_cast(name: str, table: dict[str, dict[str, str]], entries: Sequence[Entry]) -> list[str]:
    errors = []
    for entry in entries:
        for person in CAST:
            count = len(re.findall(rf"\b{person.english}\b", entry.msgid))
            if not count:
                continue
            if name not in person.files:
                errors.append(
                    f"{name}: {person.english} belongs to {', '.join(sorted(person.files))} "
                    f"(one name, one person): {entry.msgid[:50]!r}"
                )
            row = table.get(entry.msgid)
            if row and row["ru"] and len(re.findall(person.russian, row["ru"])) < count:
                errors.append(
                    f"{name}: {person.english} is not {person.russian}… in ru: {entry.msgid[:50]!r}"
                )
            if row and row["tg"] and len(re.findall(person.tajik, row["tg"])) < count:
                errors.append(
                    f"{name}: {person.english} is not {person.tajik} in tg: {entry.msgid[:50]!r}"
                )
    return errors


def family_story(data: dict[str, Any], table: dict[str, dict[str, str]]) -> dict[str, str]:
    """The m00/m10 story text in English, Russian and Tajik (no-break spaces made plain)."""
    story = next(s for s in data["steps"] if s.get("id") == FAMILY_STEP)
    en = str(story["text"]).strip()
    row = table.get(en, {})
    return {"en": en, **{lang: row.get(lang, "").replace(NBSP, " ") for lang in LANGS}}


def check_family(
    lessons: dict[str, dict[str, Any]], tables: dict[str, dict[str, dict[str, str]]]
) -> list[str]:
    errors = []
    for name in FAMILY_FILES:
        text = family_story(lessons[name], tables[name])
        for facts in FAMILY:
            for lang, fact in zip(("en", *LANGS), facts, strict=True):
                if fact not in text[lang]:
                    errors.append(
                        f"{name}/{FAMILY_STEP} ({lang}): the Rahimov family of m00 has {fact!r}"
                    )
    return errors


def check_shared(tables: dict[str, dict[str, dict[str, str]]]) -> list[str]:
    """One English text, one translation in every lesson (the merged catalog keeps only one)."""
    errors = []
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for name, table in tables.items():
        for msgid, row in table.items():
            for lang in LANGS:
                seen = first.setdefault((lang, msgid), (name, row[lang]))
                if seen[1] != row[lang]:
                    errors.append(
                        f"{name} ({lang}): {msgid[:50]!r} is translated differently in {seen[0]}"
                    )
    return errors


# ------------------------------------------------------------------------------------------------
# writing
# ------------------------------------------------------------------------------------------------


def _block(key: str, text: str, first: bool) -> str:
    """One ``key: |`` literal block of a translation file (``- en: |`` opens an entry)."""
    lines = text.strip().split("\n")
    if lines[0][:1].isspace():
        raise ValueError(f"a translation may not start with a space: {text[:40]!r}")
    head = f"- {key}: |\n" if first else f"  {key}: |\n"
    return head + "".join(f"    {line}\n" if line else "\n" for line in lines)


def write_translations(
    name: str, table: dict[str, dict[str, str]], entries: Sequence[Entry]
) -> None:
    """Rewrite a translation file: entries in the lesson's order, each step headed by a comment
    naming it, then any entries the lesson no longer has."""
    path = translation_path(name)
    out = [
        f"# Translations of budget_tutor/lessons/builtin/{name}.yaml, keyed by the English text.\n",
        f"# tools/lesson_content.py writes locales/{{ru,tg}}/LC_MESSAGES/lessons.d/{name}.po from it.\n",
    ]
    heading = {
        e.msgid: e.comments[0].replace(" - trainer notes, shown to trainers only", "")
        for e in entries
    }
    order = [e.msgid for e in entries if e.msgid in table]
    last = ""
    for msgid in [*order, *(m for m in table if m not in heading)]:
        row = table[msgid]
        if heading.get(msgid, "left over") != last:
            last = heading.get(msgid, "left over")
            out.append(f"# {last}\n")
        out.append(_block("en", msgid, True))
        for lang in LANGS:
            # Digit groups are joined again when the .po is written; the source stays readable.
            out.append(_block(lang, re.sub(r"(?<=\d)\u00a0(?=\d{3})", " ", row[lang]), False))
    text = "".join(out)
    back = {str(e["en"]).strip(): e for e in yaml.safe_load(text)}
    if set(back) != set(table):
        raise ValueError(f"{name}: the translation file would not read back")
    path.write_text(text, encoding="utf-8")


def pull(names: Iterable[str]) -> list[str]:
    """Copy translations edited in ``lessons.d/*.po`` into the source files; what changed."""
    from babel.messages.pofile import read_po

    changed = []
    for name in names:
        table, _errors = load_translations(name)
        entries = messages(load_yaml(lesson_path(name)))
        before = {m: dict(row) for m, row in table.items()}
        for lang in LANGS:
            path = po_path(name, lang)
            if not path.is_file():
                continue
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang)
            for message in catalog:
                text = str(message.string or "").strip() if message.id else ""
                if text and not message.fuzzy and message.id in table:
                    table[message.id][lang] = join_digit_groups(text)
        edits = [(m, lang) for m in table for lang in LANGS if table[m][lang] != before[m][lang]]
        if edits:
            write_translations(name, table, entries)
            changed.extend(f"{name} ({lang}): {m[:60]!r}" for m, lang in edits)
    return changed


def build_catalog(
    name: str, lang: str, entries: Sequence[Entry], table: dict[str, dict[str, str]]
) -> bytes:
    path = translation_path(name)
    source = f"tools/{path.parent.parent.name}/translations/{path.name}"
    catalog = Catalog(
        locale=lang,
        header_comment=(
            f"# {LANGUAGE_NAMES[lang]} translation of the Budget Tutor lesson content: {name}.\n"
            f"# Written by tools/lesson_content.py from {source};\n"
            "# change a translation there and run the script again.\n"
            "# This file is distributed under the same licence as the Budget Tutor project."
        ),
        domain="lessons",
        project="Budget Tutor",
        version="1",
        creation_date=BUILT,
        revision_date=BUILT,
        last_translator="Budget Tutor content team",
        language_team=f"{LANGUAGE_NAMES[lang]} <budget-tutor translators>",
        charset="utf-8",
        fuzzy=False,
    )
    headers = dict(catalog.mime_headers)
    headers["Plural-Forms"] = LANGS[lang]
    headers.pop("Report-Msgid-Bugs-To", None)
    catalog.mime_headers = list(headers.items())
    file = lesson_path(name).relative_to(ROOT).as_posix()
    for entry in entries:
        message = catalog.add(
            entry.msgid,
            table[entry.msgid][lang],
            locations=[(file, line) for line in entry.lines],
            auto_comments=entry.comments,
        )
        # Lesson text is never a %-format string: Babel guesses "python-format" from "1% fee",
        # and msgfmt --check would then reject a translation such as "1% комиссии".
        message.flags.discard("python-format")
    out = io.BytesIO()
    write_po(out, catalog, width=0)
    return re.sub(rb'"Report-Msgid-Bugs-To: [^"]*"\n', b"", out.getvalue())


def po_path(name: str, lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "lessons.d" / f"{name}.po"


def msgfmt_errors(path: Path) -> list[str]:
    if shutil.which("msgfmt") is None:
        return []
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [f"{shown(path)}: msgfmt: {result.stderr.strip()}"] if result.returncode else []


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    strings: dict[str, int] = field(default_factory=dict)
    catalogs: dict[Path, bytes] = field(default_factory=dict)


def check(names: Iterable[str] | None = None) -> Report:
    """Every check of :func:`main` for ``names`` (default: the whole course); writes nothing."""
    wanted = list(names) if names is not None else all_names()
    report = Report()
    terms = glossary()
    tables: dict[str, dict[str, dict[str, str]]] = {}
    for name in all_names():
        try:
            tables[name], errors = load_translations(name)
        except FileNotFoundError as exc:
            tables[name], errors = {}, [str(exc)]
        if name in wanted:
            report.errors.extend(errors)
    lessons: dict[str, dict[str, Any]] = {}
    for name in wanted:
        path = lesson_path(name)
        doc = load_yaml(path, display_name=str(path.relative_to(ROOT)))
        if name != COURSE:
            lessons[name] = doc.data
        report.errors.extend(engine_problems(name, doc))
        entries = messages(doc)
        report.strings[name] = len(entries)
        report.errors.extend(
            check_course(doc.data) if name == COURSE else check_steps(name, doc.data)
        )
        report.errors.extend(check_translations(name, entries, tables[name], terms))
        report.errors.extend(check_cast(name, tables[name], entries))
        if all(e.msgid in tables[name] for e in entries):
            for lang in LANGS:
                report.catalogs[po_path(name, lang)] = build_catalog(
                    name, lang, entries, tables[name]
                )
    report.errors.extend(check_shared({n: tables[n] for n in all_names()}))
    if set(FAMILY_FILES) <= set(lessons):
        report.errors.extend(check_family(lessons, tables))
    if names is None:
        report.errors.extend(check_assets(lessons))
    return report


def render_pictures(out: Path) -> int:
    """Render every lesson picture and icon to PNG with Qt (to look at them); 1 if Qt rejects one."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    out.mkdir(parents=True, exist_ok=True)
    bad = 0
    files = sorted((ASSETS / "pictures").glob("m[0-9][0-9]-*.svg")) + sorted(
        (ASSETS / "icons").glob("lesson-*.svg")
    )
    for path in files:
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            print(f"{shown(path)}: Qt cannot read it")
            bad += 1
            continue
        image = QImage(renderer.defaultSize() * 2, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(out / f"{path.stem}.png"))
    print(f"{len(files) - bad} pictures rendered to {out}")
    return 1 if bad else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("names", nargs="*", help="lesson ids or 'course' (default: all)")
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    parser.add_argument(
        "--pull", action="store_true", help="take translations edited in lessons.d/*.po"
    )
    parser.add_argument("--draw-cards", action="store_true", help="redraw the sort-card pictures")
    parser.add_argument("--png", type=Path, metavar="DIR", help="render every picture to PNG")
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(all_names())
    if unknown:
        parser.error(f"unknown lesson {sorted(unknown)}; the course has {all_names()}")
    if args.pull:
        for line in pull(args.names or all_names()):
            print(f"taken from lessons.d: {line}")
    if args.draw_cards:
        for path, text in card_pictures().items():
            path.write_text(text, encoding="utf-8")
    report = check(args.names or None)
    stale = [
        path
        for path, data in report.catalogs.items()
        if not path.is_file() or path.read_bytes() != data
    ]
    if args.check:
        report.errors.extend(
            f"{shown(p)} differs from its source: run tools/lesson_content.py "
            "(with --pull first if a translator edited the .po)"
            for p in stale
        )
    elif not report.errors:
        for path in stale:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(report.catalogs[path])
        for path in report.catalogs:
            report.errors.extend(msgfmt_errors(path))
    for error in report.errors:
        print(error)
    for name, count in report.strings.items():
        print(f"{name}: {count} strings")
    status = 0 if not report.errors else 1
    if args.png:
        status |= render_pictures(args.png)
    print("OK" if status == 0 else f"{len(report.errors)} problem(s)")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
