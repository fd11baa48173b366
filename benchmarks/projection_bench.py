"""compare() of 10 scenarios x 120 months on a 30-line plan (goal: <= 20 ms on this machine).

Also reported: the same in CPU time of this process, the fastest run (what the code costs when
it has a core to itself), one 120-month projection of the baseline, and a calibration loop.
"""

from __future__ import annotations

import time

from benchmarks._common import Figure, main_for, median, time_calls
from benchmarks.plans import ten_scenarios, thirty_line_plan


def _cpu_times(fn: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.process_time()
        fn()  # type: ignore[operator]
        out.append(time.process_time() - start)
    return out


def calibration_loop() -> float:
    """CPU seconds for 1M ``x += i`` at module level: printed beside the figure as a rough sign
    of how fast the machine ran during this run (other processes share its cores)."""
    code = compile("x = 0\nfor i in range(1_000_000):\n    x += i\n", "<calibration>", "exec")
    start = time.process_time()
    exec(code, {})  # at module level, as the lead measured it (global names)
    return time.process_time() - start


def run(quick: bool) -> list[Figure]:
    from budget_tutor.projection import compare, project
    from budget_tutor.rates import bundled_rates

    plan = thirty_line_plan()
    scenarios = ten_scenarios()
    months = 12 if quick else 120
    runs = 3 if quick else 60
    bundled_rates()  # the table is read once per process, not per comparison
    wall = time_calls(lambda: compare(plan, scenarios, months), runs, warmup=2)
    cpu = _cpu_times(lambda: compare(plan, scenarios, months), runs)
    single = time_calls(lambda: project(plan, months), runs)
    loop = min(calibration_loop() for _ in range(1 if quick else 3))
    return [
        Figure(
            f"comparison of 10 scenarios x {months} months on a 30-line plan",
            median(wall),
            max_value=0.020,
            runs=runs,
            note=f"CPU time median {median(cpu) * 1000:.1f} ms, fastest {min(wall) * 1000:.1f} ms;"
            f" one {months}-month projection {median(single) * 1000:.2f} ms;"
            f" 1M x+=i loop {loop * 1000:.0f} ms CPU",
        )
    ]


if __name__ == "__main__":
    main_for(run)
