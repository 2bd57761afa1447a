"""Evaluate claim checking on the development sets in ../shared/eval.

For each set (claims-dev.jsonl, and claims-dev2.jsonl with its truth labels):

* extraction: precision, recall and F1 of the claims found (spans overlapping a gold claim),
  also per kind (distance, duration, speed);
* attribution: both places right, and the mode right, over the claims found; per gold mode;
* with truth labels (consistent / understated / overstated / unknowable):
  - flag precision: of the claims marked understated or overstated, the share whose truth
    is that label;
  - false alarms: the share of consistent claims that are flagged;
  - catch rate: the share of understated or overstated claims flagged the right way;
  - confirmed: the share of consistent claims called consistent;
  each also per kind and per gold mode;
* mutation test: every true straight-line or unspecified distance found and called
  consistent is restated at half and at twice its value; the share flagged is printed.

A predicted place matches a gold place when it lies within 50 km of the gold point. A
predicted area (country, region, island, sea) also matches when its name is the gold name
or the wording the gold records (``origin_ref`` / ``destination_ref``): the gold point of an
area is one point chosen inside it. Places count in either order.

Usage: python scripts/eval_claims.py [--errors] [--set dev|dev2]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from routes.geo.geodesy import distance_km
from routes.geo.places import Place, normalize_name
from routes.verdicts import CheckedClaim, check_claims

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
SETS = {"dev": ("claims-dev.jsonl", None), "dev2": ("claims-dev2.jsonl", "claims-dev2.truth.jsonl")}
_AREAS = frozenset({"country", "admin1", "admin2", "region", "continent", "sea", "island"})
_SAME_MODE = {"unspecified": "straight"}
FLAGS = ("understated", "overstated")


def _near(p: Place, gold: dict[str, Any] | None) -> bool:
    return gold is not None and distance_km(p.point, (gold["lat"], gold["lon"])) <= 50


def _matches(place: Place, name: str | None, gold: dict[str, Any] | None,
             ref: str | None) -> bool:
    if _near(place, gold):
        return True
    if place.kind not in _AREAS:
        return False
    wording = {normalize_name(w) for w in (name, re.sub(r"\s*\(.*", "", ref or "")) if w}
    return normalize_name(place.name) in wording


def _mode(m: str) -> str:
    return _SAME_MODE.get(m, m)


def _mutate(text: str, start: int, end: int, surface: str, factor: float) -> str | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", surface)
    if not m:
        return None
    value = float(m.group().replace(",", "")) * factor
    return text[:start] + surface[:m.start()] + f"{value:g}" + surface[m.end():] + text[end:]


class Tally:
    """Counts for one set."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.kind: dict[str, Counter[str]] = defaultdict(Counter)
        self.places = Counter[str]()
        self.modes: dict[str, Counter[str]] = defaultdict(Counter)
        self.truth: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        self.flags = Counter[str]()
        self.mutants = Counter[str]()
        self.errors: list[str] = []

    def truth_row(self, group: str, truth: str, verdict: str | None) -> None:
        c = self.truth[group][truth]
        c["n"] += 1
        if verdict is None:
            c["missed"] += 1
        elif verdict in FLAGS:
            c["flagged"] += 1
            c["right_way"] += verdict == truth
        elif verdict == "consistent":
            c["consistent"] += 1


def _match(found: list[CheckedClaim], gold: list[dict[str, Any]]) -> dict[int, CheckedClaim]:
    """Gold claim index -> the claim found on an overlapping span."""
    out: dict[int, CheckedClaim] = {}
    for c in found:
        q = c.claim.quantity
        hit = next((k for k, g in enumerate(gold) if k not in out
                    and q.start < g["end"] and g["start"] < q.end), None)
        if hit is not None:
            out[hit] = c
    return out


def evaluate(items: list[dict[str, Any]], truth: dict[tuple[str, int], dict[str, Any]],
             *, mutation: bool) -> Tally:
    t = Tally()
    for item in items:
        report = check_claims(item["text"])
        gold = item["claims"]
        matched = _match(list(report.claims), gold)
        used = {id(c) for c in matched.values()}
        for c in report.claims:
            if id(c) not in used:
                t.fp += 1
                t.kind[c.claim.quantity.kind]["fp"] += 1
                t.errors.append(f"FP    {item['id']} {c.claim.quantity.surface!r} "
                                f"({c.verdict}: {c.explanation[:90]})")
        for k, g in enumerate(gold):
            c = matched.get(k)
            t.kind[g["kind"]]["gold"] += 1
            if c is None:
                t.fn += 1
                t.kind[g["kind"]]["fn"] += 1
                t.errors.append(f"FN    {item['id']} {g['surface']!r} ({g['kind']}, {g['mode']})")
            else:
                t.tp += 1
                t.kind[g["kind"]]["tp"] += 1
                _attribution(t, item, g, c)
            label = truth.get((item["id"], k))
            if label is not None:
                verdict = c.verdict if c is not None else None
                for group in ("all", f"kind:{g['kind']}", f"mode:{_mode(g['mode'])}"):
                    t.truth_row(group, label["truth"], verdict)
                if verdict in FLAGS:
                    ok = verdict == label["truth"]
                    t.flags["right" if ok else "wrong"] += 1
                    if not ok:
                        t.errors.append(f"FLAG  {item['id']} {g['surface']!r}: {verdict}, truth "
                                        f"{label['truth']} ({label['basis'][:70]}); "
                                        f"ours: {c.explanation[:150] if c else ''}")
                elif label["truth"] in FLAGS and c is not None:
                    t.errors.append(f"MISS  {item['id']} {g['surface']!r}: {verdict}, truth "
                                    f"{label['truth']}; ours: {c.explanation[:150]}")
                if mutation and c is not None and label["truth"] == "consistent" and \
                        g["kind"] == "distance" and _mode(g["mode"]) == "straight" and \
                        c.verdict == "consistent":
                    _mutants(t, item, c)
    return t


def _attribution(t: Tally, item: dict[str, Any], g: dict[str, Any], c: CheckedClaim) -> None:
    gm = _mode(g["mode"])
    t.modes[gm]["n"] += 1
    if _mode(c.claim.mode) == gm:
        t.modes[gm]["ok"] += 1
    else:
        t.errors.append(f"MODE  {item['id']} {g['surface']!r}: {c.claim.mode}, gold {g['mode']}")
    places = item.get("places", {})
    go, gd = places.get(g.get("origin") or ""), places.get(g.get("destination") or "")
    if g.get("origin_from_context") or g.get("destination_from_context") or not (go and gd):
        return
    t.places["n"] += 1
    o, d = c.claim.origin, c.claim.destination
    gold_o = (g.get("origin"), go, g.get("origin_ref"))
    gold_d = (g.get("destination"), gd, g.get("destination_ref"))
    if o is not None and d is not None and (
            (_matches(o, *gold_o) and _matches(d, *gold_d))
            or (_matches(o, *gold_d) and _matches(d, *gold_o))):
        t.places["ok"] += 1
    else:
        t.errors.append(f"PLACE {item['id']} {g['surface']!r}: "
                        f"{o.name if o else None} / {d.name if d else None}, gold "
                        f"{g.get('origin')} / {g.get('destination')}")


def _mutants(t: Tally, item: dict[str, Any], c: CheckedClaim) -> None:
    q = c.claim.quantity
    for factor, name in ((0.5, "half"), (2.0, "double")):
        text = _mutate(item["text"], q.start, q.end, q.surface, factor)
        if text is None:
            continue
        again = check_claims(text)
        hit = [x for x in again.claims if abs(x.claim.quantity.start - q.start) < 3]
        t.mutants[f"{name}:n"] += 1
        if hit and hit[0].verdict in FLAGS:
            t.mutants[f"{name}:flagged"] += 1
        else:
            t.errors.append(f"MUT   {item['id']} {q.surface!r} x{factor} not flagged")


def _share(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "–"


def report(name: str, t: Tally, *, errors: bool) -> None:
    p = t.tp / (t.tp + t.fp) if t.tp + t.fp else 0.0
    r = t.tp / (t.tp + t.fn) if t.tp + t.fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"== {name}: gold claims {t.tp + t.fn}, found {t.tp + t.fp}")
    print(f"extraction precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    for kind, c in sorted(t.kind.items()):
        print(f"  {kind:<9} found {c['tp']}/{c['gold']}, false {c['fp']}")
    print(f"places {_share(t.places['ok'], t.places['n'])}")
    ok = sum(c["ok"] for c in t.modes.values())
    n = sum(c["n"] for c in t.modes.values())
    print(f"mode {_share(ok, n)}: " + ", ".join(
        f"{m} {c['ok']}/{c['n']}" for m, c in sorted(t.modes.items())))
    if t.truth:
        flags = t.flags["right"] + t.flags["wrong"]
        print(f"flag precision {_share(t.flags['right'], flags)}")
        for group in sorted(t.truth, key=lambda g: (g != "all", g)):
            rows = t.truth[group]
            cons = rows.get("consistent", Counter())
            wrong = Counter[str]()
            for label in FLAGS:
                wrong.update(rows.get(label, Counter()))
            print(f"  {group:<16} false alarms {_share(cons['flagged'], cons['n']):<16} "
                  f"confirmed {_share(cons['consistent'], cons['n']):<16} "
                  f"caught {_share(wrong['right_way'], wrong['n'])}")
    if t.mutants:
        print("mutation (true straight-line distances): "
              f"half {_share(t.mutants['half:flagged'], t.mutants['half:n'])}, "
              f"double {_share(t.mutants['double:flagged'], t.mutants['double:n'])}")
    if errors:
        for line in t.errors:
            print("  " + line)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=sorted(SETS), action="append")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    for name in args.set or sorted(SETS):
        fname, truth_name = SETS[name]
        path = EVAL / fname
        if not path.exists():
            print(f"evaluation set not found: {path}", file=sys.stderr)
            return 2
        items = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        truth: dict[tuple[str, int], dict[str, Any]] = {}
        if truth_name is not None:
            for line in (EVAL / truth_name).read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                truth[(row["id"], int(row["claim"]))] = row
        report(f"{name} ({len(items)} items)", evaluate(items, truth, mutation=True),
               errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
