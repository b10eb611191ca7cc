"""巡察公告: the notice a team posts at the inspected organisation — who inspects it and when,
what the team accepts (重点受理) and what it does not (不予受理), how to reach it, and the QR code
of its reporting channel.

The QR code carries exactly the text the team configured (a URL, or a phone number or mail
address as text), made with segno; a team with none gets no code and the notice says so.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno
from docx.shared import Mm
from sqlalchemy.orm import Session

from workbench.reports import ooxml as x
from workbench.reports.context import DocContext, DocRequest, F, Lookup, doc_date, fmt_date
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.round_start import (
    UNPLANNED,
    ContactLine,
    contact_lines,
    disciplines,
    notice_date,
    party_body,
    round_kind,
    stationed,
    stationing,
)

QR_MM = 30  # printed size: a phone reads it from arm's length off a notice board
QR_MODULE_MM = 0.4  # the smallest module that still reads from there: a long text prints larger
QR_ERROR = "m"  # 15 % of the code may be soiled or torn and it still reads
QR_SCALE = 10  # pixels a module: ≥ 600 dpi at any printed size


def qr_code(text: str) -> segno.QRCode:
    return segno.make(text, error=QR_ERROR, micro=False)


def qr_png(code: segno.QRCode) -> bytes:
    """The code as a PNG with its quiet zone of four modules."""
    buf = io.BytesIO()
    code.save(buf, kind="png", scale=QR_SCALE, border=4)
    return buf.getvalue()


@dataclass(frozen=True)
class AnnouncementDoc(DocContext):
    issuer: str = F("署名（巡察组）")
    target: str = F("被巡察党组织")
    intro: str = F("开头段")
    task: str = F("巡察主要任务")
    accepted: str = F("受理范围")
    refused: str = F("不予受理")
    contacts: tuple[ContactLine, ...] = F("联系方式")
    deadline: str = F("受理截止时间")
    qr_text: str = F("二维码内容（未设置时为空）")
    qr_caption: str = F("二维码说明")
    closing: str = F("结尾")


def _task(session: Session, round_id: str, topic: str) -> str:
    framework = Lookup(session).framework(round_id)
    aspects = "；".join(a.title for a in framework.aspects) if framework else ""
    focus = f"围绕“{topic}”，" if topic else ""
    if aspects:
        focus += f"{aspects}，"
    return f"巡察组坚持政治巡察定位，{focus}推动被巡察党组织全面从严治党向纵深发展。"


def context(session: Session, request: DocRequest) -> AnnouncementDoc:
    scope = stationed(session, request.round_id or "", request.target_id or "")
    rnd, target, team = scope.setup.round, scope.target, scope.team_name
    _, end = stationing(rnd)
    qr = scope.contact.qr
    when = f"于{scope.period}" if scope.period else ""
    return AnnouncementDoc(
        title=f"{team}巡察公告",
        secrecy="",  # posted in public
        copy_no=request.copy_no,
        date=doc_date(request, notice_date(rnd)),
        issuer=team,
        target=target.name,
        intro=(
            f"根据{party_body(rnd)}统一部署，{team}{when}对{target.name}开展{round_kind(rnd)}。"
            + ("" if when else f"巡察时间{UNPLANNED}。")
            + "现将有关事项公告如下。"
        ),
        task=_task(session, rnd.id, rnd.topic),
        accepted=(
            f"巡察组主要受理反映{target.name}领导班子及其成员、下一级党组织主要负责人和"
            "重要岗位领导干部问题的来信来电来访，重点是关于违反"
            f"{disciplines()}等方面的举报和反映。"
        ),
        refused=(
            "根据巡察工作职责，个人诉求、涉法涉诉等不属于巡察受理范围的信访问题，"
            "巡察组不予受理，将按规定转交有关部门和单位处理。"
        ),
        contacts=contact_lines(scope.contact),
        deadline=f"巡察组受理信访截止时间为{fmt_date(end)}。" if end else "",
        qr_text=qr,
        qr_caption=(
            f"{team}信访举报二维码（扫码反映问题）"
            if qr
            else "本巡察组未设置网络举报二维码，请通过上述电话、信箱等方式反映问题。"
        ),
        closing=(
            "欢迎广大党员、干部和群众向巡察组反映情况。反映问题应实事求是，提倡实名反映；"
            "巡察组对反映人的信息严格保密。"
        ),
    )


def add_qr(doc: OfficialDocument, text: str, caption: str) -> None:
    """The code centred, QR_MM wide or more for a long text, off the line grid (an exact line
    would clip it), and its caption under it."""
    paragraph = doc.paragraph(style="Normal", align="center")
    ppr = paragraph._p.get_or_add_pPr()
    x.set_line(ppr, 240, "auto")
    x.set_snap_to_grid(ppr, False)
    code = qr_code(text)
    size = Mm(max(QR_MM, code.symbol_size(border=4)[0] * QR_MODULE_MM))
    paragraph.add_run().add_picture(io.BytesIO(qr_png(code)), width=size, height=size)
    doc.paragraph(caption, style="Normal", align="center")


def render(ctx: AnnouncementDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.text(ctx.intro)
    doc.heading(1, "一、巡察主要任务")
    doc.text(ctx.task)
    doc.heading(1, "二、受理范围")
    doc.text(ctx.accepted)
    doc.text(ctx.refused)
    doc.heading(1, "三、联系方式")
    for line in ctx.contacts:
        doc.text(f"{line.label}：{line.value}")
    if not ctx.contacts:
        doc.text(f"巡察组的值班电话、邮政信箱{UNPLANNED}。")
    if ctx.deadline:
        doc.text(ctx.deadline)
    if ctx.qr_text:
        add_qr(doc, ctx.qr_text, ctx.qr_caption)
    else:
        doc.text(ctx.qr_caption)
    doc.text(ctx.closing)
    doc.signature(ctx.issuer, ctx.date)
    return doc
