"""Find distance, duration and speed quantities in text.

Numbers may be digits ("1,190", "2.5") or words ("ten", "a dozen", "an hour and a half",
"two and a half hours"), joined to units in their usual spellings (km, kilometre,
kilometer, mile, nautical mile, metre, foot, hour, minute, second, day, week, km/h, mph,
knot), as adjectives ("700-kilometer", "90-minute"), as ranges ("8 to 10 hours", "between
600 and 700 km", "10-12 days") or compounds ("1h30", "2 hours 15 minutes"). The hedge in
front ("about", "more than", "up to") is kept apart from the quantity.

Examples
--------
>>> [(q.surface, q.value, q.unit, q.hedge) for q in find_quantities(
...     "a flight of about 700 km takes only around an hour and a half")]
[('700 km', 700.0, 'km', 'approx'), ('an hour and a half', 1.5, 'h', 'approx')]
>>> q = find_quantities("between 600 and 700 km")[0]
>>> q.low, q.high, q.hedge
(600.0, 700.0, 'range')

"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["UNITS", "Quantity", "find_quantities"]

# unit -> (kind, factor to SI: metres, seconds, metres per second)
UNITS: dict[str, tuple[str, float]] = {
    "km": ("distance", 1000.0), "mi": ("distance", 1609.344), "nmi": ("distance", 1852.0),
    "m": ("distance", 1.0), "ft": ("distance", 0.3048), "yd": ("distance", 0.9144),
    "s": ("duration", 1.0), "min": ("duration", 60.0), "h": ("duration", 3600.0),
    "day": ("duration", 86400.0), "week": ("duration", 604800.0),
    "km/h": ("speed", 1000.0 / 3600.0), "mph": ("speed", 1609.344 / 3600.0),
    "kn": ("speed", 1852.0 / 3600.0),
}

_UNIT_WORDS = [
    (r"kilometres? per hour|kilometers? per hour|km/h|km/hr|kmh|kph|km per hour", "km/h"),
    (r"miles? per hour|mph", "mph"),
    (r"knots?|kts?|kn", "kn"),
    (r"nautical miles?|nmi", "nmi"),
    (r"kilometres?|kilometers?|kms?", "km"),
    (r"miles?|mi", "mi"),
    (r"metres?|meters?|m", "m"),
    (r"feet|foot|ft", "ft"),
    (r"yards?|yd", "yd"),
    (r"hours?|hrs?|h", "h"),
    (r"minutes?|mins?", "min"),
    (r"seconds?|secs?", "s"),
    (r"days?", "day"),
    (r"weeks?", "week"),
]
_UNIT_RE = "|".join(f"(?P<u{i}>{pat})" for i, (pat, _) in enumerate(_UNIT_WORDS))

_SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
          "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
          "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100,
          "a thousand": 1000, "a": 1, "an": 1, "half an": 0.5, "half a": 0.5}
_WORDNUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
            r"three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|"
            r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            r"eighteen|nineteen|a dozen|dozen|a hundred|hundred|a thousand)"
            r"(?: (?:hundred|thousand)(?: and \w+)?)?")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\d+/\d+|½|¼|¾"
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})"
_HALF = r"(?:\s+and\s+(?:a\s+)?(?P<half>half|quarter|three quarters))?"

_HEDGES = [
    (r"approximately|approx\.|about|around|roughly|some|nearly|almost|close to|circa|"
     r"an estimated|estimated|more or less", "approx"),
    (r"more than|over|just over|a little over|a little more than|upwards of", "more_than"),
    (r"less than|fewer than|under|just under|a little under|below", "less_than"),
    (r"at least|no less than|a minimum of", "at_least"),
    (r"at most|up to|within|no more than|a maximum of", "at_most"),
    (r"exactly|precisely", "exact"),
]
_HEDGE_RE = re.compile(r"(?i)\b(" + "|".join(p for p, _ in _HEDGES) + r")\s+$")

# A quantity: an optional range start, a number, an optional "and a half", a unit.
_QUANTITY = re.compile(
    rf"(?i)(?<![\w.])(?:between\s+(?P<b1>{_NUM})\s+and\s+|from\s+(?P<f1>{_NUM})\s+to\s+"
    rf"|(?P<r1>{_NUM})\s*(?:-|–|to|or)\s*)?"
    rf"(?P<num>{_NUM}|half an|half a|an|a){_HALF}"
    rf"(?:\s*-\s*|\s+|(?<=\d))(?P<unit>{_UNIT_RE})(?![\w/²³])(?P<half2>\s+and\s+a\s+half)?"
    rf"(?P<extra>(?:,?\s+(?:and\s+)?(?:{_DIGITS}|{_WORDNUM})\s+(?:minutes?|mins?|seconds?|secs?))*)"
)
_COMPACT = re.compile(r"(?<![\w.])(?P<h>\d{1,2})\s?h\s?(?P<m>\d{2})(?:\s?min)?(?!\w)", re.I)
_AREA_AFTER = re.compile(r"^\s*(?:²|2\b|sq\b|square)", re.I)
_AREA_BEFORE = re.compile(r"(?i)\b(?:square|sq\.?)\s+$")
_HEIGHT_AFTER = re.compile(r"(?i)^\s*(?:tall|high|deep|above|below|in diameter|of elevation)\b")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A distance, duration or speed as written.

    ``value`` is in ``unit`` (the midpoint for a range); ``si`` in metres, seconds or metres
    per second. ``low``/``high`` bound a range. ``hedge`` is ``approx``, ``more_than``,
    ``less_than``, ``at_least``, ``at_most``, ``exact``, ``range`` or ``None``;
    ``adjective`` marks "700-kilometer" forms.
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


def _number(text: str) -> float:
    t = " ".join(text.lower().replace("-", " ").split())
    if t in ("½",):
        return 0.5
    if t in ("¼",):
        return 0.25
    if t in ("¾",):
        return 0.75
    if re.fullmatch(r"\d+/\d+", t):
        a, b = t.split("/")
        return int(a) / int(b) if int(b) else 0.0
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    if t in _SMALL:
        return float(_SMALL[t])
    total, current = 0.0, 0.0
    for word in t.replace(" and ", " ").split():
        if word in ("a", "an"):
            current = max(current, 1.0)
        elif word in _SMALL:
            current += _SMALL[word]
        elif word == "hundred":
            current = max(current, 1.0) * 100
        elif word == "thousand":
            total += max(current, 1.0) * 1000
            current = 0.0
    return total + current


def _unit(match: re.Match[str]) -> str:
    for i, (_, unit) in enumerate(_UNIT_WORDS):
        if match.group(f"u{i}"):
            return unit
    return ""


def _hedge(text: str, start: int) -> tuple[str | None, str, int]:
    m = _HEDGE_RE.search(text[max(0, start - 30):start])
    if not m:
        return None, "", start
    cue = m.group(1)
    for pattern, name in _HEDGES:
        if re.fullmatch(f"(?i){pattern}", cue):
            return name, cue, start - (len(text[max(0, start - 30):start]) - m.start(1))
    return None, "", start


def find_quantities(text: str) -> list[Quantity]:
    """Every distance, duration and speed quantity in ``text``, in order."""
    return list(_iter(text))


def _iter(text: str) -> Iterator[Quantity]:
    taken: list[tuple[int, int]] = []
    for m in _COMPACT.finditer(text):
        hours = int(m.group("h")) + int(m.group("m")) / 60
        hedge, cue, _ = _hedge(text, m.start())
        taken.append((m.start(), m.end()))
        yield Quantity(m.start(), m.end(), m.group(), "duration", round(hours, 6), "h",
                       round(hours * 3600), hedge, cue)
    found = []
    for m in _QUANTITY.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        unit = _unit(m)
        if not unit:
            continue
        after = text[m.end():m.end() + 8]
        if _AREA_AFTER.match(after) or _AREA_BEFORE.search(text[max(0, m.start() - 10):
                                                                  m.start()]):
            continue  # an area, not a distance
        if _HEIGHT_AFTER.match(after + text[m.end() + 8:m.end() + 20]):
            continue  # a height or depth
        num_text = m.group("num")
        if unit in ("m", "h", "s", "mi", "kn") and not re.search(r"\d", num_text) and (
                m.group("unit").lower() in ("m", "s", "h", "mi", "kn")):
            continue  # "a m", "one h": not a unit after a number word
        value = _number(num_text)
        half = m.group("half") or (m.group("half2") and "half")
        if half:
            value += {"half": 0.5, "quarter": 0.25, "three quarters": 0.75}[half.lower()]
        kind, factor = UNITS[unit]
        low = high = None
        hedge, cue = None, ""
        start = m.start()
        first = m.group("b1") or m.group("f1") or m.group("r1")
        if first:
            low = _number(first)
            high = value
            if low > high or low == 0:
                low, high = None, None
            else:
                hedge, cue = "range", ""
        extra = m.group("extra") or ""
        if extra and kind == "duration" and unit in ("h", "min"):
            for part in re.finditer(rf"(?i)({_DIGITS}|{_WORDNUM})\s+(minutes?|mins?|seconds?|"
                                    r"secs?)", extra):
                n = _number(part.group(1))
                sub = part.group(2).lower()
                value += n / 60 if unit == "h" and sub.startswith("min") else (
                    n / 3600 if unit == "h" else n / 60)
        surface_start = m.start("b1") if m.group("b1") else (
            m.start("f1") if m.group("f1") else start)
        if hedge is None:
            hedge, cue, _ = _hedge(text, surface_start)
        adjective = bool(re.search(r"\d\s*-\s*[a-z]", m.group(0), re.I)) and low is None
        if low is not None and high is not None:
            mid = (low + high) / 2
            found.append(Quantity(surface_start, m.end(), text[surface_start:m.end()], kind,
                                  round(mid, 6), unit, round(mid * factor, 3), hedge, cue,
                                  low, high, adjective))
        else:
            found.append(Quantity(surface_start, m.end(), text[surface_start:m.end()], kind,
                                  round(value, 6), unit, round(value * factor, 3), hedge, cue,
                                  None, None, adjective))
    yield from found
