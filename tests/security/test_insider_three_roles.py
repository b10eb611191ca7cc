"""三员分立 against an insider: a user who kept case content from a business role they no longer
hold reads none of it once they are 三员 only."""

from __future__ import annotations

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.conftest import team, team_template
from tests.workbench.team import Team
from workbench.roles import Role
from workbench.services.drafts import list_drafts, save_draft
from workbench.services.users import set_user_roles
from workbench.store.vault import Vault

__all__ = ["team", "team_template"]  # fixtures used here


def test_editor_drafts_of_a_former_member_are_not_shown_to_them_as_3yuan(team: Team) -> None:
    typed = {"summary": "反映张县管违规收受礼品"}
    with team(LEADER).session() as s:  # the 组长 types too: a business role keeps its drafts
        save_draft(s, "d-leader", kind="letter", payload=typed)
    set_user_roles(team(LEADER), "secadmin", (Role.MEMBER,))
    with team("secadmin").session() as s:
        save_draft(s, "d-1", kind="letter", payload=typed, title="张县管")
    set_user_roles(team(LEADER), "secadmin", (Role.SECADMIN,))
    with Vault.open(team.directory, "secadmin", PASSPHRASE) as again, again.read() as s:
        assert list_drafts(s) == []
    with team(LEADER).read() as s:
        assert [d.payload for d in list_drafts(s)] == [typed]
