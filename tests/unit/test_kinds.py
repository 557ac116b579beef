"""The vocabulary (arguments/kinds.py): one row per kind, complete, and documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from arguments import kinds
from arguments.kinds import CLAIMS, RELATION, RELATIONS, relation_key

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_table(heading: str) -> list[str]:
    text = README.read_text("utf-8")
    start = text.index(heading)
    table = text[start:].split("\n\n", 2)[1]
    return re.findall(r"^\|\s*`([a-z-]+)`\s*\|", table, re.M)


def test_the_readme_lists_every_claim_kind_in_the_vocabulary_order():
    assert readme_table("### Claim kinds") == list(kinds.CLAIM_KINDS)


def test_the_readme_lists_every_relation_kind_in_the_vocabulary_order():
    assert readme_table("### Relation kinds and their direction") == list(kinds.RELATION_KINDS)


@pytest.mark.parametrize("rk", RELATIONS, ids=lambda k: k.name)
def test_each_relation_kind_is_drawn_read_and_exchanged(rk):
    assert {"color", "style", "penwidth"} <= set(rk.style)
    assert rk.reads_out and rk.reads_in and rk.means and rk.direction
    assert rk.aif in ("RA", "CA", "MA")
    assert rk.kialo in (None, "Pro", "Con")
    assert (rk.kialo is not None) == rk.in_tree  # a tree's relation is a Pro or a Con
    assert not (rk.reason and rk.objection)
    assert not (rk.agreement and rk.disagreement)


@pytest.mark.parametrize("ck", CLAIMS, ids=lambda k: k.name)
def test_each_claim_kind_has_a_shape_and_a_timeline_mark(ck):
    assert ck.shape["shape"] and ck.shape_word and ck.mark


def test_timeline_marks_are_distinct_so_a_kind_keeps_its_shape():
    marks = [k.mark for k in CLAIMS]
    assert len(set(marks)) == len(marks)


@pytest.mark.parametrize(
    "kind,symmetric",
    [("agrees", True), ("contradicts", True), ("supports", False), ("adopts", False)],
)
def test_a_symmetric_relation_is_the_same_relation_both_ways(kind, symmetric):
    same = relation_key("a", "b", kind) == relation_key("b", "a", kind)
    assert same == symmetric == RELATION[kind].symmetric


def test_only_relations_that_point_back_in_time_are_drawn_backwards():
    assert {"adopts", "revises", "confirms", "disconfirms"} == kinds.BACKWARD


def test_each_kind_has_its_own_mark_and_glyph():
    from arguments.kinds import CLAIMS, MARK_GLYPHS

    assert len({k.mark for k in CLAIMS}) == len(CLAIMS)
    assert len({k.glyph for k in CLAIMS}) == len(CLAIMS)
    assert set(MARK_GLYPHS) == {k.mark for k in CLAIMS}
