"""Roles at unlock, read from the verified grant chain, and the one-time upgrade of a store whose
roles were rows: its first 系统管理员's first unlock makes them the root and signs everyone's roles
as they were (docs/store-format.md, "Signed role grants")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select

from workbench.errors import ValidationError
from workbench.models.system import User
from workbench.roles import ADMIN_ROLES, Role, validate_roles
from workbench.store import audit, grants
from workbench.store.keyfile import public_key

if TYPE_CHECKING:
    from workbench.store.vault import Vault


def take_up_grants(vault: Vault) -> None:
    """Roles of the unlocked user from the verified grants. After the upgrade to signed
    grants, the first 系统管理员's first unlock makes them the root and signs everyone's
    roles as they were; a user whose grant has no key yet binds their own at unlock."""
    if vault.keyfile.root is None and vault.signing_key is not None:
        _become_root_if_first(vault)
    with vault.session() as s:
        chain = grants.load_chain(s)
        held = chain.held.get(vault.user.id)
        signing = vault.signing_key
        mine = public_key(signing) if signing is not None else None  # the key opened here
        if held is not None and held.key is None and mine is not None:
            grants.issue(
                s,
                chain,
                user_id=held.user_id,
                user_name=held.user_name,
                roles=held.roles,
                active=held.active,
                key=mine,
                reason="bind",
                signer=vault.signer(),
            )
            held = chain.held[vault.user.id] = grants.Held(
                held.user_id, held.user_name, held.roles, held.active, mine
            )
        if vault.keyfile.root is None:  # the upgrade's window, or a keyfile that lost its root
            row = s.get(User, vault.user.id)
            pending = row is not None and grants.upgrade_pending(s)
            roles = grants.legacy_business_roles(row) if pending and row else ()
        elif held is not None and held.key is not None and held.key == mine:
            roles = held.effective
        else:  # no grant, one for another key (a slot forged or made by a recovery), or
            roles = ()  # no key at all (unlocked through the recovery code)
    vault.user = replace(vault.user, roles=roles)


def _become_root_if_first(vault: Vault) -> None:
    key = vault.signing_key
    assert key is not None
    with vault.session() as s:
        if not grants.upgrade_pending(s):
            return  # grants without a root: the keyfile lost it; nobody gets a role
        users = list(s.scalars(select(User).order_by(User.created_at, User.id)))
        first = next((u for u in users if Role.SYSADMIN.value in u.roles and not u.disabled), None)
        if first is None or first.id != vault.user.id:
            return
        root = public_key(key)
        s.info[grants.ROOT_INFO_KEY] = root
        chain = grants.Chain()
        signer = grants.Signer(vault.user.id, key)
        granted: dict[str, tuple[Role, ...]] = {}
        for u in [first, *(u for u in users if u.id != first.id)]:
            valid = [r for r in u.roles if r in Role._value2member_map_]
            try:
                roles = validate_roles(valid) if valid else ()
            except ValidationError:  # a mix the 三员 rule refuses: business roles only
                roles = tuple(Role(r) for r in valid if Role(r) not in ADMIN_ROLES)
            granted[u.id] = roles
            grants.issue(
                s,
                chain,
                user_id=u.id,
                user_name=u.name,
                roles=roles,
                active=not u.disabled,
                key=root if u.id == first.id else vault.slot_key(u.id),
                reason="upgrade",
                signer=signer,
            )
        # the root's own grant again, as a "change": it closes the chain's bootstrap prefix,
        # so no later "upgrade" grant can slip past dual control
        grants.issue(
            s,
            chain,
            user_id=first.id,
            user_name=first.name,
            roles=granted[first.id],
            active=True,
            key=root,
            reason="change",
            signer=signer,
        )
        audit.record(s, "grants.upgrade", "store", vault.store_id, {"users": len(users)})
        # the root enters the keyfile in the same step: a failure here rolls the grants back
        vault.write_keyfile(replace(vault.keyfile, root=root))
