"""Read a package in one streaming pass: decrypt, check the header frames, then each blob as it
arrives — the records blob line by line (every record validated, then handed to a sink), each
attachment hashed and, when the store lacks it, encrypted straight into an attachment staging file.

Nothing is held whole: memory is a chunk, a line and the sink's batch, whatever the package size.
A sink that writes does so inside its caller's transaction, which any later failure (a blob's hash,
a count, a missing attachment) rolls back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from workbench.exchange.errors import (
    BadManifest,
    BlobHashMismatch,
    MissingAttachment,
    OutOfRound,
    PackageLimit,
)
from workbench.exchange.intake.ledger import LedgerVerdict
from workbench.exchange.intake.trust import Checked
from workbench.exchange.package.age_header import read_age_header
from workbench.exchange.package.container import unseal
from workbench.exchange.package.framing import Limits, PackageParser
from workbench.exchange.package.manifest import (
    DATALIST_MEDIA_TYPE,
    RECORDS_MEDIA_TYPE,
    TAXONOMY_MEDIA_TYPE,
    BlobEntry,
    Manifest,
)
from workbench.exchange.package.payload import RecordsReader, Revocation
from workbench.exchange.records.recordio import PackageRecord
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.store.attachments import IncomingBlob

PROGRESS_EVERY = 8 << 20  # plaintext bytes between progress reports and cancel checks


class Trust(Protocol):
    identities: list[str]

    def check(self, manifest_bytes: bytes, signature: bytes, certificate: bytes) -> Checked: ...


class ListFeed(Protocol):
    """A briefing's 碰撞比对 list, fed as it is decrypted; ``finish`` once its hash is checked."""

    def feed(self, chunk: memoryview) -> None: ...

    def finish(self) -> None: ...


class RecordSink(Protocol):
    """Where validated records go: written into a transaction, or only counted.
    ``done`` follows the last record; ``abort`` (after ``done``, or on a failure) drops what the
    sink holds unwritten. ``list_feed`` takes a briefing's list, or None: it is only hashed."""

    def add(self, rec: PackageRecord, line: bytes) -> None: ...

    def done(self) -> None: ...

    def abort(self) -> None: ...

    def list_feed(self, manifest: Manifest) -> ListFeed | None: ...


class Incoming(Protocol):
    def begin_incoming(self, size: int) -> IncomingBlob: ...


class InlineSink:
    """A sink that holds nothing back: ``done`` and ``abort`` have nothing to do."""

    def add(self, rec: PackageRecord, line: bytes) -> None:
        return None

    def done(self) -> None:
        return None

    def abort(self) -> None:
        return None

    def list_feed(self, manifest: Manifest) -> ListFeed | None:
        return None


MERGE_BATCH = 1000  # records a sink applies at once: memory holds a batch, whatever the package


class BatchSink(InlineSink):
    """Hands ``apply`` the records a batch at a time; ``abort`` drops a batch not yet applied
    (what was applied is the caller's transaction to roll back)."""

    def __init__(self) -> None:
        self._batch: list[PackageRecord] = []

    def add(self, rec: PackageRecord, line: bytes) -> None:
        self._batch.append(rec)  # its line is ``rec.line``: the reader checked they are equal
        if len(self._batch) >= MERGE_BATCH:
            self._flush()

    def done(self) -> None:
        self._flush()

    def _flush(self) -> None:
        batch, self._batch = self._batch, []
        if batch:
            self.apply(batch)

    def abort(self) -> None:
        self._batch = []

    def apply(self, batch: list[PackageRecord]) -> None:
        raise NotImplementedError


class CountingSink(InlineSink):
    """Validation only (``verify``): the reader checks everything; nothing is kept."""


@dataclass
class BlobResult:
    entry: BlobEntry
    incoming: IncomingBlob | None = None  # an attachment to land in the store
    data: bytes | None = None  # a taxonomy document


@dataclass
class ReadPackage:
    checked: Checked
    verdict: LedgerVerdict
    blobs: list[BlobResult] = field(default_factory=list)
    revocations: tuple[Revocation, ...] = ()
    sink: RecordSink | None = None

    @property
    def manifest(self) -> Manifest:
        return self.checked.manifest

    def discard(self) -> None:
        """Remove staging files of attachments that were not landed."""
        for blob in self.blobs:
            if blob.incoming is not None:
                blob.incoming.discard()


class _Duplicate(Exception):
    """Stops decryption early: the ledger already holds this very package."""


# what may follow the records: a team sends attachments, never a list; the office its taxonomy
_PLAN = {"team": ("attachment",), "briefing": ("taxonomy", "datalist")}
_MEDIA = {"taxonomy": TAXONOMY_MEDIA_TYPE, "datalist": DATALIST_MEDIA_TYPE}


@dataclass
class ReadContext:
    """What the reader needs from the store."""

    trust: Trust
    ledger_check: Callable[[Manifest, str], LedgerVerdict]
    has_blob: Callable[[str], bool]
    sink_for: Callable[[Manifest], RecordSink]
    incoming: Incoming | None  # None: attachments are only hashed (verify)
    limits: Limits
    attachment_limit: int
    progress: ProgressSink = no_progress
    cancel: CancelToken = NEVER_CANCELLED
    total_bytes: int | None = None


class _Handler:
    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.result: ReadPackage | None = None
        self._hash = hashlib.sha256()
        self._buffer = bytearray()
        self._records: RecordsReader | None = None
        self._list: ListFeed | None = None
        self._carried: set[str] = set()
        self._known: dict[str, bool] = {}
        self._bytes = 0
        self._reported = 0

    # -- frames -------------------------------------------------------------------------------

    def header(self, manifest: bytes, signature: bytes, certificate: bytes) -> list[int]:
        checked = self.ctx.trust.check(manifest, signature, certificate)
        verdict = self.ctx.ledger_check(checked.manifest, checked.package_hash)
        self.result = ReadPackage(checked, verdict)
        if verdict.duplicate:
            raise _Duplicate()
        m = checked.manifest
        blobs = m.blobs
        if m.kind == "receipt":
            if blobs or m.counts:
                raise BadManifest("回执不应包含文件或记录")
            return []
        if not blobs or blobs[0].role != "records" or blobs[0].media_type != RECORDS_MEDIA_TYPE:
            raise BadManifest("第一个文件应为记录文件")
        for entry in blobs[1:]:
            if entry.role not in _PLAN[m.kind]:
                raise BadManifest(f"此类数据包不能包含“{entry.role}”文件")
            if entry.media_type != _MEDIA.get(entry.role, entry.media_type):
                raise BadManifest(f"文件“{entry.name}”的类型不正确")
        if m.round_id is None:
            raise BadManifest("数据包清单缺少巡察轮次")
        self._carried = {b.sha256 for b in blobs[1:]}
        self.result.sink = self.ctx.sink_for(m)
        return [b.size for b in blobs]

    def blob_begin(self, index: int, size: int) -> None:
        assert self.result is not None
        entry = self.result.manifest.blobs[index]
        bound = {
            "records": self.ctx.limits.max_records_bytes,
            "taxonomy": self.ctx.limits.max_taxonomy_bytes,
            "attachment": self.ctx.attachment_limit,
            "datalist": self.ctx.limits.max_blob_bytes,
        }[entry.role]
        if size > bound:
            raise PackageLimit(f"数据包中的文件“{entry.name}”超过大小上限 {bound} 字节")
        blob = BlobResult(entry)
        self.result.blobs.append(blob)
        self._hash = hashlib.sha256()
        self._buffer = bytearray()
        if entry.role == "records":
            limits = self.ctx.limits
            self._records = RecordsReader(self._record, limits.max_records, limits.max_record_line)
        elif entry.role == "datalist":
            assert self.result.sink is not None
            self._list = self.result.sink.list_feed(self.result.manifest)
        elif (
            entry.role == "attachment"
            and self.ctx.incoming is not None
            and not self._has(entry.sha256)
        ):
            blob.incoming = self.ctx.incoming.begin_incoming(size)

    def blob_data(self, index: int, chunk: memoryview) -> None:
        assert self.result is not None
        blob = self.result.blobs[index]
        if blob.incoming is not None:
            blob.incoming.write(chunk)  # hashes as it encrypts
        else:
            self._hash.update(chunk)
            if self._records is not None:
                self._records.feed(chunk)
            elif blob.entry.role == "taxonomy":
                self._buffer += chunk
            elif self._list is not None:
                self._list.feed(chunk)
        self._bytes += len(chunk)
        if self._bytes - self._reported >= PROGRESS_EVERY:
            self._reported = self._bytes
            self.ctx.cancel.raise_if_cancelled()
            self.ctx.progress(self._bytes, self.ctx.total_bytes, "")

    def blob_end(self, index: int) -> None:
        assert self.result is not None
        blob = self.result.blobs[index]
        digest = blob.incoming.finish() if blob.incoming is not None else self._hash.hexdigest()
        if digest != blob.entry.sha256:
            raise BlobHashMismatch(f"文件“{blob.entry.name}”的校验值与清单不符")
        if self._records is not None:
            self._records_done(self._records)
            self._records = None
        elif blob.entry.role == "taxonomy":
            blob.data = bytes(self._buffer)
            self._buffer = bytearray()
        elif self._list is not None:
            self._list.finish()
            self._list = None

    # -- records ------------------------------------------------------------------------------

    def _record(self, rec: PackageRecord, line: bytes) -> None:
        assert self.result is not None and self.result.sink is not None
        m = self.result.manifest
        owner = rec.id if rec.type == "rounds" else rec.fields.get("round_id")
        if owner != m.round_id:
            raise OutOfRound(f"记录 {rec.type}/{rec.id} 不属于本轮巡察", record_id=rec.id)
        if self._records is not None and self._records.counts[rec.type] > m.counts.get(rec.type, 0):
            raise BadManifest("清单中的记录数与实际不符")
        if m.kind == "team":
            for sha in rec.attachment_refs():
                if sha not in self._carried and not self._has(sha):
                    raise MissingAttachment(
                        f"记录 {rec.type}/{rec.id} 引用的附件 {sha[:12]}… 不在数据包中",
                        sha256=sha,
                    )
        self.result.sink.add(rec, line)

    def _records_done(self, reader: RecordsReader) -> None:
        assert self.result is not None and self.result.sink is not None
        reader.finish()
        m = self.result.manifest
        if dict(reader.counts) != m.counts:
            raise BadManifest("清单中的记录数与实际不符")
        if m.kind == "team" and reader.revocations:
            raise BadManifest("巡察组数据包不应包含吊销名单")
        self.result.revocations = reader.revocations
        self.result.sink.done()

    def _has(self, sha: str) -> bool:
        known = self._known.get(sha)
        if known is None:
            known = self._known[sha] = self.ctx.has_blob(sha)
        return known


def check_envelope(path: Path) -> None:
    """Refuse a file whose age header is malformed or over its caps, reading only the header
    (the importer does this before it opens its write transaction)."""
    with open(path, "rb") as source:
        read_age_header(source)


def read_package(
    path: Path, ctx: ReadContext, on_stage: Callable[[str], None] = lambda _stage: None
) -> ReadPackage:
    """Everything but the final writes. On any failure staged blobs are removed and the error
    raised (a writing sink's transaction is its caller's to roll back)."""
    handler = _Handler(ctx)
    try:
        with open(path, "rb") as src:
            try:
                unseal(src, ctx.trust.identities, PackageParser(handler, ctx.limits))
            except _Duplicate:
                assert handler.result is not None
                return handler.result
        result = handler.result
        assert result is not None
        on_stage("decrypted")
        return result
    except BaseException:
        if handler.result is not None:
            handler.result.discard()
        raise
