"""Putting the 公文 frame (frame.py) on the page of an ``OfficialDocument`` a type's render
built: the 版头 replaces the render's 份号/密级 marks above the title, the 附件说明 goes between
the body and the 署名, the 附注 after the 成文日期, the 版记 at the foot of a last page.

Positions (GB/T 9704-2012 7.2–7.4): 份号, 密级, 紧急程度 顶格 on the first lines in 3号黑体;
the 标志's top edge 35 mm below the 版心's, centred, red 小标宋; the 发文字号 two lines below it
(centred, or for a 上行文 one character in with 签发人 one character from the right on the same
line: "签发人：" 3号仿宋, the name 3号楷体); the red line as wide as the 版心, 4 mm below the
发文字号; the title two lines below that. The 版记 is 4号仿宋 between full-width lines, the first
and last 0.35 mm, the one between 0.25 mm, the last on the bottom edge of the 版心 of an even
page: it sits in the footer of a final section that starts on an even page (so a blank page
comes before it when the body ends on an even page), and that page carries no page number.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Twips
from docx.text.paragraph import Paragraph

from workbench.reports import ooxml as x
from workbench.reports.frame import FrameValues, attachment_lines, cc_text, note_text
from workbench.reports.gbt9704 import (
    BODY_PT,
    HEITI,
    KAITI,
    MM_PER_PT,
    XIAOBIAOSONG,
    OfficialDocument,
)
from workbench.reports.typeset import text_width_pt

RED = "FF0000"
MARK_MAX_PT = 36.0  # 小初
MARK_MIN_PT = 22.0  # 2号: a longer name is narrowed (character scale) instead
MARK_TOP_MM = 35.0  # the 标志's top edge below the 版心's top edge
RED_LINE_GAP_MM = 4.0
RED_LINE_EIGHTHS = 8  # 1 pt ≈ 0.35 mm
IMPRINT_PT = 14.0  # 4号
THICK_EIGHTHS = 8  # 0.35 mm
THIN_EIGHTHS = 6  # 0.26 mm, the standard's 0.25 mm
IMPRINT_ROW_MM = 7.0
# the 版记's lines: thick first and last, thin between, none at the sides
TABLE_RULES = (
    ("top", THICK_EIGHTHS),
    ("left", 0),
    ("bottom", THICK_EIGHTHS),
    ("right", 0),
    ("insideH", THIN_EIGHTHS),
    ("insideV", 0),
)


def _ind(
    paragraph: Paragraph, *, left_pt: float = 0, hanging_pt: float = 0, right_pt: float = 0
) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ind = x.ppr_child(ppr, "w:ind")
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    ind.set(qn("w:left"), str(round(left_pt * x.TWIPS_PER_PT)))
    ind.set(qn("w:right"), str(round(right_pt * x.TWIPS_PER_PT)))
    if hanging_pt:
        ind.set(qn("w:hanging"), str(round(hanging_pt * x.TWIPS_PER_PT)))
    else:
        ind.set(qn("w:firstLine"), "0")


def _tabs(paragraph: Paragraph, *stops: tuple[str, float]) -> None:
    tabs = x.ppr_child(paragraph._p.get_or_add_pPr(), "w:tabs")
    for align, pos_pt in stops:
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), align)
        tab.set(qn("w:pos"), str(round(pos_pt * x.TWIPS_PER_PT)))
        tabs.append(tab)


def _color(paragraph: Paragraph, color: str) -> None:
    for r in paragraph.runs:
        x.rpr_child(r._r.get_or_add_rPr(), "w:color").set(qn("w:val"), color)


def _off_grid(paragraph: Paragraph, line_pt: float, *, before_pt: float = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    x.set_snap_to_grid(ppr, False)
    x.set_line(ppr, round(line_pt * x.TWIPS_PER_PT))
    spacing = x.ppr_child(ppr, "w:spacing")
    spacing.set(qn("w:before"), str(round(before_pt * x.TWIPS_PER_PT)))
    spacing.set(qn("w:after"), "0")


def _border(paragraph: Paragraph, side: str, eighths: int, color: str, space_pt: int) -> None:
    bdr = x.ppr_child(paragraph._p.get_or_add_pPr(), "w:pBdr")
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(eighths))
    line.set(qn("w:space"), str(space_pt))
    line.set(qn("w:color"), color)
    bdr.append(line)


def mark_size(text: str, width_pt: float) -> tuple[float, int]:
    """The 标志's size and character scale (%): as large as fits the 版心 up to 小初; below 2号
    the characters are narrowed instead of shrunk."""
    natural = width_pt / max(1.0, text_width_pt(text, 1.0))
    size = min(MARK_MAX_PT, natural)
    if size >= MARK_MIN_PT:
        return size, 100
    return MARK_MIN_PT, max(33, int(100 * natural / MARK_MIN_PT))


def _red_line(line: Paragraph) -> None:
    """The 版头's red line 4 mm below the glyphs of ``line`` (a body-grid line): the exact line
    leaves ~ (line − size) / 2 below them."""
    grid = x.LINE_TWIPS / x.TWIPS_PER_PT
    gap = RED_LINE_GAP_MM / MM_PER_PT - (grid - BODY_PT) / 2 + 1
    _border(line, "bottom", RED_LINE_EIGHTHS, RED, max(0, min(31, round(gap))))


def _header_block(doc: OfficialDocument, v: FrameValues) -> list[Any]:
    """The 版头's paragraphs, appended at the end of the body (the caller moves them)."""
    width = doc.text_width_twips / x.TWIPS_PER_PT
    out: list[Paragraph] = []
    marks = [t for t in (v.copy_no, v.secrecy, v.urgency) if t]
    for text in marks:
        out.append(doc.paragraph(text, style="Normal", font=HEITI, align="left"))
    size, scale = mark_size(v.mark, width)
    line_pt = size * 1.2
    mark_line = x.LINE_TWIPS / x.TWIPS_PER_PT
    # top of the 标志's glyphs ≈ top of its line plus the line's spare (line − size) / 2
    before = MARK_TOP_MM / MM_PER_PT - len(marks) * mark_line - (line_pt - size) / 2
    p = doc.paragraph(v.mark, style="Normal", font=XIAOBIAOSONG, size_pt=size, align="center")
    for r in p.runs:
        x.set_fonts(r._r.get_or_add_rPr(), XIAOBIAOSONG, XIAOBIAOSONG)
        if scale != 100:
            x.rpr_child(r._r.get_or_add_rPr(), "w:w").set(qn("w:val"), str(scale))
    _color(p, RED)
    _off_grid(p, line_pt, before_pt=max(0.0, before))
    out.append(p)
    out += [doc.paragraph(style="Normal"), doc.paragraph(style="Normal")]  # 下空二行
    if not (v.number or v.numbered or v.upward):  # no 发文字号 line: the red line under the 标志's
        _red_line(out[-1])
        out += [doc.paragraph(style="Normal"), doc.paragraph(style="Normal")]  # 标题 下空二行
        return [p._p for p in out]
    number = doc.paragraph(style="Normal", align="left" if v.upward else "center")
    _off_grid(number, mark_line)
    if v.upward:
        _tabs(number, ("left", BODY_PT), ("right", width - BODY_PT))
        doc.run(number, f"\t{v.number}")
        if v.signer:
            doc.run(number, "\t签发人：")
            doc.run(number, v.signer, font=KAITI)
    elif v.number:
        doc.run(number, v.number)
    _red_line(number)
    out.append(number)
    out += [doc.paragraph(style="Normal"), doc.paragraph(style="Normal")]  # 标题 下空二行
    return [p._p for p in out]


def _attachment_block(doc: OfficialDocument, names: tuple[str, ...]) -> list[Any]:
    """下空一行, then 附件：1. … 左空二字, a long name wrapping under its own first character."""
    out = [doc.paragraph(style="Normal")]
    label = text_width_pt("附件：")
    for index, line in enumerate(attachment_lines(names)):
        p = doc.paragraph(line, style="Normal", align="both")
        numbered = re.match(r"^(附件：)?(\d+\. )?", line)
        head = text_width_pt(numbered.group(2) or "") if numbered else 0.0
        left = 2 * BODY_PT + label + head
        _ind(p, left_pt=left, hanging_pt=(label + head) if index == 0 else head)
        out.append(p)
    for p in out:  # with the 署名 after it, as the body's end is (the 署名 never goes alone)
        x.set_keep_next(p._p.get_or_add_pPr())
    return [p._p for p in out]


def _note_paragraph(doc: OfficialDocument, note: str) -> Any:
    p = doc.paragraph(note_text(note), style="Normal", align="left")
    _ind(p, left_pt=0)
    x.set_indent(p._p.get_or_add_pPr(), first_chars=2)
    return p._p


def _imprint_cell_paragraph(doc: OfficialDocument, paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    x.set_snap_to_grid(ppr, False)
    x.set_line(ppr, round(IMPRINT_PT * 1.5 * x.TWIPS_PER_PT))


def _imprint(doc: OfficialDocument, v: FrameValues) -> None:
    """The 版记 in the footer of a last section that starts on an even page."""
    body = doc.docx.element.body
    if body[-2].tag != qn("w:p"):  # a table ends the body: the section ends after it
        body.insert(len(body) - 1, OxmlElement("w:p"))
    last = body.xpath("./w:p")[-1]
    body_sect = doc.docx.sections[-1]._sectPr
    last.get_or_add_pPr().append(copy.deepcopy(body_sect))  # the body ends its own section
    doc.docx.element.body.insert(len(doc.docx.element.body) - 1, OxmlElement("w:p"))
    section = doc.docx.sections[-1]
    section.start_type = WD_SECTION.EVEN_PAGE
    for ref in section._sectPr.findall(qn("w:footerReference")):  # its own footers, not linked
        section._sectPr.remove(ref)
    width = doc.text_width_twips
    spare_pt = 1.0
    section.footer_distance = Mm(doc.margins.bottom - spare_pt * MM_PER_PT)
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False
        trailer = footer.paragraphs[0]
        x.clear(trailer._p)
        table = footer.add_table(0, 1, Twips(width))
        tbl_pr = table._tbl.tblPr
        x.set_table_width(tbl_pr, width)
        x.set_cell_margins(tbl_pr, side_twips=0, top_twips=0)
        borders = x.child(tbl_pr, "w:tblBorders", x._TBLPR_ORDER)
        for side, eighths in TABLE_RULES:  # in the schema's order: Word refuses another
            line = OxmlElement(f"w:{side}")
            line.set(qn("w:val"), "single" if eighths else "nil")
            if eighths:
                line.set(qn("w:sz"), str(eighths))
                line.set(qn("w:space"), "0")
                line.set(qn("w:color"), "000000")
            borders.append(line)
        rows: list[tuple[str, str]] = []
        if v.cc:
            rows.append(("cc", cc_text(v.cc)))
        rows.append(("printer", v.printer))
        for kind, text in rows:
            row = table.add_row()  # type: ignore[no-untyped-call]
            row.height = Mm(IMPRINT_ROW_MM)
            cell = row.cells[0]
            cell.width = Twips(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = cell.paragraphs[0]
            _imprint_cell_paragraph(doc, p)
            if kind == "cc":
                head = text_width_pt("抄送：", IMPRINT_PT)
                _ind(p, left_pt=IMPRINT_PT + head, hanging_pt=head, right_pt=IMPRINT_PT)
                doc.run(p, text, size_pt=IMPRINT_PT)
            else:
                _ind(p, left_pt=IMPRINT_PT, right_pt=IMPRINT_PT)
                _tabs(p, ("right", width / x.TWIPS_PER_PT - IMPRINT_PT))
                doc.run(p, text, size_pt=IMPRINT_PT)
                doc.run(p, "\t" + v.print_date, size_pt=IMPRINT_PT)
        # a footer ends with a paragraph: a 1 pt one, so the last line sits on the 版心's edge
        table._tbl.addnext(trailer._p)
        ppr = trailer._p.get_or_add_pPr()
        x.set_snap_to_grid(ppr, False)
        x.set_line(ppr, round(spare_pt * x.TWIPS_PER_PT))
        rpr = OxmlElement("w:rPr")
        x.set_size(rpr, spare_pt)
        ppr.append(rpr)


def apply_frame(doc: OfficialDocument, v: FrameValues) -> None:
    """Put the frame around the body ``doc``'s render built (see the module docstring)."""
    body = doc.docx.element.body
    for element in doc.mark_elements:  # the render's 份号/密级: the 版头 carries them now
        body.remove(element)
    head = _header_block(doc, v)
    first = body[0]
    for element in head:
        first.addprevious(element)
    if v.recipient is not None and doc.recipient_paragraph is not None:
        p = doc.recipient_paragraph
        for r in list(p.runs):
            p._p.remove(r._r)
        doc.run(p, v.recipient.rstrip("：") + "：")
    if v.attachments:
        block = _attachment_block(doc, v.attachments)
        anchor = doc.signature_elements[0] if doc.signature_elements else None
        for element in block:
            if anchor is not None:
                anchor.addprevious(element)
    if v.note:
        note = _note_paragraph(doc, v.note)
        if doc.signature_elements:
            doc.signature_elements[-1].addnext(note)
    _imprint(doc, v)
