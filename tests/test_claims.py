"""Claim checking on the seed story and on small real cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routes.claims import check_claims

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
