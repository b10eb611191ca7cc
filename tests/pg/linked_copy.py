"""A private copy of an office store on the server for one test: its database copied
(``CREATE DATABASE … TEMPLATE``, so nothing may be connected to the source) and a desktop folder
linked to the copy, each named user's sealed connection pointed at it. The copy is the same
store (the same ``store_id``), as a SQLCipher store folder copied with ``shutil.copytree``."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from tests.pg import cluster as pg
from workbench.store.office_link import Connection, OfficeLink


def linked_database(desktop: Path, user: str, passphrase: str) -> str:
    """The database ``desktop``'s link reaches for ``user``."""
    url = OfficeLink.read(desktop).open(user, passphrase).url
    return str(make_url(url).database)


def relink(desktop: Path, database: str, users: Iterable[str], passphrase: str) -> None:
    """Point each of ``users``' copies of the connection in ``desktop`` at ``database``."""
    link = OfficeLink.read(desktop)
    kdf = link.slots[0].kdf  # the fixtures' TEST_KDF
    for user in users:
        old = link.open(user, passphrase)
        url = make_url(old.url).set(database=database).render_as_string(hide_password=False)
        link = link.with_user(user, passphrase, Connection(url, old.ca_pem), kdf)
    link.write(desktop)


@contextmanager
def linked_copy(
    cluster: pg.Cluster,
    desktop: Path,
    target: Path,
    users: Iterable[str],
    passphrase: str,
) -> Iterator[Path]:
    """``target``: a copy of ``desktop`` linked, for ``users``, to a copy of its database,
    which is dropped on the way out."""
    users = tuple(users)
    source = linked_database(desktop, users[0], passphrase)
    name = f"t_{uuid.uuid4().hex[:16]}"
    cluster.admin(f"CREATE DATABASE {name} TEMPLATE {source} OWNER {pg.APP_ROLE}")
    try:
        shutil.copytree(desktop, target)
        relink(target, name, users, passphrase)
        yield target
    finally:
        cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
