"""The loading pipeline: read -> parse -> model -> cross-reference.

Contract: :func:`load_map` (a path) and :func:`load_bytes` (an upload) return a
valid :class:`~arguments.models.Map` or raise :class:`~arguments.errors.MapError`
listing every problem found, each with file, line, column, a stable code, the
offending value and what was expected.  Nothing else escapes for bad input.
The formats are those of :data:`arguments.formats.READERS`; each format's
module reads text into raw data with positions, and :func:`build` validates it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from . import crossref, formats
from .errors import CODES, MAX_PROBLEMS, MapError, Problem, short
from .formats.decode import MAX_BYTES, read_text
from .formats.json import READABLE
from .formats.yaml import position
from .kinds import CLAIM_KINDS
from .models import Map

UPLOAD_LIMIT = 2 * 1024 * 1024
FORMATS = tuple(formats.READERS)

_TYPE_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "bool_type": "true or false",
    "int_from_float": "a whole number",
    "string_unicode": "text",
}


def detect_format(filename: str, text: str) -> str:
    """Which reader a file needs, from its extension, else from its content."""
    return formats.detect(filename, text)


def load_map(path: str | os.PathLike, fmt: str | None = None) -> Map:
    """Load and validate the map file at ``path``."""
    name = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:  # refuse before reading a byte
            raise MapError(
                [
                    Problem(
                        "file-too-large",
                        "the file is too large to open",
                        name,
                        1,
                        1,
                        got=f"{size:,} bytes",
                        expected=f"at most {MAX_BYTES:,} bytes",
                    )
                ]
            )
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise MapError(
            [
                Problem(
                    "file-unreadable",
                    f"cannot open the file: {exc.strerror or exc}",
                    name,
                    1,
                    1,
                    got=name,
                    expected="a readable map file",
                )
            ]
        ) from None
    return load_bytes(data, name, fmt=fmt)


def load_bytes(data: bytes, filename: str, fmt: str | None = None, limit: int = MAX_BYTES) -> Map:
    """Load a map from raw bytes (an upload, a test fixture)."""
    text = read_text(data, filename, limit=limit)
    return load_text(text, filename, fmt=fmt)


def load_text(text: str, filename: str = "<map>", fmt: str | None = None) -> Map:
    """Load a map from text; ``fmt`` names a reader of :data:`arguments.formats.READERS`
    (default: detected from the extension, else the content)."""
    guessed = fmt is None and formats.by_extension(filename) is None
    fmt = fmt or detect_format(filename, text)
    if fmt not in formats.READERS:
        raise MapError(
            [
                Problem(
                    "unknown-format",
                    "unknown map format",
                    filename,
                    1,
                    1,
                    got=repr(fmt),
                    expected=" or ".join(FORMATS),
                )
            ]
        )
    module = formats.READERS[fmt].load()
    fast = getattr(module, "fast_map", None)  # a valid file needs no positions
    if fast is not None and (done := fast(text, filename)) is not None:
        return done
    raw = module.read(text, filename)
    if guessed and raw is not None and not isinstance(raw, dict):
        # an unknown extension and no mapping inside: not a map at all (prose, CSV, HTML...)
        raise MapError(
            [
                Problem(
                    "unknown-format",
                    "this file is not an argument map",
                    filename,
                    *position(raw, ()),
                    got=_kind_of(raw),
                    expected=formats.expected_formats(),
                )
            ]
        )
    return build(raw, filename)


def build(raw: Any, filename: str) -> Map:
    """Validate parsed data into a Map, translating every problem to a Problem."""
    if raw is None:
        raise MapError(
            [
                Problem(
                    "empty-file",
                    "the file holds no data, only comments or blank lines",
                    filename,
                    1,
                    1,
                    got="no data",
                    expected="a map with source, actors, topics, claims and relations",
                )
            ]
        )
    if not isinstance(raw, dict):
        raise MapError(
            [
                Problem(
                    "wrong-type",
                    "a map file holds a mapping at the top",
                    filename,
                    *position(raw, ()),
                    got=_kind_of(raw),
                    expected="a mapping with source, actors, topics, claims, relations",
                )
            ]
        )
    problems: list[Problem] = []
    if "schema" in raw and raw["schema"] not in READABLE:
        problems.append(
            Problem(
                "schema-version",
                "this JSON was written for another version of argmap",
                filename,
                *position(raw, ("schema",)),
                path="schema",
                got=short(raw["schema"]),
                expected=" or ".join(repr(v) for v in READABLE),
            )
        )
    data = {k: v for k, v in raw.items() if k != "schema"}
    try:
        result = Map.model_validate(data)
    except ValidationError as exc:
        field_errors = exc.errors(include_url=False)
        # translating is the slow part: only as many as a MapError keeps
        problems.extend(_translate(e, raw, filename) for e in field_errors[:MAX_PROBLEMS])
        omitted = max(0, len(field_errors) - MAX_PROBLEMS)
        if not any((e.get("ctx") or {}).get("crossref") for e in field_errors):
            # the after-validator did not run: check references on the raw data too
            issues = crossref.check(data)
            problems.extend(_issue(i, raw, filename) for i in issues[:MAX_PROBLEMS])
            omitted += max(0, len(issues) - MAX_PROBLEMS)
        raise MapError(problems, omitted) from None
    if problems:
        raise MapError(problems)
    return result


_EXPECTED = {  # what to show after "expected" for the models' own error codes
    "empty-text": "some text",
    "empty-quote": "the words quoted from the source",
}


def _as_written(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return short(value)


def _path(loc: tuple) -> str:
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _clean_loc(loc: tuple) -> tuple:
    # pydantic puts the union tag in the location: claims.3.postulate.number
    if len(loc) > 2 and loc[0] == "claims" and loc[2] in CLAIM_KINDS:
        return loc[:2] + loc[3:]
    return tuple(s for s in loc if not (isinstance(s, str) and s.startswith("function-")))


def _written(raw: Any, loc: tuple) -> tuple:
    """The location as the file writes it: a claim's first actor is ``actor`` in a file that
    names one actor (the model always holds ``actors``)."""
    if len(loc) >= 4 and loc[0] == "claims" and loc[2] == "actors" and loc[3] == 0:
        claims = raw.get("claims") if isinstance(raw, dict) else None
        i = loc[1]
        if (
            isinstance(claims, list)
            and isinstance(i, int)
            and 0 <= i < len(claims)
            and isinstance(claims[i], dict)
            and "actor" in claims[i]
        ):
            return (*loc[:2], "actor", *loc[4:])
    return loc


def _issue(issue: crossref.Issue, raw: Any, filename: str) -> Problem:
    line, col = position(raw, _written(raw, issue.loc))
    return Problem(
        issue.code, issue.message, filename, line, col, _path(issue.loc), issue.got, issue.expected
    )


@dataclass
class _Said:
    """What a problem will say: filled in from a pydantic error by one translator."""

    code: str
    msg: str
    loc: tuple
    got: str | None
    expected: str | None = None
    at_key: bool = False  # point at the key, not the value (a field that should not be)

    @property
    def last(self) -> Any:
        return self.loc[-1] if self.loc else None


def _own_code(t: _Said, etype: str, ctx: dict, value: Any) -> None:
    """An error raised with one of our codes (the models' validators, crossref)."""
    t.code = etype
    t.got, t.expected = ctx.get("got", t.got), ctx.get("expected", _EXPECTED.get(etype))
    if etype == "bad-date":
        t.expected = "YYYY or YYYY-MM, e.g. 1917 or 1917-04"
    if etype == "undercut-reason" and isinstance(value, dict):  # from the Relation model
        if value.get("kind") == "undercuts":
            t.got, t.expected = "no reason", "reason: the id of the claim whose support it attacks"
        else:
            t.loc, t.at_key = (*t.loc, "reason"), True
            t.got = short(value.get("reason"))
            t.expected = "no reason on a relation of kind " + short(value.get("kind"))


def _missing(t: _Said, etype: str, ctx: dict, value: Any) -> None:
    t.code, t.got = "missing-field", "nothing"
    if t.last == "number":
        t.code, t.msg, t.expected = (
            "postulate-number",
            "a postulate needs its number",
            "number: 1 to 5",
        )
    else:
        t.msg, t.expected = f"the field `{t.last}` is required", f"the field `{t.last}`"


def _extra(t: _Said, etype: str, ctx: dict, value: Any) -> None:
    t.code, t.at_key, t.got = "unknown-field", True, repr(t.last)
    t.msg = f"`{t.last}` is not a field here"
    if t.last == "number":
        t.msg, t.expected = "only a postulate has a number", "no number on this kind of claim"
    elif t.last == "reason":
        t.expected = "no reason (only undercuts have one)"
    else:
        t.expected = "one of the documented fields (see the README)"


def _unknown_claim_kind(t: _Said, etype: str, ctx: dict, value: Any) -> None:
    t.code, t.loc, t.got = "unknown-kind", (*t.loc, "kind"), repr(ctx.get("tag"))
    t.msg, t.expected = "this claim kind does not exist", "one of " + ", ".join(CLAIM_KINDS)


def _no_claim_kind(t: _Said, etype: str, ctx: dict, value: Any) -> None:
    t.code, t.msg = "missing-field", "a claim needs a `kind`"
    t.got, t.expected = "nothing", "kind: one of " + ", ".join(CLAIM_KINDS)


def _literal(t: _Said, etype: str, ctx: dict, value: Any) -> None:
    kind = t.last == "kind"
    t.code = "unknown-kind" if kind else "bad-value"
    t.msg = f"this {t.last} does not exist" if kind else "this value is not allowed"
    t.expected = "one of " + ctx.get("expected", "")


def _pattern(t: _Said, etype: str, ctx: dict, value: Any) -> None:
    t.code = "bad-id"
    t.msg = "an id is a slug: lower-case letters, digits and single hyphens"
    t.expected = "a slug such as 'lenin-april-theses'"
    if t.last == "id" and len(t.loc) >= 3 and t.loc[-3] == "chapters":
        t.expected = "letters, digits and hyphens, such as 'I' or 'conclusion'"


def _wrong_type(t: _Said, etype: str, ctx: dict, value: Any) -> None:
    t.code, t.expected, t.got = "wrong-type", _TYPE_EXPECTED[etype], _kind_of(value)
    if isinstance(t.last, int) and len(t.loc) >= 2:
        t.msg = f"an item of `{t.loc[-2]}` has the wrong type"
    else:
        t.msg = f"`{t.last}` has the wrong type" if t.last is not None else "wrong type"
    if etype == "string_type" and isinstance(value, (int, float, bool)):
        # YAML reads 1917, 3.5, yes, no as numbers and booleans
        t.expected = f'text; write it in quotes: "{_as_written(value)}"'


def _out_of_range(t: _Said, etype: str, ctx: dict, value: Any) -> None:
    t.code = "bad-value"
    if etype == "too_short" and t.last == "quotes":
        t.code, t.msg = "empty-quote", "a claim needs at least one quote"
        t.got, t.expected = "no quotes", "at least one quote from the source"
    elif etype in ("greater_than_equal", "less_than_equal") and t.last == "number":
        t.code, t.msg = "postulate-number", "a postulate's number runs from 1 to 5"
        t.expected = "1, 2, 3, 4 or 5"
    elif etype == "too_short":
        t.msg = f"`{t.last}` needs at least {ctx.get('min_length', 1)} item(s)"
        t.expected = f"at least {ctx.get('min_length', 1)}"
        t.got = "none" if not value else t.got
    elif etype in ("string_too_long", "too_long"):
        t.msg = f"`{t.last}` is too long"
        t.expected = f"at most {ctx.get('max_length')} characters"
        t.got = f"{len(value) if isinstance(value, (str, list, dict)) else '?'} characters"


#: pydantic's error types -> the translator that words them in our codes
_TRANSLATORS = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "union_tag_invalid": _unknown_claim_kind,
    "union_tag_not_found": _no_claim_kind,
    "literal_error": _literal,
    "string_pattern_mismatch": _pattern,
    **dict.fromkeys(_TYPE_EXPECTED, _wrong_type),
}


def _translate(err: Any, raw: Any, filename: str) -> Problem:
    """A pydantic error as a Problem: our code, message, position, got and expected."""
    etype: str = err["type"]
    value = err.get("input")
    t = _Said("bad-value", err["msg"], _clean_loc(tuple(err["loc"])), short(value))
    translate = _own_code if etype in CODES else _TRANSLATORS.get(etype, _out_of_range)
    translate(t, etype, err.get("ctx") or {}, value)
    line, col = position(raw, _written(raw, t.loc), key=t.at_key)
    return Problem(
        t.code, t.msg, filename, line, col, _path(_written(raw, t.loc)), t.got, t.expected
    )
