"""Shared data for the document tests: one round built through the services, with a 底稿 signed
off by 组长 and 副组长, letters through the 组务会, clues, 整改台账, a portrait and archive items.

The store is made once per session (key derivation is slow) and copied by tests that write.
A test module uses them by binding them at module level: ``seeded = docs_data.seeded``.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER, PASSPHRASE
from workbench.models import Member
from workbench.models import Team as TeamRow
from workbench.models.system import StoreMeta
from workbench.roles import Role
from workbench.services import (
    clues,
    findings,
    findings_evidence,
    findings_signoff,
    focus,
    interviews,
    letters,
    letters_disposal,
    portraits,
    rectification,
    rectification_documents,
    rectification_followup,
    reports,
    rounds,
    targets,
    users,
)
from workbench.services.findings import FindingDraft, ResponsibleParty
from workbench.services.workflow import SourceRef
from workbench.store.vault import Vault
from workbench.vocab.enums import ForceType, MemberRole

DEPUTY = "deputy"
F1_TAXON = "SGJJ-2020.2.1.1"  # 聚焦群众身边… › 惠民惠农资金管理使用 › 虚报冒领…
F2_TAXON = "SGJJ-2020.3.1.1"
F3_TAXON = "SGJJ-2020.1.1.2"
DONE_ON = date(2025, 6, 20)


@dataclass(frozen=True)
class Seeded:
    store: Path
    round_id: str
    team_id: str
    t1: str  # 城关镇党委: most records
    t2: str  # 县教育局党组
    interview: str
    letter_named: str
    letter_formula: str
    f1: str  # approved, with evidence, basis and responsible parties
    f2: str  # draft, 立行立改
    f3: str  # of t2
    f4: str  # not 纳入报告
    clue1: str
    clue2: str
    rect_open: str
    rect_progress: str
    rect_done: str
    portrait: str
    evidence_sha: str
    suggestion: str = ""  # a 巡察建议书 record to 县民政局 on f1
    supervision: str = ""  # 纪委监委's 督办 of rect_progress
    reminder: str = ""  # 新官理旧账 提醒函 for t1


def _attachment(vault: Vault, name: str, content: bytes) -> str:
    with vault.session() as s:
        info = vault.attachments.add(s, io.BytesIO(content), name=name, size_hint=len(content))
    return info.sha256


def _seed(vault: Vault, deputy: Vault, store: Path) -> Seeded:
    sha = _attachment(vault, "销号佐证.pdf", b"%PDF-1.4 evidence")
    scan = _attachment(vault, "笔录签字.pdf", b"%PDF-1.4 signed")
    with vault.session() as s:
        r = rounds.create_round(
            s,
            rounds.RoundDraft(
                "十五届县委第六轮巡察",
                2025,
                6,
                "常规",
                "sgjj",
                2020,
                term="十五届县委",
                start_date=date(2025, 3, 10),
                end_date=date(2025, 5, 30),
                authorization_no="云巡办〔2025〕12号",
            ),
        ).id
        team = rounds.create_team(s, r, 1, "县委第一巡察组").id
        t1 = targets.create_target(
            s,
            r,
            targets.TargetDraft(
                "城关镇党委",
                "township",
                "重点关注",
                overview="城关镇辖12个村（社区），党员1,236名。",
                leader_name="周建华",
                team_id=team,
            ),
        ).id
        t2 = targets.create_target(
            s, r, targets.TargetDraft("县教育局党组", "party_gov", "一般关注", team_id=team)
        ).id
        # the team's set-up as a briefing brings it (巡察办's services refuse a 组长)
        row = s.get(TeamRow, team)
        assert row is not None
        row.target_ids = [t1, t2]
        crew = (("王组长", MemberRole.LEADER, vault), ("李副组长", MemberRole.DEPUTY, deputy))
        for name, role, user in crew:
            s.add(
                Member(
                    round_id=r,
                    team_id=team,
                    name=name,
                    role=role,
                    force_type=ForceType.FULL_TIME,
                    user_id=user.user.id,
                )
            )
        s.flush()
        person = targets.create_person(
            s, targets.PersonDraft(t1, "李明", "乡管", position="副镇长")
        ).id
        basis = focus.create_list_entry(
            s,
            r,
            focus.ListEntryDraft(
                "policy",
                "中国共产党纪律处分条例",
                document_no="中发〔2023〕18号",
                clause="第一百零六条",
                content="在扶贫领域侵害群众利益的，给予警告或者严重警告处分。",
            ),
        ).id
        iv = interviews.create_interview(
            s,
            r,
            interviews.InterviewDraft(
                "必谈",
                datetime(2025, 3, 12, 9, 30),
                ("王组长", "陈记录"),
                "陈记录",
                "张三",
                place="城关镇小会议室",
                target_id=t1,
                team_id=team,
                subject_unit="城关镇",
                subject_position="党委书记",
                subject_political_status="中共党员",
                summary="反映惠农补贴发放不规范。",
            ),
        ).id
        interviews.set_transcript(
            s,
            iv,
            [
                ("请介绍班子履职情况。", "班子总体团结。"),
                ("惠农补贴如何发放？", "由村里统计上报。"),
            ],
        )
        interviews.confirm_interview(s, iv, date(2025, 3, 13), scan)
        named = letters.register_letter(
            s,
            letters.LetterDraft(
                r,
                "来信",
                datetime(2025, 3, 15, 10, 0),
                anonymous=False,
                reporter_name="赵六",
                reporter_contact="13800000000",
                reported_persons=(letters.ReportedPerson("李明", "副镇长", "城关镇", "乡管"),),
                target_id=t1,
                team_id=team,
            ),
        ).id
        letters.summarize_letter(s, named, summary="反映李明在低保评定中优亲厚友。")
        letters_disposal.discuss_letter(
            s, named, meeting_date=date(2025, 3, 18), category="一般性问题", proposal="转县民政局"
        )
        letters_disposal.dispose_letter(s, named, "转交", transfer_to="县民政局")
        formula = letters.register_letter(
            s,
            letters.LetterDraft(
                r, "二维码", datetime(2025, 3, 16, 8, 0), summary='=HYPERLINK("x")', target_id=t1
            ),
        ).id
        f1 = findings.create_finding(
            s,
            FindingDraft(
                r,
                "城关镇惠农补贴虚报冒领",
                t1,
                "FS-02",
                compiled_on=date(2025, 4, 1),
                summary="城关镇3个村虚报冒领惠农补贴4.2万元。\n资金已追回1.5万元。",
                discovery="个别谈话中发现线索，调阅补贴台账核实。",
                source_refs=(SourceRef("interview", iv),),
                basis_ids=(basis,),
                responsible=(
                    ResponsibleParty("主体责任", unit="城关镇党委"),
                    ResponsibleParty("直接责任", name="李明", unit="城关镇", person_id=person),
                ),
                amount="42000.50",
                taxonomy_code=F1_TAXON,
                disciplines=("群众纪律",),
                team_id=team,
            ),
        ).id
        for title, pages in (("补贴发放台账", 12), ("谈话笔录", 3)):
            findings_evidence.create_evidence(
                s, f1, findings_evidence.EvidenceDraft("文件", title, source="城关镇", pages=pages)
            )
        findings_signoff.submit_finding(s, f1, comment="请复核")
        f2 = findings.create_finding(
            s,
            FindingDraft(
                r,
                "城关镇党委议事决策把关缺位",
                t1,
                "个别谈话",
                compiled_on=date(2025, 4, 2),
                summary="“三重一大”事项未经党委会研究。",
                taxonomy_code=F2_TAXON,
                immediate_fix=True,
                team_id=team,
            ),
        ).id
        f3 = findings.create_finding(
            s,
            FindingDraft(
                r,
                "县教育局理论学习记录补记",
                t2,
                "FS-01",
                compiled_on=date(2025, 4, 3),
                summary="中心组学习记录存在补记。",
                taxonomy_code=F3_TAXON,
                team_id=team,
            ),
        ).id
        f4 = findings.create_finding(
            s,
            FindingDraft(
                r,
                "不纳入报告的问题",
                t1,
                "FS-01",
                compiled_on=date(2025, 4, 4),
                summary="已当场纠正。",
                taxonomy_code=F3_TAXON,
                include_in_report=False,
            ),
        ).id
    with deputy.session() as s:
        findings_signoff.review_finding(s, f1, comment="同意")
    with vault.session() as s:
        findings_signoff.approve_finding(s, f1, comment="同意纳入报告")
        c1 = clues.register_clue(
            s,
            clues.ClueDraft(
                r,
                "王五",
                "县管",
                "收受管理服务对象礼金2万元。",
                "纪委监委",
                "单移交",
                subject_position="城关镇党委副书记",
                disciplines=("廉洁纪律",),
                category1="违反廉洁纪律",
                feedback_due=date(2025, 8, 30),
                target_id=t1,
                team_id=team,
                source_refs=(SourceRef("letter", named),),
            ),
        ).id
        clues.transfer_clue(
            s, c1, transferred_by="王组长", transferred_at=datetime(2025, 6, 1, 9, 0)
        )
        c2 = clues.register_clue(
            s,
            clues.ClueDraft(
                r,
                "孙七",
                "县管",
                "违规提拔亲属。",
                "组织部",
                "双移交",
                subject_position="县教育局副局长",
                second_unit="纪委监委",
                target_id=t2,
            ),
        ).id
        draft = rectification.RectificationDraft
        ro = rectification.create_rectification(
            s,
            r,
            draft(
                "惠农补贴虚报冒领",
                target_id=t1,
                finding_id=f1,
                category="惠民惠农",
                measures="追缴资金，建立公示制度。",
                leader_in_charge="李明",
                lead_department="镇财政所",
                responsible_person="钱八",
                due_date=date(2025, 9, 30),
            ),
        ).id
        rp = rectification.create_rectification(
            s, r, draft("议事规则不健全", target_id=t1, due_date=date(2025, 7, 31))
        ).id
        rectification.set_rectification_status(s, rp, "推进中")
        rd = rectification.create_rectification(
            s, r, draft("学习记录补记", target_id=t2, due_date=date(2025, 6, 30))
        ).id
        rectification.set_rectification_status(s, rd, "推进中")
        rectification.set_rectification_status(
            s, rd, "已完成", closed_on=DONE_ON, evidence_sha256=(sha,)
        )
        rectification.grade_rectification(s, rd, "好")
        portrait = portraits.create_portrait(
            s, r, portraits.PortraitDraft("领导班子", target_id=t1)
        )
        first = portrait.items[0].item_code
        portraits.rate_item(
            s,
            portrait.id,
            first,
            "较好",
            "总体较好，个别成员学习不深。",
            (portraits.RecordRef("finding", f1),),
        )
        for n, (stage, title) in enumerate(
            (("巡前准备", "巡察工作方案"), ("巡中了解", "城关镇问题底稿")), start=1
        ):
            reports.create_archive_item(
                s,
                r,
                reports.ArchiveDraft(
                    stage,
                    "文书",
                    title,
                    "30年",
                    item_no=str(n),
                    volume_no="1",
                    refs=(portraits.RecordRef("finding", f1),) if n == 2 else (),
                ),
            )
        reports.create_report(
            s,
            r,
            reports.ReportDraft(
                "巡察报告",
                "城关镇巡察报告",
                target_id=t1,
                body="城关镇党委总体能够贯彻落实上级决策部署，但在惠民资金管理上存在薄弱环节。",
            ),
        )
        findings_signoff.set_finding_in_report(s, f4, False)
        followup = _seed_followup(s, r, t1, f1, rp)
    return Seeded(
        store, r, team, t1, t2, iv, named, formula, f1, f2, f3, f4, c1, c2, ro, rp, rd,
        portrait.id, sha, *followup,
    )  # fmt: skip


def _seed_followup(s: Session, r: str, t1: str, f1: str, rp: str) -> tuple[str, str, str]:
    """After 反馈: a 巡察建议书 record, t1's 整改方案/报告 due, a 督办 and a 提醒函."""
    suggestion = reports.create_report(
        s,
        r,
        reports.ReportDraft(
            "巡察建议书",
            "关于加强惠农补贴发放监管的巡察建议书",
            finding_ids=(f1,),
            body="县民政局：\n建立惠农补贴发放公示和抽查复核制度。\n加强对乡镇经办人员的培训。",
        ),
    ).id
    for kind in ("整改方案", "整改报告"):
        rectification_documents.create_document(
            s, r, rectification_documents.DocumentDraft(kind, t1, date(2025, 6, 10))
        )
    supervision = rectification_followup.add_supervision(
        s,
        r,
        rectification_followup.SupervisionDraft(
            t1, "纪委监委", date(2025, 8, 5), "实地督查整改进展。", "议事规则仍未修订。", rp
        ),
    ).id
    reminder = rectification_followup.create_reminder(
        s,
        r,
        rectification_followup.ReminderDraft(t1, "周建华", "吴新民", date(2025, 8, 1)),
    ).id
    return suggestion, supervision, reminder


@pytest.fixture(scope="session")
def seeded(template_store: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    root = tmp_path_factory.mktemp("docs") / "store"
    shutil.copytree(template_store[0], root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))
        vault = Vault.open(root, LEADER, PASSPHRASE)
        try:
            users.add_user(
                vault, DEPUTY, PASSPHRASE, (Role.DEPUTY_LEADER,), display_name="李副组长"
            )
            with Vault.open(root, DEPUTY, PASSPHRASE) as deputy:
                seeded = _seed(vault, deputy, root)
            with vault.session() as s:
                as_office_store(s)  # documents are numbered there (reports.numbers)
            return seeded
        finally:
            vault.lock()


def as_office_store(session: Session) -> None:
    """Mark a store made as a field store (the seeded data needs a 组) as the office's: only
    the office's store draws 发文字号."""
    meta = session.get(StoreMeta, "store_role")
    assert meta is not None
    meta.value = "office"


@contextmanager
def open_seeded(seeded: Seeded, factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """The shared store for module-scoped fixtures, with a scratch WORKBENCH_HOME of its own
    (the per-test home is not set up yet at module scope)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(factory.mktemp("home")))
        with Vault.open(seeded.store, LEADER, PASSPHRASE) as vault:
            yield vault


@pytest.fixture
def seeded_vault(seeded: Seeded) -> Iterator[Vault]:
    """The shared store, for tests that only read (exports write audit entries: use a copy)."""
    vault = Vault.open(seeded.store, LEADER, PASSPHRASE)
    yield vault
    vault.lock()


@pytest.fixture
def seeded_copy(seeded: Seeded, tmp_path: Path) -> Iterator[Vault]:
    """A private copy of the seeded store, for tests that write."""
    target = tmp_path / "store"
    shutil.copytree(seeded.store, target)
    vault = Vault.open(target, LEADER, PASSPHRASE)
    yield vault
    vault.lock()
