"""小信封: a sheet of small envelope faces a team hands out (at the 动员会, with 民主测评, at
座谈会) so people can seal a written report and drop it into the 意见箱 or post it to the team's
邮政信箱. Each face carries the 邮编 and 信箱, "<team> 收", a space for the 机密 mark and a line
on what to write; the faces are cut apart along dashed lines, two across and several down."""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table, _Cell
from sqlalchemy.orm import Session

from workbench.reports import ooxml as x
from workbench.reports.context import DocContext, DocRequest, F, doc_date
from workbench.reports.gbt9704 import HEITI, TABLE_STYLE, XIAOBIAOSONG, Cell, OfficialDocument
from workbench.reports.round_start import stationed

ROWS = 7  # 3 faces down on the first page (under the title), 4 on the second: 14 in all
FACE_MM = 52  # a face is 78 × 52 mm (half the 版心 across): a sheet of A4 folded twice fits it
FACE_TEXT_MM = 75  # its width less the cell margins: where the 机密 mark ends


@dataclass(frozen=True)
class EnvelopesDoc(DocContext):
    addressee: str = F("收件人（如：县委第一巡察组 收）")
    mailbox: str = F("邮政信箱（未设置时为空）")
    postcode: str = F("邮编（未设置时为空）")
    hint: str = F("信封上的提示")
    usage: str = F("使用说明")


def context(session: Session, request: DocRequest) -> EnvelopesDoc:
    scope = stationed(session, request.round_id or "", request.target_id or "")
    contact = scope.contact
    post = "或邮寄至巡察组邮政信箱" if contact.mailbox else ""
    return EnvelopesDoc(
        title=f"{scope.team_name}小信封",
        secrecy="",  # handed out blank; what is written inside is 机密
        copy_no=request.copy_no,
        date=doc_date(request),
        addressee=f"{scope.team_name}　收",
        mailbox=contact.mailbox,
        postcode=contact.postcode,
        hint="请写明被反映人姓名、单位、职务和具体问题",
        usage=(
            f"沿虚线剪开，供{scope.target.name}的党员、干部和群众书面反映问题。"
            f"写好的材料对折后装入信封封好，投入巡察组意见箱{post}。"
            + ("" if contact.mailbox else "巡察组未设置邮政信箱，信封上不印信箱地址。")
        ),
    )


def _line(doc: OfficialDocument, cell: _Cell, text: str, **style: object) -> None:
    paragraph = cell.add_paragraph()
    paragraph.style = doc.docx.styles[TABLE_STYLE]
    align = str(style.pop("align", "left"))
    if align != "left":
        x.ppr_child(paragraph._p.get_or_add_pPr(), "w:jc").set(qn("w:val"), align)
    if text:
        doc.run(paragraph, text, **style)  # type: ignore[arg-type]


def _face(doc: OfficialDocument, cell: _Cell, ctx: EnvelopesDoc) -> None:
    postcode = ctx.postcode or "　" * 6
    # the 邮编 on the left of the first line and the 机密 mark at its right end
    first = cell.paragraphs[0]
    first.style = doc.docx.styles[TABLE_STYLE]
    first.paragraph_format.tab_stops.add_tab_stop(Mm(FACE_TEXT_MM), WD_TAB_ALIGNMENT.RIGHT)
    doc.run(first, f"邮政编码：{postcode}", size_pt=10.5)
    doc.run(first, "\t机密", font=HEITI, size_pt=12)
    _line(doc, cell, ctx.mailbox, size_pt=10.5)
    _line(doc, cell, "")
    _line(
        doc, cell, ctx.addressee, font=XIAOBIAOSONG, latin=XIAOBIAOSONG, size_pt=16, align="center"
    )
    _line(doc, cell, "（亲启）", size_pt=10.5, align="center")
    _line(doc, cell, "")
    _line(doc, cell, ctx.hint, size_pt=9, align="center")


def _cut_lines(table: Table) -> None:
    """Dashed borders all round and between the faces: the lines to cut along."""
    borders = x.tblpr_child(table._tbl.tblPr, "w:tblBorders")
    x.clear(borders)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "dashed")
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "808080")
        borders.append(edge)


def render(ctx: EnvelopesDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.text(ctx.usage)
    table = doc.form([[Cell(""), Cell("")] for _ in range(ROWS)], [1, 1])
    _cut_lines(table)
    for row in table.rows:
        row.height = Mm(FACE_MM)
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        for cell in row.cells:
            _face(doc, cell, ctx)
    return doc
