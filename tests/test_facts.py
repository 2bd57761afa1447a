from __future__ import annotations

from pathlib import Path

import pytest

from routes import DataError
from routes.facts import load_facts, read_facts
from routes.geo.places import load_places


def test_every_record_cites_known_sources_with_urls() -> None:
    facts = load_facts()
    assert facts.sources
    for source in facts.sources.values():
        assert source.url.startswith("http"), source.key
    for section in facts.sections:
        assert all(k in facts.sources for k in section.sources)
    for speed in facts.speeds.values():
        assert speed.evidence, speed.id
        assert speed.kmh.low < speed.kmh.high


def test_sections_and_lines_name_curated_places() -> None:
    facts = load_facts()
    places = load_places()
    for section in facts.sections:
        for pid in (section.start, section.end, *section.via):
            assert pid.startswith("border:") or pid in places, (section.id, pid)


def test_official_pyongyang_tumangang_length_is_855_km() -> None:
    facts = load_facts()
    parts = [s for s in facts.sections
             if s.id in {"pyongyang-kowon", "kowon-rajin", "rajin-tumangang"}]
    assert sum(s.km.central for s in parts) == pytest.approx(855, abs=0.5)
    assert sum(s.km.low for s in parts) == pytest.approx(830, abs=5)
    assert sum(s.km.high for s in parts) == pytest.approx(871, abs=1)


@pytest.mark.parametrize(("old", "new", "message"), [
    ('kmh = [22.0, 26.0, 31.0]', 'kmh = [22.0, 36.0, 31.0]', "speed 'kp_mainline'.*out of order"),
    ('sources = ["kowon_ja"]', 'sources = ["nowhere"]',
     "section 'pyongyang-kowon'.*unknown source"),
    ('schema = 1', 'schema = 7', "unsupported schema"),
    ('[dwell.formalities]', '[dwell.other]', "dwell 'formalities' is required"),
])
def test_a_malformed_facts_file_names_the_record(tmp_path: Path, old: str, new: str,
                                                 message: str) -> None:
    text = load_facts().path.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "facts.toml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError, match=message):
        read_facts(bad)


def test_a_file_that_is_not_toml_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "facts.toml"
    bad.write_text("this is = = not toml", encoding="utf-8")
    with pytest.raises(DataError, match="not valid TOML"):
        read_facts(bad)


@pytest.mark.parametrize(("old", "new", "message"), [
    ('lines = ["hs1-london-lille", "lgv-nord-paris-lille"]',
     'lines = ["hs1-london-lille", "nowhere"]', "unknown: nowhere"),
    ('to = "Paris Gare du Nord"', 'to = "Gare de Lyon"', "does not join"),
])
def test_a_through_service_must_run_on_its_lines(tmp_path: Path, old: str, new: str,
                                                 message: str) -> None:
    with pytest.raises(DataError, match=message):
        read_facts(_facts_with(tmp_path, "high_speed.toml", old, new))


def _facts_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of facts.toml and the rail tables, with ``old`` made ``new`` in ``rail/name``."""
    facts = load_facts()
    (tmp_path / "rail").mkdir()
    for path in (facts.path.parent / "rail").glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        if path.name == name:
            assert old in text
            text = text.replace(old, new, 1)
        (tmp_path / "rail" / path.name).write_text(text, encoding="utf-8")
    copy = tmp_path / "facts.toml"
    copy.write_text(facts.path.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def test_a_gauge_region_needs_a_box_the_right_way_round(tmp_path: Path) -> None:
    bad = _facts_with(tmp_path, "gauges.toml", "box = [-8.2, 54.0, -5.4, 55.4]",
                      "box = [-5.4, 54.0, -8.2, 55.4]")
    with pytest.raises(DataError, match="region 1: box must be"):
        read_facts(bad)


def test_a_line_known_only_by_its_common_trains_is_timed_by_them() -> None:
    # Acela Boston–New York: "3.5 to 4 hours", no fastest train found. Its speeds come from
    # those times, not from its top speed (which gave 2.5 h, faster than any train).
    facts = load_facts()
    line = next(x for x in facts.high_speed if x.id == "acela-boston-new-york")
    assert line.fastest_h is None and line.typical_h == (3.5, 4.0)
    speed = facts.speeds[line.speed]
    km = float(speed.evidence[0].split(" km")[0].replace(",", ""))
    assert km / speed.kmh.high == pytest.approx(3.5, rel=1e-3)
    assert km / speed.kmh.low == pytest.approx(4.0, rel=1e-3)
    assert any("quickest common train" in e for e in speed.evidence)
