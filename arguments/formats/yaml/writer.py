"""Writing a map as YAML, the format people edit by hand.

Contract: :func:`dumps` gives YAML that :func:`arguments.loader.load_text`
reads back into an equal map (YAML -> map -> YAML -> map is lossless).  Keys
keep the models' order, long texts are folded onto readable lines, and only
plain YAML is written (no tags, no anchors).
"""

from __future__ import annotations

import yaml

from ...models import Map
from ...text import shorten


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases, texts with line breaks as literal blocks."""

    def ignore_aliases(self, data):
        return True


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style: str | None
    if "\x85" in data:
        # PyYAML would write NEL raw in a single-quoted scalar, where a reader folds it
        # into a space; double quotes escape it as \N
        style = '"'
    else:
        style = "|" if "\n" in data else None  # PyYAML falls back when a block cannot hold it
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)


def to_data(m: Map) -> dict:
    return m.model_dump(mode="json", exclude_none=True)


def dumps(m: Map) -> str:
    # the title in a comment: on one line, without characters YAML refuses
    title = "".join(ch for ch in " ".join(m.source.title.split()) if ch.isprintable())
    header = f"# {shorten(title, 120)}: an argument map (argmap/2, YAML)\n"
    return header + yaml.dump(
        to_data(m),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
