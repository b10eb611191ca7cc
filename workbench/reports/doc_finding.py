"""问题底稿: one table per problem (一问题一底稿) with 问题概述, 发现过程, 定性依据, 责任主体, the
支撑材料目录 and the sign-off chain. ``--id`` gives one 底稿; a round (or target) gives all of
them, each on its own page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.models import Finding
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    describe_ref,
    discipline_labels,
    doc_date,
    fmt_amount,
    fmt_date,
    secrecy_mark,
    yes_no,
)
from workbench.reports.gbt9704 import OfficialDocument, pair, wide
from workbench.services import findings, focus
from workbench.services.findings import FindingView
from workbench.services.findings_evidence import list_evidence
from workbench.vocab.enums import SignoffStep


@dataclass(frozen=True)
class BasisItem:
    no: str = F("序号")
    title: str = F("文件名")
    document_no: str = F("文号")
    clause: str = F("条款")
    content: str = F("原文摘录")


@dataclass(frozen=True)
class ResponsibleItem:
    no: str = F("序号")
    name: str = F("责任人/单位")
    unit: str = F("所在单位")
    type: str = F("责任类型")


@dataclass(frozen=True)
class EvidenceItem:
    no: str = F("序号")
    title: str = F("材料名称")
    type: str = F("材料类型")
    source: str = F("来源")
    pages: str = F("页数")


@dataclass(frozen=True)
class FindingPaper:
    number: str = F("底稿编号")
    title: str = F("底稿名称")
    compiled_on: str = F("编制日期")
    target: str = F("被巡察单位")
    team: str = F("巡察组")
    method: str = F("问题来源方式")
    sources: str = F("来源记录")
    aspect: str = F("方面")
    category: str = F("类")
    classification: str = F("问题分类（完整路径）")
    disciplines: str = F("涉及纪律")
    amount: str = F("涉及金额（元）")
    immediate_fix: str = F("立行立改（是/否）")
    status: str = F("底稿状态")
    summary: str = F("问题概述")
    discovery: str = F("发现过程")
    basis: tuple[BasisItem, ...] = F("定性依据（列表）")
    responsible: tuple[ResponsibleItem, ...] = F("责任主体（列表）")
    evidence: tuple[EvidenceItem, ...] = F("支撑材料目录（列表）")
    compiler: str = F("经办人")
    submitted_on: str = F("提交日期")
    reviewer: str = F("复核人（副组长）")
    reviewed_on: str = F("复核日期")
    review_comment: str = F("复核意见")
    approver: str = F("审签人（组长）")
    approved_on: str = F("审签日期")
    approve_comment: str = F("审签意见")


@dataclass(frozen=True)
class FindingDoc(DocContext):
    papers: tuple[FindingPaper, ...] = F("底稿（列表）")


def _basis(session: Session, ids: tuple[str, ...]) -> tuple[BasisItem, ...]:
    out: list[BasisItem] = []
    for entry_id in ids:
        try:
            e = focus.get_list_entry(session, entry_id)
        except NotFound:
            continue
        out.append(BasisItem(str(len(out) + 1), e.title, e.document_no, e.clause, e.content))
    return tuple(out)


def paper(session: Session, view: FindingView, names: Lookup) -> FindingPaper:
    # the chain since the last return is the one that stands
    steps = list(view.signoffs)
    returns = [i for i, s in enumerate(steps) if s.step is SignoffStep.RETURN]
    current = steps[returns[-1] + 1 :] if returns else steps
    signed = {s.step: s for s in current}
    submit = signed.get(SignoffStep.SUBMIT)
    review = signed.get(SignoffStep.REVIEW)
    approve = signed.get(SignoffStep.APPROVE)
    aspect, category, path = names.classification(view.round_id, view.taxonomy_code)
    evidence = list_evidence(session, view.id)
    return FindingPaper(
        number=view.number,
        title=view.title,
        compiled_on=fmt_date(view.compiled_on),
        target=names.target_name(view.target_id),
        team=names.team_name(view.round_id, view.team_id),
        method=names.method_title(view.method_code),
        sources="；".join(describe_ref(session, r.kind, r.id) for r in view.source_refs),
        aspect=aspect,
        category=category,
        classification=path,
        disciplines=discipline_labels(view.disciplines),
        amount=fmt_amount(view.amount),
        immediate_fix=yes_no(view.immediate_fix),
        status=view.status.label,
        summary=view.summary,
        discovery=view.discovery,
        basis=_basis(session, view.basis_ids),
        responsible=tuple(
            ResponsibleItem(str(n), r.name, r.unit, r.type.label)
            for n, r in enumerate(view.responsible, start=1)
        ),
        evidence=tuple(
            EvidenceItem(str(n), e.title, e.evidence_type.label, e.source, str(e.pages or ""))
            for n, e in enumerate(evidence, start=1)
        ),
        compiler=(submit.user_name if submit else "") or names.user_name(view.compiled_by),
        submitted_on=fmt_date(submit.at) if submit else "",
        reviewer=review.user_name if review else "",
        reviewed_on=fmt_date(review.at) if review else "",
        review_comment=review.comment if review else "",
        approver=approve.user_name if approve else "",
        approved_on=fmt_date(approve.at) if approve else "",
        approve_comment=approve.comment if approve else "",
    )


def context(session: Session, request: DocRequest) -> FindingDoc:
    names = Lookup(session)
    if request.record_id:
        views = [findings.get_finding(session, request.record_id)]
        mark = secrecy_mark(session, Finding, Finding.id == request.record_id)
    else:
        views = sorted(
            all_pages(
                findings.list_findings,
                session,
                round_id=request.round_id,
                target_id=request.target_id,
            ),
            key=lambda v: v.number,
        )
        mark = secrecy_mark(session, Finding, Finding.round_id == request.round_id)
    return FindingDoc(
        title="问题底稿",
        secrecy=mark,
        copy_no=request.copy_no,
        date=doc_date(request),
        papers=tuple(paper(session, v, names) for v in views),
    )


def _lines(items: list[str]) -> str:
    return "\n".join(items)


def render(ctx: FindingDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    for index, p in enumerate(ctx.papers):
        if index:
            doc.page_break()
        doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
        doc.title(ctx.title)

        basis = [
            f"{b.no}.《{b.title.strip('《》')}》{f'（{b.document_no}）' if b.document_no else ''}"
            f"{b.clause}{'：' + b.content if b.content else ''}"
            for b in p.basis
        ]
        responsible = [
            f"{r.no}.{r.name or r.unit}"
            f"{f'（{r.unit}）' if r.name and r.unit and r.unit != r.name else ''}：{r.type}"
            for r in p.responsible
        ]
        evidence = [
            f"{e.no}.{e.title}（{e.type}{'，' + e.source if e.source else ''}"
            f"{'，' + e.pages + '页' if e.pages else ''}）"
            for e in p.evidence
        ]
        review = "\n".join(t for t in (p.review_comment, p.reviewer) if t)
        approve = "\n".join(t for t in (p.approve_comment, p.approver) if t)
        doc.form(
            [
                pair("底稿编号", p.number, "编制日期", p.compiled_on),
                wide("被巡察单位", p.target),
                wide("底稿名称", p.title),
                wide("问题来源", "；".join(t for t in (p.method, p.sources) if t)),
                wide("问题分类", p.classification),
                pair("涉及纪律", p.disciplines, "涉及金额（元）", p.amount),
                pair("立行立改", p.immediate_fix, "底稿状态", p.status),
                wide("问题概述", p.summary),
                wide("发现过程", p.discovery),
                wide("定性依据", _lines(basis)),
                wide("责任主体", _lines(responsible)),
                wide("支撑材料目录", _lines(evidence)),
                pair("经 办 人", p.compiler, "提交日期", p.submitted_on),
                pair("副组长复核", review, "复核日期", p.reviewed_on),
                pair("组长审签", approve, "审签日期", p.approved_on),
            ],
            [2.2, 4, 2.2, 3.6],
            size_pt=12,
        )
    return doc
