"""What a document dialog's 公文要素 section shows before the user changes anything: the
签发人 and 抄送 the frame would print for the request, the 发文字号 already issued to this
very document (for 沿用已发文号), and whether this user may draw a new one here. Read on the
DB worker."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.reports.context import DocRequest
from workbench.reports.frame import frame_values
from workbench.reports.numbers import Scope, issue_refusal, numbers_for
from workbench.reports.registry import resolve


@dataclass(frozen=True)
class FrameDefaults:
    """What the 公文要素 section shows before the user changes it: the 签发人 and 抄送 the
    frame would print, and the 发文字号 already issued to this very document."""

    signer: str
    cc: tuple[str, ...]
    numbers: tuple[str, ...]
    issue_refusal: str | None  # why 编发新文号 is not offered here (None: it is)


def frame_defaults(session: Session, request: DocRequest) -> FrameDefaults:
    spec, resolved = resolve(session, request)
    assert spec.frame is not None
    values = frame_values(session, spec.frame, resolved, copy_no="", secrecy="")
    scope = Scope(spec.code, resolved.round_id, resolved.target_id, resolved.record_id)
    issued = tuple(n.text for n in numbers_for(session, scope))
    return FrameDefaults(values.signer, values.cc, issued, issue_refusal(session))
