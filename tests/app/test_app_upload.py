"""AppTest: opening another map from the sidebar (components/upload.py, components/source.py).

A valid upload in any of the three formats replaces the bundled map on every
page; a broken one lists its problems with file, line and column and leaves
the open map open; over 2 MB is refused with a clear message; "Reset" brings
the bundled map back; choices that name things of the old map do not break
the new one; nothing is written to disk, least of all the bundled claims.yaml.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from apphelp import MINI, PAGES, ROOT, no_exception, open_app, page_text, shown_claims
from gen import make_map
from hostile import HOSTILE, hostile_map_yaml

from arguments.errors import MapError
from arguments.formats import json as json_format
from arguments.formats import yaml as yaml_format
from arguments.formats.argdown import write as to_argdown
from arguments.loader import UPLOAD_LIMIT, load_bytes, load_map

OTHER = make_map(24, 30, seed=7)  # the colleague's map: nothing in common with mini.yaml
OTHER_IDS = {c.id for c in OTHER.claims}
MINI_IDS = {c.id for c in load_map(MINI).claims}
MINI_TITLE = "A small test map"
WRITERS = {
    "yaml": ("colleague.yaml", yaml_format.write),
    "json": ("colleague.json", json_format.write),
    "argdown": ("colleague.argdown", to_argdown),
}


def upload(at, name: str, data: bytes | str):
    data = data.encode("utf-8") if isinstance(data, str) else data
    at.file_uploader[0].set_value((name, data, "application/octet-stream")).run()
    return at


def sidebar_text(at) -> str:
    return "\n".join(
        [str(e.value) for e in at.sidebar.markdown] + [str(e.value) for e in at.sidebar.caption]
    )


@pytest.fixture
def at():
    return open_app(MINI)


# ------------------------------------------------------------------ a record of writes
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_TMPFILE = getattr(os, "O_TMPFILE", 0) & ~os.O_DIRECTORY  # an unnamed file: no path on disk
_recording: list[list] = []


def _audit(event: str, args: tuple) -> None:
    if not _recording:
        return
    if event == "open":
        path, mode, flags = args
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            (flags or 0) & _WRITE_FLAGS
        )
        if writes:
            # tempfile.TemporaryFile opens its folder with O_TMPFILE: a file with no name
            unnamed = (bool(_TMPFILE) and (flags or 0) & _TMPFILE == _TMPFILE) or (
                isinstance(path, (str, bytes)) and os.path.isdir(path)
            )
            _recording[-1].append(("unnamed" if unnamed else "file", str(path)))
    elif event in (
        "os.rename",
        "os.replace",
        "os.link",
        "os.symlink",
        "shutil.copyfile",
        "shutil.move",
        "os.truncate",
    ):
        _recording[-1].append((event, str(args[:2])))


sys.addaudithook(_audit)  # audit hooks cannot be removed: it records only inside `writes()`


class writes:
    """Every file this process opens for writing (or renames, links) inside the block."""

    def __enter__(self) -> list:
        _recording.append([])
        return _recording[-1]

    def __exit__(self, *exc) -> None:
        _recording.pop()


def new_files_holding(token: bytes, roots: list[Path], since: float) -> list[Path]:
    """Files under ``roots`` changed since ``since`` whose bytes contain ``token``."""
    found = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in (".git", ".venv", "node_modules")]
            for fn in filenames:
                p = Path(dirpath) / fn
                try:
                    if p.stat().st_mtime < since or p.stat().st_size > 50_000_000:
                        continue
                    if token in p.read_bytes():
                        found.append(p)
                except OSError:
                    continue
    return found


# ------------------------------------------------------------------ opening a valid map
@pytest.mark.parametrize("fmt", list(WRITERS))
def test_a_valid_upload_replaces_the_map_on_every_page(at, fmt):
    name, write = WRITERS[fmt]
    upload(at, name, write(OTHER))
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    assert shown_claims(at, "map_view") == OTHER_IDS
    assert at.title[0].value == OTHER.source.title
    side = sidebar_text(at)
    assert f"{len(OTHER.claims)} claims" in side and f"{len(OTHER.relations)} relations" in side
    assert "colleague" in side and "uploaded" in side
    assert any("Opened" in str(t.value) for t in at.toast)
    for page in PAGES[1:]:
        at.switch_page(f"app_pages/{page}.py").run()
        no_exception(at)
        assert not at.error, (page, [e.value for e in at.error])
    at.switch_page("app_pages/claim.py").run()
    first = OTHER.claims[0]
    at.selectbox(key="claim_pick").set_value(first.id).run()
    assert first.text in page_text(at).replace("\\", "")


def test_the_claim_page_offers_only_the_uploaded_maps_claims(at):
    upload(at, "colleague.yaml", yaml_format.write(OTHER))
    at.switch_page("app_pages/claim.py").run()
    picker = at.selectbox(key="claim_pick")
    assert len(picker.options) == len(OTHER.claims)
    assert all(
        not o.startswith(("Trotsky, 1906: The proletariat", "Lenin, 1917-04"))
        for o in picker.options
    )


def test_the_search_page_searches_the_uploaded_map(at):
    upload(at, "colleague.json", json_format.write(OTHER))
    at.switch_page("app_pages/search.py").run()
    at.text_input(key="q").set_value("jettisoned").run()  # a word of mini.yaml only
    assert "No claim matches" in page_text(at)
    word = OTHER.claims[0].text.split()[0].rstrip(".")
    at.text_input(key="q").set_value(word).run()
    assert "No claim matches" not in page_text(at)


def test_the_uploader_takes_every_format_a_text_or_a_zip_and_is_empty_after(at):
    assert set(at.file_uploader[0].allowed_type) == {
        ".yaml",
        ".yml",
        ".json",
        ".argdown",
        ".ad",
        ".txt",
        ".zip",
    }
    assert at.file_uploader[0].accept_multiple_files  # a map and its text together
    upload(at, "colleague.yml", yaml_format.write(OTHER))
    assert not at.file_uploader[0].value  # ready for another file


# ------------------------------------------------------------------ broken maps
def _broken() -> dict[str, tuple[str, str]]:
    text = MINI.read_text(encoding="utf-8")
    yaml_bad = text.replace("actor: lenin\n", "actor: lenim\n", 1).replace(
        "date: 1914-08", "date: 1914-13"
    )
    json_bad = json_format.write(OTHER).replace('"kind": "position"', '"kind": "opinion"', 1)
    ad_lines = to_argdown(load_map(MINI)).splitlines()
    i = next(n for n, line in enumerate(ad_lines) if line.startswith("[l-april-theses]"))
    ad_lines.insert(i, "this line is not argdown at all }")
    return {
        "yaml": ("broken.yaml", yaml_bad),
        "json": ("broken.json", json_bad),
        "argdown": ("broken.argdown", "\n".join(ad_lines) + "\n"),
        "syntax": ("broken.json", '{"source": {"title": "x",},}'),
    }


BROKEN = _broken()


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_upload_lists_every_problem_and_the_map_stays(case):
    at = open_app(MINI)
    upload(at, "colleague.yaml", yaml_format.write(OTHER))  # first a map the user works on
    at.multiselect(key="f_kinds").set_value(["prediction"]).run()
    name, text = BROKEN[case]
    with pytest.raises(MapError) as err:
        load_bytes(text.encode(), name)
    upload(at, name, text)
    no_exception(at)
    head = at.error[0].value
    n = len(err.value.problems)
    assert f"{name.replace('.', chr(92) + '.')} was not opened: {n} problem" in head
    assert "colleague\\.yaml, stays open" in head
    listing = at.code[0].value.splitlines()
    assert listing == [str(p) for p in err.value.problems]
    for line, p in zip(listing, err.value.problems):
        assert line.startswith(f"{name}:{p.line}:{p.column} [{p.code}]")
    # the map that was open, with the user's filter, is still there
    assert at.title[0].value == OTHER.source.title
    assert at.multiselect(key="f_kinds").value == ["prediction"]
    assert shown_claims(at, "map_view") == {c.id for c in OTHER.claims if c.kind == "prediction"}


def test_a_broken_yaml_names_line_column_got_and_expected():
    at = open_app(MINI)
    upload(at, *BROKEN["yaml"])
    listing = at.code[0].value.splitlines()
    assert listing[0].startswith("broken.yaml:31:12 [unknown-actor]")
    assert "got 'lenim'" in listing[0] and "did you mean 'lenin'?" in listing[0]
    assert listing[1].startswith("broken.yaml:59:11 [bad-date]")
    assert "expected YYYY or YYYY-MM" in listing[1]
    assert at.title[0].value == MINI_TITLE  # the bundled map stays open


def test_the_problems_stay_on_every_page_until_dismissed():
    at = open_app(MINI)
    upload(at, *BROKEN["yaml"])
    at.switch_page("app_pages/compare.py").run()
    assert "broken\\.yaml was not opened" in at.error[0].value
    at.button(key="upload_dismiss").click().run()
    no_exception(at)
    assert not at.error and not at.code


def test_a_good_upload_after_a_broken_one_clears_its_problems():
    at = open_app(MINI)
    upload(at, *BROKEN["json"])
    assert at.error
    upload(at, "colleague.yaml", yaml_format.write(OTHER))
    assert not at.error
    assert shown_claims(at, "map_view") == OTHER_IDS


@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x00\x01binary\x00" * 10, "binary-file"),
        ("caf\xe9".encode("latin-1") * 10, "not-utf8"),
        (b"", "empty-file"),
        (b"- just\n- a list\n", "wrong-type"),
    ],
)
def test_files_that_are_not_maps_are_listed_too(at, data, what):
    upload(at, "odd.yaml", data)
    no_exception(at)
    assert f"[{what}]" in at.code[0].value
    assert at.title[0].value == MINI_TITLE


def test_an_error_in_argmap_itself_is_told_calmly(at, monkeypatch):
    from components import source

    def broken_loader(*a, **k):
        raise RuntimeError("a bug")

    monkeypatch.setattr(source, "load_upload", broken_loader)
    upload(at, "colleague.yaml", yaml_format.write(OTHER))
    no_exception(at)
    assert "an error in argmap, not in your file" in at.error[0].value
    assert "a bug" not in page_text(at) and "Traceback" not in page_text(at)
    assert at.title[0].value == MINI_TITLE


# ------------------------------------------------------------------ the size cap
def _padded(size: int) -> bytes:
    """mini.yaml followed by comment lines, exactly ``size`` bytes long."""
    data = MINI.read_bytes()
    pad = size - len(data)
    line = b"# " + b"x" * 97 + b"\n"
    body = line * (pad // len(line))
    rest = pad - len(body)
    return data + body + (b"#" + b"x" * (rest - 2) + b"\n" if rest >= 2 else b"\n" * rest)


def test_a_file_over_2_mb_is_refused_with_a_clear_message(at):
    upload(at, "colleague.yaml", yaml_format.write(OTHER))
    upload(at, "huge.yaml", _padded(UPLOAD_LIMIT + 1))
    no_exception(at)
    msg = at.error[0].value
    assert "huge\\.yaml was not opened" in msg
    assert f"{UPLOAD_LIMIT + 1:,} bytes" in msg and "over the 2 MB limit" in msg
    assert not at.code  # no parse was attempted
    assert at.title[0].value == OTHER.source.title  # the open map stays


def test_a_file_of_exactly_2_mb_opens(at):
    data = _padded(UPLOAD_LIMIT)
    assert len(data) == UPLOAD_LIMIT
    upload(at, "big-but-allowed.yaml", data.replace(b"A small test map", b"A padded map!!!!"))
    no_exception(at)
    assert not at.error
    assert at.title[0].value == "A padded map!!!!"


def test_the_server_refuses_bodies_over_3_mb_itself():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == 3
    assert UPLOAD_LIMIT < 3 * 1024 * 1024


# ------------------------------------------------------------------ the way back
def test_reset_brings_the_bundled_map_back(at):
    upload(at, "colleague.yaml", yaml_format.write(OTHER))
    assert at.button(key="upload_reset").label == "Reset to mini.yaml"
    at.button(key="upload_reset").click().run()
    no_exception(at)
    assert at.title[0].value == MINI_TITLE
    assert shown_claims(at, "map_view") == MINI_IDS
    assert "upload_reset" not in [b.key for b in at.button]
    assert "the bundled map" in sidebar_text(at)


BUNDLED = ROOT / "claims.yaml"


@pytest.mark.skipif(not BUNDLED.exists(), reason="claims.yaml is not written yet")
def test_the_essay_is_back_after_reset_and_claims_yaml_is_never_written():
    before = (BUNDLED.stat().st_mtime_ns, hashlib.sha256(BUNDLED.read_bytes()).hexdigest())
    with writes() as written:
        at = open_app(BUNDLED)
        essay = at.title[0].value
        upload(at, "claims.yaml", yaml_format.write(OTHER))  # even an upload of the same name
        assert at.title[0].value == OTHER.source.title
        for page in PAGES[1:]:
            at.switch_page(f"app_pages/{page}.py").run()
            no_exception(at)
        upload(at, *BROKEN["yaml"])
        assert at.button(key="upload_reset").label == "Reset to the essay"
        at.button(key="upload_reset").click().run()
        at.switch_page("app_pages/map.py").run()
        no_exception(at)
        assert at.title[0].value == essay
    after = (BUNDLED.stat().st_mtime_ns, hashlib.sha256(BUNDLED.read_bytes()).hexdigest())
    assert after == before
    assert not [w for w in written if "claims.yaml" in w[1]]


# ------------------------------------------------------------------ nothing on disk
def test_an_upload_is_never_written_to_a_file():
    token = f"upload-token-{uuid.uuid4().hex}"
    data = yaml_format.write(OTHER).replace(OTHER.source.title, token).encode()
    start = time.time() - 1
    at = open_app(MINI)
    with writes() as written:
        upload(at, "colleague.yaml", data)
        for page in PAGES:
            at.switch_page(f"app_pages/{page}.py").run()
        upload(at, "broken.yaml", data.replace(b"kind: position", b"kind: opinion"))
        at.switch_page("app_pages/map.py").run()
    no_exception(at)
    assert at.title[0].value == token
    assert written == []
    assert new_files_holding(token.encode(), [ROOT, Path(tempfile.gettempdir())], start) == []


def test_an_upload_does_not_pass_through_an_unnamed_temp_file_either():
    # arguments.diagrams._agraph hands the DOT to Graphviz through os.memfd_create, not
    # pygraphviz's tempfile.TemporaryFile
    data = yaml_format.write(OTHER).replace(OTHER.source.title, uuid.uuid4().hex)  # nothing cached
    at = open_app(MINI)
    with writes() as written:
        upload(at, "colleague.yaml", data)
    assert written == []


# ------------------------------------------------------------------ the old map's choices
def test_choices_of_the_old_map_do_not_break_the_new_one():
    at = open_app(
        MINI,
        claim="l-april-theses",
        state={
            "f_actors": ["lenin"],
            "f_topics": ["war"],
            "f_chapters": ["II"],
            "f_years": (1917, 1917),
            "v_focus": True,
            "v_focus_claim": "l-april-theses",
            "cmp_a": "lenin",
            "cmp_b": "trotsky",
            "cmp_topic": "war",
            "verdict_pick": "author-verdict",
            "q": "Soviets",
        },
    )
    at.switch_page("app_pages/claim.py").run()
    assert at.query_params.get("claim") in ("l-april-theses", ["l-april-theses"])
    upload(at, "colleague.yaml", yaml_format.write(OTHER))
    no_exception(at)
    assert not at.query_params.get("claim")  # the old selection is gone
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        no_exception(at)
        assert not at.error, (page, [e.value for e in at.error])
    at.switch_page("app_pages/map.py").run()
    assert shown_claims(at, "map_view") == OTHER_IDS  # no filter of the old map applies
    assert at.session_state["q"] == "Soviets"  # words are not tied to a map


def test_a_link_to_a_claim_the_new_map_lacks_is_told_not_a_crash(at):
    upload(at, "colleague.yaml", yaml_format.write(OTHER))
    at.query_params["claim"] = "l-april-theses"
    at.switch_page("app_pages/claim.py").run()
    no_exception(at)
    assert "does not have: l\\-april\\-theses" in page_text(at)


# ------------------------------------------------------------------ hostile text
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_a_hostile_map(page):
    at = open_app(MINI)
    upload(at, "hostile.yaml", hostile_map_yaml())
    if page != "map":
        at.switch_page(f"app_pages/{page}.py").run()
    at.query_params["claim"] = "claim-0"
    at.run()
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    if page == "claim":  # the claim's text as a heading, its quote as escaped HTML
        text = page_text(at)
        assert f"### {HOSTILE['script']}" in text.replace("\\", "")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


# ------------------------------------------------------------------ maps other tools make
CORPUS = ROOT / "tests" / "data" / "argdown"


def _foreign() -> dict[str, tuple[str, bytes]]:
    from arguments.formats.aif import write as to_aif
    from arguments.formats.kialo import write as to_kialo

    return {
        "argdown": ("populism.argdown", (CORPUS / "populism.argdown").read_bytes()),
        "argdown-crlf": ("censorship.ad", (CORPUS / "state-censorship.argdown").read_bytes()),
        "aif": ("ova-export.json", to_aif(OTHER).encode("utf-8")),
        "kialo": ("discussion.txt", to_kialo(load_map(ROOT / "claims.yaml")).encode("utf-8")),
    }


FOREIGN = _foreign()


@pytest.mark.parametrize("fmt", list(FOREIGN))
def test_a_map_another_tool_made_opens_on_every_page(at, fmt):
    name, data = FOREIGN[fmt]
    expected = load_bytes(data, name)
    upload(at, name, data)
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    assert shown_claims(at, "map_view") == {c.id for c in expected.claims}
    assert f"{len(expected.claims)} claims" in sidebar_text(at)
    for page in PAGES[1:]:
        at.switch_page(f"app_pages/{page}.py").run()
        no_exception(at)
        assert not at.error, (page, [e.value for e in at.error])
        text = page_text(at)
        if page == "compare" and fmt in ("argdown", "argdown-crlf", "kialo"):
            assert "This map names fewer than two actors" in text
        if page == "timeline" and fmt != "aif":
            assert "This map dates none of its claims" in text


def test_a_broken_kialo_upload_lists_its_problem(at):
    upload(at, "discussion.txt", "1. Thesis\n1.1. Pro: a\n1.3. Con: b\n")
    no_exception(at)
    text = page_text(at)
    assert "discussion.txt:3:1 [kialo-syntax]" in text
    assert shown_claims(at, "map_view") == MINI_IDS  # the open map stays open
