"""AppTest: an invalid map file lists every problem (file:line:col) and the app keeps working."""

from __future__ import annotations

import pytest
from apphelp import MINI, PAGES, no_exception, open_app, page_text


@pytest.fixture
def bad_map(tmp_path):
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("actor: lenin\n", "actor: lenim\n", 1).replace(
        "date: 1914-08", "date: 1914-13"
    )
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_problem_is_listed_with_file_line_and_column(bad_map):
    at = open_app(bad_map)
    no_exception(at)
    assert "cannot be loaded: 2 problems" in at.error[0].value
    listing = at.code[0].value.splitlines()
    assert listing[0].startswith(f"{bad_map}:31:12 [unknown-actor]")
    assert "did you mean 'lenin'?" in listing[0]
    assert listing[1].startswith(f"{bad_map}:59:11 [bad-date]")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_still_opens(bad_map, page):
    at = open_app(bad_map, page)
    no_exception(at)
    assert at.error and at.code
    assert "Nothing to show on this page until the map loads" in page_text(at)


def test_a_missing_file_is_a_problem_too(tmp_path):
    at = open_app(tmp_path / "nowhere.yaml")
    no_exception(at)
    assert "nowhere.yaml:1:1 [file-unreadable]" in at.code[0].value


def test_fixing_the_file_brings_the_map_back(bad_map):
    at = open_app(bad_map)
    assert at.error
    bad_map.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    at.run()
    no_exception(at)
    assert not at.error
    assert at.title[0].value == "A small test map"
