"""疑点: the hits the rules found, filtered by rule and status; the one selected shows its matched
rows side by side (a column per matched row) and the review steps — 排除… (with a reason), 待核实,
属实, 转为问题线索…, 转为问题底稿…. The core decides who may take each step; a step the user may
not take is disabled with the reason as its tooltip."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.hit_convert_dialog import HitConvertDialog, HitToClueDialog, HitToFindingDialog
from ui.dialogs.job_wizard import note_label
from ui.dialogs.list_import_dialog import labelled
from ui.dialogs.user_forms import roles_text
from ui.editors.fields import EnumCombo
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.pages.datacheck_data import DatacheckData, HitView, load_hits
from ui.pages.setup_data import fill_table, make_table, select_id, selected_id
from ui.tasks import Tasks
from workbench.services import Session
from workbench.services.datahits import get_hit
from workbench.services.hit_review import Converted, decide_hit, linked_records
from workbench.vocab.enums import DataListKind, HitStatus

if TYPE_CHECKING:
    from ui.pages.datacheck_page import DatacheckPage

STEPS = ("exclude", "pending", "confirmed", "to_clue", "to_finding")


def kind_label(code: str) -> str:
    try:
        return core_text(DataListKind.parse(code).label)
    except ValueError:
        return code


def record_text(linked: str) -> str:
    """“问题线索 XS-2026-0001” as the core names a record made from a hit, in the UI language."""
    kind, _space, number = linked.partition(" ")
    return f"{core_text(kind)} {number}".strip()


def side_by_side(hit: HitView) -> tuple[list[str], list[str], list[list[str]], int]:
    """The matched rows as (column titles, row titles, cells by row, how many rows name what
    the rule matched on): one column per matched row, titled by its kind of list; its source
    and row number first, the fields the rule matched on next, then the list's other columns
    when shown (as the file names them)."""
    titles = [kind_label(str(r.get("kind", ""))) for r in hit.rows]
    where = [
        _tr("%1 第 %2 行")
        .replace("%1", str(r.get("source", "")))
        .replace("%2", str(r.get("row_no", "")))
        for r in hit.rows
    ]
    keys: list[str] = []
    for r in hit.rows:
        keys += [label for label in r.get("key_fields") or {} if label not in keys]
    others: list[str] = []
    for r in hit.rows:
        others += [h for h in r.get("cells") or {} if h not in keys and h not in others]

    def value(r: dict[str, Any], label: str) -> str:
        found = (r.get("key_fields") or {}).get(label, (r.get("cells") or {}).get(label))
        return "" if found is None else str(found)

    labels = [_tr("名单来源"), *(core_text(k) for k in keys), *others]
    cells = [where, *([value(r, label) for r in hit.rows] for label in [*keys, *others])]
    return titles, labels, cells, 1 + len(keys)


class HitsTab(QWidget):
    record_opened = Signal(str, str)
    converted = Signal(str)  # the number of the clue or 底稿 made

    def __init__(self, tasks: Tasks, page: DatacheckPage) -> None:
        super().__init__()
        self.tasks, self.page = tasks, page
        self.hits: tuple[HitView, ...] = ()
        self.hit: HitView | None = None  # the one selected, as read (its rows, its version)
        self._opening: str | None = None  # a hit to show once the list has loaded
        self.linked: tuple[str, ...] = ()
        self.round: str | None = None
        self.rule = QComboBox()
        self.rule.setObjectName("hit_rule")
        self.rule.addItem(self.tr("全部规则"), None)
        self.rule.currentIndexChanged.connect(lambda _i: self.reload())
        self.status = EnumCombo(HitStatus, blank=self.tr("全部状态"))
        self.status.setObjectName("hit_status")
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("规则：")))
        filters.addWidget(self.rule, 2)
        filters.addWidget(QLabel(self.tr("状态：")))
        filters.addWidget(self.status, 1)
        filters.addWidget(self.count)
        filters.addStretch(1)
        self.table = make_table(
            "hits",
            [
                self.tr("规则"),
                self.tr("人员"),
                self.tr("状态"),
                self.tr("处理人"),
                self.tr("比对情况"),
            ],
        )
        # the summary takes the room left (its whole text in the tooltip and below)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)

        self.title = QLabel()
        self.title.setObjectName("hit_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.facts = note_label("hit_facts")
        self.notice = note_label("hit_notice")
        self.notice.setStyleSheet("color: #1b5e20;")
        self.matched = QTableWidget(0, 0)
        self.matched.setObjectName("hit_rows")
        self.matched.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matched.setWordWrap(True)
        self.matched.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matched.horizontalHeader().setMinimumSectionSize(160)
        self.buttons: dict[str, QPushButton] = {}
        steps = QHBoxLayout()
        for step, text in self._step_texts().items():
            button = QPushButton(text)
            button.setObjectName(f"hit_{step}")
            button.clicked.connect(lambda _c=False, s=step: self.take_step(s))
            self.buttons[step] = button
            steps.addWidget(button)
        steps.addStretch(1)
        self.open_button = QPushButton(self.tr("打开线索"))
        self.open_button.setObjectName("hit_open_record")
        self.open_button.clicked.connect(self.open_converted)
        steps.addWidget(self.open_button)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.facts)
        detail_layout.addWidget(self.matched, 1)
        detail_layout.addLayout(steps)
        detail_layout.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([230, 330])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self._show_hit(None)

    def _step_texts(self) -> dict[str, str]:
        return {
            "exclude": self.tr("排除…"),
            "pending": self.tr("待核实"),
            "confirmed": self.tr("属实"),
            "to_clue": self.tr("转为问题线索…"),
            "to_finding": self.tr("转为问题底稿…"),
        }

    # -- the list ------------------------------------------------------------------------------

    def show_data(self, data: DatacheckData, round_id: str | None) -> None:
        self.round = round_id
        kept = self.rule.currentData()
        self.rule.blockSignals(True)
        self.rule.clear()
        self.rule.addItem(self.tr("全部规则"), None)
        for rule in data.rules:
            self.rule.addItem(core_text(rule.title), rule.id)
        self.rule.setCurrentIndex(max(0, self.rule.findData(kept)))
        self.rule.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        round_id, rule_id, status = self.round, self.rule.currentData(), self.status.value()
        self.tasks.run(lambda s: load_hits(s, round_id, rule_id, status), self._loaded)

    def _loaded(self, hits: tuple[HitView, ...]) -> None:
        self.hits = hits
        rows = [
            (
                h.id,
                [
                    core_text(h.rule_title),  # as the rule said it then: a shipped one translated
                    " ".join(p for p in (h.subject_name, h.subject_id_number) if p),
                    core_text(h.status.label),
                    h.decided_by,
                    core_text(h.summary),  # a hit found before 0023: its Chinese as it is
                ],
            )
            for h in hits
        ]
        opening = self._opening  # kept until shown: the page's own refresh may load in between
        shown = opening or (self.hit.id if self.hit is not None else None)
        self.table.blockSignals(True)
        fill_table(self.table, rows)
        self.table.clearSelection()
        if shown is not None:  # a hit just decided may have left the filter: it stays shown
            select_id(self.table, shown)
        self.table.blockSignals(False)
        self.count.setText(self.tr("共 %1 条").replace("%1", str(len(hits))))
        if opening is not None:
            self._load_hit(opening)

    def select_hit(self, hit_id: str) -> None:
        select_id(self.table, hit_id)

    def open_hit(self, hit_id: str) -> None:
        """Show one hit whatever the filters were (a search result): they are cleared, and the
        hit is shown once the list has loaded."""
        self._opening = hit_id
        self.rule.blockSignals(True)
        self.rule.setCurrentIndex(0)
        self.rule.blockSignals(False)
        self.status.blockSignals(True)
        self.status.set_value(None)
        self.status.blockSignals(False)
        self.reload()

    def _selected(self) -> None:
        hit_id = selected_id(self.table)
        if hit_id is None:
            self._show_hit(None)
            return
        self._load_hit(hit_id)

    def _load_hit(self, hit_id: str) -> None:
        """Read the hit and the records made from it, and show them unless the user has
        selected another meanwhile (a hit just decided stays shown when it leaves the filter)."""

        def load(session: Session) -> tuple[HitView, tuple[str, ...]]:
            hit = get_hit(session, hit_id)
            return hit, linked_records(session, hit)

        def loaded(got: tuple[HitView, tuple[str, ...]]) -> None:
            if got[0].id == self._opening:
                self._opening = None
            if selected_id(self.table) in (got[0].id, None):
                self._show_hit(*got)

        self.tasks.run(load, loaded)

    # -- the hit selected ----------------------------------------------------------------------

    def _show_hit(self, hit: HitView | None, linked: tuple[str, ...] = ()) -> None:
        """``linked``: the live clue and 底稿 made from it (“问题线索 XS-2026-0001”)."""
        if hit is None or self.hit is None or hit.id != self.hit.id:
            self.notice.setText("")
        self.hit, self.linked = hit, linked
        if hit is None:
            self.title.setText(self.tr("选择一条疑点查看比对到的数据。"))
            self.facts.setText("")
            self.matched.setRowCount(0)
            self.matched.setColumnCount(0)
            self.matched.hide()
        else:
            self.matched.show()
            person = " ".join(p for p in (hit.subject_name, hit.subject_id_number) if p)
            self.title.setText(labelled(core_text(hit.rule_title), person))
            facts = [
                core_text(hit.summary),
                self.tr("定性提示：") + core_text(hit.qualification) if hit.qualification else "",
                self.tr("涉及纪律：") + core_text(hit.discipline) if hit.discipline else "",
                self._decision(hit),
            ]
            if not any(r.get("cells") for r in hit.rows):
                facts.append(self.tr("只显示与比对相关的列。"))
            self.facts.setText("\n".join(f for f in facts if f))
            titles, labels, cells, key_count = side_by_side(hit)
            self.matched.setColumnCount(len(titles))
            self.matched.setHorizontalHeaderLabels(titles)
            self.matched.setRowCount(len(labels))
            self.matched.setVerticalHeaderLabels(labels)
            bold = self.matched.font()
            bold.setBold(True)
            for r, values in enumerate(cells):
                for c, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    if 0 < r < key_count:  # what the rule matched on
                        item.setFont(bold)
                    self.matched.setItem(r, c, item)
            self.matched.resizeRowsToContents()
        self._update_steps()

    def _decision(self, hit: HitView) -> str:
        if hit.status is HitStatus.NEW:
            return ""
        text = self.tr("%1（%2）").replace("%1", core_text(hit.status.label))
        text = text.replace("%2", hit.decided_by or "—")
        if hit.reason:
            text += self.tr("理由：") + hit.reason
        return self.tr("处理情况：") + text

    def refusals(self, hit: HitView) -> dict[str, str]:
        """Each step the hit's state rules out, with the reason shown as its tooltip."""
        data = self.page.data
        if data is not None and not data.may_decide:
            why = self.tr("处理比对疑点需要以下角色之一：%1").replace(
                "%1", roles_text(data.deciders)
            )
            return dict.fromkeys(STEPS, why)
        refused: dict[str, str] = {}
        if data is not None and not data.may_draft:
            drafters = roles_text(data.drafters)
            refused["to_finding"] = self.tr("编制底稿需要以下角色之一：%1").replace("%1", drafters)
        if hit.status is HitStatus.EXCLUDED:
            refused["exclude"] = self.tr("已排除")
        if hit.status is HitStatus.PENDING:
            refused["pending"] = self.tr("已标为待核实")
        if hit.status is HitStatus.CONFIRMED:
            refused["confirmed"] = self.tr("已标为属实")
        if self.linked:  # while the record made from it stands (a voided one frees it)
            made = _tr("、").join(record_text(r) for r in self.linked)
            why = self.tr("疑点已转为%1，不能排除；如转错了，请先作废该记录")
            refused["exclude"] = why.replace("%1", made)
            again = self.tr("疑点已转为%1，不能重复转换").replace("%1", made)
            refused.update(to_clue=again, to_finding=refused.get("to_finding", again))
        elif hit.status is HitStatus.EXCLUDED:
            excluded = self.tr("疑点已排除；如需转换，请先将其改为待核实或属实")
            refused.update(to_clue=excluded, to_finding=refused.get("to_finding", excluded))
        return refused

    def _update_steps(self) -> None:
        hit = self.hit
        refused = self.refusals(hit) if hit is not None else {}
        tips = {
            "exclude": self.tr("排除此疑点，需说明理由"),
            "pending": self.tr("标为待核实"),
            "confirmed": self.tr("核实后标为属实"),
            "to_clue": self.tr("据此疑点新建问题线索，比对到的数据作为证据附上"),
            "to_finding": self.tr("据此疑点新建问题底稿，比对到的数据作为证据附上"),
        }
        for step, button in self.buttons.items():
            reason = refused.get(step, "")
            button.setEnabled(hit is not None and not reason)
            button.setToolTip(reason or tips[step])
        self.open_button.setVisible(hit is not None and bool(self.linked))
        if hit is not None and not hit.clue_id and hit.finding_id:
            self.open_button.setText(self.tr("打开底稿"))
        else:
            self.open_button.setText(self.tr("打开线索"))

    # -- the steps ------------------------------------------------------------------------------

    def take_step(self, step: str) -> None:
        hit = self.hit
        if hit is None:
            return
        hit_id, version = hit.id, hit.meta.version
        if step == "exclude":
            reason = self._ask_reason()
            if reason is None:
                return
            self._run(lambda s: decide_hit(s, hit_id, HitStatus.EXCLUDED, reason, version))
        elif step in ("pending", "confirmed"):
            status = HitStatus.parse(step)
            self._run(lambda s: decide_hit(s, hit_id, status, "", version))
        elif step == "to_clue":
            self.open_dialog(HitToClueDialog(self.tasks, hit, self))
        elif step == "to_finding":
            self.open_dialog(HitToFindingDialog(self.tasks, hit, self))

    def open_dialog(self, dialog: HitConvertDialog) -> HitConvertDialog:
        dialog.converted.connect(self._converted)
        dialog.open()
        return dialog

    def _converted(self, result: Converted) -> None:
        self.reload()
        self._load_hit(result.hit.id)
        made = self.tr("已转为问题线索 %1") if result.record_type == "clues" else None
        made = made or self.tr("已转为问题底稿 %1")
        self.notice.setText(made.replace("%1", result.number))
        self.converted.emit(result.number)

    def _ask_reason(self) -> str | None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("排除疑点"), self.tr("排除理由（必填）：")
        )
        if not ok:
            return None
        if not text.strip():
            QMessageBox.warning(self, self.tr("排除疑点"), self.tr("排除疑点须说明理由。"))
            return None
        return text.strip()

    def _run(self, work: Any) -> None:
        hit_id = self.hit.id if self.hit is not None else None

        def done(_result: Any) -> None:
            self.reload()
            if hit_id is not None:
                self._load_hit(hit_id)

        def refused(error: BaseException) -> None:
            QMessageBox.warning(self, _tr("不能执行此操作"), error_text(error))

        self.tasks.run(work, done, refused, write=True)

    def open_converted(self) -> None:
        hit = self.hit
        if hit is None:
            return
        if hit.clue_id:
            self.record_opened.emit("clue", hit.clue_id)
        elif hit.finding_id:
            self.record_opened.emit("finding", hit.finding_id)

    def clear(self) -> None:
        self.hits = ()
        self.table.setRowCount(0)
        self._show_hit(None)
