"""A valid argument map whose every text is hostile: markup, quotes, escapes, bidi, emoji.

Contract: :data:`HOSTILE` maps a short name to a hostile string; each string is
valid text a user may legitimately write, so the loader must accept it, and
every output (DOT, SVG, HTML, JSON, YAML, a browser page) must show it as text,
never run or interpret it.  :func:`hostile_map_data` is the plain data of a
valid map that puts these strings in claim texts, notes, quotes, citations,
actor names and descriptions, topic labels, chapter titles and the source's
title; :func:`hostile_map_yaml` and :func:`hostile_map_json` give it as a file.
:data:`SHORT` are the strings short enough (at most 28 characters, no spaces) to
stay on one line of a diagram node.  Used by tests/test_hostile.py and by the
app's browser tests.
"""

from __future__ import annotations

import json

import yaml

HOSTILE: dict[str, str] = {
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(2)>",
    "svg": "<svg/onload=alert(3)>",
    "js-url": "javascript:alert(4)",
    "double-quote": 'He said "no" and "yes"',
    "single-quote": "it's 'quoted'",
    "dot-break": '"]; evil [label="x"]; "',
    "html-break": "</TD></TR></TABLE>> ];",
    "backslash": "back\\slash and a trailing backslash \\",
    "braces": "{ } {{curly}} }{",
    "angles": "<> a < b > c <<>>",
    "ampersand": "Tom & Jerry &amp; &lt;b&gt; &#x3C;script&#x3E;",
    "newlines": "line one\nline two\r\nline three\n",
    "rtl": "\u202eRTL override\u202c and \u200fRLM\u200f marks",
    "emoji": "\U0001f600 \U0001f1f7\U0001f1fa \U0001f468\u200d\U0001f469\u200d\U0001f467 \u2764\ufe0f",
    "graphviz": "\\N \\G \\l \\E \\T \\H \\L \\r \\n escapes",
    "cdata": "]]> end <![CDATA[ x ]]>",
    "format": "%s %d {0} ${HOME} $(id) `id`",
    "ansi": "\x1b[31mred\x1b[0m",
    "long": ("A five-thousand-character label " * 160)[:5000],
}

#: hostile strings that stay whole on one line of a diagram node
SHORT = {k: v for k, v in HOSTILE.items() if len(v) <= 28 and " " not in v}


# One piece: it is the literal of a whole map (sources, actors, topics, claims, relations)
# written out so that a reader sees every hostile text where it goes.
def hostile_map_data() -> dict:
    """The plain data of a valid map made of hostile texts (see the module doc)."""
    names = list(HOSTILE)
    actors = [
        {
            "id": "author",
            "name": HOSTILE["script"],
            "kind": "author",
            "description": HOSTILE["html-break"],
        }
    ]
    actors += [
        {"id": f"actor-{i}", "name": HOSTILE[n], "kind": "person", "description": HOSTILE[n]}
        for i, n in enumerate(names)
    ]
    topics = [
        {"id": f"topic-{i}", "label": HOSTILE[n], "description": HOSTILE[n]}
        for i, n in enumerate(names)
    ]
    claims = []
    for i, n in enumerate(names):
        text = HOSTILE[n]
        claims.append(
            {
                "id": f"claim-{i}",
                "kind": "postulate" if i < 5 else ("prediction" if i % 4 == 1 else "position"),
                **({"number": i + 1} if i < 5 else {}),
                "actor": f"actor-{i}",
                "date": f"{1900 + i}",
                "text": text,
                "topics": [f"topic-{i}"],
                "chapter": "I" if i % 2 else "II",
                "quotes": [
                    {
                        "text": text,
                        "cites": HOSTILE[names[(i + 1) % len(names)]],
                        "speaker": f"actor-{(i + 2) % len(names)}",
                    }
                ],
            }
        )
    claims.append(
        {
            "id": "verdict",
            "kind": "verdict",
            "actor": "author",
            "text": HOSTILE["dot-break"],
            "topics": ["topic-0"],
            "chapter": "II",
            "quotes": [{"text": HOSTILE["ampersand"]}],
        }
    )
    claims.append(
        {
            "id": "event",
            "kind": "event",
            "actor": "author",
            "date": "1917-10",
            "text": HOSTILE["rtl"],
            "topics": ["topic-1"],
            "chapter": "II",
            "quotes": [{"text": HOSTILE["emoji"]}],
        }
    )
    relations = []
    for i, n in enumerate(names[:-1]):
        kind = ("supports", "attacks", "contradicts", "agrees", "elaborates")[i % 5]
        relations.append(
            {
                "source": f"claim-{i}",
                "target": f"claim-{i + 1}",
                "kind": kind,
                "note": HOSTILE[n],
                "quote": {"text": HOSTILE[names[-1 - i]]},
            }
        )
    relations += [
        {
            "source": f"claim-{i}",
            "target": "verdict",
            "kind": "supports",
            "note": HOSTILE["graphviz"],
        }
        for i in range(3)
    ]
    relations.append(
        {
            "source": "claim-6",
            "target": "verdict",
            "kind": "undercuts",
            "reason": "claim-0",
            "note": HOSTILE["backslash"],
        }
    )
    relations.append(
        {"source": "event", "target": "claim-5", "kind": "confirms", "note": HOSTILE["cdata"]}
    )
    return {
        "source": {
            "title": HOSTILE["script"] + " " + HOSTILE["dot-break"],
            "author": HOSTILE["ampersand"],
            "description": HOSTILE["newlines"],
            "chapters": [
                {"id": "I", "title": HOSTILE["html-break"]},
                {"id": "II", "title": HOSTILE["graphviz"]},
            ],
        },
        "actors": actors,
        "topics": topics,
        "claims": claims,
        "relations": relations,
    }


def hostile_map_yaml() -> str:
    """The hostile map as a YAML file."""
    return "# a map of hostile texts\n" + yaml.safe_dump(
        hostile_map_data(), allow_unicode=True, sort_keys=False, width=100
    )


def hostile_map_json() -> str:
    """The hostile map as an argmap/1 JSON file."""
    return json.dumps({"schema": "argmap/1", **hostile_map_data()}, ensure_ascii=False, indent=1)
