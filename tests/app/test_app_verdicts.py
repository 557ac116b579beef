"""AppTest: the Verdicts page (thesis and verdicts, support trees as diagram and outline)."""

from __future__ import annotations

from apphelp import MINI, no_exception, open_app, page_text, shown_claims, unescape_md
from gen import build, claim, rel

from arguments.formats.yaml import write as dumps


def test_the_verdict_with_its_tree_diagram():
    at = open_app(MINI, "verdicts")
    no_exception(at)
    assert at.radio(key="verdict_pick").value == "author-verdict"
    assert "Lenin came round to Trotsky" in unescape_md(page_text(at))
    assert shown_claims(at, "verdict_view") == {
        "author-verdict",
        "l-april-theses",
        "l-democratic-dictatorship",
    }
    assert "2 claims bear on it: 1 supports, 1 undercuts" in page_text(at)


def test_the_outline_tells_the_same_tree_in_words():
    at = open_app(MINI, "verdicts", state={"verdict_tabs": "Outline"})
    no_exception(at)
    text = unescape_md(page_text(at))
    assert "- **verdict** · The author: Lenin came round to Trotsky's view." in text
    assert "    - _supports_: **position** · Lenin, 1917-04: All power to the Soviets." in text
    assert "    - _undercuts_: **position** · Lenin, 1905:" in text


def test_the_thesis_comes_first_and_each_judgement_can_be_chosen(tmp_path):
    m = build(
        [
            claim("v1", "author", None, "A verdict.", kind="verdict", chapter="II"),
            claim("th", "author", None, "The thesis.", kind="thesis", chapter="III"),
            claim("r", "lenin", "1917", "A reason."),
        ],
        [rel("r", "supports", "v1")],
    )
    path = tmp_path / "v.yaml"
    path.write_text(dumps(m), encoding="utf-8")
    at = open_app(path, "verdicts")
    assert [unescape_md(o) for o in at.radio(key="verdict_pick").options] == [
        "Thesis: The thesis.",
        "Verdict: A verdict.",
    ]
    assert "0 claims bear on it" in page_text(at)
    at.radio(key="verdict_pick").set_value("v1").run()
    no_exception(at)
    assert shown_claims(at, "verdict_view") == {"v1", "r"}
