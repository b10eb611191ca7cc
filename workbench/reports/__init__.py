"""Documents and ledgers: GB/T 9704 Word documents (python-docx, or an office's own docxtpl
template) and Excel ledgers (openpyxl, streaming), plus the import of an edited 整改台账.

    from workbench.reports import DocRequest, export_document, write_document
    export_document(vault, DocRequest("inspection-report", round_id=r), Path("报告.docx"))

See docs/documents.md for the document list, the template placeholders and the Excel import.
"""

from __future__ import annotations

from workbench.reports.context import DocRequest
from workbench.reports.errors import (
    DocumentScopeError,
    LedgerFileInvalid,
    OutputExists,
    TemplateInvalid,
    UnknownDocumentType,
)
from workbench.reports.export import ExportResult, UnitsOfWork, export_document, write_document
from workbench.reports.registry import DOCUMENTS, DocSpec, get_spec
from workbench.reports.templates import (
    check_template,
    install_template,
    remove_template,
    starter_template,
    template_for,
    templates_dir,
)
from workbench.reports.xlsx_import import ImportReport, RowOutcome, import_rectification_ledger

__all__ = [
    "DOCUMENTS",
    "DocRequest",
    "DocSpec",
    "DocumentScopeError",
    "ExportResult",
    "ImportReport",
    "LedgerFileInvalid",
    "OutputExists",
    "RowOutcome",
    "TemplateInvalid",
    "UnitsOfWork",
    "UnknownDocumentType",
    "check_template",
    "export_document",
    "get_spec",
    "import_rectification_ledger",
    "install_template",
    "remove_template",
    "starter_template",
    "template_for",
    "templates_dir",
    "write_document",
]
