"""立卷归档目录: one table a 卷 in 件号 order, 保管期限 its own column, a target's items only,
a linked report's 文号 and 成文日期, and the total kept with the table's end."""

from __future__ import annotations

from datetime import date

from docx.oxml.ns import qn

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_content import build
from tests.workbench.test_docs_data import Seeded
from workbench.reports import DocRequest
from workbench.reports.numbers import Scope, issue_number
from workbench.services import portraits, reports
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures


def _add(vault: Vault, seeded: Seeded) -> None:
    with vault.session() as s:
        report = reports.create_report(
            s,
            seeded.round_id,
            reports.ReportDraft("反馈意见", "城关镇反馈意见", target_id=seeded.t1),
        )
        issue_number(
            s,
            "县委巡察办",
            Scope("feedback", seeded.round_id, seeded.t1, None),
            "城关镇反馈意见",
            date(2025, 6, 20),
        )
        for volume, item, title, retention, refs in (
            (
                "2",
                "1",
                "县教育局党组问题底稿",
                "永久",
                (portraits.RecordRef("finding", seeded.f3),),
            ),
            (
                "1",
                "10",
                "关于巡察城关镇党委的反馈意见",
                "永久",
                (portraits.RecordRef("report", report.id),),
            ),
            (
                "1",
                "9",
                "城关镇谈话记录",
                "10年",
                (portraits.RecordRef("interview", seeded.interview),),
            ),
        ):
            reports.create_archive_item(
                s,
                seeded.round_id,
                reports.ArchiveDraft(
                    "巡中了解", "文书", title, retention, item_no=item, volume_no=volume, refs=refs
                ),
            )


def test_the_catalogue_keeps_volumes_items_and_terms_apart(
    seeded_copy: Vault, seeded: Seeded
) -> None:
    _add(seeded_copy, seeded)
    doc = build(seeded_copy, DocRequest("archive", round_id=seeded.round_id))
    heads = [p.text for p in doc.paragraphs if p.text.startswith("第") and p.text.endswith("卷")]
    assert heads == ["第1卷", "第2卷"]
    first, second = doc.tables
    header = [c.text.replace("\n", "") for c in first.rows[0].cells]
    assert header[-2:] == ["保管期限", "备注"]
    items = [[c.text for c in r.cells] for r in first.rows[1:]]
    assert [r[0] for r in items] == ["1", "2", "9", "10"]  # 件号 in order within the 卷
    feedback = items[-1]
    assert feedback[2] == "县委巡察办〔2025〕1号" and feedback[4] == "2025.6.20"
    assert feedback[-2] == "永久" and feedback[-1] == ""  # not pushed into 备注
    assert [c.text for c in second.rows[1].cells][-2] == "永久"
    last_row = doc.tables[-1].rows[-1]._tr
    assert all(
        p.find(qn("w:pPr") + "/" + qn("w:keepNext")) is not None for p in last_row.iter(qn("w:p"))
    )
    assert doc.paragraphs[-1].text.startswith("共5件。")


def test_a_target_s_catalogue_lists_only_its_items(seeded_copy: Vault, seeded: Seeded) -> None:
    _add(seeded_copy, seeded)
    doc = build(seeded_copy, DocRequest("archive", round_id=seeded.round_id, target_id=seeded.t2))
    [table] = doc.tables
    assert [r.cells[3].text for r in table.rows[1:]] == ["县教育局党组问题底稿"]
    assert "县教育局党组" in "".join(p.text for p in doc.paragraphs[:4])
