"""Print how the estimates compare with real trips.

First the north-east Asia rail trips of data/calibration.toml (each must hold, with a range
no wider than ±25 %); then the world trips of data/calibration_world.toml, trip by trip and
per mode: how many were answered, the share whose real value lies inside the estimated
range, and the median error of the central estimate. Results taken straight from an input
that holds the same trip are marked (in inputs) and counted apart.
"""

from __future__ import annotations

import sys

from routes.calibration import check_calibration, summarise, world_path


def main() -> int:
    results = check_calibration()
    failed = 0
    for r in results:
        status = "ok  " if r.ok else "FAIL"
        failed += not r.ok
        print(f"{status} {r.trip.id:<30} real {r.real_text:<16} estimate {r.estimate_text:<26} "
              f"width ±{r.width:.0%}  {r.problem}")
    print(f"north-east Asia: {len(results) - failed} passed, {failed} failed\n")
    world = check_calibration(world_path())
    for r in world:
        status = "in  " if r.ok else ("--  " if not r.answered else "OUT ")
        mark = f" (in inputs: {r.in_inputs})" if r.in_inputs else ""
        error = f"{r.error:+.0%}" if r.error is not None else ""
        print(f"{status} {r.trip.mode:<4} {r.trip.id:<34} real {r.real_text:<16} estimate "
              f"{r.estimate_text:<28} {error:>6}{mark}  {r.problem if not r.answered else ''}")
    for unit, name in (("h", "time"), ("km", "distance")):
        print(f"\nworld trips, {name}:")
        print(f"{'mode':<6}{'trips':>6}{'answered':>10}{'in range':>10}{'median error':>14}"
              f"{'independent in range':>24}")
        for s in summarise(world, unit=unit):
            share = f"{s.in_range / s.answered:.0%}" if s.answered else "–"
            err = f"{s.median_error:.0%}" if s.median_error is not None else "–"
            own = f"{s.independent_in_range}/{s.independent}" if s.independent else "–"
            print(f"{s.mode:<6}{s.trips:>6}{s.answered:>10}{share:>10}{err:>14}{own:>24}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
