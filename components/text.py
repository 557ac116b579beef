"""Map text made safe for Streamlit's Markdown and HTML, and short claim labels.

Contract: :func:`md` is :func:`arguments.text.markdown` (every Markdown-
significant character escaped, so map text shown with ``st.markdown`` cannot
turn into links, emphasis, colour directives, LaTeX or HTML); :func:`short`
is :func:`arguments.text.shorten`; :func:`highlight` returns HTML with the
text escaped and only our own ``<mark>`` tags added.
"""

from __future__ import annotations

import html

from arguments.models import Map
from arguments.text import markdown as md
from arguments.text import shorten as short

__all__ = ["claim_label", "code", "highlight", "kind_label", "md", "short"]


def code(text: str) -> str:
    """An id as inline code in Markdown (no escapes inside a code span; no backtick left to
    end it early)."""
    return "`" + text.replace("`", "'").replace("\n", " ") + "`"


def highlight(text: str, spans) -> str:
    """HTML of ``text`` with the ``(start, end)`` spans wrapped in ``<mark>``."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def claim_label(m: Map, cid: str, n: int = 90) -> str:
    """``Actor, date: text`` shortened, for option lists and buttons (plain text)."""
    c = m.claim(cid)
    when = f", {c.date}" if c.date else ""
    return f"{m.credited(c)}{when}: {short(c.text, n)}"


def kind_label(c) -> str:
    return f"postulate {c.number}" if c.kind == "postulate" else c.kind
