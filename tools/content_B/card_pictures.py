"""The sort-card glyphs of lessons m04-m07, m09 and m10: flat 64x64 drawings, no text.

``GLYPHS`` holds each drawing once; ``USES`` says which lesson uses which glyph. Every glyph is
written as ``assets/pictures/<lesson-id>-card-<name>.svg`` by

    .venv/bin/python tools/lesson_content.py --draw-cards

and ``tools/lesson_content.py --check`` fails when a picture differs from its glyph here.
"""

from __future__ import annotations

SKIN = "#e8b48a"


def _note(x: float, y: float, angle: float = 0, w: int = 22, h: int = 12) -> str:
    """A somoni banknote centred on (x, y): green paper with a dark emblem, as in the m04 story."""
    return (
        f'<g transform="translate({x} {y}) rotate({angle})">'
        f'<rect x="{-w / 2:g}" y="{-h / 2:g}" width="{w}" height="{h}" rx="2" fill="#6fbf73"'
        ' stroke="#3f8c44" stroke-width="1.5"/>'
        f'<circle r="{h / 4:g}" fill="#3f8c44"/></g>'
    )


def _coins(x: float, bottom: float, count: int, rx: int = 8) -> str:
    """A stack of ``count`` coins seen from the side, standing on ``bottom``."""
    return "".join(
        f'<ellipse cx="{x}" cy="{bottom - 3 - 4 * i}" rx="{rx}" ry="3"'
        f' fill="{"#d9a520" if i % 2 == 0 else "#f2c14e"}" stroke="#b98b00" stroke-width="1"/>'
        for i in range(count)
    )


def _person(x: float, y: float, scarf: str, skin: str = SKIN) -> str:
    """A woman's head and shoulders, the head's centre at (x, y), as in the m06 story."""
    return (
        f'<path d="M{x - 8} {y + 14} C{x - 8} {y + 2} {x + 8} {y + 2} {x + 8} {y + 14} Z" fill="{scarf}"/>'
        f'<path d="M{x - 6.5} {y + 1} Q{x - 7} {y - 7} {x} {y - 7} Q{x + 7} {y - 7} {x + 6.5} {y + 1} Z"'
        f' fill="{scarf}"/><circle cx="{x}" cy="{y}" r="4.5" fill="{skin}"/>'
    )


#: The tin box of the m06 story, open: the body's top-left corner at (0, 0), 32 x 22.
TIN_BOX = '<rect x="0" y="0" width="32" height="22" rx="3" fill="#a9b4bf" stroke="#6d7a86" stroke-width="2"/>'
TIN_BOX += '<path d="M3 6 H29" stroke="#8e99a4" stroke-width="1.5"/>'

#: The bank of m04 and the m06 story (columns under a blue roof), 50 x 48 from (6, 8).
BANK = (
    '<path d="M6 22 L31 8 L56 22 Z" fill="#4a7fb5"/><circle cx="31" cy="17" r="3" fill="#f2b705"/>'
    '<g fill="#ffffff" stroke="#9db7d3" stroke-width="1.5"><rect x="10" y="24" width="7" height="26"/>'
    '<rect x="21" y="24" width="7" height="26"/><rect x="34" y="24" width="7" height="26"/>'
    '<rect x="45" y="24" width="7" height="26"/></g><rect x="6" y="50" width="50" height="6" fill="#35679b"/>'
)

#: A milking cow seen from the side, facing right, in the 64 x 64 box.
COW = (
    '<path d="M8 26 Q0 34 4 44" fill="none" stroke="#5b4a3f" stroke-width="2" stroke-linecap="round"/>'
    '<rect x="10" y="42" width="5" height="14" fill="#5b4a3f"/><rect x="36" y="42" width="5" height="14" fill="#5b4a3f"/>'
    '<rect x="6" y="20" width="40" height="26" rx="10" fill="#ffffff" stroke="#5b4a3f" stroke-width="2"/>'
    '<path d="M14 21 Q22 30 16 40 Q9 38 7 30 Q8 23 14 21 Z" fill="#7a4a2a"/>'
    '<ellipse cx="32" cy="29" rx="6" ry="5" fill="#7a4a2a"/>'
    '<ellipse cx="28" cy="47" rx="5" ry="3" fill="#f0a8a0"/>'
    '<path d="M46 16 Q42 9 46 7 M56 16 Q60 9 56 7" fill="none" stroke="#c9b18a" stroke-width="2.5" stroke-linecap="round"/>'
    '<ellipse cx="51" cy="22" rx="9" ry="8" fill="#ffffff" stroke="#5b4a3f" stroke-width="2"/>'
    '<ellipse cx="55" cy="28" rx="6" ry="4.5" fill="#f0b9a0"/>'
    '<circle cx="49" cy="20" r="1.8" fill="#222222"/>'
)


def _snow(x: float, y: float) -> str:
    """A snowflake as in the m05 electricity card."""
    return (
        f'<path d="M{x} {y - 5} V{y + 5} M{x - 4} {y - 2.5} L{x + 4} {y + 2.5} M{x - 4} {y + 2.5} L{x + 4} {y - 2.5}"'
        ' stroke="#4a7fb5" stroke-width="1.8"/>'
    )


#: Coloured budget envelopes of the m03 notebook: orange, blue, green, purple.
ENVELOPE_COLOURS = ("#e8892b", "#3f87c6", "#4caf50", "#9b59b6")


def _envelope(x: float, y: float, colour: str, w: int = 24, h: int = 14) -> str:
    return (
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="2" fill="{colour}"/>'
        f'<path d="M{x} {y} L{x + w / 2:g} {y + h / 2 + 1:g} L{x + w} {y}" fill="none" stroke="#ffffff" stroke-width="1.5"/>'
    )


GLYPHS: dict[str, str] = {
    # m04: ways of receiving money (no safe/risky badge: that would give the answer away)
    "bank-office": (
        '<path d="M8 22 L32 8 L56 22 Z" fill="#4a7fb5"/>'
        '<rect x="12" y="24" width="6" height="24" fill="#dbe6f2"/><rect x="23" y="24" width="6" height="24" fill="#dbe6f2"/>'
        '<rect x="35" y="24" width="6" height="24" fill="#dbe6f2"/><rect x="8" y="48" width="40" height="6" fill="#35679b"/>'
        '<rect x="40" y="30" width="18" height="24" fill="#ffffff" stroke="#9db7d3" stroke-width="1.5"/>'
        '<path d="M43 36 H55 M43 41 H55 M43 46 H51" stroke="#9db7d3" stroke-width="1.5"/>'
    ),
    "bank-app": (
        '<rect x="6" y="6" width="24" height="46" rx="4" fill="#333333"/><rect x="9" y="11" width="18" height="34" fill="#7ec8f2"/>'
        '<path d="M14 28 H24 M20 24 L24 28 L20 32" fill="none" stroke="#ffffff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>'
        '<rect x="30" y="22" width="30" height="20" rx="3" fill="#f2b705" stroke="#b98b00" stroke-width="1.5"/>'
        '<rect x="30" y="27" width="30" height="4" fill="#6d5200"/><rect x="34" y="35" width="10" height="3" fill="#ffffff"/>'
    ),
    "passport": (
        '<rect x="14" y="6" width="34" height="48" rx="3" fill="#2f7d6d"/>'
        '<circle cx="31" cy="26" r="9" fill="none" stroke="#f2d27a" stroke-width="2"/>'
        '<path d="M22 26 H40 M31 17 Q25 26 31 35 Q37 26 31 17" fill="none" stroke="#f2d27a" stroke-width="1.5"/>'
        '<rect x="22" y="42" width="18" height="3" fill="#f2d27a"/>'
    ),
    "driver": (
        '<path d="M6 40 L12 28 Q14 24 20 24 L40 24 Q46 24 48 28 L54 40 Z" fill="#9aa5b1"/>'
        '<rect x="4" y="38" width="54" height="12" rx="4" fill="#7a8794"/>'
        '<rect x="16" y="28" width="12" height="10" fill="#cfe8f7"/><rect x="32" y="28" width="12" height="10" fill="#cfe8f7"/>'
        '<circle cx="16" cy="50" r="6" fill="#333333"/><circle cx="46" cy="50" r="6" fill="#333333"/>'
        '<rect x="24" y="8" width="16" height="10" rx="2" fill="#6fbf73" stroke="#3f8c44" stroke-width="1.5"/>'
    ),
    "phone-caller": (
        '<rect x="10" y="6" width="24" height="48" rx="4" fill="#333333"/><rect x="13" y="11" width="18" height="34" fill="#7ec8f2"/>'
        '<path d="M40 12 Q46 18 40 24 M46 8 Q56 18 46 28" fill="none" stroke="#4a7fb5" stroke-width="2.5" stroke-linecap="round"/>'
        '<circle cx="22" cy="22" r="5" fill="#555555"/><path d="M15 36 Q22 26 29 36 Z" fill="#555555"/>'
    ),
    "internet-stranger": (
        '<rect x="4" y="8" width="50" height="34" rx="3" fill="#333333"/><rect x="8" y="12" width="42" height="26" fill="#dbe6f2"/>'
        '<rect x="22" y="42" width="14" height="6" fill="#555555"/><rect x="14" y="48" width="30" height="4" rx="2" fill="#555555"/>'
        '<circle cx="29" cy="21" r="6" fill="#555555"/><path d="M19 38 Q29 24 39 38 Z" fill="#555555"/>'
        '<path d="M23 20 H35" stroke="#222222" stroke-width="3"/>'
    ),
    # m05: what to keep paying when money stops
    "flour": (
        '<path d="M16 56 Q10 30 20 18 L44 18 Q54 30 48 56 Z" fill="#f1e6cf" stroke="#a88c5c" stroke-width="2.5"/>'
        '<path d="M20 18 Q32 10 44 18" fill="none" stroke="#a88c5c" stroke-width="3"/>'
        '<rect x="38" y="34" width="16" height="22" rx="3" fill="#f3c64b" stroke="#b8902a" stroke-width="1.5"/>'
        '<rect x="42" y="28" width="8" height="6" fill="#3f7d3f"/>'
    ),
    "medicine": (
        '<rect x="10" y="20" width="30" height="30" rx="4" fill="#ffffff" stroke="#d9534f" stroke-width="2.5"/>'
        '<path d="M25 27 V43 M17 35 H33" stroke="#d9534f" stroke-width="5"/>'
        '<rect x="42" y="24" width="12" height="28" rx="6" fill="#f2b705"/><rect x="42" y="38" width="12" height="14" rx="6" fill="#4a7fb5"/>'
    ),
    "electricity": (
        '<circle cx="32" cy="26" r="16" fill="#fff09a" stroke="#d4a017" stroke-width="2.5"/>'
        '<rect x="24" y="42" width="16" height="12" rx="2" fill="#9aa5b1"/>'
        '<path d="M32 16 L27 27 H35 L30 37" fill="none" stroke="#d4a017" stroke-width="2.5"/>'
        '<path d="M8 6 V16 M4 8.5 L12 13.5 M4 13.5 L12 8.5 M54 4 V14 M50 6.5 L58 11.5 M50 11.5 L58 6.5" stroke="#4a7fb5" stroke-width="1.8"/>'
    ),
    "dress": (
        '<path d="M24 6 H40 L42 16 L36 22 L52 58 H12 L28 22 L22 16 Z" fill="#c0508a"/>'
        '<path d="M20 44 H44" stroke="#f2b705" stroke-width="3"/><circle cx="32" cy="30" r="2" fill="#f2b705"/>'
    ),
    "paint": (
        '<path d="M8 58 V30 L24 18 L40 30 V58 Z" fill="#f3c77a"/>'
        '<rect x="38" y="34" width="18" height="20" rx="2" fill="#4a7fb5"/><path d="M38 34 Q47 28 56 34" fill="none" stroke="#35679b" stroke-width="2"/>'
        '<rect x="44" y="8" width="6" height="18" fill="#8c4b2f"/><rect x="42" y="24" width="10" height="8" fill="#6fbf73"/>'
    ),
    "phone": (
        '<rect x="20" y="6" width="24" height="52" rx="5" fill="#333333"/>'
        '<rect x="23" y="12" width="18" height="36" fill="#7ec8f2"/>'
        '<circle cx="32" cy="53" r="2.5" fill="#dddddd"/>'
        '<path d="M48 10 L52 4 M52 14 L58 12 M48 18 L54 22" stroke="#f2b705" stroke-width="2.5" stroke-linecap="round"/>'
    ),
    # m07: big days known in advance, and sudden costs
    "nowruz": (
        '<path d="M12 34 L52 34 L48 56 Q32 62 16 56 Z" fill="#8c4b2f"/><rect x="8" y="30" width="48" height="6" rx="3" fill="#6b3a24"/>'
        '<path d="M18 30 L14 8 M26 30 L25 6 M34 30 L35 8 M42 30 L46 10 M50 30 L54 14" stroke="#5aa63c" stroke-width="3" stroke-linecap="round"/>'
    ),
    "school": (
        '<rect x="14" y="16" width="36" height="42" rx="8" fill="#d9534f"/><rect x="20" y="36" width="24" height="16" rx="4" fill="#b94440"/>'
        '<path d="M22 16 Q32 2 42 16" fill="none" stroke="#8f2f2c" stroke-width="4"/>'
    ),
    "wedding": (
        '<circle cx="24" cy="36" r="14" fill="none" stroke="#f2b705" stroke-width="5"/>'
        '<circle cx="40" cy="36" r="14" fill="none" stroke="#d4a017" stroke-width="5"/>'
        '<path d="M36 14 L40 8 L44 14 L40 20 Z" fill="#9fd3f0" stroke="#4a7fb5" stroke-width="1.5"/>'
    ),
    "eid": (
        '<path d="M38 8 A22 22 0 1 0 56 42 A17 17 0 1 1 38 8 Z" fill="#f2b705"/>'
        '<path d="M46 18 L48 23 L53 23 L49 26 L50.5 31 L46 28 L41.5 31 L43 26 L39 23 L44 23 Z" fill="#f2b705"/>'
        '<ellipse cx="22" cy="54" rx="16" ry="5" fill="#4a7fb5"/><circle cx="16" cy="49" r="4" fill="#c0508a"/><circle cx="26" cy="49" r="4" fill="#6fbf73"/>'
    ),
    "funeral": (
        # two open palms raised in prayer (duo), for a funeral or memorial day
        f'<rect x="10" y="20" width="18" height="34" rx="8" fill="{SKIN}"/>'
        f'<ellipse cx="29" cy="42" rx="4" ry="8" fill="{SKIN}" transform="rotate(-25 29 42)"/>'
        f'<rect x="36" y="20" width="18" height="34" rx="8" fill="{SKIN}"/>'
        f'<ellipse cx="35" cy="42" rx="4" ry="8" fill="{SKIN}" transform="rotate(25 35 42)"/>'
        '<path d="M15 22 V32 M19 20 V32 M23 22 V32 M41 22 V32 M45 20 V32 M49 22 V32" stroke="#c48d66" stroke-width="1.5"/>'
        '<path d="M8 58 H56" stroke="#5b4a3f" stroke-width="3" stroke-linecap="round"/>'
    ),
    "hospital": (
        '<rect x="6" y="34" width="52" height="10" rx="2" fill="#dbe6f2" stroke="#9aa5b1" stroke-width="1.5"/>'
        '<rect x="6" y="24" width="6" height="32" fill="#9aa5b1"/><rect x="52" y="30" width="6" height="26" fill="#9aa5b1"/>'
        '<ellipse cx="20" cy="30" rx="7" ry="5" fill="#ffffff" stroke="#9aa5b1" stroke-width="1.5"/>'
        '<path d="M42 6 A9 9 0 1 0 48 22 A7 7 0 1 1 42 6 Z" fill="#d9534f"/>'
    ),
    "roof-snow": (
        '<rect x="12" y="32" width="40" height="26" fill="#d9a066"/>'
        '<path d="M6 34 L32 12 L58 34 Z" fill="#8c4b2f"/>'
        '<path d="M10 31 Q20 20 32 12 Q44 20 54 31 Q46 26 40 28 Q32 22 24 28 Q16 26 10 31 Z" fill="#ffffff"/>'
        '<path d="M30 14 L26 22 L33 25 L28 34" fill="none" stroke="#3b2a20" stroke-width="2.5" stroke-linejoin="round"/>'
        '<rect x="26" y="44" width="10" height="14" fill="#7a4a36"/>'
        '<circle cx="48" cy="6" r="2.5" fill="#9fc5e8"/><circle cx="56" cy="14" r="2" fill="#9fc5e8"/><circle cx="12" cy="12" r="2" fill="#9fc5e8"/>'
    ),
    # m06: where to keep savings (each card shows what its sentence says, not which place it is)
    "cash-spend": (
        _note(16, 30, -18)
        + _note(26, 28, 12)
        + '<g transform="translate(4 34)">'
        + TIN_BOX
        + "</g>"
        + '<path d="M28 22 Q36 6 46 22" fill="none" stroke="#d9534f" stroke-width="3" stroke-linecap="round"/>'
        '<path d="M49 19 L47 28 L41 21 Z" fill="#d9534f"/>'
        '<path d="M42 32 H62 L59 58 H45 Z" fill="#e07a3f" stroke="#b35a28" stroke-width="2" stroke-linejoin="round"/>'
        '<path d="M47 32 Q52 22 57 32" fill="none" stroke="#b35a28" stroke-width="2.5"/>'
    ),
    "cash-fire": (
        '<path d="M6 58 Q0 42 10 30 Q10 40 16 40 Q12 24 24 12 Q24 28 32 30 Q34 16 44 8 Q42 26 50 30'
        ' Q54 26 53 18 Q64 34 58 58 Z" fill="#e8742a"/>'
        '<path d="M14 58 Q10 46 18 40 Q20 46 24 46 Q24 34 32 26 Q34 38 40 40 Q42 32 46 30 Q54 42 50 58 Z" fill="#f5c542"/>'
        + _note(26, 36, -16)
        + _note(38, 34, 14)
        + '<g transform="translate(16 38)">'
        + TIN_BOX
        + "</g>"
    ),
    "sheep-lamb": (
        '<rect x="14" y="38" width="4" height="16" fill="#5b4a3f"/><rect x="30" y="38" width="4" height="16" fill="#5b4a3f"/>'
        '<g fill="#ffffff" stroke="#b3a999" stroke-width="2"><ellipse cx="24" cy="30" rx="18" ry="12"/>'
        '<circle cx="12" cy="22" r="7"/><circle cx="24" cy="18" r="8"/><circle cx="36" cy="22" r="7"/></g>'
        '<ellipse cx="44" cy="24" rx="7" ry="6" fill="#5b4a3f"/><circle cx="46" cy="22" r="1.5" fill="#ffffff"/>'
        '<rect x="44" y="50" width="3" height="9" fill="#5b4a3f"/><rect x="54" y="50" width="3" height="9" fill="#5b4a3f"/>'
        '<g fill="#ffffff" stroke="#b3a999" stroke-width="1.8"><ellipse cx="50" cy="46" rx="10" ry="7"/>'
        '<circle cx="45" cy="41" r="4.5"/><circle cx="53" cy="40" r="4.5"/></g>'
        '<ellipse cx="59" cy="41" rx="4.5" ry="4" fill="#5b4a3f"/>'
    ),
    "cow-winter": (
        '<path d="M40 58 Q40 32 51 30 Q62 32 62 58 Z" fill="#e3b34a" stroke="#b8902a" stroke-width="2"/>'
        '<path d="M46 40 L49 56 M52 36 V56 M57 40 L55 56" stroke="#b8902a" stroke-width="1.5"/>'
        + '<g transform="translate(0 14) scale(0.75)">'
        + COW
        + "</g>"
        + _snow(8, 8)
        + _snow(24, 6)
        + _snow(40, 10)
        + _snow(56, 8)
    ),
    "bank-interest": (
        '<g transform="translate(-4 -4) scale(0.75)">'
        + BANK
        + "</g>"
        + _coins(46, 60, 2, 6)
        + _coins(58, 60, 4, 5)
        + '<path d="M40 36 L48 30 L52 32 L60 20" fill="none" stroke="#3f8c44" stroke-width="3"'
        ' stroke-linecap="round" stroke-linejoin="round"/><path d="M55 18 L62 16 L61 24 Z" fill="#3f8c44"/>'
        + _coins(34, 60, 1, 6)
    ),
    "bank-passport": (
        BANK.replace("M6 22", "M2 22", 1)
        + '<g transform="rotate(8 46 42)"><rect x="32" y="26" width="26" height="34" rx="3" fill="#2f7d6d"'
        ' stroke="#ffffff" stroke-width="1.5"/>'
        '<circle cx="45" cy="40" r="7" fill="none" stroke="#f2d27a" stroke-width="2"/>'
        '<path d="M38 40 H52 M45 33 Q40 40 45 47 Q50 40 45 33" fill="none" stroke="#f2d27a" stroke-width="1.5"/>'
        '<rect x="38" y="51" width="14" height="3" fill="#f2d27a"/></g>'
    ),
    "group-turns": (
        '<circle cx="32" cy="32" r="18" fill="none" stroke="#3f8c44" stroke-width="2.5" stroke-dasharray="6 4"/>'
        '<path d="M46 14 L53 20 L44 23 Z M18 50 L11 44 L20 41 Z" fill="#3f8c44"/>'
        + _note(32, 32, 0, 16, 10)
        + _note(32, 28, -8, 16, 10)
        + _person(32, 8, "#7b3f8c")
        + _person(56, 30, "#2f7d6d")
        + _person(32, 48, "#c0508a", "#d9a27a")
        + _person(8, 30, "#4a7fb5", "#d9a27a")
    ),
    "friends-saving": (
        _person(14, 16, "#7b3f8c")
        + _person(50, 16, "#c0508a", "#d9a27a")
        + '<path d="M20 32 Q24 38 22 44 M44 32 Q40 38 42 44" fill="none" stroke="'
        + SKIN
        + '"'
        ' stroke-width="4.5" stroke-linecap="round"/>'
        '<rect x="14" y="40" width="36" height="20" rx="4" fill="#9b59b6"/>'
        '<rect x="26" y="40" width="12" height="3" fill="#5e3370"/>'
        '<rect x="27" y="50" width="10" height="5" rx="2" fill="#7d3c98"/>'
        '<circle cx="32" cy="30" r="6" fill="#f2b705" stroke="#b98b00" stroke-width="1.5"/>'
    ),
    # m09: the business purse and the family purse
    "cow-feed": (
        '<rect x="40" y="38" width="22" height="20" rx="2" fill="#e3b34a" stroke="#b8902a" stroke-width="2"/>'
        '<path d="M46 38 V58 M56 38 V58" stroke="#8c6a1e" stroke-width="2"/>'
        '<path d="M42 44 H60 M42 51 H60" stroke="#c99a30" stroke-width="1.2"/>'
        '<path d="M44 38 Q46 30 50 36 Q52 28 56 36 Q58 30 60 38" fill="#e3b34a" stroke="#b8902a" stroke-width="1.5"/>'
        + '<g transform="translate(-2 8) scale(0.8)">'
        + COW
        + "</g>"
    ),
    "milk-money": (
        '<rect x="14" y="10" width="14" height="8" rx="2" fill="#9aa5b1" stroke="#6d7a86" stroke-width="1.5"/>'
        '<path d="M16 18 H26 L32 28 V56 Q32 58 30 58 H10 Q8 58 8 56 V28 Z" fill="#d5dde4" stroke="#6d7a86" stroke-width="2"/>'
        '<path d="M8 34 H32 M8 50 H32" stroke="#9aa5b1" stroke-width="2"/>'
        '<path d="M9 30 Q3 32 4 40 M31 30 Q37 32 36 40" fill="none" stroke="#6d7a86" stroke-width="2.5" stroke-linecap="round"/>'
        '<path d="M34 24 Q42 14 50 22" fill="none" stroke="#3f8c44" stroke-width="3" stroke-linecap="round"/>'
        '<path d="M52 18 L52 27 L45 23 Z" fill="#3f8c44"/>'
        + _note(48, 38, -12)
        + _note(50, 48, 6)
        + '<circle cx="56" cy="58" r="5" fill="#f2b705" stroke="#b98b00" stroke-width="1.5"/>'
    ),
    "cow-vet": (
        '<g transform="translate(-2 4) scale(0.8)">' + COW + "</g>"
        '<path d="M44 38 Q44 32 50 32 H54 Q60 32 60 38" fill="none" stroke="#5b4a3f" stroke-width="2.5"/>'
        '<rect x="38" y="38" width="26" height="22" rx="3" fill="#ffffff" stroke="#d9534f" stroke-width="2.5"/>'
        '<path d="M51 42 V56 M44 49 H58" stroke="#d9534f" stroke-width="4"/>'
    ),
    "uniforms": (
        '<g transform="translate(-2 4) scale(0.72)">'
        '<path d="M22 8 L10 16 L4 30 L14 34 L16 28 V58 H48 V28 L50 34 L60 30 L54 16 L42 8 Q32 16 22 8 Z"'
        ' fill="#ffffff" stroke="#5d6d7e" stroke-width="3"/><path d="M32 14 L28 24 L32 28 L36 24 Z" fill="#2c3e50"/></g>'
        '<g transform="translate(30 22) scale(0.55)">'
        '<path d="M22 8 L10 16 L4 30 L14 34 L16 28 V58 H48 V28 L50 34 L60 30 L54 16 L42 8 Q32 16 22 8 Z"'
        ' fill="#ffffff" stroke="#5d6d7e" stroke-width="3.5"/><path d="M32 14 L28 24 L32 28 L36 24 Z" fill="#2c3e50"/></g>'
        '<path d="M4 60 H60" stroke="#2c3e50" stroke-width="2" stroke-linecap="round"/>'
    ),
    "house-electricity": (
        '<rect x="50" y="8" width="4" height="50" fill="#8c6a4a"/><rect x="44" y="12" width="16" height="3" fill="#8c6a4a"/>'
        '<path d="M45 13 Q36 22 30 26 M59 13 Q60 20 58 24" fill="none" stroke="#333333" stroke-width="1.5"/>'
        '<rect x="6" y="32" width="36" height="26" fill="#f3c77a"/><path d="M2 34 L24 16 L46 34 Z" fill="#8c4b2f"/>'
        '<rect x="12" y="38" width="12" height="10" fill="#fff09a" stroke="#d4a017" stroke-width="1.5"/>'
        '<rect x="30" y="42" width="8" height="16" fill="#7a4a36"/>'
        '<path d="M8 36 L4 32 M18 34 V29 M28 36 L32 32" stroke="#d4a017" stroke-width="1.8" stroke-linecap="round"/>'
    ),
    "business-to-family": (
        '<rect x="2" y="32" width="20" height="24" fill="#e8d3c8"/>'
        '<path d="M0 24 H24 L22 32 H2 Z" fill="#e07a3f"/><path d="M8 24 L7 32 M16 24 L17 32" stroke="#f6ead2" stroke-width="2.5"/>'
        '<rect x="5" y="38" width="8" height="18" fill="#74482f"/><rect x="15" y="38" width="5" height="6" fill="#b9d4ea"/>'
        '<rect x="44" y="34" width="18" height="22" fill="#f3c77a"/><path d="M40 36 L53 24 L66 36 Z" fill="#8c4b2f"/>'
        '<rect x="49" y="42" width="8" height="14" fill="#7a4a36"/>'
        + _note(32, 36, -6, 16, 9)
        + _note(32, 42, 0, 16, 9)
        + _note(32, 48, 6, 16, 9)
        + '<path d="M12 18 Q30 2 48 16" fill="none" stroke="#b8860b" stroke-width="3" stroke-linecap="round"/>'
        '<path d="M52 12 L51 21 L44 17 Z" fill="#b8860b"/>'
    ),
    # m10: the Rahimov family's plan, one card per promise
    "transfer-plan": (
        '<rect x="4" y="10" width="22" height="44" rx="4" fill="#333333"/><rect x="7" y="15" width="16" height="32" fill="#7ec8f2"/>'
        '<path d="M10 31 H20 M16 27 L20 31 L16 35" fill="none" stroke="#ffffff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>'
        '<path d="M28 32 L34 14 M28 32 H34 M28 32 L34 50" stroke="#6d7a86" stroke-width="2" stroke-linecap="round"/>'
        + _envelope(36, 6, ENVELOPE_COLOURS[0])
        + _envelope(36, 25, ENVELOPE_COLOURS[1])
        + _envelope(36, 44, ENVELOPE_COLOURS[2])
    ),
    "notebook-purchase": (
        '<path d="M6 18 L32 22 L58 18 V56 L32 60 L6 56 Z" fill="#ffffff" stroke="#5d6d7e" stroke-width="2" stroke-linejoin="round"/>'
        '<path d="M32 22 V60" stroke="#5d6d7e" stroke-width="2"/>'
        '<path d="M11 28 L27 30 M11 36 L27 38 M11 44 L27 46 M37 30 L53 28 M37 38 L49 37" stroke="#9fb3c8" stroke-width="2"/>'
        '<path d="M11 28 L17 29 M11 36 L17 37" stroke="#e07a3f" stroke-width="2"/>'
        '<g transform="rotate(35 48 40)"><rect x="45" y="24" width="6" height="26" rx="1.5" fill="#f2b705"/>'
        '<path d="M45 50 L48 57 L51 50 Z" fill="#e3c9a0"/><path d="M47 55 L48 57 L49 55 Z" fill="#333333"/></g>'
        '<path d="M6 4 H20 L18 16 H8 Z" fill="#e07a3f" stroke="#b35a28" stroke-width="1.5" stroke-linejoin="round"/>'
        '<path d="M10 4 Q13 -1 16 4" fill="none" stroke="#b35a28" stroke-width="1.5"/>'
    ),
    "save-food-months": (
        _note(14, 10, -8, 18, 10)
        + '<path d="M24 12 H32" stroke="#3f8c44" stroke-width="2.5" stroke-linecap="round"/><path d="M31 8 L37 12 L31 16 Z" fill="#3f8c44"/>'
        '<rect x="38" y="4" width="22" height="18" rx="3" fill="#9b59b6"/><rect x="44" y="4" width="10" height="3" fill="#5e3370"/>'
        '<g fill="#f1e6cf" stroke="#a88c5c" stroke-width="2">'
        '<path d="M4 60 Q1 40 8 32 H20 Q27 40 24 60 Z"/><path d="M22 60 Q19 40 26 32 H38 Q45 40 42 60 Z"/>'
        '<path d="M40 60 Q37 40 44 32 H56 Q63 40 60 60 Z"/></g>'
        '<g fill="#e3b34a"><circle cx="14" cy="46" r="3.5"/><circle cx="32" cy="46" r="3.5"/><circle cx="50" cy="46" r="3.5"/></g>'
    ),
    "emergency-only": (
        '<rect x="6" y="4" width="22" height="20" rx="3" fill="#ffffff" stroke="#d9534f" stroke-width="2.5"/>'
        '<path d="M17 8 V20 M11 14 H23" stroke="#d9534f" stroke-width="4"/>'
        '<rect x="40" y="2" width="14" height="24" rx="3" fill="#333333"/><rect x="42" y="6" width="10" height="15" fill="#7ec8f2"/>'
        '<path d="M44 9 L50 18 M50 9 L44 18" stroke="#d9534f" stroke-width="2.5" stroke-linecap="round"/>'
        '<rect x="10" y="34" width="44" height="26" rx="4" fill="#9b59b6"/><rect x="26" y="34" width="12" height="3" fill="#5e3370"/>'
        '<path d="M27 46 V42 Q27 36 32 36 Q37 36 37 42 V46" fill="none" stroke="#5d6d7e" stroke-width="3"/>'
        '<rect x="24" y="45" width="16" height="12" rx="2" fill="#f2b705" stroke="#b98b00" stroke-width="1.5"/>'
        '<circle cx="32" cy="51" r="2" fill="#6d5200"/>'
    ),
    "school-september": (
        '<rect x="4" y="22" width="28" height="36" rx="7" fill="#d9534f"/><rect x="9" y="38" width="18" height="14" rx="4" fill="#b94440"/>'
        '<path d="M10 22 Q18 10 26 22" fill="none" stroke="#8f2f2c" stroke-width="3.5"/>'
        '<rect x="36" y="6" width="24" height="26" rx="2" fill="#ffffff" stroke="#3b4a6b" stroke-width="2"/>'
        '<rect x="36" y="6" width="24" height="7" fill="#2e7d6b"/>'
        '<g fill="#cfd8e0"><rect x="39" y="16" width="5" height="5"/><rect x="46" y="16" width="5" height="5"/>'
        '<rect x="39" y="24" width="5" height="5"/><rect x="46" y="24" width="5" height="5"/><rect x="53" y="24" width="5" height="5"/></g>'
        '<rect x="53" y="16" width="5" height="5" fill="#e8892b"/>' + _coins(48, 60, 5, 8)
    ),
    "shop-credit": (
        '<rect x="6" y="18" width="52" height="20" fill="#e9d3ab"/>'
        '<path d="M2 6 H62 L58 18 H6 Z" fill="#27ae60"/>'
        '<path d="M16 6 L14 18 M28 6 L27 18 M40 6 L41 18 M52 6 L54 18" stroke="#ffffff" stroke-width="3"/>'
        '<rect x="2" y="38" width="60" height="22" fill="#8a5a35"/><rect x="2" y="38" width="60" height="4" fill="#6b4226"/>'
        '<rect x="10" y="28" width="26" height="20" rx="1" fill="#ffffff" stroke="#5d6d7e" stroke-width="1.5" transform="rotate(-6 23 38)"/>'
        '<path d="M14 33 H32 M14 38 H32 M14 43 H28" stroke="#9fb3c8" stroke-width="1.5" transform="rotate(-6 23 38)"/>'
        '<path d="M12 40 L34 32" stroke="#d9534f" stroke-width="2.5" stroke-linecap="round"/>'
        + _note(48, 30, 10, 20, 11)
    ),
    "no-new-loan": (
        '<rect x="10" y="4" width="34" height="42" rx="2" fill="#ffffff" stroke="#4a6fa5" stroke-width="2"/>'
        '<path d="M16 14 H38 M16 21 H38 M16 28 H30" stroke="#9fb3c8" stroke-width="2"/>'
        '<circle cx="34" cy="37" r="6" fill="#f2b705" stroke="#b98b00" stroke-width="1.5"/>'
        '<circle cx="27" cy="25" r="20" fill="none" stroke="#d9534f" stroke-width="4"/>'
        '<path d="M13 11 L41 39" stroke="#d9534f" stroke-width="4"/>'
        '<rect x="40" y="42" width="20" height="18" rx="1" fill="#ffffff" stroke="#5d6d7e" stroke-width="1.5"/>'
        '<path d="M40 42 H60 V46 H40 Z" fill="#27ae60"/><path d="M44 50 H56 M44 55 H52" stroke="#9fb3c8" stroke-width="1.5"/>'
    ),
}

USES = {
    "m04-receiving-remittances": (
        "bank-office",
        "bank-app",
        "passport",
        "driver",
        "phone-caller",
        "internet-stranger",
    ),
    "m05-when-money-stops": ("flour", "medicine", "electricity", "dress", "paint", "phone"),
    "m07-big-life-events": (
        "nowruz",
        "school",
        "wedding",
        "eid",
        "funeral",
        "hospital",
        "roof-snow",
    ),
    "m06-saving": (
        "cash-spend",
        "cash-fire",
        "sheep-lamb",
        "cow-winter",
        "bank-interest",
        "bank-passport",
        "group-turns",
        "friends-saving",
    ),
    "m09-investing": (
        "cow-feed",
        "milk-money",
        "cow-vet",
        "flour",
        "uniforms",
        "house-electricity",
        "business-to-family",
    ),
    "m10-action-plan": (
        "transfer-plan",
        "notebook-purchase",
        "save-food-months",
        "emergency-only",
        "school-september",
        "shop-credit",
        "no-new-loan",
    ),
}
