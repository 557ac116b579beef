"""The Read page in headless Chromium: first paint, a chapter switch, "Read in context".

Usage: python bench/browser_read.py [--runs N]

Starts ``streamlit run app.py`` on the bundled map and, in one browser session
(the app loaded once, as a reader has it), measures N times (default 10):

- first paint: a click on "Read" in the sidebar (from the Map page) until the
  chapter's highlighted text shows;
- chapter switch: a click on another chapter until its text shows;
- Read in context: a click on a quote's "Read in context" link on the Claim
  page until the passage is on screen, flashing.

Prints the median and best of each.  Targets: first paint <= 1.5 s, a chapter
switch and Read in context <= 0.5 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from apphelp import CHROMIUM_ARGS, server  # noqa: E402

CHAPTERS = ["I", "II", "III", "IV", "V"]
CLAIMS = ["postulate-1", "postulate-4", "lenin-april-theses", "stalin-socialism-in-one-country"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args(argv)
    chromium = shutil.which("chromium")
    if not chromium:
        print("no chromium on PATH: cannot measure", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    paint, switch, context = [], [], []
    with server(ROOT / "claims.yaml") as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(url)
        page.wait_for_selector("g.node.claim", timeout=120_000)  # the app is loaded
        nav = page.locator('[data-testid="stSidebarNav"]')
        for i in range(args.runs):
            nav.get_by_role("link", name="Map", exact=True).click()
            page.wait_for_selector("g.node.claim", timeout=60_000)
            t0 = time.perf_counter()
            nav.get_by_role("link", name="Read", exact=True).click()
            page.wait_for_selector(".rv-body mark.rd-q", timeout=60_000)
            paint.append(time.perf_counter() - t0)

            ch = CHAPTERS[i % len(CHAPTERS)]
            t0 = time.perf_counter()
            page.locator(".st-key-rd_ch").get_by_role("radio", name=ch, exact=True).click()
            page.wait_for_selector(f'article[data-chapter="{ch}"] mark.rd-q', timeout=60_000)
            switch.append(time.perf_counter() - t0)

            cid = CLAIMS[i % len(CLAIMS)]
            page.goto(f"{url}/claim?claim={cid}")
            link = page.get_by_role("link", name="Read in context").first
            link.wait_for(timeout=60_000)
            t0 = time.perf_counter()
            link.click()
            page.wait_for_selector(f'mark.rd-flash[data-q~="{cid}:0"]', timeout=60_000)
            context.append(time.perf_counter() - t0)
        browser.close()
    for label, xs, target in (
        ("first paint of the Read page", paint, 1.5),
        ("switching chapter", switch, 0.5),
        ("following Read in context", context, 0.5),
    ):
        print(
            f"{label:30} median {statistics.median(xs):5.2f} s   best {min(xs):5.2f} s   "
            f"(target <= {target} s, {len(xs)} runs)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
