"""The source of ``office migrate`` (``office_migrate.py``): an office store on this disk,
unlocked read-only for its 系统管理员, and refused when it cannot be moved as it is.

It opens through SQLite's ``immutable`` URI, so not even a ``-wal`` file is made, and nothing is
written: no ``unlock`` entry, no schema or slot upgrade as ``Vault.open`` would write (the
throttle's count lives in the user's state folder, as for any unlock). A store that is open
elsewhere, mid key rotation, at another schema, with a version 1 keyfile or slot, a field
laptop's, or unlocked by someone who is not its 系统管理员 is refused before the server is
touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from workbench.errors import (
    AuthenticationError,
    Conflict,
    PermissionDenied,
    UserDisabled,
    ValidationError,
)
from workbench.models.system import StoreMeta, User
from workbench.roles import Role
from workbench.store import grants, migrate, rekey
from workbench.store.engine import read_only_connection, store_error
from workbench.store.keyfile import Keyfile, SlotKeys, public_key
from workbench.store.layout import StoreLayout
from workbench.store.office_link import is_linked
from workbench.store.separation import as_store_job
from workbench.store.throttle import UnlockThrottle
from workbench.store.unlocked import zero_key
from workbench.store.user_slot import open_user_slot


@dataclass
class Source:
    """The source store, unlocked read-only for its 系统管理员."""

    layout: StoreLayout
    keyfile: Keyfile
    dek: bytearray
    keys: SlotKeys
    user_id: str
    engine: Engine

    def close(self) -> None:
        self.engine.dispose()
        zero_key(self.dek)

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _read_only_engine(db: Path, dek: bytearray) -> Engine:
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3,
        creator=lambda: read_only_connection(db, dek, immutable=True),
        poolclass=StaticPool,
        hide_parameters=True,
    )

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        translated = store_error(context.original_exception)
        if translated is not None:
            raise translated from context.original_exception

    return engine


def _check_closed(layout: StoreLayout) -> None:
    """A store another program has open (or one not closed cleanly) has a ``-wal`` file (or a
    hot ``-journal``) whose pages the read-only copy would not see."""
    journal_file = layout.db.with_name(layout.db.name + "-journal")
    if any(p.exists() for p in (*layout.db_companions(), journal_file)):
        raise Conflict(
            "源数据库正被工作台打开，或上次没有正常关闭：请关闭所有打开它的工作台"
            "（未正常关闭的，用它解锁一次再退出）后再迁移"
        )
    journal = rekey.read_journal(layout)
    if journal is not None and not journal.done:
        raise Conflict("源数据库的更换数据密钥尚未完成：请先在本机解锁一次，让它完成后再迁移")


def _unseal(keyfile: Keyfile, user_name: str, passphrase: str) -> tuple[str, bytearray, SlotKeys]:
    throttle = UnlockThrottle()
    throttle.check(keyfile.store_id)
    opened = open_user_slot(keyfile, user_name, passphrase)
    if opened is None:
        throttle.record_failure(keyfile.store_id)
        raise AuthenticationError()
    throttle.record_success(keyfile.store_id)
    if opened.keys is None:
        zero_key(opened.dek)
        raise ValidationError("你的密钥槽是旧格式：请先用本程序在本机解锁一次，再迁移")
    return opened.user_id, opened.dek, opened.keys


def open_source(directory: Path, user_name: str, passphrase: str) -> Source:
    """Unlock the store in ``directory`` read-only for ``user_name``, who must be its
    系统管理员; refuse a store that cannot be moved as it is."""
    directory = Path(directory)
    if is_linked(directory):
        raise ValidationError(
            "--from 应是本机的加密数据库文件夹；此文件夹连接的已是巡察办服务器", field="from"
        )
    layout = StoreLayout(directory)
    layout.require()
    _check_closed(layout)
    keyfile = Keyfile.read(layout.keyfile)
    user_id, dek, keys = _unseal(keyfile, user_name, passphrase)
    engine: Engine | None = None
    try:
        keyfile.check_mac(dek)
        if keyfile.root is None or any(s.legacy for s in keyfile.slots if s.kind == "passphrase"):
            raise ValidationError(
                "源数据库的密钥文件还是旧格式：请各用户先用本程序在本机各自解锁一次，再迁移"
                "（否则迁移后他们在服务器上无法解锁）"
            )
        engine = _read_only_engine(layout.db, dek)
        source = Source(layout, keyfile, dek, keys, user_id, engine)
        _check_source(source)
    except BaseException:
        if engine is not None:
            engine.dispose()
        zero_key(dek)
        raise
    return source


@contextmanager
def source_session(source: Source) -> Iterator[Session]:
    """A session on the source as a store job (三员分立 lets it read every table), its grants
    checked against the keyfile's root."""
    with Session(source.engine) as s:
        s.info[grants.ROOT_INFO_KEY] = source.keyfile.root
        yield as_store_job(s)


def _check_source(source: Source) -> None:
    if migrate.current_revision(source.engine) != migrate.head_revision():
        raise ValidationError(
            "源数据库的结构不是本程序的版本：请先用本程序在本机解锁一次（会先备份再升级），再迁移"
        )
    with source_session(source) as s:
        meta = {m.key: m.value for m in s.scalars(select(StoreMeta))}
        if meta.get("store_role") != "office":
            raise ValidationError("只能迁移巡察办的数据库；巡察组的外出笔记本数据库留在本机")
        user = s.get(User, source.user_id)
        if user is None:
            raise AuthenticationError("密钥槽对应的用户不存在")
        if user.disabled:
            raise UserDisabled()
        held = grants.load_chain(s).held.get(source.user_id)
        mine = public_key(source.keys.ed25519) if source.keys.ed25519 else None
        if held is None or held.key != mine or Role.SYSADMIN not in held.effective:
            raise PermissionDenied(
                "只有系统管理员可以把数据库迁移到巡察办服务器（迁移复制整个数据库，如同备份）"
            )
