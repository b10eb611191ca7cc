"""Set-up from Excel on the command line: ``templates write DIR`` (the blank templates) and
``targets|persons|members|lists import FILE --round R`` (reports/setup_import.py).

An import lists every refused row as 行号、列、原因 and exits 8 when any row was refused, whether
nothing was saved (the default) or only the clean rows (``--clean-rows-only``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench.cli import common
from workbench.reports.setup_import import SetupImportReport, import_setup_file
from workbench.reports.setup_templates import TEMPLATES, write_templates
from workbench.services.office_setup import resolve_round

EXIT_REFUSED = 8  # as a validation error: scripts must notice


def cmd_templates_write(args: argparse.Namespace) -> int:
    paths = write_templates(Path(args.dir), overwrite=args.force)
    lines = [f"已保存空白模板：{p}" for p in paths]
    common.emit(args, {"files": [str(p) for p in paths]}, "\n".join(lines))
    return 0


def report_lines(report: SetupImportReport) -> list[str]:
    """The outcome, then one line per refusal: 第 N 行「列」：原因."""
    title = TEMPLATES[report.kind].title
    rows = len(report.refused_rows)
    if report.dry_run:
        head = f"检查“{report.file}”（{title}）：{report.accepted} 行无误，{rows} 行未通过检查"
    elif report.saved:
        head = f"已从“{report.file}”导入{title} {report.accepted} 行"
        head += f"，{rows} 行未导入" if rows else ""
    elif rows:
        head = (
            f"“{report.file}”有 {rows} 行未通过检查，整个文件未导入（未做任何修改）；"
            "请按原因改正后重新导入，或用 --clean-rows-only 只导入无误的行"
        )
    else:
        head = f"“{report.file}”中没有数据行，未做任何修改"
    lines = [head]
    for r in report.refusals:
        column = f"“{r.column}”" if r.column else ""
        lines.append(f"  第 {r.row} 行{column}：{r.reason}")
    return lines


def _import(kind: str) -> Any:
    def run(args: argparse.Namespace) -> int:
        with common.unlock(args) as vault:
            with vault.read() as s:
                round_id = resolve_round(s, args.round)
            report = import_setup_file(
                vault,
                Path(args.file),
                kind,
                round_id,
                dry_run=args.dry_run,
                clean_rows_only=args.clean_rows_only,
            )
        data = {
            "file": report.file,
            "kind": report.kind,
            "round_id": report.round_id,
            "rows": report.rows,
            "accepted": report.accepted,
            "saved": report.saved,
            "dry_run": report.dry_run,
            "clean_rows_only": report.clean_rows_only,
            "refused_rows": list(report.refused_rows),
            "refusals": list(report.refusals),
        }
        common.emit(args, data, "\n".join(report_lines(report)))
        return EXIT_REFUSED if report.refusals else 0

    return run


def _verbs(sub: argparse._SubParsersAction, name: str) -> Any:  # type: ignore[type-arg]
    """The verbs of an existing command group (``targets``, ``members`` …)."""
    group = sub.choices[name]
    return next(a for a in group._actions if isinstance(a, argparse._SubParsersAction))


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``templates write``; ``import`` added to the targets, persons, members and lists groups
    (made by list_cmds and setup_cmds, which must register first)."""
    templates = sub.add_parser("templates").add_subparsers(dest="templates_cmd", required=True)
    p = templates.add_parser(
        "write", help="保存四个空白模板：被巡察单位、干部人员、巡察组成员、3+1清单条目"
    )
    p.add_argument("dir", help="保存到的文件夹（没有则新建）")
    p.add_argument("--force", action="store_true", help="覆盖文件夹中已有的同名模板")
    p.set_defaults(func=cmd_templates_write)
    for kind in TEMPLATES:  # the template kinds are named as the command groups
        title = TEMPLATES[kind].title
        p = _verbs(sub, kind).add_parser(
            "import", help=f"从 Excel 模板导入{title}（巡察办；有误则整个文件不导入）"
        )
        p.add_argument("file", help=f"填好的“{title}”模板（.xlsx）")
        p.add_argument("--round", required=True, help="轮次名称或 id")
        p.add_argument("--dry-run", action="store_true", help="只检查，不保存")
        p.add_argument(
            "--clean-rows-only",
            action="store_true",
            help="有行未通过检查时，仍导入其余无误的行（默认：整个文件不导入）",
        )
        p.set_defaults(func=_import(kind))
