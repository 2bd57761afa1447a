"""Flight options: published block times, or the block-time model fitted to them.

A flight option has three legs: ground access to the origin airport, the flight (gate to
gate), and ground access from the destination airport. The flight's distance is the
great circle between the airports; its time is the published block time when the pair is
listed (``facts.toml`` air routes, ``data/air/block_times.csv``), else the model of
:mod:`routes.modes.block_time`. Beyond the longest nonstop range, or between two smaller
airports far apart, a flight with one connection is given too. Where the great circle
crosses Russia, most airlines fly around it since 2022, and the range says so. Check-in and
security are not included.
"""

from __future__ import annotations

import functools

from routes.errors import NoRouteError
from routes.estimate import Budget, Estimate
from routes.facts import AirRoute, GroundAccess
from routes.geo.airports import Airport, load_airports
from routes.geo.geodesy import distance_km, geodesic_points, great_circle_points
from routes.geo.places import Place
from routes.itinerary import Leg, RouteOption, Stop
from routes.modes.block_time import block_time
from routes.network.graph import Network
from routes.trip import Trip

__all__ = ["air_options", "airports_for"]

_MAX_FLIGHTS = 3


def airports_for(net: Network, place: Place) -> list[Airport]:
    """Airports serving ``place``: its curated ones, else the nearest scheduled ones.

    Returns at most two airports, nearest first, within ``ground_model.max_airport_km``.
    """
    airports = load_airports()
    codes = list(place.airports)
    if not codes and place.kind == "airport" and place.id.startswith("airport:"):
        codes = [place.id.split(":", 1)[1]]  # an airport the place finder found by name
    if not codes and place.kind == "station":
        for other in _city_of(place):
            codes.extend(other.airports)
    found = [airports[c] for c in codes if c in airports]
    if found:
        return found
    limit = net.facts.ground_model.max_airport_km
    near = airports.nearest(place.lat, place.lon, k=6, max_km=limit)
    # The nearest airport, and the nearest large one of the place's country if it is another:
    # long flights leave from the big airport even when a small one is closer (London City,
    # Heathrow); Freetown's Lungi is not Conakry's.
    chosen = near[:1] + [x for x in near[1:] if x[0].type == "large_airport"
                         and x[0].country == place.country][:1]
    if len(chosen) < 2 and len(near) > 1:
        chosen.append(near[1])
    # A place beside a small airport with scheduled service, far from any bigger one, flies
    # from the small one (Jomsom, Lukla, an island's strip), and from the nearest bigger one.
    strip = airports.nearest(place.lat, place.lon, k=1, max_km=_STRIP_KM, small=True)
    if strip and (not near or near[0][1] > 2 * strip[0][1] + _STRIP_KM):
        chosen = strip + near[:1]
    return [a for a, _ in chosen]


#: How near a small airport must be to serve a place that no bigger airport serves as well.
_STRIP_KM = 30.0


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
    """Between a town and its airport: a sourced transfer, else the road model."""
    from routes.modes.road import load_road_model

    facts = net.facts
    city = _stop(place.name, place.id, place.kind, place.lat, place.lon, airport.tz,
                 place.country, elapsed)
    curated = _access(net, place, airport)
    if curated is not None:
        km, hours, mode = curated.km, curated.hours, curated.mode
        notes = [f"{mode} transfer: " + "; ".join(curated.evidence)]
        sources = facts.urls(curated.sources)
    else:
        est = load_road_model().estimate(place.point, (airport.lat, airport.lon),
                                         (place.country, airport.country))
        km, hours, mode = est.km, est.hours, "road"
        notes = [f"road transfer estimated from the {est.basis}"]
        sources = est.sources
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


def _airspace(net: Network, a: Airport, b: Airport) -> tuple[Estimate, str,
                                                             tuple[str, ...]] | None:
    """Extra hours where the great circle crosses a country most airlines may not.

    Since 2022 European, North American, Japanese and Korean airlines fly around Russia
    (Chinese airlines still cross it); South Korean and US airlines fly around North Korea.
    A flight whose great circle passes over such a country, between two airports outside
    it (and its exempt neighbours), gets the extra time of ``facts.toml``
    (``[[air_airspace]]``) for the length inside it: from none (an airline that may cross)
    to the longest detours.
    """
    from routes.geo.countries import load_countries

    points: list[tuple[float, float]] | None = None
    low = central = high = 0.0
    notes: list[str] = []
    sources: list[str] = []
    for rule in net.facts.air_airspace:
        if {a.country, b.country} & set(rule.exempt_countries):
            continue
        if points is None:
            points = great_circle_points((a.lat, a.lon), (b.lat, b.lon),
                                         step_km=_AIRSPACE_STEP_KM)
        inside = load_countries().points_inside(rule.country, points) * _AIRSPACE_STEP_KM
        if not inside:
            continue
        per = rule.extra_h_per_1000km
        extra = Estimate(per.low * inside / 1000, per.central * inside / 1000,
                         per.high * inside / 1000)
        low, central, high = low + extra.low, central + extra.central, high + extra.high
        more = (f"{extra.central * 60:.0f} min (up to {extra.high * 60:.0f})" if extra.high < 1
                else f"{extra.central:.1f} h (up to {extra.high:.1f})")
        notes.append(f"{rule.note}; this one crosses it for {inside:,.0f} km: {more} longer")
        sources.extend(net.facts.urls(rule.sources))
    if not notes:
        return None
    return Estimate(low, central, high), "; ".join(notes), tuple(dict.fromkeys(sources))


_AIRSPACE_STEP_KM = 25.0  # spacing of the great circle's points tested for the airspace


def _flight(net: Network, trip: Trip, a: Airport, b: Airport, *, stops: int = 0
            ) -> RouteOption:
    """A flight option: ground legs, and a nonstop flight or one with a connection."""
    facts = net.facts
    duration, distance = Budget(), Budget()
    legs = [_ground_leg(net, trip.origin, a, to_airport=True, elapsed=0.0, budget=duration)]
    elapsed = legs[0].duration_h.central
    gc = distance_km((a.lat, a.lon), (b.lat, b.lon))
    route = _route(net, a.iata, b.iata) if not stops else None
    notes = ["distance: great circle between the airports; the flown track is a few per "
             "cent longer"]
    if route is not None:
        block = route.block_h
        notes.append(f"scheduled block time ({route.carrier}): " + "; ".join(route.evidence))
        sources = list(facts.urls(route.sources))
        duration.add(f"air:{a.iata}-{b.iata}", block)
    elif not stops:
        found = block_time(a.iata, b.iata, gc)
        block = found.hours
        notes.append(found.basis)
        sources = list(found.sources)
        duration.add(f"air:{a.iata}-{b.iata}", block)
    else:
        one = facts.one_stop
        assert one is not None
        flown = gc * one.detour.central
        found = block_time("", "", flown)
        connection = one.connection_h
        block = Estimate(found.hours.low * one.detour.low / one.detour.central
                         + connection.low, found.hours.central + connection.central,
                         found.hours.high * one.detour.high / one.detour.central
                         + connection.high)
        notes.append(f"one stop: two flights over {one.detour.low:.2f}–{one.detour.high:.2f} x "
                     f"the great circle ({found.basis.split(';')[0]}) and a connection of "
                     f"{connection.low:.1f}–{connection.high:.1f} h")
        sources = [*found.sources, *facts.urls(one.sources)]
        duration.add(f"air:{a.iata}-{b.iata}:one-stop", block)
    detour = _airspace(net, a, b)
    if detour is not None:
        extra, note, extra_sources = detour
        block = Estimate(block.low + extra.low, block.central + extra.central,
                         block.high + extra.high)
        duration.add("air:airspace", extra)
        notes.append(note)
        sources.extend(extra_sources)
    start = _stop(f"{a.name} ({a.iata})", a.iata, "airport", a.lat, a.lon, a.tz, a.country,
                  elapsed)
    end = _stop(f"{b.name} ({b.iata})", b.iata, "airport", b.lat, b.lon, b.tz, b.country,
                elapsed + block.central)
    legs.append(Leg(mode="air", origin=start, destination=end, distance_km=Estimate.exact(gc),
                    duration_h=block, countries=tuple(dict.fromkeys((a.country, b.country))),
                    notes=tuple(notes), sources=tuple(dict.fromkeys(sources)),
                    track=(a.iata, b.iata),
                    _shape_of=functools.partial(_arc, (a.lat, a.lon), (b.lat, b.lon))))
    legs.append(_ground_leg(net, trip.destination, b, to_airport=False,
                            elapsed=end.elapsed_h, budget=duration))
    for leg in legs:
        distance.add(f"leg:{leg.mode}:{leg.origin.id}", leg.distance_km)
    option_notes = ["ground access shown as separate legs; check-in and security not included"]
    if detour is not None:
        option_notes.append("airspace: " + detour[1])
    kind = f" ({route.carrier})" if route is not None else (" (one stop)" if stops else "")
    return RouteOption(
        label=f"Flight {a.iata}–{b.iata}{kind}",
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

    A pair within the longest nonstop range gets a nonstop flight, except one of two smaller
    airports far apart in different countries; a pair beyond it, or one of two smaller
    airports far apart, also a flight with one connection.

    Raises
    ------
    NoRouteError
        If either place has no airport within reach, or the trip names a via (flights
        here are direct).

    """
    if trip.via:
        msg = "flights are direct: a via applies to rail and road only"
        raise NoRouteError(msg)
    origins = [a for a in airports_for(net, trip.origin) if a.country not in trip.avoid_countries]
    dests = [a for a in airports_for(net, trip.destination)
             if a.country not in trip.avoid_countries]
    if trip.origin.country != trip.destination.country:
        origins, dests = _international(origins), _international(dests)
    if not origins or not dests:
        lacking = trip.origin if not origins else trip.destination
        msg = f"no airport with scheduled service near {lacking.name}"
        raise NoRouteError(msg)
    one = net.facts.one_stop
    large = load_airports().large_countries
    # Each flight with how far from main its two airports are (see _minor): a city's main
    # airport carries its flights (Melbourne's Tullamarine, not Essendon, nearer the
    # centre), so it comes first.
    ranked: list[tuple[int, RouteOption]] = []
    apart = distance_km(trip.origin.point, trip.destination.point)
    for a in origins:
        for b in dests:
            if a.iata == b.iata:
                continue
            if max(distance_km(trip.origin.point, (a.lat, a.lon)),
                   distance_km(trip.destination.point, (b.lat, b.lon))) > apart:
                continue  # a drive to the airport longer than the whole way is no flight
            gc = distance_km((a.lat, a.lon), (b.lat, b.lon))
            # a medium airport of a country with no large one is its gateway (Nadi, Fiji;
            # Rarotonga): the long flights land there nonstop
            small = any(x.type != "large_airport" and x.country in large for x in (a, b))
            long_haul = one is not None and gc >= one.min_one_stop_km
            # A long way to a smaller airport abroad is flown with a connection; at home the
            # national carrier often flies it nonstop (Santiago–Easter Island): both then.
            domestic = a.country == b.country
            rank = _minor(a, trip.origin) + _minor(b, trip.destination)
            if (one is None or gc <= one.max_nonstop_km) and not (
                    small and long_haul and not domestic):
                ranked.append((rank, _flight(net, trip, a, b)))
            if one is not None and (gc > one.max_nonstop_km
                                    or (small and gc >= one.min_one_stop_km)):
                ranked.append((rank, _flight(net, trip, a, b, stops=1)))
    if not ranked:
        msg = f"{trip.origin.name} and {trip.destination.name} share their airport"
        raise NoRouteError(msg)
    ranked.sort(key=lambda rf: (rf[0], rf[1].duration_h.central, rf[1].label))
    flights = [f for _, f in ranked]
    scheduled = [f for f in flights if f.scheduled]
    nonstop = [f for f in flights if "one stop" not in f.label and not f.scheduled]
    connecting = [f for f in flights if "one stop" in f.label]
    chosen = (scheduled or nonstop[:1]) + connecting[:1]
    chosen.sort(key=lambda f: (f.duration_h.central, f.label))
    return chosen[:_MAX_FLIGHTS]


def _minor(airport: Airport, place: Place) -> int:
    """0 for a large airport of the place's country; more for a smaller one, more again abroad.

    Conakry's flights leave from Conakry, not from Freetown's larger Lungi nearby.
    """
    return 2 * (airport.country != place.country) + (airport.type != "large_airport")


def _international(airports: list[Airport]) -> list[Airport]:
    """For a flight abroad, a city's international airports, if its name says it has one.

    New York's flights to London leave from Newark or JFK, not La Guardia; Buenos Aires'
    from Ezeiza, not the Aeroparque. A city none of whose airports says so keeps them all.
    """
    named = [a for a in airports if "international" in a.name.casefold()]
    return named or airports


class _Air:
    """The air mode (see :mod:`routes.modes`)."""

    name = "air"

    def options(self, trip: Trip, network: Network) -> list[RouteOption]:
        return air_options(trip, network)


MODE = _Air()
