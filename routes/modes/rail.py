"""Rail route options: paths through the network, costed leg by leg.

Path choice minimises the expected travel time: running time at each line's typical speed,
plus border formalities and bogie exchanges (costs, which count in the estimate), with
track that carries no passenger trains and controlled borders made less attractive
(penalties, which steer the choice and never add to the estimate). A town joins the network
at its curated station, or else at any of its nearest stations or junctions; the search
starts from all of them at once. Alternatives are the cheapest paths through other nodes
whose track is mostly their own (:mod:`routes.network.search`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np

from routes.errors import NoRouteError
from routes.estimate import Budget, Estimate
from routes.facts import BorderRule
from routes.geo.geodesy import great_circle_km
from routes.geo.places import Place
from routes.itinerary import Leg, RouteOption, Stop
from routes.network.graph import Network, Node
from routes.network.search import Path, SearchGraph
from routes.trip import Trip

__all__ = ["rail_options", "resolve_rail_node"]

_ACCESS_CANDIDATES = 4  # nearest nodes a town may join the network at
_NAMED_KM = 2.0  # a stop is named after its node only this close
_NAMED_AGAIN = 3  # places named in the note of a route that doubles back
# A place given as a via whose station lies on a branch this close to the line (a city's
# station off a line that bypasses the city) is reached by running in and out of the
# branch: that is calling there, not doubling back. Shortest paths turn back only at vias.
_SPUR_KM = 25.0
_LABEL_TOWNS = 3  # at most this many towns name an option


@dataclass(frozen=True, slots=True)
class _Access:
    """Where a place joins the network: node numbers and their distance (km)."""

    nodes: tuple[tuple[int, float], ...]
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
    access = _access(net, place)
    i, km = access.nodes[0]
    return net.node_id(i), km


def _access(net: Network, place: Place) -> _Access:
    # A big town reaches farther than its centre: its stations may lie across it.
    limit = net.facts.routing.max_snap_km + net.facts.claims.extent(place.population)
    high_speed = net.high_speed_stations(place.lat, place.lon, max_km=limit)
    for pid in (place.station, place.id):
        if pid:
            node = net.node_of_place(pid)
            if node is not None:  # its curated station, and its high-speed stations
                return _Access(((net.index(node), 0.0), *high_speed), place)
    near = net.nearest_nodes(place.lat, place.lon, k=_ACCESS_CANDIDATES)
    near += [(i, km) for i, km in high_speed if i not in dict(near)]
    within = tuple(sorted((i, km) for i, km in near if km <= limit))
    if not within:
        km = near[0][1] if near else float("inf")
        msg = (f"{place.name} is {km:.0f} km from the nearest railway in the network "
               f"(limit {limit:.0f} km); try a nearby station")
        raise NoRouteError(msg)
    return _Access(within, place)


@dataclass(frozen=True, slots=True)
class _Costs:
    """Per-edge figures for one service: path-choice weight (h) and central track km.

    ``component`` numbers the separate networks (Great Britain's, Japan's, the Americas'):
    nodes with different numbers are joined by no track at all.
    """

    graph: SearchGraph
    km: np.ndarray
    rules: dict[int, BorderRule]
    component: np.ndarray


@functools.cache
def _costs(net: Network, service: str) -> _Costs:
    facts = net.facts
    n_edges = len(net.u)
    km = net.km * net.factor[:, 1]
    speed = np.array([facts.speed(s, service).kmh.central for s in net.speeds])[net.speed]
    hours = km / speed
    passenger = (net.flags & 1).astype(bool)
    hours = np.where(passenger, hours, hours * facts.routing.no_passenger_weight)
    transfer = (net.flags & 4).astype(bool)
    hours = np.where(transfer, facts.dwell_for("transfer", service).hours.central, hours)
    rules: dict[int, BorderRule] = {}
    for i in np.flatnonzero(net._kind == 4).tolist():  # border nodes
        node = net.node(i)
        rule = facts.border_rule(node.countries, node.crossing, service,
                                 (node.lat, node.lon))
        rules[i] = rule
        cost = rule.formalities.central + (rule.bogie.central if rule.bogie else 0.0) \
            + rule.penalty_h
        for j in net.incident(i):
            hours[j] += cost / 2
    del n_edges
    from scipy.sparse import coo_array
    from scipy.sparse.csgraph import connected_components

    n = len(net)
    adjacency = coo_array((np.ones(len(net.u)), (net.u, net.v)), shape=(n, n))
    _, component = connected_components(adjacency, directed=False)
    return _Costs(SearchGraph(n, net.u, net.v, hours), km, rules, component)


def _closed(net: Network, trip: Trip, costs: _Costs) -> np.ndarray:
    """Edge weights with the trip's avoided countries and places closed."""
    weight: np.ndarray = np.array(costs.graph.weight, dtype=float)
    if trip.avoid_countries:
        codes = [net.countries.index(c) for c in trip.avoid_countries if c in net.countries]
        weight[np.isin(net.edge_country, codes)] = np.inf
        for i, rule in costs.rules.items():
            if set(rule.countries) & set(trip.avoid_countries):
                weight[net.incident(i)] = np.inf
    for place in trip.avoid_places:
        for pid in (place.id, place.station):
            node = net.node_of_place(pid) if pid else None
            if node is not None:
                weight[net.incident(net.index(node))] = np.inf
    return weight


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
    costs = _costs(net, trip.service)
    weight = _closed(net, trip, costs)
    # Nothing avoided: the prepared graph (and its search matrix) serves every query.
    graph = costs.graph if not (trip.avoid_countries or trip.avoid_places) else \
        costs.graph.with_weight(weight)
    stops = [origin, *vias, destination]
    for acc in stops:
        if all(not np.isfinite(weight[net.incident(i)]).any() for i, _ in acc.nodes):
            msg = f"{acc.place.name} lies in a country or place to be avoided"
            raise NoRouteError(msg)
    access_kmh = net.facts.routing.access_kmh
    def crossings(nodes: Sequence[int]) -> tuple[str, ...]:
        """The countries a path passes, in order: what sets international routes apart."""
        out = [net.node(nodes[0]).country or ""]
        for n in nodes:
            rule = costs.rules.get(n)
            if rule is not None:
                a, b = rule.countries
                out.append(b if out[-1] == a else a)
        return tuple(out)

    def landmarks(nodes: Sequence[int]) -> frozenset[Hashable]:
        return frozenset(n for n in nodes if net.has_name(n))

    paths = _paths(graph, stops, access_kmh, trip.alternatives, costs.km,
                   net.facts.routing.max_overlap, net.facts.routing.max_stretch, crossings,
                   landmarks)
    paths = [_station_to_station(net, p, origin, destination) for p in paths]
    if not paths:
        raise _no_route(trip, stops, costs)
    options = [_option(net, trip, p, stops, costs) for p in paths]
    options.sort(key=lambda o: (o.distance_km.central, o.duration_h.central))
    return _labelled(options)


def _entry(acc: _Access, kmh: float) -> dict[int, float]:
    """Nodes a place joins the network at, with the cost (h) of getting there."""
    return {i: km / kmh for i, km in acc.nodes}


def _paths(graph: SearchGraph, stops: Sequence[_Access], kmh: float, k: int,
           lengths: np.ndarray, max_overlap: float, stretch: float,
           key: Callable[[Sequence[int]], Hashable],
           landmarks: Callable[[Sequence[int]], frozenset[Hashable]]) -> list[Path]:
    """Paths through every stop in order: the fastest, the shortest, then alternatives.

    Each leg between two stops has its own alternatives; the fastest legs joined come
    first, then, for a trip with stops on the way, the shortest track through them (the way
    a reader measures a detour "through Tumen and Hunchun"), then the other legs'
    alternatives one at a time.
    """
    # A stop on the way is passed at one node, so that the legs before and after it meet.
    stops = [stops[0], *(_Access((min(a.nodes, key=lambda t: t[1]),), a.place)
                         for a in stops[1:-1]), stops[-1]] if len(stops) > 2 else stops
    legs: list[list[Path]] = []
    shortest: list[Path] = []
    # The shortest track through the stops matters only for a trip with stops on the way.
    by_length = graph.with_weight(np.where(np.isfinite(graph.weight), lengths, np.inf)) \
        if len(stops) > 2 else None
    for a, b in pairwise(stops):
        found = graph.alternatives(_entry(a, kmh), _entry(b, kmh), k=k, lengths=lengths,
                                   max_overlap=max_overlap, stretch=stretch, key=key,
                                   landmarks=landmarks)
        if not found:
            return []
        legs.append(found)
        if by_length is not None:
            short = by_length.path(dict(a.nodes), dict(b.nodes))  # the way there counts too
            if short is not None:
                shortest.append(short)
    best = [leg[0] for leg in legs]
    combos = [best]
    if len(legs) > 1 and len(shortest) == len(legs):
        combos.append(shortest)
    for n, leg in enumerate(legs):
        for alt in leg[1:]:
            combos.append([*best[:n], alt, *best[n + 1:]])
    out: list[Path] = []
    for combo in combos:
        nodes: list[int] = []
        edges: list[int] = []
        for p in combo:
            nodes.extend(p.nodes if not nodes or nodes[-1] != p.nodes[0] else p.nodes[1:])
            edges.extend(p.edges)
        joined = Path(tuple(nodes), tuple(edges), sum(p.cost for p in combo))
        if all(set(joined.edges) != set(o.edges) for o in out):
            out.append(joined)
        if len(out) >= k:
            break
    return out


def _station_to_station(net: Network, path: Path, origin: _Access, destination: _Access
                        ) -> Path:
    """The path between the high-speed stations that serve the two places, where it runs.

    A path may reach a high-speed station by conventional track and a change of trains
    from a node nearer the town centre; but a trip "from A to B by rail" is timed between
    the stations that serve A and B. Where the path changes to high-speed track at a
    station that itself serves the place, the part before (or after) it is left out.
    """
    nodes, edges = list(path.nodes), list(path.edges)
    served = {i for i, _ in origin.nodes}
    for k, j in enumerate(edges):
        if net.flags[j] & 2:  # high-speed track: the trip proper starts here
            if k and nodes[k] in served and any(net.flags[e] & 4 for e in edges[:k]):
                nodes, edges = nodes[k:], edges[k:]
            break
    served = {i for i, _ in destination.nodes}
    for k in range(len(edges) - 1, -1, -1):
        if net.flags[edges[k]] & 2:
            end = k + 1
            if end < len(edges) and nodes[end] in served and any(
                    net.flags[e] & 4 for e in edges[end:]):
                nodes, edges = nodes[:end + 1], edges[:end]
            break
    return Path(tuple(nodes), tuple(edges), path.cost)


def _no_route(trip: Trip, stops: Sequence[_Access], costs: _Costs) -> NoRouteError:
    for a, b in pairwise(stops):
        if not ({costs.component[i] for i, _ in a.nodes}
                & {costs.component[i] for i, _ in b.nodes}):
            msg = (f"no rail route from {trip.origin.name} to {trip.destination.name}: the "
                   f"railways at {a.place.name} and at {b.place.name} are not joined by any "
                   "track (separate networks, across the sea or a gap)")
            return NoRouteError(msg)
    parts = []
    if trip.via:
        parts.append("via " + ", ".join(v.name for v in trip.via))
    if trip.avoid_countries or trip.avoid_places:
        parts.append("avoiding " + ", ".join([*trip.avoid_countries,
                                              *(p.name for p in trip.avoid_places)]))
    how = f" {' and '.join(parts)}" if parts else ""
    return NoRouteError(f"no rail route from {trip.origin.name} to {trip.destination.name}{how}")


def _stop(node: Node, elapsed: float, name: str = "") -> Stop:
    return Stop(id=node.id, name=name or node.name or node.id, kind=node.kind, lat=node.lat,
                lon=node.lon, tz=node.tz, country=node.country, elapsed_h=elapsed)


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

    def add_edge(self, j: int, v: str, speed_id: str = "") -> float:
        net, facts = self.net, self.net.facts
        e = net.edge_at(j)
        dist = Estimate(e.km * e.factor[0], e.km * e.factor[1], e.km * e.factor[2])
        self.distance.add(e.factor_source, dist)
        if e.transfer:
            dwell = facts.dwell_for("transfer", self.service)
            self.duration.add("dwell:transfer", dwell.hours)
            self.sources.extend(facts.urls(dwell.sources))
            self.track.append(v)
            return dwell.hours.central
        speed = facts.speed(speed_id or e.speed, self.service)
        v_lo, v_c, v_hi = speed.kmh.low, speed.kmh.central, speed.kmh.high
        hours = dist.central / v_c
        self.duration.add_central(hours)
        self.duration.add_spread(e.factor_source, (dist.central - dist.low) / v_c,
                                 (dist.high - dist.central) / v_c)
        # One train runs the whole way: a fast one is fast on every line, so the speed
        # spreads of all the lines add up (one key), not in quadrature as independent errors.
        self.duration.add_spread("speed", dist.central / v_c - dist.central / v_hi,
                                 dist.central / v_lo - dist.central / v_c)
        if e.country and e.country not in self.countries:
            self.countries.append(e.country)
        self.speed_km[speed.id] = self.speed_km.get(speed.id, 0.0) + dist.central
        self.sections[e.factor_source] = self.sections.get(e.factor_source, 0.0) + dist.central
        if not e.passenger:
            line = next((x for x in facts.lines if x.id == e.line), None)
            ends = (net.node(e.u).name or e.u, net.node(e.v).name or e.v)
            label = line.name if line else f"{ends[0]}–{ends[1]}"
            if label not in self.no_passenger:
                self.no_passenger.append(label)
            if line:
                self.sources.extend(facts.urls(line.sources))
        self.track.append(v)
        return hours

    @property
    def high_speed_km(self) -> float:
        """Of the leg's distance, the part on high-speed lines (timed by their trains)."""
        return sum(km for sid, km in self.speed_km.items()
                   if sid.startswith(("hsr:", "through:")))

    def finish(self, end: Stop) -> tuple[Leg, Budget, Budget]:
        facts = self.net.facts
        notes = []
        for sid, km in sorted(self.speed_km.items(), key=lambda kv: -kv[1]):
            s = facts.speed(sid, self.service)
            notes.append(f"{km:.0f} km at {s.kmh.low:.0f}–{s.kmh.central:.0f}–{s.kmh.high:.0f} "
                         f"km/h ({s.name})")
            self.sources.extend(facts.urls(s.sources))
        total = sum(self.sections.values()) or 1.0
        official = {src: km for src, km in self.sections.items()
                    if src.startswith(("section:", "high_speed:"))}
        if official:
            names = [src.split(":", 1)[1] for src in official]
            notes.append(f"{sum(official.values()) / total:.0%} of the distance from official "
                         f"lengths ({', '.join(names)}); the rest is measured track x sinuosity")
        else:
            notes.append("distance is measured track x the country's sinuosity factor")
        for src in official:
            kind, sid = src.split(":", 1)
            if kind == "section":
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


def _named(net: Network, node: Node, acc: _Access | None) -> str:
    """A stop's name: its node's, or the place's where the place joins the network there."""
    if acc is not None:
        i = net.index(node.id)
        km = dict(acc.nodes).get(i)
        if km is not None and (not node.name or km > _NAMED_KM):
            return acc.place.name
    return node.name or acc.place.name if acc is not None else node.name


def _option(net: Network, trip: Trip, path: Path, stops: Sequence[_Access],
            costs: _Costs) -> RouteOption:
    facts = net.facts
    service = trip.service
    origin, destination = stops[0], stops[-1]
    legs: list[Leg] = []
    distance, duration = Budget(), Budget()
    elapsed = 0.0
    first = net.node(path.nodes[0])
    builder = _LegBuilder(net, _stop(first, 0.0, _named(net, first, origin)), service)
    crossings = gauges = 0
    option_notes: list[str] = []
    passenger = True
    via_names: list[str] = []
    last_index = len(path.edges) - 1
    through = _through_speeds(net, path)
    high_speed_km = 0.0
    for k, (j, (_a, b)) in enumerate(zip(path.edges, pairwise(path.nodes), strict=True)):
        node = net.node(b)
        elapsed += builder.add_edge(j, node.id, through.get(k, ""))
        last = k == last_index
        name = _named(net, node, destination) if last else ""
        stop = _stop(node, elapsed, name)
        if node.place or node.name:
            via_names.append(stop.name)
        if node.kind != "border" or last:
            if (node.place or node.name) and not last:
                builder.stops.append(stop)
            continue
        high_speed_km += builder.high_speed_km
        leg, dist_b, dur_b = builder.finish(stop)
        legs.append(leg)
        distance.merge(dist_b)
        duration.merge(dur_b)
        rule = costs.rules[b]
        crossings += 1
        key = f"dwell:{node.id}"
        notes = [f"border {node.countries[0]}–{node.countries[1]}: {rule.description}"]
        notes.extend(rule.notes)
        if not rule.passenger_service:
            passenger = False
            notes.append("no scheduled passenger service across this border")
        duration.add(f"{key}:formalities", rule.formalities)
        legs.append(Leg(mode="border", origin=stop, destination=stop,
                        distance_km=Estimate.exact(0.0), duration_h=rule.formalities,
                        countries=node.countries, notes=tuple(notes),
                        sources=facts.urls(rule.sources)))
        elapsed += rule.formalities.central
        if rule.bogie is not None:
            gauges += 1
            where = rule.gauge_change_at or stop.name
            at = net.node_of_place(where)
            where = net.node(at).name if at else where
            duration.add(f"{key}:bogie", rule.bogie)
            after = _stop(node, elapsed + rule.bogie.central, stop.name)
            legs.append(Leg(mode="gauge_change", origin=stop, destination=after,
                            distance_km=Estimate.exact(0.0), duration_h=rule.bogie,
                            countries=node.countries,
                            notes=(f"gauge change {rule.gauges[0]:,} ↔ {rule.gauges[1]:,} mm "
                                   f"at {where}: "
                                   f"{rule.change or facts.dwell['bogie_exchange'].name}",),
                            sources=facts.urls(rule.bogie_sources)))
            elapsed += rule.bogie.central
            option_notes.append(f"gauge change at {where}")
        builder = _LegBuilder(net, _stop(node, elapsed, stop.name), service)
    end_node = net.node(path.nodes[-1])
    end = _stop(end_node, elapsed, _named(net, end_node, destination))
    high_speed_km += builder.high_speed_km
    leg, dist_b, dur_b = builder.finish(end)
    legs.append(leg)
    distance.merge(dist_b)
    duration.merge(dur_b)
    for leg in legs:
        if leg.mode == "rail" and any("no scheduled passenger" in n for n in leg.notes):
            passenger = False
    for acc, i in ((origin, path.nodes[0]), (destination, path.nodes[-1])):
        km = dict(acc.nodes).get(i, 0.0)
        if km > _NAMED_KM:
            option_notes.append(f"{acc.place.name} joins the railway {km:.0f} km away "
                                f"at {net.node(i).name or 'a junction'}")
    again = _passed_again(net, path)
    if again:
        more = f" and {len(again) - _NAMED_AGAIN} more places" if len(again) > _NAMED_AGAIN else ""
        option_notes.append(f"doubles back: passes {', '.join(again[:_NAMED_AGAIN])}{more} "
                            "more than once, to pass the places given in their order")
    if not passenger:
        option_notes.append("part of this route has no scheduled passenger service")
    if service != "regular":
        svc = facts.services[service]
        option_notes.append(f"times for {svc.name}" + (f": {svc.note}" if svc.note else ""))
    return RouteOption(
        label="", modes=("rail",), legs=tuple(legs), via=tuple(dict.fromkeys(via_names)),
        distance_km=distance.estimate(), duration_h=duration.estimate(),
        border_crossings=crossings, gauge_changes=gauges, notes=tuple(option_notes),
        passenger_service=passenger, scheduled=passenger, high_speed_km=high_speed_km,
    )


def _through_speeds(net: Network, path: Path) -> dict[int, str]:
    """The edges of ``path`` that a through service times, with its speed class.

    A run of high-speed edges from one end of a service (``[[through]]`` of
    ``rail/high_speed.toml``) to the other, on its lines only, is timed by the service's
    trains rather than line by line: London–Paris trains do not stop at Lille.
    """
    services = net.facts.through
    if not services:
        return {}
    runs: list[list[int]] = []
    lines: list[set[str]] = []
    for k, j in enumerate(path.edges):
        source = net.edge_at(j).factor_source
        if not source.startswith("high_speed:"):
            continue
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
            lines[-1].add(source.split(":", 1)[1])
        else:
            runs.append([k])
            lines.append({source.split(":", 1)[1]})
    out: dict[int, str] = {}
    for run, used in zip(runs, lines, strict=True):
        ends = {net.node(path.nodes[run[0]]).name, net.node(path.nodes[run[-1] + 1]).name}
        found = next((s for s in services if set(s.ends) == ends and set(s.lines) == used),
                     None)
        if found is not None:
            out.update(dict.fromkeys(run, found.speed))
    return out


def _passed_again(net: Network, path: Path) -> list[str]:
    """Names of the named nodes a path passes more than once, in the order first passed.

    A turn at the end of a spur within :data:`_SPUR_KM` of the line (a via's station off
    the main line) is a call there: its way back is not counted.
    """
    nodes = list(path.nodes)
    back: set[int] = set()  # positions on the way back out of a short spur
    for i in range(1, len(nodes) - 1):
        if nodes[i - 1] != nodes[i + 1]:
            continue
        k = 1
        while i - k - 1 >= 0 and i + k + 1 < len(nodes) and nodes[i - k - 1] == nodes[i + k + 1]:
            k += 1
        base, tip = net.node(nodes[i - k]), net.node(nodes[i])
        if great_circle_km(base.lat, base.lon, tip.lat, tip.lon) <= _SPUR_KM:
            back.update(range(i + 1, i + k + 1))
    times: dict[int, int] = {}
    for n, i in enumerate(nodes):
        if n not in back:
            times[i] = times.get(i, 0) + 1
    return list(dict.fromkeys(net.node(i).name for i, n in times.items()
                              if n > 1 and net.has_name(i)))


def _labelled(options: Iterable[RouteOption],
              size: Callable[[str, str], int] | None = None) -> list[RouteOption]:
    """Name each option by what sets it apart from the others.

    Its border crossings, when no other option has the same ("Rail via Tumangang–Khasan").
    Else the towns on its way that tell it from every other option with the same crossings,
    or none (:func:`_telling_towns`; the biggest, by ``size`` of a name in a country, which
    defaults to its population in the gazetteer): "Rail via Khabarovsk", "Rail via
    Tumangang–Khasan, through Wŏnsan". An option whose towns all lie on another's way keeps
    its crossings, or else the town in the middle of its way, and is numbered when that name
    repeats.
    """
    options = list(options)
    size = size or _town_size
    passes = [set(o.via) for o in options]
    crossings = [", ".join(_crossings(o)) for o in options]
    told = [_told_crossings(o) for o in options]
    out: list[RouteOption] = []
    seen: dict[str, int] = {}
    for n, opt in enumerate(options):
        others = [m for m in range(len(options)) if m != n]
        rivals = [m for m in others if crossings[m] == crossings[n]] or others
        towns = _towns(opt)
        chosen, left = _telling_towns(towns, [passes[m] for m in rivals],
                                      [passes[m] for m in others], size)
        if told[n] and crossings.count(crossings[n]) == 1:
            label = f"Rail via {told[n]}"
        elif chosen and not left:
            named = _listed(sorted(chosen, key=list(towns).index))
            label = f"Rail via {told[n]}, through {named}" if told[n] else \
                f"Rail via {named}"
        elif told[n]:
            label = f"Rail via {told[n]}"
        else:
            ends = (opt.legs[0].origin.name, opt.legs[-1].destination.name)
            named_all = [s for s in opt.via if s not in ends]
            label = "Rail" + (f" via {named_all[len(named_all) // 2]}" if named_all
                              else " (direct)")
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label} (alternative {seen[label]})"
        out.append(replace(opt, label=label))
    return out


def _telling_towns(towns: Mapping[str, str], rivals: Sequence[set[str]],
                   others: Sequence[set[str]], size: Callable[[str, str], int]
                   ) -> tuple[list[str], int]:
    """Towns (name -> country) that tell an option from its rivals (the places each passes).

    Greedy: the town fewest of the rivals left pass, then one that none of the ``others``
    passes, then not a station, then the biggest; at most :data:`_LABEL_TOWNS`. Returns
    them and how many rivals they leave untold.
    """
    chosen: list[str] = []
    left = list(rivals)
    while left and len(chosen) < _LABEL_TOWNS:
        def telling(town: str, left: list[set[str]] = left) -> tuple[int, bool, bool, int]:
            return (sum(town not in p for p in left), all(town not in p for p in others),
                    "station" not in town.casefold(), size(town, towns[town]))
        best = max(towns, key=telling, default=None)
        if best is None or not telling(best)[0]:
            break
        chosen.append(best)
        left = [p for p in left if best in p]
    return chosen, len(left)


_UNNAMED_BORDER = re.compile(r"[A-Z]{2}–[A-Z]{2} border$")


def _told_crossings(option: RouteOption) -> str:
    """The crossings that name an option: those with names of their own, each once.

    A crossing named only by its two countries ("KZ–RU border") tells little; an option
    whose crossings are all such is named by the countries it passes on the way instead
    ("Kazakhstan", "Mongolia").
    """
    crossings = _crossings(option)
    named = list(dict.fromkeys(c for c in crossings if not _UNNAMED_BORDER.match(c)))
    if named or not crossings:
        return ", ".join(named)
    rail = [leg for leg in option.legs if leg.mode == "rail" and leg.countries]
    if not rail:
        return ""
    ends = {rail[0].countries[0], rail[-1].countries[-1]}
    between = dict.fromkeys(c for leg in rail for c in leg.countries if c not in ends)
    return _listed([_country_name(c) for c in between]) if between else ""


def _country_name(code: str) -> str:
    from routes.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    e = gaz.country_entry(code)
    return gaz.name(e) if e is not None else code


def _crossings(option: RouteOption) -> list[str]:
    """The border crossings of an option, in order, without their bracketed notes."""
    return [leg.origin.name.split(" (")[0] for leg in option.legs if leg.mode == "border"]


def _towns(option: RouteOption) -> dict[str, str]:
    """The places an option passes between its ends, but its borders, with their countries."""
    ends = (option.legs[0].origin.name, option.legs[-1].destination.name)
    borders = {leg.origin.name for leg in option.legs if leg.mode == "border"}
    country = {s.name: s.country or "" for leg in option.legs for s in leg.stops}
    return {s: country.get(s, "") for s in option.via
            if not any(_same_town(s, e) for e in ends) and s not in borders
            and "border" not in s}


def _same_town(a: str, b: str) -> bool:
    """Whether two stop names are one town's: equal, or its station ("Moscow Kursky")."""
    short, long = sorted((a, b), key=len)
    return long == short or long.startswith(short + " ")


def _listed(names: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _town_size(name: str, country: str) -> int:
    """The population of the biggest town of this name in this country (0 if none)."""
    from routes.geo.gazetteer import load_gazetteer
    from routes.geo.places import normalize_name

    gaz = load_gazetteer()
    return max((gaz.population(e) for e in gaz.candidates(normalize_name(name))
                if gaz.kind(e) == "city" and (not country or gaz.country_of(e) == country)),
               default=0)


class _Rail:
    """The rail mode (see :mod:`routes.modes`)."""

    name = "rail"

    def options(self, trip: Trip, network: Network) -> list[RouteOption]:
        return rail_options(trip, network)


MODE = _Rail()
