"""Writing a map as Argdown (see the package docstring for the subset written).

Contract: :func:`write` is a pure function of the map; :func:`escape_text`
makes any text read back by Argdown as exactly its characters.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from ...kinds import CLAIM_KINDS, RELATION
from ...models import DATE_RE, Map
from ..json import SCHEMA_ID
from .links import BASE_KIND

# ------------------------------------------------------------------ writing
#: characters that start Argdown syntax inside a text; escaped with a backslash
_SPECIAL = re.compile(r"([\\#*_\[\]<>{}@`])")
_DOT_OR_COLON = re.compile(r"([.:])(?=\S)")
_COMMENT = re.compile(r"(/)(?=[/*])")


def escape_text(text: str) -> str:
    """A text that Argdown reads back as exactly these characters (one line)."""
    t = " ".join(text.split())
    t = _SPECIAL.sub(r"\\\1", t)
    t = _DOT_OR_COLON.sub(r"\\\1", t)  # `.x.` and `:x:` are Argdown shortcodes
    t = _COMMENT.sub(r"\\\1", t)
    if t[:1] in "+-><(=" or re.match(r"\d+\.\s", t):
        t = "\\" + t  # would read as a relation, list or number
    return t


def _json(data: Any) -> str:
    """JSON flow data that Argdown's data token cannot end early ({ and } escaped)."""
    text = json.dumps(data, ensure_ascii=False, separators=(", ", ": "))
    return _escape_braces_in_strings(text)


def _escape_braces_in_strings(text: str) -> str:
    out, in_str, esc = [], False, False
    for ch in text:
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
            elif ch in "{}":
                out.append(f"\\u{ord(ch):04x}")
                continue
        elif ch == '"':
            in_str = True
        out.append(ch)
    return "".join(out)


def _tag(value: str) -> str:
    return f"#{value}" if re.fullmatch(r"[A-Za-z0-9-]+", value) else f"#({value})"


def _arg_title(reason: str, target: str) -> str:
    return f"{reason} supports {target}"


def write(m: Map) -> str:
    """The whole map as Argdown text (see the package docstring for the subset)."""
    colours = m.actor_colours
    used = {c.actor for c in m.claims}
    clash = set(CLAIM_KINDS) | {a.id for a in m.actors if DATE_RE.match(a.id)}
    front = {
        "title": m.source.title,
        "author": m.source.author,
        "subTitle": "an argument map exported by argmap",
        "model": {"removeTagsFromText": True},
        "selection": {"excludeDisconnected": False, "statementSelectionMode": "all"},
        "map": {"statementLabelMode": "text", "argumentLabelMode": "title"},
        "color": {"tagColors": {a: colours[a] for a in colours if a in used}},
        "argmap": {
            "schema": SCHEMA_ID,
            "source": m.source.model_dump(mode="json", exclude_none=True),
            "actors": [a.model_dump(mode="json", exclude_none=True) for a in m.actors],
            "topics": [t.model_dump(mode="json", exclude_none=True) for t in m.topics],
        },
    }
    lines = [
        "===",
        yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100).rstrip("\n"),
        "===",
        "",
    ]
    lines.append(
        f"// {len(m.claims)} claims and {len(m.relations)} relations; tags: actor, "
        "kind, date. Read back with: python -m arguments import --format argdown FILE"
    )
    lines.append("")

    supports = {(r.source, r.target): r for r in m.relations if r.kind == "supports"}
    arguments = {c.id for c in m.claims if c.kind == "argument"}
    # an undercut of a support between two statements is Argdown's own, against the support
    # written as an argument <reason supports target>; of an argument's support, against the
    # argument; of any other link it is kept in the data
    undercut_links = {
        (r.reason or "", r.target)
        for r in m.relations
        if r.kind == "undercuts"
        and (r.reason, r.target) in supports
        and not {r.reason, r.target} & arguments
    }
    out_rel: dict[str, list] = {}
    for r in m.relations:
        out_rel.setdefault(r.source, []).append(r)
    chapters = m.in_chapter_order(c.chapter for c in m.claims)
    chapter_of = {c.id: c.chapter for c in m.claims}
    for ch in chapters:
        title = m.source.chapter_title(ch)
        heading = f"{ch}: {title}" if title != ch else ch
        lines.append(f"# {escape_text(heading)} {_json({'chapter': ch})}")
        lines.append("")
        for c in (c for c in m.claims if c.chapter == ch):
            lines.extend(
                _statement(c, out_rel.get(c.id, []), clash, undercut_links, arguments, supports)
            )
            lines.append("")
        # a support that is undercut, as an argument, in the chapter of its conclusion
        for reason, target in sorted(k for k in undercut_links if chapter_of[k[1]] == ch):
            support = supports.get((reason, target))
            data: dict[str, Any] = {}
            if support is not None and support.note:
                data["note"] = support.note
            if support is not None and support.quote:
                data["quote"] = support.quote.model_dump(mode="json", exclude_none=True)
            if support is not None and support.fate:
                data["fate"] = support.fate
            lines.append(f"<{_arg_title(reason, target)}>" + (f" {_json(data)}" if data else ""))
            lines.append("")
            lines.append(f"(1) [{reason}]")
            lines.append("----")
            lines.append(f"(2) [{target}]")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _ref(claim_id: str, arguments: set[str]) -> str:
    """How Argdown names a claim: ``<id>`` an argument, ``[id]`` a statement."""
    return f"<{claim_id}>" if claim_id in arguments else f"[{claim_id}]"


# One piece: a statement's tags, data and relation lines are decided together (a relation
# Argdown cannot draw moves into the data, one it can draw only approximately is refined there).
def _statement(
    c, rels: list, clash: set[str], undercut_links: set, arguments: set[str], supports: dict
) -> list[str]:
    """A claim as an Argdown statement (an argument as an argument): definition with tags,
    data line, relations."""
    tags = []
    data: dict[str, Any] = {}
    if c.joint:
        data["actors"] = list(c.actors)  # a joint claim: every actor, in the data
    elif c.actor in clash:
        data["actor"] = c.actor
    else:
        tags.append(_tag(c.actor))
    tags.append(_tag(c.kind))
    if c.date:
        tags.append(_tag(c.date))
    if c.kind == "postulate":
        data["number"] = c.number
    if " ".join(c.text.split()) != c.text:
        data["text"] = c.text  # line breaks or double spaces: kept exactly in the data
    data["topics"] = list(c.topics)
    data["quotes"] = [q.model_dump(mode="json", exclude_none=True) for q in c.quotes]
    extra, syntax = [], []
    for r in rels:
        rec: dict[str, Any] = {"target": r.target, "kind": r.kind}
        if r.reason:
            rec["reason"] = r.reason
        if r.note:
            rec["note"] = r.note
        if r.quote:
            rec["quote"] = r.quote.model_dump(mode="json", exclude_none=True)
        if r.fate:
            rec["fate"] = r.fate
        op = RELATION[r.kind].argdown
        against_argument = (
            r.kind == "undercuts" and r.reason in arguments and (r.reason, r.target) in supports
        )
        if (
            r.kind == "undercuts"
            and not against_argument
            and ((r.reason, r.target) not in undercut_links)
        ):
            op = None  # it undercuts a link Argdown cannot draw as an argument
        elif op == "><" and {r.source, r.target} & arguments:
            op = None  # Argdown contradicts statements only
        if op is None:
            if RELATION[r.kind].argdown:
                rec["link"] = "data"  # not the Argdown relation its kind would draw
            extra.append(rec)  # no Argdown syntax for these
            continue
        if BASE_KIND[r.kind] != r.kind or r.note or r.quote or r.fate or against_argument:
            extra.append(rec)  # what the Argdown relation cannot say
        if against_argument:
            syntax.append(f"  {op} <{r.reason}>")
        elif r.kind == "undercuts":
            syntax.append(f"  {op} <{_arg_title(r.reason, r.target)}>")
        elif r.kind == "supports" and (r.source, r.target) in undercut_links:
            continue  # drawn as the argument that is undercut
        else:
            syntax.append(f"  {op} {_ref(r.target, arguments)}")
    if extra:
        data["relations"] = extra
    head = _ref(c.id, arguments)
    return [f"{head}: {escape_text(c.text)} {' '.join(tags)}", f"  {_json(data)}", *syntax]
