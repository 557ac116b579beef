"""Exports for other tools: our JSON, Argdown, AIF, GraphML and Kialo."""

from __future__ import annotations

from ..formats import aif as aif_format
from ..formats import argdown as argdown_format
from ..formats import graphml as graphml_format
from ..formats import json as json_format
from ..formats import kialo as kialo_format
from ..models import Map
from ..views import View, selected


def json(m: Map, view: View) -> str:
    return json_format.write(m)  # always the whole map: it round-trips


def argdown(m: Map, view: View) -> str:
    return argdown_format.write(selected(m, view))


def aif(m: Map, view: View) -> str:
    return aif_format.write(selected(m, view))


def graphml(m: Map, view: View) -> str:
    return graphml_format.write(selected(m, view))


def kialo(m: Map, view: View) -> str:
    return kialo_format.write(m, view.claim)
