"""A GB/T 9704-2012 document builder on python-docx.

Page: A4, 版心 156 × 225 mm (top 37, bottom 35, left 28, right 26 mm); body 3号仿宋_GB2312 on an
exact 28.95 pt pitch with a ``lines`` grid, so a full text page holds 22 lines, and 3号 text
condensed by 0.25 pt a character so a line holds 28 (a ``linesAndChars`` grid would do it in
Word, but LibreOffice gives each character two cells of a grid narrower than the font: 14 a
line). Title 2号方正小标宋简体, centred; headings 一、黑体 / （一）楷体_GB2312 /
1. 仿宋 / （1）仿宋; page numbers "— N —" in 4号宋体, odd pages right and even pages left, one
character in, 7 mm below the 版心. The 署名 and 成文日期 keep with the end of the body, so no
page holds them alone. Fonts are only named, never embedded (方正小标宋, 仿宋_GB2312 and
楷体_GB2312 are commercial).

Ledgers use a landscape section (the same 版心 turned, 225 × 156 mm).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from workbench.reports import ooxml as x
from workbench.reports.typeset import balanced_lines, text_width_pt

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
LATIN = "Times New Roman"

BODY_PT = x.BODY_PT
TITLE_PT = 22.0  # 2号
PAGE_NO_PT = 14.0  # 4号
PAGE_NO_LINE_PT = 18.0
MM_PER_PT = 25.4 / 72

# (east-asian font, bold) of heading levels 1–4
HEADINGS = {1: (HEITI, False), 2: (KAITI, False), 3: (FANGSONG, False), 4: (FANGSONG, False)}

TABLE_LINE = 276  # 1.15 lines: table text is off the grid
FORM_ROW_MM = 8.0
SPLIT_CHARS = 300  # rows with less text are kept whole on one page
BODY_STYLE = "公文正文"
TABLE_STYLE = "表格文字"


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


PORTRAIT = Margins(top=37, bottom=35, left=28, right=26)
LANDSCAPE = Margins(top=28, bottom=26, left=37, right=35)


@dataclass(frozen=True)
class Cell:
    """One cell of a form table: ``span`` grid columns; labels are set in 黑体 and centred."""

    text: str
    span: int = 1
    label: bool = False
    align: str = "left"


def pair(a: str, b: str, c: str, d: str) -> list[Cell]:
    """A form row of two labelled values side by side (a four-column form)."""
    return [Cell(a, label=True), Cell(b), Cell(c, label=True), Cell(d)]


def wide(label: str, value: str) -> list[Cell]:
    """A form row whose value spans the other three columns."""
    return [Cell(label, label=True), Cell(value, span=3)]


DRAFT_MARK = "征求意见稿（草稿）"


def mark_draft(docx: DocxDocument, text: str = DRAFT_MARK) -> None:
    """A visible draft mark in the header of every page of every section — odd, even and first
    pages alike — in 4号黑体, centred; an existing header keeps its content below the mark."""
    for section in docx.sections:
        for header in (section.header, section.even_page_header, section.first_page_header):
            header.is_linked_to_previous = False
            first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            paragraph = first.insert_paragraph_before() if first.text.strip() else first
            ppr = paragraph._p.get_or_add_pPr()
            x.set_snap_to_grid(ppr, False)
            x.ppr_child(ppr, "w:jc").set(qn("w:val"), "center")
            run = paragraph.add_run(text)
            rpr = run._r.get_or_add_rPr()
            x.set_fonts(rpr, HEITI, HEITI)
            x.set_size(rpr, PAGE_NO_PT)
            x.set_bold(rpr, True)


def body_width_pt(text: str) -> float:
    """Printed width of 3号 body text with its condensed character spacing."""
    return text_width_pt(text) + len(text) * x.CHAR_SPACING / x.TWIPS_PER_PT


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


class OfficialDocument:
    """Build one document; every paragraph and run gets explicit fonts (style and direct)."""

    def __init__(self, *, landscape: bool = False, title: str = "") -> None:
        self.docx: DocxDocument = Document()
        self.landscape = landscape
        self.margins = LANDSCAPE if landscape else PORTRAIT
        width_mm = 297 - 37 - 35 if landscape else 210 - 28 - 26
        self.text_width_twips = _twips(width_mm)
        # what the 公文 frame (frame.py) replaces or places itself around
        self.mark_elements: list[BaseOxmlElement] = []
        self.recipient_paragraph: Paragraph | None = None
        self.signature_elements: list[BaseOxmlElement] = []
        self._style_ids: dict[str, str | None] = {}
        self._setup_styles()
        self._setup_section()
        self._setup_footers()
        props = self.docx.core_properties
        props.title = title
        props.author = ""
        props.last_modified_by = ""
        props.comments = ""
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        props.created = now
        props.modified = now
        props.revision = 1

    # -- setup ----------------------------------------------------------------------------------

    def _setup_styles(self) -> None:
        styles = self.docx.styles
        root = styles.element
        x.strip_theme_fonts(root)
        defaults = root.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        x.set_fonts(rpr, FANGSONG, LATIN)
        x.set_size(rpr, BODY_PT)
        lang = x.rpr_child(rpr, "w:lang")
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
        x.set_line(defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")), 240, "auto")
        self._reset_style("Normal", FANGSONG, BODY_PT, align="both")
        body = styles.add_style(BODY_STYLE, 1)  # 1: paragraph style
        body.base_style = styles["Normal"]
        body.quick_style = True
        self._reset_style(BODY_STYLE, FANGSONG, BODY_PT, align="both", first_chars=2)
        table = styles.add_style(TABLE_STYLE, 1)
        table.base_style = styles["Normal"]
        self._reset_style(TABLE_STYLE, FANGSONG, 12, align="left", line=TABLE_LINE, snap=False)
        self._reset_style("Title", XIAOBIAOSONG, TITLE_PT, align="center")
        for level, (font, bold) in HEADINGS.items():
            self._reset_style(
                f"Heading {level}",
                font,
                BODY_PT,
                bold=bold,
                align="both",
                first_chars=2,
                outline=level - 1,
                keep_next=True,
            )

    def _reset_style(
        self,
        name: str,
        font: str,
        size_pt: float,
        *,
        bold: bool = False,
        align: str = "both",
        first_chars: int = 0,
        outline: int | None = None,
        keep_next: bool = False,
        line: int = x.LINE_TWIPS,
        snap: bool = True,
    ) -> None:
        element = self.docx.styles[name].element
        ppr = element.get_or_add_pPr()
        rpr = element.get_or_add_rPr()
        x.clear(ppr)
        x.clear(rpr)
        if keep_next:
            x.set_keep_next(ppr)
        # widow/orphan control would leave a line empty at the foot of a page: off, so every
        # full page holds exactly 22 lines
        x.set_widow_control(ppr, False)
        x.set_overflow_punct(ppr, True)
        x.set_snap_to_grid(ppr, snap)
        x.set_line(ppr, line, "exact" if line == x.LINE_TWIPS else "auto")
        x.set_auto_space(ppr, False)
        x.set_indent(ppr, first_chars=first_chars)
        x.ppr_child(ppr, "w:jc").set(qn("w:val"), align)
        if outline is not None:
            x.set_outline_level(ppr, outline)
        x.set_fonts(rpr, font, LATIN)
        x.set_bold(rpr, bold)
        x.rpr_child(rpr, "w:color").set(qn("w:val"), "000000")
        x.set_char_spacing(rpr, x.CHAR_SPACING if size_pt == BODY_PT else 0)
        x.set_size(rpr, size_pt)

    def _setup_section(self) -> None:
        section = self.docx.sections[0]
        if self.landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.page_width, section.page_height = Mm(210), Mm(297)
        m = self.margins
        section.top_margin, section.bottom_margin = Mm(m.top), Mm(m.bottom)
        section.left_margin, section.right_margin = Mm(m.left), Mm(m.right)
        section.gutter = Mm(0)
        section.header_distance = Mm(15)
        # the page number's top edge sits 7 mm below the 版心
        section.footer_distance = Mm(m.bottom - 7 - PAGE_NO_LINE_PT * MM_PER_PT)
        x.set_doc_grid(section._sectPr)

    def _setup_footers(self) -> None:
        self.docx.settings.odd_and_even_pages_header_footer = True
        section = self.docx.sections[0]
        one_char = int(PAGE_NO_PT * x.TWIPS_PER_PT)
        for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            ppr = paragraph._p.get_or_add_pPr()
            x.set_snap_to_grid(ppr, False)
            x.set_line(ppr, int(PAGE_NO_LINE_PT * x.TWIPS_PER_PT))
            x.set_indent(
                ppr,
                left_twips=one_char if align == "left" else 0,
                right_twips=one_char if align == "right" else 0,
            )
            x.ppr_child(ppr, "w:jc").set(qn("w:val"), align)
            rpr = OxmlElement("w:rPr")
            x.set_fonts(rpr, SONGTI, SONGTI)  # 半角宋体: Latin digits in 宋体 too
            x.set_char_spacing(rpr, 0)
            x.set_size(rpr, PAGE_NO_PT)
            x.add_page_field(paragraph._p, rpr)

    # -- text -----------------------------------------------------------------------------------

    def add_paragraph(self, style: str) -> Paragraph:
        """A paragraph at the end of the body in the named style. python-docx looks a style name
        up by scanning every style for each paragraph; the id is looked up once a name."""
        if style not in self._style_ids:
            part = self.docx.part
            self._style_ids[style] = part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[no-untyped-call]
        p = self.docx.add_paragraph()
        p._p.style = self._style_ids[style]
        return p

    def run(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        font: str = FANGSONG,
        size_pt: float = BODY_PT,
        bold: bool = False,
        latin: str = LATIN,
    ) -> None:
        run = paragraph.add_run(text)
        rpr = run._r.get_or_add_rPr()
        x.set_fonts(rpr, font, latin)
        x.set_size(rpr, size_pt)
        if bold:
            x.set_bold(rpr, True)

    def paragraph(
        self,
        text: str = "",
        *,
        style: str = BODY_STYLE,
        font: str = FANGSONG,
        size_pt: float = BODY_PT,
        bold: bool = False,
        align: str | None = None,
    ) -> Paragraph:
        p = self.add_paragraph(style)
        if align:
            x.ppr_child(p._p.get_or_add_pPr(), "w:jc").set(qn("w:val"), align)
        if text:
            self.run(p, text, font=font, size_pt=size_pt, bold=bold)
        return p

    def marks(self, *, copy_no: str = "", secrecy: str = "") -> None:
        """份号 (first line) and 密级 such as 工作秘密 (next line), flush left in 3号黑体."""
        for text in (copy_no, secrecy):
            if text:
                p = self.paragraph(text, style="Normal", font=HEITI)
                self.mark_elements.append(p._p)
        if copy_no or secrecy:
            self.mark_elements.append(self.blank()._p)

    def title(self, text: str) -> None:
        width = self.text_width_twips / x.TWIPS_PER_PT
        for line in balanced_lines(text, TITLE_PT, width):
            p = self.add_paragraph("Title")
            self.run(p, line, font=XIAOBIAOSONG, size_pt=TITLE_PT, latin=XIAOBIAOSONG)
        self.blank()

    def blank(self) -> Paragraph:
        return self.add_paragraph("Normal")

    def recipient(self, text: str) -> None:
        """主送机关: flush left, ending with a full-width colon."""
        self.recipient_paragraph = self.paragraph(text.rstrip("：") + "：", style="Normal")

    def heading(self, level: int, text: str) -> Paragraph:
        font, bold = HEADINGS[level]
        p = self.add_paragraph(f"Heading {level}")
        self.run(p, text, font=font, bold=bold)
        return p

    def text(self, text: str, *, lead: str = "", lead_font: str = FANGSONG) -> None:
        """Body text; each line of ``text`` is its own indented paragraph. ``lead`` is set in
        ``lead_font`` at the start of the first paragraph (e.g. 问： or a run-in heading)."""
        lines = [line.strip() for line in text.split("\n") if line.strip()] or [""]
        for index, line in enumerate(lines):
            p = self.add_paragraph(BODY_STYLE)
            if index == 0 and lead:
                self.run(p, lead, font=lead_font)
            if line:
                self.run(p, line)

    def signature(self, issuer: str, date_text: str) -> None:
        """署名 and 成文日期, no seal (GB/T 9704 7.3.5.2): one line below the body, the 署名
        右空二字 and the date below it starting two characters further right; a date that
        would then pass 右空二字 is set there and the 署名 moves left with it. The block keeps
        with the end of the body, so no page holds it alone (7.3.5.4). The line anchored at
        the right is right-aligned (no width estimate, so it never wraps); the other is indented
        from the left by the estimated widths."""
        self._keep_with_signature()
        blank = self.add_paragraph("Normal")
        x.set_keep_next(blank._p.get_or_add_pPr())
        self.signature_elements = [blank._p]
        two = 2 * x.BODY_PITCH_PT
        right = self.text_width_twips / x.TWIPS_PER_PT - two
        issuer_width, date_width = body_width_pt(issuer), body_width_pt(date_text)
        date_anchored = not issuer or date_width + two > issuer_width
        if date_anchored:
            issuer_start = right - date_width - two
        else:
            date_start = right - issuer_width + two
        if issuer:
            p = self.paragraph(issuer, style="Normal")
            self.signature_elements.append(p._p)
            ppr = p._p.get_or_add_pPr()
            x.set_keep_next(ppr)
            if date_anchored:
                x.set_indent(ppr, left_twips=max(0, int(issuer_start * x.TWIPS_PER_PT)))
            else:
                self._right_two(ppr)
        if date_text:
            p = self.paragraph(date_text, style="Normal")
            self.signature_elements.append(p._p)
            ppr = p._p.get_or_add_pPr()
            if date_anchored:
                self._right_two(ppr)
            else:
                x.set_indent(ppr, left_twips=max(0, int(date_start * x.TWIPS_PER_PT)))

    def closing_line(self, text: str, *, size_pt: float = BODY_PT) -> None:
        """A dated line closing a form or table document (统计日期：…), flush left one line
        below the body and kept with its end like the 署名."""
        self._keep_with_signature()
        x.set_keep_next(self.add_paragraph("Normal")._p.get_or_add_pPr())
        self.paragraph(text, style="Normal", size_pt=size_pt)

    @staticmethod
    def _right_two(ppr: BaseOxmlElement) -> None:
        """Right-aligned, 右空二字."""
        x.set_indent(ppr, right_twips=int(2 * x.BODY_PITCH_PT * x.TWIPS_PER_PT))
        x.ppr_child(ppr, "w:jc").set(qn("w:val"), "right")

    def _keep_with_signature(self) -> None:
        """Carry at least two lines of the body's end to the page of the 署名: the last
        paragraph keeps with the next with widow control on (its last two lines move together);
        a one-line last paragraph takes the paragraph before it along the same way. A table
        ending the body keeps its last row with the 署名."""
        width = self.text_width_twips / x.TWIPS_PER_PT
        lines = 0
        blocks = [e for e in self.docx.element.body if e.tag in (qn("w:p"), qn("w:tbl"))]
        for block in reversed(blocks):
            if block.tag == qn("w:tbl"):
                rows = block.findall(qn("w:tr"))
                for paragraph in rows[-1].iter(qn("w:p")) if rows else ():
                    x.set_keep_next(paragraph.get_or_add_pPr())
                return
            ppr = block.get_or_add_pPr()
            x.set_keep_next(ppr)
            x.set_widow_control(ppr, True)
            text = "".join(t.text or "" for t in block.iter(qn("w:t")))
            lines += math.ceil((body_width_pt(text) + 2 * BODY_PT) / width)
            if lines >= 2:
                return

    def page_break(self) -> None:
        run = self.add_paragraph("Normal").add_run()
        x.set_fonts(run._r.get_or_add_rPr(), FANGSONG, LATIN)
        run.add_break(WD_BREAK.PAGE)

    # -- tables ---------------------------------------------------------------------------------

    def _new_table(self, rows: int, widths: Sequence[float]) -> Table:
        table: Table = self.docx.add_table(rows=rows, cols=len(widths))
        table.style = self.docx.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        tbl_pr = table._tbl.tblPr
        x.set_table_width(tbl_pr, self.text_width_twips)
        x.set_cell_margins(tbl_pr)
        total = float(sum(widths))
        twips = [int(self.text_width_twips * w / total) for w in widths]
        for col, width in zip(table._tbl.tblGrid.gridCol_lst, twips, strict=True):
            col.w = Twips(width)
        self._col_twips = twips
        return table

    def _fill(
        self,
        cell: _Cell,
        text: str,
        *,
        size_pt: float,
        font: str = FANGSONG,
        align: str = "left",
        width_twips: int | None = None,
    ) -> None:
        if width_twips is not None:
            cell.width = Twips(width_twips)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        lines = text.split("\n") if text else [""]
        paragraph = cell.paragraphs[0]
        for index, line in enumerate(lines):
            if index:
                paragraph = cell.add_paragraph()
            paragraph.style = self.docx.styles[TABLE_STYLE]
            if align != "left":
                x.ppr_child(paragraph._p.get_or_add_pPr(), "w:jc").set(qn("w:val"), align)
            if line:
                self.run(paragraph, line, font=font, size_pt=size_pt)

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[str]],
        widths: Sequence[float],
        *,
        size_pt: float = 12,
        align: Sequence[str] | None = None,
        keep_together: bool = False,
    ) -> Table:
        """A grid with a 黑体 header row repeated on every page; ``widths`` are proportions.
        ``keep_together`` keeps a short table on one page (with the heading before it)."""
        table = self._new_table(1, widths)
        header = table.rows[0]
        x.repeat_header(header._tr)
        for cell, text, width in zip(header.cells, headers, self._col_twips, strict=True):
            self._fill(cell, text, size_pt=size_pt, font=HEITI, align="center", width_twips=width)
        aligns = list(align or ["left"] * len(headers))
        for values in rows:
            row = table.add_row()  # type: ignore[no-untyped-call]
            if sum(len(v) for v in values) < SPLIT_CHARS:  # a long row may need to break
                x.cant_split(row._tr)
            for cell, text, width, al in zip(
                row.cells, values, self._col_twips, aligns, strict=True
            ):
                self._fill(cell, text, size_pt=size_pt, align=al, width_twips=width)
        if keep_together:  # Word's way: every row but the last keeps with the next
            for row in table.rows[:-1]:
                for paragraph in row._tr.iter(qn("w:p")):
                    x.ppr_child(paragraph.get_or_add_pPr(), "w:keepNext")
        return table

    def form(
        self, rows: Sequence[Sequence[Cell]], widths: Sequence[float], *, size_pt: float = 14
    ) -> Table:
        """A registration-form table: label and value cells, values may span columns."""
        table = self._new_table(len(rows), widths)
        for row, cells in zip(table.rows, rows, strict=True):
            row.height = Mm(FORM_ROW_MM)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            if sum(len(c.text) for c in cells) < SPLIT_CHARS:  # a long row may need to break
                x.cant_split(row._tr)
            grid = row.cells
            col = 0
            for spec in cells:
                first = grid[col]
                width = sum(self._col_twips[col : col + spec.span])
                if spec.span > 1:
                    first = first.merge(grid[col + spec.span - 1])
                self._fill(
                    first,
                    spec.text,
                    size_pt=size_pt,
                    font=HEITI if spec.label else FANGSONG,
                    align="center" if spec.label else spec.align,
                    width_twips=width,
                )
                col += spec.span
        return table

    def save(self, target: str | Path | IO[bytes]) -> None:
        self.docx.save(str(target) if isinstance(target, Path) else target)
