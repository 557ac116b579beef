"""AppTest: the Claim page (card, quotes, relations, breadcrumb, neighbourhood)."""

from __future__ import annotations

from apphelp import MINI, no_exception, open_app, page_text, shown_claims, unescape_md


def test_without_a_selection_the_page_offers_a_picker():
    at = open_app(MINI, "claim")
    no_exception(at)
    assert at.selectbox(key="claim_pick").value is None
    assert "No claim is selected yet" in page_text(at)


def test_the_claim_card_shows_text_facts_quotes_and_citations():
    at = open_app(MINI, "claim", claim="t-proletarian-dictatorship")
    no_exception(at)
    text = page_text(at)
    assert "The proletariat will establish its own dictatorship." in unescape_md(text)
    for part in (
        "POSTULATE 4",
        "Trotsky",
        "1906",
        "chapter I",
        "Before",
        "Form of the dictatorship",
        "workers&#x27; democracy",
        "Trotsky, Results and Prospects, 71",
    ):
        assert part in text, part


def test_relations_are_grouped_by_kind_and_direction():
    at = open_app(MINI, "claim", claim="l-april-theses")
    captions = [c.value for c in at.caption]
    for heading in ("Adopts", "Revises", "Supports", "Its support undercut by"):
        assert heading in captions
    labels = [unescape_md(b.label) for b in at.button]
    assert any(label.startswith("Trotsky, 1906: The proletariat") for label in labels)
    assert any(label.startswith("The author: Lenin came round") for label in labels)


def test_a_relation_note_is_shown_under_its_link():
    at = open_app(MINI, "claim", claim="l-april-theses")
    assert "In substance, not in name." in unescape_md(page_text(at))


def test_following_a_relation_moves_to_that_claim_and_leaves_a_breadcrumb():
    at = open_app(MINI, "claim", claim="l-april-theses")
    next(b for b in at.button if unescape_md(b.label).startswith("Lenin, 1905")).click().run()
    no_exception(at)
    assert at.query_params["claim"] == "l-democratic-dictatorship"
    assert at.selectbox(key="claim_pick").value == "l-democratic-dictatorship"
    crumbs = [b for b in at.button if (b.key or "").startswith("trail-crumb")]
    assert [unescape_md(b.label) for b in crumbs] == ["All power to the Soviets."]
    crumbs[0].click().run()
    assert at.query_params["claim"] == "l-april-theses"


def test_the_picker_selects_a_claim():
    at = open_app(MINI, "claim")
    at.selectbox(key="claim_pick").set_value("war-1914").run()
    no_exception(at)
    assert at.query_params["claim"] == "war-1914"
    assert "World War One permanently divided" in page_text(at)


def test_the_neighbourhood_diagram_shows_the_claims_one_step_away():
    at = open_app(MINI, "claim", claim="war-1914")
    assert shown_claims(at, "claim_view") == {"war-1914", "t-war-revolution"}
