"""The README documents every error code the loader can report, and no other."""
from __future__ import annotations

import re
from pathlib import Path

from arguments.errors import CODES

README = Path(__file__).resolve().parent.parent / "README.md"


def table_codes() -> list[str]:
    """The codes in the first column of the README's error-code table (headed `| code |`)."""
    text = README.read_text("utf-8")
    start = re.search(r"^\|\s*code\s*\|", text, re.MULTILINE)
    assert start, "README.md has no table headed | code | ..."
    table = text[start.start():].split("\n\n", 1)[0]
    return re.findall(r"^\|\s*`([a-z0-9-]+)`\s*\|", table, re.MULTILINE)


def test_every_error_code_is_in_the_readme_table():
    missing = [c for c in CODES if c not in table_codes()]
    assert not missing, f"README.md's error-code table lacks {missing}"


def test_the_readme_table_lists_no_code_the_loader_does_not_have():
    assert [c for c in table_codes() if c not in CODES] == []
