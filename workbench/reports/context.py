"""What every document shares: the request, the base context, formatting and cached lookups.

A document is built in two steps: ``context(session, request)`` reads the records through the
services into a frozen dataclass of display-ready strings and lists, then either the built-in
GB/T 9704 layout or an office's docxtpl template renders that same context. So a template's
placeholders are exactly the context's field names (see ``templates.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.models import Attachment, DataHit, Evidence
from workbench.models.base import RecordMixin
from workbench.services import (
    activities,
    clues,
    findings,
    focus,
    interviews,
    letters,
    rectification,
    reports,
    rounds,
    targets,
    users,
)
from workbench.services.catalog import catalog
from workbench.services.common import MAX_PAGE, Page
from workbench.taxonomy import Framework, TaxonomyNotFound
from workbench.vocab.enums import Discipline, RoundPhase, Secrecy

T = TypeVar("T")

CN_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class DocRequest:
    """What to build: a document type and its scope. ``date`` is the 成文日期 the user chose
    (when None, each document takes its own default: see ``doc_date``); ``copy_no`` the 份号
    printed top left (blank: none). ``draft`` asks for the 征求意见稿 of a document built from
    底稿 (巡察报告, 反馈意见): unsigned 底稿 are included and every page is marked as a draft;
    otherwise only 已审签 底稿 reach it. ``names`` lets the 反馈意见 name individuals; by default
    a person's name is replaced by the post they hold. ``appendix`` asks a document that has one
    for its full detail as an 附件 after the body (政治画像: every item's 评价).

    The rest are the user's choices for the 公文 frame of a type that has one (frame.py):
    ``urgency`` 紧急程度 (特急/加急), ``signer`` 签发人 of a 上行文 (default: the team's 组长),
    ``recipient`` and ``cc`` override the type's 主送 and 抄送 (None: the defaults; ``cc=()``:
    none), ``attachments`` the names in the 附件说明, ``note`` the 附注; ``issue`` draws the next
    发文字号, ``number`` names one already issued to this document to print again."""

    doc_type: str
    round_id: str | None = None
    target_id: str | None = None
    record_id: str | None = None
    copy_no: str = ""
    date: date | None = None
    draft: bool = False
    appendix: bool = False
    names: bool = False
    urgency: str = ""
    signer: str = ""
    recipient: str | None = None
    cc: tuple[str, ...] | None = None
    attachments: tuple[str, ...] = ()
    note: str = ""
    issue: bool = False
    number: str = ""
    unit: str = ""  # the receiving unit a round's or target's 问题线索移交函 is addressed to


def F(label: str) -> Any:  # noqa: N802 - reads as a declaration, like dataclasses.field
    """A context field with its Chinese label (shown in template docs and starter templates)."""
    return field(metadata={"label": label})


@dataclass(frozen=True)
class DocContext:
    """Fields every document has: 标题, 密级 (e.g. 工作秘密), 份号 and 成文日期."""

    title: str = F("标题")
    secrecy: str = F("密级标志（如：工作秘密）")
    copy_no: str = F("份号")
    date: str = F("成文日期")


# -- formatting --------------------------------------------------------------------------------


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (headings never reach a hundred)."""
    if n < 10:
        return CN_DIGITS[n]
    if n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_DIGITS[tens]
    return f"{head}十{CN_DIGITS[ones] if ones else ''}"


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def parse_date(text: str) -> date | None:
    """2026年5月29日 → date(2026, 5, 29): the 成文日期 a context printed; None if not one."""
    found = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text.strip())
    if found is None:
        return None
    try:
        return date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def compact_date(text: str) -> str:
    """2026年6月18日 → 2026.6.18, for narrow table columns."""
    return re.sub(r"(\d{4})年(\d{1,2})月(\d{1,2})日", r"\1.\2.\3", text)


def fmt_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return f"{fmt_date(value)} {value:%H:%M}"


def fmt_amount(value: Decimal | int | None) -> str:
    """Yuan with two decimals and thousands separators; blank when unknown."""
    if value is None:
        return ""
    return f"{Decimal(value):,.2f}"


def fmt_wan(value: Decimal | int | None) -> str:
    """An amount as 公文 write it: 万元 from ten thousand yuan up (4.2万元, 123.45万元), yuan
    below (8500元, 312.5元); two decimals at most, trailing zeros dropped; blank when unknown."""
    if value is None:
        return ""
    amount = Decimal(value)
    unit = "元"
    if abs(amount) >= 10000:
        amount, unit = amount / 10000, "万元"
    text = f"{amount.quantize(Decimal('0.01')):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}{unit}"


def fmt_fen(fen: int) -> str:
    return fmt_amount(Decimal(fen) / 100)


def yes_no(flag: bool) -> str:
    return "是" if flag else "否"


def label(value: Any) -> str:
    """A LabeledEnum's Chinese label, blank for None."""
    return "" if value is None else str(getattr(value, "label", value))


def discipline_labels(codes: Iterable[str]) -> str:
    out = []
    for code in codes:
        try:
            out.append(Discipline.parse(code).label)
        except ValueError:
            out.append(code)
    return "、".join(out)


def doc_date(request: DocRequest, *defaults: date | datetime | None) -> str:
    """The 成文日期: the date the user chose, else the first known of ``defaults`` (the record's
    or the round's own date, which each document names), else today — a snapshot such as a
    ledger is dated the day it is made."""
    chosen = request.date or next((d for d in defaults if d is not None), None)
    return fmt_date(chosen or date.today())


def round_date(rnd: rounds.RoundView, phase: RoundPhase) -> date | None:
    """The day a round's document of ``phase`` is dated by default: the phase's start (its end
    when only that is recorded), else the round's end date; None for an undated round."""
    start, end = rnd.phase_dates.get(phase, (None, None))
    return start or end or rnd.end_date


def bare_round(name: str) -> str:
    """第六轮巡察 → 第六轮: so that titles can add 巡察 themselves without doubling it."""
    return name[:-2] if name.endswith("巡察") and len(name) > 2 else name


def issuer_body(term: str) -> str:
    """十五届县委 → 县委: the standing body, as it signs (届次 is not part of its name)."""
    return term.split("届", 1)[-1] if "届" in term else term


# -- reading -----------------------------------------------------------------------------------


def all_pages(list_fn: Callable[..., Page[T]], session: Session, **filters: Any) -> Iterator[T]:
    """Every item a list service returns, page by page (services cap a page at MAX_PAGE)."""
    offset = 0
    while True:
        page = list_fn(session, offset=offset, limit=MAX_PAGE, **filters)
        yield from page.items
        offset += len(page.items)
        if not page.items or offset >= page.counted:
            return


def record_number(
    getter: Callable[[Session, str], Any], session: Session, record_id: str | None
) -> str:
    """The number of a linked record through its ``get_x`` service; blank if none or deleted."""
    if not record_id:
        return ""
    try:
        return str(getter(session, record_id).number)
    except NotFound:
        return ""


def secrecy_mark(session: Session, model: type[RecordMixin], *conditions: Any) -> str:
    """The document's 密级 mark: 工作秘密 if any record in it is, else 内部. Inspection material
    is 工作秘密 unless marked otherwise, so a document with no records carries that."""
    query = select(model.secrecy).where(model.deleted_at.is_(None), *conditions).distinct()
    found = set(session.scalars(query))
    if found and Secrecy.WORK_SECRET.value not in found:
        return Secrecy.INTERNAL.label
    return Secrecy.WORK_SECRET.label


class Lookup:
    """Names of related records, each read once per document."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._rounds: dict[str, rounds.RoundView] = {}
        self._targets: dict[str, targets.TargetView | None] = {}
        self._teams: dict[str, str] = {}
        self._team_rounds: set[str] = set()
        self._users: dict[str, str] | None = None
        self._frameworks: dict[str, Framework | None] = {}
        self._methods = {m.code: m.title for m in catalog().work_methods()}

    def round(self, round_id: str) -> rounds.RoundView:
        if round_id not in self._rounds:
            self._rounds[round_id] = rounds.get_round(self.session, round_id)
        return self._rounds[round_id]

    def target(self, target_id: str | None) -> targets.TargetView | None:
        if not target_id:
            return None
        if target_id not in self._targets:
            try:
                self._targets[target_id] = targets.get_target(self.session, target_id)
            except NotFound:
                self._targets[target_id] = None
        return self._targets[target_id]

    def target_name(self, target_id: str | None) -> str:
        found = self.target(target_id)
        return found.name if found else ""

    def team_name(self, round_id: str | None, team_id: str | None) -> str:
        if not team_id or not round_id:
            return ""
        if round_id not in self._team_rounds:
            self._team_rounds.add(round_id)
            for team in rounds.list_teams(self.session, round_id):
                self._teams[team.id] = team.name
        return self._teams.get(team_id, "")

    def teams(self, round_id: str) -> list[rounds.TeamView]:
        return rounds.list_teams(self.session, round_id)

    def user_name(self, user_id: str | None) -> str:
        if self._users is None:
            self._users = {u.id: u.display_name for u in users.list_users(self.session)}
        return self._users.get(user_id or "", "")

    def method_title(self, code: str) -> str:
        return self._methods.get(code, code)

    def framework(self, round_id: str | None) -> Framework | None:
        if not round_id:
            return None
        if round_id not in self._frameworks:
            rnd = self.round(round_id)
            try:
                fw: Framework | None = catalog().framework(
                    rnd.framework_id, int(rnd.framework_version)
                )
            except (TaxonomyNotFound, ValueError):
                fw = None
            self._frameworks[round_id] = fw
        return self._frameworks[round_id]

    def classification(self, round_id: str | None, code: str) -> tuple[str, str, str]:
        """(方面, 类, full path) titles of a taxonomy code; blanks when unknown."""
        framework = self.framework(round_id)
        path = framework.lookup(code) if framework and code else None
        if not path:
            return "", "", code
        aspect = path[0].title
        category = path[1].title if len(path) > 1 else ""
        return aspect, category, "／".join(node.title for node in path)


def _describe(session: Session, kind: str, record_id: str) -> str:
    """``谈话记录 TH-2026-0001（李明）`` for a typed link to another record."""
    if kind == "interview":
        i = interviews.get_interview(session, record_id)
        return f"谈话记录 {i.number}（{i.subject_name}）"
    if kind == "letter":
        return f"信访件 {letters.get_letter(session, record_id).number}"
    if kind == "activity":
        a = activities.get_activity(session, record_id)
        return f"{a.activity_type.label} {fmt_date(a.held_at)}“{a.title}”"
    if kind == "finding":
        f = findings.get_finding(session, record_id)
        return f"问题底稿 {f.number}“{f.title}”"
    if kind == "clue":
        return f"问题线索 {clues.get_clue(session, record_id).number}"
    if kind == "rectification":
        return f"整改事项 {rectification.get_rectification(session, record_id).number}"
    if kind == "list_entry":
        return f"政策依据“{focus.get_list_entry(session, record_id).title}”"
    if kind == "report":
        return f"报告“{reports.get_report(session, record_id).title}”"
    if kind == "evidence":
        row = session.get(Evidence, record_id)
        if row is None or row.deleted_at is not None:
            raise NotFound()
        return f"佐证材料“{row.title}”"
    if kind == "data_hit":
        hit = session.get(DataHit, record_id)
        if hit is None or hit.deleted_at is not None:
            raise NotFound()
        return f"比对疑点“{hit.rule_title}”（{hit.subject_name}）"
    if kind == "attachment":
        attachment = session.get(Attachment, record_id)
        return f"附件“{attachment.name}”" if attachment else f"附件 {record_id[:12]}"
    return f"{kind} {record_id}"


def describe_ref(session: Session, kind: str, record_id: str) -> str:
    """A readable name for a linked record; a deleted or missing one is named as such."""
    try:
        return _describe(session, kind, record_id)
    except NotFound:
        return "（已删除的记录）"
