"""The audit log for the 安全审计员: read-only, newest first, with the chain verified on demand."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.i18n import N_
from workbench.models.system import AuditEntry
from workbench.roles import Role
from workbench.services.common import Page, contains_text, page, require_role
from workbench.services.reads import ATTACHMENT_OPEN, RECORD_READ
from workbench.store.anchors import AuditProof, prove
from workbench.store.audit import AuditRecord

# What the auditor reads for each action (the entry keeps the code, which the chain covers).
ACTION_LABELS: dict[str, str] = {
    "unlock": N_("解锁登录"),
    "insert": N_("新增记录"),
    "update": N_("修改记录"),
    "delete": N_("删除记录"),
    "record.void": N_("作废记录"),
    RECORD_READ: N_("查看记录"),
    ATTACHMENT_OPEN: N_("打开附件"),
    "attachment.export": N_("导出附件"),
    "report.export": N_("导出文书"),
    "view.export": N_("导出列表"),
    "report.preview": N_("预览文书"),
    "document.number": N_("编发文号"),
    "report.import": N_("导入整改台账"),
    "backup": N_("备份"),
    "restore": N_("恢复备份"),
    "store.create": N_("创建数据库"),
    "office.init": N_("初始化巡察办"),
    "passphrase.set": N_("设置口令"),
    "passphrase.change": N_("修改口令"),
    "passphrase.recover": N_("用恢复码重设口令"),
    "recovery_code.rotate": N_("更换恢复码"),
    "package.export": N_("导出数据包"),
    "package.import": N_("导入数据包"),
    "package.reject": N_("拒收数据包"),
    "package.alert": N_("数据包告警"),
    "package.brief": N_("生成部署包"),
    "receipt.issue": N_("出具回执"),
    "enrol.request": N_("申请登记设备"),
    "enrol.accept": N_("接受设备证书"),
    "device.enrol": N_("登记设备"),
    "device.revoke": N_("吊销设备"),
    "conflict.resolve": N_("处理冲突"),
    "setup.import": N_("导入轮次配置"),
    "data.import": N_("导入名单"),
    "data.remove": N_("删除名单"),
    "data.send": N_("随包下发名单"),
    "data.receive": N_("收到下发名单"),
    "office.migrate": N_("迁移到巡察办服务器"),
    "data.run": N_("运行比对规则"),
    "data.rule.add": N_("添加比对规则"),
    "data.rule.retire": N_("停用比对规则"),
    "round.phase": N_("轮次阶段变更"),
    "round.plan": N_("专项巡察方案"),
    "recusal.override": N_("回避例外"),
    "setting.change": N_("修改设置"),
    "user.member_link": N_("关联组员"),
    "user.member_unlink": N_("解除组员关联"),
    "clue.outcome_remove": N_("删除线索处置结果"),
    "round.wipe": N_("清除轮次数据"),
    "exchange.rejected_retention": N_("清理拒收数据包"),
    "role.grant": N_("角色授权"),
    "grants.upgrade": N_("补签角色授权"),
    "store.rekey": N_("更换数据密钥"),
    "audit.anchor_mismatch": N_("审计锚点不符"),
    "audit.root_mismatch": N_("信任根不符"),
}


def action_label(action: str) -> str:
    """The Chinese name of an audit action; an unknown code (a newer program's) as it is."""
    return ACTION_LABELS.get(action, action)


def _record(e: AuditEntry) -> AuditRecord:
    return AuditRecord(
        seq=e.seq,
        at=e.at,
        actor_name=e.actor_name,
        device_id=e.device_id,
        action=e.action,
        object_type=e.object_type,
        object_id=e.object_id,
        detail=json.loads(e.detail),
        entry_hash=e.entry_hash,
    )


def list_audit_entries(
    session: Session,
    *,
    action: str | None = None,
    actor_name: str | None = None,
    text: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[AuditRecord]:
    """Only the 安全审计员 reads the log (三员分立). ``text`` searches the user, the object and
    the detail; ``date_from``/``date_to`` bound the day in UTC, as the log shows its times."""
    require_role(session, [Role.AUDITOR], "查看审计日志")
    query = select(AuditEntry)
    if action:
        query = query.where(AuditEntry.action == action)
    if actor_name:
        query = query.where(AuditEntry.actor_name == actor_name)
    query = contains_text(
        query,
        text,
        AuditEntry.actor_name,
        AuditEntry.object_type,
        AuditEntry.object_id,
        AuditEntry.detail,
    )
    if date_from is not None:
        query = query.where(AuditEntry.at >= datetime.combine(date_from, time.min))
    if date_to is not None:
        query = query.where(AuditEntry.at < datetime.combine(date_to + timedelta(1), time.min))
    return page(session, query.order_by(AuditEntry.seq.desc()), _record, offset, limit, total)


def verify_audit_chain(session: Session) -> AuditProof:
    """The chain, the anchors packages carried out, and what they prove (store/anchors.py)."""
    require_role(session, [Role.AUDITOR], "校验审计日志")
    return prove(session)
