"""The ``workbench`` command line, for scripting and office batch work.

Exit codes (stable, documented in docs/cli.md): 0 success, 1 unexpected failure, 2 usage,
3 authentication, 4 integrity (also a damaged store), 5 not found, 6 permission, 7 conflict,
8 validation, 9 disk full, 10 cancelled, 11 busy.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from workbench import __version__
from workbench.cli import (
    demo_cmds,
    exchange_cmds,
    index_cmds,
    list_cmds,
    record_cmds,
    rectification_cmds,
    report_cmds,
    setup_cmds,
    setup_import_cmds,
    signoff_cmds,
    store_cmds,
)
from workbench.errors import UsageError, WorkbenchError
from workbench.logs import setup_logging

log = logging.getLogger("workbench.cli")


def _add_global_options(parser: argparse.ArgumentParser, default: object) -> None:
    """Global options, accepted before or after the subcommand (``workbench info --json``)."""
    parser.add_argument(
        "--store", default=default, help="数据库文件夹（默认：WORKBENCH_STORE 或用户数据目录）"
    )
    parser.add_argument("--user", default=default, help="用户名（默认：WORKBENCH_USER）")
    parser.add_argument("--passphrase-file", default=default, help="从文件第一行读取口令")
    parser.add_argument("--new-passphrase-file", default=default, help="从文件第一行读取新口令")
    parser.add_argument("--json", action="store_true", default=default, help="以 JSON 输出")


class _Parser(argparse.ArgumentParser):
    """Subcommand parser: raises UsageError (exit code 2) and repeats the global options."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_global_options(self, argparse.SUPPRESS)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"参数有误：{message}")


class _RootParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"参数有误：{message}")


class _SelfTestAction(argparse.Action):
    """``--self-test`` runs like ``--version``: no subcommand needed, exits with its verdict."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        from workbench.selftest import main as self_test

        parser.exit(self_test())


def build_parser() -> argparse.ArgumentParser:
    parser = _RootParser(prog="workbench", description="巡察工作台命令行")
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument(
        "--self-test", action=_SelfTestAction, help="安装自检：在临时数据库上试一遍主要功能后退出"
    )
    _add_global_options(parser, None)
    parser.set_defaults(json=False)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    store_cmds.register(sub)
    record_cmds.register(sub)
    groups = list_cmds.register(sub)
    setup_cmds.register(sub, groups)
    setup_import_cmds.register(sub)
    signoff_cmds.register(groups)
    rectification_cmds.register(groups["rectifications"])
    report_cmds.register(sub)
    exchange_cmds.register(sub)
    index_cmds.register(sub)
    demo_cmds.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    setup_logging()
    try:
        args = build_parser().parse_args(argv)
        return int(args.func(args))
    except WorkbenchError as exc:
        print(f"错误 [{exc.code}]：{exc.message}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `workbench … | head`: the reader left, nothing to report
        return 0
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except Exception as exc:
        log.exception("unexpected failure")
        print(f"错误 [WB-INTERNAL]：意外故障（{type(exc).__name__}），详情见日志", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
