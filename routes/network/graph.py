"""The rail network as built by :mod:`routes.network.build`: nodes and edges as arrays.

Nodes are stations, junctions and border points; edges carry the measured geometry length
(``km``), the correction factor that turns it into real track length (from an official
section, a high-speed line's official length or a country's sinuosity), the country, the
speed class and whether passenger trains run. The arrays come from ``network/rail.npz`` and
the tables from ``network/rail.json``; node records and track geometry are made only when a
route needs them, so the whole world loads in a few tens of milliseconds.

Examples
--------
>>> net = load_network()
>>> net.node("khasan_station").country
'RU'
>>> net.node("border:tumangang_khasan").countries
('KP', 'RU')
>>> net.edge_distance("khasan_station", net.neighbors("khasan_station")[0]).central > 0
True

"""

from __future__ import annotations

import functools
import json
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from routes import settings
from routes.errors import DataError
from routes.estimate import Estimate
from routes.facts import Facts, load_facts
from routes.geo.geodesy import distance_km, great_circle_km, great_circle_km_many

if TYPE_CHECKING:
    import networkx as nx
    from numpy.typing import NDArray

__all__ = ["Edge", "Network", "Node", "load_network", "read_network"]

_SCHEMA = 2
KINDS = ("junction", "station", "border_post", "bridge", "border", "city", "town")
PASSENGER, HIGH_SPEED, TRANSFER = 1, 2, 4


@dataclass(frozen=True, slots=True)
class Node:
    """A node of the rail graph.

    ``kind`` is ``station``, ``border_post``, ``bridge``, ``junction``, ``town`` (where a
    line passes a town) or ``border``. A border node has two ``countries`` and no
    ``country``.
    """

    id: str
    lat: float
    lon: float
    kind: str
    tz: str
    country: str | None
    countries: tuple[str, ...] = ()
    name: str = ""
    place: str | None = None
    crossing: str | None = None


@dataclass(frozen=True, slots=True)
class Edge:
    """One edge of the rail graph, with its attributes."""

    u: str
    v: str
    km: float
    factor: tuple[float, float, float]
    factor_source: str
    country: str
    speed: str
    line: str
    link: str
    passenger: bool
    high_speed: bool
    transfer: bool


class Network:
    """The rail graph, and the facts used to cost it.

    Use :func:`load_network` rather than building one by hand.
    """

    def __init__(self, arrays: Mapping[str, Any], tables: Mapping[str, Any], facts: Facts,
                 path: Path) -> None:
        self.facts = facts
        self.path = path
        self.lat: NDArray[np.float64] = arrays["lat"]
        self.lon: NDArray[np.float64] = arrays["lon"]
        self._kind = arrays["kind"]
        self._country = arrays["country"]
        self._tz = arrays["tz"]
        self.u: NDArray[np.int32] = arrays["u"]
        self.v: NDArray[np.int32] = arrays["v"]
        self.km: NDArray[np.float64] = arrays["km"]
        self.factor: NDArray[np.float64] = arrays["factor"]
        self.edge_country = arrays["edge_country"]
        self.speed = arrays["speed"]
        self.factor_source = arrays["factor_source"]
        self.line = arrays["line"]
        self.link = arrays["link"]
        self.flags = arrays["flags"]
        self._offsets = arrays["offsets"]
        self._delta = arrays["delta"]
        self._coords: NDArray[np.float64] | None = None
        strings = tables["strings"]
        self.countries: list[str] = strings["country"]
        self.zones: list[str] = strings["tz"]
        self.speeds: list[str] = strings["speed"]
        self.factor_sources: list[str] = strings["factor_source"]
        self.lines: list[str] = strings["line"]
        self.links: list[str] = strings["link"]
        self.sinuosity = {k: Estimate.from_list(v) for k, v in tables["sinuosity"].items()}
        self._named: dict[int, Mapping[str, Any]] = {int(n["i"]): n for n in tables["named"]}
        self._index: dict[str, int] = {str(n["id"]): int(n["i"]) for n in tables["named"]}
        self._places: dict[str, int] = {str(n["place"]): int(n["i"]) for n in tables["named"]
                                        if n.get("place")}
        self._edge_of: dict[tuple[int, int], int] | None = None
        self._adj: list[list[int]] | None = None
        self._tree: Any = None
        self._graph: Any = None
        for name, table in (("speed", self.speeds),):
            unknown = [s for s in table if s not in facts.speeds]
            if unknown:
                msg = (f"rail.json: {name} class {unknown[0]!r} is not in the facts; "
                       "run 'routes build-network'")
                raise DataError(msg)

    # -- nodes -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.lat)

    def node_id(self, i: int) -> str:
        """Id of node number ``i`` (a curated id, ``border:…``, ``hsr:…`` or ``n<i>``)."""
        named = self._named.get(i)
        return str(named["id"]) if named is not None else f"n{i}"

    def index(self, node_id: str) -> int:
        """Number of the node ``node_id`` (``KeyError`` if absent)."""
        found = self._index.get(node_id)
        if found is not None:
            return found
        if node_id[:1] == "n" and node_id[1:].isdigit():
            i = int(node_id[1:])
            if i < len(self.lat) and i not in self._named:
                return i
        raise KeyError(node_id)

    def node(self, node_id: str | int) -> Node:
        """The node with this id or number (``KeyError`` if absent)."""
        i = node_id if isinstance(node_id, int) else self.index(node_id)
        named = self._named.get(i, {})
        country = self.countries[int(self._country[i])] or None
        return Node(id=self.node_id(i), lat=float(self.lat[i]), lon=float(self.lon[i]),
                    kind=KINDS[int(self._kind[i])], tz=self.zones[int(self._tz[i])],
                    country=country, countries=tuple(named.get("countries", ())),
                    name=str(named.get("name", "")), place=named.get("place"),
                    crossing=named.get("crossing"))

    def node_of_place(self, place_id: str) -> str | None:
        """The node a curated place was built into, if any."""
        i = self._places.get(place_id)
        return None if i is None else self.node_id(i)

    def has_name(self, i: int) -> bool:
        """Whether node number ``i`` has a name: a station, a place, a crossing or a town."""
        named = self._named.get(i)
        return named is not None and bool(named.get("name"))

    def is_border(self, i: int) -> bool:
        """Whether node number ``i`` is a border point."""
        return KINDS[int(self._kind[i])] == "border"

    def nearest_nodes(self, lat: float, lon: float, *, k: int = 1) -> list[tuple[int, float]]:
        """The ``k`` nearest stations or junctions to a point, with their distance in km.

        Uses a shapely ``STRtree`` over every node that is not a border point.
        """
        import shapely

        if self._tree is None:
            keep = np.flatnonzero(self._kind != KINDS.index("border"))
            self._tree = (shapely.STRtree(shapely.points(self.lon[keep], self.lat[keep])),
                          keep)
        tree, keep = self._tree
        point = shapely.Point(lon, lat)
        # Degrees are not kilometres: widen the search until k true nearest are certain.
        # Candidates are ranked on the sphere; the ones returned are measured on the
        # ellipsoid.
        close: list[int] = []
        for radius in (0.25, 1.0, 4.0, 16.0, 64.0, 360.0):
            idx = keep[tree.query(point, predicate="dwithin", distance=radius)]
            if not len(idx):
                continue
            rough = great_circle_km_many(lat, lon, self.lat[idx], self.lon[idx])
            order = np.argsort(rough, kind="stable")[:k]
            close = [int(idx[j]) for j in order]
            # Anything outside the box is at least ~radius*111*cos(lat) km away.
            reach = radius * 111.0 * max(np.cos(np.radians(min(abs(lat) + radius, 89.0))), 0.05)
            if len(close) >= k and float(rough[order[-1]]) <= reach * 0.99:
                break
        measured = [(distance_km((lat, lon), (float(self.lat[i]), float(self.lon[i]))), i)
                    for i in close]
        return [(i, d) for d, i in sorted(measured)]

    def high_speed_stations(self, lat: float, lon: float, *, max_km: float
                            ) -> list[tuple[int, float]]:
        """High-speed stations within ``max_km`` of a point, nearest first."""
        if not hasattr(self, "_hsr"):
            self._hsr = [i for i in self._named if self.node_id(i).startswith("hsr:")]
        found = []
        for i in self._hsr:
            if abs(float(self.lat[i]) - lat) > 1.0 or great_circle_km(
                    lat, lon, float(self.lat[i]), float(self.lon[i])) > 1.01 * max_km + 1.0:
                continue
            km = distance_km((lat, lon), (float(self.lat[i]), float(self.lon[i])))
            if km <= max_km:
                found.append((km, i))
        return [(i, km) for km, i in sorted(found)]

    def nearest_node(self, lat: float, lon: float) -> tuple[str, float]:
        """The nearest station or junction to a point, and its distance in km."""
        i, d = self.nearest_nodes(lat, lon, k=1)[0]
        return self.node_id(i), d

    # -- edges -----------------------------------------------------------------------
    def _edge_index(self) -> dict[tuple[int, int], int]:
        if self._edge_of is None:
            u, v = self.u.tolist(), self.v.tolist()
            self._edge_of = {(a, b): j for j, (a, b) in enumerate(zip(u, v, strict=True))}
        return self._edge_of

    def edge_number(self, a: int, b: int) -> int:
        """Number of the edge between node numbers ``a`` and ``b`` (``KeyError`` if none)."""
        return self._edge_index()[(a, b) if a < b else (b, a)]

    def incident(self, i: int) -> list[int]:
        """Numbers of the edges at node number ``i``."""
        if self._adj is None:
            adj: list[list[int]] = [[] for _ in range(len(self.lat))]
            for j, (a, b) in enumerate(zip(self.u.tolist(), self.v.tolist(), strict=True)):
                adj[a].append(j)
                adj[b].append(j)
            self._adj = adj
        return self._adj[i]

    def neighbors(self, node_id: str) -> list[str]:
        """Ids of the nodes joined to ``node_id``, sorted."""
        i = self.index(node_id)
        out = []
        for j in self.incident(i):
            other = int(self.v[j]) if int(self.u[j]) == i else int(self.u[j])
            out.append(self.node_id(other))
        return sorted(out)

    def edge_at(self, j: int) -> Edge:
        """Edge number ``j`` with its attributes."""
        flags = int(self.flags[j])
        f = self.factor[j]
        return Edge(u=self.node_id(int(self.u[j])), v=self.node_id(int(self.v[j])),
                    km=float(self.km[j]), factor=(float(f[0]), float(f[1]), float(f[2])),
                    factor_source=self.factor_sources[int(self.factor_source[j])],
                    country=self.countries[int(self.edge_country[j])],
                    speed=self.speeds[int(self.speed[j])], line=self.lines[int(self.line[j])],
                    link=self.links[int(self.link[j])], passenger=bool(flags & PASSENGER),
                    high_speed=bool(flags & HIGH_SPEED), transfer=bool(flags & TRANSFER))

    def edge(self, u: str, v: str) -> Edge:
        """The edge ``u``–``v`` (``KeyError`` if there is none)."""
        return self.edge_at(self.edge_number(self.index(u), self.index(v)))

    def edges(self) -> Iterator[Edge]:
        """Every edge, in the order of the arrays."""
        for j in range(len(self.u)):
            yield self.edge_at(j)

    def edge_distance(self, u: str, v: str) -> Estimate:
        """Track length of an edge in km: measured length x correction factor."""
        e = self.edge(u, v)
        return Estimate(e.km * e.factor[0], e.km * e.factor[1], e.km * e.factor[2])

    def _all_coords(self) -> NDArray[np.float64]:
        if self._coords is None:
            self._coords = np.cumsum(self._delta.astype(np.int64), axis=0) / 1e5
        return self._coords

    def edge_geometry(self, u: str, v: str) -> list[tuple[float, float]]:
        """Track geometry of an edge as ``(lon, lat)`` pairs, oriented from ``u`` to ``v``."""
        a, b = self.index(u), self.index(v)
        j = self.edge_number(a, b)
        coords = self._all_coords()[int(self._offsets[j]):int(self._offsets[j + 1])]
        points = [(round(float(x), 5), round(float(y), 5)) for x, y in coords]
        return points if int(self.u[j]) == a else points[::-1]

    def path_geometry(self, track: Sequence[str]) -> list[tuple[float, float]]:
        """Geometry of a path given as node ids, as ``(lon, lat)`` points."""
        out: list[tuple[float, float]] = []
        for u, v in pairwise(track):
            coords = self.edge_geometry(u, v)
            out.extend(coords if not out else coords[1:])
        return out

    @property
    def graph(self) -> nx.Graph:
        """The network as a ``networkx.Graph`` (built on first use; edges carry attributes)."""
        if self._graph is None:
            import networkx as nx  # the router does not need it: imported on demand

            g = nx.Graph()
            for j in range(len(self.u)):
                e = self.edge_at(j)
                g.add_edge(e.u, e.v, km=e.km * e.factor[1], country=e.country, speed=e.speed,
                           passenger=e.passenger, high_speed=e.high_speed)
            self._graph = g
        return self._graph

    def with_facts(self, facts: Facts) -> Network:
        """The same network costed with other facts (scenarios change speeds and dwell)."""
        other = object.__new__(Network)
        for name in _SLOTS:
            setattr(other, name, getattr(self, name))
        other.facts = facts
        return other


_SLOTS = ("facts", "path", "lat", "lon", "_kind", "_country", "_tz", "u", "v", "km", "factor",
          "edge_country", "speed", "factor_source", "line", "link", "flags", "_offsets",
          "_delta", "_coords", "countries", "zones", "speeds", "factor_sources", "lines",
          "links", "sinuosity", "_named", "_index", "_places", "_edge_of", "_adj", "_tree",
          "_graph")


def _read_tables(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        msg = f"network file not found: {path}; run 'routes build-network'"
        raise DataError(msg) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        msg = f"{path.name}: not valid JSON ({exc}); run 'routes build-network'"
        raise DataError(msg) from None
    if not isinstance(data, dict) or data.get("schema") != _SCHEMA:
        msg = f"{path.name}: unsupported schema; run 'routes build-network'"
        raise DataError(msg)
    return data


_ARRAYS = ("lat", "lon", "kind", "country", "tz", "u", "v", "km", "factor", "edge_country",
           "speed", "factor_source", "line", "link", "flags", "offsets", "delta")


def read_network(folder: Path, facts: Facts) -> Network:
    """Read a built network from ``folder`` (``rail.json`` and ``rail.npz``).

    Raises
    ------
    DataError
        If a file is missing or malformed, or names a speed class the facts lack.

    """
    tables = _read_tables(folder / "rail.json")
    path = folder / "rail.npz"
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in _ARRAYS}
    except FileNotFoundError:
        msg = f"network file not found: {path}; run 'routes build-network'"
        raise DataError(msg) from None
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, EOFError) as exc:
        msg = f"{path.name}: unreadable ({exc}); run 'routes build-network'"
        raise DataError(msg) from None
    try:
        n, m = len(arrays["lat"]), len(arrays["u"])
        sizes_ok = (all(len(arrays[k]) == n for k in ("lon", "kind", "country", "tz"))
                    and all(len(arrays[k]) == m for k in ("v", "km", "factor", "edge_country",
                                                          "speed", "factor_source", "line",
                                                          "link", "flags"))
                    and len(arrays["offsets"]) == m + 1
                    and int(arrays["offsets"][-1]) == len(arrays["delta"]))
        ends_ok = m == 0 or (int(arrays["u"].max()) < n and int(arrays["v"].max()) < n
                             and int(arrays["u"].min()) >= 0 and int(arrays["v"].min()) >= 0)
        named_ok = all(0 <= int(item["i"]) < n for item in tables["named"])
        strings = tables["strings"]
        codes_ok = all(int(arrays[a].max(initial=0)) < len(strings[t]) for a, t in (
            ("country", "country"), ("tz", "tz"), ("edge_country", "country"),
            ("speed", "speed"), ("factor_source", "factor_source"), ("line", "line"),
            ("link", "link")))
        network = Network(arrays, tables, facts, folder)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        msg = f"rail.json: malformed record ({exc!r}); run 'routes build-network'"
        raise DataError(msg) from None
    if not (sizes_ok and ends_ok and named_ok and codes_ok):
        msg = "rail.npz does not match rail.json; run 'routes build-network'"
        raise DataError(msg)
    return network


@functools.cache
def _load(folder: Path, facts: Facts) -> Network:
    return read_network(folder, facts)


def load_network() -> Network:
    """Load the network from :data:`routes.settings.data_folder` ``/network``.

    Loaded once per data folder and facts (so a changed setting takes effect).
    """
    return _load(settings.data_folder / "network", load_facts())
