"""Taxonomy versions an office adds, and every malformed file refused with a clear error."""

from __future__ import annotations

import copy
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.workbench.taxonomy_docs import (
    Doc,
    office_disciplines,
    office_focus_list,
    office_framework,
    office_targets,
    renumber,
    shipped,
    write,
)
from workbench.taxonomy import (
    SHIPPED_DIR,
    TaxonomyError,
    load_catalog,
)

# --- office extensions -----------------------------------------------------------------------


def test_office_adds_a_version_and_latest_is_chosen(tmp_path: Path) -> None:
    newer = renumber(shipped("frameworks/sgjj@2020.json"), "SGJJ-2020", "SGJJ-2023")
    newer.update(version=2023, effective="2023-03-01")
    newer["aspects"][0]["title"] = "聚焦贯彻落实党的路线方针政策和党中央决策部署（本市表述）"
    write(tmp_path, "sgjj@2023.json", newer)
    catalog = load_catalog([tmp_path])
    assert catalog.framework("sgjj").version == 2023
    assert not catalog.framework("sgjj").shipped
    assert catalog.framework("sgjj", 2020).shipped
    assert catalog.classify("sgjj", None, "SGJJ-2023.1")[0].title.endswith("（本市表述）")
    assert [f.key for f in catalog.frameworks()][:2] == ["sgjj@2020", "sgjj@2023"]
    # A round pinned to 2020 still resolves its old codes.
    assert catalog.locate("SGJJ-2020.1")[0].version == 2020


def test_office_adds_its_own_framework_and_focus_list_version(tmp_path: Path) -> None:
    write(tmp_path, "frameworks/bjxc@2026.json", office_framework())
    write(tmp_path, "focus_lists/school@2.json", office_focus_list())
    catalog = load_catalog([tmp_path])
    assert catalog.framework("bjxc").aspects[0].categories[0].corresponds_to == ("SIGJJ-2025.2.4",)
    assert [i.title for i in catalog.focus_list("school")] == ["校园餐", "校服"]


def test_office_file_cannot_replace_a_shipped_version(tmp_path: Path) -> None:
    clash = write(tmp_path, "disciplines@1.json", shipped("disciplines@1.json"))
    with pytest.raises(TaxonomyError) as info:
        load_catalog([tmp_path])
    assert str(clash) in info.value.message
    assert "内置文件" in info.value.message and "disciplines@1" in info.value.message


def test_two_office_dirs_cannot_define_the_same_version(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write(first, "disciplines@2.json", office_disciplines())
    dup = write(second, "disciplines@2.json", office_disciplines())
    with pytest.raises(TaxonomyError) as info:
        load_catalog([first, second])
    assert str(dup) in info.value.message


def test_new_target_subtype_needs_its_focus_list(tmp_path: Path) -> None:
    targets = office_targets()
    village = next(k for k in targets["kinds"] if k["code"] == "village")
    village["subtypes"].append(
        {"code": "tourism", "title": "文旅特色村", "description": "乡村旅游项目集中的村"}
    )
    path = write(tmp_path, "targets@2.json", targets)
    with pytest.raises(TaxonomyError, match=re.escape("village.tourism")) as info:
        load_catalog([tmp_path])
    assert str(path) in info.value.message
    fl = {
        "schema": "workbench.taxonomy/focus_list",
        "id": "village.tourism",
        "version": 1,
        "title": "文旅特色村监督重点清单",
        "effective": "2026-01-01",
        "kind": "village",
        "subtype": "tourism",
        "code": "CUN-WLTS",
        "items": [{"code": "CUN-WLTS.1", "title": "旅游项目", "description": "项目资金和收益"}],
    }
    write(tmp_path, "village.tourism@1.json", fl)
    merged = load_catalog([tmp_path]).focus_list("village", "tourism")
    assert merged[-1].code == "CUN-WLTS.1"


def test_shipped_dir_override_must_hold_the_required_series(tmp_path: Path) -> None:
    write(tmp_path, "disciplines@1.json", shipped("disciplines@1.json"))
    with pytest.raises(TaxonomyError, match="缺少工作方式") as info:
        load_catalog(shipped_dir=tmp_path)
    assert str(tmp_path) in info.value.message


def test_missing_extra_dir_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="不存在"):
        load_catalog([tmp_path / "nosuch"])


def test_editor_dot_files_and_other_files_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, ".~lock.disciplines@2.json", "garbage")
    write(tmp_path, "README.md", "说明")
    assert load_catalog([tmp_path]).documents() == load_catalog().documents()


# --- malformed files -------------------------------------------------------------------------

Case = Callable[[], tuple[str, Doc | str | bytes]]


def _mutated(name: str, base: Callable[[], Doc], change: Callable[[Doc], object]) -> Case:
    def build() -> tuple[str, Doc | str | bytes]:
        doc = copy.deepcopy(base())
        change(doc)
        return name, doc

    return build


def _raw(name: str, content: str | bytes) -> Case:
    return lambda: (name, content)


_DISC = "disciplines@2.json"
_FW = "bjxc@2026.json"
_FL = "school@2.json"


def _disc(change: Callable[[Doc], object]) -> Case:
    return _mutated(_DISC, office_disciplines, change)


def _fw(change: Callable[[Doc], object]) -> Case:
    return _mutated(_FW, office_framework, change)


def _fl(change: Callable[[Doc], object]) -> Case:
    return _mutated(_FL, office_focus_list, change)


def _fw_cat(doc: Doc) -> Doc:
    cat: Doc = doc["aspects"][0]["categories"][0]
    return cat


MALFORMED: dict[str, tuple[Case, str]] = {
    "json syntax": (_raw(_DISC, '{"schema": "workbench.taxonomy/disciplines",'), "不是合法的 JSON"),
    "not utf-8": (_raw(_DISC, '{"title": "六项纪律"}'.encode("gbk")), "UTF-8"),
    "NaN": (_raw(_DISC, '{"version": NaN}'), "不是合法的 JSON"),
    "duplicate key": (
        _raw(_DISC, '{"schema": "workbench.taxonomy/disciplines", "schema": "x"}'),
        "键“schema”在同一对象内重复出现",
    ),
    "top level list": (_raw(_DISC, "[]"), "应为对象"),
    "unknown schema": (_disc(lambda d: d.update(schema="workbench.taxonomy/foo")), "未知的 schema"),
    "missing title": (_disc(lambda d: d.pop("title")), "缺少必填字段“title”"),
    "missing nested field": (
        _disc(lambda d: d["items"][2].pop("description")),
        "缺少必填字段“items[2].description”",
    ),
    "version as text": (_disc(lambda d: d.update(version="2")), "“version”应为整数，实际为字符串"),
    "version as bool": (_disc(lambda d: d.update(version=True)), "应为整数，实际为布尔值"),
    "items not a list": (_disc(lambda d: d.update(items={})), "“items”应为列表"),
    "empty list": (_disc(lambda d: d.update(items=[])), "“items”不能为空"),
    "blank title": (_disc(lambda d: d["items"][0].update(title="  ")), "“items[0].title”不能为空"),
    "duplicate code": (_disc(lambda d: d["items"][1].update(code="JL-1")), "代码“JL-1”重复"),
    "misspelt field": (
        _disc(lambda d: d["items"][0].update(descripton=d["items"][0].pop("description"))),
        "缺少必填字段“items[0].description”（是否把它误写成了“descripton”？）",
    ),
    "unknown field": (
        _disc(lambda d: d["items"][0].update(tilte="x")),
        "未知字段 “items[0].tilte”",
    ),
    "bad date": (_disc(lambda d: d.update(effective="2025-02-30")), "不存在"),
    "date format": (_disc(lambda d: d.update(effective="2025/01/01")), "YYYY-MM-DD"),
    "file name disagrees": (
        _mutated("disciplines@3.json", office_disciplines, lambda d: None),
        "文件名应为“disciplines@2.json”",
    ),
    "singleton id": (
        _mutated("jilv@2.json", office_disciplines, lambda d: d.update(id="jilv")),
        "id 必须为“disciplines”",
    ),
    "child code outside parent": (
        _fw(lambda d: _fw_cat(d).update(code="BJXC-2026.2.1")),
        "应为上级代码加序号",
    ),
    "root code without version": (_fw(lambda d: d.update(code="BJXC-2025")), "应以“-2026”结尾"),
    "duplicate code in framework": (
        _fw(lambda d: _fw_cat(d)["manifestations"][1].update(code="BJXC-2026.1.1.1")),
        "代码“BJXC-2026.1.1.1”重复",
    ),
    "empty manifestations": (
        _fw(lambda d: _fw_cat(d).update(manifestations=[])),
        "manifestations”不能为空",
    ),
    "unknown corresponds_to": (
        _fw(lambda d: _fw_cat(d).update(corresponds_to=["X-1.1"])),
        "未知代码“X-1.1”",
    ),
    "corresponds_to itself": (
        _fw(lambda d: _fw_cat(d).update(corresponds_to=["BJXC-2026.1"])),
        "不能引用本框架",
    ),
    "root code taken by another framework": (
        _mutated(
            "sgjx@2020.json",
            lambda: renumber(office_framework(), "BJXC-2026", "SGJJ-2020"),
            lambda d: d.update(id="sgjx", version=2020),
        ),
        "根代码“SGJJ-2020”已被",
    ),
    "unknown kind": (
        _mutated(
            "canteen@2.json", office_focus_list, lambda d: d.update(id="canteen", kind="canteen")
        ),
        "不是已定义的被巡察对象类型",
    ),
    "unknown subtype": (
        _mutated(
            "school.rural@2.json",
            lambda: renumber(office_focus_list(), "GLYX", "GLYX-NC"),
            lambda d: d.update(id="school.rural", subtype="rural"),
        ),
        "不是对象类型“school”下已定义的子类型",
    ),
    "focus list id disagrees with kind": (
        _fl(lambda d: d.update(kind="hospital")),
        "id 应为“hospital”",
    ),
    "focus list root taken by another list": (
        _mutated(
            "hospital@2.json",
            office_focus_list,
            lambda d: d.update(id="hospital", kind="hospital"),
        ),
        "根代码“GLYX”已被",
    ),
    "bad record kind": (
        _mutated(
            "work_methods@2.json",
            lambda: {**shipped("work_methods@1.json"), "version": 2},
            lambda d: d["items"][0].update(record_kind="meeting"),
        ),
        "record_kind”应为",
    ),
    "activity type without activity": (
        _mutated(
            "work_methods@2.json",
            lambda: {**shipped("work_methods@1.json"), "version": 2},
            lambda d: d["items"][1].update(activity_type="座谈会"),
        ),
        "activity_type 仅且必须",
    ),
    "duplicate kind": (
        _mutated(
            "targets@2.json", office_targets, lambda d: d["kinds"][1].update(code="party_gov")
        ),
        "对象类型代码“party_gov”重复",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_file_is_refused_naming_the_file(tmp_path: Path, case: str) -> None:
    build, expected = MALFORMED[case]
    name, content = build()
    path = write(tmp_path, name, content)
    with pytest.raises(TaxonomyError) as info:
        load_catalog([tmp_path])
    assert expected in info.value.message
    assert info.value.message.startswith(f"分类数据 {path}：")
    assert info.value.details["path"] == str(path)


@pytest.mark.parametrize(
    ("name", "base"),
    [
        (_DISC, office_disciplines),
        (_FW, office_framework),
        (_FL, office_focus_list),
        ("targets@2.json", office_targets),
    ],
)
def test_unmutated_baselines_load(tmp_path: Path, name: str, base: Callable[[], Doc]) -> None:
    # Guards the malformed cases: each is refused for its one change, not for its baseline.
    write(tmp_path, name, base())
    assert len(load_catalog([tmp_path]).documents()) == len(load_catalog().documents()) + 1


# --- robustness: any damage to a file is reported as TaxonomyError, never as a crash ----------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3000) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_damage_is_refused_cleanly(data: st.DataObject) -> None:
    name, base = data.draw(
        st.sampled_from(
            [(_FW, office_framework), (_FL, office_focus_list), (_DISC, office_disciplines)]
        )
    )
    doc = base()
    where = data.draw(st.sampled_from(_paths(doc)[1:]))
    parent = doc
    for step in where[:-1]:
        parent = parent[step]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[where[-1]]
    else:
        parent[where[-1]] = data.draw(_json_values)
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), name, doc)
        try:
            load_catalog([Path(tmp)])
        except TaxonomyError as exc:
            assert str(path) in exc.message or str(SHIPPED_DIR) in exc.message
