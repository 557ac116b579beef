"""Versions stored compactly: JSON Patch (RFC 6902) deltas between two versions' data.

Contract: :func:`make` returns the operations (``add``, ``remove``, ``replace``) that turn
``old`` into ``new``, and :func:`apply` applies them; ``apply(old, make(old, new)) == new``
for any two maps' data.  The four lists of a map (actors, topics, claims, relations) are
matched item by item (difflib on each item's canonical JSON), so one edited claim costs one
``replace`` of that claim, not of the list; any other key that differs is replaced whole.
:func:`pack` and :func:`unpack` turn data (a patch or a snapshot) into compressed bytes.
"""

from __future__ import annotations

import copy
import difflib
import json
import zlib
from typing import Any

LISTS = ("actors", "topics", "claims", "relations")

Op = dict[str, Any]


def _pointer(*parts: str | int) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _list_ops(name: str, old: list[Any], new: list[Any]) -> list[Op]:
    # the common head and tail first (plain equality): an edit changes a few items in the
    # middle, and only those are compared as text
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old), len(new)) - head
        and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]
    ):
        tail += 1
    a = [json.dumps(x, sort_keys=True, ensure_ascii=False) for x in old[head : len(old) - tail]]
    b = [json.dumps(x, sort_keys=True, ensure_ascii=False) for x in new[head : len(new) - tail]]
    ops: list[Op] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # from the end backwards: an operation never moves the indices of those still to come
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        n_old, n_new = i2 - i1, j2 - j1
        common = min(n_old, n_new)
        for t in range(common):
            ops.append({"op": "replace", "path": _pointer(name, i1 + t), "value": new[j1 + t]})
        for _ in range(n_old - common):
            ops.append({"op": "remove", "path": _pointer(name, i1 + common)})
        for t in range(common, n_new):
            ops.append({"op": "add", "path": _pointer(name, i1 + t), "value": new[j1 + t]})
    return ops


def make(old: dict[str, Any], new: dict[str, Any]) -> list[Op]:
    """The JSON Patch from ``old`` to ``new``."""
    ops: list[Op] = []
    for key in old:
        if key not in new:
            ops.append({"op": "remove", "path": _pointer(key)})
    for key, value in new.items():
        if key not in old:
            ops.append({"op": "add", "path": _pointer(key), "value": value})
        elif key in LISTS and isinstance(value, list) and isinstance(old[key], list):
            ops += _list_ops(key, old[key], value)
        elif old[key] != value:
            ops.append({"op": "replace", "path": _pointer(key), "value": value})
    return ops


def _parts(path: str) -> list[str]:
    if not path.startswith("/"):
        raise ValueError(f"not a JSON pointer: {path!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def apply(data: dict[str, Any], ops: list[Op]) -> dict[str, Any]:
    """``data`` with the operations applied.  ``data`` is left as it was: each list or
    mapping on an operation's path is copied (once), the rest is shared."""
    out = dict(data)
    copied = {id(out)}
    for op in ops:
        *parents, last = _parts(op["path"])
        target: Any = out
        for p in parents:
            key: Any = int(p) if isinstance(target, list) else p
            child = target[key]
            if id(child) not in copied:
                child = copy.copy(child)
                target[key] = child
                copied.add(id(child))
            target = child
        if isinstance(target, list):
            i = len(target) if last == "-" else int(last)
            if op["op"] == "add":
                target.insert(i, copy.deepcopy(op["value"]))
            elif op["op"] == "remove":
                del target[i]
            elif op["op"] == "replace":
                target[i] = copy.deepcopy(op["value"])
            else:
                raise ValueError(f"unsupported operation {op['op']!r}")
        elif op["op"] in ("add", "replace"):
            target[last] = copy.deepcopy(op["value"])
        elif op["op"] == "remove":
            del target[last]
        else:
            raise ValueError(f"unsupported operation {op['op']!r}")
    return out


def pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob))
