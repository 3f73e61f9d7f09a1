"""Sync commands of the command line: ``device register`` and ``sync …``.

``add_commands(subparsers)`` registers them on the application's top-level
parser (hcc_desktop/cli/main.py); each command is ``func(services, args) -> int``.
``python -m hcc_desktop.cli.sync [--db PATH] COMMAND`` runs them on their own.

    device register --server URL --code CODE [--name NAME] [--json]
    sync [--json]                      push the outbox, then pull
    sync status [--json]
    sync export FILE                   the pending outbox as a bundle file
    sync conflicts [--json]
    sync resolve ID --keep local|server

Exit codes: 0 success, 1 error (server, network, storage), 2 invalid input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hcc_desktop.cli import text
from hcc_desktop.cli.common import print_json
from hcc_desktop.core.errors import HccError, StoreKeyError, SyncError, ValidationError
from hcc_desktop.core.formats.files_bundle import files_path
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP
from hcc_desktop.services import Services
from hcc_desktop.services.attachments.transfer import AttachmentSync
from hcc_desktop.services.sync.service import CA_ENV, SyncService, SyncStatus

# One English line per error code; params fill the braces.
MESSAGES = {
    "not_registered": (
        "this device is not registered with a sync server; "
        "run: device register --server URL --code CODE"
    ),
    "server_unreachable": "cannot reach the sync server ({detail})",
    "tls_error": (
        "secure connection to the server failed ({detail}); for a server certificate from "
        f"a private authority set {CA_ENV}=/path/to/ca.pem"
    ),
    "credential_revoked": (
        "this device has been revoked on the server; ask the administrator for a new "
        "enrolment code and register again"
    ),
    "credential_invalid": "the server does not recognise this device's credential; register again",
    "server_rejected": "the server refused the request: {reason} {detail}",
    "server_error": "the server failed (HTTP {status}); try again later",
    "enrolment_code_invalid": "unknown enrolment code (check it, or ask for a new one)",
    "enrolment_code_used": "this enrolment code has already been used; ask for a new one",
    "enrolment_code_expired": "this enrolment code has expired; ask for a new one",
    "no_free_slot": "the unit already has 10 active devices; revoke one on the server first",
    "device_id_taken": (
        "the server already has an active device with this device id ({device_id}); "
        "the administrator must revoke it on the server before this device registers"
    ),
    "rate_limited": "too many failed attempts; try again in {retry_after} seconds",
    "insecure_http": (
        "refused to send data over plain http:// to {url}: use https://, or allow it "
        "(settings set allow-insecure-http true) on a trusted network only"
    ),
    "bundle_write_failed": "cannot write the bundle {path}: {detail}",
    "unit_mismatch": (
        "this device holds dossiers of unit {device_unit}; it cannot join unit {server_unit}"
    ),
    "credential_unreadable": (
        "the stored sync credential cannot be read ({reason} {path}); check "
        "HCC_KEYRING_PASSPHRASE or register again"
    ),
    "credential_store_failed": "cannot store the sync credential in the keyring: {detail}",
    "chain_head_invalid": (
        "the server refused the push: its device-chain head is not signed with this "
        "device's key; register the device again and contact the administrator"
    ),
    "device_key_mismatch": (
        "the server holds another signing key for this device; register it again"
    ),
    "device_too_old": (
        "this device runs HCC Desktop {device_version}, too old for the sync server: "
        "install HCC Desktop {required_version} or newer, then sync again"
    ),
}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


# The human-readable lines of the sync commands (Vietnamese in the .ts file).
REGISTERED = QT_TRANSLATE_NOOP(
    "Cli", "Device {device} registered in unit {unit} as device number {slot}, with {server}"
)
SYNCED = QT_TRANSLATE_NOOP(
    "Cli",
    "sent {pushed}, received {pulled}, conflicts {conflicts}, refused {rejected}, "
    "already on the server {duplicates}",
)
NEW_CONFLICTS = QT_TRANSLATE_NOOP(
    "Cli", "{count} new conflict(s): see 'sync conflicts', then settle each with 'sync resolve'"
)
REFUSED_ITEMS = QT_TRANSLATE_NOOP(
    "Cli", "{count} item(s) refused by the server: see 'sync status' for the reasons"
)
SERVER_REGISTERED = QT_TRANSLATE_NOOP("Cli", "server: {url} (registered)")
SERVER_NOT_REGISTERED = QT_TRANSLATE_NOOP("Cli", "server: {url} (not registered)")
LAST_SYNC = QT_TRANSLATE_NOOP("Cli", "last sync: {at} ({days} day(s) ago)")
NEVER_SYNCED = QT_TRANSLATE_NOOP("Cli", "last sync: never")
PENDING = QT_TRANSLATE_NOOP("Cli", "changes waiting to be sent: {count}")
OPEN_CONFLICTS = QT_TRANSLATE_NOOP("Cli", "conflicts to resolve: {count}")
REJECTED = QT_TRANSLATE_NOOP("Cli", "refused by the server: {count}")
SKIPPED = QT_TRANSLATE_NOOP("Cli", "received records not taken: {count}")
LAST_ERROR = QT_TRANSLATE_NOOP("Cli", "last error: {reason}")
LAST_ERROR_AT = QT_TRANSLATE_NOOP("Cli", "last error ({at}): {reason}")
NOT_SYNCED_TOO_LONG = QT_TRANSLATE_NOOP(
    "Cli", "warning: this device has not synced for too long: run 'sync' when the network is up"
)
REJECTED_ITEM = QT_TRANSLATE_NOOP("Cli", "refused {kind} {key}: {reason}")
# Officer accounts that did not travel (docs/sync.md, "Accounts"): never merged.
ACCOUNT_CLASH = {
    "user_name_taken": QT_TRANSLATE_NOOP(
        "Cli",
        "account {user}: the user name belongs to another account of the unit; "
        "this one stays on this device (give the officer another user name)",
    ),
    "user_name_taken_here": QT_TRANSLATE_NOOP(
        "Cli",
        "the unit's account {user} was not taken: an account of this device has that "
        "user name (give one of the two officers another user name)",
    ),
}
ACCOUNT_CLASH_OTHER = QT_TRANSLATE_NOOP("Cli", "account {user} not shared: {reason}")
EXPORTED = QT_TRANSLATE_NOOP("Cli", "{count} item(s) written to {path}")
EXPORTED_FILES = QT_TRANSLATE_NOOP("Cli", "{count} attached file(s) written to {path}")
NO_CONFLICTS = QT_TRANSLATE_NOOP("Cli", "no open conflicts")
DIFFERENCE = QT_TRANSLATE_NOOP("Cli", "{field}: here {here}, on the server {server}")
KEPT_LOCAL = QT_TRANSLATE_NOOP("Cli", "{code}: this device's version kept (sent at the next sync)")
KEPT_SERVER = QT_TRANSLATE_NOOP("Cli", "{code}: the server's version kept")

# What to type, after the sentence shared with the UI (which names its own screens).
HINTS = {
    "not_registered": QT_TRANSLATE_NOOP(
        "Cli", "Register it with: python -m hcc_desktop device register --server URL --code CODE"
    ),
    "tls_error": QT_TRANSLATE_NOOP(
        "Cli",
        "If the server's certificate comes from a private authority, set {env}=/path/to/ca.pem",
    ),
}


def describe(exc: SyncError) -> str:
    """A message for a sync error in the CLI's language (English: one line)."""
    if text.language() == "en":
        template = MESSAGES.get(exc.code)
        if template is None:
            return exc.describe()
        return " ".join(template.format_map(_Blank(exc.params)).split())
    message = text.catalogue().error_message(exc)
    hint = HINTS.get(exc.code)
    if hint is not None:
        message += "\n  " + text.say(hint, env=CA_ENV)
    return message


def sync_service(services: Services) -> SyncService:
    existing = getattr(services, "sync", None)
    if isinstance(existing, SyncService):
        return existing
    return SyncService(services.db, settings=services.settings, catalog=services.catalog)


def _fail(exc: SyncError) -> int:
    print(text.error_line(describe(exc)), file=sys.stderr)
    return 1


# -- commands -------------------------------------------------------------------------------


def cmd_device_register(services: Services, args: argparse.Namespace) -> int:
    try:
        result = sync_service(services).register(args.server, args.code, device_name=args.name)
    except SyncError as exc:
        return _fail(exc)
    data = {
        "device_id": result.device_id,
        "unit_code": result.unit_code,
        "device_slot": result.device_slot,
        "server_url": result.server_url,
        "server_time": result.server_time,
    }
    if args.json:
        print_json(data)
    else:
        print(
            text.say(
                REGISTERED,
                device=result.device_id,
                unit=result.unit_code,
                slot=result.device_slot,
                server=result.server_url,
            )
        )
    return 0


def cmd_sync(services: Services, args: argparse.Namespace) -> int:
    show = sys.stderr.isatty() and not args.json

    def progress(phase: str, done: int, total: int) -> None:
        if show:
            of = f"/{total}" if total else ""
            print(f"\r{phase} {done}{of}   ", end="", file=sys.stderr, flush=True)

    try:
        result = sync_service(services).sync(progress=progress)
        # Files move after the records, so their dossiers are on the server first.
        files = AttachmentSync(services.attachments, sync_service(services)).sync(progress=progress)
    except SyncError as exc:
        if show:
            print(file=sys.stderr)
        return _fail(exc)
    if show:
        print(file=sys.stderr)
    if args.json:
        print_json({**result.to_json(), "attachments": files.to_json()})
    else:
        print(
            text.say(
                SYNCED,
                pushed=result.pushed,
                pulled=result.pulled,
                conflicts=result.conflicts,
                rejected=result.rejected,
                duplicates=result.duplicates,
            )
        )
    if result.conflicts:
        print(text.say(NEW_CONFLICTS, count=result.conflicts), file=sys.stderr)
    if result.rejected:
        print(text.say(REFUSED_ITEMS, count=result.rejected), file=sys.stderr)
    return 0


def _status_lines(status: SyncStatus) -> list[str]:
    server = status.server_url or "-"
    lines = [
        text.say(SERVER_REGISTERED if status.registered else SERVER_NOT_REGISTERED, url=server)
    ]
    if status.last_sync_at:
        lines.append(
            text.say(
                LAST_SYNC,
                at=f"{status.last_sync_at:%Y-%m-%d %H:%M}",
                days=status.days_since_sync,
            )
        )
    else:
        lines.append(text.say(NEVER_SYNCED))
    lines += [
        text.say(PENDING, count=status.pending),
        text.say(OPEN_CONFLICTS, count=status.open_conflicts),
        text.say(REJECTED, count=status.rejected),
    ]
    if status.skipped:
        lines.append(text.say(SKIPPED, count=status.skipped))
    if status.last_error:
        reason = describe(status.last_failure) if status.last_failure else status.last_error
        if status.last_error_at:
            at = f"{status.last_error_at:%Y-%m-%d %H:%M}"
            lines.append(text.say(LAST_ERROR_AT, at=at, reason=reason))
        else:
            lines.append(text.say(LAST_ERROR, reason=reason))
    if status.warn:
        lines.append(text.say(NOT_SYNCED_TOO_LONG))
    return lines


def cmd_sync_status(services: Services, args: argparse.Namespace) -> int:
    service = sync_service(services)
    status = service.status()
    if args.json:
        data = status.to_json()
        data["rejected_items"] = [vars(r) for r in service.rejected_items()]
        data["account_clashes"] = [vars(c) for c in service.account_clashes()]
        print_json(data)
    else:
        print("\n".join(_status_lines(status)))
        for r in service.rejected_items():
            reason = text.catalogue().sync_reason(r.reason)
            line = text.say(REJECTED_ITEM, kind=r.kind, key=r.code or r.entity_id, reason=reason)
            print(f"  {line} {r.detail}".rstrip())
        for c in service.account_clashes():
            known = ACCOUNT_CLASH.get(c.reason)
            if known is not None:
                print("  " + text.say(known, user=c.user_name))
            else:
                print("  " + text.say(ACCOUNT_CLASH_OTHER, user=c.user_name, reason=c.reason))
    return 0


def cmd_sync_export(services: Services, args: argparse.Namespace) -> int:
    try:
        count = sync_service(services).export_bundle(Path(args.file))
        files = 0
        if services.attachments.pending_uploads():
            target = files_path(args.file)
            files = AttachmentSync(services.attachments, sync_service(services)).export_files(
                target
            )
    except SyncError as exc:
        return _fail(exc)
    print(text.say(EXPORTED, count=count, path=args.file))
    if files:
        print(text.say(EXPORTED_FILES, count=files, path=target))
    return 0


def cmd_sync_conflicts(services: Services, args: argparse.Namespace) -> int:
    conflicts = sync_service(services).conflicts()
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "dossier_id": c.dossier_id,
                    "code": c.code,
                    "detected_at": c.detected_at.isoformat(sep=" ", timespec="minutes"),
                    "server_rev": c.server_rev,
                    "fields": list(c.fields),
                    "differences": [
                        {"field": d.field, "local": d.local, "server": d.server}
                        for d in c.differences
                    ],
                }
                for c in conflicts
            ]
        )
        return 0
    if not conflicts:
        print(text.say(NO_CONFLICTS))
    for c in conflicts:
        print(f"{c.id}\t{c.code}\t{', '.join(c.fields)}")
        for d in c.differences:
            if d.field != "components":
                print(
                    "    "
                    + text.say(DIFFERENCE, field=d.field, here=repr(d.local), server=repr(d.server))
                )
    return 0


def cmd_sync_resolve(services: Services, args: argparse.Namespace) -> int:
    dossier = sync_service(services).resolve_conflict(args.id, args.keep)
    kept = KEPT_LOCAL if args.keep == "local" else KEPT_SERVER
    print(text.say(kept, code=dossier.code))
    return 0


# -- parser -----------------------------------------------------------------------------------


def add_commands(subparsers: Any) -> None:
    """Register ``device register`` and ``sync …`` on the top-level argparse subparsers."""
    p = subparsers.add_parser("device", help="this device's enrolment with the sync server")
    dsub = p.add_subparsers(dest="device_command", required=True)
    r = dsub.add_parser("register", help="enrol this device with a one-time code")
    r.add_argument("--server", required=True, metavar="URL", help="e.g. https://sync.example.vn")
    r.add_argument("--code", required=True, help="one-time code from 'server enrol'")
    r.add_argument("--name", help="this device's name on the server (default: settings)")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_device_register)

    p = subparsers.add_parser(
        "sync",
        help="sync with the central server (or: status, export, conflicts, resolve)",
        description="Without an action: push this device's changes, then pull the unit's.",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION")
    c = ssub.add_parser("status", help="registration, last sync, pending changes, conflicts")
    c.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    c.set_defaults(func=cmd_sync_status)
    c = ssub.add_parser("export", help="write the pending changes as a bundle file")
    c.add_argument("file")
    c.set_defaults(func=cmd_sync_export)
    c = ssub.add_parser("conflicts", help="open conflicts and the fields that differ")
    c.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    c.set_defaults(func=cmd_sync_conflicts)
    c = ssub.add_parser("resolve", help="settle a conflict")
    c.add_argument("id", help="conflict id (see 'sync conflicts')")
    c.add_argument("--keep", required=True, choices=["local", "server"])
    c.set_defaults(func=cmd_sync_resolve)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m hcc_desktop.cli.sync [--db PATH] COMMAND …`` (the same commands, alone)."""
    from hcc_desktop.services import open_services

    parser = argparse.ArgumentParser(prog="python -m hcc_desktop.cli.sync")
    parser.add_argument("--db", type=Path, help="database file (default: the user's data dir)")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        services = open_services(args.db)
    except StoreKeyError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return 5  # the store's key is missing or wrong (cli/main.py EXIT_STORE_KEY)
    except HccError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return 1
    try:
        # Acts as an officer like the main CLI (HCC_USER/HCC_PASSWORD): registering the
        # device and settling conflicts are the administrator's (core/permissions).
        from hcc_desktop.cli.common import CliError
        from hcc_desktop.cli.login import EXIT_LOGIN, EXIT_NOT_ALLOWED, log_in
        from hcc_desktop.core.errors import AuthError, PermissionDenied

        try:
            log_in(services, args)
        except CliError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return exc.exit_code
        except AuthError as exc:
            print(f"error: {exc.describe()}", file=sys.stderr)
            return EXIT_LOGIN
        except PermissionDenied as exc:
            print(f"error: {exc.describe()}", file=sys.stderr)
            return EXIT_NOT_ALLOWED
        return int(args.func(services, args))
    except ValidationError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return 2
    except SyncError as exc:
        return _fail(exc)
    except HccError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return 1
    finally:
        services.close()


if __name__ == "__main__":
    sys.exit(main())
