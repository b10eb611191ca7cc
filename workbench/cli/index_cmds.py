"""``workbench index [--rebuild]``: bring the search index up to date.

Records imported in bulk are queued for indexing and indexed after the import's commit
(``workbench.services.index_queue``); ``workbench import`` does that itself, this command finishes
what an interrupted run left queued. ``--rebuild`` rebuilds the whole index from the records.
"""

from __future__ import annotations

import argparse
import logging
import sys

from workbench.cli import common
from workbench.errors import WorkbenchError
from workbench.services.index_queue import catch_up, pending_count
from workbench.services.indexing import reindex_all
from workbench.store.vault import Vault

log = logging.getLogger("workbench.cli")


def _progress(done: int, total: int | None, label: str = "") -> None:
    """Progress on a terminal only: piped stderr and ``--json`` stdout stay clean."""
    if sys.stderr.isatty() and total:
        end = "\n" if done >= total else ""
        print(f"\r正在编入检索：{done:,} / {total:,}", end=end, file=sys.stderr, flush=True)


def index_after_import(vault: Vault) -> int:
    """Index what an import queued. The import is committed already, so a failure here only
    warns: the records stay queued for ``workbench index`` or the next desktop unlock."""
    try:
        return catch_up(vault, progress=_progress)
    except WorkbenchError as exc:
        log.warning("search catch-up after import failed: %s", exc.code)
        print(
            f"警告 [{exc.code}]：导入已完成，但检索索引未能更新（{exc.message}）；"
            "请稍后运行 workbench index",
            file=sys.stderr,
        )
        return 0


def cmd_index(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        if args.rebuild:
            with vault.session() as s:
                written = reindex_all(s)
            common.emit(
                args,
                {"rebuilt": True, "indexed": written, "pending": 0},
                f"已重建检索索引：{written:,} 条记录。",
            )
            return 0
        indexed = catch_up(vault, batch=args.batch, progress=_progress)
        with vault.read() as s:
            left = pending_count(s)
    human = (
        f"已编入检索 {indexed:,} 条记录。" if indexed else "检索索引已是最新，没有待编入的记录。"
    )
    if left:
        human += f"\n仍有 {left:,} 条记录尚未编入检索。"
    common.emit(args, {"rebuilt": False, "indexed": indexed, "pending": left}, human)
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("应为正整数")
    return value


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("index")
    p.add_argument("--rebuild", action="store_true", help="按全部记录重建检索索引")
    p.add_argument("--batch", type=_positive, default=1000, help="每个事务处理的记录数")
    p.set_defaults(func=cmd_index)
