"""AppTest: every page renders the bundled essay map (claims.yaml) without an exception."""

from __future__ import annotations

import pytest
from apphelp import PAGES, ROOT, no_exception, open_app, shown_claims

BUNDLED = ROOT / "claims.yaml"
pytestmark = pytest.mark.skipif(not BUNDLED.exists(), reason="claims.yaml is not written yet")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_the_essay(page):
    from arguments import load_map

    m = load_map(BUNDLED)
    thesis = next((c.id for c in m.claims if c.kind == "thesis"), m.claims[0].id)
    at = open_app(BUNDLED, page, claim=thesis)
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    if page == "map":
        assert shown_claims(at, "map_view") == {c.id for c in m.claims}
