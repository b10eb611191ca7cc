"""The documents a round sends out after its findings: 线索移交审批表 and 移交函, 立行立改通知书,
巡察建议书, 整改通知, 督办函 and 提醒函 — each checked against the records it was built from,
with what it must leave out (other states, other targets, voided records)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.workbench import test_docs_cli
from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_content import after_title, build, lines, text, title
from tests.workbench.test_docs_data import Seeded, open_seeded
from workbench.cli import main
from workbench.errors import NotFound
from workbench.reports import DocRequest, DocumentScopeError, get_spec
from workbench.services import clues, findings, rectification, rectification_followup, reports
from workbench.services.findings import FindingDraft
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
seeded_vault = docs_data.seeded_vault
store = test_docs_cli.store  # the seeded store behind ``workbench`` (a copy)
OFFICE = "县委巡察工作领导小组办公室"
CASE_ROOM = "县纪委监委案件监督管理室"


@pytest.fixture(scope="module")
def docs(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    s = seeded
    requests = {
        "approval": DocRequest("clue-approval", record_id=s.clue1),
        "approval-round": DocRequest("clue-approval", round_id=s.round_id),
        "letter": DocRequest("clue-letter", round_id=s.round_id),
        "letter-one": DocRequest("clue-letter", record_id=s.clue1),
        "fix": DocRequest("immediate-fix-notice", target_id=s.t1),
        "fix-one": DocRequest("immediate-fix-notice", record_id=s.f2),
        "suggestion": DocRequest("suggestion-letter", record_id=s.suggestion),
        "notice": DocRequest("rectification-notice", target_id=s.t1),
        "notice-t2": DocRequest("rectification-notice", target_id=s.t2),
        "press": DocRequest("supervision-letter", record_id=s.supervision),
        "press-target": DocRequest("supervision-letter", target_id=s.t1, date=date(2025, 8, 15)),
        "press-item": DocRequest("supervision-letter", record_id=s.rect_open),
        "reminder": DocRequest("reminder-letter", record_id=s.reminder),
    }
    with open_seeded(seeded, tmp_path_factory) as vault:
        return {name: build(vault, r) for name, r in requests.items()}


def refused(vault: Vault, request: DocRequest) -> str:
    with pytest.raises(DocumentScopeError) as caught:
        build(vault, request)
    return str(caught.value)


def test_the_new_types_are_registered_with_their_scopes() -> None:
    scopes = {
        "clue-approval": "record_or_round",
        "clue-letter": "record_or_round",
        "immediate-fix-notice": "record_or_target",
        "suggestion-letter": "record",
        "rectification-notice": "target",
        "supervision-letter": "record_or_target",
        "reminder-letter": "record",
    }
    for code, scope in scopes.items():
        spec = get_spec(code)
        assert spec.scope == scope and spec.formats == ("docx",), code


def test_clue_approval_form_of_one_clue(docs: dict[str, Any]) -> None:
    body = text(docs["approval"])
    assert title(docs["approval"]) == "巡察问题线索移交审批表"
    for value in ("XS-2025-0001", "王五", "城关镇党委副书记", "县管", "城关镇党委"):
        assert value in body
    assert "收受管理服务对象礼金2万元。" in body
    assert "信访件 XF-2025-0001" in body  # 线索来源
    assert "违反廉洁纪律" in body and "廉洁纪律" in body
    assert f"建议单移交{CASE_ROOM}处置。" in body
    cells = lines(docs["approval"])
    for label in ("巡察组\n意　　见", "巡察办\n意　　见", "领导小组\n审批意见"):
        assert label in cells
    assert sum("签字：" in c for c in cells) == 3


def test_clue_approval_form_of_a_round_holds_the_clues_still_to_transfer(
    docs: dict[str, Any],
) -> None:
    body = text(docs["approval-round"])
    assert "孙七" in body and "县教育局副局长" in body
    assert "王五" not in body  # already transferred
    assert "县委第一巡察组" in lines(docs["approval-round"])  # the team inspecting its unit
    assert f"建议双移交县委组织部、{CASE_ROOM}处置。" in body


def test_transfer_letter_lists_the_transferred_clues(docs: dict[str, Any]) -> None:
    doc = docs["letter"]
    # the letter's title, then its 附件's on a page of its own
    assert title(doc) == "关于移交十五届县委第六轮巡察发现问题线索的函问题线索移交清单"
    paragraphs = [p.text for p in doc.paragraphs if p.text]
    # 主送 the 纪委监委 itself; its 案件监督管理室 is named in the 附件
    assert paragraphs[paragraphs.index("县纪委监委：") - 1].endswith("问题线索的函")
    assert CASE_ROOM in lines(doc)
    body = text(doc)
    assert "问题线索1件移交你们" in body
    assert f"于2025年8月30日前将办理情况书面反馈{OFFICE}" in body
    assert "附件：问题线索移交清单" in body
    assert "XS-2025-0001" in body and "收受管理服务对象礼金2万元。" in body
    assert "孙七" not in body  # registered, not transferred
    assert OFFICE in lines(doc)  # 署名
    assert "现将巡察城关镇党委发现的问题线索1件移交你们" in text(docs["letter-one"])
    assert title(docs["letter-one"]).startswith("关于移交巡察城关镇党委发现问题线索的函")


def test_transfer_letter_refuses_a_scope_with_nothing_transferred(
    seeded_vault: Vault, seeded: Seeded
) -> None:
    message = refused(seeded_vault, DocRequest("clue-letter", target_id=seeded.t2))
    assert "县教育局党组没有已移交的问题线索" in message
    message = refused(seeded_vault, DocRequest("clue-letter", record_id=seeded.clue2))
    assert "没有已移交的问题线索" in message


def test_transfer_letter_to_two_units_with_different_due_dates(
    seeded_copy: Vault, seeded: Seeded
) -> None:
    with seeded_copy.session() as s:
        clues.transfer_clue(
            s,
            seeded.clue2,
            transferred_at=datetime(2025, 6, 2, 10, 0),
            feedback_due=date(2025, 9, 2),
        )
    # one 函 a receiving unit: a unit never sees the clues meant only for another
    message = refused(seeded_copy, DocRequest("clue-letter", round_id=seeded.round_id))
    assert "每个接收单位一函" in message and "县纪委监委、县委组织部" in message
    request = DocRequest("clue-letter", round_id=seeded.round_id, unit="县纪委监委")
    doc = build(seeded_copy, request)
    body = text(doc)
    assert "县纪委监委：" in lines(doc) and "县委组织部：" not in lines(doc)
    assert "问题线索2件移交你们（双移交1件）" in body
    assert "在附件所列反馈期限内将办理情况书面反馈" in body
    assert "孙七" in body and "2025.9.2" in body
    organization = text(build(seeded_copy, replace(request, unit="县委组织部")))
    assert "问题线索1件移交你们（双移交1件）" in organization
    assert organization.count("XS-2025-") == 1  # the 纪委监委's own clue is not in its 附件
    other = refused(seeded_copy, replace(request, unit="县审计局"))
    assert "没有移交县审计局的问题线索" in other and "县纪委监委、县委组织部" in other
    # nothing is left to transfer: the round's approval form is refused, one clue's is not
    request = DocRequest("clue-approval", round_id=seeded.round_id)
    assert "没有待移交（已登记）的问题线索" in refused(seeded_copy, request)
    assert "孙七" in text(build(seeded_copy, DocRequest("clue-approval", record_id=seeded.clue2)))


def test_immediate_fix_notice_lists_the_marked_findings(docs: dict[str, Any]) -> None:
    doc = docs["fix"]
    assert title(doc) == "县委第一巡察组立行立改通知书"
    assert after_title(doc) == "城关镇党委："
    body = text(doc)
    assert "一、城关镇党委议事决策把关缺位" in body
    assert "“三重一大”事项未经党委会研究。" in body
    assert "城关镇惠农补贴虚报冒领" not in body  # not marked 立行立改
    assert "15日内" in body and "书面报送县委第一巡察组" in body
    assert "县委第一巡察组" in lines(doc)
    assert text(docs["fix-one"]) == body


def test_immediate_fix_notice_refuses_unmarked_findings(
    seeded_vault: Vault, seeded: Seeded
) -> None:
    assert "未标记立行立改" in refused(
        seeded_vault, DocRequest("immediate-fix-notice", record_id=seeded.f1)
    )
    assert "县教育局党组没有标记立行立改的底稿" in refused(
        seeded_vault, DocRequest("immediate-fix-notice", target_id=seeded.t2)
    )


def test_suggestion_letter_from_its_record(docs: dict[str, Any]) -> None:
    doc = docs["suggestion"]
    assert title(doc) == "关于加强惠农补贴发放监管的巡察建议书"
    assert after_title(doc) == "县民政局："  # the 正文's first line, not repeated below
    body = text(doc)
    assert body.count("县民政局") == 1
    assert "县委第一巡察组于2025年3月10日至5月30日对城关镇党委进行了巡察" in body
    assert "（一）城关镇惠农补贴虚报冒领" in body  # the linked 已审签 底稿
    assert "建立惠农补贴发放公示和抽查复核制度。" in lines(doc)
    assert "二、意见建议" in body and "三、有关要求" in body
    assert f"书面回复{OFFICE}" in body


def test_suggestion_letter_only_from_a_suggestion_record(
    seeded_copy: Vault, seeded: Seeded
) -> None:
    with seeded_copy.session() as s:
        other = reports.list_reports(s, report_type="巡察报告").items[0].id
        bare = reports.create_report(
            s, seeded.round_id, reports.ReportDraft("巡察建议书", "关于某事的巡察建议书")
        ).id
        unsigned = reports.create_report(
            s,
            seeded.round_id,
            reports.ReportDraft(
                "巡察建议书",
                "关于议事规则的巡察建议书",
                target_id=seeded.t2,
                finding_ids=(seeded.f2,),
                body="建议健全议事规则。",
            ),
        ).id
    assert "不是巡察建议书记录" in refused(
        seeded_copy, DocRequest("suggestion-letter", record_id=other)
    )
    assert "须有主送部门" in refused(seeded_copy, DocRequest("suggestion-letter", record_id=bare))
    doc = build(seeded_copy, DocRequest("suggestion-letter", record_id=unsigned))
    assert after_title(doc) == "县教育局党组："  # the record's 对象
    assert "议事决策把关缺位" not in text(doc)  # its 底稿 is not 已审签
    assert "一、意见建议" in text(doc)


def test_rectification_notice_lists_items_and_due_dates(docs: dict[str, Any]) -> None:
    doc = docs["notice"]
    assert title(doc) == "关于抓好十五届县委第六轮巡察反馈问题整改的通知"
    assert after_title(doc) == "城关镇党委："
    body = text(doc)
    assert "县委第一巡察组于2025年6月10日向你单位反馈了巡察意见" in body
    assert "共梳理为2项整改事项" in body
    for value in ("惠农补贴虚报冒领", "追缴资金，建立公示制度。", "镇财政所、钱八", "2025.9.30"):
        assert value in body
    assert "议事规则不健全" in body and "2025.7.31" in body
    assert "学习记录补记" not in body  # t2's
    assert "请于2025年7月10日前将整改方案报送" in body
    assert "请于2025年8月10日前将整改落实情况报告报送" in body
    # t2 has no 整改方案/报告 registered: the office's periods say when
    t2 = text(docs["notice-t2"])
    assert "学习记录补记" in t2 and "反馈之日起1个月内" in t2 and "反馈之日起2个月内" in t2


def test_supervision_letter_from_a_supervision_record(docs: dict[str, Any]) -> None:
    doc = docs["press"]
    assert title(doc) == "关于督促加快巡察反馈问题整改的督办函"
    assert after_title(doc) == "城关镇党委："
    body = text(doc)
    assert "县纪委监委于2025年8月5日督查发现：议事规则仍未修订。现予督办。" in body
    assert "议事规则不健全" in body and "惠农补贴虚报冒领" not in body
    assert OFFICE in lines(doc)


def test_supervision_letter_of_a_target_takes_its_overdue_items(docs: dict[str, Any]) -> None:
    body = text(docs["press-target"])
    assert "截至2025年8月15日，尚有1项整改事项超过整改时限仍未完成" in body
    assert "议事规则不健全" in body and "15" in lines(docs["press-target"])  # days overdue
    assert "惠农补贴虚报冒领" not in body  # due 9/30
    # one item (not yet overdue) may be pressed on too
    assert "惠农补贴虚报冒领" in text(docs["press-item"])


def test_supervision_letter_refusals(seeded_vault: Vault, seeded: Seeded) -> None:
    early = DocRequest("supervision-letter", target_id=seeded.t1, date=date(2025, 7, 1))
    assert "没有逾期未完成的整改事项" in refused(seeded_vault, early)
    done = DocRequest("supervision-letter", record_id=seeded.rect_done)
    assert "已已完成" not in (message := refused(seeded_vault, done))
    assert "无需督办" in message
    with pytest.raises(NotFound, match="整改事项或整改监督记录"):
        build(seeded_vault, DocRequest("supervision-letter", record_id=seeded.clue1))


def test_reminder_letter_to_the_new_leader(docs: dict[str, Any]) -> None:
    doc = docs["reminder"]
    assert title(doc) == "关于落实“新官理旧账”要求做好巡察整改工作的提醒函"
    assert after_title(doc) == "城关镇党委吴新民同志："
    body = text(doc)
    assert "原主要负责人周建华同志于2025年8月1日调整后，由你接任主要负责人" in body
    assert "尚有2项需要你接续推进" in body
    assert "惠农补贴虚报冒领" in body and "议事规则不健全" in body
    assert "学习记录补记" not in body


def test_voided_records_never_reach_a_document(seeded_copy: Vault, seeded: Seeded) -> None:
    with seeded_copy.session() as s:
        clue = clues.register_clue(
            s,
            clues.ClueDraft(
                seeded.round_id, "郑九", "乡管", "违规发放津贴。", "纪委监委", "单移交",
                target_id=seeded.t1,
            ),
        ).id  # fmt: skip
        clues.void_clue(s, clue, "重复登记")
        fix = findings.create_finding(
            s,
            FindingDraft(
                seeded.round_id,
                "已作废的立行立改问题",
                seeded.t1,
                "FS-01",
                compiled_on=date(2025, 4, 5),
                summary="作废。",
                immediate_fix=True,
            ),
        ).id
        findings.void_finding(s, fix, "误录")
        item = rectification.create_rectification(
            s,
            seeded.round_id,
            rectification.RectificationDraft(
                "已作废的整改事项", target_id=seeded.t1, due_date=date(2025, 7, 1)
            ),
        ).id
        reminder = rectification_followup.create_reminder(
            s,
            seeded.round_id,
            rectification_followup.ReminderDraft(seeded.t1, "周建华", "吴新民", date(2025, 8, 1)),
        ).id
        rectification.void_rectification(s, item, "误录")
        supervision = rectification_followup.add_supervision(
            s,
            seeded.round_id,
            rectification_followup.SupervisionDraft(
                seeded.t1, "组织部", date(2025, 8, 6), "督查。", "进展缓慢。"
            ),
        ).id
        rectification_followup.void_followup(s, "supervision", supervision, "误录")
    checks = {
        DocRequest("clue-approval", round_id=seeded.round_id): "郑九",
        DocRequest("immediate-fix-notice", target_id=seeded.t1): "已作废的立行立改问题",
        DocRequest("rectification-notice", target_id=seeded.t1): "已作废的整改事项",
        DocRequest("supervision-letter", target_id=seeded.t1): "已作废的整改事项",
        DocRequest("reminder-letter", record_id=reminder): "已作废的整改事项",
    }
    for request, voided in checks.items():
        assert voided not in text(build(seeded_copy, request)), request.doc_type
    for request in (
        DocRequest("clue-approval", record_id=clue),
        DocRequest("immediate-fix-notice", record_id=fix),
        DocRequest("supervision-letter", record_id=supervision),
        DocRequest("supervision-letter", record_id=item),
    ):
        with pytest.raises(NotFound):
            build(seeded_copy, request)


def test_the_command_line_takes_numbers_and_names(
    store: Path, seeded: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "移交函.docx"
    assert main(["report", "clue-letter", "--id", "XS-2025-0001", "--out", str(out)]) == 0
    assert "关于移交巡察城关镇党委发现问题线索的函" in text(Document(str(out)))
    notice = ["report", "rectification-notice", "--target", "城关镇党委"]
    assert main([*notice, "--out", str(tmp_path / "整改通知.docx")]) == 0
    capsys.readouterr()
    empty = ["report", "immediate-fix-notice", "--target", "县教育局党组", "--out", str(out)]
    assert main([*empty, "--force"]) == 2
    assert "县教育局党组没有标记立行立改的底稿" in capsys.readouterr().err
    no_target = ["report", "rectification-notice", "--round", seeded.round_id]
    assert main([*no_target, "--out", str(tmp_path / "y.docx")]) == 2  # needs --target
