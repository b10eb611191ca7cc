"""数据比对 (大数据碰撞比对): the round's imported lists (导入名单… with the column mapping,
删除名单), the rules (运行比对 with progress and 取消) and the hits they found
(``datacheck_hits.py``: review, 排除/待核实/属实, 转为问题线索/底稿). The core decides who may do
what; a button the user's role may not press is disabled with the reason as its tooltip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.dialogs.list_import_dialog import ListImportDialog, ask_list_file, labelled
from ui.dialogs.user_forms import roles_text
from ui.errors import show_error
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.pages.datacheck_data import DatacheckData, load_datacheck
from ui.pages.datacheck_hits import HitsTab
from ui.pages.setup_data import fill_table, make_table, selected_id
from ui.tasks import Tasks
from ui.widgets.job_panel import JobPanel
from workbench.errors import Cancelled
from workbench.jobs import CancelToken, ProgressSink
from workbench.services import Session
from workbench.services.datahits import RunResult, run_rules
from workbench.services.datalists import RowsPage, SourceView, remove_source, source_rows

ROWS_SHOWN = 100  # raw rows shown of the selected list


def _day(value: Any) -> str:
    return f"{value:%Y-%m-%d}" if value else "—"


def _moment(value: Any) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def raw_refusal(data: DatacheckData) -> str:
    """Why a user without raw access may not import or see a list."""
    return _tr("名单含个人信息，只有巡察办授权的角色可以导入和查看：%1").replace(
        "%1", roles_text(data.raw_roles)
    )


class SourcesTab(QWidget):
    """名单: the round's imported lists, and the first rows of the one selected."""

    changed = Signal()

    def __init__(self, page: DatacheckPage) -> None:
        super().__init__()
        self.page = page
        self.import_button = QPushButton(self.tr("导入名单…"))
        self.import_button.setObjectName("import_list")
        self.import_button.clicked.connect(self.choose_file)
        self.remove_button = QPushButton(self.tr("删除名单…"))
        self.remove_button.setObjectName("remove_list")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.note = note_label("sources_note")
        self.table = make_table(
            "sources",
            [
                self.tr("名单类别"),
                self.tr("数据来源"),
                self.tr("数据日期"),
                self.tr("文件"),
                self.tr("行数"),
                self.tr("未导入行"),
                self.tr("导入人"),
                self.tr("导入时间"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.rows_title = QLabel()
        self.rows = make_table("source_rows", [])
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.table)
        self.below = QWidget()  # the rows of the list selected
        below_layout = QVBoxLayout(self.below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.rows_title)
        below_layout.addWidget(self.rows, 1)
        self.split.addWidget(self.below)
        self.split.setSizes([260, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.split, 1)
        layout.addStretch(0)  # takes the room when the lists are not shown
        self._showing: str | None = None

    def show_data(self, data: DatacheckData) -> None:
        rows = [
            (
                s.id,
                [
                    core_text(s.kind.label),
                    s.label,
                    _day(s.source_date),
                    s.file_name,
                    f"{s.rows:,}",
                    str(s.skipped) if s.skipped else "—",
                    *self._origin(s, data.received.get(s.id)),
                ],
            )
            for s in data.sources
        ]
        fill_table(self.table, rows)
        for row, source in enumerate(data.sources):
            if (sent := data.received.get(source.id)) is not None:
                tip = self.tr("巡察办（%1）于 %2 随部署包下发，%3 存入本机")
                tip = tip.replace("%1", sent[0]).replace("%2", _moment(sent[1]))
                for column in (6, 7):
                    item = self.table.item(row, column)
                    if item is not None:
                        item.setToolTip(tip.replace("%3", _moment(source.imported_at)))
        refusal = "" if data.raw else raw_refusal(data)
        self.import_button.setEnabled(data.raw)
        self.import_button.setToolTip(refusal or self.tr("从 Excel 或 CSV 文件导入一份名单"))
        if not data.raw:
            self.note.setText(refusal)
        elif not data.sources:
            self.note.setText(self.tr("本轮尚未导入名单。点击“导入名单…”选择 Excel 或 CSV 文件。"))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self.split.setVisible(data.raw)  # no empty boxes where nothing may be shown
        self._selected()

    def _origin(self, source: SourceView, sent: tuple[str, Any] | None) -> list[str]:
        """Who imported the list and when, or, for one a briefing brought, who sent it and when."""
        if sent is None:
            return [source.imported_by, _moment(source.imported_at)]
        return [self.tr("巡察办下发（%1）").replace("%1", sent[0]), _moment(sent[1])]

    def _selected(self) -> None:
        source_id = selected_id(self.table)
        data = self.page.data
        raw = data is not None and data.raw
        self.remove_button.setEnabled(raw and source_id is not None)
        if data is not None and not raw:
            self.remove_button.setToolTip(raw_refusal(data))
        else:
            self.remove_button.setToolTip(self.tr("删除所选名单及其全部数据行"))
        if source_id == self._showing:
            return
        self._showing = source_id
        self.rows.setRowCount(0)
        self.rows.setColumnCount(0)
        self.rows_title.setText("")
        self.below.setVisible(source_id is not None and raw)
        if source_id is None or not raw:
            return
        self.page.tasks.run(
            lambda s: source_rows(s, source_id, offset=0, limit=ROWS_SHOWN),
            lambda got: self._rows_loaded(source_id, got),
        )

    def _rows_loaded(self, source_id: str, page: RowsPage) -> None:
        if source_id != self._showing:
            return
        self.rows.setColumnCount(len(page.headers) + 1)
        self.rows.setHorizontalHeaderLabels([self.tr("行号"), *page.headers])
        self.rows.setRowCount(len(page.rows))
        for r, (row_no, cells) in enumerate(page.rows):
            self.rows.setItem(r, 0, QTableWidgetItem(str(row_no)))
            for c, value in enumerate(cells, 1):
                self.rows.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        total = page.total
        self.rows_title.setText(
            self.tr("名单内容（前 %1 行，共 %2 行）")
            .replace("%1", str(min(ROWS_SHOWN, total)))
            .replace("%2", f"{total:,}")
        )

    def choose_file(self) -> None:
        path = ask_list_file(self)
        if path is not None:
            self.open_import(path)

    def open_import(self, path: Any) -> ListImportDialog:
        data = self.page.data
        rounds = list(data.rounds) if data is not None else []
        dialog = ListImportDialog(self.page.tasks, path, rounds, self.page.round_id(), self)
        dialog.imported.connect(lambda _source, _rows: self.changed.emit())
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        source_id = selected_id(self.table)
        source = next((s for s in self.page.sources() if s.id == source_id), None)
        if source is None:
            return
        question = self.tr(
            "删除名单“%1”（%2，%3 行）？其数据行一并删除；已发现的疑点保留，各自带有比对行的副本。"
        )
        text = (
            question.replace("%1", source.label or source.file_name)
            .replace("%2", core_text(source.kind.label))
            .replace("%3", f"{source.rows:,}")
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("删除名单"), text, parent=self)
        box.setObjectName("remove_list_confirm")
        delete = box.addButton(self.tr("删除"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(
            lambda _r: self.remove(source.id) if box.clickedButton() is delete else None
        )
        box.open()

    def remove(self, source_id: str) -> None:
        self.page.tasks.run(
            lambda s: remove_source(s, source_id),
            lambda _none: self.changed.emit(),
            lambda error: show_error(self, error),
            write=True,
        )

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.rows.setRowCount(0)
        self._showing = None


class RulesTab(QWidget):
    """规则: what each rule matches, its 定性 hint and 纪律; 运行比对, all or the one selected."""

    ran = Signal()

    def __init__(self, page: DatacheckPage) -> None:
        super().__init__()
        self.page = page
        self.run_all_button = QPushButton(self.tr("运行全部规则"))
        self.run_all_button.setObjectName("run_all_rules")
        self.run_all_button.clicked.connect(lambda: self.run(None))
        self.run_one_button = QPushButton(self.tr("运行所选规则"))
        self.run_one_button.setObjectName("run_rule")
        self.run_one_button.clicked.connect(self.run_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_all_button)
        buttons.addWidget(self.run_one_button)
        buttons.addStretch(1)
        self.job = JobPanel()
        self.job.setObjectName("rules_job")
        self.job.setVisible(False)
        self.job.succeeded.connect(self._ran)
        self.job.failed.connect(self._failed)
        self.outcome = note_label("rules_outcome")
        self.table = make_table(
            "rules", [self.tr("规则"), self.tr("版本"), self.tr("来源"), self.tr("定性提示")]
        )
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.detail = note_label("rule_detail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.job)
        layout.addWidget(self.outcome)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 1)

    def show_data(self, data: DatacheckData) -> None:
        rows = [
            (
                r.id,
                [
                    core_text(r.title),  # a shipped rule's text is translated
                    str(r.version),
                    self.tr("内置") if r.shipped else self.tr("本办添加"),
                    core_text(r.qualification),
                ],
            )
            for r in data.rules
        ]
        fill_table(self.table, rows)
        self._selected()

    def _selected(self) -> None:
        rule_id = selected_id(self.table)
        rule = next((r for r in self.page.rules() if r.id == rule_id), None)
        if rule is None:
            self.detail.setText(self.tr("选择一条规则查看其说明。"))
        else:
            lists = _tr("、").join(core_text(kind.label) for kind in rule.kinds)
            parts = [
                core_text(rule.title),
                core_text(rule.description),
                self.tr("比对名单：") + lists,
                self.tr("定性提示：") + core_text(rule.qualification),
                self.tr("涉及纪律：") + core_text(rule.discipline),
            ]
            self.detail.setText("\n".join(p for p in parts if p))
        self._update()

    def why_not_run(self) -> str:
        """Why 运行比对 is unavailable now ("" when it is)."""
        data = self.page.data
        if data is None:
            return self.tr("正在读取…")
        if not data.raw:
            return raw_refusal(data)
        if self.page.round_id() is None:
            return self.tr("请先在工具栏选择巡察轮次：比对在一轮的名单之间进行")
        if not data.sources:
            return self.tr("本轮尚未导入名单")
        return ""

    def _update(self) -> None:
        why = self.why_not_run()
        idle = not self.job.running
        self.run_all_button.setEnabled(idle and not why)
        self.run_all_button.setToolTip(why or self.tr("用全部规则比对本轮的名单"))
        chosen = selected_id(self.table) is not None
        self.run_one_button.setEnabled(idle and not why and chosen)
        self.run_one_button.setToolTip(
            why or (self.tr("只运行所选的规则") if chosen else self.tr("请先选择一条规则"))
        )

    def run_selected(self) -> None:
        self.run(selected_id(self.table))

    def run(self, rule_id: str | None) -> None:
        round_id = self.page.round_id()
        if round_id is None or self.job.running:
            return

        def unit(session: Session, sink: ProgressSink, token: CancelToken) -> RunResult:
            return run_rules(session, round_id, rule_id=rule_id, progress=sink, cancel=token)

        self.outcome.setText("")
        self.job.setVisible(True)
        self.job.start_unit(self.page.tasks, unit, self.tr("正在比对…"))
        self._update()

    def _ran(self, result: RunResult) -> None:
        self.job.setVisible(False)
        titles = {r.id: core_text(r.title) for r in self.page.rules()}
        lines = [
            self.tr("比对完成：新发现疑点 %1 条，此前已发现 %2 条。")
            .replace("%1", str(result.new))
            .replace("%2", str(result.known))
        ]
        lines.append(
            _tr("；").join(
                labelled(titles.get(rule_id, rule_id), str(count))
                for rule_id, count in result.by_rule.items()
            )
        )
        self.outcome.setText("\n".join(lines))
        self.outcome.setStyleSheet("color: #1b5e20;")
        self._update()
        self.ran.emit()

    def _failed(self, error: BaseException) -> None:
        self.job.setVisible(False)
        self._update()
        if isinstance(error, Cancelled):
            self.outcome.setText(self.tr("已取消比对，未保存任何疑点。"))
            self.outcome.setStyleSheet("color: #b00020;")
            return
        self.outcome.setText("")
        show_error(self, error)

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.outcome.setText("")
        self.detail.setText("")


class DatacheckPage(QWidget):
    """The page itself: three tabs over the data of the round chosen in the toolbar."""

    record_opened = Signal(str, str)  # a clue or 底稿 made from a hit (the main window opens it)

    def __init__(
        self, tasks: Tasks, scope: Callable[[], dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("datacheck_page")
        self.tasks, self.scope = tasks, scope
        self.data: DatacheckData | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("datacheck_tabs")
        self.sources_tab = SourcesTab(self)
        self.rules_tab = RulesTab(self)
        self.hits_tab = HitsTab(tasks, self)
        self.tabs.addTab(self.sources_tab, self.tr("名单"))
        self.tabs.addTab(self.rules_tab, self.tr("规则"))
        self.tabs.addTab(self.hits_tab, self.tr("疑点"))
        self.sources_tab.changed.connect(self.refresh)
        self.rules_tab.ran.connect(self.refresh)
        self.hits_tab.record_opened.connect(self.record_opened)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

    def round_id(self) -> str | None:
        value = self.scope().get("round_id")
        return str(value) if value else None

    def sources(self) -> tuple[Any, ...]:
        return self.data.sources if self.data is not None else ()

    def rules(self) -> tuple[Any, ...]:
        return self.data.rules if self.data is not None else ()

    def refresh(self) -> None:
        round_id = self.round_id()
        self.tasks.run(lambda s: load_datacheck(s, round_id), self._loaded)

    def _loaded(self, data: DatacheckData) -> None:
        self.data = data
        self.sources_tab.show_data(data)
        self.rules_tab.show_data(data)
        self.hits_tab.show_data(data, self.round_id())

    def show_record(self, view: Any) -> None:
        """A hit opened from elsewhere (a search result), on the 疑点 tab."""
        self.show_tab("hits")
        self.hits_tab.open_hit(view.id)

    def show_tab(self, name: str) -> None:
        index = {"sources": 0, "rules": 1, "hits": 2}[name]
        self.tabs.setCurrentIndex(index)

    def clear(self) -> None:
        """Nothing of the lists stays on screen while the store is locked."""
        self.data = None
        self.sources_tab.clear()
        self.rules_tab.clear()
        self.hits_tab.clear()
