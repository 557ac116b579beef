"""Is this a map the store may keep?  The loader's checks, in the loader's words.

Contract: :func:`validate` takes a map's data (argmap/2, as the editor's forms or a file
give it) and the source text stored with it, and returns a :class:`Checked`: the data in
canonical form (as :func:`arguments.formats.json.to_data` writes a valid map) and the
:class:`~arguments.models.Map`, or raises :class:`~arguments.errors.MapError` with every
problem (codes, paths and messages exactly as ``argmap validate`` gives them; a quote that
is not verbatim in the stored text is ``quote-not-in-source``).  A map whose JSON is over
the loader's size limit is refused as ``file-too-large``.

A map with no claims yet (a map started empty, or whose last claim was deleted) is a
*draft*: its source, actors and topics are checked as they would be in a full map, and
``Checked.map`` is None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..analysis.quotes import QuoteFailure, SourceText
from ..documents import check_text
from ..errors import MapError, Problem
from ..formats.decode import MAX_BYTES
from ..formats.json import to_data
from ..loader import build
from ..models import Map

_PROBE_ACTOR = {"id": "zz-draft-actor", "name": "draft", "kind": "author"}
_PROBE_CLAIM = "zz-draft-claim"


@dataclass(frozen=True)
class Checked:
    data: dict[str, Any]  # canonical, without the "schema" key
    map: Map | None  # None for a draft (no claims)

    @property
    def draft(self) -> bool:
        return self.map is None


def size_of(data: dict[str, Any]) -> int:
    return len(json.dumps(data, ensure_ascii=False).encode())


def _too_large(n: int, filename: str) -> MapError:
    return MapError(
        [
            Problem(
                "file-too-large",
                "the map is too large to store",
                filename,
                got=f"{n:,} bytes",
                expected=f"at most {MAX_BYTES:,} bytes",
            )
        ]
    )


def canonical(m: Map) -> dict[str, Any]:
    return {k: v for k, v in to_data(m).items() if k != "schema"}


def validate(
    data: dict[str, Any],
    text: str | SourceText | None,
    filename: str = "<map>",
    *,
    checked_quotes: set[str] | None = None,
) -> Checked:
    """The data checked and in canonical form, or MapError listing every problem.

    ``checked_quotes``: quote texts known to stand in ``text`` (those of the version an edit
    is made on): only the others are looked up."""
    n = size_of(data)
    if n > MAX_BYTES:
        raise _too_large(n, filename)
    body = {k: v for k, v in data.items() if k != "schema"}
    if not body.get("claims") and isinstance(body.get("claims", []), list):
        return _draft(body, filename)
    m = build(body, filename)
    if text is not None and m.source.text:
        src = text if isinstance(text, SourceText) else SourceText(text)
        failures = new_failures(m, src, checked_quotes or set())
        check_text(m, src.raw, filename, lambda: json.dumps(body, indent=2), "json", failures)
    return Checked(canonical(m), m)


def quote_texts(data: dict[str, Any]) -> set[str]:
    """Every quote text of a map's data (claims' and relations')."""
    out = {q.get("text", "") for c in data.get("claims") or [] for q in c.get("quotes") or []}
    out |= {(r.get("quote") or {}).get("text", "") for r in data.get("relations") or []}
    return out


def new_failures(m: Map, src: SourceText, known: set[str]) -> list[QuoteFailure]:
    """The quotes of ``m`` not verbatim in the source, looking up only those not ``known``."""
    failures = []
    for i, c in enumerate(m.claims):
        for j, q in enumerate(c.quotes):
            if q.text not in known and not src.find(q.text):
                path = f"claims[{i}].quotes[{j}]"
                failures.append(QuoteFailure(c.id, j, q.text, src.nearest(q.text), path))
    for i, r in enumerate(m.relations):
        if r.quote and r.quote.text not in known and not src.find(r.quote.text):
            where = f"{r.source}->{r.target}"
            failures.append(
                QuoteFailure(
                    where, 0, r.quote.text, src.nearest(r.quote.text), f"relations[{i}].quote"
                )
            )
    return failures


def _draft(body: dict[str, Any], filename: str) -> Checked:
    """A map without claims: checked with a stand-in claim (and actor) whose own problems
    are not the user's."""
    actors = body.get("actors")
    first = actors[0].get("id") if isinstance(actors, list) and actors else None
    if not isinstance(first, str):
        first = None
    probe_actors = list(actors) if isinstance(actors, list) and actors else [_PROBE_ACTOR]
    source = body.get("source")
    chapters = source.get("chapters") if isinstance(source, dict) else None
    chapter = "zz"
    if isinstance(chapters, list) and chapters and isinstance(chapters[0], dict):
        chapter = str(chapters[0].get("id") or "zz")
    claim = {
        "id": _PROBE_CLAIM,
        "kind": "interpretation",
        "actors": [first or _PROBE_ACTOR["id"]],
        "chapter": chapter,
        "text": "draft",
        "quotes": [{"text": "draft"}],
    }
    probe = {**body, "actors": probe_actors, "claims": [claim]}
    try:
        m = build(probe, filename)
    except MapError as err:
        own = [
            p
            for p in err.problems
            if not p.path.startswith("claims[0]")
            and not (actors in (None, []) and p.path.startswith("actors["))
        ]
        if own:
            raise MapError(own, err.omitted) from None
        raise  # pragma: no cover - only the stand-in's problems: cannot happen
    data = canonical(m)
    data["claims"] = []
    data["relations"] = []
    if not actors:
        data["actors"] = []
    return Checked(data, None)
