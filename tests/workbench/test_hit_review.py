"""比对疑点 review on a real encrypted store: 待核实/属实/排除 by role and version, turning a hit
into a 问题线索 or 底稿 with its matched rows as an encrypted .xlsx, and who sees which cells."""

from __future__ import annotations

import io
import json
import uuid
from datetime import date
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from tests.workbench.datacheck_rows import add_list
from tests.workbench.findings_world import World, world_fixture  # noqa: F401 - the fixture
from tests.workbench.hit_rows import ROWS
from tests.workbench.team import Team
from workbench.errors import (
    AmbiguousName,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from workbench.models import Clue, DataHit, Evidence, Finding, Member, Person
from workbench.roles import Role
from workbench.services.clues import void_clue
from workbench.services.data_access import NEVER, set_data_roles
from workbench.services.datahits import get_hit, list_hits, run_rules
from workbench.services.findings_evidence import list_evidence
from workbench.services.hit_review import (
    decide_hit,
    hit_to_clue,
    hit_to_finding,
    resolve_hit,
)
from workbench.services.id_numbers import check_character
from workbench.store.vault import Vault
from workbench.vocab.enums import CadreLevel, HitStatus


def add_hit(team: Team, w: World, **over: Any) -> str:
    values: dict[str, Any] = {
        "round_id": w.round_id,
        "rule_id": "staff_assistance",
        "rule_version": 1,
        "rule_title": "公职人员享受低保",
        "match_key": uuid.uuid4().hex,
        "subject_name": "李四",
        "subject_id_number": "110101199003071234",
        "summary": "李四为某某镇政府在编人员，同时在低保名单中领取低保",
        "qualification": "涉嫌违规享受低保待遇",
        "discipline": "廉洁纪律、群众纪律",
        "rows": ROWS,
        "status": HitStatus.NEW,
        **over,
    }
    with team().session() as s:
        row = DataHit(**values)
        s.add(row)
        s.flush()
        return row.id


def hit_row(vault: Vault, hit_id: str) -> DataHit:
    with vault.read() as s:
        row = s.get(DataHit, hit_id)
        assert row is not None
        return row


def stored_blob(vault: Vault, sha: str) -> bytes:
    """An attachment as the store keeps it: a file of its folder (tests/pg: rows on the server)."""
    return vault.attachments.blob_path(sha).read_bytes()


def sheet_values(vault: Vault, sha: str) -> list[tuple[Any, ...]]:
    data = b"".join(vault.attachments.iter_content(sha))
    ws: Any = load_workbook(io.BytesIO(data)).active
    return list(ws.iter_rows(values_only=True))


# -- decisions ---------------------------------------------------------------------------------


def test_decisions_name_who_and_when_and_are_audited(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    with team("member").session() as s:
        view = decide_hit(s, hit, "待核实", "需到村核实家庭收入")
    assert (view.status, view.reason, view.decided_by) == (
        HitStatus.PENDING,
        "需到村核实家庭收入",
        "member",
    )
    assert view.decided_at is not None and view.meta.version == 2
    with team("office").session() as s:
        view = decide_hit(s, hit, "confirmed", expected_version=2)
    assert view.status is HitStatus.CONFIRMED and view.decided_by == "office"
    with team().read() as s:
        entries = s.execute(
            text(
                "SELECT action, detail FROM audit_log WHERE object_type = 'data_hits'"
                " AND object_id = :id ORDER BY seq"
            ),
            {"id": hit},
        ).all()
    assert [a for a, _ in entries] == ["insert", "update", "update"]  # once per change
    assert {"status", "reason", "decided_by", "decided_at"} <= set(
        json.loads(entries[1][1])["fields"]
    )


def test_exclusion_needs_a_reason_and_a_refusal_changes_nothing(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    for reason in ("", "   "):
        with pytest.raises(ValidationError, match="排除理由不能为空"), team().session() as s:
            decide_hit(s, hit, HitStatus.EXCLUDED, reason)
    with pytest.raises(ValidationError, match="处理结论只能是"), team().session() as s:
        decide_hit(s, hit, "待处理")
    with pytest.raises(ValidationError, match="处理结论“忽略”无效"), team().session() as s:
        decide_hit(s, hit, "忽略")
    assert (hit_row(team(), hit).status, hit_row(team(), hit).version) == (HitStatus.NEW, 1)
    with team().session() as s:
        view = decide_hit(s, hit, "排除", "同名不同人：身份证号末位不同")
    assert (view.status, view.reason) == (HitStatus.EXCLUDED, "同名不同人：身份证号末位不同")


def test_a_stale_version_is_the_usual_conflict(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    with team().session() as s:
        decide_hit(s, hit, "待核实")
    with pytest.raises(Conflict, match="已被他人修改"), team("member").session() as s:
        decide_hit(s, hit, "排除", "不属实", expected_version=1)
    assert hit_row(team(), hit).status is HitStatus.PENDING


def test_the_three_administrators_do_not_decide(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    with pytest.raises(PermissionDenied), team("secadmin").session() as s:
        decide_hit(s, hit, "属实")
    with pytest.raises(PermissionDenied), team("secadmin").session() as s:
        hit_to_clue(s, hit, attachments=team("secadmin").attachments, subject_level="乡管")
    assert hit_row(team(), hit).status is HitStatus.NEW


def test_a_member_recused_from_the_person_does_not_decide(team: Team, world: World) -> None:
    with team().session() as s:
        member = s.scalars(select(Member).where(Member.name == "member")).one()
        member.recusal_person_ids = [world.county_id]  # 张县管
    hit = add_hit(team, world, subject_name="张县管")
    with pytest.raises(PermissionDenied, match="回避"), team("member").session() as s:
        decide_hit(s, hit, "属实")
    with team("deputy").session() as s:
        assert decide_hit(s, hit, "属实").status is HitStatus.CONFIRMED


def _id_number(first17: str) -> str:
    return first17 + check_character(first17)


def test_a_member_recused_from_a_person_does_not_see_the_hits_naming_them(
    team: Team, world: World
) -> None:
    """By 身份证号 when the person has one on record: the hit about them and the one whose
    rows name them as a relative's cadre leave the member's list and are refused when read or
    decided, a namesake with another number stays; by name for a person without one."""
    county, kin_id, namesake_id = (_id_number(f"53010219650101{n:03d}") for n in (1, 2, 3))
    with team().session() as s:
        s.get(Person, world.county_id).id_number = county  # type: ignore[union-attr]
        member = s.scalars(select(Member).where(Member.name == "member")).one()
        member.recusal_person_ids = [world.county_id, world.township_id]  # 张县管, 李乡管
    relative = {
        "kind": "relatives",
        "source": "干部近亲属名单",
        "row_no": 3,
        "key_fields": {"姓名": "张小明", "身份证号": kin_id, "干部姓名": "张县管",
                       "干部身份证号": county},
    }  # fmt: skip
    own = add_hit(team, world, subject_name="张县管", subject_id_number=county, rows=[])
    kin = add_hit(team, world, subject_name="张小明", subject_id_number=kin_id, rows=[relative])
    namesake = add_hit(team, world, subject_name="张县管", subject_id_number=namesake_id)
    named = add_hit(team, world, subject_name="李乡管", subject_id_number=kin_id[:-1] + "0")
    plain = add_hit(team, world)
    with team("member").read() as s:
        assert {h.id for h in list_hits(s, world.round_id)} == {namesake, plain}
        for hidden in (own, kin, named):
            with pytest.raises(PermissionDenied, match="回避"):
                get_hit(s, hidden)
    refused = pytest.raises(PermissionDenied, match="您已申报回避“张县管”")
    with refused, team("member").session() as s:
        decide_hit(s, kin, "属实")
    with team("deputy").read() as s:
        assert {h.id for h in list_hits(s, world.round_id)} == {own, kin, namesake, named, plain}
        assert get_hit(s, kin).subject_name == "张小明"


def test_hits_are_named_by_id_or_its_first_characters(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    with team().read() as s:
        assert resolve_hit(s, hit) == hit
        assert resolve_hit(s, hit[:8].upper()) == hit
        with pytest.raises(NotFound):
            resolve_hit(s, hit[:3])
        with pytest.raises(NotFound):
            resolve_hit(s, "ffffffff")
    other = add_hit(team, world)
    common = 0
    while hit[common] == other[common]:
        common += 1
    if common >= 6:  # two ids sharing a long prefix: the prefix names neither
        with team().read() as s, pytest.raises(AmbiguousName):
            resolve_hit(s, hit[:common])


# -- turning a hit into a 底稿 or a clue -----------------------------------------------------


def _everyone_sees_raw(team: Team) -> None:
    """The office lets every case reader see the lists: the evidence .xlsx then has the cells."""
    with team("office").session() as s:
        set_data_roles(s, set(Role) - NEVER)


def test_a_finding_from_a_hit_carries_its_rows_as_an_encrypted_xlsx(
    team: Team, world: World
) -> None:
    _everyone_sees_raw(team)
    hit = add_hit(team, world)
    with team().session() as s:
        done = hit_to_finding(
            s,
            hit,
            attachments=team().attachments,
            target_id=world.target_id,
            taxonomy_code="SGJJ-2020.1.1",
        )
    assert done.record_type == "findings" and done.number.startswith("DG-2026-")
    assert done.hit.status is HitStatus.CONFIRMED and done.hit.finding_id == done.record_id
    with team().read() as s:
        finding = s.get(Finding, done.record_id)
        assert finding is not None
        assert finding.source_refs == [{"type": "data_hit", "id": hit}]
        assert finding.disciplines == ["JL-3", "JL-4"]  # 廉洁纪律、群众纪律
        assert finding.method_code == "FS-06" and finding.team_id == world.team_id
        assert "定性提示：涉嫌违规享受低保待遇" in finding.summary
        [material] = list_evidence(s, done.record_id)
    assert material.attachment_sha256 == done.attachment_sha256
    assert material.title == "比中数据：公职人员享受低保"
    rows = sheet_values(team(), done.attachment_sha256)
    assert rows[0][0] == "比对疑点：公职人员享受低保"
    heading = next(r for r in rows if r[0] == "字段")
    assert heading[1:] == (
        "低保/特困/临时救助名单·县民政局·第12行",
        "公职人员/财政供养人员名单·县人社局·第7行",
    )
    by_field = {r[0]: r[1:] for r in rows}
    assert by_field["身份证号"] == ("110101199003071234", "110101199003071234")
    assert by_field["原始数据：家庭住址"] == ("某某村3组", None)  # every reader may see raw rows
    assert by_field["原始数据：工资卡号"] == (None, '=HYPERLINK("x")')  # text, not a formula
    # the blob as stored is sealed, not the .xlsx's zip: the name is not in it
    stored = stored_blob(team(), done.attachment_sha256)
    assert stored and not stored.startswith(b"PK")
    assert "李四".encode() not in stored and b"110101199003071234" not in stored


def test_without_raw_access_the_evidence_has_only_the_key_fields(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    with team("member").read() as s:
        assert all("cells" not in r for r in get_hit(s, hit).rows)
    with team().read() as s:
        assert all("cells" in r for r in get_hit(s, hit).rows)
    with team("member").session() as s:
        done = hit_to_finding(
            s, hit, attachments=team("member").attachments, target_id=world.target_id
        )
    fields = [r[0] for r in sheet_values(team(), done.attachment_sha256)]
    assert "单位" in fields and not any(str(f).startswith("原始数据") for f in fields)


def test_a_hit_is_converted_once_and_then_keeps_its_decision(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    with team().session() as s:
        done = hit_to_finding(s, hit, attachments=team().attachments, target_id=world.target_id)
    repeated = f"已转为问题底稿 {done.number}，不能重复转换"
    with pytest.raises(Conflict, match=repeated), team().session() as s:
        hit_to_clue(s, hit, attachments=team().attachments, subject_level="乡管")
    with pytest.raises(Conflict, match=f"已转为问题底稿 {done.number}"), team().session() as s:
        decide_hit(s, hit, "排除", "误报")
    with team().read() as s:
        assert s.scalar(select(func.count()).select_from(Clue)) == 0


def test_an_excluded_hit_is_not_converted(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    with team().session() as s:
        decide_hit(s, hit, "排除", "同名不同人")
    for convert in (
        lambda s: hit_to_clue(s, hit, attachments=team().attachments, subject_level="乡管"),
        lambda s: hit_to_finding(s, hit, attachments=team().attachments, target_id=world.target_id),
    ):
        refused = pytest.raises(WorkflowError, match="疑点已排除（理由：同名不同人）")
        with refused, team().session() as s:
            convert(s)
    with team().read() as s:
        assert s.scalar(select(func.count()).select_from(Finding)) == 0
        assert s.scalar(select(func.count()).select_from(Evidence)) == 0


def test_a_clue_from_a_hit_and_its_rows_as_material(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    with team().session() as s:
        decide_hit(s, hit, "待核实")
    with team().session() as s:
        done = hit_to_clue(
            s,
            hit,
            attachments=team().attachments,
            subject_level=CadreLevel.TOWNSHIP,
            subject_position="科员",
            target_id=world.target_id,
        )
    assert done.record_type == "clues" and done.number.startswith("XS-2026-")
    assert done.hit.status is HitStatus.PENDING  # a clue goes on to be verified: kept
    with team().read() as s:
        clue = s.get(Clue, done.record_id)
        material = s.get(Evidence, done.evidence_id)
        assert clue is not None and material is not None
        assert (clue.subject_name, clue.subject_level) == ("李四", CadreLevel.TOWNSHIP)
        assert clue.problem.startswith("李四为某某镇政府在编人员")
        assert clue.source_refs == [{"type": "data_hit", "id": hit}]
        assert clue.disciplines == ["JL-3", "JL-4"]
        assert (material.finding_id, material.source) == (None, f"问题线索 {done.number}")
        assert material.attachment_sha256 == done.attachment_sha256
    assert hit_row(team(), hit).clue_id == done.record_id
    # voiding the clue frees the hit for another conversion
    with team().session() as s:
        void_clue(s, done.record_id, "登记错误")
    with team().session() as s:
        again = hit_to_clue(s, hit, attachments=team().attachments, subject_level="乡管")
    assert again.record_id != done.record_id


def test_a_hit_found_by_a_run_becomes_a_finding_with_its_rows(team: Team, world: World) -> None:
    _everyone_sees_raw(team)
    person = "530102196001110016"
    with team().session() as s:
        add_list(s, world.round_id, "staff", "财政供养人员名单", [
            {"name": "张三", "id_number": person, "org": "县教育局", "category": "在编"},
        ])  # fmt: skip
        add_list(s, world.round_id, "assistance", "县民政局低保名单", [
            {"name": "张三", "id_number": person, "place": "东村", "paid_on": date(2026, 3, 5)},
        ])  # fmt: skip
        run_rules(s, world.round_id, rule_id="DC01")
        [found] = list_hits(s, world.round_id)
    with team().session() as s:
        done = hit_to_finding(
            s, found.id, attachments=team().attachments, target_id=world.target_id
        )
    rows = sheet_values(team(), done.attachment_sha256)
    heading = next(r for r in rows if r[0] == "字段")
    assert set(heading[1:]) == {
        "低保/特困/临时救助名单·县民政局低保名单·第2行",
        "公职人员/财政供养人员名单·财政供养人员名单·第2行",
    }
    by_field = {r[0]: r[1:] for r in rows}
    assert by_field["身份证号"] == (person, person)
    assert set(by_field["原始数据：备注"]) == {"备注-2"}
    assert rows[1][:2] == ("比对情况", found.summary)
