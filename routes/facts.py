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
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from routes import settings
from routes.errors import DataError
from routes.estimate import Estimate

__all__ = [
    "AirModel",
    "AirRoute",
    "ClaimRules",
    "Crossing",
    "DwellClass",
    "Facts",
    "GroundAccess",
    "GroundModel",
    "Line",
    "Link",
    "Routing",
    "Section",
    "Service",
    "Source",
    "SpeedClass",
    "load_facts",
]


@dataclass(frozen=True, slots=True)
class Source:
    """A citation: a short key, a title that states the figure, and a URL."""

    key: str
    title: str
    url: str


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
class AirModel:
    """Block time for unscheduled pairs: ``overhead + distance / cruise``."""

    cruise_kmh: Estimate
    overhead_h: Estimate
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


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything in ``facts.toml``, checked."""

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
    air_model: AirModel
    ground_access: tuple[GroundAccess, ...]
    ground_model: GroundModel
    claims: ClaimRules

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

    def gauge(self, country: str) -> int:
        """Track gauge (mm) of ``country``'s network."""
        return self.gauge_by_country.get(country, self.gauge_default)

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
    for needed in ("formalities", "bogie_exchange"):
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

    gauge = _Reader(path, "gauge", data.get("gauge", {}))
    by_country = gauge.tables("by_country")
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
    am = _Reader(path, "air_model", data.get("air_model", {}))
    ground = []
    for r in _records(path, data, "ground_access"):
        ground.append(GroundAccess(r.get("airport", str), r.get("place", str),
                                   r.get("mode", str), r.estimate("km"), r.estimate("hours"),
                                   r.strings("evidence"), cited(r)))
    gm = _Reader(path, "ground_model", data.get("ground_model", {}))
    sin = _Reader(path, "sinuosity", data.get("sinuosity", {}))
    cr = _Reader(path, "claims", data.get("claims", {}))
    return Facts(
        path=path,
        sources=sources,
        sections=tuple(sections),
        sinuosity_floor=float(sin.get("floor", int | float)),
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
                        float(routing.get("max_snap_km", int | float))),
        air_routes=tuple(air_routes),
        air_model=AirModel(am.estimate("cruise_kmh"), am.estimate("overhead_h"), cited(am)),
        ground_access=tuple(ground),
        ground_model=GroundModel(gm.estimate("circuity"), gm.estimate("road_kmh"), cited(gm),
                                 float(gm.get("max_airport_km", int | float))),
        claims=ClaimRules(
            plain_tolerance=float(cr.get("plain_tolerance", int | float)),
            approx_tolerance=float(cr.get("approx_tolerance", int | float)),
            exact_tolerance=float(cr.get("exact_tolerance", int | float)),
            vague_tolerance=float(cr.get("vague_tolerance", int | float)),
            extent_km=tuple(sorted(((int(a), float(b)) for a, b in extent), reverse=True)),
            detour_factor=float(cr.get("detour_factor", int | float))),
    )


def read_facts(path: Path) -> Facts:
    """Read and check a facts file.

    Raises
    ------
    DataError
        If the file is missing, is not TOML, or a record is incomplete or inconsistent.

    """
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise DataError(f"facts file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path.name}: not valid TOML: {exc}") from None
    try:
        return _parse(path, data)
    except DataError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError, IndexError) as exc:
        # A shape no check above foresaw: still the file's fault, and said so.
        raise DataError(f"{path.name}: malformed ({type(exc).__name__}: {exc})") from None


@functools.cache
def _load(path: Path) -> Facts:
    return read_facts(path)


def load_facts() -> Facts:
    """Load ``facts.toml`` from :data:`routes.settings.data_folder` (cached)."""
    return _load(settings.data_folder / "facts.toml")
