"""The files of one upload: a map, a map and its text, or one ``.zip`` holding both.

Contract: :func:`unpack` sorts the files of an upload into one map file and at
most one source text (``.txt``), unpacking a ``.zip`` in memory (nothing is
written to disk) within limits: the archive's own size, at most
:data:`MAX_ENTRIES` entries, at most :data:`UNPACKED_LIMIT` bytes unpacked in
all (read, not trusted from the archive's headers, so a zip bomb stops at the
limit), no entry whose path leaves the archive (``..``, an absolute path, a
drive), one map and one text at most.  Anything else raises
:class:`~arguments.errors.MapError` with the code ``bad-upload``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..errors import MapError, Problem
from . import EXTENSIONS

MAX_ENTRIES = 16
UNPACKED_LIMIT = 12 * 1024 * 1024
TEXT_EXTENSIONS = (".txt",)
_SKIPPED = ("__MACOSX/", ".DS_Store", "Thumbs.db")


@dataclass(frozen=True)
class Archive:
    map: tuple[str, bytes]
    text: tuple[str, bytes] | None = None


def _bad(name: str, message: str, got: str, expected: str) -> MapError:
    return MapError([Problem("bad-upload", message, name, 1, 1, got=got, expected=expected)])


def _is_zip(name: str, data: bytes) -> bool:
    return PurePosixPath(name).suffix.lower() == ".zip" or data[:4] == b"PK\x03\x04"


def _entries(name: str, data: bytes, limit: int) -> list[tuple[str, bytes]]:
    """The files in a zip, read within the limits (see the module docstring)."""
    if len(data) > limit:
        raise _bad(
            name, "the archive is too large", f"{len(data):,} bytes", f"at most {limit:,} bytes"
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [
            i
            for i in zf.infolist()
            if not i.is_dir() and not any(s in i.filename for s in _SKIPPED)
        ]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _bad(name, "the archive cannot be opened", str(exc)[:80], "a .zip file") from None
    if len(infos) > MAX_ENTRIES:
        raise _bad(
            name,
            "the archive holds too many files",
            f"{len(infos)} files",
            f"a map and its text (at most {MAX_ENTRIES} files)",
        )
    out: list[tuple[str, bytes]] = []
    left = UNPACKED_LIMIT
    for info in infos:
        path = PurePosixPath(info.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or ":" in info.filename:
            raise _bad(
                name,
                "the archive holds a path outside itself",
                repr(info.filename),
                "file names inside the archive",
            )
        try:
            with zf.open(info) as fh:
                body = fh.read(left + 1)  # a zip bomb stops here, whatever its headers say
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
            raise _bad(
                name,
                f"{info.filename} cannot be unpacked",
                str(exc)[:80],
                "an unencrypted, deflated or stored file",
            ) from None
        left -= len(body)
        if left < 0:
            raise _bad(
                name,
                "the archive unpacks to too much",
                f"more than {UNPACKED_LIMIT:,} bytes",
                f"at most {UNPACKED_LIMIT:,} bytes unpacked",
            )
        out.append((f"{name}/{info.filename}", body))
    return out


def unpack(files: list[tuple[str, bytes]], limit: int) -> Archive:
    """One map file and at most one source text among the files (a zip unpacked)."""
    if not files:
        raise _bad("<upload>", "the upload holds no file", "nothing", "a map file")
    flat: list[tuple[str, bytes]] = []
    for name, data in files:
        flat += _entries(name, data, limit) if _is_zip(name, data) else [(name, data)]
    texts = [f for f in flat if PurePosixPath(f[0]).suffix.lower() in TEXT_EXTENSIONS]
    maps = [f for f in flat if f not in texts]
    if len(flat) == 1 and not maps:  # a lone .txt: a Kialo discussion, or the loader says no map
        maps, texts = texts, []
    named = [f for f in maps if PurePosixPath(f[0]).suffix.lower() in EXTENSIONS]
    maps = named or maps
    where = files[0][0] if len(files) == 1 else "<upload>"
    if len(maps) != 1:
        raise _bad(
            where,
            "an upload opens one map" if maps else "the upload holds no map",
            ", ".join(PurePosixPath(n).name for n, _ in maps) or "no map file",
            "one map file (YAML, JSON, Argdown, AIF or Kialo), with at most one .txt text",
        )
    if len(texts) > 1:
        raise _bad(
            where,
            "an upload brings one source text",
            ", ".join(PurePosixPath(n).name for n, _ in texts),
            "at most one .txt file",
        )
    return Archive(maps[0], texts[0] if texts else None)
