"""比对规则 as data: the shipped rules (``resources/datacheck/rules.json``) and those the office
added (``DataRule`` rows, versioned). A rule names a match template and its parameters
(``workbench.datacheck.matchers``), its 定性提示 and the 纪律 it bears on; every definition is
checked here, whichever way it came, so a rule that loads is one the matcher can run."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.errors import NotFound, ValidationError
from workbench.models.base import utcnow
from workbench.models.datalists import DataRule
from workbench.roles import Role
from workbench.services.common import actor_id, require_role
from workbench.store import audit
from workbench.strictjson import StrictJSONError, strict_loads

from .matchers import TEMPLATES, Param, Template

SHIPPED_FILE = Path(__file__).resolve().parents[2] / "resources" / "datacheck" / "rules.json"
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{1,31}")
_KEYS = {"id", "version", "title", "description", "match", "params", "qualification", "discipline"}
_TEXT_LIMITS = {"title": 200, "description": 2000, "qualification": 2000, "discipline": 2000}
_MAX_WORDS = 20
MAX_FILE_BYTES = 64 * 1024  # a rule is a few hundred bytes; its texts at most some 20 KB


@dataclass(frozen=True)
class Rule:
    id: str
    version: int
    title: str
    match: str  # the template's key
    params: dict[str, Any]  # every parameter of the template, defaults filled in
    description: str = ""
    qualification: str = ""  # 定性提示
    discipline: str = ""  # 涉及纪律
    shipped: bool = True
    created_by: str | None = None
    created_at: datetime | None = None
    retired_at: datetime | None = None

    @property
    def template(self) -> Template:
        return TEMPLATES[self.match]

    def definition(self) -> dict[str, Any]:
        """The rule as its JSON file gives it."""
        keys = ("id", "version", "title", "description", "match", "params")
        return {k: getattr(self, k) for k in (*keys, "qualification", "discipline")}


def _refuse(rule: str, problem: str, name: str = "rule") -> ValidationError:
    return ValidationError(f"比对规则{rule}：{problem}", field=name)


def _param(rule: str, spec: Param, value: Any) -> Any:
    where = f"参数“{spec.key}”（{spec.label}）"
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise _refuse(rule, f"{where}应为 true 或 false", spec.key)
        return value
    if spec.type in ("int", "number"):
        whole = spec.type == "int"
        if isinstance(value, bool) or not isinstance(value, int if whole else int | float):
            raise _refuse(rule, f"{where}应为{'整数' if whole else '数字'}", spec.key)
        if not spec.low <= value <= spec.high:
            raise _refuse(rule, f"{where}应在 {spec.low:g} 到 {spec.high:g} 之间", spec.key)
        return value
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _refuse(rule, f"{where}应为文字列表", spec.key)
    if spec.type == "kinds":
        allowed = {k.value: k for k in spec.choices}
        unknown = [v for v in value if v not in allowed]
        if unknown or not value:
            options = "、".join(f"{k.value}（{k.label}）" for k in spec.choices)
            named = f"名单类型“{'、'.join(unknown)}”不可用，" if unknown else "不能为空，"
            raise _refuse(rule, f"{where}{named}可选：{options}", spec.key)
        return list(dict.fromkeys(value))
    words = [w.strip() for w in value if w.strip()]
    if len(words) > _MAX_WORDS or any(len(w) > 64 for w in words):
        raise _refuse(rule, f"{where}最多 {_MAX_WORDS} 个关键字，每个不超过 64 字", spec.key)
    return words


def validate(definition: Any, *, shipped: bool = False) -> Rule:
    """The rule a definition describes, or ValidationError naming what is wrong with it."""
    if not isinstance(definition, Mapping):
        raise ValidationError("比对规则应为 JSON 对象", field="rule")
    rule_id = definition.get("id")
    if not isinstance(rule_id, str) or not _ID.fullmatch(rule_id):
        raise ValidationError("比对规则编号应为 2–32 位字母、数字、- 或 _，以字母开头", field="id")
    name = f" {rule_id} "
    if extra := sorted(set(definition) - _KEYS):
        raise _refuse(name, f"不认识的项“{'、'.join(map(str, extra))}”", extra[0])
    texts: dict[str, str] = {}
    for key, limit in _TEXT_LIMITS.items():
        value = definition.get(key, "")
        if not isinstance(value, str) or len(value) > limit:
            raise _refuse(name, f"“{key}”应为不超过 {limit} 字的文字", key)
        texts[key] = value.strip()
    if not texts["title"]:
        raise _refuse(name, "缺少规则名称（title）", "title")
    version = definition.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _refuse(name, "版本（version）应为正整数", "version")
    template = TEMPLATES.get(str(definition.get("match")))
    if template is None:
        options = "、".join(f"{t.key}（{t.label}）" for t in TEMPLATES.values())
        raise _refuse(name, f"比对模板“{definition.get('match')}”不存在，可选：{options}", "match")
    given = definition.get("params", {})
    if not isinstance(given, Mapping):
        raise _refuse(name, "参数（params）应为 JSON 对象", "params")
    specs = {p.key: p for p in template.params}
    if unknown := sorted(set(given) - set(specs)):
        options = "、".join(specs)
        raise _refuse(name, f"模板 {template.key} 没有参数“{'、'.join(unknown)}”，可用：{options}")
    params = {k: _param(name, s, given.get(k, s.default)) for k, s in specs.items()}
    return Rule(
        id=rule_id,
        version=version,
        title=texts["title"],
        match=template.key,
        params=params,
        description=texts["description"],
        qualification=texts["qualification"],
        discipline=texts["discipline"],
        shipped=shipped,
    )


def parse_rule_file(data: bytes) -> Any:
    """A rule file's JSON, strictly (``workbench.strictjson``: UTF-8, no key twice, which one
    would count? no NaN or Infinity, no whole number beyond 64 bits) and at most
    ``MAX_FILE_BYTES``; else ValidationError. Nesting is left to ``validate``, which accepts
    none beyond a list of words (a very deep file is refused here, where the parser gives up)."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            f"规则文件超过 {MAX_FILE_BYTES // 1024} KB，不是一条规则", field="file"
        )
    try:
        return strict_loads(data, floats=True)
    except StrictJSONError as exc:
        if exc.line is not None:
            where = f"第 {exc.line} 行第 {exc.column} 列"
            raise ValidationError(f"规则文件不是有效的 JSON：{where}", field="file") from None
        raise ValidationError(f"规则文件不是有效的 JSON：{exc.reason}", field="file") from None


@cache
def shipped_rules() -> tuple[Rule, ...]:
    """The rules that ship with the program; their ids are stable."""
    data = json.loads(SHIPPED_FILE.read_text(encoding="utf-8"))
    return tuple(validate(d, shipped=True) for d in data["rules"])


def _office_rows(session: Session, rule_id: str | None = None) -> list[DataRule]:
    query = select(DataRule).order_by(DataRule.id, DataRule.version)
    if rule_id is not None:
        query = query.where(DataRule.id == rule_id)
    return list(session.scalars(query))


def _office_rule(row: DataRule) -> Rule:
    rule = validate({**row.definition, "id": row.id, "version": row.version})
    return replace(
        rule,
        shipped=False,
        created_by=row.created_by,
        created_at=row.created_at,
        retired_at=row.retired_at,
    )


def all_rules(session: Session, *, retired: bool = False) -> list[Rule]:
    """The shipped rules, then the office's at their latest version (retired ones only with
    ``retired``)."""
    latest: dict[str, DataRule] = {}
    for row in _office_rows(session):
        latest[row.id] = row
    office = [_office_rule(r) for r in latest.values() if retired or r.retired_at is None]
    return [*shipped_rules(), *office]


def get_rule(session: Session, rule_id: str) -> Rule:
    """A rule that may run: shipped, or the office's latest and not retired."""
    for rule in all_rules(session):
        if rule.id == rule_id:
            return rule
    raise NotFound(f"未找到比对规则 {rule_id}（或已停用）", rule_id=rule_id)


def add_rule(session: Session, definition: Any) -> Rule:
    """The office's own rule; its id again makes a new version (the old one stays: hits name
    the version they came from). 巡察办 only, audited."""
    require_role(session, (Role.OFFICE,), "新增比对规则")
    rule = validate(definition)
    if any(r.id == rule.id for r in shipped_rules()):
        raise ValidationError(
            f"比对规则编号 {rule.id} 是内置规则的编号，请另取编号", field="id", rule_id=rule.id
        )
    rows = _office_rows(session, rule.id)
    version = max((r.version for r in rows), default=0) + 1
    stored = {k: v for k, v in rule.definition().items() if k not in ("id", "version")}
    row = DataRule(id=rule.id, version=version, definition=stored, created_by=actor_id(session))
    session.add(row)
    session.flush()
    detail = {"rule": rule.id, "version": version, "match": rule.match, "title": rule.title}
    audit.record(session, "data.rule.add", "data_rules", f"{rule.id},{version}", detail)
    return _office_rule(row)


def retire_rule(session: Session, rule_id: str) -> None:
    """Stop running an office rule (its hits stay). 巡察办 only, audited."""
    require_role(session, (Role.OFFICE,), "停用比对规则")
    if any(r.id == rule_id for r in shipped_rules()):
        raise ValidationError(f"内置比对规则 {rule_id} 不能停用", field="id", rule_id=rule_id)
    rows = [r for r in _office_rows(session, rule_id) if r.retired_at is None]
    if not rows:
        raise NotFound(f"未找到比对规则 {rule_id}（或已停用）", rule_id=rule_id)
    session.execute(
        update(DataRule)
        .where(DataRule.id == rule_id, DataRule.retired_at.is_(None))
        .values(retired_at=utcnow())
    )
    audit.record(session, "data.rule.retire", "data_rules", rule_id, {"rule": rule_id})
    session.flush()
