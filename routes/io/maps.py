"""Maps: the route options of a story, its places and its claims, on one folium map.

:func:`read_story` runs the pipeline on a text (places, the trip it is about, the route
options, the claims). :func:`render_map` draws a story:

* one layer per option, with its own colour, a tooltip and a popup (distance and duration
  with their ranges, borders, gauge changes, notes such as "no scheduled passenger
  service");
* flights drawn as geodesic arcs; border crossings and gauge changes marked;
* a legend that is the comparison table of the options, a layer control to show one option
  at a time, and a measure tool;
* the places of the text (name and the sentence where each appears) and a panel of the
  claims with their verdicts.

The page needs no network: Leaflet and its plugins are inlined (``self_contained``, the
default; :func:`check_assets`), and the basemap is the land and borders of the whole world
(:mod:`routes.io.basemap`) drawn as vector layers on a sea-coloured background, one layer
at one scale, so no edge shows. Web tiles can be added as an optional layer. Every string
from the text or the data is escaped, and element ids are numbered rather than random, so
the same story gives the same bytes.

Examples
--------
>>> story = read_story(origin="Pyongyang", destination="Vladivostok", alternatives=1)
>>> fmap = render_map(story)
>>> html = fmap.get_root().render()
>>> "Rail via Tumangang" in html and html == render_map(story).get_root().render()
True

"""

from __future__ import annotations

import base64
import contextlib
import functools
import html
import itertools
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routes import settings
from routes.errors import InputError, NoRouteError
from routes.estimate import format_duration, format_range
from routes.geo.geodesy import distance_km
from routes.geo.geoparse import Mention, find_places
from routes.geo.places import Place
from routes.itinerary import RouteOption, Stop
from routes.options import TripOptions, find_options
from routes.trip import plan_trip
from routes.verdicts import ClaimReport, check_claims

__all__ = ["Story", "check_assets", "read_story", "render_map", "write_map"]

_COLOURS = ("#1b6ca8", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d")
_VERDICT_COLOURS = {"consistent": "#27ae60", "understated": "#c0392b",
                    "overstated": "#d35400", "unverifiable": "#7f8c8d"}
_ID_LOCK = threading.Lock()
_DETOUR_ELLIPSE = 1.6  # a named town is "on the way" if going through it adds at most 60 %


@dataclass(frozen=True, slots=True)
class Story:
    """A text and what routes found in it: places, the trip, its options and its claims."""

    text: str
    mentions: tuple[Mention, ...]
    options: TripOptions | None
    claims: ClaimReport | None
    notes: tuple[str, ...] = ()


#: The longest text a map is drawn for (characters): a long book, not an archive.
MAX_STORY = 2_000_000


def _trip_places(mentions: Sequence[Mention], claims: ClaimReport | None
                 ) -> tuple[Place, Place] | None:
    if claims is not None:
        for c in claims.claims:
            if c.claim.origin is not None and c.claim.destination is not None:
                return c.claim.origin, c.claim.destination
    local = [m.place for m in mentions if not m.demonym and m.place.kind in
             ("city", "station", "landmark")]
    unique = list({p.id: p for p in local}.values())
    return (unique[0], unique[1]) if len(unique) >= 2 else None


def read_story(text: str | None = None, *, origin: str | Place | None = None,
               destination: str | Place | None = None, via: Sequence[str] = (),
               alternatives: int = 3) -> Story:
    """Run the pipeline on a text, or on a trip given by name (or both).

    Without ``origin`` and ``destination`` the trip is the one the text's claims are about,
    else its first two towns.

    Raises
    ------
    InputError
        If neither a text nor a trip is given, or the text names no trip.

    """
    text = text or ""
    if len(text) > MAX_STORY:
        msg = (f"a map draws one story; this text has {len(text):,} characters (limit "
               f"{MAX_STORY:,}); map one story at a time, or use 'routes check' or "
               "'routes places' for long texts")
        raise InputError(msg)
    mentions = tuple(find_places(text)) if text else ()
    claims = check_claims(text) if text else None
    notes: list[str] = []
    if origin is None or destination is None:
        pair = _trip_places(mentions, claims)
        if pair is None:
            if not text.strip():
                msg = ("the text is empty; give a text that names a trip, or --from PLACE "
                       "and --to PLACE")
                raise InputError(msg)
            notes.append("the text names no trip between two places; no route drawn")
            return Story(text, mentions, None, claims, tuple(notes))
        origin = origin or pair[0]
        destination = destination or pair[1]
    try:
        options = find_options(plan_trip(origin, destination, via=via,
                                         alternatives=alternatives))
    except NoRouteError as exc:
        notes.append(str(exc))
        options = None
    if options is not None and not via:
        # The detour a story discusses: through the places it names beside the two ends.
        extra = _detour(options, mentions)
        if extra is not None:
            options = TripOptions(options.trip, (*options.options, extra), options.notes)
    return Story(text, mentions, options, claims, tuple(notes))


def _detour(options: TripOptions, mentions: Sequence[Mention]) -> RouteOption | None:
    """A rail option through the towns the story names, when no option passes them."""
    trip = options.trip
    ends = {trip.origin.id, trip.destination.id}
    direct = distance_km(trip.origin.point, trip.destination.point)
    # Towns near the way (inside the ellipse around the two ends), in the order named.
    named = [m.place for m in mentions if not m.demonym and m.place.kind == "city"
             and m.place.id not in ends and m.place.station
             and distance_km(trip.origin.point, m.place.point)
             + distance_km(m.place.point, trip.destination.point) <= _DETOUR_ELLIPSE * direct]
    wanted = sorted(list({p.id: p for p in named}.values())[:2],
                    key=lambda p: distance_km(trip.origin.point, p.point))
    if not wanted:
        return None
    try:
        detour = find_options(plan_trip(trip.origin, trip.destination, via=wanted,
                                        mode="rail", alternatives=3))
    except (NoRouteError, InputError):
        return None
    known = {o.via for o in options.options}
    # The shortest way through them: the story's detour, not a tour of the region.
    fresh = sorted((o for o in detour.options if o.via not in known),
                   key=lambda o: o.distance_km.central)
    return fresh[0] if fresh else None


@contextlib.contextmanager
def _numbered_ids() -> Iterator[None]:
    """Give folium elements numbered ids (not random ones) while a map is built."""
    from branca.element import Element

    counter = itertools.count(1)
    original = Element._generate_id

    def numbered(self: Any) -> str:
        del self
        return f"{next(counter):032x}"

    with _ID_LOCK:
        Element._generate_id = numbered  # type: ignore[method-assign,assignment]
        try:
            yield
        finally:
            Element._generate_id = original  # type: ignore[method-assign]


_JS_SAFE = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def _esc(value: object) -> str:
    """Escape for HTML, and for the JavaScript template strings folium puts HTML into."""
    return html.escape(str(value), quote=True).translate(_JS_SAFE)


def _option_popup(o: RouteOption) -> str:
    dur = o.duration_h
    rows = [
        f"<b>{_esc(o.label)}</b>",
        f"distance: {_esc(format_range(o.distance_km, unit='km'))}",
        f"time: {_esc(format_duration(dur))}",
        f"borders: {o.border_crossings}; gauge changes: {o.gauge_changes}",
    ]
    dwell = [leg for leg in o.legs if leg.mode in ("border", "gauge_change")]
    for leg in dwell:
        what = "border" if leg.mode == "border" else "gauge change"
        hours = format_range(leg.duration_h, "{:.1f}", "h")
        rows.append(f"{what} at {_esc(leg.origin.name)}: {_esc(hours)}")
    rows.extend(f"<i>{_esc(n)}</i>" for n in o.notes)
    return "<br>".join(rows)


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    sentence = " ".join(text[left:right].split())
    return sentence if len(sentence) <= 300 else sentence[:297] + "…"


#: Colours of the basemap: the sea is the map's background, the land one fill on top.
_SEA = "#d4e5ef"
_LAND = "#f4f1ea"
_BASEMAP_STYLES = {
    "land": {"fillColor": _LAND, "fillOpacity": 1.0, "stroke": False},
    "borders": {"color": "#8c7f6b", "weight": 1.0, "opacity": 0.9, "dashArray": "4 3",
                "fill": False},
}


@functools.cache
def _vector_layer_class() -> Any:
    """A folium layer holding one GeoJSON geometry, embedded as compact text."""
    from folium.map import Layer
    from folium.template import Template

    class VectorLayer(Layer):
        _template = Template("""
            {% macro script(this, kwargs) %}
            if (!{{ this._parent.get_name() }}.getPane("basemap")) {
                {{ this._parent.get_name() }}.createPane("basemap").style.zIndex = 350;
            }
            var {{ this.get_name() }} = L.geoJSON({{ this.geometry }},
                {{ this.options|tojavascript }});
            {% endmacro %}
            """)

        def __init__(self, geometry: str, name: str, style: dict[str, Any]) -> None:
            super().__init__(name=name, overlay=True, control=True, show=True)
            self._name = "VectorLayer"
            self.geometry = geometry
            self.options = {"style": style, "interactive": False, "pane": "basemap"}

    return VectorLayer


def _basemap(fmap: Any, frame: _Frame) -> None:
    """The land and the borders of the whole world (:mod:`routes.io.basemap`) on the sea."""
    from branca.element import Element

    from routes.io.basemap import load_basemap

    fmap.get_root().header.add_child(Element(
        f"<style>.folium-map.leaflet-container {{ background: {_SEA}; }} "
        ".routes-label { padding: 1px 5px; font: 600 12px sans-serif; }</style>"))
    layer = _vector_layer_class()
    for name, geometry in load_basemap(frame.west).items():
        layer(geometry, f"Basemap: {name}", _BASEMAP_STYLES[name]).add_to(fmap)


@dataclass(frozen=True, slots=True)
class _Frame:
    """The longitudes a map runs over: from ``west`` to ``west + 360``.

    Most maps run from -180 to 180. A trip across the antimeridian is drawn from
    :data:`routes.io.basemap.PACIFIC_WEST`, so the Pacific is whole and the trip is framed
    across it rather than around the world.
    """

    west: float = -180.0

    @classmethod
    def of(cls, options: Sequence[RouteOption]) -> _Frame:
        """The frame that keeps every leg of ``options`` in one piece."""
        from routes.io.basemap import PACIFIC_WEST

        crosses = any(abs(b[0] - a[0]) > 180 for o in options for leg in o.legs
                      for a, b in itertools.pairwise(leg.geometry))
        return cls(PACIFIC_WEST) if crosses else cls()

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        """``(lat, lon)`` with the longitude in the frame."""
        return lat, self.west + (lon - self.west) % 360

    def line(self, geometry: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        """A leg's ``(lon, lat)`` points as ``(lat, lon)``, in one piece.

        Each longitude is within 180° of the one before; the first is in the frame.
        """
        out: list[tuple[float, float]] = []
        for lon, lat in geometry:
            if out:
                before = out[-1][1]
                out.append((lat, before + (lon - before + 180) % 360 - 180))
            else:
                out.append(self.point(lat, lon))
        return out


# The JavaScript and CSS a map needs, from the npm packages (``make assets``).
_ASSETS_JS = (("leaflet", "leaflet/dist/leaflet.js"), ("jquery", "jquery/dist/jquery.min.js"))
_ASSETS_CSS = (("leaflet_css", "leaflet/dist/leaflet.css"),)
_MEASURE_JS = ("leaflet_measure_js", "leaflet-measure/dist/leaflet-measure.js")
_MEASURE_CSS = ("leaflet_measure_css", "leaflet-measure/dist/leaflet-measure.css")


# No 3D transforms (set before Leaflet loads; folium's disable_3d comes too late): without
# a GPU, Chromium leaves parts of 3D-transformed vector layers unpainted at some zoom
# levels (tests/test_browser.py, Dover–Calais). Zooming is then not animated.
_NO_3D = "data:text/javascript;base64," + base64.b64encode(
    b"window.L_DISABLE_3D = true;").decode("ascii")


def _data_uri(path: Path, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _css_uri(path: Path) -> str:
    """A stylesheet as a data URI, with the images it points to inlined too."""
    import re

    css = path.read_text(encoding="utf-8")

    def inline(m: re.Match[str]) -> str:
        ref = m.group(1).strip("'\"")
        target = (path.parent / ref).resolve()
        if ref.startswith("data:") or not target.is_file():
            return m.group(0)
        mime = "image/svg+xml" if target.suffix == ".svg" else f"image/{target.suffix[1:]}"
        return f"url({_data_uri(target, mime)})"

    css = re.sub(r"url\(([^)]+)\)", inline, css)
    return "data:text/css;base64," + base64.b64encode(css.encode("utf-8")).decode("ascii")


def _asset(relative: str) -> Path:
    path = settings.assets_folder / relative
    if not path.is_file():
        msg = (f"offline maps need {relative} from the npm registry; run 'make assets', "
               "or use --cdn for a page that loads Leaflet from the internet "
               f"(looked in {settings.assets_folder})")
        raise InputError(msg)
    return path


def check_assets() -> None:
    """Check that Leaflet and its plugins are installed for an offline (self-contained) map.

    Raises
    ------
    InputError
        If one is missing; the message says to run ``make assets`` or to use ``--cdn``.

    """
    for _, relative in (*_ASSETS_JS, *_ASSETS_CSS, _MEASURE_JS, _MEASURE_CSS):
        _asset(relative)


def render_map(story: Story, *, web_tiles: bool = False, self_contained: bool = True) -> Any:
    """Draw a story on a ``folium.Map`` (see the module text for what is drawn).

    By default (``self_contained``) Leaflet and every plugin are inlined as data URIs, so
    the page makes no request at all and works offline; they come from the npm registry
    (``make assets``). With ``self_contained=False`` the page is smaller and loads them
    from CDNs, so it needs the internet when viewed.

    Raises
    ------
    InputError
        If a self-contained map is asked for and Leaflet is not installed
        (see :func:`check_assets`).

    """
    import folium
    from branca.element import Element
    from folium.plugins import MeasureControl

    with _numbered_ids():
        points: list[tuple[float, float]] = []
        options = story.options.options if story.options else ()
        frame = _Frame.of(options)
        for o in options:
            for leg in o.legs:
                points.extend(frame.line(leg.geometry))
        if not points:  # frame the routes; places far away stay a pan away
            points.extend(frame.point(m.place.lat, m.place.lon) for m in story.mentions
                          if m.place.kind in ("city", "station", "landmark"))
        if not points:
            points = [(43.0, 130.0)]
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        fmap = folium.Map(location=[(min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2],
                          zoom_start=5, tiles=None, control_scale=True)
        if self_contained:
            check_assets()  # all of them, before anything is drawn
            fmap.default_js = [(n, _data_uri(_asset(r), "text/javascript"))
                               for n, r in _ASSETS_JS]
            fmap.default_css = [(n, _css_uri(_asset(r))) for n, r in _ASSETS_CSS]
        fmap.default_js = [("routes_no_3d", _NO_3D), *fmap.default_js]
        _basemap(fmap, frame)
        if web_tiles:
            folium.TileLayer("OpenStreetMap", name="Web map (needs internet)", show=False,
                             control=True).add_to(fmap)
        for i, o in enumerate(options):
            _draw_option(o, i, frame).add_to(fmap)
        _draw_stops(options, frame).add_to(fmap)
        for group in _draw_places(story, frame):
            group.add_to(fmap)
        root: Any = fmap.get_root()
        root.html.add_child(Element(_legend(options)))
        if story.claims is not None:
            root.html.add_child(Element(_claims_panel(story.claims)))
        measure = MeasureControl(primary_length_unit="kilometers",
                                 secondary_length_unit="miles", position="bottomleft")
        if self_contained:
            measure.default_js = [(_MEASURE_JS[0], _data_uri(_asset(_MEASURE_JS[1]),
                                                             "text/javascript"))]
            measure.default_css = [(_MEASURE_CSS[0], _css_uri(_asset(_MEASURE_CSS[1])))]
        measure.add_to(fmap)
        folium.LayerControl(collapsed=True).add_to(fmap)
        _fit_beside_panels_class()([[min(lats), min(lons)], [max(lats), max(lons)]]
                                   ).add_to(fmap)
    return fmap


@functools.cache
def _fit_beside_panels_class() -> Any:
    """Fit the bounds in the part of the window the panels and controls leave free.

    Each panel or control covers a corner or an edge; the map is padded on the side where
    that costs it less (the legend across the top: at the top). The padding is measured in
    the browser, since the panels' size depends on the text and the window.
    """
    from branca.element import MacroElement
    from folium.template import Template

    class FitBesidePanels(MacroElement):
        _template = Template("""
            {% macro script(this, kwargs) %}
            (function (map, bounds) {
                var box = map.getContainer().getBoundingClientRect();
                var pad = {top: 10, bottom: 10, left: 10, right: 10}, gap = 10;
                var covers = document.querySelectorAll(
                    "#routes-legend, #routes-claims, .leaflet-control");
                Array.prototype.forEach.call(covers, function (el) {
                    var r = el.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) { return; }
                    var side = {top: r.bottom - box.top, bottom: box.bottom - r.top,
                                left: r.right - box.left, right: box.right - r.left};
                    var v = side.top < side.bottom ? "top" : "bottom";
                    var h = side.left < side.right ? "left" : "right";
                    if (side[v] / box.height <= side[h] / box.width) {
                        pad[v] = Math.max(pad[v], side[v] + gap);
                    } else {
                        pad[h] = Math.max(pad[h], side[h] + gap);
                    }
                });
                // Leave at least a third of the window to the route, however big the panels.
                var v = Math.min(1, (box.height * 2 / 3) / (pad.top + pad.bottom));
                var h = Math.min(1, (box.width * 2 / 3) / (pad.left + pad.right));
                map.fitBounds(bounds, {
                    paddingTopLeft: [pad.left * h, pad.top * v],
                    paddingBottomRight: [pad.right * h, pad.bottom * v], animate: false});
            })({{ this._parent.get_name() }}, {{ this.bounds|tojson }});
            {% endmacro %}
            """)

        def __init__(self, bounds: list[list[float]]) -> None:
            super().__init__()
            self._name = "FitBesidePanels"
            self.bounds = bounds

    return FitBesidePanels


def _draw_option(o: RouteOption, i: int, frame: _Frame) -> Any:
    """One option's layer: its legs, and a marker at each border and gauge change."""
    import folium

    colour = _COLOURS[i % len(_COLOURS)]
    group = folium.FeatureGroup(name=f"{i + 1}. {_esc(o.label)}", show=True)
    for leg in o.legs:
        coords = frame.line(leg.geometry)
        if len(coords) >= 2:
            folium.PolyLine(
                # Earlier options are drawn first, wider, so shared track shows each.
                coords, color=colour, weight=max(3, 8 - 1.5 * i),
                opacity=0.85, dash_array="8 6" if leg.mode == "air" else None,
                className=f"routes-option routes-option-{i + 1}",
                tooltip=_esc(f"{o.label}: {leg.mode} {leg.origin.name} → "
                             f"{leg.destination.name}"),
                popup=folium.Popup(_option_popup(o), max_width=360),
            ).add_to(group)
        elif leg.mode in ("border", "gauge_change"):
            what = "Border" if leg.mode == "border" else "Gauge change"
            hours = format_range(leg.duration_h, "{:.1f}", "h")
            folium.CircleMarker(
                frame.point(leg.origin.lat, leg.origin.lon),
                radius=6 if leg.mode == "border" else 9,
                color="#222" if leg.mode == "border" else colour, weight=2,
                fill=True, fill_opacity=0.9 if leg.mode == "border" else 0.2,
                className=f"routes-marker routes-{leg.mode.replace('_', '-')}",
                tooltip=_esc(f"{what}: {leg.origin.name}"),
                popup=folium.Popup(
                    f"<b>{_esc(leg.origin.name)}</b><br>{what.lower()} on "
                    f"{_esc(o.label)}: {_esc(hours)}"
                    + "".join(f"<br><i>{_esc(n)}</i>" for n in leg.notes), max_width=320),
            ).add_to(group)
    return group


_STOP_KINDS = {"station": "station", "airport": "airport", "port": "port"}


def _draw_stops(options: Sequence[RouteOption], frame: _Frame) -> Any:
    """The stations, airports and ports where the options' legs begin and end."""
    import folium

    group = folium.FeatureGroup(name="Stations and airports", show=True)
    stops: dict[tuple[str, float, float], tuple[Stop, list[str]]] = {}
    for o in options:
        for leg in o.legs:
            if leg.mode in ("border", "gauge_change"):
                continue
            for stop in (leg.origin, leg.destination):
                if stop.kind in _STOP_KINDS:
                    key = (stop.name, stop.lat, stop.lon)
                    labels = stops.setdefault(key, (stop, []))[1]
                    if o.label not in labels:
                        labels.append(o.label)
    for stop, labels in stops.values():
        folium.CircleMarker(
            frame.point(stop.lat, stop.lon), radius=4, color="#555", weight=1.5, fill=True,
            fill_color="#fff", fill_opacity=1.0, className="routes-marker routes-stop",
            tooltip=_esc(stop.name),
            popup=folium.Popup(
                f"<b>{_esc(stop.name)}</b> ({_STOP_KINDS[stop.kind]}"
                + (f", {_esc(stop.country)}" if stop.country else "") + ")<br>on: "
                + "; ".join(_esc(label) for label in labels), max_width=320),
        ).add_to(group)
    return group


def _draw_places(story: Story, frame: _Frame) -> list[Any]:
    """The places of the text, each with the sentence it is in; the trip's ends, labelled."""
    import folium

    trip = story.options.trip if story.options else None
    ends = {trip.origin.id: ("origin", trip.origin),
            trip.destination.id: ("destination", trip.destination)} if trip else {}
    places = folium.FeatureGroup(name="Places in the text", show=True)
    sentences: dict[str, str] = {}
    for m in story.mentions:
        if m.demonym or m.place.kind in ("country", "continent", "admin1", "region", "sea") \
                or m.place.id in sentences:
            continue
        sentences[m.place.id] = _sentence(story.text, m.start, m.end)
        if m.place.id in ends:
            continue  # drawn as an end of the trip
        folium.CircleMarker(
            frame.point(m.place.lat, m.place.lon), radius=4, color="#333", fill=True,
            fill_color="#fff", fill_opacity=1.0, weight=1.5,
            className="routes-marker routes-place", tooltip=_esc(m.place.name),
            popup=folium.Popup(_place_popup(m.place, sentences[m.place.id]), max_width=320),
        ).add_to(places)
    trip_ends = folium.FeatureGroup(name="Start and end of the trip", show=True)
    for role, place in ends.values():
        folium.CircleMarker(
            frame.point(place.lat, place.lon), radius=7, weight=2.5, fill=True,
            fill_opacity=1.0, color=_END_STYLES[role][0], fill_color=_END_STYLES[role][1],
            className=f"routes-marker routes-{role}",
            tooltip=folium.Tooltip(_esc(place.name), sticky=False, permanent=True,
                                   direction="right", className="routes-label"),
            popup=folium.Popup(_place_popup(place, sentences.get(place.id), role=role),
                               max_width=320),
        ).add_to(trip_ends)
    return [places, trip_ends]


#: Outline and fill of the trip's two ends.
_END_STYLES = {"origin": ("#111111", "#ffffff"), "destination": ("#ffffff", "#111111")}


def _place_popup(place: Place, sentence: str | None, role: str = "") -> str:
    text = f"<b>{_esc(place.name)}</b> ({_esc(place.country)})"
    if role:
        text += f"<br>{role} of the trip"
    if sentence:
        text += f"<br>“{_esc(sentence)}”"
    return text


def _legend(options: Sequence[RouteOption]) -> str:
    rows = []
    for i, o in enumerate(options):
        colour = _COLOURS[i % len(_COLOURS)]
        dur = o.duration_h
        rows.append(
            f'<tr><td><span style="display:inline-block;width:14px;height:4px;'
            f'background:{colour}"></span></td><td>{_esc(o.label)}</td>'
            f"<td>{_esc(format_range(o.distance_km, unit='km'))}</td>"
            f"<td>{_esc(format_duration(dur))}"
            f"</td><td>{o.border_crossings}</td><td>{o.gauge_changes}</td></tr>")
    body = "".join(rows) or '<tr><td colspan="6">no route options</td></tr>'
    return (
        '<div id="routes-legend" style="position:fixed;top:10px;left:50px;z-index:9999;'
        "background:rgba(255,255,255,0.95);padding:6px 8px;border:1px solid #999;"
        'font:12px sans-serif;max-width:60%"><b>Route options</b>'
        '<table style="border-collapse:collapse"><tr><th></th><th>option</th>'
        "<th>distance (range)</th><th>time (range)</th><th>borders</th><th>gauge</th></tr>"
        f"{body}</table><div style=\"color:#666\">{_esc(_attribution())}</div></div>")


def _claims_panel(report: ClaimReport) -> str:
    items = []
    for c in report.claims:
        q = c.claim.quantity
        colour = _VERDICT_COLOURS.get(c.verdict, "#333")
        items.append(f'<li><b style="color:{colour}">{_esc(c.verdict)}</b> '
                     f"“{_esc(q.surface)}” ({_esc(c.claim.mode)}): {_esc(c.explanation)}</li>")
    body = "".join(items) or "<li>no distance, duration or speed claims found</li>"
    return ('<div id="routes-claims" style="position:fixed;bottom:30px;right:10px;z-index:9999;'
            "background:rgba(255,255,255,0.95);padding:6px 8px;border:1px solid #999;"
            'font:12px sans-serif;max-width:40%;max-height:40%;overflow:auto">'
            f"<b>Claims in the text</b><ul style=\"padding-left:16px;margin:4px 0\">{body}</ul>"
            "</div>")


def _attribution() -> str:
    from routes.io.export import ATTRIBUTION

    return ATTRIBUTION


def write_map(story: Story, path: str | Path, *, force: bool = False,
              web_tiles: bool = False, self_contained: bool = True) -> Path:
    """Render and write a map to ``path`` (``"-"``: standard output); returns the file written.

    The rules of :mod:`routes.io.outputs` apply: a symbolic link is written through, only a
    regular file is replaced (with ``force``), and the page is renamed into place whole.
    The page is rendered before anything is written, so a failure leaves no page behind.

    Raises
    ------
    InputError
        If ``path`` exists (without ``force``), is not a regular file, or its folder does
        not exist; or if Leaflet is missing for a self-contained map (the default).
    FileAccessError
        If the page cannot be written (disk full, permission denied).

    """
    from routes.io.outputs import check_output, write_output

    output = check_output(path, force=force)
    page = render_map(story, web_tiles=web_tiles,
                      self_contained=self_contained).get_root().render()
    write_output(output, page)
    return Path(path)
