"""Claims in time.

Contract: :func:`timeline` is a pure function of a map returning a pandas frame.
"""

from __future__ import annotations

import pandas as pd

from ..models import Map


def timeline(m: Map) -> pd.DataFrame:
    """Every dated claim, oldest first: id, actor, actor_name, kind, date, start, text,
    chapter, one row per actor (a joint claim stands in each of its actors' lanes)."""
    rows: list[dict[str, object]] = []
    for c in m.claims:
        if not c.date:
            continue
        month = int(c.date[5:7]) if len(c.date) == 7 else 1
        rows.extend(
            {
                "id": c.id,
                "actor": actor,
                "actor_name": m.actor_name(actor),
                "kind": c.kind,
                "date": c.date,
                "year": c.year,
                "start": pd.Timestamp(year=c.year, month=month, day=1),
                "precision": "month" if len(c.date) == 7 else "year",
                "text": c.text,
                "chapter": c.chapter,
                "topics": list(c.topics),
            }
            for actor in c.actors
        )
    df = pd.DataFrame(
        rows,
        columns=[
            "id",
            "actor",
            "actor_name",
            "kind",
            "date",
            "year",
            "start",
            "precision",
            "text",
            "chapter",
            "topics",
        ],
    )
    return df.sort_values(["start", "actor"], kind="stable").reset_index(drop=True)
