"""The records blob: every record of the package plus, in briefings, the revocation list."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workbench.exchange import strict
from workbench.exchange.canonical import StrictJSONError, canonical_json, strict_loads
from workbench.exchange.errors import BadRecords, PackageLimit
from workbench.exchange.recordio import PackageRecord, parse_record

RECORDS_FORMAT = "workbench-records"
RECORDS_VERSION = 1
# Records are one level deeper than their JSON columns, which are bounded by strict.json_value.
MAX_DEPTH = 12


@dataclass(frozen=True)
class Revocation:
    device_id: str
    revoked_at: datetime
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "revoked_at": self.revoked_at.isoformat(),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class RecordsDoc:
    records: tuple[PackageRecord, ...]
    revocations: tuple[Revocation, ...] = ()

    def counts(self) -> dict[str, int]:
        return dict(Counter(r.type for r in self.records))


def build_records(
    records: list[PackageRecord], revocations: list[Revocation] | tuple[Revocation, ...] = ()
) -> bytes:
    return canonical_json(
        {
            "format": RECORDS_FORMAT,
            "version": RECORDS_VERSION,
            "records": [r.to_json() for r in records],
            "revocations": [r.to_json() for r in revocations],
        }
    )


def parse_records(data: bytes, *, max_records: int) -> RecordsDoc:
    """Strictly parse and validate the records blob; BadRecords names the first bad place."""
    try:
        doc = strict_loads(data, max_depth=MAX_DEPTH)
        o = strict.obj(doc, "$", ("format", "version", "records", "revocations"))
        if o["format"] != RECORDS_FORMAT:
            raise StrictJSONError("不是记录文件", "$.format")
        strict.integer(o["version"], "$.version", RECORDS_VERSION, RECORDS_VERSION)
        raw_records = o["records"]
        if isinstance(raw_records, list) and len(raw_records) > max_records:
            raise PackageLimit(f"记录数量超过上限 {max_records}")
        items = strict.array(raw_records, "$.records", max_records)
        records = tuple(parse_record(item, f"$.records[{i}]") for i, item in enumerate(items))
        seen: set[tuple[str, str]] = set()
        for i, rec in enumerate(records):
            if (rec.type, rec.id) in seen:
                raise StrictJSONError("同一记录出现两次", f"$.records[{i}]")
            seen.add((rec.type, rec.id))
        revocations = []
        for i, item in enumerate(strict.array(o["revocations"], "$.revocations", 100_000)):
            p = f"$.revocations[{i}]"
            r = strict.obj(item, p, ("device_id", "revoked_at", "reason"))
            revocations.append(
                Revocation(
                    strict.uuid_text(r["device_id"], f"{p}.device_id"),
                    strict.timestamp(r["revoked_at"], f"{p}.revoked_at"),
                    strict.text(r["reason"], f"{p}.reason", 500),
                )
            )
    except StrictJSONError as exc:
        raise BadRecords(f"数据包中的记录不符合格式要求：{exc}", path=exc.path) from None
    return RecordsDoc(records, tuple(revocations))
