"""Regenerate data/raw/ne_50m_admin0_countries_world.geojson.gz: world countries at 1:50m.

Source: Natural Earth 50m admin-0 countries (v4.0), as converted in
martynafford/natural-earth-geojson (``50m/cultural/ne_50m_admin_0_countries.7z``, CC0 packaging
of public-domain data), the same repository and commit as the staged regional extract.

Only a few properties are kept (NAME, NAME_LONG, ADM0_A3, ISO_A2, ISO_A3, SOVEREIGNT,
CONTINENT) and coordinates are rounded to 4 decimals (about 10 m). Natural Earth 4.0 leaves
``ISO_A2`` at -99 for a few countries (France and Norway among them, for reasons of
overseas parts); those take the code of their ``ADM0_A3`` from the table below. Needs
``py7zr`` (PyPI). Usage::

    python scripts/make_countries_world.py /path/to/natural-earth-geojson [--commit SHA]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import py7zr

OUT = (Path(__file__).resolve().parent.parent / "data" / "raw"
       / "ne_50m_admin0_countries_world.geojson.gz")
KEEP = ("NAME", "NAME_LONG", "ADM0_A3", "ISO_A2", "ISO_A3", "SOVEREIGNT", "CONTINENT")
# ADM0_A3 -> ISO 3166-1 alpha-2 where Natural Earth 4.0 gives -99 (XK: Kosovo's user code).
A3_TO_A2 = {"FRA": "FR", "NOR": "NO", "KOS": "XK", "CYN": "CY", "SOL": "SO", "KAS": "IN"}


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, list):
        return [_round(v) for v in value]
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("repo", type=Path)
    parser.add_argument("--commit", default="HEAD")
    args = parser.parse_args()
    git = ["git", "-C", str(args.repo)]
    commit = subprocess.run([*git, "rev-parse", args.commit], check=True,
                            capture_output=True, text=True).stdout.strip()
    blob = subprocess.run([*git, "show", f"{commit}:50m/cultural/ne_50m_admin_0_countries.7z"],
                          check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tmp, py7zr.SevenZipFile(io.BytesIO(blob)) as archive:
        archive.extractall(tmp)
        data = json.loads(next(Path(tmp).glob("*.json")).read_bytes())
    features = []
    for feat in data["features"]:
        props = {k: feat["properties"].get(k) for k in KEEP}
        if props["ISO_A2"] in (None, "-99"):
            props["ISO_A2"] = A3_TO_A2.get(str(props["ADM0_A3"]), "-99")
        geom = feat["geometry"]
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": geom["type"],
                                      "coordinates": _round(geom["coordinates"])}})
    features.sort(key=lambda f: str(f["properties"]["ADM0_A3"]))
    out = {"type": "FeatureCollection",
           "source": f"martynafford/natural-earth-geojson @ {commit} : "
                     "50m/cultural/ne_50m_admin_0_countries.7z (Natural Earth, public domain)",
           "features": features}
    raw = json.dumps(out, separators=(",", ":"), sort_keys=True).encode()
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    missing = sorted(f["properties"]["NAME"] for f in features
                     if f["properties"]["ISO_A2"] == "-99")
    print(f"{len(features)} countries -> {OUT} ({OUT.stat().st_size / 1e6:.2f} MB); "
          f"no ISO code: {missing}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
