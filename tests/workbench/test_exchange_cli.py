"""The exchange commands driven as a script would: enrolment, export, verify, import, receipts,
the wipe, devices and conflicts, with --json and stable exit codes."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text as sql_text

from tests.workbench.exchange_support import (
    PASS,
    USERS,
    World,
    WorldTemplate,
    add_finding,
    edit,
    world_in,
)
from workbench.cli import exchange_cmds
from workbench.models import Target

Main = Callable[[list[str]], int]


@pytest.fixture
def main(monkeypatch: pytest.MonkeyPatch) -> Main:
    """``workbench.cli.main`` with the exchange commands registered (once the lead adds
    ``exchange_cmds.register(sub)`` to ``build_parser`` this finds them already there)."""
    import workbench.cli as cli

    real = cli.build_parser

    def build() -> argparse.ArgumentParser:
        parser = real()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "export" not in sub.choices:
            exchange_cmds.register(sub)
        return parser

    monkeypatch.setattr(cli, "build_parser", build)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    return cli.main


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _as(w: World, name: str) -> list[str]:
    w.open(name)
    return ["--store", str(w.dir / name), "--user", USERS[name]]


def _json(capsys: pytest.CaptureFixture[str], main: Main, argv: list[str], code: int = 0) -> object:
    capsys.readouterr()
    assert main([*argv, "--json"]) == code
    return json.loads(capsys.readouterr().out)


def test_export_verify_import_receipt_wipe(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    add_finding(w.a, w.round_id, title="<b>粗体</b>'; DROP TABLE findings; --")
    a, office = _as(w, "a"), _as(w, "office")
    w.close()
    package = w.dir / "p.wbp"
    result = _json(capsys, main, [*a, "export", "--round", w.round_id, "--out", str(package)])
    assert isinstance(result, dict) and result["device_seq"] == 1
    assert main([*a, "export", "--round", w.round_id, "--out", str(package)]) == 2  # no overwrite
    report = _json(capsys, main, [*office, "verify", str(package)])
    assert (
        isinstance(report, dict)
        and report["verdict"] == "ok"
        and report["counts"] == {"findings": 1}
    )
    capsys.readouterr()
    assert main([*office, "verify", str(package)]) == 0
    said = capsys.readouterr().out
    assert "组员a" in said and "巡察组数据包" in said and "问题底稿 1" in said
    assert main([*office, "import", str(package)]) == 0
    said = capsys.readouterr().out  # what was done, in Chinese: no "inserted", "team"…
    assert "巡察组数据包：新增 1，更新 0，未变 0，冲突 0" in said, said
    again = _json(capsys, main, [*office, "import", str(package)])
    assert isinstance(again, dict) and again["status"] == "already_imported"

    receipt = w.dir / "r.wbp"
    dev = w.template.device_a
    assert main([*office, "receipt", "--device", dev, "--out", str(receipt)]) == 0
    assert main([*office, "receipt"]) == 2
    capsys.readouterr()
    assert main([*a, "receipt", "accept", str(receipt)]) == 0
    assert "号回执" in capsys.readouterr().out
    status = _json(capsys, main, [*a, "wipe", "--round", w.round_id, "--dry-run"])
    assert isinstance(status, dict) and status["ready"] is True
    assert main([*a, "wipe", "--round", w.round_id]) == 2  # needs --yes
    assert main([*a, "wipe", "--round", w.round_id, "--yes"]) == 0


def test_nothing_new_exits_12_without_a_file_and_all_unconfirmed_resends(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    add_finding(w.a, w.round_id, title="第一包的问题")
    a, office = _as(w, "a"), _as(w, "office")
    w.close()
    export = [*a, "export", "--round", w.round_id, "--out"]
    assert main([*export, str(w.dir / "p1.wbp")]) == 0
    capsys.readouterr()
    assert main([*export, str(w.dir / "p2.wbp")]) == 12
    said = capsys.readouterr().out
    assert "提示 [WB-EXPORT-NOTHING-NEW]" in said and "未生成数据包" in said
    assert "--all-unconfirmed" in said  # the way to resend a lost package
    assert not (w.dir / "p2.wbp").exists()
    doc = _json(capsys, main, [*export, str(w.dir / "p2.wbp")], code=12)
    assert doc == {
        "status": "nothing_new",
        "code": "WB-EXPORT-NOTHING-NEW",
        "message": "自本设备上一次导出以来，本轮没有新增或修改的记录和附件，未生成数据包",
    }
    resent = _json(capsys, main, [*export, str(w.dir / "p2.wbp"), "--all-unconfirmed"])
    assert isinstance(resent, dict) and resent["device_seq"] == 2
    assert resent["counts"] == {"findings": 1}
    report = _json(capsys, main, [*office, "verify", str(w.dir / "p2.wbp")])
    assert isinstance(report, dict) and report["counts"] == {"findings": 1}


def test_rejections_have_codes_and_json(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    office = _as(w, "office")
    w.close()
    junk = w.dir / "junk.wbp"
    junk.write_bytes(b"age-encryption.org/v1\n-> X25519 nonsense\n--- x\n" + b"\x00" * 64)
    doc = _json(capsys, main, [*office, "import", str(junk)], code=4)
    assert (
        isinstance(doc, dict) and doc["status"] == "rejected" and doc["code"].startswith("WB-PKG")
    )
    assert Path(doc["kept_at"]).parent.name == "rejected"
    capsys.readouterr()
    assert main([*office, "import", str(junk)]) == 4
    assert "错误 [WB-PKG-" in capsys.readouterr().err
    assert main([*office, "verify", str(junk)]) == 4
    assert main([*office, "import", str(w.dir / "missing.wbp")]) == 5


def test_an_export_its_office_would_refuse_exits_8_naming_the_record(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    finding_id = add_finding(w.a, w.round_id, number="DG-2026-0003")
    with w.a.session() as s:  # a NUL stored before the field rules
        s.execute(
            sql_text("UPDATE findings SET summary = char(0) WHERE id = :id"), {"id": finding_id}
        )
    a = _as(w, "a")
    w.close()
    package = w.dir / "p.wbp"
    capsys.readouterr()
    assert main([*a, "export", "--round", w.round_id, "--out", str(package)]) == 8
    err = capsys.readouterr().err
    assert "[WB-VALIDATION]" in err and "问题底稿 DG-2026-0003的“摘要”含 NUL 字符" in err
    assert not package.exists()


def test_enrolment_with_fingerprint_checks(
    tmp_path: Path, main: Main, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    office = ["--store", str(tmp_path / "office"), "--user", "ban"]
    field = ["--store", str(tmp_path / "field"), "--user", "zu"]
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", PASS)
    assert main([*office, "init", "--role", "office"]) == 0
    assert main([*field, "init", "--role", "field"]) == 0
    info = _json(capsys, main, [*office, "office", "init"])
    assert isinstance(info, dict)
    assert main([*office, "office", "init"]) == 7  # only once
    req = _json(capsys, main, [*field, "enrol", "request", "--out", str(tmp_path / "req.json")])
    assert isinstance(req, dict)
    cert = str(tmp_path / "cert.json")
    wrong = "00000 00000 00000 00000 00000 00000"
    assert (
        main(
            [
                *office,
                "enrol",
                "sign",
                str(tmp_path / "req.json"),
                "--out",
                cert,
                "--fingerprint",
                wrong,
            ]
        )
        == 8
    )
    assert (
        main(
            [
                *office,
                "enrol",
                "sign",
                str(tmp_path / "req.json"),
                "--out",
                cert,
                "--fingerprint",
                req["fingerprint"],
            ]
        )
        == 0
    )
    assert main([*field, "enrol", "accept", cert, "--fingerprint", wrong]) == 8
    capsys.readouterr()
    assert (
        main([*field, "enrol", "accept", cert, "--fingerprint", info["signing_fingerprint"]]) == 0
    )
    assert info["signing_fingerprint"] in capsys.readouterr().out
    devices = _json(capsys, main, [*office, "devices", "list"])
    assert isinstance(devices, list) and devices[0]["fingerprint"] == req["fingerprint"]
    assert main([*office, "devices", "revoke", req["device_id"], "--reason", "遗失"]) == 0
    devices = _json(capsys, main, [*office, "devices", "list"])
    assert isinstance(devices, list) and devices[0]["revoked_reason"] == "遗失"


def test_conflicts_are_listed_verbatim_and_resolved(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    target = w.template.target_ids[0]
    hostile = "<script>alert('镇')</script>"
    edit(w.a, Target, target, name=hostile, overview="A")
    edit(w.b, Target, target, name=hostile, overview="B")
    a, b, office = _as(w, "a"), _as(w, "b"), _as(w, "office")
    w.close()
    for who, name in ((a, "pa"), (b, "pb")):
        assert (
            main([*who, "export", "--round", w.round_id, "--out", str(w.dir / f"{name}.wbp")]) == 0
        )
        assert main([*office, "import", str(w.dir / f"{name}.wbp")]) == 0
    capsys.readouterr()
    assert main([*office, "conflicts", "list"]) == 0
    listing = capsys.readouterr().out
    assert hostile in listing and "基本情况" in listing  # shown as text, never interpreted
    assert "overview" not in listing  # the differing field by its Chinese name
    assert main([*office, "conflicts", "resolve", target, "--keep", "9"]) == 2
    assert main([*office, "conflicts", "resolve", "另一个单位", "--keep", "1"]) == 5
    assert "没有待处理的冲突" in capsys.readouterr().err
    # the record by its name, as by its number: looked for among the records that wait
    assert main([*office, "conflicts", "resolve", hostile, "--keep", "1"]) == 0
    capsys.readouterr()
    assert main([*office, "conflicts", "list"]) == 0
    assert "没有待处理的冲突" in capsys.readouterr().out


def test_rejected_shows_and_sets_the_retention(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    office = _as(w, "office")
    w.close()
    junk = w.dir / "junk.wbp"
    junk.write_bytes(b"age-encryption.org/v1\n-> X25519 nonsense\n--- x\n" + b"\x00" * 64)
    assert main([*office, "import", str(junk)]) == 4
    state = _json(capsys, main, [*office, "rejected"])
    assert isinstance(state, dict) and (state["count"], state["keep_days"]) == (1, 30)
    argv = [*office, "rejected", "--keep-days", "7", "--max-mib", "64"]
    state = _json(capsys, main, argv)
    assert isinstance(state, dict) and (state["keep_days"], state["max_bytes"]) == (7, 64 << 20)
    assert main([*office, "rejected", "--keep-days", "0"]) == 8
    capsys.readouterr()
    assert main([*office, "rejected"]) == 0
    assert "保留 7 天" in capsys.readouterr().out


def test_brief_names_the_teams_a_device_may_write_to(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.store.vault import Vault

    with w.office.read() as s:
        team = s.scalars(sql_text("SELECT id FROM teams")).one()
    office = _as(w, "office")
    w.close()
    argv = [*office, "brief", "--round", w.round_id, "--device", w.template.device_a]
    assert main([*argv, "--team", "第九巡察组", "--out", str(w.dir / "x.wbp")]) == 5
    assert main([*argv, "--team", "第一巡察组", "--out", str(w.dir / "brief.wbp")]) == 0
    capsys.readouterr()
    vault = Vault.open(w.dir / "office", USERS["office"], PASS)
    try:
        with vault.read() as s:
            query = "SELECT team_id FROM exchange_device_scope WHERE device_id = :d"
            rows = s.scalars(sql_text(query), {"d": w.template.device_a}).all()
    finally:
        vault.lock()
    assert sorted(rows) == ["", team]
