"""Read a package end to end without writing to the store: decrypt, check the header frames,
check every blob's size and hash while it streams, then validate every record.

Attachments not yet in the store wait in encrypted spool files; the records blob and taxonomy
documents are small enough (bounded by ``Limits``) to be held in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from workbench.exchange.container import unseal
from workbench.exchange.errors import (
    BadManifest,
    BlobHashMismatch,
    MissingAttachment,
    OutOfRound,
    PackageLimit,
)
from workbench.exchange.framing import Limits, PackageParser
from workbench.exchange.ledger import LedgerVerdict
from workbench.exchange.manifest import (
    RECORDS_MEDIA_TYPE,
    TAXONOMY_MEDIA_TYPE,
    BlobEntry,
    Manifest,
)
from workbench.exchange.payload import RecordsDoc, parse_records
from workbench.exchange.spool import Spool
from workbench.exchange.trust import Checked


class Trust(Protocol):
    identities: list[str]

    def check(self, manifest_bytes: bytes, signature: bytes, certificate: bytes) -> Checked: ...


@dataclass
class BlobResult:
    entry: BlobEntry
    spool: Spool | None = None  # an attachment to add to the store
    data: bytes | None = None  # the records blob or a taxonomy document


@dataclass
class ReadPackage:
    checked: Checked
    verdict: LedgerVerdict
    records: RecordsDoc | None = None
    blobs: list[BlobResult] = field(default_factory=list)

    @property
    def manifest(self) -> Manifest:
        return self.checked.manifest

    def discard(self) -> None:
        for blob in self.blobs:
            if blob.spool is not None:
                blob.spool.discard()


class _Duplicate(Exception):
    """Stops decryption early: the ledger already holds this very package."""


_PLAN = {"team": "attachment", "briefing": "taxonomy"}


class _Handler:
    def __init__(
        self,
        trust: Trust,
        ledger_check: Callable[[Manifest, str], LedgerVerdict],
        has_blob: Callable[[str], bool],
        spool_dir: Path | None,
        limits: Limits,
        attachment_limit: int,
    ) -> None:
        self.trust, self.ledger_check, self.has_blob = trust, ledger_check, has_blob
        self.spool_dir, self.limits, self.attachment_limit = spool_dir, limits, attachment_limit
        self.result: ReadPackage | None = None
        self._hash = hashlib.sha256()
        self._buffer = bytearray()

    def header(self, manifest: bytes, signature: bytes, certificate: bytes) -> list[int]:
        checked = self.trust.check(manifest, signature, certificate)
        verdict = self.ledger_check(checked.manifest, checked.package_hash)
        self.result = ReadPackage(checked, verdict)
        if verdict.duplicate:
            raise _Duplicate()
        m = checked.manifest
        blobs = m.blobs
        if m.kind == "receipt":
            if blobs:
                raise BadManifest("回执不应包含文件")
            return []
        if not blobs or blobs[0].role != "records" or blobs[0].media_type != RECORDS_MEDIA_TYPE:
            raise BadManifest("第一个文件应为记录文件")
        for entry in blobs[1:]:
            if entry.role != _PLAN[m.kind]:
                raise BadManifest(f"此类数据包不能包含“{entry.role}”文件")
            if entry.role == "taxonomy" and entry.media_type != TAXONOMY_MEDIA_TYPE:
                raise BadManifest("分类数据文件的类型不正确")
        if m.round_id is None:
            raise BadManifest("数据包清单缺少巡察轮次")
        return [b.size for b in blobs]

    def blob_begin(self, index: int, size: int) -> None:
        assert self.result is not None
        entry = self.result.manifest.blobs[index]
        bound = {
            "records": self.limits.max_records_bytes,
            "taxonomy": self.limits.max_taxonomy_bytes,
            "attachment": self.attachment_limit,
        }[entry.role]
        if size > bound:
            raise PackageLimit(f"数据包中的文件“{entry.name}”超过大小上限 {bound} 字节")
        blob = BlobResult(entry)
        # An attachment the store holds already is only hashed; a new one waits in a spool.
        keep = entry.role == "attachment" and self.spool_dir is not None
        if keep and self.spool_dir is not None and not self.has_blob(entry.sha256):
            blob.spool = Spool(self.spool_dir)
        self.result.blobs.append(blob)
        self._hash = hashlib.sha256()
        self._buffer = bytearray()

    def blob_data(self, index: int, chunk: memoryview) -> None:
        assert self.result is not None
        blob = self.result.blobs[index]
        self._hash.update(chunk)
        if blob.spool is not None:
            blob.spool.write(chunk)
        elif blob.entry.role != "attachment":
            self._buffer += chunk

    def blob_end(self, index: int) -> None:
        assert self.result is not None
        blob = self.result.blobs[index]
        if self._hash.hexdigest() != blob.entry.sha256:
            raise BlobHashMismatch(f"文件“{blob.entry.name}”的校验值与清单不符")
        if blob.spool is not None:
            blob.spool.close()
        elif blob.entry.role != "attachment":
            blob.data = bytes(self._buffer)
            self._buffer = bytearray()


def read_package(
    path: Path,
    trust: Trust,
    *,
    ledger_check: Callable[[Manifest, str], LedgerVerdict],
    has_blob: Callable[[str], bool],
    spool_dir: Path | None,
    limits: Limits,
    attachment_limit: int,
    on_stage: Callable[[str], None] = lambda _stage: None,
) -> ReadPackage:
    """Everything short of writing. On any failure spools are removed and the error raised."""
    handler = _Handler(trust, ledger_check, has_blob, spool_dir, limits, attachment_limit)
    try:
        with open(path, "rb") as src:
            try:
                unseal(src, trust.identities, PackageParser(handler, limits))
            except _Duplicate:
                assert handler.result is not None
                return handler.result
        result = handler.result
        assert result is not None
        on_stage("decrypted")
        _validate(result, has_blob, limits)
        on_stage("validated")
        return result
    except BaseException:
        if handler.result is not None:
            handler.result.discard()
        raise


def _validate(result: ReadPackage, has_blob: Callable[[str], bool], limits: Limits) -> None:
    m = result.manifest
    if m.kind == "receipt":
        if m.counts:
            raise BadManifest("回执不应包含记录")
        return
    records_blob = result.blobs[0].data
    assert records_blob is not None
    doc = parse_records(records_blob, max_records=limits.max_records)
    result.records = doc
    if doc.counts() != m.counts:
        raise BadManifest("清单中的记录数与实际不符")
    for rec in doc.records:
        owner = rec.id if rec.type == "rounds" else rec.fields.get("round_id")
        if owner != m.round_id:
            raise OutOfRound(f"记录 {rec.type}/{rec.id} 不属于本轮巡察", record_id=rec.id)
    if m.kind == "team":
        if doc.revocations:
            raise BadManifest("巡察组数据包不应包含吊销名单")
        carried = {b.entry.sha256 for b in result.blobs[1:]}
        for rec in doc.records:
            missing = [s for s in rec.attachment_refs() if s not in carried and not has_blob(s)]
            if missing:
                raise MissingAttachment(
                    f"记录 {rec.type}/{rec.id} 引用的附件 {missing[0][:12]}… 不在数据包中",
                    sha256=missing[0],
                )
