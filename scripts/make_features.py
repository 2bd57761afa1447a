"""Regenerate data/gazetteer/features.csv: named physical features and districts.

What GeoNames' town list lacks and the news names: mountains and volcanoes, islands, capes,
seas, gulfs, bays and straits, lakes and rivers, deserts, ranges and peninsulas, national
parks, and first-level units as Natural Earth names them, which GeoNames may spell
otherwise or keep at the second level (Sri Lanka's districts, "Wardak", English counties;
the gazetteer skips those it already has). One row per feature: ``name, kind, country,
lat, lon, rank``, where ``kind`` is the feature's class (``volcano``, ``island``, ``strait``,
...; the gazetteer maps it to its own kinds), ``country`` the ISO code of the country
holding the point ('' at sea), and ``rank`` Natural Earth's scale rank (0 for the most
prominent, 10 for the least; volcanoes 6 when they erupted in historical times, else 8).

Inputs:

* Natural Earth 10m (v4.0, public domain) as converted in martynafford/natural-earth-geojson
  (CC0 packaging): ``physical/ne_10m_geography_regions_points``, ``..._elevation_points``,
  ``..._regions_polys``, ``ne_10m_geography_marine_polys``, ``ne_10m_lakes``,
  ``ne_10m_rivers_lake_centerlines``, ``cultural/ne_10m_parks_and_protected_lands_point``
  and ``..._area``, ``ne_10m_admin_1_label_points``, each read from its ``.7z`` at the given commit;
* the volcano list ``volcano_db.csv`` of plotly/datasets (the US National Geophysical Data
  Center's volcano locations after the Smithsonian Global Volcanism Program numbering;
  public domain US government data, repository MIT);
* ``data/raw/ne_50m_admin0_countries_world.geojson.gz`` for the country of each point.

A polygon's point is its centroid, or a point inside it where the centroid falls outside;
a river's is the middle vertex of its longest line. Names written in capitals are set in
title case and Natural Earth's abbreviations spelt out ("Mt." -> "Mount", "I." -> "Island").
Needs ``py7zr`` and ``shapely``. Usage::

    python scripts/make_features.py NE_REPO PLOTLY_DATASETS_REPO [--ne-commit SHA]
        [--plotly-commit SHA]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import py7zr  # type: ignore[import-not-found]
from shapely import STRtree
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer" / "features.csv"
COUNTRIES = ROOT / "data" / "raw" / "ne_50m_admin0_countries_world.geojson.gz"
NE_COMMIT = "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e"
PLOTLY_COMMIT = "0c447c47b757ad74edecab31f0d72f849d2e67c2"

# Natural Earth class -> our class; classes left out are not names the news uses as places.
POINT_CLASSES = {"mountain": "mountain", "island": "island", "cape": "cape",
                 "waterfall": "waterfall", "pole": "pole", "plateau": "region",
                 "depression": "region", "pass": "pass", "island group": "island",
                 "plain": "region"}
POLY_CLASSES = {"Island": "island", "Island group": "island", "Range/mtn": "range",
                "Plateau": "region", "Desert": "desert", "Pen/cape": "peninsula",
                "Peninsula": "peninsula", "Geoarea": "region", "Coast": "region",
                "Plain": "region", "Delta": "region", "Basin": "region", "Valley": "region",
                "Lowland": "region", "Tundra": "region", "Isthmus": "region",
                "Wetlands": "region", "Gorge": "region", "Foothills": "range",
                "Lake": "lake", "Depression": "region"}
MARINE_CLASSES = {"sea": "sea", "gulf": "gulf", "bay": "bay", "strait": "strait",
                  "sound": "strait", "channel": "strait", "lagoon": "lake", "fjord": "bay",
                  "ocean": "sea", "inlet": "bay", "river": "river", "reef": "reef"}
# The kinds of park area taken, and the words their names take.
AREA_PARKS = {"National Park": "National Park", "National Park and Preserve": "National Park",
              "National Preserve": "National Preserve", "National Monument": "National Monument",
              "National Monument and Preserve": "National Monument",
              "National Seashore": "National Seashore", "National Lakeshore": "National Lakeshore",
              "National Recreation Area": "National Recreation Area"}
# Natural Earth's label abbreviations, spelt out (whole words only).
ABBREVIATIONS = {"I.": "Island", "Is.": "Islands", "Mt.": "Mount", "Mts.": "Mountains",
                 "Pen.": "Peninsula", "Pt.": "Point", "Arch.": "Archipelago", "L.": "Lake",
                 "N.": "North", "S.": "South", "E.": "East", "W.": "West", "G.": "Gulf",
                 "C.": "Cape", "St.": "Saint", "Str.": "Strait", "R.": "River",
                 "Ra.": "Range", "Plat.": "Plateau", "Des.": "Desert", "Sd.": "Sound",
                 "B.": "Bay", "Ch.": "Channel", "Is": "Islands", "Isands": "Islands",
                 "ISANDS": "ISLANDS"}
SMALL_WORDS = {"of", "de", "del", "la", "le", "les", "du", "des", "da", "do", "dos", "das",
               "di", "el", "al", "and", "the", "y", "en", "au", "aux"}


def read_7z_json(git: list[str], commit: str, path: str) -> dict[str, Any]:
    blob = subprocess.run([*git, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tmp, py7zr.SevenZipFile(io.BytesIO(blob)) as archive:
        archive.extractall(tmp)
        data: dict[str, Any] = json.loads(next(Path(tmp).glob("*.json")).read_bytes())
        return data


def clean_name(raw: str) -> str:
    """A label as a name: spaces collapsed, abbreviations spelt out, capitals in title case."""
    words = raw.replace("’", "'").split()
    if raw.upper() == raw:
        words = [w if w.upper() in ABBREVIATIONS else
                 (w.lower() if w.lower() in SMALL_WORDS and k else w.capitalize())
                 for k, w in enumerate(words)]
    return " ".join(ABBREVIATIONS.get(w, w) for w in words)


def _point_of(geom: BaseGeometry) -> Point:
    parts = list(getattr(geom, "geoms", [geom]))
    if geom.geom_type in ("MultiLineString", "LineString"):
        longest = max(parts, key=lambda g: g.length)
        coords = list(longest.coords)
        return Point(coords[len(coords) // 2])
    largest = max(parts, key=lambda g: g.area)
    centroid = largest.centroid
    return centroid if largest.contains(centroid) else largest.representative_point()


class Countries:
    """The country holding a point (or nearest within ~30 km, for coastal points)."""

    def __init__(self, path: Path) -> None:
        data = json.loads(gzip.decompress(path.read_bytes()))
        self.codes: list[str] = []
        geoms = []
        for feat in data["features"]:
            code = feat["properties"]["ISO_A2"]
            if code and code != "-99":
                self.codes.append(code)
                geoms.append(shape(feat["geometry"]))
        self.geoms = geoms
        self.tree = STRtree(geoms)

    def of(self, point: Point, *, reach: float = 0.3) -> str:
        for j in self.tree.query(point, predicate="intersects").tolist():
            return str(self.codes[j])
        near = self.tree.query(point.buffer(reach)).tolist()
        if not near:
            return ""
        best = min(near, key=lambda j: self.geoms[j].distance(point))
        return str(self.codes[best])


def natural_earth(git: list[str], commit: str, countries: Countries
                  ) -> Iterator[tuple[str, str, str, float, float, int]]:
    base = "10m/physical/"
    for path, classes in ((base + "ne_10m_geography_regions_points.7z", POINT_CLASSES),
                          (base + "ne_10m_geography_regions_elevation_points.7z",
                           POINT_CLASSES)):
        for feat in read_7z_json(git, commit, path)["features"]:
            p = feat["properties"]
            cls = classes.get(p.get("featurecla") or "")
            name = p.get("name")
            if not cls or not name or "(est)" in name or "inaccessibility" in name:
                continue
            name = clean_name(name)
            if cls == "mountain" and "volcano" in name.lower():
                cls = "volcano"
            pt = _point_of(shape(feat["geometry"]))
            yield name, cls, countries.of(pt), pt.y, pt.x, int(p.get("scalerank") or 0)
    for path, classes, key in (
            (base + "ne_10m_geography_regions_polys.7z", POLY_CLASSES, "featurecla"),
            (base + "ne_10m_geography_marine_polys.7z", MARINE_CLASSES, "featurecla"),
            (base + "ne_10m_lakes.7z", {"Lake": "lake", "Reservoir": "lake",
                                        "Alkaline Lake": "lake"}, "featurecla"),
            (base + "ne_10m_rivers_lake_centerlines.7z", {"River": "river"}, "featurecla")):
        seen: set[tuple[str, str]] = set()
        for feat in read_7z_json(git, commit, path)["features"]:
            p = feat["properties"]
            cls = classes.get(p.get(key) or "")
            name = p.get("name")
            if not cls or not name or feat["geometry"] is None:
                continue
            name = clean_name(name)
            if (name, cls) in seen:  # rivers come in pieces: the first (largest) is kept
                continue
            seen.add((name, cls))
            pt = _point_of(shape(feat["geometry"]))
            at_sea = cls in ("sea", "gulf", "bay", "strait", "reef")
            yield (name, cls, "" if at_sea else countries.of(pt), pt.y, pt.x,
                   int(float(p.get("scalerank") or 0)))
    cult = "10m/cultural/"
    for feat in read_7z_json(git, commit, cult + "ne_10m_parks_and_protected_lands_point.7z"
                             )["features"]:
        p = feat["properties"]
        unit = str(p.get("unit_type") or "")
        if unit not in ("National Park", "National Preserve", "National Monument"):
            continue
        pt = _point_of(shape(feat["geometry"]))
        name = f"{_park_name(str(p['name']))} {unit}"
        yield name, "park", "US", pt.y, pt.x, int(p.get("scalerank") or 0)
    # The large parks are areas, not points (Yosemite, Yellowstone, the Grand Canyon): a
    # "National Park and Preserve" goes by "National Park" ("Denali National Park").
    for feat in read_7z_json(git, commit, cult + "ne_10m_parks_and_protected_lands_area.7z"
                             )["features"]:
        p = feat["properties"]
        unit = str(p.get("unit_type") or "")
        if unit not in AREA_PARKS:
            continue
        pt = _point_of(shape(feat["geometry"]))
        name = f"{_park_name(str(p['name']))} {AREA_PARKS[unit]}"
        yield name, "park", countries.of(pt) or "US", pt.y, pt.x, int(p.get("scalerank") or 0)
    # First-level units under the name Natural Earth gives them (the gazetteer leaves out
    # those GeoNames has under the same name): one point each, the label point of the unit;
    # of a unit labelled in several parts (Kent and the Isle of Sheppey), that of its main
    # part, the one part with the lowest ``adm0_sr`` (the scale rank of the part: the
    # mainland shows first); units whose main part is not one part are left out.
    labels: dict[tuple[str, str], list[tuple[int, float, float, int]]] = {}
    for feat in read_7z_json(git, commit, cult + "ne_10m_admin_1_label_points.7z")["features"]:
        p = feat["properties"]
        if p.get("featurecla") != "Admin-1 scale rank" or not p.get("name"):
            continue
        iso = str(p.get("iso_a2") or "")
        if len(iso) != 2 or not iso.isalpha():
            continue
        lon, lat = feat["geometry"]["coordinates"]
        labels.setdefault((iso, clean_name(p["name"])), []).append(
            (int(p.get("adm0_sr") or 99), lat, lon, int(p.get("scalerank") or 0)))
    for (iso, name), points in sorted(labels.items()):
        points.sort()
        if len(points) > 1 and points[0][0] == points[1][0]:
            continue
        _, lat, lon, rank = points[0]
        yield name, "district", iso, lat, lon, rank


# The Park Service's abbreviations of a unit's type that end some of its labels ("Dinosaur
# NM", "Mojave N PRES", "Saguaro NP East"): the type is written out after the name instead.
_NPS_TYPE = re.compile(r"\s+(?:NM & PRES|NM|N PRES|NRA|NS|NL|NP)\b")


def _park_name(label: str) -> str:
    name = clean_name(label)
    if name.startswith("NP of "):  # "NP of Amer. Samoa--Tutuila"
        return name
    return " ".join(_NPS_TYPE.sub("", name).split())


def _fold(name: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c))
                    .replace("-", " ").split())


def volcanoes(git: list[str], commit: str, countries: Countries
              ) -> Iterator[tuple[str, str, str, float, float, int]]:
    text = subprocess.run([*git, "show", f"{commit}:volcano_db.csv"], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")
    for row in csv.DictReader(io.StringIO(text)):
        name = row["Volcano Name"].strip()
        if not name or "submarine" in row["Type"].lower() or "unnamed" in name.lower():
            continue
        if ", " in name:  # "Cendres, Ile des" -> "Ile des Cendres"
            head, _, tail = name.partition(", ")
            name = f"{tail} {head}"
        lat, lon = float(row["Latitude"]), float(row["Longitude"])
        rank = 6 if row["Status"] == "Historical" else 8
        yield name, "volcano", countries.of(Point(lon, lat)), lat, lon, rank


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("ne_repo", type=Path)
    parser.add_argument("plotly_repo", type=Path)
    parser.add_argument("--ne-commit", default=NE_COMMIT)
    parser.add_argument("--plotly-commit", default=PLOTLY_COMMIT)
    args = parser.parse_args()
    countries = Countries(COUNTRIES)
    rows: dict[tuple[str, str, str], tuple[str, str, str, float, float, int]] = {}
    for row in (*natural_earth(["git", "-C", str(args.ne_repo)], args.ne_commit, countries),
                *volcanoes(["git", "-C", str(args.plotly_repo)], args.plotly_commit,
                           countries)):
        name, cls, iso, lat, lon, rank = row
        key = (_fold(name), cls, iso)
        if key in rows and rows[key][5] <= rank:
            continue  # the same feature twice: the more prominent record
        rows[key] = (name, cls, iso, round(lat, 4), round(lon, 4), rank)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["name", "kind", "country", "lat", "lon", "rank"])
        for row in sorted(rows.values(), key=lambda r: (r[1], _fold(r[0]), r[2], r[3])):
            w.writerow(row)
    print(f"{len(rows)} features -> {OUT} ({OUT.stat().st_size / 1e3:.0f} kB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
