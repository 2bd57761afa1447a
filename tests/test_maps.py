"""Maps: what is drawn, determinism, escaping and files."""

from __future__ import annotations

import itertools
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from routes import settings
from routes.errors import InputError
from routes.io.maps import read_story, render_map, write_map

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "kim-vladivostok.txt"


@pytest.fixture(scope="module")
def assets() -> None:
    """Leaflet from the npm registry (make assets): skipped without it, except in CI."""
    if not (settings.assets_folder / "leaflet" / "dist" / "leaflet.js").exists():
        reason = "Leaflet assets not installed: run 'make assets'"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def story_html() -> str:
    story = read_story(EXAMPLE.read_text(encoding="utf-8"))
    return str(render_map(story, self_contained=False).get_root().render())


def test_map_shows_direct_rail_detour_flight_legend_and_claims(story_html: str) -> None:
    assert "Rail via Tumangang–Khasan" in story_html
    assert "Namyang–Tumen" in story_html  # the detour the story names
    assert "Flight" in story_html
    assert 'id="routes-legend"' in story_html
    assert 'id="routes-claims"' in story_html
    assert "understated" in story_html
    assert "© OpenStreetMap contributors" in story_html


def test_two_renders_are_byte_identical(assets: None) -> None:
    story = read_story(EXAMPLE.read_text(encoding="utf-8"))
    first = render_map(story).get_root().render()
    assert render_map(story).get_root().render() == first


def test_hostile_text_is_escaped() -> None:
    text = ('<script>alert(1)</script> The train from Khasan to Vladivostok "takes" '
            "<img src=x onerror=alert(2)> about six hours. '); alert(3); // `${alert(4)}` \\`")
    page = render_map(read_story(text), self_contained=False).get_root().render()
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x onerror" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "\\u003cscript" in page
    assert "${alert(4)}" not in page


def test_a_trip_without_text() -> None:
    story = read_story(origin="Khasan", destination="Vladivostok", alternatives=1)
    assert story.options is not None
    assert story.claims is None
    assert "Khasan" in render_map(story, self_contained=False).get_root().render()


def test_write_map_never_overwrites_without_force(tmp_path: Path) -> None:
    story = read_story(origin="Khasan", destination="Vladivostok", alternatives=1)
    out = write_map(story, tmp_path / "map.html", self_contained=False)
    before = out.read_bytes()
    with pytest.raises(InputError, match="--force"):
        write_map(story, out, self_contained=False)
    assert out.read_bytes() == before
    write_map(story, out, force=True, self_contained=False)
    with pytest.raises(InputError, match="does not exist"):
        write_map(story, tmp_path / "missing" / "map.html", self_contained=False)


def test_no_trip_no_text_is_an_error() -> None:
    with pytest.raises(InputError, match="give a text"):
        read_story()


_URL = re.compile(r"""(?:src|href)\s*=\s*["']https?://""")


def test_the_default_map_is_self_contained_and_makes_no_request(assets: None) -> None:
    story = read_story(EXAMPLE.read_text(encoding="utf-8"))
    page = render_map(story).get_root().render()
    assert not _URL.findall(page)
    assert "data:text/javascript;base64," in page
    assert page == render_map(story, self_contained=True).get_root().render()
    assert len(page.encode("utf-8")) <= 3_000_000


def test_a_cdn_map_is_smaller_and_loads_leaflet_from_the_internet() -> None:
    story = read_story(origin="Khasan", destination="Vladivostok", alternatives=1)
    page = render_map(story, self_contained=False).get_root().render()
    assert _URL.findall(page)
    assert "leaflet.js" in page
    assert not re.findall(r'<script src="data:[^"]{200,}"', page)  # nothing big inlined


def test_a_map_without_assets_is_a_clear_error(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    from routes import settings

    monkeypatch.setattr(settings, "assets_folder", tmp_path)
    story = read_story(origin="Khasan", destination="Vladivostok", alternatives=1)
    with pytest.raises(InputError, match=r"run 'make assets', or use --cdn"):
        render_map(story)
    with pytest.raises(InputError, match="make assets"):
        write_map(story, tmp_path / "map.html")
    assert not (tmp_path / "map.html").exists()
    render_map(story, self_contained=False)  # the CDN page needs no assets


SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "kim-putin-2019-article.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the project")
def test_seed_article_map(tmp_path: Path) -> None:
    from routes.cli import main

    out = tmp_path / "seed.html"
    args = ["map", str(SEED), "-o", str(out)]
    if not (settings.assets_folder / "leaflet" / "dist" / "leaflet.js").exists():
        args.append("--cdn")
    assert main(args) == 0
    page = out.read_text(encoding="utf-8")
    assert "Rail via Tumangang–Khasan" in page
    assert "Namyang–Tumen" in page
    assert "Flight" in page
    assert 'id="routes-legend"' in page
    assert 'id="routes-claims"' in page
    assert out.stat().st_size <= 3_000_000


# The basemap: one world layer, Natural Earth 1:50m (routes.io.basemap).
# Sea that the old 1:110m world layer painted as land (well away from the 1:10m coast).
JAPAN_SEA = {"Sagami Bay": (35.15, 139.40), "Suruga Bay": (34.90, 138.60),
             "Osaka Bay": (34.50, 135.30), "Wakasa Bay": (35.70, 135.80),
             "Uchiura Bay": (42.35, 140.60), "Ariake Sea": (33.00, 130.30)}
PAIRS = [("Paris", "Berlin"), ("Delhi", "Mumbai"), ("Los Angeles", "Las Vegas"),
         ("Dover", "Calais"), ("Seoul", "Busan")]


@pytest.fixture(scope="module")
def land() -> Any:
    import shapely

    from routes.io.basemap import load_basemap

    return shapely.from_geojson(load_basemap()["land"])


def test_the_basemap_is_rebuilt_byte_for_byte_from_natural_earth() -> None:
    import gzip
    import hashlib

    from routes.io.basemap import BASEMAP, COUNTRIES, build_basemap

    committed = (settings.data_folder / BASEMAP).read_bytes()
    assert build_basemap(settings.data_folder / COUNTRIES) == committed
    source = json.loads(gzip.decompress(committed))["source"]
    raw = (settings.data_folder / COUNTRIES).read_bytes()
    assert source["sha256"] == hashlib.sha256(raw).hexdigest()


def test_the_land_has_no_clipped_edge_anywhere(land: Any) -> None:
    """No straight edge of a clipping box: only the antimeridian and Antarctica's cut."""
    import shapely

    straight = []
    for ring in shapely.get_parts(land.boundary):
        for (x0, y0), (x1, y1) in itertools.pairwise(ring.coords):
            if (x0 == x1 and abs(y1 - y0) > 1 and abs(x0) != 180) or \
                    (y0 == y1 and abs(x1 - x0) > 1 and y0 > -85):
                straight.append(((x0, y0), (x1, y1)))
    assert straight == []


def test_the_land_leaves_the_bays_of_japan_to_the_sea(land: Any) -> None:
    import shapely

    assert [name for name, (lat, lon) in JAPAN_SEA.items()
            if land.contains(shapely.Point(lon, lat))] == []


@pytest.mark.parametrize(("origin", "destination"), PAIRS, ids=lambda name: name)
def test_any_pair_has_its_basemap(origin: str, destination: str, land: Any) -> None:
    import shapely

    story = read_story(origin=origin, destination=destination, alternatives=1)
    page = render_map(story, self_contained=False).get_root().render()
    assert "Basemap: land" in page and "Basemap: borders" in page
    assert "Basemap: World" not in page and "Basemap: Coastline" not in page
    trip = story.options.trip if story.options else None
    assert trip is not None
    for place in (trip.origin, trip.destination):  # on land, or within 5 km of it (a port)
        assert land.distance(shapely.Point(place.lon, place.lat)) < 0.05, place.name


def test_a_missing_basemap_is_a_data_error(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from routes.errors import DataError
    from routes.io.basemap import load_basemap

    monkeypatch.setattr(settings, "data_folder", tmp_path)
    with pytest.raises(DataError, match=r"make_basemap\.py"):
        load_basemap()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "basemap_50m.geojson.gz").write_bytes(b"not gzip")
    with pytest.raises(DataError, match="unreadable"):
        load_basemap()


def _fitted_bounds(page: str) -> list[list[float]]:
    found = re.search(r"\}\)\(map_\w+, (\[\[.*?\]\])\);", page, re.DOTALL)
    assert found is not None
    bounds: list[list[float]] = json.loads(found.group(1))
    return bounds


def _polylines(page: str) -> list[list[list[float]]]:
    return [json.loads(m) for m in re.findall(r"L\.polyline\(\s*(\[\[.*?\]\])", page,
                                              re.DOTALL)]


def test_a_trip_across_the_pacific_is_framed_across_it_not_around_the_world() -> None:
    story = read_story(origin="Tokyo", destination="Los Angeles", alternatives=1)
    page = render_map(story, self_contained=False).get_root().render()
    (_, west), (_, east) = _fitted_bounds(page)
    assert 130 < west < 145 and 235 < east < 250  # Tokyo to Los Angeles, eastwards
    lines = _polylines(page)
    assert lines
    for line in lines:  # every flight in one piece across the antimeridian
        assert all(abs(b[1] - a[1]) < 10 for a, b in itertools.pairwise(line))
    story = read_story(origin="Paris", destination="Berlin", alternatives=1)
    (_, west), (_, east) = _fitted_bounds(render_map(story, self_contained=False)
                                          .get_root().render())
    assert 0 < west < east < 20  # other trips keep the usual longitudes


def test_across_the_pacific_the_land_runs_on_without_an_edge() -> None:
    import shapely

    from routes.io.basemap import PACIFIC_WEST, load_basemap

    land = shapely.from_geojson(load_basemap(PACIFIC_WEST)["land"])
    for lat, lon in ((34.05, -118.24 + 360), (61.22, -149.90 + 360), (35.68, 139.69),
                     (67.0, 172.0), (66.0, -175.0 + 360), (48.86, 2.35)):
        assert land.contains(shapely.Point(lon, lat)), (lat, lon)  # LA … Chukotka, Paris
    cuts = {180.0: 0.0, PACIFIC_WEST: -60.0, PACIFIC_WEST + 360: -60.0}  # meridian: from lat
    edges = [(x0, y0) for ring in shapely.get_parts(land.boundary)
             for (x0, y0), (x1, _) in itertools.pairwise(ring.coords)
             if x0 == x1 and x0 in cuts and y0 > cuts[x0]]
    # No cut across Chukotka at the antimeridian, nor at the frame's edges. (Fiji's islands
    # are cut at 180° by Natural Earth itself, and its pieces do not all meet.)
    assert edges == []


def _markers(fmap: Any) -> list[Any]:
    import folium

    found, todo = [], [fmap]
    while todo:
        element = todo.pop()
        if isinstance(element, folium.CircleMarker):
            found.append(element)
        todo.extend(element._children.values())
    return found


def _named(marker: Any) -> tuple[str, str, bool]:
    """A marker's tooltip text, its popup's HTML, and whether the tooltip always shows."""
    import folium

    tooltip = next(c for c in marker._children.values() if isinstance(c, folium.Tooltip))
    popup = next(c for c in marker._children.values() if isinstance(c, folium.Popup))
    html = "".join(c.render() for c in popup.html._children.values())
    return tooltip.text, html, bool(tooltip.options.get("permanent"))


@pytest.mark.parametrize("story", [
    pytest.param(lambda: read_story(EXAMPLE.read_text(encoding="utf-8")), id="story"),
    pytest.param(lambda: read_story(origin="Seoul", destination="Busan"), id="Seoul-Busan")])
def test_every_marker_has_its_name_as_tooltip_and_popup(story: Any) -> None:
    story = story()
    markers = _markers(render_map(story, self_contained=False))
    names, labels = set(), []
    for marker in markers:
        text, popup, permanent = _named(marker)
        assert text, marker.options
        assert text.split(": ")[-1] in popup  # the popup names it too
        names.add(text)
        if permanent:
            labels.append(text)
    trip = story.options.trip
    # The two ends of the trip are labelled on the map, whether the text names them or not.
    assert sorted(labels) == sorted([trip.origin.name, trip.destination.name])
    stations = {o.legs[0].origin.name for o in story.options.options if o.legs[0].mode == "rail"}
    airports = {leg.origin.name for o in story.options.options for leg in o.legs
                if leg.mode == "air"}
    assert stations and airports
    assert stations | airports <= set(names)


def test_border_markers_are_named() -> None:
    story = read_story(origin="Pyongyang", destination="Vladivostok", alternatives=1)
    borders = [_named(m) for m in _markers(render_map(story, self_contained=False))
               if "routes-border" in m.options["className"]]
    assert borders
    assert all(text.startswith("Border: ") and "border on" in popup
               for text, popup, _ in borders)


def test_the_map_is_fitted_beside_the_panels(story_html: str) -> None:
    """The padding is measured in the browser (tests/test_browser.py checks what it gives)."""
    assert "#routes-legend, #routes-claims, .leaflet-control" in story_html
    assert "paddingBottomRight" in story_html
    assert ".fitBounds(" not in story_html.split("(function (map, bounds)")[0]  # not twice
