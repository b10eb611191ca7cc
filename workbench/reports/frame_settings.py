"""The office's 公文 frame settings, kept in ``store_meta`` like its period rules
(services/office_rules.py): the 发文机关标志 of the 巡察办 and the prefix of its teams', the
机关代字 of each, the 印发机关 and the 抄送机关 every framed document adds. Reading falls back to
a default built from the round (``中共县委…``, marked for the office to set); only the 巡察办
changes a setting, and each change is audited (``setting.change``: which, from what, to what).

机关代字 rule: the office's code as set (e.g. ``×巡办``); a team's is the team prefix, the
team's number in Chinese and 组 (prefix ``×巡``, 第一巡察组 → ``×巡一组``), so each team counts
its own 发文字号 and two teams never draw the same one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models.fieldrules import text_fault
from workbench.models.system import StoreMeta
from workbench.roles import Role
from workbench.services.common import require_role
from workbench.store import audit

MAX_SETTING = 64
CODE_REFUSED = "〔〕[]（）()号"  # a 代字 is followed by 〔年份〕N号: none of these inside it
# control, format (zero-width, bidi) and line/paragraph separators: invisible in a mark, they
# break the .docx (a VT is not XML) or make a look-alike 代字 with a counter of its own
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


@dataclass(frozen=True)
class FrameSetting:
    key: str  # the store_meta key
    field: str  # the CLI's --set NAME and the field a refusal names
    label: str


SETTINGS = (
    FrameSetting("frame.office_mark", "office_mark", "巡察办发文机关标志"),
    FrameSetting("frame.office_suffix", "office_suffix", "标志后缀（如：文件；空：不加）"),
    FrameSetting("frame.team_prefix", "team_prefix", "巡察组发文机关标志前缀"),
    FrameSetting("frame.office_code", "office_code", "巡察办机关代字"),
    FrameSetting("frame.team_code", "team_code", "巡察组机关代字前缀"),
    FrameSetting("frame.printer", "printer", "印发机关"),
    FrameSetting("frame.cc", "cc", "默认抄送机关（以、分隔）"),
)
_BY_FIELD = {s.field: s for s in SETTINGS}


@dataclass(frozen=True)
class FrameSettings:
    """The stored values; blank means "not set" (the frame then uses its default)."""

    office_mark: str = ""
    office_suffix: str = ""
    team_prefix: str = ""
    office_code: str = ""
    team_code: str = ""
    printer: str = ""
    cc: str = ""

    @property
    def cc_list(self) -> tuple[str, ...]:
        return split_names(self.cc)


def split_names(text: str) -> tuple[str, ...]:
    """``县纪委监委、县委组织部`` (or comma separated) → the names, without the closing 。"""
    parts = text.replace("，", "、").replace(",", "、").rstrip("。").split("、")
    return tuple(p.strip() for p in parts if p.strip())


def setting_named(name: str) -> FrameSetting:
    found = _BY_FIELD.get(name.strip())
    if found is None:
        known = "、".join(_BY_FIELD)
        raise ValidationError(f"未知的公文设置“{name}”，可选：{known}", field=name)
    return found


def frame_settings(session: Session) -> FrameSettings:
    values = {}
    for setting in SETTINGS:
        meta = session.get(StoreMeta, setting.key)
        values[setting.field] = meta.value if meta else ""
    return FrameSettings(**values)


def _check(setting: FrameSetting, value: str) -> str:
    value = value.strip()
    if len(value) > MAX_SETTING or any(c in value for c in "\n\r\t"):
        raise ValidationError(
            f"{setting.label}须为一行、不超过 {MAX_SETTING} 个字", field=setting.field
        )
    fault = text_fault(value)
    if fault is not None:
        raise ValidationError(f"{setting.label}{fault}", field=setting.field)
    if any(unicodedata.category(c) in INVISIBLE_CATEGORIES for c in value):
        raise ValidationError(
            f"{setting.label}不能含控制字符或不可见的格式字符（如零宽字符、文字方向控制符）",
            field=setting.field,
        )
    code = setting.field.endswith("_code")
    if code and any(c in CODE_REFUSED or c.isspace() for c in value):
        raise ValidationError(
            f"{setting.label}不能含括号、“号”或空白，如：×巡办", field=setting.field
        )
    return value


def set_frame_setting(session: Session, name: str, value: str) -> None:
    """Set one setting (blank: back to the default); audited when the value changes."""
    setting = setting_named(name)
    require_role(session, (Role.OFFICE,), f"设定{setting.label}")
    value = _check(setting, value)
    meta = session.get(StoreMeta, setting.key)
    before = meta.value if meta else ""
    if value == before:
        return
    if meta is None:
        session.add(StoreMeta(key=setting.key, value=value))
    else:
        meta.value = value
    change = {"rule": setting.label, "from": before, "to": value}
    audit.record(session, "setting.change", "store_meta", setting.key, change)
    session.flush()
