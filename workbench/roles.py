"""User roles and the rule that keeps the security auditor separate (三员分立)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from workbench.errors import ValidationError
from workbench.i18n import N_


class Role(StrEnum):
    TEAM_LEADER = "team_leader"
    DEPUTY_LEADER = "deputy_leader"
    MEMBER = "member"
    RECORDER = "recorder"
    OFFICE = "office_staff"
    SYSADMIN = "sysadmin"
    SECADMIN = "secadmin"
    AUDITOR = "auditor"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.TEAM_LEADER: N_("组长"),
    Role.DEPUTY_LEADER: N_("副组长"),
    Role.MEMBER: N_("组员"),
    Role.RECORDER: N_("记录员/信访专员"),
    Role.OFFICE: N_("巡察办"),
    Role.SYSADMIN: N_("系统管理员"),
    Role.SECADMIN: N_("安全保密管理员"),
    Role.AUDITOR: N_("安全审计员"),
}

_BY_LABEL = {label: role for role, label in ROLE_LABELS.items()}


def parse_role(text: str) -> Role:
    """Accept the code (``team_leader``) or the Chinese label (``组长``)."""
    text = text.strip()
    if text in _BY_LABEL:
        return _BY_LABEL[text]
    try:
        return Role(text)
    except ValueError:
        names = "、".join(ROLE_LABELS.values())
        raise ValidationError(f"未知角色“{text}”，可选：{names}", field="roles") from None


AUDITOR_SEPARATE = N_("安全审计员不得同时担任系统管理员或安全保密管理员（三员分立）")


def validate_roles(roles: Iterable[Role | str]) -> tuple[Role, ...]:
    parsed = tuple(dict.fromkeys(parse_role(r) if isinstance(r, str) else r for r in roles))
    if not parsed:
        raise ValidationError("至少需要一个角色", field="roles")
    if Role.AUDITOR in parsed and ({Role.SYSADMIN, Role.SECADMIN} & set(parsed)):
        raise ValidationError(AUDITOR_SEPARATE, field="roles")
    return parsed


ADMIN_ROLES = frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR})
ADMIN_AND_BUSINESS = N_(
    "此用户同时担任三员角色和业务角色。三员分立要求管理员不经办巡察业务，"
    "仅在人手不足时兼任，条件允许时应分设账户。"
)


def role_mix_warning(roles: Iterable[Role]) -> str | None:
    """Allowed but worth a warning: a 三员 role held together with a business role."""
    held = set(roles)
    if held & ADMIN_ROLES and held - ADMIN_ROLES:
        return ADMIN_AND_BUSINESS
    return None


FIRST_USER_NEEDS_SYSADMIN = N_(
    "第一个用户必须担任系统管理员：只有系统管理员能添加用户，缺了这一角色，"
    "此数据库以后再也无法添加任何用户。请在角色中加上“系统管理员”（如 组长,系统管理员）；"
    "安全审计员不得兼任，应在建库后另行添加。"
)


def validate_first_user_roles(roles: Iterable[Role | str]) -> tuple[Role, ...]:
    """A new store's only user is also the only one who could ever add the others."""
    parsed = validate_roles(roles)
    if Role.SYSADMIN not in parsed:
        raise ValidationError(FIRST_USER_NEEDS_SYSADMIN, field="roles")
    return parsed


# -- 三员: who may read case content ------------------------------------------------------------

# Why each of the 三员 sees no case content: what the role is for, as the 分级保护 rules put it.
_CASE_READ_REFUSALS: dict[Role, str] = {
    Role.AUDITOR: N_("安全审计员只能查看审计日志，不能查看案件内容"),
    Role.SECADMIN: N_("安全保密管理员只能管理密级和安全设置，不能查看案件内容"),
    Role.SYSADMIN: N_("系统管理员只能管理用户、设备和备份，不能查看案件内容"),
}


def case_read_refusal(roles: Iterable[Role | str]) -> str | None:
    """Why a user holding ``roles`` may not read case content, or None if they may: only a user
    who holds one of the 三员 roles and no business role is refused. No roles at all is the
    store's own work (migrations, checks), not a person's."""
    held = {Role(r) for r in roles}
    if not held or held - ADMIN_ROLES:  # a business role: reads as that role
        return None
    return next(message for role, message in _CASE_READ_REFUSALS.items() if role in held)
