"""One measurement of ``exchange_bench`` in a fresh process.

``python -m bench.exchange_child --child OP ARGS…`` opens its store first and then resets the
kernel's peak-RSS mark (see ``memory_bench``), so key derivation and start-up are neither timed
nor counted, runs OP and prints ``BENCH-EXCHANGE {json}``. The raw baselines are the same
children around ``pyrage.encrypt_io``/``decrypt_io``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.memory_bench import _peak_rss_kib, _reset_peak_rss, _status_kib

MARK = "BENCH-EXCHANGE "
OFFICE_USER = "bench-ban"


def _open(store: str, user: str) -> Any:
    from workbench.store.vault import Vault

    return Vault.open(Path(store), user, os.environ["WORKBENCH_BENCH_PASSPHRASE"])


def _measured(fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``fn`` after a peak-RSS reset; its figures plus time and peak."""
    reset = _reset_peak_rss()
    before = _status_kib("VmRSS") or 0
    start = time.perf_counter()
    figures = fn()
    seconds = time.perf_counter() - start
    return {
        **figures,
        "seconds": seconds,
        "peak_rss_kib": _peak_rss_kib(),
        "rss_before_kib": before,
        "peak_reset": reset,
    }


def child_export(store: str, user: str, round_id: str, out: str) -> dict[str, Any]:
    from workbench.exchange.to_office import export

    vault = _open(store, user)
    spent: list[float] = []
    blob_sizes: list[int] = []
    write_package = export.write_package  # type: ignore[attr-defined]

    def timed_write(*args: Any, **kwargs: Any) -> Any:
        blob_sizes.append(args[1].blobs[0].size)
        begin = time.perf_counter()
        try:
            return write_package(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - begin)

    # instrumentation only: the export's stream phase (frame, seal, fsync) is timed apart
    export.write_package = timed_write  # type: ignore[attr-defined]

    def run() -> dict[str, Any]:
        # every unconfirmed record, as after a lost package: each run measures the whole round
        r = export.export_round(vault, round_id, Path(out), all_unconfirmed=True)
        return {"size": r.size, "records": r.records, "attachments": r.attachments}

    try:
        figures = _measured(run)
    finally:
        vault.lock()
    return {**figures, "write_package_s": spent[0], "records_blob_bytes": blob_sizes[0]}


def child_import(store: str, package: str, index: str = "index") -> dict[str, Any]:
    """``index`` (empty to skip): after the import, time the search index's catch-up."""
    from workbench.exchange import import_package
    from workbench.services.index_queue import catch_up

    vault = _open(store, OFFICE_USER)
    stages: dict[str, float] = {}
    start = 0.0

    def on_stage(stage: str) -> None:
        stages[stage] = time.perf_counter() - start

    def run() -> dict[str, Any]:
        nonlocal start
        start = time.perf_counter()
        r = import_package(vault, Path(package), on_stage=on_stage)
        return {"status": r.status, "outcome": r.outcome, "added": r.attachments_added}

    try:
        figures = _measured(run)
        begin = time.perf_counter()
        indexed = catch_up(vault) if index else 0  # what the CLI and desktop do next, timed apart
        index_s = time.perf_counter() - begin
    finally:
        vault.lock()
    return {**figures, "stages": stages, "indexed": indexed, "index_s": index_s}


def child_raw_decrypt(office_store: str, package: str, out: str) -> dict[str, Any]:
    import pyrage

    from workbench.exchange.enrolment.keys import parse_identity
    from workbench.exchange.importer import make_trust

    vault = _open(office_store, OFFICE_USER)
    try:
        identities = [parse_identity(i) for i in make_trust(vault).identities]
    finally:
        vault.lock()

    def run() -> dict[str, Any]:
        with open(package, "rb") as src, open(out, "wb") as dst:
            pyrage.decrypt_io(src, dst, identities)
        return {"plaintext_bytes": Path(out).stat().st_size}

    return _measured(run)


def child_raw_encrypt(field_store: str, user: str, plain: str, out: str) -> dict[str, Any]:
    import pyrage

    from workbench.exchange.enrolment.identity import device_keys
    from workbench.exchange.enrolment.keys import parse_recipient

    vault = _open(field_store, user)
    try:
        with vault.read() as s:
            recipients = [parse_recipient(r) for r in device_keys(s).office_recipients]
    finally:
        vault.lock()

    def run() -> dict[str, Any]:
        with open(plain, "rb") as src, open(out, "wb") as dst:  # as write_package: fsynced
            pyrage.encrypt_io(src, dst, recipients)
            dst.flush()
            os.fsync(dst.fileno())
        return {"size": Path(out).stat().st_size, "plaintext_bytes": Path(plain).stat().st_size}

    return _measured(run)


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "export": child_export,
    "import": child_import,
    "raw-decrypt": child_raw_decrypt,
    "raw-encrypt": child_raw_encrypt,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.exchange_child")
    parser.add_argument("--child", choices=sorted(CHILDREN), required=True)
    parser.add_argument("args", nargs="*")
    ns = parser.parse_args(argv)
    print(MARK + json.dumps(CHILDREN[ns.child](*ns.args)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
