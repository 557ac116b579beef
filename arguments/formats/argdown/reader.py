"""Reading any Argdown document into the raw data of a map (see the package docstring).

Contract: :func:`read` parses the text with the Argdown grammar
(:func:`.syntax.parse`: the whole language, modelled as the Argdown CLI models
it) and maps the model into ``YMap``/``YList`` data that remember line and
column, for :func:`arguments.loader.build`.  Bad Argdown raises
:class:`~arguments.errors.MapError` (code ``argdown-syntax``, exact line and
column); what the grammar accepts but a map cannot hold is a problem of the same
kind.  Two readings, chosen by the front matter:

- a document argmap exported (its front matter has ``argmap:`` with the source,
  actors and topics) is read back exactly: statements are claims by their ids,
  ``#actor #kind #date`` tags and the ``{...}`` data line give the rest, and the
  relations Argdown has no syntax for come from the data.  Such a document is
  held to its vocabulary: a statement needs an id, a tag names a declared actor, a
  declared topic (or a new topic), a kind or a date;
- any other document is mapped as the issue states it: each statement
  (equivalence class) a claim of kind ``position``, each argument a claim of kind
  ``argument``, a premise-conclusion structure ``supports`` from each premise to
  the argument and from the argument to its conclusion, tags topics (except our
  kind and date tags), sections chapters (one chapter ``main`` for what stands
  outside them), the front matter's title and author the source; no actor (the
  claims are unattributed), no quote, no date unless a tag gives one.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from ...errors import MapError, Problem, short
from ...kinds import CLAIM_KINDS
from ...models import DATE_RE, Map
from ..raw import Ids, append, get, items, places, put, put_from, record
from ..yaml.reader import YList, YMap
from .document import Argument, Document, EquivalenceClass, Section, Statement
from .links import BASE_KIND, Links, is_link_argument
from .syntax import parse

__all__ = ["BASE_KIND", "claim_ids", "fast_map", "looks_like", "read"]

_HEAD = re.compile(
    r"^\s*(\[[^\]\n]+\]:\s|<[^>\n]+>:\s|\(\d+\)\s+\S|(\+>|->|><|_>|<_|<\+|<-)\s*[\[<])", re.M
)
#: a tag meant as a date (our own export's), which the model then checks
_DATE_LIKE = re.compile(r"\d{1,4}(-\d{1,2})?")
MAIN = "main"  # the chapter of what stands outside every section


def looks_like(text: str) -> bool:
    """True when the text reads as Argdown rather than YAML: front matter, a statement or
    argument definition, a numbered premise or a relation among its first lines."""
    head = "\n".join(text.lstrip("\ufeff").splitlines()[:40])
    return head.lstrip().startswith("===") or bool(_HEAD.search(head))


def read(text: str, filename: str = "<argdown>") -> YMap:
    """The raw data of a map from Argdown text, or MapError with every problem found."""
    doc = parse(text, filename)
    reader = _Reader(doc)
    data = reader.build()
    if reader.problems:
        raise MapError(reader.problems)
    return data


def claim_ids(text: str, filename: str = "<argdown>") -> dict[tuple[str, str], str]:
    """Which claim each statement and argument of an Argdown text becomes:
    ``("statement", title)`` or ``("argument", title)`` -> claim id (for comparing a map
    with what the Argdown CLI makes of the same text)."""
    reader = _Reader(parse(text, filename))
    reader.build()
    out = {("statement", t): i for t, i in reader.statement_id.items() if i is not None}
    out.update({("argument", t): i for t, i in reader.argument_id.items() if i is not None})
    return out


class _Reader:
    """Maps one parsed :class:`Document` into a map's raw data (see the module docstring)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.filename = doc.filename
        self.problems: list[Problem] = []
        front = doc.front_matter
        self.meta = get(front, "argmap")
        self.ours = isinstance(self.meta, YMap)
        if front is not None and "argmap" in front and not self.ours:
            self.fail(
                front.valpos["argmap"],
                "argmap: in the front matter describes the map",
                short(self.meta),
                "a mapping with source, actors and topics",
            )
        #: claim id of each statement (by title) and argument (by title); None: not a claim
        self.statement_id: dict[str, str | None] = {}
        self.argument_id: dict[str, str | None] = {}
        listed = get(self.meta, "actors")
        actors = listed if isinstance(listed, list) else []
        #: the declared actors, by id and by name (a tag may name either)
        self.actor_ids = {get(a, "id") for a in actors}
        self.actor_names = {str(get(a, "name")).lower(): get(a, "id") for a in actors}
        self.topics: YList = items((1, 1))
        self.topic_ids: dict[str, str] = {}
        self.topic_slugs = Ids("topic")

    def fail(self, pos: tuple[int, int], message: str, got: Any = None, expected: Any = None):
        self.problems.append(
            Problem("argdown-syntax", message, self.filename, *pos, got=got, expected=expected)
        )

    # ------------------------------------------------------------ the whole map
    def build(self) -> YMap:
        out = YMap((1, 1))
        self._source(out)
        self._ids()
        chapters = self._chapters(out)
        claims = items((1, 1))
        owners: list[tuple[tuple[int, int], str, Any]] = []
        for title, ec in self.doc.statements.items():
            if self.statement_id.get(title) is not None:
                owners.append((_defined_at(ec), "statement", ec))
        for title, arg in self.doc.arguments.items():
            if self.argument_id.get(title) is not None:
                owners.append((arg.pos, "argument", arg))
        owners.sort(key=lambda o: o[0])
        for pos, kind, owner in owners:
            append(claims, self._claim(owner, kind, chapters), pos)
        if self.topics and "topics" not in out:
            put(out, "topics", self.topics, (1, 1))
        put(out, "claims", claims, (1, 1))
        links = Links(self.doc, self.statement_id, self.argument_id, self.ours, self.fail)
        put(out, "relations", links.build(), (1, 1))
        return out

    def _source(self, out: YMap) -> None:
        if self.ours:
            for key in ("source", "actors", "topics"):
                if key in self.meta:
                    put_from(out, key, self.meta, key)
            listed = get(self.meta, "topics")
            if isinstance(listed, YList):
                self.topics = listed  # tags naming new topics are declared there too
                for t in listed:
                    if isinstance(get(t, "id"), str):
                        self.topic_ids[t["id"]] = t["id"]
                        self.topic_slugs.taken.add(t["id"])
            return
        front = self.doc.front_matter if isinstance(self.doc.front_matter, YMap) else YMap()
        source = YMap(front.pos)
        title = _text(front.get("title")) or PurePath(self.filename).stem or "Argdown document"
        put(source, "title", title, front.valpos.get("title", front.pos))
        author = front.get("author")
        if isinstance(author, list):
            author = ", ".join(str(a) for a in author if a is not None)
        if _text(author):
            put(source, "author", _text(author), front.valpos["author"])
        for key in ("subTitle", "abstract", "description"):
            if _text(front.get(key)):
                put(source, "description", _text(front[key]), front.valpos[key])
                break
        put(out, "source", source, front.pos)

    # ------------------------------------------------------------ ids
    def _ids(self) -> None:
        """Which statements and arguments are claims, and their ids."""
        ids = Ids("claim")
        for title, ec in self.doc.statements.items():
            if not ec.titled and not ec.text:  # the CLI makes an empty statement of it
                at = next(
                    (r.pos for r in self.doc.relations if title in (r.source, r.target)), ec.pos
                )
                self.fail(
                    at,
                    "a relation with no target: write a statement or argument after the operator",
                    "nothing",
                    "[id], <id> or a text",
                )
                self.statement_id[title] = None
                continue
            if not self.ours:
                self.statement_id[title] = ids.of(title)
                continue
            definitions = [m for m in ec.members if not m.is_reference]
            if not ec.titled:
                self.fail(
                    ec.pos,
                    "a statement of a map argmap exported needs an id: write it as [id]: text",
                    short(ec.text),
                    "[id]: text",
                )
                continue
            for again in definitions[1:]:
                self.fail(
                    again.pos,
                    f"the statement [{title}] is defined twice",
                    f"[{title}]: again",
                    f"one definition (the first is at line {definitions[0].pos[0]}); "
                    f"elsewhere refer to it as [{title}]",
                )
            self.statement_id[title] = title if definitions else None
            ids.taken.add(title)
        for title, arg in self.doc.arguments.items():
            if self.ours:
                self.argument_id[title] = None if is_link_argument(arg) else ids.take(title)
            else:
                self.argument_id[title] = ids.of(title)

    # ------------------------------------------------------------ chapters
    def _chapters(self, out: YMap) -> dict[str | None, str]:
        """The chapter of each section (None: what stands outside every section).  A
        document we did not write declares them in the source: the sections that hold
        claims, in order, after a chapter ``main`` for claims outside every section."""
        sections = _flat(self.doc.sections)
        found: dict[str | None, str] = {}
        if self.ours:
            for section in sections:
                chapter = get(section.data, "chapter")
                found[section.id] = chapter if chapter is not None else self._declared(section)
            return found
        used = {o.section for o in self._owners()}
        ids = Ids("section", limit=40)
        source = out["source"]
        chapters = items(source.pos)
        if None in used:
            found[None] = ids.take(MAIN)
            append(chapters, record(source.pos, id=MAIN, title=source["title"]), source.pos)
        for n, section in enumerate(sections, start=1):
            if section.id in used:
                found[section.id] = ids.of(section.title)
                title = section.title or f"Section {n}"
                append(
                    chapters, record(section.pos, id=found[section.id], title=title), section.pos
                )
        put(source, "chapters", chapters, source.pos)
        return found

    def _owners(self) -> list[Any]:
        return [
            *(ec for t, ec in self.doc.statements.items() if self.statement_id.get(t)),
            *(a for t, a in self.doc.arguments.items() if self.argument_id.get(t)),
        ]

    def _declared(self, section: Section) -> str:
        """The declared chapter a heading names ("I: A Vision", "I" or "A Vision")."""
        chapters = get(get(self.meta, "source"), "chapters")
        for ch in chapters if isinstance(chapters, list) else []:
            cid, title = get(ch, "id"), get(ch, "title")
            if section.title in (f"{cid}: {title}", str(cid), str(title)):
                return str(cid)
        return section.title.split(":", 1)[0].strip()

    # ------------------------------------------------------------ claims
    def _claim(self, owner: Any, what: str, chapters: dict[str | None, str]) -> YMap:
        """A statement (equivalence class) or an argument as a claim."""
        member = _definition(owner)
        pos = member.pos if member is not None else owner.pos
        ids = self.statement_id if what == "statement" else self.argument_id
        data = owner.data if self.ours and isinstance(owner.data, YMap) else YMap(pos)
        c = YMap(pos)
        put(c, "id", ids[owner.title], (pos[0], pos[1] + 1))
        slots, topics = self._tags(owner, data)
        for slot in ("kind", "actor", "date"):
            if slot in slots:
                put(c, slot, *slots[slot])
            elif self.ours and slot in data:
                put_from(c, slot, data, slot)
        if "kind" not in c and (what == "argument" or not self.ours):
            put(c, "kind", "argument" if what == "argument" else "position", pos)
        text = owner.text or (self._argument_text(owner) if what == "argument" else owner.title)
        at = (pos[0], pos[1] + len(owner.title) + 4) if member is not None else pos
        full = data.get("text")
        if isinstance(full, str) and " ".join(full.split()) == text:
            put_from(c, "text", data, "text")  # line breaks and double spaces, kept exactly
        else:
            put(c, "text", text, at)
        if "chapter" in data:
            put_from(c, "chapter", data, "chapter")
        elif chapters.get(owner.section) is not None:
            put(c, "chapter", chapters[owner.section], pos)
        for key in data:
            if key not in c and key != "relations":  # topics, quotes, number; unknown: the model
                put_from(c, key, data, key)
        if topics:
            listed = c.get("topics")
            at = c.valpos.get("topics", pos)
            merged = (
                items(at, zip(listed, places(listed, at)))
                if isinstance(listed, list)
                else items(pos)
            )
            for topic, where in topics:
                if topic not in merged:
                    append(merged, topic, where)
            if listed is None or isinstance(listed, list):
                put(c, "topics", merged, merged.pos)
        return c

    def _argument_text(self, arg: Argument) -> str:
        if arg.titled or not arg.pcs:
            return arg.title
        conclusion = self.doc.statements[arg.pcs[-1].statement.title]
        return f"An argument for: {conclusion.text or conclusion.title}"

    def _tags(
        self, owner: Any, data: YMap
    ) -> tuple[dict[str, tuple[str, tuple[int, int]]], list[tuple[str, tuple[int, int]]]]:
        """A claim's kind, actor and date tags ((value, where) by slot), and its topics."""
        where: dict[str, tuple[int, int]] = {}
        for m in owner.members:
            for tag, at in m.tag_pos.items():
                where.setdefault(tag, at)
        actor_ids, names = self.actor_ids, self.actor_names
        slots: dict[str, tuple[str, tuple[int, int]]] = {}
        topics: list[tuple[str, tuple[int, int]]] = []
        unknown: list[tuple[str, tuple[int, int]]] = []
        for tag in owner.tags:
            at = where.get(tag, owner.pos)
            if tag in CLAIM_KINDS:
                slot = "kind"
            elif DATE_RE.match(tag) or (self.ours and _DATE_LIKE.fullmatch(tag)):
                slot = "date"  # a date, or in our export meant as one: the model says what is wrong
            elif self.ours and tag in actor_ids:
                slot = "actor"
            elif self.ours and tag.lower() in names:
                slot, tag = "actor", names[tag.lower()]
            elif self.ours and tag not in self.topic_ids:
                unknown.append((tag, at))
                continue
            else:
                topics.append((self._topic(tag, at), at))
                continue
            if slot in slots and slots[slot][0] != tag:
                if self.ours:
                    self.fail(
                        at,
                        f"two {slot} tags on one statement",
                        f"#{tag}",
                        f"one {slot} (already #{slots[slot][0]})",
                    )
                continue
            slots.setdefault(slot, (tag, at))
        if unknown and not ({"actor", "actors"} & {*slots, *data}):
            slots["actor"] = unknown.pop(0)  # a mistyped actor: the cross-check names it
        topics += [(self._topic(tag, at), at) for tag, at in unknown]
        return slots, topics

    def _topic(self, tag: str, at: tuple[int, int]) -> str:
        """The topic a tag names, declared the first time it is met."""
        found = self.topic_ids.get(tag)
        if found is None:
            found = self.topic_ids[tag] = self.topic_slugs.of(tag)
            append(self.topics, record(at, id=found, label=tag), at)
        return found


def _definition(owner: Any) -> Statement | None:
    """The occurrence that defines a statement or describes an argument (None: only
    referred to)."""
    return next((m for m in owner.members if not m.is_reference and m.titled), None)


def _defined_at(ec: EquivalenceClass) -> tuple[int, int]:
    member = _definition(ec)
    return member.pos if member is not None else ec.pos


def _flat(sections: list[Section]) -> list[Section]:
    """Every section, nested ones too, in document order."""
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out.extend(_flat(section.children))
    return out


def _text(value: Any) -> str:
    """A front matter value as one line of text ('' for none)."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    return " ".join(str(value).split())


def fast_map(text: str, filename: str = "<argdown>") -> Map | None:
    """The map of a valid document, read without the positions only a problem needs (its
    plain-JSON data by json alone), else None: the loader then reads it with positions and
    reports every problem (as :func:`arguments.formats.json.fast_map` does for our JSON)."""
    try:
        reader = _Reader(parse(text, filename, fast=True))
        data = reader.build()
        if reader.problems:
            return None
        return Map.model_validate(data)
    except (MapError, ValidationError, ValueError, TypeError, RecursionError):
        return None
