"""冲突处理 (office): a record edited on two devices (or here and on a device) has several
current versions. They are shown side by side, field by field in words (labels, names, devices
by their enrolled name), differences highlighted; a person keeps one version, or picks 本机 or
来件 for each differing field and saves the merged result after a preview. The core makes the
result the new version above them all, or refuses a mix the rules refuse, with their reason."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.pages.exchange_support import run_core
from ui.tasks import Tasks
from workbench.exchange import (
    ConflictView,
    HeadView,
    MergePreview,
    list_conflicts,
    preview_merge,
    resolve_conflict,
)
from workbench.exchange.to_office.conflicts import VOID_FIELDS

DIFFERENT = QColor("#fff3cd")
CELL_LIMIT = 400


def side_text(head: HeadView) -> str:
    return _tr("本机") if head.local else _tr("来件")


def head_title(head: HeadView, between: str = "") -> str:
    """“版本 1（本机）：本机（巡察办），第 2 版（本库当前显示）”; ``between`` goes where a
    column's title breaks its lines (or it is cut off in English)."""
    base = _tr("版本 %1（%2）：").replace("%1", str(head.index)).replace("%2", side_text(head))
    device = core_text(head.device) if head.device else head.device_id[:8]
    base += between + _tr("%1，第 %2 版").replace("%1", device).replace("%2", str(head.version))
    if head.live:
        base += between + _tr("（本库当前显示）")
    if head.held:
        base += between + _tr("（提议：来件设备无权直接修改此记录）")
    if head.deleted:
        base += between + _tr("（已作废）")
    return base


def column_title(head: HeadView) -> str:
    """A version's column: “版本 1（本机）” and its state on short lines of their own (the
    device and the full state are in the legend above the table)."""
    lines = [_tr("版本 %1（%2）").replace("%1", str(head.index)).replace("%2", side_text(head))]
    if head.live:
        lines.append(_tr("（当前显示）"))
    if head.held:
        lines.append(_tr("（提议）"))
    if head.deleted:
        lines.append(_tr("（已作废）"))
    return "\n".join(lines)


def keep_text(head: HeadView) -> str:
    if head.local:
        return _tr("整体采用本机版本（版本 %1）").replace("%1", str(head.index))
    return _tr("整体采用来件版本（版本 %1）").replace("%1", str(head.index))


def choice_text(head: HeadView, count: int) -> str:
    """A version in a field's choice: 本机 / 来件, with its number when there are more than two."""
    if count == 2:
        return side_text(head)
    return _tr("版本 %1（%2）").replace("%1", str(head.index)).replace("%2", side_text(head))


def plain_tip(text: str) -> str:
    """A record value as a tooltip: Qt guesses rich text from a tooltip's look, so the value is
    escaped inside explicit rich text and shows as typed (``<img src=…>`` loads nothing)."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


class MergeDialog(QDialog):
    """The merged result before it is saved: each field's value and the version it comes from;
    a refusal by the rules is shown and the result cannot be saved."""

    def __init__(self, preview: MergePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_preview")
        self.setWindowTitle(self.tr("逐项合并结果预览"))
        self.resize(760, 520)
        conflict = preview.conflict
        intro = note_label()
        intro.setText(
            self.tr("保存后，%1“%2”将改为下表的内容；其他版本仍保留在版本记录中。")
            .replace("%1", core_text(conflict.type_label))
            .replace("%2", conflict.title)
        )
        self.table = QTableWidget(len(preview.rows), 2)
        self.table.setObjectName("merge_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setHorizontalHeaderLabels([self.tr("合并后的内容"), self.tr("取自")])
        self.table.setVerticalHeaderLabels([core_text(r.label) for r in preview.rows])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        heads = conflict.heads
        for r, row in enumerate(preview.rows):
            text = core_text(row.texts[0])
            item = QTableWidgetItem(text[:CELL_LIMIT])
            item.setToolTip(plain_tip(text))
            source = preview.sources.get(row.name)
            origin = QTableWidgetItem(
                choice_text(heads[source - 1], len(heads)) if source else self.tr("各版本相同")
            )
            if row.differs:
                for cell in (item, origin):
                    cell.setBackground(QBrush(DIFFERENT))
            self.table.setItem(r, 0, item)
            self.table.setItem(r, 1, origin)
        self.table.resizeRowsToContents()
        self.refusal = note_label("merge_refusal")
        self.refusal.setStyleSheet("color: #b00020;")
        if preview.refusal:
            self.refusal.setText(self.tr("不能保存：%1").replace("%1", core_text(preview.refusal)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存合并结果"))
        self.save_button.setEnabled(preview.refusal is None)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)


class ConflictsPage(QWidget):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.tasks = tasks
        self.conflicts: list[ConflictView] = []
        self.last_dialog: QWidget | None = None
        heading = QLabel(self.tr("冲突处理"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        intro = note_label()
        intro.setText(
            self.tr(
                "同一记录在两处被修改时，两个版本都保留在这里，由您比较后整体采用一个，"
                "或在“采用”一列逐项选定本机或来件，预览合并结果后保存；"
                "黄色底色的行是两个版本不同之处。"
            )
        )
        self.count_label = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("conflicts_list")
        self.list.currentRowChanged.connect(self._show)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("conflict_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget()
        self.table.setObjectName("conflict_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.keep_row = QHBoxLayout()
        self.keep_buttons: list[QPushButton] = []
        self.choices: dict[str, QComboBox] = {}  # differing field → its version's choice
        self.merge_button = QPushButton(self.tr("按所选逐项合并…"))
        self.merge_button.setObjectName("merge_fields")
        self.merge_button.clicked.connect(self.preview_merge)
        self.merge_button.setEnabled(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        self.legend = note_label("conflict_versions")
        right_layout.addWidget(self.legend)
        right_layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        actions.addLayout(self.keep_row)
        actions.addStretch(1)
        actions.addWidget(self.merge_button)
        right_layout.addLayout(actions)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 840])
        self.message = note_label("conflicts_message")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)

    # -- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.run(list_conflicts, self._loaded, self._failed)

    def clear(self) -> None:
        self.conflicts = []
        self.list.clear()
        self._show(-1)
        self.count_label.clear()

    def _loaded(self, conflicts: list[ConflictView]) -> None:
        current = self.current()
        self.conflicts = list(conflicts)
        self.list.blockSignals(True)
        self.list.clear()
        for c in conflicts:
            text = self.tr("%1：%2（%3 处不同）").replace("%1", core_text(c.type_label))
            item = QListWidgetItem(text.replace("%2", c.title).replace("%3", str(len(c.differing))))
            item.setData(Qt.ItemDataRole.UserRole, c.record_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.record_id for c in conflicts]
        row = ids.index(current.record_id) if current and current.record_id in ids else 0
        self.list.setCurrentRow(row if conflicts else -1)
        self._show(self.list.currentRow())
        self.count_label.setText(
            self.tr("待处理冲突 %1 条").replace("%1", str(len(conflicts)))
            if conflicts
            else self.tr("没有待处理的冲突。")
        )

    def current(self) -> ConflictView | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    # -- comparison -----------------------------------------------------------------------------

    def _show(self, row: int) -> None:
        for button in self.keep_buttons:
            button.deleteLater()
        self.keep_buttons = []
        self.choices = {}
        conflict = self.conflicts[row] if 0 <= row < len(self.conflicts) else None
        self.merge_button.setEnabled(conflict is not None)
        if conflict is None:
            self.title.clear()
            self.legend.clear()
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        title = self.tr("%1：%2").replace("%2", conflict.title)
        self.title.setText(title.replace("%1", core_text(conflict.type_label)))
        heads = conflict.heads
        rows = conflict.rows
        pick, merged = len(heads), len(heads) + 1  # the choice and the merged value columns
        self.table.clear()
        self.table.setColumnCount(len(heads) + 2)
        self.table.setRowCount(len(rows))
        self.legend.setText("\n".join(head_title(h) for h in heads))
        titles = [column_title(h) for h in heads] + [self.tr("采用"), self.tr("合并后")]
        self.table.setHorizontalHeaderLabels(titles)
        self.table.setVerticalHeaderLabels([core_text(r.label) for r in rows])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(pick, QHeaderView.ResizeMode.ResizeToContents)
        bold = QFont(self.table.font())
        bold.setBold(True)
        local = next(i for i, h in enumerate(heads) if h.local)
        for r, field in enumerate(rows):
            texts = [core_text(t) for t in field.texts]
            for c, text in enumerate(texts):
                self.table.setItem(r, c, self._cell(text, field.differs, bold))
            self.table.setItem(r, merged, self._cell(texts[local], field.differs, bold))
            if field.differs:
                box = QComboBox()
                box.setObjectName(f"choose_{field.name}")
                for head in heads:
                    box.addItem(choice_text(head, len(heads)), head.index)
                box.setCurrentIndex(local)
                box.currentIndexChanged.connect(
                    lambda i, r=r, name=field.name: self._chosen(r, name, i)
                )
                self.table.setCellWidget(r, pick, box)
                self.choices[field.name] = box
            else:
                self.table.setItem(r, pick, QTableWidgetItem(""))
        self.table.resizeRowsToContents()
        for head in heads:
            button = QPushButton(keep_text(head))
            button.setObjectName(f"keep_{head.index}")
            button.clicked.connect(lambda _=False, h=head.index: self.confirm_keep(h))
            self.keep_row.addWidget(button)
            self.keep_buttons.append(button)

    def _cell(self, text: str, differs: bool, bold: QFont) -> QTableWidgetItem:
        item = QTableWidgetItem(text[:CELL_LIMIT])
        item.setToolTip(plain_tip(text))
        if differs:
            item.setBackground(QBrush(DIFFERENT))
            item.setFont(bold)
        return item

    def _chosen(self, row: int, name: str, index: int) -> None:
        """Show the chosen version's value as the merged one; 作废 moves as one decision."""
        source = self.table.item(row, index)
        target = self.table.item(row, self.table.columnCount() - 1)
        if source is not None and target is not None:
            target.setText(source.text())
            target.setToolTip(source.toolTip())
        if name in VOID_FIELDS:
            for other in VOID_FIELDS:
                box = self.choices.get(other)
                if box is not None and box.currentIndex() != index:
                    box.setCurrentIndex(index)

    def chosen(self) -> dict[str, int]:
        """Each differing field → the version number picked for it."""
        return {name: int(box.currentData()) for name, box in self.choices.items()}

    # -- resolving ------------------------------------------------------------------------------

    def confirm_keep(self, keep: int) -> QMessageBox | None:
        conflict = self.current()
        if conflict is None:
            return None
        head = conflict.heads[keep - 1]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("确认采用此版本"),
            self.tr("采用“%1”？其他版本将被取代（仍保留在版本记录中）。").replace(
                "%1", head_title(head)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a device's display name is not markup
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("采用"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        record_id = conflict.record_id
        box.accepted.connect(lambda: self.resolve(record_id, keep))
        box.open()
        self.last_dialog = box
        return box

    def resolve(self, record_id: str, keep: int) -> None:
        def done(view: ConflictView) -> None:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(
                self.tr("已采用版本 %1：%2").replace("%1", str(keep)).replace("%2", view.title)
            )
            self.refresh()

        run_core(
            self.tasks, lambda ws: ws.call(resolve_conflict, record_id, keep), done, self._failed
        )

    def preview_merge(self) -> None:
        """Ask the core for the merged result of the current choices, then show it to confirm."""
        conflict = self.current()
        if conflict is None:
            return
        record_id, choices = conflict.record_id, self.chosen()
        self.tasks.run(
            lambda s: preview_merge(s, record_id, None, choices), self._previewed, self._failed
        )

    def _previewed(self, preview: MergePreview) -> None:
        dialog = MergeDialog(preview, self)
        record_id, choices = preview.conflict.record_id, dict(preview.sources)
        dialog.accepted.connect(lambda: self.resolve_fields(record_id, choices))
        dialog.open()
        self.last_dialog = dialog

    def resolve_fields(self, record_id: str, choices: dict[str, int]) -> None:
        def done(view: ConflictView) -> None:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(self.tr("已按所选逐项合并：%1").replace("%1", view.title))
            self.refresh()

        run_core(
            self.tasks,
            lambda ws: ws.call(resolve_conflict, record_id, None, choices),
            done,
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(error))
