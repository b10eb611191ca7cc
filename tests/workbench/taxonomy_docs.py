"""Taxonomy documents for tests: the shipped files, and baselines an office might add."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workbench.taxonomy import (
    SHIPPED_DIR,
)

Doc = dict[str, Any]


def joined(titles: list[str]) -> str:
    return "、".join(titles)


def shipped(rel: str) -> Doc:
    data: Doc = json.loads((SHIPPED_DIR / rel).read_text(encoding="utf-8"))
    return data


def write(directory: Path, name: str, content: Doc | str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def renumber(node: Any, old: str, new: str) -> Any:
    """Copy a framework document, replacing its root code prefix everywhere."""
    if isinstance(node, dict):
        return {k: renumber(v, old, new) for k, v in node.items()}
    if isinstance(node, list):
        return [renumber(v, old, new) for v in node]
    if isinstance(node, str) and (node == old or node.startswith(old + ".")):
        return new + node[len(old) :]
    return node


# --- baseline documents an office might add; each malformed case mutates one of them ---------


def office_framework() -> Doc:
    return {
        "schema": "workbench.taxonomy/framework",
        "id": "bjxc",
        "version": 2026,
        "title": "本县巡察监督重点（试行）",
        "effective": "2026-01-01",
        "code": "BJXC-2026",
        "scope": "县级巡察",
        "aspects": [
            {
                "code": "BJXC-2026.1",
                "title": "聚焦群众身边不正之风和腐败问题",
                "categories": [
                    {
                        "code": "BJXC-2026.1.1",
                        "title": "殡葬领域",
                        "corresponds_to": ["SIGJJ-2025.2.4"],
                        "manifestations": [
                            {"code": "BJXC-2026.1.1.1", "title": "公墓违规收费"},
                            {"code": "BJXC-2026.1.1.2", "title": "殡葬补贴虚报冒领"},
                        ],
                    }
                ],
            }
        ],
    }


def office_disciplines() -> Doc:
    doc = shipped("disciplines@1.json")
    doc["version"] = 2
    return doc


def office_focus_list() -> Doc:
    return {
        "schema": "workbench.taxonomy/focus_list",
        "id": "school",
        "version": 2,
        "title": "公立院校监督重点清单（本县）",
        "effective": "2026-01-01",
        "kind": "school",
        "code": "GLYX",
        "items": [
            {"code": "GLYX.1", "title": "校园餐", "description": "食材采购和配送"},
            {"code": "GLYX.2", "title": "校服", "description": "是否强制购买"},
        ],
    }


def office_targets() -> Doc:
    doc = shipped("targets@1.json")
    doc["version"] = 2
    return doc
