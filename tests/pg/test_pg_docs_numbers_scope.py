"""tests/workbench/test_docs_numbers_scope.py on PostgreSQL: test_docs_data's seeded store made
on the server (a copy of the office for this module; its one scenario writes to it)."""

from collections.abc import Iterator

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.pg.desktops import OfficeTemplate, add_and_link_user
from tests.workbench.test_docs_data import DEPUTY, Seeded, _seed
from tests.workbench.test_docs_numbers_scope import *  # noqa: F403 - the scenario, run here again
from workbench.roles import Role
from workbench.store.vault import Vault


@pytest.fixture(scope="module")
def seeded(
    leader_office: OfficeTemplate, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Seeded]:
    root = tmp_path_factory.mktemp("docs") / "d"
    with leader_office.copy(root):
        with Vault.open(root, LEADER, PASSPHRASE) as vault:
            add_and_link_user(
                vault, DEPUTY, PASSPHRASE, (Role.DEPUTY_LEADER,), display_name="李副组长"
            )
            with Vault.open(root, DEPUTY, PASSPHRASE) as deputy:
                made = _seed(vault, deputy, root)
        yield made
