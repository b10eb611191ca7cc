"""The frame the exchange wizards share: a page that runs one job on the DB worker with progress
and cancel and moves on by itself when the job ends, and a wizard that cannot be closed while a
job runs (closing asks the job to cancel instead)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from ui.tasks import Tasks
from ui.widgets.job_panel import Job, JobPanel
from workbench.services.rounds import list_rounds


def note_label(object_name: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class JobPage(QWizardPage):
    """``make_job()`` gives (job, label) when the page is entered; the outcome is either
    ``result`` or ``error`` when the page leaves."""

    def __init__(self, tasks: Tasks, make_job: Callable[[], tuple[Job, str]]) -> None:
        super().__init__()
        self.tasks = tasks
        self.make_job = make_job
        self.panel = JobPanel()
        self.panel.succeeded.connect(self._succeeded)
        self.panel.failed.connect(self._failed)
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = False
        # the page moves on by itself; as a commit page its button would otherwise say 开始
        self.setButtonText(
            QWizard.WizardButton.CommitButton, QCoreApplication.translate("JobWizard", "下一步")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        self.result, self.error, self.finished = None, None, False
        job, label = self.make_job()
        self.panel.start(self.tasks, job, label)

    def isComplete(self) -> bool:  # noqa: N802
        return self.finished

    def _succeeded(self, result: Any) -> None:
        self.result, self.finished = result, True
        self._leave()

    def _failed(self, error: BaseException) -> None:
        self.error, self.finished = error, True
        self._leave()

    def _leave(self) -> None:
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()


class JobWizard(QWizard):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 460)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        translate = QCoreApplication.translate
        self.setButtonText(QWizard.WizardButton.NextButton, translate("JobWizard", "下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("JobWizard", "上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("JobWizard", "完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("JobWizard", "关闭"))
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("JobWizard", "开始"))

    def add_job_pages(
        self, setup: QWizardPage, run: JobPage, run_title: str, result: QWizardPage
    ) -> None:
        """What to do, the run (no way back once it started), what came of it."""
        run.setTitle(run_title)
        run.setCommitPage(True)
        for key, page in enumerate((setup, run, result)):
            self.setPage(key, page)

    def offer_rounds(self, tasks: Tasks, show: Callable[[list[tuple[str, str]]], None]) -> None:
        """The store's rounds (id, name), newest first, for the set-up page's choice."""
        tasks.run(lambda s: [(r.id, r.name) for r in list_rounds(s).items], show)

    def running_page(self) -> JobPage | None:
        page = self.currentPage()
        return page if isinstance(page, JobPage) and page.panel.running else None

    def reject(self) -> None:
        running = self.running_page()
        if running is not None:  # the worker still holds the job: cancel it, close afterwards
            running.panel.cancel()
            return
        super().reject()
