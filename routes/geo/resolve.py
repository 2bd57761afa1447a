"""One resolver for place names given by a user: every command resolves them the same way.

``routes compare Texas …``, ``routes check`` and :class:`~routes.geo.geocoders.OfflineGeocoder`
all go through the place finder of :mod:`routes.geo.geoparse`, with the same gazetteer and
the same scores. The names of one query are resolved together, so each is read in the
light of the others ("Dover" beside "Calais" is the English port). A name is read as a
name whatever its case, and ordinary words that are also places ("Nice", "Reading") need no
further evidence. A curated id or name (``data/places.csv``) always wins, and a name the
finder cannot place is looked up in the gazetteer directly.

Examples
--------
>>> [(p.name, p.country) for p in resolve_places(["Dover", "Calais"])]
[('Dover', 'GB'), ('Calais', 'FR')]
>>> resolve_place("Texas").kind
'admin1'
>>> resolve_place("Moscow, Idaho").country
'US'
>>> resolve_place("Pyongyong")
Traceback (most recent call last):
...
routes.errors.PlaceNotFoundError: unknown place 'Pyongyong'; did you mean 'Pyongyang'...?

"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from routes.errors import PlaceNotFoundError
from routes.geo.gazetteer import Gazetteer, load_gazetteer
from routes.geo.places import Place, curated_place, load_places, normalize_name

__all__ = ["resolve_place", "resolve_places"]

_SEPARATOR = "; "
_POPULAR = 100_000  # suggestions come from towns at least this big


def resolve_place(name: str) -> Place:
    """Resolve one place name (see the module text).

    Raises
    ------
    PlaceNotFoundError
        With close matches as suggestions.

    """
    return resolve_places([name])[0]


def resolve_places(names: Sequence[str]) -> list[Place]:
    """Resolve the names of one query together, in order.

    Raises
    ------
    PlaceNotFoundError
        For the first name that matches no place, with close matches as suggestions.

    """
    from routes.geo.geoparse import query_mentions

    found: list[Place | None] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for name in names:
        if not name or not name.strip():
            raise PlaceNotFoundError(name)
        found.append(curated_place(name))
        spans.append((offset, offset + len(name)))
        offset += len(name) + len(_SEPARATOR)
    gaz = load_gazetteer()
    if any(p is None for p in found):
        mentions = query_mentions(_SEPARATOR.join(names), gazetteer=gaz)
        for k, (start, end) in enumerate(spans):
            if found[k] is not None:
                continue
            inside = [m for m in mentions if start <= m.start and m.end <= end]
            if inside:
                found[k] = inside[0].place
            else:
                found[k] = _lookup(gaz, names[k])
    out: list[Place] = []
    for name, place in zip(names, found, strict=True):
        if place is None:
            raise PlaceNotFoundError(name, _suggest(gaz, name))
        out.append(place)
    return out


def _lookup(gaz: Gazetteer, name: str) -> Place | None:
    """The gazetteer's best entry for a name the finder did not take, if any."""
    from routes.geo.geoparse import gazetteer_place

    key = normalize_name(name.split(",")[0])
    cands = gaz.candidates(key)
    if not cands:
        return None
    best = max(cands, key=lambda e: (gaz.prior(e), -e))
    return gazetteer_place(gaz, best)


def _suggest(gaz: Gazetteer, name: str) -> tuple[str, ...]:
    """Close matches among curated names and towns of at least 100,000 people."""
    key = normalize_name(name)
    pool = {normalize_name(p.name): p.name for p in load_places().values()
            if p.kind in {"city", "station"}}
    for i in range(len(gaz)):
        if gaz.population(i) >= _POPULAR and gaz.kind(i) == "city":
            pool.setdefault(gaz.name_key(i), gaz.name(i))
    close = difflib.get_close_matches(key, list(pool), n=3, cutoff=0.75)
    return tuple(dict.fromkeys(pool[c] for c in close))
