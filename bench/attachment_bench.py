"""Attachment throughput: encrypted add and export against a plain copy of the same file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench.common import MIB, BenchResult, Target, mb_per_s, median, ms, timed, timed_call
from bench.store_bench import PASSPHRASE, USER
from workbench.store.vault import Vault

SPEED_RATIO_TARGET = 0.5


def write_random_file(path: Path, size_mib: int) -> Path:
    """``size_mib`` MiB of random bytes, written 1 MiB at a time."""
    with open(path, "wb") as out:
        for _ in range(size_mib):
            out.write(os.urandom(MIB))
    return path


def _perturb(path: Path) -> None:
    """New content (and hash) for each run, so no add is deduplicated."""
    with open(path, "r+b") as f:
        f.write(os.urandom(32))


def _streamed_copy(src: Path, dst: Path, *, durable: bool = False) -> None:
    """A plain file copy through user space in 1 MiB chunks, as any streaming copy does.

    ``shutil.copyfile`` is kept as a figure too, but it copies inside the kernel
    (copy_file_range, which may share extents), a path no transformation of the bytes can take.
    ``durable`` adds the fsync the store gives an added blob.
    """
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while chunk := fin.read(MIB):
            fout.write(chunk)
        if durable:
            fout.flush()
            os.fsync(fout.fileno())


def _add(vault: Vault, src: Path) -> str:
    """Add ``src`` in its own write transaction (committed); its SHA-256."""
    with vault.session() as s, open(src, "rb") as f:
        return vault.attachments.add(s, f, name=src.name, size_hint=src.stat().st_size).sha256


def _export(vault: Vault, sha: str, out: Path) -> None:
    with vault.read() as s:
        vault.attachments.export(s, sha, out)


def _settled(fn: Callable[[], object]) -> float:
    """Time ``fn`` from a clean page cache state: flush dirty pages first, so one step's
    writeback does not throttle the next step's writes (the kernel's dirty-page limits)."""
    os.sync()
    return timed(fn)


def _measure(tmp: Path, src: Path, runs: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {
        "copyfile": [],
        "copy": [],
        "copy_fsync": [],
        "add": [],
        "export": [],
    }
    vault, _code = Vault.create(tmp / "attach-store", user_name=USER, passphrase=PASSPHRASE)
    copy, export = tmp / "copy.bin", tmp / "export.bin"
    try:
        for _ in range(runs):
            _perturb(src)
            samples["copyfile"].append(_settled(partial(shutil.copyfile, src, copy)))
            copy.unlink()
            samples["copy_fsync"].append(_settled(partial(_streamed_copy, src, copy, durable=True)))
            copy.unlink()
            os.sync()
            sha, add_s = timed_call(partial(_add, vault, src))
            samples["add"].append(add_s)
            # the export and its baseline write the same path, in alternating order: on this
            # VM the write speed of a fresh file depends on what was written just before
            steps = [
                ("export", partial(_export, vault, sha, export)),
                ("copy", partial(_streamed_copy, src, export)),
            ]
            for name, step in steps if len(samples["export"]) % 2 else reversed(steps):
                samples[name].append(_settled(step))
                export.unlink()
    finally:
        vault.lock()
    return samples


def _result(
    name: str, verb: str, size: int, own: list[float], copy: tuple[str, list[float]]
) -> BenchResult:
    """``verb``'s samples against the copy baseline ``(label, samples)``."""
    copy_name, copy_samples = copy
    own_s, copy_s = median(own), median(copy_samples)
    ratio = round(copy_s / own_s, 3)
    return BenchResult(
        name=name,
        title=f"Attachment {verb}, {size // MIB} MiB (median of {len(own)})",
        summary=f"{verb} {mb_per_s(size, own_s)} MB/s vs {copy_name} {mb_per_s(size, copy_s)} MB/s",
        params={"size_mib": size // MIB, "runs": len(own)},
        figures={
            f"{verb}_ms": ms(own_s),
            f"{verb}_mib_per_s": mb_per_s(size, own_s),
            f"{verb}_runs_ms": [ms(s) for s in own],
        },
        baseline={
            "copy": copy_name,
            "copy_ms": ms(copy_s),
            "copy_mib_per_s": mb_per_s(size, copy_s),
            "copy_runs_ms": [ms(s) for s in copy_samples],
        },
        ratio=ratio,
        ratio_definition=f"copy_ms / {verb}_ms (medians): {verb} speed as a share of copy speed",
        target=Target("ratio", ">=", SPEED_RATIO_TARGET, ratio),
    )


def bench_attachments(tmp: Path, size_mib: int, runs: int) -> list[BenchResult]:
    """Add (stream, hash, encrypt, fsync) and export (decrypt, verify) vs copying the file.

    The add fsyncs its blob, so its baseline copy is fsynced too; export does not fsync.
    """
    src = write_random_file(tmp / "attachment.bin", size_mib)
    try:
        t = _measure(tmp, src, runs)
    finally:
        src.unlink()
    size = size_mib * MIB
    add = _result("attachment_add", "add", size, t["add"], ("streamed copy+fsync", t["copy_fsync"]))
    export = _result("attachment_export", "export", size, t["export"], ("streamed copy", t["copy"]))
    kernel = median(t["copyfile"])
    for result, verb in ((add, "add"), (export, "export")):
        result.notes.append(
            f"in-kernel shutil.copyfile: {mb_per_s(size, kernel)} MB/s "
            f"(ratio {kernel / median(t[verb]):.3f})"
        )
    return [add, export]
