"""Which country a point lies in: Natural Earth 50m countries, with a shapely STRtree.

One lookup for the network build, the road model and the flight notes, so that a point's
country is decided one way everywhere.

Examples
--------
>>> load_countries().one((2.35, 48.86))
'FR'
>>> load_countries().lookup([(129.0, 41.0), (131.9, 43.1)])
['KP', 'RU']

"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import shape

from routes import settings
from routes.errors import DataError

__all__ = ["Countries", "load_countries"]

Coord = tuple[float, float]  # (lon, lat)
RAW = "ne_50m_admin0_countries_world.geojson.gz"


def _features(path: Path) -> list[dict[str, Any]]:
    try:
        data = path.read_bytes()
        data = gzip.decompress(data) if path.suffix == ".gz" else data
        parsed = json.loads(data)
    except FileNotFoundError:
        raise DataError(f"raw data file not found: {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError, OSError, EOFError) as exc:
        raise DataError(f"{path.name}: not valid GeoJSON: {exc}") from None
    features = parsed.get("features") if isinstance(parsed, dict) else None
    if not isinstance(features, list):
        raise DataError(f"{path.name}: no 'features' list")
    return features


def _outlines(path: Path) -> tuple[list[str], list[bytes]]:
    """Each country's code and outline (WKB), from the Natural Earth GeoJSON."""
    codes: list[str] = []
    wkb: list[bytes] = []
    for feat in _features(path):
        props = feat.get("properties") or {}
        code = str(props.get("ISO_A2") or "")
        if not code or code == "-99":
            code = str(props.get("ADM0_A3", "??"))[:2]
        codes.append(code)
        wkb.append(shapely.to_wkb(shape(feat["geometry"])))
    return codes, wkb


class Countries:
    """Point-in-polygon country lookup over the Natural Earth 50m countries.

    Also used by the gazetteer and the road model, so that a point's country is decided one
    way everywhere.
    """

    def __init__(self, path: Path) -> None:
        from routes.cache import cached

        # The GeoJSON is parsed once; later processes read the outlines as WKB.
        codes, wkb = cached("countries", [path], lambda: _outlines(path), code=Path(__file__))
        self.codes: list[str] = list(codes)
        geoms = list(shapely.from_wkb(wkb))
        for geom in geoms:
            shapely.prepare(geom)
        self.geoms = geoms
        self.tree = shapely.STRtree(geoms)
        self._borders: dict[tuple[str, str], Any] = {}
        self._whole: dict[str, Any] = {}

    def lookup(self, coords: Sequence[Coord]) -> list[str]:
        """The country of each ``(lon, lat)``; off-shore points take the nearest country."""
        if not coords:
            return []
        points = shapely.points(np.asarray(coords, dtype=float))
        hit_pts, hit_polys = self.tree.query(points, predicate="within")
        result = [""] * len(coords)
        for p, g in sorted(zip(hit_pts.tolist(), hit_polys.tolist(), strict=True)):
            if not result[p]:
                result[p] = self.codes[g]
        missing = [i for i, code in enumerate(result) if not code]
        if missing:
            nearest = self.tree.nearest(points[missing])
            for i, g in zip(missing, np.atleast_1d(nearest).tolist(), strict=True):
                result[i] = self.codes[g]
        return result

    def one(self, coord: Coord) -> str:
        """The country of one ``(lon, lat)``."""
        return self.lookup([coord])[0]

    def crossed_by(self, code: str, coords: Sequence[Coord]) -> bool:
        """Whether the line through ``coords`` (``(lon, lat)``) enters country ``code``.

        >>> load_countries().crossed_by("CH", [(5.0, 47.0), (11.0, 46.5)])
        True

        """
        geom = self._whole.get(code)
        if geom is None:
            parts = [g for c, g in zip(self.codes, self.geoms, strict=True) if c == code]
            geom = self._whole[code] = shapely.union_all(parts) if parts else shapely.Point()
            shapely.prepare(geom)
        if len(coords) < 2 or geom.is_empty:
            return False  # (also called with no line to prepare the outline)
        return bool(geom.intersects(shapely.LineString(coords)))

    def points_inside(self, code: str, coords: Sequence[Coord]) -> int:
        """How many of the points ``coords`` (``(lon, lat)``) lie inside country ``code``.

        >>> load_countries().points_inside("CH", [(5.0, 47.0), (8.2, 46.8), (11.0, 46.5)])
        1

        """
        self.crossed_by(code, [])
        geom = self._whole[code]
        if not coords or geom.is_empty:
            return 0
        xy = np.asarray(coords, dtype=float)
        return int(shapely.contains_xy(geom, xy[:, 0], xy[:, 1]).sum())

    def outline_point(self, code: str, coord: Coord) -> Coord | None:
        """The point of country ``code``'s outline nearest ``coord`` (its coast from the sea).

        >>> lon, lat = load_countries().outline_point("TN", (12.6, 35.5))  # Lampedusa
        >>> 10.9 < lon < 11.2 and 35.1 < lat < 35.6
        True

        """
        if code not in self._whole:
            self.crossed_by(code, [])
        geom = self._whole.get(code)
        if geom is None or geom.is_empty:
            return None
        lon0, lat0 = coord
        scale = max(np.cos(np.radians(lat0)), 0.05)
        flat = shapely.transform(geom.boundary, lambda xy: xy * np.array([scale, 1.0]))
        _, near = shapely.ops.nearest_points(shapely.Point(lon0 * scale, lat0), flat)
        return (float(near.x / scale), float(near.y))

    def area_km2(self, code: str) -> float:
        """The area of a country's outline (km², on a sphere; 0 if unknown).

        >>> round(load_countries().area_km2("MT"), -1) < 1_000
        True

        """
        import math

        total = 0.0
        for c, g in zip(self.codes, self.geoms, strict=True):
            if c != code:
                continue
            lat = g.centroid.y
            total += g.area * 111.32 ** 2 * math.cos(math.radians(lat))
        return total

    def border_point(self, a: str, b: str, coord: Coord) -> Coord | None:
        """The point of the border between countries ``a`` and ``b`` nearest ``coord``.

        The border is where the two outlines meet (Natural Earth 1:50m, so within a few
        kilometres); ``None`` when the countries share no border in the data.

        >>> lon, lat = load_countries().border_point("FR", "ES", (1.44, 43.6))  # Toulouse
        >>> 42.4 < lat < 43.0
        True

        """
        line = self._border_line(a, b)
        if line is None:
            return None
        # Nearest in a plane where a degree of longitude is as long as one of latitude.
        lon0, lat0 = coord
        scale = max(np.cos(np.radians(lat0)), 0.05)
        flat = shapely.transform(line, lambda xy: xy * np.array([scale, 1.0]))
        _, near = shapely.ops.nearest_points(shapely.Point(lon0 * scale, lat0), flat)
        return (near.x / scale, near.y)

    def border_crossing(self, a: str, b: str, start: Coord, end: Coord) -> Coord | None:
        """Where the straight line from ``start`` (in ``a``) to ``end`` meets their border.

        The crossing nearest ``start``, else the border point nearest the line's middle;
        ``None`` when the countries share no border in the data.

        >>> lon, lat = load_countries().border_crossing("FR", "ES", (1.44, 43.6),
        ...                                             (2.17, 41.39))  # Toulouse-Barcelona
        >>> 42.3 < lat < 42.8
        True

        """
        line = self._border_line(a, b)
        if line is None:
            return None
        met = shapely.intersection(shapely.LineString([start, end]), line)
        coords = shapely.get_coordinates(met)
        if len(coords):
            first = min(coords, key=lambda c: (c[0] - start[0]) ** 2 + (c[1] - start[1]) ** 2)
            return (float(first[0]), float(first[1]))
        return self.border_point(a, b, ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2))

    def _border_line(self, a: str, b: str) -> Any:
        """The shared border of ``a`` and ``b`` (memoised), or ``None``."""
        key = (min(a, b), max(a, b))
        line = self._borders.get(key)
        if key not in self._borders:
            ga = [g for c, g in zip(self.codes, self.geoms, strict=True) if c == a]
            gb = [g for c, g in zip(self.codes, self.geoms, strict=True) if c == b]
            line = None
            if ga and gb:
                shared = shapely.intersection(shapely.union_all(ga).boundary,
                                              shapely.union_all(gb).buffer(0.01))
                line = None if shared.is_empty else shared
            self._borders[key] = line
        return line




@functools.cache
def _load(path: Path) -> Countries:
    return Countries(path)


def load_countries() -> Countries:
    """The countries of :data:`routes.settings.data_folder` ``/raw`` (read once per folder)."""
    return _load(settings.data_folder / "raw" / RAW)
