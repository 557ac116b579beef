"""Handout builder: choose what goes in, the page, preview it, download it.

What goes in is a view: the Map's current view, a chapter, a comparison of two actors,
a postulate's fate or a verdict's tree; the choices are in the URL (``?what=compare&
actors=trotsky,lenin``), so a link opens the same handout."""

import base64

import streamlit as st

from arguments.analysis.fate import postulates
from arguments.graph import Filters, used_actors
from arguments.kinds import CLAIM_KIND
from arguments.views import View, select, view_slug
from components import diagram, downloads, filters, page, urlstate
from components.text import md, short

loaded, m = page.need_map()

WHAT = {
    "current": "The Map's current view",
    "chapter": "A chapter",
    "compare": "A comparison of two actors",
    "postulate": "A postulate",
    "verdict": "A verdict",
}
ALL = "all"
chapters = filters.chapter_ids(m)
actors = [a for a in used_actors(m) if m.actor_index[a].kind != "unattributed"]
numbered = {p.id: p.number for p in postulates(m)}
posts = list(numbered)
judged = [c.id for c in m.claims if CLAIM_KIND[c.kind].judgement]
offered = [
    w
    for w in WHAT
    if (w != "compare" or len(actors) >= 2)
    and (w != "postulate" or posts)
    and (w != "verdict" or judged)
]


def _default_pair() -> tuple[str, str]:
    a = "trotsky" if "trotsky" in actors else actors[0]
    b = "lenin" if "lenin" in actors and a != "lenin" else next(x for x in actors if x != a)
    return a, b


pair = _default_pair() if len(actors) >= 2 else ("", "")


def _preview() -> None:
    st.session_state["ho_preview"] = True


URL = [
    urlstate.choice(offered, "ho_what", "what", "current"),
    urlstate.choice(chapters, "ho_chapter", "chapter", chapters[0] if chapters else None),
    urlstate.choice(actors, "ho_a", "a", pair[0]),
    urlstate.choice(actors, "ho_b", "b", pair[1]),
    urlstate.choice([ALL, *m.topic_index], "ho_topic", "topic", ALL),
    urlstate.choice(posts or [""], "ho_postulate", "postulate", posts[0] if posts else ""),
    urlstate.choice(judged or [""], "ho_verdict", "verdict", judged[0] if judged else ""),
]
urlstate.restore(URL, "handout")
for p in URL:
    st.session_state.setdefault(p.key, p.default)

st.title("Handout")
st.markdown(
    "A handout for the seminar: the diagram of what you choose, then each claim chapter by "
    "chapter with its quotes, citations and relations. Preview it here; download it as a "
    "web page to print, a PDF or Markdown."
)

left, right = st.columns([2, 3], gap="large")
with left:
    what = st.radio("What goes in", offered, format_func=WHAT.__getitem__, key="ho_what")
    view: View
    if what == "chapter":
        ch = st.selectbox(
            "Chapter",
            chapters,
            key="ho_chapter",
            format_func=lambda c: f"{c}: {m.source.chapter_title(c)}",
        )
        view = View(kind="map", filters=Filters.make(chapters=[ch]))
    elif what == "compare":
        a = st.selectbox("First actor", actors, key="ho_a", format_func=m.actor_name)
        b = st.selectbox("Second actor", actors, key="ho_b", format_func=m.actor_name)
        topic = st.selectbox(
            "Topic",
            [ALL, *[t.id for t in m.topics]],
            key="ho_topic",
            format_func=lambda t: "All topics" if t == ALL else m.topic_label(t),
        )
        if a == b:
            st.warning("Pick two different actors.", icon=":material/group:")
            st.stop()
        view = View(kind="compare", actors=(a, b), topic=None if topic == ALL else topic)
    elif what == "postulate":
        pid = st.selectbox(
            "Postulate",
            posts,
            key="ho_postulate",
            format_func=lambda c: f"Postulate {numbered[c]}: {short(m.claim(c).text, 70)}",
        )
        view = View(kind="postulate", claim=pid)
    elif what == "verdict":
        vid = st.selectbox(
            "Verdict",
            judged,
            key="ho_verdict",
            format_func=lambda c: f"{m.claim(c).kind.capitalize()}: {short(m.claim(c).text, 70)}",
        )
        view = View(kind="verdict", claim=vid)
    else:
        view = filters.current_view(m)
        st.caption("The filters, focus and layout set on the Map page (change them there).")
    urlstate.publish(URL, "handout")
    sel = select(m, view)
    slug = view_slug(m, view)
    st.caption(
        f"**{md(short(sel.title, 120))}**: {len(sel.map.claims)} claims, "
        f"{len(sel.map.relations)} relations."
    )
    options = downloads.page_choice("ho", ("handout-pdf", "pdf"))
    if options and "page" not in downloads.takes("handout-pdf"):
        st.caption(
            "The page size is the diagram's PDF's (below, under Diagram): the handout's PDF "
            "sets its diagram on a landscape A4 page of its own."
        )
    extra = {k: st.session_state.get(f"ho-{k}") for k in ("quotes", "relations")}
    shown = [k for k in ("quotes", "relations") if k in downloads.takes("handout")]
    for k in shown:
        extra[k] = st.checkbox(f"Include the {k}", value=True, key=f"ho-{k}")
    options.update({k: extra[k] for k in shown})
    options["text"] = loaded.text
    if loaded.text and "context" in downloads.takes("handout"):
        options["context"] = st.checkbox(
            "Each quote with its sentence from the text",
            key="ho-context",
            help="The sentence of the source each quote stands in, around it.",
        )
    st.markdown("**Download**")
    downloads.buttons(
        m,
        view,
        key="ho",
        slug=slug,
        options=options,
        only=(
            "pdf",
            "handout",
            "handout-pdf",
            "handout-md",
            "pptx",
            "slides-pdf",
            "annotated-text",
            "annotated-text-pdf",
        ),
    )

PREVIEW_AT_ONCE = 80  # claims; a larger handout is previewed when asked (it is megabytes)
with right:
    st.markdown("**Preview**")
    big = len(sel.map.claims) > PREVIEW_AT_ONCE
    if big and not st.session_state.get("ho_preview"):
        st.info(
            f"This handout holds {len(sel.map.claims)} claims; its preview takes a few "
            "seconds to show.",
            icon=":material/preview:",
        )
        st.button(
            "Show the preview",
            key="ho_preview_show",
            on_click=_preview,
            icon=":material/visibility:",
        )
        st.stop()
    html_doc = diagram.handout_preview(
        loaded.key,
        diagram.view_params(view),
        m,
        tuple(sorted(downloads.options_for("handout", options).items())),
    )
    encoded = base64.b64encode(html_doc.encode("utf-8")).decode("ascii")
    st.iframe(f"data:text/html;base64,{encoded}", height=900)
