"""Two desktops on one office store, and an upload that can be held, cancelled or killed
mid-way: the fixtures of test_pg_long_writes.py (tests/pg/conftest.py is shared)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg.stores import DISPLAY, ROLES, USER
from workbench.errors import Cancelled
from workbench.jobs import CancelToken
from workbench.models import AuditEntry
from workbench.models.system import Attachment
from workbench.store import audit
from workbench.store.office import OfficeVault, make_connection
from workbench.store.server_attachments import PIECE, chunks
from workbench.store.vault import Vault

WAIT_S = 300.0  # an event that never comes fails the test; a loaded machine is slow, not stuck
FILE_PIECES = 8  # the recording: a few rows' worth, enough to stop between them
UPLOAD = "_upload"  # the function that sends the rows: its checks are the ones held here


@dataclass
class Office:
    url: str
    a: OfficeVault  # desktop A
    b: OfficeVault  # desktop B, a colleague's
    recording: Path  # a real file on desktop A's disk


def two_desktops(pg_url: str, tmp_path: Path) -> Iterator[Office]:
    """The office store at ``pg_url`` made from desktop A, desktop B linked to it."""
    a, _ = OfficeVault.create_on_server(
        tmp_path / "a",
        make_connection(pg_url),
        user_name=USER,
        passphrase=PASSPHRASE,
        display_name=DISPLAY,
        roles=ROLES,
        kdf=TEST_KDF,
    )
    b = OfficeVault.connect(tmp_path / "b", a.connection, USER, PASSPHRASE, kdf=TEST_KDF)
    recording = tmp_path / "谈话录音.m4a"
    recording.write_bytes(os.urandom(FILE_PIECES * PIECE + 12_345))
    with a, b:
        yield Office(pg_url, a, b, recording)


def _in_upload() -> bool:
    """Called from a cancel check: whether that check is the upload's, between two rows."""
    return sys._getframe(2).f_code.co_name == UPLOAD


class HeldUpload(CancelToken):
    """A cancel token the upload checks before each row: at row ``at`` it says so (``reached``)
    and waits for ``go``; with ``cancel_there`` it cancels instead."""

    def __init__(self, at: int = 3, *, cancel_there: bool = False) -> None:
        super().__init__()
        self.at = at
        self.rows = 0
        self.cancel_there = cancel_there
        self.reached = threading.Event()
        self.go = threading.Event()

    def raise_if_cancelled(self) -> None:
        if _in_upload():
            self.rows += 1
            if self.rows == self.at:
                self.reached.set()
                if self.cancel_there:
                    raise Cancelled()
                assert self.go.wait(WAIT_S), "the test never let the upload go on"
        super().raise_if_cancelled()


# A desktop that adds the recording and is killed (SIGKILL: a power cut) before row ``at``.
KILLED_UPLOAD = """
import os, signal, sys
from pathlib import Path
import workbench.services  # the search-index hook, as the desktop has it
from workbench.jobs import CancelToken
from workbench.store.vault import Vault
from workbench.workspace import Workspace

desk, user, passphrase, recording, at = sys.argv[1:]

class KillThere(CancelToken):
    rows = 0

    def raise_if_cancelled(self):
        if sys._getframe(1).f_code.co_name == "_upload":
            self.rows += 1
            if self.rows == int(at):
                os.kill(os.getpid(), signal.SIGKILL)

workspace = Workspace(Vault.open(Path(desk), user, passphrase))
with open(recording, "rb") as source:
    workspace.add_attachment(source, name="录音.m4a", media_type="audio/mp4", cancel=KillThere())
"""


def attachment_traces(vault: Vault) -> tuple[int, int, int]:
    """(attachment rows, their rows of blob, audit entries about attachments), the chain
    verified on the way."""
    with vault.read() as s:
        audit.verify_chain(s)
        entries = select(func.count()).where(AuditEntry.object_type == "attachments")
        return (
            s.scalar(select(func.count()).select_from(Attachment)) or 0,
            s.scalar(select(func.count()).select_from(chunks)) or 0,
            s.scalar(entries) or 0,
        )
