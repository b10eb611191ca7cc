"""导入数据包: choose the file → verify it (nothing written) → the verdict → import with progress
and cancel → what changed. The office imports team packages; a field store imports briefings
(部署包) and receipts (回执) the same way. A refused package gets a verdict page that says what
was wrong, that nothing was imported, and what to do next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui.dialogs.job_wizard import JobPage, JobWizard, note_label
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.pages.exchange_support import (
    byte_progress,
    counts_text,
    outcome_text,
    package_kind_label,
)
from ui.tasks import Tasks
from ui.widgets.job_panel import Job
from workbench.errors import Cancelled, WorkbenchError
from workbench.exchange import STAGES, ImportResult, VerifyReport, import_package, verify_package
from workbench.jobs import CancelToken, ProgressSink
from workbench.services.rounds import list_rounds
from workbench.workspace import Workspace

REJECTED_STYLE = "color: #b00020; font-size: 14pt; font-weight: bold;"
ACCEPTED_STYLE = "color: #1b5e20; font-size: 14pt; font-weight: bold;"


def advice_for(code: str) -> str:
    """What the person at the office (or in the field) should do about a refusal."""
    by_code = {
        "WB-PKG-NOT-PACKAGE": _tr("请确认选择的是本系统导出的数据包（.wbp），并请发送方重新拷贝。"),
        "WB-PKG-NOT-FOR-US": _tr("此数据包不是发给本单位的；请与发送方核对接收单位。"),
        "WB-PKG-DAMAGED": _tr("文件在拷贝或传递中损坏或被改动；请发送方重新导出并重新拷贝。"),
        "WB-PKG-TRUNCATED": _tr("文件不完整；请发送方重新拷贝完整的数据包。"),
        "WB-PKG-SIGNATURE": _tr(
            "内容可能被篡改；请勿继续使用此文件，请发送方重新导出，并报告安全保密管理员。"
        ),
        "WB-PKG-CERT": _tr("发送设备的证书不是本巡察办签发的；请核实来源，必要时重新登记该设备。"),
        "WB-PKG-CERT-EXPIRED": _tr("设备证书已过期；请为该设备重新签发证书后再导出。"),
        "WB-PKG-DEVICE-UNKNOWN": _tr("发送设备尚未登记；请先在“设备管理”中为其签发证书。"),
        "WB-PKG-DEVICE-REVOKED": _tr("该设备已被吊销；请核实情况，不要接收其数据。"),
        "WB-PKG-SEQ-REUSED": _tr("可能是重放或伪造的数据包；请核查来源并报告安全保密管理员。"),
        "WB-PKG-CHAIN": _tr(
            "可能是伪造的数据包，或设备数据被回滚；请核查来源并报告安全保密管理员。"
        ),
        "WB-PKG-SCHEMA-VERSION": _tr("双方程序版本不同；请先统一程序版本，再重新导出。"),
        "WB-PKG-KIND": _tr("此类数据包不能在本数据库导入；请确认选择了正确的文件。"),
        "WB-RCPT-MISMATCH": _tr("回执与本设备的导出记录不符；请向巡察办核实后重新索取回执。"),
        "WB-DISK-FULL": _tr("请清理磁盘空间后重试。"),
    }
    return by_code.get(code, _tr("请发送方重新导出数据包；如仍被拒收，请报告安全保密管理员。"))


def rejection_text(code: str, message: str, kept_at: str | None = None) -> str:
    lines = [
        _tr("原因：%1（%2）").replace("%1", core_text(message)).replace("%2", code),
        _tr("未导入任何数据，本库数据未改变。"),
        _tr("建议：%1").replace("%1", advice_for(code)),
    ]
    if kept_at:
        lines.append(_tr("被拒收的数据包已另存备查：%1").replace("%1", kept_at))
    return "\n".join(lines)


class _ChoosePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("选择数据包"))
        self.setSubTitle(
            self.tr("巡察办导入巡察组数据包；巡察组导入巡察办的部署包和回执。")
            if wizard.office
            else self.tr("选择巡察办发来的部署包或回执。")
        )
        self.file = QLineEdit()
        self.file.setObjectName("import_file")
        self.file.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        hint = note_label()
        hint.setText(self.tr("下一步只校验数据包（解密、验签、核对内容），不写入任何数据。"))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("校验"))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择数据包"), self.file.text(), self.tr("数据包 (*.wbp);;所有文件 (*)")
        )
        if chosen:
            self.file.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.file.text().strip())


class _ReportPage(QWizardPage):
    """A headline, the details and any warnings: what the verdict and the result pages show."""

    def __init__(self, wizard: ImportWizard, name: str) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.headline = QLabel()
        self.headline.setObjectName(f"{name}_headline")
        self.details = note_label(f"{name}_details")
        self.warnings = note_label(f"{name}_warnings")
        self.warnings.setStyleSheet("color: #e65100;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.warnings)
        layout.addStretch(1)


class _VerdictPage(_ReportPage):
    """Rejected, already imported, or accepted with everything the manifest says."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, "verdict")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("导入"))
        self.accepted = False

    def initializePage(self) -> None:  # noqa: N802
        verify = self.wizard_.verify_page
        report: VerifyReport | None = verify.result
        self.warnings.clear()
        self.accepted = False
        if report is None or report.verdict == "rejected":
            self.setTitle(self.tr("校验结论"))
            self.headline.setText(self.tr("拒收：此数据包未通过校验"))
            self.headline.setStyleSheet(REJECTED_STYLE)
            if report is not None:
                self.details.setText(rejection_text(report.code or "WB-PKG", report.message))
            elif isinstance(verify.error, Cancelled):
                self.headline.setText(self.tr("已取消校验"))
                self.details.setText(self.tr("没有导入任何数据。"))
            else:
                error = verify.error
                self.details.setText(
                    error_text(error) + "\n" + self.tr("未导入任何数据，本库数据未改变。")
                    if error is not None
                    else ""
                )
            return
        self.setTitle(self.tr("校验结论"))
        if report.verdict == "already_imported":
            self.headline.setText(self.tr("此数据包已导入过"))
            self.headline.setStyleSheet(ACCEPTED_STYLE)
            self.details.setText(
                self.tr("数据包编号：%1\n无需再次导入，本库数据未改变。").replace(
                    "%1", report.package_id or ""
                )
            )
            return
        self.accepted = True
        self.headline.setText(self.tr("校验通过，可以导入"))
        self.headline.setStyleSheet(ACCEPTED_STYLE)
        self.details.setText(self.wizard_.describe(report))
        if report.warnings:
            self.warnings.setText(
                "\n".join(self.tr("警告：%1").replace("%1", w) for w in report.warnings)
            )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return True

    def nextId(self) -> int:  # noqa: N802
        return ImportWizard.IMPORT if self.accepted else -1

    def isFinalPage(self) -> bool:  # noqa: N802
        return not self.accepted


class _ResultPage(_ReportPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, "result")

    def initializePage(self) -> None:  # noqa: N802
        run = self.wizard_.import_page
        result: ImportResult | None = run.result
        self.warnings.clear()
        self.setTitle(self.tr("导入结果"))
        if result is None:
            error = run.error
            self.headline.setStyleSheet(REJECTED_STYLE)
            if isinstance(error, Cancelled):
                self.headline.setText(self.tr("已取消导入"))
                self.details.setText(self.tr("没有导入任何数据，本库数据未改变。"))
            elif isinstance(error, WorkbenchError) and error.code.startswith(("WB-PKG", "WB-RCPT")):
                self.headline.setText(self.tr("拒收：此数据包未能导入"))
                kept = error.details.get("kept_at")
                self.details.setText(
                    rejection_text(error.code, error.message, str(kept) if kept else None)
                )
            else:
                self.headline.setText(self.tr("导入失败"))
                self.details.setText(
                    (error_text(error) if error else "")
                    + "\n"
                    + self.tr("未导入任何数据，本库数据未改变。")
                )
            return
        self.headline.setStyleSheet(ACCEPTED_STYLE)
        if result.status == "already_imported":
            self.headline.setText(self.tr("此数据包已导入过"))
            self.details.setText(self.tr("无需再次导入，本库数据未改变。"))
            return
        self.headline.setText(self.tr("已导入"))
        lines = [
            self.tr("发送方：%1（设备 %2）")
            .replace("%1", result.sender_user)
            .replace("%2", result.sender_device),
            self.tr("类型：%1，第 %2 号")
            .replace("%1", package_kind_label(result.kind))
            .replace("%2", str(result.device_seq)),
            self.tr("内容：%1").replace("%1", counts_text(result.counts)),
            self.tr("处理结果：%1").replace("%1", outcome_text(result.outcome)),
        ]
        if result.kind == "team":
            lines.append(self.tr("新附件：%1 个").replace("%1", str(result.attachments_added)))
            if result.outcome.get("conflicts"):
                lines.append(self.tr("有记录被两台设备同时修改，请到“冲突处理”中选定版本。"))
        if result.kind == "receipt":
            lines.append(self.tr("经回执确认的数据，在本轮结束后可以清理。"))
        self.details.setText("\n".join(lines))
        if result.warnings:
            self.warnings.setText(
                "\n".join(self.tr("警告：%1").replace("%1", w) for w in result.warnings)
            )


class ImportWizard(JobWizard):
    CHOOSE, VERIFY, VERDICT, IMPORT, RESULT = range(5)

    def __init__(
        self,
        tasks: Tasks,
        *,
        office: bool,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入数据包") if office else self.tr("导入部署包或回执"))
        self.tasks = tasks
        self.office = office
        self.round_names: dict[str, str] = {}
        self.choose = _ChoosePage(self)
        if path is not None:
            self.choose.file.setText(str(path))
        self.verify_page = JobPage(tasks, self._verify_job)
        self.verify_page.setTitle(self.tr("正在校验"))
        self.verify_page.setCommitPage(True)  # the verdict stands: another file, another run
        self.verdict = _VerdictPage(self)
        self.import_page = JobPage(tasks, self._import_job)
        self.import_page.setTitle(self.tr("正在导入"))
        self.import_page.setCommitPage(True)
        self.result_page = _ResultPage(self)
        self.setPage(self.CHOOSE, self.choose)
        self.setPage(self.VERIFY, self.verify_page)
        self.setPage(self.VERDICT, self.verdict)
        self.setPage(self.IMPORT, self.import_page)
        self.setPage(self.RESULT, self.result_page)
        tasks.run(
            lambda s: {r.id: r.name for r in list_rounds(s).items},
            lambda names: self.round_names.update(names),
        )

    def path(self) -> Path:
        return Path(self.choose.file.text().strip()).expanduser()

    def describe(self, report: VerifyReport) -> str:
        round_name = self.round_names.get(report.round_id or "", report.round_id or "—")
        lines = [
            self.tr("类型：%1").replace("%1", package_kind_label(report.kind)),
            self.tr("发送方：%1（设备 %2）")
            .replace("%1", report.sender_user or "")
            .replace("%2", report.sender_device or ""),
            self.tr("巡察轮次：%1").replace("%1", round_name),
            self.tr("设备序号：第 %1 号").replace("%1", str(report.device_seq)),
            self.tr("生成时间：%1").replace("%1", (report.created_at or "").replace("T", " ")),
            self.tr("数据包编号：%1").replace("%1", report.package_id or ""),
            self.tr("内容：%1").replace("%1", counts_text(report.counts)),
            self.tr("附件：%1 个").replace("%1", str(report.attachments)),
        ]
        return "\n".join(lines)

    def _verify_job(self) -> tuple[Job, str]:
        path = self.path()

        def job(ws: Workspace, _sink: ProgressSink, _cancel: CancelToken) -> VerifyReport:
            return ws.call(verify_package, path)

        return job, self.tr("正在解密、验证签名并核对内容（不写入任何数据）…")

    def _import_job(self) -> tuple[Job, str]:
        path = self.path()
        labels = {
            "staged": self.tr("已复制到暂存区，正在解密…"),
            "decrypted": self.tr("已解密并验证签名，正在核对记录…"),
            "validated": self.tr("记录核对无误，正在写入…"),
            "written": self.tr("已写入，正在提交…"),
            "committed": self.tr("已提交"),
        }

        template = self.tr("正在解密、核对并写入：%1 / %2")

        def job(ws: Workspace, sink: ProgressSink, cancel: CancelToken) -> ImportResult:
            def on_stage(stage: str) -> None:
                sink(STAGES.index(stage) + 1, len(STAGES), labels.get(stage, stage))
                if stage != "committed":  # before the commit a cancel rolls everything back
                    cancel.raise_if_cancelled()

            progress = byte_progress(sink, template)
            return ws.call(
                import_package, path, on_stage=on_stage, progress=progress, cancel=cancel
            )

        return job, self.tr("正在复制到暂存区…")
