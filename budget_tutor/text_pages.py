"""Short screens for families who read little: a long lesson text split into pages of about
60 words ("1 / 3", Next and Back inside the step).

The text split is the *translated* one (a Tajik story is longer than its English msgid), in
lesson markup (paragraphs separated by blank lines, ``**bold**``). Pages break between
paragraphs; a paragraph longer than a page breaks between sentences; a single sentence longer
than a page stays whole (a sentence is never cut). Plain Python: no Qt.
"""

from __future__ import annotations

import re

from budget_tutor.lessons.sanitize import paragraphs

#: The most words a step shows at a time (issue 12: "no step shows more than about 60 words").
WORDS_PER_SCREEN = 60

_WORD = re.compile(r"\w+")
#: A sentence ends with . ! ? or … (perhaps followed by a closing quote or bracket) and the next
#: one starts with a capital letter, a digit, a dash or an opening quote: "г. в марте" is not
#: a break, "... 500 somoni. Her sister" is.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])(?<!\*\*)[\"»”’)]*\s+(?=[\"«“(—–\-]?[A-ZА-ЯЁҒӢҚӮҲҶ0-9*])")


def count_words(text: str) -> int:
    """Words a reader sees: runs of letters or digits ("2 070" is two, "**5,000**" two)."""
    return len(_WORD.findall(text.replace("**", " ")))


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences, each with its own final stop (and quote)."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(paragraph):
        # the closing quotes matched before the space belong to the sentence that ends here
        end = match.start() + len(match.group(0).rstrip())
        out.append(paragraph[start:end].strip())
        start = match.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def _balanced_bold(text: str) -> bool:
    return text.count("**") % 2 == 0


def split_pages(text: str, budget: int = WORDS_PER_SCREEN) -> list[str]:
    """``text`` in pages of at most ``budget`` words each (lesson markup kept), in order.

    A text that fits is one page; an empty text is one empty page."""
    budget = max(1, budget)
    if count_words(text) <= budget:
        return [text]
    # units: (text, ends a paragraph)
    units: list[tuple[str, bool]] = []
    for paragraph in paragraphs(text):
        if count_words(paragraph) <= budget:
            units.append((paragraph, True))
            continue
        parts = sentences(paragraph)
        # never break inside **bold**: glue sentences until the bold markers balance
        glued: list[str] = []
        for part in parts:
            if glued and not _balanced_bold(glued[-1]):
                glued[-1] = f"{glued[-1]} {part}"
            else:
                glued.append(part)
        units.extend((part, i == len(glued) - 1) for i, part in enumerate(glued))
    pages: list[str] = []
    current = ""
    words = 0
    for unit, ends_paragraph in units:
        size = count_words(unit)
        if current and words + size > budget:
            pages.append(current.strip())
            current, words = "", 0
        current += unit + ("\n\n" if ends_paragraph else " ")
        words += size
    if current.strip():
        pages.append(current.strip())
    return pages or [text]
