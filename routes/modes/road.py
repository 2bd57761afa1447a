"""Road travel: a calibrated model of road distance and drive time, with crossings of the sea.

No road network is used. Between two points on one land mass (:mod:`routes.geo.land`):

* road distance = great-circle distance x the circuity of the countries (measured national
  figures where there are some, else the default);
* drive time = road distance / the average door-to-door speed of the countries' road class
  (motorway, mixed or two-lane) at that trip length, interpolated between sourced anchors;
* a controlled land border adds its formalities.

Every figure is in ``data/road/model.toml`` with its sources; ``data/road/drives.csv`` holds
the drives it was fitted to. Where the two ends are on different land masses, the road
uses a fixed link (a bridge, causeway or car shuttle, ``data/road/fixed_links.csv``) or a
car ferry (``data/sea/ferries.csv``), and the crossing is a leg of its own.

Examples
--------
>>> est = load_road_model().estimate((48.8566, 2.3522), (45.764, 4.8357), ("FR", "FR"))
>>> 420 < est.km.central < 520, 4.0 < est.hours.central < 6.0
(True, True)

"""

from __future__ import annotations

import functools
import math
import tomllib
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from routes import settings
from routes.errors import DataError, NoRouteError
from routes.estimate import Budget, Estimate
from routes.geo.geodesy import distance_km
from routes.geo.places import Place
from routes.itinerary import Leg, RouteOption, Stop
from routes.trip import Trip

__all__ = ["FixedLink", "RoadEstimate", "RoadModel", "joined_by_road", "load_road_model",
           "road_options"]

_LINK_SOURCE = "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/railroads/"

_MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class RoadClass:
    """Average door-to-door speed by trip length, for a class of countries."""

    id: str
    name: str
    anchors: tuple[tuple[float, float, float, float], ...]  # (km, low, typical, high) km/h
    sources: tuple[str, ...]

    def speed(self, km: float) -> Estimate:
        """Average speed (km/h) for a trip of ``km``, interpolated on log distance."""
        pts = self.anchors
        if km <= pts[0][0]:
            return Estimate(*pts[0][1:])
        if km >= pts[-1][0]:
            return Estimate(*pts[-1][1:])
        for a, b in pairwise(pts):
            if a[0] <= km <= b[0]:
                t = (math.log(km) - math.log(a[0])) / (math.log(b[0]) - math.log(a[0]))
                lo, c, hi = (a[k] + (b[k] - a[k]) * t for k in (1, 2, 3))
                return Estimate(min(lo, c), c, max(hi, c))
        raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class RoadEstimate:
    """Road distance and drive time between two points, and how they were reckoned."""

    km: Estimate
    hours: Estimate
    basis: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FixedLink:
    """A bridge or tunnel between two land masses, where the rail network crosses."""

    id: str
    a: tuple[float, float]
    b: tuple[float, float]
    km: float


@dataclass(frozen=True, slots=True)
class RoadModel:
    """The figures of ``data/road/model.toml``."""

    circuity_default: Estimate
    circuity_country: dict[str, float]
    circuity_sources: tuple[str, ...]
    classes: dict[str, RoadClass]
    country_class: dict[str, str]
    border_h: Estimate
    border_sources: tuple[str, ...]
    gaps: tuple[tuple[str, frozenset[str], frozenset[str], tuple[str, ...]], ...]
    max_compare_km: float = 4000.0
    closed: tuple[tuple[frozenset[str], str], ...] = ()
    daily_driving_h: float = 9.0  # hours at the wheel in a day of a road trip

    def closed_between(self, ca: str, cb: str) -> str | None:
        """Why no road crosses from country ``ca`` straight into ``cb``, if none does."""
        for pair, note in self.closed:
            if pair == {ca, cb}:
                return note
        return None

    def circuity(self, countries: tuple[str, str]) -> Estimate:
        """Road over great-circle distance for a trip between these countries."""
        d = self.circuity_default
        central = sum(self.circuity_country.get(c, d.central) for c in countries) / 2
        return Estimate(central * d.low / d.central, central, central * d.high / d.central)

    def road_class(self, country: str) -> str:
        """The road class of a country: motorway, two_lane or mixed."""
        return self.country_class.get(country, _MIXED)

    def speed(self, km: float, countries: tuple[str, str]) -> Estimate:
        """Average door-to-door speed for ``km`` of road between these countries."""
        speeds = [self._class_speed(self.road_class(c), km) for c in countries]
        return Estimate(*(sum(getattr(s, f) for s in speeds) / len(speeds)
                          for f in ("low", "central", "high")))

    def _class_speed(self, cls: str, km: float) -> Estimate:
        if cls != _MIXED:
            return self.classes[cls].speed(km)
        # Good trunk roads and a few motorways: typically between the two classes, but a
        # trip on one of its motorway corridors (Belgrade–Budapest, Istanbul–Ankara) runs
        # as fast as in a motorway country: the high end is the motorway class's.
        a, b = self.classes["motorway"].speed(km), self.classes["two_lane"].speed(km)
        return Estimate((a.low + b.low) / 2, (a.central + b.central) / 2, a.high)

    def estimate(self, a: tuple[float, float], b: tuple[float, float],
                 countries: tuple[str, str]) -> RoadEstimate:
        """Road distance and drive time between points ``a`` and ``b`` (``(lat, lon)``)."""
        line = distance_km(a, b)
        c = self.circuity(countries)
        if line < 1e-6:  # the same point: nothing to drive
            zero = Estimate.exact(0.0)
            return RoadEstimate(zero, zero, "road model: the same point", ())
        km = c.scaled(line)
        v = self.speed(km.central, countries)
        central = km.central / v.central if v.central else 0.0
        # Distance and speed are independent sources of error: combine them on log scale.
        below = math.hypot(math.log(km.central / km.low) if km.low else 0.0,
                           math.log(v.high / v.central))
        above = math.hypot(math.log(km.high / km.central), math.log(v.central / v.low))
        hours = Estimate(central * math.exp(-below), central, central * math.exp(above))
        classes = sorted({self.road_class(x) for x in countries})
        basis = (f"road model: {line:,.0f} km great circle x circuity {c.low:.2f}–{c.high:.2f} "
                 f"= {km.central:,.0f} km, at {v.low:.0f}–{v.high:.0f} km/h "
                 f"({' / '.join(x.replace('_', '-') for x in classes)} roads)")
        sources = tuple(dict.fromkeys(
            [*self.circuity_sources[:2],
             *(s for x in classes for s in self._class_sources(x))]))
        return RoadEstimate(km, hours, basis, sources)

    def _class_sources(self, cls: str) -> tuple[str, ...]:
        if cls == _MIXED:
            return (*self.classes["motorway"].sources[:2], *self.classes["two_lane"].sources[:2])
        return self.classes[cls].sources[:3]

    def side_of(self, country: str) -> frozenset[str]:
        """The countries on ``country``'s side of the road gaps (all, if none applies)."""
        for _, side_a, side_b, _ in self.gaps:
            if country in side_a:
                return side_a
            if country in side_b:
                return side_b
        return frozenset()

    def gap_between(self, ca: str, cb: str) -> str | None:
        """The name of a road gap between two countries (the Darién Gap), if any."""
        for name, side_a, side_b, _ in self.gaps:
            if (ca in side_a and cb in side_b) or (ca in side_b and cb in side_a):
                return name
        return None


def read_road_model(path: Path) -> RoadModel:
    """Read ``road/model.toml``.

    Raises
    ------
    DataError
        If the file is missing or malformed.

    """
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        circ = data["circuity"]
        classes = {}
        country_class: dict[str, str] = {}
        for cid, table in data["class"].items():
            if "anchors" not in table:
                continue
            anchors = tuple((float(a[0]), float(a[1]), float(a[2]), float(a[3]))
                            for a in table["anchors"])
            if any(b[0] <= a[0] for a, b in pairwise(anchors)) or not anchors:
                raise DataError(f"{path.name}: class {cid}: anchors must increase in km")
            classes[cid] = RoadClass(cid, table["name"], anchors, tuple(table["sources"]))
            for code in table.get("countries", []):
                country_class[code] = cid
        if set(classes) != {"motorway", "two_lane"}:
            raise DataError(f"{path.name}: classes 'motorway' and 'two_lane' are required")
        gaps = tuple((g["name"], frozenset(g["side_a"]), frozenset(g["side_b"]),
                      tuple(g["sources"])) for g in data.get("gap", []))
        return RoadModel(
            circuity_default=Estimate.from_list(circ["default"]),
            circuity_country={k: float(v) for k, v in circ["country"].items()},
            circuity_sources=tuple(circ["sources"]) + tuple(circ["country_sources"]["urls"]),
            classes=classes, country_class=country_class,
            border_h=Estimate.from_list(data["border"]["hours"]),
            border_sources=tuple(data["border"]["sources"]), gaps=gaps,
            max_compare_km=float(data["options"]["max_compare_km"]),
            closed=tuple((frozenset(c["countries"]), str(c["note"]))
                         for c in data.get("closed", [])),
            daily_driving_h=float(data["daily_driving"]["hours"]))
    except FileNotFoundError:
        raise DataError(f"road model not found: {path}") from None
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, IndexError) as exc:
        raise DataError(f"{path.name}: malformed ({type(exc).__name__}: {exc})") from None


@functools.cache
def _model(path: Path) -> RoadModel:
    return read_road_model(path)


def load_road_model() -> RoadModel:
    """The road model of :data:`routes.settings.data_folder` ``/road/model.toml``."""
    return _model(settings.data_folder / "road" / "model.toml")


# -- options --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Point:
    name: str
    lat: float
    lon: float
    country: str
    id: str = ""

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)


def _nearest_town(point: tuple[float, float]) -> str:
    """The name of the nearest town of the gazetteer, to name a crossing."""
    from routes.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    found = gaz.nearest(point[0], point[1])
    return gaz.name(found[0]) if found else f"{point[0]:.2f}, {point[1]:.2f}"


def _of(place: Place) -> _Point:
    return _Point(place.name, place.lat, place.lon, place.country, place.id)


def _stop(p: _Point, elapsed: float, kind: str = "place") -> Stop:
    from routes.geo.airports import zone_at

    return Stop(id=p.id or f"{kind}:{p.name}", name=p.name, kind=kind, lat=p.lat, lon=p.lon,
                tz=zone_at(p.lat, p.lon), country=p.country, elapsed_h=elapsed)


def _road_leg(a: _Point, b: _Point, elapsed: float, budget: Budget,
              kind_b: str = "place") -> Leg:
    model = load_road_model()
    est = model.estimate(a.point, b.point, (a.country, b.country))
    budget.add(f"road:{a.name}:{b.name}", est.hours)
    return Leg(mode="road", origin=_stop(a, elapsed), destination=_stop(
        b, elapsed + est.hours.central, kind_b), distance_km=est.km, duration_h=est.hours,
        countries=tuple(dict.fromkeys((a.country, b.country))), notes=(est.basis,),
        sources=est.sources, shape=((a.lon, a.lat), (b.lon, b.lat)))


def _border(a: str, b: str) -> tuple[Estimate, tuple[str, ...], str] | None:
    """Formalities at a land border between countries ``a`` and ``b``, if checked."""
    from routes.facts import load_facts

    if a == b:
        return None
    facts = load_facts()
    if any({a, b} <= g.countries for g in facts.border_groups):
        return None
    model = load_road_model()
    return model.border_h, model.border_sources, f"border formalities {a}–{b} (road)"


@dataclass(frozen=True, slots=True)
class _Crossing:
    """A way over water, oriented from ``enter`` to ``leave``."""

    enter: _Point
    leave: _Point
    hours: float
    item: Any  # a Ferry or a FixedLink


@functools.cache
def _crossing_graph(model_path: Path, ferries_path: Path, land_path: Path
                    ) -> tuple[list[_Crossing], dict[int, list[int]], dict[int, list[int]]]:
    """Every crossing (both ways), and per land mass the crossings that start on it.

    Also per land mass, the masses some chain of crossings reaches from it. Fixed links
    are where the rail network crosses between land masses (see :mod:`routes.geo.land`);
    their road time is the road model's over the track's length. Made once and kept in the
    cache folder (:mod:`routes.cache`), keyed by the files read.
    """
    from routes import settings
    from routes.cache import cached
    from routes.geo.countries import RAW
    from routes.geo.gazetteer import gazetteer_fingerprint
    from routes.modes import sea

    # The files read, and the module whose ferries the crossings hold.
    files = [model_path, ferries_path, land_path, settings.data_folder / "raw" / RAW,
             Path(sea.__file__)]
    return cached("road-crossings", files, _make_crossing_graph, code=Path(__file__),
                  extra=[gazetteer_fingerprint()])


def _make_crossing_graph() -> tuple[list[_Crossing], dict[int, list[int]],
                                    dict[int, list[int]]]:
    from routes.geo.countries import load_countries
    from routes.geo.land import load_land
    from routes.modes.sea import load_ferries

    land = load_land()
    model = load_road_model()
    found: list[_Crossing] = []
    countries = load_countries()
    for k, (a, b, km) in enumerate(land.crossings):
        ca, cb = countries.lookup([(a[1], a[0]), (b[1], b[0])])
        link = FixedLink(f"link-{k}", a, b, km)
        pa = _Point(f"{_nearest_town(a)} (bridge or tunnel)", a[0], a[1], ca)
        pb = _Point(f"{_nearest_town(b)} (bridge or tunnel)", b[0], b[1], cb)
        hours = km / model.speed(km, (ca, cb)).central
        found += [_Crossing(pa, pb, hours, link), _Crossing(pb, pa, hours, link)]
    for ferry in load_ferries():
        if ferry.vehicles is False:
            continue
        pa = _Point(ferry.a.name, ferry.a.lat, ferry.a.lon, ferry.a.country)
        pb = _Point(ferry.b.name, ferry.b.lat, ferry.b.lon, ferry.b.country)
        found += [_Crossing(pa, pb, ferry.hours.central, ferry),
                  _Crossing(pb, pa, ferry.hours.central, ferry)]
    starts: dict[int, list[int]] = {}
    links: dict[int, set[int]] = {}
    for k, c in enumerate(found):
        mass, leave = land.mass(c.enter.point), land.mass(c.leave.point)
        if mass is not None and mass != leave:
            starts.setdefault(mass, []).append(k)
            if leave is not None:
                links.setdefault(mass, set()).add(leave)
    reach: dict[int, list[int]] = {}
    for mass in starts:
        seen, todo = {mass}, [mass]
        while todo:
            for nxt in links.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        reach[mass] = sorted(seen)
    return found, starts, reach


def _crossings(a: _Point, b: _Point, avoid: tuple[str, ...],
               side: frozenset[str] = frozenset()) -> list[_Crossing]:
    """The cheapest chain of crossings (fixed links, car ferries) from ``a``'s land to ``b``'s.

    Dijkstra over the crossings, with rough road times (great circle x default circuity at
    the class speed) between the end of one crossing and the start of the next on the same
    land mass. Empty when no chain joins them.
    """
    import heapq

    from routes.geo.geodesy import great_circle_km
    from routes.geo.land import load_land

    data = settings.data_folder
    found, starts, reach = _crossing_graph(data / "road" / "model.toml",
                                           data / "sea" / "ferries.csv",
                                           data / "network" / "land.npz")
    land = load_land()
    model = load_road_model()
    goals = land.masses(b.point)
    if not any(goals.intersection(reach.get(m, ())) for m in land.masses(a.point)):
        return []  # no chain of crossings joins the two lands (or b is out at sea)

    def rough(p: _Point, q: _Point) -> float:
        line = great_circle_km(p.lat, p.lon, q.lat, q.lon)
        return line * model.circuity_default.central / max(
            model.speed(line, (p.country, q.country)).central, 1.0)

    # Entries are (cost, crossing, chain, final): a final entry has reached b's land and
    # counts the road from the last crossing to b; it ends the search when it comes first.
    heap: list[tuple[float, int, tuple[int, ...], bool]] = []
    start_side = model.side_of(a.country)
    for k in (k for mass in sorted(land.masses(a.point)) for k in starts.get(mass, [])):
        c = found[k]
        if c.enter.country in avoid or c.leave.country in avoid:
            continue
        if start_side and c.enter.country not in start_side:
            continue  # across a road gap from a
        heapq.heappush(heap, (rough(a, c.enter) + c.hours, k, (k,), False))
    done: set[int] = set()
    while heap:
        cost, k, chain, final = heapq.heappop(heap)
        if final:
            return [found[j] for j in chain]
        if k in done:
            continue
        done.add(k)
        here = found[k].leave
        mass = land.mass(here.point)
        if mass in goals and (not side or here.country in side):
            heapq.heappush(heap, (cost + rough(here, b), k, chain, True))
        if len(chain) >= 4:
            continue
        here_side = model.side_of(here.country)
        for j in starts.get(mass or -1, []):
            c = found[j]
            if j in done or c.enter.country in avoid or c.leave.country in avoid:
                continue
            if here_side and c.enter.country not in here_side:
                continue
            heapq.heappush(heap, (cost + rough(here, c.enter) + c.hours, j, (*chain, j),
                                  False))
    return []


def _segment(a: _Point, b: _Point, elapsed: float, budget: Budget, distance: Budget,
             avoid: tuple[str, ...], ferry: Any = None) -> list[Leg]:
    """Legs from ``a`` to ``b``: road, and crossings where the sea is in the way."""
    from routes.geo.land import load_land
    from routes.modes.sea import Ferry, ferry_leg, reversed_ferry

    land = load_land()
    model = load_road_model()
    closed = model.closed_between(a.country, b.country)
    if closed is not None and ferry is None:
        raise NoRouteError(f"no road from {a.name} to {b.name}: {closed}; a drive through a "
                           "third country can be asked for with a stop on the way (--via)")
    gap = model.gap_between(a.country, b.country)
    same = bool(land.masses(a.point) & land.masses(b.point))
    if ferry is not None:
        chain = [_Crossing(_Point(ferry.a.name, ferry.a.lat, ferry.a.lon, ferry.a.country),
                           _Point(ferry.b.name, ferry.b.lat, ferry.b.lon, ferry.b.country),
                           ferry.hours.central, ferry)]
    elif same and gap is None:
        chain = []
    else:
        chain = _crossings(a, b, avoid, model.side_of(b.country) if gap else frozenset())
        if not chain:
            why = f"the {gap} has no road" if gap else (
                f"{a.name} and {b.name} are on different land masses and no listed bridge, "
                "tunnel or car ferry joins them")
            raise NoRouteError(f"no road from {a.name} to {b.name}: {why}")
    legs: list[Leg] = []
    t = elapsed
    here = a
    for c in chain:
        if distance_km(here.point, c.enter.point) > 1.0:
            legs.append(_road_leg(here, c.enter, t, budget, "port"))
            distance.add(f"road:{here.name}:{c.enter.name}", legs[-1].distance_km)
            t = legs[-1].destination.elapsed_h
        item = c.item
        if isinstance(item, Ferry):
            oriented = item if item.a.point == c.enter.point else reversed_ferry(item)
            leg = ferry_leg(oriented, t)
            budget.add(f"sea:{item.id}", leg.duration_h)
        else:
            speed = model.speed(item.km, (c.enter.country, c.leave.country))
            hours = Estimate(item.km / speed.high, item.km / speed.central,
                             item.km / speed.low)
            leg = Leg(mode="road", origin=_stop(c.enter, t, "link"), destination=_stop(
                c.leave, t + hours.central, "link"), distance_km=Estimate.exact(item.km),
                duration_h=hours,
                countries=tuple(dict.fromkeys((c.enter.country, c.leave.country))),
                notes=("a bridge or tunnel over the water, where the railway crosses too "
                       f"({item.km:.0f} km of track); its time is the road model's",),
                sources=(_LINK_SOURCE,),
                shape=((c.enter.lon, c.enter.lat), (c.leave.lon, c.leave.lat)))
            budget.add(f"link:{item.id}", hours)
        legs.append(leg)
        distance.add(f"cross:{leg.origin.name}:{leg.destination.name}", leg.distance_km)
        t = leg.destination.elapsed_h
        here = c.leave
    if distance_km(here.point, b.point) > 1.0 or not legs:
        legs.append(_road_leg(here, b, t, budget))
        distance.add(f"road:{here.name}:{b.name}", legs[-1].distance_km)
    return legs


def _at_border(leg: Leg, a: str, b: str) -> tuple[Leg, Stop, Leg] | None:
    """A road leg from country ``a`` to ``b`` cut where its line meets their border.

    The border point is where the straight line crosses the border (Natural Earth 1:50m);
    the two parts share the leg's distance and time in proportion to the straight lines on
    either side of it. ``None`` for a leg that is not a
    plain road leg between the two, or where the data has no such border.
    """
    from routes.geo.airports import zone_at
    from routes.geo.countries import load_countries

    if leg.mode != "road" or leg.origin.country != a or leg.destination.country != b:
        return None
    o, d = leg.origin, leg.destination
    found = load_countries().border_crossing(a, b, (o.lon, o.lat), (d.lon, d.lat))
    if found is None:
        return None
    lon, lat = found
    first, second = distance_km((o.lat, o.lon), (lat, lon)), distance_km((lat, lon), (d.lat, d.lon))
    if first + second <= 0:
        return None
    f = first / (first + second)
    elapsed = o.elapsed_h + f * leg.duration_h.central
    at = Stop(id=f"border:{a}-{b}", name=f"{a}–{b} border", kind="border", lat=lat, lon=lon,
              tz=zone_at(lat, lon), country=None, elapsed_h=elapsed)
    before = replace(leg, destination=at, distance_km=leg.distance_km.scaled(f),
                     duration_h=leg.duration_h.scaled(f), countries=(a,),
                     shape=((o.lon, o.lat), (lon, lat)))
    rest = replace(leg, origin=at, distance_km=leg.distance_km.scaled(1 - f),
                   duration_h=leg.duration_h.scaled(1 - f), countries=(b,),
                   shape=((lon, lat), (d.lon, d.lat)))
    return before, at, rest


def _shifted(leg: Leg, hours: float) -> Leg:
    """``leg`` reached ``hours`` later (after a halt before it)."""
    return replace(leg, origin=replace(leg.origin, elapsed_h=leg.origin.elapsed_h + hours),
                   destination=replace(leg.destination,
                                       elapsed_h=leg.destination.elapsed_h + hours))


def joined_by_road(origin: Place, destination: Place, *, via: tuple[Place, ...] = (),
                   avoid: tuple[str, ...] = (), ferry: Any = None) -> RouteOption:
    """A road trip through ``via`` in order, crossing water where it must.

    With ``ferry``, the trip takes that ferry (oriented from the origin's side).

    Raises
    ------
    NoRouteError
        If the sea or a road gap lies between two stops and nothing crosses it.

    """
    stops = [_of(origin), *(_of(v) for v in via), _of(destination)]
    duration, distance = Budget(), Budget()
    legs: list[Leg] = []
    t = 0.0
    crossings = 0
    for k, (a, b) in enumerate(pairwise(stops)):
        use = ferry if k == 0 and ferry is not None and not via else None
        part = _segment(a, b, t, duration, distance, avoid, use)
        legs.extend(part)
        t = part[-1].destination.elapsed_h
        found = _border(a.country, b.country)
        if found is not None:
            hours, sources, name = found
            duration.add(f"border:{a.country}-{b.country}", hours)
            crossings += 1
            split = _at_border(part[-1], a.country, b.country)
            if split is not None:  # the road leg, cut where it meets the border
                before, at, rest = split
                legs[-1] = before
                after = replace(at, elapsed_h=at.elapsed_h + hours.central)
                legs.append(Leg(mode="border", origin=at, destination=after,
                                distance_km=Estimate.exact(0.0), duration_h=hours,
                                countries=(a.country, b.country), notes=(name,),
                                sources=sources))
                legs.append(_shifted(rest, hours.central))
                t = legs[-1].destination.elapsed_h
                continue
            at = replace(legs[-1].destination, elapsed_h=t)
            after = replace(at, elapsed_h=t + hours.central)
            legs.append(Leg(mode="border", origin=at, destination=after,
                            distance_km=Estimate.exact(0.0), duration_h=hours,
                            countries=(a.country, b.country), notes=(name,), sources=sources))
            t = after.elapsed_h
    sea = [leg for leg in legs if leg.mode == "sea"]
    links = [leg for leg in legs if leg.origin.kind == "link"]
    if sea:
        label = "Road and ferry " + ", ".join(f"{leg.origin.name}–{leg.destination.name}"
                                               for leg in sea)
    elif links:
        label = "Road via the crossing at " + ", ".join(
            leg.origin.name.split(" (")[0] for leg in links)
    else:
        label = "Road" + (f" via {', '.join(v.name for v in via)}" if via else "")
    notes = ["road model, not a road network: distance from the great circle and the "
             "countries' measured circuity; times at average door-to-door speeds, no long "
             "stops"]
    if sea:
        notes.append("ferry times are sailing times; check-in before departure is not "
                     "included")
    return RouteOption(label=label, modes=tuple(dict.fromkeys(leg.mode for leg in legs)),
                       legs=tuple(legs), via=tuple(v.name for v in via),
                       distance_km=distance.estimate(), duration_h=duration.estimate(),
                       border_crossings=crossings, gauge_changes=0, notes=tuple(notes))


def road_options(trip: Trip) -> list[RouteOption]:
    """The road trip (with ferries where needed), and the other ferries that would do.

    Raises
    ------
    NoRouteError
        If no road or car ferry joins the places.

    """
    for p in (trip.origin, trip.destination, *trip.via):
        if p.country in trip.avoid_countries:
            raise NoRouteError(f"{p.name} is in {p.country}, which is to be avoided")
    line = distance_km(trip.origin.point, trip.destination.point)
    limit = load_road_model().max_compare_km
    if len(trip.modes) > 1 and line > limit:
        msg = (f"{trip.origin.name} and {trip.destination.name} are {line:,.0f} km apart; "
               f"drives over {limit:,.0f} km are shown only with --mode road")
        raise NoRouteError(msg)
    best = joined_by_road(trip.origin, trip.destination, via=trip.via,
                          avoid=trip.avoid_countries)
    return [best]


class _Road:
    """The road mode (see :mod:`routes.modes`)."""

    name = "road"

    def options(self, trip: Trip, network: Any) -> list[RouteOption]:
        del network
        return road_options(trip)


MODE = _Road()
