"""Recovery codes: 128 random bits shown once as 8 groups of 6 digits.

Each group encodes 16 bits as ``value × 11`` (the BitLocker scheme), so every group carries its own
check: a mistyped group is reported by position instead of a vague "wrong code". Digits are easy
to read aloud and to type on any keyboard layout or Chinese input method.
"""

from __future__ import annotations

import re
import secrets

from workbench.errors import RecoveryCodeInvalid

GROUPS = 8
GROUP_MODULUS = 11


def generate() -> str:
    return format_code(secrets.token_bytes(GROUPS * 2))


def format_code(raw: bytes) -> str:
    if len(raw) != GROUPS * 2:
        raise ValueError("recovery code needs 16 bytes")
    values = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
    return "-".join(f"{v * GROUP_MODULUS:06d}" for v in values)


def _digits(code: str) -> str:
    return re.sub(r"[\s\-－—_]", "", code)


def _group_value(group: str) -> int | None:
    """The 16-bit value a group of 6 digits carries, or None when its check fails."""
    if not (group.isascii() and group.isdigit()):
        return None
    number = int(group)
    if number % GROUP_MODULUS or number // GROUP_MODULUS > 0xFFFF:
        return None
    return number // GROUP_MODULUS


def bad_group(partial: str) -> int | None:
    """While the code is typed: the position (1–8) of the first complete group that fails its
    check, or None."""
    digits = _digits(partial)
    for index in range(min(len(digits) // 6, GROUPS)):
        if _group_value(digits[index * 6 : index * 6 + 6]) is None:
            return index + 1
    return None


def parse(code: str) -> bytes:
    """Return the 16 raw bytes, or raise RecoveryCodeInvalid naming the first bad group."""
    digits = _digits(code)
    if not digits.isascii() or not digits.isdigit() or len(digits) != GROUPS * 6:
        raise RecoveryCodeInvalid("恢复码应为 8 组、每组 6 位数字")
    out = bytearray()
    for index in range(GROUPS):
        value = _group_value(digits[index * 6 : index * 6 + 6])
        if value is None:
            raise RecoveryCodeInvalid(f"恢复码第 {index + 1} 组有误，请核对", group=index + 1)
        out += value.to_bytes(2, "big")
    return bytes(out)


def secret_bytes(code: str) -> bytes:
    """The secret fed to the KDF: the canonical raw bytes, independent of formatting."""
    return b"recovery-code-v1:" + parse(code)
