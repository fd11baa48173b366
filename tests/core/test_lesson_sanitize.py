"""Lesson text becomes safe HTML: only paragraphs, line breaks and bold survive."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from budget_tutor.lessons.sanitize import escape, paragraphs, to_html, to_plain


def test_paragraphs_and_bold() -> None:
    text = "First **bold** line\nsecond line\n\n  Second paragraph.  \n\n\n"
    assert to_html(text) == "<p>First <b>bold</b> line<br>second line</p><p>Second paragraph.</p>"
    assert paragraphs(text) == ["First **bold** line\nsecond line", "Second paragraph."]
    assert to_plain(text) == "First bold line\nsecond line\n\nSecond paragraph."


def test_script_images_and_links_become_literal_text() -> None:
    text = (
        '<script>alert(1)</script> <img src="http://127.0.0.1/x.png"> '
        "<a href='file:///etc/passwd'>x</a> javascript:alert(1) <style>p{}</style>"
    )
    out = to_html(text)
    assert "<script" not in out and "<img" not in out and "<a " not in out and "<style" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=&quot;http://127.0.0.1/x.png&quot;&gt;" in out
    assert "javascript:alert(1)" in out  # as text: no tag can carry it


def test_bold_needs_a_pair_and_cannot_inject() -> None:
    assert to_html("a ** b") == "<p>a ** b</p>"
    assert to_html("**<i>x</i>**") == "<p><b>&lt;i&gt;x&lt;/i&gt;</b></p>"


def test_control_and_bidi_characters_are_dropped() -> None:
    assert to_html("a\x00b\u202ec") == "<p>abc</p>"
    assert escape("<b>\x07") == "&lt;b&gt;"


ALLOWED_TAG = re.compile(r"</?(p|b|br)>")


@given(st.text(max_size=300))
def test_only_allowed_tags_ever_appear(text: str) -> None:
    out = to_html(text)
    without_allowed = ALLOWED_TAG.sub("", out)
    assert "<" not in without_allowed and ">" not in without_allowed
