"""生成部署包 (office): choose the round and the enrolled devices, then one package per device —
encrypted to that device alone, named after the round and the device's holder — written on the
worker with progress and cancel, and a summary of what was written where. The round's 碰撞比对
lists may go too, each ticked by hand (none by default, under a warning that they are personal
data); only a user whose role may see raw rows is offered them.

The core seals a package for the devices it is given; here each device gets its own call, so a
lost medium exposes one team's briefing only to the device it was made for. A cancel or a failure
stops before the next device: the packages already written are complete and listed, the one being
written leaves no file (the core writes beside the target and renames only after its ledger
commit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui.dialogs.export_wizard import default_package_name
from ui.dialogs.job_wizard import JobPage, JobWizard, note_label
from ui.errors import error_text
from ui.i18n import aside, core_text
from ui.i18n import tr as _tr
from ui.models.record_table_model import human_size
from ui.pages.exchange_support import counts_text, run_core
from ui.tasks import Tasks
from ui.widgets.job_panel import Job
from workbench.errors import Cancelled, UsageError
from workbench.exchange import (
    BriefingRecipient,
    BriefingResult,
    briefing_recipients,
    build_briefing,
)
from workbench.jobs import CancelToken, ProgressSink
from workbench.services import Session
from workbench.services.data_access import may_see_raw
from workbench.services.datalists import SourceView, list_sources
from workbench.workspace import Workspace


def short_fingerprint(fingerprint: str) -> str:
    """The first two groups, enough to tell devices apart on screen (the full one is on the
    设备管理 page for the phone check)."""
    return " ".join(fingerprint.split()[:2]) + " …"


def holder_text(device: BriefingRecipient) -> str:
    return aside(device.display_name, device.team) if device.team else device.display_name


def recipient_text(device: BriefingRecipient) -> str:
    return (
        _tr("%1    用户名 %2    设备指纹 %3")
        .replace("%1", holder_text(device))
        .replace("%2", device.user)
        .replace("%3", short_fingerprint(device.fingerprint))
    )


def file_names(round_name: str, devices: list[BriefingRecipient], prefix: str) -> dict[str, str]:
    """device id → a file name people can read: the round and the holder, and the user name or
    the fingerprint's first group only where holders share a name."""
    labels = {d.device_id: d.display_name for d in devices}
    extras: list[Callable[[BriefingRecipient], str]] = [
        lambda d: d.user,
        lambda d: d.fingerprint.split()[0],
    ]
    for extra in extras:
        seen = [labels[d.device_id] for d in devices]
        for d in devices:
            if seen.count(labels[d.device_id]) > 1:
                labels[d.device_id] += f"-{extra(d)}"
    return {
        d.device_id: default_package_name(prefix, f"{round_name}-{labels[d.device_id]}")
        for d in devices
    }


def sendable_lists(session: Session, round_id: str) -> list[SourceView] | None:
    """The round's lists, or None when the user's role may not see (nor send) them."""
    return list_sources(session, round_id) if may_see_raw(session) else None


def list_text(source: SourceView) -> str:
    return (
        _tr("%1：%2（%3，%4 行）")
        .replace("%1", core_text(source.kind.label))
        .replace("%2", source.label)
        .replace("%3", source.file_name)
        .replace("%4", f"{source.rows:,}")
    )


@dataclass
class BriefingBatch:
    """What the job did: the packages written, in order, and why it stopped early (if it did)."""

    written: list[tuple[BriefingRecipient, BriefingResult, int]] = field(default_factory=list)
    stopped: BaseException | None = None
    pending: list[BriefingRecipient] = field(default_factory=list)


class _SetupPage(QWizardPage):
    def __init__(self, wizard: BriefingWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("生成部署包"))
        self.setSubTitle(
            self.tr(
                "把轮次、巡察组、被巡察单位、清单和吊销名单发给巡察组设备。"
                "每台设备一个文件，只有该设备能解密。"
            )
        )
        self.recipients: list[BriefingRecipient] = []
        self.round = QComboBox()
        self.round.setObjectName("briefing_round")
        self.round.currentIndexChanged.connect(self._round_changed)
        self.devices = QListWidget()
        self.devices.setObjectName("briefing_devices")
        self.devices.itemChanged.connect(self._changed)
        self.folder = QLineEdit(str(wizard.folder))
        self.folder.setObjectName("briefing_folder")
        self.folder.textChanged.connect(self._changed)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.lists = QListWidget()
        self.lists.setObjectName("briefing_lists")
        self.lists.setMaximumHeight(96)
        self.lists.setWordWrap(True)  # a kind's name is long in English: wrapped, never cut
        self.lists.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lists_note = note_label("briefing_lists_note")
        self.lists_note.setStyleSheet("color: #8a4b00;")
        lists_box = QVBoxLayout()
        lists_box.setContentsMargins(0, 0, 0, 0)
        lists_box.addWidget(self.lists)
        lists_box.addWidget(self.lists_note)
        self.files = note_label("briefing_files")
        self.message = note_label("briefing_message")
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("巡察轮次"), self.round)
        form.addRow(self.tr("接收设备"), self.devices)
        form.addRow(self.tr("随包下发名单"), lists_box)
        form.addRow(self.tr("保存到文件夹"), folder_row)
        form.addRow(self.tr("将写入"), self.files)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("开始生成"))

    # -- choices --------------------------------------------------------------------------------

    def set_rounds(self, rounds: list[tuple[str, str]], current: str | None) -> None:
        self.round.clear()
        for round_id, name in rounds:
            self.round.addItem(name, round_id)
        index = self.round.findData(current) if current else 0
        self.round.setCurrentIndex(max(index, 0))

    def _round_changed(self, _index: int) -> None:
        round_id = self.round.currentData()
        if round_id is None:
            return
        run_core(
            self.wizard_.tasks,
            lambda ws: ws.call(briefing_recipients, round_id),
            self.set_recipients,
            lambda error: self.message.setText(error_text(error)),
        )
        self.wizard_.tasks.run(
            lambda s: sendable_lists(s, round_id),
            self.set_lists,
            lambda error: self.message.setText(error_text(error)),
        )

    def set_lists(self, sources: list[SourceView] | None) -> None:
        """Every list unticked: sending one is a choice made each time."""
        self.lists.clear()
        for source in sources or []:
            item = QListWidgetItem(list_text(source))
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.lists.addItem(item)
        self.lists.setVisible(bool(sources))
        if sources is None:
            note = self.tr("名单含个人信息，只有巡察办授权查看名单的角色可以随部署包下发。")
        elif not sources:
            note = self.tr("本轮没有导入的名单。")
        else:
            note = self.tr(
                "名单含身份证号等个人信息，默认不下发。只勾选巡察组现场核实确需的名单："
                "它们随部署包加密下发，在接收设备上同样只有授权的角色可以查看。"
            )
        self.lists_note.setText(note)

    def chosen_lists(self) -> list[str]:
        items = [self.lists.item(i) for i in range(self.lists.count())]
        return [
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def set_recipients(self, recipients: list[BriefingRecipient]) -> None:
        ticked = set(self.chosen_ids())  # kept across a change of round
        self.recipients = recipients
        self.devices.blockSignals(True)
        self.devices.clear()
        for device in recipients:
            item = QListWidgetItem(recipient_text(device))
            item.setData(Qt.ItemDataRole.UserRole, device.device_id)
            item.setToolTip(self.tr("设备指纹：%1").replace("%1", device.fingerprint))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = device.device_id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.devices.addItem(item)
        self.devices.blockSignals(False)
        self._changed()

    def set_checked(self, device_ids: list[str]) -> None:
        for i in range(self.devices.count()):
            item = self.devices.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in device_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def chosen_ids(self) -> list[str]:
        items = [self.devices.item(i) for i in range(self.devices.count())]
        return [
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def chosen(self) -> list[BriefingRecipient]:
        ids = set(self.chosen_ids())
        return [d for d in self.recipients if d.device_id in ids]

    def targets(self) -> list[tuple[BriefingRecipient, Path]]:
        folder = Path(self.folder.text().strip()).expanduser()
        chosen = self.chosen()
        names = file_names(self.round.currentText(), chosen, self.tr("部署包"))
        return [(d, folder / names[d.device_id]) for d in chosen]

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("保存到文件夹"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _changed(self, *_args: Any) -> None:
        targets = self.targets()
        self.files.setText("\n".join(path.name for _d, path in targets) or "—")
        self.message.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.round.currentData() is not None and bool(self.chosen_ids())

    def validatePage(self) -> bool:  # noqa: N802
        problem = self.problem()
        self.message.setText(problem or "")
        return problem is None

    def problem(self) -> str | None:
        if self.round.currentData() is None:
            return self.tr("请选择巡察轮次")
        if not self.chosen_ids():
            return self.tr("请至少选择一台接收设备")
        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip() or not folder.is_dir():
            return self.tr("文件夹不存在：%1").replace("%1", str(folder))
        existing = [path.name for _d, path in self.targets() if path.exists()]
        if existing:
            return self.tr("文件已存在，不会覆盖：%1").replace("%1", "、".join(existing))
        return None


class _ResultPage(QWizardPage):
    def __init__(self, wizard: BriefingWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.summary = note_label("briefing_summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        run = self.wizard_.run_page
        batch: BriefingBatch | None = run.result
        stopped = run.error if batch is None else batch.stopped
        written = batch.written if batch is not None else []
        lines: list[str] = []
        if written:
            first = written[0][1]
            lines.append(self.tr("每个部署包只加密给所列的一台设备，只有该设备能解密导入："))
            for device, result, size in written:
                lines.append(aside(holder_text(device), short_fingerprint(device.fingerprint)))
                lines.append("    " + aside(str(result.path), human_size(size)))
            lines += [
                "",
                self.tr("内容：%1；分类数据 %2 个；吊销名单 %3 条。")
                .replace("%1", counts_text(first.counts))
                .replace("%2", str(first.taxonomy))
                .replace("%3", str(first.revocations)),
                self.tr(
                    "请用移动介质把各文件交给对应设备的使用人，在该设备“数据交换”页“导入部署包”。"
                ),
            ]
            if first.lists:
                sent = self.tr("随包下发名单（含个人信息）：%1")
                names = _tr("、").join(aside(label, file) for label, file in first.lists)
                lines.insert(-1, sent.replace("%1", names))
        if stopped is not None:
            why = self.tr("已取消。") if isinstance(stopped, Cancelled) else error_text(stopped)
            pending = batch.pending if batch is not None else self.wizard_.setup.chosen()
            names = "、".join(d.display_name for d in pending)
            lines += [
                "",
                why,
                self.tr("以下设备没有生成部署包（未留下不完整的文件）：%1").replace(
                    "%1", names or "—"
                ),
            ]
        if not written:
            self.setTitle(self.tr("未生成部署包"))
        elif stopped is not None:
            self.setTitle(self.tr("部分设备已生成部署包"))
        else:
            self.setTitle(self.tr("已生成部署包"))
        self.summary.setText("\n".join(lines))


class BriefingWizard(JobWizard):
    SETUP, RUN, RESULT = range(3)

    def __init__(
        self,
        tasks: Tasks,
        round_id: str | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成部署包"))
        self.tasks = tasks
        self.folder = folder or Path.home()
        self.setup = _SetupPage(self)
        self.run_page = JobPage(tasks, self._make_job)
        self.result_page = _ResultPage(self)
        self.add_job_pages(self.setup, self.run_page, self.tr("正在生成部署包"), self.result_page)
        self.offer_rounds(tasks, lambda rounds: self.setup.set_rounds(rounds, round_id))

    def _make_job(self) -> tuple[Job, str]:
        round_id = str(self.setup.round.currentData())
        targets = self.setup.targets()
        lists = self.setup.chosen_lists()
        label = self.tr("正在为 %1 生成部署包（第 %2 台，共 %3 台）…")
        exists = self.tr("文件已存在，不会覆盖：%1")

        def job(ws: Workspace, sink: ProgressSink, cancel: CancelToken) -> BriefingBatch:
            batch = BriefingBatch()
            for done, (device, path) in enumerate(targets):
                sink(
                    done,
                    len(targets),
                    label.replace("%1", device.display_name)
                    .replace("%2", str(done + 1))
                    .replace("%3", str(len(targets))),
                )
                try:
                    cancel.raise_if_cancelled()
                    if path.exists():  # appeared since the check: never replaced
                        raise UsageError(exists.replace("%1", str(path)))
                    result = ws.call(
                        build_briefing,
                        round_id,
                        [device.device_id],
                        path,
                        lists=lists,
                        cancel=cancel,
                    )
                except Exception as exc:  # the ones written stand; this one left no file
                    if not batch.written:
                        raise
                    batch.stopped = exc
                    batch.pending = [d for d, _p in targets[done:]]
                    return batch
                batch.written.append((device, result, path.stat().st_size))
            sink(len(targets), len(targets), "")
            return batch

        return job, self.tr("正在收集本轮数据并为各设备加密写入部署包…")
