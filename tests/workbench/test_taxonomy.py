"""Taxonomy data and loader: the shipped files, version selection, office extensions, and the
refusal of every kind of malformed file with a message that names it."""

from __future__ import annotations

import copy
import itertools
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.errors import NotFound, ValidationError
from workbench.taxonomy import (
    SHIPPED_DIR,
    Aspect,
    Catalog,
    Category,
    Manifestation,
    TaxonomyError,
    TaxonomyNotFound,
    load_catalog,
)

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _joined(titles: list[str]) -> str:
    return "、".join(titles)


def _shipped(rel: str) -> Doc:
    data: Doc = json.loads((SHIPPED_DIR / rel).read_text(encoding="utf-8"))
    return data


def _write(directory: Path, name: str, content: Doc | str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _renumber(node: Any, old: str, new: str) -> Any:
    """Copy a framework document, replacing its root code prefix everywhere."""
    if isinstance(node, dict):
        return {k: _renumber(v, old, new) for k, v in node.items()}
    if isinstance(node, list):
        return [_renumber(v, old, new) for v in node]
    if isinstance(node, str) and (node == old or node.startswith(old + ".")):
        return new + node[len(old) :]
    return node


# --- baseline documents an office might add; each malformed case mutates one of them ---------


def _office_framework() -> Doc:
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


def _office_disciplines() -> Doc:
    doc = _shipped("disciplines@1.json")
    doc["version"] = 2
    return doc


def _office_focus_list() -> Doc:
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


def _office_targets() -> Doc:
    doc = _shipped("targets@1.json")
    doc["version"] = 2
    return doc


# --- the shipped data ------------------------------------------------------------------------


def test_every_shipped_file_loads(catalog: Catalog) -> None:
    files = sorted(SHIPPED_DIR.rglob("*.json"))
    assert len(files) == len(catalog.documents()) == 26
    assert {d.path for d in catalog.documents()} == set(files)
    assert all(d.shipped for d in catalog.documents())


def test_three_frameworks_with_the_domain_wording(catalog: Catalog) -> None:
    keys = {f.key: f for f in catalog.frameworks()}
    assert set(keys) == {"sgjj@2020", "sigjj@2025", "sigls@2024"}
    assert [a.title for a in keys["sgjj@2020"].aspects] == [
        "聚焦贯彻落实党的路线方针政策和党中央决策部署",
        "聚焦群众身边腐败问题和不正之风",
        "聚焦基层党组织软弱涣散、组织力欠缺问题",
    ]
    assert [a.title for a in keys["sigjj@2025"].aspects] == [
        "聚焦党中央决策部署在基层的落实情况",
        "聚焦群众身边不正之风和腐败问题",
        "聚焦基层党组织建设",
        "聚焦巡察整改和成果运用",
    ]
    assert [a.title for a in keys["sigls@2024"].aspects] == [
        "落实党的理论和路线方针政策及党中央重大决策部署情况",
        "落实全面从严治党战略部署情况",
        "落实新时代党的组织路线情况",
        "落实巡视巡察、审计等监督发现问题整改情况",
    ]
    for framework in keys.values():
        for aspect in framework.aspects:
            assert len(aspect.categories) >= 4, aspect.title
            for category in aspect.categories:
                assert len(category.manifestations) >= 2, category.title


def test_mass_corruption_aspect_has_the_expected_categories(catalog: Catalog) -> None:
    aspect = catalog.framework("sgjj", 2020).aspects[1]
    titles = {c.title for c in aspect.categories}
    assert {
        "惠民惠农资金管理使用",
        "集体“三资”管理",
        "工程项目",
        "吃拿卡要、优亲厚友",
        "形式主义官僚主义",
        "违反中央八项规定精神",
    } <= titles


def test_framework_codes_are_hierarchical_and_carry_the_version(catalog: Catalog) -> None:
    for framework in catalog.frameworks():
        assert framework.code.endswith(f"-{framework.version}")
        for path in framework.walk():
            for parent, child in itertools.pairwise(path):
                assert child.code.startswith(parent.code + ".")
            assert path[0].code.startswith(framework.code + ".")


def test_four_focuses_map_back_to_three_focuses(catalog: Catalog) -> None:
    sigjj = catalog.framework("sigjj")
    refs = [r for a in sigjj.aspects for c in a.categories for r in c.corresponds_to]
    assert refs
    assert all(catalog.locate(r)[0].key == "sgjj@2020" for r in refs)


def test_six_disciplines(catalog: Catalog) -> None:
    assert (
        _joined([d.title for d in catalog.disciplines()])
        == "政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律"
    )
    assert [d.code for d in catalog.disciplines()] == [f"JL-{i}" for i in range(1, 7)]


def test_thirteen_work_methods(catalog: Catalog) -> None:
    methods = catalog.work_methods()
    assert len(methods) == 13
    assert len({m.code for m in methods}) == 13
    assert methods[1].title == "个别谈话" and methods[1].record_kind == "interview"
    assert methods[2].record_kind == "letter"
    assert methods[-1].title == "其他经批准的方式"
    domain_activity_types = {
        "听取汇报",
        "座谈会",
        "列席会议",
        "调阅资料",
        "民主测评/问卷",
        "实地走访/下沉",
        "专项检查",
        "个人事项抽查",
    }
    used = {m.activity_type for m in methods if m.activity_type}
    assert used == domain_activity_types


def test_target_kinds_subtypes_and_attention_levels(catalog: Catalog) -> None:
    kinds = {k.code: k for k in catalog.target_kinds()}
    assert (
        _joined([k.title for k in catalog.target_kinds()])
        == "党政机关、群团组织、公立院校、公立医院、国有企业、乡镇(街道)、村、社区、其他事业单位"
    )
    assert [s.title for s in kinds["village"].subtypes] == [
        "社情复杂村",
        "资源丰富村",
        "经济活跃村",
        "聚居提升村",
        "发展滞后村",
        "和谐稳定村",
    ]
    assert [s.title for s in kinds["community"].subtypes] == [
        "商住型",
        "单位型",
        "城郊型",
        "经济型",
    ]
    assert [a.title for a in catalog.attention_levels()] == ["特别关注", "重点关注", "一般关注"]


def test_a_focus_list_for_every_kind_and_subtype(catalog: Catalog) -> None:
    assert len(catalog.focus_lists()) == 9 + 6 + 4
    for kind in catalog.target_kinds():
        own = catalog.focus_list(kind.code)
        assert 6 <= len(own) <= 15, kind.code
        for subtype in kind.subtypes:
            merged = catalog.focus_list(kind.code, subtype.code)
            assert merged[: len(own)] == own
            assert 6 <= len(merged) - len(own) <= 15, subtype.code
            assert len({item.code for item in merged}) == len(merged)
            assert all(item.title and item.description for item in merged)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("school", {"校园餐", "校服", "教辅资料", "招生入学"}),
        ("hospital", {"“三重一大”决策", "医共体建设运行", "现金支出", "报销审核", "违规诊疗"}),
        ("soe", {"“三重一大”决策", "招投标和物资采购", "国有资产流失", "选人用人"}),
        ("village", {"虚报冒领", "吃拿卡要", "优亲厚友", "侵占集体“三资”", "惠农补贴", "青苗补偿"}),
    ],
)
def test_focus_lists_hold_the_domain_items(catalog: Catalog, kind: str, expected: set[str]) -> None:
    assert expected <= {item.title for item in catalog.focus_list(kind)}


def test_portrait_template_has_8_dimensions_and_37_items(catalog: Catalog) -> None:
    template = catalog.portrait_template("zzhx")
    assert len(template.dimensions) == 8
    assert len(template.items) == 37
    assert [d.title for d in template.dimensions][:5] == [
        "政治忠诚",
        "政治定力",
        "政治担当",
        "政治能力",
        "政治自律",
    ]
    assert [r.title for r in template.ratings] == ["好", "较好", "一般", "差"]
    assert len({i.code for i in template.items}) == 37


# --- lookups ---------------------------------------------------------------------------------


def test_classify_returns_the_path(catalog: Catalog) -> None:
    path = catalog.classify("sgjj", 2020, "SGJJ-2020.2.3.1")
    assert [type(n) for n in path] == [Aspect, Category, Manifestation]
    assert [n.level for n in path] == ["方面", "类", "表现"]
    assert [n.title for n in path[:2]] == ["聚焦群众身边腐败问题和不正之风", "工程项目"]
    assert [n.code for n in catalog.classify("sgjj", None, "SGJJ-2020.2")] == ["SGJJ-2020.2"]


def test_classify_refuses_unknown_things(catalog: Catalog) -> None:
    with pytest.raises(TaxonomyNotFound, match=re.escape("SGJJ-2020.9")):
        catalog.classify("sgjj", 2020, "SGJJ-2020.9")
    with pytest.raises(TaxonomyNotFound, match="现有版本：2020"):
        catalog.classify("sgjj", 2019, "SGJJ-2020.1")
    with pytest.raises(NotFound, match="nosuch"):
        catalog.framework("nosuch")
    with pytest.raises(TaxonomyNotFound):
        catalog.focus_list("village", "nosuch")
    with pytest.raises(TaxonomyNotFound):
        catalog.focus_list("nosuch")


def test_lookup_errors_have_a_stable_code() -> None:
    assert TaxonomyNotFound.code == "WB-TAXONOMY-NOT-FOUND"
    assert TaxonomyError.code == "WB-TAXONOMY"
    assert issubclass(TaxonomyError, ValidationError)


# --- office extensions -----------------------------------------------------------------------


def test_office_adds_a_version_and_latest_is_chosen(tmp_path: Path) -> None:
    newer = _renumber(_shipped("frameworks/sgjj@2020.json"), "SGJJ-2020", "SGJJ-2023")
    newer.update(version=2023, effective="2023-03-01")
    newer["aspects"][0]["title"] = "聚焦贯彻落实党的路线方针政策和党中央决策部署（本市表述）"
    _write(tmp_path, "sgjj@2023.json", newer)
    catalog = load_catalog([tmp_path])
    assert catalog.framework("sgjj").version == 2023
    assert not catalog.framework("sgjj").shipped
    assert catalog.framework("sgjj", 2020).shipped
    assert catalog.classify("sgjj", None, "SGJJ-2023.1")[0].title.endswith("（本市表述）")
    assert [f.key for f in catalog.frameworks()][:2] == ["sgjj@2020", "sgjj@2023"]
    # A round pinned to 2020 still resolves its old codes.
    assert catalog.locate("SGJJ-2020.1")[0].version == 2020


def test_office_adds_its_own_framework_and_focus_list_version(tmp_path: Path) -> None:
    _write(tmp_path, "frameworks/bjxc@2026.json", _office_framework())
    _write(tmp_path, "focus_lists/school@2.json", _office_focus_list())
    catalog = load_catalog([tmp_path])
    assert catalog.framework("bjxc").aspects[0].categories[0].corresponds_to == ("SIGJJ-2025.2.4",)
    assert [i.title for i in catalog.focus_list("school")] == ["校园餐", "校服"]


def test_office_file_cannot_replace_a_shipped_version(tmp_path: Path) -> None:
    clash = _write(tmp_path, "disciplines@1.json", _shipped("disciplines@1.json"))
    with pytest.raises(TaxonomyError) as info:
        load_catalog([tmp_path])
    assert str(clash) in info.value.message
    assert "内置文件" in info.value.message and "disciplines@1" in info.value.message


def test_two_office_dirs_cannot_define_the_same_version(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _write(first, "disciplines@2.json", _office_disciplines())
    dup = _write(second, "disciplines@2.json", _office_disciplines())
    with pytest.raises(TaxonomyError) as info:
        load_catalog([first, second])
    assert str(dup) in info.value.message


def test_new_target_subtype_needs_its_focus_list(tmp_path: Path) -> None:
    targets = _office_targets()
    village = next(k for k in targets["kinds"] if k["code"] == "village")
    village["subtypes"].append(
        {"code": "tourism", "title": "文旅特色村", "description": "乡村旅游项目集中的村"}
    )
    path = _write(tmp_path, "targets@2.json", targets)
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
    _write(tmp_path, "village.tourism@1.json", fl)
    merged = load_catalog([tmp_path]).focus_list("village", "tourism")
    assert merged[-1].code == "CUN-WLTS.1"


def test_shipped_dir_override_must_hold_the_required_series(tmp_path: Path) -> None:
    _write(tmp_path, "disciplines@1.json", _shipped("disciplines@1.json"))
    with pytest.raises(TaxonomyError, match="缺少工作方式") as info:
        load_catalog(shipped_dir=tmp_path)
    assert str(tmp_path) in info.value.message


def test_missing_extra_dir_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="不存在"):
        load_catalog([tmp_path / "nosuch"])


def test_editor_dot_files_and_other_files_are_ignored(tmp_path: Path) -> None:
    _write(tmp_path, ".~lock.disciplines@2.json", "garbage")
    _write(tmp_path, "README.md", "说明")
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
    return _mutated(_DISC, _office_disciplines, change)


def _fw(change: Callable[[Doc], object]) -> Case:
    return _mutated(_FW, _office_framework, change)


def _fl(change: Callable[[Doc], object]) -> Case:
    return _mutated(_FL, _office_focus_list, change)


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
        _mutated("disciplines@3.json", _office_disciplines, lambda d: None),
        "文件名应为“disciplines@2.json”",
    ),
    "singleton id": (
        _mutated("jilv@2.json", _office_disciplines, lambda d: d.update(id="jilv")),
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
            lambda: _renumber(_office_framework(), "BJXC-2026", "SGJJ-2020"),
            lambda d: d.update(id="sgjx", version=2020),
        ),
        "根代码“SGJJ-2020”已被",
    ),
    "unknown kind": (
        _mutated(
            "canteen@2.json", _office_focus_list, lambda d: d.update(id="canteen", kind="canteen")
        ),
        "不是已定义的被巡察对象类型",
    ),
    "unknown subtype": (
        _mutated(
            "school.rural@2.json",
            lambda: _renumber(_office_focus_list(), "GLYX", "GLYX-NC"),
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
            _office_focus_list,
            lambda d: d.update(id="hospital", kind="hospital"),
        ),
        "根代码“GLYX”已被",
    ),
    "bad record kind": (
        _mutated(
            "work_methods@2.json",
            lambda: {**_shipped("work_methods@1.json"), "version": 2},
            lambda d: d["items"][0].update(record_kind="meeting"),
        ),
        "record_kind”应为",
    ),
    "activity type without activity": (
        _mutated(
            "work_methods@2.json",
            lambda: {**_shipped("work_methods@1.json"), "version": 2},
            lambda d: d["items"][1].update(activity_type="座谈会"),
        ),
        "activity_type 仅且必须",
    ),
    "duplicate kind": (
        _mutated(
            "targets@2.json", _office_targets, lambda d: d["kinds"][1].update(code="party_gov")
        ),
        "对象类型代码“party_gov”重复",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_file_is_refused_naming_the_file(tmp_path: Path, case: str) -> None:
    build, expected = MALFORMED[case]
    name, content = build()
    path = _write(tmp_path, name, content)
    with pytest.raises(TaxonomyError) as info:
        load_catalog([tmp_path])
    assert expected in info.value.message
    assert info.value.message.startswith(f"分类数据 {path}：")
    assert info.value.details["path"] == str(path)


@pytest.mark.parametrize(
    ("name", "base"),
    [
        (_DISC, _office_disciplines),
        (_FW, _office_framework),
        (_FL, _office_focus_list),
        ("targets@2.json", _office_targets),
    ],
)
def test_unmutated_baselines_load(tmp_path: Path, name: str, base: Callable[[], Doc]) -> None:
    # Guards the malformed cases: each is refused for its one change, not for its baseline.
    _write(tmp_path, name, base())
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
            [(_FW, _office_framework), (_FL, _office_focus_list), (_DISC, _office_disciplines)]
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
        path = _write(Path(tmp), name, doc)
        try:
            load_catalog([Path(tmp)])
        except TaxonomyError as exc:
            assert str(path) in exc.message or str(SHIPPED_DIR) in exc.message
