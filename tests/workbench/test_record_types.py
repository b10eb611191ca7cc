"""The one registry of record types (issue 18): one type has one name everywhere, and every
field a package carries has a Chinese label, so no screen falls back to a field's key."""

from __future__ import annotations

from workbench.exchange.records.recordio import CHILDREN, CONTENT_SCHEMAS, MODELS
from workbench.services.search import RECORD_TYPE_LABELS
from workbench.vocab.labels import BY_KIND, RECORD_LABELS, RECORD_TYPES, field_label, type_label


def test_every_exchanged_type_and_field_is_named() -> None:
    tables = {t.table for t in RECORD_TYPES}
    children = {getattr(child, "__tablename__", "") for _rel, child, _fk in CHILDREN.values()}
    assert set(MODELS) | children <= tables
    unlabelled = [
        f"{table}.{spec.name}"
        for table, model in MODELS.items()
        for spec in CONTENT_SCHEMAS[model]
        if spec.name != "id" and field_label(spec.name, table) == spec.name
    ]
    assert unlabelled == []


def test_one_name_per_type_whatever_the_key() -> None:
    """Before: 谈话记录/个别谈话, 工作活动/工作记录 and 被巡察对象/被巡察单位 on different
    screens (the conflicts page and the exchange summaries had their own list)."""
    assert len({t.kind for t in RECORD_TYPES}) == len(RECORD_TYPES)
    for t in RECORD_TYPES:
        assert type_label(t.table) == type_label(t.kind) == RECORD_LABELS[t.table] == t.label
    for kind, label in RECORD_TYPE_LABELS.items():
        if kind != "attachment":
            assert label == BY_KIND[kind].label
    assert (type_label("interviews"), type_label("activities"), type_label("targets")) == (
        "个别谈话",
        "工作记录",
        "被巡察对象",
    )


def test_a_field_reads_as_its_type_calls_it() -> None:
    """A clue's person is the one reported on; an interview's the one interviewed."""
    assert field_label("subject_name", "clues") == "被反映人"
    assert field_label("subject_name", "interviews") == "谈话对象"
    assert field_label("problem", "clues") == "具体问题"
