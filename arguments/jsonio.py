"""Our own JSON format, ``argmap/1``: the lossless round-trip format.

Contract: :func:`to_data` gives the map as plain JSON data with
``"schema": "argmap/1"`` first; loading that data back (``load_text(...,
fmt="json")``) yields an equal map.  :func:`json_schema` is the JSON Schema of
the format, generated from the models; the copy kept in
``schema/argmap-1.schema.json`` is tested to be current.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .loader import SCHEMA_ID
from .models import Map

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "argmap-1.schema.json"


def to_data(m: Map) -> dict[str, Any]:
    body = m.model_dump(mode="json", exclude_none=True)
    return {"schema": SCHEMA_ID, **body}


def dumps(m: Map) -> str:
    return json.dumps(to_data(m), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    schema = Map.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://argmap.example/schema/argmap-1.schema.json"
    schema["title"] = "argmap/1 - an argument map"
    props = {"schema": {"const": SCHEMA_ID, "description": "format and version of this file"}}
    props.update(schema["properties"])
    schema["properties"] = props
    schema["required"] = ["schema", *schema.get("required", [])]
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=False) + "\n"
