"""What a piece of user text (a household, line, goal or scenario name, a region, a description)
may contain: one rule for the dialogs, the store and plan files.

Refused, each with its own message:

- **direction overrides and isolates** U+202A–U+202E and U+2066–U+2069: they make a name read
  backwards or hide where it ends ("Rent\u202egnirts" shows as "Rentstring");
- **control characters**: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F, e.g. U+0085
  "next line", U+009B "control sequence introducer"). In texts that may span lines (plan files,
  descriptions) newline (U+000A) and tab (U+0009) are allowed;
- **lone surrogates** U+D800–U+DFFF (``"Roof \\udfff"`` from a JSON escape): they cannot be saved
  as UTF-8;
- **invisible-only text**: text that is not empty but has no character a reader can see — only
  spaces, format characters (category Cf, e.g. U+200B zero width space, U+2060 word joiner),
  combining marks on nothing, and the blank look-alikes U+2800 (braille blank), U+3164, U+115F,
  U+1160 and U+FFA0 (Hangul fillers). Text of ordinary spaces, tabs and newlines only is left to
  the "a name is needed" rule of the caller (an empty optional text stays allowed).

Format characters inside a visible name (a zero-width non-joiner in Persian script, a soft hyphen)
stay allowed. The core has no Qt: messages are English marked with ``N_``, translated when shown.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from budget_tutor.i18n import N_

BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
#: Characters that look like nothing although they are not spaces or format characters.
BLANK_LOOKALIKES = frozenset("\u2800\u3164\u115f\u1160\uffa0")
#: Plain whitespace: text made only of these is "empty", for the caller's own rule.
PLAIN_SPACE = " \t\n"

MSG_BIDI = N_(
    "the text contains a hidden sign that changes the reading direction ({char}); remove it"
)
MSG_CONTROL = N_("the text contains a control character ({char}); remove it")
MSG_SURROGATE = N_("the text contains a broken character ({char}) that cannot be saved")
MSG_INVISIBLE = N_("the text has only invisible characters; write something that can be read")


@dataclass(frozen=True)
class TextProblem:
    """Why a text is refused: ``kind`` is "bidi", "control", "surrogate" or "invisible";
    ``msgid`` is the English message (placeholder ``{char}``), ``char`` the code point as
    "U+202E" (empty for "invisible"), ``position`` its index in the text."""

    kind: str
    msgid: str
    char: str = ""
    position: int = -1

    def message(self) -> str:
        """The message in the active language (lower case: it follows a field's name)."""
        from budget_tutor.i18n import _, safe_format

        return safe_format(_(self.msgid), self.msgid, char=self.char)

    def message_for(self, field: str) -> str:
        """``"Name of the household: the text contains …"`` in the active language."""
        from budget_tutor.i18n import _

        # Translators: a problem in one field of a form, e.g. "Amount: Enter an amount."
        return _("{field}: {problem}").format(field=field, problem=self.message())


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def is_control(char: str, *, multiline: bool = False) -> bool:
    """C0, DEL or C1 (newline and tab are allowed when ``multiline``)."""
    c = ord(char)
    if multiline and char in "\n\t":
        return False
    return c < 0x20 or 0x7F <= c <= 0x9F


def is_invisible(char: str) -> bool:
    """A character that shows nothing on its own."""
    if char in BLANK_LOOKALIKES:
        return True
    category = unicodedata.category(char)
    return category in ("Zs", "Zl", "Zp", "Cf", "Cc", "Mn", "Me") or char.isspace()


def text_problem(text: str, *, multiline: bool = False) -> TextProblem | None:
    """The first reason ``text`` cannot be used, or None when it is fine."""
    for position, char in enumerate(text):
        c = ord(char)
        if 0xD800 <= c <= 0xDFFF:
            return TextProblem("surrogate", MSG_SURROGATE, code_point(char), position)
        if char in BIDI_CONTROLS:
            return TextProblem("bidi", MSG_BIDI, code_point(char), position)
        if is_control(char, multiline=multiline):
            return TextProblem("control", MSG_CONTROL, code_point(char), position)
    if text.strip(PLAIN_SPACE) and all(is_invisible(char) for char in text):
        return TextProblem("invisible", MSG_INVISIBLE)
    return None


#: Every message of this rule (to tell its refusals from other problems).
MESSAGES = frozenset({MSG_BIDI, MSG_CONTROL, MSG_SURROGATE, MSG_INVISIBLE})
#: What stands in for a text that had nothing visible (U+FFFD, the replacement character).
REPLACEMENT = "\ufffd"


def cleaned(text: str, *, multiline: bool = True) -> str:
    """``text`` without what :func:`text_problem` refuses: direction controls, controls and lone
    surrogates are dropped; a text left with nothing visible becomes U+FFFD. For data stored
    before the rule existed, so that it still opens (and is saved clean)."""
    kept = "".join(
        char
        for char in text
        if not (0xD800 <= ord(char) <= 0xDFFF)
        and char not in BIDI_CONTROLS
        and not is_control(char, multiline=multiline)
    )
    if kept.strip(PLAIN_SPACE) and all(is_invisible(char) for char in kept):
        return REPLACEMENT
    if text.strip(PLAIN_SPACE) and not kept.strip(PLAIN_SPACE):
        return REPLACEMENT
    return kept


def cleaned_strings(value: object) -> object:
    """A JSON-like value with every string (not the keys) :func:`cleaned`."""
    if isinstance(value, str):
        return cleaned(value)
    if isinstance(value, list):
        return [cleaned_strings(item) for item in value]
    if isinstance(value, dict):
        return {key: cleaned_strings(item) for key, item in value.items()}
    return value
