"""The documents a round sends out at its start (工作方案, 进驻通知, 巡察公告, 小信封), checked
against the round's set-up: its planned dates, teams and members, targets, 监督重点清单 and the
team's 信访渠道; and the QR code of the 公告 read back from the PNG in the .docx."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import segno
from docx import Document
from docx.oxml.ns import qn

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_content import lines, text, title
from tests.workbench.test_docs_data import Seeded
from workbench.models import Member, Round, Team
from workbench.reports import DOCUMENTS, DocRequest, get_spec, write_document
from workbench.reports.doc_announcement import add_qr
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.round_start import count, span
from workbench.services import focus
from workbench.store.vault import Vault
from workbench.vocab.enums import ForceType, MemberRole, RoundType

seeded = docs_data.seeded  # the shared fixture

CHANNEL = "https://xc.example.gov.cn/jb?team=1"
CONTACT = {
    "phone": "0871-12345678",
    "mailbox": "云川县邮政局第18号信箱",
    "postcode": "650100",
    "email": "xcz1@example.gov.cn",
    "address": "县行政中心4号楼",
    "hours": "工作日8:30-17:30",
    "qr": CHANNEL,
}


@contextmanager
def planned_copy(seeded: Seeded, root: Path, *, plan: bool) -> Iterator[Vault]:
    """A copy of the seeded store; with ``plan`` the round gets phase dates, focus items for
    城关镇党委, a 组员 with their unit and the team its 信访渠道 (written as a briefing brings
    them, like the seeded team itself)."""
    store = root / "store"
    shutil.copytree(seeded.store, store)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(root / "home"))
        with Vault.open(store, LEADER, PASSPHRASE) as vault:
            if plan:
                with vault.session() as s:
                    rnd = s.get(Round, seeded.round_id)
                    team = s.get(Team, seeded.team_id)
                    assert rnd is not None and team is not None
                    rnd.phase_dates = {
                        "preparation": ["2025-02-20", "2025-03-09"],
                        "stationing": ["2025-03-10", "2025-05-30"],
                        "feedback": [None, "2025-07-15"],
                    }
                    team.contact = dict(CONTACT)
                    s.add(
                        Member(
                            round_id=seeded.round_id,
                            team_id=seeded.team_id,
                            name="陈记录",
                            original_unit="县审计局",
                            role=MemberRole.RECORDER,
                            force_type=ForceType.SECONDED,
                        )
                    )
                    focus.seed_focus_items(s, seeded.round_id, seeded.t1)
            yield vault


def build(vault: Vault, request: DocRequest) -> Any:
    buf = io.BytesIO()
    with vault.read() as session:
        write_document(session, request, buf, "docx", use_template=False)
    return Document(io.BytesIO(buf.getvalue()))


@pytest.fixture(scope="module")
def planned(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with planned_copy(seeded, tmp_path_factory.mktemp("planned"), plan=True) as vault:
        with vault.read() as s:
            focus_titles = [
                i.title for i in focus.list_focus_items(s, target_id=seeded.t1, limit=500).items
            ]
        return {
            "focus": focus_titles,
            "plan": build(vault, DocRequest("work-plan", round_id=seeded.round_id)),
            "plan-t2": build(vault, DocRequest("work-plan", target_id=seeded.t2)),
            "notice": build(vault, DocRequest("entry-notice", target_id=seeded.t1)),
            "announcement": build(vault, DocRequest("announcement", target_id=seeded.t1)),
            "envelopes": build(vault, DocRequest("envelopes", target_id=seeded.t1)),
        }


@pytest.fixture(scope="module")
def bare(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The same documents for the seeded round as it is (no phase dates, no 信访渠道), made a
    专项 round with its topic."""
    with planned_copy(seeded, tmp_path_factory.mktemp("bare"), plan=False) as vault:
        with vault.session() as s:  # nor the round's own dates
            rnd = s.get(Round, seeded.round_id)
            assert rnd is not None
            rnd.start_date = rnd.end_date = None
            rnd.round_type, rnd.topic = RoundType.SPECIAL, "乡村振兴领域"
        return {
            code: build(vault, DocRequest(code, target_id=seeded.t1))
            for code in ("work-plan", "entry-notice", "announcement", "envelopes")
        }


def test_the_new_types_are_registered() -> None:
    codes = {d.code: (d.title, d.scope) for d in DOCUMENTS}
    assert codes["work-plan"] == ("巡察工作方案", "round")
    assert codes["entry-notice"] == ("进驻通知", "target")
    assert codes["announcement"] == ("巡察公告", "target")
    assert codes["envelopes"] == ("小信封", "target")
    assert get_spec("巡察公告").code == "announcement"


def test_work_plan_says_targets_phases_teams_focus_and_discipline(
    planned: dict[str, Any],
) -> None:
    doc = planned["plan"]
    body = text(doc)
    assert title(doc) == "十五届县委第六轮巡察工作方案"
    assert "云巡办〔2025〕12号" in body  # the 授权文号 it is done under
    [scope] = [line for line in lines(doc) if line.startswith("本轮对")]
    assert scope.endswith("等两个党组织开展常规巡察。")
    assert "城关镇党委" in scope and "县教育局党组" in scope
    assert "本轮巡察时间为2025年3月10日至5月30日" in body
    assert "（一）准备阶段（2025年2月20日至3月9日）。" in body
    assert "（二）进驻了解阶段（2025年3月10日至5月30日）。" in body
    assert "（三）报告阶段（时间另行通知）。" in body  # no date planned: never guessed
    assert "（四）反馈移交阶段（至2025年7月15日）。" in body
    assert "（一）县委第一巡察组" in lines(doc)
    assert "组长：王组长" in body and "副组长：李副组长" in body
    assert "记录员：陈记录（县审计局）" in body
    assert "聚焦群众身边腐败问题和不正之风" in body
    # the 监督重点清单 by kind of target (县教育局党组 has none seeded)
    assert f"（四）乡镇（街道）监督重点。{'、'.join(planned['focus'])}。" in lines(doc)
    assert "政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律" in body
    assert "个别谈话" in body and "其他经批准的方式" not in body
    assert "县委巡察工作领导小组办公室" in [p.text for p in doc.paragraphs]


def test_work_plan_for_one_target_keeps_to_it(planned: dict[str, Any]) -> None:
    doc = planned["plan-t2"]
    body = text(doc)
    assert title(doc) == "十五届县委第六轮巡察县教育局党组工作方案"
    assert "本轮对县教育局党组开展常规巡察。" in body
    assert "巡察对象：县教育局党组" in body and "城关镇党委" not in body
    assert "城关镇党委监督重点" not in body


def test_missing_dates_are_said_to_follow(bare: dict[str, Any]) -> None:
    plan = text(bare["work-plan"])
    assert "本轮巡察的具体时间由县委巡察工作领导小组确定后另行通知。" in plan
    assert "（一）准备阶段（时间另行通知）。" in plan
    notice = text(bare["entry-notice"])
    assert "县委第一巡察组进驻时间和巡察时间另行通知。" in notice
    assert "None" not in plan + notice
    assert "本轮对城关镇党委开展乡村振兴领域专项巡察。" in plan
    assert "（一）围绕“乡村振兴领域”。" in plan


def test_entry_notice_names_team_dates_preparations_and_contacts(planned: dict[str, Any]) -> None:
    doc = planned["notice"]
    body = text(doc)
    assert title(doc) == "关于县委第一巡察组巡察城关镇党委的通知"
    assert docs_data_recipient(doc) == "城关镇党委："
    assert "县委第一巡察组定于2025年3月10日进驻，巡察时间为2025年3月10日至5月30日，共82天" in body
    assert "组长：王组长" in body
    for point in ("召开巡察工作动员会", "准备工作汇报", "准备有关资料", "提供工作条件"):
        assert f"{point}。" in body
    assert "周建华同志" in body  # the target's 一把手 speaks at the 动员会
    assert "值班电话：0871-12345678" in body
    assert "邮政信箱：云川县邮政局第18号信箱（邮编：650100）" in body
    assert "县委巡察工作领导小组办公室" in [p.text for p in doc.paragraphs]


def docs_data_recipient(doc: Any) -> str:
    paragraphs = doc.paragraphs
    last = max(i for i, p in enumerate(paragraphs) if p.style.name == "Title")
    return next(p.text for p in paragraphs[last + 1 :] if p.text)


def test_entry_notice_without_channels_says_when_they_come(bare: dict[str, Any]) -> None:
    body = text(bare["entry-notice"])
    assert "巡察组的值班电话、邮政信箱等信访渠道，在进驻时以巡察公告公布。" in body
    assert "值班电话：" not in body


def test_announcement_states_scope_contacts_and_deadline(planned: dict[str, Any]) -> None:
    doc = planned["announcement"]
    body = text(doc)
    assert title(doc) == "县委第一巡察组巡察公告"
    assert "工作秘密" not in body  # posted in public
    assert "于2025年3月10日至5月30日对城关镇党委开展常规巡察" in body
    assert "主要受理反映城关镇党委领导班子及其成员" in body
    assert "政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律" in body
    assert "不予受理" in body and "涉法涉诉" in body
    for label, value in (("电子邮箱", CONTACT["email"]), ("来访地址", CONTACT["address"])):
        assert f"{label}：{value}" in body
    assert "巡察组受理信访截止时间为2025年5月30日。" in body
    assert "县委第一巡察组信访举报二维码（扫码反映问题）" in body
    assert doc.paragraphs[-1].text == "2025年3月9日"  # issued before the 进驻: the 准备 phase's end


def _png_modules(png: bytes) -> list[list[bool]]:
    """The dark (True) pixels of a segno PNG (greyscale or palette, one bit a pixel)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, data = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = data
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    width, height, depth = struct.unpack(">IIB", header[:9])
    assert depth == 1
    raw, stride, rows, prev = zlib.decompress(idat), (width + 7) // 8, [], bytes((width + 7) // 8)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):  # PNG filters 0 (none) and 2 (up), all segno writes for 1 bit
            if kind == 2:
                line[i] = (line[i] + prev[i]) & 0xFF
            else:
                assert kind == 0, kind
        prev = bytes(line)
        # segno draws dark modules as 0 (black) in a greyscale or its palette's first entry
        rows.append([not (line[x // 8] >> (7 - x % 8)) & 1 for x in range(width)])
    return rows


def _images(doc: Any) -> list[bytes]:
    blips = doc.element.body.iter(qn("a:blip"))
    return [doc.part.related_parts[b.get(qn("r:embed"))].blob for b in blips]


def _reads_as(png: bytes, text: str) -> bool:
    """Whether the PNG's modules are those of ``text``'s QR code (sampled at module centres)."""
    pixels = _png_modules(png)
    expected = segno.make(text, error="m", micro=False)
    modules = [[bool(v) for v in row] for row in expected.matrix]
    size = len(modules)
    scale = len(pixels) // (size + 8)  # a quiet zone of four modules each side
    if not scale * (size + 8) == len(pixels) == len(pixels[0]):
        return False
    sampled = [
        [pixels[(4 + r) * scale + scale // 2][(4 + c) * scale + scale // 2] for c in range(size)]
        for r in range(size)
    ]
    return sampled == modules


def _printed_mm(doc: Any) -> float:
    [extent] = doc.element.body.iter(qn("wp:extent"))
    return int(extent.get("cx")) / 36000


def test_announcement_qr_code_reads_as_the_configured_channel(planned: dict[str, Any]) -> None:
    [png] = _images(planned["announcement"])
    assert _reads_as(png, CHANNEL)
    assert not _reads_as(png, "https://xc.example.gov.cn/jb?team=2")
    assert abs(_printed_mm(planned["announcement"]) - 30) < 0.5


def test_a_long_channel_prints_larger_so_it_still_reads() -> None:
    text = "请扫码进入县委巡察组网络举报平台反映问题。" * 12
    doc = OfficialDocument(title="测试")
    add_qr(doc, text, "说明")
    buf = io.BytesIO()
    doc.save(buf)
    read = Document(io.BytesIO(buf.getvalue()))
    [png] = _images(read)
    assert _reads_as(png, text)
    modules = segno.make(text, error="m", micro=False).symbol_size(border=4)[0]
    assert _printed_mm(read) / modules >= 0.4 and _printed_mm(read) > 30


def test_announcement_without_a_channel_has_no_code_and_says_so(bare: dict[str, Any]) -> None:
    doc = bare["announcement"]
    assert _images(doc) == []
    body = text(doc)
    assert "本巡察组未设置网络举报二维码，请通过上述电话、信箱等方式反映问题。" in body
    assert "巡察组的值班电话、邮政信箱另行通知。" in body
    assert "截止时间" not in body


def test_envelopes_are_addressed_to_the_teams_mailbox(planned: dict[str, Any]) -> None:
    doc = planned["envelopes"]
    [table] = doc.tables
    faces = [c for row in table.rows for c in row.cells]
    assert len(faces) == 14
    for face in faces:
        face_text = face.text
        assert "县委第一巡察组　收" in face_text
        assert "云川县邮政局第18号信箱" in face_text and "邮政编码：650100" in face_text
        assert "机密" in face_text
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {e.get(qn("w:val")) for e in borders} == {"dashed"}  # the cut lines


def test_envelopes_without_a_mailbox_leave_its_line_blank(bare: dict[str, Any]) -> None:
    doc = bare["envelopes"]
    assert "巡察组未设置邮政信箱" in text(doc)
    assert "信箱" not in doc.tables[0].rows[0].cells[0].text


def test_planned_dates_in_words() -> None:
    assert span(date(2025, 3, 10), date(2025, 5, 30)) == "2025年3月10日至5月30日"
    assert span(date(2025, 12, 1), date(2026, 1, 15)) == "2025年12月1日至2026年1月15日"
    assert span(date(2025, 3, 10), None) == "2025年3月10日起"
    assert span(None, date(2025, 5, 30)) == "至2025年5月30日"
    assert span(None, None) == ""
    assert count(2) == "两" and count(3) == "三" and count(12) == "十二"
