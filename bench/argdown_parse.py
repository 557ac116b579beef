"""How long arguments/formats/argdown/syntax.py takes to read big Argdown documents.

    python bench/argdown_parse.py [N ...]      (default: 1000 10000)

Generates a debate of N statements (titled statements with supporting and
attacking statements indented under them, arguments with premise-conclusion
structures, headings, tags, comments) and prints, for each N, the best of three
parse times, the size of the text and what was read.  The target is well under
1 s for 1,000 statements and well under 8 s for 10,000.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from arguments.formats.argdown.syntax import parse


def generate(n: int) -> str:
    """An Argdown document with ``n`` statements (counting every statement occurrence)."""
    out = ["===\ntitle: generated debate\nmodel:\n    mode: loose\n===\n"]
    count = 0
    i = 0
    while count < n:
        i += 1
        if i % 50 == 1:
            out.append(f"## Part {i // 50 + 1} {{isGroup: true}}\n")
        if i % 5 == 0:
            out.append(
                f"<Argument {i}>: a reconstructed argument. #arg\n\n"
                f"(1) [Premise {i}]: the first premise of argument {i}.\n"
                f"(2) The second premise, *in italics*, of argument {i}.\n"
                f"-- modus ponens {{uses: [1, 2]}} --\n"
                f"(3) [Claim {i - 1}]\n  +> [Claim {i - 2}]\n"
            )
            count += 3
            continue
        out.append(
            f"// claim {i}\n[Claim {i}]: Statement number {i} with **bold** text, a "
            f"#tag{i % 7} and\nsome more words on a second line.\n"
            f"  + Support for claim {i}.\n"
            f"    - [Claim {max(i - 3, 1)}]\n"
            f"  - An objection to claim {i}.\n"
        )
        count += 4
    return "\n".join(out)


def main(sizes: list[int]) -> None:
    for n in sizes:
        text = generate(n)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            doc = parse(text, f"<generated {n}>")
            best = min(best, time.perf_counter() - start)
        occurrences = sum(len(ec.members) for ec in doc.statements.values())
        print(
            f"{n:>6} statements ({len(text) / 1024:,.0f} KiB, {text.count(chr(10)):,} lines):"
            f" {best:.3f} s  [{occurrences:,} statement occurrences, "
            f"{len(doc.statements):,} distinct, {len(doc.arguments):,} arguments, "
            f"{len(doc.relations):,} relations]"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
