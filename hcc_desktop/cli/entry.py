"""The command line's entry point (``hcc-desktop-cli``, ``python -m hcc_desktop``).

``--version`` alone is answered before the commands are imported: the parser of
hcc_desktop/cli/main.py imports every command family, the services, SQLAlchemy,
reportlab and the server (about half a second), which an installer or a script
asking for the version does not need.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from hcc_desktop.core.version import version_line

        print(version_line())
        return 0
    from hcc_desktop.cli.main import main as run_command

    return run_command(argv)
