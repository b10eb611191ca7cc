"""Check a package without importing it: who sent it, what it holds, and whether it would be
accepted. Reads the file in place and writes nothing (attachments are hashed, not kept)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import NotFound, WorkbenchError
from workbench.exchange.importer import read_for
from workbench.exchange.intake.anchors import preview_claim
from workbench.exchange.intake.root_anchor import preview_root
from workbench.exchange.package.framing import Limits
from workbench.store.vault import Vault


@dataclass(frozen=True)
class VerifyReport:
    verdict: str  # "ok" | "already_imported" | "rejected"
    code: str | None
    message: str
    kind: str | None = None
    package_id: str | None = None
    sender_device: str | None = None
    sender_user: str | None = None
    device_seq: int | None = None
    round_id: str | None = None
    created_at: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    attachments: int = 0
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.verdict != "rejected"


def verify_package(vault: Vault, path: Path, *, limits: Limits | None = None) -> VerifyReport:
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"文件不存在：{path}", path=str(path))
    try:
        read = read_for(vault, path, limits or Limits(), lambda _stage: None)
    except WorkbenchError as exc:
        if exc.code.startswith("WB-PKG") or exc.code == "WB-DISK-FULL":
            return VerifyReport("rejected", exc.code, exc.message)
        raise
    m = read.manifest
    duplicate = read.verdict.duplicate
    warnings = read.verdict.warnings
    if not duplicate:
        with vault.read() as s:
            warnings += preview_claim(s, m) + preview_root(s, m)
    return VerifyReport(
        verdict="already_imported" if duplicate else "ok",
        code=None,
        message="此数据包已导入过" if duplicate else "校验通过，可以导入",
        kind=m.kind,
        package_id=m.package_id,
        sender_device=m.sender.device_id,
        sender_user=m.sender.display_name or m.sender.user,
        device_seq=m.device_seq,
        round_id=m.round_id,
        created_at=m.created_at.isoformat(),
        counts=dict(m.counts),
        attachments=sum(1 for b in m.blobs if b.role == "attachment"),
        warnings=warnings,
    )
