"""Problems found in a map file, with stable codes and exact positions.

Every stage of the pipeline (read -> parse -> model -> cross-reference) reports
problems as :class:`Problem` records instead of stopping at the first one; the
loader raises a single :class:`MapError` carrying all of them.  Each problem
prints as ``FILE:LINE:COL [code] path: message (got X, expected Y)``.

The codes are stable: tools and tests match on them, and the README lists each
one (a test checks that it does).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Every error code the loader can report, with a one-line explanation.
CODES: dict[str, str] = {
    # reading the file
    "file-unreadable": "the map file cannot be opened (no such file, a folder, no permission)",
    "file-too-large": "the file is over the size limit (10 MB on disk, 2 MB for an upload)",
    "empty-file": "the file holds nothing (or only comments and blank lines)",
    "not-utf8": "the file is not valid UTF-8 text",
    "binary-file": "the file holds NUL bytes or other binary data",
    "unknown-format": "the file is none of the formats argmap reads (our YAML or JSON, Argdown, "
    "AIF, a Kialo discussion)",
    "bad-upload": "an upload's files do not make one map (and its text): a broken or oversized "
    ".zip, a path outside it, more than one map or text",
    # parsing
    "yaml-syntax": "the YAML (or JSON) cannot be parsed",
    "too-deep": "the document nests deeper than 64 levels",
    "alias-bomb": "YAML aliases would expand to an unreasonably large document",
    "duplicate-key": "the same key appears twice in one mapping",
    "argdown-syntax": "an Argdown file breaks the Argdown language, or says what a map cannot hold",
    "aif-structure": "an AIF file's nodes and edges do not make an argument (an edge to a "
    "missing node, an unknown node type, a cycle of scheme nodes, ...)",
    "kialo-syntax": "a Kialo discussion's numbering is broken (a number that does not continue "
    "its parent's, no Pro: or Con:, a link to no claim)",
    "schema-version": "a JSON export names a schema this version cannot read",
    # shape of each record
    "missing-field": "a required field is absent",
    "unknown-field": "a field that this record kind does not have",
    "wrong-type": "a value has the wrong type (a list where text was expected, ...)",
    "unknown-kind": "a claim, relation or actor kind that does not exist",
    "bad-id": "an id that is not a slug (lower-case letters, digits and hyphens)",
    "bad-date": "a date not written YYYY or YYYY-MM",
    "empty-text": "a text that is empty or only whitespace",
    "empty-quote": "a quote whose text is empty, or a claim with no quote",
    "postulate-number": "a postulate without a number from 1 to 5",
    "missing-date": "a claim by an actor other than the author without a date",
    "bad-value": "a value out of its allowed range",
    # cross-references
    "duplicate-id": "two actors, topics, chapters or claims share an id",
    "unknown-actor": "a claim or quote names an actor that is not declared",
    "unknown-topic": "a claim names a topic that is not declared",
    "unknown-chapter": "a claim names a chapter the source does not declare",
    "unknown-claim": "a relation names a claim that does not exist",
    "self-relation": "a relation from a claim to itself",
    "duplicate-relation": "the same relation stated twice (symmetric kinds count both ways)",
    "undercut-reason": "an undercut must name the reason whose support it attacks",
    "relation-mismatch": "a relation whose ends do not fit its kind (e.g. revises across actors)",
    # quote integrity (against the text the map names, or validate --source)
    "quote-not-in-source": "a quote does not stand verbatim in the source text",
    # the source text itself
    "source-unreadable": "the source text the map names (or --source gives) cannot be read",
}


@dataclass(frozen=True)
class Problem:
    """One problem in one file."""

    code: str
    message: str
    file: str = "<map>"
    line: int = 1
    column: int = 1
    path: str = ""
    got: str | None = None
    expected: str | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a programming error, never a user error
            raise ValueError(f"unknown problem code {self.code!r}")

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        path = f" {self.path}:" if self.path else ""
        tail = []
        if self.got is not None:
            tail.append(f"got {self.got}")
        if self.expected is not None:
            tail.append(f"expected {self.expected}")
        extra = f" ({', '.join(tail)})" if tail else ""
        return f"{where} [{self.code}]{path} {self.message}{extra}"

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "got": self.got,
            "expected": self.expected,
        }


#: at most this many problems are kept (a broken 10 MB file can hold 700,000 of them)
MAX_PROBLEMS = 1000


@dataclass
class MapError(Exception):
    """Raised by the loader with every problem it found in one pass.

    Only the first :data:`MAX_PROBLEMS` problems (by position) are kept;
    ``omitted`` counts the others.
    """

    problems: list[Problem] = field(default_factory=list)
    omitted: int = 0

    def __post_init__(self) -> None:
        self.problems = sorted(self.problems, key=lambda p: (p.file, p.line, p.column, p.code))
        if len(self.problems) > MAX_PROBLEMS:
            self.omitted += len(self.problems) - MAX_PROBLEMS
            del self.problems[MAX_PROBLEMS:]
        super().__init__(self.summary())

    def summary(self) -> str:
        n = len(self.problems) + self.omitted
        text = f"{n:,} problem{'s' if n != 1 else ''} found"
        if self.omitted:
            text += f" (the first {len(self.problems):,} shown: fix those and run again)"
        return text

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems) or self.summary()

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]


def short(value: object, limit: int = 60) -> str:
    """A value as it should appear after ``got`` in a message: repr, shortened."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class StoreError(Exception):
    """A request the map store refuses (the message says why, for the user). Defined
    here, with the other errors the command line reports, so that it can catch it
    without importing the store (:mod:`arguments.store` re-exports it)."""
