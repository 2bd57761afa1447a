"""Regenerate data/maps/basemap_50m.geojson.gz, the offline basemap of every map.

Land and land borders of the whole world from data/raw/ne_50m_admin0_countries_world.geojson.gz
(Natural Earth 1:50m, public domain); see :mod:`routes.io.basemap`. Usage::

    python scripts/make_basemap.py
"""

from __future__ import annotations

import sys

from routes import settings
from routes.io.basemap import BASEMAP, COUNTRIES, build_basemap


def main() -> int:
    out = settings.data_folder / BASEMAP
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build_basemap(settings.data_folder / COUNTRIES))
    print(f"{out} ({out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
