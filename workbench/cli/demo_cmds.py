"""``workbench demo``: create the demo store."""

from __future__ import annotations

import argparse

from workbench.cli import common
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE, create_demo_store
from workbench.store.layout import StoreLayout


def cmd_demo(args: argparse.Namespace) -> int:
    directory = common.store_dir(args)
    if StoreLayout(directory).exists() and args.if_missing:
        common.emit(
            args, {"store": str(directory), "created": False}, f"演示数据库已存在：{directory}"
        )
        return 0
    vault, _code = create_demo_store(directory)
    with vault:
        human = (
            f"已创建演示数据库：{directory}\n"
            f"用户 {DEMO_LEADER}（组长），所有演示用户的口令：{DEMO_PASSPHRASE}"
        )
        common.emit(args, {"store": str(directory), "created": True}, human)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="创建演示数据库")
    p.add_argument("--if-missing", action="store_true", help="已存在时不报错")
    p.set_defaults(func=cmd_demo)
