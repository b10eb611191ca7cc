"""Political portraits: created from a catalog template, rated item by item, completeness."""

from __future__ import annotations

import io
from datetime import datetime

import pytest

import workbench.services  # noqa: F401  (registers the search-index hook)
from workbench.errors import Conflict, GradeContradiction, NotFound, ValidationError
from workbench.services.catalog import catalog
from workbench.services.interviews import InterviewDraft, create_interview
from workbench.services.portraits import (
    PortraitDraft,
    RecordRef,
    create_portrait,
    get_portrait,
    list_portraits,
    rate_item,
    set_overall,
    update_portrait,
    void_portrait,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.targets import PersonDraft, TargetDraft, create_person, create_target
from workbench.store.vault import Vault
from workbench.vocab.enums import Grade, PortraitSubject

TEMPLATE = catalog().portrait_template("zzhx")
CODES = [i.code for i in TEMPLATE.items]


@pytest.fixture
def ids(vault: Vault) -> tuple[str, str]:
    with vault.session() as s:
        rid = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id
        tid = create_target(s, rid, TargetDraft("城关镇党委", "乡镇（街道）", "重点关注")).id
    return rid, tid


def test_created_with_every_template_item_unrated(vault: Vault, ids: tuple[str, str]) -> None:
    rid, tid = ids
    with vault.session() as s:
        p = create_portrait(s, rid, PortraitDraft("单位", tid))
    assert p.subject_type is PortraitSubject.UNIT and p.subject_name == "城关镇党委"
    assert (p.template_id, p.template_version) == ("zzhx", str(TEMPLATE.version))
    assert [i.item_code for i in p.items] == CODES and len(CODES) == 38
    assert p.items[0].dimension == TEMPLATE.dimensions[0].title
    assert (p.rated, p.total, p.complete, p.completeness) == (0, 38, False, 0.0)
    assert p.unrated_codes == tuple(CODES)
    with vault.session() as s:
        team = create_portrait(s, rid, PortraitDraft("领导班子", tid))
    assert team.subject_name == "城关镇党委领导班子"


def test_person_portrait(vault: Vault, ids: tuple[str, str]) -> None:
    rid, tid = ids
    with vault.session() as s:
        person = create_person(s, PersonDraft(tid, "周书记", "县管", "党委书记"))
        p = create_portrait(s, rid, PortraitDraft("个人", tid, person_id=person.id))
    assert p.subject_name == "周书记" and p.person_id == person.id
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_portrait(s, rid, PortraitDraft("单位", tid, person_id=person.id))
    assert err.value.details["field"] == "person_id"
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_portrait(s, rid, PortraitDraft("个人", tid))  # no person, no name
    assert err.value.details["field"] == "subject_name"


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (PortraitDraft("单位", "", template_id="nope"), "template"),
        (PortraitDraft("单位", "", template_version=99), "template"),
        (PortraitDraft("部门", ""), "subject_type"),
    ],
)
def test_create_validation(
    vault: Vault, ids: tuple[str, str], draft: PortraitDraft, field: str
) -> None:
    rid, tid = ids
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_portrait(
            s,
            rid,
            PortraitDraft(draft.subject_type, tid, draft.template_id, draft.template_version),
        )
    assert err.value.details["field"] == field
    with vault.session() as s, pytest.raises(NotFound):
        create_portrait(s, rid, PortraitDraft("单位", "no-such-target"))


def test_rate_items_with_comment_and_evidence(vault: Vault, ids: tuple[str, str]) -> None:
    rid, tid = ids
    with vault.session() as s:
        sha = vault.attachments.add(s, io.BytesIO(b"minutes"), name="会议记录.pdf").sha256
        iv = create_interview(
            s, rid, InterviewDraft("必谈", datetime(2026, 3, 10, 9), ("甲", "乙"), "乙", "周书记")
        )
        p = create_portrait(s, rid, PortraitDraft("单位", tid))
        refs = [RecordRef("interview", iv.id), RecordRef("attachment", sha.upper())]
        p = rate_item(s, p.id, CODES[0], "好", "学习贯彻有力", refs)
        p = rate_item(s, p.id, CODES[1], Grade.FAIR)
        p = rate_item(s, p.id, CODES[2], "C")  # the template's own letter scale maps onto Grade
    first = p.items[0]
    assert first.rating is Grade.GOOD and first.comment == "学习贯彻有力"
    assert first.evidence_refs == (RecordRef("interview", iv.id), RecordRef("attachment", sha))
    assert p.items[2].rating is Grade.FAIR
    assert (p.rated, p.complete) == (3, False) and round(p.completeness, 3) == round(3 / 38, 3)


@pytest.mark.parametrize(
    ("code", "rating", "refs", "field"),
    [
        ("ZZHX-9.9.9", "好", [], "item_code"),
        (CODES[0], "优秀", [], "rating"),
        (CODES[0], "好", [RecordRef("interview", "missing")], "evidence_refs"),
        (CODES[0], "好", [RecordRef("tweet", "x")], "evidence_refs"),
        (CODES[0], "好", [RecordRef("attachment", "0" * 64)], "evidence_refs"),
    ],
)
def test_rating_validation(
    vault: Vault, ids: tuple[str, str], code: str, rating: str, refs: list[RecordRef], field: str
) -> None:
    rid, tid = ids
    with vault.session() as s:
        p = create_portrait(s, rid, PortraitDraft("单位", tid))
    with vault.session() as s, pytest.raises(ValidationError) as err:
        rate_item(s, p.id, code, rating, "", refs)
    assert err.value.details["field"] == field


def test_completeness_and_overall_grade(vault: Vault, ids: tuple[str, str]) -> None:
    rid, tid = ids
    with vault.session() as s:
        p = create_portrait(s, rid, PortraitDraft("单位", tid))
        for code in CODES[:-1]:
            p = rate_item(s, p.id, code, "较好")
    assert p.unrated_codes == (CODES[-1],) and not p.complete
    with vault.session() as s, pytest.raises(ValidationError) as err:
        set_overall(s, p.id, "较好")
    assert "1 项未评价" in err.value.message and err.value.details["field"] == "overall"
    with vault.session() as s:
        p = rate_item(s, p.id, CODES[-1], "一般")
        assert p.complete and p.completeness == 1.0
        p = set_overall(s, p.id, "较好", "政治站位较高")
    assert p.overall is Grade.FAIRLY_GOOD and p.conclusion == "政治站位较高"
    with vault.session() as s, pytest.raises(ValidationError) as err:
        rate_item(s, p.id, CODES[0], None)  # clearing would leave the overall grade unfounded
    assert err.value.details["field"] == "rating"
    with vault.session() as s:
        set_overall(s, p.id, None)
        p = rate_item(s, p.id, CODES[0], None)
    assert p.rated == len(CODES) - 1 and p.overall is None


DIMENSIONS = [[i.code for i in d.items] for d in TEMPLATE.dimensions]


def _rated(vault: Vault, ids: tuple[str, str], grades: list[str]) -> str:
    """A portrait whose 方面 are rated ``grades`` (one grade for each 方面, all its items)."""
    rid, tid = ids
    with vault.session() as s:
        p = create_portrait(s, rid, PortraitDraft("单位", tid))
        for codes, grade in zip(DIMENSIONS, grades, strict=True):
            for code in codes:
                rate_item(s, p.id, code, grade)
        return p.id


@pytest.mark.parametrize(
    ("grades", "refused", "accepted"),
    [
        # a single 差 item (存在严重问题) bars 好, though the mean would allow it
        (["好"] * 7 + ["一差"], ["好", "一般", "差"], "较好"),
        # most 方面 一般: mean 2.75 allows 一般 or 较好
        (["一般"] * 5 + ["好"] * 3, ["好", "差"], "较好"),
        # every 方面 好: neither 差 nor 一般
        (["好"] * 8, ["差", "一般"], "好"),
        # every 方面 较好: exactly 3, so only 较好
        (["较好"] * 8, ["好", "一般"], "较好"),
    ],
)
def test_an_overall_grade_contradicting_the_items_is_refused(
    vault: Vault, ids: tuple[str, str], grades: list[str], refused: list[str], accepted: str
) -> None:
    if grades[-1] == "一差":  # every item 好 but the last 方面's first, 差
        pid = _rated(vault, ids, ["好"] * 8)
        with vault.session() as s:
            rate_item(s, pid, DIMENSIONS[-1][0], "差", "违规选人用人")
    else:
        pid = _rated(vault, ids, grades)
    for grade in refused:
        with vault.session() as s, pytest.raises(GradeContradiction) as err:
            set_overall(s, pid, grade, "综合评价")
        assert err.value.code == "WB-PORTRAIT-GRADE" and err.value.exit_code == 8
        assert err.value.details["field"] == "overall"
        assert err.value.message.startswith(f"总体评价“{grade}”与各方面评价相矛盾：")
        with vault.read() as s:  # nothing saved, the conclusion neither
            assert get_portrait(s, pid).overall is None and get_portrait(s, pid).conclusion == ""
    with vault.session() as s:
        assert set_overall(s, pid, accepted).overall.label == accepted  # type: ignore[union-attr]


def test_the_messages_name_the_contradiction(vault: Vault, ids: tuple[str, str]) -> None:
    pid = _rated(vault, ids, ["好"] * 8)
    with vault.session() as s:
        rate_item(s, pid, DIMENSIONS[-1][0], "差")
    with vault.session() as s, pytest.raises(GradeContradiction) as err:
        set_overall(s, pid, "好")
    last = TEMPLATE.dimensions[-1]
    assert f"{last.title}方面的“{last.items[0].title}”评为“差”" in err.value.message
    pid = _rated(vault, ids, ["好"] * 8)
    with vault.session() as s, pytest.raises(GradeContradiction) as err:
        set_overall(s, pid, "差")
    assert "8个方面的平均得分为4.00" in err.value.message
    assert err.value.message.endswith("总体评价应为“好”")


def test_an_item_rating_that_would_contradict_the_overall_is_refused(
    vault: Vault, ids: tuple[str, str]
) -> None:
    pid = _rated(vault, ids, ["好"] * 8)
    with vault.session() as s:
        before = set_overall(s, pid, "好", usage_advice="可作为选拔任用参考")
    with vault.session() as s, pytest.raises(GradeContradiction) as err:
        rate_item(s, pid, CODES[0], "差", "说明")
    assert err.value.message.endswith("请先调整总体评价")
    with vault.read() as s:
        after = get_portrait(s, pid)
    assert after.items == before.items and after.meta.version == before.meta.version
    assert after.usage_advice == "可作为选拔任用参考"
    with vault.session() as s:  # a rating the overall grade still covers
        assert rate_item(s, pid, CODES[0], "较好").items[0].rating is Grade.FAIRLY_GOOD


def test_update_list_delete(vault: Vault, ids: tuple[str, str]) -> None:
    rid, tid = ids
    with vault.session() as s:
        a = create_portrait(s, rid, PortraitDraft("单位", tid))
        b = create_portrait(s, rid, PortraitDraft("领导班子", tid))
    with vault.session() as s:  # one version bump per transaction
        a2 = update_portrait(
            s, a.id, PortraitDraft("单位", tid, subject_name="城关镇党委（改）"), expected_version=1
        )
    assert a2.subject_name == "城关镇党委（改）"
    with vault.session() as s, pytest.raises(Conflict):
        update_portrait(s, a.id, PortraitDraft("单位", tid), expected_version=1)
    with vault.session() as s, pytest.raises(ValidationError) as err:
        update_portrait(s, a.id, PortraitDraft("单位", tid, template_id="other"))
    assert err.value.details["field"] == "template"
    with vault.read() as s:
        assert list_portraits(s, round_id=rid).total == 2
        assert [p.id for p in list_portraits(s, subject_type="领导班子").items] == [b.id]
        assert list_portraits(s, target_id=tid, limit=1).total == 2
    with vault.session() as s:
        void_portrait(s, a.id, "录入错误")
    with vault.read() as s, pytest.raises(NotFound):
        get_portrait(s, a.id)
