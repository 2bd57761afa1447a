"""Estimates against real trips (data/calibration.toml)."""

from __future__ import annotations

import pytest

from routes.calibration import MAX_WIDTH, check_calibration, read_calibration

_RESULTS = {r.trip.id: r for r in check_calibration()}


@pytest.mark.parametrize("trip_id", sorted(_RESULTS))
def test_real_trip_lies_within_a_range_no_wider_than_25_percent(trip_id: str) -> None:
    result = _RESULTS[trip_id]
    assert result.width <= MAX_WIDTH + 1e-9, result.estimate_text
    assert result.ok, f"{result.real_text} vs {result.estimate_text}: {result.problem}"


def test_calibration_file_lists_the_trips_of_the_research_notes() -> None:
    ids = {t.id for t in read_calibration()}
    assert {"khasan-vladivostok-2019", "pyongyang-khasan-2023", "tumangang-pyongyang-2008",
            "pyongyang-chongjin-2019", "pyongyang-sinuiju-2019", "moscow-vladivostok-km"} <= ids


@pytest.mark.parametrize("mode", ["rail", "road", "air", "sea"])
def test_four_in_five_real_trips_worldwide_lie_in_each_mode_s_range(mode: str) -> None:
    # data/calibration_world.toml: timetables, block times, drives and crossings on every
    # continent; a trip is in range when the middle of its real range lies inside
    from routes.calibration import summarise, world_path

    (summary,) = [s for s in summarise(check_calibration(world_path())) if s.mode == mode]
    assert summary.answered == summary.trips
    assert summary.in_range / summary.trips >= 0.8, f"{summary.in_range}/{summary.trips}"
