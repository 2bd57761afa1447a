"""geopy geocoders: the offline gazetteer, and Nominatim behind an explicit opt-in.

:class:`OfflineGeocoder` implements geopy's ``Geocoder`` interface (``geocode`` and
``reverse`` returning ``geopy.location.Location``) over the same gazetteer as the parser, so
code written for geopy works without a network. :class:`CachedNominatim` calls the online
Nominatim service only when a user asks for it: it requires a user agent, waits at least a
second between requests (the service's usage policy), times out, and keeps every answer in
a persistent cache so a query is never sent twice.

Examples
--------
>>> geocoder = OfflineGeocoder()
>>> location = geocoder.geocode("Vladivostok")
>>> location.raw["country"], round(location.latitude, 1)
('RU', 43.1)
>>> geocoder.geocode("Paris, Texas").raw["country"]
'US'
>>> geocoder.reverse((43.11, 131.88)).raw["name"]
'Vladivostok'

"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from geopy.exc import GeocoderServiceError, GeocoderTimedOut
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from routes import settings
from routes.errors import InputError, RoutesError
from routes.geo.gazetteer import Gazetteer, load_gazetteer
from routes.geo.places import normalize_name

__all__ = ["CachedNominatim", "GeocodingError", "OfflineGeocoder"]

_KIND_RANK = {"country": 9.5, "continent": 9.0, "admin1": 7.0, "region": 7.5, "sea": 7.5,
              "landmark": 7.0, "station": 6.0, "border_post": 6.0, "bridge": 6.0,
              "airport": 6.0, "city": 0.0, "admin2": 1.0, "island": 7.5}


class GeocodingError(RoutesError, RuntimeError):
    """The online geocoder failed (timeout, HTTP error, refused)."""


class OfflineGeocoder(Geocoder):  # type: ignore[misc]
    """A geopy geocoder over the offline gazetteer: no network, ever.

    Parameters
    ----------
    gazetteer
        Defaults to :func:`routes.geo.gazetteer.load_gazetteer`.

    """

    def __init__(self, *, gazetteer: Gazetteer | None = None) -> None:
        super().__init__(scheme="https", timeout=1, proxies=None, user_agent="routes-offline")
        self._gaz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer searched."""
        if self._gaz is None:
            self._gaz = load_gazetteer()
        return self._gaz

    def _location(self, i: int) -> Location:
        g = self.gazetteer.entry(i)
        address = ", ".join(p for p in (g.name, g.country) if p)
        raw = {"id": g.id, "name": g.name, "kind": g.kind, "country": g.country,
               "population": g.population, "lat": g.lat, "lon": g.lon}
        return Location(address, Point(g.lat, g.lon), raw)

    def geocode(self, query: str, *, exactly_one: bool = True,
                timeout: Any = DEFAULT_SENTINEL) -> Location | list[Location] | None:
        """Look a name up; "Name, Region" or "Name, Country" narrows the search.

        Returns the best match (or all matches, best first, with ``exactly_one=False``), or
        ``None`` when the name is unknown.
        """
        del timeout
        gaz = self.gazetteer
        parts = [p.strip() for p in str(query).split(",") if p.strip()]
        if not parts:
            return None if exactly_one else []
        cands = gaz.candidates(normalize_name(parts[0]))
        qualifiers = {normalize_name(p) for p in parts[1:]}
        qual_countries = set()
        for q in qualifiers:
            for e in gaz.candidates(q):
                if gaz.kind(e) in ("country", "admin1"):
                    qual_countries.add(gaz.country_of(e))

        def score(e: int) -> float:
            s = _KIND_RANK.get(gaz.kind(e), 5.0) + math.log10(gaz.population(e) + 1) * (
                1.0 if gaz.kind(e) == "city" else 0.15)
            if qualifiers and (gaz.admin1_of(e) in qualifiers or gaz.country_of(e) in
                               qual_countries):
                s += 10.0
            return s

        ranked = sorted(cands, key=lambda e: (-score(e), e))
        if qualifiers and qual_countries:
            ranked = [e for e in ranked if gaz.country_of(e) in qual_countries
                      or gaz.admin1_of(e) in qualifiers] or ranked
        first = self._resolved(str(query))
        if first is not None:  # the one resolver's reading comes first, as in every command
            ranked = [first, *(e for e in ranked if e != first)]
        if not ranked:
            return None if exactly_one else []
        if exactly_one:
            return self._location(ranked[0])
        return [self._location(e) for e in ranked[:10]]

    def _resolved(self, query: str) -> int | None:
        """The entry :func:`~routes.geo.resolve.resolve_place` reads ``query`` as, if any.

        Only for the default gazetteer, the one the resolver reads ("Sakhalin" is then the
        island, as in ``routes compare``, not the oblast).
        """
        from routes.errors import PlaceNotFoundError
        from routes.geo.resolve import resolve_place

        gaz = self.gazetteer
        if gaz is not load_gazetteer():
            return None
        try:
            place = resolve_place(query)
        except PlaceNotFoundError:
            return None
        return next((e for e in gaz.candidates(normalize_name(place.name))
                     if gaz.entry_id(e) == place.id), None)

    def reverse(self, query: Any, *, exactly_one: bool = True,
                timeout: Any = DEFAULT_SENTINEL) -> Location | list[Location] | None:
        """The nearest town to a point (``(lat, lon)``, ``"lat, lon"`` or a geopy Point)."""
        del timeout
        point = Point(query)
        found = self.gazetteer.nearest(point.latitude, point.longitude)
        if found is None:
            return None if exactly_one else []
        loc = self._location(found[0])
        return loc if exactly_one else [loc]


class CachedNominatim:
    """Nominatim through geopy, opt-in: user agent, rate limit, timeout, persistent cache.

    Parameters
    ----------
    user_agent
        Identifies your application to the service (required by its usage policy).
    domain, scheme
        Service address; tests point these at a local fake server.
    min_delay_seconds
        Minimum time between two requests (1 s for the public service).
    timeout
        Seconds to wait for an answer.
    cache_path
        SQLite file for answers; defaults to ``nominatim.sqlite`` in the cache folder.

    """

    def __init__(self, *, user_agent: str, domain: str = "nominatim.openstreetmap.org",
                 scheme: str = "https", min_delay_seconds: float = 1.0, timeout: float = 10.0,
                 cache_path: Path | None = None) -> None:
        if not user_agent or not user_agent.strip():
            msg = "the online geocoder needs a user agent that names your application"
            raise InputError(msg)
        from geopy.geocoders import Nominatim

        self._service = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme,
                                  timeout=timeout)
        self._key = f"{scheme}://{domain}"
        self._delay = min_delay_seconds
        self._last = 0.0
        self._lock = threading.Lock()
        self._path = cache_path or settings.cache_folder / "nominatim.sqlite"
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._open_cache()
        self.requests = 0

    def _open_cache(self) -> None:
        """Create the cache table; a file that is not a sound database is set aside."""
        create = ("CREATE TABLE IF NOT EXISTS answers (service TEXT, query TEXT, answer TEXT, "
                  "PRIMARY KEY (service, query))")
        try:
            with contextlib.closing(sqlite3.connect(self._path)) as db, db:
                db.execute(create)
                if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                    raise sqlite3.DatabaseError("quick_check failed")
        except sqlite3.DatabaseError:
            self._path.replace(self._path.with_name(self._path.name + ".corrupt"))
            with contextlib.closing(sqlite3.connect(self._path)) as db, db:
                db.execute(create)

    def _cached(self, query: str) -> tuple[bool, Any]:
        with contextlib.closing(sqlite3.connect(self._path)) as db:
            row = db.execute("SELECT answer FROM answers WHERE service=? AND query=?",
                             (self._key, query)).fetchone()
        if row is None:
            return False, None
        try:
            answer = json.loads(row[0])
        except (TypeError, ValueError):
            return False, None  # a damaged answer is asked again, and replaced
        if answer is not None and not (isinstance(answer, dict) and {"address", "lat", "lon",
                                                                     "raw"} <= set(answer)):
            return False, None
        return True, answer

    def _store(self, query: str, answer: Any) -> None:
        with contextlib.closing(sqlite3.connect(self._path)) as db, db:
            db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                       (self._key, query, json.dumps(answer)))

    def geocode(self, query: str) -> Location | None:
        """Geocode ``query`` online (or from the cache).

        Raises
        ------
        GeocodingError
            On a timeout or an HTTP error; nothing is cached then.

        """
        hit, answer = self._cached(query)
        if not hit:
            with self._lock:
                wait = self._last + self._delay - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                try:
                    self.requests += 1
                    location = self._service.geocode(query, exactly_one=True)
                except GeocoderTimedOut:
                    msg = f"the online geocoder timed out on {query!r}; try again later"
                    raise GeocodingError(msg) from None
                except GeocoderServiceError as exc:
                    msg = f"the online geocoder failed on {query!r}: {exc}"
                    raise GeocodingError(msg) from None
                finally:
                    self._last = time.monotonic()
            answer = None if location is None else {
                "address": location.address, "lat": location.latitude,
                "lon": location.longitude, "raw": location.raw}
            self._store(query, answer)
        if answer is None:
            return None
        return Location(answer["address"], Point(answer["lat"], answer["lon"]), answer["raw"])
