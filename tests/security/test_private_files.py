"""What the workbench writes is its user's alone: files 0600, folders 0700, under a 0o022 umask.

The store (folder, keyfile, database with its -wal and -shm, blobs), backups and what they restore,
`attach get` output, packages and plaintext documents and ledgers.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench import test_docs_data as docs_data
from tests.workbench.exchange_support import WorldTemplate, add_finding, world_in
from tests.workbench.test_docs_data import Seeded
from workbench.errors import WorkbenchError
from workbench.exchange import export_round, import_package
from workbench.reports.context import DocRequest
from workbench.reports.export import export_document
from workbench.store import recovery
from workbench.store.backup import restore_backup, write_backup
from workbench.store.keyfile import Keyfile, open_slot
from workbench.store.layout import StoreLayout
from workbench.store.vault import Vault

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows keeps its ACLs")

seeded = docs_data.seeded  # the shared fixture


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)  # the usual default, which makes files 0644
    try:
        yield
    finally:
        os.umask(previous)


def _modes(paths: list[Path]) -> dict[str, str]:
    return {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in paths}


def _assert_private(files: list[Path], folders: list[Path]) -> None:
    assert all(f.is_file() for f in files) and all(d.is_dir() for d in folders)
    assert _modes(files) == {f.name: "0o600" for f in files}
    assert _modes(folders) == {d.name: "0o700" for d in folders}


def test_a_store_its_backup_and_attachment_exports_are_owner_only(
    tmp_path: Path, umask_022: None
) -> None:
    root = tmp_path / "store"
    vault, code = Vault.create(root, user_name=LEADER, passphrase=PASSPHRASE)
    with vault:
        with vault.session() as s:
            info = vault.attachments.add(s, io.BytesIO(b"evidence " * 100), name="证据.txt")
        blob = vault.attachments.blob_path(info.sha256)
        out = tmp_path / "exported.txt"
        with vault.read() as s:
            vault.attachments.export(s, info.sha256, out)
        backup = tmp_path / "copy.wbk"
        write_backup(vault.layout, vault.keyfile, vault.dek, vault.engine, backup)
        # The engine is open, so the WAL and the shared-memory index exist now.
        db = vault.layout.db
        files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
        _assert_private(
            [*files, vault.layout.keyfile, blob, out, backup],
            [root, vault.layout.blobs, blob.parent, vault.layout.staging],
        )

    def with_recovery_code(keyfile: Keyfile) -> bytearray:
        slot = keyfile.recovery_slot()
        assert slot is not None
        return open_slot(keyfile.store_id, slot, recovery.secret_bytes(code))

    restored = tmp_path / "restored"
    restore_backup(backup, restored, with_recovery_code)
    moved = restored / blob.relative_to(root)
    _assert_private(
        [restored / db.name, restored / "keyfile.json", moved],
        [restored, restored / "blobs", moved.parent],
    )


def test_packages_are_owner_only(
    tmp_path: Path, exchange_world_template: WorldTemplate, umask_022: None
) -> None:
    with world_in(exchange_world_template, tmp_path / "w") as w:
        package = tmp_path / "p.wbp"
        add_finding(w.a, w.round_id)
        export_round(w.a, w.round_id, package)
    _assert_private([package], [])


def test_received_and_refused_packages_are_owner_only(
    tmp_path: Path, exchange_world_template: WorldTemplate, umask_022: None
) -> None:
    """The office's staged copy of a package, and the copy it keeps of a refused one."""
    with world_in(exchange_world_template, tmp_path / "w") as w:
        exchange = w.office.layout.root / "exchange"
        shutil.rmtree(exchange, ignore_errors=True)  # folders made now, under the umask
        package, junk = tmp_path / "p.wbp", tmp_path / "junk.wbp"
        add_finding(w.a, w.round_id)
        export_round(w.a, w.round_id, package)
        junk.write_bytes(b"age-encryption.org/v1\n-> X25519 nonsense\n--- x\n" + b"\0" * 64)
        import_package(w.office, package)
        with pytest.raises(WorkbenchError):
            import_package(w.office, junk)
        kept = list((exchange / "rejected").iterdir())
        assert len(kept) == 1
        _assert_private(kept, [exchange, *exchange.iterdir()])


def test_documents_and_ledgers_are_owner_only(
    seeded: Seeded, tmp_path: Path, umask_022: None
) -> None:
    store = tmp_path / "store"
    shutil.copytree(seeded.store, store)
    document, ledger = tmp_path / "反馈意见.docx", tmp_path / "整改台账.xlsx"
    with Vault.open(store, LEADER, PASSPHRASE) as vault:
        export_document(vault, DocRequest("feedback", target_id=seeded.t1), document)
        export_document(vault, DocRequest("rectification", round_id=seeded.round_id), ledger)
    _assert_private([document, ledger], [])


def test_a_store_made_before_is_made_owner_only_when_unlocked(
    store_dir: Path, umask_022: None
) -> None:
    layout = StoreLayout(store_dir)
    for path, mode in ((store_dir, 0o755), (layout.keyfile, 0o644), (layout.db, 0o644)):
        path.chmod(mode)  # how stores were made before
    with Vault.open(store_dir, LEADER, PASSPHRASE):
        _assert_private([layout.keyfile, layout.db, *layout.db_companions()], [store_dir])
