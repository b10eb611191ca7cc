"""Which column of a list holds which field, guessed from the headers (the user confirms it).

Headers are compared as ``header_key`` makes them: full-width → half-width, no spaces, no
required-marks (*). A field takes, in order: a column whose header is one of its synonyms; one
whose header is a synonym once a bracketed unit or note is dropped (“补贴面积（亩）”); one whose
header contains a synonym, the longest synonyms first (“干部身份证号” before “身份证号”). A column
goes to one field at most.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from workbench.datacheck.kinds import FIELDS
from workbench.vocab.enums import DataListKind as Kind

_PERSON_NAME = ("姓名", "名字", "户主姓名", "申请人姓名", "户主", "人员姓名", "对象姓名")
_ID = (
    "身份证号",
    "身份证号码",
    "公民身份号码",
    "证件号码",
    "身份证",
    "身份证件号码",
    "证件号",
    "居民身份证号码",
    "户主身份证号",
    "申请人身份证号",
)
_VILLAGE = (
    "村(社区)",
    "所在村",
    "村居",
    "行政村",
    "村社区",
    "村名",
    "所属村",
    "村组",
    "社区",
    "村",
)
_ORG_CODE = ("统一社会信用代码", "社会信用代码", "信用代码", "统一代码")
_AMOUNT = ("金额", "发放金额", "保障金额", "补贴金额", "救助金额", "实发金额", "发放额")

# field key → synonyms, for every kind that has the field (the field's own label counts too)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": _PERSON_NAME,
    "id_number": _ID,
    "place": _VILLAGE,
    "amount": _AMOUNT,
    "org_code": _ORG_CODE,
    "paid_on": ("发放日期", "发放时间", "发放年月", "发放月份", "支付日期", "兑付日期", "拨付日期"),
    "since": (
        "享受起始日期",
        "享受起始时间",
        "起始日期",
        "起始时间",
        "享受日期",
        "纳入日期",
        "纳入时间",
        "审批日期",
    ),
    "subsidy_area": ("补贴面积", "计补面积", "核定补贴面积", "补贴面积亩"),
    "contract_area": ("承包面积", "确权面积", "合同面积", "承包地面积", "确权确地面积"),
    "died_on": ("死亡日期", "死亡时间", "火化日期", "火化时间", "死亡年月"),
    "related_name": ("干部姓名", "关联干部", "关联干部姓名", "村干部姓名", "所属干部"),
    "related_id": ("干部身份证号", "干部身份证号码", "关联干部身份证号", "村干部身份证号"),
    "until": ("离任日期", "离任时间", "免职日期", "卸任日期"),
    "project": ("项目名称", "工程名称", "工程项目名称", "项目", "标段名称"),
    "contract": ("合同名称", "合同项目", "发包项目", "资产名称", "资源名称", "项目名称"),
    "awarded_on": ("中标日期", "中标时间", "成交日期", "开标日期", "合同签订日期"),
    "signed_on": ("签订日期", "签订时间", "合同签订日期", "签约日期", "合同日期"),
}

# what a field is called in one kind of list only
KIND_SYNONYMS: dict[Kind, dict[str, tuple[str, ...]]] = {
    Kind.ASSISTANCE: {
        "name": ("救助对象姓名", "保障对象姓名"),
        "category": (
            "救助类别",
            "保障类别",
            "类别",
            "救助类型",
            "保障类型",
            "低保类别",
            "对象类别",
        ),
        "amount": ("月保障金", "保障金", "月人均补差"),
    },
    Kind.SUBSIDY: {
        "name": ("农户姓名", "补贴对象姓名", "承包户姓名"),
        "category": ("补贴项目", "补贴类型", "补贴类别", "补贴名称", "项目名称"),
    },
    Kind.STAFF: {
        "org": ("工作单位", "单位", "单位名称", "所在单位", "任职单位", "供职单位"),
        "category": ("人员类别", "人员类型", "编制类型", "编制性质", "身份类别", "类别"),
        "place": ("所在地", "所在乡镇", "所在地区"),
    },
    Kind.CADRES: {
        "name": ("干部姓名",),
        "id_number": ("干部身份证号",),
        "category": ("职务", "现任职务", "职位", "担任职务"),
        "since": ("任职日期", "任职时间", "任职起始日期", "任现职时间"),
    },
    Kind.RELATIVES: {
        "name": ("亲属姓名", "家属姓名", "近亲属姓名"),
        "id_number": ("亲属身份证号", "家属身份证号", "亲属身份证号码", "近亲属身份证号"),
        "category": ("关系", "与干部关系", "称谓", "亲属关系", "与干部的关系", "家庭关系"),
    },
    Kind.DEATHS: {
        "name": ("死者姓名", "逝者姓名"),
        "place": ("户籍地", "户籍所在地", "户籍地址", "住址", "户籍地(村、社区)"),
    },
    Kind.BUSINESS: {
        "org": ("企业名称", "单位名称", "公司名称", "市场主体名称", "名称", "企业(机构)名称"),
        "name": (
            "法定代表人",
            "法定代表人姓名",
            "法人",
            "法人代表",
            "股东",
            "股东姓名",
            "投资人",
            "出资人",
            "负责人",
        ),
        "id_number": ("法定代表人身份证号", "法人身份证号", "股东身份证号", "证照号码"),
        "category": ("身份", "人员身份", "人员类型", "角色", "任职", "担任职务", "职务"),
    },
    Kind.PROJECTS: {
        "org": ("中标单位", "中标人", "施工单位", "承建单位", "中标企业", "成交供应商"),
        "place": ("项目所在村(社区)", "项目所在村", "项目地点", "建设地点", "实施地点"),
        "amount": ("中标金额", "中标价", "合同价款", "合同金额"),
    },
    Kind.CONTRACTS: {
        "name": ("承包方姓名", "承包人", "承包方", "承租人", "承包人姓名", "承租方"),
        "id_number": ("承包方身份证号", "承包人身份证号", "承租人身份证号"),
        "org": ("承包单位", "承包方单位", "承租单位"),
        "amount": ("合同金额", "承包金额", "承包费", "合同总金额", "租金"),
    },
}

# too general to be found inside a longer header (“身份” is in “身份证号”)
_EXACT_ONLY = frozenset({"身份", "名称", "单位", "项目", "类别", "户主", "村", "社区", "法人"})
_BRACKETED = re.compile(r"\([^()]*\)")


def header_key(header: str | None) -> str:
    """A header as compared: NFKC (full-width → half), no spaces, no required-marks."""
    text = unicodedata.normalize("NFKC", header or "")
    return re.sub(r"[\s*:]+", "", text)


def synonyms(kind: Kind, key: str, label: str) -> tuple[str, ...]:
    own = (label, *KIND_SYNONYMS.get(kind, {}).get(key, ()), *SYNONYMS.get(key, ()))
    return tuple(dict.fromkeys(header_key(s) for s in own))


def guess(kind: Kind, headers: Sequence[str | None]) -> dict[str, int]:
    """Field key → index of the column that holds it, for the fields a header names."""
    keys = [header_key(h) for h in headers]
    bare = [_BRACKETED.sub("", k) for k in keys]
    fields = [(f.key, synonyms(kind, f.key, f.label)) for f in FIELDS[kind]]
    found: dict[str, int] = {}

    def take(pairs: Iterable[tuple[str, str]], matches: Sequence[str], inside: bool) -> None:
        for key, synonym in pairs:
            if key in found or not synonym:
                continue
            for index, header in enumerate(matches):
                hit = synonym in header if inside else synonym == header
                if hit and index not in found.values():
                    found[key] = index
                    break

    exact = [(key, s) for key, names in fields for s in names]
    take(exact, keys, inside=False)
    take(exact, bare, inside=False)
    longest = sorted(
        ((key, s) for key, s in exact if s not in _EXACT_ONLY), key=lambda p: -len(p[1])
    )
    take(longest, keys, inside=True)
    return found
