"""``workbench data rules|run|hits``: the 比对规则, a run over a round's lists and the hits it
found (see ``data_cmds``; the rules live in datacheck/rules.py, the run in services/datahits.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from workbench.cli import common
from workbench.datacheck.rules import MAX_FILE_BYTES, add_rule, parse_rule_file, retire_rule
from workbench.errors import UsageError
from workbench.services.datahits import HitView, RuleView, list_hits, rule_list, run_rules
from workbench.vocab.enums import HitStatus

_STATUSES = "|".join(s.value for s in HitStatus)


def _progress(done: int, total: int | None, label: str = "") -> None:
    """Progress on a terminal only: piped stderr and ``--json`` stdout stay clean."""
    if sys.stderr.isatty() and total:
        end = "\n" if done >= total else ""
        step = f"：{label}" if label else ""
        print(f"\r\x1b[K正在比对 {done}/{total}{step}", end=end, file=sys.stderr, flush=True)


def _params(params: dict[str, Any]) -> str:
    return "，".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in params.items())


def _rule_line(rule: RuleView) -> str:
    origin = "内置" if rule.shipped else "本办"
    retired = "（已停用）" if rule.retired else ""
    return (
        f"{rule.id} v{rule.version} [{origin}] {rule.title}{retired}\n"
        f"    模板：{rule.match}（{rule.match_label}）  参数：{_params(rule.params)}"
    )


def cmd_rules(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        rules = rule_list(s, retired=args.retired)
    common.emit(args, rules, "\n".join(_rule_line(r) for r in rules) or "没有比对规则")
    return 0


def _read_rule_file(path: str) -> bytes:
    """The file's bytes, one past the cap at most: a larger file is refused, not cut short."""
    try:
        with open(path, "rb") as f:
            return f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"无法读取规则文件：{path}（{exc.strerror or exc}）") from None


def cmd_rules_add(args: argparse.Namespace) -> int:
    definition = parse_rule_file(_read_rule_file(args.file))
    with common.unlock(args) as vault, vault.session() as s:
        rule = add_rule(s, definition)
    common.emit(args, rule, f"已新增比对规则 {rule.id} v{rule.version}：{rule.title}")
    return 0


def cmd_rules_retire(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        retire_rule(s, args.id)
    common.emit(args, {"retired": args.id}, f"已停用比对规则 {args.id}（已有疑点保留）")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        round_id = common.round_arg(vault, args.round)
        with vault.session() as s:
            result = run_rules(s, round_id, args.rule, progress=_progress)
    lines = [f"比对完成：新增疑点 {result.new} 条，已有 {result.known} 条"]
    lines += [f"  {rule}：{count} 条" for rule, count in result.by_rule.items()]
    common.emit(args, result, "\n".join(lines))
    return 0


def _hit_lines(hit: HitView) -> str:
    return f"{hit.id} {hit.rule_id} [{hit.status.label}] {hit.summary}"


def cmd_hits(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        round_id = common.round_arg(vault, args.round) if args.round else None
        with vault.read() as s:
            hits = list_hits(s, round_id=round_id, rule_id=args.rule, status=args.status)
    common.emit(args, hits, "\n".join(_hit_lines(h) for h in hits) or "没有疑点")
    return 0


def add_parsers(data: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = data.add_parser("rules", help="比对规则：列出（内置与本办），或新增、停用本办规则")
    p.add_argument("--retired", action="store_true", help="也列出已停用的本办规则")
    p.set_defaults(func=cmd_rules)
    actions = p.add_subparsers(dest="rules_command", metavar="操作")
    q = actions.add_parser("add", help="新增本办规则或其新版本（巡察办）")
    q.add_argument("file", metavar="FILE.json", help="规则定义文件（JSON）")
    q.set_defaults(func=cmd_rules_add)
    q = actions.add_parser("retire", help="停用本办规则，已有疑点保留（巡察办）")
    q.add_argument("id", help="规则编号")
    q.set_defaults(func=cmd_rules_retire)
    p = data.add_parser("run", help="对本轮名单运行比对规则，记录新疑点")
    p.add_argument("--round", required=True, help="轮次 id 或名称")
    p.add_argument("--rule", help="只运行这条规则（编号）")
    p.set_defaults(func=cmd_run)
    p = data.add_parser("hits", help="列出比对疑点")
    p.add_argument("--round", help="轮次 id 或名称")
    p.add_argument("--rule", help="规则编号")
    p.add_argument("--status", help=f"状态：{_STATUSES}（或 待处理/待核实/属实/排除）")
    p.set_defaults(func=cmd_hits)
