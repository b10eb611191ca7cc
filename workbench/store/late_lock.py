"""A long write on the office server done before the store's write lock, the lock taken for its
short end (issue #20, docs/store-format.md "Long writes beside the others").

Every write unit of work on PostgreSQL takes the store's write lock at BEGIN, and the others'
writes wait for it up to the busy timeout. A unit of work whose bulk no other writer can see
until it commits (an attachment's rows, a list's rows: new keys nobody else writes) does that
bulk first, begun with ``pg.LATE_WRITE_LOCK``, its audit entries held back (``audit.defer``);
then it takes the lock, the entries join the chain, and what needs one writer at a time follows.
A cancel or a killed desktop rolls the bulk back with the transaction: nothing to sweep.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from workbench.store import audit
from workbench.store.pg import LATE_WRITE_LOCK, take_lock_on, take_store_lock

# How long the short end waits for the store's write lock: minutes of upload are not thrown
# away because a colleague's package import holds it (the importer's ``LOCK_TURN_S``).
STORE_LOCK_TURN_S = 600.0
_LATE = "store_lock_late"  # session.info: begun without the store's write lock, not yet taken


def begin_without_store_lock(session: Session) -> bool:
    """On the office server, begin ``session``'s transaction without the store's write lock,
    with its audit entries held back, if nothing has begun it yet. False (the session as it
    was: SQLite, or a transaction already begun under the lock) means take no lock here."""
    if session.get_bind().dialect.name != "postgresql" or session.in_transaction():
        return False
    session.connection(execution_options=LATE_WRITE_LOCK)
    audit.defer(session)
    session.info[_LATE] = True
    return True


def without_store_lock(session: Session) -> bool:
    """``session`` was begun by ``begin_without_store_lock`` and has not taken the lock yet."""
    return bool(session.info.get(_LATE))


def take_lock_on_name(session: Session, name: str) -> None:
    """In a session begun late: one writer at a time for ``name`` (the same content, the same
    list), before the store's write lock, which the others' writes keep meanwhile."""
    if without_store_lock(session):
        take_lock_on(session.connection(), name, STORE_LOCK_TURN_S)


def take_store_lock_now(session: Session) -> None:
    """Take the store's write lock in a session begun late (else nothing): the held-back audit
    entries join the chain, and from here the session is any write unit of work."""
    if not session.info.pop(_LATE, False):
        return
    session.flush()  # its entries are held back; what the expiry below would lose is written
    take_store_lock(session.connection(), STORE_LOCK_TURN_S)
    session.expire_all()  # from here on, what is read is what the others committed
    audit.append_deferred(session)


@contextmanager
def held_back_dropped_on_error(session: Session) -> Iterator[None]:
    """Around a savepoint of a session begun late: if it fails before the store's write lock,
    the audit entries held back for its rows are dropped with them."""
    try:
        yield
    except BaseException:
        if without_store_lock(session):
            audit.defer(session)  # the held-back entries, emptied
        raise
