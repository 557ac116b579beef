"""export --page, --orientation, --part, --text and the slide formats on the command line."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pdfread import reader
from PIL import Image
from pptx import Presentation

from arguments import cli

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
VERDICT = ["--view", "verdict", "--claim", "author-thesis"]


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_a_pdf_is_a4_landscape_by_default_and_takes_other_pages(capsys, tmp_path):
    assert run(capsys, "export", "-f", "pdf", *VERDICT, "-o", tmp_path / "a.pdf")[0] == 0
    page = reader((tmp_path / "a.pdf").read_bytes()).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    argv = ["export", "-f", "pdf", *VERDICT, "--page", "letter", "--orientation", "portrait"]
    assert run(capsys, *argv, "-o", tmp_path / "b.pdf")[0] == 0
    page = reader((tmp_path / "b.pdf").read_bytes()).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_a_png_slide_of_several_pages_goes_page_by_page_into_a_folder(capsys, tmp_path):
    code, _, _err = run(
        capsys, "export", "-f", "png", "--page", "slide", *VERDICT, "-o", f"{tmp_path}/"
    )
    assert code == 0
    files = sorted(tmp_path.glob("verdict-author-thesis-page-*.png"))
    assert len(files) > 1 and files[0].name.endswith(f"-of-{len(files):02d}.png")
    with Image.open(files[0]) as im:
        assert im.size == (1920, 1080)


def test_one_file_of_a_view_of_several_pages_asks_for_part_or_a_folder(capsys, tmp_path):
    code, _, err = run(
        capsys, "export", "-f", "png", "--page", "slide", *VERDICT, "-o", tmp_path / "x.png"
    )
    assert code == 2 and "--part" in err
    code, _, err = run(
        capsys,
        "export",
        "-f",
        "png",
        "--page",
        "slide",
        "--part",
        "2",
        *VERDICT,
        "-o",
        tmp_path / "x.png",
    )
    assert code == 0
    with Image.open(tmp_path / "x.png") as im:
        assert im.size == (1920, 1080)


@pytest.mark.parametrize(
    "argv,message",
    [
        (["-f", "csv", "--page", "a4"], "--page and --orientation are for diagrams"),
        (["-f", "pdf", "--text", "paths"], "--text is for svg"),
        (["-f", "pdf", "--part", "2"], "--part picks one page"),
        (["-f", "pdf", "--page", "a5"], "invalid choice: 'a5'"),
    ],
)
def test_page_options_where_they_do_not_apply_are_exit_2(capsys, argv, message):
    code, _, err = run(capsys, "export", "--map", MINI, *argv, "-o", "-")
    assert code == 2 and message in err


def test_svg_text_as_paths(capsys, tmp_path):
    argv = ["export", "--map", MINI, "-f", "svg", "--text", "paths", "-o", tmp_path / "m.svg"]
    assert run(capsys, *argv)[0] == 0
    root = ET.parse(tmp_path / "m.svg").getroot()
    assert not list(root.iter("{http://www.w3.org/2000/svg}text"))


@pytest.mark.parametrize("fmt,ext", [("pptx", "pptx"), ("slides-pdf", "pdf")])
def test_slides_on_the_command_line(capsys, tmp_path, fmt, ext):
    argv = [
        "export",
        "-f",
        fmt,
        "--view",
        "postulate",
        "--claim",
        "postulate-4",
        "-o",
        f"{tmp_path}/",
    ]
    assert run(capsys, *argv)[0] == 0
    out = tmp_path / f"postulate-4.{ext}"
    if fmt == "pptx":
        assert len(Presentation(io.BytesIO(out.read_bytes())).slides) >= 2
    else:
        assert len(reader(out.read_bytes()).pages) >= 2
