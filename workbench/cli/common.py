"""Shared plumbing for CLI commands: where the store is, secrets, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any
from uuid import UUID

from workbench import paths
from workbench.errors import UsageError
from workbench.store.fsutil import readable_name
from workbench.store.vault import Vault


def store_dir(args: argparse.Namespace) -> Path:
    return Path(args.store) if args.store else paths.default_store_dir()


def read_text_file(path: str, what: str) -> str:
    """A small text file the user named (a passphrase or recovery code file): UTF-8 or refused."""
    try:
        with open(path, encoding="utf-8") as f:
            return f.read(1 << 16)
    except UnicodeDecodeError:
        raise UsageError(f"{what}不是 UTF-8 编码的文本：{path}") from None
    except OSError as exc:
        raise UsageError(f"无法读取{what}：{path}（{exc.strerror or exc}）") from None


def _read_secret_file(path: str) -> str:
    # restic's convention: the first line, without its newline.
    return read_text_file(path, "口令文件").split("\n", 1)[0].rstrip("\r")


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(f"需要{label}：请在终端中运行，或设置环境变量/口令文件")
    return getpass.getpass(f"{label}: ")


def passphrase(args: argparse.Namespace, label: str = "口令") -> str:
    """``--passphrase-file``, else ``WORKBENCH_PASSPHRASE``, else an interactive prompt."""
    if getattr(args, "passphrase_file", None):
        return _read_secret_file(args.passphrase_file)
    env = os.environ.get("WORKBENCH_PASSPHRASE")
    if env is not None:
        return env
    return _prompt(label)


def new_passphrase(
    args: argparse.Namespace, label: str = "新口令", *, new_store: bool = False
) -> str:
    """``--new-passphrase-file``, else ``WORKBENCH_NEW_PASSPHRASE``, else prompt twice.
    ``new_store``: a new store's passphrase, where no old one exists, so ``--passphrase-file`` and
    ``WORKBENCH_PASSPHRASE`` are taken too when the new ones are absent (as restic and borg take
    their one variable for a new repository)."""
    if getattr(args, "new_passphrase_file", None):
        return _read_secret_file(args.new_passphrase_file)
    env = os.environ.get("WORKBENCH_NEW_PASSPHRASE")
    if env is not None:
        return env
    if new_store and (
        getattr(args, "passphrase_file", None) or "WORKBENCH_PASSPHRASE" in os.environ
    ):
        return passphrase(args, label)
    first = _prompt(label)
    if first != _prompt(f"再次输入{label}"):
        raise UsageError("两次输入的口令不一致")
    return first


def cosigner_passphrase(args: argparse.Namespace) -> str:
    """The co-signer's: ``--cosigner-passphrase-file``, else ``WORKBENCH_COSIGNER_PASSPHRASE``,
    else a prompt (dual control of the 三员 roles, `user add|roles|disable|enable --cosigner`)."""
    if getattr(args, "cosigner_passphrase_file", None):
        return _read_secret_file(args.cosigner_passphrase_file)
    env = os.environ.get("WORKBENCH_COSIGNER_PASSPHRASE")
    if env is not None:
        return env
    return _prompt(f"共同签署人 {args.cosigner} 的口令")


def user_name(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("WORKBENCH_USER")
    if name:
        return str(name)
    if sys.stdin.isatty():
        return input("用户名: ").strip()
    raise UsageError("请用 --user 或环境变量 WORKBENCH_USER 指定用户")


def unlock(args: argparse.Namespace) -> Vault:
    return Vault.open(store_dir(args), user_name(args), passphrase(args))


def round_arg(vault: Vault, text: str) -> str:
    """The id of the round a ``--round`` value names: its UUID or its name."""
    from workbench.services.office_setup import resolve_round

    with vault.read() as s:
        return resolve_round(s, text)


def iso_date(text: str | None, option: str) -> date | None:
    """The value of a date option (``--from`` …): exactly YYYY-MM-DD, a real day; None if
    not given."""
    if not text:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"{option} 的日期“{text}”无效：应为 YYYY-MM-DD 格式的真实日期，如 2026-03-01"
        ) from None


_SQL_INT_MAX = 2**63 - 1  # SQLite's integers; a larger --offset or --limit cannot be bound


def whole_number(text: str) -> int:
    """argparse ``type`` of ``--offset`` and ``--limit``: an integer SQLite can take, not
    negative (argparse reports a refusal as ``WB-USAGE``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if not 0 <= value <= _SQL_INT_MAX:
        raise argparse.ArgumentTypeError(f"{text} 超出范围（0 到 {_SQL_INT_MAX}）")
    return value


def _plain(value: Any) -> Any:
    """``value`` as JSON's types: the one encoder of ``--json`` (dataclasses, enums by code, dates
    as ISO 8601, Decimals as written, UUIDs and paths as text)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, Path | Decimal | UUID):  # a Decimal as written, no float rounding
        return str(value)
    return value


def to_json(data: Any) -> str:
    """``data`` as the indented UTF-8 JSON every ``--json`` prints."""
    return json.dumps(_plain(data), ensure_ascii=False, indent=2)


# what a terminal acts on instead of showing: C0 controls but newline and tab (ESC sequences, a
# CR that overwrites the line), DEL, C1, and the bidi controls and separators that reorder it
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def terminal_safe(text: str) -> str:
    """``text`` with what a terminal would act on shown as ``\\uXXXX`` (record fields may hold CR
    and bidi controls): the escape is also valid inside a JSON string."""
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def emit(args: argparse.Namespace, data: Any, human: str) -> None:
    """``--json``: the data as JSON on stdout; otherwise the human text. A path's bytes that are
    not UTF-8 are shown as U+FFFD (stdout cannot write them); controls as ``terminal_safe``."""
    if getattr(args, "json", False):
        print(terminal_safe(readable_name(to_json(data))))
    else:
        print(terminal_safe(readable_name(human)))
