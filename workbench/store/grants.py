"""Signed role grants: a user's roles are what a chain of signed statements says.

A grant is a canonical JSON statement (store, user, the full role set, whether the account is
active, the user's Ed25519 key, seq, time, the previous grant's digest, reason, signer and
co-signer) signed by a 系统管理员 whose own grant verifies at that point of the chain; the first
grant is the root's own, signed by the keyfile's root key. Changing who holds 安全审计员 or
安全保密管理员 also needs the signature of a holder of the other of the two (dual control), except
while no one but the signer holds either (setting up the 三员). The ``users.roles`` column is only
a cache for listing: every role check reads the verified chain (``roles_by_user``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import PermissionDenied, ValidationError
from workbench.models.base import utcnow
from workbench.models.system import RoleGrant, StoreMeta, User
from workbench.roles import ADMIN_ROLES, Role, validate_roles
from workbench.store import audit
from workbench.store.keyfile import canonical, public_key

FORMAT = "workbench-role-grant-v1"
GENESIS = "0" * 64
ROOT_INFO_KEY = "grant_root"  # session.info: the keyfile's root key (bytes), set by the vault
# reasons: the root's grants at creation or upgrade (a prefix of the chain), a 系统管理员's change,
# a user binding their first key to a grant that had none (made at the upgrade)
BOOTSTRAP_REASONS = frozenset({"create", "upgrade"})
REASONS = BOOTSTRAP_REASONS | {"change", "bind"}
# whose co-signature a change of each role needs
DUAL_CONTROL: dict[Role, Role] = {Role.AUDITOR: Role.SECADMIN, Role.SECADMIN: Role.AUDITOR}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class Statement:
    store_id: str
    seq: int
    user_id: str
    user_name: str
    roles: tuple[str, ...]
    active: bool
    key: str | None  # the user's Ed25519 public key (base64), None until they bind one
    issued_at: str
    prev: str
    reason: str
    signer_id: str
    cosigner_id: str | None = None

    def to_bytes(self) -> bytes:
        return canonical(
            {
                "format": FORMAT,
                "store_id": self.store_id,
                "seq": self.seq,
                "user_id": self.user_id,
                "user_name": self.user_name,
                "roles": list(self.roles),
                "active": self.active,
                "key": self.key,
                "issued_at": self.issued_at,
                "prev": self.prev,
                "reason": self.reason,
                "signer_id": self.signer_id,
                "cosigner_id": self.cosigner_id,
            }
        )

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.to_bytes()).hexdigest()

    @classmethod
    def from_text(cls, text: str) -> Statement:
        doc = json.loads(text)
        if doc["format"] != FORMAT:
            raise ValueError("not a grant")
        return cls(
            store_id=str(doc["store_id"]),
            seq=int(doc["seq"]),
            user_id=str(doc["user_id"]),
            user_name=str(doc["user_name"]),
            roles=tuple(str(r) for r in doc["roles"]),
            active=bool(doc["active"]),
            key=doc["key"],
            issued_at=str(doc["issued_at"]),
            prev=str(doc["prev"]),
            reason=str(doc["reason"]),
            signer_id=str(doc["signer_id"]),
            cosigner_id=doc["cosigner_id"],
        )


@dataclass(frozen=True)
class Held:
    """What one user holds according to the verified chain."""

    user_id: str
    user_name: str
    roles: tuple[Role, ...]
    active: bool
    key: bytes | None

    @property
    def effective(self) -> tuple[Role, ...]:
        return self.roles if self.active else ()

    @property
    def roles_text(self) -> str:
        return "、".join(r.label for r in self.effective if r in DUAL_CONTROL)


@dataclass(frozen=True)
class GrantView:
    """One grant as `user grants` shows it."""

    seq: int
    user_id: str
    user_name: str
    roles: tuple[Role, ...]
    active: bool
    issued_at: str
    reason: str
    signer_name: str
    cosigner_name: str | None
    valid: bool
    problem: str | None = None


@dataclass
class Chain:
    held: dict[str, Held] = field(default_factory=dict)
    views: list[GrantView] = field(default_factory=list)
    next_seq: int = 1
    prev: str = GENESIS
    broken_at: int | None = None  # the seq where the chain stops being readable
    # every key each user's valid grants bound, in chain order, with the grant's time: audit
    # signatures are checked against the key valid when the entry was written
    keys: dict[str, list[tuple[str, bytes]]] = field(default_factory=dict)

    def holders(self, role: Role, *, besides: str | None = None) -> list[Held]:
        """Who holds ``role``, with or without a key: a holder who has not unlocked since the
        upgrade (no key yet) must unlock before co-signing, not be passed over."""
        return [h for uid, h in self.held.items() if uid != besides and role in h.effective]


def _verify(key: bytes | None, signature: str | None, data: bytes) -> bool:
    if key is None or not signature:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(_unb64(signature), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def dual_control_roles(
    before: Iterable[Role], after: Iterable[Role], *, rekeyed: bool = False
) -> list[Role]:
    """The roles under dual control that a change from ``before`` to ``after`` gives or takes.
    ``rekeyed``: the grant binds the user another key than before, which moves every role they
    keep to whoever holds that key (a slot made through the recovery code or forged with the
    data key), so it counts as giving them all."""
    b, a = set(before), set(after)
    return [r for r in DUAL_CONTROL if (r in b) != (r in a) or (rekeyed and r in a)]


def rekeys(before: Held | None, key: bytes | None) -> bool:
    """Whether a grant binding ``key`` moves the user's roles away from the key they had (or
    binds one where the user has not bound their own yet, or binds none)."""
    return before is not None and key != before.key


def eligible_cosigners(chain: Chain, signer_id: str, role: Role) -> list[Held] | None:
    """Who may co-sign a change of ``role``: the holders of the other role under dual control,
    or if there is none, the other holders of ``role`` itself (a lone 安全审计员 consents to
    their own removal). None when nobody but the signer holds either: setting up the 三员."""
    other = chain.holders(DUAL_CONTROL[role], besides=signer_id)
    same = chain.holders(role, besides=signer_id)
    if other:
        return other
    return same or None


def _problem(chain: Chain, st: Statement, row: RoleGrant, root: bytes | None) -> str | None:
    """Why the grant does not verify at this point of the chain, or None if it does."""
    data = st.to_bytes()
    try:
        roles = validate_roles(st.roles) if st.roles else ()
    except ValidationError:
        return "角色组合不合规"
    before = chain.held.get(st.user_id)
    bootstrap = all(v.reason in BOOTSTRAP_REASONS for v in chain.views)
    if st.reason in BOOTSTRAP_REASONS:
        if not bootstrap or root is None:
            return "建库或升级时的授权只能位于授权链开头"
        if st.seq == 1:
            ok = st.signer_id == st.user_id and st.key == _b64(root) and Role.SYSADMIN in roles
            return None if ok and _verify(root, row.signature, data) else "根密钥签名无效"
        first = chain.views[0] if chain.views else None
        root_user = next(iter(chain.held)) if chain.held else None
        if first is None or st.signer_id != root_user:
            return "不是根密钥持有人签发"
        return None if _verify(root, row.signature, data) else "根密钥签名无效"
    if st.reason == "bind":
        ok = (
            before is not None
            and before.key is None
            and st.signer_id == st.user_id
            and st.key is not None
            and set(before.roles) == set(roles)
            and before.active == st.active
        )
        key = _unb64(st.key) if st.key else None
        return None if ok and _verify(key, row.signature, data) else "密钥绑定无效"
    if st.reason != "change":
        return "未知的授权类型"
    signer = chain.held.get(st.signer_id)
    if signer is None or Role.SYSADMIN not in signer.effective:
        return "签发人不是在任的系统管理员"
    if not _verify(signer.key, row.signature, data):
        return "签发人签名无效"
    changed = dual_control_roles(
        before.effective if before else (),
        roles if st.active else (),
        rekeyed=rekeys(before, _unb64(st.key) if st.key else None),
    )
    needed = [e for r in changed if (e := eligible_cosigners(chain, st.signer_id, r)) is not None]
    if needed:
        ids = {st.cosigner_id}
        if not all(ids & {h.user_id for h in eligible} for eligible in needed):
            return "缺少另一位三员的共同签署"
        cosigner = chain.held[str(st.cosigner_id)]
        if not _verify(cosigner.key, row.cosignature, data):
            return "共同签署人签名无效"
    return None


def verify_chain(rows: Iterable[RoleGrant], store_id: str, root: bytes | None) -> Chain:
    """Read the chain in order. A grant that does not verify is skipped (it grants nothing); a
    break in the links (a grant removed or changed in the middle) ends the reading there."""
    chain = Chain()
    names: dict[str, str] = {}
    for row in rows:
        try:
            st = Statement.from_text(row.statement)
        except (ValueError, KeyError, TypeError):
            chain.broken_at = row.seq
            break
        if (
            st.seq != chain.next_seq
            or row.seq != st.seq
            or st.prev != chain.prev
            or st.store_id != store_id
            or st.user_id != row.user_id
        ):
            chain.broken_at = row.seq
            break
        problem = _problem(chain, st, row, root)
        names.setdefault(st.user_id, st.user_name)
        if problem is None and st.key is not None:
            bound = chain.keys.setdefault(st.user_id, [])
            if not bound or bound[-1][1] != _unb64(st.key):
                bound.append((st.issued_at, _unb64(st.key)))
        if problem is None:
            chain.held[st.user_id] = Held(
                st.user_id,
                st.user_name,
                tuple(Role(r) for r in st.roles),
                st.active,
                _unb64(st.key) if st.key else None,
            )
        chain.views.append(
            GrantView(
                seq=st.seq,
                user_id=st.user_id,
                user_name=st.user_name,
                roles=tuple(Role(r) for r in st.roles if r in Role._value2member_map_),
                active=st.active,
                issued_at=st.issued_at,
                reason=st.reason,
                signer_name=names.get(st.signer_id, st.signer_id),
                cosigner_name=names.get(st.cosigner_id, st.cosigner_id) if st.cosigner_id else None,
                valid=problem is None,
                problem=problem,
            )
        )
        chain.next_seq += 1
        chain.prev = st.digest
    return chain


def _store_id(session: Session) -> str:
    row = session.get(StoreMeta, "store_id")
    return row.value if row is not None else ""


def load_chain(session: Session, root: bytes | None = None) -> Chain:
    """The verified chain of this store, against ``root`` or the unlocked vault's root."""
    root = root if root is not None else session.info.get(ROOT_INFO_KEY)
    rows = session.scalars(select(RoleGrant).order_by(RoleGrant.seq))
    return verify_chain(rows, _store_id(session), root)


def upgrade_pending(session: Session) -> bool:
    """No grant yet: a store from before signed grants whose first 系统管理员 has not unlocked."""
    return session.scalar(select(RoleGrant.seq).limit(1)) is None


def legacy_business_roles(row: User) -> tuple[Role, ...]:
    """Before the root exists (an upgraded store whose first 系统管理员 has not unlocked yet):
    the column's business roles, never a 三员 role."""
    roles = []
    for r in row.roles:
        if r in Role._value2member_map_ and Role(r) not in ADMIN_ROLES:
            roles.append(Role(r))
    return tuple(roles)


def roles_by_user(session: Session, root: bytes | None = None) -> dict[str, tuple[Role, ...]]:
    """Every user's roles as the verified grants say (the one place roles are read from)."""
    root = root if root is not None else session.info.get(ROOT_INFO_KEY)
    if root is None:
        if not upgrade_pending(session):  # grants but no root: the keyfile lost it
            return {}
        return {u.id: legacy_business_roles(u) for u in session.scalars(select(User))}
    chain = load_chain(session, root)
    return {uid: h.effective for uid, h in chain.held.items()}


@dataclass(frozen=True)
class Signer:
    """A user who signs: their id and their unlocked Ed25519 key."""

    user_id: str
    key: Ed25519PrivateKey


def issue(
    session: Session,
    chain: Chain,
    *,
    user_id: str,
    user_name: str,
    roles: Sequence[Role],
    active: bool,
    key: bytes | None,
    reason: str,
    signer: Signer,
    cosigner: Signer | None = None,
) -> Statement:
    """Append one signed grant (and its audit entry) in the caller's transaction; the chain
    advances past it. The ``users.roles`` cache follows."""
    st = Statement(
        store_id=_store_id(session),
        seq=chain.next_seq,
        user_id=user_id,
        user_name=user_name,
        roles=tuple(str(r) for r in roles),
        active=active,
        key=_b64(key) if key else None,
        issued_at=utcnow().isoformat(),
        prev=chain.prev,
        reason=reason,
        signer_id=signer.user_id,
        cosigner_id=cosigner.user_id if cosigner else None,
    )
    data = st.to_bytes()
    row = RoleGrant(
        seq=st.seq,
        user_id=user_id,
        statement=data.decode(),
        signature=_b64(signer.key.sign(data)),
        cosignature=_b64(cosigner.key.sign(data)) if cosigner else None,
    )
    session.add(row)
    user = session.get(User, user_id)
    if user is not None:
        user.roles = [str(r) for r in roles]
    audit.record(
        session,
        "role.grant",
        "user",
        user_id,
        {
            "seq": st.seq,
            "roles": list(st.roles),
            "active": active,
            "reason": reason,
            "signer_id": signer.user_id,
            "cosigner_id": st.cosigner_id,
        },
    )
    session.flush()
    chain.next_seq += 1
    chain.prev = st.digest
    return st


def verify_signature(session: Session, user_id: str, data: bytes, signature: bytes) -> bool:
    """Whether ``signature`` over ``data`` is ``user_id``'s, by the key their verified grant binds
    (for signing audit entries and other statements)."""
    held = load_chain(session).held.get(user_id)
    return _verify(held.key if held else None, _b64(signature), data)


def key_of(private: Ed25519PrivateKey) -> bytes:
    return public_key(private)


class CosignRequired(PermissionDenied):
    """The change needs another 三员 holder's co-signature (the message names who): the GUI
    asks for their name and passphrase and tries again."""

    code = "WB-PERMISSION-COSIGN"


COSIGN_NEEDED = "更改{role}角色须由{names}共同签署（双人控制）：请指定共同签署人并输入其口令"
COSIGN_WRONG = "共同签署人“{name}”不能共同签署{role}角色的变更，应由{names}共同签署"


def require_dual_control(
    chain: Chain,
    signer_id: str,
    before: Sequence[Role],
    after: Sequence[Role],
    cosigner: Signer | None,
    *,
    rekeyed: bool = False,
) -> Signer | None:
    """Refuse (PermissionDenied, naming who must co-sign) a change the chain would not accept;
    return the co-signer to use (None when no co-signature is needed)."""
    used = None
    for role in dual_control_roles(before, after, rekeyed=rekeyed):
        eligible = eligible_cosigners(chain, signer_id, role)
        if eligible is None:
            continue
        names = "、".join(f"{h.roles_text}“{h.user_name}”" for h in eligible)
        if cosigner is None:
            raise CosignRequired(COSIGN_NEEDED.format(role=role.label, names=names))
        if cosigner.user_id not in {h.user_id for h in eligible}:
            held = chain.held.get(cosigner.user_id)
            name = held.user_name if held else cosigner.user_id
            raise PermissionDenied(COSIGN_WRONG.format(name=name, role=role.label, names=names))
        used = cosigner
    return used
