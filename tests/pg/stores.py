"""The same store on both backends, for tests that run a service on each: SQLCipher through the
real ``Vault``, PostgreSQL through ``workbench.store.pg`` with the rows ``Vault.create`` writes.

There is no PostgreSQL vault yet (the keyfile that records an office's connection is later
work of issue #20), so ``seed`` repeats the database half of ``Vault.create`` (store_meta, the
first user, the ``store.create`` entry, the root's own grant) and ``Opened`` stands in for the
vault's sessions: the actor with the roles the grant chain gives, the root key, the user's
signing key. When ``Vault.create`` gets a backend-neutral seeding step, this uses it instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from workbench.models.base import utcnow
from workbench.models.system import StoreMeta, User
from workbench.roles import Role
from workbench.store import audit, grants
from workbench.store.keyfile import public_key
from workbench.store.session import Actor, make_session_factory, unit_of_work

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


@dataclass(frozen=True)
class Seeded:
    user_id: str
    device_id: str
    key: Ed25519PrivateKey


def seed(engine: Engine) -> Seeded:
    """What ``Vault.create`` writes into a migrated database, for an office store."""
    user_id, device_id, store_id = (str(uuid.uuid4()) for _ in range(3))
    key = Ed25519PrivateKey.generate()
    factory = make_session_factory(engine)
    with unit_of_work(factory, Actor(user_id, USER, None)) as s:
        s.info[audit.SIGNING_INFO_KEY] = key
        for name, value in {
            "store_id": store_id,
            "device_id": device_id,
            "store_role": STORE_ROLE,
            "created_at": utcnow().isoformat(),
        }.items():
            s.add(StoreMeta(key=name, value=value))
        s.add(
            User(
                id=user_id,
                name=USER,
                display_name=DISPLAY,
                roles=[str(r) for r in ROLES],
                created_by=user_id,
            )
        )
        s.flush()
        audit.record(s, "store.create", "store", store_id, {"store_role": STORE_ROLE})
        grants.issue(
            s,
            grants.Chain(),
            user_id=user_id,
            user_name=USER,
            roles=ROLES,
            active=True,
            key=public_key(key),
            reason="create",
            signer=grants.Signer(user_id, key),
        )
    return Seeded(user_id, device_id, key)


def opened(name: str, engine: Engine, seeded: Seeded, *, write_options: dict[str, str]) -> Backend:
    """Units of work as ``Vault.session``/``Vault.read`` make them, on ``engine``."""
    with Session(engine) as s:
        roles = grants.load_chain(s, public_key(seeded.key)).held[seeded.user_id].effective
    actor = Actor(seeded.user_id, USER, seeded.device_id, tuple(r.value for r in roles), DISPLAY)
    reads = make_session_factory(engine)
    writes = make_session_factory(engine.execution_options(**write_options))

    def unit(factory: Callable[[], Session]) -> Sessions:
        @contextmanager
        def scope() -> Iterator[Session]:
            with unit_of_work(factory, actor) as s:  # type: ignore[arg-type]
                s.info[grants.ROOT_INFO_KEY] = public_key(seeded.key)
                s.info[audit.SIGNING_INFO_KEY] = seeded.key
                yield s

        return scope

    return Backend(name, engine, unit(writes), unit(reads))
