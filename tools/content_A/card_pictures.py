"""The sort-card glyphs of lessons m00-m03 and m08: flat 64x64 drawings, no text.

``GLYPHS`` holds each drawing once; ``USES`` says which lesson uses which glyph. Every glyph is
written as ``assets/pictures/<lesson-id>-card-<name>.svg`` by

    .venv/bin/python tools/lesson_content.py --draw-cards

and ``tools/lesson_content.py --check`` fails when a picture differs from its glyph here.
"""

from __future__ import annotations

SKIN = "#e8b58e"

GLYPHS: dict[str, str] = {
    "flour": (
        '<path d="M16 56 Q10 30 20 18 L44 18 Q54 30 48 56 Z" fill="#f1e6cf" stroke="#a88c5c" stroke-width="2.5"/>'
        '<path d="M20 18 Q32 10 44 18" fill="none" stroke="#a88c5c" stroke-width="3"/>'
        '<path d="M24 36 Q32 28 40 36 Q32 44 24 36 Z" fill="#e3b34a"/>'
    ),
    "oil": (
        '<rect x="20" y="20" width="24" height="38" rx="5" fill="#f3c64b" stroke="#b8902a" stroke-width="2"/>'
        '<rect x="26" y="8" width="12" height="12" fill="#3f7d3f"/>'
        '<rect x="24" y="32" width="16" height="14" rx="2" fill="#fff7d6"/>'
    ),
    "medicine": (
        '<rect x="12" y="18" width="40" height="34" rx="5" fill="#ffffff" stroke="#d24d57" stroke-width="3"/>'
        '<path d="M32 25 V45 M22 35 H42" stroke="#d24d57" stroke-width="6"/>'
        '<rect x="22" y="10" width="20" height="8" rx="2" fill="#d24d57"/>'
    ),
    "electricity": (
        '<circle cx="32" cy="26" r="16" fill="#fff09a" stroke="#d4a017" stroke-width="2.5"/>'
        '<rect x="24" y="42" width="16" height="12" rx="2" fill="#9aa5b1"/>'
        '<path d="M26 46 H38 M26 50 H38" stroke="#6b7682" stroke-width="2"/>'
        '<path d="M32 16 L27 27 H35 L30 37" fill="none" stroke="#d4a017" stroke-width="2.5"/>'
    ),
    "boots": (
        '<path d="M18 8 H34 V40 L52 46 Q56 48 56 54 V58 H14 V14 Q14 8 18 8 Z" fill="#7a4a2a"/>'
        '<rect x="14" y="54" width="42" height="4" fill="#3b2a20"/>'
        '<path d="M14 16 H34" stroke="#e6d2b5" stroke-width="4"/>'
    ),
    "notebooks": (
        '<rect x="14" y="10" width="34" height="44" rx="3" fill="#3f87c6"/>'
        '<rect x="18" y="14" width="34" height="44" rx="3" fill="#ffffff" stroke="#3f87c6" stroke-width="2.5"/>'
        '<path d="M24 26 H46 M24 34 H46 M24 42 H40" stroke="#9fb3c8" stroke-width="2"/>'
    ),
    "notebooks-pens": (
        '<rect x="10" y="12" width="32" height="42" rx="3" fill="#ffffff" stroke="#3f87c6" stroke-width="2.5"/>'
        '<path d="M16 24 H36 M16 32 H36 M16 40 H30" stroke="#9fb3c8" stroke-width="2"/>'
        '<g transform="translate(46 10) rotate(20)"><rect x="0" y="0" width="6" height="36" rx="2" fill="#d24d57"/>'
        '<path d="M0 36 L3 44 L6 36 Z" fill="#333"/></g>'
    ),
    "phone": (
        '<rect x="20" y="6" width="24" height="52" rx="5" fill="#333"/>'
        '<rect x="23" y="12" width="18" height="36" fill="#7ec8f2"/>'
        '<circle cx="32" cy="53" r="2.5" fill="#ddd"/>'
    ),
    "phone-credit": (
        '<rect x="14" y="10" width="22" height="46" rx="5" fill="#333"/>'
        '<rect x="17" y="16" width="16" height="32" fill="#7ec8f2"/>'
        '<path d="M42 22 Q48 30 42 38 M48 16 Q58 30 48 44" fill="none" stroke="#3f9a4f" stroke-width="3"'
        ' stroke-linecap="round"/>'
    ),
    "sweets": (
        '<rect x="36" y="14" width="14" height="42" rx="4" fill="#e4547a"/>'
        '<rect x="39" y="8" width="8" height="7" fill="#555"/>'
        '<ellipse cx="22" cy="42" rx="10" ry="7" fill="#f5a623"/>'
        '<path d="M12 42 L4 36 V48 Z M32 42 L40 36 V48 Z" fill="#f5a623"/>'
    ),
    "curtains": (
        '<rect x="12" y="12" width="40" height="40" fill="#bfe3f5"/>'
        '<path d="M8 8 H56" stroke="#6b5b4b" stroke-width="4"/>'
        '<path d="M10 10 H26 Q20 34 24 56 H10 Z" fill="#c0392b"/>'
        '<path d="M54 10 H38 Q44 34 40 56 H54 Z" fill="#c0392b"/>'
    ),
    "television": (
        '<rect x="6" y="12" width="52" height="34" rx="4" fill="#444"/>'
        '<rect x="10" y="16" width="44" height="26" fill="#9a8ad8"/>'
        '<path d="M24 46 L20 56 M40 46 L44 56 M16 56 H48" stroke="#444" stroke-width="3"/>'
    ),
    "money-abroad": (
        '<rect x="6" y="16" width="42" height="30" rx="4" fill="#ffffff" stroke="#4a6fa5" stroke-width="2.5"/>'
        '<path d="M6 16 L27 34 L48 16" fill="none" stroke="#4a6fa5" stroke-width="2.5"/>'
        '<circle cx="46" cy="44" r="11" fill="#f5c542" stroke="#c79a1b" stroke-width="2"/>'
    ),
    "pension": (
        '<circle cx="24" cy="16" r="7" fill="' + SKIN + '"/>'
        '<path d="M16 16 Q16 6 24 6 Q32 6 32 16 L33 22 L15 22 Z" fill="#ecf0f1" stroke="#95a5a6"/>'
        '<circle cx="24" cy="16" r="6" fill="' + SKIN + '"/>'
        '<path d="M12 58 Q10 28 24 26 Q38 28 36 58 Z" fill="#7b4fa0"/>'
        '<circle cx="46" cy="44" r="11" fill="#f5c542" stroke="#c79a1b" stroke-width="2"/>'
    ),
    "milk": (
        '<path d="M16 14 H38 L44 56 H10 Z" fill="#eef3f7" stroke="#7d8a96" stroke-width="2.5"/>'
        '<path d="M38 22 Q52 28 42 40" fill="none" stroke="#7d8a96" stroke-width="3"/>'
        '<path d="M14 26 H40" stroke="#cfd8df" stroke-width="2"/>'
    ),
    "milk-yoghurt": (
        '<path d="M10 12 H30 L34 52 H6 Z" fill="#eef3f7" stroke="#7d8a96" stroke-width="2.5"/>'
        '<path d="M36 40 H60 Q58 56 48 56 Q38 56 36 40 Z" fill="#ffffff" stroke="#7d8a96" stroke-width="2.5"/>'
        '<ellipse cx="48" cy="40" rx="12" ry="3" fill="#f7f3e8"/>'
    ),
    "potatoes": (
        '<g fill="#c69a5b" stroke="#9c7640" stroke-width="1.5">'
        '<ellipse cx="20" cy="40" rx="13" ry="10"/><ellipse cx="42" cy="42" rx="14" ry="10"/>'
        '<ellipse cx="31" cy="26" rx="13" ry="10"/></g>'
        '<g fill="#8a6535"><circle cx="16" cy="38" r="1.5"/><circle cx="44" cy="40" r="1.5"/>'
        '<circle cx="34" cy="24" r="1.5"/></g>'
    ),
    "potatoes-onions": (
        '<g fill="#c69a5b" stroke="#9c7640" stroke-width="1.5">'
        '<ellipse cx="18" cy="44" rx="12" ry="9"/><ellipse cx="36" cy="48" rx="12" ry="8"/></g>'
        '<path d="M46 20 Q60 40 46 56 Q32 40 46 20 Z" fill="#b05a8a"/>'
        '<circle cx="46" cy="42" r="12" fill="#b05a8a"/>'
        '<path d="M46 32 Q42 42 46 52 M46 32 Q50 42 46 52" fill="none" stroke="#8e3f6d" stroke-width="1.5"/>'
        '<path d="M46 20 L44 8 M46 20 L50 9" stroke="#6aa84f" stroke-width="2.5"/>'
    ),
    "apricots": (
        '<g fill="#e0781b" stroke="#b85d12" stroke-width="1.5">'
        '<ellipse cx="18" cy="40" rx="10" ry="7"/><ellipse cx="38" cy="44" rx="10" ry="7"/>'
        '<ellipse cx="28" cy="28" rx="10" ry="7"/><ellipse cx="48" cy="30" rx="9" ry="6"/></g>'
        '<path d="M8 52 H56" stroke="#b88a52" stroke-width="5" stroke-linecap="round"/>'
    ),
    "calf": (
        '<rect x="8" y="24" width="36" height="20" rx="8" fill="#c98b57"/>'
        '<rect x="12" y="40" width="5" height="16" fill="#9c6a42"/>'
        '<rect x="34" y="40" width="5" height="16" fill="#9c6a42"/>'
        '<ellipse cx="48" cy="22" rx="10" ry="8" fill="#c98b57"/>'
        '<circle cx="46" cy="20" r="1.8" fill="#222"/>'
        '<ellipse cx="54" cy="25" rx="4" ry="3" fill="#f0b9a0"/>'
    ),
    "rice-flour": (
        '<path d="M8 56 Q4 34 12 24 L30 24 Q38 34 34 56 Z" fill="#f1e6cf" stroke="#a88c5c" stroke-width="2"/>'
        '<path d="M12 24 Q21 18 30 24" fill="none" stroke="#a88c5c" stroke-width="2.5"/>'
        '<path d="M36 42 H62 Q60 56 49 56 Q38 56 36 42 Z" fill="#5d8fc9"/>'
        '<ellipse cx="49" cy="41" rx="12" ry="4" fill="#ffffff"/>'
    ),
    "tea-sugar": (
        '<ellipse cx="26" cy="40" rx="18" ry="14" fill="#2e86ab"/>'
        '<path d="M42 40 L54 26" stroke="#2e86ab" stroke-width="4" stroke-linecap="round"/>'
        '<path d="M10 34 Q0 40 10 48" fill="none" stroke="#2e86ab" stroke-width="3"/>'
        '<ellipse cx="26" cy="27" rx="9" ry="3" fill="#1b5e7a"/>'
        '<circle cx="26" cy="22" r="3" fill="#1b5e7a"/>'
        '<path d="M12 40 H40" stroke="#f5f5f5" stroke-width="2"/>'
        '<rect x="46" y="44" width="10" height="10" fill="#ffffff" stroke="#bbb"/>'
        '<rect x="52" y="38" width="10" height="10" fill="#ffffff" stroke="#bbb"/>'
    ),
    "gas": (
        '<rect x="18" y="16" width="28" height="42" rx="12" fill="#d84b2a"/>'
        '<rect x="26" y="6" width="12" height="10" rx="2" fill="#7f8c8d"/>'
        '<path d="M18 32 H46" stroke="#b03a20" stroke-width="2"/>'
        '<path d="M32 48 Q26 42 32 36 Q38 42 32 48 Z" fill="#3f87c6"/>'
    ),
    "uniform": (
        '<path d="M22 8 L10 16 L4 30 L14 34 L16 28 V58 H48 V28 L50 34 L60 30 L54 16 L42 8 Q32 16 22 8 Z"'
        ' fill="#ffffff" stroke="#5d6d7e" stroke-width="2.5"/>'
        '<path d="M32 14 L28 24 L32 28 L36 24 Z" fill="#2c3e50"/>'
    ),
    "savings-box": (
        '<rect x="10" y="26" width="44" height="30" rx="4" fill="#9b59b6"/>'
        '<rect x="26" y="26" width="12" height="3" fill="#5e3370"/>'
        '<circle cx="32" cy="15" r="9" fill="#f5c542" stroke="#c79a1b" stroke-width="2"/>'
        '<rect x="26" y="38" width="12" height="6" rx="2" fill="#7d3c98"/>'
    ),
    "shop-debt": (
        '<rect x="10" y="26" width="44" height="30" fill="#e9d3ab"/>'
        '<path d="M6 14 H58 L54 26 H10 Z" fill="#27ae60"/>'
        '<path d="M18 14 L16 26 M30 14 L30 26 M42 14 L44 26" stroke="#ffffff" stroke-width="3"/>'
        '<rect x="16" y="34" width="12" height="22" fill="#8a5a35"/>'
        '<circle cx="44" cy="44" r="9" fill="#f5c542" stroke="#c79a1b" stroke-width="2"/>'
    ),
    # m08: what a loan is for (no danger badge on any card: that would give the answer away)
    "greenhouse": (
        '<path d="M4 56 V38 Q4 14 32 14 Q60 14 60 38 V56 Z" fill="#d8efe9" stroke="#2e7d6b" stroke-width="2.5"/>'
        '<path d="M18 17 V56 M32 14 V56 M46 17 V56 M4 36 H60" stroke="#2e7d6b" stroke-width="1.5"/>'
        '<g stroke="#3f9a4f" stroke-width="2.5" stroke-linecap="round"><path d="M11 56 V46 M25 56 V46 M39 56 V46"/></g>'
        '<g fill="#6aa84f"><ellipse cx="8" cy="46" rx="3.5" ry="2"/><ellipse cx="14" cy="45" rx="3.5" ry="2"/>'
        '<ellipse cx="22" cy="46" rx="3.5" ry="2"/><ellipse cx="28" cy="45" rx="3.5" ry="2"/>'
        '<ellipse cx="36" cy="46" rx="3.5" ry="2"/><ellipse cx="42" cy="45" rx="3.5" ry="2"/></g>'
        '<path d="M2 56 H62" stroke="#8a6535" stroke-width="3"/>'
        '<rect x="44" y="38" width="18" height="24" rx="2" fill="#e3b34a" stroke="#9c7640" stroke-width="1.5"/>'
        '<g fill="#8a6535"><ellipse cx="50" cy="48" rx="2" ry="3"/><ellipse cx="56" cy="50" rx="2" ry="3"/>'
        '<ellipse cx="52" cy="55" rx="2" ry="3"/></g><rect x="44" y="38" width="18" height="5" fill="#c98b2a"/>'
    ),
    "sewing-machine": (
        '<rect x="2" y="48" width="42" height="8" rx="2" fill="#8a5a35"/>'
        '<path d="M6 12 H34 Q40 12 40 18 V48 H30 V24 H16 V32 H6 Z" fill="#333333"/>'
        '<path d="M9 16 H34" stroke="#f2b705" stroke-width="2"/>'
        '<circle cx="40" cy="22" r="5" fill="#9aa5b1" stroke="#5d6d7e" stroke-width="1.5"/>'
        '<path d="M11 32 V44" stroke="#9aa5b1" stroke-width="2"/>'
        '<rect x="4" y="44" width="24" height="4" fill="#5d8fc9"/>'
        '<g transform="translate(40 34) scale(0.36)">'
        '<path d="M22 8 L10 16 L4 30 L14 34 L16 28 V58 H48 V28 L50 34 L60 30 L54 16 L42 8 Q32 16 22 8 Z"'
        ' fill="#ffffff" stroke="#5d6d7e" stroke-width="5"/><path d="M32 14 L28 24 L32 28 L36 24 Z" fill="#2c3e50"/></g>'
    ),
    "wedding-feast": (
        '<path d="M4 36 H60 L63 60 H1 Z" fill="#c0392b"/>'
        '<g fill="#f2b705"><path d="M6 56 l3 -3 l3 3 l-3 3 Z"/><path d="M52 56 l3 -3 l3 3 l-3 3 Z"/>'
        '<path d="M29 58 l3 -3 l3 3 l-3 3 Z"/></g>'
        '<ellipse cx="32" cy="44" rx="18" ry="7" fill="#ffffff" stroke="#2e86ab" stroke-width="2"/>'
        '<path d="M18 43 Q21 28 32 28 Q43 28 46 43 Z" fill="#f3d27a"/>'
        '<g fill="#e8742a"><rect x="23" y="36" width="4" height="2" rx="1"/><rect x="30" y="32" width="4" height="2" rx="1"/>'
        '<rect x="37" y="37" width="4" height="2" rx="1"/><rect x="28" y="40" width="4" height="2" rx="1"/></g>'
        '<ellipse cx="32" cy="29" rx="5" ry="2.5" fill="#8c4b2f"/>'
        '<g fill="#d99a4e" stroke="#a86a2a" stroke-width="1.5"><ellipse cx="9" cy="44" rx="7" ry="4"/>'
        '<ellipse cx="55" cy="44" rx="7" ry="4"/></g>'
        '<g fill="#a86a2a"><circle cx="9" cy="44" r="1"/><circle cx="6" cy="44" r="0.8"/><circle cx="12" cy="44" r="0.8"/>'
        '<circle cx="55" cy="44" r="1"/><circle cx="52" cy="44" r="0.8"/><circle cx="58" cy="44" r="0.8"/></g>'
        '<g fill="#ffffff" stroke="#2e86ab" stroke-width="1.5"><path d="M12 50 H20 L18 54 H14 Z"/>'
        '<path d="M44 50 H52 L50 54 H46 Z"/></g>'
        '<circle cx="26" cy="13" r="8" fill="none" stroke="#f2b705" stroke-width="3.5"/>'
        '<circle cx="37" cy="13" r="8" fill="none" stroke="#d4a017" stroke-width="3.5"/>'
    ),
    "loan-for-loan": (
        '<rect x="4" y="14" width="24" height="32" rx="2" fill="#e9ecef" stroke="#9aa5b1" stroke-width="2"/>'
        '<path d="M8 22 H24 M8 28 H24 M8 34 H18" stroke="#b8c2cc" stroke-width="2"/>'
        '<circle cx="21" cy="40" r="5" fill="#f5c542" stroke="#c79a1b" stroke-width="1.5"/>'
        '<rect x="36" y="20" width="24" height="32" rx="2" fill="#ffffff" stroke="#4a6fa5" stroke-width="2"/>'
        '<path d="M40 28 H56 M40 34 H56 M40 40 H50" stroke="#9fb3c8" stroke-width="2"/>'
        '<circle cx="53" cy="46" r="5" fill="#f5c542" stroke="#c79a1b" stroke-width="1.5"/>'
        '<path d="M46 16 Q34 2 22 10" fill="none" stroke="#4a6fa5" stroke-width="3" stroke-linecap="round"/>'
        '<path d="M18 6 L25 4 L24 13 Z" fill="#4a6fa5"/>'
        '<path d="M18 50 Q30 62 42 54" fill="none" stroke="#4a6fa5" stroke-width="3" stroke-linecap="round"/>'
        '<path d="M46 58 L39 60 L40 51 Z" fill="#4a6fa5"/>'
    ),
    "borrow-for-food": (
        '<rect x="4" y="4" width="30" height="26" rx="2" fill="#ffffff" stroke="#3b4a6b" stroke-width="2"/>'
        '<rect x="4" y="4" width="30" height="7" fill="#2e7d6b"/>'
        '<g fill="#f5c542" stroke="#c79a1b"><circle cx="11" cy="17" r="3"/><circle cx="19" cy="17" r="3"/>'
        '<circle cx="27" cy="17" r="3"/><circle cx="11" cy="25" r="3"/><circle cx="19" cy="25" r="3"/>'
        '<circle cx="27" cy="25" r="3"/></g>'
        '<path d="M8 42 H56 Q54 60 32 60 Q10 60 8 42 Z" fill="#2e86ab"/>'
        '<ellipse cx="32" cy="42" rx="24" ry="5" fill="#f5f5f5" stroke="#2e86ab" stroke-width="2"/>'
        '<circle cx="48" cy="14" r="7" fill="#f5c542" stroke="#c79a1b" stroke-width="2"/>'
        '<path d="M48 24 V34" stroke="#c79a1b" stroke-width="3" stroke-linecap="round"/>'
        '<path d="M43 31 L48 38 L53 31 Z" fill="#c79a1b"/>'
    ),
}

#: lesson id -> the glyphs its cards use
USES: dict[str, list[str]] = {
    "m00-welcome": [
        "money-abroad",
        "pension",
        "milk",
        "flour",
        "electricity",
        "phone-credit",
        "notebooks",
        "potatoes",
    ],
    "m01-where-money-comes-from": [
        "money-abroad",
        "pension",
        "apricots",
        "calf",
        "milk-yoghurt",
        "potatoes-onions",
        "flour",
    ],
    "m02-needs-and-wants": [
        "flour",
        "oil",
        "medicine",
        "electricity",
        "boots",
        "notebooks",
        "phone",
        "sweets",
        "curtains",
        "television",
    ],
    "m03-family-budget": [
        "rice-flour",
        "tea-sugar",
        "gas",
        "electricity",
        "phone-credit",
        "notebooks-pens",
        "uniform",
        "savings-box",
        "shop-debt",
    ],
    "m08-borrowing": [
        "greenhouse",
        "sewing-machine",
        "wedding-feast",
        "television",
        "medicine",
        "loan-for-loan",
        "borrow-for-food",
    ],
}
