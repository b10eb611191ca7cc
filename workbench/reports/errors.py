"""Errors of the document and ledger layer, each with a stable code and a Chinese message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from workbench.errors import Conflict, UsageError, ValidationError
from workbench.i18n import N_


class UnknownDocumentType(UsageError):
    code: ClassVar[str] = "WB-REPORT-TYPE"
    default_message: ClassVar[str] = N_("未知的文书类型")


class DocumentScopeError(UsageError):
    """The request lacks what the document needs (a round, a target or a record id)."""

    code: ClassVar[str] = "WB-REPORT-SCOPE"
    default_message: ClassVar[str] = N_("缺少生成该文书所需的轮次、对象或记录")


class OutputExists(Conflict):
    code: ClassVar[str] = "WB-REPORT-EXISTS"
    default_message: ClassVar[str] = N_("输出文件已存在，不会覆盖")


class TemplateInvalid(ValidationError):
    """A user template that cannot be used. ``missing`` are required placeholders it lacks,
    ``unknown`` are placeholders the document does not provide."""

    code: ClassVar[str] = "WB-TEMPLATE-INVALID"
    default_message: ClassVar[str] = N_("模板不可用")

    def __init__(
        self,
        message: str | None = None,
        *,
        missing: Sequence[str] = (),
        unknown: Sequence[str] = (),
        **details: object,
    ) -> None:
        self.missing = tuple(missing)
        self.unknown = tuple(unknown)
        parts = [message] if message else []
        if self.missing:
            parts.append("缺少必需的占位符：" + "、".join(self.missing))
        if self.unknown:
            parts.append("无法识别的占位符：" + "、".join(self.unknown))
        super().__init__(
            "；".join(parts) or None, missing=self.missing, unknown=self.unknown, **details
        )


class LedgerFileInvalid(ValidationError):
    """An Excel file that is not a ledger this program exported (or was restructured)."""

    code: ClassVar[str] = "WB-LEDGER-INVALID"
    default_message: ClassVar[str] = N_("不是本系统导出的台账文件，或表头已被改动")


class ImportTemplateMismatch(ValidationError):
    """An .xlsx that is not this program's set-up template of the kind being imported: a foreign
    file, another kind's template, or one of another format version. ``details["why"]`` is
    ``foreign``, ``kind`` or ``version``."""

    code: ClassVar[str] = "WB-IMPORT-TEMPLATE"
    default_message: ClassVar[str] = N_("不是本系统的导入模板，或模板与所选的导入内容、版本不符")


class DocumentNumberInvalid(UsageError):
    """A 发文字号 that cannot be issued or reused: not of the form 代字〔年份〕序号号, a 草稿
    asking for one, or a document type that carries none."""

    code: ClassVar[str] = "WB-REPORT-NUMBER"
    default_message: ClassVar[str] = N_("发文字号无效")


class DocumentNumberNotIssued(Conflict):
    """A reused 发文字号 that the register does not hold for this document type and scope."""

    code: ClassVar[str] = "WB-REPORT-NUMBER-REUSE"
    default_message: ClassVar[str] = N_("该发文字号未为此文书签发，不能沿用")
