"""The README documents every error code the loader can report, and no other, and
gives the bundled map's true size."""

from __future__ import annotations

import re
from pathlib import Path

from arguments.errors import CODES
from arguments.loader import load_map

README = Path(__file__).resolve().parents[2] / "README.md"


def table_codes() -> list[str]:
    """The codes in the first column of the README's error-code table (headed `| code |`)."""
    text = README.read_text("utf-8")
    start = re.search(r"^\|\s*code\s*\|", text, re.MULTILINE)
    assert start, "README.md has no table headed | code | ..."
    table = text[start.start() :].split("\n\n", 1)[0]
    return re.findall(r"^\|\s*`([a-z0-9-]+)`\s*\|", table, re.MULTILINE)


def test_every_error_code_is_in_the_readme_table():
    missing = [c for c in CODES if c not in table_codes()]
    assert not missing, f"README.md's error-code table lacks {missing}"


def test_the_readme_table_lists_no_code_the_loader_does_not_have():
    assert [c for c in table_codes() if c not in CODES] == []


def test_the_readme_gives_the_bundled_map_s_counts():
    m = load_map(README.parent / "claims.yaml")
    quotes = sum(len(c.quotes) for c in m.claims) + sum(r.quote is not None for r in m.relations)
    said = re.search(
        r"(\d+) claims, (\d+) relations and (\d+) quotes",
        " ".join(README.read_text("utf-8").split()),
    )
    assert said, "README.md does not say how big the bundled map is"
    assert tuple(map(int, said.groups())) == (len(m.claims), len(m.relations), quotes)
