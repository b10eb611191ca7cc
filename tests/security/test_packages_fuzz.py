"""Bounded fuzzing of the package reader in CI (the atheris target runs the same ``check``):
random bytes, mutated genuine plaintexts and structured manifests with hostile values."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.fuzz_package_reader import (
    LIMITS,
    _Handler,
    check,
    frame,
    sample_records,
    seed,
    seed_manifest,
)
from workbench.exchange.canonical import StrictJSONError, canonical_json, strict_loads
from workbench.exchange.framing import PackageParser

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


SEEDS = (seed(), seed(sample_records()))


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
