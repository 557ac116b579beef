"""The command line (arguments/cli.py), run in-process: exit codes, messages, files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from arguments import cli
from arguments.exporters import EXPORTERS, VIEWS
from arguments.formats import json as json_format
from arguments.loader import load_map, load_text

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
ESSAY = ROOT / "claims.yaml"


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


# ------------------------------------------------------------------ help
def test_export_help_lists_every_format_and_view_with_its_description(capsys):
    code, out, _ = run(capsys, "export", "--help")
    assert code == 0
    flat = " ".join(out.split())
    for e in EXPORTERS.values():
        assert f" {e.name} " in flat
        assert " ".join(e.description.split()[:4]) in flat
    for v in VIEWS:
        assert f" {v} " in flat


# ------------------------------------------------------------------ bad input: exit 2
BAD = [
    (["export", "-f", "svgg"], "unknown format 'svgg'; did you mean 'svg'?"),
    (["export", "-f", "svg", "--view", "fokus"], "unknown view 'fokus'; did you mean 'focus'?"),
    (["export", "-f", "svg", "--view", "focus"], "the focus view needs a claim"),
    (
        ["export", "-f", "svg", "--view", "focus", "--claim", "l-aprl-theses"],
        "no claim has the id 'l-aprl-theses'; did you mean 'l-april-theses'?",
    ),
    (
        ["export", "-f", "svg", "--view", "compare", "--actors", "trotsky"],
        "the compare view needs two actors",
    ),
    (["export", "-f", "svg", "--actor", "trotsk"], "no actor has the id 'trotsk'"),
    (["export", "-f", "svg", "--kind", "posture"], "no claim kind has the id 'posture'"),
    (["export", "-f", "svg", "--relation-kind", "support"], "did you mean 'supports'?"),
    (["export", "-f", "svg", "--chapter", "III"], "no chapter has the id 'III'"),
    (["export", "-f", "svg", "--topic", "wars"], "did you mean 'war'?"),
    (["export", "-f", "svg", "--years", "1921-1917"], "the first year is after the last"),
    (["export", "-f", "svg", "--years", "soon"], "write a year or a span"),
    (["export", "-f", "compare-csv"], "a comparison needs two actors"),
    (["export", "-f", "svg", "-o", "bad|name.svg"], "unsafe output file name"),
    (["export", "-f", "svg", "-o", "out/CON.svg"], "names a device"),
    (["compare", "trotsky", "lenn"], "no actor has the id 'lenn'; did you mean 'lenin'?"),
    (["compare", "trotsky", "lenin", "--topic", "peace"], "no topic has the id 'peace'"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_a_clear_error_with_exit_2(capsys, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv, "--map", MINI)
    assert code == 2
    assert message in err and err.startswith("error: ")
    assert out == ""


def test_an_argparse_usage_error_is_exit_2(capsys):
    code, _, err = run(capsys, "export", "--spacing", "roomy")
    assert code == 2 and "invalid choice" in err


def test_a_map_with_problems_lists_them_and_exits_2(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace("actor: lenin", "actor: lenn", 1))
    code, _, err = run(capsys, "export", "-f", "svg", "--map", bad)
    assert code == 2
    assert f"{bad}:" in err and "[unknown-actor]" in err and "did you mean 'lenin'" in err


def test_an_internal_error_is_exit_1_without_a_traceback(capsys, monkeypatch):
    from arguments.exporters import interchange

    def boom(m, view):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(interchange, "kialo", boom)
    code, _, err = run(capsys, "export", "-f", "kialo", "--map", MINI)
    assert code == 1 and "internal error: RuntimeError: disk on fire" in err


# ------------------------------------------------------------------ export
def test_export_writes_into_a_folder_under_the_views_name(capsys, tmp_path):
    code, _, err = run(
        capsys,
        "export",
        "-f",
        "svg",
        "--view",
        "compare",
        "--actors",
        "trotsky",
        "lenin",
        "--map",
        MINI,
        "-o",
        f"{tmp_path}/out/",
    )
    assert code == 0
    assert (tmp_path / "out" / "trotsky-vs-lenin.svg").exists()
    assert "wrote" in err


def test_an_svg_export_loads_no_library_it_does_not_use(tmp_path):
    """Start-up is a third of a small export: the database, table, PDF, image, graph and
    fuzzy-matching libraries are not imported for a diagram, nor the store, the analyses
    of the other commands or urllib's ssl (the store's only when a store command runs)."""
    import subprocess
    import sys

    heavy = (
        *("sqlalchemy", "alembic", "pandas", "openpyxl", "fpdf", "pikepdf", "networkx"),
        *("PIL", "rapidfuzz", "ssl", "arguments.store", "arguments.analysis.search"),
        *("arguments.analysis.anchors", "arguments.analysis.diff"),
    )
    code = (
        "import sys; from arguments.cli import main; "
        f"main(['export', '-f', 'svg', '--map', {str(ESSAY)!r}, '-o', {str(tmp_path)!r} + '/m.svg']); "
        f"print(sorted({{p for m in sys.modules for p in (m, m.split('.')[0])}} & set({heavy!r})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "m.svg").stat().st_size > 100_000


def test_an_output_name_without_extension_gets_the_formats(capsys, tmp_path):
    code, _, _ = run(capsys, "export", "-f", "pdf", "--map", MINI, "-o", tmp_path / "diagram")
    assert code == 0 and (tmp_path / "diagram.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "argv,dpi",
    [(["-f", "png"], 150), (["-f", "png300"], 300), (["-f", "png", "--dpi", "300"], 300)],
)
def test_png_resolution(capsys, tmp_path, argv, dpi):
    code, _, _ = run(capsys, "export", *argv, "--map", MINI, "-o", f"{tmp_path}/")
    assert code == 0
    (path,) = tmp_path.glob("*.png")
    assert round(Image.open(path).info["dpi"][0]) == dpi
    assert path.name == ("map.png" if dpi == 150 else "map-300dpi.png")


def test_export_json_to_stdout_reads_back(capsys):
    code, out, _ = run(capsys, "export", "-f", "json", "--map", MINI)
    assert code == 0 and load_text(out, "x.json") == load_map(MINI)


def test_filters_narrow_every_format(capsys):
    code, out, _ = run(
        capsys,
        "export",
        "-f",
        "csv",
        "--map",
        ESSAY,
        "--actor",
        "lenin",
        "--years",
        "1917-1921",
        "--dated-only",
    )
    assert code == 0
    df = pd.read_csv(io.StringIO(out.lstrip("\ufeff")), dtype=str)
    assert all("lenin" in a.split(" | ") for a in df["actor"])  # his own and his joint claims
    assert all(1917 <= int(d[:4]) <= 1921 for d in df["date"])


def test_layout_options_reach_the_diagram(capsys):
    code, out, _ = run(
        capsys,
        "export",
        "-f",
        "dot",
        "--map",
        MINI,
        "--direction",
        "LR",
        "--edge-labels",
        "--cluster",
        "actor",
        "--spacing",
        "spacious",
    )
    assert code == 0
    assert "rankdir=LR" in out and "cluster_lenin" in out and "label=supports" in out


# ------------------------------------------------------------------ import
def test_import_argdown_writes_yaml_that_loads_as_the_same_map(capsys, tmp_path):
    src = tmp_path / "mini.argdown"
    code, _, _ = run(capsys, "export", "-f", "argdown", "--map", MINI, "-o", src)
    assert code == 0
    code, out, _ = run(capsys, "import", "--format", "argdown", src)
    assert code == 0
    back = load_text(out, "back.yaml")
    want = load_map(MINI)
    assert sorted(json_format.write(back).splitlines()) == sorted(
        json_format.write(want).splitlines()
    )


def test_import_json_to_a_json_file(capsys, tmp_path):
    src = tmp_path / "m.json"
    src.write_text(json_format.write(load_map(MINI)), encoding="utf-8")
    code, _, _ = run(capsys, "import", "--format", "json", src, "-o", tmp_path / "copy.json")
    assert code == 0 and load_map(tmp_path / "copy.json") == load_map(MINI)


def test_import_of_a_broken_argdown_names_line_and_column(capsys, tmp_path):
    src = tmp_path / "bad.argdown"
    code, _, _ = run(capsys, "export", "-f", "argdown", "--map", MINI, "-o", src)
    text = src.read_text(encoding="utf-8").replace("  >< [t-prol", ">< [t-prol")
    src.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "import", "--format", "argdown", src)
    line = next(i for i, s in enumerate(text.split("\n"), 1) if s.startswith(">< [t-prol"))
    assert code == 2 and out == ""
    assert f"{src}:{line}:1 [argdown-syntax]" in err


# ------------------------------------------------------------------ maps other tools make
CORPUS = ROOT / "tests" / "data" / "argdown"
BAD = ROOT / "tests" / "bad_maps"


def foreign_files(tmp_path) -> dict[str, Path]:
    from arguments.formats.aif import write as to_aif
    from arguments.formats.kialo import write as to_kialo

    mini = load_map(MINI)
    (tmp_path / "ova.json").write_text(to_aif(mini), encoding="utf-8")
    (tmp_path / "discussion.txt").write_text(to_kialo(mini), encoding="utf-8")
    return {
        "argdown": CORPUS / "populism.argdown",
        "aif": tmp_path / "ova.json",
        "kialo": tmp_path / "discussion.txt",
    }


@pytest.mark.parametrize("fmt", ["argdown", "aif", "kialo"])
def test_import_reads_every_format_into_yaml(capsys, tmp_path, fmt):
    src = foreign_files(tmp_path)[fmt]
    code, out, _ = run(capsys, "import", "--format", fmt, src)
    assert code == 0
    assert load_text(out, "back.yaml") == load_map(src)
    code, _, err = run(capsys, "import", "--format", fmt, src, "-o", tmp_path / "out.json")
    assert code == 0 and load_map(tmp_path / "out.json") == load_map(src)
    assert "claims" in err


@pytest.mark.parametrize("fmt", ["argdown", "aif", "kialo"])
def test_validate_and_export_recognise_each_format_by_extension_and_content(capsys, tmp_path, fmt):
    src = foreign_files(tmp_path)[fmt]
    m = load_map(src)
    code, out, _ = run(capsys, "validate", src)
    assert code == 0 and f"ok - {len(m.claims)} claims, {len(m.relations)} relations" in out
    code, _, _ = run(capsys, "export", "-f", "svg", "--map", src, "-o", f"{tmp_path}/")
    assert code == 0 and (tmp_path / "map.svg").exists()
    code, out, _ = run(capsys, "export", "-f", "json", "--map", src)
    assert code == 0 and load_text(out, "m.json") == m


@pytest.mark.parametrize(
    "name,fmt,code_word",
    [
        ("argdown-unclosed-comment.argdown", "argdown", "argdown-syntax"),
        ("aif-edge-to-missing-node.json", "aif", "aif-structure"),
        ("aif-cycle-of-inferences.json", "aif", "aif-structure"),
        ("kialo-broken-numbering.txt", "kialo", "kialo-syntax"),
    ],
)
def test_a_broken_file_of_another_tool_exits_2_with_its_coded_problem(capsys, name, fmt, code_word):
    for argv in (("validate", BAD / name), ("import", "--format", fmt, BAD / name)):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert f"{BAD / name}:" in err and f"[{code_word}]" in err


# ------------------------------------------------------------------ compare and schema
def test_compare_prints_a_table_per_topic(capsys):
    code, out, _ = run(capsys, "compare", "trotsky", "lenin", "--map", MINI)
    assert code == 0
    assert "Trotsky vs Lenin" in out and "== Form of the dictatorship" in out
    assert "contradict" in out and "1905: The revolution will set up" in out


def test_compare_as_csv_and_json(capsys):
    code, out, _ = run(capsys, "compare", "trotsky", "lenin", "--map", ESSAY, "-f", "csv")
    df = pd.read_csv(io.StringIO(out.lstrip("\ufeff")), dtype=str, keep_default_na=False)
    assert code == 0 and {"period", "relation", "a_claims", "b_claims"} <= set(df.columns)
    code, out, _ = run(
        capsys,
        "compare",
        "trotsky",
        "lenin",
        "--map",
        ESSAY,
        "-f",
        "json",
        "--topic",
        df["topic"][0],
    )
    data = json.loads(out)
    assert code == 0 and data["actors"] == ["trotsky", "lenin"]
    assert {r["topic"] for r in data["rows"]} == {df["topic"][0]}


def test_schema_prints_the_schema_that_the_repository_keeps(capsys):
    from arguments.formats.json import SCHEMA_FILE, schema_text

    code, out, _ = run(capsys, "schema")
    assert code == 0 and out == schema_text()
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "schema/argmap-1.schema.json is stale: run `make schema`"
    )


@pytest.mark.parametrize("path", [MINI, ESSAY])
def test_the_json_export_validates_against_the_schema(capsys, path):
    import jsonschema

    from arguments.formats.json import SCHEMA_FILE

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    _code, out, _ = run(capsys, "export", "-f", "json", "--map", path)
    jsonschema.validate(json.loads(out), schema, cls=jsonschema.Draft202012Validator)
    bad = json.loads(out)
    bad["claims"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)


# ------------------------------------------------------------------ validate, stats, show
def test_validate_reports_the_counts_of_a_good_map(capsys):
    code, out, _ = run(capsys, "validate", MINI)
    assert code == 0 and "ok - 6 claims, 6 relations" in out


@pytest.mark.parametrize("fmt", ["json", "argdown"])
def test_validate_reads_our_json_and_argdown_too(capsys, tmp_path, fmt):
    _, exported, _ = run(capsys, "export", "-f", fmt, "--map", MINI)
    (tmp_path / f"map.{fmt}").write_text(exported, encoding="utf-8")
    code, out, _ = run(capsys, "validate", tmp_path / f"map.{fmt}")
    assert code == 0 and "ok - 6 claims" in out


def test_validate_with_the_source_checks_every_quote(capsys, tmp_path, essay_path):
    code, out, _ = run(capsys, "validate", ESSAY, "--source", essay_path)
    assert code == 0 and "every quote verbatim" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        MINI.read_text(encoding="utf-8").replace(
            "All power to the Soviets!", "All power to the Councils!"
        ),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "validate", bad, "--source", essay_path)
    assert code == 2
    assert "[quote-not-in-source]" in err and "l-april-theses" in err
    assert "All power to the Soviets" in err  # the nearest passage of the essay


def test_validate_with_an_unreadable_source_is_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "validate", MINI, "--source", tmp_path / "nothing.txt")
    assert code == 2 and "[source-unreadable]" in err


def test_stats_counts_by_kind_actor_topic_and_chapter(capsys):
    code, out, _ = run(capsys, "stats", "--map", MINI, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["claims"] == 6 and data["by_kind"]["position"] == 2
    assert data["by_actor"]["Lenin"] == 2 and list(data["by_chapter"]) == ["I", "II"]


def test_show_prints_the_claim_its_quotes_and_relations(capsys):
    code, out, _ = run(capsys, "show", "l-april-theses", "--map", MINI)
    assert code == 0
    assert "All power to the Soviets." in out and "\u201cAll power to the Soviets!\u201d" in out
    assert "adopts -> t-proletarian-dictatorship" in out


def test_show_tree_prints_what_bears_on_the_claim(capsys):
    code, out, _ = run(capsys, "show", "author-verdict", "--tree", "--map", MINI)
    assert code == 0
    assert "- supports: All power to the Soviets. [Lenin, 1917-04]" in out
    assert "- undercuts: The revolution will set up" in out


def test_show_an_unknown_id_suggests_the_nearest(capsys):
    code, _, err = run(capsys, "show", "l-april-thesis", "--map", MINI)
    assert code == 2 and "did you mean 'l-april-theses'?" in err


# ------------------------------------------------------------------ search
@pytest.mark.parametrize(
    "query, first",
    [
        ("postulate 4", "postulate-4"),
        ("fourth postulate", "postulate-4"),
        ("P2", "postulate-2"),
        ("accept the terms", "lenin-accept-german-terms"),
        ("lenin-accept-german-terms", "lenin-accept-german-terms"),
    ],
)
def test_search_prints_ranked_hits_with_their_ids(capsys, query, first):
    code, out, _ = run(capsys, "search", query, "--map", ESSAY, "-n", "5")
    assert code == 0
    assert out.splitlines()[2].split()[:2] == ["1.", first]


def test_search_as_json_lists_ranked_hits_and_what_matched(capsys):
    code, out, _ = run(capsys, "search", "Brest-Litovsk", "--map", ESSAY, "-f", "json", "-n", "50")
    assert code == 0
    data = json.loads(out)
    assert [h["rank"] for h in data["hits"]] == list(range(1, len(data["hits"]) + 1))
    found = {h["id"]: h for h in data["hits"]}
    assert "lenin-accept-german-terms" in found
    assert [m["field"] for m in found["lenin-accept-german-terms"]["matches"]] == ["topics"]
    scores = [h["score"] for h in data["hits"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["search", "  "], "the query is empty"),
        (["search", "war", "--limit", "0"], "--limit must be at least 1"),
        (["search", "war", "--map", "no-such-map.yaml"], "file-unreadable"),
    ],
)
def test_search_refuses_bad_input_with_exit_2(capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err


def test_search_text_lists_the_paragraphs_that_hold_the_words(capsys):
    code, out, _ = run(capsys, "search", "Helphand", "--text", "--map", ESSAY)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "1 paragraph of the text match 'Helphand'"
    assert lines[2] == "  1. chapter I, paragraph 16"
    assert "matched: Helphand" in out


def test_search_text_as_json_says_where_and_whether_a_claim_quotes_it(capsys):
    argv = ["search", '"downfall of tsarist"', "--text", "--map", ESSAY, "-f", "json"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    (hit,) = json.loads(out)["passages"]
    assert (hit["chapter"], hit["paragraph"], hit["quoted"]) == ("introduction", 1, False)
    assert [hit["snippet"][a:b] for a, b in hit["spans"]] == ["downfall of tsarist"]


def test_search_text_of_a_map_without_a_text_exits_2(capsys):
    code, _, err = run(capsys, "search", "war", "--text", "--map", MINI)
    assert code == 2 and "names no source text" in err


def test_search_without_a_hit_says_so(capsys):
    code, out, _ = run(capsys, "search", "zanzibar", "--map", MINI)
    assert code == 0 and out == "no claim matches 'zanzibar'\n"


def test_the_command_line_keeps_its_font_subsets_in_the_cache_folder(tmp_path):
    """The command line's maps are files on disk already: the font subset an SVG embeds
    is kept in the cache folder for the next run (the app keeps it in its process only)."""
    import os
    import subprocess
    import sys

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    out = tmp_path / "m.svg"
    subprocess.run(
        [sys.executable, "-m", "arguments", "export", "-f", "svg", "--map", str(ESSAY), "-o", out],
        cwd=ROOT,
        env={**os.environ, "ARGMAP_CACHE": str(cache)},
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert out.exists() and list((cache / "woff2").glob("*.woff2"))
