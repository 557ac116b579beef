"""What an Argdown document says, as the Argdown CLI models it (its JSON export).

Every element carries ``pos``: the (line, column) where it starts, both 1-based;
tags keep where each stands (``tag_pos``), and ``data`` and the front matter are
position-keeping mappings (:class:`arguments.formats.yaml.YMap`), so that a reader
built on this model can point at the exact spot of a problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Pos = tuple[int, int]


@dataclass
class Statement:
    """One occurrence of a statement: a definition, a reference or plain text."""

    title: str
    text: str
    pos: Pos
    role: str  # top-level, relation, premise, conclusion, argument-description
    is_reference: bool = False
    tags: list[str] = field(default_factory=list)
    tag_pos: dict[str, Pos] = field(default_factory=dict)  # where each tag first stands
    data: Any = None  # a YMap
    section: str | None = None  # id of the section it stands in
    titled: bool = True  # False: Argdown titled it "Untitled N"


@dataclass
class EquivalenceClass:
    """All occurrences of one statement title: Argdown treats them as one statement."""

    title: str
    pos: Pos
    members: list[Statement] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: Any = None  # a YMap: the members' data merged
    section: str | None = None

    @property
    def text(self) -> str:
        """The first text given to the statement ('' when it is only referred to)."""
        return next((m.text for m in self.members if m.text and not m.is_reference), "")

    @property
    def titled(self) -> bool:
        return any(m.titled for m in self.members)


@dataclass
class Inference:
    """The inference line(s) of a premise-conclusion structure: `----` or `-- rule {data} --`."""

    pos: Pos
    rules: list[str] = field(default_factory=list)
    data: Any = None
    argument: str = ""  # title of the argument it belongs to
    conclusion_index: int = 0  # index in the PCS of the conclusion it yields


@dataclass
class PcsStatement:
    """One numbered line of a PCS; ``inference`` is set for a conclusion."""

    number: int
    statement: Statement
    inference: Inference | None = None

    @property
    def is_conclusion(self) -> bool:
        return self.inference is not None

    @property
    def pos(self) -> Pos:
        return self.statement.pos


@dataclass
class Argument:
    """An argument: its descriptions ``<A>: text`` and, if reconstructed, its PCS."""

    title: str
    pos: Pos
    members: list[Statement] = field(default_factory=list)
    pcs: list[PcsStatement] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: Any = None  # a YMap
    section: str | None = None
    titled: bool = True  # False: a PCS with no argument before it, titled "Untitled N"

    @property
    def text(self) -> str:
        return next((m.text for m in self.members if m.text), "")

    @property
    def premises(self) -> list[PcsStatement]:
        return [s for s in self.pcs if not s.is_conclusion]

    @property
    def conclusions(self) -> list[PcsStatement]:
        return [s for s in self.pcs if s.is_conclusion]

    @property
    def inferences(self) -> list[Inference]:
        return [s.inference for s in self.pcs if s.inference is not None]


@dataclass
class Relation:
    """A relation between statements, arguments or (undercut) an argument's inference.

    ``type`` is Argdown's: support, attack, undercut between arguments or an
    argument and a statement; entails, contrary, contradictory between
    statements (Argdown's default "loose" mode keeps support/attack between
    statements; `model: {mode: strict}` in the front matter turns them into
    entails/contrary, as the CLI does).  ``target_kind`` is "inference" when an
    undercut hits the inference of a reconstructed argument: ``target`` is then
    that argument's title.
    """

    source: str
    target: str
    type: str
    pos: Pos
    source_kind: str  # "statement" or "argument"
    target_kind: str  # "statement", "argument" or "inference"
    occurrences: list[Pos] = field(default_factory=list)


@dataclass
class Section:
    """A heading and what stands under it (sections nest by heading level)."""

    id: str
    level: int
    title: str
    pos: Pos
    tags: list[str] = field(default_factory=list)
    data: Any = None  # a YMap
    children: list[Section] = field(default_factory=list)
    parent: str | None = None


@dataclass
class Document:
    """The whole document: the CLI's statements, arguments, relations and sections."""

    filename: str
    front_matter: Any = None  # a YMap
    statements: dict[str, EquivalenceClass] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
