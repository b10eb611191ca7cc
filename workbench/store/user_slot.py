"""A user's passphrase slot in a keyfile, opened by their name and passphrase: the one loop the
office store's unlock (``office.py``), its recovery (``office_recovery.py``) and the source of
``office migrate`` (``office_migrate_source.py``) share. What a caller does with a refusal (the
throttle, the reason it gives) stays the caller's."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import AuthenticationError, KeyfileDamaged
from workbench.store.keyfile import (
    SALT_BYTES,
    KdfParams,
    Keyfile,
    SlotKeys,
    derive_key,
    normalize_passphrase,
    unseal_slot,
    user_hint,
)


@dataclass
class OpenedUserSlot:
    """The slot's user, the data key (zeroable: the caller's to zero) and the slot's keys
    (None for a version 1 slot)."""

    user_id: str
    dek: bytearray
    keys: SlotKeys | None


def open_user_slot(keyfile: Keyfile, user_name: str, passphrase: str) -> OpenedUserSlot | None:
    """The slot of ``user_name`` that ``passphrase`` opens, or None. A name with no slot costs
    the same derivation as a wrong passphrase: timing does not tell which names exist."""
    secret = normalize_passphrase(passphrase)
    slots = keyfile.passphrase_slots(user_hint(keyfile.store_id, user_name))
    if not slots:
        derive_key(secret, b"\x00" * SALT_BYTES, KdfParams())
    for slot in slots:
        try:
            opened = unseal_slot(keyfile.store_id, slot, secret)
        except AuthenticationError:
            continue
        if slot.user_id is None:  # a passphrase slot always names its user
            raise KeyfileDamaged()
        return OpenedUserSlot(slot.user_id, opened.dek, opened.keys)
    return None
