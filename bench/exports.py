"""Time the exports: the bundled essay map in every format, and generated maps against Argdown.

Usage: python bench/exports.py [--runs 5] [--sizes 100 1000 5000] [--per-claim 1.0]
                               [--skip-argdown] [--study]

1. The essay map (claims.yaml) exported in-process to each format (median of
   --runs, after one warm-up), against the targets: SVG < 1 s, PDF < 1.5 s,
   handout < 2 s.
2. Generated maps (tests/gen.py) of each size, with --per-claim relations per
   claim: our CLI ``python -m arguments export --format svg|dot`` against the
   Argdown CLI's ``argdown map FILE OUT -f svg|dot`` on our Argdown export of the
   same map, side by side: median wall time of --runs runs (each a fresh
   process, as a user runs it) and peak memory (maximum resident set size of
   the process).  Our runs and Argdown's alternate; the package's bytecode is
   compiled first, as an installed package has it.  Targets: faster than Argdown at
   every size; the SVG 2.5 times as fast at 1,000 claims and twice at 5,000.
3. --study: the layout settings tried for the 5,000-claim map (one run each,
   in-process, layout only), to show why the map view is laid out the way it is.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TARGETS = {"svg": 1.0, "pdf": 1.5, "handout": 2.0, "handout-md": 2.0, "handout-pdf": 2.0}
#: how much faster than the Argdown CLI's SVG our SVG export should be, by map size
SVG_SPEEDUP = {1000: 2.5, 5000: 2.0}


_SPAWN = r"""
import os, subprocess, sys, time
t = time.perf_counter()
p = subprocess.Popen(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL,
                     stderr=subprocess.PIPE)
err = p.stderr.read()
_, status, usage = os.wait4(p.pid, 0)
print(time.perf_counter() - t, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
sys.stderr.write(err.decode("utf-8", "replace")[-500:])
"""


def timed_process(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall time (s), peak resident memory (MB) and exit code of one fresh process.

    A small Python process starts it and reads its resource usage: a child forked from
    this (big) process would count this one's memory as its own."""
    out = subprocess.run(
        [sys.executable, "-c", _SPAWN, str(cwd), *cmd], capture_output=True, text=True
    )
    wall, rss, code = out.stdout.split()
    if int(code) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({code}): {out.stderr[-500:]}")
    return float(wall), int(rss) / 1024, int(code)


def essay(runs: int) -> None:
    from arguments import load_map
    from arguments.exporters import EXPORTERS, View, export

    path = ROOT / "claims.yaml"
    m = load_map(path)
    print(
        f"1. The essay map ({len(m.claims)} claims, {len(m.relations)} relations), "
        f"in-process, median of {runs}"
    )
    print(f"   {'format':<14} {'median':>8} {'worst':>8}  {'size':>9}  target")
    export(m, "png", View())  # warm-up: fontconfig reads its fonts once per process
    for name in EXPORTERS:
        view = (
            View(kind="compare", actors=("trotsky", "lenin"))
            if name in ("compare-csv", "pptx", "slides-pdf")
            else View()
        )
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            out = export(m, name, view)
            times.append(time.perf_counter() - t)
        med = statistics.median(times)
        target = TARGETS.get(name)
        verdict = (
            "" if target is None else (f"< {target:.1f} s " + ("ok" if med < target else "MISSED"))
        )
        print(
            f"   {name:<14} {med * 1000:6.0f} ms {max(times) * 1000:6.0f} ms  "
            f"{len(out) / 1024:7.0f} KB  {verdict}"
        )


def against_argdown(sizes: list[int], per_claim: float, runs: int, skip_argdown: bool) -> None:
    from argdown_cli import argdown_command
    from gen import make_map

    from arguments.formats.argdown import write as to_argdown
    from arguments.formats.yaml.writer import dumps

    cmd = None if skip_argdown else argdown_command()
    if cmd is None and not skip_argdown:
        print("   (node/npm missing: Argdown columns left empty)")
    print(
        f"\n2. Generated maps ({per_claim:g} relation per claim), fresh process per run, "
        f"median of {runs}; peak memory = max resident set size"
    )
    print(
        f"   {'claims':>6} {'format':<6} {'argmap':>9} {'peak':>8}   {'Argdown':>9} {'peak':>8}"
        f"   {'speed-up':>8}"
    )
    # an installed package carries its bytecode (pip compiles it on install, and Python
    # writes it on a checkout's first run): compiled here too, as PYTHONDONTWRITEBYTECODE
    # (set on some machines) would have every run compile the package again (0.08 s)
    compileall.compile_dir(ROOT / "arguments", quiet=1)
    print(f"   load average before: {_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in sizes:
            m = make_map(n, int(n * per_claim), seed=1)
            yaml_path = tmp / f"map-{n}.yaml"
            yaml_path.write_text(dumps(m), encoding="utf-8")
            ad_path = tmp / f"map-{n}.argdown"
            ad_path.write_text(to_argdown(m), encoding="utf-8")
            for fmt in ("svg", "dot"):
                ours_cmd = [
                    *(sys.executable, "-m", "arguments", "export", "--format", fmt),
                    *("--map", str(yaml_path), "-o", str(tmp / f"out-{n}.{fmt}")),
                ]
                theirs_cmd = [*cmd, "map", str(ad_path), str(tmp / "ad"), "-f", fmt] if cmd else []
                ours, theirs = [], []
                for _ in range(runs):  # interleaved: a change of load falls on both
                    ours.append(timed_process(ours_cmd, ROOT))
                    if theirs_cmd:
                        theirs.append(timed_process(theirs_cmd, tmp))
                o_t = statistics.median(t for t, _, _ in ours)
                o_m = max(mb for _, mb, _ in ours)
                line = f"   {n:>6} {fmt:<6} {o_t:8.2f}s {o_m:6.0f}MB"
                if theirs:
                    a_t = statistics.median(t for t, _, _ in theirs)
                    a_m = max(mb for _, mb, _ in theirs)
                    line += f"   {a_t:8.2f}s {a_m:6.0f}MB   {a_t / o_t:7.2f}x"
                    want = SVG_SPEEDUP.get(n) if fmt == "svg" else None
                    if want:
                        line += f"  (target {want:g}x: {'ok' if a_t / o_t >= want else 'MISSED'})"
                print(line, flush=True)
    print(f"   load average after: {_load()}")


def _load() -> str:
    """The machine's load average over 1, 5 and 15 minutes."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def study(n: int = 5000, per_claim: float = 1.0, timeout: float = 60) -> None:
    """Layout settings for a big map, each in a child process with a time limit."""
    print(
        f"\n3. Layout study: generated map of {n} claims, {int(n * per_claim)} relations; "
        "layout + SVG, in-process, one run each"
    )
    variants = {
        "one dot run, no clusters": "View(cluster='none')",
        "one dot run, no clusters, newrank": "View(cluster='none')|newrank=true",
        "one dot run, chapter clusters, newrank": "View(cluster='chapter')|dot|newrank=true",
        "one dot run, chapter clusters": "View(cluster='chapter')|dot",
        "one dot run, clusters, splines=line": "View(cluster='chapter')|dot|splines=line",
        "one dot run, clusters, mclimit=0.1 nslimit=1": "View(cluster='chapter')|dot|mclimit=0.1,"
        "nslimit=1,nslimit1=1",
        "chapters laid out apart, packed like puzzle pieces": "View()|grid-fit",
        "chapters laid out apart, packed in rows (what we do)": "View()",
    }
    code = r"""
import sys, time
sys.path[:0] = [{root!r}, {tests!r}]
from gen import make_map
from arguments.render import build_dot, grid, render
from arguments.render.gv import agraph, quiet
from arguments.exporters import View
m = make_map({n}, {rels}, seed=1)
spec = {spec!r}.split("|")
view = eval(spec[0])
extra = dict(kv.split("=") for part in spec[2:] for kv in part.split(","))
if len(spec) > 1 and spec[1] == "grid-fit":
    grid.PACK_FIT_AT = 10**9
t = time.perf_counter()
if len(spec) > 1 and spec[1] == "dot" or view.cluster == "none":
    dot = build_dot(m, view)
    dot.attr(**extra)
    g = agraph(dot.source)
    quiet(lambda: g.layout(prog="dot"))
    g.draw(format="svg")
else:
    render(m, view, "svg")
print(f"{{time.perf_counter() - t:.2f}}")
"""
    for name, spec in variants.items():
        src = code.format(
            root=str(ROOT), tests=str(ROOT / "tests"), n=n, rels=int(n * per_claim), spec=spec
        )
        try:
            out = subprocess.run(
                [sys.executable, "-c", src],
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=ROOT,
            )
            result = (
                (out.stdout.strip().splitlines() or ["?"])[-1] + " s"
                if out.returncode == 0
                else "failed: " + out.stderr.strip()[-120:]
            )
        except subprocess.TimeoutExpired:
            result = f"> {timeout:.0f} s (stopped)"
        print(f"   {name:<55} {result}", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    ap.add_argument(
        "--per-claim",
        type=float,
        default=1.0,
        help="relations per claim in the generated maps (default 1)",
    )
    ap.add_argument("--skip-argdown", action="store_true")
    ap.add_argument("--skip-essay", action="store_true")
    ap.add_argument("--study", action="store_true", help="also run the layout study")
    args = ap.parse_args(argv)
    if not args.skip_essay:
        essay(args.runs)
    against_argdown(args.sizes, args.per_claim, args.runs, args.skip_argdown)
    if args.study:
        study(max(args.sizes), args.per_claim)
    return 0


if __name__ == "__main__":
    sys.exit(main())
