"""The one vocabulary: what each claim, actor and relation kind means.

Contract: every other module (the models, the cross-reference checks, the
analyses, every format and the diagrams) reads the kinds and their meaning
from here; nothing restates them.  Adding a relation kind is one row of
:data:`RELATIONS` (plus its line in the README and its tests): its
direction, whether it is symmetric, whether it counts as a reason, an
objection, an agreement or a disagreement, whether it points back in time,
which ends it accepts, its AIF node, its Kialo stance, its Argdown operator
and its diagram style are all in that row.

Pure data: this module imports nothing from the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal


# ------------------------------------------------------------------ claims
@dataclass(frozen=True)
class ClaimKind:
    """A kind of claim: what it is, how it is drawn and named."""

    name: str
    means: str  # the README's "what it is"
    shape: dict[str, str]  # Graphviz node attributes (shape and style)
    shape_word: str  # how the legend names the shape
    mark: str  # its fixed mark on the timeline (a Vega-Lite point shape)
    judgement: bool = False  # shown on the Verdicts page (the author's thesis and verdicts)

    @property
    def glyph(self) -> str:
        """The same mark as a character, for text (the Read page, the annotated text)."""
        return MARK_GLYPHS[self.mark]


#: each timeline mark as the character that draws it in running text
MARK_GLYPHS = {
    "square": "\u25a0",
    "diamond": "\u25c6",
    "circle": "\u25cf",
    "triangle-up": "\u25b2",
    "cross": "\u271a",
    "triangle-down": "\u25bc",
    "wedge": "\u25b4",
    "triangle-right": "\u25b6",
}

CLAIMS: tuple[ClaimKind, ...] = (
    ClaimKind(
        "thesis",
        "the author's central contention (the essay has one)",
        {"shape": "box", "style": "filled,bold", "peripheries": "2", "penwidth": "2"},
        "double frame",
        "square",
        judgement=True,
    ),
    ClaimKind(
        "postulate",
        "one of the numbered postulates a theory is reduced to; has `number`",
        {"shape": "box", "style": "filled,bold", "penwidth": "2.5"},
        "bold frame",
        "diamond",
    ),
    ClaimKind(
        "position",
        "what an actor held or advocated at a date",
        {"shape": "box", "style": "filled,rounded"},
        "rounded box",
        "circle",
    ),
    ClaimKind(
        "prediction",
        "what an actor expected to happen",
        {"shape": "hexagon", "style": "filled"},
        "hexagon",
        "triangle-up",
    ),
    ClaimKind(
        "event",
        "what happened, as the source reports it",
        {"shape": "note", "style": "filled"},
        "page with a folded corner",
        "cross",
    ),
    ClaimKind(
        "interpretation",
        "a reading of events or positions, by the author or a historian the source quotes",
        {"shape": "ellipse", "style": "filled"},
        "ellipse",
        "triangle-down",
    ),
    ClaimKind(
        "verdict",
        "the author's judgement",
        {"shape": "octagon", "style": "filled,bold", "penwidth": "2"},
        "octagon",
        "wedge",
        judgement=True,
    ),
    ClaimKind(
        "argument",
        "an argument of a map made in Argdown: its premises support it, it supports its conclusion",
        {"shape": "box", "style": "filled,diagonals"},
        "box with cut corners",
        "triangle-right",
    ),
)
CLAIM_KIND = MappingProxyType({k.name: k for k in CLAIMS})
CLAIM_KINDS: tuple[str, ...] = tuple(k.name for k in CLAIMS)


# ------------------------------------------------------------------ actors
@dataclass(frozen=True)
class ActorKind:
    name: str
    means: str
    dated: bool  # claims by such an actor need a date


ACTORS: tuple[ActorKind, ...] = (
    ActorKind("person", "a person", dated=True),
    ActorKind("faction", "a group, party or faction", dated=True),
    ActorKind("institution", "a state, government or organisation", dated=True),
    ActorKind("author", "the author of the source (his claims may go undated)", dated=False),
    ActorKind("source", "a text the source quotes without naming its author", dated=False),
    ActorKind("unattributed", "no one: the map does not say who holds the claim", dated=False),
)
#: the actor a claim without one is credited to (added to a map that needs it)
UNATTRIBUTED = "unattributed"
ACTOR_KIND = MappingProxyType({k.name: k for k in ACTORS})
ACTOR_KINDS: tuple[str, ...] = tuple(k.name for k in ACTORS)
DATED_ACTOR_KINDS = frozenset(k.name for k in ACTORS if k.dated)


# ------------------------------------------------------------------ relations
AifNode = Literal["RA", "CA", "MA"]


@dataclass(frozen=True)
class RelationKind:
    """A kind of relation ``source -> target`` and everything that follows from it."""

    name: str
    means: str  # read ``source -> target`` as ...
    direction: str  # which end is which
    reads_out: str  # how it reads from its source: "supports"
    reads_in: str  # how it reads from its target: "supported by"
    symmetric: bool = False  # the same relation both ways: stated once
    backward: bool = False  # the source is later than the target (drawn pointing back)
    reason: bool = False  # the source is a reason for the target
    objection: bool = False  # the source speaks against the target
    agreement: bool = False  # between two actors' claims: they concur
    disagreement: bool = False  # between two actors' claims: they differ
    compare_word: str | None = None  # the comparison's word for it
    same_actor: bool | None = None  # True: one actor at both ends; False: two; None: either
    not_earlier: bool = False  # the source may not predate the target
    target_kind: str | None = None  # the target must be a claim of this kind
    needs_reason: bool = False  # names the `reason` whose support it attacks
    aif: AifNode = "MA"  # its scheme node in AIF
    kialo: str | None = None  # "Pro" or "Con" in a Kialo tree, None: not in the tree
    argdown: str | None = None  # its Argdown operator, None: only in the statement's data
    fate: str = ""  # what it does to its target, in a postulate's fate ("adopted")
    style: dict[str, str] = field(default_factory=dict)  # Graphviz edge attributes

    @property
    def in_tree(self) -> bool:
        """Part of a claim's tree of what bears on it (a directed reason or objection)."""
        return (self.reason or self.objection) and not self.symmetric


RELATIONS: tuple[RelationKind, ...] = (
    RelationKind(
        "supports",
        "source is a reason for target",
        "reason -> conclusion",
        "supports",
        "supported by",
        reason=True,
        agreement=True,
        compare_word="agree",
        aif="RA",
        kialo="Pro",
        argdown="+>",
        fate="upheld",
        style={"color": "#228833", "style": "solid", "arrowhead": "normal", "penwidth": "1.8"},
    ),
    RelationKind(
        "attacks",
        "source is a reason against target",
        "objection -> claim",
        "attacks",
        "attacked by",
        objection=True,
        disagreement=True,
        compare_word="disagree",
        aif="CA",
        kialo="Con",
        argdown="->",
        fate="contested",
        style={"color": "#CC3311", "style": "solid", "arrowhead": "tee", "penwidth": "1.8"},
    ),
    RelationKind(
        "undercuts",
        "source attacks the link by which `reason` bears on target (a relation from `reason` "
        "to target must exist: a support, or a contradiction or agreement it qualifies)",
        "undercutter -> conclusion, with `reason`",
        "undercuts",
        "undercut by",
        objection=True,
        disagreement=True,
        compare_word="disagree",
        needs_reason=True,
        aif="CA",
        kialo="Con",
        argdown="_>",
        fate="undercut",
        style={"color": "#AA3377", "style": "dashed", "arrowhead": "tee", "penwidth": "1.8"},
    ),
    RelationKind(
        "contradicts",
        "the two cannot both hold",
        "symmetric: state it once",
        "contradicts",
        "contradicted by",
        symmetric=True,
        objection=True,
        disagreement=True,
        compare_word="contradict",
        aif="CA",
        argdown="><",
        fate="rejected",
        style={
            "color": "#CC3311",
            "style": "bold",
            "dir": "both",
            "arrowhead": "tee",
            "arrowtail": "tee",
            "penwidth": "2.6",
        },
    ),
    RelationKind(
        "agrees",
        "two actors' positions concur",
        "symmetric: state it once",
        "agrees with",
        "agreed with by",
        symmetric=True,
        agreement=True,
        compare_word="agree",
        fate="shared",
        style={
            "color": "#0077BB",
            "style": "bold",
            "dir": "both",
            "arrowhead": "dot",
            "arrowtail": "dot",
            "penwidth": "2.6",
        },
    ),
    RelationKind(
        "adopts",
        "source's actor takes over target, another actor's claim",
        "later adopter -> earlier claim",
        "adopts",
        "adopted by",
        backward=True,
        agreement=True,
        compare_word="adopt",
        same_actor=False,
        fate="adopted",
        style={"color": "#0077BB", "style": "solid", "arrowhead": "empty", "penwidth": "1.8"},
    ),
    RelationKind(
        "revises",
        "an actor's later position replaces his earlier one",
        "later -> earlier, same actor",
        "revises",
        "revised by",
        backward=True,
        same_actor=True,
        not_earlier=True,
        fate="altered",
        style={"color": "#555555", "style": "dashed", "arrowhead": "vee", "penwidth": "1.6"},
    ),
    RelationKind(
        "elaborates",
        "source details, applies or qualifies target",
        "detail -> claim",
        "elaborates",
        "elaborated by",
        agreement=True,
        compare_word="agree",
        style={"color": "#777777", "style": "dotted", "arrowhead": "open", "penwidth": "1.8"},
    ),
    RelationKind(
        "confirms",
        "what happened bears the target prediction out",
        "outcome -> prediction",
        "confirms",
        "confirmed by",
        backward=True,
        reason=True,
        target_kind="prediction",
        aif="RA",
        kialo="Pro",
        argdown="+>",
        fate="borne out",
        style={"color": "#228833", "style": "dashed", "arrowhead": "diamond", "penwidth": "1.8"},
    ),
    RelationKind(
        "disconfirms",
        "what happened refutes the target prediction",
        "outcome -> prediction",
        "disconfirms",
        "disconfirmed by",
        backward=True,
        objection=True,
        target_kind="prediction",
        aif="CA",
        kialo="Con",
        argdown="->",
        fate="refuted",
        style={
            "color": "#CC3311",
            "style": "dashed",
            "arrowhead": "odiamond",
            "penwidth": "1.8",
        },
    ),
)
RELATION = MappingProxyType({k.name: k for k in RELATIONS})
RELATION_KINDS: tuple[str, ...] = tuple(k.name for k in RELATIONS)
SYMMETRIC = frozenset(k.name for k in RELATIONS if k.symmetric)
BACKWARD = frozenset(k.name for k in RELATIONS if k.backward)
TREE_KINDS: tuple[str, ...] = tuple(k.name for k in RELATIONS if k.in_tree)


def relation_key(source: str, target: str, kind: str, reason: str | None = None) -> tuple:
    """What makes a relation the same relation: both ends and the kind, in either order
    for a symmetric kind (so that it is stated once); an undercut also by its reason."""
    if kind in SYMMETRIC:
        return (frozenset((source, target)), kind)
    rk = RELATION.get(kind)
    return (source, target, kind, reason) if rk and rk.needs_reason else (source, target, kind)


# ------------------------------------------------------------------ colours
#: Paul Tol's "light" scheme (fills under black text), the author first; actors past
#: the eighth share OTHER_COLOUR
PALETTE: tuple[str, ...] = (
    "#EEDD88",
    "#EE8866",
    "#77AADD",
    "#FFAABB",
    "#99DDFF",
    "#44BB99",
    "#BBCC33",
    "#AAAA00",
)
OTHER_COLOUR = "#DDDDDD"
