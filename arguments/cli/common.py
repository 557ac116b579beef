"""What the commands share: loading the map, writing output safely, user errors.

Contract: :class:`UserError` is bad input that is not a map problem (the CLI
exits 2 with its message); :func:`write` writes text or bytes to stdout, a
file or a folder, refusing unsafe names.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Collection, Iterable
from pathlib import Path

from ..crossref import did_you_mean
from ..documents import Document, load_document
from ..models import Map

BUNDLED_MAP = Path(__file__).resolve().parents[2] / "claims.yaml"
#: names Windows reserves for devices, refused as output file names everywhere
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.I)


#: what ``ArgumentParser.add_subparsers`` returns
Subparsers = argparse._SubParsersAction


def with_map(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The ``--map FILE`` option every command that reads a map takes."""
    sp.add_argument(
        "--map",
        "-m",
        metavar="FILE",
        help="the map file (YAML, argmap JSON, Argdown, AIF or Kialo); default claims.yaml",
    )
    return sp


class UserError(Exception):
    """Bad input that is not a map problem (unknown id, unknown format...)."""


def default_map() -> Path:
    here = Path("claims.yaml")
    return here if here.exists() else BUNDLED_MAP


def load(path: str | None, fmt: str | None = None) -> Map:
    """The map at ``path`` (default: claims.yaml here, else the bundled map), its quotes
    checked against the source text it names, if it names one."""
    return load_document(path or default_map(), fmt=fmt).map


def load_doc(path: str | None, fmt: str | None = None) -> Document:
    """The map at ``path`` (as :func:`load`) with the source text it names, if any."""
    return load_document(path or default_map(), fmt=fmt)


def guess(value: str, choices: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for a near miss, else "."."""
    g = did_you_mean(value, list(choices))
    return f"; did you mean {g!r}?" if g else "."


def write(
    text: str | bytes, out: str | None, extension: str | None = None, name: str | None = None
) -> None:
    """Write to stdout (no -o, or -o -), to FILE, or to DIR/NAME.EXT when -o is a folder."""
    if out in (None, "-"):
        if isinstance(text, bytes):
            if out is None and sys.stdout.isatty():
                raise UserError(
                    "this format is binary: name a file with -o FILE "
                    f"(e.g. -o {name or 'view'}.{extension or 'bin'})"
                )
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    target = safe_output_path(out, extension, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


def safe_file_name(name: str) -> str:
    """A file name made safe on every system: letters, digits, '-', '_' and '.' only."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "view"
    return base[:120]


def safe_output_path(out: str, extension: str | None = None, name: str | None = None) -> Path:
    """The path to write: control and reserved characters refused, a folder gets NAME.EXT
    inside it, a name without extension gets the format's."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in out) or any(ch in out for ch in '<>"|?*'):
        raise UserError(
            f"unsafe output file name {out!r}: use letters, digits, '-', '_', '.' and '/'"
        )
    path = Path(out)
    if out.endswith(("/", os.sep)) or path.is_dir():
        path = path / f"{safe_file_name(name or 'view')}.{extension or 'out'}"
    if _RESERVED.match(path.name) or path.name in ("", ".", ".."):
        raise UserError(f"unsafe output file name {path.name!r}: it names a device or a folder")
    if path.name.endswith((" ", ".")):
        raise UserError(f"unsafe output file name {path.name!r}: it ends in a space or a dot")
    if extension and not path.suffix:
        path = path.with_name(f"{path.name}.{extension}")
    return path


def split(values: list[str] | None) -> list[str]:
    """Values given as repeated flags, separated by spaces or commas."""
    out: list[str] = []
    for v in values or []:
        out += [x for x in re.split(r"[,\s]+", v) if x]
    return out


def check(kind: str, values: list[str], known: Collection[str]) -> list[str]:
    for v in values:
        if v not in known:
            raise UserError(f"no {kind} has the id {v!r}{guess(v, known).rstrip('.')}")
    return values
