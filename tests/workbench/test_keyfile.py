"""Keyslots, the recovery code format and what the keyfile does (not) reveal."""

from __future__ import annotations

import json
import os

import pytest

from tests.kdf import TEST_KDF
from workbench.errors import AuthenticationError, KeyfileDamaged, RecoveryCodeInvalid
from workbench.store import recovery
from workbench.store.keyfile import (
    KdfParams,
    Keyfile,
    normalize_passphrase,
    open_slot,
    seal_slot,
    user_hint,
)

STORE = "3f1c0000-0000-4000-8000-000000000001"


def test_slot_round_trip_and_wrong_secret() -> None:
    dek = os.urandom(32)
    slot = seal_slot(STORE, dek, b"right", kind="passphrase", user_id="u1", hint="h")
    assert bytes(open_slot(STORE, slot, b"right")) == dek
    with pytest.raises(AuthenticationError):
        open_slot(STORE, slot, b"wrong")


def test_slot_is_bound_to_its_store_and_parameters() -> None:
    dek = os.urandom(32)
    slot = seal_slot(STORE, dek, b"right", kind="passphrase", user_id="u1", hint="h")
    with pytest.raises(AuthenticationError):
        open_slot("another-store", slot, b"right")
    doc = Keyfile(STORE, (slot,)).to_bytes()
    tampered = json.loads(doc)
    tampered["slots"][0]["user_id"] = "u2"  # re-assign the slot to another user
    with pytest.raises(AuthenticationError):
        open_slot(STORE, Keyfile.from_bytes(json.dumps(tampered).encode()).slots[0], b"right")


@pytest.mark.usefixtures("production_kdf_floor")
def test_parameters_below_the_floor_are_refused() -> None:
    with pytest.raises(KeyfileDamaged):
        seal_slot(STORE, os.urandom(32), b"x", kind="passphrase", params=KdfParams(1, 1, 8))
    slot = seal_slot(STORE, os.urandom(32), b"x", kind="passphrase")
    doc = json.loads(Keyfile(STORE, (slot,)).to_bytes())
    doc["slots"][0]["kdf"]["m"] = 1024
    with pytest.raises(KeyfileDamaged):
        Keyfile.from_bytes(json.dumps(doc).encode())


def test_keyfile_reveals_neither_key_nor_names() -> None:
    dek = os.urandom(32)
    name = "王建国"
    slot = seal_slot(
        STORE,
        dek,
        normalize_passphrase("口令 secret"),
        kind="passphrase",
        user_id="u1",
        hint=user_hint(STORE, name),
    )
    data = Keyfile(STORE, (slot,)).to_bytes()
    assert dek not in data and dek.hex().encode() not in data
    assert name.encode() not in data and b"secret" not in data


@pytest.mark.parametrize("garbage", [b"", b"{}", b"not json", b'{"format": "x"}', b"\xff\xfe"])
def test_damaged_keyfile_is_reported(garbage: bytes) -> None:
    with pytest.raises(KeyfileDamaged):
        Keyfile.from_bytes(garbage)


def test_recovery_code_format_and_checks() -> None:
    code = recovery.generate()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 6 and g.isdigit() for g in groups)
    assert recovery.parse(code) == recovery.parse(code.replace("-", " "))
    assert len(recovery.parse(code)) * 8 >= 128
    bad = groups.copy()
    bad[3] = f"{(int(bad[3]) + 1) % 1_000_000:06d}"
    with pytest.raises(RecoveryCodeInvalid) as info:
        recovery.parse("-".join(bad))
    assert info.value.details["group"] == 4
    with pytest.raises(RecoveryCodeInvalid):
        recovery.parse("12345")


def test_a_bad_group_is_named_while_the_code_is_typed() -> None:
    code = recovery.generate()
    groups = code.split("-")
    assert all(recovery.bad_group(code[:n]) is None for n in range(len(code) + 1))
    typo = f"{(int(groups[1]) + 1) % 1_000_000:06d}"
    assert recovery.bad_group(f"{groups[0]}-{typo[:5]}") is None  # group 2 not complete yet
    assert recovery.bad_group(f"{groups[0]}-{typo}") == 2
    assert recovery.bad_group(f"{groups[0]} {typo}-{groups[2]}") == 2


def test_nfc_and_nfd_passphrases_match() -> None:
    assert normalize_passphrase("e\u0301") == normalize_passphrase("\u00e9")


@pytest.mark.usefixtures("production_kdf_floor")
def test_new_slots_default_to_the_floor_and_the_test_parameters_are_below_it() -> None:
    KdfParams().check()
    slot = seal_slot(STORE, os.urandom(32), b"x", kind="passphrase")
    assert slot.kdf == KdfParams(3, 4, 64 * 1024)
    with pytest.raises(KeyfileDamaged):
        TEST_KDF.check()  # the template stores' parameters exist in the test process only
