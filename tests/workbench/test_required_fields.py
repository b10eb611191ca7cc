"""Every record type has its required fields: a draft without them is refused with a
ValidationError naming the field in Chinese, and the store stays as it was (demo store, 组长)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import workbench.services  # noqa: F401 - registers the search-index hook
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.errors import ValidationError
from workbench.models import AuditEntry, Target
from workbench.models.enums import (
    ActivityType,
    CadreLevel,
    ClueTransferUnit,
    InterviewType,
    LetterChannel,
    PortraitSubject,
    TransferMode,
)
from workbench.services.activities import ActivityDraft, create_activity
from workbench.services.clues import ClueDraft, register_clue
from workbench.services.findings import FindingDraft, create_finding
from workbench.services.interviews import InterviewDraft, create_interview
from workbench.services.letters import (
    WHAT_IT_REPORTS,
    LetterDraft,
    ReportedPerson,
    register_letter,
)
from workbench.services.portraits import PortraitDraft, create_portrait
from workbench.services.rectification import RectificationDraft, create_rectification
from workbench.services.rounds import list_rounds
from workbench.store.vault import Vault

YESTERDAY = (datetime.now() - timedelta(days=1)).replace(microsecond=0)


@pytest.fixture
def leader(demo_dir: Path) -> Iterator[Vault]:
    vault = Vault.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    yield vault
    vault.lock()


def _scope(vault: Vault) -> tuple[str, str]:
    with vault.read() as s:
        round_id = list_rounds(s).items[0].id
        target_id = s.scalars(select(Target.id).where(Target.round_id == round_id)).first()
    assert target_id is not None
    return round_id, target_id


def _letter(round_id: str, **fields: Any) -> LetterDraft:
    return LetterDraft(round_id, LetterChannel.LETTER, YESTERDAY, **fields)


# (record type, an empty draft's save, the field refused, its message)
EMPTY: dict[str, tuple[Callable[[Any, str, str], Any], str, str]] = {
    "信访件": (
        lambda s, r, t: register_letter(s, _letter(r)),
        "summary",
        WHAT_IT_REPORTS,
    ),
    "个别谈话": (
        lambda s, r, t: create_interview(
            s, r, InterviewDraft(InterviewType.REQUIRED, YESTERDAY, ("甲", "乙"), "甲", "")
        ),
        "subject_name",
        "谈话对象姓名不能为空",
    ),
    "问题底稿": (
        lambda s, r, t: create_finding(s, FindingDraft(r, "", t, "")),
        "title",
        "底稿名称不能为空",
    ),
    "问题线索": (
        lambda s, r, t: register_clue(
            s,
            ClueDraft(
                r,
                "",
                CadreLevel.COUNTY,
                "",
                ClueTransferUnit.DISCIPLINE_COMMISSION,
                TransferMode.SINGLE,
            ),
        ),
        "subject_name",
        "被反映人姓名不能为空",
    ),
    "工作记录": (
        lambda s, r, t: create_activity(s, r, ActivityDraft(ActivityType.FORUM, YESTERDAY, "")),
        "title",
        "标题不能为空",
    ),
    "政治画像": (
        lambda s, r, t: create_portrait(s, r, PortraitDraft(PortraitSubject.UNIT, "")),
        "target_id",
        "请选择被巡察对象",
    ),
    "整改事项": (
        lambda s, r, t: create_rectification(s, r, RectificationDraft("")),
        "problem",
        "问题表现不能为空",
    ),
}


def _entries(vault: Vault) -> int:
    with vault.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.mark.parametrize("kind", list(EMPTY))
def test_an_empty_record_is_refused_by_its_field(leader: Vault, kind: str) -> None:
    save, field, message = EMPTY[kind]
    round_id, target_id = _scope(leader)
    before = _entries(leader)
    with pytest.raises(ValidationError) as refused, leader.session() as s:
        save(s, round_id, target_id)
    assert refused.value.details["field"] == field
    assert refused.value.message == message
    assert refused.value.exit_code == 8
    assert _entries(leader) == before  # nothing written


@pytest.mark.parametrize(
    "fields",
    [
        {"summary": "反映村集体土地租金去向不明"},
        {"reported_persons": (ReportedPerson("李某某", "村委会主任"),)},
        {"target": True},
    ],
    ids=["summary", "reported_person", "reported_unit"],
)
def test_a_letter_needs_only_one_of_summary_person_or_unit(
    leader: Vault, fields: dict[str, Any]
) -> None:
    round_id, target_id = _scope(leader)
    if fields.pop("target", False):
        fields["target_id"] = target_id
    with leader.session() as s:
        view = register_letter(s, _letter(round_id, **fields))
    assert view.number
