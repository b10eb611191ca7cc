"""The 成文日期 a document prints when the user chose none: each type's own date from its
records (docs/documents.md "成文日期 defaults"), never the export day of a round long over; and
the 发文字号 register records that printed date, with its year in the number."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_content import build, text
from tests.workbench.test_docs_data import Seeded
from tests.workbench.test_docs_round_start import planned_copy
from workbench.reports import DocRequest, DocumentScopeError, export_document
from workbench.reports.context import fmt_date
from workbench.reports.numbers import list_numbers
from workbench.services import clues, reports
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
seeded_vault = docs_data.seeded_vault


@pytest.fixture
def planned(seeded: Seeded, tmp_path: Path) -> Iterator[Vault]:
    """准备 2025-02-20..03-09, 进驻 03-10..05-30, 反馈 by 07-15 (no 报告 phase: the round's end)."""
    with planned_copy(seeded, tmp_path, plan=True) as vault:
        yield vault


def _dated(doc: Any) -> list[str]:
    """The paragraphs that are a date alone: the 成文日期 under the 署名."""
    return [
        p.text.strip()
        for p in doc.paragraphs
        if p.text.strip().endswith("日") and p.text.strip()[:4].isdigit()
    ]


def _requests(s: Seeded) -> dict[str, DocRequest]:
    return {
        "work-plan": DocRequest("work-plan", round_id=s.round_id),
        "entry-notice": DocRequest("entry-notice", round_id=s.round_id, target_id=s.t1),
        "announcement": DocRequest("announcement", round_id=s.round_id, target_id=s.t1),
        "immediate-fix-notice": DocRequest("immediate-fix-notice", target_id=s.t1),
        "rectification-notice": DocRequest("rectification-notice", target_id=s.t1),
        "portrait": DocRequest("portrait", record_id=s.portrait),
    }


def test_each_type_is_dated_from_its_records(planned: Vault, seeded: Seeded) -> None:
    expected = {
        "work-plan": date(2025, 2, 20),  # the 准备 phase's start: the plan comes first
        "entry-notice": date(2025, 3, 9),  # the 准备 phase's end: before the 进驻 it announces
        "announcement": date(2025, 3, 9),
        "immediate-fix-notice": date(2025, 4, 2),  # the 底稿's 编制日期
        "rectification-notice": date(2025, 6, 10),  # the 反馈 date its 整改 records name
        "portrait": date(2025, 5, 30),  # as the 巡察报告: the 报告 phase, else the end
    }
    for code, request in _requests(seeded).items():
        dated = _dated(build(planned, request))
        assert fmt_date(expected[code]) in dated, (code, dated)
        assert fmt_date(date.today()) not in dated, code


def test_without_phase_dates_the_round_s_own_dates(seeded_copy: Vault, seeded: Seeded) -> None:
    requests = _requests(seeded)
    for code in ("work-plan", "entry-notice", "announcement"):
        dated = _dated(build(seeded_copy, requests[code]))
        assert dated == [fmt_date(date(2025, 3, 10))], (code, dated)  # the round's start
    chosen = DocRequest("work-plan", round_id=seeded.round_id, date=date(2025, 1, 6))
    assert _dated(build(seeded_copy, chosen)) == ["2025年1月6日"]  # the user's choice wins


def test_the_register_records_the_printed_date(
    planned: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    request = DocRequest("entry-notice", round_id=seeded.round_id, target_id=seeded.t1, issue=True)
    result = export_document(planned, request, tmp_path / "n.docx")
    with planned.read() as s:
        (issued,) = list_numbers(s)
    assert issued.doc_date == date(2025, 3, 9)
    assert issued.year == 2025 and result.number.endswith("〔2025〕1号")


def test_a_refused_export_draws_no_number(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    with seeded_copy.session() as s:
        bare = reports.create_report(
            s, seeded.round_id, reports.ReportDraft("巡察建议书", "关于某事的巡察建议书")
        ).id
    refused = DocRequest("suggestion-letter", record_id=bare, issue=True)
    with pytest.raises(DocumentScopeError, match="须有主送部门"):
        export_document(seeded_copy, refused, tmp_path / "s.docx")
    assert not (tmp_path / "s.docx").exists()
    with seeded_copy.read() as s:
        assert list_numbers(s) == []  # nothing used up
    sent = DocRequest("suggestion-letter", record_id=seeded.suggestion, issue=True)
    assert export_document(seeded_copy, sent, tmp_path / "ok.docx").number.endswith("1号")


def test_a_plan_without_phase_dates_takes_the_round_s_for_the_stationing(
    seeded_copy: Vault, seeded: Seeded
) -> None:
    body = text(build(seeded_copy, DocRequest("work-plan", round_id=seeded.round_id)))
    assert "（一）准备阶段（2025年3月10日前）。" in body  # before the 进驻
    assert "（二）进驻了解阶段（2025年3月10日至5月30日）。" in body  # the round's own dates
    assert "（三）报告阶段（时间另行通知）。" in body  # nothing dates it: never guessed
    assert body.count("时间另行通知") == 4  # 报告, 反馈移交, 整改, 立卷归档


def test_a_transfer_letter_is_dated_by_its_clues_transfer(
    seeded_vault: Vault, seeded: Seeded
) -> None:
    with seeded_vault.read() as s:
        sent = [c for c in clues.list_clues(s, round_id=seeded.round_id).items if c.transferred_at]
    assert sent
    latest = max(c.transferred_at for c in sent if c.transferred_at)
    one = max(sent, key=lambda c: c.transferred_at or latest)
    dated = _dated(build(seeded_vault, DocRequest("clue-letter", record_id=one.id)))
    assert dated == [fmt_date(one.transferred_at)]  # the day it was transferred, not today
