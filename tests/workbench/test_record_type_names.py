"""Every map that names record types reads the registry (``labels.RECORD_TYPES``), so no
screen or message calls an interview 谈话记录, an activity 工作活动 or a target 被巡察单位."""

from __future__ import annotations

from pathlib import Path

from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.services.activities import _OWN_RECORD
from workbench.services.attachments import list_attachments
from workbench.services.identifiers import KINDS
from workbench.services.portraits import REF_MODELS
from workbench.services.reads import record_table
from workbench.services.workflow import SOURCE_MODELS
from workbench.store.vault import Vault
from workbench.vocab.labels import BY_KIND, BY_TABLE, type_label


def test_the_cli_kinds_are_named_by_the_registry() -> None:
    for command, kind in KINDS.items():
        table = str(kind.model.__tablename__)
        assert kind.label == BY_TABLE[table].label, command
    assert KINDS["interviews"].label == "个别谈话"
    assert KINDS["targets"].label == "被巡察对象"


def test_a_read_names_the_table_the_registry_gives() -> None:
    for kind, spec in BY_KIND.items():
        assert record_table(kind) == spec.table
        assert record_table(spec.table) == spec.table
    assert record_table("lists") == "list_entries"  # the CLI's command name


def test_source_and_reference_kinds_carry_the_one_name() -> None:
    """Before: 谈话记录 in “未找到谈话记录” while the page is 个别谈话."""
    for kind, (_model, label) in SOURCE_MODELS.items():
        assert label == type_label(kind)
    assert REF_MODELS["interview"][1] == _OWN_RECORD["interview"] == "个别谈话"


def test_an_attachment_belongs_to_a_record_named_as_its_page(demo_dir: Path) -> None:
    """Before: 整改台账 and 报告文书 beside the pages' 整改事项 and 报告."""
    vault = Vault.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    try:
        with vault.session() as session:
            views = list_attachments(session, limit=500).items
    finally:
        vault.lock()
    uses = [use for view in views for use in view.used_by]
    assert {use.record_type for use in uses} >= {"letters", "rectifications", "reports"}
    assert all(use.label == type_label(use.record_type) for use in uses)
