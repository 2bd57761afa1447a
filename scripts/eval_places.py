"""Measure how many claim endpoints the place finder resolves (../shared/eval/claims-dev2.jsonl).

Each distinct ``(item, place)`` named as a claim's origin or destination, and found in the
item's own text (not ``*_from_context``), counts once. It is *resolved* when a mention whose
text is the place's name or its wording in the text (``*_ref``), or is part of either,
lies within 50 km of the gold point; *found anywhere* when any mention of the text does.
Only measures: nothing here feeds back into the finder. Prints the shares and, with
``--misses``, each endpoint not resolved with what the finder made of it. Usage::

    python scripts/eval_places.py [PATH] [--misses]

Exits with status 2 when the set is not there (it lives beside the project, not in it).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from routes.geo.geodesy import great_circle_km
from routes.geo.geoparse import Mention, find_places
from routes.geo.places import normalize_name

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "claims-dev2.jsonl"
WITHIN_KM = 50.0


def endpoints(item: dict[str, Any]) -> list[tuple[str, set[str], float, float]]:
    """``(name, wordings, lat, lon)`` of the item's claim ends that its text names."""
    out: dict[str, tuple[str, set[str], float, float]] = {}
    for claim in item["claims"]:
        for side in ("origin", "destination"):
            name = claim.get(side)
            gold = item["places"].get(name) if name else None
            if not name or gold is None or claim.get(f"{side}_from_context"):
                continue
            wordings = {normalize_name(name)}
            if claim.get(f"{side}_ref"):
                wordings.add(normalize_name(claim[f"{side}_ref"]))
            if name in out:
                out[name][1].update(wordings)
            else:
                out[name] = (name, wordings, float(gold["lat"]), float(gold["lon"]))
    return list(out.values())


def _names_it(m: Mention, wordings: set[str]) -> bool:
    said = normalize_name(m.text)
    return any(said == w or said in w or w in said for w in wordings)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list the endpoints missed")
    args = parser.parse_args()
    if not args.path.exists():
        print(f"evaluation set not found: {args.path}", file=sys.stderr)
        return 2
    items = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    total = resolved = anywhere = 0
    misses = []
    t0 = time.perf_counter()
    for item in items:
        mentions = find_places(item["text"], demonyms=False)
        for name, wordings, lat, lon in endpoints(item):
            total += 1
            near = [m for m in mentions
                    if great_circle_km(m.place.lat, m.place.lon, lat, lon) <= WITHIN_KM]
            if near:
                anywhere += 1
            if any(_names_it(m, wordings) for m in near):
                resolved += 1
                continue
            named = [m for m in mentions if _names_it(m, wordings)]
            what = "; ".join(
                f"{m.text} -> {m.place.name} ({m.place.country}, "
                f"{great_circle_km(m.place.lat, m.place.lon, lat, lon):.0f} km, "
                f"conf {m.confidence})" for m in named) or "not found"
            misses.append((item["id"], name, what))
    elapsed = time.perf_counter() - t0
    print(f"items {len(items)}, claim endpoints named in the text {total}")
    print(f"resolved within {WITHIN_KM:.0f} km: {resolved}/{total} = {resolved / total:.3f}; "
          f"found anywhere in the text: {anywhere}/{total} = {anywhere / total:.3f} "
          f"({elapsed:.2f} s)")
    if args.misses:
        for row in misses:
            print("  ", *row, sep="  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
