"""The words the claim finder reads, from data: mode cues, non-trip phrases, claim words.

* ``data/lexicon/modes.toml``: words and names that tell a figure's mode (``flight``,
  ``Eurostar``, ``ferry``, ``as the crow flies``), each with its strength (strong: the
  word alone settles the mode; weak: it suggests it) and its source; and phrases that look
  like travel but are not a trip figure (``per hour``, ``layover``, ``visa-free``).
* ``data/lexicon/claims.toml``: words of travel, of relation between places, of events and
  sizes, of freight and of trips told as they happened, the compass points, the references
  ("the capital") and the titles that do not end a sentence ("Mt.").

Nothing here decides a claim: :mod:`routes.text.claims` reads these words in context.

Examples
--------
>>> lex = load_lexicon()
>>> [(c.mode, c.strength) for _, _, c in lex.cues("They took the Shinkansen to Osaka.")]
[('rail', 'strong')]
>>> [n.effect for _, _, n in lex.negatives("a 72-hour visa-free transit")]
['not_trip']
>>> lex.compass("south-west")
('SW', 225.0)

"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routes import settings
from routes.datafile import read_toml
from routes.errors import DataError

__all__ = ["Lexicon", "ModeCue", "Negative", "Scan", "load_lexicon"]

MODES = ("air", "rail", "road", "sea", "walk", "straight")


@dataclass(frozen=True, slots=True)
class ModeCue:
    """A word or name that points to a mode of travel."""

    text: str
    mode: str
    strength: str
    high_speed: bool = False
    activity: str = ""
    kind: str = ""
    source: str = ""
    urban: bool = False  # a metro, tram or commuter service ("Gautrain", "subway")
    qualified: bool = False  # strong right after a figure ("a five-hour drive")
    governs: bool = True  # a weak verb, strong right before its figure ("walked 50 km")
    stopping: bool = False  # a high-speed service that calls at most stations ("Kodama")

    @property
    def strong(self) -> bool:
        """Whether the word alone settles the mode."""
        return self.strength == "strong"


@dataclass(frozen=True, slots=True)
class Negative:
    """A phrase that makes a nearby figure something other than a one-way trip."""

    text: str
    effect: str
    applies_to: str
    reason: str
    unless_pair: bool = False  # a pair of places named beside the figure makes it a trip
    cue_kind: str = ""  # a disambiguation for cues of this kind only ("verb": "the road runs")


def _words_regex(words: list[str], *, case: bool) -> re.Pattern[str] | None:
    """One regex for whole words or phrases; a space in a phrase matches spaces or hyphens.

    The alternatives are written as a trie ("tra(?:in(?:s)?|m)"), which compiles and
    matches much faster than a flat list, and still tries the longest phrase first.
    """
    if not words:
        return None
    keys = {w if case else w.casefold() for w in words}
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(keys)})(?![\w-])", 0 if case else re.IGNORECASE)


def trie_pattern(words: Iterable[str], *, space: str = r"[\s-]+") -> str:
    r"""A regex alternation of ``words`` written as a trie, the longest match first.

    "tra(?:in(?:s)?|m)" compiles and scans much faster than "trains|train|tram"; a space
    in a phrase matches ``space``.

    Examples
    --------
    >>> trie_pattern(["train", "trains", "tram"])
    'tra(?:in(?:s)?|m)'

    """
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [(space if ch == " " else re.escape(ch)) + emit(node[ch])
                for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return emit(root)


class Lexicon:
    """The compiled word lists."""

    def __init__(self, modes: dict[str, Any], claims: dict[str, Any], where: Path, *,
                 calendar: Sequence[str] = ()) -> None:
        #: Months and days (geoparse.toml's [calendar]): "from March" is a date, no place.
        self.calendar = frozenset(w.casefold() for w in calendar)
        self._cue_of: dict[str, ModeCue] = {}
        self._cue_of_exact: dict[str, ModeCue] = {}
        self._patterns: list[tuple[re.Pattern[str], ModeCue]] = []
        folded: list[str] = []
        exact: list[str] = []
        for i, item in enumerate(modes.get("cue", [])):
            cue = _cue(item, f"{where.name}: cue {i + 1}")
            named = item.get("kind") in ("service", "operator")
            for text in [item["text"], *item.get("variants", [])]:
                if not isinstance(text, str) or not text.strip():
                    raise DataError(f"{where.name}: cue {i + 1}: empty text")
                if "pattern" in item and text == item["text"]:
                    continue  # the pattern is the cue; its text is a label
                if named:
                    exact.append(text)
                    self._cue_of_exact.setdefault(text, cue)
                else:
                    folded.append(text)
                    self._cue_of.setdefault(_key(text), cue)
            if "pattern" in item:
                try:
                    self._patterns.append((re.compile(item["pattern"]), cue))
                except re.error as exc:
                    raise DataError(f"{where.name}: cue {i + 1}: bad pattern ({exc})") from None
        # One scan says whether any pattern matches at all: most sentences have none, and
        # then the patterns are not run one by one.
        self._any_pattern = _any_of([r for r, _ in self._patterns])
        self._folded = _words_regex(folded, case=False)
        self._exact = _words_regex(exact, case=True)
        # Every negative phrase in one regex (a phrase looked up by its folded text), and
        # the few patterns apart.
        self._negative_of: dict[str, Negative] = {}
        self._negative_patterns: list[tuple[re.Pattern[str], Negative]] = []
        for i, item in enumerate(modes.get("negative", [])):
            unless_pair = item.get("unless_pair", False)
            if not isinstance(unless_pair, bool):
                raise DataError(f"{where.name}: negative {i + 1}: unless_pair must be true or "
                                "false")
            neg = Negative(item["text"], item["effect"], item.get("applies_to", ""),
                           item.get("reason", ""), unless_pair, item.get("cue_kind", ""))
            for w in [item["text"], *item.get("variants", [])]:
                if "X" not in w and "(" not in w:
                    self._negative_of.setdefault(_key(w), neg)
            if "pattern" in item:
                try:
                    self._negative_patterns.append((re.compile(item["pattern"]), neg))
                except re.error as exc:
                    msg = f"{where.name}: negative {i + 1}: bad pattern ({exc})"
                    raise DataError(msg) from None
        self._negative_words = _words_regex(list(self._negative_of), case=False)
        self._any_negative = _any_of([r for r, _ in self._negative_patterns])

        def words(name: str) -> re.Pattern[str]:
            """The ``[name]`` word list of claims.toml, as one case-blind pattern."""
            return _need(_words_regex(claims[name]["words"], case=False), name)

        self.travel = words("travel")
        self.relation = words("relation")
        self.apart = words("apart")
        self.not_travel = words("not_travel")
        self.trip_nouns = words("trip_nouns")
        self.next_leg = words("next_leg")
        self.not_travel_after = words("not_travel_after")
        self.features = words("features")
        self.features_along = words("features_along")
        self.crossings = words("crossings")
        self.anchors = words("anchors")
        self.epicentre = words("epicentre")
        self.freight = words("freight")
        self.one_off = words("one_off")
        self.change = words("change")
        self.special_service = words("special_service")
        self.before_opening = words("before_opening")
        self.nearest_points = words("nearest_points")
        self.planned = words("planned")
        self.wait_places = words("wait_places")
        self.elapsed = words("elapsed")
        self.part_of = words("part_of")
        self.validity = words("validity")
        self.times_of_day = words("times_of_day")
        self.worst_case = words("worst_case")
        self.event_names = words("event_names")
        self.faster_than_modelled = words("faster_than_modelled")
        self.small_craft = words("small_craft")
        self.closures = words("closures")
        self.found_at = words("found_at")
        self.travel_verbs = words("travel_verbs")
        self.within_the_time = words("within_the_time")
        self.times_only = words("times_only")
        self.site_tails = words("site_tails")
        self.new_lines = words("new_lines")
        self.slow_railways = words("slow_railways")
        self.detours = words("detours")
        self.races = words("races")
        self.differences_after = words("differences_after")
        self.mountain_roads = words("mountain_roads")
        self.ways = words("ways")
        self.onward_legs = words("onward_legs")
        self.records = words("records")
        self.new_roads = words("new_roads")
        self.fast_roads = words("fast_roads")
        self.multiple_capitals = frozenset(claims["multiple_capitals"]["words"])
        self.arrival = words("arrival")
        self.former_way = words("former_way")
        self.negation = words("negation")
        self.titles = frozenset(w.casefold() for w in claims["titles"]["words"])
        self._compass: dict[str, tuple[str, float]] = {}
        compass_words: list[str] = []
        for code, table in claims["compass"].items():
            for word in table["words"]:
                self._compass[word.casefold()] = (code, float(table["bearing"]))
                compass_words.append(word)
        spelled = [w for w in compass_words if not w.replace(".", "").isupper()]
        codes = [w for w in compass_words if w.replace(".", "").isupper()]
        self.compass_words = _need(_words_regex(spelled, case=False), "compass")
        self.compass_codes = _need(_words_regex(codes, case=True), "compass")
        self.references = {kind: _need(_words_regex(words, case=False), kind)
                           for kind, words in claims["reference"].items()}
        #: "the volcano" -> the feature classes it may stand for
        self.feature_references = [
            (_need(_words_regex(words, case=False), classes), frozenset(classes.split()))
            for classes, words in claims["feature_reference"].items()]
        # Named border lines: (names as written, the two countries)
        self.border_lines: list[tuple[re.Pattern[str], tuple[str, str]]] = []
        for i, item in enumerate(claims.get("border_line", [])):
            names, pair = item.get("names"), item.get("countries")
            if not (isinstance(names, list) and names and isinstance(pair, list)
                    and len(pair) == 2 and item.get("source")):
                raise DataError(f"{where.name}: border_line {i + 1}: needs names, two "
                                "countries and a source")
            self.border_lines.append((_need(_words_regex(names, case=True),
                                            "border_line"), (pair[0], pair[1])))

    def cues(self, text: str, start: int = 0, end: int | None = None
             ) -> Iterator[tuple[int, int, ModeCue]]:
        """Mode cues in ``text[start:end]``, as ``(start, end, cue)``, in order."""
        end = len(text) if end is None else end
        found: list[tuple[int, int, ModeCue]] = []
        if self._folded is not None:
            for m in self._folded.finditer(text, start, end):
                cue = self._cue_of.get(_key(m.group()))
                if cue is not None:
                    found.append((m.start(), m.end(), cue))
        if self._exact is not None:
            for m in self._exact.finditer(text, start, end):
                cue = self._cue_of_exact.get(m.group())
                if cue is not None:
                    found.append((m.start(), m.end(), cue))
        if self._any_pattern is not None and self._any_pattern.search(text, start, end):
            for regex, cue in self._patterns:
                for m in regex.finditer(text, start, end):
                    found.append((m.start(), m.end(), cue))
        yield from sorted(found, key=lambda t: (t[0], -t[1]))

    def service(self, name: str) -> ModeCue | None:
        """The named service (a strong cue of kind ``service``) that ``name`` is, if any.

        >>> load_lexicon().service("Kodama").mode, load_lexicon().service("Kyoto")
        ('rail', None)
        """
        cue = self._cue_of_exact.get(name) or self._cue_of.get(_key(name))
        return cue if cue is not None and cue.kind == "service" and cue.strong else None

    def negatives(self, text: str, start: int = 0, end: int | None = None
                  ) -> Iterator[tuple[int, int, Negative]]:
        """Non-trip phrases in ``text[start:end]``, as ``(start, end, negative)``."""
        end = len(text) if end is None else end
        found = [(m.start(), m.end(), neg) for regex, neg in self._negative_patterns
                 for m in regex.finditer(text, start, end)] if (
            self._any_negative is not None and self._any_negative.search(text, start, end)
        ) else []
        if self._negative_words is not None:
            for m in self._negative_words.finditer(text, start, end):
                neg = self._negative_of.get(_key(m.group()))
                if neg is not None:
                    found.append((m.start(), m.end(), neg))
        yield from sorted(found, key=lambda t: (t[0], t[1], t[2].text))

    def compass(self, word: str) -> tuple[str, float] | None:
        """The compass code and bearing of a direction word ("south-west" -> SW, 225)."""
        return self._compass.get(word.casefold()) or self._compass.get(
            re.sub(r"[\s-]+", "-", word.casefold()))


class Scan:
    """The mode cues and non-trip phrases of one text, read by stretch, each scanned once.

    The claim finder asks for the cues of many clauses, sentences and passages of the same
    text. The text is scanned span by span (its sentences), each when first asked for, and
    a stretch gives what lies wholly inside it, in the order of :meth:`Lexicon.cues` and
    :meth:`Lexicon.negatives`. Nothing crosses a span's end.

    Examples
    --------
    >>> text = "A ferry leaves at noon. Then a 72-hour visa-free transit by train."
    >>> scan = Scan(load_lexicon(), text, [(0, 23), (23, len(text))])
    >>> [c.mode for _, _, c in scan.cues(0, 23)], [c.mode for _, _, c in scan.cues(0, 66)]
    (['sea'], ['sea', 'rail'])
    >>> [n.effect for _, _, n in scan.negatives(23, 66)]
    ['not_trip']

    """

    def __init__(self, lex: Lexicon, text: str, spans: list[tuple[int, int]]) -> None:
        self._lex = lex
        self._text = text
        self._spans = spans
        self._starts = [s for s, _ in spans]
        self._cues: dict[int, list[tuple[int, int, ModeCue]]] = {}
        self._negatives: dict[int, list[tuple[int, int, Negative]]] = {}

    def _overlapping(self, start: int, end: int) -> range:
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        return range(first, bisect.bisect_left(self._starts, end))

    def cues(self, start: int, end: int) -> list[tuple[int, int, ModeCue]]:
        """The cues wholly inside ``[start, end)``."""
        out = []
        for k in self._overlapping(start, end):
            found = self._cues.get(k)
            if found is None:
                found = self._cues[k] = list(self._lex.cues(self._text, *self._spans[k]))
            out += [t for t in found if t[0] >= start and t[1] <= end]
        return out

    def negatives(self, start: int, end: int) -> list[tuple[int, int, Negative]]:
        """The non-trip phrases wholly inside ``[start, end)``."""
        out = []
        for k in self._overlapping(start, end):
            found = self._negatives.get(k)
            if found is None:
                found = self._negatives[k] = list(self._lex.negatives(self._text,
                                                                      *self._spans[k]))
            out += [t for t in found if t[0] >= start and t[1] <= end]
        return out


def _any_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex that matches where any of ``patterns`` does (their flags kept, scoped)."""
    if not patterns:
        return None
    parts = []
    for r in patterns:
        flags = "".join(f for f, bit in (("i", re.IGNORECASE), ("m", re.MULTILINE),
                                         ("s", re.DOTALL), ("x", re.VERBOSE))
                        if r.flags & bit)
        body = re.sub(r"^\(\?[imsx]+\)", "", r.pattern)
        parts.append(f"(?{flags}:{body})" if flags else f"(?:{body})")
    return re.compile("|".join(parts))


def _key(text: str) -> str:
    """A cue's text folded for lookup: case, and hyphens or runs of spaces."""
    return " ".join(text.casefold().replace("-", " ").split())


def _need(regex: re.Pattern[str] | None, what: str) -> re.Pattern[str]:
    if regex is None:
        raise DataError(f"claims.toml: [{what}] has no words")
    return regex


def _cue(item: dict[str, Any], where: str) -> ModeCue:
    mode = item.get("mode")
    strength = item.get("strength")
    if mode not in MODES or strength not in ("strong", "weak") or not item.get("text"):
        raise DataError(f"{where}: needs text, a mode ({', '.join(MODES)}) and a strength")
    qualified = item.get("qualified", False)
    if qualified not in (True, False) or (qualified and strength != "weak"):
        raise DataError(f"{where}: qualified is true or false, and only on a weak cue")
    governs = item.get("governs", True)
    if governs not in (True, False):
        raise DataError(f"{where}: governs is true or false")
    stopping = item.get("stopping", False)
    if stopping not in (True, False) or (stopping and not item.get("high_speed")):
        raise DataError(f"{where}: stopping is true or false, and only on a high-speed cue")
    return ModeCue(item["text"], mode, strength, bool(item.get("high_speed", False)),
                   item.get("activity", ""), item.get("kind", ""), item.get("source", ""),
                   bool(item.get("urban", False)), qualified, governs, stopping)


def _read(path: Path) -> dict[str, Any]:
    from routes.cache import cached

    if not path.exists():
        raise DataError(f"lexicon file not found: {path}")
    return cached("toml", [path], lambda: read_toml(path, what="lexicon file"))


@functools.cache
def _load(folder: Path) -> Lexicon:
    modes_path = folder / "lexicon" / "modes.toml"
    try:
        calendar = _read(folder / "lexicon" / "geoparse.toml")["calendar"]["words"]
        return Lexicon(_read(modes_path), _read(folder / "lexicon" / "claims.toml"),
                       modes_path, calendar=calendar)
    except DataError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"lexicon: malformed ({type(exc).__name__}: {exc})") from None


def load_lexicon() -> Lexicon:
    """The lexicon of :data:`routes.settings.data_folder` (read once per folder)."""
    return _load(settings.data_folder)
