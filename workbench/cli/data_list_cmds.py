"""``workbench data import|preview|sources|remove|access``: the lists of 大数据碰撞比对
(services/datalists.py, services/data_access.py).

An import is all or nothing: a refused list prints every refused row (第 N 行“列名”：原因) and
exits 8 with nothing stored; ``--skip-bad`` stores the others and lists the rows left out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli import common
from workbench.datacheck.errors import ListRowsRefused, RowProblem
from workbench.datacheck.kinds import FIELDS
from workbench.errors import UsageError
from workbench.roles import ROLE_LABELS
from workbench.services import data_access, datalists
from workbench.services.datalist_transfer import received_from
from workbench.services.identifiers import resolve_record
from workbench.vocab.enums import DataListKind

EXIT_REFUSED = ListRowsRefused.exit_code
KIND_CODES = "、".join(f"{k.value}（{k.label}）" for k in DataListKind)


def _kind(text: str) -> DataListKind:
    try:
        return DataListKind.parse(text.strip())
    except ValueError:
        raise UsageError(f"--kind 的值“{text}”无效，可选：{KIND_CODES}") from None


def _maps(items: list[str] | None) -> dict[str, str]:
    """``--map 字段=列名`` given, as field → header text."""
    chosen: dict[str, str] = {}
    for item in items or ():
        name, sep, header = item.partition("=")
        if not sep or not name.strip() or not header.strip():
            raise UsageError(f"--map 的值“{item}”无效，应为 字段=列名，如 身份证号=公民身份号码")
        chosen[name.strip()] = header.strip()
    return chosen


def _progress(done: int, total: int | None, label: str = "") -> None:
    """Progress on a terminal only: piped stderr and ``--json`` stdout stay clean."""
    if sys.stderr.isatty():
        print(f"\r{label or '正在导入'}：{done:,} 行", end="", file=sys.stderr, flush=True)


def _problem_line(p: RowProblem) -> str:
    column = f"“{p.column}”" if p.column else ""
    return f"  第 {p.row_no} 行{column}：{p.reason}"


def _mapping_lines(
    kind: DataListKind, headers: tuple[str, ...], mapping: dict[str, int]
) -> list[str]:
    lines = []
    for field in FIELDS[kind]:
        mark = "（必填）" if field.required else ""
        if field.key in mapping:
            index = mapping[field.key]
            lines.append(f"  {field.label}{mark} ← “{headers[index]}”（第 {index + 1} 列）")
        else:
            lines.append(f"  {field.label}{mark} ← 未对应")
    return lines


def cmd_preview(args: argparse.Namespace) -> int:
    kind = _kind(args.kind)
    with common.unlock(args) as vault, vault.read() as s:
        preview = datalists.preview_list(s, Path(args.file), kind, args.label or "", args.sheet)
    head = f"“{preview.file_name}”工作表“{preview.sheet}”"
    if len(preview.sheets) > 1:
        head += f"（共 {len(preview.sheets)} 个：{'、'.join(preview.sheets)}）"
    source = "上次确认的对应关系" if preview.remembered else "按表头推测"
    lines = [head, f"{kind.label}的列对应（{source}）："]
    lines += _mapping_lines(kind, preview.headers, preview.mapping)
    if preview.missing:
        names = "、".join(f.label for f in FIELDS[kind] if f.key in preview.missing)
        lines.append(f"缺少必填项的列：{names}；请用 --map 字段=列名 指明")
    lines.append(f"前 {len(preview.sample)} 行：")
    lines.append("  " + " | ".join(preview.headers))
    lines += ["  " + " | ".join(c or "" for c in row) for row in preview.sample]
    common.emit(args, preview, "\n".join(lines))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    kind = _kind(args.kind)
    source_date = common.iso_date(args.date, "--date")
    maps = _maps(args.map)
    path = Path(args.file)
    with common.unlock(args) as vault:
        mapping: dict[str, int | str] | None = None
        if maps:  # the offered mapping, with the columns named here in place of its own
            with vault.read() as s:
                preview = datalists.preview_list(s, path, kind, args.label or "", args.sheet)
                chosen = datalists.resolve_mapping(kind, preview.headers, maps)
            taken = set(chosen.values())
            offered = {k: i for k, i in preview.mapping.items() if i not in taken}
            mapping = {**offered, **chosen}
        try:
            with vault.session() as s:
                done = datalists.import_list(
                    s,
                    path,
                    kind=kind,
                    round_id=args.round,  # resolved inside, after its late start on the server
                    label=args.label or "",
                    source_date=source_date,
                    mapping=mapping,
                    sheet=args.sheet,
                    skip_bad=args.skip_bad,
                    progress=_progress,
                )
        except ListRowsRefused as refused:
            return _refused(args, refused)
        finally:
            if sys.stderr.isatty():
                print(file=sys.stderr)
    lines = [f"已导入“{path.name}”（{kind.label}）{done.rows:,} 行"]
    if done.skipped_rows:
        lines[0] += f"，{done.skipped_rows:,} 行无法读取，未导入："
        lines += [_problem_line(p) for p in done.skipped]
        if done.skipped_rows > len({p.row_no for p in done.skipped}):
            lines.append(f"  ……（只列出前 {len(done.skipped)} 处）")
    common.emit(args, done, "\n".join(lines))
    return 0


def _refused(args: argparse.Namespace, refused: ListRowsRefused) -> int:
    """Every refused row, one a line, and exit 8: scripts must notice."""
    bad_rows = refused.details.get("bad_rows", len(refused.problems))
    count = refused.details.get("problem_count", len(refused.problems))
    lines = [
        f"“{Path(args.file).name}”有 {bad_rows:,} 行无法读取，整个名单未导入（未做任何修改）；"
        "请按原因改正后重新导入，或用 --skip-bad 只导入无误的行"
    ]
    lines += [_problem_line(p) for p in refused.problems]
    if count > len(refused.problems):
        lines.append(f"  ……（共 {count:,} 处，只列出前 {len(refused.problems):,} 处）")
    data = {
        "status": "refused",
        "code": refused.code,
        "message": refused.message,
        "bad_rows": bad_rows,
        "problem_count": count,
        "problems": list(refused.problems),
    }
    common.emit(args, data, "\n".join(lines))
    return EXIT_REFUSED


def cmd_sources(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        round_id = resolve_record(s, "rounds", args.round) if args.round else None
        sources = datalists.list_sources(s, round_id)
        sent = received_from(s, [v.id for v in sources])
    lines = []
    for v in sources:
        when = f"，截至 {v.source_date:%Y-%m-%d}" if v.source_date else ""
        skipped = f"，{v.skipped} 处未导入" if v.skipped else ""
        by, at, verb = v.imported_by, f"{v.imported_at:%Y-%m-%d %H:%M}", "导入"
        if v.id in sent:  # a briefing brought it
            by, at, verb = sent[v.id][0], f"{sent[v.id][1]:%Y-%m-%d}", "下发"
        lines.append(
            f"{v.id}  {v.kind_label}  来源：{v.label}{when}  {v.rows:,} 行{skipped}  "
            f"“{v.file_name}”  {v.round_name}  {by} {at} {verb}"
        )
    common.emit(args, sources, "\n".join(lines) if lines else "没有导入的名单")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        removed = datalists.remove_source(s, args.source)
    human = (
        f"已删除名单“{removed.file_name}”（{removed.kind_label}，来源：{removed.label}）"
        f"及其 {removed.rows:,} 行数据"
    )
    common.emit(args, removed, human)
    return 0


def cmd_access(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        if args.set is not None:
            wanted = [r for r in args.set.replace("，", ",").split(",") if r.strip()]
            with vault.session() as s:
                roles = data_access.set_data_roles(s, wanted)
        else:
            with vault.read() as s:
                roles = data_access.data_roles(s)
    names = "、".join(ROLE_LABELS[r] for r in sorted(roles))
    common.emit(args, {"roles": sorted(r.value for r in roles)}, f"可导入和查看名单的角色：{names}")
    return 0


def add_parsers(data: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kinds = f"名单类型：{KIND_CODES}"
    p = data.add_parser("import", help="导入名单到加密数据库（有无法读取的行则整个名单不导入）")
    p.add_argument("file", help="名单文件（.xlsx、.xls 或 .csv）")
    p.add_argument("--kind", required=True, help=kinds)
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.add_argument("--label", help="数据来源，如 县民政局（默认：名单类型）；列对应关系按它记住")
    p.add_argument("--date", help="数据截止日期 YYYY-MM-DD")
    p.add_argument("--sheet", help="工作表名称（默认：第一个）")
    p.add_argument(
        "--map",
        action="append",
        metavar="字段=列名",
        help="指明某项对应的列，可重复，如 身份证号=公民身份号码；未指明的按上次确认或表头推测",
    )
    p.add_argument("--skip-bad", action="store_true", help="跳过无法读取的行，导入其余的行")
    p.set_defaults(func=cmd_import)

    p = data.add_parser("preview", help="预览名单文件：推测的列对应关系和前 20 行（不导入）")
    p.add_argument("file", help="名单文件（.xlsx、.xls 或 .csv）")
    p.add_argument("--kind", required=True, help=kinds)
    p.add_argument("--label", help="数据来源（用于找出上次确认的对应关系）")
    p.add_argument("--sheet", help="工作表名称（默认：第一个）")
    p.set_defaults(func=cmd_preview)

    p = data.add_parser("sources", help="已导入的名单")
    p.add_argument("--round", help="轮次名称或 id")
    p.set_defaults(func=cmd_sources)

    p = data.add_parser("remove", help="删除一份名单及其全部数据行")
    p.add_argument("source", help="名单 id（见 data sources）")
    p.set_defaults(func=cmd_remove)

    p = data.add_parser("access", help="查看或设定可导入和查看名单的角色")
    p.add_argument("--set", metavar="角色,…", help="设定这些角色（巡察办始终可以；仅巡察办可设定）")
    p.set_defaults(func=cmd_access)
