"""``workbench data``: 大数据碰撞比对. The lists (import, sources, remove, access) are in
``data_list_cmds``, the rules and runs (rules, run, hits) in ``data_rule_cmds``, a hit's review
(hit ID exclude|verify|confirm|to-clue|to-finding) in ``data_hit_cmds``."""

from __future__ import annotations

import argparse

from workbench.cli import data_hit_cmds, data_list_cmds, data_rule_cmds


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    data = sub.add_parser("data").add_subparsers(dest="data_command", required=True, metavar="操作")
    data_list_cmds.add_parsers(data)
    data_rule_cmds.add_parsers(data)
    data_hit_cmds.add_parsers(data)
