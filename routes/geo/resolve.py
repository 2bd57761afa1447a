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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from routes.errors import PlaceNotFoundError
from routes.geo.gazetteer import Gazetteer, load_gazetteer
from routes.geo.places import Place, curated_place, load_places, normalize_name

if TYPE_CHECKING:
    from routes.geo.geoparse import Candidate, Mention

__all__ = ["Resolved", "read_places", "resolve_place", "resolve_places"]

_SEPARATOR = "; "
_POPULAR = 100_000  # suggestions come from towns at least this big
_UNSURE = 0.8  # a name read with less confidence than this gets a note on its rivals
_RIVAL_GAP = 2.0  # rivals scored within this of the chosen place are named ...
_RIVALS = 3  # ... at most this many ...
_NOTABLE = 50_000  # ... if a region or country, or a town of at least this many people


@dataclass(frozen=True, slots=True)
class Resolved:
    """Places read from names, with notes on the names that could mean another place."""

    places: tuple[Place, ...]
    notes: tuple[str, ...] = ()


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
    return list(read_places(names).places)


def read_places(names: Sequence[str]) -> Resolved:
    """Like :func:`resolve_places`, with a note for each name that may mean another place.

    A name read with little confidence ("Victoria" beside "Seattle") is noted with the
    places it could also be, and how to choose one.

    Examples
    --------
    >>> read = read_places(["Hyderabad", "Delhi"])
    >>> [p.country for p in read.places]
    ['IN', 'IN']
    >>> for part in read.notes[0].replace(": ", "; ").split("; "):
    ...     print(part)
    “Hyderabad” is read as Hyderabad (IN, 6,993,262 people)
    it may also be Hyderabad (PK, 1,921,275 people)
    add the region or country (“Hyderabad, Pakistan”) to choose.

    Raises
    ------
    PlaceNotFoundError
        As :func:`resolve_places`.

    """
    from routes.geo.geoparse import query_mentions

    notes: list[str] = []
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
                if len(inside) == 1 and inside[0].end - inside[0].start == len(names[k]):
                    note = _rivals_note(names[k], inside[0])
                    if note:
                        notes.append(note)
            else:
                found[k] = _lookup(gaz, names[k])
    out: list[Place] = []
    for name, place in zip(names, found, strict=True):
        if place is None:
            raise PlaceNotFoundError(name, _suggest(gaz, name))
        out.append(place)
    return Resolved(tuple(out), tuple(notes))


def _rivals_note(name: str, mention: Mention) -> str:
    """What else an unsure name may mean, and how to say which; '' when it is sure."""
    if len(mention.candidates) < 2:
        return ""
    chosen, *others = mention.candidates
    # A much bigger town of the very name, passed over for the context ("Vancouver" beside
    # "Seattle" is Vancouver, Washington): worth a note however sure the reading.
    bigger = mention.bigger_namesakes()
    if mention.confidence >= _UNSURE and not bigger:
        return ""
    rivals = [c for c in others if chosen.score - c.score <= _RIVAL_GAP and c.id != chosen.id
              and (c.kind in ("admin1", "country", "region") or c.population >= _NOTABLE)
              and not _holds(c, chosen)] if mention.confidence < _UNSURE else []
    rivals += [c for c in bigger if c not in rivals]
    if not rivals:
        return ""

    def described(c: Candidate) -> str:
        what = f"{c.population:,} people" if c.kind == "city" else _KINDS.get(c.kind, c.kind)
        return f"{c.name} ({c.country}, {what})"

    also = [described(c) for c in rivals[:_RIVALS]]
    listed = also[0] if len(also) == 1 else f"{', '.join(also[:-1])} or {also[-1]}"
    gaz = load_gazetteer()
    entry = gaz.country_entry(rivals[0].country)
    country = gaz.name(entry) if entry is not None else rivals[0].country
    return (f"“{name}” is read as {described(chosen)}; it may also be {listed}: add the "
            f"region or country (“{name}, {country}”) to choose.")


def _holds(unit: Candidate, town: Candidate) -> bool:
    """Whether ``unit`` is the same-named region around ``town`` (New York, the state).

    Naming the region in a trip would mean the town: it is no rival worth a note.
    """
    return (town.kind == "city" and unit.kind in ("admin1", "region")
            and unit.country == town.country
            and normalize_name(unit.name) in normalize_name(town.name))


_KINDS = {"admin1": "a first-level region", "country": "a country", "region": "a region",
          "admin2": "a district"}


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
