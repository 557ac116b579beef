"""Sessions: an upload belongs to the session that made it, and to no other.

Two AppTest sessions (one process, as two browser tabs share one server) each
upload a different map: each sees only its own, a third sees the bundled map, and
a reset in one does not touch the other (tests/browser/test_sessions_browser.py
does the same in a real browser).
"""

from __future__ import annotations

from apphelp import (
    MINI,
    PAGES,
    no_exception,
    open_app,
    page_text,
    shown_claims,
)
from gen import make_data, make_map

from arguments.formats import json as json_format
from arguments.formats import yaml as yaml_format
from arguments.formats.argdown import write as to_argdown
from arguments.loader import load_map
from arguments.models import Map

A = make_map(20, 24, seed=11)
B = make_map(28, 36, seed=12)
MINI_TITLE = load_map(MINI).source.title


def _titled(seed: int, title: str, n: int = 20) -> bytes:
    data = make_data(n, n + 4, seed)
    data["source"]["title"] = title
    return yaml_format.write(Map.model_validate(data)).encode()


def ids(m) -> set[str]:
    return {c.id for c in m.claims}


def test_two_sessions_each_see_only_their_own_upload():
    one, two, three = open_app(MINI), open_app(MINI), open_app(MINI)
    one.file_uploader[0].set_value(("a.yaml", yaml_format.write(A).encode(), "text/yaml")).run()
    two.file_uploader[0].set_value(("b.json", json_format.write(B).encode(), "text/json")).run()
    for at in (one, two, three):
        at.run()
        no_exception(at)
    assert shown_claims(one, "map_view") == ids(A)
    assert shown_claims(two, "map_view") == ids(B)
    assert three.title[0].value == MINI_TITLE
    # every page of each session draws from its own map
    for page in PAGES[1:]:
        for at in (one, two):
            at.switch_page(f"app_pages/{page}.py").run()
            no_exception(at)
    one.switch_page("app_pages/claim.py").run()
    two.switch_page("app_pages/claim.py").run()
    assert set(one.selectbox(key="claim_pick").options) != set(
        two.selectbox(key="claim_pick").options
    )
    assert len(one.selectbox(key="claim_pick").options) == len(A.claims)
    assert len(two.selectbox(key="claim_pick").options) == len(B.claims)


def test_a_reset_or_a_broken_upload_in_one_session_leaves_the_other_alone():
    one, two = open_app(MINI), open_app(MINI)
    one.file_uploader[0].set_value(("a.argdown", to_argdown(A).encode(), "text/plain")).run()
    two.file_uploader[0].set_value(("b.yaml", yaml_format.write(B).encode(), "text/yaml")).run()
    two.button(key="upload_reset").click().run()
    one.run()
    assert two.title[0].value == MINI_TITLE
    assert shown_claims(one, "map_view") == ids(A)
    two.file_uploader[0].set_value(("bad.yaml", b"source: 1\n", "text/yaml")).run()
    one.run()
    assert two.error and not one.error
    assert "bad\\.yaml was not opened" not in page_text(one)


def test_the_same_file_in_two_sessions_is_still_two_sessions():
    data = yaml_format.write(A).encode()
    one, two = open_app(MINI), open_app(MINI)
    for at in (one, two):
        at.file_uploader[0].set_value(("a.yaml", data, "text/yaml")).run()
    one.multiselect(key="f_kinds").set_value(["prediction"]).run()
    two.run()
    assert shown_claims(two, "map_view") == ids(A)  # one's filter is one's own
    assert shown_claims(one, "map_view") == {c.id for c in A.claims if c.kind == "prediction"}
