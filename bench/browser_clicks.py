"""Clicks in Chromium, timed from the click to the updated page (median of N each).

Usage: python bench/browser_clicks.py [MAP] [--runs N] [--clicks-only]

Starts ``streamlit run app.py`` on MAP (default: the bundled claims.yaml) and, in one
headless Chromium tab (one session, as a reader uses the app), times:

- a claim click on the Map to its panel showing the claim (target 0.4 s);
- a filter click (the "undated claims" checkbox, on and off) to the redrawn map and the
  script idle (target 0.5 s);
- "Clear filters" to the whole map again (target 0.5 s);
- a page visited before, through the menu, to its content (target 0.5 s);
- the first visit of each page once the app is loaded, through the menu, each in a
  fresh session, to its content (target 1.5 s).

Each figure is the median of N runs (default 10); min and max are printed too.  The
numbers are printed, never asserted (README, "Speed").
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from apphelp import CHROMIUM_ARGS, SCRIPT_IDLE, server  # noqa: E402

#: what shows that a page has drawn its content (menu title -> selector)
PAGES = {
    "Claim": "text=Go to a claim",
    "Compare": ".st-key-cmp-topic-dictatorship, [data-testid='stVegaLiteChart']",
    "Postulates": "g.node.claim",
    "Verdicts": "g.node.claim",
    "Timeline": "[data-testid='stVegaLiteChart'] g.mark-symbol path",
    "Search": "text=Search claims",
    "Handout": "text=What goes in",
    "Map": "g.node.claim",
}


def idle(pg) -> None:
    pg.wait_for_selector(SCRIPT_IDLE, timeout=60_000)


def running_then_idle(pg) -> None:
    """Wait for the rerun a click started to finish (it may not have begun yet)."""
    with contextlib.suppress(Exception):  # the run was over before we looked
        pg.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=300)
    idle(pg)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def report(name: str, times: list[float], target: float) -> None:
    med = statistics.median(times)
    flag = "ok" if med <= target else "OVER"
    print(
        f"{name:<44} median {med:5.2f} s  min {min(times):5.2f}  max {max(times):5.2f}"
        f"  (target {target} s: {flag})"
    )


def claim_clicks(pg, url: str, runs: int) -> list[float]:
    pg.goto(url)
    pg.wait_for_selector("g.node.claim", timeout=90_000)
    idle(pg)
    pg.locator('button[data-act="fit"]').first.click()
    ids = pg.locator("g.node.claim").evaluate_all(
        "(gs) => gs.map((g) => g.id.slice(6)).filter((id) => !id.startsWith('author-'))"
    )
    out = []
    for cid in ids[: runs + 1]:
        node = pg.locator(f'g.node.claim[id="claim-{cid}"]').element_handle()
        # a few words of the claim's first line in the box: the panel shows the claim text
        line = pg.locator(f'g.node.claim[id="claim-{cid}"] text').nth(1).text_content() or ""
        text = " ".join(line.split()[:2])

        def click(node=node, cid=cid, text=text) -> None:
            node.click(force=True)
            pg.wait_for_function(
                """([cid, text]) => location.search.includes('claim=' + cid) &&
                    (document.querySelector('.st-key-map_panel')?.innerText || '').includes(text)""",
                arg=[cid, text],
                timeout=30_000,
                polling="raf",
            )

        out.append(timed(click))
    return out[1:]  # the first click also loads the panel's code


def undated_box(pg):
    """The "undated claims" checkbox's label, found before the clock starts (a text
    search through a page holding the whole map's SVG is itself slow)."""
    return pg.get_by_text("Include undated author claims").element_handle()


def filter_clicks(pg, runs: int) -> list[float]:
    box = undated_box(pg)
    out = []
    for _ in range(runs + 2):

        def click() -> None:
            box.click()
            running_then_idle(pg)
            pg.locator("g.node.claim").first.wait_for(timeout=30_000)

        out.append(timed(click))
    return out[2:]  # the first two lay out the two views; later ones are what readers get


def clear_clicks(pg, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        if pg.get_by_role("checkbox", name="Include undated author claims").is_checked():
            undated_box(pg).click()
            running_then_idle(pg)
        pg.wait_for_selector(".st-key-f_clear button", timeout=30_000)
        clear = pg.query_selector(".st-key-f_clear button")

        def click(clear=clear) -> None:
            clear.click()
            running_then_idle(pg)
            pg.locator("g.node.claim").first.wait_for(timeout=30_000)

        out.append(timed(click))
    return out


def nav(pg, title: str) -> None:
    link = pg.locator('[data-testid="stSidebarNav"] a', has_text=title).first.element_handle()
    timed_nav(pg, title, link)


def timed_nav(pg, title: str, link) -> None:
    link.click()
    pg.wait_for_selector(PAGES[title], timeout=60_000)
    running_then_idle(pg)


def nav_time(pg, title: str) -> float:
    link = pg.locator('[data-testid="stSidebarNav"] a', has_text=title).first.element_handle()
    return timed(lambda: timed_nav(pg, title, link))


def revisits(pg, runs: int) -> list[float]:
    nav(pg, "Timeline")
    nav(pg, "Map")
    out = []
    for i in range(runs):
        title = "Timeline" if i % 2 == 0 else "Map"
        out.append(nav_time(pg, title))
    return out


def first_visits(browser, url: str, runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {t: [] for t in PAGES if t != "Map"}
    for _ in range(runs):
        ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
        pg = ctx.new_page()
        pg.goto(url)
        pg.wait_for_selector("g.node.claim", timeout=90_000)
        idle(pg)
        for title in out:
            out[title].append(nav_time(pg, title))
        ctx.close()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("map", nargs="?", default=str(ROOT / "claims.yaml"))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument(
        "--clicks-only", action="store_true", help="leave out the first visits (quicker)"
    )
    args = ap.parse_args(argv)
    chromium = shutil.which("chromium")
    if not chromium:
        print("no chromium on PATH: cannot measure", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with server(args.map) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        warm = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
        for title in PAGES:  # the server's first runs: imports, layouts into its caches
            warm.goto(url)
            warm.wait_for_selector("g.node.claim", timeout=90_000)
            if title != "Map":
                nav(warm, title)
        pg = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
        print(f"map: {args.map}; median of {args.runs} runs each, one Chromium tab")
        report("claim click -> its panel", claim_clicks(pg, url, args.runs), 0.4)
        report("filter click -> map redrawn", filter_clicks(pg, args.runs), 0.5)
        report("Clear filters -> whole map", clear_clicks(pg, args.runs), 0.5)
        report("page visited before (Map <-> Timeline)", revisits(pg, args.runs), 0.5)
        if not args.clicks_only:
            for title, times in first_visits(browser, url, args.runs).items():
                report(f"first visit: {title}", times, 1.5)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
