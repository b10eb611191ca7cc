"""The office sets up a round from the command line on a fresh store (no demo), briefs an enrolled
laptop, and the laptop sees the targets and their 监督重点清单; bad input changes nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from workbench.cli import main
from workbench.store.vault import Vault

PASS = "office set-up 巡察 passphrase"
OFFICE, ADMIN, FIELD = "ban", "guanli", "zu1"

# ten targets: (name, kind, sub-type), kinds and sub-types by code and by title
TARGETS = [
    ("县教育局党组", "party_gov", None),
    ("县总工会党组", "群团组织", None),
    ("县第一中学党委", "school", None),
    ("县人民医院党委", "hospital", None),
    ("县城投集团党委", "soe", None),
    ("某某镇党委", "township", None),
    ("某某街道党工委", "乡镇（街道）", None),
    ("东山村党总支", "village", "complex"),
    ("西河村党支部", "村", "资源丰富村"),
    ("幸福社区党委", "community", "commercial"),
]


@dataclass(frozen=True)
class Stores:
    office: Path
    field: Path
    device_id: str

    def office_as(self, user: str = OFFICE) -> list[str]:
        return ["--store", str(self.office), "--user", user]

    def field_as(self) -> list[str]:
        return ["--store", str(self.field), "--user", FIELD]


def _run(argv: list[str]) -> None:
    assert main(argv) == 0, argv


def _make(root: Path, capsys: pytest.CaptureFixture[str]) -> Stores:
    """A fresh office store (its office user, plus a 系统管理员 only) and a field store enrolled
    with it, all through the command line."""
    office = ["--store", str(root / "office"), "--user", OFFICE]
    field = ["--store", str(root / "field"), "--user", FIELD]
    _run([*office, "init", "--role", "office", "--display-name", "巡察办"])
    _run([*office, "user", "add", ADMIN, "--roles", "sysadmin"])
    _run([*field, "init", "--role", "field", "--display-name", "组员甲"])
    _run([*office, "office", "init"])
    capsys.readouterr()
    _run([*field, "enrol", "request", "--out", str(root / "req.json"), "--json"])
    device = json.loads(capsys.readouterr().out)["device_id"]
    _run([*office, "enrol", "sign", str(root / "req.json"), "--out", str(root / "cert.json")])
    _run([*field, "enrol", "accept", str(root / "cert.json")])
    capsys.readouterr()
    return Stores(root / "office", root / "field", device)


_TEMPLATE: dict[str, Stores] = {}


@pytest.fixture
def stores(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[Stores]:
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", PASS)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    if "t" not in _TEMPLATE:  # key derivations are slow: made once, copied per test
        _TEMPLATE["t"] = _make(tmp_path_factory.mktemp("setup"), capsys)
    t = _TEMPLATE["t"]
    shutil.copytree(t.office, tmp_path / "office")
    shutil.copytree(t.field, tmp_path / "field")
    yield Stores(tmp_path / "office", tmp_path / "field", t.device_id)


def _json(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 0) -> Any:
    capsys.readouterr()
    assert main([*argv, "--json"]) == code, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str], code: int) -> str:
    capsys.readouterr()
    assert main(argv) == code
    err = capsys.readouterr().err
    assert err.startswith("错误 [")
    return err


ROUND = "2026年第一轮交叉巡察"


def _round(s: Stores, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    return _json(  # type: ignore[no-any-return]
        capsys,
        [
            *s.office_as(),
            "rounds",
            "add",
            "--name",
            ROUND,
            "--type",
            "cross",
            "--term",
            "十五届县委",
            "--year",
            "2026",
            "--auth-no",
            "县巡〔2026〕1号",
            "--start",
            "2026-03-01",
            "--end",
            "2026-05-31",
        ],
    )


def test_office_sets_up_a_cross_round_and_briefs_a_laptop(
    stores: Stores, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    office = stores.office_as()
    made = _round(stores, capsys)
    assert made["round_type"] == "cross" and made["number"] == 1
    assert made["authorization_no"] == "县巡〔2026〕1号"
    edited = _json(capsys, [*office, "rounds", "edit", ROUND, "--end", "2026-06-15"])
    assert edited["end_date"] == "2026-06-15" and edited["round_type"] == "cross"
    shown = _json(capsys, [*office, "rounds", "show", "交叉巡察"])
    assert shown["id"] == made["id"] and shown["term"] == "十五届县委"

    adding = [*office, "teams", "add", "--round", ROUND, "--name", "第一巡察组", "--county", "甲县"]
    first = _json(capsys, [*adding, "--leader", OFFICE])
    assert first["team"]["number"] == 1 and first["leader"]["name"] == "巡察办"
    assert first["leader"]["user_id"] is not None  # a store user: linked
    adding = [*office, "teams", "add", "--round", ROUND, "--name", "第二巡察组", "--county", "乙县"]
    second = _json(capsys, [*adding, "--leader", "李四"])
    assert second["team"]["number"] == 2 and second["leader"]["user_id"] is None
    for team, name, force in (
        ("第一巡察组", "张三", "seconded"),
        ("第一巡察组", "王五", "专职"),
        ("第二巡察组", "赵六", "fixed"),
    ):
        member = _json(
            capsys,
            [*office, "members", "add", "--team", team, "--name", name, "--force-type", force],
        )
        assert member["role"] == "member" and member["name"] == name

    per_target = {}
    for i, (name, kind, subtype) in enumerate(TARGETS):
        team, county = ("第一巡察组", "乙县") if i < 5 else ("第二巡察组", "甲县")
        argv = [*office, "targets", "add", "--round", ROUND, "--name", name, "--kind", kind]
        argv += ["--county", county]  # 交叉: never the team's own county
        added = _json(capsys, [*argv, *(["--subtype", subtype] if subtype else []), "--team", team])
        assert added["focus_items"] > 0 and added["note"] == ""  # seeded when added
        per_target[name] = added["focus_items"]
    teams = _json(capsys, [*office, "teams", "list", "--round", ROUND])
    assert [
        (t["team"]["name"], len(t["members"]), len(t["team"]["target_ids"])) for t in teams
    ] == [
        ("第一巡察组", 3, 5),
        ("第二巡察组", 2, 5),
    ]
    focus = _json(capsys, [*office, "focus", "list", "--round", ROUND, "--limit", "1000"])
    seeded = focus["total"]
    # seeding again adds nothing: it is idempotent
    again = _json(capsys, [*office, "focus", "seed", "--round", ROUND])
    assert len(again) == 10 and sum(t["focus_items"] for t in again) == seeded
    assert _json(capsys, [*office, "focus", "list", "--round", ROUND])["total"] == seeded

    assert main([*office, "rounds", "phase", ROUND, "stationing"]) == 0

    package = tmp_path / "brief.wbp"
    brief = _json(
        capsys,
        [*office, "brief", "--round", ROUND, "--device", stores.device_id, "--out", str(package)],
    )
    assert brief["counts"]["targets"] == 10 and brief["counts"]["focus_items"] == seeded
    field = stores.field_as()
    assert main([*field, "import", str(package)]) == 0
    on_laptop = _json(capsys, [*field, "targets", "list", "--round", ROUND])
    assert sorted(t["name"] for t in on_laptop["items"]) == sorted(n for n, _k, _s in TARGETS)
    (laptop_round,) = _json(capsys, [*field, "rounds", "list"])["items"]
    assert laptop_round["phase"] == "stationing" and laptop_round["round_type"] == "cross"
    village = next(t for t in on_laptop["items"] if t["name"] == "东山村党总支")
    assert village["subtype_title"] == "社情复杂村"
    items = _json(capsys, [*field, "focus", "list", "--round", ROUND, "--limit", "1000"])
    assert items["total"] == seeded
    titles = [i["title"] for i in items["items"] if i["target_id"] == village["id"]]
    assert len(titles) == per_target["东山村党总支"] and "虚报冒领" in titles


def test_unknown_round_type_and_kind_list_the_allowed_values(
    stores: Stores, capsys: pytest.CaptureFixture[str]
) -> None:
    office = stores.office_as()
    err = _refused(capsys, [*office, "rounds", "add", "--name", "某轮", "--type", "crosss"], 2)
    assert "[WB-USAGE]" in err and "crosss" in err
    assert all(code in err for code in ("regular", "cross", "linked", "village", "revisit"))
    assert _json(capsys, [*office, "rounds", "list"])["total"] == 0
    _round(stores, capsys)
    base = [*office, "targets", "add", "--round", ROUND, "--name", "某单位"]
    err = _refused(capsys, [*base, "--kind", "bank"], 8)
    assert "[WB-VALIDATION]" in err and "村（village）" in err and "国有企业（soe）" in err
    err = _refused(capsys, [*base, "--kind", "village", "--subtype", "rich"], 8)
    assert "资源丰富村（resource_rich）" in err
    err = _refused(capsys, [*base, "--kind", "school", "--subtype", "complex"], 8)
    assert "没有子类型" in err
    assert _json(capsys, [*office, "targets", "list", "--round", ROUND])["total"] == 0
    assert _json(capsys, [*office, "focus", "list", "--round", ROUND])["total"] == 0


def test_names_ambiguous_or_unknown_list_the_candidates_by_name(
    stores: Stores, capsys: pytest.CaptureFixture[str]
) -> None:
    office = stores.office_as()
    made = _round(stores, capsys)
    for name in ("第一巡察组", "第二巡察组"):
        _run([*office, "teams", "add", "--round", ROUND, "--name", name, "--county", "甲县"])
    err = _refused(capsys, [*office, "members", "add", "--team", "巡察组", "--name", "张三"], 8)
    assert "[WB-AMBIGUOUS]" in err and "第一巡察组" in err and "第二巡察组" in err
    err = _refused(capsys, [*office, "members", "add", "--team", "第三巡察组", "--name", "张三"], 5)
    assert "[WB-NOT-FOUND]" in err and "第一巡察组" in err
    # a second round: a part of both names is ambiguous, the whole name or the id is not
    _run([*office, "rounds", "add", "--name", "2026年第二轮巡察", "--type", "regular"])
    err = _refused(capsys, [*office, "teams", "list", "--round", "2026年"], 8)
    assert "[WB-AMBIGUOUS]" in err and ROUND in err and "2026年第二轮巡察" in err
    err = _refused(capsys, [*office, "targets", "list", "--round", "第三轮"], 5)
    assert ROUND in err
    assert made["id"] not in err  # candidates by name, never by UUID
    assert len(_json(capsys, [*office, "teams", "list", "--round", made["id"]])) == 2
    assert len(_json(capsys, [*office, "teams", "list", "--round", "第二轮"])) == 0
    # one team name in two rounds: the round tells them apart
    _run([*office, "teams", "add", "--round", "第二轮", "--name", "第一巡察组"])
    member = [*office, "members", "add", "--team", "第一巡察组", "--name", "张三"]
    err = _refused(capsys, member, 8)
    assert "[WB-AMBIGUOUS]" in err and "同名" in err and "2026年第二轮巡察" in err
    assert main([*member, "--round", "第二轮"]) == 0
    # the same names wherever a command takes a round
    assert _json(capsys, [*office, "stats", "--round", "交叉"])["findings"] == 0
    assert _json(capsys, [*office, "search", "巡察", "--round", "交叉"]) == []
    assert main([*office, "stats", "--round", "2026年"]) == 8
    # a name is unique where it names a record
    assert main([*office, "rounds", "add", "--name", ROUND, "--type", "special"]) == 7
    again = [*office, "teams", "add", "--round", ROUND, "--name", "第一巡察组", "--county", "甲县"]
    assert main(again) == 7
    target = [*office, "targets", "add", "--round", ROUND, "--name", "东山村", "--kind", "村"]
    assert main(target) == 0 and main(target) == 7
    assert _json(capsys, [*office, "targets", "list", "--round", ROUND])["total"] == 1


def test_only_the_office_configures_a_round(
    stores: Stores, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = stores.office_as(ADMIN)  # 系统管理员 only: users and keys, not rounds
    err = _refused(capsys, [*admin, "rounds", "add", "--name", ROUND, "--type", "cross"], 6)
    assert "[WB-PERMISSION]" in err and "巡察办" in err
    assert _json(capsys, [*admin, "rounds", "list"])["total"] == 0
    _round(stores, capsys)
    for argv in (
        ["rounds", "edit", ROUND, "--type", "regular"],
        ["teams", "add", "--round", ROUND, "--name", "第一巡察组"],
        ["targets", "add", "--round", ROUND, "--name", "某村", "--kind", "village"],
        ["focus", "seed", "--round", ROUND],
    ):
        assert main([*admin, *argv]) == 6, argv
    (listed,) = _json(capsys, [*admin, "rounds", "list"])["items"]
    assert listed["round_type"] == "cross"
    assert _json(capsys, [*admin, "teams", "list", "--round", ROUND]) == []
    assert _json(capsys, [*admin, "targets", "list", "--round", ROUND])["total"] == 0


def test_a_round_moves_one_phase_forward_audited(
    stores: Stores, capsys: pytest.CaptureFixture[str]
) -> None:
    office = stores.office_as()
    assert _round(stores, capsys)["phase"] == "preparation"
    moved = _json(capsys, [*office, "rounds", "phase", ROUND, "进驻"])
    assert moved["phase"] == "stationing"
    err = _refused(capsys, [*office, "rounds", "phase", ROUND, "feedback"], 8)  # skips 报告
    assert "[WB-WORKFLOW]" in err and "报告" in err
    assert "[WB-WORKFLOW]" in _refused(capsys, [*office, "rounds", "phase", ROUND, "准备"], 8)
    err = _refused(capsys, [*office, "rounds", "phase", ROUND, "closing"], 2)
    assert "[WB-USAGE]" in err and "archiving" in err
    assert main([*stores.office_as(ADMIN), "rounds", "phase", ROUND, "reporting"]) == 6
    for phase in ("reporting", "feedback", "rectification", "archiving"):
        assert main([*office, "rounds", "phase", ROUND, phase]) == 0
    assert "已是最后阶段" in _refused(capsys, [*office, "rounds", "phase", ROUND, "归档"], 8)
    with Vault.open(stores.office, OFFICE, PASS) as vault, vault.read() as s:
        moves = s.execute(
            text("SELECT actor_name, detail FROM audit_log WHERE action = 'round.phase'")
        ).all()
    assert [(who, json.loads(detail)["to"]) for who, detail in moves] == [
        (OFFICE, p) for p in ("stationing", "reporting", "feedback", "rectification", "archiving")
    ]
