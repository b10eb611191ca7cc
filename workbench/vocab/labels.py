"""Chinese names of the record types and their fields: the one registry of record types
(``RECORD_TYPES``) and the field labels, read by messages that name a field the user must fix
(the flush guard, the export check), the conflicts page and CLI, search and the exchange pages.
A column missing here is named by its key (a test keeps every exchanged column labelled)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.i18n import N_


@dataclass(frozen=True)
class RecordType:
    """One kind of record, named once: its table (the key the exchange, the audit log and the
    conflicts use), the singular kind of search, drafts and editors, its Chinese name, the
    GUI page that lists it (None: shown inside another page), and the labels of the fields that
    read differently for it than the shared ``FIELD_LABELS`` (a clue's ``subject_name`` is the
    person reported on, an interview's the person interviewed)."""

    table: str
    kind: str
    label: str
    page: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)


RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType("rounds", "round", N_("巡察轮次"), "setup"),
    RecordType("teams", "team", N_("巡察组"), "setup"),
    RecordType("members", "member", N_("巡察组成员"), "setup"),
    RecordType("targets", "target", N_("被巡察对象"), "setup"),
    RecordType("persons", "person", N_("干部/人员"), "setup"),
    RecordType(
        "interviews",
        "interview",
        N_("个别谈话"),
        "interviews",
        {"subject_name": N_("谈话对象")},
    ),
    RecordType("interview_turns", "interview_turn", N_("谈话笔录")),
    RecordType("letters", "letter", N_("信访件"), "letters"),
    RecordType("findings", "finding", N_("问题底稿"), "findings"),
    RecordType("finding_signoffs", "finding_signoff", N_("底稿审签")),
    RecordType("evidence", "evidence", N_("佐证材料")),
    RecordType(
        "clues",
        "clue",
        N_("问题线索"),
        "clues",
        {"subject_name": N_("被反映人")},
    ),
    RecordType("activities", "activity", N_("工作记录"), "activities"),
    RecordType("focus_items", "focus", N_("监督重点清单事项"), "focus"),
    RecordType("list_entries", "list_entry", N_("清单条目")),
    RecordType(
        "portraits", "portrait", N_("政治画像"), "portraits", {"subject_name": N_("画像对象")}
    ),
    RecordType("portrait_items", "portrait_item", N_("画像条目")),
    RecordType("rectifications", "rectification", N_("整改事项"), "rectification"),
    RecordType("rectification_documents", "rectification_document", N_("整改方案/报告")),
    RecordType("rectification_supervisions", "rectification_supervision", N_("整改监督记录")),
    RecordType("rectification_assessments", "rectification_assessment", N_("整改质效评估")),
    RecordType("reminder_letters", "reminder_letter", N_("新官理旧账提醒函")),
    RecordType("reports", "report", N_("报告"), "reports"),
    RecordType("archive_items", "archive", N_("归档材料")),
    RecordType(
        "data_hits",
        "data_hit",
        N_("比对疑点"),
        "datacheck",
        {
            "rule_id": N_("比对规则"),
            "rule_version": N_("规则版本"),
            "rule_title": N_("规则名称"),
            "match_key": N_("疑点标识"),
            "subject_name": N_("涉及人员"),
            "subject_id_number": N_("身份证号"),
            "summary": N_("比对情况"),
            "summary_wording": N_("比对情况（各语言显示用）"),
            "qualification": N_("定性提示"),
            "discipline": N_("涉及纪律"),
            "rows": N_("比中数据"),
            "reason": N_("核实说明"),
            "decided_by": N_("处理人"),
            "decided_at": N_("处理时间"),
            "finding_id": N_("问题底稿"),
        },
    ),
)
BY_TABLE: dict[str, RecordType] = {t.table: t for t in RECORD_TYPES}
BY_KIND: dict[str, RecordType] = {t.kind: t for t in RECORD_TYPES}
RECORD_LABELS: dict[str, str] = {t.table: t.label for t in RECORD_TYPES}


def record_type(key: str) -> RecordType | None:
    """The type a table name or a singular kind names."""
    return BY_TABLE.get(key) or BY_KIND.get(key)


def type_label(key: str) -> str:
    found = record_type(key)
    return found.label if found is not None else key


FIELD_LABELS: dict[str, str] = {
    "activity_type": N_("活动类型"),
    "agency": N_("监督单位"),
    "amount_fen": N_("涉及金额"),
    "anonymous": N_("匿名"),
    "answer": N_("答"),
    "approval": N_("审批状态"),
    "assessed_on": N_("评估日期"),
    "assessor": N_("评估人"),
    "at": N_("时间"),
    "attachment_sha256": N_("附件"),
    "attention": N_("关注程度"),
    "authorization_no": N_("授权文号"),
    "basis_ids": N_("定性依据"),
    "body": N_("正文"),
    "category": N_("分类"),
    "category1": N_("一级分类"),
    "category2": N_("二级分类"),
    "changed_on": N_("调整日期"),
    "channel": N_("来信渠道"),
    "children": N_("明细"),
    "clause": N_("条款"),
    "closed_at": N_("办结时间"),
    "closed_on": N_("销号日期"),
    "clue_id": N_("问题线索"),
    "clue_ids": N_("线索"),
    "comment": N_("意见"),
    "compiled_by": N_("经办人"),
    "compiled_on": N_("编制日期"),
    "conclusion": N_("结论"),
    "confirmation_sha256": N_("对象确认扫描件"),
    "confirmed_on": N_("确认日期"),
    "content": N_("原文摘录"),
    "county": N_("所属县（区）"),
    "contact": N_("信访渠道"),
    "created_at": N_("创建时间"),
    "created_by": N_("录入人"),
    "deleted_at": N_("作废时间"),
    "deleted_by": N_("作废人"),
    "disciplines": N_("涉及纪律"),
    "discovery": N_("发现过程"),
    "dispatch_level": N_("派出层级"),
    "disposition": N_("处置方式"),
    "doc_version": N_("文稿版本"),
    "document_no": N_("文号"),
    "due_date": N_("整改时限"),
    "due_on": N_("报送期限"),
    "duplicate_of_id": N_("重复件原件"),
    "end_date": N_("结束日期"),
    "escalated": N_("督办"),
    "evidence_catalog": N_("佐证材料目录"),
    "evidence_refs": N_("佐证材料"),
    "evidence_sha256": N_("佐证材料"),
    "evidence_type": N_("材料类型"),
    "extra": N_("附加内容"),
    "fed_back_at": N_("反馈时间"),
    "feedback_due": N_("反馈期限"),
    "feedback_on": N_("反馈日期"),
    "finding_id": N_("问题底稿"),
    "finding_ids": N_("底稿"),
    "force_type": N_("人员来源"),
    "found": N_("发现的问题"),
    "framework_id": N_("问题分类框架"),
    "framework_version": N_("问题分类框架版本"),
    "goal": N_("整改目标"),
    "grade": N_("评估等次"),
    "handling": N_("处置方式"),
    "held_at": N_("时间"),
    "held_on": N_("日期"),
    "home_county": N_("来源县（区）"),
    "home_level": N_("来源层级"),
    "id_number": N_("身份证号"),
    "immediate_fix": N_("立行立改"),
    "include_in_report": N_("写入报告"),
    "interview_type": N_("谈话类型"),
    "interviewers": N_("谈话人"),
    "item_code": N_("条目"),
    "item_no": N_("件号"),
    "kind": N_("类型"),
    "lead_department": N_("牵头部门"),
    "lead_team_id": N_("牵头组"),
    "leader_in_charge": N_("分管领导"),
    "leader_name": N_("主要负责人"),
    "level": N_("层级"),
    "measures": N_("整改措施"),
    "meeting_date": N_("组务会日期"),
    "method_code": N_("工作方法"),
    "name": N_("名称"),
    "new_leader": N_("新任主要负责人"),
    "notes": N_("备注"),
    "number": N_("编号"),
    "old_leader": N_("原主要负责人"),
    "origin_device": N_("来源设备"),
    "original_sha256": N_("原件扫描"),
    "original_unit": N_("原单位"),
    "other_unit": N_("其他单位"),
    "outcomes": N_("处置结果"),
    "outline": N_("谈话提纲"),
    "overall": N_("总体评价"),
    "overview": N_("基本情况"),
    "pages": N_("页数"),
    "parent_org": N_("上级单位"),
    "participants": N_("参加人员"),
    "person_id": N_("干部"),
    "phase": N_("巡察阶段"),
    "phase_dates": N_("阶段日期"),
    "place": N_("地点"),
    "plan_note": N_("审核意见"),
    "plan_status": N_("方案状态"),
    "portfolio": N_("分管工作"),
    "position": N_("职务"),
    "problem": N_("具体问题"),
    "progress_notes": N_("进展情况"),
    "proposal": N_("拟办意见"),
    "question": N_("问"),
    "received_at": N_("收到时间"),
    "received_by": N_("接收经办人"),
    "recorder": N_("记录人"),
    "rectification_id": N_("整改事项"),
    "rectification_ids": N_("整改事项"),
    "recusal": N_("回避申报"),
    "recusal_person_ids": N_("回避人员"),
    "recusal_target_ids": N_("回避单位"),
    "refs": N_("关联记录"),
    "report_type": N_("报告类型"),
    "reported_persons": N_("被反映人"),
    "reporter_contact": N_("联系方式"),
    "reporter_name": N_("反映人姓名"),
    "responsible": N_("责任主体"),
    "responsible_person": N_("主要负责人"),
    "result": N_("办理结果"),
    "retention": N_("保管期限"),
    "return_reason": N_("退回理由"),
    "review_note": N_("审核意见"),
    "review_opinion": N_("巡察办审核意见"),
    "reviewed_by": N_("审核人"),
    "reviewed_on": N_("审核日期"),
    "revisit_of": N_("回头看轮次"),
    "role": N_("组内职务"),
    "round_id": N_("巡察轮次"),
    "round_type": N_("巡察类型"),
    "second_unit": N_("第二移交单位"),
    "secrecy": N_("密级"),
    "sent_on": N_("发函日期"),
    "seq": N_("序号"),
    "source": N_("来源"),
    "source_refs": N_("来源记录"),
    "specific_person": N_("具体责任人"),
    "stage": N_("阶段"),
    "start_date": N_("开始日期"),
    "status": N_("状态"),
    "subject_level": N_("级别"),
    "subject_name": N_("姓名"),
    "subject_political_status": N_("政治面貌"),
    "subject_position": N_("职务"),
    "subject_type": N_("画像对象类型"),
    "subject_unit": N_("单位"),
    "submitted_on": N_("报送日期"),
    "subtype": N_("类别"),
    "summary": N_("摘要"),
    "target_id": N_("被巡察对象"),
    "target_ids": N_("被巡察对象"),
    "taxonomy_code": N_("问题分类"),
    "team_id": N_("巡察组"),
    "template_id": N_("画像模板"),
    "template_version": N_("画像模板版本"),
    "term": N_("届次"),
    "term_end": N_("任职结束"),
    "term_start": N_("任职开始"),
    "title": N_("标题"),
    "topic": N_("专项主题"),
    "transfer_mode": N_("移交方式"),
    "transfer_to": N_("转交单位"),
    "transfer_unit": N_("移交单位"),
    "transferred_at": N_("移交时间"),
    "transferred_by": N_("移交经办人"),
    "unit": N_("工作单位"),
    "updated_at": N_("修改时间"),
    "updated_by": N_("修改人"),
    "usage_advice": N_("运用建议"),
    "user_id": N_("用户"),
    "user_name": N_("姓名"),
    "version": N_("版本"),
    "void_reason": N_("作废理由"),
    "volume_no": N_("卷号"),
    "year": N_("年度"),
}


def field_label(name: str, table: str | None = None) -> str:
    """The Chinese label of field ``name``, as record type ``table`` (when given) calls it."""
    found = BY_TABLE.get(table) if table is not None else None
    if found is not None and name in found.fields:
        return found.fields[name]
    return FIELD_LABELS.get(name, name)
