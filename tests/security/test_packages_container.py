"""The envelope and the framing: round trips at age chunk boundaries with one and two
recipients, wrong magic and version, every header byte flipped, truncation, trailing garbage,
the wrong office key. Every refusal leaves the office store's content exactly as it was."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.exchange_support import (
    World,
    WorldTemplate,
    attachment_entry,
    audit_actions,
    audit_head,
    content_digest,
    forge,
    manifest_doc,
    records_doc,
    world_in,
)
from workbench import exchange as ex
from workbench.errors import WorkbenchError
from workbench.exchange.canonical import canonical_json
from workbench.exchange.enrolment import keys
from workbench.exchange.errors import (
    BadMagic,
    NotAPackage,
    NotForUs,
    PackageDamaged,
    PackageRejected,
    TrailingData,
    Truncated,
    UnsupportedVersion,
)
from workbench.exchange.package.container import seal, unseal
from workbench.exchange.package.framing import Limits, PackageParser, iter_plaintext
from workbench.models import Attachment

AGE_CHUNK = 64 << 10
AGE_SEALED_CHUNK = AGE_CHUNK + 16


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _age_header_len(data: bytes) -> int:
    end = data.index(b"\n---")
    return data.index(b"\n", end + 1) + 1


def _plaintext_len(manifest: bytes, cert: bytes, sizes: list[int]) -> int:
    return 10 + 4 + len(manifest) + 4 + 64 + 4 + len(cert) + sum(8 + n for n in sizes)


def _package_of_plaintext_size(
    w: World, out: Path, total: int, recipients: list[str], seq: int, prev: str | None
) -> tuple[bytes, str]:
    """A genuine team package whose framed plaintext is exactly ``total`` bytes long; returns
    the attachment and the package hash (for the next package's chain link)."""
    dk = w.keys_of("a")
    records = records_doc([])
    size = max(0, total - 2000)
    for _ in range(10):  # the size's digits sit in the manifest: settle on a fixed point
        blob = (b"0123456789abcdef" * (size // 16 + 1))[:size]
        entry = attachment_entry(blob, name="录音.m4a")
        doc = manifest_doc(dk, w.round_id, records, [(entry, blob)])
        doc["recipients"] = [keys.recipient_fingerprint(r) for r in recipients]
        doc["device_seq"], doc["prev_hash"] = seq, prev
        m = canonical_json(doc)
        actual = _plaintext_len(m, dk.certificate_frame, [len(records), size])
        if actual == total:
            forge(
                out,
                doc,
                [records, blob],
                signing_secret=dk.signing_secret,
                certificate=dk.certificate_frame,
                recipients=recipients,
            )
            return blob, hashlib.sha256(m).hexdigest()
        size += total - actual
    raise AssertionError("no fixed point")


@pytest.mark.parametrize("two_recipients", [False, True])
def test_round_trips_across_age_chunk_boundaries(w: World, two_recipients: bool) -> None:
    dk = w.keys_of("a")
    recipients = dk.office_recipients if two_recipients else dk.office_recipients[:1]
    prev: str | None = None
    sizes = (AGE_CHUNK - 1, 2 * AGE_CHUNK - 1, 2 * AGE_CHUNK, 2 * AGE_CHUNK + 1, 5 * AGE_CHUNK + 7)
    for seq, total in enumerate(sizes, 1):
        out = w.dir / f"p{total}.wbp"
        blob, prev = _package_of_plaintext_size(w, out, total, recipients, seq, prev)
        result = ex.import_package(w.office, out)
        assert result.status == "imported", total
        with w.office.read() as s:
            sha = hashlib.sha256(blob).hexdigest()
            assert s.get(Attachment, sha) is not None
            assert b"".join(w.office.attachments.iter_content(sha)) == blob
    if two_recipients:  # the escrow holder can open the same file
        _check_frames(out, [w.template.escrow_secret])


def _check_frames(path: Path, identities: list[str]) -> list[bytes]:
    seen: list[bytes] = []

    class Collect:
        def header(self, manifest: bytes, signature: bytes, certificate: bytes) -> list[int]:
            import json

            return [b["size"] for b in json.loads(manifest)["blobs"]]

        def blob_begin(self, index: int, size: int) -> None:
            seen.append(b"")

        def blob_data(self, index: int, chunk: memoryview) -> None:
            seen[index] += bytes(chunk)

        def blob_end(self, index: int) -> None:
            pass

    with open(path, "rb") as f:
        unseal(f, identities, PackageParser(Collect(), Limits()))
    return seen


@pytest.mark.parametrize(
    "sizes",
    [[], [0], [1], [AGE_CHUNK - 1], [AGE_CHUNK], [AGE_CHUNK + 1], [3 * AGE_CHUNK, 5, 0, 70_000]],
)
def test_framing_round_trips_any_blob_sizes(tmp_path: Path, sizes: list[int]) -> None:
    ident_secret, recipient = keys.new_age_identity()
    escrow_secret, escrow = keys.new_age_identity()
    blobs = [os.urandom(n) for n in sizes]
    manifest = canonical_json({"blobs": [{"size": n} for n in sizes]})
    plain = iter_plaintext(manifest, b"s" * 64, b"", [[b] for b in blobs], sizes)
    out = tmp_path / "p.wbp"
    with open(out, "wb") as f:
        seal(plain, [recipient, escrow], f)
    assert _check_frames(out, [ident_secret]) == blobs
    assert _check_frames(out, [escrow_secret]) == blobs


def _refused(w: World, path: Path, expected: type[WorkbenchError]) -> WorkbenchError:
    before, seq = content_digest(w.office), audit_head(w.office)
    with pytest.raises(expected) as info:
        ex.import_package(w.office, path)
    assert content_digest(w.office) == before
    assert audit_actions(w.office, seq) == ["package.reject"]
    return info.value


def _genuine(w: World, name: str = "p.wbp", attachment: bytes | None = None) -> Path:
    dk = w.keys_of("a")
    records = records_doc([])
    blobs = [(attachment_entry(attachment), attachment)] if attachment is not None else []
    doc = manifest_doc(dk, w.round_id, records, blobs)
    return forge(
        w.dir / name,
        doc,
        [records, *(d for _e, d in blobs)],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )


def _forged(w: World, name: str, tamper: object) -> Path:
    dk = w.keys_of("a")
    records = records_doc([])
    doc = manifest_doc(dk, w.round_id, records)
    return forge(
        w.dir / name,
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
        tamper=tamper,
    )  # type: ignore[arg-type]


def test_wrong_magic_and_version(w: World) -> None:
    _refused(w, _forged(w, "m.wbp", lambda p: b"PK\x03\x04ZIP!" + p[8:]), BadMagic)
    _refused(w, _forged(w, "v.wbp", lambda p: p[:8] + b"\x00\x02" + p[10:]), UnsupportedVersion)
    (w.dir / "plain.wbp").write_bytes(b"WBPKG\x00\r\n\x00\x01" + b"\x00" * 100)  # not encrypted
    _refused(w, w.dir / "plain.wbp", NotAPackage)
    assert len(list((w.office.layout.root / "exchange" / "rejected").iterdir())) == 3


def test_every_byte_of_the_inner_header_flipped(w: World) -> None:
    before = content_digest(w.office)
    for i in range(14):  # magic, version and the manifest length
        path = _forged(w, f"h{i}.wbp", lambda p, i=i: p[:i] + bytes([p[i] ^ 0x20]) + p[i + 1 :])
        with pytest.raises(PackageRejected):
            ex.import_package(w.office, path)
    assert content_digest(w.office) == before


def test_every_byte_of_the_age_header_flipped(w: World) -> None:
    data = _genuine(w).read_bytes()
    before = content_digest(w.office)
    bad = w.dir / "flipped.wbp"
    codes = set()
    header = _age_header_len(data)
    for i in range(header):
        bad.write_bytes(data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :])
        if i % 8 == 0 or i == header - 1:  # the whole pipeline, refusal audited and kept aside
            with pytest.raises(PackageRejected) as info:
                ex.import_package(w.office, bad)
            code = info.value.code
        else:  # the same reader, without the refusal's bookkeeping (keeps the test quick)
            code = ex.verify_package(w.office, bad).code
        codes.add(code)
    assert codes <= {"WB-PKG-NOT-PACKAGE", "WB-PKG-NOT-FOR-US", "WB-PKG-DAMAGED"}
    assert content_digest(w.office) == before


def test_truncation_at_and_between_chunk_boundaries(w: World) -> None:
    data = _genuine(w, attachment=os.urandom(3 * AGE_CHUNK)).read_bytes()
    payload = _age_header_len(data) + 16  # header, then the 16-byte payload nonce
    cuts = {1, 20, payload - 16, payload, len(data) - 1, len(data) - 16}
    for k in range(4):
        boundary = payload + k * AGE_SEALED_CHUNK
        cuts |= {boundary - 1, boundary, boundary + 1, boundary + AGE_SEALED_CHUNK // 2}
    before = content_digest(w.office)
    cut = w.dir / "cut.wbp"
    for n in sorted(c for c in cuts if 0 < c < len(data)):
        cut.write_bytes(data[:n])
        with pytest.raises((PackageDamaged, NotAPackage)):
            ex.import_package(w.office, cut)
    assert content_digest(w.office) == before


def test_truncated_plaintext_is_refused(w: World) -> None:
    _refused(w, _forged(w, "t.wbp", lambda p: p[:-3]), Truncated)


def test_trailing_garbage(w: World) -> None:
    data = _genuine(w).read_bytes()
    (w.dir / "tail.wbp").write_bytes(data + b"\x00garbage")
    _refused(w, w.dir / "tail.wbp", PackageDamaged)
    _refused(w, _forged(w, "inner.wbp", lambda p: p + b"extra"), TrailingData)


def test_wrong_office_key(w: World) -> None:
    dk = w.keys_of("a")
    _other_secret, other = keys.new_age_identity()
    records = records_doc([])
    doc = manifest_doc(dk, w.round_id, records)
    path = forge(
        w.dir / "other.wbp",
        doc,
        [records],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=[other],
    )
    _refused(w, path, NotForUs)


def test_a_zero_byte_attachment(w: World) -> None:
    result = ex.import_package(w.office, _genuine(w, "z.wbp", attachment=b""))
    assert result.attachments_added == 1
    sha = hashlib.sha256(b"").hexdigest()
    assert b"".join(w.office.attachments.iter_content(sha)) == b""


def test_verify_reports_without_writing(w: World) -> None:
    path = _genuine(w, attachment=b"evidence")
    before, seq = content_digest(w.office), audit_head(w.office)
    report = ex.verify_package(w.office, path)
    assert report.verdict == "ok" and report.attachments == 1 and report.device_seq == 1
    bad = w.dir / "bad.wbp"
    bad.write_bytes(path.read_bytes()[:-1])
    assert ex.verify_package(w.office, bad).code == "WB-PKG-DAMAGED"
    assert (content_digest(w.office), audit_head(w.office)) == (before, seq)


def test_stream_reader_never_needs_the_whole_file(tmp_path: Path) -> None:
    """The parser is fed in small pieces and keeps only the current field."""
    sizes = [200_000]
    blob = os.urandom(200_000)
    manifest = canonical_json({"blobs": [{"size": 200_000}]})
    plain = b"".join(iter_plaintext(manifest, b"s" * 64, b"", [[blob]], sizes))
    got = bytearray()

    class Sink:
        def header(self, m: bytes, s: bytes, c: bytes) -> list[int]:
            return sizes

        def blob_begin(self, index: int, size: int) -> None: ...

        def blob_data(self, index: int, chunk: memoryview) -> None:
            assert len(chunk) <= 7
            got.extend(chunk)

        def blob_end(self, index: int) -> None: ...

    parser = PackageParser(Sink(), Limits())
    stream = io.BytesIO(plain)
    while piece := stream.read(7):
        parser.write(piece)
    parser.finish()
    assert bytes(got) == blob


def test_a_refused_stream_stays_refused_whatever_is_written_next() -> None:
    """After a refusal the parser never reports a whole package, even if its caller goes on
    writing a valid package into it."""
    manifest = canonical_json({"blobs": []})
    valid = b"".join(iter_plaintext(manifest, b"s" * 64, b"", [], []))

    class Sink:
        def header(self, m: bytes, s: bytes, c: bytes) -> list[int]:
            return []

        def blob_begin(self, index: int, size: int) -> None: ...

        def blob_data(self, index: int, chunk: memoryview) -> None: ...

        def blob_end(self, index: int) -> None: ...

    parser = PackageParser(Sink(), Limits())
    with pytest.raises(BadMagic):
        parser.write(b"NOTMAGIC\0\1")
    with pytest.raises(Truncated):
        parser.write(valid)
        parser.finish()
