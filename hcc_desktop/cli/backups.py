"""``backup DEST`` and ``restore FILE`` (issue 12 items 1 and 5).

``backup`` writes a verified backup into the existing folder DEST and prints its
path (``--keep N`` then deletes this device's older backups there beyond the N
newest; ``--json`` describes it). ``restore`` verifies FILE against its manifest,
its integrity, its schema and its history before anything is replaced, asks on a
terminal (``--yes`` for scripts), keeps the current store as a safety copy and
swaps the backup in. Exit 2 with the reason when the file does not verify.
``restore`` does not open the store first: it is what one runs when the store is
damaged, and the app must be closed while it runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hcc_desktop.cli import login, text
from hcc_desktop.cli.common import CliError, fail, print_json, report
from hcc_desktop.core.errors import (
    AuthError,
    BackupError,
    HccError,
    PermissionDenied,
    StoreKeyError,
)
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP
from hcc_desktop.core.paths import default_db_path
from hcc_desktop.services import Services
from hcc_desktop.services.backups import BackupInfo, restore_store

PRUNED = QT_TRANSLATE_NOOP("Cli", "removed the older backup {path}")
CONFIRM = QT_TRANSLATE_NOOP(
    "Cli",
    "The backup {path} verifies (made {time}, {dossiers} dossiers). Replace the database "
    "{store} with it? The current database is kept as a safety copy. Close HCC Desktop "
    "on this computer first. Type y to restore: ",
)
NOT_CONFIRMED = QT_TRANSLATE_NOOP("Cli", "Not restored; nothing was replaced.")
NEEDS_YES = QT_TRANSLATE_NOOP(
    "Cli",
    "restore replaces the database: confirm it on a terminal, or add --yes in a script; "
    "nothing was replaced",
)
RESTORED = QT_TRANSLATE_NOOP(
    "Cli",
    "Restored {store} from {path} ({dossiers} dossiers). The previous database was kept "
    "as {safety}.",
)
RESTORED_MIGRATED = QT_TRANSLATE_NOOP(
    "Cli", "The backup was made by an older version and has been upgraded."
)
_YES = {"y", "yes", "c", "co", "có"}


def _info_json(info: BackupInfo) -> dict[str, Any]:
    return {
        "file": str(info.path),
        "created_at": info.created_at.strftime("%Y-%m-%d %H:%M:%S"),
        "unit_code": info.unit_code,
        "device_id": info.device_id,
        "schema_revision": info.schema_revision,
        "sha256": info.sha256,
        "size": info.size,
        "app_version": info.app_version,
        "counts": info.counts,
    }


def cmd_backup(services: Services, args: argparse.Namespace) -> int:
    info = services.backups.backup(Path(args.dest))
    pruned = services.backups.prune(Path(args.dest), args.keep) if args.keep else []
    if args.json:
        print_json({**_info_json(info), "pruned": [str(p) for p in pruned]})
        return 0
    print(info.path)
    for path in pruned:
        print(text.say(PRUNED, path=path), file=sys.stderr)
    return 0


def _ask(info: BackupInfo, store: Path) -> bool:
    question = text.say(
        CONFIRM,
        path=info.path,
        time=info.created_at.strftime("%d/%m/%Y %H:%M"),
        dossiers=info.dossiers,
        store=store,
    )
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().casefold() in _YES


def cmd_restore(args: argparse.Namespace) -> int:
    store = Path(args.db) if args.db else default_db_path()
    if not args.yes and not sys.stdin.isatty():
        fail(text.say(NEEDS_YES))
        return 2
    try:
        # An administrator of the backup (the store in place may be the damaged one).
        user = login.user_name(args)
        restorer = (user, login.password(user))
        result = restore_store(
            Path(args.file),
            store,
            confirm=None if args.yes else lambda i: _ask(i, store),
            restorer=restorer,
        )
    except CliError as exc:
        fail(str(exc))
        return exc.exit_code
    except AuthError as exc:
        report(exc)
        return login.EXIT_LOGIN
    except PermissionDenied as exc:
        report(exc)
        return login.EXIT_NOT_ALLOWED
    except StoreKeyError as exc:
        report(exc)
        return 5
    except BackupError as exc:
        # The file does not verify (or cannot be read): nothing was replaced.
        report(exc)
        return 2
    except HccError as exc:
        report(exc)
        return 1
    except OSError as exc:
        fail(text.os_error(exc))
        return 1
    if result is None:
        print(text.say(NOT_CONFIRMED), file=sys.stderr)
        return 1
    if args.json:
        print_json(
            {
                **_info_json(result.backup),
                "store": str(result.store),
                "safety_copy": str(result.safety_copy) if result.safety_copy else None,
                "migrated_from": result.migrated_from,
            }
        )
        return 0
    print(
        text.say(
            RESTORED,
            store=result.store,
            path=result.backup.path,
            dossiers=result.backup.dossiers,
            safety=result.safety_copy or "-",
        )
    )
    if result.migrated_from:
        print(text.say(RESTORED_MIGRATED))
    return 0


def add_commands(sub: Any) -> None:
    # Both the administrator's (core/permissions): ``backup`` through the login of
    # every command and the service, ``restore`` against the backup's own accounts.
    p = sub.add_parser("backup", help="write a verified backup of the database into a folder")
    p.add_argument("dest", metavar="DEST", help="an existing folder (a USB stick, a share)")
    p.add_argument(
        "--keep", type=int, metavar="N", help="then keep only this device's N newest backups"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore", help="verify a backup, then put it in place of the database (app closed)"
    )
    p.add_argument("file", metavar="FILE", help="a .hccbak file (its .json beside it)")
    p.add_argument("--yes", action="store_true", help="do not ask (scripts)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore, standalone=True)
