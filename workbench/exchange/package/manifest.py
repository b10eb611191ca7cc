"""The manifest: the signed first frame that describes everything after it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from workbench.exchange.canonical import StrictJSONError, canonical_json, strict_loads
from workbench.exchange.errors import BadManifest
from workbench.exchange.package.audit_anchor import AnchorClaim, parse_claim
from workbench.exchange.package.root_claim import RootClaim, parse_root
from workbench.exchange.strict import (
    array,
    hex64,
    integer,
    obj,
    text,
    timestamp,
    uuid_text,
)

FORMAT = "workbench-package"
MANIFEST_VERSION = 1
KINDS = ("team", "briefing", "receipt")
ROLES = ("records", "attachment", "taxonomy", "datalist")
FINGERPRINT_RE = re.compile(r"[0-9]{5}( [0-9]{5}){5}")
MEDIA_RE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}")
RECORDS_MEDIA_TYPE = "application/vnd.workbench.records+json"
TAXONOMY_MEDIA_TYPE = "application/vnd.workbench.taxonomy+json"
DATALIST_MEDIA_TYPE = "application/vnd.workbench.datalist+json"  # briefings: a 碰撞比对 list
MAX_RECIPIENTS = 64
MAX_DEVICE_USERS = 1000


# BlobEntry, Sender and ReceiptEntry travel as ``asdict`` gives them: each field is a key of the
# manifest, so renaming one changes the format.
@dataclass(frozen=True)
class BlobEntry:
    id: str  # "records", "taxonomy-<n>" or, for an attachment, its SHA-256
    role: str
    size: int
    sha256: str
    media_type: str
    name: str  # display metadata only, never a path


@dataclass(frozen=True)
class Sender:
    device_id: str
    store_id: str
    user: str
    display_name: str
    role: str  # "field" | "office"


@dataclass(frozen=True)
class ReceiptEntry:
    package_id: str
    device_seq: int
    package_hash: str


@dataclass(frozen=True)
class Manifest:
    kind: str
    package_id: str
    sender: Sender
    device_seq: int
    prev_hash: str | None
    created_at: datetime
    app_version: str
    schema_version: str
    round_id: str | None
    recipients: tuple[str, ...]
    blobs: tuple[BlobEntry, ...]
    counts: dict[str, int] = field(default_factory=dict)
    audit: AnchorClaim | None = None  # the sender's audit-chain anchor (audit_anchor.py)
    root: RootClaim | None = None  # the sender's root of trust, team packages (root_anchor.py)
    receipt_device: str | None = None
    receipt: tuple[ReceiptEntry, ...] = ()
    # team packages: the ids of every user of the sending store, who alone may appear as a
    # record's creator or editor (``device_scope``); None for office packages
    device_users: tuple[str, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        receipt = None
        if self.kind == "receipt":
            receipt = {
                "device_id": self.receipt_device,
                "packages": list(map(asdict, self.receipt)),
            }
        doc = {
            "format": FORMAT,
            "format_version": MANIFEST_VERSION,
            "kind": self.kind,
            "package_id": self.package_id,
            "sender": asdict(self.sender),
            "device_seq": self.device_seq,
            "prev_hash": self.prev_hash,
            "created_at": self.created_at.isoformat(),
            "app_version": self.app_version,
            "audit": None if self.audit is None else self.audit.to_json(),
            "schema_version": self.schema_version,
            "round_id": self.round_id,
            "recipients": list(self.recipients),
            "blobs": list(map(asdict, self.blobs)),
            "counts": dict(sorted(self.counts.items())),
            "receipt": receipt,
            "device_users": None if self.device_users is None else sorted(self.device_users),
        }
        if self.root is not None:  # optional: a manifest without it reads as before
            doc["root"] = self.root.to_json()
        return doc

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json())


def package_hash(manifest_bytes: bytes) -> str:
    """What the chain, the ledger and receipts call "the package": SHA-256 of the signed
    manifest bytes (which pin every blob's hash), independent of the encryption."""
    return hashlib.sha256(manifest_bytes).hexdigest()


def _blob(value: Any, path: str) -> BlobEntry:
    o = obj(value, path, ("id", "role", "size", "sha256", "media_type", "name"))
    role = text(o["role"], f"{path}.role", 16)
    if role not in ROLES:
        raise StrictJSONError("未知的文件角色", f"{path}.role")
    entry = BlobEntry(
        id=text(o["id"], f"{path}.id", 64, allow_empty=False, allow_control=False),
        role=role,
        size=integer(o["size"], f"{path}.size", 0),
        sha256=hex64(o["sha256"], f"{path}.sha256"),
        media_type=text(o["media_type"], f"{path}.media_type", 127, pattern=MEDIA_RE),
        name=text(o["name"], f"{path}.name", 255, allow_empty=False, allow_control=False),
    )
    if role == "attachment" and entry.id != entry.sha256:
        raise StrictJSONError("附件的 id 应为其 SHA-256", f"{path}.id")
    return entry


def _receipt(value: Any, path: str) -> tuple[str, tuple[ReceiptEntry, ...]]:
    o = obj(value, path, ("device_id", "packages"))
    entries = []
    for i, item in enumerate(array(o["packages"], f"{path}.packages", 1_000_000)):
        p = f"{path}.packages[{i}]"
        e = obj(item, p, ("package_id", "device_seq", "package_hash"))
        entries.append(
            ReceiptEntry(
                uuid_text(e["package_id"], f"{p}.package_id"),
                integer(e["device_seq"], f"{p}.device_seq", 1),
                hex64(e["package_hash"], f"{p}.package_hash"),
            )
        )
    return uuid_text(o["device_id"], f"{path}.device_id"), tuple(entries)


def parse_manifest(data: bytes) -> Manifest:
    """Strictly parse the manifest bytes (after the signature over them was checked)."""
    try:
        return _parse(strict_loads(data))
    except StrictJSONError as exc:
        raise BadManifest(f"数据包清单格式不正确：{exc}", path=exc.path) from None


def _parse(doc: Any) -> Manifest:
    keys = (
        "format",
        "format_version",
        "kind",
        "package_id",
        "sender",
        "device_seq",
        "prev_hash",
        "created_at",
        "app_version",
        "audit",
        "schema_version",
        "round_id",
        "recipients",
        "blobs",
        "counts",
        "receipt",
        "device_users",
    )
    o = obj(doc, "$", keys, ("root",))
    if o["format"] != FORMAT:
        raise StrictJSONError("不是数据包清单", "$.format")
    integer(o["format_version"], "$.format_version", MANIFEST_VERSION, MANIFEST_VERSION)
    kind = text(o["kind"], "$.kind", 16)
    if kind not in KINDS:
        raise StrictJSONError("未知的数据包类型", "$.kind")
    s = obj(o["sender"], "$.sender", ("device_id", "store_id", "user", "display_name", "role"))
    role = text(s["role"], "$.sender.role", 8)
    if role not in ("field", "office"):
        raise StrictJSONError("未知的发送方类型", "$.sender.role")
    sender = Sender(
        uuid_text(s["device_id"], "$.sender.device_id"),
        uuid_text(s["store_id"], "$.sender.store_id"),
        text(s["user"], "$.sender.user", 64, allow_control=False),
        text(s["display_name"], "$.sender.display_name", 64, allow_control=False),
        role,
    )
    recipients = tuple(
        text(r, f"$.recipients[{i}]", 35, pattern=FINGERPRINT_RE)
        for i, r in enumerate(array(o["recipients"], "$.recipients", MAX_RECIPIENTS))
    )
    if not recipients:
        raise StrictJSONError("缺少接收方", "$.recipients")
    blobs = tuple(
        _blob(b, f"$.blobs[{i}]") for i, b in enumerate(array(o["blobs"], "$.blobs", 1_000_000))
    )
    if len({b.id for b in blobs}) != len(blobs):
        raise StrictJSONError("文件 id 重复", "$.blobs")
    counts_raw = o["counts"]
    if not isinstance(counts_raw, dict) or len(counts_raw) > 64:
        raise StrictJSONError("应为对象", "$.counts")
    counts = {
        text(k, "$.counts", 32, allow_control=False): integer(v, f"$.counts.{k[:32]}", 0)
        for k, v in counts_raw.items()
    }
    receipt_device: str | None = None
    receipt: tuple[ReceiptEntry, ...] = ()
    if kind == "receipt":
        receipt_device, receipt = _receipt(o["receipt"], "$.receipt")
    elif o["receipt"] is not None:
        raise StrictJSONError("只有回执包含 receipt", "$.receipt")
    prev = o["prev_hash"]
    device_users = _device_users(o["device_users"], kind)
    return Manifest(
        kind=kind,
        package_id=uuid_text(o["package_id"], "$.package_id"),
        sender=sender,
        device_seq=integer(o["device_seq"], "$.device_seq", 1),
        prev_hash=None if prev is None else hex64(prev, "$.prev_hash"),
        created_at=timestamp(o["created_at"], "$.created_at"),
        app_version=text(o["app_version"], "$.app_version", 32, allow_control=False),
        audit=parse_claim(o["audit"], "$.audit"),
        root=parse_root(o.get("root"), "$.root"),
        schema_version=text(o["schema_version"], "$.schema_version", 32, allow_control=False),
        round_id=None if o["round_id"] is None else uuid_text(o["round_id"], "$.round_id"),
        recipients=recipients,
        blobs=blobs,
        counts=counts,
        receipt_device=receipt_device,
        receipt=receipt,
        device_users=device_users,
    )


def _device_users(value: Any, kind: str) -> tuple[str, ...] | None:
    path = "$.device_users"
    if kind != "team":
        if value is not None:
            raise StrictJSONError("只有巡察组数据包包含 device_users", path)
        return None
    users = tuple(
        uuid_text(u, f"{path}[{i}]") for i, u in enumerate(array(value, path, MAX_DEVICE_USERS))
    )
    if not users or list(users) != sorted(set(users)):
        raise StrictJSONError("用户列表应非空、按序且不重复", path)
    return users
