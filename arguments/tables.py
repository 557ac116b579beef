"""Tables through pandas: claims, relations and a comparison, as CSV and as a workbook.

Contract: :func:`claims_frame`, :func:`relations_frame` and
:func:`comparison_frame` return ``pandas.DataFrame`` objects with one row per
claim, per relation and per (topic, period) of a comparison (lists joined
with " | ", absent values empty); the registered formats write them with
pandas (CSV in UTF-8 with a byte-order mark, so spreadsheet programs read the
accents; XLSX through openpyxl, one sheet each, header frozen, columns sized).
Columns are documented in :data:`CLAIM_COLUMNS`, :data:`RELATION_COLUMNS`
and :data:`COMPARISON_COLUMNS`; reading a CSV back with ``pandas.read_csv``
gives the same table.
"""
from __future__ import annotations

import io

import pandas as pd

from .exporters import View, register, selected
from .models import Map

SEP = " | "
CLAIM_COLUMNS = ("id", "kind", "number", "actor", "actor_name", "date", "chapter",
                 "chapter_title", "topics", "text", "quotes", "cites", "speakers")
RELATION_COLUMNS = ("source", "kind", "target", "reason", "source_actor", "target_actor",
                    "source_text", "target_text", "note", "quote", "quote_cites")
COMPARISON_COLUMNS = ("topic", "topic_label", "period", "a_actor", "a_claims", "a_texts",
                      "relation", "b_actor", "b_claims", "b_texts", "links")


def claims_frame(m: Map) -> pd.DataFrame:
    rows = []
    for c in m.claims:
        rows.append({
            "id": c.id, "kind": c.kind, "number": c.number if c.kind == "postulate" else None,
            "actor": c.actor, "actor_name": m.actor_name(c.actor), "date": c.date or "",
            "chapter": c.chapter, "chapter_title": m.source.chapter_title(c.chapter),
            "topics": SEP.join(c.topics), "text": c.text,
            "quotes": SEP.join(q.text for q in c.quotes),
            "cites": SEP.join(q.cites or "" for q in c.quotes),
            "speakers": SEP.join(m.actor_name(q.speaker) if q.speaker else "" for q in c.quotes),
        })
    df = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    df["number"] = df["number"].astype("Int64")
    return df


def relations_frame(m: Map) -> pd.DataFrame:
    idx = m.claim_index
    rows = [{
        "source": r.source, "kind": r.kind, "target": r.target, "reason": r.reason or "",
        "source_actor": m.actor_name(idx[r.source].actor),
        "target_actor": m.actor_name(idx[r.target].actor),
        "source_text": idx[r.source].text, "target_text": idx[r.target].text,
        "note": r.note or "", "quote": r.quote.text if r.quote else "",
        "quote_cites": (r.quote.cites or "") if r.quote else "",
    } for r in m.relations]
    return pd.DataFrame(rows, columns=list(RELATION_COLUMNS))


def comparison_frame(m: Map, a: str, b: str, topic: str | None = None) -> pd.DataFrame:
    """The comparison of two actors (:func:`arguments.compare.compare`), as flat text."""
    from .compare import compare
    df = compare(m, a, b, topic)
    idx = m.claim_index
    rows = [{
        "topic": row.topic, "topic_label": row.topic_label, "period": row.period,
        "a_actor": m.actor_name(a), "a_claims": SEP.join(row.a_claims),
        "a_texts": SEP.join(idx[c].text for c in row.a_claims), "relation": row.relation,
        "b_actor": m.actor_name(b), "b_claims": SEP.join(row.b_claims),
        "b_texts": SEP.join(idx[c].text for c in row.b_claims),
        "links": SEP.join(f"{s} {k} {t}" for s, k, t in row.links),
    } for row in df.itertuples(index=False)]
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))


def _pair(m: Map, view: View) -> tuple[str, str]:
    if len(view.actors) != 2:
        raise ValueError("a comparison needs two actors (--actors A B)")
    for a in view.actors:
        if a not in m.actor_index:
            raise ValueError(f"no actor has the id {a!r}")
    return view.actors[0], view.actors[1]


def _csv(df: pd.DataFrame) -> str:
    return "\ufeff" + df.to_csv(index=False, lineterminator="\n")


@register("csv", "csv", "text/csv",
          "CSV of the claims of the view: id, kind, actor, date, chapter, topics, text, quotes, "
          "citations", family="document")
def _claims_csv(m: Map, view: View) -> str:
    return _csv(claims_frame(selected(m, view)))


@register("relations-csv", "csv", "text/csv",
          "CSV of the relations of the view: source, kind, target, both texts, note, quote",
          family="document")
def _relations_csv(m: Map, view: View) -> str:
    return _csv(relations_frame(selected(m, view)))


@register("compare-csv", "csv", "text/csv",
          "CSV of the comparison of two actors (--actors A B, --topic T): per topic and period, "
          "each one's claims and how they relate", family="document")
def _compare_csv(m: Map, view: View) -> str:
    a, b = _pair(m, view)
    return _csv(comparison_frame(m, a, b, view.topic))


@register("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "Excel workbook: sheets Claims and Relations of the view, and Comparison when the view "
          "compares two actors", binary=True, family="document")
def _xlsx(m: Map, view: View) -> bytes:
    sel = selected(m, view)
    sheets = {"Claims": claims_frame(sel), "Relations": relations_frame(sel)}
    if len(view.actors) == 2:
        a, b = _pair(m, view)
        sheets["Comparison"] = comparison_frame(m, a, b, view.topic)
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, df in sheets.items():
            # a worksheet cannot hold control characters: each one becomes U+FFFD
            df = df.apply(lambda col: col.map(
                lambda v: ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v))
            df.to_excel(xw, sheet_name=name, index=False, freeze_panes=(1, 0))
            ws = xw.sheets[name]
            for i, col in enumerate(df.columns, start=1):
                longest = max([len(str(col))] + [len(str(v)) for v in df[col].head(200)])
                ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, longest + 2)
    return buf.getvalue()
