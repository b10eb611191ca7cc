"""A throwaway PostgreSQL cluster for the tests: real server, real TLS, a folder in /tmp.

``initdb`` in a fresh folder under the system temp directory, owned by the ``postgres`` system
user when the tests run as root (PostgreSQL refuses to run as root), on a free port of
127.0.0.1 with TLS required: a CA made here (cryptography) signs the server's certificate for
``localhost``, and clients connect with ``sslmode=verify-full`` against that CA. The only
``pg_hba.conf`` line is ``hostssl … scram-sha-256``, so a connection without TLS is refused.

The postmaster is this process's child, started with a parent-death signal: if the test run is
killed, it shuts down at once. Its folder (named after the test process) is then left behind;
the next start removes every such folder whose test process is gone, stopping a server still
running there first.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import ipaddress
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

FOLDER_PREFIX = "workbench-pg-"  # then the test process's pid, a dash, mkdtemp's letters
MIN_VERSION = 14  # what the office hub supports (issue #20)
APP_ROLE = "workbench_app"
APP_DATABASE = "workbench"
READY_TIMEOUT_S = 120.0  # a loaded 2-core machine: initdb and the first start take seconds
_PR_SET_PDEATHSIG = 1


class Unavailable(Exception):
    """Why no cluster can be started here (the tests skip with this reason)."""


@dataclass(frozen=True)
class Binaries:
    bindir: Path
    version: int

    def __getitem__(self, name: str) -> str:
        return str(self.bindir / name)


def find_binaries() -> Binaries:
    """The newest PostgreSQL server binaries: ``WORKBENCH_PG_BINDIR``, Debian's
    /usr/lib/postgresql/N/bin, or ``initdb`` on PATH."""
    candidates: list[Path] = []
    if os.environ.get("WORKBENCH_PG_BINDIR"):
        candidates.append(Path(os.environ["WORKBENCH_PG_BINDIR"]))
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates.extend(debian)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "postgres").is_file():
            out = subprocess.run(
                [str(bindir / "postgres"), "--version"], capture_output=True, text=True, check=True
            ).stdout  # "postgres (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"
            major = int(out.split(")")[1].split()[0].split(".")[0])
            if major < MIN_VERSION:
                raise Unavailable(f"PostgreSQL {major} in {bindir}: {MIN_VERSION}+ is needed")
            return Binaries(bindir, major)
    raise Unavailable(
        "PostgreSQL server binaries not found (apt-get install postgresql, or set "
        "WORKBENCH_PG_BINDIR); .ci/run installs them"
    )


@dataclass(frozen=True)
class RunAs:
    """The user the server runs as: ``postgres`` when we are root, else ourselves."""

    uid: int
    gid: int

    @classmethod
    def choose(cls) -> RunAs:
        if os.geteuid() != 0:
            return cls(os.geteuid(), os.getegid())
        try:
            entry = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise Unavailable("running as root and there is no postgres system user") from exc
        return cls(entry.pw_uid, entry.pw_gid)

    def chown(self, path: Path) -> None:
        if os.geteuid() == 0:
            os.chown(path, self.uid, self.gid)

    def run(self, args: list[str], cwd: Path) -> None:
        result = subprocess.run(
            args, cwd=cwd, capture_output=True, text=True, preexec_fn=self._become, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({result.returncode}): {result.stderr.strip()}")

    def spawn(
        self, args: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        parent = os.getpid()
        with log.open("ab") as out:
            return subprocess.Popen(
                args,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                preexec_fn=lambda: self._become(die_with=parent),
            )

    def _become(self, die_with: int | None = None) -> None:
        """In the child before exec: drop to the server's user, then (after the credential
        change, which would clear it) ask for SIGINT, PostgreSQL's fast shutdown, when the
        parent dies."""
        if os.geteuid() == 0:
            os.setgroups([])
            os.setgid(self.gid)
            os.setuid(self.uid)
        if die_with is not None:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGINT)
            if os.getppid() != die_with:  # the parent died before prctl took effect
                os._exit(1)


# -- TLS ----------------------------------------------------------------------------------------


def _write_pem(path: Path, data: bytes, run_as: RunAs | None = None) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    if run_as is not None:
        run_as.chown(path)


def make_tls(
    folder: Path, run_as: RunAs, ca_common_name: str = "workbench test CA"
) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for localhost/127.0.0.1 signed by it. Returns the CA
    certificate, the server certificate and the server key (readable by the server only)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ca_common_name)])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    ca_path, cert_path, key_path = folder / "ca.crt", folder / "server.crt", folder / "server.key"
    _write_pem(ca_path, ca_cert.public_bytes(pem))
    os.chmod(ca_path, 0o644)
    _write_pem(cert_path, server_cert.public_bytes(pem), run_as)
    _write_pem(
        key_path,
        server_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        run_as,
    )
    return ca_path, cert_path, key_path


# -- leftovers of killed runs -------------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def remove_leftovers(temp_root: Path) -> list[Path]:
    """Remove the folders of earlier runs whose test process is gone, stopping (SIGQUIT, the
    immediate shutdown) a postmaster still running in one. Folders of live runs stay."""
    removed = []
    for folder in temp_root.glob(FOLDER_PREFIX + "*-*"):
        owner = folder.name.removeprefix(FOLDER_PREFIX).split("-")[0]
        if not owner.isdigit() or _alive(int(owner)):
            continue
        server = _read_pid(folder / "data" / "postmaster.pid")
        if server is not None and _alive(server):
            with contextlib.suppress(ProcessLookupError):
                os.kill(server, signal.SIGQUIT)
            _wait_gone(server, 30.0)
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _wait_gone(pid: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)


# -- the cluster --------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _url(user: str, password: str, port: int, database: str, ca: Path) -> str:
    return (
        f"postgresql://{quote(user)}:{quote(password)}@localhost:{port}/{database}"
        f"?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert={quote(str(ca))}"
    )


@dataclass
class Cluster:
    folder: Path
    port: int
    ca: Path
    admin_password: str
    app_password: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        """The app role on the app database (the role owns it: it runs the migrations)."""
        return _url(APP_ROLE, self.app_password, self.port, APP_DATABASE, self.ca)

    def database_url(self, database: str) -> str:
        return _url(APP_ROLE, self.app_password, self.port, database, self.ca)

    @property
    def admin_url(self) -> str:
        return _url("postgres", self.admin_password, self.port, "postgres", self.ca)

    def admin(self, *statements: str) -> None:
        """Run statements as the superuser, each in autocommit (CREATE DATABASE needs it)."""
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement.encode())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # immediate shutdown: nothing to keep
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def _wait_ready(cluster: Cluster) -> None:
    import psycopg

    deadline = time.monotonic() + READY_TIMEOUT_S
    while True:
        if cluster.process.poll() is not None:
            raise RuntimeError(f"postgres exited: {cluster.log.read_text(errors='replace')}")
        try:
            psycopg.connect(cluster.admin_url, connect_timeout=5).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def start(
    temp_root: Path | None = None,
    *,
    language: str | None = None,
    settings: Mapping[str, str] | None = None,
) -> Cluster:
    """initdb, TLS, start; the app role and database made. Raises ``Unavailable`` when this
    machine cannot run one. ``language`` (``zh_CN``): the server's messages in that language,
    through gettext's ``LANGUAGE`` under ``lc_messages=C.UTF-8`` (no locale need be installed,
    only PostgreSQL's catalogs: ``message_catalog``). ``settings``: server settings over the
    tests' (the bench gives its server an office's memory)."""
    binaries = find_binaries()
    run_as = RunAs.choose()
    temp_root = temp_root or Path(tempfile.gettempdir())
    remove_leftovers(temp_root)
    # the owner in the name, not in a file: a folder is never seen without its owner
    folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-", dir=temp_root))
    try:
        run_as.chown(folder)
        ca, cert, key = make_tls(folder, run_as)
        admin_password = secrets.token_urlsafe(24)
        app_password = secrets.token_urlsafe(24)
        pwfile = folder / "pwfile"
        _write_pem(pwfile, admin_password.encode(), run_as)
        data = folder / "data"
        run_as.run(
            [
                binaries["initdb"],
                "-D",
                str(data),
                "-U",
                "postgres",
                f"--pwfile={pwfile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",  # byte order, as SQLite's BINARY collation
                "--no-sync",
            ],
            cwd=folder,
        )
        pwfile.unlink()
        # TLS or nothing: no plain `host` line, no unix socket
        (data / "pg_hba.conf").write_text("hostssl all all 127.0.0.1/32 scram-sha-256\n")
        log = folder / "postgres.log"
        cluster = process = None
        for _attempt in range(3):  # a free port may be taken between the probe and the bind
            port = _free_port()
            server = {
                "port": str(port),
                "listen_addresses": "127.0.0.1",
                "unix_socket_directories": "",
                "ssl": "on",
                "ssl_cert_file": str(cert),
                "ssl_key_file": str(key),
                "ssl_min_protocol_version": "TLSv1.2",
                "password_encryption": "scram-sha-256",
                "shared_buffers": "32MB",
                "max_connections": "50",
                # a throwaway: durability buys nothing and costs the shared disk
                "fsync": "off",
                "synchronous_commit": "off",
                "full_page_writes": "off",
                **(settings or {}),
            }
            env = None
            if language is not None:
                server["lc_messages"] = "C.UTF-8"
                env = {**os.environ, "LANGUAGE": language}
            args = [binaries["postgres"], "-D", str(data)]
            for name, value in server.items():
                args += ["-c", f"{name}={value}"]
            process = run_as.spawn(args, cwd=folder, log=log, env=env)
            candidate = Cluster(folder, port, ca, admin_password, app_password, process, log)
            try:
                _wait_ready(candidate)
            except RuntimeError:
                if "could not bind" in log.read_text(errors="replace"):
                    continue
                raise
            cluster = candidate
            break
        if cluster is None:
            raise RuntimeError(f"postgres found no free port: {log.read_text(errors='replace')}")
        try:
            cluster.admin(
                f"CREATE ROLE {APP_ROLE} LOGIN PASSWORD '{app_password}'",
                f"CREATE DATABASE {APP_DATABASE} OWNER {APP_ROLE}",
            )
        except BaseException:
            cluster.stop()
            raise
        return cluster
    except BaseException:
        if process is not None and process.poll() is None:  # not ready in time, or interrupted
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)
        raise


def message_catalog(binaries: Binaries, language: str) -> Path | None:
    """The server's translated messages for ``language``, where the packaging installs them
    (Debian: /usr/share/locale/zh_CN/LC_MESSAGES/postgres-15.mo), or None."""
    for root in (Path("/usr/share/locale"), binaries.bindir.parent / "share" / "locale"):
        found = sorted((root / language / "LC_MESSAGES").glob(f"postgres-{binaries.version}.mo"))
        found += sorted((root / language / "LC_MESSAGES").glob("postgres.mo"))
        if found:
            return found[0]
    return None


@contextlib.contextmanager
def running(
    temp_root: Path | None = None,
    *,
    language: str | None = None,
    settings: Mapping[str, str] | None = None,
) -> Iterator[Cluster]:
    cluster = start(temp_root, language=language, settings=settings)
    try:
        yield cluster
    finally:
        cluster.stop()


def skip_reason() -> str | None:
    """Why the PostgreSQL tests cannot run here, or None."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e .)"
    try:
        find_binaries()
        RunAs.choose()
    except Unavailable as exc:
        return str(exc)
    return None
