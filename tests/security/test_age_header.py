"""The age header is checked by our own parser before pyrage sees it: the C2SP CCTV vectors
give the reference implementation's verdict, shapes pyrage lets through are refused in real
packages, and a many-stanza header is refused under its caps before any write transaction."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import traceback
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import event

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
from workbench.exchange.errors import (
    NotAPackage,
    NotForUs,
    PackageDamaged,
    PackageLimit,
    PackageRejected,
)
from workbench.exchange.importer import make_trust
from workbench.exchange.package.age_header import (
    MAX_HEADER_BYTES,
    MAX_STANZAS,
    AgeHeader,
    read_age_header,
)
from workbench.exchange.package.container import unseal

VECTORS = Path(__file__).parent / "cctv_age"
REFUSALS: dict[str, type[PackageRejected]] = {
    "header failure": NotAPackage,
    "HMAC failure": NotAPackage,
    "no match": NotForUs,
    "payload failure": PackageDamaged,
}


def _vector(name: str) -> tuple[dict[str, str], list[str], bytes]:
    preamble, _, body = (VECTORS / name).read_bytes().partition(b"\n\n")
    meta: dict[str, str] = {}
    identities: list[str] = []
    for line in preamble.decode().splitlines():
        key, _, value = line.partition(": ")
        if key == "identity":
            identities.append(value)
        else:
            meta[key] = value
    if meta.get("compressed") == "zlib":
        body = zlib.decompress(body)
    return meta, identities, body


class _Collected:
    """Stands in for the package parser: keeps the hash of the plaintext released to it."""

    def __init__(self) -> None:
        self.hash = hashlib.sha256()

    def write(self, data: memoryview) -> int:
        self.hash.update(data)
        return len(data)

    def finish(self) -> None:
        return None


@pytest.mark.parametrize("name", sorted(p.name for p in VECTORS.iterdir() if "." not in p.name))
def test_cctv_vector_verdicts_match_the_reference(name: str) -> None:
    meta, identities, body = _vector(name)
    out = _Collected()
    expect = meta["expect"]
    if expect == "success":
        unseal(io.BytesIO(body), identities, out)  # type: ignore[arg-type]
        assert out.hash.hexdigest() == meta["payload"]
    else:
        with pytest.raises(REFUSALS[expect]):
            unseal(io.BytesIO(body), identities, out)  # type: ignore[arg-type]


def test_the_vectors_are_here() -> None:
    names = {p.name for p in VECTORS.iterdir()}
    assert {"x25519", "stanza_missing_body", "stanza_missing_final_line"} <= names
    assert len(names) > 60


# -- our own headers ---------------------------------------------------------------------------


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _unb64(text: bytes) -> bytes:
    return base64.b64decode(text + b"=" * (-len(text) % 4))


def _header(*stanzas: bytes, mac: bytes = b"A" * 43) -> bytes:
    return b"age-encryption.org/v1\n" + b"".join(stanzas) + b"--- " + mac + b"\n" + b"\x00" * 32


def test_a_header_is_read_back_as_written() -> None:
    body = bytes(range(100))  # a full line, another, then the short one
    lines = [_b64(body[i : i + 48]) + b"\n" for i in range(0, 144, 48)]
    data = _header(b"-> X25519 abc\n", *lines, b"-> empty\n\n")
    parsed = read_age_header(io.BytesIO(data))
    assert [(s.type, s.args, s.body) for s in parsed.stanzas] == [
        ("X25519", ("abc",), body),
        ("empty", (), b""),
    ]
    assert parsed.size == len(data) - 32


@pytest.mark.parametrize(
    "stanzas",
    [
        [b"-> X25519\n"],  # no body line at all (stanza_missing_body)
        [b"-> X25519\n", b"A" * 64 + b"\n"],  # no final short line (stanza_missing_final_line)
        [b"-> X25519\n", b"AAAA\r\n"],
        [b"-> X25519  a\n\n"],  # an empty argument
        [b"->X25519\n\n"],
        [b"-> X25519 \xe4\n\n"],
        [b"-> X25519\n", b"AA==\n"],  # padding
        [b"-> X25519\n", b"AB\n"],  # not canonical: unused bits set
        [b"-> X25519\n", b"A" * 68 + b"\n"],
        [b"-> X25519\n", b"AAAA\n", b"\n"],  # a second short line is not a stanza
    ],
)
def test_malformed_stanzas_are_refused(stanzas: list[bytes]) -> None:
    with pytest.raises(NotAPackage):
        read_age_header(io.BytesIO(_header(*stanzas)))


def test_the_stanza_and_size_caps() -> None:
    ok = [b"-> g\n\n"] * MAX_STANZAS
    assert len(read_age_header(io.BytesIO(_header(*ok))).stanzas) == MAX_STANZAS
    with pytest.raises(PackageLimit):
        read_age_header(io.BytesIO(_header(*ok, b"-> g\n\n")))
    long_line = b"-> " + b"a" * MAX_HEADER_BYTES + b"\n\n"
    with pytest.raises(PackageLimit):
        read_age_header(io.BytesIO(_header(long_line)))
    with pytest.raises(NotAPackage):  # a header cut short, under the cap
        read_age_header(io.BytesIO(b"age-encryption.org/v1\n-> g\n"))


def test_a_hundred_thousand_stanzas_are_refused_after_reading_at_most_the_cap() -> None:
    source = io.BytesIO(_header(*[b"-> e\n\n"] * 100_000))
    with pytest.raises(PackageLimit):
        read_age_header(source)
    assert source.tell() <= MAX_HEADER_BYTES


# -- real packages with rewritten headers -------------------------------------------------------


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _genuine(w: World, name: str) -> Path:
    dk = w.keys_of("a")
    records = records_doc([])
    attachment = b"attachment"
    blobs = [(attachment_entry(attachment), attachment)]
    doc = manifest_doc(dk, w.round_id, records, blobs)
    return forge(
        w.dir / name,
        doc,
        [records, attachment],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )


def _bech32_payload(text: str) -> bytes:
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    data = text.lower()[text.rindex("1") + 1 : -6]  # without the checksum
    acc = bits = 0
    out = bytearray()
    for c in data:
        acc, bits = (acc << 5 | charset.index(c)) & 0xFFFF, bits + 5
        if bits >= 8:
            bits -= 8
            out.append(acc >> bits & 0xFF)
    return bytes(out)


def _file_key(header: AgeHeader, identities: list[str]) -> bytes:
    """Unwrap the file key as an X25519 recipient does (age-encryption.org/v1)."""
    for identity in identities:
        secret = X25519PrivateKey.from_private_bytes(_bech32_payload(identity))
        ours = secret.public_key().public_bytes_raw()
        for s in header.stanzas:
            if s.type != "X25519":
                continue
            share = _unb64(s.args[0].encode())
            shared = secret.exchange(X25519PublicKey.from_public_bytes(share))
            wrap = HKDF(SHA256(), 32, share + ours, b"age-encryption.org/v1/X25519").derive(shared)
            try:
                return ChaCha20Poly1305(wrap).decrypt(b"\x00" * 12, s.body, None)
            except Exception:  # another recipient's stanza
                continue
    raise AssertionError("no stanza for these identities")


def _rewritten(w: World, source: Path, name: str, extra: bytes) -> Path:
    """The package with ``extra`` stanza text added before the MAC line, MAC recomputed with
    the real file key: the header then differs from the genuine one only by that stanza."""
    data = source.read_bytes()
    header = read_age_header(io.BytesIO(data))
    identities = make_trust(w.office).identities
    mac_key = HKDF(SHA256(), 32, b"", b"header").derive(_file_key(header, identities))
    end = data.rindex(b"\n---", 0, header.size) + 1
    assert _b64(hmac.digest(mac_key, data[: end + 3], "sha256")) == _b64(header.mac)
    text = data[:end] + extra + b"---"
    mac = _b64(hmac.digest(mac_key, text, "sha256"))
    out = w.dir / name
    out.write_bytes(text + b" " + mac + b"\n" + data[header.size :])
    return out


def _refused(w: World, path: Path, expected: type[PackageRejected]) -> Any:
    before, seq = content_digest(w.office), audit_head(w.office)
    with pytest.raises(expected) as info:
        ex.import_package(w.office, path)
    assert content_digest(w.office) == before
    assert audit_actions(w.office, seq) == ["package.reject"]
    return info.value


@pytest.mark.parametrize(
    "extra",
    [
        b"-> empty\n",  # stanza_missing_body
        b"-> stanza\n" + b"A" * 64 + b"\n",  # stanza_missing_final_line
    ],
    ids=["missing_body", "missing_final_line"],
)
def test_packages_in_the_shapes_pyrage_lets_through_are_refused(w: World, extra: bytes) -> None:
    genuine = _genuine(w, "genuine.wbp")
    control = _rewritten(w, genuine, "control.wbp", b"-> empty\n\n")  # well formed
    assert ex.verify_package(w.office, control).ok
    bad = _rewritten(w, genuine, "bad.wbp", extra)
    assert ex.verify_package(w.office, bad).code == "WB-PKG-NOT-PACKAGE"
    _refused(w, bad, NotAPackage)


def test_a_many_stanza_header_is_refused_before_the_write_transaction(w: World) -> None:
    """The stanzas are valid and the MAC is right: only the cap stops this package, and it does
    so before the import opens its write transaction (BEGIN IMMEDIATE); the one write the
    refusal makes is its audit entry."""
    hostile = _rewritten(w, _genuine(w, "g.wbp"), "many.wbp", b"-> e\n\n" * 5000)
    writers: list[list[str]] = []

    def on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("sqlite_begin") == "IMMEDIATE":
            writers.append([f.name for f in traceback.extract_stack()])

    engine = w.office.engine
    event.listen(engine, "begin", on_begin)
    try:
        assert ex.verify_package(w.office, hostile).code == "WB-PKG-LIMIT"
        assert writers == []
        error = _refused(w, hostile, PackageLimit)
    finally:
        event.remove(engine, "begin", on_begin)
    assert str(MAX_STANZAS) in error.message
    assert writers and not any("_import_transaction" in stack for stack in writers)
