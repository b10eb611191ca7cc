"""What the exchange pages share: the store's exchange state, previews of enrolment files, labels
for record types and import outcomes, and a relay that reports progress and honours a
cancel request while the core exports or imports a package.

The exchange core works on the vault itself (it runs its own transactions), so these jobs run on
the DB worker through ``Tasks.run_on_worker`` and hand the core job to ``Workspace.call``: the
vault and its keys stay behind the workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.models.record_table_model import human_size
from ui.tasks import Tasks
from workbench.errors import UsageError
from workbench.exchange.canonical import StrictJSONError, strict_loads
from workbench.exchange.enrolment import keys
from workbench.exchange.enrolment.certs import EnrolRequest, parse_certificate, parse_request_file
from workbench.exchange.enrolment.identity import device_keys, office_keys
from workbench.exchange.errors import BadCertificateFile, BadRequestFile, ExchangeState
from workbench.jobs import ProgressSink
from workbench.vocab.labels import type_label
from workbench.workspace import Workspace

ENROL_FILE_LIMIT = 1 << 20


def run_core(
    tasks: Tasks,
    job: Callable[[Workspace], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> int:
    """A short exchange step (enrol, revoke, resolve, briefing, receipt) on the worker: ``job``
    gets the workspace and calls the core through ``Workspace.call``."""
    return tasks.run_on_worker(lambda worker: job(worker.workspace), on_done, on_error)


@dataclass(frozen=True)
class ExchangeStatus:
    store_role: str  # "field" | "office"
    device_id: str
    ready: bool  # office: keys made; field: certificate accepted
    own_fingerprint: str  # field: this device's key ("" before the request); office: signing
    office_fingerprint: str  # field: the pinned office key; office: its own signing key
    age_fingerprint: str = ""
    not_after: datetime | None = None
    has_round: bool = False  # a live round in the store (field: a briefing arrived)
    devices: int = 0  # office: enrolled devices not revoked


def exchange_status(session: Any) -> ExchangeStatus:
    """Public facts only: secrets never leave the worker."""
    from workbench.exchange.enrolment.identity import active_device_count, store_meta
    from workbench.services.rounds import list_rounds

    meta = store_meta(session)
    role, device = meta.get("store_role", "field"), meta.get("device_id", "")
    has_round = list_rounds(session, limit=0).counted > 0
    if role == "office":
        try:
            ok = office_keys(session)
        except ExchangeState:
            return ExchangeStatus(role, device, False, "", "", has_round=has_round)
        fp = ok.signing_fingerprint
        return ExchangeStatus(
            role,
            device,
            True,
            fp,
            fp,
            ok.age_fingerprint,
            has_round=has_round,
            devices=active_device_count(session),
        )
    try:
        dk = device_keys(session)
    except ExchangeState:  # no keys yet: the request makes them
        return ExchangeStatus(role, device, False, "", "", has_round=has_round)
    office_fp = (
        keys.signing_fingerprint(dk.office_signing_public) if dk.office_signing_public else ""
    )
    not_after = dk.certificate.not_after if dk.certificate else None
    return ExchangeStatus(
        role,
        device,
        dk.enrolled,
        dk.fingerprint,
        office_fp,
        "",
        not_after,
        has_round=has_round,
    )


def read_enrol_file(path: Path) -> bytes:
    if not path.is_file():
        raise UsageError(_tr("文件不存在：%1").replace("%1", str(path)))
    if path.stat().st_size > ENROL_FILE_LIMIT:
        raise UsageError(_tr("文件过大，不是登记申请或证书文件"))
    return path.read_bytes()


@dataclass(frozen=True)
class CertificatePreview:
    office_fingerprint: str
    device_id: str
    display_name: str
    not_after: datetime


def preview_certificate(data: bytes) -> CertificatePreview:
    """The office key a certificate file carries, to compare before accepting it (the core's
    ``accept_certificate`` checks everything again and is told the fingerprint shown here)."""
    try:
        doc = strict_loads(data)
        if not isinstance(doc, dict) or not isinstance(doc.get("office"), dict):
            raise StrictJSONError(_tr("不是设备证书文件"), "$")
        cert = parse_certificate(doc.get("certificate"))
        office_fp = keys.signing_fingerprint(str(doc["office"].get("signing_public")))
    except (StrictJSONError, ValueError, TypeError) as exc:
        raise BadCertificateFile(_tr("设备证书文件无效：%1").replace("%1", str(exc))) from None
    return CertificatePreview(office_fp, cert.device_id, cert.display_name, cert.not_after)


def preview_request(data: bytes) -> EnrolRequest:
    try:
        return parse_request_file(data)
    except (StrictJSONError, ValueError) as exc:
        raise BadRequestFile(_tr("登记申请文件无效：%1").replace("%1", str(exc))) from None


# -- labels ------------------------------------------------------------------------------------


def record_type_label(record_type: str) -> str:
    """A record type's name from the one registry (``vocab/labels.RECORD_TYPES``)."""
    return core_text(type_label(record_type))


def outcome_label(key: str) -> str:
    labels = {
        "inserted": _tr("新增"),
        "updated": _tr("更新"),
        "unchanged": _tr("未变"),
        "conflicts": _tr("冲突"),
        "applied": _tr("已更新"),
        "kept_local": _tr("保留本机修改"),
        "older": _tr("较旧未采用"),
        "lists_added": _tr("名单新增"),
        "lists_unchanged": _tr("名单未变"),
        "lists_kept": _tr("名单未重复存入"),
        "revocations": _tr("吊销名单"),
        "taxonomy": _tr("分类数据"),
        "listed": _tr("回执所列数据包"),
        "newly_confirmed": _tr("新确认数据包"),
    }
    return labels.get(key, key)


def package_kind_label(kind: str | None) -> str:
    labels = {"team": _tr("巡察组数据包"), "briefing": _tr("部署包"), "receipt": _tr("回执")}
    return labels.get(kind or "", kind or "")


def counts_text(counts: dict[str, int]) -> str:
    if not counts:
        return _tr("无记录")
    return _tr("，").join(f"{record_type_label(k)} {v}" for k, v in sorted(counts.items()))


def outcome_text(outcome: dict[str, int]) -> str:
    return _tr("，").join(f"{outcome_label(k)} {v}" for k, v in outcome.items()) or "—"


# -- progress and cancel -----------------------------------------------------------------------


class ProgressRelay(QObject):
    """Lives on the GUI thread; the worker calls ``sink`` and the signal is queued across."""

    progressed = Signal(int, int, str)  # done, total (0: unknown), label

    def sink(self, done: int, total: int | None, label: str = "") -> None:
        self.progressed.emit(done, total or 0, label)


def byte_progress(sink: ProgressSink, template: str) -> ProgressSink:
    """The core's byte counts as MiB for a progress bar (whose range is a 32-bit int), with a
    label made from ``template`` ("%1 / %2" → done and total, human-readable)."""

    def progress(done: int, total: int | None, label: str = "") -> None:
        del label  # the core's label is empty for byte counts
        whole = total or 0
        text = template.replace("%1", human_size(done)).replace("%2", human_size(whole))
        sink(done >> 20, whole >> 20, text)

    return progress
