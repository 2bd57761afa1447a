"""The offline basemap of every map: the land and the land borders of the whole world.

One layer at one scale for the whole world, so no edge shows where a finer regional layer
would stop, and a map of any pair of places has its basemap. It is derived from Natural
Earth's 1:50m countries (``raw/ne_50m_admin0_countries_world.geojson.gz``, public domain):

* the countries are simplified together (:func:`shapely.coverage_simplify`, so neighbours
  keep one shared edge and no gap or overlap opens between them) at
  :data:`SIMPLIFY_DEG`, a little under the detail of a 1:50m map;
* **land** is their union: one fill, with no seam between countries;
* **borders** are the edges two countries share; a coast is the edge of the land;
* coordinates are rounded to 3 decimals (about 100 m) and the parts sorted, so the same
  input gives the same bytes.

``scripts/make_basemap.py`` writes it to ``maps/basemap_50m.geojson.gz`` in the data
folder, with the SHA-256 of its input; :func:`load_basemap` reads it.

Its longitudes run from -180 to 180, the frame of most maps. A trip across the
antimeridian (Tokyo–Los Angeles) is drawn in the frame that starts at :data:`PACIFIC_WEST`
in the Atlantic, so that the Pacific is whole: ``load_basemap(west=PACIFIC_WEST)`` moves
the land west of it (the Americas, Greenland, the Pacific end of Chukotka) by 360° and
merges it with the rest, so no edge shows at the antimeridian either.

Examples
--------
>>> import shapely
>>> basemap = load_basemap()
>>> sorted(basemap)
['borders', 'land']
>>> land = shapely.from_geojson(basemap["land"])
>>> land.contains(shapely.Point(2.35, 48.86)), land.contains(shapely.Point(-40.0, 30.0))
(True, False)

"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

from routes import settings
from routes.errors import DataError

__all__ = ["BASEMAP", "COUNTRIES", "PACIFIC_WEST", "SIMPLIFY_DEG", "build_basemap",
           "load_basemap"]

#: The input, in the data folder: Natural Earth 1:50m countries.
COUNTRIES = Path("raw") / "ne_50m_admin0_countries_world.geojson.gz"
#: The basemap, in the data folder.
BASEMAP = Path("maps") / "basemap_50m.geojson.gz"
#: Simplification, degrees (roughly the square root of the smallest triangle kept): 1–2 km.
SIMPLIFY_DEG = 0.015
#: The west edge of the frame of a map across the Pacific: in the Atlantic, west of Iceland
#: and the Cape Verde Islands, east of the Azores and most of Greenland.
PACIFIC_WEST = -25.0
_DECIMALS = 3


def _rounded(coords: Any) -> list[list[float]]:
    """A ring or a line rounded to :data:`_DECIMALS`, without repeated points."""
    out: list[list[float]] = []
    for x, y in coords:
        point = [round(float(x), _DECIMALS), round(float(y), _DECIMALS)]
        if not out or point != out[-1]:
            out.append(point)
    return out


def _polygons(land: Any) -> list[list[list[list[float]]]]:
    import shapely

    polygons = []
    for polygon in shapely.get_parts(shapely.normalize(land)):
        rings = [_rounded(polygon.exterior.coords)]
        rings.extend(_rounded(ring.coords) for ring in polygon.interiors)
        rings = [ring for ring in rings if len(ring) >= 4]
        if rings and len(rings[0]) >= 4:
            polygons.append(rings)
    return sorted(polygons)


def _lines(borders: Any) -> list[list[list[float]]]:
    import shapely

    lines = [_rounded(line.coords) for line in
             shapely.get_parts(shapely.normalize(shapely.line_merge(borders)))]
    return sorted(line for line in lines if len(line) >= 2)


def build_basemap(countries: Path) -> bytes:
    """The basemap (gzipped GeoJSON) from Natural Earth 1:50m countries (see the module text).

    Raises
    ------
    DataError
        If ``countries`` is missing or is not a GeoJSON collection of polygons.

    """
    import shapely
    from shapely.geometry import shape

    try:
        raw = countries.read_bytes()
        data = json.loads(gzip.decompress(raw) if countries.suffix == ".gz" else raw)
        geoms = [shape(f["geometry"]) for f in data["features"]]
    except FileNotFoundError:
        raise DataError(f"basemap input not found: {countries}") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError,
            shapely.errors.GEOSException) as exc:
        raise DataError(f"{countries.name}: not GeoJSON countries ({exc})") from None
    simple = shapely.coverage_simplify(geoms, SIMPLIFY_DEG)
    land = shapely.union_all(simple)
    edges = shapely.union_all([g.boundary for g in simple])
    borders = edges.difference(land.boundary)
    collection = {
        "type": "FeatureCollection",
        "source": {"input": COUNTRIES.as_posix(), "sha256": hashlib.sha256(raw).hexdigest(),
                   "simplify_deg": SIMPLIFY_DEG, "decimals": _DECIMALS,
                   "licence": "Natural Earth, public domain"},
        "features": [
            {"type": "Feature", "properties": {"layer": "land"},
             "geometry": {"type": "MultiPolygon", "coordinates": _polygons(land)}},
            {"type": "Feature", "properties": {"layer": "borders"},
             "geometry": {"type": "MultiLineString", "coordinates": _lines(borders)}},
        ],
    }
    text = json.dumps(collection, separators=(",", ":"), sort_keys=True)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


@functools.cache
def _load(path: Path) -> dict[str, str]:
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
        layers = {f["properties"]["layer"]: json.dumps(f["geometry"], separators=(",", ":"))
                  for f in data["features"]}
    except FileNotFoundError:
        raise DataError(f"basemap not found: {path}; run 'python scripts/make_basemap.py'"
                        ) from None
    except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
        raise DataError(f"{path.name}: unreadable ({exc}); run "
                        "'python scripts/make_basemap.py'") from None
    if set(layers) != {"land", "borders"}:
        msg = f"{path.name}: expected the layers land and borders, not {sorted(layers)}"
        raise DataError(msg)
    return layers


@functools.cache
def _reframed(path: Path, west: float) -> dict[str, str]:
    """The layers with longitudes from ``west`` to ``west + 360``.

    Each part west of ``west`` moves by 360° whole (only a part wider than 180°, Antarctica,
    is cut at ``west``), and parts that then touch are merged.
    """
    import shapely
    from shapely.affinity import translate

    out = {}
    for name, text in _load(path).items():
        geom = shapely.from_geojson(text)
        parts = []
        for part in shapely.get_parts(geom):
            minx, _, maxx, _ = part.bounds
            if maxx - minx > 180:
                pieces = [shapely.clip_by_rect(part, west, -90, 180, 90),
                          shapely.clip_by_rect(part, -180, -90, west, 90)]
            else:
                pieces = [part]
            for piece in pieces:
                if piece.is_empty:
                    continue
                if shapely.centroid(piece).x < west:
                    piece = translate(piece, xoff=360.0)
                parts.append(piece)
        merged = shapely.union_all(parts) if name == "land" else \
            shapely.line_merge(shapely.union_all(parts))
        if name == "land":
            coords: Any = _polygons(merged)
            out[name] = json.dumps({"coordinates": coords, "type": "MultiPolygon"},
                                   separators=(",", ":"))
        else:
            coords = _lines(merged)
            out[name] = json.dumps({"coordinates": coords, "type": "MultiLineString"},
                                   separators=(",", ":"))
    return out


def load_basemap(west: float = -180.0) -> dict[str, str]:
    """The basemap's layers, ``land`` and ``borders``, each a GeoJSON geometry as text.

    ``west``: the west edge of the frame; -180 (the file as it is) or :data:`PACIFIC_WEST`.
    """
    path = settings.data_folder / BASEMAP
    return _load(path) if west == -180.0 else _reframed(path, west)
