"""Users and their roles. Passphrase slots live in the keyfile, managed through the vault."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError
from workbench.i18n import N_
from workbench.models.system import User
from workbench.roles import Role, validate_roles
from workbench.store.vault import UserInfo, Vault, check_passphrase, user_info


def list_users(session: Session) -> list[UserInfo]:
    return [
        user_info(u) for u in session.scalars(select(User).order_by(User.created_at, User.name))
    ]


def find_user(session: Session, name: str) -> UserInfo:
    row = session.scalar(select(User).where(User.name == name.strip()))
    if row is None:
        raise NotFound(f"没有名为“{name}”的用户", user=name)
    return user_info(row)


def add_user(
    vault: Vault,
    name: str,
    passphrase: str,
    roles: tuple[Role | str, ...],
    *,
    display_name: str | None = None,
) -> UserInfo:
    """系统管理员 adds a user with their own passphrase slot."""
    vault.require(Role.SYSADMIN)
    name = name.strip()
    if not name or len(name) > 64:
        raise ValidationError("用户名应为 1–64 个字符", field="name")
    parsed = validate_roles(roles)
    check_passphrase(passphrase)
    with vault.session() as s:
        if s.scalar(select(User.id).where(User.name == name)):
            raise Conflict(f"用户“{name}”已存在", user=name)
        row = User(
            name=name,
            display_name=(display_name or name).strip(),
            roles=[str(r) for r in parsed],
            created_by=vault.user.id,
        )
        s.add(row)
        s.flush()
        info = user_info(row)
    vault.set_passphrase(info.id, passphrase)
    return info


LAST_SYSADMIN = N_(
    "此用户是最后一位在用的系统管理员：停用或取消其系统管理员角色后，"
    "再也无法添加或管理用户。请先让另一位用户担任系统管理员。"
)


def _keep_an_active_sysadmin(session: Session, row: User) -> None:
    """Refuse a change that would leave no active 系统管理员 (only they manage users)."""
    others = session.scalars(select(User).where(User.id != row.id, User.disabled.is_(False)))
    if not any(Role.SYSADMIN.value in u.roles for u in others):
        raise ValidationError(LAST_SYSADMIN, field="roles")


def set_user_roles(vault: Vault, name: str, roles: tuple[Role | str, ...]) -> UserInfo:
    """系统管理员 changes a user's roles, under the 三员 rule; the last active 系统管理员 keeps
    that role."""
    vault.require(Role.SYSADMIN)
    parsed = validate_roles(roles)
    with vault.session() as s:
        row = s.scalar(select(User).where(User.name == name.strip()))
        if row is None:
            raise NotFound(f"没有名为“{name}”的用户", user=name)
        if Role.SYSADMIN.value in row.roles and Role.SYSADMIN not in parsed and not row.disabled:
            _keep_an_active_sysadmin(s, row)
        row.roles = [str(r) for r in parsed]
        info = user_info(row)
    if info.id == vault.user.id:
        vault.user = info  # the running session holds the new roles at once
    return info


def disable_user(vault: Vault, name: str) -> UserInfo:
    """Mark the user disabled and remove their keyslot: they can no longer unlock.

    Only an active 系统管理员 may, and never on themself, so one always remains."""
    vault.require(Role.SYSADMIN)
    with vault.session() as s:
        row = s.scalar(select(User).where(User.name == name.strip()))
        if row is None:
            raise NotFound(f"没有名为“{name}”的用户", user=name)
        if row.id == vault.user.id:
            raise PermissionDenied("不能停用当前登录的用户")
        _keep_an_active_sysadmin(s, row)
        row.disabled = True
        info = user_info(row)
    vault.remove_slot(info.id)
    return info


def enable_user(vault: Vault, name: str, passphrase: str) -> UserInfo:
    """系统管理员 enables a disabled user again. Disabling removed their keyslot, so they get a
    new passphrase (told to them like an initial one)."""
    vault.require(Role.SYSADMIN)
    check_passphrase(passphrase)
    with vault.session() as s:
        row = s.scalar(select(User).where(User.name == name.strip()))
        if row is None:
            raise NotFound(f"没有名为“{name}”的用户", user=name)
        if not row.disabled:
            raise Conflict(f"用户“{row.name}”未停用", user=row.name)
        row.disabled = False
        info = user_info(row)
    vault.set_passphrase(info.id, passphrase)
    return info
