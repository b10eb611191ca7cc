"""A crash at every import stage (SIGKILL in a subprocess) and a full disk leave the office
store as before; importing again afterwards gives exactly what one clean import gives."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import with_kdf_floor_site
from tests.workbench.exchange_support import (
    PASS,
    USERS,
    VOLATILE,
    World,
    WorldTemplate,
    add_attachment,
    add_evidence,
    add_finding,
    add_interview,
    audit_actions,
    audit_head,
    content_digest,
    world_in,
)
from workbench import exchange as ex
from workbench.errors import DiskFull
from workbench.exchange import importer
from workbench.store import attachments as attachments_mod
from workbench.store.check import check_store
from workbench.store.vault import Vault

REPO = Path(__file__).resolve().parents[2]

IMPORTER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from workbench.exchange import import_package
    from workbench.store.vault import Vault

    store, user, passphrase, package, stage = sys.argv[1:6]
    vault = Vault.open(store, user, passphrase)

    def on_stage(reached):
        if reached == stage:
            os.kill(os.getpid(), signal.SIGKILL)  # a power cut, right here

    import_package(vault, Path(package), on_stage=on_stage)
    print("finished")
    """
)


@pytest.fixture(scope="module")
def package(
    tmp_path_factory: pytest.TempPathFactory, exchange_world_template: WorldTemplate
) -> Iterator[tuple[World, Path, str]]:
    """A package with records, children and attachments, and the office after one clean import."""
    template = exchange_world_template
    with world_in(template, tmp_path_factory.mktemp("kill")) as w:
        finding = add_finding(w.a, w.round_id)
        add_evidence(w.a, w.round_id, finding, add_attachment(w.a, os.urandom(300_000)))
        add_evidence(w.a, w.round_id, finding, add_attachment(w.a, os.urandom(70_000)))
        add_interview(w.a, w.round_id)
        path = w.dir / "p.wbp"
        ex.export_round(w.a, w.round_id, path)
        ex.import_package(w.office, path)
        clean = content_digest(w.office, skip_columns=VOLATILE)
        yield w, path, clean


@pytest.mark.slow
@pytest.mark.parametrize("stage", ex.STAGES)
def test_kill_at_every_import_stage(
    package: tuple[World, Path, str],
    tmp_path: Path,
    exchange_world_template: WorldTemplate,
    stage: str,
) -> None:
    _w, path, clean = package
    with world_in(exchange_world_template, tmp_path / "w") as w:
        before = content_digest(w.office, files=False)
        store = w.office.layout.root
        w.close()
        w.vaults.clear()
        proc = subprocess.run(
            [sys.executable, "-c", IMPORTER, str(store), USERS["office"], PASS, str(path), stage],
            env={**os.environ, "PYTHONPATH": with_kdf_floor_site(str(REPO))},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        with Vault.open(store, USERS["office"], PASS) as office:
            after = content_digest(office, files=False)
            assert (after == before) == (stage != "committed")
            assert check_store(office).ok
            again = ex.import_package(office, path)
            assert again.status == ("already_imported" if stage == "committed" else "imported")
            assert content_digest(office, skip_columns=VOLATILE) == clean


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _full_disk_refusal(w: World, path: Path) -> None:
    before, seq = content_digest(w.office), audit_head(w.office)
    with pytest.raises(DiskFull):
        ex.import_package(w.office, path)
    assert content_digest(w.office) == before
    assert audit_actions(w.office, seq) == ["package.reject"]
    staging = w.office.layout.root / "exchange" / "staging"
    assert not [p for p in staging.iterdir() if p.is_file()]


def test_free_disk_is_checked_first(
    w: World, package: tuple[World, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importer.shutil.disk_usage

    def nearly_full(target: Any) -> Any:
        usage = real(target)
        return type(usage)(usage.total, usage.total - 1000, 1000)

    monkeypatch.setattr(importer.shutil, "disk_usage", nearly_full)
    _full_disk_refusal(w, package[1])


def test_disk_full_while_receiving_attachments(
    w: World, package: tuple[World, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = attachments_mod.IncomingBlob.write
    received: dict[int, int] = {}

    def write(self: attachments_mod.IncomingBlob, data: Any) -> None:
        received[id(self)] = received.get(id(self), 0) + len(data)
        if received[id(self)] > 100_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, data)

    monkeypatch.setattr(attachments_mod.IncomingBlob, "write", write)
    _full_disk_refusal(w, package[1])


def test_disk_full_while_storing_attachments(
    w: World, package: tuple[World, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = open

    class FullDisk:
        def __init__(self, file: Any) -> None:
            self._f = real_open(file, "wb")

        def write(self, data: Any) -> int:
            if self._f.tell() + len(data) > 100_000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self._f.write(data)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._f, name)

        def __enter__(self) -> Any:
            return self

        def __exit__(self, *exc: object) -> None:
            self._f.close()

    def fake_open_private(file: Any, **kwargs: Any) -> Any:  # how staging files are created
        if "staging" in str(file):
            return FullDisk(file)
        return real_open_private(file, **kwargs)

    real_open_private = attachments_mod.open_private
    w.office  # noqa: B018 - open it before the patch
    monkeypatch.setattr(attachments_mod, "open_private", fake_open_private)
    _full_disk_refusal(w, package[1])
    monkeypatch.undo()
    assert ex.import_package(w.office, package[1]).status == "imported"
