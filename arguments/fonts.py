"""The diagram font: Source Sans Pro, installed from PyPI by requirements.txt.

Contract: :func:`ensure_fontconfig` points the Graphviz engine bundled in
pygraphviz at a fontconfig setup of ours, so PNG and PDF text is set in
Source Sans Pro on every machine, whatever fonts and font settings the
system has.  It must run before the first rendering in a process (fontconfig
reads its configuration once); :mod:`arguments.diagrams` calls it on import.
The system's font folders stay listed after ours, so characters our font
lacks can still fall back to an installed font.

Why a "sysroot": the fontconfig bundled with pygraphviz (2.13) also reads
every file in ``/usr/share/fontconfig/conf.avail`` and, on systems with a
newer fontconfig, prints ``Fontconfig warning: ... 05-reset-dirs-sample.conf
... unknown element "reset-dirs"`` on every run.  Setting
``FONTCONFIG_SYSROOT`` to a folder of ours makes it look for that template
folder (and every path of the configuration) inside our folder instead, so
the warning is gone and the system's configuration cannot change how our
diagrams look.  The font folders are reached through symbolic links at the
same paths inside that folder.  (That fontconfig checks the configuration file's path without the
sysroot and opens it with the sysroot, so the file is written at both.)
"""

from __future__ import annotations

import base64
import io
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


def _write(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _link(link: Path, target: Path) -> None:
    if link.is_symlink() and os.readlink(link) == str(target):
        return
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(target, target_is_directory=True)
    tmp.replace(link)


def ensure_fontconfig() -> str | None:
    """Write (once) and select our fontconfig setup; return the configuration's path."""
    d = font_dir()
    if d is None:
        return None
    user = getattr(os, "getuid", lambda: "")()
    home = Path(
        os.environ.get("ARGMAP_CACHE")
        or Path(tempfile.gettempdir()) / f"argmap-fonts-{user}".rstrip("-")
    )
    try:
        return _setup(d, home)
    except OSError:  # an unwritable cache: the system's fonts and settings, as they are
        return None


def _setup(d: Path, home: Path) -> str:
    root = (home / "root").resolve()
    root.mkdir(parents=True, exist_ok=True)
    dirs = [d] + [Path(p) for p in _SYSTEM_DIRS if Path(p).is_dir()]
    try:
        for target in dirs:  # the same path inside the sysroot, linked to the real folder
            inside = Path(str(root) + str(target))
            inside.parent.mkdir(parents=True, exist_ok=True)
            _link(inside, target)
        sysroot: str | None = str(root)
    except OSError:  # no symbolic links here: plain paths, and the warning may show
        sysroot = None
    listed = "".join(f"<dir>{escape(str(p))}</dir>" for p in dirs)
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"{listed}<cachedir>{'/cache' if sysroot else escape(str(root / 'cache'))}</cachedir>"
        f"<alias><family>sans-serif</family><prefer><family>{FAMILY}</family></prefer></alias>"
        f"<alias><family>serif</family><prefer><family>{FAMILY}</family></prefer></alias>"
        "</fontconfig>\n"
    )
    conf = root / "fonts.conf"
    _write(conf, text)
    if sysroot:
        _write(Path(str(root) + str(conf)), text)  # the same file, seen through the sysroot
        os.environ["FONTCONFIG_SYSROOT"] = sysroot
    else:
        os.environ.pop("FONTCONFIG_SYSROOT", None)
    os.environ["FONTCONFIG_FILE"] = str(conf)
    return str(conf)


#: (weight, style) -> the font file's style name
FACES: dict[tuple[str, str], str] = {
    ("normal", "normal"): "Regular",
    ("bold", "normal"): "Bold",
    ("normal", "italic"): "It",
    ("bold", "italic"): "BoldIt",
}
_CSS_WEIGHT = {"normal": 400, "bold": 700}


def woff2(style: str, chars: str) -> bytes:
    """The font of ``style`` ("Regular", "Bold"...) cut down to ``chars`` (and what shaping
    them needs), as WOFF2: what a document embeds so that its text looks the same on a
    computer without the font.  The same characters give the same bytes."""
    # fontTools and brotli are needed only here, when a document embeds its font
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path = font_file(style)
    if path is None:  # pragma: no cover - requirements.txt installs the font
        raise FileNotFoundError(f"the {FAMILY} {style} font is not installed")
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # screens and printers hint themselves; a third of the size
    options.desubroutinize = True
    # no OpenType layout (kerning, ligatures): reading those tables is nine tenths of the
    # time (0.3 s a face), and a line then sets at most a hair wider than measured
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    font = TTFont(str(path), recalcTimestamp=False, lazy=True)
    sub = subset.Subsetter(options)
    sub.populate(text=chars)
    sub.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff2"
    font.save(buf, reorderTables=False)
    return buf.getvalue()


def font_face_css(used: dict[tuple[str, str], str], family: str = FAMILY) -> str:
    """``@font-face`` rules embedding, for each (weight, style) in ``used``, the font cut
    down to the characters it sets there (``used``: (weight, style) -> characters)."""
    rules = []
    for (weight, style), chars in sorted(used.items()):
        face = FACES.get((weight, style))
        if face is None or not chars:
            continue
        data = base64.b64encode(woff2(face, "".join(sorted(set(chars))))).decode("ascii")
        rules.append(
            f"@font-face{{font-family:'{family}';font-weight:{_CSS_WEIGHT[weight]};"
            f"font-style:{style};src:url(data:font/woff2;base64,{data}) format('woff2');}}"
        )
    return "\n".join(rules)
