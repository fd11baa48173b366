"""One rule for user text: direction overrides, controls, lone surrogates and invisible-only
names are refused, in the rule itself, in the store and in plan files, with the field named."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from budget_tutor import i18n, planfile
from budget_tutor.model import Household, Plan, SavingsGoal, SavingsKind, SavingsPlace
from budget_tutor.scenarios import Scenario
from budget_tutor.storage import StorageError, Store
from budget_tutor.text_rules import text_problem

BAD = [
    # (text, kind, code point) — the code points written out by hand
    ("Rent\u202egnirts", "bidi", "U+202E"),
    ("\u202aLeft", "bidi", "U+202A"),
    ("a\u202bb", "bidi", "U+202B"),
    ("a\u202cb", "bidi", "U+202C"),
    ("a\u202db", "bidi", "U+202D"),
    ("Roof \u2066x", "bidi", "U+2066"),
    ("a\u2067b", "bidi", "U+2067"),
    ("a\u2068b", "bidi", "U+2068"),
    ("a\u2069", "bidi", "U+2069"),
    ("Next\x85line", "control", "U+0085"),
    ("CSI\x9b31m", "control", "U+009B"),
    ("\x80x", "control", "U+0080"),
    ("x\x9f", "control", "U+009F"),
    ("bell\x07", "control", "U+0007"),
    ("nul\x00", "control", "U+0000"),
    ("del\x7f", "control", "U+007F"),
    ("esc\x1b[2J", "control", "U+001B"),
    ("cr\r", "control", "U+000D"),
    ("Roof \udfff", "surrogate", "U+DFFF"),
    ("\ud800 high", "surrogate", "U+D800"),
    ("\u2800\u200b", "invisible", ""),
    ("\u200b", "invisible", ""),
    ("\u2060\ufeff", "invisible", ""),
    ("\u3164", "invisible", ""),
    ("\u115f\u1160", "invisible", ""),
    ("\uffa0", "invisible", ""),
    ("\u3000", "invisible", ""),
    ("\u00a0\u200d", "invisible", ""),
    ("\u0301\u0308", "invisible", ""),
    (" \u200c ", "invisible", ""),
]

GOOD = [
    "Rahimov family",
    "Оилаи Раҳимов",  # Tajik
    "Семья Рахимовых",
    "خانواده\u200cی رحیم",  # Persian with a zero-width non-joiner inside: allowed
    "Ali\u00adev",  # a soft hyphen inside a visible name
    "Café",  # combining accent on a letter
    "Rent (\u200fRTL mark)",  # a direction *mark* is not an override
    "<b>x</b>",
    "",  # empty: the caller's "a name is needed" rule decides
    "   ",
]


@pytest.mark.parametrize(("text", "kind", "char"), BAD)
def test_refused(text: str, kind: str, char: str) -> None:
    problem = text_problem(text)
    assert problem is not None and (problem.kind, problem.char) == (kind, char)
    assert problem.msgid.format(char=problem.char) in problem.message()


@pytest.mark.parametrize("text", GOOD)
def test_allowed(text: str) -> None:
    assert text_problem(text) is None
    assert text_problem(text, multiline=True) is None


def test_newline_and_tab_only_where_text_may_span_lines() -> None:
    assert text_problem("a\nb").char == "U+000A"  # type: ignore[union-attr]
    assert text_problem("a\tb").char == "U+0009"  # type: ignore[union-attr]
    assert text_problem("a\nb\tc", multiline=True) is None
    assert text_problem("\n\t", multiline=True) is None  # blank: the caller's rule


def test_every_c1_and_every_bidi_control_is_refused() -> None:
    for code in [*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        assert text_problem(f"a{chr(code)}b") is not None, hex(code)
    # and no ordinary letter of the three languages is
    for text in ("абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя", "abcdefghijklmnopqrstuvwxyz"):
        for char in text + text.upper():
            assert text_problem(char) is None, char


def test_every_format_character_alone_is_invisible() -> None:
    formats = [chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf"]
    assert len(formats) >= 40
    for char in formats:
        problem = text_problem(char)
        assert problem is not None and problem.kind in ("invisible", "bidi"), hex(ord(char))


def test_the_message_is_translated_and_names_the_field() -> None:
    problem = text_problem("Rent\u202egnirts")
    assert problem is not None
    english = problem.message_for("Name of the household")
    assert english == (
        "Name of the household: the text contains a hidden sign that changes the reading "
        "direction (U+202E); remove it"
    )
    for lang in ("tg", "ru"):
        i18n.set_language(lang)
        text = problem.message()
        assert "U+202E" in text and text != problem.msgid.format(char="U+202E"), lang


def _plan_document(**household: object) -> dict[str, object]:
    document = planfile.plan_to_dict(Plan(household=Household(name="Family")))
    document["household"].update(household)  # type: ignore[attr-defined]
    return document


@pytest.mark.parametrize(("text", "kind", "char"), BAD)
def test_a_plan_file_with_such_a_name_is_refused_naming_the_field(
    tmp_path: Path, text: str, kind: str, char: str
) -> None:
    path = tmp_path / "plan.budget.json"
    # written as JSON escapes, as a hostile file would carry them (a lone surrogate has to be)
    path.write_text(json.dumps(_plan_document(name=text)), encoding="ascii")
    with pytest.raises(planfile.PlanFileError) as info:
        planfile.load_plan_file(path)
    assert info.value.field == "household.name"
    message = str(info.value)
    assert message.startswith("household.name: the text ")
    if char:
        assert char in message
    str(info.value).encode("utf-8")  # the message itself can always be printed


@pytest.mark.parametrize(
    ("where", "document_edit"),
    [
        ("goals[0].name", lambda d: d["goals"][0].update(name="Roof \udfff")),
        ("scenarios[0].name", lambda d: d["scenarios"][0].update(name="Roof \udfff")),
        ("savings[0].name", lambda d: d["savings"][0].update(name="\u2800\u200b")),
        ("scenarios[0].description", lambda d: d["scenarios"][0].update(description="a\x9bb")),
        ("household.region", lambda d: d["household"].update(region="Kulob\u202e")),
        ("goals[0].id", lambda d: d["goals"][0].update(id="g\u202e")),
    ],
)
def test_every_text_of_a_plan_file_follows_the_rule(where, document_edit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = Plan(
        household=Household(name="Family"),
        savings=(SavingsPlace("box", "Cash box", SavingsKind.CASH),),
        goals=(SavingsGoal("g", "Roof", 100_000, "box"),),
        scenarios=(Scenario("s", "Try", ()),),
    )
    document = planfile.plan_to_dict(plan)
    document_edit(document)
    path = tmp_path / "plan.budget.json"
    path.write_text(json.dumps(document), encoding="ascii")
    with pytest.raises(planfile.PlanFileError) as info:
        planfile.load_plan_file(path)
    assert info.value.field == where


def test_the_store_refuses_such_names_and_keeps_what_it_had(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        hid = store.create_household(Plan(household=Household(name="Family")))
        for text, _kind, char in BAD:
            with pytest.raises(StorageError) as info:
                store.rename_household(hid, text)
            assert char in str(info.value)
            with pytest.raises(StorageError):
                store.create_household(Plan(household=Household(name=text)))
            with pytest.raises(StorageError):  # the region goes through the plan-file rule
                store.create_household(Plan(household=Household(name="Ok", region=text)))
        assert [h.name for h in store.list_households()] == ["Family"]
        assert store.load_plan(hid).household.name == "Family"


def test_cleaned_drops_what_the_rule_refuses() -> None:
    from budget_tutor.text_rules import cleaned

    assert cleaned("Rent\u202egnirts") == "Rentgnirts"
    assert cleaned("Roof \udfff") == "Roof "
    assert cleaned("a\x85b\x9bc\x00d") == "abcd"
    assert cleaned("a\nb\tc") == "a\nb\tc"
    assert cleaned("\u2800\u200b") == "\ufffd"
    assert cleaned("\u202e") == "\ufffd"
    assert cleaned("") == "" and cleaned("  ") == "  "
    assert cleaned("Ali\u200cev") == "Ali\u200cev"
    for text, _kind, _char in BAD:
        assert text_problem(cleaned(text), multiline=True) is None, repr(text)


def test_a_plan_stored_before_the_rule_still_opens_without_the_hidden_characters(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path / "data") as store:
        plan = Plan(
            household=Household(name="Family"),
            savings=(SavingsPlace("box", "Cash box", SavingsKind.CASH),),
            goals=(SavingsGoal("g", "Roof", 100_000, "box"),),
        )
        hid = store.create_household(plan)
        document = planfile.plan_to_dict(plan)
        document["household"]["name"] = "Fam\u202eily"
        document["goals"][0]["name"] = "\u2800\u200b"
        document["savings"][0]["name"] = "Cash\x85box"
        # as an older Budget Tutor could have stored it (no rule then)
        store.conn.execute(
            "UPDATE plans SET document = ? WHERE household_id = ?",
            (json.dumps(document, ensure_ascii=False), hid),
        )
        loaded = store.load_plan(hid)
        assert loaded.household.name == "Family"
        assert loaded.goals[0].name == "\ufffd" and loaded.savings[0].name == "Cashbox"
        store.save_plan(hid, loaded)  # saved clean from now on
        stored = store.conn.execute("SELECT document FROM plans WHERE household_id = ?", (hid,))
        assert "\u202e" not in stored.fetchone()[0]
        # other damage is still refused, never papered over
        document["goals"][0]["target"] = "lots"
        store.conn.execute(
            "UPDATE plans SET document = ? WHERE household_id = ?", (json.dumps(document), hid)
        )
        with pytest.raises(planfile.PlanFileError):
            store.load_plan(hid)
