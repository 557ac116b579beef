"""Building a map's raw data with positions, for the readers of other tools' formats.

Contract: the readers of Argdown, AIF and Kialo build the same raw data as our
YAML reader gives (:class:`~arguments.formats.yaml.YMap` and
:class:`~arguments.formats.yaml.YList` that remember where each key, value and
item stands in the file they read), so that :func:`arguments.loader.build`
validates every format alike and points each problem at the file's line and
column.  :func:`put` and :func:`put_from` set a key with its position,
:func:`record` makes a mapping from pairs, :func:`items` a list; :func:`slug`
and :class:`Ids` turn another tool's titles into our ids (slugs, unique).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from .yaml.reader import YList, YMap

Pos = tuple[int, int]

#: what a map's ids may be (the models' pattern): a slug, or a chapter's letters and digits
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def put(target: YMap, key: str, value: Any, pos: Pos) -> None:
    """``target[key] = value``, both standing at ``pos``."""
    target[key] = value
    target.keypos[key] = pos
    target.valpos[key] = pos


def put_from(target: YMap, key: str, source: YMap, skey: str) -> None:
    """``target[key] = source[skey]``, keeping where the source has it."""
    target[key] = source[skey]
    target.keypos[key] = source.keypos.get(skey, source.pos)
    target.valpos[key] = source.valpos.get(skey, source.pos)


def record(pos: Pos, **fields: Any) -> YMap:
    """A mapping standing at ``pos`` whose fields (those not None) stand there too."""
    out = YMap(pos)
    for key, value in fields.items():
        if value is not None:
            put(out, key, value, pos)
    return out


def items(pos: Pos, values: Iterable[tuple[Any, Pos]] = ()) -> YList:
    """A list standing at ``pos`` of (value, where it stands) pairs."""
    out = YList(pos)
    for value, at in values:
        out.append(value)
        out.itempos.append(at)
    return out


def append(target: YList, value: Any, pos: Pos) -> None:
    target.append(value)
    target.itempos.append(pos)


def places(values: list, pos: Pos) -> list[Pos]:
    """Where each item of a list stands (a plain list, read without positions: at ``pos``)."""
    return list(getattr(values, "itempos", None) or [pos] * len(values))


def get(obj: Any, key: str) -> Any:
    """``obj[key]`` if ``obj`` is a mapping, else None."""
    return obj.get(key) if isinstance(obj, dict) else None


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text)) and len(text) <= 120


def slug(text: str, limit: int = 60) -> str:
    """A slug of ``text`` (lower-case ASCII letters and digits joined by hyphens), cut at a
    word boundary to at most ``limit`` characters; '' when nothing of it is ASCII."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = _NOT_SLUG.sub("-", plain.lower()).strip("-")
    if len(out) > limit:
        cut = out[: limit + 1]
        out = cut[: cut.rfind("-")] if "-" in cut else out[:limit]
    return out.strip("-")


class Ids:
    """Unique ids for titles: the title itself when it is a free slug (an id our own export
    wrote), else its slug, else ``fallback-N``; a taken id gets ``-2``, ``-3``..."""

    def __init__(self, fallback: str, limit: int = 60):
        self.fallback = fallback
        self.limit = limit
        self.taken: set[str] = set()

    def take(self, wanted: str) -> str:
        """``wanted`` (already a valid id) or the next free ``wanted-N``."""
        out, n = wanted, 1
        while out in self.taken:
            n += 1
            out = f"{wanted}-{n}"
        self.taken.add(out)
        return out

    def of(self, title: str) -> str:
        if is_slug(title) and title not in self.taken:
            return self.take(title)
        return self.take(slug(title, self.limit) or f"{self.fallback}-{len(self.taken) + 1}")
