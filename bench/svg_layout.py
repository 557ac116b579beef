"""Time laying out views of the map to SVG (no cache), as the app does on a cache miss.

Usage: python bench/svg_layout.py [MAP] [--runs N]

Default MAP: the bundled claims.yaml, else a generated 160-claim, 250-relation
map.  Prints the median and worst of N runs for the whole map (the app's
default view) and a few other views.  Target: the whole map under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("map", nargs="?")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    from browser_first_paint import default_map

    from arguments import diagrams, load_map
    from arguments.exporters import View
    from arguments.graph import used_actors

    path = args.map or default_map()
    m = load_map(path)
    actors = used_actors(m)
    first = next((c.id for c in m.claims if c.kind in ("thesis", "verdict")), m.claims[0].id)
    views = {
        "whole map (app default)": View(),
        "whole map, left-right, spacious": View(direction="LR", spacing="spacious"),
        "whole map, edge labels": View(edge_labels=True),
        "whole map, clustered by actor": View(cluster="actor"),
        f"compare {actors[0]} / {actors[1]}": View(kind="compare", actors=tuple(actors[:2])),
        "focus, depth 2": View(kind="focus", claim=first, depth=2),
        "verdict tree": View(kind="verdict", claim=first),
    }
    print(f"map: {path} ({len(m.claims)} claims, {len(m.relations)} relations)")
    diagrams.render(m, View(), "svg")  # warm up fontconfig
    for name, view in views.items():
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            out = diagrams.render(m, view, "svg")
            times.append(time.perf_counter() - t)
        print(
            f"{name:38s} median {statistics.median(times) * 1000:6.0f} ms, "
            f"max {max(times) * 1000:6.0f} ms, {len(out) // 1024} KB"
        )
    print("target: whole map under 1000 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
