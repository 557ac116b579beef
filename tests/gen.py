"""A generator of valid argument maps of any size, for speed and layout tests.

Contract: :func:`make_map(n_claims, n_relations, seed)` returns a valid
:class:`arguments.models.Map` (it goes through ``Map.model_validate``, so
every cross-reference rule holds) shaped like the essay's map: an author
with undated claims, a handful of main actors with many claims, more minor
actors, every claim kind, five postulates, chapters in reading order, dates
1903-1940, and every relation kind.  The same arguments give the same map.
"""

from __future__ import annotations

import random

from arguments.crossref import mismatches
from arguments.kinds import RELATION, RELATION_KINDS, relation_key
from arguments.models import Map

WEIGHT = {"supports": 5, "attacks": 2}

CHAPTERS = [
    ("preface", "Preface"),
    ("introduction", "Introduction"),
    ("I", "A Vision"),
    ("II", "The Test"),
    ("III", "Power"),
    ("IV", "The Break"),
    ("V", "Exile"),
    ("conclusion", "Conclusion"),
]
MAIN = ["trotsky", "lenin", "stalin", "kautsky", "plekhanov", "martov", "bukharin"]
WORDS = [
    "revolution",
    "proletariat",
    "peasantry",
    "bourgeoisie",
    "dictatorship",
    "party",
    "soviet",
    "war",
    "permanent",
    "democracy",
    "socialism",
    "europe",
    "russia",
    "workers",
    "power",
    "theory",
    "state",
    "class",
    "international",
    "backward",
    "capital",
    "uneven",
    "combined",
    "development",
    "congress",
]
KINDS = ["position"] * 6 + ["prediction"] * 2 + ["event"] * 2 + ["interpretation"] * 2


def _text(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


# One piece: it draws a whole map in the order the model reads it (actors, topics, claims,
# then relations that may point at any of them), sharing one random stream.
def make_data(
    n_claims: int = 160,
    n_relations: int = 250,
    seed: int = 1,
    n_minor: int = 25,
    n_topics: int = 16,
) -> dict:
    """The plain data of a generated map (dicts and lists, as YAML would give)."""
    rng = random.Random(seed)
    actors = [{"id": "author", "name": "The Author", "kind": "author"}]
    actors += [{"id": a, "name": a.capitalize(), "kind": "person"} for a in MAIN]
    actors += [
        {"id": f"minor-{i}", "name": f"Minor actor {i}", "kind": "person"} for i in range(n_minor)
    ]
    topics = [
        {"id": f"topic-{i}", "label": f"Topic {i}: {rng.choice(WORDS)}"} for i in range(n_topics)
    ]
    claims = []
    for i in range(n_claims):
        if i < 5:
            kind, actor = "postulate", "trotsky"
        elif i == 5:
            kind, actor = "thesis", "author"
        elif i % 17 == 0:
            kind, actor = "verdict", "author"
        else:
            kind = rng.choice(KINDS)
            r = rng.random()
            actor = (
                "author"
                if r < 0.15
                else rng.choice(MAIN)
                if r < 0.85
                else rng.choice(actors[1 + len(MAIN) :])["id"]
            )
        year = rng.randint(1903, 1940)
        claim = {
            "id": f"c{i:03d}-{kind}",
            "kind": kind,
            "actor": actor,
            "text": _text(rng),
            "chapter": rng.choice(CHAPTERS)[0],
            "topics": sorted(rng.sample([t["id"] for t in topics], rng.randint(1, 3))),
            "quotes": [
                {"text": _text(rng, 8), "cites": f"p. {rng.randint(1, 300)}"}
                for _ in range(rng.randint(1, 2))
            ],
        }
        if kind == "postulate":
            claim.update(number=i + 1, date="1906")
        elif actor != "author" or rng.random() < 0.5:
            claim["date"] = f"{year}-{rng.randint(1, 12):02d}" if rng.random() < 0.5 else str(year)
        claims.append(claim)

    by_id = {c["id"]: c for c in claims}
    relations: list[dict] = []
    seen: set = set()
    supports: list[tuple[str, str]] = []
    ids = list(by_id)
    # every kind of the vocabulary, supports and attacks more often (as in the essay's map)
    kinds = [k for k in RELATION_KINDS for _ in range(WEIGHT.get(k, 1))]
    tries = 0
    while len(relations) < n_relations and tries < n_relations * 200:
        tries += 1
        kind = rng.choice(kinds)
        s, t = rng.sample(ids, 2)
        a, b = by_id[s], by_id[t]
        rel = {"source": s, "target": t, "kind": kind}
        if mismatches(RELATION[kind], a, b):  # the vocabulary's rules for the two ends
            continue
        if RELATION[kind].needs_reason:
            reasons = [r for r, tg in supports if tg == t and r != s]
            if not reasons:
                continue
            rel["reason"] = rng.choice(reasons)
        key = relation_key(s, t, kind)
        if key in seen:
            continue
        seen.add(key)
        if kind == "supports":
            supports.append((s, t))
        if rng.random() < 0.2:
            rel["note"] = _text(rng, 6)
        relations.append(rel)
    return {
        "source": {
            "title": f"Generated map {n_claims}/{n_relations}",
            "author": "Generator",
            "chapters": [{"id": i, "title": t} for i, t in CHAPTERS],
        },
        "actors": actors,
        "topics": topics,
        "claims": claims,
        "relations": relations,
    }


def make_map(n_claims: int = 160, n_relations: int = 250, seed: int = 1, **kw) -> Map:
    """A valid generated :class:`Map` (see the module docstring)."""
    return Map.model_validate(make_data(n_claims, n_relations, seed, **kw))


def write_yaml(path, n_claims: int = 160, n_relations: int = 250, seed: int = 1) -> None:
    """Write a generated map as YAML (for the app and the benchmarks)."""
    from arguments.formats.yaml import write as dumps

    with open(path, "w", encoding="utf-8") as fh:
        fh.write(dumps(make_map(n_claims, n_relations, seed)))


# ---------------------------------------------------------------- hand-made maps
ACTORS = [
    {"id": "author", "name": "The Author", "kind": "author"},
    {"id": "trotsky", "name": "Trotsky", "kind": "person"},
    {"id": "lenin", "name": "Lenin", "kind": "person"},
    {"id": "stalin", "name": "Stalin", "kind": "person"},
]
TOPICS = [
    {"id": "dictatorship", "label": "Form of the dictatorship"},
    {"id": "war", "label": "War and revolution"},
    {"id": "party", "label": "The party"},
]


def claim(
    cid: str,
    actor: str,
    date: str | None,
    text: str | None = None,
    *,
    kind: str = "position",
    topics=("dictatorship",),
    chapter: str = "I",
    quotes=None,
    **extra,
) -> dict:
    """One claim's data, with a quote made from its text unless given."""
    c = {
        "id": cid,
        "kind": kind,
        "actor": actor,
        "text": text or f"Claim {cid}.",
        "topics": list(topics),
        "chapter": chapter,
        "quotes": quotes or [{"text": text or f"quoted words of {cid}"}],
        **extra,
    }
    if date is not None:
        c["date"] = date
    if c.get("actor") is None:  # actors=[...] given instead (a joint claim), or none
        c.pop("actor")
    return c


def rel(source: str, kind: str, target: str, **extra) -> dict:
    return {"source": source, "target": target, "kind": kind, **extra}


def build(claims: list[dict], relations: list[dict] = (), *, actors=None, topics=None) -> Map:
    """A small valid map from claim and relation data (actors, topics, chapters supplied)."""
    return Map.model_validate(
        {
            "source": {
                "title": "Hand-made",
                "author": "Tester",
                "chapters": [
                    {"id": "I", "title": "Before"},
                    {"id": "II", "title": "After"},
                    {"id": "III", "title": "Later"},
                ],
            },
            "actors": actors or ACTORS,
            "topics": topics or TOPICS,
            "claims": list(claims),
            "relations": list(relations),
        }
    )
