"""Fuzzing the lesson loader and validator: only declared errors escape, each input is fast."""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget_tutor.lessons.loader import LessonLoadError, parse_yaml
from budget_tutor.lessons.validate import validate_lesson

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "good" / "p01-every-step.yaml"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**12), 10**12), st.text(max_size=30),
    st.sampled_from(["quiz", "sort", "story", "TJS", "months", "pictures/flour.svg", "../x.svg",
                     "1e9", "NaN", "-1", "0", "remittance_received", "goals", "add_goal"]),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(
            st.sampled_from(["id", "type", "text", "options", "correct", "groups", "cards", "group",
                             "compute", "function", "args", "answer", "unit", "tokens", "months",
                             "suggestion", "picture", "steps", "title", "x"]),
            children, max_size=6),
    ),
    max_leaves=25,
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_parses_or_raises_a_load_error(text: str) -> None:
    start = time.perf_counter()
    try:
        parse_yaml(text, "fuzz.yaml")
    except LessonLoadError as exc:
        assert str(exc)
    assert time.perf_counter() - start < 1.0


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(values, max_size=8),
    top=st.dictionaries(
        st.sampled_from(["module", "minutes", "planner_section", "format", "icon", "sources"]),
        values,
        max_size=3,
    ),
)
def test_any_lesson_shape_validates_without_crashing(tmp_path_factory, steps, top) -> None:  # type: ignore[no-untyped-def]
    data = {"format": 1, "id": "f01-fuzz", "module": 1, "title": "T", "summary": "S",
            "minutes": 5, "planner_section": "goals", "steps": steps, **top}  # fmt: skip
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "f01-fuzz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    start = time.perf_counter()
    lesson, problems = validate_lesson(path, pack_root=folder)
    assert time.perf_counter() - start < 1.0
    assert lesson is not None or problems
    for problem in problems:
        assert problem.describe()


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(0, len(GOOD_TEXT)), junk=st.text(max_size=20))
def test_damaged_good_lesson_never_crashes(tmp_path_factory, cut: int, junk: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("cut")
    (folder / "pictures").mkdir()
    (folder / "pictures" / "flour.svg").write_bytes(
        (GOOD.parent / "pictures" / "flour.svg").read_bytes()
    )
    path = folder / "p01-every-step.yaml"
    path.write_text(GOOD_TEXT[:cut] + junk + GOOD_TEXT[cut:], encoding="utf-8")
    lesson, problems = validate_lesson(path, pack_root=folder)
    assert lesson is not None or problems
