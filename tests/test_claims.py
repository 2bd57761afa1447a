"""Claim checking on the seed story and on small real cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routes.geo.places import Place
from routes.verdicts import CheckedClaim, check_claims

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "kim-putin-2019-article.txt"
EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "kim-vladivostok.txt"


def _verdicts(text: str) -> dict[str, tuple[str, str]]:
    return {c.claim.quantity.surface: (c.verdict, c.claim.mode)
            for c in check_claims(text).claims}


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the project")
def test_seed_article_claims() -> None:
    report = check_claims(SEED.read_text(encoding="utf-8"))
    by_surface = {c.claim.quantity.surface: c for c in report.claims}
    assert set(by_surface) == {"700-kilometer", "435-mile", "an hour and a half", "10 hours"}
    km = by_surface["700-kilometer"]
    assert km.verdict == "consistent"
    assert km.estimate is not None
    # the straight line between the cities (684 km) and between the airports (713 km)
    assert km.estimate.low < 684 and km.estimate.high > 713
    assert "straight line" in km.basis
    mi = by_surface["435-mile"]
    assert mi.verdict == "consistent"
    assert mi.claim.alt_of == 0
    assert "the same figure" in mi.explanation
    air = by_surface["an hour and a half"]
    assert (air.verdict, air.claim.mode) == ("consistent", "air")
    assert "scheduled block time" in air.basis
    rail = by_surface["10 hours"]
    assert (rail.verdict, rail.claim.mode) == ("understated", "rail")
    assert rail.estimate is not None
    assert rail.estimate.low >= 26
    assert "Rail via" in rail.basis
    names = {p.name for c in report.claims for p in (c.claim.origin, c.claim.destination) if p}
    assert names == {"Pyongyang", "Vladivostok"}


def test_bundled_example_uses_the_story_trip() -> None:
    got = _verdicts(EXAMPLE.read_text(encoding="utf-8"))
    assert got["700 kilometres"] == ("consistent", "straight")
    assert got["an hour and a half"] == ("consistent", "air")
    assert got["10 hours"] == ("understated", "rail")


@pytest.mark.parametrize(("text", "surface", "verdict"), [
    ("Vladivostok lies about 300 km south of Ussuriysk.", "300 km", "overstated"),
    ("Vladivostok lies about 80 km south of Ussuriysk.", "80 km", "consistent"),
    ("Vladivostok lies just 20 km south of Ussuriysk.", "20 km", "understated"),
    ("The train from Khasan to Vladivostok takes about six hours.", "six hours", "consistent"),
    ("The train from Khasan to Vladivostok takes two days.", "two days", "overstated"),
    ("A flight from Pyongyang to Vladivostok takes more than five hours.", "five hours",
     "overstated"),
    # "more than" is open-ended; "just over" keeps the real figure close to the one written.
    ("The train from Khasan to Vladivostok takes more than two hours.", "two hours",
     "consistent"),
    ("The train from Khasan to Vladivostok takes just over two hours.", "two hours",
     "understated"),
])
def test_verdicts(text: str, surface: str, verdict: str) -> None:
    assert _verdicts(text)[surface][0] == verdict


def test_unverifiable_claims_say_why() -> None:
    report = check_claims("The ferry from Zarubino to Sokcho takes 15 hours.")
    claim = report.claims[0]
    assert claim.verdict == "unverifiable"
    assert "no listed ferry" in claim.explanation
    report = check_claims("The journey takes ten hours.")
    assert all(c.verdict == "unverifiable" for c in report.claims)


def test_non_claims_are_left_out() -> None:
    text = ("About 10,000 North Korean laborers work in Russia. The summit, the first in "
            "eight years, runs from April 26 to 27. A 30 km exclusion zone surrounds the farm "
            "near Vladivostok. Symptoms appear 12 to 72 hours after infection.")
    assert check_claims(text).claims == ()


def _ends(text: str) -> dict[str, tuple[str | None, str | None, str]]:
    """Each claim's origin name, destination name and relation, by its surface."""
    def name(place: Place | None) -> str | None:
        return place.name if place is not None else None

    return {c.claim.quantity.surface: (name(c.claim.origin), name(c.claim.destination),
                                       c.claim.relation) for c in check_claims(text).claims}


def test_a_decimal_point_does_not_end_the_sentence() -> None:
    got = _ends("Dayton, Ohio, lies about 24.5 miles west of Springfield.")
    assert got["24.5 miles"][:2] == ("Springfield", "Dayton")


def test_a_distance_that_names_neither_end_is_not_a_claim() -> None:
    """A figure measured from an unnamed spot, with no trip, is a zone, not a route."""
    text = "Inspectors in Bremen checked farms as far as 12 km from the site of the first case."
    assert check_claims(text).claims == ()
    text = "Relief lorries need two days to cover the 300 km to the camps from Gulu."
    assert "300 km" in _ends(text)


def test_separates_a_from_b_is_a_symmetric_pair() -> None:
    text = "At its narrowest the Bay of Kotor separates Montenegro from Croatia by 20 km."
    assert _ends(text)["20 km"] == ("Montenegro", "Croatia", "between")


def test_the_a_to_b_train_is_a_trip_from_a_to_b() -> None:
    got = _ends("The Madrid to Barcelona train takes two and a half hours.")
    assert got["two and a half hours"] == ("Madrid", "Barcelona", "from_to")


def test_a_stop_before_to_is_not_an_origin() -> None:
    """"via A to B": A is passed, so "A to B" is not the trip (the trip is from X to B)."""
    got = _ends("The flight from Vienna via Frankfurt to Toronto takes ten hours.")
    assert got["ten hours"][:2] == ("Vienna", "Toronto")


def test_the_subject_of_a_distance_is_not_another_figures_anchor() -> None:
    """"A is X km from B and Y km from C": both figures are measured from A."""
    got = _ends("Lyon is 390 km from Paris and 270 km from Turin.")
    assert got["390 km"][:2] == ("Paris", "Lyon")
    assert got["270 km"][:2] == ("Turin", "Lyon")


def test_a_later_figure_of_the_sentence_keeps_its_pair_and_direction() -> None:
    """A duration after "X km west of Y" in the same sentence is the trip from Y to X."""
    got = _ends("Nagoya is about 260 km west of Tokyo, and express trains make the trip "
                "in under two hours.")
    assert got["260 km"][:2] == ("Tokyo", "Nagoya")
    assert got["two hours"][:2] == ("Tokyo", "Nagoya")


def test_a_sentence_without_places_continues_the_nearest_trip_before_it() -> None:
    """Not the story's first trip but the latest one named before the figure."""
    text = ("Delegates flew from Vienna to Zagreb on Monday. On Tuesday they took the train "
            "from Zagreb to Ljubljana. The journey took about two and a half hours.")
    assert _ends(text)["two and a half hours"][:2] == ("Zagreb", "Ljubljana")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc Pyongyang Vladivostok km hours 10 700 ,.")),
               max_size=200))
def test_any_text_never_crashes(text: str) -> None:
    for c in check_claims(text).claims:
        q = c.claim.quantity
        assert text[q.start:q.end] == q.surface
        assert c.verdict in {"consistent", "understated", "overstated", "unverifiable"}


DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "claims-dev.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="../shared is not beside the project")
def test_mutated_claims_are_flagged() -> None:
    """Claims found consistent whose places and mode are sure, restated at half and at twice
    their value, are flagged."""
    import json
    import re

    flagged = total = 0
    for line in DEV.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        for c in check_claims(text).claims:
            q = c.claim.quantity
            numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", q.surface)
            number = re.search(r"\d[\d,]*(?:\.\d+)?", q.surface)
            units = re.findall(r"hour|minute|second|day", q.surface)
            if c.verdict != "consistent" or c.claim.alt_of is not None or number is None \
                    or len(numbers) > 1 or len(units) > 1 or c.places_confidence != "sure":
                continue  # a compound ("2 hours 15 minutes") is not halved by its first part
            # "less than 50 minutes" stays true at twice; "more than 4 hours" at half.
            factors = {"less_than": (0.5,), "at_most": (0.5,), "more_than": (2.0,),
                       "at_least": (2.0,)}.get(q.hedge or "", (0.5, 2.0))
            for factor in factors:
                value = float(number.group().replace(",", "")) * factor
                mutated = (text[:q.start] + q.surface[:number.start()] + f"{value:g}"
                           + q.surface[number.end():] + text[q.end:])
                again = [x for x in check_claims(mutated).claims
                         if abs(x.claim.quantity.start - q.start) < 3]
                total += 1
                flagged += bool(again) and again[0].verdict in ("understated", "overstated")
    assert total >= 8
    assert flagged / total >= 0.95


def test_a_long_text_is_checked_piece_by_piece_with_offsets_into_the_whole(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from routes.cli import main
    from routes.verdicts import iter_checked

    story = (Path(__file__).resolve().parents[1] / "data" / "examples"
             / "kim-vladivostok.txt").read_text(encoding="utf-8")
    text = "\n\n".join([story] * (250_000 // len(story) + 1))
    pieces = list(iter_checked(text))
    assert len(pieces) >= 3
    claims = [c for piece, _ in pieces for c in piece]
    assert len(claims) >= 3 * (len(text) // len(story) - len(pieces))
    for c in claims:
        q = c.claim.quantity
        assert text[q.start:q.end] == q.surface
        s, e = c.claim.sentence
        assert s <= q.start < q.end <= e
        if c.claim.alt_of is not None:
            assert claims[c.claim.alt_of].claim.quantity.start < q.start
    places = [m for _, found in pieces for m in found]
    assert all(text[m.start:m.end] == m.text for m in places)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["start"] for c in data["claims"]] == [c.claim.quantity.start for c in claims]
    assert [p["start"] for p in data["places"]] == [m.start for m in places]


# --------------------------------------------------------------------------------------
# Modes from real cues (issue 12, item 2)
# --------------------------------------------------------------------------------------


def _claim(text: str, surface: str) -> CheckedClaim:
    found = [c for c in check_claims(text).claims if c.claim.quantity.surface == surface]
    assert found, f"{surface!r} not found in {text!r}"
    return found[0]


@pytest.mark.parametrize(("text", "surface", "mode", "high_speed"), [
    ("The Eurostar from London to Paris takes 2 hours 16 minutes.", "2 hours 16 minutes",
     "rail", True),
    ("On the Shinkansen, Tokyo to Osaka is about 2 hours 30 minutes.", "2 hours 30 minutes",
     "rail", True),
    ("The KTX from Seoul to Busan takes about two and a half hours.", "two and a half hours",
     "rail", True),
    ("The Sapsan runs from Moscow to Saint Petersburg in about four hours.", "four hours",
     "rail", True),
    ("The G1 from Beijing to Shanghai takes 4 hours 28 minutes.", "4 hours 28 minutes",
     "rail", True),
    ("A bullet train from Beijing to Shanghai takes about 4.5 hours.", "4.5 hours", "rail",
     True),
    ("The coach from London to Manchester takes about four and a half hours.",
     "four and a half hours", "road", False),
    ("The trip from Lyon to Marseille took 4 and a bit hours on the road.",
     "4 and a bit hours", "road", False),
    ("The ferry crossing from Dover to Calais takes about 90 minutes.", "90 minutes", "sea",
     False),
    ("The nonstop flight from Nairobi to New York is scheduled at 14 hr.-30 min.",
     "14 hr.-30 min", "air", False),
    ("The Southwest Chief takes about 43 hours from Chicago to Los Angeles.", "43 hours",
     "rail", False),
    ("The Rajdhani covers Mumbai to Delhi in about 16 hours.", "16 hours", "rail", False),
    ("The Trans-Mongolian from Beijing to Ulaanbaatar takes about 30 hours.", "30 hours",
     "rail", False),
])
def test_named_services_and_vehicles_give_the_mode(text: str, surface: str, mode: str,
                                                   high_speed: bool) -> None:
    c = _claim(text, surface)
    assert (c.claim.mode, c.claim.high_speed) == (mode, high_speed)
    assert c.verdict == "consistent"


def test_a_cue_belongs_to_the_figure_nearest_it() -> None:
    text = ("Kyoto is about 370 km west of Tokyo as the crow flies, and the Nozomi makes the "
            "trip in two hours and 15 minutes.")
    assert _claim(text, "370 km").claim.mode == "straight"
    assert _claim(text, "two hours and 15 minutes").claim.mode == "rail"


def test_a_trip_word_a_figure_qualifies_is_a_sure_cue_for_the_figures_beside_it() -> None:
    # "drive" alone may be a hard drive; "a five-hour drive" is a drive, and the length
    # told after it is the drive's, not the flight's
    text = ("Bergen to Oslo is a 55-minute flight or a seven-hour drive over the mountains, "
            "some 460 km.")
    drive = _claim(text, "seven-hour")
    assert (drive.claim.mode, drive.claim.mode_confidence) == ("road", "sure")
    length = _claim(text, "460 km")
    assert length.claim.mode == "road"
    assert length.verdict == "consistent"


def test_a_cue_right_after_a_figure_outranks_a_named_service_before_it() -> None:
    text = ("Brussels is a two-hour ride from London on the Eurostar, compared with about "
            "seven hours by coach.")
    assert _claim(text, "two-hour").claim.mode == "rail"
    assert _claim(text, "seven hours").claim.mode == "road"


def test_the_distance_of_a_trip_told_in_its_sentence_takes_the_trips_mode() -> None:
    text = ("Our night bus from Madrid to Granada took six hours, though the distance is "
            "only 420 km.")
    c = _claim(text, "420 km")
    assert (c.claim.mode, c.claim.mode_confidence) == ("road", "likely")
    assert c.verdict == "consistent"


def test_the_time_a_flight_lasts_is_its_time() -> None:
    text = ("The nonstop flight from Perth to London covers 14,500 km and lasts about "
            "17 hours.")
    c = _claim(text, "17 hours")
    assert c.claim.mode == "air" and c.verdict == "consistent"


def test_a_place_after_to_ends_the_trip_even_after_across() -> None:
    text = ("Mendoza lies west of Buenos Aires. The bus across the mountains to Santiago "
            "takes about seven hours.")
    c = _claim(text, "seven hours")
    assert c.claim.destination is not None and c.claim.destination.name == "Santiago"


def test_a_much_bigger_namesake_in_the_same_country_is_told_by_where_it_is() -> None:
    c = _claim("The fire started near Paradise, some 140 miles north of Sacramento, and "
               "spread toward Chico.", "140 miles")
    assert c.verdict == "unverifiable"
    assert "much bigger Paradise (US, " in c.claim.places_note  # not "Paradise (US)" twice


def test_a_namesake_that_lies_the_way_the_text_says_makes_the_place_unsure() -> None:
    # read alone, Paradise is the big one in Nevada, east of Sacramento; a Paradise lies north
    c = _claim("The fire started near Paradise, some 140 miles north of Sacramento.",
               "140 miles")
    assert c.verdict == "unverifiable"
    assert "does not lie N of Sacramento" in c.explanation


def test_a_namesake_nearer_the_figure_on_its_other_side_makes_the_flag_unsure() -> None:
    # too short for Paradise, Nevada, too long for Paradise, California: no flag either way
    c = _claim("The fire reached Paradise, 140 miles from Sacramento.", "140 miles")
    assert c.verdict == "unverifiable"
    assert "too long instead" in c.explanation


def test_a_return_trip_may_be_one_way_or_both() -> None:
    # "return" far before the figure still qualifies it; 20 hours is the sleeper both ways,
    # ten hours one way: neither is flagged
    text = ("The return trip from Cairo to Luxor by the overnight sleeper train takes about "
            "{} hours.")
    for hours in ("ten", "20"):
        assert _claim(text.format(hours), f"{hours} hours").verdict == "consistent"
    # a round trip is both ways only
    c = _claim("The round trip from Cairo to Luxor by train takes about ten hours.",
               "ten hours")
    assert c.verdict == "understated"


def test_another_stretch_runs_on_from_where_the_figure_before_ended() -> None:
    text = ("The Thalys from Paris reaches Brussels in 1 hour 22 minutes; Amsterdam is "
            "another two hours further north.")
    c = _claim(text, "two hours")
    assert c.claim.origin is not None and c.claim.destination is not None
    assert (c.claim.origin.name, c.claim.destination.name) == ("Brussels", "Amsterdam")


@pytest.mark.parametrize(("text", "surface", "origin", "destination"), [
    ("The pilgrims walked 200 km from Sarria to Santiago de Compostela over ten days. "
     "Finisterre is about 90 km further west.", "90 km", "Santiago de Compostela",
     "Finisterre"),
    ("Fighting was reported in Bakhmut, about 90 km north of Donetsk. Kramatorsk lies "
     "roughly 40 km further north-west.", "40 km", "Bakhmut", "Kramatorsk"),
])
def test_a_figure_further_on_is_measured_from_where_the_figure_before_ended(
        text: str, surface: str, origin: str, destination: str) -> None:
    c = _claim(text, surface)
    assert c.claim.origin is not None and c.claim.destination is not None
    assert (c.claim.origin.name, c.claim.destination.name) == (origin, destination)
    assert c.claim.direction is not None  # the compass point is still checked


def test_a_relative_clause_joins_the_place_it_hangs_on_to_the_place_it_names() -> None:
    text = ("Hikers reach Everest Base Camp in about eight days from Lukla, which is a "
            "35-minute flight from Kathmandu.")
    c = _claim(text, "35-minute")
    assert c.claim.origin is not None and c.claim.destination is not None
    assert (c.claim.origin.name, c.claim.destination.name) == ("Kathmandu", "Lukla Airport")
    assert "Tribhuvan" in c.explanation


def test_time_on_the_road_right_after_a_figure_is_a_drive() -> None:
    c = _claim("Take the night train to Lao Cai, followed by an hour on the road to Sa Pa.",
               "an hour")
    assert (c.claim.mode, c.verdict) == ("road", "consistent")


def test_a_place_near_which_a_bare_direction_points_is_its_end() -> None:
    text = ("Residents of San Diego felt the quake, which struck about 160 km to the east "
            "near Mexicali.")
    c = _claim(text, "160 km")
    assert c.claim.destination is not None and c.claim.destination.name == "Mexicali"


def test_a_cue_before_the_place_a_figure_locates_is_not_the_figures_mode() -> None:
    c = _claim("The plane went down near Pokhara, 150 km west of Kathmandu.", "150 km")
    assert c.claim.mode == "unspecified"
    # right beside the figure, it is
    c = _claim("Pokhara is 200 km by road west of Kathmandu.", "200 km")
    assert c.claim.mode == "road"


def test_a_denied_cue_is_not_the_mode() -> None:
    text = "Instead of a flight, the delegation drove the 300 km from Lyon to Geneva."
    assert _claim(text, "300 km").claim.mode == "road"


def test_the_topic_of_the_passage_gives_a_mode_with_less_confidence() -> None:
    text = ("The new sleeper service starts in May. The journey from Vienna to Venice will "
            "take about eleven hours.")
    c = _claim(text, "eleven hours")
    assert (c.claim.mode, c.claim.mode_confidence) == ("rail", "likely")


def test_hours_away_reads_as_a_drive() -> None:
    c = _claim("Salzburg is about two hours east of Munich.", "two hours")
    assert (c.claim.mode, c.claim.mode_confidence) == ("road", "likely")


# --------------------------------------------------------------------------------------
# Claims the extractor used to miss, and the non-claims (item 3)
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "surface", "direction"), [
    ("Reims lies 130 km east-northeast of Paris.", "130 km", "ENE"),
    ("Sintra is 25 km NW of Lisbon.", "25 km", "NW"),
    ("The camp is seven kilometres south-west of Gulu town.", "seven kilometres", "SW"),
    ("Tivoli lies some 30 km to the east of Rome.", "30 km", "E"),
])
def test_compass_direction_claims_are_found_with_their_bearing(text: str, surface: str,
                                                               direction: str) -> None:
    c = _claim(text, surface)
    assert c.claim.relation == "direction_of"
    assert c.claim.direction == direction


def test_a_wrong_bearing_is_reported() -> None:
    c = _claim("Kyoto is about 370 km east of Tokyo.", "370 km")
    assert c.verdict == "consistent"
    assert "the direction is wrong" in c.explanation and "W of Tokyo" in c.explanation
    c = _claim("Kyoto is about 370 km west of Tokyo.", "370 km")
    assert "the direction fits" in c.explanation


def test_the_capital_resolves_through_the_passage() -> None:
    c = _claim("The fire reached Varnavas, about 30 km north of the Greek capital.", "30 km")
    assert c.claim.origin is not None and c.claim.origin.name == "Athens"
    c = _claim("Afgoye lies 30 km from the Somali capital.", "30 km")
    assert c.claim.origin is not None and c.claim.origin.name == "Mogadishu"
    c = _claim("Polangui is about 340 km southeast of the capital, Manila.", "340 km")
    assert c.claim.origin is not None and c.claim.origin.name == "Manila"


def test_a_border_is_measured_at_its_nearest_point() -> None:
    c = _claim("Dadaab lies about 80 km from the Somali border.", "80 km")
    assert c.claim.origin is not None and c.claim.origin.kind == "border"
    assert c.verdict == "consistent"


def test_a_place_named_only_by_reference_stays_unverifiable() -> None:
    c = check_claims("The boat capsized some 12 km from the shore.").claims
    assert all(x.verdict == "unverifiable" for x in c)


@pytest.mark.parametrize(("text", "surface"), [
    ("After 28 hours of travel from Toronto we finally reached Vancouver.", "28 hours"),
    ("They sailed from Dover to Calais in 3½ hours.", "3½ hours"),
    ("The trip from Lyon to Marseille took 4 and a bit hours on the road.",
     "4 and a bit hours"),
    ("The train from Nairobi reaches Mombasa in about 6 hours, a full day less than by "
     "lorry.", "6 hours"),
])
def test_durations_in_many_forms_are_found(text: str, surface: str) -> None:
    assert _claim(text, surface).claim.quantity.kind == "duration"


def test_an_elided_unit_takes_the_unit_of_its_pair() -> None:
    text = "The new line cut the rail trip from Lyon to Paris from 4 hours to fewer than 2."
    got = {c.claim.quantity.surface: c for c in check_claims(text).claims}
    assert "2" in got and got["2"].claim.quantity.unit == "h"


def test_a_vague_quantity_is_found_and_unverifiable() -> None:
    c = _claim("The ferry from Dover to Calais is a few miles longer than the tunnel "
               "route; the drive from Dover to Folkestone is a few miles.", "a few miles")
    assert c.verdict == "unverifiable" and "vague" in c.explanation


@pytest.mark.parametrize("text", [
    "The jet reached 186 miles (299.3 km) per hour over Denver.",
    "Passengers face a two-hour layover in Doha before the flight to Sydney.",
    "China offers a 72-hour visa-free transit in Beijing.",
    "Book two to three weeks in advance for trains from Rome to Florence.",
    "She swam 26 miles in the pool at Leeds.",
    "The subsidy applies to routes of more than 500 km from Paris.",
    "The 126-kilometre expressway will cut travel time to Galle.",
    "A 600-kilometre stretch of the border between Chad and Sudan is closed.",
    "The delegation held a two-hour meeting in Geneva before flying to Rome.",
    "A veteran of 15,000 hours in the air, she flew the first service from Seoul to Tokyo.",
    # the length of a crossing, told beside the places it links
    "The Hong Kong-Zhuhai-Macau bridge, 55 km long, opened in 2018.",
    # a time spent at a speed, not a trip's time
    "Near Mount Fuji the maglev managed nearly 11 seconds over 600 km/h.",
])
def test_figures_that_are_not_trips_stay_out(text: str) -> None:
    assert check_claims(text).claims == ()


@pytest.mark.parametrize("text", [
    "The night train from Vienna to Venice arrived two hours late.",
    "The ferry from Split reached Hvar three hours too early for the festival.",
])
def test_a_time_late_or_early_is_not_a_trip(text: str) -> None:
    assert check_claims(text).claims == ()


@pytest.mark.parametrize(("text", "surface"), [
    # a phrase past a comma after a trip's time told between two places is another's
    ("The express bus from Kuala Lumpur to Singapore takes five to six hours, depending "
     "on the queue at the border.", "five to six hours"),
    # a frequency belongs to the count before it
    ("The sleeper from Montreal to Halifax runs three times a week and takes 22 hours.",
     "22 hours"),
])
def test_a_wait_or_frequency_word_of_another_phrase_leaves_the_trip(text: str,
                                                                    surface: str) -> None:
    assert _claim(text, surface).verdict == "consistent"


@pytest.mark.parametrize(("text", "surface"), [
    # "long" and "early" elsewhere in the sentence are another phrase's
    ("From Hanoi, Ha Long Bay is a two-and-a-half-hour drive on the new expressway.",
     "two-and-a-half-hour"),
    ("The convoy left Kherson at dawn and reached Mykolaiv, roughly 60 km to the "
     "north-west, by early afternoon.", "60 km"),
    ("Ulaanbaatar lies north-west of Beijing. The weekly train between the two cities "
     "takes around 27 hours, including a long stop at the border to change bogies.",
     "27 hours"),
])
def test_late_early_and_long_count_only_right_after_the_figure(text: str,
                                                              surface: str) -> None:
    assert _claim(text, surface).verdict != "overstated"


# --------------------------------------------------------------------------------------
# A flag must be earned (item 1)
# --------------------------------------------------------------------------------------


def test_a_distance_with_no_mode_fits_the_railway_not_only_the_straight_line() -> None:
    c = _claim("It is 1,180 km between Pyongyang and Vladivostok.", "1,180 km")
    assert c.verdict == "consistent"
    assert c.fits == "rail"
    assert "rail route" in c.explanation


def test_a_duration_with_no_mode_is_compared_with_every_mode() -> None:
    c = _claim("Getting from Paris to Lyon takes about two hours.", "two hours")
    assert c.verdict == "consistent"
    assert c.fits in {"rail", "road"}


def test_places_read_from_the_context_are_never_flagged() -> None:
    text = ("Pyongyang and Vladivostok are both port cities. The journey by rail takes "
            "about 10 hours.")
    c = _claim(text, "10 hours")
    assert c.claim.places_confidence != "sure"
    assert c.verdict == "unverifiable" and "places uncertain" in c.explanation


def test_a_trip_told_as_it_happened_is_not_flagged_as_too_slow() -> None:
    c = _claim("It took us 24 hours to drive from Lyon to Paris.", "24 hours")
    assert c.verdict == "unverifiable" and "as it happened" in c.explanation


def test_each_checked_claim_carries_its_confidence() -> None:
    c = _claim("The Eurostar from London to Paris takes 2 hours 16 minutes.",
               "2 hours 16 minutes")
    assert (c.places_confidence, c.mode_confidence) == ("sure", "sure")


# --------------------------------------------------------------------------------------
# Cases from the first-use trial (issue 14, item 10)
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "A second daily flight from Singapore to Jakarta starts in May.",
    "The train stops for a minute at Omsk before going on to Novosibirsk.",
])
def test_an_ordinal_or_a_stop_is_no_trip_figure(text: str) -> None:
    assert check_claims(text).claims == ()


def test_a_quake_near_a_city_does_not_borrow_the_next_sentences_trip() -> None:
    text = ("An earthquake struck 120 km south-west of Tokyo. The train from Tokyo to Osaka "
            "takes 2 hours 30 minutes.")
    quake = _claim(text, "120 km")
    assert quake.claim.destination is None
    assert quake.verdict == "unverifiable"
    assert _claim(text, "2 hours 30 minutes").verdict == "consistent"


def test_a_short_hop_is_timed_by_the_block_time_model_without_a_false_alarm() -> None:
    c = _claim("The flight from Kathmandu to Pokhara takes 25 minutes.", "25 minutes")
    assert c.verdict == "consistent"


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_long_text_streams_its_results_and_keeps_them_when_interrupted(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        fmt: str) -> None:
    """Each piece's claims are written when the piece is done: Ctrl-C keeps them."""
    import routes.verdicts as verdicts
    from routes.cli import main

    story = EXAMPLE.read_text(encoding="utf-8")
    text = "\n\n".join([story] * (250_000 // len(story) + 1))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    real = verdicts.iter_checked

    def interrupted(whole: str) -> object:
        pieces = real(whole)
        yield next(pieces)
        raise KeyboardInterrupt

    monkeypatch.setattr(verdicts, "iter_checked", interrupted)
    assert main(["check", str(path), "--format", fmt]) == 130
    out = capsys.readouterr().out
    assert "10 hours" in out
    assert ("UNDERSTATED" in out) if fmt == "table" else ('"verdict": "understated"' in out)


def test_a_coast_is_read_at_its_nearest_point_and_never_flagged() -> None:
    c = _claim("Lampedusa lies 60 km off the coast of Tunisia.", "60 km")
    assert c.claim.origin is not None and c.claim.origin.name == "the coast of Tunisia"
    assert c.verdict == "unverifiable" and "places uncertain" in c.explanation


def test_a_namesake_abroad_is_no_doubt_when_the_sentence_names_the_country() -> None:
    from routes.text.claims import find_claims

    text = ("Soldiers searched villages near Kegalle, about 72 kilometers north-east of "
            "Colombo, the capital.")
    (claim,) = find_claims(text)
    assert claim.origin is not None and claim.origin.country == "LK"
    assert "Colombo (BR)" not in claim.places_note
    # With no other place of Sri Lanka in its sentence, Colombo, Brazil stays a reading.
    (alone,) = find_claims("Investors flew to Colombo, 8,000 km away.")
    assert alone.places_confidence != "sure"


def test_the_two_cities_are_the_pair_named_before() -> None:
    from routes.text.claims import find_claims

    text = ("Flights from Seattle to Bengaluru began on Monday. Officials say the two cities "
            "are 12,500 km apart.")
    (claim,) = find_claims(text)
    assert claim.origin is not None and claim.destination is not None
    assert {claim.origin.name, claim.destination.name} == {"Seattle", "Bengaluru"}
    assert claim.places_confidence == "sure"
    # Without the words "the two cities" the earlier trip is only a likely reading.
    (loose,) = find_claims("Flights from Seattle to Bengaluru began on Monday. Officials "
                           "say the trip covers 12,500 km.")
    assert loose.places_confidence != "sure"


def test_a_later_figure_to_another_place_keeps_the_origin_of_the_pair_before() -> None:
    from routes.text.claims import find_claims

    first, second = find_claims("Buses take two hours to reach Nakuru from Nairobi, or five "
                                "hours to Kisumu.")
    assert first.origin is not None and first.destination is not None
    assert (first.origin.name, first.destination.name) == ("Nairobi", "Nakuru")
    assert second.origin is not None and second.destination is not None
    assert (second.origin.name, second.destination.name) == ("Nairobi", "Kisumu")
    assert second.places_confidence == "likely"  # read across a clause, never "sure"


def test_a_figure_just_outside_the_range_says_it_fits_only_by_its_margin() -> None:
    # The fastest trains take 2 h 15: a plain 2 h 05 is short, but within its margin.
    (checked,) = check_claims("The Eurostar takes 2 hours 5 minutes from London to "
                              "Paris.").claims
    assert checked.verdict == "consistent"
    assert checked.estimate is not None and checked.unit == "h"
    assert checked.claim.quantity.value < checked.estimate.low  # outside the range itself
    assert "allowing the ±10 % margin of a plain figure" in checked.explanation


def test_an_unnamed_subject_is_not_taken_from_another_story() -> None:
    from routes.text.claims import find_claims

    text = ("The Vande Bharat Express links New Delhi and Varanasi in eight hours.\n\n"
            "The Eurostar takes 2 hours 16 minutes from London to Paris.\n\n"
            "Officials said the village lies 40 km north of Kathmandu.")
    claim = next(c for c in find_claims(text) if c.quantity.surface == "40 km")
    assert claim.origin is None or claim.origin.name == "Kathmandu"
    assert claim.destination is None or claim.destination.name == "Kathmandu"


def test_two_places_that_are_n_km_apart_are_a_sure_pair() -> None:
    (ok,) = check_claims("Paris and Lyon are roughly 390 km apart.").claims
    assert ok.verdict == "consistent" and ok.claim.places_confidence == "sure"
    (wrong,) = check_claims("Paris and Lyon are 900 km apart.").claims
    assert wrong.verdict == "overstated" and wrong.claim.places_confidence == "sure"


def test_a_flight_is_the_nonstop_one_unless_the_sentence_speaks_of_a_stop() -> None:
    (nonstop,) = check_claims("The British flight from New York to London lasts around 12 "
                              "hours.").claims
    assert nonstop.verdict == "overstated"  # nonstop flights take about seven hours
    (connecting,) = check_claims("With a stop in Reykjavik, the British flight from New York "
                                 "to London takes 12 hours.").claims
    assert connecting.verdict == "consistent"


def test_a_metro_or_commuter_service_is_never_flagged_against_intercity_track() -> None:
    checked = check_claims("The Gautrain runs from Johannesburg to Pretoria, 54 km, in about "
                           "40 minutes.").claims
    assert [c.verdict for c in checked] == ["unverifiable", "unverifiable"]
    assert all("metro, tram or commuter line" in c.explanation for c in checked)


def test_a_country_paired_with_a_town_is_its_town_of_that_name() -> None:
    from routes.text.claims import find_claims

    (claim,) = find_claims("The railway from Addis Ababa to Djibouti takes about 12 hours.")
    assert claim.destination is not None
    assert (claim.destination.name, claim.destination.kind) == ("Djibouti", "city")


def test_the_time_before_a_change_is_not_flagged_as_too_slow() -> None:
    text = ("The Addis Ababa–Djibouti railway has cut travel between the two capitals to about "
            "12 hours, from three days by road.")
    now, before = check_claims(text).claims
    assert (now.claim.mode, now.verdict) == ("rail", "consistent")  # not "12 hours from …"
    assert before.claim.former and before.verdict == "unverifiable"
    assert "time before the change" in before.explanation
    # without the change, ten days by road is far too slow
    (plain,) = check_claims("The drive from Addis Ababa to Djibouti takes ten days by "
                            "road.").claims
    assert plain.verdict == "overstated"


def test_ends_named_by_words_are_not_the_passages_trip() -> None:
    from routes.text.claims import find_claims

    text = ("The train from Jakarta to Bandung takes 40 minutes. It is then a 10-minute walk "
            "from the station to the museum.")
    walk = next(c for c in find_claims(text) if c.quantity.surface == "10-minute")
    assert walk.origin is None and walk.destination is None
    assert walk.places_note == "its ends are named by words, not places"


def test_a_walk_is_never_timed_as_a_drive() -> None:
    checked = {c.claim.quantity.surface: c for c in check_claims(
        "Pilgrims walking the trail from Lisbon to Porto cover 320 km in about two weeks."
    ).claims}
    assert checked["320 km"].claim.mode == "walk"
    assert checked["320 km"].verdict == "consistent"
    assert "way by road" in checked["320 km"].explanation
    assert checked["two weeks"].verdict == "unverifiable"
    assert "walking times are not modelled" in checked["two weeks"].explanation


def test_a_trip_slower_than_every_model_is_not_flagged_when_its_mode_is_only_implied() -> None:
    # A voyage may call at every port on the way: slower than any crossing is no error.
    (checked,) = check_claims("A leisurely voyage from Hamburg to Lisbon takes about "
                              "eight days.").claims
    assert checked.claim.mode_confidence != "sure"
    assert checked.verdict == "unverifiable"
    assert "a slower way always exists" in checked.explanation


def test_a_rail_trip_as_slow_as_a_countrys_slower_trains_is_not_flagged() -> None:
    # Canada's speed class is the Quebec City-Windsor corridor's; the Canadian crosses the
    # country at under 50 km/h, and four days is its real time.
    text = "VIA Rail's Canadian takes four days to travel from Toronto to Vancouver."
    c = _claim(text, "four days")
    assert c.verdict == "consistent"
    assert "slower regular trains" in c.explanation
    # far slower than those is still too slow
    assert _claim(text.replace("four days", "twelve days"), "twelve days").verdict == "overstated"
    # and a figure for a high-speed train is held to the high-speed line
    c = _claim("Beijing to Shanghai by high-speed train takes about 12 hours.", "12 hours")
    assert c.verdict == "overstated"


def test_a_conversion_rounded_to_a_round_number_is_the_same_claim() -> None:
    # 35 km is 21.7 miles; "20 miles" is the same figure rounded, not a second, shorter one.
    first, second = check_claims("The fire reached Varnavas, about 35 km (20 miles) north "
                                 "of Athens.").claims
    assert second.verdict == first.verdict == "consistent"
    assert "the same figure, rounded" in second.explanation
    # A conversion that is plainly another figure is still told apart.
    first, second = check_claims("Thebes lies some 50 km (60 miles) north-west of "
                                 "Athens.").claims
    assert "NOT the same figure" in second.explanation
    assert second.verdict != first.verdict


def test_a_figure_fits_the_way_it_matches_before_one_it_meets_only_by_its_margin() -> None:
    # Chennai–Bengaluru: 292 km straight, about 350 km by road. "350 km" is the road.
    (checked,) = check_claims("Chennai and Bengaluru are 350 km apart.").claims
    assert checked.verdict == "consistent"
    assert checked.fits == "road"
    assert "allowing the" not in checked.explanation


def test_a_much_bigger_namesake_abroad_keeps_a_claim_from_being_flagged() -> None:
    # In a story that names Scotland, "Perth" reads as Perth, Scotland; Perth, Australia is
    # fifty times as big, and the 17 hours fit it. Not a flag, whichever the reader meant.
    (checked,) = check_claims("Scotland welcomed the news. The 17-hour nonstop flight from "
                              "Perth to London has been a success.").claims
    assert checked.claim.mode_confidence == "sure"
    assert checked.claim.places_confidence != "sure"
    assert checked.verdict not in ("understated", "overstated")
    assert "Perth (AU)" in checked.explanation
    # Beside London alone, the world city is the reading.
    (plain,) = check_claims("The 17-hour nonstop flight from Perth to London has been "
                            "a success.").claims
    assert plain.claim.origin is not None and plain.claim.origin.country == "AU"
    assert (plain.verdict, plain.fits) == ("consistent", "air")


def test_a_road_trip_of_weeks_is_not_flagged_as_too_slow() -> None:
    # Weeks on the road include nights and stops; the estimate is hours at the wheel.
    (checked,) = check_claims("A road trip from Miami to Seattle along the back roads "
                              "takes about three weeks.").claims
    assert checked.claim.mode == "road"
    assert checked.verdict == "unverifiable"
    assert "stops for the nights" in checked.explanation


def test_a_distance_from_a_coast_says_the_part_of_the_country_is_not_pinned_down() -> None:
    (checked,) = check_claims("Mafia Island lies about 20 km off the coast of Tanzania.").claims
    assert checked.verdict == "unverifiable"
    assert "a part of Tanzania the text does not pin down" in checked.explanation
    assert "not a place the finder knows" not in checked.explanation


def test_a_distance_from_an_unplaced_reference_point_is_a_claim_left_unverifiable() -> None:
    # The epicentre is a place the text does not locate: a claim, but not checkable.
    (checked,) = check_claims("The town of Bunia lies about 60 km from the epicentre, "
                              "officials said.").claims
    assert checked.verdict == "unverifiable"
    assert "measured from the epicentre, which the text does not place" in checked.explanation
    # A distance from anything else unnamed is no claim about places.
    assert not check_claims("The shop in Bunia is about 60 m from his home.").claims


def test_a_figure_that_fits_a_close_namesake_is_read_with_it_and_never_flagged() -> None:
    # Beside Sacramento, "Paradise" is read as Paradise, Nevada (a bigger town, 626 km
    # away); Paradise, California is 140 km north. The figure is not the error: the claim
    # is read with the namesake it fits, and says so.
    (checked,) = check_claims("Smoke rose over Paradise, about 140 km from "
                              "Sacramento.").claims
    assert checked.verdict == "consistent" and checked.places_confidence == "likely"
    assert checked.claim.destination is not None
    assert checked.claim.destination.lat == pytest.approx(39.76, abs=0.05)  # California
    assert "is read as Paradise (US, 39.76, -121.62), where the figure fits" in \
        checked.explanation
    # "The nonstop from Perth to London" fits Perth, Australia, not Perth, Scotland, that
    # the other end's country suggested.
    (perth,) = check_claims("Passengers on the Qantas nonstop from Perth to London spend "
                            "about 17 and a half hours in the air.").claims
    assert perth.claim.origin is not None and perth.claim.origin.country == "AU"
    assert (perth.verdict, perth.fits) == ("consistent", "air")
    # With no namesake that fits, a figure that far off is still flagged.
    (wrong,) = check_claims("Redding lies about 400 km north of Sacramento.").claims
    assert wrong.verdict == "overstated"


def test_a_time_away_takes_the_passages_mode_but_a_position_does_not() -> None:
    # In a story of a train ride, the next town "under two hours away" is by that train.
    (away,) = check_claims("Our train left Madrid at nine. It calls at Córdoba, which is "
                           "under two hours away from Madrid.").claims
    assert (away.claim.mode, away.claim.mode_confidence) == ("rail", "likely")
    # "Three hours north of Cairo" places a town: a drive, whatever the story's train.
    (north,) = check_claims("After a week in Alexandria, three hours north of Cairo, we "
                            "took the sleeper train to Luxor.").claims
    assert north.claim.mode == "road"


def test_a_distance_from_a_place_is_the_straight_line_and_says_when_it_is_the_road() -> None:
    # Kyoto–Osaka: 43 km straight, about 50–60 km by road. "About 60 km from Osaka" places
    # Kyoto, and is too long for that; the explanation says it is the road's figure.
    (checked,) = check_claims("Kyoto is about 60 km from Osaka.").claims
    assert checked.claim.relation == "distance_from"
    assert checked.verdict == "overstated"
    assert "it matches the road distance instead" in checked.explanation


def test_a_high_speed_claim_is_not_checked_against_old_track() -> None:
    # The Sapsan line is known only by its two end stations: a trip to Tver finds the old
    # track, which says nothing of the Sapsan's time.
    (checked,) = check_claims("The Sapsan from Moscow to Tver takes about an hour and a "
                              "half.").claims
    assert checked.claim.high_speed
    assert checked.verdict == "unverifiable"
    assert "conventional track only" in checked.explanation
    # On a high-speed line it knows, a wrong time is still flagged.
    (wrong,) = check_claims("The high-speed train from Madrid to Barcelona takes one "
                            "hour.").claims
    assert wrong.verdict == "understated"


def test_a_country_named_like_its_capital_is_the_city_at_the_end_of_a_trip() -> None:
    # "Djibouti" measured from Addis Ababa by rail is the port city, not the country, as
    # in an explicit pair ("from Addis Ababa to Djibouti").
    rail, = check_claims("Addis Ababa is about 750 km from Djibouti by rail.").claims
    assert rail.claim.origin is not None
    assert (rail.claim.origin.name, rail.claim.origin.kind) == ("Djibouti", "city")
    assert rail.verdict == "consistent"
    # ... in any wording of the trip
    reach, = check_claims("Trains from Addis Ababa reach Djibouti in about 12 hours.").claims
    assert reach.claim.destination is not None
    assert (reach.claim.destination.name, reach.claim.destination.kind) == ("Djibouti",
                                                                              "city")
    # A flight to any country lands at its capital.
    flight, = check_claims("Flights from Dubai to Panama take 17 hours.").claims
    assert flight.claim.destination is not None
    assert flight.claim.destination.name == "Panama City"


def test_a_hedge_after_the_figure_is_quoted_where_the_text_has_it() -> None:
    checked, = check_claims("From Istanbul, buses to Ankara take six hours or more.").claims
    assert "“six hours or more”" in checked.explanation
    checked, = check_claims("From Istanbul, buses to Ankara take about six hours.").claims
    assert "“about six hours”" in checked.explanation


def test_a_verdict_every_namesake_reading_shares_is_flagged() -> None:
    # "Los Angeles" could be the Chilean town as well, but five hours from Sydney is too
    # fast for either: the doubt about the place does not touch the verdict.
    flight, = check_claims("A flight from Sydney to Los Angeles takes about 5 hours.").claims
    assert flight.places_confidence == "likely"
    assert flight.verdict == "understated"
    assert "the same with Los Ángeles (CL)" in flight.explanation
    # Where both ends may be namesakes, no end settles the other: the doubt stays open.
    drive, = check_claims("The drive from Dover to Salisbury takes about nine hours.").claims
    assert drive.verdict == "unverifiable" and "places uncertain" in drive.explanation


def test_a_distance_from_the_epicentre_is_measured_from_where_the_story_placed_it() -> None:
    text = ("The quake's epicentre was in the hills near Amatrice, in central Italy. Some 60 "
            "miles to the south, residents of Rome felt the tremors.")
    checked, = check_claims(text).claims
    assert checked.claim.origin is not None and checked.claim.destination is not None
    assert (checked.claim.origin.name, checked.claim.destination.name) == ("Amatrice", "Rome")
    assert checked.places_confidence == "likely"  # an epicentre is not the town's centre
    assert "measured from the epicentre, placed at Amatrice" in checked.claim.places_note
    # Where the story does not place it, the figure stays unplaced.
    unplaced, = check_claims("Tremors were felt in Rome, about 60 miles from the "
                             "epicentre.").claims
    assert unplaced.claim.origin is None


def test_a_town_felt_far_away_is_measured_from_the_epicentre_placed_later() -> None:
    text = ("The tremor woke people in Lucknow, about 300 miles away. Seismologists said "
            "its epicenter was at Jajarkot, in western Nepal.")
    checked, = check_claims(text).claims
    assert checked.claim.origin is not None and checked.claim.destination is not None
    assert (checked.claim.origin.name, checked.claim.destination.name) == ("Jajarkot",
                                                                           "Lucknow")
    assert "measured from the epicentre, placed at Jajarkot later" in \
        checked.claim.places_note
    # In a story that places no epicentre, the bare "away" names no place it is from.
    alone, = check_claims("The tremor woke people in Lucknow, about 300 miles away. "
                          "Nepal reported damage.").claims
    assert alone.claim.origin is None


def test_a_place_taken_from_the_context_is_sure_when_the_compass_point_bears_it_out() -> None:
    # Porto–Lisbon: 273 km, Lisbon to the south. The only place named before is Porto, and
    # Lisbon lies the way the text says: the figure is earned a flag.
    south, = check_claims("Tremors shook Porto on Monday. They were also felt in Lisbon, "
                          "some 100 km to the south.").claims
    assert south.places_confidence == "sure"
    assert south.verdict == "understated"
    assert "the stated direction bears it out" in south.claim.places_note
    # The wrong compass point is no such confirmation: the reading stays open.
    north, = check_claims("Tremors shook Porto on Monday. They were also felt in Lisbon, "
                          "some 100 km to the north.").claims
    assert north.verdict == "unverifiable" and "places uncertain" in north.explanation


def test_a_subject_taken_from_an_earlier_sentence_is_confirmed_only_if_nothing_else_is_named(
        ) -> None:
    # Etna lies 27 km north-north-west of Catania. "The eruption" is Etna, named before.
    eruption, = check_claims("Mount Etna erupted overnight. The eruption, some 90 km north "
                             "of Catania, closed the airport.").claims
    assert eruption.verdict == "overstated"
    # A name the finder does not know may be the subject instead: no flag, whether it
    # follows an ordinary word or opens the sentence.
    village, = check_claims("Mount Etna erupted overnight. The village of Zafferana, some "
                            "90 km north of Catania, was evacuated.").claims
    assert village.verdict == "unverifiable"
    province, = check_claims("Floods hit Mosul on Monday. Nineveh province, where thousands "
                             "fled, lies some 150 km north of Baghdad.").claims
    assert province.verdict == "unverifiable"


def test_a_place_taken_from_the_context_among_others_is_not_confirmed_by_a_bearing() -> None:
    # Madrid and Porto were both named before; Lisbon lies south-west of Madrid as well as
    # south of Porto, so the compass point cannot tell which one the figure is from.
    among, = check_claims("Tremors shook Madrid on Monday and Porto on Tuesday. They were "
                          "also felt in Lisbon, some 100 km to the south.").claims
    assert among.verdict == "unverifiable"
    # In the figure's own sentence, the one place named before it is the one meant.
    same, = check_claims("Tremors shook Madrid on Monday. On Tuesday they hit Porto and "
                         "Lisbon, some 100 km to the south.").claims
    assert same.claim.origin is not None and same.claim.origin.name == "Porto"
    assert same.verdict == "understated"
    # "Further" goes on from a point the text does not name: no confirmation either.
    further, = check_claims("Tremors shook a village near Porto. Lisbon, some 100 km "
                            "further south, felt them too.").claims
    assert further.verdict != "understated"


@pytest.mark.parametrize(("text", "surface"), [
    ("The storm hit Derna, some 250 km east of Benghazi, causing two dams to burst.",
     "250 km"),
    ("The quake struck at a depth of 10 km, about 45 km southwest of Herat.", "45 km"),
])
def test_a_locator_after_a_comma_is_a_claim_whatever_the_phrase_before(
        text: str, surface: str) -> None:
    # The weather or the depth belongs to the phrase before the comma, not to the figure
    # that places a town.
    (checked,) = check_claims(text).claims
    assert checked.claim.quantity.surface == surface
    assert checked.claim.relation == "direction_of"


@pytest.mark.parametrize(("text", "surface", "ends"), [
    ("Gorkha is five hours' drive from Kathmandu.", "five hours", ("Kathmandu", "Gorkha")),
    ("The border town of Moreh is a day's drive from Imphal.", "a day", ("Imphal", "Moreh")),
    ("Timbuktu lies two days' journey by boat from Mopti.", "two days",
     ("Mopti", "Timbuktu")),
    ("We took a 12-hour overnight bus from Hanoi to Hue.", "12-hour", ("Hanoi", "Huế")),
])
def test_a_trip_told_with_its_noun_keeps_its_places(text: str, surface: str,
                                                    ends: tuple[str, str]) -> None:
    (checked,) = check_claims(text).claims
    c = checked.claim
    assert c.quantity.surface == surface
    assert c.origin is not None and c.destination is not None
    assert (c.origin.name, c.destination.name) == ends


def test_the_subject_of_a_figure_is_the_place_before_a_phrase_set_off_by_commas() -> None:
    # "Khasan, on the Russian side of the Tumen River, is …": Khasan, not the river.
    (checked,) = check_claims("Khasan, on the Russian side of the Tumen River, is about "
                              "130 km from Vladivostok.").claims
    assert checked.claim.destination is not None
    assert checked.claim.destination.name == "Khasan station"
    # The name may carry its feature word before the comma ("Kariba Dam"): not the river
    # named inside the phrase (Zambezi is also a town 1,000 km away).
    (dam,) = check_claims("Kariba Dam, on the Zambezi between Zimbabwe and Zambia, is about "
                          "365 km northwest of Harare by road.").claims
    assert dam.claim.destination is not None and dam.claim.destination.name == "Kariba"
    assert dam.verdict == "consistent"


def test_a_clause_with_a_subject_of_its_own_keeps_its_mode_cues() -> None:
    # "…, and demand for tickets has soared since attacks on the highway": the highway is
    # that clause's, not the train's two hours.
    text = ("The Abuja–Kaduna train, Nigeria's first modern standard-gauge service, covers "
            "186 km in about two hours, and demand for tickets has soared since attacks on "
            "the highway.")
    for checked in check_claims(text).claims:
        assert checked.claim.mode == "rail", checked.claim.quantity.surface
        assert checked.verdict != "understated"
        # the route finder names the mode once
        assert "rail: rail:" not in checked.explanation


def test_a_border_crossing_the_data_lacks_is_not_the_borders_nearest_point() -> None:
    # Torkham, the crossing, is far farther from Kabul than the border's nearest point.
    (checked,) = check_claims("Kabul is about 230 km from the Pakistani border at "
                              "Torkham.").claims
    assert checked.verdict == "unverifiable" and checked.places_confidence == "likely"
    assert "names a crossing" in checked.explanation
    # With no crossing named, the nearest point is the border, and a figure under it is
    # too short.
    (short,) = check_claims("Kabul is only 20 km from the Pakistani border.").claims
    assert short.verdict == "understated"


def test_a_depth_after_a_locator_is_the_depth_figure_s_not_the_distance_s() -> None:
    # "depth" belongs to the 18.5 km after it, which is no trip and so no claim
    text = ("The epicentre was in Al Haouz province, about 70 km south-west of Marrakesh, "
            "at a depth of 18.5 km.")
    (c,) = check_claims(text).claims
    assert c.claim.quantity.surface == "70 km"
    assert c.claim.origin is not None and c.claim.origin.name == "Marrakesh"


def test_a_journey_a_change_cuts_keeps_its_length_and_the_new_time_its_mode() -> None:
    text = ("The new Addis Ababa–Djibouti railway has cut the 750 km journey from three days "
            "by road to about 12 hours.")
    found = _verdicts(text)
    assert found["750 km"] == ("consistent", "rail")
    # "by road" is the three days' (the time before the change), not the 12 hours'
    assert found["12 hours"] == ("consistent", "rail")
    assert found["three days"] == ("unverifiable", "road")


@pytest.mark.parametrize(("text", "surface", "mode"), [
    ("According to an official statement, the 1,380-km-long Delhi-Mumbai Expressway will be "
     "the longest expressway in India.", "1,380-km", "road"),
    # "shanghai" is also a verb: the pair is still two cities
    ("The 1,318 km Beijing-Shanghai high-speed railway opened in 2011.", "1,318 km", "rail"),
])
def test_a_way_named_by_its_two_ends_is_measured_between_them(text: str, surface: str,
                                                                mode: str) -> None:
    c = _claim(text, surface)
    assert (c.verdict, c.claim.mode) == ("consistent", mode)
    assert c.claim.origin is not None and c.claim.destination is not None


@pytest.mark.parametrize("text", [
    "The 55-km-long Hong Kong-Zhuhai-Macau Bridge opened in 2018.",
    "A 400 m-long train from Paris to Lyon was delayed.",
    "The 900 km Turkey-Syria border is closed.",
])
def test_the_size_of_a_bridge_train_or_border_named_by_places_is_no_trip(text: str) -> None:
    assert check_claims(text).claims == ()


def test_a_town_s_own_country_s_border_is_the_one_with_the_neighbour_the_passage_names(
        ) -> None:
    text = ("Refugees from Sudan keep arriving. UNHCR will set up a camp at Abéché, 70 km "
            "inside the Chadian border.")
    c = _claim(text, "70 km")
    assert c.claim.origin is not None and c.claim.origin.name == "Sudan–Chad border"
    assert c.claim.places_confidence == "likely"
    alone = _claim("UNHCR will set up a camp at Abéché, 70 km inside the Chadian border.",
                   "70 km")
    assert alone.verdict == "unverifiable"
    assert "does not say which of the country's borders" in alone.explanation


def test_a_figure_from_a_place_keeps_it_though_a_pair_follows_in_another_clause() -> None:
    text = ("Vientiane is now three hours from the Chinese border town of Boten by train; "
            "the Laos-China railway runs 422 km.")
    c = _claim(text, "three hours")
    assert c.claim.destination is not None and c.claim.destination.name == "Vientiane"
    assert c.claim.origin is not None and "border" in c.claim.origin.name


def test_a_leg_after_a_trip_told_between_two_places_is_not_that_trip() -> None:
    text = ("Hobart is a 50-minute flight from Melbourne, or an overnight ferry crossing of "
            "Bass Strait from Geelong to Devonport followed by a four-hour drive.")
    drive = _claim(text, "four-hour")
    # the drive starts at Devonport; it is not Geelong to Devonport (over the strait)
    assert drive.verdict == "unverifiable"
    assert "further leg from Devonport" in drive.explanation
    flight = _claim(text, "50-minute")
    assert flight.claim.origin is not None and flight.claim.destination is not None
    assert (flight.claim.origin.name, flight.claim.destination.name) == ("Melbourne", "Hobart")


@pytest.mark.parametrize(("text", "surface", "origin", "destination"), [
    ("Doha is only a 40-minute flight from Dubai.", "40-minute", "Dubai", "Doha"),
    ("Pokhara is a six-hour drive from Kathmandu.", "six-hour", "Kathmandu", "Pokhara"),
])
def test_a_place_a_trip_s_time_from_another_is_its_end(text: str, surface: str, origin: str,
                                                         destination: str) -> None:
    c = _claim(text, surface)
    assert c.claim.origin is not None and c.claim.destination is not None
    assert (c.claim.origin.name, c.claim.destination.name) == (origin, destination)
    assert c.claim.places_confidence == "sure"


def test_a_short_flight_s_time_may_be_its_time_in_the_air() -> None:
    # DXB-DOH is about 1 h 05 gate to gate; 40 minutes is its time aloft, not a wrong figure
    c = _claim("Doha is only a 40-minute flight from Dubai.", "40-minute")
    assert c.verdict == "consistent"
    assert "in the air" in c.explanation and "taxiing" in c.explanation
    # ... but taxiing cannot explain three hours
    assert _claim("The flight from Dubai to Doha takes three hours.",
                  "three hours").verdict == "overstated"


def test_a_relative_clause_takes_the_mode_of_the_service_it_hangs_on() -> None:
    text = ("Tokyo and Osaka are linked by the Shinkansen, which covers the 515 km in about "
            "two and a half hours.")
    c = _claim(text, "two and a half hours")
    assert (c.claim.mode, c.claim.mode_confidence) == ("rail", "sure")
    assert c.verdict == "consistent"


def test_a_locator_between_commas_keeps_its_figure_from_the_sentence_s_verb() -> None:
    # "had been cut" is the road's fate, not a change of the 365 km
    text = ("Villagers in Chitral said the road to Peshawar, 365 km away, had been cut by "
            "landslides.")
    c = _claim(text, "365 km")
    assert c.claim.origin is not None and c.claim.destination is not None
    assert {c.claim.origin.name, c.claim.destination.name} == {"Chitral", "Peshawar"}


def test_a_tunnel_that_runs_50_km_is_not_run_on_foot() -> None:
    text = ("The Channel Tunnel runs 50 km under the sea between Folkestone and Coquelles; "
            "Le Shuttle takes 35 minutes.")
    assert _claim(text, "50 km").claim.mode != "walk"
    assert _claim(text, "35 minutes").claim.mode == "rail"
    road = "The ancient road from Rome to Brindisi ran 560 km along the Appian Way."
    assert _claim(road, "560 km").claim.mode != "walk"
    # ... but a runner runs
    assert _claim("She ran 10 km from Hyde Park to Kensington.", "10 km").claim.mode == "walk"


def test_a_town_s_altitude_is_no_distance() -> None:
    found = _verdicts("Addis Ababa lies at 2,355 m and is about 1,160 km from Nairobi by road.")
    assert "2,355 m" not in found
    assert found["1,160 km"][1] == "road"


def test_a_further_leg_runs_between_the_places_it_names() -> None:
    text = ("Tourists fly from Lima to Cusco in about an hour and a quarter, then take the "
            "train from Poroy to Ollantaytambo, which takes two hours.")
    c = _claim(text, "two hours")
    assert c.claim.origin is not None and c.claim.destination is not None
    assert (c.claim.origin.name, c.claim.destination.name) == ("Poroy", "Ollantaytambo")


def test_a_slow_bus_on_two_lane_roads_is_not_flagged_but_a_slow_motorway_drive_is() -> None:
    slow = _claim("A 19-hour bus ride separates La Paz from Rurrenabaque.", "19-hour")
    assert slow.verdict == "unverifiable"
    assert "Bolivia has few motorways" in slow.explanation
    assert _claim("The drive from Paris to Lyon takes 20 hours.",
                  "20 hours").verdict == "overstated"


def test_a_road_trip_of_days_stops_for_the_nights_but_not_for_a_week_on_a_short_drive() -> None:
    text = "The journey from Delhi to Leh by road takes two days via Manali."
    c = _claim(text, "two days")
    assert c.verdict == "unverifiable"
    assert "stops for the nights" in c.explanation
    assert _claim("The drive from Paris to Lyon takes three days.",
                  "three days").verdict == "overstated"


def test_an_altitude_above_a_figure_is_no_distance() -> None:
    found = _verdicts("The road from Manali to Leh crosses passes above 5,000 m and takes "
                      "two days.")
    assert "5,000 m" not in found


def test_a_depth_before_a_locator_is_the_depth_figure_s() -> None:
    text = ("The 7.8-magnitude quake struck at a depth of 17.9 km, about 33 km from Gaziantep, "
            "a city of two million people near the Syrian border.")
    c = _claim(text, "33 km")
    assert c.claim.destination is not None or c.claim.origin is not None


def test_a_border_named_by_a_name_of_its_own_is_measured_from() -> None:
    text = ("Militants stormed a police complex in the town of Uri, some 10 kilometers east "
            "of the LoC.")
    c = _claim(text, "10 kilometers")
    assert c.claim.origin is not None and c.claim.origin.name == "India–Pakistan border"
    assert c.verdict == "consistent"
    # the nearest point of a generalised outline says nothing of the way
    assert "direction" not in c.explanation


def test_a_figure_that_separates_a_place_from_a_country_s_shores() -> None:
    text = ("Though fewer than 10 nautical miles separate Lesbos from Turkish shores, hundreds "
            "have drowned.")
    c = _claim(text, "10 nautical miles")
    assert c.claim.destination is not None
    assert c.claim.destination.name == "the coast of Turkey"


def test_a_range_crossed_on_the_way_is_no_end_of_the_trip() -> None:
    # Mendoza–Santiago is a drive of 4–7 hours over the Andes: "over the Andes to Santiago"
    # passes the range, the trip starts in Mendoza.
    bus, = check_claims("From Mendoza the bus climbs over the Andes to Santiago in about "
                        "seven hours, border formalities included.").claims
    assert bus.claim.origin is not None and bus.claim.origin.name == "Mendoza"
    assert bus.verdict == "consistent"
    # With no town named before it, the range is an end, read at its centre (in Colombia):
    # a time to an area is never flagged.
    crossing, = check_claims("The bus crosses the Andes to Santiago in about seven "
                             "hours.").claims
    assert crossing.verdict == "unverifiable"
    assert "Andes is measured at its centre" in crossing.explanation


def test_a_time_on_an_old_way_is_not_flagged_as_too_slow() -> None:
    # The standard-gauge Madaraka Express takes about five hours; the old metre-gauge train
    # took twelve or more. The data has only the new line: the old time is no wrong figure.
    text = ("The Nairobi–Mombasa Madaraka Express covers the 472 km in about five hours, "
            "compared with twelve hours on the old metre-gauge train.")
    *_, old = check_claims(text).claims
    assert old.claim.quantity.surface == "twelve hours"
    assert old.claim.former and old.verdict == "unverifiable"
    assert "on an older way" in old.explanation
    # Told of the train with no such word, the same time is too slow.
    plain, = check_claims("The Nairobi–Mombasa train takes twelve hours.").claims
    assert plain.verdict == "overstated"


def test_a_hedged_time_after_from_is_the_time_before_a_change_not_a_place() -> None:
    # "to under two hours, from about five hours": the second figure is the old time, so
    # the first is still the trip from Jakarta to Bandung.
    new, old = check_claims("The new expressway cuts the drive from Jakarta to Bandung to "
                            "under two hours, from about five hours on the old road.").claims
    assert new.claim.origin is not None and new.claim.origin.name == "Jakarta"
    assert new.verdict == "consistent"
    assert old.claim.former


def test_a_compass_point_and_a_distance_together_choose_the_namesake_that_lies_there() -> None:
    # Paradise, Nevada is bigger, but lies 626 km south-east of Sacramento; Paradise,
    # California lies 131 km north. "Some 90 miles north" (145 km) fits only the latter,
    # within its hedge, and the verdict says which Paradise it read.
    (checked,) = check_claims("The fire broke out in Paradise, some 90 miles north of "
                              "Sacramento.").claims
    assert checked.claim.destination is not None
    assert checked.claim.destination.lat == pytest.approx(39.76, abs=0.05)
    assert checked.verdict == "consistent" and checked.places_confidence == "likely"
    assert "“Paradise” is read as the Paradise at 39.76, -121.62 (US)" in checked.explanation
    # A figure that fits no Paradise that way leaves the reading and the doubt as they were.
    (far,) = check_claims("The fire broke out in Paradise, some 300 miles north of "
                          "Sacramento.").claims
    assert far.verdict == "unverifiable" and "does not lie N of Sacramento" in far.explanation


def test_a_town_set_off_before_away_is_measured_from_the_sentences_first_town() -> None:
    # "… reached San Francisco, 170 miles away": San Francisco is the end named with the
    # figure, the fire's Paradise the other, not Sacramento, which only places Paradise.
    _, smoke = check_claims("The fire broke out in Paradise, some 90 miles north of "
                            "Sacramento, and by evening smoke reached San Francisco, 170 miles "
                            "away.").claims
    assert smoke.claim.destination is not None and smoke.claim.origin is not None
    assert (smoke.claim.origin.name, smoke.claim.destination.name) == ("Paradise",
                                                                       "San Francisco")
    assert smoke.places_confidence == "likely"


def test_a_capitalised_word_of_a_name_does_not_make_a_figure_a_size() -> None:
    # "high" makes "5,000 m high" a size; "the High Atlas" is a range's name.
    (drive,) = check_claims("From Marrakech it is a three-hour drive over the High Atlas to "
                            "Ouarzazate.").claims
    assert drive.claim.mode == "road" and drive.verdict == "consistent"


def test_a_further_place_with_its_own_time_is_that_times_destination() -> None:
    # The Eurostar reaches Paris in 2h16 and Brussels in under two hours: the second time
    # is London–Brussels, not London–Paris again.
    paris, brussels = check_claims("The Eurostar links London and Paris in 2 hours 16 "
                                   "minutes, and Brussels in just under two hours.").claims
    assert paris.claim.destination is not None and brussels.claim.destination is not None
    assert paris.claim.destination.name == "Paris"
    assert brussels.claim.destination.name == "Brussels"
    assert brussels.claim.origin is not None and brussels.claim.origin.name == "London"
    # With no figure before it in its sentence, "and St Petersburg in about four hours" is
    # the pair's own time, not a further place of an earlier trip.
    *_, sapsan = check_claims("The AVE between Madrid and Seville takes two and a half "
                              "hours. The Sapsan links Moscow and St Petersburg in about four "
                              "hours.").claims
    assert sapsan.claim.origin is not None and sapsan.claim.origin.name == "Moscow"


def test_a_link_inside_a_dashed_chain_is_not_the_trip() -> None:
    # "the Hong Kong–Zhuhai–Macau Bridge" names a way by its ends; the trip the sentence
    # tells of is between Hong Kong and Macau, not Zhuhai–Macau.
    old, _new = check_claims("The Hong Kong–Zhuhai–Macau Bridge cut the drive between Hong "
                             "Kong and Macau from four hours to about 45 minutes.").claims
    assert old.claim.origin is not None and old.claim.destination is not None
    assert {old.claim.origin.name, old.claim.destination.name} == {"Hong Kong", "Macao"}


def test_the_border_with_a_country_is_that_countrys_border_nearest_the_town() -> None:
    # Lagos lies about 75 km from the Benin border at Seme.
    near, far = (check_claims(f"Lagos is roughly {km} km from the border with Benin.").claims[0]
                 for km in (60, 400))
    assert near.claim.origin is not None and near.claim.origin.kind == "border"
    assert near.verdict == "consistent"
    assert far.verdict == "overstated"
    # A crossing named with it is not the nearest point: the reading is only likely.
    (torkham,) = check_claims("Kabul is about 230 km from the border with Pakistan at "
                              "Torkham.").claims
    assert torkham.verdict == "unverifiable" and "names a crossing" in torkham.explanation


def test_a_time_later_after_words_of_arriving_is_the_trips_time() -> None:
    # "we were in Ninh Binh two and a half hours later": the bus ride from Hanoi, which
    # takes two to three hours, not an interval between two events.
    ride, = check_claims("We caught the 6am bus from Hanoi and we were in Ninh Binh two and "
                         "a half hours later.").claims
    assert ride.claim.origin is not None and ride.claim.origin.name == "Hanoi"
    assert ride.claim.mode == "road" and ride.verdict == "consistent"


def test_a_denied_way_still_gives_its_own_figure_a_mode() -> None:
    # "without taking ferries": no ferry; "or driving 100 km around the bay": the 100 km
    # are the drive the bridge spares, so they are road kilometres.
    (detour,) = check_claims("The bridge lets people cross from Maputo to Catembe without "
                             "taking ferries or driving 100 km around the bay.").claims
    assert detour.claim.mode == "road"


def test_a_figure_for_a_way_not_yet_built_is_never_flagged() -> None:
    # The drive Karachi–Lahore takes far more than 11 hours today; the text speaks of a
    # highway to come, which today's network cannot check.
    (future,) = check_claims("A new highway will cut travel time between Karachi and Lahore "
                             "to 11 hours.").claims
    assert future.claim.planned == "will cut"
    assert future.verdict == "unverifiable" and "not yet built or opened" in future.explanation
    # "would take" is today's way told as a conditional, and is still checked.
    (today,) = check_claims("A direct rail trip from Pyongyang to Vladivostok would take "
                            "about 10 hours.").claims
    assert not today.claim.planned and today.verdict == "understated"


@pytest.mark.parametrize(("text", "mode"), [
    ("Rescuers walked for three days from Lukla to reach the village.", "walk"),
    ("Refugees walked 50 km from Aleppo to the Turkish border at Bab al-Salam.", "walk"),
])
def test_a_verb_of_travel_governing_a_figure_gives_it_its_mode(text: str, mode: str) -> None:
    # "walked" alone is a weak cue (one walks to a decision); right before the figure it
    # governs, it is the mode of that figure even where only a position is told.
    (checked,) = check_claims(text).claims
    assert checked.claim.mode == mode


def test_a_verb_that_things_do_too_governs_no_figure() -> None:
    # Buses and trains "run": modes.toml marks "run" as not governing, so the bus stays the
    # mode of the 12 hours (Lima–Cusco by road: 10 to 17 hours).
    (bus,) = check_claims("The overnight bus runs for 12 hours from Lima to Cusco.").claims
    assert bus.claim.mode == "road" and bus.verdict == "consistent"


def test_within_a_distance_of_a_place_is_a_bound_on_where_something_got_to() -> None:
    # Bucha lies 25 km from Kyiv: "within 30 km" holds, "within 5 km" does not.
    near, = check_claims("Bucha, within 30 km of Kyiv, was occupied in March.").claims
    assert near.claim.quantity.hedge == "at_most" and near.verdict == "consistent"
    wrong, = check_claims("Bucha, within 5 km of Kyiv, was occupied in March.").claims
    assert wrong.verdict == "understated"
    advance, = check_claims("Russian troops advanced to within 20 km of Kyiv.").claims
    assert advance.claim.origin is not None and advance.claim.origin.name == "Kyiv"
    # An exclusion zone or a bound around a point is no claim about where places are.
    assert not check_claims("Residents of Lumajang were told not to approach within 8 km "
                            "(5 miles) of the summit.").claims


@pytest.mark.parametrize("text", [
    "Tokyo is nine hours ahead of London, so the flight lands the next afternoon.",
    "The ash cloud rose over Etna, and flights from Catania were suspended for two days.",
    "The Rafah crossing to Egypt was open for four hours on Tuesday.",
])
def test_a_time_difference_or_a_closure_is_no_trip(text: str) -> None:
    assert not check_claims(text).claims


def test_a_cancellation_before_a_trip_leaves_the_trip_a_claim() -> None:
    # Only "suspended for two days" is a closure's time; the bus ride after "cancelled" is
    # a trip (Lima–Arequipa, about 1,010 km by road, takes 13 hours or more).
    (bus,) = check_claims("Flights were cancelled, so we took the 6-hour bus from Lima to "
                          "Arequipa.").claims
    assert bus.claim.mode == "road" and bus.verdict == "understated"


def test_a_runners_time_is_the_athletes() -> None:
    # "The runner" makes the two hours a run, not a flight the places' namesakes allow.
    _, run = check_claims("The runner covered the 42 km from Marathon to Athens in just over "
                          "two hours.").claims
    assert run.claim.activity == "run" and run.verdict == "unverifiable"
    assert "depends on the athlete" in run.explanation


def test_another_hour_after_a_trip_is_a_further_leg_from_where_it_ended() -> None:
    # The night train Hanoi–Lao Cai takes about eight hours; Sapa is an hour's drive on.
    train, bus = check_claims("The overnight train from Hanoi to Lao Cai takes about eight "
                              "hours, and Sapa is another hour by minibus.").claims
    assert train.claim.mode == "rail" and train.verdict == "consistent"
    assert bus.claim.origin is not None and bus.claim.destination is not None
    assert (bus.claim.origin.name, bus.claim.destination.name) == ("Lào Cai", "Sa Pa")
    assert bus.claim.mode == "road" and bus.verdict == "consistent"
    # A further leg to a place the finder does not know is never the leg before again.
    _, unknown = check_claims("The overnight train from Hanoi to Lao Cai takes about eight "
                              "hours, and Xyzabad is another hour by minibus.").claims
    assert unknown.verdict == "unverifiable" and "a further leg" in unknown.explanation


def test_respectively_pairs_figures_with_the_places_listed_before() -> None:
    # Berlin–Hamburg is under two hours by train, Berlin–Munich about four.
    hamburg, munich = check_claims("Trains from Berlin to Hamburg and Munich take about two "
                                   "hours and four hours respectively.").claims
    assert hamburg.claim.destination is not None and munich.claim.destination is not None
    assert (hamburg.claim.destination.name, munich.claim.destination.name) == ("Hamburg",
                                                                               "Munich")
    assert munich.verdict == "consistent"
    # When the figures and the places do not pair off, no figure is sure of its place.
    (four,) = check_claims("Trains from Berlin to Hamburg and Munich take about two and four "
                           "hours respectively.").claims
    assert four.verdict == "unverifiable" and "“respectively” pairs" in four.explanation


def test_a_distance_at_the_narrowest_point_is_between_shores_not_towns() -> None:
    # Calais–Dover is 43 km between the towns; the strait is 33 km at its narrowest.
    (strait,) = check_claims("Migrants crossed from Calais to Dover, a distance of about 33 "
                             "km at the narrowest point of the Channel.").claims
    assert strait.verdict == "unverifiable"
    assert "measured “at the narrowest point”" in strait.explanation


def test_a_time_before_a_line_opened_is_on_the_way_before() -> None:
    # The classic line took 7 hours; today's trains between Barcelona and Madrid take under
    # three. The old time is never flagged as too slow.
    *_, old = check_claims("High-speed trains now link Barcelona and Madrid in as little as "
                           "2h30. Before it opened, trains took 7 hours on the classic "
                           "line.").claims
    assert old.claim.quantity.surface == "7 hours"
    assert old.claim.former and old.verdict not in ("overstated", "understated")


def test_a_trip_word_after_another_figure_is_that_figures() -> None:
    # "a one-hour flight" is the hour's mode; the 700 km between Lagos and Abuja may be the
    # road's (about 750 km), so they are not held to the flight's straight line (536 km).
    distance, flight, drive = check_claims("Almost 700 km separate Lagos from Abuja, a "
                                           "one-hour flight or a ten-hour drive.").claims
    assert distance.claim.mode == "unspecified" and distance.verdict == "consistent"
    assert (flight.claim.mode, drive.claim.mode) == ("air", "road")


def test_a_distance_from_a_place_that_the_sentence_times_as_a_drive_may_be_the_roads() -> None:
    # San Pedro Sula–Tegucigalpa: 181 km straight, about 240 km by road, four hours' drive.
    both, _ = check_claims("Tegucigalpa is about 240 km from San Pedro Sula, a four-hour "
                           "drive on the CA-5.").claims
    assert both.verdict == "consistent" and "fits the drive" in both.explanation
    # Told alone, the distance from a town is its position: the straight line.
    (alone,) = check_claims("Tegucigalpa is about 240 km from San Pedro Sula.").claims
    assert alone.verdict == "overstated"


def test_another_hours_beyond_is_a_leg_on_from_the_place_before() -> None:
    # Bangkok–Aranyaprathet is about four hours by road, Aranyaprathet–Siem Reap three.
    _, beyond = check_claims("From Bangkok, the border town of Aranyaprathet is a four-hour "
                             "drive, and Siem Reap another three hours beyond.").claims
    assert beyond.claim.origin is not None and beyond.claim.destination is not None
    assert (beyond.claim.origin.name, beyond.claim.destination.name) == ("Aranyaprathet",
                                                                         "Siem Reap")
    assert beyond.verdict == "consistent"


def test_an_altitude_a_line_climbs_to_is_no_distance() -> None:
    (trip,) = check_claims("The Tibet railway climbs to 5,072 m at the Tanggula Pass; the trip "
                           "from Xining to Lhasa takes 21 hours.").claims
    assert trip.claim.quantity.surface == "21 hours"


def test_a_trip_that_happened_on_a_leaders_own_train_is_not_flagged_as_too_fast() -> None:
    # Kim's train in 2019 was reported to take about 20 hours; scheduled North Korean and
    # Russian trains would take far longer, but his ran outside the timetable.
    (real,) = check_claims("In 2019, Kim Jong Un's train took about 20 hours to reach "
                           "Vladivostok from Pyongyang, crossing into Russia at "
                           "Khasan.").claims
    assert real.claim.special == "Kim Jong Un's train"
    assert real.verdict == "unverifiable" and "outside the timetable" in real.explanation
    # A hypothetical trip is still held to what the line allows.
    (would,) = check_claims("Kim's armoured train would take about 10 hours from Pyongyang "
                            "to Vladivostok.").claims
    assert would.verdict == "understated"
    # A country's train is no person's own.
    (japan,) = check_claims("Japan's bullet train takes about 2 hours 30 minutes from Tokyo "
                            "to Osaka.").claims
    assert not japan.claim.special


def test_the_capital_is_the_one_named_when_the_other_end_is_unsure() -> None:
    # "Marathon" is read, unsure, as an American town; "the capital" is still Athens, the
    # national capital the passage names, not Washington.
    (claim,) = check_claims("Wildfires near Athens forced the evacuation of Marathon, 40 km "
                            "north-east of the capital.").claims
    assert claim.claim.origin is not None and claim.claim.origin.name == "Athens"


@pytest.mark.parametrize("text", [
    "We spent two days in Hanoi before taking the train to Hue.",
    "After another week in Lima we flew to Cusco.",
    "We spent three hours at the border in Namanga before the bus continued to Arusha.",
])
def test_a_stay_in_a_place_is_no_trip(text: str) -> None:
    assert not check_claims(text).claims


@pytest.mark.parametrize("text", [
    "The aircraft crashed about 20 minutes into a flight from Addis Ababa to Nairobi.",
    "The plane crashed shortly after take-off from Kinshasa, 20 minutes into a flight to "
    "Lubumbashi.",
    "The Boeing 737 came down an hour into its flight from Nairobi to Johannesburg.",
    "The bus overturned three hours into the long journey from Nairobi to Mombasa.",
])
def test_a_time_into_a_trip_is_the_time_gone_when_something_happened(text: str) -> None:
    # Each trip takes far longer than the time gone by when it ended: not the trip's length.
    assert check_claims(text).claims == ()


def test_a_time_into_the_night_is_still_a_trip() -> None:
    (drive,) = check_claims("We drove from Nairobi to Mombasa, eight hours into the "
                            "night.").claims
    assert drive.claim.quantity.surface == "eight hours" and drive.claim.mode == "road"


def test_places_left_unclear_always_say_why() -> None:
    from dataclasses import replace

    from routes.facts import load_facts
    from routes.verdicts import _check, _Estimates

    (found,) = check_claims("The bus from Cusco to Arequipa takes ten hours.").claims
    unclear = replace(found.claim, places_confidence="none", places_note="")
    checked = _check(unclear, _Estimates(), load_facts().claims)
    assert checked.verdict == "unverifiable"
    assert checked.explanation.startswith("Unverifiable: places unclear: the text")


def test_a_further_leg_that_names_its_start_again_goes_on_from_there() -> None:
    # The leg before ends at Lao Cai (or Dubai); naming it again starts the next leg there.
    _, minibus = check_claims(
        "The sleeper from Hanoi to Lao Cai takes about eight hours, and from Lao Cai it is "
        "another hour by minibus up the mountain to Sapa.").claims
    assert minibus.claim.origin is not None and minibus.claim.origin.name == "Lào Cai"
    assert minibus.claim.destination is not None and minibus.claim.destination.name == "Sa Pa"
    assert minibus.verdict == "consistent"
    _, second = check_claims(
        "We flew from Bangkok to London via Dubai: about six hours to Dubai, a three-hour "
        "layover, then another seven and a half hours to Heathrow.").claims
    assert second.claim.origin is not None and second.claim.origin.name == "Dubai"
    assert second.claim.destination is not None and second.claim.destination.kind == "airport"


def test_another_time_in_the_next_sentence_is_a_further_leg() -> None:
    (_, leg) = check_claims("The express links Tashkent and Samarkand in just over two hours. "
                            "Bukhara is another hour and a half beyond Samarkand.").claims
    assert leg.claim.quantity.surface == "another hour and a half"
    assert {leg.claim.origin.name, leg.claim.destination.name} == {  # type: ignore[union-attr]
        "Samarkand", "Bukhara"}
    # Without a trip told just before, "another" alone makes no trip.
    assert check_claims("Bukhara is another hour and a half beyond Samarkand.").claims == ()


def test_a_stretch_included_in_a_trip_is_not_the_trip() -> None:
    # 478 km is the length of the straight track across the Nullarbor, not Sydney–Perth.
    claims = check_claims("The Indian Pacific crosses from Sydney to Perth, a 4,352 km journey "
                          "that takes four days, including the famous 478 km straight across "
                          "the Nullarbor Plain.").claims
    assert [c.claim.quantity.surface for c in claims] == ["4,352 km", "four days"]


@pytest.mark.parametrize("text", [
    "The Nozomi runs from Tokyo to Osaka. A 7-day Japan Rail Pass does not cover it.",
    "A one-day Cinque Terre Card gives unlimited trains between La Spezia and Levanto.",
])
def test_how_long_a_ticket_is_valid_is_not_a_trip(text: str) -> None:
    assert check_claims(text).claims == ()


def test_a_named_service_after_a_time_is_the_trip() -> None:
    (train,) = check_claims("The 12-hour Trans-Siberian Express from Moscow to Kazan.").claims
    assert train.claim.mode == "rail" and train.verdict == "consistent"


def test_a_verb_vehicles_do_too_is_the_named_ways_verb() -> None:
    # "trains, which run at up to 320 km/h": the trains run; nobody runs to Casablanca.
    before, after = check_claims(
        "Morocco's high-speed trains, which run at up to 320 km/h, have cut the journey from "
        "Tangier to Casablanca from nearly five hours to just over two.").claims
    assert before.claim.mode == after.claim.mode == "rail"


def test_crossing_at_a_named_place_is_a_border_crossing_not_a_ferry() -> None:
    (convoy,) = check_claims("Aid convoys crossing at Bab al-Hawa must travel about 30 km to "
                             "reach Idlib.").claims
    assert convoy.claim.mode != "sea"


def test_time_spent_circling_is_no_flight_time() -> None:
    # Three hours circling would otherwise flag the one-hour Lagos–Abuja flight.
    claims = check_claims("The flight from Lagos to Abuja was delayed by bad weather. The "
                          "plane had been circling at 10,000 feet for three hours.").claims
    assert claims == ()


def test_a_departure_in_the_late_afternoon_does_not_make_the_trip_late() -> None:
    (km, hours) = check_claims(
        "The Mumbai Rajdhani Express covers the 1,384 km from New Delhi to Mumbai in about "
        "sixteen hours, leaving in the late afternoon and arriving the next morning.").claims
    assert hours.claim.quantity.surface == "sixteen hours" and hours.verdict == "consistent"
    # The city named in the train's name is still the city at the end of the trip.
    assert km.claim.destination is not None and km.claim.destination.name == "Mumbai"
    assert check_claims("The train from Delhi to Agra was two hours late.").claims == ()


def test_the_town_is_the_one_town_named_just_before_and_never_sure() -> None:
    (near,) = check_claims("The fire destroyed Lahaina. Survivors went to Kahului, about 22 km "
                           "east of the town.").claims
    assert near.claim.origin is not None and near.claim.origin.name == "Lahaina"
    assert near.verdict == "consistent" and near.claim.places_confidence == "likely"
    (far,) = check_claims("The fire destroyed Lahaina. Survivors went to Kahului, about 80 km "
                          "east of the town.").claims
    assert far.verdict == "unverifiable"  # a wrong figure, but the reading is not sure
    # Two towns before it: which one is meant is not said.
    two = check_claims("Floods hit Lahaina and Hilo. Survivors went to Kahului, about 22 "
                       "km east of the town.").claims
    assert all(c.claim.origin is None and c.verdict == "unverifiable" for c in two)
    # "the city centre" is a part of a city, not a city named before.
    (centre,) = check_claims("The fire destroyed Lahaina. Kahului's airport is 3 km east of "
                             "the city centre.").claims
    assert centre.claim.origin is None or centre.claim.origin.name != "Lahaina"


def test_a_length_before_high_speed_is_no_height() -> None:
    # "1,000 km high-speed line": not "1,000 km high"; the line Madrid–Barcelona is 621 km.
    line, _ = check_claims("The 1,000 km high-speed line between Madrid and Barcelona takes "
                           "about two and a half hours.").claims
    assert line.claim.quantity.surface == "1,000 km" and line.claim.mode == "rail"
    assert line.verdict == "overstated"


@pytest.mark.parametrize("text", [
    "The 7.8 km Øresund Bridge carries trains from Copenhagen to Malmö in about 35 minutes.",
    "Thanks to the 57 km Gotthard Base Tunnel, the rail journey from Zurich to Milan now takes "
    "about three hours and twenty minutes.",
])
def test_the_length_of_a_named_bridge_or_tunnel_is_not_the_trip(text: str) -> None:
    (time,) = check_claims(text).claims
    assert time.claim.quantity.kind == "duration" and time.verdict == "consistent"


def test_a_frequency_in_words_is_no_trip() -> None:
    (trip,) = check_claims("Trains from Kyiv to Lviv take five hours and leave every two "
                           "hours.").claims
    assert trip.claim.quantity.surface == "five hours"


def test_the_capital_of_a_country_the_passage_names_is_sure() -> None:
    # Kumasi is 202 km from Accra: half of it is caught once the passage names Ghana.
    (half,) = check_claims("Ghana's second city, Kumasi, about 100 km north-west of the "
                           "capital, reported heavy flooding.").claims
    assert half.claim.origin is not None and half.claim.origin.name == "Accra"
    assert half.verdict == "understated"
    # Yemen's government sits in Aden as well as Sanaa: "the capital" stays unsure there.
    (yemen,) = check_claims("Yemen's main port of Hodeidah, about 70 km west of the capital, "
                            "was struck again.").claims
    assert yemen.verdict == "unverifiable"
    # No country named: the capital is only the likely one.
    (unnamed,) = check_claims("Fires raged near Athens. Rafina, about 50 km east of the "
                              "capital, was evacuated.").claims
    assert unnamed.verdict == "unverifiable"


def test_from_a_month_is_a_date_not_a_place() -> None:
    _, flight = check_claims("LATAM will fly the 2,500 km route from Lima to Santiago in about "
                             "three hours and forty-five minutes from March.").claims
    assert flight.claim.origin is not None and flight.claim.origin.name == "Lima"
    assert flight.verdict == "consistent"


def test_a_strait_crossed_on_the_way_is_not_where_the_trip_starts() -> None:
    (swim,) = check_claims("She swam the 30 km from Tarifa across the Strait of Gibraltar to "
                           "Tangier.").claims
    assert swim.claim.origin is not None and swim.claim.origin.name == "Tarifa"
    assert swim.claim.destination is not None and swim.claim.destination.name == "Tangier"


def test_from_a_place_reach_another_is_a_trip_of_its_own() -> None:
    # The second clause is Padang Bai–Gili Trawangan, not the ferry to Lembar again.
    _, fast = check_claims("The public ferry from Padang Bai to Lembar on Lombok takes four to "
                           "five hours, while fast boats from Padang Bai reach Gili Trawangan "
                           "in about two hours.").claims
    assert fast.claim.destination is not None
    assert fast.claim.destination.name == "Gili Trawangan"
    assert fast.verdict != "understated"


def test_two_weak_cues_of_one_mode_bear_each_other_out() -> None:
    # Ships take about a month: compared with the sea, not with the train across Eurasia.
    (ships,) = check_claims("Container ships sail from Shanghai to Rotterdam in 10 days.").claims
    assert ships.claim.mode == "sea" and ships.claim.mode_confidence == "sure"
    assert "rail" not in ships.explanation
    (line,) = check_claims("Its ships sail from Shanghai to Rotterdam in 30 days, the shipping "
                           "line said.").claims
    assert line.claim.mode == "sea"


def test_a_worst_case_time_is_never_too_slow() -> None:
    _, days = check_claims("Aid convoys travel 190 km of dirt roads from Juba to Bor, a trip "
                           "that can take three days in the rainy season.").claims
    assert days.verdict == "unverifiable" and "worst case" in days.explanation


def test_each_leg_of_a_list_takes_the_pair_told_with_it() -> None:
    # Kraków–Prague is about 7 hours by train: not Warsaw–Kraków again.
    _, second = check_claims("Warsaw–Kraków is 2h20 by Pendolino, Kraków–Prague roughly 7 "
                             "hours by train.").claims
    assert second.claim.origin is not None and second.claim.origin.name == "Kraków"
    assert second.claim.destination is not None and second.claim.destination.name == "Prague"
    assert second.verdict == "consistent"
    # "Florence to Venice (2h05)": the time beside a place is the leg the pair names.
    legs = check_claims("We went Rome to Florence (1h32), Florence to Venice (2h05), then "
                        "Venice to Milan (2h25).").claims
    assert [(c.claim.origin.name, c.claim.destination.name)  # type: ignore[union-attr]
            for c in legs] == [("Rome", "Florence"), ("Florence", "Venice"), ("Venice", "Milan")]


def test_a_distance_covered_after_the_time_is_found() -> None:
    _, km = check_claims("Buses from Kampala reach Nairobi in about 12 hours, covering "
                         "roughly 330 km.").claims
    assert km.claim.quantity.surface == "330 km" and km.verdict == "understated"


def test_a_road_that_runs_n_km_is_still_a_road() -> None:
    # Accra–Lomé is about 200 km by road: "runs" is no runner, and "road" stays the mode.
    (road,) = check_claims("The coastal road from Accra to Lomé runs some 400 km.").claims
    assert road.claim.mode == "road" and road.verdict == "overstated"


def test_the_place_named_with_a_town_settles_which_namesake_it_is() -> None:
    # Dover, Delaware is 5,900 km from Calais: "from Dover to Calais" is the Kent port.
    km, _ = check_claims("Ferries cross the 90 km from Dover to Calais in about 90 minutes."
                         ).claims
    assert km.claim.origin is not None and km.claim.origin.country == "GB"
    assert km.claim.places_confidence == "sure" and km.verdict == "overstated"


def test_a_pair_labels_the_figures_after_it() -> None:
    # An itinerary's rows: the pair before a colon, or before the first figure, names them.
    rows = check_claims("Seoul–Busan KTX: 417 km, 2 h 40 min. Day 3: Cusco – Puno, 7 hrs by "
                        "bus, 390 km.").claims
    assert [(c.claim.quantity.surface, c.claim.origin.name)  # type: ignore[union-attr]
            for c in rows] == [("417 km", "Seoul"), ("2 h 40 min", "Seoul"),
                               ("7 hrs", "Cusco"), ("390 km", "Cusco")]
    # An altitude on the way is no length of the trip.
    (time,) = check_claims("The railway from Oslo to Bergen takes roughly seven hours, "
                           "topping out at 1,237 metres near Finse.").claims
    assert time.claim.quantity.kind == "duration"


def test_a_sentence_opening_from_a_place_says_where_it_is_measured_from() -> None:
    (km,) = check_claims("From Delhi, Varanasi is a short 400 km away.").claims
    assert km.claim.origin is not None and km.claim.origin.name == "Delhi"
    assert km.verdict == "understated"  # 682 km as the crow flies


def test_the_volcano_is_the_one_volcano_named_before() -> None:
    # Taal volcano is 66 km south of Manila; Batangas, named last, is 94 km.
    _, taal = check_claims("Taal volcano spewed ash over Batangas City, about 28 km to the "
                           "south. The volcano lies just 65 km south of Manila.").claims
    assert taal.claim.destination is not None and taal.claim.destination.kind == "landmark"
    assert taal.verdict == "consistent" and taal.claim.places_confidence == "likely"
    (school,) = check_claims("Taal volcano spewed ash. Batangas City, about 28 km south of "
                             "the volcano, closed its schools.").claims
    assert school.claim.origin is not None and school.claim.origin.kind == "landmark"


@pytest.mark.parametrize("text", [
    "Floods hit Les Cayes and Port-au-Prince. Tropical Storm Grace arrived within 72 hours.",
    "The convoy from Addis Ababa reached Mekelle; the trucks had been held for 12 days at "
    "checkpoints.",
    "Russian forces advanced along 30 km of front line near Pokrovsk and Kramatorsk.",
])
def test_a_storm_a_detention_or_a_front_line_is_no_trip(text: str) -> None:
    assert all(c.claim.quantity.surface not in ("72 hours", "12 days", "30 km")
               for c in check_claims(text).claims)


def test_a_place_from_the_context_that_the_compass_point_belies_confirms_nothing() -> None:
    # Nairobi lies east of Kisumu, named just before: "to the west" belies that reading.
    (nairobi,) = check_claims("Rebels seized Kisumu overnight. Nairobi, some 265 km to the "
                              "west, sent troops.").claims
    assert nairobi.verdict == "unverifiable" and "the direction is wrong" in nairobi.explanation
    # A loose compass word is no contradiction: Khan Younis lies north-east of Rafah.
    (khan,) = check_claims("Strikes hit Rafah, on the Egyptian border, and Khan Younis, 10 km "
                           "to the north.").claims
    assert khan.verdict == "consistent"


def test_a_second_figure_a_word_governs_is_as_much_its_own() -> None:
    # The reroute adds 1,500 km: not the length of the flight from Helsinki to Tokyo.
    assert check_claims("Flying around Russia adds about 2 hours and 1,500 km to the flight "
                        "from Helsinki to Tokyo.").claims == ()


def test_as_the_crow_flies_says_how_a_distance_is_measured() -> None:
    (km,) = check_claims("Dire Dawa, the historic railway town about 350 km east of Addis "
                         "Ababa as the crow flies, is on the line to Djibouti.").claims
    assert km.claim.mode == "straight" and km.verdict == "consistent"


def test_two_ends_read_at_one_spot_leave_the_places_unclear() -> None:
    (km,) = check_claims("Western Sydney International Airport, about 45 km west of the "
                         "Sydney CBD, opens in 2026.").claims
    assert km.verdict == "unverifiable" and "within 5 km of each other" in km.explanation
    # Named at a place the finder lacks, the figure places that one
    (at,) = check_claims("Western Sydney International Airport at Badgerys Creek, about 45 "
                         "km west of the Sydney CBD, opens in 2026.").claims
    assert at.verdict == "unverifiable" and "not a place the finder knows" in at.explanation


def test_a_supersonic_time_is_never_too_fast() -> None:
    time, speed = check_claims("The fastest crossing remains Concorde's 2 hours 52 minutes from "
                               "New York to London in 1996, an average of about 1,900 km/h."
                               ).claims
    assert time.verdict == speed.verdict == "unverifiable"
    assert "Concorde" in time.explanation


def test_as_the_crow_flies_gives_no_mode_to_a_time() -> None:
    _, time = check_claims("A direct flight from Tashkent to Bukhara, about 440 km away as the "
                           "crow flies, takes around an hour and ten minutes.").claims
    assert time.claim.mode == "air" and time.verdict == "consistent"


@pytest.mark.parametrize("text", [
    "The air ambulance from Longyearbyen to Tromsø cruised at 41,000 feet.",
    "The ferry from Piraeus to Heraklion returned; the 214-metre ship was undamaged.",
    "The ferry between Penzance and St Mary's was cancelled because of waves of up to 6 metres.",
])
def test_an_altitude_a_ships_length_or_a_wave_is_no_distance(text: str) -> None:
    assert all(c.claim.quantity.kind != "distance" for c in check_claims(text).claims)


def test_a_relative_clause_after_a_pair_keeps_the_pair() -> None:
    km, hours = check_claims("The fast ferry between Helsinki and Tallinn, which crosses "
                             "roughly 80 km of the Gulf of Finland in about two hours, was "
                             "suspended.").claims
    assert (km.verdict, hours.verdict) == ("consistent", "consistent")
    assert hours.claim.mode == "sea"


def test_a_rail_route_that_does_not_reach_the_place_flags_nothing() -> None:
    # The data's railway ends 16 km short of Incheon Airport; the AREX line runs 58 km.
    _, km = check_claims("The AREX express train from Incheon International Airport to Seoul "
                         "Station takes 43 minutes over 58 km.").claims
    assert km.verdict == "unverifiable" and "does not reach the place" in km.explanation


def test_in_one_day_and_a_trip_of_long_ago_are_never_too_slow() -> None:
    _, day = check_claims("We drove the 500 miles from Boise to Seattle in one day.").claims
    assert day.verdict == "unverifiable" and "in one day" in day.explanation
    (old,) = check_claims("In 1927 the winners of the Dole Air Race flew from Oakland to "
                          "Honolulu in about 26 hours.").claims
    assert old.verdict == "unverifiable" and "1927" in old.explanation


def test_a_hamlet_is_no_other_reading_of_a_city() -> None:
    # Perth, Tasmania (2,907 people) does not excuse 1,000 km for Perth–Adelaide (2,135 km).
    (km,) = check_claims("Perth and Adelaide are only about 1,000 km apart as the crow "
                         "flies.").claims
    assert km.verdict == "understated"


def test_a_distance_ten_times_off_may_be_about_namesakes() -> None:
    (km,) = check_claims("Whitby is about 45 miles from York.").claims
    assert km.verdict == "unverifiable" and "Whitby (GB)" in km.explanation
    # Without namesakes the figure is simply wrong.
    (far,) = check_claims("Beijing is about 100 km from Shanghai.").claims
    assert far.verdict == "understated"


def test_a_numbered_highway_is_a_road() -> None:
    (km,) = check_claims("Tulum is about 130 km from Cancún on Highway 307.").claims
    assert km.claim.mode == "road" and km.verdict == "consistent"


def test_words_of_time_keep_no_distance_from_being_a_trip() -> None:
    (move,) = check_claims("Two years ago we moved almost 800 miles from Denver to Dallas."
                           ).claims
    assert move.claim.quantity.surface == "800 miles" and move.verdict == "consistent"


def test_the_fastest_line_counts_when_it_ranks_third_by_length() -> None:
    # The Shinkansen joins Osaka at Shin-Osaka, 4 km out: 15 minutes to Kyoto is its time.
    (ride,) = check_claims("Kyoto is a 15-minute train ride from Osaka.").claims
    assert ride.verdict == "consistent" and "(direct)" in ride.explanation


def test_a_site_named_after_a_town_is_not_the_town() -> None:
    # The Great Pyramid is 12 km from central Cairo; the town of Giza's point is 7 km.
    (km,) = check_claims("The Giza pyramids are only about 12 km south-west of central "
                         "Cairo.").claims
    assert km.verdict == "unverifiable" and "a site near Giza" in km.explanation
    # Lagos's Lekki Deep Sea Port lies at Ibeju-Lekki, some 60 km east of Lagos Island; the
    # gazetteer's Lekki is a district 7 km away. A port named with words of its own is a site.
    (port,) = check_claims("The new Lekki Deep Sea Port lies some 60 km east of Lagos "
                           "Island.").claims
    assert port.verdict == "unverifiable"
    assert "“Lekki Deep Sea Port” is a site near Lekki" in port.explanation
    # A town's own port is in the town.
    (mombasa,) = check_claims("Ships dock at Mombasa port, some 480 km from Nairobi.").claims
    assert mombasa.verdict == "consistent"


def test_a_fast_or_new_line_the_data_may_lack_is_never_too_fast() -> None:
    for text in ("The fast train from Jerusalem to Tel Aviv takes about 35 minutes.",
                 "The new railway connects Tel Aviv and Jerusalem in roughly half an hour."):
        (time,) = check_claims(text).claims
        assert time.verdict == "unverifiable", text


def test_n_km_apart_is_how_far_apart_the_places_are() -> None:
    _, km = check_claims("Trains across the Øresund Bridge take about 35 minutes from "
                         "Copenhagen to Malmö, about 30 km apart.").claims
    assert km.claim.mode == "unspecified" and km.verdict == "consistent"


def test_the_second_end_of_a_pair_is_no_further_place_of_a_list() -> None:
    _, time = check_claims("The fastest Fuxing trains run the 1,318 km between Beijing and "
                           "Shanghai in about 4 hours 20 minutes.").claims
    assert time.claim.origin is not None and time.claim.origin.name == "Beijing"
    assert time.verdict == "consistent"


def test_how_long_a_line_was_closed_is_no_trip() -> None:
    claims = check_claims("Trains between Prague and Berlin resumed on Monday after floods on "
                          "the Elbe closed the line for nine days. The journey takes about "
                          "four and a half hours.").claims
    assert [c.claim.quantity.surface for c in claims] == ["four and a half hours"]


def test_a_drive_on_a_motorway_is_not_too_fast_for_average_roads() -> None:
    # Lagos–Ibadan, about 130 km: 1½ hours on the expressway; an hour is too fast anyway.
    (fast,) = check_claims("The drive from Lagos to Ibadan takes about an hour and a half on "
                           "the expressway.").claims
    assert fast.verdict == "unverifiable" and "fast road" in fast.explanation
    (too_fast,) = check_claims("The drive from Lagos to Ibadan takes about an hour on the "
                               "expressway.").claims
    assert too_fast.verdict == "understated"


def test_a_leg_started_by_and_drove_or_on_to_is_its_own() -> None:
    *_, km, hours = check_claims("Then we flew Vancouver to Calgary in an hour and a half and "
                                 "drove to Banff, about 130 km and an hour and a half.").claims
    assert (km.claim.origin.name, km.claim.destination.name) == (  # type: ignore[union-attr]
        "Calgary", "Banff")
    assert km.verdict == hours.verdict == "consistent"
    _, tasman = check_claims("We flew Darwin to Sydney, about four and a half hours, and on to "
                             "Auckland, three hours across the Tasman.").claims
    assert tasman.claim.destination is not None
    assert tasman.claim.destination.name == "Auckland" and tasman.verdict == "consistent"


def test_the_trip_a_leg_was_for_gives_it_no_mode() -> None:
    (leg,) = check_claims("From Venice we went back to Milan, 2 hours 25 minutes, for the "
                          "flight home.").claims
    assert leg.claim.mode != "air" and leg.verdict != "overstated"


def test_a_figure_ten_times_off_every_way_is_about_something_else() -> None:
    _, height = check_claims("We flew from Seoul to Jeju, an hour in the air, and climbed "
                             "Hallasan (1,947 m).").claims
    assert height.verdict == "unverifiable" and "something else" in height.explanation


def test_a_time_on_small_boats_is_not_held_to_the_ferry() -> None:
    # Channel dinghies often spend 10-14 hours at sea; the ferry sails in about 90 minutes.
    ferry, boats = check_claims("The ferry from Calais to Dover takes about 90 minutes, but the "
                                "small boats often spend more than 12 hours at sea.").claims
    assert ferry.verdict == "consistent" and not ferry.claim.craft
    assert boats.claim.craft == "small boats"
    assert boats.verdict == "unverifiable" and "no timetable" in boats.explanation
    # The ferry's own clause is still checked, whatever the next clause says.
    (slow, _) = check_claims("The ferry from Calais to Dover takes about five hours, but the "
                             "small boats often spend more than 12 hours at sea.").claims
    assert slow.verdict == "overstated"


def test_a_time_far_off_that_a_namesake_fits_is_not_flagged() -> None:
    # Santiago de Compostela-Madrid flies in about 1 h 10 min; Santiago de Chile-Madrid
    # takes over 12 hours. "Santiago" beside Madrid reads as Chile's capital, but a figure
    # ten times off that a Spanish Santiago fits is a misread place, not a wrong figure.
    (short,) = check_claims("The flight from Santiago to Madrid takes about 70 minutes.").claims
    assert short.verdict == "unverifiable"
    assert "Santiago de Compostela" in short.explanation
    # A figure for the reading taken is still checked, and one off by less is flagged.
    (long,) = check_claims("The flight from Santiago to Madrid takes about 13 hours.").claims
    assert long.verdict == "consistent"
    (half,) = check_claims("The flight from Santiago to Madrid takes about 6 hours.").claims
    assert half.verdict == "understated"


def test_a_stop_after_a_speed_unit_ends_the_sentence() -> None:
    # "300 km/h." ends a sentence: the maglev's 8 minutes (Longyang Road to Pudong Airport,
    # 30 km, about 7-8 minutes) is not timed between the next sentence's Guangzhou and Hong
    # Kong.
    maglev, _ = check_claims("The Shanghai Maglev covers the 30 km from Longyang Road to Pudong "
                             "Airport in about 8 minutes, at up to 300 km/h. High-speed trains "
                             "from Guangzhou South to Hong Kong West Kowloon take under 50 "
                             "minutes.").claims
    assert maglev.claim.quantity.surface == "8 minutes"
    assert maglev.verdict != "understated"
    assert maglev.claim.sentence[1] < maglev.claim.text.index("High-speed")


def test_a_clause_that_names_its_own_unknown_end_borrows_none() -> None:
    # Fast boats from Padang Bai reach the Gili Islands in 1.5-2.5 hours; the public ferry
    # to Lembar takes 4-5. The second figure is no time to Lembar.
    ferry, fast = check_claims("The public ferry from Padang Bai to Lembar on Lombok takes about "
                               "four and a half hours, while fast boats from Padang Bai reach "
                               "the Gili Islands in around 90 minutes.").claims
    assert ferry.verdict == "consistent"
    assert fast.claim.destination is None and fast.verdict == "unverifiable"
    assert "Gili Islands" in fast.explanation


def test_a_short_rail_trip_is_never_too_slow() -> None:
    # The FEX airport express runs from Berlin Hauptbahnhof to BER in about 30 minutes; the
    # intercity model, with no stops, gives 13-19 minutes for the 19 km.
    (fex,) = check_claims("Express trains from Berlin's central station reach Brandenburg "
                          "airport in 30 minutes.").claims
    assert fex.claim.mode == "rail"
    assert fex.verdict == "unverifiable" and "this short" in fex.explanation
    # A longer trip that slow is still flagged.
    (slow,) = check_claims("The train from Berlin to Hamburg takes about six hours.").claims
    assert slow.verdict == "overstated"


def test_a_named_high_speed_train_is_held_to_its_own_line() -> None:
    # Eurostar London-Paris takes 2 h 16 - 2 h 30 on High Speed 1 and the LGV Nord; the
    # older lines round them (via Croydon) are no reading of a Eurostar time.
    (right,) = check_claims("The Eurostar from London to Paris takes about two hours and 20 "
                            "minutes.").claims
    assert right.verdict == "consistent"
    (slow,) = check_claims("The Eurostar from London to Paris takes about four and a half "
                           "hours.").claims
    assert slow.verdict == "overstated" and "Ebbsfleet" in slow.explanation
    # The time before the line came was on the older lines: still read on them.
    before, after = check_claims("Al Boraq high-speed trains have cut the journey from Tangier "
                                 "to Casablanca from 4 hours 45 minutes to 2 hours 10 "
                                 "minutes.").claims
    assert before.verdict == after.verdict == "consistent"


def test_a_stopping_high_speed_service_keeps_the_slower_times() -> None:
    # The all-stations Kodama takes about 3 h 40 from Tokyo to Kyoto, the Nozomi 2 h 15.
    (kodama,) = check_claims("The Kodama from Tokyo to Kyoto takes about three and a half "
                             "hours.").claims
    assert kodama.claim.origin is not None and kodama.claim.origin.name == "Tokyo"
    assert kodama.claim.high_speed and kodama.claim.stopping
    assert kodama.verdict == "consistent"
    # Between stations the data's high-speed line lacks, it is never timed as too fast on
    # the old line beside it (the Kodama calls at Mishima and Shizuoka, 25 minutes apart).
    (short,) = check_claims("The Kodama from Mishima to Shizuoka takes about 25 "
                            "minutes.").claims
    assert short.verdict == "unverifiable"
    (nozomi,) = check_claims("The Nozomi from Tokyo to Kyoto takes about 4 hours 30 "
                             "minutes.").claims
    assert nozomi.claim.high_speed and nozomi.verdict == "overstated"


def test_a_height_at_which_something_stands_or_flies_is_no_trip() -> None:
    text = ("From Mendoza, buses climb past Aconcagua, at 6,961 metres the highest peak "
            "outside Asia, on the way to Santiago. In Cappadocia, balloons fly at up to 1,000 "
            "metres over Goreme.")
    assert not check_claims(text).claims
    # A figure "at" a distance measured from a place is still one.
    (dock,) = check_claims("Ferries at Kyleakin dock at 600 metres from Kyle of "
                           "Lochalsh.").claims
    assert dock.claim.quantity.surface == "600 metres"


def test_works_on_a_road_are_no_trip() -> None:
    # "with 60 km opened so far": the length built, not the drive from Douala to Yaounde
    text = ("A new motorway between Douala and Yaounde is only partly finished, with 60 km "
            "opened so far. Some 40 km of the road from Kabul to Jalalabad are already paved.")
    assert not check_claims(text).claims
    # The length of a road between two places is still a trip's.
    (whole,) = check_claims("The 40 km of road from Kigali to Nyamata was rebuilt.").claims
    assert whole.verdict == "consistent"


def test_a_drive_whose_own_distance_gives_a_fast_roads_pace_is_not_too_fast() -> None:
    # Yangon-Mandalay by the expressway: 620 km in about 8 hours (78 km/h); Myanmar's
    # average roads would take 10-17 hours.
    _, hours = check_claims("The 620 km drive between Yangon and Mandalay normally takes "
                            "about eight hours.").claims
    assert hours.verdict == "unverifiable" and "78 km/h" in hours.explanation
    _, fast = check_claims("The 620 km drive between Yangon and Mandalay takes about five "
                           "hours.").claims
    assert fast.verdict == "understated"


def test_a_mountain_road_may_wind_far_beyond_the_model() -> None:
    # The Karakoram Highway from Islamabad to Gilgit is about 600 km; the model's circuity
    # for Pakistan gives 292-405 km. Half as much again is still flagged.
    (kkh,) = check_claims("The drive from Islamabad to Gilgit on the Karakoram Highway is "
                          "about 600 km.").claims
    assert kkh.verdict == "unverifiable" and "mountain roads" in kkh.explanation
    (far,) = check_claims("The drive from Islamabad to Gilgit is about 900 km.").claims
    assert far.verdict == "overstated"


def test_a_high_speed_station_the_towns_lack_is_found() -> None:
    (trip,) = check_claims("G trains from Beijing South to Shanghai Hongqiao take about four "
                           "and a half hours.").claims
    assert trip.claim.origin is not None and trip.claim.destination is not None
    assert (trip.claim.origin.kind, trip.claim.origin.name) == ("station", "Beijing South")
    assert trip.claim.destination.name == "Shanghai Hongqiao"
    assert trip.verdict == "consistent"


def test_armenias_electric_trains_are_timed_by_their_timetable() -> None:
    # The EP2D electric trains run Yerevan-Gyumri in 1 h 59 - 2 h 10 (2018-2019).
    (ep2d,) = check_claims("The electric train from Yerevan to Gyumri takes about two "
                           "hours.").claims
    assert ep2d.verdict == "consistent"


def test_a_relative_clause_takes_the_mode_it_hangs_on() -> None:
    # Dakar-Bamako flies in about 2 hours; the buses of the next clause take two days.
    flight, buses = check_claims("Travellers must rely on the flight between Dakar and Bamako, "
                                 "which takes about five hours, or buses that take two "
                                 "days.").claims
    assert (flight.claim.mode, flight.claim.mode_confidence) == ("air", "sure")
    assert flight.verdict == "overstated"
    assert buses.claim.mode == "road"


def test_left_a_for_b_is_a_trip_from_a_to_b() -> None:
    # Bangui-Bouar is about 450 km by road.
    (convoy,) = check_claims("A convoy left Bangui for Bouar on Monday, a journey of about "
                             "450 km by road.").claims
    assert convoy.claim.places_confidence == "sure" and convoy.verdict == "consistent"


def test_a_figure_that_places_an_unknown_name_is_not_the_trips() -> None:
    # The Las Manos crossing lies about 120 km from Tegucigalpa by road; Managua is 239 km
    # away in a straight line. The figure places the crossing, which the finder lacks.
    (crossing,) = check_claims("A bus from Tegucigalpa to Managua crashed near the Las Manos "
                               "border crossing, about 120 km from Tegucigalpa.").claims
    assert crossing.verdict == "unverifiable"
    # A known place in that spot is still the subject.
    (acapulco,) = check_claims("Acapulco is a city on the Pacific coast of Mexico, about 300 "
                               "km south of Mexico City.").claims
    assert acapulco.claim.origin is not None and acapulco.claim.destination is not None
    assert acapulco.claim.destination.name == "Acapulco de Juárez"
    assert acapulco.verdict == "consistent"


def test_a_further_place_of_a_list_in_a_little_over_its_figure() -> None:
    # G trains run Shanghai-Hangzhou in 45-60 minutes and Shanghai-Nanjing in 60-75.
    _, nanjing = check_claims("From Shanghai, G trains reach Hangzhou in under an hour and "
                              "Nanjing in a little over an hour.").claims
    assert nanjing.claim.destination is not None
    assert nanjing.claim.destination.name == "Nanjing"


def test_how_long_a_way_was_closed_is_no_trip() -> None:
    assert not check_claims("Protesters blockaded the highway between Oaxaca and Puebla for "
                            "24 hours. A strike halted trains between Turin and Milan for 24 "
                            "hours.").claims
    # A trip told after the closure is still one.
    (drive,) = check_claims("Storms closed the road, so we drove for ten hours from Oaxaca "
                            "to Puebla.").claims
    assert drive.claim.quantity.surface == "ten hours"


def test_a_vessel_found_off_a_place_is_not_measured_from_the_last_one() -> None:
    # The boat left Sfax (189 km from Lampedusa); where it was found is no Sfax-Lampedusa
    # distance.
    (found,) = check_claims("The boat had left Sfax two nights earlier. It was found drifting "
                            "some 30 nautical miles south-west of Lampedusa.").claims
    assert found.verdict == "unverifiable"


def test_a_drive_of_a_distance_is_a_road_figure() -> None:
    # Nairobi-Kisumu: 263 km in a straight line, about 340-350 km by road via Nakuru.
    (kisumu,) = check_claims("Kisumu, on Lake Victoria, is a drive of about 350 km from "
                             "Nairobi.").claims
    assert kisumu.claim.mode == "road" and kisumu.verdict == "consistent"


def test_a_commuter_line_or_a_short_regional_trip_is_never_too_slow() -> None:
    # MARC's all-stop Penn Line trains take about an hour from Baltimore to Washington.
    (marc,) = check_claims("A MARC train from Baltimore to Washington takes about an "
                           "hour.").claims
    assert marc.claim.urban and marc.verdict == "unverifiable"
    # Kraków-Zakopane: regional trains take about three hours over the winding line.
    (zakopane,) = check_claims("The train from Krakow to Zakopane takes about three "
                               "hours.").claims
    assert zakopane.verdict == "unverifiable" and "regional train" in zakopane.explanation
    # Slower than the slowest branch line's pace, or a long trip, is still flagged.
    (slow,) = check_claims("The train from Baltimore to Washington takes about four "
                           "hours.").claims
    assert slow.verdict == "overstated"


def test_a_place_described_in_apposition_stays_the_subject() -> None:
    # Kampala-Nairobi: 503 km as the crow flies.
    (km,) = check_claims("Kampala, the Ugandan capital, is about 500 km from Nairobi as the "
                         "crow flies.").claims
    assert km.verdict == "consistent"
    (hours,) = check_claims("Kōchi, on the Pacific side, is about two and a half hours from "
                            "Okayama by limited express.").claims
    assert hours.claim.origin is not None and hours.verdict == "consistent"


def test_named_services_set_their_mode() -> None:
    # The AVE runs Madrid-Barcelona in 2 h 30 - 3 h; the Red Jet is Red Funnel's fast ferry.
    _, slow = check_claims("The AVE between Madrid and Barcelona covers the 620-kilometre "
                           "route in about five hours.").claims
    assert (slow.claim.mode, slow.claim.mode_confidence) == ("rail", "sure")
    assert slow.verdict == "overstated"
    (jet,) = check_claims("The Red Jet from Southampton to Cowes takes about 25 "
                          "minutes.").claims
    assert jet.claim.mode == "sea"
    (ferry,) = check_claims("The Interislander from Wellington to Picton takes about three "
                            "and a half hours.").claims
    assert ferry.claim.mode == "sea" and ferry.verdict == "consistent"


def test_a_relative_clause_ends_at_its_comma() -> None:
    # The closure words after the relative clause are the services', not the trip time's.
    (trip,) = check_claims("Services from London to Paris, which normally take about 2 hours "
                           "20 minutes, were suspended for the whole of Saturday.").claims
    assert trip.claim.quantity.surface == "2 hours 20 minutes"
    assert trip.verdict == "consistent"


def test_a_zero_figure_is_checked_without_error() -> None:
    (zero,) = check_claims("The flight from Santiago to Madrid takes 0 minutes.").claims
    assert zero.verdict in ("understated", "unverifiable")


def test_a_drive_at_a_good_highways_pace_over_the_models_distance_is_not_too_fast() -> None:
    # Gaborone-Francistown on the A1: about 433 km in about five hours; Botswana's roads are
    # timed at the two-lane class's averages.
    (a1,) = check_claims("The drive from Gaborone to Francistown takes about five "
                         "hours.").claims
    assert a1.verdict == "unverifiable" and "km/h on average" in a1.explanation
    (fast,) = check_claims("The drive from Gaborone to Francistown takes about three "
                           "hours.").claims
    assert fast.verdict == "understated"


def test_a_change_cut_to_a_time_is_a_trip_and_cut_by_one_is_a_saving() -> None:
    # The AVE cut Madrid-Seville to about 2 h 30 in 1992.
    (to,) = check_claims("The high-speed line between Madrid and Seville, which opened in "
                         "1992, cut the journey to two and a half hours.").claims
    assert to.verdict == "consistent"
    assert not check_claims("The new road cut the journey between Kabul and Jalalabad by two "
                            "hours.").claims


def test_a_fast_craft_is_timed_at_a_fast_crafts_speed() -> None:
    # Piraeus-Mykonos: the Blue Star ferries take about 6 hours, the SeaJets catamarans
    # 2 1/2 - 3; the ferry list's fastest time is 3 h.
    (cat,) = check_claims("The SeaJets catamaran from Piraeus reaches Mykonos in about two "
                          "and a half hours.").claims
    assert cat.claim.mode == "sea" and cat.claim.high_speed
    assert cat.verdict == "consistent" and "by fast craft" in cat.explanation
    (ferry,) = check_claims("The car ferry from Piraeus reaches Mykonos in about two "
                            "hours.").claims
    assert not ferry.claim.high_speed and ferry.verdict == "understated"
    (fast,) = check_claims("The catamaran from Piraeus to Mykonos takes 1 hour.").claims
    assert fast.verdict == "understated"


def test_a_mountain_or_narrow_gauge_railway_is_never_too_slow() -> None:
    # The Darjeeling Himalayan Railway's toy train: 88 km in about 7 hours.
    (toy,) = check_claims("The toy train from New Jalpaiguri to Darjeeling takes about seven "
                          "hours.").claims
    assert toy.verdict == "unverifiable" and "“toy train”" in toy.explanation
    (plain,) = check_claims("The train from New Jalpaiguri to Darjeeling takes about seven "
                            "hours.").claims
    assert plain.verdict == "overstated"


def test_a_figure_after_an_event_places_the_event_not_the_town_before_it() -> None:
    # The Humboldt Broncos' bus crash was on Highway 35, about 30 km north of Tisdale;
    # Humboldt itself lies about 100 km south-west of Tisdale.
    (crash,) = check_claims("A bus carrying a hockey team from Humboldt crashed on Highway 35 "
                            "about 30 kilometres north of Tisdale.").claims
    assert crash.verdict == "unverifiable" and "“crashed”" in crash.explanation
    (town,) = check_claims("Humboldt lies about 30 kilometres north of Tisdale.").claims
    assert town.verdict == "understated"


def test_a_norwegian_drive_is_timed_at_mountain_road_speeds() -> None:
    # Oslo-Bergen: 462 km, 7-8 hours with short stops.
    (drive,) = check_claims("The drive from Oslo to Bergen takes about seven and a half "
                            "hours.").claims
    assert drive.verdict == "consistent"


def test_a_flight_between_airport_codes_is_checked() -> None:
    # LAX-JFK: about 5 h 15 - 5 h 30 block eastbound.
    (flight,) = check_claims("The flight from LAX to JFK takes about five hours.").claims
    assert flight.verdict == "consistent" and "(LAX)" in flight.explanation


def test_a_village_abroad_from_the_other_end_is_never_sure() -> None:
    # The gazetteer has no Ella in Sri Lanka, only a hamlet of that name in India.
    (ella,) = check_claims("The blue train from Kandy to Ella winds through tea country, "
                           "although the distance is only around 150 km.").claims
    assert ella.verdict == "unverifiable" and "a village of IN" in ella.explanation


def test_a_time_in_the_air_is_not_widened_twice() -> None:
    # Riyadh-Jeddah, about 850 km: about 1 h 45 gate to gate, some 1 h 20 in the air.
    (half,) = check_claims("A 55-minute flight from Riyadh to Jeddah.").claims
    assert half.verdict == "understated"
    (true,) = check_claims("The flight from Riyadh to Jeddah takes about an hour and a "
                           "half.").claims
    assert true.verdict == "consistent"


def test_where_a_place_lies_does_not_wait_for_a_planned_work() -> None:
    # Darwin-Singapore: about 3,350 km.
    (cable,) = check_claims("The proposed cable would run to Singapore, which lies about "
                            "1,700 kilometres from Darwin.").claims
    assert cable.verdict == "understated"
    (line,) = check_claims("The planned railway will cover the 300 km between Lagos and "
                           "Ibadan.").claims
    assert line.verdict == "unverifiable" and "“planned”" in line.explanation


def test_late_before_a_trip_is_when_it_arrived_not_a_delay() -> None:
    (flight,) = check_claims("Modi arrived in Paris late on Monday after a nearly ten-hour "
                             "flight from New Delhi.").claims
    assert flight.verdict == "consistent"
    assert not check_claims("The train arrived three hours late in Kyiv.").claims


def test_a_figure_set_against_another_keeps_its_unit_and_its_own_mode() -> None:
    four, five = check_claims("The high-speed train from Istanbul to Ankara takes about four "
                              "hours, against about five by car.").claims
    assert (four.claim.mode, five.claim.mode) == ("rail", "road")
    assert five.claim.quantity.unit == "h" and five.claim.quantity.unit_elided


@pytest.mark.parametrize("text", [
    "Thailand celebrates Songkran, a three-day festival, and many fly from Bangkok to "
    "Chiang Mai.",
    "Modi's dinner with Macron ran past three hours after his flight from New Delhi to "
    "Paris.",
])
def test_an_events_length_is_no_trip(text: str) -> None:
    assert not check_claims(text).claims


def test_named_lines_and_intercity_brands_are_rail() -> None:
    # The Bergen Line takes about 6 1/2 - 7 hours from Oslo to Bergen.
    (bergen,) = check_claims("Norway's Bergen Line takes travellers from Oslo to Bergen in "
                             "about three and a half hours, crossing the Hardangervidda "
                             "plateau.").claims
    assert bergen.claim.mode == "rail" and bergen.verdict == "understated"
    (ic,) = check_claims("The Intercity from Kyiv to Lviv takes about five hours.").claims
    assert ic.claim.mode == "rail"
    (bus,) = check_claims("Intercity buses from Kyiv to Lviv take about seven hours.").claims
    assert bus.claim.mode == "road"


def test_another_end_reached_from_the_same_start() -> None:
    # Eurostar: London-Paris 2 h 16, London-Brussels about 2 h 01.
    paris, brussels = check_claims("Its trains run from London to Paris in two hours and 16 "
                                   "minutes and reach Brussels in just over two hours.").claims
    assert paris.claim.destination is not None and paris.claim.destination.name == "Paris"
    assert brussels.claim.origin is not None and brussels.claim.origin.name == "London"
    assert brussels.claim.destination is not None and \
        brussels.claim.destination.name.startswith("Brussels")


def test_bare_away_names_no_place_after_it() -> None:
    (walk,) = check_claims("Refugees set off on foot from Budapest toward Vienna, some 480 "
                           "km away, after Hungary shut Keleti station.").claims
    assert walk.claim.origin is not None and walk.claim.origin.name == "Budapest"


def test_a_town_said_to_be_of_a_country_is_read_there() -> None:
    # Kaesong lies about 60 km north-west of Seoul; Koesan is a South Korean county town.
    (kaesong,) = check_claims("The North Korean border city of Kaesong, some 120 kilometres "
                              "northwest of Seoul, once hosted 124 South Korean "
                              "companies.").claims
    assert kaesong.claim.destination is not None
    assert kaesong.claim.destination.country == "KP" and kaesong.verdict == "overstated"


@pytest.mark.parametrize("text", [
    "The bus, travelling from Kabul to Kandahar, was ambushed at a checkpoint about 130 km "
    "south-west of Kabul.",
    "A convoy carrying aid from Port Sudan to El Fasher was attacked about 50 km from El "
    "Fasher.",
])
def test_a_figure_placing_an_attack_on_a_trip_is_not_the_trips_length(text: str) -> None:
    (attack,) = check_claims(text).claims
    assert attack.verdict == "unverifiable"


def test_an_expressways_number_is_no_train_and_local_vans_are_road() -> None:
    # The G2 Beijing-Shanghai Expressway: about 1,200 km, 12-13 hours with stops.
    km, hours = check_claims("Driving the G2 expressway from Beijing to Shanghai, we covered "
                             "the 1,200 km in about 12 hours with stops.").claims
    assert (km.claim.mode, hours.claim.mode) == ("road", "road")
    assert hours.verdict == "consistent"
    # Bishkek-Karakol along the north shore of Issyk-Kul: about 400 km of road.
    _, km = check_claims("Marshrutkas from Bishkek to Karakol take six to seven hours to "
                         "skirt the northern shore of Issyk-Kul, a distance of about "
                         "400 km.").claims
    assert km.claim.mode == "road" and km.verdict == "consistent"


def test_a_winding_mountain_road_is_never_too_long() -> None:
    # Thimphu-Punakha over the Dochu La: 72-80 km of road for 25 km in a straight line.
    km, _ = check_claims("The 72 km drive from Thimphu to Punakha over the Dochu La pass "
                         "takes around three hours.").claims
    assert km.verdict == "unverifiable" and "mountain roads wind" in km.explanation


def test_a_height_with_its_feature_is_no_distance() -> None:
    claims = check_claims("The colectivo from Arequipa to Chivay covers 160 km in about four "
                          "hours, climbing over a 4,900 m pass.").claims
    assert [c.claim.quantity.surface for c in claims] == ["160 km", "four hours"]


def test_a_town_near_a_border_is_measured_from_its_edge() -> None:
    # Kiryat Shmona's houses reach within about 2 km of the Lebanese border.
    (near,) = check_claims("Kiryat Shmona, 2 km from the Lebanese border, was "
                           "evacuated.").claims
    assert near.verdict == "consistent"


def test_a_flights_distance_is_measured_between_the_large_airports() -> None:
    # Qantas QF9/QF10 Perth-London Heathrow: 14,499 km great circle.
    (nonstop,) = check_claims("The Qantas nonstop flight from Perth to London covers 14,499 "
                              "km.").claims
    assert "PER–LHR" in nonstop.explanation


def test_days_spent_at_a_spot_are_a_stay_and_days_on_the_road_a_trip() -> None:
    claims = check_claims("After four days on the lake we flew from Irkutsk back to Moscow, "
                          "about six hours.").claims
    assert [c.claim.quantity.surface for c in claims] == ["six hours"]
    (road,) = check_claims("After three days on the road we drove from Denver to "
                           "Chicago.").claims
    assert road.claim.mode == "road"


def test_sitarail_times_and_talgo_trains() -> None:
    # Abidjan-Ouagadougou, 1,145 km: Friday 20:00 to Sunday 16:00 (44 h) by Sitarail.
    (days,) = check_claims("Sitarail trains take two days from Abidjan to "
                           "Ouagadougou.").claims
    assert days.verdict == "consistent"
    # Almaty-Astana: about 12 1/2 h by the Talgo.
    (talgo,) = check_claims("The Talgo from Almaty to Astana takes about six hours.").claims
    assert talgo.claim.mode == "rail" and talgo.verdict == "understated"


@pytest.mark.parametrize("text", [
    "Sitarail trains cover the 1 145 km from Abidjan to Ouagadougou.",
    "Qatar Airways flies Boeing 777s from Doha to London.",
])
def test_a_figure_is_not_read_out_of_a_larger_number_or_a_model_name(text: str) -> None:
    for c in check_claims(text).claims:
        assert c.claim.quantity.surface not in ("145 km", "777s")


def test_a_leg_with_only_its_end_goes_on_from_the_leg_before() -> None:
    # El Calafate-El Chaltén: about 215 km of road, 3 hours by bus.
    flight, km, hours = check_claims(
        "From Buenos Aires we flew south to El Calafate, a flight of about three hours and 15 "
        "minutes, and the next day rode the bus to El Chalten, 215 km to the north, in about "
        "three hours.").claims
    assert flight.claim.destination is not None and \
        flight.claim.destination.name == "El Calafate"
    for leg in (km, hours):
        assert leg.claim.origin is not None and leg.claim.origin.name == "El Calafate"
        assert leg.claim.destination is not None and leg.claim.destination.name == "El Chaltén"
    # "or … to Devonport" is another end from the same start: Melbourne-Devonport by the
    # Spirit of Tasmania, about 10-11 hours.
    _, sail = check_claims("Hobart is a one-hour flight from Melbourne, or an overnight "
                           "crossing of about 11 hours on the Spirit of Tasmania to "
                           "Devonport.").claims
    assert sail.claim.origin is not None and sail.claim.origin.name == "Melbourne"
    # with no word of going on, which start is meant is not told
    _, car = check_claims("The ferry from Split to Hvar takes around an hour, while the car "
                          "ferry to Stari Grad takes two hours.").claims
    assert car.claim.origin is None or car.claim.origin.name != "Hvar"


def test_a_word_of_a_mountain_ranges_name_is_no_missile_range() -> None:
    # Port Moresby-Lae: about 55 minutes by air.
    (flight,) = check_claims("Air Niugini's flight from Port Moresby to Lae across the Owen "
                             "Stanley Range takes two hours.").claims
    assert flight.verdict == "overstated"
    assert not check_claims("The missile has a range of 300 km from Pyongyang.").claims


def test_the_way_said_for_a_whole_sentence_or_after_apart_is_the_mode() -> None:
    # Tashkent-Samarkand: about 300-310 km by road; Dhaka-Chattogram about 250 km.
    (road,) = check_claims("By road, Samarkand lies 300-350 km from Tashkent, depending on "
                           "the route.").claims
    assert road.claim.mode == "road" and road.verdict == "consistent"
    (apart,) = check_claims("Dhaka and Chattogram are about 500 km apart by road.").claims
    assert apart.claim.mode == "road" and apart.verdict == "overstated"


@pytest.mark.parametrize("text", [
    # The 2020 Cannonball record: 2,813 miles in 25 h 39 min.
    "In 2020 a team drove from New York to Redondo Beach in 25 hours and 39 minutes, a new "
    "coast-to-coast record.",
    # The SR.N4 hovercraft crossed the Channel in about 35 minutes until 2000.
    "Until 2000, hovercraft carried passengers from Dover to Calais in about 35 minutes.",
])
def test_a_record_or_a_craft_faster_than_modelled_is_never_too_fast(text: str) -> None:
    (fast,) = check_claims(text).claims
    assert fast.verdict == "unverifiable"


def test_a_town_qualified_by_its_state_is_not_doubted_for_a_bigger_namesake() -> None:
    # Paris, Texas lies about 95 miles north-east of Dallas.
    (paris,) = check_claims("Paris, Texas, the seat of Lamar County, lies about 50 miles "
                            "northeast of Dallas.").claims
    assert paris.claim.destination is not None and paris.claim.destination.country == "US"
    assert paris.verdict == "understated"


def test_outside_peak_times_is_no_place_and_the_pony_express_no_train() -> None:
    (drive,) = check_claims("Since the Waikato Expressway opened in full, the drive from "
                            "Hamilton to Auckland takes about an hour and a half outside peak "
                            "times.").claims
    assert drive.claim.origin is not None and drive.claim.origin.name == "Hamilton"
    (pony,) = check_claims("Pony Express riders carried the mail from Omaha to Sacramento in "
                           "about ten days.").claims
    assert pony.claim.mode != "rail"


def test_an_island_states_gateway_is_flown_to_nonstop() -> None:
    # Fiji Airways and Qantas fly Sydney-Nadi nonstop, 3,170 km, in about 4 hours.
    (fiji,) = check_claims("The flight from Sydney to Nadi, Fiji, takes about four "
                           "hours.").claims
    assert fiji.verdict == "consistent" and "one stop" not in fiji.explanation


def test_a_small_namesake_abroad_is_never_sure() -> None:
    # Vík í Mýrdal lies about 165 km south-east of Reykjavík; the gazetteer knows only
    # Norway's Vik (2,899 people).
    (vik,) = check_claims("The black-sand village of Vik lies about 165 km southeast of "
                          "Reykjavik.").claims
    assert vik.verdict == "unverifiable" and "a village of NO" in vik.explanation


def test_no_modelled_flight_reads_a_short_hop_the_text_does_not_fly() -> None:
    # Cambridge-King's Cross: about 48 minutes by the fastest trains; no airline flies
    # Stansted-Heathrow.
    (train,) = check_claims("The Great Northern service from Cambridge reaches London "
                            "King's Cross in about 25 minutes.").claims
    assert train.verdict == "understated" and "flight" not in train.explanation


def test_a_drive_over_a_new_bridge_is_never_too_fast_and_a_floatplane_flies() -> None:
    # The Hong Kong-Zhuhai-Macau bridge (2018) made the drive about 45 minutes.
    *_, drive = check_claims("Before the bridge opened, crossing from Hong Kong to Zhuhai "
                             "took four hours by road or an hour by ferry; now the drive "
                             "takes 45 minutes.").claims
    assert drive.verdict == "unverifiable" and "“bridge”" in drive.explanation
    (plane,) = check_claims("A floatplane from Vancouver harbour to Victoria's Inner Harbour "
                            "takes around 35 minutes.").claims
    assert plane.claim.mode == "air"


def test_a_place_known_by_its_airstrip_is_not_flagged_over_the_strips_offset() -> None:
    # McMurdo Station is known only through its airfield, 12 km south of the station: 37 km
    # to Mount Erebus (true) reads as 50 km from the strip, an offset it may well carry.
    near, = check_claims("Mount Erebus lies about 37 km north of McMurdo Station on Ross "
                         "Island.").claims
    assert near.claim.origin is not None and near.claim.origin.id.startswith("airfield:")
    assert near.verdict == "unverifiable"
    assert "McMurdo Station is placed at its airstrip" in near.explanation
    # A figure no strip's offset explains is still flagged.
    far, = check_claims("Mount Erebus lies about 150 km north of McMurdo Station on Ross "
                        "Island.").claims
    assert far.verdict == "overstated"


def test_the_capital_named_by_a_demonym_is_that_countrys_capital() -> None:
    checked, = check_claims("Barpak lies about 80 km north-west of the Nepali "
                            "capital.").claims
    assert checked.claim.origin is not None and checked.claim.origin.name == "Kathmandu"


def test_a_distance_set_off_after_a_pair_with_a_compass_point_places_the_town() -> None:
    # "…from Bangkok to Hat Yai, about 750 km to the south": where Hat Yai lies (746 km as
    # the crow flies), not the length of the railway (about 945 km)
    text = ("The overnight train from Bangkok to Hat Yai, about 750 km to the south, takes "
            "around 16 hours.")
    distance, hours = check_claims(text).claims
    assert distance.claim.mode == "unspecified" and distance.claim.direction == "S"
    assert distance.verdict == "consistent" and "straight line" in distance.explanation
    assert hours.claim.mode == "rail"
    # … by whatever way: Odesa is 144 km from Kherson as the crow flies, 200 by road
    road, = check_claims("The convoy left Kherson at dawn and reached Odesa, roughly 200 km "
                         "to the west, by early afternoon.").claims
    assert road.verdict == "consistent" and "drive" in road.explanation


def test_a_one_way_crossing_is_not_made_a_round_trip_by_extra_sailings() -> None:
    for text in ("BC Ferries said its Tsawwassen–Swartz Bay route, a 95-minute crossing, "
                 "would run an extra round trip on Friday.",
                 "The Tsawwassen–Swartz Bay crossing takes 95 minutes, and BC Ferries will add "
                 "a round trip on Friday."):
        checked, = check_claims(text).claims
        assert not checked.claim.round_trip, text
        assert checked.verdict == "consistent", text
    # the round trip itself is still both ways
    both, = check_claims("The round trip from Tsawwassen to Swartz Bay takes 95 "
                         "minutes.").claims
    assert both.claim.round_trip and both.verdict == "understated"


def test_a_trip_told_as_going_the_long_way_round_is_never_too_slow() -> None:
    checked, = check_claims("Flights from Seoul to Tokyo take about five hours because they "
                            "must route around a closed airspace.").claims
    assert checked.verdict == "unverifiable"
    assert "the long way round" in checked.explanation
    plain, = check_claims("Flights from Seoul to Tokyo take about five hours.").claims
    assert plain.verdict == "overstated"


def test_a_short_figure_beside_a_bridge_may_be_the_bridges_length() -> None:
    text = ("The Sino-Korean Friendship Bridge carries trains and trucks across the Yalu from "
            "Dandong to Sinuiju, a crossing of just under a kilometre.")
    checked, = check_claims(text).claims
    assert checked.verdict == "unverifiable" and "bridge" in checked.explanation
    # the bridge is not the Korea–Russia Friendship Bridge on the Tumen, 580 km away
    assert not any(m.place.name == "Korea–Russia Friendship Bridge"
                   for m in check_claims(text).places)


def test_a_word_of_limits_before_the_verb_of_the_figure_is_another_phrases() -> None:
    checked, = check_claims("Kaesong, the former royal capital that hosted the joint "
                            "industrial zone, is only about 60 km north-west of "
                            "Seoul.").claims
    assert checked.verdict == "consistent"
    assert check_claims("Officials set an exclusion zone of about 30 km around the "
                        "plant.").claims == ()


def test_a_day_as_the_figure_is_a_duration_not_a_rate() -> None:
    checked, = check_claims("The train from Ulaanbaatar to Irkutsk takes about a "
                            "day.").claims
    assert checked.claim.quantity.si == 86_400 and checked.verdict == "consistent"
    assert check_claims("The pilgrims walked 30 km a day from Leon to Santiago.").claims == ()


def test_a_whole_lines_length_is_not_the_way_between_its_ends() -> None:
    # The Tren Maya's 1,554 km are its whole loop; Cancún–Palenque by the north is 892 km.
    line, = check_claims("The railway will cover 1,554 kilometers in southeast Mexico, from "
                         "Cancún to Palenque.").claims
    assert line.verdict == "unverifiable" and "whole line" in line.explanation
    # a line newer than the old rail layer is in the network (Lagos–Ibadan, 157 km, 2021)
    sgr, = check_claims("The standard-gauge railway from Lagos to Ibadan is 156 km "
                        "long.").claims
    assert sgr.verdict == "consistent" and "rail route" in sgr.explanation


def test_a_town_described_by_its_railway_is_placed_not_travelled_to() -> None:
    checked, = check_claims("Kupiansk, a railway junction about 100 km east of Kharkiv, came "
                            "under shelling.").claims
    assert checked.claim.mode == "unspecified" and checked.verdict == "consistent"


def test_a_chinese_road_number_is_no_train() -> None:
    road, _week = check_claims("The Sichuan–Tibet highway, G318, runs some 2,100 km from "
                               "Chengdu to Lhasa. Most travellers take a week.").claims
    assert road.claim.mode == "road" and road.verdict == "consistent"
    fuxing, = check_claims("The Fuxing service from Beijing South to Shanghai Hongqiao now "
                           "takes only about two hours.").claims
    assert fuxing.claim.mode == "rail" and fuxing.verdict == "understated"


def test_a_distance_from_a_place_to_another_is_a_trip() -> None:
    race, = check_claims("Milan–San Remo covers roughly 290 km from Milan to the Via Roma "
                         "in Sanremo.").claims
    assert race.claim.relation == "from_to" and race.verdict == "consistent"


def test_a_bridge_named_in_the_sentence_before_may_shorten_the_drive() -> None:
    text = ("The Øresund Bridge opened in 2000. Now the drive from Copenhagen to Malmö takes "
            "just 20 minutes.")
    checked, = check_claims(text).claims
    assert checked.verdict == "unverifiable" and "Bridge" in checked.explanation
    # without it, the drive the model knows is far longer: flagged
    plain, = check_claims("Now the drive from Copenhagen to Malmö takes just 20 "
                          "minutes.").claims
    assert plain.verdict == "understated"


def test_a_stop_or_a_saving_is_no_trip() -> None:
    assert check_claims("The Rossiya from Moscow to Vladivostok makes stops as short as two "
                        "minutes.").claims == ()
    assert check_claims("The new tunnel makes the trip from Zurich to Milan half an hour "
                        "quicker.").claims == ()
    # a comparison after a comma keeps the trip's own time
    kept, = check_claims("Goods trains from Mombasa to Nairobi will take only seven hours, "
                         "much faster than trailers.").claims
    assert kept.claim.quantity.si == 7 * 3600


def test_what_travellers_did_on_the_way_is_no_trip() -> None:
    for text in ("We drove from Warsaw to Krakow; the bus broke down for an hour.",
                 "After the night bus from Ankara to Göreme, the balloon flight itself lasted "
                 "an hour.",
                 "From Cape Town we drove to Hermanus and watched whales for an hour."):
        assert check_claims(text).claims == (), text


def test_a_trip_of_long_ago_dated_by_month_is_not_held_to_todays_ways() -> None:
    checked, = check_claims("The railway, completed at Promontory Summit in May 1869, cut "
                            "the journey from New York to San Francisco to about a week by "
                            "train.").claims
    assert checked.verdict == "unverifiable" and "a trip of 1869" in checked.explanation


def test_a_race_course_is_never_too_long() -> None:
    checked, = check_claims("Stage 4 of the Tour de France ran 182 km on rolling roads from "
                            "Dax to Nogaro.").claims
    assert checked.verdict == "unverifiable" and "race's course" in checked.explanation
    # a race's distance that is too short still is
    short, = check_claims("Stage 4 of the Tour de France ran 20 km on rolling roads from "
                          "Dax to Nogaro.").claims
    assert short.verdict == "understated"
    # a political rally is no race
    rally, = check_claims("The president drove from Mexico City to Guadalajara for the rally, "
                          "a 1,100 km trip along the highway.").claims
    assert rally.verdict == "overstated"


def test_non_stop_between_railway_stations_is_no_sure_flight() -> None:
    checked, _time = check_claims("In 1928 the Flying Scotsman began running non-stop between "
                                  "London King's Cross and Edinburgh, 393 miles, in 8 hours "
                                  "15 minutes.").claims
    assert checked.claim.mode == "air" and checked.claim.mode_confidence == "likely"
    assert checked.verdict == "consistent"
