"""Guessing which column holds which field from the headers a list came with."""

from __future__ import annotations

from workbench.datacheck.mapping import guess
from workbench.vocab.enums import DataListKind as Kind


def test_exact_synonyms_map_the_assistance_list() -> None:
    headers = ["序号", "户主姓名", "公民身份号码", "所在村", "保障金额（元）", "发放年月"]
    assert guess(Kind.ASSISTANCE, headers) == {
        "name": 1,
        "id_number": 2,
        "place": 3,
        "amount": 4,
        "paid_on": 5,
    }


def test_full_width_spaces_and_brackets_are_normalised() -> None:
    headers = ["姓　名", "身份证号码", "村(社区)", "补贴面积（亩）", "确权面积(亩)"]
    assert guess(Kind.SUBSIDY, headers) == {
        "name": 0,
        "id_number": 1,
        "place": 2,
        "subsidy_area": 3,
        "contract_area": 4,
    }


def test_the_longer_synonym_wins_and_no_column_serves_two_fields() -> None:
    headers = ["干部身份证号", "干部姓名", "亲属姓名", "身份证号", "与干部关系"]
    assert guess(Kind.RELATIVES, headers) == {
        "related_id": 0,
        "related_name": 1,
        "name": 2,
        "id_number": 3,
        "category": 4,
    }


def test_business_person_given_as_legal_representative() -> None:
    headers = ["企业名称", "统一社会信用代码", "法定代表人姓名", "身份证号", "身份"]
    assert guess(Kind.BUSINESS, headers) == {
        "org": 0,
        "org_code": 1,
        "name": 2,
        "id_number": 3,
        "category": 4,
    }


def test_unknown_headers_map_nothing() -> None:
    assert guess(Kind.DEATHS, ["备注", "序号", ""]) == {}


def test_the_persons_own_columns_win_over_the_household_heads() -> None:
    headers = ["户主姓名", "户主身份证号", "姓名", "身份证号", "月保障金额", "与户主关系"]
    assert guess(Kind.ASSISTANCE, headers) == {"name": 2, "id_number": 3, "amount": 4}


def test_a_projects_list_and_a_deaths_list() -> None:
    projects = ["项目名称", "建设地点", "中标单位", "中标金额（万元）", "中标时间"]
    assert guess(Kind.PROJECTS, projects) == {
        "project": 0,
        "place": 1,
        "org": 2,
        "amount": 3,
        "awarded_on": 4,
    }
    deaths = ["姓名", "性别", "身份证号", "火化日期", "死亡日期", "户籍地址"]
    assert guess(Kind.DEATHS, deaths) == {"name": 0, "id_number": 2, "died_on": 4, "place": 5}


def test_a_general_word_is_not_found_inside_a_longer_header() -> None:
    # “身份” (the BUSINESS category) must not take the ID column by containment
    assert guess(Kind.BUSINESS, ["企业名称", "法人", "法人身份证号码"]) == {
        "org": 0,
        "name": 1,
        "id_number": 2,
    }


def test_a_column_taken_exactly_is_not_taken_again_by_containment() -> None:
    # “承包方” (the contractor's name) is inside “承包方身份证号”, which the ID took
    headers = ["合同名称", "村(社区)", "承包方身份证号", "承包方名称"]
    assert guess(Kind.CONTRACTS, headers) == {
        "contract": 0,
        "place": 1,
        "id_number": 2,
        "name": 3,
    }
    assert guess(Kind.CONTRACTS, headers[:3]) == {"contract": 0, "place": 1, "id_number": 2}


def test_a_start_titled_as_a_time_is_the_start() -> None:
    headers = ("姓名", "身份证号", "享受起始时间")
    assert guess(Kind.ASSISTANCE, headers)["since"] == 2
