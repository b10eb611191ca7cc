"""The 整改台账 round trip: export, edit in "Excel" (openpyxl), import back through the
rectification services — invalid rows refused whole with the row number and the reason, and
then nothing saved (or the clean rows only, when asked), a dry run changing nothing."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import DONE_ON, Seeded
from workbench.models import AuditEntry
from workbench.reports import (
    DocRequest,
    LedgerFileInvalid,
    import_rectification_ledger,
    write_document,
)
from workbench.services import rectification as rect
from workbench.store.audit import verify_chain
from workbench.store.vault import Vault
from workbench.vocab.enums import Grade, RectificationStatus

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
S = RectificationStatus


def export(vault: Vault, seeded: Seeded, path: Path, code: str = "rectification") -> Path:
    with vault.read() as s:
        write_document(s, DocRequest(code, round_id=seeded.round_id), path, "xlsx")
    return path


class Sheet:
    """The exported ledger opened for editing, by column header and record id."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb = load_workbook(path)
        self.ws = self.wb["整改台账"]
        self.cols = {c.value: c.column for c in self.ws[1]}

    def row_of(self, record_id: str) -> int:
        col = self.cols["系统编号（勿改）"]
        return next(
            r for r in range(2, self.ws.max_row + 1) if self.ws.cell(r, col).value == record_id
        )

    def set(self, record_id: str, header: str, value: Any) -> int:
        row = self.row_of(record_id)
        self.ws.cell(row, self.cols[header]).value = value
        return row

    def add(self, **values: Any) -> int:
        row = self.ws.max_row + 1
        for header, value in values.items():
            self.ws.cell(row, self.cols[header]).value = value
        return row

    def save(self) -> Path:
        self.wb.save(self.path)
        return self.path


def get(vault: Vault, record_id: str) -> rect.RectificationView:
    with vault.read() as s:
        return rect.get_rectification(s, record_id)


@pytest.fixture
def sheet(seeded_copy: Vault, seeded: Seeded, tmp_path: Path) -> Sheet:
    return Sheet(export(seeded_copy, seeded, tmp_path / "整改台账.xlsx"))


def test_unchanged_ledger_imports_as_unchanged(seeded_copy: Vault, sheet: Sheet) -> None:
    report = import_rectification_ledger(seeded_copy, sheet.save())
    assert [o.action for o in report.outcomes] == ["unchanged"] * 3
    assert report.round_id is not None  # taken from the file's hidden _meta sheet


def test_valid_and_invalid_rows(seeded_copy: Vault, seeded: Seeded, sheet: Sheet) -> None:
    v = seeded_copy
    # valid: ledger fields and a step forward
    measures_row = sheet.set(seeded.rect_open, "整改措施", "追缴全部资金，逐村公示。")
    sheet.set(seeded.rect_open, "进展情况", "已追回3.2万元")
    sheet.set(seeded.rect_open, "整改状态", "推进中")
    sheet.set(seeded.rect_open, "整改时限", "2025/10/31")
    # invalid: 销号 without evidence — and its other edit must not be applied either
    bad_row = sheet.set(seeded.rect_progress, "整改状态", "已完成")
    sheet.set(seeded.rect_progress, "销号日期", date(2025, 7, 1))
    sheet.set(seeded.rect_progress, "牵头部门", "党政办")
    # invalid: backwards from 已完成
    back_row = sheet.set(seeded.rect_done, "整改状态", "推进中")
    # new row; and a row with a bad date
    new_row = sheet.add(
        **{"问题表现": "村务公开不及时", "被巡察单位": "城关镇党委", "整改时限": "2025-12-31"}
    )
    date_row = sheet.add(**{"问题表现": "另一个问题", "整改时限": "明年"})
    target_row = sheet.add(**{"问题表现": "第三个问题", "被巡察单位": "不存在的单位"})
    with v.read() as s:
        audits = len(s.scalars(select(AuditEntry)).all())

    # by default a refused row means nothing of the file is saved, every refusal reported
    whole = import_rectification_ledger(v, sheet.save())
    assert not whole.saved and len(whole.refused) == 4
    assert {o.row for o in whole.refused} == {bad_row, back_row, date_row, target_row}
    assert {o.row: o.action for o in whole.outcomes}[measures_row] == "updated"  # would be
    assert get(v, seeded.rect_open).measures == "追缴资金，建立公示制度。"
    with v.read() as s:
        assert len(rect.list_rectifications(s, round_id=seeded.round_id).items) == 3
        assert len(s.scalars(select(AuditEntry)).all()) == audits

    report = import_rectification_ledger(v, sheet.path, clean_rows_only=True)
    assert report.saved and report.clean_rows_only
    outcomes = {o.row: o for o in report.outcomes}
    assert outcomes[measures_row].action == "updated"
    assert set(outcomes[measures_row].fields) == {"整改措施", "进展情况", "整改状态", "整改时限"}
    assert outcomes[bad_row].action == "refused"
    assert "佐证" in outcomes[bad_row].reason
    assert outcomes[back_row].action == "refused"
    assert "已完成" in outcomes[back_row].reason and "推进中" in outcomes[back_row].reason
    assert outcomes[new_row].action == "created"
    assert (
        outcomes[date_row].action == "refused"
        and "整改时限“明年”不是有效日期" in outcomes[date_row].reason
    )
    assert (
        outcomes[target_row].action == "refused" and "不存在的单位" in outcomes[target_row].reason
    )
    assert len(report.updated) == 1 and len(report.created) == 1 and len(report.refused) == 4

    updated = get(v, seeded.rect_open)
    assert updated.measures == "追缴全部资金，逐村公示。" and updated.status is S.IN_PROGRESS
    assert updated.due_date == date(2025, 10, 31) and updated.progress_notes == "已追回3.2万元"
    refused = get(v, seeded.rect_progress)
    assert refused.status is S.IN_PROGRESS and refused.lead_department == ""  # nothing applied
    assert get(v, seeded.rect_done).status is S.DONE
    with v.read() as s:
        items = rect.list_rectifications(s, round_id=seeded.round_id).items
        new = next(i for i in items if i.problem == "村务公开不及时")
        assert new.target_id == seeded.t1 and new.number.startswith("ZG-2025-")
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "report.import")).one()
        assert '"refused": 4' in entry.detail and '"updated": 1' in entry.detail
        verify_chain(s)  # the refused rows' savepoints, rolled back, left no hole in the chain


def test_done_with_evidence_steps_forward_and_grades(
    seeded_copy: Vault,
    seeded: Seeded,
    sheet: Sheet,
) -> None:
    with seeded_copy.session() as s:
        rect.add_rectification_evidence(s, seeded.rect_open, [seeded.evidence_sha])
    sheet = Sheet(export(seeded_copy, seeded, sheet.path))  # the version moved on: export again
    row = sheet.set(seeded.rect_open, "整改状态", "已完成")
    sheet.set(seeded.rect_open, "销号日期", "2025年7月15日")
    sheet.set(seeded.rect_open, "评估等次", "较好")
    sheet.set(seeded.rect_done, "评估等次", "一般")
    report = import_rectification_ledger(seeded_copy, sheet.save())
    assert {o.row: o.action for o in report.outcomes}[row] == "updated"
    done = get(seeded_copy, seeded.rect_open)
    assert done.status is S.DONE and done.closed_on == date(2025, 7, 15)  # via 推进中
    assert done.grade is Grade.FAIRLY_GOOD
    assert get(seeded_copy, seeded.rect_done).grade is Grade.FAIR


def test_rows_changed_in_the_store_since_export_are_refused(
    seeded_copy: Vault,
    seeded: Seeded,
    sheet: Sheet,
) -> None:
    with seeded_copy.session() as s:
        view = rect.get_rectification(s, seeded.rect_open)
        rect.update_rectification(
            s,
            view.id,
            rect.RectificationDraft(view.problem, target_id=view.target_id, measures="办公室改的"),
        )
    row = sheet.set(seeded.rect_open, "整改措施", "单位填的")
    report = import_rectification_ledger(seeded_copy, sheet.save())
    outcome = {o.row: o for o in report.outcomes}[row]
    assert outcome.action == "refused" and "导出台账后已被修改" in outcome.reason
    assert get(seeded_copy, seeded.rect_open).measures == "办公室改的"


def test_closing_date_alone_and_duplicate_ids_are_refused(
    seeded_copy: Vault,
    seeded: Seeded,
    sheet: Sheet,
) -> None:
    row = sheet.set(seeded.rect_done, "销号日期", date(2025, 6, 21))
    copy = sheet.add(**{"问题表现": "复制的行", "系统编号（勿改）": seeded.rect_open})
    gone = sheet.add(**{"问题表现": "已删除的", "系统编号（勿改）": "no-such-id"})
    outcomes = {o.row: o for o in import_rectification_ledger(seeded_copy, sheet.save()).outcomes}
    assert outcomes[row].action == "refused" and "销号日期" in outcomes[row].reason
    assert outcomes[copy].action == "refused" and "系统编号重复" in outcomes[copy].reason
    assert outcomes[gone].action == "refused" and "没有此整改事项" in outcomes[gone].reason
    assert get(seeded_copy, seeded.rect_done).closed_on == DONE_ON


def test_dry_run_checks_everything_and_changes_nothing(
    seeded_copy: Vault,
    seeded: Seeded,
    sheet: Sheet,
) -> None:
    ok = sheet.set(seeded.rect_open, "整改措施", "新措施")
    bad = sheet.set(seeded.rect_progress, "整改状态", "已完成")
    new = sheet.add(**{"问题表现": "新增"})
    with seeded_copy.read() as s:
        audits = len(s.scalars(select(AuditEntry)).all())
    report = import_rectification_ledger(seeded_copy, sheet.save(), dry_run=True)
    actions = {o.row: o.action for o in report.outcomes}
    assert (actions[ok], actions[bad], actions[new]) == ("updated", "refused", "created")
    assert report.dry_run
    assert get(seeded_copy, seeded.rect_open).measures == "追缴资金，建立公示制度。"
    with seeded_copy.read() as s:
        assert len(rect.list_rectifications(s, round_id=seeded.round_id).items) == 3
        assert len(s.scalars(select(AuditEntry)).all()) == audits


def test_files_that_are_not_this_ledger_are_refused(
    seeded_copy: Vault,
    seeded: Seeded,
    tmp_path: Path,
) -> None:
    text = tmp_path / "x.xlsx"
    text.write_text("not a workbook")
    with pytest.raises(LedgerFileInvalid) as err:
        import_rectification_ledger(seeded_copy, text)
    assert err.value.code == "WB-LEDGER-INVALID"
    letters = export(seeded_copy, seeded, tmp_path / "letters.xlsx", "letter-ledger")
    with pytest.raises(LedgerFileInvalid, match="其他台账"):
        import_rectification_ledger(seeded_copy, letters)
    wb = Workbook()
    wb.active.append(["编号", "整改措施"])
    wb.save(tmp_path / "headers.xlsx")
    with pytest.raises(LedgerFileInvalid, match=r"系统编号.*问题表现.*整改状态"):
        import_rectification_ledger(seeded_copy, tmp_path / "headers.xlsx")
    ledger = export(seeded_copy, seeded, tmp_path / "r.xlsx")
    with pytest.raises(LedgerFileInvalid, match="其他巡察轮次"):
        import_rectification_ledger(seeded_copy, ledger, round_id="another-round")


def test_a_rewritten_file_without_meta_still_imports(
    seeded_copy: Vault,
    seeded: Seeded,
    sheet: Sheet,
) -> None:
    row = sheet.set(seeded.rect_open, "分管领导", "周建华")
    del sheet.wb["_meta"]
    buf = io.BytesIO()
    sheet.wb.save(buf)
    sheet.path.write_bytes(buf.getvalue())
    report = import_rectification_ledger(seeded_copy, sheet.path, round_id=seeded.round_id)
    assert {o.row: o.action for o in report.outcomes}[row] == "updated"
    assert get(seeded_copy, seeded.rect_open).leader_in_charge == "周建华"


def test_a_formula_without_its_result_refuses_its_row(
    seeded_copy: Vault,
    seeded: Seeded,
    sheet: Sheet,
) -> None:
    # openpyxl, like a script, saves a formula without the value Excel would have computed:
    # read with the cached values only, it would blank 整改措施
    row = sheet.set(seeded.rect_open, "整改措施", '=CONCATENATE("追缴", "资金")')
    report = import_rectification_ledger(seeded_copy, sheet.save())
    outcome = {o.row: o for o in report.outcomes}[row]
    assert outcome.action == "refused" and not report.saved
    assert outcome.reason == "“整改措施”是公式且没有计算结果，请在 Excel 中重新计算并保存后再导入"
    assert get(seeded_copy, seeded.rect_open).measures == "追缴资金，建立公示制度。"


def test_a_formula_with_its_result_imports_the_result(
    seeded_copy: Vault,
    seeded: Seeded,
    sheet: Sheet,
) -> None:
    row = sheet.set(seeded.rect_open, "整改措施", "=A1")
    ref = sheet.ws.cell(row, sheet.cols["整改措施"]).coordinate
    sheet.save()
    # what Excel saves after computing: the formula and its cached result
    with zipfile.ZipFile(sheet.path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    start = xml.index(f'<c r="{ref}"')
    end = xml.index("</c>", start) + len("</c>")
    parts["xl/worksheets/sheet1.xml"] = (
        xml[:start] + f'<c r="{ref}" t="str"><f>A1</f><v>逐村公示</v></c>' + xml[end:]
    ).encode()
    with zipfile.ZipFile(sheet.path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = import_rectification_ledger(seeded_copy, sheet.path)
    assert {o.row: o.action for o in report.outcomes}[row] == "updated" and report.saved
    assert get(seeded_copy, seeded.rect_open).measures == "逐村公示"


def test_goal_and_specific_person_round_trip_and_an_older_layout_keeps_them(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    v = seeded_copy
    item = get(v, seeded.rect_open)
    with v.session() as s:
        draft = rect.RectificationDraft(
            item.problem,
            target_id=item.target_id,
            finding_id=item.finding_id,
            measures=item.measures,
            lead_department=item.lead_department,
            due_date=item.due_date,
            goal="年底前全部追回",
            specific_person="李会计",
        )
        rect.update_rectification(s, item.id, draft)
    sheet = Sheet(export(v, seeded, tmp_path / "整改台账.xlsx"))
    assert sheet.ws.cell(sheet.row_of(item.id), sheet.cols["整改目标"]).value == "年底前全部追回"
    sheet.set(item.id, "具体责任人", "王出纳")
    report = import_rectification_ledger(v, sheet.save())
    assert report.saved and get(v, item.id).specific_person == "王出纳"
    # a ledger exported before these columns existed: the stored texts stay
    old = Sheet(export(v, seeded, tmp_path / "旧台账.xlsx"))
    for header in ("具体责任人", "整改目标"):
        old.ws.delete_cols(old.cols[header])
        old.cols = {c.value: c.column for c in old.ws[1]}
    old.set(item.id, "进展情况", "已追回一半")
    report = import_rectification_ledger(v, old.save())
    assert report.saved
    stored = get(v, item.id)
    assert (stored.goal, stored.specific_person) == ("年底前全部追回", "王出纳")
    assert stored.progress_notes == "已追回一半"
