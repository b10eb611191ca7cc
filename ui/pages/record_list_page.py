"""A list of records with a filter bar, a lazily loaded table and a read-only detail pane.

Each record page (letters, findings, clues, …) is this page configured with its columns, its
filters, the list service to call and how to describe one record. A click on a sortable column's
header sorts through the service; the sort is remembered per page, like the filter bar and the
columns' widths and order. The current view (filters and sort applied, every row, columns as
arranged) can be exported to .xlsx or printed (ui/pages/view_output.py).
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Container, Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import settings
from ui.errors import error_text
from ui.i18n import tr as _tr
from ui.models.record_table_model import Column, RecordTableModel, voided_mark, voided_text
from ui.tasks import Tasks
from ui.widgets.filter_bar import FilterBar, FilterSpec
from ui.widgets.header_fit import fit_header
from workbench.services import Session

# (session, offset, limit, filters) -> Page
ListService = Callable[..., Any]

# the filter bar's date range → the list service's own range, in order of preference (the CLI's
# --from/--to map the same way: workbench/cli/list_cmds.py)
DATE_RANGES = (("date_from", "date_to"), ("due_from", "due_to"))
EXPORT_PAGE = 1000  # rows fetched at a time for an export or a print (the services' MAX_PAGE)


class _Everything:
    def __contains__(self, _name: object) -> bool:
        return True


def keywords_of(service: ListService) -> Container[str]:
    """The keyword arguments ``service`` takes (everything, if it takes ``**kwargs``)."""
    parameters = inspect.signature(service).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return _Everything()
    return frozenset(p.name for p in parameters)


def date_range_of(accepts: Container[str]) -> tuple[str, str] | None:
    """The service's keywords for the filter bar's date range; None if it has no date."""
    return next(((low, high) for low, high in DATE_RANGES if low in accepts), None)


def count_text(total: int) -> str:
    """共 N 条 under a list. translate() with the class's context: self.tr in a base class would
    look the text up under the subclass's name (PySide), which lupdate never extracted. No count
    is passed: lupdate extracts the call as a plain message, which Qt does not return for n > 1.
    """
    return QCoreApplication.translate("RecordListPage", "共 %n 条").replace("%n", str(total))


class RecordListPage(QWidget):
    record_selected = Signal(object)  # the view, or None
    record_opened = Signal(str, str)  # (record type, id): show it on its own page

    def __init__(
        self,
        tasks: Tasks,
        *,
        page_key: str,
        title: str,
        columns: list[Column],
        filters: list[FilterSpec],
        list_service: ListService,
        describe: Callable[[Any], str],
        scope: Callable[[], dict[str, Any]] = dict,
        date_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``date_label`` names the list's date in the filter bar (收到日期, 反馈期限…); a list
        whose service takes no date range has none."""
        super().__init__(parent)
        self.setObjectName(page_key)
        self.tasks = tasks
        self.list_service = list_service
        self.accepts = keywords_of(list_service)  # a scope key the service lacks is left out
        self.page_key = page_key
        self.describe = describe
        self.scope = scope  # filters from the navigation (round, team, target)
        self._pinned: str | None = None  # a record shown on purpose, kept across reloads
        self._scroll_back: int | None = None  # the top row to return to once a reload is counted
        self._shown_filters: dict[str, Any] | None = None  # the view's, as last loaded
        self.heading = QLabel(title)
        self.heading.setObjectName("pageHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label = QLabel()
        self.date_keys = date_range_of(self.accepts)
        self.filter_bar = FilterBar(
            page_key,
            filters,
            date_label=(date_label or _date_word()) if self.date_keys else None,
            searchable="text" in self.accepts,
        )
        # 显示已作废: voided records too, marked with their reason (only where the service can)
        self.show_voided = QCheckBox(QCoreApplication.translate("RecordListPage", "显示已作废"))
        self.show_voided.setObjectName(f"{page_key}_show_voided")
        self.voided_supported = isinstance(self.accepts, frozenset) and "voided" in self.accepts
        if not self.voided_supported:
            self.show_voided.hide()
        self.show_voided.toggled.connect(self._voided_toggled)
        self.model = RecordTableModel(tasks, columns, self)
        self.table = QTableView()
        self.table.setObjectName(f"{page_key}_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        for i, column in enumerate(columns):  # at least its title (English titles are longer)
            fit_header(header, i, column.width)
        header.sectionClicked.connect(self._header_clicked)
        self._restore_columns()
        self._columns_moved = QTimer(self, singleShot=True, interval=400)  # once a drag ends
        self._columns_moved.timeout.connect(self.remember_columns)
        header.sectionResized.connect(lambda *_args: self._columns_moved.start())
        header.sectionMoved.connect(lambda *_args: self._columns_moved.start())
        self.model.set_order(settings.sort_key(page_key).get(settings.open_settings()))
        self._show_sort()
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setObjectName(f"{page_key}_detail")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.actions_row = QHBoxLayout()
        self.actions_row.addWidget(self.heading)
        self.actions_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.actions_row)
        # the filters, then 显示已作废 and the 作废… action (ui/pages/void_action.py): here, not
        # among the workflow buttons above, whose row is as wide as the window allows in English
        self.filters_row = QHBoxLayout()
        self.filters_row.addWidget(self.filter_bar, 1)
        self.filters_row.addWidget(self.show_voided)
        layout.addLayout(self.filters_row)
        layout.addWidget(self._drift_bar())
        layout.addWidget(split, 1)
        # under the list: its count, then what can be done with the whole view
        self.footer_row = QHBoxLayout()
        self.footer_row.addWidget(self.count_label, 1)
        self.export_button = QPushButton(
            QCoreApplication.translate("RecordListPage", "导出 Excel…")
        )
        self.export_button.setObjectName(f"{page_key}_export_view")
        self.export_button.setToolTip(
            QCoreApplication.translate("RecordListPage", "按当前筛选和排序导出全部行（文件不加密）")
        )
        self.export_button.clicked.connect(self.export_view)
        self.print_button = QPushButton(QCoreApplication.translate("RecordListPage", "打印…"))
        self.print_button.setObjectName(f"{page_key}_print_view")
        self.print_button.setToolTip(
            QCoreApplication.translate("RecordListPage", "按当前筛选和排序打印全部行")
        )
        self.print_button.clicked.connect(self.print_view)
        self.footer_row.addWidget(self.export_button)
        self.footer_row.addWidget(self.print_button)
        layout.addLayout(self.footer_row)
        self.filter_bar.changed.connect(lambda _values: self.refresh())
        self.model.loaded.connect(self._on_loaded)
        self.model.drifted.connect(self.drift_notice.show)
        self.model.dataChanged.connect(lambda *_args: self._select_pinned())
        self.model.counted.connect(self._on_counted)
        self.model.load_failed.connect(self._on_load_failed)
        self.model.order_changed.connect(self._on_order_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

    def _drift_bar(self) -> QWidget:
        """Said above the list when it changed under the pages already shown (a colleague's
        insert or void between two reads): the rows shown stay, no more load until 刷新."""
        self.drift_notice = QWidget()
        self.drift_notice.setObjectName(f"{self.page_key}_drift_notice")
        self.drift_notice.setStyleSheet("background: #fff4e5; color: #7a4500;")
        text = QLabel(
            QCoreApplication.translate(
                "RecordListPage", "列表已有变化（同事刚做了修改），按 F5 刷新"
            )
        )
        text.setWordWrap(True)
        reload = QPushButton(QCoreApplication.translate("RecordListPage", "刷新"))
        reload.setObjectName(f"{self.page_key}_drift_refresh")
        reload.clicked.connect(self.refresh)
        row = QHBoxLayout(self.drift_notice)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(text, 1)
        row.addWidget(reload)
        self.drift_notice.hide()
        return self.drift_notice

    def add_action(self, text: str, slot: Callable[[], object], name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.actions_row.addWidget(button)
        return button

    def _voided_toggled(self, on: bool) -> None:
        """【已作废】 goes before the first column's text: widen that column by as much, so the
        voided record's number stays readable (and narrow it again)."""
        mark = self.table.fontMetrics().horizontalAdvance(voided_mark())
        width = self.table.columnWidth(0)
        fit_header(self.table.horizontalHeader(), 0, width + mark if on else width - mark)
        self.refresh()

    def filters(self) -> dict[str, Any]:
        """The list service's keywords for the current view: scope, filter bar, 显示已作废,
        sort."""
        scope = {k: v for k, v in self.scope().items() if k in self.accepts}
        chosen = self.filter_bar.values()
        for bound, key in zip(("date_from", "date_to"), self.date_keys or (), strict=False):
            if bound in chosen:
                chosen[key] = chosen.pop(bound)
        filters = {**scope, **chosen}
        if self.voided_supported and self.show_voided.isChecked():
            filters["voided"] = True
        if self.model.order and "order" in self.accepts:
            filters["order"] = self.model.order
        return filters

    def refresh(self) -> None:
        """Load the view: the first page at once and, where the service can give them apart,
        its total after (counting a long list takes longer than its page). A list that changed
        under its pages reloads keeping the selected record and the rows in view."""
        filters = self.filters()
        self._scroll_back = None
        if self.model.stale and filters == self._shown_filters:
            self._keep_place()
        self._shown_filters = filters
        service = self.list_service
        if "total" not in self.accepts:
            self.model.set_query(
                lambda s, offset, limit: service(s, offset=offset, limit=limit, **filters)
            )
            return
        self.model.set_query(
            lambda s, offset, limit: service(s, offset=offset, limit=limit, total=False, **filters),
            lambda s: service(s, limit=0, **filters).counted,
        )

    # -- the whole view: export and print ---------------------------------------------------

    def view_columns(self) -> list[tuple[Column, int]]:
        """The columns as the user arranged them (moved, hidden), with their widths."""
        header = self.table.horizontalHeader()
        shown = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                shown.append((self.model.columns[logical], header.sectionSize(logical)))
        return shown

    def view_rows(self, cell: Callable[[Column, Any], Any]) -> Callable[[Any], Iterator[list[Any]]]:
        """Every row of the current view, page by page on the DB worker, each as ``cell`` makes
        its columns' values (a voided record's first cell marked, as the table marks it)."""
        filters, service = self.filters(), self.list_service
        columns = [column for column, _width in self.view_columns()]
        mark = voided_mark()

        def rows(session: Session) -> Iterator[list[Any]]:
            offset = 0
            while True:
                page = service(session, offset=offset, limit=EXPORT_PAGE, **filters)
                for view in page.items:
                    values = [cell(column, view) for column in columns]
                    if values and voided_text(view) and isinstance(values[0], str):
                        values[0] = mark + values[0]
                    yield values
                offset += len(page.items)
                if not page.items or offset >= page.counted:
                    return

        return rows

    def export_view(self) -> None:
        from ui.pages.view_output import export_view  # the export's dialogs, when asked

        export_view(self)

    def print_view(self) -> None:
        from ui.pages.view_output import print_view

        print_view(self)

    # -- the columns' widths and order, remembered per page -------------------------------------

    def remember_columns(self) -> None:
        header = self.table.horizontalHeader()
        keys = [c.key for c in self.model.columns]
        widths = {keys[i]: header.sectionSize(i) for i in range(len(keys))}
        if self.show_voided.isChecked():  # 【已作废】 widened the first column for now
            widths[keys[0]] -= self.table.fontMetrics().horizontalAdvance(voided_mark())
        order = [keys[header.logicalIndex(v)] for v in range(len(keys))]
        state = json.dumps({"order": order, "widths": widths})
        settings.columns_key(self.page_key).set(settings.open_settings(), state)

    def _restore_columns(self) -> None:
        """Widths and order by column key: a column added or removed since is simply left as
        it comes; the last column stretches, so its width is not restored."""
        raw = settings.columns_key(self.page_key).get(settings.open_settings())
        try:
            state = json.loads(raw) if raw else {}
            order = [str(k) for k in state.get("order", [])]
            widths = {str(k): int(v) for k, v in dict(state.get("widths", {})).items()}
        except (TypeError, ValueError, AttributeError):
            return
        header = self.table.horizontalHeader()
        keys = [c.key for c in self.model.columns]
        for target, key in enumerate(k for k in order if k in keys):
            header.moveSection(header.visualIndex(keys.index(key)), target)
        stretched = header.logicalIndex(len(keys) - 1)
        for logical, key in enumerate(keys):
            if key in widths and logical != stretched:
                fit_header(header, logical, widths[key])

    # -- sorting ---------------------------------------------------------------------------------

    def _header_clicked(self, section: int) -> None:
        """First click sorts ascending, the next one descending; other columns do nothing."""
        current = self.model.sort_section()
        order = Qt.SortOrder.AscendingOrder
        if current is not None and current == (section, Qt.SortOrder.AscendingOrder):
            order = Qt.SortOrder.DescendingOrder
        self.model.sort(section, order)
        self._show_sort()  # the header flips its indicator on any click: put the real one back

    def _show_sort(self) -> None:
        header = self.table.horizontalHeader()
        shown = self.model.sort_section()
        header.blockSignals(True)
        if shown is None:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            header.setSortIndicator(*shown)
        header.blockSignals(False)

    def _on_order_changed(self, order: str | None) -> None:
        settings.sort_key(self.page_key).set(settings.open_settings(), order or "")
        self.refresh()
        self.table.scrollToTop()

    def _on_load_failed(self, error: BaseException) -> None:
        self.count_label.setText(error_text(error))

    def _on_counted(self, total: int) -> None:
        self.count_label.setText(count_text(total))
        if self._scroll_back is not None and not self.model.stale:
            index = self.model.index(min(self._scroll_back, total - 1), 0)
            self._scroll_back = None
            self.table.doItemsLayout()  # the rows just added: until laid out, the range is short
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def _keep_place(self) -> None:
        """Before reloading a changed list: the selected record stays shown (and selected again
        when its row loads), and the rows in view come back into view once counted."""
        selected = self.current_view()
        if selected is not None:
            self._pinned = getattr(selected, "id", None)
        top = self.table.rowAt(0)
        self._scroll_back = top if top > 0 else None

    def _select_pinned(self) -> None:
        """A page came in: select the record shown on purpose if it is on it."""
        if not self._pinned or self.table.selectionModel().hasSelection():
            return
        row = self.model.row_of(self._pinned)
        if row is not None:
            self.table.selectRow(row)

    def _on_loaded(self, rows: int) -> None:
        """The first page is in (its total may still be on its way)."""
        self.drift_notice.setVisible(self.model.stale)  # a page and total of one call may differ
        if self.model.counting:
            self.count_label.setText(QCoreApplication.translate("RecordListPage", "正在统计条数…"))
        self.export_button.setEnabled(rows > 0)
        self.print_button.setEnabled(rows > 0)
        pinned_row = self.model.row_of(self._pinned) if self._pinned else None
        if pinned_row is not None:
            self.table.selectRow(pinned_row)
        elif self._pinned:
            pass  # the record shown on purpose left the filtered list: keep describing it
        elif rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        elif not rows:
            self.detail.setPlainText(
                QCoreApplication.translate("RecordListPage", "没有符合条件的记录。")
            )

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        view = self.model.view_at(rows[0].row()) if rows else None
        if view is not None and getattr(view, "id", None) != self._pinned:
            self._pinned = None  # the user moved on
        self.detail.setPlainText(self.described(view) if view is not None else "")
        self.record_selected.emit(view)

    def show_record(self, view: Any) -> None:
        """Show one record (opened from search, just changed by an action): selected if its row
        is loaded, described in the detail pane either way, and kept there across a reload."""
        self._pinned = getattr(view, "id", None)
        row = self.model.row_of(getattr(view, "id", ""))
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.detail.setPlainText(self.described(view))

    def described(self, view: Any) -> str:
        """The detail pane's text: a voided record says so, with its reason, first."""
        mark = voided_text(view)
        text = self.describe(view)
        return f"{mark}\n\n{text}" if mark else text

    def clear(self) -> None:
        """Forget every loaded record (the window is locking); filters stay."""
        self.model.clear()
        self.detail.clear()
        self.count_label.clear()

    def current_view(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.view_at(rows[0].row()) if rows else None


def _date_word() -> str:
    return _tr("日期")
