"""Scenarios: a trip plus overrides of the model's assumptions, compared side by side.

A scenario file (TOML, ``data/scenarios/``) names the trip (origin, destination, via,
avoid, modes, departure, service) and may override assumptions: a speed class
(``[speed.kp_mainline] kmh = [low, typical, high]``), a dwell class
(``[dwell.bogie_exchange] hours = [...]``) or the dwell at one crossing
(``[crossing.tumangang_khasan] bogie_exchange = [...]``). :func:`compare` runs scenarios and returns
pandas tables: one row per scenario, option and leg (long form), and a summary with one row
per scenario. :func:`sensitivity` varies one assumption and shows how the total moves.

Examples
--------
>>> s = load_scenario(settings.data_folder / "scenarios" / "direct_rail.toml")
>>> s.name, s.origin, s.modes
('Direct rail via Tumangang and Khasan', 'Pyongyang', ('rail',))

"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from routes import settings
from routes.errors import InputError, RoutesError
from routes.estimate import Estimate
from routes.facts import DwellClass, Facts, Service, SpeedClass
from routes.itinerary import RouteOption
from routes.network.graph import Network, load_network
from routes.options import find_options
from routes.trip import plan_trip

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Scenario", "ScenarioComparison", "compare", "load_scenario", "map_scenarios",
           "plot_durations", "scenario_files", "sensitivity"]

_KEYS = {"name", "description", "origin", "destination", "via", "avoid", "mode", "depart",
         "service", "alternatives", "option", "measure", "speed", "dwell", "crossing"}
_MEASURES = ("door_to_door", "in_vehicle")


@dataclass(frozen=True, slots=True)
class Scenario:
    """A trip and the assumptions to change for it."""

    name: str
    origin: str
    destination: str
    via: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    modes: tuple[str, ...] = ("rail", "air")
    depart: str | None = None
    service: str = "regular"
    alternatives: int = 1
    option: int = 1
    measure: str = "door_to_door"
    speed: Mapping[str, Estimate] = field(default_factory=dict)
    dwell: Mapping[str, Estimate] = field(default_factory=dict)
    crossing_dwell: Mapping[tuple[str, str], Estimate] = field(default_factory=dict)
    description: str = ""
    path: str = ""


def _fail(path: Path, what: str) -> InputError:
    return InputError(f"{path.name}: {what}")


def _estimate(path: Path, key: str, value: Any, *, allow_zero: bool) -> Estimate:
    if not (isinstance(value, list) and len(value) == 3
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
        raise _fail(path, f"{key} must be [low, central, high] numbers")
    lo, mid, hi = (float(v) for v in value)
    if lo < 0 or (not allow_zero and lo == 0):
        raise _fail(path, f"{key} must be positive, got {lo:g}")
    if not lo <= mid <= hi:
        raise _fail(path, f"{key} must be in order low <= central <= high")
    return Estimate(lo, mid, hi)


def _strings(path: Path, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)):
        raise _fail(path, f"{key!r} must be a list of names, e.g. {key} = [\"Tumen\"]")
    return tuple(value)


def _tables(path: Path, data: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise _fail(path, f"{key!r} must be a table, e.g. [{key}.NAME]")
    return value


def _choice(path: Path, data: Mapping[str, Any], key: str, default: str,
            allowed: Iterable[str]) -> str:
    value = data.get(key, default)
    allowed = tuple(allowed)
    if not isinstance(value, str) or value not in allowed:
        raise _fail(path, f"{key!r} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _overrides(path: Path, data: Mapping[str, Any], section: str, known: Iterable[str],
               field: str, order: str, *, allow_zero: bool) -> dict[str, Estimate]:
    """``[section.NAME] field = [...]`` tables: each NAME a known class, one estimate each."""
    known = tuple(known)
    out = {}
    for name, table in _tables(path, data, section).items():
        if name not in known:
            raise _fail(path, f"unknown {section} class {name!r}; allowed: {', '.join(known)}")
        if not isinstance(table, dict) or set(table) != {field}:
            raise _fail(path, f"{section}.{name} takes only {field} = [{order}]")
        out[name] = _estimate(path, f"{section}.{name}.{field}", table[field],
                              allow_zero=allow_zero)
    return out


def load_scenario(path: str | Path) -> Scenario:
    """Read and check a scenario file.

    Raises
    ------
    InputError
        Naming the file, the key and what is allowed: an unknown key, a wrong type, a
        negative speed, an unknown speed or dwell class, an unknown place.

    """
    from routes.facts import load_facts
    from routes.geo.places import find_place

    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        msg = f"scenario file not found: {p}"
        raise InputError(msg) from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(p, f"not valid TOML ({exc})") from None
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise _fail(p, f"unknown key {unknown[0]!r}; allowed: {', '.join(sorted(_KEYS))}")
    for key in ("name", "origin", "destination"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise _fail(p, f"{key!r} is required (a string)")
    via, avoid = _strings(p, data, "via"), _strings(p, data, "avoid")
    for key in ("origin", "destination", *(f"via {v}" for v in via)):
        name = data[key] if key in data else key.split(" ", 1)[1]
        try:
            find_place(name)
        except RoutesError as exc:
            raise _fail(p, f"{key.split(' ')[0]!r}: {exc}") from None
    facts = load_facts()
    speed = _overrides(p, data, "speed", facts.speeds, "kmh", "low, typical, high",
                       allow_zero=False)
    dwell = _overrides(p, data, "dwell", facts.dwell, "hours", "low, central, high",
                       allow_zero=True)
    crossing_dwell = {}
    known = {c.id for c in facts.crossings}
    for cid, table in _tables(p, data, "crossing").items():
        if cid not in known:
            raise _fail(p, f"unknown crossing {cid!r}; allowed: {', '.join(sorted(known))}")
        if not isinstance(table, dict) or not set(table) <= set(facts.dwell) or not table:
            raise _fail(p, f"crossing.{cid} takes {' and/or '.join(facts.dwell)} = "
                           "[low, central, high] hours")
        for kind, value in table.items():
            crossing_dwell[(cid, kind)] = _estimate(p, f"crossing.{cid}.{kind}", value,
                                                    allow_zero=True)
    mode = _choice(p, data, "mode", "any", ("rail", "air", "any"))
    modes = ("rail", "air") if mode == "any" else (mode,)
    measure = _choice(p, data, "measure", "door_to_door", _MEASURES)
    service = _choice(p, data, "service", "regular", facts.services)
    depart = data.get("depart")
    if isinstance(depart, dt.datetime):  # a TOML date-time, unquoted
        depart = depart.isoformat()
    if depart is not None and not isinstance(depart, str):
        raise _fail(p, "'depart' must be a date and time with an offset, e.g. "
                       "2019-04-24T05:00+09:00")
    if not isinstance(data.get("description", ""), str):
        raise _fail(p, "'description' must be a string")
    for key in ("alternatives", "option"):
        value = data.get(key, 1)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 10:
            raise _fail(p, f"{key!r} must be a whole number from 1 to 10")
    return Scenario(
        name=data["name"], origin=data["origin"], destination=data["destination"],
        via=via, avoid=avoid, modes=modes, depart=depart, service=service,
        alternatives=int(data.get("alternatives", 1)), option=int(data.get("option", 1)),
        measure=measure, speed=speed, dwell=dwell, crossing_dwell=crossing_dwell,
        description=str(data.get("description", "")), path=str(p))


def _network_for(scenario: Scenario, base: Network) -> Network:
    """The network with the scenario's assumptions (a service of its own)."""
    if not scenario.speed and not scenario.dwell and not scenario.crossing_dwell:
        return base
    facts: Facts = base.facts
    service = facts.services[scenario.service]
    speeds = dict(service.speeds)
    for cls, kmh in scenario.speed.items():
        old = facts.speed(cls, scenario.service)
        speeds[cls] = SpeedClass(cls, old.name, kmh, (f"scenario {scenario.name}",), (),
                                 "scenario")
    dwell = dict(service.dwell)
    for kind, hours in scenario.dwell.items():
        old_d = facts.dwell_for(kind, scenario.service)
        dwell[kind] = DwellClass(kind, old_d.name, hours, (), "scenario")
    by_crossing = dict(service.crossing_dwell)
    for (cid, kind), hours in scenario.crossing_dwell.items():
        name = facts.dwell_for(kind, scenario.service).name
        by_crossing[(cid, kind)] = DwellClass(kind, name, hours, (), "scenario")
    services = dict(facts.services)
    services[scenario.service] = Service(service.id, f"{service.name} (scenario)",
                                         f"assumptions changed by {scenario.name}", speeds,
                                         dwell, by_crossing)
    return base.with_facts(dataclasses.replace(facts, services=services))


def run_scenario(scenario: Scenario, *, network: Network | None = None) -> RouteOption:
    """The option a scenario picks (its ``option``-th, fastest first within its modes)."""
    net = _network_for(scenario, network or load_network())
    trip = plan_trip(scenario.origin, scenario.destination, via=scenario.via,
                     avoid=scenario.avoid, mode=list(scenario.modes),
                     alternatives=max(scenario.alternatives, scenario.option),
                     depart=scenario.depart, service=scenario.service)
    options = list(find_options(trip, network=net).options)
    if scenario.option > len(options):
        msg = f"{scenario.name}: only {len(options)} options found, not {scenario.option}"
        raise InputError(msg)
    return options[scenario.option - 1]


def _measured(scenario: Scenario, option: RouteOption) -> Estimate:
    if scenario.measure == "door_to_door":
        return option.duration_h
    legs = [leg for leg in option.legs if leg.mode in scenario.modes]
    lo = sum(leg.duration_h.low for leg in legs)
    mid = sum(leg.duration_h.central for leg in legs)
    hi = sum(leg.duration_h.high for leg in legs)
    return Estimate(lo, mid, hi)


@dataclass(frozen=True, slots=True)
class ScenarioComparison:
    """The results of :func:`compare`: ``legs`` (long form) and ``summary`` DataFrames."""

    legs: pd.DataFrame
    summary: pd.DataFrame
    options: tuple[RouteOption, ...]


def compare(scenarios: Iterable[Scenario | str | Path], *,
            network: Network | None = None) -> ScenarioComparison:
    """Run scenarios and tabulate them.

    Parameters
    ----------
    scenarios
        Scenarios, or paths of scenario files.
    network
        Defaults to :func:`routes.network.graph.load_network`.

    """
    import pandas as pd

    rows, summary, options = [], [], []
    for item in scenarios:
        s = item if isinstance(item, Scenario) else load_scenario(item)
        opt = run_scenario(s, network=network)
        options.append(opt)
        for j, leg in enumerate(opt.legs, start=1):
            rows.append({
                "scenario": s.name, "option": opt.label, "leg": j, "mode": leg.mode,
                "from": leg.origin.name, "to": leg.destination.name,
                "distance_km_low": leg.distance_km.low,
                "distance_km_central": leg.distance_km.central,
                "distance_km_high": leg.distance_km.high,
                "duration_h_low": leg.duration_h.low,
                "duration_h_central": leg.duration_h.central,
                "duration_h_high": leg.duration_h.high,
                "countries": ";".join(leg.countries),
                "dwell": leg.mode in ("border", "gauge_change"),
                "depart_local": leg.origin.arrival.isoformat() if leg.origin.arrival else None,
                "arrive_local": (leg.destination.arrival.isoformat()
                                 if leg.destination.arrival else None),
            })
        dur = _measured(s, opt)
        summary.append({
            "scenario": s.name, "option": opt.label, "measure": s.measure,
            "distance_km_low": opt.distance_km.low,
            "distance_km_central": opt.distance_km.central,
            "distance_km_high": opt.distance_km.high,
            "duration_h_low": dur.low, "duration_h_central": dur.central,
            "duration_h_high": dur.high, "border_crossings": opt.border_crossings,
            "gauge_changes": opt.gauge_changes,
            "arrive_local": opt.arrive.isoformat() if opt.arrive else None,
        })
    return ScenarioComparison(pd.DataFrame(rows), pd.DataFrame(summary), tuple(options))


def sensitivity(scenario: Scenario, *, speed: str | None = None, dwell: str | None = None,
                values: Sequence[float], network: Network | None = None) -> pd.DataFrame:
    """Vary one assumption and return the total duration for each value.

    Give either ``speed`` (a speed class, values in km/h, applied as the typical speed with
    the class's relative spread) or ``dwell`` (a dwell class, values in hours).
    """
    import pandas as pd

    if (speed is None) == (dwell is None):
        msg = "give exactly one of speed= or dwell="
        raise InputError(msg)
    net = network or load_network()
    rows = []
    for value in values:
        if value <= 0 and speed is not None:
            msg = f"speeds must be positive, not {value}"
            raise InputError(msg)
        if speed is not None:
            base = net.facts.speed(speed, scenario.service).kmh
            est = base.scaled(value / base.central)
            changed = dataclasses.replace(scenario, speed={**scenario.speed, speed: est})
        else:
            assert dwell is not None
            base = net.facts.dwell_for(dwell, scenario.service).hours
            est = Estimate(max(value - (base.central - base.low), 0.0), value,
                           value + (base.high - base.central))
            changed = dataclasses.replace(scenario, dwell={**scenario.dwell, dwell: est})
        opt = run_scenario(changed, network=net)
        dur = _measured(changed, opt)
        rows.append({"assumption": speed or dwell, "value": value,
                     "duration_h_low": dur.low, "duration_h_central": dur.central,
                     "duration_h_high": dur.high, "option": opt.label})
    return pd.DataFrame(rows)


def plot_durations(summary: pd.DataFrame, *, ax: Any = None) -> Any:
    """A horizontal bar chart of each scenario's duration, with its low–high range."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.6 * len(summary) + 1))
    y = range(len(summary))
    central = summary["duration_h_central"]
    lo = central - summary["duration_h_low"]
    hi = summary["duration_h_high"] - central
    ax.barh(list(y), central, xerr=[lo, hi], color="#1b6ca8", alpha=0.8, capsize=4)
    ax.set_yticks(list(y), summary["scenario"])
    ax.set_xlabel("hours (bar: central estimate; line: low–high)")
    ax.invert_yaxis()
    return ax


def map_scenarios(result: ScenarioComparison, *, self_contained: bool = True) -> Any:
    """The options of compared scenarios on one map (one layer each).

    As :func:`routes.io.maps.render_map`: Leaflet and its plugins are inlined unless
    ``self_contained=False``, which loads them from CDNs.
    """
    from routes.io.maps import Story, render_map
    from routes.options import TripOptions

    if not result.options:
        msg = "no scenario to map"
        raise InputError(msg)
    trip = plan_trip(str(result.legs.iloc[0]["from"]), str(result.legs.iloc[-1]["to"]))
    labelled = tuple(dataclasses.replace(o, label=f"{name}: {o.label}") for name, o in
                     zip(result.summary["scenario"], result.options, strict=True))
    return render_map(Story("", (), TripOptions(trip, labelled), None),
                      self_contained=self_contained)


def scenario_files(folder: Path | None = None) -> list[Path]:
    """The scenario files shipped in ``data/scenarios``, sorted."""
    return sorted((folder or settings.data_folder / "scenarios").glob("*.toml"))
