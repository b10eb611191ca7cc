"""Taxonomy data and loader: the shipped files, version selection, office extensions, and the
refusal of every kind of malformed file with a message that names it."""

from __future__ import annotations

import itertools
import re

import pytest

from tests.workbench.taxonomy_docs import joined
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


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


# --- the shipped data ------------------------------------------------------------------------


def test_every_shipped_file_loads(catalog: Catalog) -> None:
    files = sorted(SHIPPED_DIR.rglob("*.json"))
    assert len(files) == len(catalog.documents()) == 27
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
        joined([d.title for d in catalog.disciplines()])
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
        joined([k.title for k in catalog.target_kinds()])
        == "党政机关、群团组织、公立院校、公立医院、国有企业、乡镇（街道）、村、社区、其他事业单位"
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


def test_portrait_template_has_8_dimensions_and_38_items(catalog: Catalog) -> None:
    template = catalog.portrait_template("zzhx")
    assert len(template.dimensions) == 8
    assert len(template.items) == 38
    assert [d.title for d in template.dimensions][:5] == [
        "政治忠诚",
        "政治定力",
        "政治担当",
        "政治能力",
        "政治自律",
    ]
    assert [r.title for r in template.ratings] == ["好", "较好", "一般", "差"]
    assert len({i.code for i in template.items}) == 38


def test_portrait_sample_framework_corrections(catalog: Catalog) -> None:
    """zzhx@2: says it is a sample to replace; 生活作风 is an item; 不搞小圈子 is a matter of
    政治纪律和政治规矩, not of 理想信念. zzhx@1 stays as published for portraits pinned to it."""
    template = catalog.portrait_template("zzhx")
    assert template.version == 2 and "示例框架" in template.source
    items = {i.title: i for i in template.items}
    assert "生活作风" in items
    assert "小圈子" in items["政治纪律和政治规矩"].description
    assert "小圈子" not in items["理想信念"].description
    assert len(catalog.portrait_template("zzhx", 1).items) == 37


def test_labels_use_full_width_brackets(catalog: Catalog) -> None:
    """乡镇（街道）: every title of the shipped taxonomy writes brackets full-width."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "resources" / "taxonomy"
    titles: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            titles.extend(str(v) for k, v in node.items() if k == "title")
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for path in root.rglob("*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    assert titles and not [t for t in titles if "(" in t or ")" in t]


def test_fs13_is_approved_by_the_dispatching_party_organisation(catalog: Catalog) -> None:
    fs13 = {m.code: m for m in catalog.work_methods()}["FS-13"]
    assert fs13.description == "派出巡察组的党组织批准的其他方式"


def test_political_discipline_cites_its_first_article(catalog: Catalog) -> None:
    political = {d.code: d for d in catalog.disciplines()}["JL-1"]
    assert "第四十九条" in political.basis


def test_disciplines_cite_the_2023_regulation_chapter_by_chapter(catalog: Catalog) -> None:
    """第二编 分则 of the 2023 条例: 第六章 政治纪律 … 第十一章 生活纪律, each with its first
    article (resources/taxonomy/README.md says where each was checked)."""
    assert "2023年12月修订" in catalog.discipline_set().source
    bases = {d.title: d.basis for d in catalog.disciplines()}
    chapters = ("六", "七", "八", "九", "十", "十一")
    titles = ("政治纪律", "组织纪律", "廉洁纪律", "群众纪律", "工作纪律", "生活纪律")
    for title, chapter in zip(titles, chapters, strict=True):
        assert bases[title].startswith(f"《中国共产党纪律处分条例》第二编第{chapter}章"), title
    firsts = ("第四十九条", "第七十七条", "第九十四条", "第一百二十二条", "第一百三十条")
    for title, first in zip(titles, (*firsts, "第一百五十条"), strict=True):
        assert bases[title].endswith(f"（{first}起）"), title


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
