"""Share-link tokens: made at random, kept only as a hash, compared in constant time.

Contract: :func:`new_token` returns a URL-safe token of 256 random bits (``secrets``),
drawn again when it would start with "-" or "_" (about 255.9 bits remain);
:func:`digest` is what the store keeps of it (SHA-256, hex); :func:`same` compares two
digests in constant time.  :func:`looks_like_token` tells a token from a map id.  A token is
never logged, printed in an error or stored as it is.

:class:`Throttle` slows down repeated bad tokens from one session: after
:data:`FREE_TRIES` misses, each further attempt waits twice as long as the one before (up to
:data:`MAX_DELAY` seconds); a good token forgets the misses.  It is kept in memory, per
process, keyed by whatever names a session (the app uses Streamlit's session id).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Callable

TOKEN_BYTES = 32  # 256 bits (at least 128 are required)
FREE_TRIES = 3
MAX_DELAY = 8.0
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{22,128}$")


def new_token() -> str:
    """A fresh token that starts with a letter or digit: one starting with "-" would be
    taken for an option on a command line (``argmap store save -Xy… FILE``)."""
    while True:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        if token[0].isalnum():
            return token


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def looks_like_token(value: str) -> bool:
    return bool(_TOKEN_RE.match(value)) and len(value) >= 40


class Throttle:
    """Per-session back-off for bad tokens (see the module doc)."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep) -> None:
        self._misses: dict[str, int] = {}
        self._lock = threading.Lock()
        self._sleep = sleep

    def delay(self, who: str) -> float:
        """How long the next attempt of ``who`` waits, in seconds."""
        with self._lock:
            n = self._misses.get(who, 0)
        if n < FREE_TRIES:
            return 0.0
        return min(MAX_DELAY, 0.25 * 2 ** (n - FREE_TRIES))

    def wait(self, who: str) -> float:
        d = self.delay(who)
        if d:
            self._sleep(d)
        return d

    def missed(self, who: str) -> None:
        with self._lock:
            self._misses[who] = self._misses.get(who, 0) + 1
            if len(self._misses) > 10_000:  # forget the oldest sessions
                for k in list(self._misses)[:5_000]:
                    del self._misses[k]

    def passed(self, who: str) -> None:
        with self._lock:
            self._misses.pop(who, None)
