"""Reading Kialo's discussion export (the text :mod:`.writer` writes) into a map's raw data.

Contract: :func:`read(text, filename)` returns ``YMap``/``YList`` data with the
line and column of each claim, for :func:`arguments.loader.build`, or raises
:class:`~arguments.errors.MapError` with the code ``kialo-syntax`` at the first line
whose numbering is broken (a number that does not continue its parent's, a claim
without ``Pro:`` or ``Con:``, a ``-> See`` link to no claim).  The format::

    Discussion Title: Should we ...?

    1. The thesis
    1.1. Pro: a reason for it
    1.1.1. Con: an objection to the reason
    1.2. Con: -> See 1.1.1.

Each numbered line is a claim (the thesis of kind ``thesis``, the others
``position``), all in one chapter; a ``Pro:`` claim ``supports`` the claim its
number extends, a ``Con:`` claim ``attacks`` it, to any depth; ``-> See N.`` puts the
claim numbered N there too (its relation, no new claim).  A line without a number
continues the claim above.  Kialo names no actor and no date: the claims are
unattributed.  :func:`looks_like` tells such a text from prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from ...errors import MapError, Problem, short
from ..raw import Ids, append, items, put, record, slug
from ..yaml.reader import YList, YMap

_LINE = re.compile(r"^((?:\d+\.)+)[ \t]+(?:(Pro|Con):[ \t]*)?(.*)$")
_TITLE = re.compile(r"^Discussion Title:[ \t]*(.*)$")
_SEE = re.compile(r"^->[ \t]*See[ \t]+((?:\d+\.)+)[ \t]*$")
_CHILD = re.compile(r"^1\.\d+\.[ \t]+(Pro|Con):", re.M)
STANCE = {"Pro": "supports", "Con": "attacks"}
MAIN = "main"
Pos = tuple[int, int]


def looks_like(text: str) -> bool:
    """True for a Kialo discussion: ``Discussion Title:`` first, or a thesis ``1.`` with
    a ``1.1. Pro:`` or ``Con:`` below it."""
    lines = [ln for ln in text.lstrip("\ufeff").splitlines()[:60] if ln.strip()]
    if not lines:
        return False
    if _TITLE.match(lines[0].strip()):
        return True
    return lines[0].startswith("1. ") and bool(_CHILD.search("\n".join(lines)))


def read(text: str, filename: str = "<kialo>") -> YMap:
    """The raw data of a map from a Kialo discussion, or MapError (kialo-syntax)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    problems: list[Problem] = []

    def fail(pos: Pos, message: str, got: str, expected: str) -> None:
        problems.append(
            Problem("kialo-syntax", message, filename, *pos, got=got, expected=expected)
        )

    title: tuple[str, Pos] | None = None
    #: number -> [text, where it stands, stance, the number it extends]
    entries: dict[str, list] = {}
    children: dict[str, int] = {}  # number -> how many claims extend it so far
    last: str | None = None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        found = _LINE.match(line)
        if found is None:
            heading = _TITLE.match(line.strip())
            if heading and title is None and not entries:
                title = (heading.group(1).strip(), (n, 1))
            elif last is not None:  # a claim that runs over several lines
                entries[last][0] += "\n" + line.strip()
            else:
                fail((n, 1), "a Kialo discussion starts with its thesis", short(line), "1. thesis")
                break
            continue
        number, stance, body = found.groups()
        parent = number[: number[:-1].rfind(".") + 1]
        expected = _next_numbers(last or "", children)
        if last is None and number != "1.":
            fail((n, 1), "the first claim is the thesis, numbered 1.", repr(number), "1.")
            break
        if number not in expected:
            fail(
                (n, 1),
                "the numbering is broken: a claim's number extends its parent's by the next count",
                repr(number),
                " or ".join(expected),
            )
            break
        if parent and stance is None:
            fail(
                (n, len(number) + 2),
                "a claim under another is Pro: or Con:",
                short(body),
                "Pro: or Con:",
            )
            break
        children[parent] = children.get(parent, 0) + 1
        entries[number] = [body.strip(), (n, found.start(3) + 1), stance, parent]
        last = number
    if not entries and not problems:
        fail((1, 1), "the discussion holds no claim", short(text[:40]), "1. thesis")
    if problems:
        raise MapError(problems)
    data = _build(entries, title, filename, fail)
    if problems:
        raise MapError(problems)
    return data


def _next_numbers(last: str, children: dict[str, int]) -> list[str]:
    """The numbers that may follow ``last``: its first child, then the next sibling of it
    and of each of its ancestors."""
    if not children:
        return ["1."]
    out = [f"{last}1."]
    number = last
    while number:
        parent = number[: number[:-1].rfind(".") + 1]
        out.append(f"{parent}{children.get(parent, 0) + 1}.")
        number = parent
    return out


def _build(
    entries: dict[str, list],
    title: tuple[str, Pos] | None,
    filename: str,
    fail: Callable[[Pos, str, str, str], None],
) -> YMap:
    """The map of the numbered claims: claims, then the relation of each to its parent."""
    ids = Ids("claim")
    claim_of: dict[str, str] = {}
    claims: YList = items((1, 1))
    for number, (body, pos, _, parent) in entries.items():
        if _SEE.match(body):
            continue
        claim_of[number] = ids.of(slug(body, 50) or "claim")
        kind = "position" if parent else "thesis"
        c = record(pos, id=claim_of[number], kind=kind, text=body, chapter=MAIN)
        append(claims, c, pos)

    def claim(number: str) -> str | None:
        """The claim a number stands for: its own, or the one its -> See names."""
        link = _SEE.match(entries[number][0]) if number in entries else None
        return claim_of.get(link.group(1)) if link else claim_of.get(number)

    relations: YList = items((1, 1))
    seen: set[tuple[str, str, str]] = set()
    for number, (body, pos, stance, parent) in entries.items():
        if not parent:
            continue
        source = claim(number)
        if source is None:
            fail(
                pos, "-> See names no claim of the discussion", short(body), "-> See N. of a claim"
            )
            continue
        target, kind = claim(parent), STANCE[stance]
        if target is None or source == target or (source, target, kind) in seen:
            continue  # under a link, or a link to itself or twice: nothing to add
        seen.add((source, target, kind))
        append(relations, record(pos, source=source, target=target, kind=kind), pos)
    name = title[0] if title and title[0] else PurePath(filename).stem or "Kialo discussion"
    where = title[1] if title else (1, 1)
    chapters = items(where, [(record(where, id=MAIN, title=name), where)])
    out = YMap((1, 1))
    put(out, "source", record(where, title=name, chapters=chapters), where)
    put(out, "claims", claims, (1, 1))
    put(out, "relations", relations, (1, 1))
    return out
