"""A realistic demo store for ``make run`` and for benchmarks.

Users of every role share the demo passphrase (README says so). The inspection records come from
``workbench.demo_data``: one round for ``size="small"``, 100,000 records for ``size="large"``.
The store is built in a folder beside its place and renamed into place once it is complete, so a
run that is killed leaves no half store that ``demo --if-missing`` would take for a finished one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workbench.demo_data import populate_demo
from workbench.jobs import CancelToken, ProgressSink
from workbench.roles import Role
from workbench.services import users
from workbench.store.fsutil import fsync_dir, make_private_dir
from workbench.store.grants import DUAL_CONTROL, Signer
from workbench.store.keyfile import KdfParams
from workbench.store.vault import Vault, require_new_store_dir

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
    directory = Path(directory)
    require_new_store_dir(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_builds(directory)
    with _building_beside(directory) as building:
        leader, *others = DEMO_USERS
        vault, code = Vault.create(
            building / "store",
            user_name=leader.name,
            display_name=leader.display_name,
            passphrase=DEMO_PASSPHRASE,
            roles=leader.roles,
            store_role="field",
            kdf=kdf,
        )
        with vault:
            for i, user in enumerate(others):
                users.add_user(
                    vault,
                    user.name,
                    DEMO_PASSPHRASE,
                    user.roles,
                    display_name=user.display_name,
                    cosign=_cosigner(vault, user, others[:i]),
                )
            populate_demo(vault, size=size, seed=seed, progress=progress, cancel=cancel)
        require_new_store_dir(directory)
        if directory.exists():
            directory.rmdir()
        os.replace(building / "store", directory)
        fsync_dir(directory.parent)
    return Vault.open(directory, leader.name, DEMO_PASSPHRASE), code


def _cosigner(vault: Vault, user: DemoUser, added: list[DemoUser]) -> Signer | None:
    """Dual control: an earlier demo user holding the other 三员 role co-signs."""
    partner = next((u for u in added for r in user.roles if DUAL_CONTROL.get(r) in u.roles), None)
    return vault.cosigner(partner.name, DEMO_PASSPHRASE) if partner else None


_BUILD_MARK = ".demo-"
_building_here: set[Path] = set()  # this process's builds in progress


@contextlib.contextmanager
def _building_beside(directory: Path) -> Iterator[Path]:
    """A fresh folder beside ``directory``, named after it and this process; removed at the end
    whatever happens (what a killed process leaves, the next run removes)."""
    building = (
        directory.parent / f".{directory.name}{_BUILD_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    )
    make_private_dir(building)
    _building_here.add(building)
    try:
        yield building
    finally:
        _building_here.discard(building)
        shutil.rmtree(building, ignore_errors=True)


def _remove_abandoned_builds(directory: Path) -> None:
    prefix = f".{directory.name}{_BUILD_MARK}"
    for folder in directory.parent.iterdir():
        pid = folder.name.removeprefix(prefix).split("-")[0]
        if folder.name.startswith(prefix) and pid.isdigit() and _abandoned(folder, int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _abandoned(folder: Path, pid: int) -> bool:
    """Whether the process that built ``folder`` is gone (only asked on POSIX: on Windows
    ``os.kill`` would end the process, so leftovers are left there)."""
    if pid == os.getpid():
        return folder not in _building_here
    if os.name == "nt":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, but another user's
        return False
    return False
