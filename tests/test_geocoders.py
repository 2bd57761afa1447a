"""geopy interface: offline geocoder, and the opt-in Nominatim client against a fake server."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import pytest_socket
from geopy.location import Location

from routes.errors import InputError
from routes.geo.geocoders import CachedNominatim, GeocodingError, OfflineGeocoder
from routes.geo.geoparse import find_places


def test_offline_geocoder_returns_geopy_locations() -> None:
    geocoder = OfflineGeocoder()
    location = geocoder.geocode("Vladivostok")
    assert isinstance(location, Location)
    idaho = geocoder.geocode("Moscow, Idaho")
    assert isinstance(idaho, Location)
    assert idaho.raw["country"] == "US"
    assert location.raw["country"] == "RU"
    assert location.latitude == pytest.approx(43.1, abs=0.1)
    several = geocoder.geocode("Moscow", exactly_one=False)
    assert isinstance(several, list)
    assert [loc.raw["country"] for loc in several[:1]] == ["RU"]
    assert geocoder.geocode("Qzxqzx") is None


def test_offline_reverse_geocoding() -> None:
    location = OfflineGeocoder().reverse("39.02, 125.75")
    assert isinstance(location, Location)
    assert location.raw["name"] == "Pyongyang"


@pytest.mark.disable_socket
def test_geoparsing_and_offline_geocoding_open_no_socket() -> None:
    # pytest-socket blocks every socket in this test (and, by default, in the whole suite):
    # the guard is on, and the offline work still succeeds.
    with (pytest.warns(UserWarning, match="socket"),
          pytest.raises(pytest_socket.SocketBlockedError)):
        socket.create_connection(("127.0.0.1", 9))
    assert find_places("From Pyongyang to Vladivostok via Tumen.")
    assert OfflineGeocoder().geocode("Hunchun") is not None
    assert OfflineGeocoder().reverse("42.87, 130.36") is not None


class _FakeNominatim(BaseHTTPRequestHandler):
    calls = 0
    mode = "ok"

    def do_GET(self) -> None:
        type(self).calls += 1
        if self.mode == "slow":
            time.sleep(1.5)
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        body = json.dumps([{"lat": "43.1056", "lon": "131.8735", "display_name":
                            "Vladivostok, Primorsky Krai, Russia", "place_id": 1}]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        del args


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        del request, client_address  # the client gave up (the timeout test): expected


@pytest.fixture
def fake_server() -> Iterator[str]:
    _FakeNominatim.calls = 0
    _FakeNominatim.mode = "ok"
    server = _QuietServer(("127.0.0.1", 0), _FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_online_geocoder_caches_and_rate_limits(fake_server: str, tmp_path: Path) -> None:
    geocoder = CachedNominatim(user_agent="routes-tests", domain=fake_server, scheme="http",
                               min_delay_seconds=0.3, timeout=2, cache_path=tmp_path / "c.db")
    start = time.monotonic()
    first = geocoder.geocode("Vladivostok")
    assert first is not None
    assert first.latitude == pytest.approx(43.1056)
    assert geocoder.geocode("Vladivostok, Russia") is not None
    assert time.monotonic() - start >= 0.3  # the second request waited its turn
    assert _FakeNominatim.calls == 2
    again = CachedNominatim(user_agent="routes-tests", domain=fake_server, scheme="http",
                            cache_path=tmp_path / "c.db")
    cached = again.geocode("Vladivostok")
    assert cached is not None
    assert cached.address.startswith("Vladivostok")
    assert _FakeNominatim.calls == 2  # answered from the persistent cache


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_online_geocoder_timeout_and_http_errors(fake_server: str, tmp_path: Path) -> None:
    geocoder = CachedNominatim(user_agent="routes-tests", domain=fake_server, scheme="http",
                               min_delay_seconds=0, timeout=0.5, cache_path=tmp_path / "c.db")
    _FakeNominatim.mode = "slow"
    with pytest.raises(GeocodingError, match="timed out"):
        geocoder.geocode("Khasan")
    _FakeNominatim.mode = "error"
    with pytest.raises(GeocodingError, match="failed"):
        geocoder.geocode("Tumen")
    _FakeNominatim.mode = "ok"
    assert geocoder.geocode("Tumen") is not None  # failures were not cached


def test_online_geocoder_needs_a_user_agent(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="user agent"):
        CachedNominatim(user_agent=" ", cache_path=tmp_path / "c.db")


def test_offline_geocoder_finds_islands_and_places_of_other_scripts() -> None:
    geocoder = OfflineGeocoder()
    sakhalin = geocoder.geocode("Sakhalin")
    assert isinstance(sakhalin, Location)
    assert sakhalin.raw["country"] == "RU"
    assert 45 < sakhalin.latitude < 55 and 140 < sakhalin.longitude < 146
    jeju = geocoder.geocode("Jeju Island")
    assert isinstance(jeju, Location)
    assert (jeju.raw["kind"], jeju.raw["country"]) == ("island", "KR")
    vladivostok = geocoder.geocode("Владивосток")
    assert isinstance(vladivostok, Location)
    assert vladivostok.raw["name"] == "Vladivostok"
