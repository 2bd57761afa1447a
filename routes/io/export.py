"""Route options as JSON, a long table (one row per option and leg), GeoJSON, or text.

Examples
--------
>>> from routes.options import find_options, plan_trip
>>> result = find_options(plan_trip("Khasan", "Vladivostok", mode="rail", alternatives=1))
>>> rows = options_to_rows(result)
>>> rows[0]["mode"], rows[0]["from"], rows[0]["to"]
('rail', 'Khasan station', 'Vladivostok station')

"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from routes.estimate import Estimate, format_duration, format_range, format_span
from routes.geo.geoparse import Mention
from routes.geo.places import Place
from routes.itinerary import Leg, RouteOption, Stop
from routes.options import TripOptions

__all__ = [
    "ATTRIBUTION",
    "claim_to_dict",
    "claims_to_dict",
    "format_claims",
    "format_claims_markdown",
    "format_mentions",
    "format_table",
    "markdown_cell",
    "mention_to_dict",
    "mentions_to_geojson",
    "options_to_csv",
    "options_to_dict",
    "options_to_geojson",
    "options_to_json",
    "options_to_rows",
]

ATTRIBUTION = ("Rail geometry: Natural Earth (public domain) and © OpenStreetMap contributors "
               "(ODbL); airports: OurAirports (public domain); places: GeoNames (CC BY 4.0) "
               "and Who's On First (https://whosonfirst.org/docs/licenses/)")


def _place(p: Place) -> dict[str, Any]:
    return {"name": p.name, "id": p.id, "lat": p.lat, "lon": p.lon, "country": p.country}


def _est(e: Estimate, nd: int = 2) -> dict[str, float]:
    return e.as_dict(nd)


def _stop(s: Stop) -> dict[str, Any]:
    return {"id": s.id, "name": s.name, "kind": s.kind, "lat": s.lat, "lon": s.lon,
            "country": s.country, "tz": s.tz, "elapsed_h": round(s.elapsed_h, 2),
            "arrival": s.arrival.isoformat() if s.arrival else None,
            "utc_offset": s.utc_offset}


def _leg(leg: Leg) -> dict[str, Any]:
    return {
        "mode": leg.mode, "from": leg.origin.name, "to": leg.destination.name,
        "from_id": leg.origin.id, "to_id": leg.destination.id,
        "distance_km": _est(leg.distance_km), "duration_h": _est(leg.duration_h),
        "countries": list(leg.countries), "notes": list(leg.notes),
        "sources": list(leg.sources),
        "depart": leg.origin.arrival.isoformat() if leg.origin.arrival else None,
        "arrive": leg.destination.arrival.isoformat() if leg.destination.arrival else None,
        "tz_from": leg.origin.tz, "tz_to": leg.destination.tz,
        "stops": [_stop(s) for s in (leg.origin, *leg.stops, leg.destination)],
    }


def _option(o: RouteOption) -> dict[str, Any]:
    return {
        "label": o.label, "modes": list(o.modes), "via": list(o.via),
        "distance_km": _est(o.distance_km, 1), "duration_h": _est(o.duration_h),
        "border_crossings": o.border_crossings, "gauge_changes": o.gauge_changes,
        "passenger_service": o.passenger_service, "scheduled": o.scheduled,
        "depart": o.depart.isoformat() if o.depart else None,
        "arrive": o.arrive.isoformat() if o.arrive else None,
        "notes": list(o.notes), "legs": [_leg(leg) for leg in o.legs],
    }


def options_to_dict(result: TripOptions) -> dict[str, Any]:
    """Every field of the result, as plain JSON-ready data."""
    trip = result.trip
    return {
        "origin": _place(trip.origin),
        "destination": _place(trip.destination),
        "trip": {"via": [v.name for v in trip.via],
                 "avoid": [*trip.avoid_countries, *(p.name for p in trip.avoid_places)],
                 "modes": list(trip.modes), "alternatives": trip.alternatives,
                 "service": trip.service,
                 "depart": trip.depart.isoformat() if trip.depart else None},
        "options": [_option(o) for o in result.options],
        "notes": list(result.notes),
        "attribution": ATTRIBUTION,
    }


def options_to_json(result: TripOptions) -> str:
    """:func:`options_to_dict` as indented JSON text."""
    return json.dumps(options_to_dict(result), ensure_ascii=False, indent=2) + "\n"


def options_to_rows(result: TripOptions) -> list[dict[str, Any]]:
    """One row per option and leg (the r5py long format), with ranges as three columns."""
    rows = []
    for i, o in enumerate(result.options, start=1):
        for j, leg in enumerate(o.legs, start=1):
            row: dict[str, Any] = {"option": i, "label": o.label, "leg": j, "mode": leg.mode,
                                   "from": leg.origin.name, "to": leg.destination.name}
            for name, est in (("distance_km", leg.distance_km), ("duration_h", leg.duration_h)):
                for part in ("low", "central", "high"):
                    row[f"{name}_{part}"] = round(getattr(est, part), 3)
            row.update({
                "countries": ";".join(leg.countries),
                "depart": leg.origin.arrival.isoformat() if leg.origin.arrival else "",
                "arrive": leg.destination.arrival.isoformat() if leg.destination.arrival else "",
                "tz_from": leg.origin.tz, "tz_to": leg.destination.tz,
                "notes": " | ".join(leg.notes),
            })
            rows.append(row)
    return rows


def options_to_csv(result: TripOptions) -> str:
    """:func:`options_to_rows` as CSV text."""
    rows = options_to_rows(result)
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def options_to_geojson(result: TripOptions) -> dict[str, Any]:
    """A FeatureCollection: a line per moving leg, a point per border or gauge-change stop."""
    features = []
    for i, o in enumerate(result.options, start=1):
        for j, leg in enumerate(o.legs, start=1):
            props = {"option": i, "label": o.label, "leg": j, "mode": leg.mode,
                     "from": leg.origin.name, "to": leg.destination.name,
                     "distance_km": _est(leg.distance_km), "duration_h": _est(leg.duration_h),
                     "countries": list(leg.countries), "notes": list(leg.notes)}
            coords = leg.geometry
            if len(coords) >= 2:
                geometry: dict[str, Any] = {"type": "LineString",
                                            "coordinates": [list(c) for c in coords]}
            else:
                geometry = {"type": "Point", "coordinates": [leg.origin.lon, leg.origin.lat]}
            features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features,
            "properties": {"attribution": ATTRIBUTION}}


def format_table(result: TripOptions) -> str:
    """A plain-text comparison for a terminal."""
    trip = result.trip
    head = f"{trip.origin.name} → {trip.destination.name}"
    if trip.via:
        head += " via " + ", ".join(v.name for v in trip.via)
    if trip.avoid_countries or trip.avoid_places:
        head += " avoiding " + ", ".join([*trip.avoid_countries,
                                          *(p.name for p in trip.avoid_places)])
    lines = [head, ""]
    for i, o in enumerate(result.options, start=1):
        dur = o.duration_h
        lines.append(f"{i}. {o.label}")
        lines.append(f"   distance {format_range(o.distance_km, unit='km')} · "
                     f"time {format_duration(dur)} · borders {o.border_crossings}"
                     f" · gauge changes {o.gauge_changes}")
        if o.depart and o.arrive:
            lines.append(f"   depart {o.depart:%Y-%m-%d %H:%M} ({o.legs[0].origin.utc_offset}) → "
                         f"arrive {o.arrive:%Y-%m-%d %H:%M} ({o.legs[-1].destination.utc_offset})"
                         " (central estimate)")
        for leg in o.legs:
            if leg.mode in ("border", "gauge_change"):
                what = "border" if leg.mode == "border" else "gauge change"
                lines.append(f"     {what:<12} at {leg.origin.name}: "
                             f"{format_range(leg.duration_h, '{:.1f}', 'h')}")
            else:
                lines.append(f"     {leg.mode:<12} {leg.origin.name} → {leg.destination.name}: "
                             f"{format_range(leg.distance_km, unit='km')}, "
                             f"{format_range(leg.duration_h, '{:.1f}', 'h')} "
                             f"[{', '.join(leg.countries)}]")
        lines.extend(f"   note: {n}" for n in o.notes)
        lines.append("")
    lines.extend(f"note: {n}" for n in result.notes)
    lines.append(ATTRIBUTION)
    return "\n".join(lines) + "\n"


def mention_to_dict(m: Mention, *, candidates: bool = False) -> dict[str, Any]:
    """A place mention as JSON-ready data."""
    p = m.place
    out: dict[str, Any] = {
        "start": m.start, "end": m.end, "text": m.text, "name": p.name,
        "lat": round(p.lat, 5), "lon": round(p.lon, 5), "country": p.country, "kind": p.kind,
        "id": p.id, "population": p.population, "confidence": m.confidence,
        "demonym": m.demonym,
    }
    if candidates:
        out["candidates"] = [{"id": c.id, "name": c.name, "country": c.country,
                              "kind": c.kind, "lat": c.lat, "lon": c.lon,
                              "population": c.population, "score": c.score}
                             for c in m.candidates]
    return out


def mentions_to_geojson(mentions: list[Mention]) -> dict[str, Any]:
    """A FeatureCollection with one point per mention."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point",
                                         "coordinates": [round(m.place.lon, 5),
                                                         round(m.place.lat, 5)]},
         "properties": mention_to_dict(m)} for m in mentions],
        "properties": {"attribution": ATTRIBUTION}}


_MENTION_ROW = "{:>7}-{:<7} {:<30} {:<30} {:<7} {:<16} {:>9} {:>10}  {}"


def format_mentions(mentions: list[Mention], *, header: bool = True) -> str:
    """A plain-text table of mentions for a terminal, with a header row.

    ``header=False`` leaves the header out, to add rows to a table already begun.

    Examples
    --------
    >>> from routes.geo.geoparse import find_places
    >>> table = format_mentions(find_places("From Tumen to Hunchun."))
    >>> table.splitlines()[0].split()
    ['start-end', 'text', 'place', 'country', 'kind', 'lat', 'lon', 'confidence']
    >>> table.splitlines()[1].split()[:3]
    ['5-10', 'Tumen', 'Tumen']

    """
    if not mentions:
        return "no places found\n"
    lines = [_MENTION_ROW.format("start", "end", "text", "place", "country", "kind", "lat",
                                 "lon", "confidence")] if header else []
    for m in mentions:
        p = m.place
        what = f"{p.kind}, demonym" if m.demonym else p.kind
        lines.append(_MENTION_ROW.format(m.start, m.end, m.text[:30], p.name[:30],
                                         p.country or "--", what, f"{p.lat:.4f}",
                                         f"{p.lon:.4f}", f"{m.confidence:.2f}"))
    return "\n".join(lines) + "\n"


def _checked(c: Any) -> dict[str, Any]:
    q, claim = c.claim.quantity, c.claim

    def end(p: Place | None) -> dict[str, Any] | None:
        return None if p is None else {"name": p.name, "lat": p.lat, "lon": p.lon,
                                       "id": p.id, "country": p.country}

    return {
        "start": q.start, "end": q.end, "surface": q.surface, "kind": q.kind, "value": q.value,
        "unit": q.unit, "si_value": q.si, "low": q.low, "high": q.high, "hedge": q.hedge,
        "hedge_cue": q.hedge_cue, "origin": end(claim.origin),
        "destination": end(claim.destination), "mode": claim.mode,
        "relation": claim.relation, "direction": claim.direction, "alt_of": claim.alt_of,
        "vague": q.vague, "verdict": c.verdict, "fits": c.fits or None,
        "confidence": {"places": claim.places_confidence, "mode": claim.mode_confidence,
                       "places_note": claim.places_note, "mode_basis": claim.mode_basis},
        "estimate": None if c.estimate is None else {**c.estimate.as_dict(3), "unit": c.unit},
        "ratio": c.ratio, "basis": c.basis, "direction_check": c.direction or None,
        "explanation": c.explanation,
    }


def claim_to_dict(c: Any) -> dict[str, Any]:
    """One checked claim as JSON-ready data (as in :func:`claims_to_dict`)."""
    return _checked(c)


def claims_to_dict(report: Any) -> dict[str, Any]:
    """A claim report (:func:`routes.verdicts.check_claims`) as JSON-ready data."""
    return {"claims": [_checked(c) for c in report.claims],
            "places": [mention_to_dict(m) for m in report.places],
            "attribution": ATTRIBUTION}


def _estimate_text(c: Any) -> str:
    if c.estimate is None:
        return "–"
    return format_span(c.estimate, "{:,.1f}", c.unit)


def format_claims(report: Any, *, start: int = 1) -> str:
    """A plain-text claim report for a terminal; claims are numbered from ``start``."""
    if not report.claims:
        return "no distance, duration or speed claims found\n" if start == 1 else ""
    lines = []
    for i, c in enumerate(report.claims, start=start):
        cl = c.claim
        pair = " → ".join(p.name for p in (cl.origin, cl.destination) if p is not None) or "?"
        lines.append(f"{i}. {c.verdict.upper():<13} \"{cl.quantity.surface}\" [{cl.quantity.kind}, "
                     f"{cl.mode}] {pair}")
        lines.append(f"   confidence: places {cl.places_confidence}, mode {cl.mode_confidence}")
        lines.append(f"   estimate {_estimate_text(c)}" + (f", ratio {c.ratio:.2f}" if c.ratio
                                                            else ""))
        lines.append(f"   {c.explanation}")
    return "\n".join(lines) + "\n"


def markdown_cell(text: str) -> str:
    r"""``text`` safe inside a Markdown table cell: no HTML, no column breaks, one line.

    Examples
    --------
    >>> print(markdown_cell("<script>alert('x')</script> A | B"))
    &lt;script&gt;alert('x')&lt;/script&gt; A \| B

    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.replace("|", "\\|").split())


def format_claims_markdown(report: Any, *, header: bool = True) -> str:
    """A Markdown table of the claims, for a newsroom's notes (``header`` off for more rows)."""
    rows = ["| claim | kind | places | mode | confidence (places, mode) | verdict | estimate | "
            "why |", "|---|---|---|---|---|---|---|---|"] if header else []
    for c in report.claims:
        cl = c.claim
        pair = " → ".join(p.name for p in (cl.origin, cl.destination) if p is not None) or "?"
        rows.append(f"| {markdown_cell(cl.quantity.surface)} | {cl.quantity.kind} | "
                    f"{markdown_cell(pair)} | {cl.mode} | {cl.places_confidence}, "
                    f"{cl.mode_confidence} | **{c.verdict}** | "
                    f"{_estimate_text(c)} | {markdown_cell(c.explanation)} |")
    return "\n".join(rows) + "\n" if rows else ""
