"""Searching a map: claim ids, postulate numbers, actors, topics, texts and quotes.

Contract: :func:`search` is a pure function of a map and a query returning ranked
:class:`Hit` records, each naming what it found (``id``), the group it belongs to
(``group``: the claim's kind, one of :data:`arguments.kinds.CLAIM_KINDS`) and the
fields that matched with the spans to highlight.  :func:`search_text` finds passages of
a map's source text the same way (group :data:`PASSAGES`), one paragraph per hit, each
with a snippet, its chapter and number, and whether any quote of the map touches it.  :func:`grouped` orders the groups by their best
hit; :func:`group_title` names a group for a heading.

How it ranks: the query's own references come first (a claim id, or a postulate by
number: "postulate 4", "P4", "fourth postulate", "4th postulate", "postulate IV");
then SQLite's FTS5 ranks the claims by BM25 over weighted columns (id, postulate
number and kind, claim text, quotes, actor names, topic labels), every word of the
query required, matched at a word start, ignoring case and accents, with English
stemming ("terms" finds "term").  When no claim holds every word, the claims that hold
some of them follow, marked ``partial``.  "Quoted phrases" stay whole, and so do
hyphenated words ("Brest-Litovsk").  The index is built once per map (in memory,
queried with bound parameters only) and kept while the map lives.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from ..kinds import CLAIM_KINDS
from ..models import Map
from .structure import Paragraph, Structure

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b", re.I)
_OPEN, _CLOSE = "\x02", "\x03"  # highlight markers: control characters no map text holds
_JOIN = "\n\u2029\n"  # between quotes in the quotes column: a separator the tokenizer skips

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
_NUM = r"(\d{1,2}|" + "|".join(NUMBERS + ROMAN) + r")"
_POSTULATE_PATTERNS = (
    re.compile(r"\bpostulates?\s*(?:no\.?|number|#)?\s*" + _NUM + r"\b", re.I),
    re.compile(r"\bp\.?\s?(\d{1,2})\b", re.I),
    re.compile(r"\b(" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+postulate\b", re.I),
)
#: the searched columns and their BM25 weights (a word in a short, weighty column counts more)
COLUMNS = {
    "id": 1.0,
    "kind": 6.0,  # its kind, and a postulate's number in its spoken forms
    "text": 3.0,
    "quotes": 1.0,
    "actors": 6.0,
    "topics": 3.0,
}


@dataclass(frozen=True)
class Match:
    """One field of a hit and the stretches of it the query matched."""

    field: str  # "text", "quote 1", "quote 2", ..., "actors", "topics", "id", "kind"
    text: str  # the whole field, as shown
    spans: tuple[tuple[int, int], ...]  # matched stretches, to highlight


@dataclass(frozen=True)
class Hit:
    """Something the query found: a claim (``group`` is its kind) or a passage of the
    source text (``group`` is :data:`PASSAGES`, ``id`` "CHAPTER/NUMBER")."""

    id: str  # what it points at: a claim id for a claim
    group: str  # the group it is listed under: a claim kind, or another group's name
    score: float  # higher is better; comparable within one search
    matches: tuple[Match, ...] = ()
    exact: bool = False  # the query names it: its id or its postulate number
    partial: bool = False  # holds only some of the query's words
    why: str = ""  # for an exact hit: what in the query named it ("postulate 4")
    chapter: str = ""  # for a passage: its chapter's id
    paragraph: int = 0  # for a passage: its paragraph's number in the chapter
    unquoted: bool = False  # for a passage: no quote of the map touches it

    @property
    def claim(self) -> str:
        return self.id

    def match(self, name: str) -> Match | None:
        return next((x for x in self.matches if x.field == name), None)


@dataclass(frozen=True)
class Query:
    """A query taken apart: the FTS5 terms and the references it makes."""

    terms: tuple[str, ...]  # each a word or a phrase (words separated by spaces), folded
    postulates: tuple[int, ...] = ()  # postulate numbers it names
    words: tuple[str, ...] = ()  # the raw words, for the id lookup


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text``."""
    base = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in base if not unicodedata.combining(ch)).casefold()


def _number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w.isdigit():
        return int(w)
    for table in (NUMBERS, ORDINALS, ROMAN):
        if w in table:
            return table.index(w) + 1
    digits = re.match(r"(\d{1,2})(?:st|nd|rd|th)$", w)
    return int(digits.group(1)) if digits else None


def parse_query(query: str) -> Query:
    """The terms of a query: quoted phrases and hyphenated words whole, other words split;
    and the postulates it names by number."""
    posts: list[int] = []
    for pattern in _POSTULATE_PATTERNS:
        for mt in pattern.finditer(query):
            n = _number(mt.group(1))
            if n is not None and n not in posts:
                posts.append(n)
    text = _POSSESSIVE.sub("", query)
    terms: list[str] = []
    for phrase in _PHRASE.findall(text):
        words = _WORD.findall(fold(phrase))
        if words:
            terms.append(" ".join(words))
    rest = _PHRASE.sub(" ", text).replace('"', " ")
    for chunk in rest.split():
        words = _WORD.findall(fold(chunk))
        if words:
            terms.append(" ".join(words))
    return Query(tuple(dict.fromkeys(terms)), tuple(posts), tuple(rest.split()))


def postulate_words(n: int) -> str:
    """The ways a reader names postulate ``n``: "postulate 4 p4 fourth 4th iv four"."""
    words = [f"postulate {n}", f"p{n}", f"{n}{_SUFFIX.get(n if n < 20 else n % 10, 'th')}"]
    if 1 <= n <= len(ORDINALS):
        words += [ORDINALS[n - 1], NUMBERS[n - 1], ROMAN[n - 1]]
    return " ".join(words)


# ------------------------------------------------------------------ the index
class _Fts:
    """An in-memory SQLite database with one FTS5 table, queried under a lock with bound
    parameters only (an expression FTS5 refuses finds nothing)."""

    def __init__(self, table: str, columns: str, rows: list[tuple]) -> None:
        self.lock = threading.Lock()
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        marks = ", ".join("?" for _ in range(columns.count(",") + 2))
        self.db.executemany(f"INSERT INTO {table} (rowid, {columns}) VALUES ({marks})", rows)

    def run(self, sql: str, expression: str, limit: int) -> list[tuple]:
        with self.lock:
            try:
                return self.db.execute(sql, (expression, limit)).fetchall()
            except sqlite3.OperationalError:  # an expression FTS5 refuses: no hits
                return []


_KEPT: dict[tuple[str, int], _Fts] = {}


def _kept(owner: object, build: Callable[[], _Fts]) -> _Fts:
    """The index of ``owner`` (a map, a text's structure), built on first use and dropped
    when the owner is."""
    key = (type(owner).__name__, id(owner))
    found = _KEPT.get(key)
    if found is None:
        found = _KEPT[key] = build()
        weakref.finalize(owner, _KEPT.pop, key, None)
    return found


class _Index(_Fts):
    """An in-memory FTS5 table of a map's claims (one row per claim, in map order)."""

    def __init__(self, m: Map) -> None:
        self.ids = [c.id for c in m.claims]
        self.quotes = [[q.text for q in c.quotes] for c in m.claims]
        rows = [(i, *self.row(m, c)) for i, c in enumerate(m.claims)]
        super().__init__("claims", ", ".join(COLUMNS), rows)
        self.weights = ", ".join(str(w) for w in COLUMNS.values())

    @staticmethod
    def row(m: Map, c) -> tuple[str, ...]:
        number = getattr(c, "number", None)
        kind = " ".join(
            [c.kind, postulate_words(number) if c.kind == "postulate" and number else ""]
        ).strip()
        actors = " ".join(m.actor_name(a) for a in c.actors)
        topics = " \u00b7 ".join(m.topic_label(t) for t in c.topics)
        quotes = _JOIN.join(q.text for q in c.quotes)
        return (c.id, kind, c.text, quotes, actors, topics)

    def query(self, expression: str, limit: int) -> list[tuple]:
        marks = ", ".join(
            f"highlight(claims, {i}, '{_OPEN}', '{_CLOSE}')" for i in range(len(COLUMNS))
        )
        sql = (
            f"SELECT rowid, bm25(claims, {self.weights}), {marks} FROM claims "
            f"WHERE claims MATCH ? ORDER BY bm25(claims, {self.weights}) LIMIT ?"
        )
        return self.run(sql, expression, limit)


def index(m: Map) -> _Index:
    """The search index of ``m``, built on first use and dropped when the map is."""
    found = _kept(m, lambda: _Index(m))
    assert isinstance(found, _Index)
    return found


# ------------------------------------------------------------------ searching
def _expression(terms: tuple[str, ...], join: str) -> str:
    """An FTS5 expression of the terms (each a quoted string; only our own operators)."""
    parts = []
    for t in terms:
        words = t.split()
        quoted = " + ".join(f'"{w}"' for w in words)  # a phrase: the words in a row
        parts.append(f"{quoted}*" if len(words) == 1 else quoted)
    return f" {join} ".join(parts)


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Text without highlight markers, and the spans the markers enclosed."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos, start = 0, None
    for ch in marked:
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE:
            if start is not None:
                spans.append((start, pos))
            start = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), spans


def _matches(ix: _Index, row_id: int, marked: tuple[str, ...]) -> tuple[Match, ...]:
    out: list[Match] = []
    for name, column in zip(COLUMNS, marked):
        text, spans = _unmark(column or "")
        if not spans:
            continue
        if name != "quotes":
            out.append(Match(name, text, tuple(spans)))
            continue
        pos = 0
        for i, q in enumerate(ix.quotes[row_id]):
            end = pos + len(q)
            inside = tuple(
                (max(s, pos) - pos, min(e, end) - pos) for s, e in spans if s < end and e > pos
            )
            if inside:
                out.append(Match(f"quote {i + 1}", q, inside))
            pos = end + len(_JOIN)
    order = {"text": 0, "id": 1, "kind": 2, "actors": 3, "topics": 4}
    return tuple(sorted(out, key=lambda x: order.get(x.field, 5)))


def references(m: Map, query: str) -> list[tuple[str, str]]:
    """The claims the query names outright, with how: its id, or a postulate's number."""
    q = parse_query(query)
    out: list[tuple[str, str]] = []
    whole = query.strip().lower()
    if whole in m.claim_index:
        out.append((whole, "its id"))
    for w in q.words:
        w = w.strip(".,;:!?()[]").lower()
        if w in m.claim_index and w != whole:
            out.append((w, "its id"))
    for n in q.postulates:
        for c in m.claims:
            if c.kind == "postulate" and getattr(c, "number", None) == n:
                out.append((c.id, f"postulate {n}"))
    return list(dict.fromkeys(out))


def search(m: Map, query: str, limit: int = 200) -> list[Hit]:
    """Ranked hits for ``query``: what it names outright first, then by BM25."""
    q = parse_query(query)
    named = references(m, query)
    if not q.terms and not named:
        return []
    ix = index(m)
    hits: dict[str, Hit] = {}
    top = float(len(named) + 1)
    for rank, (cid, why) in enumerate(named):
        hits.setdefault(
            cid,
            Hit(cid, m.claim(cid).kind, 1e6 + top - rank, (), exact=True, why=why),
        )
    rows: list[tuple] = []
    partial = False
    if q.terms:
        rows = ix.query(_expression(q.terms, "AND"), limit)
        if not rows and len(q.terms) > 1:
            rows, partial = ix.query(_expression(q.terms, "OR"), limit), True
    for row_id, bm25, *marked in rows:
        cid = ix.ids[row_id]
        found = _matches(ix, row_id, tuple(marked))
        if cid in hits:  # named outright and found by its words: keep the highlights
            h = hits[cid]
            hits[cid] = Hit(h.id, h.group, h.score, found, True, False, h.why)
            continue
        # bm25() is negative, lower is better; a tiny tie-break keeps the map's order
        hits[cid] = Hit(cid, m.claim(cid).kind, -bm25 - row_id * 1e-9, found, partial=partial)
    ranked = sorted(hits.values(), key=lambda h: -h.score)
    return ranked[:limit]


# ------------------------------------------------------------------ passages of the text
PASSAGES = "passages"
#: how many words of a paragraph a passage hit shows around what matched
SNIPPET_WORDS = 40


def paragraph_text(structure: Structure, p: Paragraph) -> str:
    """A paragraph's words as one line: its lines joined, white space collapsed, its
    footnote markers left out (they are not words of the text)."""
    text, parts = structure.text, []
    for a, b in p.pieces:
        for k in structure.markers_in(a, b):
            parts.append(text[a : k.start])
            a = k.end
        parts.append(text[a:b] + " ")
    return " ".join("".join(parts).split())


class _TextIndex(_Fts):
    """An in-memory FTS5 table of a text's paragraphs (one row each, in text order)."""

    def __init__(self, structure: Structure) -> None:
        self.paragraphs = structure.paragraphs
        rows = [(i, paragraph_text(structure, p)) for i, p in enumerate(self.paragraphs)]
        super().__init__("paragraphs", "text", rows)

    def query(self, expression: str, limit: int) -> list[tuple]:
        sql = (
            "SELECT rowid, bm25(paragraphs), "
            f"snippet(paragraphs, 0, '{_OPEN}', '{_CLOSE}', '\u2026', {SNIPPET_WORDS}) "
            "FROM paragraphs WHERE paragraphs MATCH ? ORDER BY bm25(paragraphs) LIMIT ?"
        )
        return self.run(sql, expression, limit)


def text_index(structure: Structure) -> _TextIndex:
    """The search index of a text's paragraphs, built on first use, dropped with it."""
    found = _kept(structure, lambda: _TextIndex(structure))
    assert isinstance(found, _TextIndex)
    return found


def search_text(
    structure: Structure,
    query: str,
    quoted: set[tuple[str, int]] | frozenset[tuple[str, int]] = frozenset(),
    limit: int = 50,
) -> list[Hit]:
    """Ranked paragraphs of the source text holding the query's words (BM25, as claims
    are ranked; the paragraphs holding only some of them when none holds all), each
    with a snippet around what matched; ``quoted`` names the paragraphs, as (chapter,
    number), that some quote of the map touches: the others are marked ``unquoted``."""
    q = parse_query(query)
    if not q.terms:
        return []
    ix = text_index(structure)
    rows, partial = ix.query(_expression(q.terms, "AND"), limit), False
    if not rows and len(q.terms) > 1:
        rows, partial = ix.query(_expression(q.terms, "OR"), limit), True
    out: list[Hit] = []
    for row_id, bm25, marked in rows:
        p = ix.paragraphs[row_id]
        text, spans = _unmark(marked or "")
        out.append(
            Hit(
                f"{p.chapter}/{p.number}",
                PASSAGES,
                -bm25 - row_id * 1e-9,
                (Match("passage", text, tuple(spans)),),
                partial=partial,
                chapter=p.chapter,
                paragraph=p.number,
                unquoted=(p.chapter, p.number) not in quoted,
            )
        )
    return sorted(out, key=lambda h: -h.score)


def grouped(hits: list[Hit]) -> list[tuple[str, list[Hit]]]:
    """The hits by group, the group of the best hit first, each group ranked."""
    groups: dict[str, list[Hit]] = {}
    for h in hits:  # hits come ranked: a group's first hit is its best
        groups.setdefault(h.group, []).append(h)
    return list(groups.items())


def group_title(group: str, n: int = 2) -> str:
    """A heading for a group: "Postulates", "Thesis", "Positions"; another group's name
    as it is, capitalised."""
    if group in CLAIM_KINDS:
        if n == 1:
            return group.capitalize()
        return (group[:-2] + "es" if group.endswith("is") else group + "s").capitalize()
    return group[:1].upper() + group[1:]
