"""Chart content: what the family sees, drawn on a matplotlib ``Axes`` that the caller gives.

No Qt and no pyplot here: the canvas lives in ``budget_tutor/ui/chart_canvas.py``. Each chart
class creates its artists once (:meth:`__init__`) and afterwards only changes their data
(:meth:`update`) and their words (:meth:`retranslate`), so an edit or a slider step never
rebuilds the figure. :meth:`dynamic_artists` lists the artists whose data change with the plan,
for blitting during a slider drag.

The numbers behind every chart come from plain functions (:func:`category_totals`,
:func:`cash_flow`, :func:`money_kept`) so they can be tested as integers. Money reaches
matplotlib only through :func:`budget_tutor.money.to_chart`; every word goes through ``_()`` at
draw time, month names through :func:`budget_tutor.model.month_name` and amounts through
:func:`budget_tutor.money.format_amount` in the locale given.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from budget_tutor.i18n import _, babel_locale, ngettext, safe_format
from budget_tutor.model import (
    EXPENSE_CATEGORY_NAMES,
    ExpenseCategory,
    Month,
    month_label,
    month_name,
)
from budget_tutor.money import MINOR_PER_MAJOR, currency_name, format_amount, format_money, to_chart

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.text import Text

    from budget_tutor.projection import Projection

# Okabe-Ito: distinguishable with the common kinds of colour blindness.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
INCOME_COLOUR = "#0072B2"
SPENDING_COLOUR = "#E69F00"
GAP_COLOUR = "#D55E00"
GOAL_COLOUR = "#009E73"
#: The running-short month: always red, and always with a text label beside it.
SHORT_COLOUR = "#C00000"

#: Font sizes in points at ``font_scale`` 1.0 (presentation mode multiplies them).
TICK_SIZE = 11.0
LABEL_SIZE = 12.0
TITLE_SIZE = 14.0
NOTE_SIZE = 11.0

#: Room around the axes in points at ``font_scale`` 1.0: (left, right, bottom). The fractions for
#: ``subplots_adjust`` are computed from the figure's real size when it changes (no layout
#: engine: ``layout="constrained"`` costs ~70 ms on every draw).
MARGIN_POINTS: dict[str, tuple[float, float, float]] = {
    "spending": (40.0, 14.0, 40.0),  # the left margin grows with the category names
    "cash_flow": (78.0, 12.0, 46.0),
    "savings": (78.0, 12.0, 46.0),
}
#: Average width of a character relative to the font size (DejaVu Sans), for margins.
CHAR_WIDTH = 0.62


# ------------------------------------------------------------------------------------------------
# the numbers behind the charts
# ------------------------------------------------------------------------------------------------


def category_totals(projection: Projection) -> list[tuple[ExpenseCategory, int]]:
    """Spending per category over the projection, largest first, categories with none left out."""
    totals = projection.summary.spending_by_category
    order = list(ExpenseCategory)
    items = [(cat, amount) for cat, amount in totals.items() if amount > 0]
    items.sort(key=lambda item: (-item[1], order.index(item[0])))
    return items


@dataclass(frozen=True)
class CashFlow:
    """Money in and out per month (dirams). ``gap`` is how far spending is above money in."""

    months: tuple[Month, ...]
    money_in: tuple[int, ...]  # income received + investment income
    money_out: tuple[int, ...]  # spending + debt payments + investment costs
    gap: tuple[int, ...]  # max(0, out - in)

    @property
    def gap_months(self) -> tuple[Month, ...]:
        return tuple(m for m, g in zip(self.months, self.gap, strict=True) if g > 0)


def cash_flow(projection: Projection) -> CashFlow:
    months, money_in, money_out, gap = [], [], [], []
    for row in projection.rows:
        inn = row.income + row.investment_income
        out = row.spending + row.debt_service + row.investment_costs
        months.append(row.month)
        money_in.append(inn)
        money_out.append(out)
        gap.append(max(0, out - inn))
    return CashFlow(tuple(months), tuple(money_in), tuple(money_out), tuple(gap))


def money_kept(projection: Projection) -> list[int]:
    """What the family holds at each month's end: all savings plus the purse (below zero when
    the money has run out)."""
    return [row.savings_total + row.cash_close for row in projection.rows]


def month_position(projection: Projection, month: Month | None) -> int | None:
    """The x position (0 = first projected month) of ``month``, None if outside the horizon."""
    if month is None or not projection.rows:
        return None
    pos = month.minus(projection.rows[0].month)
    return pos if 0 <= pos < len(projection.rows) else None


@functools.lru_cache(maxsize=128)
def _short_month_name(month: int, locale: str) -> str:
    return month_name(month, locale, short=True)


def month_ticks(months: Sequence[Month], locale: str) -> tuple[list[int], list[str]]:
    """Positions and labels for a month axis: every month up to 12 months (short names, the year
    under January and under the first month), then every quarter or every year."""
    n = len(months)
    step = 1 if n <= 13 else 3 if n <= 36 else 12
    positions, labels = [], []
    for i, m in enumerate(months):
        if i % step and not (step == 12 and m.month == 1):
            continue
        if step == 12 and m.month != 1 and i != 0:
            continue
        name = _short_month_name(m.month, locale)
        if i == 0 or m.month == 1:
            name = f"{name}\n{m.year}"
        positions.append(i)
        labels.append(name)
    return positions, labels


def amount_tick(value: float, locale: str) -> str:
    """A whole-somoni tick label for an axis value (major units) in the locale."""
    return format_amount(round(value) * MINOR_PER_MAJOR, locale)


def scenario_title(projection: Projection) -> str:
    """The name shown in legends: the scenario's name, or "Your plan now" for the baseline."""
    if projection.scenario_id is None:
        return _("Your plan now")
    return projection.scenario_name or _("Scenario")


def short_label(month: Month, locale: str) -> str:
    # Translators: beside the red mark on a chart. {month} is e.g. "February 2028".
    template = _("Money runs out: {month}")
    return safe_format(template, "Money runs out: {month}", month=month_label(month, locale))


#: With more lines than this, a money-runs-out note is only "✕ Mar 2027" (the table under the
#: chart says "money runs out" for each), so six of them fit above one another.
COMPACT_NOTES_FROM = 3
#: A month is "very tall" when it is this many times the median month (and the axis is clipped).
TALL_FACTOR = 3
#: The clipped axis ends this much above the tallest ordinary month.
CLIP_HEADROOM = 1.3


def axis_clip(heights: Sequence[int]) -> int | None:
    """Where to cut a bar chart's axis so that one very tall month (a 30,000 somoni toi) does
    not flatten every other month: None when no month is over :data:`TALL_FACTOR` times the
    median of the months with a bar; otherwise :data:`CLIP_HEADROOM` times the tallest of the
    other months (dirams). The tall bars are then drawn up to the top, broken and labelled."""
    bars = sorted(h for h in heights if h > 0)
    if len(bars) < 3:
        return None
    median = (
        bars[len(bars) // 2]
        if len(bars) % 2
        else (bars[len(bars) // 2 - 1] + bars[len(bars) // 2]) // 2
    )
    ordinary = [h for h in bars if h <= TALL_FACTOR * median]
    if len(ordinary) == len(bars) or not ordinary:
        return None
    return int(max(ordinary) * CLIP_HEADROOM)


def wrap_to(text: str, points: float, fontsize: float) -> str:
    """``text`` broken at spaces into lines about ``points`` wide at ``fontsize`` (amounts keep
    their no-break spaces), so a long label in Tajik or Russian stays inside the chart."""
    import textwrap

    chars = max(8, int(points / (fontsize * 0.66)))
    return "\n".join(
        textwrap.fill(line, chars, break_long_words=False, break_on_hyphens=False)
        for line in text.split("\n")
    )


def _whole_somoni(minor: int) -> int:
    """``minor`` rounded to whole somoni, halves away from zero (money.ROUNDING)."""
    from decimal import Decimal

    from budget_tutor.money import round_minor

    return round_minor(Decimal(minor) / MINOR_PER_MAJOR) * MINOR_PER_MAJOR


def _amount_ticks(axis: Any, has_data: bool) -> None:
    """Whole-somoni ticks (never "0 0 1 1" from fractions), and none at all on an empty chart
    (the locator is replaced only when that changes: an edit costs no new locator)."""
    from matplotlib.ticker import MaxNLocator, NullLocator

    current = axis.get_major_locator()
    if has_data and not (isinstance(current, MaxNLocator) and getattr(current, "_whole", False)):
        locator = MaxNLocator(nbins="auto", integer=True, min_n_ticks=3)
        locator._whole = True  # type: ignore[attr-defined]
        axis.set_major_locator(locator)
    elif not has_data and not isinstance(current, NullLocator):
        axis.set_major_locator(NullLocator())


# ------------------------------------------------------------------------------------------------
# chart base
# ------------------------------------------------------------------------------------------------


class _Chart:
    kind = ""

    def __init__(self, ax: Axes, locale: str | None = None, font_scale: float = 1.0) -> None:
        self.ax = ax
        self.figure = ax.figure
        self.locale = locale or babel_locale()
        self.font_scale = font_scale
        self._legend_state: tuple[object, ...] | None = None
        self._ticks_sized_for: float | None = None
        self.legend_rows = 0
        self.title_pad = 6.0
        self._amount_formatter()

    def _amount_formatter(self) -> None:
        from matplotlib.ticker import FuncFormatter

        axis = self.ax.xaxis if self.kind == "spending" else self.ax.yaxis
        axis.set_major_formatter(FuncFormatter(lambda v, _pos: amount_tick(v, self.locale)))

    def _size(self, base: float) -> float:
        return base * self.font_scale

    def set_locale(self, locale: str) -> None:
        """Switch month names, number format and words to ``locale`` (the active language)."""
        self.locale = locale
        self.retranslate()

    def set_font_scale(self, scale: float) -> None:
        self.font_scale = scale
        self._apply_sizes()
        self.relayout()

    # -- layout: margins in points, recomputed for the figure's size ---------------------------

    def _figure_points(self) -> tuple[float, float]:
        w_in, h_in = self.figure.get_size_inches()  # type: ignore[union-attr]
        return max(float(w_in) * 72.0, 1.0), max(float(h_in) * 72.0, 1.0)

    def _legend_entries(self) -> list[tuple[Artist, str]]:
        return []

    def _left_points(self) -> float:
        return MARGIN_POINTS[self.kind][0] * self.font_scale

    def _sync_legend(self) -> None:
        """(Re)make the legend above the axes when its entries, the width or the size change;
        as many columns as fit the figure's width."""
        entries = self._legend_entries()
        width, _height = self._figure_points()
        size = self._size(LABEL_SIZE)
        if not entries:
            legend = self.ax.get_legend()
            if legend is not None:
                legend.remove()
            self._legend_state = None
            self.legend_rows = 0
            return
        # A label longer than the chart is wide wraps onto more lines.
        # The legend starts at the axes' left edge: the room is what is right of it.
        room = width * (1.0 - min(0.45, self._left_points() / width)) - 3.5 * size - 12
        entries = [(h, wrap_to(label, room, size * 1.06)) for h, label in entries]
        longest = max(len(line) for _h, label in entries for line in label.split("\n"))
        column = longest * size * CHAR_WIDTH + 3.5 * size
        ncols = max(1, min(len(entries), int(width * 0.95 // column)))
        state = (tuple(id(h) for h, _l in entries), tuple(lb for _h, lb in entries), ncols, size)
        self.legend_rows = -(-len(entries) // ncols)
        if state == self._legend_state and self.ax.get_legend() is not None:
            return
        self._legend_state = state
        legend = self.ax.legend(
            handles=[h for h, _l in entries],
            labels=[lb for _h, lb in entries],
            loc="lower left",
            bbox_to_anchor=(0.0, 1.01),
            ncols=ncols,
            frameon=False,
            borderaxespad=0.0,
            fontsize=size,
        )
        # Legend handles copy their artist's state: keep them visible and out of blitting.
        for text in legend.get_texts():
            text.set_parse_math(False)  # scenario names may be the family's text
        for handle in legend.legend_handles:
            if handle is not None:
                handle.set_visible(True)
                handle.set_animated(False)

    def relayout(self) -> None:
        """Fit the axes in the figure: margins from points, the title above the legend."""
        self._sync_legend()
        width, height = self._figure_points()
        scale = self.font_scale
        _left, right, bottom = MARGIN_POINTS[self.kind]
        self.title_pad = 6.0 + self.legend_rows * self._size(LABEL_SIZE) * 1.9
        # A long title wraps at the figure's edge (below): room for as many lines as it needs.
        title_chars = len(self.ax.get_title(loc="left"))
        title_room = max(int(width * (1.0 - min(0.45, self._left_points() / width))), 1)
        title_width = int(title_chars * self._size(TITLE_SIZE) * CHAR_WIDTH)
        title_lines = max(1, -(-title_width // title_room))
        top = self.title_pad + self._size(TITLE_SIZE) * 1.4 * min(title_lines, 3) + 6.0
        left_frac = min(0.45, self._left_points() / width)
        right_frac = 1.0 - min(0.2, right / width)
        self.figure.subplots_adjust(
            left=left_frac,
            right=right_frac,
            bottom=min(0.4, bottom * scale / height),
            top=max(0.45, 1.0 - top / height),
        )
        title = self.ax.get_title(loc="left")
        if title:
            # wrap=True: a long title (Tajik and Russian are longer) wraps at the figure's edge
            self.ax.set_title(
                title, loc="left", pad=self.title_pad, fontsize=self._size(TITLE_SIZE), wrap=True
            )
        if getattr(self, "months", None):
            self._thin_month_labels(width * (right_frac - left_frac))

    def _thin_month_labels(self, axes_points: float) -> None:
        """On a narrow chart (a 1024-pixel screen, presentation mode) show every 2nd or 3rd
        month's label so that the labels never run into each other."""
        # All tick labels, hidden ones included (get_xticklabels() returns only visible ones).
        labels = [tick.label1 for tick in self.ax.xaxis.get_major_ticks()]
        positions = list(self.ax.get_xticks())
        if len(positions) < 2:
            return
        low, high = self.ax.get_xlim()
        spacing = axes_points * (positions[1] - positions[0]) / max(high - low, 1e-9)
        longest = max(
            (len(line) for label in labels for line in label.get_text().split("\n")), default=1
        )
        needed = 0.62 * self._size(TICK_SIZE) * longest + 4.0
        step = max(1, -(-int(needed) // max(int(spacing), 1)))
        for i, label in enumerate(labels):
            label.set_visible(i % step == 0)

    def title_text(self) -> Text:
        """The chart's title (every chart's title is left-aligned)."""
        # matplotlib has no public getter for the Text itself.
        title: Text = self.ax._left_title  # type: ignore[attr-defined]
        return title

    def _apply_sizes(self) -> None:
        if self._ticks_sized_for != self.font_scale:  # tick_params is slow: only on a change
            self.ax.tick_params(labelsize=self._size(TICK_SIZE))
            self._ticks_sized_for = self.font_scale
        self.title_text().set_fontsize(self._size(TITLE_SIZE))
        self.ax.xaxis.label.set_fontsize(self._size(LABEL_SIZE))
        self.ax.yaxis.label.set_fontsize(self._size(LABEL_SIZE))
        legend = self.ax.get_legend()
        if legend is not None:
            for text in legend.get_texts():
                text.set_fontsize(self._size(LABEL_SIZE))

    def retranslate(self) -> None:  # pragma: no cover - every chart overrides it
        raise NotImplementedError

    def dynamic_artists(self) -> list[Artist]:  # pragma: no cover - every chart overrides it
        raise NotImplementedError


# ------------------------------------------------------------------------------------------------
# spending by category
# ------------------------------------------------------------------------------------------------


class SpendingChart(_Chart):
    """Horizontal bars, one per category with spending, largest on top, amount beside each."""

    kind = "spending"

    def __init__(self, ax: Axes, locale: str | None = None, font_scale: float = 1.0) -> None:
        super().__init__(ax, locale, font_scale)
        slots = len(ExpenseCategory)
        self.bars = list(ax.barh(range(slots), [0.0] * slots, height=0.7, color=INCOME_COLOUR))
        self.value_texts = [
            ax.text(0, i, "", va="center", ha="left", fontsize=self._size(NOTE_SIZE))
            for i in range(slots)
        ]
        self.empty_text = ax.text(
            0.5,
            0.5,
            "",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=self._size(LABEL_SIZE),
            visible=False,
        )
        ax.invert_yaxis()
        ax.spines[["top", "right"]].set_visible(False)
        self.totals: list[tuple[ExpenseCategory, int]] = []
        self.months = 0
        self._apply_sizes()

    def update(self, projection: Projection, rescale: bool = True) -> None:
        self.totals = category_totals(projection)
        self.months = len(projection.rows)
        largest = max((to_chart(a) for _c, a in self.totals), default=0.0)
        for i, bar in enumerate(self.bars):
            text = self.value_texts[i]
            if i < len(self.totals):
                width = to_chart(self.totals[i][1])
                bar.set_width(width)
                bar.set_visible(True)
                text.set_position((width + largest * 0.02, i))
                text.set_visible(True)
            else:
                bar.set_width(0.0)
                bar.set_visible(False)
                text.set_visible(False)
        if rescale:
            self.ax.set_xlim(0, largest * 1.3 if largest > 0 else 1.0)
            self.ax.set_ylim(max(len(self.totals), 1) - 0.5, -0.5)
        _amount_ticks(self.ax.xaxis, largest > 0)
        self.retranslate()

    def retranslate(self) -> None:
        ax = self.ax
        ax.set_yticks(range(len(self.totals)))
        ax.set_yticklabels([_(EXPENSE_CATEGORY_NAMES[c]) for c, _a in self.totals])
        for i, (_cat, amount) in enumerate(self.totals):
            self.value_texts[i].set_text(format_amount(amount, self.locale, decimals=False))
        ax.set_title(
            safe_format(
                ngettext(
                    "Spending by category in {count} month",
                    "Spending by category in {count} months",
                    self.months,
                ),
                "Spending by category in {count} months",
                count=self.months,
            ),
            loc="left",
        )
        ax.set_xlabel(currency_name("TJS"))
        self.empty_text.set_text(_("No spending entered yet"))
        self.empty_text.set_visible(not self.totals)
        self._apply_sizes()
        self.relayout()

    def _left_points(self) -> float:
        names = [_(EXPENSE_CATEGORY_NAMES[c]) for c, _a in self.totals]
        longest = max((len(n) for n in names), default=0)
        return MARGIN_POINTS["spending"][0] + longest * self._size(TICK_SIZE) * CHAR_WIDTH

    def _apply_sizes(self) -> None:
        super()._apply_sizes()
        for text in self.value_texts:
            text.set_fontsize(self._size(NOTE_SIZE))
        self.empty_text.set_fontsize(self._size(LABEL_SIZE))

    def dynamic_artists(self) -> list[Artist]:
        return [*self.bars, *self.value_texts]


# ------------------------------------------------------------------------------------------------
# 12-month cash flow: money in against money out, the gap hatched, the short month in red
# ------------------------------------------------------------------------------------------------


class CashFlowChart(_Chart):
    kind = "cash_flow"
    BAR_WIDTH = 0.4

    def __init__(self, ax: Axes, locale: str | None = None, font_scale: float = 1.0) -> None:
        super().__init__(ax, locale, font_scale)
        self.flow: CashFlow | None = None
        self.months: tuple[Month, ...] = ()
        self.short_month: Month | None = None
        self.income_bars: list[Any] = []
        self.out_bars: list[Any] = []
        self.gap_bars: list[Any] = []
        self.short_line = ax.axvline(
            0, color=SHORT_COLOUR, linewidth=2.5, linestyle="--", visible=False
        )
        self.short_text = ax.text(
            0,
            0.97,
            "",
            transform=ax.get_xaxis_transform(),
            color=SHORT_COLOUR,
            ha="left",
            va="top",
            fontweight="bold",
            visible=False,
            fontsize=self._size(NOTE_SIZE),
        )
        #: The axis top (dirams) when one month is so tall it would flatten the others.
        self.clip_at: int | None = None
        self.clip_texts: list[Any] = []
        self.empty_text = ax.text(
            0.5,
            0.5,
            "",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=self._size(LABEL_SIZE),
            visible=False,
        )
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)

    def _label_clipped_bars(self) -> None:
        """Bars above the clipped axis end at its top, broken (≈), with their whole value."""
        assert self.flow is not None
        flow, clip = self.flow, self.clip_at
        top = self.ax.get_ylim()[1]
        for i, text in enumerate(self.clip_texts):
            tall = clip is not None and max(flow.money_in[i], flow.money_out[i]) > clip
            text.set_visible(tall)
            if tall:
                value = max(flow.money_in[i], flow.money_out[i])
                is_in = flow.money_in[i] >= flow.money_out[i]
                text.set_position(
                    (i - self.BAR_WIDTH / 2 if is_in else i + self.BAR_WIDTH / 2, top)
                )
                text.set_text("\u2248\n" + format_amount(value, self.locale, decimals=False))

    def _build_bars(self, n: int) -> None:
        for bar in (*self.income_bars, *self.out_bars, *self.gap_bars, *self.clip_texts):
            bar.remove()
        self.clip_texts = [
            self.ax.text(
                i,
                0,
                "",
                ha="center",
                va="top",
                fontsize=self._size(NOTE_SIZE),
                fontweight="bold",
                visible=False,
                clip_on=False,
                linespacing=0.9,
                bbox={"facecolor": "white", "edgecolor": "#555555", "pad": 1.5},
            )
            for i in range(n)
        ]
        w = self.BAR_WIDTH
        xs = [i - w / 2 for i in range(n)]
        self.income_bars = list(self.ax.bar(xs, [0.0] * n, width=w, color=INCOME_COLOUR))
        self.out_bars = list(
            self.ax.bar([i + w / 2 for i in range(n)], [0.0] * n, width=w, color=SPENDING_COLOUR)
        )
        self.gap_bars = list(
            self.ax.bar(
                xs,
                [0.0] * n,
                width=w,
                color="none",
                edgecolor=GAP_COLOUR,
                hatch="///",
                linewidth=1.5,
            )
        )
        self._legend_state = None

    def update(self, projection: Projection, rescale: bool = True) -> None:
        flow = cash_flow(projection)
        n = len(flow.months)
        rebuilt = n != len(self.income_bars)
        if rebuilt:
            self._build_bars(n)
        self.flow = flow
        self.months = flow.months
        for i in range(n):
            inn, out = to_chart(flow.money_in[i]), to_chart(flow.money_out[i])
            self.income_bars[i].set_height(inn)
            self.out_bars[i].set_height(out)
            self.gap_bars[i].set_y(inn)
            self.gap_bars[i].set_height(to_chart(flow.gap[i]))
            self.gap_bars[i].set_visible(flow.gap[i] > 0)
        self.short_month = projection.summary.first_short_month
        pos = month_position(projection, self.short_month)
        self.short_line.set_visible(pos is not None)
        self.short_text.set_visible(pos is not None)
        if pos is not None:
            self.short_line.set_xdata([pos, pos])
        if rescale:
            heights = [max(i, o) for i, o in zip(flow.money_in, flow.money_out, strict=True)]
            self.short_text.set_y(0.97 if axis_clip(heights) is None else 0.82)
            self.clip_at = axis_clip(heights)
            top = to_chart(self.clip_at if self.clip_at is not None else max(heights, default=0))
            self.ax.set_xlim(-0.6, max(n, 1) - 0.4)
            self.ax.set_ylim(0, top * 1.25 if top > 0 else 1.0)
            _amount_ticks(self.ax.yaxis, top > 0)
            self.empty_text.set_visible(top <= 0)
            self._label_clipped_bars()
        if rescale or rebuilt:
            self.retranslate()
        elif self.short_month is not None:
            self._fit_short_text()

    def _fit_short_text(self) -> None:
        """The running-short words on the side of the red line with more room, wrapped to it."""
        if self.short_month is None or not self.months:
            return
        pos = self.short_month.minus(self.months[0])
        low, high = self.ax.get_xlim()
        width, _height = self._figure_points()
        box = self.ax.get_position()
        axes_points = max(box.width * width, 1.0)
        right = (high - pos) / max(high - low, 1e-9) * axes_points - 6
        left = (pos - low) / max(high - low, 1e-9) * axes_points - 6
        on_right = right >= left
        self.short_text.set_x(pos + 0.1 if on_right else pos - 0.1)
        self.short_text.set_horizontalalignment("left" if on_right else "right")
        self.short_text.set_text(
            wrap_to(
                short_label(self.short_month, self.locale),
                max(right, left),
                float(self.short_text.get_fontsize()),
            )
        )

    def relayout(self) -> None:
        super().relayout()
        self._fit_short_text()  # the room beside the red line changes with the size

    def retranslate(self) -> None:
        positions, labels = month_ticks(self.months, self.locale)
        self.ax.set_xticks(positions)
        self.ax.set_xticklabels(labels)
        self.ax.set_title(_("Money in and money out, month by month"), loc="left")
        self.ax.set_ylabel(currency_name("TJS"))
        self.empty_text.set_text(_("No money in or out entered yet"))
        if self.flow is not None:
            self._label_clipped_bars()
        self._apply_sizes()
        self.relayout()

    def _legend_entries(self) -> list[tuple[Artist, str]]:
        if not self.income_bars:
            return []
        return [
            (self.income_bars[0], _("Money in")),
            (self.out_bars[0], _("Money out")),
            (self.gap_bars[0], _("Gap: more out than in")),
        ]

    def _apply_sizes(self) -> None:
        super()._apply_sizes()
        self.short_text.set_fontsize(self._size(NOTE_SIZE))
        self.empty_text.set_fontsize(self._size(LABEL_SIZE))
        for text in self.clip_texts:
            text.set_fontsize(self._size(NOTE_SIZE))

    def dynamic_artists(self) -> list[Artist]:
        return [
            *self.income_bars,
            *self.out_bars,
            *self.gap_bars,
            *self.clip_texts,
            self.short_line,
            self.short_text,
        ]


# ------------------------------------------------------------------------------------------------
# savings over time, per scenario, with goal lines, goal months and the short month
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineStyle:
    """How one scenario's line looks: colour, dash pattern and width (never position-based)."""

    colour: str
    dash: Any  # a matplotlib linestyle: "-", "--", (0, (5, 1, 1, 1))…
    width: float = 2.5


BASELINE_STYLE = LineStyle("#000000", "-", 3.2)
#: Scenario styles, Okabe-Ito colours (colour-blind safe) each with its own dash pattern, so two
#: lines differ even in a black-and-white handout.
SCENARIO_STYLES: tuple[LineStyle, ...] = (
    LineStyle("#0072B2", "--"),  # blue, dashed
    LineStyle("#E69F00", "-"),  # orange, solid
    LineStyle("#009E73", "-."),  # bluish green, dash-dot
    LineStyle("#CC79A7", (0, (1, 1.5))),  # reddish purple, dotted
    LineStyle("#56B4E9", (0, (6, 2, 1, 2, 1, 2))),  # sky blue, dash-dot-dot
    LineStyle("#882255", (0, (8, 3))),  # wine, long dashes
    LineStyle("#999933", (0, (3, 1, 3, 4))),  # olive
    LineStyle("#6B4C9A", (0, (2, 3))),  # violet, sparse dots
)


class ScenarioStyles:
    """A style per scenario, keyed by its identity (a scenario id), never by its position: a
    key keeps the style it was first given for as long as this object lives, so switching a
    preset off and on again does not swap colours. While fewer than ``len(SCENARIO_STYLES)``
    scenarios are shown together, no two of them share a style."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def styles(self, keys: Sequence[str | None]) -> list[LineStyle]:
        """The styles for ``keys`` (None: the plan as it is, always black and solid)."""
        shown = [k for k in keys if k is not None]
        in_use = {self._index[k] for k in shown if k in self._index}
        taken: set[int] = set()
        out = []
        for key in keys:
            if key is None:
                out.append(BASELINE_STYLE)
                continue
            index = self._index.get(key)
            if index is None or index in taken:
                index = self._free_index(in_use | taken)
                self._index[key] = index
            taken.add(index)
            out.append(SCENARIO_STYLES[index % len(SCENARIO_STYLES)])
        return out

    def _free_index(self, busy: set[int]) -> int:
        remembered = set(self._index.values())
        n = len(SCENARIO_STYLES)
        for candidates in (set(range(n)) - busy - remembered, set(range(n)) - busy):
            if candidates:
                return min(candidates)
        return max(busy, default=-1) + 1


def short_note_text(month: Month, locale: str) -> str:
    """The words beside a line that runs short: "Money runs out: Mar 2027" (one line, so six of
    them fit; how much is missing is said by the red area's label and the comparison)."""
    # Translators: beside the red mark on a chart. {month} is e.g. "Mar 2027".
    return safe_format(
        _("Money runs out: {month}"),
        "Money runs out: {month}",
        month=month_label(month, locale, short=True),
    )


def place_boxes(
    anchors: Sequence[tuple[float, float, float]],
    width: float,
    gap: float = 4.0,
    obstacles: Sequence[tuple[float, float, float, float]] = (),
) -> list[tuple[float, float, bool]]:
    """Place label boxes so that none overlaps another: ``anchors`` are (x, box width, box
    height) in points within an area ``width`` wide. Each box goes, in the first row from the
    top with room, to the right of its x, else to its left, else beside a box already in that
    row, and never on an ``obstacle`` (x0, y0, x1, y1). Returns (left, top, right_aligned) per
    box, in points from the area's left and top."""
    placed: list[tuple[float, float, float, float]] = list(obstacles)  # x0, y0, x1, y1 from top
    out: list[tuple[float, float, bool]] = []

    def free(box: tuple[float, float, float, float]) -> bool:
        return all(
            box[2] + gap <= p[0]
            or p[2] + gap <= box[0]
            or box[3] + gap <= p[1]
            or p[3] + gap <= box[1]
            for p in placed
        )

    for x, w, h in anchors:
        row_top = gap
        choice: tuple[float, float, bool] | None = None
        while choice is None:
            row = [p for p in placed if p[1] < row_top + h and row_top < p[3]]
            candidates = [(x + 6, False), (x - 6 - w, True)]
            candidates += [(p[2] + gap, False) for p in row] + [(p[0] - gap - w, True) for p in row]
            # First the places wholly inside the area, then any place pushed inside it (a box
            # wider than the area starts at its left edge); an empty row always has room.
            for inside_only in (True, False):
                for left, right_aligned in candidates:
                    if inside_only and (left < 0 or left + w > width):
                        continue
                    left = max(0.0, min(left, width - w))
                    box = (left, row_top, left + w, row_top + h)
                    if free(box):
                        choice = (left, row_top, right_aligned)
                        placed.append(box)
                        break
                if choice is not None:
                    break
            else:
                row_top += h + gap  # the next row down: below the last box there is room
        out.append(choice)
    return out


class SavingsChart(_Chart):
    """One line per projection (the first is the baseline): savings plus cash at each month's end.

    Each goal is a dashed horizontal line at its target; the month each line first reaches a goal
    is a green diamond on the goal line. Below zero the chart is a red hatched area, "short of
    money": amounts there are what is missing, never money kept. The first month a line runs
    short is a note in a box framed in the line's colour, "Money runs out: Mar 2027 / short by
    7,800 TJS", with a stroke to the point; the notes are placed so that none overlaps another.

    ``legend``: a legend above the axes (True), or none (the What if? table, which shows each
    line's colour and dash, is the legend there: the plot keeps its height with six scenarios).
    """

    kind = "savings"

    def __init__(
        self, ax: Axes, locale: str | None = None, font_scale: float = 1.0, legend: bool = True
    ) -> None:
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        super().__init__(ax, locale, font_scale)
        self.show_legend = legend
        self.lines: list[Any] = []
        self.goal_marks: list[Any] = []
        self.short_notes: list[Any] = []
        self.goal_lines: list[Any] = []
        self.goal_texts: list[Any] = []
        self.projections: tuple[Projection, ...] = ()
        self.names: tuple[str | None, ...] = ()
        self.months: tuple[Month, ...] = ()
        self.styles: list[LineStyle] = []
        self._own_styles = ScenarioStyles()
        self._measured: dict[tuple[str, float, float], tuple[float, float]] = {}
        ax.axhline(0, color="#555555", linewidth=0.8)
        self.short_area = ax.axhspan(
            -1.0,
            0.0,
            facecolor=(0.75, 0.0, 0.0, 0.07),
            edgecolor=(0.75, 0.0, 0.0, 0.35),
            hatch="//",
            linewidth=0.0,
            visible=False,
            zorder=0.5,
        )
        self.short_area_text = ax.text(
            0.99,
            0.02,
            "",
            transform=ax.transAxes,
            color=SHORT_COLOUR,
            ha="right",
            va="bottom",
            fontsize=self._size(NOTE_SIZE),
            visible=False,
            wrap=True,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 2},
        )
        ax.yaxis.set_major_formatter(
            # Below zero an amount is what is missing (the red area): no minus sign.
            FuncFormatter(lambda v, _pos: amount_tick(abs(v), self.locale))
        )
        self._tick_locator = MaxNLocator(nbins=6, integer=True, min_n_ticks=3)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)

    def set_legend(self, on: bool) -> None:
        """Show or hide the legend (an exported picture has one; the page does not)."""
        self.show_legend = on
        self.relayout()

    def _ensure(self, lines: int, goals: int) -> bool:
        """Make sure there are artists for ``lines`` projections and ``goals`` goals; True when
        artists had to be added (a full redraw is then needed)."""
        added = False
        while len(self.lines) < lines:
            (line,) = self.ax.plot([], [], label="", solid_capstyle="butt")
            (goal_mark,) = self.ax.plot(
                [],
                [],
                linestyle="none",
                marker="D",
                markersize=9,
                color=GOAL_COLOUR,
                markeredgewidth=2,
            )
            note = self.ax.annotate(
                "",
                xy=(0, 0),
                xytext=(0, 1),
                textcoords="axes points",
                color=SHORT_COLOUR,
                ha="left",
                va="top",
                visible=False,
                annotation_clip=False,
                fontsize=self._size(NOTE_SIZE),
                bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "linewidth": 2},
                arrowprops={"arrowstyle": "-", "linewidth": 1.5, "shrinkA": 0, "shrinkB": 3},
            )
            self.lines.append(line)
            self.goal_marks.append(goal_mark)
            self.short_notes.append(note)
            added = True
        while len(self.goal_lines) < goals:
            self.goal_lines.append(
                self.ax.axhline(0, color=GOAL_COLOUR, linestyle="--", linewidth=1.8)
            )
            self.goal_texts.append(
                self.ax.text(
                    0.0,
                    0,
                    "",
                    color=GOAL_COLOUR,
                    ha="left",
                    va="bottom",
                    transform=self.ax.get_yaxis_transform(),
                    fontsize=self._size(NOTE_SIZE),
                    # Goal names are the family's text: "$" is a dollar. (No wrap=True:
                    # matplotlib's wrapping reads "$…$" as math whatever parse_math says.)
                    parse_math=False,
                )
            )
            added = True
        return added

    def _apply_styles(self, styles: Sequence[LineStyle]) -> None:
        for i, style in enumerate(styles):
            line = self.lines[i]
            line.set_color(style.colour)
            line.set_linestyle(style.dash)
            line.set_linewidth(style.width)
            self.goal_marks[i].set_markeredgecolor(style.colour)
            note = self.short_notes[i]
            note.get_bbox_patch().set_edgecolor(style.colour)
            note.arrow_patch.set_color(style.colour)

    def update(
        self,
        projections: Sequence[Projection],
        names: Sequence[str | None] | None = None,
        rescale: bool = True,
        styles: Sequence[LineStyle] | None = None,
    ) -> bool:
        """Show ``projections`` (the first is the baseline). ``names`` overrides legend names
        (None entries: :func:`scenario_title`); ``styles`` gives each line its style (default:
        by scenario id, see :class:`ScenarioStyles`). Returns True if artists were added or
        removed from the legend, which needs a full redraw rather than a blit."""
        projections = tuple(projections)
        goals = projections[0].summary.goals if projections else ()
        previous_count = sum(1 for line in self.lines if line.get_visible())
        added = self._ensure(len(projections), len(goals))
        self.projections = projections
        self.names = tuple(names) if names is not None else (None,) * len(projections)
        self.months = tuple(r.month for r in projections[0].rows) if projections else ()
        if styles is None:
            styles = self._own_styles.styles([p.scenario_id for p in projections])
        restyled = list(styles) != self.styles[: len(styles)]
        self.styles = list(styles)
        if restyled:
            self._apply_styles(styles)
        values: list[float] = [0.0]
        for i, line in enumerate(self.lines):
            if i >= len(projections):
                for artist in (line, self.goal_marks[i], self.short_notes[i]):
                    artist.set_visible(False)
                continue
            proj = projections[i]
            ys = [to_chart(v) for v in money_kept(proj)]
            values.extend(ys)
            line.set_data(range(len(ys)), ys)
            line.set_visible(True)
            gx, gy = [], []
            for goal in proj.summary.goals:
                pos = month_position(proj, goal.reached)
                if pos is not None:
                    gx.append(pos)
                    gy.append(to_chart(goal.target))
            self.goal_marks[i].set_data(gx, gy)
            self.goal_marks[i].set_visible(bool(gx))
        for j, (gline, gtext) in enumerate(zip(self.goal_lines, self.goal_texts, strict=True)):
            if j < len(goals):
                y = to_chart(goals[j].target)
                values.append(y)
                gline.set_ydata([y, y])
                gline.set_visible(True)
                gtext.set_y(y)
                gtext.set_visible(True)
            else:
                gline.set_visible(False)
                gtext.set_visible(False)
        if rescale:
            low, high = min(values), max(values)
            span = (high - low) or 1.0
            self.ax.set_xlim(-0.5, max(len(self.months), 1) - 0.5)
            bottom, top = low - span * 0.08, high + span * 0.15
            self.ax.set_ylim(bottom, top)
            # Whole-somoni ticks inside the limits only (no tick label left outside the chart).
            ticks = self._tick_locator.tick_values(bottom, top)
            self.ax.set_yticks([t for t in ticks if bottom <= t <= top])
            self._show_short_area(low)
        if rescale or added:
            self.retranslate()
        else:
            # A slider step: only the texts that follow the data (ticks, legend and sizes wait
            # for the full draw when the drag ends).
            self._data_texts()
        return added or restyled or previous_count != len(projections)

    def _show_short_area(self, lowest: float) -> None:
        from budget_tutor.wording import balance_text

        bottom = self.ax.get_ylim()[0]
        short = lowest < 0
        self.short_area.set_visible(short)
        self.short_area_text.set_visible(short)
        if short:
            self.short_area.set_y(bottom)
            self.short_area.set_height(-bottom)
            worst = min(min(money_kept(p)) for p in self.projections)
            self.short_area_text.set_text(
                safe_format(
                    # Translators: inside the red area below zero on the savings chart.
                    # {shortfall} is "short by 24,900 TJS" (wording.balance_text).
                    _("At worst: {shortfall}"),
                    "At worst: {shortfall}",
                    shortfall=balance_text(_whole_somoni(worst), self.locale),
                )
            )

    def retranslate(self) -> None:
        positions, labels = month_ticks(self.months, self.locale)
        self.ax.set_xticks(positions)
        self.ax.set_xticklabels(labels)
        self.ax.set_title(_("Money kept: savings and cash"), loc="left")
        self.ax.set_ylabel(currency_name("TJS"))
        if self.projections and self.short_area.get_visible():
            self._show_short_area(-1.0)
        self._data_texts(place=False)  # relayout() places the notes, once
        self._apply_sizes()
        self.relayout()

    def relayout(self) -> None:
        """Fit the axes (see :meth:`_Chart.relayout`), then place the notes again: they are in
        points from the axes' corner, so a new size moves them."""
        super().relayout()
        self._place_short_notes()

    def _legend_entries(self) -> list[tuple[Artist, str]]:
        if not self.show_legend:
            return []
        return [(line, str(line.get_label())) for line in self.lines if line.get_visible()]

    def _data_texts(self, place: bool = True) -> None:
        goals = self.projections[0].summary.goals if self.projections else ()
        width, _height = self._figure_points()
        room = self.ax.get_position().width * width - 4
        for j, goal in enumerate(goals):
            text = safe_format(
                # Translators: label on a goal line: the goal's name and its target amount.
                _("Goal: {name}, {amount}"),
                "Goal: {name}, {amount}",
                name=goal.name,
                amount=format_money(goal.target, self.locale, decimals=False),
            )
            self.goal_texts[j].set_text(wrap_to(text, room, self._size(NOTE_SIZE)))
        for i, proj in enumerate(self.projections):
            name = self.names[i] if i < len(self.names) else None
            self.lines[i].set_label(name or scenario_title(proj))
        if place:
            self._place_short_notes()

    def _place_short_notes(self) -> None:
        """One note per line that runs short, none on top of another (see :func:`place_boxes`)."""
        shown: list[tuple[int, int, float]] = []  # line, x position, y value
        for i, proj in enumerate(self.projections):
            pos = month_position(proj, proj.summary.first_short_month)
            note = self.short_notes[i]
            if pos is None:
                note.set_visible(False)
                continue
            kept = money_kept(proj)
            month = proj.rows[pos].month
            note.set_text(
                short_note_text(month, self.locale)
                if len(self.projections) <= COMPACT_NOTES_FROM
                else f"\u2715 {month_label(month, self.locale, short=True)}"
            )
            note.xy = (pos, to_chart(kept[pos]))
            note.set_visible(True)
            shown.append((i, pos, to_chart(kept[pos])))
        if not shown:
            return
        width, height = self._axes_points()
        low, high = self.ax.get_xlim()
        renderer = _renderer(self.figure)
        anchors = []
        order = sorted(shown, key=lambda item: (item[1], item[0]))
        # Placed within the axes (a note wider than the axes starts at their left edge), in
        # points from the axes' left edge.
        figure_width = width
        axes_left = 0.0
        for i, pos, _y in order:
            note = self.short_notes[i]
            w, h = self._note_size(note, renderer)
            if w > width:  # longer than the chart is wide (a long language, a big font)
                month = self.projections[i].rows[pos].month
                note.set_text(f"\u2715 {month_label(month, self.locale, short=True)}")
                w, h = self._note_size(note, renderer)
            x = axes_left + (pos - low) / max(high - low, 1e-9) * width
            anchors.append((x, w, h))
        pad = self._size(NOTE_SIZE) * 0.3
        obstacles = []
        if self.short_area_text.get_visible() and renderer is not None:
            # The red area's label, right-aligned at the bottom of the axes.
            w, h = self._note_size(self.short_area_text, renderer)
            right = axes_left + width * 0.99
            bottom = height * 0.98
            obstacles.append((right - w, bottom - h, right, bottom))
        if renderer is not None:
            # The goal lines' labels (left, just above their line) stay readable too.
            bottom_value, top_value = self.ax.get_ylim()
            span = max(top_value - bottom_value, 1e-9)
            for text in self.goal_texts:
                if text.get_visible() and bottom_value <= text.get_position()[1] <= top_value:
                    w, h = self._note_size(text, renderer)
                    above = height * (text.get_position()[1] - bottom_value) / span
                    obstacles.append((0.0, height - above - h, w, height - above))
        placements = place_boxes(anchors, figure_width, obstacles=obstacles)
        for (i, _pos, _y), (_x, w, _h), (left, top, right_aligned) in zip(
            order, anchors, placements, strict=True
        ):
            note = self.short_notes[i]
            note.set_horizontalalignment("right" if right_aligned else "left")
            x = (left + w - pad if right_aligned else left + pad) - axes_left
            note.set_position((x, height - top - pad))

    def _axes_points(self) -> tuple[float, float]:
        width, height = self._figure_points()
        box = self.ax.get_position()
        return max(box.width * width, 1.0), max(box.height * height, 1.0)

    def _note_size(self, note: Any, renderer: Any) -> tuple[float, float]:
        """A note's box in points (measured when a renderer is at hand, else estimated)."""
        pad = self._size(NOTE_SIZE) * 0.3 * 2 + 2.0  # the box's padding and frame
        if renderer is not None:
            dpi = float(self.figure.dpi)
            # get_window_extent includes the stroke to the point: measure the text alone.
            key = (note.get_text(), note.get_fontsize(), dpi)
            size = self._measured.get(key)
            if size is None:
                from matplotlib.text import Text

                if len(self._measured) > 500:  # month names in a few languages and sizes
                    self._measured.clear()
                probe = Text(0, 0, note.get_text(), fontsize=note.get_fontsize(), parse_math=False)
                probe.set_figure(self.figure)
                box = probe.get_window_extent(renderer)
                size = self._measured[key] = (box.width * 72.0 / dpi, box.height * 72.0 / dpi)
            return size[0] + pad, size[1] + pad
        lines = note.get_text().split("\n")
        font = float(note.get_fontsize())
        return (
            max(len(line) for line in lines) * font * 0.7 + pad,
            len(lines) * font * 1.3 + pad,
        )

    def _apply_sizes(self) -> None:
        super()._apply_sizes()
        for text in (*self.goal_texts, self.short_area_text):
            text.set_fontsize(self._size(NOTE_SIZE))
        for note in self.short_notes:
            note.set_fontsize(self._size(NOTE_SIZE) * 0.9)

    def dynamic_artists(self) -> list[Artist]:
        return [*self.lines, *self.goal_marks, *self.short_notes]


def _renderer(figure: Any) -> Any:
    """A renderer to measure text with, or None (matplotlib keeps one per figure)."""
    try:
        return figure._get_renderer()
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - other matplotlib
        return None


def install_font(font_file: str) -> str:
    """Register a font file with matplotlib and make it the default; returns its family name.

    ``budget_tutor.resources.font_path()`` is DejaVu Sans, which has every Tajik letter.
    """
    import matplotlib
    from matplotlib import font_manager

    font_manager.fontManager.addfont(font_file)
    family = font_manager.FontProperties(fname=font_file).get_name()
    matplotlib.rcParams["font.family"] = [family]
    matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    return family
