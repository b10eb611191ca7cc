"""Demo data: every record type and vocabulary, valid against the catalog, deterministic,
searchable, and the large plan (scaled down) with progress and cancel."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import workbench.services  # noqa: F401 - the search-index hook
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE, DEMO_USERS, create_demo_store
from workbench.demo_data import SIZES, DemoSummary, populate_demo
from workbench.errors import Cancelled, PermissionDenied, ValidationError
from workbench.jobs import CancelToken
from workbench.models import (
    RECORD_MODELS,
    Activity,
    ArchiveItem,
    Attachment,
    Clue,
    DataHit,
    Evidence,
    Finding,
    FocusItem,
    Interview,
    Letter,
    ListEntry,
    Member,
    Portrait,
    Rectification,
    Report,
    Round,
    Target,
    Team,
    User,
)
from workbench.search import search
from workbench.services.catalog import catalog
from workbench.services.findings_signoff import review_finding
from workbench.services.portraits import check_overall, get_portrait
from workbench.store import audit
from workbench.store.vault import Vault
from workbench.vocab.enums import (
    ActivityType,
    ClueStatus,
    FindingStatus,
    FocusStatus,
    InterviewType,
    LetterCategory,
    LetterChannel,
    LetterDisposition,
    LetterStatus,
    ListKind,
    MemberRole,
    RectificationStatus,
    ReportType,
    RoundType,
    SignoffStep,
)


def _values(s: Session, column: Any) -> set[Any]:
    return set(s.scalars(select(column).distinct()))


def _count(s: Session, model: Any) -> int:
    return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _signature(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """What must repeat for the same seed: numbers, titles, names, texts, dates."""
    with vault.read() as s:
        return {
            "targets": sorted(s.execute(select(Target.name, Target.leader_name, Target.overview))),
            "letters": sorted(s.execute(select(Letter.number, Letter.summary, Letter.received_at))),
            "findings": sorted(s.execute(select(Finding.number, Finding.title, Finding.summary))),
            "clues": sorted(s.execute(select(Clue.number, Clue.problem, Clue.status))),
            "interviews": sorted(s.execute(select(Interview.number, Interview.summary))),
        }


@pytest.fixture
def small(vault: Vault) -> tuple[Vault, DemoSummary]:
    return vault, populate_demo(vault)


def test_small_has_every_record_type_and_vocabulary(small: tuple[Vault, DemoSummary]) -> None:
    vault, summary = small
    assert all(v > 0 for v in vars(summary).values()), summary
    assert 300 <= summary.records <= 1200
    with vault.read() as s:
        counts = {m.__tablename__: _count(s, m) for m in RECORD_MODELS}
        assert counts == {k: getattr(summary, k) for k in counts}
        assert _values(s, Letter.channel) == set(LetterChannel)
        assert _values(s, Letter.status) == set(LetterStatus)
        assert _values(s, Letter.category) >= set(LetterCategory)
        assert _values(s, Letter.disposition) >= set(LetterDisposition)
        assert _values(s, Letter.anonymous) == {True, False}
        assert _values(s, Finding.status) == set(FindingStatus)
        assert _values(s, Clue.status) == set(ClueStatus)
        assert _values(s, Rectification.status) == set(RectificationStatus)
        assert _values(s, Interview.interview_type) == set(InterviewType)
        assert _values(s, Activity.activity_type) == set(ActivityType)
        assert _values(s, FocusItem.status) == set(FocusStatus)
        assert _values(s, ListEntry.kind) == set(ListKind)
        assert _values(s, Report.report_type) == set(ReportType)
        kinds = {k.code for k in catalog().target_kinds()}
        assert _values(s, Target.kind) == kinds
        subtypes = Counter(s.execute(select(Target.kind, Target.subtype)).all())
        assert len({sub for kind, sub in subtypes if kind == "village"}) >= 3
        assert len({sub for kind, sub in subtypes if kind == "community"}) >= 2
        rnd = s.scalars(select(Round)).one()
        assert rnd.name == "十五届县委第六轮巡察" and rnd.round_type is RoundType.REGULAR
        assert (rnd.framework_id, rnd.framework_version) == ("sgjj", "2020")
        assert rnd.authorization_no == "云巡办〔2026〕12号"


def test_small_links_hold(small: tuple[Vault, DemoSummary]) -> None:
    vault, _ = small
    with vault.read() as s:
        letters = {row.id: row for row in s.scalars(select(Letter))}
        clue_ids = set(s.scalars(select(Clue.id)))
        finding_ids = set(s.scalars(select(Finding.id)))
        shas = set(s.scalars(select(Attachment.sha256)))
        duplicates = [row for row in letters.values() if row.duplicate_of_id]
        assert duplicates
        for row in duplicates:
            original = letters[row.duplicate_of_id]  # type: ignore[index]
            assert original.target_id == row.target_id and original.duplicate_of_id is None
        to_clue = [r for r in letters.values() if r.disposition is LetterDisposition.TO_CLUE]
        assert to_clue and all(r.clue_id in clue_ids for r in to_clue)
        assert {r.finding_id for r in letters.values() if r.finding_id} <= finding_ids
        sources = {"letter": Letter, "interview": Interview, "data_hit": DataHit}
        for clue in s.scalars(select(Clue)):
            for ref in clue.source_refs:
                assert s.get(sources[ref["type"]], ref["id"]) is not None
        done = s.scalars(
            select(Rectification).where(Rectification.status == RectificationStatus.DONE)
        ).all()
        assert done and all(r.closed_on and r.evidence_sha256 for r in done)
        assert all(set(r.evidence_sha256) <= shas for r in done)
        today = date(2026, 11, 27)
        overdue = [
            r
            for r in s.scalars(select(Rectification))
            if r.status is not RectificationStatus.DONE and r.due_date and r.due_date < today
        ]
        assert overdue
        end = s.scalars(select(Round.end_date)).one()
        late = (ClueStatus.TRANSFERRED, ClueStatus.RECEIVED, ClueStatus.HANDLING)
        assert any(
            c.feedback_due and c.feedback_due < end and c.status in late
            for c in s.scalars(select(Clue))
        )
        for evidence in s.scalars(select(Evidence).where(Evidence.attachment_sha256.is_not(None))):
            assert evidence.attachment_sha256 in shas
        assert s.scalar(select(func.count()).where(Evidence.attachment_sha256.is_not(None)))
        assert s.scalar(select(func.count()).where(Interview.confirmation_sha256.is_not(None)))
        for item in s.scalars(select(ArchiveItem)):
            assert all(s.get(Report, ref["id"]) for ref in item.refs)
        for interview in s.scalars(select(Interview)):
            assert 4 <= len(interview.turns) <= 10 and len(interview.interviewers) >= 2
        audit.verify_chain(s)


def test_small_validates_against_the_catalog(small: tuple[Vault, DemoSummary]) -> None:
    vault, _ = small
    cat = catalog()
    methods = {m.code for m in cat.work_methods()}
    disciplines = {d.code for d in cat.disciplines()}
    template = cat.portrait_template("zzhx")
    with vault.read() as s:
        targets = {t.id: t for t in s.scalars(select(Target))}
        for target in targets.values():
            kind = cat.target_types().kind(target.kind)
            assert kind is not None
            assert target.subtype is None or kind.subtype(target.subtype) is not None
        policies = set(s.scalars(select(ListEntry.id).where(ListEntry.kind == ListKind.POLICY)))
        for finding in s.scalars(select(Finding)):
            path = cat.classify("sgjj", 2020, finding.taxonomy_code)
            assert len(path) >= 2  # a 类 or one of its 表现
            assert finding.method_code in methods
            assert set(finding.disciplines) <= disciplines
            assert finding.basis_ids and set(finding.basis_ids) <= policies
        for item in s.scalars(select(FocusItem)):
            target = targets[item.target_id]
            codes = {f.code for f in cat.focus_list(target.kind, target.subtype)}
            assert item.item_code in codes
            assert (item.status is FocusStatus.PROBLEM_FOUND) == bool(item.finding_ids)
        for activity in s.scalars(select(Activity)):
            assert activity.method_code in methods
        for portrait in s.scalars(select(Portrait)):
            assert {i.item_code for i in portrait.items} == {i.code for i in template.items}
            check_overall(get_portrait(s, portrait.id))  # the overall grade fits the items


def test_demo_store_signs_off_as_the_demo_users(tmp_path: Path) -> None:
    vault, _code = create_demo_store(tmp_path / "demo")
    with vault:
        assert vault.user.name == DEMO_LEADER
        with vault.read() as s:
            ids = {u.name: u.id for u in s.scalars(select(User))}
            assert set(ids) == {u.name for u in DEMO_USERS}
            expected = {
                SignoffStep.SUBMIT: ids["zhangw"],
                SignoffStep.REVIEW: ids["lihm"],
                SignoffStep.RETURN: ids["lihm"],
                SignoffStep.APPROVE: ids["wangjg"],
            }
            first = {t.id for t in s.scalars(select(Team)) if t.name == "第一巡察组"}
            crew = {(m.team_id, m.role, m.name) for m in s.scalars(select(Member))}
            role_of = {
                SignoffStep.SUBMIT: MemberRole.MEMBER,
                SignoffStep.REVIEW: MemberRole.DEPUTY,
                SignoffStep.RETURN: MemberRole.DEPUTY,
                SignoffStep.APPROVE: MemberRole.LEADER,
            }
            others = 0
            for finding in s.scalars(select(Finding)):
                steps = [so.step for so in finding.signoffs]
                if finding.team_id in first:  # the store's users are 第一巡察组
                    assert all(so.user_id == expected[so.step] for so in finding.signoffs)
                    assert finding.compiled_by == ids["zhangw"]
                else:  # other teams sign their own 底稿, never a user of this store
                    others += 1
                    for so in finding.signoffs:
                        assert so.user_id not in ids.values()
                        assert (finding.team_id, role_of[so.step], so.user_name) in crew
                if finding.return_reason:
                    assert steps == [SignoffStep.SUBMIT, SignoffStep.RETURN]
                else:  # submit → review → approve, as far as the status says
                    assert steps == list(SignoffStep)[: list(FindingStatus).index(finding.status)]
            assert others
            linked = {m.name: m.user_id for m in s.scalars(select(Member)) if m.user_id}
            assert linked == {
                "王建国": ids["wangjg"],
                "李慧敏": ids["lihm"],
                "张伟": ids["zhangw"],
                "陈静": ids["chenjing"],
            }
    reopened = Vault.open(tmp_path / "demo", "lihm", DEMO_PASSPHRASE)
    with reopened:  # 李慧敏 declared 回避 for 县交通运输局: the demo links it, the core enforces it
        with reopened.read() as s:
            recused = s.scalars(select(Member).where(Member.name == "李慧敏")).one()
            names = [s.get_one(Target, t).name for t in recused.recusal_target_ids]
            assert names == ["县交通运输局党组"] and "县交通运输局" in recused.recusal
            finding = s.scalars(select(Finding).where(Finding.number == "DG-2026-61-002")).one()
            assert finding.target_id in recused.recusal_target_ids
        with pytest.raises(PermissionDenied) as err, reopened.session() as s:
            review_finding(s, finding.id)
        assert err.value.message == "您已申报回避“县交通运输局党组”，不能复核该单位的底稿"


def test_same_seed_same_data_other_seed_other_data(vault: Vault, tmp_path: Path) -> None:
    def fresh(name: str, seed: int) -> dict[str, list[tuple[Any, ...]]]:
        other, _ = Vault.create(
            tmp_path / name,
            user_name="leader",
            passphrase="passphrase-1",
            display_name=vault.user.display_name,
        )
        with other:
            populate_demo(other, seed=seed)
            return _signature(other)

    populate_demo(vault, seed=2026)
    first = _signature(vault)
    assert fresh("again", 2026) == first
    other = fresh("other", 7)
    assert other["findings"] != first["findings"] and other["letters"] != first["letters"]


def test_search_finds_demo_content(small: tuple[Vault, DemoSummary]) -> None:
    vault, _ = small
    with vault.read() as s:
        target = s.scalars(select(Target).order_by(Target.name)).first()
        letter = s.scalars(select(Letter).where(Letter.reported_persons != [])).first()
        assert target is not None and letter is not None
        assert any(h.record_id == target.id for h in search(s, target.name, types=["target"]))
        person = letter.reported_persons[0]["name"]
        hits = search(s, person, types=["letter"], limit=200)
        assert any(h.record_id == letter.id for h in hits)
        assert search(s, "低保") or search(s, "招标")


def test_large_plan_scaled_down(vault: Vault) -> None:
    plan = SIZES["large"].scaled(5000)
    seen: list[tuple[int, int | None]] = []
    summary = populate_demo(vault, plan=plan, progress=lambda d, t, label="": seen.append((d, t)))
    assert summary.records == 5000
    assert summary.letters > summary.records // 2
    assert seen[-1] == (5000, 5000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with vault.read() as s:
        types = set(s.scalars(select(Round.round_type)))
        assert types == {RoundType.REGULAR, RoundType.VILLAGE}
        assert sum(_count(s, m) for m in RECORD_MODELS) == 5000


def test_cancel_stops_between_batches(vault: Vault) -> None:
    token = CancelToken()

    def progress(done: int, total: int | None, label: str = "") -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        populate_demo(vault, plan=SIZES["large"].scaled(6000), progress=progress, cancel=token)
    with vault.read() as s:
        written = sum(_count(s, m) for m in RECORD_MODELS)
        assert 0 < written < 6000
        audit.verify_chain(s)


def test_unknown_size_is_refused(vault: Vault) -> None:
    with pytest.raises(ValidationError):
        populate_demo(vault, size="huge")
