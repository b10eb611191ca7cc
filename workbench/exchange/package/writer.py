"""Make a package file: frame, sign, encrypt, and land it atomically.

The file is written to ``.<name>.part`` beside the target and fsynced; the caller records the
package in its ledger and only then calls ``land``. A crash before the ledger commit leaves a
stray ``.part`` file and no used sequence number; a crash after it leaves a gap the office sees
(and a team export, whose mark is raised only after ``land``, sends its records again).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench import __version__
from workbench.errors import DiskFull
from workbench.exchange.enrolment import keys
from workbench.exchange.package.container import seal
from workbench.exchange.package.framing import Chunk, iter_plaintext
from workbench.exchange.package.manifest import Manifest, package_hash
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.store import migrate
from workbench.store.fsutil import fsync_dir, is_disk_full, open_private

APP_VERSION = __version__
PROGRESS_EVERY = 8 << 20


@functools.lru_cache(maxsize=1)
def schema_version() -> str:
    """This program's schema revision (the Alembic head; read once, the scripts are fixed)."""
    return migrate.head_revision()


@dataclass(frozen=True)
class Written:
    part: Path
    target: Path
    package_hash: str
    size: int

    def land(self) -> None:
        os.replace(self.part, self.target)
        fsync_dir(self.target.parent)

    def abandon(self) -> None:
        with contextlib.suppress(OSError):
            self.part.unlink()


def _watched(
    chunks: Iterable[Chunk], total: int, progress: ProgressSink, cancel: CancelToken
) -> Iterator[Chunk]:
    done = reported = 0
    for chunk in chunks:
        yield chunk
        done += len(chunk)
        if done - reported >= PROGRESS_EVERY:
            reported = done
            cancel.raise_if_cancelled()
            progress(done, total, "")
    cancel.raise_if_cancelled()


def write_package(
    target: Path,
    manifest: Manifest,
    signing_secret: str,
    certificate: bytes,
    blobs: Sequence[Callable[[], Iterable[Chunk]]],
    recipients: Sequence[str],
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Written:
    """Blobs are callables giving the chunks of each blob in manifest order (a chunk may be a view
    that its source refills once the next chunk is asked for: it is encrypted before then).
    ``progress`` gets (plaintext bytes, their total); a cancel stops the write and removes the
    partial file."""
    manifest_bytes = manifest.to_bytes()
    signature = keys.sign(signing_secret, keys.SIG_MANIFEST, manifest_bytes)
    target = Path(target)
    part = target.with_name(f".{target.name}.part")
    sizes = [b.size for b in manifest.blobs]
    plaintext = _watched(
        iter_plaintext(
            manifest_bytes, signature, certificate, (source() for source in blobs), sizes
        ),
        len(manifest_bytes) + len(signature) + len(certificate) + sum(sizes),
        progress,
        cancel,
    )
    try:
        with open_private(part) as out:
            seal(plaintext, recipients, out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise
    return Written(part, target, package_hash(manifest_bytes), part.stat().st_size)
