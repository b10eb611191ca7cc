"""三员分立: the 系统管理员, the 安全保密管理员 and the 安全审计员 alone read no case content,
whichever service asks; with a business role they do. Reading a record, exporting a document and
opening an attachment leave an audit entry (who, what, when) — on the demo store, a real encrypted
one."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import workbench.services  # noqa: F401 - registers the search-index hook
from workbench.cli import main
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.errors import PermissionDenied
from workbench.models import Attachment, Clue, Letter
from workbench.models.system import AuditEntry
from workbench.reports.export import export_document
from workbench.reports.registry import DocRequest
from workbench.roles import Role
from workbench.services.activities import list_activities
from workbench.services.attachments import list_attachments
from workbench.services.audit_log import list_audit_entries
from workbench.services.clues import get_clue, list_clues
from workbench.services.findings import list_findings
from workbench.services.interviews import list_interviews
from workbench.services.letters import get_letter, list_letters
from workbench.services.portraits import list_portraits
from workbench.services.reads import ATTACHMENT_OPEN, RECORD_READ, open_record
from workbench.services.rectification import list_rectifications
from workbench.services.reports import list_reports
from workbench.services.rounds import list_rounds
from workbench.services.search import search_records
from workbench.services.stats import round_stats
from workbench.services.targets import list_persons
from workbench.services.users import add_user, list_users
from workbench.store.check import check_store
from workbench.store.separation import STORE_JOB, as_store_job
from workbench.store.vault import Vault
from workbench.workspace import Workspace

AUDITOR, SECADMIN = "sunqiang", "zhaoli"  # the demo's 孙强 and 赵丽
SYSADMIN = "xitong"
AUDITOR_AND_MEMBER = "shenji_zuyuan"

REFUSALS = {
    AUDITOR: "安全审计员只能查看审计日志，不能查看案件内容",
    SECADMIN: "安全保密管理员只能管理密级和安全设置，不能查看案件内容",
    SYSADMIN: "系统管理员只能管理用户、设备和备份，不能查看案件内容",
}

CASE_READS: dict[str, Callable[[Any], Any]] = {
    "letters": list_letters,
    "interviews": list_interviews,
    "findings": list_findings,
    "clues": list_clues,
    "portraits": list_portraits,
    "rectifications": list_rectifications,
    "activities": list_activities,
    "attachments": list_attachments,
    "reports": list_reports,
    "search": lambda s: search_records(s, "巡察"),
    "stats": lambda s: round_stats(s, _round_id(s)),
    "letter": lambda s: get_letter(s, _first(s, Letter.id)),
}


def _round_id(session: Any) -> str:
    return list_rounds(session).items[0].id


def _first(session: Any, column: Any) -> str:
    """An id read around the guard (as the store's own work), for the refused get to name."""
    session.info[STORE_JOB] = True
    try:
        return str(session.scalars(select(column).limit(1)).one())
    finally:
        session.info.pop(STORE_JOB)


@pytest.fixture(scope="module")
def store(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store plus a 系统管理员 who is nothing else and a 安全审计员 who is also 组员."""
    root = tmp_path_factory.mktemp("three_roles") / "store"
    shutil.copytree(demo_template, root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))
        add_three_role_users(root)
    return root


def add_three_role_users(store: Path, add: Callable[..., object] = add_user) -> None:
    """To the demo's users, a 系统管理员 who is nothing else and a 安全审计员 who is also 组员."""
    leader = Vault.open(store, DEMO_LEADER, DEMO_PASSPHRASE)
    try:
        add(leader, SYSADMIN, DEMO_PASSPHRASE, (Role.SYSADMIN,))
        add(
            leader,
            AUDITOR_AND_MEMBER,
            DEMO_PASSPHRASE,
            (Role.AUDITOR, Role.MEMBER),
            cosign=leader.cosigner(SECADMIN, DEMO_PASSPHRASE),  # dual control
        )
    finally:
        leader.lock()


@pytest.fixture(scope="module")
def vaults(store: Path) -> Iterator[dict[str, Vault]]:
    opened: dict[str, Vault] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(store.parent / "home"))
        for name in (DEMO_LEADER, AUDITOR, SECADMIN, SYSADMIN, AUDITOR_AND_MEMBER):
            opened[name] = Vault.open(store, name, DEMO_PASSPHRASE)
        yield opened
    for vault in opened.values():
        vault.lock()


def _reads_of(vault: Vault, action: str, object_id: str) -> list[AuditEntry]:
    with vault.read() as s:
        as_store_job(s)
        return list(
            s.scalars(
                select(AuditEntry).where(
                    AuditEntry.action == action, AuditEntry.object_id == object_id
                )
            )
        )


@pytest.mark.parametrize("who", [AUDITOR, SECADMIN, SYSADMIN])
@pytest.mark.parametrize("what", list(CASE_READS))
def test_a_three_role_alone_reads_no_case_content(
    vaults: dict[str, Vault], who: str, what: str
) -> None:
    with vaults[who].read() as s, pytest.raises(PermissionDenied) as refused:
        CASE_READS[what](s)
    assert refused.value.message == REFUSALS[who]
    assert refused.value.exit_code == 6


@pytest.mark.parametrize("what", list(CASE_READS))
def test_a_three_role_with_a_business_role_reads_case_content(
    vaults: dict[str, Vault], what: str
) -> None:
    with vaults[AUDITOR_AND_MEMBER].read() as s:
        CASE_READS[what](s)  # no refusal
    with vaults[DEMO_LEADER].read() as s:  # 组长 and 系统管理员
        CASE_READS[what](s)


@pytest.mark.parametrize("who", [AUDITOR, SECADMIN, SYSADMIN])
def test_a_three_role_alone_opens_no_attachment_and_exports_no_document(
    vaults: dict[str, Vault], who: str, tmp_path: Path
) -> None:
    vault = vaults[who]
    with vault.read() as s:
        sha = _first(s, Attachment.sha256)
        round_id = _round_id(s)
    with pytest.raises(PermissionDenied, match=REFUSALS[who]):
        Workspace(vault).attachment_bytes(sha)
    with pytest.raises(PermissionDenied, match=REFUSALS[who]):
        Workspace(vault).export_attachment(sha, tmp_path / "a.bin")
    with pytest.raises(PermissionDenied, match=REFUSALS[who]):
        export_document(vault, DocRequest("letter-ledger", round_id=round_id), tmp_path / "l.xlsx")
    assert not list(tmp_path.iterdir())


def test_the_three_roles_still_do_their_duty(vaults: dict[str, Vault]) -> None:
    with vaults[AUDITOR].read() as s:
        assert list_audit_entries(s).total > 0
    with vaults[SYSADMIN].read() as s:
        assert list_users(s)
    assert not check_store(vaults[SYSADMIN]).problems  # counts attachments, shows none
    with vaults[SECADMIN].read() as s:
        assert list_rounds(s).total == 1  # the set-up is not case content
        assert list_persons(s).total > 0


def test_opening_a_record_through_the_workspace_is_audited(vaults: dict[str, Vault]) -> None:
    """The editors' path: the record and its audit entry in one write transaction."""
    workspace = Workspace(vaults[AUDITOR_AND_MEMBER])
    with vaults[DEMO_LEADER].read() as s:
        clue_id = _first(s, Clue.id)
    view = workspace.write(lambda s: open_record(s, "clue", clue_id, get_clue))
    assert view.id == clue_id
    (entry,) = _reads_of(vaults[AUDITOR], RECORD_READ, clue_id)
    assert (entry.actor_name, entry.object_type) == (AUDITOR_AND_MEMBER, "clues")


def test_a_read_is_audited_only_in_a_write_transaction(vaults: dict[str, Vault]) -> None:
    with vaults[DEMO_LEADER].read() as s:
        letter_id = _first(s, Letter.id)
        with pytest.raises(RuntimeError):
            open_record(s, "letter", letter_id, get_letter)


def test_a_refused_read_leaves_no_read_entry(vaults: dict[str, Vault]) -> None:
    with vaults[DEMO_LEADER].read() as s:
        letter_id = _first(s, Letter.id)
    with pytest.raises(PermissionDenied), vaults[AUDITOR].session() as s:
        open_record(s, "letter", letter_id, get_letter)
    assert not [
        e for e in _reads_of(vaults[AUDITOR], RECORD_READ, letter_id) if e.actor_name == AUDITOR
    ]


def test_show_on_the_command_line_is_audited(
    store: Path, vaults: dict[str, Vault], monkeypatch: pytest.MonkeyPatch
) -> None:
    with vaults[DEMO_LEADER].read() as s:
        letter_id = _first(s, Letter.id)
    monkeypatch.setenv("WORKBENCH_STORE", str(store))
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", DEMO_PASSPHRASE)
    monkeypatch.setenv("WORKBENCH_USER", AUDITOR)
    assert main(["letters", "show", letter_id]) == 6
    assert main(["letters", "list"]) == 6
    monkeypatch.setenv("WORKBENCH_USER", DEMO_LEADER)
    assert main(["letters", "show", letter_id]) == 0
    (entry,) = _reads_of(vaults[AUDITOR], RECORD_READ, letter_id)
    assert (entry.actor_name, entry.object_type) == (DEMO_LEADER, "letters")


def test_opening_an_attachment_and_exporting_a_document_are_audited(
    vaults: dict[str, Vault], tmp_path: Path
) -> None:
    leader = vaults[DEMO_LEADER]
    with leader.read() as s:
        sha = _first(s, Attachment.sha256)
        round_id = _round_id(s)
    assert Workspace(leader).attachment_bytes(sha)
    (opened,) = _reads_of(vaults[AUDITOR], ATTACHMENT_OPEN, sha)
    assert opened.actor_name == DEMO_LEADER
    export_document(leader, DocRequest("letter-ledger", round_id=round_id), tmp_path / "l.xlsx")
    (exported,) = _reads_of(vaults[AUDITOR], "report.export", round_id)
    assert exported.actor_name == DEMO_LEADER
