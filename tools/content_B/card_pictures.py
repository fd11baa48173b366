"""The sort-card glyphs of lessons m04, m05 and m07: flat 64x64 drawings, no text.

``GLYPHS`` holds each drawing once; ``USES`` says which lesson uses which glyph. Every glyph is
written as ``assets/pictures/<lesson-id>-card-<name>.svg`` by

    .venv/bin/python tools/lesson_content.py --draw-cards

and ``tools/lesson_content.py --check`` fails when a picture differs from its glyph here.
"""

from __future__ import annotations

SKIN = "#e8b48a"

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
}
