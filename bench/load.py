"""Time loading and validating maps: the bundled claims.yaml and a 10,000-claim map.

Usage: python bench/load.py [--runs N] [--skip-big]

Prints, for each map, the median and best of N runs of ``load_map`` (read,
parse with positions, validate, cross-check), the file size and the peak
memory of one load (tracemalloc, in a run of its own).  Targets: claims.yaml
under 100 ms; a generated map of 10,000 claims and 20,000 relations under 2 s,
as YAML and as JSON.  The generated map comes from tests/gen.py (seeded, so
every run loads the same map).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from arguments.formats import json as json_format  # noqa: E402
from arguments.formats import yaml as yaml_format  # noqa: E402
from arguments.loader import load_map  # noqa: E402

BUNDLED = ROOT / "claims.yaml"


def time_load(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load_map(path)
        times.append(time.perf_counter() - start)
    return times


def peak_memory(path: Path) -> int:
    tracemalloc.start()
    load_map(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def report(label: str, path: Path, runs: int, target: float) -> bool:
    times = time_load(path, runs)
    med = statistics.median(times)
    ok = med < target
    print(
        f"{label:<34} {path.stat().st_size / 1e6:6.2f} MB   median {med * 1000:8.1f} ms   "
        f"best {min(times) * 1000:8.1f} ms   peak {peak_memory(path) / 1e6:6.1f} MB   "
        f"target < {target * 1000:.0f} ms: {'ok' if ok else 'MISSED'}"
    )
    return ok


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--skip-big", action="store_true", help="only the bundled map")
    args = ap.parse_args(argv)
    ok = True
    if BUNDLED.exists():
        load_map(BUNDLED)  # warm up imports and caches
        ok &= report("claims.yaml (bundled)", BUNDLED, args.runs, 0.100)
    else:
        print("claims.yaml: not found")
    if not args.skip_big:
        from gen import make_map

        start = time.perf_counter()
        m = make_map(10_000, 20_000, seed=1)
        print(
            f"(generated {len(m.claims):,} claims, {len(m.relations):,} relations in "
            f"{time.perf_counter() - start:.1f} s)"
        )
        with tempfile.TemporaryDirectory() as tmp:
            big_yaml, big_json = Path(tmp) / "big.yaml", Path(tmp) / "big.json"
            big_yaml.write_text(yaml_format.write(m), encoding="utf-8")
            big_json.write_text(json_format.write(m), encoding="utf-8")
            runs = max(3, args.runs // 2)
            ok &= report("10,000 claims, 20,000 rel. (YAML)", big_yaml, runs, 2.0)
            ok &= report("10,000 claims, 20,000 rel. (JSON)", big_json, runs, 2.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
