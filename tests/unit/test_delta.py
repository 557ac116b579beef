"""JSON Patch deltas: applying the patch from A to B to A gives B, for any two maps."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import map_data

from arguments.store import delta


@settings(max_examples=150, deadline=None)
@given(map_data(), map_data())
def test_the_patch_from_one_map_to_another_rebuilds_it(a, b):
    ops = delta.make(a, b)
    assert delta.apply(a, ops) == b
    assert delta.unpack(delta.pack(ops)) == ops


@settings(max_examples=150, deadline=None)
@given(map_data(), st.data())
def test_a_small_change_makes_a_small_patch(a, data):
    if not a["claims"]:
        return
    i = data.draw(st.integers(0, len(a["claims"]) - 1))
    b = {**a, "claims": [dict(c) for c in a["claims"]]}
    b["claims"][i]["text"] = "changed"
    ops = delta.make(a, b)
    assert delta.apply(a, ops) == b
    assert len(ops) <= 1


@pytest.mark.parametrize(
    ("old", "new", "n_ops"),
    [
        ({"claims": [1, 2, 3]}, {"claims": [1, 2, 3]}, 0),
        ({"claims": [1, 2, 3]}, {"claims": [1, 3]}, 1),
        ({"claims": [1, 2, 3]}, {"claims": [0, 1, 2, 3, 4]}, 2),
        ({"claims": [1, 2, 3]}, {"claims": [3, 2, 1]}, 4),
        ({"claims": []}, {"claims": [1]}, 1),
        ({"source": {"title": "a"}}, {"source": {"title": "b"}}, 1),
        ({"source": {"title": "a"}, "x": 1}, {"source": {"title": "a"}}, 1),
        ({"a/b": 1, "c~d": [1]}, {"a/b": 2, "c~d": [1], "e": None}, 2),
    ],
)
def test_table_of_patches(old, new, n_ops):
    before = copy.deepcopy(old)
    ops = delta.make(old, new)
    assert delta.apply(old, ops) == new
    assert len(ops) == n_ops
    assert old == before  # apply leaves its input alone


def test_apply_refuses_unknown_operations():
    with pytest.raises(ValueError):
        delta.apply({"claims": [1]}, [{"op": "move", "path": "/claims/0", "from": "/x"}])
