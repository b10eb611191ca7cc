"""The 公文 frame of each outgoing type as its registry entry sets it (issuer, 发文字号, 上行文,
抄送): a document of one record takes the record's round and team, so a team's portrait report
carries the team's 标志 and its 组长 as 签发人; the 抄送 are printed once, in the 版记; a type's
own 附件 is named in the frame's 附件说明, which a request's names replace."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from sqlalchemy import update

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from workbench.models import Target
from workbench.reports import DocRequest, export_document
from workbench.reports.registry import DOCUMENTS, record_kind
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
ON = date(2026, 6, 1)
TEAM, OFFICE = "中共县委第一巡察组", "中共县委巡察工作领导小组办公室"
SUPERVISORS = "抄送：县纪委监委，县委组织部。"


def _export(vault: Vault, out: Path, request: DocRequest) -> DocxDocument:
    export_document(vault, request, out)
    return Document(str(out))


def _imprint(doc: DocxDocument) -> list[str]:
    [table] = doc.sections[-1].footer.tables
    return [c.text for row in table.rows for c in row.cells]


def _request(code: str, s: Seeded, **choices: object) -> DocRequest:
    record = {
        "portrait": s.portrait,
        "immediate-fix-notice": s.f2,
        "clue-letter": s.clue1,
        "suggestion-letter": s.suggestion,
        "reminder-letter": s.reminder,
        "supervision-letter": s.rect_progress,
    }
    if code in record:
        return DocRequest(code, record_id=record[code], date=ON, **choices)  # type: ignore[arg-type]
    if code == "work-plan":
        return DocRequest(code, round_id=s.round_id, date=ON, **choices)  # type: ignore[arg-type]
    return DocRequest(code, target_id=s.t1, date=ON, **choices)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "mark", "number"),
    [
        ("portrait", TEAM, "\t巡一组〔2026〕1号\t签发人：王组长"),  # 上行文: the 组长 signs
        ("immediate-fix-notice", TEAM, ""),  # not numbered
        ("clue-letter", OFFICE, "巡办〔2026〕1号"),
        ("suggestion-letter", OFFICE, "巡办〔2026〕1号"),
        ("reminder-letter", OFFICE, "巡办〔2026〕1号"),
        ("supervision-letter", OFFICE, "巡办〔2026〕1号"),
    ],
)
def test_a_record_s_document_is_headed_by_its_issuer(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path, code: str, mark: str, number: str
) -> None:
    issue = bool(number)
    doc = _export(seeded_copy, tmp_path / "d.docx", _request(code, seeded, issue=issue))
    texts = [p.text for p in doc.paragraphs]
    at = texts.index(mark)
    if number:
        assert texts[at + 3] == number
    assert _imprint(doc)[-1] == f"{mark}\t2026年6月1日印发"


@pytest.mark.parametrize(
    ("code", "imprint"),
    [
        ("clue-letter", []),  # 主送 the receiving units, no 抄送
        ("immediate-fix-notice", ["抄送：县委巡察工作领导小组办公室。"]),
        ("suggestion-letter", [SUPERVISORS]),
        ("rectification-notice", [SUPERVISORS]),
        ("supervision-letter", [SUPERVISORS]),
        ("reminder-letter", [SUPERVISORS]),
        ("work-plan", [SUPERVISORS]),
        ("entry-notice", ["抄送：县委第一巡察组，县委办公室。"]),  # the team, the 上级主管
    ],
)
def test_each_letter_copies_to_whom_its_type_says_once(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path, code: str, imprint: list[str]
) -> None:
    with seeded_copy.session() as s:
        s.execute(update(Target).where(Target.id == seeded.t1).values(parent_org="县委办公室"))
    doc = _export(seeded_copy, tmp_path / "d.docx", _request(code, seeded))
    assert _imprint(doc)[:-1] == imprint
    body = "".join(p.text for p in doc.paragraphs)
    assert "抄送" not in body  # the 版记 is the one place


def test_the_work_plan_is_sent_to_the_teams(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    doc = _export(seeded_copy, tmp_path / "d.docx", _request("work-plan", seeded))
    assert "各巡察组：" in [p.text for p in doc.paragraphs]


@pytest.mark.parametrize(
    ("code", "choices", "own"),
    [
        ("clue-letter", {}, "问题线索移交清单"),
        ("portrait", {"appendix": True}, "城关镇党委领导班子政治画像评价明细表"),
    ],
)
def test_a_type_s_own_attachment_is_named_by_the_frame_unless_the_request_names_others(
    seeded_copy: Vault,
    seeded: Seeded,
    tmp_path: Path,
    code: str,
    choices: dict[str, object],
    own: str,
) -> None:
    doc = _export(seeded_copy, tmp_path / "a.docx", _request(code, seeded, **choices))
    texts = [p.text for p in doc.paragraphs]
    assert texts.count(f"附件：{own}") == 1
    signature = texts.index("2026年6月1日")
    assert texts.index(f"附件：{own}") < signature  # the 附件说明, then the 署名
    assert texts.index(own) > signature  # the 附件 itself after the date, titled

    named = _request(code, seeded, attachments=("移交线索材料",), **choices)
    texts = [p.text for p in _export(seeded_copy, tmp_path / "b.docx", named).paragraphs]
    assert "附件：移交线索材料" in texts
    assert not [t for t in texts if t.startswith("附件：") and t != "附件：移交线索材料"]


def test_every_record_document_names_its_tables() -> None:
    framed = [d for d in DOCUMENTS if d.frame is not None and d.scope.startswith("record")]
    assert framed and all(d.records for d in framed)
    assert record_kind(next(d for d in DOCUMENTS if d.code == "portrait")) == "portraits"
    assert record_kind(next(d for d in DOCUMENTS if d.code == "supervision-letter")) is None


def test_a_table_ending_the_body_stays_in_the_body_s_section(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    """The 移交函 ends with its 附件's table: the section break before the 版记 comes after it, so
    the table is not carried onto the 版记's page."""
    doc = _export(seeded_copy, tmp_path / "c.docx", _request("clue-letter", seeded))
    blocks = [e for e in doc.element.body if e.tag in (qn("w:p"), qn("w:tbl"))]
    ends = [
        i for i, e in enumerate(blocks) if e.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    ]
    last_table = max(i for i, e in enumerate(blocks) if e.tag == qn("w:tbl"))
    assert ends and ends[0] > last_table
