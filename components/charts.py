"""Altair charts: the convergence of two actors, and the timeline by actor lane.

Contract: each function takes a frame computed by :mod:`arguments` and returns
an ``altair.Chart``; colours match the diagrams (actors: the diagrams' actor
colours; agree/disagree: the diagrams' agree blue and Paul Tol's orange, which
colour-blind readers tell apart).
"""

from __future__ import annotations

from typing import cast

import altair as alt
import pandas as pd

from arguments.analysis.compare import PERIOD_LABELS

AGREE = "#0077BB"  # the diagrams' agrees/adopts blue
DISAGREE = "#EE7733"  # Tol's vibrant orange: apart from blue for every colour vision


def convergence_chart(df: pd.DataFrame, a_name: str, b_name: str) -> alt.LayerChart:
    """Diverging bars per period: agreements up, disagreements down, and the balance."""
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "period": df["period"],
                    "relations": df["agree"],
                    "count": df["agree"],
                    "stance": "agree",
                }
            ),
            pd.DataFrame(
                {
                    "period": df["period"],
                    "relations": df["disagree"],
                    "count": -df["disagree"],
                    "stance": "disagree",
                }
            ),
        ],
        ignore_index=True,
    )
    order = [p for p in PERIOD_LABELS if p in set(df["period"])] + [
        p for p in df["period"] if p not in PERIOD_LABELS
    ]
    x = alt.X("period:N", sort=order, title=None, axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(long)
        .mark_bar(size=34, cornerRadius=2)
        .encode(
            x=x,
            y=alt.Y(
                "count:Q",
                title="relations stated (agree up, disagree down)",
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            color=alt.Color(
                "stance:N",
                scale=alt.Scale(domain=["agree", "disagree"], range=[AGREE, DISAGREE]),
                legend=alt.Legend(title=None, orient="top-left", direction="horizontal"),
            ),
            tooltip=[
                alt.Tooltip("period:N"),
                alt.Tooltip("stance:N"),
                alt.Tooltip("relations:Q", title="relations"),
            ],
        )
    )
    balance = (
        alt.Chart(df)
        .mark_line(
            point=alt.OverlayMarkDef(filled=True, size=50), color="#333333", strokeDash=[4, 3]
        )
        .encode(
            x=x,
            y="balance:Q",
            tooltip=[alt.Tooltip("period:N"), alt.Tooltip("balance:Q", title="agree - disagree")],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#666666").encode(y="y:Q")
    return (bars + zero + balance).properties(height=280)


def timeline_chart(
    df: pd.DataFrame, colours: dict[str, str], names: dict[str, str], selected: str | None = None
) -> alt.LayerChart:
    """One lane per actor; a point per dated claim, filled with the actor's colour."""
    lanes = df.groupby("actor_name")["start"].min().sort_values().index.tolist() if len(df) else []
    domain = [names[a] for a in colours if a in names and names[a] in set(df["actor_name"])]
    rng = [colours[a] for a in colours if a in names and names[a] in set(df["actor_name"])]
    data = df.assign(
        short=df["text"].str.slice(0, 140), selected=df["id"] == selected if selected else False
    )
    data = data.drop(columns=["topics"], errors="ignore")
    # claims of one actor at one date sit side by side in the lane instead of on top
    data["slot"] = data.groupby(["actor", "start"]).cumcount()
    pick = alt.selection_point(name="pick", fields=["id"], on="click", clear="dblclick")
    zoom = alt.selection_interval(name="zoom", bind="scales", encodings=["x"])
    span = (data["year"].max() - data["year"].min()) if len(data) else 0
    step = 1 if span <= 15 else 2 if span <= 40 else 5
    base = alt.Chart(data).encode(
        x=alt.X(
            "start:T",
            title=None,
            scale=alt.Scale(padding=14),
            axis=alt.Axis(
                format="%Y",
                tickCount={"interval": "year", "step": step},
                grid=True,
                gridOpacity=0.5,
            ),
        ),
        y=alt.Y("actor_name:N", sort=lanes, title=None, axis=alt.Axis(labelLimit=260)),
        yOffset=alt.YOffset("slot:O"),
    )
    points = (
        base.mark_point(filled=True, size=140, stroke="#333333", strokeWidth=0.8, opacity=0.95)
        .encode(
            color=alt.Color("actor_name:N", scale=alt.Scale(domain=domain, range=rng), legend=None),
            shape=alt.Shape("kind:N", legend=alt.Legend(title="Claim kind", orient="top")),
            tooltip=[
                alt.Tooltip("date:N"),
                alt.Tooltip("actor_name:N", title="actor"),
                alt.Tooltip("kind:N"),
                alt.Tooltip("short:N", title="claim"),
            ],
        )
        .add_params(pick, zoom)
    )
    layers = [points]
    if selected and bool(data["selected"].any()):
        ring = (
            alt.Chart(data[data["selected"]])
            .mark_point(size=520, stroke="#000000", strokeWidth=2.5, filled=False)
            .encode(
                x=alt.X("start:T", scale=alt.Scale(padding=14)),
                y=alt.Y("actor_name:N", sort=lanes),
                yOffset=alt.YOffset("slot:O"),
            )
        )
        layers.append(ring)
    height = 110 + 28 * max(1, len(lanes))  # Streamlit fits legend and axis inside it
    return cast(alt.LayerChart, alt.layer(*layers).properties(height=height))
