"""Attachments: byte-exact round trips, dedup, limits, cancel, tampering, bounded memory."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
from pathlib import Path

import pytest

from workbench.errors import AttachmentCorrupt, Cancelled, LimitExceeded, NotFound
from workbench.jobs import CancelToken
from workbench.models.system import Attachment
from workbench.services.attachments import get_attachments
from workbench.store import attachments as attachments_mod
from workbench.store.blobcrypt import CHUNK
from workbench.store.vault import Vault


def _add(vault: Vault, data: bytes, name: str = "证据.pdf") -> str:
    with vault.session() as s:
        return vault.attachments.add(s, io.BytesIO(data), name=name).sha256


def _get(vault: Vault, sha: str, out: Path) -> bytes:
    with vault.read() as s:
        vault.attachments.export(s, sha, out)
    return out.read_bytes()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5])
def test_round_trip_is_byte_exact(vault: Vault, tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    sha = _add(vault, data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert _get(vault, sha, tmp_path / "out.bin") == data


def test_same_content_is_stored_once(vault: Vault, store_dir: Path) -> None:
    data = os.urandom(5000)
    first = _add(vault, data, "a.jpg")
    with vault.session() as s:
        again = vault.attachments.add(s, io.BytesIO(data), name="b.jpg")
    assert again.sha256 == first and again.deduplicated
    blobs = [p for p in (store_dir / "blobs").rglob("*") if p.is_file()]
    assert len(blobs) == 1
    assert hashlib.sha256(data).hexdigest() not in str(blobs[0])  # names are keyed


def test_size_limit_is_enforced_while_streaming(vault: Vault, store_dir: Path) -> None:
    with vault.session() as s:
        attachments_mod.set_size_limit(s, 10_000)
    with pytest.raises(LimitExceeded), vault.session() as s:
        vault.attachments.add(s, io.BytesIO(os.urandom(10_001)), name="big.bin")
    with vault.read() as s:
        assert s.query(Attachment).count() == 0
    assert not [p for p in (store_dir / "blobs").rglob("*") if p.is_file()]


def test_cancel_leaves_nothing(vault: Vault, store_dir: Path) -> None:
    token = CancelToken()

    def progress(done: int, total: int | None, label: str = "") -> None:
        if done >= 2 * CHUNK:
            token.cancel()

    with pytest.raises(Cancelled), vault.session() as s:
        vault.attachments.add(
            s, io.BytesIO(os.urandom(5 * CHUNK)), name="x", progress=progress, cancel=token
        )
    assert not [p for p in (store_dir / "blobs").rglob("*") if p.is_file()]


def _blob_file(vault: Vault, sha: str) -> Path:
    return vault.attachments.blob_path(sha)


@pytest.mark.parametrize(
    "damage",
    ["flip_byte", "truncate_last_chunk", "drop_last_chunk", "append_garbage", "bad_magic"],
)
def test_tampered_blob_is_refused(vault: Vault, tmp_path: Path, damage: str) -> None:
    data = os.urandom(2 * CHUNK + 100)
    sha = _add(vault, data)
    path = _blob_file(vault, sha)
    raw = bytearray(path.read_bytes())
    if damage == "flip_byte":
        raw[CHUNK + 500] ^= 1
    elif damage == "truncate_last_chunk":
        raw = raw[:-10]
    elif damage == "drop_last_chunk":
        raw = raw[: 24 + 2 * (CHUNK + 16)]
    elif damage == "append_garbage":
        raw += b"\x00" * 40
    else:
        raw[0] ^= 0xFF
    path.write_bytes(bytes(raw))
    out = tmp_path / "out.bin"
    with pytest.raises(AttachmentCorrupt):
        _get(vault, sha, out)
    assert not out.exists()


@pytest.mark.parametrize("size", [0, CHUNK, 2 * CHUNK + 100])
def test_views_stream_the_content_and_refuse_damage(vault: Vault, size: int) -> None:
    data = os.urandom(size)
    sha = _add(vault, data)
    views = vault.attachments.iter_views(sha)
    assert b"".join(bytes(view) for view in views) == data  # each copied before the next
    if size > CHUNK:
        path = _blob_file(vault, sha)
        raw = bytearray(path.read_bytes())
        raw[CHUNK + 500] ^= 1
        path.write_bytes(bytes(raw))
        with pytest.raises(AttachmentCorrupt):
            for _view in vault.attachments.iter_views(sha):
                pass


def test_swapped_blobs_are_refused(vault: Vault, tmp_path: Path) -> None:
    a, b = _add(vault, b"A" * 3000, "a"), _add(vault, b"B" * 3000, "b")
    pa, pb = _blob_file(vault, a), _blob_file(vault, b)
    data_a = pa.read_bytes()
    pa.write_bytes(pb.read_bytes())
    pb.write_bytes(data_a)
    with pytest.raises(AttachmentCorrupt):
        _get(vault, a, tmp_path / "o")


def test_unknown_hash_is_not_found(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        _get(vault, "0" * 64, tmp_path / "o")


class _PatternStream(io.RawIOBase):
    """``size`` bytes of a repeating pattern, produced on demand (never held in memory)."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.block = hashlib.sha512(b"seed").digest() * (CHUNK // 64)

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = min(self.left, CHUNK if n < 0 else n, len(self.block))
        self.left -= n
        return self.block[:n]


class _HashingSink:
    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.size = 0

    def update(self, chunk: bytes) -> None:
        self.digest.update(chunk)
        self.size += len(chunk)


@pytest.mark.slow
def test_one_gigabyte_streams_with_bounded_memory(vault: Vault) -> None:
    size = 1 << 30
    expected = hashlib.sha256()
    for chunk in iter(_PatternStream(size).read, b""):
        expected.update(chunk)
    tracemalloc.start()
    try:
        with vault.session() as s:
            info = vault.attachments.add(s, _PatternStream(size), name="录音.wav")
        _, peak_in = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        sink = _HashingSink()
        for chunk in vault.attachments.iter_content(info.sha256):
            sink.update(chunk)
        _, peak_out = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.size == size and info.sha256 == expected.hexdigest()
    assert sink.size == size and sink.digest.hexdigest() == info.sha256
    assert peak_in < 16 * CHUNK, f"peak {peak_in / 2**20:.1f} MiB while adding"
    assert peak_out < 16 * CHUNK, f"peak {peak_out / 2**20:.1f} MiB while reading"


def test_attachments_are_looked_up_by_their_sha256(vault: Vault) -> None:
    with vault.session() as s:
        info = vault.attachments.add(
            s, io.BytesIO(b"evidence"), name="a.txt", media_type="text/plain"
        )
    with vault.read() as s:
        found = get_attachments(s, [info.sha256.upper(), "0" * 64, ""])
    assert list(found) == [info.sha256] and found[info.sha256].name == "a.txt"
