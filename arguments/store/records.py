"""What the store hands out and the ways it refuses: grants, versions, opened maps, errors.

Contract: plain frozen records; :class:`StoreError` and its kinds carry the message to show
the user (:class:`NoSuchMap` says only "no such map", whatever the reason).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..analysis.diff import MapDiff
from ..errors import StoreError
from ..models import Map

ACCESS = ("edit", "view")
NAME_LIMIT = 80


class NoSuchMap(StoreError):
    def __init__(self) -> None:
        super().__init__("no such map")


class ReadOnly(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "this link can only read the map: nothing was changed (ask for its edit link)"
        )


@dataclass(frozen=True)
class Stale(StoreError):
    """An edit made on a version that is no longer the latest."""

    base: int
    head: int
    changes: MapDiff
    by: tuple[str, ...]  # who made the versions since

    def __post_init__(self) -> None:
        who = ", ".join(self.by) or "someone"
        n = self.head - self.base
        super().__init__(
            f"not saved: the map changed since you opened version {self.base} "
            f"({n} newer version{'s' if n != 1 else ''}, by {who}; now version {self.head}). "
            "Look at what changed, then make your change again on the latest version."
        )

    def __str__(self) -> str:  # a frozen dataclass keeps the message in args
        return str(self.args[0]) if self.args else "stale"


@dataclass(frozen=True)
class Grant:
    """What a token (or the CLI on the database) may do with one map."""

    map_id: str
    access: str  # "edit", "view" or "owner"
    _seal: object = field(repr=False, compare=False)

    @property
    def can_edit(self) -> bool:
        return self.access in ("edit", "owner")


@dataclass(frozen=True)
class Version:
    number: int
    created_at: datetime
    author: str
    message: str
    step: str
    base: int | None
    back: int | None
    forward: int | None


@dataclass(frozen=True)
class Opened:
    """One version of a stored map, as read."""

    map_id: str
    title: str
    version: int
    head: int
    data: dict[str, Any]
    map: Map | None  # None for a draft (no claims yet)
    text: str | None
    access: str

    @property
    def latest(self) -> bool:
        return self.version == self.head

    @property
    def key(self) -> str:
        """``store:ID@N``: names this content (cache key, the CLI's way to name it)."""
        return f"store:{self.map_id}@{self.version}"


@dataclass(frozen=True)
class Saved:
    map_id: str
    version: int
    message: str


@dataclass(frozen=True)
class Created:
    map_id: str
    version: int
    edit_token: str
    view_token: str


@dataclass(frozen=True)
class MapInfo:
    id: str
    title: str
    head: int
    created_at: datetime
    updated_at: datetime


def now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def clean_name(who: str) -> str:
    """A display name as kept: trimmed, without control characters, 1-80 characters."""
    name = " ".join(
        "".join(ch for ch in str(who or "") if unicodedata.category(ch)[0] != "C").split()
    )
    if not name:
        raise StoreError("give your name first: every version records who made it")
    return name[:NAME_LIMIT]
