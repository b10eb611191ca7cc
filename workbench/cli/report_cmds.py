"""``workbench report``: GB/T 9704 documents and Excel ledgers; ``workbench report-import``: an
edited 整改台账 back into the store.

    workbench report --list
    workbench report inspection-report --round R --out 报告.docx
    workbench report rectification --round R --out 整改台账.xlsx
    workbench report finding --id F --out 底稿.docx --copy-no 000003
    workbench report feedback --starter-template --out 反馈意见模板.docx
    workbench report feedback --install-template 我办模板.docx
    workbench report-import 整改台账-已填.xlsx --round R --dry-run

Exports are plaintext by the user's choice: a warning says so and every export is audited.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from workbench.cli import common, report_frame_cmds
from workbench.errors import UsageError
from workbench.reports import (
    DOCUMENTS,
    DocRequest,
    OutputExists,
    check_template,
    export_document,
    get_spec,
    import_rectification_ledger,
    install_template,
    remove_template,
    starter_template,
    template_for,
)
from workbench.reports.grouping import LeftOut, left_out_findings
from workbench.reports.registry import SCOPE_HELP, copy_number, record_kind, resolve
from workbench.services.identifiers import resolve_record
from workbench.store.vault import Vault

PLAINTEXT_WARNING = (
    "警告：导出的文件未加密（明文）。请按保密规定存放和传递，用毕及时删除；本次导出已记入审计日志。"
)


def _list(args: argparse.Namespace) -> int:
    rows: list[dict[str, str]] = [
        {
            "type": d.code,
            "title": d.title,
            "scope": SCOPE_HELP[d.scope],
            "formats": "/".join(d.formats),
            "template": str(template_for(d.code) or "") if d.render else "",
        }
        for d in DOCUMENTS
    ]
    width = max(len(r["type"]) for r in rows)
    lines = [
        f"{r['type'].ljust(width)}  {r['title']}（{r['formats']}）  {r['scope']}"
        + ("  [使用本办模板]" if r["template"] else "")
        for r in rows
    ]
    common.emit(args, rows, "\n".join(lines))
    return 0


def _templates(args: argparse.Namespace) -> int | None:
    """The template actions, which need no store; None when the command is an export."""
    spec = get_spec(args.type)
    if args.starter_template:
        out = _out(args, refuse_existing=True)
        starter_template(spec.code, out)
        common.emit(args, {"type": spec.code, "path": str(out)}, f"已生成{spec.title}模板：{out}")
        return 0
    if args.check_template:
        check = check_template(Path(args.check_template), spec.code)
        common.emit(args, check, f"模板可用于{spec.title}，使用的占位符：{'、'.join(check.used)}")
        return 0
    if args.install_template:
        path = install_template(Path(args.install_template), spec.code)
        common.emit(args, {"type": spec.code, "path": str(path)}, f"已启用{spec.title}模板：{path}")
        return 0
    if args.remove_template:
        removed = remove_template(spec.code)
        common.emit(
            args,
            {"type": spec.code, "removed": removed},
            f"已恢复{spec.title}的内置版式" if removed else f"{spec.title}没有本办模板",
        )
        return 0
    return None


def _out(args: argparse.Namespace, *, refuse_existing: bool = False) -> Path:
    if not args.out:
        raise UsageError("请用 --out 指定输出文件（.docx 或 .xlsx）")
    out = Path(args.out)
    if refuse_existing and out.exists() and not args.force:
        raise OutputExists(f"文件已存在：{out}（覆盖请加 --force）", path=str(out))
    return out


def _resolve_ids(vault: Any, request: DocRequest) -> DocRequest:
    """``--round``, ``--target`` and ``--id`` as names and numbers as well as UUIDs."""
    with vault.read() as s:
        round_id = resolve_record(s, "rounds", request.round_id) if request.round_id else None
        target_id = request.target_id
        if target_id:
            target_id = resolve_record(s, "targets", target_id, round_id)
        record_id = request.record_id
        kind = record_kind(get_spec(request.doc_type))
        if record_id and kind:
            record_id = resolve_record(s, kind, record_id, round_id)
    return replace(request, round_id=round_id, target_id=target_id, record_id=record_id)


def _left_out(vault: Vault, request: DocRequest) -> list[LeftOut]:
    """The 底稿 marked 纳入报告 that a signed 巡察报告 or 反馈意见 left out."""
    with vault.read() as s:
        spec, resolved = resolve(s, request)
        return left_out_findings(s, resolved) if spec.signed_findings else []


def cmd_report(args: argparse.Namespace) -> int:
    if args.list:
        return _list(args)
    if not args.type:
        raise UsageError("请指定文书类型（workbench report --list 查看）")
    done = _templates(args)
    if done is not None:
        return done
    out = _out(args)
    request = DocRequest(
        args.type,
        round_id=args.round,
        target_id=args.target,
        record_id=args.id,
        copy_no=copy_number(args.copy_no or ""),  # refused before the passphrase is asked
        date=common.iso_date(args.date, "--date"),
        draft=bool(args.draft),
        appendix=bool(args.appendix),
        names=bool(args.names),
        unit=args.unit or "",
        **report_frame_cmds.frame_choices(args),
    )
    with common.unlock(args) as vault:
        request = _resolve_ids(vault, request)
        result = export_document(
            vault, request, out, overwrite=args.force, use_template=not args.builtin
        )
        left = [] if args.draft else _left_out(vault, request)
    print(PLAINTEXT_WARNING, file=sys.stderr)
    if left:  # stderr: --json output and scripts reading stdout stay unchanged
        print(f"未审签、未纳入本文书的底稿 {len(left)} 份：", file=sys.stderr)
        for item in left:
            print(f"  {item.number} {item.title}（{item.reason}）", file=sys.stderr)
    rows = f"，{result.rows} 行" if result.rows is not None else ""
    rows += f"，发文字号 {result.number}" if result.number else ""
    layout = f"，模板 {Path(result.template).name}" if result.template else ""
    common.emit(
        args,
        result,
        f"已导出{result.title}：{result.path}（{result.size:,} 字节{rows}{layout}）\n"
        f"SHA-256：{result.sha256}",
    )
    return 0


def cmd_report_import(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        report = import_rectification_ledger(
            vault,
            Path(args.file),
            round_id=common.round_arg(vault, args.round) if args.round else None,
            dry_run=args.dry_run,
            clean_rows_only=args.clean_rows_only,
        )
    verb = {"updated": "已更新", "created": "已新增", "unchanged": "未变化", "refused": "未导入"}
    if not report.saved:
        verb.update(updated="可更新", created="可新增")
    counts = (
        f"{verb['updated']} {len(report.updated)} 项，{verb['created']} {len(report.created)} 项，"
        f"未变化 {len(report.unchanged)} 项，未导入 {len(report.refused)} 项"
    )
    lines = [("试导入（未保存任何修改）：" if args.dry_run else "") + counts]
    if report.refused and not report.saved and not args.dry_run:
        lines.append(
            "有行未通过检查，整个文件未导入（未保存任何修改）；"
            "请按原因改正后重新导入，或用 --clean-rows-only 只导入无误的行"
        )
    for o in report.outcomes:
        if o.action == "unchanged":
            continue
        detail = f"——{o.reason}" if o.reason else f"（{'、'.join(o.fields)}）"
        lines.append(f"  第 {o.row} 行 {o.number}：{verb[o.action]}{detail}")
    common.emit(args, report, "\n".join(lines))
    # some rows refused (the file not imported, or only its clean rows): scripts must notice
    return 8 if report.refused else 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report")
    p.add_argument("type", nargs="?", help="文书类型，见 --list")
    p.add_argument("--list", action="store_true", help="列出可生成的文书")
    p.add_argument("--round", help="巡察轮次名称或 id")
    p.add_argument("--target", help="被巡察对象名称或 id")
    p.add_argument("--id", help="记录的编号或 id（谈话记录、信访件、底稿、线索；画像用 id）")
    p.add_argument(
        "--unit", help="问题线索移交函的接收单位（如 县纪委监委、县委组织部）：每个单位一函"
    )
    p.add_argument("--out", help="输出文件，.docx 或 .xlsx")
    p.add_argument("--copy-no", help="份号，1–999999（如 000001）")
    p.add_argument("--date", help="成文日期 YYYY-MM-DD（默认：按文书取轮次或记录的日期）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    p.add_argument(
        "--draft",
        action="store_true",
        help="征求意见稿：巡察报告、反馈意见含未审签底稿，每页标注“征求意见稿（草稿）”",
    )
    p.add_argument(
        "--appendix", action="store_true", help="政治画像报告：附全部条目的评价明细表（附件）"
    )
    p.add_argument(
        "--names", action="store_true", help="反馈意见写出人员姓名（默认以职务代替姓名）"
    )
    report_frame_cmds.add_frame_options(p)
    p.add_argument("--builtin", action="store_true", help="忽略本办模板，用内置版式")
    p.add_argument("--starter-template", action="store_true", help="生成含全部占位符的模板")
    p.add_argument("--check-template", metavar="DOCX", help="检查模板能否用于该文书")
    p.add_argument("--install-template", metavar="DOCX", help="检查并启用本办模板")
    p.add_argument("--remove-template", action="store_true", help="停用本办模板")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("report-import")
    p.add_argument("file")
    p.add_argument("--round", help="巡察轮次名称或 id（默认：台账导出时的轮次）")
    p.add_argument("--dry-run", action="store_true", help="只检查，不保存")
    p.add_argument(
        "--clean-rows-only",
        action="store_true",
        help="有行未通过检查时，仍导入其余无误的行（默认：整个文件不导入）",
    )
    p.set_defaults(func=cmd_report_import)
    report_frame_cmds.register(sub)
