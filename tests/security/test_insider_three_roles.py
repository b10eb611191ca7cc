"""三员分立 against an insider: a user who kept case content from a business role they no longer
hold reads none of it once they are 三员 only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.conftest import team, team_template
from tests.workbench.team import Team
from workbench.errors import PermissionDenied
from workbench.models import FocusItem
from workbench.roles import Role
from workbench.services.drafts import list_drafts, save_draft
from workbench.services.focus import list_focus_items
from workbench.services.users import set_user_roles
from workbench.store.vault import Vault

__all__ = ["team", "team_template"]  # fixtures used here


def test_editor_drafts_of_a_former_member_are_not_shown_to_them_as_3yuan(team: Team) -> None:
    typed = {"summary": "反映张县管违规收受礼品"}
    with team(LEADER).session() as s:  # the 组长 types too: a business role keeps its drafts
        save_draft(s, "d-leader", kind="letter", payload=typed)
    # the only 安全保密管理员 (no 安全审计员 here) co-signs giving up the role (dual control)
    set_user_roles(
        team(LEADER),
        "secadmin",
        (Role.MEMBER,),
        cosign=team(LEADER).cosigner("secadmin", PASSPHRASE),
    )
    with team("secadmin").session() as s:
        save_draft(s, "d-1", kind="letter", payload=typed, title="张县管")
    set_user_roles(team(LEADER), "secadmin", (Role.SECADMIN,))
    with Vault.open(team.directory, "secadmin", PASSPHRASE) as again, again.read() as s:
        assert list_drafts(s) == []
    with team(LEADER).read() as s:
        assert [d.payload for d in list_drafts(s)] == [typed]


def test_the_focus_checklist_with_what_was_found_is_case_content(team: Team) -> None:
    """监督重点 items carry the team's result on each (发现问题, 情况记录, the 底稿): the
    安全保密管理员 reads none of it, by the service or by a query of their own."""
    with team("secadmin").read() as s, pytest.raises(PermissionDenied) as refused:
        list_focus_items(s)
    assert refused.value.message == "安全保密管理员只能管理密级和安全设置，不能查看案件内容"
    with team("secadmin").read() as s, pytest.raises(PermissionDenied):
        s.scalars(select(FocusItem.notes)).all()
    with team(LEADER).read() as s:
        list_focus_items(s)
