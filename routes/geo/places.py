"""Places: the curated gazetteer of stations, border posts and cities, and name lookup.

Curated places live in ``data/places.csv``, each with coordinates and a source. A city
names its main station and its airports, so a trip "from Pyongyang" can start at
Pyongyang station by rail and at Sunan airport by air. Names that are not curated go
through the one resolver of :mod:`routes.geo.resolve`.

Examples
--------
>>> find_place("P'yŏngyang").station
'pyongyang_station'
>>> find_place("Vladivostok").airports
('VVO',)
>>> find_place("Pyongyong")
Traceback (most recent call last):
...
routes.errors.PlaceNotFoundError: unknown place 'Pyongyong'; did you mean 'Pyongyang'...?

"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from routes import settings
from routes.datafile import read_csv
from routes.errors import DataError

__all__ = ["Place", "curated_place", "find_place", "load_places", "normalize_name"]

_KINDS = {"city", "station", "border_post", "bridge", "airport", "landmark", "region"}


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with coordinates.

    Parameters
    ----------
    id
        Curated id (``pyongyang_station``) or ``geonames:<id>``.
    name
        Display name.
    kind
        ``city``, ``station``, ``border_post``, ``bridge``, ``airport``, ...
    country
        ISO 3166-1 alpha-2 code.
    lat, lon
        WGS84 degrees.
    station
        Id of the place's main railway station (cities), or ``None``.
    airports
        IATA codes of the airports that serve it, best first.
    source
        Where the coordinates come from.

    """

    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    station: str | None = None
    airports: tuple[str, ...] = ()
    source: str = ""
    confidence: str = ""
    population: int = 0

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)``."""
        return (self.lat, self.lon)


_DROP = str.maketrans({"'": None, "’": None, "ʼ": None, "`": None, "‘": None,
                       "-": " ", "–": " ", ".": " "})


def normalize_name(name: str) -> str:
    """Fold case, diacritics, apostrophes and hyphens so spellings compare equal.

    >>> normalize_name("Ch'ŏngjin")
    'chongjin'
    >>> normalize_name("  Ulan-Ude ")
    'ulan ude'
    """
    folded = name.casefold()
    if folded.isascii():
        if folded.isalpha():
            return folded  # one plain word, the common case: nothing else to fold
        # str.translate looks every character up: only when there is something to drop
        if "'" in folded or "-" in folded or "." in folded or "`" in folded:
            folded = folded.translate(_DROP)
    else:
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        folded = folded.translate(_DROP)
    return " ".join(folded.split())


def _parse_row(path: Path, lineno: int, row: Mapping[str, str]) -> Place:
    def fail(what: str) -> DataError:
        return DataError(f"{path.name}: line {lineno} ({row.get('id') or '?'}): {what}")

    for column in ("id", "name", "kind", "country", "lat", "lon", "source"):
        if not (row.get(column) or "").strip():
            raise fail(f"empty {column!r}")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise fail("lat/lon are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise fail(f"coordinates out of range ({lat}, {lon})")
    if row["kind"] not in _KINDS:
        raise fail(f"unknown kind {row['kind']!r}")

    def split(value: str | None) -> tuple[str, ...]:
        return tuple(p.strip() for p in (value or "").split(";") if p.strip())

    return Place(
        id=row["id"].strip(), name=row["name"].strip(), kind=row["kind"].strip(),
        country=row["country"].strip(), lat=lat, lon=lon, aliases=split(row.get("aliases")),
        station=(row.get("station") or "").strip() or None, airports=split(row.get("airports")),
        source=row["source"].strip(), confidence=(row.get("confidence") or "").strip(),
    )


def read_places(path: Path) -> dict[str, Place]:
    """Read and check a curated places file.

    Raises
    ------
    DataError
        On a missing file, a malformed row, a duplicate id or a dangling station link.

    """
    rows = read_csv(path, what="places file")
    places: dict[str, Place] = {}
    for lineno, row in enumerate(rows, start=2):
        place = _parse_row(path, lineno, row)
        if place.id in places:
            raise DataError(f"{path.name}: line {lineno}: duplicate id {place.id!r}")
        places[place.id] = place
    for place in places.values():
        if place.station and place.station not in places:
            raise DataError(f"{path.name}: {place.id}: station {place.station!r} is not a place")
    return places


@functools.cache
def _load(path: Path) -> dict[str, Place]:
    return read_places(path)


def load_places() -> Mapping[str, Place]:
    """Curated places by id, from :data:`routes.settings.data_folder` (cached)."""
    return _load(settings.data_folder / "places.csv")


@functools.cache
def _curated_index(path: Path) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for place in _load(path).values():
        for name in (place.id, place.name, *place.aliases):
            ids = index.setdefault(normalize_name(name.replace("_", " ")), [])
            if place.id not in ids:
                ids.append(place.id)
    # A city and its station may share a name ("Tumangang"); prefer the city.
    kinds = {"city": 0, "station": 1}
    places = _load(path)
    return {k: tuple(sorted(v, key=lambda i: kinds.get(places[i].kind, 2))) for k, v in
            index.items()}


def curated_place(name: str) -> Place | None:
    """The curated place with this id, name or alias (any case, accents or hyphens), if any."""
    path = settings.data_folder / "places.csv"
    places = _load(path)
    if name in places:
        return places[name]
    ids = _curated_index(path).get(normalize_name(name))
    return places[ids[0]] if ids else None


def find_place(name: str) -> Place:
    """Resolve a place name: a curated place, or else what the place finder makes of it.

    Curated ids, names and aliases match regardless of case, diacritics, apostrophes and
    hyphens. Other names go through the one resolver of :mod:`routes.geo.resolve`, which
    every command uses.

    Raises
    ------
    PlaceNotFoundError
        With close matches as suggestions.

    """
    from routes.geo.resolve import resolve_place

    return resolve_place(name)
