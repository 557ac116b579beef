"""The share links of a stored map: revoke one, make a new one, tell which are live.

Contract: :class:`Sharing` is the part of :class:`~arguments.store.core.Store` that manages
links (a base class: the store supplies its connections and its grant check).  Only an edit
grant may revoke or re-issue; a new link's token is returned once and kept only as a hash.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

import sqlalchemy as sa

from . import tokens
from .records import ACCESS, Grant, StoreError, now
from .schema import links


class Sharing:
    """Links: :meth:`reissue`, :meth:`revoke`, :meth:`live_links`."""

    def _writer(self) -> AbstractContextManager[sa.Connection]:
        raise NotImplementedError

    def _reader(self) -> AbstractContextManager[sa.Connection]:
        raise NotImplementedError

    def _check(self, grant: Grant, write: bool = False) -> None:
        raise NotImplementedError

    def reissue(self, grant: Grant, access: str) -> str:
        """Revoke the map's ``access`` link and make a new one; returns its token."""
        self._check(grant, write=True)
        if access not in ACCESS:
            raise StoreError(f"a link gives edit or view access, not {access!r}")
        token = tokens.new_token()
        with self._writer() as conn:
            self._revoke(conn, grant.map_id, access)
            conn.execute(
                links.insert().values(
                    token_hash=tokens.digest(token),
                    map_id=grant.map_id,
                    access=access,
                    created_at=now(),
                )
            )
        return token

    def revoke(self, grant: Grant, access: str) -> None:
        """Revoke the map's ``access`` link: its token opens nothing any more."""
        self._check(grant, write=True)
        if access not in ACCESS:
            raise StoreError(f"a link gives edit or view access, not {access!r}")
        with self._writer() as conn:
            self._revoke(conn, grant.map_id, access)

    def _revoke(self, conn: sa.Connection, map_id: str, access: str) -> None:
        conn.execute(
            links.update()
            .where(links.c.map_id == map_id, links.c.access == access, links.c.revoked_at.is_(None))
            .values(revoked_at=now())
        )

    def live_links(self, grant: Grant) -> dict[str, bool]:
        """Which of the map's links are live (not revoked): {"edit": bool, "view": bool}."""
        self._check(grant)
        with self._reader() as conn:
            rows = conn.execute(
                sa.select(links.c.access).where(
                    links.c.map_id == grant.map_id, links.c.revoked_at.is_(None)
                )
            ).all()
        live = {r.access for r in rows}
        return {a: a in live for a in ACCESS}
