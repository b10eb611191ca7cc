"""SQLAlchemy 2.0 models, one module per aggregate."""

import workbench.models.drafts  # registers the drafts table
import workbench.models.exchange  # noqa: F401 - registers the exchange_* tables
from workbench.models.base import Base
from workbench.models.clues import Clue
from workbench.models.datalists import DataHit, DataMapping, DataRow, DataRule, DataSource
from workbench.models.findings import Evidence, Finding, FindingSignoff
from workbench.models.interviews import Interview, InterviewTurn
from workbench.models.letters import Letter
from workbench.models.portraits import Portrait, PortraitItem
from workbench.models.rectification import (
    Rectification,
    RectificationAssessment,
    RectificationDocument,
    RectificationSupervision,
    ReminderLetter,
)
from workbench.models.reports import ArchiveItem, Report
from workbench.models.rounds import Member, Round, Team
from workbench.models.system import Attachment, AuditEntry, DocumentNumber, StoreMeta, User
from workbench.models.targets import Person, Target
from workbench.models.work import Activity, FocusItem, ListEntry

# Aggregates that travel in packages and merge by id + version (children ride with them).
RECORD_MODELS = (
    Round,
    Team,
    Member,
    Target,
    Person,
    Interview,
    Letter,
    Finding,
    Evidence,
    Clue,
    Activity,
    FocusItem,
    ListEntry,
    Portrait,
    Rectification,
    RectificationDocument,
    RectificationSupervision,
    RectificationAssessment,
    ReminderLetter,
    Report,
    ArchiveItem,
    DataHit,
)

__all__ = [
    "RECORD_MODELS",
    "Activity",
    "ArchiveItem",
    "Attachment",
    "AuditEntry",
    "Base",
    "Clue",
    "DataHit",
    "DataMapping",
    "DataRow",
    "DataRule",
    "DataSource",
    "DocumentNumber",
    "Evidence",
    "Finding",
    "FindingSignoff",
    "FocusItem",
    "Interview",
    "InterviewTurn",
    "Letter",
    "ListEntry",
    "Member",
    "Person",
    "Portrait",
    "PortraitItem",
    "Rectification",
    "RectificationAssessment",
    "RectificationDocument",
    "RectificationSupervision",
    "ReminderLetter",
    "Report",
    "Round",
    "StoreMeta",
    "Target",
    "Team",
    "User",
]
