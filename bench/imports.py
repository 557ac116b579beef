"""Time importing maps other tools make: Argdown, AIF and Kialo, read and validated.

    python bench/imports.py [--runs N]

Each figure is the best and the median wall time and the best CPU time of N runs
(default 3) of the whole import
(``arguments.loader.load_text``: parse, map into a map, validate, cross-check) of a
generated document, and the size of the text.  Targets (the issue's): an Argdown
document of 1,000 statements under 1 s and of 10,000 statements under 8 s; AIF of
5,000 nodes under 1 s.  Also timed: our own Argdown export of a generated map of
1,000 and 10,000 claims read back, and a Kialo discussion of 5,000 claims.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from gen import make_map  # noqa: E402

from arguments.formats.argdown import write as to_argdown  # noqa: E402
from arguments.loader import load_text  # noqa: E402

WORDS = [
    "city",
    "car",
    "air",
    "shop",
    "street",
    "child",
    "bus",
    "bike",
    "noise",
    "health",
    "tax",
    "trade",
    "law",
    "park",
]


def words(i: int, n: int = 9) -> str:
    return " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n)) + f" {i}"


def argdown_debate(n: int) -> str:
    """Anyone's Argdown with ``n`` distinct statements: sections, titled and untitled
    statements in relation trees three deep, tags, emphasis, comments, text over two
    lines, and an argument with a premise-conclusion structure for every tenth."""
    out = ["===", "title: A generated debate", "author: bench/imports.py", "===", ""]
    made = 0
    i = 0
    while made < n:
        i += 1
        if i % 40 == 1:
            out += [f"# Part {i // 40 + 1}", ""]
        if i % 10 == 0 and made + 3 <= n:
            out += [
                f"<Argument {i}>: an argument for claim {i - 1}. #reconstructed",
                "",
                f"(1) [Premise {i}]: {words(i)}",
                f"(2) The *second* premise of argument {i}.",
                "-- modus ponens --",
                f"(3) [Claim {i - 1}]",
                "",
            ]
            made += 2
            continue
        out += [
            f"// claim {i}",
            f"[Claim {i}]: {words(i)} with **bold** words #topic{i % 9}",
            "and a second line.",
            f"  + [Reason {i}]: {words(i + 1)}",
            f"    - An objection to reason {i}.",
            f"  -> [Claim {max(i - 3, 1)}]",
            f"  >< Contrary of claim {i}.",
            "",
        ]
        made += 4
    return "\n".join(out)


def aif_document(n_nodes: int) -> str:
    """AIFdb-style JSON of about ``n_nodes`` nodes: claims asserted by participants (L and
    YA nodes), supports (RA), conflicts (CA) and undercutters (CA on RA), rephrases (MA)."""
    nodes, edges, locutions = [], [], []

    def node(kind: str, text: str) -> int:
        nodes.append({"nodeID": len(nodes) + 1, "text": text, "type": kind, "timestamp": ""})
        return len(nodes)

    def edge(a: int, b: int) -> None:
        edges.append({"edgeID": len(edges) + 1, "fromID": a, "toID": b, "formEdgeID": None})

    claims: list[int] = []
    while len(nodes) < n_nodes:
        i = len(claims)
        claim = node("I", words(i))
        said = node("L", f"Speaker {i % 5} : {words(i)} indeed")
        ya = node("YA", "Asserting")
        edge(said, ya)
        edge(ya, claim)
        locutions.append(
            {"nodeID": said, "personID": i % 5, "timestamp": f"{1900 + i % 100}-03-01 10:00:00"}
        )
        if claims:
            other = claims[(i * 31) % len(claims)]
            kind = ("RA", "CA", "RA", "MA")[i % 4]
            scheme = node(
                kind,
                {"RA": "Default Inference", "CA": "Default Conflict"}.get(kind, "Default Rephrase"),
            )
            edge(claim, scheme)
            edge(scheme, other)
            if kind == "RA" and i % 8 == 2 and len(claims) > 2:
                undercut = node("CA", "Default Conflict")
                edge(claims[(i * 17) % len(claims)], undercut)
                edge(undercut, scheme)
        claims.append(claim)
    people = [{"participantID": p, "firstname": "Speaker", "surname": str(p)} for p in range(5)]
    doc = {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": people}
    return json.dumps(doc, indent=1)


def kialo_discussion(n: int) -> str:
    """A Kialo export of ``n`` claims, four pros and cons under each, depth first (the
    order Kialo writes), six levels deep at most."""
    lines = ["Discussion Title: A generated discussion", "", f"1. {words(0)}"]

    def under(number: str, depth: int) -> None:
        for k in range(1, 5):
            if len(lines) - 2 >= n or depth > 6:
                return
            child = f"{number}{k}."
            lines.append(f"{child} {'Pro' if len(lines) % 2 else 'Con'}: {words(len(lines))}")
            under(child, depth + 1)

    under("1.", 1)
    return "\n".join(lines) + "\n"


def timed(text: str, name: str, runs: int) -> tuple[float, float, float, int, int]:
    """Best and median wall time and best CPU time of ``runs`` imports (on a machine
    shared with other work the CPU time says more)."""
    times, cpu = [], []
    m = None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        m = load_text(text, name)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert m is not None
    return min(times), statistics.median(times), min(cpu), len(m.claims), len(m.relations)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    cases = [
        ("Argdown, 1,000 statements", argdown_debate(1000), "debate.argdown", 1.0),
        ("Argdown, 10,000 statements", argdown_debate(10000), "debate.argdown", 8.0),
        ("AIF, 5,000 nodes", aif_document(5000), "aif.json", 1.0),
        ("Kialo, 5,000 claims", kialo_discussion(5000), "discussion.txt", None),
        ("our Argdown export, 1,000 claims", to_argdown(make_map(1000, 2000)), "m.argdown", None),
        (
            "our Argdown export, 10,000 claims",
            to_argdown(make_map(10000, 20000)),
            "m.argdown",
            None,
        ),
    ]
    for label, text, name, target in cases:
        best, median, cpu, claims, relations = timed(text, name, args.runs)
        goal = f" (target < {target:g} s)" if target else ""
        print(
            f"{label:<36} best {best:6.2f} s, median {median:6.2f} s, CPU {cpu:6.2f} s{goal}  "
            f"[{len(text) / 1024:,.0f} KiB: {claims:,} claims, {relations:,} relations]"
        )


if __name__ == "__main__":
    main()
