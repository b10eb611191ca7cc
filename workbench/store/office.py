"""An office store on the office's PostgreSQL server, as each desktop reaches it (issue #20).

The database holds what a SQLCipher store's file holds (the same models and migrations,
``pg.py``) and its keyfile too: the ``store_meta`` row ``keyfile`` is the document a store's
keyfile.json is (``keyfile.py``: a slot per user wrapping the data key and sealing their signing
key under their passphrase, the recovery slot, the root of trust, the MAC). The server sees
only wrapped keys. A desktop keeps its link (``office_link.py``: the connection sealed under each
of its users' passphrases), so unlocking is: the link opens with the user's passphrase → the
connection → the user's slot on the server opens with the same passphrase → the data key (for
attachments: ``server_attachments.py``) and the user's signing key → their roles from the
verified grants.

docs/store-format.md, "PostgreSQL: the office vault", says what this guarantees and what the
server's own encryption, TLS and roles must.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import Connection as DbConnection
from sqlalchemy import Engine, inspect, select, text, update
from sqlalchemy.orm import Session

from workbench.errors import (
    AuthenticationError,
    KeyfileDamaged,
    LinkPassphraseRefused,
    NotAnOfficeStore,
    OfficeMigrationIncomplete,
    OfficeTlsUnverified,
    PassphraseResetOnServer,
    StoreExists,
    UserDisabled,
    ValidationError,
    WorkbenchError,
)
from workbench.i18n import N_, Wording
from workbench.models.system import StoreMeta, User
from workbench.roles import Role
from workbench.store import migrate, recovery
from workbench.store.fsutil import make_private_dir, write_atomic
from workbench.store.keyfile import (
    DEK_BYTES,
    MAX_KEYFILE_BYTES,
    KdfParams,
    Keyfile,
    SlotKeys,
)
from workbench.store.layout import StoreLayout
from workbench.store.office_link import Connection, OfficeLink, is_linked
from workbench.store.pg import engine_url, make_pg_engine, warn_on_collation
from workbench.store.server_attachments import ServerAttachmentStore
from workbench.store.throttle import UnlockThrottle
from workbench.store.unlocked import zero_key
from workbench.store.user_slot import open_user_slot
from workbench.store.vault import (
    NewStore,
    Vault,
    check_first_user,
    first_keyfile,
    require_new_store_dir,
    seed_store,
)
from workbench.store.warm_up import warm_pinyin_in_background

log = logging.getLogger(__name__)

KEYFILE_META = "keyfile"  # the store_meta row holding the office store's keyfile
MIGRATION_META = "office_migration"  # an ``office migrate`` not yet verified (office_migrate.py)
CA_FILE = "office-ca.pem"  # the sealed CA, written out for libpq at each unlock
VERIFYING_MODES = ("verify-full", "verify-ca")
# The session-level advisory lock under which one desktop at a time upgrades the schema: a fixed
# bigint ("WBSCHEMA" in ASCII), not hashtext() (undocumented, absent from KingbaseES); another
# key than the store's write lock's.
SCHEMA_LOCK_KEY = 0x5742_5343_4845_4D41
SLOT_CHANGED_ELSEWHERE = PassphraseResetOnServer.default_message
OLD_PASSPHRASE_REFUSED = N_(
    "原口令打不开本机保存的服务器连接：请核对原口令；若已想不起，"
    "请向系统管理员索取连接信息，重新填写后连接巡察办服务器"
)
NEW_PASSPHRASE_REFUSED = N_(
    "新口令打不开你在巡察办服务器上的账户：请核对系统管理员为你设置的新口令"
)
# What disabling a user cannot do on the server: rows are not encrypted there (docs/store-format.md,
# "Threat model"), so their database login must go too; key rotation is no remedy here.
DISABLED_KEEPS_LOGIN = N_(
    "服务器上的数据不由本程序加密：此人若仍能登录数据库，可绕过本程序读取全部数据。"
    "请数据库管理员立即停用此人的数据库账号；若此账号由多人共用，请更换该账号的口令，"
    "并让其他人用新口令重新连接巡察办服务器。"
)
CA_UNREADABLE = N_("无法读取 CA 证书文件 {path}：请核对文件，或向系统管理员索取")
CA_NOT_PEM = N_("CA 证书文件不是 PEM 格式的证书：请核对文件，或向系统管理员索取")
CA_REQUIRED = N_("需要巡察办的 CA 证书文件（向系统管理员索取）：服务器的证书要对照它校验")


def read_ca(path: Path) -> str:
    """The office's CA certificate file, as text (PEM is ASCII)."""
    try:
        return Path(path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        raise ValidationError(Wording(CA_UNREADABLE, path=str(path)), field="ca") from None


def make_connection(
    url: str,
    *,
    ca_pem: str | None = None,
    password: str | None = None,
    insecure_tls: bool = False,
) -> Connection:
    """The connection a desktop records: ``url`` (``postgresql://``, ``sslmode=verify-full``
    unless it names another), ``password`` for the database login when not in the URL, and the
    office's CA in PEM (``ca_pem``, else the file the URL's ``sslrootcert`` names), which a
    verifying ``sslmode`` requires. An ``sslmode`` that does not verify the server (``disable``
    … ``require``) is refused unless ``insecure_tls``: the user asked for it in so many words
    (``office … --insecure-tls``); each unlock on it then logs a warning (``server_engine``)."""
    parsed = engine_url(url)
    if parsed.query["sslmode"] not in VERIFYING_MODES and not insecure_tls:
        raise OfficeTlsUnverified(field="url", sslmode=parsed.query["sslmode"])
    if password is not None:
        parsed = parsed.set(password=password)
    ca_file = parsed.query.get("sslrootcert")
    parsed = parsed.difference_update_query(["sslrootcert"])
    if ca_pem is None and isinstance(ca_file, str):
        ca_pem = read_ca(Path(ca_file))
    if ca_pem is not None:
        try:
            if not ca_pem.isascii():  # PEM is ASCII; libpq reads the file as written
                raise ValueError(ca_pem)
            x509.load_pem_x509_certificates(ca_pem.encode("ascii"))
        except ValueError:
            raise ValidationError(CA_NOT_PEM, field="ca") from None
    elif parsed.query["sslmode"] in VERIFYING_MODES:
        raise ValidationError(CA_REQUIRED, field="ca")
    return Connection(parsed.render_as_string(hide_password=False), ca_pem)


def server_engine(folder: Path, connection: Connection) -> Engine:
    """An engine on the office's database. The sealed CA is written out for libpq (it reads
    ``sslrootcert`` from a file), rewritten at each unlock, so a CA put in its place between
    runs is never trusted."""
    url = engine_url(connection.url)
    if url.query["sslmode"] not in VERIFYING_MODES:
        log.warning(
            "office server %s:%s: sslmode=%s does not verify the server's certificate "
            "(connected with --insecure-tls): a server put in its place would not be noticed",
            url.host,
            url.port or 5432,
            url.query["sslmode"],
        )
    if connection.ca_pem is not None:
        ca_file = Path(folder) / CA_FILE
        write_atomic(ca_file, connection.ca_pem.encode("ascii"))
        url = url.update_query_dict({"sslrootcert": str(ca_file)})
    return make_pg_engine(url)


def _read_keyfile(conn: DbConnection | Session) -> Keyfile:
    """The office store's keyfile, or ``NotAnOfficeStore``."""
    bind = conn if isinstance(conn, DbConnection) else conn.connection()
    if not inspect(bind).has_table(StoreMeta.__tablename__):
        raise NotAnOfficeStore()
    text = conn.execute(select(StoreMeta.value).where(StoreMeta.key == KEYFILE_META)).scalar()
    if text is None:
        migrating = select(StoreMeta.key).where(StoreMeta.key == MIGRATION_META)
        if conn.execute(migrating).first() is not None:
            raise OfficeMigrationIncomplete()
        raise NotAnOfficeStore()
    data = text.encode("utf-8")
    if len(data) > MAX_KEYFILE_BYTES:
        raise KeyfileDamaged(N_("数据库中的密钥文件过大，不是本程序的密钥文件"))
    return Keyfile.from_bytes(data)


def _require_empty(engine: Engine) -> None:
    """An office store is made only in an empty database (or one whose making was cut off
    after the migrations, before anything was written: it is finished). A server or encoding it
    cannot live in was refused when the connection opened (``pg.check_server``)."""
    with engine.connect() as conn:
        warn_on_collation(conn)
        tables = set(inspect(conn).get_table_names())
        if not tables:
            return
        if StoreMeta.__tablename__ in tables and "alembic_version" in tables:
            migrating = select(StoreMeta.key).where(StoreMeta.key == MIGRATION_META)
            if conn.execute(migrating).first():
                raise StoreExists("该数据库正在从本机数据库迁移（office migrate），不会在其中另建")
            if conn.execute(select(StoreMeta.value).where(StoreMeta.key == "store_id")).first():
                raise StoreExists(
                    "该数据库已是巡察办数据库：其他用户请用 workbench office connect 连接"
                )
            return
    raise StoreExists("该数据库不是空的，不会在其中建立巡察办数据库", tables=len(tables))


def upgrade_schema(engine: Engine) -> None:
    """Bring the office store's schema to head, one desktop at a time: desktops unlocking at
    the same moment after a program update would otherwise run the same migration twice (the
    second fails on a table the first made). The revision is read again once the lock is held:
    a desktop that waited finds the work done."""
    if migrate.current_revision(engine) == migrate.head_revision():
        return
    with engine.connect() as conn:
        # waited for as long as the other desktop's upgrade takes (not the busy timeout): the
        # alternative is a refusal the user can do nothing about but try again
        conn.exec_driver_sql("SET lock_timeout = 0")
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        conn.commit()
        try:
            migrate.upgrade(engine)
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_LOCK_KEY})
            conn.exec_driver_sql("RESET lock_timeout")  # the connection's own, from its options
            conn.commit()


def _prepare_folder(folder: Path) -> OfficeLink | None:
    """The desktop folder for a link: missing or empty, or already linked (another user of
    this desktop, or a connection renewed). Returns the link it holds."""
    if is_linked(folder):
        return OfficeLink.read(folder)
    require_new_store_dir(folder)
    return None


def _clear_folder(folder: Path, *, remove: bool) -> None:
    """After a refused first connection: the CA written out for it goes, and the folder too
    when this attempt made it."""
    with contextlib.suppress(FileNotFoundError):
        (folder / CA_FILE).unlink()
    if remove:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _refusal_after_link(engine: Engine, user_name: str) -> AuthenticationError:
    """Why a passphrase that opened the user's link opens no slot on the server: the user was
    disabled there (their slot removed), or their slot has another passphrase now (a 系统管理员
    enabled them again with a new one, or they changed it on another desktop). The link's
    passphrase has proved who asks, so saying which tells no one else's name."""
    with Session(engine) as s:
        disabled = s.scalar(select(User.disabled).where(User.name == user_name.strip()))
    if disabled:
        return UserDisabled()
    return PassphraseResetOnServer()


class OfficeVault(Vault):
    """An unlocked office store on the server; ``layout`` is this desktop's folder."""

    connection: Connection

    def __init__(
        self, layout: StoreLayout, keyfile: Keyfile, dek: bytearray, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(layout, keyfile, dek, *args, **kwargs)
        self.attachments = ServerAttachmentStore(layout, dek, lambda: self.engine)

    @classmethod
    def create_on_server(
        cls,
        folder: Path,
        connection: Connection,
        *,
        user_name: str,
        passphrase: str,
        display_name: str | None = None,
        roles: tuple[Role | str, ...] | None = None,
        kdf: KdfParams | None = None,
    ) -> tuple[OfficeVault, str]:
        """Make an empty database the office store, its first user the one running this (a
        系统管理员), and link this desktop to it. Returns the vault and the recovery code."""
        folder = Path(folder)
        user_name, parsed_roles = check_first_user(user_name, passphrase, roles, "office")
        require_new_store_dir(folder)
        made = not folder.exists()
        kdf = kdf or KdfParams()
        new = NewStore(
            str(uuid.uuid4()), "office", str(uuid.uuid4()), user_name, display_name, parsed_roles
        )
        make_private_dir(folder)
        engine = server_engine(folder, connection)
        dek = bytearray(os.urandom(DEK_BYTES))
        try:
            _require_empty(engine)
            code = recovery.generate()
            keys = SlotKeys.generate(signing=True)
            assert keys.ed25519 is not None
            keyfile = first_keyfile(new, dek, passphrase, code, keys, kdf)
            upgrade_schema(engine)
            seed_store(
                engine,
                new,
                keys.ed25519,
                also=lambda s: s.add(
                    StoreMeta(key=KEYFILE_META, value=keyfile.to_bytes().decode("utf-8"))
                ),
            )
            OfficeLink(new.store_id).with_user(user_name, passphrase, connection, kdf).write(folder)
            vault = cls._admit(
                StoreLayout(folder), keyfile, dek, engine, new.user_id, kdf=kdf, keys=keys
            )
        except BaseException:
            engine.dispose()
            zero_key(dek)
            if not is_linked(folder):
                _clear_folder(folder, remove=made)
            raise
        vault.connection = connection
        return vault, code

    @classmethod
    def connect(
        cls,
        folder: Path,
        connection: Connection,
        user_name: str,
        passphrase: str,
        *,
        throttle: UnlockThrottle | None = None,
        kdf: KdfParams | None = None,
    ) -> OfficeVault:
        """Link this desktop to the office store ``connection`` reaches, for ``user_name``
        (whose slot on the server the passphrase must open), and unlock."""
        folder = Path(folder)
        link = _prepare_folder(folder)
        made = not folder.exists()
        make_private_dir(folder)
        try:
            vault = cls._unlock(
                folder,
                connection,
                user_name,
                passphrase,
                throttle=throttle,
                kdf=kdf,
                store_id=link.store_id if link is not None else None,
                other_store=StoreExists(
                    "此文件夹已连接另一个巡察办数据库：请另选一个空文件夹", path=str(folder)
                ),
            )
        except BaseException:
            if link is None:  # a refused first connection leaves the folder as it was
                _clear_folder(folder, remove=made)
            raise
        try:
            link = link or OfficeLink(vault.store_id)
            link.with_user(user_name, passphrase, connection, vault.kdf).write(folder)
        except BaseException:
            vault.lock()
            raise
        return vault

    @classmethod
    def reconnect(
        cls,
        folder: Path,
        user_name: str,
        old_passphrase: str,
        new_passphrase: str,
        *,
        throttle: UnlockThrottle | None = None,
        kdf: KdfParams | None = None,
    ) -> OfficeVault:
        """After the user's passphrase was set on the server (a 系统管理员 enabled them again, or
        they changed it elsewhere): the old passphrase opens their copy of the connection here,
        the new one their slot there, and the copy is resealed under the new one, as ``connect``
        does, without the connection typed again. Either refusal counts toward the delay."""
        folder = Path(folder)
        link = OfficeLink.read(folder)
        throttle = throttle or UnlockThrottle()
        throttle.check(link.store_id)
        try:
            connection = link.open(user_name, old_passphrase)
        except AuthenticationError:
            throttle.record_failure(link.store_id)
            raise AuthenticationError(OLD_PASSPHRASE_REFUSED) from None
        try:
            return cls.connect(
                folder, connection, user_name, new_passphrase, throttle=throttle, kdf=kdf
            )
        except AuthenticationError as refused:
            if type(refused) is not AuthenticationError:  # throttled, a login refused, …
                raise
        # the old passphrase has proved who asks: a disabled user is told so, as at an unlock
        engine = server_engine(folder, connection)
        try:
            why = _refusal_after_link(engine, user_name)
        finally:
            engine.dispose()
        if isinstance(why, UserDisabled):
            raise why
        raise AuthenticationError(NEW_PASSPHRASE_REFUSED)

    @classmethod
    def open_linked(
        cls,
        folder: Path,
        user_name: str,
        passphrase: str,
        *,
        throttle: UnlockThrottle | None = None,
        kdf: KdfParams | None = None,
    ) -> OfficeVault:
        """Unlock through this desktop's link: a wrong passphrase is refused here, before the
        server is asked, and counts toward the delay as for a store on this disk. A passphrase
        a 系统管理员 set on the server (enabling a user again) opens no copy here until the user
        connects again with it (``connect`` or ``reconnect`` reseal their copy); the old one opens
        the link but not the server's slot, and each refusal says so."""
        link = OfficeLink.read(Path(folder))
        throttle = throttle or UnlockThrottle()
        throttle.check(link.store_id)
        try:
            connection = link.open(user_name, passphrase)
        except AuthenticationError:
            throttle.record_failure(link.store_id)
            # the desktop cannot ask the server without the connection, so the refusal names
            # the one case it cannot tell from a typo: a passphrase newer than this copy
            raise LinkPassphraseRefused() from None
        vault = cls._unlock(
            Path(folder),
            connection,
            user_name,
            passphrase,
            throttle=throttle,
            kdf=kdf,
            store_id=link.store_id,
            link_opened=True,
        )
        warm_pinyin_in_background()  # not under the store's write lock at the first save
        return vault

    @classmethod
    def _unlock(
        cls,
        folder: Path,
        connection: Connection,
        user_name: str,
        passphrase: str,
        *,
        throttle: UnlockThrottle | None,
        kdf: KdfParams | None,
        store_id: str | None = None,
        other_store: WorkbenchError | None = None,
        link_opened: bool = False,
    ) -> OfficeVault:
        """Open ``user_name``'s slot in the server's keyfile; the schema brought to head.
        ``store_id``: the store the folder is linked to, checked before any slot is tried (else
        ``other_store``); ``link_opened``: the passphrase has just opened the user's link."""
        throttle = throttle or UnlockThrottle()
        engine = server_engine(folder, connection)
        dek: bytearray | None = None
        try:
            with engine.connect() as conn:
                warn_on_collation(conn)
                keyfile = _read_keyfile(conn)
            if store_id is not None and keyfile.store_id != store_id:
                if other_store is not None:
                    raise other_store
                raise NotAnOfficeStore(
                    N_(
                        "服务器上的数据库不是本机所连接的那一个巡察办数据库（编号不同）："
                        "请向系统管理员核对地址后重新连接巡察办服务器"
                    )
                )
            throttle.check(keyfile.store_id)
            failures_before = throttle.failures(keyfile.store_id)
            opened = open_user_slot(keyfile, user_name, passphrase)
            if opened is None:
                throttle.record_failure(keyfile.store_id)
                if link_opened:  # yet the server's slot refuses the same passphrase
                    raise _refusal_after_link(engine, user_name)
                raise AuthenticationError()
            dek = opened.dek
            if opened.keys is None:  # no version 1 slot is ever made here
                raise KeyfileDamaged()
            keyfile.check_mac(dek)
            # the server's own backups cover an upgrade there (docs/store-format.md)
            upgrade_schema(engine)
            vault = cls._admit(
                StoreLayout(folder), keyfile, dek, engine, opened.user_id, kdf=kdf, keys=opened.keys
            )
        except BaseException:
            engine.dispose()
            if dek is not None:
                zero_key(dek)
            raise
        vault.connection = connection
        throttle.record_success(keyfile.store_id)
        vault.record_unlock(failures_before)
        return vault

    # -- the keyfile lives in the database ---------------------------------------------------

    def _save_keyfile(self, change: Callable[[Keyfile], Keyfile]) -> Keyfile:
        """Under the write lock, from the latest copy: another desktop may have changed a slot
        since this one unlocked (a user added, a passphrase changed)."""
        with self.session() as s:
            latest = _read_keyfile(s)
            latest.check_mac(self.dek)
            keyfile = change(latest).sealed(self.dek)
            s.execute(
                update(StoreMeta)
                .where(StoreMeta.key == KEYFILE_META)
                .values(value=keyfile.to_bytes().decode("utf-8"))
            )
        return keyfile

    def set_passphrase(
        self, user_id: str, passphrase: str, *, _action: str = "passphrase.set"
    ) -> bytes:
        """As on any store; the user's own change also reseals this desktop's link (other
        desktops keep theirs under the old passphrase until they connect again)."""
        public = super().set_passphrase(user_id, passphrase, _action=_action)
        if user_id == self.user.id:
            link = OfficeLink.read(self.layout.root)
            link.with_user(self.user.name, passphrase, self.connection, self.kdf).write(
                self.layout.root
            )
        return public
