"""Find distance, duration and speed quantities in text.

The words come from ``data/lexicon/quantities.toml`` (units and their conversion factors,
number words, fractions, hedges, vague quantities, and the words that make a figure
something other than travel); this module holds the grammar. A figure is read as:

* a number: digits ("1.5", "1,318", "1 318" with a thin or no-break space, "10,500km"),
  fractions ("½", "3½", "1/2", "3 1/2"), words ("twenty-eight", "a dozen", "a hundred and
  twenty", "two and a half", "half an", "a quarter of a"), or a vague word with a
  conventional value ("a couple of" 2, "a few" 3, "several" 4, "many" 10, "hundreds of"
  300; marked ``vague``);
* a unit in any of its spellings ("km", "KM", "kilometres", "12 hour"), joined by a space,
  a hyphen ("700-kilometer", marked ``adjective``) or nothing ("10km"); "a full day" is one
  day; an abbreviation's full stop belongs to it unless a sentence starts after it
  ("1,553 mi. by road");
* a speed composed of a distance and a duration ("miles an hour", "km per hour"), also
  around a restatement in brackets ("186 miles (299.3 km) per hour" is one speed);
* a compound duration, largest part first ("2 hours 15 minutes", "14 hr.-30 min.", "2h
  15m", "1h30", "41 days 10 hours and 22 minutes"), in the unit of its first part;
* a range ("8 to 10 hours", "between 600 and 700 km", "10-12 days", "one or two days"),
  valued at its midpoint with ``low`` and ``high``;
* a pair with the unit written once: "cut from 18 hours to fewer than 12" gives 18 hours
  and 12 hours, the second ``unit_elided``; "from 18 to 12 hours" gives the first elided.

The hedge in front ("about", "more than", "up to"), between number and unit ("4 and a bit
hours", "40-odd miles") or after the unit ("ten hours or so") is kept apart from the value.

Left out, from the words right next to the number: areas and volumes ("500 km²", "50
square miles"), heights and altitudes ("a 5 m tall statue", "a 38,000ft altitude"),
validity periods ("a 72-hour visa-free transit", "valid for 30 days"), clock times
("21:45", "at 1800 hours", "at 21h45"), frequencies ("twice a day"), decades ("the
1990s"), and codes ("G20", "A380", "F-250", "QF9"). Whether a figure is a travel claim is
for :mod:`routes.text.claims` to decide.

Examples
--------
>>> [(q.surface, q.value, q.unit, q.hedge) for q in find_quantities(
...     "a flight of about 700 km takes only around an hour and a half")]
[('700 km', 700.0, 'km', 'approx'), ('an hour and a half', 1.5, 'h', 'approx')]
>>> q = find_quantities("between 600 and 700 km")[0]
>>> q.low, q.high, q.hedge
(600.0, 700.0, 'range')
>>> [(q.surface, q.value, q.unit, q.hedge, q.unit_elided) for q in find_quantities(
...     "the upgrade cut the trip from 18 hours to fewer than 12")]
[('18 hours', 18.0, 'h', None, False), ('12', 12.0, 'h', 'less_than', True)]

"""

from __future__ import annotations

import functools
import math
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from routes import settings
from routes.errors import DataError
from routes.text.lexicon import trie_pattern

__all__ = ["HEDGES", "UNITS", "Lexicon", "Quantity", "find_quantities", "load_lexicon",
           "read_lexicon"]

#: The hedge classes a lexicon may use, besides ``range`` (set by the grammar).
HEDGES = ("approx", "more_than", "less_than", "at_least", "at_most", "exact")
_KINDS = ("distance", "duration", "speed")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A distance, duration or speed as written.

    ``value`` is in ``unit`` (the midpoint for a range); ``si`` in metres, seconds or metres
    per second. ``low``/``high`` bound a range. ``hedge`` is ``approx``, ``more_than``,
    ``less_than``, ``at_least``, ``at_most``, ``exact``, ``range`` or ``None``, and
    ``hedge_cue`` the words that said so. ``adjective`` marks "700-kilometer" forms;
    ``vague`` a conventional value for a vague word ("a few miles": 3); ``unit_elided`` a
    figure that takes its unit from the figure it is paired with ("from 18 hours to 12").
    """

    start: int
    end: int
    surface: str
    kind: str
    value: float
    unit: str
    si: float
    hedge: str | None = None
    hedge_cue: str = ""
    low: float | None = None
    high: float | None = None
    adjective: bool = False
    vague: bool = False
    unit_elided: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of ``quantities.toml``, checked; spellings are stored lower case.

    ``units`` maps a unit to its kind and its size in SI units (metres, seconds, metres per
    second); ``words`` and ``symbols`` map spellings to units (symbols keep their case and
    are read after digits only); ``speeds`` maps (distance unit, duration unit) to the speed
    unit they make. The hedge tables map a cue to its class.
    """

    path: Path
    units: Mapping[str, tuple[str, float]]
    words: Mapping[str, str]
    symbols: Mapping[str, str]
    in_compound: Mapping[str, str]
    abbreviations: frozenset[str]
    speeds: Mapping[tuple[str, str], str]
    speed_per: tuple[str, ...]
    articles: frozenset[str]
    ones: Mapping[str, float]
    tens: Mapping[str, float]
    scales: Mapping[str, float]
    intensifiers: tuple[str, ...]
    thousands_separators: str
    glyphs: Mapping[str, float]
    fractions_after_and: Mapping[str, float]
    fractions_before: Mapping[str, float]
    hedges_before: Mapping[str, str]
    hedges_inner: Mapping[str, str]
    hedges_after: Mapping[str, str]
    hedges_near: frozenset[str]
    vague_words: Mapping[str, float]
    vague_plural_scales: Mapping[str, float]
    vague_plural_factor: float
    vague_not_after: tuple[str, ...]
    exclude: Mapping[str, tuple[str, ...]]
    elision_followers: tuple[str, ...]
    ranges: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


_EXCLUDE_KEYS = ("area_attached", "area_after", "area_before", "dimension_after",
                 "dimension_before", "validity_after", "validity_before", "clock_before",
                 "rate_before", "article_ordinals")


class _Units(Mapping[str, tuple[str, float]]):
    """The units of the lexicon in :data:`routes.settings.data_folder`: kind and SI factor."""

    def __getitem__(self, unit: str) -> tuple[str, float]:
        return load_lexicon().units[unit]

    def __iter__(self) -> Iterator[str]:
        return iter(load_lexicon().units)

    def __len__(self) -> int:
        return len(load_lexicon().units)

    def __repr__(self) -> str:
        return f"UNITS({dict(self)!r})"


#: unit -> (kind, factor to SI: metres, seconds, metres per second), read from the lexicon.
UNITS: Mapping[str, tuple[str, float]] = _Units()


# --- reading the lexicon -------------------------------------------------------------------

def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


class _Reader:
    """Typed access to the TOML tables, failing with the file and the key named."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, what: str) -> DataError:
        return DataError(f"{self.path.name}: {where}: {what}")

    def table(self, data: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
        value = data.get(key)
        if not isinstance(value, dict):
            kind = "missing" if value is None else f"not a table ({type(value).__name__})"
            raise self.fail(f"{where}{key}".strip("."), kind)
        return value

    def strings(self, data: Mapping[str, Any], key: str, where: str,
                *, required: bool = True) -> tuple[str, ...]:
        value = data.get(key)
        if value is None and not required:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            raise self.fail(f"{where}{key}", "must be a list of non-empty strings")
        return tuple(" ".join(v.split()) for v in value)

    def number(self, data: Mapping[str, Any], key: str, where: str) -> float:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{where}{key}", "must be a number")
        if not math.isfinite(value) or value <= 0:
            raise self.fail(f"{where}{key}", f"must be a positive number, not {value}")
        return float(value)

    def numbers(self, data: Mapping[str, Any], key: str, where: str,
                *, zero: bool = False) -> dict[str, float]:
        table = self.table(data, key, where)
        out: dict[str, float] = {}
        for word, value in table.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or not (
                    math.isfinite(value) and (value > 0 or (zero and value == 0))):
                raise self.fail(f"{where}{key}.{word}", f"must be a positive number, not "
                                                        f"{value!r}")
            out[" ".join(word.lower().split())] = float(value)
        return out

    def hedges(self, data: Mapping[str, Any], key: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, cues in self.table(data, key, "hedges.").items():
            if name not in HEDGES:
                raise self.fail(f"hedges.{key}.{name}",
                                f"unknown hedge class; use {', '.join(HEDGES)}")
            for cue in self.strings({name: cues}, name, f"hedges.{key}."):
                out[cue.lower()] = name
        return out


def _near_cues(r: _Reader, hedges: Mapping[str, Any]) -> frozenset[str]:
    """The bounding cues that keep the real figure close by ("just over", "and a bit")."""
    cues = frozenset(c.lower() for c in r.strings(r.table(hedges, "near", "hedges."), "cues",
                                                   "hedges.near."))
    bounds = {cue for key in ("before", "inner", "after")
              for cue, name in r.hedges(hedges, key).items()
              if name in ("more_than", "less_than")}
    if stray := sorted(cues - bounds):
        raise r.fail("hedges.near.cues", f"{stray[0]!r} is not a more_than or less_than cue")
    return cues


def read_lexicon(path: Path) -> Lexicon:
    """Read and check a quantities lexicon.

    Raises
    ------
    DataError
        If the file is missing or not TOML, a unit has an unknown kind or no factor, a
        spelling names two units, or a list has the wrong shape. The message is one line
        and names the file.

    """
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise DataError(f"lexicon file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{path.name}: not valid TOML: {_one_line(exc)}") from None
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read: {_one_line(exc)}") from None
    try:
        return _parse_lexicon(path, data)
    except DataError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise DataError(f"{path.name}: malformed ({type(exc).__name__}: "
                        f"{_one_line(exc)})") from None


def _parse_lexicon(path: Path, data: dict[str, Any]) -> Lexicon:
    r = _Reader(path)
    if data.get("schema") != 1:
        raise r.fail("schema", f"unsupported schema {data.get('schema')!r} (expected 1)")
    kinds = r.table(data, "kinds", "")
    if sorted(kinds) != sorted(_KINDS):
        raise r.fail("kinds", f"must name exactly {', '.join(_KINDS)}")
    units: dict[str, tuple[str, float]] = {}
    words: dict[str, str] = {}
    symbols: dict[str, str] = {}
    in_compound: dict[str, str] = {}
    abbreviations: set[str] = set()
    speeds: dict[tuple[str, str], str] = {}
    pending: list[tuple[str, str, str]] = []
    for unit, spec in r.table(data, "units", "").items():
        where = f"unit {unit!r}: "
        if not isinstance(spec, dict):
            raise r.fail(f"unit {unit!r}", "not a table")
        kind = spec.get("kind")
        if kind not in _KINDS:
            raise r.fail(f"unit {unit!r}", f"unknown kind {kind!r}; use {', '.join(_KINDS)}")
        if kind == "speed":
            dist, per = spec.get("distance"), spec.get("per")
            if not isinstance(dist, str) or not isinstance(per, str):
                raise r.fail(f"unit {unit!r}", "a speed needs 'distance' and 'per' units")
            pending.append((unit, dist, per))
        else:
            units[unit] = (kind, r.number(spec, "factor", where))
        spelled = [(s.lower(), words) for s in r.strings(spec, "words", where)]
        spelled += [(s, symbols) for s in r.strings(spec, "symbols", where, required=False)]
        spelled += [(s, in_compound)
                    for s in r.strings(spec, "in_compound", where, required=False)]
        for spelling, table in spelled:
            if table.get(spelling, unit) != unit:
                raise r.fail(f"unit {unit!r}",
                             f"spelling {spelling!r} is also unit {table[spelling]!r}")
            table[spelling] = unit
        abbreviations.update(s.lower() for s in
                             r.strings(spec, "abbreviations", where, required=False))
        for s in in_compound:
            if in_compound[s] == unit and kind != "duration":
                raise r.fail(f"unit {unit!r}", "only durations have compound spellings")
    for unit, dist, per in pending:
        if units.get(dist, ("",))[0] != "distance" or units.get(per, ("",))[0] != "duration":
            raise r.fail(f"unit {unit!r}", f"'distance' {dist!r} and 'per' {per!r} must be "
                                           f"a distance and a duration unit")
        units[unit] = ("speed", units[dist][1] / units[per][1])
        speeds[(dist, per)] = unit
    spelled_units = set(words.values()) | set(symbols.values())
    if missing := sorted(set(units) - spelled_units):
        raise r.fail(f"unit {missing[0]!r}", "has no spellings")
    speed = r.table(data, "speed", "")
    numbers = r.table(data, "numbers", "")
    fractions = r.table(data, "fractions", "")
    hedges = r.table(data, "hedges", "")
    vague = r.table(data, "vague", "")
    exclude = r.table(data, "exclude", "")
    ranges = r.table(data, "ranges", "")
    elision = r.table(data, "elision", "")
    separators = numbers.get("thousands_separators")
    if not isinstance(separators, list) or any(
            not isinstance(s, str) or len(s) != 1 or s.isalnum() for s in separators):
        raise r.fail("numbers.thousands_separators", "must be single non-alphanumeric "
                                                     "characters")
    glyphs = r.numbers(fractions, "glyphs", "fractions.")
    if any(len(g) != 1 for g in glyphs):
        raise r.fail("fractions.glyphs", "each glyph must be one character")
    return Lexicon(
        path=path, units=units, words=words, symbols=symbols, in_compound=in_compound,
        abbreviations=frozenset(abbreviations), speeds=speeds,
        speed_per=r.strings(speed, "per", "speed."),
        articles=frozenset(a.lower() for a in r.strings(numbers, "articles", "numbers.")),
        ones=r.numbers(numbers, "ones", "numbers.", zero=True),
        tens=r.numbers(numbers, "tens", "numbers."),
        scales=r.numbers(numbers, "scales", "numbers."),
        intensifiers=r.strings(numbers, "intensifiers", "numbers."),
        thousands_separators="".join(separators),
        glyphs=glyphs,
        fractions_after_and=r.numbers(fractions, "after_and", "fractions."),
        fractions_before=r.numbers(fractions, "before", "fractions."),
        hedges_before=r.hedges(hedges, "before"),
        hedges_inner=r.hedges(hedges, "inner"),
        hedges_after=r.hedges(hedges, "after"),
        hedges_near=_near_cues(r, hedges),
        vague_words=r.numbers(vague, "words", "vague."),
        vague_plural_scales=r.numbers(vague, "plural_scales", "vague."),
        vague_plural_factor=r.number(vague, "plural_factor", "vague."),
        vague_not_after=r.strings(vague, "not_after", "vague."),
        exclude={key: r.strings(exclude, key, "exclude.") for key in _EXCLUDE_KEYS},
        elision_followers=r.strings(elision, "followers", "elision."),
        ranges=(r.strings(ranges, "leads", "ranges."), r.strings(ranges, "joiners", "ranges.")),
    )


def _lexicon_path() -> Path:
    return settings.data_folder / "lexicon" / "quantities.toml"


@functools.cache
def _grammar(path: Path) -> _Grammar:
    return _Grammar(read_lexicon(path))


def load_lexicon() -> Lexicon:
    """The lexicon in :data:`routes.settings.data_folder` (read once per folder)."""
    return _grammar(_lexicon_path()).lexicon


# --- the grammar ---------------------------------------------------------------------------

_UNIT_GAP = r"(?:\s+|-)"  # between the words of a unit: "nautical miles", "nautical-mile"


def _alt(phrases: Iterable[str], *, sep: str = r"\s+") -> str:
    """A regex alternation of ``phrases``, longest first; a space matches ``sep`` (spaces)."""
    items = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(sep.join(re.escape(w) for w in p.split(" ")) for p in items)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _fraction(m: re.Match[str]) -> str:
    """The fraction after "and" as the lexicon spells it ("a half"), hyphens or not."""
    return _norm(m.group("f") if m.group("f") is not None else m.group("h").replace("-", " "))


_NOT_LETTER = r"(?![^\W\d])"
_NOT_DIGIT = re.compile(r"[^\d.]")
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")  # "1800 hours" at a clock word
_MINUTES = re.compile(r"[0-5]\d")
_SLASH_UNIT = re.compile(r"/[^\S\n]?[^\W\d]")
_RESTATED = re.compile(r"\s*[(/]\s*")  # "more than 100 km (60 miles)", "7,055 miles/11,354 km"


class _Before:
    """Phrases that end right before a position, up to ``space`` (matched on reversed text).

    A pattern anchored at the end of a window would be tried at every position of it; the
    reversed pattern is tried once.
    """

    def __init__(self, phrases: Iterable[str], space: str = r"\s*") -> None:
        alt = _alt(p[::-1] for p in phrases)
        self._re = re.compile(rf"(?i){space}(?P<h>{alt})(?![\w.-])")

    def find(self, text: str, pos: int) -> tuple[int, str] | None:
        """Where the phrase ending before ``pos`` starts, and its words."""
        m = self._re.match(text[max(0, pos - 40):pos][::-1])
        if m is None:
            return None
        return pos - m.end("h"), text[pos - m.end("h"):pos - m.start("h")]


class _Grammar:
    """The regular expressions of one lexicon, compiled once."""

    def __init__(self, lex: Lexicon) -> None:
        self.lexicon = lex
        ex = lex.exclude
        durations = {s: u for s, u in lex.words.items() if lex.units[u][0] == "duration"}
        durations |= {s.lower(): u for s, u in lex.symbols.items()
                      if lex.units[u][0] == "duration"}
        self.durations = durations
        number_words = set(lex.ones) | set(lex.tens) | set(lex.scales)
        article_next = set(lex.intensifiers) | set(lex.scales) | set(lex.words)
        first_words = set(number_words) | set(lex.vague_plural_scales)
        for phrase in [*lex.vague_words, *lex.fractions_before]:
            head, _, rest = phrase.partition(" ")
            if head in lex.articles and rest:
                article_next.add(rest.split(" ")[0])
            else:
                first_words.add(head)
        glyphs = "".join(re.escape(g) for g in lex.glyphs)
        sep = re.escape(lex.thousands_separators)
        # Where a number may start: not inside a word, a code ("A380", "F-250"), a clock time
        # ("21:45"), a price, or another number ("1,5", "4/5").
        words = trie_pattern(first_words, space=r"\s+")  # a trie: this regex scans all text
        self.start = re.compile(
            rf"(?<![\w$£€¥#@])(?<!\d[:,./])(?<!\d[ ])(?<![^\W\d_]-)"
            rf"(?:(?=\d|[{glyphs}])|(?i:\b(?:{words})\b)"
            rf"|(?i:\b(?:{_alt(lex.articles)})\s+(?=(?:{_alt(article_next)}){_NOT_LETTER})))")
        self.digits = re.compile(
            rf"(?P<sa>\d{{1,3}})/(?P<sb>\d{{1,3}})(?![\d/])"
            rf"|(?P<n>\d{{1,3}}(?:[,{sep}]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
            rf"(?:[ ]?(?P<g>[{glyphs}])|[ ](?P<fa>\d)/(?P<fb>\d{{1,2}})(?![\d/]))?"
            rf"|(?P<g0>[{glyphs}])")
        self.bad_after_digits = re.compile(r":|[.,/]?\d")
        self.digit_scale = re.compile(rf"(?i)\s+(?:{_alt(lex.scales)})\b")
        self.word_token = re.compile(
            rf"(?i)(?:{_alt(number_words | set(lex.articles))})\b")
        self.word_sep = re.compile(r"(?i)-(?=\w)|\s+(?P<and>and\s+)?")
        self.vague = re.compile(rf"(?i)(?P<v>{_alt(lex.vague_words)})\b"
                                rf"(?:\s+(?P<s>{_alt(lex.scales)})\b)?")
        self.vague_plural = re.compile(
            rf"(?i)\s*(?P<p>{_alt(lex.vague_plural_scales)})\s+of\b")
        self.vague_not_after = _Before(lex.vague_not_after, r"\s+")
        self.frac_before = re.compile(
            rf"(?i)(?P<f>{_alt(lex.fractions_before)})(?:\s+of)?"
            rf"(?:\s+(?:{_alt(lex.articles)})(?=\s))?(?:\s+(?P<s>{_alt(lex.scales)})\b)?")
        # "three and a half hours", and hyphenated before a unit: "a three-and-a-half-hour
        # flight"
        self.frac_after = re.compile(
            rf"(?i)(?:\s+and\s+(?P<f>{_alt(lex.fractions_after_and)})(?![\w-])"
            rf"|-and-(?P<h>{_alt(lex.fractions_after_and, sep='-')})(?=-))")
        self.inner_hedge = re.compile(
            rf"(?i)(?:\s*-\s*|\s+)(?P<h>{_alt(lex.hedges_inner)})(?![\w])")
        self.after_hedge = re.compile(
            rf"(?i),?\s+(?P<h>{_alt(lex.hedges_after)}){_NOT_LETTER}")
        self.intensifier = re.compile(rf"(?i)\s+(?:{_alt(lex.intensifiers)})\b")
        self.unit_sep = re.compile(r"\s*-\s*|\s+")
        area_attached = "".join(re.escape(a) for a in ex["area_attached"])
        self.area_attached = re.compile(rf"[{area_attached}](?!\d)")
        # a unit of two words may be hyphenated as an adjective: "a 628-nautical-mile race"
        words = _alt(lex.words, sep=_UNIT_GAP)
        self.word_unit = re.compile(rf"(?i)(?:{words}){_NOT_LETTER}")
        self.symbol_unit = re.compile(rf"(?:{_alt(lex.symbols)}){_NOT_LETTER}")
        self.compound_unit = re.compile(rf"(?:{_alt(lex.in_compound)}){_NOT_LETTER}")
        per = "|".join(r"\s*/\s*" if p == "/" else rf"\s+{re.escape(p)}\s+"
                       for p in lex.speed_per)
        self.per = re.compile(rf"(?i)(?:{per})(?P<t>{_alt(durations)}){_NOT_LETTER}")
        self.restatement = re.compile(
            rf"\s*\(\s*(?:[^\W\d]+\s+)?[\d.,{sep}]+\s*-?\s*(?P<u>{_alt(lex.words)}|"
            rf"{_alt(lex.symbols)})\.?\s*\)", re.I)
        self.abbrev_stop = re.compile(r"\.(?!\s*(?:[A-Z\"“‘'«]|$))")
        self.compound_sep = re.compile(r"(?i)\s*,\s*(?:and\s+)?|\s+and\s+|\s*[-–]\s*|\s*")
        # "4-6", "four to six", and before a unit hyphenated: "four-to-six-hour", "four- to
        # six-hour"
        self.connector = re.compile(
            r"(?i)(?:\s+|\s*-\s*)(?P<w>to|or|and)(?:\s+|-(?=\w))|\s*(?P<d>[-–—])\s*")
        # ... and a figure set against another: "four hours, against about five by car"
        self.elide_connector = re.compile(
            r"(?i),?\s+(?P<w>to|or|and|against|versus|vs\.?|compared\s+(?:with|to))\s+")
        self.hedge_at = re.compile(rf"(?i)(?P<h>{_alt(lex.hedges_before)})(?:\s+|(?<=[^\w\s]))")
        self.hedge_before = _Before(lex.hedges_before)
        self.between = _Before(["between"], r"\s+")
        self.follower = re.compile(
            rf"(?i)\s*(?:[.,;:!?)\]—–]|$)|\s+(?:{_alt(lex.elision_followers)})\b")

        def after(key: str) -> re.Pattern[str]:
            return re.compile(rf"(?i)\s+(?:{_alt(ex[key])})(?![\w-])")

        def before(key: str) -> _Before:
            return _Before(ex[key])

        self.area_after, self.area_before = after("area_after"), before("area_before")
        self.dimension_after = after("dimension_after")
        self.dimension_before = before("dimension_before")
        self.validity_after = after("validity_after")
        self.validity_before = before("validity_before")
        self.clock_before, self.rate_before = before("clock_before"), before("rate_before")
        self.unit_before = _Before(lex.words, r"\s+")


# --- reading figures -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Num:
    """A number as written, before its unit."""

    start: int
    end: int
    value: float
    digits: str = ""       # the digits, when written in digits (symbols may follow)
    article: bool = False  # only "a"/"an": one, and only before a unit
    vague: bool = False


@dataclass(frozen=True, slots=True)
class _Read:
    """A number with its unit: the surface, the value and what was said around it."""

    start: int
    end: int
    after_end: int
    kind: str
    value: float
    unit: str
    si: float
    hedge: str | None
    cue: str
    adjective: bool
    vague: bool
    clock: bool


def _numbers(g: _Grammar, text: str, pos: int) -> list[_Num]:
    """The readings of a number starting at ``pos``, most specific first."""
    lex = g.lexicon
    m = g.digits.match(text, pos)
    if m:
        if g.bad_after_digits.match(text, m.end()):
            return []
        if m.group("sa"):
            den = int(m.group("sb"))
            num = int(m.group("sa"))
            return [_Num(pos, m.end(), num / den, m.group())] if 0 < num < den else []
        if m.group("g0"):
            return [_Num(pos, m.end(), lex.glyphs[m.group("g0")], m.group())]
        value = float(_NOT_DIGIT.sub("", m.group("n")))
        if m.group("g"):
            value += lex.glyphs[m.group("g")]
        elif m.group("fa"):
            value += int(m.group("fa")) / int(m.group("fb")) if int(m.group("fb")) else 0
        end = m.end()
        s = g.digit_scale.match(text, end)
        if s:
            value *= lex.scales[_norm(s.group())]
            end = s.end()
        return [_Num(pos, end, value, m.group("n"))]
    found: list[_Num] = []
    m = g.vague.match(text, pos)
    if m and not g.vague_not_after.find(text, pos):
        value = lex.vague_words[_norm(m.group("v"))]
        if m.group("s"):
            value *= lex.scales[_norm(m.group("s"))]
        found.append(_Num(pos, m.end(), value, vague=True))
    p, value = pos, lex.vague_plural_factor
    for _ in range(3):  # "tens of thousands of"; a longer chain is not a quantity
        m = g.vague_plural.match(text, p)
        if m is None:
            break
        value *= lex.vague_plural_scales[_norm(m.group("p"))]
        p = m.end()
    if p > pos:
        found.append(_Num(pos, p, value, vague=True))
    m = g.frac_before.match(text, pos)
    if m:
        value = lex.fractions_before[_norm(m.group("f"))]
        if m.group("s"):
            value *= lex.scales[_norm(m.group("s"))]
        found.append(_Num(pos, m.end(), value))
    cardinal = _cardinal(g, text, pos)
    if cardinal is not None:
        found.append(cardinal)
    return found


def _cardinal(g: _Grammar, text: str, pos: int) -> _Num | None:
    """A number in words: "twenty-eight", "a hundred and twenty", "two dozen", "an"."""
    lex = g.lexicon
    total = current = 0.0
    last, last_scale, end, p, after_and = "", 0.0, pos, pos, False
    while (m := g.word_token.match(text, p)) is not None:
        word = _norm(m.group())
        if word in lex.articles:
            if last:
                break
            kind, current = "article", 1.0
        elif word in lex.ones:
            v = lex.ones[word]
            if last in ("article", "one") or (last == "ten" and not 1 <= v <= 9):
                break
            kind, current = "one", current + v
        elif word in lex.tens:
            if last in ("article", "one", "ten"):
                break
            kind, current = "ten", current + lex.tens[word]
        else:
            s = lex.scales[word]
            if after_and or (last == "scale" and s <= last_scale):
                break
            if s >= 1000:
                total, current = total + max(current, 1.0) * s, 0.0
            else:
                current = max(current, 1.0) * s
            kind, last_scale = "scale", s
        last, end, after_and = kind, m.end(), False
        sep = g.word_sep.match(text, end)
        if sep is None:
            break
        if sep.group("and"):
            if last != "scale":
                break
            after_and = True
        p = sep.end()
    if not last:
        return None
    return _Num(pos, end, total + current, article=last == "article")


# A maker's or model's name right before a number: "Boeing 777s", "Dash 8s", "Tu-154s"
_MODEL_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[ -]$")


def _unit_at(g: _Grammar, text: str, pos: int, num: _Num) -> tuple[str, str, int] | None:
    """The unit spelled at ``pos`` (unit, spelling, end); symbols only after digits."""
    m = g.word_unit.match(text, pos)
    if m:
        return g.lexicon.words[_norm(m.group().replace("-", " "))], m.group(), m.end()
    if num.digits:
        m = g.symbol_unit.match(text, pos)
        if m:
            return g.lexicon.symbols[m.group()], m.group(), m.end()
    return None


def _stop(g: _Grammar, text: str, spelling: str, end: int) -> int:
    """``end``, past an abbreviation's full stop when no sentence starts after it."""
    if _norm(spelling) in g.lexicon.abbreviations and g.abbrev_stop.match(text, end):
        return end + 1
    return end


def _tail(g: _Grammar, text: str, num: _Num) -> _Read | None:
    """The unit after ``num`` and what goes with it, or None when no unit follows."""
    lex = g.lexicon
    p, value, hedge, cue = num.end, num.value, None, ""
    if not (num.vague or num.article):
        m = g.frac_after.match(text, p)
        if m:
            value, p = value + lex.fractions_after_and[_fraction(m)], m.end()
        m = g.inner_hedge.match(text, p)
        if m:
            hedge, cue, p = lex.hedges_inner[_norm(m.group("h"))], m.group("h"), m.end()
    if num.article:
        m = g.intensifier.match(text, p)
        if m:
            p = m.end()
    sep = g.unit_sep.match(text, p)
    if sep is None and not num.digits:
        return None
    q = sep.end() if sep else p
    found = _unit_at(g, text, q, num)
    if found is None:
        return None
    unit, spelling, end = found
    kind, factor = lex.units[unit]
    if kind == "distance" and g.area_attached.match(text, end):
        return None  # "500 km²", "50 km2"
    if num.article and _norm(spelling) in lex.exclude["article_ordinals"]:
        return None  # "a second train"
    if spelling == "s" and q == num.end and (
            (len(num.digits) >= 2 and num.digits.endswith("0"))
            or text[num.start - 1:num.start] in ("'", "’")
            or _MODEL_BEFORE.search(text, max(0, num.start - 20), num.start)):
        return None  # a decade: "the 1990s", "'80s"; models: "Boeing 777s", "Dash 8s"
    if num.digits.startswith("0") and len(num.digits) == 4 and unit == "h":
        return None  # a clock time: "0600 hours"
    clock = bool(unit == "h" and _HHMM.fullmatch(num.digits))
    adjective = sep is not None and "-" in sep.group()
    if kind == "distance":
        restated = g.restatement.match(text, end)
        m = g.per.match(text, restated.end() if restated else end)
        speed = lex.speeds.get((unit, g.durations[_norm(m.group("t"))])) if m else None
        if m and speed:
            unit, spelling, end = speed, m.group("t"), m.end()
            kind, factor = lex.units[unit]
    if _SLASH_UNIT.match(text, end):
        return None  # "km/day": a unit the lexicon does not know ("miles/11,354 km" is fine)
    si = value * factor
    m = g.frac_after.match(text, end)
    if m:
        value += lex.fractions_after_and[_fraction(m)]
        si, spelling, end = value * factor, "", m.end()
    elif kind == "duration" and not num.vague:
        end, si, spelling, bare = _compound(g, text, end, si, unit, spelling)
        value, clock = si / factor, clock or bare
    end = _stop(g, text, spelling, end)
    after_end = end
    m = g.after_hedge.match(text, end)
    if m:
        after_end = m.end()
        if hedge is None:
            hedge, cue = lex.hedges_after[_norm(m.group("h"))], m.group("h")
    return _Read(num.start, end, after_end, kind, value, unit, si, hedge, cue, adjective,
                 num.vague, clock)


def _compound(g: _Grammar, text: str, end: int, si: float, unit: str,
              spelling: str) -> tuple[int, float, str, bool]:
    """Extend a duration by smaller parts: "2 hours 15 minutes", "1h30", "2h 15m".

    Returns the end, the total in seconds, the spelling of the last unit, and whether a
    bare number after "h" was read as minutes (as in the clock time "21h45").
    """
    lex = g.lexicon
    size, bare = lex.units[unit][1], False
    while True:
        sep = g.compound_sep.match(text, _stop(g, text, spelling, end))
        nums = [] if sep is None else [n for n in _numbers(g, text, sep.end())
                                       if not (n.vague or n.article)]
        if sep is None or not nums:
            break
        num = nums[-1]
        m = g.unit_sep.match(text, num.end)
        q = m.end() if m else num.end
        found = _unit_at(g, text, q, num)
        c = g.compound_unit.match(text, q)
        if found is not None and lex.units[found[0]][0] == "duration":
            part, part_spelling, part_end = found
        elif c is not None:
            part, part_spelling, part_end = lex.in_compound[c.group()], c.group(), c.end()
        elif (found is None and spelling == "h" and sep.group() in ("", " ")
              and _MINUTES.fullmatch(num.digits)):
            part, part_spelling, part_end, bare = "min", "", num.end, True
        else:
            break
        if lex.units[part][1] >= size:
            break
        size = lex.units[part][1]
        si += num.value * size
        end, spelling = part_end, part_spelling
    return end, si, spelling, bare


def _hedge_before(g: _Grammar, text: str, start: int) -> tuple[str | None, str, int]:
    """The hedge cue right before ``start``: its class, its words and where it starts."""
    found = g.hedge_before.find(text, start)
    if found is None:
        return None, "", start
    inner_start, inner = found
    outer = g.hedge_before.find(text, inner_start)
    if outer is not None and not (" " in outer[1].strip()
                                  and g.lexicon.hedges_before[_norm(inner)] == "approx"):
        outer = None  # "over some 300 km of track": a preposition, not a second cue
    cue_start, cue = outer or found  # of two cues in a row the outer decides: "up to about"
    words = text[cue_start:inner_start + len(inner)]
    return g.lexicon.hedges_before[_norm(cue)], words, cue_start


def _excluded(g: _Grammar, text: str, r: _Read, start: int) -> bool:
    """Whether the words right next to a figure make it something other than travel.

    ``start`` is where the figure starts; the words before it are read before its hedge
    ("an altitude of about 10,000 m").
    """
    start = _hedge_before(g, text, start)[2]
    tail = text[r.end:r.end + 40]
    if r.kind == "distance":
        return bool(g.area_after.match(tail) or g.dimension_after.match(tail)
                    or g.area_before.find(text, start) or g.dimension_before.find(text, start))
    if r.kind == "duration":
        return bool(g.validity_after.match(tail) or g.validity_before.find(text, start)
                    or (r.clock and g.clock_before.find(text, start)))
    return False


def _quantity(text: str, r: _Read, start: int, *, hedge: str | None = None, cue: str = "",
              low: float | None = None, high: float | None = None,
              elided: bool = False) -> Quantity:
    return Quantity(start, r.end, text[start:r.end], r.kind, round(r.value, 6), r.unit,
                    round(r.si, 3), hedge, cue, low, high, r.adjective and low is None,
                    r.vague, elided)


def _with_hedge(g: _Grammar, text: str, r: _Read, start: int) -> Quantity:
    hedge, cue, _ = _hedge_before(g, text, start)
    if hedge is None:
        hedge, cue = r.hedge, r.cue
    return _quantity(text, r, start, hedge=hedge, cue=cue)


def _elided(g: _Grammar, text: str, num: _Num, unit: str, kind: str,
            hedge: str | None, cue: str) -> Quantity:
    factor = g.lexicon.units[unit][1]
    return Quantity(num.start, num.end, text[num.start:num.end], kind, round(num.value, 6),
                    unit, round(num.value * factor, 3), hedge, cue, unit_elided=True)


def _parse(g: _Grammar, text: str, pos: int) -> tuple[list[Quantity], int]:
    """The quantities read from the number at ``pos``, and where reading stopped."""
    nums = _numbers(g, text, pos)
    for num in nums:
        r = _tail(g, text, num)
        if r is None:
            continue
        if _excluded(g, text, r, num.start):
            restated = g.restatement.match(text, r.end)  # and its restatement
            return [], restated.end() if restated else r.end
        if num.article and (g.rate_before.find(text, num.start)
                            or g.unit_before.find(text, num.start)):
            return [], r.end  # "twice a day", "60 km a day": a frequency or a rate
        out = [_with_hedge(g, text, r, num.start)]
        second = None if r.vague or r.adjective else _elided_after(g, text, r)
        if second is not None:
            out.append(second)
        return out, out[-1].end
    plain = [n for n in nums if not (n.vague or n.article)]
    if plain:
        return _range(g, text, plain[-1])
    return [], pos


def _range(g: _Grammar, text: str, first: _Num) -> tuple[list[Quantity], int]:
    """A number without a unit: a range, or a pair whose unit comes after the second."""
    m = g.frac_after.match(text, first.end)
    if m:  # "between one and a half and two hours"
        first = _Num(first.start, m.end(), first.value
                     + g.lexicon.fractions_after_and[_fraction(m)], first.digits)
    c = g.connector.match(text, first.end)
    if c is None or first.value <= 0:
        return [], first.end
    if c.group("w") and c.group("w").lower() == "and" and not g.between.find(text, first.start):
        return [], first.end
    h = g.hedge_at.match(text, c.end())
    nums = [n for n in _numbers(g, text, h.end() if h else c.end())
            if not (n.vague or n.article)]
    second = next((r for r in (_tail(g, text, n) for n in nums) if r is not None), None)
    if second is None or _excluded(g, text, second, first.start):
        return [], first.end
    if h is None and second.hedge is None and first.value < second.value:
        factor = g.lexicon.units[second.unit][1]
        mid = (first.value + second.value) / 2
        rng = _Read(first.start, second.end, second.after_end, second.kind, mid, second.unit,
                    mid * factor, "range", "", second.adjective, False, second.clock)
        return [_quantity(text, rng, first.start, hedge="range", low=first.value,
                          high=second.value)], second.end
    if c.group("d"):
        return [], first.end
    hedge, cue, _ = _hedge_before(g, text, first.start)
    out = [_elided(g, text, first, second.unit, second.kind, hedge, cue),
           _with_hedge(g, text, second, second.start)]
    return out, second.end


def _elided_after(g: _Grammar, text: str, r: _Read) -> Quantity | None:
    """A second figure whose unit is that of ``r``: "from 18 hours to fewer than 12"."""
    c = g.elide_connector.match(text, r.after_end)
    if c is None:
        return None
    if c.group("w").lower() == "and" and not g.between.find(text, r.start):
        return None
    h = g.hedge_at.match(text, c.end())
    nums = [n for n in _numbers(g, text, h.end() if h else c.end())
            if not (n.vague or n.article)]
    if not nums or any(_tail(g, text, n) is not None for n in nums):
        return None
    num = nums[-1]
    if not g.follower.match(text, num.end):
        return None  # "18 hours to 12 stations": not the same unit
    hedge = g.lexicon.hedges_before[_norm(h.group("h"))] if h else None
    return _elided(g, text, num, r.unit, r.kind, hedge, h.group("h") if h else "")


def find_quantities(text: str) -> list[Quantity]:
    """Every distance, duration and speed quantity in ``text``, in order.

    The words are those of the lexicon in :data:`routes.settings.data_folder`
    (``lexicon/quantities.toml``).

    Raises
    ------
    DataError
        If the lexicon is missing or malformed.

    """
    g = _grammar(_lexicon_path())
    found: list[Quantity] = []
    done = 0
    for m in g.start.finditer(text):
        if m.start() < done:
            continue
        quantities, done = _parse(g, text, m.start())
        for q in quantities:
            prev = found[-1] if found else None
            if (prev is not None and q.hedge is None and prev.hedge not in (None, "range")
                    and prev.kind == q.kind and _RESTATED.fullmatch(text, prev.end, q.start)):
                q = replace(q, hedge=prev.hedge, hedge_cue=prev.hedge_cue)
            found.append(q)
    return _ranges(text, found)


def _ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join "ranges from X to Y" (both with units) into one range quantity."""
    leads, joiners = _range_words(_lexicon_path())
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == q.kind and prev.hedge in (None, "approx")
                and q.hedge is None and not q.unit_elided and not prev.vague and not q.vague
                and joiners.fullmatch(text, prev.end, q.start)
                and leads.search(text[max(0, prev.start - 30):prev.start]) is not None
                and prev.hedge != "range" and q.hedge != "range"):
            f = UNITS[prev.unit][1]
            lo, hi = sorted((prev.si, q.si))
            out[-1] = replace(prev, end=q.end, surface=text[prev.start:q.end],
                              value=(lo + hi) / 2 / f, si=(lo + hi) / 2, hedge="range",
                              hedge_cue="", low=lo / f, high=hi / f)
            continue
        out.append(q)
    return out


@functools.cache
def _range_words(path: Path) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = read_lexicon(path)
    data = lex.ranges
    leads = "|".join(re.escape(w) for w in sorted(data[0], key=len, reverse=True))
    joins = "|".join(re.escape(w) for w in sorted(data[1], key=len, reverse=True))
    return (re.compile(rf"(?i)\b(?:{leads})\s+(?:approximately\s+|about\s+|around\s+)?$"),
            re.compile(rf"(?i)\s*(?:{joins})\s*"))
