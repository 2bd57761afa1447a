"""Check the estimates against real trips.

Two files of real trips:

* ``data/calibration.toml``: north-east Asia by rail (the leader's trains, timetables, the
  Trans-Siberian). The real value must lie inside the estimated low–high range of the best
  rail option, and that range must be no wider than ±25 % of its central value.
* ``data/calibration_world.toml``: trips worldwide by rail, road, air and sea. For each mode,
  the share of trips whose real value (the middle of its range) lies inside the estimated
  range, and the median error of the central estimate, are reported.

Failures are reported, never hidden by widening a range. A result says when the estimate
came straight from an input that holds the same trip (a published block time, a listed
ferry, a high-speed line's own timetable, a drive of the road model's fitting set): such a
result shows the model is consistent with its inputs, not that it generalises.

Examples
--------
>>> results = {r.trip.id: r for r in check_calibration()}
>>> results["khasan-vladivostok-2019"].ok
True

"""

from __future__ import annotations

import statistics
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from routes import settings
from routes.errors import DataError, RoutesError
from routes.estimate import Estimate
from routes.facts import load_facts
from routes.itinerary import RouteOption
from routes.options import find_options
from routes.trip import plan_trip

__all__ = ["CalibrationResult", "CalibrationTrip", "ModeSummary", "check_calibration",
           "read_calibration", "summarise"]

MAX_WIDTH = 0.25
WORLD = "calibration_world.toml"


@dataclass(frozen=True, slots=True)
class CalibrationTrip:
    """A real trip: where, by which mode, and how long it took or how far it was."""

    id: str
    description: str
    origin: str
    destination: str
    avoid: tuple[str, ...]
    via: tuple[str, ...]
    service: str
    real_h: tuple[float, float] | None
    real_km: tuple[float, float] | None
    fitted: tuple[str, ...]
    sources: tuple[str, ...]
    mode: str = "rail"


@dataclass(frozen=True, slots=True)
class CalibrationResult:
    """The estimate for a real trip and whether it holds."""

    trip: CalibrationTrip
    estimate: Estimate | None
    unit: str
    ok: bool
    width: float
    problem: str
    in_inputs: str = ""

    @property
    def answered(self) -> bool:
        """Whether the tool gave an estimate for the trip."""
        return self.estimate is not None

    @property
    def real(self) -> tuple[float, float]:
        """The real value's range, in :attr:`unit`."""
        value = self.trip.real_km if self.unit == "km" else self.trip.real_h
        assert value is not None
        return value

    @property
    def error(self) -> float | None:
        """Relative error of the central estimate against the middle of the real range."""
        if self.estimate is None:
            return None
        lo, hi = self.real
        mid = (lo + hi) / 2
        return abs(self.estimate.central - mid) / mid if mid else None

    @property
    def real_text(self) -> str:
        """The real value as printed."""
        lo, hi = self.real
        fmt = "{:,.0f}" if self.unit == "km" else "{:.2f}"
        text = fmt.format(lo) if lo == hi else f"{fmt.format(lo)}–{fmt.format(hi)}"
        return f"{text} {self.unit}"

    @property
    def estimate_text(self) -> str:
        """The estimate as printed."""
        if self.estimate is None:
            return "no estimate"
        e = self.estimate
        fmt = "{:,.0f}" if self.unit == "km" else "{:.1f}"
        return (f"{fmt.format(e.central)} ({fmt.format(e.low)}–{fmt.format(e.high)}) "
                f"{self.unit}")


@dataclass(frozen=True, slots=True)
class ModeSummary:
    """How one mode's estimates fare against the real trips."""

    mode: str
    trips: int
    answered: int
    in_range: int
    median_error: float | None
    independent: int
    independent_in_range: int


def _pair(value: object, what: str) -> tuple[float, float] | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (float(value), float(value))
    if isinstance(value, list) and len(value) == 2:
        lo, hi = float(value[0]), float(value[1])
        if 0 < lo <= hi:
            return (lo, hi)
    raise ValueError(f"{what} must be a number or [low, high]")


def read_calibration(path: Path | None = None) -> list[CalibrationTrip]:
    """Read a file of real trips (``data/calibration.toml`` by default)."""
    path = path or settings.data_folder / "calibration.toml"
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"{path.name}: {exc}") from None
    trips = []
    for item in data.get("trip", []):
        try:
            real_h = _pair(item.get("real_h"), "real_h")
            real_km = _pair(item.get("real_km"), "real_km")
            if real_h is None and real_km is None:
                raise DataError(f"{path.name}: trip {item.get('id')!r}: give real_h or real_km")
            trips.append(CalibrationTrip(
                id=item["id"], description=item["description"], origin=item["origin"],
                destination=item["destination"], avoid=tuple(item.get("avoid", ())),
                via=tuple(item.get("via", ())), service=item.get("service", "regular"),
                real_h=real_h, real_km=real_km, fitted=tuple(item.get("fitted", ())),
                sources=tuple(item["sources"]), mode=item.get("mode", "rail")))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{path.name}: trip {item.get('id')!r}: {exc!r}") from None
    return trips


def _estimate(trip: CalibrationTrip) -> tuple[list[tuple[str, Estimate]], str]:
    """The estimates (unit, range) for a trip's mode, and the input that holds it, if any."""
    planned = plan_trip(trip.origin, trip.destination, avoid=trip.avoid, via=trip.via,
                        mode=trip.mode, alternatives=1 if trip.mode == "rail" else 3,
                        service=trip.service)
    options = find_options(planned).options
    if trip.mode == "rail":
        option = options[0]
        return [("h", option.duration_h), ("km", option.distance_km)], _rail_input(option)
    if trip.mode == "road":
        option = options[0]
        return [("h", option.duration_h), ("km", option.distance_km)], ""
    if trip.mode == "air":
        flights = [leg for o in options for leg in o.legs if leg.mode == "air"]
        leg = min(flights, key=lambda x: x.duration_h.central)
        published = any(n.startswith(("published block time", "scheduled block time"))
                        for n in leg.notes)
        return [("h", leg.duration_h)], "air/block_times.csv" if published else ""
    crossings = [leg for o in options for leg in o.legs if leg.mode == "sea"]
    leg = min(crossings, key=lambda x: x.duration_h.central)
    return [("h", leg.duration_h), ("km", leg.distance_km)], "sea/ferries.csv"


def _rail_input(option: RouteOption) -> str:
    """The line of ``rail/high_speed.toml`` whose own timetable gives most of the trip, if any.

    A high-speed line's, a fast intercity line's (the X 2000, VIA's Toronto–Montreal
    corridor) or a through service's (Eurostar): its speed comes from its own scheduled
    times.
    """
    facts = load_facts()
    names = {facts.speed(sid).name for sid in (*(x.speed for x in facts.high_speed),
                                                *(x.speed for x in facts.through))}
    shares: dict[str, float] = {}
    for leg in option.legs:
        for note in leg.notes:
            if "km at" in note and "km/h (" in note:  # "393 km at 147–158–171 km/h (name)"
                km = float(note.split(" km at")[0].replace(",", ""))
                shares[note.split("km/h (", 1)[1][:-1]] = km
    total = sum(shares.values()) or 1.0
    best = max(shares.items(), key=lambda kv: kv[1], default=("", 0.0))
    return "rail/high_speed.toml" if best[0] in names and best[1] / total >= 0.7 else ""


def check_calibration(path: Path | None = None) -> list[CalibrationResult]:
    """Estimate every real trip of ``path`` (``data/calibration.toml`` by default) and compare."""
    strict = path is None or path.name == "calibration.toml"
    results = []
    for trip in read_calibration(path):
        try:
            found, source = _estimate(trip)
        except RoutesError as exc:
            unit = "h" if trip.real_h is not None else "km"
            results.append(CalibrationResult(trip, None, unit, False, 0.0, str(exc)))
            continue
        for unit, est in found:
            real = trip.real_h if unit == "h" else trip.real_km
            if real is None:
                continue
            lo, hi = real
            problems = []
            if strict:
                if not (est.contains(lo) and est.contains(hi)):
                    problems.append("real value outside the estimated range")
                if est.width_ratio() > MAX_WIDTH + 1e-9:
                    problems.append(f"range wider than ±{MAX_WIDTH:.0%}")
            elif not est.contains((lo + hi) / 2):
                problems.append("real value outside the estimated range")
            results.append(CalibrationResult(trip, est, unit, not problems, est.width_ratio(),
                                             "; ".join(problems), source))
            if strict:
                break  # the north-east Asia trips are checked on one measure each
    return results


def summarise(results: Sequence[CalibrationResult], *, unit: str = "h") -> list[ModeSummary]:
    """Per mode: trips, answered, in range, median error, for one measure (hours or km)."""
    out = []
    for mode in ("rail", "road", "air", "sea"):
        rows = [r for r in results if r.trip.mode == mode and r.unit == unit]
        if not rows:
            continue
        answered = [r for r in rows if r.answered]
        errors = [e for r in answered if (e := r.error) is not None]
        own = [r for r in answered if not r.in_inputs]
        out.append(ModeSummary(mode, len(rows), len(answered), sum(r.ok for r in answered),
                               statistics.median(errors) if errors else None, len(own),
                               sum(r.ok for r in own)))
    return out


def world_path() -> Path:
    """The world trips file of :data:`routes.settings.data_folder`."""
    return settings.data_folder / WORLD
