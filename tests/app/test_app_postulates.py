"""AppTest: the Postulates page (cards, reasons, objections, fate, trajectory diagram)."""

from __future__ import annotations

import pytest
from apphelp import MINI, ROOT, no_exception, open_app, page_text, shown_claims, unescape_md
from gen import build, claim, rel

from arguments.formats.yaml import write as dumps


@pytest.fixture
def at():
    return open_app(MINI, "postulates")


def test_a_card_per_postulate_with_its_fate(at):
    no_exception(at)
    text = unescape_md(page_text(at))
    assert "### Postulate 4" in text
    assert "The proletariat will establish its own dictatorship." in text
    assert "**1906** _stated_" in text
    assert "**1917-04** _adopted_ (adopts): Lenin, 1917-04: All power to the Soviets." in text


def test_a_contradiction_counts_as_an_objection(at):
    # Lenin's democratic dictatorship (1905) contradicts the postulate: the card says so
    text = unescape_md(page_text(at))
    assert "**Objections** (1)" in text
    assert any(unescape_md(b.label).startswith("Lenin, 1905:") for b in at.button)


def test_the_trajectory_diagram_shows_the_postulate_and_who_took_it_up(at):
    assert shown_claims(at, "post-view-4") == {"t-proletarian-dictatorship", "l-april-theses"}


def _reasons_map(tmp_path):
    m = build(
        [
            claim("p", "trotsky", "1906", "Permanent revolution.", kind="postulate", number=2),
            claim("why", "trotsky", "1905", "The Russian bourgeoisie is weak."),
            claim("no", "stalin", "1924", "Socialism in one country."),
            claim("meh", "lenin", "1920", "Not so fast."),
        ],
        [
            rel("why", "supports", "p"),
            rel("no", "attacks", "p"),
            rel("meh", "undercuts", "p", reason="why"),
        ],
    )
    path = tmp_path / "post.yaml"
    path.write_text(dumps(m), encoding="utf-8")
    return path


def test_reasons_and_objections(tmp_path):
    at = open_app(_reasons_map(tmp_path), "postulates")
    no_exception(at)
    text = unescape_md(page_text(at))
    assert "**Reasons** (1)" in text and "**Objections** (2)" in text
    labels = [unescape_md(b.label) for b in at.button]
    assert "Trotsky, 1905: The Russian bourgeoisie is weak." in labels
    assert "Stalin, 1924: Socialism in one country." in labels
    assert "**1924** _contested_" in text  # an attack: the kind's own word


def test_a_reason_opens_its_claim_page(tmp_path):
    at = open_app(_reasons_map(tmp_path), "postulates")
    next(b for b in at.button if unescape_md(b.label).startswith("Trotsky, 1905")).click().run()
    no_exception(at)
    assert at.query_params["claim"] == "why"
    assert at.selectbox(key="claim_pick").value == "why"
    assert at.title[0].value == "Claim"


@pytest.mark.parametrize("number,word", [(4, "**1926** _altered_"), (5, "_rejected_")])
def test_the_essays_postulates_read_their_fate_in_the_essays_words(number, word):
    # "By 1926, the Communist Party altered the fourth axiom"; only the fifth is rejected
    at = open_app(ROOT / "claims.yaml", "postulates")
    no_exception(at)
    text = unescape_md(page_text(at))
    section = text.split(f"Postulate {number}\n", 1)[1].split("Postulate ", 1)[0]
    assert word in section
    if number == 4:
        assert "_rejected_" not in section
