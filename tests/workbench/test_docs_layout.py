"""GB/T 9704 layout of every generated Word document, read back with python-docx: page size and
margins, the 22-line grid, East Asian fonts on styles and runs (no theme fonts), title and
heading fonts, odd/even "— N —" page-number footers, repeated table headers, 密级 and 份号."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Length, Mm

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded, open_seeded
from workbench.reports import DOCUMENTS, DocRequest, get_spec, write_document
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.typeset import balanced_lines, text_width_pt
from workbench.store.vault import Vault

seeded = docs_data.seeded  # the shared fixture
DOCX_TYPES = [d.code for d in DOCUMENTS if d.render]
LANDSCAPE = {"clue-ledger", "rectification"}
PUBLIC = {"announcement", "envelopes"}  # posted, or handed out blank: no 密级
PUBLIC = {"announcement", "envelopes"}  # posted, or handed out blank: no 密级
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def request_for(code: str, s: Seeded, **extra: Any) -> DocRequest:
    spec = next(d for d in DOCUMENTS if d.code == code)
    record = {
        "interview": s.interview,
        "letter-register": s.letter_named,
        "letter-handling": s.letter_named,
        "portrait": s.portrait,
        "suggestion-letter": s.suggestion,
        "reminder-letter": s.reminder,
    }
    if spec.scope == "record":
        return DocRequest(code, record_id=record[code], **extra)
    if spec.scope in ("target", "record_or_target"):
        return DocRequest(code, target_id=s.t1, **extra)
    return DocRequest(code, round_id=s.round_id, **extra)


def build(vault: Vault, request: DocRequest) -> Any:
    buf = io.BytesIO()
    with vault.read() as session:
        write_document(session, request, buf, "docx", use_template=False)
    buf.seek(0)
    return Document(buf)


@pytest.fixture(scope="module")
def documents(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with open_seeded(seeded, tmp_path_factory) as vault:
        return {
            code: build(vault, request_for(code, seeded, copy_no="000007")) for code in DOCX_TYPES
        }


def fonts(rpr: Any) -> dict[str, str]:
    element = rpr.find(qn("w:rFonts"))
    assert element is not None, "no w:rFonts"
    return {k.split("}")[1]: v for k, v in element.attrib.items()}


def style_rpr(doc: Any, name: str) -> Any:
    return doc.styles[name].element.find(qn("w:rPr"))


def size_pt(rpr: Any) -> float:
    return int(rpr.find(qn("w:sz")).get(qn("w:val"))) / 2


@pytest.mark.parametrize("code", DOCX_TYPES)
def test_page_is_a4_with_the_gbt9704_type_area(documents: dict[str, Any], code: str) -> None:
    section = documents[code].sections[0]
    width, height = (Mm(297), Mm(210)) if code in LANDSCAPE else (Mm(210), Mm(297))
    assert abs(section.page_width - width) < Mm(0.1)
    assert abs(section.page_height - height) < Mm(0.1)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    expected = [28, 26, 37, 35] if code in LANDSCAPE else [37, 35, 28, 26]
    assert [round(m.mm, 1) for m in margins] == expected
    type_area = (
        section.page_width - section.left_margin - section.right_margin,
        section.page_height - section.top_margin - section.bottom_margin,
    )
    expected_area = (225, 156) if code in LANDSCAPE else (156, 225)
    assert tuple(round(Length(x).mm) for x in type_area) == expected_area


@pytest.mark.parametrize("code", DOCX_TYPES)
def test_22_line_grid_exact_spacing(documents: dict[str, Any], code: str) -> None:
    doc = documents[code]
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert grid.get(qn("w:linePitch")) == "579"
    for name in ("Normal", "公文正文", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        spacing = doc.styles[name].element.find(qn("w:pPr")).find(qn("w:spacing"))
        assert spacing.get(qn("w:line")) == "579", name
        assert spacing.get(qn("w:lineRule")) == "exact", name
        assert spacing.get(qn("w:before")) == spacing.get(qn("w:after")) == "0", name
    assert 22 * 28.95 <= 225 / 25.4 * 72  # 22 lines fit the 225 mm 版心


@pytest.mark.parametrize("code", DOCX_TYPES)
def test_3hao_text_is_condensed_to_28_characters_a_line(
    documents: dict[str, Any], code: str
) -> None:
    """Every 3号 style is condensed by 0.25 pt a character on the lines grid (a linesAndChars
    grid breaks LibreOffice); other sizes keep normal spacing; punctuation keeps Word's default
    (overflow on, which LibreOffice reads as no hanging)."""
    doc = documents[code]

    def spacing(name: str) -> str:
        return doc.styles[name].element.find(qn("w:rPr")).find(qn("w:spacing")).get(qn("w:val"))

    for name in ("Normal", "公文正文", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        assert spacing(name) == "-5", name
        overflow = doc.styles[name].element.find(qn("w:pPr")).find(qn("w:overflowPunct"))
        assert overflow.get(qn("w:val")) == "1", name
    assert spacing("Title") == spacing("表格文字") == "0"
    assert 28 * (16 - 5 / 20) <= 156 / 25.4 * 72 < 28 * (16 - 4 / 20)  # the least that fits


@pytest.mark.parametrize("code", DOCX_TYPES)
def test_east_asian_fonts_on_styles_and_runs(documents: dict[str, Any], code: str) -> None:
    doc = documents[code]
    expected = {
        "Normal": ("仿宋_GB2312", 16),
        "公文正文": ("仿宋_GB2312", 16),
        "Title": ("方正小标宋简体", 22),
        "Heading 1": ("黑体", 16),
        "Heading 2": ("楷体_GB2312", 16),
        "Heading 3": ("仿宋_GB2312", 16),
        "Heading 4": ("仿宋_GB2312", 16),
    }
    for name, (font, points) in expected.items():
        rpr = style_rpr(doc, name)
        assert fonts(rpr)["eastAsia"] == font, name
        assert size_pt(rpr) == points, name
    for part in (doc.styles.element, doc.element):
        for element in part.iter(qn("w:rFonts")):
            assert not any(element.get(qn(a)) for a in THEME_ATTRS), "theme font left in place"
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [
        r
        for t in doc.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    ]
    assert runs
    for run in runs:
        assert fonts(run._r.rPr).get("eastAsia"), run.text


@pytest.mark.parametrize("code", DOCX_TYPES)
def test_title_heading_and_body_paragraphs(documents: dict[str, Any], code: str) -> None:
    doc = documents[code]
    titles = [p for p in doc.paragraphs if p.style.name == "Title"]
    assert titles and titles[0].text
    assert (
        doc.styles["Title"].element.find(qn("w:pPr")).find(qn("w:jc")).get(qn("w:val")) == "center"
    )
    title_run = titles[0].runs[0]._r.rPr
    assert fonts(title_run)["eastAsia"] == "方正小标宋简体" and size_pt(title_run) == 22
    for p in doc.paragraphs:
        if p.style.name == "公文正文" and p.text:
            ind = doc.styles["公文正文"].element.find(qn("w:pPr")).find(qn("w:ind"))
            assert ind.get(qn("w:firstLineChars")) == "200"
            break
    for p in doc.paragraphs:
        if p.style.name.startswith("Heading") and p.runs:
            level = int(p.style.name[-1])
            font = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}[level]
            assert fonts(p.runs[0]._r.rPr)["eastAsia"] == font


@pytest.mark.parametrize("code", DOCX_TYPES)
def test_odd_and_even_page_number_footers(documents: dict[str, Any], code: str) -> None:
    doc = documents[code]
    assert doc.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    section = doc.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        assert not footer.is_linked_to_previous
        p = footer.paragraphs[-1]  # the page number (a 谈话记录 puts its signatures above it)
        ppr = p._p.pPr
        assert ppr.find(qn("w:jc")).get(qn("w:val")) == side
        assert ppr.find(qn("w:ind")).get(qn(f"w:{side}")) == "280"  # one 4号 character
        xml = p._p.xml
        assert 'w:fldCharType="begin"' in xml and "PAGE" in xml
        texts = [t.text for t in p._p.iter(qn("w:t"))]
        assert texts[0] == "— " and texts[-1] == " —"
        rpr = p._p.find(qn("w:r")).find(qn("w:rPr"))
        assert fonts(rpr)["eastAsia"] == fonts(rpr)["ascii"] == "宋体"
        assert size_pt(rpr) == 14
    # the number sits 7 mm below the 版心: footer distance + line height + 7 mm = bottom margin
    line_mm = 18 * 25.4 / 72
    assert abs(section.footer_distance.mm + line_mm + 7 - section.bottom_margin.mm) < 0.2


@pytest.mark.parametrize("code", DOCX_TYPES)
def test_secrecy_and_copy_number_marks(documents: dict[str, Any], code: str) -> None:
    paragraphs = documents[code].paragraphs
    assert paragraphs[0].text == "000007"
    marks = 1 if code in PUBLIC else 2
    if code not in PUBLIC:
        assert paragraphs[1].text == "工作秘密"
        assert fonts(paragraphs[1].runs[0]._r.rPr)["eastAsia"] == "黑体"
    if get_spec(code).frame is not None:  # the rest of the 版头 (test_docs_frame), then the title
        title = next(i for i, p in enumerate(paragraphs) if p.style.name == "Title")
        assert [p.text for p in paragraphs[title - 2 : title]] == ["", ""]
        return
    assert paragraphs[marks].text == ""  # a blank line, then the title
    assert paragraphs[marks + 1].style.name == "Title"


def test_tables_repeat_their_header_row(documents: dict[str, Any]) -> None:
    for code in ("clue-ledger", "rectification", "archive", "stats"):
        for table in documents[code].tables:
            tr_pr = table.rows[0]._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None, code


def test_builder_without_marks_starts_with_the_title() -> None:
    doc = OfficialDocument(title="测试")
    doc.marks()
    doc.title("关于测试的报告")
    doc.heading(1, "一、标题")
    doc.text("第一段。\n第二段。")
    buf = io.BytesIO()
    doc.save(buf)
    read = Document(io.BytesIO(buf.getvalue()))
    assert [p.style.name for p in read.paragraphs][:2] == ["Title", "Normal"]  # no blank
    assert [p.text for p in read.paragraphs if p.style.name == "公文正文"] == [
        "第一段。",
        "第二段。",
    ]
    assert read.core_properties.title == "测试"
    assert read.core_properties.author == ""


def test_long_titles_break_into_balanced_lines() -> None:
    width = 156 * 72 / 25.4  # the 版心, in points
    assert balanced_lines("关于十五届县委第六轮巡察情况的报告", 22, width) == [
        "关于十五届县委第六轮巡察情况的报告"
    ]
    assert balanced_lines("第一巡察组关于巡察县交通运输局党组的反馈意见", 22, width) == [
        "第一巡察组关于",
        "巡察县交通运输局党组的反馈意见",
    ]
    lines = balanced_lines("关于对县农业发展投资有限公司党总支巡察情况的报告", 22, width)
    assert lines == ["关于对县农业发展投资有限公司党总支", "巡察情况的报告"]
    assert all(text_width_pt(line, 22) <= width for line in lines)


def test_the_signature_block_keeps_with_the_end_of_the_body() -> None:
    """GB/T 9704 7.3.5: the blank line, 署名 and date keep with the body's last two lines (a
    one-line 特此报告 takes the paragraph before it along); 7.3.5.2: the date 右空二字 with the
    署名 two characters left of it, or the 署名 右空二字 with the date two characters right."""

    def ppr(p: Any) -> Any:
        return p._p.find(qn("w:pPr"))

    def keeps(p: Any) -> bool:
        return ppr(p).find(qn("w:keepNext")) is not None

    def indent(p: Any, side: str) -> int:
        return int(ppr(p).find(qn("w:ind")).get(qn(f"w:{side}")))

    def align(p: Any) -> str | None:
        jc = ppr(p).find(qn("w:jc"))
        return None if jc is None else jc.get(qn("w:val"))

    doc = OfficialDocument()
    doc.text("巡察" * 40)
    doc.text("巡察" * 40)
    doc.text("特此报告。")
    doc.signature("县委第一巡察组", "2025年6月20日")
    *body, prose, closing, blank, issuer, date = doc.docx.paragraphs
    assert [keeps(p) for p in (*body, prose, closing, blank, issuer, date)] == [
        False,
        True,
        True,
        True,
        True,
        False,
    ]
    for p in (prose, closing):
        assert ppr(p).find(qn("w:widowControl")).get(qn("w:val")) == "1"
    two = 2 * (16 - 5 / 20) * 20  # two condensed 3号 characters, in twips
    assert align(date) == "right" and indent(date, "right") == int(two)
    date_width = (3 * 15.75 + 7 * 7.75) * 20
    right = 156 / 25.4 * 1440 - two
    assert abs(indent(issuer, "left") - (right - date_width - two)) < 20

    doc = OfficialDocument()
    doc.text("巡察")
    doc.signature("中共某某县委巡察工作领导小组办公室", "2025年6月20日")
    issuer, date = doc.docx.paragraphs[-2:]
    assert align(issuer) == "right" and indent(issuer, "right") == int(two)
    issuer_width = 17 * 15.75 * 20
    assert abs(indent(date, "left") - (right - issuer_width + two)) < 20
