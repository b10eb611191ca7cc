"""导出数据包 (field store): choose the round and the output file, export on the worker with
progress and cancel, then the summary — package number, sequence, what it carries — or, when
nothing changed since the last package, a plain note that no file was written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
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
from ui.models.record_table_model import human_size
from ui.pages.exchange_support import byte_progress, counts_text
from ui.tasks import Tasks
from ui.widgets.job_panel import Job
from workbench.errors import Cancelled
from workbench.exchange import ExportResult, export_round
from workbench.exchange.errors import NothingToExport
from workbench.jobs import CancelToken, ProgressSink
from workbench.workspace import Workspace

PACKAGE_SUFFIX = ".wbp"


def default_package_name(prefix: str, round_name: str) -> str:
    safe = "".join(c for c in round_name if c not in '\\/:*?"<>|').strip() or "round"
    return f"{prefix}-{safe}-{date.today():%Y%m%d}{PACKAGE_SUFFIX}"


def check_output(path_text: str) -> str | None:
    """Why the output path cannot be used, or None."""
    if not path_text.strip():
        return _tr("请选择保存位置")
    path = Path(path_text).expanduser()
    if path.exists():
        return _tr("文件已存在，不会覆盖：%1").replace("%1", str(path))
    if not path.parent.is_dir():
        return _tr("文件夹不存在：%1").replace("%1", str(path.parent))
    return None


class OutputRow(QWidget):
    """A path field with a 浏览… button (the field can be typed into, tests set it)."""

    def __init__(self, caption: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.edit = QLineEdit()
        self.edit.setObjectName(object_name)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.caption, self.edit.text(), self.tr("数据包 (*.wbp)")
        )
        if chosen:
            self.edit.setText(chosen)

    def path(self) -> Path:
        return Path(self.edit.text().strip()).expanduser()


class _SetupPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("导出数据包"))
        self.setSubTitle(
            self.tr(
                "把本轮自上次导出以来新增或修改的记录和附件加密打包。数据包只有巡察办能解密，"
                "可用移动介质交送。"
            )
        )
        self.round = QComboBox()
        self.round.setObjectName("export_round")
        self.round.currentIndexChanged.connect(self._round_changed)
        self.output = OutputRow(self.tr("保存数据包"), "export_output")
        self.output.edit.textChanged.connect(self.completeChanged)
        self.all_unconfirmed = QCheckBox(
            self.tr("重新导出全部未经回执确认的内容（上次的数据包遗失时使用）")
        )
        self.all_unconfirmed.setObjectName("export_all_unconfirmed")
        self.message = note_label("export_message")
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("巡察轮次"), self.round)
        form.addRow(self.tr("保存为"), self.output)
        form.addRow("", self.all_unconfirmed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("开始导出"))

    def set_rounds(self, rounds: list[tuple[str, str]], current: str | None) -> None:
        self.round.clear()
        for round_id, name in rounds:
            self.round.addItem(name, round_id)
        index = self.round.findData(current) if current else 0
        self.round.setCurrentIndex(max(index, 0))
        self.completeChanged.emit()

    def _round_changed(self, _index: int) -> None:
        name = self.round.currentText()
        if name and not self.output.edit.isModified():
            folder = self.wizard_.folder
            self.output.edit.setText(str(folder / default_package_name(self.tr("数据包"), name)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.round.currentData() is not None and bool(self.output.edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        problem = check_output(self.output.edit.text())
        self.message.setText(problem or "")
        return problem is None


class _ResultPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.summary = note_label("export_summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        run = self.wizard_.run_page
        result: ExportResult | None = run.result
        if result is None:
            self.setTitle(self.tr("未导出"))
            error = run.error
            if isinstance(error, NothingToExport):
                self.setTitle(self.tr("没有需要导出的内容"))
                text = core_text(error.message)
                if not self.wizard_.setup.all_unconfirmed.isChecked():
                    text += "\n\n" + self.tr(
                        "如上次的数据包遗失，请再次导出，并勾选“重新导出全部未经回执确认的内容”。"
                    )
            elif isinstance(error, Cancelled):
                text = self.tr("已取消：没有生成数据包，本机数据未改变。")
            else:
                text = (
                    (error_text(error) if error else "")
                    + "\n"
                    + self.tr("没有生成数据包，本机数据未改变。")
                )
            self.summary.setText(text)
            return
        self.setTitle(self.tr("已导出数据包"))
        lines = [
            self.tr("文件：%1（%2）")
            .replace("%1", str(result.path))
            .replace("%2", human_size(result.size)),
            self.tr("数据包编号：%1").replace("%1", result.package_id),
            self.tr("本设备第 %1 号数据包").replace("%1", str(result.device_seq)),
            self.tr("记录：%1").replace("%1", counts_text(result.counts)),
            self.tr("附件：%1 个").replace("%1", str(result.attachments)),
            "",
            self.tr(
                "请将此文件交巡察办导入，并取回巡察办签发的回执（回执确认后本轮才能清理）。"
                "下次导出只带此后新增或修改的内容；此文件如遗失，导出时勾选"
                "“重新导出全部未经回执确认的内容”。"
            ),
        ]
        self.summary.setText("\n".join(lines))


class ExportWizard(JobWizard):
    SETUP, RUN, RESULT = range(3)

    def __init__(
        self,
        tasks: Tasks,
        round_id: str | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出数据包"))
        self.tasks = tasks
        self.folder = folder or Path.home()
        self.setup = _SetupPage(self)
        self.run_page = JobPage(tasks, self._make_job)
        self.result_page = _ResultPage(self)
        self.add_job_pages(self.setup, self.run_page, self.tr("正在导出"), self.result_page)
        self.offer_rounds(tasks, lambda rounds: self.setup.set_rounds(rounds, round_id))

    def _make_job(self) -> tuple[Job, str]:
        round_id = str(self.setup.round.currentData())
        out = self.setup.output.path()
        everything = self.setup.all_unconfirmed.isChecked()

        template = self.tr("正在加密写入数据包：%1 / %2")

        def job(ws: Workspace, sink: ProgressSink, cancel: CancelToken) -> ExportResult:
            progress = byte_progress(sink, template)
            return ws.call(
                export_round,
                round_id,
                out,
                progress=progress,
                cancel=cancel,
                all_unconfirmed=everything,
            )

        return job, self.tr("正在收集本轮记录并加密写入数据包…")
