"""The world rail calibration's inputs: the measured world sinuosity factor."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from routes import DataError, load_network
from routes.facts import load_facts, read_facts

_SCRIPT = Path(__file__).parent.parent / "scripts" / "measure_world_sinuosity.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("measure_world_sinuosity", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_countries_without_sections_take_the_measured_world_factor() -> None:
    net = load_network()
    world = net.facts.sinuosity_world
    assert world is not None
    assert world.sources == ("trainrouter_atlas",)
    assert "github.com/Flightmussy/trainrouter-atlas" in net.facts.sources[
        "trainrouter_atlas"].url
    assert world.factor.low >= net.facts.sinuosity_floor
    assert net.sinuosity["*"] == world.factor
    expected = (world.factor.low, world.factor.central, world.factor.high)
    outside = [e for e in net.edges() if e.factor_source == "sinuosity:*"]
    assert len(outside) > 1000
    assert all(e.factor == pytest.approx(expected, abs=1e-6) for e in outside)
    # Countries with official sections keep the factor derived from them.
    assert net.sinuosity["KP"] != world.factor
    assert net.sinuosity["RU"] != world.factor


def test_a_world_factor_under_the_floor_is_a_data_error(tmp_path: Path) -> None:
    text = load_facts().path.read_text(encoding="utf-8")
    old = "factor = [1.0, 1.028, 1.143]"
    assert old in text
    bad = tmp_path / "facts.toml"
    bad.write_text(text.replace(old, "factor = [0.92, 1.028, 1.143]", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"sinuosity\.world.*under the floor"):
        read_facts(bad)


def _table(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "from", "to", "category", "distance_km"])
        for i, (a, b, category, km) in enumerate(rows):
            out.writerow([f"r{i}", a, b, category, km])


def test_the_measurement_script_leaves_out_calibration_pairs_and_other_routes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "routes.csv"
    _table(table, [
        ("Lisbon", "Porto", "classic", "336"),
        ("Athens", "Thessaloniki", "classic", "502"),
        ("Dublin", "Cork", "classic", "266"),
        ("Warsaw", "Gdańsk", "classic", "328"),
        ("Algiers", "Oran", "classic", "421"),
        ("Helsinki", "Rovaniemi", "night", "9000"),  # another route: ratio far over 1.5
        ("Oslo", "Bergen", "scenic", "496"),  # not a regular train
        ("Saigon", "Hanoi", "night", "1726"),  # a calibration trip under other names
        ("Paris", "Marseille", "high-speed", "750"),  # on high-speed lines of official length
        ("Moscow", "Saint Petersburg", "classic", "650"),  # Russia has its own factor
    ])
    assert _script().main([str(table)]) == 0
    out = capsys.readouterr().out
    assert "6 routes on measured track, 1 left out as another route" in out
    assert "5 measured" in out
    median = float(out.split("median ")[1].split(",")[0])
    assert 0.95 < median < 1.1


def test_the_world_factor_rests_on_the_script_and_its_table() -> None:
    doc = _script().__doc__ or ""
    assert "github.com/Flightmussy/trainrouter-atlas" in doc
    assert "7935893" in doc
    sources = (Path(__file__).parent.parent / "data" / "SOURCES.md").read_text("utf-8")
    assert "measure_world_sinuosity.py" in sources
    assert "7935893" in sources


def test_kazakhstan_speeds_are_computed_on_talgos_1350_km() -> None:
    kz = load_facts().speeds["country:KZ"]
    assert "https://www.talgo.com/en/projects/kazakhstan/passenger-cars/" in kz.sources
    text = " ".join(kz.evidence)
    assert "about 1,200 km:" not in text  # a length none of the sources gives
    km = 1350.0
    for hours, kmh in ((12.5, 108), (12 + 22 / 60, 109), (21.0, 64), (18.0, 75), (16.0, 84)):
        assert round(km / hours) == kmh
        assert f"{kmh} km/h" in text or f"-{kmh} km/h" in text, kmh
    # The fastest timetable (12 h 22 in 2011) is the high end of the range.
    assert kz.kmh.high == round(km / (12 + 22 / 60))
    assert kz.kmh.low <= km / 18 <= kz.kmh.central <= km / 16
