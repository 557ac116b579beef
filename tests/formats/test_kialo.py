"""Kialo's plain-text discussion format (arguments/kialo.py), read back by a strict parser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gen import make_map
from hostile import hostile_map_yaml

from arguments.analysis.trees import support_tree
from arguments.formats.kialo import MAX_CLAIM, default_claim
from arguments.formats.kialo import write as to_kialo
from arguments.loader import load_map, load_text

ROOT = Path(__file__).resolve().parents[2]
MINI = load_map(ROOT / "tests" / "fixtures" / "mini.yaml")
LINE = re.compile(r"^((?:\d+\.)+) (?:(Pro|Con): )?(.+)$")


def parse_kialo(text: str) -> dict[str, tuple[str | None, str]]:
    """Kialo's export format, strictly: the title, a blank line, then numbered claims whose
    number extends their parent's; returns {number: (stance, text)}."""
    lines = text.rstrip("\n").split("\n")
    assert lines[0].startswith("Discussion Title: ") and lines[1] == ""
    claims: dict[str, tuple[str | None, str]] = {}
    for line in lines[2:]:
        m = LINE.match(line)
        assert m, f"not a Kialo line: {line!r}"
        number, stance, body = m.groups()
        parent = number[: number[:-1].rfind(".") + 1]
        if number == "1.":
            assert stance is None and not claims
        else:
            assert stance in ("Pro", "Con") and parent in claims, line
            siblings = [k for k in claims if k[: k[:-1].rfind(".") + 1] == parent and k != "1."]
            assert int(number[:-1].rsplit(".", 1)[-1]) == len(siblings) + 1
        if body.startswith("-> See "):
            assert body[len("-> See ") :] in claims
        assert len(body) <= MAX_CLAIM
        claims[number] = (stance, body)
    return claims


@pytest.fixture(scope="module")
def hostile():
    return load_text(hostile_map_yaml(), "h.yaml")


@pytest.fixture(scope="module")
def generated():
    return make_map(200, 400, seed=2)


@pytest.mark.parametrize(
    "a_map,claim",
    [
        ("mini", None),
        ("essay", None),
        ("essay", "postulate-4"),
        ("hostile", None),
        ("generated", None),
    ],
    indirect=["a_map"],
)
def test_the_discussion_is_well_formed_kialo(a_map, claim):
    parse_kialo(to_kialo(a_map, claim))


def test_pro_and_con_follow_the_relations():
    claims = parse_kialo(to_kialo(MINI, "author-verdict"))
    assert claims["1."][1].startswith("Lenin came round to Trotsky's view.")
    assert claims["1.1."] == ("Pro", "All power to the Soviets. (Lenin, 1917-04)")
    assert claims["1.2."][0] == "Con"  # the undercut
    assert claims["1.2."][1].startswith("The revolution will set up")


def test_every_claim_of_the_support_tree_is_in_the_discussion(essay_map):
    root = default_claim(essay_map)
    claims = parse_kialo(to_kialo(essay_map))
    tree = support_tree(essay_map, root, max_depth=8)
    assert len(claims) == tree.size
    texts = " ".join(t for _, t in claims.values())
    for _, node in tree.walk():
        if not node.repeated:
            assert " ".join(essay_map.claim(node.claim).text.split())[:60] in texts


def test_without_a_claim_the_thesis_is_discussed(essay_map):
    thesis = next(c for c in essay_map.claims if c.kind == "thesis")
    assert default_claim(essay_map) == thesis.id
    assert to_kialo(essay_map).startswith(f"Discussion Title: {' '.join(thesis.text.split())}")
