"""Records written the way the bulk importer writes them: SQLAlchemy Core, no ORM flush, so the
``after_flush`` indexing hook never sees them; their keys are queued in the same transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workbench.models import Interview, InterviewTurn, Letter
from workbench.services.index_queue import queue_for_index

MARKER = "蓝鲸湾码头"  # in no demo record: found only once the copies are indexed


def core_letters(session: Session, count: int, *, marker: str = MARKER) -> list[str]:
    """Copies of a demo letter with ``marker`` in the summary, inserted with Core and queued."""
    table = Letter.__table__
    template = dict(session.execute(select(table).limit(1)).mappings().one())
    rows: list[dict[str, Any]] = []
    for n in range(count):
        rows.append(
            {
                **template,
                "id": str(uuid.uuid4()),
                "number": f"XF-CORE-{n:05d}",
                "summary": f"群众反映{marker}第{n}号问题",
            }
        )
    session.execute(insert(table), rows)
    queue_for_index(session, [("letters", row["id"]) for row in rows])
    return [row["id"] for row in rows]


def core_interview(session: Session, answer: str) -> str:
    """A copy of a demo interview whose only turn holds ``answer``, inserted with Core, queued."""
    table = Interview.__table__
    template = dict(session.execute(select(table).limit(1)).mappings().one())
    interview_id = str(uuid.uuid4())
    session.execute(insert(table), [{**template, "id": interview_id, "summary": ""}])
    session.execute(
        insert(InterviewTurn.__table__),
        [
            {
                "id": str(uuid.uuid4()),
                "interview_id": interview_id,
                "seq": 1,
                "question": "请谈谈情况",
                "answer": answer,
            }
        ],
    )
    queue_for_index(session, [("interviews", interview_id)])
    return interview_id
