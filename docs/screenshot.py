"""Take the README's screenshot: the Map page on the bundled map, focused on a claim.

Usage: python docs/screenshot.py   (needs Debian's chromium; writes docs/screenshot-map.png)

It serves the app with ``streamlit run`` (as the browser tests do) and opens the Map page
in headless Chromium at 1440 x 900 from a link that selects Lenin's April Theses and
focuses the map on it and its neighbours (``?claim=…&focus=…&depth=1``), then waits for
the diagram and the side panel before taking the picture.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from apphelp import server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CLAIM = "lenin-april-theses"


def main() -> None:
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("chromium not found: install Debian's chromium package")
    out = ROOT / "docs" / "screenshot-map.png"
    with server(ROOT / "claims.yaml") as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(f"{url}/?claim={CLAIM}&focus={CLAIM}&depth=1")
        page.wait_for_selector("g.node.claim", timeout=60_000)
        page.get_by_text("April Theses").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)  # the diagram settles at its opening zoom
        page.screenshot(path=str(out))
        browser.close()
    print(out)


if __name__ == "__main__":
    main()
