"""CLI commands for sealed packages: office keys, enrolment, devices, export, briefing, import,
verify, receipts, the wipe (清理) and conflicts."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli import common, conflict_cmds, index_cmds, labels, office_cmds
from workbench.errors import UsageError
from workbench.exchange import (
    accept_certificate,
    build_briefing,
    export_round,
    import_package,
    init_office,
    issue_receipt,
    list_devices,
    make_request,
    office_info,
    revoke_device,
    sign_request,
    verify_package,
    wipe_round,
    wipe_status,
)
from workbench.exchange.errors import NothingToExport, PackageRejected
from workbench.exchange.intake import rejected
from workbench.services.setup_common import resolve_team

RESEND_HINT = "。如上次的数据包遗失，可加 --all-unconfirmed 重新导出全部未经回执确认的内容"


def _out(path: str) -> Path:
    out = Path(path)
    if out.exists():
        raise UsageError(f"文件已存在，不会覆盖：{out}")
    if not out.parent.is_dir():
        raise UsageError(f"文件夹不存在：{out.parent}")
    return out


def _read(path: str) -> bytes:
    source = Path(path)
    if not source.is_file():
        raise UsageError(f"文件不存在：{source}")
    if source.stat().st_size > 1 << 20:
        raise UsageError("文件过大，不是登记申请或证书文件")
    return source.read_bytes()


def cmd_office_init(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        info = init_office(vault, escrow=args.escrow)
    human = (
        "已生成巡察办交换密钥。\n"
        f"签名密钥指纹（请告知各巡察组核对）：{info.signing_fingerprint}\n"
        f"加密公钥：{info.age_recipient}\n加密公钥指纹：{info.age_fingerprint}"
        + (f"\n托管公钥：{info.escrow_recipient}" if info.escrow_recipient else "")
    )
    common.emit(args, info, human)
    return 0


def cmd_office_info(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        info = office_info(vault)
    human = f"签名密钥指纹：{info.signing_fingerprint}\n加密公钥：{info.age_recipient}"
    common.emit(args, info, human)
    return 0


def cmd_enrol_request(args: argparse.Namespace) -> int:
    out = _out(args.out)
    with common.unlock(args) as vault:
        data, request = make_request(vault)
    out.write_bytes(data)
    human = f"已生成登记申请：{out}\n本设备指纹（请与巡察办电话核对）：{request.fingerprint}"
    common.emit(
        args,
        {"file": str(out), "device_id": request.device_id, "fingerprint": request.fingerprint},
        human,
    )
    return 0


def cmd_enrol_sign(args: argparse.Namespace) -> int:
    data = _read(args.request)
    out = _out(args.out)
    with common.unlock(args) as vault:
        cert, device = sign_request(
            vault, data, valid_days=args.valid_days, expect_fingerprint=args.fingerprint
        )
        office = office_info(vault)
    out.write_bytes(cert)
    human = (
        f"已为设备 {device.device_id}（{device.display_name}）签发证书：{out}\n"
        f"设备指纹：{device.fingerprint}"
        + ("" if args.fingerprint else "（未提供核对值：请务必与设备方电话核对）")
        + f"\n巡察办指纹：{office.signing_fingerprint}\n有效期至：{device.not_after:%Y-%m-%d}"
    )
    common.emit(
        args,
        {"file": str(out), "device": device, "office_fingerprint": office.signing_fingerprint},
        human,
    )
    return 0


def cmd_enrol_accept(args: argparse.Namespace) -> int:
    data = _read(args.certificate)
    with common.unlock(args) as vault:
        cert, office_fp = accept_certificate(
            vault, data, expect_office_fingerprint=args.fingerprint
        )
    human = f"已接受设备证书（有效期至 {cert.not_after:%Y-%m-%d}）。\n巡察办指纹：{office_fp}" + (
        "" if args.fingerprint else "（未提供核对值：请务必与巡察办电话核对）"
    )
    common.emit(
        args,
        {"device_id": cert.device_id, "office_fingerprint": office_fp, "not_after": cert.not_after},
        human,
    )
    return 0


def cmd_devices_list(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        rows = list_devices(vault)
    lines = [
        f"{d.device_id}  {d.display_name:<8}  {d.fingerprint}  至 {d.not_after:%Y-%m-%d}  "
        + (f"已吊销（{d.revoked_reason}）" if d.revoked_at else f"最新序号 {d.last_seq or '-'}")
        for d in rows
    ]
    common.emit(args, rows, "\n".join(lines) or "尚无登记设备")
    return 0


def cmd_devices_revoke(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        revoke_device(vault, args.device, args.reason or "")
    common.emit(
        args,
        {"revoked": args.device},
        f"已吊销设备 {args.device}；吊销名单随下一次部署包送达各组。",
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out = _out(args.out)
    with common.unlock(args) as vault:
        try:
            result = export_round(
                vault,
                common.round_arg(vault, args.round),
                out,
                all_unconfirmed=args.all_unconfirmed,
            )
        except NothingToExport as exc:  # a notice, not a failure: its own exit code
            hint = "" if args.all_unconfirmed else RESEND_HINT
            doc = {"status": "nothing_new", "code": exc.code, "message": exc.message}
            common.emit(args, doc, f"提示 [{exc.code}]：{exc.message}{hint}")
            return exc.exit_code
    counts = labels.counted(dict(sorted(result.counts.items())))
    human = (
        f"已导出第 {result.device_seq} 号数据包：{out}（{result.size} 字节）\n"
        f"记录：{counts or '无'}；附件 {result.attachments} 个"
    )
    common.emit(args, result, human)
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    out = _out(args.out)
    with common.unlock(args) as vault:
        round_id = common.round_arg(vault, args.round)
        teams = None
        if args.team:
            with vault.read() as s:
                named = [resolve_team(s, t, round_id) for t in args.team]
            teams = {device: named for device in args.device}
        lists = args.list or []
        result = build_briefing(vault, round_id, args.device, out, teams=teams, lists=lists)
    human = (
        f"已生成部署包：{out}，接收设备 {len(result.devices)} 台，"
        f"记录 {sum(result.counts.values())} 条，分类数据 {result.taxonomy} 个，"
        f"吊销名单 {result.revocations} 条"
    )
    if result.lists:
        names = "、".join(f"{label}（{file}）" for label, file in result.lists)
        human += f"\n随包下发名单（含个人信息）：{names}"
    common.emit(args, result, human)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        try:
            result = import_package(vault, Path(args.file))
        except PackageRejected as exc:
            if args.json:
                doc = {
                    "status": "rejected",
                    "code": exc.code,
                    "message": exc.message,
                    "kept_at": exc.details.get("kept_at"),
                }
                print(common.to_json(doc))
                return exc.exit_code
            raise
        index_cmds.index_after_import(vault)  # bulk-imported records: indexed after the commit
    if result.status == "already_imported":
        human = f"此数据包已导入过（{result.package_id}），未做任何改动。"
    else:
        outcome = labels.counted(result.outcome, labels.OUTCOMES)
        kind = labels.PACKAGE_KINDS.get(result.kind, result.kind)
        human = (
            f"已导入 {result.sender_user} 的第 {result.device_seq} 号{kind}："
            f"{outcome}；新附件 {result.attachments_added} 个"
        )
        human += "".join(f"\n警告：{w}" for w in result.warnings)
    common.emit(args, result, human)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        report = verify_package(vault, Path(args.file))
    if report.verdict == "rejected":
        human = f"拒收 [{report.code}]：{report.message}"
    else:
        counts = labels.counted(dict(sorted(report.counts.items()))) or "无记录"
        kind = labels.PACKAGE_KINDS.get(report.kind or "", report.kind or "")
        human = (
            f"发送方：{report.sender_user}（设备 {report.sender_device}）第 {report.device_seq} 号"
            f"{kind}\n内容：{counts}；附件 {report.attachments} 个\n结论：{report.message}"
        )
        human += "".join(f"\n警告：{w}" for w in report.warnings)
    common.emit(args, report, human)
    return 0 if report.ok else 4


def cmd_rejected(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        if args.keep_days is not None or args.max_mib is not None:
            max_bytes = None if args.max_mib is None else args.max_mib << 20
            rejected.set_retention(vault, keep_days=args.keep_days, max_bytes=max_bytes)
        state = rejected.status(vault)
    human = (
        f"被拒收的数据包保存在 {state.folder}：{state.count} 个，"
        f"共 {state.total_bytes >> 20} MiB。\n"
        f"保留 {state.keep_days} 天，总量不超过 {state.max_bytes >> 20} MiB（超出时先删最早的）。"
    )
    common.emit(args, state, human)
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    if getattr(args, "receipt_cmd", None) == "accept":
        return cmd_import(args)
    if not args.device or not args.out:
        raise UsageError("开具回执需要 --device 和 --out；接受回执用 workbench receipt accept FILE")
    out = _out(args.out)
    with common.unlock(args) as vault:
        result = issue_receipt(vault, args.device, out)
    common.emit(args, result, f"已开具回执：{out}（确认收到该设备数据包 {result.packages} 个）")
    return 0


def cmd_wipe(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault:
        if args.dry_run:
            with vault.read() as s:
                status = wipe_status(s, args.round)
            ready = "可以清理" if status.ready else "不能清理"
            human = (
                f"本轮记录 {status.records} 条（未确认 {status.unconfirmed_records}），"
                f"附件 {status.attachments} 个（未确认 {status.unconfirmed_attachments}）：{ready}"
            )
            common.emit(args, {**status.__dict__, "ready": status.ready}, human)
            return 0
        if not args.yes:
            raise UsageError("清理后数据不可恢复；确认请加 --yes（可先用 --dry-run 查看）")
        result = wipe_round(vault, args.round)
    human = f"已清理本轮记录 {result.records} 条、附件 {result.attachments} 个，并已压缩数据库。"
    common.emit(args, result, human)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    office = sub.add_parser("office").add_subparsers(dest="office_cmd", required=True)
    p = office.add_parser("init", help="生成巡察办的加密和签名密钥")
    p.add_argument("--escrow", help="托管公钥（age1…），数据包同时加密给它")
    p.set_defaults(func=cmd_office_init)
    office.add_parser("info", help="显示巡察办公钥和指纹").set_defaults(func=cmd_office_info)
    office_cmds.register(office)  # the office store on the office's server

    enrol = sub.add_parser("enrol").add_subparsers(dest="enrol_cmd", required=True)
    p = enrol.add_parser("request", help="（巡察组）生成登记申请文件")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_enrol_request)
    p = enrol.add_parser("sign", help="（巡察办）审核登记申请并签发设备证书")
    p.add_argument("request")
    p.add_argument("--out", required=True)
    p.add_argument("--valid-days", type=int, default=400)
    p.add_argument("--fingerprint", help="电话核对得到的设备指纹；不一致则拒绝")
    p.set_defaults(func=cmd_enrol_sign)
    p = enrol.add_parser("accept", help="（巡察组）接受巡察办签发的设备证书")
    p.add_argument("certificate")
    p.add_argument("--fingerprint", help="电话核对得到的巡察办指纹；不一致则拒绝")
    p.set_defaults(func=cmd_enrol_accept)

    devices = sub.add_parser("devices").add_subparsers(dest="devices_cmd", required=True)
    devices.add_parser("list", help="列出设备").set_defaults(func=cmd_devices_list)
    p = devices.add_parser("revoke", help="吊销设备")
    p.add_argument("device")
    p.add_argument("--reason")
    p.set_defaults(func=cmd_devices_revoke)

    p = sub.add_parser("export")
    p.add_argument("--round", required=True)
    p.add_argument("--out", required=True)
    p.add_argument(
        "--all-unconfirmed",
        action="store_true",
        help="重新导出本轮全部未经巡察办回执确认的内容（上次的数据包遗失时用）；默认只导出上次以来的变化",
    )
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("brief")
    p.add_argument("--round", required=True)
    p.add_argument("--device", required=True, action="append", help="接收设备，可重复")
    p.add_argument(
        "--team", action="append", help="设备受领的巡察组，可重复（默认：持有人为其组员的巡察组）"
    )
    p.add_argument(
        "--list",
        action="append",
        help="随包下发的本轮名单（data sources 所列编号），可重复；名单含个人信息，默认不下发",
    )
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_brief)
    p = sub.add_parser("import")
    p.add_argument("file")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("verify")
    p.add_argument("file")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("rejected")
    p.add_argument("--keep-days", type=int, help=f"保留天数（默认 {rejected.DEFAULT_KEEP_DAYS}）")
    p.add_argument(
        "--max-mib", type=int, help=f"保留总量上限，MiB（默认 {rejected.DEFAULT_MAX_BYTES >> 20}）"
    )
    p.set_defaults(func=cmd_rejected)

    p = sub.add_parser("receipt")
    p.add_argument("--device")
    p.add_argument("--out")
    rs = p.add_subparsers(dest="receipt_cmd")
    acc = rs.add_parser("accept", help="接受巡察办的回执")
    acc.add_argument("file")
    acc.set_defaults(func=cmd_receipt)
    p.set_defaults(func=cmd_receipt)

    p = sub.add_parser("wipe")
    p.add_argument("--round", required=True)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--yes", action="store_true")
    p.set_defaults(func=cmd_wipe)

    conflict_cmds.add_parsers(sub)
