"""Find the places in a text and resolve each to a point, offline.

The parser tokenises the text, matches the longest run of capitalised words (with
connectors such as "of" or "de") against the gazetteer, drops matches that are people,
organisations or ordinary words, and resolves each name among its candidates with:

* priors: kind (a country before a town of the same name) and population;
* the rest of the text: countries named or implied, qualifiers such as "Paris, Texas",
  demonyms in the same sentence ("the Chinese cities of Tumen and Hunchun");
* generic words beside the name ("Mount Kelud", "the Fuego volcano", "Doti district",
  "Beijing South railway station", "the port of Djibouti"): they join the mention and
  favour candidates of the kind they name (``data/gazetteer/feature_words.csv``);
* spatial coherence: candidates near the other places of the story score higher, and a
  small place far from all of them yields to a namesake that fits, or is marked doubtful
  (its confidence halved) when none does.

A hyphenated pair that is no name of its own is read as its places ("Delhi-Katra",
"Poland-Ukraine border"); names in other scripts are found too ("平壤", "Владивосток"),
declined ones through their nominative ("Москвы" is Moscow: ``gazetteer/inflections.csv``).

Demonyms ("North Korean", "Russian") are returned linked to their country and marked.

Examples
--------
>>> text = "Kim Jong-un left Pyongyang for Vladivostok, a Russian port near China."
>>> [(m.text, m.place.country) for m in find_places(text, demonyms=False)]
[('Pyongyang', 'KP'), ('Vladivostok', 'RU'), ('China', 'CN')]

"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import numpy as np

from routes import settings
from routes.errors import DataError
from routes.geo.gazetteer import Gazetteer, load_gazetteer
from routes.geo.geodesy import great_circle_km
from routes.geo.places import Place, load_places, normalize_name

__all__ = ["Candidate", "Mention", "find_places", "gazetteer_place", "iter_places",
           "query_mentions", "text_pieces"]

# A name in quotes, then a word: 'the "San Sebastian" company'.
_QUOTED_TAIL = re.compile(r"[\"”’']\s+(\w+)")
# An all-capitals word in ordinary text is an acronym; it names a place only as one of these.
_ACRONYM_KINDS = frozenset({"country", "admin1", "region", "continent"})
# The word lists (connectors, organisation words, function words, titles, ...) are data:
# ``lexicon/geoparse.toml``, read by :func:`_words`.

_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
# Capitalised words and abbreviations ("U.S."): where a name can start.
_ANY = re.compile(r"(?:[A-Z]\.){2,}|(?<![\w'’\-])" + _WORD)
_CAP_WORD = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-ÖØ-ÞĀ-ɏΆ-ΫЀ-Я][^\W\d_]*(?:[-'’][^\W\d_]+)*)"
_FIRST_CAP = "[A-ZÀ-ÖØ-ÞĀ-ɏΆ-ΫЀ-Я]"  # Latin, Greek and Cyrillic capitals
_IN_RUN = re.compile(r"(?:[A-Z]\.){2,}|" + _WORD)
_NEXT = re.compile(r"[ \u00a0]{1,2}((?:[A-Z]\.){2,}|" + _WORD + ")")
# Every byte but A-Z (a-z): deleting them leaves the letters counted for all-caps text.
_NOT_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LOWER = bytes(b for b in range(256) if not 97 <= b <= 122)
_COMMA_NEXT = re.compile(r"(?:['’]s)?,[ \u00a0]")
_COMMA_FIRST = frozenset({",", "'", "’"})  # where a _COMMA_NEXT match can start
# A sentence end: [.!?] then closing quotes or brackets and a space, or a line break. Spelt
# to start with one character class, so that the regex engine can skip ahead to it.
_SENTENCE_BREAK = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'”’)\]]*\s|(?<=\n))")
_MAX_CANDIDATES = 40  # candidates come highest prior first; the tail never wins
_BIG_PLACE = 100_000
_LARGE_CITY = 250_000
_ALIAS_PENALTY = 1.0
_OWN_NAME_TOWN = 100_000  # a town this big under the very name a text uses ...
_OWN_NAME_RATIO = 4.0  # ... doubles the penalty of one found by an alias, unless this bigger
_SEAT_TOWN = 50_000  # a region's namesake town inside it this big is what the name means
_COUNTRY_LEAD = 4.0  # a country's name whose prior leads its namesakes' by this sets it
_NEAR_DEG2 = 9.0 ** 2  # within about 1,000 km (degrees of latitude, squared)
_CLOSE_DEG2 = 1.5 ** 2  # within about 150 km: a neighbour, not just the same part of the world
_COHERENCE_CANDIDATES = 12
_NEAR_BONUS = 0.75  # per other place of the story near a candidate ...
_NEAR_MAX = 4  # ... counting at most this many
_CLOSE_BONUS = 0.5  # and for each within about 150 km (a neighbour) ...
_CLOSE_MAX = 2  # ... counting at most this many
_SAME_COUNTRY_BONUS = 0.75  # once, in a country of the story with a big town of the name
_DOC_COUNTRY_BONUS = 2.5  # a candidate in a country the text names or implies
# A world city dwarfs its namesakes: one of this many people, this many times as big as a
# namesake, is not displaced by a country the text only implies through its towns, nor by
# towns of the story that are near but not neighbours ("London" beside "Chicago" and
# "New York" is still London, England; beside "Edinburgh" Perth is still Perth, Scotland).
_WORLD_CITY = 1_000_000
_DWARFED = 20
_SMALLER = 10  # a town this many times smaller than its name's biggest bearer (_coherence)
_TOWN_OF_UNIT_STEP = 0.01  # a town just ahead of the region of its name that it lies in
_QUALIFIER_BONUS = 6.0  # a candidate inside the unit named after it ("Paris, Texas")
_COHERENCE_MAX = 3.0 + 1e-9  # a lead the coherence bonus (at most 3) can still overturn
_UNIT_KINDS = frozenset({"admin1", "country"})
_BROAD_KINDS = frozenset({"region", "sea", "continent", "country"})
_DISTRICT_KM = 30.0  # a place this close to a city named after it is one of its districts
# The places whose points give the others their spatial context (_coherence). Not counties
# ("admin2"): a county named several times in a story would count as its own neighbour and
# hold every mention to its most populous namesake.
_LOCAL_KINDS = frozenset({"city", "station", "landmark", "admin1", "border_post", "bridge",
                          "island"})
_SAME_SPOT_KM = 2.0  # readings this close together put a place at the same spot
_DOUBT_FACTOR = 0.5  # confidence of a place that does not fit the story (see _Match.doubt)


@dataclass(frozen=True, slots=True)
class _Words:
    """The word lists of ``lexicon/geoparse.toml``; that file says what each is for."""

    connectors: frozenset[str]
    org_tail: frozenset[str]
    street_tail: frozenset[str]
    place_tail: frozenset[str]
    org_prefix: frozenset[str]
    org_head: frozenset[str]
    function_words: frozenset[str]
    calendar: frozenset[str]
    disease_tail: frozenset[str]
    speech: frozenset[str]
    titles: frozenset[str]
    locative: frozenset[str]
    directions: frozenset[str]
    unit_nouns: frozenset[str]
    list_gaps: frozenset[str]
    name_abbreviations: frozenset[str]
    name_particles: frozenset[str]
    article_classes: frozenset[str]
    border_nouns: frozenset[str]
    actor_nouns: frozenset[str]
    facility_heads: frozenset[str]
    of_particles: frozenset[str]
    name_articles: frozenset[str]
    air_words: frozenset[str]
    # Abbreviations of first-level units written after a town ("Moscow, ID", "Victoria,
    # B.C."): abbreviation as written -> (country, GeoNames admin-1 id, unit's name).
    abbreviations: Mapping[str, tuple[tuple[str, str, str], ...]]
    # A run of capitalised words, possibly joined by connectors: where names can be. The
    # first word is spelt to start with its capital (then the look-behind), so that the
    # regex engine can skip ahead to capitals instead of testing every position.
    run: re.Pattern[str]


_LISTS = ("connectors", "org_tail", "street_tail", "place_tail", "org_prefix", "org_head",
          "function_words", "calendar",
          "disease_tail", "speech", "titles", "locative", "directions", "unit_nouns",
          "list_gaps", "name_abbreviations", "name_particles", "article_classes",
          "border_nouns", "actor_nouns", "facility_heads", "of_particles", "name_articles",
          "air_words")
# Lists matched as written; the others in lower case.
_AS_WRITTEN = frozenset({"connectors", "org_prefix", "list_gaps", "name_abbreviations",
                         "name_articles"})


@functools.cache
def _load_words(folder: Path) -> _Words:
    from routes.datafile import read_csv, read_toml

    path = folder / "lexicon" / "geoparse.toml"
    data = read_toml(path, what="place finder's word list")
    lists: dict[str, frozenset[str]] = {}
    for name in _LISTS:
        words = data.get(name, {}).get("words")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip()
                                                  for w in words):
            raise DataError(f"{path.name}: [{name}] needs a list of words")
        lists[name] = frozenset(w if name in _AS_WRITTEN else w.lower() for w in words)
    connector = "(?:" + "|".join(re.escape(w) for w in sorted(
        lists["connectors"], key=lambda w: (-len(w), w))) + ")"
    # A word of the name abbreviated ("St. Louis", "Port St. Lucie", "Ft. Worth"): its full
    # stop stays inside the run.
    stop = "".join(f"(?<=\\b{re.escape(w)})" if not i else f"|(?<=\\b{re.escape(w)})"
                   for i, w in enumerate(sorted(lists["name_abbreviations"])))
    dot = f"(?:(?:{stop})\\.)?" if stop else ""
    # "Ras al-Khaimah": a word of the name led by a particle and a hyphen
    particle = "(?:" + "|".join(sorted(lists["name_particles"])) + r")-" + _CAP_WORD
    run = re.compile(_FIRST_CAP + r"(?<![\w'’\-]" + _FIRST_CAP + r")(?:(?<=[A-Z])\.(?:[A-Z]\.)+"
                     r"|[^\W\d_]*(?:[-'’][^\W\d_]+)*)" + dot + r"(?:[ \u00a0]{1,2}(?:"
                     + connector + r"[ \u00a0]{1,2})*(?:" + _CAP_WORD + "|" + particle + ")"
                     + dot + r")*")
    abbreviations: dict[str, list[tuple[str, str, str]]] = {}
    table = folder / "gazetteer" / "admin1_abbreviations.csv"
    for row in read_csv(table, what="first-level unit abbreviations"):
        try:
            abbreviations.setdefault(row["abbreviation"], []).append(
                (row["country"], f"admin1:{row['country']}.{row['admin1']}", row["region"]))
        except KeyError as exc:
            raise DataError(f"{table.name}: no column {exc}") from None
    return _Words(**lists, abbreviations={k: tuple(v) for k, v in abbreviations.items()},
                  run=run)


def _words() -> _Words:
    """The place finder's word lists from :data:`routes.settings.data_folder`."""
    return _load_words(settings.data_folder)


BIGGER = 3  # a town of the same name this many times as big may be meant ...
BIGGER_GAP = 4.0  # ... when scored within this of the chosen one (Mention.bigger_namesakes)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place the name could mean, with the score the resolver gave it."""

    id: str
    name: str
    country: str
    kind: str
    lat: float
    lon: float
    population: int
    score: float


@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention: where it is in the text and what it resolves to.

    ``start``/``end`` index the input string (``text == input[start:end]``). ``demonym``
    marks adjectives such as "Russian", which resolve to their country. ``confidence`` is in
    [0, 1]; ``candidates`` lists the alternatives considered, best first.
    """

    start: int
    end: int
    text: str
    place: Place
    confidence: float
    demonym: bool = False
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)

    def moved(self, offset: int) -> Mention:
        """The same mention in a text that holds this one's text at ``offset``."""
        return Mention(self.start + offset, self.end + offset, self.text, self.place,
                       self.confidence, self.demonym, self.candidates)

    def bigger_namesakes(self) -> list[Candidate]:
        """Towns of the very name, :data:`BIGGER` times as big or more, passed over.

        The context chose a smaller town ("Perth" beside "London" read as Perth, Scotland;
        "Vancouver" beside "Seattle" as Vancouver, Washington) over one scored within
        :data:`BIGGER_GAP` of it: however sure the reading, the bigger one may be meant.
        """
        if len(self.candidates) < 2:
            return []
        chosen, *others = self.candidates
        return [c for c in others if c.kind == chosen.kind == "city"
                and c.population >= BIGGER * max(chosen.population, 1)
                and chosen.score - c.score <= BIGGER_GAP
                and normalize_name(c.name) == normalize_name(chosen.name)]


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    key: str
    entries: list[int]
    words: int
    demonym: str | None = None
    scores: dict[int, float] = field(default_factory=dict)
    # the units named as its qualifier, set by _resolve: see _qualifying_units
    within: tuple[frozenset[str], frozenset[tuple[str, str]]] = (frozenset(), frozenset())
    # (entry, kind, country, prior score) of the candidates scored, set by _resolve
    priors: tuple[_PriorEntry, ...] = ()
    # the classes a generic word beside it names ("Mount", "volcano", "district"): _heads
    head: frozenset[str] = frozenset()
    # set by _resolve when no candidate fits the story (far from its other places, or not
    # of the kind its generic word names): the mention's confidence is lowered
    doubt: bool = False
    # the generic word is only a hint ("the port of X"): no namesake is ruled out
    loose: bool = False
    # the candidates a world city of the name dwarfs, set by _resolve: see _dwarfed
    dwarfed: frozenset[int] = frozenset()


class _Doc:
    """The text with the lookups the rules need (previous word, sentence starts).

    ``names`` marks a query made only of place names ("Dover; Calais"): every word may be a
    name, whatever its case, and no word needs evidence that it is a place.
    """

    def __init__(self, text: str, *, names: bool = False) -> None:
        self.text = text
        self.names = names
        self.words = _words()
        sample = text[:2000]
        ascii_sample = sample.encode("ascii", "ignore")
        upper = len(ascii_sample.translate(None, _NOT_UPPER))
        lower = len(ascii_sample.translate(None, _NOT_LOWER))
        self.caps = names or (upper > 20 and lower < 0.2 * upper)
        self._breaks: list[int] | None = None
        self._prev: dict[int, tuple[str, int] | None] = {}
        self._next: dict[int, tuple[str, int] | None] = {}

    def sentence(self, pos: int) -> int:
        if self._breaks is None:
            self._breaks = [m.end() for m in _SENTENCE_BREAK.finditer(self.text)]
        return bisect.bisect_right(self._breaks, pos)

    def sentence_bounds(self, number: int) -> tuple[int, int]:
        """Where sentence ``number`` (see :meth:`sentence`) starts and ends."""
        assert self._breaks is not None
        start = self._breaks[number - 1] if number > 0 else 0
        end = self._breaks[number] if number < len(self._breaks) else len(self.text)
        return start, end

    def sentence_start(self, pos: int) -> bool:
        i = pos - 1
        text = self.text
        while i >= 0 and text[i] in " \t\"'“‘(—-[\u00a0":
            i -= 1
        return i < 0 or text[i] in ".!?\n:;"

    def prev_word(self, pos: int) -> tuple[str, int] | None:
        if pos in self._prev:
            return self._prev[pos]
        found = self._prev[pos] = self._find_prev(pos)
        return found

    def _find_prev(self, pos: int) -> tuple[str, int] | None:
        text = self.text
        i = pos - 1
        gap = 0
        while i >= 0 and text[i] in " \u00a0" and gap < 2:
            i -= 1
            gap += 1
        if gap == 0 or i < 0:
            return None
        if text[i] == "." and i > 0 and text[i - 1].isalpha():
            i -= 1  # "Mr. Putin", "St. Petersburg"
        end = i + 1
        while i >= 0 and (text[i].isalpha() or text[i] in "-'’"):
            i -= 1
        word = text[i + 1:end]
        return (word, i + 1) if word[:1].isalpha() else None

    def next_word(self, pos: int) -> tuple[str, int] | None:
        if pos in self._next:
            return self._next[pos]
        m = _NEXT.match(self.text, pos)
        found = self._next[pos] = (m.group(1), m.start(1)) if m else None
        return found


_normalized = functools.lru_cache(maxsize=1 << 16)(normalize_name)


def _strip_possessive(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s") and len(word) > 2 else word


def _match_at(doc: _Doc, start: int, word: str, gaz: Gazetteer) -> _Match | None:
    """Longest gazetteer name (or demonym) starting with ``word`` at ``start``."""
    words = [(start, start + len(word), word)]
    pos = start + len(word)
    while len(words) < gaz.max_words:
        nxt = doc.next_word(pos)
        if nxt is None:
            break
        word, at = nxt
        if not (word[:1].isupper() or doc.caps or word in doc.words.connectors):
            break
        words.append((at, at + len(word), word))
        pos = at + len(word)
    for k in range(len(words), 0, -1):
        last = words[k - 1]
        if k > 1 and last[2] in doc.words.connectors:
            continue
        end = last[1]
        surface = _strip_possessive(last[2])
        end -= len(last[2]) - len(surface)
        key = _normalized(doc.text[start:end])
        if k == 1 and key in doc.words.function_words:
            return None
        entries = gaz.candidates(key)
        if entries:
            return _Match(start, end, key, entries, k)
        demonym = gaz.demonym(key)
        if demonym:
            return _Match(start, end, key, [], k, demonym)
    return None


def _longest(text: str, words: list[tuple[int, int, str]], i: int, gaz: Gazetteer
              ) -> tuple[_Match, int] | None:
    """Longest name (or demonym) among ``words`` starting at word ``i``; and its last word.

    ``words`` are ``(start, end, word)`` spans of ``text``.
    """
    start = words[i][0]
    demonym_of, candidates = gaz.demonym, gaz.candidates
    lex = _words()
    for last in range(min(len(words), i + gaz.max_words) - 1, i - 1, -1):
        word_end, word = words[last][1], words[last][2]
        if last > i and word in lex.connectors:
            continue
        end = word_end - 2 if word[-2:] in ("'s", "’s") and len(word) > 2 else word_end
        key = _normalized(text[start:end])
        if last == i and (key in lex.function_words or key in lex.calendar):
            return None
        demonym = demonym_of(key)
        if demonym:
            return _Match(start, end, key, [], last - i + 1, demonym), last
        entries = candidates(key)
        if not entries and not key.isascii():
            key, entries = _uninflected(key, gaz)
        if entries:
            return _Match(start, end, key, entries, last - i + 1), last
    return None


# Letters of the scripts whose names are declined (see data/gazetteer/inflections.csv).
_SCRIPT_LETTERS = {"cyrillic": re.compile("[\u0400-\u04ff]")}
_UNINFLECTED_TRIES = 64  # spellings tried for one name of several declined words
_Inflections = tuple[tuple[re.Pattern[str], tuple[tuple[str, str], ...]], ...]


@functools.cache
def _inflections(folder: Path) -> _Inflections:
    """Per script, its letters and its ``(ending, nominative ending)`` pairs, longest first.

    From ``gazetteer/inflections.csv``, normalised as names are; no file, no pairs.

    Raises
    ------
    DataError
        If the file names a script without its letters here.

    """
    import csv

    path = folder / "gazetteer" / "inflections.csv"
    if not path.exists():
        return ()
    rules: dict[str, list[tuple[str, str]]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            script = row["script"].strip()
            if script not in _SCRIPT_LETTERS:
                raise DataError(f"{path.name}: unknown script {script!r} (scripts are "
                                f"{', '.join(_SCRIPT_LETTERS)})")
            pair = (normalize_name(row["ending"]), normalize_name(row["replacement"] or ""))
            if pair[0] and pair not in rules.setdefault(script, []):
                rules[script].append(pair)
    return tuple((_SCRIPT_LETTERS[script], tuple(sorted(pairs, key=lambda p: -len(p[0]))))
                 for script, pairs in sorted(rules.items()))


def _uninflected(key: str, gaz: Gazetteer) -> tuple[str, list[int]]:
    """A declined name's nominative and its candidates ("москвы" -> "москва").

    Each word of ``key`` is tried as it is and with each ending of its script replaced
    (stems of at least two letters), the first word's spellings varying slowest; the first
    spelling that is a name wins. ``(key, [])`` when none is.
    """
    for letters, pairs in _inflections(settings.data_folder):
        if not letters.search(key):
            continue
        spellings = [[w, *(w[:-len(end)] + new for end, new in pairs
                           if w.endswith(end) and len(w) - len(end) >= 2)]
                     for w in key.split()]
        tries = itertools.islice(itertools.product(*spellings), 1, _UNINFLECTED_TRIES)
        for words in tries:
            name = " ".join(words)
            entries = gaz.candidates(name)
            if entries:
                return name, entries
    return key, _NO_ENTRIES


_SingleWord = tuple[str, list[int], str | None, int] | None
_T = TypeVar("_T")
_SINGLE_WORDS: weakref.WeakKeyDictionary[Gazetteer, tuple[_Words, dict[str, _SingleWord]]] = (
    weakref.WeakKeyDictionary())
_SINGLE_WORDS_MAX = 50_000


def _single_word_cache(gaz: Gazetteer, words: _Words) -> dict[str, _SingleWord]:
    return _memo(_SINGLE_WORDS, gaz, words)


def _memo(store: weakref.WeakKeyDictionary[Gazetteer, tuple[_Words, dict[str, _T]]],
          gaz: Gazetteer, words: _Words) -> dict[str, _T]:
    """The results kept for ``gaz`` and ``words`` (found with both), emptied when full."""
    held = store.get(gaz)
    if held is None or held[0] is not words or len(held[1]) > _SINGLE_WORDS_MAX:
        held = store[gaz] = (words, {})
    return held[1]


def _single_word(word: str, gaz: Gazetteer, cache: dict[str, _SingleWord], lex: _Words
                 ) -> _SingleWord:
    """What :func:`_longest` finds for a run of one word: ``(key, entries, demonym, length)``.

    It depends on the word alone, so it is memoised per gazetteer.
    """
    if word in cache:
        return cache[word]
    surface = word[:-2] if word[-2:] in ("'s", "’s") and len(word) > 2 else word
    key = _normalized(surface)
    found: _SingleWord = None
    if word not in lex.connectors and key not in lex.function_words and key not in lex.calendar:
        demonym = gaz.demonym(key)
        if demonym:
            found = (key, [], demonym, len(surface))
        else:
            entries = gaz.candidates(key)
            if not entries and not key.isascii():
                key, entries = _uninflected(key, gaz)
            if entries:
                found = (key, entries, None, len(surface))
    cache[word] = found
    return found


_RunMatch = tuple[int, int, str, list[int], int, str | None]
_RUNS: weakref.WeakKeyDictionary[Gazetteer, tuple[_Words, dict[str, tuple[_RunMatch, ...]]]] = (
    weakref.WeakKeyDictionary())


def _run_cache(gaz: Gazetteer, words: _Words) -> dict[str, tuple[_RunMatch, ...]]:
    return _memo(_RUNS, gaz, words)


def _run_matches(run: str, gaz: Gazetteer, cache: dict[str, tuple[_RunMatch, ...]]
                 ) -> tuple[_RunMatch, ...]:
    """The names (and demonyms) in a run of several words of ordinary (not all-caps) text.

    ``(start, end, key, entries, words, demonym)``, offsets into ``run``.

    They depend on the run alone, so they are memoised per gazetteer.
    """
    found = cache.get(run)
    if found is not None:
        return found
    words = [(w.start(), w.end(), w.group()) for w in _IN_RUN.finditer(run)]
    found = cache[run] = tuple(_scan_words(run, words, gaz, caps=False))
    return found


def _scan_words(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, *, caps: bool
                ) -> list[_RunMatch]:
    """The names (and demonyms) among the words of a run, longest first, left to right.

    Besides :func:`_longest`: a compass word before another name is a modifier ("West
    Kasai"); a generic word that starts a name is not a place alone ("Mount" in "Mount
    Kelud"); generic words after a word that is no place end an unknown name ("National
    Park" in "Mount Remarkable National Park"); and a hyphenated pair that is no name is
    read as its parts ("Delhi-Katra", see :func:`_pair_parts`).
    """
    out: list[_RunMatch] = []
    unknown = False  # the previous word was capitalised and began no name
    connectors = _words().connectors
    i = 0
    while i < len(words):
        word = words[i][2]
        if word in connectors and not caps:
            i += 1
            continue
        longest = _longest(text, words, i, gaz)
        if longest is not None and i + 1 < len(words) and longest[1] == i and (
                _normalized(word.rstrip(".")), "before") in gaz.heads:
            longest = None  # "Mount" before a name: the name's kind, not a town "Mount"
        if longest is not None and not caps and longest[1] + 1 < len(words) and (
                _only_directions(longest[0], gaz)):
            longest = None  # "West Kasai", "Central and South America": a modifier
        if longest is not None and unknown and _generic(longest[0].key, gaz):
            longest = None  # "Mount Remarkable National Park" is not "National Park"
        if (longest is None or longest[1] == i) and i + 1 < len(words) and (
                "-" in words[i + 1][2]):
            joined = _joined_head(words[i], words[i + 1], gaz)
            if joined:
                # "Hong Kong-Zhuhai-Macau": a name runs into a hyphenated pair
                out.extend(joined)
                unknown = False
                i += 2
                continue
        if longest is None:
            parts = _pair_parts(text, words[i], gaz) if "-" in word else []
            out.extend(parts)
            unknown = not parts and word[:1].isupper() and word not in connectors
            i += 1
            continue
        m = longest[0]
        out.append((m.start, m.end, m.key, m.entries, m.words, m.demonym))
        unknown = False
        i = longest[1] + 1
    return out


def _joined_head(word: tuple[int, int, str], hyphenated: tuple[int, int, str],
                 gaz: Gazetteer) -> list[_RunMatch]:
    """A two-word name whose second word heads a hyphenated pair, and the pair's other places.

    "Hong Kong-Zhuhai-Macau" is Hong Kong, Zhuhai and Macau, not "Kong": the word before the
    hyphenated one and its first part make a name, and the rest are places as in
    :func:`_pair_parts` (each one a place's name; a lone rest may be any town).
    """
    start, _, surface = word
    head, rest = hyphenated[2].split("-", 1)
    if not (surface[:1].isupper() and head[:1].isupper()):
        return []
    key = _normalized(f"{surface} {head}")
    entries = gaz.candidates(key)
    if not entries:
        return []
    at = hyphenated[0] + len(head) + 1
    out: list[_RunMatch] = [(start, hyphenated[0] + len(head), key, entries, 2, None)]
    for piece in rest.split("-"):
        surface_piece = _strip_possessive(piece)
        k = _normalized(surface_piece)
        found = _piece_entries(k, gaz) if surface_piece[:1].isupper() else []
        if not found:
            return out[:1]  # "Hong Kong-based": the name alone
        out.append((at, at + len(surface_piece), k, found, 1, None))
        at += len(piece) + 1
    return out


def _piece_entries(key: str, gaz: Gazetteer) -> list[int]:
    """The places a part of a hyphenated pair names: none for a word, demonym or non-name.

    A word that is also the very name of a city of :data:`_WORD_CITY` people or a country
    is the place ("Beijing-Shanghai", though "shanghai" is a verb).
    """
    entries = gaz.candidates(key)
    if not entries or key in _words().function_words or gaz.demonym(key):
        return []
    if (key in gaz.common_words or key in gaz.lexicon) and not any(
            gaz.kind(e) == "country" or (gaz.kind(e) == "city" and gaz.name_key(e) == key
                                         and gaz.population(e) >= _WORD_CITY)
            for e in entries[:_MAX_CANDIDATES]):
        return []
    return entries


def _generic(key: str, gaz: Gazetteer) -> bool:
    """Whether a name is made only of generic or compass words ("national park", "lake")."""
    words, directions = gaz.head_vocabulary, _words().directions
    return all(w in words or w in directions for w in key.split())


def _pair_parts(text: str, word: tuple[int, int, str], gaz: Gazetteer) -> list[_RunMatch]:
    """The places of a hyphenated pair that is no name itself: "Delhi-Katra", "Poland-Ukraine".

    Every part must be capitalised and a place's name (not a demonym nor an ordinary word),
    and one a country, a region or a town of :data:`_BIG_PLACE` people: "Hewlett-Packard"
    and "Jong-un" are no pairs of places.
    """
    start, _, surface = word
    pieces = surface.split("-")
    if len(pieces) < 2 or not all(p[:1].isupper() for p in pieces):
        return []
    out: list[_RunMatch] = []
    big = False
    at = start
    for piece in pieces:
        surface_piece = _strip_possessive(piece)
        key = _normalized(surface_piece)
        entries = _piece_entries(key, gaz)
        if not entries:
            return []
        big = big or gaz.max_population(key) >= _BIG_PLACE or any(
            gaz.kind(e) in _UNIT_KINDS for e in entries[:_MAX_CANDIDATES])
        out.append((at, at + len(surface_piece), key, entries, 1, None))
        at += len(piece) + 1
    return out if big else []


def _max_population(gaz: Gazetteer, m: _Match) -> int:
    """The largest population among ``m``'s candidates (0 for a demonym)."""
    return gaz.max_population(m.key) if m.entries else 0


def _only_directions(m: _Match, gaz: Gazetteer) -> bool:
    """Whether a name is only compass words ("North", "South West", "Central").

    Such a name before another is a modifier ("West Kasai"), unless it is itself a known
    region, sea or country ("Middle East and North Africa").
    """
    directions = _words().directions
    return (all(w in directions for w in m.key.split())
            and not any(gaz.kind(e) in _BROAD_KINDS for e in m.entries[:_MAX_CANDIDATES]))


_NAME_WORD, _WORD_NAME, _OTHER_WORD = 0, 1, 2
_NEIGHBOURS: weakref.WeakKeyDictionary[Gazetteer, tuple[_Words, dict[str, int]]] = (
    weakref.WeakKeyDictionary())


def _neighbour_class(word: str, gaz: Gazetteer, cache: dict[str, int]) -> int:
    """What :func:`_person_like` makes of a word beside a name (memoised per gazetteer).

    :data:`_OTHER_WORD`: not capitalised, a title, a place or a demonym; :data:`_NAME_WORD`:
    capitalised and in no word list (a name; a town known only through its airfield too,
    "Bernard" of "Bernard Matthews"); :data:`_WORD_NAME`: capitalised and a word.
    """
    found = cache.get(word)
    if found is None:
        key = _normalized(_strip_possessive(word))
        places = gaz.candidates(key)
        if (not word[:1].isupper() or key in _words().titles or gaz.demonym(key)
                or (places and not all(gaz.entry_id(e).startswith("airfield:")
                                       for e in places[:_MAX_CANDIDATES]))):
            found = _OTHER_WORD
        else:
            found = _WORD_NAME if _in_dictionary(key, gaz) else _NAME_WORD
        if len(cache) < _SINGLE_WORDS_MAX:
            cache[word] = found
    return found


def _in_dictionary(key: str, gaz: Gazetteer) -> bool:
    """Whether ``key`` is an English word, in a plural or a British spelling too.

    The dictionary (Webster's) has head words in American spelling: "heads" and "harbour"
    are words all the same.
    """
    if key in gaz.lexicon:
        return True
    stems = [key[:-1]] if key.endswith("s") else []
    if key.endswith("es"):
        stems.append(key[:-2])
    if key.endswith("ies"):
        stems.append(key[:-3] + "y")
    if "our" in key:
        stems.append(key.replace("our", "or"))
    return any(len(s) >= 3 and s in gaz.lexicon for s in stems)


_APPOSITION = re.compile(r",\s+[a-z]")  # ", the ...", ", who ...": said of a person


def _person_like(doc: _Doc, m: _Match, gaz: Gazetteer, cache: dict[str, int]) -> bool:
    """A one-word name next to a capitalised word that is neither a place nor a word.

    ``cache`` memoises :func:`_neighbour_class`.
    """
    if m.words != 1 or doc.caps:
        return False
    if m.start >= 2 and doc.text[m.start - 1] in "-–—" and doc.text[m.start - 2].isalpha():
        return False  # "the Nairobi–Mombasa Madaraka Express": the end of a pair of places
    for found in (doc.prev_word(m.start), doc.next_word(m.end)):
        if found is None:
            continue
        word, at = found
        if word == "I":
            continue  # "to Zakopane I took the bus": the pronoun, no surname
        if at > m.start and (word.lower() in doc.words.org_tail
                             or word.lower() in doc.words.place_tail):
            # "Singapore Airlines": an organisation's name (see _rejected); "Sydney
            # Harbour": a part of the place. No person either way.
            continue
        before = at < m.start
        if before and (word.endswith(("'", "’")) or word.lower().endswith(("'s", "’s"))):
            continue  # "Qantas' Sydney–Melbourne shuttle": an owner, not a first name
        if before and doc.text[at + len(word):at + len(word) + 1] == "." and \
                word.lower() not in doc.words.titles and word not in \
                doc.words.name_abbreviations:
            continue  # "… on Monday. Galle, about 105 km south": the sentence before's
        kind = _neighbour_class(word, gaz, cache)
        if kind == _OTHER_WORD:
            continue
        if before and doc.sentence_start(at) and (
                kind == _WORD_NAME or _max_population(gaz, m) >= _BIG_PLACE
                or not _APPOSITION.match(doc.text, m.end)):
            # Any word is capitalised there ("Neighbouring Israel"), but a name that is no
            # word, then a small place's name and a clause after a comma, is a person
            # ("Helene Caux, the spokesman")
            continue
        if kind == _NAME_WORD:
            return True  # "Kim Jong-un", "Hillary Clinton"
        if before and _max_population(gaz, m) < _BIG_PLACE:
            return True  # "Mike Pompeo": a first name that is also a word, then a surname
    return False


def _speaks(doc: _Doc, m: _Match, gaz: Gazetteer) -> bool:
    """A small place's name next to "said" is a person ("Dunn said", "said Dunn").

    Not a big airport's ("Heathrow said"): an airport speaks through its staff; nor one
    after a locative word ("Villagers in Chitral said"): the people there speak.
    """
    if _max_population(gaz, m) >= _BIG_PLACE or any(
            gaz.kind(e) == "airport" and gaz.prior(e) >= _BIG_AIRPORT_PRIOR
            for e in m.entries[:_MAX_CANDIDATES]):
        return False
    prev = doc.prev_word(m.start)
    if prev is not None and prev[0].lower() in doc.words.locative and not \
            doc.sentence_start(m.start):
        return False
    for found in (prev, doc.next_word(m.end)):
        if found is not None and found[0].lower() in doc.words.speech:
            return True
    return False


def _dateline(text: str, m: _Match) -> bool:
    """Whether a name in capitals opens a line as a news dateline ("SYDNEY, Jan 9 (AAP) -")."""
    line = text.rfind("\n", 0, m.start) + 1
    return not text[line:m.start].strip() and _DATELINE_AFTER.match(text, m.end) is not None


# ", Nepal (AP) —", ", Nov 3 (Reuters) -", " (AFP) -": where and when, then a dash
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][^\n]{0,40}?|\s*\([A-Za-z .]+\))\s*[-–—]{1,2}\s")


def _rejected(doc: _Doc, m: _Match, persons: set[str], gaz: Gazetteer) -> bool:
    prev = doc.prev_word(m.start)
    if prev is not None and prev[0] in doc.words.org_prefix:
        return True  # "Air Koryo", "Air China": an airline
    if prev is not None and prev[0].lower().rstrip(".") in doc.words.titles:
        if m.words == 1:
            persons.add(m.key)  # "Dr. Dunn": Dunn is a person throughout the text
        return True
    if prev is not None and prev[0] in doc.words.name_articles and \
            prev[1] + len(prev[0]) + 1 == m.start and not doc.caps:
        return True  # "the Las Manos border crossing": not Manaus, also called "Manos"
    if m.words == 1 and m.key in doc.words.street_tail and prev is not None and \
            prev[0][:1].isupper() and prev[1] + len(prev[0]) + 1 == m.start and \
            prev[0].lower() not in ("the", "a", "an"):
        return True  # "the Inca Trail": the end of a trail's name, not the town of Trail
    nxt = doc.next_word(m.end)
    if nxt is not None and (nxt[0].lower() in doc.words.org_tail
                            or nxt[0].lower() in doc.words.street_tail) and (
            doc.caps or nxt[0][:1].isupper()):
        # "China Daily", "Kenya Airways"; "Longyang Road", "Oxford Street" (a street, not
        # the town); not "trains to Warsaw daily"
        return True
    if nxt is not None and nxt[1] == m.end + 1 and "-" in nxt[0] and (
            nxt[0].split("-", 1)[0].lower() in doc.words.name_particles):
        return True  # "Bab al-Salam", "Ras al-Ain": the start of a longer name
    lead = doc.text[m.start:m.end].split("-", 1)[0].lower()
    if (lead in doc.words.name_particles and prev is not None and prev[1] + len(prev[0]) + 1
            == m.start and prev[0][:1].isupper()):
        return True  # ... and its end ("al-Ain" in "Ras al-Ain")
    quoted = _QUOTED_TAIL.match(doc.text, m.end)
    if quoted is not None and quoted.group(1).lower() in doc.words.org_tail and not (
            doc.text[m.end] in "'’" and doc.text[m.end - 1] in "sS"):
        return True  # 'the "San Sebastian" company', not "Texas' company"
    if nxt is not None and nxt[0].lower() in doc.words.disease_tail:
        persons.add(m.key)  # "Marburg virus": Marburg is the disease throughout the text
        return True
    surface = doc.text[m.start:m.end]
    if (not doc.caps and m.words == 1 and len(surface) > 1 and surface.isupper()
            and surface.isalpha() and not m.demonym and all(
                gaz.kind(e) not in _ACRONYM_KINDS and gaz.kind(e) != "airport"
                for e in m.entries[:_MAX_CANDIDATES])
            and not _dateline(doc.text, m)):
        return True  # "HIV", "SOS": an acronym, not a town that happens to share it
    if prev is not None and prev[0].lower() == "of":
        head = doc.prev_word(prev[1])
        if head is not None and head[0].lower() in doc.words.org_head:
            return True
    head, particles = prev, 0
    while head is not None and head[0].lower() in doc.words.of_particles and particles < 2:
        head, particles = doc.prev_word(head[1]), particles + 1
    if particles and head is not None and head[0][:1].isupper() and \
            head[0].lower() in doc.words.facility_heads:
        return True  # "Gare du Nord", "Rue de Rivoli", "Plaza de España": a part of a name
    return m.words == 1 and m.key in persons


_WORD_CITY = 1_000_000  # a city this big is named in the news far more than the word is


def _needs_evidence(m: _Match, gaz: Gazetteer) -> bool:
    """Whether a name is also an ordinary word and needs evidence that it is a place.

    Not a country's or continent's, nor a city's of :data:`_WORD_CITY` people by that very
    name ("Shanghai", "Berlin", "Warsaw", "Boston": the dictionary has them, the news
    means the city). A name only an airfield gives (the gazetteer's ``airfield:`` towns)
    needs it too: such names are often people's ("Bernard", "Gates"), and the place has no
    population to tell.
    """
    if m.head:
        return False
    if _airfield_only(m, gaz):
        return True
    if m.words != 1 or m.key not in gaz.common_words:
        return False
    return not any(gaz.kind(e) in ("country", "continent") or (
        gaz.kind(e) == "city" and gaz.population(e) >= _WORD_CITY
        and gaz.name_key(e) == m.key) for e in m.entries[:_MAX_CANDIDATES])


def _airfield_only(m: _Match, gaz: Gazetteer) -> bool:
    """Whether every place a name can be is a town known only through its airfield."""
    return bool(m.entries) and all(gaz.entry_id(e).startswith("airfield:")
                                   for e in m.entries[:_MAX_CANDIDATES])


def _abbreviation_after(doc: _Doc, m: _Match) -> int | None:
    """Where a unit's abbreviation after ``m`` and a comma starts ("Naples, Fla."), if any."""
    if m.demonym or doc.text[m.end:m.end + 1] not in _COMMA_FIRST:
        return None
    comma = _COMMA_NEXT.match(doc.text, m.end)
    if comma is None:
        return None
    short = _ABBREVIATION.match(doc.text, comma.end())
    if short is None or short.group() not in doc.words.abbreviations or not (
            doc.names or not doc.caps or "." in short.group()):
        return None
    return comma.end()


def _qualifier(doc: _Doc, m: _Match, gaz: Gazetteer) -> list[int]:
    """Admin-1 regions or countries named right after ``m`` and a comma ("Paris, Texas")."""
    if doc.text[m.end:m.end + 1] not in _COMMA_FIRST:
        return []
    comma = _COMMA_NEXT.match(doc.text, m.end)
    if comma is None:
        return []
    short = _ABBREVIATION.match(doc.text, comma.end())
    if short is not None and short.group() in doc.words.abbreviations and (
            doc.names or not doc.caps or "." in short.group()):  # "ROME, IN A STATEMENT"
        # "Moscow, ID", "Victoria, B.C.", "Perth, WA": the unit the abbreviation stands for
        return [e for _, eid, name in doc.words.abbreviations[short.group()]
                for e in gaz.candidates(normalize_name(name)) if gaz.entry_id(e) == eid]
    found = _ANY.match(doc.text, comma.end())
    if found is None or not found.group()[:1].isupper():
        return []
    q = _match_at(doc, comma.end(), found.group(), gaz)
    if q is None:
        return []
    return [e for e in q.entries if gaz.kind(e) in ("admin1", "country")]


# A unit's abbreviation after a comma: capitals and full stops ("TX", "B.C.", "N.S.W.") or a
# capitalised short word with its stop ("Calif.", "Qld"), then no more letters.
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z.]{0,5}(?![\w.])|[A-Z][A-Za-z.]{0,5}\.")


_NO_UNITS: tuple[frozenset[str], frozenset[tuple[str, str]]] = (frozenset(), frozenset())
# "Jordan's ancient city of", "Peru's second city of"
_COUNTRY_OF = re.compile(r"\b(?P<c>(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)['’]s\s+(?:[a-z]+\s+){0,2}"
                         r"(?:city|town|village|port|capital|province|state|region|district|"
                         r"island)\s+of\s+$")
# "the North Korean border city of", "the Syrian town of", "the Nigerian state of"
_DEMONYM_OF = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?P<d>(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+"
                         r"(?:[a-z]+\s+){0,2}(?:city|town|village|port|capital|province|state|region|district|"
                         r"island|border\s+town|border\s+city)\s+of\s+$")


def _qualifying_units(doc: _Doc, m: _Match, gaz: Gazetteer
                      ) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Countries and ``(country, region)`` pairs named as ``m``'s qualifier ("Paris, Texas").

    A name that is itself a country's, followed by a country, starts a list ("Iraq, Iran"):
    no qualifier then.
    """
    qualifiers = _qualifier(doc, m, gaz)
    if not qualifiers:
        told = _DEMONYM_OF.search(doc.text, max(0, m.start - 60), m.start)
        country = gaz.demonym(_normalized(told.group("d"))) if told is not None else None
        owner = _COUNTRY_OF.search(doc.text, max(0, m.start - 60), m.start) \
            if country is None else None
        if owner is not None:
            # "Jordan's ancient city of Petra": a town of the country named as its owner
            country = next((gaz.country_of(e) for e in gaz.candidates(
                _normalized(owner.group("c")))[:3] if gaz.kind(e) == "country"), None)
        if country is not None and not any(gaz.kind(e) == "country"
                                           for e in m.entries[:_MAX_CANDIDATES]):
            # "the North Korean border city of Kaesong": a town of that country
            return frozenset({country}), frozenset()
        return _NO_UNITS
    countries: set[str] = set()
    regions: set[tuple[str, str]] = set()
    is_country = any(gaz.kind(e) == "country" for e in m.entries[:_MAX_CANDIDATES])
    for e in qualifiers:
        if gaz.kind(e) == "country":
            if not is_country:
                countries.add(gaz.country_of(e))
        else:
            regions.add((gaz.country_of(e), gaz.admin1_of(e) or normalize_name(gaz.name(e))))
    return frozenset(countries), frozenset(regions)


def _qualified(gaz: Gazetteer, e: int, kind: str, country: str,
               within_countries: frozenset[str],
               within_regions: frozenset[tuple[str, str]]) -> bool:
    """Whether candidate ``e`` lies in the unit its qualifier names, a larger unit than itself.

    A town or landmark may be qualified by its region or country ("Paris, Texas",
    "Nice, France"); a region only by its country ("Punjab, Pakistan"); a country by
    nothing. So a list of units of one level ("Oklahoma, Texas", "Iraq, Iran") qualifies
    none of them, and a region qualifier favours its own towns, not every town of its
    country.
    """
    if kind == "country" or not (within_countries or within_regions):
        return False
    if country in within_countries:
        return True
    return kind != "admin1" and (country, gaz.admin1_of(e)) in within_regions


def _has_evidence(doc: _Doc, m: _Match, gaz: Gazetteer) -> bool:
    """A name that is also an English word needs evidence that it is a place.

    A locative word before it ("in Reading"), a qualifier after it ("Nice, France"), a
    spelling the word lacks ("Colón"), a figure that places it ("Bam, about 1,000 km
    south-east of Tehran"), or, for
    a large city, the comma or possessive of a sentence about it ("Acapulco, a city of ..."),
    another name it is listed after ("Cambridge and Boston") or paired with after it
    ("Geneva to Zurich").
    """
    if doc.caps:
        return False
    prev = doc.prev_word(m.start)
    if (not doc.sentence_start(m.start) and prev is not None
            and prev[0].lower() in doc.words.locative):
        return True
    if _qualifier(doc, m, gaz):
        return True
    surface = doc.text[m.start:m.end]
    if not surface.isascii() and m.key.isascii() and not doc.sentence_start(m.start):
        return True  # "Colón", not the word "colon": spelt as the name, with its accent
    if _LOCATED.match(doc.text, m.end):
        return True  # "Bam, about 1,000 km south-east of Tehran": a figure places it
    if _BETWEEN_PAIR.search(doc.text, max(0, m.start - 60), m.start):
        return True  # "between Dover and Calais": the second of a pair after "between"
    follows = doc.text[m.end:m.end + 2]
    big = _max_population(gaz, m) >= _LARGE_CITY
    if big and (follows[:1] == "," or follows in ("'s", "’s")):
        return True
    if big and prev is not None and prev[0].lower() in ("and", "or"):
        # "in Cambridge and Boston": a large city listed after another name
        before = doc.prev_word(prev[1])
        if before is not None and before[0][:1].isupper() and any(
                gaz.kind(e) in ("city", "admin1", "country")
                for e in gaz.candidates(_normalized(_strip_possessive(before[0])))):
            return True
    if big:
        # "Geneva to Zurich takes three hours": a large city paired with a place after it
        nxt = _PAIRED_NEXT.match(doc.text, m.end)
        if nxt is not None and any(
                gaz.kind(e) in ("city", "admin1", "country") for e in gaz.candidates(
                    _normalized(_strip_possessive(nxt.group(1))))
                if _normalized(_strip_possessive(nxt.group(1))) not in gaz.common_words):
            return True
    cues = _place_cues(settings.data_folder)
    return cues is not None and cues.match(doc.text, m.end) is not None


_BETWEEN_PAIR = re.compile(r"\bbetween\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
                           r"\s+and\s+$")
_PAIRED_NEXT = re.compile(r"\s+(?:to|and|or|[-–—])\s+([A-Z][\w’'-]+)")


@functools.cache
def _place_cues(folder: Path) -> re.Pattern[str] | None:
    """"<name> is 60 km", "<name> lies about 30 miles": from ``gazetteer/place_cues.csv``.

    A number word may stand for the figure, after "a" or "an" or alone ("<name> is a
    five-hour drive", "<name> is seven hours by bus"); "a", "an" or "another" alone is one
    ("<name> is an hour away", "<name> is another hour by minibus").

    Raises
    ------
    DataError
        If the file names an unknown role.

    """
    import csv

    path = folder / "gazetteer" / "place_cues.csv"
    if not path.exists():
        return None
    roles: dict[str, list[str]] = {"verb": [], "hedge": [], "unit": [], "count": []}
    with path.open(newline="", encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            if row["role"] not in roles:
                raise DataError(f"{path.name}: unknown role {row['role']!r} "
                                f"(roles are {', '.join(roles)})")
            roles[row["role"]].append(re.escape(row["word"].strip()))

    def alt(words: list[str]) -> str:
        return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"

    sp = r"[ \u00a0]"
    # "60 km", "an hour", "another hour"
    figures = [r"\d[\d.,]*" + sp + "?-?", r"(?:an?|another)" + sp + "+"]
    if roles["count"]:  # "a five-hour drive", "seven hours"
        figures.append(r"(?:an?" + sp + "+)?" + alt(roles["count"]) + r"[ \u00a0-]")
    return re.compile(sp + "+" + alt(roles["verb"]) + sp + "+(?:" + alt(roles["hedge"]) + sp
                      + "+)?(?:" + "|".join(figures) + ")" + alt(roles["unit"]) + r"\b")


_STORY_KM = 500.0  # an ordinary word named mid-sentence this close to the story is a place
_STORY_TOWN = 10_000  # ... when one of its namesakes is a town of this many people


def _near_the_story(doc: _Doc, m: _Match, kept: list[_Match], gaz: Gazetteer) -> bool:
    """Evidence for an ordinary word that is a name ("make Devonport" beside Melbourne).

    Capitalised inside a sentence between two lower-case words (not after "of" or an
    article: "Department of Energy", "the City"), with a town of :data:`_STORY_TOWN` people
    or more among its candidates within :data:`_STORY_KM` of the first candidate of a place
    already taken (one needing no evidence, of a local kind).
    """
    if doc.caps or m.words != 1:
        return False
    if doc.sentence_start(m.start):
        return _named_in_its_sentence(doc, m, kept, gaz)
    prev, nxt = doc.prev_word(m.start), doc.next_word(m.end)
    if (prev is None or not prev[0].islower() or prev[0] in doc.words.function_words
            or (nxt is not None and not nxt[0].islower())):
        return False
    anchors = [gaz.point(o.entries[0]) for o in kept
               if o.entries and gaz.kind(o.entries[0]) in _LOCAL_KINDS]
    return any(great_circle_km(*gaz.point(e), *pt) < _STORY_KM
               for e in m.entries[:_MAX_CANDIDATES] if gaz.population(e) >= _STORY_TOWN
               for pt in anchors)


def _named_in_its_sentence(doc: _Doc, m: _Match, kept: list[_Match], gaz: Gazetteer) -> bool:
    """Evidence for an ordinary word that starts a sentence ("Calais is a port in France").

    The same sentence names a country or region holding one of its candidates, or a place
    within :data:`_STORY_KM` of one, of :data:`_STORY_TOWN` people or more ("Wellington is
    the capital of New Zealand", "Calais faces Dover"); a place the sentence does not
    place stays a word ("Reading is fun"). Not before a capitalised word or a word of
    speech: "Florence Nightingale", "Florence said" are people.
    """
    nxt = doc.next_word(m.end)
    if nxt is None or not nxt[0].islower() or nxt[0] in doc.words.speech:
        return False
    sentence = doc.sentence(m.start)
    countries: set[str] = set()
    regions: set[tuple[str, str]] = set()
    points: list[tuple[float, float]] = []
    for o in kept:
        if o is m or doc.sentence(o.start) != sentence:
            continue
        if o.demonym:
            countries.add(o.demonym)
            continue
        first = o.entries[0]
        kind = gaz.kind(first)
        if kind == "country":
            countries.add(gaz.country_of(first))
        elif kind == "admin1":
            regions.add((gaz.country_of(first), gaz.admin1_of(first)))
        elif kind in _LOCAL_KINDS:
            points.append(gaz.point(first))
    if not (countries or regions or points):
        return False
    for e in m.entries[:_MAX_CANDIDATES]:
        if gaz.population(e) < _STORY_TOWN:
            continue
        country = gaz.country_of(e)
        if country in countries or (country, gaz.admin1_of(e)) in regions or any(
                great_circle_km(*gaz.point(e), *pt) < _STORY_KM for pt in points):
            return True
    return False


# What a name's scores start from, per gazetteer and normalised name: see _name_priors.
_PriorEntry = tuple[int, str, str, float]  # (entry, kind, country, score)
_NamePriors = tuple[tuple[_PriorEntry, ...], str]
_NAME_PRIORS: weakref.WeakKeyDictionary[Gazetteer, dict[str, _NamePriors]] = (
    weakref.WeakKeyDictionary())


def _name_priors(gaz: Gazetteer, m: _Match, cache: dict[str, _NamePriors]) -> _NamePriors:
    """The text-independent part of the scores of a place name's candidates.

    ``((entry, kind, country, score), ...)`` for its first :data:`_MAX_CANDIDATES`
    candidates, with the prior less the penalties that depend on the name alone; and the
    country the name is evidence of for the whole text ('' for none). Memoised per name.
    """
    found = cache.get(m.key)
    if found is not None:
        return found
    entries = m.entries
    facts = [(e, *gaz.facts(e)) for e in entries[:_MAX_CANDIDATES]]
    # A region named after its big city ("Moscow", "Beijing") usually means the city.
    big_cities = {f[2] for f in facts if f[1] == "city" and f[4] >= _BIG_PLACE}
    # ... and one named after the town of its name inside it, if a town of some size
    # ("Kherson": the oblast's seat, whatever the population the data gives it).
    seats = {(f[2], gaz.admin1_of(f[0])) for f in facts
             if f[1] == "city" and f[4] >= _SEAT_TOWN and f[5] == m.key}
    # A big airport's short name ("Heathrow") means the airport before a village of that
    # name, whatever the story's other places (Heathrow, Florida is beside Orlando).
    airport = any(kind == "airport" and score >= _BIG_AIRPORT_PRIOR and name_key != m.key
                  for _, kind, _, score, _, name_key in facts)
    # A sizeable town by this very name ("Southampton", England) is meant before another
    # that only an alternate name gives it (Hampton, Virginia), unless that one is far bigger.
    own = max((f[4] for f in facts if f[1] == "city" and f[5] == m.key), default=0)
    priors = []
    for e, kind, c, score, population, name_key in facts:
        if kind == "city" and name_key != m.key:
            score -= _ALIAS_PENALTY  # "Austin" is Austin before it is Austintown
            if own >= _OWN_NAME_TOWN and population < _OWN_NAME_RATIO * own:
                score -= _ALIAS_PENALTY
        if kind == "admin1" and (c in big_cities or (c, gaz.admin1_of(e)) in seats):
            score -= 3.0
        if airport and kind == "city" and population < _AIRPORT_TOWN:
            score -= _AIRPORT_NAME_PENALTY
        priors.append((e, kind, c, score))
    # A country's name sets it for the text; so does one a few small towns share
    # ("Bolivia", North Carolina), when the country leads them all by far.
    sets = ((len(entries) == 1 and _sets_country(gaz, entries[0]))
            or all(gaz.kind(e) == "country" for e in entries)
            or (facts[0][1] == "country" and all(
                facts[0][3] - f[3] >= _COUNTRY_LEAD for f in facts[1:])))
    found = cache[m.key] = (tuple(priors), gaz.country_of(entries[0]) if sets else "")
    return found


# After a demonym, the kind of the one place it qualifies ("the Iranian city of Mashhad").
_QUALIFIES_ONE = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:city|town|village|port|capital|"
                            r"resort|district|province|region)\s+of\s+[A-Z]")


def _resolve(doc: _Doc, matches: list[_Match], gaz: Gazetteer) -> None:
    cache = _NAME_PRIORS.get(gaz)
    if cache is None or len(cache) > _SINGLE_WORDS_MAX:
        cache = _NAME_PRIORS[gaz] = {}
    doc_countries: dict[str, float] = {}
    named: set[str] = set()  # the countries the text names (not only through its towns)
    sent_demonyms: dict[int, set[str]] = {}
    for m in matches:
        if m.demonym:
            nxt = doc.next_word(m.end)
            if nxt is not None and nxt[0].lower() in doc.words.border_nouns:
                continue  # "the Iranian border": a country beside the story's, or across
            if nxt is not None and nxt[0].lower() in doc.words.actor_nouns:
                continue  # "Russian forces pressed towards Pokrovsk": who acts, not where
            doc_countries[m.demonym] = doc_countries.get(m.demonym, 0.0) + 1.0
            if _QUALIFIES_ONE.match(doc.text, m.end):
                # "opposite the Polish town of Zgorzelec": the country of that town only,
                # no hint for the sentence's other names (Görlitz is German)
                continue
            named.add(m.demonym)
            sent_demonyms.setdefault(doc.sentence(m.start), set()).add(m.demonym)
        else:
            c = _name_priors(gaz, m, cache)[1]
            if c:
                doc_countries[c] = doc_countries.get(c, 0.0) + 1.0
                if gaz.kind(m.entries[0]) not in ("city", "landmark", "airport"):
                    named.add(c)
    no_demonyms: set[str] = set()
    for m in matches:
        if m.demonym:
            continue
        m.within = within_countries, within_regions = _qualifying_units(doc, m, gaz)
        qualified = bool(within_countries or within_regions)
        demonyms = (sent_demonyms.get(doc.sentence(m.start), no_demonyms) if sent_demonyms
                    else no_demonyms)
        scores = m.scores
        m.priors = _name_priors(gaz, m, cache)[0]
        head = m.head
        before = doc.prev_word(m.start)
        article = before is not None and before[0].lower() == "the" and any(
            gaz.feature_class(e) in doc.words.article_classes for e in m.entries)
        if head or (doc_countries and len(m.entries) > _MAX_CANDIDATES):
            m.priors = _widened(gaz, m, doc_countries)
        fits = False
        dwarfed = m.dwarfed = _dwarfed(gaz, m)
        for e, kind, c, score in m.priors:
            held = qualified and _qualified(gaz, e, kind, c, within_countries, within_regions)
            # a reading outside the unit the text names is not helped by the story's
            # countries ("the North Korean border city of Kaesong … South Korean companies")
            outside = qualified and not held and c not in within_countries and not any(
                c == r[0] and (kind == "admin1" or gaz.admin1_of(e) == r[1])
                for r in within_regions)
            if c in doc_countries and kind != "country" and (
                    c in named or e not in dwarfed) and not outside:
                score += _DOC_COUNTRY_BONUS
            if c in demonyms and not outside:
                score += 1.5
            if held:
                score += _QUALIFIER_BONUS
            elif outside:
                score -= _QUALIFIER_BONUS  # "Paris, Texas": not the much bigger Paris, France
            if head and (kind in head or gaz.feature_class(e) in head):
                score += _HEAD_BONUS
                fits = True
            if article and (gaz.feature_class(e) in doc.words.article_classes or (
                    kind == "city" and gaz.name_key(e) == m.key)):
                # "the Andes" is the range, not Los Andes (which GeoNames also calls
                # "Andes"); a town of that very name keeps its chance ("the Gold Coast")
                score += _HEAD_BONUS
            scores[e] = score
        if head and not fits and not m.loose and not head & _TOWN_CLASSES:
            # "Doti district", "Mount Kelud" that the gazetteer lacks: at best a namesake in
            # a country of the story (the district's town), never one elsewhere.
            for e in [e for e in scores if gaz.country_of(e) not in doc_countries]:
                del scores[e]
            m.doubt = True
    _structure(doc, matches, gaz)
    _coherence(matches, gaz, doc_countries)
    _far_from_story(matches, gaz, doc_countries, cache)


def _widened(gaz: Gazetteer, m: _Match, doc_countries: Mapping[str, float]
             ) -> tuple[_PriorEntry, ...]:
    """``m.priors``, and candidates beyond the first :data:`_MAX_CANDIDATES` that may fit.

    Those of the class its generic word names, or in a country of the story ("San José"
    near Copiapó, Chile).
    """
    extra = []
    head = m.head
    for e in m.entries[_MAX_CANDIDATES:_HEAD_SCAN]:
        kind, c, prior, _, name_key = gaz.facts(e)
        if c in doc_countries or (head and (kind in head or gaz.feature_class(e) in head)):
            extra.append((e, kind, c, prior - (_ALIAS_PENALTY if kind == "city"
                                               and name_key != m.key else 0.0)))
    return (*m.priors, *extra) if extra else m.priors


_FAR_KM = 2_000.0  # a place this far from all the story's others does not fit it ...
_FIT_KM = 1_000.0  # ... and a namesake this close to one of them does
_SWITCH_MARGIN = 4.0  # how far behind the best such a namesake may be and still win ...
_SWITCH_MARGIN_BIG = 1.0  # ... when the best is a big place (Dallas, Texas in a story of
# flights from Dubai and to Sydney is not a Dallas of Australia)
_FAR_KINDS = frozenset({"city", "landmark", "island", "admin1", "admin2", "airport", "station",
                        "border_post", "bridge"})


def _far_from_story(matches: list[_Match], gaz: Gazetteer, doc_countries: Mapping[str, float],
                    cache: dict[str, _NamePriors]) -> None:
    """A place thousands of km from every other place of the story yields to one that fits.

    A mention's best place that lies in none of the story's countries (those of the other
    mentions' places, or named or implied by them) and over :data:`_FAR_KM` from every
    other mention's place gives way to a namesake within :data:`_FIT_KM` of one of them or
    in one of those countries, if its score is within :data:`_SWITCH_MARGIN` of the best
    (:data:`_SWITCH_MARGIN_BIG` when the best is not a small place). With no such
    namesake, a small place (prior under :data:`_WEAK_PRIOR`) is marked doubtful: a big one
    far from the rest is as likely the other end of a long trip. A first-level unit is
    such a place too ("from Victoria to Vancouver": Victoria, British Columbia, not the
    Australian state). A country outside the story's countries gives way to a first-level
    unit of the same name in one of them ("from Texas to Georgia").
    """
    placed = [(m, _best(m)) for m in matches if m.scores]
    if len(placed) < 2:
        return
    named = {c for c, n in doc_countries.items() if n > 0.0}

    bests = {id(m): b for m, b in placed}

    def story() -> tuple[list[tuple[float, float, str]], list[float], set[str],
                         dict[str, set[str]]]:
        """Where the mentions are placed now: spots by latitude, countries, lone names."""
        # The other mentions' places, by name: a name's own other mentions are no evidence.
        keys_of: dict[str, set[str]] = {}  # country -> names placed there
        spots: list[tuple[float, float, str]] = []  # (lat, lon, name)
        for m, _ in placed:
            b = bests[id(m)]
            if gaz.kind(b) not in ("continent", "sea"):
                keys_of.setdefault(gaz.country_of(b), set()).add(m.key)
                spots.append((*gaz.point(b), m.key))
        spots = sorted(set(spots))
        only_by: dict[str, set[str]] = {}  # name -> countries where only that name is placed
        for c, keys in keys_of.items():
            if len(keys) == 1:
                only_by.setdefault(next(iter(keys)), set()).add(c)
        return spots, [s[0] for s in spots], set(keys_of), only_by

    # The story's countries for a mention: those the text names or implies (its own name's
    # country only when named more than once), and those where another name is placed.
    # A switch moves the story: the mentions after it are weighed against where it went
    # ("from Perth to Inverness": once Perth is Scotland's, Inverness stays Scotland's).
    spots, lats, placed_in, only_by = story()
    for m, best in placed:
        if gaz.kind(best) not in _FAR_KINDS and gaz.kind(best) != "country":
            continue
        own = cache[m.key][1] if m.key in cache else ""
        countries = named - {own} if doc_countries.get(own, 0.0) <= 1.0 else set(named)
        countries |= placed_in - only_by.get(m.key, set())
        if gaz.kind(best) == "country":
            # "from Texas to Georgia": a country named like a state of the story's country
            # is that state.
            if countries and gaz.country_of(best) not in countries:
                top = m.scores[best]
                states = [e for e, sc in m.scores.items() if gaz.kind(e) == "admin1"
                          and gaz.country_of(e) in countries and top - sc <= _SWITCH_MARGIN]
                if states:
                    m.scores[max(states, key=lambda e: (m.scores[e], -e))] = top + 0.5
            continue

        def fits(e: int, within: float, key: str = m.key, countries: set[str] = countries,
                 spots: list[tuple[float, float, str]] = spots, lats: list[float] = lats
                 ) -> bool:
            if gaz.country_of(e) in countries:
                return True
            lat, lon = gaz.point(e)
            band = within / 111.0  # degrees of latitude
            return any(k != key and great_circle_km(lat, lon, p_lat, p_lon) < within
                       for p_lat, p_lon, k in spots[bisect.bisect_left(lats, lat - band):
                                                    bisect.bisect_right(lats, lat + band)])

        if (len(spots) < 2 and not countries) or fits(best, _FAR_KM):
            continue
        top = m.scores[best]
        weak = gaz.prior(best) < _WEAK_PRIOR
        margin = _SWITCH_MARGIN if weak else _SWITCH_MARGIN_BIG
        near = [e for e, sc in m.scores.items() if e != best and top - sc <= margin
                and fits(e, _FIT_KM)]
        if near:
            switched = max(near, key=lambda e: (m.scores[e], -e))
            m.scores[switched] = top + 0.5
            bests[id(m)] = switched
            spots, lats, placed_in, only_by = story()
        elif weak:
            m.doubt = True


_BIG_AIRPORT_PRIOR = 5.5  # the prior of a large airport (gazetteer._AIRPORT_PRIOR) ...
_AIRPORT_TOWN = 10_000  # ... whose short name a town smaller than this also has ...
_AIRPORT_NAME_PENALTY = 4.0  # ... leaves the town this far behind: only a qualifier helps it
_WEAK_PRIOR = 5.0  # a place whose prior is below this (a town under 100,000) is a small one


def _dwarfed(gaz: Gazetteer, m: _Match) -> frozenset[int]:
    """The towns among ``m``'s candidates that a world city of the name dwarfs.

    See :data:`_WORLD_CITY` and :data:`_DWARFED`; a town of the world city's own country is
    never dwarfed by it.
    """
    towns = [(gaz.population(e), gaz.country_of(e), e) for e, kind, _c, _s in m.priors
             if kind == "city"]
    if len(towns) < 2:
        return frozenset()
    top, country, _ = max(towns)
    if top < _WORLD_CITY:
        return frozenset()
    return frozenset(e for pop, c, e in towns if c != country and pop * _DWARFED <= top)


def _sets_country(gaz: Gazetteer, e: int) -> bool:
    """Whether an unambiguous name is evidence of its country for the whole text.

    A region, or a place of at least :data:`_BIG_PLACE` people; a village that is the only
    bearer of its name ("Jack", "Pennington") is as likely a person or a word.
    """
    kind, _, _, population, _ = gaz.facts(e)
    return kind not in ("city", "landmark") or population >= _BIG_PLACE


def _best(m: _Match) -> int:
    """The best-scoring candidate; of equals, the lowest entry number."""
    scores = m.scores
    if len(scores) == 1:
        return next(iter(scores))
    top = max(scores.values())
    return min([e for e, sc in scores.items() if sc == top])


def _unit_noun_beside(doc: _Doc, m: _Match) -> bool:
    """"Washington state", "the state of Washington", "the provinces of Nyanza, ..."."""
    nxt = doc.next_word(m.end)
    if nxt is not None and nxt[0].lower() in doc.words.unit_nouns:
        return True
    prev = doc.prev_word(m.start)
    if prev is None or prev[0].lower() != "of":
        return False
    head = doc.prev_word(prev[1])
    return head is not None and head[0].lower().rstrip("s") in doc.words.unit_nouns


def _district_of_city(gaz: Gazetteer, e: int, m: _Match) -> bool:
    """Whether place ``e`` lies within a city that ``m`` may name ("Queens, New York")."""
    lat, lon = gaz.point(e)
    return any(gaz.kind(c) == "city"
               and great_circle_km(lat, lon, *gaz.point(c)) < _DISTRICT_KM
               for c in m.entries[:_MAX_CANDIDATES])


def _structure(doc: _Doc, matches: list[_Match], gaz: Gazetteer) -> None:
    """Favour the region or country reading where the sentence shows a name is one.

    * a unit noun beside it: "Washington state", "the state of Washington";
    * it qualifies the place before it: in "Buffalo, New York" the region holding a Buffalo;
    * a list of units of one level: in "Texas, Utah, Washington and Ohio" each name is a
      region of the same country as its neighbours' best readings; in "Iraq, Iran and Syria"
      a country. A name between two units of one level ("Georgia, Oklahoma, Pennsylvania")
      takes no qualifier from the name after it.

    Each gives :data:`_QUALIFIER_BONUS` once, whichever rules apply.
    """
    places = [m for m in matches if m.scores]
    if not places:
        return
    best = {id(m): _best(m) for m in places}
    favoured: dict[int, set[int]] = {}
    for m in places:
        if _unit_noun_beside(doc, m):
            favoured.setdefault(id(m), set()).update(
                e for e, kind, _, _ in m.priors if kind == "admin1")
        elif not m.head and gaz.kind(best[id(m)]) == "admin1":
            # A bare name of a region and of a town in it is the town: "Marib, roughly 120
            # km east of Sanaa", "Tillabéri, 105 km north-west of Niamey"
            unit = best[id(m)]
            towns = [e for e, kind, c, _ in m.priors if kind == "city"
                     and c == gaz.country_of(unit) and gaz.admin1_of(e) == gaz.name_key(unit)
                     and gaz.name_key(e) == m.key]
            if towns:
                town = max(towns, key=lambda e: (m.scores[e], -e))
                m.scores[town] = m.scores[unit] + _TOWN_OF_UNIT_STEP
    gaps = [_gap(doc.text, a.end, b.start) for a, b in itertools.pairwise(places)]
    listed: set[int] = set()
    for k in range(1, len(places) - 1):
        if gaps[k - 1] in doc.words.list_gaps and gaps[k] == "," and _same_level(
                gaz, best[id(places[k - 1])], best[id(places[k + 1])]):
            listed.add(id(places[k]))
    for (a, b), gap in zip(itertools.pairwise(places), gaps, strict=True):
        if gap not in doc.words.list_gaps:
            continue
        if gap == ",":
            holders = {(c, gaz.admin1_of(e)) for e, kind, c, _ in a.priors
                       if kind not in _UNIT_KINDS}
            held = [e for e, kind, c, _ in b.priors if kind == "admin1"
                    and (c, gaz.admin1_of(e)) in holders]
            if held and not _district_of_city(gaz, best[id(a)], b):
                favoured.setdefault(id(b), set()).update(held)
        for x, y in ((a, b), (b, a)):
            level = gaz.kind(best[id(y)])
            if level not in _UNIT_KINDS:
                continue
            country = gaz.country_of(best[id(y)])
            favoured.setdefault(id(x), set()).update(
                e for e, kind, c, _ in x.priors if kind == level
                and (level == "country" or c == country))
    listed.update(_listed_in_chains(places, gaps, best, gaz))
    for m in places:
        for e in favoured.get(id(m), ()):
            m.scores[e] += _QUALIFIER_BONUS
        if id(m) in listed:  # "Georgia, Oklahoma, Pennsylvania": a list, not "Oklahoma, PA"
            countries, regions = m.within
            for e in m.scores:
                kind, c, _, _, _ = gaz.facts(e)
                if _qualified(gaz, e, kind, c, countries, regions):
                    m.scores[e] -= _QUALIFIER_BONUS


def _gap(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with its whitespace normalised, where it may be a list's gap.

    Those are at most two tokens: anything longer is returned as a single space, which is in
    no list gap, without splitting all of it.
    """
    tokens = text[start:end].split(None, 2)
    return " ".join(tokens) if len(tokens) < 3 else " "


def _same_level(gaz: Gazetteer, e: int, f: int) -> bool:
    """Whether two places are units of one level (two countries, or regions of one)."""
    kind = gaz.kind(e)
    return kind in _UNIT_KINDS and gaz.kind(f) == kind and (
        kind == "country" or gaz.country_of(e) == gaz.country_of(f))


def _listed_in_chains(places: list[_Match], gaps: list[str], best: dict[int, int],
                      gaz: Gazetteer) -> set[int]:
    """Members of lists such as "Washington, Pennsylvania and California".

    A chain of three or more names joined by commas and an "and" (or "or"), where every
    other member is a unit of one level, is a list: its commas are not qualifiers.
    ``gaps`` holds the text between each two consecutive places, whitespace normalised.
    """
    chains: list[list[_Match]] = [[places[0]]]
    joined: list[bool] = [False]  # whether the chain has an "and"/"or"
    list_gaps = _words().list_gaps
    for b, gap in zip(places[1:], gaps, strict=True):
        if gap in list_gaps:
            chains[-1].append(b)
            joined[-1] = joined[-1] or gap != ","
        else:
            chains.append([b])
            joined.append(False)
    listed: set[int] = set()
    for chain, has_and in zip(chains, joined, strict=True):
        if len(chain) < 3 or not has_and:
            continue
        for m in chain:
            levels = {gaz.kind(best[id(o)]) for o in chain if o is not m}
            if len(levels) == 1 and levels <= _UNIT_KINDS:
                listed.add(id(m))
    return listed


# Letters of scripts without capitals. Names in the ones written without spaces (Chinese,
# Japanese, Korean, Thai) are found inside runs of letters, the longest first; in the others
# (Arabic, Hebrew, the Indic scripts) as whole words.
_SPACELESS = ("\u0e00-\u0eff\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
              "\uac00-\ud7af\uf900-\ufaff")
_UNCASED = re.compile("[\u0590-\u08ff\u0900-\u0dff" + _SPACELESS + "]+")
_SPACELESS_RUN = re.compile("[" + _SPACELESS + "]+")
_SCRIPT_NAME_CHARS = 8  # the longest name looked for inside a run of such letters


def _script_matches(text: str, gaz: Gazetteer) -> list[_Match]:
    """Names written in scripts without capitals ("平壤", "서울에서", "القاهرة")."""
    out: list[_Match] = []
    for run in _UNCASED.finditer(text):
        start, word = run.start(), run.group()
        if not _SPACELESS_RUN.fullmatch(word):
            key = _normalized(word)
            entries = gaz.candidates(key) if len(word) >= 2 else _NO_ENTRIES
            if entries:
                out.append(_Match(start, run.end(), key, entries, 1))
            continue
        i = 0
        while i < len(word) - 1:
            for n in range(min(_SCRIPT_NAME_CHARS, len(word) - i), 1, -1):
                key = _normalized(word[i:i + n])
                entries = gaz.candidates(key)
                if entries:
                    out.append(_Match(start + i, start + i + n, key, entries, 1))
                    i += n
                    break
            else:
                i += 1
    return out


_NO_ENTRIES: list[int] = []
_SCORE = operator.itemgetter(1)
# Classes a generic word can name that a town may stand for: "Beijing South railway
# station" is in Beijing, "the port of Djibouti" is the town. Any other class ("volcano",
# "district") is a place of its own, which a namesake town elsewhere is not.
_TOWN_CLASSES = frozenset({"city", "station", "airport"})
_HEAD_BONUS = 6.0  # a candidate of the class a generic word beside the name names
_HEAD_SCAN = 2_000  # candidates looked through for one of that class or a story country
_STATION_CLASSES = frozenset({"station", "airport"})


_VOWELS = "aeiouy"
_RESPELT_MIN = 5  # letters a name needs before another spelling of it is tried
# The classes whose names are tried in other spellings (places on land that news names in
# transliteration), and the shortest generic word read ("sea" and "mt" would be found in
# every "season" and "Mt." for nothing).
_RESPELT_CLASSES = frozenset({"volcano", "mountain", "range", "island", "lake", "river",
                              "desert", "peninsula", "cape", "district", "admin2"})
_RESPELT_HEAD_MIN = 4


def _spellings(key: str) -> Iterator[str]:
    """Other spellings of a one-word name: one vowel for another, a final d for a t.

    Transliterations differ so ("Nerkh" and "Nirkh", "Kelud" and "Kelut").

    >>> sorted(_spellings("kelud"))[:3]
    ['kalud', 'kelad', 'keled']
    """
    for i, ch in enumerate(key):
        if ch in _VOWELS:
            for v in _VOWELS:
                if v != ch:
                    yield key[:i] + v + key[i + 1:]
    if key[-1:] in ("d", "t"):
        yield key[:-1] + ("t" if key[-1] == "d" else "d")


def _head_hits(text: str, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Where the one-word generic words of ``gaz`` stand beside a word, in order.

    A word before a name is looked for capitalised and followed by a space ("Mount "), one
    after a name after a space, in either case (" district", " District"): ``str.find``
    runs many times faster than one pattern of all the words, and the spaces keep it from
    stopping inside other words ("strange").
    """
    hits = []
    for (w, where), classes in gaz.heads.items():
        if where == "of" or " " in w or len(w) < _RESPELT_HEAD_MIN or not (
                classes & _RESPELT_CLASSES):
            continue
        forms = ([(w.capitalize() + " ", 0)] if where == "before"
                 else [(" " + w, 1), (" " + w.capitalize(), 1)])
        for form, lead in forms:
            at = text.find(form)
            while at >= 0:
                start, end = at + lead, at + lead + len(w)
                if end == len(text) or not text[end].isalnum():
                    hits.append((start, end))
                at = text.find(form, at + len(form))
    hits.sort()
    return hits


def _respelt(doc: _Doc, matches: list[_Match], gaz: Gazetteer) -> list[_Match]:
    """Names the gazetteer has under another spelling, found by a generic word beside them.

    "Mount Kelud" is the volcano Kelut; "Nerkh District" the district of Nirkh. Only a
    capitalised word of :data:`_RESPELT_MIN` letters or more that begins no name, next to a
    generic word ("Mount", "district"), and only candidates of the class that word names
    (:func:`_spellings`). The mention is doubtful: it is never sure enough to flag a claim.
    """
    starts = [m.start for m in matches]
    found: list[_Match] = []
    for start, end in _head_hits(doc.text, gaz):
        word = _normalized(doc.text[start:end])
        before = gaz.heads.get((word, "before"))
        after = gaz.heads.get((word, "after"))
        for classes, near in ((before, doc.next_word(end)), (after, doc.prev_word(start))):
            if classes is None or near is None:
                continue
            name, at = near
            m = _respelling(name, at, matches, starts, gaz,
                            functools.partial(_of_classes, gaz, classes))
            if m is not None:
                found.append(m)
    found.extend(_respelt_located(doc, matches, gaz, starts))
    if not found:
        return matches
    return sorted([*matches, *found], key=lambda m: m.start)


# ", about 250 kilometers north of": a figure that places the word before the comma
_LOCATED = re.compile(r",\s+(?:[a-z]+\s+){0,2}\d[\d,.]*\s*(?:-\s*)?(?:km|kilomet(?:re|er)s?|"
                      r"miles?|mi)\b[^.;]{0,40}?\b(?:north|south|east|west|of|from)\b")
_RESPELT_TOWN = 10_000  # people a town needs to be found under another spelling by a figure
_WORD_BEFORE = re.compile(r"(?<![\w'’-])[^\W\d_]+$")


def _respelt_located(doc: _Doc, matches: list[_Match], gaz: Gazetteer,
                     starts: list[int]) -> list[_Match]:
    """Towns the gazetteer spells otherwise, placed by a figure after them.

    "Beiji, about 250 kilometers north of Baghdad" is Bayji, Iraq: a capitalised word that
    begins no name, followed by a distance that places it, read in another spelling
    (:func:`_spellings`) as a town of :data:`_RESPELT_TOWN` people or more in a country of
    the text's other places. The mention is doubtful, as in :func:`_respelt`.
    """
    countries = {gaz.country_of(m.entries[0]) for m in matches if m.entries}
    out: list[_Match] = []
    for hit in _LOCATED.finditer(doc.text):
        word = _WORD_BEFORE.search(doc.text, max(0, hit.start() - 40), hit.start())
        if word is None:
            continue
        name, at = word.group(), word.start()
        if _normalized(name) in gaz.lexicon:
            continue  # "Then, about 30 km north of"
        m = _respelling(name, at, matches, starts, gaz, lambda e: (
            gaz.kind(e) == "city" and gaz.population(e) >= _RESPELT_TOWN
            and gaz.country_of(e) in countries))
        if m is not None:
            out.append(m)
    return out


_CODE = re.compile(r"[A-Z]{3,}")  # a run of capitals; codes are the three-letter ones


@functools.cache
def _any_of(words: frozenset[str]) -> re.Pattern[str]:
    """One case-blind pattern of whole ``words``."""
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(
        re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + r")(?![\w-])")


def _airport_codes(doc: _Doc, matches: list[_Match], gaz: Gazetteer) -> list[_Match]:
    """Large airports named by their IATA codes ("from JFK to LHR"), in sentences of flying.

    A code is taken only where its sentence has a word of ``[air_words]`` (geoparse.toml)
    and no name found covers it; never in text set in capitals.
    """
    codes = gaz.airport_codes
    if doc.caps or not codes:
        return matches
    found: list[_Match] = []
    starts = [m.start for m in matches]
    air = _any_of(doc.words.air_words)
    text = doc.text
    for hit in _CODE.finditer(text):
        e = codes.get(hit.group())
        if e is None:
            continue
        before, after = text[hit.start() - 1:hit.start()], text[hit.end():hit.end() + 2]
        if before.isalnum() or before in ("'", "’", ".", "-") or after[:1].isalnum() or (
                after[:1] in ("'", "’", "-")) or (after[:1] == "." and after[1:].isalnum()):
            continue  # inside a word, a name or an address ("U.S.A", "JFK-bound")
        i = bisect.bisect_right(starts, hit.start()) - 1
        if i >= 0 and matches[i].end > hit.start():
            continue
        if air.search(doc.text, *doc.sentence_bounds(doc.sentence(hit.start()))) is None:
            continue
        found.append(_Match(hit.start(), hit.end(), hit.group().lower(), [e], 1))
    if not found:
        return matches
    return sorted([*matches, *found], key=lambda m: m.start)


def _of_classes(gaz: Gazetteer, classes: frozenset[str], e: int) -> bool:
    """Whether entry ``e`` is of one of ``classes`` (a kind or a feature class)."""
    return gaz.kind(e) in classes or gaz.feature_class(e) in classes


def _respelling(name: str, at: int, matches: list[_Match], starts: list[int],
                gaz: Gazetteer, keep: Callable[[int], bool]) -> _Match | None:
    """A doubtful match of ``name`` (at ``at``) under another spelling whose entries ``keep``.

    Only a capitalised word of :data:`_RESPELT_MIN` letters or more that no name of the
    gazetteer has and that is not inside a name already found (:func:`_spellings`).
    """
    key = _normalized(name)
    if (len(key) < _RESPELT_MIN or not name[:1].isupper() or not key.isalpha()
            or gaz.candidates(key)):
        return None
    i = bisect.bisect_right(starts, at) - 1
    if i >= 0 and matches[i].end > at:
        return None  # inside a name already found
    for other in _spellings(key):
        entries = [e for e in gaz.candidates(other) if keep(e)]
        if entries:
            m = _Match(at, at + len(name), other, entries, 1)
            m.doubt = True
            return m
    return None


def _heads(doc: _Doc, matches: list[_Match], gaz: Gazetteer) -> list[_Match]:
    """Generic words beside each name: "Mount Kelud", "Kelud volcano", "the port of Djibouti".

    A word before ("Mount") or after ("volcano", "district", "railway station") joins the
    mention, and its classes are noted for :func:`_resolve`; "<word> of" ("port of") only
    notes them. A name and its generic word that are together a name ("Dubai airport",
    "Robben Island") are that name. One capitalised word may stand between a town and a
    station or airport ("Beijing South railway station"). Matches inside a mention so
    widened are dropped.
    """
    out: list[_Match] = []
    reach = -1
    heads = gaz.heads
    for m in matches:
        if m.start < reach:
            continue
        if not m.demonym:
            prev = doc.prev_word(m.start)
            if prev is not None:
                word = _normalized(prev[0])
                classes = heads.get((word, "before"))
                if classes is not None:
                    m.head, m.start = classes, prev[1]
                elif word == "of":
                    noun = doc.prev_word(prev[1])  # lower case: "South Island of" is a name
                    if noun is not None and noun[0].islower():
                        m.head = heads.get((f"{noun[0]} of", "of"), m.head)
                        m.loose = True
            _head_after(doc, m, gaz)
        out.append(m)
        reach = m.end
    return out


def _head_after(doc: _Doc, m: _Match, gaz: Gazetteer) -> None:
    """Widen ``m`` over a generic word after it, noting its classes (see :func:`_heads`)."""
    first = doc.next_word(m.end)
    if first is None:
        return
    starts = gaz.head_starts
    if _normalized(first[0]) not in starts:
        if not first[0][:1].isupper():
            return
        second = doc.next_word(first[1] + len(first[0]))
        if second is None or _normalized(second[0]) not in starts:
            return
    words: list[tuple[str, int]] = []
    pos = m.end
    while len(words) <= gaz.head_words:
        nxt = doc.next_word(pos)
        if nxt is None:
            break
        words.append(nxt)
        pos = nxt[1] + len(nxt[0])
    for skip in (0, 1):
        if skip and not (words and words[0][0][:1].isupper()):
            break
        for k in range(len(words), skip, -1):
            phrase = " ".join(_normalized(w) for w, _ in words[skip:k])
            classes = gaz.heads.get((phrase, "after"))
            if classes is None or (skip and not classes & _STATION_CLASSES):
                continue
            last, at = words[k - 1]
            whole = f"{m.key} {' '.join(_normalized(w) for w, _ in words[:k])}"
            entries = gaz.candidates(whole)
            if entries:
                m.key, m.entries = whole, entries
            else:
                m.head = m.head | classes
            m.end = at + len(last)
            return


_WEAK_TOWN = 10_000  # a town smaller than this ...
_WEAK_GAP = 1.0  # ... with a namesake scored this close behind it, far away ...
_WEAK_KM = 500.0  # ... is no evidence for where the story's other places are


def _weak_evidence(gaz: Gazetteer, m: _Match, best: int) -> bool:
    """Whether ``m``'s reading is too unsure to pull the story's other names its way.

    "from Marathon to Athens": Marathon is one of several small American towns (the Greek
    one is not in the gazetteer), and must not make Athens the one in Georgia.
    """
    if gaz.kind(best) != "city" or gaz.population(best) >= _WEAK_TOWN:
        return False
    top = m.scores[best]
    return any(e != best and top - sc < _WEAK_GAP
               and great_circle_km(*gaz.point(e), *gaz.point(best)) > _WEAK_KM
               for e, sc in m.scores.items())


def _coherence(matches: list[_Match], gaz: Gazetteer,
               doc_countries: Mapping[str, float]) -> None:
    """Spatial coherence: pull close calls toward the other places of the story.

    Each candidate within :data:`_COHERENCE_MAX` of its mention's best gains
    :data:`_NEAR_BONUS` for each other mention (up to :data:`_NEAR_MAX`) whose current best
    local place lies within about 1,000 km, and :data:`_CLOSE_BONUS` more for each (up to
    :data:`_CLOSE_MAX`) within about 150 km; a town inside a region the story names counts
    that region as one such neighbour, wherever the region's own point lies. A neighbour
    across a border counts as the story's country would (:data:`_DOC_COUNTRY_BONUS`):
    Victoria, British Columbia beside Seattle, not a Victoria of the United States.
    Two rounds, each starting from the scores :func:`_resolve` gave.
    """
    plans: list[tuple[_Match, dict[int, float], list[tuple[int, float, float, float]]]] = []
    for m in matches:
        if len(m.scores) < 2:
            continue
        ranked = sorted(m.scores.items(), key=_SCORE, reverse=True)  # stable, as -score
        top = ranked[0][1]
        close = [e for e, sc in ranked[:_COHERENCE_CANDIDATES] if top - sc < _COHERENCE_MAX]
        if len(close) < 2:
            continue
        points = []
        for e in close:
            lat, lon = gaz.point(e)
            points.append((e, lat, lon, math.cos(math.radians(lat))))
        plans.append((m, dict(m.scores), points))
    if not plans:
        return
    planned = {id(p[0]) for p in plans}
    # The best places of the mentions that keep their scores, found once.
    kept = [(id(m), _best(m)) for m in matches if m.scores and id(m) not in planned]
    fixed = [(*gaz.point(b), i) for i, b in kept if gaz.kind(b) in _LOCAL_KINDS]
    # The countries where each planned mention names a big town by its very name.
    big_in = {id(m): {gaz.country_of(e) for e, *_ in points if gaz.kind(e) == "city"
                      and gaz.population(e) >= _BIG_PLACE and gaz.name_key(e) == m.key}
              for m, _base, points in plans}
    # Every candidate of every planned mention, one row each.
    rows = [(m, base, e) for m, base, points in plans for e, *_ in points]
    dwarfed = {id(m): m.dwarfed for m, _base, _points in plans}
    at = np.array([(lat, lon, k) for _, _, points in plans for _, lat, lon, k in points])
    owner = np.array([id(m) for m, _, _ in rows])
    row_country = np.array([gaz.country_of(e) for _m, _b, e in rows])
    biggest = {id(m): max((gaz.population(e) for e, *_ in points if gaz.kind(e) == "city"),
                          default=0) for m, _base, points in plans}
    row_small = np.array([gaz.kind(e) == "city" and gaz.population(e) * _SMALLER
                          <= biggest[id(m)] for m, _b, e in rows], dtype=bool)
    for _ in range(2):
        bests = kept + [(id(m), _best(m)) for m, _base, _points in plans]
        weak = {id(m) for (_i, b), (m, _b, _p) in zip(bests[len(kept):], plans, strict=True)
                if _weak_evidence(gaz, m, b)}
        chosen = fixed + [(*gaz.point(b), i) for i, b in bests[len(kept):]
                          if gaz.kind(b) in _LOCAL_KINDS and i not in weak]
        if not chosen:
            continue
        peers: dict[str, set[int]] = {}  # country -> the mentions placed there
        for i, b in bests:
            peers.setdefault(gaz.country_of(b), set()).add(i)
        where = np.array([c[:2] for c in chosen])
        others = owner[:, None] != np.array([c[2] for c in chosen])[None, :]
        # Squared gaps in degrees (longitude shrunk by the cosine of the candidate's
        # latitude): candidates by rows, the other mentions' places by columns.
        gap = ((where[None, :, 0] - at[:, None, 0]) ** 2
               + ((where[None, :, 1] - at[:, None, 1]) * at[:, None, 2]) ** 2)
        # For a town far smaller than its name's biggest bearer, only a neighbour counts
        # across a border: Boston, England is within 1,000 km of Berlin, which says nothing
        # for it against Boston, Massachusetts.
        placed_in = np.array([gaz.country_of(b) for i, b in bests
                              if gaz.kind(b) in _LOCAL_KINDS and i not in weak])
        counts = ((row_country[:, None] == placed_in[None, :]) | (gap < _CLOSE_DEG2)
                  | ~row_small[:, None])
        near = ((gap < _NEAR_DEG2) & others & counts).sum(axis=1).tolist()
        close = ((gap < _CLOSE_DEG2) & others).sum(axis=1).tolist()
        alone = (~others.any(axis=1)).tolist()  # no other mention has a place: no change
        # Near a place in a country of the story, whatever the candidate's own country.
        in_doc = np.array([gaz.country_of(b) in doc_countries for i, b in bests
                           if gaz.kind(b) in _LOCAL_KINDS and i not in weak])
        by_doc = ((gap < _CLOSE_DEG2) & others & in_doc[None, :]).any(axis=1).tolist()
        # ... which makes a country the story's for all of a mention's candidates there:
        # Durrës, the town, is as much beside Skopje as the county's point is.
        countries = row_country.tolist()
        beside = {(id(m), c) for (m, _b, _e), c, n in zip(rows, countries, by_doc,
                                                           strict=True) if n}
        # The regions the story names: a town inside one is its neighbour, wherever the
        # region's own point is ("Clinton" after "Knoxville, Tennessee").
        best_of = dict(bests)
        regions = {(gaz.country_of(best_of[id(m)]), gaz.admin1_of(best_of[id(m)])): id(m)
                   for m in matches
                   if id(m) in best_of and gaz.kind(best_of[id(m)]) == "admin1"}
        qual = {i: {c for c in big if peers.get(c, set()) - {i}} for i, big in big_in.items()}
        for (m, base, e), country, n_near, n_close, skip in zip(rows, countries, near, close,
                                                                 alone, strict=True):
            if skip:
                continue
            if regions and gaz.kind(e) != "admin1" and regions.get(
                    (country, gaz.admin1_of(e)), id(m)) != id(m):
                n_near, n_close = n_near + 1, n_close + 1
            # Between countries that each have a big town of the very name, the one of
            # another place of the story ("Hyderabad" beside "Delhi"); a country with only
            # a small one, or one with the name as an alias, gets nothing for it (Dallas,
            # Victoria beside Sydney). Within a country the order stays as it was.
            if not n_close and e in dwarfed[id(m)]:
                n_near = 0  # far-off towns of the story do not outweigh a world city
            qualifying = qual[id(m)]
            same = bool(qualifying) and country in qualifying
            across = (id(m), country) in beside and country not in doc_countries
            m.scores[e] = (base[e] + min(n_near, _NEAR_MAX) * _NEAR_BONUS
                           + min(n_close, _CLOSE_MAX) * _CLOSE_BONUS
                           + (_SAME_COUNTRY_BONUS if same else 0.0)
                           + (_DOC_COUNTRY_BONUS if across else 0.0))


_CURATED: list[tuple[Path, Mapping[str, Place]]] = []  # the last data folder's table


def _curated_places() -> Mapping[str, Place]:
    """:func:`load_places`, without hashing the data folder's path for every text."""
    folder = settings.data_folder
    if not _CURATED or _CURATED[0][0] is not folder:
        _CURATED[:] = [(folder, load_places())]
    return _CURATED[0][1]


# Places already built, per gazetteer and for the curated table they were built with.
_PLACE_CACHE: weakref.WeakKeyDictionary[
    Gazetteer, tuple[Mapping[str, Place], dict[int, Place]]] = weakref.WeakKeyDictionary()


def _place_cache(gaz: Gazetteer, curated_places: Mapping[str, Place]) -> dict[int, Place]:
    """The places already built for ``gaz`` and ``curated_places``, by entry."""
    held = _PLACE_CACHE.get(gaz)
    if held is None or held[0] is not curated_places:
        held = _PLACE_CACHE[gaz] = (curated_places, {})
    return held[1]


def _place(gaz: Gazetteer, e: int, curated_places: Mapping[str, Place],
           built: dict[int, Place]) -> Place:
    """The :class:`Place` of entry ``e`` (memoised in ``built``: places are immutable)."""
    found = built.get(e)
    if found is None:
        found = built[e] = _build_place(gaz, e, curated_places)
    return found


def _build_place(gaz: Gazetteer, e: int, curated_places: Mapping[str, Place]) -> Place:
    eid, name, country, kind, lat, lon, population = gaz.summary(e)  # memoised already
    curated = curated_places.get(eid)
    if curated is not None:  # keeps the station and airports a trip needs
        return replace(curated, population=population)
    source = ("GeoNames" if eid.startswith(("geonames:", "admin1:", "country:", "continent:"))
              else "US Census Bureau" if eid.startswith("admin2:US.")
              else "GeoNames; point: Who's On First" if eid.startswith("admin2:wof:")
              else "GeoNames" if eid.startswith("admin2:")
              else "OurAirports" if eid.startswith(("airport:", "airfield:"))
              else "NOAA NGDC volcano list" if eid.startswith("feature:volcano:")
              else "Natural Earth" if eid.startswith("feature:") else "curated")
    return Place(id=eid, name=name, kind=kind, country=country, lat=lat, lon=lon,
                 source=source, population=population)


_CANDIDATES: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[int, float], Candidate]] = (
    weakref.WeakKeyDictionary())


def _candidate_cache(gaz: Gazetteer) -> dict[tuple[int, float], Candidate]:
    cache = _CANDIDATES.get(gaz)
    if cache is None or len(cache) > _SINGLE_WORDS_MAX:
        cache = _CANDIDATES[gaz] = {}
    return cache


def _candidate(gaz: Gazetteer, e: int, score: float,
               cache: dict[tuple[int, float], Candidate]) -> Candidate:
    """The :class:`Candidate` for entry ``e`` scored ``score`` (memoised: it is immutable)."""
    found = cache.get((e, score))
    if found is None:
        found = Candidate(*gaz.summary(e), round(score, 3))
        if score:  # 0.0 and -0.0 are one key but not one repr
            cache[e, score] = found
    return found


def _mentions(text: str, gaz: Gazetteer, *, names: bool = False) -> Iterator[Mention]:
    doc = _Doc(text, names=names)
    matches: list[_Match] = []
    lex = doc.words
    runs = [(0, text)] if doc.caps else [(r.start(), r.group()) for r in lex.run.finditer(text)]
    singles = _single_word_cache(gaz, lex)
    multi = _run_cache(gaz, lex)
    for offset, run in runs:
        if not doc.caps:
            if " " not in run and "\u00a0" not in run:
                one = _single_word(run, gaz, singles, lex)  # most runs are one word: the fast path
                if one is not None:
                    key, entries, demonym, length = one
                    matches.append(_Match(offset, offset + length, key, entries, 1, demonym))
                elif "-" in run:
                    for start, end, key, entries, k, demonym in _pair_parts(
                            run, (0, len(run), run), gaz):
                        matches.append(_Match(offset + start, offset + end, key, entries, k,
                                              demonym))
            else:
                for start, end, key, entries, k, demonym in _run_matches(run, gaz, multi):
                    matches.append(_Match(offset + start, offset + end, key, entries, k,
                                          demonym))
            continue
        words = [(offset + w.start(), offset + w.end(), w.group()) for w in _IN_RUN.finditer(run)]
        for start, end, key, entries, k, demonym in _scan_words(text, words, gaz, caps=True):
            matches.append(_Match(start, end, key, entries, k, demonym))
    if not text.isascii() and _UNCASED.search(text):
        matches.extend(_script_matches(text, gaz))
        matches.sort(key=lambda m: m.start)
    matches = _respelt(doc, matches, gaz)
    matches = _airport_codes(doc, matches, gaz)
    matches = _heads(doc, matches, gaz)
    # "Louisville, Colo.", "Fort McMurray, Alta.": the state's abbreviation qualifies the
    # town before it; it is no place of its own (Colo, Iowa; Alta, Norway)
    qualifying = {at for m in matches if (at := _abbreviation_after(doc, m)) is not None}
    if qualifying:
        matches = [m for m in matches if m.start not in qualifying]
    persons: set[str] = set()
    named_here: set[int] = set()  # a big place's name in a name here, a place elsewhere
    neighbours = _memo(_NEIGHBOURS, gaz, lex)
    for m in matches:
        if m.words != 1 or names:  # only one-word names are taken for people
            continue
        person = not m.demonym and _person_like(doc, m, gaz, neighbours)
        if person and _max_population(gaz, m) >= _BIG_PLACE:
            # "the Mumbai Rajdhani Express … to Mumbai", "Paris Hilton flew to Paris": the
            # name is part of another name here, and the city everywhere else
            named_here.add(m.start)
            continue
        if person or (not m.demonym and _speaks(doc, m, gaz)):
            persons.add(m.key)
            continue
        prev = doc.prev_word(m.start)  # titles mark a name as a person everywhere
        if prev is not None and prev[0].lower().rstrip(".") in doc.words.titles:
            persons.add(m.key)
    kept: list[_Match] = []
    accepted_common: set[str] = set()
    pending: list[_Match] = []
    for m in matches:
        if m.start in named_here or _rejected(doc, m, persons, gaz):
            continue
        if m.head:
            accepted_common.add(m.key)  # "Mount Etna": Etna is the volcano throughout
        if not m.demonym and not names and _needs_evidence(m, gaz):
            if _has_evidence(doc, m, gaz):
                accepted_common.add(m.key)
                kept.append(m)
            else:
                pending.append(m)
            continue
        kept.append(m)
    kept.extend(m for m in pending if m.key in accepted_common
                or (not _airfield_only(m, gaz) and _near_the_story(doc, m, kept, gaz)))
    kept.sort(key=lambda m: m.start)
    _resolve(doc, kept, gaz)
    curated = _curated_places()
    made = _candidate_cache(gaz)
    built = _place_cache(gaz, curated)
    for m in kept:
        if m.demonym:
            ce = gaz.country_entry(m.demonym)
            if ce is not None:
                yield Mention(m.start, m.end, text[m.start:m.end], _place(gaz, ce, curated, built),
                              0.9, True)
            continue
        scores = m.scores
        if not scores:
            continue  # "Doti district" in a story about Nepal: no Doti fits
        ranked = (sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])) if len(scores) > 1
                  else list(scores.items()))
        best, top = ranked[0]
        # A rival at the very point of the reading (Valletta's council beside the town) is
        # no doubt about where the place is.
        # Nor is the region a town lies in and is named after (Makkah in the Mecca Region).
        there = gaz.point(best)
        home = gaz.admin1_of(best) if gaz.kind(best) == "city" else ""
        second = next((sc for e, sc in ranked[1:] if great_circle_km(
            *there, *gaz.point(e)) > _SAME_SPOT_KM and not (
                home and gaz.kind(e) == "admin1" and gaz.name_key(e) == home)), top - 6.0)
        confidence = 1.0 / (1.0 + math.exp(-(top - second)))
        if m.doubt:
            confidence *= _DOUBT_FACTOR
        confidence = round(confidence, 3)
        cands = tuple([_candidate(gaz, e, sc, made) for e, sc in ranked[:5]])
        yield Mention(m.start, m.end, text[m.start:m.end], _place(gaz, best, curated, built),
                      confidence, False, cands)


_CHUNK = 20_000  # long texts are read in pieces of about this many characters


def text_pieces(text: str) -> Iterator[tuple[int, str]]:
    """Split a long text at paragraph (or sentence) ends into pieces of about 20,000 characters.

    Yields ``(offset, piece)``; a text of up to 20,000 characters is one piece. A piece is
    about an article's length or a few: the place finder weighs each place against the
    others of its piece, which a long text's unrelated stories would only blur.

    Examples
    --------
    >>> [offset for offset, _ in text_pieces("Pyongyang. " * 4_000)]
    [0, 19998, 39996]

    """
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n\n", start + _CHUNK // 2, end)
            if cut < 0:
                cut = text.rfind(". ", start + _CHUNK // 2, end)
            end = cut + 2 if cut >= 0 else end
        yield start, text[start:end]
        start = end


def iter_places(text: str, *, gazetteer: Gazetteer | None = None,
                demonyms: bool = True) -> Iterator[Mention]:
    """Like :func:`find_places`, but yield mentions as each piece of a long text is read.

    Memory stays bounded by the piece size, whatever the length of the text.
    """
    gaz = gazetteer or load_gazetteer()
    if len(text) <= _CHUNK:
        yield from (m for m in _mentions(text, gaz) if demonyms or not m.demonym)
        return
    for offset, piece in text_pieces(text):
        for m in _mentions(piece, gaz):
            if demonyms or not m.demonym:
                yield m.moved(offset)


def query_mentions(text: str, *, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """The places of a query made only of names ("Dover; Calais", "moscow, idaho").

    Every word may be a name, whatever its case, and ordinary words that are also places
    need no evidence. Used by :mod:`routes.geo.resolve`, the one resolver for typed names.
    """
    gaz = gazetteer or load_gazetteer()
    return [m for m in _mentions(text, gaz, names=True) if not m.demonym]


def gazetteer_place(gaz: Gazetteer, e: int) -> Place:
    """Entry ``e`` of the gazetteer as a :class:`~routes.geo.places.Place` (curated if it is)."""
    return _place(gaz, e, _curated_places(), _place_cache(gaz, _curated_places()))


def find_places(text: str, *, gazetteer: Gazetteer | None = None,
                demonyms: bool = True) -> list[Mention]:
    """Find and resolve the place mentions of ``text``, in order.

    Parameters
    ----------
    text
        Any string; offsets in the result index it. Long texts are read in pieces of about
        20,000 characters (cut at paragraph ends).
    gazetteer
        Defaults to :func:`routes.geo.gazetteer.load_gazetteer`.
    demonyms
        Also return demonyms ("Russian"), marked with ``demonym=True``.

    """
    return list(iter_places(text, gazetteer=gazetteer, demonyms=demonyms))
