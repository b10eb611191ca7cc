"""Activities: type and work-method checks against the catalog, dates, filters, search."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

import workbench.services  # noqa: F401  (registers the search-index hook)
from workbench.errors import Conflict, NotFound, ValidationError
from workbench.search import search
from workbench.services.activities import (
    ActivityDraft,
    create_activity,
    get_activity,
    list_activities,
    update_activity,
    void_activity,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.targets import TargetDraft, create_target
from workbench.store.vault import Vault
from workbench.vocab.enums import ActivityType

DRAFT = ActivityDraft(
    "座谈会",
    datetime(2026, 3, 12, 14, 0),
    "村民代表座谈会",
    method_code="FS-07",
    participants=("王组长", "李记录", "王组长"),
    notes="群众反映低保评定不公开",
)


@pytest.fixture
def rid(vault: Vault) -> str:
    with vault.session() as s:
        return create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id


def test_create_and_get(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        a = create_activity(s, rid, DRAFT)
    assert a.activity_type is ActivityType.FORUM
    assert (a.method_code, a.method_title) == ("FS-07", "召开座谈会")
    assert a.participants == ("王组长", "李记录")  # duplicates dropped
    with vault.read() as s:
        assert get_activity(s, a.id) == a


def test_method_defaults_from_the_activity_type(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        a = create_activity(
            s, rid, ActivityDraft("听取汇报", datetime(2026, 3, 9, 9), "听取党委工作汇报")
        )
        b = create_activity(s, rid, replace(DRAFT, activity_type="个人事项抽查", method_code=""))
        c = create_activity(s, rid, replace(DRAFT, method_code="fs-13"))  # other approved method
    assert (a.method_code, b.method_code, c.method_code) == ("FS-01", "FS-04", "FS-13")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"activity_type": "喝茶"}, "activity_type"),
        ({"method_code": "FS-99"}, "method_code"),
        ({"method_code": "FS-02"}, "method_code"),  # 个别谈话 is an Interview record
        ({"method_code": "FS-03"}, "method_code"),  # 来信来访 is a Letter record
        ({"held_at": datetime.now() + timedelta(days=2)}, "held_at"),
        ({"participants": ("某" * 41,)}, "participants"),
    ],
)
def test_validation(vault: Vault, rid: str, change: dict[str, object], field: str) -> None:
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_activity(s, rid, replace(DRAFT, **change))  # type: ignore[arg-type]
    assert err.value.details["field"] == field


def test_target_must_be_of_the_round(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        other = create_round(s, RoundDraft("第二轮", 2026, 2, "专项", "sgjj", 2020)).id
        foreign = create_target(s, other, TargetDraft("别轮对象", "党政机关", "一般关注"))
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_activity(s, rid, replace(DRAFT, target_id=foreign.id))
    assert err.value.details["field"] == "target_id"
    with vault.session() as s, pytest.raises(NotFound):
        create_activity(s, rid, replace(DRAFT, target_id="gone"))


def test_update_delete(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        a = create_activity(s, rid, DRAFT)
        b = update_activity(s, a.id, replace(DRAFT, title="党员座谈会"), expected_version=1)
    assert b.title == "党员座谈会" and b.meta.version == 2
    with vault.session() as s, pytest.raises(Conflict):
        update_activity(s, a.id, DRAFT, expected_version=1)
    with vault.session() as s:
        void_activity(s, a.id, "录入错误")
    with vault.read() as s, pytest.raises(NotFound):
        get_activity(s, a.id)


def test_list_filters(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        t = create_target(s, rid, TargetDraft("东风村", "村", "重点关注"))
        a = create_activity(s, rid, replace(DRAFT, held_at=datetime(2026, 3, 1, 9), target_id=t.id))
        b = create_activity(s, rid, replace(DRAFT, activity_type="调阅资料", method_code="FS-06"))
        c = create_activity(s, rid, replace(DRAFT, held_at=datetime(2026, 3, 20, 16)))
    with vault.read() as s:
        ids = lambda **kw: [v.id for v in list_activities(s, round_id=rid, **kw).items]  # noqa: E731
        assert ids() == [a.id, b.id, c.id]
        assert ids(target_id=t.id) == [a.id]
        assert ids(activity_type="调阅资料") == [b.id]
        assert ids(method_code="fs-07") == [a.id, c.id]
        assert ids(date_from=date(2026, 3, 12), date_to=date(2026, 3, 20)) == [b.id, c.id]
        assert ids(date_to=date(2026, 3, 11)) == [a.id]
        assert [v.id for v in list_activities(s, round_id=rid, offset=2, limit=5).items] == [c.id]


def test_activities_are_searchable(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        a = create_activity(s, rid, DRAFT)
    with vault.read() as s:
        assert [h.record_id for h in search(s, "低保评定", types=["activity"])] == [a.id]
        assert [h.record_id for h in search(s, "村民代表", types=["activity"])] == [a.id]
