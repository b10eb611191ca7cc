"""An office template that reaches outside itself is refused: LibreOffice fetched a linked image
at every preview (a beacon; ``file://`` pulls local files into the pages), and altChunk, macros,
OLE objects and INCLUDE*/LINK fields import other files. A .docx handed to the preview or the
printer is checked the same way before LibreOffice sees it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench.reports import TemplateInvalid, check_template
from workbench.reports.preview import RenderFailed, file_pages
from workbench.reports.templates import install_template, starter_template, template_for

CODE = "interview"
RELS = "word/_rels/document.xml.rels"

IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
CHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
LINKED_PICTURE = (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
    'wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/><wp:docPr id="99" name="p"/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
    'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://'
    'schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="99" name="p"/>'
    '<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships" r:link="rIdX"/></pic:blipFill><pic:spPr/></pic:pic>'
    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
)


def _field(*code: str) -> str:
    """A complex field whose code is split over runs, as Word writes it."""
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{c}</w:instrText></w:r>' for c in code)
    return (
        f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def _rel(rid: str, kind: str, target: str, mode: str = "") -> bytes:
    extra = f' TargetMode="{mode}"' if mode else ""
    return f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{extra}/>'.encode()


# name → (text added to the body, a relationship, extra members)
HOSTILE: dict[str, tuple[str, bytes, dict[str, bytes]]] = {
    "linked image": (
        LINKED_PICTURE,
        _rel("rIdX", IMAGE, "http://127.0.0.1:8765/b", "External"),
        {},
    ),
    "file link": (LINKED_PICTURE, _rel("rIdX", IMAGE, "file:///etc/passwd", "external"), {}),
    "altChunk": (
        '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships" r:id="rIdC"/>',
        _rel("rIdC", CHUNK, "chunk.html"),
        {"word/chunk.html": b"<html><body><img src='http://127.0.0.1/'></body></html>"},
    ),
    "vbaProject": ("", b"", {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}),
    "OLE object": ("", b"", {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0ole"}),
    "INCLUDETEXT split": (_field(" INCL", 'UDETEXT "file:///etc/passwd" '), b"", {}),
    "INCLUDEPICTURE simple": (
        "<w:p><w:fldSimple w:instr=' INCLUDEPICTURE \"http://127.0.0.1/x.png\" \\d '>"
        "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>",
        b"",
        {},
    ),
    "LINK field": (_field(' LINK Excel.Sheet.12 "C:\\\\a.xlsx" "" \\a '), b"", {}),
}


def _craft(src: Path, dst: Path, body: str, rel: bytes, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == RELS and rel:
                data = data.replace(b"</Relationships>", rel + b"</Relationships>")
            if info.filename == "word/document.xml" and body:
                data = data.replace(b"<w:body>", b"<w:body>" + body.encode(), 1)
            out.writestr(info, data)
        for name, data in members.items():
            out.writestr(name, data)
    return dst


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    path = tmp_path / "starter.docx"
    starter_template(CODE, path)
    return path


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_template_reaching_outside_is_refused_and_not_installed(
    name: str, starter: Path, tmp_path: Path
) -> None:
    hostile = _craft(starter, tmp_path / "hostile.docx", *HOSTILE[name])
    with pytest.raises(TemplateInvalid) as refused:
        check_template(hostile, CODE)
    assert "hostile.docx" in refused.value.message and "外部链接" in refused.value.message
    with pytest.raises(TemplateInvalid):
        install_template(hostile, CODE)
    assert template_for(CODE) is None


@pytest.mark.parametrize("name", list(HOSTILE))
def test_preview_and_print_refuse_it_before_libreoffice_starts(
    name: str, starter: Path, tmp_path: Path
) -> None:
    hostile = _craft(starter, tmp_path / "hostile.docx", *HOSTILE[name])
    never_started = str(tmp_path / "no-such-soffice")  # a launch would raise FileNotFoundError
    with pytest.raises(RenderFailed) as refused:
        file_pages(hostile, office=never_started)
    assert "模板" in refused.value.message


def test_ordinary_fields_and_the_starter_pass(starter: Path, tmp_path: Path) -> None:
    check_template(starter, CODE)
    fields = _field(" PAGE ") + _field(" HYPER", 'LINK "https://example.org" ')
    plain = _craft(starter, tmp_path / "plain.docx", fields, b"", {})
    check_template(plain, CODE)
