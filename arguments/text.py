"""Text helpers used everywhere: shortening, escaping per target, ordering chapters.

Contract: one :func:`shorten` (whitespace collapsed, cut at a word with an
ellipsis), one escape per target (:func:`markdown` for CommonMark,
:func:`html` for HTML and XML), :func:`clean` for text bound for Graphviz
and XML (no control characters), :func:`quoted` for a quote between
quotation marks, :func:`slug` for file names, and one chapter order
(:func:`chapter_order`: the declared order, then first appearance; never
the order of a set, which follows Python's hash seed).  Pure functions.
"""

from __future__ import annotations

import datetime as dt
import html as _html
import os
import re
from collections.abc import Iterable

ELLIPSIS = "\u2026"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
# every ASCII character that can start Markdown, HTML, an autolink, a directive or LaTeX
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def shorten(text: str, limit: int = 90, *, collapse: bool = True) -> str:
    """``text`` in at most ``limit`` characters: whitespace collapsed (unless
    ``collapse`` is false), cut at a word boundary where there is one, with an ellipsis."""
    if collapse:
        text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    if " " in cut.strip():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + ELLIPSIS


def clean(text: str) -> str:
    """Text without control characters (Graphviz and XML refuse most of them)."""
    return _CONTROL.sub(" ", text)


def markdown(text: object) -> str:
    """``text`` for Markdown, on one line: every Markdown-significant character escaped
    (CommonMark allows a backslash before any ASCII punctuation), so that map text
    cannot turn into links, emphasis, HTML, colour directives or LaTeX."""
    return _MD_PUNCT.sub(r"\\\1", " ".join(str(text).split()))


def html(text: object) -> str:
    """``text`` for HTML or XML, quotes included."""
    return _html.escape(str(text), quote=True)


def quoted(text: str) -> str:
    """A quote between quotation marks, unless it opens with one of its own (the source's
    quotation marks stay as they are, and none is doubled)."""
    if text[:1] in "\u201c\"\u2018'":
        return text
    return f"\u201c{text}\u201d"


def slug(text: str, limit: int = 80) -> str:
    """A file-name-safe slug: lower-case letters, digits and hyphens."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:limit] or "view"


#: the creation date written into documents when SOURCE_DATE_EPOCH is not set
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def creation_date() -> dt.datetime:
    """The date a document says it was made: ``SOURCE_DATE_EPOCH`` (the reproducible-builds
    convention), else a fixed date, so that the same map gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else FIXED_DATE


def chapter_order(declared: Iterable[str], appearing: Iterable[str]) -> dict[str, int]:
    """Each chapter's place: the ``declared`` chapters in their order, then the others
    in the order they first appear (``appearing``: the claims' chapters, file order)."""
    order: dict[str, int] = {}
    for ch in (*declared, *appearing):
        order.setdefault(ch, len(order))
    return order
