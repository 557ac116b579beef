"""Trees of what bears on a claim: its reasons and objections, recursively.

Contract: :func:`support_tree` returns a :class:`TreeNode` tree (each claim
once in full, repeats marked); :func:`outline` renders one as plain text.
The kinds in a tree are :data:`arguments.kinds.TREE_KINDS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kinds import TREE_KINDS
from ..models import Map


@dataclass
class TreeNode:
    claim: str
    relation: str | None = None  # how this node bears on its parent
    children: list[TreeNode] = field(default_factory=list)
    repeated: bool = False  # already shown higher in the tree

    def walk(self, depth: int = 0):
        yield depth, self
        for ch in self.children:
            yield from ch.walk(depth + 1)

    @property
    def size(self) -> int:
        return sum(1 for _ in self.walk())


def support_tree(
    m: Map, claim_id: str, max_depth: int = 5, kinds: tuple[str, ...] = TREE_KINDS
) -> TreeNode:
    """The claims that support, attack or undercut ``claim_id``, recursively.

    Each claim appears once in full; a later occurrence is marked ``repeated``
    and not expanded, so cycles end.
    """
    m.claim(claim_id)  # KeyError for an unknown id
    incoming: dict[str, list[tuple[str, str]]] = {}
    for r in m.relations:
        if r.kind in kinds:
            incoming.setdefault(r.target, []).append((r.source, r.kind))
    order = {c.id: i for i, c in enumerate(m.claims)}
    seen = {claim_id}

    def grow(node: TreeNode, depth: int) -> None:
        if depth >= max_depth:
            return
        for src, kind in sorted(
            incoming.get(node.claim, []),
            key=lambda x: (TREE_KINDS.index(x[1]) if x[1] in TREE_KINDS else 9, order[x[0]]),
        ):
            child = TreeNode(src, kind, repeated=src in seen)
            node.children.append(child)
            if not child.repeated:
                seen.add(src)
                grow(child, depth + 1)

    root = TreeNode(claim_id)
    grow(root, 0)
    return root


def outline(m: Map, tree: TreeNode) -> str:
    """A tree as an indented text outline (the accessible view of a tree diagram)."""
    lines = []
    for depth, node in tree.walk():
        c = m.claim(node.claim)
        rel = f"{node.relation}: " if node.relation else ""
        again = " (shown above)" if node.repeated else ""
        lines.append(
            f"{'  ' * depth}- {rel}{c.text} [{m.credited(c)}"
            f"{', ' + c.date if c.date else ''}]{again}"
        )
    return "\n".join(lines)
