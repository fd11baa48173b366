"""WhatIfLeftColumn: the What if? page's left column — presets, sliders, kept scenarios — which
scrolls, and is as wide as its texts need (they change with the language and the font) up to a
third of the page, so that preset titles and slider values are never cut and the comparison
keeps room for six scenarios."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget


class WhatIfLeftColumn(QScrollArea):
    #: The largest share of the page the column takes (more only if its words need it).
    SHARE = 0.33

    def __init__(self, *panels: QWidget) -> None:
        super().__init__()
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for panel in panels:
            layout.addWidget(panel)
        layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(inner)

    def fit(self, page_width: int) -> None:
        """At least as wide as its longest word and field, at most :data:`SHARE` of the page."""
        inner = self.widget()
        extra = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth() + 8
        want = inner.sizeHint().width() + extra
        least = inner.minimumSizeHint().width() + extra
        self.setFixedWidth(max(least, min(want, int(page_width * self.SHARE))))
