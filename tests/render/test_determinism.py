"""The same map gives byte-identical files under any PYTHONHASHSEED (no set's order leaks
into an export), and PDFs carry a fixed or SOURCE_DATE_EPOCH creation date."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMATS = (
    "svg",
    "dot",
    "json",
    "pdf",
    "handout",
    "handout-pdf",
    "pptx",
    "slides-pdf",
    "argdown",
    "aif",
)
# a generated map that declares no chapters: their order must come from the claims, not a set
SCRIPT = """
import sys
sys.path.insert(0, "tests")
from gen import make_data
from arguments.exporters import export
from arguments.models import Map
data = make_data(80, 120, seed=3)
del data["source"]["chapters"]
out = export(Map.model_validate(data), sys.argv[1])
sys.stdout.buffer.write(out.encode() if isinstance(out, str) else out)
"""


def exported(fmt: str, seed: str, epoch: str | None = None) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, fmt],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_map_without_declared_chapters_exports_the_same_bytes_under_two_hash_seeds(fmt):
    assert exported(fmt, "1") == exported(fmt, "2")


@pytest.mark.parametrize("fmt", ["pdf", "handout-pdf"])
def test_a_pdf_carries_the_source_date_epoch_as_its_creation_date(fmt):
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(exported(fmt, "0", epoch="946684800")))  # 2000-01-01
    assert reader.metadata["/CreationDate"].startswith("D:20000101")
    reader = PdfReader(io.BytesIO(exported(fmt, "0", epoch="1000000000")))  # 2001-09-09
    assert reader.metadata["/CreationDate"].startswith("D:20010909")
