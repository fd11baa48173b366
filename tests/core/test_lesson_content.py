"""The built-in course as content: every lesson validates, every stated answer is what the core
computes, every string is translated in ru and tg, the lessons keep their shape, and the Rahimov
family of m00 is the same family in m10.

The checks themselves live in ``tools/lesson_content.py`` (the tool that writes the lesson
catalogs); this test runs them in-process and also proves that they catch the mistakes they are
meant to catch.
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from babel.messages.pofile import read_po

from budget_tutor.lessons import calculations
from budget_tutor.lessons.check import run as lessons_check
from budget_tutor.lessons.extract import document_messages
from budget_tutor.lessons.loader import Document, load_yaml

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ROOT / "budget_tutor" / "lessons" / "builtin"
LESSONS_D = ROOT / "locales" / "{lang}" / "LC_MESSAGES" / "lessons.d" / "{name}.po"


def _load_tool() -> ModuleType:
    path = ROOT / "tools" / "lesson_content.py"
    spec = importlib.util.spec_from_file_location("lesson_content", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("lesson_content", module)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
LESSON_IDS = tool.course_lessons()
ALL_FILES = [*LESSON_IDS, tool.COURSE]


@pytest.fixture(scope="module")
def report() -> Any:
    return tool.check()


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    """Every file of the course, loaded once by the engine's loader."""
    return {name: load_yaml(BUILTIN / f"{name}.yaml") for name in ALL_FILES}


@pytest.fixture(scope="module")
def lessons(docs: dict[str, Document]) -> dict[str, dict[str, Any]]:
    return {name: docs[name].data for name in LESSON_IDS}


def _steps(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [s for s in data["steps"] if s.get("type") == kind]


# ------------------------------------------------------------------------------------------------
# the course as it is
# ------------------------------------------------------------------------------------------------


def test_the_course_has_eleven_modules_in_order(lessons: dict[str, dict[str, Any]]) -> None:
    assert [data["module"] for data in lessons.values()] == list(range(11))
    assert {p.stem for p in BUILTIN.glob("*.yaml")} == set(ALL_FILES)


def test_the_content_checker_finds_nothing(report: Any) -> None:
    assert report.errors == []
    assert set(report.strings) == set(ALL_FILES)


def test_the_committed_catalogs_are_what_the_sources_produce(report: Any) -> None:
    assert len(report.catalogs) == 2 * len(ALL_FILES)
    stale = [p.name for p, data in report.catalogs.items() if p.read_bytes() != data]
    assert stale == [], "run .venv/bin/python tools/lesson_content.py"


def test_the_engine_validates_every_builtin_lesson_without_errors_or_warnings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = lessons_check([str(BUILTIN)])
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1] == "0 errors, 0 warnings", out
    assert status == 0


@pytest.mark.parametrize("name", LESSON_IDS)
def test_every_lesson_has_six_steps_three_exercises_and_a_planner_task(
    name: str, lessons: dict[str, dict[str, Any]]
) -> None:
    steps = lessons[name]["steps"]
    exercises = [s for s in steps if s["type"] in tool.EXERCISES]
    assert len(steps) >= 6
    assert len(exercises) >= 3
    assert _steps(lessons[name], "planner_task")


@pytest.mark.parametrize("name", LESSON_IDS)
def test_every_calculation_is_what_the_engine_and_the_core_compute(
    name: str, lessons: dict[str, dict[str, Any]]
) -> None:
    for step in _steps(lessons[name], "calculation"):
        function, args = step["compute"]["function"], step["compute"]["args"]
        answer = Decimal(step["answer"])
        assert calculations.compute(function, args) == answer, step["id"]
        assert tool.recompute(function, args) == answer, step["id"]


def test_the_course_has_calculations_to_check(lessons: dict[str, dict[str, Any]]) -> None:
    count = sum(len(_steps(data, "calculation")) for data in lessons.values())
    assert count >= 2 * len(LESSON_IDS)


def test_every_builtin_sort_card_has_its_own_card_picture(
    lessons: dict[str, dict[str, Any]],
) -> None:
    cards = 0
    for name, data in lessons.items():
        for step in _steps(data, "sort"):
            pictures = [card.get("picture") for card in step["cards"]]
            cards += len(pictures)
            assert all(pictures), f"{name}/{step['id']}: a card without a picture"
            assert len(set(pictures)) == len(pictures), f"{name}/{step['id']}: a shared picture"
            for picture in pictures:
                assert picture.startswith(f"pictures/{name}-card-"), picture
                assert (ROOT / "assets" / picture).is_file(), picture
    assert cards == 82  # the 82 cards of the course's 11 sorts (issue 12: all with pictures)


def test_a_sort_card_without_its_own_glyph_picture_is_reported(
    lessons: dict[str, dict[str, Any]],
) -> None:
    data = lessons["m09-investing"]
    (sort,) = _steps(data, "sort")
    assert not [e for e in tool.check_steps("m09-investing", data) if "picture" in e]

    def with_cards(cards: list[dict[str, Any]]) -> dict[str, Any]:
        steps = [dict(s, cards=cards) if s is sort else s for s in data["steps"]]
        return dict(data, steps=steps)

    first, *others = sort["cards"]
    unpictured = {k: v for k, v in first.items() if k != "picture"}
    errors = tool.check_steps("m09-investing", with_cards([unpictured, *others]))
    assert errors == [f"m09-investing/sort-purses: the card {first['text']!r} has no picture"]
    shared = dict(first, picture=others[0]["picture"])
    errors = tool.check_steps("m09-investing", with_cards([shared, *others]))
    assert any("share" in e for e in errors)
    story = dict(first, picture="pictures/m09-investing-two-purses.svg")
    errors = tool.check_steps("m09-investing", with_cards([story, *others]))
    assert any("which no glyph" in e for e in errors)


@pytest.mark.parametrize("lang", ["ru", "tg"])
@pytest.mark.parametrize("name", ALL_FILES)
def test_every_string_is_translated_in_lessons_d(
    name: str, lang: str, docs: dict[str, Document]
) -> None:
    wanted = {f.msgid for f in document_messages(docs[name])}
    path = Path(str(LESSONS_D).format(lang=lang, name=name))
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    have = {m.id: m for m in catalog if m.id}
    assert set(have) == wanted  # nothing missing, nothing left over
    for msgid, message in have.items():
        assert message.string.strip(), f"untranslated: {msgid[:60]}"
        assert not message.fuzzy, f"fuzzy: {msgid[:60]}"


# ------------------------------------------------------------------------------------------------
# the Rahimov family: m10 is the same family as m00
# ------------------------------------------------------------------------------------------------


def _story(data: dict[str, Any]) -> str:
    return str(next(s for s in data["steps"] if s["id"] == "story")["text"])


def test_m00_and_m10_tell_the_same_family(lessons: dict[str, dict[str, Any]]) -> None:
    first, last = _story(lessons["m00-welcome"]), _story(lessons["m10-action-plan"])
    for fact in (
        "Nilufar",
        "Farrukh",
        "Mavluda",
        "mother-in-law",
        "village near Kulob",
        "four children",
        "building sites in Moscow",
        "20,000 roubles",
        "2,300 somoni",
    ):
        assert fact in first, fact
        assert fact in last, fact
    for elsewhere in ("Khujand", "Novosibirsk", "three children", "father-in-law", "2,400"):
        assert elsewhere not in last


def test_m10_school_goal_counts_the_children_of_m00(lessons: dict[str, dict[str, Any]]) -> None:
    words = {"two": 2, "three": 3, "four": 4, "five": 5}
    found = re.search(r"with her (\w+) children", _story(lessons["m00-welcome"]))
    assert found is not None
    children = words[found.group(1)]
    (school,) = [s for s in lessons["m10-action-plan"]["steps"] if s["id"] == "calc-school"]
    per_child = Decimal(re.search(r"(\d+) somoni each", school["prompt"]).group(1))  # type: ignore[union-attr]
    target = Decimal(school["compute"]["args"]["target"])
    months = int(school["compute"]["args"]["months"])
    assert target == per_child * children
    assert Decimal(school["answer"]) == target / months
    assert f"{school['answer']} somoni a month" in _story(lessons["m10-action-plan"])
    (goal,) = _steps(lessons["m10-action-plan"], "planner_task")
    assert Decimal(goal["suggestion"]["amount"]) == target


def test_the_family_check_holds_in_every_language(lessons: dict[str, dict[str, Any]]) -> None:
    tables = {name: tool.load_translations(name)[0] for name in tool.FAMILY_FILES}
    assert tool.check_family(lessons, tables) == []


# ------------------------------------------------------------------------------------------------
# the checks catch what they are for
# ------------------------------------------------------------------------------------------------


def test_the_family_check_notices_another_town(lessons: dict[str, dict[str, Any]]) -> None:
    tables = {name: tool.load_translations(name)[0] for name in tool.FAMILY_FILES}
    changed = {name: dict(data) for name, data in lessons.items() if name in tool.FAMILY_FILES}
    story = next(s for s in changed["m10-action-plan"]["steps"] if s["id"] == "story")
    moved = dict(story, text=story["text"].replace("a village near Kulob", "Khujand"))
    changed["m10-action-plan"]["steps"] = [
        moved if s["id"] == "story" else s for s in changed["m10-action-plan"]["steps"]
    ]
    errors = tool.check_family(changed, tables)
    assert any("village near Kulob" in e for e in errors)


def test_a_wrong_stated_answer_is_reported() -> None:
    step = {
        "compute": {
            "function": "monthly_saving_for_goal",
            "args": {"target": "2800", "months": "5"},
        },
        "answer": "420",
    }
    errors = tool.check_calculation("m10/calc-school", step)
    assert len(errors) == 2  # the engine and the core both disagree with 420
    assert tool.check_calculation("m10/calc-school", dict(step, answer="560")) == []


@pytest.mark.parametrize(
    ("lang", "msgid", "text", "expected"),
    [
        ("ru", "About **2,300 somoni**.", "Около **2 400 сомони**.", "numbers differ"),
        ("ru", "About **2,300 somoni**.", "Около 2 300 сомони.", "bold markers"),
        ("tg", "The money from Russia", "Пул аз Russia", "Latin letters"),
        ("ru", "The money from Russia", "Деньги из России (Русия қ)", "Tajik letters"),
        ("ru", "Put it in the emergency fund.", "Положите это в копилку.", "emergency fund"),
        ("tg", "A bank deposit pays interest.", "Депозит фоиз медиҳад.", "bank deposit"),
        ("tg", "It costs the most.", "Он аз ҳама қимат аст.", "қиммат"),
        ("tg", "Yes. Food comes first.", "Ҳа. Хӯрок дар ҷои аввал аст.", "Бале"),
        ("tg", "Role play in pairs.", "Бозии нақшӣ дар ҷуфтҳо.", "бозии нақшҳо"),
    ],
)
def test_translation_mistakes_are_reported(lang: str, msgid: str, text: str, expected: str) -> None:
    errors = tool.check_text("x.yaml:1", lang, msgid, text, tool.glossary())
    assert any(expected in e for e in errors), errors


def test_a_good_translation_passes_the_text_checks() -> None:
    errors = tool.check_text(
        "x.yaml:1",
        "ru",
        "Yes. Put **2,300 somoni** into the emergency fund.",
        "Да. Положите **2 300 сомони** в резервный фонд.",
        tool.glossary(),
    )
    assert errors == []


def test_a_name_from_another_lesson_is_reported() -> None:
    entries = [tool.Entry("Nilufar and Gulnora meet at the bazaar.", [1])]
    table = {entries[0].msgid: {"ru": "Нилуфар и Гульнора встречаются на базаре.", "tg": "Нилуфар"}}
    errors = tool.check_cast("m10-action-plan", table, entries)
    assert any("Gulnora belongs to m01" in e for e in errors)
    assert any("Gulnora is not Гулнора in tg" in e for e in errors)
    assert not any("Nilufar belongs" in e or "Nilufar is not" in e for e in errors)


def test_one_english_text_translated_two_ways_is_reported() -> None:
    tables = {
        "m00-welcome": {"A bag of flour": {"ru": "Мешок муки", "tg": "Як халта орд"}},
        "m02-needs-and-wants": {"A bag of flour": {"ru": "Мешок с мукой", "tg": "Як халта орд"}},
    }
    errors = tool.check_shared(tables)
    assert errors == [
        "m02-needs-and-wants (ru): 'A bag of flour' is translated differently in m00-welcome"
    ]


def test_the_catalog_writer_joins_digit_groups_and_keeps_percent_signs_plain() -> None:
    entries = [tool.Entry("A fee of 2% on 20,000 roubles", [7], ["lesson x"])]
    table = {
        entries[0].msgid: {"ru": "Комиссия 2% с 20\u00a0000 рублей", "tg": "2% аз 20\u00a0000 рубл"}
    }
    po = tool.build_catalog("m04-receiving-remittances", "ru", entries, table)
    catalog = read_po(io.BytesIO(po), locale="ru")
    assert catalog["A fee of 2% on 20,000 roubles"].string == "Комиссия 2% с 20\u00a0000 рублей"
    assert b"python-format" not in po  # msgfmt --check would reject "2% с" otherwise
    assert tool.join_digit_groups("8 000 и 1 233,26") == "8\u00a0000 и 1\u00a0233,26"


def test_a_translators_edit_in_lessons_d_is_pulled_into_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "m10-action-plan"
    source = tool.translation_path(name)
    sources = tmp_path / "content_C" / "translations"
    sources.mkdir(parents=True)
    (sources / source.name).write_bytes(source.read_bytes())
    for lang in tool.LANGS:
        target = tmp_path / "locales" / lang / "LC_MESSAGES" / "lessons.d" / f"{name}.po"
        target.parent.mkdir(parents=True)
        target.write_bytes(tool.po_path(name, lang).read_bytes())
    monkeypatch.setattr(tool, "TRANSLATION_DIRS", (sources,))
    monkeypatch.setattr(tool, "LOCALES", tmp_path / "locales")

    po = tool.po_path(name, "ru")
    text = po.read_text(encoding="utf-8")
    edited = text.replace('msgstr "Наша цель"', 'msgstr "Цель нашей семьи"')
    assert edited != text
    po.write_text(edited, encoding="utf-8")

    assert tool.pull([name]) == [f"{name} (ru): 'Our goal'"]
    table, errors = tool.load_translations(name)
    assert errors == []
    assert table["Our goal"] == {"ru": "Цель нашей семьи", "tg": "Ҳадафи мо"}
    entries = tool.messages(load_yaml(BUILTIN / f"{name}.yaml"))
    assert tool.build_catalog(name, "ru", entries, table) == po.read_bytes()
    assert tool.pull([name]) == []  # nothing left to take
