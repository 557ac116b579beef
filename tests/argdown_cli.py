"""The real Argdown CLI (npm package @argdown/cli), installed on demand in tests/argdown.

Contract: :func:`argdown_command` returns the command that runs the CLI
(``[node, .../cli.js]``), running ``npm ci`` in tests/argdown first when
node_modules is missing or was installed from another package-lock.json (a
stamp file in node_modules records the lock's digest, so later runs reuse the
install).  It returns None when node or npm is missing, unless the CI
environment variable is set: CI must run these tests, so there it raises.
:func:`run` runs the CLI and returns the completed process.  Used by
tests/test_argdown.py and bench/exports.py.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent / "argdown"
CLI = HERE / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js"
STAMP = HERE / "node_modules" / ".argmap-lock-sha256"
#: printed at start-up by @argdown/cli 2.0.0 with the 1.7.7 markdown-it plugin; harmless
KNOWN_NOISE = ("createArgdownPlugin is not a function",)


def argdown_command() -> list[str] | None:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        if os.environ.get("CI"):
            raise RuntimeError(
                "node and npm are needed for the Argdown CLI tests (.ci/run installs them)"
            )
        return None
    digest = hashlib.sha256((HERE / "package-lock.json").read_bytes()).hexdigest()
    if not CLI.exists() or not STAMP.exists() or STAMP.read_text().strip() != digest:
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=HERE,
            check=True,
            timeout=900,
            capture_output=True,
        )
        STAMP.write_text(digest + "\n")
    return [node, str(CLI)]


def run(command: list[str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=timeout)


def problems(proc: subprocess.CompletedProcess) -> list[str]:
    """Lines of the CLI's output that report an error (other than the known start-up noise)."""
    out = []
    for line in (proc.stdout + "\n" + proc.stderr).splitlines():
        low = line.lower()
        if any(n.lower() in low for n in KNOWN_NOISE):
            continue
        if "error" in low or "canceled" in low or "cancelled" in low:
            out.append(line)
    return out
