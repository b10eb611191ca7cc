"""`make installer-compat-test`'s last proof of the office desktop: the package installed in the
bare bullseye root connects to an office server on PostgreSQL, as a desktop does on first run.

    .venv/bin/python installer/compat/office_probe.py ROOT

Run by installer/compat/compat.sh (as root, with ROOT's /proc and /dev mounted). It starts a
throwaway TLS PostgreSQL cluster on this machine (tests/pg/cluster.py; the chroot shares this
machine's network), then in ROOT runs the installed `workbench`: `office create` on an empty
database with the office's CA (sslmode verify-full, through the bundled libpq and OpenSSL),
`info` through the linked folder, and `office connect` with a CA that did not sign the server's
certificate, which must be refused with WB-OFFICE-TLS (exit 4). Exit 0 when all held, 1 if
not, 2 when this machine has no PostgreSQL to test with (the caller says it skipped).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.pg import cluster as pg  # the clone's test cluster

PASSPHRASE = "office-probe 巡察 2026"  # noqa: S105 - a scratch store in a scratch root
TLS_REFUSED = 4
# the probe's files, as the root sees them (the root's own /tmp, deleted with the root)
SCRATCH = "/tmp/office-probe"  # noqa: S108


def in_root(root: Path, secrets: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = [f"{k}={v}" for k, v in {"WORKBENCH_HOME": f"{SCRATCH}/home", **secrets}.items()]
    command = ["chroot", str(root), "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=/root"]
    return subprocess.run(  # noqa: S603 - our own arguments
        [*command, "LANG=C.UTF-8", *env, "workbench", *args], capture_output=True, text=True
    )


def probe(root: Path, cluster: pg.Cluster) -> list[str]:
    """What went wrong (nothing: the list is empty)."""
    database = f"probe_{uuid.uuid4().hex[:12]}"
    cluster.admin(f"CREATE DATABASE {database} OWNER {pg.APP_ROLE}")
    url = f"postgresql://{pg.APP_ROLE}@localhost:{cluster.port}/{database}?hostaddr=127.0.0.1"
    files = root / SCRATCH.lstrip("/")
    files.mkdir(parents=True)
    shutil.copy(cluster.ca, files / "office-ca.crt")
    with tempfile.TemporaryDirectory() as scratch:
        other_ca, _, _ = pg.make_tls(Path(scratch), None)
        shutil.copy(other_ca, files / "other-ca.crt")
    secrets = {
        "WORKBENCH_DB_PASSWORD": cluster.app_password,
        "WORKBENCH_PASSPHRASE": PASSPHRASE,
        "WORKBENCH_NEW_PASSPHRASE": PASSPHRASE,
    }
    problems = []
    store = ("--store", f"{SCRATCH}/desk", "--user", "admin")
    create = ("office", "create", url, "--ca", f"{SCRATCH}/office-ca.crt")
    made = in_root(root, secrets, "--json", *create, *store)
    if made.returncode != 0:
        return [f"office create exited {made.returncode}: {made.stderr.strip()}"]
    print(f"office create: {json.loads(made.stdout)['server']}")
    info = in_root(root, secrets, "--json", "info", *store)
    if info.returncode != 0:
        problems.append(f"info exited {info.returncode}: {info.stderr.strip()}")
    else:
        print(f"info: PostgreSQL {json.loads(info.stdout)['postgresql_version']}")
    other = ("--ca", f"{SCRATCH}/other-ca.crt", "--store", f"{SCRATCH}/other-desk")
    other = (*other, "--user", "admin")
    refused = in_root(root, secrets, "office", "connect", url, *other)
    if refused.returncode != TLS_REFUSED or "WB-OFFICE-TLS" not in refused.stderr:
        problems.append(f"a CA that did not sign the server was not refused: {refused.stderr}")
    else:
        print("office connect with another CA: refused (WB-OFFICE-TLS)")
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[1])
    reason = pg.skip_reason()
    if reason is not None:
        print(f"no PostgreSQL to test with: {reason}")
        return 2
    with pg.running() as cluster:
        problems = probe(root, cluster)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
