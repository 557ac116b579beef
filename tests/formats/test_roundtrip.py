"""Nothing lost: JSON -> import -> JSON and YAML -> JSON -> YAML give the same map.

Generated maps (hypothesis, texts with any character a user can type), the
mini map and, when it is present and valid, the bundled claims.yaml.
The Argdown round trip is tested with the Argdown writer (tests/test_argdown.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import map_data

from arguments.errors import MapError
from arguments.formats import json as json_format
from arguments.formats import yaml as yaml_format
from arguments.loader import load_map, load_text
from arguments.models import Map

HERE = Path(__file__).resolve().parents[1]
MINI = HERE / "fixtures" / "mini.yaml"
BUNDLED = HERE.parent / "claims.yaml"

ROUNDS = settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def json_round(m: Map) -> Map:
    return load_text(json_format.write(m), "export.json")


def yaml_round(m: Map) -> Map:
    return load_text(yaml_format.write(m), "export.yaml")


def assert_json_round_trip(m: Map) -> None:
    text = json_format.write(m)
    back = load_text(text, "export.json")
    assert back == m
    assert back.model_dump() == m.model_dump()  # every field, defaults included
    assert json_format.write(back) == text


def assert_yaml_json_yaml(m: Map) -> None:
    text = yaml_format.write(m)
    from_yaml = load_text(text, "map.yaml")
    via_json = json_round(from_yaml)
    assert via_json == from_yaml == m
    assert yaml_format.write(via_json) == text


@ROUNDS
@given(map_data())
def test_generated_maps_go_json_import_json_unchanged(data):
    assert_json_round_trip(Map.model_validate(data))


@ROUNDS
@given(map_data())
def test_generated_maps_go_yaml_json_yaml_unchanged(data):
    assert_yaml_json_yaml(Map.model_validate(data))


def test_the_json_export_starts_with_the_schema_and_omits_nothing_set():
    m = load_map(MINI)
    data = json.loads(json_format.write(m))
    assert next(iter(data)) == "schema" and data["schema"] == "argmap/2"
    assert data["relations"][1]["note"] == "In substance, not in name."
    assert data["claims"][0]["number"] == 4 and data["claims"][0]["date"] == "1906"


@pytest.mark.parametrize("round_trip", [assert_json_round_trip, assert_yaml_json_yaml])
def test_the_mini_map_survives_both_round_trips(round_trip):
    round_trip(load_map(MINI))


@pytest.fixture(scope="module")
def bundled() -> Map:
    if not BUNDLED.exists():
        pytest.skip("claims.yaml is not written yet")
    try:
        return load_map(BUNDLED)
    except MapError as exc:
        pytest.skip(f"claims.yaml does not load yet: {exc.summary()}")


@pytest.mark.parametrize("round_trip", [assert_json_round_trip, assert_yaml_json_yaml])
def test_the_bundled_map_survives_both_round_trips(bundled, round_trip):
    round_trip(bundled)


TRICKY = [
    "a: b",
    "- item",
    "# not a comment",
    "yes",
    "1917",
    "1917-04-01",
    "~",
    "",
    "  leading and trailing  ",
    "two\nlines\n",
    "ends with newline\n",
    "\ttab",
    "NEL\u0085inside",
    "line\u2028separator",
    "quote ' and \" both",
    "{not: flow}",
    "*alias &anchor !tag",
    "%directive",
    "@at `tick`",
    "long " * 80,
    "\x1b[31mred",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_yaml_writer_keeps_texts_that_look_like_yaml(text):
    m = load_map(MINI)
    m2 = m.model_copy(
        update={"source": m.source.model_copy(update={"description": text, "title": text or "x"})}
    )
    back = yaml_round(m2)
    assert (back.source.description, back.source.title) == (text, text or "x")
