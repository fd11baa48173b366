"""Charts drawn on a bare Figure, asserted by their artists' data and labels (not pixels)."""

from __future__ import annotations

import dataclasses

import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from budget_tutor import charts
from budget_tutor.charts import (
    SHORT_COLOUR,
    CashFlowChart,
    SavingsChart,
    SpendingChart,
    cash_flow,
    category_totals,
    money_kept,
    month_ticks,
)
from budget_tutor.model import (
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Month,
    OneOffCost,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
    month_label,
)
from budget_tutor.money import format_amount, major, to_chart
from budget_tutor.projection import project
from budget_tutor.scenarios import OneOffExpense, Scenario

SUMMER = (4, 5, 6, 7, 8, 9, 10)


def family_plan(remittance: int = 4000, opening: int = 6000) -> Plan:
    """Remittances (in somoni) from April to October, food all year, heating in winter."""
    return Plan(
        household=Household(
            name="Karimov", start_month=Month(2027, 1), opening_cash=major(opening)
        ),
        incomes=(
            Income(
                "r1",
                "Son in Moscow",
                IncomeKind.REMITTANCE,
                Schedule.monthly(major(remittance), SUMMER),
            ),
            Income("p1", "Pension", IncomeKind.PENSION, Schedule.monthly(major(600))),
        ),
        expenses=(
            Expense("e1", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(1500))),
            Expense(
                "e2", "Coal", ExpenseCategory.HEATING, Schedule.monthly(major(900), (1, 2, 11, 12))
            ),
            Expense("e3", "School", ExpenseCategory.EDUCATION, Schedule.monthly(major(300), (9,))),
        ),
        savings=(
            SavingsPlace(
                "s1", "Tin box", SavingsKind.CASH, contribution=Schedule.monthly(major(300), SUMMER)
            ),
        ),
        goals=(SavingsGoal("g1", "School uniform", major(600), "s1", Month(2027, 9)),),
    )


def axes() -> object:
    fig = Figure(figsize=(9, 5.6), dpi=100)
    return fig.add_subplot()


# -- the numbers -------------------------------------------------------------------------------


def test_category_totals_are_the_summary_sorted_largest_first() -> None:
    proj = project(family_plan(), 12)
    totals = category_totals(proj)
    assert [c for c, _a in totals] == [
        ExpenseCategory.FOOD,
        ExpenseCategory.HEATING,
        ExpenseCategory.EDUCATION,
    ]
    assert dict(totals) == {c: a for c, a in proj.summary.spending_by_category.items() if a > 0}
    assert dict(totals)[ExpenseCategory.FOOD] == major(1500) * 12


def test_cash_flow_shows_the_winter_gap() -> None:
    proj = project(family_plan(), 12)
    flow = cash_flow(proj)
    assert flow.money_in == tuple(r.income + r.investment_income for r in proj.rows)
    assert flow.money_out == tuple(
        r.spending + r.debt_service + r.investment_costs for r in proj.rows
    )
    assert [m.month for m in flow.gap_months] == [1, 2, 3, 11, 12]
    assert flow.gap[0] == major(1500 + 900 - 600)


def test_money_kept_is_savings_plus_purse() -> None:
    proj = project(family_plan(), 12)
    assert money_kept(proj) == [r.savings_total + r.cash_close for r in proj.rows]


def test_month_ticks_name_months_in_the_locale_and_thin_out_long_horizons() -> None:
    months = [Month(2027, 11).plus(i) for i in range(12)]
    pos, labels = month_ticks(months, "ru")
    assert pos == list(range(12))
    assert labels[0] == "нояб.\n2027"
    assert labels[2] == "янв.\n2028"
    assert labels[3] == "февр."
    long = [Month(2027, 1).plus(i) for i in range(120)]
    pos, labels = month_ticks(long, "en")
    assert pos == list(range(0, 120, 12))
    assert all(label.startswith("Jan\n") for label in labels)
    pos, _labels = month_ticks(long[:24], "tg")
    assert pos == list(range(0, 24, 3))


# -- spending by category ------------------------------------------------------------------------


def test_spending_bars_equal_the_category_totals() -> None:
    proj = project(family_plan(), 12)
    chart = SpendingChart(axes(), "en")
    chart.update(proj)
    totals = category_totals(proj)
    visible = [b for b in chart.bars if b.get_visible()]
    assert [b.get_width() for b in visible] == [to_chart(a) for _c, a in totals]
    assert [t.get_text() for t in chart.ax.get_yticklabels()] == [
        "Food",
        "Winter heating",
        "Education",
    ]
    assert chart.value_texts[0].get_text() == format_amount(major(18000), "en")
    assert chart.ax.get_title(loc="left") == "Spending by category in 12 months"
    assert not chart.empty_text.get_visible()


def test_spending_chart_with_no_spending_says_so() -> None:
    plan = family_plan().replace(expenses=())
    chart = SpendingChart(axes(), "en")
    chart.update(project(plan, 12))
    assert not any(b.get_visible() for b in chart.bars)
    assert chart.empty_text.get_visible()
    assert chart.empty_text.get_text() == "No spending entered yet"


def test_spending_update_keeps_the_same_artists() -> None:
    chart = SpendingChart(axes(), "en")
    chart.update(project(family_plan(), 12))
    patches_before = list(chart.ax.patches)
    bigger = family_plan().replace(
        expenses=(Expense("e1", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(2500))),)
    )
    chart.update(project(bigger, 12))
    assert list(chart.ax.patches) == patches_before
    assert chart.bars[0].get_width() == to_chart(major(2500) * 12)
    assert [b.get_visible() for b in chart.bars].count(True) == 1


# -- cash flow -------------------------------------------------------------------------------------


def test_cash_flow_bars_and_gap_hatching() -> None:
    proj = project(family_plan(), 12)
    chart = CashFlowChart(axes(), "en")
    chart.update(proj)
    flow = cash_flow(proj)
    assert [b.get_height() for b in chart.income_bars] == [to_chart(v) for v in flow.money_in]
    assert [b.get_height() for b in chart.out_bars] == [to_chart(v) for v in flow.money_out]
    gaps = [i for i, b in enumerate(chart.gap_bars) if b.get_visible()]
    assert gaps == [0, 1, 2, 10, 11]
    jan = chart.gap_bars[0]
    assert jan.get_y() == to_chart(flow.money_in[0])
    assert jan.get_y() + jan.get_height() == pytest.approx(to_chart(flow.money_out[0]))
    legend = [t.get_text() for t in chart.ax.get_legend().get_texts()]
    assert legend == ["Money in", "Money out", "Gap: more out than in"]
    labels = [t.get_text() for t in chart.ax.get_xticklabels()]
    assert labels[0] == "Jan\n2027" and labels[11] == "Dec"


def test_cash_flow_marks_the_first_short_month_in_red_with_words() -> None:
    poor = family_plan(remittance=1000, opening=0)
    proj = project(poor, 12)
    short = proj.summary.first_short_month
    assert short is not None
    chart = CashFlowChart(axes(), "en")
    chart.update(proj)
    pos = short.minus(Month(2027, 1))
    assert chart.short_line.get_visible()
    assert list(chart.short_line.get_xdata()) == [pos, pos]
    assert chart.short_line.get_color() == SHORT_COLOUR
    assert chart.short_text.get_visible()
    assert chart.short_text.get_text() == f"Money runs out: {month_label(short, 'en')}"
    # the money is enough: no red mark
    chart.update(project(family_plan(remittance=9000, opening=9000), 12))
    assert not chart.short_line.get_visible()
    assert not chart.short_text.get_visible()


def test_cash_flow_rebuilds_bars_only_when_the_horizon_changes() -> None:
    chart = CashFlowChart(axes(), "en")
    chart.update(project(family_plan(), 12))
    first = chart.income_bars[0]
    chart.update(project(family_plan(remittance=5000), 12))
    assert chart.income_bars[0] is first
    chart.update(project(family_plan(), 24))
    assert len(chart.income_bars) == 24
    assert len(chart.ax.patches) == 3 * 24


# -- savings over time ------------------------------------------------------------------------------


def test_savings_lines_goal_lines_and_goal_months() -> None:
    proj = project(family_plan(), 12)
    goal = proj.summary.goals[0]
    assert goal.reached is not None
    chart = SavingsChart(axes(), "en")
    chart.update([proj])
    assert list(chart.lines[0].get_ydata()) == [to_chart(v) for v in money_kept(proj)]
    assert list(chart.goal_lines[0].get_ydata()) == [to_chart(major(600))] * 2
    assert chart.goal_texts[0].get_text() == "Goal: School uniform, 600 TJS"
    xs, ys = chart.goal_marks[0].get_data()
    assert list(xs) == [goal.reached.minus(Month(2027, 1))]
    assert list(ys) == [to_chart(major(600))]
    assert chart.lines[0].get_label() == "Your plan now"
    assert not chart.short_notes[0].get_visible()
    assert not chart.short_area.get_visible()


def test_savings_chart_compares_scenarios_and_marks_running_short() -> None:
    plan = family_plan()
    wedding = Scenario(
        "w", "Wedding in October", (OneOffExpense("Wedding", major(40000), Month(2027, 10)),)
    )
    base, scen = project(plan, 12), project(plan, 12, wedding)
    short = scen.summary.first_short_month
    assert short is not None and base.summary.first_short_month is None
    chart = SavingsChart(axes(), "en")
    assert chart.update([base, scen])
    assert [ln.get_label() for ln in chart.lines[:2]] == ["Your plan now", "Wedding in October"]
    pos = short.minus(Month(2027, 1))
    note = chart.short_notes[1]
    assert note.xy == (pos, to_chart(money_kept(scen)[pos]))
    assert note.get_color() == SHORT_COLOUR
    assert note.get_text() == f"Money runs out: {month_label(short, 'en', short=True)}"
    assert note.get_visible()
    # the box is framed in the colour of its line
    assert note.get_bbox_patch().get_edgecolor() == to_rgba(chart.lines[1].get_color())
    legend = [t.get_text() for t in chart.ax.get_legend().get_texts()]
    assert legend == ["Your plan now", "Wedding in October"]
    # the same number of scenarios again: no artists added, a blit is enough
    lines = list(chart.ax.lines)
    assert not chart.update([base, scen], rescale=False)
    assert list(chart.ax.lines) == lines
    # fewer scenarios hide the extra line
    assert chart.update([base])
    assert not chart.lines[1].get_visible()
    assert not chart.short_notes[1].get_visible()


def test_savings_chart_y_limits_hold_during_a_drag() -> None:
    plan = family_plan()
    chart = SavingsChart(axes(), "en")
    chart.update([project(plan, 12)])
    limits = chart.ax.get_ylim()
    richer = project(family_plan(remittance=20000), 12)
    chart.update([richer], rescale=False)
    assert chart.ax.get_ylim() == limits
    chart.update([richer])
    assert chart.ax.get_ylim()[1] >= max(to_chart(v) for v in money_kept(richer))


# -- language, number format, sizes -----------------------------------------------------------------


def test_set_locale_changes_month_names_and_amount_format_without_new_artists() -> None:
    chart = SavingsChart(axes(), "en")
    chart.update([project(family_plan(remittance=30000), 12)])
    artists = list(chart.ax.get_children())
    chart.set_locale("ru")
    assert [t.get_text() for t in chart.ax.get_xticklabels()][:2] == ["янв.\n2027", "февр."]
    assert chart.ax.yaxis.get_major_formatter()(12345.0, 0) == "12\u00a0345"
    assert chart.ax.yaxis.get_major_formatter()(12345.0, 0) == format_amount(major(12345), "ru")
    assert chart.goal_texts[0].get_text() == "Goal: School uniform, 600 TJS"
    assert [a for a in chart.ax.get_children() if a not in artists] == []


def test_font_scale_makes_the_text_larger() -> None:
    chart = CashFlowChart(axes(), "en")
    chart.update(project(family_plan(remittance=500, opening=0), 12))
    normal = chart.title_text().get_fontsize(), chart.short_text.get_fontsize()
    chart.set_font_scale(1.5)
    assert chart.title_text().get_fontsize() == pytest.approx(normal[0] * 1.5)
    assert chart.short_text.get_fontsize() == pytest.approx(normal[1] * 1.5)
    tick = chart.ax.get_xticklabels()[0]
    assert tick.get_fontsize() == pytest.approx(charts.TICK_SIZE * 1.5)


def test_hand_built_projection_marks_the_short_month() -> None:
    """Independent of the projection engine: a projection written out by hand."""
    real = project(family_plan(), 3)
    rows = [
        dataclasses.replace(r, cash_close=c, savings_close={})
        for r, c in zip(real.rows, [major(100), major(-50), major(-80)], strict=True)
    ]
    summary = dataclasses.replace(real.summary, first_short_month=Month(2027, 2), goals=())
    proj = dataclasses.replace(real, rows=tuple(rows), summary=summary)
    chart = SavingsChart(axes(), "en")
    chart.update([proj])
    assert list(chart.lines[0].get_ydata()) == [100.0, -50.0, -80.0]
    note = chart.short_notes[0]
    assert note.xy == (1, -50.0)
    assert note.get_text() == "Money runs out: Feb 2027"
    low, _high = chart.ax.get_ylim()
    assert low < -80.0
    # below zero is a red hatched area, "short", and its amounts carry no minus sign
    area = chart.short_area
    assert area.get_visible() and area.get_hatch() == "//"
    assert area.get_y() == pytest.approx(low) and area.get_y() + area.get_height() == 0.0
    assert chart.short_area_text.get_text() == "At worst: short by 80 TJS"
    formatter = chart.ax.yaxis.get_major_formatter()
    assert formatter(-80.0, 0) == "80" and formatter(100.0, 0) == "100"


def test_charts_draw_tajik_letters_with_the_bundled_font() -> None:
    import io
    import warnings

    from budget_tutor.resources import font_path

    family = charts.install_font(str(font_path()))
    assert family == "DejaVu Sans"
    goal = SavingsGoal("g1", "Ҷиҳози мактаб, ӯқӣ ғӯзаҳо", major(600), "s1")
    plan = family_plan().replace(goals=(goal,))
    fig = Figure(figsize=(9, 5.6), dpi=60)
    chart = SavingsChart(fig.add_subplot(), "tg")
    chart.update([project(plan, 12)])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert chart.goal_texts[0].get_text().startswith("Goal: Ҷиҳози мактаб")
    assert chart.ax.get_xticklabels()[0].get_text() == "Янв\n2027"


@pytest.mark.parametrize(("size", "scale"), [((9, 5.6), 1.0), ((6.4, 4.0), 1.0), ((9, 5.6), 1.5)])
def test_title_legend_and_ticks_fit_in_the_figure(size: tuple[float, float], scale: float) -> None:
    fig = Figure(figsize=size, dpi=100)
    chart = SavingsChart(fig.add_subplot(), "ru", font_scale=scale)
    plan = family_plan()
    long_names = [
        "Ҳамин пулро ба амонат гузоштан",
        "Туй дар тирамоҳи оянда",
        "Гов харидан",
        "Ваши изменения",
        None,
    ]
    chart.update([project(plan, 24)] * 5, names=long_names)
    fig.draw_without_rendering()  # lays the texts out
    fig_box = fig.bbox
    legend = chart.ax.get_legend().get_window_extent()
    title = chart.title_text().get_window_extent()
    axes = chart.ax.get_window_extent()
    assert chart.legend_rows >= 2
    assert legend.y0 >= axes.y1 - 1
    assert title.y0 >= legend.y1 - 1, "the title overlaps the legend"
    assert title.y1 <= fig_box.y1 + 1 and legend.x1 <= fig_box.x1 + 1
    for label in chart.ax.get_xticklabels() + chart.ax.get_yticklabels():
        box = label.get_window_extent()
        assert box.y0 >= -1 and box.x0 >= -1, f"{label.get_text()!r} is cut off"


def test_names_the_family_typed_are_never_read_as_math() -> None:
    import io

    goal = SavingsGoal("g1", r"Car $\alpha^$ now", major(600), "s1")
    plan = family_plan().replace(goals=(goal,))
    fig = Figure(figsize=(9, 5.6), dpi=60)
    chart = SavingsChart(fig.add_subplot(), "en")
    chart.update([project(plan, 12), project(plan, 12)], names=[None, r"$\alpha^$ plan"])
    fig.savefig(io.BytesIO(), format="png")  # invalid mathtext would raise here
    assert chart.goal_texts[0].get_text() == r"Goal: Car $\alpha^$ now, 600 TJS"
    legend = [t.get_text() for t in chart.ax.get_legend().get_texts()]
    assert legend == ["Your plan now", r"$\alpha^$ plan"]


def test_month_labels_thin_out_on_a_narrow_chart_and_not_on_a_wide_one() -> None:
    proj = project(family_plan(), 12)
    wide = CashFlowChart(Figure(figsize=(9, 5.6), dpi=100).add_subplot(), "ru")
    wide.update(proj)
    assert all(t.label1.get_visible() for t in wide.ax.xaxis.get_major_ticks())
    narrow = CashFlowChart(Figure(figsize=(4.2, 5.6), dpi=100).add_subplot(), "ru", 1.5)
    narrow.update(proj)
    shown = [t.label1.get_visible() for t in narrow.ax.xaxis.get_major_ticks()]
    assert len(shown) == 12
    assert shown[0] and not all(shown) and any(shown[1:])


# -- a room of scenarios: styles, notes that never overlap, shortfalls, tall months ---------------


def test_scenario_styles_follow_the_scenario_not_its_position() -> None:
    styles = charts.ScenarioStyles()
    first = styles.styles([None, "rouble", "wedding", "cow"])
    assert first[0] == charts.BASELINE_STYLE
    assert len({(st.colour, st.dash) for st in first}) == 4
    # the wedding switched off: the cow keeps its colour and dash although it moved up a place
    second = styles.styles([None, "rouble", "cow"])
    assert second == [first[0], first[1], first[3]]
    # and on again, after a new scenario came: everybody keeps theirs, the new one gets a free one
    third = styles.styles([None, "rouble", "cow", "deposit", "wedding"])
    assert third[:3] == second and third[4] == first[2]
    assert third[3] not in first
    six = styles.styles([None, "a", "b", "c", "d", "e", "f"])
    assert len({(st.colour, str(st.dash)) for st in six}) == 7


def test_chart_lines_keep_their_style_when_a_scenario_is_taken_away() -> None:
    plan = family_plan()
    wedding = Scenario("w", "W", (OneOffExpense("Wedding", major(9000), Month(2027, 10)),))
    roof = Scenario("r", "R", (OneOffExpense("Roof", major(3000), Month(2027, 5)),))
    base, w, r = project(plan, 12), project(plan, 12, wedding), project(plan, 12, roof)
    chart = SavingsChart(axes(), "en")
    chart.update([base, w, r])
    roof_style = (chart.lines[2].get_color(), chart.lines[2].get_linestyle())
    chart.update([base, r])
    assert (chart.lines[1].get_color(), chart.lines[1].get_linestyle()) == roof_style
    assert chart.lines[0].get_color() == charts.BASELINE_STYLE.colour


def _short_plan() -> Plan:
    """Nothing saved, 500 somoni in the purse, food 1,500 a month and no income until April."""
    return family_plan(opening=500).replace(savings=(), goals=())


@pytest.mark.parametrize(("width", "scale"), [(6.6, 1.0), (6.6, 1.5), (9.0, 1.0), (5.2, 1.5)])
def test_six_money_runs_out_notes_never_overlap(width: float, scale: float) -> None:
    plan = _short_plan()
    # six scenarios that all run short in January 2027 (the same point), or a month later
    scenarios = [
        Scenario(f"s{i}", f"S{i}", (OneOffExpense("X", major(100 * i), Month(2027, 1 + i % 2)),))
        for i in range(6)
    ]
    projections = [project(plan, 12)] + [project(plan, 12, sc) for sc in scenarios]
    assert all(p.summary.first_short_month is not None for p in projections)
    fig = Figure(figsize=(width, 4.2), dpi=100)
    chart = SavingsChart(fig.add_subplot(), "ru", font_scale=scale, legend=False)
    chart.update(projections)
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    boxes = [n.get_bbox_patch().get_window_extent(renderer) for n in chart.short_notes[:7]]
    boxes.append(chart.short_area_text.get_window_extent(renderer))  # the red area's label
    assert all(n.get_visible() for n in chart.short_notes[:7])
    assert chart.short_area_text.get_visible()
    for i, a in enumerate(boxes):
        assert a.x0 >= -1 and a.x1 <= fig.bbox.x1 + 1, f"note {i} leaves the figure"
        for j, b in enumerate(boxes[:i]):
            overlap = a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1
            assert not overlap, f"notes {j} and {i} overlap: {b} / {a}"
    # no legend: the page's table is the legend, and the plot keeps its height
    assert chart.ax.get_legend() is None
    single = SavingsChart(Figure(figsize=(width, 4.2), dpi=100).add_subplot(), "ru", scale, False)
    single.update(projections[:1])
    assert single.ax.get_position().height == pytest.approx(chart.ax.get_position().height)


def test_place_boxes_by_hand() -> None:
    # two 50×10 boxes anchored at the same x: the second goes beside the first (66 + 4 gap)
    assert charts.place_boxes([(10, 50, 10), (10, 50, 10)], 200) == [(16, 4, False), (70, 4, False)]
    # a third and fourth: no room left in the row (70 + 50 + 4 + 50 > 200 − …), so one row down
    assert charts.place_boxes([(10, 50, 10)] * 4, 150)[2:] == [(16, 18, False), (70, 18, False)]
    # near the right edge a box goes to the left of its x
    assert charts.place_boxes([(190, 50, 10)], 200) == [(134, 4, True)]
    # too wide for either side of its x: pushed inside the area
    assert charts.place_boxes([(100, 150, 10)], 200) == [(50, 4, False)]
    # an obstacle (the red area's label) is never covered
    assert charts.place_boxes([(10, 50, 10)], 200, obstacles=[(0, 0, 200, 20)]) == [
        (16, 32, False)  # rows at 4, 18 and 32: the first two touch the obstacle
    ]


def test_axis_clip_by_hand() -> None:
    assert charts.axis_clip([100, 120, 130]) is None
    # median of 100, 110, 120, 1000 is 115; 1000 > 3 × 115, the others are not: 120 × 1.3
    assert charts.axis_clip([100, 110, 0, 120, 1000]) == 156
    assert charts.axis_clip([0, 0, 0]) is None


def test_a_very_tall_month_keeps_the_winter_gap_visible() -> None:
    plan = family_plan().replace(
        one_offs=(
            OneOffCost("t", "Toi", ExpenseCategory.CEREMONIES, major(30000), Month(2027, 10)),
        )
    )
    chart = CashFlowChart(axes(), "en")
    chart.update(project(plan, 12))
    top = chart.ax.get_ylim()[1]
    # months other than October: at most 4,600 in (4,000 + 600) or 2,400 out (food and coal)
    assert top == pytest.approx(4600 * 1.3 * 1.25)
    # the January gap (2,400 out − 600 in = 1,800) is a visible part of the axis
    assert chart.gap_bars[0].get_height() == 1800.0
    assert chart.gap_bars[0].get_height() / top > 0.2
    # October's bar is cut at the top and says its value: 30,000 + 1,500 food
    october = chart.clip_texts[9]
    assert october.get_visible() and october.get_text() == "\u2248\n31,500"
    assert [t.get_visible() for t in chart.clip_texts].count(True) == 1
    # without the toi, no month is cut
    plain = CashFlowChart(axes(), "en")
    plain.update(project(family_plan(), 12))
    assert plain.clip_at is None and not any(t.get_visible() for t in plain.clip_texts)


def test_empty_charts_show_no_amount_ticks() -> None:
    empty = Plan(household=Household(name="New", start_month=Month(2027, 1)))
    flow = CashFlowChart(axes(), "en")
    flow.update(project(empty, 12))
    flow.figure.draw_without_rendering()
    assert [t.get_text() for t in flow.ax.get_yticklabels()] == []
    assert flow.empty_text.get_visible()
    assert flow.empty_text.get_text() == "No money in or out entered yet"
    spending = SpendingChart(axes(), "en")
    spending.update(project(empty, 12))
    spending.figure.draw_without_rendering()
    assert [t.get_text() for t in spending.ax.get_xticklabels()] == []
    # with money, whole somoni only: no "0 0 1 1" from fractions of a somoni
    tiny = empty.replace(
        expenses=(Expense("e", "Salt", ExpenseCategory.FOOD, Schedule.monthly(2 * 100)),)
    )
    spending.update(project(tiny, 12))
    spending.figure.draw_without_rendering()
    labels = [t.get_text() for t in spending.ax.get_xticklabels()]
    assert labels and len(labels) == len(set(labels))
