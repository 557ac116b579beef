"""Views: what part of a map an export, a diagram or a page shows.

Contract: a :class:`View` describes a view (its kind, claim, actors, topic,
filters and layout); :func:`select` cuts the claims and relations it shows from
the *whole* map and names it (:class:`Selection`: the sub-map, a title, a
file-name slug and how to group it).  Pure functions; nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .analysis.fate import fate
from .analysis.trees import support_tree
from .graph import Filters, build_graph, filter_map, neighbourhood, submap
from .kinds import RELATION, TREE_KINDS
from .models import Map
from .text import slug

VIEWS = ("map", "focus", "compare", "postulate", "verdict")
#: what each view shows (for --help and the app)
VIEW_HELP = {
    "map": "the whole map, or the claims the filters keep",
    "focus": "a claim (--claim) and its neighbours to --depth relations",
    "compare": "two actors (--actors A B) side by side, lined up by period",
    "postulate": "a postulate's (or any claim's) fate through time (--claim)",
    "verdict": "what supports and attacks a verdict or thesis (--claim), as a tree",
}
#: group larger selections than this into clusters (by chapter)
AUTO_CLUSTER_AT = 40


@dataclass(frozen=True)
class View:
    """What part of the map an export shows.

    ``kind`` is one of :data:`VIEWS`; ``claim`` names the focus claim, the
    postulate or the verdict; ``actors`` the pair compared; ``filters`` a
    filtered selection; ``depth`` the focus radius; ``direction`` and
    ``spacing`` the layout.
    """

    kind: str = "map"
    claim: str | None = None
    actors: tuple[str, ...] = ()
    topic: str | None = None
    depth: int = 1
    filters: Filters | None = None
    direction: str = "TB"
    spacing: str = "compact"
    edge_labels: bool = False
    cluster: str | None = None  # None = automatic, "chapter", "actor" or "none"
    #: claims marked by a diff: (claim id, "added" | "removed" | "changed") pairs
    marks: tuple[tuple[str, str], ...] = ()
    #: a page of a paged export: only these claims of the view, and the page's caption
    only: frozenset[str] | None = None
    part: str | None = None


@dataclass(frozen=True)
class Selection:
    map: Map  # the claims and relations shown
    title: str
    rankdir: str
    cluster: str  # "chapter", "actor" or "none"
    slug: str  # a file name for the view, without extension
    part: str = ""  # which page of the view this is (a paged export), under the title


def select(m: Map, view: View) -> Selection:
    """The claims and relations a view shows, with its title and layout; a page of a paged
    view (``view.only``) keeps only its own claims of them."""
    sel = _select(m, view)
    if view.only is None and not view.part:
        return sel
    shown = sel.map if view.only is None else submap(sel.map, view.only)
    return replace(sel, map=shown, part=view.part or "")


def _select(m: Map, view: View) -> Selection:
    f = view.filters if isinstance(view.filters, Filters) else Filters()
    base = filter_map(m, f)
    cluster = view.cluster
    if view.kind == "map":
        title = m.source.title + (" (selection)" if f.active else "")
        sel, name = base, "map-selection" if f.active else "map"
    elif view.kind == "focus":
        cid = _need_claim(m, view)
        where = base if cid in base.claim_index else m
        keep = neighbourhood(build_graph(where), cid, view.depth)
        sel = submap(where, keep, f.relation_kinds)
        title = f"Around: {m.claim(cid).text}"
        name = f"focus-{cid}-depth-{view.depth}"
    elif view.kind == "compare":
        a, b = _pair(m, view)
        keep = {
            c.id
            for c in base.claims
            if {a, b} & set(c.actors) and (view.topic is None or view.topic in c.topics)
        }
        sel = submap(m, keep, f.relation_kinds)
        topic = f", {m.topic_label(view.topic)}" if view.topic else ""
        title = f"{m.actor_name(a)} and {m.actor_name(b)} compared{topic}"
        name = slug(f"{a}-vs-{b}" + (f"-{view.topic}" if view.topic else ""))
        cluster = cluster or "actor"
    elif view.kind == "postulate":
        cid = _need_claim(m, view)
        c = m.claim(cid)
        keep = {s.claim for s in fate(m, cid)} | {cid}
        keep |= {
            r.source
            for r in m.relations
            if r.target == cid and RELATION[r.kind].reason and not RELATION[r.kind].backward
        }
        num = f" {c.number}" if c.kind == "postulate" else ""
        title = f"Postulate{num}: {c.text}" if c.kind == "postulate" else c.text
        name = f"postulate-{c.number}" if c.kind == "postulate" else slug(f"fate-{cid}")
        return Selection(submap(m, keep), f"{title} - its fate", "LR", cluster or "none", name)
    elif view.kind == "verdict":
        cid = _need_claim(m, view)
        keep = {n.claim for _, n in support_tree(m, cid).walk()}
        sel = submap(m, keep, frozenset(TREE_KINDS))
        title = f"What bears on: {m.claim(cid).text}"
        return Selection(sel, title, "BT", cluster or "none", slug(f"verdict-{cid}"))
    else:
        raise ValueError(f"unknown view {view.kind!r}")
    if cluster is None:
        cluster = "chapter" if len(sel.claims) > AUTO_CLUSTER_AT else "none"
    return Selection(sel, title, view.direction, cluster, name)


def selected(m: Map, view: View) -> Map:
    """The claims and relations a view shows, as a map (the whole map for the default view)."""
    return m if view == View() else select(m, view).map


def view_slug(m: Map, view: View) -> str:
    return select(m, view).slug


def _pair(m: Map, view: View) -> tuple[str, str]:
    if len(view.actors) != 2:
        raise ValueError("the compare view needs two actors")
    for actor in view.actors:
        if actor not in m.actor_index:
            raise ValueError(f"no actor has the id {actor!r}")
    return view.actors[0], view.actors[1]


def _need_claim(m: Map, view: View) -> str:
    if not view.claim:
        raise ValueError(f"the {view.kind} view needs a claim")
    if view.claim not in m.claim_index:
        raise ValueError(f"no claim has the id {view.claim!r}")
    return view.claim
