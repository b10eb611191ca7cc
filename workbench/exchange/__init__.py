"""Sealed packages: enrolment, team → office export, office import and merge, briefings,
receipts and the wipe (清理). Format: docs/package-format.md; the subpackages, and a package's
way through them: ARCHITECTURE.md, "Follow a package".

Importing this package registers the exchange tables on ``Base.metadata`` (``workbench.models``
should import ``workbench.models.exchange`` too, so Alembic and ``info`` see them everywhere).
"""

from workbench.exchange.enrolment.enrol import (
    DeviceView,
    accept_certificate,
    init_office,
    list_devices,
    make_request,
    office_info,
    revoke_device,
    sign_request,
)
from workbench.exchange.importer import STAGES, ImportResult, import_package
from workbench.exchange.package.framing import Limits
from workbench.exchange.to_office.conflicts import (
    ConflictView,
    FieldRow,
    HeadView,
    MergePreview,
    field_key,
    get_conflict,
    head_number,
    list_conflicts,
    preview_merge,
    resolve_conflict,
)
from workbench.exchange.to_office.export import ExportResult, export_round
from workbench.exchange.to_office.wipe import WipeResult, WipeStatus, wipe_round, wipe_status
from workbench.exchange.to_team.briefing import (
    BriefingRecipient,
    BriefingResult,
    briefing_recipients,
    build_briefing,
)
from workbench.exchange.to_team.receipts import ReceiptResult, issue_receipt
from workbench.exchange.verify import VerifyReport, verify_package

__all__ = [
    "STAGES",
    "BriefingRecipient",
    "BriefingResult",
    "ConflictView",
    "DeviceView",
    "ExportResult",
    "FieldRow",
    "HeadView",
    "ImportResult",
    "Limits",
    "MergePreview",
    "ReceiptResult",
    "VerifyReport",
    "WipeResult",
    "WipeStatus",
    "accept_certificate",
    "briefing_recipients",
    "build_briefing",
    "export_round",
    "field_key",
    "get_conflict",
    "head_number",
    "import_package",
    "init_office",
    "issue_receipt",
    "list_conflicts",
    "list_devices",
    "make_request",
    "office_info",
    "preview_merge",
    "resolve_conflict",
    "revoke_device",
    "sign_request",
    "verify_package",
    "wipe_round",
    "wipe_status",
]
