"""Scenario files: loading, checking, comparing, sensitivity."""

from __future__ import annotations

from pathlib import Path

import pytest

from routes import settings
from routes.cli import main
from routes.errors import InputError
from routes.scenarios import compare, load_scenario, scenario_files, sensitivity

SCENARIOS = settings.data_folder / "scenarios"


def test_the_seed_scenarios_ship() -> None:
    names = {p.stem for p in scenario_files()}
    assert {"direct_rail", "tumen_hunchun_detour", "dandong_china", "flight", "leader_fast",
            "leader_slow"} <= names


def test_direct_rail_and_flight_figures() -> None:
    result = compare([SCENARIOS / "direct_rail.toml", SCENARIOS / "flight.toml"])
    rail, flight = result.summary.to_dict(orient="records")
    assert rail["duration_h_low"] <= 43
    assert rail["duration_h_high"] >= 26
    assert flight["duration_h_central"] == pytest.approx(1.5)
    assert set(result.legs["scenario"]) == {rail["scenario"], flight["scenario"]}
    assert result.legs["dwell"].any()


def test_overrides_change_the_estimate() -> None:
    fast = compare([SCENARIOS / "leader_fast.toml"]).summary.iloc[0]
    slow = compare([SCENARIOS / "leader_slow.toml"]).summary.iloc[0]
    assert fast["duration_h_central"] < 32 < 45 < slow["duration_h_central"]


def test_sensitivity_moves_the_total() -> None:
    base = load_scenario(SCENARIOS / "direct_rail.toml")
    table = sensitivity(base, speed="kp_mainline", values=[22.0, 31.0])
    slow, fast = table["duration_h_central"]
    assert slow > fast + 5


@pytest.mark.parametrize(("body", "message"), [
    ('name = "x"\norigin = "Pyongyang"\ndestination = "Vladivostok"\nspeeed = 1\n',
     "unknown key 'speeed'; allowed:"),
    ('name = "x"\norigin = "Pyongyang"\ndestination = "Vladivostok"\n'
     "[speed.kp_mainline]\nkmh = [-1, 2, 3]\n", "speed.kp_mainline.kmh must be positive"),
    ('name = "x"\norigin = "Atlantiz"\ndestination = "Vladivostok"\n', "'origin': unknown place"),
    ('name = "x"\norigin = "Pyongyang"\ndestination = "Vladivostok"\n'
     "[speed.warp]\nkmh = [1, 2, 3]\n", "unknown speed class 'warp'; allowed:"),
])
def test_bad_scenario_files(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_scenario(path)
    assert str(info.value).startswith("bad.toml:")


def test_compare_scenarios_command(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["compare", "--scenario", str(SCENARIOS / "direct_rail.toml"),
                   "--scenario", str(SCENARIOS / "flight.toml")])
    out = capsys.readouterr().out
    assert status == 0
    assert "Direct rail via Tumangang and Khasan" in out
    assert "Flight Sunan–Vladivostok" in out


def test_markdown_comparison_shows_hostile_names_as_text(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text('name = "<script>alert(1)</script> | two"\norigin = "Pyongyang"\n'
                    'destination = "Vladivostok"\nmode = "rail"\n', encoding="utf-8")
    assert main(["compare", "--scenario", str(path), "--format", "markdown"]) == 0
    row = capsys.readouterr().out.splitlines()[2]
    assert row.startswith("| &lt;script&gt;alert(1)&lt;/script&gt; \\| two | ")
    assert "<script>" not in row
