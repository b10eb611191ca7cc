"""Forged and hostile packages on a real office store: signatures, certificates, revocation,
recipients, blob hashes and sizes, names, replays and the chain. Each refusal leaves the
store's content identical, adds exactly one audit entry and keeps the package aside."""

from __future__ import annotations

import gc
import hashlib
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.workbench.exchange_support import (
    World,
    WorldTemplate,
    add_finding,
    attachment_entry,
    audit_actions,
    audit_head,
    content_digest,
    forge,
    forge_team,
    manifest_doc,
    office_material,
    records_doc,
    world_in,
)
from workbench import exchange as ex
from workbench.errors import WorkbenchError
from workbench.exchange.canonical import canonical_json
from workbench.exchange.enrolment import keys
from workbench.exchange.enrolment.certs import Certificate, certificate_frame, sign_certificate
from workbench.exchange.errors import (
    BadManifest,
    BadSignature,
    BlobHashMismatch,
    BlobSizeMismatch,
    CertificateExpired,
    ChainBroken,
    PackageLimit,
    RevokedDevice,
    SequenceReused,
    TrailingData,
    Truncated,
    UnknownDevice,
    UntrustedCertificate,
    WrongKind,
    WrongRecipient,
)
from workbench.models import Attachment
from workbench.models.base import utcnow


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


@pytest.fixture(scope="module")
def shared(
    tmp_path_factory: pytest.TempPathFactory, exchange_world_template: WorldTemplate
) -> Iterator[World]:
    """For refusals only: each must leave the store as it was, so they can share one."""
    with world_in(exchange_world_template, tmp_path_factory.mktemp("trust")) as world:
        yield world


def refused(w: World, path: Path, expected: type[WorkbenchError], *, alert: bool = False) -> Any:
    before, seq = content_digest(w.office), audit_head(w.office)
    with pytest.raises(expected) as info:
        ex.import_package(w.office, path)
    assert content_digest(w.office) == before
    assert gc.get_freeze_count() == 0  # unfrozen on the way out (importer: the collector)
    assert audit_actions(w.office, seq) == ["package.reject", *(["package.alert"] if alert else [])]
    kept = Path(info.value.details["kept_at"])
    assert kept.parent.name == "rejected" and kept.read_bytes() == path.read_bytes()
    return info.value


def _team(w: World, name: str, **over: Any) -> tuple[Any, dict[str, Any], bytes]:
    dk = w.keys_of("a")
    records = records_doc([])
    doc = manifest_doc(dk, w.round_id, records)
    doc.update(over)
    return dk, doc, records


def _cert(w: World, *, signer: str | None = None, **over: Any) -> bytes:
    dk = w.keys_of("a")
    ok = office_material(w.office)
    assert dk.certificate is not None
    fields = {**dk.certificate.__dict__, **over}
    cert = Certificate(**fields)
    return certificate_frame(cert, sign_certificate(cert, signer or ok.signing_secret))


def test_bad_signature(shared: World) -> None:
    w = shared
    dk, doc, records = _team(w, "s")
    other_secret, _ = keys.new_signing_key()
    path = forge(
        w.dir / "s.wbp",
        doc,
        [records],
        signing_secret=other_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )
    refused(w, path, BadSignature)
    # signed, then altered: the manifest's bytes no longer match the signature
    path = forge(
        w.dir / "t.wbp",
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
        tamper=lambda p: p.replace(b'"device_seq":1', b'"device_seq":7'),
    )
    refused(w, path, BadSignature)


def test_certificate_from_another_office(shared: World) -> None:
    w = shared
    dk, doc, records = _team(w, "c")
    other_office, _ = keys.new_signing_key()
    path = forge(
        w.dir / "c.wbp",
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=_cert(w, signer=other_office),
        recipients=dk.office_recipients,
    )
    refused(w, path, UntrustedCertificate)


def test_unknown_device(shared: World) -> None:
    """A certificate this office signed, for a device it has no record of (e.g. a store
    restored from an old backup): refused until the device is enrolled here."""
    w = shared
    secret, public = keys.new_signing_key()
    stranger = str(uuid.uuid4())
    dk, doc, records = _team(w, "u")
    doc["sender"] = {**doc["sender"], "device_id": stranger}
    cert = _cert(w, device_id=stranger, signing_public=public)
    path = forge(
        w.dir / "u.wbp",
        doc,
        [records],
        signing_secret=secret,
        certificate=cert,
        recipients=dk.office_recipients,
    )
    refused(w, path, UnknownDevice)


def test_revoked_device(w: World) -> None:
    add_finding(w.a, w.round_id)
    ex.export_round(w.a, w.round_id, w.dir / "p.wbp")
    ex.revoke_device(w.office, w.template.device_a, "遗失")
    refused(w, w.dir / "p.wbp", RevokedDevice)


def test_expired_certificate(shared: World) -> None:
    w = shared
    dk, doc, records = _team(w, "e")
    now = utcnow().replace(microsecond=0)
    cert = _cert(w, not_before=now - timedelta(days=400), not_after=now - timedelta(days=1))
    path = forge(
        w.dir / "e.wbp",
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=cert,
        recipients=dk.office_recipients,
    )
    refused(w, path, CertificateExpired)


def test_recipient_in_the_manifest_is_not_this_office(shared: World) -> None:
    w = shared
    _secret, other = keys.new_age_identity()
    dk, doc, records = _team(w, "r", recipients=[keys.recipient_fingerprint(other)])
    path = forge(
        w.dir / "r.wbp",
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )
    refused(w, path, WrongRecipient)


def test_a_device_cannot_send_a_briefing(shared: World) -> None:
    w = shared
    dk, doc, records = _team(w, "k", kind="briefing", device_users=None)
    path = forge(
        w.dir / "k.wbp",
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )
    refused(w, path, WrongKind)


def _with_blob(
    w: World,
    name: str,
    data: bytes,
    entry: dict[str, Any],
    *,
    payload: bytes | None = None,
    sizes: list[int] | None = None,
    extra: bytes | None = None,
) -> Path:
    dk = w.keys_of("a")
    records = records_doc([])
    doc = manifest_doc(dk, w.round_id, records, [(entry, data)])
    payloads = [records, payload if payload is not None else data, *([extra] if extra else [])]
    return forge(
        w.dir / name,
        doc,
        payloads,
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
        sizes=sizes or [len(p) for p in payloads[:2]] + ([len(extra)] if extra else []),
    )


def test_blob_hash_not_as_declared(shared: World) -> None:
    w = shared
    data = b"evidence" * 100
    refused(
        w,
        _with_blob(w, "h.wbp", data, attachment_entry(data), payload=b"EVIDENCE" * 100),
        BlobHashMismatch,
    )


def test_blob_size_not_as_declared(shared: World) -> None:
    w = shared
    data = b"evidence" * 100
    # the frame says one length, the signed manifest another
    refused(
        w,
        _with_blob(
            w,
            "z.wbp",
            data,
            attachment_entry(data),
            payload=data + b"!",
            sizes=[len(records_doc([])), len(data) + 1],
        ),
        BlobSizeMismatch,
    )


def test_declared_size_lies(shared: World) -> None:
    w = shared
    data = b"evidence" * 100
    # manifest and frame both claim more than is there: the stream ends early
    entry = attachment_entry(data, size=len(data) + 10)
    refused(
        w,
        _with_blob(w, "l.wbp", data, entry, sizes=[len(records_doc([])), len(data) + 10]),
        Truncated,
    )
    # a claimed size beyond the limit is refused before any of it is read
    huge = attachment_entry(data, size=1 << 40)
    refused(
        w, _with_blob(w, "g.wbp", data, huge, sizes=[len(records_doc([])), 1 << 40]), PackageLimit
    )


def test_extra_blob(shared: World) -> None:
    w = shared
    data = b"evidence"
    refused(
        w, _with_blob(w, "x.wbp", data, attachment_entry(data), extra=b"smuggled"), TrailingData
    )


def test_manifest_and_blob_limits_are_enforced_while_streaming(shared: World) -> None:
    w = shared
    limits = ex.Limits(max_manifest_bytes=600, max_blobs=1)
    dk, doc, records = _team(w, "big")
    doc["app_version"] = "x" * 32
    path = forge(
        w.dir / "big.wbp",
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )
    before = content_digest(w.office)
    with pytest.raises(PackageLimit):
        ex.import_package(w.office, path, limits=limits)
    data = b"a"
    two = _with_blob(w, "two.wbp", data, attachment_entry(data))
    with pytest.raises(PackageLimit):
        ex.import_package(w.office, two, limits=ex.Limits(max_blobs=1))
    with pytest.raises(PackageLimit):
        ex.import_package(w.office, two, limits=ex.Limits(max_package_bytes=100))
    assert content_digest(w.office) == before


@pytest.mark.parametrize(
    "name",
    ["../x", "/etc/x", "C:\\x", "\\\\srv\\x", "CON", "..", "x/../../y", "é.pdf", "e\u0301.pdf"],
)
def test_names_are_display_metadata_only(w: World, name: str) -> None:
    data = f"content of {name}".encode()
    path = _with_blob(w, "n.wbp", data, attachment_entry(data, name=name))
    root = w.dir.parent
    assert w.office  # opened first: its -wal/-shm files are not new
    before = set(root.rglob("*"))
    ex.import_package(w.office, path)
    with w.office.read() as s:
        row = s.get(Attachment, hashlib.sha256(data).hexdigest())
    assert row is not None and row.name == name  # verbatim, never normalised or used as a path
    hexdigits = set("0123456789abcdef")
    for new in set(root.rglob("*")) - before:  # the blob (fan-out folder, keyed name), folders
        if new.is_dir() and new.name in ("staging", "exchange"):
            continue
        rel = new.relative_to(w.office.layout.blobs)
        assert all(set(part) <= hexdigits for part in rel.parts), rel


def test_nfc_and_nfd_names_do_not_collide(w: World) -> None:
    one, two = b"first", b"second"
    dk = w.keys_of("a")
    records = records_doc([])
    entries = [
        (attachment_entry(one, name="é.pdf"), one),
        (attachment_entry(two, name="e\u0301.pdf"), two),
    ]
    doc = manifest_doc(dk, w.round_id, records, entries)
    path = forge(
        w.dir / "nfd.wbp",
        doc,
        [records, one, two],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )
    ex.import_package(w.office, path)
    with w.office.read() as s:
        names = {a.name for a in s.scalars(select(Attachment))}
    assert {"é.pdf", "e\u0301.pdf"} <= names


@pytest.mark.parametrize("name", ["a\x00b.pdf", "line\nbreak.pdf", "", "   "])
def test_names_with_control_characters_are_refused(shared: World, name: str) -> None:
    w = shared
    data = b"x"
    refused(w, _with_blob(w, "c.wbp", data, attachment_entry(data, name=name)), BadManifest)


def test_the_same_package_twice_is_a_no_op(w: World) -> None:
    add_finding(w.a, w.round_id)
    ex.export_round(w.a, w.round_id, w.dir / "p.wbp")
    first = ex.import_package(w.office, w.dir / "p.wbp")
    assert first.status == "imported"
    before, seq = content_digest(w.office), audit_head(w.office)
    stages: list[str] = []
    again = ex.import_package(w.office, w.dir / "p.wbp", on_stage=stages.append)
    assert again.status == "already_imported"
    assert (content_digest(w.office), audit_head(w.office)) == (before, seq)
    assert stages == []  # known from the header where it lies: nothing copied to staging
    assert (again.package_id, again.counts) == (first.package_id, first.counts)


def test_same_seq_different_package_is_refused_and_alerted(w: World) -> None:
    add_finding(w.a, w.round_id)
    ex.export_round(w.a, w.round_id, w.dir / "p.wbp")
    ex.import_package(w.office, w.dir / "p.wbp")
    dk, doc, records = _team(w, "dup")  # device_seq 1 again, another package id
    path = forge(
        w.dir / "dup.wbp",
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )
    error = refused(w, path, SequenceReused, alert=True)
    assert error.details["device_seq"] == 1


def test_a_broken_chain_is_refused(w: World) -> None:
    add_finding(w.a, w.round_id)
    ex.export_round(w.a, w.round_id, w.dir / "p.wbp")
    ex.import_package(w.office, w.dir / "p.wbp")
    dk, doc, records = _team(w, "fork", device_seq=2, prev_hash="ab" * 32)
    path = forge(
        w.dir / "fork.wbp",
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )
    error = refused(w, path, ChainBroken, alert=True)  # the held package 1 is flagged
    assert error.details["other_seq"] == 1 and "第 1 号" in error.message


def test_counts_must_match_the_records(shared: World) -> None:
    w = shared
    finding = add_finding(w.a, w.round_id)
    from tests.workbench.exchange_support import finding_record

    rec = finding_record(w, w.a, finding)
    refused(w, forge_team(w, w.dir / "n.wbp", [rec], counts={"findings": 2}), BadManifest)


def test_manifest_canonical_bytes_are_what_is_signed(w: World) -> None:
    """Whitespace or key order changed after signing is a different manifest."""
    dk, doc, records = _team(w, "ws")
    pretty = canonical_json(doc).replace(b",", b", ")
    signature_over = canonical_json(doc)
    path = forge(
        w.dir / "ws.wbp",
        pretty,
        [records],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
        tamper=lambda p: p,
    )
    assert signature_over != pretty
    # signed as sent (pretty) the package is fine: what matters is the exact bytes signed
    assert ex.import_package(w.office, path).status == "imported"
