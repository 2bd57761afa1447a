"""Cheapest paths on the rail graph, and distinct alternatives, with scipy's csgraph.

A search graph holds one weight per edge (hours for path choice: running time, dwell and
penalties) as a symmetric sparse matrix. A query may start from several nodes, each with a
cost of getting there (a town joins the network at more than one station), and end at
several: two virtual nodes, one before the starts and one after the ends, make that one
Dijkstra run.

Alternatives use the "via node" method: from one run forward and one backward, every node
``x`` gives the cheapest path that passes it, ``d(s, x) + d(x, t)``. Paths through the
cheapest such nodes are taken in order as long as most of their track is their own
(Abraham, Delling, Goldberg and Werneck, "Alternative routes in road networks", 2013).

Examples
--------
>>> import numpy as np
>>> g = SearchGraph(4, np.array([0, 1, 0, 2]), np.array([1, 3, 2, 3]),
...                 np.array([1.0, 1.0, 1.5, 1.5]))
>>> g.path({0: 0.0}, {3: 0.0}).nodes
(0, 1, 3)
>>> [p.nodes for p in g.alternatives({0: 0.0}, {3: 0.0}, k=2, lengths=np.ones(4))]
[(0, 1, 3), (0, 2, 3)]

"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_array
from scipy.sparse.csgraph import dijkstra

__all__ = ["Path", "SearchGraph"]

_EPS = 1e-9  # csgraph reads an explicit zero as "no edge": every weight is at least this
_MAX_TRIED = 25000  # via nodes looked at, at most, for alternatives


@dataclass(frozen=True, slots=True)
class Path:
    """A path as node numbers and edge numbers, with its cost (in the graph's weight)."""

    nodes: tuple[int, ...]
    edges: tuple[int, ...]
    cost: float


class SearchGraph:
    """An undirected graph of ``n`` nodes; edge ``j`` joins ``u[j]`` and ``v[j]``.

    Parameters
    ----------
    n
        Number of nodes.
    u, v
        End nodes of each edge.
    weight
        Cost of each edge; ``inf`` closes an edge.

    """

    def __init__(self, n: int, u: NDArray[np.integer], v: NDArray[np.integer],
                 weight: NDArray[np.floating]) -> None:
        self.n = n
        self.u = np.asarray(u, dtype=np.int64)
        self.v = np.asarray(v, dtype=np.int64)
        self.weight = np.maximum(np.asarray(weight, dtype=float), _EPS)

    def with_weight(self, weight: NDArray[np.floating]) -> SearchGraph:
        """The same graph with other edge costs."""
        return SearchGraph(self.n, self.u, self.v, weight)

    def _base(self) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
        """The open graph as CSR arrays ``(data, indices, indptr)``, built once.

        Both directions, the cheapest of parallel edges, and one empty row more (node
        ``n``) for a query's virtual start.
        """
        if not hasattr(self, "_csr"):
            open_ = np.isfinite(self.weight)
            eu, ev, ew = self.u[open_], self.v[open_], self.weight[open_]
            rows = np.concatenate([eu, ev])
            cols = np.concatenate([ev, eu])
            data = np.concatenate([ew, ew])
            order = np.lexsort((data, cols, rows))
            rows, cols, data = rows[order], cols[order], data[order]
            first = np.ones(len(rows), dtype=bool)
            first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
            rows, cols, data = rows[first], cols[first], data[first]
            size = self.n + 1
            indptr = np.zeros(size + 1, dtype=np.int64)
            np.add.at(indptr, rows + 1, 1)
            self._csr = (data.astype(np.float64), cols.astype(np.int64),
                         np.cumsum(indptr).astype(np.int64))
        return self._csr

    def _with_start(self, points: Mapping[int, float]) -> csr_array:
        """The graph plus a virtual node ``n`` joined to ``points`` at their costs.

        The graph is undirected, so the same matrix serves a search from the ends back.
        """
        data, cols, indptr = self._base()
        nodes = np.fromiter(points, dtype=np.int64, count=len(points))
        costs = np.fromiter(points.values(), dtype=float, count=len(points))
        order = np.argsort(nodes)
        indptr = indptr.copy()
        indptr[-1] += len(nodes)
        size = self.n + 1
        return csr_array((np.concatenate([data, np.maximum(costs[order], _EPS)]),
                          np.concatenate([cols, nodes[order]]), indptr), shape=(size, size))

    def _runs(self, starts: Mapping[int, float], ends: Mapping[int, float]
              ) -> tuple[NDArray[np.float64], NDArray[np.int32], NDArray[np.float64],
                         NDArray[np.int32]]:
        """Costs and predecessors from the starts, and from the ends back.

        Node ``n`` is the virtual start in the first search and the virtual end in the
        second; each node's total through it is the sum of the two.
        """
        src = self.n
        dist, pred = dijkstra(self._with_start(starts), directed=True, indices=[src],
                              return_predecessors=True)
        back, bpred = dijkstra(self._with_start(ends), directed=True, indices=[src],
                               return_predecessors=True)
        return dist[0], pred[0], back[0], bpred[0]

    def path(self, starts: Mapping[int, float], ends: Mapping[int, float]) -> Path | None:
        """The cheapest path from any start to any end (costs of reaching them included)."""
        if not starts or not ends:
            return None
        src = self.n
        dists, preds = dijkstra(self._with_start(starts), directed=True, indices=[src],
                                return_predecessors=True)
        dist, pred = dists[0], preds[0]
        t_nodes = np.fromiter(ends, dtype=np.int64, count=len(ends))
        t_cost = np.fromiter(ends.values(), dtype=float, count=len(ends))
        totals = dist[t_nodes] + np.maximum(t_cost, _EPS)
        k = int(np.argmin(totals))
        if not np.isfinite(totals[k]):
            return None
        nodes = [int(t_nodes[k])]
        while nodes[-1] != src:
            nodes.append(int(pred[nodes[-1]]))
        return self._made(nodes[::-1][1:], float(totals[k]))

    def _made(self, nodes: Sequence[int], cost: float) -> Path:
        ids = np.asarray(nodes, dtype=np.int64)
        return Path(tuple(int(n) for n in nodes), self._edges(ids[:-1], ids[1:]), cost)

    def _edges(self, a: NDArray[np.int64], b: NDArray[np.int64]) -> tuple[int, ...]:
        """The cheapest open edge between each pair of nodes ``a[i]``, ``b[i]``."""
        if not hasattr(self, "_keys"):
            # Edges sorted by their node pair, cheapest first; the first of each pair wins.
            lo, hi = np.minimum(self.u, self.v), np.maximum(self.u, self.v)
            open_ = np.flatnonzero(np.isfinite(self.weight))
            key = lo[open_].astype(np.int64) * (self.n + 2) + hi[open_]
            order = np.lexsort((self.weight[open_], key))
            key, edge = key[order], open_[order]
            first = np.r_[True, key[1:] != key[:-1]]
            self._keys, self._keyed = key[first], edge[first]
        key = np.minimum(a, b) * (self.n + 2) + np.maximum(a, b)
        return tuple(int(e) for e in self._keyed[np.searchsorted(self._keys, key)])

    def alternatives(self, starts: Mapping[int, float], ends: Mapping[int, float], *, k: int,
                     lengths: NDArray[np.floating], max_overlap: float = 0.8,
                     stretch: float = 2.0,
                     key: Callable[[Sequence[int]], Hashable] | None = None,
                     landmarks: Callable[[Sequence[int]], frozenset[Hashable]] | None = None,
                     ) -> list[Path]:
        """Up to ``k`` cheap paths, each mostly on track of its own, cheapest first.

        Parameters
        ----------
        starts, ends
            Start and end nodes with the cost of reaching them.
        k
            How many paths are wanted.
        lengths
            Length of each edge: overlap is measured in track length.
        max_overlap
            A path is kept only if the track it shares with every path kept before is at
            most this share of its own length.
        stretch
            Paths costing more than this many times the cheapest are not considered.
        key
            What tells routes apart for a reader (for rail, the countries passed): after the
            cheapest path, paths with a key not yet seen come first, cheapest first.
        landmarks
            The named places a path passes: a path passing no landmark that the paths kept
            do not pass is not a route of its own for a reader, and is dropped.

        """
        if not starts or not ends:
            return []
        dist, pred, back, bpred = self._runs(starts, ends)
        snk = src = self.n  # the virtual start of each search
        through = dist[: self.n] + back[: self.n]
        best = float(np.min(through)) if self.n else np.inf
        if not np.isfinite(best):
            return []
        # A node whose way in and way out run over the same neighbour is the tip of a spur:
        # its path goes out and back along one track, so it is no route of its own.
        spur = pred[: self.n] == bpred[: self.n]
        through = np.where(spur, np.inf, through)
        order = np.argsort(through, kind="stable")
        chooser = _Chooser(k, lengths, max_overlap, key, landmarks)
        seen: set[tuple[int, ...]] = set()
        passed: set[int] = set()  # nodes of paths already looked at give those paths again
        for tried, x in enumerate(order.tolist()):
            total = float(through[x])
            if (not np.isfinite(total) or total > stretch * best + _EPS or tried > _MAX_TRIED
                    or chooser.done()):
                break
            if x in passed:
                continue
            left = [x]
            while left[-1] != src and left[-1] >= 0:
                left.append(int(pred[left[-1]]))
            right = [x]
            while right[-1] != snk and right[-1] >= 0:
                right.append(int(bpred[right[-1]]))
            if left[-1] != src or right[-1] != snk:
                continue
            nodes = left[::-1][1:] + right[1:-1]
            passed.update(nodes)
            if len(set(nodes)) != len(nodes) or tuple(nodes) in seen:
                continue  # runs out and back along the same track, or known already
            seen.add(tuple(nodes))
            chooser.offer(self._made(nodes, total))
        return chooser.result()



class _Chooser:
    """Keeps the cheapest path, then paths mostly on their own track, new keys first.

    Paths are offered cheapest first. One whose key (for rail, the borders it crosses) no
    kept path has is kept at once; one with a known key waits, and fills the places left
    at the end. A path sharing more than ``max_overlap`` of its track with a kept path is
    dropped.
    """

    def __init__(self, k: int, lengths: NDArray[np.floating], max_overlap: float,
                 key: Callable[[Sequence[int]], Hashable] | None,
                 landmarks: Callable[[Sequence[int]], frozenset[Hashable]] | None) -> None:
        self.k = k
        self.lengths = lengths
        self.max_overlap = max_overlap
        self.key = key
        self.landmarks = landmarks
        self.seen_marks: list[frozenset[Hashable]] = []
        self.kept: list[tuple[Path, set[int]]] = []
        self.keys: set[Hashable] = set()
        self.waiting: list[Path] = []

    def _own_enough(self, edges: set[int]) -> bool:
        total = float(sum(self.lengths[j] for j in edges)) or 1.0
        return all(sum(self.lengths[j] for j in edges & other) / total <= self.max_overlap
                   for _, other in self.kept)

    def _new_landmarks(self, path: Path) -> bool:
        if self.landmarks is None:
            return True
        marks = self.landmarks(path.nodes)
        return not any(marks <= other for other in self.seen_marks)

    def _keep(self, path: Path, edges: set[int]) -> None:
        self.kept.append((path, edges))
        if self.landmarks is not None:
            self.seen_marks.append(self.landmarks(path.nodes))

    def offer(self, path: Path) -> None:
        edges = set(path.edges)
        if not self._own_enough(edges):
            return
        mark = self.key(path.nodes) if self.key is not None else None
        if not self.kept or (self.key is not None and mark not in self.keys):
            self._keep(path, edges)
            self.keys.add(mark)
        elif len(self.waiting) < 4 * self.k:
            self.waiting.append(path)

    def done(self) -> bool:
        return len(self.kept) >= self.k

    def result(self) -> list[Path]:
        for path in self.waiting:
            if len(self.kept) >= self.k:
                break
            edges = set(path.edges)
            if self._own_enough(edges) and self._new_landmarks(path):
                self._keep(path, edges)
        return sorted((p for p, _ in self.kept), key=lambda p: p.cost)
