"""Stage 2 of the pipeline: the typed argument map (pydantic v2).

Contract: ``Map.model_validate(data)`` accepts plain data (from YAML or JSON)
and either returns a fully cross-checked :class:`Map` or raises
``pydantic.ValidationError`` whose error ``type`` is one of the stable codes in
:data:`arguments.errors.CODES` (pydantic's own types are mapped to codes by
the loader).  One model per claim kind, selected by the ``kind`` field;
every cross-reference is checked by :meth:`Map._cross_references`, which
reports all problems at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from . import crossref
from .kinds import ACTOR_KINDS, OTHER_COLOUR, PALETTE, RELATION_KINDS, UNATTRIBUTED
from .text import chapter_order

#: the actor a claim without one is credited to (see Map._unattributed)
UNATTRIBUTED_ACTOR = {
    "id": UNATTRIBUTED,
    "name": "Unattributed",
    "kind": UNATTRIBUTED,
    "description": "The map does not say who holds these claims.",
}

SLUG_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_RE = re.compile(r"^(1[0-9]{3}|20[0-9]{2})(?:-(0[1-9]|1[0-2]))?$")


def _year_as_text(value: Any) -> Any:
    # YAML reads `date: 1906` as an integer; a bare year is what users write.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _check_date(value: Any) -> Any:
    if isinstance(value, str) and DATE_RE.match(value):
        return value
    raise PydanticCustomError("bad-date", "a date is written YYYY or YYYY-MM")


def _check_text(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("empty-text", "this text is empty")
    return value


Slug = Annotated[str, Field(pattern=SLUG_RE, max_length=120)]
Text = Annotated[str, BeforeValidator(_check_text), Field(min_length=1, max_length=20_000)]
Blurb = Annotated[str, Field(max_length=20_000)]  # may be empty
DateStr = Annotated[
    str,
    BeforeValidator(_check_date),
    BeforeValidator(_year_as_text),
    Field(pattern=DATE_RE.pattern, description="YYYY or YYYY-MM"),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Chapter(_Model):
    """A part of the source, in reading order (e.g. ``I`` "A Vision")."""

    id: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$")]
    title: Text


class Source(_Model):
    """The text the map is made from."""

    title: Text
    author: Text = "unknown"
    description: Blurb = ""
    chapters: list[Chapter] = []
    #: the source's text, a path relative to the map file (every quote is checked against it)
    text: Annotated[str, Field(min_length=1, max_length=500)] | None = None

    @cached_property
    def chapter_order(self) -> dict[str, int]:
        """The declared chapters' places (see :attr:`Map.chapter_rank` for every chapter)."""
        return {c.id: i for i, c in enumerate(self.chapters)}

    def chapter_title(self, chapter_id: str) -> str:
        for c in self.chapters:
            if c.id == chapter_id:
                return c.title
        return chapter_id


class Actor(_Model):
    id: Slug
    name: Text
    kind: Literal[ACTOR_KINDS]  # type: ignore[valid-type]
    description: Blurb = ""


class Topic(_Model):
    id: Slug
    label: Text
    description: Blurb = ""


def _check_quote_text(value: Any) -> Any:
    if isinstance(value, str) and not value.strip(" .\u2026\n\t\"'\u201c\u201d"):
        raise PydanticCustomError("empty-quote", "this quote has no words")
    return value


class Quote(_Model):
    """A passage of the source, verbatim; ``...`` marks an elision."""

    text: Annotated[str, BeforeValidator(_check_quote_text), Field(max_length=20_000)]
    cites: Text | None = None
    speaker: Slug | None = None  # whose words these are, when the source quotes someone


def _one_or_many_actors(data: Any) -> Any:
    """``actor: x`` (one actor) is ``actors: [x]``; a claim without either is unattributed."""
    if not isinstance(data, dict):
        return data
    if "actor" in data:
        if "actors" in data:
            raise PydanticCustomError(
                "bad-value",
                "a claim names its actor once: `actor: x` or `actors: [x, y]`",
                {"got": "both actor and actors", "expected": "one of the two"},
            )
        data = {**{k: v for k, v in data.items() if k != "actor"}, "actors": [data["actor"]]}
    elif "actors" not in data:
        data = {**data, "actors": [UNATTRIBUTED]}
    return data


class _ClaimBase(_Model):
    id: Slug
    #: who held or did it; several for a joint act (``actor: x`` in a file is one)
    actors: Annotated[list[Slug], Field(min_length=1, max_length=12)]
    date: DateStr | None = None
    text: Text
    topics: list[Slug] = []
    chapter: Annotated[str, Field(min_length=1, max_length=40)]
    #: verbatim from the source; required when the map names its source text
    quotes: list[Quote] = []

    _actor_forms = model_validator(mode="before")(_one_or_many_actors)

    @property
    def actor(self) -> str:
        """The first (for most claims the only) actor: whose colour the claim wears."""
        return self.actors[0]

    @property
    def joint(self) -> bool:
        """A joint act or position: held or done by several actors together."""
        return len(self.actors) > 1

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def sort_date(self) -> str:
        """``YYYY-MM`` for ordering; a bare year sorts at its start."""
        if not self.date:
            return ""
        return self.date if len(self.date) == 7 else self.date + "-00"


class Thesis(_ClaimBase):
    """The author's central contention."""

    kind: Literal["thesis"]


class Postulate(_ClaimBase):
    """One of the numbered postulates a theory is reduced to."""

    kind: Literal["postulate"]
    number: Annotated[int, Strict(), Field(ge=1, le=5)]  # strict: `true` or "4" is no number


class Position(_ClaimBase):
    """What an actor held or advocated at a date."""

    kind: Literal["position"]


class Prediction(_ClaimBase):
    """What an actor expected to happen."""

    kind: Literal["prediction"]


class Event(_ClaimBase):
    """What happened, as the source reports it."""

    kind: Literal["event"]


class Interpretation(_ClaimBase):
    """A reading of events or positions (by the author or a historian)."""

    kind: Literal["interpretation"]


class Verdict(_ClaimBase):
    """The author's judgement."""

    kind: Literal["verdict"]


class Argument(_ClaimBase):
    """An argument of a map made in Argdown (premises support it, it its conclusion)."""

    kind: Literal["argument"]


Claim = Annotated[
    Thesis | Postulate | Position | Prediction | Event | Interpretation | Verdict | Argument,
    Field(discriminator="kind"),
]
ClaimT = Thesis | Postulate | Position | Prediction | Event | Interpretation | Verdict | Argument


class Relation(_Model):
    """A typed link from ``source`` to ``target`` (see the README for directions)."""

    source: Slug
    target: Slug
    kind: Literal[RELATION_KINDS]  # type: ignore[valid-type]
    reason: Slug | None = None  # undercuts only: the claim whose link to target is attacked
    note: Text | None = None
    quote: Quote | None = None
    #: the source's own word for what the relation does to the target (e.g. "altered"),
    #: where the kind's word is not the source's; shown in a postulate's fate
    fate: Annotated[str, Field(min_length=1, max_length=40)] | None = None

    @model_validator(mode="after")
    def _reason_only_for_undercuts(self) -> Relation:
        if self.kind == "undercuts" and not self.reason:
            raise PydanticCustomError(
                "undercut-reason",
                "an undercut names the `reason` whose support of the target it attacks",
            )
        if self.kind != "undercuts" and self.reason:
            raise PydanticCustomError("undercut-reason", "only an undercut has a `reason`")
        return self

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.kind)


class Map(_Model):
    """A whole argument map: its source, actors, topics, claims and relations."""

    source: Source
    actors: list[Actor] = Field(min_length=1)
    topics: list[Topic] = []
    claims: list[Claim] = Field(min_length=1)
    relations: list[Relation] = []

    @model_validator(mode="before")
    @classmethod
    def _unattributed(cls, data: Any) -> Any:
        """A map with claims that name no actor gets the actor they are credited to."""
        if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
            return data
        anonymous = any(
            isinstance(c, dict) and "actor" not in c and "actors" not in c for c in data["claims"]
        )
        actors = data.get("actors")
        if (
            anonymous
            and (actors is None or isinstance(actors, list))
            and not any(isinstance(a, dict) and a.get("id") == UNATTRIBUTED for a in actors or [])
        ):
            data = {**data, "actors": [*(actors or []), UNATTRIBUTED_ACTOR]}
        return data

    @model_validator(mode="after")
    def _cross_references(self) -> Map:
        issues = crossref.check(self)
        if issues:
            raise ValidationError.from_exception_data(
                "Map",
                [
                    InitErrorDetails(
                        type=PydanticCustomError(
                            i.code,
                            i.message.replace("{", "{{").replace("}", "}}"),
                            {"got": i.got, "expected": i.expected, "crossref": True},
                        ),
                        loc=i.loc,
                        input=i.got,
                    )
                    for i in issues
                ],
            )
        return self

    # ---- convenient look-ups (derived, cached; the model is frozen) ----
    @cached_property
    def claim_index(self) -> dict[str, ClaimT]:
        return {c.id: c for c in self.claims}

    @cached_property
    def actor_index(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def topic_index(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    def claim(self, claim_id: str) -> ClaimT:
        return self.claim_index[claim_id]

    def actor_name(self, actor_id: str) -> str:
        a = self.actor_index.get(actor_id)
        return a.name if a else actor_id

    def actors_named(self, actor_ids: Iterable[str]) -> str:
        """ "Lenin", "Lenin and Trotsky", "Zinoviev, Kamenev and Stalin"."""
        names = [self.actor_name(a) for a in actor_ids]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def credited(self, claim: Claim) -> str:
        """Whom a claim's header names: its actors, or for an event with no agent but the
        author's narration, "as <the author> reports" (the author did not make it happen)."""
        a = self.actor_index.get(claim.actor)
        if claim.kind == "event" and not claim.joint and a is not None and a.kind == "author":
            name = a.name
            if name.startswith("The "):  # "The essay's author" mid-sentence
                name = "the " + name[4:]
            return f"as reported by {name}"
        return self.actors_named(claim.actors)

    @cached_property
    def chapter_rank(self) -> dict[str, int]:
        """Every chapter's place: declared order, then first appearance among the claims."""
        return chapter_order((c.id for c in self.source.chapters), (c.chapter for c in self.claims))

    def in_chapter_order(self, chapters: Iterable[str]) -> list[str]:
        """The given chapter ids, each once, in reading order."""
        rank = self.chapter_rank
        return sorted(set(chapters), key=lambda ch: (rank.get(ch, len(rank)), ch))

    def chapter_heading(self, chapter: str) -> str:
        """ "II: The Confirmation", or just "Preface" when the id is the title."""
        title = self.source.chapter_title(chapter)
        if chapter not in self.source.chapter_order or title.lower() == chapter.lower():
            return title
        return f"{chapter}: {title}"

    def source_line(self, chapters: Iterable[str]) -> str:
        """ "after: TITLE by AUTHOR, chapters ...": where claims of these chapters come from
        (the header of a diagram, the line under a handout's title)."""
        declared = self.source.chapter_order
        shown = self.in_chapter_order(chapters)
        if not shown:
            where = ""
        elif len(shown) == 1:
            where = f", chapter {shown[0]}" if shown[0] in declared else f", {shown[0]}"
        elif declared and shown == list(declared):
            where = ", all chapters"
        else:
            where = ", chapters " + ", ".join(shown)
        author = self.source.author
        by = f" by {author}" if author and author != "unknown" else ""
        return f"after: {self.source.title}{by}{where}"

    @cached_property
    def actor_colours(self) -> dict[str, str]:
        """A fixed fill colour per actor, from the whole map: the author, then by claim
        count (the same colour in every view, diagram, chart and export)."""
        counts: dict[str, int] = {}
        for c in self.claims:
            for actor in c.actors:
                counts[actor] = counts.get(actor, 0) + 1
        authors = [a.id for a in self.actors if a.kind == "author" and a.id in counts]
        others = sorted((a for a in counts if a not in authors), key=lambda a: (-counts[a], a))
        colours = dict.fromkeys(authors, PALETTE[0])
        for i, a in enumerate(others):
            colours[a] = PALETTE[i + 1] if i + 1 < len(PALETTE) else OTHER_COLOUR
        return colours

    def colour_of(self, actor_id: str) -> str:
        return self.actor_colours.get(actor_id, OTHER_COLOUR)

    def topic_label(self, topic_id: str) -> str:
        t = self.topic_index.get(topic_id)
        return t.label if t else topic_id

    @property
    def quote_count(self) -> int:
        return sum(len(c.quotes) for c in self.claims) + sum(1 for r in self.relations if r.quote)
