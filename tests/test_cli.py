from __future__ import annotations

import json
import subprocess
import sys

import pytest

from routes.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_compare_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", "Pyongyang", "Vladivostok", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert set(data["origin"]) >= {"name", "lat", "lon"}
    option = data["options"][0]
    assert set(option) >= {"label", "modes", "via", "distance_km", "duration_h",
                           "border_crossings", "gauge_changes", "notes", "legs"}
    assert set(option["distance_km"]) == {"low", "central", "high"}
    leg = option["legs"][0]
    assert set(leg) >= {"mode", "from", "to", "distance_km", "duration_h", "countries", "notes"}
    assert "Tumangang station" in option["via"] and "Khasan station" in option["via"]
    assert "© OpenStreetMap contributors" in data["attribution"]


def test_compare_table_csv_geojson(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", "Khasan", "Vladivostok")
    assert status == 0 and "Rail" in out and "Khasan station" in out
    status, out, _ = run(capsys, "compare", "Khasan", "Vladivostok", "--format", "csv")
    header = out.splitlines()[0].split(",")
    assert header[:6] == ["option", "label", "leg", "mode", "from", "to"]
    status, out, _ = run(capsys, "compare", "Pyongyang", "Vladivostok", "--format", "geojson",
                         "--mode", "air")
    data = json.loads(out)
    air = next(f for f in data["features"] if f["properties"]["mode"] == "air")
    assert air["geometry"]["type"] == "LineString"
    assert len(air["geometry"]["coordinates"]) > 10  # a geodesic arc, not a straight line


@pytest.mark.parametrize(("argv", "status", "message"), [
    (["compare", "Pyongyong", "Vladivostok"], 2, "did you mean 'Pyongyang'"),
    (["compare", "Pyongyang", "Pyongyang"], 2, "same place"),
    (["compare", "Pyongyang", "Vladivostok", "--avoid", "RU"], 3, "no route"),
    (["compare", "Pyongyang", "Vladivostok", "--via", "Tumen", "--avoid", "CN"], 2, "avoided"),
    (["compare", "Pyongyang", "Vladivostok", "--alternatives", "0"], 2, "between 1 and 10"),
    (["compare", "Pyongyang"], 2, "required"),
    (["compare", "Atlantis", "Vladivostok"], 3, "from the nearest railway"),
])
def test_bad_input_is_one_line_and_a_non_zero_status(
        capsys: pytest.CaptureFixture[str], argv: list[str], status: int, message: str) -> None:
    if status == 2 and message == "required":
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        err = capsys.readouterr().err
    else:
        code, _, err = run(capsys, *argv)
        assert code == status
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_the_installed_command_prints_no_traceback() -> None:
    proc = subprocess.run([sys.executable, "-m", "routes", "compare", "Qzxqzx", "Vladivostok"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("routes: error: unknown place 'Qzxqzx'")
    assert "Traceback" not in proc.stderr


def test_malformed_data_file_is_reported(tmp_path: object, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import shutil
    from pathlib import Path

    from routes import facts, network, places, settings

    root = Path(str(tmp_path))
    shutil.copytree(settings.data_folder, root / "data", ignore=shutil.ignore_patterns("raw"))
    (root / "data" / "network" / "rail.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(settings, "data_folder", root / "data")
    for mod in (facts, network, places):
        for name in ("_load",):
            getattr(mod, name).cache_clear()
    try:
        code, _, err = run(capsys, "compare", "Khasan", "Vladivostok")
    finally:
        for mod in (facts, network, places):
            mod._load.cache_clear()
    assert code == 4
    assert "rail.json: not valid JSON" in err
