"""SQLAlchemy 2.0 models, one module per aggregate."""

from workbench.models.base import Base
from workbench.models.system import Attachment, AuditEntry, StoreMeta, User

__all__ = ["Attachment", "AuditEntry", "Base", "StoreMeta", "User"]
