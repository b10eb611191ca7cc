"""Users and their roles. Passphrase slots live in the keyfile, managed through the vault; roles
are signed grants (store/grants.py), issued here by the acting 系统管理员."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError
from workbench.i18n import N_
from workbench.models.system import User
from workbench.roles import Role, validate_roles
from workbench.store import grants
from workbench.store.grants import CosignRequired as CosignRequired  # the GUI's co-sign step
from workbench.store.grants import GrantView, Signer
from workbench.store.unlocked import UserInfo, check_passphrase, user_info
from workbench.store.vault import Vault

T = TypeVar("T")


def list_users(session: Session) -> list[UserInfo]:
    held = grants.roles_by_user(session)
    return [
        user_info(u, held.get(u.id, ()))
        for u in session.scalars(select(User).order_by(User.created_at, User.name))
    ]


def find_user(session: Session, name: str) -> UserInfo:
    row = _row(session, name)
    return user_info(row, grants.roles_by_user(session).get(row.id, ()))


def _row(session: Session, name: str) -> User:
    row = session.scalar(select(User).where(User.name == name.strip()))
    if row is None:
        raise NotFound(f"没有名为“{name}”的用户", user=name)
    return row


def cosigned(
    vault: Vault,
    credentials: tuple[str, str] | None,
    job: Callable[..., T],
    /,
    *args: Any,
    **kwargs: Any,
) -> T:
    """``job(vault, *args, cosign=…, **kwargs)`` co-signed by the other 三员 holder, whose key is
    unlocked here from their name and passphrase (if given): the key never leaves the core."""
    signer = vault.cosigner(*credentials) if credentials else None
    return job(vault, *args, cosign=signer, **kwargs)


def _grant(
    vault: Vault,
    session: Session,
    row: User,
    roles: tuple[Role, ...],
    *,
    active: bool,
    key: bytes | None,
    cosign: Signer | None,
) -> None:
    """Issue ``row``'s grant, refused (PermissionDenied, naming who must co-sign) unless the chain
    will accept it; then check that it does."""
    chain = grants.load_chain(session)
    held = chain.held.get(row.id)
    before = held.effective if held else ()
    signer = vault.signer()
    if Role.SYSADMIN not in chain.held.get(signer.user_id, _NOBODY).effective:
        raise PermissionDenied("当前用户没有经过签名验证的系统管理员授权，不能签发角色授权")
    used = grants.require_dual_control(
        chain,
        signer.user_id,
        before,
        roles if active else (),
        cosign,
        rekeyed=grants.rekeys(held, key),
    )
    grants.issue(
        session,
        chain,
        user_id=row.id,
        user_name=row.name,
        roles=roles,
        active=active,
        key=key,
        reason="change",
        signer=signer,
        cosigner=used,
    )
    if not grants.load_chain(session).views[-1].valid:  # our own bug if it ever happens
        raise PermissionDenied("新的角色授权未通过签名验证，已撤销")


_NOBODY = grants.Held("", "", (), False, None)


def add_user(
    vault: Vault,
    name: str,
    passphrase: str,
    roles: tuple[Role | str, ...],
    *,
    display_name: str | None = None,
    cosign: Signer | None = None,
) -> UserInfo:
    """系统管理员 adds a user with their own passphrase slot and a signed grant; a 三员 role under
    dual control needs ``cosign`` (see ``grants.require_dual_control``)."""
    vault.require(Role.SYSADMIN)
    name = name.strip()
    if not name or len(name) > 64:
        raise ValidationError("用户名应为 1–64 个字符", field="name")
    parsed = validate_roles(roles)
    check_passphrase(passphrase)
    with vault.read() as s:  # refuse before anything is written
        grants.require_dual_control(grants.load_chain(s), vault.user.id, (), parsed, cosign)
    with vault.session() as s:
        if s.scalar(select(User.id).where(User.name == name)):
            raise Conflict(f"用户“{name}”已存在", user=name)
        row = User(
            name=name,
            display_name=(display_name or name).strip(),
            roles=[],
            created_by=vault.user.id,
        )
        s.add(row)
        s.flush()
        user_id = row.id
    key = vault.set_passphrase(user_id, passphrase)
    with vault.session() as s:
        added = s.get(User, user_id)
        assert added is not None
        _grant(vault, s, added, parsed, active=True, key=key, cosign=cosign)
        return user_info(added, parsed)


LAST_SYSADMIN = N_(
    "此用户是最后一位在用的系统管理员：停用或取消其系统管理员角色后，"
    "再也无法添加或管理用户。请先让另一位用户担任系统管理员。"
)


def _keep_an_active_sysadmin(session: Session, row: User) -> None:
    """Refuse a change that would leave no active 系统管理员 (only they manage users)."""
    held = grants.roles_by_user(session)
    others = session.scalars(select(User).where(User.id != row.id, User.disabled.is_(False)))
    if not any(Role.SYSADMIN in held.get(u.id, ()) for u in others):
        raise ValidationError(LAST_SYSADMIN, field="roles")


def set_user_roles(
    vault: Vault, name: str, roles: tuple[Role | str, ...], *, cosign: Signer | None = None
) -> UserInfo:
    """系统管理员 changes a user's roles by a new signed grant, under the 三员 rules (dual
    control for 安全审计员 and 安全保密管理员); the last active 系统管理员 keeps that role."""
    vault.require(Role.SYSADMIN)
    parsed = validate_roles(roles)
    with vault.session() as s:
        row = _row(s, name)
        current = grants.roles_by_user(s).get(row.id, ())
        if Role.SYSADMIN in current and Role.SYSADMIN not in parsed and not row.disabled:
            _keep_an_active_sysadmin(s, row)
        _grant(
            vault,
            s,
            row,
            parsed,
            active=not row.disabled,
            key=vault.slot_key(row.id),
            cosign=cosign,
        )
        info = user_info(row, parsed)
    if info.id == vault.user.id:
        vault.user = info  # the running session holds the new roles at once
    return info


def disable_user(vault: Vault, name: str, *, cosign: Signer | None = None) -> UserInfo:
    """Mark the user disabled (a grant with their roles inactive) and remove their keyslot: they
    can no longer unlock. Only an active 系统管理员 may, never on themself, so one always
    remains; disabling a 安全审计员 or 安全保密管理员 needs the other's co-signature."""
    vault.require(Role.SYSADMIN)
    with vault.session() as s:
        row = _row(s, name)
        if row.id == vault.user.id:
            raise PermissionDenied("不能停用当前登录的用户")
        _keep_an_active_sysadmin(s, row)
        held = grants.load_chain(s).held.get(row.id)
        roles = held.roles if held else ()
        _grant(vault, s, row, roles, active=False, key=held.key if held else None, cosign=cosign)
        row.disabled = True
        info = user_info(row, ())
    vault.remove_slot(info.id)
    return info


def enable_user(
    vault: Vault, name: str, passphrase: str, *, cosign: Signer | None = None
) -> UserInfo:
    """系统管理员 enables a disabled user again, with the roles they held. Disabling removed their
    keyslot, so they get a new passphrase (told to them like an initial one) and a new key."""
    vault.require(Role.SYSADMIN)
    check_passphrase(passphrase)
    with vault.read() as s:
        row = _row(s, name)
        if not row.disabled:
            raise Conflict(f"用户“{row.name}”未停用", user=row.name)
        chain = grants.load_chain(s)
        held = chain.held.get(row.id)
        roles = held.roles if held else ()
        grants.require_dual_control(chain, vault.user.id, (), roles, cosign)
        user_id = row.id
    key = vault.set_passphrase(user_id, passphrase)
    with vault.session() as s:
        enabled = s.get(User, user_id)
        assert enabled is not None
        enabled.disabled = False
        _grant(vault, s, enabled, roles, active=True, key=key, cosign=cosign)
        return user_info(enabled, roles)


def grant_history(session: Session, name: str) -> list[GrantView]:
    """Every grant about ``name``, oldest first, with who signed it and whether it verifies."""
    row = _row(session, name)
    chain = grants.load_chain(session)
    return [v for v in chain.views if v.user_id == row.id]
