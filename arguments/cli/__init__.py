"""The command line: ``argmap COMMAND ...`` (or ``python -m arguments COMMAND ...``).

Contract: :func:`main(argv)` returns an exit code and never lets a traceback
reach the user for bad input: 0 when all is well, 2 for invalid input (a map
with problems, an unknown id, format or view, quotes not in the source, an
unsafe output name), 1 for an internal error.  Output goes to stdout (or the
file named with ``-o``), problems to stderr.

Commands: ``validate``, ``stats``, ``show``, ``search`` (ranked hits with their
ids), ``export`` (every format of
:data:`arguments.exporters.EXPORTERS`, of any view), ``import`` (our JSON,
Argdown, AIF or a Kialo discussion, written as YAML), ``compare`` (two actors, topic by
topic and period by period), ``schema`` (the JSON Schema of argmap/2),
``quotes`` and ``coverage`` (the quotes' places in the source text and how
much of it the map quotes), ``store ...`` (maps kept in a database with every
version) and ``diff`` (two maps or versions).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence

from .. import fonts
from ..errors import MapError, StoreError
from . import commands, export, reading
from . import store as store_commands
from .common import UserError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="argmap", description="Load, check, explore, compare, export and import argument maps."
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parsers(sub)
    export.add_parser(sub)
    reading.add_parsers(sub)
    store_commands.add_parsers(sub)
    return p


#: the garbage collector's first threshold in a command-line run (Python's is 700)
GC_THRESHOLD = 100_000


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the process's own command line (a test passes its arguments)
        # a run makes millions of objects that live until it ends (a big map's YAML, its
        # model, the drawing's pieces) and almost no cycles: collecting every 700 new
        # objects was a tenth of a 5,000-claim export's time in this process, for nothing
        gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
        # its maps are files on disk already: the font subsets it cuts may be kept there
        fonts.keep_subsets_on_disk()
        code = _run(argv)
        # the run is over: the collections Python makes while it shuts down need not look
        # at what the run made (0.04 s of a 5,000-claim export's 0.08 s after its output)
        gc.freeze()
        return code
    return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    try:
        return args.func(args)
    except MapError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(exc.summary(), file=sys.stderr)
        return 2
    except (UserError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `... | head`
        with contextlib.suppress(OSError):
            # no second error at exit: stdout stays open on the null device until then
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # cannot write the output, cannot read a file
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    except Exception as exc:  # an internal error: say so, briefly
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} (set ARGMAP_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return 1
