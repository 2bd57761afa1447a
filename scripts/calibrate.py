"""Print how the estimates compare with the real trips in data/calibration.toml."""

from __future__ import annotations

import sys

from routes.calibration import check_calibration


def main() -> int:
    results = check_calibration()
    failed = 0
    for r in results:
        status = "ok  " if r.ok else "FAIL"
        failed += not r.ok
        print(f"{status} {r.trip.id:<30} real {r.real_text:<16} estimate {r.estimate_text:<26} "
              f"width ±{r.width:.0%}  {r.problem}")
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
