"""Chinese names for the codes the CLI prints in its human output: tables (``info``, package
contents), what an import did with each record, and the kinds of package. ``--json`` keeps the
codes; a code missing here is printed as it is (and the CLI's English scan test fails)."""

from __future__ import annotations

from workbench.vocab.labels import RECORD_LABELS, field_label

# the tables that are not records (record tables are named by vocab/labels.py)
_SYSTEM_TABLES: dict[str, str] = {
    "attachments": "附件",
    "audit_anchors": "审计锚点",
    "audit_log": "审计日志",
    "data_mappings": "名单列对应",
    "data_rows": "名单数据行",
    "data_rules": "比对规则",
    "data_sources": "导入的名单",
    "drafts": "草稿",
    "exchange_briefed": "已发部署包",
    "exchange_conflicts": "合并冲突",
    "exchange_device_scope": "设备写入范围",
    "exchange_devices": "登记设备",
    "exchange_keys": "交换密钥",
    "exchange_ledger": "数据包台账",
    "exchange_merge_state": "合并状态",
    "exchange_revocations": "设备吊销",
    "exchange_sent": "已发送记录",
    "exchange_sync": "同步状态",
    "exchange_versions": "记录版本",
    "role_grants": "角色授权",
    "store_meta": "数据库信息",
    "users": "用户",
}

# what an import did with the records: the office's merge, then a field device's briefing
OUTCOMES: dict[str, str] = {
    "inserted": "新增",
    "updated": "更新",
    "unchanged": "未变",
    "conflicts": "冲突",
    "applied": "已采用",
    "kept_local": "保留本机版本",
    "older": "较旧未采用",
    "lists_added": "名单新增",
    "lists_unchanged": "名单未变",
    "lists_kept": "名单未重复存入",
}

PACKAGE_KINDS: dict[str, str] = {
    "team": "巡察组数据包",
    "briefing": "部署包",
    "receipt": "回执",
}


# what ``<records> show`` prints that vocab/labels.py does not name: the views' own attributes
# and columns it lacks (they could move there)
_VIEW_FIELDS: dict[str, str] = {
    "activity_type": "活动类型",
    "amount": "涉及金额",
    "anonymous": "匿名",
    "approval": "审批状态",
    "attention": "关注等级",
    "channel": "来信渠道",
    "clue_id": "线索",
    "created_by": "创建人",
    "deleted": "已作废",
    "description": "说明",
    "detail": "详情",
    "dimension": "维度",
    "disposition": "处理方式",
    "duplicate_of_id": "重复件",
    "finding_id": "问题底稿",
    "grade": "等级",
    "handling": "处置方式",
    "id": "id",
    "immediate_fix": "立行立改",
    "include_in_report": "纳入报告",
    "interview_type": "谈话类型",
    "items": "条目",
    "kind_title": "类型名称",
    "method_title": "方式",
    "on": "日期",
    "origin_device": "来源设备",
    "other_unit": "其他单位",
    "outcomes": "处置结果",
    "overall": "总体评价",
    "person_id": "人员",
    "rating": "评价",
    "report_type": "报告类型",
    "retention": "保管期限",
    "round_id": "轮次",
    "round_type": "轮次类型",
    "second_unit": "第二接收单位",
    "sha256": "附件",
    "signoffs": "审签记录",
    "status": "状态",
    "step": "步骤",
    "subject_level": "干部管理权限",
    "subject_type": "对象类别",
    "subtype_title": "子类型名称",
    "target_id": "被巡察对象",
    "team_id": "巡察组",
    "transfer_mode": "移交方式",
    "transfer_unit": "接收单位",
    "turns": "笔录",
    "type": "类型",
    "updated_by": "修改人",
    "user_id": "用户",
    "version": "版本",
}


def view_field_label(name: str) -> str:
    """A shown record's field by its Chinese name."""
    return _VIEW_FIELDS.get(name) or field_label(name)


def table_label(name: str) -> str:
    return RECORD_LABELS.get(name) or _SYSTEM_TABLES.get(name, name)


def counted(counts: dict[str, int], labels: dict[str, str] | None = None) -> str:
    """``信访件 3，问题底稿 1``: each code by its Chinese name (a table's unless ``labels``)."""
    return "，".join(
        f"{labels.get(k, k) if labels is not None else table_label(k)} {v}"
        for k, v in counts.items()
    )
