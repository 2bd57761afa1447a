"""Tables and Markdown: a header on every table, ranges printed one way."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from routes.cli import main
from routes.estimate import Estimate, format_duration, format_range, format_span
from routes.io.export import format_claims, format_claims_markdown

DATA = Path(__file__).resolve().parents[1] / "data"

#: "a (b–c)" and "a (b – c)": a central value with its range.
RANGE = re.compile(r"\(([^()]+?) ?– ?([^()]+?)\)")


def _ranges(text: str) -> list[tuple[str, str]]:
    return RANGE.findall(text)


def test_the_places_table_has_a_header_row(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The train left Pyongyang for Vladivostok, Russia.", encoding="utf-8")
    assert main(["places", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["start-end", "text", "place", "country", "kind", "lat", "lon",
                                "confidence"]
    assert [line.split()[1] for line in lines[1:]] == ["Pyongyang", "Vladivostok", "Russia"]
    # the header names the columns it stands over
    assert lines[0].index("country") == lines[1].index("KP")
    assert lines[0].index("confidence") == lines[1].rindex(" ") + 1


def test_a_zero_width_range_prints_one_value() -> None:
    assert format_range(Estimate(713.0, 713.2, 713.4), unit="km") == "713 km"
    assert format_range(Estimate(1.0, 1.0, 1.0), "{:.1f}", "h") == "1.0 h"
    assert format_duration(Estimate(1.5, 1.5, 1.5)) == "1 h 30"
    assert format_span(Estimate(344.1, 344.1, 344.1), "{:,.1f}", "km") == "344.1 km"


def test_a_range_writes_its_unit_once_in_one_style() -> None:
    assert format_span(Estimate(3.2, 3.7, 4.3), "{:,.1f}", "day") == "3.2–4.3 days (central 3.7)"
    assert format_range(Estimate(3.2, 3.7, 4.3), "{:.1f}", "day") == "3.7 (3.2–4.3) days"
    assert format_span(Estimate(1.0, 1.0, 1.0), "{:,.0f}", "day") == "1 day"
    assert format_duration(Estimate(38.2, 43.87, 50.2)) == "1 d 19 h 52 (1 d 14 h 12 – 2 d 02 h 12)"


def test_compare_tables_have_no_zero_width_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "Pyongyang", "Vladivostok"]) == 0
    out = capsys.readouterr().out
    ranges = _ranges(out)
    assert ranges, "the table shows ranges"
    assert all(low != high for low, high in ranges), [r for r in ranges if r[0] == r[1]]
    assert re.search(r"air +Pyongyang Sunan .*\(VVO\): 713 km, ", out)  # was 713 (713–713) km


def test_scenario_markdown_has_no_zero_width_range(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(DATA / "scenarios" / name) for name in ("direct_rail.toml", "flight.toml")]
    assert main(["compare", *(x for f in files for x in ("--scenario", f)), "--format",
                 "markdown"]) == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    times = [row.split(" | ")[3] for row in rows]
    assert all(re.fullmatch(r"[\d.]+( \([\d.]+–[\d.]+\))? h", t) for t in times), times
    assert all(low != high for t in times for low, high in _ranges(t))


def _claim(low: float, central: float, high: float, unit: str) -> SimpleNamespace:
    quantity = SimpleNamespace(surface="a week", kind="duration")
    claim = SimpleNamespace(quantity=quantity, mode="rail", origin=None, destination=None,
                            places_confidence="sure", mode_confidence="sure")
    return SimpleNamespace(claim=claim, verdict="consistent", unit=unit, ratio=1.0,
                           estimate=Estimate(low, central, high), explanation="why")


@pytest.mark.parametrize("formatter", [format_claims, format_claims_markdown])
def test_claim_tables_print_ranges_one_way(formatter: object) -> None:
    report = SimpleNamespace(claims=[_claim(344.1, 344.1, 344.1, "km"),
                                     _claim(3.2, 3.7, 4.3, "day")])
    out = formatter(report)  # type: ignore[operator]
    assert "344.1 km" in out and "344.1–344.1" not in out
    assert "3.2–4.3 days (central 3.7)" in out and "day–" not in out
