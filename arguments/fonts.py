"""The diagram font: Source Sans Pro, installed from PyPI by requirements.txt.

Contract: :func:`ensure_fontconfig` points the Graphviz engine bundled in
pygraphviz at a fontconfig file of ours, so PNG and PDF text is set in the
same font on every machine, whatever fonts the system has.  It must run before
the first rendering in a process (fontconfig reads its configuration once);
:mod:`arguments.diagrams` calls it on import.  System font folders stay
listed after ours, so characters our font lacks can still fall back.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

FAMILY = "Source Sans Pro"
#: what SVG viewers should try when Source Sans Pro is not installed
SVG_FAMILY = "'Source Sans Pro','Source Sans 3','Source Sans',Arial,Helvetica,sans-serif"
_SYSTEM_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")


def font_dir() -> Path | None:
    try:
        import font_source_sans_pro
    except ImportError:  # pragma: no cover - requirements.txt installs it
        return None
    d = Path(font_source_sans_pro.__file__).resolve().parent / "files"
    return d if d.is_dir() else None


def font_file(style: str = "Regular") -> Path | None:
    d = font_dir()
    f = d / f"SourceSansPro-{style}.ttf" if d else None
    return f if f and f.exists() else None


def ensure_fontconfig() -> str | None:
    """Write (once) and select our fontconfig file; return its path."""
    d = font_dir()
    if d is None:
        return None
    home = Path(os.environ.get("ARGMAP_CACHE", Path(tempfile.gettempdir()) / "argmap-fonts"))
    home.mkdir(parents=True, exist_ok=True)
    conf = home / "fonts.conf"
    dirs = "".join(f"<dir>{escape(str(p))}</dir>" for p in (d, *_SYSTEM_DIRS))
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"{dirs}<cachedir>{escape(str(home / 'cache'))}</cachedir>"
        f"<alias><family>sans-serif</family><prefer><family>{FAMILY}</family></prefer></alias>"
        f"<alias><family>serif</family><prefer><family>{FAMILY}</family></prefer></alias>"
        "</fontconfig>\n")
    if not conf.exists() or conf.read_text(encoding="utf-8") != text:
        tmp = conf.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(conf)
    os.environ["FONTCONFIG_FILE"] = str(conf)
    return str(conf)
