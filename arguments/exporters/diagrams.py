"""Diagram exports: the view drawn by :mod:`arguments.render`."""

from __future__ import annotations

from ..models import Map
from ..render import build_dot, render
from ..views import View


def svg(m: Map, view: View) -> bytes:
    return render(m, view, "svg")


def png(m: Map, view: View, dpi: int = 150) -> bytes:
    return render(m, view, "png", dpi=dpi)


def png300(m: Map, view: View, dpi: int = 300) -> bytes:
    return render(m, view, "png", dpi=dpi)


def pdf(m: Map, view: View) -> bytes:
    return render(m, view, "pdf")


def dot(m: Map, view: View) -> str:
    return build_dot(m, view).source
