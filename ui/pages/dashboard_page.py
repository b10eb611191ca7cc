"""概览: the round's figures and a few charts; a store with no round shows its first steps
instead (``widgets/first_run_checklist.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import show_error
from ui.i18n import core_text
from ui.tasks import Tasks
from ui.widgets.bar_chart import BarChart
from ui.widgets.first_run_checklist import FirstRunChecklist
from ui.widgets.round_header import RoundHeader
from workbench.services.clue_stats import ClueGroup, ClueStats
from workbench.services.stats import RoundStats, round_stats
from workbench.vocab.enums import ClueOutcomeKind, LetterCategory, LetterChannel


class Figure(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 22pt; font-weight: bold; color: #b71c1c;")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(title)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(caption)


class LinkFigure(Figure):
    """A figure that opens the records behind it."""

    clicked = Signal()

    def __init__(self, title: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ClueTable(QTableWidget):
    """线索处置情况: per receiving unit and per team, the clues, 移交, 逾期 and each outcome
    (立案数 …) — the figures reported upward every round."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clue_figures")
        self.kinds = list(ClueOutcomeKind)
        headers = [self.tr("分组"), self.tr("线索"), self.tr("已移交"), self.tr("逾期")]
        headers += [core_text(k.label) for k in self.kinds]
        self.setColumnCount(len(headers))
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for column, text in enumerate(headers):
            item = QTableWidgetItem(text)
            self.setHorizontalHeaderItem(column, item)
        header = self.horizontalHeader()
        # each column as wide as its title (an English outcome name is three times a Chinese
        # one), the last one taking what is left; too many for the window: the table scrolls
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def show_figures(self, figures: ClueStats) -> None:
        units = [g for g in figures.by_unit if g.clues]
        rows = [(core_text(g.label), g) for g in units]
        rows += [(g.label if g.key else self.tr("未分组"), g) for g in figures.by_team]
        self.setRowCount(len(rows))
        for r, (label, group) in enumerate(rows):
            for c, text in enumerate([label, *self._numbers(group)]):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, item)
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(len(rows)))
        self.setFixedHeight(height + 2 * self.frameWidth())

    def _numbers(self, group: ClueGroup) -> list[str]:
        counts = [group.clues, group.transferred, group.overdue]
        counts += [group.outcomes.get(k.value, 0) for k in self.kinds]
        return [str(n) for n in counts]


class DashboardPage(QWidget):
    overdue_requested = Signal()  # 线索反馈逾期 clicked: the clue list, to chase them (督办)
    rect_overdue_requested = Signal()  # 整改逾期 clicked: the ledger's overdue items (督办)

    def __init__(
        self,
        tasks: Tasks,
        scope: Callable[[], dict[str, Any]],
        parent: QWidget | None = None,
        *,
        office: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.tasks = tasks
        self.scope = scope
        heading = QLabel(self.tr("概览"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.header = RoundHeader(tasks, office)  # the round's phase; buttons for 巡察办
        self.figures = {
            "interviewees": Figure(self.tr("谈话人数")),
            "letters": Figure(self.tr("信访件")),
            "findings": Figure(self.tr("发现问题")),
            "clues": Figure(self.tr("问题线索")),
            "transferred": Figure(self.tr("已移交线索")),
            "immediate": Figure(self.tr("立行立改")),
            "rate": Figure(self.tr("整改完成率")),
            "overdue": LinkFigure(
                self.tr("线索反馈逾期"), self.tr("点击查看逾期未反馈的线索，逐条督办")
            ),
            "rect_overdue": LinkFigure(
                self.tr("整改逾期"), self.tr("点击查看逾期未销号的整改事项，逐项督办")
            ),
        }
        self.figures["overdue"].clicked.connect(self.overdue_requested)  # type: ignore[attr-defined]
        self.figures["rect_overdue"].clicked.connect(self.rect_overdue_requested)  # type: ignore[attr-defined]
        grid = QGridLayout()
        for i, figure in enumerate(self.figures.values()):
            grid.addWidget(figure, i // 4, i % 4)
        self.by_aspect = BarChart(self.tr("问题按监督重点（方面）分布"))
        self.by_channel = BarChart(self.tr("信访件按渠道分布"))
        self.by_category = BarChart(self.tr("信访件按分类分布"))
        self.clue_caption = QLabel(self.tr("线索处置情况（按接收单位、巡察组）"))
        self.clue_caption.setStyleSheet("font-weight: bold;")
        self.clue_table = ClueTable()
        self.checklist = FirstRunChecklist()
        self.figures_box = QWidget()  # hidden while the checklist stands in for it
        box = QVBoxLayout(self.figures_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(grid)
        for chart in (self.by_aspect, self.by_channel, self.by_category):
            box.addWidget(chart)
        box.addWidget(self.clue_caption)
        box.addWidget(self.clue_table)
        self.checklist.needed.connect(lambda needed: self.figures_box.setVisible(not needed))
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(heading)
        inner.addWidget(self.header)
        inner.addWidget(self.checklist)
        inner.addWidget(self.figures_box)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def clear(self) -> None:
        self.header.clear()
        for figure in self.figures.values():
            figure.value.setText("—")
        for chart in (self.by_aspect, self.by_channel, self.by_category):
            chart.set_items([])
        self.clue_table.setRowCount(0)

    def refresh(self) -> None:
        self.checklist.refresh(self.tasks)
        round_id = self.scope().get("round_id")
        self.header.refresh(round_id)
        self.tasks.run(
            lambda s: round_stats(s, round_id), self.show_stats, lambda e: show_error(self, e)
        )

    def show_stats(self, st: RoundStats) -> None:
        values = {
            "interviewees": str(st.interviewees),
            "letters": str(st.letters),
            "findings": str(st.findings),
            "clues": str(st.clues),
            "transferred": str(st.clues_transferred),
            "immediate": str(st.immediate_fixes),
            "rate": f"{st.rectification_rate:.0%}",
            "overdue": str(st.clues_overdue),
            "rect_overdue": str(st.rectifications_overdue),
        }
        for key, text in values.items():
            self.figures[key].value.setText(text)
        self.figures["findings"].setToolTip(
            self.tr("只计已审签的底稿；另有 %1 份底稿尚未审签").replace(
                "%1", str(st.findings_unsigned)
            )
        )
        self.by_aspect.set_items([(c.title, c.count, str(c.count)) for c in st.findings_by_aspect])
        self.clue_table.show_figures(st.clue_figures)
        channels = {c.value: core_text(c.label) for c in LetterChannel}
        self.by_channel.set_items(
            [
                (channels.get(k, k), n, str(n))
                for k, n in sorted(st.letters_by_channel.items(), key=lambda kv: -kv[1])
            ]
        )
        categories = {c.value: core_text(c.label) for c in LetterCategory}
        self.by_category.set_items(
            [
                (categories.get(k, self.tr("未分类")), n, str(n))
                for k, n in sorted(st.letters_by_category.items(), key=lambda kv: -kv[1])
            ]
        )
