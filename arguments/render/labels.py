"""Text inside diagrams: escaping for DOT and HTML-like labels, wrapping, claim labels.

Contract: every piece of map text that reaches Graphviz passes through
:func:`esc` (HTML-like labels) or :func:`attr` (plain attributes such as
tooltips): control characters dropped, HTML escaped, and Graphviz's own
escapes (``\\N``, ``\\G``...) shown as written.
"""

from __future__ import annotations

import functools
import html
import textwrap

import graphviz

from ..models import Map
from ..text import clean, shorten
from .style import BODY_PT, HEAD_PT, MAX_LABEL


def esc(text: str) -> str:
    """Text for an HTML-like label: escaped, control characters dropped, and a word
    joiner after each backslash so that Graphviz shows \\N, \\G, \\L... as written."""
    return html.escape(clean(text), quote=True).replace("\\", "\\\u2060")


def attr(text: str) -> str:
    """Text for a plain DOT attribute such as a tooltip: a backslash stays a backslash
    (graphviz.escape is not enough: Graphviz still expands \\\\N to the node's name)."""
    return graphviz.nohtml(clean(text).replace("\\", "\\\\\u2060"))  # "<b>" is no HTML here


class _Wrapper(textwrap.TextWrapper):
    """textwrap's wrapping; a text without a hyphen split at white space alone (what
    textwrap's hyphen-aware expression finds there too, at a tenth of its time: 5,000
    labels for a big map)."""

    def _split(self, text: str) -> list[str]:
        if "-" in text:
            return super()._split(text)
        return [c for c in self.wordsep_simple_re.split(text) if c]


@functools.lru_cache(maxsize=8)
def _wrapper(width: int) -> _Wrapper:
    return _Wrapper(width=width, break_long_words=True)


def wrap(text: str, width: int, limit: int = MAX_LABEL) -> list[str]:
    """``text`` on lines of at most ``width`` characters, shortened to ``limit``."""
    text = shorten(clean(text), limit)
    return _wrapper(width).wrap(text) or [""]


def node_label(m: Map, c, width: int, number: int | None = None) -> str:
    """A claim's HTML-like label: a small header (kind, who, when), then its text."""
    head = c.kind.upper()
    if c.kind == "postulate":
        head = f"POSTULATE {c.number}"
    return _label(head, m.credited(c), c.date or "", c.text, width, number)


@functools.lru_cache(maxsize=8192)
def _label(head: str, credited: str, date: str, text: str, width: int, number: int | None) -> str:
    # a paged export lays the same claims out a few times a page: their labels are made once
    bits = [head, shorten(credited, 40)]  # one short line
    if date:
        bits.append(date)
    header = esc(" \u00b7 ".join(bits))
    if number is not None:  # the claim's number in a handout's list
        header = f'<B><FONT COLOR="#000000" POINT-SIZE="{BODY_PT}">{number}</FONT></B>  {header}'
    body = "<BR/>".join(esc(line) for line in wrap(text, width))
    return (
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD><FONT POINT-SIZE="{HEAD_PT}" COLOR="#333333">{header}</FONT></TD></TR>'
        f"<TR><TD>{body}</TD></TR></TABLE>>"
    )


def group_title(title: str) -> str:
    """A group's (a chapter's, an actor's) title as an HTML-like label."""
    return f"<<B>{esc(shorten(title, 80))}</B>>"
