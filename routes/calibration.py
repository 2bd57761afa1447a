"""Check the estimates against real trips (``data/calibration.toml``).

A real duration (or distance) must lie inside the estimated low–high range of the best rail
option, and that range must be no wider than ±25 % of its central value. Failures are
reported, never hidden by widening a range.

Examples
--------
>>> results = {r.trip.id: r for r in check_calibration()}
>>> results["khasan-vladivostok-2019"].ok
True

"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from routes import settings
from routes.errors import DataError
from routes.estimate import Estimate
from routes.options import find_options
from routes.trip import plan_trip

__all__ = ["CalibrationResult", "CalibrationTrip", "check_calibration", "read_calibration"]

MAX_WIDTH = 0.25


@dataclass(frozen=True, slots=True)
class CalibrationTrip:
    """A real trip: where, and how long it took or how far it was."""

    id: str
    description: str
    origin: str
    destination: str
    avoid: tuple[str, ...]
    via: tuple[str, ...]
    service: str
    real_h: tuple[float, float] | None
    real_km: float | None
    fitted: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CalibrationResult:
    """The estimate for a real trip and whether it holds."""

    trip: CalibrationTrip
    estimate: Estimate
    unit: str
    ok: bool
    width: float
    problem: str

    @property
    def real_text(self) -> str:
        """The real value as printed."""
        if self.trip.real_km is not None:
            return f"{self.trip.real_km:,.0f} km"
        assert self.trip.real_h is not None
        lo, hi = self.trip.real_h
        return f"{lo:.1f} h" if lo == hi else f"{lo:.1f}–{hi:.1f} h"

    @property
    def estimate_text(self) -> str:
        """The estimate as printed."""
        e = self.estimate
        fmt = "{:,.0f}" if self.unit == "km" else "{:.1f}"
        return (f"{fmt.format(e.central)} ({fmt.format(e.low)}–{fmt.format(e.high)}) "
                f"{self.unit}")


def read_calibration(path: Path | None = None) -> list[CalibrationTrip]:
    """Read the real trips file."""
    path = path or settings.data_folder / "calibration.toml"
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"{path.name}: {exc}") from None
    trips = []
    for item in data.get("trip", []):
        try:
            real = item.get("real_h")
            if isinstance(real, int | float):
                real_h: tuple[float, float] | None = (float(real), float(real))
            elif isinstance(real, list) and len(real) == 2:
                real_h = (float(real[0]), float(real[1]))
            else:
                real_h = None
            real_km = float(item["real_km"]) if "real_km" in item else None
            if (real_h is None) == (real_km is None):
                raise DataError(f"{path.name}: trip {item.get('id')!r}: give real_h or real_km")
            trips.append(CalibrationTrip(
                id=item["id"], description=item["description"], origin=item["origin"],
                destination=item["destination"], avoid=tuple(item.get("avoid", ())),
                via=tuple(item.get("via", ())),
                service=item.get("service", "regular"),
                real_h=real_h, real_km=real_km, fitted=tuple(item.get("fitted", ())),
                sources=tuple(item["sources"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{path.name}: trip {item.get('id')!r}: {exc!r}") from None
    return trips


def check_calibration(path: Path | None = None) -> list[CalibrationResult]:
    """Estimate every real trip and compare."""
    results = []
    for trip in read_calibration(path):
        planned = plan_trip(trip.origin, trip.destination, avoid=trip.avoid, via=trip.via,
                            mode="rail", alternatives=1, service=trip.service)
        option = find_options(planned).options[0]
        if trip.real_km is not None:
            est, unit, lo, hi = option.distance_km, "km", trip.real_km, trip.real_km
        else:
            assert trip.real_h is not None
            est, unit, (lo, hi) = option.duration_h, "h", trip.real_h
        problems = []
        if not (est.contains(lo) and est.contains(hi)):
            problems.append("real value outside the estimated range")
        width = est.width_ratio()
        if width > MAX_WIDTH + 1e-9:
            problems.append(f"range wider than ±{MAX_WIDTH:.0%}")
        results.append(CalibrationResult(trip, est, unit, not problems, width,
                                         "; ".join(problems)))
    return results
