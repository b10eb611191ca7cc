"""CLI commands for the office store on the office's PostgreSQL server (issue #20):
``office create`` (the first 系统管理员 makes an empty database the office store) and ``office
connect`` (any staff member links their desktop to it). Afterwards every command unlocks through
the desktop's folder (``--store``) as for a store on this disk. ``office migrate`` moves an office
store on this disk into an empty database there (``store/office_migrate.py``)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from workbench.cli import common
from workbench.errors import UsageError
from workbench.roles import Role, validate_first_user_roles
from workbench.store import office_migrate
from workbench.store.office import OfficeVault, make_connection, server_engine
from workbench.store.office_link import Connection


def _db_password(args: argparse.Namespace, url: str) -> str | None:
    """The database login's password when the URL carries none: ``--db-password-file``, else
    ``WORKBENCH_DB_PASSWORD``, else a prompt (None without a terminal: libpq may not need one)."""
    if make_url(url).password is not None:
        return None
    if args.db_password_file:
        return common.read_text_file(args.db_password_file, "数据库口令文件").split("\n", 1)[0]
    env = os.environ.get("WORKBENCH_DB_PASSWORD")
    if env is not None:
        return env
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("数据库账号的口令: ")
    return None


def connection_from_args(args: argparse.Namespace) -> Connection:
    """The connection ``add_connection_options`` read: the URL, the CA, the login's password."""
    if not args.url.startswith("postgresql"):
        raise UsageError("巡察办服务器的地址应以 postgresql:// 开头")
    ca_pem = common.read_text_file(args.ca, "CA 证书文件") if args.ca else None
    return make_connection(
        args.url,
        ca_pem=ca_pem,
        password=_db_password(args, args.url),
        insecure_tls=args.insecure_tls,
    )


def _where(connection: Connection) -> str:
    """The server and database, never the password."""
    url = make_url(connection.url)
    return f"{url.host}:{url.port or 5432}/{url.database}"


def _role_names(roles: tuple[Role, ...]) -> str:
    return "、".join(r.label for r in roles) or "无"


def cmd_office_create(args: argparse.Namespace) -> int:
    roles = tuple(r for r in (args.roles or "").replace("，", ",").split(",") if r.strip())
    if roles:  # refused before any passphrase is asked
        validate_first_user_roles(roles)
    connection = connection_from_args(args)
    folder = common.store_dir(args)
    user = common.user_name(args)
    secret = common.new_passphrase(args, "口令", new_store=True)
    vault, code = OfficeVault.create_on_server(
        folder,
        connection,
        user_name=user,
        passphrase=secret,
        display_name=args.display_name,
        roles=roles or None,
    )
    with vault:
        data = {
            "store": str(folder),
            "server": _where(connection),
            "store_id": vault.store_id,
            "user": vault.user.name,
            "roles": [r.value for r in vault.user.roles],
            "recovery_code": code,
        }
        human = (
            f"已在巡察办服务器 {data['server']} 建立巡察办数据库（编号 {vault.store_id}），"
            f"本机连接信息已加密保存在 {folder}\n"
            f"恢复码（只显示这一次，请抄写并妥善保管）：\n\n    {code}\n\n"
            "忘记口令时，用它和服务器的连接信息运行 workbench recover --url … --ca … 找回；"
            "但找回的账户不再持有原来的角色，须由另一位系统管理员重新签发："
            "请尽快用 workbench user add 再设一位系统管理员。\n"
        )
        common.emit(args, data, human)
    return 0


def cmd_office_connect(args: argparse.Namespace) -> int:
    connection = connection_from_args(args)
    folder = common.store_dir(args)
    with OfficeVault.connect(
        folder, connection, common.user_name(args), common.passphrase(args)
    ) as vault:
        data = {
            "store": str(folder),
            "server": _where(connection),
            "store_id": vault.store_id,
            "user": vault.user.name,
            "roles": [r.value for r in vault.user.roles],
        }
        human = (
            f"已连接巡察办服务器 {data['server']}（数据库编号 {vault.store_id}），"
            f"用户 {vault.user.display_name}（{_role_names(vault.user.roles)}）；"
            f"连接信息已用你的口令加密保存在 {folder}"
        )
        common.emit(args, data, human)
    return 0


def cmd_office_reconnect(args: argparse.Namespace) -> int:
    folder = common.store_dir(args)
    user = common.user_name(args)
    old = common.passphrase(args, "原口令")
    new = common.new_passphrase(args)
    with OfficeVault.reconnect(folder, user, old, new) as vault:
        data = {"store": str(folder), "store_id": vault.store_id, "user": vault.user.name}
        human = (
            f"已用新口令重新连接巡察办服务器，用户 {vault.user.display_name}"
            f"（{_role_names(vault.user.roles)}）；本机保存的连接已改用新口令加密，原口令不再可用"
        )
        common.emit(args, data, human)
    return 0


def _migrate_progress(done: int, total: int | None, label: str = "") -> None:
    """Progress on a terminal only: piped stderr and ``--json`` stdout stay clean."""
    if sys.stderr.isatty() and total:
        # the label is a table's name: the operator sees what is being done, not our schema
        if label == office_migrate.BLOBS:
            what, unit = "正在上传附件", "个"
        else:
            what, unit = ("正在校验" if label == "verify" else "正在复制数据"), "行"
        print(f"\r{what}：{done:,} / {total:,} {unit}\033[K", end="", file=sys.stderr, flush=True)


def cmd_office_migrate(args: argparse.Namespace) -> int:
    from workbench.services.indexing import reindex_all

    if args.batch < 1:
        raise UsageError("--batch 应是正整数")
    connection = connection_from_args(args)
    user = common.user_name(args)
    with (
        office_migrate.open_source(Path(args.source), user, common.passphrase(args)) as source,
        tempfile.TemporaryDirectory(prefix="workbench-migrate-") as ca_folder,
    ):
        target = server_engine(Path(ca_folder), connection)
        try:
            report = office_migrate.migrate_office(
                source, target, batch=args.batch, progress=_migrate_progress, reindex=reindex_all
            )
        finally:
            target.dispose()
            if sys.stderr.isatty():
                print(file=sys.stderr)
    data = {
        "source": args.source,
        "server": _where(connection),
        "store_id": report.store_id,
        "resumed": report.resumed,
        "tables": {t.name: {"rows": t.rows, "sha256": t.sha256} for t in report.tables},
        "rows": report.rows,
        "attachments": {"blobs": report.blobs.rows, "sha256": report.blobs.sha256},
        "indexed": report.indexed,
        "audit_entries": report.audit_entries,
    }
    human = (
        f"已把 {args.source} 迁移到巡察办服务器 {data['server']}（数据库编号 {report.store_id}）"
        f"{'，从上次中断处继续' if report.resumed else ''}：{len(report.tables)} 张数据表、"
        f"{report.rows:,} 行、{report.blobs.rows:,} 个附件，行数和内容哈希逐表核对一致，"
        "审计日志链及签名在服务器上校验通过；"
        f"检索索引已在服务器上重建（{report.indexed:,} 条）。本机数据库未改动。\n"
        "各用户现在可用自己的用户名和口令运行 workbench office connect 连接服务器。"
    )
    common.emit(args, data, human)
    return 0


def add_connection_options(
    p: argparse.ArgumentParser, url: str, help_text: str, **url_kw: object
) -> None:
    """The server's URL (``url``: a positional name or an option), ``--ca``,
    ``--db-password-file`` and ``--insecure-tls``: what ``connection_from_args`` reads."""
    p.add_argument(url, help=help_text, **url_kw)  # type: ignore[arg-type]
    p.add_argument("--ca", help="巡察办的 CA 证书文件（PEM）：服务器的证书要对照它校验")
    p.add_argument(
        "--db-password-file",
        help="从文件第一行读取数据库账号的口令（默认：WORKBENCH_DB_PASSWORD 或提示输入）",
    )
    p.add_argument(
        "--insecure-tls",
        action="store_true",
        help="接受地址中不校验服务器证书的加密方式设置：无法发现冒充的服务器，"
        "每次解锁都记入日志；仅供测试环境",
    )


def register(office: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``office create``, ``office connect`` and ``office migrate``, beside the office's exchange
    keys."""
    for name, help_text, func in (
        (
            "create",
            "（系统管理员）把巡察办服务器上的空数据库建成巡察办数据库，并记录本机的连接",
            cmd_office_create,
        ),
        (
            "connect",
            "把本机连接到巡察办服务器上的数据库，以你自己的用户名和口令解锁",
            cmd_office_connect,
        ),
    ):
        p = office.add_parser(name, help=help_text)
        add_connection_options(p, "url", "postgresql://数据库账号@服务器:端口/数据库名")
        if name == "create":
            p.add_argument("--display-name", help="第一个用户的显示名")
            p.add_argument("--roles", help="第一个用户的角色（默认：巡察办,系统管理员）")
        p.set_defaults(func=func)
    p = office.add_parser(
        "reconnect",
        help="系统管理员为你设置新口令后：用原口令打开本机保存的连接，改用新口令加密并解锁"
        "（不必再填连接信息）",
    )
    p.set_defaults(func=cmd_office_reconnect)
    p = office.add_parser(
        "migrate",
        help="（系统管理员）把本机的巡察办数据库迁移到巡察办服务器上的空数据库，并逐表校验",
    )
    p.add_argument("--from", dest="source", required=True, help="本机巡察办数据库所在的文件夹")
    add_connection_options(
        p, "--to", "postgresql://数据库账号@服务器:端口/数据库名", dest="url", required=True
    )
    p.add_argument(
        "--batch",
        type=int,
        default=office_migrate.DEFAULT_BATCH,
        help=f"每批复制的行数（默认 {office_migrate.DEFAULT_BATCH}）",
    )
    p.set_defaults(func=cmd_office_migrate)
