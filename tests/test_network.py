from __future__ import annotations

import hashlib
import json
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest

from routes import load_network, settings
from routes.geo.places import load_places
from routes.network.build import RAW_FILES, build_fingerprint


def test_every_curated_station_is_on_the_network() -> None:
    net = load_network()
    for place in load_places().values():
        if place.kind in {"station", "border_post"}:
            assert net.node_of_place(place.id) is not None, place.id


def test_the_named_crossings_are_border_nodes_between_the_right_countries() -> None:
    net = load_network()
    expected = {
        "border:tumangang_khasan": ("KP", "RU"),
        "border:sinuiju_dandong": ("CN", "KP"),
        "border:namyang_tumen": ("CN", "KP"),
        "border:hunchun_makhalino": ("CN", "RU"),
    }
    for node_id, countries in expected.items():
        assert net.node(node_id).countries == countries


def test_pyongyang_reaches_moscow_and_beijing() -> None:
    net = load_network()
    for target in ("moscow_yaroslavsky", "beijing_station", "vladivostok_station"):
        assert nx.has_path(net.graph, "pyongyang_station", target)


def test_nodes_carry_iana_time_zones() -> None:
    net = load_network()
    assert net.node("pyongyang_station").tz == "Asia/Pyongyang"
    assert net.node("tumen_station").tz == "Asia/Shanghai"
    assert net.node("vladivostok_station").tz == "Asia/Vladivostok"
    from routes.geo.airports import load_airports

    assert load_airports()["FNJ"].tz == "Asia/Pyongyang"


def test_official_sections_measure_their_official_length() -> None:
    net = load_network()
    path = nx.shortest_path(net.graph, "khasan_station", "vladivostok_station", weight="km")
    total = sum(net.edge_distance(u, v).central for u, v in pairwise(path))
    assert total == pytest.approx(29 + 12 + 197 + 89, abs=0.5)


def test_track_lengths_are_geodesic() -> None:
    net = load_network()
    u, v = "kamyshovaya_station", "makhalino_station"
    path = nx.shortest_path(net.graph, u, v, weight="km")
    coords = net.path_geometry(tuple(path))
    from routes.geo.geodesy import path_length_km
    measured = sum(net.edge(a, b).km for a, b in pairwise(path))
    assert measured == pytest.approx(path_length_km(coords), rel=1e-3)


def test_the_committed_network_was_built_from_the_current_inputs() -> None:
    data = json.loads((settings.data_folder / "network" / "rail.json").read_text("utf-8"))
    raw = settings.data_folder / "raw"
    for name, fname in RAW_FILES.items():
        assert data["inputs"][name] == hashlib.sha256((raw / fname).read_bytes()).hexdigest()
    digest = hashlib.sha256((settings.data_folder / "places.csv").read_bytes()).hexdigest()
    assert data["inputs"]["places.csv"] == digest, "places.csv changed: run 'routes build-network'"
    assert data["inputs"]["facts.toml (build tables)"] == build_fingerprint(
        settings.data_folder / "facts.toml"), "facts.toml changed: run 'routes build-network'"
    for name in ("speeds.toml", "high_speed.toml"):
        path = settings.data_folder / "rail" / name
        assert data["inputs"][f"rail/{name}"] == hashlib.sha256(path.read_bytes()).hexdigest(), (
            f"rail/{name} changed: run 'routes build-network'")


def test_rebuilding_gives_the_same_bytes(tmp_path: Path) -> None:
    pytest.importorskip("timezonefinder")
    from routes.network.build import build_network

    build_network(settings.data_folder, out_folder=tmp_path)
    for fname in ("rail.json", "rail.npz", "airports.csv"):
        committed = (settings.data_folder / "network" / fname).read_bytes()
        assert (tmp_path / fname).read_bytes() == committed, fname
