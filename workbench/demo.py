"""A realistic demo store for ``make run`` and for benchmarks.

Users of every role share the demo passphrase (README says so). The inspection records come from
``workbench.demo_data``: one round for ``size="small"``, 100,000 records for ``size="large"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.demo_data import populate_demo
from workbench.jobs import CancelToken, ProgressSink
from workbench.roles import Role
from workbench.services import users
from workbench.store.keyfile import KdfParams
from workbench.store.vault import Vault

DEMO_PASSPHRASE = "xuncha-demo-2026"  # noqa: S105 - published in README on purpose
DEMO_LEADER = "wangjg"


@dataclass(frozen=True)
class DemoUser:
    name: str
    display_name: str
    roles: tuple[Role, ...]


DEMO_USERS = (
    DemoUser(DEMO_LEADER, "王建国", (Role.TEAM_LEADER, Role.SYSADMIN)),
    DemoUser("lihm", "李慧敏", (Role.DEPUTY_LEADER,)),
    DemoUser("zhangw", "张伟", (Role.MEMBER,)),
    DemoUser("chenjing", "陈静", (Role.RECORDER,)),
    DemoUser("zhaoli", "赵丽", (Role.SECADMIN,)),
    DemoUser("sunqiang", "孙强", (Role.AUDITOR,)),
)


def create_demo_store(
    directory: Path,
    *,
    size: str = "small",
    seed: int = 2026,
    kdf: KdfParams | None = None,
    progress: ProgressSink | None = None,
    cancel: CancelToken | None = None,
) -> tuple[Vault, str]:
    """Create the demo store (field laptop of 第一巡察组) and fill it with demo data of ``size``
    ("small" or "large"). Returns the vault, unlocked as the team leader, and the recovery code.
    """
    leader, *others = DEMO_USERS
    vault, code = Vault.create(
        directory,
        user_name=leader.name,
        display_name=leader.display_name,
        passphrase=DEMO_PASSPHRASE,
        roles=leader.roles,
        store_role="field",
        kdf=kdf,
    )
    try:
        for user in others:
            users.add_user(
                vault, user.name, DEMO_PASSPHRASE, user.roles, display_name=user.display_name
            )
        populate_demo(vault, size=size, seed=seed, progress=progress, cancel=cancel)
    except BaseException:
        vault.lock()
        raise
    return vault, code
