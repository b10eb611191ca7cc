"""Taxonomy documents carried by a briefing, installed into this machine's taxonomy folder.

The file name comes from the document's own ``id`` and ``version`` (checked by pattern), never
from the package: names in a package are display metadata. The set is validated by loading a
catalog with the new files before anything is committed, and installed only after the commit.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from workbench import paths
from workbench.exchange.canonical import StrictJSONError, strict_loads
from workbench.exchange.errors import BadRecords

_ID_RE = re.compile(r"[a-z][a-z0-9_]{0,63}(?:\.[a-z][a-z0-9_]{0,63})?")
PREFIX = "workbench.taxonomy/"
_SCHEMA_RE = re.compile(re.escape(PREFIX) + r"([a-z_]{1,32})")  # its kind: the folder


def office_taxonomy_dir() -> Path:
    """Where an office's own versions land on a field laptop (inside the catalog's extra dir)."""
    return paths.data_dir() / "taxonomy" / "office"


def _header(data: bytes, index: int) -> tuple[str, str, int, object]:
    try:
        doc = strict_loads(data)
    except StrictJSONError as exc:
        raise BadRecords(f"第 {index} 个分类数据文件格式错误：{exc}") from None
    fields = doc if isinstance(doc, dict) else {}
    schema, doc_id, version = fields.get("schema"), fields.get("id"), fields.get("version")
    if not (isinstance(schema, str) and (kind := _SCHEMA_RE.fullmatch(schema))):
        raise BadRecords(f"第 {index} 个分类数据文件的 schema 无效")
    if not (isinstance(doc_id, str) and _ID_RE.fullmatch(doc_id)):
        raise BadRecords(f"第 {index} 个分类数据文件的 id 无效")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= 99_999:
        raise BadRecords(f"第 {index} 个分类数据文件的 version 无效")
    return kind[1], doc_id, version, doc


def _nothing() -> None:
    return None


def prepare_taxonomy(docs: list[bytes], staging: Path) -> Callable[[], None]:
    """Validate ``docs`` against the catalog; return the step that installs the new ones."""
    if not docs:
        return _nothing
    from workbench.services.catalog import catalog
    from workbench.taxonomy import TaxonomyError, load_catalog

    have = {(d.schema, d.id, d.version): d for d in catalog().documents()}
    temp = staging / f"taxonomy-{uuid.uuid4().hex}"
    planned: list[Path] = []
    for index, data in enumerate(docs, 1):
        kind, doc_id, version, parsed = _header(data, index)
        known = have.get((PREFIX + kind, doc_id, version))
        if known is not None:
            if strict_loads(known.path.read_bytes()) != parsed:
                raise BadRecords(
                    f"分类数据 {doc_id}@{version} 与本机已有的同版本内容不同，不能覆盖"
                )
            continue
        relative = Path(kind) / f"{doc_id}@{version}.json"
        (temp / relative).parent.mkdir(parents=True, exist_ok=True)
        (temp / relative).write_bytes(data)
        planned.append(relative)
    if not planned:
        return _nothing
    extra = paths.data_dir() / "taxonomy"
    try:
        load_catalog([d for d in (extra, temp) if d.is_dir()])
    except TaxonomyError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise BadRecords(f"数据包中的分类数据无效：{exc.problem}") from None

    def install() -> None:
        target = office_taxonomy_dir()
        for relative in planned:
            dest = target / relative
            dest.parent.mkdir(parents=True, exist_ok=True)
            part = dest.with_name(f".{dest.name}.part")
            shutil.copyfile(temp / relative, part)
            os.replace(part, dest)
        shutil.rmtree(temp, ignore_errors=True)
        catalog.cache_clear()

    return install
