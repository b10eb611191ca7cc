"""Turn one taxonomy file into a frozen document, dispatching on its ``schema`` header."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypedDict

from workbench.taxonomy.model import (
    Aspect,
    AttentionLevel,
    Category,
    Discipline,
    DisciplineSet,
    Document,
    FocusItem,
    FocusList,
    Framework,
    Manifestation,
    PortraitDimension,
    PortraitItem,
    PortraitTemplate,
    Rating,
    RecordKind,
    TargetKind,
    TargetSubtype,
    TargetTypes,
    WorkMethod,
    WorkMethodSet,
)
from workbench.taxonomy.reader import Fields, read_json

SCHEMA_PREFIX = "workbench.taxonomy/"

_SLUG_RE = re.compile(r"[a-z][a-z0-9_]*")
_ID_RE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RECORD_KINDS: tuple[RecordKind, ...] = ("interview", "letter", "activity", "other")
# These series have exactly one id, so "the latest 六项纪律" is never ambiguous.
_SINGLETON_IDS = {"disciplines", "work_methods", "targets"}


class Header(TypedDict):
    """The fields every Document shares, splatted into each document's constructor."""

    id: str
    version: int
    title: str
    effective: date
    source: str
    path: Path
    shipped: bool


def _header(f: Fields, kind: str, path: Path, shipped: bool) -> Header:
    doc_id = f.text("id", pattern=_ID_RE, hint="应为小写字母、数字和下划线，如 sgjj")
    if kind in _SINGLETON_IDS and doc_id != kind:
        raise f.error(f"此类文件的 id 必须为“{kind}”，实际为“{doc_id}”")
    version = f.integer("version")
    effective_text = f.text("effective", pattern=_DATE_RE, hint="应为 YYYY-MM-DD")
    try:
        effective = date.fromisoformat(effective_text)
    except ValueError as exc:
        raise f.error(f"字段“effective”的日期“{effective_text}”不存在") from exc
    expected_name = f"{doc_id}@{version}.json"
    if path.name != expected_name:
        # The file name is what people see in the folder; it must tell the truth.
        raise f.error(f"文件名应为“{expected_name}”（与 id 和 version 一致）")
    return {
        "id": doc_id,
        "version": version,
        "title": f.text("title"),
        "effective": effective,
        "source": f.optional_text("source"),
        "path": path,
        "shipped": shipped,
    }


def _versioned_root(f: Fields, version: int) -> str:
    # Version in the root code keeps every node code of every version distinct.
    code = f.code()
    if not code.endswith(f"-{version}"):
        raise f.error(f"根代码“{code}”应以“-{version}”结尾（与 version 一致），如 SGJJ-{version}")
    return code


def _framework(f: Fields, head: Header) -> Framework:
    root = _versioned_root(f, head["version"])
    scope = f.text("scope")
    aspects = []
    for af in f.objects("aspects"):
        acode, atitle = af.code(parent=root), af.text("title")
        categories = []
        for cf in af.objects("categories"):
            ccode, ctitle = cf.code(parent=acode), cf.text("title")
            items = []
            for mf in cf.objects("manifestations"):
                items.append(Manifestation(code=mf.code(parent=ccode), title=mf.text("title")))
                mf.finish()
            categories.append(
                Category(
                    code=ccode,
                    title=ctitle,
                    description=cf.optional_text("description"),
                    manifestations=tuple(items),
                    corresponds_to=cf.texts("corresponds_to", required=False),
                )
            )
            cf.finish()
        aspects.append(
            Aspect(
                code=acode,
                title=atitle,
                description=af.optional_text("description"),
                categories=tuple(categories),
                corresponds_to=af.texts("corresponds_to", required=False),
            )
        )
        af.finish()
    return Framework(**head, code=root, scope=scope, aspects=tuple(aspects))


def _disciplines(f: Fields, head: Header) -> DisciplineSet:
    items = []
    for it in f.objects("items"):
        items.append(
            Discipline(
                code=it.code(),
                title=it.text("title"),
                description=it.text("description"),
                basis=it.optional_text("basis"),
                examples=it.texts("examples", required=False),
            )
        )
        it.finish()
    return DisciplineSet(**head, items=tuple(items))


def _work_methods(f: Fields, head: Header) -> WorkMethodSet:
    items = []
    for it in f.objects("items"):
        code, title, description = it.code(), it.text("title"), it.text("description")
        record_kind = it.text("record_kind")
        if record_kind not in _RECORD_KINDS:
            raise it.error(
                f"字段“{it.loc('record_kind')}”应为 {'、'.join(_RECORD_KINDS)} 之一，"
                f"实际为“{record_kind}”"
            )
        activity_type = it.optional_text("activity_type") if it.has("activity_type") else None
        if (activity_type is None) == (record_kind == "activity"):
            raise it.error(f"“{it.where}”：activity_type 仅且必须在 record_kind 为 activity 时填写")
        items.append(
            WorkMethod(
                code=code,
                title=title,
                description=description,
                record_kind=record_kind,
                activity_type=activity_type,
            )
        )
        it.finish()
    return WorkMethodSet(**head, items=tuple(items))


def _slug(f: Fields, seen: set[str], what: str) -> str:
    code = f.text("code", pattern=_SLUG_RE, hint="应为小写字母、数字和下划线，如 village")
    if code in seen:
        raise f.error(f"{what}代码“{code}”重复（“{f.loc('code')}”）")
    seen.add(code)
    return code


def _targets(f: Fields, head: Header) -> TargetTypes:
    kinds, kind_codes = [], set[str]()
    for kf in f.objects("kinds"):
        code = _slug(kf, kind_codes, "对象类型")
        subtypes, sub_codes = [], set[str]()
        for sf in kf.objects("subtypes", required=False):
            subtypes.append(
                TargetSubtype(
                    code=_slug(sf, sub_codes, "子类型"),
                    title=sf.text("title"),
                    description=sf.text("description"),
                )
            )
            sf.finish()
        kinds.append(
            TargetKind(
                code=code,
                title=kf.text("title"),
                description=kf.text("description"),
                subtypes=tuple(subtypes),
            )
        )
        kf.finish()
    levels, level_codes, ranks = [], set[str](), set[int]()
    for lf in f.objects("attention_levels"):
        code = _slug(lf, level_codes, "关注等级")
        rank = lf.integer("rank")
        if rank in ranks:
            raise lf.error(f"关注等级的 rank {rank} 重复（“{lf.loc('rank')}”）")
        ranks.add(rank)
        levels.append(
            AttentionLevel(
                code=code, title=lf.text("title"), rank=rank, description=lf.text("description")
            )
        )
        lf.finish()
    levels.sort(key=lambda level: level.rank)
    return TargetTypes(**head, kinds=tuple(kinds), attention_levels=tuple(levels))


def _focus_list(f: Fields, head: Header) -> FocusList:
    kind = f.text("kind", pattern=_SLUG_RE, hint="应为对象类型代码，如 village")
    subtype = (
        f.text("subtype", pattern=_SLUG_RE, hint="应为子类型代码") if f.has("subtype") else None
    )
    expected_id = kind if subtype is None else f"{kind}.{subtype}"
    if head["id"] != expected_id:
        raise f.error(f"id 应为“{expected_id}”（由 kind 和 subtype 决定），实际为“{head['id']}”")
    root = f.code()
    items = []
    for it in f.objects("items"):
        items.append(
            FocusItem(
                code=it.code(parent=root),
                title=it.text("title"),
                description=it.text("description"),
            )
        )
        it.finish()
    return FocusList(**head, kind=kind, subtype=subtype, code=root, items=tuple(items))


def _portrait(f: Fields, head: Header) -> PortraitTemplate:
    root = _versioned_root(f, head["version"])
    ratings, rating_scores = [], set[int]()
    for rf in f.objects("ratings"):
        code, title, score = rf.code(), rf.text("title"), rf.integer("score")
        if score in rating_scores:
            raise rf.error(f"评价等次的 score {score} 重复（“{rf.loc('score')}”）")
        rating_scores.add(score)
        ratings.append(
            Rating(code=code, title=title, score=score, description=rf.text("description"))
        )
        rf.finish()
    dimensions = []
    for df in f.objects("dimensions"):
        dcode = df.code(parent=root)
        items = []
        for it in df.objects("items"):
            items.append(
                PortraitItem(
                    code=it.code(parent=dcode),
                    title=it.text("title"),
                    description=it.text("description"),
                )
            )
            it.finish()
        dimensions.append(PortraitDimension(code=dcode, title=df.text("title"), items=tuple(items)))
        df.finish()
    return PortraitTemplate(
        **head,
        code=root,
        subjects=f.texts("subjects"),
        ratings=tuple(ratings),
        dimensions=tuple(dimensions),
    )


_PARSERS: dict[str, Callable[[Fields, Header], Document]] = {
    "framework": _framework,
    "disciplines": _disciplines,
    "work_methods": _work_methods,
    "targets": _targets,
    "focus_list": _focus_list,
    "portrait": _portrait,
}


def parse_file(path: Path, *, shipped: bool) -> Document:
    """Read, validate and build one taxonomy document; raise TaxonomyError naming the file."""
    f = Fields(path, read_json(path))
    schema = f.text("schema")
    kind = schema.removeprefix(SCHEMA_PREFIX)
    parser = _PARSERS.get(kind) if schema.startswith(SCHEMA_PREFIX) else None
    if parser is None:
        known = "、".join(SCHEMA_PREFIX + k for k in _PARSERS)
        raise f.error(f"未知的 schema“{schema}”，应为以下之一：{known}")
    doc = parser(f, _header(f, kind, path, shipped))
    f.finish()
    return doc
