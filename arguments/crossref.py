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
from collections.abc import Container, Iterable
from dataclasses import dataclass
from typing import Any

from .kinds import CLAIM_KINDS, DATED_ACTOR_KINDS, RELATION, RelationKind, relation_key

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
    """Every cross-reference problem of a map or of its raw data (see the module doc)."""
    checker = _Checker(data)
    checker.ids()
    checker.claims()
    checker.relations()
    return checker.issues


class _Checker:
    """One pass over a map's records; each method checks one kind of reference."""

    def __init__(self, data: Any):
        self.data = data
        self.issues: list[Issue] = []
        self.actors: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.claim_ids: dict[str, int] = {}
        self.chapters: dict[str, int] = {}
        self.claim_list = _items(data, "claims")

    def add(
        self,
        code: str,
        message: str,
        loc: tuple,
        got: str | None = None,
        expected: str | None = None,
    ) -> None:
        self.issues.append(Issue(code, message, loc, got, expected))

    # ------------------------------------------------------------ ids
    def _index(self, section: str, label: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        for i, rec in enumerate(_items(self.data, section)):
            rid = _hashable_str(_get(rec, "id"))
            if rid is None:
                continue
            if rid in seen:
                self.add(
                    "duplicate-id",
                    f"the {label} id {rid!r} is used twice",
                    (section, i, "id"),
                    repr(rid),
                    f"a unique id (first used by {section}[{seen[rid]}])",
                )
            else:
                seen[rid] = i
        return seen

    def ids(self) -> None:
        source = _get(self.data, "source")
        for i, ch in enumerate(_items(source, "chapters") if source is not None else []):
            cid = _hashable_str(_get(ch, "id"))
            if cid is None:
                continue
            if cid in self.chapters:
                self.add(
                    "duplicate-id",
                    f"the chapter id {cid!r} is used twice",
                    ("source", "chapters", i, "id"),
                    repr(cid),
                    "a unique id",
                )
            self.chapters.setdefault(cid, i)
        self.actors = self._index("actors", "actor")
        self.topics = self._index("topics", "topic")
        self.claim_ids = self._index("claims", "claim")

    def _unknown(
        self,
        code: str,
        what: str,
        value: str | None,
        known: dict[str, int],
        loc: tuple,
        message: str,
    ) -> None:
        if known and value is not None and value not in known:
            self.add(code, message, loc, repr(value), _expected(what, value, known))

    # ------------------------------------------------------------ claims
    def claims(self) -> None:
        actor_kind = {
            a: _get(_items(self.data, "actors")[i], "kind") for a, i in self.actors.items()
        }
        # a map that dates its claims dates every claim of a person, faction or institution;
        # a map with no date at all (made in another tool) needs none
        dated = any(_get(c, "date") is not None for c in self.claim_list)
        source = _get(self.data, "source")
        needs_quotes = _get(source, "text") is not None if source is not None else False
        for i, c in enumerate(self.claim_list):
            if not isinstance(c, dict) and not hasattr(c, "kind"):
                continue
            for actor, loc in _actors_with_places(c, i):
                self._unknown(
                    "unknown-actor",
                    "actor",
                    actor,
                    self.actors,
                    loc,
                    f"no actor has the id {actor!r}",
                )
            if (
                dated
                and _get(c, "date") is None
                and any(actor_kind.get(a or "") in DATED_ACTOR_KINDS for a in _actors(c))
            ):
                self.add(
                    "missing-date",
                    "a claim needs the date its actor held or stated it",
                    ("claims", i),
                    "no date",
                    "date: YYYY or YYYY-MM (only the author's claims may omit it)",
                )
            topics_of = _get(c, "topics")
            for j, t in enumerate(topics_of if isinstance(topics_of, list) else []):
                self._unknown(
                    "unknown-topic",
                    "topic",
                    _hashable_str(t),
                    self.topics,
                    ("claims", i, "topics", j),
                    f"no topic has the id {t!r}",
                )
            chapter = _hashable_str(_get(c, "chapter"))
            self._unknown(
                "unknown-chapter",
                "chapter",
                chapter,
                self.chapters,
                ("claims", i, "chapter"),
                f"the source declares no chapter {chapter!r}",
            )
            quotes = _items(c, "quotes")
            if needs_quotes and not quotes and _get(c, "quotes") in (None, []):
                self.add(
                    "empty-quote",
                    "a claim of a map with a source text needs a quote",
                    ("claims", i, "quotes"),
                    "no quotes",
                    "at least one quote from the source text",
                )
            for j, q in enumerate(quotes):
                speaker = _hashable_str(_get(q, "speaker"))
                self._unknown(
                    "unknown-actor",
                    "actor",
                    speaker,
                    self.actors,
                    ("claims", i, "quotes", j, "speaker"),
                    f"the quote's speaker {speaker!r} is not an actor",
                )

    # ------------------------------------------------------------ relations
    def relations(self) -> None:
        seen: dict[tuple, int] = {}
        # the links an undercut may attack: any relation but an undercut, a symmetric one
        # read both ways
        links: set[tuple[str | None, str | None]] = set()
        for r in _items(self.data, "relations"):
            linked = RELATION.get(_hashable_str(_get(r, "kind")) or "")
            if linked is None or linked.needs_reason:
                continue
            ends = (_hashable_str(_get(r, "source")), _hashable_str(_get(r, "target")))
            links.add(ends)
            if linked.symmetric:
                links.add(ends[::-1])
        for i, r in enumerate(_items(self.data, "relations")):
            if not isinstance(r, dict) and not hasattr(r, "kind"):
                continue
            src, tgt, kind, reason = (
                _hashable_str(_get(r, k)) for k in ("source", "target", "kind", "reason")
            )
            for field, cid in (("source", src), ("target", tgt), ("reason", reason)):
                self._unknown(
                    "unknown-claim",
                    "claim",
                    cid,
                    self.claim_ids,
                    ("relations", i, field),
                    f"the relation's {field} {cid!r} is not a claim",
                )
            if src is None or tgt is None or kind is None:
                continue
            if src == tgt:
                self.add(
                    "self-relation",
                    f"{kind!r} relates the claim {src!r} to itself",
                    ("relations", i, "target"),
                    repr(tgt),
                    "a different claim",
                )
                continue
            key = relation_key(src, tgt, kind, reason)
            if key in seen:
                self.add(
                    "duplicate-relation",
                    f"{src} {kind} {tgt} is stated twice",
                    ("relations", i),
                    f"relations[{i}]",
                    f"one statement (first at relations[{seen[key]}])",
                )
            else:
                seen[key] = i
            rk = RELATION.get(kind)
            if rk is None or src not in self.claim_ids or tgt not in self.claim_ids:
                continue  # an unknown kind or claim is reported already
            if rk.needs_reason and reason in self.claim_ids and (reason, tgt) not in links:
                self.add(
                    "undercut-reason",
                    f"no relation links {reason!r} to {tgt!r}",
                    ("relations", i, "reason"),
                    repr(reason),
                    f"a claim with a relation (e.g. `supports`) to {tgt!r}",
                )
            self._ends(
                i, rk, self.claim_list[self.claim_ids[src]], self.claim_list[self.claim_ids[tgt]]
            )

    def _ends(self, i: int, rk: RelationKind, a: Any, b: Any) -> None:
        """The claims at both ends fit the relation's kind (actors, dates, target kind);
        an unknown actor or kind is reported already, so nothing is compared for it."""
        for message, got, expected, at in mismatches(rk, a, b, self.actors):
            self.add("relation-mismatch", message, ("relations", i, *at), got, expected)


def mismatches(
    rk: RelationKind, a: Any, b: Any, actors: Container[str] | None = None
) -> list[tuple[str, str, str, tuple]]:
    """How the claims ``a`` (source) and ``b`` (target) do not fit a relation of kind ``rk``:
    (message, got, expected, where) for each rule of the vocabulary they break.  With
    several actors on a claim (a joint act), "one actor" means the two claims share one,
    "two actors" that the source's actors are not all the target's.  The map generators
    of the tests use this too, so they draw only relations the model accepts."""
    kind = rk.name
    out: list[tuple[str, str, str, tuple]] = []
    sa, sb = _actors(a), _actors(b)
    who = f"{'+'.join(map(str, sa))} {kind} {'+'.join(map(str, sb))}"
    known = actors is None or all(x in actors for x in (*sa, *sb))
    if rk.same_actor is True and known and not set(sa) & set(sb):
        out.append(
            (
                f"`{kind}` must link two claims of one actor",
                who,
                "the same actor at both ends (use `contradicts` otherwise)",
                (),
            )
        )
    elif rk.not_earlier and known and _earlier(_date(a), _date(b)):
        out.append(
            (
                f"the source predates the claim it {kind}",
                f"{_get(a, 'date')} {kind} {_get(b, 'date')}",
                "the source dated no earlier than the target",
                (),
            )
        )
    if rk.same_actor is False and known and set(sa) <= set(sb):
        out.append(
            (
                f"`{kind}` must link claims of two different actors",
                who,
                "another actor's claim (use `revises` or `elaborates`)",
                (),
            )
        )
    target_kind = _hashable_str(_get(b, "kind"))
    if rk.target_kind and target_kind != rk.target_kind and target_kind in CLAIM_KINDS:
        out.append(
            (
                f"`{kind}` must point at a {rk.target_kind}",
                f"a {target_kind}",
                f"a claim of kind {rk.target_kind}",
                ("target",),
            )
        )
    return out


def _actors(claim: Any) -> list[str | None]:
    """A claim's actors, from raw data (``actor`` or ``actors``) or a model."""
    many = _get(claim, "actors")
    if isinstance(many, (list, tuple)):
        return [_hashable_str(x) for x in many]
    one = _get(claim, "actor")
    return [_hashable_str(one)] if one is not None else []


def _actors_with_places(claim: Any, i: int) -> list[tuple[str | None, tuple]]:
    """Each actor a claim names, with where it stands (for messages)."""
    if isinstance(claim, dict) and "actor" in claim:
        return [(_hashable_str(claim["actor"]), ("claims", i, "actor"))]
    return [(a, ("claims", i, "actors", j)) for j, a in enumerate(_actors(claim))]


def _earlier(a: str | None, b: str | None) -> bool:
    """True when both dates are known and ``a`` is before ``b``."""
    return a is not None and b is not None and a < b


def _date(claim: Any) -> str | None:
    """A claim's date as sortable text, or None when it is absent or malformed."""
    date = _get(claim, "date")
    if isinstance(date, int) and not isinstance(date, bool):
        date = str(date)  # YAML reads a bare year as a number
    return date if isinstance(date, str) and _DATE.match(date) else None
