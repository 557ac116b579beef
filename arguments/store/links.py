"""Share links and the names of stored maps.

Contract: :func:`share_url` makes a map's link from its token: the edit link opens the Edit
page (``BASE/edit?map=TOKEN``), the view link the Map page (``BASE/?map=TOKEN``); ``BASE``
is ``$ARGMAP_URL`` (the address the app is served at), by default ``http://localhost:8501``.
:func:`parse_ref` reads what a user names a stored map by: ``store:ID``, ``store:ID@N``, a
share link, or a bare token.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from .tokens import looks_like_token

URL_VAR = "ARGMAP_URL"
DEFAULT_URL = "http://localhost:8501"
QUERY_KEY = "map"  # the query parameter that carries a link's token
_REF = re.compile(r"^store:([a-z0-9]{1,32})(?:@(\d{1,9}))?$")


def base_url() -> str:
    return (os.environ.get(URL_VAR) or DEFAULT_URL).rstrip("/")


def share_url(token: str, access: str, base: str | None = None) -> str:
    root = (base or base_url()).rstrip("/")
    page = "/edit" if access == "edit" else "/"
    return f"{root}{page}?{QUERY_KEY}={token}"


@dataclass(frozen=True)
class Ref:
    """A stored map as named: by its id (``store:ID``, optionally ``@N``), or by a token."""

    map_id: str | None = None
    version: int | None = None
    token: str | None = None


def parse_ref(value: str) -> Ref | None:
    """What ``value`` names, or None when it names no stored map."""
    value = value.strip()
    m = _REF.match(value)
    if m:
        return Ref(m.group(1), int(m.group(2)) if m.group(2) else None)
    if "://" in value or value.startswith(("/", "?")):
        got = parse_qs(urlsplit(value).query).get(QUERY_KEY)
        return Ref(token=got[0]) if got and looks_like_token(got[0]) else None
    if looks_like_token(value):
        return Ref(token=value)
    return None
