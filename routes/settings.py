"""Settings: where data and caches live.

Plain module variables, as in osmnx. Change them before the first query, e.g.
``routes.settings.cache_folder = Path("/tmp/routes-cache")``.

``data_folder``
    The project's ``data/`` folder (curated facts, places, the built network). Defaults
    to ``$ROUTES_DATA_DIR`` or the ``data/`` folder beside the package.
``cache_folder``
    Where prepared indexes are written. Defaults to ``$ROUTES_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/routes``, else ``~/.cache/routes``.
``use_cache``
    Set to ``False`` to always read the source files.
``assets_folder``
    The ``node_modules`` folder holding Leaflet and its plugins for self-contained maps
    (``make assets`` installs them from the npm registry). Defaults to
    ``$ROUTES_ASSETS_DIR`` or ``.assets/node_modules`` beside the package.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["assets_folder", "cache_folder", "data_folder", "use_cache"]


def _default_data_folder() -> Path:
    env = os.environ.get("ROUTES_DATA_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "data"


def _default_cache_folder() -> Path:
    env = os.environ.get("ROUTES_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "routes"


def _default_assets_folder() -> Path:
    env = os.environ.get("ROUTES_ASSETS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / ".assets" / "node_modules"


data_folder: Path = _default_data_folder()
assets_folder: Path = _default_assets_folder()
cache_folder: Path = _default_cache_folder()
use_cache: bool = True
