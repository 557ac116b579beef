"""Time an app rerun after a sidebar filter changes (AppTest, median of 20).

Usage: python bench/app_rerun.py [MAP]

Opens the Map page of app.py in Streamlit's AppTest on MAP (default: the bundled
claims.yaml, else a generated 160-claim map), then changes a filter 20 times,
each time to a selection not seen before (so the diagram is laid out anew, not
taken from the cache), and reports the median and worst rerun; then the same
20 selections again (now cached).  Target: median under 300 ms.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from browser_first_paint import default_map  # same default map as the browser bench

    map_path = argv[0] if argv else default_map()
    os.environ["ARGMAP_MAP"] = map_path
    from streamlit.testing.v1 import AppTest

    from arguments import load_map
    from arguments.graph import used_actors

    m = load_map(map_path)
    actors = used_actors(m)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    t0 = time.perf_counter()
    at.run()
    first = time.perf_counter() - t0
    assert not at.exception, [e.value for e in at.exception]

    def timed(changes) -> list[float]:
        out = []
        for key, value in changes:
            widget = at.multiselect(key=key) if key != "f_years" else at.slider(key=key)
            widget.set_value(value)
            t = time.perf_counter()
            at.run()
            out.append(time.perf_counter() - t)
            assert not at.exception, [e.value for e in at.exception]
        return out

    lo, hi = 1903, 1940
    years = [("f_years", (lo + i, hi - (i % 3))) for i in range(10)]
    pairs = [("f_actors", list(c)) for c in itertools.combinations(actors[:6], 2)][:10]
    changes = [x for pair in zip(years, pairs) for x in pair]
    fresh = timed(changes)
    cached = timed(changes)
    print(f"map: {map_path} ({len(m.claims)} claims, {len(m.relations)} relations)")
    print(f"first run (imports, load, full layout): {first * 1000:.0f} ms")
    print(
        f"rerun after a filter change, 20 new selections: median {statistics.median(fresh) * 1000:.0f} ms, "
        f"max {max(fresh) * 1000:.0f} ms  (target < 300 ms)"
    )
    print(
        f"rerun after a filter change, same 20 again (cached): median "
        f"{statistics.median(cached) * 1000:.0f} ms, max {max(cached) * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
