"""Strings the extractor cannot see are strings nobody can translate: find them in the sources."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "budget_tutor"
GETTEXT_NAMES = {"_", "N_", "ngettext", "pgettext", "npgettext", "lesson_text"}


def calls_inside_fstrings(source: str) -> list[int]:
    """Lines where a gettext call sits inside an f-string (Babel does not extract those)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in GETTEXT_NAMES - {"lesson_text"}
                    and inner.args
                    and isinstance(inner.args[-1], ast.Constant)
                ):
                    lines.append(inner.lineno)
    return lines


def non_literal_msgids(source: str) -> list[int]:
    """Lines where ``_()``/``N_()`` gets an f-string or a concatenation instead of a literal."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"_", "N_", "pgettext"}
            and node.args
            and isinstance(node.args[-1], ast.JoinedStr | ast.BinOp)
        ):
            lines.append(node.lineno)
    return lines


def test_detectors_work():
    from tests.i18n.ui_tour import english_words

    assert english_words("<p><b>Задание на дом</b></p><ul><li>Дома</li></ul>") == []
    assert english_words("<p><b>To do at home</b></p>") == ["To", "do", "at", "home"]
    assert english_words("Сохранить (Ctrl+S) Budget Tutor") == []
    assert calls_inside_fstrings("x = f\"<b>{_('Hello')}</b>\"\n") == [1]
    assert calls_inside_fstrings('x = _("Hello")\n') == []
    assert non_literal_msgids('x = _(f"Hello {name}")\ny = _("a" + b)\n') == [1, 2]


def test_every_message_is_extractable():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        rel = path.relative_to(PACKAGE.parent)
        found += [
            f"{rel}:{n}: a gettext call inside an f-string" for n in calls_inside_fstrings(source)
        ]
        found += [f"{rel}:{n}: the message is not a literal" for n in non_literal_msgids(source)]
    assert found == []
