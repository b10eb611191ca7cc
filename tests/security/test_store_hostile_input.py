"""What a user or a hostile file can hand the store gets a coded answer, and leaves no debris:
file names that are not UTF-8, passphrase files that are not text, keyfile parameters out of range.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from workbench.cli import main
from workbench.errors import KeyfileDamaged
from workbench.store import audit
from workbench.store.keyfile import MAX_KEYFILE_BYTES, KdfParams, Keyfile
from workbench.store.vault import Vault


def _blob_files(store: Path) -> list[Path]:
    return [p for p in (store / "blobs").rglob("*") if p.is_file() and "staging" not in p.parts]


def _listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["attach", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list)
    return rows


# -- file names ---------------------------------------------------------------------------------


def _not_utf8(folder: Path, name: bytes) -> str:
    """A path in ``folder`` whose name is not UTF-8, as Python hands it over (surrogateescape)."""
    raw = os.fsencode(folder) + b"/" + name
    try:
        with open(raw, "wb"):
            pass
    except OSError:
        pytest.skip("this file system only takes UTF-8 names")
    os.remove(raw)
    return os.fsdecode(raw)


def test_a_file_name_that_is_not_utf8_is_added_under_a_readable_name(
    cli_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _not_utf8(tmp_path, b"\xe5\xb7\xa1\xff\xfe\xe5\x9b\x9e.txt")  # 巡 \xff\xfe 回
    Path(source).write_bytes(b"evidence")
    assert main(["attach", "add", source]) == 0
    (row,) = _listed(capsys)
    assert row["name"] == "巡\ufffd\ufffd回.txt"
    assert len(_blob_files(cli_store)) == 1


def test_exports_to_a_path_that_is_not_utf8_are_done_and_audited(
    cli_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "evidence.txt"
    source.write_bytes(b"evidence")
    capsys.readouterr()
    assert main(["attach", "add", str(source), "--json"]) == 0
    sha = json.loads(capsys.readouterr().out)["sha256"]
    out, backup = _not_utf8(tmp_path, b"out\xff.txt"), _not_utf8(tmp_path, b"copy\xff.wbk")
    assert main(["attach", "get", sha, "--out", out]) == 0
    assert main(["backup", backup]) == 0
    assert Path(out).read_bytes() == b"evidence" and Path(backup).stat().st_size > 0
    with Vault.open(cli_store, LEADER, PASSPHRASE) as vault, vault.read() as s:
        entries = list(audit.iter_entries(s))
    recorded = {e.action: e.detail for e in entries if e.action in ("attachment.export", "backup")}
    assert recorded["attachment.export"]["to"] == str(tmp_path / "out\ufffd.txt")
    assert recorded["backup"]["to"] == str(tmp_path / "copy\ufffd.wbk")


def test_a_blob_goes_with_its_row_when_the_transaction_rolls_back(vault: Vault) -> None:
    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), vault.session() as s:
        vault.attachments.add(s, io.BytesIO(b"never committed"), name="a.txt")
        assert len(_blob_files(vault.layout.root)) == 1
        raise Abandoned
    assert _blob_files(vault.layout.root) == []
    with vault.session() as s:  # and a committed one stays
        info = vault.attachments.add(s, io.BytesIO(b"committed"), name="b.txt")
    assert _blob_files(vault.layout.root) == [vault.attachments.blob_path(info.sha256)]


def test_a_rolled_back_duplicate_keeps_the_committed_blob(vault: Vault) -> None:
    with vault.session() as s:
        info = vault.attachments.add(s, io.BytesIO(b"same"), name="a.txt")
    with pytest.raises(RuntimeError), vault.session() as s:
        assert vault.attachments.add(s, io.BytesIO(b"same"), name="b.txt").deduplicated
        raise RuntimeError
    vault.attachments.verify(info.sha256)  # still there, and whole


# -- numbers and paths on the command line ------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["letters", "list", "--offset", "99999999999999999999"],  # past SQLite's integers
        ["letters", "list", "--limit", "99999999999999999999"],
        ["letters", "list", "--offset", "-1"],
        ["search", "巡察", "--limit", "99999999999999999999"],
    ],
)
def test_an_offset_or_limit_out_of_range_is_a_usage_error(
    cli_store: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "WB-USAGE" in err and argv[-1] in err


def test_a_folder_is_no_backup_file(
    cli_store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    capsys.readouterr()
    assert main(["backup", str(folder)]) == 2  # to write
    assert "WB-USAGE" in (err := capsys.readouterr().err) and str(folder) in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    with Vault.open(cli_store, LEADER, PASSPHRASE) as vault, vault.read() as s:
        assert not list(audit.iter_entries(s, action="backup"))
    restored = tmp_path / "restored"
    monkeypatch.setenv("WORKBENCH_STORE", str(restored))
    assert main(["restore", str(folder)]) == 2  # to read
    assert "WB-USAGE" in (err := capsys.readouterr().err) and str(folder) in err
    assert main(["restore", str(tmp_path / "missing.bak")]) == 5
    assert "WB-NOT-FOUND" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if "restored" in p.name]  # no half-made store


def test_a_folder_is_no_file_to_export_an_attachment_to(
    cli_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "evidence.txt"
    source.write_bytes(b"evidence")
    assert main(["attach", "add", str(source)]) == 0
    (row,) = _listed(capsys)
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["attach", "get", str(row["sha256"]), "--out", str(folder)]) == 2
    assert "WB-USAGE" in (err := capsys.readouterr().err) and str(folder) in err
    assert not list(folder.iterdir()) and not list(tmp_path.glob(".*.part"))


# -- secret files -------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--passphrase-file", "--recovery-code-file"])
def test_a_secret_file_that_is_not_utf8_is_a_usage_error(
    cli_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"\xc3\x28 not utf-8\n")
    command = "info" if option == "--passphrase-file" else "recover"
    capsys.readouterr()
    assert main([command, option, str(secret)]) == 2
    err = capsys.readouterr().err
    assert "WB-USAGE" in err and str(secret) in err and "UTF-8" in err
    assert main([command, option, str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


# -- keyfile parameters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("m", 2**32 - 1),  # 4 TiB
        ("p", 2**24),
        ("t", 2**31),  # minutes of work if it ever ran
        ("m", 1e400),  # a float that int() cannot take
        ("t", True),
        ("t", "3"),
    ],
)
def test_keyfile_parameters_out_of_range_are_refused_before_derivation(
    cli_store: Path, capsys: pytest.CaptureFixture[str], key: str, value: object
) -> None:
    path = cli_store / "keyfile.json"
    doc = json.loads(path.read_bytes())
    for slot in doc["slots"]:
        slot["kdf"][key] = value
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyfileDamaged):
        Keyfile.read(path)
    capsys.readouterr()
    assert main(["info"]) == 4
    assert "WB-KEYFILE" in capsys.readouterr().err


@pytest.mark.parametrize(
    "hostile",
    [
        lambda doc: "[" * 100_000 + "]" * 100_000,  # deeper than the parser's stack
        lambda doc: doc[:-1] + ', "x": ' + "9" * 100_000 + "}",  # past int's digit limit
        lambda doc: doc + " " * MAX_KEYFILE_BYTES,  # valid, but no keyfile is this large
    ],
    ids=["deep", "long-int", "oversized"],
)
def test_a_hostile_keyfile_is_damaged_not_a_crash(
    cli_store: Path, capsys: pytest.CaptureFixture[str], hostile: Callable[[str], str]
) -> None:
    path = cli_store / "keyfile.json"
    path.write_text(hostile(path.read_text()))
    with pytest.raises(KeyfileDamaged):
        Keyfile.read(path)
    capsys.readouterr()
    assert main(["info"]) == 4
    assert "WB-KEYFILE" in capsys.readouterr().err


@pytest.mark.parametrize("field", ["salt", "nonce"])
def test_a_slot_with_a_salt_or_nonce_of_the_wrong_size_is_damaged(
    store_dir: Path, field: str
) -> None:
    path = store_dir / "keyfile.json"
    doc = json.loads(path.read_bytes())
    doc["slots"][0][field] = ""
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyfileDamaged):
        Keyfile.read(path)


def test_the_ceiling_is_inclusive() -> None:
    KdfParams(8, 16, 256 * 1024).check()  # the most a slot may ask: a few seconds of work
    for over in (KdfParams(9, 4, 65536), KdfParams(3, 17, 65536), KdfParams(3, 4, 256 * 1024 + 1)):
        with pytest.raises(KeyfileDamaged):
            over.check()
