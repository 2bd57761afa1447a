"""Benchmark: network load time and route-option query time.

Run with ``make benchmark`` (or ``python benchmarks/bench_routes.py``). Prints medians over
repeated runs; nothing here is a pass/fail test. Targets from the issue: load ≤ 0.3 s from a
prepared cache, a k=3 options query ≤ 10 ms.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def _load_once() -> float:
    code = ("import time; import routes.network as n, routes.facts as f; t=time.perf_counter(); "
            "n.load_network(); print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return float(out.stdout.strip())


def _cold_compare() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "routes", "compare", "Pyongyang", "Vladivostok",
                    "--format", "json"], capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> int:
    from routes import find_options, load_network, plan_trip

    loads = [_load_once() for _ in range(7)]
    print(f"network load (fresh process, after imports): median {statistics.median(loads):.3f} s"
          f" over {len(loads)} runs")
    colds = [_cold_compare() for _ in range(5)]
    print(f"'routes compare Pyongyang Vladivostok' as a fresh process: median "
          f"{statistics.median(colds):.3f} s over {len(colds)} runs")
    load_network()
    queries = {
        "Pyongyang → Vladivostok, k=3": plan_trip("Pyongyang", "Vladivostok", alternatives=3),
        "Pyongyang → Vladivostok via Tumen, Hunchun, k=3": plan_trip(
            "Pyongyang", "Vladivostok", via=["Tumen", "Hunchun"], alternatives=3),
        "Moscow → Vladivostok avoiding CN, MN, KZ, k=3": plan_trip(
            "Moscow", "Vladivostok", avoid=["CN", "MN", "KZ"], alternatives=3),
        "Beijing → Khabarovsk, k=3": plan_trip("Beijing", "Khabarovsk", alternatives=3),
    }
    for name, trip in queries.items():
        find_options(trip)  # warm caches
        times = []
        for _ in range(30):
            start = time.perf_counter()
            find_options(trip)
            times.append(time.perf_counter() - start)
        print(f"query {name}: median {statistics.median(times) * 1000:.1f} ms over "
              f"{len(times)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
