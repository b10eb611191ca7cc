"""The records blob, written and read as a stream of lines: a header (the format, and in
briefings the revocation list), then one record per line, each line the canonical JSON of its
value followed by ``\\n``.

Neither side ever holds the blob whole: the exporter writes lines into a spool as it serialises
rows, and the importer validates (and writes) each record as its line arrives. A line must be
*exactly* canonical, so one byte comparison refuses duplicate keys, stray whitespace, other key
orders, other escapes and other number forms.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workbench.exchange import strict
from workbench.exchange.canonical import StrictJSONError, canonical_json
from workbench.exchange.errors import BadRecords, PackageLimit
from workbench.exchange.records.recordio import (
    MODELS,
    NOT_CANONICAL,
    PackageRecord,
    parse_record,
)
from workbench.strictjson import no_constant, no_float

RECORDS_FORMAT = "workbench-records"
RECORDS_VERSION = 2
MAX_HEADER_BYTES = 16 << 20  # the revocation list: 100,000 entries of ~150 bytes
MAX_REVOCATIONS = 100_000
# Decoding JSON makes an object per value, many times the bytes that spell it (``[{},{},…]``:
# 3 bytes → ~70): a long line must first show it holds no more items (strings, keys included,
# commas and containers) than a valid one can. A record: a finding's 4 JSON columns of 10,000
# values and 10,000 sign-offs of 6 columns ≈ 260,000; the header: 10 per revocation.
COUNT_ITEMS_ABOVE = 1 << 20
MAX_RECORD_ITEMS = 400_000
MAX_HEADER_ITEMS = 10 * MAX_REVOCATIONS + 16
# A string, or what is left of the line after an unterminated quote (so that every quote is
# scanned past once: retried from each escaped quote, the count would take quadratic time).
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)')


@dataclass(frozen=True)
class Revocation:
    device_id: str
    revoked_at: datetime
    reason: str


def header_line(revocations: Iterable[Revocation] = ()) -> bytes:
    revoked = [
        {"device_id": r.device_id, "revoked_at": r.revoked_at.isoformat(), "reason": r.reason}
        for r in revocations
    ]
    doc = {"format": RECORDS_FORMAT, "version": RECORDS_VERSION, "revocations": revoked}
    return canonical_json(doc) + b"\n"


def build_records(
    records: Iterable[PackageRecord], revocations: Iterable[Revocation] = ()
) -> bytes:
    """The whole blob at once (briefings): what ``RecordsWriter`` streams."""
    return b"".join([header_line(revocations), *(r.canonical_line() + b"\n" for r in records)])


class RecordsWriter:
    """Streams the blob into ``write`` while hashing and counting it."""

    def __init__(self, write: Callable[[bytes], object]) -> None:
        self._write = write
        self._hash = hashlib.sha256()
        self.size = 0
        self.counts: Counter[str] = Counter()
        self._emit(header_line())  # a team's package carries no revocations

    def _emit(self, line: bytes) -> None:
        self._hash.update(line)
        self._write(line)
        self.size += len(line)

    def add_line(self, record_type: str, line: bytes) -> None:
        self._emit(line + b"\n")
        self.counts[record_type] += 1

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()


# -- reading ----------------------------------------------------------------------------------


# One decoder for every line: json.loads with these hooks builds a new one per call.
_DECODER = json.JSONDecoder(parse_float=no_float, parse_constant=no_constant)


def _loads(line: bytes, path: str) -> Any:
    try:
        value = _DECODER.decode(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise StrictJSONError("不是有效的 UTF-8", path) from None
    except RecursionError:
        raise StrictJSONError("嵌套层次过深", path) from None
    except StrictJSONError as exc:
        raise StrictJSONError(exc.reason, path) from None
    except ValueError as exc:  # JSONDecodeError, or an integer of thousands of digits
        raise StrictJSONError(f"不是有效的 JSON（{str(exc)[:80]}）", path) from None
    return value


def _parse_header(line: bytes) -> tuple[Revocation, ...]:
    value = _loads(line, "$.header")
    try:
        canonical = canonical_json(value)
    except (UnicodeEncodeError, ValueError):  # a lone surrogate; NaN cannot get here
        raise StrictJSONError("字符串含无效字符", "$.header") from None
    if canonical != line:
        raise StrictJSONError(NOT_CANONICAL, "$.header")
    o = strict.obj(value, "$.header", ("format", "version", "revocations"))
    if o["format"] != RECORDS_FORMAT:
        raise StrictJSONError("不是记录文件", "$.header.format")
    strict.integer(o["version"], "$.header.version", RECORDS_VERSION, RECORDS_VERSION)
    revocations = []
    for i, item in enumerate(
        strict.array(o["revocations"], "$.header.revocations", MAX_REVOCATIONS)
    ):
        p = f"$.header.revocations[{i}]"
        r = strict.obj(item, p, ("device_id", "revoked_at", "reason"))
        revocations.append(
            Revocation(
                strict.uuid_text(r["device_id"], f"{p}.device_id"),
                strict.timestamp(r["revoked_at"], f"{p}.revoked_at"),
                strict.text(r["reason"], f"{p}.reason", 500),
            )
        )
    return tuple(revocations)


@dataclass
class RecordsReader:
    """Push parser: ``feed`` bytes as they are decrypted, ``finish`` at the blob's end.

    ``on_record(record, line)`` receives each validated record with its canonical line (without
    the newline). Lines are bounded by ``max_line``, records by ``max_records``; a record may
    appear once. Errors are coded rejections (BadRecords with the path, PackageLimit).
    """

    on_record: Callable[[PackageRecord, bytes], None]
    max_records: int
    max_line: int
    revocations: tuple[Revocation, ...] = ()
    counts: Counter[str] = field(default_factory=Counter)
    _pending: bytearray = field(default_factory=bytearray)
    _header_seen: bool = False
    _seen: set[int] = field(default_factory=set)

    @property
    def records(self) -> int:
        return len(self._seen)

    def feed(self, chunk: bytes | memoryview) -> None:
        """Take a chunk piece by piece, never more than the line that is still open may grow
        by: a line over its cap is refused before it is held, whatever the chunk size."""
        view = memoryview(chunk).cast("B")
        while view:
            room = self._limit() + 1 - len(self._pending)
            self._take(view[:room])
            view = view[room:]

    def _take(self, piece: memoryview) -> None:
        pending = self._pending
        start = len(pending)
        pending += piece
        end = pending.find(b"\n", start)
        begin = 0
        while end >= 0:
            self._check_length(end - begin)
            with memoryview(pending) as whole:
                line = bytes(whole[begin:end])  # one copy (a bytearray slice would be two)
            self._line(line)
            begin = end + 1
            end = pending.find(b"\n", begin)
        del pending[:begin]
        self._check_length(len(pending))

    def _limit(self) -> int:
        return self.max_line if self._header_seen else MAX_HEADER_BYTES

    def _check_length(self, size: int) -> None:
        limit = self._limit()
        if size > limit:
            raise PackageLimit(f"记录文件中的一行超过 {limit} 字节")

    def finish(self) -> None:
        if self._pending:
            raise BadRecords("记录文件的最后一行没有结束", path=f"$[{self.records}]")
        if not self._header_seen:
            raise BadRecords("记录文件缺少文件头", path="$.header")

    def _line(self, line: bytes) -> None:
        items = MAX_RECORD_ITEMS if self._header_seen else MAX_HEADER_ITEMS
        if too_many_items(line, items):
            raise PackageLimit(f"记录文件中的一行包含超过 {items} 项")
        try:
            if not self._header_seen:
                self.revocations = _parse_header(line)
                self._header_seen = True
                return
            index = len(self._seen)
            if index >= self.max_records:
                raise PackageLimit(f"记录数量超过上限 {self.max_records}")
            path = f"$[{index}]"
            rec = parse_record(_loads(line, path), path, line)  # checks the line is canonical
            key = _record_key(rec)
            if key in self._seen:
                raise StrictJSONError("同一记录出现两次", f"$[{index}]")
            self._seen.add(key)
        except StrictJSONError as exc:
            raise BadRecords(f"数据包中的记录不符合格式要求：{exc}", path=exc.path) from None
        self.counts[rec.type] += 1
        self.on_record(rec, line)


def too_many_items(line: bytes, limit: int = MAX_RECORD_ITEMS) -> bool:
    """Whether a line holds more than ``limit`` items, counted before it is decoded and only
    while needed: every string, and every comma, ``[`` and ``{`` outside strings."""
    if len(line) <= COUNT_ITEMS_ABOVE:  # too short to decode into much
        return False
    found = start = 0
    for string in _STRING.finditer(line):
        found += 1 + _structure(line, start, string.start())
        start = string.end()
        if found > limit:
            return True
    return found + _structure(line, start, len(line)) > limit


def _structure(line: bytes, start: int, end: int) -> int:
    return (
        line.count(b",", start, end) + line.count(b"[", start, end) + line.count(b"{", start, end)
    )


_TYPE_CODES = {name: code for code, name in enumerate(MODELS)}
_TYPE_BITS = len(_TYPE_CODES).bit_length()


def _record_key(rec: PackageRecord) -> int:
    """(type, id) as one exact int: the id is a validated UUID (128 bits), the type one of ours.
    A set of these costs about half a set of (type, id) tuples, and the import's memory must not
    grow with the package."""
    return int(rec.id.replace("-", ""), 16) << _TYPE_BITS | _TYPE_CODES[rec.type]
