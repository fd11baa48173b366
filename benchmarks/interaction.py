"""Interaction figures, measured in one offscreen app process (the real MainWindow and pages).

* slider drag step -> chart pixels updated (What if?), against blitting the same artists, and
  no full redraw during the drag;
* slider release, and an edit of an amount (My plan) -> chart updated, against a plain
  ``canvas.draw()`` of the same figure, and exactly one redraw;
* a language switch of the whole window with its charts, against a plain ``canvas.draw()`` of
  the visible charts, and exactly one draw per visible chart;
* opening a lesson, and the next step.

"Updated" includes the paint: each figure is timed until the event queue is empty again.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._common import Figure, main_for, median

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def _until_drawn(canvas: Any, before: int, timeout: float = 20.0) -> None:
    """Process events until ``canvas`` (a ChartCanvas) has drawn after ``before`` draws."""
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + timeout
    while canvas.full_draws <= before:
        QApplication.processEvents()
        if time.perf_counter() > end:
            raise RuntimeError("the chart did not draw")
    QApplication.processEvents()


def _page(window: Any, key: str, class_name: str) -> Any:
    """The page, or a clear error when it failed to start (the window shows a stand-in)."""
    page = window.pages[key]
    if type(page).__name__ != class_name:
        raise RuntimeError(f"the {key} page did not start (see the log): {type(page).__name__}")
    return page


def _timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _draw_floor(canvases: list[Any], runs: int) -> float:
    """Median of a plain full draw (and paint) of the given canvases' figures."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from PySide6.QtWidgets import QApplication

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for cc in canvases:
            FigureCanvasQTAgg.draw(cc.canvas)  # not counted as an app redraw
            cc.canvas.repaint()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return median(times)


def _blit_floor(cc: Any, runs: int) -> float:
    """Median of restoring the background and blitting the same animated artists."""
    from PySide6.QtWidgets import QApplication

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        cc.canvas.restore_region(cc._background)
        for artist in cc._animated:
            if artist.get_visible():
                cc.figure.draw_artist(artist)
        cc.canvas.blit(cc.figure.bbox)
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return median(times)


def run(quick: bool) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["budget-tutor-bench"])
    from budget_tutor import i18n
    from budget_tutor.planfile import load_plan_file
    from budget_tutor.resources import data_dir as package_data
    from budget_tutor.storage import Store
    from budget_tutor.ui.main_window import MainWindow
    from budget_tutor.ui.session import AppSession
    from budget_tutor.ui.settings import UiSettings

    cycles = 1 if quick else 5
    steps = 4 if quick else 10
    edits = 2 if quick else 15
    floor_runs = 3 if quick else 15
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bt-bench-ui-") as tmp:
        store = Store.open(Path(tmp))
        i18n.set_language("en")
        store.set_setting("language", "en")
        plan = load_plan_file(package_data() / "samples" / "karimov-kulob.json")
        household = store.create_household(plan)
        session = AppSession(store)
        window = MainWindow(session, UiSettings(Path(tmp)))
        window.resize(1280, 720)
        window.show()
        session.open_household(household)
        _settle()

        # -- What if?: drag a slider ----------------------------------------------------------
        window.show_page("whatif")
        page = _page(window, "whatif", "WhatIfPage")
        _settle()
        cc = page.canvas
        if cc.full_draws == 0:
            _until_drawn(cc, 0)
        slider = page.sliders.remittance_slider
        step_times, release_times = [], []
        drag_full_draws = 0
        release_draws: list[int] = []
        blit_floors, release_floors = [], []
        for cycle in range(cycles):
            if cycle:
                before = cc.full_draws
                page.sliders.reset_button.click()  # every slider at rest again: one full draw
                _until_drawn(cc, before)
            before = cc.full_draws
            slider.setSliderDown(True)  # sliderPressed: the family's own line appears
            _until_drawn(cc, before)
            draws_at_press = cc.full_draws
            for k in range(1, steps + 1):
                value = slider.minimum() + ((k + cycle) % 20) * slider.singleStep()
                start = time.perf_counter()
                slider.setValue(value)
                QApplication.processEvents()
                step_times.append(time.perf_counter() - start)
            _settle()
            drag_full_draws += cc.full_draws - draws_at_press
            blit_floors.append(_blit_floor(cc, floor_runs))
            at_release = cc.full_draws
            start = time.perf_counter()
            slider.setSliderDown(False)  # sliderReleased: one full draw with new axes
            _until_drawn(cc, at_release)
            release_times.append(time.perf_counter() - start)
            _settle()
            release_draws.append(cc.full_draws - at_release)
            release_floors.append(_draw_floor([cc], floor_runs))
        blit_floor, release_floor = median(blit_floors), median(release_floors)
        from budget_tutor.projection import compare

        plan_now = session.plan
        assert plan_now is not None
        chosen = page.scenarios(plan_now)
        compare_alone = median(
            [_timed(lambda: compare(plan_now, chosen, page.chart.months)) for _ in range(5)]
        )
        figures.append(
            Figure(
                "slider drag step -> chart pixels updated (What if?)",
                median(step_times),
                floor=blit_floor,
                floor_name="blitting the same artists",
                max_ratio=1.5,
                max_value=0.016,
                runs=len(step_times),
                checks={"full redraws during the drag": (drag_full_draws, drag_full_draws == 0)},
                note=f"slowest step {max(step_times) * 1000:.1f} ms; compare() of the"
                f" {len(chosen)} scenarios x {page.chart.months} months alone"
                f" {compare_alone * 1000:.1f} ms",
            )
        )
        figures.append(
            Figure(
                "slider release -> chart updated (What if?)",
                median(release_times),
                floor=release_floor,
                floor_name="plain canvas.draw() of the same figure",
                max_ratio=1.3,
                runs=len(release_times),
                checks={
                    "redraws on each release": (
                        f"{release_draws}",
                        all(n == 1 for n in release_draws),
                    )
                },
            )
        )

        # -- My plan: edit an amount ----------------------------------------------------------
        window.show_page("plan")
        plan_page = _page(window, "plan", "PlanPage")
        _settle()
        panel = plan_page.load_charts_panel()
        _settle()
        flow = panel.cash_flow_canvas
        if flow.full_draws == 0:
            _until_drawn(flow, 0)
        edit_times, edit_draws, other_draws, edit_floors = [], [], [], []
        for k in range(edits):
            current = session.plan
            assert current is not None
            first = current.expenses[0]
            schedule = dataclasses.replace(
                first.schedule, amount=first.schedule.amount + 100 * (k + 1)
            )
            new_plan = current.with_line("expenses", dataclasses.replace(first, schedule=schedule))
            counts = [c.full_draws for c in panel.canvases]
            start = time.perf_counter()
            session.apply_edit(new_plan, "benchmark edit")
            _until_drawn(flow, counts[0])
            edit_times.append(time.perf_counter() - start)
            _settle()
            edit_draws.append(flow.full_draws - counts[0])
            other_draws.append(
                sum(c.full_draws - n for c, n in zip(panel.canvases[1:], counts[1:], strict=True))
            )
            # the floor, side by side: a plain draw of the same figure right after each edit
            edit_floors.append(_draw_floor([flow], 1))
        edit_floor = median(edit_floors)
        one_each = all(d == 1 for d in edit_draws) and not any(other_draws)
        figures.append(
            Figure(
                "edit of an amount -> chart updated (My plan)",
                median(edit_times),
                floor=edit_floor,
                floor_name="plain canvas.draw() of the same figure",
                max_ratio=1.3,
                runs=len(edit_times),
                checks={
                    "one redraw of the visible chart per edit, none of the hidden": (
                        f"{sum(d == 1 for d in edit_draws)} of {len(edit_draws)} edits drew the"
                        f" visible chart once; hidden charts drew {sum(other_draws)} times",
                        one_each,
                    )
                },
            )
        )

        # -- language switch of the whole window (My plan with its chart) ---------------------
        switch_times, per_chart, switch_floors = [], [], []
        languages = ["ru", "tg", "en"] * (1 if quick else 4)
        visible = [c for c in panel.canvases if c.isVisible()]
        for lang in languages:
            counts = [c.full_draws for c in visible]
            start = time.perf_counter()
            session.set_language(lang)
            for c, n in zip(visible, counts, strict=True):
                _until_drawn(c, n)
            _settle()
            switch_times.append(time.perf_counter() - start)
            per_chart.append([c.full_draws - n for c, n in zip(visible, counts, strict=True)])
            switch_floors.append(_draw_floor(visible, 1))  # side by side with each switch
        switch_floor = median(switch_floors)
        exactly_one = all(all(d == 1 for d in draws) for draws in per_chart)
        figures.append(
            Figure(
                "language switch of the whole window with charts",
                median(switch_times),
                floor=switch_floor,
                floor_name=f"plain canvas.draw() of the {len(visible)} visible chart(s)",
                max_ratio=1.6,
                runs=len(switch_times),
                checks={
                    "draws per visible chart": (
                        f"{sum(all(d == 1 for d in draws) for draws in per_chart)} of"
                        f" {len(per_chart)} switches drew each visible chart once",
                        exactly_one,
                    )
                },
            )
        )

        # -- lessons: open a lesson, next step ------------------------------------------------
        session.set_trainer_mode(True)  # every lesson unlocked
        window.show_page("lessons")
        lessons = _page(window, "lessons", "LessonsPage")
        _settle()
        open_times, next_times = [], []
        chosen = lessons.library.lessons[: 2 if quick else len(lessons.library.lessons)]
        for lesson in chosen:
            start = time.perf_counter()
            lessons.open_lesson(lesson.id)
            _settle()
            open_times.append(time.perf_counter() - start)
            for _step in range(min(len(lesson.steps) - 1, 2 if quick else 100)):
                start = time.perf_counter()
                lessons.player.next_button.click()
                _settle()
                next_times.append(time.perf_counter() - start)
            lessons.show_browser()
            _settle()
        for name, times in (
            ("opening a lesson", open_times),
            ("next step in a lesson", next_times),
        ):
            ordered = sorted(times)
            figures.append(
                Figure(
                    name,
                    median(times),
                    max_value=0.050,
                    runs=len(times),
                    note=f"slowest {ordered[-1] * 1000:.1f} ms, "
                    f"90th percentile {ordered[int(0.9 * (len(ordered) - 1))] * 1000:.1f} ms",
                )
            )
        window.close()
        store.close()
        del app
    return figures


if __name__ == "__main__":
    main_for(run)
