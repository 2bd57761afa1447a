"""Build the routable rail network and the airport list from the raw geodata.

The pipeline reads ``data/raw/`` (Natural Earth railways, OpenStreetMap ways around
Tumen and Hunchun, Natural Earth countries, OurAirports) and the curated ``facts.toml``
and ``places.csv``, and writes to ``data/network/``: ``rail.json`` (nodes and edges with
their lengths, countries, speed classes and corrections), ``rail_geometry.json`` (the
track geometry of each edge, read only when a route is drawn) and ``airports.json``.
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
6. Official section lengths scale the edges on their path; elsewhere a per-country
   sinuosity factor derived from those sections applies. Named lines set speed classes.
7. Every node gets its IANA time zone (timezonefinder, needed only here).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx
import shapely
from shapely.geometry import LineString, Point, shape

from routes.errors import DataError
from routes.facts import read_facts
from routes.geo.geodesy import distance_km, path_length_km
from routes.geo.places import Place, read_places

__all__ = ["BUILD_TABLES", "BuildReport", "build_fingerprint", "build_network"]

NETWORK_SCHEMA = 1
RAW_FILES = {
    "ne_region": "rail_ne10m_region.geojson",
    "ne_west": "rail_ne10m_trunk_west.geojson",
    "osm_tuhun": "rail_osm_tumen_hunchun.geojson",
    "countries_region": "ne_50m_admin0_countries_region.geojson",
    "countries_world": "ne_110m_admin0_countries_world.geojson",
    "airports": "airports_ourairports_region.csv",
    "osm_stations_cn": "stations_osm_ne_china.csv",
}
_OSM_LINES = {"图珲线"}  # Tumen–Hunchun railway: absent from Natural Earth
_ISLAND_KM = 25.0
_SNAP = {"osm": 0.15, "osm_ne": 2.0, "ne": 0.5}
_PLACE_KINDS = {"station", "border_post"}
_JUNCTION_KM = 2.5
_SINUOSITY_MIN_KM = 100.0  # shorter sections say more about one junction than a country
_BORDER_NAME_KM = 15.0  # an unnamed crossing is named after a station this close

Coord = tuple[float, float]  # (lon, lat), rounded to 5 decimals


@dataclass
class BuildReport:
    """What the build measured: sizes, snaps and section calibration."""

    nodes: int = 0
    edges: int = 0
    snaps: int = 0
    airports: int = 0
    sections: list[dict[str, Any]] = field(default_factory=list)
    sinuosity: dict[str, list[float]] = field(default_factory=dict)
    station_snaps_km: dict[str, float] = field(default_factory=dict)
    crossings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Human-readable summary."""
        out = [f"network: {self.nodes} nodes, {self.edges} edges, {self.snaps} snapped ends; "
               f"{self.airports} airports"]
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


def _load_geojson(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise DataError(f"raw data file not found: {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
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


class _Countries:
    """Point-in-polygon country lookup: detailed regional polygons, world ones elsewhere."""

    def __init__(self, region: Path, world: Path) -> None:
        self.polys: list[tuple[str, Any]] = []
        seen: set[str] = set()
        for path in (region, world):
            for feat in _load_geojson(path):
                props = feat.get("properties") or {}
                code = props.get("ISO_A2")
                if not code or code == "-99":
                    code = str(props.get("ADM0_A3", "??"))[:2]
                geom = shape(feat["geometry"])
                if path == world and code in seen:
                    # Use the world polygon only outside the regional clip box.
                    geom = geom.difference(shapely.box(95, 25, 150, 62))
                    if geom.is_empty:
                        continue
                seen.add(code)
                shapely.prepare(geom)
                self.polys.append((code, geom))
        self.tree = shapely.STRtree([g for _, g in self.polys])

    def lookup(self, coords: Sequence[Coord]) -> list[str]:
        xs = [c[0] for c in coords]
        ys = [c[1] for c in coords]
        result = [""] * len(coords)
        for code, geom in self.polys:
            inside = shapely.contains_xy(geom, xs, ys)
            for i, flag in enumerate(inside):
                if flag and not result[i]:
                    result[i] = code
        for i, code in enumerate(result):
            if not code:
                nearest = self.tree.nearest(Point(coords[i]))
                result[i] = self.polys[int(nearest)][0]
        return result

    def one(self, coord: Coord) -> str:
        p = Point(coord)
        for idx in sorted(int(i) for i in self.tree.query(p, predicate="intersects")):
            return self.polys[idx][0]
        return self.polys[int(self.tree.nearest(p))][0]


def _flat_km(a: Coord, b: Coord) -> float:
    """Short-distance approximation, only for thresholds (never for reported lengths)."""
    k = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * 111.2


def _smooth_islands(vg: _VertexGraph) -> None:
    """Relabel short excursions into a neighbouring country.

    Generalised borders put pieces of a line that runs along a border river on the wrong
    bank. A piece of track labelled with one country, shorter than ``_ISLAND_KM``, whose
    every neighbour lies in one other country, is given that country.
    """
    g = vg.g
    for code in sorted(set(vg.country.values())):
        sub = g.subgraph(n for n in g.nodes if vg.country.get(n) == code)
        for comp in sorted(nx.connected_components(sub), key=min):
            length = sum(_flat_km(a, b) for a, b in sub.subgraph(comp).edges)
            if length >= _ISLAND_KM:
                continue
            around = {vg.country[m] for n in comp for m in g.neighbors(n) if m not in comp}
            if len(around) == 1:
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


class _VertexGraph:
    """Vertices keyed by rounded coordinates; segments carry their source."""

    def __init__(self) -> None:
        self.g: nx.Graph = nx.Graph()
        self.country: dict[Coord, str] = {}
        self.feature: dict[Coord, set[int]] = {}

    def add_line(self, fid: int, source: str, line: list[Coord], countries: list[str]) -> None:
        for c, cc in zip(line, countries, strict=True):
            self.country.setdefault(c, cc)
            self.feature.setdefault(c, set()).add(fid)
        for a, b in pairwise(line):
            if a != b:
                self.g.add_edge(a, b, src=source)


def _snap_ends(vg: _VertexGraph, report: BuildReport) -> None:
    nodes = sorted(vg.g.nodes)
    tree = shapely.STRtree([Point(n) for n in nodes])
    src_of: dict[Coord, set[str]] = {}
    for a, b, d in vg.g.edges(data=True):
        src_of.setdefault(a, set()).add(d["src"])
        src_of.setdefault(b, set()).add(d["src"])

    def snap(end: Coord, tol_km: float, want: str) -> None:
        deg = tol_km / 111.0 / max(math.cos(math.radians(end[1])), 0.2)
        best: tuple[float, Coord] | None = None
        for idx in tree.query(Point(end).buffer(deg)):
            cand = nodes[int(idx)]
            if cand == end or want not in src_of.get(cand, set()):
                continue
            if vg.feature[cand] & vg.feature[end] or vg.g.has_edge(end, cand):
                continue
            d = distance_km((end[1], end[0]), (cand[1], cand[0]))
            if d <= tol_km and (best is None or d < best[0]):
                best = (d, cand)
        if best is not None:
            vg.g.add_edge(end, best[1], src="snap")
            report.snaps += 1

    for passes in (("osm", "osm", _SNAP["osm"]), ("osm", "ne", _SNAP["osm_ne"]),
                   ("ne", "ne", _SNAP["ne"])):
        own, want, tol = passes
        ends = [n for n in nodes if vg.g.degree(n) == 1 and own in src_of.get(n, set())]
        for end in ends:
            if vg.g.degree(end) == 1:
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
            if vg.g.has_node(end) and vg.g.degree(end) >= 3:
                d = distance_km((place.lat, place.lon), (end[1], end[0]))
                if d <= _JUNCTION_KM:
                    junctions.append((d, end))
    free = [j for j in junctions if j[1] not in set(taken)]
    if free:
        d, end = min(free)
        return end, d
    for idx in tree.query(p.buffer(deg)):
        a, b = segments[int(idx)]
        if not vg.g.has_edge(a, b):
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
    src = vg.g.edges[a, b]["src"]
    vg.g.remove_edge(a, b)
    vg.g.add_edge(a, v, src=src)
    vg.g.add_edge(v, b, src=src)
    vg.country.setdefault(v, vg.country[a])
    vg.feature.setdefault(v, vg.feature[a] | vg.feature[b])
    segments.append((a, v))
    segments.append((v, b))
    return v, best[0]


def _border_point(countries: _Countries, a: Coord, b: Coord, ca: str) -> Coord:
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
    g = vg.g
    keep_set = set(keep) | {n for n in g.nodes if g.degree(n) != 2}
    seen: set[tuple[Coord, Coord]] = set()
    edges: list[dict[str, Any]] = []
    for start in sorted(keep_set):
        for nbr in sorted(g.neighbors(start)):
            if (start, nbr) in seen:
                continue
            chain = [start, nbr]
            srcs = {g.edges[start, nbr]["src"]}
            prev, cur = start, nbr
            while cur not in keep_set:
                nxt = next(n for n in g.neighbors(cur) if n != prev)
                srcs.add(g.edges[cur, nxt]["src"])
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


def build_network(data_folder: Path, *, out_folder: Path | None = None) -> BuildReport:
    """Build ``network/rail.json`` and ``network/airports.json`` from ``data_folder``.

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
    countries = _Countries(raw / RAW_FILES["countries_region"], raw / RAW_FILES["countries_world"])

    # 1-2. lines -> vertex graph with countries; snap loose ends.
    features = (_lines(raw / RAW_FILES["ne_region"], "ne")
                + _lines(raw / RAW_FILES["ne_west"], "ne")
                + _lines(raw / RAW_FILES["osm_tuhun"], "osm", _OSM_LINES))
    all_coords = [c for _, line in features for c in line]
    lookup = dict(zip(all_coords, countries.lookup(all_coords), strict=True))
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
    segments = sorted((a, b) if a < b else (b, a) for a, b in vg.g.edges)
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

    # 4. border nodes where a segment changes country.
    _smooth_islands(vg)
    for a, b in sorted(vg.g.edges):
        ca, cb = vg.country[a], vg.country[b]
        if ca == cb:
            continue
        src = vg.g.edges[a, b]["src"]
        p = _border_point(countries, a, b, ca)
        if p in (a, b):
            p = (_r((a[0] + b[0]) / 2), _r((a[1] + b[1]) / 2))
        vg.g.remove_edge(a, b)
        vg.g.add_edge(a, p, src=src)
        vg.g.add_edge(p, b, src=src)
        vg.country[p] = ""
        vg.feature[p] = vg.feature.get(a, set()) | vg.feature.get(b, set())
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
        node = min(cands, key=lambda c: c[0])[1]
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
            near = _nearest_named(named_stations, node.coord, _BORDER_NAME_KM)
            if near:
                node.name = f"{node.name} near {near}"

    # 5. contract chains into edges.
    raw_edges = _contract(vg, keep)
    junctions = sorted({e[k] for e in raw_edges for k in ("a", "b")} - set(keep))
    for i, v in enumerate(junctions):
        keep[v] = _Node(f"n{i}", v, vg.country[v], "junction")
    g: nx.Graph = nx.Graph()
    for v, node in keep.items():
        if node.kind != "border":
            node.country = node.country or vg.country[v]
        g.add_node(node.id, node=node)
    for e in raw_edges:
        a, b = keep[e["a"]], keep[e["b"]]
        length = path_length_km(e["coords"])
        country = a.country if a.kind != "border" else b.country
        if not country:
            country = vg.country[e["coords"][1]] or vg.country[e["coords"][-2]]
        links = sorted(s[5:] for s in e["srcs"] if s.startswith("link:"))
        attrs = {"length": length, "coords": e["coords"], "country": country,
                 "link": links[0] if links else ""}
        if g.has_edge(a.id, b.id) and g.edges[a.id, b.id]["length"] <= length:
            continue
        g.add_edge(a.id, b.id, **attrs)
    # Keep the largest connected piece and every piece holding a curated place.
    parts = sorted(nx.connected_components(g), key=len, reverse=True)
    keep_ids = set(parts[0])
    for part in parts[1:]:
        if any(g.nodes[n]["node"].place for n in part):
            keep_ids |= part
    g = g.subgraph(keep_ids).copy()

    # 6. sections, sinuosity, lines.
    def path_of(stops: Sequence[str], what: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for s in stops:
            if s not in g:
                raise DataError(f"facts.toml: {what}: {s!r} is not on the network")
        for s, t in pairwise(stops):
            try:
                nodes = nx.shortest_path(g, s, t, weight="length")
            except nx.NetworkXNoPath:
                raise DataError(f"facts.toml: {what}: no track from {s} to {t}") from None
            out.extend(pairwise(nodes))
        return out

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
        for a, b in free:
            owner[frozenset((a, b))] = sec.id
            g.edges[a, b]["factor"] = [round(f, 5) for f in factor]
            g.edges[a, b]["factor_source"] = f"section:{sec.id}"
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

    pooled = summarise([r for rows in ratios.values() for r in rows])
    sinuosity = {c: summarise(rows) for c, rows in sorted(ratios.items())}
    sinuosity["*"] = pooled
    report.sinuosity = sinuosity
    for _u, _v, d in g.edges(data=True):
        if "factor" not in d:
            d["factor"] = sinuosity.get(d["country"], pooled)
            d["factor_source"] = f"sinuosity:{d['country'] if d['country'] in sinuosity else '*'}"
        d["speed"] = facts.speed_for_country(d["country"])
        d["line"] = ""
        d["passenger"] = True
    for named in facts.lines:
        for a, b in path_of(named.stations, f"line {named.id!r}"):
            g.edges[a, b]["speed"] = named.speed
            g.edges[a, b]["line"] = named.id
            g.edges[a, b]["passenger"] = named.passenger_service

    # 7. time zones, then write.
    tf = TimezoneFinder()

    def tz_of(lat: float, lon: float) -> str:
        zone = tf.timezone_at(lng=lon, lat=lat) or tf.timezone_at_land(lng=lon, lat=lat)
        return str(zone or "UTC")

    nodes_out = []
    for nid in sorted(g.nodes):
        out_node: _Node = g.nodes[nid]["node"]
        lon, lat = out_node.coord
        item: dict[str, Any] = {"id": nid, "lat": lat, "lon": lon, "kind": out_node.kind,
                                "tz": tz_of(lat, lon)}
        if out_node.kind == "border":
            item["countries"] = list(out_node.countries)
            item["name"] = out_node.name
            if out_node.crossing:
                item["crossing"] = out_node.crossing
        else:
            item["country"] = out_node.country
        if out_node.place:
            item["place"] = out_node.place
            item["name"] = out_node.name
        nodes_out.append(item)
    edges_out = []
    geometry_out = []
    for u, v in sorted(tuple(sorted(e)) for e in g.edges):
        d = g.edges[u, v]
        coords = d["coords"]
        if g.nodes[u]["node"].coord != coords[0]:
            coords = coords[::-1]
        item = {"u": u, "v": v, "km": round(d["length"], 3), "country": d["country"],
                "speed": d["speed"], "factor": d["factor"], "factor_source": d["factor_source"]}
        if d["line"]:
            item["line"] = d["line"]
        if d["link"]:
            item["link"] = d["link"]
        if not d["passenger"]:
            item["passenger"] = False
        edges_out.append(item)
        geometry_out.append({"u": u, "v": v, "coords": [[c[0], c[1]] for c in coords]})
    report.nodes, report.edges = len(nodes_out), len(edges_out)
    inputs = {name: _sha256(raw / fname) for name, fname in sorted(RAW_FILES.items())}
    inputs["facts.toml (build tables)"] = build_fingerprint(data_folder / "facts.toml")
    inputs["places.csv"] = _sha256(data_folder / "places.csv")
    network = {"schema": NETWORK_SCHEMA, "inputs": inputs, "sinuosity": sinuosity,
               "sections": report.sections, "nodes": nodes_out, "edges": edges_out}
    airports = _airports(raw / RAW_FILES["airports"], tz_of)
    report.airports = len(airports)
    out_folder.mkdir(parents=True, exist_ok=True)
    _write_json(out_folder / "rail.json", network)
    _write_json(out_folder / "rail_geometry.json", {"schema": NETWORK_SCHEMA,
                                                    "edges": geometry_out})
    _write_json(out_folder / "airports.json", {"schema": NETWORK_SCHEMA, "inputs": {
        "airports": inputs["airports"]}, "airports": airports})
    return report


def _airports(path: Path, tz_of: Any) -> list[dict[str, Any]]:
    rows = _read_raw_csv(path)
    out = []
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
                    "type": row["type"], "scheduled": row.get("scheduled_service") == "yes",
                    "tz": tz_of(lat, lon)})
    out.sort(key=lambda a: a["iata"])
    return out


def _write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Write one record per line (diffable), atomically."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("{\n")
        keys = list(data)
        for i, key in enumerate(keys):
            value = data[key]
            end = "," if i < len(keys) - 1 else ""
            if isinstance(value, list) and value and isinstance(value[0], dict):
                fh.write(f"{json.dumps(key)}: [\n")
                for j, item in enumerate(value):
                    sep = "," if j < len(value) - 1 else ""
                    line = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
                    fh.write(line + sep + "\n")
                fh.write(f"]{end}\n")
            else:
                fh.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{end}\n")
        fh.write("}\n")
    tmp.replace(path)


def main(argv: Iterable[str] | None = None) -> int:
    """Build from the default data folder and print the report."""
    from routes import settings

    del argv
    report = build_network(settings.data_folder)
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
