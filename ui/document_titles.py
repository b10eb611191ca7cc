"""The document types' names in the UI language. The registry (``workbench.reports.registry``)
names each type in Chinese, as the documents print it; the UI shows ``document_title(spec)``,
so an English UI lists "Interview record", not 谈话记录, while the document itself stays Chinese.
A test keeps every registered type listed here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
