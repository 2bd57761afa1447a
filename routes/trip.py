"""A trip: where from, where to, through and around what, by which modes, and when.

:func:`plan_trip` turns names into a checked :class:`Trip`; route finding takes a trip and
nothing else.

Examples
--------
>>> trip = plan_trip("Pyongyang", "Vladivostok", via=["Tumen"], avoid=["MN"])
>>> trip.origin.name, trip.via[0].name, trip.avoid_countries
('Pyongyang', 'Tumen', ('MN',))
>>> plan_trip("Pyongyang", "pyongyang")
Traceback (most recent call last):
...
routes.errors.InputError: origin and destination are the same place (Pyongyang); ...

"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from routes.errors import InputError, NoRouteError, PlaceNotFoundError
from routes.facts import load_facts
from routes.geo.geodesy import great_circle_km
from routes.geo.places import Place
from routes.geo.resolve import read_places, resolve_places
from routes.modes import MODE_NAMES

__all__ = ["MODES", "Trip", "plan_trip", "via_order_note"]

_ORDERS_CHECKED = 6  # the order of more vias than this is not checked (720 orders)

MODES = MODE_NAMES


def _is_country_code(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code of a country in the gazetteer."""
    from routes.geo.gazetteer import load_gazetteer

    return len(code) == 2 and code.isupper() and load_gazetteer().country_entry(code) is not None


@dataclass(frozen=True, slots=True)
class Trip:
    """What the traveller wants; every name already resolved.

    Parameters
    ----------
    origin, destination
        Resolved places.
    via
        Places the route must pass, in order (rail only).
    avoid_countries
        ISO codes the route must not enter.
    avoid_places
        Places the route must not pass.
    modes
        Subset of :data:`routes.modes.MODE_NAMES` (rail, road, air, sea).
    alternatives
        How many rail alternatives to look for (at least 1).
    depart
        Departure time with its time zone, or ``None``.
    service
        Kind of train (``regular`` timetabled trains, or ``special`` for the leader's
        train): picks the speed and dwell figures from ``facts.toml``.
    notes
        How names were read where they may mean another place ("“Victoria” is read as
        ...; it may also be ...").

    """

    origin: Place
    destination: Place
    via: tuple[Place, ...] = ()
    avoid_countries: tuple[str, ...] = ()
    avoid_places: tuple[Place, ...] = ()
    modes: tuple[str, ...] = MODES
    alternatives: int = 3
    depart: dt.datetime | None = None
    service: str = "regular"
    notes: tuple[str, ...] = ()


def _modes(mode: str | Iterable[str]) -> tuple[str, ...]:
    names = [mode] if isinstance(mode, str) else list(mode)
    out: list[str] = []
    for name in names:
        if name == "any":
            out.extend(MODES)
        elif name in MODES:
            out.append(name)
        else:
            msg = f"unknown mode {name!r}; use {', '.join(MODES)} or any"
            raise InputError(msg)
    return tuple(m for m in MODES if m in out)


def plan_trip(
    origin: str | Place,
    destination: str | Place,
    *,
    via: Iterable[str | Place] = (),
    avoid: Iterable[str] = (),
    mode: str | Iterable[str] = "any",
    alternatives: int = 3,
    depart: dt.datetime | str | None = None,
    service: str = "regular",
) -> Trip:
    """Resolve names and check that the trip makes sense.

    Parameters
    ----------
    origin, destination
        Place names (or places).
    via
        Places to pass, in order.
    avoid
        Two-letter country codes (``CN``) or place names.
    mode
        ``"rail"``, ``"road"``, ``"air"``, ``"sea"``, ``"any"`` or a list of modes.
    alternatives
        Number of rail options wanted, 1 to 10.
    depart
        Departure as an aware datetime or an ISO 8601 string with an offset or
        ``[Area/City]`` zone, e.g. ``2019-04-24T05:00+09:00``.
    service
        ``regular`` or another service defined in ``facts.toml`` (``special``).

    Raises
    ------
    PlaceNotFoundError
        An unknown name (with suggestions).
    InputError
        Same origin and destination, a via that is avoided, a bad mode or time.
    NoRouteError
        The origin or destination lies in a country to be avoided.

    """
    wanted = [origin, destination, *via]
    names = [w for w in wanted if not isinstance(w, Place)]
    read = read_places(names) if names else None
    resolved = iter(read.places if read else [])
    places_in_order = [w if isinstance(w, Place) else next(resolved) for w in wanted]
    orig, dest = places_in_order[0], places_in_order[1]
    if orig.id == dest.id:
        msg = (f"origin and destination are the same place ({orig.name}); "
               "give two different places")
        raise InputError(msg)
    vias = tuple(places_in_order[2:])
    for v in vias:
        if v.id in (orig.id, dest.id):
            msg = f"via {v.name} is the origin or the destination; drop it"
            raise InputError(msg)
    countries: list[str] = []
    places: list[Place] = []
    for item in avoid:
        code = item.strip()
        if _is_country_code(code):
            countries.append(code)
            continue
        try:
            places.append(resolve_places([code])[0])
        except PlaceNotFoundError as exc:
            if len(code) == 2:
                msg = f"unknown country code {code!r}; use ISO 3166 codes such as CN, RU, FR, US"
                raise InputError(msg) from None
            raise exc from None
    for p in vias:
        if p.country in countries or any(a.id == p.id for a in places):
            msg = f"via {p.name} ({p.country}) is also to be avoided; drop one of the two"
            raise InputError(msg)
    for p in (orig, dest):
        if p.country in countries:
            msg = (f"no route: {p.name} is in {p.country}, which is to be avoided")
            raise NoRouteError(msg)
        if any(a.id == p.id for a in places):
            msg = f"{p.name} is both an end of the trip and to be avoided"
            raise InputError(msg)
    if not 1 <= alternatives <= 10:
        msg = f"alternatives must be between 1 and 10, not {alternatives}"
        raise InputError(msg)
    services = load_facts().services
    if service not in services:
        msg = f"unknown service {service!r}; use one of {', '.join(sorted(services))}"
        raise InputError(msg)
    return Trip(orig, dest, vias, tuple(dict.fromkeys(countries)), tuple(places),
                _modes(mode), alternatives, _parse_depart(depart), service,
                read.notes if read else ())


def _parse_depart(value: dt.datetime | str | None) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        zone = None
        if text.endswith("]") and "[" in text:
            text, zone = text[:-1].split("[", 1)
        try:
            when = dt.datetime.fromisoformat(text)
        except ValueError:
            msg = (f"cannot read departure time {value!r}; use ISO 8601 with an offset, "
                   "e.g. 2019-04-24T05:00+09:00 or 2019-04-24T05:00[Asia/Pyongyang]")
            raise InputError(msg) from None
        if zone is not None:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                when = when.replace(tzinfo=ZoneInfo(zone))
            except (ZoneInfoNotFoundError, ValueError):
                msg = f"unknown time zone {zone!r}"
                raise InputError(msg) from None
        value = when
    if value.tzinfo is None or value.utcoffset() is None:
        msg = "the departure time needs a time zone, e.g. 2019-04-24T05:00+09:00"
        raise InputError(msg)
    return value


def via_order_note(trip: Trip) -> str | None:
    """A warning when the trip's places to pass seem out of order, else ``None``.

    The places are passed in the order given, never reordered. They seem out of order when
    the straight lines from the origin through them to the destination are longer than
    ``[vias] order_stretch`` (``facts.toml``) times those of the shortest order. Up to six
    places are checked.

    >>> via_order_note(plan_trip("Moscow", "Vladivostok", via=["Irkutsk", "Novosibirsk"]))
    'the places to pass seem out of order: Moscow → Irkutsk → Novosibirsk → Vladivostok is ...'
    >>> via_order_note(plan_trip("Moscow", "Vladivostok", via=["Novosibirsk", "Irkutsk"]))

    """
    if not 2 <= len(trip.via) <= _ORDERS_CHECKED:
        return None

    def length(order: Sequence[Place]) -> float:
        stops = [trip.origin, *order, trip.destination]
        return sum(great_circle_km(a.lat, a.lon, b.lat, b.lon)
                   for a, b in itertools.pairwise(stops))

    given = length(trip.via)
    best = min(itertools.permutations(trip.via), key=length)
    shortest = length(best)
    if given <= load_facts().via_order_stretch * shortest:
        return None
    route = " → ".join(p.name for p in (trip.origin, *trip.via, trip.destination))
    return (f"the places to pass seem out of order: {route} is {given:,.0f} km in straight "
            f"lines, against {shortest:,.0f} km through {', '.join(p.name for p in best)} "
            "in that order; the route passes them in the order given")
