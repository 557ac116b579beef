"""Hypothesis strategies for argument maps: valid maps, hostile texts, broken YAML.

Contract: :func:`map_data` draws the plain data (dicts and lists) of a map that
obeys every rule of :mod:`arguments.models` and :mod:`arguments.crossref`, so
``Map.model_validate(data)`` accepts it; texts may hold any Unicode character a
user could type (quotes, backslashes, braces, markup, right-to-left marks,
emoji, line breaks).  :func:`mutations` draws edits that break a YAML text in
the ways people and tools break files.  Shared by test_fuzz and test_roundtrip.
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

from arguments import kinds
from arguments.crossref import mismatches
from arguments.kinds import CLAIM_KINDS, RELATION, RELATION_KINDS, relation_key

ACTOR_KINDS = tuple(k for k in kinds.ACTOR_KINDS if k in kinds.DATED_ACTOR_KINDS)

# letters and the characters that mean something to YAML, JSON, DOT, HTML or a terminal
_SPICE = "\"'\\{}[]<>&:#-|>!%@*`,?\n\t \u00a0\u202e\u200f\u2026\u201c\u201d\u2014😀"
_chars = st.one_of(
    st.sampled_from(string.ascii_letters + string.digits + _SPICE),
    st.characters(blacklist_categories=("Cs",)),  # any character but lone surrogates
)

#: a text field: at least one character that is not white space
text = st.text(_chars, min_size=1, max_size=40).filter(lambda s: s.strip())
#: a quote: must hold a word, not just dots, quotes and blanks
quote_text = text.filter(lambda s: s.strip(" .\u2026\n\t\"'\u201c\u201d"))
slug = st.from_regex(r"\A[a-z0-9]{1,6}(?:-[a-z0-9]{1,4}){0,2}\Z")
chapter_id = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9-]{0,5}\Z")
date = st.one_of(
    st.integers(1850, 2030).map(str),
    st.tuples(st.integers(1850, 2030), st.integers(1, 12)).map(lambda ym: f"{ym[0]}-{ym[1]:02d}"),
)


def _sort(date_: str) -> str:
    return date_ if len(date_) == 7 else date_ + "-00"


# One piece: a Hypothesis composite draws the whole map from one `draw`, in the order the
# model reads it, so that shrinking keeps the cross-references valid.
@st.composite
def map_data(draw, max_claims: int = 8, max_relations: int = 14) -> dict:
    """The plain data of a valid map."""
    actor_ids = draw(st.lists(slug, min_size=1, max_size=4, unique=True))
    author = draw(st.sampled_from(actor_ids)) if draw(st.booleans()) else None
    actors = []
    for a in actor_ids:
        actor = {
            "id": a,
            "name": draw(text),
            "kind": "author" if a == author else draw(st.sampled_from(ACTOR_KINDS)),
        }
        if draw(st.booleans()):
            actor["description"] = draw(st.one_of(st.just(""), text))
        actors.append(actor)
    topic_ids = draw(st.lists(slug, min_size=1, max_size=3, unique=True))
    topics = [{"id": t, "label": draw(text)} for t in topic_ids]
    chapter_ids = draw(st.lists(chapter_id, max_size=3, unique=True))
    source = {"title": draw(text)}
    if draw(st.booleans()):
        source.update(author=draw(text), description=draw(st.one_of(st.just(""), text)))
    if chapter_ids:
        source["chapters"] = [{"id": c, "title": draw(text)} for c in chapter_ids]

    claims = []
    claim_ids = draw(st.lists(slug, min_size=1, max_size=max_claims, unique=True))
    for cid in claim_ids:
        kind = draw(st.sampled_from(CLAIM_KINDS))
        actor = draw(st.sampled_from(actor_ids))
        claim = {"id": cid, "kind": kind, "actor": actor}
        if kind == "postulate":
            claim["number"] = draw(st.integers(1, 5))
        if actor != author or draw(st.booleans()):
            claim["date"] = draw(date)
        claim["text"] = draw(text)
        claim["topics"] = draw(st.lists(st.sampled_from(topic_ids), min_size=1, max_size=2))
        claim["chapter"] = draw(st.sampled_from(chapter_ids)) if chapter_ids else draw(chapter_id)
        claim["quotes"] = []
        for _ in range(draw(st.integers(1, 2))):
            q = {"text": draw(quote_text)}
            if draw(st.booleans()):
                q["cites"] = draw(text)
            if draw(st.booleans()):
                q["speaker"] = draw(st.sampled_from(actor_ids))
            claim["quotes"].append(q)
        claims.append(claim)

    by_id = {c["id"]: c for c in claims}
    relations: list[dict] = []
    seen: set = set()
    supports: set[tuple[str, str]] = set()
    n = len(claim_ids)
    wanted = draw(
        st.lists(
            st.tuples(
                st.integers(0, n - 1),
                st.integers(0, n - 1),
                st.sampled_from(RELATION_KINDS),
                st.integers(0, 7),
            ),
            max_size=max_relations if n > 1 else 0,
        )
    )
    for i, j, kind, extra in wanted:
        s, t = claim_ids[i], claim_ids[j]
        a, b = by_id[s], by_id[t]
        if s == t:
            continue
        rel = {"source": s, "target": t, "kind": kind}
        if mismatches(RELATION[kind], a, b):  # the vocabulary's rules for the two ends
            continue
        if RELATION[kind].needs_reason:
            reasons = sorted(r for r, tg in supports if tg == t)
            if not reasons:
                continue
            rel["reason"] = reasons[extra % len(reasons)]
        key = relation_key(s, t, kind)
        if key in seen:
            continue
        seen.add(key)
        if kind == "supports":
            supports.add((s, t))
        if extra % 3 == 0:
            rel["note"] = draw(text)
        if extra % 4 == 1:
            rel["quote"] = {"text": draw(quote_text)}
        relations.append(rel)
    data = {"source": source, "actors": actors, "topics": topics, "claims": claims}
    if relations or draw(st.booleans()):
        data["relations"] = relations
    return data


# ------------------------------------------------------------------ broken YAML
_YAML_NOISE = ":-[]{}&*!|>'\"#%@`,?~\t\n \\\x00\x85\ufeff\u2028"

#: a scalar of another type, to swap in for a value
other_value = st.sampled_from(
    [
        "[]",
        "{}",
        "[a, b]",
        "{a: 1}",
        "~",
        "null",
        "yes",
        "no",
        "true",
        "0",
        "-1",
        "6",
        "1.5",
        ".nan",
        ".inf",
        "0x1F",
        "1917-04-01",
        "''",
        '""',
        "*x",
        "&x y",
        "!!str 1",
        "!!binary aGk=",
        "!!python/name:os.system",
        "|",
        ">-",
        "? a",
        "- - -",
        "9" * 30,
    ]
)


@st.composite
def mutated(draw, text_: str) -> str:
    """``text_`` with one to four edits of the kinds that break files."""
    t = text_
    for _ in range(draw(st.integers(1, 4))):
        lines = t.split("\n")
        op = draw(
            st.sampled_from(
                [
                    "char",
                    "insert",
                    "delete",
                    "dup-line",
                    "drop-line",
                    "swap-lines",
                    "indent",
                    "dedent",
                    "swap-value",
                    "truncate",
                ]
            )
        )
        if op == "char" and t:
            i = draw(st.integers(0, len(t) - 1))
            t = t[:i] + draw(st.sampled_from(_YAML_NOISE) | st.characters()) + t[i + 1 :]
        elif op == "insert":
            i = draw(st.integers(0, len(t)))
            t = t[:i] + draw(st.text(st.sampled_from(_YAML_NOISE), min_size=1, max_size=4)) + t[i:]
        elif op == "delete" and t:
            i = draw(st.integers(0, len(t) - 1))
            t = t[:i] + t[i + draw(st.integers(1, 30)) :]
        elif op == "truncate" and t:
            t = t[: draw(st.integers(0, len(t) - 1))]
        elif op in ("dup-line", "drop-line", "indent", "dedent") and lines:
            i = draw(st.integers(0, len(lines) - 1))
            if op == "dup-line":
                lines.insert(i, lines[i])
            elif op == "drop-line":
                del lines[i]
            elif op == "indent":
                lines[i] = "  " + lines[i]
            else:
                lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
            t = "\n".join(lines)
        elif op == "swap-lines" and len(lines) > 1:
            i = draw(st.integers(0, len(lines) - 2))
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
            t = "\n".join(lines)
        elif op == "swap-value":
            with_value = [k for k, ln in enumerate(lines) if ": " in ln]
            if with_value:
                k = draw(st.sampled_from(with_value))
                head = lines[k].split(": ", 1)[0]
                lines[k] = f"{head}: {draw(other_value)}"
                t = "\n".join(lines)
    return t


#: plain data of any shape: what a broken or foreign file may parse into
any_data = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "source",
                    "actors",
                    "topics",
                    "claims",
                    "relations",
                    "id",
                    "kind",
                    "actor",
                    "date",
                    "text",
                    "topics",
                    "chapter",
                    "quotes",
                    "number",
                    "source",
                    "target",
                    "reason",
                    "note",
                    "quote",
                    "title",
                    "chapters",
                    "name",
                    "label",
                    "schema",
                    "speaker",
                    "cites",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)
