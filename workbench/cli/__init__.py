"""The ``workbench`` command line, for scripting and office batch work.

Exit codes (stable, documented in docs/cli.md): 0 success, 1 unexpected failure, 2 usage,
3 authentication, 4 integrity (also a damaged store), 5 not found, 6 permission, 7 conflict,
8 validation, 9 disk full, 10 cancelled, 11 busy, 12 nothing to export, 13 the office server
unreachable.
"""

from __future__ import annotations

import argparse
import functools
import logging
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from workbench import __version__
from workbench.cli import argparse_zh
from workbench.errors import UsageError, WorkbenchError

argparse_zh.install()

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


# The top-level commands in the order `workbench --help` lists them, with their help: the one
# place of both. `--help`, `--version` and a mistyped command are answered from this table
# alone; only a command's own run imports the modules behind it (SQLAlchemy, cryptography,
# python-docx…), so those answers stay fast.
COMMANDS: dict[str, str] = {
    "init": "创建新的加密数据库（显示一次恢复码）",
    "info": "数据库概况",
    "passwd": "修改当前用户的口令",
    "user": "用户管理",
    "rekey": "更换数据密钥：重新加密数据库和附件，恢复码随之更换（系统管理员）",
    "recover": "用恢复码解锁并设置新口令",
    "attach": "附件",
    "backup": "加密备份整个数据库",
    "restore": "从备份恢复到 --store 指定的空文件夹",
    "check": "完整性检查",
    "audit": "审计日志",
    "search": "全文检索（支持一、二、多字词和拼音首字母）",
    "stats": "轮次统计",
    "rounds": "巡察轮次：list / show",
    "targets": "被巡察对象：list / show / void",
    "persons": "干部/人员：list / show / void",
    "interviews": "个别谈话：list / show / void",
    "letters": "信访件：list / show / void",
    "findings": "问题底稿：list / show / void",
    "clues": "问题线索：list / show / void",
    "activities": "工作记录：list / show / void",
    "focus": "监督重点清单事项：list / show / void",
    "lists": "“3+1”清单条目：list / show / void",
    "portraits": "政治画像：list / show / void",
    "rectifications": "整改台账：list / show / void",
    "reports": "报告：list / show / void",
    "archive": "立卷归档：list / show / void",
    "teams": "巡察组：add / edit / contact / list",
    "members": "组员：add / edit / list",
    "templates": "配置导入用的空白 Excel 模板",
    "report": "生成文书（Word）和台账（Excel）",
    "report-import": "导入被巡察单位填报的整改台账（.xlsx）",
    "report-settings": "查看或设定公文版头、版记（设定：巡察办）",
    "report-numbers": "列出已签发的发文字号",
    "office": "巡察办：交换密钥；服务器上的巡察办数据库（create / connect / reconnect / migrate）",
    "enrol": "设备登记",
    "devices": "（巡察办）已登记设备",
    "export": "（巡察组）把本轮上次导出以来的变化导出为加密数据包",
    "brief": "（巡察办）生成发给巡察组设备的部署包",
    "import": "导入数据包（巡察办导入巡察组包；巡察组导入部署包和回执）",
    "verify": "校验数据包而不导入",
    "rejected": "被拒收数据包的保留情况；系统管理员可设置保留天数和总量",
    "receipt": "（巡察办）开具回执；receipt accept FILE：（巡察组）接受回执",
    "wipe": "（巡察组）清理已经巡察办确认的一轮数据",
    "conflicts": "（巡察办）合并冲突",
    "index": "把导入后尚未编入检索的记录编入检索索引",
    "data": "大数据碰撞比对：导入名单、运行比对规则、核查疑点",
    "demo": "创建演示数据库",
}


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The top-level command list: each command's help comes from ``COMMANDS``, so the modules
    registering the commands and the fast answers above cannot disagree."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if name not in COMMANDS:
            raise KeyError(f"{name} is missing from workbench.cli.COMMANDS")
        kwargs["help"] = COMMANDS[name]
        parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        return parser


class _SelfTestAction(argparse.Action):
    """``--self-test`` runs like ``--version``: no subcommand needed, exits with its verdict."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        from workbench.logs import setup_logging
        from workbench.selftest import main as self_test

        setup_logging()  # as main() does for a command: a failing step's traceback goes there
        parser.exit(self_test())


def _root_parser() -> tuple[argparse.ArgumentParser, _Commands]:
    parser = _RootParser(prog="workbench", description="巡察工作台命令行")
    parser.add_argument(
        "--version", action="version", version=f"workbench {__version__}", help="显示版本后退出"
    )
    parser.add_argument(
        "--self-test", action=_SelfTestAction, help="安装自检：在临时数据库上试一遍主要功能后退出"
    )
    _add_global_options(parser, None)
    parser.set_defaults(json=False)
    sub = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, action=_Commands, metavar="命令"
    )
    assert isinstance(sub, _Commands)
    return parser, sub


@functools.cache
def _placeholder_parser() -> argparse.ArgumentParser:
    """The root parser with each command a placeholder (built once per process, as ``_parser``)."""
    parser, sub = _root_parser()
    for name in COMMANDS:
        sub.add_parser(name, add_help=False)
    return parser


def _answer_without_commands(argv: Sequence[str] | None) -> None:
    """``--help``, ``--version``, ``--self-test``, no command or an unknown one: answered (and
    exited or refused) by the root parser with each command a placeholder; returns when a known
    command is given, for the full parser."""
    _placeholder_parser().parse_known_args(argv)


def build_parser() -> argparse.ArgumentParser:
    from workbench.cli import (
        data_cmds,
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

    parser, sub = _root_parser()
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
    data_cmds.register(sub)
    demo_cmds.register(sub)
    return parser


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """The full parser, built once per process and reused by every ``main()`` call (tests and
    scripts call it many times): argparse keeps a call's values in the namespace it returns,
    and no option's default is a value a command changes, so one call leaves nothing for the
    next. Help is laid out when printed, at the terminal's width of that moment."""
    return build_parser()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        _answer_without_commands(argv)
        from workbench.logs import setup_logging

        setup_logging()
        args = _parser().parse_args(argv)
        return int(args.func(args))
    except WorkbenchError as exc:
        from workbench.cli.common import terminal_safe

        # a message may quote a file's own text (a list's headers, a sheet's name)
        print(f"错误 [{exc.code}]：{terminal_safe(exc.message)}", file=sys.stderr)
        if exc.cli_hint:
            print(f"处理办法：{exc.cli_hint}", file=sys.stderr)
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
