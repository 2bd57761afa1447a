"""Regenerate data/gazetteer/admin1_points.csv: a label point for first-level units.

Natural Earth 50m admin-1 states and provinces (v4.0, public domain; as converted in
martynafford/natural-earth-geojson, CC0 packaging) covers the states and provinces of
Australia, Brazil, Canada and the United States, each with the point Natural Earth puts its
label at (``latitude``, ``longitude``: inside the unit, near its visual centre) and its
GeoNames admin-1 code (``gn_a1_code``). The gazetteer gives those units that point instead
of the centre of the box holding their towns, which islands and a coast full of towns pull
away from the middle (Queensland's box reaches the Torres Strait). Usage::

    python scripts/make_admin1_points.py NE_REPO [--commit SHA]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer" / "admin1_points.csv"
ADMIN1 = ROOT / "data" / "gazetteer" / "admin1CodesASCII.txt"
NE_COMMIT = "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e"
PATH = "50m/cultural/ne_50m_admin_1_states_provinces.json"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("ne_repo", type=Path)
    parser.add_argument("--commit", default=NE_COMMIT)
    args = parser.parse_args()
    blob = subprocess.run(["git", "-C", str(args.ne_repo), "show", f"{args.commit}:{PATH}"],
                          check=True, capture_output=True).stdout
    known = {line.split("\t")[0] for line in ADMIN1.read_text(encoding="utf-8").splitlines()}
    rows = []
    for feat in json.loads(blob)["features"]:
        p = feat["properties"]
        code = str(p.get("gn_a1_code") or "")
        if code not in known:
            print(f"skipped {p.get('name')!r}: GeoNames code {code!r} unknown", file=sys.stderr)
            continue
        rows.append((code, p["name"], round(float(p["latitude"]), 4),
                     round(float(p["longitude"]), 4)))
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "lat", "lon"])
        w.writerows(sorted(rows))
    print(f"{len(rows)} units -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
