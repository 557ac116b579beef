"""AppTest: the Read page (app_pages/read.py): the text with the map's quotes on it.

The text shows chapter by chapter with every quote highlighted at its place;
a link to a passage (``?claim=…&quote=…``) opens its chapter, flashes it and
lists every claim that quotes it; the filters narrow the highlights; the
toggle marks the paragraphs no claim quotes; a map without a text says how
to add one; an uploaded text is data, never markup.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from apphelp import MINI, ROOT, no_exception, open_app, page_text, viewer_data
from streamlit.testing.v1 import AppTest

from arguments.analysis.anchors import anchor
from arguments.documents import load_document

ESSAY_MAP = ROOT / "claims.yaml"
_KEYS = re.compile(r'data-q="([^"]+)"')


@pytest.fixture(scope="module")
def essay_anchors():
    doc = load_document(ESSAY_MAP)
    return doc.map, anchor(doc.map, doc.text)


def keys_shown(at) -> set[str]:
    page = viewer_data(at, "rd_view")["html"]
    return {k for group in _KEYS.findall(page) for k in html.unescape(group).split()}


def read(**params):
    """The Read page opened from a URL with ``params`` in its query string."""
    os.environ["ARGMAP_MAP"] = str(ESSAY_MAP)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("app_pages/read.py")
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    no_exception(at)
    return at


def test_the_first_chapter_shows_with_each_of_its_quotes_highlighted(essay_anchors):
    _m, found = essay_anchors
    at = read()
    data = viewer_data(at, "rd_view")
    assert "<h2>Preface</h2>" in data["html"]
    expected = {a.key for a in found.items if a.chapter == "preface"}
    assert expected and keys_shown(at) == expected
    assert data["flash"] is None
    # the coverage strip: one entry per paragraph of the chapter
    assert len(data["strip"]) == len(found.structure.in_chapter("preface"))
    # the annotated text to take away, named after the text and the chapter
    names = {el.proto.label for el in at.get("download_button")}
    assert {"This chapter (PDF)", "This chapter (HTML)", "The whole text (PDF)"} <= names


def test_a_link_to_a_passage_opens_its_chapter_flashes_it_and_lists_its_claims(essay_anchors):
    m, found = essay_anchors
    target = found.by_key["postulate-4:0"]
    at = read(claim="postulate-4", quote="0")
    data = viewer_data(at, "rd_view")
    assert at.session_state["rd_ch"] == target.chapter
    assert data["flash"] == data["selected"] == "postulate-4:0"
    assert "postulate-4:0" in keys_shown(at)
    text = page_text(at)
    assert m.claim("postulate-4").text[:60] in " ".join(text.split())
    # every other claim whose quote overlaps the passage is listed too
    overlapping = {
        a.claim
        for a in found.items
        if a.claim and any(s < target.end and target.start < e for s, e in a.spans)
    }
    assert re.search(r"\d+ claims? (and \d+ links? )?quotes? this passage", text)
    for cid in overlapping:
        assert " ".join(m.claim(cid).text.split())[:50] in " ".join(text.split())


def test_a_link_to_a_paragraph_opens_its_chapter_and_flashes_it_once():
    # the Search page's "Read it in the text" link: ?rd_ch=I&para=16
    at = read(rd_ch="I", para="16")
    data = viewer_data(at, "rd_view")
    assert at.session_state["rd_ch"] == "I"
    assert "<h2>Chapter I: A Vision</h2>" in data["html"] and 'id="p-16"' in data["html"]
    assert data["flash"] == "\u00b616" and data["selected"] is None
    nonce = data["nonce"]
    at.toggle(key="rd_unq").set_value(True).run()  # a rerun here does not flash it again
    assert viewer_data(at, "rd_view")["nonce"] == nonce
    at.segmented_control(key="rd_ch").set_value("V").run()  # another chapter: it is left
    assert "para" not in at.query_params
    assert viewer_data(at, "rd_view")["flash"] is None


@pytest.mark.parametrize("para", ["999", "x", "-1"])
def test_a_paragraph_the_chapter_lacks_is_ignored(para):
    at = read(rd_ch="I", para=para)
    assert viewer_data(at, "rd_view")["flash"] is None


def test_choosing_another_chapter_leaves_the_passage(essay_anchors):
    at = read(claim="postulate-4", quote="0")
    at.segmented_control(key="rd_ch").set_value("V").run()
    no_exception(at)
    assert "quote" not in at.query_params
    assert "<h2>Chapter V: Abandonment</h2>" in viewer_data(at, "rd_view")["html"]


@pytest.mark.parametrize(
    "widget,value,passes",
    [
        ("rd_actors", ["lenin"], lambda c: "lenin" in c.actors),
        ("rd_kinds", ["prediction"], lambda c: c.kind == "prediction"),
        ("rd_topics", ["party"], lambda c: "party" in c.topics),
    ],
)
def test_the_filters_narrow_the_highlights(essay_anchors, widget, value, passes):
    m, found = essay_anchors
    at = read(rd_ch="I")
    everything = keys_shown(at)
    at.multiselect(key=widget).set_value(value).run()
    no_exception(at)
    shown = keys_shown(at)
    assert shown and shown < everything
    for k in shown:
        a = found.by_key[k]
        ends = [a.claim] if a.claim else [a.relation[0], a.relation[2]]
        assert all(passes(m.claim(c)) for c in ends), k


def test_the_toggle_marks_the_paragraphs_no_claim_quotes():
    at = read(rd_ch="Introduction")  # the URL carries what the control shows
    assert "rd-unq-on" not in viewer_data(at, "rd_view")["html"]
    at.toggle(key="rd_unq").set_value(True).run()
    html = viewer_data(at, "rd_view")["html"]
    assert "rd-unq-on" in html
    assert html.count('class="rd-p rd-unq"') == 6  # the introduction's unquoted paragraphs


def test_a_map_without_a_text_says_how_to_add_one_and_the_rest_works():
    at = open_app(MINI)
    at.switch_page("app_pages/read.py").run()
    no_exception(at)
    assert "names no source text" in page_text(at)
    assert "text: essay.txt" in page_text(at)
    at.switch_page("app_pages/claim.py").run()
    no_exception(at)
    assert not [b for b in at.get("page_link") if "Read in context" in str(b.proto.label)]


def test_quotes_elsewhere_link_to_their_passage():
    at = open_app(ESSAY_MAP, claim="postulate-4")
    at.switch_page("app_pages/claim.py").run()
    links = [el.proto for el in at.get("page_link") if el.proto.label == "Read in context"]
    assert links, "the claim page's quotes carry Read in context"
    assert all("read" in link.page for link in links)
    assert any("quote=0" in link.query_string for link in links), [
        link.query_string for link in links
    ]


HOSTILE_TEXT = (
    "<script>alert('x')</script> The party \u202eleads\u202c the class & "
    '<img src=x onerror="alert(1)"> \u05d4\u05de\u05e4\u05dc\u05d2\u05d4.\n'
)
HOSTILE_MAP = """source:
  title: Hostile
  text: t.txt
  chapters: [{id: I, title: One}]
actors: [{id: a, name: A, kind: person}]
topics: [{id: t, label: T}]
claims:
  - id: c1
    kind: position
    actor: a
    chapter: I
    topics: [t]
    text: It leads.
    quotes: [{text: "<script>alert('x')</script> The party"}]
"""


def test_an_uploaded_text_is_shown_as_text_never_as_markup():
    at = open_app(MINI)
    at.file_uploader[0].set_value(
        [
            ("hostile.yaml", HOSTILE_MAP.encode(), "application/octet-stream"),
            ("t.txt", HOSTILE_TEXT.encode(), "text/plain"),
        ]
    ).run()
    no_exception(at)
    at.switch_page("app_pages/read.py").run()
    no_exception(at)
    html = viewer_data(at, "rd_view")["html"]
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "\u202eleads\u202c" in html and "\u05d4\u05de\u05e4\u05dc\u05d2\u05d4" in html
    assert keys_shown(at) == {"c1:0"}


def test_an_upload_without_the_text_it_names_says_so_on_the_read_page():
    at = open_app(MINI)
    at.file_uploader[0].set_value(
        [("hostile.yaml", HOSTILE_MAP.encode(), "application/octet-stream")]
    ).run()
    no_exception(at)
    at.switch_page("app_pages/read.py").run()
    assert "was not uploaded with it" in page_text(at)


def test_a_zip_upload_brings_map_and_text(tmp_path: Path):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("bundle/hostile.yaml", HOSTILE_MAP)
        zf.writestr("bundle/t.txt", HOSTILE_TEXT)
    at = open_app(MINI)
    at.file_uploader[0].set_value([("bundle.zip", buf.getvalue(), "application/zip")]).run()
    no_exception(at)
    at.switch_page("app_pages/read.py").run()
    assert keys_shown(at) == {"c1:0"}


def test_a_selected_passage_becomes_a_quote_of_a_stored_map_and_is_highlighted(
    tmp_path, monkeypatch
):
    """Passage to claim: words selected on the Read page go into a stored map as a claim's
    quote, verbatim, and show highlighted at once."""
    from arguments.store import Store
    from components import stored

    url = f"sqlite:///{tmp_path / 'read.db'}"
    monkeypatch.setenv("ARGMAP_DB", url)
    stored.store.clear()
    db = Store(url)
    doc = load_document(ESSAY_MAP)
    made = db.create(doc.map, "Teacher", text=doc.text)
    # words of the introduction no claim quotes yet (its first paragraph)
    start = doc.text.index("The Russian revolutionary movement, which brought")
    passage = " ".join(doc.text[start : start + 120].split()[:12])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["map"] = made.edit_token
    at.session_state["who"] = "Ann"
    at.run()
    at.switch_page("app_pages/read.py").run()
    at.session_state["rd_passage"] = {"text": passage, "chapter": "introduction"}
    at.run()
    no_exception(at)
    assert "Selected passage" in page_text(at)
    at.selectbox(key="rd_q_claim").select("author-thesis")
    at.button(key="rd_q_add_save").click().run()
    no_exception(at)
    opened = db.open(db.owner(made.map_id))
    quotes = next(c for c in opened.data["claims"] if c["id"] == "author-thesis")["quotes"]
    assert quotes[-1] == {"text": passage}
    at.segmented_control(key="rd_ch").set_value("introduction").run()
    n = len(quotes) - 1
    assert f"author-thesis:{n}" in keys_shown(at)  # anchored and highlighted at once
    db.close()
    stored.store.clear()


def test_a_selection_that_is_not_the_texts_words_is_not_offered():
    at = read()
    at.session_state["rd_passage"] = {"text": "words the essay never says", "chapter": "I"}
    at.run()
    no_exception(at)
    assert "select within one paragraph" in page_text(at)
