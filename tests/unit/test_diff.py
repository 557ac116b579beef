"""Diffs between two maps: table-driven cases, and a student's map against the teacher's."""

from __future__ import annotations

import copy

import pytest

from arguments.analysis.diff import describe, diff, item_id, marks, text_report
from arguments.store.check import canonical
from arguments.store.edits import Edit, apply

BASE = {
    "source": {"title": "T", "author": "unknown", "description": "", "chapters": []},
    "actors": [{"id": "a", "name": "A", "kind": "person", "description": ""}],
    "topics": [{"id": "t", "label": "T", "description": ""}],
    "claims": [
        {"id": "c1", "kind": "position", "actors": ["a"], "text": "one", "chapter": "I"},
        {"id": "c2", "kind": "position", "actors": ["a"], "text": "two", "chapter": "I"},
    ],
    "relations": [{"source": "c1", "target": "c2", "kind": "supports"}],
}


def changed(**kw) -> dict:
    d = copy.deepcopy(BASE)
    for path, value in kw.items():
        section, index, name = path.split("__")
        d[section][int(index)][name] = value
    return d


CASES = [
    # (name, new data, expected {section: (added, removed, changed ids)}, message)
    ("nothing", BASE, {}, "no change"),
    (
        "claim text",
        changed(claims__0__text="uno"),
        {"claims": ((), (), ("c1",))},
        "changed the text of c1",
    ),
    (
        "claim text and date",
        changed(claims__0__text="uno", claims__0__date="1917"),
        {"claims": ((), (), ("c1",))},
        "changed the text and date of c1",
    ),
    (
        "added claim",
        {**BASE, "claims": [*BASE["claims"], {**BASE["claims"][0], "id": "c3"}]},
        {"claims": (("c3",), (), ())},
        "added the claim c3",
    ),
    (
        "deleted claim with its relation",
        {**BASE, "claims": BASE["claims"][1:], "relations": []},
        {"claims": ((), ("c1",), ()), "relations": ((), ("c1 supports c2",), ())},
        "deleted the claim c1 and 1 relation",
    ),
    (
        "relation kind changed: one gone, one new",
        {**BASE, "relations": [{"source": "c1", "target": "c2", "kind": "attacks"}]},
        {"relations": (("c1 attacks c2",), ("c1 supports c2",), ())},
        "added the relation c1 attacks c2; deleted the relation c1 supports c2",
    ),
    (
        "relation note",
        changed(relations__0__note="because"),
        {"relations": ((), (), ("c1 supports c2",))},
        "changed the note of c1 supports c2",
    ),
    (
        "actor renamed",
        changed(actors__0__name="Alpha"),
        {"actors": ((), (), ("a",))},
        "changed the name of a",
    ),
    (
        "topic gone",
        {**BASE, "topics": []},
        {"topics": ((), ("t",), ())},
        "deleted the topic t",
    ),
    (
        "a quote added",
        changed(claims__1__quotes=[{"text": "q"}]),
        {"claims": ((), (), ("c2",))},
        "added a quote to c2",
    ),
]


@pytest.mark.parametrize(("name", "new", "expected", "message"), CASES, ids=[c[0] for c in CASES])
def test_table(name, new, expected, message):
    d = diff(BASE, new)
    for section in ("claims", "relations", "actors", "topics"):
        s = d.section(section)
        got = (
            tuple(item_id(section, i) for i in s.added),
            tuple(item_id(section, i) for i in s.removed),
            tuple(c.id for c in s.changed),
        )
        assert got == expected.get(section, ((), (), ())), section
    assert describe(d) == message
    assert d.empty == (name == "nothing")


def test_a_symmetric_relation_is_the_same_either_way_round():
    a = {**BASE, "relations": [{"source": "c1", "target": "c2", "kind": "contradicts"}]}
    b = {**BASE, "relations": [{"source": "c2", "target": "c1", "kind": "contradicts"}]}
    assert diff(a, b).empty


def test_the_json_form_has_four_sections_each_added_removed_changed():
    d = diff(BASE, changed(claims__0__text="uno"))
    data = d.as_data()
    assert set(data) == {"claims", "relations", "actors", "topics"}
    for section in data.values():
        assert set(section) == {"added", "removed", "changed"}
    assert data["claims"]["changed"] == [
        {"id": "c1", "fields": {"text": {"old": "one", "new": "uno"}}}
    ]


def test_student_against_teacher_on_the_essay_map(essay_map):
    teacher = canonical(essay_map)
    student = copy.deepcopy(teacher)
    gone = teacher["claims"][10]["id"]
    student = apply(student, Edit.delete("claims", gone))
    reworded = student["claims"][20]
    student = apply(
        student, Edit.put("claims", {**reworded, "text": "My own words."}, reworded["id"])
    )
    new_claim = {**teacher["claims"][30], "id": "student-own-reading", "text": "A reading."}
    student = apply(student, Edit.put("claims", new_claim))
    rel = student["relations"][0]
    flipped = {**rel, "kind": "attacks" if rel["kind"] != "attacks" else "supports"}
    flipped.pop("reason", None)
    student = apply(student, Edit.put("relations", flipped, item_id("relations", rel)))
    d = diff(teacher, student)
    assert [c["id"] for c in d.claims.removed] == [gone]
    assert [c["id"] for c in d.claims.added] == ["student-own-reading"]
    assert [(c.id, list(c.fields)) for c in d.claims.changed] == [(reworded["id"], ["text"])]
    lost = [r for r in teacher["relations"] if gone in (r["source"], r["target"], r.get("reason"))]
    assert len(d.relations.removed) == len(lost) + 1
    assert len(d.relations.added) == 1
    assert marks(d) == {
        gone: "removed",
        "student-own-reading": "added",
        reworded["id"]: "changed",
    }
    report = text_report(d, "teacher", "student")
    assert report.startswith("--- teacher\n+++ student\n")
    assert f"  - {gone}:" in report and "  + student-own-reading:" in report
    assert diff(teacher, teacher).empty
