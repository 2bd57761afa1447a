"""Regenerate data/raw/rail_ne10m_world.geojson.gz: Natural Earth 10m railroads, whole world.

Natural Earth publishes its railroads as a shapefile zip that is not in any repository we can
read offline. The same recipe as the staged regional extract is used instead: the z8 vector
tiles of bovine3dom/fahrtle (``public/train_tiles/8/{x}/{y}.pbf``, made by tippecanoe from
``ne_10m_railroads.zip`` with no coalescing at z8) are decoded, each tile's lines are clipped
to the tile's own edges (tiles overlap by a buffer), converted to longitude and latitude, and
the pieces of each Natural Earth feature are merged again across tile edges. Coordinates are
rounded to 5 decimals (about 1 m); the tile grid itself is about 38 m at the equator.

Needs ``mapbox-vector-tile`` (PyPI, MIT) besides shapely; run it from any environment that
has both. Usage::

    python scripts/make_rail_world.py /path/to/fahrtle/repo [--commit SHA]

where the repository is a clone (or a bare mirror) of https://github.com/bovine3dom/fahrtle.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import mapbox_vector_tile
import shapely
from shapely.geometry import LineString, MultiLineString, box

OUT = Path(__file__).resolve().parent.parent / "data" / "raw" / "rail_ne10m_world.geojson.gz"
ZOOM = 8
KEYS = ("rwdb_rr_id", "category", "scalerank", "natlscale", "mult_track", "electric",
        "continent")


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True,
                          capture_output=True).stdout


def _lonlat(x: int, y: int, px: float, py: float, extent: int) -> tuple[float, float]:
    n = 2 ** ZOOM
    lon = (x + px / extent) / n * 360.0 - 180.0
    merc = math.pi * (1 - 2 * (y + py / extent) / n)
    lat = math.degrees(math.atan(math.sinh(merc)))
    return round(lon, 5), round(lat, 5)


Line = list[tuple[float, float]]


def _tile_lines(data: bytes, x: int, y: int) -> list[tuple[tuple[Any, ...], list[Line]]]:
    decoded = mapbox_vector_tile.decode(data, default_options={"y_coord_down": True})
    out = []
    for layer in decoded.values():
        extent = int(layer.get("extent", 4096))
        frame = box(0, 0, extent, extent)
        for feature in layer["features"]:
            geom = feature["geometry"]
            parts = ([geom["coordinates"]] if geom["type"] == "LineString"
                     else geom["coordinates"] if geom["type"] == "MultiLineString" else [])
            props = feature["properties"]
            key = tuple(props.get(k) for k in KEYS)
            lines = []
            for part in parts:
                if len(part) < 2:
                    continue
                clipped = shapely.intersection(LineString(part), frame)
                pieces = (list(clipped.geoms) if hasattr(clipped, "geoms") else [clipped])
                for piece in pieces:
                    if piece.geom_type != "LineString" or piece.is_empty:
                        continue
                    coords = [_lonlat(x, y, px, py, extent) for px, py in piece.coords]
                    coords = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
                    if len(coords) >= 2:
                        lines.append(coords)
            if lines:
                out.append((key, lines))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("repo", type=Path)
    parser.add_argument("--commit", default="HEAD")
    args = parser.parse_args()
    commit = _git(args.repo, "rev-parse", args.commit).decode().strip()
    names = [n for n in _git(args.repo, "ls-tree", "-r", "--name-only", commit,
                             "public/train_tiles/8/").decode().split() if n.endswith(".pbf")]
    by_key: dict[tuple[Any, ...], list[list[tuple[float, float]]]] = defaultdict(list)
    for i, name in enumerate(sorted(names)):
        _, _, _, x, y = name[:-4].split("/")
        data = _git(args.repo, "show", f"{commit}:{name}")
        for key, lines in _tile_lines(data, int(x), int(y)):
            by_key[key].extend(lines)
        if i % 500 == 0:
            print(f"{i}/{len(names)} tiles", file=sys.stderr)
    features = []
    for key in sorted(by_key, key=lambda k: tuple(str(v) for v in k)):
        merged = shapely.line_merge(MultiLineString(by_key[key]))
        parts = list(merged.geoms) if hasattr(merged, "geoms") else [merged]
        props = dict(zip(KEYS, key, strict=True))
        for part in sorted(parts, key=lambda g: g.coords[0]):
            coords = [[round(a, 5), round(b, 5)] for a, b in part.coords]
            features.append({"type": "Feature", "properties": props,
                             "geometry": {"type": "LineString", "coordinates": coords}})
    collection = {"type": "FeatureCollection",
                  "source": f"bovine3dom/fahrtle @ {commit} : public/train_tiles/8 "
                            "(Natural Earth 10m railroads, public domain)",
                  "features": features}
    raw = json.dumps(collection, separators=(",", ":"), sort_keys=True).encode()
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{len(features)} lines from {len(names)} tiles -> {OUT} "
          f"({OUT.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
