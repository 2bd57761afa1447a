"""Low / central / high estimates, and how they add up.

A route's distance and duration are sums of parts whose uncertainties come from a few
sources: one section's official length, one line's speed range, one border's dwell. Parts
that share a source move together, so their deviations add; parts with different sources
are independent, so their deviations add in quadrature (root sum of squares). Adding every
low and every high instead would assume that everything goes wrong at once on a trip.

Examples
--------
>>> a = Estimate(4.0, 5.0, 7.0)
>>> a.width_ratio()
0.4
>>> total = Budget()
>>> total.add("speed:kp", Estimate(9.0, 10.0, 12.0))
>>> total.add("dwell:border", Estimate(0.5, 1.0, 2.0))
>>> round(total.estimate().high, 3)
13.236

"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["Budget", "Estimate", "format_duration", "format_range", "format_span"]


@dataclass(frozen=True, slots=True)
class Estimate:
    """A quantity known as a range: ``low <= central <= high``.

    Parameters
    ----------
    low, central, high
        Bounds and most likely value, in the unit of the field that holds the estimate.

    """

    low: float
    central: float
    high: float

    def __post_init__(self) -> None:
        if not (self.low <= self.central + 1e-9 and self.central <= self.high + 1e-9):
            msg = f"estimate out of order: low={self.low}, central={self.central}, high={self.high}"
            raise ValueError(msg)

    @classmethod
    def exact(cls, value: float) -> Estimate:
        """Return an estimate with no spread."""
        return cls(value, value, value)

    @classmethod
    def from_list(cls, values: list[float] | tuple[float, ...]) -> Estimate:
        """Build from ``[low, central, high]`` as written in the data files."""
        if len(values) != 3:
            msg = f"expected [low, central, high], got {list(values)!r}"
            raise ValueError(msg)
        low, central, high = (float(v) for v in values)
        return cls(low, central, high)

    def scaled(self, factor: float) -> Estimate:
        """Multiply every bound by a non-negative ``factor``."""
        return Estimate(self.low * factor, self.central * factor, self.high * factor)

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies within ``[low, high]``."""
        return self.low - 1e-9 <= value <= self.high + 1e-9

    def width_ratio(self) -> float:
        """Largest relative distance of a bound from the central value."""
        if self.central == 0:
            return 0.0
        return max(self.central - self.low, self.high - self.central) / self.central

    def rounded(self, ndigits: int = 1) -> Estimate:
        """Round every bound (for display and JSON)."""
        return Estimate(round(self.low, ndigits), round(self.central, ndigits),
                        round(self.high, ndigits))

    def as_dict(self, ndigits: int = 2) -> dict[str, float]:
        """Return ``{"low", "central", "high"}`` rounded to ``ndigits``."""
        return {"low": round(self.low, ndigits), "central": round(self.central, ndigits),
                "high": round(self.high, ndigits)}


@dataclass(slots=True)
class Budget:
    """Accumulates parts of a total, keyed by the source of their uncertainty.

    Deviations of parts with the same key add linearly; different keys combine in
    quadrature.
    """

    central: float = 0.0
    _below: dict[str, float] = field(default_factory=dict)
    _above: dict[str, float] = field(default_factory=dict)

    def add(self, key: str, part: Estimate) -> None:
        """Add ``part``, whose uncertainty comes from ``key``."""
        self.central += part.central
        self._below[key] = self._below.get(key, 0.0) + (part.central - part.low)
        self._above[key] = self._above.get(key, 0.0) + (part.high - part.central)

    def add_central(self, value: float) -> None:
        """Add to the central value without uncertainty."""
        self.central += value

    def add_spread(self, key: str, below: float, above: float) -> None:
        """Add deviations (non-negative) attributed to ``key``."""
        self._below[key] = self._below.get(key, 0.0) + below
        self._above[key] = self._above.get(key, 0.0) + above

    def merge(self, other: Budget) -> None:
        """Add every part of ``other``."""
        self.central += other.central
        for key, value in other._below.items():
            self._below[key] = self._below.get(key, 0.0) + value
        for key, value in other._above.items():
            self._above[key] = self._above.get(key, 0.0) + value

    def estimate(self) -> Estimate:
        """Return the total as an :class:`Estimate`."""
        below = math.sqrt(sum(v * v for v in self._below.values()))
        above = math.sqrt(sum(v * v for v in self._above.values()))
        return Estimate(max(self.central - below, 0.0), self.central, self.central + above)


# Ranges as text: one way for every table, map and explanation.


def _hours(h: float) -> str:
    total = round(h * 60)
    days, rest = divmod(total, 24 * 60)
    hh, mm = divmod(rest, 60)
    if days:
        return f"{days} d {hh:02d} h {mm:02d}"
    return f"{hh} h {mm:02d}"


_PLURALS = {"day": "days", "week": "weeks"}


def _unit(unit: str, value: str) -> str:
    """``unit`` after ``value``: "day" after "1", "days" after anything else."""
    return unit if value == "1" else _PLURALS.get(unit, unit)


def format_range(e: Estimate, fmt: str = "{:,.0f}", unit: str = "") -> str:
    """``central (low–high) unit``, or ``central unit`` when low and high print the same.

    Examples
    --------
    >>> format_range(Estimate(1165.2, 1187.0, 1203.4), unit="km")
    '1,187 (1,165–1,203) km'
    >>> format_range(Estimate(713.1, 713.2, 713.4), unit="km")
    '713 km'
    >>> format_range(Estimate(3.2, 3.7, 4.3), "{:.1f}", "day")
    '3.7 (3.2–4.3) days'

    """
    low, central, high = (fmt.format(v) for v in (e.low, e.central, e.high))
    text = central if low == high else f"{central} ({low}–{high})"
    return f"{text} {_unit(unit, central if low == high else high)}" if unit else text


def format_duration(e: Estimate) -> str:
    """A duration in hours as days, hours and minutes, with its range (one value if none).

    Examples
    --------
    >>> format_duration(Estimate(38.2, 43.87, 50.2))
    '1 d 19 h 52 (1 d 14 h 12 – 2 d 02 h 12)'
    >>> format_duration(Estimate(1.5, 1.5, 1.5))
    '1 h 30'

    """
    low, central, high = _hours(e.low), _hours(e.central), _hours(e.high)
    return central if low == high else f"{central} ({low} – {high})"


def format_span(e: Estimate, fmt: str, unit: str) -> str:
    """``low–high unit (central c)``, or ``c unit`` when low and high print the same.

    The unit is written once, after the range.

    Examples
    --------
    >>> format_span(Estimate(684.5, 684.5, 713.0), "{:,.1f}", "km")
    '684.5–713.0 km (central 684.5)'
    >>> format_span(Estimate(344.09, 344.1, 344.13), "{:,.1f}", "km")
    '344.1 km'
    >>> format_span(Estimate(3.2, 3.7, 4.3), "{:,.1f}", "day")
    '3.2–4.3 days (central 3.7)'

    """
    low, central, high = (fmt.format(v) for v in (e.low, e.central, e.high))
    if low == high:
        return f"{central} {_unit(unit, central)}"
    return f"{low}–{high} {_unit(unit, high)} (central {central})"
