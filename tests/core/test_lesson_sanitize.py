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


# -- pictures -------------------------------------------------------------------------------------

import os  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from budget_tutor.lessons import sanitize  # noqa: E402
from budget_tutor.lessons.sanitize import load_svg, svg_data_problem  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


def fan_out_svg(fan: int, levels: int) -> bytes:
    """The attack of issue 16: each level's group draws the level below ``fan`` times with
    ``<use>``; ten-fold over nine levels is 10^9 rectangles from a 2 KB file."""
    parts = [HEAD, '<defs><rect id="l0" width="1" height="1"/>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#l{level - 1}"/>' for _ in range(fan))
        parts.append(f'<g id="l{level}">{uses}</g>')
    parts.append(f'</defs><use xlink:href="#l{levels}"/></svg>')
    return "".join(parts).encode()


def reason(data: bytes) -> str | None:
    problem = svg_data_problem(data)
    return None if problem is None else problem.english()


def test_the_fan_out_attack_is_refused_at_once() -> None:
    attack = fan_out_svg(10, 9)
    assert len(attack) < 2500  # "a 2 KB lesson picture"
    start = time.perf_counter()
    assert reason(attack) == "its references expand to more than 50000 elements"
    assert time.perf_counter() - start < 0.5
    # the same through xlink-less SVG 2 hrefs
    assert reason(attack.replace(b"xlink:href", b"href")) == (
        "its references expand to more than 50000 elements"
    )


def test_a_modest_fan_out_is_a_picture() -> None:
    assert reason(fan_out_svg(10, 4)) is None  # 11,111 elements drawn: allowed
    assert reason(fan_out_svg(10, 5)) is not None  # 111,111: refused


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<use id="a" href="#a"/>', "it refers to itself in a loop"),
        ('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>', "it refers to itself in a loop"),
        ('<use href="#nowhere"/>', "it refers to a part “nowhere” that it does not contain"),
        ('<use href="file:///etc/passwd#x"/>', "it links to another file or address"),
        ('<use xlink:href="http://127.0.0.1:9/x.svg#a"/>', "it links to another file or address"),
        ('<use href="other.svg#a"/>', "it links to another file or address"),
        ('<a href="javascript:alert(1)"><rect/></a>', "it links to another file or address"),
        ('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>', "it links to another file or address"),
        ('<image href="#x"/>', "it links to another file or address"),
        ('<rect fill="url(file:///etc/passwd)"/>', "it refers to another file or address"),
        ('<rect style="fill: url(/tmp/x.svg#p)"/>', "it refers to another file or address"),
        ("<style>@import url(http://127.0.0.1:9/x.css);</style>", "it refers to another file or address"),
        ("<style>rect { fill: url(x.svg#p) }</style>", "it refers to another file or address"),
        ("<script>alert(1)</script>", "it contains a script"),
        ('<rect onload="alert(1)"/>', "it contains event handlers"),
        ("<foreignObject><div/></foreignObject>", "it contains foreign content"),
    ],
)  # fmt: skip
def test_links_scripts_and_loops_are_refused(body: str, expected: str) -> None:
    assert reason(f"{HEAD}{body}</svg>".encode()) == expected


def test_references_inside_the_drawing_are_fine() -> None:
    body = (
        '<defs><linearGradient id="g"><stop offset="0"/></linearGradient>'
        '<g id="cow"><rect fill="url(#g)" width="4" height="2"/></g></defs>'
        '<use href="#cow"/><use xlink:href="#cow" x="5"/>'
        "<style>rect { fill: url('#g') }</style>"
    )
    assert reason(f"{HEAD}{body}</svg>".encode()) is None


def test_entities_doctype_and_stylesheets_are_refused() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">'
        b"<text>&b;</text></svg>"
    )
    assert reason(laughs) == "it declares a DOCTYPE or entities"
    external = (
        b'<!DOCTYPE svg SYSTEM "file:///etc/passwd"><svg xmlns="http://www.w3.org/2000/svg"/>'
    )
    assert reason(external) == "it declares a DOCTYPE or entities"
    sheet = b'<?xml-stylesheet href="http://127.0.0.1:9/x.css"?><svg xmlns="http://www.w3.org/2000/svg"/>'
    assert reason(sheet) == "it declares a DOCTYPE or entities"
    assert reason(b'<?xml version="1.0" encoding="UTF-8"?>' + HEAD.encode() + b"</svg>") is None


def test_size_elements_and_depth_are_bounded() -> None:
    many = HEAD + "<rect/>" * (sanitize.MAX_SVG_ELEMENTS + 1) + "</svg>"
    assert reason(many.encode()) == f"it has more than {sanitize.MAX_SVG_ELEMENTS} elements"
    deep = HEAD + "<g>" * 100 + "</g>" * 100 + "</svg>"
    assert reason(deep.encode()) == f"it is nested more than {sanitize.MAX_SVG_DEPTH} levels deep"
    # a chain of references, each one level deeper than the last
    chain = HEAD + '<rect id="c0"/>' + "".join(
        f'<g id="c{i}"><use href="#c{i - 1}"/></g>' for i in range(1, 200)
    ) + "</svg>"  # fmt: skip
    assert reason(chain.encode()) == f"it is nested more than {sanitize.MAX_SVG_DEPTH} levels deep"
    big = HEAD.encode() + b"<!--" + b"x" * sanitize.MAX_SVG_BYTES + b"--></svg>"
    assert reason(big) == "it is larger than 2 MB"


@pytest.mark.parametrize(
    "data",
    [b"", b"not xml", b"<html><body/></html>", b"<svg", "<svg>\udcff</svg>".encode("utf-8", "surrogateescape")],
)  # fmt: skip
def test_what_is_not_an_svg_is_refused(data: bytes) -> None:
    assert reason(data) is not None


def test_every_shipped_picture_and_icon_passes() -> None:
    files = sorted((REPO / "assets").rglob("*.svg"))
    assert len(files) > 60
    refused = {f.name: reason(f.read_bytes()) for f in files}
    assert {name: why for name, why in refused.items() if why is not None} == {}


@pytest.mark.timeout(20)
def test_only_regular_files_are_opened(tmp_path: Path) -> None:
    """A FIFO named *.svg would make ``open()`` wait for a writer forever; a device never ends."""
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    start = time.perf_counter()
    data, problem = load_svg(fifo)
    assert data is None and problem is not None
    assert problem.english() == "it is not a regular file (a device, a pipe or a folder)"
    (tmp_path / "zero.svg").symlink_to("/dev/zero")
    data, problem = load_svg(tmp_path / "zero.svg")
    assert data is None and problem is not None
    assert problem.english() == "it is not a regular file (a device, a pipe or a folder)"
    assert time.perf_counter() - start < 5
    (tmp_path / "dir.svg").mkdir()
    assert load_svg(tmp_path / "dir.svg")[0] is None


def test_a_link_out_of_the_pack_is_refused(tmp_path: Path) -> None:
    pack, outside = tmp_path / "pack", tmp_path / "secret.svg"
    pack.mkdir()
    outside.write_bytes(HEAD.encode() + b"</svg>")
    (pack / "link.svg").symlink_to(outside)
    data, problem = load_svg(pack / "link.svg", pack)
    assert data is None and problem is not None
    assert problem.english() == "it is a link to a file outside the pack"
    assert load_svg(pack / "link.svg")[0] is not None  # without a pack root: a plain file
    (pack / "inside.svg").symlink_to(pack / "link.svg")
    assert load_svg(pack / "inside.svg", pack)[0] is None  # resolves outside, however indirect


def test_refusals_are_translated() -> None:
    from budget_tutor import i18n

    problem = svg_data_problem(fan_out_svg(10, 9))
    assert problem is not None
    i18n.set_language("ru")
    assert problem.message() != problem.english()
    assert "50000" in problem.message()
    i18n.set_language("tg")
    assert problem.message() != problem.english()
