"""Counts of a map: claims, relations and quotes by kind, actor, topic and chapter.

Contract: :func:`stats` is a pure function of a map returning plain data.
"""

from __future__ import annotations

from collections import Counter

from ..models import Map


def stats(m: Map) -> dict:
    chapters = Counter(c.chapter for c in m.claims)
    return {
        "claims": len(m.claims),
        "relations": len(m.relations),
        "quotes": m.quote_count,
        "actors": len(m.actors),
        "topics": len(m.topics),
        "by_kind": dict(Counter(c.kind for c in m.claims).most_common()),
        "by_actor": {
            m.actor_name(a): n
            for a, n in Counter(a for c in m.claims for a in c.actors).most_common()
        },
        "by_topic": {
            m.topic_label(t): n
            for t, n in Counter(t for c in m.claims for t in c.topics).most_common()
        },
        "by_chapter": {k: chapters[k] for k in m.in_chapter_order(chapters)},
        "relations_by_kind": dict(Counter(r.kind for r in m.relations).most_common()),
    }
