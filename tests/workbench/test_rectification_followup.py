"""整改 follow-through: the item's new fields, 整改方案/报告 with their periods and review,
supervision entries and 督办, 质效评估 and the 新官理旧账 提醒函 — allowed and refused by role."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import workbench.services  # noqa: F401  (registers the search-index hook)
from workbench.errors import PermissionDenied, ValidationError
from workbench.services.rectification import (
    EvidenceEntry,
    RectificationDraft,
    RectificationStateError,
    create_rectification,
    get_rectification,
    list_rectifications,
    review_rectification,
    set_evidence_catalog,
    set_rectification_status,
    update_rectification,
)
from workbench.services.rectification_documents import (
    DocumentDraft,
    create_document,
    list_documents,
    review_document,
    submit_document,
    update_document,
)
from workbench.services.rectification_followup import (
    ReminderDraft,
    SupervisionDraft,
    add_supervision,
    assess_target,
    create_reminder,
    list_assessments,
    list_supervisions,
    mark_reminder_sent,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.targets import TargetDraft, create_target
from workbench.services.users import add_user
from workbench.store.vault import Vault
from workbench.vocab.enums import (
    Grade,
    RectificationDocKind,
    RectificationDocStatus,
    RectificationStatus,
    SupervisionAgency,
)

S = RectificationStatus
D = RectificationDocStatus
OFFICE_PASS = "office horse 巡察 staple"


@pytest.fixture
def rid(vault: Vault) -> str:
    with vault.session() as s:
        return create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id


@pytest.fixture
def tid(vault: Vault, rid: str) -> str:
    with vault.session() as s:
        return create_target(s, rid, TargetDraft("城关镇党委", "乡镇（街道）", "一般关注")).id


@pytest.fixture
def office(vault: Vault, store_dir: Path) -> Iterator[Vault]:
    """A 巡察办 user beside the fixture's 组长."""
    add_user(vault, "office", OFFICE_PASS, ("巡察办",), display_name="赵主任")
    v = Vault.open(store_dir, "office", OFFICE_PASS)
    yield v
    v.lock()


def _item(vault: Vault, rid: str, tid: str, due: date | None = date(2026, 6, 30)) -> str:
    draft = RectificationDraft(
        "村级财务公开不及时",
        target_id=tid,
        due_date=due,
        goal="按季度公开村务财务",
        specific_person="李会计",
        responsible_person="张书记",
    )
    with vault.session() as s:
        return create_rectification(s, rid, draft).id


def _sha(vault: Vault, data: bytes = b"evidence") -> str:
    with vault.session() as s:
        return vault.attachments.add(s, io.BytesIO(data), name="佐证.pdf").sha256


# -- the item's new fields --------------------------------------------------------------------


def test_item_keeps_goal_and_specific_person(vault: Vault, rid: str, tid: str) -> None:
    item = _item(vault, rid, tid)
    with vault.read() as s:
        v = get_rectification(s, item)
    assert (v.goal, v.specific_person, v.responsible_person) == (
        "按季度公开村务财务",
        "李会计",
        "张书记",
    )
    with vault.session() as s, pytest.raises(ValidationError) as err:
        update_rectification(s, item, RectificationDraft("x", specific_person="长" * 41))
    assert err.value.details["field"] == "specific_person"


def test_evidence_catalog_names_and_links(vault: Vault, rid: str, tid: str) -> None:
    item = _item(vault, rid, tid)
    sha = _sha(vault)
    with vault.session() as s:
        v = set_evidence_catalog(
            s, item, [EvidenceEntry("村务公开栏照片", sha), EvidenceEntry("整改会议纪要")]
        )
    assert v.evidence_catalog == (
        EvidenceEntry("村务公开栏照片", sha),
        EvidenceEntry("整改会议纪要"),
    )
    assert v.evidence_sha256 == (sha,)  # the linked file counts as evidence for 销号
    for bad in ([EvidenceEntry("  ")], [EvidenceEntry("照片", "f" * 64)]):
        with vault.session() as s, pytest.raises(ValidationError):
            set_evidence_catalog(s, item, bad)
    with vault.read() as s:  # a refusal leaves the catalog as it was
        assert len(get_rectification(s, item).evidence_catalog) == 2


def test_review_opinion_is_the_office_s(vault: Vault, office: Vault, rid: str, tid: str) -> None:
    item = _item(vault, rid, tid)
    with vault.session() as s, pytest.raises(PermissionDenied):  # 组长 is not 巡察办
        review_rectification(s, item, "同意", date(2026, 6, 1))
    with office.session() as s:
        v = review_rectification(s, item, "措施具体，同意按期推进", date(2026, 6, 1))
    assert (v.review_opinion, v.reviewed_on, v.reviewed_by) == (
        "措施具体，同意按期推进",
        date(2026, 6, 1),
        "赵主任",
    )
    with office.session() as s, pytest.raises(ValidationError):
        review_rectification(s, item, "", date(2026, 6, 1))


def test_closed_item_refuses_catalog_and_review(
    vault: Vault, office: Vault, rid: str, tid: str
) -> None:
    item = _item(vault, rid, tid)
    sha = _sha(vault)
    with vault.session() as s:
        set_rectification_status(s, item, S.IN_PROGRESS)
        set_rectification_status(s, item, S.DONE, closed_on=date(2026, 6, 1), evidence_sha256=[sha])
    with vault.session() as s, pytest.raises(RectificationStateError):
        set_evidence_catalog(s, item, [EvidenceEntry("补充材料")])
    with office.session() as s, pytest.raises(RectificationStateError):
        review_rectification(s, item, "同意", date(2026, 6, 2))


def test_overdue_filter_for_today(vault: Vault, rid: str, tid: str) -> None:
    late = _item(vault, rid, tid, due=date(2020, 1, 1))
    _item(vault, rid, tid, due=date(2099, 1, 1))
    with vault.read() as s:
        assert [v.id for v in list_rectifications(s, round_id=rid, overdue=True).items] == [late]


# -- 整改方案 / 整改报告 -----------------------------------------------------------------------


def test_documents_due_within_the_period_after_feedback(vault: Vault, rid: str, tid: str) -> None:
    with vault.session() as s:
        plan = create_document(s, rid, DocumentDraft("plan", tid, date(2026, 1, 31)))
        report = create_document(s, rid, DocumentDraft("整改报告", tid, date(2026, 1, 31)))
        own = create_document(
            s, rid, DocumentDraft("plan", tid, date(2026, 1, 31), due_on=date(2026, 2, 15))
        )
    assert (plan.kind, plan.status, plan.due_on) == (
        RectificationDocKind.PLAN,
        D.PENDING,
        date(2026, 2, 28),
    )
    assert report.due_on == date(2026, 3, 31)
    assert own.due_on == date(2026, 2, 15)
    assert plan.title == "整改方案"
    assert plan.overdue_on(date(2026, 3, 1)) and not plan.overdue_on(date(2026, 2, 28))
    with vault.read() as s:
        late = list_documents(s, round_id=rid, overdue_on=date(2026, 3, 1)).items
    assert {d.id for d in late} == {plan.id, own.id}
    for bad in (
        DocumentDraft("plan", None, date(2026, 1, 31)),
        DocumentDraft("plan", tid, None),
        DocumentDraft("方案", tid, date(2026, 1, 31)),
        DocumentDraft("plan", tid, date(2026, 1, 31), due_on=date(2026, 1, 1)),
    ):
        with vault.session() as s, pytest.raises(ValidationError):
            create_document(s, rid, bad)


def test_document_submit_review_and_return(vault: Vault, office: Vault, rid: str, tid: str) -> None:
    with vault.session() as s:
        doc = create_document(s, rid, DocumentDraft("plan", tid, date(2026, 1, 31))).id
    with office.session() as s, pytest.raises(RectificationStateError):  # not submitted yet
        review_document(s, doc, approve=True, note="", reviewed_on=date(2026, 2, 20))
    sha = _sha(vault, b"plan scan")
    with vault.session() as s:
        v = submit_document(s, doc, date(2026, 3, 5), [sha])
    assert (v.status, v.late, v.attachment_sha256) == (D.SUBMITTED, True, (sha,))
    with vault.session() as s, pytest.raises(PermissionDenied):  # review is 巡察办's
        review_document(s, doc, approve=True, note="", reviewed_on=date(2026, 3, 6))
    with office.session() as s, pytest.raises(ValidationError):  # a return needs its reason
        review_document(s, doc, approve=False, note=" ", reviewed_on=date(2026, 3, 6))
    with office.session() as s:
        v = review_document(s, doc, approve=False, note="措施不具体", reviewed_on=date(2026, 3, 6))
    assert (v.status, v.review_note, v.reviewed_by) == (D.RETURNED, "措施不具体", "赵主任")
    with vault.session() as s:
        submit_document(s, doc, date(2026, 3, 10))
    with office.session() as s:
        v = review_document(s, doc, approve=True, note="", reviewed_on=date(2026, 3, 11))
    assert v.status is D.APPROVED
    with vault.session() as s, pytest.raises(RectificationStateError):  # passed: no more edits
        update_document(s, doc, DocumentDraft("plan", tid, date(2026, 1, 31), title="改"))
    with vault.session() as s, pytest.raises(RectificationStateError) as err:
        submit_document(s, doc, date(2026, 3, 12))
    assert err.value.message == "整改方案当前为“巡察办审核通过”，不能再次报送"


# -- supervision, 督办 -------------------------------------------------------------------------


def test_supervision_on_an_overdue_item_is_a_duban(vault: Vault, rid: str, tid: str) -> None:
    late = _item(vault, rid, tid, due=date(2026, 3, 31))
    on_time = _item(vault, rid, tid, due=date(2026, 12, 31))
    with vault.session() as s:
        a = add_supervision(
            s,
            rid,
            SupervisionDraft(tid, "纪委监委", date(2026, 4, 10), "实地督查", "公开栏未更新", late),
        )
        b = add_supervision(
            s,
            rid,
            SupervisionDraft(tid, "organization_dept", date(2026, 4, 10), "听取汇报", "", on_time),
        )
        c = add_supervision(s, rid, SupervisionDraft(tid, "组织部", date(2026, 4, 11), "约谈"))
    assert (a.agency, a.escalated, a.found) == (
        SupervisionAgency.DISCIPLINE_COMMISSION,
        True,
        "公开栏未更新",
    )
    assert not b.escalated and c.rectification_id is None
    with vault.read() as s:
        assert [v.id for v in list_supervisions(s, target_id=tid, escalated=True).items] == [a.id]
        assert list_supervisions(s, rectification_id=on_time).total == 1
    with vault.session() as s, pytest.raises(ValidationError):
        add_supervision(s, rid, SupervisionDraft(tid, "审计局", date(2026, 4, 10), "督查"))
    with vault.session() as s, pytest.raises(ValidationError):
        add_supervision(s, rid, SupervisionDraft(tid, "组织部", date(2026, 4, 10), " "))


def test_supervision_item_must_belong_to_the_target(vault: Vault, rid: str, tid: str) -> None:
    with vault.session() as s:
        other = create_target(s, rid, TargetDraft("县交通运输局", "党政机关", "一般关注")).id
    item = _item(vault, rid, other)
    with vault.session() as s, pytest.raises(ValidationError) as err:
        add_supervision(s, rid, SupervisionDraft(tid, "组织部", date(2026, 4, 1), "督查", "", item))
    assert err.value.details["field"] == "rectification_id"


# -- 质效评估 ----------------------------------------------------------------------------------


def test_assessment_by_the_office_only(vault: Vault, office: Vault, rid: str, tid: str) -> None:
    with office.session() as s, pytest.raises(ValidationError):  # nothing to assess yet
        assess_target(s, rid, tid, "好", date(2026, 7, 1))
    _item(vault, rid, tid)
    with vault.session() as s, pytest.raises(PermissionDenied):
        assess_target(s, rid, tid, "好", date(2026, 7, 1))
    with office.session() as s:
        v = assess_target(s, rid, tid, "较好", date(2026, 7, 1), "整改总体到位")
    assert (v.grade, v.assessor, v.assessed_on) == (Grade.FAIRLY_GOOD, "赵主任", date(2026, 7, 1))
    with office.session() as s, pytest.raises(ValidationError):
        assess_target(s, rid, tid, "优秀", date(2026, 7, 1))
    with office.session() as s, pytest.raises(ValidationError):
        assess_target(s, rid, tid, "好", date(2099, 7, 1))
    with vault.read() as s:
        assert [a.id for a in list_assessments(s, target_id=tid)] == [v.id]


# -- 新官理旧账 提醒函 ---------------------------------------------------------------------------


def test_reminder_covers_the_open_items(vault: Vault, rid: str, tid: str) -> None:
    open_item = _item(vault, rid, tid)
    done = _item(vault, rid, tid)
    sha = _sha(vault)
    with vault.session() as s:
        set_rectification_status(s, done, S.IN_PROGRESS)
        set_rectification_status(s, done, S.DONE, closed_on=date(2026, 6, 1), evidence_sha256=[sha])
        v = create_reminder(s, rid, ReminderDraft(tid, "张书记", "王书记", date(2026, 6, 10)))
    assert v.rectification_ids == (open_item,) and v.sent_on is None
    with vault.session() as s:
        assert mark_reminder_sent(s, v.id, date(2026, 6, 12)).sent_on == date(2026, 6, 12)
    with vault.session() as s, pytest.raises(RectificationStateError):
        mark_reminder_sent(s, v.id, date(2026, 6, 13))
    for bad in (
        ReminderDraft(tid, "张书记", "张书记", date(2026, 6, 10)),
        ReminderDraft(tid, "张书记", "", date(2026, 6, 10)),
        ReminderDraft(tid, "张书记", "王书记", date(2026, 6, 10), sent_on=date(2026, 6, 1)),
    ):
        with vault.session() as s, pytest.raises(ValidationError):
            create_reminder(s, rid, bad)


def test_reminder_refused_when_nothing_is_open_or_by_a_member(
    vault: Vault, rid: str, tid: str, store_dir: Path
) -> None:
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_reminder(s, rid, ReminderDraft(tid, "张书记", "王书记", date(2026, 6, 10)))
    assert err.value.details["field"] == "rectification_ids"
    _item(vault, rid, tid)
    add_user(vault, "member", "another horse 巡察 staple", ("组员",))
    member = Vault.open(store_dir, "member", "another horse 巡察 staple")
    try:
        with member.session() as s, pytest.raises(PermissionDenied):
            create_reminder(s, rid, ReminderDraft(tid, "张书记", "王书记", date(2026, 6, 10)))
        with member.session() as s, pytest.raises(PermissionDenied):
            add_supervision(s, rid, SupervisionDraft(tid, "组织部", date(2026, 4, 1), "督查"))
        with member.session() as s, pytest.raises(PermissionDenied):
            create_document(s, rid, DocumentDraft("plan", tid, date(2026, 1, 31)))
    finally:
        member.lock()


def test_void_keeps_a_tombstone_with_its_reason(
    vault: Vault, office: Vault, rid: str, tid: str
) -> None:
    from sqlalchemy import select

    from workbench.models import RectificationAssessment, RectificationSupervision
    from workbench.services.rectification_followup import void_followup

    _item(vault, rid, tid)
    with vault.session() as s:
        sup = add_supervision(s, rid, SupervisionDraft(tid, "组织部", date(2026, 4, 1), "督查"))
    with office.session() as s:
        graded = assess_target(s, rid, tid, "好", date(2026, 7, 1))
    with vault.session() as s, pytest.raises(ValidationError):  # no reason: nothing voided
        void_followup(s, "supervision", sup.id, " ")
    with vault.session() as s, pytest.raises(PermissionDenied):  # the assessment is the office's
        void_followup(s, "assessment", graded.id, "评错了单位")
    with vault.session() as s:
        void_followup(s, "supervision", sup.id, "重复登记")
    with office.session() as s:
        void_followup(s, "assessment", graded.id, "评错了单位")
    with vault.read() as s:
        assert list_supervisions(s, target_id=tid).total == 0
        row = s.scalars(select(RectificationSupervision)).one()
        assert row.deleted_at is not None and row.void_reason == "重复登记"
    with office.read() as s:
        assert list_assessments(s, target_id=tid) == []
        assert s.scalars(select(RectificationAssessment)).one().void_reason == "评错了单位"
