"""Fuzz target for the package reader: the framing parser and every strict parser behind it
(manifest, certificate frame, records), fed decrypted plaintext as age would deliver it; and
``check_sealed``, the age envelope (our header check, then pyrage) in front of them.

Run standalone with atheris (``pip install atheris``)::

    python tests/security/fuzz_package_reader.py -max_total_time=600 corpus/

The only acceptable outcomes are success or a coded ``PackageRejected``; any other exception
(KeyError, TypeError, RecursionError, MemoryError…) is a bug. ``check`` is also driven by a
bounded hypothesis test in CI (test_packages_fuzz.py). Signatures are not checked here: the
fuzzer explores what a holder of a device key could send.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import struct
import sys
import uuid
from typing import Any

from workbench.exchange.canonical import StrictJSONError, canonical_json
from workbench.exchange.enrolment.certs import parse_certificate_frame
from workbench.exchange.errors import PackageLimit, PackageRejected, UntrustedCertificate
from workbench.exchange.package.container import unseal
from workbench.exchange.package.framing import Limits, PackageParser
from workbench.exchange.package.manifest import RECORDS_MEDIA_TYPE, parse_manifest
from workbench.exchange.package.payload import RecordsReader

LIMITS = Limits(
    max_package_bytes=4 << 20,
    max_manifest_bytes=256 << 10,
    max_certificate_bytes=16 << 10,
    max_blobs=64,
    max_blob_bytes=1 << 20,
    max_records_bytes=1 << 20,
    max_records=1000,
)


class _Handler:
    def __init__(self) -> None:
        self.roles: list[str] = []
        self.records: RecordsReader | None = None

    def header(self, manifest: bytes, signature: bytes, certificate: bytes) -> list[int]:
        if certificate:
            try:
                parse_certificate_frame(certificate)
            except StrictJSONError as exc:
                raise UntrustedCertificate(str(exc)) from None
        m = parse_manifest(manifest)
        self.roles = [b.role for b in m.blobs]
        return [b.size for b in m.blobs]

    def blob_begin(self, index: int, size: int) -> None:
        if self.roles[index] == "records" and size > LIMITS.max_records_bytes:
            raise PackageLimit()
        self.records = RecordsReader(
            lambda _rec, _line: None, LIMITS.max_records, LIMITS.max_record_line
        )

    def blob_data(self, index: int, chunk: memoryview) -> None:
        if self.roles[index] == "records" and self.records is not None:
            self.records.feed(chunk)

    def blob_end(self, index: int) -> None:
        if self.roles[index] == "records" and self.records is not None:
            self.records.finish()


def check(data: bytes, piece: int = 977) -> None:
    """Feed ``data`` as decrypted plaintext; raise only what a bug would raise."""
    parser = PackageParser(_Handler(), LIMITS)
    try:
        for start in range(0, len(data), piece):
            parser.write(data[start : start + piece])
        parser.finish()
    except PackageRejected:
        pass


def check_sealed(data: bytes, identities: list[str]) -> None:
    """Open ``data`` as a sealed package; raise only what a bug would raise."""
    with contextlib.suppress(PackageRejected):
        unseal(io.BytesIO(data), identities, PackageParser(_Handler(), LIMITS))


def frame(manifest: bytes, signature: bytes, certificate: bytes, blobs: list[bytes]) -> bytes:
    out = [b"WBPKG\x00\r\n", struct.pack(">H", 1)]
    for part in (manifest, signature, certificate):
        out += [struct.pack(">I", len(part)), part]
    for blob in blobs:
        out += [struct.pack(">Q", len(blob)), blob]
    return b"".join(out)


def seed_manifest(records: bytes, **over: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "workbench-package",
        "format_version": 1,
        "kind": "team",
        "package_id": str(uuid.UUID(int=1)),
        "sender": {
            "device_id": str(uuid.UUID(int=2)),
            "store_id": str(uuid.UUID(int=3)),
            "user": "zu1",
            "display_name": "组员",
            "role": "field",
        },
        "device_seq": 1,
        "prev_hash": None,
        "created_at": "2026-03-01T10:00:00",
        "app_version": "0.1.0",
        "audit": None,
        "schema_version": "0004",
        "round_id": str(uuid.UUID(int=4)),
        "recipients": ["12345 67890 12345 67890 12345 67890"],
        "blobs": [
            {
                "id": "records",
                "role": "records",
                "size": len(records),
                "sha256": hashlib.sha256(records).hexdigest(),
                "media_type": RECORDS_MEDIA_TYPE,
                "name": "records.json",
            }
        ],
        "counts": {},
        "receipt": None,
        "device_users": [str(uuid.UUID(int=5))],
    }
    doc.update(over)
    return doc


def sample_records() -> list[dict[str, Any]]:
    """A finding and an interview with a transcript turn, in package form (transient rows)."""
    from datetime import date, datetime

    from workbench.exchange.records.recordio import serialize
    from workbench.models import Finding, Interview, InterviewTurn
    from workbench.vocab.enums import FindingStatus, InterviewType

    stamps: dict[str, Any] = {
        "round_id": str(uuid.UUID(int=4)),
        "team_id": None,
        "created_by": None,
        "created_at": datetime(2026, 3, 1, 9),
        "updated_by": None,
        "updated_at": datetime(2026, 3, 2, 9, 30, 0, 123456),
        "version": 2,
        "origin_device": None,
        "secrecy": "work_secret",
        "deleted_at": None,
        "deleted_by": None,
        "void_reason": "",
    }
    finding = Finding(
        id=str(uuid.UUID(int=5)),
        number="F-2026-0001",
        title="违规发放津贴补贴",
        compiled_on=date(2026, 3, 1),
        target_id=None,
        method_code="individual_talk",
        source_refs=[{"type": "interview", "id": str(uuid.UUID(int=6))}],
        summary="概述",
        discovery="",
        basis_ids=[],
        responsible=[{"name": "张三", "type": "direct"}],
        amount_fen=1_250_000,
        taxonomy_code="SGJJ-2020.2",
        disciplines=["integrity"],
        immediate_fix=False,
        status=FindingStatus.DRAFT,
        return_reason="",
        include_in_report=True,
        compiled_by=None,
        **stamps,
    )
    interview = Interview(
        id=str(uuid.UUID(int=6)),
        number="T-1",
        interview_type=InterviewType.REQUIRED,
        held_at=datetime(2026, 3, 1, 10),
        place="会议室",
        target_id=None,
        interviewers=["李四", "王五"],
        recorder="王五",
        subject_name="张三",
        subject_unit="",
        subject_position="",
        subject_political_status="",
        outline="",
        summary="",
        confirmed_on=None,
        confirmation_sha256=None,
        **stamps,
    )
    interview.turns.append(
        InterviewTurn(
            id=str(uuid.UUID(int=7)), interview_id=interview.id, seq=1, question="问", answer="答"
        )
    )
    return [serialize(finding).to_json(), serialize(interview).to_json()]


def seed(records: list[dict[str, Any]] | None = None) -> bytes:
    """A well-formed plaintext (unsigned: signatures are not what this target explores)."""
    records = records or []
    header = {"format": "workbench-records", "version": 2, "revocations": []}
    body = b"".join(canonical_json(doc) + b"\n" for doc in [header, *records])
    counts: dict[str, int] = {}
    for r in records:
        counts[r["type"]] = counts.get(r["type"], 0) + 1
    return frame(canonical_json(seed_manifest(body, counts=counts)), b"\x00" * 64, b"", [body])


def main() -> None:  # pragma: no cover - needs atheris
    try:
        import atheris
    except ImportError:
        sys.exit("atheris is not installed: pip install atheris (CI runs test_packages_fuzz.py)")

    atheris.instrument_all()  # the reader's modules are imported already: instrument them all

    def one_input(data: bytes) -> None:
        check(data)

    if len(sys.argv) > 1 and not sys.argv[-1].startswith("-"):  # a corpus folder: seed it
        from pathlib import Path

        corpus = Path(sys.argv[-1])
        corpus.mkdir(parents=True, exist_ok=True)
        (corpus / "seed-empty").write_bytes(seed())
        (corpus / "seed-records").write_bytes(seed(sample_records()))
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":  # pragma: no cover
    main()
