"""The result objects: a route option is a list of legs; a leg passes stops.

Every distance and duration is an :class:`~routes.estimate.Estimate` (low, central, high).
Border formalities and gauge changes are legs of their own (mode ``border`` and
``gauge_change``), so their time is visible next to the running time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from routes.estimate import Estimate

if TYPE_CHECKING:
    from shapely.geometry import LineString

__all__ = ["LEG_MODES", "Leg", "RouteOption", "Stop"]

LEG_MODES = ("rail", "air", "road", "border", "gauge_change")


@dataclass(frozen=True, slots=True)
class Stop:
    """A named point passed on a leg, with the time it is reached.

    ``elapsed_h`` is the central estimate of hours since the trip started; ``arrival`` is the
    local time there when the trip has a departure time.
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    tz: str
    country: str | None
    elapsed_h: float
    arrival: dt.datetime | None = None

    @property
    def utc_offset(self) -> str | None:
        """``+09:00`` style offset of the local arrival time, if known."""
        if self.arrival is None:
            return None
        off = self.arrival.utcoffset()
        if off is None:
            return None
        minutes = int(off.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@dataclass(frozen=True, slots=True)
class Leg:
    """One stretch of a trip in one mode (and, for rail, one country).

    ``mode`` is one of :data:`LEG_MODES`. ``sources`` are the URLs behind its figures.
    ``track`` lists the rail nodes passed; ``geometry`` is the line drawn, as ``(lon, lat)``
    points (empty for dwell legs).
    """

    mode: str
    origin: Stop
    destination: Stop
    distance_km: Estimate
    duration_h: Estimate
    countries: tuple[str, ...]
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    stops: tuple[Stop, ...] = ()
    track: tuple[str, ...] = ()
    shape: tuple[tuple[float, float], ...] = field(default=(), repr=False)
    _shape_of: Callable[[tuple[str, ...]], list[tuple[float, float]]] | None = field(
        default=None, repr=False, compare=False)

    @property
    def linestring(self) -> LineString | None:
        """The leg's geometry as a shapely ``LineString`` (``None`` for dwell legs)."""
        from shapely.geometry import LineString

        coords = self.geometry
        return LineString(coords) if len(coords) >= 2 else None

    @property
    def geometry(self) -> tuple[tuple[float, float], ...]:
        """The leg's line as ``(lon, lat)`` points; rail track is read on first use."""
        if self.shape or self._shape_of is None or not self.track:
            return self.shape
        return tuple(self._shape_of(self.track))


@dataclass(frozen=True, slots=True)
class RouteOption:
    """A way to make the trip.

    ``via`` names the stations, border crossings and airports passed, in order.
    ``distance_km`` and ``duration_h`` are totals whose ranges combine the legs'
    uncertainties (see :mod:`routes.estimate`).
    """

    label: str
    modes: tuple[str, ...]
    legs: tuple[Leg, ...]
    via: tuple[str, ...]
    distance_km: Estimate
    duration_h: Estimate
    border_crossings: int
    gauge_changes: int
    notes: tuple[str, ...] = ()
    passenger_service: bool = True
    scheduled: bool = True
    high_speed_km: float = 0.0  # of the distance, on high-speed lines (rail options)

    @property
    def depart(self) -> dt.datetime | None:
        """Local departure time, if the trip has one."""
        return self.legs[0].origin.arrival if self.legs else None

    @property
    def arrive(self) -> dt.datetime | None:
        """Local arrival time (central estimate), if the trip has a departure time."""
        return self.legs[-1].destination.arrival if self.legs else None
