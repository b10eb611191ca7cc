"""政治画像 report: each dimension of the template with its items' 评价, 说明 and evidence, then
the overall grade and 综合评价. Unrated items are listed as such, never silently dropped."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.models import Portrait
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    cn_number,
    describe_ref,
    doc_date,
    label,
    secrecy_mark,
)
from workbench.reports.gbt9704 import OfficialDocument
from workbench.services.catalog import catalog
from workbench.services.portraits import get_portrait
from workbench.services.targets import get_person
from workbench.taxonomy import TaxonomyNotFound


@dataclass(frozen=True)
class PortraitEntry:
    no: str = F("序号")
    title: str = F("评价条目")
    rating: str = F("评价")
    comment: str = F("评价说明")
    evidence: str = F("佐证")


@dataclass(frozen=True)
class PortraitDimension:
    no: str = F("序号，如“一、”")
    title: str = F("方面")
    items: tuple[PortraitEntry, ...] = F("条目（列表）")


@dataclass(frozen=True)
class PortraitDoc(DocContext):
    subject_name: str = F("画像对象")
    subject_type: str = F("对象类型")
    subject_position: str = F("职务（个人画像）")
    target: str = F("被巡察党组织")
    template: str = F("画像模板")
    completeness: str = F("完成情况")
    dimensions: tuple[PortraitDimension, ...] = F("方面（列表）")
    overall: str = F("总体评价等次")
    conclusion: str = F("综合评价")
    issuer: str = F("署名")


def context(session: Session, request: DocRequest) -> PortraitDoc:
    view = get_portrait(session, request.record_id or "")
    names = Lookup(session)
    try:
        template = catalog().portrait_template(view.template_id, int(view.template_version))
        template_title = template.title
    except (TaxonomyNotFound, ValueError):
        template_title = f"{view.template_id}@{view.template_version}"
    dims: list[PortraitDimension] = []
    order: list[str] = []
    grouped: dict[str, list[PortraitEntry]] = {}
    for item in view.items:
        key = item.dimension or "其他"
        if key not in grouped:
            order.append(key)
            grouped[key] = []
        grouped[key].append(
            PortraitEntry(
                no=str(len(grouped[key]) + 1),
                title=item.title,
                rating=label(item.rating) or "未评价",
                comment=item.comment,
                evidence="；".join(describe_ref(session, r.type, r.id) for r in item.evidence_refs),
            )
        )
    for n, key in enumerate(order, start=1):
        dims.append(PortraitDimension(f"{cn_number(n)}、", key, tuple(grouped[key])))
    team = names.team_name(view.round_id, view.team_id)
    position = ""
    if view.person_id:
        with contextlib.suppress(NotFound):
            position = get_person(session, view.person_id).position
    return PortraitDoc(
        title=f"{view.subject_name}政治画像",
        secrecy=secrecy_mark(session, Portrait, Portrait.id == view.id),
        copy_no=request.copy_no,
        date=doc_date(request),
        subject_name=view.subject_name,
        subject_type=view.subject_type.label,
        subject_position=position,
        target=names.target_name(view.target_id),
        template=template_title,
        completeness=f"共{view.total}项，已评价{view.rated}项",
        dimensions=tuple(dims),
        overall=label(view.overall) or "未评定",
        conclusion=view.conclusion,
        issuer=team or "巡察组",
    )


def render(ctx: PortraitDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.text(
        f"画像对象：{ctx.subject_name}（{ctx.subject_position or ctx.subject_type}）；"
        f"所在党组织：{ctx.target}；"
        f"画像模板：{ctx.template}；{ctx.completeness}。"
    )
    for dim in ctx.dimensions:
        doc.heading(1, f"{dim.no}{dim.title}")
        for item in dim.items:
            doc.heading(3, f"{item.no}.{item.title}（评价：{item.rating}）")
            if item.comment:
                doc.text(item.comment)
            if item.evidence:
                doc.text(f"佐证：{item.evidence}。")
    doc.heading(1, f"{cn_number(len(ctx.dimensions) + 1)}、综合评价")
    doc.text(f"总体评价等次：{ctx.overall}。")
    if ctx.conclusion:
        doc.text(ctx.conclusion)
    doc.signature(ctx.issuer, ctx.date)
    return doc
