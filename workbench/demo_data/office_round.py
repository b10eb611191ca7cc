"""An office store's round as the 巡察办 sets it up (two teams, one county-level and led by the
other, targets of several kinds with their 监督重点清单, cadres, a 回避 declaration, "3+1"
entries), through the office's own set-up functions: the screenshots of 轮次配置 show it; and
what the screenshots type into the round wizard (a 专项 round of a city office)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.services import setup_records as records
from workbench.services.focus import ListEntryDraft
from workbench.services.office_setup import (
    DEFAULT_FRAMEWORK,
    add_round,
    add_target,
    add_team_member,
)
from workbench.services.rounds import MemberDraft, RoundDraft, RoundView
from workbench.services.targets import PersonDraft, TargetDraft
from workbench.vocab.enums import AttentionLevel, ListKind, OrgLevel, RoundType

TERM = "十五届市委"
AUTHORIZATION_NO = "市巡办〔2026〕3号"
TOPIC = "乡村振兴领域"

OFFICE_USER = "ban"  # the store's 巡察办 user, who leads the first team
OFFICE_DISPLAY_NAME = "李明"
# a cadre whose 身份证号 has a wrong check character: the refusal shown on screen
MISTYPED_PERSON = ("冯强", "110101197503120419")

_TARGETS = (  # name, kind, sub-type, attention, county, 一把手
    ("县教育局党组", "party_gov", None, AttentionLevel.KEY, "", "钱国华"),
    ("东山村党总支", "village", "complex", AttentionLevel.SPECIAL, "东城区", "赵立新"),
    ("幸福社区党委", "community", "commercial", AttentionLevel.GENERAL, "东城区", "孙丽"),
    ("县人民医院党委", "hospital", None, AttentionLevel.GENERAL, "", "李德明"),
)
_PERSONS = (  # target index, name, post, 干部管理权限, 身份证号
    (0, "钱国华", "党组书记、局长", "county", "110101197503120418"),
    (0, "周敏", "副局长", "county", "110101198207081623"),
    (1, "赵立新", "党总支书记", "other", "110101196901253019"),
)


def set_up_office_round(s: Session) -> RoundView:
    framework, version = DEFAULT_FRAMEWORK
    rnd = add_round(
        s, RoundDraft("2026年第一轮联动巡察", 2026, 1, RoundType.LINKED, framework, version)
    )
    targets = [
        add_target(s, rnd.id, TargetDraft(name, kind, level, sub, county=county, leader_name=head))
        for name, kind, sub, level, county, head in _TARGETS
    ]
    ids = [t.target.id for t in targets]
    persons = [
        records.add_person(s, rnd.id, PersonDraft(ids[i], name, level, position, id_number=number))
        for i, name, position, level, number in _PERSONS
    ]
    first = records.add_team(s, rnd.id, records.TeamFields("第一巡察组"), leader=OFFICE_USER)
    second = records.add_team(
        s,
        rnd.id,
        records.TeamFields("东城区联动组", OrgLevel.COUNTY, "东城区", first.team.id),
        leader="孙建军",
    )
    records.set_team_targets(s, first.team.id, ids[::2])
    records.set_team_targets(s, second.team.id, ids[1::2])
    for name, unit, force in (("吴晓东", "市审计局", "seconded"), ("郑红", "市委巡察办", "fixed")):
        add_team_member(s, first.team.id, MemberDraft(name, "member", force, original_unit=unit))
    add_team_member(
        s,
        second.team.id,
        MemberDraft(
            "王磊",
            "deputy",
            "seconded",
            original_unit="东城区财政局",
            home_level=OrgLevel.COUNTY,
            home_county="东城区",
            recusal="配偶在县教育局任职",
            recusal_target_ids=(ids[0],),
            recusal_person_ids=(persons[1].id,),
        ),
    )
    entries = (
        (
            ListKind.POLICY,
            "农村集体“三资”管理办法",
            None,
            "东政发〔2024〕3号",
            "第十二条",
            "村集体资产处置应当经村民代表会议讨论决定，并公示不少于七日。",
        ),
        (ListKind.FUNCTION, "教育经费统筹与拨付", ids[0], "", "", "负责全县教育经费的统筹安排。"),
        (
            ListKind.SUPERVISION,
            "审计发现的专项资金滞留",
            ids[0],
            "",
            "",
            "2024 年审计报告第 5 项。",
        ),
        (ListKind.PROBLEM, "上轮巡察反馈的账目不清问题", ids[1], "", "", "整改销号材料不全。"),
    )
    for kind, title, target_id, number, clause, content in entries:
        draft = ListEntryDraft(
            kind,
            title,
            target_id,
            document_no=number,
            clause=clause,
            content=content,
            source="县委巡察办",
        )
        records.add_list_entry(s, rnd.id, draft)
    return rnd
