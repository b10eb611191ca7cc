"""Lists imported into the encrypted store (services/datalists.py) and who may do it
(services/data_access.py): real stores, real .xlsx and .csv files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.workbench.datalist_files import (
    ASSISTANCE_HEADERS,
    assistance_rows,
    id_number,
    list_state,
    write_csv,
    write_xls,
    write_xlsx,
)
from tests.workbench.setup_files import OFFICE, office_round
from tests.workbench.team import Team
from workbench.datacheck.errors import (
    ListAlreadyImported,
    ListMappingRefused,
    ListRowsRefused,
)
from workbench.errors import Cancelled, NotFound, PermissionDenied, ValidationError
from workbench.jobs import CancelToken
from workbench.models.datalists import DataMapping, DataRow, DataSource
from workbench.models.system import AuditEntry
from workbench.roles import Role
from workbench.services import data_access, datalists
from workbench.services.datalists import import_list, list_sources, preview_list, source_rows
from workbench.vocab.enums import DataListKind

KIND = DataListKind.ASSISTANCE


@pytest.fixture
def round_id(team: Team) -> str:
    return office_round(team(OFFICE))


def _audits(team: Team, action: str) -> list[dict[str, object]]:
    with team(OFFICE).read() as s:
        details = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == action))
        return [json.loads(d) for d in details]


def _import(
    team: Team, path: Path, round_id: str, user: str = OFFICE, **options: Any
) -> datalists.ListImport:
    with team(user).session() as s:
        return import_list(s, path, kind=KIND, round_id=round_id, **options)


def test_an_xlsx_list_is_stored_normalised_with_its_cells_as_read(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, assistance_rows(3))
    done = _import(team, path, round_id, label="县民政局", source_date=date(2026, 5, 31))
    assert done.rows == 3 and done.skipped == () and done.skipped_rows == 0
    with team(OFFICE).read() as s:
        rows = s.scalars(select(DataRow).order_by(DataRow.row_no)).all()
        assert [r.row_no for r in rows] == [2, 3, 4]
        first = rows[0]
        assert first.name == "张1" and first.id_number == id_number(1)
        assert first.place == "团结村" and first.category == "低保"
        assert first.amount_fen == 123450 and first.date1 == date(2026, 5, 1)
        assert first.cells[1] == "张 1" and first.cells[5] == "1,234.50"  # as read
        [view] = list_sources(s, round_id)
    assert view.label == "县民政局" and view.rows == 3 and view.source_date == date(2026, 5, 31)
    assert view.mapping["id_number"] == "身份证号" and view.file_name == "低保.xlsx"
    assert len(view.file_sha256) == 64
    [entry] = _audits(team, "data.import")
    assert entry == {
        "kind": "assistance",
        "label": "县民政局",
        "file": "低保.xlsx",
        "sha256": view.file_sha256,
        "rows": 3,
        "skipped": 0,
    }


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_csv_list_is_stored_in_either_encoding(
    team: Team, round_id: str, tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "低保.csv", ASSISTANCE_HEADERS, assistance_rows(4), encoding)
    assert _import(team, path, round_id).rows == 4
    with team(OFFICE).read() as s:
        names = s.scalars(select(DataRow.name).order_by(DataRow.row_no)).all()
        assert names == ["张1", "张2", "张3", "张4"]
        [view] = list_sources(s)
        assert view.label == KIND.label  # no 数据来源 given: filed under the kind


def test_an_xls_list_and_a_named_sheet_are_stored(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    pytest.importorskip("xlwt")
    path = write_xls(tmp_path / "低保.xls", ASSISTANCE_HEADERS, assistance_rows(2))
    assert _import(team, path, round_id).rows == 2
    book = write_xlsx(tmp_path / "两表.xlsx", ("说明", "无关"), [("本表", "不是名单")], "说明")
    wb = load_workbook(book)
    ws = wb.create_sheet("六月")
    for row in (ASSISTANCE_HEADERS, *assistance_rows(3, start=11)):
        ws.append(list(row))
    wb.save(book)
    with team(OFFICE).read() as s:
        preview = preview_list(s, book, KIND, sheet="六月")
    assert preview.sheets == ("说明", "六月") and preview.sheet == "六月"
    assert _import(team, book, round_id, sheet="六月").rows == 3
    with team(OFFICE).read() as s:
        ids = s.scalars(select(DataRow.id_number).order_by(DataRow.id)).all()
        sheets = set(s.scalars(select(DataSource.sheet)))
    assert ids == [id_number(i) for i in (1, 2, 11, 12, 13)]
    assert sheets == {"名单", "六月"}


def test_the_confirmed_mapping_is_offered_first_next_time(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    headers = ("户主", "证件号码", "所在村组", "金额（元）")
    rows = [("李四", id_number(7), "和平村", "300")]
    path = write_xlsx(tmp_path / "一月.xlsx", headers, rows)
    chosen = {"姓名": "户主", "id_number": "证件号码", "place": 2, "发放金额": "金额（元）"}
    _import(team, path, round_id, label="县民政局", mapping=chosen)
    with team(OFFICE).read() as s:
        remembered = s.get(DataMapping, (KIND, "县民政局"))
        assert remembered is not None
        assert remembered.mapping == {
            "name": "户主",
            "id_number": "证件号码",
            "place": "所在村组",
            "amount": "金额（元）",
        }
        # next month's file puts the columns elsewhere: the headers find them
        moved = write_xlsx(tmp_path / "二月.xlsx", headers[::-1], [r[::-1] for r in rows])
        preview = preview_list(s, moved, KIND, "县民政局")
        elsewhere = preview_list(s, moved, KIND, "乡镇上报")
    assert preview.remembered and preview.missing == ()
    assert preview.mapping == {"name": 3, "id_number": 2, "place": 1, "amount": 0}
    assert preview.headers == headers[::-1] and preview.sample[0][3] == "李四"
    assert not elsewhere.remembered  # another source: only the guess
    assert _import(team, moved, round_id, label="县民政局").rows == 1
    with team(OFFICE).read() as s:
        amounts = s.scalars(select(DataRow.amount_fen)).all()
    assert amounts == [30000, 30000]


def test_a_column_confirmed_for_one_field_is_not_guessed_for_another(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    """This 来源's only date is when the 低保 began, though its header says 发放日期."""
    headers = ("姓名", "身份证号", "发放日期")
    path = write_xlsx(tmp_path / "名单.xlsx", headers, [("李四", id_number(7), "2020-01-01")])
    with team(OFFICE).read() as s:
        assert preview_list(s, path, KIND, "某乡").mapping["paid_on"] == 2  # the guess
    chosen = {"name": 0, "id_number": 1, "since": 2}
    _import(team, path, round_id, label="某乡", mapping=chosen)
    with team(OFFICE).read() as s:
        assert preview_list(s, path, KIND, "某乡").mapping == chosen


def test_one_bad_row_refuses_the_whole_list_naming_every_problem(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    rows = assistance_rows(6)
    bad_id = id_number(3)[:17] + ("0" if id_number(3)[17] != "0" else "1")
    rows[2] = (3, "王五", bad_id, "团结村", "低保", "100", "2026-05-01")
    rows[4] = (5, "", id_number(5), "团结村", "低保", "一百元", "2026-05-01")
    rows[5] = (6, "钱七", id_number(6), "团结村", "低保", "一百元", "2026-05-01")  # again
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, rows)
    before = list_state(team(OFFICE))
    with pytest.raises(ListRowsRefused) as refused:
        _import(team, path, round_id, label="县民政局")
    assert refused.value.code == "WB-DATA-ROWS" and refused.value.exit_code == 8
    # the reasons are normalize's own (tested there): here, that each is carried and where
    found = [(p.row_no, p.column) for p in refused.value.problems]
    assert found == [(4, "身份证号"), (6, "姓名"), (6, "发放金额"), (7, "发放金额")]
    reasons = [p.reason for p in refused.value.problems]
    assert "校验码" in reasons[0] and reasons[1] == "“姓名”不能为空"
    assert reasons[2] == reasons[3] and "金额" in reasons[2] and "一百" in reasons[2]
    assert refused.value.details["bad_rows"] == 3
    assert "3 行无法读取" in refused.value.message
    assert list_state(team(OFFICE)) == before  # no source, no row, no mapping, no audit


def test_skip_bad_stores_the_clean_rows_and_records_the_others(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    rows = assistance_rows(5)
    rows[1] = (2, "赵六", "12345", "团结村", "低保", "100", "2026-05-01")
    path = write_csv(tmp_path / "低保.csv", ASSISTANCE_HEADERS, rows)
    done = _import(team, path, round_id, skip_bad=True)
    assert done.rows == 4 and done.skipped_rows == 1
    assert done.skipped == (datalists.RowProblem(3, "身份证号", "身份证号应为 18 位（或 15 位）"),)
    with team(OFFICE).read() as s:
        source = s.scalars(select(DataSource)).one()
        assert source.row_count == 4
        assert source.skipped_rows == [
            {"row_no": 3, "column": "身份证号", "reason": "身份证号应为 18 位（或 15 位）"}
        ]
        assert s.scalar(select(func.count()).select_from(DataRow)) == 4
    assert _audits(team, "data.import")[0]["skipped"] == 1


def test_a_list_without_a_row_to_store_is_refused(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    empty = write_xlsx(tmp_path / "空.xlsx", ASSISTANCE_HEADERS, [])
    all_bad = write_csv(
        tmp_path / "低保.csv", ASSISTANCE_HEADERS, [(1, "某", "bad", "村", "低保", "1", "")]
    )
    before = list_state(team(OFFICE))
    with pytest.raises(ValidationError, match="没有数据行"):
        _import(team, empty, round_id)
    with pytest.raises(ListRowsRefused):
        _import(team, all_bad, round_id, skip_bad=True)
    assert list_state(team(OFFICE)) == before


def test_a_refusal_carries_a_bounded_list_but_counts_every_problem(
    team: Team, round_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(datalists, "KEPT_PROBLEMS", 3)
    rows = [(i, f"某{i}", "bad", "团结村", "低保", "1", "2026-05-01") for i in range(10)]
    path = write_csv(tmp_path / "低保.csv", ASSISTANCE_HEADERS, rows)
    with pytest.raises(ListRowsRefused) as refused:
        _import(team, path, round_id)
    assert len(refused.value.problems) == 3
    assert refused.value.details == {"bad_rows": 10, "problem_count": 10}


def test_the_same_file_is_refused_again_until_the_first_is_removed(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, assistance_rows(2))
    first = _import(team, path, round_id, label="县民政局")
    before = list_state(team(OFFICE))
    with pytest.raises(ListAlreadyImported) as duplicate:
        _import(team, path, round_id, label="另一个来源")
    assert duplicate.value.code == "WB-DATA-DUPLICATE" and duplicate.value.exit_code == 7
    assert "已于" in duplicate.value.message and "县民政局" in duplicate.value.message
    assert list_state(team(OFFICE)) == before
    other_round = office_round(team(OFFICE), "2026年第二轮巡察")
    assert _import(team, path, other_round).rows == 2
    with team(OFFICE).session() as s:
        datalists.remove_source(s, first.source_id)
    assert _import(team, path, round_id).rows == 2


def test_a_cancelled_import_leaves_the_store_as_it_was(
    team: Team, round_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(datalists, "BATCH", 10)
    path = write_csv(tmp_path / "低保.csv", ASSISTANCE_HEADERS, assistance_rows(95))
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int | None, label: str = "") -> None:
        seen.append(done)
        if done >= 30:
            token.cancel()

    before = list_state(team(OFFICE))
    with pytest.raises(Cancelled):
        _import(team, path, round_id, progress=progress, cancel=token)
    assert seen == [10, 20, 30]
    assert list_state(team(OFFICE)) == before
    done = _import(team, path, round_id, progress=lambda *_: None)
    assert done.rows == 95


def test_a_mapping_without_a_required_field_or_an_unknown_round_is_refused(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, assistance_rows(1))
    before = list_state(team(OFFICE))
    with pytest.raises(ListMappingRefused, match="身份证号"):
        _import(team, path, round_id, mapping={"name": "姓名"})
    with pytest.raises(ListMappingRefused, match="表头中没有“公民身份号码”列"):
        _import(team, path, round_id, mapping={"name": 1, "id_number": "公民身份号码"})
    with pytest.raises(ListMappingRefused, match="没有“出生日期”这一项"):
        _import(team, path, round_id, mapping={"出生日期": 2})
    with pytest.raises(NotFound):
        _import(team, path, "2099年第九轮")
    assert list_state(team(OFFICE)) == before


def test_a_member_is_refused_and_a_team_leader_allowed_by_default(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, assistance_rows(2))
    with pytest.raises(PermissionDenied, match="巡察办、组长"):
        _import(team, path, round_id, user="member")
    done = _import(team, path, round_id, user="leader")  # 组长 (and 系统管理员)
    source_id = done.source_id
    with team("member").read() as s:
        assert not data_access.may_see_raw(s)
        with pytest.raises(PermissionDenied, match="查看名单"):
            list_sources(s)
        with pytest.raises(PermissionDenied):
            source_rows(s, source_id)
    with team("member").session() as s, pytest.raises(PermissionDenied):
        datalists.remove_source(s, source_id)
    with team("leader").read() as s:
        page = source_rows(s, source_id, limit=1)
    assert page.total == 2 and page.headers == ASSISTANCE_HEADERS
    assert page.rows == (
        (2, ("1", "张 1", id_number(1), "团结村", "低保", "1,234.50", "2026年5月1日")),
    )


def test_the_three_administrators_are_refused_with_their_reason(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, assistance_rows(1))
    with pytest.raises(PermissionDenied, match=r"安全保密管理员.*不能查看案件内容"):
        _import(team, path, round_id, user="secadmin")
    with team("secadmin").read() as s, pytest.raises(PermissionDenied, match="不能查看案件内容"):
        list_sources(s)
    with team(OFFICE).session() as s, pytest.raises(PermissionDenied, match="三员分立"):
        data_access.set_data_roles(s, ["secadmin"])


def test_only_the_office_sets_the_roles_and_each_change_is_audited(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    with team("leader").session() as s, pytest.raises(PermissionDenied, match="巡察办"):
        data_access.set_data_roles(s, [Role.DEPUTY_LEADER])
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, assistance_rows(1))
    with pytest.raises(PermissionDenied):
        _import(team, path, round_id, user="deputy")
    with team(OFFICE).session() as s:
        roles = data_access.set_data_roles(s, ["副组长", Role.MEMBER])
    assert roles == {Role.OFFICE, Role.DEPUTY_LEADER, Role.MEMBER}
    assert _import(team, path, round_id, user="deputy").rows == 1
    with team("leader").read() as s:  # 组长 no longer chosen
        assert data_access.data_roles(s) == roles and not data_access.may_see_raw(s)
    with team(OFFICE).session() as s:
        data_access.set_data_roles(s, [Role.DEPUTY_LEADER, Role.MEMBER])  # no change
    [change] = _audits(team, "setting.change")
    assert change == {
        "rule": "可查看名单的角色",
        "from": ["office_staff", "team_leader"],
        "to": ["deputy_leader", "member", "office_staff"],
    }


def test_removing_a_list_deletes_its_rows_and_is_audited(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, assistance_rows(3))
    done = _import(team, path, round_id, label="县民政局")
    with team(OFFICE).session() as s:
        removed = datalists.remove_source(s, done.source_id)
    assert removed.rows == 3
    with team(OFFICE).read() as s:
        assert s.scalar(select(func.count()).select_from(DataRow)) == 0
        source = s.get(DataSource, removed.id)
        assert source is not None and source.deleted_at is not None
        assert list_sources(s) == []
        with pytest.raises(NotFound):
            source_rows(s, removed.id)
    with team(OFFICE).session() as s, pytest.raises(NotFound):
        datalists.remove_source(s, removed.id)
    [entry] = _audits(team, "data.remove")
    assert entry["rows"] == 3 and entry["label"] == "县民政局"


def test_the_page_cache_is_restored_after_an_import_and_a_refusal(
    team: Team, round_id: str, tmp_path: Path
) -> None:
    good = write_csv(tmp_path / "低保.csv", ASSISTANCE_HEADERS, assistance_rows(2))
    bad = write_csv(tmp_path / "坏.csv", ASSISTANCE_HEADERS, [(1, "某", "bad", "村", "", "", "")])
    with team(OFFICE).session() as s:
        pragma = "PRAGMA cache_size"
        before = s.connection().exec_driver_sql(pragma).scalar()
        import_list(s, good, kind=KIND, round_id=round_id)
        with pytest.raises(ListRowsRefused):
            import_list(s, bad, kind=KIND, round_id=round_id)
        assert s.connection().exec_driver_sql(pragma).scalar() == before
        assert before != -datalists.IMPORT_CACHE_KIB
