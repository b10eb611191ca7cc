"""The manifest's ``root`` field: the sender store's root of trust, held outside the laptop.

Roles and audit signatures verify against the keyfile's root public key (store/grants.py), which
its MAC covers, but anyone holding the data key can write a new root and MAC and sign a new grant
chain under it. A team package names its store's root key and the length and head of its grant
chain; the receiver keeps what the first package from each device said, and warns (coded
``WB-AUDIT-ROOT``, an ``audit.root_mismatch`` entry naming the device) when a later package names
another root, none, or a grant chain shorter than, or different at the length of, one an earlier
package named. The package is still imported, as with audit anchors (exchange/intake/anchors.py).
The rules are in docs/package-format.md, "Root anchor".
"""

from __future__ import annotations

import base64
import json

from sqlalchemy.orm import Session

from workbench.exchange.package.manifest import Manifest
from workbench.exchange.package.root_claim import RootClaim
from workbench.models.system import StoreMeta
from workbench.store import audit, grants

WARNING_CODE = "WB-AUDIT-ROOT"
MISMATCH_ACTION = "audit.root_mismatch"
_HELD = "sender_root:"  # store_meta key prefix, + the sending device's id


def outgoing_root(session: Session) -> RootClaim | None:
    """This store's root and grant-chain head (None while the store has no root yet)."""
    root = session.info.get(grants.ROOT_INFO_KEY)
    if not isinstance(root, bytes):
        return None
    chain = grants.load_chain(session, root)
    return RootClaim(base64.b64encode(root).decode("ascii"), chain.next_seq - 1, chain.prev)


def _held(session: Session, device_id: str) -> StoreMeta | None:
    return session.get(StoreMeta, _HELD + device_id)


def check_root(session: Session, manifest: Manifest) -> str | None:
    """What is wrong with the package's root claim against the one held; writes nothing."""
    held = _held(session, manifest.sender.device_id)
    if held is None:
        return None
    first = json.loads(held.value)
    claim = manifest.root
    if claim is None:
        return "missing"
    if claim.key != first["key"]:
        return "changed"
    if manifest.device_seq > first["device_seq"]:
        if claim.grants < first["grants"]:
            return "shorter"
        if claim.grants == first["grants"] and claim.grant_head != first["grant_head"]:
            return "rewritten"
    return None


def preview_root(session: Session, manifest: Manifest) -> tuple[str, ...]:
    problem = check_root(session, manifest)
    return (_warning(manifest, problem),) if problem else ()


def receive_root(session: Session, manifest: Manifest) -> tuple[str, ...]:
    """Inside the import transaction: check the claim, keep it (the first root a device named
    stays the one held), audit and return a warning for a mismatch."""
    problem = check_root(session, manifest)
    device = manifest.sender.device_id
    if problem:
        detail = {
            "problem": problem,
            "package_id": manifest.package_id,
            "device_seq": manifest.device_seq,
        }
        audit.record(session, MISMATCH_ACTION, "device", device, detail)
    claim = manifest.root
    held = _held(session, device)
    if claim is not None and problem is None:
        value = json.dumps({**claim.to_json(), "device_seq": manifest.device_seq})
        if held is None:
            session.add(StoreMeta(key=_HELD + device, value=value))
        elif manifest.device_seq > json.loads(held.value)["device_seq"]:
            held.value = value
    return (_warning(manifest, problem),) if problem else ()


def _warning(manifest: Manifest, problem: str) -> str:
    sender = manifest.sender
    who = f"设备“{sender.display_name}”（{sender.user}，{sender.device_id[:8]}）"
    what = {
        "missing": "的数据包未载明其信任根，此前的数据包载明过",
        "changed": "的信任根（密钥文件中的根公钥）与其首个数据包所载不同：信任根被改写",
        "shorter": "的角色授权链比此前数据包所载的更短：授权被删除",
        "rewritten": "的角色授权链与此前数据包所载的不一致：授权链被改写",
    }[problem]
    return (
        f"[{WARNING_CODE}] {who}{what}。数据已导入，"
        "请与该设备核对其角色授权和审计日志（审计日志已记录）"
    )
