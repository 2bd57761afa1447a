"""Claim checking on the seed story and on small real cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routes.geo.places import Place
from routes.text.claims import check_claims

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
    assert km.estimate.low == pytest.approx(684, abs=2)
    assert km.estimate.high == pytest.approx(713, abs=2)
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
])
def test_verdicts(text: str, surface: str, verdict: str) -> None:
    assert _verdicts(text)[surface][0] == verdict


def test_unverifiable_claims_say_why() -> None:
    report = check_claims("The ferry from Zarubino to Sokcho takes 15 hours.")
    claim = report.claims[0]
    assert claim.verdict == "unverifiable"
    assert "not modelled" in claim.explanation
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
    """Claims found consistent, restated at half and at twice their value, are flagged."""
    import json
    import re

    flagged = total = 0
    for line in DEV.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        for c in check_claims(text).claims:
            q = c.claim.quantity
            number = re.search(r"\d[\d,]*(?:\.\d+)?", q.surface)
            if c.verdict != "consistent" or c.claim.alt_of is not None or number is None:
                continue
            for factor in (0.5, 2.0):
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
    from routes.text.claims import iter_checked

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
