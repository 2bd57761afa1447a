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
from routes.modes.air import air_options
from routes.modes.rail import rail_options
from routes.network.graph import Network, load_network
from routes.trip import Trip, plan_trip

__all__ = ["TripOptions", "find_options", "plan_trip"]


@dataclass(frozen=True, slots=True)
class TripOptions:
    """The options found for a trip, and why a mode has none (``notes``)."""

    trip: Trip
    options: tuple[RouteOption, ...]
    notes: tuple[str, ...] = ()


def find_options(trip: Trip, *, network: Network | None = None) -> TripOptions:
    """List the realistic ways to make ``trip`` by rail and by air.

    Parameters
    ----------
    trip
        From :func:`plan_trip`.
    network
        Defaults to :func:`routes.network.graph.load_network`.

    Returns
    -------
    TripOptions
        Rail options first, shortest first, then flights; with ``trip.depart`` every stop
        has a local arrival time.

    Raises
    ------
    NoRouteError
        If no mode has any option; the message gives each mode's reason.

    """
    net = network or load_network()
    options: list[RouteOption] = []
    notes: list[str] = []
    for mode, finder in (("rail", rail_options), ("air", air_options)):
        if mode not in trip.modes:
            continue
        try:
            options.extend(finder(trip, net))
        except NoRouteError as exc:
            notes.append(f"{mode}: {exc}")
    if not options:
        raise NoRouteError("; ".join(notes) if notes else "no mode selected")
    # Rail first, shortest track first (the direct route, then the detours), then flights.
    options.sort(key=lambda o: (o.modes != ("rail",), o.distance_km.central, o.label))
    if trip.depart is not None:
        options = [_timed(o, trip.depart) for o in options]
    return TripOptions(trip, tuple(options), tuple(notes))


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
