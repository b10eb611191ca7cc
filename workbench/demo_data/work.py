"""个别谈话 with their transcripts, and 工作记录 (activities)."""

from __future__ import annotations

from datetime import timedelta

from workbench.demo_data import names, phrases
from workbench.demo_data.context import Context, PersonRef, TargetRef
from workbench.demo_data.text import Filler
from workbench.demo_data.topics import Topic
from workbench.models import Activity, Interview, InterviewTurn
from workbench.models.base import new_id
from workbench.vocab.enums import ActivityType, InterviewType

_INTERVIEW_WEIGHTS = (5, 3, 1, 1)
_ACTIVITY_WEIGHTS = (2, 2, 1, 3, 1, 2, 1, 1)
_GRASSROOTS = ("village", "community", "township")


def _other(ctx: Context, target: TargetRef, subject: PersonRef) -> PersonRef:
    """Someone of the target other than ``subject`` (whom a complaint names)."""
    others = [p for p in target.persons[:8] if p.id != subject.id] or target.persons
    return ctx.pick(others)


def _turns(
    ctx: Context,
    target: TargetRef,
    kind: InterviewType,
    subject: PersonRef,
    topic: Topic,
    critical: bool,
) -> tuple[list[tuple[str, str]], str]:
    """The Q/A turns and the summary of one interview."""
    text = ctx.text
    named = _other(ctx, target, subject)
    fill: Filler = ctx.fields(
        target,
        topic,
        team="一二三"[target.team.number - 1],
        position=subject.position,
        portfolio=subject.portfolio,
        key=topic.key,
        joined=str(ctx.span((1992, 2015))),
        since=str(ctx.span((2016, 2024))),
        person=named.name,
    )
    letter = topic.letter.format_map(
        ctx.fields(target, topic, position=named.position, person=named.name)
    )
    fill["letter"] = letter
    turns = [(phrases.OPENING_Q.format_map(fill), ctx.pick(phrases.OPENING_A))]
    critical_summary = phrases.SUMMARY_CRITICAL.format(subject=subject.name, letter=letter)
    if kind is InterviewType.VOLUNTARY:
        turns += [(q.format_map(fill), a.format_map(fill)) for q, a in phrases.VOLUNTARY_QA]
        summary = critical_summary
    elif kind is InterviewType.SUMMONED:
        answer = ctx.pick(phrases.SUMMONED_A)
        hint = topic.clue.format_map(
            ctx.fields(target, topic, person="你", leader="你", position=subject.position)
        )
        turns += [
            (phrases.SUMMONED_Q.format(hint=hint.rstrip("。")), answer),
            (phrases.FOLLOWUP_Q, phrases.FOLLOWUP_A.format_map(fill)),
        ]
        summary = phrases.SUMMARY_SUMMONED.format(
            subject=subject.name, key=topic.key, answer=answer
        )
    else:
        turns.append((phrases.INTRO_Q, phrases.INTRO_A.format_map(fill)))
        for question, positive, negative in ctx.rng.sample(
            phrases.GENERAL_QA, max(ctx.span((4, 10)) - 4, 1)
        ):
            answer = negative if critical and text.chance(0.6) else positive
            turns.append((question.format_map(fill), answer.format_map(fill)))
        known = phrases.TOPIC_A_KNOWS if critical else phrases.TOPIC_A_DENIES
        turns.append((phrases.TOPIC_Q.format_map(fill), known.format_map(fill)))
        if critical:
            summary = critical_summary
        else:
            summary = phrases.SUMMARY_POSITIVE.format_map({**fill, "subject": subject.name})
    turns.append((phrases.CLOSING_Q, ctx.pick(phrases.CLOSING_A)))
    return turns, summary


def _outsider(ctx: Context, target: TargetRef, kind: InterviewType) -> tuple[str, str, str]:
    """(name, unit, position) of someone not on the cadre list: a villager or an employee."""
    dept = ctx.pick(target.depts)
    if kind is InterviewType.VOLUNTARY:
        if target.kind in _GRASSROOTS:
            return ctx.text.name(), ctx.pick(target.villages), "村（居）民"
        return ctx.text.name(), target.unit, "干部职工"
    return ctx.text.name(), target.unit, f"{dept}工作人员"


def make_interviews(ctx: Context, target: TargetRef) -> None:
    text, team = ctx.text, target.team
    for _ in range(ctx.span(ctx.plan.interviews)):
        kind = ctx.cover("interview_type", list(InterviewType), _INTERVIEW_WEIGHTS)
        topic = ctx.pick(target.topics)
        if kind is InterviewType.REQUIRED:
            subject = ctx.pick(target.persons[:7])
        elif kind is InterviewType.SUMMONED:
            subject = target.leader if "{leader}" in topic.clue else ctx.pick(target.persons[:5])
        elif kind is InterviewType.SELECTED and text.chance(0.5):
            subject = ctx.pick(target.persons)
        else:
            name, _unit, position = _outsider(ctx, target, kind)
            subject = PersonRef("", name, position, target.leader.level, "本职工作")
        unit = target.unit
        if kind is InterviewType.VOLUNTARY and target.kind in _GRASSROOTS:
            unit = ctx.pick(target.villages)
        critical = kind is not InterviewType.REQUIRED or text.chance(0.4)
        turns, summary = _turns(ctx, target, kind, subject, topic, critical)
        held = ctx.in_round(target, 0.05, 0.9)
        asker = ctx.pick([team.leader, team.deputy, *team.members[2:3]])
        second = team.recorder if asker != team.recorder else team.deputy
        interview = Interview(
            id=new_id(),
            round_id=target.round.id,
            team_id=team.id,
            number=ctx.number("TH", target, 4),
            interview_type=kind,
            held_at=held,
            place=ctx.pick(phrases.PLACES).format(unit=target.unit),
            target_id=target.id,
            interviewers=[asker, second],
            recorder=second,
            subject_name=subject.name,
            subject_unit=unit,
            subject_position=subject.position,
            subject_political_status="中共党员"
            if subject.id and subject.level.value != "other"
            else ctx.pick(names.POLITICAL_STATUS),
            outline=phrases.OUTLINES[kind.value],
            summary=summary,
            created_at=held,
            created_by=ctx.staff.recorder.id,
            turns=[
                InterviewTurn(seq=i + 1, question=q, answer=a) for i, (q, a) in enumerate(turns)
            ],
        )
        if text.chance(0.7):
            interview.confirmed_on = (held + timedelta(days=ctx.span((0, 3)))).date()
            interview.confirmation_sha256 = ctx.scan(
                "interview", f"{interview.number} 谈话笔录签字确认页", 0.3
            )
        target.interviews.append((interview.id, interview.number, critical))
        ctx.sink.add(interview)


def _method_codes(ctx: Context) -> dict[str, str]:
    """ActivityType code → work method code, from the catalog (听取汇报 → FS-01 …)."""
    by_label = {t.label: t.value for t in ActivityType}
    return {
        by_label[m.activity_type]: m.code
        for m in ctx.catalog.work_methods()
        if m.activity_type in by_label
    }


def make_activities(ctx: Context, target: TargetRef) -> None:
    team = target.team
    methods = _method_codes(ctx)
    for _ in range(ctx.span(ctx.plan.activities)):
        kind = ctx.cover("activity_type", list(ActivityType), _ACTIVITY_WEIGHTS)
        if kind is ActivityType.BRIEFING and not target.activities:
            held = ctx.in_round(target, 0.0, 0.05)  # the 进驻 briefing comes first
        else:
            held = ctx.in_round(target, 0.05, 0.9)
        titles = phrases.ACTIVITY_TITLES[kind.value]
        if target.kind in _GRASSROOTS:
            titles = phrases.GRASSROOTS_TITLES.get(kind.value, titles)
        fill = ctx.fields(target, key=ctx.pick(target.topics).key)
        activity = Activity(
            id=new_id(),
            round_id=target.round.id,
            team_id=team.id,
            activity_type=kind,
            method_code=methods.get(kind.value, ""),
            held_at=held,
            target_id=target.id,
            title=ctx.pick(titles).format_map(fill),
            participants=ctx.rng.sample(team.members, ctx.span((2, 4))),
            notes=phrases.ACTIVITY_NOTES[kind.value].format_map(fill),
            created_at=held,
            created_by=ctx.staff.member.id,
        )
        target.activities.append((activity.id, kind.value))
        ctx.sink.add(activity)
