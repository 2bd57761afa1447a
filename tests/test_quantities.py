"""Reading figures: numbers, units, ranges, hedges, and what is not a figure of travel.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import math
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routes import settings as routes_settings
from routes.errors import DataError
from routes.text.quantities import (
    HEDGES,
    UNITS,
    Quantity,
    find_quantities,
    load_lexicon,
    read_lexicon,
)

LEXICON = routes_settings.data_folder / "lexicon" / "quantities.toml"


def _one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


# --- the lexicon ---------------------------------------------------------------------------

def test_the_lexicon_loads() -> None:
    lex = load_lexicon()
    assert lex.path == LEXICON
    assert {"km", "mi", "nmi", "m", "ft", "yd", "s", "min", "h", "day", "week", "km/h", "mph",
            "kn"} <= set(lex.units)
    assert lex.words["kilometres"] == "km"
    assert lex.symbols["h"] == "h"
    assert lex.hedges_before["more than"] == "more_than"
    assert lex.vague_words == {"a couple of": 2, "a couple": 2, "a few": 3, "several": 4,
                               "many": 10}


def test_every_unit_has_a_known_kind_and_factor() -> None:
    lex = load_lexicon()
    for unit, (kind, factor) in lex.units.items():
        assert kind in ("distance", "duration", "speed"), unit
        assert math.isfinite(factor) and factor > 0, unit
        assert unit in lex.words.values() or unit in lex.symbols.values(), unit
    assert dict(UNITS) == dict(lex.units)


@pytest.mark.parametrize(("unit", "factor"), [
    ("mi", 1609.344), ("nmi", 1852.0), ("ft", 0.3048), ("yd", 0.9144), ("h", 3600.0),
    ("day", 86400.0), ("km/h", 1000 / 3600), ("mph", 1609.344 / 3600), ("kn", 1852 / 3600),
])
def test_conversion_factors_are_the_definitions(unit: str, factor: float) -> None:
    assert UNITS[unit][1] == pytest.approx(factor, rel=1e-12)


@pytest.mark.parametrize(("old", "new", "says"), [
    ('kind = "distance"\nfactor = 1000.0', 'kind = "distanse"\nfactor = 1000.0',
     "unit 'km': unknown kind 'distanse'"),
    ("factor = 1609.344", "factor = -1", "unit 'mi': factor: must be a positive number"),
    ("factor = 1852.0", 'factor = "1852"', "unit 'nmi': factor: must be a number"),
    ('words = ["feet", "foot", "ft"]', 'words = ["feet", "foot", "ft", "miles"]',
     "spelling 'miles' is also unit 'mi'"),
    ('distance = "nmi"', 'distance = "league"', "unit 'kn': 'distance' 'league'"),
    ("exact = [", "roughly = [", "hedges.before.roughly: unknown hedge class"),
    ("schema = 1", "schema = 2", "unsupported schema 2"),
    ("[vague]", "[vague", "not valid TOML"),
    ("plural_factor = 3", "plural_factor = 0", "vague.plural_factor: must be a positive"),
    ('cues = ["just over"', 'cues = ["around"', "hedges.near.cues: 'around' is not a"),
])
def test_a_spoilt_lexicon_is_a_one_line_data_error(tmp_path: Path, old: str, new: str,
                                                   says: str) -> None:
    text = LEXICON.read_text(encoding="utf-8")
    assert old in text
    spoilt = tmp_path / "quantities.toml"
    spoilt.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_lexicon(spoilt)
    message = str(info.value)
    assert message.startswith("quantities.toml: ")
    assert says in message
    assert "\n" not in message


def test_a_missing_lexicon_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"lexicon file not found: .*quantities\.toml$"):
        read_lexicon(tmp_path / "lexicon" / "quantities.toml")


def test_the_lexicon_follows_the_data_folder(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    (folder / "lexicon").mkdir(parents=True)
    text = LEXICON.read_text(encoding="utf-8")
    (folder / "lexicon" / "quantities.toml").write_text(
        text.replace('"klicks"]', '"klicks", "clicks"]', 1), encoding="utf-8")
    assert find_quantities("a patrol 12 clicks north") == []
    monkeypatch.setattr(routes_settings, "data_folder", folder)
    assert [q.surface for q in find_quantities("a patrol 12 clicks north")] == ["12 clicks"]
    assert load_lexicon().path == folder / "lexicon" / "quantities.toml"
    shutil.rmtree(folder / "lexicon")
    monkeypatch.setattr(routes_settings, "data_folder", tmp_path / "elsewhere")
    with pytest.raises(DataError, match="lexicon file not found"):
        find_quantities("12 km")


# --- figures with their units and hedges ---------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "unit", "hedge"), [
    ("about 700 km", "700 km", 700, "km", "approx"),
    ("the approximately 700-kilometer (435-mile) distance", "700-kilometer", 700, "km",
     "approx"),
    ("takes only around an hour and a half", "an hour and a half", 1.5, "h", "approx"),
    ("two and a half hours", "two and a half hours", 2.5, "h", None),
    ("a three-and-a-half-hour flight", "three-and-a-half-hour", 3.5, "h", None),
    ("a four-to-six-hour bus ride", "four-to-six-hour", 5.0, "h", "range"),
    ("a four- to six-hour bus ride", "four- to six-hour", 5.0, "h", "range"),
    ("in 1h30", "1h30", 1.5, "h", None),
    ("a 90-minute boat ride", "90-minute", 90, "min", None),
    ("more than ten hours", "ten hours", 10, "h", "more_than"),
    ("at least six days", "six days", 6, "day", "at_least"),
    ("up to three days", "three days", 3, "day", "at_most"),
    ("some 1,700 nautical miles", "1,700 nautical miles", 1700, "nmi", "approx"),
    ("averaging roughly 245 km/h", "245 km/h", 245, "km/h", "approx"),
    ("at 60 mph", "60 mph", 60, "mph", None),
    ("at an average of 14 knots", "14 knots", 14, "kn", None),
    ("a dozen miles", "a dozen miles", 12, "mi", None),
    ("two hours and 15 minutes", "two hours and 15 minutes", 2.25, "h", None),
    ("1 hour 45 minutes", "1 hour 45 minutes", 1.75, "h", None),
    ("half an hour", "half an hour", 0.5, "h", None),
    ("1/2 mile", "1/2 mile", 0.5, "mi", None),
])
def test_quantities_and_hedges(text: str, surface: str, value: float, unit: str,
                               hedge: str | None) -> None:
    q = find_quantities(text)[0]
    assert (q.surface, q.unit, q.hedge) == (surface, unit, hedge)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    # fractions written with a glyph
    ("The ferry needs 3½ hours in a calm sea.", "3½ hours", 3.5, "h"),
    ("A 2¼ hours wait at the border is normal.", "2¼ hours", 2.25, "h"),
    ("The station is ½ mile from the pier.", "½ mile", 0.5, "mi"),
    ("It took them 3 1/2 hours.", "3 1/2 hours", 3.5, "h"),
    # "a full day" is one day
    ("Crossing the steppe took a full day.", "a full day", 1, "day"),
    # digits: decimals, thousands with a comma, a thin or a no-break space, glued units
    ("The line is 1.5 km longer now.", "1.5 km", 1.5, "km"),
    ("The 1,318 km line opened in 2011.", "1,318 km", 1318, "km"),
    ("The 1\u2009318 km line opened in 2011.", "1\u2009318 km", 1318, "km"),
    ("The 1\u00a0318 km line opened in 2011.", "1\u00a0318 km", 1318, "km"),
    ("The airline flies 7,055 miles nonstop.", "7,055 miles", 7055, "mi"),
    ("A 10,500km voyage round the cape.", "10,500km", 10500, "km"),
    ("The border post is 30 KM AWAY.", "30 KM", 30, "km"),
    ("It is a 12 hour drive.", "12 hour", 12, "h"),
    ("1.5 million km of road", "1.5 million km", 1_500_000, "km"),
    # numbers in words
    ("The crossing lasted twenty-eight hours.", "twenty-eight hours", 28, "h"),
    ("a hundred and twenty miles of coast road", "a hundred and twenty miles", 120, "mi"),
    ("Pilgrims walk two and a half days.", "two and a half days", 2.5, "day"),
    ("half a dozen miles inland", "half a dozen miles", 6, "mi"),
    ("three quarters of an hour by bus", "three quarters of an hour", 0.75, "h"),
    ("a quarter of a mile further on", "a quarter of a mile", 0.25, "mi"),
    ("an hour and a quarter by boat", "an hour and a quarter", 1.25, "h"),
    ("a mile and a half down the road", "a mile and a half", 1.5, "mi"),
])
def test_numbers(text: str, surface: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.surface, q.unit, q.hedge, q.vague) == (surface, unit, None, False)
    assert q.value == pytest.approx(value)


def test_an_abbreviations_full_stop_is_part_of_it_unless_a_sentence_starts() -> None:
    q = _one("The convoy still had 1,553 mi. to cover before the border.")
    assert (q.surface, q.value, q.unit) == ("1,553 mi.", 1553, "mi")
    q = _one("The convoy had covered 1,553 mi. The drivers rested.")
    assert q.surface == "1,553 mi"


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("The sleeper left after a 14 hr.-30 min. delay.", "14 hr.-30 min.", 14.5, "h"),
    ("The record stands at 14 hr.-30 min. Nobody has beaten it.", "14 hr.-30 min", 14.5, "h"),
    ("The record is 14 hr 30 min for the crossing.", "14 hr 30 min", 14.5, "h"),
    ("The flight is scheduled at 2h 15m.", "2h 15m", 2.25, "h"),
    ("The shuttle takes 1h30m.", "1h30m", 1.5, "h"),
    ("She rode round the world in 41 days 10 hours and 22 minutes.",
     "41 days 10 hours and 22 minutes", 41 + 10 / 24 + 22 / 1440, "day"),
    ("The relay took two hours, three minutes and 9 seconds.",
     "two hours, three minutes and 9 seconds", 2 + 3 / 60 + 9 / 3600, "h"),
    ("a 2-hour 30-minute flight", "2-hour 30-minute", 2.5, "h"),
])
def test_a_compound_duration_is_one_quantity_in_the_unit_of_its_first_part(
        text: str, surface: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.surface, q.unit, q.kind) == (surface, unit, "duration")
    assert q.value == pytest.approx(value, abs=1e-6)
    assert q.si == pytest.approx(value * UNITS[unit][1], abs=0.01)


def test_a_compound_needs_smaller_parts_and_stops_at_a_sentence_end() -> None:
    assert [q.surface for q in find_quantities("2 hours. 15 minutes later it left.")] == [
        "2 hours", "15 minutes"]
    assert [q.surface for q in find_quantities("It took 2 hours, then 3 hours more.")] == [
        "2 hours", "3 hours"]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "hedge", "cue"), [
    ("The bus ride took 4 and a bit hours.", "4 and a bit hours", 4, "h", "more_than",
     "and a bit"),
    ("a 40-odd miles detour", "40-odd miles", 40, "mi", "more_than", "odd"),
    ("a 10-plus hours delay", "10-plus hours", 10, "h", "more_than", "plus"),
    ("The drive is ten hours or so.", "ten hours", 10, "h", "approx", "or so"),
    ("The crossing takes up to about six hours in winter.", "six hours", 6, "h", "at_most",
     "up to about"),
    ("The crossing is ~80km.", "80km", 80, "km", "approx", "~"),
    ("It can be done in as little as 2h30.", "2h30", 2.5, "h", "at_least", "as little as"),
    ("Trucks wait as many as three days.", "three days", 3, "day", "at_most", "as many as"),
    ("The track runs over some 300 km of desert.", "300 km", 300, "km", "approx", "some"),
])
def test_hedges_before_inside_and_after(text: str, surface: str, value: float, unit: str,
                                        hedge: str, cue: str) -> None:
    q = _one(text)
    assert (q.surface, q.unit, q.hedge, q.hedge_cue) == (surface, unit, hedge, cue)
    assert q.value == pytest.approx(value)
    assert q.hedge in HEDGES


def test_a_restatement_in_brackets_takes_the_hedge_of_the_figure_it_restates() -> None:
    km, mi = find_quantities("The islands lie more than 100 km (60 miles) off the coast.")
    assert (km.hedge, mi.hedge, mi.hedge_cue) == ("more_than", "more_than", "more than")
    first, second = find_quantities("Flight 2 covers 7,055 miles/11,354 km in one go.")
    assert (first.surface, second.surface) == ("7,055 miles", "11,354 km")


# --- ranges and a unit written once --------------------------------------------------------

@pytest.mark.parametrize(("text", "low", "high"), [
    ("8 to 10 hours", 8, 10), ("between 600 and 700 km", 600, 700), ("10-12 days", 10, 12),
    ("one or two days", 1, 2), ("eight to ten hours", 8, 10),
    ("The drive takes between one and a half and two hours.", 1.5, 2),
    ("Ferries need one and a half to three hours.", 1.5, 3),
    ("trains run at between 50 and 60 kilometres per hour", 50, 60),
])
def test_ranges(text: str, low: float, high: float) -> None:
    q = _one(text)
    assert (q.low, q.high, q.hedge) == (low, high, "range")
    assert q.value == pytest.approx((low + high) / 2)


def test_between_5_and_6_with_the_unit_after_the_second_is_a_range() -> None:
    q = _one("The trip takes between 5 and 6 hours by road.")
    assert (q.surface, q.low, q.high, q.unit, q.unit_elided) == (
        "5 and 6 hours", 5, 6, "h", False)


def test_a_unit_written_after_the_first_figure_only() -> None:
    first, second = find_quantities(
        "The new line cut the journey from 18 hours to fewer than 12 by 2020.")
    assert (first.surface, first.value, first.unit, first.unit_elided) == (
        "18 hours", 18, "h", False)
    assert (second.surface, second.value, second.unit, second.si) == ("12", 12, "h", 43200)
    assert (second.hedge, second.hedge_cue, second.unit_elided) == (
        "less_than", "fewer than", True)
    first, second = find_quantities("The trip fell from ten hours to less than five.")
    assert (second.surface, second.value, second.unit, second.hedge) == (
        "five", 5, "h", "less_than")
    second = find_quantities("Engineers hope to cut it from 18 hours to ~12.")[1]
    assert (second.surface, second.hedge, second.unit_elided) == ("12", "approx", True)


def test_a_unit_written_after_the_second_figure_only() -> None:
    first, second = find_quantities("The upgrade cut the trip from 18 to 12 hours.")
    assert (first.surface, first.value, first.unit, first.unit_elided) == ("18", 18, "h", True)
    assert (second.surface, second.unit_elided, second.hedge) == ("12 hours", False, None)


def test_a_second_figure_of_something_else_takes_no_unit() -> None:
    assert [q.surface for q in find_quantities("It took 18 hours to 12 stations.")] == [
        "18 hours"]
    assert [q.surface for q in find_quantities("3 days in Lyon and 2 in Turin")] == ["3 days"]


# --- vague quantities ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("The camp is a few miles from the river.", "a few miles", 3, "mi"),
    ("It is a couple of hours by bus.", "a couple of hours", 2, "h"),
    ("The convoy stopped several kilometres short.", "several kilometres", 4, "km"),
    ("The hotel is a few hundred metres away.", "a few hundred metres", 300, "m"),
    ("They waited many hours at the border.", "many hours", 10, "h"),
    ("Dozens of miles of track were washed away.", "Dozens of miles", 36, "mi"),
    ("tens of thousands of miles a year", "tens of thousands of miles", 30_000, "mi"),
])
def test_vague_quantities_have_a_conventional_value(text: str, surface: str, value: float,
                                                    unit: str) -> None:
    q = _one(text)
    assert (q.surface, q.value, q.unit, q.vague) == (surface, value, unit, True)


def test_a_question_is_not_a_vague_quantity() -> None:
    assert find_quantities("How many hours does the ferry take?") == []


# --- speeds --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("The maglev reached 186 miles (299.3 km) per hour on the test track.",
     "186 miles (299.3 km) per hour", 186, "mph"),
    ("a test run at 600kph", "600kph", 600, "km/h"),
    ("The line is built for 310 km/h.", "310 km/h", 310, "km/h"),
    ("The ferry cruises at 27 knots.", "27 knots", 27, "kn"),
    ("The car did 60 miles an hour.", "60 miles an hour", 60, "mph"),
    ("buses limited to 80 km per hour", "80 km per hour", 80, "km/h"),
])
def test_speeds(text: str, surface: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.surface, q.value, q.unit, q.kind) == (surface, value, unit, "speed")


# --- what is not a figure of travel --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "some 10,000 North Korean laborers", "from April 26 to 27", "for eight years",
    "an area of 500 km²", "50 square kilometres", "a 5 m tall statue", "at 4 pm", "$300",
    "a 30% rise", "The farm covers 40 km2.", "a 50 sq km reserve",
    # codes, clock times, prices, decades, frequencies
    "The G20 leaders met.", "An A380 landed.", "He drives an F-250 pickup.",
    "Flight QF9 left Perth.", "The train left at 21:45 local time.",
    "The train left (21:45) on time.", "The ship sails at 1800 hours.",
    "The ship sails at 0600 hours.", "The bus leaves at 21h45.", "a $10m bridge",
    "in the 1990s", "in the '80s", "Buses run twice a day.", "A second train followed.",
    # heights, depths, widths and altitudes
    "a 38,000ft altitude", "The jet was flying at 38,000 feet.",
    "an altitude of about 10,000 m", "a shelter 700 metres underground",
    "The dam is 1.6 km wide.",
    # validity periods (dropped: how long a permit lasts is not how long a trip takes)
    "Travellers get a 72-hour visa-free transit.", "a 30-day visa",
    "The pass is valid for 3 days.",
])
def test_non_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_figures_next_to_non_travel_words_are_still_read() -> None:
    assert _one("a 300 km high-speed line").surface == "300 km"
    assert _one("The sprint lasted 11 seconds.").surface == "11 seconds"


# --- properties ----------------------------------------------------------------------------

def test_si_values() -> None:
    assert find_quantities("435-mile")[0].si == pytest.approx(700064.64)
    assert find_quantities("an hour and a half")[0].si == 5400


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_and_offsets(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface
        assert q.si >= 0


_PIECES = ["a", "an", "and", "to", "or", "-", "(", ")", "/", ".", ",", " ", "  ", "\u2009",
           "1", "12", "1,318", "2.5", "½", "3/4", "0600", "21:45", "one", "twenty", "eight",
           "hundred", "dozen", "half", "quarter", "few", "couple", "of", "several", "many",
           "km", "KM", "mi", "mi.", "miles", "m", "h", "hr.", "hours", "min", "s", "day",
           "per", "hour", "knots", "km/h", "about", "more than", "fewer than", "up to",
           "between", "from", "bit", "odd", "plus", "or so", "visa-free", "tall", "²", "at"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_arrangement_of_figure_words(pieces: list[str]) -> None:
    text = " ".join(pieces)
    found = find_quantities(text)
    for q in found:
        assert text[q.start:q.end] == q.surface
        assert q.si >= 0 and q.kind == UNITS[q.unit][0]
        assert q.hedge in (*HEDGES, "range", None)
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_a_unit_of_two_words_hyphenated_as_an_adjective() -> None:
    (q,) = find_quantities("the 628-nautical-mile Sydney to Hobart race")
    assert (q.value, q.unit, q.adjective) == (628.0, "nmi", True)
