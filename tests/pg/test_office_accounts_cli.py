"""Accounts on the office server through the CLI: ``office create`` tells the truth about the
recovery code and asks for a second 系统管理员; ``user disable`` says the database login must go
(no key rotation there, and ``--rekey`` is refused before anyone is disabled); ``recover`` works
with the connection given again."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PASSPHRASE
from tests.pg import cluster as pg
from tests.pg.test_office_cli import _bare_url, _run
from workbench.cli import main

NEW_PASSPHRASE = "找回之后 的 新口令"


@pytest.fixture
def database(pg_cluster: pg.Cluster, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WORKBENCH_DB_PASSWORD", pg_cluster.app_password)
    name = make_url(pg_url).database
    assert name is not None
    return name


def test_create_disable_and_recover_on_the_server(
    pg_cluster: pg.Cluster,
    database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, ca, desk = _bare_url(pg_cluster, database), str(pg_cluster.ca), str(tmp_path / "desk")
    as_admin = ("--store", desk, "--user", "admin")
    assert _run(monkeypatch, PASSPHRASE, "office", "create", url, "--ca", ca, *as_admin) == 0
    created = capsys.readouterr().out
    assert "丢失口令时用它找回" not in created
    assert "再设一位系统管理员" in created and "--url" in created
    found = re.search(r"\d{6}(?:-\d{6}){7}", created)
    assert found is not None
    code = found.group(0)

    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", "张三 的 初始 口令")
    assert main(["user", "add", "zhang", "--roles", "组员", *as_admin]) == 0
    capsys.readouterr()
    # refused before anyone is disabled: the server has no data key to change
    assert _run(monkeypatch, PASSPHRASE, "user", "disable", "zhang", "--rekey", *as_admin) != 0
    assert "WB-OFFICE-UNSUPPORTED" in capsys.readouterr().err
    assert _run(monkeypatch, PASSPHRASE, "--json", "user", "list", *as_admin) == 0
    listed = {u["name"]: u for u in json.loads(capsys.readouterr().out)}
    assert not listed["zhang"]["disabled"]
    assert _run(monkeypatch, PASSPHRASE, "user", "disable", "zhang", *as_admin) == 0
    said = capsys.readouterr().out
    assert "数据库账号" in said and "NOLOGIN" in said
    assert "rekey" not in said and "更换数据密钥" not in said

    # recovery: the desktop's link is sealed under the forgotten passphrase
    monkeypatch.setenv("WORKBENCH_RECOVERY_CODE", code)
    assert _run(monkeypatch, NEW_PASSPHRASE, "recover", *as_admin) != 0
    assert "WB-OFFICE-UNSUPPORTED" in capsys.readouterr().err
    argv = ("--json", "recover", "--url", url, "--ca", ca, *as_admin)
    assert _run(monkeypatch, NEW_PASSPHRASE, *argv) == 0
    recovered = json.loads(capsys.readouterr().out)
    assert recovered["user"] == "admin" and recovered["recovery_code"] != code
    assert _run(monkeypatch, NEW_PASSPHRASE, "--json", "info", *as_admin) == 0
    assert json.loads(capsys.readouterr().out)["user"] == "admin"
    assert _run(monkeypatch, PASSPHRASE, "info", *as_admin) != 0  # the old one is gone
