"""Maps: what is drawn, determinism, escaping and files."""

from __future__ import annotations

import os
import re
from pathlib import Path

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
    assert "data:text/javascript;base64," not in page


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
