"""The document types' names in the UI language. The registry (``workbench.reports.registry``)
names each type in Chinese, as the documents print it; the UI shows ``document_title(spec)``,
so an English UI lists "Interview record", not 谈话记录, while the document itself stays Chinese.
A test keeps every registered type listed here; ``describe`` and ``scope_text`` say what each
type is and what it is made for, in the UI."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.i18n import tr as _tr
from workbench.reports.registry import DocSpec

CONTEXT = "DocumentTitle"

TITLES = (
    QT_TRANSLATE_NOOP("DocumentTitle", "谈话记录"),
    QT_TRANSLATE_NOOP("DocumentTitle", "信访件登记表"),
    QT_TRANSLATE_NOOP("DocumentTitle", "信访件处理单"),
    QT_TRANSLATE_NOOP("DocumentTitle", "信访件台账"),
    QT_TRANSLATE_NOOP("DocumentTitle", "问题底稿"),
    QT_TRANSLATE_NOOP("DocumentTitle", "问题底稿台账"),
    QT_TRANSLATE_NOOP("DocumentTitle", "问题线索移交表"),
    QT_TRANSLATE_NOOP("DocumentTitle", "问题线索移交审批表"),
    QT_TRANSLATE_NOOP("DocumentTitle", "问题线索移交函"),
    QT_TRANSLATE_NOOP("DocumentTitle", "问题线索台账"),
    QT_TRANSLATE_NOOP("DocumentTitle", "巡察报告"),
    QT_TRANSLATE_NOOP("DocumentTitle", "问题线索专题报告"),
    QT_TRANSLATE_NOOP("DocumentTitle", "反馈意见"),
    QT_TRANSLATE_NOOP("DocumentTitle", "立行立改通知书"),
    QT_TRANSLATE_NOOP("DocumentTitle", "巡察建议书"),
    QT_TRANSLATE_NOOP("DocumentTitle", "政治画像报告"),
    QT_TRANSLATE_NOOP("DocumentTitle", "整改台账"),
    QT_TRANSLATE_NOOP("DocumentTitle", "整改通知"),
    QT_TRANSLATE_NOOP("DocumentTitle", "整改督办函"),
    QT_TRANSLATE_NOOP("DocumentTitle", "新官理旧账提醒函"),
    QT_TRANSLATE_NOOP("DocumentTitle", "立卷归档目录"),
    QT_TRANSLATE_NOOP("DocumentTitle", "巡察工作统计表"),
    QT_TRANSLATE_NOOP("DocumentTitle", "巡察工作方案"),
    QT_TRANSLATE_NOOP("DocumentTitle", "进驻通知"),
    QT_TRANSLATE_NOOP("DocumentTitle", "巡察公告"),
    QT_TRANSLATE_NOOP("DocumentTitle", "小信封"),
)


def document_title(spec: DocSpec) -> str:
    return QCoreApplication.translate(CONTEXT, spec.title)


def describe(code: str) -> str:
    """What each document is, for the people who file it."""
    texts = {
        "interview": _tr("个别谈话的笔录：谈话基本信息、问答记录、摘要和对象确认。"),
        "letter-register": _tr("一件信访件的登记表，含反映人及联系方式（仅此表列出）。"),
        "letter-handling": _tr(
            "一件信访件的处理单：内容摘要、分类、拟办意见、处置情况和组长意见栏。"
        ),
        "letter-ledger": _tr("本轮全部信访件一行一件的 Excel 台账（不含反映人姓名和联系方式）。"),
        "finding": _tr("问题底稿：每个问题一张表，含定性依据、责任主体、支撑材料和签批链。"),
        "finding-ledger": _tr("本轮全部问题底稿的 Excel 台账。"),
        "clue-transfer": _tr("问题线索移交表：每条线索一张表，含移交、接收和反馈期限。"),
        "clue-ledger": _tr("本轮全部问题线索的台账（Word 横版表格或 Excel），含移交、处置和反馈。"),
        "inspection-report": _tr(
            "巡察报告初稿：基本情况和总体评价、按监督重点分组的主要问题、意见建议。"
            "只收纳入报告的底稿，不含线索。"
        ),
        "clue-report": _tr("问题线索专题报告：按干部级别和拟移交单位统计，并分组列出线索。"),
        "feedback": _tr("向被巡察党组织反馈的意见：主要问题、整改意见建议和整改要求。"),
        "portrait": _tr("一个政治画像的报告：各方面评价、说明和佐证，总体评价和综合评价。"),
        "rectification": _tr(
            "整改台账：Word 横版表格含合计和完成率；Excel 版可交被巡察单位填报后导入。"
        ),
        "archive": _tr("立卷归档目录：按卷号和件号排列的归档条目。"),
        "clue-approval": _tr("问题线索移交审批表：移交前报领导小组审批的线索清单和审批栏。"),
        "clue-letter": _tr("问题线索移交函：致承办机关的移交公函，带发文字号。"),
        "immediate-fix-notice": _tr(
            "立行立改通知书：请被巡察单位立即整改的问题（一份底稿或对象的全部）。"
        ),
        "suggestion-letter": _tr("巡察建议书：致职能部门，依据一条“巡察建议书”报告记录生成。"),
        "rectification-notice": _tr("整改通知：反馈后交被巡察单位的整改事项、时限和报送要求。"),
        "supervision-letter": _tr("整改督办函：督促逾期未完成的整改事项（一条事项或对象的全部）。"),
        "reminder-letter": _tr(
            "新官理旧账提醒函：提醒新任主要负责人接续整改，依据一条提醒函记录生成。"
        ),
        "work-plan": _tr("巡察工作方案：本轮的任务、分组、对象、时间安排和工作要求。"),
        "entry-notice": _tr("进驻通知：巡察组进驻被巡察单位的时间、方式和配合要求。"),
        "announcement": _tr("巡察公告：受理范围、信访渠道及二维码，张贴于被巡察单位。"),
        "envelopes": _tr("小信封：印有巡察组收件地址的信封，可打印后放置于被巡察单位。"),
        "stats": _tr("巡察工作统计表：谈话、信访、问题、线索、整改等主要指标（Word 或 Excel）。"),
    }
    return texts.get(code, "")


def scope_text(spec: DocSpec) -> str:
    return {
        "record": _tr("一条记录"),
        "round": _tr("巡察轮次，可限定被巡察对象"),
        "target": _tr("被巡察对象"),
        "record_or_round": _tr("巡察轮次（可限定对象），或一条记录"),
        "record_or_target": _tr("被巡察对象"),  # here: the target's records; one from its page
    }[spec.scope]
