"""The typed map: what each model accepts and refuses, one behaviour per test."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from pydantic import ValidationError

from arguments.formats.yaml import parse
from arguments.kinds import ACTOR_KINDS, CLAIM_KINDS
from arguments.loader import load_map
from arguments.models import Map, Postulate, Prediction, Quote, Relation

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"


@pytest.fixture(scope="module")
def data() -> dict:
    return parse(MINI.read_text("utf-8"), "mini.yaml")


def errors(raw) -> list[tuple[str, tuple]]:
    with pytest.raises(ValidationError) as info:
        Map.model_validate(raw)
    return [(e["type"], tuple(e["loc"])) for e in info.value.errors()]


def with_claim(data: dict, i: int, **changes) -> dict:
    raw = copy.deepcopy(dict(data))
    raw["claims"] = [dict(c) for c in data["claims"]]
    raw["claims"][i].update(changes)
    for key, value in changes.items():
        if value is None:
            del raw["claims"][i][key]
    return raw


def test_mini_is_valid(data):
    m = Map.model_validate(data)
    assert len(m.claims) == 6 and len(m.relations) == 6


def test_the_kind_field_picks_the_claim_model(data):
    m = Map.model_validate(data)
    assert isinstance(m.claim("t-proletarian-dictatorship"), Postulate)
    assert isinstance(m.claim("t-war-revolution"), Prediction)


def test_a_bare_year_read_by_yaml_as_a_number_is_a_date(data):
    m = Map.model_validate(data)
    c = m.claim("t-proletarian-dictatorship")
    assert data["claims"][0]["date"] == 1906 and c.date == "1906" and c.year == 1906


@pytest.mark.parametrize("date,sort", [("1917", "1917-00"), ("1917-04", "1917-04")])
def test_a_bare_year_sorts_before_its_months(data, date, sort):
    m = Map.model_validate(with_claim(data, 2, date=date))
    assert m.claim("l-april-theses").sort_date == sort


@pytest.mark.parametrize(
    "date", ["1917-4", "1917-13", "17", "April 1917", "1917-04-01", True, 1917.5, "0917"]
)
def test_a_date_must_be_yyyy_or_yyyy_mm(data, date):
    assert errors(with_claim(data, 2, date=date)) == [
        ("bad-date", ("claims", 2, "position", "date"))
    ]


@pytest.mark.parametrize("number", [1, 5])
def test_a_postulate_number_runs_from_1_to_5(data, number):
    assert Map.model_validate(with_claim(data, 0, number=number)).claims[0].number == number


@pytest.mark.parametrize(
    "number,etype",
    [
        (0, "greater_than_equal"),
        (6, "less_than_equal"),
        (True, "int_type"),
        ("4", "int_type"),
        (4.0, "int_type"),
    ],
)
def test_a_postulate_number_is_a_whole_number_not_text_or_yes(data, number, etype):
    assert errors(with_claim(data, 0, number=number)) == [
        (etype, ("claims", 0, "postulate", "number"))
    ]


def test_a_postulate_without_number_is_refused(data):
    assert errors(with_claim(data, 0, number=None)) == [
        ("missing", ("claims", 0, "postulate", "number"))
    ]


def test_only_a_postulate_has_a_number(data):
    assert errors(with_claim(data, 1, number=2)) == [
        ("extra_forbidden", ("claims", 1, "position", "number"))
    ]


def test_an_unknown_claim_kind_is_a_union_tag_error(data):
    assert errors(with_claim(data, 1, kind="prophecy"))[0][0] == "union_tag_invalid"


@pytest.mark.parametrize("text", ["", "  ", "...", "\u2026", ' "" ', ". . ."])
def test_a_quote_needs_words(text):
    with pytest.raises(ValidationError) as info:
        Quote(text=text)
    assert info.value.errors()[0]["type"] == "empty-quote"


def test_a_quote_of_words_with_an_elision_is_fine():
    assert Quote(text="the proletariat ... a workers' democracy").text.startswith("the")


def test_a_claim_needs_a_quote_when_the_map_names_its_source_text(data):
    raw = with_claim(data, 1, quotes=[])
    Map.model_validate(raw)  # no text named: a map made in another tool may have no quotes
    raw["source"] = {**raw["source"], "text": "essay.txt"}
    assert errors(raw) == [("empty-quote", ("claims", 1, "quotes"))]


@pytest.mark.parametrize(
    "actors,credited", [(["trotsky"], "Trotsky"), (["lenin", "trotsky"], "Lenin and Trotsky")]
)
def test_a_joint_claim_is_credited_to_all_its_actors(data, actors, credited):
    raw = with_claim(data, 0, actor=None, actors=actors)
    raw["relations"] = []  # (lenin adopting a claim that is his own too is refused)
    c = Map.model_validate(raw).claim(raw["claims"][0]["id"])
    assert (c.actors, c.joint, Map.model_validate(raw).credited(c)) == (
        actors,
        len(actors) > 1,
        credited,
    )


def test_actor_and_actors_together_are_refused(data):
    assert [code for code, _ in errors(with_claim(data, 0, actors=["lenin"]))] == ["bad-value"]


def test_a_claim_without_an_actor_is_credited_to_an_added_unattributed_actor(data):
    raw = with_claim(data, 2, actor=None, date=None)
    raw["relations"] = []
    m = Map.model_validate(raw)
    assert m.claims[2].actors == ["unattributed"]
    assert m.actor_index["unattributed"].kind == "unattributed"


@pytest.mark.parametrize(
    "kind,reason,ok",
    [
        ("undercuts", "a", True),
        ("undercuts", None, False),
        ("supports", "a", False),
        ("supports", None, True),
    ],
)
def test_only_an_undercut_names_a_reason_and_it_must(kind, reason, ok):
    make = lambda: Relation(source="x", target="y", kind=kind, reason=reason)  # noqa: E731
    if ok:
        assert make().reason == reason
    else:
        with pytest.raises(ValidationError) as info:
            make()
        assert info.value.errors()[0]["type"] == "undercut-reason"


@pytest.mark.parametrize(
    "chapter_id,ok",
    [
        ("I", True),
        ("conclusion", True),
        ("part-2", True),
        ("part two", False),
        ("-I", False),
        ("", False),
    ],
)
def test_chapter_ids_are_letters_digits_and_hyphens(data, chapter_id, ok):
    raw = copy.deepcopy(dict(data))
    raw["source"] = {"title": "t", "chapters": [{"id": chapter_id, "title": "x"}]}
    raw["claims"] = [dict(c, chapter=chapter_id or "x") for c in data["claims"]]
    if ok:
        assert Map.model_validate(raw).source.chapters[0].id == chapter_id
    else:
        assert errors(raw)[0][1] == ("source", "chapters", 0, "id")


def test_the_after_validator_reports_every_cross_reference_at_once(data):
    raw = with_claim(data, 1, actor="lenni")
    raw["claims"][2]["topics"] = ["wars"]
    assert sorted(t for t, _ in errors(raw)) == ["unknown-actor", "unknown-topic"]


def test_a_map_is_frozen(data):
    m = Map.model_validate(data)
    with pytest.raises(ValidationError):
        m.claims[0].text = "changed"


def test_look_ups_by_id(data):
    m = Map.model_validate(data)
    assert m.actor_name("lenin") == "Lenin" and m.actor_name("nobody") == "nobody"
    assert m.topic_label("war") == "War"
    assert m.source.chapter_title("II") == "After"
    assert m.quote_count == 6


@pytest.mark.parametrize(
    "cid, credited",
    [
        ("war-1914", "as reported by the author"),  # an event with no agent but the narration
        ("author-verdict", "The author"),  # the author's own judgement
        ("t-proletarian-dictatorship", "Trotsky"),
    ],
)
def test_a_claim_is_credited_to_its_agent_not_to_the_narrator(data, cid, credited):
    m = Map.model_validate(data)
    assert m.credited(m.claim(cid)) == credited


def test_there_is_one_claim_model_per_claim_kind_of_the_vocabulary():
    union = Map.model_fields["claims"].annotation.__args__[0]
    models = union.__origin__.__args__ if hasattr(union, "__origin__") else union.__args__
    kinds = [m.model_fields["kind"].annotation.__args__[0] for m in models]
    assert kinds == list(CLAIM_KINDS)


def test_actor_kinds_come_from_the_vocabulary():
    from arguments.models import Actor

    assert Actor.model_fields["kind"].annotation.__args__ == ACTOR_KINDS


def test_the_loader_and_the_models_agree_on_mini():
    assert load_map(MINI) == Map.model_validate(parse(MINI.read_text("utf-8"), "mini.yaml"))
