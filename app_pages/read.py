"""Read page: the source text chapter by chapter with every quote of the map on it.

Click a highlight to see every claim that quotes the passage, with its
relations and links to the claim, the map and the comparison.  The view is
in the URL: ``/read?rd_ch=II`` (chapter), ``&claim=ID&quote=N`` (a passage,
scrolled to and flashed), ``&para=N`` (a paragraph of the chapter, scrolled to and
flashed: a search hit in the text), ``&rd_actors=…&rd_kinds=…&rd_topics=…&rd_unq=true``.
"""

from __future__ import annotations

import functools

import streamlit as st

from arguments.analysis.anchors import Anchor, Anchors
from arguments.exporters import EXPORTERS
from arguments.graph import Filters
from arguments.kinds import CLAIM_KIND, CLAIM_KINDS
from arguments.models import Map
from arguments.text import slug as text_slug
from arguments.views import View
from components import claim as claim_ui
from components import editor, page, reading, state
from components.text import claim_label, md, short

loaded, m = page.need_map()
found = reading.anchored(loaded)

st.title("Read")
if found is None:
    if loaded.text_missing:
        st.info(
            f"**This map names its source text, {md(m.source.text or '')}, but it was not "
            "uploaded with it.** Upload the map again together with its text: choose both "
            "files in the uploader, or one .zip holding them. The other pages work as "
            "they are.",
            icon=":material/menu_book:",
        )
    else:
        st.info(
            "**This map names no source text, so there is nothing to read beside it.** "
            "To read a map with its quotes highlighted in their text, name the text in the "
            "map, `text: essay.txt` under `source:` (a UTF-8 file, its path relative to "
            "the map file), and upload the map with its .txt (or one .zip). Every quote is "
            "then checked against the text too. The other pages work as they are.",
            icon=":material/menu_book:",
        )
    st.stop()

doc_found: Anchors = found  # the functions below see it as set
structure = found.structure
chapters = [c.id for c in structure.chapters if structure.in_chapter(c.id)]
quoted_by_chapter: dict[str, list[int]] = {}
for ch_id in chapters:
    paras = structure.in_chapter(ch_id)
    quoted_set = reading.quoted_set(loaded.key, found)
    quoted_by_chapter[ch_id] = [sum((ch_id, p.number) in quoted_set for p in paras), len(paras)]

target = reading.anchor_in_url(m, found)
if target is not None and target.chapter in chapters:
    # arriving at a passage ("Read in context", a shared link): show its chapter
    st.session_state["rd_ch"] = target.chapter
PARA_KEY = "para"


def _para_in_url() -> int | None:
    """The paragraph a link names (``?rd_ch=II&para=14``), if its chapter has it."""
    raw = st.query_params.get(PARA_KEY)
    ch = reading.chapter_from_label(doc_found, st.query_params.get("rd_ch"))
    if target is not None or not raw or not raw.isdigit() or ch not in chapters:
        return None
    n = int(raw)
    return n if any(p.number == n for p in structure.in_chapter(ch)) else None


para = _para_in_url()
if para is not None:
    # arriving at a paragraph (a search hit in the text): show its chapter
    st.session_state["rd_ch"] = reading.chapter_from_label(doc_found, st.query_params.get("rd_ch"))
if st.session_state.get("rd_ch") not in chapters:
    st.session_state.pop("rd_ch", None)


def _chapter_label(ch_id: str) -> str:
    return reading.chapter_label(doc_found, ch_id)


def _changed_chapter() -> None:
    # a chapter chosen by hand: the passage in the URL no longer decides it
    for name in (reading.QUOTE_KEY, PARA_KEY):
        if name in st.query_params:
            del st.query_params[name]


def _picked() -> None:
    value = st.session_state.get("rd_view") or {}
    pick = value.get("pick") if hasattr(value, "get") else None
    keys = (pick or {}).get("keys") or []
    a = found.by_key.get(keys[0]) if keys and found is not None else None
    if a is None:
        return
    params = reading.url_params(a)
    state.select(params["claim"])
    st.query_params[reading.QUOTE_KEY] = params[reading.QUOTE_KEY]
    if PARA_KEY in st.query_params:
        del st.query_params[PARA_KEY]
    st.session_state["rd_clicked"] = a.key  # clicked where the reader is: no scrolling


def _passage() -> None:
    value = st.session_state.get("rd_view") or {}
    got = value.get("passage") if hasattr(value, "get") else None
    text = (got or {}).get("text") if hasattr(got, "get") else None
    if text:
        st.session_state["rd_passage"] = {"text": str(text)[:2000], "chapter": chapter}


def _clear_passage() -> None:
    st.session_state.pop("rd_passage", None)


def _go_read(a: Anchor) -> None:
    params = reading.url_params(a)
    state.select(params["claim"])
    st.query_params[reading.QUOTE_KEY] = params[reading.QUOTE_KEY]
    if PARA_KEY in st.query_params:
        del st.query_params[PARA_KEY]
    if a.chapter:
        st.session_state["rd_ch"] = a.chapter


def _show_on_map(cid: str) -> None:
    st.session_state["v_focus"] = True
    st.session_state["v_focus_claim"] = cid
    state.go("map", cid)


by = f" by {md(m.source.author)}" if m.source.author and m.source.author != "unknown" else ""
st.caption(
    f"*{md(m.source.title)}*{by}, with the map's {len(found.items)} quotes highlighted in "
    "the colour of whose claim it is (stripes where quotes overlap or a claim is joint, a dotted line under a "
    "link's own words) and the kind of claim marked before each. Hover a highlight to see "
    "its claim; click it for every claim that quotes the passage. The strip on the left "
    "shows where the map is dense (dark) or has nothing (orange)."
)

top = st.columns([6, 3], vertical_alignment="bottom")
chapter = top[0].segmented_control(
    "Chapter",
    chapters,
    default=None if "rd_ch" in st.session_state else chapters[0],
    key="rd_ch",
    format_func=_chapter_label,
    on_change=_changed_chapter,
    bind="query-params",
    required=True,
)
chapter = chapter or chapters[0]
unquoted = top[1].toggle(
    "Passages no claim quotes",
    key="rd_unq",
    bind="query-params",
    help="Mark the paragraphs no claim of the map quotes and dim the rest: where the "
    "map could grow.",
)

anchored_claims = {a.claim for a in found.items if a.claim}
actor_ids = [a.id for a in m.actors if any(a.id in m.claim(c).actors for c in anchored_claims)]
kind_ids = [k for k in CLAIM_KINDS if any(m.claim(c).kind == k for c in anchored_claims)]
topic_ids = [t.id for t in m.topics]
f1, f2, f3 = st.columns(3)
actors = f1.multiselect(
    "Actors",
    actor_ids,
    key="rd_actors",
    format_func=m.actor_name,
    placeholder="All actors",
    bind="query-params",
)
kinds = f2.multiselect(
    "Kinds of claim",
    kind_ids,
    key="rd_kinds",
    format_func=lambda k: f"{CLAIM_KIND[k].glyph} {k}",
    placeholder="All kinds",
    bind="query-params",
)
topics = f3.multiselect(
    "Topics",
    topic_ids,
    key="rd_topics",
    format_func=m.topic_label,
    placeholder="All topics",
    bind="query-params",
)


def _passes(m: Map, cid: str) -> bool:
    c = m.claim(cid)
    return (
        (not actors or bool(set(actors) & set(c.actors)))
        and (not kinds or c.kind in kinds)
        and (not topics or bool(set(topics) & set(c.topics)))
    )


def _keep_keys(found: Anchors) -> tuple[str, ...] | None:
    if not (actors or kinds or topics):
        return None
    return tuple(
        a.key
        for a in found.items
        if (a.claim and _passes(m, a.claim))
        or (a.relation and _passes(m, a.relation[0]) and _passes(m, a.relation[2]))
    )


keep = _keep_keys(found)
n_q, n_p = quoted_by_chapter[chapter]
shown = sum(1 for a in found.items if a.chapter == chapter and (keep is None or a.key in keep))
st.caption(
    f"{shown} quote{'s' if shown != 1 else ''} highlighted in this chapter"
    + (" (filtered)" if keep is not None else "")
    + f" \u00b7 {n_q} of {n_p} paragraphs quoted by some claim"
)


def _annotated(fmt: str, chapters: tuple[str, ...]) -> bytes:
    """The annotated text of the chapters with the page's filters (made when clicked)."""
    view = View(
        filters=Filters.make(
            actors=actors or None,
            kinds=kinds or None,
            topics=topics or None,
            chapters=list(chapters) or None,
        )
    )
    out = EXPORTERS[fmt].run(m, view, text=loaded.text)
    return out.encode("utf-8") if isinstance(out, str) else out


row = st.container(horizontal=True, gap="small", vertical_alignment="center", key="rd_dl")
row.caption("Annotated text", width="content")
slug = text_slug(m.source.title)[:40].strip("-") or "text"
for fmt, label, scope, name in (
    ("annotated-text-pdf", "This chapter (PDF)", (chapter,), f"{slug}-{chapter}-annotated"),
    ("annotated-text", "This chapter (HTML)", (chapter,), f"{slug}-{chapter}-annotated"),
    ("annotated-text-pdf", "The whole text (PDF)", (), f"{slug}-annotated"),
):
    exp = EXPORTERS[fmt]
    row.download_button(
        label,
        data=functools.partial(_annotated, fmt, scope),
        file_name=f"{name}.{exp.extension}",
        mime=exp.mime,
        key=f"rd-dl-{fmt}-{len(scope)}",
        on_click="ignore",
        icon=":material/download:",
        help="The text with the highlighted quotes (as filtered here) and the claims named "
        "in the margin, for close reading on paper",
    )

selected = target.key if target is not None else None
# flash (and scroll to) the passage once when it is reached: by a link, from another
# page, from the side panel; not again on a filter's rerun, nor for a click in the text
run = state.run_number()
seen_key, seen_run, nonce = st.session_state.get("rd_seen", (None, -5, 0))
reached = selected or (f"\u00b6{para}" if para is not None else None)
if reached != seen_key or seen_run != run - 1:
    nonce = run
st.session_state["rd_seen"] = (reached, run, nonce)
flash = selected if target is not None and target.chapter == chapter else None
if flash is None and para is not None:
    flash = f"\u00b6{para}"
if flash is not None and st.session_state.pop("rd_clicked", None) == flash:
    flash = None
left, right = st.columns([7, 3], gap="large")
with left:
    reading.text_view(
        loaded,
        found,
        chapter,
        keep=keep,
        unquoted=bool(unquoted),
        selected=selected,
        flash=flash,
        nonce=nonce,
        on_pick=_picked,
        on_passage=_passage,
        key="rd_view",
    )

with right, st.container(key="read_panel"):
    passage = st.session_state.get("rd_passage")
    if passage:
        with st.container(border=True, key="rd-passage"):
            st.markdown("**Selected passage**")
            st.html(claim_ui.quote_block_text(passage["text"]))
            text_index = reading.source_text(loaded)
            if text_index is not None and text_index.find(passage["text"]):
                if "rd_q_chapter" not in st.session_state:
                    st.session_state["rd_q_chapter"] = passage.get("chapter") or ""
                editor.quote_actions(passage["text"], key="rd_q")
            else:
                st.caption(
                    "This selection is not the text's own words in order (it runs across "
                    "a heading or a note?); select within one paragraph."
                )
            st.button(
                "Clear the selection",
                key="rd-passage-clear",
                on_click=_clear_passage,
                type="tertiary",
                icon=":material/close:",
            )
    if target is None:
        st.markdown("**Claims on a passage**")
        st.caption(
            "Click a highlighted passage to see every claim that quotes it, with its "
            "relations and links to the claim, the map and the comparison. Select words "
            "of the text to put them into the map: as a new claim's quote or another quote "
            "of a claim."
        )
        if found.ambiguous:
            st.warning(
                f"{len(found.ambiguous)} quote(s) stand more than once in the text and their "
                "claim's chapter does not say which is meant; each is shown at its first "
                "place: " + ", ".join(md(a.key) for a in found.ambiguous[:5]),
                icon=":material/help:",
            )
    else:
        spans = target.spans
        here = [
            a
            for a in found.items
            if a.found and any(s < e2 and s2 < e for s, e in spans for s2, e2 in a.spans)
        ]
        first = target.key  # (the lambda below would not see target narrowed)
        here.sort(key=lambda a: (a.key != first, a.start))
        n_claims = len({a.claim for a in here if a.claim})
        n_links = sum(1 for a in here if a.claim is None)
        who = [f"{n_claims} claim{'s' if n_claims != 1 else ''}"] if n_claims else []
        if n_links:
            who.append(f"{n_links} link{'s' if n_links != 1 else ''}")
        verb = "quotes" if n_claims + n_links == 1 else "quote"
        st.markdown(f"**{' and '.join(who)} {verb} this passage**")
        for i, a in enumerate(here):
            with st.container(border=True, key=f"rd-claim-{i}"):
                if a.claim is None:
                    assert a.relation is not None
                    src, kind, tgt = a.relation
                    st.caption(f"The words of a link: {md(kind)}")
                    for j, cid in enumerate((src, tgt)):
                        st.button(
                            md(claim_label(m, cid, 90)),
                            key=f"rd-link-{i}-{j}",
                            on_click=_go_read,
                            args=(found.of_claim(cid)[0],),
                            type="tertiary",
                            icon=":material/menu_book:",
                            disabled=not found.of_claim(cid),
                        )
                    continue
                c = m.claim(a.claim)
                st.html(claim_ui.meta_html(m, c.id))
                st.markdown(f"**{md(c.text)}**")
                q = c.quotes[a.index]
                bits = [f"Quote {a.index + 1} of {len(c.quotes)}"]
                if a.note:
                    bits.append(f"note {a.note}")
                if q.cites:
                    bits.append(md(short(q.cites, 80)))
                st.caption(" \u00b7 ".join(bits))
                groups = claim_ui.relation_groups(m, c.id)
                for gi, (heading, items) in enumerate(groups):
                    st.caption(heading)
                    for oi, (other, _rel) in enumerate(items):
                        anchors = found.of_claim(other)
                        st.button(
                            md(claim_label(m, other, 70)),
                            key=f"rd-rel-{i}-{gi}-{oi}",
                            on_click=_go_read,
                            args=(anchors[0],) if anchors else (a,),
                            type="tertiary",
                            icon=":material/subdirectory_arrow_right:",
                            help="Read this claim's passage",
                            disabled=not anchors,
                        )
                row = st.container(horizontal=True, gap="small", key=f"rd-links-{i}")
                row.page_link(
                    "app_pages/claim.py",
                    label="Claim",
                    icon=":material/article:",
                    query_params={"claim": c.id},
                )
                row.button(
                    "Map",
                    key=f"rd-map-{i}",
                    on_click=_show_on_map,
                    args=(c.id,),
                    icon=":material/account_tree:",
                    type="tertiary",
                    help="The map, focused on this claim",
                )
                others = [
                    x
                    for _, items in groups
                    for o, _r in items
                    for x in m.claim(o).actors
                    if x not in c.actors
                ]
                if others:
                    row.page_link(
                        "app_pages/compare.py",
                        label=f"Compare with {short(m.actor_name(others[0]), 24)}",
                        icon=":material/compare_arrows:",
                        query_params={"cmp_a": c.actors[0], "cmp_b": others[0]},
                    )
