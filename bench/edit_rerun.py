"""Time an edit saved and the page re-rendered: the Edit page in AppTest, the essay's map.

Usage: python bench/edit_rerun.py [--edits N]

Stores the bundled map (with its text) in a new SQLite file, opens its Edit page through the
edit link in Streamlit's AppTest, picks a claim and saves N changes of its text (default
20), each a new version; prints the median and worst time from the click on "Save" to the
re-rendered page.  Target: at most 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edits", type=int, default=20)
    args = ap.parse_args(argv)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    os.environ["ARGMAP_DB"] = url
    os.environ["ARGMAP_MAP"] = str(ROOT / "claims.yaml")
    from streamlit.testing.v1 import AppTest

    from arguments.documents import load_document
    from arguments.store import Store

    doc = load_document(ROOT / "claims.yaml")
    made = Store(url).create(doc.map, "bench", text=doc.text)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["map"] = made.edit_token
    at.session_state["who"] = "bench"
    at.run()
    at.switch_page("app_pages/edit.py").run()
    at.selectbox(key="ed_claim_pick").select("postulate-4").run()
    times = []
    for i in range(args.edits):
        at.text_area(key="ed_claim_text").input(f"Postulate 4, edit {i}.")
        t = time.perf_counter()
        at.button(key="ed_claim_save").click().run()
        times.append(time.perf_counter() - t)
        assert not at.exception, [e.value for e in at.exception]
        assert at.session_state["stored_map"].version == i + 2
    print(f"map: claims.yaml ({len(doc.map.claims)} claims), stored in SQLite")
    print(
        f"edit saved and page re-rendered (AppTest), {args.edits} edits: median "
        f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms  "
        "(target <= 300 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
