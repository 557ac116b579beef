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
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ..analysis.compare import compare
from ..models import Map

SEP = " | "
CLAIM_COLUMNS = (
    "id",
    "kind",
    "number",
    "actor",
    "actor_name",
    "date",
    "chapter",
    "chapter_title",
    "topics",
    "text",
    "quotes",
    "cites",
    "speakers",
)
RELATION_COLUMNS = (
    "source",
    "kind",
    "target",
    "reason",
    "source_actor",
    "target_actor",
    "source_text",
    "target_text",
    "note",
    "quote",
    "quote_cites",
    "fate",
)
COMPARISON_COLUMNS = (
    "topic",
    "topic_label",
    "period",
    "a_actor",
    "a_claims",
    "a_texts",
    "relation",
    "b_actor",
    "b_claims",
    "b_texts",
    "links",
)


def claims_frame(m: Map) -> pd.DataFrame:
    rows = []
    for c in m.claims:
        rows.append(
            {
                "id": c.id,
                "kind": c.kind,
                "number": c.number if c.kind == "postulate" else None,
                "actor": SEP.join(c.actors),
                "actor_name": m.actors_named(c.actors),
                "date": c.date or "",
                "chapter": c.chapter,
                "chapter_title": m.source.chapter_title(c.chapter),
                "topics": SEP.join(c.topics),
                "text": c.text,
                "quotes": SEP.join(q.text for q in c.quotes),
                "cites": SEP.join(q.cites or "" for q in c.quotes),
                "speakers": SEP.join(
                    m.actor_name(q.speaker) if q.speaker else "" for q in c.quotes
                ),
            }
        )
    df = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    df["number"] = df["number"].astype("Int64")
    return df


def relations_frame(m: Map) -> pd.DataFrame:
    idx = m.claim_index
    rows = [
        {
            "source": r.source,
            "kind": r.kind,
            "target": r.target,
            "reason": r.reason or "",
            "source_actor": m.actors_named(idx[r.source].actors),
            "target_actor": m.actors_named(idx[r.target].actors),
            "source_text": idx[r.source].text,
            "target_text": idx[r.target].text,
            "note": r.note or "",
            "quote": r.quote.text if r.quote else "",
            "quote_cites": (r.quote.cites or "") if r.quote else "",
            "fate": r.fate or "",
        }
        for r in m.relations
    ]
    return pd.DataFrame(rows, columns=list(RELATION_COLUMNS))


def comparison_frame(m: Map, a: str, b: str, topic: str | None = None) -> pd.DataFrame:
    """The comparison of two actors (:func:`arguments.analysis.compare.compare`), as flat
    text."""
    df = compare(m, a, b, topic)
    idx = m.claim_index
    rows = [
        {
            "topic": row.topic,
            "topic_label": row.topic_label,
            "period": row.period,
            "a_actor": m.actor_name(a),
            "a_claims": SEP.join(row.a_claims),
            "a_texts": SEP.join(idx[c].text for c in row.a_claims),
            "relation": row.relation,
            "b_actor": m.actor_name(b),
            "b_claims": SEP.join(row.b_claims),
            "b_texts": SEP.join(idx[c].text for c in row.b_claims),
            "links": SEP.join(f"{s} {k} {t}" for s, k, t in row.links),
        }
        for row in df.itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))


def csv(df: pd.DataFrame) -> str:
    return "\ufeff" + df.to_csv(index=False, lineterminator="\n")


def claims_csv(m: Map) -> str:
    """CSV of the claims of a map (UTF-8 with a byte-order mark)."""
    return csv(claims_frame(m))


def relations_csv(m: Map) -> str:
    """CSV of the relations of a map."""
    return csv(relations_frame(m))


def comparison_csv(m: Map, a: str, b: str, topic: str | None = None) -> str:
    """CSV of the comparison of two actors."""
    return csv(comparison_frame(m, a, b, topic))


def _sheet_safe(value: object) -> object:
    """A cell value a worksheet can hold: each control character becomes U+FFFD."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value


def xlsx(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An Excel workbook, one sheet per frame, header frozen, columns sized."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, df in sheets.items():
            # a worksheet cannot hold control characters: each one becomes U+FFFD
            df = df.apply(lambda col: col.map(_sheet_safe))
            df.to_excel(xw, sheet_name=name, index=False, freeze_panes=(1, 0))
            ws = xw.sheets[name]
            for i, col in enumerate(df.columns, start=1):
                longest = max([len(str(col))] + [len(str(v)) for v in df[col].head(200)])
                ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, longest + 2)
    return buf.getvalue()
