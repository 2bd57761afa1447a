"""The rail network and the airports, as built by :mod:`routes.network.build`.

A :class:`Network` holds a graph (also available as a ``networkx.Graph``) whose nodes are
stations, junctions and border points, and whose edges carry the measured geometry length
(``km``), the correction factor that turns it into real track length (from an official section or a
country's sinuosity), the country, the speed class and whether passenger trains run.
Track geometry is read only when a route is drawn.

Examples
--------
>>> net = load_network()
>>> net.node("khasan_station").country
'RU'
>>> net.node("border:tumangang_khasan").countries
('KP', 'RU')
>>> round(net.edge_distance("khasan_station", *net.neighbors("khasan_station")[:1]).central) > 0
True

"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from routes import settings
from routes.errors import DataError
from routes.estimate import Estimate
from routes.facts import Facts, load_facts
from routes.geo.geodesy import distance_km, great_circle_km

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Airport", "Network", "Node", "load_network"]

_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Node:
    """A node of the rail graph.

    ``kind`` is ``station``, ``border_post``, ``bridge``, ``city`` (a waypoint), ``junction``
    or ``border``. A border node has two ``countries`` and no ``country``.
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
class Airport:
    """An airport from OurAirports."""

    iata: str
    icao: str
    name: str
    lat: float
    lon: float
    country: str
    city: str
    type: str
    scheduled: bool
    tz: str


class Network:
    """Rail graph, airports and the facts used to cost them.

    Use :func:`load_network` rather than building one by hand.
    """

    def __init__(self, edges: Mapping[tuple[str, str], dict[str, Any]],
                 nodes: Mapping[str, Node], airports: Mapping[str, Airport], facts: Facts,
                 geometry_path: Path, sinuosity: Mapping[str, Estimate]) -> None:
        self._edges = {frozenset(k): v for k, v in edges.items()}
        self._edge_list = sorted(edges)
        self._adj: dict[str, list[str]] = {n: [] for n in nodes}
        for u, v in self._edge_list:
            self._adj[u].append(v)
            self._adj[v].append(u)
        self._graph: Any = None
        self.nodes = nodes
        self.airports = airports
        self.facts = facts
        self.sinuosity = sinuosity
        self._geometry_path = geometry_path
        self._geometry: dict[frozenset[str], list[tuple[float, float]]] | None = None
        self._place_nodes = {n.place: n.id for n in nodes.values() if n.place}
        self._grid: dict[tuple[int, int], list[str]] = {}
        for n in nodes.values():
            if n.kind != "border":
                self._grid.setdefault((math.floor(n.lat), math.floor(n.lon)), []).append(n.id)

    def node(self, node_id: str) -> Node:
        """The node with this id (``KeyError`` if absent)."""
        return self.nodes[node_id]

    def with_facts(self, facts: Facts) -> Network:
        """The same network costed with other facts (scenarios change speeds and dwell)."""
        other = object.__new__(Network)
        other.__dict__.update(self.__dict__)
        other.facts = facts
        return other

    @property
    def graph(self) -> nx.Graph:
        """The network as a ``networkx.Graph`` (built on first use; edges carry attributes)."""
        if self._graph is None:
            import networkx as nx  # the router does not need it: imported on demand

            g = nx.Graph()
            g.add_nodes_from(self.nodes)
            for u, v in self._edge_list:
                g.add_edge(u, v, **self._edges[frozenset((u, v))])
            self._graph = g
        return self._graph

    def edges(self) -> list[tuple[str, str, Mapping[str, Any]]]:
        """Every edge as ``(u, v, attributes)``, sorted."""
        return [(u, v, self._edges[frozenset((u, v))]) for u, v in self._edge_list]

    def neighbors(self, node_id: str) -> list[str]:
        """Ids of the nodes joined to ``node_id``, sorted."""
        return sorted(self._adj[node_id])

    def node_of_place(self, place_id: str) -> str | None:
        """The node a curated place was built into, if any."""
        return self._place_nodes.get(place_id)

    def nearest_node(self, lat: float, lon: float) -> tuple[str, float]:
        """The nearest station or junction to a point, and its distance in km."""
        best: tuple[float, str] | None = None
        for radius in (1, 2, 4, 8):
            cell = (math.floor(lat), math.floor(lon))
            for dy in range(-radius, radius + 1):
                for dx in range(-radius, radius + 1):
                    for nid in self._grid.get((cell[0] + dy, cell[1] + dx), ()):
                        n = self.nodes[nid]
                        d = great_circle_km(lat, lon, n.lat, n.lon)
                        if best is None or (d, nid) < best:
                            best = (d, nid)
            if best is not None:
                break
        if best is None:  # far from everything: look at every node
            best = min((great_circle_km(lat, lon, n.lat, n.lon), n.id)
                       for n in self.nodes.values() if n.kind != "border")
        node = self.nodes[best[1]]
        return best[1], distance_km((lat, lon), (node.lat, node.lon))

    def edge(self, u: str, v: str) -> Mapping[str, Any]:
        """Attributes of the edge ``u``–``v``."""
        return self._edges[frozenset((u, v))]

    def edge_distance(self, u: str, v: str) -> Estimate:
        """Track length of an edge in km: measured length x correction factor."""
        d = self._edges[frozenset((u, v))]
        f = d["factor"]
        return Estimate(d["km"] * f[0], d["km"] * f[1], d["km"] * f[2])

    def edge_geometry(self, u: str, v: str) -> list[tuple[float, float]]:
        """Track geometry of an edge as ``(lon, lat)`` pairs, oriented from ``u`` to ``v``."""
        if self._geometry is None:
            data = _read_json(self._geometry_path)
            self._geometry = {frozenset((e["u"], e["v"])): [(c[0], c[1]) for c in e["coords"]]
                              for e in data["edges"]}
        coords = self._geometry[frozenset((u, v))]
        first = self.nodes[u]
        if (round(first.lon, 5), round(first.lat, 5)) != (round(coords[0][0], 5),
                                                          round(coords[0][1], 5)):
            coords = coords[::-1]
        return coords


    def path_geometry(self, track: tuple[str, ...]) -> list[tuple[float, float]]:
        """Geometry of a path given as node ids, as ``(lon, lat)`` points."""
        out: list[tuple[float, float]] = []
        for u, v in pairwise(track):
            coords = self.edge_geometry(u, v)
            out.extend(coords if not out else coords[1:])
        return out


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
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


def read_network(folder: Path, facts: Facts) -> Network:
    """Read a built network from ``folder`` (``rail.json`` and ``airports.json``).

    Raises
    ------
    DataError
        If a file is missing or malformed, or names a speed class the facts lack.

    """
    data = _read_json(folder / "rail.json")
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    try:
        for item in data["nodes"]:
            node = Node(
                id=item["id"], lat=float(item["lat"]), lon=float(item["lon"]), kind=item["kind"],
                tz=item["tz"], country=item.get("country"),
                countries=tuple(item.get("countries", ())), name=item.get("name", ""),
                place=item.get("place"), crossing=item.get("crossing"),
            )
            nodes[node.id] = node
        for item in data["edges"]:
            u, v = item["u"], item["v"]
            if u not in nodes or v not in nodes:
                msg = f"rail.json: edge {u}–{v} names an unknown node"
                raise DataError(msg)
            if item["speed"] not in facts.speeds:
                msg = f"rail.json: edge {u}–{v}: speed class {item['speed']!r} not in facts"
                raise DataError(msg)
            edges[(u, v)] = {"km": float(item["km"]), "country": item["country"],
                             "speed": item["speed"], "factor": tuple(item["factor"]),
                             "factor_source": item["factor_source"],
                             "line": item.get("line", ""), "link": item.get("link", ""),
                             "passenger": item.get("passenger", True)}
        sinuosity = {k: Estimate.from_list(v) for k, v in data["sinuosity"].items()}
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, DataError):
            raise
        msg = f"rail.json: malformed record ({exc!r}); run 'routes build-network'"
        raise DataError(msg) from None
    airports = {}
    for item in _read_json(folder / "airports.json")["airports"]:
        try:
            airports[item["iata"]] = Airport(
                item["iata"], item["icao"], item["name"], float(item["lat"]),
                float(item["lon"]), item["country"], item["city"], item["type"],
                bool(item["scheduled"]), item["tz"])
        except (KeyError, TypeError, ValueError) as exc:
            msg = f"airports.json: malformed record ({exc!r})"
            raise DataError(msg) from None
    return Network(edges, nodes, airports, facts, folder / "rail_geometry.json", sinuosity)


@functools.cache
def _load(folder: Path) -> Network:
    return read_network(folder, load_facts())


def load_network() -> Network:
    """Load the network from :data:`routes.settings.data_folder` ``/network`` (cached)."""
    return _load(settings.data_folder / "network")
