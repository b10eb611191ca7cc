"""``workbench office create`` and ``office connect`` against a real PostgreSQL server: the first
系统管理员 makes the office store from their desktop, adds a colleague, who connects from their
own desktop; every other command then works through the desktop's folder. Failures to reach,
trust or log into the server exit with their own codes and a message naming the cause."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PASSPHRASE
from tests.pg import cluster as pg
from workbench.cli import main

STAFF_PASSPHRASE = "组长 的 另一个 口令"


def _bare_url(cluster: pg.Cluster, database: str, *, port: int | None = None) -> str:
    """The URL an administrator hands out: no password (it is asked for), no CA path."""
    return (
        f"postgresql://{pg.APP_ROLE}@localhost:{port or cluster.port}/{database}?hostaddr=127.0.0.1"
    )


@pytest.fixture
def database(pg_cluster: pg.Cluster, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WORKBENCH_DB_PASSWORD", pg_cluster.app_password)
    name = make_url(pg_url).database
    assert name is not None
    return name


def _run(monkeypatch: pytest.MonkeyPatch, passphrase: str, *argv: str) -> int:
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", passphrase)
    return main(list(argv))


def test_create_then_a_colleague_connects_from_their_own_desktop(
    pg_cluster: pg.Cluster,
    database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, ca = _bare_url(pg_cluster, database), str(pg_cluster.ca)
    desk1, desk2 = str(tmp_path / "desk1"), str(tmp_path / "desk2")
    code = _run(
        monkeypatch,
        PASSPHRASE,
        *("--json", "office", "create", url, "--ca", ca, "--store", desk1, "--user", "admin"),
    )
    assert code == 0
    created = json.loads(capsys.readouterr().out)
    assert len(created["recovery_code"].split("-")) == 8
    assert created["server"] == f"localhost:{pg_cluster.port}/{database}"
    assert _run(monkeypatch, PASSPHRASE, "--json", "info", "--store", desk1, "--user", "admin") == 0
    info = json.loads(capsys.readouterr().out)
    assert info["store_id"] == created["store_id"]
    assert info["postgresql_version"].startswith(str(pg.find_binaries().version))
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", STAFF_PASSPHRASE)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    assert (
        main(["user", "add", "zhang", "--roles", "组长", "--store", desk1, "--user", "admin"]) == 0
    )
    capsys.readouterr()

    argv = ("--json", "office", "connect", url, "--ca", ca, "--store", desk2, "--user", "zhang")
    assert _run(monkeypatch, STAFF_PASSPHRASE, *argv) == 0
    connected = json.loads(capsys.readouterr().out)
    assert connected["store_id"] == created["store_id"]
    assert connected["roles"] == ["team_leader"]
    assert (
        _run(monkeypatch, STAFF_PASSPHRASE, "--json", "info", "--store", desk2, "--user", "zhang")
        == 0
    )
    assert json.loads(capsys.readouterr().out)["user"] == "zhang"


@pytest.mark.parametrize(
    ("case", "exit_code", "error"),
    [
        ("another CA", 4, "WB-OFFICE-TLS"),
        ("server down", 13, "WB-OFFICE-UNREACHABLE"),
        ("wrong database password", 3, "WB-OFFICE-LOGIN"),
        ("no such database", 5, "WB-OFFICE-NO-DATABASE"),
    ],
)
def test_connect_failures_exit_with_their_own_codes(
    pg_cluster: pg.Cluster,
    database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    exit_code: int,
    error: str,
) -> None:
    url, ca = _bare_url(pg_cluster, database), pg_cluster.ca
    if case == "another CA":
        folder = tmp_path / "other"
        folder.mkdir()
        ca, _, _ = pg.make_tls(folder, pg.RunAs.choose(), "not the office's CA")
    elif case == "server down":
        url = _bare_url(pg_cluster, database, port=pg._free_port())
    elif case == "wrong database password":
        monkeypatch.setenv("WORKBENCH_DB_PASSWORD", "not-" + uuid.uuid4().hex)
    else:
        url = _bare_url(pg_cluster, "no_such_office")
    desk = tmp_path / "desk"
    argv = ("office", "connect", url, "--ca", str(ca), "--store", str(desk), "--user", "admin")
    assert _run(monkeypatch, PASSPHRASE, *argv) == exit_code
    err = capsys.readouterr().err
    assert f"错误 [{error}]" in err
    assert pg_cluster.app_password not in err
    assert not (desk / "office-keyfile.json").exists()


def test_an_attachment_added_on_one_desktop_is_exported_on_another(
    pg_cluster: pg.Cluster,
    database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``attach add`` and ``attach get`` through two desktops' folders: the blob is on the
    server, not in the folder of the desktop that added it."""
    url, ca = _bare_url(pg_cluster, database), str(pg_cluster.ca)
    desk1, desk2 = str(tmp_path / "desk1"), str(tmp_path / "desk2")
    for desk in (desk1, desk2):
        verb = "create" if desk == desk1 else "connect"
        argv = ("office", verb, url, "--ca", ca, "--store", desk, "--user", "admin")
        assert _run(monkeypatch, PASSPHRASE, *argv) == 0
    capsys.readouterr()
    evidence = tmp_path / "谈话笔录.txt"
    evidence.write_bytes("被谈话人陈述的内容".encode() * 1000)
    argv = ("--json", "attach", "add", str(evidence), "--store", desk1, "--user", "admin")
    assert _run(monkeypatch, PASSPHRASE, *argv) == 0
    sha = json.loads(capsys.readouterr().out)["sha256"]
    out = tmp_path / "导出.txt"
    argv = ("attach", "get", sha, "--out", str(out), "--store", desk2, "--user", "admin")
    assert _run(monkeypatch, PASSPHRASE, *argv) == 0
    assert out.read_bytes() == evidence.read_bytes()
    assert not [p for p in (tmp_path / "desk1" / "blobs").rglob("*") if p.is_file()]
