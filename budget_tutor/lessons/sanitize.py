"""Lesson rich text to safe HTML: paragraphs and **bold**, nothing else.

Lesson text comes from files people pass around. Every character is escaped first, so ``<script>``,
``<img src=http://…>``, ``<a href="file:///…">`` and ``javascript:`` show as the literal text
they are; then blank lines become paragraphs, single line breaks ``<br>``, and ``**…**`` bold.
The result contains no tag other than ``<p>``, ``<br>`` and ``<b>``, no attribute, and so no
image, link or URL a Qt text widget could load.
"""

from __future__ import annotations

import html
import re

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
#: Control characters other than tab and newline are dropped (they confuse text widgets).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of lesson text (separated by blank lines), each stripped."""
    clean = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [p.strip() for p in _PARAGRAPH_BREAK.split(clean.strip()) if p.strip()]


def _inline(paragraph: str) -> str:
    escaped = html.escape(paragraph, quote=True)
    bolded = _BOLD.sub(lambda m: f"<b>{m.group(1)}</b>", escaped)
    return "<br>".join(line.strip() for line in bolded.split("\n"))


def to_html(text: str) -> str:
    """Safe HTML for a Qt rich-text label: ``<p>`` paragraphs with ``<b>`` and ``<br>`` only."""
    return "".join(f"<p>{_inline(p)}</p>" for p in paragraphs(text))


def to_plain(text: str) -> str:
    """The text without markup: bold markers removed, paragraphs joined by blank lines."""
    return "\n\n".join(_BOLD.sub(r"\1", p) for p in paragraphs(text))


def escape(text: str) -> str:
    """Escape plain text (a card, an option, a name) for a rich-text widget."""
    return html.escape(_CONTROL.sub("", text), quote=True)
