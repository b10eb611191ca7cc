"""Naming a 整改 follow-through record (整改方案/报告, 监督记录, 质效评估, 提醒函) without its UUID.
They carry no number of their own; each belongs to a target, so a script names one by the
target's name, a document also by its kind: ``县教育局党组/整改方案`` (or ``…/plan``). A name
that fits several live records (two supervision entries, a target of that name in two rounds)
is refused with the candidates, each with its id, as ``identifiers.resolve_record`` does."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import AmbiguousName, NotFound
from workbench.models import Round, Target
from workbench.services.common import live, parse_enum
from workbench.services.rectification_followup import VOIDABLE
from workbench.vocab.enums import RectificationDocKind

_SHOWN = 10


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def resolve_followup(session: Session, kind: str, text: str) -> str:
    """The id of the live follow-through record of ``kind`` (a ``VOIDABLE`` key) that ``text``
    names: its UUID, or its target's name (``name/kind`` for a document)."""
    model: Any
    model, label, _roles = VOIDABLE[kind]
    wanted = text.strip()
    if _is_uuid(wanted):
        return wanted.lower()  # the service says if no live record has it
    name, doc_kind = wanted, None
    if kind == "document":
        name, sep, tail = wanted.rpartition("/")
        if not sep:
            raise NotFound(
                f"请写出{label}的 id，或“被巡察单位/整改方案（或整改报告）”：{wanted}", field=kind
            )
        doc_kind = parse_enum(RectificationDocKind, tail.strip(), "kind", "材料类型")
    query = (
        live(model).join(Target, Target.id == model.target_id).where(Target.name == name.strip())
    )
    if doc_kind is not None:
        query = query.where(model.kind == doc_kind)
    rows = session.scalars(query.order_by(model.created_at, model.id)).all()
    if len(rows) == 1:
        return str(rows[0].id)
    if not rows:
        raise NotFound(
            f"未找到{label}“{wanted}”（请写 id 或被巡察单位名称）", field=kind, text=wanted
        )
    rounds = {rid: name for rid, name in session.execute(select(Round.id, Round.name))}
    shown = [
        f"{r.id}（{rounds.get(r.round_id, '')}，{r.created_at:%Y-%m-%d %H:%M} 录入）"
        for r in rows[:_SHOWN]
    ]
    raise AmbiguousName(
        f"“{wanted}”对应 {len(rows)} 条{label}：{'；'.join(shown)}。请改用 id",
        field=kind,
        candidates=[str(r.id) for r in rows],
    )
