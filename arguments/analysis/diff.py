"""What changed between two maps (or two versions of one): added, removed, changed items.

Contract: :func:`diff` compares two maps given as argmap/2 data (``formats.json.to_data``,
or a stored version's data, which may be an empty draft) and returns a :class:`MapDiff`:
for claims, relations, actors and topics, the items added, removed and changed, a changed
item with its id and each changed field's old and new value; and the source's changed
fields.  Items are matched by id; a relation by its ends and kind (``source kind
target``), a symmetric relation (``contradicts``, ``agrees``) whichever way round it is
written, an undercut also by its reason (``source undercuts target via reason``).
:meth:`MapDiff.as_data` is the JSON of ``argmap diff --format json``;
:func:`describe` words a diff as a version's message ("changed the text of
lenin-april-theses"); :func:`marks` gives each claim of the newer map (and each removed
one) its mark for a diagram.  Pure functions of plain data: nothing here reads a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..kinds import RELATION, relation_key

SECTIONS = ("claims", "relations", "actors", "topics")
#: each section's noun, singular
NOUN = {"claims": "claim", "relations": "relation", "actors": "actor", "topics": "topic"}


def relation_id(r: dict[str, Any]) -> str:
    """A relation's name: ``source kind target`` (an undercut adds ``via REASON``): its
    identity within a map."""
    base = f"{r.get('source')} {r.get('kind')} {r.get('target')}"
    spec = RELATION.get(str(r.get("kind")))
    return f"{base} via {r.get('reason')}" if spec is not None and spec.needs_reason else base


def _relation_key(r: dict[str, Any]) -> tuple:
    return relation_key(
        str(r.get("source")), str(r.get("target")), str(r.get("kind")), r.get("reason")
    )


def item_id(section: str, item: dict[str, Any]) -> str:
    return relation_id(item) if section == "relations" else str(item.get("id"))


def _key(section: str, item: dict[str, Any]) -> object:
    return _relation_key(item) if section == "relations" else item.get("id")


@dataclass(frozen=True)
class Changed:
    """An item in both maps whose fields differ: field -> (old, new)."""

    id: str
    fields: dict[str, tuple[Any, Any]]

    def as_data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "fields": {k: {"old": o, "new": n} for k, (o, n) in self.fields.items()},
        }


@dataclass(frozen=True)
class Section:
    added: tuple[dict[str, Any], ...] = ()
    removed: tuple[dict[str, Any], ...] = ()
    changed: tuple[Changed, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class MapDiff:
    claims: Section = field(default_factory=Section)
    relations: Section = field(default_factory=Section)
    actors: Section = field(default_factory=Section)
    topics: Section = field(default_factory=Section)
    #: the source's changed fields (title, author, description, chapters, text)
    source: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (any(self.section(s) for s in SECTIONS) or self.source)

    def section(self, name: str) -> Section:
        return getattr(self, name)

    def as_data(self) -> dict[str, Any]:
        """``{"claims": {"added": [...], "removed": [...], "changed": [...]}, ...}``: added
        and removed items in full (a relation with its ``id``), a changed one as its id and
        ``fields: {name: {"old": ..., "new": ...}}``."""
        out: dict[str, Any] = {}
        for name in SECTIONS:
            s = self.section(name)
            out[name] = {
                "added": [_with_id(name, i) for i in s.added],
                "removed": [_with_id(name, i) for i in s.removed],
                "changed": [c.as_data() for c in s.changed],
            }
        return out

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            n: {
                "added": len(self.section(n).added),
                "removed": len(self.section(n).removed),
                "changed": len(self.section(n).changed),
            }
            for n in SECTIONS
        }


def _with_id(section: str, item: dict[str, Any]) -> dict[str, Any]:
    return {"id": relation_id(item), **item} if section == "relations" else dict(item)


def _fields(old: dict[str, Any], new: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    names = list(dict.fromkeys([*old, *new]))
    return {k: (old.get(k), new.get(k)) for k in names if old.get(k) != new.get(k)}


def _section(name: str, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> Section:
    before = {_key(name, i): i for i in old}
    after = {_key(name, i): i for i in new}
    added = tuple(i for k, i in after.items() if k not in before)
    removed = tuple(i for k, i in before.items() if k not in after)
    changed = []
    for k, i in after.items():
        if k in before:
            was = before[k]
            if was == i:
                continue
            if name == "relations" and (was.get("source"), was.get("target")) != (
                i.get("source"),
                i.get("target"),
            ):  # a symmetric relation written the other way round: the same relation
                was = {**was, "source": i.get("source"), "target": i.get("target")}
            diffs = _fields(was, i)
            if diffs:
                changed.append(Changed(item_id(name, i), diffs))
    return Section(added, removed, tuple(changed))


def diff(old: dict[str, Any], new: dict[str, Any]) -> MapDiff:
    """What changed from ``old`` to ``new`` (both argmap/2 data)."""
    sections = {n: _section(n, old.get(n) or [], new.get(n) or []) for n in SECTIONS}
    return MapDiff(**sections, source=_fields(old.get("source") or {}, new.get("source") or {}))


# ------------------------------------------------------------------ in words
def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


_FIELD_WORDS = {"actors": "actor", "topics": "topics", "quotes": "quotes"}


def _change_words(section: str, c: Changed) -> str:
    fields = c.fields
    if set(fields) == {"quotes"} and section == "claims":
        old, new = fields["quotes"]
        old, new = old or [], new or []
        if len(new) == len(old) + 1 and new[: len(old)] == old:
            return f"added a quote to {c.id}"
        if len(new) + 1 == len(old) and all(q in old for q in new):
            return f"removed a quote from {c.id}"
    names = [_FIELD_WORDS.get(k, k) for k in fields]
    if section == "claims" and "actors" in fields:
        old_a, new_a = fields["actors"]
        if len(old_a or []) > 1 or len(new_a or []) > 1:
            names[list(fields).index("actors")] = "actors"
    return f"changed the {_and(names)} of {c.id}"


def describe(d: MapDiff) -> str:
    """A short message for a version: what one edit did, in words.

    One change is told in full ("changed the text and date of lenin-april-theses",
    "added the relation a supports b", "deleted the claim x and 2 relations"); many are
    counted ("added 3 claims, changed 2 relations")."""
    if d.empty:
        return "no change"
    claims, rels = d.claims, d.relations
    # a claim deleted with the relations that went with it
    if len(claims.removed) == 1 and not claims.added and not claims.changed:
        gone = claims.removed[0]["id"]
        n = len(rels.removed)
        if (
            not rels.added
            and not rels.changed
            and all(
                gone in (r.get("source"), r.get("target"), r.get("reason")) for r in rels.removed
            )
            and not any(d.section(s) for s in ("actors", "topics"))
            and not d.source
        ):
            tail = f" and {n} relation{'s' if n != 1 else ''}" if n else ""
            return f"deleted the claim {gone}{tail}"
    parts: list[str] = []
    for name in SECTIONS:
        s = d.section(name)
        noun = NOUN[name]
        for verb, items in (("added", s.added), ("deleted", s.removed)):
            if len(items) == 1:
                parts.append(f"{verb} the {noun} {item_id(name, items[0])}")
            elif items:
                parts.append(f"{verb} {len(items)} {name}")
        if len(s.changed) == 1:
            parts.append(_change_words(name, s.changed[0]))
        elif s.changed:
            parts.append(f"changed {len(s.changed)} {name}")
    if d.source:
        parts.append(f"changed the source's {_and(list(d.source))}")
    return "; ".join(parts) if len(parts) <= 3 else ", ".join(parts[:3]) + " and more"


def marks(d: MapDiff) -> dict[str, str]:
    """Claim id -> ``added``, ``removed`` or ``changed`` (for marking a diagram)."""
    out = {c["id"]: "added" for c in d.claims.added}
    out.update({c["id"]: "removed" for c in d.claims.removed})
    out.update({c.id: "changed" for c in d.claims.changed})
    return out


def text_report(d: MapDiff, old_name: str = "old", new_name: str = "new") -> str:
    """The diff as lines of text (``argmap diff``'s default output)."""
    if d.empty:
        return f"{old_name} and {new_name}: no differences\n"
    lines = [f"--- {old_name}", f"+++ {new_name}"]
    if d.source:
        lines.append("source:")
        lines += [f"  ~ {k}: {_short(o)} -> {_short(n)}" for k, (o, n) in d.source.items()]
    for name in SECTIONS:
        s = d.section(name)
        if not s:
            continue
        c = d.counts()[name]
        lines.append(f"{name}: {c['added']} added, {c['removed']} removed, {c['changed']} changed")
        lines += [f"  + {item_id(name, i)}: {_short(_gist(name, i))}" for i in s.added]
        lines += [f"  - {item_id(name, i)}: {_short(_gist(name, i))}" for i in s.removed]
        for ch in s.changed:
            lines.append(f"  ~ {ch.id}")
            lines += [f"      {k}: {_short(o)} -> {_short(n)}" for k, (o, n) in ch.fields.items()]
    return "\n".join(lines) + "\n"


def _gist(section: str, item: dict[str, Any]) -> Any:
    return {
        "claims": item.get("text"),
        "actors": item.get("name"),
        "topics": item.get("label"),
        "relations": item.get("note") or "",
    }[section]


def _short(value: Any, limit: int = 100) -> str:
    if value is None:
        return "(none)"
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def union(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """``new`` with what ``old`` had and ``new`` lost put back (claims, the relations between
    claims both have, and the actors, topics and chapters those need): the data of a diagram
    that shows the removed claims beside the rest.  Not always a valid map (the caller checks
    it and falls back to ``new``)."""
    out = {k: (list(v) if isinstance(v, list) else v) for k, v in new.items()}
    have = {c.get("id") for c in new.get("claims") or []}
    back = [c for c in old.get("claims") or [] if c.get("id") not in have]
    out["claims"] = [*(new.get("claims") or []), *back]
    ids = have | {c.get("id") for c in back}
    keys = {_relation_key(r) for r in new.get("relations") or []}
    out["relations"] = [
        *(new.get("relations") or []),
        *(
            r
            for r in old.get("relations") or []
            if _relation_key(r) not in keys
            and {r.get("source"), r.get("target"), r.get("reason")} - {None} <= ids
        ),
    ]
    for name in ("actors", "topics"):
        known = {i.get("id") for i in new.get(name) or []}
        out[name] = [
            *(new.get(name) or []),
            *(i for i in old.get(name) or [] if i.get("id") not in known),
        ]
    src_new, src_old = dict(new.get("source") or {}), old.get("source") or {}
    chapters = list(src_new.get("chapters") or [])
    known = {c.get("id") for c in chapters}
    chapters += [c for c in src_old.get("chapters") or [] if c.get("id") not in known]
    if chapters:
        src_new["chapters"] = chapters
    out["source"] = src_new
    return out
