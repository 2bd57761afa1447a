from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

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
    (["compare", "Pyongyang"], 2, "give ORIGIN and DESTINATION"),
    (["compare"], 2, "give ORIGIN and DESTINATION"),
    (["compare", "--alternatives", "x", "A", "B"], 2, "invalid int value"),
    (["compare", "Reykjavik", "Vladivostok", "--mode", "rail"], 3, "from the nearest railway"),
])
def test_bad_input_is_one_line_and_a_non_zero_status(
        capsys: pytest.CaptureFixture[str], argv: list[str], status: int, message: str) -> None:
    if message == "invalid int value":
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

    from routes import facts, settings
    from routes.geo import places
    from routes.network import graph as network

    root = Path(str(tmp_path))
    shutil.copytree(settings.data_folder, root / "data")
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


def test_places_command_formats(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "story.txt"
    path.write_text("The train left Pyongyang for Vladivostok, Russia.", encoding="utf-8")
    status, out, _ = run(capsys, "places", str(path), "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert [p["name"] for p in data["places"]] == ["Pyongyang", "Vladivostok", "Russia"]
    status, out, _ = run(capsys, "places", str(path), "--format", "geojson")
    assert json.loads(out)["features"][0]["geometry"]["type"] == "Point"
    status, out, _ = run(capsys, "places", str(path))
    assert "Vladivostok" in out


def test_places_batch_mode(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    from pathlib import Path

    root = Path(str(tmp_path))
    src = root / "in.jsonl"
    src.write_text('{"id": 1, "text": "From Tumen to Hunchun."}\nnot json\n'
                   '{"id": "b", "text": "Moscow, Idaho"}\n', encoding="utf-8")
    out = root / "out.jsonl"
    status, _, err = run(capsys, "places", "--jsonl", str(src), "--out", str(out))
    assert status == 5  # a line was skipped
    assert "line 2" in err
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == [1, "b"]
    assert lines[1]["places"][0]["country"] == "US"
    before = out.read_bytes()
    status, summary, err = run(capsys, "places", "--jsonl", str(src), "--out", str(out))
    assert status == 5
    assert "2 already there (resumed)" in summary
    assert out.read_bytes() == before  # nothing lost, nothing duplicated
    status, summary, _ = run(capsys, "places", "--jsonl", str(src), "--out", str(out),
                             "--force")
    assert status == 5
    assert "2 documents written" in summary
    assert out.read_bytes() == before


def test_batch_never_touches_an_output_that_is_not_ours(
        capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    from pathlib import Path

    root = Path(str(tmp_path))
    src = root / "in.jsonl"
    src.write_text('{"id": 1, "text": "From Tumen to Hunchun."}\n', encoding="utf-8")
    out = root / "notes.jsonl"
    out.write_text('{"id": 1, "note": "my own notes"}\n', encoding="utf-8")
    before = out.read_bytes()
    status, _, err = run(capsys, "places", "--jsonl", str(src), "--out", str(out))
    assert status == 2
    assert "line 1 is not a 'routes places' result" in err and "--force" in err
    assert out.read_bytes() == before


@pytest.mark.parametrize(("content", "message"), [
    (b"\x00\x01\x02binary\x00", "binary"),
    ("Caf\u00e9 in Montr\u00e9al".encode("latin-1"), "not UTF-8"),
])
def test_places_bad_files(capsys: pytest.CaptureFixture[str], tmp_path: object, content: bytes,
                          message: str) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "f.txt"
    path.write_bytes(content)
    status, _, err = run(capsys, "places", str(path))
    assert status == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_places_reads_utf16_with_bom_and_latin1_when_told(
        capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "f.txt"
    path.write_bytes("Flights to Vladivostok".encode("utf-16"))
    assert "Vladivostok" in run(capsys, "places", str(path))[1]
    path.write_bytes("Caf\u00e9s in Montr\u00e9al".encode("latin-1"))
    assert "Montréal" in run(capsys, "places", str(path), "--encoding", "latin-1")[1]


def test_places_missing_file_and_directory(capsys: pytest.CaptureFixture[str],
                                           tmp_path: object) -> None:
    assert run(capsys, "places", "/nonexistent/story.txt")[0] == 2
    code, _, err = run(capsys, "places", str(tmp_path))
    assert code == 2
    assert "directory" in err


def test_check_command_and_fail_on(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "story.txt"
    path.write_text("A flight from Pyongyang to Vladivostok takes about 90 minutes, but the "
                    "train takes about 10 hours.", encoding="utf-8")
    status, out, _ = run(capsys, "check", str(path), "--format", "json")
    assert status == 0
    data = json.loads(out)
    claim = data["claims"][1]
    assert set(claim) >= {"start", "end", "surface", "kind", "value", "unit", "si_value",
                          "hedge", "origin", "destination", "mode", "verdict", "estimate",
                          "ratio", "explanation"}
    assert claim["verdict"] == "understated"
    assert set(claim["origin"]) >= {"name", "lat", "lon"}
    status, out, _ = run(capsys, "check", str(path), "--fail-on", "understated,overstated")
    assert status == 1
    assert "UNDERSTATED" in out
    status, out, _ = run(capsys, "check", str(path), "--format", "markdown")
    assert out.startswith("| claim |")
    assert out.count("| claim |") == 1
    path.write_text("No figure here.", encoding="utf-8")
    status, out, _ = run(capsys, "check", str(path), "--format", "markdown")
    assert out.count("| claim |") == 1 and out.count("\n") == 2  # an empty table, once
    status, _, err = run(capsys, "check", str(path), "--fail-on", "wrong")
    assert status == 2
    assert "unknown verdict" in err


def test_check_batch(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    from pathlib import Path

    root = Path(str(tmp_path))
    src = root / "in.jsonl"
    src.write_text('{"id": "a", "text": "The train from Khasan to Vladivostok takes six '
                   'hours."}\n{"id": "b"}\n', encoding="utf-8")
    out = root / "out.jsonl"
    status, _, err = run(capsys, "check", "--jsonl", str(src), "--out", str(out))
    assert status == 5  # a line was skipped
    assert "line 2" in err
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert line["id"] == "a"
    assert line["claims"][0]["verdict"] == "consistent"


def test_the_distribution_has_a_name_of_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.metadata as md
    import tomllib
    from pathlib import Path

    # "routes" on PyPI is a URL router that also imports as routes: installing both breaks one.
    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "routes-factcheck"
    assert project["scripts"] == {"routes": "routes.cli:main"}
    assert "routes-factcheck" in md.packages_distributions()["routes"]
    assert main(["--version"]) == 0
    assert "routes-factcheck 0.1.0" in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(("args", "first"), [
    (["Los Angeles", "Las Vegas", "--mode", "road"], "1. Road"),
    (["Dover", "Calais", "--mode", "sea"], "ferry Dover–Calais"),
])
def test_compare_takes_every_mode(capsys: pytest.CaptureFixture[str], args: list[str],
                                  first: str) -> None:
    from routes.cli import main

    assert main(["compare", *args]) == 0
    assert first in capsys.readouterr().out


# Names in any script, and qualified names, through every command (issue 14, items 7 and 8).
# Every text here was written for these tests.

@pytest.mark.parametrize(("origin", "destination", "names"), [
    ("Пхеньян", "Владивосток", ("Pyongyang", "Vladivostok")),
    ("平壤", "上海", ("Pyongyang", "Shanghai")),
    ("Иркутск", "Москва", ("Irkutsk", "Moscow")),
    ("Moscow, Idaho", "Boise", ("Moscow", "Boise")),
])
def test_compare_takes_names_in_any_script_and_qualified_names(
        capsys: pytest.CaptureFixture[str], origin: str, destination: str,
        names: tuple[str, str]) -> None:
    status, out, err = run(capsys, "compare", origin, destination, "--alternatives", "1",
                           "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    assert (data["origin"]["name"], data["destination"]["name"]) == names
    if origin == "Moscow, Idaho":
        assert data["origin"]["country"] == "US" and data["origin"]["lon"] < -100


def test_places_and_check_find_russian_and_chinese_names(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    russian = tmp_path / "ru.txt"
    russian.write_text("Поезд из Москвы во Владивосток идёт около шести дней.\n",
                       encoding="utf-8")
    status, out, _ = run(capsys, "places", str(russian), "--format", "json")
    assert status == 0
    found = [(p["text"], p["name"]) for p in json.loads(out)["places"]]
    assert found == [("Москвы", "Moscow"), ("Владивосток", "Vladivostok")]
    status, out, _ = run(capsys, "check", str(russian), "--format", "json")
    assert status == 0
    assert [p["name"] for p in json.loads(out)["places"]] == ["Moscow", "Vladivostok"]
    mixed = tmp_path / "mixed.txt"
    mixed.write_text("The train from Пхеньян to Владивосток takes about 10 hours, and a "
                     "flight from 平壤 to 上海 takes two hours.\n", encoding="utf-8")
    status, out, _ = run(capsys, "check", str(mixed))
    assert status == 0
    assert 'UNDERSTATED   "10 hours" [duration, rail] Pyongyang → Vladivostok' in out
    assert 'CONSISTENT    "two hours" [duration, air] Pyongyang → Shanghai' in out


def test_compare_prints_vias_out_of_order(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", "Moscow", "Vladivostok", "--via", "Irkutsk",
                         "--via", "Novosibirsk", "--mode", "rail", "--alternatives", "1")
    assert status == 0
    assert "\nnote: the places to pass seem out of order: Moscow → Irkutsk → Novosibirsk" in out
    assert "   note: doubles back: passes Novosibirsk" in out


def _leaflet_installed() -> bool:
    from routes import settings

    return (settings.assets_folder / "leaflet" / "dist" / "leaflet.js").exists()


def test_map_is_offline_by_default_and_cdn_is_the_small_page(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    if not _leaflet_installed():
        pytest.skip("Leaflet assets not installed: run 'make assets'")
    base = ["map", "--from", "Khasan", "--to", "Vladivostok"]
    status, out, _ = run(capsys, *base, "-o", str(tmp_path / "offline.html"))
    assert status == 0 and out.endswith("offline.html\n")
    offline = (tmp_path / "offline.html").read_text(encoding="utf-8")
    assert "data:text/javascript;base64," in offline
    assert not re.search(r"""src\s*=\s*["']https?://""", offline)
    # --self-contained, the old way to ask for it, is still accepted and gives the same page.
    assert run(capsys, *base, "--self-contained", "-o", str(tmp_path / "old.html"))[0] == 0
    assert (tmp_path / "old.html").read_text(encoding="utf-8") == offline
    assert run(capsys, *base, "--cdn", "-o", str(tmp_path / "cdn.html"))[0] == 0
    cdn = (tmp_path / "cdn.html").read_text(encoding="utf-8")
    assert re.search(r"""src\s*=\s*["']https://[^"']*leaflet""", cdn)
    assert len(cdn) < len(offline) - 250_000  # Leaflet, jQuery and leaflet-measure
    with pytest.raises(SystemExit) as usage:
        main([*base, "--cdn", "--self-contained", "-o", str(tmp_path / "both.html")])
    assert usage.value.code == 2 and "not allowed with" in capsys.readouterr().err


def test_map_without_leaflet_says_how_to_fix_it_and_writes_nothing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from routes import settings

    monkeypatch.setattr(settings, "assets_folder", tmp_path / "nothing")
    out = tmp_path / "map.html"
    for extra in ([], ["--self-contained"], ["-o", "-"]):
        argv = ["map", "--from", "Khasan", "--to", "Vladivostok", "-o", str(out), *extra]
        status, stdout, err = run(capsys, *argv)
        assert status == 2
        assert stdout == ""
        assert err.count("\n") == 1
        assert "run 'make assets', or use --cdn" in err
        assert not out.exists()
    assert run(capsys, "map", "--from", "Khasan", "--to", "Vladivostok", "--cdn",
               "-o", str(out))[0] == 0
