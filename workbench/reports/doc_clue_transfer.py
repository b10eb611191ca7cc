"""The two papers a clue's 移交 takes: the 线索移交审批表 (one form per clue, for the 巡察组, the
巡察办 and the 领导小组 to sign) and the 移交函 from the 巡察办 to the receiving units, with the
clues listed in its 附件 and the 反馈期限 asked for.

The approval form of a round (or a target) covers the clues still to transfer (已登记); the
letter of a round (or a target) covers the clues already transferred to one receiving unit, one
函 a unit (``--unit``, needed when the clues went to several) so that no unit sees the clues
meant for another. One clue (``--id``) gives either paper. The 主送 is the unit itself (县纪委监委,
not its 案件监督管理室, which the 附件 names).
Voided clues never appear: the list and get services return live records only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.models import Clue
from workbench.reports.addressees import Bodies
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    bare_round,
    compact_date,
    describe_ref,
    discipline_labels,
    doc_date,
    fmt_date,
    secrecy_mark,
)
from workbench.reports.errors import DocumentScopeError
from workbench.reports.fitted import fitted_table
from workbench.reports.gbt9704 import HEITI, OfficialDocument, pair, wide
from workbench.services import clues
from workbench.services.clue_transfer import feedback_months
from workbench.services.clues import ClueView
from workbench.vocab.enums import ClueStatus

# the states a clue is in once handed over: what a 移交函 may list
TRANSFERRED = (
    ClueStatus.TRANSFERRED,
    ClueStatus.RECEIVED,
    ClueStatus.HANDLING,
    ClueStatus.FED_BACK,
    ClueStatus.CLOSED,
)
SIGN_CHARS = 22  # a signature line fills the opinion cell's width (14 pt), right-aligned


def sign_line(who: str) -> str:
    """``组长签字：　　　　年　　月　　日`` on a line of its own, ending at the cell's edge."""
    line = f"{who}签字：{'　' * 4}年　　月　　日"
    return "\n" + "　" * (SIGN_CHARS - len(line)) + line


@dataclass(frozen=True)
class ApprovalItem:
    no: str = F("序号")
    number: str = F("线索编号")
    team: str = F("巡察组")
    subject_name: str = F("反映对象")
    subject_position: str = F("职务")
    subject_level: str = F("干部级别")
    target: str = F("所在单位")
    problem: str = F("问题摘要")
    sources: str = F("线索来源")
    disciplines: str = F("涉及纪律")
    category: str = F("问题分类")
    units: str = F("拟移交单位")
    mode: str = F("移交方式")
    team_opinion: str = F("巡察组意见")


@dataclass(frozen=True)
class ApprovalDoc(DocContext):
    scope: str = F("范围（轮次或对象名称）")
    total: str = F("线索数")
    clues: tuple[ApprovalItem, ...] = F("线索（列表，每条一张表）")


def _scope_views(
    session: Session, request: DocRequest, statuses: tuple[ClueStatus, ...]
) -> list[ClueView]:
    views = all_pages(
        clues.list_clues, session, round_id=request.round_id, target_id=request.target_id
    )
    return sorted((v for v in views if v.status in statuses), key=lambda v: v.number)


def _scope_name(names: Lookup, request: DocRequest) -> str:
    return names.target_name(request.target_id) or bare_round(
        names.round(request.round_id or "").name
    )


def _team(names: Lookup, view: ClueView) -> str:
    """The clue's team, else the team inspecting its unit (a clue the office registered)."""
    named = names.team_name(view.round_id, view.team_id)
    if named or not view.round_id or not view.target_id:
        return named
    return next((t.name for t in names.teams(view.round_id) if view.target_id in t.target_ids), "")


def approval_context(session: Session, request: DocRequest) -> ApprovalDoc:
    names = Lookup(session)
    if request.record_id:
        views = [clues.get_clue(session, request.record_id)]
        mark = secrecy_mark(session, Clue, Clue.id == request.record_id)
        scope = names.target_name(views[0].target_id)
    else:
        views = _scope_views(session, request, (ClueStatus.REGISTERED,))
        mark = secrecy_mark(session, Clue, Clue.id.in_([v.id for v in views]))
        scope = _scope_name(names, request)
        if not views:
            raise DocumentScopeError(
                f"{scope}没有待移交（已登记）的问题线索；已移交的线索可逐条生成审批表",
                doc_type=request.doc_type,
            )
    items = []
    for n, v in enumerate(views, 1):
        bodies = Bodies.of(names.round(v.round_id or ""))
        units = "、".join(bodies.clue_units(v))
        items.append(
            ApprovalItem(
                no=str(n),
                number=v.number,
                team=_team(names, v),
                subject_name=v.subject_name,
                subject_position=v.subject_position,
                subject_level=v.subject_level.label,
                target=names.target_name(v.target_id),
                problem=v.problem,
                sources="；".join(describe_ref(session, r.kind, r.id) for r in v.source_refs),
                disciplines=discipline_labels(v.disciplines),
                category="／".join(t for t in (v.category1, v.category2) if t),
                units=units,
                mode=v.transfer_mode.label,
                team_opinion=f"建议{v.transfer_mode.label}{units}处置。",
            )
        )
    return ApprovalDoc(
        title="巡察问题线索移交审批表",
        secrecy=mark,
        copy_no=request.copy_no,
        date=doc_date(request),
        scope=scope,
        total=str(len(items)),
        clues=tuple(items),
    )


def render_approval(ctx: ApprovalDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)

    for index, c in enumerate(ctx.clues):
        if index:
            doc.page_break()
        doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
        doc.title(ctx.title)
        doc.form(
            [
                pair("线索编号", c.number, "巡 察 组", c.team),
                pair("反映对象", c.subject_name, "职　　务", c.subject_position),
                pair("干部级别", c.subject_level, "所在单位", c.target),
                wide("问题摘要", c.problem),
                wide("线索来源", c.sources),
                pair("涉及纪律", c.disciplines, "问题分类", c.category),
                pair("拟移交单位", c.units, "移交方式", c.mode),
                wide("巡察组\n意　　见", c.team_opinion + sign_line("组长")),
                wide("巡察办\n意　　见", sign_line("负责人")),
                wide("领导小组\n审批意见", sign_line("组长")),
            ],
            [2.4, 4, 2.2, 3.6],
        )
    return doc


# -- 移交函 ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterItem:
    no: str = F("序号")
    number: str = F("线索编号")
    subject_name: str = F("反映对象")
    subject_position: str = F("职务")
    target: str = F("所在单位")
    problem: str = F("问题摘要")
    units: str = F("移交单位")
    transferred_at: str = F("移交日期")
    feedback_due: str = F("反馈期限")


@dataclass(frozen=True)
class TransferLetterDoc(DocContext):
    recipient: str = F("主送（接收单位）")
    issuer: str = F("署名（巡察办）")
    body: str = F("正文")
    attachment: str = F("附件名称")
    total: str = F("移交线索数")
    clues: tuple[LetterItem, ...] = F("移交的线索（列表，附件）")


def _feedback_ask(session: Session, views: list[ClueView]) -> str:
    """When the receiving units are asked to report back: the clues' own 反馈期限 (what the
    ledger tracks), else the office's rule."""
    dues = sorted({v.feedback_due for v in views if v.feedback_due})
    if len(dues) == 1:
        return f"于{fmt_date(dues[0])}前"
    if dues:
        return "在附件所列反馈期限内"
    months = feedback_months(session)
    return f"自收到本函之日起{months}个月内" if months else "及时"


def _one_unit(
    bodies: Bodies, views: list[ClueView], request: DocRequest, subject: str
) -> tuple[list[ClueView], tuple[str, ...]]:
    """The one receiving unit the letter goes to and its clues: ``request.unit`` (the unit as
    the 附件 or the 主送 names it), needed when the clues went to several units."""
    units: list[str] = []
    for v in views:
        units += [u for u in bodies.clue_units(v) if u not in units]
    if request.unit:
        chosen = next((u for u in units if request.unit in (u, bodies.addressee(u))), None)
        if chosen is None:
            raise DocumentScopeError(
                f"{subject}没有移交{request.unit}的问题线索；接收单位："
                f"{'、'.join(bodies.addressee(u) for u in units) or '无'}",
                doc_type=request.doc_type,
            )
    elif len(units) > 1:
        raise DocumentScopeError(
            f"{subject}的问题线索移交了{len(units)}个单位，移交函每个接收单位一函，"
            f"请选择接收单位（--unit）：{'、'.join(bodies.addressee(u) for u in units)}",
            doc_type=request.doc_type,
        )
    else:
        return views, tuple(units)
    return [v for v in views if chosen in bodies.clue_units(v)], (chosen,)


def receiving_units(session: Session, request: DocRequest) -> tuple[str, ...]:
    """The units a round's or target's transferred clues went to, as a 移交函 addresses them:
    the choices for ``request.unit`` (one letter each)."""
    if request.record_id or not request.round_id:
        return ()
    bodies = Bodies.of(Lookup(session).round(request.round_id))
    units: list[str] = []
    for v in _scope_views(session, request, TRANSFERRED):
        units += [u for u in bodies.clue_units(v) if u not in units]
    return tuple(bodies.addressee(u) for u in units)


def letter_context(session: Session, request: DocRequest) -> TransferLetterDoc:
    names = Lookup(session)
    if request.record_id:
        views = [clues.get_clue(session, request.record_id)]
        mark = secrecy_mark(session, Clue, Clue.id == request.record_id)
        rnd = names.round(views[0].round_id or "")
        subject = names.target_name(views[0].target_id) or bare_round(rnd.name)
        to_units = Bodies.of(rnd).clue_units(views[0])
    else:
        rnd = names.round(request.round_id or "")
        subject = _scope_name(names, request)
        views, to_units = _one_unit(
            Bodies.of(rnd), _scope_views(session, request, TRANSFERRED), request, subject
        )
        mark = secrecy_mark(session, Clue, Clue.id.in_([v.id for v in views]))
    if not views or any(v.status not in TRANSFERRED for v in views):
        raise DocumentScopeError(
            f"{subject}没有已移交的问题线索：移交函只列已移交的线索（先登记移交）",
            doc_type=request.doc_type,
        )
    bodies = Bodies.of(rnd)
    counts: dict[str, int] = {}
    for v in views:
        for unit in (u for u in bodies.clue_units(v) if u in to_units):
            counts[unit] = counts.get(unit, 0) + 1
    doubles = sum(1 for v in views if len(v.units()) > 1)
    split = (
        "，其中" + "、".join(f"移交{u}{n}件" for u, n in counts.items()) if len(counts) > 1 else ""
    )
    both = f"（双移交{doubles}件）" if doubles else ""
    # 巡察城关镇党委 (one target's clues) or 十五届县委第六轮巡察 (a round's)
    one_target = request.target_id or (request.record_id and views[0].target_id)
    found_in = f"巡察{subject}" if one_target else f"{subject}巡察"
    body = (
        f"根据巡察工作有关规定，经{bodies.leading_group}研究同意，现将{found_in}"
        f"发现的问题线索{len(views)}件移交你们{split}{both}，具体见附件。\n"
        "请按照干部管理权限和有关规定认真研究处置，"
        f"并{_feedback_ask(session, views)}将办理情况书面反馈{bodies.office}。"
        "对线索涉及的问题，请注意保密。"
    )
    return TransferLetterDoc(
        title=f"关于移交{found_in}发现问题线索的函",
        secrecy=mark,
        copy_no=request.copy_no,
        date=doc_date(
            request, max((v.transferred_at for v in views if v.transferred_at), default=None)
        ),
        recipient="、".join(dict.fromkeys(bodies.addressee(u) for u in counts)),
        issuer=bodies.office,
        body=body,
        attachment="问题线索移交清单",
        total=str(len(views)),
        clues=tuple(
            LetterItem(
                no=str(n),
                number=v.number,
                subject_name=v.subject_name,
                subject_position=v.subject_position,
                target=names.target_name(v.target_id),
                problem=v.problem,
                units="、".join(bodies.clue_units(v)),
                transferred_at=fmt_date(v.transferred_at),
                feedback_due=fmt_date(v.feedback_due),
            )
            for n, v in enumerate(views, 1)
        ),
    )


# (header, centred?, weight): "|" marks where a narrow header may break; 问题摘要 takes most room
LETTER_COLUMNS: tuple[tuple[str, bool, float], ...] = (
    ("序号", True, 1),
    ("线索编号", True, 1),
    ("反映对象|及职务", False, 1),
    ("问题摘要", False, 2),
    ("移交单位", True, 1),
    ("反馈期限", True, 1),
)
TABLE_PT = 10.5  # 5号, as the ledgers: a list in an 附件


def render_letter(ctx: TransferLetterDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.body)  # the 附件说明 naming ctx.attachment is the frame's
    doc.signature(ctx.issuer, ctx.date)
    doc.page_break()
    doc.paragraph("附件", style="Normal", font=HEITI)
    doc.blank()
    doc.title(ctx.attachment)
    fitted_table(
        doc,
        [c[0] for c in LETTER_COLUMNS],
        (
            [
                c.no,
                c.number,
                f"{c.subject_name}\n{c.subject_position}" if c.subject_position else c.subject_name,
                c.problem,
                c.units,
                compact_date(c.feedback_due),
            ]
            for c in ctx.clues
        ),
        size_pt=TABLE_PT,
        align=["center" if c[1] else "left" for c in LETTER_COLUMNS],
        weights=[c[2] for c in LETTER_COLUMNS],
    )
    return doc
