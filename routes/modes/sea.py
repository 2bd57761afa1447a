"""Sea crossings: the scheduled ferries of ``data/sea/ferries.csv``.

A listed ferry gives its scheduled sailing times (fast craft to slowest ship) and sources.
A crossing that is not listed has no option. The sea model (``data/sea/model.toml``: block
speeds of ferries and of fast craft, time to leave and enter port, routing over the
straight line) times a listed route's sailing by fast craft when a text names one
(:meth:`SeaModel.sailing_h`). Check-in before departure is not included, as for flights.

Examples
--------
>>> ferries = load_ferries()
>>> f = ferries.between((51.12, 1.31), (50.95, 1.86))[0]
>>> f.name, f.hours.central
('Dover – Calais', 1.5)

"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routes import settings
from routes.datafile import read_csv
from routes.errors import DataError, NoRouteError
from routes.estimate import Estimate
from routes.geo.geodesy import distance_km, geodesic_points, great_circle_km
from routes.geo.places import Place
from routes.itinerary import Leg, RouteOption, Stop
from routes.trip import Trip

__all__ = ["Ferries", "Ferry", "SeaModel", "ferry_leg", "load_ferries", "load_sea_model",
           "reversed_ferry", "sea_options"]

_PORT_KM = 30.0  # a town this close to a port (plus the town's own size) is served by it


@dataclass(frozen=True, slots=True)
class Port:
    """One end of a ferry route."""

    name: str
    lat: float
    lon: float
    country: str

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)``."""
        return (self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class Ferry:
    """A scheduled ferry route and its sailing times (hours)."""

    id: str
    name: str
    a: Port
    b: Port
    km: float | None
    hours: Estimate
    vehicles: bool | None
    operator: str
    as_found: str
    sources: tuple[str, ...]
    confidence: str

    def sailing_km(self) -> float:
        """The sailing distance: as published, else the straight line between the ports."""
        return self.km if self.km is not None else distance_km(self.a.point, self.b.point)


@dataclass(frozen=True, slots=True)
class SeaModel:
    """Block speeds, port times and routing of crossings: see ``data/sea/model.toml``."""

    routing: Estimate
    knots: Estimate
    port_h: Estimate
    sources: tuple[str, ...]
    # block speed of fast craft (catamarans, hydrofoils), knots
    fast_knots: Estimate

    def sailing_h(self, km: Estimate, *, fast: bool = False) -> Estimate:
        """The sailing time (h) of ``km`` of sea, port to port; ``fast`` for fast craft.

        Examples
        --------
        >>> m = SeaModel(Estimate(1.0, 1.0, 1.0), Estimate(10.0, 15.0, 20.0),
        ...              Estimate(0.1, 0.25, 0.5), (), Estimate(20.0, 30.0, 40.0))
        >>> round(m.sailing_h(Estimate.exact(74.08), fast=True).low, 2)
        1.1

        """
        kmh = (self.fast_knots if fast else self.knots).scaled(1.852)
        return Estimate(self.port_h.low + km.low / kmh.high,
                        self.port_h.central + km.central / kmh.central,
                        self.port_h.high + km.high / kmh.low)


class Ferries:
    """The listed ferry routes, searchable by the places they join."""

    def __init__(self, ferries: list[Ferry]) -> None:
        self.ferries = ferries

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.ferries)

    def __len__(self) -> int:
        return len(self.ferries)

    def between(self, a: tuple[float, float], b: tuple[float, float], *,
                reach_a: float = _PORT_KM, reach_b: float = _PORT_KM) -> list[Ferry]:
        """Routes with one port within ``reach_a`` km of ``a`` and the other near ``b``.

        Each route is returned oriented from ``a`` to ``b``, fastest first.
        """
        out = []
        for f in self.ferries:
            for x, y in ((f.a, f.b), (f.b, f.a)):
                # The sphere rules most ports out cheaply; the ellipsoid decides the rest.
                if great_circle_km(*a, *x.point) > 1.01 * reach_a + 1.0 or great_circle_km(
                        *b, *y.point) > 1.01 * reach_b + 1.0:
                    continue
                if distance_km(a, x.point) <= reach_a and distance_km(b, y.point) <= reach_b:
                    out.append(f if x is f.a else reversed_ferry(f))
                    break
        return sorted(out, key=lambda f: (f.hours.central, f.id))


def reversed_ferry(f: Ferry) -> Ferry:
    """The same route, sailing the other way."""
    return Ferry(f.id, f.name, f.b, f.a, f.km, f.hours, f.vehicles, f.operator, f.as_found,
                 f.sources, f.confidence)


def read_ferries(path: Path) -> Ferries:
    """Read ``ferries.csv``.

    Raises
    ------
    DataError
        If the file is missing or a row is malformed.

    """
    rows = read_csv(path, what="ferries file")
    out = []
    for lineno, row in enumerate(rows, start=2):
        try:
            a = Port(row["port_a"], float(row["a_lat"]), float(row["a_lon"]), row["a_country"])
            b = Port(row["port_b"], float(row["b_lat"]), float(row["b_lon"]), row["b_country"])
            hours = Estimate(float(row["hours_low"]), float(row["hours_typical"]),
                             float(row["hours_high"]))
            km = float(row["km"]) if (row.get("km") or "").strip() else None
            sources = tuple((row.get("sources") or "").split())
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{path.name}: line {lineno}: malformed row ({exc})") from None
        if not sources or hours.low <= 0:
            raise DataError(f"{path.name}: line {lineno}: needs positive hours and a source")
        vehicles = {"yes": True, "no": False}.get((row.get("vehicles") or "").strip())
        out.append(Ferry(row["id"], row["name"], a, b, km, hours, vehicles,
                         row.get("operator") or "", row.get("as_found") or "", sources,
                         row.get("confidence") or ""))
    return Ferries(out)


def read_sea_model(path: Path) -> SeaModel:
    """Read ``sea/model.toml``."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        return SeaModel(Estimate.from_list(data["routing"]), Estimate.from_list(data["knots"]),
                        Estimate.from_list(data["port_h"]), tuple(data["sources"]),
                        Estimate.from_list(data["fast_knots"]))
    except FileNotFoundError:
        raise DataError(f"sea model not found: {path}") from None
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{path.name}: malformed ({exc})") from None


@functools.cache
def _ferries(path: Path) -> Ferries:
    return read_ferries(path)


@functools.cache
def _model(path: Path) -> SeaModel:
    return read_sea_model(path)


def load_ferries() -> Ferries:
    """The ferries of :data:`routes.settings.data_folder` ``/sea/ferries.csv``."""
    return _ferries(settings.data_folder / "sea" / "ferries.csv")


def load_sea_model() -> SeaModel:
    """The sea model of :data:`routes.settings.data_folder` ``/sea/model.toml``."""
    return _model(settings.data_folder / "sea" / "model.toml")


def reach_km(place: Place) -> float:
    """How far a place's ports may lie: the port distance plus the town's size."""
    from routes.facts import load_facts

    return _PORT_KM + load_facts().claims.extent(place.population)


def ferry_leg(ferry: Ferry, elapsed: float) -> Leg:
    """The sailing of ``ferry`` (oriented), as a leg starting ``elapsed`` hours into a trip."""
    from routes.geo.airports import zone_at

    start = Stop(id=f"port:{ferry.id}:{ferry.a.name}", name=ferry.a.name, kind="port",
                 lat=ferry.a.lat, lon=ferry.a.lon, tz=zone_at(ferry.a.lat, ferry.a.lon),
                 country=ferry.a.country, elapsed_h=elapsed)
    end = Stop(id=f"port:{ferry.id}:{ferry.b.name}", name=ferry.b.name, kind="port",
               lat=ferry.b.lat, lon=ferry.b.lon, tz=zone_at(ferry.b.lat, ferry.b.lon),
               country=ferry.b.country, elapsed_h=elapsed + ferry.hours.central)
    km = ferry.sailing_km()
    notes = [f"scheduled sailing {ferry.name}"
             + (f" ({ferry.operator})" if ferry.operator else "") + f": {ferry.as_found}",
             "sailing time only: check-in and boarding before departure are not included"]
    if ferry.km is None:
        notes.append("distance: the straight line between the ports (no published figure)")
    shape = tuple(geodesic_points(ferry.a.point, ferry.b.point, step_km=10.0))
    return Leg(mode="sea", origin=start, destination=end,
               distance_km=Estimate.exact(round(km, 1)), duration_h=ferry.hours,
               countries=tuple(dict.fromkeys((ferry.a.country, ferry.b.country))),
               notes=tuple(notes), sources=ferry.sources, shape=shape)


def sea_options(trip: Trip) -> list[RouteOption]:
    """The listed ferries between the trip's two places (their ports near each).

    Raises
    ------
    NoRouteError
        If no listed ferry joins ports near both places.

    """
    from routes.modes.road import joined_by_road

    if trip.via:
        msg = "ferries are direct: a via applies to rail and road only"
        raise NoRouteError(msg)
    found = load_ferries().between(trip.origin.point, trip.destination.point,
                                   reach_a=reach_km(trip.origin),
                                   reach_b=reach_km(trip.destination))
    found = [f for f in found if f.a.country not in trip.avoid_countries
             and f.b.country not in trip.avoid_countries]
    if not found:
        msg = (f"no listed ferry between ports near {trip.origin.name} and "
               f"{trip.destination.name}")
        raise NoRouteError(msg)
    options = []
    for f in found[:3]:
        legs = joined_by_road(trip.origin, trip.destination, ferry=f)
        options.append(legs)
    return options


class _Sea:
    """The sea mode (see :mod:`routes.modes`)."""

    name = "sea"

    def options(self, trip: Trip, network: Any) -> list[RouteOption]:
        del network
        return sea_options(trip)


MODE = _Sea()
