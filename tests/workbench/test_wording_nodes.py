"""A ``Wording`` stored as flat nodes (a hit's summary) comes back whole: the same Chinese, the
same templates and fillers, however deeply its parts nest."""

from __future__ import annotations

from workbench.i18n import N_, Wording, wording_nodes, wording_of


def test_a_nested_wording_comes_back_as_it_was_stored() -> None:
    who = Wording(
        N_("{name}（{notes}）"), name="张三", notes=Wording(N_("身份证号 …{digits}"), digits="0016")
    )
    lists = Wording(N_("{a}和{b}"), a=Wording(N_("《{list}》"), list="低保名单"), b="《名册》")
    said = Wording(N_("{who}同时在{received}和{own}中"), who=who, received=lists, own="《名册》")
    nodes = wording_nodes(said)
    back = wording_of(nodes)
    assert back == said == "张三（身份证号 …0016）同时在《低保名单》和《名册》和《名册》中"
    assert wording_nodes(back) == nodes
    assert isinstance(back.fillers["who"], Wording)
    assert back.fillers["who"].fillers["notes"].template == "身份证号 …{digits}"


def test_a_plain_string_is_one_node() -> None:
    assert wording_of(wording_nodes("张三")) == "张三"
