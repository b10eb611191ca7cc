"""The GB/T 9704-2012 公文 frame around a document's body: the 版头 (份号, 密级, 紧急程度, the red
发文机关标志, 发文字号 with 签发人 for 上行文, the red separator line), the 附件说明 and 附注, and
the 版记 (抄送机关, 印发机关和印发日期 between its lines).

Each type says in its ``DocSpec.frame`` who issues it and how (``FrameKind``); ``frame_values``
turns that, the office's settings (``frame_settings``) and the user's choices on the request
into display-ready text (``FrameValues``), which ``frame_page.apply_frame`` puts around the body
the type's render built. Office templates get the same values as placeholders
(``FRAME_FIELDS``), to place where their letterhead wants them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, make_dataclass
from datetime import date
from functools import cache
from typing import Any, Literal

from sqlalchemy.orm import Session

from workbench.reports.context import DocRequest, cn_number, fmt_date, issuer_body
from workbench.reports.frame_settings import FrameSettings, frame_settings
from workbench.services import rounds
from workbench.services.targets import get_target
from workbench.vocab.enums import MemberRole

Issuer = Literal["office", "team"]

URGENCIES = ("", "特急", "加急")


@dataclass(frozen=True)
class FrameKind:
    """Who issues a type and how: the 巡察办 or the 巡察组 of the scope (whose 发文机关标志 is
    built from the round's team), whether it carries a 发文字号, whether it is a 上行文 (then
    签发人) and its default 抄送; the 主送 is the render's own."""

    issuer: Issuer
    numbered: bool = True
    upward: bool = False
    # "discipline" (纪委监委), "organization" (组织部), "office" (巡察办), "team" (the scope's
    # 巡察组), "superior" (the target's 上级主管) or a name
    cc: tuple[str, ...] = ()


@dataclass(frozen=True)
class FrameValues:
    """The frame as printed; blanks are left out of the page."""

    copy_no: str = ""
    secrecy: str = ""
    urgency: str = ""
    mark: str = ""  # 发文机关标志
    number: str = ""  # 发文字号
    numbered: bool = True  # the type carries one: its line stays, blank, until it is drawn
    signer: str = ""  # 签发人 (上行文)
    upward: bool = False
    recipient: str | None = None  # 主送 override; None: the render's own
    attachments: tuple[str, ...] = ()
    note: str = ""  # 附注, without its brackets
    cc: tuple[str, ...] = ()
    printer: str = ""  # 印发机关
    print_date: str = ""  # 2026年6月1日印发


# the frame's placeholders in an office template: flat text fields next to the type's own
FRAME_FIELDS: dict[str, str] = {
    "urgency": "紧急程度",
    "issuer_mark": "发文机关标志",
    "doc_number": "发文字号",
    "signer": "签发人",
    "attachment_note": "附件说明",
    "note": "附注",
    "cc": "抄送机关",
    "printer": "印发机关",
    "print_date": "印发日期",
}


def template_fields(values: FrameValues) -> dict[str, str]:
    return {
        "urgency": values.urgency,
        "issuer_mark": values.mark,
        "doc_number": values.number,
        "signer": values.signer,
        "attachment_note": "\n".join(attachment_lines(values.attachments)),
        "note": note_text(values.note),
        "cc": cc_text(values.cc),
        "printer": values.printer,
        "print_date": values.print_date,
    }


@cache
def framed_type(context_cls: type) -> type:
    """The context dataclass of a framed type with the frame's placeholders added."""
    extra = [
        (name, str, field(default="", metadata={"label": label}))
        for name, label in FRAME_FIELDS.items()
    ]
    return make_dataclass(context_cls.__name__ + "Framed", extra, bases=(context_cls,), frozen=True)


def framed_context(ctx: Any, values: FrameValues) -> Any:
    cls = framed_type(type(ctx))  # type: ignore[arg-type]
    own = {f.name: getattr(ctx, f.name) for f in fields(ctx)}
    return cls(**own, **template_fields(values))


# -- the values --------------------------------------------------------------------------------


def _team(session: Session, request: DocRequest) -> rounds.TeamView | None:
    """The team a document of the scope is the team's: its target's, or the round's only one."""
    if not request.round_id:
        return None
    teams = rounds.list_teams(session, request.round_id)
    if request.target_id:
        found = next((t for t in teams if request.target_id in t.target_ids), None)
        if found is not None:
            return found
    return teams[0] if len(teams) == 1 else None


def _body(session: Session, request: DocRequest) -> str:
    if not request.round_id:
        return "县委"
    return issuer_body(rounds.get_round(session, request.round_id).term) or "县委"


def _leader(session: Session, team: rounds.TeamView | None) -> str:
    if team is None:
        return ""
    members = rounds.list_members(session, team.id)
    leaders = [m.name for m in members if m.role is MemberRole.LEADER]
    return leaders[0] if leaders else ""


def issuer_code(settings: FrameSettings, team: rounds.TeamView | None) -> str:
    """The 机关代字 (module docstring of frame_settings: the team's adds its number and 组)."""
    if team is None:
        return settings.office_code or "巡办"
    return f"{settings.team_code or '巡'}{cn_number(team.number)}组"


def issuer_mark(settings: FrameSettings, body: str, team: rounds.TeamView | None) -> str:
    if team is None:
        mark = settings.office_mark or f"中共{body}巡察工作领导小组办公室"
        return mark + settings.office_suffix
    return team_mark(settings, body, team.name)


def team_mark(settings: FrameSettings, body: str, team_name: str) -> str:
    """中共云川县委第二巡察组: the team prefix (else 中共 and the round's body), then the name."""
    prefix = settings.team_prefix or f"中共{body}"
    for k in range(len(prefix), 0, -1):  # 中共××县委 + 县委第一巡察组: 县委 only once
        if team_name.startswith(prefix[-k:]):
            return prefix[:-k] + team_name
    return prefix + team_name


def team_signature(settings: FrameSettings, term: str, team_name: str) -> str:
    """A team as it signs and is named outside the office: its 发文机关标志 without 中共
    (第二巡察组 → 云川县委第二巡察组 under the prefix 中共云川县委), so 署名 and 标志 agree."""
    return team_mark(settings, issuer_body(term) or "县委", team_name).removeprefix("中共")


def number_code(session: Session, kind: FrameKind, request: DocRequest) -> str:
    """The 机关代字 a document of this kind and scope is numbered under."""
    team = _team(session, request) if kind.issuer == "team" else None
    return issuer_code(frame_settings(session), team)


def default_cc(
    session: Session, kind: FrameKind, request: DocRequest, body: str
) -> tuple[str, ...]:
    """The 抄送 a type names (``FrameKind.cc``) as printed: 纪委监委 and 组织部 of the 县委 (or
    市委…) the round belongs to, its 巡察办, the 巡察组 and the target's 上级主管 of the scope;
    one that is not recorded is left out."""
    level = body[:-1] if body.endswith("委") else body  # 县委 → 县
    names = {
        "discipline": f"{level}纪委监委",
        "organization": f"{body}组织部",
        "office": f"{body}巡察工作领导小组办公室",
    }
    out = []
    for c in kind.cc:
        if c == "team":
            team = _team(session, request)
            out.append(team.name if team else "")
        elif c == "superior":
            out.append(
                get_target(session, request.target_id).parent_org if request.target_id else ""
            )
        else:
            out.append(names.get(c, c))
    return tuple(n for n in out if n)


def frame_values(
    session: Session,
    kind: FrameKind,
    request: DocRequest,
    *,
    copy_no: str,
    secrecy: str,
    date_text: str = "",
    attachment: str = "",
) -> FrameValues:
    """The frame of one export, without its 发文字号 (the export adds the one it drew).
    ``date_text`` is the document's 成文日期 as printed, which the 印发日期 repeats;
    ``attachment`` the 附件 the type appends after its body, which the 附件说明 names when the
    request names none."""
    settings = frame_settings(session)
    body = _body(session, request)
    team = _team(session, request) if kind.issuer == "team" else None
    mark = issuer_mark(settings, body, team)
    if request.cc is not None:
        cc = tuple(request.cc)
    else:
        cc = default_cc(session, kind, request, body)
        cc = tuple(dict.fromkeys((*cc, *settings.cc_list)))
    signer = request.signer.strip() or (_leader(session, team) if kind.upward else "")
    day = request.date or date.today()
    return FrameValues(
        copy_no=copy_no,
        secrecy=secrecy,
        urgency=request.urgency,
        mark=mark,
        signer=signer if kind.upward else "",
        upward=kind.upward,
        numbered=kind.numbered,
        recipient=request.recipient,
        attachments=tuple(a.strip() for a in request.attachments if a.strip())
        or ((attachment,) if attachment else ()),
        note=request.note.strip(),
        cc=cc,
        printer=settings.printer or mark.removesuffix(settings.office_suffix),
        print_date=f"{date_text or fmt_date(day)}印发",
    )


# -- text --------------------------------------------------------------------------------------


def attachment_lines(names: tuple[str, ...]) -> list[str]:
    """附件：1. 名称 / 2. 名称 …; a single attachment is not numbered. No closing punctuation."""
    names = tuple(re.sub(r"[。；;，,、]+$", "", n) for n in names)
    if len(names) == 1:
        return [f"附件：{names[0]}"]
    return [f"{'附件：' if i == 1 else ''}{i}. {n}" for i, n in enumerate(names, 1)]


def note_text(note: str) -> str:
    note = note.strip()
    if not note:
        return ""
    return note if note.startswith(("（", "(")) else f"（{note}）"


def cc_text(names: tuple[str, ...]) -> str:
    return f"抄送：{'，'.join(names)}。" if names else ""
