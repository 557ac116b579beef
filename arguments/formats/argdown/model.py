"""Stage three of the Argdown reader: parse trees -> :class:`Document`, as the CLI models it.

This follows @argdown/core's ModelPlugin step by step, since the CLI's JSON is
the reference: an untitled statement or argument is titled "Untitled N" at the
moment the CLI titles it (a statement when its relations open, or when it
ends; a PCS with no argument before it when it starts), so the numbers come
out the same; every occurrence of a title joins one equivalence class; a PCS
right after a top-level argument block reconstructs that argument; relations
keep the direction their operator gives them; and at the end the CLI's three
rewrites run: relations of a reconstructed argument move to its main
conclusion, an undercut of a reconstructed argument moves to its last
inference, an attack on such an argument that only repeats an attack on one of
its premises is dropped (and in strict mode, support/attack between two
statements become entails/contrary).
"""

from __future__ import annotations

import re
from typing import Any

from lark import Token, Tree

from ...errors import short
from ..yaml.reader import YMap
from .data import Report, fast_data, load_data, merged
from .document import (
    Argument,
    Document,
    EquivalenceClass,
    Inference,
    PcsStatement,
    Relation,
    Section,
    Statement,
)

#: operator -> (relation type, does the parent of the tree stand at the source end?)
OPERATORS = {
    "+>": ("support", True),
    "->": ("attack", True),
    "><": ("contradictory", True),
    "_>": ("undercut", True),
    "+": ("support", False),
    "<+": ("support", False),
    "-": ("attack", False),
    "<-": ("attack", False),
    "<_": ("undercut", False),
    "_": ("undercut", False),
}
_LINK = re.compile(r"\[(.+)\]\((.+)\)")
_TAG = re.compile(r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
_FENCE = re.compile(r"^===+|===+$")


def pos_of(node: Any) -> tuple[int, int]:
    """(line, column) of a token or of the first token under a tree."""
    while isinstance(node, Tree):
        node = node.children[0]
    return (node.line, node.column)


class _Rel:
    """A relation while the model is being built (ends may still be rewritten)."""

    __slots__ = ("occurrences", "pos", "source", "target", "type")

    def __init__(self, source: tuple, target: tuple, type_: str, pos: tuple[int, int]):
        self.source, self.target, self.type, self.pos = source, target, type_, pos
        self.occurrences = [pos]

    def key(self) -> tuple:
        return (_key(self.source), _key(self.target), self.type)


def _key(node: tuple) -> tuple:
    kind, obj = node
    return (kind, id(obj)) if kind == "inference" else (kind, obj.title)


class Builder:
    """Walks the blocks' parse trees in document order, building the model."""

    def __init__(self, doc: Document, report: Report, fast: bool = False):
        self.doc, self.report = doc, report
        self.fast = fast  # {data} that is plain JSON read without positions (a valid file)
        self.counter = 0
        self.strict = False
        self.remove_tags = False
        self.section: Section | None = None
        self.sections = 0
        self.inference: Inference | None = None  # the CLI never resets it
        self.parents: list[tuple] = []
        self.rels: list[_Rel] = []
        self.seen: dict[tuple, _Rel] = {}
        self.prev_argument: Argument | None = None

    # ------------------------------------------------------------ settings
    def front_matter(self, tok: Token) -> None:
        fence = len(tok.value) - len(tok.value.lstrip("="))
        body = _FENCE.sub("", tok.value.strip())
        last = tok.value.rstrip("=").rsplit("\n", 1)
        if len(last) == 2 and last[1].strip():
            # Argdown closes it at any ===, even one inside a line of text (a comment, say);
            # a front matter meant to be closed there is surely one left open
            self.report(
                "the front matter is never closed: a === on a line of its own ends it",
                tok.line,
                tok.column,
                short(last[1].strip() + "===", 40),
                "=== on a line of its own",
            )
            return
        where = (tok.line or 1, (tok.column or 1) + fence)
        config = load_data(body, where, self.report, "front matter", self.doc.filename)
        if config is not None and not isinstance(config, dict):
            self.report(
                "front matter must be a YAML mapping (key: value lines)",
                tok.line,
                tok.column,
                type(config).__name__,
                "mapping",
            )
            config = None
        self.doc.front_matter = config
        model = (config or {}).get("model")
        if isinstance(model, dict):
            self.strict = model.get("mode") == "strict"
            self.remove_tags = bool(model.get("removeTagsFromText"))
        # a map argmap exported (argmap: in its front matter) tags its statements with their
        # actor, kind and date: data, never words of the text, whatever the settings say
        self.remove_tags = self.remove_tags or isinstance((config or {}).get("argmap"), dict)

    def unique(self) -> str:
        self.counter += 1
        return f"Untitled {self.counter}"

    # ------------------------------------------------------------ blocks
    def block(self, tree: Any) -> None:
        prev, self.prev_argument = self.prev_argument, None
        kind = tree.data
        if kind == "heading":
            self.heading(tree)
        elif kind == "statement":
            self.statement(tree, "top-level")
        elif kind == "argument":
            self.prev_argument = self.argument(tree)
        elif kind == "pcs":
            self.pcs(tree, prev)
        elif kind in ("ordered_list", "unordered_list"):
            for item in tree.children:
                if isinstance(item, Tree):
                    self.member(item.children[1], "list-item")
        elif kind == "front_matter":
            self.report(
                "a '===' block (front matter) is only allowed at the top of the file",
                *pos_of(tree),
                "===",
                "the front matter first in the file, nothing above it",
            )

    def member(self, tree: Any, role: str) -> tuple[str, Any]:
        """A statement or argument in a relation or list: ("statement", ec) or ("argument", a)."""
        if tree.data == "statement":
            return ("statement", self.doc.statements[self.statement(tree, role).title])
        return ("argument", self.argument(tree))

    def heading(self, tree: Any) -> None:
        start, content = tree.children[0], tree.children[1]
        text, tags, _ = self.text_of(content)
        self.sections += 1
        section = Section(
            id=f"s{self.sections}",
            level=len(start.value),
            title=text.strip(),
            pos=pos_of(start),
            tags=tags,
            data=self.data_of(tree),
        )
        previous = self.section
        while previous is not None and previous.level >= section.level:
            previous = self._section(previous.parent)
        if previous is not None:
            previous.children.append(section)
            section.parent = previous.id
        else:
            self.doc.sections.append(section)
        self.section = section

    def _section(self, ident: str | None) -> Section | None:
        if ident is None:
            return None
        stack = list(self.doc.sections)
        while stack:
            section = stack.pop()
            if section.id == ident:
                return section
            stack.extend(section.children)
        return None

    # ------------------------------------------------------------ statements, arguments
    def statement(self, tree: Any, role: str) -> Statement:
        head = tree.children[0]
        st = Statement(title="", text="", pos=pos_of(tree), role=role)
        if head.data == "statement_definition":
            st.title = head.children[0].value[1:-2]
            st.text, st.tags, st.tag_pos = self.text_of(head.children[1])
        elif head.data == "statement_reference":
            st.title, st.is_reference = head.children[0].value[1:-1], True
            st.tags, st.tag_pos = self._tags(head.children[1:])
        else:
            st.text, st.tags, st.tag_pos = self.text_of(head.children[0])
        st.data = self.data_of(tree)
        st.titled = bool(st.title)
        relations = _child(tree, "relations")
        if relations is not None:
            if not st.title:
                st.title = self.unique()
            self.relations(relations, ("statement", self.ec(st.title, st.pos)))
        if not st.title:
            st.title = self.unique()
        self._join(self.ec(st.title, st.pos), st)
        return st

    def _join(self, owner: Any, member: Statement) -> None:
        """Add an occurrence to its equivalence class or argument, as the CLI does."""
        member.section = self.section.id if self.section else None
        owner.members.append(member)
        owner.tags.extend(t for t in member.tags if t not in owner.tags)
        if member.data:
            owner.data = merged(owner.data, member.data)
        in_group = (member.data or {}).get("isInGroup")
        if in_group is True or (
            not member.is_reference and in_group is None and owner.section is None
        ):
            owner.section = member.section

    def ec(self, title: str, pos: tuple[int, int]) -> EquivalenceClass:
        found = self.doc.statements.get(title)
        if found is None:
            found = self.doc.statements[title] = EquivalenceClass(title=title, pos=pos)
        return found

    def get_argument(self, title: str | None, pos: tuple[int, int]) -> Argument:
        found = self.doc.arguments.get(title) if title else None
        if found is None:
            titled, title = bool(title), title or self.unique()
            found = self.doc.arguments[title] = Argument(title=title, pos=pos, titled=titled)
        return found

    def argument(self, tree: Any) -> Argument:
        head = tree.children[0]
        desc = Statement(
            title=head.children[0].value[1:-1],
            text="",
            pos=pos_of(tree),
            role="argument-description",
        )
        if head.data == "argument_definition":
            desc.title = desc.title[:-1]
            desc.text, desc.tags, desc.tag_pos = self.text_of(head.children[1])
        else:
            desc.is_reference = True
            desc.tags, desc.tag_pos = self._tags(head.children[1:])
        desc.data = self.data_of(tree)
        relations = _child(tree, "relations")
        if relations is not None:
            self.relations(relations, ("argument", self.get_argument(desc.title, desc.pos)))
        argument = self.get_argument(desc.title, desc.pos)
        self._join(argument, desc)
        return argument

    # ------------------------------------------------------------ premise-conclusion structures
    def pcs(self, tree: Any, argument: Argument | None) -> None:
        where = pos_of(tree)
        if argument is None:
            argument = self.get_argument(None, where)
        if self.section:
            argument.section = self.section.id
        if argument.pcs:
            self.report(
                f"argument <{argument.title}> already has a premise-conclusion "
                "structure: an argument can have only one",
                *where,
                f"<{argument.title}>",
                "one premise-conclusion structure per argument",
            )
            return
        for child in tree.children:
            if child.data == "pcs_statement":
                self.pcs_statement(child, argument, None)
                continue
            inference: Inference | None = self.inference_line(child.children[0])
            for part in child.children[2:]:
                if part.data == "inference_relations":
                    self.relations(part, ("inference", inference))
                    continue
                self.pcs_statement(part, argument, inference)
                inference = None
        if not argument.pcs[-1].is_conclusion:
            self.report(
                "a premise-conclusion structure must end with a conclusion: add an "
                "inference line ('----') above the last statement",
                *argument.pcs[-1].pos,
                argument.pcs[-1].statement.text[:40],
                "----",
            )

    def pcs_statement(self, tree: Any, argument: Argument, inference: Inference | None) -> None:
        number = int(tree.children[0].value.strip("()"))
        st = self.statement(tree.children[1], "conclusion" if inference else "premise")
        if inference is not None:
            inference.argument, inference.conclusion_index = argument.title, len(argument.pcs)
        argument.pcs.append(PcsStatement(number=number, statement=st, inference=inference))

    def inference_line(self, tok: Token) -> Inference:
        """`--`, `----`, `-- rule, rule {data} --` (the rule may stand on lines of its own)."""
        inner = tok.value.strip()[2:].rstrip("-")
        inference = Inference(pos=(tok.line or 1, tok.column or 1))
        found = re.search(r"\{(?:(?!\}\s[^,}])[\s\S])*\}(?!\s*[,}])", inner)
        if found:
            inner = inner[: found.start()] + inner[found.end() :]
            before = tok.value[: 2 + found.start()]  # where the data stands in the line(s)
            newline = before.rfind("\n")
            line = inference.pos[0] + before.count("\n")
            column = len(before) - newline if newline >= 0 else inference.pos[1] + len(before)
            data = load_data(
                found.group(0), (line, column), self.report, "inference data", self.doc.filename
            )
            inference.data = data if isinstance(data, dict) else None
        rules = (re.sub(r"\\(.)", r"\1", r).strip() for r in inner.replace("\n", " ").split(","))
        inference.rules = [r for r in rules if r]
        self.inference = inference
        return inference

    # ------------------------------------------------------------ relations
    def relations(self, tree: Any, parent: tuple) -> None:
        self.parents.append(parent)
        for relation in tree.children:
            if isinstance(relation, Tree):
                self.relation(relation)
        self.parents.pop()

    def relation(self, tree: Any) -> None:
        op, content = tree.children
        type_, parent_is_source = OPERATORS[op.value]
        parent = self.parents[-1]
        if (
            type_ == "undercut"
            and not parent_is_source
            and parent[0] == "statement"
            and self.inference is not None
        ):
            parent = ("inference", self.inference)
        other = self.member(content, "relation")
        pos = (op.line, op.column)
        if type_ == "contradictory" and other[0] == "argument":
            self.report(
                "'><' (contradiction) joins two statements, not an argument",
                *pos,
                f"<{other[1].title}>",
                "a statement",
            )
            return
        source, target = (parent, other) if parent_is_source else (other, parent)
        self.add(_Rel(source, target, type_, pos))

    def add(self, rel: _Rel) -> bool:
        """Keep a relation unless the same one is there (contradictions count both ways)."""
        key = rel.key()
        twin = self.seen.get(key)
        if twin is None and rel.type == "contradictory":
            twin = self.seen.get((key[1], key[0], key[2]))
        if twin is not None:
            twin.occurrences.extend(rel.occurrences)
            return False
        self.seen[key] = rel
        self.rels.append(rel)
        return True

    # ------------------------------------------------------------ text
    def text_of(self, content: Any) -> tuple[str, list[str], dict[str, tuple[int, int]]]:
        """A text's characters as Argdown reads them, its tags and where each tag stands."""
        parts: list[str] = []
        tags: list[str] = []
        where: dict[str, tuple[int, int]] = {}
        last = len(content.children) - 1
        for i, tok in enumerate(content.children):
            type_, value = tok.type, tok.value
            if type_ == "NEWLINE":
                if i != last and parts and not parts[-1].endswith(" "):
                    parts.append(" ")
            elif type_ == "ESCAPED":
                parts.append(value[1:])
            elif type_ == "LINK":
                link = _LINK.match(value)
                parts.append(
                    (link.group(1) if link else value) + (" " if value[-1] in " \t" else "")
                )
            elif type_ == "TAG":
                found, at = self._tags([tok])
                tags.extend(t for t in found if t not in tags)
                for t in found:
                    where.setdefault(t, at[t])
                if not self.remove_tags:
                    parts.append(value)
            elif type_ == "EMPH":
                if value[-1] in " \t":
                    parts.append(" ")
            else:
                parts.append(value)
        return "".join(parts).strip(), tags, where

    @staticmethod
    def _tags(tokens: Any) -> tuple[list[str], dict[str, tuple[int, int]]]:
        """The tags among the tokens, in order, and where each first stands."""
        tags: list[str] = []
        where: dict[str, tuple[int, int]] = {}
        for t in tokens:
            found = _TAG.match(t.value) if isinstance(t, Token) and t.type == "TAG" else None
            if found:
                tag = found.group(1) or found.group(2)
                tags.append(tag)
                where.setdefault(tag, (t.line or 1, t.column or 1))
        return tags, where

    def data_of(self, tree: Any) -> Any:
        node = _child(tree, "data")
        if node is None:
            return None
        tok = node.children[0]
        data = fast_data(tok.value, pos_of(tok)) if self.fast else None
        if data is not None:
            return data
        data = load_data(tok.value, pos_of(tok), self.report, "data", self.doc.filename)
        if data is not None and not isinstance(data, YMap):
            self.report(
                "data is a mapping: {key: value, ...}",
                *pos_of(tok),
                short(tok.value, 40),
                "{key: value, ...}",
            )
            return None
        return data

    # ------------------------------------------------------------ the CLI's final rewrites
    def finish(self) -> None:
        self._move_argument_relations()
        if self.strict:
            self._strict_statement_relations()
        self._drop_redundant_attacks()
        self.doc.relations = [self._export(r) for r in self.rels]
        tags: dict[str, None] = {}  # every tag once, in order of appearance
        owners: list[Any] = [*self.doc.statements.values(), *self.doc.arguments.values()]
        for owner in owners:
            tags.update(dict.fromkeys(owner.tags))
        self.doc.tags = list(tags)

    def _move_argument_relations(self) -> None:
        old, self.rels, self.seen = self.rels, [], {}
        for rel in old:
            kind, obj = rel.source
            if kind == "argument" and obj.pcs:
                rel.source = ("statement", self.doc.statements[obj.pcs[-1].statement.title])
                if rel.target[1] is rel.source[1]:
                    continue  # the CLI finds the relation itself among the conclusion's and drops it
            kind, obj = rel.target
            if kind == "argument" and obj.pcs and rel.type == "undercut":
                inference = obj.pcs[-1].inference
                if inference is not None:
                    rel.target = ("inference", inference)
            self.add(rel)

    def _strict_statement_relations(self) -> None:
        old, self.rels, self.seen = self.rels, [], {}
        for rel in old:
            if rel.source[0] == rel.target[0] == "statement":
                if rel.type == "support":
                    rel.type = "entails"
                elif rel.type == "attack":
                    rel.type = "contrary"
                    key = rel.key()
                    twin = self.seen.get(key) or self.seen.get((key[1], key[0], key[2]))
                    if twin is not None:
                        twin.occurrences.extend(rel.occurrences)
                        continue
            self.add(rel)

    def _drop_redundant_attacks(self) -> None:
        kept: list[_Rel] = []
        for index, rel in enumerate(self.rels):
            if not (
                rel.source[0] == "statement"
                and rel.type == "attack"
                and rel.target[0] == "argument"
                and rel.target[1].pcs
            ):
                kept.append(rel)
                continue
            ec = rel.source[1]
            premises = {p.statement.title for p in rel.target[1].premises}
            twin = next(
                (
                    o
                    for o in kept + self.rels[index + 1 :]
                    if o is not rel
                    and _other_statement(o, ec) in premises
                    and (
                        (o.type == "attack" and o.source[1] is ec)
                        or o.type in ("contradictory", "contrary")
                    )
                ),
                None,
            )
            if twin is None:
                kept.append(rel)
            else:
                twin.occurrences.extend(rel.occurrences)
        self.rels = kept

    @staticmethod
    def _export(rel: _Rel) -> Relation:
        (skind, sobj), (tkind, tobj) = rel.source, rel.target
        target = tobj.argument if tkind == "inference" else tobj.title
        return Relation(
            source=sobj.title,
            target=target,
            type=rel.type,
            pos=rel.pos,
            source_kind=skind,
            target_kind=tkind,
            occurrences=rel.occurrences,
        )


def _other_statement(rel: _Rel, ec: EquivalenceClass) -> str | None:
    """The title of the statement at the other end of ``rel`` from ``ec`` (None if none)."""
    if rel.source[1] is ec and rel.target[0] == "statement":
        return rel.target[1].title
    if rel.target[1] is ec and rel.source[0] == "statement":
        return rel.source[1].title
    return None


def _child(tree: Any, name: str) -> Any:
    return next((c for c in tree.children if isinstance(c, Tree) and c.data == name), None)
