"""``workbench demo [--size small|large] [--seed N]``: create the demo store."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from workbench.cli import common
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE, create_demo_store
from workbench.store.layout import StoreLayout


def _progress(done: int, total: int | None, label: str = "") -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{label} {done:,}/{total:,}", end="", file=sys.stderr, flush=True)


def cmd_demo(args: argparse.Namespace) -> int:
    directory = common.store_dir(args)
    if StoreLayout(directory).exists() and args.if_missing:
        common.emit(
            args, {"store": str(directory), "created": False}, f"演示数据库已存在：{directory}"
        )
        return 0
    vault, _code = create_demo_store(directory, size=args.size, seed=args.seed, progress=_progress)
    with vault:
        from workbench.services.stats import round_stats

        with vault.read() as s:
            stats = round_stats(s)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    human = (
        f"已创建演示数据库：{directory}（信访件 {stats.letters} 件，问题 {stats.findings} 个，"
        f"线索 {stats.clues} 条）\n"
        f"用户 {DEMO_LEADER}（组长），所有演示用户的口令：{DEMO_PASSPHRASE}"
    )
    common.emit(args, {"store": str(directory), "created": True, "stats": asdict(stats)}, human)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo")
    p.add_argument("--if-missing", action="store_true", help="已存在时不报错")
    p.add_argument("--size", choices=["small", "large"], default="small", help="large：十万条记录")
    p.add_argument("--seed", type=int, default=2026, help="随机种子（相同种子生成相同内容）")
    p.set_defaults(func=cmd_demo)
