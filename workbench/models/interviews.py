"""个别谈话 with its question/answer transcript."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.models.base import Base, EnumCode, RecordMixin, new_id
from workbench.vocab.enums import InterviewType


class Interview(RecordMixin, Base):
    __tablename__ = "interviews"

    number: Mapped[str] = mapped_column(String(40), index=True)
    interview_type: Mapped[InterviewType] = mapped_column(EnumCode(InterviewType))
    held_at: Mapped[datetime] = mapped_column()
    place: Mapped[str] = mapped_column(String(120), default="")
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    interviewers: Mapped[list[str]] = mapped_column(JSON, default=list)  # ≥2: one asks, one records
    recorder: Mapped[str] = mapped_column(String(40))
    subject_name: Mapped[str] = mapped_column(String(40))
    subject_unit: Mapped[str] = mapped_column(String(120), default="")
    subject_position: Mapped[str] = mapped_column(String(80), default="")
    subject_political_status: Mapped[str] = mapped_column(String(40), default="")
    outline: Mapped[str] = mapped_column(Text, default="")  # 提纲
    summary: Mapped[str] = mapped_column(Text, default="")  # 摘要
    confirmed_on: Mapped[date | None] = mapped_column()  # 对象确认日期
    confirmation_sha256: Mapped[str | None] = mapped_column(String(64))  # signed scan

    turns: Mapped[list[InterviewTurn]] = relationship(
        back_populates="interview",
        cascade="all, delete-orphan",
        order_by="InterviewTurn.seq",
        lazy="selectin",
    )


class InterviewTurn(Base):
    """One question and its answer; part of the interview aggregate."""

    __tablename__ = "interview_turns"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    interview_id: Mapped[str] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")

    interview: Mapped[Interview] = relationship(back_populates="turns")
