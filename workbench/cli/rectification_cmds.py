"""``rectifications review|catalog|overdue|doc-*|supervise|assess|remind …``: the 整改
follow-through for scripts (the rules and who may take each step live in
services/rectification.py and services/rectification_followup.py)."""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from workbench.cli import common
from workbench.errors import UsageError
from workbench.services import rectification_documents as rdocs
from workbench.services import rectification_followup as fu
from workbench.services.followup_ids import resolve_followup
from workbench.services.identifiers import resolve_record
from workbench.services.office_setup import resolve_round
from workbench.services.rectification import (
    EvidenceEntry,
    list_rectifications,
    review_rectification,
    set_evidence_catalog,
)
from workbench.vocab.enums import Grade, RectificationDocKind, SupervisionAgency

_KINDS = "|".join(k.value for k in RectificationDocKind)
_AGENCIES = "|".join(a.value for a in SupervisionAgency)
_GRADES = "|".join(g.value for g in Grade)
_DOC_ID = "整改方案/报告 id，或 被巡察单位/plan|report（如 县教育局党组/整改方案）"
_SHA = re.compile(r"[0-9a-fA-F]{64}")


def _day(text: str | None, option: str, *, default_today: bool = False) -> date:
    day = common.iso_date(text, option)
    if day is None:
        if default_today:
            return date.today()
        raise UsageError(f"请用 {option} 给出日期（YYYY-MM-DD）")
    return day


def _item(s: Session, text: str) -> str:
    return resolve_record(s, "rectifications", text)


def _round_and_target(s: Session, args: argparse.Namespace) -> tuple[str, str]:
    round_id = resolve_round(s, args.round)
    return round_id, resolve_record(s, "targets", args.target, round_id)


def _catalog_entry(text: str) -> EvidenceEntry:
    """``名称`` or ``名称:SHA256`` (the attachment it links to)."""
    name, sep, tail = text.rpartition(":")
    if sep and _SHA.fullmatch(tail.strip()):
        return EvidenceEntry(name, tail.strip())
    return EvidenceEntry(text)


# -- the ledger item ---------------------------------------------------------------------------


def cmd_review(args: argparse.Namespace) -> int:
    day = _day(args.date, "--date", default_today=True)
    with common.unlock(args) as vault, vault.session() as s:
        view = review_rectification(s, _item(s, args.id), args.opinion or "", day)
    common.emit(args, view, f"整改事项 {view.number} 已填写巡察办审核意见（{day.isoformat()}）")
    return 0


def cmd_catalog(args: argparse.Namespace) -> int:
    entries = [_catalog_entry(t) for t in args.item or ()]
    if not entries and not args.clear:
        raise UsageError("请用 --item 给出佐证材料（名称 或 名称:SHA256），或用 --clear 清空目录")
    with common.unlock(args) as vault, vault.session() as s:
        view = set_evidence_catalog(s, _item(s, args.id), entries)
    common.emit(args, view, f"整改事项 {view.number} 佐证材料目录 {len(view.evidence_catalog)} 项")
    return 0


def cmd_period_rule(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        for kind, months in (
            (RectificationDocKind.PLAN, args.plan),
            (RectificationDocKind.REPORT, args.report),
        ):
            if months is not None:
                rdocs.set_period_months(s, kind, months)
        periods = {kind: rdocs.period_months(s, kind) for kind in RectificationDocKind}
    human = "；".join(f"{k.label}：反馈后 {n} 个月内报送" for k, n in periods.items())
    data = {
        "plan_months": periods[RectificationDocKind.PLAN],
        "report_months": periods[RectificationDocKind.REPORT],
    }
    common.emit(args, data, human)
    return 0


def cmd_overdue(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        round_id = resolve_round(s, args.round) if args.round else None
        items = list_rectifications(s, round_id=round_id, overdue=True, limit=1000).items
    today = date.today()
    lines = [
        f"{v.number}\t时限 {v.due_date}\t逾期 {(today - v.due_date).days} 天\t{v.status.label}"
        for v in items
        if v.due_date is not None
    ]
    common.emit(args, list(items), "\n".join(lines) or "没有逾期未销号的整改事项")
    return 0


# -- 整改方案 / 整改报告 -----------------------------------------------------------------------


def _doc_line(v: rdocs.DocumentView) -> str:
    due = v.due_on.isoformat() if v.due_on else "—"
    late = "（逾期报送）" if v.late else ""
    return f"{v.id}\t{v.kind.label}\t{v.status.label}{late}\t报送期限 {due}\t{v.title}"


def cmd_doc_add(args: argparse.Namespace) -> int:
    feedback = _day(args.feedback, "--feedback")
    due = common.iso_date(args.due, "--due")
    with common.unlock(args) as vault, vault.session() as s:
        round_id, target_id = _round_and_target(s, args)
        draft = rdocs.DocumentDraft(
            args.kind, target_id, feedback, title=args.title or "", due_on=due, body=""
        )
        view = rdocs.create_document(s, round_id, draft)
    common.emit(args, view, _doc_line(view))
    return 0


def cmd_doc_submit(args: argparse.Namespace) -> int:
    day = _day(args.date, "--date")
    with common.unlock(args) as vault, vault.session() as s:
        doc = resolve_followup(s, "document", args.id)
        view = rdocs.submit_document(s, doc, day, args.attach or ())
    common.emit(args, view, _doc_line(view))
    return 0


def cmd_doc_review(args: argparse.Namespace) -> int:
    day = _day(args.date, "--date", default_today=True)
    approve = args.doc_cmd == "doc-approve"
    note = (args.note if approve else args.reason) or ""
    with common.unlock(args) as vault, vault.session() as s:
        doc = resolve_followup(s, "document", args.id)
        view = rdocs.review_document(s, doc, approve=approve, note=note, reviewed_on=day)
    common.emit(args, view, _doc_line(view))
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        round_id = resolve_round(s, args.round) if args.round else None
        target = resolve_record(s, "targets", args.target, round_id) if args.target else None
        overdue_on = date.today() if args.overdue else None
        items = rdocs.list_documents(
            s, round_id=round_id, target_id=target, overdue_on=overdue_on, limit=1000
        ).items
    common.emit(args, list(items), "\n".join(_doc_line(v) for v in items) or "没有整改方案/报告")
    return 0


# -- supervision, 质效评估, 提醒函 -------------------------------------------------------------


def cmd_supervise(args: argparse.Namespace) -> int:
    day = _day(args.date, "--date")
    with common.unlock(args) as vault, vault.session() as s:
        round_id, target_id = _round_and_target(s, args)
        item = _item(s, args.item) if args.item else None
        draft = fu.SupervisionDraft(
            target_id, args.by, day, args.body, args.found or "", item, bool(args.escalate)
        )
        view = fu.add_supervision(s, round_id, draft)
    duban = "（督办）" if view.escalated else ""
    common.emit(args, view, f"{view.id}\t{view.held_on}\t{view.agency.label}监督记录{duban}")
    return 0


def cmd_supervisions(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        round_id = resolve_round(s, args.round) if args.round else None
        target = resolve_record(s, "targets", args.target, round_id) if args.target else None
        escalated = True if args.escalated else None
        items = fu.list_supervisions(
            s, round_id=round_id, target_id=target, escalated=escalated, limit=1000
        ).items
    lines = [
        f"{v.id}\t{v.held_on}\t{v.agency.label}{'（督办）' if v.escalated else ''}\t{v.body}"
        for v in items
    ]
    common.emit(args, list(items), "\n".join(lines) or "没有监督记录")
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    day = _day(args.date, "--date", default_today=True)
    with common.unlock(args) as vault, vault.session() as s:
        round_id, target_id = _round_and_target(s, args)
        view = fu.assess_target(s, round_id, target_id, args.grade, day, args.note or "")
    common.emit(args, view, f"质效评估：{view.grade.label}（{view.assessed_on}，{view.assessor}）")
    return 0


def cmd_remind(args: argparse.Namespace) -> int:
    changed = _day(args.changed, "--changed")
    sent = common.iso_date(args.sent, "--sent")
    with common.unlock(args) as vault, vault.session() as s:
        round_id, target_id = _round_and_target(s, args)
        items = tuple(_item(s, i) for i in args.item or ())
        draft = fu.ReminderDraft(target_id, args.old, args.new, changed, sent, items)
        view = fu.create_reminder(s, round_id, draft)
    common.emit(
        args,
        view,
        f"{view.id}\t新官理旧账提醒函：{view.old_leader} → {view.new_leader}，"
        f"涉及整改事项 {len(view.rectification_ids)} 项",
    )
    return 0


def cmd_reminder_sent(args: argparse.Namespace) -> int:
    day = _day(args.date, "--date")
    with common.unlock(args) as vault, vault.session() as s:
        view = fu.mark_reminder_sent(s, resolve_followup(s, "reminder", args.id), day)
    common.emit(args, view, f"提醒函已于 {day.isoformat()} 发出")
    return 0


def cmd_assessments(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        round_id = resolve_round(s, args.round) if args.round else None
        target = resolve_record(s, "targets", args.target, round_id) if args.target else None
        items = fu.list_assessments(s, round_id=round_id, target_id=target)
    lines = [f"{v.id}\t{v.assessed_on}\t{v.grade.label}\t{v.assessor}" for v in items]
    common.emit(args, items, "\n".join(lines) or "没有质效评估")
    return 0


def cmd_reminders(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        round_id = resolve_round(s, args.round) if args.round else None
        target = resolve_record(s, "targets", args.target, round_id) if args.target else None
        items = fu.list_reminders(s, round_id=round_id, target_id=target)
    lines = [
        f"{v.id}\t{v.changed_on}\t{v.old_leader} → {v.new_leader}\t"
        f"发函 {v.sent_on or '未发'}\t{len(v.rectification_ids)} 项"
        for v in items
    ]
    common.emit(args, items, "\n".join(lines) or "没有提醒函")
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        record_id = resolve_followup(s, args.kind, args.id)
        fu.void_followup(s, args.kind, record_id, args.reason or "")
    common.emit(args, {"id": record_id, "voided": True}, f"已作废（{args.reason}）")
    return 0


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--round", help="轮次 id 或名称")
    p.add_argument("--target", help="被巡察对象 id 或名称")


def _where(p: argparse.ArgumentParser) -> None:
    p.add_argument("--round", required=True, help="轮次 id 或名称")
    p.add_argument("--target", required=True, help="被巡察对象 id 或名称")


def register(group: Any) -> None:
    """Adds the follow-through verbs to the ``rectifications`` group of list_cmds."""
    p = group.add_parser("review", help="填写巡察办审核意见（巡察办）")
    p.add_argument("id", help="整改事项 id 或编号")
    p.add_argument("--opinion", required=True, help="审核意见")
    p.add_argument("--date", help="审核日期 YYYY-MM-DD（默认今天）")
    p.set_defaults(func=cmd_review)
    p = group.add_parser("catalog", help="设定佐证材料目录（替换原目录）")
    p.add_argument("id", help="整改事项 id 或编号")
    p.add_argument("--item", action="append", help="材料名称，或 名称:附件SHA256；可重复")
    p.add_argument("--clear", action="store_true", help="清空目录")
    p.set_defaults(func=cmd_catalog)
    p = group.add_parser("period-rule", help="查看或设定整改方案/报告的报送期限（设定：巡察办）")
    p.add_argument("--plan", type=common.whole_number, help="整改方案：反馈后几个月内（1–12）")
    p.add_argument("--report", type=common.whole_number, help="整改报告：反馈后几个月内（1–12）")
    p.set_defaults(func=cmd_period_rule)
    p = group.add_parser("overdue", help="逾期未销号的整改事项（督办）")
    p.add_argument("--round", help="轮次 id 或名称")
    p.set_defaults(func=cmd_overdue)

    p = group.add_parser("doc-add", help="登记应报送的整改方案或整改报告（组长或巡察办）")
    _where(p)
    p.add_argument("--kind", required=True, help=f"类型：{_KINDS}（或 整改方案/整改报告）")
    p.add_argument("--feedback", required=True, help="反馈日期 YYYY-MM-DD")
    p.add_argument("--due", help="报送期限（默认：方案反馈后 1 个月，报告 2 个月）")
    p.add_argument("--title", help="标题")
    p.set_defaults(func=cmd_doc_add)
    p = group.add_parser("doc-submit", help="登记整改方案/报告已报送（组长或巡察办）")
    p.add_argument("id", help=_DOC_ID)
    p.add_argument("--date", required=True, help="报送日期 YYYY-MM-DD")
    p.add_argument("--attach", action="append", help="附件 SHA256（先导入附件）；可重复")
    p.set_defaults(func=cmd_doc_submit)
    for verb, text in (("doc-approve", "审核通过（巡察办）"), ("doc-return", "退回修改（巡察办）")):
        p = group.add_parser(verb, help=text)
        p.add_argument("id", help=_DOC_ID)
        if verb == "doc-approve":
            p.add_argument("--note", help="审核意见")
        else:
            p.add_argument("--reason", required=True, help="退回理由")
        p.add_argument("--date", help="审核日期 YYYY-MM-DD（默认今天）")
        p.set_defaults(func=cmd_doc_review, doc_cmd=verb)
    p = group.add_parser("docs", help="列出整改方案/报告")
    _filters(p)
    p.add_argument("--overdue", action="store_true", help="只列逾期未报送的")
    p.set_defaults(func=cmd_docs)

    p = group.add_parser("supervise", help="登记纪委监委/组织部的整改监督记录（组长或巡察办）")
    _where(p)
    p.add_argument("--by", required=True, help=f"监督单位：{_AGENCIES}（或中文名称）")
    p.add_argument("--date", required=True, help="日期 YYYY-MM-DD")
    p.add_argument("--body", required=True, help="督查情况")
    p.add_argument("--found", help="发现的问题")
    p.add_argument("--item", help="针对的整改事项 id 或编号（逾期事项自动记为督办）")
    p.add_argument("--escalate", action="store_true", help="记为督办")
    p.set_defaults(func=cmd_supervise)
    p = group.add_parser("supervisions", help="列出整改监督记录")
    _filters(p)
    p.add_argument("--escalated", action="store_true", help="只列督办")
    p.set_defaults(func=cmd_supervisions)

    p = group.add_parser("assess", help="整改质效评估（巡察办）")
    _where(p)
    p.add_argument("--grade", required=True, help=f"等次：{_GRADES}（或 好/较好/一般/差）")
    p.add_argument("--date", help="评估日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--note", help="评估意见")
    p.set_defaults(func=cmd_assess)
    p = group.add_parser("assessments", help="列出整改质效评估")
    _filters(p)
    p.set_defaults(func=cmd_assessments)

    p = group.add_parser("remind", help="新官理旧账提醒函（组长或巡察办）")
    _where(p)
    p.add_argument("--old", required=True, help="原主要负责人")
    p.add_argument("--new", required=True, help="新任主要负责人")
    p.add_argument("--changed", required=True, help="调整日期 YYYY-MM-DD")
    p.add_argument("--sent", help="发函日期 YYYY-MM-DD")
    p.add_argument("--item", action="append", help="涉及的整改事项（默认：全部未完成的）；可重复")
    p.set_defaults(func=cmd_remind)
    p = group.add_parser("reminder-sent", help="登记提醒函发出日期")
    p.add_argument("id", help="提醒函 id 或被巡察单位名称")
    p.add_argument("--date", required=True, help="发函日期 YYYY-MM-DD")
    p.set_defaults(func=cmd_reminder_sent)
    p = group.add_parser("reminders", help="列出新官理旧账提醒函")
    _filters(p)
    p.set_defaults(func=cmd_reminders)
    p = group.add_parser("followup-void", help="作废整改跟踪记录（保留记录并注明理由）")
    p.add_argument("kind", choices=sorted(fu.VOIDABLE), help="记录类型")
    p.add_argument("id", help="记录 id 或被巡察单位名称（整改方案/报告：单位/plan|report）")
    p.add_argument("--reason", required=True, help="作废理由")
    p.set_defaults(func=cmd_void)
