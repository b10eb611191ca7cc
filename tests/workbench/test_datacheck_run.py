"""比对 runs on a real encrypted store: every shipped rule finds its planted case and not its
near miss, a second run adds nothing, a cancel records nothing, and who may not see the lists
sees the hits without their cells."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, update

import workbench.services  # noqa: F401 - registers the flush hooks
from tests.conftest import LEADER
from tests.workbench.datacheck_rows import add_list
from tests.workbench.team import Team
from workbench.datacheck.rules import add_rule
from workbench.errors import Cancelled, PermissionDenied
from workbench.jobs import CancelToken
from workbench.models.datalists import DataHit, DataRow, DataSource
from workbench.models.system import AuditEntry
from workbench.services.datahits import HitView, get_hit, list_hits, run_rules
from workbench.services.id_numbers import check_character
from workbench.services.rounds import RoundDraft, create_round
from workbench.vocab.enums import HitStatus


def pid(n: int) -> str:
    """A valid 身份证号, distinct per ``n``."""
    first = f"530102{1960 + n % 40}0{1 + n % 9}1{n % 10}{n:03d}"[:17]
    return first + check_character(first)


P = {n: pid(n) for n in range(1, 30)}
D = date


@dataclass(frozen=True)
class World:
    round_id: str
    other_round_id: str


def _lists(s: Any, r: str) -> None:
    add_list(s, r, "staff", "财政供养人员名单", [
        {"name": "张三", "id_number": P[1], "org": "县教育局", "category": "在编"},
        {"name": "刘一", "id_number": P[15], "org": "县水务局"},
    ])  # fmt: skip
    add_list(s, r, "cadres", "村干部名单", [
        {"name": "王五", "id_number": P[2], "place": "东村", "category": "村委会主任"},
    ])  # fmt: skip
    add_list(s, r, "relatives", "干部近亲属名单", [
        {"name": "李四", "id_number": P[3], "related_id": P[2], "category": "配偶"},
        {"name": "陈三", "id_number": P[14], "related_id": P[2], "category": "子女"},
        # near miss: the relative of someone on no list
        {"name": "赵六", "id_number": P[4], "related_id": P[9], "category": "子女"},
    ])  # fmt: skip
    add_list(s, r, "assistance", "县民政局低保名单", [
        {"name": "张三", "id_number": P[1], "place": "东村", "paid_on": D(2026, 3, 5)},
        {"name": "李四", "id_number": P[3], "place": "东村", "paid_on": D(2026, 3, 5)},
        {"name": "赵六", "id_number": P[4], "place": "东村", "paid_on": D(2026, 3, 5)},
        # near miss: the staff member's name, another 身份证号
        {"name": "张三", "id_number": P[5], "place": "西村", "paid_on": D(2026, 3, 5)},
        # twice in one month; in two places; monthly in one place (no hit)
        {"name": "钱七", "id_number": P[6], "place": "东村", "paid_on": D(2026, 3, 5)},
        {"name": "钱七", "id_number": P[6], "place": "东村", "paid_on": D(2026, 3, 20)},
        {"name": "孙八", "id_number": P[7], "place": "东村", "paid_on": D(2026, 1, 5)},
        {"name": "孙八", "id_number": P[7], "place": "西村", "paid_on": D(2026, 2, 5)},
        {"name": "周九", "id_number": P[8], "place": "东村", "paid_on": D(2026, 1, 5)},
        {"name": "周九", "id_number": P[8], "place": "东村", "paid_on": D(2026, 2, 5)},
        # near miss: one name, two people, one month
        {"name": "吴十", "id_number": P[10], "place": "东村", "paid_on": D(2026, 3, 5)},
        {"name": "吴十", "id_number": P[11], "place": "东村", "paid_on": D(2026, 3, 5)},
        # paid after death; paid before death (no hit)
        {"name": "郑一", "id_number": P[12], "place": "东村", "paid_on": D(2026, 3, 15)},
        {"name": "冯二", "id_number": P[13], "place": "东村", "paid_on": D(2026, 3, 15)},
    ])  # fmt: skip
    add_list(s, r, "deaths", "县民政局火化名单", [
        {"name": "郑一", "id_number": P[12], "died_on": D(2026, 2, 10)},
        {"name": "冯二", "id_number": P[13], "died_on": D(2026, 5, 1)},
    ])  # fmt: skip
    add_list(s, r, "subsidy", "耕地地力保护补贴发放名单", [
        {"name": "郑一", "id_number": P[12], "paid_on": D(2026, 1, 15), "subsidy_area": 500,
         "contract_area": 500},
        {"name": "何二", "id_number": P[16], "paid_on": D(2026, 1, 15), "subsidy_area": 1200,
         "contract_area": 1000},
        {"name": "许三", "id_number": P[17], "paid_on": D(2026, 1, 15), "subsidy_area": 1000,
         "contract_area": 1000},
    ])  # fmt: skip
    add_list(s, r, "contracts", "东村三资合同", [
        {"contract": "鱼塘承包合同", "place": "东村", "name": "李四", "id_number": P[3]},
        {"contract": "林地承包合同", "place": "东村", "name": "王五", "id_number": P[2]},
        # near misses: a relative's contract in another village; a non-cadre's relative
        {"contract": "果园承包合同", "place": "西村", "name": "陈三", "id_number": P[14]},
        {"contract": "水库承包合同", "place": "东村", "name": "赵六", "id_number": P[4]},
    ])  # fmt: skip
    add_list(s, r, "business", "市场监管局工商登记信息", [
        {"org": "东村建筑公司", "org_code": "91530100MA6K000001", "name": "陈三",
         "id_number": P[14], "category": "法定代表人"},
        {"org": "某商贸公司", "name": "张三", "id_number": P[1], "category": "股东"},
        # near misses: the staff member's name, another 身份证号; a 监事 only
        {"org": "另一公司", "name": "张三", "id_number": P[5], "category": "法定代表人"},
        {"org": "第三公司", "name": "刘一", "id_number": P[15], "category": "监事"},
    ])  # fmt: skip
    add_list(s, r, "projects", "县公共资源交易中心中标信息", [
        # the same company by its 统一社会信用代码, its name written otherwise
        {"project": "东村道路硬化工程", "org": "东村建筑有限公司",
         "org_code": "91530100MA6K000001", "place": "东村"},
        {"project": "西村水渠工程", "org": "东村建筑公司", "place": "西村"},
    ])  # fmt: skip


@pytest.fixture
def world(team: Team) -> World:
    with team().session() as s:
        rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
        other = create_round(s, RoundDraft("2026年第二轮巡察", 2026, 2, "常规", "sgjj", 2020))
        _lists(s, rnd.id)
        # the same planted cases in another round's lists, and in a removed list: not this run's
        _lists(s, other.id)
        removed = add_list(s, rnd.id, "staff", "已删除名单", [{"name": "周九", "id_number": P[8]}])
        s.get(DataSource, removed).deleted_at = datetime(2026, 1, 1)  # type: ignore[union-attr]
        return World(rnd.id, other.id)


def _run(team: Team, w: World, user: str = LEADER, **kw: Any) -> Any:
    with team(user).session() as s:
        return run_rules(s, w.round_id, **kw)


def _hits(team: Team, w: World, user: str = LEADER, **kw: Any) -> list[HitView]:
    with team(user).read() as s:
        return list_hits(s, round_id=w.round_id, **kw)


def _subjects(hits: list[HitView], rule: str) -> set[str]:
    return {h.subject_id_number for h in hits if h.rule_id == rule}


def test_each_rule_finds_its_planted_case_and_no_near_miss(team: Team, world: World) -> None:
    result = _run(team, world)
    hits = _hits(team, world)
    assert _subjects(hits, "DC01") == {P[1], P[3]}  # staff; a cadre's spouse
    assert _subjects(hits, "DC02") == {P[12]}
    assert _subjects(hits, "DC03") == {P[6], P[7]}
    assert _subjects(hits, "DC05") == {P[1]}
    assert _subjects(hits, "DC06") == {P[16]}
    # DC04 is about the cadre: his spouse's and his own contract, his son's company's project
    dc04 = [h for h in hits if h.rule_id == "DC04"]
    assert {h.subject_id_number for h in dc04} == {P[2]}
    dealings = {
        tuple(sorted(r["key_fields"].get("合同名称") or r["key_fields"].get("项目名称", "")
                     for r in h.rows if r["kind"] in ("contracts", "projects")))
        for h in dc04
    }  # fmt: skip
    assert dealings == {("鱼塘承包合同",), ("林地承包合同",), ("东村道路硬化工程",)}
    assert result.by_rule == {"DC01": 2, "DC02": 1, "DC03": 2, "DC04": 3, "DC05": 1, "DC06": 1}
    assert (result.new, result.known) == (10, 0)
    assert all(h.status is HitStatus.NEW and h.round_id == world.round_id for h in hits)


def test_a_hit_shows_its_rows_side_by_side_and_says_what_it_found(team: Team, world: World) -> None:
    _run(team, world, rule_id="DC01")
    spouse = next(h for h in _hits(team, world) if h.subject_id_number == P[3])
    assert [r["kind"] for r in spouse.rows] == ["cadres", "relatives", "assistance"]
    assistance = spouse.rows[2]
    assert assistance["source"] == "县民政局低保名单"
    assert assistance["file_name"] == "县民政局低保名单.xlsx"
    assert assistance["row_no"] == 3
    assert assistance["key_fields"]["身份证号"] == P[3]
    assert assistance["key_fields"]["发放日期"] == "2026-03-05"
    assert assistance["cells"]["备注"] == "备注-3"
    assert spouse.subject_name == "李四"
    assert spouse.summary == (
        f"李四（身份证号 …{P[3][-4:]}）是王五（《村干部名单》）的配偶，在《县民政局低保名单》中"
    )
    staff = next(h for h in _hits(team, world) if h.subject_id_number == P[1])
    assert staff.summary == (
        f"张三（身份证号 …{P[1][-4:]}）同时在《县民政局低保名单》和《财政供养人员名单》中"
    )
    assert "群众纪律" in staff.discipline and staff.qualification
    _run(team, world)
    said = {h.subject_name: h.summary for h in _hits(team, world)}
    assert said["钱七"].endswith("《县民政局低保名单》中2026年3月领取 2 次")
    assert said["孙八"].endswith("《县民政局低保名单》中于东村、西村多地领取")
    assert said["何二"].endswith("补贴面积 12.00 亩，承包面积 10.00 亩，超出 2.00 亩")
    assert said["郑一"].endswith(
        "于 2026-02-10 死亡（《县民政局火化名单》），"
        "此后在《县民政局低保名单》中仍有 1 笔发放，最晚一笔发放于 2026-03-15"
    )
    assert said["王五"].startswith("村干部王五（东村村委会主任")  # DC04 is about the cadre


def test_a_second_run_adds_nothing_and_keeps_decisions(team: Team, world: World) -> None:
    first = _run(team, world)
    with team().session() as s:
        hit = s.scalars(select(DataHit).where(DataHit.rule_id == "DC06")).one()
        hit.status, hit.reason = HitStatus.EXCLUDED, "已核实为测量误差"
    again = _run(team, world)
    assert (again.new, again.known) == (0, first.new)
    assert again.by_rule == first.by_rule
    with team().read() as s:
        assert s.scalar(select(func.count()).select_from(DataHit)) == first.new
        assert s.get(DataHit, hit.id).status is HitStatus.EXCLUDED  # type: ignore[union-attr]


def test_the_key_names_the_content_not_the_store(team: Team, world: World) -> None:
    """The other round holds the same lists imported again (other source and row ids): its
    hits carry the same keys."""
    _run(team, world)
    with team().session() as s:
        run_rules(s, world.other_round_id)
    with team().read() as s:
        mine = {h.match_key for h in list_hits(s, round_id=world.round_id)}
        theirs = {h.match_key for h in list_hits(s, round_id=world.other_round_id)}
    assert len(mine) == 10 and mine == theirs


def test_an_office_rule_with_its_parameters_runs_beside_the_shipped(
    team: Team, world: World
) -> None:
    with team("office").session() as s:
        add_rule(s, {"id": "BJ01", "title": "超出三成的补贴面积", "match": "area_exceeds",
                     "params": {"tolerance_percent": 30}})  # fmt: skip
        add_rule(s, {"id": "BJ02", "title": "死亡后宽限两月", "match": "paid_after_death",
                     "params": {"grace_days": 60}})  # fmt: skip
        add_rule(s, {"id": "BJ03", "title": "超出一成", "match": "area_exceeds",
                     "params": {"tolerance_percent": 10, "tolerance_mu": 1}})  # fmt: skip
        result = run_rules(s, world.round_id)
    assert result.by_rule["BJ01"] == 0  # 12 亩 on 10: 20 % over
    assert result.by_rule["BJ02"] == 0  # paid 33 days after
    assert result.by_rule["BJ03"] == 1  # 2 亩 and 20 %: over both
    assert result.by_rule["DC06"] == 1


def test_the_templates_options_leave_out_what_they_say(team: Team, world: World) -> None:
    """Without relatives DC01 finds the staff member alone; DC04 without the cadre himself,
    without contracts or without projects finds only the dealings left."""
    with team("office").session() as s:
        for n, params in enumerate([
            {"lists": ["staff"], "relatives": False},
            {"lists": ["cadres"], "relatives": True},
        ]):  # fmt: skip
            add_rule(s, {"id": f"BJ1{n}", "title": f"救助{n}", "match": "person_in_lists",
                         "params": params})  # fmt: skip
        for n, params in enumerate([
            {"include_cadre": False},
            {"contracts": False},
            {"projects": False},
        ]):  # fmt: skip
            add_rule(s, {"id": f"BJ2{n}", "title": f"合同{n}", "match": "relative_contracts",
                         "params": params})  # fmt: skip
        run_rules(s, world.round_id)
    hits = _hits(team, world)
    assert _subjects(hits, "BJ10") == {P[1]}
    assert _subjects(hits, "BJ11") == {P[3]}

    def dealings(rule: str) -> set[str]:
        return {
            r["key_fields"].get("合同名称") or r["key_fields"]["项目名称"]
            for h in hits
            if h.rule_id == rule
            for r in h.rows
            if r["kind"] in ("contracts", "projects")
        }

    assert dealings("BJ20") == {"鱼塘承包合同", "东村道路硬化工程"}
    assert dealings("BJ21") == {"东村道路硬化工程"}
    assert dealings("BJ22") == {"鱼塘承包合同", "林地承包合同"}


def test_a_cancel_records_nothing(team: Team, world: World) -> None:
    token = CancelToken()
    seen: list[str] = []

    def progress(done: int, total: int | None, label: str = "") -> None:
        seen.append(label)
        if done == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        _run(team, world, progress=progress, cancel=token)
    assert len(seen) == 3
    with team().read() as s:
        assert s.scalar(select(func.count()).select_from(DataHit)) == 0
        runs = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "data.run")
        assert s.scalar(runs) == 0


class _CancelledWhileRunning(CancelToken):
    """Cancelled the first time SQLite's progress handler asks, i.e. inside a statement."""

    @property
    def cancelled(self) -> bool:
        self.cancel()
        return True


def test_a_cancel_stops_a_long_statement(team: Team, world: World) -> None:
    with team().session() as s:
        people = [{"name": "某", "id_number": pid(100 + n % 900)} for n in range(20_000)]
        add_list(s, world.round_id, "staff", "大名单", people)
    seen: list[int] = []
    with pytest.raises(Cancelled):
        _run(
            team,
            world,
            progress=lambda done, *_: seen.append(done),
            cancel=_CancelledWhileRunning(),
        )
    assert seen == [0]  # stopped inside the first rule's statement, not between rules
    with team().read() as s:
        assert s.scalar(select(func.count()).select_from(DataHit)) == 0


def test_only_roles_allowed_the_lists_run_and_see_cells(team: Team, world: World) -> None:
    with pytest.raises(PermissionDenied, match="运行比对规则"):
        _run(team, world, user="member")
    _run(team, world, user="office")
    for hit in _hits(team, world, user="member"):
        assert hit.rows and all("cells" not in r and r["key_fields"] for r in hit.rows)
    one = _hits(team, world, user="member")[0]
    with team("member").read() as s:
        assert all("cells" not in r for r in get_hit(s, one.id).rows)
    with team().read() as s:
        assert all("cells" in r for r in get_hit(s, one.id).rows)


def test_the_run_is_audited_once_with_its_counts(team: Team, world: World) -> None:
    _run(team, world, rule_id="DC05")
    with team().read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "data.run")).one()
    assert entry.object_id == world.round_id
    assert '"new":1' in entry.detail.replace(" ", "") and "DC05" in entry.detail


def test_hits_filter_by_rule_and_status(team: Team, world: World) -> None:
    _run(team, world)
    assert {h.rule_id for h in _hits(team, world, rule_id="DC03")} == {"DC03"}
    assert len(_hits(team, world, status="待处理")) == 10
    assert _hits(team, world, status=HitStatus.EXCLUDED) == []
    ordered = [h.rule_id for h in _hits(team, world)]
    assert ordered == sorted(ordered)


def _renumber(s: Any, source_id: str, first: int) -> None:
    """Give the list's rows the ids ``first``, ``first + 2``, …: another list's rows may then
    lie between them."""
    ids = s.scalars(select(DataRow.id).where(DataRow.source_id == source_id).order_by(DataRow.id))
    for n, row_id in enumerate(list(ids)):
        s.execute(update(DataRow).where(DataRow.id == row_id).values(id=first + 2 * n))


def test_a_list_is_matched_on_its_own_rows_when_another_lies_among_them(team: Team) -> None:
    """The rules find a list's rows by the ids from its first row to its last; an import
    writes them in one run, but rows of another round's list in between take no part."""
    with team().session() as s:
        mine = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id
        theirs = create_round(s, RoundDraft("2026年第二轮巡察", 2026, 2, "常规", "sgjj", 2020)).id
        add_list(s, mine, "staff", "财政供养人员名单", [{"name": "张三", "id_number": P[1]}])
        own = add_list(s, mine, "assistance", "县民政局低保名单", [
            {"name": "钱七", "id_number": P[6], "place": "东村", "paid_on": D(2026, 3, 5)},
            {"name": "孙八", "id_number": P[7], "place": "东村", "paid_on": D(2026, 3, 5)},
            {"name": "孙八", "id_number": P[7], "place": "东村", "paid_on": D(2026, 3, 20)},
        ])  # fmt: skip
        other = add_list(s, theirs, "assistance", "县民政局低保名单", [
            {"name": "钱七", "id_number": P[6], "place": "西村", "paid_on": D(2026, 3, 6)},
            {"name": "张三", "id_number": P[1], "place": "东村", "paid_on": D(2026, 3, 5)},
        ])  # fmt: skip
        _renumber(s, own, 10_000)  # 10000, 10002, 10004
        _renumber(s, other, 10_001)  # 10001, 10003: inside the run of this round's list
        result = run_rules(s, mine)
        found = {(h.rule_id, h.subject_id_number) for h in list_hits(s, round_id=mine)}
    assert found == {("DC03", P[7])}  # not 钱七 twice, nor 张三 paid: both in the other round
    assert result.new == 1


def test_a_list_is_read_from_the_index_without_another_lying_among_its_rows(
    team: Team,
) -> None:
    """The lists a rule starts from (a roster, the deaths, the staff) are read from the
    身份证号 index by their run of ids: an entry of another round's list lying in that run
    names a person of this round's lists, and still takes no part."""
    with team().session() as s:
        mine = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id
        theirs = create_round(s, RoundDraft("2026年第二轮巡察", 2026, 2, "常规", "sgjj", 2020)).id
        staff = add_list(s, mine, "staff", "财政供养人员名单", [
            {"name": "张三", "id_number": P[1]}, {"name": "刘一", "id_number": P[15]},
        ])  # fmt: skip
        deaths = add_list(s, mine, "deaths", "火化名单", [
            {"name": "李四", "id_number": P[3], "died_on": D(2026, 1, 2)},
            {"name": "赵六", "id_number": P[4], "died_on": D(2026, 1, 2)},
        ])  # fmt: skip
        add_list(s, mine, "assistance", "县民政局低保名单", [
            {"name": "张三", "id_number": P[1], "place": "东村", "paid_on": D(2026, 3, 5)},
            {"name": "钱七", "id_number": P[6], "place": "东村", "paid_on": D(2026, 3, 5)},
        ])  # fmt: skip
        add_list(s, mine, "business", "企业登记信息", [
            {"name": "钱七", "id_number": P[6], "org": "某公司", "category": "法定代表人"},
        ])  # fmt: skip
        other_staff = add_list(s, theirs, "staff", "财政供养人员名单", [
            {"name": "钱七", "id_number": P[6]},
        ])  # fmt: skip
        other_deaths = add_list(s, theirs, "deaths", "火化名单", [
            {"name": "钱七", "id_number": P[6], "died_on": D(2026, 1, 2)},
        ])  # fmt: skip
        _renumber(s, staff, 20_000)  # 20000, 20002
        _renumber(s, other_staff, 20_001)
        _renumber(s, deaths, 30_000)
        _renumber(s, other_deaths, 30_001)
        run_rules(s, mine)
        found = {(h.rule_id, h.subject_id_number) for h in list_hits(s, round_id=mine)}
    assert found == {("DC01", P[1])}  # 钱七 is on this round's lists only as paid and a company
