"""Closed vocabularies of the domain (DOMAIN.md). Stored as stable codes; labels are Chinese,
marked for translation. Open vocabularies (frameworks, focus lists, work methods) are taxonomy
data in ``resources/taxonomy``, not enums."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from workbench.i18n import N_


class LabeledEnum(StrEnum):
    """A code with a Chinese label: ``InterviewType.REQUIRED.label == "必谈"``."""

    label: str

    def __new__(cls, code: str, label: str) -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    @classmethod
    def parse(cls, text: str) -> Self:
        """Accept the code or the Chinese label."""
        for member in cls:
            if text in (member.value, member.label):
                return member
        raise ValueError(text)


class Secrecy(LabeledEnum):
    WORK_SECRET = "work_secret", N_("工作秘密")
    INTERNAL = "internal", N_("内部")


class RoundType(LabeledEnum):
    REGULAR = "regular", N_("常规")
    SPECIAL = "special", N_("专项")
    MOBILE = "mobile", N_("机动")
    ELEVATED = "elevated", N_("提级")
    CROSS = "cross", N_("交叉")
    LINKED = "linked", N_("联动")
    REVISIT = "revisit", N_("回头看")
    VILLAGE = "village", N_("对村")


class RoundPhase(LabeledEnum):
    """A round's stage, in order; the office moves it one step forward at a time."""

    PREPARATION = "preparation", N_("准备")
    STATIONING = "stationing", N_("进驻")
    REPORTING = "reporting", N_("报告")
    FEEDBACK = "feedback", N_("反馈")
    RECTIFICATION = "rectification", N_("整改")
    ARCHIVING = "archiving", N_("归档")


class OrgLevel(LabeledEnum):
    """Where a round is dispatched from, a team formed, a member comes from (提级, 1托N, 联动)."""

    CITY = "city", N_("市级")
    COUNTY = "county", N_("县级")


class PlanStatus(LabeledEnum):
    """A 专项巡察's 工作方案: drafted, 报备 to the higher office, then 审核 (or sent back)."""

    NONE = "none", N_("不适用")
    DRAFT = "draft", N_("草拟")
    FILED = "filed", N_("已报备")
    APPROVED = "approved", N_("审核通过")
    RETURNED = "returned", N_("退回修改")


class MemberRole(LabeledEnum):
    LEADER = "leader", N_("组长")
    DEPUTY = "deputy", N_("副组长")
    MEMBER = "member", N_("组员")
    RECORDER = "recorder", N_("记录员")
    LETTERS = "letters", N_("信访专员")


class ForceType(LabeledEnum):
    FULL_TIME = "full_time", N_("专职")
    FIXED = "fixed", N_("相对固定")
    SECONDED = "seconded", N_("抽调")


class AttentionLevel(LabeledEnum):
    SPECIAL = "special", N_("特别关注")
    KEY = "key", N_("重点关注")
    GENERAL = "general", N_("一般关注")


class CadreLevel(LabeledEnum):
    CITY = "city", N_("市管")
    COUNTY = "county", N_("县管")
    TOWNSHIP = "township", N_("乡管")
    OTHER = "other", N_("其他")


class InterviewType(LabeledEnum):
    REQUIRED = "required", N_("必谈")
    SELECTED = "selected", N_("选谈")
    SUMMONED = "summoned", N_("约谈")
    VOLUNTARY = "voluntary", N_("自愿来谈")


class LetterChannel(LabeledEnum):
    LETTER = "letter", N_("来信")
    SMALL_ENVELOPE = "small_envelope", N_("小信封")
    PHONE = "phone", N_("来电")
    VISIT = "visit", N_("来访")
    EMAIL = "email", N_("邮箱")
    QR_CODE = "qr_code", N_("二维码")
    SUGGESTION_BOX = "suggestion_box", N_("意见箱")
    REFERRED = "referred", N_("转办")


class LetterCategory(LabeledEnum):
    CLUE = "clue", N_("问题线索类")
    GENERAL = "general", N_("一般性问题")
    SUGGESTION = "suggestion", N_("意见建议")
    OUT_OF_SCOPE = "out_of_scope", N_("不属受理范围")
    DUPLICATE = "duplicate", N_("重复件")


class LetterDisposition(LabeledEnum):
    TO_CLUE = "to_clue", N_("转为线索")
    TO_FINDING = "to_finding", N_("纳入了解/底稿")
    TRANSFER = "transfer", N_("转交")
    KEEP = "keep", N_("留存备查")
    CLOSE = "close", N_("了结")


class LetterStatus(LabeledEnum):
    REGISTERED = "registered", N_("已登记")
    SUMMARIZED = "summarized", N_("已摘要")
    DISCUSSED = "discussed", N_("已上组务会")
    DISPOSED = "disposed", N_("已处置")


class Discipline(LabeledEnum):
    """六项纪律, with the codes of ``disciplines@1.json`` (which adds descriptions)."""

    POLITICAL = "JL-1", N_("政治纪律")
    ORGANIZATIONAL = "JL-2", N_("组织纪律")
    INTEGRITY = "JL-3", N_("廉洁纪律")
    MASSES = "JL-4", N_("群众纪律")
    WORK = "JL-5", N_("工作纪律")
    LIFE = "JL-6", N_("生活纪律")


class FindingStatus(LabeledEnum):
    DRAFT = "draft", N_("编制中")
    SUBMITTED = "submitted", N_("待复核")
    REVIEWED = "reviewed", N_("待审签")
    APPROVED = "approved", N_("已审签")


class SignoffStep(LabeledEnum):
    SUBMIT = "submit", N_("经办人编制")
    REVIEW = "review", N_("副组长复核")
    APPROVE = "approve", N_("组长审签")
    RETURN = "return", N_("退回")


class ResponsibilityType(LabeledEnum):
    MAIN = "main", N_("主体责任")
    FIRST = "first", N_("第一责任人")
    LEADING = "leading", N_("主要领导责任")
    DIRECT = "direct", N_("直接责任")


class EvidenceType(LabeledEnum):
    INTERVIEW = "interview", N_("谈话记录")
    LETTER = "letter", N_("信访材料")
    DOCUMENT = "document", N_("文件")
    MINUTES = "minutes", N_("会议记录")
    VOUCHER = "voucher", N_("财务凭证")
    SURVEY = "survey", N_("问卷统计")
    PHOTO = "photo", N_("照片")
    MEDIA = "media", N_("音视频")


class ClueTransferUnit(LabeledEnum):
    DISCIPLINE_COMMISSION = "discipline_commission", N_("纪委监委")
    ORGANIZATION_DEPT = "organization_dept", N_("组织部")
    OTHER = "other", N_("其他")


class TransferMode(LabeledEnum):
    SINGLE = "single", N_("单移交")
    DOUBLE = "double", N_("双移交")


class ClueHandling(LabeledEnum):
    TALK_INQUIRY = "talk_inquiry", N_("谈话函询")
    PRELIMINARY = "preliminary", N_("初步核实")
    SHELVED = "shelved", N_("暂存待查")
    CLOSED = "closed", N_("予以了结")


class ClueOutcomeKind(LabeledEnum):
    """What became of a transferred clue, as the receiving unit reports it (dated entries)."""

    TALK_INQUIRY = "talk_inquiry", N_("谈话函询")
    PRELIMINARY = "preliminary", N_("初核")
    CASE_FILED = "case_filed", N_("立案")
    PARTY_DISCIPLINE = "party_discipline", N_("党纪处分")
    GOVERNMENT_SANCTION = "government_sanction", N_("政务处分")
    ORGANIZATIONAL = "organizational", N_("组织处理")
    CONCLUDED = "concluded", N_("了结")


class ClueStatus(LabeledEnum):
    REGISTERED = "registered", N_("已登记")
    TRANSFERRED = "transferred", N_("已移交")
    RECEIVED = "received", N_("已接收")
    HANDLING = "handling", N_("办理中")
    FED_BACK = "fed_back", N_("已反馈")
    CLOSED = "closed", N_("已办结")


class ActivityType(LabeledEnum):
    BRIEFING = "briefing", N_("听取汇报")
    FORUM = "forum", N_("座谈会")
    ATTEND_MEETING = "attend_meeting", N_("列席会议")
    REVIEW_FILES = "review_files", N_("调阅资料")
    SURVEY = "survey", N_("民主测评/问卷")
    FIELD_VISIT = "field_visit", N_("实地走访/下沉")
    SPECIAL_CHECK = "special_check", N_("专项检查")
    PERSONAL_MATTERS = "personal_matters", N_("个人事项抽查")


class FocusStatus(LabeledEnum):
    NOT_STARTED = "not_started", N_("未开展")
    IN_PROGRESS = "in_progress", N_("了解中")
    PROBLEM_FOUND = "problem_found", N_("发现问题")
    NO_PROBLEM = "no_problem", N_("未发现问题")


class ListKind(LabeledEnum):
    POLICY = "policy", N_("政策清单")
    FUNCTION = "function", N_("职能清单")
    SUPERVISION = "supervision", N_("综合监督信息清单")
    PROBLEM = "problem", N_("问题清单")


class PortraitSubject(LabeledEnum):
    UNIT = "unit", N_("单位")
    LEADERSHIP = "leadership", N_("领导班子")
    PERSON = "person", N_("个人")


class RectificationStatus(LabeledEnum):
    NOT_STARTED = "not_started", N_("未启动")
    IN_PROGRESS = "in_progress", N_("推进中")
    DONE = "done", N_("已完成")
    LONG_TERM = "long_term", N_("长期坚持")


class Grade(LabeledEnum):
    GOOD = "good", N_("好")
    FAIRLY_GOOD = "fairly_good", N_("较好")
    FAIR = "fair", N_("一般")
    POOR = "poor", N_("差")


class RectificationDocKind(LabeledEnum):
    """What a target submits on its rectification as a whole."""

    PLAN = "plan", N_("整改方案")
    REPORT = "report", N_("整改报告")


class RectificationDocStatus(LabeledEnum):
    PENDING = "pending", N_("待报送")
    SUBMITTED = "submitted", N_("已报送")
    APPROVED = "approved", N_("巡察办审核通过")
    RETURNED = "returned", N_("退回修改")


class SupervisionAgency(LabeledEnum):
    """Who supervises a target's rectification besides the office (日常监督)."""

    DISCIPLINE_COMMISSION = "discipline_commission", N_("纪委监委")
    ORGANIZATION_DEPT = "organization_dept", N_("组织部")


class ReportType(LabeledEnum):
    INSPECTION = "inspection", N_("巡察报告")
    SPECIAL = "special", N_("专题报告")
    CLUES = "clues", N_("线索报告")
    FEEDBACK = "feedback", N_("反馈意见")
    IMMEDIATE_FIX = "immediate_fix", N_("立行立改通知书")
    SUGGESTION = "suggestion", N_("巡察建议书")
    PORTRAIT = "portrait", N_("政治画像报告")


class ApprovalState(LabeledEnum):
    DRAFT = "draft", N_("草稿")
    SUBMITTED = "submitted", N_("报审")
    APPROVED = "approved", N_("已批准")


class Retention(LabeledEnum):
    PERMANENT = "permanent", N_("永久")
    YEARS_30 = "30y", N_("30年")
    YEARS_10 = "10y", N_("10年")


class DataListKind(LabeledEnum):
    """The external lists an office cross-checks (大数据碰撞比对)."""

    ASSISTANCE = "assistance", N_("低保/特困/临时救助名单")
    SUBSIDY = "subsidy", N_("惠农补贴发放名单")
    STAFF = "staff", N_("公职人员/财政供养人员名单")
    CADRES = "cadres", N_("村（社区）干部名单")
    RELATIVES = "relatives", N_("干部近亲属名单")
    DEATHS = "deaths", N_("死亡/火化人员名单")
    BUSINESS = "business", N_("工商登记信息")
    PROJECTS = "projects", N_("工程项目中标信息")
    CONTRACTS = "contracts", N_("集体“三资”合同")


class HitStatus(LabeledEnum):
    NEW = "new", N_("待处理")
    PENDING = "pending", N_("待核实")
    CONFIRMED = "confirmed", N_("属实")
    EXCLUDED = "excluded", N_("排除")
