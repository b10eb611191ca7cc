"""整改台账: validation, every allowed and refused transition, 销号 evidence, overdue, grade."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

import workbench.services  # noqa: F401  (registers the search-index hook)
from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError
from workbench.models import Finding
from workbench.search import search
from workbench.services.rectification import (
    TRANSITIONS,
    RectificationDraft,
    RectificationStateError,
    add_rectification_evidence,
    create_rectification,
    get_rectification,
    grade_rectification,
    list_rectifications,
    overdue_rectifications,
    remove_rectification_evidence,
    set_rectification_status,
    update_rectification,
    void_rectification,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.targets import TargetDraft, create_target
from workbench.services.users import add_user
from workbench.store.vault import Vault
from workbench.vocab.enums import FindingStatus, Grade, RectificationStatus

S = RectificationStatus
DRAFT = RectificationDraft(
    "村级财务公开不及时，惠农补贴发放名单未公示",
    category="群众身边腐败问题",
    measures="建立村务公开台账，按季度公示",
    leader_in_charge="周镇长",
    lead_department="镇农经站",
    responsible_person="李会计",
    due_date=date(2026, 6, 30),
)


@pytest.fixture
def rid(vault: Vault) -> str:
    with vault.session() as s:
        return create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id


def _sha(vault: Vault, data: bytes = b"rectification evidence") -> str:
    with vault.session() as s:
        return vault.attachments.add(s, io.BytesIO(data), name="整改佐证.pdf").sha256


def _item(vault: Vault, rid: str, status: S = S.NOT_STARTED, **changes: object) -> str:
    """A ledger item walked along the workflow to ``status``."""
    with vault.session() as s:
        item = create_rectification(s, rid, replace(DRAFT, **changes))  # type: ignore[arg-type]
    if status is S.NOT_STARTED:
        return item.id
    with vault.session() as s:
        set_rectification_status(s, item.id, S.IN_PROGRESS)
    if status in (S.DONE, S.LONG_TERM):
        with vault.session() as s:
            set_rectification_status(
                s, item.id, status, closed_on=date(2026, 6, 1), evidence_sha256=[_sha(vault)]
            )
    return item.id


def test_create_numbers_and_fields(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        a = create_rectification(s, rid, DRAFT)
        b = create_rectification(s, rid, DRAFT)
    assert (a.number, b.number) == ("ZG-2026-0001", "ZG-2026-0002")
    assert a.status is S.NOT_STARTED and a.evidence_sha256 == () and a.grade is None
    with vault.session() as s, pytest.raises(Conflict):
        create_rectification(s, rid, replace(DRAFT, number="ZG-2026-0001"))


@pytest.mark.parametrize(
    ("change", "field", "error"),
    [
        ({"problem": " "}, "problem", ValidationError),
        ({"measures": "措" * 20001}, "measures", ValidationError),
        ({"lead_department": "部" * 121}, "lead_department", ValidationError),
        ({"due_date": "2026-06-30"}, "due_date", ValidationError),
        ({"finding_id": "missing"}, None, NotFound),
        ({"target_id": "missing"}, None, NotFound),
    ],
)
def test_validation(
    vault: Vault, rid: str, change: dict[str, object], field: str | None, error: type[Exception]
) -> None:
    with vault.session() as s, pytest.raises(error) as err:
        create_rectification(s, rid, replace(DRAFT, **change))  # type: ignore[arg-type]
    if field is not None:
        assert err.value.details["field"] == field  # type: ignore[attr-defined]


def test_links_to_a_finding_of_the_round(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        finding = Finding(
            round_id=rid,
            number="DG-2026-0001",
            title="财务公开不及时",
            compiled_on=date(2026, 3, 1),
            method_code="FS-06",
            status=FindingStatus.APPROVED,
        )
        s.add(finding)
        s.flush()
        item = create_rectification(s, rid, replace(DRAFT, finding_id=finding.id))
        assert list_rectifications(s, finding_id=finding.id).items == (item,)


@pytest.mark.parametrize(
    ("start", "to"),
    [(a, b) for a in S for b in S if b not in TRANSITIONS[a]],
)
def test_refused_transitions(vault: Vault, rid: str, start: S, to: S) -> None:
    item = _item(vault, rid, start)
    with vault.session() as s, pytest.raises(RectificationStateError) as err:
        set_rectification_status(
            s, item, to, closed_on=date(2026, 6, 1), evidence_sha256=[_sha(vault, b"x")]
        )
    assert err.value.code == "WB-WORKFLOW" and err.value.details["field"] == "status"


def test_allowed_transitions(vault: Vault, rid: str) -> None:
    sha = _sha(vault)
    with vault.session() as s:
        item = create_rectification(s, rid, DRAFT)
        started = set_rectification_status(s, item.id, "推进中", note="已制定整改方案")
    assert started.status is S.IN_PROGRESS and "【推进中】已制定整改方案" in started.progress_notes
    with vault.session() as s:
        done = set_rectification_status(
            s, item.id, S.DONE, closed_on=date(2026, 5, 20), evidence_sha256=[sha], note="已公示"
        )
    assert done.status is S.DONE and done.closed_on == date(2026, 5, 20)
    assert done.evidence_sha256 == (sha,) and done.progress_notes.count("【") == 2
    long_term = _item(vault, rid, S.IN_PROGRESS)
    with vault.session() as s:
        lt = set_rectification_status(s, long_term, "长期坚持")
    assert lt.status is S.LONG_TERM and lt.closed_on is None


def test_closing_needs_evidence_and_a_date(vault: Vault, rid: str) -> None:
    item = _item(vault, rid, S.IN_PROGRESS)
    with vault.session() as s, pytest.raises(ValidationError) as err:
        set_rectification_status(s, item, S.DONE, closed_on=date(2026, 5, 1))
    assert err.value.details["field"] == "evidence_sha256"
    with vault.session() as s, pytest.raises(ValidationError) as err:
        set_rectification_status(
            s, item, S.DONE, closed_on=date(2026, 5, 1), evidence_sha256=["ab" * 32]
        )
    assert err.value.details["field"] == "evidence_sha256"  # not in the attachments table
    sha = _sha(vault)
    with vault.session() as s, pytest.raises(ValidationError) as err:
        set_rectification_status(s, item, S.DONE, evidence_sha256=[sha])
    assert err.value.details["field"] == "closed_on"
    with vault.session() as s, pytest.raises(ValidationError) as err:
        future = date.today() + timedelta(days=10)
        set_rectification_status(s, item, S.DONE, closed_on=future, evidence_sha256=[sha])
    assert err.value.details["field"] == "closed_on"
    # evidence added earlier counts
    with vault.session() as s:
        add_rectification_evidence(s, item, [sha, sha.upper()])
        done = set_rectification_status(s, item, S.DONE, closed_on=date(2026, 5, 1))
    assert done.evidence_sha256 == (sha,)
    with vault.session() as s, pytest.raises(RectificationStateError):
        remove_rectification_evidence(s, item, sha)  # a 销号 item keeps its proof


def test_evidence_can_be_removed_before_closing(vault: Vault, rid: str) -> None:
    item = _item(vault, rid, S.IN_PROGRESS)
    a, b = _sha(vault, b"a"), _sha(vault, b"b")
    with vault.session() as s:
        add_rectification_evidence(s, item, [a, b])
        v = remove_rectification_evidence(s, item, a)
    assert v.evidence_sha256 == (b,)
    with vault.session() as s, pytest.raises(ValidationError):
        add_rectification_evidence(s, item, ["not-a-hash"])


def test_closing_and_grading_need_office_or_team_leader(
    vault: Vault, rid: str, store_dir: Path
) -> None:
    item = _item(vault, rid, S.IN_PROGRESS)
    sha = _sha(vault)
    add_user(vault, "member", "another horse 巡察 staple", ("组员",))
    member = Vault.open(store_dir, "member", "another horse 巡察 staple")
    try:
        with member.session() as s, pytest.raises(PermissionDenied):
            set_rectification_status(
                s, item, S.DONE, closed_on=date(2026, 5, 1), evidence_sha256=[sha]
            )
        with member.session() as s, pytest.raises(PermissionDenied):
            grade_rectification(s, item, "好")
        with member.session() as s:  # progress itself is anyone's to record
            add_rectification_evidence(s, item, [sha])
    finally:
        member.lock()


def test_grade_only_when_finished(vault: Vault, rid: str) -> None:
    open_item = _item(vault, rid, S.IN_PROGRESS)
    with vault.session() as s, pytest.raises(RectificationStateError):
        grade_rectification(s, open_item, "好")
    done = _item(vault, rid, S.DONE)
    long_term = _item(vault, rid, S.LONG_TERM)
    with vault.session() as s:
        assert grade_rectification(s, done, "较好").grade is Grade.FAIRLY_GOOD
        assert grade_rectification(s, long_term, Grade.GOOD).grade is Grade.GOOD
        assert grade_rectification(s, done, None).grade is None
    with vault.session() as s, pytest.raises(ValidationError) as err:
        grade_rectification(s, done, "优")
    assert err.value.details["field"] == "grade"


def test_overdue_flags(vault: Vault, rid: str) -> None:
    today = date(2026, 7, 1)
    late_ns = _item(vault, rid, S.NOT_STARTED, due_date=date(2026, 5, 31))
    late_ip = _item(vault, rid, S.IN_PROGRESS, due_date=date(2026, 6, 30))
    _item(vault, rid, S.IN_PROGRESS, due_date=today)  # due today is not late yet
    _item(vault, rid, S.NOT_STARTED, due_date=None)  # no deadline, never overdue
    _item(vault, rid, S.DONE, due_date=date(2026, 5, 1))
    _item(vault, rid, S.LONG_TERM, due_date=date(2026, 5, 1))
    with vault.read() as s:
        overdue = overdue_rectifications(s, rid, today)
        assert [v.id for v in overdue] == [late_ns, late_ip]  # most overdue first
        assert all(v.overdue_on(today) for v in overdue)
        listed = list_rectifications(s, round_id=rid, overdue_on=today)
        assert [v.id for v in listed.items] == [late_ns, late_ip]
        everything = list_rectifications(s, round_id=rid).items
        assert sum(v.overdue_on(today) for v in everything) == 2
        assert everything[-1].due_date is None  # undated items last


def test_list_filters_update_delete_and_search(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        t = create_target(s, rid, TargetDraft("城关镇党委", "乡镇（街道）", "一般关注"))
    a = _item(vault, rid, S.IN_PROGRESS, target_id=t.id, due_date=date(2026, 4, 1))
    b = _item(vault, rid, S.NOT_STARTED, due_date=date(2026, 8, 1))
    with vault.read() as s:
        ids = lambda **kw: [v.id for v in list_rectifications(s, round_id=rid, **kw).items]  # noqa: E731
        assert ids() == [a, b]
        assert ids(target_id=t.id) == [a]
        assert ids(status="未启动") == [b]
        assert ids(due_from=date(2026, 4, 2)) == [b]
        assert ids(due_to=date(2026, 4, 1)) == [a]
        assert [v.id for v in list_rectifications(s, round_id=rid, offset=1, limit=1).items] == [b]
        version = get_rectification(s, b).meta.version
    with vault.session() as s:
        v = update_rectification(
            s, b, replace(DRAFT, problem="鱼塘发包未经四议两公开"), expected_version=version
        )
    assert v.number == "ZG-2026-0002" and v.status is S.NOT_STARTED
    with vault.session() as s, pytest.raises(Conflict):
        update_rectification(s, b, DRAFT, expected_version=version)
    with vault.read() as s:
        assert [h.record_id for h in search(s, "四议两公开", types=["rectification"])] == [b]
    with vault.session() as s:
        void_rectification(s, b, "录入错误")
    with vault.read() as s:
        assert search(s, "四议两公开", types=["rectification"]) == []
        with pytest.raises(NotFound):
            get_rectification(s, b)
