"""Time anchoring every quote of the essay map in its text, and what the Read page builds.

Usage: python bench/anchors.py [--runs N]

Prints the median and best of N runs (default 20) of: reading the text's
structure (chapters, paragraphs, notes, markers); anchoring every quote
(``arguments.analysis.anchors.anchor``, structure included: what ``argmap
quotes`` and the Read page do first); one chapter's HTML for the Read page
(the longest, chapter I); coverage; and the annotated text as PDF.
Target: anchoring every quote of the essay map <= 150 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arguments.analysis.anchors import anchor, coverage  # noqa: E402
from arguments.analysis.structure import read_structure  # noqa: E402
from arguments.documents import load_document  # noqa: E402
from arguments.render.reading import chapter_html  # noqa: E402
from arguments.render.reading_pdf import annotated_pdf  # noqa: E402


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args(argv)
    doc = load_document(ROOT / "claims.yaml")
    m, text = doc.map, doc.text
    chapters = [(c.id, c.title) for c in m.source.chapters]
    found = anchor(m, text)
    n = len(found.items)
    rows = [
        ("text structure", lambda: read_structure(text, chapters), args.runs),
        (f"anchor all {n} quotes", lambda: anchor(m, text), args.runs),
        ("Read page HTML of chapter I", lambda: chapter_html(m, found, "I"), args.runs),
        ("coverage", lambda: coverage(found), args.runs),
        ("annotated text PDF (whole text)", lambda: annotated_pdf(m, found), 3),
    ]
    print(f"essay: {len(text):,} characters, {n} quotes ({len(m.claims)} claims)")
    for label, fn, runs in rows:
        med, best = timed(fn, runs)
        print(
            f"{label:34} median {med * 1000:8.1f} ms   best {best * 1000:8.1f} ms   ({runs} runs)"
        )
    print("target: anchoring every quote <= 150 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
