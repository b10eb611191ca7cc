"""转为问题线索… / 转为问题底稿… of a 比对疑点: what the core needs to make the record (the
subject's 职级 and the receiving unit of a clue; the 被巡察单位 and 名称 of a 底稿). The record and
its evidence (the matched rows as an encrypted .xlsx) are made in one unit of work on the DB
worker; a refusal is shown beside the field it names, or above the form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.dialogs.list_import_dialog import labelled
from ui.editors.fields import EnumCombo, TargetCombo
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.pages.datacheck_data import HitView
from ui.tasks import Tasks
from ui.widgets.form import Form
from workbench.errors import WorkbenchError
from workbench.services.hit_review import Converted, hit_to_clue, hit_to_finding
from workbench.vocab.enums import CadreLevel, ClueTransferUnit
from workbench.workspace import Workspace

# workspace -> Converted: a core conversion run by Workspace.write_with_attachments
Convert = Callable[[Workspace], Converted]


class HitConvertDialog(QDialog):
    converted = Signal(object)  # the core's Converted

    def __init__(self, tasks: Tasks, hit: HitView, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("hit_convert")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.tasks, self.hit = tasks, hit
        self.form = Form()
        note = note_label("hit_convert_note")
        note.setText(
            self.tr("比对到的数据将作为证据（加密的 Excel 文件）附上；新的疑点同时标为属实。")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(title)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        person = " ".join(p for p in (hit.subject_name, hit.subject_id_number) if p)
        subject = QLabel(labelled(core_text(hit.rule_title), person))
        subject.setWordWrap(True)  # beside its label, however long the rule's title
        self.form.add("hit", self.tr("疑点："), subject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def convert(self) -> Convert:
        raise NotImplementedError

    def run(self) -> None:
        self.form.clear_errors()
        convert = self.convert()
        self.ok_button.setEnabled(False)
        self.tasks.run_on_worker(
            lambda worker: convert(worker.workspace),
            self._done,
            self._refused,
        )

    def _done(self, result: Converted) -> None:
        self.converted.emit(result)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, WorkbenchError):
            self.form.show_error(error)  # beside its field, or in the banner
        else:
            self.form.banner.setText(error_text(error))
            self.form.banner.show()


class HitToClueDialog(HitConvertDialog):
    def __init__(self, tasks: Tasks, hit: HitView, parent: QWidget | None = None) -> None:
        super().__init__(tasks, hit, _tr("转为问题线索"), parent)
        self.level = EnumCombo(CadreLevel, blank=self.tr("（请选择）"))
        self.level.setObjectName("clue_level")
        self.position = QLineEdit()
        self.position.setObjectName("clue_position")
        self.unit = EnumCombo(ClueTransferUnit)
        self.unit.setObjectName("clue_unit")
        self.target = TargetCombo(tasks, hit.round_id)
        self.target.setObjectName("clue_target")
        self.form.add("subject_level", self.tr("干部管理权限："), self.level)
        self.form.add("subject_position", self.tr("职务："), self.position)
        self.form.add("transfer_unit", self.tr("移交单位："), self.unit)
        self.form.add("target_id", self.tr("被巡察单位："), self.target)

    def convert(self) -> Convert:
        hit_id, version = self.hit.id, self.hit.meta.version
        level, unit = self.level.value() or "", self.unit.value()
        position, target = self.position.text().strip(), self.target.value()
        return lambda ws: ws.write_with_attachments(
            hit_to_clue,
            hit_id,
            subject_level=level,
            transfer_unit=unit,
            subject_position=position,
            target_id=target,
            expected_version=version,
        )


class HitToFindingDialog(HitConvertDialog):
    def __init__(self, tasks: Tasks, hit: HitView, parent: QWidget | None = None) -> None:
        super().__init__(tasks, hit, _tr("转为问题底稿"), parent)
        self.target = TargetCombo(tasks, hit.round_id)
        self.target.setObjectName("finding_target")
        self.title = QLineEdit(f"{hit.rule_title}（{hit.subject_name}）")
        self.title.setObjectName("finding_title")
        self.amount = QLineEdit()
        self.amount.setObjectName("finding_amount")
        self.amount.setPlaceholderText(self.tr("元，可不填"))
        self.form.add("target_id", self.tr("被巡察单位："), self.target)
        self.form.add("title", self.tr("底稿名称："), self.title)
        self.form.add("amount", self.tr("涉及金额："), self.amount)

    def convert(self) -> Convert:
        hit_id, version = self.hit.id, self.hit.meta.version
        target, title = self.target.value() or "", self.title.text().strip()
        amount = self.amount.text().strip() or None
        return lambda ws: ws.write_with_attachments(
            hit_to_finding,
            hit_id,
            target_id=target,
            title=title,
            amount=amount,
            expected_version=version,
        )
