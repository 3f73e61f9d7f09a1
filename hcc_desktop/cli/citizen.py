"""``citizen export ID_NUMBER OUT``: everything held about one citizen, as a zip
(leader and administrator; exit 2 for a malformed identity number, 4 for a counter
officer). The export itself is written to the access log first."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hcc_desktop.cli import text
from hcc_desktop.cli.common import print_json
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP
from hcc_desktop.services import Services

EXPORTED = QT_TRANSLATE_NOOP(
    "Cli",
    "{path}: the data of citizen {id_number} ({dossiers} dossiers, {home} home-service "
    "entries, {files} files, {access} access-log entries)",
)


def cmd_citizen_export(services: Services, args: argparse.Namespace) -> int:
    result = services.citizens.export(args.id_number, Path(args.out))
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "id_number": result.id_number,
                "dossiers": result.dossiers,
                "home_entries": result.home_entries,
                "attachments": result.attachments,
                "access_entries": result.access_entries,
            }
        )
    else:
        print(
            text.say(
                EXPORTED,
                path=str(result.path),
                id_number=result.id_number,
                dossiers=result.dossiers,
                home=result.home_entries,
                files=result.attachments,
                access=result.access_entries,
            )
        )
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("citizen", help="a citizen's data (leader, administrator)")
    csub = p.add_subparsers(dest="citizen_command", required=True)
    c = csub.add_parser(
        "export", help="everything held about a citizen as a zip (JSON, PDF, attachments)"
    )
    c.add_argument("id_number", metavar="ID_NUMBER", help="CCCD, CMND or passport number")
    c.add_argument("out", metavar="OUT", help="the .zip to write")
    c.add_argument("--json", action="store_true", help="print what was written as JSON")
    c.set_defaults(func=cmd_citizen_export)
