"""A 碰撞比对 list goes to a team only when the office chooses it for a briefing (issue #19): its
rows arrive read as the team's own import would read them, shown as 下发 by the office, and stay
with the roles the team's store allows; re-imports and re-sends add nothing twice."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text, update

from tests.workbench.datalist_files import ASSISTANCE_HEADERS, assistance_rows, write_csv
from tests.workbench.exchange_support import (
    PASS,
    USERS,
    World,
    WorldTemplate,
    add_round,
    content_digest,
    world_in,
)
from workbench import exchange as ex
from workbench.errors import PermissionDenied, ValidationError
from workbench.models.datalists import DataRow
from workbench.roles import Role
from workbench.services import users
from workbench.services.datalist_transfer import received_from
from workbench.services.datalists import import_list, list_sources, remove_source, source_rows
from workbench.store.vault import Vault
from workbench.vocab.enums import DataListKind

ROW_COLUMNS = (DataRow.row_no, DataRow.id_number, DataRow.name, DataRow.place, DataRow.category)
ROW_COLUMNS += (DataRow.date1, DataRow.amount_fen, DataRow.cells)


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _import(vault: Vault, path: Path, round_id: str, label: str = "县民政局") -> str:
    with vault.session() as s:
        done = import_list(s, path, kind=DataListKind.ASSISTANCE, round_id=round_id, label=label)
    return done.source_id


def _list(w: World, name: str = "低保.csv", rows: int = 3, start: int = 1) -> Path:
    return write_csv(w.dir / name, ASSISTANCE_HEADERS, assistance_rows(rows, start))


def _brief(w: World, name: str, lists: list[str], vault: Vault | None = None) -> Path:
    out = w.dir / name
    ex.build_briefing(vault or w.office, w.round_id, [w.template.device_a], out, lists=lists)
    return out


def _rows(vault: Vault, source_id: str) -> list[tuple[Any, ...]]:
    with vault.read() as s:
        query = select(*ROW_COLUMNS).where(DataRow.source_id == source_id).order_by(DataRow.id)
        return [tuple(r) for r in s.execute(query)]


def _audit(vault: Vault, action: str) -> list[tuple[str, dict[str, Any]]]:
    with vault.read() as s:
        found = s.execute(
            text("SELECT object_id, detail FROM audit_log WHERE action = :a ORDER BY seq"),
            {"a": action},
        )
        return [(o, json.loads(d)) for o, d in found]


def test_a_chosen_list_arrives_as_the_office_read_it_and_says_it_was_sent(w: World) -> None:
    source_id = _import(w.office, _list(w), w.round_id)
    sent = ex.build_briefing(
        w.office, w.round_id, [w.template.device_a], w.dir / "b.wbp", lists=[source_id]
    )
    assert sent.lists == (("县民政局", "低保.csv"),)
    result = ex.import_package(w.a, w.dir / "b.wbp")
    assert result.outcome["lists_added"] == 1
    assert _rows(w.a, source_id) == _rows(w.office, source_id)  # typed columns read again
    with w.a.read() as s:
        [view] = list_sources(s, w.round_id)
        assert (view.id, view.label, view.rows, view.imported_by) == (source_id, "县民政局", 3, "")
        assert source_rows(s, source_id).rows[0][1][1] == "张 1"
        by, at = received_from(s, [source_id])[source_id]
    assert by == "巡察办" and at.date() == view.imported_at.date()
    [(sent_id, send)] = _audit(w.office, "data.send")
    assert sent_id == source_id
    assert send["devices"] == [w.template.device_a] and send["package_id"] == sent.package_id
    [(got_id, receive)] = _audit(w.a, "data.receive")
    assert got_id == source_id
    assert receive["outcome"] == "lists_added" and receive["package_id"] == sent.package_id


def test_no_list_travels_unless_chosen(w: World) -> None:
    _import(w.office, _list(w), w.round_id)
    result = ex.import_package(w.a, _brief(w, "b.wbp", []))
    assert "lists_added" not in result.outcome
    with w.a.read() as s:
        assert list_sources(s) == []
    assert _audit(w.office, "data.send") == []


def test_a_resent_list_is_not_stored_twice_nor_one_the_team_removed(w: World) -> None:
    first = _import(w.office, _list(w), w.round_id)
    ex.import_package(w.a, _brief(w, "b1.wbp", [first]))
    again = ex.import_package(w.a, w.dir / "b1.wbp")
    assert again.status == "already_imported"
    resent = ex.import_package(w.a, _brief(w, "b2.wbp", [first]))
    assert resent.outcome["lists_unchanged"] == 1
    assert len(_rows(w.a, first)) == 3
    # an updated list is a new import at the office: it goes in beside the earlier one
    second = _import(w.office, _list(w, "低保（更新）.csv", 4, 10), w.round_id)
    updated = ex.import_package(w.a, _brief(w, "b3.wbp", [first, second]))
    assert (updated.outcome["lists_unchanged"], updated.outcome["lists_added"]) == (1, 1)
    with w.a.read() as s:
        assert {v.id: v.rows for v in list_sources(s)} == {first: 3, second: 4}
    # the team removed its copy once it was done with it: a later briefing does not bring it back
    with w.a.session() as s:
        remove_source(s, first)
    kept = ex.import_package(w.a, _brief(w, "b4.wbp", [first]))
    assert kept.outcome["lists_kept"] == 1
    assert _rows(w.a, first) == []
    outcomes = [d["outcome"] for _id, d in _audit(w.a, "data.receive")]
    added, unchanged, kept = "lists_added", "lists_unchanged", "lists_kept"
    assert outcomes == [added, unchanged, unchanged, added, kept]


def test_the_same_file_the_team_imported_itself_is_not_stored_again(w: World) -> None:
    path = _list(w)
    office_copy = _import(w.office, path, w.round_id)
    team_copy = _import(w.a, path, w.round_id, label="组里自己导入")
    result = ex.import_package(w.a, _brief(w, "b.wbp", [office_copy]))
    assert result.outcome["lists_kept"] == 1
    with w.a.read() as s:
        assert [v.id for v in list_sources(s)] == [team_copy]


def test_only_a_role_that_sees_raw_rows_sends_a_list(w: World) -> None:
    source_id = _import(w.office, _list(w), w.round_id)
    users.add_user(w.office, "keyuan", PASS, (Role.MEMBER,), display_name="科员")
    member = Vault.open(w.dir / "office", "keyuan", PASS)
    try:
        before = content_digest(w.office)
        with pytest.raises(PermissionDenied, match="随部署包下发名单"):
            _brief(w, "b.wbp", [source_id], vault=member)
        assert content_digest(w.office) == before
        assert not (w.dir / "b.wbp").exists()
    finally:
        member.lock()


def test_a_list_of_another_round_or_removed_is_refused(w: World) -> None:
    other_id = add_round(w.office, "另一轮", 7)
    elsewhere = _import(w.office, _list(w), other_id)
    with pytest.raises(ValidationError, match="本轮没有名单"):
        _brief(w, "b.wbp", [elsewhere])
    removed = _import(w.office, _list(w, "另一份.csv", 2, 20), w.round_id)
    with w.office.session() as s:
        remove_source(s, removed)
    with pytest.raises(ValidationError, match="本轮没有名单"):
        _brief(w, "b.wbp", [removed])
    assert not (w.dir / "b.wbp").exists()


def test_on_the_team_the_rows_stay_with_the_roles_its_store_allows(w: World) -> None:
    source_id = _import(w.office, _list(w), w.round_id)
    ex.import_package(w.a, _brief(w, "b.wbp", [source_id]))
    users.add_user(w.a, "zuyuan", PASS, (Role.MEMBER,), display_name="组员")
    member = Vault.open(w.dir / "a", "zuyuan", PASS)
    try:
        with member.read() as s, pytest.raises(PermissionDenied, match="查看名单"):
            source_rows(s, source_id)
    finally:
        member.lock()


def test_rows_the_team_cannot_read_refuse_the_briefing_whole(w: World) -> None:
    """The office's typed columns never travel: a cell its import would refuse (here altered in
    the office's store after its import) refuses the package, and the team's store is as it was."""
    source_id = _import(w.office, _list(w), w.round_id)
    with w.office.session() as s:
        [cells] = s.scalars(select(DataRow.cells).where(DataRow.row_no == 3))
        cells[2] = "110101199001011234"  # a wrong check digit
        s.execute(update(DataRow).where(DataRow.row_no == 3).values(cells=cells))
    path = _brief(w, "b.wbp", [source_id])
    before = content_digest(w.a)
    with pytest.raises(ValidationError, match="第 3 行无法读取"):
        ex.import_package(w.a, path)
    assert content_digest(w.a) == before


def test_the_cli_sends_a_list_only_when_named_and_says_where_one_came_from(
    w: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    source_id = _import(w.office, _list(w), w.round_id)
    w.open("a")  # its store copied, to be opened by the commands
    w.close()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    office = ["--store", str(w.dir / "office"), "--user", USERS["office"]]
    team = ["--store", str(w.dir / "a"), "--user", USERS["a"]]
    brief = ["brief", "--round", w.round_id, "--device", w.template.device_a]
    assert main([*office, *brief, "--out", str(w.dir / "b1.wbp")]) == 0
    assert "随包下发名单" not in capsys.readouterr().out
    assert main([*office, *brief, "--list", source_id, "--out", str(w.dir / "b2.wbp")]) == 0
    assert "随包下发名单（含个人信息）：县民政局（低保.csv）" in capsys.readouterr().out
    assert main([*team, "import", str(w.dir / "b2.wbp")]) == 0
    assert "名单新增 1" in capsys.readouterr().out
    assert main([*team, "data", "sources"]) == 0
    out = capsys.readouterr().out
    assert f"{source_id}  低保/特困/临时救助名单  来源：县民政局" in out
    assert "巡察办 20" in out and "下发" in out and "导入" not in out
