"""Argdown's relations and premise-conclusion structures as a map's relations.

Contract: :class:`Links` turns the relations of a parsed :class:`.document.Document`
(after the CLI's own rewrites) and its arguments' premise-conclusion structures
into raw relation records with positions:

- support and (strict mode) entails are ``supports``; attack is ``attacks``;
  contrary and contradictory are ``contradicts``;
- an undercut of an argument attacks the link from the argument to what it
  concludes: ``undercuts`` with the argument as ``reason`` (the link being the
  argument's support of its conclusion, or of the one claim it supports); an
  undercut with no such link to attack is read as an attack on the argument;
- a premise-conclusion structure is ``supports`` from each premise (and
  intermediate conclusion) to the argument, and from the argument to its main
  conclusion, noting the inference rule;
- in a document argmap exported, the statements' data refine those relations
  (``confirms`` is written ``+>``, a note or a fate rides along) and add those
  Argdown has no syntax for; an argument titled ``<reason supports target>`` whose
  structure is ``(1) [reason] ---- (2) [target]`` is the support that an undercut
  attacks, not a claim of its own.

The same relation stated twice (an explicit support of an argument by one of its
premises, say) is kept once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...kinds import RELATIONS, relation_key
from ..raw import append, get, items, places, put_from, record
from ..yaml.reader import YList, YMap
from .document import Argument, Document

#: Argdown's relation types (the CLI's JSON) -> ours
FROM_ARGDOWN = {
    "support": "supports",
    "entails": "supports",
    "attack": "attacks",
    "contrary": "contradicts",
    "contradictory": "contradicts",
    "undercut": "undercuts",
}
#: our relation kind -> the kind its Argdown operator reads back as (confirms -> supports)
BASE_KIND: dict[str, str] = {}
for _rk in RELATIONS:
    if _rk.argdown:
        BASE_KIND[_rk.name] = next(k.name for k in RELATIONS if k.argdown == _rk.argdown)
_NOT_COPIED = ("source", "target", "kind", "reason", "link")

Pos = tuple[int, int]


def is_link_argument(arg: Argument) -> bool:
    """An argument our export writes for an undercut support: ``<reason supports target>``
    with no text and the structure ``(1) [reason] ---- (2) [target]``."""
    if len(arg.pcs) != 2 or arg.text:
        return False
    premise, conclusion = arg.pcs
    return (
        not premise.is_conclusion
        and conclusion.is_conclusion
        and arg.title == f"{premise.statement.title} supports {conclusion.statement.title}"
    )


class Links:
    """One pass over a document's relations and arguments (see the module docstring)."""

    def __init__(
        self,
        doc: Document,
        statement_id: dict[str, str | None],
        argument_id: dict[str, str | None],
        ours: bool,
        fail: Callable[..., None],
    ):
        self.doc = doc
        self.statement_id = statement_id
        self.argument_id = argument_id
        self.ours = ours
        self.fail = fail
        self.out: YList = items((1, 1))
        self.seen: set[tuple] = set()
        #: (source id, Argdown target title, our base kind) -> data records refining it
        self.refine: dict[tuple[str, str, str], list[YMap]] = {}
        self.data_only: list[tuple[str, YMap, Pos]] = []

    def build(self) -> YList:
        if self.ours:
            self._data_records()
        supported = self._supported()
        for rel in self.doc.relations:
            self._relation(rel, supported)
        for arg in self.doc.arguments.values():
            self._structure(arg)
        for source, rec, pos in self.data_only:
            r = record(pos, source=source)
            for key in rec:
                if key != "link":  # the writer's mark of a relation kept in the data only
                    put_from(r, key, rec, key)
            append(self.out, r, pos)
        return self.out

    # ------------------------------------------------------------ ids
    def statement(self, title: str) -> str | None:
        # in our own export a statement only referred to keeps its title: the model then
        # says no claim has that id, at the relation
        return title if self.ours else self.statement_id.get(title)

    def end(self, kind: str, title: str) -> str | None:
        return self.statement(title) if kind == "statement" else self.argument_id.get(title)

    # ------------------------------------------------------------ adding
    def add(
        self,
        source: str,
        target: str,
        kind: str,
        pos: Pos,
        rec: YMap | None = None,
        reason: str | None = None,
        note: str | None = None,
    ) -> None:
        if isinstance(rec, YMap) and isinstance(rec.get("kind"), str):
            kind = rec["kind"]
        if source == target and not self.ours:
            return  # Argdown allows it; a map does not, and it says nothing
        key = relation_key(source, target, kind, reason)
        if key in self.seen:
            return
        self.seen.add(key)
        r = record(pos, source=source, target=target, kind=kind, reason=reason, note=note)
        if isinstance(rec, YMap):
            for k in rec:
                if k not in _NOT_COPIED:
                    put_from(r, k, rec, k)
        append(self.out, r, pos)

    def take(self, source: str, target: str, kind: str) -> YMap | None:
        found = self.refine.get((source, target, kind))
        return found.pop(0) if found else None

    # ------------------------------------------------------------ the pieces
    def _data_records(self) -> None:
        """Our export's data: relations refined (their kind, note, fate) or data-only."""
        owners: list[tuple[str | None, Any]] = [
            *((self.statement_id.get(t), ec) for t, ec in self.doc.statements.items()),
            *((self.argument_id.get(t), a) for t, a in self.doc.arguments.items()),
        ]
        for sid, owner in owners:
            rels = get(owner.data, "relations")
            if sid is None or rels is None:
                continue
            if not isinstance(rels, list):
                self.fail(
                    owner.data.valpos.get("relations", owner.data.pos),
                    "a statement's relations data is a list",
                    repr(rels)[:60],
                    "[{target: id, kind: ...}, ...]",
                )
                continue
            for rec, pos in zip(rels, places(rels, owner.data.pos)):
                if not isinstance(rec, YMap):
                    self.fail(pos, "a relation in the data is a mapping", repr(rec)[:60], "{...}")
                elif rec.get("kind") in BASE_KIND and rec.get("link") != "data":
                    base = BASE_KIND[rec["kind"]]
                    target, reason = str(rec.get("target")), str(rec.get("reason"))
                    keys = [(sid, target, base)]
                    if base == "undercuts":  # drawn against <reason supports target> or <reason>
                        keys = [(sid, f"{reason} supports {target}", base), (sid, reason, base)]
                    for key in keys:
                        self.refine.setdefault(key, []).append(rec)
                else:  # agrees, adopts, revises, elaborates (or a wrong kind: the model says)
                    self.data_only.append((sid, rec, pos))

    def _supported(self) -> dict[str, list[str]]:
        """What each argument without a premise-conclusion structure supports."""
        out: dict[str, list[str]] = {}
        for rel in self.doc.relations:
            if rel.source_kind == "argument" and FROM_ARGDOWN[rel.type] == "supports":
                source = self.argument_id.get(rel.source)
                target = self.end(rel.target_kind, rel.target)
                if source is not None and target is not None:
                    out.setdefault(source, []).append(target)
        return out

    def _relation(self, rel: Any, supported: dict[str, list[str]]) -> None:
        source = self.end(rel.source_kind, rel.source)
        if source is None and rel.source_kind == "statement":
            return  # an empty statement: reported already
        if source is None:
            self.fail(
                rel.pos,
                "this argument stands for one claim's support of another: relate the "
                "statements instead",
                f"<{rel.source}>",
                "a relation from a statement",
            )
            return
        kind = FROM_ARGDOWN[rel.type]
        if kind == "undercuts":
            self._undercut(rel, source, supported)
            return
        ends = "argument" if rel.target_kind == "inference" else rel.target_kind
        target = self.end(ends, rel.target)
        if target is None and ends == "statement":
            return  # an empty statement: reported already
        if target is None:
            self.fail(
                rel.pos,
                "against an argument that stands for a support argmap reads only an undercut (_>)",
                f"<{rel.target}>",
                f"_> <{rel.target}>",
            )
            return
        self.add(source, target, kind, rel.pos, self.take(source, rel.target, kind))

    def _undercut(self, rel: Any, source: str, supported: dict[str, list[str]]) -> None:
        if rel.target_kind == "statement":
            if self.ours:
                self.fail(
                    rel.pos,
                    "an undercut attacks an argument (one claim's support of another), not a "
                    "statement",
                    f"_> [{rel.target}]",
                    "_> <reason supports target>",
                )
            else:
                target = self.statement(rel.target)
                if target is not None:
                    self.add(source, target, "attacks", rel.pos)
            return
        arg = self.doc.arguments[rel.target]
        aid = self.argument_id.get(arg.title)
        if aid is None:  # <reason supports target>: the support of target by reason
            reason, target = (p.statement.title for p in arg.pcs)
            rec = self.take(source, arg.title, "undercuts")
            self.add(source, target, "undercuts", rel.pos, rec, reason=reason)
            return
        recs = self.refine.pop((source, arg.title, "undercuts"), [])
        for rec in recs:
            self.add(source, str(rec.get("target")), "undercuts", rel.pos, rec, reason=aid)
        if recs:
            return
        if arg.pcs and arg.pcs[-1].is_conclusion:
            target = self.statement(arg.pcs[-1].statement.title)
        else:
            target = next(iter(supported.get(aid, [])), None)
        if target is not None:
            self.add(source, target, "undercuts", rel.pos, reason=aid)
        else:  # nothing the argument concludes: the undercut can only attack it
            self.add(source, aid, "attacks", rel.pos)

    def _structure(self, arg: Argument) -> None:
        """An argument's premise-conclusion structure as supports (see the module doc)."""
        if not arg.pcs or not arg.pcs[-1].is_conclusion:
            return  # no structure, or one the parser reported as broken
        aid = self.argument_id.get(arg.title)
        final = arg.pcs[-1]
        conclusion = self.statement(final.statement.title)
        if conclusion is None:
            return
        if aid is None:  # our export's <reason supports target>
            premise = self.statement(arg.pcs[0].statement.title)
            if premise is not None:
                self.add(premise, conclusion, "supports", arg.pcs[0].pos, arg.data)
            return
        for step in arg.pcs[:-1]:
            premise = self.statement(step.statement.title)
            if premise is not None:
                self.add(premise, aid, "supports", step.pos)
        rules = final.inference.rules if final.inference else []
        note = "inference rule: " + ", ".join(rules) if rules else None
        self.add(aid, conclusion, "supports", final.pos, note=note)
