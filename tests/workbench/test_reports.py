"""Report records (versions, approval 草稿 → 报审 → 已批准) and 立卷归档 items."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

import workbench.services  # noqa: F401  (registers the search-index hook)
from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError
from workbench.models import Clue, Finding
from workbench.services.portraits import RecordRef
from workbench.services.reports import (
    ArchiveDraft,
    ReportDraft,
    ReportStateError,
    approve_report,
    create_archive_item,
    create_report,
    get_archive_item,
    get_report,
    list_archive_items,
    list_reports,
    new_report_version,
    return_report,
    submit_report,
    update_archive_item,
    update_report,
    void_archive_item,
    void_report,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.users import add_user
from workbench.store.vault import Vault
from workbench.vocab.enums import (
    ApprovalState,
    CadreLevel,
    ClueStatus,
    ClueTransferUnit,
    FindingStatus,
    ReportType,
    Retention,
    TransferMode,
)

A = ApprovalState
DRAFT = ReportDraft("巡察报告", "关于对城关镇党委巡察情况的报告", body="一、基本情况……")


@pytest.fixture
def rid(vault: Vault) -> str:
    with vault.session() as s:
        return create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id


def _finding(vault: Vault, rid: str, status: FindingStatus, number: str) -> str:
    with vault.session() as s:
        row = Finding(
            round_id=rid,
            number=number,
            title="财务公开不及时",
            compiled_on=date(2026, 3, 1),
            method_code="FS-06",
            status=status,
        )
        s.add(row)
        s.flush()
        return row.id


def _clue(vault: Vault, rid: str) -> str:
    with vault.session() as s:
        row = Clue(
            round_id=rid,
            number="XS-2026-0001",
            subject_name="某镇长",
            subject_level=CadreLevel.COUNTY,
            problem="违规收受礼金",
            transfer_unit=ClueTransferUnit.DISCIPLINE_COMMISSION,
            transfer_mode=TransferMode.SINGLE,
            status=ClueStatus.REGISTERED,
        )
        s.add(row)
        s.flush()
        return row.id


def _member(vault: Vault, store_dir: Path) -> Vault:
    add_user(vault, "member", "another horse 巡察 staple", ("组员",))
    return Vault.open(store_dir, "member", "another horse 巡察 staple")


def test_create_and_validation(vault: Vault, rid: str) -> None:
    approved = _finding(vault, rid, FindingStatus.APPROVED, "DG-2026-0001")
    with vault.session() as s:
        r = create_report(s, rid, replace(DRAFT, finding_ids=(approved, approved)))
    assert (r.report_type, r.doc_version, r.approval) == (ReportType.INSPECTION, 1, A.DRAFT)
    assert r.finding_ids == (approved,)
    cases: list[tuple[ReportDraft, str]] = [
        (replace(DRAFT, title=""), "title"),
        (replace(DRAFT, report_type="年度总结"), "report_type"),
        (replace(DRAFT, finding_ids=("missing",)), "finding_ids"),
        (replace(DRAFT, clue_ids=("missing",)), "clue_ids"),
        (replace(DRAFT, attachment_sha256="0" * 64), "attachment_sha256"),
        # clues never go into the 巡察报告 itself
        (replace(DRAFT, clue_ids=(_clue(vault, rid),)), "clue_ids"),
    ]
    for draft, field in cases:
        with vault.session() as s, pytest.raises(ValidationError) as err:
            create_report(s, rid, draft)
        assert err.value.details["field"] == field, field


def test_clue_report_links_clues_and_file(vault: Vault, rid: str) -> None:
    clue = _clue(vault, rid)
    with vault.session() as s:
        sha = vault.attachments.add(s, io.BytesIO(b"docx"), name="线索报告.docx").sha256
        r = create_report(
            s,
            rid,
            ReportDraft("线索报告", "问题线索专题报告", clue_ids=(clue,), attachment_sha256=sha),
        )
    assert r.clue_ids == (clue,) and r.attachment_sha256 == sha


def test_approval_workflow_and_version_bump(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        r = create_report(s, rid, DRAFT)
    with vault.session() as s:
        r = submit_report(s, r.id)
    assert r.approval is A.SUBMITTED
    # what was submitted is what gets read: no edits, no new version, no second submit
    for act in (
        lambda s: update_report(s, r.id, DRAFT),
        lambda s: new_report_version(s, r.id),
        lambda s: submit_report(s, r.id),
    ):
        with vault.session() as s, pytest.raises(ReportStateError) as err:
            act(s)
        assert err.value.code == "WB-WORKFLOW"
    with vault.session() as s, pytest.raises(ValidationError):
        return_report(s, r.id, "  ")  # a return says why
    with vault.session() as s:
        r = return_report(s, r.id, "数据口径不一致，请核实后重报")
    assert r.approval is A.DRAFT and r.return_reason == "数据口径不一致，请核实后重报"
    with vault.session() as s:
        r = update_report(s, r.id, replace(DRAFT, body="修改后的正文"))
        submit_report(s, r.id)
    with vault.session() as s:
        r = approve_report(s, r.id)
    assert r.approval is A.APPROVED and r.doc_version == 1
    for act in (
        lambda s: approve_report(s, r.id),
        lambda s: return_report(s, r.id, "数据口径不一致，请核实后重报"),
        lambda s: update_report(s, r.id, DRAFT),
        lambda s: submit_report(s, r.id),
        lambda s: void_report(s, r.id, "录入错误"),  # an approved report is archived, not deleted
    ):
        with vault.session() as s, pytest.raises(ReportStateError):
            act(s)
    with vault.session() as s:
        r = new_report_version(s, r.id)
    assert (r.doc_version, r.approval) == (2, A.DRAFT)
    with vault.session() as s:
        assert new_report_version(s, r.id).doc_version == 3  # a draft may be re-versioned
    with vault.session() as s, pytest.raises(ReportStateError):
        approve_report(s, r.id)  # not submitted


def test_submit_needs_approved_findings(vault: Vault, rid: str) -> None:
    draft_finding = _finding(vault, rid, FindingStatus.REVIEWED, "DG-2026-0002")
    with vault.session() as s:
        r = create_report(s, rid, replace(DRAFT, finding_ids=(draft_finding,)))
    with vault.session() as s, pytest.raises(ReportStateError) as err:
        submit_report(s, r.id)
    assert "DG-2026-0002" in err.value.message


def test_approve_and_return_need_team_leader(vault: Vault, rid: str, store_dir: Path) -> None:
    with vault.session() as s:
        r = create_report(s, rid, DRAFT)
    member = _member(vault, store_dir)
    try:
        with member.session() as s:
            submit_report(s, r.id)  # anyone on the team may submit
        with member.session() as s, pytest.raises(PermissionDenied):
            approve_report(s, r.id)
        with member.session() as s, pytest.raises(PermissionDenied):
            return_report(s, r.id, "数据口径不一致，请核实后重报")
    finally:
        member.lock()


def test_update_version_check_list_and_delete(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        a = create_report(s, rid, DRAFT)
        b = create_report(s, rid, ReportDraft("反馈意见", "巡察反馈意见"))
    with vault.session() as s:
        update_report(s, a.id, replace(DRAFT, body="二稿"), expected_version=1)
    with vault.session() as s, pytest.raises(Conflict):
        update_report(s, a.id, DRAFT, expected_version=1)
    with vault.session() as s:
        submit_report(s, b.id)
    with vault.read() as s:
        assert list_reports(s, round_id=rid).total == 2
        assert [r.id for r in list_reports(s, report_type="反馈意见").items] == [b.id]
        assert [r.id for r in list_reports(s, approval=A.DRAFT).items] == [a.id]
        assert [r.id for r in list_reports(s, round_id=rid, offset=1).items] == [b.id]
    with vault.session() as s:
        void_report(s, a.id, "录入错误")
    with vault.read() as s, pytest.raises(NotFound):
        get_report(s, a.id)


# -- 立卷归档 ----------------------------------------------------------------------------------

ARCHIVE = ArchiveDraft(
    "巡中了解", "谈话记录", "个别谈话记录汇编", "30年", item_no="1", volume_no="1"
)


def test_archive_crud_and_refs(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        r = create_report(s, rid, DRAFT)
        item = create_archive_item(s, rid, replace(ARCHIVE, refs=(RecordRef("report", r.id),)))
    assert item.retention is Retention.YEARS_30 and item.refs == (RecordRef("report", r.id),)
    with vault.session() as s:
        item2 = update_archive_item(
            s, item.id, replace(ARCHIVE, retention="永久"), expected_version=1
        )
    assert item2.retention is Retention.PERMANENT
    with vault.session() as s, pytest.raises(Conflict):
        update_archive_item(s, item.id, ARCHIVE, expected_version=1)
    with vault.session() as s:
        void_archive_item(s, item.id, "录入错误")
    with vault.read() as s, pytest.raises(NotFound):
        get_archive_item(s, item.id)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"stage": ""}, "stage"),
        ({"category": " "}, "category"),
        ({"title": ""}, "title"),
        ({"retention": "5年"}, "retention"),
        ({"refs": (RecordRef("finding", "missing"),)}, "refs"),
        ({"refs": (RecordRef("nonsense", "x"),)}, "refs"),
    ],
)
def test_archive_validation(vault: Vault, rid: str, change: dict[str, object], field: str) -> None:
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_archive_item(s, rid, replace(ARCHIVE, **change))  # type: ignore[arg-type]
    assert err.value.details["field"] == field


def test_archive_numbers_unique_per_volume_and_ordered(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        ten = create_archive_item(s, rid, replace(ARCHIVE, item_no="10", title="第十件"))
        two = create_archive_item(s, rid, replace(ARCHIVE, item_no="2", title="第二件"))
        one = create_archive_item(s, rid, ARCHIVE)
        other = create_archive_item(
            s, rid, replace(ARCHIVE, volume_no="2", stage="整改", retention="10年")
        )
    with vault.session() as s, pytest.raises(Conflict) as err:
        create_archive_item(s, rid, replace(ARCHIVE, title="重复件号"))
    assert err.value.details["field"] == "item_no"
    with vault.read() as s:
        ordered = [i.id for i in list_archive_items(s, round_id=rid).items]
        assert ordered == [one.id, two.id, ten.id, other.id]
        assert [i.id for i in list_archive_items(s, volume_no="1", limit=2).items] == [
            one.id,
            two.id,
        ]
        assert [i.id for i in list_archive_items(s, stage="整改").items] == [other.id]
        assert [i.id for i in list_archive_items(s, retention=Retention.YEARS_10).items] == [
            other.id
        ]
        assert list_archive_items(s, category="谈话记录").total == 4
