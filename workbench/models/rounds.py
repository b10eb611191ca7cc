"""A round of inspection, its teams and their members."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, EnumCode, RecordMixin
from workbench.vocab.enums import (
    ForceType,
    MemberRole,
    OrgLevel,
    PlanStatus,
    RoundPhase,
    RoundType,
)


class Round(RecordMixin, Base):
    """巡察轮次. Pins the framework version its findings are classified by."""

    __tablename__ = "rounds"

    name: Mapped[str] = mapped_column(String(120))
    term: Mapped[str] = mapped_column(String(40), default="")  # 届次, e.g. 十五届市委
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)  # 轮次
    round_type: Mapped[RoundType] = mapped_column(EnumCode(RoundType))
    start_date: Mapped[date | None] = mapped_column()
    end_date: Mapped[date | None] = mapped_column()
    authorization_no: Mapped[str] = mapped_column(String(80), default="")  # 授权文号
    framework_id: Mapped[str] = mapped_column(String(64))
    framework_version: Mapped[str] = mapped_column(String(32))
    phase: Mapped[RoundPhase] = mapped_column(
        EnumCode(RoundPhase),
        default=RoundPhase.PREPARATION,
        server_default=RoundPhase.PREPARATION.value,
    )
    # {phase code: [start ISO date or null, end ISO date or null]} as planned by the office
    phase_dates: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    dispatch_level: Mapped[OrgLevel] = mapped_column(
        EnumCode(OrgLevel), default=OrgLevel.CITY, server_default=OrgLevel.CITY.value
    )  # 派出层级: 提级巡察 is dispatched by the city
    topic: Mapped[str] = mapped_column(String(200), default="", server_default="")  # 专项主题
    plan_status: Mapped[PlanStatus] = mapped_column(
        EnumCode(PlanStatus), default=PlanStatus.NONE, server_default=PlanStatus.NONE.value
    )  # 专项巡察工作方案: 报备 → 审核
    plan_note: Mapped[str] = mapped_column(Text, default="", server_default="")  # 审核意见
    revisit_of: Mapped[str | None] = mapped_column(String(36))  # 回头看: the round looked back on


class Team(RecordMixin, Base):
    """巡察组."""

    __tablename__ = "teams"

    number: Mapped[int] = mapped_column(Integer)  # 组号
    name: Mapped[str] = mapped_column(String(80))
    target_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    level: Mapped[OrgLevel] = mapped_column(
        EnumCode(OrgLevel), default=OrgLevel.CITY, server_default=OrgLevel.CITY.value
    )  # 市级组, or a county group (1托N, 联动)
    county: Mapped[str] = mapped_column(String(60), default="", server_default="")  # 所属县（区）
    lead_team_id: Mapped[str | None] = mapped_column(String(36))  # 1托N/联动: the leading city team
    # 信访渠道 published in the 公告: 值班电话, 邮政信箱, 邮箱… (rounds.TeamContact's fields)
    contact: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")


class Member(RecordMixin, Base):
    """组员 of a team; ``user_id`` links the store user who works as this member, if any."""

    __tablename__ = "members"

    name: Mapped[str] = mapped_column(String(40))
    original_unit: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[MemberRole] = mapped_column(EnumCode(MemberRole))
    force_type: Mapped[ForceType] = mapped_column(EnumCode(ForceType))
    recusal: Mapped[str] = mapped_column(Text, default="")  # 回避申报: the reason
    user_id: Mapped[str | None] = mapped_column(String(36))
    home_level: Mapped[OrgLevel] = mapped_column(
        EnumCode(OrgLevel), default=OrgLevel.CITY, server_default=OrgLevel.CITY.value
    )
    home_county: Mapped[str] = mapped_column(String(60), default="", server_default="")
    # 回避: the targets and persons this member must not work on
    recusal_target_ids: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    recusal_person_ids: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
