"""The GB/T 9704 公文 frame in the .docx: the 版头 (份号, 密级, 紧急程度, red 发文机关标志, 发文字号
with 签发人, red line) above the title, the 附件说明 and 附注 around the 署名, the 版记 in the
footer of a last section that starts on an even page; the 发文字号 register (never reused,
audited); the office's settings (巡察办 only, audited); office templates get the same values."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from tests.conftest import PASSPHRASE
from tests.workbench import test_docs_data as docs_data
from tests.workbench.team import Team
from tests.workbench.test_docs_data import Seeded
from workbench.errors import Cancelled, PermissionDenied, UsageError, ValidationError
from workbench.jobs import CancelToken
from workbench.models import AuditEntry
from workbench.reports import DocRequest, export_document
from workbench.reports.errors import DocumentNumberInvalid, DocumentNumberNotIssued
from workbench.reports.frame import attachment_lines, issuer_code, issuer_mark, note_text
from workbench.reports.frame_page import mark_size
from workbench.reports.frame_settings import FrameSettings, frame_settings, set_frame_setting
from workbench.reports.numbers import list_numbers, number_text, parse_number
from workbench.reports.ooxml import _PPR_ORDER as PPR
from workbench.reports.ooxml import _RPR_ORDER as RPR
from workbench.roles import Role
from workbench.services import users
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
seeded_vault = docs_data.seeded_vault
ON = date(2026, 6, 1)


def _paragraph_texts(doc: DocxDocument) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _export(vault: Vault, out: Path, request: DocRequest) -> DocxDocument:
    export_document(vault, request, out)
    return Document(str(out))


def _numbers(vault: Vault) -> list[str]:
    with vault.read() as s:
        return [n.text for n in list_numbers(s)]


def _audit(vault: Vault, action: str) -> list[dict[str, object]]:
    with vault.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == action))
        return [json.loads(r.detail) for r in rows]


def report(seeded: Seeded, **choices: object) -> DocRequest:
    return DocRequest("inspection-report", round_id=seeded.round_id, date=ON, **choices)  # type: ignore[arg-type]


def feedback(seeded: Seeded, **choices: object) -> DocRequest:
    return DocRequest("feedback", target_id=seeded.t1, date=ON, **choices)  # type: ignore[arg-type]


# -- the 版头 ----------------------------------------------------------------------------------


def test_the_head_of_an_upward_report_in_order(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    doc = _export(
        seeded_copy,
        tmp_path / "r.docx",
        report(seeded, copy_no="3", urgency="特急", issue=True, signer="王组长"),
    )
    texts = _paragraph_texts(doc)
    title = texts.index("关于十五届县委第六轮巡察情况的报告")
    head = [t for t in texts[:title] if t.strip()]
    assert head == [
        "000003",
        "工作秘密",
        "特急",
        "中共县委第一巡察组",
        "\t巡一组〔2026〕1号\t签发人：王组长",
    ]
    assert texts.count("000003") == 1  # the render's own marks gave way to the 版头
    paragraphs = doc.paragraphs
    mark = next(p for p in paragraphs if p.text == "中共县委第一巡察组")
    assert {r.font.color.rgb and str(r.font.color.rgb) for r in mark.runs} == {"FF0000"}
    line = next(p for p in paragraphs if "签发人" in p.text)
    fonts = [r._r.rPr.rFonts.get(qn("w:eastAsia")) for r in line.runs]
    assert fonts[-1] == "楷体_GB2312" and fonts[-2] == "仿宋_GB2312"  # 签发人： 仿宋, name 楷体
    bottom = line._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000"
    # two lines between the red line and the title, as between the 标志 and the 发文字号
    at = texts.index(line.text)
    assert texts[at + 1 : title] == ["", ""]


def test_feedback_number_centred_and_the_imprint_on_an_even_last_page(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    doc = _export(seeded_copy, tmp_path / "f.docx", feedback(seeded, issue=True))
    number = next(p for p in doc.paragraphs if "〔2026〕" in p.text)
    assert number.text == "巡一组〔2026〕1号"
    assert number._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "center"
    assert "签发人" not in "".join(_paragraph_texts(doc))  # not a 上行文
    last = doc.sections[-1]
    assert len(doc.sections) == 2
    assert last._sectPr.find(qn("w:type")).get(qn("w:val")) == "evenPage"
    for footer in (last.footer, last.even_page_footer):
        [table] = footer.tables
        assert [c.text for row in table.rows for c in row.cells] == [
            "抄送：县纪委监委，县委组织部。",
            "中共县委第一巡察组\t2026年6月1日印发",
        ]
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        sizes = {
            side: borders.find(qn(f"w:{side}")).get(qn("w:sz"))
            for side in ("top", "bottom", "insideH")
        }
        assert sizes == {"top": "8", "bottom": "8", "insideH": "6"}  # 0.35 / 0.35 / 0.25 mm
    # the body keeps its page numbers: the 版记 has footers of its own
    assert "PAGE" in doc.sections[0].footer._element.xml
    assert "抄送" not in doc.sections[0].footer._element.xml


def test_attachments_before_the_signature_and_the_note_after_the_date(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    doc = _export(
        seeded_copy,
        tmp_path / "f.docx",
        feedback(seeded, attachments=("问题清单", "整改台账模板。"), note="此件发至县级", cc=()),
    )
    texts = _paragraph_texts(doc)
    first = texts.index("附件：1. 问题清单")
    assert texts[first - 1] == ""  # one line below the body
    assert texts[first + 1] == "2. 整改台账模板"  # no closing punctuation
    assert texts[first + 2 : first + 5] == ["", "县委第一巡察组", "2026年6月1日"]
    assert texts[first + 5] == "（此件发至县级）"
    [table] = doc.sections[-1].footer.tables
    assert [c.text for row in table.rows for c in row.cells] == [
        "中共县委第一巡察组\t2026年6月1日印发"
    ]  # cc=() : no 抄送 line


def test_a_recipient_override_replaces_the_render_s_own(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    doc = _export(
        seeded_copy, tmp_path / "f.docx", feedback(seeded, recipient="城关镇党委、镇纪委")
    )
    texts = _paragraph_texts(doc)
    assert "城关镇党委、镇纪委：" in texts and "城关镇党委：" not in texts


def test_documents_without_a_frame_are_unchanged(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    doc = _export(
        seeded_copy, tmp_path / "i.docx", DocRequest("interview", record_id=seeded.interview)
    )
    assert len(doc.sections) == 1
    assert "巡察组" not in "".join(p.text for p in doc.paragraphs[:2])


# -- the 发文字号 register ----------------------------------------------------------------------


def test_a_number_is_never_drawn_twice_even_after_a_failed_export(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    export_document(seeded_copy, report(seeded, issue=True), tmp_path / "1.docx")
    cancel = CancelToken()
    cancel.cancel()  # the build stops after the number was drawn
    with pytest.raises(Cancelled):
        export_document(seeded_copy, report(seeded, issue=True), tmp_path / "2.docx", cancel=cancel)
    assert not (tmp_path / "2.docx").exists()
    export_document(seeded_copy, feedback(seeded, issue=True), tmp_path / "3.docx")
    assert _numbers(seeded_copy) == ["巡一组〔2026〕1号", "巡一组〔2026〕2号", "巡一组〔2026〕3号"]
    drawn = _audit(seeded_copy, "document.number")
    assert [d["number"] for d in drawn] == _numbers(seeded_copy)
    assert drawn[2]["target_id"] == seeded.t1 and drawn[2]["date"] == "2026-06-01"
    exports = _audit(seeded_copy, "report.export")
    assert [e["number"] for e in exports] == ["巡一组〔2026〕1号", "巡一组〔2026〕3号"]
    # another year counts from 1; the register refuses to lose or change a row
    next_year = DocRequest("feedback", target_id=seeded.t1, date=date(2027, 1, 5), issue=True)
    export_document(seeded_copy, next_year, tmp_path / "4.docx")
    assert _numbers(seeded_copy)[-1] == "巡一组〔2027〕1号"
    for statement in ("DELETE FROM document_numbers", "UPDATE document_numbers SET seq = 9"):
        with pytest.raises(DatabaseError, match="never reused"), seeded_copy.session() as s:
            s.execute(text(statement))
    assert len(_numbers(seeded_copy)) == 4


def test_reusing_a_number_only_for_its_own_document(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    export_document(seeded_copy, feedback(seeded, issue=True), tmp_path / "1.docx")
    again = export_document(
        seeded_copy, feedback(seeded, number="巡一组〔2026〕1号"), tmp_path / "2.docx"
    )
    assert again.number == "巡一组〔2026〕1号"
    assert _numbers(seeded_copy) == ["巡一组〔2026〕1号"]  # nothing new drawn
    other = DocRequest("feedback", target_id=seeded.t2, number="巡一组〔2026〕1号")
    with pytest.raises(DocumentNumberNotIssued, match="另一份文书"):
        export_document(seeded_copy, other, tmp_path / "3.docx")
    with pytest.raises(DocumentNumberNotIssued, match="尚未签发"):
        export_document(
            seeded_copy, feedback(seeded, number="巡一组〔2026〕7号"), tmp_path / "4.docx"
        )
    with pytest.raises(DocumentNumberInvalid, match="格式"):
        export_document(seeded_copy, feedback(seeded, number="巡一组2026-1"), tmp_path / "5.docx")
    assert not any((tmp_path / f"{n}.docx").exists() for n in (3, 4, 5))


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (DocRequest("feedback", issue=True, draft=True), "征求意见稿不编发文字号"),
        (DocRequest("interview", issue=True), "没有发文字号"),
        (DocRequest("feedback", issue=True, number="巡一组〔2026〕1号"), "只能选一个"),
        (DocRequest("feedback", urgency="急"), "紧急程度"),
    ],
)
def test_choices_a_request_may_not_make(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path, request_: DocRequest, message: str
) -> None:
    if request_.doc_type == "interview":
        request_ = replace(request_, record_id=seeded.interview)
    else:
        request_ = replace(request_, target_id=seeded.t1)
    with pytest.raises(UsageError, match=message):
        export_document(seeded_copy, request_, tmp_path / "x.docx")
    assert _numbers(seeded_copy) == []


# -- the office's settings ---------------------------------------------------------------------


def test_only_the_office_sets_the_frame_and_each_change_is_audited(team: Team) -> None:
    with team("office").session() as s:
        set_frame_setting(s, "office_code", "云巡办")
        set_frame_setting(s, "team_code", "云巡")
        set_frame_setting(s, "office_code", "云巡办")  # unchanged: no entry
    with pytest.raises(PermissionDenied), team().session() as s:  # the 组长
        set_frame_setting(s, "printer", "县委巡察办")
    with pytest.raises(ValidationError, match="括号"), team("office").session() as s:
        set_frame_setting(s, "office_code", "云巡办〔")
    with pytest.raises(ValidationError, match="未知的公文设置"), team("office").session() as s:
        set_frame_setting(s, "colour", "red")
    with team().read() as s:
        settings = frame_settings(s)
        changes = [
            json.loads(e.detail)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "setting.change"))
        ]
    assert (settings.office_code, settings.team_code, settings.printer) == ("云巡办", "云巡", "")
    assert [(c["rule"], c["from"], c["to"]) for c in changes] == [
        ("巡察办机关代字", "", "云巡办"),
        ("巡察组机关代字前缀", "", "云巡"),
    ]


@pytest.fixture
def with_office(seeded_copy: Vault) -> Iterator[Vault]:
    users.add_user(seeded_copy, "office", PASSPHRASE, (Role.OFFICE,), display_name="巡察办")
    with Vault.open(seeded_copy.layout.root, "office", PASSPHRASE) as office:
        yield office


def test_the_office_s_settings_reach_the_frame(
    with_office: Vault, seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    with with_office.session() as s:
        for name, value in {
            "team_prefix": "中共云县县委",
            "team_code": "云巡",
            "printer": "中共云县县委巡察工作领导小组办公室",
            "cc": "县委办公室",
        }.items():
            set_frame_setting(s, name, value)
    doc = _export(seeded_copy, tmp_path / "f.docx", feedback(seeded, issue=True))
    texts = _paragraph_texts(doc)
    assert "中共云县县委第一巡察组" in texts and "云巡一组〔2026〕1号" in texts
    [table] = doc.sections[-1].footer.tables
    assert [c.text for row in table.rows for c in row.cells] == [
        "抄送：县纪委监委，县委组织部，县委办公室。",
        "中共云县县委巡察工作领导小组办公室\t2026年6月1日印发",
    ]


def test_an_office_template_gets_the_frame_as_placeholders(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    from workbench.reports import install_template
    from workbench.reports.gbt9704 import OfficialDocument

    page = OfficialDocument()
    page.text("{{ issuer_mark }}|{{ doc_number }}|{{ signer }}|{{ cc }}|{{ print_date }}")
    page.text("{{ title }}{% for g in groups %}{{ g.title }}{% endfor %}")
    source = tmp_path / "mine.docx"
    page.save(source)
    install_template(source, "inspection-report")
    doc = _export(seeded_copy, tmp_path / "r.docx", report(seeded, issue=True, cc=("县委办",)))
    assert doc.paragraphs[0].text == (
        "中共县委第一巡察组|巡一组〔2026〕1号|王组长|抄送：县委办。|2026年6月1日印发"
    )


def test_a_buffer_render_without_a_number(seeded_vault: Vault, seeded: Seeded) -> None:
    """``write_document`` (previews, tests) frames the document and draws no number."""
    from workbench.reports import write_document

    out = io.BytesIO()
    with seeded_vault.read() as s:
        written = write_document(s, feedback(seeded), out)
    assert written.number == ""
    texts = _paragraph_texts(Document(io.BytesIO(out.getvalue())))
    assert "中共县委第一巡察组" in texts


# -- the rules, one by one ---------------------------------------------------------------------


def test_the_office_s_mark_and_its_suffix() -> None:
    assert issuer_mark(FrameSettings(), "县委", None) == "中共县委巡察工作领导小组办公室"
    named = FrameSettings(office_mark="中共云县县委巡察工作领导小组办公室", office_suffix="文件")
    assert issuer_mark(named, "县委", None) == "中共云县县委巡察工作领导小组办公室文件"
    assert issuer_code(FrameSettings(), None) == "巡办"
    assert issuer_code(FrameSettings(office_code="云巡办"), None) == "云巡办"


def test_a_long_mark_is_narrowed_not_shrunk_below_2hao() -> None:
    assert mark_size("中共县委第一巡察组", 442) == (36.0, 100)
    size, scale = mark_size("中共云县县委巡察工作领导小组办公室" + "文件" * 3, 442)
    assert size == 22.0 and scale < 100 and size * scale / 100 * 23 <= 442


def test_attachment_note_and_number_texts() -> None:
    assert attachment_lines(("问题清单。",)) == ["附件：问题清单"]  # one: not numbered
    assert note_text("(此件公开发布)") == "(此件公开发布)"
    assert number_text("云巡办", 2026, 3) == "云巡办〔2026〕3号"
    assert parse_number(" 云巡一组〔2026〕12号 ") == ("云巡一组", 2026, 12)
    for bad in ("云巡办〔2026〕03号", "云巡办〔26〕3号", "云巡办[2026]3号", "〔2026〕3号"):
        with pytest.raises(DocumentNumberInvalid):
            parse_number(bad)


TBL_BORDERS = ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"]


def test_the_frame_s_xml_keeps_the_schema_s_element_order(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    """Word refuses a file whose pPr, rPr or tblBorders children are out of the schema's
    sequence (LibreOffice does not mind, so the renders would not show it)."""
    doc = _export(
        seeded_copy,
        tmp_path / "f.docx",
        feedback(seeded, issue=True, urgency="特急", attachments=("甲", "乙"), note="注"),
    )
    parts = [doc.element.body]
    parts += [f._element for s in doc.sections for f in (s.footer, s.even_page_footer)]
    checked = 0
    for root in parts:
        for tag, order in (("w:pPr", PPR), ("w:rPr", RPR), ("w:tblBorders", TBL_BORDERS)):
            for element in root.iter(qn(tag)):
                if tag == "w:rPr" and element.getparent().tag == qn("w:pPr"):
                    continue  # a paragraph mark's run properties
                names = [_name(child) for child in element]
                assert all(n in order for n in names), (tag, names)
                ranks = [order.index(n) for n in names]
                assert ranks == sorted(ranks), (tag, names)
                checked += 1
    assert checked > 50


def _name(element: Any) -> str:
    return element.tag.replace(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}", "w:"
    )
