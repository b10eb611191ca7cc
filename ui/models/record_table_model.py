"""One table model for every record list: rows load lazily by page through the DB worker.

The model keeps only the pages a view has asked for (Anki's browser keeps ids and caches rows),
so 100,000 letters open at once and scrolling to the end loads the last page, not everything in
between. Given a count, the first page comes without its total (counting a long list visits every
row it keeps: most of the wait at a million letters) and the rows show at once; the total follows
from its own call, and until then the table has the rows it holds. A reload bumps a generation
number, so a page or a total that arrives for an older query is dropped.

Each page is read in a transaction of its own, so a colleague's insert or void between two reads
shifts the rows under the list (issue #20). A page therefore comes with one row of each neighbour
(``offset - 1``, ``limit + 2``: no extra call), and a page whose edge rows are not the loaded
neighbours' rows, a record already shown on another page, or a page or total that disagrees with
the total, marks the list ``drifted``: that page is dropped and no more are read until a reload,
so a row is never shown twice or skipped without a word.

Sorting goes through the list service (a Column's ``sort_key`` is a key of the service's
``order``); the model keeps the chosen order and says when it changes, the page reloads with it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.tasks import Tasks

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[Any, int, int], Any]  # (session, offset, limit) -> services Page
Count = Callable[[Any], int]  # (session) -> the total of the same query


def display(value: Any) -> str:
    """How a view attribute shows in a cell: enum labels, local dates, no None."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return core_text(str(getattr(value, "label", value.value)))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return _tr("是") if value else _tr("否")
    if isinstance(value, Decimal):  # money, in 元: 57,820.00
        return f"{value:,.2f}"
    if isinstance(value, list | tuple):
        return _tr("、").join(display(v) for v in value)
    return str(value).replace("\n", " ")


def human_size(size: int) -> str:
    """1536 → "1.5 KB": file sizes as people read them."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return ""


def voided_mark() -> str:
    """What goes before the first column's text of a voided record's row."""
    return _tr("【已作废】")


def voided_text(view: Any) -> str:
    """“已作废：<理由>” for a voided record's view (lists with 显示已作废), "" otherwise."""
    meta = getattr(view, "meta", None)
    if meta is None or not getattr(meta, "deleted", False):
        return ""
    reason = getattr(meta, "void_reason", "")
    return _tr("已作废：%1").replace("%1", reason) if reason else _tr("已作废")


@dataclass(frozen=True)
class Column:
    key: str  # attribute of the view dataclass
    title: str  # already translated
    width: int = 120
    render: Callable[[Any], str] | None = None  # view → text, when one attribute is not enough
    sort_key: str | None = None  # the list service's ``order`` key; None: not sortable
    amount: bool = False  # money: right-aligned, and a number in an exported sheet

    def text(self, view: Any) -> str:
        return self.render(view) if self.render else display(getattr(view, self.key, None))

    def value(self, view: Any) -> Any:
        """What an exported sheet holds: an amount as its number (Excel sums it), else the
        text the table shows."""
        if self.amount and not self.render:
            return getattr(view, self.key, None)
        return self.text(view)


ROW_KEYS = ("id", "seq", "sha256")  # what names a row across reads: records, audit, attachments


def _key(view: Any) -> Any:
    """What names a row across two reads (a view with none of ``ROW_KEYS``: its text)."""
    for name in ROW_KEYS:
        value = getattr(view, name, None)
        if value is not None:
            return value
    return repr(view)


class RecordTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 50  # pages kept; the least recently used go first
    LOADING = "…"

    loaded = Signal(int)  # the rows the table has, when a reload's first page is in
    drifted = Signal()  # the list changed under the loaded pages: no more are read until a reload
    counted = Signal(int)  # the exact total, when it is known (with the first page or after)
    load_failed = Signal(object)
    order_changed = Signal(object)  # the list service's ``order``, or None for its default

    def __init__(self, tasks: Tasks, columns: list[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.columns = columns
        self._fetch: Fetch | None = None
        self._count: Count | None = None
        self._rows = 0  # rowCount: the total once known, until then the first page's rows
        self._total: int | None = 0
        self._pages: OrderedDict[int, tuple[Any, ...]] = OrderedDict()
        self._requested: set[int] = set()
        self._generation = 0
        self._drifted = False
        self._order: str | None = None

    # -- loading ---------------------------------------------------------------------------

    def set_query(self, fetch: Fetch, count: Count | None = None) -> None:
        """``fetch`` gives pages; with ``count`` they come without their total (``Page.total``
        None) and ``count`` gives it, in a call of its own after the first page."""
        self._fetch, self._count = fetch, count
        self.reload()

    def reload(self) -> None:
        if self._fetch is None:
            return
        self._generation += 1
        self._drifted = False
        generation, fetch, limit = self._generation, self._fetch, self.PAGE_SIZE + 1
        self._requested = {0}
        self.tasks.run(
            lambda s: fetch(s, 0, limit),  # and the next page's first row: is there more?
            lambda page: self._first_page(generation, page),
            self._failed,
        )

    def clear(self) -> None:
        """Drop every cached row, and any page still on its way."""
        self._generation += 1
        self._drifted = False
        self.beginResetModel()
        self._pages.clear()
        self._requested.clear()
        self._rows, self._total = 0, 0
        self.endResetModel()

    def _first_page(self, generation: int, page: Any) -> None:
        if generation != self._generation:
            return
        _lead, items, more = self._split(0, page.items)
        self.beginResetModel()
        self._pages.clear()
        self._pages[0] = items
        if page.total is not None:
            self._total = int(page.total)
        elif more is None:  # no row past the first page: it is the whole list
            self._total = len(items)
        else:
            self._total = None
        self._rows = len(items) if self._total is None else self._total
        self.endResetModel()
        if page.total is not None and not self._fits(0, items, more):
            self._drift()  # the count and the rows of one call disagree: a write in between
        if self._total is not None:
            self.counted.emit(self._total)
        elif self._count is not None:
            count = self._count
            self.tasks.run(count, lambda total: self._counted(generation, total), self._failed)
        self.loaded.emit(self._rows)

    def _counted(self, generation: int, total: int) -> None:
        """The total of the query of ``generation``: the rows past the first page appear. The
        first page had a row after it, so a total no larger means records went in between: the
        rows shown stay, and the list is marked changed."""
        if generation != self._generation:
            return  # a newer query's total is on its way
        if total <= self._rows:
            self._total = self._rows
            self.counted.emit(total)
            self._drift()
            return
        self._total = total
        self.beginInsertRows(QModelIndex(), self._rows, total - 1)
        self._rows = total
        self.endInsertRows()
        self.counted.emit(total)

    def _request(self, number: int) -> None:
        if number in self._requested or self._fetch is None or self._drifted:
            return
        self._requested.add(number)
        generation, fetch = self._generation, self._fetch
        offset = number * self.PAGE_SIZE - 1  # the previous page's last row…
        limit = self.PAGE_SIZE + 2  # …and the next page's first: in the same read
        if number == 0:
            offset, limit = 0, self.PAGE_SIZE + 1
        self.tasks.run(
            lambda s: fetch(s, offset, limit),
            lambda page: self._page(generation, number, page),
            self._failed,
        )

    def _page(self, generation: int, number: int, page: Any) -> None:
        if generation != self._generation or self._drifted:
            return
        self._requested.discard(number)
        lead, items, after = self._split(number, page.items)
        if not self._fits(number, items, after) or not self._joins(number, lead, items, after):
            self._drift()
            return
        self._pages[number] = items
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        first = number * self.PAGE_SIZE
        last = min(first + len(items), self._rows) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # -- the list changing under it --------------------------------------------------------

    def _split(self, number: int, rows: Any) -> tuple[Any, tuple[Any, ...], Any]:
        """A read of page ``number`` as (the previous page's last row, the page, the next
        page's first row), None where there is no such row."""
        rows = tuple(rows)
        lead, rows = (rows[0] if rows else None, rows[1:]) if number > 0 else (None, rows)
        after = rows[self.PAGE_SIZE] if len(rows) > self.PAGE_SIZE else None
        return lead, rows[: self.PAGE_SIZE], after

    def _fits(self, number: int, items: tuple[Any, ...], after: Any) -> bool:
        """The page is as long as the known total says, and has a row after it unless last."""
        if self._total is None:
            return True
        below = self._total - number * self.PAGE_SIZE
        return len(items) == min(self.PAGE_SIZE, max(below, 0)) and (
            (after is not None) == (below > self.PAGE_SIZE)
        )

    def _joins(self, number: int, lead: Any, items: tuple[Any, ...], after: Any) -> bool:
        """The page's edge rows are the loaded neighbours' edge rows, and none of its records
        is already shown on another page (an insert or void above it shifts the rows by one)."""
        before, following = self._pages.get(number - 1), self._pages.get(number + 1)
        if before and (lead is None or _key(lead) != _key(before[-1])):
            return False
        if following and (after is None or _key(after) != _key(following[0])):
            return False
        shown = {_key(v) for n, page in self._pages.items() if n != number for v in page}
        return not any(_key(v) in shown for v in items)

    def _drift(self) -> None:
        if not self._drifted:
            self._drifted = True
            self._requested.clear()
            self.drifted.emit()

    @property
    def stale(self) -> bool:
        """The list changed under the loaded pages: what is shown stays, nothing more loads."""
        return self._drifted

    def _failed(self, error: BaseException) -> None:
        self._requested.clear()
        self.load_failed.emit(error)

    # -- sorting ---------------------------------------------------------------------------

    @property
    def order(self) -> str | None:
        """What to pass as the list service's ``order``: "key", "-key" (descending) or None."""
        return self._order

    def set_order(self, order: str | None) -> bool:
        """Take ``order`` if one of the columns sorts by it (a remembered order may be stale);
        no signal: the caller loads the list next."""
        if order and order.removeprefix("-") not in self.sort_keys():
            return False
        self._order = order or None
        return True

    def sort_keys(self) -> list[str]:
        return [c.sort_key for c in self.columns if c.sort_key]

    def sort_section(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and direction the header's indicator shows, None for the default order."""
        if not self._order:
            return None
        key = self._order.removeprefix("-")
        for section, column in enumerate(self.columns):
            if column.sort_key == key:
                descending = self._order.startswith("-")
                return section, (
                    Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
                )
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort request (a header click): a column without a sort key does nothing."""
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        wanted = f"-{key}" if order == Qt.SortOrder.DescendingOrder else key
        if wanted != self._order:
            self._order = wanted
            self.order_changed.emit(wanted)

    # -- access ----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """The rows the table has: every row of the query, unless it is still ``counting``
        (then the first page's)."""
        return self._rows

    @property
    def counting(self) -> bool:
        """The first page is shown and the total is on its way."""
        return self._total is None

    @property
    def loaded_pages(self) -> int:
        return len(self._pages)

    def view_at(self, row: int) -> Any | None:
        """The record view on ``row`` if its page is loaded (else it is requested)."""
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            self._request(number)
            return None
        self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def loaded_view(self, row: int) -> Any | None:
        """The record view on ``row`` if its page is loaded, without asking for it."""
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number, ())
        return page[offset] if offset < len(page) else None

    def row_of(self, record_id: str) -> int | None:
        for number, page in self._pages.items():
            for offset, view in enumerate(page):
                if getattr(view, "id", None) == record_id:
                    return number * self.PAGE_SIZE + offset
        return None

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            view = self.view_at(index.row())
            if view is None:
                return "" if self._drifted else self.LOADING
            text = self.columns[index.column()].text(view)
            mark = voided_text(view)
            if mark and role == Qt.ItemDataRole.ToolTipRole:
                return f"{mark}\n{text}"
            if mark and index.column() == 0:
                return voided_mark() + text
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.columns[index.column()].amount:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            if not voided_text(self.view_at(index.row())):
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#8a8a8a")
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            view = self.view_at(index.row())
            return getattr(view, "id", None)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if self.columns[section].sort_key:
                return self.tr("点击按此列排序，再点一次倒序")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return str(section + 1)
