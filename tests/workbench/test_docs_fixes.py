"""The fixes of issue #17 to the existing documents: 成文日期 defaults, the 巡察报告's 总体评价,
methods, amounts and 画像, the 反馈意见's positive opening and names, the 谈话记录's 起止时间 and
signature on every page, the 信访件登记表's 登记人 and date, ledger column widths, the new
线索台账 columns and the DA/T 22 立卷归档目录."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from tests.workbench import pdf_layout
from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_content import build, headings, lines, text
from tests.workbench.test_docs_data import Seeded
from workbench.cli.report_cmds import register
from workbench.models import Finding, ListEntry, Portrait, Round
from workbench.reports import DocRequest, export_document, write_document
from workbench.reports.context import fmt_wan
from workbench.reports.doc_feedback import without_names
from workbench.reports.doc_inspection import NOTHING_RECORDED
from workbench.reports.doc_interview import SIGN_LINE
from workbench.reports.typeset import (
    CELL_PAD_PT,
    fit_widths,
    header_text,
    text_width_pt,
    unbroken_width_pt,
)
from workbench.services import (
    activities,
    clues,
    findings_evidence,
    interviews,
    portraits,
    rectification_documents,
    reports,
    rounds,
)
from workbench.store.vault import Vault
from workbench.vocab.enums import Grade

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures


def xlsx_rows(vault: Vault, request: DocRequest, sheet: str) -> list[dict[str, Any]]:
    buf = io.BytesIO()
    with vault.read() as s:
        write_document(s, request, buf, "xlsx")
    values = list(load_workbook(io.BytesIO(buf.getvalue()))[sheet].iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def dated(vault: Vault, round_id: str, **phases: tuple[str | None, str | None]) -> None:
    with vault.session() as s:
        s.execute(
            update(Round)
            .where(Round.id == round_id)
            .values(phase_dates={k: list(v) for k, v in phases.items()})
        )


# -- 成文日期 ----------------------------------------------------------------------------------


def dated_on(doc: Any) -> str:
    """The body's last printed line: the 成文日期 (the frame's blank paragraphs come after)."""
    return next(p.text for p in reversed(doc.paragraphs) if p.text.strip())


def test_documents_are_dated_by_the_round_and_records_not_the_export_day(
    seeded_copy: Vault, seeded: Seeded
) -> None:
    s = seeded
    # the round ended 2025-05-30 and records no phase dates: its end dates the report
    report = build(seeded_copy, DocRequest("inspection-report", round_id=s.round_id))
    assert dated_on(report) == "2025年5月30日"
    dated(
        seeded_copy,
        s.round_id,
        reporting=("2025-06-05", "2025-06-20"),
        feedback=(None, "2025-07-10"),
    )
    report = build(seeded_copy, DocRequest("inspection-report", round_id=s.round_id))
    assert dated_on(report) == "2025年6月5日"  # the 报告 phase's start
    feedback = build(seeded_copy, DocRequest("feedback", target_id=s.t2))  # no 整改 documents
    assert dated_on(feedback) == "2025年7月10日"  # the 反馈 phase (only its end known)
    with seeded_copy.session() as session:
        rectification_documents.create_document(
            session,
            s.round_id,
            rectification_documents.DocumentDraft("整改方案", s.t2, date(2025, 7, 8)),
        )
    feedback = build(seeded_copy, DocRequest("feedback", target_id=s.t2))
    assert dated_on(feedback) == "2025年7月8日"  # the 反馈 date recorded for it
    chosen = DocRequest("feedback", target_id=s.t1, date=date(2025, 7, 15))
    assert dated_on(build(seeded_copy, chosen)) == "2025年7月15日"  # the user's
    register = text(build(seeded_copy, DocRequest("letter-register", record_id=s.letter_named)))
    assert "登记日期：2025年3月15日" in register  # received, not exported


# -- 巡察报告 ----------------------------------------------------------------------------------


def test_amounts_are_written_in_wan_yuan() -> None:
    assert fmt_wan(Decimal("1234500")) == "123.45万元"
    assert fmt_wan(Decimal("42000.50")) == "4.2万元"
    assert fmt_wan(Decimal("10000")) == "1万元"
    assert fmt_wan(Decimal("8500")) == "8500元"
    assert fmt_wan(Decimal("312.50")) == "312.5元"
    assert fmt_wan(None) == ""


def test_report_counts_every_method_and_sums_up_without_a_gap(
    seeded_copy: Vault, seeded: Seeded
) -> None:
    s = seeded
    with seeded_copy.session() as session:
        for kind, n in (("forum", 2), ("review_files", 1), ("survey", 1), ("field_visit", 3)):
            for i in range(n):
                activities.create_activity(
                    session,
                    s.round_id,
                    activities.ActivityDraft(
                        kind, datetime(2025, 3, 20 + i), f"活动{i}", target_id=s.t1
                    ),
                )
        # every item must be rated before the service takes an overall grade: set it directly
        session.execute(
            update(Portrait)
            .where(Portrait.id == s.portrait)
            .values(overall=Grade.FAIRLY_GOOD, conclusion="班子团结，执行有力。")
        )
    doc = build(seeded_copy, DocRequest("inspection-report", round_id=s.round_id, draft=True))
    body = text(doc)
    assert (
        "巡察期间，共开展个别谈话1人次，召开座谈会2次，调阅资料1次，开展民主测评和问卷调查1次，"
        "实地走访3次，受理信访件2件，发现问题3个，涉及金额4.2万元，其中督促立行立改1个。"
    ) in body
    # no team-written 总体评价 for the round: composed from the portrait and the problems
    overall = lines(doc)[lines(doc).index("（二）总体评价") + 1]
    assert overall.startswith("从政治画像情况看，")
    assert "总体评价等次为“较好”" in overall and "存在问题3个，其中" in overall
    assert "【" not in body and NOTHING_RECORDED not in body
    # the 画像 section: one paragraph per portrait with its grade
    assert "（三）政治画像情况" in headings(doc, 2)
    assert any(line.endswith("总体评价等次为“较好”。班子团结，执行有力。") for line in lines(doc))


def test_report_of_an_undated_empty_round_reads_plainly(seeded_copy: Vault) -> None:
    with seeded_copy.session() as s:
        rid = rounds.create_round(
            s, rounds.RoundDraft("十五届县委第七轮巡察", 2025, 7, "常规", "sgjj", 2020)
        ).id
        rounds.create_team(s, rid, 1, "县委第二巡察组")
    body = text(build(seeded_copy, DocRequest("inspection-report", round_id=rid)))
    assert "县委第二巡察组对" in body and "于对" not in body and "于至" not in body
    assert NOTHING_RECORDED in body
    assert "巡察期间，发现问题0个。" in body


def test_report_takes_only_signed_findings(seeded_copy: Vault, seeded: Seeded) -> None:
    body = text(build(seeded_copy, DocRequest("inspection-report", round_id=seeded.round_id)))
    assert "城关镇惠农补贴虚报冒领" in body and "城关镇党委议事决策把关缺位" not in body


# -- 反馈意见 ----------------------------------------------------------------------------------


def test_feedback_opens_with_a_positive_judgement(seeded_copy: Vault, seeded: Seeded) -> None:
    doc = build(seeded_copy, DocRequest("feedback", target_id=seeded.t1, draft=True))
    paragraphs = [p.text for p in doc.paragraphs]
    first_heading = paragraphs.index(headings(doc, 1)[0])
    overall = paragraphs[first_heading - 1]
    assert overall.startswith("从巡察情况看，城关镇党委能够") and "取得了一定成效" in overall
    assert "政治忠诚" in overall  # the portrait's dimension rated 较好


def test_feedback_names_posts_not_people_unless_asked(seeded_copy: Vault, seeded: Seeded) -> None:
    summary = "副镇长李明在补贴审核中把关不严，李明（副镇长）签批了虚报名单。"
    with seeded_copy.session() as s:  # a signed 底稿 cannot be edited through the service
        s.execute(update(Finding).where(Finding.id == seeded.f1).values(summary=summary))
    request = DocRequest("feedback", target_id=seeded.t1, draft=True)
    body = text(build(seeded_copy, request))
    assert "李明" not in body
    assert "副镇长在补贴审核中把关不严，副镇长签批了虚报名单。" in body
    named = text(
        build(seeded_copy, DocRequest("feedback", target_id=seeded.t1, draft=True, names=True))
    )
    assert "副镇长李明在补贴审核中把关不严" in named


def test_name_replacement_is_by_recorded_name_longest_first() -> None:
    posts = {"李明": "副镇长", "李明华": "会计", "王五": "相关人员"}
    assert without_names("李明华和李明、王五", posts) == "会计和副镇长、相关人员"
    assert without_names("李明（副镇长）", posts) == "副镇长"
    assert without_names("李四", posts) == "李四"  # not recorded: left alone


def test_cli_has_a_names_switch() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    assert parser.parse_args(["report", "feedback", "--names"]).names is True
    assert parser.parse_args(["report", "feedback"]).names is False


# -- 谈话记录 ----------------------------------------------------------------------------------


def test_interview_prints_its_times_and_signatures_in_every_footer(
    seeded_copy: Vault, seeded: Seeded
) -> None:
    doc = build(seeded_copy, DocRequest("interview", record_id=seeded.interview))
    assert "2025年3月12日 9时30分至　　时　　分" in lines(doc)
    section = doc.sections[0]
    for footer in (section.footer, section.even_page_footer):
        assert footer.paragraphs[0].text == SIGN_LINE
        assert "PAGE" in footer.paragraphs[-1]._p.xml  # the page number stays below it


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)",
)
def test_interview_signature_line_shows_on_every_rendered_page(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    with seeded_copy.session() as s:
        long = interviews.create_interview(
            s,
            seeded.round_id,
            interviews.InterviewDraft(
                "必谈",
                datetime(2025, 3, 14, 15, 0),
                ("王组长", "陈记录"),
                "陈记录",
                "李四",
                target_id=seeded.t1,
                team_id=seeded.team_id,
            ),
        ).id
        turns = [(f"第{n}问：请谈谈班子成员履职情况？", "班子总体团结，" * 12) for n in range(40)]
        interviews.set_transcript(s, long, turns)
    docx = tmp_path / "interview.docx"
    export_document(seeded_copy, DocRequest("interview", record_id=long), docx)
    pdf_layout.convert([docx], tmp_path, tmp_path / "lo")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "interview.pdf"), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        flat = page.replace(" ", "").replace("\u3000", "")
        assert "谈话对象签名：谈话人签名：记录人签名：" in flat, number
        assert f"—{number}—" in flat, number


# -- 信访件登记表 ------------------------------------------------------------------------------


def test_letter_register_names_who_registered_it(seeded_copy: Vault, seeded: Seeded) -> None:
    body = text(build(seeded_copy, DocRequest("letter-register", record_id=seeded.letter_named)))
    assert "登记人：王组长" in body  # the display name of the user who registered it


# -- ledgers -----------------------------------------------------------------------------------


def test_fitted_widths_keep_headers_and_numbers_whole() -> None:
    headers = ["序号", "编号", "问题表现", "分管|领导"]
    rows = [["1", "ZG-2025-0001", "三重一大事项未经集体研究决定，" * 4, "李明"]]
    widths = fit_widths(headers, rows, 400, 10.5)
    assert sum(widths) == pytest.approx(400)
    assert widths[1] >= unbroken_width_pt("ZG-2025-0001", 10.5) + CELL_PAD_PT  # a number unbroken
    assert widths[0] < widths[2] and widths[3] < widths[2]  # text gets the room
    assert header_text("分管|领导", widths[3], 10.5) in ("分管领导", "分管\n领导")  # by words
    assert header_text("分管|领导", 200, 10.5) == "分管领导"


def test_docx_ledgers_fit_their_columns(seeded_copy: Vault, seeded: Seeded) -> None:
    ledger = build(seeded_copy, DocRequest("clue-ledger", round_id=seeded.round_id)).tables[0]
    grid = [c.w for c in ledger._tbl.tblGrid.gridCol_lst]
    headers = [c.text for c in ledger.rows[0].cells]
    for header in headers:  # broken, if at all, only between words
        assert "\n" not in header or header in (
            "被反\n映人",
            "职务\n（级别）",
            "所在\n单位",
            "移交单位\n（方式）",
            "移交\n时间",
            "处置\n方式",
            "反馈\n期限",
        )
    assert grid[headers.index("序号")] < grid[headers.index("具体问题")]
    number = ledger.rows[1].cells[1].text
    assert grid[1] / 20 >= unbroken_width_pt(number, 10.5) + CELL_PAD_PT - 0.5  # twips → pt
    rect = build(seeded_copy, DocRequest("rectification", round_id=seeded.round_id)).tables[0]
    grid = [c.w for c in rect._tbl.tblGrid.gridCol_lst]
    heads = [c.text.replace("\n", "") for c in rect.rows[0].cells]
    assert grid[heads.index("问题表现")] > grid[heads.index("评估")]
    date_pt = unbroken_width_pt("2025.9.30", 10.5) + CELL_PAD_PT
    assert grid[heads.index("整改时限")] / 20 >= date_pt - 0.5


def test_clue_ledger_has_team_source_times_and_outcomes(seeded_copy: Vault, seeded: Seeded) -> None:
    with seeded_copy.session() as s:
        clues.receive_clue(
            s, seeded.clue1, received_by="纪委干部", received_at=datetime(2025, 6, 2, 9, 0)
        )
        clues.handle_clue(s, seeded.clue1, "初步核实")
        clues.feedback_clue(
            s, seeded.clue1, result="已初核", fed_back_at=datetime(2025, 8, 1, 10, 0)
        )
        clues.record_outcome(s, seeded.clue1, "初核", date(2025, 7, 1), detail="初步核实")
        clues.record_outcome(s, seeded.clue1, "立案", date(2025, 7, 20))
        clues.close_clue(s, seeded.clue1, closed_at=datetime(2025, 9, 1, 9, 0))
    data = xlsx_rows(
        seeded_copy, DocRequest("clue-ledger", round_id=seeded.round_id), "问题线索台账"
    )
    wang = next(r for r in data if r["被反映人"] == "王五")
    assert wang["巡察组"] == "县委第一巡察组"
    assert wang["线索来源"].startswith("信访件 ")
    assert wang["反馈时间"] == datetime(2025, 8, 1, 10, 0)
    assert wang["办结时间"] == datetime(2025, 9, 1, 9, 0)
    assert wang["处置结果"] == "初核、立案"
    assert wang["处置结果明细"].startswith("2025-07-01 初核（纪委监委）：初步核实；2025-07-20 立案")


def test_the_clue_letter_s_list_fits_its_columns(seeded_copy: Vault, seeded: Seeded) -> None:
    doc = build(seeded_copy, DocRequest("clue-letter", record_id=seeded.clue1))
    [table] = doc.tables
    grid = [c.w for c in table._tbl.tblGrid.gridCol_lst]
    headers = [c.text for c in table.rows[0].cells]
    # a header breaks only between its words; the 线索编号 and the date are never broken
    assert headers[2] in ("反映对象及职务", "反映对象\n及职务"), headers
    head_pt = max(text_width_pt(part, 10.5) for part in headers[2].split("\n")) + CELL_PAD_PT
    assert grid[2] / 20 >= head_pt - 0.5  # its lines fit: no character wraps alone
    assert grid[1] / 20 >= unbroken_width_pt("XS-2025-0001", 10.5) + CELL_PAD_PT - 0.5
    assert grid[5] / 20 >= unbroken_width_pt("2025.8.30", 10.5) + CELL_PAD_PT - 0.5
    assert max(grid) == grid[headers.index("问题摘要")]


# -- 立卷归档目录 ------------------------------------------------------------------------------


def test_archive_catalogue_has_the_da_t_22_columns(seeded_copy: Vault, seeded: Seeded) -> None:
    with seeded_copy.session() as s:
        basis = s.scalars(select(ListEntry.id)).first()
        evidence = findings_evidence.list_evidence(s, seeded.f1)
        reports.create_archive_item(
            s,
            seeded.round_id,
            reports.ArchiveDraft(
                "巡中了解",
                "文书",
                "惠农补贴佐证材料",
                "永久",
                item_no="3",
                volume_no="1",
                refs=(
                    portraits.RecordRef("list_entry", basis),
                    *(portraits.RecordRef("evidence", e.id) for e in evidence),
                ),
            ),
        )
    table = build(seeded_copy, DocRequest("archive", round_id=seeded.round_id)).tables[0]
    rows = {r.cells[3].text: [c.text for c in r.cells] for r in table.rows[1:]}
    plan = rows["巡察工作方案"]
    assert plan[1] == "县委巡察工作领导小组办公室" and plan[4] == "" and plan[5] == ""
    paper = rows["城关镇问题底稿"]
    assert paper[0] == "2" and paper[1] == "县委第一巡察组"  # the team of the linked 底稿
    assert paper[4] == "2025.4.1" and paper[6] == "工作秘密"
    assert paper[7] == "30年" and paper[8] == ""  # 保管期限 its own column, under 第1卷
    material = rows["惠农补贴佐证材料"]
    assert material[2] == "中发〔2023〕18号" and material[5] == "15"  # 12 + 3 pages
