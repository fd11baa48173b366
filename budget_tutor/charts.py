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
        column = max(len(label) for _h, label in entries) * size * CHAR_WIDTH + 3.5 * size
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
        top = self.title_pad + self._size(TITLE_SIZE) * 1.4 + 6.0
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
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)

    def _build_bars(self, n: int) -> None:
        for bar in (*self.income_bars, *self.out_bars, *self.gap_bars):
            bar.remove()
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
            self.short_text.set_x(pos + 0.1 if pos < n - 3 else pos - 0.1)
            self.short_text.set_horizontalalignment("left" if pos < n - 3 else "right")
        if rescale:
            top = max((to_chart(v) for v in (*flow.money_in, *flow.money_out)), default=0.0)
            self.ax.set_xlim(-0.6, max(n, 1) - 0.4)
            self.ax.set_ylim(0, top * 1.25 if top > 0 else 1.0)
        if rescale or rebuilt:
            self.retranslate()
        elif self.short_month is not None:
            self.short_text.set_text(short_label(self.short_month, self.locale))

    def retranslate(self) -> None:
        positions, labels = month_ticks(self.months, self.locale)
        self.ax.set_xticks(positions)
        self.ax.set_xticklabels(labels)
        self.ax.set_title(_("Money in and money out, month by month"), loc="left")
        self.ax.set_ylabel(currency_name("TJS"))
        if self.short_month is not None:
            self.short_text.set_text(short_label(self.short_month, self.locale))
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

    def dynamic_artists(self) -> list[Artist]:
        return [*self.income_bars, *self.out_bars, *self.gap_bars, self.short_line, self.short_text]


# ------------------------------------------------------------------------------------------------
# savings over time, per scenario, with goal lines, goal months and the short month
# ------------------------------------------------------------------------------------------------


class SavingsChart(_Chart):
    """One line per projection (the first is the baseline): savings plus cash at each month's end.

    Each goal is a dashed horizontal line at its target; the month each line first reaches a goal
    is a green diamond on the goal line; the first month a line runs short is a red cross with
    the words "Money runs out: <month>" beside it.
    """

    kind = "savings"

    def __init__(self, ax: Axes, locale: str | None = None, font_scale: float = 1.0) -> None:
        super().__init__(ax, locale, font_scale)
        self.lines: list[Any] = []
        self.goal_marks: list[Any] = []
        self.short_marks: list[Any] = []
        self.short_texts: list[Any] = []
        self.goal_lines: list[Any] = []
        self.goal_texts: list[Any] = []
        self.projections: tuple[Projection, ...] = ()
        self.names: tuple[str | None, ...] = ()
        self.months: tuple[Month, ...] = ()
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)

    def _ensure(self, lines: int, goals: int) -> bool:
        """Make sure there are artists for ``lines`` projections and ``goals`` goals; True when
        artists had to be added (a full redraw is then needed)."""
        added = False
        while len(self.lines) < lines:
            i = len(self.lines)
            colour = PALETTE[i % len(PALETTE)]
            style = ("-", "--", "-.", ":")[(i // len(PALETTE) + i) % 4]
            (line,) = self.ax.plot(
                [], [], color=colour, linewidth=3.0 if i == 0 else 2.5, linestyle=style, label=""
            )
            (goal_mark,) = self.ax.plot(
                [],
                [],
                linestyle="none",
                marker="D",
                markersize=9,
                color=GOAL_COLOUR,
                markeredgecolor=colour,
                markeredgewidth=2,
            )
            (short_mark,) = self.ax.plot(
                [],
                [],
                linestyle="none",
                marker="X",
                markersize=14,
                color=SHORT_COLOUR,
                markeredgecolor="white",
            )
            short_text = self.ax.text(
                0,
                0,
                "",
                color=SHORT_COLOUR,
                fontweight="bold",
                ha="left",
                va="top",
                visible=False,
                fontsize=self._size(NOTE_SIZE),
            )
            self.lines.append(line)
            self.goal_marks.append(goal_mark)
            self.short_marks.append(short_mark)
            self.short_texts.append(short_text)
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
                    parse_math=False,  # goal names are the family's text: "$" is a dollar
                )
            )
            added = True
        return added

    def update(
        self,
        projections: Sequence[Projection],
        names: Sequence[str | None] | None = None,
        rescale: bool = True,
    ) -> bool:
        """Show ``projections`` (the first is the baseline). ``names`` overrides legend names
        (None entries: :func:`scenario_title`). Returns True if artists were added or removed
        from the legend, which needs a full redraw rather than a blit."""
        projections = tuple(projections)
        goals = projections[0].summary.goals if projections else ()
        previous_count = sum(1 for line in self.lines if line.get_visible())
        added = self._ensure(len(projections), len(goals))
        self.projections = projections
        self.names = tuple(names) if names is not None else (None,) * len(projections)
        self.months = tuple(r.month for r in projections[0].rows) if projections else ()
        values: list[float] = [0.0]
        for i, line in enumerate(self.lines):
            if i >= len(projections):
                for artist in (line, self.goal_marks[i], self.short_marks[i], self.short_texts[i]):
                    artist.set_visible(False)
                continue
            proj = projections[i]
            ys = [to_chart(v) for v in money_kept(proj)]
            xs = list(range(len(ys)))
            values.extend(ys)
            line.set_data(xs, ys)
            line.set_visible(True)
            gx, gy = [], []
            for goal in proj.summary.goals:
                pos = month_position(proj, goal.reached)
                if pos is not None:
                    gx.append(pos)
                    gy.append(to_chart(goal.target))
            self.goal_marks[i].set_data(gx, gy)
            self.goal_marks[i].set_visible(bool(gx))
            pos = month_position(proj, proj.summary.first_short_month)
            mark, text = self.short_marks[i], self.short_texts[i]
            if pos is None:
                mark.set_visible(False)
                text.set_visible(False)
            else:
                mark.set_data([pos], [ys[pos]])
                mark.set_visible(True)
                text.set_position((pos + 0.2, ys[pos]))
                text.set_horizontalalignment("left" if pos < len(ys) * 0.7 else "right")
                text.set_visible(True)
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
            self.ax.set_ylim(low - span * 0.08, high + span * 0.15)
        if rescale or added:
            self.retranslate()
        else:
            # A slider step: only the texts that follow the data (ticks, legend and sizes wait
            # for the full draw when the drag ends).
            self._data_texts()
        return added or previous_count != len(projections)

    def retranslate(self) -> None:
        positions, labels = month_ticks(self.months, self.locale)
        self.ax.set_xticks(positions)
        self.ax.set_xticklabels(labels)
        self.ax.set_title(_("Money kept: savings and cash"), loc="left")
        self.ax.set_ylabel(currency_name("TJS"))
        self._data_texts()
        self._apply_sizes()
        self.relayout()

    def _legend_entries(self) -> list[tuple[Artist, str]]:
        return [(line, str(line.get_label())) for line in self.lines if line.get_visible()]

    def _data_texts(self) -> None:
        goals = self.projections[0].summary.goals if self.projections else ()
        for j, goal in enumerate(goals):
            self.goal_texts[j].set_text(
                safe_format(
                    # Translators: label on a goal line: the goal's name and its target amount.
                    _("Goal: {name}, {amount}"),
                    "Goal: {name}, {amount}",
                    name=goal.name,
                    amount=format_money(goal.target, self.locale, decimals=False),
                )
            )
        for i, proj in enumerate(self.projections):
            if proj.summary.first_short_month is not None:
                self.short_texts[i].set_text(
                    short_label(proj.summary.first_short_month, self.locale)
                )
            name = self.names[i] if i < len(self.names) else None
            self.lines[i].set_label(name or scenario_title(proj))

    def _apply_sizes(self) -> None:
        super()._apply_sizes()
        for text in (*self.short_texts, *self.goal_texts):
            text.set_fontsize(self._size(NOTE_SIZE))

    def dynamic_artists(self) -> list[Artist]:
        return [*self.lines, *self.goal_marks, *self.short_marks, *self.short_texts]


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
