"""发文字号: 机关代字〔年份〕序号号, counted per 代字 and year from the store's register
(``document_numbers``), which is append-only.

A number is drawn in a write transaction of its own, with its ``document.number`` audit entry,
before the document is built: an export that fails afterwards, or a file thrown away, leaves the
number issued and the next draw takes the one after it. A re-export uses an issued number again
only when the user names it, and only for the same document type and scope.

Only the office store numbers (``issue_number`` refuses elsewhere): every store keeps its own
register and registers never travel, so a field laptop's numbers would clash with its team's
other laptops and with the office's. A team exports its document without a number and the
office numbers it. The year is the 成文日期's, and that date lies within a year of today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import PermissionDenied
from workbench.i18n import N_
from workbench.models.system import DocumentNumber, StoreMeta
from workbench.reports.errors import DocumentNumberInvalid, DocumentNumberNotIssued
from workbench.roles import Role
from workbench.store import audit
from workbench.store.separation import require_case_reader, session_roles

# who draws a number on the office store: 巡察办, or a 组长/副组长 who signs there
ISSUERS = frozenset({Role.OFFICE, Role.TEAM_LEADER, Role.DEPUTY_LEADER})
YEARS_AHEAD = 1  # a mistyped future date would reserve that year's first numbers
YEARS_BACK = 10  # a past round's document numbered late keeps its own year
_NUMBER = re.compile(r"^(?P<code>[^〔〕\s]+)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d{0,5})号$")


@dataclass(frozen=True)
class Scope:
    """What a number is issued for: the document type and the ids it was built from."""

    doc_type: str
    round_id: str | None
    target_id: str | None
    record_id: str | None


@dataclass(frozen=True)
class IssuedNumber:
    code: str
    year: int
    seq: int
    doc_type: str
    title: str
    round_id: str | None
    target_id: str | None
    record_id: str | None
    doc_date: date
    issued_by: str
    issued_at: datetime

    @property
    def text(self) -> str:
        return number_text(self.code, self.year, self.seq)


def number_text(code: str, year: int, seq: int) -> str:
    """×巡一组〔2026〕3号: the year in full, 〔〕 around it, the sequence without 第 or padding."""
    return f"{code}〔{year}〕{seq}号"


def parse_number(text: str) -> tuple[str, int, int]:
    found = _NUMBER.match(text.strip())
    if found is None:
        raise DocumentNumberInvalid(
            f"发文字号“{text}”格式不对，应如：×巡办〔2026〕3号", number=text
        )
    return found["code"], int(found["year"]), int(found["seq"])


def _view(row: DocumentNumber) -> IssuedNumber:
    return IssuedNumber(
        row.code,
        row.year,
        row.seq,
        row.doc_type,
        row.title,
        row.round_id,
        row.target_id,
        row.record_id,
        row.doc_date,
        row.issued_by or "",
        row.issued_at,
    )


def issue_number(
    session: Session, code: str, scope: Scope, title: str, doc_date: date
) -> IssuedNumber:
    """Draw the next number of ``code`` for the year of the 成文日期; call it in a write
    transaction of its own (``Vault.session()`` takes the write lock first, so two exports on
    one store never draw the same sequence, and the unique key refuses it if they did)."""
    require_issuer(session)
    year = checked_year(doc_date)
    last = session.scalar(
        select(func.max(DocumentNumber.seq)).where(
            DocumentNumber.code == code, DocumentNumber.year == year
        )
    )
    actor = session.info.get("actor")
    row = DocumentNumber(
        code=code,
        year=year,
        seq=(last or 0) + 1,
        doc_type=scope.doc_type,
        title=title,
        round_id=scope.round_id,
        target_id=scope.target_id,
        record_id=scope.record_id,
        doc_date=doc_date,
        issued_by=getattr(actor, "user_name", None),
    )
    session.add(row)
    session.flush()
    issued = _view(row)
    audit.record(
        session,
        "document.number",
        scope.doc_type,
        scope.record_id or scope.target_id or scope.round_id,
        {
            "number": issued.text,
            "code": code,
            "year": year,
            "seq": issued.seq,
            "title": title,
            "round_id": scope.round_id,
            "target_id": scope.target_id,
            "record_id": scope.record_id,
            "date": doc_date.isoformat(),
        },
    )
    return issued


def issue_refusal(session: Session) -> str | None:
    """Why the current user may not draw a number here (None: they may): only on the office
    store, and only 巡察办 or a 组长/副组长."""
    role = session.get(StoreMeta, "store_role")
    if role is None or role.value != "office":
        return N_("发文字号只能在巡察办数据库中编号：巡察组的文书请不带发文字号导出，交巡察办编号")
    if not ISSUERS & set(session_roles(session)):
        return N_("只有巡察办人员或组长、副组长可以编发文字号")
    return None


def require_issuer(session: Session) -> None:
    """Refuse a draw where ``issue_refusal`` gives a reason."""
    if (reason := issue_refusal(session)) is not None:
        raise PermissionDenied(reason, action="编发文字号")


def checked_year(doc_date: date, today: date | None = None) -> int:
    """The number's year: the 成文日期's, refused when it is more than a year ahead of today or
    ten years back (a mistyped date would otherwise reserve another year's numbers)."""
    this_year = (today or date.today()).year
    if not this_year - YEARS_BACK <= doc_date.year <= this_year + YEARS_AHEAD:
        raise DocumentNumberInvalid(
            f"成文日期 {doc_date.isoformat()} 超出可编号的年份（{this_year - YEARS_BACK}–"
            f"{this_year + YEARS_AHEAD} 年），不能按该年份编发文字号；请核对日期",
            date=doc_date.isoformat(),
        )
    return doc_date.year


def issued_for(session: Session, text: str, scope: Scope) -> IssuedNumber:
    """An issued number named for a re-export: refused unless it was issued for this type and
    scope (a number belongs to one document)."""
    code, year, seq = parse_number(text)
    row = session.scalars(
        select(DocumentNumber).where(
            DocumentNumber.code == code, DocumentNumber.year == year, DocumentNumber.seq == seq
        )
    ).first()
    if row is None:
        raise DocumentNumberNotIssued(
            f"发文字号“{text.strip()}”尚未签发，不能沿用；新编号请用 --issue", number=text
        )
    issued = _view(row)
    if (issued.doc_type, issued.round_id, issued.target_id, issued.record_id) != (
        scope.doc_type,
        scope.round_id,
        scope.target_id,
        scope.record_id,
    ):
        raise DocumentNumberNotIssued(
            f"发文字号“{issued.text}”已签发给另一份文书（{issued.title}），不能沿用",
            number=issued.text,
        )
    return issued


def list_numbers(
    session: Session, *, year: int | None = None, code: str | None = None
) -> list[IssuedNumber]:
    """The register; its titles name the targets, so it is case content (三员分立)."""
    require_case_reader(session_roles(session))
    query = select(DocumentNumber)
    if year is not None:
        query = query.where(DocumentNumber.year == year)
    if code:
        query = query.where(DocumentNumber.code == code)
    query = query.order_by(DocumentNumber.code, DocumentNumber.year, DocumentNumber.seq)
    return [_view(r) for r in session.scalars(query)]


def numbers_for(session: Session, scope: Scope) -> list[IssuedNumber]:
    """The numbers issued to one document (its type and scope), oldest first: what a re-export
    may print again (``issued_for`` checks the one named)."""
    query = select(DocumentNumber).where(
        DocumentNumber.doc_type == scope.doc_type,
        DocumentNumber.round_id.is_(None)
        if scope.round_id is None
        else DocumentNumber.round_id == scope.round_id,
        DocumentNumber.target_id.is_(None)
        if scope.target_id is None
        else DocumentNumber.target_id == scope.target_id,
        DocumentNumber.record_id.is_(None)
        if scope.record_id is None
        else DocumentNumber.record_id == scope.record_id,
    )
    query = query.order_by(DocumentNumber.issued_at, DocumentNumber.seq)
    return [_view(r) for r in session.scalars(query)]
