"""The cited facts behind every estimate: section lengths, speeds, dwell times, flights.

They live in ``data/facts.toml``; this module reads them into small frozen records and
checks them. Every record keeps the keys of its sources, so any number printed by routes
can be traced back to where it came from.

Examples
--------
>>> facts = load_facts()
>>> facts.speeds["kp_mainline"].kmh.central
26.0
>>> facts.sources["pyongra_wp"].url
'https://en.wikipedia.org/wiki/Pyongra_Line'

"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from routes import settings
from routes.datafile import read_toml
from routes.errors import DataError
from routes.estimate import Estimate

__all__ = [
    "AirRoute",
    "AirspaceRule",
    "BorderGroup",
    "BorderRule",
    "ClaimRules",
    "ClosedBorder",
    "Crossing",
    "DwellClass",
    "Facts",
    "GroundAccess",
    "GroundModel",
    "HighSpeedLine",
    "HighSpeedStation",
    "Line",
    "Link",
    "OneStop",
    "Routing",
    "Section",
    "Service",
    "Source",
    "SpeedClass",
    "WorldSinuosity",
    "high_speed_detour",
    "load_facts",
    "read_facts",
    "route_km",
    "station_km",
]


@dataclass(frozen=True, slots=True)
class Source:
    """A citation: a short key, a title that states the figure, and a URL."""

    key: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class WorldSinuosity:
    """The sinuosity factor of the countries without sections, measured on a route table."""

    factor: Estimate
    evidence: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of line with an official length, between two places of the network."""

    id: str
    start: str
    end: str
    via: tuple[str, ...]
    km: Estimate
    sources: tuple[str, ...]
    confidence: str
    derived: str = ""


@dataclass(frozen=True, slots=True)
class SpeedClass:
    """Average running speed of a class of line, stops included (km/h)."""

    id: str
    name: str
    kmh: Estimate
    evidence: tuple[str, ...]
    sources: tuple[str, ...]
    confidence: str


@dataclass(frozen=True, slots=True)
class Line:
    """A named line: the edges on the path through ``stations`` get ``speed``."""

    id: str
    name: str
    stations: tuple[str, ...]
    speed: str
    passenger_service: bool = True
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """A curated piece of track that no geometry file has, drawn through ``places``."""

    id: str
    name: str
    places: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DwellClass:
    """A stop that costs time at a border: formalities, or a bogie exchange (hours)."""

    id: str
    name: str
    hours: Estimate
    sources: tuple[str, ...]
    confidence: str


@dataclass(frozen=True, slots=True)
class Service:
    """A kind of train: replaces some speed and dwell classes with its own figures."""

    id: str
    name: str
    note: str
    speeds: Mapping[str, SpeedClass]
    dwell: Mapping[str, DwellClass]
    crossing_dwell: Mapping[tuple[str, str], DwellClass] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Crossing:
    """A named border crossing and what it costs."""

    id: str
    name: str
    places: tuple[str, str]
    countries: tuple[str, str]
    point: tuple[float, float] | None
    gauge_change_at: str | None
    passenger_service: bool
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GaugeBreak:
    """A border station where two gauges meet, and how passengers cross there."""

    name: str
    countries: frozenset[str]
    lat: float
    lon: float
    method: str  # "bogie_exchange" or "change_trains"


_GAUGE_METHODS = ("bogie_exchange", "change_trains")
_GAUGE_BREAK_KM = 60.0  # a gauge break this near a crossing point is that crossing's


@dataclass(frozen=True, slots=True)
class GaugeRegion:
    """Part of a country whose lines have another gauge (Northern Ireland's Irish gauge)."""

    country: str
    name: str
    mm: int
    box: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max

    def contains(self, lat: float, lon: float) -> bool:
        """Whether a point lies in the region's box."""
        return self.box[0] <= lon <= self.box[2] and self.box[1] <= lat <= self.box[3]


@dataclass(frozen=True, slots=True)
class AirRoute:
    """A scheduled air route with its published block times (hours, gate to gate)."""

    origin: str
    destination: str
    carrier: str
    block_h: Estimate
    evidence: tuple[str, ...]
    sources: tuple[str, ...]
    confidence: str


@dataclass(frozen=True, slots=True)
class AirspaceRule:
    """Extra flight time where a great circle crosses a country most airlines avoid.

    ``extra_h_per_1000km`` scales with the length of the great circle inside the country:
    a flight that clips its edge goes round it at little cost.
    """

    country: str
    exempt_countries: tuple[str, ...]
    extra_h_per_1000km: Estimate
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OneStop:
    """Flights with one connection: when they are offered and what they cost."""

    max_nonstop_km: float
    min_one_stop_km: float
    detour: Estimate
    connection_h: Estimate
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AirTaxi:
    """Minutes a flight spends taxiing, gate to runway and runway to gate (low, mean, high)."""

    minutes: Estimate
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GroundAccess:
    """A sourced transfer between a city station and its airport."""

    airport: str
    place: str
    mode: str
    km: Estimate
    hours: Estimate
    evidence: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GroundModel:
    """Road transfer to an airport with no sourced access: straight line x circuity."""

    circuity: Estimate
    road_kmh: Estimate
    sources: tuple[str, ...]
    max_airport_km: float


@dataclass(frozen=True, slots=True)
class ClaimRules:
    """How far a stated figure may be from the estimate and still be consistent."""

    plain_tolerance: float
    approx_tolerance: float
    exact_tolerance: float
    vague_tolerance: float
    extent_km: tuple[tuple[int, float], ...] = ()
    detour_factor: float = 2.0
    day_tolerance: float = 0.25
    near_tolerance: float = 0.25
    extent_share: float = 0.1
    model_band: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def extent(self, population: int) -> float:
        """Slack (km) for one end of a straight-line distance, by its population."""
        for threshold, km in self.extent_km:
            if population >= threshold:
                return km
        return 0.0


@dataclass(frozen=True, slots=True)
class Routing:
    """Path-choice penalties and limits (design choices, never added to estimates)."""

    no_passenger_weight: float
    border_penalty_h: float
    max_overlap: float
    max_snap_km: float
    access_kmh: float = 15.0
    max_stretch: float = 1.5


@dataclass(frozen=True, slots=True)
class BorderGroup:
    """Countries whose shared borders have no checks on trains (the Schengen Area)."""

    id: str
    name: str
    countries: frozenset[str]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClosedBorder:
    """A rail border with track but no scheduled passenger trains."""

    countries: frozenset[str]
    name: str
    status: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HighSpeedStation:
    """A station of a high-speed line; ``km`` from the line's first station, if published."""

    name: str
    lat: float
    lon: float
    km: float | None


@dataclass(frozen=True, slots=True)
class HighSpeedLine:
    """A high-speed or fast intercity line, drawn through its stations.

    ``speed`` is the id of its speed class (``hsr:<id>``), derived from its length and its
    scheduled times when the facts are read.
    """

    id: str
    name: str
    countries: tuple[str, ...]
    category: str
    max_kmh: float | None
    gauge_mm: int
    length_km: float | None
    fastest_h: float | None
    typical_h: tuple[float, float] | None
    stations: tuple[HighSpeedStation, ...]
    sources: tuple[str, ...]
    confidence: str
    note: str = ""

    @property
    def speed(self) -> str:
        """Id of the line's speed class."""
        return f"hsr:{self.id}"


@dataclass(frozen=True, slots=True)
class ThroughService:
    """Trains timed end to end over a chain of high-speed lines, not line by line.

    A train that runs through Lille or Bologna without stopping is faster than the sum of
    each line's own end-to-end trains. ``lines`` are the lines in order, ``ends`` the first
    and last stations, ``km`` the rail distance between them along the lines; ``speed`` is
    the id of the speed class derived from its timetable.
    """

    id: str
    name: str
    lines: tuple[str, ...]
    ends: tuple[str, str]
    km: float
    sources: tuple[str, ...]
    confidence: str

    @property
    def speed(self) -> str:
        """Id of the service's speed class."""
        return f"through:{self.id}"


@dataclass(frozen=True, slots=True)
class BorderRule:
    """What a rail border crossing costs and what is known about it."""

    countries: tuple[str, str]
    description: str
    formalities: Estimate
    bogie: Estimate | None
    gauges: tuple[int, int]
    gauge_change_at: str | None
    passenger_service: bool
    penalty_h: float
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    bogie_sources: tuple[str, ...]
    change: str = ""  # what the gauge change is ("bogie exchange ...", "change of trains")


@dataclass(frozen=True, slots=True, eq=False)
class Facts:
    """Everything in ``facts.toml``, checked (compared and hashed by identity)."""

    path: Path
    sources: Mapping[str, Source]
    sections: tuple[Section, ...]
    sinuosity_floor: float
    speeds: Mapping[str, SpeedClass]
    speed_default: Mapping[str, str]
    lines: tuple[Line, ...]
    links: tuple[Link, ...]
    dwell: Mapping[str, DwellClass]
    services: Mapping[str, Service]
    crossings: tuple[Crossing, ...]
    gauge_default: int
    gauge_by_country: Mapping[str, int]
    routing: Routing
    air_routes: tuple[AirRoute, ...]
    air_airspace: tuple[AirspaceRule, ...]
    one_stop: OneStop | None
    air_taxi: AirTaxi | None
    ground_access: tuple[GroundAccess, ...]
    ground_model: GroundModel
    claims: ClaimRules
    via_order_stretch: float
    border_groups: tuple[BorderGroup, ...] = ()
    closed_borders: tuple[ClosedBorder, ...] = ()
    high_speed: tuple[HighSpeedLine, ...] = ()
    through: tuple[ThroughService, ...] = ()
    gauge_families: tuple[frozenset[int], ...] = ()
    sinuosity_world: WorldSinuosity | None = None
    # The slower regular trains of a country (``slow_kmh`` in ``rail/speeds.toml``): the
    # overnight and long-distance trains beside the fast ones its speed class describes.
    slow_speeds: Mapping[str, SpeedClass] = field(default_factory=dict)
    gauge_regions: tuple[GaugeRegion, ...] = ()
    gauge_breaks: tuple[GaugeBreak, ...] = ()

    def speed(self, cls: str, service: str = "regular") -> SpeedClass:
        """Speed class ``cls`` as run by ``service``."""
        return self.services[service].speeds.get(cls) or self.speeds[cls]

    def dwell_for(self, kind: str, service: str = "regular",
                  crossing: str | None = None) -> DwellClass:
        """Dwell class ``kind`` (``formalities``, ``bogie_exchange``) for ``service``.

        A service may set the dwell of one ``crossing`` apart from the others.
        """
        svc = self.services[service]
        if crossing is not None and (crossing, kind) in svc.crossing_dwell:
            return svc.crossing_dwell[(crossing, kind)]
        return svc.dwell.get(kind) or self.dwell[kind]

    def gauge(self, country: str, point: tuple[float, float] | None = None) -> int:
        """Track gauge (mm) of ``country``'s network, at ``point`` (lat, lon) if given."""
        if point is not None:
            for region in self.gauge_regions:
                if region.country == country and region.contains(*point):
                    return region.mm
        return self.gauge_by_country.get(country, self.gauge_default)

    def same_gauge(self, a: int, b: int) -> bool:
        """Whether trains of gauges ``a`` and ``b`` run through (1,520 and 1,524 mm do)."""
        return a == b or any(a in f and b in f for f in self.gauge_families)

    def border_rule(self, countries: tuple[str, ...], crossing: str | None,
                    service: str = "regular", point: tuple[float, float] | None = None
                    ) -> BorderRule:
        """What crossing the border between ``countries`` costs, at ``crossing`` if named.

        A named crossing of ``facts.toml`` keeps its own notes and gauge-change place; a
        high-speed line's crossing (``hsr:<id>``) costs nothing beyond the line's
        timetable; between two countries of one border group (the Schengen Area) there are
        no checks; a closed border carries no passenger trains. Elsewhere the crossing
        costs the formalities, and a bogie exchange where the gauges differ. Controlled
        crossings also carry the routing penalty, which steers path choice only.
        """
        a, b = countries[0], countries[1]
        pair = frozenset((a, b))
        gauges = (self.gauge(a, point), self.gauge(b, point))
        notes: list[str] = []
        sources: list[str] = []
        named = next((c for c in self.crossings if c.id == crossing), None)
        group = next((g for g in self.border_groups if pair <= g.countries), None)
        closed = next((c for c in self.closed_borders if c.countries == pair), None)
        zero = Estimate.exact(0.0)
        if crossing and crossing.startswith("hsr:"):
            line = next((x for x in self.high_speed if x.speed == crossing), None)
            name = line.name if line else crossing[4:]
            return BorderRule((a, b), f"on the {name}; its timetable includes any halt",
                              zero, None, gauges, None, True, 0.0, (), (), ())
        formalities = self.dwell_for("formalities", service, crossing)
        if group is not None and named is None:
            description = f"no checks on trains between members of the {group.name}"
            dwell, penalty = zero, 0.0
            sources.extend(group.sources)
        else:
            description = formalities.name
            dwell, penalty = formalities.hours, self.routing.border_penalty_h
            sources.extend(formalities.sources)
        passenger = True
        if named is not None:
            sources.extend(named.sources)
            if named.note:
                notes.append(named.note)
            passenger = named.passenger_service
        elif group is None:
            notes.append("crossing not curated: generic dwell times")
        if closed is not None:
            passenger = False
            notes.append(f"{closed.name}: {closed.status}")
            sources.extend(closed.sources)
        bogie = None
        bogie_sources: tuple[str, ...] = ()
        how = ""
        if not self.same_gauge(*gauges):
            # where passengers change trains at the gauge break (Przemysl, Irun), a change
            # of trains; elsewhere a bogie exchange
            at = self.gauge_break_at(pair, point)
            kind = "transfer" if at is not None and at.method == "change_trains" \
                else "bogie_exchange"
            change = self.dwell_for(kind, service, crossing)
            bogie, bogie_sources, how = change.hours, change.sources, change.name
            if at is not None and kind == "transfer":
                notes.append(f"passengers change trains at {at.name}")
        return BorderRule((a, b), description, dwell, bogie, gauges,
                          named.gauge_change_at if named else None, passenger, penalty,
                          tuple(notes), tuple(dict.fromkeys(sources)), bogie_sources, how)

    def gauge_break_at(self, countries: frozenset[str], point: tuple[float, float] | None
                       ) -> GaugeBreak | None:
        """The listed gauge break of the border ``countries`` near ``point`` (lat, lon)."""
        if point is None:
            return None
        from routes.geo.geodesy import distance_km

        near = [(distance_km(point, (g.lat, g.lon)), g) for g in self.gauge_breaks
                if g.countries == countries]
        found = min(near, key=lambda x: x[0], default=None)
        return found[1] if found is not None and found[0] <= _GAUGE_BREAK_KM else None

    def speed_for_country(self, country: str) -> str:
        """Default speed class of ``country``."""
        return self.speed_default.get(country, "generic")

    def urls(self, keys: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        """URLs of the given source keys, in order."""
        return tuple(self.sources[k].url for k in keys)


class _Reader:
    """Typed access to a TOML table with errors that name the file and the record."""

    def __init__(self, path: Path, where: str, table: Any) -> None:
        if not isinstance(table, Mapping):
            msg = f"{path.name}: {where} must be a table, not {type(table).__name__}"
            raise DataError(msg)
        self.path = path
        self.where = where
        self.table = table

    def fail(self, what: str) -> DataError:
        return DataError(f"{self.path.name}: {self.where}: {what}")

    def get(self, key: str, kind: Any, default: Any = ...) -> Any:
        if key not in self.table:
            if default is ...:
                raise self.fail(f"missing field {key!r}")
            return default
        value = self.table[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
            raise self.fail(f"field {key!r} has the wrong type ({type(value).__name__})")
        return value

    def estimate(self, key: str, *, positive: bool = True) -> Estimate:
        value = self.get(key, list)
        if len(value) != 3 or not all(isinstance(v, int | float) for v in value):
            raise self.fail(f"field {key!r} must be [low, central, high] numbers")
        try:
            est = Estimate.from_list(value)
        except ValueError as exc:
            raise self.fail(f"field {key!r}: {exc}") from None
        if (positive and est.low <= 0) or est.low < 0:
            raise self.fail(f"field {key!r} must be positive")
        return est

    def numbers(self, key: str, size: int, default: Any = ...) -> tuple[float, ...] | None:
        value = self.get(key, list, default)
        if value is None:
            return None
        if len(value) != size or not all(isinstance(v, int | float) and not isinstance(v, bool)
                                          for v in value):
            raise self.fail(f"field {key!r} must be {size} numbers")
        return tuple(float(v) for v in value)

    def tables(self, key: str) -> dict[str, Any]:
        return dict(self.get(key, dict, {}))

    def strings(self, key: str, default: Any = ...) -> tuple[str, ...]:
        value = self.get(key, list, default)
        if not all(isinstance(v, str) for v in value):
            raise self.fail(f"field {key!r} must be a list of strings")
        return tuple(value)


def _records(path: Path, data: Mapping[str, Any], key: str) -> list[_Reader]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise DataError(f"{path.name}: [[{key}]] must be an array of tables")
    out = []
    for i, item in enumerate(items):
        label = item.get("id", i + 1) if isinstance(item, dict) else i + 1
        if not isinstance(item, dict):
            raise DataError(f"{path.name}: {key} #{i + 1} is not a table")
        out.append(_Reader(path, f"{key} {label!r}", item))
    return out


def _tables(path: Path, data: Mapping[str, Any], key: str) -> dict[str, Any]:
    """The named tables under ``[key]``, checked to be a table."""
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise DataError(f"{path.name}: [{key}] must be a table, not {type(value).__name__}")
    return dict(value)


def _parse(path: Path, data: Mapping[str, Any]) -> Facts:
    if data.get("schema") != 1:
        raise DataError(f"{path.name}: unsupported schema {data.get('schema')!r} (expected 1)")

    sources: dict[str, Source] = {}
    for key, table in _tables(path, data, "source").items():
        r = _Reader(path, f"source {key!r}", table)
        sources[key] = Source(key, r.get("title", str), r.get("url", str))

    def cited(r: _Reader) -> tuple[str, ...]:
        keys = r.strings("sources")
        if not keys:
            raise r.fail("no sources")
        for k in keys:
            if k not in sources:
                raise r.fail(f"unknown source {k!r}")
        return keys

    sections = []
    seen: set[str] = set()
    for r in _records(path, data, "section"):
        sid = r.get("id", str)
        if sid in seen:
            raise r.fail("duplicate id")
        seen.add(sid)
        sections.append(Section(
            id=sid, start=r.get("from", str), end=r.get("to", str),
            via=r.strings("via", []), km=r.estimate("km"), sources=cited(r),
            confidence=r.get("confidence", str), derived=r.get("derived", str, ""),
        ))

    speeds: dict[str, SpeedClass] = {}
    for key, table in _tables(path, data, "speed").items():
        r = _Reader(path, f"speed {key!r}", table)
        speeds[key] = SpeedClass(key, r.get("name", str), r.estimate("kmh"),
                                 r.strings("evidence"), cited(r), r.get("confidence", str))
    if "generic" not in speeds:
        raise DataError(f"{path.name}: speed 'generic' is required")
    speed_default = _tables(path, data, "speed_default")
    for country, cls in speed_default.items():
        if not isinstance(cls, str) or cls not in speeds:
            raise DataError(f"{path.name}: speed_default {country!r}: unknown speed {cls!r}")

    lines = []
    for r in _records(path, data, "line"):
        passenger = r.get("passenger_service", bool, True)
        line = Line(r.get("id", str), r.get("name", str), r.strings("stations"),
                    r.get("speed", str), passenger, cited(r) if not passenger else ())
        if line.speed not in speeds:
            raise r.fail(f"unknown speed {line.speed!r}")
        if len(line.stations) < 2:
            raise r.fail("needs at least two stations")
        lines.append(line)

    links = []
    for r in _records(path, data, "link"):
        link = Link(r.get("id", str), r.get("name", str), r.strings("places"), cited(r))
        if len(link.places) < 2:
            raise r.fail("needs at least two places")
        links.append(link)

    dwell: dict[str, DwellClass] = {}
    for key, table in _tables(path, data, "dwell").items():
        r = _Reader(path, f"dwell {key!r}", table)
        dwell[key] = DwellClass(key, r.get("name", str), r.estimate("hours"), cited(r),
                                r.get("confidence", str))
    for needed in ("formalities", "bogie_exchange", "transfer"):
        if needed not in dwell:
            raise DataError(f"{path.name}: dwell {needed!r} is required")

    services: dict[str, Service] = {}
    for key, table in _tables(path, data, "service").items():
        r = _Reader(path, f"service {key!r}", table)
        svc_speeds: dict[str, SpeedClass] = {}
        for cls, sub in r.tables("speed").items():
            if cls not in speeds:
                raise r.fail(f"unknown speed class {cls!r}")
            sr = _Reader(path, f"service {key!r} speed {cls!r}", sub)
            svc_speeds[cls] = SpeedClass(cls, speeds[cls].name, sr.estimate("kmh"),
                                         sr.strings("evidence"), cited(sr),
                                         sr.get("confidence", str))
        svc_dwell: dict[str, DwellClass] = {}
        for kind, sub in r.tables("dwell").items():
            if kind not in dwell:
                raise r.fail(f"unknown dwell class {kind!r}")
            dr = _Reader(path, f"service {key!r} dwell {kind!r}", sub)
            svc_dwell[kind] = DwellClass(kind, dwell[kind].name,
                                         dr.estimate("hours", positive=False), cited(dr),
                                         dr.get("confidence", str))
        services[key] = Service(key, r.get("name", str), r.get("note", str, ""), svc_speeds,
                                svc_dwell)
    if "regular" not in services:
        raise DataError(f"{path.name}: service 'regular' is required")

    crossings = []
    for r in _records(path, data, "crossing"):
        places = r.strings("places")
        countries = r.strings("countries")
        if len(places) != 2 or len(countries) != 2:
            raise r.fail("places and countries must each name two")
        point = r.numbers("point", 2, None)
        crossings.append(Crossing(
            id=r.get("id", str), name=r.get("name", str), places=(places[0], places[1]),
            countries=(countries[0], countries[1]),
            point=(point[0], point[1]) if point else None,
            gauge_change_at=r.get("gauge_change_at", str, None),
            passenger_service=r.get("passenger_service", bool), note=r.get("note", str, ""),
            sources=cited(r),
        ))

    groups = []
    for r in _records(path, data, "border_group"):
        groups.append(BorderGroup(r.get("id", str), r.get("name", str),
                                  frozenset(r.strings("countries")), cited(r)))
    gauge = _Reader(path, "gauge", data.get("gauge", {}))
    by_country = gauge.tables("by_country")
    families = []
    for family in gauge.get("compatible", list, []):
        if not isinstance(family, list) or not all(
                isinstance(v, int) and not isinstance(v, bool) for v in family):
            raise gauge.fail("compatible must be lists of gauges in millimetres")
        families.append(frozenset(family))
    if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0
               for v in by_country.values()):
        raise gauge.fail("by_country must give each country a gauge in millimetres")
    extent = _Reader(path, "claims", data.get("claims", {})).get("extent_km", list)
    if not all(isinstance(pair, list) and len(pair) == 2 and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in pair)
            for pair in extent):
        raise DataError(f"{path.name}: claims: extent_km must be [population, km] pairs")
    routing = _Reader(path, "routing", data.get("routing", {}))
    air_routes = []
    for r in _records(path, data, "air_route"):
        air_routes.append(AirRoute(r.get("from", str), r.get("to", str), r.get("carrier", str),
                                   r.estimate("block_h"), r.strings("evidence"), cited(r),
                                   r.get("confidence", str)))
    airspace = tuple(AirspaceRule(sp.get("country", str), sp.strings("exempt_countries"),
                                  sp.estimate("extra_h_per_1000km", positive=False),
                                  sp.get("note", str), cited(sp))
                     for sp in _records(path, data, "air_airspace"))
    one_stop = None
    if "air_one_stop" in data:
        os_ = _Reader(path, "air_one_stop", data["air_one_stop"])
        one_stop = OneStop(float(os_.get("max_nonstop_km", int | float)),
                           float(os_.get("min_one_stop_km", int | float)),
                           os_.estimate("detour"), os_.estimate("connection_h"), cited(os_))
    air_taxi = None
    if "air_taxi" in data:
        tx = _Reader(path, "air_taxi", data["air_taxi"])
        air_taxi = AirTaxi(tx.estimate("minutes"), cited(tx))
    ground = []
    for r in _records(path, data, "ground_access"):
        ground.append(GroundAccess(r.get("airport", str), r.get("place", str),
                                   r.get("mode", str), r.estimate("km"), r.estimate("hours"),
                                   r.strings("evidence"), cited(r)))
    gm = _Reader(path, "ground_model", data.get("ground_model", {}))
    sin = _Reader(path, "sinuosity", data.get("sinuosity", {}))
    floor = float(sin.get("floor", int | float))
    world = None
    if "world" in sin.table:
        wr = _Reader(path, "sinuosity.world", sin.get("world", dict))
        world = WorldSinuosity(wr.estimate("factor"), wr.strings("evidence"), cited(wr))
        if world.factor.low < floor:
            raise wr.fail(f"factor {world.factor.low} is under the floor {floor}")
    cr = _Reader(path, "claims", data.get("claims", {}))
    vias = _Reader(path, "vias", data.get("vias", {}))
    return Facts(
        path=path,
        sources=sources,
        sections=tuple(sections),
        sinuosity_floor=floor,
        speeds=speeds,
        speed_default=speed_default,
        lines=tuple(lines),
        links=tuple(links),
        dwell=dwell,
        services=services,
        crossings=tuple(crossings),
        gauge_default=int(gauge.get("default", int)),
        gauge_by_country={k: int(v) for k, v in by_country.items()},
        routing=Routing(float(routing.get("no_passenger_weight", int | float)),
                        float(routing.get("border_penalty_h", int | float)),
                        float(routing.get("max_overlap", int | float)),
                        float(routing.get("max_snap_km", int | float)),
                        float(routing.get("access_kmh", int | float)),
                        float(routing.get("max_stretch", int | float))),
        air_routes=tuple(air_routes),
        air_airspace=airspace,
        one_stop=one_stop,
        air_taxi=air_taxi,
        ground_access=tuple(ground),
        ground_model=GroundModel(gm.estimate("circuity"), gm.estimate("road_kmh"), cited(gm),
                                 float(gm.get("max_airport_km", int | float))),
        claims=ClaimRules(
            plain_tolerance=float(cr.get("plain_tolerance", int | float)),
            approx_tolerance=float(cr.get("approx_tolerance", int | float)),
            exact_tolerance=float(cr.get("exact_tolerance", int | float)),
            vague_tolerance=float(cr.get("vague_tolerance", int | float)),
            extent_km=tuple(sorted(((int(a), float(b)) for a, b in extent), reverse=True)),
            detour_factor=float(cr.get("detour_factor", int | float)),
            day_tolerance=float(cr.get("day_tolerance", int | float)),
            near_tolerance=float(cr.get("near_tolerance", int | float)),
            extent_share=float(cr.get("extent_share", int | float)),
            model_band=_model_band(path, data.get("claims", {}).get("model_band", {}))),
        via_order_stretch=float(vias.get("order_stretch", int | float)),
        border_groups=tuple(groups),
        gauge_families=tuple(families),
        sinuosity_world=world,
    )


def _toml(path: Path) -> dict[str, Any]:
    return read_toml(path, what="facts file")


def _cited_urls(r: _Reader, sources: dict[str, Source], key: str = "sources"
                ) -> tuple[str, ...]:
    """The URLs a world-data record cites, registered as sources under their own URL."""
    urls = r.strings(key)
    if not urls:
        raise r.fail("no sources")
    for url in urls:
        sources.setdefault(url, Source(url, r.where, url))
    return urls


def _world(folder: Path, facts: Facts) -> Facts:
    """Add the worldwide rail tables of ``folder / "rail"`` to ``facts``.

    ``speeds.toml`` gives each country's conventional speed class (``country:<ISO>``),
    ``gauges.toml`` the gauge of each country's main lines, ``borders.toml`` the rail
    borders with no passenger trains, and ``high_speed.toml`` the high-speed lines, whose
    speed classes (``hsr:<id>``) are derived here from their lengths and timetables.
    """
    rail = folder / "rail"
    sources = dict(facts.sources)
    speeds = dict(facts.speeds)
    speed_default = dict(facts.speed_default)
    slow_speeds = dict(facts.slow_speeds)
    path = rail / "speeds.toml"
    for r in _records(path, _toml(path), "country"):
        codes = r.strings("codes")
        cls = SpeedClass(f"country:{codes[0]}", r.get("name", str), r.estimate("kmh"),
                         r.strings("evidence"), _cited_urls(r, sources),
                         r.get("confidence", str))
        slow = None
        if "slow_kmh" in r.table:
            slow = SpeedClass(f"slow:{codes[0]}", f"slower trains: {cls.name}",
                              r.estimate("slow_kmh"), r.strings("slow_evidence"),
                              _cited_urls(r, sources, "slow_sources"),
                              r.get("confidence", str))
        for code in codes:
            speeds[f"country:{code}"] = cls
            speed_default.setdefault(code, f"country:{code}")
            if slow is not None:
                slow_speeds.setdefault(code, slow)
    path = rail / "gauges.toml"
    gauges = dict(facts.gauge_by_country)
    regions = list(facts.gauge_regions)
    for code, table in _tables(path, _toml(path), "gauge").items():
        r = _Reader(path, f"gauge {code!r}", table)
        mm = r.get("mm", int)
        if mm <= 0:
            raise r.fail("mm must be positive")
        _cited_urls(r, sources)
        gauges.setdefault(code, mm)
        for k, item in enumerate(r.get("regions", list, [])):
            rr = _Reader(path, f"gauge {code!r} region {k + 1}", item)
            box = rr.numbers("box", 4)
            assert box is not None
            if not (box[0] < box[2] and box[1] < box[3]):
                raise rr.fail("box must be [lon_min, lat_min, lon_max, lat_max]")
            regions.append(GaugeRegion(code, rr.get("name", str), rr.get("mm", int),
                                       (box[0], box[1], box[2], box[3])))
    breaks = []
    for r in _records(path, _toml(path), "gauge_break"):
        method = r.get("method", str, "bogie_exchange")
        if method not in _GAUGE_METHODS:
            raise r.fail(f"method must be one of {', '.join(_GAUGE_METHODS)}")
        if "lat" not in r.table:
            continue  # a break without a sourced point cannot be matched to a crossing
        breaks.append(GaugeBreak(r.get("name", str), frozenset(r.strings("countries")),
                                 float(r.get("lat", int | float)),
                                 float(r.get("lon", int | float)), method))
    path = rail / "borders.toml"
    closed = []
    for r in _records(path, _toml(path), "closed_border"):
        countries = r.strings("countries")
        if len(countries) != 2:
            raise r.fail("countries must name two")
        status = r.get("status", str)
        since = r.get("since", str, "")
        closed.append(ClosedBorder(frozenset(countries), r.get("crossing", str),
                                   f"{status} since {since}" if since else status,
                                   _cited_urls(r, sources)))
    path = rail / "high_speed.toml"
    data = _toml(path) if path.exists() else {}
    lines = [_high_speed_line(r, sources) for r in _records(path, data, "line")] if data else []
    speeds.update(_high_speed_speeds(lines))
    through = []
    detour = high_speed_detour(lines)
    for r in _records(path, data, "through") if "through" in data else []:
        service, timing = _through_service(r, lines, detour, sources)
        through.append(service)
        speeds[service.speed] = _timed_class(service.speed, service.name, service.km, timing,
                                             lines, service.sources, service.confidence)
    return replace(facts, sources=sources, speeds=speeds, speed_default=speed_default,
                   slow_speeds=slow_speeds, gauge_by_country=gauges,
                   gauge_regions=tuple(regions), gauge_breaks=tuple(breaks),
                   closed_borders=tuple(closed),
                   high_speed=tuple(lines), through=tuple(through))


def _through_service(r: _Reader, lines: list[HighSpeedLine], detour: float,
                     sources: dict[str, Source]
                     ) -> tuple[ThroughService, tuple[float, tuple[float, float] | None]]:
    """A ``[[through]]`` record, and its fastest and common times."""
    by_id = {line.id: line for line in lines}
    chain = r.strings("lines")
    unknown = [x for x in chain if x not in by_id]
    if unknown or not chain:
        raise r.fail(f"lines must name lines of the file (unknown: {', '.join(unknown)})")
    ends = (r.get("from", str), r.get("to", str))
    km = 0.0
    at = ends[0]
    for i, line_id in enumerate(chain):
        line = by_id[line_id]
        names = [st.name for st in line.stations]
        nxt = ends[1] if i == len(chain) - 1 else next(
            (n for n in names if n != at and n in
             {st.name for st in by_id[chain[i + 1]].stations}), None)
        if at not in names or nxt is None or nxt not in names:
            raise r.fail(f"line {line_id!r} does not join {at!r} to the next line or the end")
        kms = station_km(line, detour)[0]
        km += abs(kms[names.index(nxt)] - kms[names.index(at)])
        at = nxt
    fastest = r.get("fastest_h", int | float)
    typical = r.numbers("typical_h", 2, None)
    if fastest <= 0:
        raise r.fail("fastest_h must be positive")
    service = ThroughService(r.get("id", str), r.get("name", str), chain, ends, km,
                             _cited_urls(r, sources), r.get("confidence", str))
    return service, (float(fastest), None if typical is None else (min(typical), max(typical)))


def _high_speed_line(r: _Reader, sources: dict[str, Source]) -> HighSpeedLine:
    stations = []
    for i, item in enumerate(r.get("stations", list)):
        sr = _Reader(r.path, f"{r.where} station {i + 1}", item)
        lat, lon = float(sr.get("lat", int | float)), float(sr.get("lon", int | float))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise sr.fail("coordinates out of range")
        km = sr.get("km", int | float, None)
        stations.append(HighSpeedStation(sr.get("name", str), lat, lon,
                                         None if km is None else float(km)))
    if len(stations) < 2:
        raise r.fail("needs at least two stations")
    known = [st.km for st in stations if st.km is not None]
    if any(b < a for a, b in pairwise(known)):
        raise r.fail("station km must increase along the line")
    typical = r.numbers("typical_h", 2, None)
    length = r.get("length_km", int | float, None)
    fastest = r.get("fastest_h", int | float, None)
    for name, value in (("length_km", length), ("fastest_h", fastest)):
        if value is not None and value <= 0:
            raise r.fail(f"{name} must be positive")
    return HighSpeedLine(
        id=r.get("id", str), name=r.get("name", str), countries=r.strings("countries"),
        category=r.get("category", str), max_kmh=_optional_float(r, "max_kmh"),
        gauge_mm=int(r.get("gauge_mm", int, 1435)),
        length_km=None if length is None else float(length),
        fastest_h=None if fastest is None else float(fastest),
        typical_h=None if typical is None else (min(typical), max(typical)),
        stations=tuple(stations), sources=_cited_urls(r, sources),
        confidence=r.get("confidence", str), note=r.get("note", str, ""))


def _optional_float(r: _Reader, key: str) -> float | None:
    value = r.get(key, int | float, None)
    return None if value is None else float(value)


def _geodesic_km(line: HighSpeedLine) -> list[float]:
    """Distance along straight lines between the stations, from the first one."""
    return list(_station_geodesics(tuple((st.lat, st.lon) for st in line.stations)))


@functools.lru_cache(maxsize=4096)
def _station_geodesics(points: tuple[tuple[float, float], ...]) -> tuple[float, ...]:
    """Running geodesic distance along ``points`` (memoised: pure in its argument)."""
    from routes.geo.geodesy import distance_km

    out = [0.0]
    for a, b in pairwise(points):
        out.append(out[-1] + distance_km(a, b))
    return tuple(out)


def high_speed_detour(lines: list[HighSpeedLine] | tuple[HighSpeedLine, ...]) -> float:
    """Median ratio of rail distance to straight lines between the stations.

    Over the lines whose rail distance is published; it scales the lines whose is not.
    """
    import statistics

    ratios = [line.length_km / _geodesic_km(line)[-1] for line in lines
              if line.length_km and _geodesic_km(line)[-1] > 0]
    return statistics.median(ratios) if ratios else 1.1


def station_km(line: HighSpeedLine, detour: float) -> tuple[list[float], str]:
    """Rail distance of each station from the first, and how the figures are known.

    Published station kilometres are kept. Between two of them the straight lines are
    scaled to fit; elsewhere they are scaled by the line's published length over its
    straight lines, or by ``detour`` (see :func:`high_speed_detour`) when the line has none.
    """
    geo = _geodesic_km(line)
    if line.length_km and geo[-1] > 0:
        ratio, how = line.length_km / geo[-1], "official length"
    else:
        ratio, how = detour, (f"straight lines between the stations x {detour:.3f} (median "
                              "ratio of the lines with official lengths)")
    known = {i: st.km for i, st in enumerate(line.stations) if st.km is not None}
    if line.length_km and (len(line.stations) - 1) not in known:
        known[len(line.stations) - 1] = line.length_km
    known.setdefault(0, 0.0)
    out = [0.0]
    for i in range(1, len(line.stations)):
        prev = max(j for j in known if j < i) if any(j < i for j in known) else 0
        nxt = min((j for j in known if j >= i), default=None)
        if nxt is not None and geo[nxt] > geo[prev]:
            scale = (known[nxt] - known[prev]) / (geo[nxt] - geo[prev])
        else:
            scale = ratio
        out.append(out[-1] + (geo[i] - geo[i - 1]) * scale)
    if len(known) > 2 or (line.length_km and len(known) == 2):
        how = "station kilometres" if len(known) > 2 else how
    return out, how


def route_km(line: HighSpeedLine, detour: float) -> tuple[float, str]:
    """Rail distance from the line's first to its last station, and how it is known."""
    km, how = station_km(line, detour)
    return km[-1], how


def _common_ratios(lines: list[HighSpeedLine]) -> tuple[float, float]:
    """Median ratios of the common trains' middle and slow times to the fastest train's."""
    import statistics

    spread = [((line.typical_h[0] + line.typical_h[1]) / 2 / line.fastest_h,
               line.typical_h[1] / line.fastest_h)
              for line in lines if line.fastest_h and line.typical_h]
    if not spread:
        return 1.15, 1.3
    return statistics.median(r[0] for r in spread), statistics.median(r[1] for r in spread)


def _timed_class(sid: str, name: str, km: float,
                 timing: tuple[float, tuple[float, float] | None],
                 lines: list[HighSpeedLine], sources: tuple[str, ...], confidence: str,
                 evidence: Sequence[str] = ()) -> SpeedClass:
    """The speed class of ``km`` run in the fastest and common times of ``timing``.

    The fastest train gives the high speed, the slowest common train the low, and the middle
    of the common times the central. Without common times, the median ratios of the lines
    that have both (:func:`_common_ratios`).
    """
    fastest, typical = timing
    notes = list(evidence) or [f"{km:,.0f} km", f"fastest scheduled {fastest:.2f} h"]
    if typical:
        mid, slow = sum(typical) / 2, typical[1]
        notes.append(f"common trains {typical[0]:.2f}–{typical[1]:.2f} h")
    else:
        mid_ratio, slow_ratio = _common_ratios(lines)
        mid, slow = fastest * mid_ratio, fastest * slow_ratio
        notes.append(f"common trains taken as {mid_ratio:.2f}–{slow_ratio:.2f} x the fastest "
                     "(median of the lines)")
    mid = max(mid, fastest)
    slow = max(slow, mid)
    return SpeedClass(sid, name, Estimate(km / slow, km / mid, km / fastest), tuple(notes),
                      sources, confidence)


def _high_speed_speeds(lines: list[HighSpeedLine]) -> dict[str, SpeedClass]:
    """Average speed, stops included, of each high-speed line: low, central and high.

    From the line's fastest and common times (:func:`_timed_class`). A line with no
    timetable at all takes the median average speed of its category's lines, or the median
    ratio of average to maximum speed over the lines that have one. Both are derived from
    this file, and the class says so.
    """
    import statistics

    detour = high_speed_detour(lines)
    averages = [route_km(line, detour)[0] / line.fastest_h / line.max_kmh
                for line in lines if line.fastest_h and line.max_kmh]
    avg_ratio = statistics.median(averages) if averages else 0.6
    out = {}
    for line in lines:
        km, how = route_km(line, detour)
        evidence = [f"{km:,.0f} km ({how})"]
        if line.fastest_h:
            fastest = line.fastest_h
            evidence.append(f"fastest scheduled {fastest:.2f} h")
        elif line.typical_h:
            # Only the common trains' times are known: the quickest of them is the fastest.
            fastest = line.typical_h[0]
            evidence.append(f"no fastest train found: the quickest common train, {fastest:.2f} h")
        elif line.max_kmh is None:
            same = [route_km(x, detour)[0] / x.fastest_h for x in lines
                    if x.fastest_h and x.category == line.category]
            if not same:
                msg = f"high_speed.toml: line {line.id!r} has neither fastest_h nor max_kmh"
                raise DataError(msg)
            fastest = km / statistics.median(same)
            evidence.append(f"no timetable or top speed found: the median average speed of the "
                            f"other {line.category} lines, {statistics.median(same):.0f} km/h")
        else:
            fastest = km / (line.max_kmh * avg_ratio)
            evidence.append(f"no timetable found: the median average/maximum speed ratio "
                            f"{avg_ratio:.2f} of the other lines x {line.max_kmh:.0f} km/h")
        out[line.speed] = _timed_class(line.speed, line.name, km, (fastest, line.typical_h),
                                       lines, line.sources, line.confidence, evidence)
    return out


def read_facts(path: Path) -> Facts:
    """Read and check a facts file.

    Raises
    ------
    DataError
        If the file is missing, is not TOML, or a record is incomplete or inconsistent.

    """
    data = _toml(path)
    try:
        facts = _parse(path, data)
        if (path.parent / "rail").is_dir():
            facts = _world(path.parent, facts)
        return facts
    except DataError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError, IndexError) as exc:
        # A shape no check above foresaw: still the file's fault, and said so.
        raise DataError(f"{path.name}: malformed ({type(exc).__name__}: {exc})") from None


@functools.cache
def _load(path: Path) -> Facts:
    """Read ``path`` once per process; the parsed facts are kept in the cache folder."""
    from routes.cache import cached

    files = [path, *sorted((path.parent / "rail").glob("*.toml"))]
    found = cached("facts", files, lambda: read_facts(path), code=Path(__file__))
    if not isinstance(found, Facts):  # pragma: no cover - a foreign file in the cache
        return read_facts(path)
    return found


def _model_band(path: Path, table: object) -> dict[str, tuple[float, float]]:
    """Read ``[claims.model_band]``.

    Per estimate (``rail_h``, ``road_km`` …), the factors that widen its low and high ends.
    """
    if not isinstance(table, dict):
        raise DataError(f"{path.name}: claims.model_band must be a table")
    out: dict[str, tuple[float, float]] = {}
    for key, pair in table.items():
        if key in ("note", "sources"):
            continue
        if not (isinstance(pair, list) and len(pair) == 2 and all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in pair)
                and 0 < pair[0] <= 1 <= pair[1]):
            raise DataError(f"{path.name}: claims.model_band.{key} must be [low <= 1, "
                            "high >= 1]")
        out[key] = (float(pair[0]), float(pair[1]))
    return out


def load_facts() -> Facts:
    """Load ``facts.toml`` from :data:`routes.settings.data_folder` (cached)."""
    return _load(settings.data_folder / "facts.toml")
