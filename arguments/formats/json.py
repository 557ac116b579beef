"""Our own JSON format, ``argmap/2``: the lossless round-trip format.

Contract: :func:`write` gives the map as JSON with
``"schema": "argmap/2"`` first, and :func:`read` reads it back (strictly:
no trailing comma, no duplicate key) into raw data with positions, or, for
a valid file, straight into a :class:`Map` (:func:`fast_map`), so that
export -> import yields an equal map.  :func:`json_schema` is the JSON Schema of
the format, generated from the models; the copy kept in
``schema/argmap-2.schema.json`` is tested to be current.  ``argmap/1`` files (one
``actor`` per claim, no ``fate``, no source text) are read as they are: the
models accept both.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import MapError, Problem, short
from ..models import Map
from .yaml.reader import parse

SCHEMA_ID = "argmap/2"
#: every version this version reads
READABLE = ("argmap/1", "argmap/2")
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "argmap-2.schema.json"


def to_data(m: Map) -> dict[str, Any]:
    body = m.model_dump(mode="json", exclude_none=True)
    return {"schema": SCHEMA_ID, **body}


def write(m: Map) -> str:
    return json.dumps(to_data(m), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    schema = Map.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://argmap.example/schema/argmap-2.schema.json"
    schema["title"] = "argmap/2 - an argument map"
    props = {"schema": {"const": SCHEMA_ID, "description": "format and version of this file"}}
    props.update(schema["properties"])
    schema["properties"] = props
    schema["required"] = ["schema", *schema.get("required", [])]
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=False) + "\n"


# ------------------------------------------------------------------ reading
def _json_problem(exc: json.JSONDecodeError, filename: str) -> Problem:
    doc, pos = exc.doc, exc.pos
    before = doc[:pos].rstrip()
    if doc[pos : pos + 1] in ("]", "}") and before.endswith(","):
        # JSON allows no comma before a closing bracket: point at the comma
        at = len(before) - 1
        line = doc.count("\n", 0, at) + 1
        col = at - (doc.rfind("\n", 0, at) + 1) + 1
        return Problem(
            "yaml-syntax",
            "cannot parse JSON: a comma before a closing bracket",
            filename,
            line,
            col,
            got="','",
            expected="no comma after the last item",
        )
    rest = doc[pos:].split("\n", 1)[0]
    return Problem(
        "yaml-syntax",
        f"cannot parse JSON: {exc.msg}",
        filename,
        exc.lineno,
        exc.colno,
        got=short(rest, 40) if rest else "the end of the line",
        expected="valid JSON",
    )


def fast_map(text: str, filename: str = "<json>") -> Map | None:
    """The map of a valid JSON export, read by json alone, else None.

    A valid file needs no positions, so it skips the libyaml pass (four times
    slower than json); any problem sends the file down the full path, which
    finds every problem with its position.
    """
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
        if isinstance(data, dict) and data.get("schema", SCHEMA_ID) in READABLE:
            return Map.model_validate({k: v for k, v in data.items() if k != "schema"})
    except (ValueError, RecursionError):  # bad JSON, a duplicate key, an invalid map
        pass
    return None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict:
    d = dict(pairs)
    if len(d) != len(pairs):
        raise ValueError("duplicate key")
    return d


def read(text: str, filename: str) -> Any:
    """Strict JSON; the data comes from libyaml when it can read it, to keep positions."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MapError([_json_problem(exc, filename)]) from None
    except RecursionError:
        raise MapError(
            [
                Problem(
                    "too-deep",
                    "the document nests too deeply",
                    filename,
                    1,
                    1,
                    got="thousands of levels",
                    expected="at most 64",
                )
            ]
        ) from None
    try:  # JSON allows tabs between tokens where YAML does not; nowhere else can they stand
        located = parse(text.replace("\t", " "), filename)
    except MapError as exc:
        if all(p.code == "yaml-syntax" for p in exc.problems):
            return data  # valid JSON that YAML 1.1 cannot read: checked without positions
        raise  # duplicate keys, too deep
    # YAML reads a few things in JSON otherwise (1e5 is text, a raw U+2028 in a string
    # is a line break): the positions are used only when the values agree
    return located if located == data else data
