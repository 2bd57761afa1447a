"""The map, as `routes map` writes it, in headless Chromium with the network off.

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; no browser is downloaded.
Outside CI the tests skip when Chromium, Playwright or the Leaflet assets are missing; in
CI (CI=true) they must run.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
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


def test_the_default_map_works_offline_in_the_browser(browser: Any, tmp_path: Path) -> None:
    story = read_story(EXAMPLE.read_text(encoding="utf-8"))
    assert story.options is not None
    path = write_map(story, tmp_path / "map.html")  # the default: offline
    page, errors, requests = _open(browser, path)
    assert errors == []
    assert requests == []
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
    page.locator(".routes-place").first.click(force=True)
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
