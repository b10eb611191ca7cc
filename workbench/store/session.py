"""Units of work. Services never open, commit or close sessions: callers use ``session_scope``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

# Importing registers the flush hooks that check fields, stamp records and audit every write,
# and the query hook that keeps the 三员 out of case content.
from workbench.store import audit, fieldguard, separation, stamps  # noqa: F401


@dataclass(frozen=True)
class Actor:
    """Who is doing the work; stamped on records and on every audit entry."""

    user_id: str | None
    user_name: str | None
    device_id: str | None
    roles: tuple[str, ...] = ()
    display_name: str | None = None


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)


@contextmanager
def unit_of_work(factory: sessionmaker[Session], actor: Actor) -> Iterator[Session]:
    """Commit on success, roll back on any exception; the actor rides in ``session.info``."""
    session = factory()
    session.info["actor"] = actor
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
