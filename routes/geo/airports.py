"""Airports: every airport with scheduled service, by IATA code, with a nearest-airport index.

Read from ``network/airports.csv`` (OurAirports, with time zones), built by
``routes build-network``.

Examples
--------
>>> airports = load_airports()
>>> airports["FNJ"].tz
'Asia/Pyongyang'
>>> [a.iata for a, _ in airports.nearest(51.5, -0.12, k=2)]
['LCY', 'LHR']

"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routes import settings
from routes.errors import DataError
from routes.geo.geodesy import distance_km, great_circle_km

__all__ = ["Airport", "Airports", "load_airports", "load_airports_from", "zone_at"]


@dataclass(frozen=True, slots=True)
class Airport:
    """An airport from OurAirports, with its IANA time zone."""

    iata: str
    icao: str
    name: str
    lat: float
    lon: float
    country: str
    city: str
    type: str
    scheduled: bool
    tz: str


class Airports:
    """The airports of ``network/airports.csv`` by IATA code, with a nearest-airport index."""

    def __init__(self, airports: dict[str, Airport]) -> None:
        self.by_iata = airports
        served = [a for a in airports.values()
                  if a.scheduled and a.type in {"large_airport", "medium_airport"}]
        small = [a for a in airports.values() if a.scheduled and a.type == "small_airport"]
        self._lists = {False: sorted(served, key=lambda a: a.iata),
                       True: sorted(small, key=lambda a: a.iata)}
        self._trees: dict[bool, Any] = {}
        #: Countries with a large airport of scheduled service: elsewhere the main medium one
        #: is the country's gateway (Nadi, Rarotonga), flown to nonstop from far away
        self.large_countries = frozenset(a.country for a in served
                                         if a.type == "large_airport")

    def __getitem__(self, iata: str) -> Airport:
        return self.by_iata[iata]

    def __contains__(self, iata: object) -> bool:
        return iata in self.by_iata

    def __len__(self) -> int:
        return len(self.by_iata)

    def nearest(self, lat: float, lon: float, *, k: int = 2, max_km: float = float("inf"),
                small: bool = False) -> list[tuple[Airport, float]]:
        """The ``k`` nearest airports with scheduled service, and their distance in km.

        Large and medium airports; with ``small``, the small airports with scheduled
        service instead (mountain and island strips such as Jomsom's).
        """
        import shapely

        served = self._lists[small]
        tree = self._trees.get(small)
        if tree is None:
            tree = self._trees[small] = shapely.STRtree(shapely.points(
                [a.lon for a in served], [a.lat for a in served]))
        point = shapely.Point(lon, lat)
        for radius in (1.0, 3.0, 10.0, 40.0, 360.0):
            idx = tree.query(point, predicate="dwithin", distance=radius).tolist()
            # Ranked on the sphere (within 0.5 % of the ellipsoid, so the reach test holds
            # with room), the nearest few then measured on the ellipsoid.
            rough = sorted((great_circle_km(lat, lon, served[i].lat, served[i].lon),
                            served[i].iata) for i in idx)[:k + 2]
            reach = radius * 111.0 * 0.3
            if (len(rough) >= k and rough[k - 1][0] <= reach * 0.99) or radius >= 360.0:
                found = sorted((distance_km((lat, lon), (self.by_iata[c].lat,
                                                         self.by_iata[c].lon)), c)
                               for _, c in rough)
                return [(self.by_iata[c], d) for d, c in found[:k] if d <= max_km]
        return []


def zone_at(lat: float, lon: float) -> str:
    """The IANA time zone at a point: that of the nearest airport with scheduled service.

    An approximation for places that are not rail stations or airports (the ends of a
    drive, ferry ports); it is right except within some tens of kilometres of a zone
    boundary.
    """
    near = load_airports().nearest(lat, lon, k=1)
    return near[0][0].tz if near else "UTC"


def _read_airports(path: Path) -> Airports:
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except FileNotFoundError:
        msg = f"network file not found: {path}; run 'routes build-network'"
        raise DataError(msg) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{path.name}: unreadable: {exc}") from None
    airports = {}
    for lineno, row in enumerate(rows, start=2):
        try:
            airports[row["iata"]] = Airport(
                row["iata"], row["icao"], row["name"], float(row["lat"]), float(row["lon"]),
                row["country"], row["city"], row["type"], row["scheduled"] == "1", row["tz"])
        except (KeyError, TypeError, ValueError) as exc:
            msg = f"{path.name}: line {lineno}: malformed record ({exc!r})"
            raise DataError(msg) from None
    return Airports(airports)


@functools.cache
def _load_airports(path: Path) -> Airports:
    return _read_airports(path)


def load_airports_from(path: Path) -> Airports:
    """The airports of ``path`` (read once per path)."""
    return _load_airports(path)


def load_airports() -> Airports:
    """The airports of :data:`routes.settings.data_folder` ``/network/airports.csv``."""
    return _load_airports(settings.data_folder / "network" / "airports.csv")


