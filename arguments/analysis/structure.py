"""The structure of a source text: chapters, paragraphs, footnote markers and notes.

Contract: :func:`read_structure(text, chapters)` is a pure function of a plain
text (and, to name what it finds, the map's declared chapters) returning a
:class:`Structure`.  Every position is a code-point offset into ``text``.

What it recognises, in the plain-text form of a typeset essay (it makes no
other assumption, and a text without any of it is one chapter of paragraphs):

- **Headings** start chapters: ``CHAPTER I`` (or ``PART 2``, ``BOOK III``) with
  the all-capitals title on the next line, a line in capitals alone
  (``PREFACE``, ``INTRODUCTION``) after a blank line, or a Markdown ``# Title``.
  A heading is named after the map's chapter whose id or title it carries
  (``CHAPTER I`` -> ``I``, ``PREFACE`` -> ``preface``, ``A VISION`` -> the
  chapter titled "A Vision"); others get a slug of their own.
- **Paragraphs** are separated by blank lines.  A page break (a footnote block,
  a page-number line, three or more blank lines) does not end a paragraph that
  had not ended a sentence, nor one whose next line starts in lower case.
- **Footnote blocks** start at a line of twenty or more spaces; each note at a
  line ``N. text``; the block ends at a blank line, a heading or a line that
  starts with a space and text (the next page).
- **Markers** are numbers glued to a word or punctuation (``changed."5``),
  kept when they rise in order (a marker is never more than five beyond the
  previous one), so that a year or a page number in the text is not taken for one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..text import slug

_RULE = re.compile(r"^[ \t]{20,}$")
_NOTE = re.compile(r"^ ?(\d{1,3})\.\s")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_NUMBERED = re.compile(r"^\s*(CHAPTER|PART|BOOK)\s+([IVXLC]+|\d+)\.?\s*$", re.I)
_CAPITALS = re.compile(r"^\s*[A-Z][A-Z'\u2019 .,:;&-]{2,60}\s*$")
_MARKDOWN = re.compile(r"^#{1,3}\s+(\S.*?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"[.?!][\"'\u201d\u2019)\]]*\d{0,3}\s*$")
_MARKER = re.compile(r"(?<=[A-Za-z.,;:!?\"')\]\u201d\u2019])(\d{1,3})(?=\s|$)")


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    heading: tuple[int, int]  # the heading's text ((0, 0) for text before any heading)
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    chapter: str
    number: int  # 1, 2, ... within its chapter
    pieces: tuple[tuple[int, int], ...]  # its lines' text, page breaks left out

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def chars(self, text: str) -> int:
        """Its characters, not counting whitespace."""
        return sum(len("".join(text[a:b].split())) for a, b in self.pieces)


@dataclass(frozen=True)
class Note:
    number: int
    chapter: str
    pieces: tuple[tuple[int, int], ...]  # the note's text, without its number

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(frozen=True)
class Marker:
    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Structure:
    text: str
    chapters: tuple[Chapter, ...]
    paragraphs: tuple[Paragraph, ...]
    notes: dict[int, Note]
    markers: tuple[Marker, ...]
    _para_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _marker_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._para_starts.extend(p.start for p in self.paragraphs)
        self._marker_starts.extend(k.start for k in self.markers)

    def chapter_at(self, offset: int) -> Chapter | None:
        for c in self.chapters:
            if c.start <= offset < c.end:
                return c
        return None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph whose text holds ``offset`` (None in a heading, a note, a gap)."""
        i = bisect.bisect_right(self._para_starts, offset) - 1
        if i < 0:
            return None
        p = self.paragraphs[i]
        return p if any(a <= offset < b for a, b in p.pieces) else None

    def note_at(self, offset: int) -> Note | None:
        for n in self.notes.values():
            if any(a <= offset < b for a, b in n.pieces):
                return n
        return None

    def marker_after(self, offset: int, slack: int = 4) -> Marker | None:
        """The footnote marker at ``offset`` or after a little closing punctuation."""
        i = bisect.bisect_left(self._marker_starts, offset)
        if i < len(self.markers):
            k = self.markers[i]
            between = self.text[offset : k.start]
            if len(between) <= slack and not any(ch.isalnum() or ch.isspace() for ch in between):
                return k
        return None

    def markers_in(self, start: int, end: int) -> list[Marker]:
        i = bisect.bisect_left(self._marker_starts, start)
        j = bisect.bisect_left(self._marker_starts, end)
        return list(self.markers[i:j])

    def in_chapter(self, chapter_id: str) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.chapter == chapter_id]

    def chapter(self, chapter_id: str) -> Chapter | None:
        return next((c for c in self.chapters if c.id == chapter_id), None)


def _heading_id(words: list[str], declared: list[tuple[str, str]], taken: set[str]) -> str:
    keys = {w.strip().lower() for w in words if w.strip()}
    for cid, title in declared:
        if cid.lower() in keys or title.lower() in keys:
            return cid
    base = slug(" ".join(w for w in words if w.strip())) or "chapter"
    cid, n = base, 2
    while cid in taken:
        cid, n = f"{base}-{n}", n + 1
    return cid


def _title(words: list[str], declared: list[tuple[str, str]], cid: str) -> str:
    for did, title in declared:
        if did == cid:
            return title
    return " ".join(w.strip() for w in words if w.strip()).title()


def read_structure(text: str, chapters: list[tuple[str, str]] | None = None) -> Structure:
    """The chapters, paragraphs, notes and markers of ``text``; ``chapters`` are the
    map's declared chapters as (id, title), used only to name the headings found."""
    declared = list(chapters or [])
    lines: list[tuple[int, int, str]] = []  # (start, end without newline, line)
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1

    heads: list[tuple[str, str, tuple[int, int], int]] = []  # id, title, heading span, body start
    paragraphs: list[tuple[str, list[tuple[int, int]]]] = []
    notes: dict[int, tuple[str, list[tuple[int, int]]]] = {}
    chapter = ""
    current: list[tuple[int, int]] | None = None  # the open paragraph's pieces
    last_line = ""  # the open paragraph's last line
    gap = 0  # blank lines since the last text line
    page_break = False
    in_notes = False
    note: list[tuple[int, int]] | None = None
    taken: set[str] = set()

    def start_chapter(words: list[str], span: tuple[int, int], body: int) -> None:
        nonlocal chapter, current, gap, page_break
        cid = _heading_id(words, declared, taken)
        taken.add(cid)
        heads.append((cid, _title(words, declared, cid), span, body))
        chapter, current, gap, page_break = cid, None, 0, False

    i = 0
    n = len(lines)
    while i < n:
        start, end, line = lines[i]
        stripped = line.strip()
        # ------------------------------------------------------------ footnote blocks
        if in_notes:
            mt = _NOTE.match(line)
            if mt:
                num = int(mt.group(1))
                a = start + mt.end()
                note = [(a, end - (len(line) - len(line.rstrip())))]
                notes.setdefault(num, (chapter, note))
                i += 1
                continue
            if not stripped:
                in_notes, note = False, None
                page_break = True
                gap += 1
                i += 1
                continue
            if line[:1].isspace() or _is_heading(lines, i, declared):
                in_notes, note = False, None
                page_break = True
                # fall through: the line is the next page's text or a heading
            else:
                if note is not None:
                    a = start + (len(line) - len(line.lstrip()))
                    note.append((a, end - (len(line) - len(line.rstrip()))))
                i += 1
                continue
        if _RULE.match(line):
            in_notes, note, page_break = True, None, True
            i += 1
            continue
        if not stripped:
            gap += 1
            i += 1
            continue
        if _PAGE_NUMBER.match(line) and gap:
            page_break = True
            i += 1
            continue
        # ------------------------------------------------------------ headings
        head = _is_heading(lines, i, declared)
        if head:
            words, span, used = head
            body = lines[i + used - 1][1] + 1 if i + used - 1 < n else len(text)
            start_chapter(words, span, body)
            i += used
            continue
        # ------------------------------------------------------------ text
        a = start + (len(line) - len(line.lstrip()))
        b = end - (len(line) - len(line.rstrip()))
        if current is not None and gap == 0 and not page_break:
            current[-1] = (current[-1][0], b)
        elif current is not None and _continues(last_line, stripped, gap, page_break):
            current.append((a, b))
        else:
            current = [(a, b)]
            paragraphs.append((chapter, current))
        last_line = stripped
        gap, page_break = 0, False
        i += 1

    if any(p[0] == "" for p in paragraphs) or not heads:
        heads.insert(0, ("", "", (0, 0), 0))  # text before the first heading
    bounds = [0] + [h[2][0] for h in heads[1:]] + [len(text)]
    chaps = tuple(Chapter(h[0], h[1], h[2], bounds[k], bounds[k + 1]) for k, h in enumerate(heads))
    numbered: list[Paragraph] = []
    count: dict[str, int] = {}
    for cid, pieces in paragraphs:
        count[cid] = count.get(cid, 0) + 1
        numbered.append(Paragraph(cid, count[cid], tuple(pieces)))
    return Structure(
        text,
        chaps,
        tuple(numbered),
        {k: Note(k, c, tuple(p)) for k, (c, p) in sorted(notes.items())},
        tuple(_markers(text, numbered)),
    )


def _continues(last: str, line: str, gap: int, page_break: bool) -> bool:
    """Does a paragraph run on across a gap before ``line``?"""
    if line[:1].islower():
        return True
    return (page_break or gap >= 3) and not _SENTENCE_END.search(last)


def _is_heading(
    lines: list[tuple[int, int, str]], i: int, declared: list[tuple[str, str]]
) -> tuple[list[str], tuple[int, int], int] | None:
    """(words naming it, span of the heading's text, lines used) when line ``i`` heads a
    chapter: a numbered or Markdown heading, a line in capitals naming a declared
    chapter, or another line in capitals after a blank line."""
    start, end, line = lines[i]
    stripped = line.strip()
    a = start + (len(line) - len(line.lstrip()))
    b = end - (len(line) - len(line.rstrip()))
    mt = _MARKDOWN.match(stripped)
    if mt:
        return [mt.group(1)], (a, b), 1
    mt = _NUMBERED.match(line)
    if mt:
        words = [mt.group(2), stripped]
        if i + 1 < len(lines):
            _, e2, nxt = lines[i + 1]
            if nxt.strip() and _CAPITALS.match(nxt) and not _NUMBERED.match(nxt):
                words.append(nxt.strip())
                return words, (a, e2 - (len(nxt) - len(nxt.rstrip()))), 2
        return words, (a, b), 1
    if not _CAPITALS.match(line) or sum(ch.isalpha() for ch in stripped) < 4:
        return None
    if len(stripped.split()) > 6:
        return None
    names = {x.lower() for pair in declared for x in pair}
    if stripped.lower() in names:
        return [stripped], (a, b), 1
    before = lines[i - 1][2] if i else ""
    after = lines[i + 1][2] if i + 1 < len(lines) else ""
    if before.strip() and not _RULE.match(before) and not _NOTE.match(before):
        return None
    if after.strip() and after.strip()[:1].islower():
        return None
    return [stripped], (a, b), 1


def _markers(text: str, paragraphs: list[Paragraph]) -> list[Marker]:
    """Footnote markers in the paragraphs' text, rising in order."""
    out: list[Marker] = []
    last = 0
    for p in paragraphs:
        for a, b in p.pieces:
            for mt in _MARKER.finditer(text, a, b):
                num = int(mt.group(1))
                if last < num <= last + 5:
                    out.append(Marker(num, mt.start(), mt.end()))
                    last = num
    return out
