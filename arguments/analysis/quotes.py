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

import bisect
import re
import unicodedata
from dataclasses import dataclass

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
_SPACE_RUN = re.compile(r"\s{2,}|[^\S ]")  # what \s+ -> " " changes
# non-ASCII runs with the character before them (NFKC composes "e" + a combining accent)
_NON_ASCII = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
_SPACED_ELLIPSIS = re.compile(r"\.\s\.\s\.(?:\s\.)?")
# a sentence's full stop followed by an elision: "character. . . ." (the stop stays)
_STOP_THEN_ELLIPSIS = re.compile(r"(?<=[^\s.]\.)\s\.\s\.\s\.")
_ELISION = re.compile(r"\s*\.\.\.+\s*")


class Folded:
    """A text in the form quotes are compared in, with where each character came from.

    ``text`` is the normalised text (not stripped).  With ``offsets`` (the
    default), ``starts[k]`` and ``ends[k]`` are the code-point offsets in the raw
    text of what produced ``text[k]``: a character that replaces a run (a space
    for a line break, ``...`` for the source's ``. . .``) spans the whole run, and
    ``dropped`` lists the raw stretches that left nothing of their words behind
    (footnote numbers; with ``flat``, the source's own elisions, which vanish so
    that a quote may run across one).  Without ``offsets`` only ``text`` is made,
    by the same steps.
    """

    __slots__ = ("_track", "dropped", "ends", "raw", "starts", "text")

    def __init__(self, raw: str, *, flat: bool = False, offsets: bool = True):
        self.raw = raw
        self.text = raw
        self._track = offsets
        self.starts = list(range(len(raw))) if offsets else []
        self.ends = list(range(1, len(raw) + 1)) if offsets else []
        self.dropped: list[tuple[int, int]] = []
        self._sub(_NON_ASCII, _fold_chars)
        self._sub(_FOOTNOTE, "", drops=True)
        self._sub(_LINEBREAK_HYPHEN, "-")
        self._sub(_SPACE_RUN, " ")
        self._sub(_STOP_THEN_ELLIPSIS, " ...")
        self._sub(_SPACED_ELLIPSIS, "...")
        if flat:
            self._sub(_ELISION, " ", drops=True)
        self.dropped.sort()

    def _sub(self, pattern: re.Pattern[str], repl, *, drops: bool = False) -> None:
        text = self.text
        if not self._track:
            if callable(repl):  # the same as NFKC run by run: ASCII is NFKC's fixed point
                self.text = unicodedata.normalize("NFKC", text).translate(_TRANS)
            else:
                self.text = pattern.sub(repl, text)
            return
        starts, ends = self.starts, self.ends
        out: list[str] = []
        new_s: list[int] = []
        new_e: list[int] = []
        last = 0
        for mt in pattern.finditer(text):
            a, b = mt.span()
            r, exact = repl(mt.group()) if callable(repl) else (repl, False)
            if r == mt.group():
                continue
            out.append(text[last:a])
            new_s.extend(starts[last:a])
            new_e.extend(ends[last:a])
            out.append(r)
            lo = starts[a] if a < b else (ends[a - 1] if a else 0)
            hi = ends[b - 1] if a < b else lo
            if drops:
                self.dropped.append((lo, hi))
            if exact:  # one character for one: each keeps its own place
                new_s.extend(starts[a:b])
                new_e.extend(ends[a:b])
            elif r:
                new_s.extend([lo] * len(r))
                new_e.extend([lo if drops else hi] * len(r))
            last = b
        if not out:
            return
        out.append(text[last:])
        new_s.extend(starts[last:])
        new_e.extend(ends[last:])
        self.text, self.starts, self.ends = "".join(out), new_s, new_e

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The raw stretches that produced ``text[start:end]``, cut where the raw text
        holds something dropped (a footnote number, the source's own elision) and
        trimmed of whitespace, so that they cover only the matched words."""
        if start >= end:
            return []
        raw = self.raw
        a, b = self.starts[start], self.ends[end - 1]
        pieces: list[tuple[int, int]] = []
        i = bisect.bisect_left(self.dropped, (a, a))
        if i and self.dropped[i - 1][1] > a:
            i -= 1
        cur = a
        while i < len(self.dropped) and self.dropped[i][0] < b:
            lo, hi = self.dropped[i]
            if lo > cur:
                pieces.append((cur, lo))
            cur = max(cur, hi)
            i += 1
        if cur < b:
            pieces.append((cur, b))
        out = []
        for lo, hi in pieces:
            piece = raw[lo:hi]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if lo + lead < hi - trail:
                out.append((lo + lead, hi - trail))
        return out


def _fold_chars(run: str) -> tuple[str, bool]:
    """NFKC and the typographic table for a run of non-ASCII characters; exact when
    each character maps to exactly one."""
    each = [unicodedata.normalize("NFKC", ch).translate(_TRANS) for ch in run]
    joined = "".join(each)
    if joined != unicodedata.normalize("NFKC", run).translate(_TRANS):
        return unicodedata.normalize("NFKC", run).translate(_TRANS), False
    return joined, all(len(x) == 1 for x in each)


def normalise(text: str) -> str:
    """The form in which quotes and source are compared (see the module doc)."""
    return Folded(text, offsets=False).text.strip()


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
        from rapidfuzz import fuzz  # only for a quote not found: 8 ms of every start-up

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
