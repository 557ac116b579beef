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
import contextlib
import functools
import hashlib
import html
import io
import os
import tempfile
from pathlib import Path

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


def _home() -> Path:
    """Our cache folder: ``ARGMAP_CACHE``, else one per user in the temporary folder."""
    user = getattr(os, "getuid", lambda: "")()
    return Path(
        os.environ.get("ARGMAP_CACHE")
        or Path(tempfile.gettempdir()) / f"argmap-fonts-{user}".rstrip("-")
    )


def ensure_fontconfig() -> str | None:
    """Write (once) and select our fontconfig setup; return the configuration's path."""
    d = font_dir()
    if d is None:
        return None
    home = _home()
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
    listed = "".join(f"<dir>{_escape(str(p))}</dir>" for p in dirs)
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"{listed}<cachedir>{'/cache' if sysroot else _escape(str(root / 'cache'))}</cachedir>"
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


#: subsets kept in the cache folder (each a few kilobytes); past this, the oldest go
KEPT_SUBSETS = 256


class _Subsets:
    #: whether subsets are kept in the cache folder: only for the command line, whose
    #: maps are files on disk already (:func:`keep_subsets_on_disk`); the app keeps them
    #: in its process, as it writes nothing of an uploaded map to a file, not even which
    #: characters it sets
    on_disk = False


def keep_subsets_on_disk(on: bool = True) -> None:
    """Keep the font subsets this process cuts in the cache folder (see :func:`woff2`)."""
    _Subsets.on_disk = on


@functools.lru_cache(maxsize=32)
def woff2(style: str, chars: str) -> bytes:
    """The font of ``style`` ("Regular", "Bold"...) cut down to ``chars`` (and what shaping
    them needs), as WOFF2: what a document embeds so that its text looks the same on a
    computer without the font.  The same characters give the same bytes.

    Cutting a font down takes a fifth of a second (importing the subsetter half of it),
    and exports of one map, or of maps in one script, set the same characters: a subset
    once made is kept in this process, and in the cache folder (:func:`_kept`) when the
    process keeps them there (the command line: :func:`keep_subsets_on_disk`)."""
    path = font_file(style)
    if path is None:  # pragma: no cover - requirements.txt installs the font
        raise FileNotFoundError(f"the {FAMILY} {style} font is not installed")
    kept = _kept(path, style, chars) if _Subsets.on_disk else None
    if kept is not None:
        try:
            data = kept.read_bytes()
            if data[:4] == b"wOF2":
                return data
        except OSError:
            pass
    data = _subset(path, chars)
    if kept is not None:
        _keep(kept, data)
    return data


def _kept(font: Path, style: str, chars: str) -> Path | None:
    """Where the subset of ``chars`` of this font file is kept: named by a digest of the
    font file (its path, size and time), the subsetter's version and the characters; None
    when the cache folder is not ours alone (another user could plant a font there)."""
    import fontTools  # a few milliseconds; its version is part of the name

    home = _home()
    try:
        st = home.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            return None
        folder = home / "woff2"
        folder.mkdir(mode=0o700, exist_ok=True)
        f = font.stat()
    except (OSError, AttributeError):  # no such folder yet, or no user ids here
        return None
    key = "\0".join(
        (str(font), str(f.st_size), str(f.st_mtime_ns), fontTools.version, _OPTIONS, style, chars)
    )
    return folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.woff2"


def _keep(path: Path, data: bytes) -> None:
    """Write a subset into the cache folder (atomically), the oldest dropped past
    :data:`KEPT_SUBSETS`; a cache that cannot be written is no error."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
        files = sorted(path.parent.glob("*.woff2"), key=lambda p: p.stat().st_mtime_ns)
        for old in files[: max(0, len(files) - KEPT_SUBSETS)]:
            old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


#: what the subsetter is asked for (part of a kept subset's name: change it with them)
_OPTIONS = "woff2 no-hinting desubroutinize no-layout"


def _subset(path: Path, chars: str) -> bytes:
    # fontTools and brotli are needed only here, when a document embeds its font
    from fontTools import subset
    from fontTools.ttLib import TTFont

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


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` escaped for XML (as xml.sax.saxutils does, which imports
    urllib and ssl: 9 ms of the command line's start-up)."""
    return html.escape(text, quote=False)
