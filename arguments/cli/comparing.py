"""``compare``: two actors side by side, as a table, CSV or JSON (pandas tables)."""

from __future__ import annotations

import argparse
import json
import textwrap

import pandas as pd

from ..analysis.compare import compare, topic_story
from ..formats.tables import comparison_csv
from ..models import Map
from .common import check, load, write


def cmd_compare(args: argparse.Namespace) -> int:
    m = load(args.map, args.input_format)
    a, b = args.a, args.b
    check("actor", [a, b], m.actor_index)
    if args.topic is not None:
        check("topic", [args.topic], m.topic_index)
    df = compare(m, a, b, args.topic, related_only=not args.all)
    if args.format == "csv":
        write(comparison_csv(m, a, b, args.topic), args.output, "csv", f"{a}-vs-{b}")
        return 0
    if args.format == "json":
        rows = df.to_dict(orient="records")
        stories = topic_story(df)
        for r in rows:
            r["links"] = [list(x) for x in r["links"]]
            r["qualified"] = [list(x) for x in r["qualified"]]
            r["story"] = stories.get(r["topic"], "")
        data = {"actors": [a, b], "topic": args.topic, "all": args.all, "rows": rows}
        write(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n",
            args.output,
            "json",
            f"{a}-vs-{b}",
        )
        return 0
    write(compare_table(m, df, a, b), args.output, "txt", f"{a}-vs-{b}")
    return 0


def compare_table(m: Map, df: pd.DataFrame, a: str, b: str, width: int = 38) -> str:
    """The comparison as a plain-text table: per topic, a row per period."""
    name_a, name_b = m.actor_name(a), m.actor_name(b)
    if df.empty:
        return f"{name_a} and {name_b}: no dated claims to compare\n"

    def cell(ids) -> list[str]:
        lines: list[str] = []
        for cid in ids:
            c = m.claim(cid)
            text = f"{c.date}: {' '.join(c.text.split())}" if c.date else c.text
            lines += textwrap.wrap(text, width, initial_indent="- ", subsequent_indent="  ") or [
                "-"
            ]
        return lines or [""]

    out = [f"{name_a} vs {name_b}", ""]
    head = f"{'period':<15} {name_a[:width]:<{width}}  {'relation':<18} {name_b[:width]}"
    stories = topic_story(df)
    for (_, topic), rows in df.groupby(["topic", "topic_label"], sort=False):
        story = stories.get(str(rows["topic"].iloc[0]), "")
        out += [f"== {topic}" + (f"  ({story})" if story else ""), head, "-" * len(head)]
        for r in rows.itertuples(index=False):
            left, right = cell(r.a_claims), cell(r.b_claims)
            for i in range(max(len(left), len(right))):
                out.append(
                    f"{(r.period if i == 0 else ''):<15} "
                    f"{(left[i] if i < len(left) else ''):<{width}}  "
                    f"{(r.relation if i == 0 else ''):<18} "
                    f"{right[i] if i < len(right) else ''}".rstrip()
                )
            for q in dict.fromkeys(q for q, _, _ in r.qualified):
                out.append(
                    f"{'':<15} (qualified by {m.credited(m.claim(q))}: "
                    f"{' '.join(m.claim(q).text.split())})"
                )
        out.append("")
    return "\n".join(out)
