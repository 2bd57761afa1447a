"""The map, as `routes map` writes it, in headless Chromium with the network off.

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; no browser is downloaded.
Outside CI the tests skip when Chromium, Playwright or the Leaflet assets are missing; in
CI (CI=true) they must run.
"""

from __future__ import annotations

import io
import json
import os
import shlex
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from routes import settings
from routes.io.maps import read_story, write_map

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "kim-vladivostok.txt"
_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _missing() -> str:
    if not Path(CHROMIUM).exists():
        return "Debian chromium is not installed"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not (settings.assets_folder / "leaflet" / "dist" / "leaflet.js").exists():
        return "Leaflet assets not installed (make assets)"
    return ""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=_ARGS)
        yield b
        b.close()


def _open(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: requests.append(f"failed: {r.url}"))
    page.on("request", lambda r: requests.append(r.url)
            if not r.url.startswith(("file:", "data:")) else None)
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-overlay-pane path", state="attached")
    return page, errors, requests


def _demo_map_command() -> list[str]:
    """The arguments of the ``routes map`` line of ``make demo``."""
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text(encoding="utf-8")
    demo = makefile.split("\ndemo:")[1].split("\n\n")[0]
    line = next(x for x in demo.splitlines() if "/routes map " in x)
    return shlex.split(line.split("/routes ", 1)[1])


def test_the_demo_map_works_offline_in_the_browser(browser: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The map ``make demo`` writes, opened with the network off: drawn, and no request."""
    from routes.cli import main
    from routes.io.maps import _LAND, _SEA

    argv = _demo_map_command()
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    argv[argv.index("-o") + 1] = str(tmp_path / "example-map.html")
    assert main(argv) == 0
    story = read_story(EXAMPLE.read_text(encoding="utf-8"))
    assert story.options is not None
    page, errors, requests = _open(browser, tmp_path / "example-map.html")
    assert errors == []
    assert requests == []
    colours = _screenshot(page).getcolors(1 << 20)
    share = {rgb: n / (1400 * 900) for n, rgb in colours}
    assert share.get(_rgb(_LAND), 0) > 0.2 and share.get(_rgb(_SEA), 0) > 0.1  # not blank
    for i in range(1, len(story.options.options) + 1):
        assert page.locator(f".routes-option-{i}").count() >= 1, f"option {i} not drawn"
    assert page.is_visible("#routes-legend")
    assert page.is_visible("#routes-claims")
    broken = page.evaluate("Array.from(document.images).filter("
                           "i => !i.complete || i.naturalWidth === 0).length")
    assert broken == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "example-map.png"))


def test_hostile_text_does_not_run(browser: Any, tmp_path: Path) -> None:
    text = ('<script>window.__pwned = 1</script> The train from Khasan to Vladivostok takes '
            'about six hours. <img src=x onerror="window.__pwned = 2"> Officials in '
            "Ussuriysk \"'); window.__pwned = 3; //\" and `${window.__pwned = 4}` said "
            '<a href="javascript:window.__pwned = 5">so</a>.')
    path = write_map(read_story(text), tmp_path / "hostile.html")
    page, errors, _ = _open(browser, path)
    assert page.evaluate("window.__pwned") is None
    assert errors == []
    page.locator(".routes-origin").click(force=True)  # Khasan, named in that sentence
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "</script>" in popup.inner_text()  # shown as text, not run
    assert page.evaluate("window.__pwned") is None


def test_hostile_scenario_names_do_not_run(browser: Any, tmp_path: Path) -> None:
    from routes.scenarios import compare, load_scenario, map_scenarios

    path = tmp_path / "hostile.toml"
    name = ("<script>window.__pwned = 1</script><img src=x onerror='window.__pwned = 2'>"
            "`${window.__pwned = 3}`")
    description = '"); window.__pwned = 4; //'
    path.write_text(f"name = {json.dumps(name)}\ndescription = {json.dumps(description)}\n"
                    'origin = "Pyongyang"\ndestination = "Vladivostok"\nmode = "rail"\n',
                    encoding="utf-8")
    scenario = load_scenario(path)
    assert "<script>" in scenario.name
    page_path = tmp_path / "scenarios.html"
    html = map_scenarios(compare([scenario])).get_root().render()
    page_path.write_text(html, encoding="utf-8")
    page, errors, _ = _open(browser, page_path)
    assert page.evaluate("window.__pwned") is None
    assert errors == []
    assert "<script>" in page.locator("#routes-legend").inner_text()  # shown as text
    assert page.evaluate("window.__pwned") is None


# Pixels: the screenshot, sampled where the map says land or sea must be.

def _screenshot(page: Any) -> Any:
    from PIL import Image

    return Image.open(io.BytesIO(page.screenshot())).convert("RGB")


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _map_js(page: Any, body: str, arg: Any = None) -> Any:
    """Run ``body`` with ``map`` (the Leaflet map) and ``arg`` in the page."""
    return page.evaluate(
        "([body, arg]) => { const map = window[Object.keys(window).find("
        "k => k.startsWith('map_'))]; return new Function('map', 'arg', body)(map, arg); }",
        [body, arg])


def _to_latlng(page: Any, points: list[tuple[int, int]]) -> list[tuple[float, float]]:
    found = _map_js(page, "return arg.map(p => { const l = map.containerPointToLatLng(p); "
                          "return [l.lat, l.lng]; });", points)
    return [(lat, lon) for lat, lon in found]


def _to_pixel(page: Any, latlngs: list[tuple[float, float]]) -> list[tuple[float, float]]:
    found = _map_js(page, "return arg.map(l => { const p = map.latLngToContainerPoint(l); "
                          "return [p.x, p.y]; });", latlngs)
    return [(x, y) for x, y in found]


def _basemap_only(page: Any) -> None:
    """Hide routes, markers, panels and controls: what is left is the basemap."""
    page.add_style_tag(content=(
        ".leaflet-overlay-pane, .leaflet-marker-pane, .leaflet-tooltip-pane, "
        ".leaflet-control-container, #routes-legend, #routes-claims "
        "{ visibility: hidden !important; }"))
    page.wait_for_timeout(100)


@dataclass(frozen=True)
class _Basemap:
    land: Any
    lines: Any  # coasts and borders: where antialiasing and dashes blend the colours


@pytest.fixture(scope="module")
def basemap() -> _Basemap:
    import shapely

    from routes.io.basemap import load_basemap

    layers = load_basemap()
    land = shapely.from_geojson(layers["land"])
    lines = shapely.union(land.boundary, shapely.from_geojson(layers["borders"]))
    shapely.prepare(land)
    shapely.prepare(lines)
    return _Basemap(land, lines)


def _expected(page: Any, basemap: _Basemap, points: list[tuple[int, int]],
              margin: int = 4) -> list[str | None]:
    """``land`` or ``sea`` at each pixel by the basemap's geometry; None within ``margin``
    pixels of a coast or a border."""
    import shapely

    # Longitudes back from the map's frame (past 180° across the Pacific) to the file's.
    latlngs = [(lat, (lon + 180) % 360 - 180) for lat, lon in _to_latlng(page, points)]
    xy = shapely.points([(lon, lat) for lat, lon in latlngs])
    zoom = _map_js(page, "return map.getZoom();")
    degrees = margin * 360 / (256 * 2 ** zoom)  # a pixel in longitude; less in latitude
    near = shapely.dwithin(basemap.lines, xy, degrees)
    on_land = shapely.contains(basemap.land, xy)
    return [None if n else "land" if a else "sea"
            for n, a in zip(near.tolist(), on_land.tolist(), strict=True)]


def _write(tmp_path: Path, name: str, origin: str, destination: str) -> Path:
    story = read_story(origin=origin, destination=destination, alternatives=1)
    return write_map(story, tmp_path / f"{name}.html")


@pytest.mark.parametrize(("origin", "destination"), [
    ("Dover", "Calais"), ("Seoul", "Busan"), ("Tokyo", "Osaka"), ("Moscow", "Vladivostok"),
    ("Tokyo", "Los Angeles"), ("Anchorage", "Petropavlovsk-Kamchatsky")],
    ids=lambda name: name)
def test_every_pixel_of_the_basemap_is_land_or_sea_as_drawn(
        browser: Any, basemap: _Basemap, tmp_path: Path, origin: str,
        destination: str) -> None:
    """A grid over the whole window: land where the basemap has land, sea elsewhere. Fails
    if a region is left unpainted, if coarser land spills over the sea, or if another
    layer's edge shows."""
    from routes.io.maps import _LAND, _SEA

    page, errors, requests = _open(browser, _write(tmp_path, "pair", origin, destination))
    assert errors == [] and requests == []
    _basemap_only(page)
    grid = [(x, y) for x in range(10, 1400, 35) for y in range(10, 900, 35)]
    image = _screenshot(page)
    colours = {"land": _rgb(_LAND), "sea": _rgb(_SEA)}
    checked, wrong = 0, []
    for (x, y), what in zip(grid, _expected(page, basemap, grid), strict=True):
        if what is None:
            continue
        checked += 1
        if image.getpixel((x, y)) != colours[what]:
            wrong.append((x, y, what, image.getpixel((x, y))))
    assert checked > 0.8 * len(grid)
    assert {"land", "sea"} <= set(_expected(page, basemap, grid))
    assert wrong == []


def test_no_seam_where_the_old_regional_basemap_stopped(
        browser: Any, basemap: _Basemap, tmp_path: Path) -> None:
    """The old regional layer (lon 95–150, lat 25–62) drew a straight edge across Siberia
    and China: every land pixel on that edge, and beside it, is now plain land."""
    from routes.io.maps import _LAND

    page, _, _ = _open(browser, _write(tmp_path, "world", "Moscow", "Vladivostok"))
    _basemap_only(page)
    image = _screenshot(page)
    edges = [[(62.0, lon / 4) for lon in range(4 * 95, 4 * 150)],   # across Siberia
             [(lat / 4, 95.0) for lat in range(4 * 25, 4 * 62)],    # through China
             [(lat / 4, 150.0) for lat in range(4 * 25, 4 * 62)]]
    points = [(round(x), round(y)) for edge in edges for x, y in _to_pixel(page, edge)
              if 3 <= x < 1397 and 3 <= y < 897]
    expected = _expected(page, basemap, points)
    land = [p for p, what in zip(points, expected, strict=True) if what == "land"]
    assert len(land) > 150  # the edge crosses a lot of land in this view
    seam = [(x, y) for x, y in land
            if any(image.getpixel((x + dx, y + dy)) != _rgb(_LAND)
                   for dx in (-2, -1, 0, 1, 2) for dy in (-2, -1, 0, 1, 2))]
    assert seam == []


# Sea that the old 1:110m world layer painted as land (as in test_maps.py).
JAPAN_SEA = {"Sagami Bay": (35.15, 139.40), "Suruga Bay": (34.90, 138.60),
             "Osaka Bay": (34.50, 135.30), "Wakasa Bay": (35.70, 135.80),
             "Uchiura Bay": (42.35, 140.60), "Ariake Sea": (33.00, 130.30)}


def test_the_sea_around_japan_stays_sea(browser: Any, tmp_path: Path) -> None:
    """Bays the old 1:110m land covered are sea-coloured, pixel by pixel."""
    from routes.io.maps import _SEA

    page, _, _ = _open(browser, _write(tmp_path, "japan", "Tokyo", "Osaka"))
    _map_js(page, "map.fitBounds([[32.5, 129.5], [43, 142]], {animate: false});")
    _basemap_only(page)
    image = _screenshot(page)
    pixels = _to_pixel(page, list(JAPAN_SEA.values()))
    colours = {name: [image.getpixel((round(x) + dx, round(y) + dy))
                      for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
               for name, (x, y) in zip(JAPAN_SEA, pixels, strict=True)}
    assert {name: c for name, c in colours.items() if set(c) != {_rgb(_SEA)}} == {}


def test_every_marker_is_named_in_the_browser(browser: Any, tmp_path: Path) -> None:
    story = read_story(EXAMPLE.read_text(encoding="utf-8"))
    assert story.options is not None
    page, _, _ = _open(browser, write_map(story, tmp_path / "map.html"))
    markers = _map_js(page, """
        const out = [];
        map.eachLayer(l => { if (l instanceof L.CircleMarker) {
            const t = l.getTooltip(), p = l.getPopup();
            const text = (x) => { const c = x.getContent();
                if (c instanceof Element) return c.textContent;
                const d = document.createElement("div"); d.innerHTML = String(c);
                return d.textContent; };
            out.push([t ? text(t).trim() : "", p ? text(p).trim() : "",
                      l.options.className]); } });
        return out;""")
    assert len(markers) >= 10
    # A name each, and a popup that names it too.
    assert [m for m in markers if not m[0] or m[0].split(": ")[-1] not in m[1]] == []
    trip = story.options.trip
    labels = page.locator(".routes-label")
    assert sorted(labels.all_inner_texts()) == sorted([trip.origin.name, trip.destination.name])
    assert all(labels.nth(i).is_visible() for i in range(labels.count()))
    page.locator(".routes-stop").first.dispatch_event("mouseover")  # a station, hovered
    name = next(m[0] for m in markers if "routes-stop" in m[2])
    tooltip = page.locator(".leaflet-tooltip:not(.routes-label)")
    tooltip.wait_for()
    assert tooltip.inner_text() == name


@pytest.mark.parametrize(("text", "viewport"), [
    ("The KTX from Seoul to Busan takes about 2 hours and 40 minutes, and the flight takes "
     "an hour.", (1280, 720)),
    ("The TGV from Paris to Marseille takes about 3 hours.", (1400, 900))],
    ids=["Seoul-Busan", "Paris-Marseille"])
def test_the_panels_leave_the_ends_of_the_trip_in_sight(
        browser: Any, tmp_path: Path, text: str, viewport: tuple[int, int]) -> None:
    """Fitted without room for them, the claims panel would cover the destination (and the
    legend the origin) at these window sizes."""
    from routes.io.maps import _END_STYLES

    page, _, _ = _open(browser, write_map(read_story(text), tmp_path / "map.html"))
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.reload()
    page.wait_for_selector(".routes-destination", state="attached")
    image = _screenshot(page)
    for role in ("destination", "origin"):
        box = page.locator(f".routes-{role}").bounding_box()
        x, y = round(box["x"] + box["width"] / 2), round(box["y"] + box["height"] / 2)
        assert 0 <= x < viewport[0] and 0 <= y < viewport[1], role
        top = page.evaluate("([x, y]) => document.elementFromPoint(x, y)"
                            ".getAttribute('class')", [x, y])
        assert f"routes-{role}" in str(top), (role, top)
        outline, fill = (_rgb(c) for c in _END_STYLES[role])
        if role == "destination":  # its dark fill shows: no panel over it
            assert image.getpixel((x, y)) == fill
        assert outline in [image.getpixel((x - dx, y)) for dx in range(4, 10)]  # its ring
