"""The record pages other than letters: each is the generic list page with its columns, filters,
list service and how one record reads in the detail pane."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

from ui.i18n import aside, aside_list, core_text
from ui.i18n import tr as _tr
from ui.models.record_table_model import Column, display
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from ui.widgets.filter_bar import FilterSpec
from workbench.services.activities import list_activities
from workbench.services.clues import list_clues
from workbench.services.findings import list_findings
from workbench.services.focus import list_focus_items
from workbench.services.interviews import list_interviews
from workbench.services.portraits import list_portraits
from workbench.services.rectification import list_rectifications
from workbench.vocab.enums import (
    ActivityType,
    ClueStatus,
    ClueTransferUnit,
    FindingStatus,
    FocusStatus,
    InterviewType,
    PortraitSubject,
    RectificationStatus,
)

Scope = Callable[[], dict[str, Any]]


def _all_of(enum: Any) -> tuple[tuple[str, Any], ...]:
    return ((_tr("全部"), None), *((core_text(m.label), m.value) for m in enum))


def _lines(*parts: tuple[str, Any]) -> str:
    return "\n".join(
        f"{label}{display(value)}" for label, value in parts if value not in ("", None, ())
    )


# -- descriptions --------------------------------------------------------------------------------


def describe_finding(v: Any) -> str:
    party = _tr("%1（%2）")  # “光明村党支部 (Primary responsibility)” in English
    parties = _tr("；").join(
        party.replace("%1", p.name or p.unit).replace("%2", display(p.type)) for p in v.responsible
    )
    signoffs = "\n".join(f"  {display(s.step)}　{s.user_name}　{display(s.at)}" for s in v.signoffs)
    head = _lines(
        (_tr("编号："), v.number),
        (_tr("名称："), v.title),
        (_tr("状态："), v.status),
        (_tr("编制日期："), v.compiled_on),
        (_tr("涉及金额（元）："), v.amount),
        (_tr("责任主体："), parties),
        (_tr("立行立改："), v.immediate_fix),
        (_tr("退回理由："), v.return_reason),
    )
    body = "\n\n".join(
        f"{label}\n{text}"
        for label, text in ((_tr("问题概述："), v.summary), (_tr("发现过程："), v.discovery))
        if text
    )
    signed = _tr("签批：")  # outside the f-string, where lupdate finds it
    tail = f"\n\n{signed}\n{signoffs}" if signoffs else ""
    return f"{head}\n\n{body}{tail}"


def clue_units(v: Any) -> str:
    """The receiving units as people name them: 纪委监委、组织部, or the 其他 unit's name."""
    names = [
        v.other_unit if u is ClueTransferUnit.OTHER and v.other_unit else display(u)
        for u in v.units()
    ]
    return "、".join(names)


def clue_reminder(v: Any) -> str:
    """督办: how long a clue has gone without 反馈 past its 反馈期限."""
    days = v.days_overdue(date.today())
    return _tr("逾期 %1 天").replace("%1", str(days)) if days else ""


def describe_clue(v: Any) -> str:
    outcomes = "\n".join(
        f"  {display(o.on)}　"
        + (aside(display(o.kind), o.detail) if o.detail else display(o.kind))
        + (f"　{display(o.unit)}" if len(v.units()) > 1 else "")
        for o in v.outcomes
    )
    return _lines(
        (_tr("编号："), v.number),
        (
            _tr("被反映人："),
            aside(v.subject_name, aside_list(v.subject_position, display(v.subject_level))),
        ),
        (_tr("状态："), v.status),
        (_tr("督办："), clue_reminder(v)),
        (_tr("拟移交单位："), aside(clue_units(v), display(v.transfer_mode))),
        (_tr("反馈期限："), v.feedback_due),
        (_tr("移交："), f"{v.transferred_by} {display(v.transferred_at)}".strip()),
        (_tr("接收："), f"{v.received_by} {display(v.received_at)}".strip()),
        (_tr("处置方式："), v.handling),
        (_tr("具体问题：\n"), v.problem),
        (_tr("办理结果：\n"), v.result),
        (_tr("处置结果：\n"), outcomes),
    )


def describe_interview(v: Any) -> str:
    asked, answered = _tr("问："), _tr("答：")  # outside the f-strings, where lupdate finds them
    transcript = "\n".join(f"{asked}{t.question}\n{answered}{t.answer}" for t in v.turns)
    head = _lines(
        (_tr("编号："), v.number),
        (_tr("类型："), v.interview_type),
        (_tr("时间："), v.held_at),
        (_tr("地点："), v.place),
        (_tr("谈话人："), "、".join(v.interviewers)),
        (_tr("记录人："), v.recorder),
        (_tr("谈话对象："), f"{v.subject_name}　{v.subject_unit}　{v.subject_position}"),
        (_tr("对象确认："), v.confirmed_on),
    )
    said = _tr("摘要：")
    summary = f"\n\n{said}\n{v.summary}" if v.summary else ""
    return f"{head}{summary}\n\n{transcript}"


def describe_activity(v: Any) -> str:
    return _lines(
        (_tr("类型："), v.activity_type),
        (_tr("方式："), v.method_title),
        (_tr("时间："), v.held_at),
        (_tr("标题："), v.title),
        (_tr("参与人："), "、".join(v.participants)),
        (_tr("记录：\n"), v.notes),
    )


def reminder_width() -> int:
    """The 督办 column's width: “逾期 365 天” in the UI's language, with the cell's margins."""
    sample = _tr("逾期 %1 天").replace("%1", "365")
    return QFontMetrics(QApplication.font()).horizontalAdvance(sample) + 16


def rectification_reminder(v: Any) -> str:
    """督办: how long an item has gone past its 整改时限 without 销号."""
    days = v.days_overdue(date.today())
    return _tr("逾期 %1 天").replace("%1", str(days)) if days else ""


def describe_rectification(v: Any) -> str:
    catalog = "\n".join(
        "  " + (aside(e.name, f"{e.sha256[:12]}…") if e.sha256 else e.name)
        for e in v.evidence_catalog
    )
    review = (
        f"{display(v.reviewed_on)} {v.reviewed_by}\n{v.review_opinion}" if v.reviewed_on else ""
    )
    return _lines(
        (_tr("编号："), v.number),
        (_tr("状态："), v.status),
        (_tr("督办："), rectification_reminder(v)),
        (_tr("问题归类："), v.category),
        (_tr("问题表现：\n"), v.problem),
        (_tr("整改目标：\n"), v.goal),
        (_tr("整改措施：\n"), v.measures),
        (_tr("分管领导："), v.leader_in_charge),
        (_tr("牵头部门："), v.lead_department),
        (_tr("主要负责人："), v.responsible_person),
        (_tr("具体责任人："), v.specific_person),
        (_tr("时限："), v.due_date),
        (_tr("销号日期："), v.closed_on),
        (_tr("评估等次："), v.grade),
        (_tr("进展：\n"), v.progress_notes),
        (_tr("佐证材料目录：\n"), catalog),
        (_tr("巡察办审核意见："), review),
    )


def describe_focus(v: Any) -> str:
    return _lines(
        (_tr("事项："), f"{v.item_code} {v.title}"),
        (_tr("状态："), v.status),
        (_tr("了解要点：\n"), v.description),
        (_tr("情况记录：\n"), v.notes),
        (_tr("关联底稿："), f"{len(v.finding_ids)}" if v.finding_ids else ""),
    )


def describe_portrait(v: Any) -> str:
    unrated = _tr("未评价")  # outside the f-string, where lupdate finds it
    items = "\n".join(
        f"  [{it.dimension}] {it.title}：{display(it.rating) or unrated}"
        + (f"——{it.comment}" if it.comment else "")
        for it in v.items
    )
    head = _lines(
        (_tr("对象："), aside(v.subject_name, display(v.subject_type))),
        (_tr("总体评价："), v.overall),
        (_tr("结论：\n"), v.conclusion),
        (_tr("运用建议：\n"), v.usage_advice),
    )
    return f"{head}\n\n{items}"


# -- pages ---------------------------------------------------------------------------------------


def _rated(v: Any) -> str:
    rated = sum(1 for it in v.items if it.rating is not None)
    return f"{rated}/{len(v.items)}"


def make_pages(
    tasks: Tasks, scope: Scope, parent: QWidget | None = None
) -> dict[str, tuple[str, RecordListPage]]:
    """key → (navigation title, page), in navigation order after 信访件."""

    def page(key: str, title: str, **kw: Any) -> tuple[str, RecordListPage]:
        return title, RecordListPage(
            tasks, page_key=key, title=title, scope=scope, parent=parent, **kw
        )

    return {
        "interviews": page(
            "interviews",
            _tr("个别谈话"),
            columns=[
                Column("number", _tr("编号"), 130, sort_key="number"),
                Column("held_at", _tr("时间"), 140, sort_key="held_at"),
                Column("interview_type", _tr("类型"), 80, sort_key="interview_type"),
                Column("subject_name", _tr("谈话对象"), 90, sort_key="subject_name"),
                Column("subject_position", _tr("职务"), 180, sort_key="subject_position"),
                Column("confirmed_on", _tr("对象确认"), 100, sort_key="confirmed_on"),
                Column("summary", _tr("摘要"), 300),
            ],
            filters=[FilterSpec("interview_type", _tr("类型"), _all_of(InterviewType))],
            list_service=list_interviews,
            describe=describe_interview,
            date_label=_tr("谈话时间"),
        ),
        "findings": page(
            "findings",
            _tr("问题底稿"),
            columns=[
                Column("number", _tr("编号"), 130, sort_key="number"),
                Column("title", _tr("名称"), 320, sort_key="title"),
                Column("status", _tr("状态"), 80, sort_key="status"),
                Column("compiled_on", _tr("编制日期"), 100, sort_key="compiled_on"),
                Column("immediate_fix", _tr("立行立改"), 70, sort_key="immediate_fix"),
                Column("amount", _tr("金额（元）"), 110, sort_key="amount", amount=True),
            ],
            filters=[FilterSpec("status", _tr("状态"), _all_of(FindingStatus))],
            list_service=list_findings,
            describe=describe_finding,
            date_label=_tr("编制日期"),
        ),
        "clues": page(
            "clues",
            _tr("问题线索"),
            columns=[
                Column("number", _tr("编号"), 130, sort_key="number"),
                Column("subject_name", _tr("被反映人"), 90, sort_key="subject_name"),
                Column("subject_position", _tr("职务"), 200, sort_key="subject_position"),
                Column("subject_level", _tr("级别"), 60, sort_key="subject_level"),
                Column("status", _tr("状态"), 80, sort_key="status"),
                Column("feedback_due", _tr("反馈期限"), 100, sort_key="feedback_due"),
                Column("overdue", _tr("督办"), reminder_width(), render=clue_reminder),
                Column("problem", _tr("具体问题"), 300),
            ],
            filters=[
                FilterSpec("status", _tr("状态"), _all_of(ClueStatus)),
                FilterSpec(
                    "overdue", _tr("督办"), ((_tr("全部"), None), (_tr("逾期未反馈"), True))
                ),
            ],
            list_service=list_clues,
            describe=describe_clue,
            date_label=_tr("反馈期限"),
        ),
        "activities": page(
            "activities",
            _tr("工作记录"),
            columns=[
                Column("held_at", _tr("时间"), 140, sort_key="held_at"),
                Column("activity_type", _tr("类型"), 110, sort_key="activity_type"),
                Column("title", _tr("标题"), 320, sort_key="title"),
                Column("participants", _tr("参与人"), 200),
            ],
            filters=[FilterSpec("activity_type", _tr("类型"), _all_of(ActivityType))],
            list_service=list_activities,
            describe=describe_activity,
            date_label=_tr("时间"),
        ),
        "focus": page(
            "focus",
            _tr("监督清单"),
            columns=[
                Column("item_code", _tr("代码"), 110, sort_key="item_code"),
                Column("title", _tr("监督重点事项"), 320, sort_key="title"),
                Column("status", _tr("状态"), 100, sort_key="status"),
                Column("notes", _tr("情况记录"), 300),
            ],
            filters=[FilterSpec("status", _tr("状态"), _all_of(FocusStatus))],
            list_service=list_focus_items,
            describe=describe_focus,
        ),
        "portraits": page(
            "portraits",
            _tr("政治画像"),
            columns=[
                Column("subject_name", _tr("对象"), 240, sort_key="subject_name"),
                Column("subject_type", _tr("类别"), 90, sort_key="subject_type"),
                Column("overall", _tr("总体评价"), 90, sort_key="overall"),
                Column("items", _tr("已评价"), 80, render=_rated),
            ],
            filters=[FilterSpec("subject_type", _tr("类别"), _all_of(PortraitSubject))],
            list_service=list_portraits,
            describe=describe_portrait,
        ),
        "rectification": page(
            "rectification",
            _tr("整改台账"),
            columns=[
                Column("number", _tr("编号"), 130, sort_key="number"),
                Column("status", _tr("状态"), 80, sort_key="status"),
                Column("due_date", _tr("时限"), 100, sort_key="due_date"),
                Column("overdue", _tr("督办"), reminder_width(), render=rectification_reminder),
                Column("lead_department", _tr("牵头部门"), 160, sort_key="lead_department"),
                Column("problem", _tr("问题表现"), 340),
            ],
            filters=[
                FilterSpec("status", _tr("状态"), _all_of(RectificationStatus)),
                FilterSpec(
                    "overdue", _tr("督办"), ((_tr("全部"), None), (_tr("逾期未销号"), True))
                ),
            ],
            list_service=list_rectifications,
            describe=describe_rectification,
            date_label=_tr("时限"),
        ),
    }
