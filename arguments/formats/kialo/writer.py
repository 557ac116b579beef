"""Kialo: the plain-text discussion format Kialo exports and imports.

Contract: :func:`write(map, claim_id)` returns a Kialo discussion whose
thesis is the claim (a thesis, verdict or any claim) and whose tree is what
supports and attacks it, recursively (:func:`arguments.analysis.support_tree`)::

    Discussion Title: <the claim>

    1. <the claim>
    1.1. Pro: <a claim that supports or confirms it> (Trotsky, 1906)
    1.1.1. Con: <a claim that attacks, undercuts or disconfirms that one>
    1.2. Con: -> See 1.1.1.

A claim already shown higher in the tree is linked (``-> See N.``), as Kialo
writes a claim that appears twice; each claim is one line, with its actor and
date in brackets (Kialo shows no other metadata).  Without a claim, the
view's thesis is used: the first claim of kind thesis, else the first verdict.
"""

from __future__ import annotations

from ...analysis.trees import support_tree
from ...kinds import RELATION
from ...models import Map
from ...text import shorten

MAX_CLAIM = 500  # Kialo's limit on a claim's length


def _line(m: Map, cid: str) -> str:
    c = m.claim(cid)
    who = m.credited(c) + (f", {c.date}" if c.date else "")
    tail = f" ({' '.join(who.split())})"
    return shorten(c.text, MAX_CLAIM - len(tail)) + tail


def default_claim(m: Map) -> str:
    for kind in ("thesis", "verdict"):
        for c in m.claims:
            if c.kind == kind:
                return c.id
    return m.claims[0].id


def write(m: Map, claim_id: str | None = None, max_depth: int = 8) -> str:
    root_id = claim_id or default_claim(m)
    tree = support_tree(m, root_id, max_depth=max_depth)
    title = " ".join(m.claim(root_id).text.split())
    lines = [f"Discussion Title: {title[:MAX_CLAIM]}", "", f"1. {_line(m, root_id)}"]
    number: dict[str, str] = {root_id: "1."}

    def walk(node, prefix: str) -> None:
        for i, child in enumerate(node.children, start=1):
            idx = f"{prefix}{i}."
            stance = RELATION[child.relation].kialo or "Con"
            if child.repeated and child.claim in number:
                lines.append(f"{idx} {stance}: -> See {number[child.claim]}")
                continue
            number.setdefault(child.claim, idx)
            lines.append(f"{idx} {stance}: {_line(m, child.claim)}")
            walk(child, idx)

    walk(tree, "1.")
    return "\n".join(lines) + "\n"
