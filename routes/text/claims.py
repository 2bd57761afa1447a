"""Find the travel claims of a text: the figure, the places it joins, and the mode.

A claim is a distance, duration or speed (:mod:`routes.text.quantities`) about a trip
between places. The words that decide are data (:mod:`routes.text.lexicon`); this module
reads them in context:

* **Is it a claim?** A figure is left out when a phrase near it makes it something else: a
  rate ("186 miles per hour"), a wait ("a two-hour layover"), a size ("the 6 km bridge",
  "a 240 km-wide strait"), an event ("a three-day summit"), a limit or a threshold. A
  distance needs a word that ties it to places ("from", "north of", "apart"); a duration
  needs a word of travel ("flight", "takes", "away").
* **Between which places?** First rule that applies: an explicit pair ("from A to B",
  "between A and B", "A–B", "linking A and B"); "X, N km (north) of/from Y", where Y may be
  a reference the passage pins down ("the Somali capital", "the capital, Jakarta", "the
  Jordanian border"); "N km to the north" of the place before it, "N km further west" of
  where the figure before ended; "Lukla, which is a 35-minute flight from Kathmandu" (the
  place a relative clause hangs on); the pair an earlier figure of the sentence was
  about; the places of the sentence; the trip the passage is about.
* **By which mode?** The cue nearest the figure in its clause, else its sentence (named
  services such as Eurostar or KTX and strong words such as "flight" settle it; weak words
  suggest it), else the passage's topic when all its strong cues agree; "three hours north
  of Cairo" is read as a drive, by convention.

Each claim says how sure each reading is (``places_confidence``, ``mode_confidence``, with
a note), and :mod:`routes.verdicts` flags a claim only when both are sure.

Examples
--------
>>> [(c.quantity.surface, c.origin.name, c.destination.name, c.mode, c.relation)
...  for c in find_claims("Baquba, 65 km north of Baghdad, was quiet.")]
[('65 km', 'Baghdad', 'Baqubah', 'unspecified', 'direction_of')]
>>> c = find_claims("The Eurostar from London to Paris takes 2 hours 16 minutes.")[0]
>>> c.mode, c.mode_confidence, c.high_speed
('rail', 'sure', True)

"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from routes.geo.geodesy import distance_km
from routes.geo.geoparse import Mention, find_places, gazetteer_place
from routes.geo.places import Place, normalize_name
from routes.text.lexicon import Lexicon, ModeCue, Scan, load_lexicon
from routes.text.quantities import Quantity, find_quantities

__all__ = ["Claim", "bearing_deg", "claim_text", "compass_of", "country_name", "find_claims"]

# Ends of a trip that are points; the others (countries, regions, islands) are areas.
LOCAL_KINDS = frozenset({"city", "station", "landmark", "border_post", "bridge", "airport",
                         "town", "border", "port"})
AREA_KINDS = frozenset({"country", "admin1", "admin2", "region", "continent", "sea",
                        "island"})
CONFIDENCE = ("none", "likely", "sure")


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure about a trip: its places, mode and relation, and how sure each reading is.

    ``relation`` is ``from_to``, ``between``, ``direction_of`` ("N km north of Y"),
    ``distance_from`` ("N km from Y"), ``route_length`` ("the 621 km line from A to B") or
    ``unknown``. ``direction`` is the compass point the text gives for the destination as
    seen from the origin. ``places_confidence`` and ``mode_confidence`` are ``sure``,
    ``likely`` or ``none``; ``places_note`` and ``mode_basis`` say why.
    """

    quantity: Quantity
    origin: Place | None
    destination: Place | None
    mode: str
    relation: str
    sentence: tuple[int, int]
    alt_of: int | None = None
    text: str = field(default="", repr=False, compare=False)
    direction: str | None = None
    mode_confidence: str = "none"
    mode_basis: str = ""
    # The text names a high-speed service of the mode: a high-speed train ("Shinkansen") or
    # a fast craft ("catamaran", "hydrofoil")
    high_speed: bool = False
    activity: str = ""
    places_confidence: str = "none"
    places_note: str = ""
    round_trip: bool = False
    freight: bool = False
    one_off: bool = False
    urban: bool = False
    former: bool = False  # the time before a change the sentence tells of ("from three days")
    # Other readings of an end's name scored close behind the one taken, as ("origin" or
    # "destination", place): a figure that fits one of them is not flagged.
    namesakes: tuple[tuple[str, Place], ...] = field(default=(), compare=False)
    # The pairing is sure and only namesakes make the places unsure: a verdict that every
    # reading with a namesake shares is sure ("from Sydney to Los Angeles", 5 hours).
    namesake_doubt: bool = field(default=False, compare=False)
    # "the return trip": one way or both, so both readings count
    either_way: bool = False
    # How the text chose an end among its namesakes ("Paradise" is the one the compass
    # point and the figure place): said with any verdict, not only as a doubt
    reading: str = ""
    # The words that put the figure on a way not yet built or opened ("will cut"), or ""
    planned: str = ""
    # The words that name a vehicle run outside the timetable ("armoured train"), or ""
    special: str = ""
    # The words that name a craft that keeps no timetable ("small boats"), or ""
    craft: str = ""
    # A high-speed service that calls at most stations ("the Kodama"): not held to the
    # fastest trains' times
    stopping: bool = False


def claim_text(claim: Claim) -> str:
    """The sentence the claim stands in."""
    return claim.text[claim.sentence[0]:claim.sentence[1]]


def bearing_deg(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Initial great-circle bearing from ``a`` to ``b`` (``(lat, lon)``), in degrees."""
    import math

    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    x = math.sin(lo2 - lo1) * math.cos(la2)
    y = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(lo2 - lo1)
    return math.degrees(math.atan2(x, y)) % 360.0


def compass_of(bearing: float) -> str:
    """The 16-point compass code of a bearing (0 = north, 90 = east)."""
    points = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
              "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
    return points[round(bearing / 22.5) % 16]


# --------------------------------------------------------------------------------------
# Sentences and clauses
# --------------------------------------------------------------------------------------

_STOP = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")
_NEXT = re.compile(r"\s+([\"'“‘(\[]?\S)")
_WORD_END = re.compile(r"([\w.]+)[.!?]*$")
_WORDISH = re.compile(r"[\w.!?]")
_WORDISH_RUN = re.compile(r"[\w.!?]+")


def _word_before(text: str, start: int, end: int) -> str:
    r"""The word a stop at ``end - 1`` ends (stops and case dropped), from ``start`` on.

    What ``([\w.]+)[.!?]*$`` finds in ``text[start:end]``, read from the end: such a match
    lies in the run of word characters and stops that ends at ``end``, so the search starts
    there and not at the sentence's start.
    """
    lo = max(start, end - 64)
    run = _WORDISH_RUN.match(text[lo:end][::-1])  # the run ending at ``end``, reversed
    lo = end - (run.end() if run is not None else 0)
    if lo == end - 64 and lo > start:  # a run longer than the window: walk back the rest
        while lo > start and _WORDISH.match(text, lo - 1):
            lo -= 1
    word = _WORD_END.search(text, lo, end)
    return word.group(1).rstrip(".").casefold() if word else ""


def _sentences(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Sentence spans: a stop ends one when a capital, digit or quote follows it.

    A stop after a title ("Mt."), after dotted initials ("U.S.") or inside a number
    ("17.5") does not end a sentence; one after a unit's letter ("300 km/h.") does.
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in _STOP.finditer(text):
        end = m.end()
        if m.group() != "\n":
            nxt = _NEXT.match(text, end)
            if nxt is None or not (nxt.group(1)[-1].isupper() or nxt.group(1)[-1].isdigit()
                                   or nxt.group(1)[0] in "\"'“‘([") :
                continue
            token = _word_before(text, start, m.start() + 1)
            unit = text[max(0, m.start() - 2):m.start() - 1] == "/"  # "300 km/h. Trains"
            if token in lex.titles or (not unit and (
                    re.fullmatch(r"(?:\w\.)+\w?", token + ".")
                    or (re.fullmatch(r"[A-Z]", token.upper()) and len(token) == 1))):
                continue
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out


# ", and demand for tickets has soared": "and" before a new subject (a noun and its "for",
# "of" or verb) opens a clause of its own
_CLAUSE_MARK = re.compile(r"[;:]\s|,\s+(?:but|while|whereas|although|though|or|and then|"
                          r"which|where|who)\b|,\s+and\s+(?=(?:the|a|an|it|its|they|we|"
                          r"trains?|flights?|buses|ferries|cars)\b|[a-z]+\s+(?:for|of|has|"
                          r"have|had|is|are|was|were)\b)|\bbut\b|\bwhereas\b|\bwhile\b")


_SUBORDINATE = re.compile(r"\s*[\"'“‘]?(?:Though|Although|While|Whereas|If|When|Because|"
                          r"Since|Unless|Even though|Even if)\b")


def _clause(text: str, sent: tuple[int, int], q: Quantity) -> tuple[int, int]:
    """The clause of ``q``: its sentence cut at semicolons, colons and contrasting words.

    Brackets and dashes are asides, not clause ends: "Brussels (1h48)" keeps its figure in
    the clause that names the place.
    """
    s, e = sent
    marks = [(m.start(), m.end()) for m in _CLAUSE_MARK.finditer(text, s, e)]
    # "Though a flight takes 90 minutes, a trip by rail would take 10 hours": a sentence
    # that opens with a subordinate clause has a clause break at its first comma.
    lead = _SUBORDINATE.match(text, s)
    if lead is not None:
        comma = text.find(",", lead.end(), e)
        if comma >= 0:
            marks.append((comma, comma + 1))
    lo = max((b for a, b in marks if b <= q.start), default=s)
    hi = min((a for a, b in marks if a >= q.end), default=e)
    if _RELATIVE_OPENS.search(text, max(s, lo - 12), lo):
        # "Services from London to Paris, which normally take about 2 hours 20 minutes, were
        # suspended …": a relative clause set off by commas ends at the next one
        comma = text.find(",", q.end, hi)
        if comma >= 0:
            hi = comma
    return lo, hi


_RELATIVE_OPENS = re.compile(r",\s+(?:which|who)\s*$")


# --------------------------------------------------------------------------------------
# The passage
# --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _End:
    """One end of a claim as read: a place, how sure, and where it was named."""

    place: Place
    confidence: str
    note: str = ""
    at: int = -1
    namesakes: tuple[Place, ...] = ()  # other readings of its name scored close behind
    rival: bool = False  # not sure only because a namesake may be meant
    # Taken from the context, not named with the figure: "alone" when no other place it
    # could be lies more than _CLUSTER_KM from it, "among" when one does
    context: str = ""


@dataclass(slots=True)
class _Passage:
    text: str
    lex: Lexicon
    scan: Scan
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    demonyms: list[Mention]
    by_sentence: list[list[Mention]]
    topics: dict[int, tuple[str, str] | None]
    countries: Counter[str]
    starts: list[int] = field(default_factory=list)  # of the sentences, for sentence_of
    # The pairs of each span, found once (see _pairs)
    pairs: dict[tuple[int, int, tuple[int, ...]], list[tuple[Mention, Mention, str]]] = \
        field(default_factory=dict)

    def topic(self, pos: int) -> tuple[str, str] | None:
        """The mode the text around ``pos`` is about (see :func:`_topic`).

        The article, not a whole long text: within ``_TOPIC_REACH`` characters.
        """
        key = pos // _TOPIC_REACH
        if key not in self.topics:
            lo = max(0, (key - 1) * _TOPIC_REACH)
            self.topics[key] = _topic(self, lo,
                                      min(len(self.text), (key + 2) * _TOPIC_REACH))
        return self.topics[key]

    def sentence_of(self, pos: int) -> int:
        if len(self.starts) != len(self.sentences):
            self.starts = [s for s, _ in self.sentences]
        k = bisect.bisect_right(self.starts, pos) - 1
        return k if k >= 0 and pos < self.sentences[k][1] else -1


def _passage(text: str, mentions: Sequence[Mention], lex: Lexicon) -> _Passage:
    sentences = _sentences(text, lex)
    # "The Kodama from Tokyo": a named service, not the small town of that name
    places = sorted((_as_town(text, m) for m in mentions if not m.demonym and not (
        m.place.population < _SERVICE_TOWN and lex.service(m.text) is not None)),
        key=lambda m: m.start)
    demonyms = sorted((m for m in mentions if m.demonym), key=lambda m: m.start)
    starts = [s for s, _ in sentences]
    groups: list[list[int]] = [[] for _ in sentences]  # indices into places
    for i, m in enumerate(places):
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < sentences[k][1]:
            groups[k].append(i)
    for group, (lo, hi) in zip(groups, sentences, strict=True):
        named = [places[i] for i in group]
        for i, m in zip(group, _without_foreign_rivals(
                named, [d for d in demonyms if lo <= d.start < hi]), strict=True):
            places[i] = m
    countries = Counter(m.place.country for m in mentions if m.place.country)
    return _Passage(text, lex, Scan(lex, text, sentences), sentences, places, demonyms,
                    [[places[i] for i in group] for group in groups], {}, countries)


_SERVICE_TOWN = 100_000  # a town this big keeps a service's name ("Sakura", Chiba)


def _without_foreign_rivals(group: Sequence[Mention], demonyms: Sequence[Mention]
                            ) -> list[Mention]:
    """Forget a place's namesakes abroad when its sentence names its country's places only.

    "Kegalle District, about 72 km north of Colombo": another place of the sentence lies in
    Sri Lanka and none in Brazil, so Colombo, Brazil is no reading to warn about. Each
    mention of ``group`` (one sentence's places) keeps only the candidates in its own
    place's country or in a country another name of the sentence is in (one of its places
    or ``demonyms``), and its much bigger namesakes (:meth:`Mention.bigger_namesakes`).
    """
    if len(group) < 2:
        return list(group)
    named = [*group, *demonyms]
    out = []
    for m in group:
        others = {o.place.country for o in named if o.text != m.text and o.place.country}
        if m.candidates and m.place.country in others:
            # A much bigger namesake abroad stays a reading: "from Perth to London" may be
            # read as Perth, Scotland, but the city of two million is Perth, Australia.
            bigger = m.bigger_namesakes()
            kept = tuple(c for c in m.candidates
                         if c.country == m.place.country or c.country in others
                         or c in bigger)
            m = replace(m, candidates=kept) if len(kept) < len(m.candidates) else m
        out.append(m)
    return out


_TOWN_LEAD = re.compile(r"(?i)\b(?:port|city|town|harbou?r|capital)\s+of\s+(?:the\s+)?$")


def _as_town(text: str, m: Mention) -> Mention:
    """A country named as a town ("the Red Sea port of Djibouti") is its town of that name."""
    if m.place.kind != "country" or not _TOWN_LEAD.search(text[max(0, m.start - 25):m.start]):
        return m
    return _town_named_like(m)


def _town_named_like(m: Mention) -> Mention:
    """A country's mention read as the biggest town of the country with its name, if any."""
    town = _town_named(m.place, m.text)
    return m if town is m.place else replace(m, place=town)


def _own_town(m: Mention) -> Mention:
    """A country's mention read as its town of the very same name (Djibouti), if any."""
    town = _town_named_like(m)
    return town if normalize_name(town.place.name) == normalize_name(m.place.name) else m


def _town_named(country: Place, name: str = "") -> Place:
    """The biggest town of ``country`` named ``name`` (the country's name), or the country."""
    from routes.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    towns = [e for e in gaz.candidates(normalize_name(name or country.name))
             if gaz.kind(e) == "city" and gaz.country_of(e) == country.country]
    if not towns:
        return country
    best = max(towns, key=lambda e: (gaz.population(e), -e))
    return gazetteer_place(gaz, best)


_TOPIC_REACH = 2_000  # characters: about an article's length


def _topic(p: _Passage, lo: int, hi: int) -> tuple[str, str] | None:
    """The mode a stretch of text is about.

    The mode of all its strong cues, if they agree, else of all its cues, if they agree.
    """
    cues = [c for _, _, c in _cues(p, lo, hi) if c.mode not in ("straight", "walk")]
    strong = Counter(c.mode for c in cues if c.strong)
    every = Counter(c.mode for c in cues)
    for modes in (strong, every):
        if len(modes) == 1:
            mode, n = modes.most_common(1)[0]
            return mode, f"the passage is about {mode} travel ({n} cue{'s' * (n > 1)})"
        if modes:
            return None
    return None


# --------------------------------------------------------------------------------------
# Mode
# --------------------------------------------------------------------------------------

# A cue word capitalised inside a sentence is part of a name ("Longyang Road"), unless the
# lexicon lists it as a named service or operator.
_NAMED_KINDS = frozenset({"service", "operator"})


def _cues(p: _Passage, lo: int, hi: int, *,
          figures: Sequence[Quantity] = ()) -> list[tuple[int, int, ModeCue]]:
    """Mode cues in ``text[lo:hi]`` that stand as cues here.

    Left out: a word the lexicon marks as meaning something else here ("air raid"), a cue
    denied before it ("instead of a flight", "without taking ferries"), a road word that is
    part of a street's name ("Longyang Road"), and a unit inside a figure ("22 nautical
    miles"). A trip word a figure qualifies is a sure cue where the lexicon says so ("a
    five-hour drive": "drive" alone may be a hard drive).
    """
    text, lex = p.text, p.lex
    blocked = [(s, e, n.cue_kind) for s, e, n in p.scan.negatives(lo, hi) if n.effect ==
               "disambiguation"]
    out = []
    for s, e, cue in p.scan.cues(lo, hi):
        if any((bs <= s < be or bs < e <= be) and kind in ("", cue.kind)
               for bs, be, kind in blocked):
            continue
        if any(f.start <= s and e <= f.end for f in figures):
            continue  # a unit of the figure ("22 nautical miles")
        if cue.qualified and (any(re.fullmatch(r"[\s-]{0,2}", text[f.end:s])
                                  for f in figures if f.end <= s) or any(
                _NOUN_OF.fullmatch(text, e, f.start) for f in figures if f.start >= e)):
            cue = replace(cue, strength="strong")  # "a five-hour drive", "a drive of 350 km"
        elif cue.kind == "verb" and cue.governs and any(_VERB_GAP.fullmatch(text, e, f.start)
                                                        for f in figures if f.start >= e):
            cue = replace(cue, strength="strong")  # "walked for three days", "drove 300 km"
        beside = any((e <= f.start and re.fullmatch(r"[\s-]{0,2}", text[e:f.start])) or
                     (f.end <= s and re.fullmatch(r"[\s-]{0,2}", text[f.end:s]))
                     for f in figures)
        if not beside and lex.negation.search(text[max(lo, s - 40):s]) and re.search(
                r"(?i)\b(?:instead of|rather than|without|not by|no longer|avoid\w*|skip\w*|"
                r"in place of)\s+(?:\w+\s+){0,3}$", text[max(lo, s - 40):s]):
            # "without taking ferries": denied; but "without driving 100 km around the
            # bay" still says the 100 km are driven
            continue
        word = text[s:e]
        if cue.kind not in _NAMED_KINDS and cue.mode in ("road", "walk") and \
                word[:1].isupper() and not word.isupper():
            before = text[max(0, s - 3):s]
            if s > 0 and not re.search(r"(?:^|[.!?:\"“]\s*|\n\s*)$", before):
                continue  # part of a street's name
        out.append((s, e, cue))
    return out


# Between a trip noun and the figure that measures it ("a drive of about 350 km")
_NOUN_OF = re.compile(r"(?i)\s+of\s+(?:(?:about|around|some|nearly|almost|over|just|roughly|"
                      r"under|more\s+than|less\s+than)\s+)?")
# Between a verb of travel and the figure it governs ("walked for three days")
_VERB_GAP = re.compile(r"(?i)\s+(?:for\s+)?(?:(?:about|around|some|nearly|almost|over|just|"
                       r"roughly|more\s+than|less\s+than)\s+)?")


@dataclass(frozen=True, slots=True)
class _Mode:
    mode: str = "unspecified"
    confidence: str = "none"
    basis: str = ""
    high_speed: bool = False
    activity: str = ""
    urban: bool = False
    stopping: bool = False


def _mode(p: _Passage, q: Quantity, sent: tuple[int, int], clause: tuple[int, int],
          relation: str, quantities: Sequence[Quantity]) -> _Mode:
    """The mode of ``q`` (see the module text).

    A cue belongs to the figure nearest it ("370 km as the crow flies, and the Nozomi makes
    the trip in two hours"): the cues of the clause that are nearest ``q`` come first, then
    the other cues of the clause and of the sentence, with less confidence. A static
    distance ("N km north of Y") takes only cues nearest it.
    """
    text = p.text
    static = relation in ("direction_of", "distance_from")
    found = _cues(p, *clause, figures=quantities)
    apart = _APART_RIGHT_AFTER.match(text, q.end) if q.kind == "distance" else None
    if apart is not None:
        # "Copenhagen to Malmö, about 30 km apart": how far apart the places are, whatever
        # way the sentence travels; only a word of measure gives it a mode, or the way
        # said right after ("500 km apart by road", "by the highway")
        found = [c for c in found if c[2].mode == "straight" or (
            0 <= c[0] - apart.end() <= 12 and re.fullmatch(
                r"\s+(?:by\s+(?:the\s+)?)?", text[apart.end():c[0]]) is not None)]
        if not found:
            return _Mode()
    # "Almost 700 km separate Lagos from Abuja, a one-hour flight": a trip word right after
    # another figure is that figure's
    # ("a 200 km, seven-hour bus ride" shares its noun between the two figures)
    found = [c for c in found if not any(
        o is not q and q.end <= o.start and o.end <= c[0]
        and re.fullmatch(r"[\s-]{0,2}", text[o.end:c[0]])
        and not re.fullmatch(r"[\s,]*(?:(?:and|or)\s+)?", text[q.end:o.start])
        for o in quantities)]
    # "cut the journey from three days by road to about 12 hours": the words between the
    # time before a change and the time after it are the time before's
    before = _before_change(p, q, sent, quantities)
    if before is not None:
        found = [c for c in found if not before.end <= c[0] < q.start]
    # A verb that vehicles do too is no cue where the sentence names another way ("trains,
    # which run at up to 320 km/h"): it is that way's verb.
    if any(c[2].kind == "verb" and not c[2].governs for c in found):
        others = [c for c in _cues(p, *sent, figures=quantities)
                  if not (c[2].kind == "verb" and not c[2].governs)]
        if others:
            found = [c for c in found if not (c[2].kind == "verb" and not c[2].governs)]
    if q.kind != "distance":
        # "as the crow flies" measures a distance; a time is another figure's ("a flight to
        # Bukhara, 440 km away as the crow flies, takes an hour"), in every tier below
        found = [c for c in found if c[2].mode != "straight"]
    # A cue belongs to the nearest figure of each kind: in "Ferries take two hours to cross
    # the 80 km", the ferries are the mode of both.
    same = [o for o in quantities if o.kind == q.kind]
    own = [c for c in found if _nearest_is(q, (c[0], c[1]), same, text)]
    # "linked by the AVE, which covers the 621 km in one hour": the service the clause
    # hangs on
    # ("the flight between Dakar and Bamako, which takes about five hours, or buses that
    # take two days": the flight's, not the buses' of the next clause)
    opening = re.search(r"(?i),\s+(?:which|that)$", text[max(0, clause[0] - 20):clause[0]])
    if opening is not None and not any(clause[0] <= c[0] < clause[1] for c in own):
        comma = clause[0] - len(opening.group())
        hangs_on = [c for c in _cues(p, max(sent[0], comma - 60), comma, figures=quantities)
                    if _ANTECEDENT_TAIL.fullmatch(text[c[1]:comma])]
        if hangs_on or not own:
            own = hangs_on
    tiers: list[tuple[list[tuple[int, int, ModeCue]], bool]] = [(own, True)]
    if static:
        # "N km north of Y" is a position, not a trip: only a strong cue right beside it
        # ("by road", "as the crow flies") gives it a mode.
        # A cue before a place the figure locates is that sentence's ("The plane went down
        # near Pokhara, 200 km west of Kathmandu" places Pokhara; it flies nowhere).
        own = [c for c in own if c[2].strong and (
            (_distance((q.start, q.end), (c[0], c[1]), text) <= 30
             and not any(c[1] <= m.start and m.end <= q.start for m in p.mentions))
            # "By road, Samarkand lies 300 km from Tashkent": said of the whole sentence
            or (c[1] <= q.start and re.fullmatch(r"[\s\"“(]*", text[sent[0]:c[0]]) is not None
                and text[c[1]:c[1] + 1] == ","))]
        tiers = [(own, True)]
    elif q.kind == "distance":
        tiers += [(found, False)]
        if re.search(r"(?i)\bthe\s+distance\b", text[clause[0]:clause[1]]):
            # "Our bus took eight hours, though the distance is only 300 km": the trip's
            sentence = _cues(p, *sent, figures=quantities)
            tiers += [([c for c in sentence if _nearest_is(q, (c[0], c[1]), same, text)],
                       False)]
    else:
        tiers += [(found, False), ([c for c in _cues(p, *sent, figures=quantities)
                                    if before is None or not before.end <= c[0] < q.start],
                                   False)]
    for cues, sure in tiers:
        if q.kind != "distance":
            cues = [c for c in cues if c[2].mode != "straight"]
        if not cues:
            continue

        def rank(item: tuple[int, int, ModeCue]) -> tuple[int, int, int, int, int]:
            # a cue right after the figure is its own ("ten hours by road", "a five-hour
            # drive"), before a named service further off ("on the Madaraka Express")
            s, e, cue = item
            gap = min(abs(s - q.end), abs(q.start - e))
            named = cue.kind in _NAMED_KINDS
            touching = s >= q.end and re.fullmatch(r"[\s-]{0,2}", text[q.end:s]) is not None
            # "as the crow flies" says how the distance is measured, whatever else the
            # clause names ("the historic railway town about 350 km east of the capital")
            measure = q.kind == "distance" and cue.mode == "straight" and cue.strong
            return (0 if measure else 1, 0 if cue.strong else 1, 0 if touching else 1,
                    0 if named else 1, gap)

        s, e, cue = min(cues, key=rank)
        mode = cue.mode
        # A stopping service ("the Kodama") runs the high-speed line but keeps the times
        # of its slower trains: high-speed, but not held to the fastest trains' times
        high = any(c.high_speed for _, _, c in cues if c.mode == mode)
        stopping = any(c.stopping for _, _, c in cues if c.mode == "rail")
        # Two weak cues of one mode bear each other out ("container ships sail"), unless a
        # cue of another mode is as near.
        agreeing = {c.text for _, _, c in cues if c.mode == mode}
        corroborated = len(agreeing) >= 2 and all(c.mode == mode for _, _, c in cues)
        confidence = "sure" if (cue.strong or corroborated) and sure else "likely"
        return _Mode(mode, confidence, f"“{text[s:e]}”", high and mode in ("rail", "sea"),
                     cue.activity, cue.urban and mode == "rail", stopping and mode == "rail")
    if q.kind == "distance" and re.search(r"(?i)\bdistance\b", text[clause[0]:clause[1]]) \
            and not static:
        return _Mode("straight", "likely", "“distance”")
    # The passage's topic gives a trip's time its mode, even "N minutes away" (in a story of
    # a train ride, the next town is 50 minutes away by that train); a position ("N km
    # north of Y", "three hours north of Cairo") takes none.
    topic = p.topic(q.start) if (q.kind != "distance" and relation != "direction_of") or (
        not static and relation in ("from_to", "route_length")) else None
    if topic is not None:
        return _Mode(topic[0], "likely", topic[1])
    if q.kind == "duration" and static:
        return _Mode("road", "likely", "“hours away” is read as a drive")
    return _Mode()


# --------------------------------------------------------------------------------------
# Is it a claim?
# --------------------------------------------------------------------------------------

_DIR = (r"(?:(?:north|south|east|west)(?:[\s-]?(?:north|south)?(?:east|west))?|"
        r"[NSEW]{1,3}|N\.E\.|N\.W\.|S\.E\.|S\.W\.)")
# After a distance: "(…) [further] [to the] north(-east) of | from | away | off | inside | outside".
_AFTER = re.compile(
    rf"^\s*(?:\([^)]*\)\s*)?(?:[,–-]\s*)?(?:(?:or\s+so|or\s+more|in\s+all)\s+)?"
    # "five hours' drive from", "a day's walk from", "a 50-minute flight from": the trip's
    # noun, possessed or qualified
    rf"(?:(?:['’]s?)?\s+(?P<noun>drive|flight|ride|journey|walk|trip|sail|hike|trek|"
    rf"bus\s+ride|train\s+ride|boat\s+ride)(?:\s+by\s+[a-z]+)?\s+(?=from\b|away\b))?"
    rf"(?:(?P<further>(?:further|farther)\s+)?(?P<to>to\s+the\s+)?(?P<dir>{_DIR})(?:\s*\([^)]*\))?\s*(?P<of>of|from)?\b|"
    rf"(?P<rel>away\s+from|away|from|off(?:\s+the\s+coast\s+of)?|"
    # "outside Kabul", "outside the capital"; not "outside peak times"
    rf"outside(?:\s+of)?(?=\s+(?:the\s+|(?-i:[A-Z])))|"
    rf"inside|into|beyond|short\s+of|apart|distant|across|upstream\s+of|downstream\s+of)"
    rf"\b)", re.IGNORECASE)
# "within 20 km of Kyiv": a figure bounded by "within" is measured from what follows "of"
# (the other groups of _AFTER are there, never matching)
_WITHIN_OF = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?P<rel>of)\b(?=\s+\w)(?:(?!)(?P<noun>)(?P<further>)"
                        r"(?P<to>)(?P<dir>)(?P<of>))?")


def _after(text: str, q: Quantity) -> re.Match[str] | None:
    """What follows a figure that places it: "north of", "from", "away", "of" after "within"."""
    window = text[q.end:q.end + 60]
    found = _AFTER.match(window)
    if found is None and q.hedge_cue.lower() == "within":
        found = _WITHIN_OF.match(window)
    return found


_EVENT_AFTER = re.compile(r"(?i)^\s+(?:later|ago|earlier|after|before|since|of\s+(?:talks|"
                          r"fighting|delay|waiting|negotiations|hysteria|work))\b")
# The noun a figure qualifies: "a 126-kilometre toll expressway", "the 800-mile
# Trans-Alaska Pipeline System", "a three-hour mini-cruise".
_HEAD = re.compile(r"^[-\s]*(?:long\s+|-long\s+)?((?:(?:[A-Z][\w’'.]*|[a-z]+)[-\s]+){0,5}?)"
                   r"([a-z]+(?:-[a-z]+)*)\b")


_NEXT_WORDS = re.compile(r"\b[a-z]+(?:-[a-z]+)*\b")


def _head_noun(after: str) -> str:
    """The lower-case noun after a figure, past names and up to two adjectives."""
    m = _HEAD.match(after)
    if m is None:
        return ""
    lower = [w for w in re.split(r"[-\s]+", m.group(1)) if w and w[0].islower()]
    if len(lower) > 2:
        return ""
    return m.group(2)


def _travel_noun(lex: Lexicon, noun: str) -> bool:
    """Whether a noun names a trip: "journey", "flight", "mini-cruises", "drive"."""
    for part in [noun, *noun.split("-")]:
        for form in (part, part[:-1] if part.endswith("s") else part):
            if lex.travel.fullmatch(form) or any(True for _ in lex.cues(form)):
                return True
    return False


def _near(text: str, regex: re.Pattern[str], q: Quantity, lo: int, hi: int,
          *, before: int = 40, after: int = 40) -> bool:
    return regex.search(text, max(lo, q.start - before), min(hi, q.end + after)) is not None


def _distance(a: tuple[int, int], b: tuple[int, int], text: str = "") -> int:
    """Characters between two spans, and more across a clause.

    A figure before a phrase, across "with", "and" or a comma, counts as far ("13,993 km
    with a time zone change of 13.5 hours": the change is the 13.5 hours).
    """
    gap = max(0, max(a[0], b[0]) - min(a[1], b[1]))
    if text and a[1] <= b[0] and re.search(r"(?i)\bwith\b|\band\b|,|;", text[a[1]:b[0]]):
        gap += 50
    return gap


def _nearest_is(q: Quantity, span: tuple[int, int], quantities: Sequence[Quantity],
                text: str) -> bool:
    """Whether ``q`` is the figure nearest ``span``.

    A phrase belongs to its nearest figure: in "11 sailings a day carrying them 92 km",
    "a day" is about the 11, not the 92 km.

    A figure and its restatement in another unit count as one ("20,000 miles (32,000 km)
    in total").
    """
    k = next(i for i, o in enumerate(quantities) if o is q)
    lo, hi = q.start, q.end
    j = k
    while j + 1 < len(quantities) and _restates(text, quantities[j], quantities[j + 1]):
        j += 1
        hi = quantities[j].end
    i = k
    while i > 0 and _restates(text, quantities[i - 1], quantities[i]):
        i -= 1
        lo = quantities[i].start
    group = set(range(i, j + 1))
    mine = _distance((lo, hi), span, text)
    return all(mine <= _distance((o.start, o.end), span, text)
               for n, o in enumerate(quantities) if n not in group)


_OWN_FIGURE = re.compile(r"\s+(?:of\s+)?(?:about\s+|some\s+|around\s+)?(?=\d)")


def _owned_after(text: str, q: Quantity, start: int, end: int) -> bool:
    """Whether a word near ``q`` has a figure of its own right after it, not ``q``.

    "70 km south-west of Marrakesh, at a depth of 18.5 km", "struck at a depth of 17.9 km,
    about 33 km from Gaziantep": "depth" is the other figure's, though the quantities left
    that figure out as no trip's.
    """
    own = _OWN_FIGURE.match(text, end)
    return own is not None and (start >= q.end or own.end() < q.start)
_COUNTED = re.compile(r"(?i)\b(?:times|twice|once|thrice)\s+$")
_TWO_WORDS = re.compile(r"[\s,-]*([A-Za-z]+)(?:\s+([A-Za-z]+))?")


# A height in metres or feet "at" which something stands or flies, not a distance between
# places, unless measured from one ("at 400 metres from the beach")
# A height told with its feature: "a 4,900 m pass", "the 8,849-metre peak", "3,000 m high"
_HEIGHT_NOUN = re.compile(r"(?i)[\s-]*(?:high|tall|above\s+sea\s+level|(?:[a-z]+\s+)?"
                          r"(?:pass|peak|summit|mountain|mountains|volcano|ridge|plateau|"
                          r"altitude|elevation|col))\b")
_AT_HEIGHT = re.compile(r"(?i)\bat\s+(?:up\s+to\s+|some\s+|about\s+|around\s+|nearly\s+|"
                        r"almost\s+|over\s+|more\s+than\s+|roughly\s+)?$")
# "cut the journey to …", "reduced the trip to about …": the time a change left
_CUT_TO = re.compile(r"(?i)\bto\s+(?:about\s+|around\s+|just\s+|under\s+|less\s+than\s+|"
                     r"roughly\s+|some\s+|only\s+)?$")
_CUT_BY = re.compile(r"(?i)\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|"
                     r"more\s+than\s+|over\s+|up\s+to\s+|roughly\s+)?$")
_FOR_SPAN = re.compile(r"(?i)\bfor\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|"
                       r"over\s+|more\s+than\s+|up\s+to\s+|at\s+least\s+)?$")
_MEASURED_FROM = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:from|away|of)\b")


# What may stand between a mode word and the comma of the relative clause that hangs on it:
# its places ("the flight between Dakar and Bamako, which takes …")
_ANTECEDENT_TAIL = re.compile(r"(?:\s+(?:between|from|to|and|the|[A-Z][\w’'.-]*))*[\s)]*")


def _reject(p: _Passage, q: Quantity, clause: tuple[int, int], explicit: bool,
            quantities: Sequence[Quantity], pair_after: bool = False) -> str | None:
    """Why ``q`` is not a trip claim, or ``None`` when it may be one.

    ``explicit`` says a pair of places stands next to the figure, ``pair_after`` that it
    follows it ("the 621 km line from Barcelona to Madrid" is a trip's length; "between
    Copenhagen and Malmö by a five mile bridge" is the bridge's).
    """
    text, lex = p.text, p.lex
    lo, hi = clause
    # ", about 45 km southwest of Herat": a locator set off by a comma places a town; the
    # words before the comma ("at a depth of 10 km", "the storm hit Derna") are another
    # phrase's
    scan = lo
    locator = _after(text, q)
    before = max(lo, q.start - 30)
    comma = re.search(r",\s*(?:[a-z]+\s+){0,2}$", text[before:q.start])
    if locator is not None and locator.group("dir") and locator.group("of") and \
            comma is not None:
        scan = before + comma.start()
    # "the road to Peshawar, 365 km away, had been cut": a locator between commas; what
    # follows the second comma is the sentence's, not the figure's
    set_off = comma is not None and locator is not None and bool(
        locator.group("dir") or (locator.group("rel") or "").lower().startswith("away"))

    if _CUT_BY.search(text, max(lo, q.start - 25), q.start) and lex.change.search(
            text, max(lo, q.start - 80), q.start):
        return "what a change saved"  # "cut the journey between A and B by two hours"
    if q.kind == "duration" and _FOR_SPAN.search(text, max(lo, q.start - 30), q.start):
        shut = list(lex.closures.finditer(text, lo, q.start))
        if shut and not lex.travel_verbs.search(text, shut[-1].end(), q.start):
            return "how long a way was closed"  # "blockaded the highway … for 24 hours"
    if q.kind == "distance" and q.unit in ("m", "ft") and _AT_HEIGHT.search(
            text, max(lo, q.start - 25), q.start) and not _MEASURED_FROM.match(text, q.end):
        return "a height or depth"  # "Aconcagua, at 6,961 metres", "fly at up to 1,000 m"
    if q.kind == "distance" and q.unit in ("m", "ft") and _HEIGHT_NOUN.match(text, q.end):
        return "a height"  # "climbing over a 4,900 m pass", "a 5,000-metre peak"
    part = lex.part_of.search(text, max(p.sentences[p.sentence_of(q.start)][0], q.start - 40),
                              q.start)
    if part is not None and re.fullmatch(r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,2}",
                                         text[part.end():q.start]) and any(
            o.kind == q.kind and o.end <= part.start() for o in quantities):
        return "a part of the trip told before it"  # "a 4,352 km journey, including 478 km …"

    def aside(at: int) -> bool:
        """Whether a word at ``at`` is in a phrase after the trip's, past a comma."""
        return ((explicit and not pair_after) or set_off) and at >= q.end and \
            "," in text[q.end:at]

    for s, e, neg in p.scan.negatives(max(scan, q.start - 45), min(hi, q.end + 45)):
        if neg.effect in ("disambiguation", "hypothetical", "caution", "both_ways",
                          "either_way"):
            continue
        if neg.applies_to and neg.applies_to != q.kind:
            continue
        if (s, e) == (q.start, q.end) and text[e:e + 2] in ("'s", "’s"):
            continue  # "a day's drive": the figure itself, possessed, not "twice a day"
        if neg.unless_pair and explicit and not pair_after:
            continue  # "the nonstop from Perth to London spends 17 hours in the air"
        if neg.effect == "size" and _named_by_its_ends(p, q, e, pair_after):
            continue  # "the 1,380-km-long Delhi-Mumbai Expressway": the road's length
        if neg.effect == "not_trip" and " " not in text[s:e] and text[s:s + 1].isupper() \
                and re.search(r"[A-Z][\w’'-]*\s+$", text[max(0, s - 30):s]):
            continue  # "across the Owen Stanley Range": a word of a name, not a range
        if aside(s) or _owned_after(text, q, s, e):
            continue  # "the bus from A to B takes six hours, depending on the queue"
        inside = s <= q.start < e or s < q.end <= e
        if not inside and not _nearest_is(q, (s, e), quantities, text):
            continue
        if neg.effect == "rate" and q.kind == "speed" and not inside and not re.search(
                r"(?i)top|limit|wind|gust|record|maximum|max|design|capable|up to", text[s:e]):
            continue
        return f"{neg.effect}: “{text[s:e]}”"
    for m in lex.not_travel.finditer(text, max(scan, q.start - 40), min(hi, q.end + 30)):
        if q.start <= m.start() and m.end() <= q.end:
            continue  # "takes about a day": the figure itself, not "500 km a day"
        # "adds about 2 hours and 1,500 km": the word governs both figures
        both = any(m.end() <= o.start and re.fullmatch(
            r"\s+(?:about\s+|around\s+|some\s+|nearly\s+)?", text[m.end():o.start])
            and _AND_FIGURE.fullmatch(text, o.end, q.start) for o in quantities)
        if not both and not _nearest_is(q, (m.start(), m.end()), quantities, text) and not any(
                re.fullmatch(r"\s+(?:at|above|over|below)\s+(?:about\s+|some\s+)?",
                             text[m.end():o.start])
                and re.fullmatch(r"\s+for\s+", text[o.end:q.start]) for o in quantities):
            continue  # "circling at 10,000 feet for 40 minutes": both figures are its too
        if q.kind != "duration" and lex.times_only.fullmatch(m.group()):
            continue  # "Two years ago we moved almost 800 miles": the years', not the miles'
        if m.group().lower() in ("late", "early") and lex.times_of_day.match(
                text, m.end() + 1) and text[m.end():m.end() + 1].isspace():
            continue  # "leaving in the late afternoon": when, not how late
        if m.group().lower() in ("late", "early") and m.end() <= q.start and not re.fullmatch(
                r"\s+by\s+(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+)?",
                text[m.end():q.start]):
            continue  # "arrived late after a ten-hour flight": not "ten hours late"
        if m.group()[:1].isupper() and re.search(r"\w[\s,]*$", text[lo:m.start()]) and \
                not (q.kind == "duration" and lex.event_names.fullmatch(m.group())):
            continue  # "a three-hour drive over the High Atlas": a word of a name
        if any(a.start() <= m.start() and m.end() <= a.end()
               for a in lex.anchors.finditer(text, max(lo, m.start() - 15), m.end())):
            continue  # "within 4 miles of town limits": a reference point, not a limit
        if m.end() <= q.start and _CLAUSE_CLOSED.fullmatch(text, m.end(), q.start):
            continue  # "Kaesong, which hosted the industrial zone, is only about 60 km …"
        if not both and _owned_after(text, q, m.start(), m.end()):
            continue
        if re.fullmatch(r"\s+(?:the|a|an|its|their)\s+", text[m.end():q.start]) and \
                lex.trip_nouns.fullmatch(_head_noun(text[q.end:q.end + 40])):
            continue  # "cut the 750 km journey to 12 hours": the journey's length
        if m.span() == (q.start, q.end) and text[q.end:q.end + 2] in ("'s", "’s"):
            continue  # "a day's drive" is a trip's time
        if aside(m.start()) or _COUNTED.search(text, max(lo, m.start() - 12), m.start()):
            continue  # "runs three times a week and takes 22 hours": the count's
        if explicit and m.group().lower() in ("long", "length", "lengths", "lasts", "lasted"):
            continue  # "the drive from A to B was 77 km long", "the flight … lasts 2 hours"
        if m.group().lower() in ("lasts", "lasted") and m.start() < q.start and \
                lex.trip_nouns.search(text, lo, m.start()) is not None:
            continue  # "the flight from Singapore … lasts nearly 19 hours"
        if pair_after and lex.features.fullmatch(m.group()):
            continue  # "the 145 km stage from Ajaccio to Calvi": the length of a route
        if m.group().lower() == "later" and lex.arrival.search(text, lo, hi):
            continue  # "arriving in Amsterdam three hours later": a trip's time
        if m.end() <= q.start and lex.change.fullmatch(m.group()) and _CUT_TO.search(
                text, m.end(), q.start) and lex.trip_nouns.search(text, m.end(), q.start):
            continue  # "cut the journey to two and a half hours": the time after the change
        return f"not a trip: “{m.group()}”"
    after = text[q.end:min(hi, q.end + 40)]
    if q.kind == "duration" and _EVENT_AFTER.match(after) and not (
            re.match(r"(?i)^\s+later", after) and lex.arrival.search(text, lo, hi)):
        return "an interval between events"
    stay = re.match(r"\s+(?:in|at)\s+(?=[A-Z])", after)
    if q.kind == "duration" and stay is not None and not explicit and any(
            m.start == q.end + stay.end() for m in p.mentions):
        # "we spent another day in Hanoi before taking the train": a stay, not a trip
        return "a stay in a place"
    spot = _SPENT_ON.match(after)
    if q.kind == "duration" and q.unit in _STAY_UNITS and spot is not None and not (
            lex.ways.fullmatch(spot.group(1)) or lex.trip_nouns.fullmatch(spot.group(1))
            or _cues(p, q.end + spot.start(1), q.end + spot.end(1))):
        # "after four days on the lake we flew from Irkutsk back to Moscow": days spent at a
        # spot, not on a way or a vehicle ("three days on the road", "a day on the train")
        return f"a stay (“{spot.group().strip()}”)"
    into = lex.elapsed.match(after, len(after) - len(after.lstrip()))
    if q.kind == "duration" and into is not None:
        trip = re.match(r"\s+(?:the|a|an|its|their|his|her|our|this|that)\s+"
                        r"((?:[\w’'-]+\s+){0,3}[\w’'-]+)", after[into.end():])
        noun = next((w for w in trip.group(1).split() if lex.trip_nouns.fullmatch(w)),
                    None) if trip is not None else None
        if noun is not None:
            # "20 minutes into a flight from Addis Ababa": the time gone when it happened
            return f"a time gone within a {noun}"
    wait = re.match(r"(?i)\s+at\s+the\s+", after)
    if q.kind == "duration" and wait is not None and lex.wait_places.match(
            text, q.end + wait.end()):
        return "a wait at a place"  # "three hours at the border", "two hours at the airport"
    over = re.match(r"(?i)\s+(?:over|above|at|beyond|exceeding)\s+", after)
    if q.kind == "duration" and over is not None and not explicit and any(
            o.kind == "speed" and o.start == q.end + over.end() for o in quantities):
        return "a time spent at a speed"  # "nearly 11 seconds over 600 km/h"
    if re.match(r"^[-\s]*(?:long|wide|deep|high|tall)\b(?!-)", after):
        if not explicit:
            return "a size"
        crossing = max(lex.crossings.finditer(text, max(lo, q.start - 30), q.start),
                       key=lambda c: c.start(), default=None)
        if crossing is not None and not re.search(r"[.;:]", text[crossing.end():q.start]):
            return f"the length of a {crossing.group().lower()}"  # "the bridge, 55 km long"
    diff = _DIFFERENCE.match(after)
    if diff is not None and lex.differences_after.fullmatch(diff.group(1)):
        return f"a difference: “{diff.group(1)}”"  # "half an hour quicker", "40 minutes less"
    two = _TWO_WORDS.match(after)
    if two is not None:
        for word in two.groups():
            if word and lex.not_travel_after.fullmatch(word) and not (
                    explicit and word.lower() == "long"):  # "the drive … was 77 km long"
                return f"not a trip: “{word}”"  # "two hours late", "three hours too early"
    named = _capitalised_run(after)
    last = named[-1] if named else ""
    if q.kind == "duration" and q.adjective and lex.validity.fullmatch(last):
        return f"how long a {last.lower()} is valid"  # "a 7-day Japan Rail Pass"
    if q.kind == "distance" and lex.crossings.fullmatch(last):
        return f"the length of a {last.lower()}"  # "the 7.8 km Øresund Bridge"
    of = re.match(r"\s+of\s+(the\s+)?([a-z]+(?:[\s-][a-z]+)?)", after)
    if q.kind == "distance" and of is not None and any(
            lex.features_along.fullmatch(w) or (of.group(1) and lex.features.fullmatch(w))
            for w in (of.group(2), of.group(2).split()[0])) and (
            not pair_after or of.group(1)):
        # "30 km of front line near Pokrovsk"; "some 40 km of the road from Kabul to
        # Jalalabad": a stretch of the road the places name, not its length
        return f"the length of a {of.group(2)}"
    noun = _head_noun(after)
    if noun and q.kind == "distance" and q.adjective and q.unit in ("m", "ft") and any(
            c[2].kind == "vehicle" for c in lex.cues(noun)):
        return f"the size of a {noun}"  # "the 214-metre ship", "a 300-foot yacht"
    if noun and q.kind == "distance":
        if lex.features_along.fullmatch(noun):
            return f"the length of a {noun}"
        if lex.features.fullmatch(noun) and not pair_after:
            return f"the size of a {noun}"
    if noun and q.kind == "duration" and q.adjective and not any(
            _travel_noun(lex, w) for w in [noun, *_NEXT_WORDS.findall(after)[:3], *named]):
        # "a 12-hour overnight bus": the trip's noun may follow an adjective or two
        return f"the length of a {noun}"
    return None


def _capitalised_run(after: str) -> list[str]:
    """The capitalised words right after a figure: a name ("Øresund Bridge"), at most four."""
    run: list[str] = []
    for w in re.finditer(r"[^\s,.;:()]+", after[:80].lstrip(" -")):
        if not w.group()[0].isupper() or (run and after.lstrip(" -")[w.start() - 1] != " "):
            break
        run.append(w.group())
        if len(run) == 4:
            break
    return run


def _named_by_its_ends(p: _Passage, q: Quantity, end: int, pair_after: bool) -> bool:
    """Whether the figure measures a way named by its two ends, right after it.

    "the 1,380-km-long Delhi-Mumbai Expressway", "the 1,318 km Beijing–Shanghai line": a
    pair of places right after the figure (and the word ending at ``end``) that names a
    road, railway or route, not a bridge or a train ("a 400 m-long train from Paris").
    """
    if not pair_after:
        return False
    gap = re.match(r"[\s-]*(?:long[\s-]+)?", p.text[end:])
    at = end + (gap.end() if gap else 0)
    first = next((m for m in p.mentions if m.start == at), None)
    if first is None:
        return False
    last, ends = first, 1
    while True:  # "Hong Kong-Zhuhai-Macau": to the last of the chain
        nxt = next((m for m in p.mentions if m.start > last.end
                    and _DASH.fullmatch(p.text[last.end:m.start])), None)
        if nxt is None:
            break
        last, ends = nxt, ends + 1
    word = re.match(r"[\s-]*([A-Za-z]+)", p.text[last.end:last.end + 40])
    if ends != 2 or word is None:
        return False
    way, lex = word.group(1).lower(), p.lex
    return bool(lex.features.fullmatch(way) and not lex.features_along.fullmatch(way)
                and not lex.crossings.fullmatch(way)
                and (_travel_noun(lex, way) or lex.relation.fullmatch(way)))


def _ties_places(p: _Passage, q: Quantity, clause: tuple[int, int]) -> bool:
    """Whether a distance is about where places are: a relation word near it."""
    text = p.text
    if _after(text, q):
        return True
    near = text[max(clause[0], q.start - 60):min(clause[1], q.end + 60)]
    return p.lex.relation.search(near) is not None


# --------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------

_FROM_LEAD = re.compile(r"(?i)\b(?:from|leav\w*|left|depart\w*)\s+(?:the\s+)?(?:[a-z][\w’'-]*\s+|"
                        r"[A-Z][a-z]+(?:an|ese|ian|ish|i)\s+){0,3}$|\bfrom\s*$")
_FROM_TO = re.compile(r"(?i)^(?:['’]s)?\W*(?:[\w’']+\W+){0,4}?(?:to|for|and\s+on\s+to|"
                      r"bound\s+for|reach(?:es|ed)?|gets?\s+to|arriv\w*\s+(?:in|at))\s+"
                      r"(?:the\s+)?(?:[\w’'-]+\s+){0,4}?$")
_BETWEEN_LEAD = re.compile(r"(?i)\bbetween\s+(?:the\s+)?(?:\w+\s+){0,2}?$")
_AND = re.compile(r"(?i)^\W*(?:[\w’']+\s+){0,3}?(?:and|&)\s+(?:the\s+)?(?:\w+\s+){0,2}?$")
_SEPARATES_LEAD = re.compile(r"(?i)\bseparat(?:es?|ed|ing)\s*$")
_FROM = re.compile(r"(?i)^\s*from\s+(?:the\s+)?$")
_LINK_LEAD = re.compile(r"(?i)\b(?:link\w*|connect\w*|join\w*)\s+(?:the\s+)?"
                        r"(?:\w+\s+){0,3}?$")
_LINK_MID = re.compile(r"(?i)^\W*(?:[\w’']+\s+){0,3}?(?:to|and|with)\s+(?:the\s+)?"
                       r"(?:\w+\s+){0,3}?$")
_TO = re.compile(r"(?i)^\s+to\s+$")
_PREPOSITION_LEAD = re.compile(r"(?i)\b(?:to|from|for|via|through|across|over|at|in|into|"
                               r"near|of|and|or|past|by|on)\s*(?:the\s+)?$")
_DASH = re.compile(r"^\s*[-–—]\s*$")
_APART_AFTER = re.compile(r"(?i)\s+(?:are|lie|sit|stand)\s+(?:[\w,.’'-]+\s+){1,6}?apart\b")
_REACH = re.compile(r"(?i)\b(?:reach|get\s+to|arrive\s+in|arrive\s+at|to)\s+$")
_REVERSE_FROM = re.compile(r"(?i)^\s+from\s+(?:the\s+)?$")
# "via Tumen", "across the Yalu at Sinuiju"; but "across the mountains to Santiago" ends there
_VIA_MARKER = re.compile(r"(?i)\b(?:via|through|across|over|at|by\s+way\s+of|past|near|"
                         r"including)\s+(?:the\s+)?(?:(?!(?:to|for|towards?|into)\s)"
                         r"[\w’']+\s+){0,3}$")


def _pair_relation(text: str, m1: Mention, m2: Mention, lo: int) -> str | None:
    """How two places (``m1`` first) make a pair, if they do: ``from_to`` or ``between``."""
    between = text[m1.end:m2.start]
    if len(between) > 60 and len(between.split()) > 12:
        return None  # every pattern below allows at most 12 words between the two
    lead = text[max(lo, m1.start - 40):m1.start]
    # Each test matches the words between first: they rule out most pairs at once.
    and_ = _AND.match(between) is not None
    if _FROM_TO.match(between) and _FROM_LEAD.search(lead):
        return "from_to"
    if and_ and _BETWEEN_LEAD.search(lead):
        return "between"
    if _FROM.match(between) and _SEPARATES_LEAD.search(lead):
        return "between"
    if _LINK_MID.match(between) and _LINK_LEAD.search(lead):
        return "between"
    if and_ and _APART_AFTER.match(text, m2.end):
        return "between"  # "Beijing and Shanghai are about 1,200 km apart"
    if _DASH.match(between):
        return "from_to"
    if _TO.match(between) and not _PREPOSITION_LEAD.search(lead):
        return "from_to"
    if _REVERSE_FROM.match(between) and _REACH.search(lead):
        return "to_from"
    return None


_BETWEEN = re.compile(r"(?i)\bbetween\b")


def _between(p: _Passage, inside: Sequence[Mention], lo: int, hi: int
             ) -> tuple[Mention, Mention, str] | None:
    """A "between A and B" whose ends have words in apposition.

    "between the capital of KwaZulu-Natal, Pietermaritzburg, and the coastal city of Durban"
    is between the last town before "and" and the first after it.
    """
    text = p.text
    for b in _BETWEEN.finditer(text, lo, hi):
        j = re.compile(r"(?i)\s(?:and|&)\s").search(text, b.end(), min(hi, b.end() + 120))
        if j is None:
            continue
        left = [m for m in inside if b.end() <= m.start and m.end <= j.start()]
        right = [m for m in inside if j.end() <= m.start < j.end() + 45]
        lt = [m for m in left if m.place.kind in LOCAL_KINDS] or left
        rt = [m for m in right if m.place.kind in LOCAL_KINDS] or right
        if lt and rt and lt[-1].place.id != rt[0].place.id and re.fullmatch(
                r"[\s,]*(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:of\s+)?(?:the\s+)?",
                text[j.end():rt[0].start]):
            return lt[-1], rt[0], "between"
    return None


def _explicit_pair(p: _Passage, here: Sequence[Mention], lo: int, hi: int, *,
                   near: Quantity | None = None) -> tuple[Mention, Mention, str] | None:
    """The first "from A to B", "between A and B", "A–B" or "linking A and B" in a span.

    A pair of towns comes before a pair of countries ("the Ethiopia–Djibouti railway, from
    Addis Ababa to the port of Djibouti" is about the two towns). With ``near``, of a list of
    legs the one the figure is told with: the last pair before it, if no figure stands
    between ("Warsaw–Kraków is 2h20, Kraków–Prague roughly 7 hours"), else the first.
    """
    found = _pairs(p, here, lo, hi)
    towns = [f for f in found if f[0].place.kind in LOCAL_KINDS and f[1].place.kind in
             LOCAL_KINDS]
    best = towns or found
    if near is not None and len(best) > 1:
        before = [f for f in best if max(f[0].end, f[1].end) <= near.start
                  and not _FIGURE.search(p.text, max(f[0].end, f[1].end), near.start)]
        # a leg of its own: it starts after every pair before it has ended
        if before and before[-1] is not best[0] and all(
                min(before[-1][0].start, before[-1][1].start) >= max(f[0].end, f[1].end)
                for f in best[:best.index(before[-1])]):
            return before[-1]
    return best[0] if best else None


_FIGURE = re.compile(r"\d")  # a figure between a pair and the figure told with it


def _pairs(p: _Passage, here: Sequence[Mention], lo: int, hi: int
           ) -> list[tuple[Mention, Mention, str]]:
    """Every explicit pair of a span, in text order."""
    inside = [m for m in here if lo <= m.start < hi]
    key = (lo, hi, tuple(m.start for m in inside))
    found = p.pairs.get(key)
    if found is None:
        found = p.pairs[key] = _find_pairs(p, inside, lo, hi)
    return found


def _find_pairs(p: _Passage, inside: Sequence[Mention], lo: int, hi: int
                ) -> list[tuple[Mention, Mention, str]]:
    out: list[tuple[Mention, Mention, str]] = []
    for i, m1 in enumerate(inside):
        if i and _DASH.match(p.text[inside[i - 1].end:m1.start]):
            continue  # "Hong Kong–Zhuhai–Macau": a link inside a chain starts no pair
        for m2 in inside[i + 1:]:
            relation = _pair_relation(p.text, m1, m2, lo)
            if relation == "to_from":
                out.append((m2, m1, "from_to"))
                continue
            if relation is not None:
                crossed = [m for m in inside if m.end <= m1.start]
                if relation == "from_to" and crossed and _ACROSS.fullmatch(
                        p.text, crossed[-1].end, m1.start) and _FROM_LEAD.search(
                        p.text, max(lo, crossed[-1].start - 40), crossed[-1].start):
                    # "from Tarifa across the Strait of Gibraltar to Morocco": the strait is
                    # crossed on the way, the trip is from Tarifa
                    m1 = crossed[-1]
                if relation == "from_to" and _DASH.match(p.text[m1.end:m2.start]):
                    m2 = _chain_end(p.text, inside, m2)
                    if _NOT_A_TRIP_AFTER.match(p.text, m2.end):
                        continue  # "the Poland–Ukraine border", "Sino-Russian talks"
                m1, m2 = _named_by(p.text, p.mentions, m1), _named_by(p.text, p.mentions, m2)
                m1 = _town_beside(p.text, inside, m1, m2.start)
                # A trip between a town and a country named like its own town ("from Addis
                # Ababa to Djibouti") is between the two towns.
                if m1.place.kind == "city" and m2.place.kind == "country":
                    m2 = _town_named_like(m2)
                elif m2.place.kind == "city" and m1.place.kind == "country":
                    m1 = _town_named_like(m1)
                if m1.place.id == m2.place.id:
                    continue
                out.append((m1, m2, relation))
    between = _between(p, inside, lo, hi)
    if between is not None:
        out.append(between)
    return out


_ACROSS = re.compile(r"(?i)\s+(?:across|over|through|via|past|along)\s+(?:the\s+)?")
# "A–B" followed by one of these names a boundary or a relation, not a trip.
_NOT_A_TRIP_AFTER = re.compile(r"(?i)\s+(?:border|frontier|boundary|relations?|talks|"
                               r"summit|war|conflict|agreement|treaty|deal|ties|match)\b")


_QUALIFIER = re.compile(r"(?i)^\s+(?:[a-z]+\s+){0,2}?(?:port|city|town|village|capital|"
                        r"island|harbou?r|resort|hub)\s+(?:city\s+)?of\s+(?:the\s+)?$")


def _named_by(text: str, places: Sequence[Mention], m: Mention) -> Mention:
    """The place a mention qualifies: "the Red Sea port of Djibouti" names Djibouti."""
    nxt = next((x for x in places if x.start >= m.end), None)
    if nxt is not None and _QUALIFIER.match(text[m.end:nxt.start]):
        return nxt
    return m


def _town_beside(text: str, inside: Sequence[Mention], m: Mention, before: int) -> Mention:
    """The town an area names beside it: "the Borno state capital Maiduguri" is Maiduguri."""
    if m.place.kind not in AREA_KINDS:
        return m
    for x in inside:
        if m.end <= x.start < before and x.place.kind in LOCAL_KINDS and re.fullmatch(
                r"['’]?s?\s*,?\s*(?:[a-z]+\s+){0,3}?(?:,\s*)?", text[m.end:x.start]):
            return x
    return m


def _chain_end(text: str, inside: Sequence[Mention], m: Mention) -> Mention:
    """The last place of a dash chain ("Delhi-Jammu-Katra" ends at Katra)."""
    k = inside.index(m)
    while k + 1 < len(inside) and _DASH.match(text[inside[k].end:inside[k + 1].start]):
        k += 1
    return inside[k]


def _ends_of(text: str, here: Sequence[Mention]) -> list[Mention]:
    """The places of a sentence that can end a trip: not those it passes ("via Tumen")."""
    ends: list[Mention] = []
    previous_via: Mention | None = None
    for m in here:
        lead = text[max(0, m.start - 40):m.start]
        joined = previous_via is not None and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*",
                                                            text[previous_via.end:m.start])
        if _VIA_MARKER.search(lead) or joined:
            previous_via = m
            continue
        previous_via = None
        ends.append(m)
    return ends


def _sure(m: Mention) -> tuple[str, str, tuple[str, ...]]:
    """How sure a mention's place is, why not, and the rival readings that alone make it so.

    The rivals (candidate ids) are none when the mention is unsure for another reason.
    """
    others = [c for c in m.candidates[1:] if c.score >= 0.75 * m.candidates[0].score
              and c.country != m.place.country] if m.candidates else []
    if others and m.confidence < 0.9:
        alt = others[0]
        return "likely", (f"“{m.text}” could also be {alt.name} ({alt.country}), not "
                          f"{m.place.name} ({m.place.country})"), \
            tuple(c.id for c in others) if m.confidence >= 0.6 else ()
    bigger = m.bigger_namesakes()
    if bigger:
        alt = bigger[0]
        where = alt.country if alt.country != m.place.country else (
            f"{alt.country}, {alt.population:,} people at {alt.lat:.2f}, {alt.lon:.2f}")
        return "likely", (f"“{m.text}” is read as {m.place.name} ({m.place.country}), but "
                          f"may be the much bigger {alt.name} ({where})"), \
            tuple(c.id for c in bigger) if m.confidence >= 0.6 else ()
    if m.confidence >= 0.6:
        return "sure", "", ()
    return "likely", f"“{m.text}” is read as {m.place.name} ({m.place.country}) with low " \
                     "confidence", ()


_NAMESAKE_GAP = 1.5  # a namesake scored this close behind the reading taken is a rival ...
_NAMESAKE_KM = 50.0  # ... if it lies this far from it
_NAMESAKE_SHARE = 100  # ... and has at least this share (1/100) of its people


def _namesakes(m: Mention) -> tuple[Place, ...]:
    """Towns of the very name scored close behind ``m``'s, far from it: other readings."""
    if len(m.candidates) < 2 or m.place.kind != "city":
        return ()
    top = m.candidates[0].score
    return tuple(
        Place(c.id, c.name, c.kind, c.country, c.lat, c.lon, population=c.population)
        for c in m.candidates[1:]
        if c.kind == "city" and top - c.score <= _NAMESAKE_GAP
        and normalize_name(c.name) == normalize_name(m.place.name)
        and distance_km((c.lat, c.lon), m.place.point) > _NAMESAKE_KM
        # a hamlet beside a city of millions is no other reading ("Perth and Adelaide":
        # not Perth, Tasmania, 2,907 people)
        and c.population * _NAMESAKE_SHARE >= (m.place.population or 0))


def _end(m: Mention) -> _End:
    confidence, note, rivals = _sure(m)
    namesakes = _namesakes(m)
    # Unsure only because of namesakes that are all among the other readings kept
    rival = bool(rivals) and set(rivals) <= {n.id for n in namesakes}
    return _End(m.place, confidence, note, m.start, namesakes, rival)


_CAPITAL = re.compile(r"(?i)\b(?:(?:the\s+)?(?:national\s+|country['’]s\s+)?capital"
                      r"(?:\s+city)?)\b")
_STATE_CAPITAL = re.compile(r"(?i)\b(?:state|provincial|regional|district|county)\s+capital")
# Between "of"/"from" and a place: lower-case words, "the", a place's possessive, commas.
_GAP = re.compile(r"^[\s,]*(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?(?:of\s+|,\s*)?"
                  r"(?:the\s+)?$")


def _reference(p: _Passage, start: int, other: Place | None, limit: int) -> _End | None:
    """The place a reference names.

    "the capital", "the Somali capital", "the Jordanian border", "Nepal's capital,
    Kathmandu", "the border town of Adre", "the capital Dhaka".

    Parameters
    ----------
    p
        The passage.
    start
        Where the reference begins (just after "of" or "from").
    other
        The claim's other end, if known: a border is measured from it.
    limit
        The reference ends before this offset (the clause's end).

    """
    text = p.text
    window_end = min(limit, start + 70)
    lead_the = re.match(r"\s*(?:the\s+)?", text[start:window_end])
    at = start + (lead_the.end() if lead_the else 0)
    for names, (a, b) in p.lex.border_lines:
        named = names.match(text, at)
        if named is not None and other is not None and other.country in (a, b):
            # "some 10 km east of the Line of Control": the border of the two countries
            found = _border(p, a if other.country == b else b, other, f"the {named.group()}")
            if found is not None:
                found.note = (f"the {named.group()} is the {country_name(a)}–"
                              f"{country_name(b)} border, measured at its nearest point to "
                              f"{other.name}")
            return found
    first = next((m for m in p.mentions if start <= m.start < window_end), None)
    dem = next((m for m in p.demonyms if start <= m.start < window_end), None)
    gap_to_first = text[start:first.start] if first is not None else ""
    # "off the coast of Tunisia", "from the shores of Libya": the country's nearest shore.
    if first is not None and first.place.kind == "country" and _GAP.match(gap_to_first) and (
            re.search(r"(?i)\b(?:coast(?:line)?|shores?)\s+of\s+(?:the\s+)?$",
                      text[max(0, start - 25):first.start])):
        return _coast(p, first.place.country, other, f"the coast of {first.text}")
    # "the border with Benin": the named country's border, nearest the other end
    if first is not None and first.place.kind == "country" and re.fullmatch(
            r"\s*(?:the\s+)?(?:border|frontier)\s+with\s+(?:the\s+)?", gap_to_first):
        # "... with Pakistan at Torkham", "... with Benin, at the Seme crossing": a crossing
        named_crossing = re.match(r"\s*,?\s+at\s+(?:the\s+)?[A-Z]|\s+(?:border\s+)?"
                                  r"crossing", text[first.end:first.end + 40])
        return _border(p, first.place.country, other, f"the border with {first.text}",
                       crossing=named_crossing)
    # A place named after lower-case words only: "the border town of Adre", "the capital,
    # Jakarta", "the state capital of Belo Horizonte".
    if first is not None and _GAP.match(gap_to_first) and (dem is None or dem.start >
                                                            first.start):
        after = text[first.end:first.end + 40]
        poss = re.match(r"^['’]s\s+((?:[a-z][\w-]*\s+){0,4}?)(capital|border|frontier|"
                        r"city|port|town)\b", after)
        if poss is None:
            return _end(first)
        # "Nepal's capital, Kathmandu", "Indonesia's second largest city of Surabaya"
        nxt = next((m for m in p.mentions if first.end < m.start < window_end), None)
        tail = text[first.end + poss.end():nxt.start] if nxt is not None else ""
        if nxt is not None and re.fullmatch(r"\s*(?:,\s*|\s+of\s+|\s+)(?:the\s+)?", tail):
            return _end(nxt)
        if poss.group(2) == "capital":
            return _capital_of(p, first.place.country, f"{first.text}'s capital")
        if poss.group(2) in ("border", "frontier"):
            country2 = _border_with(p, first.end + poss.end(), window_end)
            return _border(p, first.place.country, other, f"{first.text}'s border",
                           second=country2, crossing=_CROSSING.match(
                               text, first.end + poss.start(2)))
        return None
    # "the Somali capital", "the Jordanian border", "the Chadian border"
    lead = dem if dem is not None and (first is None or dem.start < first.start) else None
    if lead is None and first is not None and first.place.kind == "country":
        lead = first  # "the Somalia border"
    if lead is not None and re.match(r"^[\s,]*(?:the\s+)?$", text[start:lead.start]):
        after = text[lead.end:lead.end + 25]
        if re.match(r"^\s+capital\b", after):
            nxt = next((m for m in p.mentions if lead.end < m.start < window_end), None)
            if nxt is not None and re.fullmatch(r"\s+capital(?:\s+city)?\s*,?\s*",
                                                text[lead.end:nxt.start]):
                return _end(nxt)
            return _capital_of(p, lead.place.country, f"the {lead.text} capital")
        if re.match(r"^\s+(?:border|frontier)\b", after):
            return _border(p, lead.place.country, other, f"the {lead.text} border",
                           crossing=_CROSSING.match(text, lead.end))
        if re.match(r"^\s+(?:coast(?:line)?|shores?)\b", after):
            return _coast(p, lead.place.country, other, f"the {lead.text} coast")
    # "Batangas, 28 km south of the volcano": the one volcano named before
    opening = start + len(text[start:]) - len(text[start:].lstrip())
    if any(phrase.match(text, opening) for phrase, _ in p.lex.feature_references):
        return _feature_told(p, (opening, limit), opening + 40, since=p.sentences[max(
            p.sentence_of(start) - 1, 0)][0])
    # "22 km east of the town": the one town named just before, in this sentence or the one
    # before ("The fire destroyed Lahaina. … Kahului, about 22 km east of the town").
    town = p.lex.references["town"].match(text, start + len(text[start:]) - len(
        text[start:].lstrip()))
    if town is not None and town.start() - start < 6 and re.match(
            r"\s*(?:[,.;:)]|$|\s(?:and|or|but|on|in|at|where|which|when|after|before|as|to|"
            r"from|with|by)\b)", text[town.end():town.end() + 8]):
        since = p.sentences[max(p.sentence_of(start) - 1, 0)][0]
        return _one_named_before(town.group(), [
            m for m in p.mentions if since <= m.start < start
            and m.place.kind == "city" and (other is None or m.place.id != other.id)])
    # "the capital" with no name: the capital of the country the passage is about.
    bare = _CAPITAL.match(text, start + len(text[start:]) - len(text[start:].lstrip()))
    if bare is not None and bare.start() - start < 6 and not _STATE_CAPITAL.search(
            text, max(0, bare.start() - 12), bare.end()):
        nxt = next((m for m in p.mentions if bare.end() <= m.start < window_end), None)
        if nxt is not None and re.fullmatch(r"\s*,?\s*", text[bare.end():nxt.start]):
            return _end(nxt)
        country = _passage_country(p, other)
        if country:
            found = _capital_of(p, country, "the capital")
            country_named = any(m.place.kind == "country" and m.place.country == country
                                for m in p.mentions) or any(d.place.country == country
                                                            for d in p.demonyms)
            if found is not None and country_named and \
                    country not in p.lex.multiple_capitals and (
                        other is None or other.country == country):
                # "Ghana's second city, Kumasi, 200 km north-west of the capital": Accra
                found.note = (f"“the capital” is {found.place.name}, the capital of "
                              f"{country_name(country)}, which the passage names")
            elif found is not None:
                found.confidence = "likely"
                found.note = (f"“the capital” is read as {found.place.name}, the capital of "
                              "the country the passage is about")
            return found
    return None


def _border_with(p: _Passage, start: int, end: int) -> str | None:
    """The second country of "X's border with Y"."""
    m = re.match(r"\s+with\s+(?:the\s+)?", p.text[start:end])
    if m is None:
        return None
    nxt = next((x for x in [*p.mentions, *p.demonyms] if x.start == start + m.end()), None)
    return nxt.place.country if nxt is not None else None


def _passage_country(p: _Passage, other: Place | None) -> str | None:
    """The country a passage is about: the other end's, or the one its places name most.

    The other end's country, unless that end is itself unsure and the passage names a
    national capital for sure ("Wildfires near Athens forced the evacuation of Marathon,
    40 km north-east of the capital": Athens, whatever Marathon was read as).
    """
    if other is not None and other.country:
        read = next((m for m in p.mentions if m.place.id == other.id), None)
        if read is None or _sure(read)[0] == "sure":
            return other.country
        from routes.geo.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        capitals = [m for m in p.mentions if m.place.kind == "city" and _sure(m)[0] == "sure"
                    and (e := gaz.capital(m.place.country)) is not None
                    and gazetteer_place(gaz, e).id == m.place.id]
        return capitals[-1].place.country if capitals else other.country
    common = p.countries.most_common(2)
    if common and (len(common) == 1 or common[0][1] > common[1][1]):
        return common[0][0]
    return None


def _capital_of(p: _Passage, country: str, words: str) -> _End | None:
    from routes.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    e = gaz.capital(country) if country else None
    if e is None:
        return None
    place = gazetteer_place(gaz, e)
    return _End(place, "sure", f"{words} is {place.name}")


# "border at Torkham", "border crossing", "border post": a crossing, not the border's
# nearest point
_CROSSING = re.compile(r"\s*(?:border|frontier)(?:\s+(?:crossing|post|checkpoint)s?\b|"
                       r"\s+at\s+(?:the\s+)?[A-Z])")


def _border(p: _Passage, country: str, other: Place | None, words: str, *,
            second: str | None = None, crossing: re.Match[str] | None = None
            ) -> _End | None:
    """The nearest point, from ``other``, of the border ``country`` shares with its country.

    Where the text names a crossing (``crossing``), the nearest point is only likely the
    point it measures to.
    """
    if other is None or not country:
        return None
    from routes.geo.countries import load_countries

    a = other.country if other.country != country else second
    neighbour = ""
    if not a and other.country == country:
        # "Abéché, 70 km inside the Chadian border": a town's own country's border, with
        # the one neighbour the passage names, if it names one
        named = [c for c in p.countries if c != country
                 and load_countries().border_point(country, c, (other.lon, other.lat))]
        if len(named) == 1:
            a, neighbour = named[0], named[0]
    if not a or a == country:
        return None
    found = load_countries().border_point(country, a, (other.lon, other.lat))
    if found is None:
        return None
    lon, lat = found
    name = f"{country_name(a)}–{country_name(country)} border"
    place = Place(id=f"border:{'-'.join(sorted((a, country)))}", name=name, kind="border",
                  country=country, lat=lat, lon=lon,
                  source="Natural Earth 1:50m boundaries: the border's nearest point")
    if neighbour:
        return _End(place, "likely", f"{words} is read as the border with "
                    f"{country_name(neighbour)}, the one neighbour the passage names")
    if crossing is not None:
        return _End(place, "likely", f"{words} is measured at its nearest point to "
                    f"{other.name}, though the text names a crossing the data lacks")
    return _End(place, "sure", f"{words} is measured at its nearest point to {other.name}")


def _coast(p: _Passage, country: str, other: Place | None, words: str) -> _End | None:
    """The nearest point, from ``other``, of ``country``'s outline.

    Its coast, seen from the sea (Natural Earth 1:50m).
    """
    if other is None or not country or other.country == country:
        return None
    from routes.geo.countries import load_countries

    found = load_countries().outline_point(country, (other.lon, other.lat))
    if found is None:
        return None
    lon, lat = found
    place = Place(id=f"coast:{country}", name=f"the coast of {country_name(country)}",
                  kind="border", country=country, lat=lat, lon=lon,
                  source="Natural Earth 1:50m outlines: the coast's nearest point")
    # Which shore counts (islands, capes) is a reading, not a fact: never sure enough to flag.
    return _End(place, "likely", f"{words} is measured at its nearest point to "
                                 f"{other.name}, islands included")


def country_name(code: str) -> str:
    """A country's name from its ISO code ("BO" -> "Bolivia"); the code if unknown."""
    from routes.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    e = gaz.country_entry(code)
    return gaz.name(e) if e is not None else code


@dataclass(slots=True)
class _Reading:
    origin: _End | None = None
    destination: _End | None = None
    relation: str = "unknown"
    direction: str | None = None
    confidence: str = "none"
    note: str = ""
    unnamed_anchor: bool = False
    anchor: str = ""  # the reference point an unnamed anchor is ("the epicentre")
    structure: str = ""  # how sure the pairing is, whatever the ends' readings ("sure")
    # set off after the pair with a compass point ("… to Hat Yai, about 750 km to the
    # south,"): where the end lies, by whatever way; the trip's mode words are not its
    located: bool = False


# A subject, a phrase between commas about it, and its verb: "X, near the border, lies"
# "Khasan, on the Russian side of the Tumen River, is …"; "Kariba Dam, on the Zambezi …,
# is …" (the name's own feature word before the comma)
_APPOSED = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,2}\s*,[^,]{1,80},\s*"
                      r"(?:is|lies|was|sits|stands|remains)\b[^,]*$")


def _subject(p: _Passage, sent: tuple[int, int], before: int, taken: set[int]
             ) -> _End | None:
    """The place a sentence's figure is about: the nearest point-like place before it.

    Falls back to the nearest one of the sentences before ("The town lies 15 km from the
    border": the town was named before), with less confidence.
    """
    here = [m for m in p.mentions if sent[0] <= m.start and m.end <= before
            and m.start not in taken]
    local = [m for m in here if m.place.kind in LOCAL_KINDS]
    # An area is the subject only right before the figure ("Kegalle District, 72 km north
    # of Colombo"), not a country named earlier in the sentence.
    beside = [m for m in here if re.fullmatch(r"[\s,]*(?:[a-z]+\s+){0,3}",
                                              p.text[m.end:before])]
    pick = local[-1] if local else (beside[-1] if beside else None)
    if local and _APPOSED.match(p.text, local[0].end, before):
        pick = local[0]  # "Khasan, on the Russian side of the Tumen River, is 130 km from"
    unknown = _UNKNOWN_NAME.search(p.text, pick.end, before) if pick is not None and \
        local and pick is local[-1] and not _APPOSITION_OPENS.match(p.text, pick.end) else None
    if unknown is not None and not any(unknown.start("name") < m.end and m.start < before
                                       for m in (*p.mentions, *p.demonyms)):
        # "… to Managua crashed near the Las Manos border crossing, about 120 km from
        # Tegucigalpa": the figure places the name the finder does not know
        return None
    if pick is not None:
        found = _end(pick)
        event = p.lex.found_at.search(p.text, pick.end, before)
        if event is not None and event.group().lower() != "located" and not re.fullmatch(
                r"\s*[,–—(-]\s*", p.text[pick.end:event.start()]):
            # "A bus from Humboldt crashed … 30 km north of Tisdale": the figure places the
            # crash; "Humboldt, found in 1903, lies …" and "the mine, located 80 km north of
            # …" still place the town and the mine
            found.confidence = _min(found.confidence, "likely")
            found.note = (f"the figure may place where something “{event.group()}”, not "
                          f"“{pick.text}”")
        return found
    told = _feature_told(p, sent, before)
    if told is not None:
        return told
    others = [m.place for m in p.by_sentence[p.sentence_of(sent[0])]] if p.sentence_of(
        sent[0]) >= 0 else []
    # The last place named before, if it lies near this sentence's places: when it does not,
    # the story has moved on, and an older place is no likelier the subject.
    earlier = [m for m in p.mentions if sent[0] - 400 <= m.start < sent[0]
               and m.place.kind in LOCAL_KINDS][-1:]
    if earlier and all(distance_km(earlier[-1].place.point, o.point) <= _NEIGHBOUR_KM
                       for o in others):
        found = _end(earlier[-1])
        window = [m for m in p.mentions if sent[0] - 400 <= m.start < sent[0]
                  and m.place.kind in LOCAL_KINDS]
        # Only when the sentence's subject is a common noun ("The eruption, some 640 km
        # east of Jakarta"): a name the finder does not know may be the subject ("The
        # district of Gorkha lies 80 km north-west of Kathmandu")
        first = sent[0] + len(p.text[sent[0]:before]) - len(p.text[sent[0]:before].lstrip())
        word = re.match(r"[\w’'-]+", p.text[first:before])
        from routes.geo.gazetteer import load_gazetteer

        # the sentence's first word is capitalised anyway; a name there counts ("Nineveh
        # province, where thousands fled, lies …"), an ordinary word does not ("The")
        skip = len(word.group()) if word is not None and word.group().lower() in (
            load_gazetteer().lexicon) else 0
        unnamed = not _NAME_WORD.search(p.text, first + skip, before) and not any(
            sent[0] <= m.start < before for m in p.mentions)  # "Puno (the region) sits …"
        found.context = _context(found, window) if unnamed else "among"
        if p.lex.found_at.search(p.text, sent[0], before):
            found.context = "among"  # "It was found drifting some 30 nautical miles …": a
            # vessel or a person is placed, not the place named before
        found.confidence = "likely"
        found.note = f"“{earlier[-1].text}” is taken from an earlier sentence"
        return found
    return None


_NAME_WORD = re.compile(r"\b[A-Z]")
# A name the finder does not know, set off right before a figure's locator: "near the Las
# Manos border crossing, about 120 km from"
# "Kampala, the Ugandan capital, is …": words set off after the place describe it
_APPOSITION_OPENS = re.compile(r"\s*[,(]")
_UNKNOWN_NAME = re.compile(r"\b(?:near|at|in|of|the)\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+"
                           r"(?:\s+[A-Z]?[\w’'-]+){0,3})\s*,\s*(?:[a-z]+\s+){0,2}$")


def _feature_told(p: _Passage, sent: tuple[int, int], before: int, *, since: int = -1
                  ) -> _End | None:
    """The feature "the volcano" names again, if only one fits.

    At the start of ``sent`` (a sentence, or the words after "of"): the one feature of the
    classes the phrase stands for (claims.toml ``[feature_reference]``) named from the
    sentence before on (or from ``since``), never sure.
    """
    text = p.text
    first = sent[0] + len(text[sent[0]:before]) - len(text[sent[0]:before].lstrip())
    if since < 0:
        since = p.sentences[max(p.sentence_of(sent[0]) - 1, 0)][0]
    for phrase, classes in p.lex.feature_references:
        said = phrase.match(text, first, before)
        if said is None:
            continue
        return _one_named_before(said.group(), [
            m for m in p.mentions if since <= m.start < sent[0]
            and m.place.id.split(":")[:2] in (["feature", c] for c in classes)])
    return None


def _one_named_before(words: str, named: Sequence[Mention]) -> _End | None:
    """The one place ``words`` ("the town", "the volcano") can name again, never sure."""
    places = {m.place.id: m for m in named}
    if len(places) != 1:
        return None
    (m,) = places.values()
    found = _end(m)
    found.confidence = "likely"
    found.note = f"“{words}” is read as {m.place.name}, named before it"
    return found

# Places named before that lie this close (km) to the one taken are the same spot for a
# figure measured from it (Fort McMurray and Anzac, 38 km apart)
_CLUSTER_KM = 50.0


def _context(taken: _End, candidates: Sequence[Mention]) -> str:
    """How a place taken from the context was chosen.

    "alone" if its own reading is sure and every candidate lies beside it, else "among".
    """
    return "alone" if taken.confidence == "sure" and all(
        distance_km(m.place.point, taken.place.point) <= _CLUSTER_KM
        for m in candidates) else "among"


# A place taken from the context, not named with the figure, must lie this close (km) to
# the place it is paired with.
_NEIGHBOUR_KM = 2_000.0


def _previous_place(p: _Passage, dest: _End, sent: tuple[int, int]) -> _End | None:
    """The place a bare "N km to the north" is measured from: the place named before."""
    # A place far from the one named with it is another story's ("Johnson Creek" in
    # Wisconsin beside McCall, Idaho): it is passed over.
    cands = [m for m in p.mentions if m.start < dest.at and m.place.id != dest.place.id
             and m.place.kind in LOCAL_KINDS and m.start >= sent[0] - 600
             and distance_km(m.place.point, dest.place.point) <= _NEIGHBOUR_KM]
    if not cands:
        return None
    found = _end(cands[-1])
    # "struck the city of Van and the town of Ercis, 100 km to the north": the one place
    # the sentence names before is the place meant, whatever earlier sentences named
    same = [m for m in cands if m.start >= sent[0]]
    found.context = _context(found, same or cands)
    found.confidence = "likely"
    found.note = f"measured from {cands[-1].text}, the place named before it"
    return found


_EPICENTRE_REACH = 1_500  # characters back to where the story placed the epicentre
_DIGIT = re.compile(r"\d")


def _epicentre(p: _Passage, dest: _End | None, before: int, *,
               after: int | None = None) -> _End | None:
    """Where the story placed an earthquake's epicentre before ``before``, if it did.

    For a bare "N km to the southwest" or "N km from the epicentre" that follows it ("Its
    epicentre was in Doti district … Some 536 km to the southwest, New Delhi was shaken").
    The place named after the word "epicentre" in its sentence, before any figure there
    (in "the epicentre was at Jajarkot, 250 miles from Kathmandu" it is Jajarkot or
    nothing, never Kathmandu). With ``after``, a story that places it only later is read
    too ("The quake was felt in New Delhi, 500 miles away. … Its epicentre was at
    Jajarkot"): the nearest placing before, else the first within reach after.
    """
    text = p.text
    found = max(p.lex.epicentre.finditer(text, max(0, before - _EPICENTRE_REACH), before),
                key=lambda f: f.start(), default=None)
    where = "before"
    if found is None and after is not None:
        found = p.lex.epicentre.search(text, after, min(len(text), after + _EPICENTRE_REACH))
        where = "later"
    if found is None:
        return None
    at = found.end()
    end = p.sentences[p.sentence_of(at)][1]
    figure = _DIGIT.search(text, at, end)
    stop = figure.start() if figure is not None else end
    m = next((m for m in p.mentions if at <= m.start < stop
              and (m.place.kind in LOCAL_KINDS or m.place.kind == "admin2")
              and (dest is None or m.place.id != dest.place.id)), None)
    if m is None:
        return None
    origin = _end(m)
    origin.confidence = "likely"
    origin.note = f"measured from the epicentre, placed at {m.text} {where}"
    return origin


def _next_leg(p: _Passage, q: Quantity, clause: tuple[int, int], here: Sequence[Mention],
              before: Claim | None, after: re.Match[str] | None) -> _Reading | None:
    """The leg on from where the figure before ended, to the place named after "to"."""
    if before is None or before.destination is None or before.origin is None or \
            before.relation != "from_to" or (before.quantity.kind != q.kind and not (
                {before.quantity.kind, q.kind} <= {"distance", "duration"})):
        return None
    if after is not None and (after.group("of") or after.group("rel")):
        return None  # "to Tulum, 130 km south of Cancún": the text names the start
    text = p.text
    lo, hi = before.quantity.end, max(clause[1], q.end)
    told = max([m.end for m in here if m.start < q.start and m.place.id in (
        before.origin.id, before.destination.id)], default=lo)
    if _FROM_PLACE.search(text, max(lo, told), hi):
        return None  # a start of its own ("from Tulum we headed …"), past the leg before's
    ends = [m for m in here if lo <= m.start < hi and m.place.kind in LOCAL_KINDS
            and text[max(lo, m.start - 4):m.start].lower().endswith("to ")
            and m.place.id not in (before.origin.id, before.destination.id)]
    if not ends and before.places_note.startswith("on from ") and before.sentence == \
            p.sentences[p.sentence_of(q.start)] and re.fullmatch(
                r"[^.;]{0,60}", text[before.quantity.end:q.start]):
        # "… rode the bus to El Chaltén, 215 km to the north, in about three hours": the
        # leg's other figure
        return _Reading(_End(before.origin, before.places_confidence or "likely",
                             note=before.places_note),
                        _End(before.destination, before.places_confidence or "likely"),
                        "from_to", None, before.places_confidence or "likely",
                        before.places_note)
    if len({m.place.id for m in ends}) != 1:
        return None
    between = text[lo:ends[0].start]
    if not re.search(r"(?i)\bor\b", between) and not p.lex.onward_legs.search(between):
        return None  # "…, while the car ferry to Stari Grad takes two hours": which start?
    if re.search(r"(?i)\bor\b", between):
        # "90 minutes to reach Ollantaytambo from Aguas Calientes, or 3½ hours to Poroy":
        # another end from the same start
        return _leg_after(before, before.origin,
                          f"from {before.origin.name}, as the figure before", ends[0])
    return _leg_after(before, before.destination,
                      f"on from {before.destination.name}, where the leg before ends", ends[0])


def _leg_after(before: Claim, start: Place, note: str, end: Mention) -> _Reading:
    """A trip from ``start``, an end of the claim ``before``, to the place ``end`` names."""
    first = _End(start, before.places_confidence or "likely", note=note)
    d = _end(end)
    return _Reading(first, d, "from_to", None, _min(first.confidence, d.confidence, "likely"),
                    note)


_FROM_PLACE = re.compile(r"\b[Ff]rom\s+(?:the\s+)?[A-Z]")  # a start named ("from Tulum")
_SPENT_ON = re.compile(r"\s+(?:on|at)\s+the\s+([a-z]+)\b")
_STAY_UNITS = frozenset({"day", "week", "month"})
_REACHED = re.compile(r"(?i)\b(?:reach(?:es|ed|ing)?|gets?\s+to|got\s+to)\s+$")


def _direction_word(text: str, lex: Lexicon, start: int, end: int) -> str | None:
    word = text[start:end]
    code = lex.compass(word)
    return code[0] if code else None


def _read_places(p: _Passage, q: Quantity, si: int, clause: tuple[int, int],
                 previous: Sequence[Claim], anchors: set[int], trip: tuple[Mention, Mention]
                 | None) -> _Reading:
    """Origin, destination and relation of ``q`` (see the module text)."""
    text = p.text
    sent = p.sentences[si]
    here = p.by_sentence[si]
    after = _after(text, q)
    if after is not None and (after.group("rel") or "").lower() == "from":
        word = re.match(r"\s*([A-Za-z]+)", text[q.end + after.end():q.end + after.end() + 20])
        if word is not None and word.group(1).casefold() in p.lex.calendar:
            after = None  # "in three hours from March": a date, not a place
    pair = _explicit_pair(p, here, clause[0], clause[1], near=q) or _explicit_pair(
        p, here, *sent, near=q)
    # 0. "N km to Y's north"
    poss = re.match(rf"^\s*(?:\([^)]*\)\s*)?to\s+(?:the\s+)?(?P<name>[^\s'’]+(?:\s+[^\s'’]+)"
                    rf"{{0,3}}?)['’]s\s+(?P<dir>{_DIR})\b", text[q.end:q.end + 60])
    if poss is not None:
        anchor = next((m for m in here if m.start == q.end + poss.start("name")), None)
        if anchor is not None:
            return _possessive(p, q, poss, anchor, _subject(p, sent, q.start, anchors))
    # 1c. "… to Lao Cai takes about eight hours, and Sapa is another hour by minibus": a
    # further leg after a figure of the same sentence, to the one place named after it.
    before = previous[-1] if previous and previous[-1].sentence == sent else None
    if before is not None and before.destination is not None and _ONWARD.search(
            text, before.quantity.end, min(sent[1], q.end + 20)):
        ahead = [m for m in here if before.quantity.end <= m.start < min(sent[1], q.end + 40)
                 and m.place.kind in LOCAL_KINDS]
        went = _End(before.destination, before.places_confidence or "likely",
                    note=f"on from {before.destination.name}, where the figure before ends")
        # Where the leg before ends, named again, is no further place: "six hours to Dubai,
        # then another seven to Heathrow", "and from Lao Cai it is another hour to Sapa".
        further = [m for m in ahead if not (
            m.place.id == before.destination.id and m.start < q.start
            and re.search(r"(?i)\b(?:from|to)\s+$", text[max(0, m.start - 6):m.start]))]
        if len({m.place.id for m in further}) == 1 and further[0].place.id != \
                before.destination.id:
            return _leg_after(before, before.destination, went.note, further[0])
        if not further:
            # never the leg before again: "and another hour to Phi Phi", a place unknown
            return _Reading(went, None, "from_to", None, "none",
                            f"it is a further leg from {before.destination.name}, to a place "
                            "the finder does not know")
    # 1d. "… run from London to Paris in 2 h 16 and reach Brussels in just over two
    # hours": another end reached from the same start, named between the two figures
    if before is not None and before.origin is not None and before.destination is not None \
            and before.relation == "from_to":
        new = [m for m in here if before.quantity.end <= m.start < q.start
               and m.place.kind in LOCAL_KINDS
               and m.place.id not in (before.origin.id, before.destination.id)]
        if len({m.place.id for m in new}) == 1 and _REACHED.search(
                text, max(before.quantity.end, new[0].start - 12), new[0].start):
            return _leg_after(before, before.origin,
                              f"from {before.origin.name}, as the figure before", new[0])
    # 1e. "We flew to Cancún, about two and a half hours, and picked up a car to drive 130
    # km south to Tulum": a leg with no start of its own goes on from where the leg before
    # ended, to the place it names with "to"
    chained = None if pair is not None and before is not None and \
        pair[0].start >= before.quantity.end else _next_leg(p, q, clause, here, before, after)
    if chained is not None:
        return chained
    # 1. "X, N km (north) of/from Y" (unless Y starts a "from Y to Z" pair)
    if after is not None and pair is not None and q.end + after.end() <= pair[0].start <= \
            min(q.end + after.end() + 60, clause[1]):
        after = None
    if after is not None and after.group("noun") and _UNNAMED_ENDS.search(text, *clause) \
            and not any(clause[0] <= m.start < clause[1] for m in here):
        return _Reading(note="its ends are named by words, not places")
    if after is not None and q.kind in ("distance", "duration") and (
            after.group("of") or after.group("rel")):
        rel_word = (after.group("rel") or "").lower()
        direction = _direction_word(text, p.lex, after.start("dir") + q.end,
                                    after.end("dir") + q.end) if after.group("dir") else None
        if rel_word in ("apart", "distant", "across") or (
                rel_word == "from" and _figure_at(text, q.end + after.end())):
            after = None  # "cut to 12 hours, from three days": a change, not a place
        else:
            start = q.end + after.end()
            shared = next((c for c in reversed(previous) if c.sentence == sent and c.relation
                           in ("direction_of", "distance_from")), None)
            subject: _End | None
            antecedent = _antecedent(p, clause, here)
            # "… reached San Francisco, 170 miles away": the town set off right before it
            set_by = next((m for m in reversed(here) if m.end <= q.start
                           and m.place.kind in LOCAL_KINDS and _SET_OFF.fullmatch(
                               text, m.end, q.start)), None)
            if set_by is not None and antecedent is None:
                subject = _end(set_by)
            elif antecedent is not None:
                # "Lukla, which is a 35-minute flight from Kathmandu": the place it hangs on
                subject = _end(antecedent)
            elif shared is not None:
                subject = None if shared.destination is None else _End(
                    shared.destination, shared.places_confidence or "likely")
            else:
                subject = _subject(p, sent, q.start, anchors)
            # "480 km away, after Hungary shut …": bare "away" names no place after it
            set_apart = rel_word.startswith("away") and rel_word != "away from" and \
                re.match(r"\s*[,;.)]", text[start:start + 3]) is not None
            origin = None if set_apart else _reference(
                p, start, subject.place if subject else None, sent[1])
            if origin is None and set_apart and subject is not None:
                # "The quake was felt in New Delhi, more than 500 miles away": in a story
                # that places the epicentre, from there
                origin = _epicentre(p, subject, q.start, after=q.end)
            if origin is None and rel_word.startswith("away") and rel_word != "away from" \
                    and subject is not None and pair is None and not re.search(
                        r"(?i)\b(?:to|for|towards?|into)\s+(?:the\s+)?$",
                        text[max(sent[0], subject.at - 12):subject.at]):
                # "The fire broke out in Paradise … smoke reached San Francisco, 170 miles
                # away": from the place the sentence is about, its first town
                topic = next((m for m in here if m.start < subject.at and m.place.kind in
                              LOCAL_KINDS and m.place.id != subject.place.id), None)
                if topic is not None:
                    origin = _end(topic)
                    if _FROM_OPENING.fullmatch(text, sent[0], topic.start) and \
                            text[topic.end:topic.end + 1] == ",":
                        pass  # "From Delhi, Varanasi is 400 km away": said where from
                    else:
                        origin.confidence = "likely"
                        origin.note = (f"measured from {topic.text}, the place the "
                                       "sentence names first")
            if origin is None and not rel_word.startswith("away"):
                words = text[start:min(sent[1], start + 40)]
                named = re.match(r"\s*(?:here|there)\b|\s*(?:the\s+)?(?:[a-z]+\s+){0,3}?"
                                 r"[A-Z][\w’'-]+", words)
                if named is None:
                    # "N km outside the area", "N m from his home": from no named place;
                    # "80 km from the epicentre": from a place the text does not locate,
                    # unless it did before ("the epicentre was in Doti district").
                    point = p.lex.anchors.search(words)
                    where = point.group() if point is not None else ""
                    placed = _epicentre(p, subject, q.start) if p.lex.epicentre.fullmatch(
                        where) and subject is not None else None
                    if placed is not None:
                        return _Reading(placed, subject, "distance_from", direction,
                                        "likely", placed.note)
                    why = (f"it is measured from the {where.lower()}, which the text does "
                           "not place" if where else "it is measured from no named place")
                    return _Reading(None, subject, "distance_from", direction, "none", why,
                                    unnamed_anchor=True, anchor=where)
                said = named.group().strip()
                inside = next((m for m in here if start <= m.start < start + named.end()),
                              None)
                why = (f"it is measured from a part of {inside.place.name} the text does not "
                       "pin down (its coast, border or edge)" if inside is not None
                       else f"“{said} border” does not say which of the country's borders "
                       "it means" if re.match(r"\s*(?:border|frontier)\b",
                                              text[start + named.end():])
                       else f"“{said}” is not a place the finder knows")
                return _Reading(None, subject, "direction_of" if direction else
                                "distance_from", direction, "none", why)
            if origin is not None or rel_word not in ("away", "from", "into"):
                if origin is not None and subject is not None and subject.place.id == \
                        origin.place.id:
                    subject = None
                if origin is not None and subject is None and pair is not None and \
                        p.lex.found_at.search(text, pair[1].end, q.start) is None:
                    # not "a convoy from Port Sudan to El Fasher was attacked about 50 km
                    # from El Fasher": the figure places the attack, not Port Sudan
                    subject = _end(pair[1]) if pair[0].start == origin.at else _end(pair[0])
                # "a 50-minute flight from Melbourne" is a trip from there; "50 km from
                # Melbourne" a position
                # "covers roughly 290 km from Milan to the Via Roma in Sanremo": a trip
                onward = rel_word == "from" and _FROM_PLACE_TO.match(text, start) is not None
                relation = "direction_of" if direction else (
                    "from_to" if after.group("noun") or onward else "distance_from")
                if origin is not None and subject is not None:
                    conf = _min(origin.confidence, subject.confidence)
                    return _Reading(origin, subject, relation, direction, conf,
                                    _notes(origin, subject))
                return _Reading(origin, subject, relation, direction, "none",
                                "one end is not a place the finder knows")
    # 1b. "fewer than 10 nautical miles separate Lesbos from Turkish shores": a place and
    # a reference the passage pins down (a country's shore or border)
    parted = _SEPARATE.match(text, q.end)
    first = next((m for m in here if parted is not None and m.start == parted.end()), None)
    apart = _FROM_NEXT.match(text, first.end) if first is not None else None
    if first is not None and apart is not None and pair is None:
        ref = _reference(p, apart.end(), first.place, sent[1])
        if ref is not None:
            o = _end(first)
            return _Reading(o, ref, "between", None, _min(o.confidence, ref.confidence),
                            _notes(o, ref))
    # 1a. "from London through Brussels (1h48) and Rotterdam (3h01)", "before arriving in
    # Amsterdam three hours later": the figure is the time to the place beside it.
    beside = _place_beside(p, q, here)
    if beside is not None:
        # "Florence to Venice (2h05)": the leg the pair right before the figure names
        told = next((f[0] for f in _pairs(p, here, *sent) if f[1].start == beside.start),
                    None)  # also "between Beijing and Shanghai in about 4 hours"
        origin_m = told or next((m for m in here if m.end <= beside.start and re.search(
            r"(?i)\b(?:from|leav\w*|depart\w*)\s+(?:the\s+)?$",
            text[max(sent[0], m.start - 12):m.start])), None)
        if origin_m is None and trip is not None and trip[0].place.id != beside.place.id:
            origin_m = trip[0]
        if origin_m is not None and origin_m.place.id != beside.place.id:
            o, d = _end(origin_m), _end(beside)
            return _Reading(o, d, "from_to", None, _min(o.confidence, d.confidence),
                            _notes(o, d))
    # 1b. "from A to B it takes N, whereas from C it takes M": M is from C to B.
    if pair is not None and not clause[0] <= pair[0].start < clause[1]:
        for c in reversed(previous):
            if c.sentence != sent or c.destination is None:
                continue
            origin_m = next((m for m in here if clause[0] <= m.start < clause[1] and re.search(
                r"(?i)\bfrom\s+(?:the\s+)?$", text[max(clause[0], m.start - 12):m.start])),
                None)
            own_end = _OWN_END.search(text, origin_m.end, clause[1]) if origin_m else None
            if origin_m is not None and own_end is not None:
                # "… while fast boats from Padang Bai reach the Gili Islands in 90 minutes":
                # the clause names its own end; one the finder knows is read below
                if not any(m.start == own_end.end() - 1 for m in here):
                    return _Reading(_end(origin_m), None, "from_to", None, "none",
                                    f"“{own_end.group('name')}” is not a place the finder "
                                    "knows")
                break
            if origin_m is not None and origin_m.place.id != c.destination.id:
                o2, d2 = _end(origin_m), _End(c.destination, c.places_confidence or "likely")
                return _Reading(o2, d2, "from_to", None, _min(o2.confidence, d2.confidence),
                                _notes(o2, d2))
            break
    # 2. An explicit pair in the clause, then in the sentence (less sure: another clause).
    next_leg = p.lex.next_leg.search(text, pair[1].end, q.start) if pair is not None and \
        pair[1].end <= q.start else None
    if pair is not None and next_leg is not None:
        # "the ferry from Geelong to Devonport, followed by a four-hour drive": the next
        # leg, from where the trip told ended, to the place it names ("then the train from
        # Poroy to Ollantaytambo, which takes two hours")
        starts = _named_after(p, here, "from", next_leg.end(), q.start)
        arrivals = _named_after(p, here, "to", next_leg.end(), q.start)
        if not arrivals and next_leg.group().lower().endswith(" to"):
            # "and on to Auckland, three hours": the word that starts the leg ends in "to"
            arrivals = [m for m in here if m.start > next_leg.end() and not
                        p.text[next_leg.end():m.start].strip(" ")][:1]
        o = _end(starts[-1]) if starts else _end(pair[1])
        to = _end(arrivals[-1]) if arrivals else _to_after(p, q, here)
        if to is None or to.place.id == o.place.id:
            return _Reading(None, o, "from_to", None, "none",
                            f"it is a further leg from {o.place.name}, to a place not named")
        return _Reading(o, to, "from_to", None, _min(o.confidence, to.confidence, "likely"),
                        f"a further leg, from {o.place.name}")
    if pair is not None:
        o, d = _end(pair[0]), _end(pair[1])
        in_clause = clause[0] <= pair[0].start < clause[1]
        to = _to_after(p, q, here) if not in_clause else None
        if to is not None and to.place.id not in (o.place.id, d.place.id):
            # "90 minutes to reach A from B, or 3½ hours to C": from B to C
            return _Reading(o, to, "from_to", None, _min(o.confidence, to.confidence, "likely"),
                            _notes(o, to) or f"from {o.place.name}, as the figure before")
        # A pair named in an earlier clause carries over to a clause that names no place
        # ("Though a flight between A and B takes 90 minutes, a trip by rail takes …").
        carried = pair[1].end <= clause[0] and not any(
            clause[0] <= m.start < clause[1] for m in here)
        sure = in_clause or carried
        note = _notes(o, d) or ("" if sure else "the pair is named in another clause")
        if after is not None and after.group("dir") and not after.group("of") and \
                q.kind == "distance" and _SET_OFF.fullmatch(text, pair[1].end, q.start):
            # "The train from Bangkok to Hat Yai, about 750 km to the south, takes 16
            # hours": the figure places the end it is set off after (as the crow flies, or
            # by road: "reached Odesa, roughly 200 km to the west"), not the train's way
            direction = _direction_word(text, p.lex, after.start("dir") + q.end,
                                        after.end("dir") + q.end)
            return _Reading(o, d, pair[2], direction,
                            _min(o.confidence, d.confidence, "sure" if sure else "likely"),
                            note, structure="sure" if sure else "likely", located=True)
        return _Reading(o, d, pair[2], None,
                        _min(o.confidence, d.confidence, "sure" if sure else "likely"), note,
                        structure="sure" if sure else "likely")
    # 3. "N km to the north": from the place before to the one named with it.
    if after is not None and after.group("dir") and not after.group("of"):
        direction = _direction_word(text, p.lex, after.start("dir") + q.end,
                                    after.end("dir") + q.end)
        dest_m = next((m for m in here if q.end < m.start < q.end + after.end() + 15
                       and re.match(r"^\s*(?:,\s*)?(?:in|at|to|near)\s+$",
                                    text[q.end + after.end():m.start])), None)
        if dest_m is None and not any(m.start < q.start for m in here):
            # "Some 536 km to the southwest, residents of New Delhi were shaken": the place
            # the sentence goes on to name, when it names none before the figure
            dest_m = next((m for m in here if m.start > q.end
                           and m.place.kind in LOCAL_KINDS), None)
        dest: _End | None = _end(dest_m) if dest_m is not None else _subject(
            p, sent, q.start, anchors)
        if dest is not None:
            # "Finisterre is 90 km further west": on from where the figure before ended; a
            # time is then a leg of the trip told, not a position ("another two hours
            # further north")
            onward = _onward_from(p, previous, si, dest) if after.group("further") else None
            origin = onward or _epicentre(p, dest, sent[0]) or _previous_place(p, dest, sent)
            if origin is not None and onward is None and after.group("further"):
                origin.context = "among"  # "further" goes on from somewhere not named
            if origin is not None:
                leg = onward is not None and q.kind == "duration"
                return _Reading(origin, dest, "from_to" if leg else "direction_of",
                                direction, "likely", origin.note)
            return _Reading(None, dest, "direction_of", direction, "none",
                            "the place it is measured from is not named")
    # 3b. "Amsterdam is another two hours further north": on from where the figure before
    # (of this sentence or the one before) ended, to the one place of the clause.
    if _ONWARD.search(text, *clause):
        ahead = [m for m in here if clause[0] <= m.start < clause[1]
                 and m.place.kind in LOCAL_KINDS]
        went_on = _onward_from(p, previous, si, _end(ahead[0])) if len(ahead) == 1 else None
        if went_on is not None:
            d = _end(ahead[0])
            return _Reading(went_on, d, "from_to", None,
                            _min(went_on.confidence, d.confidence, "likely"), went_on.note)
    # 3c. "Lukla, which is a 35-minute flight from Kathmandu": the place the relative
    # clause hangs on, and the one place the clause names.
    relative = _relative_pair(p, q, clause, here)
    if relative is not None:
        return relative
    # 4. The pair an earlier figure of the sentence was about.
    for c in reversed(previous):
        if c.sentence == sent and c.origin is not None and c.destination is not None:
            ids = {m.place.id for m in here}
            if len(ids) < 2 or ids == {c.origin.id, c.destination.id}:
                to = _to_after(p, q, here)
                if to is not None and to.place.id not in (c.origin.id, c.destination.id):
                    origin = _End(c.origin, c.places_confidence or "likely")
                    return _Reading(origin, to, "from_to", None,
                                    _min(origin.confidence, to.confidence), to.note)
                relation = "between" if c.relation == "between" else "from_to"
                return _Reading(_End(c.origin, c.places_confidence),
                                _End(c.destination, c.places_confidence), relation, None,
                                c.places_confidence, c.places_note)
            break
    # 5. The places of the sentence, towns before areas ("between the capital of KwaZulu-
    # Natal, Pietermaritzburg, and Durban" is about the two towns).
    ends = _ends_of(text, here)
    points = [m for m in ends if m.place.kind not in ("continent",)]
    if any(m.place.kind in LOCAL_KINDS for m in points):
        # "trains from Addis Ababa reach Djibouti": a country with a town of its very name
        # is that town beside another town
        points = [_own_town(m) if m.place.kind == "country" else m for m in points]
    local = [m for m in points if m.place.kind in LOCAL_KINDS]
    if local:
        # Towns before areas: "Przemysl, a city along the Poland–Ukraine border" names one
        # end, not a trip to Ukraine.
        points = local
    distinct: list[Mention] = []
    for m in points:
        if all(m.place.id != x.place.id for x in distinct):
            distinct.append(m)
    if len(distinct) >= 2:
        o, d = _end(distinct[0]), _end(distinct[1])
        return _Reading(o, d, "between", None, _min("likely", o.confidence, d.confidence),
                        "the two places of its sentence")
    # 6. The trip the passage is about, unless the sentence gives its own ends in words
    # that name no place ("a 10-minute walk from the station to the museum").
    if not distinct and _UNNAMED_ENDS.search(text, *clause):
        return _Reading(note="its ends are named by words, not places")
    if trip is not None:
        o, d = _end(trip[0]), _end(trip[1])
        if len(distinct) == 1:
            m = distinct[0]
            if m.place.id not in (trip[0].place.id, trip[1].place.id):
                # "3½ hours to Poroy": from the trip's origin to the place named
                if _to_after(p, q, distinct) is not None or re.search(
                        r"(?i)\bto\s+(?:the\s+)?$", text[max(sent[0], m.start - 12):m.start]):
                    d = _end(m)
                else:
                    return _Reading(None, _end(m), "unknown", None, "none",
                                    "only one end is named")
        two = _TWO_PLACES.search(text, *clause) if not distinct else None
        if two is not None and _named_as_pair(p, trip):
            # "the direct distance between the two cities": the pair named before, sure
            # as its places are
            return _Reading(o, d, "between", None, _min(o.confidence, d.confidence),
                            f"“{two.group()}” are {o.place.name} and {d.place.name}, "
                            "named before")
        note = "the trip the passage is about"
        return _Reading(o, d, "from_to", None, _min("likely", o.confidence, d.confidence),
                        note)
    if len(distinct) == 1:
        return _Reading(None, _end(distinct[0]), "unknown", None, "none",
                        "only one end is named")
    return _Reading(note="no place is named")


def _named_after(p: _Passage, here: Sequence[Mention], word: str, lo: int, hi: int
                 ) -> list[Mention]:
    """The places between ``lo`` and ``hi`` right after ``word`` ("from Poroy", "to Cusco")."""
    return [m for m in here if lo <= m.start < hi and m.place.kind in LOCAL_KINDS
            and re.search(rf"(?i)\b{word}\s+(?:the\s+)?$", p.text[max(lo, m.start - 10):m.start])]


def _antecedent(p: _Passage, clause: tuple[int, int], here: Sequence[Mention]
                ) -> Mention | None:
    """The place a clause opening with ", which" or ", where" hangs on, right before it."""
    opening = re.search(r"(?i)(?:\)\s*)?,\s+(?:which|where)$",
                        p.text[max(0, clause[0] - 40):clause[0]])
    if opening is None:
        return None
    comma = clause[0] - len(opening.group())
    return next((m for m in here if m.end == comma and m.place.kind in LOCAL_KINDS), None)


def _relative_pair(p: _Passage, q: Quantity, clause: tuple[int, int],
                   here: Sequence[Mention]) -> _Reading | None:
    """"Lukla, which is a 35-minute flight from Kathmandu": Kathmandu to Lukla.

    The clause of ``q`` opens with ", which" or ", where" right after a place (its
    antecedent) and names one other place: the figure is between the two, from the one
    the clause puts after "from" (else from the antecedent). Likely, not sure: "which" may
    hang on a noun before the place ("the road to Lukla, which ...").
    """
    antecedent = _antecedent(p, clause, here)
    inside = [m for m in here if clause[0] <= m.start < clause[1]
              and m.place.kind in LOCAL_KINDS]
    if antecedent is None or len(inside) != 1 or inside[0].place.id == antecedent.place.id:
        return None
    other = inside[0]
    came_from = re.search(r"(?i)\bfrom\s+(?:the\s+)?$",
                          p.text[max(q.end, other.start - 12):other.start])
    o, d = (_end(other), _end(antecedent)) if came_from else (_end(antecedent), _end(other))
    return _Reading(o, d, "from_to", None, _min("likely", o.confidence, d.confidence),
                    f"{antecedent.place.name}, which the clause of the figure is about")


def _onward_from(p: _Passage, previous: Sequence[Claim], si: int, dest: _End) -> _End | None:
    """Where the figure before ended, for a figure that goes on from there.

    "Amsterdam is another two hours further north", "Finisterre is about 90 km further
    west": the destination of the claim before, of this sentence or the one before, unless
    it is ``dest`` itself.
    """
    onward = previous[-1] if previous else None
    if onward is None or onward.destination is None or p.sentence_of(
            onward.quantity.start) < si - 1 or onward.destination.id == dest.place.id:
        return None
    return _End(onward.destination, onward.places_confidence or "likely",
                note=f"on from {onward.destination.name}, where the figure before ends")


_SET_OFF = re.compile(r"(?i)\s*,\s*(?:(?:some|about|around|roughly|nearly|almost|just|only|"
                      r"over|more\s+than|less\s+than)\s+)?")
_FROM_NEXT = re.compile(r"(?i)\s+from\s+")
_SEPARATE = re.compile(r"(?i)\s+(?:separat(?:e|es|ed|ing)|divid(?:e|es|ed|ing))\s+(?:the\s+)?")
_ONWARD = re.compile(r"(?i)\b(?:another|a\s+further|further\s+on|onwards?)\b")
_UNNAMED_ENDS = re.compile(r"\bfrom\s+(?:the|a|an|his|her|their|our|my|its)\s+[a-z][\w-]*"
                           r"(?:\s+[a-z][\w-]*)?\s+(?:to|into|until)\s+(?:the|a|an|his|her|"
                           r"their|our|my|its)\s+[a-z]")


def _place_beside(p: _Passage, q: Quantity, here: Sequence[Mention]) -> Mention | None:
    """The place a figure is about when it stands right beside it.

    "Brussels (1h48)", "arriving in Amsterdam three hours later".
    """
    text = p.text
    for m in here:
        if m.end <= q.start and re.fullmatch(r"\s*\(\s*", text[m.end:q.start]) and \
                re.match(r"\s*\)", text[q.end:q.end + 3]):
            return m
        if m.end <= q.start and re.fullmatch(r"\s+", text[m.end:q.start]) and re.match(
                r"(?i)\s+later\b", text[q.end:q.end + 8]) and any(
                    re.fullmatch(r"\s+(?:in|at)\s+(?:the\s+)?|\s+", text[a.end():m.start])
                    for a in p.lex.arrival.finditer(text, max(0, m.start - 25), m.start)):
            return m
        if m.end <= q.start and _IN_FIGURE.fullmatch(text, m.end, q.start) and \
                _ALSO_BEFORE.search(text, max(0, m.start - 12), m.start) and find_quantities(
                    text[p.sentences[p.sentence_of(q.start)][0]:m.start]):
            # "links London and Paris in 2h16, and Brussels in just under two hours": a
            # further place of a list, after an earlier figure of the sentence
            return m
    return None


# "<place> in (just under) <figure>" after "and" or a comma: a further place of a list
_IN_FIGURE = re.compile(r"(?i)\s+in\s+(?:(?:just|only|about|around|some|roughly|nearly|"
                        r"under|over|less\s+than|more\s+than|a\s+little|a\s+bit|"
                        r"well)\s+){0,2}")
_ALSO_BEFORE = re.compile(r"(?i)(?:,|\band|\bor|\bwhile)\s*(?:and\s+)?(?:to\s+)?$")


def _possessive(p: _Passage, q: Quantity, poss: re.Match[str], anchor: Mention,
                subject: _End | None) -> _Reading:
    """"N km to Y's north": from Y to the place the sentence is about."""
    origin = _end(anchor)
    direction = _direction_word(p.text, p.lex, q.end + poss.start("dir"),
                                q.end + poss.end("dir"))
    if subject is not None and subject.place.id != origin.place.id:
        return _Reading(origin, subject, "direction_of", direction,
                        _min(origin.confidence, subject.confidence), _notes(origin, subject))
    return _Reading(origin, None, "direction_of", direction, "none",
                    "the place it is measured to is not named")


def _before_change(p: _Passage, q: Quantity, sent: tuple[int, int],
                   quantities: Sequence[Quantity]) -> Quantity | None:
    """The time before the change a duration ``q`` is the time after, if it is one.

    "has cut the journey from three days by road to about 12 hours": three days.
    """
    if q.kind != "duration" or p.lex.change.search(p.text, *sent) is None:
        return None
    return next((o for o in reversed(quantities) if o.kind == "duration"
                 and sent[0] <= o.start and o.end < q.start
                 and _FROM_BEFORE.search(p.text, max(sent[0], o.start - 30), o.start)
                 and re.search(r"(?i)\bto\s+(?:about\s+|around\s+|some\s+|just\s+|under\s+|"
                               r"less\s+than\s+|fewer\s+than\s+)?$",
                               p.text[o.end:q.start])), None)


_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|"
                          r"more\s+than\s+|over\s+)?$")


_HEDGE_LEAD = re.compile(r"(?i)\s*(?:(?:about|around|some|nearly|almost|roughly|"
                         r"approximately|more\s+than|over|under|less\s+than|up\s+to|"
                         r"just)\s+)?")


def _figure_at(text: str, pos: int) -> bool:
    """Whether a figure starts right at ``pos`` ("from three days", "from about 18 hours")."""
    window = text[pos:pos + 60]
    found = find_quantities(window)
    lead = _HEDGE_LEAD.match(window)
    return bool(found) and lead is not None and found[0].start <= lead.end()


# The end a clause names for itself after its origin: "reach the Gili Islands", "to Coron".
_OWN_END = re.compile(r"\s(?:to|reach(?:es|ed|ing)?|arriv\w*\s+(?:at|in)|bound\s+for)\s+"
                      r"(?:the\s+)?(?=(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}))[A-Z]")


def _to_after(p: _Passage, q: Quantity, here: Sequence[Mention]) -> _End | None:
    """The place right after "to" following the figure ("3½ hours to Poroy")."""
    for m in here:
        if m.start > q.end and re.fullmatch(r"\s+(?:to|for)\s+(?:the\s+)?", p.text[q.end:m.start]):
            return _end(m)
    return None


def _min(*levels: str) -> str:
    return min(levels, key=CONFIDENCE.index)


def _notes(*ends: _End) -> str:
    return "; ".join(e.note for e in ends if e.note)


# "the two cities": the pair of places named before.
_TWO_PLACES = re.compile(r"(?i)\b(?:the|both)\s+(?:two|twin)\s+(?:cities|towns|capitals|places|"
                         r"ports|airports|countries|islands|stations|villages|states)\b")


def _named_as_pair(p: _Passage, trip: tuple[Mention, Mention]) -> bool:
    """Whether the trip's places were named as a pair ("from A to B"), not just first."""
    si = p.sentence_of(trip[0].start)
    if si < 0 or p.sentence_of(trip[1].start) != si:
        return False
    pair = _explicit_pair(p, p.by_sentence[si], *p.sentences[si])
    return pair is not None and {pair[0].start, pair[1].start} == {trip[0].start,
                                                                   trip[1].start}


def _story_trip(p: _Passage) -> list[tuple[Mention, Mention] | None]:
    """The trip each sentence continues: the nearest explicit pair at or before it."""
    trips: list[tuple[Mention, Mention] | None] = []
    towns: list[Mention] = []
    for m in p.mentions:
        if m.place.kind in LOCAL_KINDS and all(m.place.id != t.place.id for t in towns):
            towns.append(m)
    # Before any "from A to B", the story is about its first two towns.
    last: tuple[Mention, Mention] | None = (towns[0], towns[1]) if len(towns) >= 2 else None
    for si, sent in enumerate(p.sentences):
        trips.append(last)
        if len(p.by_sentence[si]) < 2:
            continue
        pair = _explicit_pair(p, p.by_sentence[si], *sent)
        if pair is not None and pair[0].place.id != pair[1].place.id:
            last = (pair[0], pair[1])
    return trips


def _anchors(p: _Passage, quantities: Sequence[Quantity]) -> set[int]:
    """Starts of the places figures are measured from (Y in "N km north of Y")."""
    out: set[int] = set()
    for q in quantities:
        m = _after(p.text, q)
        if m is None or not (m.group("of") or m.group("rel")):
            continue
        at = q.end + m.end()
        nxt = next((x for x in p.mentions if x.start >= at), None)
        if nxt is not None and _GAP.match(p.text[at:nxt.start]):
            out.add(nxt.start)
    return out


# --------------------------------------------------------------------------------------
# The claims of a text
# --------------------------------------------------------------------------------------


def find_claims(text: str, *, places: Sequence[Mention] | None = None) -> list[Claim]:
    """The travel claims of ``text``, with their places and modes (not yet checked).

    Parameters
    ----------
    text
        Any text.
    places
        Its place mentions, if already found (:func:`routes.geo.geoparse.find_places`).

    """
    lex = load_lexicon()
    mentions = list(places) if places is not None else find_places(text)
    p = _passage(text, mentions, lex)
    quantities = find_quantities(text)
    anchors = _anchors(p, quantities)
    trips = _story_trip(p)
    claims: list[Claim] = []
    for k, q in enumerate(quantities):
        si = p.sentence_of(q.start)
        if si < 0:
            continue
        if k and _restates(text, quantities[k - 1], q):
            # A figure restated in another unit shares the fate of the first.
            if claims and claims[-1].quantity is quantities[k - 1]:
                claims.append(_claim(p, q, p.sentences[si], (0, 0), _Reading(), _Mode(),
                                     claims))
            continue
        sent = p.sentences[si]
        clause = _clause(text, sent, q)
        here = p.by_sentence[si]
        in_sentence = [o for o in quantities if sent[0] <= o.start < sent[1]]
        pair = _explicit_pair(p, here, *clause, near=q)
        label = _LABEL.match(text, sent[0], q.start) if pair is None else None
        if label is not None:
            # "Seoul–Busan KTX: 417 km, 2 h 40 min": a pair labelling the figures after it
            pair = _explicit_pair(p, here, sent[0], sent[0] + label.end("label"))
        # A pair of places vouches for the figure it stands next to ("the 77 km long drive
        # from A to B"), not for every figure of the clause; but a figure of another kind
        # after it, with no place between, is the same trip's ("Cusco – Puno, 7 hrs by bus,
        # 390 km").
        span = (pair[0].start, pair[1].end) if pair is not None else (0, 0)
        explicit = pair is not None and (
            _nearest_is(q, span, in_sentence, text) or label is not None or (
                span[1] <= q.start and _after(text, q) is None
                and q.unit in _TRIP_UNITS
                and _nearest_is(q, span, [o for o in in_sentence if o.kind == q.kind], text)
                and not any(span[1] <= m.start < q.start for m in here)))
        pair_after = explicit and pair is not None and pair[0].start > q.end
        if _reject(p, q, clause, explicit, in_sentence, pair_after) is not None:
            continue
        if q.kind == "speed" and not re.search(r"(?i)\baverag\w*|cruising", text[max(
                sent[0], q.start - 40):q.start]):
            continue
        told_before = explicit and pair is not None and pair[1].end <= q.start
        if q.kind == "distance" and not told_before and not _ties_places(p, q, clause) and \
                not _named_by_its_ends(p, q, q.end, pair_after):
            continue
        after = _after(text, q)
        travel = (lex.travel.search(text, clause[0], clause[1]) is not None
                  or pair is not None or any(True for _ in _cues(p, *clause))
                  or (after is not None and (after.group("dir") is not None or (
                      after.group("rel") or "").lower().startswith("away"))))
        if q.kind == "duration" and not travel and any(
                c.sentence == sent and c.quantity.kind == "duration" for c in claims[-1:]):
            travel = True  # "90 minutes to reach A, or 3½ hours to B": the same trip words
        if q.kind == "duration" and not travel and _ONWARD.match(q.surface) and any(
                c.quantity.kind == "duration" and p.sentence_of(c.quantity.start) >= si - 1
                for c in claims[-1:]):
            travel = True  # "… in two hours. Bukhara is another hour beyond": a further leg
        if q.kind in ("duration", "speed") and not travel:
            continue
        reading = _read_places(p, q, si, clause, claims, anchors, trips[si])
        if q.kind == "distance" and reading.unnamed_anchor and not reading.anchor:
            continue  # "N km outside the area", "15 m from his home"
        if reading.origin is None and reading.destination is None:
            # A trip's time with its places untold ("the ferry crossing takes two hours")
            # is still a claim; a distance needs a named end ("N km north of Y").
            if q.kind == "distance":
                continue
            noun = _head_noun(text[q.end:q.end + 40]) if q.adjective else ""
            cue = any(True for _ in _cues(p, *clause))
            if not ((noun and _travel_noun(lex, noun)) or (
                    cue and lex.travel.search(text, *clause) is not None)):
                continue
        if q.kind == "distance" and reading.relation in ("between", "unknown") and not (
                explicit or lex.travel.search(text, clause[0], clause[1])
                or _after(text, q) or lex.apart.search(text, *clause)):
            continue
        mode = _mode(p, q, sent, clause,
                     "direction_of" if reading.located else reading.relation, in_sentence)
        claims.append(_claim(p, q, sent, clause, reading, mode, claims, in_sentence))
    return _told_as_trip(_respectively(p, claims))


# A sentence opening with where its figures are measured from: "From Delhi, …"
_FROM_OPENING = re.compile(r"\s*(?:and\s+|but\s+)?from\s+(?:the\s+)?", re.IGNORECASE)
# Between two figures one word governs: "adds about 2 hours and 1,500 km"
_AND_FIGURE = re.compile(r"\s*(?:,\s*)?and\s+(?:about\s+|around\s+|some\s+|nearly\s+)?")
# "N km apart", "N miles (M km) apart"
_APART_RIGHT_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?apart\b", re.IGNORECASE)
# The units of a trip's length or time: not metres or feet ("topping out at 1,237 metres")
_TRIP_UNITS = frozenset({"km", "mi", "nmi", "min", "h", "day"})
# A short label ending in a colon before the figures it names ("Seoul–Busan KTX: 417 km")
_LABEL = re.compile(r"(?P<label>[^:.;\n]{3,60}):\s+(?=[^:]*$)")


def _told_as_trip(claims: list[Claim]) -> list[Claim]:
    """Distances "from" a place that the sentence also times as a trip, read as trips.

    A distance from a place, in a sentence that times the trip between the same two places
    by road, rail or sea, is that trip's length as well as a position. "Tegucigalpa is
    about 240 km from San Pedro Sula, a four-hour drive": the 240 km may be the road's, so
    it is read as any way between them, not the straight line alone.
    """
    out = list(claims)
    for k, c in enumerate(out):
        if c.quantity.kind != "distance" or c.mode != "unspecified" or c.direction or \
                c.relation != "distance_from" or c.origin is None or c.destination is None:
            continue
        ends = {c.origin.id, c.destination.id}
        if any(d.sentence == c.sentence and d.quantity.kind == "duration"
               and d.mode in ("road", "rail", "sea") and d.mode_confidence == "sure"
               and d.origin is not None and d.destination is not None
               and {d.origin.id, d.destination.id} == ends for d in out):
            out[k] = replace(c, relation="between")
    return out


_RESPECTIVELY = re.compile(r"(?i)\brespectively\b")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")


def _respectively(p: _Passage, claims: list[Claim]) -> list[Claim]:
    """Figures paired one by one with a list of places, by "respectively".

    "To Hamburg and Munich … two hours and four hours respectively": the k-th figure of
    the sentence goes to the k-th place of the list before it; when the figures and the
    places do not pair off, no figure is sure of its place.
    """
    out = list(claims)
    for sent in {c.sentence for c in claims}:
        if not _RESPECTIVELY.search(p.text, *sent):
            continue
        mine = [k for k, c in enumerate(out) if c.sentence == sent and c.alt_of is None]
        if not mine:
            continue
        first = out[mine[0]].quantity.start
        here = [m for m in p.by_sentence[p.sentence_of(sent[0])] if m.end <= first
                and m.place.kind in LOCAL_KINDS]
        listed: list[Mention] = []
        for m in reversed(here):  # the last run of places joined by commas and "and"
            if listed and not _LIST_GAP.fullmatch(p.text, m.end, listed[0].start):
                break
            listed.insert(0, m)
        if len(listed) < 2:
            continue
        names = " and ".join(m.place.name for m in listed)
        for n, k in enumerate(mine):
            c = out[k]
            if len(mine) == len(listed) and c.origin is not None:
                out[k] = replace(c, destination=listed[n].place)
            else:
                # which of the places the figure is for is not said: it confirms nothing
                out[k] = replace(c, places_confidence="none", places_note=(
                    f"“respectively” pairs the figures with {names}, and the finder cannot "
                    "tell which is which"))
        for k, c in enumerate(out):  # a restated figure follows the one it restates
            if c.alt_of is not None and c.sentence == sent:
                first_c = out[c.alt_of]
                out[k] = replace(c, destination=first_c.destination,
                                 places_confidence=first_c.places_confidence,
                                 places_note=first_c.places_note)
    return out


_RESTATE = re.compile(r"\s*[(\[/]\s*(?:or\s+|about\s+|some\s+|over\s+|nearly\s+|roughly\s+|"
                      r"around\s+|approximately\s+|almost\s+|more than\s+|less than\s+)?|"
                      r"\s*,?\s*or\s+(?:about\s+)?")


def _restates(text: str, prev: Quantity, q: Quantity) -> bool:
    """Whether ``q`` restates the figure just before it in another unit ("65 km (40 miles)")."""
    return prev.kind == q.kind and prev.unit != q.unit and _RESTATE.fullmatch(
        text[prev.end:q.start]) is not None


# After "N km from": a place and "to" ("from Milan to the Via Roma in Sanremo").
_FROM_PLACE_TO = re.compile(r"\s*(?:the\s+)?[A-Z][\w’'.-]*(?:[\s-]+[A-Z][\w’'.-]*){0,3}\s+to\s")


# Before "round trip": more services run, not a trip's length ("an extra round trip on
# Friday", "will add two round trips").
_MORE_RUNS = re.compile(r"(?i)\b(?:extra|additional|more|another|adds?|added|adding)\s+"
                        r"(?:(?:a|an|one|two|three|four|five|six|\d+)\s+)?$")


# Between a word and a figure: the phrase the word ends is closed, and the sentence's verb
# opens the figure's ("…, which hosted the joint industrial zone, is only about 60 km").
_CLAUSE_CLOSED = re.compile(r"(?i),\s+(?:is|lies|lay|was|sits|stands|remains|are|were)\s+"
                            r"(?:(?:only|just|still)\s+)?"
                            + _HEDGE_LEAD.pattern.removeprefix("(?i)"))


# Right after a figure, a comparative ("half an hour quicker", "an hour or more faster").
_DIFFERENCE = re.compile(r"(?i)\s+(?:or\s+(?:more|so)\s+)?([a-z]+)\b")


# The trip a figure written as an adjective qualifies, when it is one way ("a 95-minute
# crossing", "a two-hour flight"; not "a 20-hour round trip" nor "a two-hour return trip").
_ONE_WAY_NOUN = re.compile(r"(?i)\s+(?:(?!round\b|return\b)[a-z]+\s+)?(?:crossing|flight|"
                           r"drive|ride|journey|sailing|voyage)\b")


def _claim(p: _Passage, q: Quantity, sent: tuple[int, int], clause: tuple[int, int],
           r: _Reading, mode: _Mode, claims: Sequence[Claim],
           quantities: Sequence[Quantity] = ()) -> Claim:
    text, lex = p.text, p.lex
    alt_of = None
    if claims and _restates(text, claims[-1].quantity, q):
        alt_of = len(claims) - 1
    window = (max(clause[0], q.start - 60), min(clause[1], q.end + 60))
    # "the round trip … takes 20 hours in all": a phrase of the clause the figure is nearest
    ways = {n.effect for s, e, n in p.scan.negatives(*clause)
            if n.effect in ("both_ways", "either_way") and not _MORE_RUNS.search(
                text, max(0, s - 24), s) and (
                (window[0] <= s and e <= window[1])
                or (any(o is q for o in quantities)
                    and _nearest_is(q, (s, e), quantities, text)))}
    if q.adjective and _ONE_WAY_NOUN.match(text, q.end):
        ways = set()  # "a 95-minute crossing" is one way, whatever round trip is run after
    round_trip, either_way = "both_ways" in ways, "either_way" in ways and "both_ways" not in ways
    freight = lex.freight.search(text, sent[0], sent[1]) is not None
    one_off = q.kind == "duration" and lex.one_off.search(text, *clause) is not None
    former = (q.kind == "duration" and _FROM_BEFORE.search(text, max(sent[0], q.start - 30),
                                                           q.start) is not None
              and lex.change.search(text, *sent) is not None)
    if q.kind == "duration" and not former:
        # "twelve hours on the old metre-gauge train": a way superseded, right after it
        gap = re.match(r"[\s,]*(?:[a-z]+\s+){0,2}?", text[q.end:sent[1]])
        at = q.end + (gap.end() if gap else 0)
        former = lex.former_way.match(text, at, min(sent[1], at + 40)) is not None or \
            lex.before_opening.search(text, sent[0], q.start) is not None
    plan = lex.planned.search(text, *sent)
    planned = plan.group() if plan is not None else ""
    own = (lex.special_service.search(text, *sent) or _owned_vehicle(p, sent)
           ) if q.kind == "duration" else None
    special = own.group() if own is not None else ""
    # A craft that keeps no timetable, named in the figure's own clause ("the ferry takes 90
    # minutes, but the small boats spend 12 hours at sea": only the second)
    craft = lex.small_craft.search(text, *clause) if q.kind in ("duration", "speed") else None
    origin = r.origin.place if r.origin else None
    destination = r.destination.place if r.destination else None
    if origin is not None and destination is not None:
        # A trip between a town and a country named like one of its towns ("Addis Ababa is
        # 750 km from Djibouti") is between the two towns, as in an explicit pair.
        if origin.kind in LOCAL_KINDS and destination.kind == "country":
            destination = _town_named(destination)
        elif destination.kind in LOCAL_KINDS and origin.kind == "country":
            origin = _town_named(origin)
    confidence = r.confidence if origin is not None and destination is not None else "none"
    reading = ""
    note = r.note
    if origin is not None and destination is not None and origin.id == destination.id:
        confidence, note = "none", f"both ends read as {origin.name}"
    elif origin is not None and destination is not None and q.kind == "distance" and \
            distance_km(origin.point, destination.point) < _SAME_SPOT_KM <= q.si / 1000.0:
        # "Western Sydney International Airport …, about 45 km west of the Sydney CBD": the
        # two ends read lie in the same spot, so the text means some other place
        confidence, note = "none", (f"both ends read lie within {_SAME_SPOT_KM:g} km of each "
                                    f"other ({origin.name}, {destination.name})")
    nearest = lex.nearest_points.search(text, *sent) if q.kind == "distance" else None
    if nearest is not None and confidence != "none":
        # "from Calais to Dover, about 33 km at the narrowest point": between the shores
        confidence = "likely"
        note = "; ".join(x for x in (f"the figure is measured “{nearest.group()}”, between "
                                     "shores or edges, not between the towns", note) if x)
    site = _site_beside(p, r)
    if site and confidence == "sure":
        # "The Giza pyramids are about 12 km south-west of central Cairo": measured to the
        # site, not to the town it is named after
        confidence = "likely"
        note = "; ".join(x for x in (note, site) if x)
    if confidence == "likely" and nearest is None and r.structure == "sure" and \
            origin is not None and destination is not None and \
            _pair_settles_namesake(r, origin, destination):
        # "Ferries cross from Dover to Calais": Dover in Delaware is 5,900 km from Calais
        confidence = "sure"
    if confidence == "likely" and nearest is None and _bearing_confirms(p, r, origin,
                                                                        destination):
        # "Tremors were felt some 60 miles south in Rome" after a story set in Amatrice:
        # the only place the figure can be from, and Rome does lie south of it
        confidence = "sure"
        note = f"{note}, and the stated direction bears it out"
    if confidence != "none" and r.direction is not None and origin is not None and \
            destination is not None and r.destination is not None and q.kind == "distance":
        there = _namesake_there(p, r.destination.at, origin, destination, r.direction, q)
        if there is not None:
            # "Paradise, some 90 miles north of Sacramento": the Paradise that lies there
            destination, note, confidence = there[0], there[1], "likely"
            reading = there[1]
    if confidence == "sure" and r.direction is not None and origin is not None and \
            destination is not None and r.destination is not None:
        other = _namesake_that_way(p, r.destination.at, origin, destination, r.direction)
        if other is not None:
            confidence, note = "likely", other
    if alt_of is not None:
        first = claims[alt_of]
        return Claim(q, first.origin, first.destination, first.mode, first.relation, sent,
                     alt_of, text, first.direction, first.mode_confidence, first.mode_basis,
                     first.high_speed, first.activity, first.places_confidence,
                     first.places_note, first.round_trip, first.freight, first.one_off,
                     first.urban, first.former, first.namesakes, first.namesake_doubt,
                     first.either_way, first.reading, first.planned, first.special,
                     first.craft, first.stopping)
    namesakes = tuple((side, alt) for side, end in (("origin", r.origin),
                                                     ("destination", r.destination))
                      if end is not None for alt in end.namesakes)
    ends = [e for e in (r.origin, r.destination) if e is not None]
    namesake_doubt = (confidence == "likely" and r.structure == "sure" and len(ends) == 2
                      and nearest is None
                      and origin is not None and destination is not None
                      and (origin.id, destination.id) == (ends[0].place.id, ends[1].place.id)
                      and all(e.confidence == "sure" or e.rival for e in ends)
                      and any(e.rival for e in ends))
    return Claim(q, origin, destination, mode.mode, r.relation, sent, None, text,
                 r.direction, mode.confidence, mode.basis, mode.high_speed, mode.activity,
                 confidence, note, round_trip, freight, one_off, mode.urban, former,
                 namesakes, namesake_doubt, either_way, reading, planned, special,
                 craft.group() if craft is not None else "", mode.stopping)


# "Kim Jong Un's train": a person's own vehicle (the possessor is no place the finder knows)
_OWNED_VEHICLE = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}['’]s\s+(?:[a-z]+\s+)?"
                            r"(?:train|plane|jet|aircraft|helicopter|motorcade)\b")


def _site_beside(p: _Passage, r: _Reading) -> str:
    """Why an end is a site named after its town, not the town ('' when it is not)."""
    for end in (r.origin, r.destination):
        if end is None or end.at < 0:
            continue
        m = next((m for m in p.mentions if m.start == end.at), None)
        if m is None:
            continue
        # "the Kariba dam", "the Lekki Deep Sea Port": a site word right after the name, or
        # after capitalised words that make one name with it
        words = _FOLLOWING_WORDS.match(p.text, m.end)
        run = words.group(1).split() if words is not None else []
        for n in range(len(run)):
            for j in range(n + 1):
                if all(w[:1].isupper() for w in run[:j]) and p.lex.site_tails.fullmatch(
                        " ".join(run[j:n + 1]).lower()):
                    site = " ".join(run[:n + 1])
                    return f"“{m.text} {site}” is a site near {m.place.name}, not the town"
    return ""


_FOLLOWING_WORDS = re.compile(r"[ \t]+((?:[A-Za-z-]+[ \t]+){0,3}[A-Za-z-]+)")


def _pair_settles_namesake(r: _Reading, origin: Place, destination: Place) -> bool:
    """Whether the one end unsure only for its namesakes is settled by the other end.

    The place named with it lies at least :data:`_PAIR_SETTLES` times as far from every
    namesake as from the reading taken (and that one within reach of a trip told as a pair).
    """
    ends = [(e, destination if e is r.origin else origin)
            for e in (r.origin, r.destination) if e is not None and e.confidence != "sure"]
    if len(ends) != 1 or not ends[0][0].rival or not ends[0][0].namesakes:
        return False
    end, other = ends[0]
    near = max(distance_km(end.place.point, other.point), _CLUSTER_KM)
    return all(distance_km(n.point, other.point) >= _PAIR_SETTLES * near
               for n in end.namesakes)


_PAIR_SETTLES = 10.0
_SAME_SPOT_KM = 5.0  # two ends read this close are one spot for a figure at least this long


def _owned_vehicle(p: _Passage, sent: tuple[int, int]) -> re.Match[str] | None:
    """A person's own train or plane in the sentence ("Kim Jong Un's train"), or ``None``."""
    for m in _OWNED_VEHICLE.finditer(p.text, *sent):
        owner_end = p.text.index("'" if "'" in m.group() else "’", m.start())
        if not any(x.start < owner_end and m.start() < x.end for x in p.mentions) and \
                p.text[m.start():owner_end].split()[0].lower() not in ("the", "a", "an"):
            return m
    return None


def _bearing_confirms(p: _Passage, r: _Reading, origin: Place | None,
                      destination: Place | None) -> bool:
    """Whether a compass point confirms an end taken from the context, the other one sure.

    The end must be the only place it could be (``context == "alone"``) and lie the way
    the text says (within 45°), at least 3 km away.
    """
    if r.direction is None or origin is None or destination is None or \
            r.origin is None or r.destination is None:
        return False
    ends = (r.origin, r.destination)
    taken = [e for e in ends if e.context]
    named = [e for e in ends if not e.context]
    said = p.lex.compass(r.direction)
    if len(taken) != 1 or len(named) != 1 or said is None:
        return False
    if taken[0].context != "alone" or named[0].confidence != "sure" or \
            not taken[0].note or taken[0].namesakes:
        return False
    if {origin.kind, destination.kind} & {"border", "coast"} or \
            distance_km(origin.point, destination.point) < 3.0:
        return False
    return _off_bearing(origin.point, destination.point, said[1]) <= 45.0


def _off_bearing(a: tuple[float, float], b: tuple[float, float], said: float) -> float:
    """Degrees between the bearing from ``a`` to ``b`` and the bearing ``said``."""
    return abs((bearing_deg(a, b) - said + 180.0) % 360.0 - 180.0)


# A namesake lies "there" when its distance is within this factor of the figure's.
_THERE_FACTOR = 1.35


def _namesake_there(p: _Passage, at: int, origin: Place, place: Place, direction: str,
                    q: Quantity) -> tuple[Place, str] | None:
    """The namesake a compass point and a distance both place, and why; or ``None``.

    Only when the reading taken fits neither: "Paradise, some 90 miles north of
    Sacramento" is Paradise, California, not the bigger Paradise of Nevada, 390 miles
    south-east.
    """
    said = p.lex.compass(direction)
    m = next((m for m in p.mentions if m.start == at), None)
    if said is None or m is None or not m.candidates or q.si <= 0:
        return None
    km = q.si / 1000.0
    taken = distance_km(origin.point, place.point)
    if _off_bearing(origin.point, place.point, said[1]) <= 45.0 or \
            km / _THERE_FACTOR <= taken <= km * _THERE_FACTOR:
        return None
    for c in m.candidates:
        far = distance_km(origin.point, (c.lat, c.lon))
        if c.id != place.id and c.kind == place.kind and \
                normalize_name(c.name) == normalize_name(place.name) and \
                _off_bearing(origin.point, (c.lat, c.lon), said[1]) <= 45.0 and \
                km / _THERE_FACTOR <= far <= km * _THERE_FACTOR:
            found = Place(c.id, c.name, c.kind, c.country, c.lat, c.lon,
                          population=c.population)
            return found, (f"“{m.text}” is read as the {c.name} at {c.lat:.2f}, {c.lon:.2f} "
                           f"({c.country}), {far:,.0f} km {direction} of {origin.name} as "
                           f"the text says, not {place.name} ({place.country}, {taken:,.0f} "
                           "km away)")
    return None


def _namesake_that_way(p: _Passage, at: int, origin: Place, place: Place, direction: str
                       ) -> str | None:
    """Why a place set in the wrong direction may be a namesake, if one lies that way.

    "Paradise, 140 miles north of Sacramento" read as Paradise, Nevada (east-south-east)
    while a Paradise lies north: the text's compass point says which one it means.
    """
    said = p.lex.compass(direction)
    m = next((m for m in p.mentions if m.start == at), None)
    if said is None or m is None or not m.candidates:
        return None
    if _off_bearing(origin.point, place.point, said[1]) <= 45.0:
        return None
    for c in m.candidates:
        if c.id != place.id and c.kind == place.kind and \
                _off_bearing(origin.point, (c.lat, c.lon), said[1]) <= 45.0 and \
                normalize_name(c.name) == normalize_name(place.name) and \
                distance_km(origin.point, (c.lat, c.lon)) >= 3.0:
            return (f"“{m.text}” is read as {place.name} ({place.country}), which does not "
                    f"lie {direction} of {origin.name}; the {place.name} at {c.lat:.2f}, "
                    f"{c.lon:.2f} ({c.country}) does")
    return None


def shifted(claim: Claim, offset: int, before: int, text: str) -> Claim:
    """A claim found in a piece of ``text``, moved to the whole text.

    The piece starts at ``offset`` and follows ``before`` claims of the earlier pieces.
    """
    q = replace(claim.quantity, start=claim.quantity.start + offset,
                end=claim.quantity.end + offset)
    return replace(claim, quantity=q,
                   sentence=(claim.sentence[0] + offset, claim.sentence[1] + offset),
                   alt_of=None if claim.alt_of is None else claim.alt_of + before, text=text)


def bearing_off(claim: Claim) -> float | None:
    """How many degrees the claim's places lie off its compass point, if it gives one."""
    if claim.direction is None or claim.origin is None or claim.destination is None:
        return None
    said = load_lexicon().compass(claim.direction)
    if said is None or distance_km(claim.origin.point, claim.destination.point) < 3.0:
        return None
    return _off_bearing(claim.origin.point, claim.destination.point, said[1])


def direction_check(claim: Claim) -> str | None:
    """Whether the compass point of a "N km north of Y" claim is right, in words.

    ``None`` when the claim gives no direction or its places are not both known, or one
    is a line (a border or a coast), whose nearest point on generalised outlines says
    little of the way the text means ("10 km east of the Line of Control").
    """
    if claim.direction is None or claim.origin is None or claim.destination is None:
        return None
    if {claim.origin.kind, claim.destination.kind} & {"border", "coast"}:
        return None
    if distance_km(claim.origin.point, claim.destination.point) < 3.0:
        return None
    bearing = bearing_deg(claim.origin.point, claim.destination.point)
    lex = load_lexicon()
    said = lex.compass(claim.direction)
    if said is None:
        return None
    off = _off_bearing(claim.origin.point, claim.destination.point, said[1])
    actual = compass_of(bearing)
    if off <= 45.0:
        return (f"the direction fits: {claim.destination.name} lies {actual} of "
                f"{claim.origin.name}")
    return (f"the direction is wrong: {claim.destination.name} lies {actual} of "
            f"{claim.origin.name}, not {claim.direction}")
