"""Database benchmarks: unlock time beyond the KDF, and SQLCipher insert throughput vs SQLite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import MetaData

from bench.common import BenchResult, Target, median, ms, timed, timed_call
from bench.records import insert_rows, make_rows, records_table
from workbench.store.engine import make_engine
from workbench.store.keyfile import Keyfile, derive_key, normalize_passphrase, user_hint
from workbench.store.layout import StoreLayout
from workbench.store.throttle import UnlockThrottle
from workbench.store.vault import Vault

USER = "bench"
PASSPHRASE = "bench-passphrase-1"
UNLOCK_REST_TARGET_MS = 100.0
INSERT_RATIO_TARGET = 1.3
BENCH_KEY = bytes(range(32))  # a fixed raw key: the cost of SQLCipher does not depend on it


# -- insert throughput --------------------------------------------------------------------------


def _time_inserts(
    db_path: Path, key: bytes | None, rows: tuple[dict[str, Any], ...], batch: int
) -> float:
    """Seconds to insert ``rows`` into a fresh database (table creation is not timed)."""
    engine = make_engine(db_path, key)
    try:
        table = records_table(MetaData())
        table.create(engine)
        return timed(lambda: insert_rows(engine, table, rows, batch))
    finally:
        engine.dispose()


def bench_insert(tmp: Path, count: int, batch: int, repeats: int) -> BenchResult:
    """SQLCipher (keyed as the store does) against plain SQLite through the same driver."""
    rows = make_rows(count)
    cipher: list[float] = []
    plain: list[float] = []
    for run in range(repeats):
        # Alternate which goes first, so neither always gets the warmer disk cache.
        order = [(plain, None), (cipher, BENCH_KEY)]
        for samples, key in order if run % 2 == 0 else reversed(order):
            db = tmp / f"insert-{run}-{'cipher' if key else 'plain'}.db"
            samples.append(_time_inserts(db, key, rows, batch))
    cipher_s, plain_s = median(cipher), median(plain)
    ratio = cipher_s / plain_s
    return BenchResult(
        name="insert_throughput",
        title=f"Insert {count:,} records, {batch:,}/transaction",
        summary=(
            f"SQLCipher {count / cipher_s:,.0f} rows/s vs SQLite {count / plain_s:,.0f} rows/s"
        ),
        params={"records": count, "batch": batch, "repeats": repeats},
        figures={
            "sqlcipher_ms": ms(cipher_s),
            "sqlcipher_rows_per_s": round(count / cipher_s),
            "sqlcipher_runs_ms": [ms(s) for s in cipher],
        },
        baseline={
            "sqlite_ms": ms(plain_s),
            "sqlite_rows_per_s": round(count / plain_s),
            "sqlite_runs_ms": [ms(s) for s in plain],
        },
        ratio=round(ratio, 3),
        ratio_definition="sqlcipher_ms / sqlite_ms (medians)",
        target=Target("ratio", "<=", INSERT_RATIO_TARGET, round(ratio, 3)),
    )


# -- unlock -------------------------------------------------------------------------------------


def _filled_store(directory: Path, count: int, batch: int) -> None:
    """A real store holding ``count`` benchmark records, locked again."""
    vault, _code = Vault.create(directory, user_name=USER, passphrase=PASSPHRASE)
    try:
        table = records_table(MetaData())
        table.create(vault.engine)
        insert_rows(vault.engine, table, make_rows(count), batch)
    finally:
        vault.lock()


def _time_kdf(directory: Path) -> float:
    """One Argon2id derivation with the user slot's own salt and parameters."""
    keyfile = Keyfile.read(StoreLayout(directory).keyfile)
    slot = keyfile.passphrase_slots(user_hint(keyfile.store_id, USER))[0]
    secret = normalize_passphrase(PASSPHRASE)
    return timed(lambda: derive_key(secret, slot.salt, slot.kdf))


def _time_open(directory: Path, throttle: UnlockThrottle) -> float:
    vault, seconds = timed_call(lambda: Vault.open(directory, USER, PASSPHRASE, throttle=throttle))
    vault.lock()
    return seconds


def bench_unlock(tmp: Path, count: int, batch: int, runs: int) -> BenchResult:
    """``Vault.open`` wall time split into the Argon2id derivation and everything else."""
    directory = tmp / "unlock-store"
    _filled_store(directory, count, batch)
    throttle = UnlockThrottle(state_file=tmp / "unlock-throttle.json")
    first = _time_open(directory, throttle)  # warm-up: first-use imports, OS file cache
    kdf: list[float] = []
    opens: list[float] = []
    for _ in range(runs):
        kdf.append(_time_kdf(directory))
        opens.append(_time_open(directory, throttle))
    open_s, kdf_s = median(opens), median(kdf)
    rest_ms = ms(open_s - kdf_s)
    db_mib = StoreLayout(directory).db.stat().st_size / (1 << 20)
    return BenchResult(
        name="unlock",
        title=f"Unlock a store of {count:,} records (median of {runs})",
        summary=f"open {ms(open_s):.1f} ms = KDF {ms(kdf_s):.1f} ms + rest {rest_ms:.1f} ms",
        params={"records": count, "runs": runs, "db_size_mib": round(db_mib, 1)},
        figures={
            "open_ms": ms(open_s),
            "unlock_minus_kdf_ms": rest_ms,
            "open_runs_ms": [ms(s) for s in opens],
            "rest_runs_ms": [ms(o - k) for o, k in zip(opens, kdf, strict=True)],
            "first_open_ms": ms(first),
        },
        baseline={"kdf_ms": ms(kdf_s), "kdf_runs_ms": [ms(s) for s in kdf]},
        ratio=round(open_s / kdf_s, 3),
        ratio_definition="open_ms / kdf_ms (medians)",
        target=Target("unlock_minus_kdf_ms", "<", UNLOCK_REST_TARGET_MS, rest_ms),
    )
