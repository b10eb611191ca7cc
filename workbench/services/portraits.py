"""政治画像: a catalog template's items rated for a unit, its leadership team or a person.

Also ``RecordRef``/``check_refs``, the typed links to other records that portrait evidence and
archive items carry.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from sqlalchemy.orm import Session

from workbench.errors import GradeContradiction, ValidationError
from workbench.models import (
    Activity,
    Attachment,
    Clue,
    Evidence,
    Finding,
    Interview,
    Letter,
    ListEntry,
    Person,
    Portrait,
    PortraitItem,
    Rectification,
    Report,
)
from workbench.models.base import Base, RecordMixin
from workbench.services.catalog import catalog
from workbench.services.common import (
    CASE_ROLES,
    Changes,
    Page,
    RecordMeta,
    apply_order,
    contains_text,
    enum_rank,
    get_live,
    optional_text,
    page,
    parse_enum,
    record_meta,
    records,
    require_role,
    required_text,
    void_record,
)
from workbench.services.rounds import check_version
from workbench.services.targets import require_round, require_target, require_team
from workbench.taxonomy import PortraitTemplate, TaxonomyNotFound
from workbench.vocab.enums import Grade, PortraitSubject
from workbench.vocab.labels import type_label

# -- references to other records ------------------------------------------------------------------

REF_MODELS: dict[str, tuple[type[Base], str]] = {
    "attachment": (Attachment, "附件"),
    "interview": (Interview, type_label("interview")),
    "letter": (Letter, "信访件"),
    "activity": (Activity, "工作记录"),
    "finding": (Finding, "问题底稿"),
    "evidence": (Evidence, "佐证材料"),
    "clue": (Clue, "问题线索"),
    "list_entry": (ListEntry, "清单条目"),
    "rectification": (Rectification, "整改事项"),
    "report": (Report, "报告"),
    "portrait": (Portrait, "政治画像"),
}


@dataclass(frozen=True)
class RecordRef:
    """A link to another record: ``type`` is a key of ``REF_MODELS``; an attachment's id is its
    SHA-256."""

    type: str
    id: str


def check_refs(
    session: Session, refs: Iterable[RecordRef], field_name: str
) -> list[dict[str, str]]:
    """Every ref must name a live record; stored as ``{"type", "id"}``, duplicates dropped."""
    out: list[dict[str, str]] = []
    for ref in refs:
        entry = REF_MODELS.get(ref.type)
        if entry is None:
            names = "、".join(label for _, label in REF_MODELS.values())
            raise ValidationError(f"引用类型“{ref.type}”无效，可选：{names}", field=field_name)
        model, label = entry
        key = ref.id.strip().lower() if model is Attachment else ref.id.strip()
        row = session.get(model, key) if key else None
        if row is None or (isinstance(row, RecordMixin) and row.deleted_at is not None):
            raise ValidationError(f"引用的{label}不存在（{ref.id}）", field=field_name)
        stored = {"type": ref.type, "id": key}
        if stored not in out:
            out.append(stored)
    return out


def refs_of(stored: Iterable[dict[str, Any]]) -> tuple[RecordRef, ...]:
    return tuple(RecordRef(str(r.get("type", "")), str(r.get("id", ""))) for r in stored)


# -- portraits ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PortraitDraft:
    subject_type: PortraitSubject | str
    target_id: str
    template_id: str = "zzhx"
    template_version: int | None = None  # None: the latest version
    subject_name: str = ""  # blank: the target's name, its 领导班子, or the person's name
    person_id: str | None = None  # for a person portrait, usually the 一把手
    team_id: str | None = None


@dataclass(frozen=True)
class PortraitItemView:
    item_code: str
    dimension: str  # the template's 方面 title
    title: str
    rating: Grade | None
    comment: str
    evidence_refs: tuple[RecordRef, ...]


@dataclass(frozen=True)
class PortraitView:
    id: str
    round_id: str | None
    team_id: str | None
    target_id: str | None
    subject_type: PortraitSubject
    subject_name: str
    person_id: str | None
    template_id: str
    template_version: str
    overall: Grade | None
    conclusion: str  # 综合评价
    usage_advice: str  # 运用建议
    items: tuple[PortraitItemView, ...]  # in template order
    meta: RecordMeta

    @property
    def rated(self) -> int:
        return sum(1 for i in self.items if i.rating is not None)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def complete(self) -> bool:
        return self.rated == self.total

    @property
    def completeness(self) -> float:
        """Share of items rated, 0.0–1.0."""
        return self.rated / self.total if self.total else 1.0

    @property
    def unrated_codes(self) -> tuple[str, ...]:
        return tuple(i.item_code for i in self.items if i.rating is None)


def _template(template_id: str, version: int | str | None) -> PortraitTemplate:
    try:
        return catalog().portrait_template(template_id, None if version is None else int(version))
    except (TaxonomyNotFound, ValueError):
        raise ValidationError(
            f"未找到政治画像模板 {template_id}@{version or '最新'}", field="template"
        ) from None


def _portrait_view(row: Portrait) -> PortraitView:
    by_code = {i.item_code: i for i in row.items}
    try:
        template = _template(row.template_id, row.template_version)
        order = [(t.code, d.title, t.title) for d in template.dimensions for t in d.items]
    except ValidationError:  # an office template since removed: still show what was rated
        order = [(code, "", code) for code in sorted(by_code)]
    items = tuple(
        PortraitItemView(code, dim, title, i.rating, i.comment, refs_of(i.evidence_refs))
        for code, dim, title in order
        if (i := by_code.get(code)) is not None
    )
    return PortraitView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        target_id=row.target_id,
        subject_type=row.subject_type,
        subject_name=row.subject_name,
        person_id=row.person_id,
        template_id=row.template_id,
        template_version=row.template_version,
        overall=row.overall,
        conclusion=row.conclusion,
        usage_advice=row.usage_advice,
        items=items,
        meta=record_meta(row),
    )


def _apply_subject(session: Session, row: Portrait, round_id: str, draft: PortraitDraft) -> None:
    subject = parse_enum(PortraitSubject, draft.subject_type, "subject_type", "画像对象类型")
    if not draft.target_id:  # required: a portrait is of a target, its 班子 or one of its people
        raise ValidationError("请选择被巡察对象", field="target_id")
    target = require_target(session, draft.target_id, round_id)
    person = None
    if draft.person_id is not None:
        if subject is not PortraitSubject.PERSON:
            raise ValidationError("只有个人画像才能关联人员", field="person_id")
        person = get_live(session, Person, draft.person_id, "人员")
        if person.target_id != target.id:
            raise ValidationError("所选人员不属于该被巡察对象", field="person_id")
    default = {
        PortraitSubject.UNIT: target.name,
        PortraitSubject.LEADERSHIP: f"{target.name}领导班子",
        PortraitSubject.PERSON: person.name if person else "",
    }[subject]
    row.subject_type = subject
    row.subject_name = required_text(
        draft.subject_name or default, "subject_name", "画像对象名称", 120
    )
    row.target_id = target.id
    row.person_id = person.id if person else None
    row.team_id = require_team(session, draft.team_id, round_id)


def create_portrait(session: Session, round_id: str, draft: PortraitDraft) -> PortraitView:
    """A portrait with every item of the template present and unrated."""
    require_round(session, round_id)
    template = _template(draft.template_id, draft.template_version)
    row = Portrait(
        round_id=round_id,
        template_id=template.id,
        template_version=str(template.version),
        overall=None,
        conclusion="",
    )
    _apply_subject(session, row, round_id, draft)
    row.items = [
        PortraitItem(item_code=i.code, rating=None, evidence_refs=[]) for i in template.items
    ]
    session.add(row)
    session.flush()
    return _portrait_view(row)


def update_portrait(
    session: Session, portrait_id: str, draft: PortraitDraft, *, expected_version: int | None = None
) -> PortraitView:
    """Change the subject; the template is fixed once items are keyed by its codes."""
    row = get_live(session, Portrait, portrait_id, "政治画像")
    check_version(row.version, expected_version)
    if draft.template_id != row.template_id or (
        draft.template_version is not None and str(draft.template_version) != row.template_version
    ):
        raise ValidationError("画像创建后不能更换模板，请新建画像", field="template")
    _apply_subject(session, row, row.round_id or "", draft)
    session.flush()
    return _portrait_view(row)


# -- the overall grade against its aspects ---------------------------------------------------------

GRADE_SCORES = {Grade.GOOD: 4, Grade.FAIRLY_GOOD: 3, Grade.FAIR: 2, Grade.POOR: 1}
SCORE_GRADES = {score: grade for grade, score in GRADE_SCORES.items()}


@dataclass(frozen=True)
class AspectScore:
    """One 方面 of a portrait: the mean score of its rated items (好 4, 较好 3, 一般 2, 差 1)."""

    title: str
    score: Fraction
    rated: int

    @property
    def grade(self) -> Grade:
        """The nearest grade, a half rounded up (3.5 is 好)."""
        return SCORE_GRADES[math.floor(self.score + Fraction(1, 2))]


def aspect_scores(items: Sequence[PortraitItemView]) -> tuple[AspectScore, ...]:
    """The 方面 that have rated items, in template order."""
    scores: dict[str, list[int]] = {}
    for item in items:
        if item.rating is not None:
            scores.setdefault(item.dimension, []).append(GRADE_SCORES[item.rating])
    return tuple(AspectScore(t, Fraction(sum(v), len(v)), len(v)) for t, v in scores.items())


def grade_contradiction(overall: Grade, items: Sequence[PortraitItemView]) -> str | None:
    """Why ``overall`` contradicts the item ratings, or None. The one rule (docs/documents.md):

    - an item rated 差 (存在严重问题) bars an overall 好;
    - the overall grade is one of the two grades either side of the mean of the 方面 scores
      (each 方面 the mean of its items, 好 4 … 差 1): a mean of 3.4 allows 较好 or 好, a mean
      of exactly 3 only 较好. So 差 with every item 好, or 好 with most 方面 一般, is refused.
    """
    if overall is Grade.GOOD:
        poor = next((i for i in items if i.rating is Grade.POOR), None)
        if poor is not None:
            where = f"{poor.dimension}方面的" if poor.dimension else ""
            return (
                f"总体评价“好”与各方面评价相矛盾：{where}“{poor.title}”评为“差”（存在严重问题），"
                "总体评价不能为“好”"
            )
    aspects = aspect_scores(items)
    if not aspects:
        return None
    mean = sum((a.score for a in aspects), Fraction(0)) / len(aspects)
    allowed = sorted({math.floor(mean), math.ceil(mean)}, reverse=True)
    if GRADE_SCORES[overall] in allowed:
        return None
    names = "或".join(f"“{SCORE_GRADES[n].label}”" for n in allowed)
    return (
        f"总体评价“{overall.label}”与各方面评价相矛盾：{len(aspects)}个方面的平均得分为"
        f"{float(mean):.2f}（好4分、较好3分、一般2分、差1分），总体评价应为{names}"
    )


def check_overall(view: PortraitView, *, hint: str = "") -> None:
    """Refuse a portrait whose overall grade its items contradict (``hint`` says what to do)."""
    if view.overall is None:
        return
    why = grade_contradiction(view.overall, view.items)
    if why is not None:
        raise GradeContradiction(why + hint, field="overall", portrait_id=view.id)


def _rating(value: Grade | str, template: PortraitTemplate) -> Grade:
    # the template may name its ratings by letter ("A" = 好); map those onto the Grade scale
    letter = next((r for r in template.ratings if r.code == value), None)
    return parse_enum(Grade, letter.title if letter else value, "rating", "评价等次")


def rate_item(
    session: Session,
    portrait_id: str,
    item_code: str,
    rating: Grade | str | None,
    comment: str = "",
    evidence_refs: Iterable[RecordRef] = (),
    *,
    expected_version: int | None = None,
) -> PortraitView:
    """Rate one item (``None`` clears the rating) with a comment and its evidence."""
    row = get_live(session, Portrait, portrait_id, "政治画像")
    check_version(row.version, expected_version)
    item = next((i for i in row.items if i.item_code == item_code), None)
    if item is None:
        raise ValidationError(
            f"模板 {row.template_id}@{row.template_version} 中没有条目“{item_code}”",
            field="item_code",
        )
    if rating is None and row.overall is not None:
        raise ValidationError("已给出总体评价，请先撤销总体评价再清除单项评价", field="rating")
    template = _template(row.template_id, row.template_version)
    grade = None if rating is None else _rating(rating, template)
    if grade is not None and row.overall is not None:  # the overall grade must still hold
        view = _portrait_view(row)
        items = tuple(
            replace(i, rating=grade) if i.item_code == item_code else i for i in view.items
        )
        check_overall(replace(view, items=items), hint="；请先调整总体评价")
    item.rating = grade
    item.comment = optional_text(comment, "comment", "评价说明")
    item.evidence_refs = check_refs(session, evidence_refs, "evidence_refs")
    session.flush()
    return _portrait_view(row)


def set_overall(
    session: Session,
    portrait_id: str,
    overall: Grade | str | None,
    conclusion: str | None = None,
    *,
    usage_advice: str | None = None,
    expected_version: int | None = None,
) -> PortraitView:
    """The overall grade sums up every item, so it is refused until all are rated, and when
    the items contradict it (``grade_contradiction``). ``None`` leaves a text as it is."""
    row = get_live(session, Portrait, portrait_id, "政治画像")
    check_version(row.version, expected_version)
    if overall is not None:
        missing = sum(1 for i in row.items if i.rating is None)
        if missing:
            raise ValidationError(f"尚有 {missing} 项未评价，不能给出总体评价", field="overall")
        template = _template(row.template_id, row.template_version)
        grade = _rating(overall, template)
        check_overall(replace(_portrait_view(row), overall=grade))
        row.overall = grade
    else:
        row.overall = None
    if conclusion is not None:
        row.conclusion = optional_text(conclusion, "conclusion", "综合评价")
    if usage_advice is not None:
        row.usage_advice = optional_text(usage_advice, "usage_advice", "运用建议")
    session.flush()
    return _portrait_view(row)


def get_portrait(session: Session, portrait_id: str) -> PortraitView:
    return _portrait_view(get_live(session, Portrait, portrait_id, "政治画像"))


# the sortable columns of the list (``order``: a key, "-" in front for descending)
PORTRAIT_ORDERS = {
    "subject_name": Portrait.subject_name,
    "subject_type": enum_rank(Portrait.subject_type, PortraitSubject),
    "overall": enum_rank(Portrait.overall, Grade),
}


def list_portraits(
    session: Session,
    *,
    round_id: str | None = None,
    target_id: str | None = None,
    team_id: str | None = None,
    subject_type: PortraitSubject | str | None = None,
    text: str | None = None,
    order: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[PortraitView]:
    """By name unless ``order`` names a key of ``PORTRAIT_ORDERS``; ``text`` searches the
    对象's name and the 结论."""
    query = records(Portrait, voided)
    if round_id is not None:
        query = query.where(Portrait.round_id == round_id)
    if target_id is not None:
        query = query.where(Portrait.target_id == target_id)
    if team_id is not None:
        query = query.where(Portrait.team_id == team_id)
    if subject_type is not None:
        kind = parse_enum(PortraitSubject, subject_type, "subject_type", "画像对象类型")
        query = query.where(Portrait.subject_type == kind)
    query = contains_text(query, text, Portrait.subject_name, Portrait.conclusion)
    query = apply_order(query, order, PORTRAIT_ORDERS, (Portrait.subject_name, Portrait.id))
    return page(session, query, _portrait_view, offset, limit, total)


def void_portrait(session: Session, portrait_id: str, reason: str) -> Changes:
    """作废 a portrait entered by mistake."""
    require_role(session, CASE_ROLES, "作废政治画像")
    void_record(session, get_live(session, Portrait, portrait_id, "政治画像"), reason)
    session.flush()
    return Changes.of("portrait", portrait_id)
