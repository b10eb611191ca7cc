"""大数据碰撞比对: the external lists an office collects, the rules that cross-check them and the
hits they find.

The lists (``data_sources`` and their ``data_rows``) are personal data that stay in the store that
imported them: they are not records and never travel on their own. A row keeps its cells as read
and, in typed columns, the normalised values the rules match on (which column means what for
each kind of list is ``workbench.datacheck.kinds``). A hit (``data_hits``) is a record like any
other: it travels, merges and is audited, and carries a copy of its matched rows so that the
office and the team see the same evidence without the lists.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, EnumCode, RecordMixin, new_id, utcnow
from workbench.vocab.enums import DataListKind, HitStatus


class DataSource(Base):
    """One imported list: its kind, its source (``label``: 县民政局), its date and round."""

    __tablename__ = "data_sources"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    round_id: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[DataListKind] = mapped_column(EnumCode(DataListKind), index=True)
    label: Mapped[str] = mapped_column(String(120))  # 数据来源
    source_date: Mapped[date | None] = mapped_column()  # 数据截止日期
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64))
    sheet: Mapped[str] = mapped_column(String(120), default="")
    headers: Mapped[list[str]] = mapped_column(JSON, default=list)  # as read, in column order
    mapping: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # field → column index
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    imported_by: Mapped[str | None] = mapped_column(String(36))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_by: Mapped[str | None] = mapped_column(String(36))


class DataRow(Base):
    """One row of a list: the cells as read (``cells``, in the source's column order) and the
    normalised values the rules match on. Integer ids: a list has up to millions of rows."""

    __tablename__ = "data_rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[str] = mapped_column(
        ForeignKey("data_sources.id", ondelete="CASCADE"), index=True
    )
    row_no: Mapped[int] = mapped_column(Integer)  # the spreadsheet's row number (1 = header)
    id_number: Mapped[str | None] = mapped_column(String(18))  # 18 digits, X upper case
    name: Mapped[str] = mapped_column(String(64), default="")  # normalised: 简体, no spaces
    place: Mapped[str] = mapped_column(String(120), default="")  # 村（社区）/乡镇, normalised
    org: Mapped[str] = mapped_column(String(200), default="")  # unit or company, normalised
    org_code: Mapped[str] = mapped_column(String(18), default="")  # 统一社会信用代码
    related_id: Mapped[str | None] = mapped_column(String(18))  # the person this row relates to
    related_name: Mapped[str] = mapped_column(String(64), default="")
    category: Mapped[str] = mapped_column(String(64), default="")  # 类别/职务/关系/角色
    date1: Mapped[date | None] = mapped_column()
    date2: Mapped[date | None] = mapped_column()
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    area1_centi: Mapped[int | None] = mapped_column(Integer)  # 亩 × 100
    area2_centi: Mapped[int | None] = mapped_column(Integer)
    cells: Mapped[list[str | None]] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_data_rows_id_number", "id_number"),
        Index("ix_data_rows_related_id", "related_id"),
        Index("ix_data_rows_org", "org"),
    )


class DataMapping(Base):
    """The column mapping a user confirmed, remembered per kind and source label."""

    __tablename__ = "data_mappings"

    kind: Mapped[DataListKind] = mapped_column(EnumCode(DataListKind), primary_key=True)
    label: Mapped[str] = mapped_column(String(120), primary_key=True)
    mapping: Mapped[dict[str, str]] = mapped_column(JSON)  # field → header text
    updated_by: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class DataRule(Base):
    """A rule the office added (the shipped ones live in ``resources/datacheck/rules.json``).
    A new version is a new row; the old one stays, since hits name the version they came from."""

    __tablename__ = "data_rules"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(default=None)


class DataHit(RecordMixin, Base):
    """A match a rule found. ``match_key`` names it by the rule and the matched rows' content, so
    a second run, or the same lists imported in another store, finds the same hit again."""

    __tablename__ = "data_hits"

    rule_id: Mapped[str] = mapped_column(String(32), index=True)
    rule_version: Mapped[int] = mapped_column(Integer)
    rule_title: Mapped[str] = mapped_column(String(200))
    match_key: Mapped[str] = mapped_column(String(64), index=True)
    subject_name: Mapped[str] = mapped_column(String(64), default="")
    subject_id_number: Mapped[str] = mapped_column(String(18), default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # 比对情况, in plain words
    # the summary's templates and fillers (workbench.i18n.wording_nodes), for the UI's language;
    # none on a hit found before 0024, which shows its Chinese summary as it is
    summary_wording: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=None)
    qualification: Mapped[str] = mapped_column(Text, default="")  # 定性提示
    discipline: Mapped[str] = mapped_column(Text, default="")  # 涉及纪律
    # The matched rows side by side: [{kind, source, row_no, key_fields: {label: value},
    # cells: {header: value}}]; ``cells`` is shown only to the roles that may see raw rows.
    rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[HitStatus] = mapped_column(EnumCode(HitStatus), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")  # 排除理由 or a note
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[datetime | None] = mapped_column()
    clue_id: Mapped[str | None] = mapped_column(String(36))
    finding_id: Mapped[str | None] = mapped_column(String(36))
