"""A record line read as the receiving importer will, before it is sealed.

The store enforces the field rules at entry (``store/fieldguard.py``), but a value stored before
those rules, or written around them, would make the receiver refuse the whole package. Reading
each line with ``parse_record`` (the importer's own check) names that record and field for the
user to fix through the normal edit, and nothing is written.
"""

from __future__ import annotations

import json
import re

from workbench.errors import ValidationError
from workbench.exchange.canonical import StrictJSONError
from workbench.exchange.records.recordio import parse_record
from workbench.models.fieldrules import record_title
from workbench.vocab.labels import RECORD_LABELS, field_label

# where a refusal points: "$.fields.summary…", "$.stamps.created_at", "$.children.turns[3].answer"
_FIELD_PATH = re.compile(r"\$\.(?:(?:fields|stamps)\.(\w+)|children\.(\w+)\[\d+\]\.(\w+))")


def check_line(record_type: str, record_id: str, line: bytes, receiver: str) -> None:
    """Raise ValidationError naming the record and field if ``receiver`` (巡察办, 巡察组) would
    refuse ``line``."""
    try:
        parse_record(json.loads(line), "$", line)
    except StrictJSONError as exc:
        fields = json.loads(line).get("fields", {})
        found = _FIELD_PATH.match(exc.path)
        field = "" if found is None else (found.group(1) or found.group(3))
        where = f"“{field_label(field) if field else '内容'}”"
        if found is not None and found.group(2):
            where = f"{RECORD_LABELS.get(found.group(2), found.group(2))}中的{where}"
        raise ValidationError(
            f"{record_title(record_type, fields)}的{where}{exc.reason}，"
            f"{receiver}会拒收含有它的数据包；请修改该记录后重试",
            record_type=record_type,
            record_id=record_id,
            field=field,
            path=exc.path,
        ) from None
