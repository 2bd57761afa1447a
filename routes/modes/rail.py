"""Rail route options: paths through the network, costed leg by leg.

Path choice minimises the expected travel time: running time at each line's typical speed,
plus border formalities and bogie exchanges (costs, which count in the estimate), with
track that carries no passenger trains made less attractive (a penalty, which steers the
choice and never adds to the estimate). Alternatives are found by making the track of the
options already found dearer and searching again; an alternative is kept only when most of
its track is its own.
"""

from __future__ import annotations

import functools
import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from routes.errors import NoRouteError
from routes.estimate import Budget, Estimate
from routes.facts import Crossing
from routes.geo.places import Place
from routes.itinerary import Leg, RouteOption, Stop
from routes.network.graph import Network, Node
from routes.trip import Trip

__all__ = ["rail_options", "resolve_rail_node"]

_ALTERNATIVE_PENALTY = 1.6  # a found path's edges cost this much more in the next search
_MAX_TRIES = 12


@dataclass(frozen=True, slots=True)
class _Access:
    node: str
    offset_km: float
    place: Place


def resolve_rail_node(net: Network, place: Place) -> tuple[str, float]:
    """The node where ``place`` joins the rail network, and how far away it is (km).

    A city goes to its main station; a curated station to itself; anything else to the
    nearest station or junction within ``routing.max_snap_km``.

    Raises
    ------
    NoRouteError
        If the place is farther than that from any railway.

    """
    for pid in (place.station, place.id):
        if pid:
            node = net.node_of_place(pid)
            if node is not None:
                return node, 0.0
    node, km = net.nearest_node(place.lat, place.lon)
    limit = net.facts.routing.max_snap_km
    if km > limit:
        msg = (f"{place.name} is {km:.0f} km from the nearest railway in the network "
               f"(limit {limit:.0f} km); try a nearby station")
        raise NoRouteError(msg)
    return node, km


@dataclass(frozen=True, slots=True)
class _Search:
    """The graph in arrays, with path-choice weights for one service (built once)."""

    ids: list[str]
    index: dict[str, int]
    adj: list[list[tuple[int, int]]]  # node -> [(neighbour, edge)]
    weight: list[float]  # hours per edge: running time, dwell, penalties
    country: list[str]
    km: list[float]  # corrected track length per edge (central)


@functools.cache
def _search_graph(net: Network, service: str) -> _Search:
    facts = net.facts
    dwell = {}
    for n in net.nodes.values():
        if n.kind == "border":
            formalities, bogie = _border_dwell(net, n, service)
            dwell[n.id] = (formalities.central + (bogie.central if bogie else 0.0)
                           + facts.routing.border_penalty_h)
    ids = sorted(net.nodes)
    index = {nid: i for i, nid in enumerate(ids)}
    adj: list[list[tuple[int, int]]] = [[] for _ in ids]
    weight: list[float] = []
    country: list[str] = []
    km: list[float] = []
    for u, v, d in net.edges():
        speed = facts.speed(d["speed"], service).kmh.central
        length = d["km"] * d["factor"][1]
        hours = length / speed
        if not d["passenger"]:
            hours *= facts.routing.no_passenger_weight
        hours += dwell.get(u, 0.0) / 2 + dwell.get(v, 0.0) / 2
        e = len(weight)
        weight.append(hours)
        country.append(d["country"])
        km.append(length)
        adj[index[u]].append((index[v], e))
        adj[index[v]].append((index[u], e))
    return _Search(ids, index, adj, weight, country, km)


def _shortest(g: _Search, s: int, t: int, weight: Sequence[float]) -> list[int] | None:
    """Cheapest path from ``s`` to ``t`` by bidirectional Dijkstra, or ``None``.

    ``weight`` is per edge; an infinite weight closes the edge.
    """
    if s == t:
        return [s]
    adj = g.adj
    inf = math.inf
    push, pop = heapq.heappush, heapq.heappop
    dist: tuple[dict[int, float], dict[int, float]] = ({s: 0.0}, {t: 0.0})
    prev: tuple[dict[int, int], dict[int, int]] = ({}, {})
    heaps = ([(0.0, s)], [(0.0, t)])
    done: tuple[set[int], set[int]] = (set(), set())
    best, meet = inf, -1
    fwd, bwd = heaps
    while fwd and bwd:
        if fwd[0][0] + bwd[0][0] >= best:
            break
        side = 0 if fwd[0][0] <= bwd[0][0] else 1
        cost, n = pop(heaps[side])
        seen = done[side]
        if n in seen:
            continue
        seen.add(n)
        mine, other, back = dist[side], dist[1 - side], prev[side]
        heap = heaps[side]
        for m, e in adj[n]:
            c = cost + weight[e]
            if c < mine.get(m, inf):
                mine[m] = c
                back[m] = n
                push(heap, (c, m))
                o = other.get(m)
                if o is not None and c + o < best:
                    best, meet = c + o, m
    if meet < 0:
        return None
    left = [meet]
    while left[-1] != s:
        left.append(prev[0][left[-1]])
    right = [meet]
    while right[-1] != t:
        right.append(prev[1][right[-1]])
    return left[::-1] + right[1:]


def _crossing(net: Network, node: Node) -> Crossing | None:
    for c in net.facts.crossings:
        if c.id == node.crossing:
            return c
    return None


def _border_dwell(net: Network, node: Node,
                  service: str) -> tuple[Estimate, Estimate | None]:
    """Formalities, and the bogie exchange if the gauges differ, at a border node."""
    facts = net.facts
    a, b = node.countries
    formalities = facts.dwell_for("formalities", service, node.crossing).hours
    bogie = (facts.dwell_for("bogie_exchange", service, node.crossing).hours
             if facts.gauge(a) != facts.gauge(b) else None)
    return formalities, bogie


def _hidden_nodes(net: Network, trip: Trip) -> set[str]:
    hidden = set()
    avoid = set(trip.avoid_countries)
    for n in net.nodes.values():
        if n.kind == "border" and avoid & set(n.countries):
            hidden.add(n.id)
    for place in trip.avoid_places:
        for pid in (place.id, place.station):
            node = net.node_of_place(pid) if pid else None
            if node:
                hidden.add(node)
    return hidden


def _find_path(g: _Search, stops: Sequence[int], weight: Sequence[float]) -> list[int] | None:
    path = [stops[0]]
    for s, t in pairwise(stops):
        part = _shortest(g, s, t, weight)
        if part is None:
            return None
        path.extend(part[1:])
    return path


def _edge_ids(g: _Search, path: Sequence[int]) -> list[int]:
    out = []
    for a, b in pairwise(path):
        out.append(next(e for m, e in g.adj[a] if m == b))
    return out


def rail_options(trip: Trip, net: Network) -> list[RouteOption]:
    """Up to ``trip.alternatives`` rail options, shortest first.

    Raises
    ------
    NoRouteError
        If no rail path satisfies the trip's via and avoid constraints.

    """
    origin = _access(net, trip.origin)
    destination = _access(net, trip.destination)
    vias = [_access(net, v) for v in trip.via]
    stops = [origin.node, *(v.node for v in vias), destination.node]
    hidden_ids = _hidden_nodes(net, trip)
    for n in stops:
        if n in hidden_ids:
            msg = f"{net.node(n).name or n} lies in a country or place to be avoided"
            raise NoRouteError(msg)
    g = _search_graph(net, trip.service)
    hidden = {g.index[n] for n in hidden_ids}
    avoid = set(trip.avoid_countries)
    stop_ids = [g.index[n] for n in stops]
    weight = list(g.weight)
    for e, country in enumerate(g.country):
        if country in avoid:
            weight[e] = math.inf
    for h in hidden:
        for _, e in g.adj[h]:
            weight[e] = math.inf
    found: list[list[int]] = []
    found_edges: list[set[int]] = []
    for attempt in range(_MAX_TRIES):
        path = _find_path(g, stop_ids, weight)
        if path is None:
            if attempt == 0:
                raise _no_route(trip)
            break
        edges = _edge_ids(g, path)
        if path not in found and _distinct(g, edges, found_edges,
                                           net.facts.routing.max_overlap):
            found.append(path)
            found_edges.append(set(edges))
            if len(found) >= trip.alternatives:
                break
        for e in edges:
            weight[e] *= _ALTERNATIVE_PENALTY
    paths = [[g.ids[i] for i in path] for path in found]
    options = [_option(net, trip, path, origin, destination, vias) for path in paths]
    options.sort(key=lambda o: (o.distance_km.central, o.duration_h.central))
    return _labelled(options)


def _no_route(trip: Trip) -> NoRouteError:
    parts = []
    if trip.via:
        parts.append("via " + ", ".join(v.name for v in trip.via))
    if trip.avoid_countries or trip.avoid_places:
        parts.append("avoiding " + ", ".join([*trip.avoid_countries,
                                              *(p.name for p in trip.avoid_places)]))
    how = f" {' and '.join(parts)}" if parts else ""
    return NoRouteError(f"no rail route from {trip.origin.name} to {trip.destination.name}{how}")


def _distinct(g: _Search, edges: list[int], found: list[set[int]], max_overlap: float) -> bool:
    total = sum(g.km[e] for e in edges)
    mine = set(edges)
    for other in found:
        shared = sum(g.km[e] for e in mine & other)
        if total > 0 and shared / total > max_overlap:
            return False
    return True


def _access(net: Network, place: Place) -> _Access:
    node, km = resolve_rail_node(net, place)
    return _Access(node, km, place)


def _stop(net: Network, node_id: str, elapsed: float, name: str = "") -> Stop:
    n = net.node(node_id)
    return Stop(id=node_id, name=name or n.name or node_id, kind=n.kind, lat=n.lat, lon=n.lon,
                tz=n.tz, country=n.country, elapsed_h=elapsed)


class _LegBuilder:
    """Accumulates edges of one rail leg."""

    def __init__(self, net: Network, start: Stop, service: str) -> None:
        self.net = net
        self.service = service
        self.start = start
        self.distance = Budget()
        self.duration = Budget()
        self.track: list[str] = [start.id]
        self.stops: list[Stop] = []
        self.countries: list[str] = []
        self.speed_km: dict[str, float] = {}
        self.sections: dict[str, float] = {}
        self.no_passenger: list[str] = []
        self.sources: list[str] = []

    def add_edge(self, u: str, v: str) -> float:
        net = self.net
        d = net.edge(u, v)
        dist = net.edge_distance(u, v)
        speed = net.facts.speed(d["speed"], self.service)
        self.distance.add(d["factor_source"], dist)
        v_lo, v_c, v_hi = speed.kmh.low, speed.kmh.central, speed.kmh.high
        hours = dist.central / v_c
        self.duration.add_central(hours)
        self.duration.add_spread(d["factor_source"], (dist.central - dist.low) / v_c,
                                 (dist.high - dist.central) / v_c)
        self.duration.add_spread(f"speed:{speed.id}", dist.central / v_c - dist.central / v_hi,
                                 dist.central / v_lo - dist.central / v_c)
        if d["country"] not in self.countries:
            self.countries.append(d["country"])
        self.speed_km[speed.id] = self.speed_km.get(speed.id, 0.0) + dist.central
        src = d["factor_source"]
        self.sections[src] = self.sections.get(src, 0.0) + dist.central
        if not d["passenger"]:
            line = next((x for x in net.facts.lines if x.id == d["line"]), None)
            label = line.name if line else f"{net.node(u).name or u}–{net.node(v).name or v}"
            if label not in self.no_passenger:
                self.no_passenger.append(label)
            if line:
                self.sources.extend(net.facts.urls(line.sources))
        self.track.append(v)
        return hours

    def finish(self, end: Stop) -> tuple[Leg, Budget, Budget]:
        facts = self.net.facts
        notes = []
        for sid, km in sorted(self.speed_km.items(), key=lambda kv: -kv[1]):
            s = facts.speed(sid, self.service)
            notes.append(f"{km:.0f} km at {s.kmh.low:.0f}–{s.kmh.central:.0f}–{s.kmh.high:.0f} "
                         f"km/h ({s.name})")
            self.sources.extend(facts.urls(s.sources))
        official = sum(km for src, km in self.sections.items() if src.startswith("section:"))
        total = sum(self.sections.values()) or 1.0
        sec_ids = [src[8:] for src in self.sections if src.startswith("section:")]
        if official:
            notes.append(f"{official / total:.0%} of the distance from official section lengths"
                         f" ({', '.join(sec_ids)}); the rest is measured track x sinuosity")
        else:
            notes.append("distance is measured track x the country's sinuosity factor")
        for sid in sec_ids:
            sec = next(s for s in facts.sections if s.id == sid)
            self.sources.extend(facts.urls(sec.sources))
        if self.no_passenger:
            notes.append("no scheduled passenger service on " + ", ".join(self.no_passenger))
        leg = Leg(mode="rail", origin=self.start, destination=end,
                  distance_km=self.distance.estimate(), duration_h=self.duration.estimate(),
                  countries=tuple(self.countries), notes=tuple(notes),
                  sources=tuple(dict.fromkeys(self.sources)), stops=tuple(self.stops),
                  track=tuple(self.track), _shape_of=self.net.path_geometry)
        return leg, self.distance, self.duration


def _option(net: Network, trip: Trip, path: list[str], origin: _Access,
            destination: _Access, vias: Sequence[_Access]) -> RouteOption:
    facts = net.facts
    service = trip.service
    del vias
    legs: list[Leg] = []
    distance, duration = Budget(), Budget()
    elapsed = 0.0
    start = _stop(net, path[0], 0.0, _access_name(net, origin))
    builder = _LegBuilder(net, start, service)
    crossings = gauges = 0
    option_notes: list[str] = []
    passenger = True
    via_names: list[str] = []
    for i, (u, v) in enumerate(pairwise(path)):
        elapsed += builder.add_edge(u, v)
        node = net.node(v)
        last = i == len(path) - 2
        name = _access_name(net, destination) if last else ""
        stop = _stop(net, v, elapsed, name)
        if node.place or node.kind == "border":
            via_names.append(stop.name)
        if node.kind != "border" or last:
            if node.place and not last:
                builder.stops.append(stop)
            continue
        leg, dist_b, dur_b = builder.finish(stop)
        legs.append(leg)
        distance.merge(dist_b)
        duration.merge(dur_b)
        crossings += 1
        crossing = _crossing(net, node)
        formalities, bogie = _border_dwell(net, node, service)
        key = f"dwell:{node.id}"
        cross_sources = list(facts.urls(facts.dwell_for("formalities", service).sources))
        notes = [f"border {node.countries[0]}–{node.countries[1]}: "
                 f"{facts.dwell['formalities'].name}"]
        if crossing is not None:
            cross_sources.extend(facts.urls(crossing.sources))
            if crossing.note:
                notes.append(crossing.note)
            if not crossing.passenger_service:
                passenger = False
                notes.append("no scheduled passenger service across this border")
        else:
            notes.append("crossing not curated: generic dwell times")
        duration.add(f"{key}:formalities", formalities)
        legs.append(Leg(mode="border", origin=stop, destination=stop,
                        distance_km=Estimate.exact(0.0), duration_h=formalities,
                        countries=node.countries, notes=tuple(notes),
                        sources=tuple(dict.fromkeys(cross_sources))))
        elapsed += formalities.central
        if bogie is not None:
            gauges += 1
            g_a, g_b = (facts.gauge(c) for c in node.countries)
            at = crossing.gauge_change_at if crossing and crossing.gauge_change_at else None
            where = net.node(net.node_of_place(at) or at).name if at else stop.name
            duration.add(f"{key}:bogie", bogie)
            after = _stop(net, v, elapsed + bogie.central, stop.name)
            legs.append(Leg(mode="gauge_change", origin=stop, destination=after,
                            distance_km=Estimate.exact(0.0), duration_h=bogie,
                            countries=node.countries,
                            notes=(f"gauge change {g_a:,} ↔ {g_b:,} mm at {where}: "
                                   f"{facts.dwell['bogie_exchange'].name}",),
                            sources=facts.urls(
                                facts.dwell_for("bogie_exchange", service).sources)))
            elapsed += bogie.central
            option_notes.append(f"gauge change at {where}")
        builder = _LegBuilder(net, _stop(net, v, elapsed, stop.name), service)
    end = _stop(net, path[-1], elapsed, _access_name(net, destination))
    leg, dist_b, dur_b = builder.finish(end)
    legs.append(leg)
    distance.merge(dist_b)
    duration.merge(dur_b)
    for leg in legs:
        if leg.mode == "rail" and any("no scheduled passenger" in n for n in leg.notes):
            passenger = False
    for acc in (origin, destination):
        if acc.offset_km > 2.0:
            option_notes.append(f"{acc.place.name} joins the railway {acc.offset_km:.0f} km away "
                                f"at {net.node(acc.node).name or 'a junction'}")
    if not passenger:
        option_notes.append("part of this route has no scheduled passenger service")
    if service != "regular":
        svc = facts.services[service]
        option_notes.append(f"times for {svc.name}" + (f": {svc.note}" if svc.note else ""))
    return RouteOption(
        label="", modes=("rail",), legs=tuple(legs), via=tuple(dict.fromkeys(via_names)),
        distance_km=distance.estimate(), duration_h=duration.estimate(),
        border_crossings=crossings, gauge_changes=gauges, notes=tuple(option_notes),
        passenger_service=passenger, scheduled=passenger,
    )


def _access_name(net: Network, access: _Access) -> str:
    node = net.node(access.node)
    if node.name and access.offset_km <= 2.0:
        return node.name
    return access.place.name


def _labelled(options: Iterable[RouteOption]) -> list[RouteOption]:
    out: list[RouteOption] = []
    seen: dict[str, int] = {}
    for opt in options:
        crossings = [leg.origin.name.split(" (")[0] for leg in opt.legs if leg.mode == "border"]
        if crossings:
            label = "Rail via " + ", ".join(crossings)
        else:
            named = [s for s in opt.via if s not in (opt.legs[0].origin.name,
                                                     opt.legs[-1].destination.name)]
            label = "Rail" + (f" via {named[len(named) // 2]}" if named else " (direct)")
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label} (alternative {seen[label]})"
        out.append(replace(opt, label=label))
    return out
