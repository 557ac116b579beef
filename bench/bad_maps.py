"""Time refusing every broken map of tests/bad_maps/ (and a 50 MB file made on the fly).

Usage: python bench/bad_maps.py [--runs N] [--all]

Each file is loaded N times (best run kept, to see past a busy machine); prints
the slowest files, the median and the total.  Target: no file over 1 s (the
loader refuses size, depth and alias bombs before doing real work).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arguments.errors import MapError  # noqa: E402
from arguments.loader import load_map  # noqa: E402

CORPUS = ROOT / "tests" / "bad_maps"
LIMIT = 1.0


def best_time(path: Path, runs: int) -> tuple[float, str]:
    best, codes = float("inf"), ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            load_map(path)
            codes = "LOADED (expected a problem)"
        except MapError as exc:
            codes = ",".join(sorted(set(exc.codes)))
        best = min(best, time.perf_counter() - start)
    return best, codes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--all", action="store_true", help="print every file, not the 10 slowest")
    args = ap.parse_args(argv)
    files = sorted(p for p in CORPUS.iterdir() if p.name != "expected.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "fifty-megabytes.yaml"
        with open(big, "wb") as fh:
            fh.write(b"claims:\n" + b"  - {id: x, text: padding}\n" * (50 * 1024 * 1024 // 27))
        results = [
            (name, *best_time(path, args.runs))
            for name, path in [(p.name, p) for p in files] + [("(50 MB, made here)", big)]
        ]
    results.sort(key=lambda r: -r[1])
    shown = results if args.all else results[:10]
    print(f"{len(results)} broken files, best of {args.runs} runs each")
    for name, t, codes in shown:
        print(f"  {t * 1000:8.2f} ms  {name:<44} {codes}")
    times = [t for _, t, _ in results]
    slowest = results[0]
    print(
        f"slowest {slowest[1] * 1000:.1f} ms ({slowest[0]}), median "
        f"{statistics.median(times) * 1000:.2f} ms, total {sum(times) * 1000:.0f} ms; "
        f"target: each under {LIMIT * 1000:.0f} ms: "
        f"{'ok' if slowest[1] < LIMIT else 'MISSED'}"
    )
    loaded = [name for name, _, codes in results if codes.startswith("LOADED")]
    if loaded:
        print("loaded without a problem:", ", ".join(loaded))
    return 0 if slowest[1] < LIMIT and not loaded else 1


if __name__ == "__main__":
    sys.exit(main())
