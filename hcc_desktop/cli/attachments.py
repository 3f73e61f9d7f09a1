"""``attach``, ``attachments`` and ``documents``: scans, their files, and what is
held for a citizen's reuse."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hcc_desktop.cli import text
from hcc_desktop.cli.common import CliError, print_json
from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP
from hcc_desktop.services import Services
from hcc_desktop.services.attachments import AttachmentInfo

ATTACHED = QT_TRANSLATE_NOOP(
    "Cli", "Attached to {code}, paper {component}: {pages} pages, {size} (SHA-256 {short})"
)
RESULT_ATTACHED = QT_TRANSLATE_NOOP(
    "Cli", "Result of {code} attached: {pages} pages, {size} (SHA-256 {short})"
)
REUSED = QT_TRANSLATE_NOOP(
    "Cli", "Paper {component} of {code} met by a document already held (SHA-256 {short})"
)
NO_ATTACHMENTS = QT_TRANSLATE_NOOP("Cli", "Dossier {code} has no attached files")
NO_DOCUMENTS = QT_TRANSLATE_NOOP("Cli", "No digitised document is held for {id_number}")
SAVED = QT_TRANSLATE_NOOP("Cli", "{count} files written to {folder}")
NOT_HERE = QT_TRANSLATE_NOOP("Cli", "not on this computer yet")
RESULT = QT_TRANSLATE_NOOP("Cli", "result")


def _size(n: int) -> str:
    return f"{n / 1024:.0f} kB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def _transfer(services: Services) -> Any:
    from hcc_desktop.cli.sync import sync_service
    from hcc_desktop.services.attachments.transfer import AttachmentSync

    return AttachmentSync(services.attachments, sync_service(services))


def cmd_attach(services: Services, args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files]
    for f in files:
        if not f.is_file():
            raise CliError(text.say(text.FILE_NOT_FOUND, path=f))
    if args.component == "result":
        info = services.attachments.attach_result(dossier=args.code, sources=files)
        template = RESULT_ATTACHED
    elif args.reuse:
        info = services.attachments.reuse(
            dossier=args.code, component=args.component, sha256=args.reuse
        )
        template = REUSED
    else:
        info = services.attachments.attach(
            dossier=args.code, component=args.component, sources=files, mode=args.mode
        )
        template = ATTACHED
    if args.json:
        print_json(_entry(info))
    else:
        print(
            text.say(
                template,
                code=info.dossier_code,
                component=info.component_id,
                pages=info.pages,
                size=_size(info.size),
                short=info.sha256[:12],
            )
        )
    return 0


def _entry(info: AttachmentInfo) -> dict[str, object]:
    return {"dossier_code": info.dossier_code, **info.to_json()}


def cmd_attachments(services: Services, args: argparse.Namespace) -> int:
    infos = services.attachments.of_dossier(args.code)
    if args.save and (not infos or any(not i.present for i in infos)):
        try:
            _transfer(services).ensure_local(args.code)
        except SyncError as exc:
            if exc.code != "not_registered" or not infos:
                raise
        infos = services.attachments.of_dossier(args.code)
    if args.save:
        folder = Path(args.save)
        folder.mkdir(parents=True, exist_ok=True)
        for i in infos:
            name = f"{i.component_id or 'result'}-{i.sha256[:12]}.pdf".replace("/", "_")
            # Decrypted on the way out (the stored file is sealed: issue 12), and
            # logged before it is (issue 12 item 4).
            services.access.attachment(i.sha256, detail=f"lưu tệp {name}")
            (folder / name).write_bytes(services.attachments.read(i.sha256))
    if args.json:
        print_json([_entry(i) for i in infos])
    elif not infos:
        print(text.say(NO_ATTACHMENTS, code=args.code))
    else:
        for i in infos:
            where = "" if i.present else f"  ({text.say(NOT_HERE)})"
            label = i.component_id or text.say(RESULT)
            print(f"{label}\t{i.kind}\t{i.pages}\t{_size(i.size)}\t{i.sha256}{where}")
    if args.save and not args.json:
        print(text.say(SAVED, count=len(infos), folder=args.save))
    return 0


def cmd_documents(services: Services, args: argparse.Namespace) -> int:
    held = services.attachments.documents(args.id_number)
    if args.json:
        print_json([h.to_json() for h in held])
    elif not held:
        print(text.say(NO_DOCUMENTS, id_number=args.id_number))
    else:
        for h in held:
            print(
                f"{h.created_at:%d/%m/%Y}\t{h.dossier_code}\t{h.name}\t{h.pages}\t"
                f"{_size(h.size)}\t{h.sha256}"
            )
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("attach", help="attach scanned pages (images, PDF) to a dossier's paper")
    p.add_argument("code", help="dossier code")
    p.add_argument(
        "component",
        help="paper: catalog id (e.g. 1.001193-02), number in the list, or 'result'",
    )
    p.add_argument("files", nargs="*", help="image or PDF files, pages in order")
    p.add_argument("--mode", choices=("auto", "bitonal", "gray"), default="auto")
    p.add_argument("--reuse", metavar="SHA256", help="meet the paper with a document held")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_attach)

    p = sub.add_parser("attachments", help="a dossier's files (component, SHA-256, size, pages)")
    p.add_argument("code", help="dossier code")
    p.add_argument("--json", action="store_true")
    p.add_argument("--save", metavar="DIR", help="write the files into DIR (fetching them)")
    p.set_defaults(func=cmd_attachments)

    p = sub.add_parser("documents", help="documents held for a citizen, for reuse")
    p.add_argument("id_number", help="CCCD / identity number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_documents)
