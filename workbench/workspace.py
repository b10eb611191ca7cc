"""The unlocked store as a client (the desktop UI) sees it.

The UI may not import ``workbench.store`` or SQLAlchemy (import-linter contract): it asks a
``Workspace`` to run a unit of work — a callable taking the session and calling services — and
gets back the frozen views the services return. Everything here runs on the caller's thread; the
UI calls it from its single database worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Concatenate, ParamSpec, TypeVar

from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.roles import Role
from workbench.services.reads import ATTACHMENT_OPEN
from workbench.store import audit, recovery
from workbench.store.attachments import AttachmentInfo
from workbench.store.layout import StoreLayout
from workbench.store.office import DISABLED_KEEPS_LOGIN
from workbench.store.office_link import is_linked
from workbench.store.separation import require_case_reader
from workbench.store.throttle import UnlockThrottle
from workbench.store.unlocked import MIN_PASSPHRASE_CHARS, UserInfo, check_passphrase
from workbench.store.vault import Vault

T = TypeVar("T")
P = ParamSpec("P")

__all__ = [
    "DISABLED_KEEPS_LOGIN",
    "MIN_PASSPHRASE_CHARS",
    "AttachmentInfo",
    "OfficeAddress",
    "Role",
    "StoreSummary",
    "UserInfo",
    "Workspace",
    "check_new_passphrase",
    "linked_to_office_server",
    "recovery_code_bad_group",
    "store_exists",
]


def store_exists(directory: Path) -> bool:
    """A store in ``directory``, or this desktop's link to the office store on its server."""
    return StoreLayout(directory).exists() or is_linked(directory)


def linked_to_office_server(directory: Path) -> bool:
    """``directory`` is this desktop's link to the office store on its server."""
    return is_linked(directory)


def seconds_until_unlock_allowed(directory: Path) -> float:
    """How long the growing delay after failed unlocks still runs (0 when free)."""
    from workbench.store.keyfile import Keyfile
    from workbench.store.office_link import OfficeLink

    layout = StoreLayout(directory)
    if is_linked(directory):
        return UnlockThrottle().seconds_to_wait(OfficeLink.read(directory).store_id)
    if not layout.exists():
        return 0.0
    return UnlockThrottle().seconds_to_wait(Keyfile.read(layout.keyfile).store_id)


def check_new_passphrase(passphrase: str) -> None:
    """The core's strength rule for a new passphrase (raises ``ValidationError``)."""
    check_passphrase(passphrase)


def recovery_code_bad_group(partial: str) -> int | None:
    """While a recovery code is typed: the first complete group (1–8) failing its check."""
    return recovery.bad_group(partial)


@dataclass(frozen=True)
class StoreSummary:
    directory: Path
    store_id: str
    store_role: str
    device_id: str


@dataclass(frozen=True)
class OfficeAddress:
    """How to reach the office server, as typed: its address, the CA file, the database
    account's password when the address has none."""

    url: str
    ca_file: Path | None
    db_password: str | None = field(default=None, repr=False)


class Workspace:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._on_server = vault.engine.dialect.name == "postgresql"  # known while locked too

    @classmethod
    def open(cls, directory: Path, user_name: str, passphrase: str) -> Workspace:
        return cls(Vault.open(directory, user_name, passphrase))

    @classmethod
    def create(
        cls,
        directory: Path,
        *,
        user_name: str,
        passphrase: str,
        display_name: str | None = None,
        store_role: str = "field",
    ) -> tuple[Workspace, str]:
        vault, code = Vault.create(
            directory,
            user_name=user_name,
            passphrase=passphrase,
            display_name=display_name,
            store_role=store_role,
        )
        return cls(vault), code

    @classmethod
    def connect_office(
        cls,
        directory: Path,
        url: str,
        *,
        ca_file: Path | None,
        db_password: str | None,
        user_name: str,
        passphrase: str,
    ) -> Workspace:
        """连接巡察办服务器: link ``directory`` (missing, empty or linked to the same store) to the
        office store ``url`` reaches, checked against the office's CA, and unlock as
        ``user_name``; the connection is kept sealed under the passphrase."""
        from workbench.store.office import OfficeVault, make_connection, read_ca

        ca_pem = read_ca(ca_file) if ca_file is not None else None
        connection = make_connection(url, ca_pem=ca_pem, password=db_password or None)
        return cls(OfficeVault.connect(directory, connection, user_name, passphrase))

    @classmethod
    def reconnect_office(
        cls, directory: Path, user_name: str, old_passphrase: str, new_passphrase: str
    ) -> Workspace:
        """用新口令重新连接: after a 系统管理员 set ``user_name`` a new passphrase on the server,
        the old one opens this desktop's copy of the connection and the copy is resealed under
        the new one; nothing of the connection is typed again."""
        from workbench.store.office import OfficeVault

        return cls(OfficeVault.reconnect(directory, user_name, old_passphrase, new_passphrase))

    @classmethod
    def recover(
        cls,
        directory: Path,
        user_name: str,
        code: str,
        new_passphrase: str,
        *,
        server: OfficeAddress | None = None,
    ) -> tuple[Workspace, str]:
        """忘记口令: the recovery code gives ``user_name`` a new passphrase and unlocks. Returns the
        workspace and the new recovery code (the used one no longer works). A folder linked to
        the office server needs its ``server`` given again, as ``workbench recover --url``
        does: the link is sealed under the forgotten passphrase."""
        connection = None
        if server is not None:
            from workbench.store.office import make_connection, read_ca

            ca_pem = read_ca(server.ca_file) if server.ca_file is not None else None
            connection = make_connection(
                server.url, ca_pem=ca_pem, password=server.db_password or None
            )
        vault, new_code = Vault.open_with_recovery_code(
            directory, code, user_name, new_passphrase, connection=connection
        )
        return cls(vault), new_code

    def change_passphrase(self, current: str, new: str) -> None:
        """The unlocked user's own change; the current passphrase must be right."""
        self._vault.change_passphrase(current, new)

    @property
    def user(self) -> UserInfo:
        return self._vault.user

    @property
    def on_server(self) -> bool:
        """The office store on its PostgreSQL server: backups, key rotation and the file check
        are the server administrator's there, and a disabled user's database login must go."""
        return self._on_server

    @property
    def server_place(self) -> str | None:
        """On the office server: ``host:port/database``, never the login or its password, to
        say where the data is; None for a store on this disk."""
        if not self._on_server:
            return None
        url = self._vault.engine.url
        server = url.host or ""
        if url.port is not None:
            server += f":{url.port}"
        return f"{server}/{url.database or ''}"

    @property
    def summary(self) -> StoreSummary:
        v = self._vault
        return StoreSummary(v.layout.root, v.store_id, v.store_role, v.device_id)

    def call(
        self, job: Callable[Concatenate[Vault, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run a core job that takes the vault itself because it runs several transactions of
        its own (package export and import, documents that read in one and audit in another,
        backups, user administration): the caller names the job and its arguments, and the
        vault with its keys never leaves the workspace. UI code calls it on the DB worker."""
        return job(self._vault, *args, **kwargs)

    @property
    def locked(self) -> bool:
        return self._vault.locked

    def lock(self) -> None:
        self._vault.lock()

    def read(self, work: Callable[[Any], T]) -> T:
        """Run ``work(session)`` in a read transaction and return its (frozen) result."""
        with self._vault.read() as session:
            return work(session)

    def write(self, work: Callable[[Any], T]) -> T:
        """Run ``work(session)`` in a write transaction; an exception rolls it back."""
        with self._vault.session() as session:
            return work(session)

    def write_with_attachments(self, work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run ``work(session, *args, attachments=…, **kwargs)`` in a write transaction: a unit of
        work that also stores a file it made (a hit's matched rows as an encrypted .xlsx). The
        attachment store holds the data key, so it is handed to the core function only."""
        with self._vault.session() as session:
            return work(session, *args, attachments=self._vault.attachments, **kwargs)

    def add_attachment(
        self,
        source: BinaryIO,
        *,
        name: str,
        media_type: str,
        size_hint: int | None = None,
        progress: ProgressSink = no_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> AttachmentInfo:
        with self._vault.session() as s:
            return self._vault.attachments.add(
                s,
                source,
                name=name,
                media_type=media_type,
                size_hint=size_hint,
                progress=progress,
                cancel=cancel,
            )

    def attachment_bytes(self, sha256: str, *, max_bytes: int = 64 << 20) -> bytes:
        """An attachment's plaintext in memory, for previews (never written to disk). Refused to
        the 三员 (it reaches the blob without a query); opening it is audited."""
        require_case_reader(self._vault.actor.roles)
        chunks: list[bytes] = []
        size = 0
        for chunk in self._vault.attachments.iter_content(sha256):
            size += len(chunk)
            if size > max_bytes:
                from workbench.errors import LimitExceeded

                raise LimitExceeded("附件过大，无法预览，请导出后查看")
            chunks.append(chunk)
        with self._vault.session() as s:
            audit.record(s, ATTACHMENT_OPEN, "attachments", sha256)
        return b"".join(chunks)

    def export_attachment(self, sha256: str, out_path: Path) -> AttachmentInfo:
        """The file written in a read transaction, then its audit entry in a short write one: on
        the office server a write holds the store's lock, and a recording takes a while."""
        with self._vault.read() as s:
            info = self._vault.attachments.export(s, sha256, out_path)
        try:
            with self._vault.session() as s:
                audit.record(s, "attachment.export", "attachments", sha256, {"to": str(out_path)})
        except BaseException:
            out_path.unlink(missing_ok=True)  # no export without its audit entry
            raise
        return info
