"""A map with its source text (arguments/documents.py, formats/archive.py): the text ships
with the bundled map, quotes are checked against it with their positions, and an upload
brings its text as a second file or in a .zip, within limits."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from arguments.documents import load_document, load_upload
from arguments.errors import MapError
from arguments.formats.archive import MAX_ENTRIES, UNPACKED_LIMIT

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "source" / "essay.txt"
MINI = (ROOT / "tests" / "fixtures" / "mini.yaml").read_text("utf-8")
ESSAY = (ROOT / "sources" / "essay.txt").read_bytes()
#: the mini map, naming its text (every quote of mini.yaml stands in the essay)
NAMED = MINI.replace("source:\n", "source:\n  text: essay.txt\n", 1)


def test_the_essay_in_the_project_is_byte_identical_to_the_shared_one():
    if not SHARED.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the essay must be present in CI at {SHARED}")
        pytest.skip(f"no {SHARED} beside the project")
    assert (ROOT / "sources" / "essay.txt").read_bytes() == SHARED.read_bytes()


def test_the_bundled_map_names_its_text_and_every_quote_stands_in_it():
    doc = load_document(ROOT / "claims.yaml")
    assert doc.map.source.text == "sources/essay.txt"
    assert doc.text == ESSAY.decode("utf-8") and not doc.text_missing


def write(tmp_path: Path, map_text: str, text: bytes | None = ESSAY) -> Path:
    (tmp_path / "map.yaml").write_text(map_text, "utf-8")
    if text is not None:
        (tmp_path / "essay.txt").write_bytes(text)
    return tmp_path / "map.yaml"


def test_a_map_naming_its_text_loads_with_it(tmp_path):
    doc = load_document(write(tmp_path, NAMED))
    assert doc.text is not None and "All power to the Soviets" in doc.text


def test_a_missing_text_is_source_unreadable_where_the_map_names_it(tmp_path):
    with pytest.raises(MapError) as info:
        load_document(write(tmp_path, NAMED, text=None))
    [p] = info.value.problems
    line = NAMED.splitlines().index("  text: essay.txt") + 1
    assert (p.code, p.line, p.column, p.path) == ("source-unreadable", line, 9, "source.text")
    assert "essay.txt" in p.message


def test_a_quote_not_in_the_text_is_reported_at_the_quote(tmp_path):
    bad = NAMED.replace("All power to the Soviets!", "All power to the councils!")
    with pytest.raises(MapError) as info:
        load_document(write(tmp_path, bad))
    [p] = info.value.problems
    line = bad.splitlines().index(next(ln for ln in bad.splitlines() if "councils" in ln)) + 1
    assert (p.code, p.line, p.path) == ("quote-not-in-source", line, "claims[2].quotes[0]")
    assert "councils" in p.got and "Soviets" in p.expected


def test_a_text_that_is_not_utf8_is_source_unreadable(tmp_path):
    with pytest.raises(MapError) as info:
        load_document(write(tmp_path, NAMED, text=b"\xff\xfe\x00broken"))
    assert info.value.codes == ["source-unreadable"]


# ------------------------------------------------------------------ uploads
def zipped(*entries: tuple[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    "files",
    [
        [("map.yaml", NAMED.encode()), ("essay.txt", ESSAY)],
        [("essay.txt", ESSAY), ("map.yaml", NAMED.encode())],
        [("bundle.zip", zipped(("map.yaml", NAMED.encode()), ("essay.txt", ESSAY)))],
        [
            (
                "bundle.zip",
                zipped(
                    ("folder/map.yaml", NAMED.encode()),
                    ("folder/essay.txt", ESSAY),
                    ("__MACOSX/._map.yaml", b"junk"),
                ),
            )
        ],
    ],
    ids=["map-and-text", "text-first", "zip", "zip-with-folder"],
)
def test_an_upload_brings_its_text(files):
    doc = load_upload(files)
    assert doc.text == ESSAY.decode("utf-8") and len(doc.map.claims) == 6


def test_an_upload_without_the_text_it_names_still_opens_and_says_so():
    doc = load_upload([("map.yaml", NAMED.encode())])
    assert doc.text is None and doc.text_missing


def test_an_uploaded_text_is_checked_too():
    with pytest.raises(MapError) as info:
        load_upload([("map.yaml", NAMED.encode()), ("other.txt", b"Nothing of the map here.")])
    assert set(info.value.codes) == {"quote-not-in-source"}


def bomb() -> bytes:
    """A zip whose one entry unpacks to far more than its size (and than its header says)."""
    return zipped(("map.yaml", b"#" * (UNPACKED_LIMIT + 10)))


@pytest.mark.parametrize(
    "files,says",
    [
        ([("big.zip", zipped(("map.yaml", NAMED.encode())) + b"\0" * 3_000_000)], "too large"),
        (
            [("many.zip", zipped(*[(f"f{i}.yaml", b"x") for i in range(MAX_ENTRIES + 1)]))],
            "too many files",
        ),
        ([("up.zip", zipped(("../map.yaml", NAMED.encode())))], "outside itself"),
        ([("abs.zip", zipped(("/etc/map.yaml", NAMED.encode())))], "outside itself"),
        ([("bomb.zip", bomb())], "unpacks to too much"),
        ([("two.zip", zipped(("a.yaml", NAMED.encode()), ("b.yaml", NAMED.encode())))], "one map"),
        ([("map.yaml", NAMED.encode()), ("a.txt", ESSAY), ("b.txt", ESSAY)], "one source text"),
        ([("broken.zip", b"PK\x03\x04 not really a zip")], "cannot be opened"),
    ],
    ids=[
        "too-big",
        "too-many-files",
        "dotdot",
        "absolute",
        "zip-bomb",
        "two-maps",
        "two-texts",
        "broken",
    ],
)
def test_an_upload_outside_the_limits_is_refused_with_the_reason(files, says):
    with pytest.raises(MapError) as info:
        load_upload(files, limit=2 * 1024 * 1024)
    [p] = info.value.problems
    assert p.code == "bad-upload" and says in p.message, p


def test_the_zip_bomb_is_stopped_while_reading_not_after():
    import tracemalloc

    tracemalloc.start()
    with pytest.raises(MapError):
        load_upload([("bomb.zip", bomb())], limit=2 * 1024 * 1024)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 4 * UNPACKED_LIMIT  # never the whole of what it would unpack to, twice over
