"""Property-based tests of the loader: whatever a file holds, the loader returns a
Map or raises MapError -- never another exception -- and every problem it
reports points inside the file.

The default run draws a few hundred examples per property; the tests marked
``slow`` draw 10,000 (``pytest -m slow tests/test_fuzz.py``).  Every run is
derandomized, so CI sees the same examples each time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import any_data, map_data, mutated

from arguments.errors import CODES, MapError
from arguments.formats import yaml as yaml_format
from arguments.loader import build, load_bytes, load_text
from arguments.models import Map

MINI = (Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


def fuzz_settings(n: int) -> settings:
    return settings(
        max_examples=n,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )


DEFAULT = fuzz_settings(300)
SLOW = fuzz_settings(10_000)


def dump_yaml(data: dict) -> str:
    # the project's dumper: PyYAML's own writes U+0085 where a reader folds it away
    return yaml.dump(data, Dumper=yaml_format.writer._Dumper, allow_unicode=True, sort_keys=False)


def outcome(load, text: str, name: str):
    """Load, and check that the only failure is a well-formed MapError."""
    try:
        return load()
    except MapError as exc:
        assert exc.problems, "a MapError without problems"
        n_lines = len(re.split("\r\n|[\r\n]", text))  # as an editor counts them
        for p in exc.problems:
            assert p.code in CODES
            assert p.file == name
            assert 1 <= p.line <= n_lines + 1, f"{p} points past the end ({n_lines} lines)"
            assert p.column >= 1
            assert str(p).startswith(f"{name}:{p.line}:{p.column} [{p.code}]")
        return exc


# ------------------------------------------------------------------ valid maps
@DEFAULT
@given(map_data())
def test_generated_maps_load_from_yaml(data):
    assert load_text(dump_yaml(data), "gen.yaml") == Map.model_validate(data)


@DEFAULT
@given(map_data())
def test_generated_maps_load_from_json(data):
    text = json.dumps({"schema": "argmap/1", **data}, ensure_ascii=False, indent=1)
    assert load_text(text, "gen.json") == Map.model_validate(data)


# ------------------------------------------------------------------ broken input
def _check_mutated_mini(text: str) -> None:
    outcome(
        lambda: load_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.yaml"), text, "fuzz.yaml"
    )


@DEFAULT
@given(mutated(MINI))
def test_mutated_yaml_gives_a_map_or_our_error(text):
    _check_mutated_mini(text)


@pytest.mark.slow
@SLOW
@given(mutated(MINI))
def test_mutated_yaml_gives_a_map_or_our_error_10000(text):
    _check_mutated_mini(text)


@DEFAULT
@given(st.data())
def test_mutated_generated_maps_give_a_map_or_our_error(data):
    text = data.draw(map_data().map(dump_yaml).flatmap(mutated))
    outcome(lambda: load_text(text, "fuzz.yaml"), text, "fuzz.yaml")


@DEFAULT
@given(st.data())
def test_mutated_json_gives_a_map_or_our_error(data):
    base = json.dumps({"schema": "argmap/1", **data.draw(map_data(max_claims=3))}, indent=1)
    text = data.draw(mutated(base))
    outcome(lambda: load_text(text, "fuzz.json"), text, "fuzz.json")


@DEFAULT
@given(st.binary(max_size=400))
def test_random_bytes_give_a_map_or_our_error(blob):
    outcome(lambda: load_bytes(blob, "blob.yaml"), blob.decode("utf-8", "replace"), "blob.yaml")


def _check_structure(raw) -> None:
    outcome(lambda: build(raw, "raw.yaml"), "", "raw.yaml")  # no text: positions are 1:1
    text = yaml.safe_dump(raw, allow_unicode=True)
    outcome(lambda: load_text(text, "raw.yaml"), text, "raw.yaml")
    as_json = json.dumps(raw)
    outcome(lambda: load_text(as_json, "raw.json"), as_json, "raw.json")


@DEFAULT
@given(any_data)
def test_random_structures_give_a_map_or_our_error(raw):
    _check_structure(raw)


@pytest.mark.slow
@SLOW
@given(any_data)
def test_random_structures_give_a_map_or_our_error_10000(raw):
    _check_structure(raw)
