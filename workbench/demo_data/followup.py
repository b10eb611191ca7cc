"""After the findings: focus-list statuses, 整改台账, 政治画像, reports and 立卷归档."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from workbench.demo_data import phrases
from workbench.demo_data.context import LATEST, Context, FindingRef, RoundRef, TargetRef
from workbench.models import (
    ArchiveItem,
    FocusItem,
    Portrait,
    PortraitItem,
    Rectification,
    RectificationAssessment,
    RectificationDocument,
    RectificationSupervision,
    ReminderLetter,
    Report,
)
from workbench.models.base import new_id
from workbench.services.clue_transfer import add_months
from workbench.services.portraits import PortraitItemView, grade_contradiction
from workbench.vocab.enums import (
    ApprovalState,
    FindingStatus,
    FocusStatus,
    Grade,
    PortraitSubject,
    RectificationDocKind,
    RectificationDocStatus,
    RectificationStatus,
    ReportType,
    Retention,
    SupervisionAgency,
)

_OPEN_FOCUS = (FocusStatus.NOT_STARTED, FocusStatus.IN_PROGRESS, FocusStatus.NO_PROBLEM)
_FOCUS_NOTES = {
    FocusStatus.NOT_STARTED: "尚未开展，计划在巡察后半程结合个别谈话和调阅资料了解。",
    FocusStatus.IN_PROGRESS: "已调阅{title}相关台账{m}份，正在与相关人员谈话核实。",
    FocusStatus.PROBLEM_FOUND: "发现问题{k}个，已形成问题底稿{numbers}。",
    FocusStatus.NO_PROBLEM: "经调阅资料和个别谈话了解，暂未发现{title}方面的突出问题。",
}
_GRADES = list(Grade)


def make_focus_items(ctx: Context, target: TargetRef) -> None:
    """The target's focus list as worked on: items that produced findings link them."""
    items = ctx.catalog.focus_list(target.kind, target.subtype)
    linked: dict[str, list[FindingRef]] = {item.code: [] for item in items}
    for finding in target.findings:
        match = [
            i for i in items if i.title[:2] in finding.title or i.title[:2] in finding.topic.key
        ]
        if match or ctx.text.chance(0.5):
            linked[(match[0] if match else ctx.pick(items)).code].append(finding)
    for seq, item in enumerate(items, 1):
        found = linked[item.code]
        status = FocusStatus.PROBLEM_FOUND if found else ctx.cover("focus", _OPEN_FOCUS, (1, 2, 3))
        notes = _FOCUS_NOTES[status].format(
            title=item.title,
            m=ctx.span((5, 40)),
            k=len(found),
            numbers="、".join(f.number for f in found),
        )
        ctx.sink.add(
            FocusItem(
                round_id=target.round.id,
                team_id=target.team.id,
                target_id=target.id,
                item_code=item.code,
                seq=seq,
                title=item.title,
                status=status,
                notes=notes,
                finding_ids=[f.id for f in found],
            )
        )


def make_rectifications(ctx: Context, target: TargetRef) -> None:
    """One 整改台账 row per approved finding (and some reviewed ones) after 反馈, then the
    target's follow-through around them."""
    text, rnd = ctx.text, target.round
    rows: list[Rectification] = []
    for finding in target.findings:
        if finding.status is not FindingStatus.APPROVED and (
            finding.status is not FindingStatus.REVIEWED or not text.chance(0.3)
        ):
            continue
        path = ctx.catalog.classify("sgjj", 2020, finding.code)
        status = ctx.cover("rectification", list(RectificationStatus), (1, 3, 3, 1))
        due = rnd.feedback + timedelta(days=ctx.span((45, 200)))
        fill = ctx.fields(target)
        fill.update(finding.values)
        measures = finding.topic.measure.format_map(fill)
        fill["measure"] = measures.split("；")[0]
        row = Rectification(
            id=new_id(),  # now: the follow-through records name it before the flush
            round_id=rnd.id,
            team_id=target.team.id,
            number=ctx.number("ZG", target, 3),
            target_id=target.id,
            finding_id=finding.id,
            category=path[min(1, len(path) - 1)].title,
            problem=finding.summary,
            measures=measures,
            leader_in_charge=target.persons[1].name if len(target.persons) > 1 else "",
            lead_department=fill["dept"],
            responsible_person=target.leader.name,
            specific_person=target.persons[-1].name if len(target.persons) > 2 else "",
            goal=f"{fill['measure']}，按期整改到位、建立长效机制",
            due_date=due,
            status=status,
            progress_notes=phrases.RECTIFY_NOTES[status.value].format_map(fill),
            created_by=ctx.staff.leader.id,
        )
        if status is RectificationStatus.DONE:
            closed = min(due - timedelta(days=ctx.span((0, 40))), LATEST)
            row.closed_on = max(closed, rnd.feedback + timedelta(days=7))
            row.grade = ctx.cover("rectify_grade", _GRADES, (4, 4, 2, 1))
            sha = ctx.note(
                "rectification", f"{row.number} 整改销号材料", [measures, row.progress_notes], 1.0
            )
            row.evidence_sha256 = [sha] if sha else []
            row.evidence_catalog = [
                {"name": "整改销号材料", "sha256": sha or ""},
                {"name": "整改专题会议纪要", "sha256": ""},
            ]
        ctx.sink.add(row)
        rows.append(row)
    if rows:
        make_follow_through(ctx, target, rows)


_AGENCIES = list(SupervisionAgency)
_OPEN_ITEMS = (RectificationStatus.NOT_STARTED, RectificationStatus.IN_PROGRESS)


def make_follow_through(ctx: Context, target: TargetRef, items: list[Rectification]) -> None:
    """The target's 整改方案 (1 month after 反馈) and 整改报告 (2 months), a supervision entry
    (督办 when an item is overdue), a 质效评估 for some and a 提醒函 for a changed leader."""
    rnd, team = target.round, target.team.id
    reviewer = ctx.office_clerk
    for kind, months in ((RectificationDocKind.PLAN, 1), (RectificationDocKind.REPORT, 2)):
        due = add_months(rnd.feedback, months)
        doc = RectificationDocument(
            round_id=rnd.id,
            team_id=team,
            target_id=target.id,
            kind=kind,
            title=f"{target.org}巡察{kind.label}",
            feedback_on=rnd.feedback,
            due_on=due,
            status=RectificationDocStatus.PENDING,
            attachment_sha256=[],
        )
        submitted = due - timedelta(days=ctx.span((-10, 12)))
        if submitted <= LATEST:
            doc.submitted_on = submitted
            doc.status = ctx.cover(
                "rectify_doc",
                [
                    RectificationDocStatus.APPROVED,
                    RectificationDocStatus.SUBMITTED,
                    RectificationDocStatus.RETURNED,
                ],
                (6, 2, 1),
            )
            if doc.status is not RectificationDocStatus.SUBMITTED:
                doc.reviewed_on = min(submitted + timedelta(days=ctx.span((2, 10))), LATEST)
                doc.reviewed_by = reviewer
                doc.review_note = (
                    "整改措施具体，时限明确，同意。"
                    if doc.status is RectificationDocStatus.APPROVED
                    else "部分问题整改措施笼统，请细化责任人和时限后重新报送。"
                )
        ctx.sink.add(doc)
    still_open = [i for i in items if i.status in _OPEN_ITEMS]
    held = min(rnd.feedback + timedelta(days=ctx.span((60, 120))), LATEST)
    overdue = [i for i in still_open if i.due_date is not None and i.due_date < held]
    ctx.sink.add(
        RectificationSupervision(
            round_id=rnd.id,
            team_id=team,
            target_id=target.id,
            rectification_id=overdue[0].id if overdue else None,
            agency=ctx.cover("rectify_agency", _AGENCIES, (1, 1)),
            held_on=held,
            body="听取整改情况汇报，实地查看整改台账和佐证材料。",
            found="个别问题整改进度滞后，佐证材料不够完整。" if overdue else "",
            escalated=bool(overdue),  # an overdue item's supervision is a 督办
        )
    )
    started = all(i.status is not RectificationStatus.NOT_STARTED for i in items)
    if started or ctx.text.chance(0.3):
        ctx.sink.add(
            RectificationAssessment(
                round_id=rnd.id,
                team_id=team,
                target_id=target.id,
                grade=ctx.cover("rectify_assess", _GRADES, (3, 4, 2, 1)),
                assessed_on=min(rnd.feedback + timedelta(days=ctx.span((150, 200))), LATEST),
                assessor=reviewer,
                body="整改态度端正，主要问题已整改到位，个别问题需长期坚持。",
            )
        )
    leader_changed: bool = (
        ctx.cover("rectify_reminder", [True, False], (1, 4)) if still_open else False
    )
    if leader_changed:
        changed = min(rnd.feedback + timedelta(days=ctx.span((30, 90))), LATEST)
        ctx.sink.add(
            ReminderLetter(
                round_id=rnd.id,
                team_id=team,
                target_id=target.id,
                old_leader=target.leader.name,
                new_leader=ctx.text.name(True),
                changed_on=changed,
                sent_on=min(changed + timedelta(days=ctx.span((3, 15))), LATEST),
                rectification_ids=[i.id for i in still_open],
                body="请新任主要负责人接续抓好巡察整改，对未完成事项逐项明确责任、限期销号。",
            )
        )


def make_portrait(ctx: Context, target: TargetRef, subject: PortraitSubject) -> None:
    template = ctx.catalog.portrait_template("zzhx")  # ratings A–D are Grade 好…差
    base = ctx.rng.choices(range(4), (3, 5, 2, 0.5))[0]
    items, tally, rated = [], Counter[Grade](), []
    for dimension, item in ((d, i) for d in template.dimensions for i in d.items):
        grade = _GRADES[max(0, min(3, base + ctx.rng.choice((-1, 0, 0, 0, 1))))]
        tally[grade] += 1
        rated.append(PortraitItemView(item.code, dimension.title, item.title, grade, "", ()))
        refs = [
            {"type": "interview", "id": i}
            for i, _, _ in ctx.rng.sample(
                target.interviews, min(len(target.interviews), ctx.span((0, 2)))
            )
        ]
        items.append(
            PortraitItem(
                item_code=item.code,
                rating=grade,
                evidence_refs=refs,
                comment=phrases.PORTRAIT_COMMENTS[grade.value].format(title=item.title),
            )
        )
    # the most frequent grade the items do not contradict (services.portraits' rule)
    ranked = [g for g, _ in tally.most_common()] + list(Grade)
    overall = next(g for g in ranked if grade_contradiction(g, rated) is None)
    name = {
        PortraitSubject.UNIT: target.org,
        PortraitSubject.LEADERSHIP: target.org + "领导班子",
        PortraitSubject.PERSON: target.leader.name,
    }[subject]
    ctx.sink.add(
        Portrait(
            round_id=target.round.id,
            team_id=target.team.id,
            target_id=target.id,
            subject_type=subject,
            subject_name=name,
            person_id=target.leader.id if subject is PortraitSubject.PERSON else None,
            template_id=template.id,
            template_version=str(template.version),
            overall=overall,
            conclusion=phrases.PORTRAIT_CONCLUSIONS[overall.value].format(
                subject=name, grade=overall.label, key=ctx.pick(target.topics).key
            ),
            items=items,
            created_by=ctx.staff.leader.id,
        )
    )


def _report_body(target: TargetRef, findings: list[FindingRef]) -> str:
    lines = ["一、基本情况和总体评价", f"巡察组对{target.org}开展了巡察。", "二、发现的主要问题"]
    lines += [f"{i}. {f.title}" for i, f in enumerate(findings, 1)] or ["未发现突出问题。"]
    lines += ["三、意见建议", "针对上述问题，建议压实整改主体责任，建立问题、任务、责任清单。"]
    return "\n".join(lines)


def make_reports(ctx: Context, target: TargetRef) -> list[str]:
    """巡察报告, 反馈意见 and 立行立改通知书 of one target; returns the report ids."""
    reported = [f for f in target.findings if f.status is FindingStatus.APPROVED]
    ids = []
    kinds = [(ReportType.INSPECTION, f"关于巡察{target.org}的情况报告")]
    if target.round.feedback <= LATEST:
        kinds.append((ReportType.FEEDBACK, f"关于巡察{target.org}的反馈意见"))
    if any(f.status is not FindingStatus.DRAFT for f in target.findings) and ctx.text.chance(0.3):
        kinds.append((ReportType.IMMEDIATE_FIX, f"{target.org}立行立改通知书"))
    for kind, title in kinds:
        body = _report_body(target, reported)
        report = Report(
            id=new_id(),
            round_id=target.round.id,
            team_id=target.team.id,
            report_type=kind,
            title=title,
            target_id=target.id,
            doc_version=ctx.span((1, 3)),
            approval=ctx.cover("approval", list(ApprovalState), (1, 1, 3)),
            finding_ids=[f.id for f in reported],
            clue_ids=[c.id for c in target.clues],
            body=body,
            attachment_sha256=ctx.note("report", title, body.splitlines(), 0.5),
            created_by=ctx.staff.leader.id,
        )
        ctx.sink.add(report)
        ids.append(report.id)
    return ids


def make_round_reports(ctx: Context, rnd: RoundRef, targets: list[TargetRef]) -> None:
    """The round's own documents: clue report, 专题报告, 巡察建议书, 政治画像报告."""
    clues = [c.id for t in targets for c in t.clues]
    team_id = targets[0].team.id if targets else None
    for kind, title in (
        (ReportType.CLUES, f"{rnd.name}问题线索移交报告"),
        (ReportType.SPECIAL, f"{rnd.name}发现的领导干部问题线索专题报告"),
        (ReportType.SUGGESTION, f"关于{rnd.name}发现的惠民惠农资金管理问题的巡察建议书"),
        (ReportType.PORTRAIT, f"{rnd.name}被巡察党组织政治画像报告"),
    ):
        ctx.sink.add(
            Report(
                round_id=rnd.id,
                team_id=team_id,
                report_type=kind,
                title=title,
                doc_version=1,
                approval=ctx.cover("approval", list(ApprovalState), (1, 1, 3)),
                clue_ids=clues if kind in (ReportType.CLUES, ReportType.SPECIAL) else [],
                body=f"{title}（正文略）",
                created_by=ctx.staff.leader.id,
            )
        )


def make_archive(ctx: Context, target: TargetRef, report_ids: list[str], index: int) -> None:
    rnd = target.round
    for n, (stage, category, title, retention) in enumerate(
        ctx.rng.sample(phrases.ARCHIVE, ctx.span((2, 4))), 1
    ):
        refs = [{"type": "report", "id": r} for r in report_ids] if stage == "报告反馈" else []
        ctx.sink.add(
            ArchiveItem(
                round_id=rnd.id,
                team_id=target.team.id,
                stage=stage,
                category=category,
                item_no=f"{index:03d}-{n:02d}",
                volume_no=f"{rnd.year}-{rnd.number}-{target.team.number}",
                title=title.format(name=rnd.name, unit=target.unit, org=target.org),
                retention=Retention.parse(retention),
                refs=refs,
                created_by=ctx.staff.leader.id,
            )
        )
