"""Verdicts on the claims of a text: each figure against every way it can be read.

A claim (:mod:`routes.text.claims`) is compared with the estimates of the modes it may be
about, each from the same models that :func:`routes.options.find_options` uses:

* a distance with a mode is compared with that mode: the straight line (city centres, and
  airports for flights), the rail routes, the road model, the ferry; a distance with no
  mode cue with all of them ("1,180 km between Pyongyang and Vladivostok" fits the railway,
  not the straight line);
* a duration with a mode is compared with that mode's trips (the flight's block time, the
  rail options, the drive, the crossing); one with no cue with every mode that makes the
  trip;
* an average speed with the distance over the time of the same options.

Every estimate's range is widened by the worst misses measured on real trips
(``[claims.model_band]`` in ``data/facts.toml``, from ``make calibrate``) and the claim's
own range by its hedge ("about" allows more than a bare figure). The verdict is:

* ``consistent`` when the two overlap for some reading: the explanation names it;
* ``understated`` / ``overstated`` only when the claim's places and mode are both sure (or
  it lies outside every mode's estimate) and it lies outside; a trip told as it happened,
  freight, or a figure with no mode is never flagged as too slow or too long, since a
  slower way always exists, nor a drive in a country with few motorways that takes up to
  three times the model's slowest (a bus on unpaved mountain roads);
* ``unverifiable`` otherwise, with the reason ("places uncertain: …").

Examples
--------
>>> report = check_claims("A flight from Pyongyang to Vladivostok takes about 90 minutes, "
...                       "but the train takes about 10 hours.")
>>> [(c.claim.quantity.surface, c.claim.mode, c.verdict) for c in report.claims]
[('90 minutes', 'air', 'consistent'), ('10 hours', 'rail', 'understated')]

"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from routes.errors import NoRouteError, RoutesError
from routes.estimate import Estimate, format_span
from routes.facts import ClaimRules, load_facts
from routes.geo.geodesy import distance_km, great_circle_km
from routes.geo.geoparse import Mention, find_places, text_pieces
from routes.geo.places import Place
from routes.itinerary import RouteOption
from routes.modes.sea import load_sea_model
from routes.text.claims import (
    AREA_KINDS,
    Claim,
    bearing_off,
    country_name,
    direction_check,
    find_claims,
    shifted,
)
from routes.text.lexicon import load_lexicon as load_claim_lexicon
from routes.text.quantities import UNITS, Quantity, find_quantities, load_lexicon

__all__ = ["CheckedClaim", "ClaimReport", "Reading", "check_claims", "iter_checked"]

FLAGS = ("understated", "overstated")
# Modes a figure with no cue may be about, in the order a tie is broken.
_ENVELOPE = ("straight", "rail", "road", "sea", "air")
_HUMAN = frozenset({"swim", "cycle", "run", "row", "paddle"})
_KIND_WORD = {"duration": "time"}  # how a figure's kind reads in an explanation
# Areas too large for a trip's time to mean anything: a country's may be to any of its towns
_NO_TRIP_END = frozenset({"country", "continent", "sea"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a claim: a mode's estimate (SI units) and where it comes from."""

    mode: str
    estimate: Estimate
    basis: str
    band: tuple[float, float] = (1.0, 1.0)
    caveat: str = ""

    @property
    def widened(self) -> Estimate:
        """The estimate widened by the model's measured misses."""
        e = self.estimate
        return Estimate(e.low * self.band[0], e.central, e.high * self.band[1])


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    """A claim with its verdict, the estimate it was checked against, and why.

    ``estimate`` is in the claim's unit (``unit``); ``fits`` names the reading the claim
    fits (``rail``, ``straight`` …) when it is consistent. ``places_confidence`` and
    ``mode_confidence`` repeat how sure the claim's reading is.
    """

    claim: Claim
    verdict: str
    estimate: Estimate | None
    unit: str
    ratio: float | None
    basis: str
    explanation: str
    fits: str = ""
    direction: str = ""
    readings: tuple[Reading, ...] = field(default=(), repr=False)

    @property
    def places_confidence(self) -> str:
        """How sure the claim's places are: ``sure``, ``likely`` or ``none``."""
        return self.claim.places_confidence

    @property
    def mode_confidence(self) -> str:
        """How sure the claim's mode is: ``sure``, ``likely`` or ``none``."""
        return self.claim.mode_confidence


@dataclass(frozen=True, slots=True)
class ClaimReport:
    """All the claims of a text, and the places found in it."""

    claims: tuple[CheckedClaim, ...]
    places: tuple[Mention, ...]


# --------------------------------------------------------------------------------------
# Readings
# --------------------------------------------------------------------------------------


class _Estimates:
    """The route options of one check, found once per pair and mode.

    One text's pieces share it; it keeps the ``limit`` most recently used pairs, so that
    memory stays bounded on a text of any length.
    """

    def __init__(self, limit: int = 256) -> None:
        self._options: OrderedDict[tuple[str, str, str], list[RouteOption] | str] = \
            OrderedDict()
        self._limit = limit

    def options(self, o: Place, d: Place, mode: str) -> list[RouteOption] | str:
        key = (o.id, d.id, mode)
        found = self._options.get(key)
        if found is None:
            found = self._options[key] = _find(o, d, mode)
            if len(self._options) > self._limit:
                self._options.popitem(last=False)
        else:
            self._options.move_to_end(key)
        return found


def _find(o: Place, d: Place, mode: str) -> list[RouteOption] | str:
    from routes.options import find_options, plan_trip

    try:
        # Three rail alternatives: the fastest line may rank third by length with its
        # access ("Kyoto is a 15-minute train ride from Osaka": the Shinkansen via Shin-Osaka)
        found = find_options(plan_trip(o, d, mode=mode,
                                       alternatives=3 if mode == "rail" else 2)).options
    except NoRouteError as exc:
        return str(exc)
    except RoutesError as exc:
        return str(exc)
    main = list(found)  # asked for one mode, every option is that mode's
    if mode == "rail":
        # Alternatives count while they are real ways to make the trip, not long detours:
        # the two shortest, and the fastest if it is another
        shortest = min(opt.distance_km.central for opt in main)
        limit = load_facts().claims.detour_factor * shortest
        main = [opt for opt in main if opt.distance_km.central <= limit]
        by_length = sorted(main, key=lambda opt: opt.distance_km.central)
        fastest = min(main, key=lambda opt: opt.duration_h.central)
        main = [opt for opt in main if opt in by_length[:2] or opt is fastest]
    return main


def _band(rules: ClaimRules, mode: str, kind: str) -> tuple[float, float]:
    return rules.model_band.get(f"{mode}_{'km' if kind == 'distance' else 'h'}", (1.0, 1.0))


def _straight(o: Place, d: Place, rules: ClaimRules, *, airports: bool) -> Reading:
    """City centres (and airports for a flight): towns are not points, so each end adds slack."""
    line = distance_km(o.point, d.point)
    points = [line]
    basis = f"the straight line {o.name}–{d.name}, {line:,.0f} km"
    if airports:
        found = _airport_line(o, d)
        if found is not None:
            points.append(found[0])
            basis += f" ({found[1]} {found[0]:,.0f} km between the airports)"
    # Each end may be measured from anywhere in its town, but a figure between two towns is
    # read between their centres: the slack is at most a tenth of the way (and 2 km).
    # A border or coast point is drawn from 1:50m outlines: a few kilometres either way.
    sizes = [rules.extent(p.population) if p.kind not in ("border", "airport", "station")
             else (5.0 if p.kind == "border" else 2.0) for p in (o, d)]
    slack = max(2.0, min(math.hypot(*sizes), rules.extent_share * line))
    if any(p.kind == "border" for p in (o, d)):
        # "Kiryat Shmona, 2 km from the Lebanese border": the town's edge is measured, not its
        # centre, and a border line is drawn loosely: the whole slack, however short the way
        slack = max(slack, max(sizes))
    est = Estimate(max(min(points) - slack, 0.0), line, max(points) + slack)
    return Reading("straight", est.scaled(1000.0), basis)


def _airport_line(o: Place, d: Place) -> tuple[float, str] | None:
    from routes.modes.air import airports_for
    from routes.network.graph import load_network

    try:
        net = load_network()
        a, b = airports_for(net, o), airports_for(net, d)
    except RoutesError:
        return None
    if not (a and b):
        return None
    # the large airport where a place has one and a smaller one: the flights a distance is
    # told of leave from it (Perth-London is PER-LHR, not London City)
    x = next((port for port in a if port.type == "large_airport"), a[0])
    y = next((port for port in b if port.type == "large_airport"), b[0])
    if x.iata != y.iata:
        return distance_km((x.lat, x.lon), (y.lat, y.lon)), f"{x.iata}–{y.iata}"
    return None


_SHORT_HOP_KM = 100.0  # a modelled flight shorter than this is read only when the text flies


def _readings(claim: Claim, mode: str, est: _Estimates, rules: ClaimRules
              ) -> list[Reading] | str:
    """The estimates of one mode for a claim (SI units), or why there are none."""
    o, d, q = claim.origin, claim.destination, claim.quantity
    assert o is not None and d is not None
    kind = q.kind
    if mode == "straight":
        if kind != "distance":
            return "a straight line has no travel time"
        return [_straight(o, d, rules, airports=False)]
    if mode == "air" and kind == "distance":
        return [replace(_straight(o, d, rules, airports=True), mode="air")]
    walk = mode == "walk"
    if walk:
        if kind != "distance":
            # A walk's pace is a walker's (and a pilgrim's days are not a driver's hours).
            return "walking times are not modelled"
        mode = "road"  # paths follow the lie of the land much as roads do
    found = est.options(o, d, mode)
    if isinstance(found, str):
        return found
    if mode == "air" and claim.mode != "air":
        # A way the text does not name: no modelled flight on a hop no airline flies
        # ("Great Northern trains from Cambridge reach King's Cross in 48 minutes" is not
        # the flight Stansted-Heathrow); a scheduled one is kept
        found = [opt for opt in found if opt.scheduled or sum(
            leg.distance_km.central for leg in opt.legs if leg.mode == "air") >= _SHORT_HOP_KM]
        if not found:
            return "no airline flies so short a hop"
    if mode == "air" and kind != "distance" and not _CONNECTION.search(
            claim.text, *claim.sentence):
        # "The flight from A to B": the nonstop one where there is one; a connection is
        # another trip, read only when the sentence speaks of a stop.
        nonstop = [opt for opt in found if sum(leg.mode == "air" for leg in opt.legs) == 1
                   and "one stop" not in opt.label]
        found = nonstop or found
    fast = [opt for opt in found if opt.high_speed_km] if mode == "rail" and \
        claim.high_speed and not claim.former and not claim.stopping else []
    if fast:
        # "The Eurostar from London to Paris": the high-speed service takes the fastest way
        # on its lines, not the older lines round them (London-Paris via Croydon); the time
        # before it came ("before 1992, the journey took six hours") was on those
        quickest = min(opt.duration_h.central for opt in fast)
        found = [opt for opt in fast if opt.duration_h.central <= _HIGH_SPEED_SLACK * quickest]
    band = _band(rules, mode, kind)
    out: list[Reading] = []
    # A way three times as long as the straight line is another trip (rail round the
    # Baltic for an 80 km crossing), not a reading of this one.
    line = distance_km(o.point, d.point)
    for opt in found:
        if mode != "air" and opt.distance_km.central > max(3.0 * line, line + 300.0):
            continue
        if mode in ("air", "sea"):
            # A flight is timed gate to gate, a crossing port to port.
            flights = [leg for leg in opt.legs if leg.mode == mode]
            if not flights:
                continue
            hours = Estimate(sum(f.duration_h.low for f in flights),
                             sum(f.duration_h.central for f in flights),
                             sum(f.duration_h.high for f in flights))
            km = Estimate(sum(f.distance_km.low for f in flights),
                          sum(f.distance_km.central for f in flights),
                          sum(f.distance_km.high for f in flights))
            route = " – ".join([flights[0].origin.name, *(f.destination.name for f in flights)])
            what = "scheduled" if opt.scheduled else "modelled"
            label = (f"the flight {route} ({what} block time, gate to gate)" if mode == "air"
                     else f"the crossing {route} (sailing time)")
            caveat = _far_terminal(opt, flights, mode)
        else:
            hours, km, label, caveat = (opt.duration_h, opt.distance_km,
                                        _label(opt, "walk" if walk else mode), "")
            far = [n for n in (opt.notes if mode == "rail" else ())
                   if (joins := _JOINS.match(n)) and float(joins.group(1)) > max(
                       _FAR_JOIN_KM, _FAR_JOIN_SHARE * opt.distance_km.central)]
            if far:
                # "AREX … 58 km from Incheon Airport to Seoul": the data's railway ends 16
                # km short of the airport, so its route is not the line the text means
                caveat = f"the data's railway does not reach the place: {far[0]}"
            if mode == "rail" and claim.high_speed and not opt.high_speed_km:
                # "The Sapsan from Moscow to Tver": a high-speed line known here only by its
                # end stations leaves a town between them to the old track.
                caveat = ("the route found runs on conventional track only, not on the "
                          "high-speed line the text names (the data may lack its stations "
                          "between its ends)")
        if kind == "distance":
            out.append(Reading(mode, km.scaled(1000.0), label, band, caveat))
        elif kind == "duration":
            out.append(Reading(mode, hours.scaled(3600.0), label, band, caveat))
            slow = _slow_trains(opt) if mode == "rail" and (
                not claim.high_speed or claim.stopping) else None
            if slow is not None:
                out.append(Reading(mode, slow[0].scaled(3600.0), f"{label}, {slow[1]}", band,
                                   caveat))
            if mode == "sea" and claim.high_speed:
                # "The catamaran from Piraeus reaches Mykonos in two and a half hours": the
                # fast craft on a route whose listed times are the conventional ferries'
                fast_h = load_sea_model().sailing_h(km, fast=True)
                if fast_h.low < hours.low:
                    out.append(Reading(mode, fast_h.scaled(3600.0),
                                       f"{label}, by fast craft ({_knots()})", band, caveat))
            airborne = _in_the_air(hours, len(flights)) if mode == "air" else None
            if airborne is not None:
                # its low end already takes the longest taxiing off the shortest block time:
                # widened again by the model's misses, a halved time would pass
                out.append(Reading(mode, airborne[0].scaled(3600.0), f"{label}, {airborne[1]}",
                                   (1.0, band[1]), caveat))
        elif kind == "speed" and hours.central > 0:
            speed = Estimate(km.low / hours.high, km.central / hours.central,
                             km.high / max(hours.low, 1e-6))
            out.append(Reading(mode, speed.scaled(1000.0 / 3600.0),
                               f"the average speed of {label}", band, caveat))
    return out or f"no {mode} estimate"


def _knots() -> str:
    """The fast craft's block speeds of the sea model, as said in a reading's label."""
    k = load_sea_model().fast_knots
    return f"{k.low:.0f}–{k.high:.0f} kn"


def _in_the_air(block: Estimate, flights: int) -> tuple[Estimate, str] | None:
    """The time in the air of flights timed ``block`` gate to gate, if taxi times are known.

    "A 40-minute flight" often means the time aloft: the block time less the time spent
    taxiing out and in (``air_taxi`` of the facts), once per flight.
    """
    taxi = load_facts().air_taxi
    if taxi is None:
        return None
    m = taxi.minutes
    low = max(block.low - flights * m.high / 60.0, 0.1 * block.low)
    central = max(block.central - flights * m.central / 60.0, low)
    high = max(block.high - flights * m.low / 60.0, central)
    return (Estimate(low, central, high),
            f"in the air (less {m.low:.0f}–{m.high:.0f} min of taxiing per flight)")


def _slow_trains(opt: RouteOption) -> tuple[Estimate, str] | None:
    """The time of a rail option by the slower regular trains of its countries, if any.

    Many countries run slow overnight and long-distance trains beside the fast ones their
    speed class describes (the Canadian beside the Quebec City–Windsor corridor trains):
    a trip that slow is one of them, not a wrong figure.
    """
    slow_speeds = load_facts().slow_speeds
    low = central = high = 0.0
    slower: dict[str, float] = {}
    for leg in opt.legs:
        cls = slow_speeds.get(leg.countries[0]) if (
            leg.mode == "rail" and len(leg.countries) == 1) else None
        if cls is None:
            low, central, high = (low + leg.duration_h.low, central + leg.duration_h.central,
                                  high + leg.duration_h.high)
            continue
        km, kmh = leg.distance_km, cls.kmh
        low, central, high = (low + km.low / kmh.high, central + km.central / kmh.central,
                              high + km.high / kmh.low)
        slower[leg.countries[0]] = kmh.central
    if not slower or central <= opt.duration_h.central:
        return None
    speeds = ", ".join(f"{c} {v:.0f} km/h" for c, v in slower.items())
    return Estimate(low, central, high), f"by the slower regular trains ({speeds} on average)"


_CONNECTION = re.compile(r"(?i)\b(?:stop(?:s|over|overs)?|layovers?|connect\w*|transfers?|"
                         r"change (?:of )?planes|via|one-stop|two-stop)\b")


# a year named in the sentence ("In 1927 …", "in 1873"), not a figure ("the 1800 km road")
_YEAR = re.compile(r"(?i)\b(?:in|of|by|since|until|from|during)\s+(?:(?:early|late|mid)[\s-]+)?"
                   r"(?:(?:january|february|march|april|may|june|july|august|september|"
                   r"october|november|december)\s+(?:\d{1,2},?\s+)?)?(1[5-9]\d\d)\b"
                   r"(?![.,]?\d)")
_MODERN_YEAR = 1980  # a trip before this was made on ways slower than today's
_JOINS = re.compile(r".+ joins the railway (\d+) km away")
_FAR_JOIN_KM = 10.0  # a place this far from the data's railway may have a line it lacks,
_FAR_JOIN_SHARE = 0.25  # ... when that is this share of the route or more


def _far_terminal(opt: RouteOption, legs: list[Any], mode: str) -> str:
    """Why a flight or crossing may not be the one the text means.

    Its airport or port is far from the place named: the data has none nearer.
    """
    line = sum(leg.distance_km.central for leg in legs)
    first, last = opt.legs.index(legs[0]), opt.legs.index(legs[-1])
    before = sum(leg.distance_km.central for leg in opt.legs[:first])
    after = sum(leg.distance_km.central for leg in opt.legs[last + 1:])
    limit = max(30.0, 0.25 * line)
    what = "airport" if mode == "air" else "port"
    for far, stop in ((before, legs[0].origin), (after, legs[-1].destination)):
        if far > limit:
            return (f"the data has no {what} nearer the place than {stop.name}, "
                    f"{far:,.0f} km away")
    return ""


def _label(opt: RouteOption, mode: str) -> str:
    noun = {"rail": "rail route", "road": "drive", "sea": "crossing",
            "walk": "way by road"}.get(mode, mode)
    return f"the {noun} {opt.legs[0].origin.name}–{opt.legs[-1].destination.name}" + (
        f" ({opt.label})" if opt.label and mode == "rail" else "")


# --------------------------------------------------------------------------------------
# Verdicts
# --------------------------------------------------------------------------------------


def _cue(q: Quantity) -> str:
    """A figure's hedge cue as the quantities lexicon spells it (lower case, single spaces)."""
    return " ".join(q.hedge_cue.lower().split())


def _interval(q: Quantity, rules: ClaimRules) -> tuple[float, float]:
    """The values a figure allows, by its hedge (SI units)."""
    v = q.si
    if getattr(q, "vague", False):
        return v * (1 - rules.vague_tolerance), v * (1 + rules.vague_tolerance)
    if q.hedge == "range" and q.low is not None and q.high is not None:
        f = UNITS[q.unit][1]
        return q.low * f * (1 - rules.plain_tolerance), q.high * f * (1 + rules.plain_tolerance)
    tol = {"approx": rules.approx_tolerance, "exact": rules.exact_tolerance}.get(
        q.hedge or "", rules.plain_tolerance)
    if q.unit in ("day", "week"):
        tol = max(tol, rules.day_tolerance)
    # "just over seven minutes" is not forty: a near cue closes the open side.
    near = _cue(q) in load_lexicon().hedges_near
    if q.hedge in ("more_than", "at_least"):
        return (v * (1 - rules.plain_tolerance / 2),
                v * (1 + rules.near_tolerance) if near else math.inf)
    if q.hedge in ("less_than", "at_most"):
        return v * (1 - rules.near_tolerance) if near else 0.0, \
            v * (1 + rules.plain_tolerance / 2)
    return v * (1 - tol), v * (1 + tol)


def _gap(lo: float, hi: float, r: Reading) -> float:
    """How far the claim's range lies from a reading's (0 when they overlap), log scale."""
    w = r.widened
    if hi < w.low:
        return math.log(w.low / max(hi, 1e-9))
    if lo > w.high:
        return math.log(lo / max(w.high, 1e-9))
    return 0.0


def _squarely(q: Quantity, lo: float, hi: float, r: Reading) -> bool:
    """Whether the figure itself lies inside a reading's range, not only within its margin.

    For a hedged span ("more than 500 miles", "10 to 12 hours"), whether the span meets it.
    """
    e = r.estimate
    if q.hedge in ("more_than", "at_least", "less_than", "at_most", "range"):
        return lo <= e.high and e.low <= hi
    return e.low <= q.si <= e.high


def _closeness(q: Quantity, r: Reading) -> float:
    return abs(math.log(max(q.si, 1e-9) / max(r.estimate.central, 1e-9)))


def _fmt(value: float, unit: str) -> str:
    if value >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:,.1f} {unit}"


def _in_unit(e: Estimate, unit: str) -> Estimate:
    f = UNITS[unit][1]
    return Estimate(e.low / f, e.central / f, e.high / f)


def _range_text(e: Estimate, unit: str) -> str:
    u = _in_unit(e, unit)
    return format_span(u, "{:,.0f}" if u.high >= 100 else "{:,.1f}", unit)


def _capitals_for_flights(claim: Claim) -> tuple[Place, Place, Claim]:
    from routes.geo.gazetteer import load_gazetteer
    from routes.geo.geoparse import gazetteer_place

    gaz = load_gazetteer()
    ends: list[Place] = []
    notes: list[str] = []
    for p in (claim.origin, claim.destination):
        assert p is not None
        e = gaz.capital(p.country) if p.kind == "country" else None
        if e is None:
            ends.append(p)
            continue
        capital = gazetteer_place(gaz, e)
        ends.append(capital)
        notes.append(f"a flight to {p.name} is read as one to its capital, {capital.name}")
    confidence = min(claim.places_confidence, "likely", key=("none", "likely", "sure").index)
    note = "; ".join(x for x in (claim.places_note, *notes) if x)
    claim = replace(claim, origin=ends[0], destination=ends[1],
                    places_confidence=confidence, places_note=note)
    return ends[0], ends[1], claim


# An area this small (km²) is read at its centre: a district, a small island state.
_SMALL_AREA_KM2 = 10_000.0
_MOTORWAY_SHARE = 0.6  # a motorway's time may be this share of the average roads' fastest
_FAST_ROAD_KMH = 90.0  # a drive's own distance and time at this pace or less is a fast road's
_BELIED = 90.0  # degrees off its compass point that make a reading from the context wrong
# How far an airstrip may lie from the place it names (data/gazetteer/airfield_towns.csv
# keeps names whose airfields lie a median of 30 km apart or less)
_AIRSTRIP_KM = 30.0


# A line or network told by its own length ("the railway will cover 1,554 km", "the
# network stretches 900 km"), not a trip's
_WHOLE_LINE = re.compile(r"(?i)\b(?:railway|railroad|rail\s+line|line|network|system)\s+"
                         r"(?:will\s+|would\s+|is\s+to\s+)?(?:cover|covers|span|spans|"
                         r"stretch|stretches|extend|extends|total|totals)\b")


_SENTENCE_END = re.compile(r"[.!?]\s+")
_FLYING = re.compile(r"(?i)\b(?:fl(?:y|ew|ights?|ies|own|ying)|planes?|air\w*|jets?)\b")


def _sentence_before(text: str, start: int) -> int:
    """Where the sentence before the one at ``start`` begins (0 at the text's start)."""
    stops = [m.end() for m in _SENTENCE_END.finditer(text, 0, max(0, start - 1))]
    return stops[-2] if len(stops) >= 2 else 0


def _unsure(claim: Claim, note: str) -> Claim:
    """``claim`` with its places no surer than "likely", and why."""
    return replace(claim, places_confidence=min(
        claim.places_confidence, "likely", key=("none", "likely", "sure").index),
        places_note="; ".join(x for x in (claim.places_note, note) if x))


def _small_area(place: Place) -> bool:
    if place.kind == "admin2":
        return True
    if place.kind == "country":
        from routes.geo.gazetteer import geonames_countries

        info = geonames_countries().get(place.country) or {}
        return 0 < float(info.get("areakm2") or 0) < _SMALL_AREA_KM2
    return False


def _candidate_modes(claim: Claim) -> tuple[str, ...]:
    """The modes a claim is compared with: its own, or every mode that may make the trip.

    A distance with no mode measured from a place ("N km north of Y", "N km from Y") places
    one town from another: it is read as the straight line, and a figure that fits only the
    road is said to (see :func:`_check`). A distance between two places with no mode may be
    any way between them.
    """
    q, mode = claim.quantity, claim.mode
    if mode == "straight":
        return ("straight",)
    if mode == "unspecified":
        if q.kind != "distance":
            return ("road", "rail", "air", "sea")
        if claim.relation == "direction_of":
            return ("straight",)
        if claim.relation == "distance_from":
            return ("straight",)
        return ("straight", "road", "rail", "sea")
    if claim.mode_confidence != "sure" and mode in ("rail", "road", "sea", "air"):
        # An implied mode comes first; the figure may still fit another ("four days" in a
        # story about flights is the train).
        others = ("road", "rail", "air", "sea") if q.kind != "distance" else (
            "straight", "road", "rail", "sea")
        return (mode, *(m for m in others if m != mode))
    return (mode,)


def _check(claim: Claim, est: _Estimates, rules: ClaimRules) -> CheckedClaim:
    q, o, d = claim.quantity, claim.origin, claim.destination
    unit = q.unit

    def unverifiable(reason: str, readings: list[Reading] | None = None) -> CheckedClaim:
        best = min(readings, key=lambda r: _closeness(q, r)) if readings else None
        e = _in_unit(best.estimate, unit) if best else None
        ratio = round(q.value / e.central, 3) if e and e.central else None
        text = f"Unverifiable: {reason}."
        if best is not None:
            text = (f"Unverifiable: {reason}; for reference, {best.basis} gives "
                    f"{_range_text(best.estimate, unit)}.")
        return CheckedClaim(claim, "unverifiable", e, unit, ratio,
                            best.basis if best else "", text,
                            readings=tuple(readings or ()))

    if claim.mode == "air" and claim.mode_confidence == "sure" and any(
            p is not None and p.kind == "station" for p in (o, d)) and not _FLYING.search(
                claim.mode_basis):
        # "non-stop between London King's Cross and Edinburgh": a railway station's trip
        # said "non-stop" is no surer a flight than a train
        claim = replace(claim, mode_confidence="likely")
    if getattr(q, "vague", False):
        return unverifiable(f"“{q.surface}” is a vague figure")
    if o is None or d is None:
        missing = claim.places_note or "the claim names no two places the finder knows"
        return unverifiable(f"place unknown: {missing}")
    if claim.places_confidence == "none":
        return unverifiable("places unclear: " + (
            claim.places_note or "the text does not make clear which two places it joins"))
    if claim.mode == "air" and any(p.kind == "country" for p in (o, d)):
        # "flights from Dubai to Panama": a flight to a country lands at its capital.
        o, d, claim = _capitals_for_flights(claim)
    # A district or a small island state is read at its centre, and so is any area a trip's
    # time is told to ("Phoenix to the Grand Canyon"): never sure enough to flag.
    small = [p for p in (o, d) if p.kind in AREA_KINDS and (
        _small_area(p) or (q.kind == "duration" and p.kind not in _NO_TRIP_END))]
    if small:
        claim = _unsure(claim, "; ".join(f"{p.name} is measured at its centre" for p in small))
    # A place known only through its airfield is placed at the airstrip, which may lie up
    # to 30 km from it (McMurdo Station's is Williams Field, 12 km south): a distance that
    # strip's offset could explain is not sure enough to flag.
    strips = [p for p in (o, d) if p.id.startswith("airfield:")]
    if strips and q.kind == "distance" and abs(q.si / 1000.0 - distance_km(
            o.point, d.point)) <= _AIRSTRIP_KM * len(strips):
        claim = _unsure(claim, "; ".join(f"{p.name} is placed at its airstrip" for p in strips))
    areas = [p.name for p in (o, d) if p.kind in AREA_KINDS and p not in small]
    if areas and (q.kind != "duration" or any(p.kind in _NO_TRIP_END for p in (o, d)
                                              if p not in small)):
        word = _KIND_WORD.get(q.kind, q.kind)
        return unverifiable(f"one end is an area ({areas[0]}): a {word} to it depends on "
                            "where in it one measures")
    if claim.activity in _HUMAN and q.kind != "distance":
        return unverifiable(f"a {claim.activity}'s time depends on the athlete, not on a "
                            "timetable")
    modes = _candidate_modes(claim)
    readings: list[Reading] = []
    reasons: list[str] = []
    lo, hi = _interval(q, rules)
    for m in modes:
        got = _readings(claim, m, est, rules)
        if isinstance(got, str):
            # the route finder names the mode already ("rail: Abuja is 106 km from …")
            reasons.append(got if got.startswith(f"{m}: ") else f"{m}: {got}")
            continue
        if claim.round_trip or claim.either_way:
            both = [replace(r, estimate=r.estimate.scaled(2.0),
                            basis=f"twice {r.basis} (there and back)") for r in got]
            got = [*got, *both] if claim.either_way else both
        readings.extend(got)
        if any(_squarely(q, lo, hi, r) for r in got):
            break  # a reading fits: the others (in order of likelihood) are not needed
    if not readings:
        return unverifiable("no estimate for this trip (" + "; ".join(reasons) + ")")
    fits = [r for r in readings if _gap(lo, hi, r) == 0.0]
    direction = direction_check(claim) or ""
    best = None
    if fits:
        own = [r for r in fits if r.mode == claim.mode]
        # The way the figure fits by itself before one it fits only by its margin: "350 km"
        # between Chennai and Bengaluru is the road (about 345), not the straight line (292).
        best = min(own or fits, key=lambda r: (not _squarely(q, lo, hi, r), _closeness(q, r),
                                               _ENVELOPE.index(r.mode)
                                               if r.mode in _ENVELOPE else 9))
    if claim.namesakes and (best is None or not _squarely(q, lo, hi, best) or (
            claim.mode in _ENVELOPE and best.mode != claim.mode)):
        # "the nonstop from Perth to London, 17 hours": the figure fits Perth, Australia,
        # not Perth, Scotland, that the context chose.
        other = _namesake_reading(claim, est, rules)
        if other is not None:
            return other
    if best is not None and direction.startswith("the direction is wrong") and \
            claim.places_confidence != "sure" and (bearing_off(claim) or 0.0) > _BELIED and \
            not any(p.kind in AREA_KINDS for p in (o, d)):
        # "Goma, some 240 km to the south" read from Bunia, which it lies south-west of, but
        # the wrong way from a town named before it: a place taken from the context that the
        # text's compass point belies (an area's centre is no sure bearing; a compass word
        # is loose: "south" for south-east is no contradiction)
        return unverifiable("places uncertain: " + ", and ".join(
            x for x in (claim.places_note, direction) if x))
    if best is not None:
        return _verdict(claim, "consistent", best, readings, direction)
    if claim.mode == "unspecified" and q.kind == "distance":
        road = _readings(claim, "road", est, rules)
        if not isinstance(road, str) and any(_gap(lo, hi, r) == 0.0 for r in road):
            road_text = _range_text(road[0].estimate, q.unit)
            how = "matches" if any(_squarely(q, lo, hi, r) for r in road) else "is near"
            direction = (direction + "; " if direction else "") + \
                f"it {how} the road distance instead, {road_text}"
    below = all(hi < r.widened.low for r in readings)
    above = all(lo > r.widened.high for r in readings)
    best = min(readings, key=lambda r: _closeness(q, r))
    verdict = "understated" if below else "overstated" if above else ""
    if not verdict:
        return unverifiable("it lies between the estimates of the ways it can be read",
                            readings)
    if direction.startswith("the direction is wrong") and o.country != d.country and (
            bearing_off(claim) or 0.0) > _BELIED and not any(
                p.kind in AREA_KINDS for p in (o, d)):
        # "Vik lies about 165 km south-east of Reykjavík" read as Vik in Norway: abroad, the
        # wrong way and the wrong distance all at once is a namesake the gazetteer lacks
        return unverifiable(f"places uncertain: {d.name} ({d.country}) is neither the "
                            f"distance nor the direction the text gives from {o.name} "
                            f"({o.country}), so another place of the name may be meant; "
                            f"{direction}", readings)
    why_not = _why_not_flag(claim, verdict, est, rules, readings)
    if why_not:
        return unverifiable(why_not, readings)
    if claim.places_confidence != "sure":
        # flagged though a namesake may be meant: say that it does not matter
        names = sorted({f"{alt.name} ({alt.country})" for _, alt in claim.namesakes})
        direction = "; ".join(x for x in (direction, "the same with " + " or ".join(names))
                              if x)
    return _verdict(claim, verdict, best, readings, direction)


def _every_reading_agrees(claim: Claim, verdict: str, est: _Estimates,
                          rules: ClaimRules) -> bool:
    """Whether a claim unsure only of a namesake gets ``verdict`` with every namesake too.

    "A flight from Sydney to Los Angeles takes about 5 hours" is too fast whether Los Angeles
    is the Californian city or the Chilean town: the doubt about the place does not touch
    the verdict.
    """
    if not claim.namesake_doubt or not claim.namesakes:
        return False
    sure = replace(claim, places_confidence="sure", namesakes=(), namesake_doubt=False)
    for side, alt in claim.namesakes:
        other = replace(sure, origin=alt if side == "origin" else claim.origin,
                        destination=alt if side != "origin" else claim.destination)
        if _check(other, est, rules).verdict != verdict:
            return False
    return True


def _named_at(place: Place, with_point: bool) -> str:
    """A place's name and country, and its point when a namesake shares the country."""
    if with_point:
        return f"{place.name} ({place.country}, {place.lat:.2f}, {place.lon:.2f})"
    return f"{place.name} ({place.country})"


def _namesake_reading(claim: Claim, est: _Estimates, rules: ClaimRules) -> CheckedClaim | None:
    """The claim read with a namesake of one end, or ``None``.

    Only a reading the figure fits squarely, in the claim's own mode (any way with none).
    """
    q = claim.quantity
    lo, hi = _interval(q, rules)
    for side, alt in claim.namesakes:
        taken = claim.origin if side == "origin" else claim.destination
        assert taken is not None
        # namesakes of one country are told apart by their points ("Portland (US, 43.66,
        # -70.26)", Maine's, "not Portland (US, 45.52, -122.68)", Oregon's)
        same = alt.country == taken.country
        note = (f"“{taken.name}” is read as {_named_at(alt, same)}, where the figure "
                f"fits, not {_named_at(taken, same)}")
        other = replace(
            claim, namesakes=(),
            origin=alt if side == "origin" else claim.origin,
            destination=alt if side != "origin" else claim.destination,
            places_confidence=min(claim.places_confidence, "likely",
                                  key=("none", "likely", "sure").index),
            places_note="; ".join(x for x in (note, claim.places_note) if x))
        checked = _check(other, est, rules)
        r = next((x for x in checked.readings if x.basis == checked.basis), None)
        if (checked.verdict == "consistent" and r is not None and _squarely(q, lo, hi, r)
                and (claim.mode not in _ENVELOPE or r.mode == claim.mode)):
            return replace(checked, explanation=checked.explanation.replace(
                "Consistent: ", f"Consistent: {note}; ", 1))
    return None


# Outside the motorway countries a bus may take this many times the model's slowest drive
# (La Paz-Rurrenabaque, 19 hours for a drive the model puts at 4-9): slower is a wrong figure.
_SLOW_ROAD_FACTOR = 3.0
_WINDING_ROAD_FACTOR = 1.5  # ... and its road distance, up to this times the model's longest
# ... or this times when the text speaks of mountain roads: they wind up to three times the
# straight line (Thimphu-Punakha over the Dochu La, 75-80 km by road for 25 km:
# windhorsetours.com, wheelsonourfeet.com), twice the model's circuity at its highest
_MOUNTAIN_ROAD_FACTOR = 2.0
_HIGH_SPEED_SLACK = 1.15  # a named high-speed train runs routes this near the quickest
_SHORT_RAIL_KM = 40.0  # a rail trip shorter than this is never too slow for the model
_REGIONAL_RAIL_KM = 200.0  # ... nor one shorter than this at a regional train's pace or more
_REGIONAL_KMH = 20.0  # the pace of the slowest branch lines, stops included
_RAIL_DETOUR = 1.2  # track length over the straight line, for that pace

# A drive told in weeks or months is a journey with stays, not hours at the wheel; one told
# in days is still checked (the model's band allows a long day's driving).
_CALENDAR_UNITS = frozenset({"week", "month"})


def _why_not_flag(claim: Claim, verdict: str, est: _Estimates, rules: ClaimRules,
                  readings: list[Reading]) -> str:
    """Why a figure outside the estimates is still not flagged ('' when it is)."""
    q = claim.quantity
    if claim.places_confidence != "sure" and not _every_reading_agrees(claim, verdict, est,
                                                                       rules):
        return f"places uncertain: {claim.places_note or 'read from the context'}"
    hamlet = _foreign_hamlet(claim)
    if hamlet and q.si > 0 and all(
            max(q.si / r.estimate.central, r.estimate.central / q.si) >= _NAMESAKE_MISS
            for r in readings if r.estimate.central > 0):
        return hamlet
    if claim.planned and not (q.kind == "distance" and (
            claim.mode == "straight" or claim.relation in ("direction_of", "distance_from"))):
        # "Singapore, which lies about 1,700 km from Darwin" beside a proposed cable: where
        # a place lies does not wait for anything to be built
        return (f"it is a figure for a way not yet built or opened (“{claim.planned}”), "
                "which today's network cannot check")
    far_off = _far_off_namesake(claim, readings)
    if far_off:
        return far_off
    if all(q.si * _NOT_THIS_TRIP < r.estimate.low or q.si > _NOT_THIS_TRIP * r.estimate.high
           for r in readings):
        # "climbed Hallasan (1,947 m)" beside a flight from Seoul to Jeju: a figure this far
        # off every reading is about something else, not a wrong figure for the trip
        return (f"the figure is over {_NOT_THIS_TRIP:g} times off every way the trip can be "
                "made: it is likely about something else")
    fast = load_claim_lexicon().faster_than_modelled.search(claim.text, *claim.sentence)
    if fast is not None and (verdict, q.kind) in (("understated", "duration"),
                                                  ("overstated", "speed")):
        what = {"air": "subsonic airliners", "sea": "ferries and fast craft"}.get(
            claim.mode, "vehicles")
        return f"“{fast.group()}” is faster than the {what} the estimates model"
    record = load_claim_lexicon().records.search(claim.text, *claim.sentence)
    if record is not None and (verdict, q.kind) in (("understated", "duration"),
                                                    ("overstated", "speed")):
        # "drove from New York to Redondo Beach in 25 hours 39 minutes, a new record"
        return (f"it is told as a record (“{record.group()}”), faster than the ordinary trips "
                "the estimates model")
    if claim.craft and claim.mode in ("sea", "unspecified"):
        return (f"it is told of “{claim.craft}”, which keep no timetable: the time depends "
                "on the boat, its load and the sea, not on the ferries the estimate is for")
    race = load_claim_lexicon().races.search(claim.text, *claim.sentence)
    if verdict == "overstated" and q.kind == "distance" and race is not None:
        # "Stage 4 ran 182 km from Dax to Nogaro": a course is laid out, not the shortest way
        return (f"it is a race's course (“{race.group()}”), laid out as the organisers chose, "
                "not the shortest way between its ends")
    if verdict == "overstated" and q.kind == "distance" and _WHOLE_LINE.search(
            claim.text, *claim.sentence):
        # "The railway will cover 1,554 kilometers in southeast Mexico, from Cancún to
        # Palenque": the Tren Maya's whole loop, not the way between its two ends
        return ("the figure is the length of a whole line or network, whose loops and "
                "branches may reach beyond the way between the places named")
    if verdict == "understated" and q.kind == "distance" and claim.mode in (
            "road", "unspecified"):
        built = load_claim_lexicon().new_roads.search(claim.text, *claim.sentence)
        if built is not None:
            # "the Friendship Bridge carries trains and trucks from Dandong to Sinuiju, a
            # crossing of just under a kilometre": the bridge's own length
            return (f"the text speaks of a bridge, tunnel or new road (“{built.group()}”): "
                    "the figure may be its own length, or a way shorter than the roads the "
                    "model measures")
    if verdict == "understated" and claim.mode == "road" and q.kind == "duration":
        # in its sentence or the one before ("The Hong Kong–Zhuhai–Macau Bridge … opened in
        # 2018. Shuttle buses now take about 45 minutes")
        newer = load_claim_lexicon().new_roads.search(
            claim.text, _sentence_before(claim.text, claim.sentence[0]), claim.sentence[1])
        if newer is not None:
            return (f"the text speaks of a way the road model may not know (“{newer.group()}”), "
                    "which may be shorter or faster than the roads it times")
        fast_road = load_claim_lexicon().fast_roads.search(claim.text, *claim.sentence)
        slow = _slow_roads(claim)
        if fast_road is not None and slow and any(
                q.si >= _MOTORWAY_SHARE * r.estimate.low for r in readings):
            return (f"the text names a fast road (“{fast_road.group()}”), faster than the "
                    f"average roads of {slow} the model times")
        own = _own_pace(claim)
        if own is None and slow:
            own = _model_pace(claim, est, rules)
        if own is not None and slow and own <= _FAST_ROAD_KMH:
            # "The 620 km drive between Yangon and Mandalay takes about eight hours": the
            # text's own distance makes it a pace a fast road allows
            whose = "the text's own distance" if _own_pace(claim) is not None else (
                "the model's shortest road distance")
            return (f"{whose} makes it {own:.0f} km/h on average, a pace a fast road "
                    f"allows, though the average roads of {slow} the model times are slower")
    if verdict == "understated" and claim.mode == "rail" and q.kind == "duration":
        new = load_claim_lexicon().new_lines.search(claim.text, *claim.sentence)
        if new is not None:
            return (f"the text speaks of a line newer than the data may be (“{new.group()}”), "
                    "which may be faster than the lines it has")
    if claim.special and claim.one_off and verdict == "understated":
        # a trip that happened, on a vehicle run outside the timetable; a hypothetical one
        # ("Kim's train would take 10 hours") is still held to what the line allows
        return (f"one trip as it happened on “{claim.special}”, which runs outside the "
                "timetable, without the stops and waits of the scheduled services the "
                "estimate is for")
    if q.kind == "distance" and claim.mode in ("straight", "unspecified"):
        # A namesake close behind the reading taken, where the figure fits: more likely the
        # place meant than a figure that far off ("Paradise, 140 km north of Sacramento").
        # So is one nearer the figure on its other side: then even the flag's way is unsure.
        lo, hi = _interval(q, rules)
        assert claim.origin is not None and claim.destination is not None
        taken = _straight(claim.origin, claim.destination, rules, airports=False)
        for side, alt in claim.namesakes:
            o, d = (alt, claim.destination) if side == "origin" else (claim.origin, alt)
            reading = _straight(o, d, rules, airports=False)
            other, gap = reading.widened, _gap(lo, hi, reading)
            fits = gap == 0.0
            # a namesake nearer the figure, on its other side: which way it is off depends
            # on which town is meant ("Paradise, 140 miles from Sacramento")
            flips = ((hi < other.low) if verdict == "overstated" else (lo > other.high)) \
                and gap < _gap(lo, hi, taken)
            if fits or flips:
                where = "the figure fits" if fits else (
                    f"it would be too {'long' if lo > other.high else 'short'} instead")
                return (f"places uncertain: “{alt.name}” could also be the town of "
                        f"{alt.population:,} people at {alt.lat:.2f}, {alt.lon:.2f} "
                        f"({alt.country}), where {where}")
    caveats = [r.caveat for r in readings if r.caveat]
    if caveats:
        return caveats[0]
    if claim.urban:
        return (f"{claim.mode_basis or 'the service'} is a metro, tram or commuter line, and "
                "the data has only intercity railways")
    if verdict == "overstated" and q.kind == "duration" and claim.mode == "rail":
        assert claim.origin is not None and claim.destination is not None
        km = distance_km(claim.origin.point, claim.destination.point)
        if km < _SHORT_RAIL_KM:
            # "Express trains from Berlin's central station reach the airport in 30 minutes":
            # over a few dozen km the stops, junctions and city lines make the time
            return (f"a rail trip this short ({km:.0f} km in a straight line) is timed by its "
                    "stops and the city's lines, which the intercity model does not time")
        slow_line = load_claim_lexicon().slow_railways.search(claim.text, *claim.sentence)
        if slow_line is not None and not claim.former:
            return (f"the text names a slow kind of railway (“{slow_line.group()}”): "
                    "mountain, narrow-gauge and heritage lines run far below the intercity "
                    "trains the model times")
        pace = km * _RAIL_DETOUR / (q.si / 3600.0) if q.si > 0 else 0.0
        if km < _REGIONAL_RAIL_KM and not claim.high_speed and pace >= _REGIONAL_KMH:
            # "The train from Kraków to Zakopane takes about three hours": a regional train
            # on a winding branch line, slower than the intercity trains the class times
            return (f"over {km:.0f} km in a straight line a regional train calling at every "
                    f"station may take this long (about {pace:.0f} km/h on average), and the "
                    "text names no fast train")
    if verdict == "overstated" and q.kind == "duration":
        detour = load_claim_lexicon().detours.search(claim.text, *claim.sentence)
        if detour is not None:
            return (f"the text says the trip goes the long way round (“{detour.group()}”), "
                    "which the direct way the model times does not")
        if claim.one_off:
            return "one trip as it happened: delays can make any trip longer"
        if claim.former:
            return ("it is the time before the change the sentence tells of, or on an older "
                    "way, which may have been slower")
        if claim.freight:
            return "freight keeps its own times (loading, checks, rest stops)"
        if claim.mode in ("road", "walk") and q.unit in _CALENDAR_UNITS:
            return ("a road trip of weeks stops for the nights (and often on the way); the "
                    "estimate is driving time")
        nights = _days_on_the_road(claim, readings)
        if nights:
            return nights
        lo_s, hi_s = claim.sentence
        within = load_claim_lexicon().within_the_time.search(
            claim.text, max(lo_s, q.start - 10), min(hi_s, q.end + 5))
        if within is not None:
            return (f"“{within.group()}” says the trip was done within that time, not that "
                    "it took all of it")
        year = _YEAR.search(claim.text, lo_s, hi_s)
        if year is not None and int(year.group(1)) < _MODERN_YEAR:
            return (f"a trip of {year.group(1)}: the ways of that time were slower than "
                    "today's, which the estimate is for")
        worst = load_claim_lexicon().worst_case.search(
            claim.text, max(lo_s, q.start - 40), min(hi_s, q.end + 40))
        if worst is not None:
            return (f"it is a worst case (“{worst.group()}”): things going wrong make any "
                    "trip longer")
        slow_roads = _slow_roads(claim) if claim.mode == "road" else ""
        if slow_roads and any(q.si <= _SLOW_ROAD_FACTOR * r.estimate.high for r in readings):
            verb = "have" if " and " in slow_roads else "has"
            return (f"{slow_roads} {verb} few motorways: unpaved or mountain roads, "
                    "checkpoints and bus stops can make a trip far slower than the model's "
                    "averages")
        if claim.mode == "unspecified":
            return "no mode is named, and a slower way always exists"
        if claim.mode_confidence != "sure":
            return (f"the mode is only implied ({claim.mode_basis or claim.mode}), and a "
                    "slower way always exists")
    if verdict == "overstated" and q.kind == "distance" and claim.mode == "road":
        slow_roads = _slow_roads(claim)
        mountains = load_claim_lexicon().mountain_roads.search(claim.text, *claim.sentence)
        factor = _MOUNTAIN_ROAD_FACTOR if mountains is not None else _WINDING_ROAD_FACTOR
        if slow_roads and any(q.si <= factor * r.estimate.high for r in readings):
            # "The drive from Islamabad to Gilgit on the Karakoram Highway is about 600 km":
            # mountain roads wind far beyond the country's measured circuity
            verb = "have" if " and " in slow_roads else "has"
            return (f"{slow_roads} {verb} few motorways, and mountain roads wind beyond the "
                    "circuity the road model measured")
    if verdict == "overstated" and q.kind == "distance" and claim.mode == "unspecified" \
            and claim.relation in ("from_to", "route_length", "unknown"):
        return "no mode is named, and a trip may take a longer way"
    if claim.mode_confidence != "sure" and claim.mode not in ("unspecified", "straight"):
        # A weak or implied mode: flag only if every mode that makes the trip disagrees,
        # all the same way.
        lo, hi = _interval(q, rules)
        for m in _candidate_modes(replace(claim, mode="unspecified")):
            if m == claim.mode:
                continue
            got = _readings(claim, m, est, rules)
            if isinstance(got, str):
                continue
            for r in got:
                if _gap(lo, hi, r) == 0.0 or (verdict == "understated" and lo > r.widened.high
                                              ) or (verdict == "overstated" and
                                                    hi < r.widened.low):
                    return (f"the mode is only implied ({claim.mode_basis or claim.mode}), "
                            f"and {r.basis} gives {_range_text(r.estimate, q.unit)}")
    return ""


def _far_off_namesake(claim: Claim, readings: list[Reading]) -> str:
    """Why a figure far off every reading may be about other places of these names.

    "Whitby is about 45 miles from York", read as Whitby, Ontario; "the flight from
    Santiago to Madrid takes about 70 minutes", read as Santiago, Chile: a figure that far
    off (:data:`_FAR_OFF` times for a distance, :data:`_FAR_OFF_TIME` for a time) is likelier
    a misread place than a wrong figure, when a town of the same name (or a town of
    :data:`_ALIAS_TOWN` people known by it: Santiago de Compostela) could be meant.
    A time is read so only when far too fast, and takes the namesake only if the trip it
    would make brings the figure within :data:`_FITS_AFTER` of the estimate (the estimate
    scaled by the straight lines).
    """
    q = claim.quantity
    if q.si <= 0:
        return ""
    far = _FAR_OFF if q.kind == "distance" else _FAR_OFF_TIME
    # A time far too slow may be a trip with stops and delays; only one far too fast, which
    # no vehicle makes, points to a misread place
    if q.kind not in ("distance", "duration") or claim.origin is None or \
            claim.destination is None or not readings or not all(
                q.si * far < r.estimate.low or (q.kind == "distance"
                                                and q.si > far * r.estimate.high)
                for r in readings):
        return ""
    from routes.geo.gazetteer import load_gazetteer
    from routes.geo.places import normalize_name

    gaz = load_gazetteer()
    said = q.si / 1000.0 if q.kind == "distance" else q.si
    taken_km = great_circle_km(claim.origin.lat, claim.origin.lon, claim.destination.lat,
                               claim.destination.lon)
    central = min((r.estimate.central for r in readings),
                  key=lambda c: abs(math.log(max(c, 1e-9) / max(said, 1e-9))))
    options = []  # (how far off the figure would be, the place, its namesake)
    for place, other in ((claim.origin, claim.destination), (claim.destination, claim.origin)):
        key = normalize_name(place.name)
        for e in gaz.candidates(key):
            if gaz.kind(e) != "city" or great_circle_km(
                    *gaz.point(e), place.lat, place.lon) <= _NAMESAKE_APART_KM:
                continue
            if normalize_name(gaz.name(e)) != key and gaz.population(e) < _ALIAS_TOWN:
                continue
            km = great_circle_km(*gaz.point(e), other.lat, other.lon)
            if q.kind == "distance":
                off = abs(math.log(max(km, 1.0) / max(said, 1.0)))
            else:
                off = abs(math.log(max(central * km / max(taken_km, 1.0), 1.0) / said))
                if off > math.log(_FITS_AFTER):
                    continue
            options.append((off, place, e))
    if not options:
        return ""
    _, place, e = min(options, key=lambda o: o[0])
    return (f"places uncertain: the figure is over {far:g} times off, and "
            f"“{place.name}” could also be {gaz.name(e)} ({gaz.country_of(e)})")


_FAR_OFF = 10.0  # a distance this many times off every reading may be about other places
_FAR_OFF_TIME = 5.0  # ... and a time this many times off (the namesake must then fit it)
_NOT_THIS_TRIP = 50.0  # a figure this many times off every reading is not this trip's
_NAMESAKE_APART_KM = 300.0  # ... of the same name at least this far from the one taken
_ALIAS_TOWN = 50_000  # ... or a town this big that the name is another name of
_FITS_AFTER = 3.0  # a time's namesake must bring it within this factor of the estimate


def _days_on_the_road(claim: Claim, readings: list[Reading]) -> str:
    """Why a road trip told in days is not too slow, if the drive needs that many days.

    "Two days by road from Delhi to Leh": the trip stops for the night. With at most a
    day's legal driving (``daily_driving`` of the road model) on each day but the last, the
    figure is too slow only when the drive would fit in fewer days.
    """
    q = claim.quantity
    if claim.mode != "road" or q.unit != "day" or q.value < 2:
        return ""
    from routes.modes.road import load_road_model

    day = load_road_model().daily_driving_h
    needs = (q.value - 1) * day * 3600.0
    longest = max((r.widened.high for r in readings), default=0.0)
    if needs > longest:
        return ""
    return (f"a road trip of {q.value:g} days stops for the nights: at up to {day:g} hours at "
            f"the wheel a day, a drive of up to {longest / 3600.0:.0f} hours can take that long")


def _own_pace(claim: Claim) -> float | None:
    """The average speed (km/h) a drive's time makes over the distance its sentence gives.

    Only one distance in the sentence, and one that is the drive's: "the 620 km drive …
    takes about eight hours".
    """
    q = claim.quantity
    lo, hi = claim.sentence
    found = [d for d in find_quantities(claim.text[lo:hi]) if d.kind == "distance"
             and d.unit in ("km", "mi") and not getattr(d, "vague", False)]
    if len(found) != 1 or q.si <= 0:
        return None
    return (found[0].si / 1000.0) / (q.si / 3600.0)


_HAMLET = 5_000  # a town this small abroad from a trip's other end may be a namesake missed
_NAMESAKE_MISS = 3.0  # ... when the figure is this many times off every reading of it


def _foreign_hamlet(claim: Claim) -> str:
    """Why an end read as a village abroad from the other end is unsure, or ''.

    "The blue train from Kandy to Ella": the gazetteer lacks Sri Lanka's Ella and has only
    a hamlet of that name in India. A trip between a town and a village of another country
    is rare; a figure far off for it more likely means a namesake the gazetteer lacks.
    """
    o, d = claim.origin, claim.destination
    assert o is not None and d is not None
    if o.country == d.country:
        return ""
    for end, other in ((o, d), (d, o)):
        if end.kind == "city" and end.id.startswith(("geonames:", "airfield:")) and (
                end.population or 0) < _HAMLET:
            size = f"{end.population:,} people" if end.population else "no population known"
            return (f"places uncertain: “{end.name}” is read as a village of {end.country} "
                    f"({size}), abroad from {other.name} ({other.country}); a namesake the "
                    "gazetteer lacks may be meant")
    return ""


def _model_pace(claim: Claim, est: _Estimates, rules: ClaimRules) -> float | None:
    """The pace (km/h) of a drive's longest allowed time over the model's shortest road.

    "Gaborone to Francistown takes about five hours" is 79 km/h over 453 km, a good
    highway's pace.
    """
    assert claim.origin is not None and claim.destination is not None
    found = est.options(claim.origin, claim.destination, "road")
    if isinstance(found, str) or not found:
        return None
    _, hi = _interval(claim.quantity, rules)
    if hi <= 0:
        return None
    return min(opt.distance_km.low for opt in found) / (hi / 3600.0)


def _slow_roads(claim: Claim) -> str:
    """The names of the claim's countries whose roads are not of the motorway class, if any.

    A drive there may take far longer than the model (La Paz–Rurrenabaque by bus, 19 hours
    for 230 km as the crow flies); in a motorway country a drive that slow is a wrong figure.
    """
    from routes.modes.road import load_road_model

    model = load_road_model()
    countries = {p.country for p in (claim.origin, claim.destination) if p and p.country}
    slow = sorted(c for c in countries if model.road_class(c) != "motorway")
    return " and ".join(country_name(c) for c in slow)


def _verdict(claim: Claim, verdict: str, best: Reading, readings: list[Reading],
             direction: str) -> CheckedClaim:
    q = claim.quantity
    unit = q.unit
    e = _in_unit(best.estimate, unit)
    ratio = round(q.value / e.central, 3) if e.central else None
    said = f"“{q.surface}”"
    if q.hedge_cue and q.hedge_cue not in q.surface:
        # "six hours or more", "about six hours": the cue where the text has it
        lex = load_lexicon()
        cue = _cue(q)
        said = (f"“{q.surface} {q.hedge_cue}”" if cue in lex.hedges_after
                and cue not in lex.hedges_before else f"“{q.hedge_cue} {q.surface}”")
    if verdict == "consistent":
        text = f"Consistent: {said} fits {best.basis}: {_range_text(best.estimate, unit)}"
        lo, hi = _interval(q, load_facts().claims)
        raw = best.estimate
        if hi < raw.low or lo > raw.high:
            # It fits only once the range is widened by the worst misses measured on real
            # trips: say so, with the widened range.
            text += (f", and {_range_text(best.widened, unit).split(' (central')[0]} "
                     "allowing for the model's worst misses on real trips")
        elif not raw.low <= q.si <= raw.high:
            # The figure itself lies outside, its rounding or hedge inside: say so, lest
            # "2 hours 16 minutes fits 2.3–2.7 h" read as a slip.
            if q.hedge in ("more_than", "at_least", "less_than", "at_most", "range"):
                text += f", as {said} allows"
            else:
                share = round(100 * max(raw.low / q.si - 1, 1 - raw.high / q.si))
                margin = round(100 * (hi / q.si - 1))
                text += (f", allowing the ±{margin} % margin of a "
                         f"{'hedged' if q.hedge else 'plain'} figure ({share} % off the "
                         "nearest end)")
    else:
        word = "short" if q.kind == "distance" else "fast" if q.kind == "duration" else "slow"
        if verdict == "overstated":
            word = {"short": "long", "fast": "slow", "slow": "fast"}[word]
        others = "" if len(readings) == 1 else ", and for every other way it can be read"
        text = (f"{verdict.capitalize()}: {said} is too {word} for {best.basis}: "
                f"{_range_text(best.estimate, unit)}{others}")
    if direction:
        text += f"; {direction}"
    if best.caveat:
        text += f"; but {best.caveat}"
    return CheckedClaim(claim, verdict, e, unit, ratio, best.basis, text + ".",
                        fits=best.mode if verdict == "consistent" else "",
                        direction=direction, readings=tuple(readings))


# --------------------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------------------


def check_claims(text: str) -> ClaimReport:
    """Find the claims of ``text`` and give each a verdict with its evidence.

    A long text is read in pieces of about 20,000 characters (cut at paragraph ends), each
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
    est = _Estimates()
    for offset, piece in text_pieces(text):
        places = find_places(piece)
        checked = _check_piece(piece, places, est)
        if offset:
            places = [m.moved(offset) for m in places]
            checked = [replace(c, claim=shifted(c.claim, offset, done, text)) for c in checked]
        done += len(checked)
        yield checked, places


def _check_piece(text: str, places: list[Mention], est: _Estimates) -> list[CheckedClaim]:
    """The checked claims of one piece of text."""
    claims = find_claims(text, places=places)
    rules = load_facts().claims
    checked: list[CheckedClaim] = []
    for claim in claims:
        if claim.alt_of is not None:
            checked.append(_restated(claim, checked[claim.alt_of]))
        else:
            found = _check(claim, est, rules)
            if claim.reading and found.verdict == "consistent":
                found = replace(found, explanation=found.explanation.replace(
                    "Consistent: ", f"Consistent: {claim.reading}; ", 1))
            checked.append(found)
    return checked


_SAME_FIGURE = 0.03  # a conversion this close is the same figure ("700 km (435 miles)")
# ... and one this close, a conversion rounded to one or two figures ("35 km (20 miles)",
# 21.7 miles exactly): not another claim to flag. Further apart, the figures disagree.
_ROUNDED_FIGURE = 0.25


def _restated(claim: Claim, primary: CheckedClaim) -> CheckedClaim:
    """A figure that restates the one before in another unit ("435 miles" after "700 km")."""
    q, pq = claim.quantity, primary.claim.quantity
    gap = abs(q.si - pq.si) / max(q.si, pq.si)
    same, rounded = gap <= _SAME_FIGURE, gap <= _ROUNDED_FIGURE
    note = (f"restates {pq.surface} in {q.unit}: {_fmt(q.value, q.unit)} = "
            f"{_fmt(q.si / UNITS[pq.unit][1], pq.unit)}, "
            + ("the same figure" if same else "the same figure, rounded" if rounded
               else "NOT the same figure"))
    est = _in_unit(primary.estimate.scaled(UNITS[pq.unit][1]), q.unit) if (
        primary.estimate) else None
    if rounded or primary.verdict not in ("consistent", *FLAGS):
        verdict = primary.verdict
    else:
        verdict = "overstated" if q.si > pq.si else "understated"
    ratio = round(q.value / est.central, 3) if est and est.central else None
    return CheckedClaim(claim, verdict, est, q.unit, ratio, primary.basis,
                        note + "; " + primary.explanation, fits=primary.fits,
                        direction=primary.direction, readings=primary.readings)
