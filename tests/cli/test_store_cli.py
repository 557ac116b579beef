"""``argmap store ...`` and ``argmap diff``, in-process, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storehelp import backends, fresh_url

from arguments import cli
from arguments.store import parse_ref

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
ESSAY = ROOT / "claims.yaml"


@pytest.fixture(params=backends())
def db(request, tmp_path, monkeypatch) -> str:
    url = fresh_url(request.param, tmp_path)
    monkeypatch.setenv("ARGMAP_DB", url)
    return url


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def imported(capsys, path=MINI) -> dict:
    code, out, _ = run(capsys, "store", "import", path, "--format", "json", "--who", "Ann")
    assert code == 0
    return json.loads(out)


def test_import_prints_the_id_version_and_both_links(db, capsys):
    data = imported(capsys)
    assert set(data) == {"map", "version", "edit_link", "view_link"}
    assert data["version"] == 1
    assert "/edit?map=" in data["edit_link"] and "/?map=" in data["view_link"]
    code, out, _ = run(capsys, "store", "import", MINI, "--title", "Mine")
    assert code == 0
    assert out.startswith("map: ") and "\nversion: 1\n" in out and "edit link: http" in out
    code, out, _ = run(capsys, "store", "list", "--format", "json")
    listed = json.loads(out)
    assert [m["version"] for m in listed] == [1, 1]
    assert listed[1]["title"] == "Mine"


def test_save_history_export_and_diff_of_versions(db, capsys, tmp_path):
    made = imported(capsys)
    changed = tmp_path / "changed.yaml"
    changed.write_text(
        MINI.read_text("utf-8").replace("All power to the Soviets.", "All power!"), "utf-8"
    )
    code, out, _ = run(capsys, "store", "save", made["map"], changed, "--who", "Bob")
    assert code == 0 and "version 2 (changed the text of l-april-theses)" in out
    code, out, _ = run(capsys, "store", "history", made["map"], "--format", "json")
    hist = json.loads(out)
    assert [(h["version"], h["author"], h["step"]) for h in hist] == [
        (1, "Ann", "import"),
        (2, "Bob", "save"),
    ]
    code, out, _ = run(capsys, "store", "history", made["map"])
    assert "Bob: changed the text of l-april-theses" in out
    code, out, _ = run(
        capsys, "diff", f"store:{made['map']}@1", f"store:{made['map']}@2", "--format", "json"
    )
    d = json.loads(out)
    assert d["claims"]["changed"] == [
        {
            "id": "l-april-theses",
            "fields": {"text": {"old": "All power to the Soviets.", "new": "All power!"}},
        }
    ]
    code, out, _ = run(capsys, "diff", MINI, f"store:{made['map']}")
    assert code == 0 and "~ l-april-theses" in out
    code, out, _ = run(capsys, "store", "export", made["map"], "--version", "1", "-f", "json")
    assert json.loads(out)["claims"][2]["text"] == "All power to the Soviets."
    out_file = tmp_path / "v2.json"
    code, _, _ = run(capsys, "store", "export", made["map"], "-f", "json", "-o", out_file)
    assert json.loads(out_file.read_text("utf-8"))["claims"][2]["text"] == "All power!"
    code, _, err = run(capsys, "store", "export", made["map"], "--version", "9", "-f", "json")
    assert code == 2 and "no version 9" in err


def test_a_view_link_cannot_save_and_a_bad_one_finds_no_map(db, capsys):
    made = imported(capsys)
    for ref in (made["view_link"], parse_ref(made["view_link"]).token):
        code, _, err = run(capsys, "store", "save", ref, MINI)
        assert code == 2 and "can only read" in err
    code, _, err = run(capsys, "store", "save", made["edit_link"], MINI, "--who", "Ann")
    assert code == 0
    bad = made["edit_link"][:-4] + "AAAA"
    for ref in (bad, "store:0000000000", "nosuchmap"):
        code, _, err = run(capsys, "store", "history", ref)
        assert code == 2 and err.strip() == "error: no such map", ref
    code, out, _ = run(capsys, "store", "history", made["map"], "--format", "json")
    assert len(json.loads(out)) == 2  # the refused saves left nothing


def test_an_invalid_or_unreadable_file_stores_nothing(db, capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.read_text("utf-8").replace("actor: lenin", "actor: lenni", 1), "utf-8")
    code, _, err = run(capsys, "store", "import", bad)
    assert code == 2 and "[unknown-actor]" in err and "bad.yaml:" in err
    code, _, err = run(capsys, "store", "import", tmp_path / "missing.yaml")
    assert code == 2 and "[file-unreadable]" in err
    code, out, _ = run(capsys, "store", "list", "--format", "json")
    assert json.loads(out) == []
    made = imported(capsys)
    code, _, err = run(capsys, "store", "save", made["map"], bad)
    assert code == 2 and "[unknown-actor]" in err


def test_backup_and_restore_the_whole_database(db, capsys, tmp_path):
    made = imported(capsys)
    file = tmp_path / "all.jsonl.gz"
    code, _, err = run(capsys, "store", "backup", "-o", file)
    assert code == 0 and "1 maps" in err
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    code, _, _ = run(capsys, "store", "restore", file, "--db", target)
    assert code == 0
    code, out, _ = run(capsys, "store", "history", made["view_link"], "--db", target)
    assert code == 0 and "Ann: imported" in out
    code, _, err = run(capsys, "store", "restore", file, "--db", target)
    assert code == 2 and "already holds maps" in err


def test_diff_of_two_files_as_text_and_json(capsys, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(MINI.read_text("utf-8").replace("name: Lenin", "name: V. I. Lenin"), "utf-8")
    code, out, _ = run(capsys, "diff", MINI, other)
    assert code == 0
    assert (
        "actors: 0 added, 0 removed, 1 changed" in out and "name: 'Lenin' -> 'V. I. Lenin'" in out
    )
    code, out, _ = run(capsys, "diff", MINI, other, "--format", "json")
    data = json.loads(out)
    assert data["actors"]["changed"] == [
        {"id": "lenin", "fields": {"name": {"old": "Lenin", "new": "V. I. Lenin"}}}
    ]
    assert all(data[s] == {"added": [], "removed": [], "changed": []} for s in ("claims", "topics"))
    code, out, _ = run(capsys, "diff", MINI, MINI)
    assert "no differences" in out
    code, _, err = run(capsys, "diff", MINI, tmp_path / "nope.yaml")
    assert code == 2 and "[file-unreadable]" in err
