"""Core services on both backends (SQLCipher and PostgreSQL): the same calls, the same answers.

Each test runs once per backend (the ``backend`` fixture in tests/pg/conftest.py) and states the
answers themselves, so a backend that differs fails.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.pg.stores import Backend
from workbench.errors import Conflict, StoreBusy
from workbench.models import Attachment
from workbench.services.attachments import attachment_uses, list_attachments
from workbench.services.clues import ClueDraft, register_clue
from workbench.services.findings import FindingDraft, create_finding, list_findings
from workbench.services.interviews import InterviewDraft, create_interview, list_interviews
from workbench.services.letters import (
    LetterDraft,
    ReportedPerson,
    get_letter,
    list_letters,
    register_letter,
    update_letter,
    void_letter,
)
from workbench.services.office_targets import add_target
from workbench.services.rectification import (
    RectificationDraft,
    add_rectification_evidence,
    create_rectification,
)
from workbench.services.rounds import RoundDraft, create_round, list_rounds
from workbench.services.stats import round_stats
from workbench.services.targets import (
    PersonDraft,
    TargetDraft,
    create_person,
    list_persons,
    list_targets,
)
from workbench.store import engine
from workbench.store.anchors import prove
from workbench.vocab.enums import AttentionLevel, CadreLevel, FindingStatus, LetterChannel

RECEIVED = (datetime.now() - timedelta(days=30)).replace(microsecond=0)


def _letter(round_id: str, target_id: str, summary: str) -> LetterDraft:
    return LetterDraft(
        round_id=round_id,
        channel=LetterChannel.SMALL_ENVELOPE,
        received_at=RECEIVED,
        reported_persons=(ReportedPerson("张三", "镇长", "某某镇", CadreLevel.COUNTY),),
        summary=summary,
        target_id=target_id,
    )


def _world(backend: Backend) -> tuple[str, str]:
    with backend.write() as s:
        rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
        setup = add_target(s, rnd.id, TargetDraft("某某镇党委", "township", AttentionLevel.KEY))
    return rnd.id, setup.target.id


def test_records_through_the_services(backend: Backend) -> None:
    round_id, target_id = _world(backend)
    with backend.write() as s:
        first = register_letter(s, _letter(round_id, target_id, "反映张三在惠农补贴发放中优亲厚友"))
        second = register_letter(s, _letter(round_id, target_id, "反映张三违规收受礼金"))
        finding = create_finding(
            s,
            FindingDraft(
                round_id=round_id,
                title="惠农补贴发放审核把关不严",
                target_id=target_id,
                method_code="FS-02",
                summary="2025年度惠农补贴存在虚报冒领情况",
                amount=Decimal("12345.67"),
                compiled_on=date(2026, 3, 2),
            ),
        )
    with backend.read() as s:
        assert [r.name for r in list_rounds(s).items] == ["2026年第一轮巡察"]
        letters = list_letters(s, round_id=round_id)
        assert letters.total == 2
        assert sorted(v.number for v in letters.items) == [first.number, second.number]
        assert first.number != second.number
        assert get_letter(s, first.id).reported_persons[0].name == "张三"
        # the list's 搜索 box: case-blind, in text and JSON columns alike
        assert [v.id for v in list_letters(s, round_id=round_id, text="礼金").items] == [second.id]
        assert list_letters(s, round_id=round_id, text="张三").total == 2
        findings = list_findings(s, round_id)
        assert [(f.id, f.status, f.amount) for f in findings.items] == [
            (finding.id, FindingStatus.DRAFT, Decimal("12345.67"))
        ]


def test_edits_race_and_voiding(backend: Backend) -> None:
    round_id, target_id = _world(backend)
    with backend.write() as s:
        letter = register_letter(s, _letter(round_id, target_id, "反映张三优亲厚友"))
    draft = _letter(round_id, target_id, "反映张三优亲厚友（补充）")
    with backend.write() as s:
        assert update_letter(s, letter.id, draft, expected_version=1).summary.endswith("（补充）")
    with pytest.raises(Conflict), backend.write() as s:  # someone else saved version 2 first
        update_letter(s, letter.id, replace(draft, summary="迟到的修改"), expected_version=1)
    with backend.write() as s:
        void_letter(s, letter.id, "重复登记")
    with backend.read() as s:
        assert list_letters(s, round_id=round_id).total == 0
        voided = list_letters(s, round_id=round_id, voided=True).items
        assert [(v.id, v.summary) for v in voided] == [(letter.id, "反映张三优亲厚友（补充）")]


def test_the_index_documents_follow_the_records(backend: Backend) -> None:
    """The flush hook keeps search_docs in step on both (PostgreSQL's search reads it later)."""
    docs = text("SELECT record_type, title FROM search_docs ORDER BY record_type")
    round_id, target_id = _world(backend)
    with backend.write() as s:
        letter = register_letter(s, _letter(round_id, target_id, "反映张三优亲厚友"))
    with backend.read() as s:
        assert [tuple(r) for r in s.execute(docs)] == [
            ("letter", f"{letter.number} 小信封 反映张三"),
            ("target", "某某镇党委"),
        ]
    with backend.write() as s:
        void_letter(s, letter.id, "重复登记")
    with backend.read() as s:
        assert [r.record_type for r in s.execute(docs)] == ["target"]


def test_the_audit_chain_verifies_with_every_signature(backend: Backend) -> None:
    round_id, target_id = _world(backend)
    with backend.write() as s:
        register_letter(s, _letter(round_id, target_id, "反映张三优亲厚友"))
    with backend.read() as s:
        proof = prove(s)
    assert proof.signatures.ok
    assert proof.signatures.bad == () and proof.signatures.unsigned == ()
    assert proof.signatures.valid == proof.entries > 5


def test_two_writers_at_once_keep_one_chain(backend: Backend) -> None:
    """Each write unit of work takes the store's write lock first (SQLite: BEGIN IMMEDIATE;
    PostgreSQL: an advisory lock), so the next link and the next number are read by one writer
    at a time."""
    round_id, target_id = _world(backend)

    def register_some(who: int) -> list[str]:
        numbers = []
        for i in range(8):
            with backend.write() as s:
                draft = _letter(round_id, target_id, f"第{who}路来信{i}")
                numbers.append(register_letter(s, draft).number)
        return numbers

    with ThreadPoolExecutor(2) as pool:
        numbers = [n for batch in pool.map(register_some, (1, 2)) for n in batch]
    assert len(set(numbers)) == 16
    with backend.read() as s:
        assert list_letters(s, round_id=round_id).total == 16
        proof = prove(s)
    assert proof.signatures.ok and proof.signatures.valid == proof.entries


def test_a_writer_kept_waiting_too_long_is_told_the_store_is_busy(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer holds the write lock past the busy timeout: WB-BUSY on both."""
    round_id, target_id = _world(backend)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    backend.engine.dispose()  # connections made from now on
    holding, done = threading.Event(), threading.Event()

    def hold_the_write_lock() -> None:
        with backend.write() as s:
            register_letter(s, _letter(round_id, target_id, "先到的来信"))
            holding.set()
            done.wait(timeout=120)

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    try:
        assert holding.wait(timeout=60)
        with pytest.raises(StoreBusy), backend.write() as s:
            register_letter(s, _letter(round_id, target_id, "后到的来信"))
    finally:
        done.set()
        holder.join()
    with backend.read() as s:
        assert [v.summary for v in list_letters(s, round_id=round_id).items] == ["先到的来信"]


def test_the_records_an_attachment_belongs_to(backend: Backend) -> None:
    """Attachment uses read the rectifications' JSON list of evidence on both backends."""
    round_id, target_id = _world(backend)
    sha = "ef" * 32
    with backend.write() as s:
        s.add(Attachment(sha256=sha, size=3, name="整改台账.xlsx"))
        s.flush()
        item = create_rectification(
            s, round_id, RectificationDraft("惠农补贴发放不规范", target_id=target_id)
        )
        add_rectification_evidence(s, item.id, [sha])
    with backend.read() as s:
        uses = attachment_uses(s, [sha, "00" * 32])
    assert {k: [(u.record_type, u.name) for u in v] for k, v in uses.items()} == {
        sha: [("rectifications", item.number)]
    }


def test_the_round_statistics(backend: Backend) -> None:
    """Counts, distinct people, groupings and dates over every kind of record: equal on both."""
    round_id, target_id = _world(backend)
    with backend.write() as s:
        for summary in ("反映张三优亲厚友", "反映张三违规收受礼金"):
            register_letter(s, _letter(round_id, target_id, summary))
        for subject in ("王五", "王五", "赵六"):
            create_interview(
                s,
                round_id,
                InterviewDraft(
                    "required", RECEIVED, ("甲", "乙"), "乙", subject, target_id=target_id
                ),
            )
        register_clue(
            s,
            ClueDraft(
                round_id,
                "张三",
                CadreLevel.COUNTY,
                "优亲厚友",
                "discipline_commission",
                "single",
                target_id=target_id,
                feedback_due=date.today() - timedelta(days=1),
            ),
        )
        create_rectification(
            s,
            round_id,
            RectificationDraft(
                "惠农补贴发放不规范", target_id=target_id, due_date=date(2020, 1, 1)
            ),
        )
    with backend.read() as s:
        stats = round_stats(s, round_id)
    assert (stats.letters, stats.interviews, stats.interviewees) == (2, 3, 2)
    assert stats.letters_by_channel == {LetterChannel.SMALL_ENVELOPE.value: 2}
    assert (stats.clues, stats.rectifications, stats.rectifications_overdue) == (1, 1, 1)
    assert (stats.findings, stats.findings_unsigned, stats.amount_fen) == (0, 0, 0)


def test_the_name_filters_ignore_case_alike(backend: Backend) -> None:
    """Each filter a user types matches letters whatever their case, and ``%``/``_`` as
    themselves, on both (a plain ``LIKE`` ignores ASCII case only on SQLite)."""
    round_id, target_id = _world(backend)
    with backend.write() as s:
        add_target(s, round_id, TargetDraft("ABC科技公司党委", "township", AttentionLevel.KEY))
        create_person(s, PersonDraft(target_id, "Zhang San", CadreLevel.COUNTY))
        create_interview(
            s, round_id, InterviewDraft("required", RECEIVED, ("甲", "乙"), "乙", "Li Si")
        )
        s.add(Attachment(sha256="ab" * 32, size=3, name="Report_2026.PDF", media_type="Image/PNG"))
    with backend.read() as s:
        assert [t.name for t in list_targets(s, round_id=round_id, name_contains="abc").items] == [
            "ABC科技公司党委"
        ]
        assert [p.name for p in list_persons(s, name_contains="zhang").items] == ["Zhang San"]
        assert [i.subject_name for i in list_interviews(s, subject_contains="LI S").items] == [
            "Li Si"
        ]
        assert [a.name for a in list_attachments(s, name_contains="report_").items] == [
            "Report_2026.PDF"
        ]
        assert list_attachments(s, name_contains="report%").total == 0
        assert list_attachments(s, media_prefix="image/").total == 1
