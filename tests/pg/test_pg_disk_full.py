"""The office server's disk fills during a write: the user is told it is the server's disk
(WB-DISK-FULL, exit 9), and the transaction is undone. The disk is real: a small tmpfs as a
tablespace holding the attachments' chunks (root only: mounting needs it)."""

from __future__ import annotations

import io
import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.pg.stores import DISPLAY, ROLES, USER
from workbench.errors import DiskFull
from workbench.models.system import Attachment
from workbench.store.office import OfficeVault, make_connection

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small disk needs root")


@pytest.fixture
def small_disk(pg_cluster: pg.Cluster) -> Iterator[Path]:
    """In the cluster's folder: the server's user reaches it there (not under pytest's)."""
    folder = pg_cluster.folder / f"small-disk-{secrets.token_hex(4)}"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], check=True)
    try:
        pg.RunAs.choose().chown(folder)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def _as_superuser(cluster: pg.Cluster, database: str, *statements: str) -> None:
    import psycopg

    url = urlsplit(cluster.admin_url)
    with psycopg.connect(urlunsplit(url._replace(path=f"/{database}")), autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement.encode())


def test_a_full_server_disk_refuses_the_write_and_keeps_the_store(
    pg_cluster: pg.Cluster, pg_url: str, small_disk: Path, tmp_path: Path
) -> None:
    office, _ = OfficeVault.create_on_server(
        tmp_path / "desktop",
        make_connection(pg_url),
        user_name=USER,
        passphrase=PASSPHRASE,
        display_name=DISPLAY,
        roles=ROLES,
        kdf=TEST_KDF,
    )
    database = urlsplit(pg_url).path.lstrip("/")
    space = f"small_{secrets.token_hex(4)}"
    pg_cluster.admin(f"CREATE TABLESPACE {space} LOCATION '{small_disk}'")
    try:
        _as_superuser(pg_cluster, database, f"ALTER TABLE attachment_chunks SET TABLESPACE {space}")
        with office:
            with office.session() as s:
                office.attachments.add(s, io.BytesIO(b"small enough"), name="小.txt")
            with pytest.raises(DiskFull) as refused, office.session() as s:
                office.attachments.add(s, io.BytesIO(os.urandom(4 << 20)), name="大.pdf")
            assert refused.value.code == "WB-DISK-FULL" and refused.value.exit_code == 9
            assert "巡察办服务器的磁盘空间不足" in str(refused.value)
            with office.session() as s:  # the store is as it was, and still takes writes
                assert s.scalar(select(func.count()).select_from(Attachment)) == 1
    finally:
        _as_superuser(
            pg_cluster, database, "ALTER TABLE attachment_chunks SET TABLESPACE pg_default"
        )
        pg_cluster.admin(f"DROP TABLESPACE {space}")
