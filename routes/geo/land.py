"""Land masses: which piece of land a point is on, so a road knows when it meets the sea.

The network build (:mod:`routes.network.build`) merges the Natural Earth 50m countries into
their land masses (Eurasia and Africa, the Americas, Great Britain, Honshu, …) and writes
them to ``network/land.npz``, simplified to about 500 m. Land less than about 4 km apart at
that scale counts as one mass: the narrow channels of Manhattan, Abu Dhabi, Anglesey, Hong
Kong or Singapore (2.5–3.5 km wide in the generalised coastline) are bridged or tunnelled,
while the Strait of Messina (5.5 km) is not. Where the rail network crosses from one mass to
another over at most 60 km of track (the Channel Tunnel, the Great and Little Belt links,
the Seto and Kanmon crossings), the build records a crossing, and a road is taken to cross
there too. Longer rail "crossings" are train ferries (Natural Earth draws the Cook Strait
ferry as track) or rail-only tunnels (the Seikan Tunnel, 54 km under the sea), and are left
out. Other land masses are reached by car ferry (:mod:`routes.modes.road`).

Examples
--------
>>> land = load_land()
>>> land.mass((51.51, -0.13)) == land.mass((55.95, -3.19))   # London and Edinburgh
True
>>> land.mass((51.51, -0.13)) == land.mass((48.86, 2.35))    # London and Paris
False

"""

from __future__ import annotations

import functools
import io
import zipfile
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from routes import settings
from routes.errors import DataError

__all__ = ["Land", "build_land", "load_land"]

_SIMPLIFY_DEG = 0.005  # about 500 m
_MIN_AREA_DEG2 = 0.0005  # islets under about 5 km² are left out
_JOIN_DEG = 0.02  # land less than about 4 km apart (2 km each side) is one mass
_CROSSING_KM = 60.0  # a rail edge longer than this between masses is a train ferry line
_SHORE_KM = 2.0  # a point in the water this near two masses' outlines may be on either
_COAST_KM = 25.0  # a point this far out at sea belongs to the nearest land (ports, piers)


class Land:
    """Land-mass polygons with an STRtree; ``mass`` gives a point's land mass number.

    ``crossings`` are the places where the rail network goes from one mass to another, as
    ``((lat, lon), (lat, lon), km)``: the nodes on each side and the track between them.
    """

    def __init__(self, polygons: list[Any],
                 crossings: tuple[tuple[tuple[float, float], tuple[float, float], float], ...]
                 = ()) -> None:
        import shapely

        self.polygons = polygons
        self.crossings = crossings
        self.tree = shapely.STRtree(polygons)

    def mass(self, point: tuple[float, float]) -> int | None:
        """Number of the land mass at ``(lat, lon)``, or of the nearest one within 25 km."""
        import shapely

        p = shapely.Point(point[1], point[0])
        hits = self.tree.query(p, predicate="within").tolist()
        if hits:
            return int(min(hits))
        near = self.tree.query_nearest(p, max_distance=_COAST_KM / 111.0)
        return int(min(near.tolist())) if len(near) else None

    def masses(self, point: tuple[float, float]) -> frozenset[int]:
        """The land masses a point may be on: the one it is in, else every one on its shore.

        A town on a narrow strait may fall in the water of the simplified coastline, nearer
        the far shore than its own (Gilimanuk, on Bali, lies 0.9 km from Java's outline and
        1.7 km from Bali's): within :data:`_SHORE_KM` of two masses, it is on either.
        """
        import shapely

        p = shapely.Point(point[1], point[0])
        hits = self.tree.query(p, predicate="within").tolist()
        if hits:
            return frozenset({int(min(hits))})
        shore = self.tree.query(p, predicate="dwithin", distance=_SHORE_KM / 111.0).tolist()
        if shore:
            return frozenset(int(i) for i in shore)
        one = self.mass(point)
        return frozenset() if one is None else frozenset({one})


def build_land(countries: list[Any],
               rail: list[tuple[tuple[float, float], tuple[float, float], float]]) -> bytes:
    """The ``land.npz`` bytes: land masses biggest first, and the rail crossings between them.

    Parameters
    ----------
    countries
        Country polygons (lon, lat).
    rail
        Rail edges as ``((lat, lon), (lat, lon), km)``: those up to 60 km long whose ends are
        on different masses become crossings (the shortest one per pair of masses).

    """
    import shapely

    merged = shapely.union_all(countries, grid_size=1e-4)
    merged = shapely.buffer(shapely.buffer(merged, _JOIN_DEG, quad_segs=2), 0)
    parts = list(getattr(merged, "geoms", [merged]))
    parts = [shapely.simplify(p, _SIMPLIFY_DEG, preserve_topology=True) for p in parts]
    parts = [p for p in parts if p.area >= _MIN_AREA_DEG2]
    parts.sort(key=lambda p: (-p.area, p.bounds))
    land = Land(parts)
    best: dict[tuple[int, int], tuple[float, tuple[float, float], tuple[float, float]]] = {}
    for a, b, km in rail:
        if km > _CROSSING_KM:
            continue  # Natural Earth draws some train ferries (Cook Strait) as track
        ma, mb = land.mass(a), land.mass(b)
        if ma is None or mb is None or ma == mb:
            continue
        key = (ma, mb) if ma < mb else (mb, ma)
        ends = (a, b) if ma < mb else (b, a)
        if key not in best or (km, *ends) < best[key]:
            best[key] = (km, *ends)
    rows = sorted((p, q, km) for km, p, q in best.values())
    wkb = [shapely.to_wkb(p, output_dimension=2, byte_order=1) for p in parts]
    offsets = np.cumsum([0, *[len(w) for w in wkb]]).astype(np.int64)
    buf = io.BytesIO()
    np.savez_compressed(buf, wkb=np.frombuffer(b"".join(wkb), dtype=np.uint8),
                        offsets=offsets,
                        crossings=np.array([[*p, *q, km] for p, q, km in rows],
                                           dtype=float).reshape(-1, 5))
    return buf.getvalue()


def read_land(path: Path) -> Land:
    """Read ``land.npz``.

    Raises
    ------
    DataError
        If the file is missing or unreadable.

    """
    import shapely

    try:
        with np.load(path, allow_pickle=False) as npz:
            blob, offsets, rows = npz["wkb"].tobytes(), npz["offsets"], npz["crossings"]
        polygons = [shapely.from_wkb(blob[int(a):int(b)])
                    for a, b in pairwise(offsets.tolist())]
        crossings = tuple(((float(r[0]), float(r[1])), (float(r[2]), float(r[3])), float(r[4]))
                          for r in rows.tolist())
    except FileNotFoundError:
        raise DataError(f"network file not found: {path}; run 'routes build-network'") from None
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, EOFError,
            shapely.errors.GEOSException) as exc:
        raise DataError(f"{path.name}: unreadable ({exc}); run 'routes build-network'") from None
    return Land(polygons, crossings)


@functools.cache
def _load(path: Path) -> Land:
    return read_land(path)


def load_land() -> Land:
    """The land masses of :data:`routes.settings.data_folder` ``/network/land.npz``."""
    return _load(settings.data_folder / "network" / "land.npz")
