"""Flight block times: published timetables, and one model fitted to them for other pairs.

``data/air/block_times.csv`` lists scheduled nonstop block times (gate to gate) with their
sources, across every distance band and continent. A pair listed there takes its
published times. Any other pair takes the model fitted to that list::

    block (min) = a + b * d + c * sqrt(d)      d = great-circle distance (km)

The square-root term lets short hops carry a smaller fixed overhead than long flights
(taxiing and climbing are shorter on a 150 km turboprop hop). The range comes from the
spread of the published times around the fit, band by band: the 2.5th and 97.5th percentiles
of their ratio to the fit. ``data/air/block_times_holdout.csv`` holds other pairs that are
never fitted: ``make calibrate`` scores the model on them.

Examples
--------
>>> model = load_block_model()
>>> round(model.predict(1000).central, 1)
2.0
>>> t = block_time("GMP", "PUS", 327.0)
>>> t.published, round(t.hours.central * 60)
(True, 55)

"""

from __future__ import annotations

import functools
import math
import statistics
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from routes import settings
from routes.datafile import read_csv
from routes.errors import DataError
from routes.estimate import Estimate

__all__ = ["BlockTime", "BlockTimeModel", "PublishedTime", "block_time", "fit_block_model",
           "load_block_model", "read_block_times"]

# Distance bands (km) in which the spread of published times around the fit is measured.
_BANDS = (0.0, 100.0, 300.0, 1000.0, 3000.0, 8000.0, math.inf)
_MIN_IN_BAND = 8  # a band with fewer published times borrows its neighbour's spread
# The range holds the middle 95 % of the published times around the fit in each band.
_SPREAD = (0.025, 0.975)


@dataclass(frozen=True, slots=True)
class PublishedTime:
    """A scheduled nonstop block time for one direction, as published."""

    origin: str
    destination: str
    carrier: str
    minutes: tuple[float, float]
    as_found: str
    year: str
    source: str
    confidence: str
    fitted: bool = True

    @property
    def hours(self) -> Estimate:
        """The published times in hours (the middle as the central value)."""
        lo, hi = self.minutes
        return Estimate(lo / 60, (lo + hi) / 120, hi / 60)


@dataclass(frozen=True, slots=True)
class BlockTimeModel:
    """``block = a + b d + c sqrt(d)`` minutes, with a spread per distance band."""

    a: float
    b: float
    c: float
    bands: tuple[tuple[float, float, float, float], ...]  # (km from, km to, low, high) ratios
    n: int
    median_error: float

    def predict(self, km: float) -> Estimate:
        """Block time in hours for a great-circle distance of ``km``."""
        minutes = max(self.a + self.b * km + self.c * math.sqrt(max(km, 0.0)), 1.0)
        low, high = next((lo, hi) for start, end, lo, hi in self.bands if start <= km < end)
        return Estimate(minutes * low / 60, minutes / 60, minutes * high / 60)

    def describe(self) -> str:
        """The fitted formula, as a basis line."""
        return (f"block time model fitted to {self.n} published block times: "
                f"{self.a:.1f} + {self.b:.4f} x km + {self.c:.2f} x sqrt(km) minutes "
                f"(median error {self.median_error:.0%})")


@dataclass(frozen=True, slots=True)
class BlockTime:
    """A flight's block time and where it comes from."""

    hours: Estimate
    published: bool
    basis: str
    sources: tuple[str, ...]


def read_block_times(path: Path) -> list[PublishedTime]:
    """Read a file of published block times (``data/air/block_times.csv``).

    Raises
    ------
    DataError
        If the file is missing or a row is malformed.

    """
    rows = read_csv(path, what="block times file")
    out = []
    for lineno, row in enumerate(rows, start=2):
        try:
            lo, hi = float(row["block_min_low"]), float(row["block_min_high"])
            origin, destination = row["from_iata"].strip(), row["to_iata"].strip()
            source = row["source_url"].strip()
        except (KeyError, TypeError, ValueError, AttributeError):
            raise DataError(f"{path.name}: line {lineno}: malformed row") from None
        if not (0 < lo <= hi) or len(origin) != 3 or len(destination) != 3 or not source:
            raise DataError(f"{path.name}: line {lineno}: needs two IATA codes, "
                            "0 < low <= high minutes and a source")
        out.append(PublishedTime(origin, destination, row.get("carrier") or "",
                                 (lo, hi), row.get("as_found") or "", row.get("year") or "",
                                 source, row.get("confidence") or "",
                                 (row.get("fit") or "yes").strip() != "no"))
    return out


def fit_block_model(points: list[tuple[float, float]]) -> BlockTimeModel:
    """Fit the model to ``(great-circle km, block minutes)`` points.

    Least squares on the relative error, so that short and long flights weigh alike.
    """
    import numpy as np

    if len(points) < 3 * len(_BANDS):
        raise DataError(f"block times: {len(points)} points are too few to fit the model")
    d = np.array([p[0] for p in points])
    y = np.array([p[1] for p in points])
    design = np.c_[np.ones_like(d), d, np.sqrt(d)]
    # Least squares on the relative error: a 10-minute miss matters on a 40-minute hop, not
    # on a 14-hour flight, and a verdict compares ratios.
    (a, b, c), *_ = np.linalg.lstsq(design / y[:, None], np.ones_like(y), rcond=None)
    fitted = a + b * d + c * np.sqrt(d)
    ratio = y / np.maximum(fitted, 1.0)
    bands: list[tuple[float, float, float, float]] = []
    spreads: list[tuple[float, float] | None] = []
    for start, end in pairwise(_BANDS):
        inside = ratio[(d >= start) & (d < end)]
        spreads.append((float(np.quantile(inside, _SPREAD[0])),
                        float(np.quantile(inside, _SPREAD[1])))
                       if len(inside) >= _MIN_IN_BAND else None)
    for k, (start, end) in enumerate(pairwise(_BANDS)):
        own = spreads[k]
        if own is None:
            own = next(s for s in (spreads[k + 1:] + spreads[:k][::-1]) if s is not None)
        bands.append((start, end, min(own[0], 1.0), max(own[1], 1.0)))
    error = float(statistics.median(abs(float(r) - 1.0) for r in ratio))
    return BlockTimeModel(float(a), float(b), float(c), tuple(bands), len(points), error)


def _great_circle(points: dict[str, tuple[float, float]], a: str, b: str) -> float | None:
    from routes.geo.geodesy import distance_km

    if a not in points or b not in points:
        return None
    return distance_km(points[a], points[b])


_Loaded = tuple[BlockTimeModel, dict[tuple[str, str], PublishedTime],
                dict[tuple[str, str], float]]


@functools.cache
def _load(path: Path, airports_path: Path) -> _Loaded:
    from routes.geo.airports import load_airports_from

    airports = load_airports_from(airports_path)
    where = {code: (airports[code].lat, airports[code].lon) for code in airports.by_iata}
    times = read_block_times(path)
    points = []
    published: dict[tuple[str, str], PublishedTime] = {}
    distances: dict[tuple[str, str], float] = {}
    for t in times:
        km = _great_circle(where, t.origin, t.destination)
        if km is None:
            raise DataError(f"{path.name}: {t.origin}–{t.destination}: airport not in "
                            "airports.csv")
        if t.fitted:
            points.append((km, sum(t.minutes) / 2))
        published[(t.origin, t.destination)] = t
        distances[(t.origin, t.destination)] = km
    return fit_block_model(points), published, distances


def _minutes(t: PublishedTime) -> str:
    lo, hi = t.minutes
    return f"{lo:.0f} min" if lo == hi else f"{lo:.0f}–{hi:.0f} min"


def _files() -> tuple[Path, Path]:
    data = settings.data_folder
    return data / "air" / "block_times.csv", data / "network" / "airports.csv"


def load_block_model() -> BlockTimeModel:
    """The model fitted to :data:`routes.settings.data_folder` ``/air/block_times.csv``."""
    return _load(*_files())[0]


def block_time(origin: str, destination: str, km: float) -> BlockTime:
    """Block time of a nonstop flight between two airports (IATA codes) ``km`` apart.

    The published times when the pair is listed (in this direction, else the other), else
    the model.
    """
    model, published, distances = _load(*_files())
    found = published.get((origin, destination)) or published.get((destination, origin))
    if found is not None:
        direction = "" if (found.origin, found.destination) == (origin, destination) else \
            " (the other direction)"
        return BlockTime(found.hours, True,
                         f"published block time {found.origin}–{found.destination}"
                         f"{direction}{f' ({found.carrier})' if found.carrier else ''}: "
                         f"{found.as_found}", (found.source,))
    # The evidence nearest in distance: the published times the estimate leans on most.
    near = sorted((abs(d - km), pair) for pair, d in distances.items()
                  if published[pair].fitted)[:3]
    examples = "; ".join(f"{a}–{b} {distances[(a, b)]:,.0f} km: {_minutes(published[(a, b)])}"
                         for _, (a, b) in near)
    return BlockTime(model.predict(km), False, f"{model.describe()}; nearest published: "
                     f"{examples}", tuple(published[pair].source for _, pair in near))
