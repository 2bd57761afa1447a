"""Measure how much longer real rail routes are than the network's track, outside NE Asia.

The network's lines are Natural Earth's generalised railways, so a route's real length is
its measured track times a sinuosity factor. In North Korea, China and Russia the factor
comes from official section lengths (``[[section]]`` in ``facts.toml``). Elsewhere this
script measures it against the route table of the TrainRouter Atlas (CC BY 4.0, attribution
to https://trainrouter.com; ``data/routes.csv`` of
https://github.com/Flightmussy/trainrouter-atlas, measured at commit 7935893, 961 routes,
whose ``distance_km`` is each service's published route length).

Method: every route of a regular category (classic, night and high-speed trains; scenic
and luxury ones left out) is planned on the network by rail between its two end towns. A
route counts only where the whole distance of the chosen option is measured track times
the world factor: none of it on a high-speed line of ``rail/high_speed.toml`` (whose
lengths are official) or on an official section, and none of it in China, North Korea or
Russia (which have their own factors). Routes between the two places of a calibration trip
of ``calibration_world.toml`` are left out (compared by the resolved places, so that
"Marrakech" and "Marrakesh" are one town), so the factor is not fitted to the test set.
For each route, the ratio of the table's km to the measured track (the option's central
distance divided by the factor the network applies now, so rerunning after a rebuild gives
the same ratios). Ratios under 0.7 or over 1.5 are a different route (another line, or a
town of the same name), not a sinuosity, and are left out.

It prints the count, the median (the central factor), and the 10th and 90th percentiles
(``statistics.quantiles``, n=10), the range; the low end is kept at least the ``floor`` of
``[sinuosity]``. These are the figures of ``[sinuosity.world]`` in ``facts.toml``. As a
check on leakage from the test set it also prints the same figures without every route
that begins or ends at a calibration trip's place. Run it with the path of the table::

    git --git-dir=PATH/trainrouter-atlas/.git show 7935893:data/routes.csv > routes.csv
    PYTHONPATH=. python scripts/measure_world_sinuosity.py routes.csv

The table is read from the path given; the project never reads it at run time.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
from pathlib import Path

from routes import settings
from routes.calibration import read_calibration, world_path
from routes.errors import RoutesError
from routes.options import find_options
from routes.trip import plan_trip

REGULAR = ("classic", "night", "high-speed")
OWN_FACTORS = {"CN", "KP", "RU"}  # countries whose factor comes from official sections
MEASURED = "distance is measured track x the country's sinuosity factor"
RATIO_LIMITS = (0.7, 1.5)


def _summary(ratios: list[float]) -> str:
    tenths = statistics.quantiles(sorted(ratios), n=10)
    return (f"median {statistics.median(ratios):.3f}, 10th percentile {tenths[0]:.3f}, "
            f"90th percentile {tenths[-1]:.3f}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    rail = json.loads((settings.data_folder / "network" / "rail.json").read_text("utf-8"))
    factor = rail["sinuosity"]["*"][1]  # the factor the network applies to this track now
    calibration: set[frozenset[str]] = set()
    for t in read_calibration(world_path()):
        if t.mode == "rail":
            planned = plan_trip(t.origin, t.destination, mode="rail")
            calibration.add(frozenset((planned.origin.id, planned.destination.id)))
    calibration_places = {p for pair in calibration for p in pair}
    ratios: list[float] = []
    apart: list[float] = []  # the ratios of routes with no end at a calibration place
    seen = mismatched = 0
    with Path(argv[0]).open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["category"] not in REGULAR or not row["distance_km"] or \
                    row["from"] == row["to"]:
                continue
            try:
                planned = plan_trip(row["from"], row["to"], mode="rail", alternatives=1)
                option = find_options(planned).options[0]
            except RoutesError:
                continue
            ends = frozenset((planned.origin.id, planned.destination.id))
            if ends in calibration:
                continue
            notes = [n for leg in option.legs for n in leg.notes]
            if MEASURED not in notes or any(set(leg.countries) & OWN_FACTORS
                                            for leg in option.legs):
                continue
            seen += 1
            ratio = float(row["distance_km"]) / (option.distance_km.central / factor)
            if not RATIO_LIMITS[0] <= ratio <= RATIO_LIMITS[1]:
                mismatched += 1
                continue
            ratios.append(ratio)
            if not ends & calibration_places:
                apart.append(ratio)
    print(f"{seen} routes on measured track, {mismatched} left out as another route "
          f"(ratio outside {RATIO_LIMITS[0]}-{RATIO_LIMITS[1]}), {len(ratios)} measured")
    print(_summary(ratios))
    print(f"without the {len(ratios) - len(apart)} routes that begin or end at a calibration "
          f"trip's place ({len(apart)} left): {_summary(apart)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
