"""信访件 from every channel, through registration, 摘要, 组务会 and disposition."""

from __future__ import annotations

from datetime import datetime, timedelta

from workbench.demo_data import names, phrases
from workbench.demo_data.context import LATEST, Context, LetterRef, PersonRef, TargetRef
from workbench.demo_data.topics import Topic
from workbench.models import Letter
from workbench.models.base import new_id
from workbench.vocab.enums import LetterCategory, LetterChannel, LetterDisposition, LetterStatus

# the reason ``make screenshots`` voids a letter of its demo store with, for 显示已作废
VOID_EXAMPLE_REASON = "与前一件重复登记，已合并办理"
_CHANNEL_WEIGHTS = (20, 15, 15, 15, 8, 12, 5, 10)
_ANONYMOUS = {
    LetterChannel.LETTER: 0.5,
    LetterChannel.SMALL_ENVELOPE: 0.9,
    LetterChannel.PHONE: 0.5,
    LetterChannel.VISIT: 0.1,
    LetterChannel.EMAIL: 0.6,
    LetterChannel.QR_CODE: 0.7,
    LetterChannel.SUGGESTION_BOX: 0.95,
    LetterChannel.REFERRED: 0.4,
}
_SCANNED = (LetterChannel.LETTER, LetterChannel.SMALL_ENVELOPE, LetterChannel.SUGGESTION_BOX)
_STATUS_WEIGHTS = (1, 1.5, 1.5, 6)
_CATEGORY_WEIGHTS = (25, 35, 15, 10, 15)
_DISPOSITIONS = {
    LetterCategory.CLUE: (LetterDisposition.TO_CLUE, LetterDisposition.TO_FINDING),
    LetterCategory.GENERAL: (
        LetterDisposition.TO_FINDING,
        LetterDisposition.TRANSFER,
        LetterDisposition.KEEP,
    ),
    LetterCategory.SUGGESTION: (LetterDisposition.KEEP, LetterDisposition.CLOSE),
    LetterCategory.OUT_OF_SCOPE: (LetterDisposition.TRANSFER, LetterDisposition.CLOSE),
    LetterCategory.DUPLICATE: (LetterDisposition.CLOSE, LetterDisposition.KEEP),
}
_ASCII = "abcdefghjkmnpqrstwxyz"


def _reporter(ctx: Context, channel: LetterChannel) -> tuple[bool, str, str]:
    """(anonymous, name, contact)."""
    text, rng = ctx.text, ctx.rng
    if text.chance(_ANONYMOUS[channel]):
        return True, "", ""
    name = text.name()
    if channel is LetterChannel.EMAIL:
        handle = "".join(rng.choice(_ASCII) for _ in range(3)) + str(rng.randint(10, 9999))
        return False, name, f"{handle}@{ctx.pick(phrases.EMAIL_DOMAINS)}"
    return False, name, text.phone()


def topic_summary(ctx: Context, target: TargetRef, topic: Topic, person: PersonRef) -> str:
    body = topic.letter.format_map(
        ctx.fields(target, topic, position=person.position, person=person.name)
    )
    return ctx.pick(phrases.LETTER_INTROS) + body + ctx.pick(phrases.LETTER_ENDINGS)


def reported(target: TargetRef, person: PersonRef) -> list[dict[str, str]]:
    return [{"name": person.name, "position": person.position, "unit": target.unit}]


def add_letter(
    ctx: Context,
    target: TargetRef,
    *,
    summary: str,
    persons: list[dict[str, str]],
    received: datetime,
    status: LetterStatus,
    disciplines: tuple[str, ...] = (),
    category: LetterCategory | None = None,
    disposition: LetterDisposition | None = None,
    duplicate_of: str | None = None,
    clue_id: str | None = None,
    finding_id: str | None = None,
) -> LetterRef:
    """Register one letter; it is remembered for later duplicates unless it is one itself."""
    channel = ctx.cover("letter_channel", list(LetterChannel), _CHANNEL_WEIGHTS)
    anonymous, name, contact = _reporter(ctx, channel)
    number = ctx.number("XF", target, 5)
    letter = Letter(
        id=new_id(),
        round_id=target.round.id,
        team_id=target.team.id,
        number=number,
        channel=channel,
        received_at=received,
        target_id=target.id,
        anonymous=anonymous,
        reporter_name=name,
        reporter_contact=contact,
        reported_persons=persons,
        summary=summary,
        status=status,
        created_at=received,
        created_by=ctx.staff.recorder.id,
    )
    if channel in _SCANNED:
        letter.original_sha256 = ctx.scan("letter", f"{number} 原件扫描", 0.25)
    if status is not LetterStatus.REGISTERED:
        letter.disciplines = list(disciplines)
    if status in (LetterStatus.DISCUSSED, LetterStatus.DISPOSED) and category is not None:
        letter.category = category
        letter.proposal = phrases.PROPOSALS[category.value]
        meeting = received.date() + timedelta(days=ctx.span((1, 7)))
        letter.meeting_date = min(meeting, LATEST)
    if status is LetterStatus.DISPOSED:
        letter.disposition = disposition
        letter.duplicate_of_id = duplicate_of
        letter.clue_id = clue_id
        letter.finding_id = finding_id
        if disposition is LetterDisposition.TRANSFER:
            # misconduct goes to the supervisors of the target; the rest to whoever handles it
            outside = category is LetterCategory.OUT_OF_SCOPE
            units = names.TRANSFER_UNITS if outside else ("县纪委监委", target.parent)
            letter.transfer_to = ctx.pick(units)
    elif category is LetterCategory.DUPLICATE:
        letter.duplicate_of_id = duplicate_of
    ref = LetterRef(letter.id, number, summary, persons)
    if duplicate_of is None:
        target.letters.append(ref)
    ctx.sink.add(letter)
    return ref


def source_letter(
    ctx: Context,
    target: TargetRef,
    topic: Topic,
    person: PersonRef,
    *,
    received: datetime,
    clue_id: str | None = None,
    finding_id: str | None = None,
) -> LetterRef:
    """The letter a clue or a finding came from, disposed accordingly."""
    return add_letter(
        ctx,
        target,
        summary=topic_summary(ctx, target, topic, person),
        persons=reported(target, person),
        received=received,
        status=LetterStatus.DISPOSED,
        disciplines=topic.disciplines,
        category=LetterCategory.CLUE if clue_id else LetterCategory.GENERAL,
        disposition=LetterDisposition.TO_CLUE if clue_id else LetterDisposition.TO_FINDING,
        clue_id=clue_id,
        finding_id=finding_id,
    )


def other_letter(ctx: Context, target: TargetRef) -> None:
    """A letter of any status and category, linked to what the target already has."""
    text = ctx.text
    status = ctx.cover("letter_status", list(LetterStatus), _STATUS_WEIGHTS)
    category = ctx.cover("letter_category", list(LetterCategory), _CATEGORY_WEIGHTS)
    if category is LetterCategory.DUPLICATE and not target.letters:
        category = LetterCategory.GENERAL
    disposition = ctx.pick(_DISPOSITIONS[category])
    topic = ctx.pick(target.topics)
    person = ctx.pick(target.persons[:8]) if text.chance(0.8) else target.leader
    clue_id = finding_id = duplicate_of = None
    # A letter added to a clue or a 底稿 says what they are about.
    if disposition is LetterDisposition.TO_CLUE:
        if target.clues:
            clue = ctx.pick(target.clues)
            clue_id, topic, person = clue.id, clue.topic, clue.subject
        else:
            disposition = LetterDisposition.TO_FINDING
    if disposition is LetterDisposition.TO_FINDING and target.findings and text.chance(0.6):
        finding = ctx.pick(target.findings)
        finding_id, topic = finding.id, finding.topic
    summary, persons = "", reported(target, person)
    if category is LetterCategory.SUGGESTION:
        summary, persons = ctx.pick(phrases.SUGGESTIONS).format_map(ctx.fields(target)), []
    elif category is LetterCategory.OUT_OF_SCOPE:
        summary, persons = ctx.pick(phrases.OUT_OF_SCOPE), []
    elif category is LetterCategory.DUPLICATE:
        original = ctx.pick(target.letters)
        lead = ctx.pick(("同一反映人再次反映：", f"内容与{original.number}基本相同："))
        body = original.summary
        for intro in phrases.LETTER_INTROS:
            body = body.removeprefix(intro) if intro else body
        summary, persons, duplicate_of = lead + body, original.reported, original.id
    else:
        summary = topic_summary(ctx, target, topic, person)
    add_letter(
        ctx,
        target,
        summary=summary,
        persons=persons,
        received=ctx.in_round(target, 0.0, 1.0),
        status=status,
        disciplines=topic.disciplines if persons else (),
        category=category,
        disposition=disposition,
        duplicate_of=duplicate_of,
        clue_id=clue_id,
        finding_id=finding_id,
    )
