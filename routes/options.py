"""Route options for a trip: rail and air, side by side.

Examples
--------
>>> result = find_options(plan_trip("Pyongyang", "Vladivostok", alternatives=1))
>>> [o.modes for o in result.options]
[('rail',), ('road', 'air', 'rail')]
>>> result.options[0].gauge_changes
1

"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from routes.errors import NoRouteError
from routes.itinerary import Leg, RouteOption, Stop
from routes.modes import MODE_NAMES, get_mode
from routes.network.graph import Network, load_network
from routes.trip import Trip, plan_trip, via_order_note

__all__ = ["TripOptions", "find_options", "plan_trip"]


@dataclass(frozen=True, slots=True)
class TripOptions:
    """The options found for a trip, with notes.

    ``notes`` say why a mode has none, and whether the places to pass seem out of order
    (:func:`~routes.trip.via_order_note`).
    """

    trip: Trip
    options: tuple[RouteOption, ...]
    notes: tuple[str, ...] = ()


def find_options(trip: Trip, *, network: Network | None = None) -> TripOptions:
    """List the realistic ways to make ``trip``: by rail, road, air and sea.

    Parameters
    ----------
    trip
        From :func:`plan_trip`.
    network
        Defaults to :func:`routes.network.graph.load_network`.

    Returns
    -------
    TripOptions
        Rail options first, shortest first, then road, flights and ferries; with
        ``trip.depart`` every stop has a local arrival time.

    Raises
    ------
    NoRouteError
        If no mode has any option; the message gives each mode's reason.

    """
    net = network or load_network()
    options: list[RouteOption] = []
    order = via_order_note(trip)
    notes: list[str] = [*trip.notes, *([order] if order else [])]
    for name in MODE_NAMES:
        if name not in trip.modes:
            continue
        try:
            options.extend(get_mode(name).options(trip, net))
        except NoRouteError as exc:
            notes.append(f"{name}: {exc}")
    if not options:
        raise NoRouteError("; ".join(n for n in notes if n != order and n not in trip.notes)
                           or "no mode selected")
    # The road mode may cross by the same ferry the sea mode lists: keep one of them. Rail
    # alternatives between the same stations and border posts differ by their track.
    unique: dict[tuple[tuple[str, str, str, tuple[str, ...]], ...], RouteOption] = {}
    for o in options:
        unique.setdefault(tuple((leg.mode, leg.origin.name, leg.destination.name, leg.track)
                                for leg in o.legs), o)
    options = list(unique.values())
    # By mode (rail, road, air, sea), each shortest first: the direct route, then detours;
    # flights quickest first (a nonstop to Heathrow before a connection to London City,
    # though the City airport is nearer the centre).
    options.sort(key=lambda o: (_rank(o), o.duration_h.central if _rank(o) == _AIR
                                else o.distance_km.central, o.label))
    if trip.depart is not None:
        options = [_timed(o, trip.depart) for o in options]
    return TripOptions(trip, tuple(options), tuple(notes))


_AIR = MODE_NAMES.index("air")


def _rank(option: RouteOption) -> int:
    """Where an option's main mode comes in :data:`~routes.modes.MODE_NAMES`."""
    main = "air" if "air" in option.modes else "sea" if option.modes == ("sea",) else (
        "rail" if "rail" in option.modes else "road")
    return MODE_NAMES.index(main)


def _at(stop: Stop, depart: dt.datetime) -> Stop:
    when = (depart + dt.timedelta(hours=stop.elapsed_h)).astimezone(ZoneInfo(stop.tz))
    return replace(stop, arrival=when.replace(microsecond=0, second=0))


def _timed(option: RouteOption, depart: dt.datetime) -> RouteOption:
    legs: list[Leg] = []
    for leg in option.legs:
        legs.append(replace(leg, origin=_at(leg.origin, depart),
                            destination=_at(leg.destination, depart),
                            stops=tuple(_at(s, depart) for s in leg.stops)))
    return replace(option, legs=tuple(legs))
