"""One set of field rules for entry and for packages: control characters, lone surrogates,
non-characters and dates outside 1900–2100 are refused when a record is saved and when a package
is read, and the export refuses (naming the record) a value stored around the rules, so a team
can never seal a package its office rejects (issue 23, case 5)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from tests.workbench.exchange_support import (
    World,
    WorldTemplate,
    add_finding,
    add_interview,
    audit_actions,
    audit_head,
    content_digest,
    edit,
    finding_record,
    forge_team,
    get,
    world_in,
)
from workbench import exchange as ex
from workbench.errors import ValidationError
from workbench.exchange.canonical import StrictJSONError
from workbench.exchange.errors import BadRecords
from workbench.exchange.records.recordio import parse_record
from workbench.models import Finding, Interview
from workbench.models.exchange import PackageLedger
from workbench.store.fieldguard import check_record

BAD_TEXT = {
    "NUL": "某某\x00镇",
    "BEL": "响铃\x07",
    "ESC": "\x1b[31m红字",
    "DEL": "删除\x7f",
    "C1 NEL": "换行\x85",
    "lone surrogate": "半个\ud800字",
    "U+FFFF": "非字符\uffff",
}
GOOD_TEXT = "第一行\n第二行\t制表\r\n末行 <b>&amp;</b> ${x} ·×° 😀"
# Characters at and around the rules' edges, mixed into ordinary text by the properties.
EDGES = ["\x00", "\x07", "\t", "\n", "\r", "\x1f", " ", "\x7f", "\x85", "\xa0", "\ud800"]
EDGES += ["\udfff", "\ufffd", "\ufffe", "\uffff", "\u200b", "\U0010ffff"]
TEXTS = st.lists(st.one_of(st.characters(), st.sampled_from(EDGES)), max_size=12).map("".join)


@pytest.fixture
def w(exchange_world_template: WorldTemplate, tmp_path: Path) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "world") as world:
        yield world


def _refused_at_entry(w: World, **values: Any) -> ValidationError:
    before = content_digest(w.a)
    with pytest.raises(ValidationError) as info:
        add_finding(w.a, w.round_id, number="DG-2026-0001", **values)
    assert content_digest(w.a) == before
    return info.value


@pytest.mark.parametrize("value", BAD_TEXT.values(), ids=BAD_TEXT.keys())
def test_entry_refuses_control_characters_naming_the_field(w: World, value: str) -> None:
    err = _refused_at_entry(w, summary=value)
    assert err.code == "WB-VALIDATION"
    assert err.details["field"] == "summary"
    assert "问题底稿 DG-2026-0001的“摘要”含" in err.message


def test_entry_keeps_tabs_and_line_breaks(w: World) -> None:
    finding_id = add_finding(w.a, w.round_id, summary=GOOD_TEXT)
    assert get(w.a, Finding, finding_id).summary == GOOD_TEXT


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1899, 12, 31), date(2101, 1, 1)])
def test_entry_refuses_dates_outside_the_range(w: World, day: date) -> None:
    finding_id = add_finding(w.a, w.round_id, number="DG-2026-0001")
    before = content_digest(w.a)
    with pytest.raises(ValidationError) as info:
        edit(w.a, Finding, finding_id, compiled_on=day)
    assert content_digest(w.a) == before
    assert info.value.details["field"] == "compiled_on"
    assert "“编制日期”超出允许范围 1900-01-01 至 2100-12-31" in info.value.message


def test_entry_refuses_a_timestamp_of_year_one_in_a_child_too(w: World) -> None:
    interview_id = add_interview(w.a, w.round_id)
    with pytest.raises(ValidationError, match="超出允许范围"):
        edit(w.a, Interview, interview_id, held_at=datetime(1, 1, 1))
    with pytest.raises(ValidationError, match=r"谈话笔录.*“答”含控制字符"), w.a.session() as s:
        s.get(Interview, interview_id).turns[0].answer = "回答\x08"
    assert get(w.a, Interview, interview_id).held_at == datetime(2026, 3, 11, 9, 30)


def test_a_timestamp_with_a_time_zone_is_refused_at_entry_as_at_import(
    w: World, genuine: dict[str, Any]
) -> None:
    # comparing it with the naive bounds raised TypeError: WB-INTERNAL at save
    aware = datetime(2026, 3, 11, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    interview_id = add_interview(w.a, w.round_id)
    before = content_digest(w.a)
    with pytest.raises(ValidationError) as info:
        edit(w.a, Interview, interview_id, held_at=aware)
    assert info.value.details["field"] == "held_at" and "时区" in info.value.message
    assert content_digest(w.a) == before
    assert not _entry_accepts(deleted_at=aware)
    assert not _import_accepts(genuine, deleted_at=aware.isoformat())


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("summary", "响铃\x07"),
        ("summary", "非字符\ufffe"),
        ("compiled_on", "0001-01-01"),
        ("compiled_on", "2101-01-01"),
        ("responsible", [{"name": "张三\x1b"}]),
    ],
)
def test_the_importer_refuses_what_entry_refuses(w: World, column: str, value: Any) -> None:
    rec = finding_record(w, w.a, add_finding(w.a, w.round_id))
    rec["fields"][column] = value
    before, seq = content_digest(w.office), audit_head(w.office)
    with pytest.raises(BadRecords, match=f"fields.{column}"):
        ex.import_package(w.office, forge_team(w, w.dir / "bad.wbp", [rec]))
    assert content_digest(w.office) == before
    assert audit_actions(w.office, seq) == ["package.reject"]


def _ledger_rows(w: World) -> int:
    with w.a.read() as s:
        return int(s.scalar(select(func.count()).select_from(PackageLedger)) or 0)


@pytest.mark.parametrize(
    ("sql_value", "label", "reason"),
    [
        ("'前' || char(0) || '后'", "摘要", "含 NUL 字符"),
        ("'前' || char(27) || '后'", "摘要", "含控制字符 U+001B"),
    ],
)
def test_export_refuses_a_value_stored_around_the_rules_and_the_edit_fixes_it(
    w: World, sql_value: str, label: str, reason: str
) -> None:
    finding_id = add_finding(w.a, w.round_id, number="DG-2026-0007")
    with w.a.session() as s:  # as the code before the rules stored it
        s.execute(
            text(f"UPDATE findings SET summary = {sql_value} WHERE id = :id"), {"id": finding_id}
        )
    out = w.dir / "p.wbp"
    ledger = _ledger_rows(w)
    with pytest.raises(ValidationError) as info:
        ex.export_round(w.a, w.round_id, out)
    err = info.value
    assert err.code == "WB-VALIDATION"
    assert f"问题底稿 DG-2026-0007的“{label}”{reason}" in err.message
    assert (err.details["record_id"], err.details["field"]) == (finding_id, "summary")
    assert not out.exists()
    assert list((w.a.layout.root / "exchange" / "outgoing").iterdir()) == []
    assert _ledger_rows(w) == ledger
    edit(w.a, Finding, finding_id, summary="已更正的摘要")  # the normal edit path
    ex.import_package(w.office, ex.export_round(w.a, w.round_id, out).path)
    assert get(w.office, Finding, finding_id).summary == "已更正的摘要"


def test_export_names_a_date_stored_out_of_range(w: World) -> None:
    finding_id = add_finding(w.a, w.round_id, number="DG-2026-0008")
    with w.a.session() as s:
        s.execute(
            text("UPDATE findings SET compiled_on = '0001-01-01' WHERE id = :id"),
            {"id": finding_id},
        )
    with pytest.raises(ValidationError, match="问题底稿 DG-2026-0008的“编制日期”超出允许范围"):
        ex.export_round(w.a, w.round_id, w.dir / "p.wbp")


# -- entry accepts exactly what the importer accepts ---------------------------------------


@pytest.fixture(scope="module")
def genuine(
    tmp_path_factory: pytest.TempPathFactory, exchange_world_template: WorldTemplate
) -> dict[str, Any]:
    """A finding in package form, to put texts into."""
    with world_in(exchange_world_template, tmp_path_factory.mktemp("genuine")) as w:
        return finding_record(w, w.a, add_finding(w.a, w.round_id))


def _entry_accepts(**values: Any) -> bool:
    try:
        check_record(Finding(**values), changed_only=False)
    except ValidationError:
        return False
    return True


def _import_accepts(genuine: dict[str, Any], **values: Any) -> bool:
    rec = copy.deepcopy(genuine)
    rec["fields"].update(values)
    try:
        parse_record(rec, "$")
    except StrictJSONError:
        return False
    return True


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=TEXTS)
def test_entry_and_import_agree_on_every_text(genuine: dict[str, Any], value: str) -> None:
    """In a text column, a short one and a string inside a JSON column."""
    for column in ({"summary": value}, {"title": value}, {"responsible": [{"name": value}]}):
        assert _entry_accepts(**column) == _import_accepts(genuine, **column), column


@settings(max_examples=200, deadline=None)
@given(day=st.dates(), moment=st.datetimes())
def test_entry_and_import_agree_on_every_date(
    genuine: dict[str, Any], day: date, moment: datetime
) -> None:
    assert _entry_accepts(compiled_on=day) == _import_accepts(genuine, compiled_on=day.isoformat())
    stamp = moment.isoformat(timespec="microseconds" if moment.microsecond else "seconds")
    assert _entry_accepts(deleted_at=moment) == _import_accepts(genuine, deleted_at=stamp)


@pytest.fixture(scope="module")
def round_trip(
    tmp_path_factory: pytest.TempPathFactory, exchange_world_template: WorldTemplate
) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path_factory.mktemp("trip")) as world:
        yield world


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(values=st.lists(TEXTS, min_size=1, max_size=6))
def test_any_text_entry_accepts_survives_export_and_import(
    round_trip: World, values: list[str]
) -> None:
    w = round_trip
    stored: dict[str, str] = {}
    for value in values:
        try:
            stored[add_finding(w.a, w.round_id, summary=value)] = value
        except ValidationError:
            assert not _entry_accepts(summary=value)
    if not stored:  # every value refused at entry: nothing new to export
        return
    package = ex.export_round(w.a, w.round_id, w.dir / f"p{len(list(w.dir.glob('*.wbp')))}.wbp")
    ex.import_package(w.office, package.path)
    for finding_id, value in stored.items():
        assert get(w.office, Finding, finding_id).summary == value


def test_the_office_keeps_two_devices_records_with_one_number(w: World) -> None:
    """Each laptop numbers its own records; neither can see the other's, so refusing the second
    package would stall the round. The office keeps both, as two records."""
    ids = [add_finding(v, w.round_id, number="DG-2026-0001") for v in (w.a, w.b)]
    for name, vault in (("a", w.a), ("b", w.b)):
        ex.import_package(w.office, ex.export_round(vault, w.round_id, w.dir / f"{name}.wbp").path)
    assert [get(w.office, Finding, i).number for i in ids] == ["DG-2026-0001"] * 2


def test_a_briefing_names_an_office_record_its_teams_would_refuse(w: World) -> None:
    target_id = w.template.target_ids[0]
    with w.office.session() as s:  # as the code before the field rules stored it
        s.execute(
            text("UPDATE targets SET overview = '概况' || char(7) WHERE id = :id"),
            {"id": target_id},
        )
    out = w.dir / "brief.wbp"
    with pytest.raises(ValidationError) as info:
        ex.build_briefing(w.office, w.round_id, [w.template.device_a], out)
    assert "被巡察对象 某某镇党委的“基本情况”含控制字符 U+0007，巡察组会拒收" in info.value.message
    assert info.value.details["record_id"] == target_id
    assert not out.exists()


def test_a_value_stored_before_the_rules_does_not_block_other_edits(w: World) -> None:
    finding_id = add_finding(w.a, w.round_id, number="DG-2026-0009")
    with w.a.session() as s:
        s.execute(text("UPDATE findings SET summary = char(0) WHERE id = :id"), {"id": finding_id})
    edit(w.a, Finding, finding_id, title="改过的名称", summary="\x00")  # the summary unchanged
    assert get(w.a, Finding, finding_id).title == "改过的名称"
    with pytest.raises(ValidationError, match="“摘要”含 NUL 字符"):
        ex.export_round(w.a, w.round_id, w.dir / "p.wbp")
