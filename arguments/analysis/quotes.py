"""Quote integrity: does every quote stand verbatim in the source text?

Contract: :func:`check_quotes(map, source_text)` returns one
:class:`QuoteFailure` per quote (of a claim or a relation) that is not found
in the source.  Matching normalises only what typesetting varies: whitespace
and line breaks, a hyphen at a line break, curly versus straight quotes,
dashes, the ellipsis character, the source's own ``. . .`` elisions and
footnote numbers glued to punctuation.  Case, words and punctuation otherwise
must match.  In a quote, ``...`` marks an elision: each part must be found,
in order.  A failure names the nearest passage of the source, to fix by eye.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import Map

_TRANS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2026": "...",
        "\u00ad": None,  # soft hyphen
    }
)
_FOOTNOTE = re.compile(r"(?<=[A-Za-z.,;:!?\"')\]])\d{1,3}(?=\s|$)")
_LINEBREAK_HYPHEN = re.compile(r"-[ \t]*\n\s*")
_SPACES = re.compile(r"\s+")
_SPACED_ELLIPSIS = re.compile(r"\.\s\.\s\.(?:\s\.)?")
# a sentence's full stop followed by an elision: "character. . . ." (the stop stays)
_STOP_THEN_ELLIPSIS = re.compile(r"(?<=[^\s.])\.\s\.\s\.\s\.")
_ELISION = re.compile(r"\s*\.\.\.+\s*")


def normalise(text: str) -> str:
    """The form in which quotes and source are compared (see the module doc)."""
    t = unicodedata.normalize("NFKC", text).translate(_TRANS)
    t = _FOOTNOTE.sub("", t)
    t = _LINEBREAK_HYPHEN.sub("-", t)
    t = _SPACES.sub(" ", t)
    t = _STOP_THEN_ELLIPSIS.sub(". ...", t)
    t = _SPACED_ELLIPSIS.sub("...", t)
    return t.strip()


def quote_parts(quote: str) -> list[str]:
    """The stretches of a quote between elisions, normalised, without empty ones."""
    norm = normalise(quote)
    return [p.strip(" ") for p in _ELISION.split(norm) if p.strip(" .")]


class SourceText:
    """A source text prepared for repeated look-ups."""

    def __init__(self, text: str):
        self.raw = text
        self.norm = normalise(text)
        # the source's own elisions vanish so quotes may skip over them
        self.flat = _ELISION.sub(" ", self.norm)

    def find(self, quote: str) -> bool:
        """True when every part of the quote stands in the source, in order."""
        parts = quote_parts(quote)
        if not parts:
            return False
        # searched in the source without its own elisions, so that a quote may run
        # across one (the parts hold none: the quote's elisions split them)
        start = 0
        for part in parts:
            at = self.flat.find(part, start)
            if at < 0:
                return False
            start = at + len(part)
        return True

    def nearest(self, quote: str) -> str:
        """The passage of the source that looks most like the quote, with some of its context
        ("" when the source shares nothing with it): rapidfuzz's best partial alignment of
        the quote's longest part, widened by half its length on each side."""
        parts = quote_parts(quote) or [normalise(quote)]
        target = max(parts, key=len)
        found = fuzz.partial_ratio_alignment(target, self.norm, processor=str.lower)
        if found is None or found.score < 40:
            return ""
        slack = len(target) // 2
        start = self.norm.rfind(" ", 0, max(0, found.dest_start - slack)) + 1
        end = self.norm.find(" ", min(len(self.norm), found.dest_end + slack))
        return self.norm[start : end if end >= 0 else len(self.norm)]


@dataclass(frozen=True)
class QuoteFailure:
    claim: str  # claim id, or "source->target" for a relation's quote
    index: int  # which quote of the claim
    quote: str
    nearest: str
    path: str

    def __str__(self) -> str:
        q = self.quote if len(self.quote) <= 160 else self.quote[:157] + "..."
        near = repr(self.nearest) if self.nearest else "none (the source has none of its words)"
        return (
            f"{self.path}: the quote of {self.claim} is not verbatim in the source:\n"
            f"    quote:   {q!r}\n    nearest: {near}"
        )


def check_quotes(m: Map, source_text: str | SourceText) -> list[QuoteFailure]:
    src = source_text if isinstance(source_text, SourceText) else SourceText(source_text)
    failures: list[QuoteFailure] = []
    for i, c in enumerate(m.claims):
        for j, q in enumerate(c.quotes):
            if not src.find(q.text):
                failures.append(
                    QuoteFailure(c.id, j, q.text, src.nearest(q.text), f"claims[{i}].quotes[{j}]")
                )
    for i, r in enumerate(m.relations):
        if r.quote and not src.find(r.quote.text):
            failures.append(
                QuoteFailure(
                    f"{r.source}->{r.target}",
                    0,
                    r.quote.text,
                    src.nearest(r.quote.text),
                    f"relations[{i}].quote",
                )
            )
    return failures
