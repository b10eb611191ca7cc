"""Bounded fuzzing of the package reader in CI (the atheris target runs the same ``check``):
random bytes, mutated genuine plaintexts and structured manifests with hostile values."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.fuzz_package_reader import (
    LIMITS,
    _Handler,
    check,
    check_sealed,
    frame,
    sample_records,
    seed,
    seed_manifest,
)
from workbench.exchange.canonical import StrictJSONError, canonical_json, strict_loads
from workbench.exchange.enrolment.keys import new_age_identity
from workbench.exchange.package.age_header import MAX_STANZAS
from workbench.exchange.package.container import seal
from workbench.exchange.package.framing import PackageParser

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


SEEDS = (seed(), seed(sample_records()))
SECRET, RECIPIENT = new_age_identity()


def _sealed(plain: bytes) -> bytes:
    out = io.BytesIO()
    seal([plain], [RECIPIENT], out)
    return out.getvalue()


SEALED = _sealed(SEEDS[1])


def test_the_seeds_are_accepted() -> None:
    for plain in SEEDS:  # a well-formed plaintext passes every parser without a rejection
        parser = PackageParser(_Handler(), LIMITS)
        parser.write(plain)
        parser.finish()


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    check(data)
    check(b"WBPKG\x00\r\n\x00\x01" + data)


@FUZZ
@given(st.data())
def test_mutated_plaintext(data: st.DataObject) -> None:
    plain = bytearray(data.draw(st.sampled_from(SEEDS)))
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(st.sampled_from(["flip", "cut", "insert", "dup"]))
        i = data.draw(st.integers(0, len(plain) - 1))
        if op == "flip":
            plain[i] ^= data.draw(st.integers(1, 255))
        elif op == "cut":
            del plain[i : i + data.draw(st.integers(1, 64))]
        elif op == "insert":
            plain[i:i] = data.draw(st.binary(min_size=1, max_size=32))
        else:
            plain[i:i] = plain[i : i + data.draw(st.integers(1, 64))]
        if not plain:
            break
    check(bytes(plain), piece=data.draw(st.sampled_from([1, 7, 977, 1 << 16])))


MANIFEST_KEYS = list(seed_manifest(b"").keys())


@FUZZ
@given(st.sampled_from([*MANIFEST_KEYS, "sender", "blobs"]), json_values, st.booleans())
def test_hostile_manifest_values(key: str, value: Any, nested: bool) -> None:
    body = b'{"format":"workbench-records","revocations":[],"version":2}\n'
    doc = seed_manifest(body)
    if nested and key == "sender":
        doc["sender"] = {**doc["sender"], "device_id": value}
    elif nested and key == "blobs":
        doc["blobs"] = [{**doc["blobs"][0], "size": value}]
    else:
        doc[key] = value
    check(frame(canonical_json(doc), b"\x00" * 64, b"", [body]))


@FUZZ
@given(st.sampled_from(["type", "id", "base", "fields", "children"]), json_values)
def test_hostile_records(key: str, value: Any) -> None:
    record = {
        "type": "findings",
        "id": "00000000-0000-4000-8000-000000000001",
        "base": None,
        "fields": {},
        "children": {},
    }
    record = copy.deepcopy(record)
    record[key] = value
    header = {"format": "workbench-records", "version": 2, "revocations": []}
    body = b"".join(canonical_json(doc) + b"\n" for doc in (header, record))
    manifest = seed_manifest(body, counts={"findings": 1})
    check(frame(canonical_json(manifest), b"\x00" * 64, b"", [body]))


@FUZZ
@given(json_values)
def test_strict_json_agrees_with_json_on_what_it_accepts(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False).encode()
    try:
        parsed = strict_loads(text)
    except StrictJSONError:
        return
    assert parsed == json.loads(text)


b64_lines = st.sampled_from(
    [b"", b"A" * 64, b"A" * 63, b"AA", b"AB", b"AA==", b"A" * 65, b"AAAA\r", b"-> x", b"---"]
)
stanzas = st.builds(
    lambda args, body: b"-> " + b" ".join(args) + b"\n" + b"".join(x + b"\n" for x in body),
    st.lists(st.sampled_from([b"X25519", b"e", b"", b"\xff", b"a-grease", b"A" * 43]), max_size=4),
    st.lists(b64_lines, max_size=3),
)


@FUZZ
@given(
    st.lists(stanzas, max_size=8),
    st.integers(0, 3 * MAX_STANZAS),
    st.integers(0, 1 << 12),
    st.sampled_from([b"--- " + b"A" * 43, b"---", b"--- AA", b""]),
)
def test_stanza_heavy_age_headers(extra: list[bytes], copies: int, where: int, mac: bytes) -> None:
    """Stanzas, malformed or not, up to three times the cap, added at a line start of a genuine
    header, which keeps its MAC line or gets another: the envelope opens or refuses with a code."""
    end = SEALED.index(b"\n---") + 1
    header_end = SEALED.index(b"\n", end) + 1
    added = b"".join(extra) + b"-> e\n\n" * copies
    at = SEALED.rfind(b"\n", 0, min(where, end)) + 1
    for closing in (SEALED[end:header_end], mac + b"\n"):
        data = SEALED[:at] + added + SEALED[at:end] + closing + SEALED[header_end:]
        check_sealed(data, [SECRET])


@FUZZ
@given(st.binary(max_size=2048), st.integers(0, 400))
def test_random_bytes_after_the_age_intro(data: bytes, stanza_count: int) -> None:
    check_sealed(b"age-encryption.org/v1\n" + b"-> e\n\n" * stanza_count + data, [SECRET])
