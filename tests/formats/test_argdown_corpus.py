"""Real Argdown documents we did not write (tests/data/argdown, see SOURCES.md), imported as
maps and checked against what the real Argdown CLI (`argdown json`) finds in them:

- one claim for every statement and every argument the CLI finds (statements as claims
  of kind position, arguments of kind argument);
- every relation the CLI finds, as our kind (support and entails: supports; attack:
  attacks; contrary and contradictory: contradicts; an undercut: undercuts of the
  argument's link to its conclusion, or an attack on an argument that concludes
  nothing), plus for each premise-conclusion structure the supports from each premise
  to the argument and from the argument to its conclusion, and nothing else;
- then our Argdown export of each imported map goes back through the CLI, which finds
  one statement or argument per claim and one relation per relation, type by type;
- and reading that export back gives the same map.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from argdown_cli import argdown_command, problems, run

from arguments.formats import json as json_format
from arguments.formats.argdown import write
from arguments.formats.argdown.links import FROM_ARGDOWN
from arguments.formats.argdown.reader import claim_ids
from arguments.kinds import relation_key
from arguments.loader import load_text

CORPUS = Path(__file__).resolve().parent.parent / "data" / "argdown"
DOCUMENTS = sorted(CORPUS.glob("*.argdown"))
#: the CLI's end types -> the reader's
_END = {"equivalence-class": "statement", "argument": "argument", "inference": "argument"}
#: our relation kinds -> the Argdown relation type our export draws them with
_DRAWN = {"supports": "support", "attacks": "attack", "contradicts": "contradictory"}


def text_of(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def normal(m) -> dict:
    d = json_format.to_data(m)
    d["claims"] = sorted(d["claims"], key=lambda c: c["id"])
    d["relations"] = sorted(d["relations"], key=lambda r: json.dumps(r, sort_keys=True))
    return d


@pytest.fixture(scope="module")
def cli():
    command = argdown_command()
    if command is None:
        pytest.skip("node/npm missing: the Argdown CLI cannot run")
    return command


def cli_json(cli, path: Path, out: Path) -> dict:
    proc = run(cli, "json", str(path), str(out))
    exported = out / (path.stem + ".json")
    assert exported.exists() and not problems(proc), proc.stdout + proc.stderr
    return json.loads(exported.read_text(encoding="utf-8"))


def expected_relations(model: dict, ids: dict, m) -> set[tuple]:
    """The relations of our map that the CLI's model calls for (see the module doc)."""
    out: set[tuple] = set()

    def add(source: str, target: str, kind: str, reason: str | None = None) -> None:
        if source != target:
            out.add(relation_key(source, target, kind, reason))

    supported = {
        ids[("argument", r["from"])]: ids[(_END[r["toType"]], r["to"])]
        for r in model["relations"]
        if r["fromType"] == "argument" and FROM_ARGDOWN[r["relationType"]] == "supports"
    }
    conclusion = {}
    for title, arg in model["arguments"].items():
        pcs = next((mm["pcs"] for mm in arg["members"] if mm.get("pcs")), None) or arg.get("pcs")
        if not pcs:
            continue
        aid = ids[("argument", title)]
        conclusion[aid] = ids[("statement", pcs[-1]["title"])]
        for step in pcs[:-1]:
            add(ids[("statement", step["title"])], aid, "supports")
        add(aid, conclusion[aid], "supports")
    for r in model["relations"]:
        source = ids[(_END[r["fromType"]], r["from"])]
        target = ids[(_END[r["toType"]], r["to"])]
        kind = FROM_ARGDOWN[r["relationType"]]
        if kind != "undercuts":
            add(source, target, kind)
        elif r["toType"] == "equivalence-class":
            add(source, target, "attacks")
        elif target in conclusion or target in supported:
            add(source, conclusion.get(target) or supported[target], "undercuts", target)
        else:
            add(source, target, "attacks")
    return out


@pytest.mark.argdown_cli
@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_the_import_has_what_the_cli_finds(path, cli, tmp_path):
    model = cli_json(cli, path, tmp_path)
    text = text_of(path)
    m = load_text(text, path.name)
    ids = claim_ids(text, path.name)
    statements, arguments = model["statements"], model["arguments"]
    # one claim for every statement and every argument, and no other
    assert len(m.claims) == len(statements) + len(arguments)
    assert {ids[("statement", t)] for t in statements} | {
        ids[("argument", t)] for t in arguments
    } == {c.id for c in m.claims}
    for title in statements:
        assert m.claim(ids[("statement", title)]).kind in ("position", "thesis", "event")
    for title in arguments:
        assert m.claim(ids[("argument", title)]).kind == "argument"
    # every relation the CLI finds, and the supports of each premise-conclusion structure
    ours = {relation_key(r.source, r.target, r.kind, r.reason) for r in m.relations}
    assert ours == expected_relations(model, ids, m)
    assert len(m.relations) == len(ours)


@pytest.mark.argdown_cli
@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_our_export_of_the_import_goes_back_through_the_cli(path, cli, tmp_path):
    first = cli_json(cli, path, tmp_path / "original")
    m = load_text(text_of(path), path.name)
    exported = tmp_path / path.name
    exported.write_text(write(m), encoding="utf-8")
    again = cli_json(cli, exported, tmp_path / "again")
    # the same statements and arguments, now titled by our claim ids
    arguments = {c.id for c in m.claims if c.kind == "argument"}
    assert set(again["arguments"]) == arguments
    assert set(again["statements"]) == {c.id for c in m.claims} - arguments
    total = len(again["statements"]) + len(again["arguments"])
    assert total == len(first["statements"]) + len(first["arguments"]) == len(m.claims)
    # one relation per relation of the map, type by type
    found = Counter(r["relationType"] for r in again["relations"])
    assert found == Counter(_DRAWN.get(r.kind, "undercut") for r in m.relations)
    # and our reader reads the export back to the same map
    assert normal(load_text(write(m), "again.argdown")) == normal(m)


def test_the_corpus_is_documented_with_its_licences():
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert len(DOCUMENTS) >= 15
    for path in DOCUMENTS:
        assert f"| {path.name} |" in sources
    assert len(list((CORPUS / "LICENSES").glob("*.txt"))) >= 2
