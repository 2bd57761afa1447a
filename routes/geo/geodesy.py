"""Distances on the ellipsoid (WGS84), via geographiclib, the library behind geopy.

Examples
--------
>>> round(distance_km((39.224098, 125.669998), (43.396256, 132.148155)), 1)
713.0
>>> round(path_length_km([(130.0, 42.0), (130.0, 43.0)]), 1)
111.1

"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from geographiclib.geodesic import Geodesic

__all__ = ["distance_km", "geodesic_points", "great_circle_km", "great_circle_km_many",
           "great_circle_points", "path_length_km"]

_WGS84 = Geodesic.WGS84


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance in km between two ``(lat, lon)`` points."""
    return _inverse_km(float(a[0]), float(a[1]), float(b[0]), float(b[1]))


@functools.lru_cache(maxsize=1 << 16)
def _inverse_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # A pure function of its four numbers: a long text asks for the same pairs again.
    return float(_WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"]) / 1000.0


def great_circle_km_many(lat: float, lon: float, lats: Any, lons: Any) -> Any:
    """:func:`great_circle_km` from one point to many (numpy arrays): for ranking only.

    >>> import numpy as np
    >>> [round(float(x)) for x in great_circle_km_many(0.0, 0.0, np.array([0.0, 1.0]),
    ...                                                np.array([1.0, 0.0]))]
    [111, 111]

    """
    import numpy as np

    p1, p2 = math.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(np.asarray(lons) - lon)
    a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on a sphere of mean Earth radius (km): fast, within 0.5 %, for ranking only.

    Reported distances use :func:`distance_km` (the ellipsoid).
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def path_length_km(coords: Sequence[Sequence[float]]) -> float:
    """Geodesic length in km of a polyline given as ``(lon, lat)`` pairs (GeoJSON order)."""
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in pairwise(coords):
        total += _WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"]
    return total / 1000.0


def geodesic_points(a: tuple[float, float], b: tuple[float, float], *,
                    step_km: float = 25.0) -> list[tuple[float, float]]:
    """Points along the geodesic from ``a`` to ``b`` (``(lat, lon)``), at most ``step_km`` apart.

    Returned as ``(lon, lat)`` pairs for building a GeoJSON or shapely line. Use it to draw a
    flight as the arc it flies rather than a straight line on a Mercator map.
    """
    line = _WGS84.InverseLine(a[0], a[1], b[0], b[1])
    n = max(1, int(line.s13 / 1000.0 / step_km) + 1)
    points = []
    for i in range(n + 1):
        pos = line.Position(line.s13 * i / n, Geodesic.LATITUDE | Geodesic.LONGITUDE)
        points.append((round(pos["lon2"], 5), round(pos["lat2"], 5)))
    return points


def great_circle_points(a: tuple[float, float], b: tuple[float, float], *,
                        step_km: float = 25.0) -> list[tuple[float, float]]:
    """Points along the great circle on the sphere, as :func:`geodesic_points` gives them.

    Faster, and within a few km of the ellipsoid's geodesic: enough to tell which countries
    a flight crosses, not to draw it.

    >>> pts = great_circle_points((51.47, -0.45), (40.64, -73.78))
    >>> pts[0], pts[-1]
    ((-0.45, 51.47), (-73.78, 40.64))
    >>> near = geodesic_points((51.47, -0.45), (40.64, -73.78))
    >>> len(pts) == len(near)
    True

    """
    import numpy as np

    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    p = np.array([math.cos(la1) * math.cos(lo1), math.cos(la1) * math.sin(lo1), math.sin(la1)])
    q = np.array([math.cos(la2) * math.cos(lo2), math.cos(la2) * math.sin(lo2), math.sin(la2)])
    angle = math.acos(max(-1.0, min(1.0, float(p @ q))))
    n = max(1, int(distance_km(a, b) / step_km) + 1)
    t = np.linspace(0.0, 1.0, n + 1)[:, None]
    if angle < 1e-12:
        v = np.repeat(p[None, :], n + 1, axis=0)
    else:
        v = (np.sin((1 - t) * angle) * p + np.sin(t * angle) * q) / math.sin(angle)
    lats = np.degrees(np.arctan2(v[:, 2], np.hypot(v[:, 0], v[:, 1])))
    lons = np.degrees(np.arctan2(v[:, 1], v[:, 0]))
    out = [(round(float(x), 5), round(float(y), 5)) for x, y in zip(lons, lats, strict=True)]
    out[0], out[-1] = (round(a[1], 5), round(a[0], 5)), (round(b[1], 5), round(b[0], 5))
    return out
