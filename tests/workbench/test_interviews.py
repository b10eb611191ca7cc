"""Interviews: numbering, the two-interviewer rule, transcripts, confirmation, filters, search."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import workbench.services  # noqa: F401  (registers the search-index hook)
from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError
from workbench.search import search
from workbench.services.interviews import (
    InterviewDraft,
    InterviewStateError,
    Turn,
    append_turn,
    confirm_interview,
    create_interview,
    get_interview,
    list_interviews,
    revoke_confirmation,
    set_transcript,
    update_interview,
    void_interview,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.targets import TargetDraft, create_target
from workbench.services.users import add_user
from workbench.store.vault import Vault
from workbench.vocab.enums import InterviewType

HELD = datetime(2026, 3, 10, 9, 30)
DRAFT = InterviewDraft(
    "必谈", HELD, ("王组长", "李记录"), "李记录", "张村长", subject_position="村委会主任"
)


@pytest.fixture
def rid(vault: Vault) -> str:
    with vault.session() as s:
        return create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id


def _scan(vault: Vault, data: bytes = b"signed transcript scan") -> str:
    with vault.session() as s:
        return vault.attachments.add(s, io.BytesIO(data), name="笔录签字.pdf").sha256


def test_numbers_are_generated_per_round(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        a = create_interview(s, rid, DRAFT)
        b = create_interview(s, rid, DRAFT)
        manual = create_interview(s, rid, replace(DRAFT, number="TH-2026-0010"))
        c = create_interview(s, rid, DRAFT)
    assert (a.number, b.number, manual.number, c.number) == (
        "TH-2026-0001",
        "TH-2026-0002",
        "TH-2026-0010",
        "TH-2026-0011",
    )
    assert a.interview_type is InterviewType.REQUIRED and a.interviewers == ("王组长", "李记录")
    with vault.session() as s, pytest.raises(Conflict):
        create_interview(s, rid, replace(DRAFT, number="TH-2026-0001"))
    with vault.session() as s:
        void_interview(s, c.id, "录入错误")
        # a deleted number is not handed out again: it may already be on paper
        assert create_interview(s, rid, DRAFT).number == "TH-2026-0012"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"interviewers": ("王组长",), "recorder": "王组长"}, "interviewers"),
        ({"interviewers": ("王组长", " 王组长 "), "recorder": "王组长"}, "interviewers"),
        ({"recorder": "赵旁听"}, "recorder"),
        ({"recorder": ""}, "recorder"),
        ({"subject_name": "  "}, "subject_name"),
        ({"interview_type": "闲谈"}, "type"),
        ({"held_at": datetime.now() + timedelta(days=3)}, "held_at"),
        ({"target_id": "no-such-target"}, None),
    ],
)
def test_validation(vault: Vault, rid: str, change: dict[str, object], field: str | None) -> None:
    draft = replace(DRAFT, **change)  # type: ignore[arg-type]
    with vault.session() as s:
        if field is None:
            with pytest.raises(NotFound):
                create_interview(s, rid, draft)
        else:
            with pytest.raises(ValidationError) as err:
                create_interview(s, rid, draft)
            assert err.value.details["field"] == field


def test_update_keeps_number_and_checks_version(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        iv = create_interview(s, rid, DRAFT)
        updated = update_interview(
            s, iv.id, replace(DRAFT, summary="反映惠农补贴发放问题"), expected_version=1
        )
    assert updated.number == iv.number and updated.summary == "反映惠农补贴发放问题"
    with vault.session() as s, pytest.raises(Conflict):
        update_interview(s, iv.id, DRAFT, expected_version=1)


def test_transcript_set_and_append(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        iv = create_interview(s, rid, DRAFT)
        v = set_transcript(
            s,
            iv.id,
            [("你任职多久了？", "三年。"), Turn("分管哪些工作？", "财务。"), ("", "  ")],
        )
    assert v.turns == (Turn("你任职多久了？", "三年。"), Turn("分管哪些工作？", "财务。"))
    with vault.session() as s:
        append_turn(s, iv.id, "补贴怎么发的？", "打卡发放。")
        v = set_transcript(
            s, iv.id, [("只剩这一问", "好")], expected_version=get_interview(s, iv.id).meta.version
        )
        v = append_turn(s, iv.id, "还有吗？")
    assert [t.question for t in v.turns] == ["只剩这一问", "还有吗？"]
    with vault.session() as s, pytest.raises(ValidationError) as err:
        append_turn(s, iv.id, " ", "")
    assert err.value.details["field"] == "turns"
    with vault.session() as s, pytest.raises(Conflict):
        set_transcript(s, iv.id, [], expected_version=1)


def test_confirmation_rules(vault: Vault, rid: str) -> None:
    sha = _scan(vault)
    with vault.session() as s:
        iv = create_interview(s, rid, DRAFT)
        append_turn(s, iv.id, "问", "答")
    with vault.session() as s, pytest.raises(ValidationError) as err:
        confirm_interview(s, iv.id, date(2026, 3, 11), "0" * 64)
    assert err.value.details["field"] == "scan_sha256"
    with vault.session() as s, pytest.raises(ValidationError) as err:
        confirm_interview(s, iv.id, date(2026, 3, 9), sha)
    assert err.value.details["field"] == "confirmed_on"
    with vault.session() as s, pytest.raises(ValidationError) as err:
        confirm_interview(s, iv.id, date.today() + timedelta(days=5), sha)
    assert err.value.details["field"] == "confirmed_on"
    with vault.session() as s:
        done = confirm_interview(s, iv.id, date(2026, 3, 10), sha.upper())
    assert done.confirmed and done.confirmation_sha256 == sha
    # the signed wording is frozen
    with vault.session() as s, pytest.raises(InterviewStateError) as state:
        append_turn(s, iv.id, "再问一句", "")
    assert state.value.code == "WB-WORKFLOW"
    with vault.session() as s, pytest.raises(InterviewStateError):
        set_transcript(s, iv.id, [])
    with vault.session() as s, pytest.raises(ValidationError) as err:
        update_interview(s, iv.id, replace(DRAFT, held_at=datetime(2026, 3, 12, 9)))
    assert err.value.details["field"] == "held_at"


def test_revoke_needs_team_leader(vault: Vault, rid: str, store_dir: Path) -> None:
    sha = _scan(vault)
    with vault.session() as s:
        iv = create_interview(s, rid, DRAFT)
        confirm_interview(s, iv.id, date(2026, 3, 10), sha)
    add_user(vault, "member", "another horse 巡察 staple", ("组员",))
    member = Vault.open(store_dir, "member", "another horse 巡察 staple")
    try:
        with member.session() as s, pytest.raises(PermissionDenied):
            revoke_confirmation(s, iv.id)
    finally:
        member.lock()
    with vault.session() as s:
        v = revoke_confirmation(s, iv.id)
        assert not v.confirmed and v.confirmation_sha256 is None
        append_turn(s, iv.id, "更正后的问题", "答")
    with vault.session() as s, pytest.raises(InterviewStateError):
        revoke_confirmation(s, iv.id)


def test_list_filters(vault: Vault, rid: str) -> None:
    sha = _scan(vault)
    with vault.session() as s:
        t = create_target(s, rid, TargetDraft("东风村党支部", "村", "重点关注"))
        a = create_interview(s, rid, replace(DRAFT, target_id=t.id))
        b = create_interview(
            s, rid, replace(DRAFT, interview_type="自愿来谈", held_at=datetime(2026, 3, 12, 23, 0))
        )
        c = create_interview(
            s, rid, replace(DRAFT, held_at=datetime(2026, 3, 1), subject_name="刘会计")
        )
        confirm_interview(s, c.id, date(2026, 3, 2), sha)
    with vault.read() as s:
        ids = lambda **kw: [v.id for v in list_interviews(s, round_id=rid, **kw).items]  # noqa: E731
        assert ids() == [c.id, a.id, b.id]  # by time held
        assert ids(target_id=t.id) == [a.id]
        assert ids(interview_type=InterviewType.VOLUNTARY) == [b.id]
        assert ids(date_from=date(2026, 3, 10)) == [a.id, b.id]
        assert ids(date_to=date(2026, 3, 12)) == [c.id, a.id, b.id]  # the whole last day
        assert ids(date_from=date(2026, 3, 11), date_to=date(2026, 3, 11)) == []
        assert ids(confirmed=True) == [c.id]
        assert ids(confirmed=False) == [a.id, b.id]
        assert ids(subject_contains="会计") == [c.id]
        page = list_interviews(s, round_id=rid, offset=1, limit=1)
    assert page.total == 3 and [v.id for v in page.items] == [a.id]


def test_interviews_are_searchable_with_their_transcript(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        iv = create_interview(s, rid, DRAFT)
        set_transcript(s, iv.id, [("青苗补偿款怎么发的？", "由村会计统一发放。")])
    with vault.read() as s:
        assert [h.record_id for h in search(s, "青苗补偿", types=["interview"])] == [iv.id]
        assert [h.record_id for h in search(s, "张村长", types=["interview"])] == [iv.id]
    with vault.session() as s:
        append_turn(s, iv.id, "集体资产发包情况？", "去年发包鱼塘。")
    with vault.read() as s:
        assert [h.record_id for h in search(s, "鱼塘", types=["interview"])] == [iv.id]
