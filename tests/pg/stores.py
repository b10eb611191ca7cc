"""The same store on both backends, for tests that run a service on each: SQLCipher through
``Vault.create``, PostgreSQL through ``OfficeVault.create_on_server`` (the office's first
系统管理员 making the store from a desktop), each opened by its first user."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from workbench.roles import Role
from workbench.store.keyfile import KdfParams
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import NewStore, seed_store

USER = "office1"
DISPLAY = "李主任"
# 巡察办 and a team's 组长 at once, with the 系统管理员 every first user holds: the office's
# set-up and a team's records in one store, as the hub will hold both
ROLES = (Role.OFFICE, Role.TEAM_LEADER, Role.SYSADMIN)
STORE_ROLE = "office"

Sessions = Callable[[], AbstractContextManager[Session]]


@dataclass(frozen=True)
class Backend:
    """A store opened as its first user: ``write()`` and ``read()`` units of work."""

    name: str
    engine: Engine
    write: Sessions
    read: Sessions


def seed(engine: Engine) -> str:
    """What a new store's database starts with (``vault.seed_store``), for schema tests that
    need rows but no vault. Returns the first user's id."""
    user_id = str(uuid.uuid4())
    new = NewStore(str(uuid.uuid4()), STORE_ROLE, user_id, USER, DISPLAY, ROLES)
    seed_store(engine, new, Ed25519PrivateKey.generate())
    return user_id


@contextmanager
def office_on_server(url: str, desktop: Path, passphrase: str, kdf: KdfParams) -> Iterator[Backend]:
    """The office store made in the database at ``url`` from a desktop folder, opened by its
    first user; locked on the way out, before anyone drops the database."""
    vault, _ = OfficeVault.create_on_server(
        desktop,
        make_connection(url),
        user_name=USER,
        passphrase=passphrase,
        display_name=DISPLAY,
        roles=ROLES,
        kdf=kdf,
    )
    try:
        yield Backend("postgresql", vault.engine, vault.session, vault.read)
    finally:
        vault.lock()
