"""问题线索 through their lifecycle and 问题底稿 with sign-offs and evidence."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from workbench.demo_data import phrases
from workbench.demo_data.context import (
    ClueRef,
    Context,
    FindingRef,
    PersonRef,
    Staff,
    StaffUser,
    TargetRef,
)
from workbench.demo_data.letters import source_letter
from workbench.demo_data.text import money
from workbench.demo_data.topics import Topic
from workbench.models import Clue, Evidence, Finding, FindingSignoff
from workbench.models.base import new_id
from workbench.vocab.enums import (
    ClueHandling,
    ClueOutcomeKind,
    ClueStatus,
    ClueTransferUnit,
    Discipline,
    EvidenceType,
    FindingStatus,
    ResponsibilityType,
    SignoffStep,
    TransferMode,
)

_CLUE_WEIGHTS = (1, 1, 1.5, 2, 1.5, 2)
_FINDING_WEIGHTS = (3, 2, 2, 5)
# Work methods of findings; FS-02/05 cite an interview, FS-03 a letter, the rest an activity.
_METHODS = (
    "FS-02",
    "FS-03",
    "FS-06",
    "FS-10",
    "FS-11",
    "FS-07",
    "FS-05",
    "FS-09",
    "FS-01",
    "FS-04",
    "FS-08",
)
_METHOD_WEIGHTS = (5, 4, 5, 3, 2, 1, 1, 1, 1, 0.5, 0.5)
_ACTIVITY_OF = {
    "FS-01": "briefing",
    "FS-04": "personal_matters",
    "FS-06": "review_files",
    "FS-07": "forum",
    "FS-08": "attend_meeting",
    "FS-09": "survey",
    "FS-10": "field_visit",
    "FS-11": "special_check",
}
_HOW = {
    "FS-01": "听取汇报",
    "FS-04": "个人有关事项抽查核实",
    "FS-06": "调阅资料",
    "FS-07": "座谈会",
    "FS-08": "列席会议",
    "FS-09": "民主测评和问卷调查",
    "FS-10": "下沉走访",
    "FS-11": "专项检查",
}
_DISCOVERY = {
    "interview": "巡察组在个别谈话中了解到相关情况，随即调阅{dept}{year}年相关台账和凭证{m}份，"
    "并向{n}名知情人核实，确认问题属实。",
    "letter": "巡察组受理群众信访反映后，调阅{dept}相关资料，实地走访群众{m}户，"
    "与当事人谈话核实，确认反映问题基本属实。",
    "activity": "巡察组在{how}中发现疑点，调取{year}年会计凭证、合同和会议记录，"
    "与{dept}负责人核对后确认问题。",
}
_EVIDENCE_FOR = {
    "interview": (EvidenceType.INTERVIEW, EvidenceType.DOCUMENT, EvidenceType.VOUCHER),
    "letter": (EvidenceType.LETTER, EvidenceType.PHOTO, EvidenceType.DOCUMENT),
    "activity": (
        EvidenceType.MINUTES,
        EvidenceType.VOUCHER,
        EvidenceType.DOCUMENT,
        EvidenceType.SURVEY,
        EvidenceType.MEDIA,
    ),
}


def _subject(ctx: Context, target: TargetRef, topic: Topic) -> PersonRef:
    """A leading cadre of the target (clues are about them); the head if the topic says so."""
    if "{leader}" in topic.clue:
        return target.leader
    leading = [p for p in target.persons[:6] if p.level.value != "other"] or target.persons[:3]
    return ctx.pick(leading)


def _topics(ctx: Context, target: TargetRef, count: int) -> list[Topic]:
    """``count`` topics, all different while the target's topics last (一问题一底稿)."""
    topics = list(target.topics)
    chosen = ctx.rng.sample(topics, min(count, len(topics)))
    return chosen + [ctx.pick(topics) for _ in range(count - len(chosen))]


def make_clues(ctx: Context, target: TargetRef) -> None:
    text, rnd = ctx.text, target.round
    for topic in _topics(ctx, target, ctx.span(ctx.plan.clues)):
        subject = _subject(ctx, target, topic)
        status = ctx.cover("clue_status", list(ClueStatus), _CLUE_WEIGHTS)
        registered = ctx.in_round(target, 0.15, 0.9)
        clue_id = new_id()
        critical = [i for i in target.interviews if i[2]]
        if critical and text.chance(0.3):
            sources = [{"type": "interview", "id": ctx.pick(critical)[0]}]
        else:
            letter = source_letter(
                ctx,
                target,
                topic,
                subject,
                clue_id=clue_id,
                received=registered - timedelta(days=ctx.span((1, 6))),
            )
            sources = [{"type": "letter", "id": letter.id}]
        fill = ctx.fields(
            target, topic, person=subject.name, position=subject.position, key=topic.key
        )
        unit = (
            ClueTransferUnit.ORGANIZATION_DEPT
            if topic.to_org_dept
            else (
                ClueTransferUnit.OTHER
                if text.chance(0.06)
                else ClueTransferUnit.DISCIPLINE_COMMISSION
            )
        )
        clue = Clue(
            id=clue_id,
            round_id=rnd.id,
            team_id=target.team.id,
            number=ctx.number("XS", target, 3),
            target_id=target.id,
            source_refs=sources,
            subject_name=subject.name,
            subject_position=subject.position,
            subject_level=subject.level,
            problem=topic.clue.format_map(fill),
            disciplines=list(topic.disciplines),
            category1="违反" + Discipline.parse(topic.disciplines[0]).label,
            category2=topic.key,
            **_receiving_units(unit, double=text.chance(0.15) and not topic.to_org_dept),
            status=status,
            created_at=registered,
            created_by=ctx.staff.leader.id,
        )
        _lifecycle(ctx, target, clue, registered, fill)
        target.clues.append(ClueRef(clue_id, topic, subject))
        ctx.sink.add(clue)


def _receiving_units(unit: ClueTransferUnit, *, double: bool) -> dict[str, Any]:
    """A 双移交 goes to 纪委监委 and 组织部; an "其他" unit is named."""
    if double:
        return {
            "transfer_unit": ClueTransferUnit.DISCIPLINE_COMMISSION,
            "transfer_mode": TransferMode.DOUBLE,
            "second_unit": ClueTransferUnit.ORGANIZATION_DEPT,
            "other_unit": "",
        }
    other = phrases.RECEIVERS["other"] if unit is ClueTransferUnit.OTHER else ""
    return {
        "transfer_unit": unit,
        "transfer_mode": TransferMode.SINGLE,
        "second_unit": None,
        "other_unit": other,
    }


# what each 办理 way led to, as dated outcome entries (the 办理结果 texts of phrases.CLUE_RESULTS)
_OUTCOMES = {
    ClueHandling.TALK_INQUIRY: (ClueOutcomeKind.TALK_INQUIRY,),
    ClueHandling.PRELIMINARY: (
        ClueOutcomeKind.PRELIMINARY,
        ClueOutcomeKind.CASE_FILED,
        ClueOutcomeKind.PARTY_DISCIPLINE,
    ),
    ClueHandling.SHELVED: (),
    ClueHandling.CLOSED: (ClueOutcomeKind.CONCLUDED,),
}
_OUTCOME_DETAILS = {
    ClueOutcomeKind.PARTY_DISCIPLINE: "党内警告",
    ClueOutcomeKind.ORGANIZATIONAL: "诫勉",
}


def _outcomes(clue: Clue) -> list[dict[str, Any]]:
    """Spread between 接收 and 反馈, without drawing on the random stream (the demo's other
    records stay as they were)."""
    assert clue.handling is not None and clue.received_at and clue.fed_back_at
    kinds = _OUTCOMES[clue.handling]
    organization = clue.transfer_unit is ClueTransferUnit.ORGANIZATION_DEPT
    if organization and clue.handling is ClueHandling.PRELIMINARY:
        kinds = (
            ClueOutcomeKind.PRELIMINARY,
            ClueOutcomeKind.ORGANIZATIONAL,
        )  # 组织部 handles, it does not 立案
    start, span = clue.received_at.date(), (clue.fed_back_at - clue.received_at).days
    return [
        {
            "kind": kind.value,
            "date": (start + timedelta(days=span * (i + 1) // len(kinds))).isoformat(),
            "detail": _OUTCOME_DETAILS.get(kind, ""),
            "unit": clue.transfer_unit.value,
        }
        for i, kind in enumerate(kinds)
    ]


def _lifecycle(
    ctx: Context, target: TargetRef, clue: Clue, registered: datetime, fill: dict[str, str]
) -> None:
    """移交 → 接收 → 办理 → 反馈 → 办结, as far as the clue's status goes."""
    order = list(ClueStatus)
    reached = order.index(clue.status)
    if reached < order.index(ClueStatus.TRANSFERRED):
        return
    urgent = ctx.text.chance(0.4)  # handed over during the round, on a short deadline
    if urgent:
        transferred = ctx.later(registered, (1, 6))
    else:
        transferred = ctx.later(datetime.combine(target.round.end, registered.time()), (7, 21))
    clue.transferred_by = ctx.office_clerk
    clue.transferred_at = transferred
    clue.feedback_due = transferred.date() + timedelta(days=30 if urgent else ctx.pick((60, 90)))
    if reached >= order.index(ClueStatus.RECEIVED):
        clue.received_at = ctx.later(transferred, (1, 4))
        clue.received_by = f"{phrases.RECEIVERS[clue.transfer_unit.value]} {ctx.text.name()}"
    if reached >= order.index(ClueStatus.HANDLING):
        clue.handling = ctx.cover("clue_handling", list(ClueHandling), (3, 3, 1, 2))
    if reached >= order.index(ClueStatus.FED_BACK):
        assert clue.received_at is not None and clue.handling is not None
        clue.fed_back_at = ctx.later(clue.received_at, (20, 80))
        clue.result = phrases.CLUE_RESULTS[clue.handling.value].format_map(fill)
        clue.outcomes = _outcomes(clue)
    if reached >= order.index(ClueStatus.CLOSED):
        assert clue.fed_back_at is not None
        clue.closed_at = ctx.later(clue.fed_back_at, (3, 20))


def _signoffs(
    ctx: Context, staff: Staff, status: FindingStatus, compiled: datetime, returned: bool
) -> tuple[list[FindingSignoff], str]:
    """The sign-off chain up to ``status`` (and a return for some drafts), plus return reason,
    by the 底稿's own team (``staff``)."""
    chain: list[tuple[SignoffStep, StaffUser, str]] = []
    reason = ""
    if status is FindingStatus.DRAFT and returned:
        reason = ctx.pick(phrases.RETURN_COMMENTS)
        chain = [
            (SignoffStep.SUBMIT, staff.member, ctx.pick(phrases.SUBMIT_COMMENTS)),
            (SignoffStep.RETURN, staff.deputy, reason),
        ]
    steps = list(FindingStatus).index(status)
    plan = [
        (SignoffStep.SUBMIT, staff.member, phrases.SUBMIT_COMMENTS),
        (SignoffStep.REVIEW, staff.deputy, phrases.REVIEW_COMMENTS),
        (SignoffStep.APPROVE, staff.leader, phrases.APPROVE_COMMENTS),
    ]
    chain += [(step, user, ctx.pick(comments)) for step, user, comments in plan[:steps]]
    rows, at = [], compiled
    for step, user, comment in chain:
        at = ctx.later(at, (0, 3))
        rows.append(
            FindingSignoff(
                step=step,
                user_id=user.id,
                user_name=user.signer,
                at=at,
                comment=comment.format(n=ctx.span((2, 6))),
            )
        )
    return rows, reason


def make_findings(ctx: Context, target: TargetRef) -> None:
    text = ctx.text
    policy_ids = ctx.policy_ids[target.round.id]
    for topic in _topics(ctx, target, ctx.span(ctx.plan.findings)):
        code = ctx.pick(topic.codes)
        if text.chance(0.2):
            code = code.rsplit(".", 1)[0]  # classified to the 类 only
        method = ctx.rng.choices(_METHODS, _METHOD_WEIGHTS)[0]
        finding_id = new_id()
        compiled = ctx.in_round(target, 0.3, 1.0)
        person = ctx.pick(target.persons[1:6] or target.persons)
        critical = [i for i in target.interviews if i[2]]
        first_evidence = ""
        if method in ("FS-02", "FS-05") and critical:
            source = "interview"
            _id, number, _ = ctx.pick(critical)
            refs, first_evidence = [{"type": "interview", "id": _id}], f"谈话笔录（{number}）"
        elif method == "FS-03" or not target.activities:
            source, method = "letter", "FS-03"
            letter = source_letter(
                ctx,
                target,
                topic,
                person,
                finding_id=finding_id,
                received=compiled - timedelta(days=ctx.span((5, 20))),
            )
            refs, first_evidence = (
                [{"type": "letter", "id": letter.id}],
                f"信访件{letter.number}及附件",
            )
        else:
            source = "activity"
            method = method if method in _ACTIVITY_OF else "FS-06"
            wanted = _ACTIVITY_OF[method]
            matching = [a for a in target.activities if a[1] == wanted] or target.activities
            refs = [{"type": "activity", "id": ctx.pick(matching)[0]}]
        yuan = text.amount(topic.amount) if topic.amount else None
        fill = ctx.fields(
            target, person=person.name, position=person.position, how=_HOW.get(method, "调阅资料")
        )
        if yuan is not None:
            fill["amount"] = money(yuan)
        status = ctx.cover("finding_status", list(FindingStatus), _FINDING_WEIGHTS)
        returned = status is FindingStatus.DRAFT and text.chance(0.3)
        staff = target.team.signers or ctx.staff
        signoffs, reason = _signoffs(ctx, staff, status, compiled, returned)
        leader = target.leader
        responsible = [
            {
                "name": target.org,
                "unit": target.org,
                "person_id": None,
                "type": ResponsibilityType.MAIN.value,
            },
            {
                "name": leader.name,
                "unit": target.org,
                "person_id": leader.id,
                "type": ResponsibilityType.FIRST.value,
            },
        ]
        if person is not leader:
            kind = ResponsibilityType.DIRECT if text.chance(0.6) else ResponsibilityType.LEADING
            responsible.append(
                {
                    "name": person.name,
                    "unit": target.org,
                    "person_id": person.id,
                    "type": kind.value,
                }
            )
        finding = Finding(
            id=finding_id,
            round_id=target.round.id,
            team_id=target.team.id,
            number=ctx.number("DG", target, 3),
            title=topic.finding.format_map(fill)[:200],
            compiled_on=compiled.date(),
            target_id=target.id,
            method_code=method,
            source_refs=refs,
            summary=topic.summary.format_map(fill),
            discovery=_DISCOVERY[source].format_map(fill),
            basis_ids=[policy_ids[k] for k in topic.policies if k in policy_ids],
            responsible=responsible,
            amount_fen=yuan * 100 if yuan is not None else None,
            taxonomy_code=code,
            disciplines=list(topic.disciplines),
            immediate_fix=status is not FindingStatus.DRAFT and text.chance(0.2),
            status=status,
            return_reason=reason,
            include_in_report=status is not FindingStatus.DRAFT or text.chance(0.5),
            compiled_by=staff.member.id,
            signoffs=signoffs,
            created_at=compiled,
            created_by=staff.member.id,
        )
        ctx.sink.add(finding)
        target.findings.append(
            FindingRef(
                finding_id,
                finding.number,
                finding.title,
                finding.summary,
                topic,
                code,
                status,
                yuan,
                dict(fill),
            )
        )
        _evidence(ctx, target, finding, source, fill, first_evidence)


def _evidence(
    ctx: Context,
    target: TargetRef,
    finding: Finding,
    source: str,
    fill: dict[str, str],
    first: str,
) -> None:
    for index in range(ctx.span((1, 3))):
        kind = _EVIDENCE_FOR[source][0] if index == 0 else ctx.pick(list(EvidenceType))
        if kind is EvidenceType.LETTER and not target.letters:
            kind = EvidenceType.DOCUMENT
        if kind is EvidenceType.INTERVIEW and not target.interviews:
            kind = EvidenceType.MINUTES
        title, origin = _evidence_title(ctx, target, kind, fill)
        if index == 0 and first:
            title, origin = first, "巡察组"
        sha = None
        if kind is EvidenceType.PHOTO:
            sha = ctx.scan("evidence", f"{finding.number} {title}", 0.5)
        elif kind in (EvidenceType.INTERVIEW, EvidenceType.DOCUMENT, EvidenceType.MINUTES):
            sha = ctx.note("evidence", f"{finding.number} {title}", [finding.summary], 0.4)
        ctx.sink.add(
            Evidence(
                round_id=target.round.id,
                team_id=target.team.id,
                finding_id=finding.id,
                evidence_type=kind,
                title=title[:200],
                source=origin,
                pages=ctx.span((1, 24)),
                attachment_sha256=sha,
                created_at=finding.created_at,
                created_by=ctx.staff.member.id,
            )
        )


def _evidence_title(
    ctx: Context, target: TargetRef, kind: EvidenceType, fill: dict[str, str]
) -> tuple[str, str]:
    year = fill["year"]
    if kind is EvidenceType.INTERVIEW:
        return f"谈话笔录（{ctx.pick(target.interviews)[1]}）", "巡察组"
    if kind is EvidenceType.LETTER:
        return f"信访件{ctx.pick(target.letters).number}及附件", "巡察组信访登记"
    if kind is EvidenceType.MINUTES:
        return f"{target.org}{year}年会议记录（第{ctx.span((2, 30))}次）", target.org
    if kind is EvidenceType.VOUCHER:
        return f"{year}年{ctx.span((1, 12))}月第{ctx.span((1, 90))}号记账凭证及附件", fill["dept"]
    if kind is EvidenceType.SURVEY:
        return f"{target.unit}民主测评和问卷统计表", "巡察组"
    if kind is EvidenceType.PHOTO:
        return f"{fill['project']}现场照片（{ctx.span((3, 12))}张）", "巡察组"
    if kind is EvidenceType.MEDIA:
        return f"{target.unit}座谈会录音（{ctx.span((20, 90))}分钟）", "巡察组"
    return f"《{target.unit}{year}年{ctx.pick(phrases.EVIDENCE_DOCS)}》", target.unit
