"""Cross-reference checks of a map: ids, references between records, relation ends.

Contract: :func:`check` takes either a validated :class:`~arguments.models.Map`
or the raw data of one (dicts and lists, possibly malformed) and returns every
problem it finds as :class:`Issue` records, each with a stable code and the
location (a path tuple) of the offending value.  It never raises on malformed
input: records it cannot read are skipped (the model reports those).

The model's after-validator calls it on a valid map; the loader calls it on the
raw data when the model has other errors, so that one run reports everything.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Iterable

from .kinds import CLAIM_KINDS, DATED_ACTOR_KINDS, RELATION, relation_key

_DATE = re.compile(r"^\d{4}(?:-\d{2})?$")


@dataclass(frozen=True)
class Issue:
    code: str
    message: str
    loc: tuple
    got: str | None = None
    expected: str | None = None


def _get(obj: Any, key: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(key)
    return getattr(obj, key, None)


def _items(obj: Any, key: str) -> list:
    value = _get(obj, key)
    return value if isinstance(value, list) else []


def _hashable_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    """The closest known id to ``value``, for suggestions."""
    found = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def _expected(kind: str, value: str, known: dict) -> str:
    guess = did_you_mean(value, known)
    if guess:
        return f"a declared {kind} id; did you mean {guess!r}?"
    return f"one of the {len(known)} declared {kind} ids"


def check(data: Any) -> list[Issue]:
    issues: list[Issue] = []
    add = issues.append

    def index(section: str, label: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        for i, rec in enumerate(_items(data, section)):
            rid = _hashable_str(_get(rec, "id"))
            if rid is None:
                continue
            if rid in seen:
                add(Issue("duplicate-id", f"the {label} id {rid!r} is used twice",
                          (section, i, "id"), got=repr(rid),
                          expected=f"a unique id (first used by {section}[{seen[rid]}])"))
            else:
                seen[rid] = i
        return seen

    source = _get(data, "source")
    chapters: dict[str, int] = {}
    for i, ch in enumerate(_items(source, "chapters") if source is not None else []):
        cid = _hashable_str(_get(ch, "id"))
        if cid is None:
            continue
        if cid in chapters:
            add(Issue("duplicate-id", f"the chapter id {cid!r} is used twice",
                      ("source", "chapters", i, "id"), got=repr(cid), expected="a unique id"))
        chapters.setdefault(cid, i)

    actors = index("actors", "actor")
    topics = index("topics", "topic")
    claims = index("claims", "claim")
    actor_kind = {a: _get(_items(data, "actors")[i], "kind") for a, i in actors.items()}
    claim_list = _items(data, "claims")

    for i, c in enumerate(claim_list):
        if not isinstance(c, dict) and not hasattr(c, "kind"):
            continue
        actor = _hashable_str(_get(c, "actor"))
        if actors and actor is not None and actor not in actors:
            add(Issue("unknown-actor", f"no actor has the id {actor!r}", ("claims", i, "actor"),
                      got=repr(actor), expected=_expected("actor", actor, actors)))
        if _hashable_str(actor_kind.get(actor)) in DATED_ACTOR_KINDS and _get(c, "date") is None:
            add(Issue("missing-date", "a claim needs the date its actor held or stated it",
                      ("claims", i), got="no date",
                      expected="date: YYYY or YYYY-MM (only the author's claims may omit it)"))
        topics_of = _get(c, "topics")
        for j, t in enumerate(topics_of if isinstance(topics_of, list) else []):
            if topics and isinstance(t, str) and t not in topics:
                add(Issue("unknown-topic", f"no topic has the id {t!r}",
                          ("claims", i, "topics", j), got=repr(t),
                          expected=_expected("topic", t, topics)))
        chapter = _hashable_str(_get(c, "chapter"))
        if chapters and chapter is not None and chapter not in chapters:
            add(Issue("unknown-chapter", f"the source declares no chapter {chapter!r}",
                      ("claims", i, "chapter"), got=repr(chapter),
                      expected=_expected("chapter", chapter, chapters)))
        for j, q in enumerate(_items(c, "quotes")):
            speaker = _hashable_str(_get(q, "speaker"))
            if actors and speaker is not None and speaker not in actors:
                add(Issue("unknown-actor", f"the quote's speaker {speaker!r} is not an actor",
                          ("claims", i, "quotes", j, "speaker"), got=repr(speaker),
                          expected=_expected("actor", speaker, actors)))

    def claim_at(cid: str) -> Any:
        return claim_list[claims[cid]]

    seen_rel: dict[tuple, int] = {}
    supports = {(_hashable_str(_get(r, "source")), _hashable_str(_get(r, "target")))
                for r in _items(data, "relations") if _get(r, "kind") == "supports"}
    for i, r in enumerate(_items(data, "relations")):
        if not isinstance(r, dict) and not hasattr(r, "kind"):
            continue
        src = _hashable_str(_get(r, "source"))
        tgt = _hashable_str(_get(r, "target"))
        kind = _hashable_str(_get(r, "kind"))
        reason = _hashable_str(_get(r, "reason"))
        for field, cid in (("source", src), ("target", tgt), ("reason", reason)):
            if claims and cid is not None and cid not in claims:
                add(Issue("unknown-claim", f"the relation's {field} {cid!r} is not a claim",
                          ("relations", i, field), got=repr(cid),
                          expected=_expected("claim", cid, claims)))
        if src is None or tgt is None or kind is None:
            continue
        if src == tgt:
            add(Issue("self-relation", f"{kind!r} relates the claim {src!r} to itself",
                      ("relations", i, "target"), got=repr(tgt), expected="a different claim"))
            continue
        key = relation_key(src, tgt, kind)
        if key in seen_rel:
            add(Issue("duplicate-relation", f"{src} {kind} {tgt} is stated twice",
                      ("relations", i), got=f"relations[{i}]",
                      expected=f"one statement (first at relations[{seen_rel[key]}])"))
        else:
            seen_rel[key] = i
        if src not in claims or tgt not in claims:
            continue
        a, b = claim_at(src), claim_at(tgt)
        rk = RELATION.get(kind)
        if rk is None:   # an unknown kind: the model reports it
            continue
        if rk.needs_reason and reason in claims and (reason, tgt) not in supports:
            add(Issue("undercut-reason", f"no relation says {reason!r} supports {tgt!r}",
                      ("relations", i, "reason"), got=repr(reason),
                      expected=f"a claim with a `supports` relation to {tgt!r}"))
        # an unknown actor is reported already: compare no actors then
        known = (_hashable_str(_get(a, "actor")) in actors
                 and _hashable_str(_get(b, "actor")) in actors)
        same = _get(a, "actor") == _get(b, "actor")
        if rk.same_actor is True and known and not same:
            add(Issue("relation-mismatch", f"`{kind}` must link two claims of one actor",
                      ("relations", i), got=f"{_get(a, 'actor')} {kind} {_get(b, 'actor')}",
                      expected="the same actor at both ends (use `contradicts` otherwise)"))
        elif (rk.not_earlier and known and None not in (da := _date(a), db := _date(b))
              and da < db):
            add(Issue("relation-mismatch", f"the source predates the claim it {kind}",
                      ("relations", i),
                      got=f"{_get(a, 'date')} {kind} {_get(b, 'date')}",
                      expected="the source dated no earlier than the target"))
        if rk.same_actor is False and known and same:
            add(Issue("relation-mismatch", f"`{kind}` must link claims of two different actors",
                      ("relations", i), got=f"{_get(a, 'actor')} {kind} {_get(b, 'actor')}",
                      expected="another actor's claim (use `revises` or `elaborates`)"))
        # (an unknown kind of the target is reported already)
        if (rk.target_kind and _get(b, "kind") != rk.target_kind
                and _hashable_str(_get(b, "kind")) in CLAIM_KINDS):
            add(Issue("relation-mismatch", f"`{kind}` must point at a {rk.target_kind}",
                      ("relations", i, "target"), got=f"a {_get(b, 'kind')}",
                      expected=f"a claim of kind {rk.target_kind}"))
    return issues


def _date(claim: Any) -> str | None:
    """A claim's date as sortable text, or None when it is absent or malformed."""
    date = _get(claim, "date")
    if isinstance(date, int) and not isinstance(date, bool):
        date = str(date)  # YAML reads a bare year as a number
    return date if isinstance(date, str) and _DATE.match(date) else None
