"""Load test: concurrent headless browser sessions clicking through one `streamlit run`.

Usage: python bench/load_test.py [--sessions 10] [--seconds 60] [--map PATH] [--upload]

Starts one ``streamlit run app.py`` on loopback (ARGMAP_MAP=PATH, default the
bundled claims.yaml), opens one headless Chromium with one context (a separate
Streamlit session) per simulated user, and lets every user click through the
app for the given time: the menu's pages, an actor filter in the sidebar, a
claim clicked in the map, the Claim page of the selection, Compare,
Postulates, Verdicts, Timeline, a search, "Clear filters".  With ``--upload``
every other user first uploads a map of their own (a generated one) and works
on it: every check then expects that user's own map (its title, its claim
counts), so the sessions are also checked for isolation under load.  The
sessions open (and upload) before the timed window starts, after one
untimed session has visited every page once (the first layouts are cached).

What is timed, per action: from the input event (the click on a menu link, a
claim node, a filter value or a button, or the Enter key of a search) to the
updated page, defined as both of:

1. the element the action must produce is shown, one that only the new script
   run can produce: the new page's heading; the map's claim nodes in exactly
   the number the new filter leaves (computed from the map with the code the
   app uses: ``diagrams.select``); the clicked claim's text in the side panel;
   on the Claim page the selected claim's text as its heading; a diagram on
   Compare, Postulates and Verdicts; the timeline's points; the search's
   highlighted matches of the new word; and
2. no script run is in flight: Streamlit's app root (``[data-testid=stApp]``)
   has ``data-test-script-state="notRunning"``.

(Waiting for a ``running`` -> ``notRunning`` transition is not reliable: a
fast run can start and end between two renders of the page.)

At the end it prints the number of actions, the median and 95th-percentile
times (overall and per action), the Streamlit error elements seen
(``stException`` and error alerts: must be 0), browser page errors, actions
that timed out, and the server log's lines with "Traceback" or "Exception"
(must be 0).  Exit status 1 if any of those is not 0.  Not part of ``make
test``: it runs on demand (about 90 s with start-up).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from apphelp import CHROMIUM_ARGS, HEADINGS, UPLOAD_INPUT, server  # noqa: E402

from arguments.graph import Filters, used_actors  # noqa: E402
from arguments.loader import load_map, load_text  # noqa: E402
from arguments.models import Map  # noqa: E402
from arguments.views import View, select  # noqa: E402

RUN_IDLE = (
    "() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState === 'notRunning'"
)
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
TIMEOUT_MS = 60_000
START_MS = 300_000  # opening the sessions (not timed) waits longer: all start at once
POLL_MS = 50  # how often the page is checked (every animation frame would load the CPUs)
OUT = ROOT / "bench" / "out"  # screenshots of actions that timed out (git-ignored)
# the diagram viewer (a components-v2 element) draws in a shadow root under this host
VIEWER_HOST = '[data-testid="stBidiComponentIsolated"]'
COUNT_NODES = """n => {
  let k = 0;
  for (const host of document.querySelectorAll('[data-testid="stBidiComponentIsolated"]'))
    if (host.shadowRoot) k += host.shadowRoot.querySelectorAll('g.node.claim').length;
  return k === n;
}"""
# what the page shows, for the report of an action that timed out
SNAPSHOT = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  const h1 = [...document.querySelectorAll('h1')].map((h) => h.innerText.slice(0, 40));
  const nodes = [...document.querySelectorAll('[data-testid="stBidiComponentIsolated"]')]
    .map((h) => h.shadowRoot ? h.shadowRoot.querySelectorAll('g.node.claim').length : -1);
  return `state=${app && app.dataset.testScriptState} h1=${JSON.stringify(h1)} ` +
         `nodes=${JSON.stringify(nodes)} url=${location.pathname}${location.search}`;
}"""
# claim nodes fully inside the visible part of the map viewer (clickable as they stand)
VISIBLE_NODES = """() => {
  const VIEWER_HOST = '[data-testid="stBidiComponentIsolated"]';
  const out = [];
  const host = document.querySelector(VIEWER_HOST);
  const view = host && host.shadowRoot && host.shadowRoot.querySelector('.am-view');
  if (!view) return out;
  const box = view.getBoundingClientRect();
  const root = view.getRootNode();
  view.querySelectorAll('g.node.claim').forEach((g) => {
    const r = g.getBoundingClientRect();
    if (!(r.width > 8 && r.height > 8 && r.left > box.left + 2 && r.right < box.right - 2
          && r.top > box.top + 2 && r.bottom < box.bottom - 2)) return;
    // what a click at its centre would hit (not the overview inset, not an edge)
    const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (hit && hit.closest && hit.closest('g.node.claim') === g) out.push(g.id.slice(6));
  });
  return out;
}"""


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=dict)
    timeouts: list[str] = field(default_factory=list)
    error_elements: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=dict)

    def add(self, action: str, seconds: float) -> None:
        self.times.setdefault(action, []).append(seconds)


def cpu_seconds() -> dict[str, float]:
    """CPU time (user + system) used so far by this run's server and by its Chromium."""
    tick = os.sysconf("SC_CLK_TCK")
    procs = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
                cmd = (d / "cmdline").read_bytes()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            procs[int(d.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick, cmd)
    mine, todo = set(), [os.getpid()]
    while todo:  # this process's descendants: the server, playwright's driver, Chromium
        pid = todo.pop()
        kids = [p for p, (ppid, _, _) in procs.items() if ppid == pid]
        mine.update(kids)
        todo += kids
    out = {"server": 0.0, "chromium": 0.0}
    for pid in mine:
        _, cpu, cmd = procs[pid]
        if b"streamlit" in cmd:
            out["server"] += cpu
        elif b"chromium" in cmd or b"chrome" in cmd:
            out["chromium"] += cpu
    return out


def map_count(m: Map, actors: list[str]) -> int:
    """Claims the Map page draws with only this actor filter set (as the sidebar builds it)."""
    f = Filters.make(
        actors=actors,
        kinds=[],
        relation_kinds=[],
        topics=[],
        chapters=[],
        years=None,
        include_undated=True,
    )
    return len(select(m, View(kind="map", filters=f)).map.claims)


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


class User:
    """One simulated user: a browser context (a Streamlit session) and what it expects."""

    def __init__(
        self,
        n: int,
        ctx,
        url: str,
        m: Map,
        stats: Stats,
        deadline: float,
        upload: tuple[str, bytes] | None,
    ):
        self.n, self.ctx, self.url, self.m, self.stats = n, ctx, url, m, stats
        self.deadline, self.upload = deadline, upload
        self.rng = random.Random(n)
        self.actors: list[str] = []
        self.selected: str | None = None
        self.current = "Map"
        self.word = ""
        self.page = None

    # -------------------------------------------------------------- timing one action
    async def timed(self, action: str, act, *checks) -> bool:
        pg = self.page
        t0 = time.perf_counter()
        await act()
        step = 0
        try:
            for step, check in enumerate(checks, 1):  # noqa: B007 - reported when one fails
                await check()
            step += 1
            await pg.wait_for_function(RUN_IDLE, timeout=TIMEOUT_MS, polling=POLL_MS)
        except Exception as exc:  # a timeout: count it, go on from a known state
            seen = await pg.evaluate(SNAPSHOT)
            self.stats.timeouts.append(
                f"user {self.n} {action}, check {step}: "
                f"{type(exc).__name__} ({seen}; expected: actors "
                f"{self.actors}, selected {self.selected})"
            )
            OUT.mkdir(parents=True, exist_ok=True)
            await pg.screenshot(path=str(OUT / f"timeout-{self.n}-{len(self.stats.timeouts)}.png"))
            return False
        elapsed = time.perf_counter() - t0
        if time.monotonic() < self.deadline:  # count only actions finished in the window
            self.stats.add(action, elapsed)
        errors = pg.locator(ERRORS)
        if await errors.count():
            text = (await errors.first.inner_text())[:200]
            self.stats.error_elements.append(f"user {self.n} after {action}: {text}")
        return True

    def heading(self, text: str):
        return lambda: self.page.get_by_role("heading", name=text, exact=True).first.wait_for(
            timeout=TIMEOUT_MS
        )

    def nodes(self, count: int | None = None):
        async def check():
            if count is None:
                await self.page.wait_for_selector("g.node.claim", timeout=TIMEOUT_MS)
            else:
                await self.page.wait_for_function(
                    COUNT_NODES, arg=count, timeout=TIMEOUT_MS, polling=POLL_MS
                )

        return check

    def selector(self, css: str):
        return lambda: self.page.wait_for_selector(css, timeout=TIMEOUT_MS)

    # -------------------------------------------------------------- the actions
    async def nav(self, title: str) -> None:
        if title == self.current:
            return
        self.current = title
        link = self.page.locator('[data-testid="stSidebarNav"] a', has_text=title).first
        if title == "Map":
            checks = [self.heading(self.m.source.title), self.nodes(map_count(self.m, self.actors))]
        else:
            checks = [self.heading(HEADINGS[title])]
            if title in ("Compare", "Postulates", "Verdicts"):
                checks.append(self.nodes())
            elif title == "Timeline":
                checks.append(self.selector('[data-testid="stVegaLiteChart"] g.mark-symbol'))
            elif title == "Claim" and self.selected:
                text = " ".join(self.m.claim(self.selected).text.split())[:40]
                checks.append(
                    lambda: self.page.locator("h3", has_text=text).first.wait_for(
                        timeout=TIMEOUT_MS
                    )
                )
        await self.timed(f"page {title}", link.click, *checks)

    async def filter_actor(self) -> None:
        if len(self.actors) >= 2:
            return await self.clear_filters()
        actor = self.rng.choice(
            [a for a in used_actors(self.m) if a != "author" and a not in self.actors]
        )
        box = self.page.locator(
            '[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has_text="Actors"
        ).first
        await box.locator("input").click()
        await self.page.keyboard.type(self.m.actor_name(actor))
        option = self.page.get_by_role("option", name=self.m.actor_name(actor), exact=True)
        await option.first.wait_for(timeout=TIMEOUT_MS)
        self.actors = [*self.actors, actor]
        await self.timed(
            "filter actor", option.first.click, self.nodes(map_count(self.m, self.actors))
        )
        await self.page.keyboard.press("Escape")

    async def clear_filters(self) -> None:
        button = self.page.get_by_role("button", name="Clear filters")
        if not await button.count():
            return
        self.actors = []
        await self.timed("clear filters", button.first.click, self.nodes(map_count(self.m, [])))

    async def select_claim(self) -> None:
        ids = [
            c
            for c in await self.page.evaluate(VISIBLE_NODES)
            if c != self.selected and c in self.m.claim_index
        ]
        if not ids:
            return
        cid = self.rng.choice(ids)
        node = self.page.locator(f'g.node.claim[id="claim-{cid}"]').first
        text = " ".join(self.m.claim(cid).text.split())[:40]
        if await self.timed(
            "select claim",
            node.click,
            lambda: self.page.locator(".st-key-map_panel", has_text=text).first.wait_for(
                timeout=TIMEOUT_MS
            ),
        ):
            self.selected = cid

    async def search(self) -> None:
        word = self.rng.choice(
            [
                w
                for w in (
                    "revolution",
                    "peasantry",
                    "dictatorship",
                    "party",
                    "war",
                    "proletariat",
                    "soviets",
                    "permanent",
                )
                if w != self.word
            ]
        )
        self.word = word
        hits = [
            c
            for c in self.m.claims
            if word in c.text.lower() or any(word in q.text.lower() for q in c.quotes)
        ]
        box = self.page.get_by_role("textbox", name=re.compile(r"^Search claims"))
        await box.fill(word)

        def check():
            return (
                self.page.locator("mark", has_text=word).first.wait_for(timeout=TIMEOUT_MS)
                if hits
                else lambda: self.page.get_by_text("No claim matches").first.wait_for(
                    timeout=TIMEOUT_MS
                )
            )

        await self.timed("search", lambda: box.press("Enter"), check)

    # -------------------------------------------------------------- a session
    async def start(self) -> None:
        """Open the app (and upload this user's map): before the timed window."""
        self.page = pg = await self.ctx.new_page()
        pg.on("pageerror", lambda e: self.stats.page_errors.append(f"user {self.n}: {e}"))
        await pg.goto(self.url)
        await pg.wait_for_selector("g.node.claim", timeout=START_MS)
        if self.upload:
            name, data = self.upload
            await pg.set_input_files(
                UPLOAD_INPUT,
                files=[{"name": name, "mimeType": "application/x-yaml", "buffer": data}],
            )
            try:
                await pg.get_by_role("heading", name=self.m.source.title, exact=True).wait_for(
                    timeout=START_MS
                )
            except Exception:
                OUT.mkdir(parents=True, exist_ok=True)
                await pg.screenshot(path=str(OUT / f"upload-{self.n}.png"))
                raise RuntimeError(
                    f"user {self.n}: the uploaded map did not open ({await pg.evaluate(SNAPSHOT)})"
                ) from None
            try:  # its diagram, not the essay's
                await pg.wait_for_function(
                    COUNT_NODES, arg=map_count(self.m, []), timeout=START_MS, polling=POLL_MS
                )
                await pg.wait_for_function(RUN_IDLE, timeout=START_MS, polling=POLL_MS)
            except Exception:
                raise RuntimeError(
                    f"user {self.n}: the uploaded map's diagram did not show "
                    f"({await pg.evaluate(SNAPSHOT)}; expected "
                    f"{map_count(self.m, [])} claims)"
                ) from None

    async def run(self) -> None:
        tour = [
            "filter",
            "select",
            "Claim",
            "Compare",
            "Postulates",
            "Verdicts",
            "Timeline",
            "Search",
            "search",
            "Map",
            "clear",
            "select",
            "Claim",
            "Map",
        ]
        start = self.rng.randrange(len(tour))
        i = 0
        while time.monotonic() < self.deadline:
            step = tour[(start + i) % len(tour)]
            i += 1
            try:
                if step in ("filter", "select", "clear"):
                    await self.nav("Map")
                if step == "search":
                    await self.nav("Search")
                if step == "filter":
                    await self.filter_actor()
                elif step == "select":
                    await self.select_claim()
                elif step == "clear":
                    await self.clear_filters()
                elif step == "search":
                    await self.search()
                else:
                    await self.nav(step)
            except Exception as exc:  # a step that could not even start: count it, go on
                self.stats.timeouts.append(
                    f"user {self.n} {step}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}"
                )
                self.current = None
                try:
                    await self.nav("Map")
                except Exception as again:  # the next step tries again
                    self.stats.timeouts.append(
                        f"user {self.n} back to the map: {type(again).__name__}"
                    )


async def drive(url: str, m: Map, args) -> Stats:
    from playwright.async_api import async_playwright

    stats = Stats()
    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        # warm-up (not timed): one session visits every page once, as a first user would
        warm = await browser.new_context(viewport={"width": 1440, "height": 900})
        wp = await warm.new_page()
        await wp.goto(url)
        await wp.wait_for_selector("g.node.claim", timeout=START_MS)
        for title in HEADINGS:
            await wp.wait_for_function(RUN_IDLE, timeout=START_MS, polling=POLL_MS)
            await wp.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
            await wp.get_by_role("heading", name=HEADINGS[title], exact=True).first.wait_for(
                timeout=START_MS
            )
        await wp.wait_for_function(RUN_IDLE, timeout=START_MS, polling=POLL_MS)
        await warm.close()

        users = []
        for n in range(args.sessions):
            ctx = await browser.new_context(viewport={"width": 1440, "height": 900})
            upload = None
            user_map = m
            if args.upload and n % 2:
                from gen import make_data

                data = make_data(120, 180, seed=100 + n)
                data["source"]["title"] = f"Uploaded map of user {n}"
                from arguments.yamlio import dumps

                text = dumps(Map.model_validate(data))
                user_map = load_text(text, "u.yaml")
                upload = (f"user-{n}.yaml", text.encode("utf-8"))
            users.append(User(n, ctx, url, user_map, stats, 0.0, upload))
        await asyncio.gather(*(u.start() for u in users))  # every session open: go
        cpu0 = cpu_seconds()
        deadline = time.monotonic() + args.seconds
        for u in users:
            u.deadline = deadline
        await asyncio.gather(*(u.run() for u in users))
        stats.cpu = {k: v - cpu0.get(k, 0.0) for k, v in cpu_seconds().items()}
        await browser.close()
    return stats


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--map", default=str(ROOT / "claims.yaml"))
    ap.add_argument(
        "--upload",
        action="store_true",
        help="every other session uploads a generated map of its own first",
    )
    args = ap.parse_args(argv)
    if not shutil.which("chromium"):
        print("no chromium on PATH: cannot run the load test", file=sys.stderr)
        return 2
    m = load_map(args.map)
    load_before = os.getloadavg()[0]
    log = tempfile.TemporaryFile()  # noqa: SIM115 - the server writes to it until the end
    t0 = time.monotonic()
    with server(args.map, log=log) as url:
        stats = asyncio.run(drive(url, m, args))
    wall = time.monotonic() - t0
    log.seek(0)
    server_log = log.read().decode("utf-8", "replace").splitlines()
    log.close()
    bad_lines = [line for line in server_log if "Traceback" in line or "Exception" in line]

    every = [t for ts in stats.times.values() for t in ts]
    print(f"map: {args.map} ({len(m.claims)} claims, {len(m.relations)} relations)")
    print(
        f"{args.sessions} concurrent sessions (one headless Chromium, one context each) "
        f"for {args.seconds:.0f} s against one `streamlit run` on loopback"
        + (", every other session on its own uploaded map" if args.upload else "")
        + f"; {wall:.0f} s in all"
    )
    print(
        f"machine: {os.cpu_count()} CPUs; load average {load_before:.1f} before the run, "
        f"{os.getloadavg()[0]:.1f} after (other work on the machine slows every figure)"
    )
    print(
        "time from the click (or Enter) to the updated page: the element the action must "
        "produce is shown and no script run is in flight"
    )
    print(f"{'action':<18}{'n':>6}{'median':>9}{'p95':>9}{'max':>9}")
    for action in sorted(stats.times):
        ts = stats.times[action]
        print(
            f"{action:<18}{len(ts):>6}{statistics.median(ts):>8.2f}s"
            f"{percentile(ts, 0.95):>8.2f}s{max(ts):>8.2f}s"
        )
    if every:
        print(
            f"{'all actions':<18}{len(every):>6}{statistics.median(every):>8.2f}s"
            f"{percentile(every, 0.95):>8.2f}s{max(every):>8.2f}s"
        )
    print(f"actions: {len(every)} ({len(every) / args.seconds:.1f} per second)")
    if stats.cpu:
        avail = (os.cpu_count() or 1) * args.seconds
        print(
            f"CPU used in the window: server {stats.cpu['server']:.0f} s, Chromium "
            f"{stats.cpu['chromium']:.0f} s, of {avail:.0f} s the machine has "
            f"({os.cpu_count()} cores x {args.seconds:.0f} s)"
        )
    print(f"error elements seen: {len(stats.error_elements)}")
    for e in stats.error_elements[:10]:
        print("  ", e)
    print(f"browser page errors: {len(stats.page_errors)}")
    for e in stats.page_errors[:10]:
        print("  ", e)
    print(f"actions that timed out (>{TIMEOUT_MS // 1000} s): {len(stats.timeouts)}")
    for e in stats.timeouts[:10]:
        print("  ", e)
    print(f"server log lines with Traceback/Exception: {len(bad_lines)}")
    for line in bad_lines[:10]:
        print("  ", line)
    ok = not (stats.error_elements or stats.page_errors or stats.timeouts or bad_lines)
    return 0 if ok and every else 1


if __name__ == "__main__":
    sys.exit(main())
