"""Edits of a map's data: put (add or change) or delete one claim, relation, actor or topic,
or change the source; pure functions of plain argmap/2 data.

Contract: an :class:`Edit` names what changes; :func:`apply` returns the map's data with it
made (the data given is left as it was), or raises :class:`~arguments.errors.MapError` when
the item it changes or deletes is not there.  Whether the result is a valid map is for
:func:`arguments.store.check.validate` to say, in the loader's words.

- A changed item keeps its place; a new one goes at the end of its list.
- Renaming an item (a changed id) renames it wherever the map names it: a claim in its
  relations (source, target, reason), an actor in its claims and quotes, a topic in its claims.
- Deleting a claim deletes the relations that name it (:func:`goes_with` lists them first);
  deleting a topic takes it off its claims; deleting an actor that claims still name is left
  to the check, which names each of those claims.
- :func:`add_quote` and :func:`new_claim` make the edits that put a passage of the source
  into a claim: the quote is the passage as given (verbatim by construction).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from ..analysis.diff import SECTIONS, item_id
from ..errors import MapError, Problem

#: the code of the problem for an item that is not in the map
_MISSING = {
    "claims": "unknown-claim",
    "actors": "unknown-actor",
    "topics": "unknown-topic",
    "relations": "unknown-claim",
}


@dataclass(frozen=True)
class Edit:
    """One change: ``section`` is claims, relations, actors, topics or source; ``item`` the
    new item (None: delete); ``old`` the id of the item changed or deleted (None: a new one;
    a relation's id is ``source kind target``)."""

    section: str
    item: dict[str, Any] | None
    old: str | None = None

    def __post_init__(self) -> None:
        if self.section not in (*SECTIONS, "source"):
            raise ValueError(f"no such section {self.section!r}")
        if self.item is None and self.old is None:
            raise ValueError("an edit puts an item or names the one it deletes")

    @classmethod
    def put(cls, section: str, item: dict[str, Any], old: str | None = None) -> Edit:
        return cls(section, item, old)

    @classmethod
    def delete(cls, section: str, old: str) -> Edit:
        return cls(section, None, old)

    @classmethod
    def source(cls, item: dict[str, Any]) -> Edit:
        return cls("source", item)


def _index(data: dict[str, Any], section: str, ident: str) -> int:
    for i, item in enumerate(data.get(section) or []):
        if isinstance(item, dict) and item_id(section, item) == ident:
            return i
    noun = section[:-1]
    raise MapError(
        [
            Problem(
                _MISSING[section],
                f"the map has no {noun} {ident!r} (any more)",
                "<map>",
                path=section,
                got=repr(ident),
                expected=f"a {noun} of the map",
            )
        ]
    )


def goes_with(data: dict[str, Any], claim_id: str) -> list[dict[str, Any]]:
    """The relations that deleting the claim deletes with it."""
    return [
        r
        for r in data.get("relations") or []
        if claim_id in (r.get("source"), r.get("target"), r.get("reason"))
    ]


def named_by(data: dict[str, Any], actor_id: str) -> list[str]:
    """The claims that name an actor (as one of its actors or a quote's speaker)."""
    return [
        c["id"]
        for c in data.get("claims") or []
        if actor_id in (c.get("actors") or [])
        or any(q.get("speaker") == actor_id for q in c.get("quotes") or [])
    ]


def _rename(data: dict[str, Any], section: str, old: str, new: str) -> None:
    """Rename ``old`` to ``new`` wherever the map names it (items changed are copies)."""

    def swap(value: Any) -> Any:
        return new if value == old else value

    if section == "claims":
        data["relations"] = [
            {**r, **{k: new for k in ("source", "target", "reason") if r.get(k) == old}}
            for r in data["relations"]
        ]
    elif section == "actors":
        claims = []
        for c in data["claims"]:
            quotes = c.get("quotes") or []
            if old in (c.get("actors") or []) or any(q.get("speaker") == old for q in quotes):
                c = {
                    **c,
                    "actors": [swap(a) for a in c.get("actors") or []],
                    **(
                        {
                            "quotes": [
                                {**q, "speaker": swap(q.get("speaker"))} if q.get("speaker") else q
                                for q in quotes
                            ]
                        }
                        if quotes
                        else {}
                    ),
                }
            claims.append(c)
        data["claims"] = claims
        data["relations"] = [
            {**r, "quote": {**r["quote"], "speaker": new}}
            if (r.get("quote") or {}).get("speaker") == old
            else r
            for r in data["relations"]
        ]
    elif section == "topics":
        data["claims"] = [
            {**c, "topics": [swap(t) for t in c["topics"]]} if old in (c.get("topics") or []) else c
            for c in data["claims"]
        ]


def apply(data: dict[str, Any], edit: Edit) -> dict[str, Any]:
    """The map's data with the edit made (``data`` and its items are left as they were:
    changed items are new copies, the rest shared)."""
    out = {k: (list(v) if isinstance(v, list) else v) for k, v in data.items()}
    for s in SECTIONS:
        out.setdefault(s, [])
    if edit.section == "source":
        out["source"] = copy.deepcopy(edit.item)
        return out
    items: list[dict[str, Any]] = out[edit.section]
    if edit.item is None:  # delete
        assert edit.old is not None
        del items[_index(out, edit.section, edit.old)]
        if edit.section == "claims":
            out["relations"] = [
                r
                for r in out["relations"]
                if edit.old not in (r.get("source"), r.get("target"), r.get("reason"))
            ]
        elif edit.section == "topics":
            out["claims"] = [
                {**c, "topics": [t for t in c["topics"] if t != edit.old]}
                if edit.old in (c.get("topics") or [])
                else c
                for c in out["claims"]
            ]
        return out
    item = copy.deepcopy(edit.item)
    if edit.old is None:
        items.append(item)
        return out
    items[_index(out, edit.section, edit.old)] = item
    new_id = item_id(edit.section, item)
    if edit.section != "relations" and new_id != edit.old:
        _rename(out, edit.section, edit.old, new_id)
    return out


# ------------------------------------------------------------------ a passage into a claim
def add_quote(
    data: dict[str, Any],
    claim_id: str,
    quote_text: str,
    speaker: str | None = None,
    cites: str | None = None,
) -> Edit:
    """The edit that adds the passage ``quote_text`` to a claim's quotes, as it is."""
    claim = (data.get("claims") or [])[_index(data, "claims", claim_id)]
    quote: dict[str, Any] = {"text": quote_text}
    if speaker:
        quote["speaker"] = speaker
    if cites:
        quote["cites"] = cites
    return Edit.put("claims", {**claim, "quotes": [*(claim.get("quotes") or []), quote]}, claim_id)


def new_claim(data: dict[str, Any], fields: dict[str, Any], quote_text: str) -> Edit:
    """The edit that adds a claim (``fields``: id, kind, actors, chapter, text, ...) whose
    first quote is the passage ``quote_text``, as it is."""
    claim = {k: v for k, v in fields.items() if v not in (None, "", [])}
    claim["quotes"] = [{"text": quote_text}, *(fields.get("quotes") or [])]
    return Edit.put("claims", claim)
