"""Evaluate claim checking on the development set (../shared/eval/claims-dev.jsonl).

Prints extraction precision/recall/F1 (overlapping spans), attribution accuracy (both places
matching the gold places, in either order; and the mode), and the agreement of our
verdicts with verdicts computed from the gold places' straight-line distance for distance
claims. Then the mutation test: every claim we find consistent is restated at half and at
twice its value; the share of mutated claims flagged is printed, and the share of original
claims flagged (leaving out those the annotators note as wrong in the source).

A predicted place matches a gold place when it lies within 50 km of the gold point. A
predicted *area* (country, region, island, sea) also matches when its name is the gold name
or the text's wording the gold records (``origin_ref``/``destination_ref``, without the
annotator's parenthesised note): the gold point of an area is one point chosen inside it
("Sicily (south coast)"), so distance from it cannot judge an area. Towns, stations and
airports are judged by distance only, so a wrong town of the right name ("Austin") still fails.

Places are scored in either order because every verdict the checker gives is symmetric in
the two ends (straight line, rail options, block times); a second figure counts the pairs
whose order also matches the gold, for the relations that have a direction.
Usage: python scripts/eval_claims.py [PATH] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from routes.geo.geodesy import distance_km
from routes.geo.places import Place, normalize_name
from routes.text.claims import check_claims

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "claims-dev.jsonl"
_MODES = {"unspecified": "straight"}


_AREAS = frozenset({"country", "admin1", "admin2", "region", "continent", "sea", "island"})


def _near(p: dict, gold: dict | None) -> bool:
    return gold is not None and distance_km((p["lat"], p["lon"]), (gold["lat"], gold["lon"])) <= 50


def _matches(place: Place, name: str | None, gold: dict | None, ref: str | None) -> bool:
    """``place`` is the gold place: within 50 km, or an area named as the gold names it."""
    if _near({"lat": place.lat, "lon": place.lon}, gold):
        return True
    if place.kind not in _AREAS:
        return False
    wording = {normalize_name(w) for w in (name, re.sub(r"\s*\(.*", "", ref or "")) if w}
    return normalize_name(place.name) in wording


def _mutate(text: str, start: int, end: int, surface: str, factor: float) -> str | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", surface)
    if not m:
        return None
    value = float(m.group().replace(",", "")) * factor
    new = f"{value:g}"
    return text[:start] + surface[:m.start()] + new + surface[m.end():] + text[end:]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    if not args.path.exists():
        print(f"evaluation set not found: {args.path}", file=sys.stderr)
        return 2
    items = [json.loads(x) for x in args.path.read_text(encoding="utf-8").splitlines()]
    tp = fp = fn = 0
    place_ok = place_n = mode_ok = mode_n = agree = agree_n = directed_ok = directed_n = 0
    originals = flagged_orig = mutated = flagged_mut = 0
    for item in items:
        report = check_claims(item["text"])
        gold = item["claims"]
        used: set[int] = set()
        for c in report.claims:
            q = c.claim.quantity
            hit = next((k for k, g in enumerate(gold) if k not in used
                        and q.start < g["end"] and g["start"] < q.end), None)
            if hit is None:
                fp += 1
                if args.errors:
                    print("FP", item["id"], q.surface)
                continue
            used.add(hit)
            tp += 1
            g = gold[hit]
            places = item.get("places", {})
            go, gd = places.get(g.get("origin") or ""), places.get(g.get("destination") or "")
            from_context = g.get("origin_from_context") or g.get("destination_from_context")
            if go and gd and not from_context:
                place_n += 1
                o, d = c.claim.origin, c.claim.destination
                gold_o = (g.get("origin"), go, g.get("origin_ref"))
                gold_d = (g.get("destination"), gd, g.get("destination_ref"))
                if o and d:
                    ordered = _matches(o, *gold_o) and _matches(d, *gold_d)
                    if g.get("relation") != "between":
                        directed_n += 1
                        directed_ok += ordered
                        if not ordered and args.errors:
                            print("ORDER", item["id"], q.surface, o.name, d.name, "gold",
                                  g.get("origin"), g.get("destination"), g.get("relation"))
                    if ordered or (_matches(o, *gold_d) and _matches(d, *gold_o)):
                        place_ok += 1
                    elif args.errors:
                        print("PLACES", item["id"], q.surface, o.name, d.name, "gold",
                              g.get("origin"), g.get("destination"))
            mode_n += 1
            if _MODES.get(c.claim.mode, c.claim.mode) == _MODES.get(g["mode"], g["mode"]):
                mode_ok += 1
            elif args.errors:
                print("MODE", item["id"], q.surface, c.claim.mode, "gold", g["mode"])
            if (g["kind"] == "distance" and go and gd and g["mode"] in ("straight", "unspecified")
                    and c.verdict != "unverifiable"):
                d_km = distance_km((go["lat"], go["lon"]), (gd["lat"], gd["lon"]))
                ratio = g["si"] / 1000 / d_km if d_km else 0
                expected = ("consistent" if 0.8 <= ratio <= 1.25 else
                            "understated" if ratio < 0.8 else "overstated")
                agree_n += 1
                agree += c.verdict == expected
            wrong_in_source = re.search(r"\b(?:overstated|understated)\b", g.get("note", ""))
            if c.verdict != "unverifiable" and c.claim.alt_of is None and not wrong_in_source:
                originals += 1
                flagged = c.verdict in ("understated", "overstated")
                flagged_orig += flagged
                if flagged and args.errors:
                    print("ORIGINAL flagged", item["id"], q.surface, c.verdict, c.basis)
            if c.verdict == "consistent" and c.claim.alt_of is None:
                for factor in (0.5, 2.0):
                    text = _mutate(item["text"], q.start, q.end, q.surface, factor)
                    if text is None:
                        continue
                    again = check_claims(text)
                    match = [x for x in again.claims if abs(x.claim.quantity.start - q.start) < 3]
                    mutated += 1
                    if match and match[0].verdict in ("understated", "overstated"):
                        flagged_mut += 1
                    elif args.errors:
                        print("MUTANT not flagged", item["id"], q.surface, factor)
        fn += len(gold) - len(used)
        if args.errors:
            for k, g in enumerate(gold):
                if k not in used:
                    print("FN", item["id"], g["surface"])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"items {len(items)}, gold claims {tp + fn}, found {tp + fp}")
    print(f"extraction precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(f"attribution: places {place_ok}/{place_n} = {place_ok / max(place_n, 1):.3f}; "
          f"mode {mode_ok}/{mode_n} = {mode_ok / max(mode_n, 1):.3f}")
    print(f"  of which in the gold's order, for relations with a direction: "
          f"{directed_ok}/{directed_n}")
    print(f"verdict agreement (distance claims, from gold places) {agree}/{agree_n}")
    print(f"mutation test: {flagged_mut}/{mutated} mutated claims flagged "
          f"({flagged_mut / max(mutated, 1):.0%}); originals flagged {flagged_orig}/{originals} "
          f"({flagged_orig / max(originals, 1):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
