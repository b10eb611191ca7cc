"""CLI commands for the store: init, info, users, recovery, attachments, backup, check, audit."""

from __future__ import annotations

import argparse
import mimetypes
import os
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from workbench.cli import common, labels, office_cmds
from workbench.errors import StoreDamaged, UsageError
from workbench.models import Base
from workbench.roles import Role, validate_first_user_roles
from workbench.services import backups, keys, member_links, users
from workbench.services.audit_log import action_label
from workbench.services.index_check import SEARCH_INDEX_STEP
from workbench.services.setup_common import resolve_member, resolve_round, resolve_team
from workbench.store import anchors, audit, migrate
from workbench.store.check import STATUS_LABELS, CheckStep, check_store, check_unopenable
from workbench.store.grants import Signer
from workbench.store.office import DISABLED_KEEPS_LOGIN
from workbench.store.pg import refuse_on_server
from workbench.store.vault import Vault


def _role_names(roles: tuple[Role, ...]) -> str:
    return "、".join(r.label for r in roles)


def cmd_init(args: argparse.Namespace) -> int:
    directory = common.store_dir(args)
    roles = tuple(r for r in (args.roles or "").replace("，", ",").split(",") if r.strip())
    if roles:  # refused before the passphrase is asked, not after
        validate_first_user_roles(roles)
    secret = common.new_passphrase(args, "口令", new_store=True)
    vault, code = Vault.create(
        directory,
        user_name=args.user or common.user_name(args),
        passphrase=secret,
        display_name=args.display_name,
        roles=roles or None,
        store_role=args.role,
    )
    with vault:
        data = {"store": str(directory), "store_id": vault.store_id, "recovery_code": code}
        human = (
            f"已创建数据库：{directory}\n"
            f"恢复码（只显示这一次，请抄写并妥善保管，丢失口令时用它找回）：\n\n    {code}\n"
        )
        common.emit(args, data, human)
    return 0


def _counts(vault: Vault) -> dict[str, int]:
    from workbench.store.separation import as_store_job

    counts: dict[str, int] = {}
    with vault.read() as s:
        as_store_job(s)  # how many rows, never which: the 系统管理员 may count them
        for table in Base.metadata.sorted_tables:
            if table.name != "store_meta":
                counts[table.name] = int(s.scalar(select(func.count()).select_from(table)) or 0)
    return counts


def cmd_info(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        engines: dict[str, object]
        with vault.read() as s:
            if vault.engine.dialect.name == "postgresql":  # the office's server
                server = s.execute(text("SHOW server_version")).scalar()
                engines = {"postgresql_version": server}
                engine_line = f"PostgreSQL {server}（巡察办服务器）"
            else:
                cipher = s.execute(text("PRAGMA cipher_version")).scalar()
                sqlite = s.execute(text("SELECT sqlite_version()")).scalar()
                engines = {"cipher_version": cipher, "sqlite_version": sqlite}
                engine_line = f"SQLCipher {cipher}　SQLite {sqlite}"
        counts = _counts(vault)
        data = {
            "store": str(vault.layout.root),
            "store_id": vault.store_id,
            "store_role": vault.store_role,
            "device_id": vault.device_id,
            "user": vault.user.name,
            "roles": [r.value for r in vault.user.roles],
            "schema_revision": migrate.current_revision(vault.engine),
            **engines,
            "counts": counts,
        }
        role_label = "巡察组（现场）" if vault.store_role == "field" else "巡察办"
        lines = [
            f"数据库：{data['store']}",
            f"编号：{vault.store_id}（{role_label}）",
            f"当前用户：{vault.user.display_name}（{_role_names(vault.user.roles)}）",
            f"结构版本：{data['schema_revision']}　{engine_line}",
            "记录数：" + labels.counted(counts),
        ]
        common.emit(args, data, "\n".join(lines))
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        new = common.new_passphrase(args)
        vault.change_passphrase(common.passphrase(args), new)
        common.emit(args, {"changed": True}, "口令已修改。")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    roles = tuple(r for r in args.roles.replace("，", ",").split(",") if r.strip())
    with common.unlock(args) as vault:
        info = users.add_user(
            vault,
            args.name,
            common.new_passphrase(args, f"用户 {args.name} 的口令"),
            roles,
            display_name=args.display_name,
            cosign=_cosign(args, vault),
        )
        common.emit(args, info, f"已添加用户 {info.name}（{_role_names(info.roles)}）")
    return 0


def _cosign(args: argparse.Namespace, vault: Vault) -> Signer | None:
    """The other 三员 holder's co-signature (dual control), when ``--cosigner`` names them."""
    if not args.cosigner:
        return None
    return vault.cosigner(args.cosigner, common.cosigner_passphrase(args))


def cmd_user_grants(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        rows = users.grant_history(s, args.name)
    reasons = {"create": "建库", "upgrade": "升级", "change": "变更", "bind": "绑定密钥"}
    lines = [
        f"{g.seq}\t{g.issued_at[:19]}\t{reasons.get(g.reason, g.reason)}\t"
        + (_role_names(g.roles) if g.active else f"已停用（{_role_names(g.roles)}）")
        + f"\t签发：{g.signer_name}"
        + (f"\t共同签署：{g.cosigner_name}" if g.cosigner_name else "")
        + ("" if g.valid else f"\t无效：{g.problem}")
        for g in rows
    ]
    common.emit(args, rows, "\n".join(lines) or f"用户 {args.name} 没有角色授权")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        rows = users.list_users(s)
    lines = [
        f"{u.name}\t{u.display_name}\t{_role_names(u.roles)}" + ("\t已停用" if u.disabled else "")
        for u in rows
    ]
    common.emit(args, rows, "\n".join(lines))
    return 0


REKEY_HINT = (
    "其复制的旧密钥文件仍能打开当前数据库：建议运行 workbench rekey 更换数据密钥"
    "（或停用时加 --rekey）。"
)


def _rekey_text(view: keys.RekeyView) -> str:
    resumed = "（完成了上次中断的更换）" if view.resumed else ""
    dropped = (
        f"已移除尚未升级的用户的密钥槽：{'、'.join(view.dropped)}（需 user enable 重新设置口令）\n"
        if view.dropped
        else ""
    )
    return (
        f"已更换数据密钥{resumed}，密钥代数 {view.key_generation}。旧密钥文件和原恢复码已作废。\n"
        f"{dropped}新的恢复码（只显示这一次，请抄写并妥善保管）：\n\n    {view.recovery_code}\n"
    )


def _after_disable(vault: Vault) -> str:
    """What else disabling needs: on the server, the person's database login goes (their rows
    are readable there without the program); on a SQLCipher store, a new data key."""
    if vault.engine.dialect.name == "postgresql":
        return f"{DISABLED_KEEPS_LOGIN}（例如 ALTER ROLE 账号 NOLOGIN）"
    return REKEY_HINT


def cmd_user_disable(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        if args.rekey:  # refused before anyone is disabled, not after
            refuse_on_server(vault.engine, "更换数据密钥")
        info = users.disable_user(vault, args.name, cosign=_cosign(args, vault))
        if not args.rekey:
            common.emit(
                args,
                info,
                f"已停用用户 {info.name}，其口令不再能解锁数据库。\n{_after_disable(vault)}",
            )
            return 0
        view = keys.rekey_store(vault)
        common.emit(
            args,
            {"user": info, "rekey": view},
            f"已停用用户 {info.name}，其口令不再能解锁数据库。\n{_rekey_text(view)}",
        )
        keys.code_shown(vault)
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        view = keys.rekey_store(vault, drop_unupgraded=args.drop_unupgraded)
        common.emit(args, view, _rekey_text(view))
        keys.code_shown(vault)
    return 0


def cmd_user_roles(args: argparse.Namespace) -> int:
    roles = tuple(r for r in args.roles.replace("，", ",").split(",") if r.strip())
    with common.unlock(args) as vault:
        info = users.set_user_roles(vault, args.name, roles, cosign=_cosign(args, vault))
        common.emit(args, info, f"用户 {info.name} 的角色：{_role_names(info.roles)}")
    return 0


def cmd_user_enable(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        secret = common.new_passphrase(args, f"用户 {args.name} 的新口令")
        info = users.enable_user(vault, args.name, secret, cosign=_cosign(args, vault))
        common.emit(args, info, f"已启用用户 {info.name}，请把新口令当面告知本人。")
    return 0


def _member_id(s: Session, args: argparse.Namespace) -> str:
    round_id = resolve_round(s, args.round) if args.round else None
    return resolve_member(s, args.member, resolve_team(s, args.team, round_id))


def _link_text(c: member_links.MemberChoice) -> str:
    return f"{c.round_name}·{c.team_name}·{c.member_name}（{c.role.label}）"


def cmd_user_link(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        view = member_links.link_member(s, args.name, _member_id(s, args))
        common.emit(args, view, f"用户 {view.user_name} 在本机担任组员：{_link_text(view)}")
    return 0


def cmd_user_unlink(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        view = member_links.unlink_member(s, _member_id(s, args), args.name)
        common.emit(args, view, f"已取消用户 {args.name} 与组员 {_link_text(view)} 的关联")
    return 0


def cmd_user_links(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        rows = member_links.list_links(s)
    lines = [
        f"{c.user_name}\t{c.user_display}\t{_link_text(c)}"
        + ("\t巡察办指定" if c.by_office else "")
        for c in rows
    ]
    common.emit(args, rows, "\n".join(lines) or "本机没有用户关联到组员")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    if args.recovery_code_file:
        code = common.read_text_file(args.recovery_code_file, "恢复码文件").strip()
    else:
        code = os.environ.get("WORKBENCH_RECOVERY_CODE") or common._prompt("恢复码")
    connection = office_cmds.connection_from_args(args) if args.url else None
    new = common.new_passphrase(args)
    vault, new_code = Vault.open_with_recovery_code(
        common.store_dir(args), code, common.user_name(args), new, connection=connection
    )
    with vault:
        human = (
            f"已为用户 {vault.user.name} 设置新口令。原恢复码已作废，"
            f"新的恢复码（只显示这一次）：\n\n    {new_code}\n"
        )
        common.emit(args, {"user": vault.user.name, "recovery_code": new_code}, human)
    return 0


def cmd_attach_add(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"文件不存在：{path}")
    media = args.media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    with common.unlock(args) as vault, vault.session() as s, open(path, "rb") as src:
        info = vault.attachments.add(
            s, src, name=args.name or path.name, media_type=media, size_hint=path.stat().st_size
        )
    note = "（内容已存在，未重复存储）" if info.deduplicated else ""
    common.emit(args, info, f"{info.sha256}  {info.size} 字节  {info.name}{note}")
    return 0


def cmd_attach_get(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with common.unlock(args) as vault, vault.session() as s:
        info = vault.attachments.export(s, args.sha256.lower(), out)
        audit.record(s, "attachment.export", "attachments", info.sha256, {"to": str(out)})
    common.emit(args, info, f"已导出 {info.name} → {out}（导出的文件未加密）")
    return 0


def cmd_attach_list(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        rows = vault.attachments.list_all(s)
    common.emit(args, rows, "\n".join(f"{a.sha256}  {a.size:>12}  {a.name}" for a in rows))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    target = Path(args.file)
    with common.unlock(args) as vault:
        done = backups.backup_store(vault, target)
    counts = {"blobs": done.blobs, "bytes": done.bytes}
    common.emit(args, counts, f"已备份到 {target}（{done.bytes} 字节，附件 {done.blobs} 个）")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    directory = common.store_dir(args)
    backups.restore_store(
        Path(args.file), directory, common.user_name(args), common.passphrase(args)
    )
    common.emit(args, {"store": str(directory)}, f"已从备份恢复到 {directory}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    try:
        vault = common.unlock(args)
    except StoreDamaged as exc:  # the report says where, read-only
        report = check_unopenable(
            common.store_dir(args),
            common.user_name(args),
            common.passphrase(args),
            reason=str(exc.details.get("reason", "")),
            extra=(SEARCH_INDEX_STEP,),
        )
    else:
        with vault:
            report = check_store(
                vault, deep=not args.quick, repair=args.repair, extra=(SEARCH_INDEX_STEP,)
            )
    lines = ["检查项：", *(_step_line(step) for step in report.steps)]
    lines += [*(f"错误：{p}" for p in report.problems), *(f"提示：{w}" for w in report.warnings)]
    lines.append("检查通过。" if report.ok else f"检查发现 {len(report.problems)} 个问题。")
    steps = [
        {"step": s.key, "status": s.status, "code": s.code, "label": s.label, "note": s.note}
        for s in report.steps
    ]
    common.emit(
        args,
        {"ok": report.ok, "problems": report.problems, "warnings": report.warnings, **report.facts}
        | {"steps": steps},
        "\n".join(lines),
    )
    return 0 if report.ok else 4


def _step_line(step: CheckStep) -> str:
    note = f"（{step.note}）" if step.note else ""
    return f"  {step.label}：{STATUS_LABELS[step.status]}{note}"


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        proof = anchors.prove(s)
    common.emit(args, proof, f"{proof.statement}\n链尾 {proof.head_hash[:16]}…")
    return 0


def _action_name(action: str) -> str:
    """The action as the audit page names it, with the code ``--action`` takes."""
    label = action_label(action)
    return f"{label}（{action}）" if label != action else action


def cmd_audit_list(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        vault.require(Role.AUDITOR)
        with vault.read() as s:
            rows = list(audit.iter_entries(s, action=args.action, limit=args.limit))
    lines = [
        f"{e.seq:>6}  {e.at:%Y-%m-%d %H:%M:%S}  {e.actor_name or '-':<8}  "
        f"{_action_name(e.action):<24}  {e.object_type or ''} {e.object_id or ''}"
        for e in rows
    ]
    common.emit(args, rows, "\n".join(lines))
    return 0


def _cosigner_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--cosigner", help="共同签署人（另一位三员）的用户名：变更安全审计员、安全保密管理员时需要"
    )
    p.add_argument(
        "--cosigner-passphrase-file",
        help="从文件第一行读取共同签署人的口令（或 WORKBENCH_COSIGNER_PASSPHRASE）",
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init")
    p.add_argument("--role", choices=["field", "office"], default="field")
    p.add_argument("--display-name")
    p.add_argument("--roles", help="第一个用户的角色，逗号分隔，须含系统管理员，如 组长,系统管理员")
    p.set_defaults(func=cmd_init)

    sub.add_parser("info").set_defaults(func=cmd_info)
    sub.add_parser("passwd").set_defaults(func=cmd_passwd)

    user = sub.add_parser("user").add_subparsers(dest="user_cmd", required=True)
    p = user.add_parser("add", help="添加用户（系统管理员）")
    p.add_argument("name")
    p.add_argument("--roles", required=True, help="逗号分隔的角色，如 组员,记录员/信访专员")
    p.add_argument("--display-name")
    _cosigner_options(p)
    p.set_defaults(func=cmd_user_add)
    user.add_parser("list", help="列出用户").set_defaults(func=cmd_user_list)
    p = user.add_parser("disable", help="停用用户（系统管理员）")
    p.add_argument("name")
    p.add_argument(
        "--rekey", action="store_true", help="停用后立即更换数据密钥（旧密钥文件随之作废）"
    )
    _cosigner_options(p)
    p.set_defaults(func=cmd_user_disable)
    p = user.add_parser("roles", help="修改用户的角色（系统管理员）")
    p.add_argument("name")
    p.add_argument("--roles", required=True, help="逗号分隔的新角色，如 组员,记录员/信访专员")
    _cosigner_options(p)
    p.set_defaults(func=cmd_user_roles)
    p = user.add_parser("enable", help="重新启用已停用的用户并设置新口令（系统管理员）")
    p.add_argument("name")
    _cosigner_options(p)
    p.set_defaults(func=cmd_user_enable)
    p = user.add_parser("grants", help="用户的角色授权记录：谁签发、谁共同签署")
    p.add_argument("name")
    p.set_defaults(func=cmd_user_grants)
    for verb, helptext, command in (
        ("link", "把用户关联到组员：在本机以该组员身份复核、审签（系统管理员）", cmd_user_link),
        ("unlink", "取消用户与组员的关联（系统管理员）", cmd_user_unlink),
    ):
        p = user.add_parser(verb, help=helptext)
        p.add_argument("name", help="用户名")
        p.add_argument("--member", required=True, help="组员姓名（或 id）")
        p.add_argument("--team", required=True, help="巡察组名称（或 id）")
        p.add_argument("--round", help="巡察轮次名称（或 id），组名在多个轮次重复时需要")
        p.set_defaults(func=command)
    user.add_parser("links", help="列出用户与组员的关联（系统管理员）").set_defaults(
        func=cmd_user_links
    )

    p = sub.add_parser("rekey")
    p.add_argument(
        "--drop-unupgraded",
        action="store_true",
        help="移除自升级以来尚未登录的用户的密钥槽（否则拒绝并列出他们）",
    )
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("recover")
    p.add_argument("--recovery-code-file")
    office_cmds.add_connection_options(
        p, "--url", "巡察办服务器上的数据库：postgresql://数据库账号@服务器:端口/数据库名"
    )
    p.set_defaults(func=cmd_recover)

    att = sub.add_parser("attach").add_subparsers(dest="attach_cmd", required=True)
    p = att.add_parser("add", help="加入附件（加密保存）")
    p.add_argument("file")
    p.add_argument("--name")
    p.add_argument("--media-type")
    p.set_defaults(func=cmd_attach_add)
    p = att.add_parser("get", help="导出附件明文到文件")
    p.add_argument("sha256")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_attach_get)
    att.add_parser("list", help="列出附件").set_defaults(func=cmd_attach_list)

    p = sub.add_parser("backup")
    p.add_argument("file")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore")
    p.add_argument("file")
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("check")
    p.add_argument("--quick", action="store_true", help="不逐个解密校验附件")
    p.add_argument("--repair", action="store_true", help="清除中断写入留下的无主附件文件")
    p.set_defaults(func=cmd_check)

    aud = sub.add_parser("audit").add_subparsers(dest="audit_cmd", required=True)
    p = aud.add_parser("verify", help="校验审计日志哈希链及其锚点，说明能证明到哪一条")
    p.set_defaults(func=cmd_audit_verify)
    p = aud.add_parser("list", help="列出审计日志（安全审计员）")
    p.add_argument("--limit", type=common.whole_number, default=50)
    p.add_argument("--action")
    p.set_defaults(func=cmd_audit_list)
