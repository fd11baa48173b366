"""Battery item 8: money input. Round trips over many values, the reject list, no floats on money paths.

Fast run: 12,000 values. Full sweep (``--run-slow``): 120,000 values; results in docs/reliability.md.
"""

from __future__ import annotations

import ast
import random
import sqlite3
from pathlib import Path

import pytest

from budget_tutor import i18n
from budget_tutor.money import MAX_AMOUNT, AmountError, format_amount, parse_amount

CORE = Path(__file__).resolve().parents[2] / "budget_tutor"
SPACES = (" ", "\u00a0", "\u202f")
LOCALES = ("en", "ru", "tg")


def _values(n: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    edge = [0, 1, 5, 9, 10, 99, 100, 101, 999, 1000, 99999, 100000, MAX_AMOUNT, MAX_AMOUNT - 1]
    out = list(edge)
    while len(out) < n:
        digits = rng.randint(1, 12)
        out.append(rng.randint(0, min(10**digits, MAX_AMOUNT)))
    return out


def _round_trip(n: int) -> int:
    checked = 0
    for i, value in enumerate(_values(n, seed=n)):
        locale = LOCALES[i % 3]
        space = SPACES[(i // 3) % 3]
        for decimals in (None, True):
            text = format_amount(value, locale, decimals=decimals)
            if locale != "en":
                text = text.replace("\u00a0", space)
            assert parse_amount(text, locale) == value, (value, locale, text)
            checked += 1
    return checked


def test_round_trip_fast() -> None:
    assert _round_trip(12_000) == 24_000


@pytest.mark.slow
def test_round_trip_full_sweep() -> None:
    assert _round_trip(120_000) == 240_000


REJECT = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e6",
    "1E6",
    "1_000",
    "1 23 4,5",
    "12,345",
    "1.234,567",
    "100 000 000",
    "",
    "   ",
    "abc",
    "12abc",
    "--1",
    "1-",
    "½",
    "0x1F",
    "١٢٣",
    "1,2,3",
]


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("text", REJECT)
def test_reject_list_gets_a_message(text: str, lang: str) -> None:
    if lang == "en" and text == "12,345":
        pytest.skip("in English 12,345 is twelve thousand three hundred forty-five")
    i18n.set_language(lang)
    with pytest.raises(AmountError) as info:
        parse_amount(text, lang)
    message = str(info.value)
    assert message and "{" not in message


def test_reject_messages_are_translated_in_ru_and_tg() -> None:
    # Every refusal message has a Russian and a Tajik translation (checked against the catalogs).
    from budget_tutor.money import (
        _BAD_GROUPS,
        _EMPTY,
        _NEGATIVE,
        _NOT_A_NUMBER,
        _TOO_LARGE,
        _TOO_MANY_DECIMALS,
    )

    for lang in ("ru", "tg"):
        i18n.set_language(lang)
        for msgid in (
            _EMPTY,
            _NOT_A_NUMBER,
            _TOO_MANY_DECIMALS,
            _NEGATIVE,
            _TOO_LARGE,
            _BAD_GROUPS,
        ):
            assert i18n._(msgid) != msgid, (lang, msgid)


# ---- static checks: no floats on money paths --------------------------------------------------

#: Modules that compute with money (storage only moves the plan document, as text; its float
#: literals are time-outs, so it is checked by the REAL-column test instead).
MONEY_MODULES = [
    "money.py",
    "model.py",
    "finance.py",
    "projection.py",
    "scenarios.py",
    "planfile.py",
    "rates.py",
    "presets.py",
    "handout.py",
    "cli.py",  # its CSV once printed money as f"{v / 100:.2f}" (issue 16, item 10)
    "wording.py",
]
#: The one sanctioned place where money becomes a float (a chart axis value).
ALLOWED = {("money.py", "to_chart")}


#: Reviewed places where a true division or a float format works on a Decimal, not an int
#: (``Decimal(minor) * percent / 100``, a Decimal percentage shown with ``:.0f``): exact.
DECIMAL_ARITHMETIC = {
    ("money.py", "percent_of"),
    ("money.py", "format_percent"),
    ("finance.py", "remittance_received"),
    ("finance.py", "real_value_after"),
    ("projection.py", "build_adjustments"),
    ("presets.py", "monthly_interest"),
    ("handout.py", "summary_lines"),
}


def _float_uses(path: Path) -> list[str]:
    """Float literals, ``float()``, ``int / int`` (``amount / 100``) and float format specs
    (``:.2f``), each named with its innermost function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    owner: dict[int, str] = {}

    def mark(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = (
                child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else name
            )
            owner[id(child)] = inner
            mark(child, inner)

    mark(tree, "<module>")
    found = []
    for node in ast.walk(tree):
        name = owner.get(id(node), "<module>")
        if (path.name, name) in ALLOWED:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, float):
            found.append(f"{path.name}:{node.lineno} float literal in {name}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "float"
        ):
            found.append(f"{path.name}:{node.lineno} float() in {name}")
        if (path.name, name) in DECIMAL_ARITHMETIC:
            continue
        if _int_true_division(node):
            found.append(f"{path.name}:{node.lineno} int / int (a float) in {name}")
        if isinstance(node, ast.FormattedValue) and _float_spec(node.format_spec):
            found.append(f"{path.name}:{node.lineno} float format in {name}")
    return found


def _int_true_division(node: ast.AST) -> bool:
    """``amount / 100`` or ``amount / MINOR_PER_MAJOR``: true division of an int is a float
    (``Decimal(amount) / 100`` is fine)."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)):
        return False
    right = node.right
    divides_by_int = (isinstance(right, ast.Constant) and type(right.value) is int) or (
        isinstance(right, ast.Name) and right.id == "MINOR_PER_MAJOR"
    )
    left = node.left
    left_is_decimal = isinstance(left, ast.Call) and getattr(left.func, "id", "") == "Decimal"
    return divides_by_int and not left_is_decimal


def _float_spec(spec: ast.AST | None) -> bool:
    """A format spec such as ``:.2f``, ``:e`` or ``:%`` (formats a float)."""
    if not isinstance(spec, ast.JoinedStr):
        return False
    text = "".join(v.value for v in spec.values if isinstance(v, ast.Constant))
    return bool(text) and text[-1] in "fFeEgG%"


def test_no_floats_on_money_paths() -> None:
    problems: list[str] = []
    for name in MONEY_MODULES:
        path = CORE / name
        if path.exists():
            problems += [p for p in _float_uses(path) if not p.endswith("in to_chart")]
    assert problems == []


def test_no_real_money_columns(tmp_path: Path) -> None:
    from budget_tutor.storage import Store

    store = Store.open(tmp_path / "data")
    try:
        db = store.path if hasattr(store, "path") else next((tmp_path / "data").glob("*.sqlite*"))
    finally:
        store.close()
    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for _cid, column, ctype, *_rest in con.execute(f"PRAGMA table_info('{table}')"):
                assert "REAL" not in (ctype or "").upper(), (table, column)
                assert "FLOA" not in (ctype or "").upper(), (table, column)
                assert "DOUB" not in (ctype or "").upper(), (table, column)
    finally:
        con.close()


# ---- the UI asks for nothing a plan file would refuse (issue 16, item 6) -----------------------

#: The planfile bound each UI field is stored under (budget_tutor/planfile.py: _PERCENT, _RATE,
#: _EXCHANGE_RATE): a value the UI accepts must be a valid plan, which no projection can fail on.
UI_FIELD_LIMITS = {
    ("line_dialog.py", "fee_percent"): 100,
    ("line_dialog.py", "margin"): 100,
    ("line_dialog.py", "share"): 100,
    ("line_dialog.py", "annual_rate"): 1000,
    ("plan_sections.py", "<rate>"): 1_000_000,
}


def _ui_maxima() -> list[tuple[str, str, int]]:
    """(file, field, maximum) of every ``maximum=Decimal(N)`` in the line dialog and plan page."""
    found = []
    for name in ("line_dialog.py", "plan_sections.py"):
        tree = ast.parse((CORE / "ui" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for kw in node.keywords:
                value = kw.value
                if (
                    kw.arg == "maximum"
                    and isinstance(value, ast.Call)
                    and getattr(value.func, "id", "") == "Decimal"
                    and isinstance(value.args[0], ast.Constant)
                ):
                    first = node.args[0] if node.args else None
                    field = first.value if isinstance(first, ast.Constant) else "<rate>"
                    found.append((name, str(field), int(value.args[0].value)))
    return found


def test_ui_input_limits_stay_inside_the_plan_file_limits() -> None:
    maxima = _ui_maxima()
    assert len(maxima) >= 6, maxima  # the fields exist where this test looks for them
    too_high = [
        (name, field, maximum)
        for name, field, maximum in maxima
        if maximum > UI_FIELD_LIMITS.get((name, field), 0)
    ]
    assert too_high == []
    from budget_tutor.money import MAX_AMOUNT
    from budget_tutor.ui import amount_edit

    assert amount_edit.MAX_AMOUNT == MAX_AMOUNT  # amounts: the same maximum as a plan file
