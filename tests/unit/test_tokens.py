"""Share-link tokens: long enough, kept as hashes, told apart from ids, and bad ones slowed."""

from __future__ import annotations

from arguments.store import parse_ref, share_url
from arguments.store.tokens import (
    FREE_TRIES,
    MAX_DELAY,
    Throttle,
    digest,
    looks_like_token,
    new_token,
    same,
)


def test_a_token_has_at_least_128_random_bits_and_is_url_safe():
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    for t in tokens:
        assert len(t) * 6 >= 128 and looks_like_token(t)
        assert t.replace("-", "").replace("_", "").isalnum()


def test_a_token_never_starts_like_a_command_line_option(monkeypatch):
    drawn = iter(["-" + "a" * 42, "_" + "b" * 42, "c" * 43])
    monkeypatch.setattr("arguments.store.tokens.secrets.token_urlsafe", lambda n: next(drawn))
    assert new_token() == "c" * 43  # the two that start with - or _ are drawn again


def test_only_a_hash_is_kept_and_compared_in_constant_time():
    t = new_token()
    h = digest(t)
    assert len(h) == 64 and t not in h
    assert same(h, digest(t)) and not same(h, digest(t + "x"))


def test_links_and_references():
    t = new_token()
    assert share_url(t, "edit", "http://h:1") == f"http://h:1/edit?map={t}"
    assert share_url(t, "view", "http://h:1/") == f"http://h:1/?map={t}"
    assert parse_ref(share_url(t, "edit")).token == t
    assert parse_ref(t).token == t
    ref = parse_ref("store:abc123@7")
    assert (ref.map_id, ref.version, ref.token) == ("abc123", 7, None)
    assert parse_ref("http://h/?map=short") is None
    assert parse_ref("nonsense") is None
    assert not looks_like_token("abc123") and not looks_like_token("x" * 20)


def test_repeated_bad_tokens_from_one_session_are_slowed_down():
    slept: list[float] = []
    th = Throttle(sleep=slept.append)
    for _ in range(FREE_TRIES):
        assert th.wait("s1") == 0
        th.missed("s1")
    delays = []
    for _ in range(8):
        delays.append(th.wait("s1"))
        th.missed("s1")
    assert delays[0] > 0 and delays == sorted(delays) and max(delays) == MAX_DELAY
    assert slept == delays
    assert th.wait("s2") == 0  # another session is not slowed
    th.passed("s1")
    assert th.wait("s1") == 0  # a good token forgets the misses
