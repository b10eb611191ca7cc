"""``workbench rekey`` and ``user disable --rekey``: the sysadmin's rotation, the hint, exit 6."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from workbench.cli import main
from workbench.store.keyfile import Keyfile

MEMBER_PASS = "member passphrase"


def _out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_rekey_prints_a_new_recovery_code_and_retires_the_old_keyfile(
    cli_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old = cli_store / "old-keyfile.json"
    shutil.copy(cli_store / "keyfile.json", old)
    assert main(["--json", "rekey"]) == 0
    view = json.loads(_out(capsys))
    assert view["key_generation"] == 2 and view["resumed"] is False
    assert Keyfile.read(cli_store / "keyfile.json").key_generation == 2
    assert not (cli_store / "rekey-journal.json").exists()  # printed: the code is forgotten
    assert main(["check"]) == 0
    shutil.copy(old, cli_store / "keyfile.json")
    assert main(["info"]) == 3  # WB-AUTH-KEY-RETIRED
    assert "WB-AUTH-KEY-RETIRED" in capsys.readouterr().err
    monkeypatch.setenv("WORKBENCH_RECOVERY_CODE", view["recovery_code"])
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", "a passphrase after")
    assert main(["recover"]) == 3  # the old keyfile holds the old recovery slot only


def test_rekey_is_the_sysadmins(
    cli_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", MEMBER_PASS)
    assert main(["user", "add", "zuyuan", "--roles", "组员"]) == 0
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", MEMBER_PASS)
    before = (cli_store / "keyfile.json").read_bytes()
    assert main(["--user", "zuyuan", "rekey"]) == 6
    assert (cli_store / "keyfile.json").read_bytes() == before


def test_disable_hints_at_rekey_or_rotates_with_the_flag(
    cli_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", MEMBER_PASS)
    assert main(["user", "add", "zuyuan", "--roles", "组员"]) == 0
    assert main(["user", "add", "jiluyuan", "--roles", "组员"]) == 0
    _out(capsys)
    assert main(["user", "disable", "zuyuan"]) == 0
    assert "workbench rekey" in _out(capsys)
    assert Keyfile.read(cli_store / "keyfile.json").key_generation == 1
    assert main(["user", "disable", "jiluyuan", "--rekey"]) == 0
    out = _out(capsys)
    assert "已更换数据密钥" in out and "新的恢复码" in out
    assert Keyfile.read(cli_store / "keyfile.json").key_generation == 2
    monkeypatch.setenv("WORKBENCH_USER", LEADER)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    assert main(["check"]) == 0
