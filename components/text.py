"""Map text made safe for Streamlit's Markdown and HTML, and short claim labels.

Contract: :func:`md` escapes every ASCII punctuation character (CommonMark
allows a backslash before any of them), so map text shown with ``st.markdown``
cannot turn into links, emphasis, colour directives, LaTeX or HTML;
:func:`highlight` returns HTML with the text escaped by :func:`html.escape`
and only our own ``<mark>`` tags added.
"""
from __future__ import annotations

import html
import re

from arguments.models import Map

# every character that can start Markdown, HTML, an autolink, a directive or LaTeX
_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md(text: str) -> str:
    """``text`` for st.markdown: every Markdown-significant character escaped."""
    return _PUNCT.sub(r"\\\1", " ".join(str(text).split()))


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


def short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "\u2026"


def claim_label(m: Map, cid: str, n: int = 90) -> str:
    """``Actor, date: text`` shortened, for option lists and buttons (plain text)."""
    c = m.claim(cid)
    when = f", {c.date}" if c.date else ""
    return f"{m.credited(c)}{when}: {short(c.text, n)}"


def kind_label(c) -> str:
    return f"postulate {c.number}" if c.kind == "postulate" else c.kind
