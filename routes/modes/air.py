"""Flight options: scheduled routes with published block times, or a block-time model.

A flight option has three legs: ground access to the origin airport, the flight (gate to
gate), and ground access from the destination airport. The flight's distance is the
geodesic between the airports; its time is the published block time when a scheduled
route is known, and otherwise ``overhead + distance / cruise speed``, flagged as
"no scheduled service known". Check-in and security are not included.
"""

from __future__ import annotations

import functools

from routes.errors import NoRouteError
from routes.estimate import Budget, Estimate
from routes.facts import AirRoute, GroundAccess
from routes.geo.geodesy import distance_km, geodesic_points, great_circle_km
from routes.geo.places import Place
from routes.itinerary import Leg, RouteOption, Stop
from routes.network.graph import Airport, Network
from routes.trip import Trip

__all__ = ["air_options", "airports_for"]

_MAX_FLIGHTS = 3


def airports_for(net: Network, place: Place) -> list[Airport]:
    """Airports serving ``place``: its curated ones, else the nearest scheduled ones.

    Returns at most two airports, nearest first, within ``ground_model.max_airport_km``.
    """
    codes = list(place.airports)
    if not codes and place.kind == "station":
        for other in _city_of(place):
            codes.extend(other.airports)
    found = [net.airports[c] for c in codes if c in net.airports]
    if found:
        return found
    limit = net.facts.ground_model.max_airport_km
    near = sorted(
        (great_circle_km(place.lat, place.lon, a.lat, a.lon), a.iata, a)
        for a in net.airports.values()
        if a.scheduled and a.type in {"large_airport", "medium_airport"})
    return [a for d, _, a in near[:2] if distance_km(place.point, (a.lat, a.lon)) <= limit]


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
