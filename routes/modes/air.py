"""Flight options: scheduled routes with published block times, or a block-time model.

A flight option has three legs: ground access to the origin airport, the flight (gate to
gate), and ground access from the destination airport. The flight's distance is the
geodesic between the airports; its time is the published block time when a scheduled
route is known, and otherwise ``overhead + distance / cruise speed``, flagged as
"no scheduled service known". Check-in and security are not included.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routes import settings
from routes.errors import DataError, NoRouteError
from routes.estimate import Budget, Estimate
from routes.facts import AirRoute, GroundAccess
from routes.geo.geodesy import distance_km, geodesic_points
from routes.geo.places import Place
from routes.itinerary import Leg, RouteOption, Stop
from routes.network.graph import Network
from routes.trip import Trip

__all__ = ["Airport", "Airports", "air_options", "airports_for", "load_airports"]

_MAX_FLIGHTS = 3


@dataclass(frozen=True, slots=True)
class Airport:
    """An airport from OurAirports, with its IANA time zone."""

    iata: str
    icao: str
    name: str
    lat: float
    lon: float
    country: str
    city: str
    type: str
    scheduled: bool
    tz: str


class Airports:
    """The airports of ``network/airports.csv`` by IATA code, with a nearest-airport index."""

    def __init__(self, airports: dict[str, Airport]) -> None:
        self.by_iata = airports
        served = [a for a in airports.values()
                  if a.scheduled and a.type in {"large_airport", "medium_airport"}]
        self._served = sorted(served, key=lambda a: a.iata)
        self._tree: Any = None

    def __getitem__(self, iata: str) -> Airport:
        return self.by_iata[iata]

    def __contains__(self, iata: object) -> bool:
        return iata in self.by_iata

    def __len__(self) -> int:
        return len(self.by_iata)

    def nearest(self, lat: float, lon: float, *, k: int = 2,
                max_km: float = float("inf")) -> list[tuple[Airport, float]]:
        """The ``k`` nearest airports with scheduled service, and their distance in km."""
        import shapely

        if self._tree is None:
            self._tree = shapely.STRtree(shapely.points(
                [a.lon for a in self._served], [a.lat for a in self._served]))
        point = shapely.Point(lon, lat)
        for radius in (1.0, 3.0, 10.0, 40.0, 360.0):
            idx = self._tree.query(point.buffer(radius)).tolist()
            found = sorted((distance_km((lat, lon), (self._served[i].lat, self._served[i].lon)),
                            self._served[i].iata) for i in idx)
            reach = radius * 111.0 * 0.3
            if (len(found) >= k and found[k - 1][0] <= reach) or radius >= 360.0:
                return [(self.by_iata[c], d) for d, c in found[:k] if d <= max_km]
        return []


def _read_airports(path: Path) -> Airports:
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except FileNotFoundError:
        msg = f"network file not found: {path}; run 'routes build-network'"
        raise DataError(msg) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{path.name}: unreadable: {exc}") from None
    airports = {}
    for lineno, row in enumerate(rows, start=2):
        try:
            airports[row["iata"]] = Airport(
                row["iata"], row["icao"], row["name"], float(row["lat"]), float(row["lon"]),
                row["country"], row["city"], row["type"], row["scheduled"] == "1", row["tz"])
        except (KeyError, TypeError, ValueError) as exc:
            msg = f"{path.name}: line {lineno}: malformed record ({exc!r})"
            raise DataError(msg) from None
    return Airports(airports)


@functools.cache
def _load_airports(path: Path) -> Airports:
    return _read_airports(path)


def load_airports() -> Airports:
    """The airports of :data:`routes.settings.data_folder` ``/network/airports.csv``."""
    return _load_airports(settings.data_folder / "network" / "airports.csv")


def airports_for(net: Network, place: Place) -> list[Airport]:
    """Airports serving ``place``: its curated ones, else the nearest scheduled ones.

    Returns at most two airports, nearest first, within ``ground_model.max_airport_km``.
    """
    airports = load_airports()
    codes = list(place.airports)
    if not codes and place.kind == "station":
        for other in _city_of(place):
            codes.extend(other.airports)
    found = [airports[c] for c in codes if c in airports]
    if found:
        return found
    limit = net.facts.ground_model.max_airport_km
    return [a for a, _ in airports.nearest(place.lat, place.lon, k=2, max_km=limit)]


def _city_of(station: Place) -> list[Place]:
    from routes.geo.places import load_places

    return [p for p in load_places().values() if p.station == station.id]


def _route(net: Network, a: str, b: str) -> AirRoute | None:
    for r in net.facts.air_routes:
        if {r.origin, r.destination} == {a, b}:
            return r
    return None


def _access(net: Network, place: Place, airport: Airport) -> GroundAccess | None:
    ids = {place.id, place.station}
    for g in net.facts.ground_access:
        if g.airport == airport.iata and g.place in ids:
            return g
    return None


def _stop(name: str, sid: str, kind: str, lat: float, lon: float, tz: str, country: str,
          elapsed: float) -> Stop:
    return Stop(id=sid, name=name, kind=kind, lat=lat, lon=lon, tz=tz, country=country,
                elapsed_h=elapsed)


def _ground_leg(net: Network, place: Place, airport: Airport, *, to_airport: bool,
                elapsed: float, budget: Budget) -> Leg:
    facts = net.facts
    city = _stop(place.name, place.id, place.kind, place.lat, place.lon, airport.tz,
                 place.country, elapsed)
    curated = _access(net, place, airport)
    if curated is not None:
        km, hours, mode = curated.km, curated.hours, curated.mode
        notes = [f"{mode} transfer: " + "; ".join(curated.evidence)]
        sources = facts.urls(curated.sources)
    else:
        gm = facts.ground_model
        line = distance_km(place.point, (airport.lat, airport.lon))
        km = gm.circuity.scaled(line)
        hours = Estimate(km.low / gm.road_kmh.high, km.central / gm.road_kmh.central,
                         km.high / gm.road_kmh.low)
        mode = "road"
        notes = [f"road transfer estimated: {line:.0f} km straight line x circuity "
                 f"{gm.circuity.low:.1f}–{gm.circuity.high:.1f} at "
                 f"{gm.road_kmh.low:.0f}–{gm.road_kmh.high:.0f} km/h"]
        sources = facts.urls(gm.sources)
    budget.add(f"ground:{airport.iata}:{place.id}", hours)
    port = _stop(f"{airport.name} ({airport.iata})", airport.iata, "airport", airport.lat,
                 airport.lon, airport.tz, airport.country, elapsed + hours.central)
    start, end = (city, port) if to_airport else (
        _stop(port.name, port.id, port.kind, port.lat, port.lon, port.tz, airport.country,
              elapsed),
        _stop(city.name, city.id, city.kind, city.lat, city.lon, city.tz, place.country,
              elapsed + hours.central))
    return Leg(mode=mode, origin=start, destination=end, distance_km=km, duration_h=hours,
               countries=(airport.country,), notes=tuple(notes), sources=tuple(sources),
               shape=((start.lon, start.lat), (end.lon, end.lat)))


def _flight(net: Network, trip: Trip, a: Airport, b: Airport) -> RouteOption:
    facts = net.facts
    duration, distance = Budget(), Budget()
    legs = [_ground_leg(net, trip.origin, a, to_airport=True, elapsed=0.0, budget=duration)]
    elapsed = legs[0].duration_h.central
    gc = distance_km((a.lat, a.lon), (b.lat, b.lon))
    route = _route(net, a.iata, b.iata)
    notes = ["distance: geodesic between the airports; the flown track is somewhat longer"]
    if route is not None:
        block = route.block_h
        notes.append(f"scheduled block time ({route.carrier}): " + "; ".join(route.evidence))
        sources = facts.urls(route.sources)
        duration.add(f"air:{a.iata}-{b.iata}", block)
    else:
        m = facts.air_model
        cruise = Estimate(gc / m.cruise_kmh.high, gc / m.cruise_kmh.central, gc / m.cruise_kmh.low)
        flight = Budget()
        flight.add("air:overhead", m.overhead_h)
        flight.add("air:cruise", cruise)
        block = flight.estimate()
        duration.merge(flight)
        notes.append("no scheduled service known: block time modelled as "
                     f"{m.overhead_h.low * 60:.0f}–{m.overhead_h.high * 60:.0f} min taxi, climb "
                     f"and descent + cruise at {m.cruise_kmh.low:.0f}–{m.cruise_kmh.high:.0f} km/h")
        sources = facts.urls(m.sources)
    start = _stop(f"{a.name} ({a.iata})", a.iata, "airport", a.lat, a.lon, a.tz, a.country,
                  elapsed)
    end = _stop(f"{b.name} ({b.iata})", b.iata, "airport", b.lat, b.lon, b.tz, b.country,
                elapsed + block.central)
    legs.append(Leg(mode="air", origin=start, destination=end, distance_km=Estimate.exact(gc),
                    duration_h=block, countries=tuple(dict.fromkeys((a.country, b.country))),
                    notes=tuple(notes), sources=tuple(sources), track=(a.iata, b.iata),
                    _shape_of=functools.partial(_arc, (a.lat, a.lon), (b.lat, b.lon))))
    legs.append(_ground_leg(net, trip.destination, b, to_airport=False,
                            elapsed=end.elapsed_h, budget=duration))
    for leg in legs:
        distance.add(f"leg:{leg.mode}:{leg.origin.id}", leg.distance_km)
    option_notes = ["ground access shown as separate legs; check-in and security not included"]
    if route is None:
        option_notes.append("no scheduled service known on this pair")
    carrier = f" ({route.carrier})" if route is not None else " (no scheduled service known)"
    return RouteOption(
        label=f"Flight {a.iata}–{b.iata}{carrier}",
        modes=tuple(dict.fromkeys(leg.mode for leg in legs)), legs=tuple(legs),
        via=(start.name, end.name), distance_km=distance.estimate(),
        duration_h=duration.estimate(), border_crossings=int(a.country != b.country),
        gauge_changes=0, notes=tuple(option_notes), passenger_service=True,
        scheduled=route is not None,
    )


def _arc(a: tuple[float, float], b: tuple[float, float],
         track: tuple[str, ...]) -> list[tuple[float, float]]:
    del track
    return geodesic_points(a, b)


def air_options(trip: Trip, net: Network) -> list[RouteOption]:
    """Flight options between the airports that serve the trip's two places.

    Raises
    ------
    NoRouteError
        If either place has no airport within reach, or the trip names a via (flights
        here are direct).

    """
    if trip.via:
        msg = "flights are direct: a via applies to rail only"
        raise NoRouteError(msg)
    origins = [a for a in airports_for(net, trip.origin) if a.country not in trip.avoid_countries]
    dests = [a for a in airports_for(net, trip.destination)
             if a.country not in trip.avoid_countries]
    if not origins or not dests:
        lacking = trip.origin if not origins else trip.destination
        msg = f"no airport with scheduled service near {lacking.name}"
        raise NoRouteError(msg)
    flights = [_flight(net, trip, a, b) for a in origins for b in dests if a.iata != b.iata]
    if not flights:
        msg = f"{trip.origin.name} and {trip.destination.name} share their airport"
        raise NoRouteError(msg)
    scheduled = [f for f in flights if f.scheduled]
    chosen = scheduled or sorted(flights, key=lambda f: f.duration_h.central)[:1]
    chosen.sort(key=lambda f: (f.duration_h.central, f.label))
    return chosen[:_MAX_FLIGHTS]
