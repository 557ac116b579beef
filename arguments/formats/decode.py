"""Bytes to text: the first stage of reading any map file.

Contract: :func:`read_text` turns a file's raw bytes into text, or raises
:class:`~arguments.errors.MapError` for an oversized, binary, UTF-16/32 or
otherwise non-UTF-8 file, with the position of the first offending byte.
"""

from __future__ import annotations

from ..errors import MapError, Problem

#: the largest map file read from disk (an upload has its own, smaller limit)
MAX_BYTES = 10 * 1024 * 1024
Pos = tuple[int, int]


def read_text(data: bytes, filename: str, limit: int = MAX_BYTES) -> str:
    """Decode a map file's bytes, refusing oversized, binary and non-UTF-8 input."""
    if len(data) > limit:
        raise MapError(
            [
                Problem(
                    "file-too-large",
                    "the file is too large to open",
                    filename,
                    1,
                    1,
                    got=f"{len(data):,} bytes",
                    expected=f"at most {limit:,} bytes",
                )
            ]
        )
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            raise MapError(
                [
                    Problem(
                        "not-utf8",
                        f"the file is {name} text, not UTF-8",
                        filename,
                        1,
                        1,
                        got=f"a {name} byte-order mark",
                        expected="UTF-8 encoded text (save it as UTF-8)",
                    )
                ]
            )
    if b"\x00" in data:
        line, col = _pos_of(data, data.index(b"\x00"))
        raise MapError(
            [
                Problem(
                    "binary-file",
                    "the file holds binary data, not text",
                    filename,
                    line,
                    col,
                    got="a NUL byte",
                    expected="a UTF-8 text file (YAML, JSON, Argdown, AIF or Kialo)",
                )
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _pos_of(data, exc.start)
        raise MapError(
            [
                Problem(
                    "not-utf8",
                    "the file is not UTF-8 text",
                    filename,
                    line,
                    col,
                    got=f"byte 0x{data[exc.start]:02x}",
                    expected="UTF-8 encoded text",
                )
            ]
        ) from None
    if not text.strip():
        raise MapError(
            [
                Problem(
                    "empty-file",
                    "the file is empty",
                    filename,
                    1,
                    1,
                    got=f"{len(data):,} bytes" if not data else "only blanks",
                    expected="a map with source, actors, topics, claims and relations",
                )
            ]
        )
    return text


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _pos_of(data: bytes, offset: int) -> Pos:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col
