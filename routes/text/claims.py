"""Check the distance, duration and speed claims of a text.

A claim is a quantity (:mod:`routes.text.quantities`) about a trip between places. Its places
come from the place finder (:mod:`routes.geo.geoparse`), first rule that applies:

* an explicit pair in its sentence: "from A to B", "between A and B", "separates A from B",
  "the A to B train", "A–B";
* "X km (north) of/from Y": from Y to the sentence's subject (never a place another figure
  is measured from: "A is 390 km from B and 270 km from C");
* the pair an earlier figure of the same sentence was about, in the same direction;
* the places of its sentence, completed by the trip the context is about: the nearest
  explicit pair in the sentences before it, else the story's trip.

A distance must be able to name its ends: two places, a named place it is measured from, or
a word of travel ("10 km outside the area" is a zone, not a claim). Its mode comes
from the nearest cue word: flight and plane mean air; train and railway mean rail; drive and
bus mean road; ferry means sea; "as the crow flies" and a bare "distance" mean a straight
line.

Each claim is compared with an estimate for that pair and mode:

* straight line: between the city centres and, for flights, the airports;
* rail: every route option (the verdict names the most favourable one);
* air: the block time of the flight;
* road: straight line times a sourced circuity factor, clearly labelled.

The tolerance depends on the hedge (``data/facts.toml``, ``[claims]``). The verdict is
``consistent``, ``understated``, ``overstated`` or ``unverifiable``, always with a reason.

Examples
--------
>>> report = check_claims("A flight from Pyongyang to Vladivostok takes about 90 minutes, "
...                       "but the train takes about 10 hours.")
>>> [(c.claim.quantity.surface, c.claim.mode, c.verdict) for c in report.claims]
[('90 minutes', 'air', 'consistent'), ('10 hours', 'rail', 'understated')]

"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from routes.errors import NoRouteError, RoutesError
from routes.estimate import Estimate
from routes.facts import ClaimRules, load_facts
from routes.geo.geodesy import distance_km
from routes.geo.geoparse import Mention, find_places, text_pieces
from routes.geo.places import Place
from routes.itinerary import RouteOption
from routes.text.quantities import UNITS, Quantity, find_quantities

__all__ = ["CheckedClaim", "Claim", "ClaimReport", "check_claims", "find_claims", "iter_checked"]

# A sentence runs to its full stop; a point inside a number ("17.5 miles") is not one.
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+(?:[.!?]+[\"'”’)]*|\n|$)")
_MODE_CUES = [
    (r"as the crow flies|in a straight line|straight[- ]line|shortest distance", "straight"),
    (r"flights?|fly|flies|flew|flown|plane|airliner|jet|airlines?|air koryo|by air", "air"),
    (r"trains?|rail(?:way)?s?|by rail|sleeper|tgv|shinkansen|nozomi|maglev|locomotive|"
     r"railroad|express", "rail"),
    (r"drive|driving|drove|road|roads|highway|motorway|car|cars|bus|buses|coach|lorr(?:y|ies)|"
     r"trucks?", "road"),
    (r"ferr(?:y|ies)|boat|ship|sail(?:ed|ing|s)?|catamaran|voyage|cruise", "sea"),
    (r"walk(?:ing|ed|s)?|hike|hiking|on foot|pilgrims?", "walk"),
]
_MODE_RE = [(re.compile(rf"(?i)\b(?:{p})\b"), m) for p, m in _MODE_CUES]
_DISTANCE_WORD = re.compile(r"(?i)\bdistance\b")
# Words that make a duration or speed about a trip.
_TRAVEL = re.compile(
    r"(?i)\b(?:trip|journey|travel\w*|flights?|fly|flies|flew|drive|driving|drove|ride|rides|"
    r"route|commut\w*|sail\w*|voyage|walk\w*|hike|crossing|cross|transit|away|by (?:train|car|"
    r"bus|air|road|rail|boat|ferry|plane|sea)|on the train|to get to|to reach|reach\w*|arriv\w*|"
    r"covers?|covering|covered|takes?|took|averag\w*|trains?|rail\w*|ferr(?:y|ies)|boat)\b")
# Words that make a distance about two places.
_RELATION = re.compile(
    r"(?i)\b(?:from|between|apart|away|distance|trip|journey|route|flight|drive|travel\w*|"
    r"cover\w*|link|line|lies|located|situated|north|south|east|west|off|outside|road|"
    r"railway|ride|sail\w*|voyage|walk\w*|within|to)\b")
# Words that make a figure something other than a trip.
_NOT_TRAVEL = re.compile(
    r"(?i)\b(?:speed limit|limits?|winds?|gusts?|top speed|radius|zones?|perimeter|buffer|"
    r"surrounding|exclusion|surveillance|restricted|stretch|area of|an area|shifts?|meeting|"
    r"talks|strike|ban|lasted|lasts?|sentence|prison|jail|old|aged|tall|high|height|deep|depth|wide|width|"
    r"thick|length of|long|incubation|symptoms?|infected|ordeal|hysteria|forecast|period|"
    r"cyclone|storm|hurricane|typhoon|swimming|cycling|running|marathon|race)\b")
_DIRECTION = r"(?:north|south|east|west|northeast|northwest|southeast|southwest|" \
             r"north-east|north-west|south-east|south-west|east-northeast|west-northwest|" \
             r"east-southeast|west-southwest|north-northeast|north-northwest|" \
             r"south-southeast|south-southwest)"
_OF_AFTER = re.compile(rf"(?i)^\s*\)?\s*(?:\([^)]*\)\s*)?(?:[\w-]+\s+){{0,3}}?"
                       rf"(?:{_DIRECTION}\s+)?(?:of|from|away from|outside|off)\b")


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantity about a trip: its places, mode and relation."""

    quantity: Quantity
    origin: Place | None
    destination: Place | None
    mode: str
    relation: str
    sentence: tuple[int, int]
    alt_of: int | None = None
    text: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    """A claim with its verdict, the estimate it was checked against, and why."""

    claim: Claim
    verdict: str
    estimate: Estimate | None
    unit: str
    ratio: float | None
    basis: str
    explanation: str


@dataclass(frozen=True, slots=True)
class ClaimReport:
    """All the claims of a text, and the places found in it."""

    claims: tuple[CheckedClaim, ...]
    places: tuple[Mention, ...]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def _mode(text: str, sent: tuple[int, int], q: Quantity, *, clause_only: bool = False) -> str:
    """The mode cue closest to the quantity within its clause, else the sentence."""
    s, e = sent
    clause_start = max(text.rfind(",", s, q.start), text.rfind(";", s, q.start), s)
    nxt = [i for i in (text.find(",", q.end, e), text.find(";", q.end, e)) if i >= 0]
    clause_end = min(nxt) if nxt else e
    spans = [(clause_start, clause_end)] if clause_only else [(clause_start, clause_end), (s, e)]
    for lo, hi in spans:
        best: tuple[int, str] | None = None
        for regex, mode in _MODE_RE:
            for m in regex.finditer(text, lo, hi):
                word = m.group()
                if word[:1].isupper() and not word.isupper() and m.start() > s + 1:
                    continue  # part of a name ("Longyang Road", "Air Koryo" is an airline)
                d = min(abs(m.start() - q.end), abs(q.start - m.end()))
                if best is None or d < best[0]:
                    best = (d, mode)
        if best is not None:
            return best[1]
        if _DISTANCE_WORD.search(text, lo, hi):
            return "straight"
    return "unspecified"


_AREA_KINDS = frozenset({"country", "admin1", "admin2", "region", "continent", "sea", "island"})
_HIGH_SPEED = re.compile(r"(?i)\b(?:high[- ]speed|maglev|bullet train|shinkansen|tgv|ice|hsr|"
                         r"nozomi|eurostar|acela|ktx|crh)\b")
_LOCAL = frozenset({"city", "station", "landmark", "island", "border_post", "bridge", "airport"})


def _subject(before: list[Mention]) -> Mention:
    """The place a sentence is about: the nearest town before the figure, else the nearest."""
    local = [m for m in before if m.place.kind in _LOCAL]
    return local[-1] if local else before[-1]


_FROM_LEAD = re.compile(r"(?i)\bfrom\s*$")
_FROM_TO = re.compile(r"(?i)^\W*(?:\w+\W+){0,3}?(?:to|for)\W")
_BETWEEN_LEAD = re.compile(r"(?i)\bbetween\s*$")
_AND = re.compile(r"(?i)^\s*(?:\w+\s+)?and\s*$")
# "the Strait separates A from B", "the channel separating A from B": symmetric.
_SEPARATES_LEAD = re.compile(r"(?i)\bseparat(?:es?|ed|ing)\s*$")
_FROM = re.compile(r"(?i)^\s*from\s*$")
# "the Madrid to Barcelona train": a bare "A to B" unless A is itself a stop ("via A to B").
_TO = re.compile(r"(?i)^\s+to\s+$")
_PREPOSITION_LEAD = re.compile(r"(?i)\b(?:to|from|for|via|through|at|in|into|near|of|and|"
                               r"or)\s*$")
_DASH = re.compile(r"^\s*[-–—]\s*$")


def _pair_relation(text: str, m1: Mention, m2: Mention, sent: tuple[int, int]) -> str | None:
    """How two places of a sentence (``m1`` first) make a pair, if they do.

    ``from_to`` for "from A to B", "from A for B", "the A to B train" and "A–B";
    ``between`` for "between A and B" and "separates A from B".
    """
    between = text[m1.end:m2.start]
    lead = text[max(sent[0], m1.start - 12):m1.start]
    if _FROM_LEAD.search(lead) and _FROM_TO.match(between + " "):
        return "from_to"
    if _BETWEEN_LEAD.search(lead) and _AND.match(between):
        return "between"
    if _SEPARATES_LEAD.search(lead) and _FROM.match(between):
        return "between"
    if _DASH.match(between):
        return "from_to"
    if _TO.match(between) and not _PREPOSITION_LEAD.search(lead):
        return "from_to"
    return None


def _explicit_pair(text: str, here: list[Mention], sent: tuple[int, int]
                   ) -> tuple[Place, Place, str] | None:
    """Find "from A to B", "between A and B", "separates A from B" or "A–B" in the sentence."""
    for m1 in here:
        for m2 in here:
            if m2.start <= m1.start:
                continue
            relation = _pair_relation(text, m1, m2, sent)
            if relation is not None:
                return m1.place, m2.place, relation
    return None


def _pair(text: str, sent: tuple[int, int], q: Quantity, places: Sequence[Mention],
          trip: tuple[Place, Place] | None, *, anchors: frozenset[int] = frozenset()
          ) -> tuple[Place | None, Place | None, str]:
    """The origin, destination and relation of the figure ``q`` in sentence ``sent``.

    Parameters
    ----------
    text, sent, q
        The text, the sentence's offsets and the figure.
    places
        The place mentions of the whole text.
    trip
        The trip the context is about (see :func:`_context_trip`), used when the sentence
        names fewer than two ends.
    anchors
        Starts of mentions that other figures are measured from ("390 km from Paris"): never
        the subject of another figure of the sentence.

    """
    here = [m for m in places if sent[0] <= m.start < sent[1]]
    before_text = text[sent[0]:q.start]
    pair = _explicit_pair(text, here, sent)
    if pair is not None:
        return pair
    # "X km (north) of/from Y": origin Y after the quantity, destination the sentence's subject
    if _OF_AFTER.match(text[q.end:q.end + 60]):
        after = [m for m in here if m.start >= q.end]
        before = [m for m in here if m.end <= q.start and m.start not in anchors]
        if after:
            if not before:  # "It is five miles from Y": the subject is in an earlier sentence
                before = [m for m in places if sent[0] - 300 <= m.start < sent[0]
                          and m.place.kind in _LOCAL]
            dest = _subject(before).place if before else (trip[1] if trip else None)
            return after[0].place, dest, "direction_of"
    here = _ends(text, here)
    if len(here) >= 2:
        return here[0].place, here[1].place, "between"
    if len(here) == 1 and trip is not None:
        p = here[0].place
        other = trip[0] if p.id == trip[1].id else trip[1] if p.id == trip[0].id else trip[0]
        if other.id != p.id:
            return (other, p, "from_to") if re.search(r"\bto\b", before_text, re.I) or (
                other.id == trip[0].id) else (p, other, "from_to")
    if trip is not None and not here:
        return trip[0], trip[1], "from_to"
    return None, None, "unknown"


_VIA_MARKER = re.compile(r"(?i)\b(?:via|through|across|over|at|by way of|past|near)\s+(?:the\s+)?"
                         r"(?:[\w-]+\s+){0,3}$")


def _ends(text: str, here: list[Mention]) -> list[Mention]:
    """Drop places a trip passes ("across the bridge at Tumangang and Khasan")."""
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


def _story_trip(text: str, places: Sequence[Mention]) -> tuple[Place, Place] | None:
    """The trip the story is about: its first "from A to B" or "between A and B"."""
    local = [m for m in places if not m.demonym and m.place.kind not in ("country", "continent")]
    for m1, m2 in pairwise(local):
        between = text[m1.end:m2.start].lower()
        lead = text[max(0, m1.start - 10):m1.start].lower()
        if (("from" in lead and re.search(r"\b(?:to|for)\b", between) and len(between) < 40)
                or ("between" in lead and between.strip() == "and")):
            return m1.place, m2.place
    cities = [m.place for m in local]
    if len(cities) >= 2 and cities[0].id != cities[1].id:
        return cities[0], cities[1]
    return None


# Between "from"/"of" and the place: at most two lower-case words ("the", "downtown").
_ANCHOR_GAP = re.compile(r"\W*(?:[a-z]\w*\W+){0,2}")


def _anchor(text: str, q: Quantity, places: Sequence[Mention]) -> Mention | None:
    """The named place the figure is measured from: Y in "5 km (west) of [downtown] Y"."""
    m = _OF_AFTER.match(text[q.end:q.end + 60])
    if m is None:
        return None
    at = q.end + m.end()
    nxt = next((p for p in places if p.start >= at), None)
    return nxt if nxt is not None and _ANCHOR_GAP.fullmatch(text[at:nxt.start]) else None


def _between_places(text: str, q: Quantity, here: Sequence[Mention], clause: str) -> bool:
    """A distance is a claim about places when it can name both ends.

    Two distinct places in its sentence, a named place it is measured from ("5 km from Y",
    the other end being the sentence's or story's subject), or a word of travel ("the 250 km
    trip to the camp from Y"). "10 km outside the area" names neither end.
    """
    if len({m.place.id for m in here}) >= 2:
        return True
    return _anchor(text, q, here) is not None or bool(_TRAVEL.search(clause))


def _anchors(text: str, quantities: Sequence[Quantity], places: Sequence[Mention]
             ) -> frozenset[int]:
    """Starts of the places figures are measured from: Y in "X km (north) of/from Y"."""
    found = (_anchor(text, q, places) for q in quantities)
    return frozenset(m.start for m in found if m is not None)


def _context_trips(text: str, sentences: Sequence[tuple[int, int]],
                   by_sentence: Sequence[list[Mention]], story: tuple[Place, Place] | None
                   ) -> list[tuple[Place, Place] | None]:
    """The trip each sentence continues: the nearest explicit pair before it, else the story's.

    "They flew from A to B. ... Later the train from C to D took six hours. The return
    journey took longer." The last sentence is about C and D, not the story's first trip.
    """
    trips: list[tuple[Place, Place] | None] = []
    last = story
    for sent, here in zip(sentences, by_sentence, strict=True):
        trips.append(last)
        pair = _explicit_pair(text, here, sent) if len(here) >= 2 else None
        if pair is not None:
            last = pair[0], pair[1]
    return trips


def _by_sentence(sentences: Sequence[tuple[int, int]], mentions: Sequence[Mention]
                 ) -> list[list[Mention]]:
    """The mentions that start in each sentence (both lists in text order)."""
    starts = [s for s, _ in sentences]
    groups: list[list[Mention]] = [[] for _ in sentences]
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < sentences[k][1]:
            groups[k].append(m)
    return groups


def _sentence_pair(claims: Sequence[Claim], sent: tuple[int, int], here: Sequence[Mention]
                   ) -> tuple[Place, Place, str] | None:
    """The pair an earlier figure of the same sentence was about, if the sentence names no other.

    "Kyoto is 370 km west of Tokyo, and trains make the trip in two hours": the trip is the
    one the distance was measured along, in the same direction (Tokyo to Kyoto).
    """
    ids = {m.place.id for m in here}
    for c in reversed(claims):
        if c.sentence != sent or c.origin is None or c.destination is None:
            continue
        if {c.origin.id, c.destination.id} == ids or len(ids) < 2:
            return c.origin, c.destination, "between" if c.relation == "between" else "from_to"
        return None
    return None


def find_claims(text: str, *, places: Sequence[Mention] | None = None) -> list[Claim]:
    """The travel claims of ``text`` with their places and modes (not yet checked)."""
    mentions = [m for m in (places if places is not None else find_places(text))
                if not m.demonym]
    story = _story_trip(text, mentions)
    sentences = _sentences(text)
    starts = [s for s, _ in sentences]
    by_sentence = _by_sentence(sentences, mentions)
    trips = _context_trips(text, sentences, by_sentence, story)
    claims: list[Claim] = []
    quantities = find_quantities(text)
    anchors = _anchors(text, quantities, mentions)
    for q in quantities:
        index = bisect.bisect_right(starts, q.start) - 1
        if index >= 0 and q.start < sentences[index][1]:
            sent, here, trip = sentences[index], by_sentence[index], trips[index]
        else:
            sent, trip = (0, len(text)), story
            here = [m for m in mentions if sent[0] <= m.start < sent[1]]
        window = text[max(sent[0], q.start - 50):min(sent[1], q.end + 50)]
        explicit = _explicit_pair(text, here, sent) is not None
        if _NOT_TRAVEL.search(window) and not explicit:
            continue
        clause = text[max(sent[0], q.start - 80):min(sent[1], q.end + 80)]
        if q.kind == "distance":
            if not _RELATION.search(clause) or not (here or (trip and _TRAVEL.search(clause))):
                continue
            if not _between_places(text, q, here, clause):
                continue  # "10 km outside the area": a zone around one place, not a trip
        elif not _TRAVEL.search(clause) or not (here or trip):
            continue
        if q.kind == "duration" and re.match(r"(?i)\s+(?:after|of|before)\b",
                                             text[q.end:q.end + 8]):
            continue  # "12 hours after infection", "18 hours of hysteria"
        origin, destination, relation = _pair(text, sent, q, mentions, trip, anchors=anchors)
        if not explicit and _anchor(text, q, here) is None:
            earlier = _sentence_pair(claims, sent, here)
            if earlier is not None:
                origin, destination, relation = earlier
        alt_of = None
        if claims:
            prev = claims[-1].quantity
            gap = text[prev.end:q.start]
            if prev.kind == q.kind and re.fullmatch(r"\s*[(/]\s*|\s*,?\s*or\s*", gap):
                alt_of = len(claims) - 1
        mode = _mode(text, sent, q,
                     clause_only=q.kind == "distance" and relation == "direction_of")
        claims.append(Claim(q, origin, destination, mode, relation, sent, alt_of, text))
    return claims


def _interval(q: Quantity, rules: ClaimRules) -> tuple[float, float]:
    v = q.si
    if q.hedge == "range" and q.low is not None and q.high is not None:
        f = UNITS[q.unit][1]
        return q.low * f, q.high * f
    tol = {"approx": rules.approx_tolerance, "exact": rules.exact_tolerance}.get(
        q.hedge or "", rules.plain_tolerance)
    if q.hedge in ("more_than", "at_least"):
        return v * (1 - rules.plain_tolerance / 2), math.inf
    if q.hedge in ("less_than", "at_most"):
        return 0.0, v * (1 + rules.plain_tolerance / 2)
    return v * (1 - tol), v * (1 + tol)


def _verdict(q: Quantity, est_si: Estimate, rules: ClaimRules) -> str:
    lo, hi = _interval(q, rules)
    if hi < est_si.low:
        return "understated"
    if lo > est_si.high:
        return "overstated"
    return "consistent"


def _to_unit(est_si: Estimate, unit: str) -> Estimate:
    f = UNITS[unit][1]
    return Estimate(est_si.low / f, est_si.central / f, est_si.high / f)


def _fmt(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:,.1f} {unit}"


def _straight(origin: Place, destination: Place) -> tuple[Estimate, str]:
    """City centres, and their stations and airports where curated: the spread of 'straight'."""
    from routes.modes.air import airports_for
    from routes.network.graph import load_network

    points = [distance_km(origin.point, destination.point)]
    basis = f"straight line between {origin.name} and {destination.name}"
    try:
        net = load_network()
        a, b = airports_for(net, origin), airports_for(net, destination)
        if a and b and a[0].iata != b[0].iata:
            points.append(distance_km((a[0].lat, a[0].lon), (b[0].lat, b[0].lon)))
            basis += f" (city centres; airports {a[0].iata}–{b[0].iata})"
    except RoutesError:
        pass
    return Estimate(min(points), points[0], max(points)), basis


def claim_text(claim: Claim) -> str:
    """The sentence the claim stands in."""
    return claim.text[claim.sentence[0]:claim.sentence[1]]


def _estimate(claim: Claim) -> tuple[Estimate, str] | str:
    """The estimate (in SI units) and its basis, or the reason there is none."""
    q, o, d, mode = claim.quantity, claim.origin, claim.destination, claim.mode
    if o is None or d is None:
        return "place unknown: the claim names no two places the finder could resolve"
    if o.id == d.id:
        return f"both ends resolve to {o.name}"
    areas = [p.name for p in (o, d) if p.kind in _AREA_KINDS]
    if areas and q.kind != "duration":
        return (f"one end is an area ({areas[0]}): a distance to it depends on where in it "
                "one measures")
    if mode == "rail" and _HIGH_SPEED.search(claim_text(claim)):
        return "mode not modelled: high-speed and maglev lines are not in the network"
    if q.kind == "distance":
        if mode in ("straight", "unspecified", "air"):
            est, basis = _straight(o, d)
            return est.scaled(1000.0), basis
        if mode == "rail":
            found = _rail(o, d)
            if isinstance(found, str):
                return found
            options = [(opt.distance_km, opt.label) for opt in found]
            est, label = min(options, key=lambda t: abs(t[0].central - q.si / 1000))
            return est.scaled(1000.0), f"rail: {label} ({o.name} – {d.name})"
        if mode == "road":
            gm = load_facts().ground_model
            line = distance_km(o.point, d.point)
            return (gm.circuity.scaled(line * 1000.0),
                    f"road: straight line {line:,.0f} km x circuity {gm.circuity.low:.1f}–"
                    f"{gm.circuity.high:.1f} (an estimate, not a road network)")
        return f"mode not modelled: {mode} distances are not estimated"
    if q.kind == "duration":
        if mode == "air":
            return _air_time(o, d)
        if mode == "rail":
            found = _rail(o, d)
            if isinstance(found, str):
                return found
            # Most favourable: the option whose range comes closest to the claim.
            def gap(est: Estimate) -> float:
                h = q.si / 3600
                return 0.0 if est.contains(h) else min(abs(est.low - h), abs(est.high - h))
            opt = min(found, key=lambda x: (gap(x.duration_h), x.duration_h.central))
            return opt.duration_h.scaled(3600.0), f"rail: {opt.label}, the option closest to " \
                                                  "the claim"
        return f"mode not modelled: {mode} travel times are not estimated"
    if q.kind == "speed" and mode == "rail":
        found = _rail(o, d)
        if isinstance(found, str):
            return found
        opt = found[0]
        dist, dur = opt.distance_km, opt.duration_h
        speed = Estimate(dist.low / dur.high, dist.central / dur.central, dist.high / dur.low)
        return speed.scaled(1000.0 / 3600.0), f"rail: average speed of {opt.label}"
    return f"mode not modelled: {mode} speeds are not estimated"


def _rail(o: Place, d: Place) -> list[RouteOption] | str:
    from routes.options import find_options, plan_trip

    try:
        result = find_options(plan_trip(o, d, mode="rail", alternatives=3))
    except NoRouteError as exc:
        return f"pair outside the network: {exc}"
    except RoutesError as exc:
        return f"unverifiable: {exc}"
    # Alternatives count only while they are real ways to make the trip, not long detours.
    shortest = min(opt.distance_km.central for opt in result.options)
    limit = load_facts().claims.detour_factor * shortest
    return [opt for opt in result.options if opt.distance_km.central <= limit]


def _air_time(o: Place, d: Place) -> tuple[Estimate, str] | str:
    from routes.options import find_options, plan_trip

    try:
        result = find_options(plan_trip(o, d, mode="air"))
        flights = [leg for opt in result.options for leg in opt.legs if leg.mode == "air"]
        if flights:
            leg = min(flights, key=lambda x: x.duration_h.central)
            kind = "scheduled block time" if result.options[0].scheduled else \
                "modelled block time (no scheduled service known)"
            return leg.duration_h.scaled(3600.0), (f"air: {kind} {leg.origin.id}–"
                                                   f"{leg.destination.id}, gate to gate")
    except RoutesError:
        pass
    from routes.modes.block_time import load_block_model

    gc = distance_km(o.point, d.point)
    block = load_block_model().predict(gc)
    return block.scaled(3600.0), (f"air: modelled block time for {gc:,.0f} km between the "
                                  "towns (no airports in the data)")


def check_claims(text: str) -> ClaimReport:
    """Find the claims of ``text`` and give each a verdict with its evidence.

    A long text is read in pieces of about 100,000 characters (cut at paragraph ends), each
    checked as a story of its own; see :func:`iter_checked`.

    Examples
    --------
    >>> report = check_claims("The train from Khasan to Vladivostok takes about six hours.")
    >>> [(c.claim.quantity.surface, c.claim.quantity.hedge, c.verdict) for c in report.claims]
    [('six hours', 'approx', 'consistent')]

    """
    claims: list[CheckedClaim] = []
    places: list[Mention] = []
    for piece_claims, piece_places in iter_checked(text):
        claims.extend(piece_claims)
        places.extend(piece_places)
    return ClaimReport(tuple(claims), tuple(places))


def iter_checked(text: str) -> Iterator[tuple[list[CheckedClaim], list[Mention]]]:
    """Check ``text`` piece by piece: yield the checked claims and the places of each piece.

    Offsets index ``text``, and ``alt_of`` indexes the claims of the whole text, so the
    pieces concatenate into :func:`check_claims`'s report. Memory stays bounded by the piece
    size, whatever the length of the text.
    """
    done = 0
    for offset, piece in text_pieces(text):
        places = find_places(piece)
        checked = _check_piece(piece, places)
        if offset:
            places = [replace(m, start=m.start + offset, end=m.end + offset) for m in places]
            checked = [_shifted(c, offset, done, text) for c in checked]
        done += len(checked)
        yield checked, places


def _shifted(c: CheckedClaim, offset: int, before: int, text: str) -> CheckedClaim:
    """``c`` found in a piece of ``text`` that starts at ``offset``, after ``before`` claims."""
    cl = c.claim
    q = replace(cl.quantity, start=cl.quantity.start + offset, end=cl.quantity.end + offset)
    claim = replace(cl, quantity=q, sentence=(cl.sentence[0] + offset, cl.sentence[1] + offset),
                    alt_of=None if cl.alt_of is None else cl.alt_of + before, text=text)
    return replace(c, claim=claim)


def _check_piece(text: str, places: list[Mention]) -> list[CheckedClaim]:
    """The checked claims of one piece of text."""
    claims = find_claims(text, places=places)
    rules = load_facts().claims
    checked: list[CheckedClaim] = []
    for claim in claims:
        q = claim.quantity
        if claim.alt_of is not None:
            primary = checked[claim.alt_of]
            pq = primary.claim.quantity
            same = abs(q.si - pq.si) <= 0.03 * max(q.si, pq.si)
            note = (f"restates {pq.surface} in {q.unit}: {_fmt(q.value, q.unit)} = "
                    f"{_fmt(q.si / UNITS[pq.unit][1], pq.unit)}, "
                    + ("the same figure" if same else "NOT the same figure"))
            est = _to_unit(primary.estimate.scaled(UNITS[pq.unit][1]), q.unit) if (
                primary.estimate) else None
            verdict = primary.verdict if same else "overstated" if q.si > pq.si else \
                "understated"
            ratio = round(q.value / est.central, 3) if est and est.central else None
            checked.append(CheckedClaim(claim, verdict, est, q.unit, ratio, primary.basis,
                                        note + "; " + primary.explanation))
            continue
        found = _estimate(claim)
        if isinstance(found, str):
            checked.append(CheckedClaim(claim, "unverifiable", None, q.unit, None, "",
                                        found))
            continue
        est_si, basis = found
        slack = 0.0
        if q.kind == "distance" and basis.startswith("straight line"):
            # A town is not a point: each end adds slack by its size (facts.toml).
            slack = 1000.0 * sum(rules.extent(p.population) for p in (
                claim.origin, claim.destination) if p is not None)
        widened = Estimate(max(est_si.low - slack, 0.0), est_si.central, est_si.high + slack)
        verdict = _verdict(q, widened, rules)
        est = _to_unit(est_si, q.unit)
        ratio = round(q.value / est.central, 3) if est.central else None
        hedge = f"{q.hedge_cue} " if q.hedge_cue else ""
        size = (f", give or take {_fmt(slack / UNITS[q.unit][1], q.unit)} for the size of the "
                f"places") if slack else ""
        explanation = (f"The text says {hedge}{q.surface}; the estimate is "
                       f"{_fmt(est.low, q.unit)}–{_fmt(est.high, q.unit)} "
                       f"(central {_fmt(est.central, q.unit)}) from {basis}{size}, so the "
                       f"claim is {verdict}.")
        checked.append(CheckedClaim(claim, verdict, est, q.unit, ratio, basis, explanation))
    return checked
