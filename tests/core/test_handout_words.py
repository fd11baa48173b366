"""Issue 12.6: the handout's totals for the year are also written in words (tg, ru), so that a
family who reads numbers with difficulty can read them. The words are checked by hand."""

from __future__ import annotations

import pytest

from budget_tutor import i18n
from budget_tutor.handout import summary_lines
from budget_tutor.projection import project
from tests.core.test_handout import seasons_plan


@pytest.fixture(autouse=True)
def _english_after():  # type: ignore[no-untyped-def]
    yield
    i18n.set_language("en")


# seasons_plan: in = wages 3,000 x 7 (Apr-Oct) + pension 500 x 12 = 27,000;
# out = food 1,500 x 12 + coal 1,000 x 4 + the toi 6,000 = 28,000; nothing put into savings.
@pytest.mark.parametrize(
    ("lang", "coming_in", "going_out", "saved"),
    [
        (
            "tg",
            ("27 000", "бисту ҳафт ҳазор сомонӣ"),
            ("28 000", "бисту ҳашт ҳазор сомонӣ"),
            ("0", None),
        ),
        (
            "ru",
            ("27 000", "двадцать семь тысяч сомони"),
            ("28 000", "двадцать восемь тысяч сомони"),
            ("0", None),
        ),
        (
            "en",
            ("27,000", "twenty-seven thousand somoni"),
            ("28,000", "twenty-eight thousand somoni"),
            ("0", None),
        ),
    ],
)
def test_the_totals_are_written_in_words_too(
    lang: str, coming_in: tuple[str, str], going_out: tuple[str, str], saved: tuple[str, str]
) -> None:
    i18n.set_language(lang)
    p = seasons_plan()
    lines = summary_lines(p, project(p, 12), lang)
    for line, (figure, words) in zip(lines[:2], (coming_in, going_out), strict=True):
        assert line.endswith(f"({words})"), line
        assert figure in line.replace("\u00a0", " ").replace("\u202f", " "), line
    # nothing saved: "0 TJS", no "(zero somoni)"; a shortfall is never written in words
    assert "(" not in lines[2] and lines[2].replace("\u00a0", " ").endswith(
        " 0 " + lines[2].split()[-1]
    )
    assert not any("сифр" in x or "ноль" in x or "zero" in x for x in lines), lines
