"""Altair charts: the convergence of two actors, and the timeline by actor lane.

Contract: each function takes a frame computed by :mod:`arguments` and returns
an ``altair.Chart``; colours match the diagrams (actors: the diagrams' actor
colours; agree/disagree: the diagrams' agree blue and Paul Tol's orange, which
colour-blind readers tell apart).
"""

from __future__ import annotations

from typing import Literal, cast

import altair as alt
import pandas as pd

from arguments.analysis.compare import PERIOD_LABELS
from arguments.kinds import CLAIM_KIND, CLAIM_KINDS

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
    df: pd.DataFrame,
    colours: dict[str, str],
    names: dict[str, str],
    selected: str | None = None,
    years: tuple[int, int] | None = None,
) -> alt.LayerChart:
    """One lane per actor; a point per dated claim, filled with the actor's colour.

    Each claim kind has its one mark (:data:`arguments.kinds.CLAIM_KINDS`' ``mark``), the
    same whatever the years shown; the year axis is drawn at the top and at the bottom;
    ``years`` (first, last) fixes the axis to those years."""
    if years is not None:
        df = df[(df["year"] >= years[0]) & (df["year"] <= years[1])]
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
    lo, hi = years or (
        (int(data["year"].min()), int(data["year"].max())) if len(data) else (1900, 1930)
    )
    span = hi - lo
    step = 1 if span <= 30 else 2 if span <= 60 else 5
    scale = alt.Scale(
        domain=[alt.DateTime(year=lo, month=1, date=1), alt.DateTime(year=hi, month=12, date=31)],
        padding=14,
    )

    def axis(orient: Literal["top", "bottom"]) -> alt.Axis:
        return alt.Axis(
            format="%Y",
            tickCount={"interval": "year", "step": step},
            grid=orient == "bottom",
            gridOpacity=0.5,
            orient=orient,
            labelFontSize=12,
        )

    y = alt.Y(
        "actor_name:N", sort=lanes, title=None, axis=alt.Axis(labelLimit=190, labelFontSize=12)
    )
    base = alt.Chart(data).encode(y=y, yOffset=alt.YOffset("slot:O"))
    points = (
        base.mark_point(filled=True, size=140, stroke="#333333", strokeWidth=0.8, opacity=0.95)
        .encode(
            x=alt.X("start:T", title=None, scale=scale, axis=axis("bottom")),
            color=alt.Color("actor_name:N", scale=alt.Scale(domain=domain, range=rng), legend=None),
            shape=alt.Shape(
                "kind:N",
                # every kind keeps its mark whatever the filter leaves: the domain is all kinds
                scale=alt.Scale(
                    domain=list(CLAIM_KINDS), range=[CLAIM_KIND[k].mark for k in CLAIM_KINDS]
                ),
                legend=alt.Legend(
                    title=None, orient="top", columns=4, symbolFillColor="#777777", labelFontSize=12
                ),
            ),
            tooltip=[
                alt.Tooltip("date:N"),
                alt.Tooltip("actor_name:N", title="actor"),
                alt.Tooltip("kind:N"),
                alt.Tooltip("short:N", title="claim"),
            ],
        )
        .add_params(pick, zoom)
    )
    # the same years along the top: a chart this tall is read from both ends
    top = base.mark_point(opacity=0).encode(
        x=alt.X("start:T", title=None, scale=scale, axis=axis("top"))
    )
    layers = [points, top]
    if selected and bool(data["selected"].any()):
        ring = (
            alt.Chart(data[data["selected"]])
            .mark_point(size=520, stroke="#000000", strokeWidth=2.5, filled=False)
            .encode(
                x=alt.X("start:T", scale=scale, axis=None),
                y=alt.Y("actor_name:N", sort=lanes),
                yOffset=alt.YOffset("slot:O"),
            )
        )
        layers.append(ring)
    height = 130 + 28 * max(1, len(lanes))  # Streamlit fits legend and axes inside it
    chart = alt.layer(*layers).resolve_axis(x="independent").properties(height=height)
    return cast(alt.LayerChart, chart)
